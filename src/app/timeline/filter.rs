//! The timeline filter's language, shared by the Timeline view and `dossier timeline
//! --filter`: dates and date ranges (`2024`, `2023-11..2024-06`, `..2020`), words, and
//! `in:word` for a document's title.

use super::EntryText;
use crate::document::{Date, Document};

/// A timeline filter: dates and date ranges (`2024`, `2023-11..2024-06`) keep events whose
/// date lies within them; `in:word` keeps the events of documents whose title holds the
/// word; other words must all appear in the event's own title, date or section title (not
/// the document's title, which every event of a document shares).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TimelineFilter {
    /// Inclusive ranges of `(year, month, day)` bounds.
    pub ranges: Vec<(DayBound, DayBound)>,
    /// Lowercase words.
    pub words: Vec<String>,
    /// Lowercase words the document's title must hold (`in:word`).
    pub in_title: Vec<String>,
}

/// A day as `(year, month, day)`, for comparing dates of any precision.
pub type DayBound = (u16, u8, u8);

fn bounds(d: &Date) -> (DayBound, DayBound) {
    let lo = (d.year, d.month.unwrap_or(1), d.day.unwrap_or(1));
    let hi = (d.year, d.month.unwrap_or(12), d.day.unwrap_or(31));
    (lo, hi)
}

impl TimelineFilter {
    /// Reads a filter as typed.
    pub fn parse(text: &str) -> TimelineFilter {
        let mut f = TimelineFilter::default();
        for word in text.split_whitespace() {
            let range = match word.split_once("..") {
                Some((a, b)) => {
                    // An open end (`..2024`, `2023..`) reaches the first or the last year.
                    let end = |text: &str, open_year| match text {
                        "" => Some(Date {
                            year: open_year,
                            month: None,
                            day: None,
                        }),
                        _ => Date::parse_iso(text),
                    };
                    (end(a, 0))
                        .zip(end(b, 9999))
                        .map(|(a, b)| (bounds(&a).0, bounds(&b).1))
                }
                None => Date::parse_iso(word).map(|d| bounds(&d)),
            };
            match (range, word.strip_prefix("in:")) {
                (Some(r), _) => f.ranges.push(r),
                (None, Some(title)) if !title.is_empty() => f.in_title.push(title.to_lowercase()),
                (None, Some(_)) => {}
                (None, None) => f.words.push(word.to_lowercase()),
            }
        }
        f
    }

    /// True when entry `e` of `doc` passes.
    pub fn keeps(&self, doc: &Document, e: usize) -> bool {
        let Some(entry) = doc.timeline.get(e) else {
            return false;
        };
        if !self.keeps_date(&entry.date) {
            return false;
        }
        if !self.in_title.is_empty() {
            let title = doc.title();
            if !(self.in_title.iter()).all(|w| contains_folded(&title, w)) {
                return false;
            }
        }
        if self.words.is_empty() {
            return true;
        }
        let section = entry
            .section
            .and_then(|s| doc.sections.get(s))
            .map_or("", |s| s.title.as_str());
        let date = format!("{} {}", entry.date.iso(), entry.date.human());
        // Each word is looked for in each field: no word holds a space, so none can match
        // across two of them.
        self.words.iter().all(|w| {
            [entry.title.as_str(), section, &date]
                .iter()
                .any(|field| contains_folded(field, w))
        })
    }

    /// Whether an event on `date` passes the filter's dates: its whole date lies in each
    /// range ("2024" is not known to be in May 2024, but May 14, 2024 is in 2024).
    fn keeps_date(&self, date: &Date) -> bool {
        let (lo, hi) = bounds(date);
        self.ranges.iter().all(|&(a, b)| lo >= a && hi <= b)
    }

    /// Whether the filter keeps every event.
    pub fn is_empty(&self) -> bool {
        self.ranges.is_empty() && self.words.is_empty() && self.in_title.is_empty()
    }

    /// Whether every event this filter keeps, `last` kept too: the same dates, and each of
    /// `last`'s words within one of these (`lei` → `leike`, `leike` → `leike board`).
    pub fn narrows(&self, last: &TimelineFilter) -> bool {
        let within = |new: &[String], old: &[String]| {
            old.iter()
                .all(|old| new.iter().any(|new| new.contains(old.as_str())))
        };
        self.ranges == last.ranges
            && within(&self.words, &last.words)
            && within(&self.in_title, &last.in_title)
    }

    /// [`TimelineFilter::keeps`] for entry `e` of `docs[d]`, its words looked for in `text`
    /// (which holds that document, when the filter has words), and each date's written forms
    /// worked out once in `dates`.
    pub(super) fn keeps_in(
        &self,
        docs: &[Document],
        d: usize,
        e: usize,
        text: &EntryText,
        dates: &mut DateTexts,
    ) -> bool {
        let Some(entry) = docs[d].timeline.get(e) else {
            return false;
        };
        if !self.keeps_date(&entry.date) {
            return false;
        }
        let title = text.titles.get(d).map_or("", String::as_str);
        if !self.in_title.iter().all(|w| title.contains(w.as_str())) {
            return false;
        }
        if self.words.is_empty() {
            return true;
        }
        let own = text.of(d, e);
        let date = dates.entry(entry.date).or_insert_with(|| {
            format!("{} {}", entry.date.iso(), entry.date.human()).to_lowercase()
        });
        // No word holds a space or a line break: none can match across two fields.
        (self.words.iter()).all(|w| own.contains(w.as_str()) || date.contains(w.as_str()))
    }
}

/// Each date's written forms (`2024-05-14 may 14, 2024`), lowercased: worked out once per
/// date in a pass of a filter, not once per event.
pub(super) type DateTexts = std::collections::HashMap<Date, String>;

/// Whether `text`, lowercased, holds `word` (lowercase): for ASCII text without lowercasing
/// a copy of it (a filter looks at every event of a library).
fn contains_folded(text: &str, word: &str) -> bool {
    if !text.is_ascii() {
        return text.to_lowercase().contains(word);
    }
    let (text, word) = (text.as_bytes(), word.as_bytes());
    let Some(&first) = word.first() else {
        return true;
    };
    // An ASCII text lowercases to ASCII: a word that is not ASCII is not in it.
    word.is_ascii()
        && memchr::memchr2_iter(first, first.to_ascii_uppercase(), text).any(|at| {
            text.get(at..at + word.len())
                .is_some_and(|s| s.eq_ignore_ascii_case(word))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_match_without_regard_to_case() {
        assert!(contains_folded("Jan Leike resigned", "leike"));
        assert!(contains_folded("JAN LEIKE", "jan leike"));
        assert!(!contains_folded("Jan Leike", "leiker"));
        assert!(contains_folded("Ünïcode Tïtle", "tïtle"));
        // The Kelvin sign lowercases to an ASCII k.
        assert!(contains_folded("\u{212a}elvin", "kelvin"));
        assert!(!contains_folded("plain ascii", "ünï"));
        assert!(contains_folded("anything", ""));
    }
}
