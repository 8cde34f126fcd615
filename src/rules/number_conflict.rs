//! `number-conflict`: two quantities in the same slot (entity, predicate,
//! unit) that cannot both be true, or where one is less precise.

use std::collections::BTreeMap;

use super::{Context, Rule, RuleInfo};
use crate::claims::numbers::Quantity;
use crate::claims::slots::{display_name, Slot};
use crate::finding::{Finding, Severity};
use crate::segment::SectionKind;

pub(crate) struct NumberConflict;

pub(crate) const ID: &str = "number-conflict";

impl Rule for NumberConflict {
    fn info(&self) -> RuleInfo {
        RuleInfo {
            id: ID,
            default_severity: Severity::Error,
            summary: "Two quantities for the same entity, predicate and unit that contradict each other or differ in precision.",
            explain: "\
Every number in a draft is read as an interval: \"89\" is exactly 89, \"أكثر من 80\" /
\"more than 80\" is (80, ∞), \"نحو 80\" / \"about 80\" is 80 ± 8, \"عشرات\" / \"dozens\" is
[20, 99], \"بين 80 و90\" / \"between 80 and 90\" is [80, 90]. Digits (ASCII or
Arabic-Indic) and number words (\"تسعة وثمانين\", \"eighty-nine\") read the same.

Each quantity is bound to a slot: the entity it is about (the nearest tagged subject,
preferring one whose gazetteer facts declare the slot), a predicate (يضم, members,
killed, arrested …) and a unit (دولة, countries, people …). Only quantities in the same
slot are compared; a number that cannot be bound is never compared.

  disjoint intervals                  error    \"يضم 89 دولة\" … \"يضم أكثر من 90 دولة\"
  one strictly inside the other       warning  \"ويضم 89 دولة\" … \"يضم أكثر من 80 دولة\"
  overlapping, neither inside         info     \"نحو 80 دولة\" … \"أكثر من 80 دولة\"
  equal                               nothing  \"89 دولة\" … \"تسعة وثمانين دولة\"

Example (English): \"the coalition includes 89 countries\" and later \"the coalition
includes more than 80 countries\" is a warning: 89 lies inside (80, ∞), so the first
is the more precise; \"more than 90 countries\" would be an error.",
        }
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let mut slots: BTreeMap<&Slot, Vec<&Quantity>> = BTreeMap::new();
        for q in &cx.claims.quantities {
            if q.section == SectionKind::Boilerplate {
                continue;
            }
            if let Some(slot) = &q.slot {
                slots.entry(slot).or_default().push(q);
            }
        }
        for (slot, quantities) in slots {
            // One representative (the first) per distinct interval.
            let mut distinct: Vec<&Quantity> = Vec::new();
            for q in quantities {
                if !distinct.iter().any(|d| d.interval == q.interval) {
                    distinct.push(q);
                }
            }
            for a in 0..distinct.len() {
                for b in a + 1..distinct.len() {
                    if let Some(f) = compare(cx, slot, distinct[a], distinct[b]) {
                        out.push(f);
                    }
                }
            }
        }
    }
}

/// What the slot is, in words: `the "members" count (countries) of X`.
pub(crate) fn describe(cx: &Context<'_>, slot: &Slot, latin: bool) -> String {
    let name = cx
        .gazetteer
        .get(&slot.entity)
        .map_or(slot.entity.as_str(), |e| display_name(e, latin));
    format!(
        "the \"{}\" count ({}) of \"{}\"",
        slot.predicate, slot.unit, name
    )
}

fn compare(cx: &Context<'_>, slot: &Slot, first: &Quantity, second: &Quantity) -> Option<Finding> {
    let (a, b) = (&first.interval, &second.interval);
    let what = describe(cx, slot, second.latin);
    let reads = |q: &Quantity| {
        format!(
            "\"{}\" ({}) reads as {} ({})",
            q.text,
            q.section.as_str(),
            q.interval,
            q.kind.as_str()
        )
    };
    let notes = vec![
        format!(
            "slot: entity {}, predicate \"{}\", unit \"{}\"",
            slot.entity, slot.predicate, slot.unit
        ),
        format!("{}; {}", reads(first), reads(second)),
    ];
    let (severity, message, primary, other) = if a.disjoint(b) {
        (
            Severity::Error,
            format!(
                "\"{}\" contradicts \"{}\": both give {what}, but {} and {} do not overlap",
                second.text, first.text, second.interval, first.interval
            ),
            second,
            first,
        )
    } else if a.contains(b) || b.contains(a) {
        let (precise, vague) = if a.contains(b) {
            (second, first)
        } else {
            (first, second)
        };
        (
            Severity::Warning,
            format!(
                "\"{}\" is less precise than \"{}\" for {what}: {} lies inside {}, so \"{}\" is the more precise",
                vague.text, precise.text, precise.interval, vague.interval, precise.text
            ),
            vague,
            precise,
        )
    } else {
        (
            Severity::Info,
            format!(
                "\"{}\" and \"{}\" overlap without either containing the other for {what}: {} vs {}",
                second.text, first.text, second.interval, first.interval
            ),
            second,
            first,
        )
    };
    let entity = Some(slot.entity.as_str());
    let spans = vec![
        cx.span(primary.start, primary.end, entity),
        cx.span(other.start, other.end, entity),
    ];
    Some(cx.finding(ID, severity, message, spans, notes))
}
