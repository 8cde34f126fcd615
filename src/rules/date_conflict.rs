//! `date-conflict`: one event given dates that cannot both be true, and a
//! double month whose halves disagree ("أكتوبر/تشرين الثاني").

use std::collections::BTreeMap;

use super::{distinct, times, Context, Rule, RuleInfo, MAX_COMPARED, MAX_LISTED};
use crate::claims::dates::{Calendar, DateClaim, Relative};
use crate::claims::slots::{display_name, is_unique_event, EventSlot};
use crate::finding::{Finding, Severity};
use crate::gazetteer::PartialDate;
use crate::segment::SectionKind;

pub(crate) struct DateConflict;

pub(crate) const ID: &str = "date-conflict";

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl Rule for DateConflict {
    fn info(&self) -> RuleInfo {
        RuleInfo {
            id: ID,
            default_severity: Severity::Error,
            summary: "One event given two dates that cannot both be true, or a double month whose halves name different months.",
            explain: "\
Dates are read at the precision they are written: a year (\"عام 2014\", \"in 2014\"), a
month (\"سبتمبر/أيلول عام 2014\", \"September 2014\"), a day (\"الثامن من ديسمبر\",
\"December 8, 2024\"). Gregorian (أكتوبر), Levantine (تشرين الأول) and the double form
(\"أكتوبر/تشرين الأول\", \"تشرين الأول (أكتوبر)\") are one date; Hijri months are
recognised but never compared. Relative markers (الماضي، المقبل، last, next) are
resolved against the draft's date when it is known, else only month and day are compared.

Each date is bound to an event slot: the entity and the event word before it (تشكّل،
تأسس، سقوط، زيارة، formed, founded, fall …).

  same event, different years or months   error    \"تشكّل عام 2014\" … \"تشكّل عام 2015\"
  same event, same month, different days  error    \"18 أكتوبر\" … \"19 أكتوبر\"
  a double month whose halves disagree    error    \"18 أكتوبر/تشرين الثاني\"
  the same date at another precision      nothing  \"سبتمبر/أيلول عام 2014\" … \"عام 2014\"

Events that happen once (formation, fall, death) are compared whatever
their dates; recurring ones (visits, meetings, operations, signings, accessions) only when the
two dates share their day or their month, so two different visits are not a conflict.

Dates in conflict are one finding per event (for a recurring event, one per disputed
occurrence): named after the first conflicting pair, with every other date of the group
listed with how often it is given (spans and notes capped at 10; only the first 256
distinct dates of an event are compared).

Example (English): \"the coalition, formed in 2014\" and \"the coalition, formed in 2015\"
is an error; \"founded in September 2014\" and \"formed in 2014\" is not.",
        }
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let mut slots: BTreeMap<&EventSlot, Vec<&DateClaim>> = BTreeMap::new();
        for d in &cx.claims.dates {
            if d.section == SectionKind::Boilerplate {
                continue;
            }
            if let Some((a, b)) = d.mismatch {
                let name = |m: u8| {
                    MONTHS
                        .get(usize::from(m).wrapping_sub(1))
                        .copied()
                        .unwrap_or("?")
                };
                out.push(cx.finding(
                    ID,
                    Severity::Error,
                    format!(
                        "\"{}\" joins two different months: the first half names {} and the second {}",
                        d.text,
                        name(a),
                        name(b)
                    ),
                    vec![cx.span(d.start, d.end, None)],
                    vec!["a double month names one month in two calendars (أكتوبر/تشرين الأول); one half is wrong".to_string()],
                ));
            }
            if d.calendar != Calendar::Gregorian || d.relative == Some(Relative::Today) {
                continue;
            }
            if let Some(slot) = &d.slot {
                slots.entry(slot).or_default().push(d);
            }
        }
        for (slot, dates) in slots {
            let values = distinct(dates.into_iter().map(|d| (d, resolve(d, cx.date))), |v| v.1);
            let compared = &values[..values.len().min(MAX_COMPARED)];
            let unique = is_unique_event(slot.event);
            // Dates in conflict are joined into groups (one for an event that
            // happens once; one per disputed visit, meeting … for recurring
            // ones); each group is one finding.
            let mut group: Vec<usize> = (0..compared.len()).collect();
            let mut first_pair: Vec<Option<(usize, usize)>> = vec![None; compared.len()];
            let mut any = false;
            for a in 0..compared.len() {
                for b in a + 1..compared.len() {
                    if conflict(&compared[a].0 .1, &compared[b].0 .1, unique) {
                        any = true;
                        let (ra, rb) = (root(&mut group, a), root(&mut group, b));
                        let (lo, hi) = (ra.min(rb), ra.max(rb));
                        group[hi] = lo;
                        // The first conflicting pair of a group names it.
                        if first_pair[lo].is_none() && first_pair[hi].is_none() {
                            first_pair[lo] = Some((a, b));
                        } else if first_pair[lo].is_none() {
                            first_pair[lo] = first_pair[hi];
                        } else if let (Some(x), Some(y)) = (first_pair[lo], first_pair[hi]) {
                            first_pair[lo] = Some(x.min(y));
                        }
                    }
                }
            }
            if !any {
                continue;
            }
            let mut members: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
            for i in 0..compared.len() {
                let r = root(&mut group, i);
                if first_pair[r].is_some() {
                    members.entry(r).or_default().push(i);
                }
            }
            for (r, list) in members {
                if let Some((a, b)) = first_pair[r] {
                    out.push(grouped(cx, slot, compared, &list, a, b, values.len()));
                }
            }
        }
    }
}

/// The representative of `i`'s group (with path halving).
fn root(group: &mut [usize], mut i: usize) -> usize {
    while group[i] != i {
        group[i] = group[group[i]];
        i = group[i];
    }
    i
}

/// One finding for a group of dates in conflict, named after its first
/// conflicting pair (`a`, `b`); with more dates, the others are listed too.
fn grouped(
    cx: &Context<'_>,
    slot: &EventSlot,
    values: &[((&DateClaim, Resolved), usize)],
    members: &[usize],
    a: usize,
    b: usize,
    total: usize,
) -> Finding {
    let ((first, r1), _) = values[a];
    let ((second, r2), _) = values[b];
    let name = cx
        .gazetteer
        .get(&slot.entity)
        .map_or(slot.entity.as_str(), |e| display_name(e, second.latin));
    let entity = Some(slot.entity.as_str());
    let mut message = format!(
        "\"{}\" and \"{}\" give different dates for the {} of \"{}\": {} vs {}",
        second.text, first.text, slot.event, name, r2, r1
    );
    let mut spans = vec![
        cx.span(second.start, second.end, entity),
        cx.span(first.start, first.end, entity),
    ];
    let mut notes = vec![format!(
        "event slot: entity {}, event \"{}\"; {} is in the {}, {} in the {}",
        slot.entity,
        slot.event,
        second.text,
        second.section.as_str(),
        first.text,
        first.section.as_str()
    )];
    if members.len() > 2 {
        message.push_str(&format!(
            " ({} different dates in conflict in all)",
            members.len()
        ));
        for &i in members {
            if spans.len() >= MAX_LISTED {
                break;
            }
            if i != a && i != b {
                let d = values[i].0 .0;
                spans.push(cx.span(d.start, d.end, entity));
            }
        }
        for &i in members.iter().take(MAX_LISTED) {
            let ((d, r), count) = values[i];
            notes.push(format!(
                "date: {} ({}) reads as {r}",
                times(&d.text, count),
                d.section.as_str()
            ));
        }
        if members.len() > MAX_LISTED {
            notes.push(format!(
                "and {} more dates in conflict",
                members.len() - MAX_LISTED
            ));
        }
    }
    if total > MAX_COMPARED {
        notes.push(format!(
            "only the first {MAX_COMPARED} of {total} distinct dates of this event were compared with each other"
        ));
    }
    cx.finding(ID, Severity::Error, message, spans, notes)
}

/// A date with its relative marker resolved when the draft date allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct Resolved {
    pub year: Option<i32>,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl std::fmt::Display for Resolved {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.year {
            Some(y) => write!(f, "{y:04}")?,
            None => write!(f, "????")?,
        }
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

/// Resolves "ديسمبر الماضي" (last December) against the draft date.
pub(crate) fn resolve(d: &DateClaim, date: Option<PartialDate>) -> Resolved {
    let mut year = d.year;
    if let (None, Some(month), Some(rel), Some(now)) = (d.year, d.month, d.relative, date) {
        let now_month = now.month.unwrap_or(12);
        year = match rel {
            Relative::Past if month < now_month => Some(now.year),
            Relative::Past => Some(now.year - 1),
            Relative::Next if month > now_month => Some(now.year),
            Relative::Next => Some(now.year + 1),
            Relative::Current => Some(now.year),
            Relative::Today => None,
        };
    }
    Resolved {
        year,
        month: d.month,
        day: d.day,
    }
}

/// Whether two dates of one event cannot both be true.
pub(crate) fn conflict(a: &Resolved, b: &Resolved, unique: bool) -> bool {
    if !unique {
        // A recurring event: the same one only when day or month agree.
        let same_day = a.day.is_some() && a.day == b.day;
        let same_month = a.month.is_some() && a.month == b.month;
        if !same_day && !same_month {
            return false;
        }
    }
    if let (Some(x), Some(y)) = (a.year, b.year) {
        if x != y {
            return true;
        }
    }
    if let (Some(x), Some(y)) = (a.month, b.month) {
        if x != y {
            // Without both years the months may belong to different years
            // only for recurring events, which were filtered above.
            return true;
        }
        if let (Some(p), Some(q)) = (a.day, b.day) {
            return p != q;
        }
    }
    false
}
