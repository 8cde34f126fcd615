//! Findings: what a rule reports (rule id, severity, message, spans, notes,
//! fingerprint). Output formats only render these; they never decide.

use serde::Serialize;

use crate::segment::SectionKind;

/// How serious a finding is. Ordered: `Info < Warning < Error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    /// The lowercase name used in every output format.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    /// Parses `info`, `warning` or `error`.
    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "info" => Some(Severity::Info),
            "warning" => Some(Severity::Warning),
            "error" => Some(Severity::Error),
            _ => None,
        }
    }

    /// One step more serious, saturating at `Error`.
    pub fn raised(self) -> Severity {
        match self {
            Severity::Info => Severity::Warning,
            Severity::Warning | Severity::Error => Severity::Error,
        }
    }
}

/// A stretch of the original draft that a finding or mention points at.
///
/// `start`/`end` are byte offsets into the draft as read: the file's bytes
/// for UTF-8 (not counting a byte-order mark), the decoded UTF-8 text for a
/// UTF-16 file (see `input::decode`); `line` and
/// `column` (1-based, column counted in characters) are filled in once, when
/// the report is assembled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entity: Option<String>,
    pub section: SectionKind,
    /// The file this span lies in, when it is not the report's own file
    /// (`tadqiq compare` names both versions of a story).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
}

/// One problem found in a draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub rule: &'static str,
    pub severity: Severity,
    pub message: String,
    /// The first span is the primary one.
    pub spans: Vec<Span>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    pub fingerprint: String,
    /// The edits that fix the finding when it has one unambiguous fix
    /// (`tadqiq check --fix`); empty otherwise. Not in the JSON report.
    #[serde(skip)]
    pub fix: Vec<Edit>,
}

/// One replacement in the original draft: the bytes `start..end` (offsets
/// as in [`Span`]), which read `original` when the draft was checked,
/// become `replacement`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub start: usize,
    pub end: usize,
    pub original: String,
    pub replacement: String,
}

impl Finding {
    /// The primary span.
    pub fn primary(&self) -> Option<&Span> {
        self.spans.first()
    }
}

/// A fingerprint that survives edits elsewhere in the draft: the rule id and
/// the folded texts of the spans, hashed with FNV-1a (stable across runs and
/// machines, unlike `std`'s hasher).
pub(crate) fn fingerprint(rule: &str, folded_texts: &[String]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for &b in bytes {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    };
    eat(rule.as_bytes());
    for text in folded_texts {
        eat(&[0x1f]);
        eat(text.as_bytes());
    }
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprint_depends_on_rule_and_texts_only() {
        let a = fingerprint(
            "name-conflict",
            &["فاروق الشرع".into(), "احمد الشرع".into()],
        );
        let b = fingerprint(
            "name-conflict",
            &["فاروق الشرع".into(), "احمد الشرع".into()],
        );
        let c = fingerprint(
            "role-conflict",
            &["فاروق الشرع".into(), "احمد الشرع".into()],
        );
        // Joining texts must not be ambiguous: ["ab","c"] differs from ["a","bc"].
        let d = fingerprint("x", &["ab".into(), "c".into()]);
        let e = fingerprint("x", &["a".into(), "bc".into()]);
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert_ne!(d, e);
        assert_eq!(a.len(), 16);
    }

    #[test]
    fn severity_order_and_raise() {
        assert!(Severity::Info < Severity::Warning && Severity::Warning < Severity::Error);
        assert_eq!(Severity::Info.raised(), Severity::Warning);
        assert_eq!(Severity::Error.raised(), Severity::Error);
    }
}
