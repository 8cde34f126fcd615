//! Baselines: the fingerprints of findings accepted as they are, so a CI
//! gate can be switched on for a backlog of drafts and only fail on new
//! problems (`check --write-baseline FILE`, then `check --baseline FILE`).
//!
//! Findings are matched by path and fingerprint, counted: a baseline holding
//! one `spelling-variant` fingerprint for a draft hides one such finding,
//! not two. Fingerprints hold the rule and the normalized span texts, never
//! a line number, so edits elsewhere in the draft keep a finding baselined.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::report::Report;

/// The baseline file format version.
const VERSION: u32 = 1;

/// A baseline file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Baseline {
    pub tool: String,
    pub version: u32,
    pub findings: Vec<BaselineEntry>,
}

/// One accepted finding. `message` is for the reader of the file only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BaselineEntry {
    pub path: String,
    pub rule: String,
    pub fingerprint: String,
    #[serde(default)]
    pub message: String,
}

/// A baseline that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaselineError {
    pub path: String,
    /// 1-based line and column (in characters), for invalid JSON.
    pub location: Option<(usize, usize)>,
    pub message: String,
}

impl fmt::Display for BaselineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.location {
            Some((line, column)) => write!(f, "{}:{line}:{column}: {}", self.path, self.message),
            None => write!(f, "{}: {}", self.path, self.message),
        }
    }
}

impl std::error::Error for BaselineError {}

/// What applying a baseline did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BaselineOutcome {
    /// Findings hidden because the baseline holds them.
    pub matched: usize,
    /// Entries for the checked drafts that matched no finding (fixed, or
    /// changed enough to get a new fingerprint).
    pub stale: usize,
}

/// `./a.md` and `a.md` are one draft; so are `a\b.md` and `a/b.md`.
pub(crate) fn normal_path(path: &str) -> String {
    let path = path.replace('\\', "/");
    let mut s = path.as_str();
    while let Some(rest) = s.strip_prefix("./") {
        s = rest;
    }
    s.to_string()
}

impl Baseline {
    /// The findings of `report`, in report order.
    pub fn from_report(report: &Report) -> Baseline {
        let findings = report
            .files
            .iter()
            .flat_map(|file| {
                file.findings.iter().map(|f| BaselineEntry {
                    path: normal_path(&file.path),
                    rule: f.rule.to_string(),
                    fingerprint: f.fingerprint.clone(),
                    message: f.message.clone(),
                })
            })
            .collect();
        Baseline {
            tool: crate::report::TOOL_NAME.to_string(),
            version: VERSION,
            findings,
        }
    }

    /// Reads a baseline file.
    ///
    /// # Errors
    /// An unreadable file, invalid JSON, or an unknown version.
    pub fn load(path: &Path) -> Result<Baseline, BaselineError> {
        let error = |message: String| BaselineError {
            path: path.display().to_string(),
            location: None,
            message,
        };
        let text = std::fs::read_to_string(path).map_err(|e| {
            error(match e.kind() {
                std::io::ErrorKind::NotFound => "no such baseline file".to_string(),
                _ => format!("cannot read baseline: {e}"),
            })
        })?;
        let baseline: Baseline = serde_json::from_str(&text).map_err(|e| BaselineError {
            location: Some(json_place(&text, e.line(), e.column())),
            ..error(format!("not a tadqiq baseline: {}", json_message(&e)))
        })?;
        if baseline.version != VERSION {
            return Err(error(format!(
                "baseline version {} is not supported (expected {VERSION})",
                baseline.version
            )));
        }
        Ok(baseline)
    }

    /// The file's text: pretty JSON, one entry per finding, ending in a newline.
    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).unwrap_or_default();
        text.push('\n');
        text
    }

    /// Removes the findings the baseline holds from `report`.
    pub fn apply(&self, report: &mut Report) -> BaselineOutcome {
        let mut left: BTreeMap<(String, String), usize> = BTreeMap::new();
        for e in &self.findings {
            *left
                .entry((normal_path(&e.path), e.fingerprint.clone()))
                .or_default() += 1;
        }
        let mut outcome = BaselineOutcome::default();
        let mut checked = BTreeSet::new();
        for file in &mut report.files {
            let path = normal_path(&file.path);
            file.findings.retain(
                |f| match left.get_mut(&(path.clone(), f.fingerprint.clone())) {
                    Some(n) if *n > 0 => {
                        *n -= 1;
                        outcome.matched += 1;
                        false
                    }
                    _ => true,
                },
            );
            checked.insert(path);
        }
        outcome.stale = left
            .iter()
            .filter(|((path, _), _)| checked.contains(path))
            .map(|(_, n)| n)
            .sum();
        outcome
    }
}

/// serde_json's message without its trailing " at line L column C".
fn json_message(e: &serde_json::Error) -> String {
    let message = e.to_string();
    match message.rfind(" at line ") {
        Some(i) if message[i..].contains(" column ") => message[..i].to_string(),
        _ => message,
    }
}

/// serde_json counts a column as the bytes read on the line (0 before the
/// first); this is the 1-based column, in characters, of the last of them.
fn json_place(text: &str, line: usize, column: usize) -> (usize, usize) {
    let line_text = text.split('\n').nth(line.saturating_sub(1)).unwrap_or("");
    let mut end = column.min(line_text.len());
    while !line_text.is_char_boundary(end) {
        end += 1;
    }
    (line.max(1), line_text[..end].chars().count().max(1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checker::FileReport;
    use crate::finding::{Finding, Severity};

    fn finding(fingerprint: &str) -> Finding {
        Finding {
            rule: "spelling-variant",
            severity: Severity::Warning,
            message: "m".into(),
            spans: vec![],
            notes: vec![],
            fingerprint: fingerprint.into(),
            fix: vec![],
        }
    }

    fn file(path: &str, fingerprints: &[&str]) -> FileReport {
        FileReport {
            path: path.into(),
            findings: fingerprints.iter().map(|f| finding(f)).collect(),
            mentions: vec![],
            claims: None,
            text: String::new(),
        }
    }

    #[test]
    fn json_places_are_one_based_characters() {
        // Empty file: serde_json says column 0.
        assert_eq!(json_place("", 1, 0), (1, 1));
        // `x` at the first column.
        assert_eq!(json_place("x", 1, 1), (1, 1));
        // A two-byte character before the bad value counts once.
        assert_eq!(json_place("{\"é\": x}", 1, 8), (1, 7));
        assert_eq!(json_place("{\n  \"b\" 2}", 2, 7), (2, 7));
    }

    #[test]
    fn matches_by_path_and_fingerprint_with_counts() {
        let old = Report {
            files: vec![file("./a.md", &["x", "y"]), file("b.md", &["z"])],
        };
        let baseline = Baseline::from_report(&old);
        assert_eq!(baseline.findings[0].path, "a.md");
        // Round trip through the file format.
        let baseline: Baseline = serde_json::from_str(&baseline.to_json()).unwrap();
        let mut now = Report {
            // x twice (one is new), y fixed; b.md not checked this time.
            files: vec![file("a.md", &["x", "x"])],
        };
        let outcome = baseline.apply(&mut now);
        assert_eq!(
            outcome,
            BaselineOutcome {
                matched: 1,
                stale: 1
            }
        );
        assert_eq!(now.files[0].findings.len(), 1);
    }
}
