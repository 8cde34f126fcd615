//! Inline suppressions in drafts.
//!
//! ```text
//! <!-- tadqiq-ignore RULE: reason -->        the next paragraph
//! <!-- tadqiq-ignore-file RULE: reason -->   the whole draft
//! # tadqiq-ignore RULE: reason               plain text, on its own line
//! ```
//!
//! `RULE` is a rule id, several separated by commas, or `all`. A suppression
//! without a reason, naming no rule, or that suppressed nothing is itself
//! reported under the rule id [`RULE`] (`suppression`, a warning), so a stale
//! or unexplained suppression cannot hide in a draft.

use std::ops::Range;

use crate::finding::{fingerprint, Finding, Severity};
use crate::normalize::fold_str;
use crate::rules::RuleInfo;
use crate::segment::{Document, Format};

/// The rule id of problems with suppressions themselves.
pub const RULE: &str = "suppression";

/// The metadata of [`RULE`], listed with the other rules.
pub const INFO: RuleInfo = RuleInfo {
    id: RULE,
    default_severity: Severity::Warning,
    summary: "An inline tadqiq-ignore comment that gives no reason, names no rule, or suppresses nothing.",
    explain: "Drafts may silence a rule where an editor has checked the text by hand:\n\n    <!-- tadqiq-ignore name-conflict: two different men, checked with the desk -->\n    (the next paragraph)\n\n    <!-- tadqiq-ignore-file spelling-variant: quoted from two agencies -->\n    (anywhere: the whole draft)\n\nIn plain text the same words stand on their own line after `#`:\n\n    # tadqiq-ignore quote-drift: the second quote is a translation\n\nRULE may list several ids separated by commas, or be `all`. The reason after\nthe colon is required. A suppression that gives no reason, names no rule, or\nsuppresses no finding is reported as a `suppression` warning, e.g.\n\n    <!-- tadqiq-ignore name-conflict -->   (no reason)\n\nSet `rules: {suppression: off}` in tadqiq.yaml to stop these reports.\n",
};

#[derive(Debug, Clone, PartialEq, Eq)]
enum Scope {
    File,
    /// Byte range of the paragraph the directive applies to (empty when
    /// nothing follows it).
    Paragraph(Range<usize>),
}

/// One `tadqiq-ignore` comment found in a draft.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Directive {
    /// Byte range of the comment or `#` line.
    range: Range<usize>,
    rules: Vec<String>,
    reason: Option<String>,
    scope: Scope,
}

impl Directive {
    fn covers(&self, finding: &Finding) -> bool {
        if !self.rules.iter().any(|r| r == "all" || r == finding.rule) {
            return false;
        }
        match &self.scope {
            Scope::File => true,
            Scope::Paragraph(range) => finding.primary().is_some_and(|s| range.contains(&s.start)),
        }
    }
}

/// Parses the body of a directive after `tadqiq-ignore`: `[-file] RULES[: reason]`.
/// Returns `None` when the text is not a directive at all.
fn parse_body(body: &str) -> Option<(bool, Vec<String>, Option<String>)> {
    let rest = body.trim_start().strip_prefix("tadqiq-ignore")?;
    let (file, rest) = match rest.strip_prefix("-file") {
        Some(r) => (true, r),
        None => (false, rest),
    };
    // `tadqiq-ignored` or `tadqiq-ignore-files` are not directives.
    if rest
        .chars()
        .next()
        .is_some_and(|c| !c.is_whitespace() && c != ':')
    {
        return None;
    }
    let (rules, reason) = match rest.split_once(':') {
        Some((rules, reason)) => (rules, Some(reason.trim().to_string())),
        None => (rest, None),
    };
    let rules = rules
        .split([',', ' ', '\t'])
        .map(str::trim)
        .filter(|r| !r.is_empty())
        .map(str::to_string)
        .collect();
    Some((file, rules, reason.filter(|r| !r.is_empty())))
}

/// A directive as written: its range, file scope or not, rules, reason.
type Written = (Range<usize>, bool, Vec<String>, Option<String>);

/// Every directive of a draft, in order.
fn directives(text: &str, format: Format) -> Vec<Directive> {
    let mut found: Vec<Written> = Vec::new();
    let mut from = 0;
    while let Some(i) = text[from..].find("<!--") {
        let start = from + i;
        let Some(j) = text[start + 4..].find("-->") else {
            break;
        };
        let end = start + 4 + j + 3;
        if let Some((file, rules, reason)) = parse_body(&text[start + 4..end - 3]) {
            found.push((start..end, file, rules, reason));
        }
        from = end;
    }
    if format == Format::Plain {
        let mut offset = 0;
        for line in text.split_inclusive('\n') {
            let content = line.trim_end_matches(['\n', '\r']);
            let trimmed = content.trim_start();
            if let Some(body) = trimmed.strip_prefix('#') {
                if let Some((file, rules, reason)) = parse_body(body) {
                    let start = offset + (content.len() - trimmed.len());
                    found.push((start..offset + content.len(), file, rules, reason));
                }
            }
            offset += line.len();
        }
        found.sort_by_key(|d| d.0.start);
    }
    let starts: Vec<Range<usize>> = found.iter().map(|d| d.0.clone()).collect();
    found
        .into_iter()
        .map(|(range, file, rules, reason)| Directive {
            scope: if file {
                Scope::File
            } else {
                Scope::Paragraph(next_paragraph(text, range.end, &starts))
            },
            range,
            rules,
            reason,
        })
        .collect()
}

/// The paragraph after byte `from`: from the first line with text that is
/// not itself a directive, up to the next blank line.
fn next_paragraph(text: &str, from: usize, directives: &[Range<usize>]) -> Range<usize> {
    let mut pos = from;
    // Skip the rest of the directive's line, blank lines and stacked directives.
    loop {
        let rest = &text[pos..];
        let skipped = rest.len() - rest.trim_start().len();
        pos += skipped;
        match directives.iter().find(|d| d.start == pos) {
            Some(d) => pos = d.end,
            None => break,
        }
    }
    let start = text[..pos].rfind('\n').map_or(0, |i| i + 1).max(from);
    let mut end = text.len();
    let mut offset = pos;
    for line in text[pos..].split_inclusive('\n') {
        if line.trim().is_empty() {
            end = offset;
            break;
        }
        offset += line.len();
    }
    start..end.max(start)
}

/// Drops the findings the draft's suppressions cover and returns the
/// `suppression` findings about the directives themselves (unsorted; line
/// and column not yet filled in).
pub(crate) fn apply(
    text: &str,
    format: Format,
    doc: &Document,
    findings: &mut Vec<Finding>,
) -> Vec<Finding> {
    let directives = directives(text, format);
    if directives.is_empty() {
        return Vec::new();
    }
    let mut used = vec![false; directives.len()];
    findings.retain(|f| {
        let mut keep = true;
        for (i, d) in directives.iter().enumerate() {
            if d.covers(f) {
                used[i] = true;
                keep = false;
            }
        }
        keep
    });
    let mut out = Vec::new();
    for (d, used) in directives.iter().zip(used) {
        let written = text.get(d.range.clone()).unwrap_or("").to_string();
        let problem = if d.rules.is_empty() {
            Some(format!(
                "\"{}\" names no rule; write `tadqiq-ignore RULE: reason`",
                written.trim()
            ))
        } else if d.reason.is_none() {
            Some(format!(
                "suppression of `{}` gives no reason; add one after a colon",
                d.rules.join(", ")
            ))
        } else if !used {
            Some(format!(
                "suppression of `{}` matched no finding; remove it",
                d.rules.join(", ")
            ))
        } else {
            None
        };
        let Some(message) = problem else { continue };
        let mut notes = Vec::new();
        let known = crate::config::known_rules();
        for rule in &d.rules {
            if rule != "all" && !known.contains(&rule.as_str()) {
                notes.push(format!("no rule is called `{rule}`"));
            }
        }
        let span = crate::finding::Span {
            start: d.range.start,
            end: d.range.end,
            line: 0,
            column: 0,
            text: written.clone(),
            entity: None,
            section: doc.section_at(d.range.start),
            path: None,
        };
        out.push(Finding {
            rule: RULE,
            severity: Severity::Warning,
            message,
            spans: vec![span],
            notes,
            fingerprint: fingerprint(RULE, &[fold_str(&written)]),
            fix: Vec::new(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Case {
        /// What the case shows.
        name: &'static str,
        format: Format,
        text: &'static str,
        /// (rules, has reason, whole file, the text of the paragraph covered)
        want: Vec<(&'static str, bool, bool, &'static str)>,
    }

    #[test]
    fn directive_cases() {
        let cases = [
            Case {
                name: "an HTML comment covers the next paragraph only",
                format: Format::Markdown,
                text: "أول\n\n<!-- tadqiq-ignore name-conflict: checked -->\nفقرة ثانية\nتستمر\n\nثالثة\n",
                want: vec![("name-conflict", true, false, "فقرة ثانية\nتستمر\n")],
            },
            Case {
                name: "a blank line between the comment and the paragraph is fine",
                format: Format::Markdown,
                text: "<!-- tadqiq-ignore quote-drift: ok -->\n\nالفقرة\n",
                want: vec![("quote-drift", true, false, "الفقرة\n")],
            },
            Case {
                name: "several rules, and no reason",
                format: Format::Markdown,
                text: "<!-- tadqiq-ignore name-conflict, role-conflict -->\nنص\n",
                want: vec![("name-conflict,role-conflict", false, false, "نص\n")],
            },
            Case {
                name: "the file form",
                format: Format::Markdown,
                text: "نص\n\n<!-- tadqiq-ignore-file spelling-variant: two agencies -->\n",
                want: vec![("spelling-variant", true, true, "")],
            },
            Case {
                name: "plain text uses # lines",
                format: Format::Plain,
                text: "# tadqiq-ignore spelling-variant: quoted\nالأمريكي هنا\n\nبعد\n",
                want: vec![("spelling-variant", true, false, "الأمريكي هنا\n")],
            },
            Case {
                name: "stacked directives share the paragraph",
                format: Format::Plain,
                text: "# tadqiq-ignore a: x\n# tadqiq-ignore b: y\nنص\n",
                want: vec![("a", true, false, "نص\n"), ("b", true, false, "نص\n")],
            },
            Case {
                name: "# lines are headings in Markdown, not directives",
                format: Format::Markdown,
                text: "# tadqiq-ignore spelling-variant: quoted\nنص\n",
                want: vec![],
            },
            Case {
                name: "other comments and look-alike words are not directives",
                format: Format::Markdown,
                text: "<!-- a note -->\n<!-- tadqiq-ignored x: y -->\nنص\n",
                want: vec![],
            },
        ];
        for case in &cases {
            let got: Vec<(String, bool, bool, String)> = directives(case.text, case.format)
                .into_iter()
                .map(|d| {
                    let (file, covered) = match &d.scope {
                        Scope::File => (true, String::new()),
                        Scope::Paragraph(r) => (false, case.text[r.clone()].to_string()),
                    };
                    (d.rules.join(","), d.reason.is_some(), file, covered)
                })
                .collect();
            let want: Vec<(String, bool, bool, String)> = case
                .want
                .iter()
                .map(|(r, reason, file, covered)| {
                    (r.to_string(), *reason, *file, covered.to_string())
                })
                .collect();
            assert_eq!(got, want, "{}", case.name);
        }
    }
}
