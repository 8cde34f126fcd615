//! The consistency rules, one file each. A rule reads the analysed draft
//! ([`Context`]) and pushes [`Finding`]s; it never renders anything.

use std::collections::BTreeMap;

pub(crate) mod date_conflict;
mod fact_conflict;
pub(crate) mod front_matter_date;
mod name_conflict;
pub(crate) mod near_miss;
pub(crate) mod number_conflict;
pub(crate) mod quote_drift;
mod role_conflict;
mod spelling_variant;
pub(crate) mod titles;
pub(crate) mod unknown_name;
mod version_gap;
pub(crate) mod words;

use crate::claims::Claims;
use crate::finding::{fingerprint, Finding, Severity, Span};
use crate::gazetteer::{Gazetteer, PartialDate};
use crate::normalize::{fold_str, Folded};
use crate::resolve::Mention;
use crate::segment::Document;
pub(crate) use titles::{all_words, Gap, Lexicon, Word};

/// House style from the config: preferred forms per entity and per word pair.
#[derive(Debug, Clone, Default)]
pub struct Prefer {
    /// entity id → preferred surface form.
    pub entities: BTreeMap<String, String>,
    /// Pairs of spellings; the first of each is preferred.
    pub words: Vec<(String, String)>,
}

/// Everything a rule may read about one draft.
pub(crate) struct Context<'a> {
    /// The original text.
    pub text: &'a str,
    pub folded: &'a Folded,
    pub doc: &'a Document,
    pub mentions: &'a [Mention],
    pub claims: &'a Claims,
    pub gazetteer: &'a Gazetteer,
    /// The draft's date when known (`--date` or front matter).
    pub date: Option<PartialDate>,
    /// The date titles are judged at: the draft's date, else today.
    pub role_date: PartialDate,
    pub prefer: &'a Prefer,
    /// Title and name indexes of the gazetteer, built once per checker.
    pub lexicon: &'a Lexicon,
    /// Every word of the folded draft with the gap before it, split once
    /// for all the rules that walk words.
    pub words: &'a [(Gap, Word<'a>)],
}

impl Context<'_> {
    /// A span over original bytes `start..end`, with its text and section;
    /// line and column are filled in when the report is assembled.
    pub fn span(&self, start: usize, end: usize, entity: Option<&str>) -> Span {
        Span {
            start,
            end,
            line: 0,
            column: 0,
            text: self.text.get(start..end).unwrap_or("").to_string(),
            entity: entity.map(str::to_string),
            section: self.doc.section_at(start),
            path: None,
        }
    }

    /// The span of a mention.
    pub fn mention_span(&self, mention: &Mention) -> Span {
        self.span(mention.start, mention.end, mention.entity_id.as_deref())
    }

    /// A finding with its fingerprint computed from the folded span texts.
    pub fn finding(
        &self,
        rule: &'static str,
        severity: Severity,
        message: String,
        spans: Vec<Span>,
        notes: Vec<String>,
    ) -> Finding {
        finding(rule, severity, message, spans, notes)
    }
}

/// A finding with its fingerprint computed from the folded span texts (for
/// code outside a rule's context too: `tadqiq compare`).
pub(crate) fn finding(
    rule: &'static str,
    severity: Severity,
    message: String,
    spans: Vec<Span>,
    notes: Vec<String>,
) -> Finding {
    let texts: Vec<String> = spans.iter().map(|s| fold_str(&s.text)).collect();
    Finding {
        rule,
        severity,
        message,
        fingerprint: fingerprint(rule, &texts),
        spans,
        notes,
        fix: Vec::new(),
    }
}

/// Distinct values of one slot compared with each other, pair by pair.
/// A slot with more (only adversarial drafts have them) is reported on its
/// first `MAX_COMPARED` distinct values, with a note saying so, so that one
/// slot costs at most `MAX_COMPARED²/2` comparisons whatever the draft.
pub(crate) const MAX_COMPARED: usize = 256;

/// Spans listed by one grouped finding (the pair it names first, then the
/// first occurrence of each other value), and notes listing values.
pub(crate) const MAX_LISTED: usize = 10;

/// Findings kept per draft. Beyond it the least severe are dropped (then the
/// latest in the draft) and one `findings-limit` info says how many, so no
/// draft can make a report exhaust memory or disk.
pub(crate) const MAX_FINDINGS: usize = 1_000;

/// The rule id of the note that says findings were dropped.
pub(crate) const LIMIT_RULE: &str = "findings-limit";

/// The distinct values of `items` under `key`, in order of first
/// appearance, each with its first item and how often it occurs. Linear:
/// one hash lookup per item.
pub(crate) fn distinct<T, K, F>(items: impl IntoIterator<Item = T>, key: F) -> Vec<(T, usize)>
where
    K: std::hash::Hash + Eq,
    F: Fn(&T) -> K,
{
    let mut seen: std::collections::HashMap<K, usize> = std::collections::HashMap::new();
    let mut out: Vec<(T, usize)> = Vec::new();
    for item in items {
        let k = key(&item);
        match seen.get(&k) {
            Some(&i) => out[i].1 += 1,
            None => {
                seen.insert(k, out.len());
                out.push((item, 1));
            }
        }
    }
    out
}

/// `"89"` or `"89" (3 times)`: a value with how often the draft gives it.
pub(crate) fn times(text: &str, count: usize) -> String {
    if count > 1 {
        format!("\"{text}\" ({count} times)")
    } else {
        format!("\"{text}\"")
    }
}

/// Keeps at most [`MAX_FINDINGS`] of a draft's sorted findings: the most
/// severe first, then the earliest. The dropped ones are counted in one
/// last info finding whose span is where the first dropped finding was.
pub(crate) fn limit(findings: &mut Vec<Finding>) {
    if findings.len() <= MAX_FINDINGS {
        return;
    }
    // Positions in report order; a stable sort by severity keeps that order
    // among equals, so the kept set is deterministic.
    let mut order: Vec<usize> = (0..findings.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(findings[i].severity));
    let mut keep = vec![false; findings.len()];
    for &i in &order[..MAX_FINDINGS] {
        keep[i] = true;
    }
    let mut dropped = [0usize; 3];
    let mut first_dropped: Option<Span> = None;
    let mut i = 0;
    findings.retain(|f| {
        let kept = keep[i];
        i += 1;
        if !kept {
            dropped[f.severity as usize] += 1;
            if first_dropped.is_none() {
                first_dropped = f.primary().cloned();
            }
        }
        kept
    });
    let total: usize = dropped.iter().sum();
    let [infos, warnings, errors] = dropped;
    let spans: Vec<Span> = first_dropped.into_iter().collect();
    findings.push(Finding {
        rule: LIMIT_RULE,
        severity: Severity::Info,
        message: format!(
            "{total} more findings were dropped: a draft reports at most {MAX_FINDINGS}, the most severe first"
        ),
        fingerprint: fingerprint(LIMIT_RULE, &[]),
        spans,
        notes: vec![format!(
            "dropped: {errors} errors, {warnings} warnings, {infos} infos; the span is where the first dropped finding was"
        )],
        fix: Vec::new(),
    });
}

/// What every rule declares about itself.
#[derive(Debug, Clone, Copy)]
pub struct RuleInfo {
    /// The kebab-case id (a contract: never renamed).
    pub id: &'static str,
    /// The most serious severity the rule reports by default.
    pub default_severity: Severity,
    /// One sentence for SARIF and `--help`.
    pub summary: &'static str,
    /// The `tadqiq explain` text: what it checks, with an example.
    pub explain: &'static str,
}

/// A consistency rule.
pub(crate) trait Rule: Sync {
    fn info(&self) -> RuleInfo;
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>);
}

/// Every rule, in id order.
pub(crate) fn all() -> Vec<&'static dyn Rule> {
    let mut rules: Vec<&'static dyn Rule> = vec![
        &date_conflict::DateConflict,
        &fact_conflict::FactConflict,
        &front_matter_date::FrontMatterDate,
        &number_conflict::NumberConflict,
        &quote_drift::QuoteDrift,
        &name_conflict::NameConflict,
        &near_miss::NearMiss,
        &role_conflict::RoleConflict,
        &spelling_variant::SpellingVariant,
        &unknown_name::UnknownName,
        &version_gap::VersionGap,
    ];
    rules.sort_by_key(|r| r.info().id);
    rules
}

/// The metadata of every rule, in id order.
pub fn catalog() -> Vec<RuleInfo> {
    all().iter().map(|r| r.info()).collect()
}

/// The rule with this id.
pub fn lookup(id: &str) -> Option<RuleInfo> {
    catalog().into_iter().find(|r| r.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::SectionKind;

    fn finding(severity: Severity, start: usize) -> Finding {
        Finding {
            rule: "number-conflict",
            severity,
            message: format!("at {start}"),
            spans: vec![Span {
                start,
                end: start + 1,
                line: 1,
                column: start + 1,
                text: "x".into(),
                entity: None,
                section: SectionKind::Body,
                path: None,
            }],
            notes: Vec::new(),
            fingerprint: String::new(),
            fix: Vec::new(),
        }
    }

    struct Case {
        /// (infos, then errors) in draft order: `infos` at 0.., errors after.
        infos: usize,
        errors: usize,
        /// Findings kept, and whether a `findings-limit` note follows.
        kept: usize,
        note: bool,
    }

    #[test]
    fn limit_keeps_the_most_severe() {
        let cases = [
            // Under the limit: untouched.
            Case {
                infos: 10,
                errors: 10,
                kept: 20,
                note: false,
            },
            Case {
                infos: MAX_FINDINGS,
                errors: 0,
                kept: MAX_FINDINGS,
                note: false,
            },
            // Over it: every error survives, the latest infos go first.
            Case {
                infos: 900,
                errors: 200,
                kept: MAX_FINDINGS,
                note: true,
            },
            Case {
                infos: 0,
                errors: 5_000,
                kept: MAX_FINDINGS,
                note: true,
            },
        ];
        for c in cases {
            let mut findings: Vec<Finding> = (0..c.infos)
                .map(|i| finding(Severity::Info, i))
                .chain((0..c.errors).map(|i| finding(Severity::Error, c.infos + i)))
                .collect();
            limit(&mut findings);
            let note = findings.last().filter(|f| f.rule == LIMIT_RULE).cloned();
            assert_eq!(note.is_some(), c.note, "{} + {}", c.infos, c.errors);
            let kept = findings.len() - usize::from(note.is_some());
            assert_eq!(kept, c.kept);
            let errors = findings
                .iter()
                .filter(|f| f.severity == Severity::Error)
                .count();
            assert_eq!(errors, c.errors.min(MAX_FINDINGS));
            if let Some(note) = note {
                let dropped = c.infos + c.errors - c.kept;
                assert!(note
                    .message
                    .starts_with(&format!("{dropped} more findings")));
                // Kept findings stay in draft order.
                let starts: Vec<usize> =
                    findings[..kept].iter().map(|f| f.spans[0].start).collect();
                assert!(starts.windows(2).all(|w| w[0] < w[1]));
            }
        }
    }
}

/// Helpers for the rules' table-driven tests.
#[cfg(test)]
pub(crate) mod testing {
    use crate::checker::{CheckerBuilder, Mode};
    use crate::segment::Format;

    /// (severity, primary span text) of every `rule` finding on `text`, with
    /// the checker `builder` describes.
    pub(crate) fn findings(
        rule: &str,
        text: &str,
        builder: &mut CheckerBuilder,
    ) -> Vec<(String, String)> {
        let checker = builder.build().expect("the embedded gazetteer is valid");
        checker
            .run("t.txt", text, Format::Plain, Mode::Check)
            .findings
            .iter()
            .filter(|f| f.rule == rule)
            .map(|f| (f.severity.as_str().to_string(), f.spans[0].text.clone()))
            .collect()
    }

    /// The primary span texts of every `rule` finding on `text`.
    pub(crate) fn flagged(rule: &str, text: &str, builder: &mut CheckerBuilder) -> Vec<String> {
        findings(rule, text, builder)
            .into_iter()
            .map(|(_, text)| text)
            .collect()
    }
}
