//! Dates (DESIGN.md §6): days, ordinal days ("الثامن من ديسمبر"), Gregorian,
//! Levantine and Hijri months, the double form ("أكتوبر/تشرين الأول",
//! "تشرين الأول (أكتوبر)"), years ("عام 2014"), and relative markers
//! (الماضي، المقبل، اليوم) kept as written. Each date is bound to an event slot
//! (entity + event: تشكّل، سقوط، زيارة…) when one is near.

use serde::Serialize;

use super::numbers::parse_digits;
use super::slots::{
    event_lemma, fact_key_of_event, is_unique_event, EventSlot, Referent, Referents,
};
use super::tokens::{clitic_forms, strip_article, Tokens};
use crate::gazetteer::{EntityIndex, EntityKind, Gazetteer};
use crate::segment::SectionKind;

/// The calendar of a month name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Calendar {
    Gregorian,
    /// Recognised, never converted nor compared with Gregorian dates.
    Hijri,
}

/// A relative marker kept as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Relative {
    /// الماضي، last
    Past,
    /// المقبل، next
    Next,
    /// الجاري، this
    Current,
    /// اليوم، today
    Today,
}

/// A date read from the draft, at the precision it was written.
#[derive(Debug, Clone, Serialize)]
pub struct DateClaim {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub section: SectionKind,
    pub calendar: Calendar,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub month: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub day: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub relative: Option<Relative>,
    /// A double month whose halves name different months: (first, second).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mismatch: Option<(u8, u8)>,
    /// A weekday written with the date ("الثلاثاء 10 نوفمبر", "Tuesday,
    /// November 10"): 0 Monday … 6 Sunday.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weekday: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub slot: Option<EventSlot>,
    #[serde(skip)]
    pub entity: Option<EntityIndex>,
    /// The sentence the date is in.
    #[serde(skip)]
    pub sentence: Option<usize>,
    /// Where the date itself starts (after an event word the span shows).
    #[serde(skip)]
    pub date_start: usize,
    #[serde(skip)]
    pub latin: bool,
}

/// A month name at a token: (calendar, month, tokens used, needs a day or
/// year next to it to count as a month).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct MonthName {
    pub calendar: Calendar,
    pub month: u8,
    pub len: usize,
    pub ambiguous: bool,
}

fn two_word_month(a: &str, b: &str) -> Option<(Calendar, u8)> {
    use Calendar::*;
    Some(match (a, b) {
        ("كانون", "الثاني") => (Gregorian, 1),
        ("كانون", "الاول") => (Gregorian, 12),
        ("تشرين", "الاول") => (Gregorian, 10),
        ("تشرين", "الثاني") => (Gregorian, 11),
        ("ربيع", "الاول") => (Hijri, 3),
        ("ربيع", "الثاني" | "الاخر") => (Hijri, 4),
        ("جمادي", "الاولي" | "الاول") => (Hijri, 5),
        ("جمادي", "الثانيه" | "الاخره" | "الثاني" | "الاخر") => {
            (Hijri, 6)
        }
        ("ذو" | "ذي", "القعده") => (Hijri, 11),
        ("ذو" | "ذي", "الحجه") => (Hijri, 12),
        _ => return None,
    })
}

/// One-word month names: (calendar, month, ambiguous).
fn one_word_month(w: &str) -> Option<(Calendar, u8, bool)> {
    use Calendar::*;
    Some(match w {
        "يناير" | "جانفي" => (Gregorian, 1, false),
        "فبراير" | "فيفري" => (Gregorian, 2, false),
        // مارس also means "practises": a month only next to a day or year.
        "مارس" => (Gregorian, 3, true),
        "ابريل" | "افريل" => (Gregorian, 4, false),
        "مايو" => (Gregorian, 5, false),
        "يونيو" | "يونيه" | "جوان" => (Gregorian, 6, false),
        "يوليو" | "يوليه" | "جويليه" => (Gregorian, 7, false),
        "اغسطس" => (Gregorian, 8, false),
        "سبتمبر" => (Gregorian, 9, false),
        "اكتوبر" => (Gregorian, 10, false),
        "نوفمبر" => (Gregorian, 11, false),
        "ديسمبر" => (Gregorian, 12, false),
        "شباط" => (Gregorian, 2, false),
        "اذار" => (Gregorian, 3, false),
        // نيسان is also a car and a name.
        "نيسان" => (Gregorian, 4, true),
        "ايار" => (Gregorian, 5, false),
        "حزيران" => (Gregorian, 6, false),
        "تموز" => (Gregorian, 7, false),
        // آب folds like أب (father).
        "اب" => (Gregorian, 8, true),
        "ايلول" => (Gregorian, 9, false),
        "january" => (Gregorian, 1, false),
        "february" => (Gregorian, 2, false),
        "march" => (Gregorian, 3, true),
        "april" => (Gregorian, 4, false),
        "may" => (Gregorian, 5, true),
        "june" => (Gregorian, 6, false),
        "july" => (Gregorian, 7, false),
        "august" => (Gregorian, 8, false),
        "september" => (Gregorian, 9, false),
        "october" => (Gregorian, 10, false),
        "november" => (Gregorian, 11, false),
        "december" => (Gregorian, 12, false),
        "jan" => (Gregorian, 1, true),
        "feb" => (Gregorian, 2, true),
        "mar" => (Gregorian, 3, true),
        "apr" => (Gregorian, 4, true),
        "jun" => (Gregorian, 6, true),
        "jul" => (Gregorian, 7, true),
        "aug" => (Gregorian, 8, true),
        "sep" | "sept" => (Gregorian, 9, true),
        "oct" => (Gregorian, 10, true),
        "nov" => (Gregorian, 11, true),
        "dec" => (Gregorian, 12, true),
        // Hijri months; صفر is also "zero", the others are also names.
        "محرم" => (Hijri, 1, true),
        "صفر" => (Hijri, 2, true),
        "رجب" => (Hijri, 7, true),
        "شعبان" => (Hijri, 8, true),
        "رمضان" => (Hijri, 9, true),
        "شوال" => (Hijri, 10, true),
        _ => return None,
    })
}

/// The month name starting at token `i` (a proclitic allowed on it).
pub(crate) fn month_at(t: &Tokens<'_>, i: usize) -> Option<MonthName> {
    if !t.is_word(i) {
        return None;
    }
    let forms = clitic_forms(t.text(i));
    if t.is_word(i + 1) && t.same_sentence(i, i + 1) {
        let next = t.text(i + 1);
        if let Some((calendar, month)) = forms.iter().find_map(|f| two_word_month(f, next)) {
            return Some(MonthName {
                calendar,
                month,
                len: 2,
                ambiguous: false,
            });
        }
    }
    // Only the word itself for Latin months ("may" never loses a letter).
    let (calendar, month, ambiguous) = if t.is_latin(i) {
        one_word_month(t.text(i))?
    } else {
        forms.iter().find_map(|f| one_word_month(f))?
    };
    Some(MonthName {
        calendar,
        month,
        len: 1,
        ambiguous,
    })
}

/// Whether token `i` is an abbreviated English month ("Nov", "Sept"),
/// which may carry a period before its day.
fn is_abbreviated(t: &Tokens<'_>, i: usize) -> bool {
    t.is_latin(i)
        && matches!(
            t.text(i),
            "jan"
                | "feb"
                | "mar"
                | "apr"
                | "jun"
                | "jul"
                | "aug"
                | "sep"
                | "sept"
                | "oct"
                | "nov"
                | "dec"
        )
}

/// An Arabic ordinal day ending at token `end` (inclusive): الأول …
/// الحادي والثلاثون. Returns (day, first token).
pub(crate) fn ordinal_day_before(t: &Tokens<'_>, end: usize) -> Option<(u8, usize)> {
    let last = t.text(end);
    let simple = |w: &str| -> Option<u8> {
        Some(match w {
            "الاول" => 1,
            "الثاني" => 2,
            "الثالث" => 3,
            "الرابع" => 4,
            "الخامس" => 5,
            "السادس" => 6,
            "السابع" => 7,
            "الثامن" => 8,
            "التاسع" => 9,
            "العاشر" => 10,
            _ => return None,
        })
    };
    let teen_unit = |w: &str| -> Option<u8> {
        match w {
            "الحادي" => Some(1),
            other => simple(other).filter(|&d| d < 10),
        }
    };
    // الثامن عشر
    if last == "عشر" && end > 0 {
        let u = teen_unit(t.text(end - 1))?;
        return Some((10 + u, end - 1));
    }
    let ten = match last.strip_prefix('و').unwrap_or(last) {
        "العشرون" | "العشرين" => Some(20),
        "الثلاثون" | "الثلاثين" => Some(30),
        _ => None,
    };
    if let Some(ten) = ten {
        // الحادي والعشرون … التاسع والعشرون, الحادي والثلاثون.
        if last.starts_with('و') {
            let u = teen_unit(t.text(end.checked_sub(1)?))?;
            let day = ten + u;
            return (day <= 31).then_some((day, end - 1));
        }
        return Some((ten, end));
    }
    simple(last).map(|d| (d, end))
}

fn relative_after(w: &str) -> Option<Relative> {
    match w {
        "الماضي" | "الماضيه" | "المنصرم" | "الفائت" => {
            Some(Relative::Past)
        }
        "المقبل" | "القادم" => Some(Relative::Next),
        "الجاري" | "الحالي" => Some(Relative::Current),
        _ => None,
    }
}

fn small_int(t: &Tokens<'_>, i: usize, max: f64) -> Option<u32> {
    if !t.is_digits(i) {
        return None;
    }
    let s = t.text(i);
    if s.contains(['.', ',']) {
        return None;
    }
    let v = parse_digits(s)?;
    (v >= 1.0 && v <= max).then_some(v as u32)
}

fn year_at(t: &Tokens<'_>, i: usize) -> Option<i32> {
    let s = t.text(i);
    if !t.is_digits(i) || s.len() != 4 || s.contains(['.', ',']) {
        return None;
    }
    let y: i32 = s.parse().ok()?;
    (1000..=2200).contains(&y).then_some(y)
}

fn is_year_marker(w: &str) -> bool {
    clitic_forms(w).iter().any(|f| {
        matches!(
            f.as_ref(),
            "عام"
                | "العام"
                | "سنه"
                | "السنه"
                | "منذ"
                | "في"
                | "حتي"
                | "مطلع"
                | "اواخر"
                | "اوائل"
        )
    }) || matches!(
        w,
        "in" | "since"
            | "until"
            | "by"
            | "during"
            | "year"
            | "from"
            | "of"
            | "to"
            | "early"
            | "late"
            | "mid"
    )
}

/// Reads every date of a draft and marks its tokens in `used`.
pub(crate) fn extract(
    t: &Tokens<'_>,
    text: &str,
    used: &mut [bool],
    referents: &Referents,
    gazetteer: &Gazetteer,
) -> Vec<DateClaim> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < t.len() {
        if !t.list[i].checked {
            i += 1;
            continue;
        }
        if let Some(date) = date_at(t, i) {
            for u in used.iter_mut().take(date.end).skip(date.start) {
                *u = true;
            }
            found.push(date);
            i = date.end;
            continue;
        }
        i += 1;
    }
    // The two ends of a period ("خلال الفترة من 28 نوفمبر إلى 6 ديسمبر",
    // "from 28 November to 6 December") date no event each: they are kept
    // out of the claims, as two dates of one event they would conflict.
    let mut in_range = vec![false; found.len()];
    for k in 1..found.len() {
        if range_between(t, found[k - 1].end, found[k].start) {
            in_range[k - 1] = true;
            in_range[k] = true;
        }
    }
    found
        .into_iter()
        .zip(in_range)
        .filter(|&(_, range)| !range)
        .map(|(date, _)| finish(t, text, date, referents, gazetteer))
        .collect()
}

/// Whether the tokens from `end` to `start` join two dates into a period:
/// one word or dash such as إلى، حتى، to, until, "-".
fn range_between(t: &Tokens<'_>, end: usize, start: usize) -> bool {
    const JOINERS: [&str; 10] = [
        "الي",
        "حتي",
        "لغايه",
        "to",
        "until",
        "till",
        "through",
        "-",
        "–",
        "—",
    ];
    start == end + 1 && t.same_sentence(end, start) && JOINERS.contains(&t.text(end))
}

#[derive(Debug, Clone, Copy)]
struct Found {
    start: usize,
    end: usize,
    calendar: Calendar,
    year: Option<i32>,
    month: Option<u8>,
    day: Option<u8>,
    relative: Option<Relative>,
    mismatch: Option<(u8, u8)>,
    weekday: Option<u8>,
}

/// A weekday name (folded, proclitics allowed): 0 Monday … 6 Sunday.
fn weekday_name(t: &Tokens<'_>, i: usize) -> Option<u8> {
    if !t.is_word(i) {
        return None;
    }
    let exact = |w: &str| -> Option<u8> {
        Some(match w {
            "الاثنين" | "الإثنين" | "monday" | "mon" => 0,
            "الثلاثاء" | "tuesday" | "tue" | "tues" => 1,
            "الاربعاء" | "wednesday" | "wed" => 2,
            "الخميس" | "thursday" | "thu" | "thurs" => 3,
            "الجمعه" | "friday" | "fri" => 4,
            "السبت" | "saturday" | "sat" => 5,
            "الاحد" | "sunday" | "sun" => 6,
            _ => return None,
        })
    };
    if t.is_latin(i) {
        return exact(t.text(i));
    }
    clitic_forms(t.text(i)).iter().find_map(|f| exact(f))
}

/// The weekday written just before a date starting at token `start`:
/// "الثلاثاء 10 نوفمبر", "الثلاثاء، 10 نوفمبر", "الثلاثاء الموافق 10
/// نوفمبر", "Tuesday, November 10", "on Tuesday 10 November". Returns
/// (weekday, its token).
fn weekday_before(t: &Tokens<'_>, start: usize) -> Option<(u8, usize)> {
    let mut k = start.checked_sub(1)?;
    if !t.same_sentence(k, start) {
        return None;
    }
    if matches!(t.text(k), "," | "،" | "الموافق" | "the") {
        k = k.checked_sub(1)?;
    }
    if !t.same_sentence(k, start) {
        return None;
    }
    weekday_name(t, k).map(|w| (w, k))
}

/// A date whose month (or year, or اليوم) is at token `i`. Days written
/// before the month are picked up by looking back.
fn date_at(t: &Tokens<'_>, i: usize) -> Option<Found> {
    let same = |a: usize, b: usize| t.same_sentence(a, b);
    if let Some(m) = month_at(t, i) {
        let mut start = i;
        let mut end = i + m.len;
        let mut day = None;
        let mut relative = None;
        // A day before: "18 أكتوبر", "8 December", "الثامن من ديسمبر", "the 8th of".
        if i > 0 && same(i - 1, i) {
            if let Some(d) = small_int(t, i - 1, 31.0) {
                day = Some(d as u8);
                start = i - 1;
            } else if matches!(t.text(i - 1), "من" | "of") && i >= 2 {
                if let Some((d, s)) = ordinal_day_before(t, i - 2) {
                    day = Some(d);
                    start = s;
                } else if matches!(t.text(i - 2), "th" | "st" | "nd" | "rd") && i >= 3 {
                    if let Some(d) = small_int(t, i - 3, 31.0) {
                        day = Some(d as u8);
                        start = i - 3;
                    }
                }
            } else if matches!(t.text(i - 1), "th" | "st" | "nd" | "rd") && i >= 2 {
                if let Some(d) = small_int(t, i - 2, 31.0) {
                    day = Some(d as u8);
                    start = i - 2;
                }
            }
            if day.is_some() && start > 0 && t.text(start - 1) == "the" {
                start -= 1;
            }
        }
        // The double form: "أكتوبر/تشرين الأول", "تشرين الأول (أكتوبر)".
        let mut mismatch = None;
        let mut double = false;
        if same(i, end) && matches!(t.text(end), "/" | "(") {
            let paren = t.text(end) == "(";
            if let Some(other) = month_at(t, end + 1) {
                if other.calendar == m.calendar {
                    let close = end + 1 + other.len;
                    if !paren || t.text(close) == ")" {
                        end = if paren { close + 1 } else { close };
                        double = true;
                        if other.month != m.month {
                            mismatch = Some((m.month, other.month));
                        }
                    }
                }
            }
        }
        // English day after the month: "December 8, 2024", and after an
        // abbreviation's period (AP style): "Nov. 28", "Sept. 3, 2025".
        let after_period = end + 1;
        let day_at = if is_abbreviated(t, i) && t.text(end) == "." && same(i, after_period) {
            after_period
        } else {
            end
        };
        if day.is_none() && t.is_latin(i) && same(i, day_at) {
            if let Some(d) = small_int(t, day_at, 31.0) {
                day = Some(d as u8);
                end = day_at + 1;
                if matches!(t.text(end), "th" | "st" | "nd" | "rd") {
                    end += 1;
                }
            }
        }
        // The year: "سبتمبر/أيلول عام 2014", "December 8, 2024", "سبتمبر 2014".
        let mut year = None;
        let mut k = end;
        if matches!(t.text(k), "," | "،") {
            k += 1;
        }
        if clitic_forms(t.text(k))
            .iter()
            .any(|f| matches!(f.as_ref(), "عام" | "سنه" | "العام"))
        {
            k += 1;
        }
        if same(i, k) {
            if let Some(y) = year_at(t, k) {
                year = Some(y);
                end = k + 1;
            }
        }
        if same(i, end) {
            if let Some(r) = relative_after(t.text(end)) {
                relative = Some(r);
                end += 1;
            }
        }
        if i > 0 && same(i - 1, i) && start == i {
            relative = relative.or(match t.text(i - 1) {
                "last" => Some(Relative::Past),
                "next" => Some(Relative::Next),
                "this" => Some(Relative::Current),
                _ => None,
            });
            if relative.is_some() && t.is_latin(i - 1) {
                start = i - 1;
            }
        }
        let anchored = day.is_some() || year.is_some() || double;
        if m.ambiguous && !anchored {
            return None;
        }
        let mut weekday = None;
        if day.is_some() {
            if let Some((w, k)) = weekday_before(t, start) {
                weekday = Some(w);
                start = k;
            }
        }
        // Hijri dates: the year is a Hijri year, not comparable.
        return Some(Found {
            start,
            end,
            calendar: m.calendar,
            year,
            month: Some(m.month),
            day,
            relative,
            mismatch,
            weekday,
        });
    }
    // A year alone after a marker: "عام 2014", "in 2014", "منذ 2014".
    if let Some(y) = year_at(t, i) {
        if i > 0 && same(i - 1, i) && is_year_marker(t.text(i - 1)) {
            let start = if clitic_forms(t.text(i - 1))
                .iter()
                .any(|f| matches!(f.as_ref(), "عام" | "العام" | "سنه" | "السنه"))
            {
                i - 1
            } else {
                i
            };
            return Some(Found {
                start,
                end: i + 1,
                calendar: Calendar::Gregorian,
                year: Some(y),
                month: None,
                day: None,
                relative: None,
                mismatch: None,
                weekday: None,
            });
        }
    }
    if matches!(t.text(i), "اليوم" | "today") {
        return Some(Found {
            start: i,
            end: i + 1,
            calendar: Calendar::Gregorian,
            year: None,
            month: None,
            day: None,
            relative: Some(Relative::Today),
            mismatch: None,
            weekday: None,
        });
    }
    None
}

fn finish(
    t: &Tokens<'_>,
    text: &str,
    f: Found,
    referents: &Referents,
    gazetteer: &Gazetteer,
) -> DateClaim {
    // The event: nearest event word before the date in its sentence
    // ("اجتماع 11 نوفمبر", "met on November 10"), else one just after it
    // ("the November 11 meeting", "في 10 نوفمبر، التقى").
    let mut event = None;
    let mut event_at = None;
    let mut span_start = f.start;
    let mut span_end = f.end;
    let mut k = f.start;
    let mut steps = 0;
    while k > 0 && steps < 16 {
        k -= 1;
        if !t.same_sentence(k, f.start) {
            break;
        }
        if !t.is_word(k) {
            continue;
        }
        steps += 1;
        if let Some(e) = event_lemma(t.text(k)) {
            event = Some(e);
            event_at = Some(k);
            if f.start - k <= 3 {
                span_start = k;
            }
            break;
        }
    }
    if event.is_none() {
        // The word right after the date, or one of the two after a comma.
        let comma = matches!(t.text(f.end), "," | "،");
        let (from, words) = if comma { (f.end + 1, 2) } else { (f.end, 1) };
        for k in (from..t.len()).take(words) {
            if !t.is_word(k) || !t.same_sentence(k, f.start) {
                break;
            }
            if let Some(e) = event_lemma(t.text(k)) {
                event = Some(e);
                event_at = Some(k);
                if k == f.end {
                    span_end = k + 1;
                }
                break;
            }
        }
    }
    let event = event.filter(|_| f.relative != Some(Relative::Today));
    let (slot, entity) = match event {
        Some(ev) if !is_unique_event(ev) => match participants(t, f.start, referents, gazetteer) {
            Some((key, single)) => (
                Some(EventSlot {
                    entity: key,
                    event: ev,
                }),
                single,
            ),
            None => (None, None),
        },
        Some(ev) => {
            let key = fact_key_of_event(ev);
            let score = |r: &Referent| -> u8 {
                let e = gazetteer.entity(r.entity);
                if key.is_some_and(|key| e.facts.iter().any(|x| x.key == key && x.date.is_some())) {
                    3
                } else if r.kind == EntityKind::Place {
                    1
                } else {
                    2
                }
            };
            let before = t.list[f.start].folded.start;
            let entity = referents
                .subject(t, f.start, 0, before, &score, false)
                .map(|r| r.entity)
                .or_else(|| {
                    let k = event_at.filter(|&k| possessive(t, k))?;
                    sole_organization_before(t, k, referents)
                });
            match entity {
                Some(e) => (
                    Some(EventSlot {
                        entity: gazetteer.entity(e).id.clone(),
                        event: ev,
                    }),
                    Some(e),
                ),
                None => (None, None),
            }
        }
        None => (None, None),
    };
    let last = span_end.saturating_sub(1).max(f.start);
    let start = t.list[span_start].original.start;
    let end = t.list[last].original.end;
    DateClaim {
        start,
        end,
        text: text.get(start..end).unwrap_or("").to_string(),
        section: t.list[f.start].section,
        calendar: f.calendar,
        year: f.year,
        month: f.month,
        day: f.day,
        relative: f.relative,
        mismatch: f.mismatch,
        weekday: f.weekday,
        entity,
        slot,
        sentence: t.list[f.start].sentence,
        date_start: t.list[f.start].original.start.max(start),
        latin: t.latin_words(span_start..f.end),
    }
}

/// Whether the event word at token `k` is possessed ("تأسيسها", "زيارته",
/// "its founding"): it then stands for an entity named before.
fn possessive(t: &Tokens<'_>, k: usize) -> bool {
    if t.is_latin(k) {
        return k > 0 && matches!(t.text(k - 1), "its" | "their");
    }
    let words = super::words::words();
    // Listed as written (with a proclitic or the article): no suffix.
    !clitic_forms(t.text(k)).iter().any(|f| {
        let f = f.as_ref();
        words.event_exact(f).is_some() || words.event_exact(strip_article(f)).is_some()
    })
}

/// The one organization named in the paragraph of token `k` before it
/// ("تأسست الجامعة … منذ تأسيسها"), if exactly one is.
fn sole_organization_before(
    t: &Tokens<'_>,
    k: usize,
    referents: &Referents,
) -> Option<EntityIndex> {
    let tok = t.list.get(k)?;
    let end = referents
        .list
        .partition_point(|r| r.start < tok.folded.start);
    let mut found: Option<EntityIndex> = None;
    for r in referents.list[..end].iter().rev().take(40) {
        if r.paragraph != tok.paragraph {
            break;
        }
        if r.kind != EntityKind::Organization {
            continue;
        }
        match found {
            None => found = Some(r.entity),
            Some(e) if e == r.entity => {}
            Some(_) => return None,
        }
    }
    found
}

/// Most participants a recurring event's sentence may name: more, and the
/// sentence is a list, not one event.
const MAX_PARTICIPANTS: usize = 4;

/// Who takes part in a recurring event (a visit, a meeting …) dated at
/// token `at`: the people named in its sentence, else its organizations
/// and countries. Returns the slot key (ids sorted, joined with `+`) and
/// the entity when there is only one.
fn participants(
    t: &Tokens<'_>,
    at: usize,
    referents: &Referents,
    gazetteer: &Gazetteer,
) -> Option<(String, Option<EntityIndex>)> {
    let sentence = t.list.get(at)?.sentence?;
    // The sentence's folded range, found within a bounded walk.
    let mut lo = at;
    while lo > 0 && at - lo < 200 && t.list[lo - 1].sentence == Some(sentence) {
        lo -= 1;
    }
    let mut hi = at;
    while hi + 1 < t.len() && hi - at < 200 && t.list[hi + 1].sentence == Some(sentence) {
        hi += 1;
    }
    let (lo, hi) = (t.list[lo].folded.start, t.list[hi].folded.end);
    let first = referents.list.partition_point(|r| r.start < lo);
    let mut people: Vec<EntityIndex> = Vec::new();
    let mut others: Vec<EntityIndex> = Vec::new();
    for r in referents.list[first..].iter().take_while(|r| r.end <= hi) {
        let entity = gazetteer.entity(r.entity);
        let list = match r.kind {
            EntityKind::Person => &mut people,
            EntityKind::Organization => &mut others,
            EntityKind::Place if entity.class.as_deref() == Some("country") => &mut others,
            EntityKind::Place => continue,
        };
        if !list.contains(&r.entity) {
            list.push(r.entity);
        }
    }
    let chosen = if people.is_empty() { others } else { people };
    if chosen.is_empty() || chosen.len() > MAX_PARTICIPANTS {
        return None;
    }
    let mut ids: Vec<&str> = chosen
        .iter()
        .map(|&e| gazetteer.entity(e).id.as_str())
        .collect();
    ids.sort_unstable();
    let single = (chosen.len() == 1).then(|| chosen[0]);
    Some((ids.join("+"), single))
}

/// The day of the week of a Gregorian date: 0 Monday … 6 Sunday.
pub(crate) fn weekday_of(year: i32, month: u8, day: u8) -> u8 {
    // 1970-01-01 was a Thursday (3).
    ((days_from_epoch(year, month, day) + 3).rem_euclid(7)) as u8
}

/// Days from 1970-01-01 of a Gregorian date (Howard Hinnant's
/// days_from_civil).
pub(crate) fn days_from_epoch(year: i32, month: u8, day: u8) -> i64 {
    let (y, m, d) = (
        i64::from(year) - i64::from(month <= 2),
        i64::from(month),
        i64::from(day),
    );
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Whether day `day` exists in `month` of `year`.
pub(crate) fn valid_day(year: i32, month: u8, day: u8) -> bool {
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::fold;

    /// (year, month, day, relative, mismatch) of the first date in `text`.
    fn date_of(text: &str) -> Option<String> {
        let folded = fold(text);
        let t = Tokens::new(&folded, None);
        let gazetteer = Gazetteer::from_yaml(&[]).ok()?;
        let referents = Referents {
            list: Vec::new(),
            surnames: Vec::new(),
        };
        let mut used = vec![false; t.len()];
        let d = extract(&t, text, &mut used, &referents, &gazetteer);
        let d = d.first()?;
        let mut s = String::new();
        s.push_str(&d.year.map_or("-".into(), |y| y.to_string()));
        s.push('/');
        s.push_str(&d.month.map_or("-".into(), |m| m.to_string()));
        s.push('/');
        s.push_str(&d.day.map_or("-".into(), |x| x.to_string()));
        if let Some(r) = d.relative {
            s.push_str(&format!(" {r:?}"));
        }
        if let Some((a, b)) = d.mismatch {
            s.push_str(&format!(" mismatch {a}/{b}"));
        }
        if d.calendar == Calendar::Hijri {
            s.push_str(" hijri");
        }
        Some(s)
    }

    struct Case {
        text: &'static str,
        want: Option<&'static str>,
    }

    /// Every month in the three systems, with a day so ambiguous names count.
    #[test]
    fn every_month_name() {
        let gregorian = [
            "يناير",
            "فبراير",
            "مارس",
            "أبريل",
            "مايو",
            "يونيو",
            "يوليو",
            "أغسطس",
            "سبتمبر",
            "أكتوبر",
            "نوفمبر",
            "ديسمبر",
        ];
        let levantine = [
            "كانون الثاني",
            "شباط",
            "آذار",
            "نيسان",
            "أيار",
            "حزيران",
            "تموز",
            "آب",
            "أيلول",
            "تشرين الأول",
            "تشرين الثاني",
            "كانون الأول",
        ];
        let english = [
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
        let hijri = [
            "محرم",
            "صفر",
            "ربيع الأول",
            "ربيع الآخر",
            "جمادى الأولى",
            "جمادى الآخرة",
            "رجب",
            "شعبان",
            "رمضان",
            "شوال",
            "ذو القعدة",
            "ذو الحجة",
        ];
        for m in 0..12 {
            let want = format!("-/{}/5", m + 1);
            for list in [gregorian, levantine] {
                let text = format!("5 {}", list[m]);
                assert_eq!(date_of(&text).as_deref(), Some(want.as_str()), "{text}");
            }
            let text = format!("5 {}", english[m]);
            assert_eq!(date_of(&text).as_deref(), Some(want.as_str()), "{text}");
            let text = format!("{} 5, 2024", english[m]);
            let want_en = format!("2024/{}/5", m + 1);
            assert_eq!(date_of(&text).as_deref(), Some(want_en.as_str()), "{text}");
            let text = format!("5 {} 1446", hijri[m]);
            let want_h = format!("1446/{}/5 hijri", m + 1);
            assert_eq!(date_of(&text).as_deref(), Some(want_h.as_str()), "{text}");
            // The double form is one date, both orders and both writings.
            let text = format!("{}/{}", gregorian[m], levantine[m]);
            let want_d = format!("-/{}/-", m + 1);
            assert_eq!(date_of(&text).as_deref(), Some(want_d.as_str()), "{text}");
            let text = format!("{} ({})", levantine[m], gregorian[m]);
            assert_eq!(date_of(&text).as_deref(), Some(want_d.as_str()), "{text}");
        }
    }

    /// Ordinal days up to الحادي والثلاثون.
    #[test]
    fn ordinal_days() {
        let simple = [
            "الأول",
            "الثاني",
            "الثالث",
            "الرابع",
            "الخامس",
            "السادس",
            "السابع",
            "الثامن",
            "التاسع",
            "العاشر",
        ];
        let mut all: Vec<(String, u8)> = simple
            .iter()
            .enumerate()
            .map(|(k, w)| (w.to_string(), k as u8 + 1))
            .collect();
        let teen_units = [
            "الحادي",
            "الثاني",
            "الثالث",
            "الرابع",
            "الخامس",
            "السادس",
            "السابع",
            "الثامن",
            "التاسع",
        ];
        for (k, u) in teen_units.iter().enumerate() {
            all.push((format!("{u} عشر"), 11 + k as u8));
        }
        all.push(("العشرين".into(), 20));
        for (k, u) in teen_units.iter().enumerate() {
            all.push((format!("{u} والعشرين"), 21 + k as u8));
            all.push((format!("{u} والعشرون"), 21 + k as u8));
        }
        all.push(("الثلاثين".into(), 30));
        all.push(("الحادي والثلاثين".into(), 31));
        all.push(("الحادي والثلاثون".into(), 31));
        for (ordinal, day) in all {
            let text = format!("في {ordinal} من ديسمبر 2024");
            let want = format!("2024/12/{day}");
            assert_eq!(date_of(&text).as_deref(), Some(want.as_str()), "{text}");
        }
    }

    #[test]
    fn date_shapes() {
        let cases = [
            // The seed's shapes.
            Case {
                text: "في الثامن من ديسمبر/كانون الأول الماضي",
                want: Some("-/12/8 Past"),
            },
            Case {
                text: "في ديسمبر الماضي",
                want: Some("-/12/- Past"),
            },
            Case {
                text: "منذ تشكيله في سبتمبر/أيلول عام 2014",
                want: Some("2014/9/-"),
            },
            Case {
                text: "الذي تشكل عام 2014",
                want: Some("2014/-/-"),
            },
            Case {
                text: "تشكّل عام ٢٠١٥",
                want: Some("2015/-/-"),
            },
            Case {
                text: "في 18 أكتوبر/تشرين الأول الماضي",
                want: Some("-/10/18 Past"),
            },
            // Mismatched halves of a double month.
            Case {
                text: "في 18 أكتوبر/تشرين الثاني",
                want: Some("-/10/18 mismatch 10/11"),
            },
            Case {
                text: "الثامن عشر من أكتوبر",
                want: Some("-/10/18"),
            },
            Case {
                text: "18 تشرين الأول",
                want: Some("-/10/18"),
            },
            Case {
                text: "فجر اليوم الأحد",
                want: Some("-/-/- Today"),
            },
            // English.
            Case {
                text: "on December 8, 2024",
                want: Some("2024/12/8"),
            },
            Case {
                text: "on 8 December 2024",
                want: Some("2024/12/8"),
            },
            Case {
                text: "the 8th of December",
                want: Some("-/12/8"),
            },
            Case {
                text: "founded in September 2014",
                want: Some("2014/9/-"),
            },
            Case {
                text: "formed in 2014",
                want: Some("2014/-/-"),
            },
            Case {
                text: "in December last year",
                want: Some("-/12/-"),
            },
            Case {
                text: "last December",
                want: Some("-/12/- Past"),
            },
            // AP-style abbreviated months, with and without the period.
            Case {
                text: "The ceasefire took effect on Nov. 28.",
                want: Some("-/11/28"),
            },
            Case {
                text: "the talks of Sept. 3, 2025, failed",
                want: Some("2025/9/3"),
            },
            Case {
                text: "on Jan 5 the envoy came",
                want: Some("-/1/5"),
            },
            Case {
                text: "on Dec. 8th",
                want: Some("-/12/8"),
            },
            // An abbreviation with no day or year is no date.
            Case {
                text: "Talks resume in Nov. Officials said so.",
                want: None,
            },
            Case {
                text: "Jan and Oct. met.",
                want: None,
            },
            // Ambiguous names are months only next to a day or a year.
            Case {
                text: "يمارس الضغط",
                want: None,
            },
            Case {
                text: "مارس الضغط على الحكومة",
                want: None,
            },
            Case {
                text: "في 10 مارس",
                want: Some("-/3/10"),
            },
            Case {
                text: "مارس 2011",
                want: Some("2011/3/-"),
            },
            Case {
                text: "سيارة نيسان",
                want: None,
            },
            Case {
                text: "صفر",
                want: None,
            },
            Case {
                text: "It may rain",
                want: None,
            },
            Case {
                text: "in May 2025",
                want: Some("2025/5/-"),
            },
            // A bare number is no year.
            Case {
                text: "اعتقال 71 شخصاً",
                want: None,
            },
        ];
        for case in cases {
            assert_eq!(date_of(case.text).as_deref(), case.want, "{}", case.text);
        }
    }
}
