//! `date-conflict`: one event given dates that cannot both be true, and a
//! double month whose halves disagree ("أكتوبر/تشرين الثاني").

use std::collections::BTreeMap;

use super::{distinct, times, Context, Rule, RuleInfo, MAX_COMPARED, MAX_LISTED};
use crate::claims::dates::{days_from_epoch, valid_day, weekday_of, Calendar, DateClaim, Relative};
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
            summary: "One event given two dates that cannot both be true, a double month whose halves name different months, or a weekday the date does not fall on.",
            explain: "\
Dates are read at the precision they are written: a year (\"عام 2014\", \"in 2014\"), a
month (\"سبتمبر/أيلول عام 2014\", \"September 2014\"), a day (\"الثامن من ديسمبر\",
\"December 8, 2024\"). Gregorian (أكتوبر), Levantine (تشرين الأول) and the double form
(\"أكتوبر/تشرين الأول\", \"تشرين الأول (أكتوبر)\") are one date; Hijri months are
recognised but never compared. Relative markers (الماضي، المقبل، last, next) are
resolved against the draft's date when it is known, else only month and day are compared.

Each date is bound to an event slot: the event word nearest before it in its sentence
(تشكّل، تأسس، سقوط، زيارة، اجتماع، formed, founded, fall, met …), else the word right after it
(\"the November 11 meeting\"); the words are listed in lexicon/events.yaml. An event that
happens once (formation, fall, death) belongs to the entity it is about; a recurring one
(visits, meetings, signings, accessions, attacks, elections …) to its participants: the
people named in its sentence, else its organizations and countries.

  same event, different years or months   error    \"تشكّل عام 2014\" … \"تشكّل عام 2015\"
  same event, same month, different days  error    \"18 أكتوبر\" … \"19 أكتوبر\"
  a double month whose halves disagree    error    \"18 أكتوبر/تشرين الثاني\"
  a weekday the date does not fall on     error    \"الثلاثاء 10 نوفمبر 2025\" (a Monday)
  the same date at another precision      nothing  \"سبتمبر/أيلول عام 2014\" … \"عام 2014\"

Events that happen once are compared whatever their dates. Recurring ones are compared
only between the same participants and only when the two dates are one occurrence told
twice: the same day in different months, or days of one month at most 3 apart (\"met on
November 10\" … \"the November 11 meeting\"). Two dates in one sentence (\"met on 3 and
on 4 December\"), days further apart, and different events are never a conflict.

A weekday written with a date (\"الثلاثاء 10 نوفمبر 2025\", \"Tuesday, November 10, 2025\",
\"الخميس، 13 نوفمبر\") must be the day the date falls on. A date without a year takes
its year from the draft's date (--date or front matter) only when exactly one year puts
it within 120 days of that date; otherwise the weekday is not checked. This is part of
date-conflict (one date written two incompatible ways, like a double month), not a rule
of its own.

Dates in conflict are one finding per event (for a recurring event, one per disputed
occurrence): named after the first conflicting pair, with every other date of the group
listed with how often it is given (spans and notes capped at 10; only the first 256
distinct dates of an event are compared).

Example (English): \"the coalition, formed in 2014\" and \"the coalition, formed in 2015\"
is an error; \"founded in September 2014\" and \"formed in 2014\" is not; \"Trump met
al-Sharaa on November 10\" and \"the November 11 meeting between Trump and al-Sharaa\" is
an error; \"Tuesday, November 10, 2025\" is an error (a Monday).",
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
            if let Some(f) = weekday_mismatch(cx, d) {
                out.push(f);
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
                    // Two dates of a recurring event in one sentence are two
                    // occurrences ("met on 3 and again on 24 November").
                    let (da, db) = (compared[a].0 .0, compared[b].0 .0);
                    if !unique && da.sentence.is_some() && da.sentence == db.sentence {
                        continue;
                    }
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
    let name = slot
        .entity
        .split('+')
        .map(|id| {
            cx.gazetteer
                .get(id)
                .map_or(id, |e| display_name(e, second.latin))
        })
        .collect::<Vec<_>>()
        .join("\" and \"");
    // A recurring event's slot names its participants; a span names one.
    let entity = (!slot.entity.contains('+')).then_some(slot.entity.as_str());
    let mut message = format!(
        "\"{}\" and \"{}\" give different dates for the {} of \"{}\": {} vs {}",
        second.text, first.text, slot.event, name, r2, r1
    );
    let mut spans = vec![
        cx.span(second.start, second.end, entity),
        cx.span(first.start, first.end, entity),
    ];
    let mut notes = vec![format!(
        "event slot: {} {}, event \"{}\"; {} is in the {}, {} in the {}",
        if slot.entity.contains('+') {
            "participants"
        } else {
            "entity"
        },
        slot.entity.replace('+', ", "),
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

const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Days from the draft's date within which a date without a year is taken
/// to be in the year that puts it there; further, the year is unknown.
const INFER_YEAR_DAYS: i64 = 120;

/// The year of a day and month without one, from the draft's date: the one
/// year of (draft year − 1, + 0, + 1) that puts the day within
/// [`INFER_YEAR_DAYS`] of the draft's date. None without a draft day and
/// month, or when no year does.
pub(crate) fn infer_year(month: u8, day: u8, draft: Option<PartialDate>) -> Option<i32> {
    let draft = draft?;
    let now = days_from_epoch(draft.year, draft.month?, draft.day.unwrap_or(15));
    let near: Vec<i32> = (draft.year - 1..=draft.year + 1)
        .filter(|&y| valid_day(y, month, day))
        .filter(|&y| (days_from_epoch(y, month, day) - now).abs() <= INFER_YEAR_DAYS)
        .collect();
    match near.as_slice() {
        [y] => Some(*y),
        _ => None,
    }
}

/// A weekday that the date it is written with does not fall on
/// ("الثلاثاء 10 نوفمبر 2025": 10 November 2025 was a Monday).
fn weekday_mismatch(cx: &Context<'_>, d: &DateClaim) -> Option<Finding> {
    let (written, month, day) = (d.weekday?, d.month?, d.day?);
    let resolved = resolve(d, cx.date);
    let (year, inferred) = match resolved.year {
        Some(y) => (y, false),
        None => (infer_year(month, day, cx.date)?, true),
    };
    if !valid_day(year, month, day) {
        return None;
    }
    let actual = weekday_of(year, month, day);
    if actual == written {
        return None;
    }
    let month_name = MONTHS.get(usize::from(month) - 1).copied().unwrap_or("?");
    let mut notes = vec![
        "a weekday written with a date must be the day that date falls on: one of the two is wrong"
            .to_string(),
    ];
    if let (true, Some(draft)) = (inferred, cx.date) {
        notes.push(format!(
            "the date gives no year: {year} is the only year that puts {day} {month_name} within {INFER_YEAR_DAYS} days of the draft's date {draft}"
        ));
    }
    let shown = d.text.get(d.date_start - d.start..).unwrap_or(&d.text);
    Some(cx.finding(
        ID,
        Severity::Error,
        format!(
            "\"{shown}\" names {}, but {day} {month_name} {year} is a {}",
            WEEKDAYS[usize::from(written) % 7],
            WEEKDAYS[usize::from(actual) % 7]
        ),
        vec![cx.span(d.date_start, d.end, None)],
        notes,
    ))
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

/// Days apart two days of one month may be and still be one occurrence of a
/// recurring event told twice ("met on November 10" … "the November 11
/// meeting"); further apart, they are two meetings.
const RECURRING_DAYS: u8 = 3;

/// Whether two dates of one event cannot both be true.
pub(crate) fn conflict(a: &Resolved, b: &Resolved, unique: bool) -> bool {
    if !unique {
        // A recurring event: the same one only when day or month agree.
        let same_day = a.day.is_some() && a.day == b.day;
        let same_month = a.month.is_some() && a.month == b.month;
        if !same_day && !same_month {
            return false;
        }
        if let (true, Some(p), Some(q)) = (same_month, a.day, b.day) {
            if p.abs_diff(q) > RECURRING_DAYS {
                return false;
            }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekdays() {
        // 10 November 2025 was a Monday; 13 November 2024 a Wednesday;
        // 29 February 2024 a Thursday; 1 January 1970 a Thursday.
        assert_eq!(weekday_of(2025, 11, 10), 0);
        assert_eq!(weekday_of(2024, 11, 13), 2);
        assert_eq!(weekday_of(2024, 2, 29), 3);
        assert_eq!(weekday_of(1970, 1, 1), 3);
        assert_eq!(weekday_of(2000, 3, 1), 2);
    }

    #[test]
    fn year_inferred_only_when_unambiguous() {
        let draft = PartialDate::parse("2025-11-12");
        assert_eq!(infer_year(11, 13, draft), Some(2025));
        // Early January from a December draft is next year.
        assert_eq!(
            infer_year(1, 5, PartialDate::parse("2025-12-20")),
            Some(2026)
        );
        // Half a year away: no year is near enough.
        assert_eq!(infer_year(5, 10, draft), None);
        // No draft date, or only a year: unknown.
        assert_eq!(infer_year(11, 13, None), None);
        assert_eq!(infer_year(11, 13, PartialDate::parse("2025")), None);
        // 29 February exists only in leap years.
        assert_eq!(infer_year(2, 29, PartialDate::parse("2025-02-20")), None);
    }

    #[test]
    fn recurring_events_told_twice() {
        let d = |m, d| Resolved {
            year: None,
            month: Some(m),
            day: Some(d),
        };
        assert!(conflict(&d(11, 10), &d(11, 11), false));
        assert!(!conflict(&d(11, 10), &d(11, 24), false));
        assert!(conflict(&d(11, 10), &d(10, 10), false));
        assert!(!conflict(&d(11, 10), &d(12, 11), false));
        // Once-only events conflict whatever the distance.
        assert!(conflict(&d(11, 10), &d(11, 24), true));
    }
}
