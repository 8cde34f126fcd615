//! `fact-conflict`: a number or date in the draft that contradicts a
//! gazetteer fact valid at the draft's date.

use super::date_conflict::resolve;
use super::number_conflict::describe;
use super::{Context, Rule, RuleInfo};
use crate::claims::numbers::{Interval, Quantity};
use crate::claims::slots::{display_name, fact_fits, fact_key_of_event};
use crate::finding::{Finding, Severity};
use crate::gazetteer::{Entity, Fact, FactValue, PartialDate};
use crate::segment::SectionKind;

pub(crate) struct FactConflict;

pub(crate) const ID: &str = "fact-conflict";

impl Rule for FactConflict {
    fn info(&self) -> RuleInfo {
        RuleInfo {
            id: ID,
            default_severity: Severity::Error,
            summary:
                "A number or date that contradicts a gazetteer fact valid at the draft's date.",
            explain: "\
Organizations in the gazetteer carry facts with a source: a count (`members: 89`,
with its unit and predicate words) or a date (`founded: 2014-09`), optionally valid
`from`/`to` a date. A quantity or a dated event in the draft bound to the same slot
(see number-conflict and date-conflict) is compared with the facts valid at the draft's
date (`--date` or front matter `date:`):

  the draft's value and every valid fact are disjoint   error    (\"أكثر من 90\" vs 89)
  they overlap, neither inside the other                info
  equal, more precise or less precise                   nothing  (\"أكثر من 80\" vs 89)

A less precise value is true, so it is no contradiction; whether a draft is
precise enough is number-conflict's question, inside the draft.

A count holds from its `from` (else its `as_of`) to its `to`, else until the next value of
the same key starts: a history of values (the coalition's 60 members in 2014, 68 in
2017 … 90 from 2025-11-10), each with its source, from which the draft's date picks the
value. Outside every window the fact judges nothing (a 2017 article's \"68 countries\" is
the count of its day), and a count with neither `from` nor `as_of` judges nothing at all.
A fact that changed in the week before the draft's date is taken as true on both sides
of the change: news of the week still quotes last week's figure (\"joins the coalition of
89 countries\" two days after it became 90).
Without a draft date, a fact is compared only when it holds at every date the gazetteer
lists for that key (a founding date is). A count that changes over time is then compared
with all its versions at once, and only a value outside the range they span is reported:
\"يضم 89 دولة\" is not compared into a finding, \"يضم أكثر من 95 دولة\" is an error at any
date.

Role facts (titles and their dates) are checked by role-conflict.

Example: with `--date 2025-11-09`, \"التحالف … يضم 95 دولة\" / \"the coalition includes 95
countries\" is an error: the gazetteer gives 89 members on that day, with its source in
the note; with `--date 2017-03-22` it gives 68, and \"68 countries\" is quiet.",
        }
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        for q in &cx.claims.quantities {
            if q.section == SectionKind::Boilerplate {
                continue;
            }
            if let Some(f) = check_quantity(cx, q) {
                out.push(f);
            }
        }
        for d in &cx.claims.dates {
            if d.section == SectionKind::Boilerplate {
                continue;
            }
            let (Some(slot), Some(entity)) = (&d.slot, d.entity) else {
                continue;
            };
            let Some(key) = fact_key_of_event(slot.event) else {
                continue;
            };
            let entity = cx.gazetteer.entity(entity);
            let resolved = resolve(d, cx.date);
            let Some(year) = resolved.year else { continue };
            let claim = PartialDate {
                year,
                month: resolved.month,
                day: resolved.month.and(resolved.day),
            };
            let facts: Vec<&Fact> = entity
                .facts
                .iter()
                .filter(|f| f.key == key && f.date.is_some() && valid(entity, f, cx.date))
                .collect();
            if facts.is_empty()
                || facts
                    .iter()
                    .any(|f| f.date.is_some_and(|fd| fd.overlaps(claim)))
            {
                continue;
            }
            let name = display_name(entity, d.latin);
            let notes = facts.iter().map(|f| fact_note(f)).collect();
            let fact_dates: Vec<String> = facts
                .iter()
                .filter_map(|f| f.date.map(|x| x.to_string()))
                .collect();
            out.push(cx.finding(
                ID,
                Severity::Error,
                format!(
                    "\"{}\" gives {} for the {} of \"{}\", but the gazetteer says {}",
                    d.text,
                    claim,
                    slot.event,
                    name,
                    fact_dates.join(" or ")
                ),
                vec![cx.span(d.start, d.end, Some(entity.id.as_str()))],
                notes,
            ));
        }
    }
}

fn check_quantity(cx: &Context<'_>, q: &Quantity) -> Option<Finding> {
    let slot = q.slot.as_ref()?;
    let entity = cx.gazetteer.entity(q.entity?);
    // A count with no window (no from, no as_of) judges nothing.
    let fitting = || {
        entity
            .facts
            .iter()
            .filter(|f| fact_fits(f, slot.predicate, &slot.unit) && window(entity, f).is_some())
    };
    let usable: Vec<&Fact> = fitting().filter(|f| valid(entity, f, cx.date)).collect();
    // Without a draft date, a count that changes over time is compared with
    // every version at once: only a value no version allows is reported.
    let (facts, every_version) = if usable.is_empty() && cx.date.is_none() {
        (fitting().collect::<Vec<_>>(), true)
    } else {
        (usable, false)
    };
    let facts: Vec<(&Fact, Interval)> = facts
        .into_iter()
        .filter_map(|f| Some((f, interval(f.value.as_ref()?))))
        .collect();
    if facts.is_empty() {
        return None;
    }
    let claim = &q.interval;
    // Equal, more precise, or less precise (a rounder but true statement;
    // number-conflict judges precision inside the draft): no contradiction.
    if facts
        .iter()
        .any(|(_, v)| v.contains(claim) || claim.contains(v))
    {
        return None;
    }
    // Without a date, a history of values allows whatever lies between its
    // smallest and largest value: a count between two stated ones was true
    // on some day in between.
    if every_version && facts.len() > 1 {
        let lo = facts
            .iter()
            .map(|(_, v)| v.min)
            .collect::<Option<Vec<f64>>>();
        let hi = facts
            .iter()
            .map(|(_, v)| v.max)
            .collect::<Option<Vec<f64>>>();
        let hull = Interval {
            min: lo.map(|l| l.into_iter().fold(f64::INFINITY, f64::min)),
            min_open: false,
            max: hi.map(|h| h.into_iter().fold(f64::NEG_INFINITY, f64::max)),
            max_open: false,
        };
        if !hull.disjoint(claim) {
            return None;
        }
    }
    let shown: Vec<String> = facts.iter().map(|(_, v)| v.to_string()).collect();
    let shown = shown.join(" or ");
    let what = describe(cx, slot, q.latin);
    let (severity, message) = if facts.iter().all(|(_, v)| v.disjoint(claim)) {
        let when = if every_version {
            " at any date it lists"
        } else {
            ""
        };
        (
            Severity::Error,
            format!(
                "\"{}\" contradicts the gazetteer for {what}: the draft says {}, the gazetteer {shown}{when}",
                q.text, claim
            ),
        )
    } else if every_version {
        return None;
    } else {
        (
            Severity::Info,
            format!(
                "\"{}\" only overlaps the gazetteer for {what}: {} vs {shown}",
                q.text, claim
            ),
        )
    };
    let notes = facts.iter().map(|(f, _)| fact_note(f)).collect();
    Some(cx.finding(
        ID,
        severity,
        message,
        vec![cx.span(q.start, q.end, Some(entity.id.as_str()))],
        notes,
    ))
}

fn interval(v: &FactValue) -> Interval {
    match *v {
        FactValue::Exact(n) => Interval::exact(n),
        FactValue::Range { min, max } => Interval {
            min,
            min_open: false,
            max,
            max_open: false,
        },
    }
}

/// The note that shows a fact and its source.
fn fact_note(f: &Fact) -> String {
    let mut s = format!("gazetteer fact: {}", f.key);
    match &f.value {
        Some(v) => s.push_str(&format!(" = {}", interval(v))),
        None => {
            if let Some(d) = f.date {
                s.push_str(&format!(" = {d}"));
            }
        }
    }
    if let Some(from) = f.from {
        s.push_str(&format!(", from {from}"));
    }
    if let Some(to) = f.to {
        s.push_str(&format!(", until {to}"));
    }
    if let Some(as_of) = f.as_of {
        s.push_str(&format!(", as of {as_of}"));
    }
    s.push_str(&format!(" (source: {})", f.source));
    s
}

/// The window a fact holds in, as (first day, last day), `None` for an
/// open side. A count holds from `from` (else its `as_of`) to `to`, else to
/// the day before the next value of the same key starts (a history of
/// values: the draft's date picks one); a count with neither `from` nor
/// `as_of` has no window and judges nothing. A date fact (a founding) holds
/// at every date unless it says otherwise.
fn window(entity: &Entity, fact: &Fact) -> Option<(Option<Day>, Option<Day>)> {
    let start = fact.from.or(fact.as_of);
    if fact.value.is_some() && start.is_none() {
        return None;
    }
    let end = match (fact.to, start) {
        (Some(to), _) => Some(to.last_day()),
        (None, Some(start)) if fact.value.is_some() => entity
            .facts
            .iter()
            .filter(|f| f.key == fact.key && f.value.is_some())
            .filter_map(|f| f.from.or(f.as_of))
            .map(|s| s.first_day())
            .filter(|&s| s > start.first_day())
            .min()
            .map(prev_day),
        _ => None,
    };
    Some((start.map(|s| s.first_day()), end))
}

type Day = (i32, u8, u8);

/// Days before the draft's date in which a fact that has since changed is
/// still taken as true: a story on a country joining a coalition cites the
/// count before it joined for days.
const GRACE_DAYS: usize = 7;

/// Whether a fact may be compared with a draft of date `date`.
///
/// With a date: the fact's window (see [`window`]) overlaps the draft's
/// date or the week before it. Without: the fact holds at every date the
/// gazetteer lists (from, to, as_of) for facts of the same key of this
/// entity.
fn valid(entity: &Entity, fact: &Fact, date: Option<PartialDate>) -> bool {
    let Some((start, end)) = window(entity, fact) else {
        return false;
    };
    match date {
        Some(d) => {
            // News of the week still quotes last week's figure.
            let grace = (0..GRACE_DAYS).fold(d.first_day(), |day, _| prev_day(day));
            start.is_none_or(|s| s <= d.last_day()) && end.is_none_or(|e| e >= grace)
        }
        None => entity
            .facts
            .iter()
            .filter(|f| f.key == fact.key)
            .flat_map(|f| [f.from, f.to, f.as_of])
            .flatten()
            .all(|listed| {
                start.is_none_or(|s| s <= listed.last_day())
                    && end.is_none_or(|e| e >= listed.first_day())
            }),
    }
}

fn prev_day((y, m, d): (i32, u8, u8)) -> (i32, u8, u8) {
    if d > 1 {
        (y, m, d - 1)
    } else if m > 1 {
        (y, m - 1, days_in_month(y, m - 1))
    } else {
        (y - 1, 12, 31)
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}
