//! The consistency rules, one file each. A rule reads the analysed draft
//! ([`Context`]) and pushes [`Finding`]s; it never renders anything.

use std::collections::BTreeMap;

mod date_conflict;
mod fact_conflict;
mod name_conflict;
pub(crate) mod near_miss;
mod number_conflict;
mod quote_drift;
mod role_conflict;
mod spelling_variant;
pub(crate) mod titles;
mod unknown_name;

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
        let texts: Vec<String> = spans.iter().map(|s| fold_str(&s.text)).collect();
        Finding {
            rule,
            severity,
            message,
            fingerprint: fingerprint(rule, &texts),
            spans,
            notes,
        }
    }
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
        &number_conflict::NumberConflict,
        &quote_drift::QuoteDrift,
        &name_conflict::NameConflict,
        &near_miss::NearMiss,
        &role_conflict::RoleConflict,
        &spelling_variant::SpellingVariant,
        &unknown_name::UnknownName,
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
