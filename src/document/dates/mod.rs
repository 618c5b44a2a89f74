//! Calendar dates at day, month or year precision: the [`Date`] value type, and (in
//! `prose.rs`) recognising the dates that headings and running text write.

mod prose;
mod words;

use serde::{Serialize, Serializer};

pub use prose::{DateMatch, find_dates, heading_date, next_digit};

/// A calendar date at day, month or year precision.
///
/// Field order makes the derived ordering put a coarser date before the finer dates it
/// contains: `2023 < 2023-01 < 2023-01-05 < 2023-02`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// The year, e.g. 2024.
    pub year: u16,
    /// The month, 1 to 12, when known.
    pub month: Option<u8>,
    /// The day of the month, 1 to 31, when known (ignored without a month).
    pub day: Option<u8>,
}

/// How exact a [`Date`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// Year, month and day are known.
    Day,
    /// Year and month are known.
    Month,
    /// Only the year is known.
    Year,
}

/// Full month names, January first.
pub const MONTH_NAMES: [&str; 12] = [
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

impl Date {
    /// How exact the date is: [`Precision::Day`] when month and day are known,
    /// [`Precision::Month`] when only the month is, else [`Precision::Year`].
    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            (None, _) => Precision::Year,
        }
    }

    /// The date in ISO 8601 form at its precision: `2024-05-14`, `2023-11` or `2021`.
    pub fn iso(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{:04}-{m:02}-{d:02}", self.year),
            (Some(m), None) => format!("{:04}-{m:02}", self.year),
            (None, _) => format!("{:04}", self.year),
        }
    }

    /// The date for people: `May 14, 2024` (full month name), `Nov 2023` (three-letter
    /// abbreviation) or `2021`. A month outside 1 to 12 falls back to [`Date::iso`].
    pub fn human(&self) -> String {
        let Some(month) = self.month else {
            return self.year.to_string();
        };
        let Some(name) = usize::from(month)
            .checked_sub(1)
            .and_then(|i| MONTH_NAMES.get(i))
        else {
            return self.iso();
        };
        match self.day {
            Some(day) => format!("{name} {day}, {}", self.year),
            None => format!("{} {}", name.get(..3).unwrap_or(name), self.year),
        }
    }

    /// Reads the output of [`Date::iso`] back: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, with exactly
    /// those digit counts. The month must be 1 to 12 and the day must exist in that month
    /// (February 29 only in leap years). Anything else gives `None`.
    pub fn parse_iso(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        let year = u16::try_from(number(b.get(0..4)?)?).ok()?;
        let dash = |i: usize| b.get(i) == Some(&b'-');
        let (month, day) = match b.len() {
            4 => (None, None),
            7 if dash(4) => (Some(number(b.get(5..7)?)?), None),
            10 if dash(4) && dash(7) => (Some(number(b.get(5..7)?)?), Some(number(b.get(8..10)?)?)),
            _ => return None,
        };
        let month = month.map(u8::try_from).transpose().ok()?;
        let day = day.map(u8::try_from).transpose().ok()?;
        if let Some(m) = month {
            if !(1..=12).contains(&m) {
                return None;
            }
        }
        match (month, day) {
            (Some(m), Some(d)) => day_date(year, m, d),
            _ => Some(Date { year, month, day }),
        }
    }

    /// Whether `other` lies within this date at this date's precision: a year contains every
    /// date in it, a month every month or day date in it, a day only itself. A date contains
    /// itself; a finer date never contains a coarser one.
    pub fn contains(&self, other: &Date) -> bool {
        self.year == other.year
            && match self.precision() {
                Precision::Year => true,
                Precision::Month => {
                    other.precision() != Precision::Year && self.month == other.month
                }
                Precision::Day => {
                    other.precision() == Precision::Day
                        && self.month == other.month
                        && self.day == other.day
                }
            }
    }
}

impl Serialize for Date {
    /// Serializes as the [`Date::iso`] string.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.iso())
    }
}

/// The date `year-month-day` if that day exists.
fn day_date(year: u16, month: u8, day: u8) -> Option<Date> {
    (day >= 1 && day <= days_in_month(year, month)).then_some(Date {
        year,
        month: Some(month),
        day: Some(day),
    })
}

/// Days in `month` of `year` (Gregorian), or 0 for a month outside 1 to 12.
fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        _ => 0,
    }
}

/// The value of a non-empty run of at most four ASCII digits.
fn number(digits: &[u8]) -> Option<u32> {
    if digits.is_empty() || digits.len() > 4 {
        return None;
    }
    digits.iter().try_fold(0u32, |acc, &b| {
        b.is_ascii_digit().then(|| acc * 10 + u32::from(b - b'0'))
    })
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    pub(super) fn day(year: u16, month: u8, day: u8) -> Date {
        Date {
            year,
            month: Some(month),
            day: Some(day),
        }
    }

    pub(super) fn month(year: u16, month: u8) -> Date {
        Date {
            year,
            month: Some(month),
            day: None,
        }
    }

    pub(super) fn year(year: u16) -> Date {
        Date {
            year,
            month: None,
            day: None,
        }
    }

    #[test]
    fn iso_and_human_formats() {
        assert_eq!(day(2024, 5, 14).iso(), "2024-05-14");
        assert_eq!(month(2023, 11).iso(), "2023-11");
        assert_eq!(year(2021).iso(), "2021");
        assert_eq!(year(999).iso(), "0999");
        assert_eq!(day(2024, 5, 14).human(), "May 14, 2024");
        assert_eq!(day(2019, 9, 4).human(), "September 4, 2019");
        assert_eq!(month(2023, 11).human(), "Nov 2023");
        assert_eq!(month(2023, 9).human(), "Sep 2023");
        assert_eq!(year(2021).human(), "2021");
        // Out-of-range fields never panic.
        assert_eq!(month(2023, 13).human(), "2023-13");
        assert_eq!(day(2023, 0, 1).human(), "2023-00-01");
        let no_month = Date {
            year: 2023,
            month: None,
            day: Some(5),
        };
        assert_eq!(no_month.iso(), "2023");
        assert_eq!(no_month.human(), "2023");
        assert_eq!(no_month.precision(), Precision::Year);
    }

    #[test]
    fn precision() {
        assert_eq!(day(2024, 5, 14).precision(), Precision::Day);
        assert_eq!(month(2024, 5).precision(), Precision::Month);
        assert_eq!(year(2024).precision(), Precision::Year);
    }

    #[test]
    fn parse_iso_round_trips_and_validates() {
        for date in [
            day(2024, 5, 14),
            day(2024, 2, 29),
            day(1999, 12, 31),
            month(2023, 11),
            month(2023, 1),
            year(2021),
            year(1000),
        ] {
            assert_eq!(Date::parse_iso(&date.iso()), Some(date));
        }
        for text in [
            "",
            "24",
            "202",
            "20245",
            "2024-5",
            "2024-5-1",
            "2024-05-1",
            "2024-13",
            "2024-00",
            "2024-02-30",
            "2023-02-29",
            "2024-04-31",
            "2024-01-00",
            "2024-05-14x",
            " 2024",
            "2024/05/14",
            "2024-05/14",
            "2024--05",
            "２０２４",
            "2024-0é",
            "+024",
            "-024",
        ] {
            assert_eq!(Date::parse_iso(text), None, "{text:?}");
        }
    }

    #[test]
    fn contains_by_precision() {
        let y = year(2024);
        let m = month(2024, 5);
        let d = day(2024, 5, 14);
        assert!(y.contains(&d) && y.contains(&m) && y.contains(&y));
        assert!(m.contains(&d) && m.contains(&m));
        assert!(d.contains(&d));
        assert!(!m.contains(&y));
        assert!(!d.contains(&m) && !d.contains(&y));
        assert!(!y.contains(&year(2023)) && !y.contains(&day(2023, 5, 14)));
        assert!(!m.contains(&month(2024, 6)) && !m.contains(&day(2024, 6, 14)));
        assert!(!m.contains(&month(2023, 5)));
        assert!(!d.contains(&day(2024, 5, 15)));
    }

    #[test]
    fn ordering() {
        let mut dates = vec![
            day(2023, 2, 1),
            year(2024),
            day(2023, 1, 5),
            month(2023, 1),
            year(2023),
            month(2022, 12),
        ];
        dates.sort();
        assert_eq!(
            dates,
            [
                month(2022, 12),
                year(2023),
                month(2023, 1),
                day(2023, 1, 5),
                day(2023, 2, 1),
                year(2024),
            ]
        );
        assert!(year(2023) < month(2023, 1) && month(2023, 1) < day(2023, 1, 5));
    }

    #[test]
    fn serialization() {
        assert_eq!(
            serde_json::to_string(&day(2024, 5, 14)).unwrap(),
            "\"2024-05-14\""
        );
        assert_eq!(
            serde_json::to_string(&month(2023, 11)).unwrap(),
            "\"2023-11\""
        );
        assert_eq!(serde_json::to_string(&year(2021)).unwrap(), "\"2021\"");
        assert_eq!(serde_json::to_string(&Precision::Day).unwrap(), "\"day\"");
        assert_eq!(
            serde_json::to_string(&Precision::Month).unwrap(),
            "\"month\""
        );
        assert_eq!(serde_json::to_string(&Precision::Year).unwrap(), "\"year\"");
    }
}
