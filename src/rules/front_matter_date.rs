//! `front-matter-date`: a `date:` in the front matter that tadqiq cannot
//! read. The draft's date decides which titles and facts hold, so a date
//! that is silently ignored makes every role and fact judged at the wrong
//! date; this rule says so instead.

use super::{Context, Rule, RuleInfo};
use crate::finding::{Finding, Severity};
use crate::gazetteer::PartialDate;

pub(crate) struct FrontMatterDate;

pub(crate) const ID: &str = "front-matter-date";

impl Rule for FrontMatterDate {
    fn info(&self) -> RuleInfo {
        RuleInfo {
            id: ID,
            default_severity: Severity::Warning,
            summary: "A front matter `date:` that cannot be read as the draft's date.",
            explain: "\
The draft's date decides which titles and gazetteer facts hold (role-conflict,
fact-conflict). It comes from the front matter's `date:`, else `--date`. These forms
are read, the calendar date as written being the draft's date (the time and zone are
checked but do not move the day):

  2020-05-01   2020-05   2020
  2020-05-01T10:00:00+03:00   2020-05-01T07:00:00Z   2020-05-01T10:00:00.250+0300
  2020-05-01 10:00   2020-05-01 10:00:00 +03:00

Any other value (\"May 1, 2020\", \"2020-13-01\", \"2020-05-01T25:00\") is reported as a
warning, and the draft is judged at `--date` if given, else at today's date: never
silently.

Example: `date: 01/05/2020` is a warning; `date: 2020-05-01T10:00:00+03:00` is
2020-05-01.",
        }
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some(value) = cx.doc.front_matter_date.as_deref() else {
            return;
        };
        if parse(value).is_some() {
            return;
        }
        let (start, end) = locate(cx.text, value);
        let fallback = match cx.date {
            Some(d) => format!("the draft is judged at {d} (--date)"),
            None => "titles and facts are judged at today's date".to_string(),
        };
        out.push(cx.finding(
            ID,
            Severity::Warning,
            format!(
                "front matter \"date: {value}\" is not a date tadqiq can read (YYYY-MM-DD, optionally with a time and zone); {fallback}"
            ),
            vec![cx.span(start, end, None)],
            vec![
                "write the date as ISO 8601, e.g. 2020-05-01 or 2020-05-01T10:00:00+03:00"
                    .to_string(),
            ],
        ));
    }
}

/// The draft's date from a front matter value: a (partial) date, or a full
/// date followed by a time (`T` or a space) and an optional zone (`Z`,
/// `±HH:MM`, `±HHMM`, `±HH`). The date is taken as written.
pub(crate) fn parse(value: &str) -> Option<PartialDate> {
    let value = value.trim();
    if let Some(d) = PartialDate::parse(value) {
        return Some(d);
    }
    if value.len() < 11 || !value.is_char_boundary(10) {
        return None;
    }
    let (date, rest) = value.split_at(10);
    let date = PartialDate::parse(date).filter(|d| d.day.is_some())?;
    let rest = rest.strip_prefix(['T', 't', ' '])?.trim_start();
    time_and_zone(rest).then_some(date)
}

/// `HH:MM`, `HH:MM:SS` or `HH:MM:SS.fff`, then an optional zone.
fn time_and_zone(s: &str) -> bool {
    let b = s.as_bytes();
    let two = |i: usize, max: u8| -> bool {
        b.len() >= i + 2
            && b[i].is_ascii_digit()
            && b[i + 1].is_ascii_digit()
            && (b[i] - b'0') * 10 + (b[i + 1] - b'0') <= max
    };
    if !(two(0, 23) && b.get(2) == Some(&b':') && two(3, 59)) {
        return false;
    }
    let mut i = 5;
    if b.get(i) == Some(&b':') {
        if !two(i + 1, 60) {
            return false;
        }
        i += 3;
        if b.get(i) == Some(&b'.') {
            i += 1;
            let digits = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
            if digits == 0 {
                return false;
            }
            i += digits;
        }
    }
    let zone = s[i..].trim_start();
    match zone.as_bytes() {
        [] | [b'Z'] | [b'z'] => true,
        [b'+' | b'-', rest @ ..] => {
            let z = std::str::from_utf8(rest).unwrap_or("");
            let (h, m) = match z.len() {
                2 => (z, "00"),
                4 => z.split_at(2),
                5 if z.as_bytes()[2] == b':' => (&z[..2], &z[3..]),
                _ => return false,
            };
            h.parse::<u8>().is_ok_and(|h| h <= 14)
                && m.len() == 2
                && m.parse::<u8>().is_ok_and(|m| m <= 59)
        }
        _ => false,
    }
}

/// The byte range of the `date:` value in the front matter.
fn locate(text: &str, value: &str) -> (usize, usize) {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if let Some(rest) = line.strip_prefix("date:") {
            if let Some(k) = rest.find(value) {
                let start = offset + 5 + k;
                return (start, start + value.len());
            }
        }
        offset += line.len();
    }
    (0, 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readable_dates() {
        let cases = [
            ("2020-05-01", "2020-05-01"),
            ("2020-05", "2020-05"),
            ("2020", "2020"),
            ("2020-05-01T10:00:00+03:00", "2020-05-01"),
            ("2020-05-01T23:30:00Z", "2020-05-01"),
            ("2020-05-01T10:00:00.250+0300", "2020-05-01"),
            ("2020-05-01T10:00-05", "2020-05-01"),
            ("2020-05-01 10:00", "2020-05-01"),
            ("2020-05-01 10:00:00 +03:00", "2020-05-01"),
        ];
        for (value, want) in cases {
            assert_eq!(
                parse(value).map(|d| d.to_string()).as_deref(),
                Some(want),
                "{value}"
            );
        }
    }

    #[test]
    fn unreadable_dates() {
        for value in [
            "01/05/2020",
            "May 1, 2020",
            "2020-13-01",
            "2020-05-01T25:00",
            "2020-05-01T10",
            "2020-05-01T10:00+3",
            "2020-05T10:00",
            "2020-05-01 garbage",
            "غداً",
        ] {
            assert_eq!(parse(value), None, "{value}");
        }
    }
}
