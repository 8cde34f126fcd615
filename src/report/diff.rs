//! `tadqiq diff OLD NEW`: the findings a new revision of a draft added,
//! resolved and kept, matched by fingerprint. Human and JSON renderings.

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde::Serialize;

use super::{excerpt, visible, write_json_pretty, TOOL_NAME, TOOL_VERSION};
use crate::checker::FileReport;
use crate::finding::Finding;

/// The findings of two revisions of one draft, split three ways.
#[derive(Debug, Clone, Serialize)]
pub struct DraftDiff {
    pub old: String,
    pub new: String,
    /// In NEW only (spans point into NEW).
    pub added: Vec<Finding>,
    /// In OLD only (spans point into OLD).
    pub resolved: Vec<Finding>,
    /// In both (spans point into NEW).
    pub kept: Vec<Finding>,
    #[serde(skip)]
    old_text: String,
    #[serde(skip)]
    new_text: String,
}

/// Counts of a [`DraftDiff`].
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
pub struct DiffSummary {
    pub added: usize,
    pub resolved: usize,
    pub kept: usize,
}

impl DraftDiff {
    /// Matches findings by fingerprint, counting repeats: two findings with
    /// one fingerprint in NEW against one in OLD are one kept, one added.
    pub fn new(old: &FileReport, new: &FileReport) -> DraftDiff {
        let mut old_left: BTreeMap<&str, Vec<&Finding>> = BTreeMap::new();
        for f in &old.findings {
            old_left.entry(f.fingerprint.as_str()).or_default().push(f);
        }
        let mut added = Vec::new();
        let mut kept = Vec::new();
        for f in &new.findings {
            match old_left.get_mut(f.fingerprint.as_str()) {
                Some(list) if !list.is_empty() => {
                    list.remove(0);
                    kept.push(f.clone());
                }
                _ => added.push(f.clone()),
            }
        }
        // Resolved ones in OLD's report order.
        let mut resolved = Vec::new();
        let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
        for f in &old.findings {
            let n = seen.entry(f.fingerprint.as_str()).or_default();
            let matched_in_new = new
                .findings
                .iter()
                .filter(|g| g.fingerprint == f.fingerprint)
                .count();
            if *n >= matched_in_new {
                resolved.push(f.clone());
            }
            *n += 1;
        }
        DraftDiff {
            old: old.path.clone(),
            new: new.path.clone(),
            added,
            resolved,
            kept,
            old_text: old.text.clone(),
            new_text: new.text.clone(),
        }
    }

    pub fn summary(&self) -> DiffSummary {
        DiffSummary {
            added: self.added.len(),
            resolved: self.resolved.len(),
            kept: self.kept.len(),
        }
    }

    /// One block per finding, `added:`/`resolved:`/`kept:` first on the
    /// line so it starts with ASCII, then a summary line.
    ///
    /// # Errors
    /// Only I/O errors of `out`.
    pub fn render_human(&self, out: &mut dyn Write) -> io::Result<()> {
        let groups = [
            ("added", &self.added, &self.new, &self.new_text),
            ("resolved", &self.resolved, &self.old, &self.old_text),
            ("kept", &self.kept, &self.new, &self.new_text),
        ];
        for (label, findings, path, text) in groups {
            for f in findings {
                let Some(primary) = f.primary() else { continue };
                writeln!(
                    out,
                    "{label}: {}:{}:{}: {}[{}] {}",
                    visible(path),
                    primary.line,
                    primary.column,
                    f.severity.as_str(),
                    f.rule,
                    visible(&f.message)
                )?;
                if !text.is_empty() {
                    writeln!(
                        out,
                        "{:>5} | {}",
                        primary.line,
                        excerpt(text, primary.start, primary.end, 40)
                    )?;
                }
            }
        }
        let s = self.summary();
        writeln!(
            out,
            "tadqiq diff: {} added, {} resolved, {} kept",
            s.added, s.resolved, s.kept
        )
    }

    /// The diff as one JSON document: `tool`, `old`, `new`, `added`,
    /// `resolved`, `kept` (findings as in DESIGN.md §4) and `summary`.
    ///
    /// # Errors
    /// Only I/O errors of `out`.
    pub fn render_json(&self, out: &mut dyn Write) -> io::Result<()> {
        #[derive(Serialize)]
        struct Tool {
            name: &'static str,
            version: &'static str,
        }
        #[derive(Serialize)]
        struct Doc<'a> {
            tool: Tool,
            #[serde(flatten)]
            diff: &'a DraftDiff,
            summary: DiffSummary,
        }
        let doc = Doc {
            tool: Tool {
                name: TOOL_NAME,
                version: TOOL_VERSION,
            },
            diff: self,
            summary: self.summary(),
        };
        write_json_pretty(out, &doc)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Severity;

    fn report(path: &str, fingerprints: &[&str]) -> FileReport {
        FileReport {
            path: path.into(),
            findings: fingerprints
                .iter()
                .map(|fp| Finding {
                    rule: "quote-drift",
                    severity: Severity::Warning,
                    message: format!("finding {fp}"),
                    spans: vec![],
                    notes: vec![],
                    fingerprint: fp.to_string(),
                    fix: vec![],
                })
                .collect(),
            mentions: vec![],
            claims: None,
            text: String::new(),
        }
    }

    #[test]
    fn splits_by_fingerprint_with_repeats() {
        struct Case {
            /// What the case shows.
            name: &'static str,
            old: &'static [&'static str],
            new: &'static [&'static str],
            want: (usize, usize, usize),
        }
        let cases = [
            Case {
                name: "identical",
                old: &["a", "b"],
                new: &["a", "b"],
                want: (0, 0, 2),
            },
            Case {
                name: "one fixed, one new",
                old: &["a", "b"],
                new: &["a", "c"],
                want: (1, 1, 1),
            },
            Case {
                name: "a repeat added",
                old: &["a"],
                new: &["a", "a"],
                want: (1, 0, 1),
            },
            Case {
                name: "a repeat resolved",
                old: &["a", "a"],
                new: &["a"],
                want: (0, 1, 1),
            },
            Case {
                name: "all gone",
                old: &["a"],
                new: &[],
                want: (0, 1, 0),
            },
        ];
        for case in &cases {
            let d = DraftDiff::new(&report("o", case.old), &report("n", case.new));
            let s = d.summary();
            assert_eq!((s.added, s.resolved, s.kept), case.want, "{}", case.name);
        }
    }
}
