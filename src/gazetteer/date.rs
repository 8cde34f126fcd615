//! Dates of partial precision: a year, a year and month, or a full date.
//! Precision counts: "2014" and "2014-09" are compatible, not equal.

use std::fmt;

/// A calendar date known to the year, the month or the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl PartialDate {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checking month and day ranges.
    pub fn parse(s: &str) -> Option<PartialDate> {
        let mut parts = s.trim().split('-');
        let year_text = parts.next()?;
        if year_text.len() != 4 || !year_text.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let year: i32 = year_text.parse().ok()?;
        let month = match parts.next() {
            None => None,
            Some(m) => Some(two_digits(m).filter(|m| (1..=12).contains(m))?),
        };
        let day = match parts.next() {
            None => None,
            Some(d) => {
                let d = two_digits(d)?;
                let max = days_in_month(year, month?);
                if d == 0 || d > max {
                    return None;
                }
                Some(d)
            }
        };
        if parts.next().is_some() {
            return None;
        }
        Some(PartialDate { year, month, day })
    }

    /// The earliest full date this value allows, as (year, month, day).
    pub fn first_day(self) -> (i32, u8, u8) {
        (self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// The latest full date this value allows.
    pub fn last_day(self) -> (i32, u8, u8) {
        let month = self.month.unwrap_or(12);
        (
            self.year,
            month,
            self.day.unwrap_or_else(|| days_in_month(self.year, month)),
        )
    }

    /// True when some day is allowed by both values (e.g. 2014 and 2014-09).
    pub fn overlaps(self, other: PartialDate) -> bool {
        self.first_day() <= other.last_day() && other.first_day() <= self.last_day()
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

fn two_digits(s: &str) -> Option<u8> {
    if s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit()) {
        s.parse().ok()
    } else {
        None
    }
}

pub(crate) fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl serde::Serialize for PartialDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for PartialDate {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = PartialDate;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a date as YYYY, YYYY-MM or YYYY-MM-DD")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<PartialDate, E> {
                PartialDate::parse(v).ok_or_else(|| {
                    E::custom(format!(
                        "invalid date `{v}`: expected YYYY, YYYY-MM or YYYY-MM-DD"
                    ))
                })
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<PartialDate, E> {
                self.visit_str(&v.to_string())
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<PartialDate, E> {
                self.visit_str(&v.to_string())
            }
        }
        d.deserialize_any(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Case {
        input: &'static str,
        want: Option<&'static str>,
    }

    #[test]
    fn parse_cases() {
        let cases = [
            Case {
                input: "2014",
                want: Some("2014"),
            },
            Case {
                input: "2014-09",
                want: Some("2014-09"),
            },
            Case {
                input: "2025-01-29",
                want: Some("2025-01-29"),
            },
            // Leap day only in leap years.
            Case {
                input: "2024-02-29",
                want: Some("2024-02-29"),
            },
            Case {
                input: "2025-02-29",
                want: None,
            },
            Case {
                input: "2025-13",
                want: None,
            },
            Case {
                input: "2025-00-10",
                want: None,
            },
            Case {
                input: "25-01-01",
                want: None,
            },
            Case {
                input: "2025-1-1",
                want: None,
            },
            Case {
                input: "2025-01-01-01",
                want: None,
            },
            Case {
                input: "soon",
                want: None,
            },
        ];
        for case in cases {
            let got = PartialDate::parse(case.input).map(|d| d.to_string());
            assert_eq!(got.as_deref(), case.want, "input {}", case.input);
        }
    }

    #[test]
    fn precision_overlap() {
        let year = PartialDate::parse("2014").unwrap();
        let month = PartialDate::parse("2014-09").unwrap();
        let other = PartialDate::parse("2015").unwrap();
        assert!(year.overlaps(month));
        assert!(!year.overlaps(other));
        assert_eq!(month.last_day(), (2014, 9, 30));
    }
}
