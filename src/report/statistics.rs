//! `tadqiq check --statistics`: how many findings each rule reported, in
//! place of the findings (as ruff's `--statistics`). One line per rule with
//! findings, most frequent first: the count, the rule id, `[*]` when `--fix`
//! can fix some of them, and the rule's one-line summary. `--format json`
//! gives the same as an array of objects.

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde::Serialize;

use super::Report;

/// The counts of one rule.
#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct RuleCount {
    pub rule: &'static str,
    pub count: usize,
    /// Whether `--fix` fixes some of them.
    pub fixable: bool,
    pub summary: &'static str,
}

/// The summary of a rule id, for rules and for the two pseudo-rules.
fn summary(rule: &str) -> &'static str {
    if rule == crate::suppress::RULE {
        return crate::suppress::INFO.summary;
    }
    if rule == crate::rules::LIMIT_RULE {
        return "Findings dropped because a draft reports at most a fixed number.";
    }
    crate::rules::lookup(rule).map_or("", |info| info.summary)
}

/// Every rule with findings in `report`, most frequent first, then by id.
pub fn counts(report: &Report) -> Vec<RuleCount> {
    let mut by_rule: BTreeMap<&'static str, (usize, bool)> = BTreeMap::new();
    for finding in report.files.iter().flat_map(|f| &f.findings) {
        let entry = by_rule.entry(finding.rule).or_default();
        entry.0 += 1;
        entry.1 |= !finding.fix.is_empty();
    }
    let mut counts: Vec<RuleCount> = by_rule
        .into_iter()
        .map(|(rule, (count, fixable))| RuleCount {
            rule,
            count,
            fixable,
            summary: summary(rule),
        })
        .collect();
    counts.sort_by(|a, b| b.count.cmp(&a.count).then(a.rule.cmp(b.rule)));
    counts
}

/// Writes the statistics of `report`: tab-separated lines, or JSON.
///
/// # Errors
/// Only I/O errors writing `out`.
pub fn render(report: &Report, json: bool, out: &mut dyn Write) -> io::Result<()> {
    let counts = counts(report);
    if json {
        serde_json::to_writer_pretty(&mut *out, &counts)?;
        return writeln!(out);
    }
    let count_width = counts.iter().map(|c| c.count.to_string().len()).max();
    let rule_width = counts.iter().map(|c| c.rule.len()).max().unwrap_or(0);
    let any_fixable = counts.iter().any(|c| c.fixable);
    for c in &counts {
        let marker = match (any_fixable, c.fixable) {
            (false, _) => "",
            (true, true) => "[*] ",
            (true, false) => "[ ] ",
        };
        writeln!(
            out,
            "{:>cw$}\t{:<rw$}\t{marker}{}",
            c.count,
            c.rule,
            c.summary,
            cw = count_width.unwrap_or(1),
            rw = rule_width
        )?;
    }
    Ok(())
}
