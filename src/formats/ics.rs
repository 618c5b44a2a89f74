//! The timeline as an iCalendar file (RFC 5545, by the `icalendar` crate, which escapes
//! `\`, `,`, `;` and line breaks in text and folds lines at 75 octets): one all-day event per
//! entry. An entry known only to the month or the year is shown on its first day, and its
//! description says so.

use std::io::{self, Write};

use chrono::NaiveDate;
use icalendar::{Calendar, Component, EventLike};

use crate::document::dates::MONTH_NAMES;
use crate::document::{Date, Precision};

/// A timeline entry, as a calendar event shows it.
#[derive(Debug, Clone)]
pub struct CalendarEntry<'a> {
    /// When.
    pub date: Date,
    /// What happened.
    pub title: &'a str,
    /// The title of the section it is in, if any.
    pub section: Option<&'a str>,
    /// The document's title.
    pub document: &'a str,
    /// The document's file (its source name).
    pub source: &'a str,
    /// The line of the date in that file.
    pub line: usize,
}

/// Writes `entries` as a calendar named `name`.
pub fn write(out: &mut dyn Write, name: &str, entries: &[CalendarEntry]) -> io::Result<()> {
    let mut calendar = Calendar::empty();
    calendar
        .append_property(("VERSION", "2.0"))
        .append_property((
            "PRODID",
            concat!("-//dossier//dossier ", env!("CARGO_PKG_VERSION"), "//EN"),
        ))
        .append_property(("CALSCALE", "GREGORIAN"));
    // The calendar's name, by RFC 7986 and as most calendar programs read it. Marked as
    // text, which `icalendar` then escapes (it knows neither property's type).
    for key in ["NAME", "X-WR-CALNAME"] {
        calendar.append_property(
            icalendar::Property::new(key, name)
                .append_parameter(icalendar::ValueType::Text)
                .done(),
        );
    }
    for entry in entries {
        calendar.push(event(entry)?);
    }
    write!(out, "{calendar}")
}

/// The all-day event of `entry`: on its day, or the first day of its month or year.
fn event(entry: &CalendarEntry) -> io::Result<icalendar::Event> {
    let date = &entry.date;
    let first = NaiveDate::from_ymd_opt(
        i32::from(date.year),
        u32::from(date.month.unwrap_or(1)),
        u32::from(date.day.unwrap_or(1)),
    );
    let (Some(first), Some(next)) = (first, first.and_then(|d| d.succ_opt())) else {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!(
                "{}:{}: no such day: {}",
                entry.source,
                entry.line,
                date.iso()
            ),
        ));
    };
    let mut description = match date.precision() {
        Precision::Day => date.human(),
        Precision::Month => format!(
            "{} (known to the month only: shown on its first day)",
            month_and_year(date)
        ),
        Precision::Year => format!(
            "{} (known to the year only: shown on its first day)",
            date.year
        ),
    };
    if let Some(section) = entry.section {
        description.push_str(&format!("\nSection: {section}"));
    }
    description.push_str(&format!(
        "\nFrom: {} ({}, line {})",
        entry.document, entry.source, entry.line
    ));
    Ok(icalendar::Event::new()
        .uid(&uid(entry))
        .summary(entry.title)
        .description(&description)
        .starts(first)
        .ends(next)
        .add_property("X-DOSSIER-PRECISION", precision_name(date.precision()))
        .done())
}

/// `November 2023`: the month written out in full.
fn month_and_year(date: &Date) -> String {
    let month = (date.month.map(usize::from))
        .and_then(|m| MONTH_NAMES.get(m.wrapping_sub(1)))
        .copied()
        .unwrap_or_default();
    format!("{month} {}", date.year)
}

fn precision_name(precision: Precision) -> &'static str {
    match precision {
        Precision::Day => "day",
        Precision::Month => "month",
        Precision::Year => "year",
    }
}

/// An identifier that is the same each time the same entry is exported, so that a calendar
/// program importing the file again updates its events rather than doubling them: the date,
/// the line, and a hash of the file's name (FNV-1a, which is stable from one build to the
/// next, as std's hasher is not promised to be).
fn uid(entry: &CalendarEntry) -> String {
    let hash = (entry.source.bytes()).fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{}-{}-{hash:016x}@dossier", entry.date.iso(), entry.line)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(iso: &str, title: &'static str) -> CalendarEntry<'static> {
        CalendarEntry {
            date: Date::parse_iso(iso).unwrap(),
            title,
            section: Some("Board, crisis; part \\ two"),
            document: "Leike",
            source: "leike.md",
            line: 7,
        }
    }

    fn written(entries: &[CalendarEntry]) -> String {
        let mut out = Vec::new();
        write(&mut out, "Leike", entries).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn month_and_year_entries_fall_on_their_first_day_and_say_so() {
        let ics = written(&[entry("2023-11", "Board"), entry("2021", "Joined")]);
        assert!(ics.contains("DTSTART;VALUE=DATE:20231101\r\n"), "{ics}");
        assert!(ics.contains("DTEND;VALUE=DATE:20231102\r\n"), "{ics}");
        assert!(ics.contains("DTSTART;VALUE=DATE:20210101\r\n"), "{ics}");
        assert!(
            ics.contains("November 2023 (known to the month only"),
            "{ics}"
        );
        assert!(ics.contains("X-DOSSIER-PRECISION:year\r\n"), "{ics}");
        assert!(ics.contains("X-WR-CALNAME;VALUE=TEXT:Leike\r\n"), "{ics}");
    }

    #[test]
    fn text_is_escaped_and_lines_folded_at_75_octets() {
        let ics = written(&[entry(
            "2024-05-14",
            "Leike, Sutskever; and the \\ team left — 安全第一 — in a sentence long enough to fold twice over",
        )]);
        assert!(
            ics.contains(r"SUMMARY:Leike\, Sutskever\; and the \\ team"),
            "{ics}"
        );
        assert!(
            ics.contains(r"\nSection: Board\, crisis\; part \\ two"),
            "{ics}"
        );
        assert!(ics.lines().all(|l| l.len() <= 75), "{ics}");
        assert!(ics.split("\r\n").all(|l| !l.contains('\n')));
    }

    #[test]
    fn an_entry_keeps_its_uid_from_one_export_to_the_next() {
        let e = entry("2024-05-14", "x");
        assert_eq!(uid(&e), uid(&e.clone()));
        assert!(uid(&e).starts_with("2024-05-14-7-"));
    }
}
