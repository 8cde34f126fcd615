//! `number-conflict`: two quantities in the same slot (entity, predicate,
//! unit) that cannot both be true, or where one is less precise.

use std::collections::BTreeMap;

use super::{distinct, times, Context, Rule, RuleInfo, MAX_COMPARED, MAX_LISTED};
use crate::claims::numbers::{Interval, Quantity};
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
killed, arrested … from lexicon/predicates.yaml) and a unit (دولة, countries, people,
%, في المئة … from lexicon/units.yaml). Only quantities in the same slot are compared; a
number that cannot be bound is never compared. A name is never a unit: \"killed 21
Islamic State fighters\" counts fighters. \"The 89-member coalition\", \"consists of\",
\"يتألف من\" and scale words (\"أكثر من مليون\" against \"نحو 800 ألف\") are read too.

A toll or a rate with no better subject (killed, injured, arrested, displaced,
inflation, unemployment, growth) is keyed by the place it names, else by the draft's only
place: \"مقتل 12 مدنياً في درعا\" … \"أودى القصف بحياة 15 مدنياً\" is an error. Such a slot
reports only contradictions (\"at least 12\" … \"15\" is a rising toll, not a finding);
the dates of the sentence are part of it (inflation in September and in October are two
slots), and a sentence with a time word (منذ، ارتفعت، اليوم، يوم الاثنين, since, rose,
daily …) is never keyed by place, so cumulative and daily tolls are not compared.

  disjoint intervals                  error    \"يضم 89 دولة\" … \"يضم أكثر من 90 دولة\"
  one strictly inside the other       warning  \"ويضم 89 دولة\" … \"يضم أكثر من 80 دولة\"
  overlapping, neither inside         info     \"نحو 80 دولة\" … \"أكثر من 80 دولة\"
  equal                               nothing  \"89 دولة\" … \"تسعة وثمانين دولة\"

One slot is one finding, however many values it holds: it is named after its most
serious pair (the first in the draft among equals) and, with three values or more, lists
every distinct value with how often it is given (spans and notes capped at 10; only the
first 256 distinct values are compared), so an editor sees the whole disagreement at once
and a draft with a thousand values for one count gets one finding, not half a million.

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
            // One representative (the first) per distinct interval, counted.
            let values = distinct(quantities, |q| interval_key(&q.interval));
            if values.len() < 2 {
                continue;
            }
            let compared = &values[..values.len().min(MAX_COMPARED)];
            // The worst pair, the first in draft order among equals: it names
            // the finding, so two values read exactly as one pair always has.
            let mut worst: Option<(Severity, usize, usize)> = None;
            'pairs: for a in 0..compared.len() {
                for b in a + 1..compared.len() {
                    let s = relation(&compared[a].0.interval, &compared[b].0.interval);
                    if worst.is_none_or(|(w, _, _)| s > w) {
                        worst = Some((s, a, b));
                        if s == Severity::Error {
                            break 'pairs;
                        }
                    }
                }
            }
            if let Some((severity, a, b)) = worst {
                // A slot keyed by place, for want of a subject, may mix two
                // events of one place: only a contradiction is reported, and
                // an imprecise or rising toll ("at least 12" … "15") is not.
                if slot.by_place && severity != Severity::Error {
                    continue;
                }
                out.push(grouped(cx, slot, &values, a, b));
            }
        }
    }
}

/// Interval equality as a hashable key (`-0` and `0` are one value).
fn interval_key(i: &Interval) -> (Option<u64>, bool, Option<u64>, bool) {
    let bits = |x: Option<f64>| x.map(|v| (v + 0.0).to_bits());
    (bits(i.min), i.min_open, bits(i.max), i.max_open)
}

/// How two different intervals of one slot relate, as the severity the
/// rule reports: disjoint, one inside the other, or overlapping.
fn relation(a: &Interval, b: &Interval) -> Severity {
    if a.disjoint(b) {
        Severity::Error
    } else if a.contains(b) || b.contains(a) {
        Severity::Warning
    } else {
        Severity::Info
    }
}

/// One finding for a slot: named after its worst pair (`values[a]`,
/// `values[b]`); with more than two values, the others are listed too.
fn grouped(
    cx: &Context<'_>,
    slot: &Slot,
    values: &[(&Quantity, usize)],
    a: usize,
    b: usize,
) -> Finding {
    let (first, second) = (values[a].0, values[b].0);
    let (severity, mut message, primary, other, mut notes) = compare(cx, slot, first, second);
    let entity = Some(slot.entity.as_str());
    let mut spans = vec![
        cx.span(primary.start, primary.end, entity),
        cx.span(other.start, other.end, entity),
    ];
    if values.len() > 2 {
        message.push_str(&format!(
            " ({} different values are given for it in all)",
            values.len()
        ));
        for (i, (q, _)) in values.iter().enumerate() {
            if spans.len() >= MAX_LISTED {
                break;
            }
            if i != a && i != b {
                spans.push(cx.span(q.start, q.end, entity));
            }
        }
        for (q, count) in values.iter().take(MAX_LISTED) {
            notes.push(format!(
                "value: {} ({}) reads as {}",
                times(&q.text, *count),
                q.section.as_str(),
                q.interval
            ));
        }
        if values.len() > MAX_LISTED {
            notes.push(format!(
                "and {} more distinct values",
                values.len() - MAX_LISTED
            ));
        }
        if values.len() > MAX_COMPARED {
            notes.push(format!(
                "only the first {MAX_COMPARED} distinct values were compared with each other"
            ));
        }
    }
    cx.finding(ID, severity, message, spans, notes)
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

/// The severity, message, (primary, other) quantity and notes of a pair.
fn compare<'q>(
    cx: &Context<'_>,
    slot: &Slot,
    first: &'q Quantity,
    second: &'q Quantity,
) -> (Severity, String, &'q Quantity, &'q Quantity, Vec<String>) {
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
    (severity, message, primary, other, notes)
}
