//! Recognising explicit calendar dates in English prose, so a timeline can be built from them.
//!
//! [`find_dates`] scans the plain text of a paragraph, list item or heading (Markdown markup
//! already removed) and returns every explicit date with its byte range; [`heading_date`] says
//! whether a heading *is* a date.
//!
//! Recognised forms:
//!
//! - `May 28, 2024`, `May 28 2024`, `May 28th, 2024`, `28 May 2024`, `28th May, 2024`: day;
//! - ISO `2024-05-28` (exactly 4-2-2 digits, not part of a longer digit/dash run): day;
//! - `November 2023`, `Nov 2023`, `Nov. 2023`: month;
//! - a bare year (1000 to 2199) only where it reads as a date: after a context word
//!   (`in 2021`, `since 2021`, `between 2019`, `mid-2023`, ...), after `of` that follows a
//!   part of a year (`the end of 2023`, `summer of 2021`, `as of 2022`), after `of` and a
//!   thing that happens when punctuation, `and` or `or` follows the year (`the floods of
//!   1998,`, `the cuts of 2009 and 2010`; not a count: `an army of 2000,`), after
//!   `Christmas` or `Easter`, alone in parentheses
//!   (`(2021)`), after a possessive (`Gebru's 2020 departure`), or joined by `and`, `or` or
//!   `to` to a date just before it (`between 2019 and 2021`, `from May 2019 to 2021`), or
//!   as the subject of its sentence or clause (`2016 was a good year`, `On a lighter note,
//!   2015 has also been …`: a year opening a clause, before `was`, `is`, `has`, `saw`, …),
//!   or between a determiner and a word in lower case, saying when the thing was made or
//!   happened (`the 1987 film`, `its 2022 paper`, `the Tollkeepers’ 1994 album`; not a
//!   plural or a unit, which is more often a count: `the 1500 residents`, `a 2000 word
//!   essay`);
//! - `January of 2015`: month;
//! - a date in numbers between slashes, `9/21/18` or `21/09/2018`, where the order of day and
//!   month is plain (one of the two is over 12, or they are the same): day;
//! - a range that writes its year once gives both ends (`March and April 2023`, `November
//!   4th and November 15th 2013`, `October–December 2022`);
//! - an ISO date whose unknown parts are placeholders (`2023-MM-DD`, `2023-03-DD`): the
//!   date at the precision known.
//!
//! A bare year between capitalised words mid-sentence is part of a name, not a date (`the
//! Homebrew Summer 2024 Hackathon`).
//!
//! Month names are full or abbreviated (`Jan`, `Sept.`; only abbreviations take a dot) and must
//! be capitalised or all capitals: `may 2024` is not a date ("may" is a verb). Impossible dates
//! (`February 30, 2024`) yield nothing at all, not a coarser date. Nothing inside a URL is a
//! date. A more precise form wins over a less precise one, and matches never overlap.
//!
//! Judgement calls:
//!
//! - Years are accepted from 1000 to 2199 in every form found in text ([`Date::parse_iso`]
//!   accepts any four-digit year).
//! - A decade written with an apostrophe (`the 1970’s`, `1980's`) is no date, as `1970s` is not.
//! - A year directly followed by a letter, `_`, `%` (also after one space), or by `,` `.` `-`
//!   `–` `—` `/` `:` and then a digit is not a date (`2020s`, `2021,5`, `2021.5`, `2024/25`), in
//!   any form, unless the dash starts the end of a year range (below). An ISO date may be followed by `T` and a digit (a timestamp).
//! - Day ranges `May 14–17, 2024` and `14–17 May 2024` (hyphen, en or em dash, no spaces) give
//!   both ends: the first day over `May 14` and the last over `17, 2024`; if either day is
//!   impossible, or the end is not after the start, they give nothing.
//! - Year ranges `2019–2021` give both years, as two matches, when the range qualifies as a bare
//!   year would (`in 2019–2021`, `(2019–2021)`, `the 2001–2004 restoration`); otherwise
//!   nothing. The second year must be later than the first. A financial year or a season
//!   writes its end with two digits (`in 2022–23`, `the winter of 2021–22`): the end is in the
//!   same century or the next, at most ten years on.
//! - Between the words of a month form there may be one to three whitespace characters (any
//!   Unicode whitespace, so line breaks and no-break spaces count); a comma is allowed only
//!   after the day (`May 5, 2024`, `5 May, 2024`), never in `May, 2024`. A context word is
//!   separated from its year by exactly one whitespace character, and so are the words of
//!   `end of 2023` and `2019 and 2021`. A joining word needs a date right before it: in
//!   `2019 and 2021` neither year is a date, in `in 2019 and 2000 staff` both are.
//! - A weekday before a date (`Tuesday, May 14, 2024`) is not part of the match; the weekday is
//!   not checked against the date. [`heading_date`] skips a leading weekday only before a
//!   day-precision date (`Tuesday 2021` is not a date heading).
//! - Day suffixes (`st`, `nd`, `rd`, `th`, any case) are not checked against the number.
//! - A URL is any whitespace-delimited run that contains `://` or, after leading punctuation
//!   such as `(` or `<`, starts with `http://`, `https://` or `www.` (any case). A match that
//!   would overlap one is dropped, and so is a bare year whose context word is in one.
//!
//! Scanning is linear: it looks for runs of four ASCII digits and inspects a bounded window
//! before and after each; URLs are found in one pass beforehand.

use std::ops::Range;

use super::words::*;
use super::{Date, Precision, day_date, number};
use crate::document::sentences::word_around;

/// One date found in a text, with its byte range in that text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateMatch {
    /// The date.
    pub date: Date,
    /// Where it is written: a byte range on character boundaries of the scanned text.
    pub range: Range<usize>,
}

/// Every explicit date in `text`, in order of position, non-overlapping.
///
/// See the module documentation for the forms recognised. Never panics; linear in the length
/// of `text`.
pub fn find_dates(text: &str) -> Vec<DateMatch> {
    let bytes = text.as_bytes();
    // Every form has a four-digit year: most texts have no digit at all.
    let Some(first_digit) = next_digit(bytes, 0) else {
        return Vec::new();
    };
    let mut scan = Scan {
        text,
        out: Vec::new(),
        last_end: 0,
        run: None,
    };
    let mut i = first_digit;
    while let Some(digit) = next_digit(bytes, i) {
        i = digit;
        let start = i;
        while bytes.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        // Only a run of four digits can be a year; whether it is in a URL is asked only
        // then (most numbers are not years). Numbers in a URL are not dates: the URL is
        // passed over whole.
        if i - start == 4 {
            let (run, url) = scan.run_at(start);
            i = match url {
                true => run.end,
                false => i.max(scan.at_year(start, i)),
            };
        } else if i - start <= 2 && bytes.get(i) == Some(&b'/') {
            // `9/21/18`, `21/09/2018`: a day, a month and a year written in numbers.
            if let Some((date, end)) = numeric_at(text, start) {
                if let Some(date) = date {
                    scan.push(date, start..end);
                }
                i = end;
            }
        }
    }
    scan.out
}

/// Where the first ASCII digit at or after `from` is. The next 16 bytes are looked at 8 at a
/// time (a digit is often that near), then 64 at a time for whether they hold one, then 8 at
/// a time again from the first 64 that do.
pub fn next_digit(bytes: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    for _ in 0..2 {
        let Some(eight) = bytes.get(i..i + 8) else {
            break;
        };
        if let Some(at) = first_digit_of_eight(eight) {
            return Some(i + at);
        }
        i += 8;
    }
    // Whether 64 bytes hold a digit at all is a few vector instructions; where it is, the
    // 8-at-a-time loop below finds.
    while let Some(block) = bytes.get(i..i + 64) {
        let any = block
            .iter()
            .fold(0u8, |any, &b| any | u8::from(b.wrapping_sub(b'0') < 10));
        if any != 0 {
            break;
        }
        i += 64;
    }
    while let Some(eight) = bytes.get(i..i + 8) {
        if let Some(at) = first_digit_of_eight(eight) {
            return Some(i + at);
        }
        i += 8;
    }
    bytes
        .get(i..)?
        .iter()
        .position(u8::is_ascii_digit)
        .map(|p| i + p)
}

/// The first ASCII digit of 8 bytes, all tested at once.
#[inline]
fn first_digit_of_eight(eight: &[u8]) -> Option<usize> {
    const LOW: u64 = u64::from_le_bytes([0x01; 8]);
    const HIGH: u64 = u64::from_le_bytes([0x80; 8]);
    // A digit is a byte whose value less b'0' is under 10: with b'0' taken away by XOR, the
    // classic "has a byte less than n" test finds it in all eight bytes at once, and its
    // lowest set bit is the first digit (borrows only carry upwards).
    let word = u64::from_le_bytes(eight.try_into().unwrap_or_default()) ^ (LOW * u64::from(b'0'));
    let digits = word.wrapping_sub(LOW * 10) & !word & HIGH;
    (digits != 0).then(|| digits.trailing_zeros() as usize / 8)
}

/// The date when the whole of `text` is a date, else `None`.
///
/// Surrounding whitespace, punctuation and brackets are ignored (`### May 14, 2024`,
/// `(2021)`), as is a leading weekday before a day date (`Tuesday, May 14, 2024`). Any form [`find_dates`]
/// knows counts, and so does a bare year on its own (`2021`). A heading that merely contains a
/// date (`The Board Crisis (November 2023)`) gives `None`.
pub fn heading_date(text: &str) -> Option<Date> {
    next_digit(text.as_bytes(), 0)?;
    let t = text.trim_matches(|c: char| c.is_whitespace() || is_edge_punctuation(c));
    whole_date(t)
        .or_else(|| whole_date(strip_weekday(t)?).filter(|d| d.precision() == Precision::Day))
}

/// The date `t` consists of, exactly.
fn whole_date(t: &str) -> Option<Date> {
    if t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()) {
        let year = year_value(t.as_bytes(), 0, 4)?;
        return Some(Date {
            year,
            month: None,
            day: None,
        });
    }
    match find_dates(t).as_slice() {
        [m] if m.range == (0..t.len()) => Some(m.date),
        // A day range (`May 14–17, 2024`) dates its heading by its first day.
        [first, last]
            if first.range.start == 0
                && last.range.end == t.len()
                && t[first.range.end..last.range.start].chars().all(is_dash) =>
        {
            Some(first.date)
        }
        _ => None,
    }
}

/// `t` without a leading weekday and what follows it (`.`, `,`, whitespace), if it has one.
fn strip_weekday(t: &str) -> Option<&str> {
    let end = t.bytes().take_while(u8::is_ascii_alphabetic).count();
    let word = t.get(..end)?;
    if !WEEKDAYS.iter().any(|w| w.eq_ignore_ascii_case(word)) {
        return None;
    }
    let rest = t.get(end..)?;
    let rest = rest.strip_prefix('.').unwrap_or(rest);
    let rest = rest.strip_prefix(',').unwrap_or(rest);
    rest.starts_with(char::is_whitespace)
        .then(|| rest.trim_start())
}

/// Punctuation that [`heading_date`] trims from the ends of a heading.
fn is_edge_punctuation(c: char) -> bool {
    matches!(
        c,
        '(' | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | '<'
            | '>'
            | '"'
            | '\''
            | '“'
            | '”'
            | '‘'
            | '’'
            | '«'
            | '»'
            | '.'
            | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | '*'
            | '_'
            | '#'
            | '-'
            | '–'
            | '—'
            | '…'
            | '·'
    )
}

/// The state of one [`find_dates`] pass.
struct Scan<'a> {
    /// The text being scanned.
    text: &'a str,
    /// The last whitespace-free run looked at, and whether it is a URL: the runs around
    /// numbers are looked up one after another, often the same one again, and a long run
    /// (`2024-2024-…`) must be walked once, not once per number in it.
    run: Option<(Range<usize>, bool)>,
    /// Matches so far.
    out: Vec<DateMatch>,
    /// End of the last match.
    last_end: usize,
}

/// A day form found before a year: where it starts, its month and its day or days.
struct DayForm {
    /// Byte offset where the form starts.
    start: usize,
    /// The month, 1 to 12.
    month: u8,
    /// The (first) day as written.
    first: u8,
    /// The last day of a range `14–17`.
    last: Option<u8>,
}

impl DayForm {
    /// The date in `year`, if every day written exists and a range runs forward.
    fn date(&self, year: u16) -> Option<Date> {
        let date = day_date(year, self.month, self.first)?;
        match self.last {
            Some(last) if last <= self.first || day_date(year, self.month, last).is_none() => None,
            _ => Some(date),
        }
    }
}

impl Scan<'_> {
    /// The whitespace-free run that holds byte `at` (a character boundary, not whitespace),
    /// and whether it is a URL. Looked up only where a date could be, not for the whole text:
    /// most texts with a number have no URL, and a number's run is a few bytes.
    fn run_at(&mut self, at: usize) -> (Range<usize>, bool) {
        if let Some((run, url)) = &self.run {
            if run.contains(&at) {
                return (run.clone(), *url);
            }
        }
        let run = word_around(self.text, at);
        let url = self.text.get(run.clone()).is_some_and(is_url);
        self.run = Some((run.clone(), url));
        (run, url)
    }

    /// Whether a URL overlaps `range` of the text (a match, never empty).
    fn url_within(&mut self, range: Range<usize>) -> bool {
        let mut at = range.start;
        while at < range.end {
            match self.text.get(at..).and_then(|t| t.chars().next()) {
                None => return false,
                Some(c) if c.is_whitespace() => at += c.len_utf8(),
                Some(_) => {
                    let (run, url) = self.run_at(at);
                    if url {
                        return true;
                    }
                    at = run.end;
                }
            }
        }
        false
    }

    /// Looks for a date around the four-digit run `ys..ye`; returns where scanning resumes.
    fn at_year(&mut self, ys: usize, ye: usize) -> usize {
        let text = self.text;
        let Some(year) = year_value(text.as_bytes(), ys, ye) else {
            return ye;
        };
        if let Some((date, end)) = iso_at(text, ys, ye, year) {
            if let Some(date) = date {
                self.push(date, ys..end);
            }
            return end;
        }
        if let Some((date, end)) = partial_iso_at(text, ys, ye, year) {
            self.push(date, ys..end);
            return end;
        }
        // `(2015 - 2020)`, `(2023 and 2024)`: two years in parentheses.
        if let Some((ys2, ye2, year2)) = paired_in_parentheses(text, ys, ye) {
            self.push_from(ys - 1, year_date(year), ys..ye);
            self.push(year_date(year2), ys2..ye2);
            return ye2;
        }
        if let Some((ys2, ye2, year2)) = year_range_after(text, ye, year) {
            if let Some(from) =
                bare_context(text, ys, ye2).or_else(|| made_or_happened(text, ys, ye2))
            {
                self.push_from(from, year_date(year), ys..ye);
                self.push(year_date(year2), ys2..ye2);
            }
            return ye2;
        }
        if !end_ok(text, ye) {
            return ye;
        }
        let day_form = |sep: usize| month_day_back(text, sep).or_else(|| day_month_back(text, sep));
        let form = separator_back(text, ys).and_then(day_form).or_else(|| {
            // `April 21st of 2016`: `of` between a day and its year.
            whitespace_back(text, ys, 1)
                .filter(|&p| word_back(text, p, 2).is_some_and(|w| w.eq_ignore_ascii_case("of")))
                .and_then(|p| whitespace_back(text, p - 2, 1))
                .and_then(day_form)
        });
        {
            if let Some(form) = form {
                // An impossible day date consumes its span and gives nothing.
                if let Some(date) = form.date(year) {
                    // A day range writes its month and year once: `14–17 May 2024` gives
                    // both ends, each over its own day.
                    let dash = form.last.and_then(|_| {
                        text[form.start..ye]
                            .char_indices()
                            .find(|&(_, c)| is_dash(c))
                            .map(|(at, c)| (form.start + at, c.len_utf8()))
                    });
                    let last = form.last.and_then(|day| day_date(year, form.month, day));
                    match (dash, last) {
                        (Some((at, width)), Some(last)) => {
                            self.push_with_first_end(date, form.start, at);
                            self.push(last, at + width..ye);
                        }
                        _ => self.push_with_first_end(date, form.start, ye),
                    }
                }
                return ye;
            }
        }
        if let Some((start, month)) = month_before_year(text, ys) {
            let date = Date {
                year,
                month: Some(month),
                day: None,
            };
            self.push_with_first_end(date, start, ye);
            return ye;
        }
        if in_a_name(text, ys, ye) || a_count(text, ys, ye) || class_of(text, ys) {
            return ye;
        }
        if let Some(from) = bare_context(text, ys, ye)
            .or_else(|| self.joined(ys))
            .or_else(|| subject_of_sentence(text, ys, ye))
            .or_else(|| made_or_happened(text, ys, ye))
        {
            self.push_from(from, year_date(year), ys..ye);
        }
        ye
    }

    /// Records the month or day date written at `start..ye`, and before it the first end of a
    /// range that wrote the year once (`March and April 2023`, `November 4th to November 15th
    /// 2013`): that end takes the same year.
    fn push_with_first_end(&mut self, date: Date, start: usize, ye: usize) {
        if accessed_before(self.text, start) {
            return;
        }
        if let Some((first, range)) = yearless_end_before(self.text, start, &date) {
            if range.start >= self.last_end && !self.url_within(range.start..ye) {
                self.push(first, range);
            }
        }
        self.push(date, start..ye);
    }

    /// Where `and`, `or` or `to` starts when, with one whitespace character on either side, it
    /// joins the year at `ys` to the match just before: `in 2019 and 2021`.
    fn joined(&self, ys: usize) -> Option<usize> {
        let text = self.text;
        let p = ys
            - prev_char(text, ys)
                .filter(|c| c.is_whitespace())?
                .len_utf8();
        let word = word_back(text, p, 3)?;
        if !JOINING_WORDS.iter().any(|w| w.eq_ignore_ascii_case(word)) {
            return None;
        }
        let start = p - word.len();
        let before = start
            - prev_char(text, start)
                .filter(|c| c.is_whitespace())?
                .len_utf8();
        (self.out.last()?.range.end == before).then_some(start)
    }

    /// Records a match unless it overlaps the previous one or a URL.
    fn push(&mut self, date: Date, range: Range<usize>) {
        self.push_from(range.start, date, range);
    }

    /// Records a match unless it overlaps the previous one, or a URL overlaps `from..range.end`
    /// (`from` is where the words that make it a date start, at or before the match).
    fn push_from(&mut self, from: usize, date: Date, range: Range<usize>) {
        if range.start < self.last_end || self.url_within(from.min(range.start)..range.end) {
            return;
        }
        self.last_end = range.end;
        self.out.push(DateMatch { date, range });
    }
}

/// A date written in numbers at `start`: a month and a day, in either order, and a year of
/// two or four digits, between slashes (`9/21/18`, `21/09/2018`, `11/30/2018`). `None` when
/// the text there does not have that shape (a fraction `1/2`, a path `a/1/2/2018`, a longer
/// run `1/2/3/4`), else the date and where the form ends. The order is known only when one
/// number cannot be a month (`9/21/18` is 21 September, `21/9/18` the same), or both are
/// the same: `02/07/2020` is 2 July in Nuremberg and February 7 in New York, and gives no
/// date (a wrong date is worse than none). A two-digit year is in this century up to 49,
/// else in the last (`18` is 2018, `98` 1998).
fn numeric_at(text: &str, start: usize) -> Option<(Option<Date>, usize)> {
    let bytes = text.as_bytes();
    let before = prev_char(text, start);
    if before.is_some_and(|c| c.is_alphanumeric() || matches!(c, '/' | '.' | '-' | '_' | ':')) {
        return None;
    }
    // Up to `limit` digits from `at`: their value and where they end.
    let digits = |at: usize, limit: usize| -> Option<(u32, usize)> {
        let n = bytes
            .get(at..)?
            .iter()
            .take(limit + 1)
            .take_while(|b| b.is_ascii_digit())
            .count();
        (1..=limit)
            .contains(&n)
            .then(|| Some((number(&bytes[at..at + n])?, at + n)))?
    };
    let (first, e1) = digits(start, 2)?;
    let (second, e2) = digits(e1 + 1, 2).filter(|_| bytes.get(e1) == Some(&b'/'))?;
    let (year, end) = digits(e2 + 1, 4).filter(|_| bytes.get(e2) == Some(&b'/'))?;
    let year = match end - e2 - 1 {
        2 if year < 50 => 2000 + year,
        2 => 1900 + year,
        4 => year,
        _ => return None,
    };
    // Not the start of a longer run (`1/2/2018/5`, `1/2/18.5`, `1/2/2018-19`).
    let after_ok = match next_char(text, end) {
        None => true,
        Some(c) if c.is_alphanumeric() || matches!(c, '/' | '_' | '%') => false,
        Some(c) if matches!(c, ',' | '.' | ':') || is_dash(c) => !digit_at(text, end + 1),
        Some(_) => true,
    };
    if !after_ok {
        return None;
    }
    let year = u16::try_from(year)
        .ok()
        .filter(|y| (MIN_YEAR..=MAX_YEAR).contains(y));
    let (Ok(first), Ok(second)) = (u8::try_from(first), u8::try_from(second)) else {
        return Some((None, end));
    };
    let (month, day) = match (first <= 12, second <= 12) {
        (true, false) => (first, second),
        (false, true) => (second, first),
        (true, true) if first == second => (first, second),
        _ => return Some((None, end)),
    };
    Some((year.and_then(|year| day_date(year, month, day)), end))
}

/// A year-precision date.
fn year_date(year: u16) -> Date {
    Date {
        year,
        month: None,
        day: None,
    }
}

/// The year written at `bytes[s..e]`, if it is in the accepted range.
fn year_value(bytes: &[u8], s: usize, e: usize) -> Option<u16> {
    let year = u16::try_from(number(bytes.get(s..e)?)?).ok()?;
    (MIN_YEAR..=MAX_YEAR).contains(&year).then_some(year)
}

/// The character before byte `i`, if `i` is a character boundary after the start.
fn prev_char(text: &str, i: usize) -> Option<char> {
    text.get(..i)?.chars().next_back()
}

/// The character at byte `i`, if `i` is a character boundary before the end.
fn next_char(text: &str, i: usize) -> Option<char> {
    text.get(i..)?.chars().next()
}

/// Whether `c` joins a range: hyphen, en dash or em dash.
fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—')
}

/// Whether the byte at `i` is an ASCII digit.
fn digit_at(text: &str, i: usize) -> bool {
    text.as_bytes().get(i).is_some_and(u8::is_ascii_digit)
}

/// Whether a date may end at byte `e`: not followed by a letter, digit, `_` or `%` (also after
/// one space: `20 %`), nor by a joining mark and a digit (`2,000`, `2021.5`, `2024-25`,
/// `2024/25`).
fn end_ok(text: &str, e: usize) -> bool {
    match next_char(text, e) {
        None => true,
        Some(c) if c.is_alphanumeric() || c == '_' || c == '%' => false,
        Some(c) if c.is_whitespace() => next_char(text, e + c.len_utf8()) != Some('%'),
        Some(c) if matches!(c, ',' | '.' | '/' | ':') || is_dash(c) => {
            !digit_at(text, e + c.len_utf8())
        }
        // `the mid-1970’s`, `the 1980's`: a decade, as `1970s` is.
        Some(c @ ('\'' | '’')) => !decade_apostrophe(text, e, c),
        Some(_) => true,
    }
}

/// Whether the year that ends at byte `e` of `text` in `0`, before the apostrophe `mark`, is
/// a decade written with `'s` after `the`, `mid-`, `early` or `late` (`the mid-1970’s`), not
/// a possessive (`2021’s budget`, `in 2020's first quarter`).
fn decade_apostrophe(text: &str, e: usize, mark: char) -> bool {
    let after = e + mark.len_utf8();
    // After `the`, `mid-`, `early` or `late` (`in 2020's first quarter` is the year's).
    let word = text
        .get(..e.saturating_sub(4))
        .unwrap_or_default()
        .split_whitespace()
        .next_back()
        .unwrap_or_default()
        .to_ascii_lowercase();
    matches!(word.as_str(), "the" | "mid-" | "early" | "late")
        && text.as_bytes().get(e.wrapping_sub(1)) == Some(&b'0')
        && matches!(next_char(text, after), Some('s'))
        && next_char(text, after + 1).is_none_or(|c| !c.is_alphanumeric())
}

/// An ISO date `YYYY-MM-DD` starting with the year at `ys..ye`: `None` when the text there does
/// not have that shape, else the date (`None` if impossible or badly delimited) and its end.
fn iso_at(text: &str, ys: usize, ye: usize, year: u16) -> Option<(Option<Date>, usize)> {
    let b = text.as_bytes();
    let dash = |k: usize| b.get(ye + k) == Some(&b'-');
    let digit = |k: usize| digit_at(text, ye + k);
    if !(dash(0) && digit(1) && digit(2) && dash(3) && digit(4) && digit(5) && !digit(6)) {
        return None;
    }
    let end = ye + 6;
    let starts_clean = iso_starts_clean(text, ys);
    let timestamp = next_char(text, end) == Some('T') && digit_at(text, end + 1);
    if !starts_clean || !(timestamp || end_ok(text, end)) {
        return Some((None, end));
    }
    let two = |k: usize| number(b.get(ye + k..ye + k + 2)?).and_then(|n| u8::try_from(n).ok());
    let date = match (two(1), two(4)) {
        (Some(m), Some(d)) => day_date(year, m, d),
        _ => None,
    };
    Some((date, end))
}

/// Whether an ISO date may start at `ys`: not inside a longer run of letters, digits, `_`
/// or `-`.
fn iso_starts_clean(text: &str, ys: usize) -> bool {
    prev_char(text, ys).is_none_or(|c| !(c.is_alphanumeric() || c == '_' || c == '-'))
}

/// An ISO date with its unknown parts written as placeholders, `2023-MM-DD` or `2023-03-DD`
/// (`XX` and `??` too): the date at the precision that is known, and where it ends.
fn partial_iso_at(text: &str, ys: usize, ye: usize, year: u16) -> Option<(Date, usize)> {
    let b = text.as_bytes();
    let pair = |k: usize| b.get(ye + k..ye + k + 2);
    let placeholder = |p: &[u8], letter: u8| {
        p.iter().all(|&c| c == b'?')
            || p.iter().all(|&c| c.eq_ignore_ascii_case(&letter))
            || p.iter().all(|&c| c.eq_ignore_ascii_case(&b'x'))
    };
    if b.get(ye) != Some(&b'-') || b.get(ye + 3) != Some(&b'-') {
        return None;
    }
    let (month, day) = (pair(1)?, pair(4)?);
    if !placeholder(day, b'd') {
        return None;
    }
    let end = ye + 6;
    let starts_clean = iso_starts_clean(text, ys);
    let ends_clean = next_char(text, end).is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
    if !(starts_clean && ends_clean) {
        return None;
    }
    if placeholder(month, b'm') {
        return Some((year_date(year), end));
    }
    let m = u8::try_from(number(month)?)
        .ok()
        .filter(|m| (1..=12).contains(m))?;
    Some((
        Date {
            year,
            month: Some(m),
            day: None,
        },
        end,
    ))
}

/// A second year in a range `YYYY–YYYY` or `YYYY–YY` right after the year ending at `ye`: its
/// start, end and value. It must be later than `first` and end cleanly; written with two
/// digits (a financial year or a season, `2022–23`), it is in the same century or the next
/// and at most [`MAX_SHORT_RANGE`] years on.
fn year_range_after(text: &str, ye: usize, first: u16) -> Option<(usize, usize, u16)> {
    let dash = next_char(text, ye).filter(|&c| is_dash(c))?;
    let s = ye + dash.len_utf8();
    let mut e = s;
    while digit_at(text, e) && e - s <= 4 {
        e += 1;
    }
    let second = match e - s {
        4 => year_value(text.as_bytes(), s, e)?,
        2 => {
            let yy = u16::try_from(number(&text.as_bytes()[s..e])?).ok()?;
            let same_century = first - first % 100 + yy;
            let second = match same_century > first {
                true => same_century,
                false => same_century + 100,
            };
            (second - first <= MAX_SHORT_RANGE).then_some(second)?
        }
        _ => return None,
    };
    (second > first && end_ok(text, e)).then_some((s, e, second))
}

/// A second year after the one at `ys..ye`, the two alone in parentheses and joined by a
/// spaced dash, `and`, `or` or `to` (`(2015 - 2020)`, `(2023 and 2024)`): its start, end and
/// value.
fn paired_in_parentheses(text: &str, ys: usize, ye: usize) -> Option<(usize, usize, u16)> {
    if prev_char(text, ys) != Some('(')
        || prev_char(text, ys - 1).is_some_and(char::is_alphanumeric)
    {
        return None;
    }
    let rest = &text[ye..];
    let joined = [" - ", " – ", " — ", " and ", " or ", " to "]
        .iter()
        .find_map(|j| rest.strip_prefix(j).map(|r| (j.len(), r)));
    let (gap, after) = joined?;
    let s = ye + gap;
    let digits = after.bytes().take_while(u8::is_ascii_digit).count();
    if digits != 4 || text.as_bytes().get(s + 4) != Some(&b')') {
        return None;
    }
    let second = year_value(text.as_bytes(), s, s + 4)?;
    let first = year_value(text.as_bytes(), ys, ye)?;
    (second > first && first >= 1600).then_some((s, s + 4, second))
}

/// Whether the number ending at `ye` is a count, by what follows it: a plus (`1900+ stars`),
/// or a range to a number no year reaches (`from 1900 to 4700`).
fn a_count(text: &str, ys: usize, ye: usize) -> bool {
    let rest = &text[ye..];
    if rest.starts_with('+') {
        return true;
    }
    // A range is one after `from` or `between` (not `in 2019 to 150000 a month`).
    let opener = whitespace_back(text, ys, 1)
        .and_then(|p| word_back(text, p, 7))
        .is_some_and(|w| w.eq_ignore_ascii_case("from") || w.eq_ignore_ascii_case("between"));
    if !opener {
        return false;
    }
    let Some(to) = rest
        .strip_prefix(" to ")
        .or_else(|| rest.strip_prefix(" and "))
        .or_else(|| rest.strip_prefix(['–', '-']))
    else {
        return false;
    };
    let digits = to.bytes().take_while(u8::is_ascii_digit).count();
    digits > 4 || (digits == 4 && number(&to.as_bytes()[..4]).is_some_and(|n| n > 2200))
}

/// The most years a range whose end is written with two digits spans (`2009–11`).
const MAX_SHORT_RANGE: u16 = 10;

/// Where the words start that make the year (or range) at `ys..ye` say when the thing it
/// qualifies was made or happened: a determiner, the year, and a word in lower case that is
/// not a unit (`the 1987 film`, `its 2022 paper`, `the 2001–2004 restoration`; not `a 2000
/// word essay`, nor a plural, which is more often a count: `the 1500 residents`).
fn made_or_happened(text: &str, ys: usize, ye: usize) -> Option<usize> {
    // Before 1600 a number so placed is more often a count (`the 1500 block`).
    if year_value(text.as_bytes(), ys, ys + 4).is_none_or(|y| y < 1600) {
        return None;
    }
    let gap = whitespace_back(text, ys, 1)?;
    let det = word_back(text, gap, 5)?;
    if !DETERMINERS.iter().any(|d| d.eq_ignore_ascii_case(det)) {
        return None;
    }
    let after = text[ye..].strip_prefix([' ', '\u{a0}'])?;
    let noun = after
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .next()?;
    // A word with capitals inside is a name (`the 2015 rOpenSci unconf`).
    let lower = noun.starts_with(|c: char| c.is_ascii_lowercase())
        && !noun.chars().any(|c| c.is_uppercase());
    let unit = UNITS.iter().any(|u| {
        noun.strip_suffix('s').unwrap_or(noun) == *u || noun.starts_with(&format!("{u}-"))
    }) || COUNTED.contains(&noun);
    (lower && !unit && !noun.ends_with('s')).then_some(gap - det.len())
}

/// Where the words start that make the year (or year range) at `ys..ye` read as a date on its
/// own: alone in parentheses, after `mid-`, after a context word and one whitespace character,
/// or after a possessive (`Gebru's 2020`, `OpenAI’s 2023`). `None` when nothing does.
fn bare_context(text: &str, ys: usize, ye: usize) -> Option<usize> {
    match prev_char(text, ys)? {
        // Not a function's argument (`RStudio::conf(2020)`).
        '(' => (next_char(text, ye) == Some(')')
            && prev_char(text, ys - 1).is_none_or(|c| !c.is_alphanumeric()))
        .then_some(ys - 1),
        '-' => {
            let word = word_back(text, ys - 1, 3).filter(|w| w.eq_ignore_ascii_case("mid"))?;
            Some(ys - 1 - word.len())
        }
        c if c.is_whitespace() => {
            let p = ys - c.len_utf8();
            if prev_char(text, p)?.is_whitespace() {
                return None;
            }
            // A quarter or half of the year: `Q3 2023`, `H1 2024`.
            let period = p
                .checked_sub(2)
                .filter(|&s| {
                    matches!(
                        text.as_bytes().get(s..p),
                        Some([b'Q', b'1'..=b'4'] | [b'H', b'1'..=b'2'])
                    )
                })
                .filter(|&s| prev_char(text, s).is_none_or(|c| !c.is_alphanumeric()));
            if period.is_some() {
                return period;
            }
            possessive_before(text, p).or_else(|| {
                let word = word_back(text, p, MAX_CONTEXT_LEN)?;
                let start = p - word.len();
                if CONTEXT_WORDS.iter().any(|w| w.eq_ignore_ascii_case(word)) {
                    return Some(start);
                }
                // `As recently as 2013`, `as early as 1998`, `as long ago as 1921`.
                if word.eq_ignore_ascii_case("as") {
                    let q = start
                        .checked_sub(1)
                        .filter(|&q| text.as_bytes()[q] == b' ')?;
                    let before = word_back(text, q, 8)?;
                    return ["recently", "early", "late", "ago"]
                        .iter()
                        .any(|w| w.eq_ignore_ascii_case(before))
                        .then_some(q - before.len());
                }
                if !word.eq_ignore_ascii_case("of") {
                    return None;
                }
                let q = start
                    - prev_char(text, start)
                        .filter(|c| c.is_whitespace())?
                        .len_utf8();
                let part = word_back(text, q, MAX_OF_WORD_LEN)?;
                if OF_CONTEXT_WORDS
                    .iter()
                    .any(|w| w.eq_ignore_ascii_case(part))
                {
                    return Some(q - part.len());
                }
                // `the floods of 1998,`, `the budget cuts of 2009 and 2010`: a thing of that
                // year, where punctuation, `and` or `or` follows the year;
                // not a count (`a total of 2000.`).
                // Only a thing that happens (`the floods of 1998`), not a count (`an army of
                // 2000,`) nor a name's (`the Securities Litigation Reform Act of 1995.`).
                let count = !HAPPENINGS.iter().any(|w| w.eq_ignore_ascii_case(part))
                    || year_value(text.as_bytes(), ys, ys + 4).is_none_or(|y| y < 1600);
                let rest = &text[ye..];
                let ends = rest.starts_with([',', '.', ';', ':', ')', '!', '?'])
                    || rest.starts_with(" and ")
                    || rest.starts_with(" or ");
                (ends && !count).then_some(start)
            })
        }
        _ => None,
    }
}

/// Where the possessive `'s` or `’s` (after a letter or digit) that ends at byte `p` starts,
/// or the mark of a plural's possessive (`the Tollkeepers’ 1994 album`).
fn possessive_before(text: &str, p: usize) -> Option<usize> {
    if let Some(mark) = prev_char(text, p).filter(|&q| matches!(q, '\'' | '’')) {
        let start = p - mark.len_utf8();
        let plural = prev_char(text, start).filter(|&c| c == 's')?;
        return prev_char(text, start - plural.len_utf8())?
            .is_alphabetic()
            .then_some(start);
    }
    if !matches!(prev_char(text, p)?, 's' | 'S') {
        return None;
    }
    let quote = prev_char(text, p - 1).filter(|&q| matches!(q, '\'' | '’'))?;
    let start = p - 1 - quote.len_utf8();
    prev_char(text, start)?.is_alphanumeric().then_some(start)
}

/// The word of one to `max` ASCII letters ending at byte `p`, if it starts the text or follows a
/// character that is not a letter or digit.
fn word_back(text: &str, p: usize, max: usize) -> Option<&str> {
    let b = text.as_bytes();
    let mut s = p;
    while s > 0 && b.get(s - 1).is_some_and(u8::is_ascii_alphabetic) {
        if p - s == max {
            return None;
        }
        s -= 1;
    }
    if s == p || prev_char(text, s).is_some_and(char::is_alphanumeric) {
        return None;
    }
    text.get(s..p)
}

/// The start of `min` to [`MAX_GAP`] whitespace characters ending at byte `p`, if there are
/// that many and no more.
fn whitespace_back(text: &str, p: usize, min: usize) -> Option<usize> {
    let mut s = p;
    let mut n = 0;
    while let Some(c) = prev_char(text, s).filter(|c| c.is_whitespace()) {
        if n == MAX_GAP {
            return None;
        }
        s -= c.len_utf8();
        n += 1;
    }
    (n >= min).then_some(s)
}

/// The start of the separator between a day form and its year ending at `p`: whitespace, a
/// comma, or a comma and whitespace.
fn separator_back(text: &str, p: usize) -> Option<usize> {
    let s = whitespace_back(text, p, 0)?;
    if prev_char(text, s) == Some(',') {
        Some(s - 1)
    } else {
        (s < p).then_some(s)
    }
}

/// A month word ending at byte `p`, with an optional abbreviating dot: its start and month.
/// The word must be capitalised or all capitals and must not follow a letter or digit.
fn month_back(text: &str, p: usize) -> Option<(usize, u8)> {
    let dotted = prev_char(text, p) == Some('.');
    let end = if dotted { p - 1 } else { p };
    let word = word_back(text, end, MAX_MONTH_LEN)?;
    let start = end - word.len();
    let rest = word.as_bytes().get(1..).unwrap_or_default();
    let cased = word.starts_with(|c: char| c.is_ascii_uppercase())
        && (rest.iter().all(u8::is_ascii_lowercase) || rest.iter().all(u8::is_ascii_uppercase));
    if !cased {
        return None;
    }
    let &(_, month, dot_ok) = MONTH_WORDS
        .iter()
        .find(|(w, _, _)| w.eq_ignore_ascii_case(word))?;
    (dot_ok || !dotted).then_some((start, month))
}

/// A run of one or two ASCII digits ending at byte `p` (not part of a longer run): its start
/// and value.
fn day_digits_back(text: &str, p: usize) -> Option<(usize, u8)> {
    let mut s = p;
    while s > 0 && digit_at(text, s - 1) {
        if p - s == 2 {
            return None;
        }
        s -= 1;
    }
    let value = number(text.as_bytes().get(s..p)?)?;
    Some((s, u8::try_from(value).ok()?))
}

/// `p` moved back over an ordinal suffix (`st`, `nd`, `rd`, `th`, any case) that follows a
/// digit; `p` itself when there is none.
fn suffix_back(text: &str, p: usize) -> usize {
    let Some(s) = p.checked_sub(2) else {
        return p;
    };
    let is_suffix = text.as_bytes().get(s..p).is_some_and(|w| {
        ["st", "nd", "rd", "th"]
            .iter()
            .any(|x| w.eq_ignore_ascii_case(x.as_bytes()))
    });
    if is_suffix && s > 0 && digit_at(text, s - 1) {
        s
    } else {
        p
    }
}

/// A day (`28`, `28th`) or day range (`14–17`) ending at byte `p`: its start, first day and
/// last day.
fn day_back(text: &str, p: usize) -> Option<(usize, u8, Option<u8>)> {
    let (s, day) = day_digits_back(text, suffix_back(text, p))?;
    if let Some(dash) = prev_char(text, s).filter(|&c| is_dash(c)) {
        if let Some((s0, first)) = day_digits_back(text, suffix_back(text, s - dash.len_utf8())) {
            return Some((s0, first, Some(day)));
        }
    }
    Some((s, day, None))
}

/// `Month D[, ]` ending at byte `p`.
fn month_day_back(text: &str, p: usize) -> Option<DayForm> {
    let (day_start, first, last) = day_back(text, p)?;
    let gap = whitespace_back(text, day_start, 1)?;
    let (start, month) = month_back(text, gap)?;
    Some(DayForm {
        start,
        month,
        first,
        last,
    })
}

/// `D Month[, ]` ending at byte `p`.
fn day_month_back(text: &str, p: usize) -> Option<DayForm> {
    let (month_start, month) = month_back(text, p)?;
    let gap = whitespace_back(text, month_start, 1)?;
    // `the 3rd of May 2016`.
    let of = word_back(text, gap, 2).is_some_and(|w| w.eq_ignore_ascii_case("of"));
    let gap = if of {
        whitespace_back(text, gap - 2, 1)?
    } else {
        gap
    };
    let (start, first, last) = day_back(text, gap)?;
    // Only an ordinal takes `of` (`the 3rd of May`, not `part 2 of May 2016`).
    if of && !prev_char(text, gap).is_some_and(char::is_alphabetic) {
        return None;
    }
    if prev_char(text, start).is_some_and(char::is_alphanumeric) {
        return None;
    }
    Some(DayForm {
        start,
        month,
        first,
        last,
    })
}

/// Whether the date starting at `start` is when a cited page was read (`Accessed October
/// 30, 2022`, `retrieved on 3 May 2021`): a citation's, not an event.
fn accessed_before(text: &str, start: usize) -> bool {
    let mut words = text[..start].split_whitespace().rev();
    let mut word = words.next().unwrap_or_default();
    if word.eq_ignore_ascii_case("on") {
        word = words.next().unwrap_or_default();
    }
    let word = word.trim_end_matches([':', ',']);
    ["accessed", "retrieved", "archived"]
        .iter()
        .any(|w| w.eq_ignore_ascii_case(word))
}

/// A month word that the year at `ys` follows, and where it starts: `March 2023`,
/// `Nov. 2023`, and `January of 2015`.
fn month_before_year(text: &str, ys: usize) -> Option<(usize, u8)> {
    let gap = whitespace_back(text, ys, 1)?;
    if let Some(found) = month_back(text, gap) {
        return Some(found);
    }
    // `January of 2015`: one whitespace character on either side of `of`.
    let of_end = (ys - gap == 1).then_some(gap)?;
    let of = word_back(text, of_end, 2).filter(|w| *w == "of")?;
    let before = whitespace_back(text, of_end - of.len(), 1)?;
    (of_end - of.len() - before == 1)
        .then(|| month_back(text, before))
        .flatten()
}

/// Words that join the first end of a range to the second: `March and April 2023`.
const RANGE_WORDS: [&str; 6] = ["and", "to", "or", "through", "until", "till"];

/// The first end of a range whose second end, `date` (a month or day date), starts at
/// `start` and carries the year for both: a month, or a day of a month, with no year of its
/// own, joined by `and`, `to`, `or`, `through`, `until`, `till` or a dash. Its date and range.
fn yearless_end_before(text: &str, start: usize, date: &Date) -> Option<(Date, Range<usize>)> {
    let gap = whitespace_back(text, start, 0)?;
    let (join_start, dash) = match prev_char(text, gap)? {
        c if is_dash(c) => (gap - c.len_utf8(), true),
        _ => {
            let word = word_back(text, gap, 7)?;
            if gap == start || !RANGE_WORDS.contains(&word) {
                return None;
            }
            (gap - word.len(), false)
        }
    };
    let end = whitespace_back(text, join_start, usize::from(!dash))?;
    // A day form (`November 4th`, `4 November`) or a month alone (`March`), not followed by
    // a year of its own: the whitespace, joining word and whitespace are all between them.
    let form = month_day_back(text, end).or_else(|| day_month_back(text, end));
    let (first, from) = match form {
        Some(form) => (day_date(date.year, form.month, form.first)?, form.start),
        None => {
            let (from, month) = month_back(text, end)?;
            let first = Date {
                year: date.year,
                month: Some(month),
                day: None,
            };
            (first, from)
        }
    };
    (first < *date).then_some((first, from..end))
}

/// Whether the year at `ys..ye` is part of a name: written between capitalised words
/// mid-sentence (`the Homebrew Summer 2024 Hackathon`, `at PromCon 2016 Berlin`), where a
/// date would be in lower case or open its sentence (`In 2016 Google …`).
fn in_a_name(text: &str, ys: usize, ye: usize) -> bool {
    let next = text[ye..].trim_start_matches([' ', '\u{a0}']);
    let capital_after = next.len() < text.len() - ye
        && next.starts_with(|c: char| c.is_uppercase())
        && next
            .split_whitespace()
            .next()
            .is_some_and(|w| w.chars().skip(1).any(char::is_lowercase));
    if !capital_after {
        return false;
    }
    let Some(gap) = whitespace_back(text, ys, 1) else {
        return false;
    };
    // `the Rural Reporting Fund's 2023 Climate Fellowship`: a name's possessive before.
    if let Some(owner) = possessive_before(text, gap) {
        return word_back(text, owner, 20)
            .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_uppercase()));
    }
    let Some(word) = word_back(text, gap, 20) else {
        return false;
    };
    let word_start = gap - word.len();
    let capitalised = word.starts_with(|c: char| c.is_ascii_uppercase());
    // The word before the year opens no sentence: another word stands before it, and no
    // sentence ends between them.
    let mid_sentence = text[..word_start]
        .trim_end()
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || c == ',');
    capitalised && mid_sentence
}

/// Whether the year at `ys` names a school's or a college's class (`Class of 2018`, `the
/// class of 2027`): the students who graduate then, not something that happened.
fn class_of(text: &str, ys: usize) -> bool {
    let before = text[..ys].trim_end_matches([' ', '\u{a0}']);
    before
        .len()
        .checked_sub("class of".len())
        .and_then(|at| before.get(at..))
        .is_some_and(|w| w.eq_ignore_ascii_case("class of"))
}

/// Verbs whose subject a year can be: `2016 was a good year`, `2015 has also been`.
const YEAR_SUBJECT_VERBS: [&str; 12] = [
    "was", "is", "has", "saw", "brought", "marked", "became", "began", "ended", "proved",
    "remains", "will",
];

/// Where the year at `ys..ye` starts when it is the subject of its sentence or clause: it
/// opens the text, a sentence or a clause after a comma, and a verb it can be the subject of
/// follows (`2016 was a good year`, `On a lighter note, 2015 has also been`).
fn subject_of_sentence(text: &str, ys: usize, ye: usize) -> Option<usize> {
    let before = text[..ys].trim_end();
    let opens = before
        .chars()
        .next_back()
        .is_none_or(|c| matches!(c, '.' | '!' | '?' | ':' | ';' | ',' | '(' | '"' | '“'));
    if !opens {
        return None;
    }
    let mut words = text[ye..].split_whitespace();
    let after = text[ye..].chars().next()?;
    if !after.is_whitespace() {
        return None;
    }
    let mut verb = words.next()?;
    // One adverb may stand between: `2016 also saw`, `2015 quickly became`.
    if verb == "also" || (verb.len() > 3 && verb.ends_with("ly")) {
        verb = words.next()?;
    }
    YEAR_SUBJECT_VERBS.contains(&verb).then_some(ys)
}

/// Whether a whitespace-free run of text is a URL.
fn is_url(run: &str) -> bool {
    let t = run.trim_start_matches(|c: char| !c.is_alphanumeric());
    let starts = |prefix: &str| {
        t.as_bytes()
            .get(..prefix.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(prefix.as_bytes()))
    };
    starts("http://")
        || starts("https://")
        || starts("www.")
        || run.as_bytes().windows(3).any(|w| w == b"://")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_next_digit_is_found_across_and_after_64_byte_blocks() {
        for len in 0..300 {
            for digit in [
                None,
                Some(0),
                Some(7),
                Some(16),
                Some(17),
                Some(80),
                Some(150),
                Some(299),
            ] {
                let mut text = vec![b'x'; len];
                if let Some(d) = digit.filter(|&d| d < len) {
                    text[d] = b'5';
                }
                // Bytes just around the digits in value are not digits.
                text.iter_mut()
                    .step_by(13)
                    .filter(|b| **b == b'x')
                    .for_each(|b| *b = b'/');
                text.iter_mut()
                    .step_by(11)
                    .filter(|b| **b == b'x')
                    .for_each(|b| *b = b':');
                for from in [0, 1, 9, 16, 40, 100].into_iter().filter(|&f| f <= len) {
                    let want = text[from..]
                        .iter()
                        .position(u8::is_ascii_digit)
                        .map(|p| p + from);
                    assert_eq!(next_digit(&text, from), want, "{len} {digit:?} {from}");
                }
            }
        }
    }

    #[test]
    fn the_next_digit_is_found_wherever_it_is() {
        let bytes: Vec<u8> = (0..=255u8).chain(b"x9/0:".iter().copied()).collect();
        for from in 0..bytes.len() {
            for end in from..bytes.len().min(from + 40) {
                let text = &bytes[..end];
                let want = text[from..]
                    .iter()
                    .position(u8::is_ascii_digit)
                    .map(|p| p + from);
                assert_eq!(next_digit(text, from), want, "{from}..{end}");
            }
        }
    }

    /// ISO strings of the dates found.
    fn isos(text: &str) -> Vec<String> {
        find_dates(text).iter().map(|m| m.date.iso()).collect()
    }

    #[test]
    fn a_decade_written_with_an_apostrophe_is_no_date() {
        assert!(isos("in the mid-1970’s, the houses were sold").is_empty());
        assert!(isos("in the 1980's it reopened").is_empty());
        // A year's possessive is the year.
        assert_eq!(isos("since 2021’s budget"), ["2021"]);
        assert_eq!(isos("cut in 2020's first quarter"), ["2020"]);
    }

    /// ISO strings and matched text of the dates found.
    fn spans(text: &str) -> Vec<(String, &str)> {
        find_dates(text)
            .into_iter()
            .map(|m| (m.date.iso(), &text[m.range]))
            .collect()
    }

    use crate::document::dates::MONTH_NAMES;
    use crate::document::dates::tests::{day, month, year};

    #[test]
    fn dates_in_numbers_whose_order_is_plain() {
        assert_eq!(
            spans("the sprint (9/21/18) and the deep dive (2/27/19)"),
            [
                ("2018-09-21".to_string(), "9/21/18"),
                ("2019-02-27".to_string(), "2/27/19")
            ]
        );
        assert_eq!(isos("signed on 21/09/2018."), ["2018-09-21"]);
        assert_eq!(isos("on 30/11/1998, and again"), ["1998-11-30"]);
        assert_eq!(isos("(5/5/2020)"), ["2020-05-05"]);
        // Day and month could be either way round: no date, and no year from it either.
        assert!(isos("NUREMBERG, Germany (02/07/2020) – The team").is_empty());
        assert!(isos("published 11/2/2018").is_empty());
        // Not dates: fractions, paths, longer runs, impossible days, numbers after letters.
        for text in [
            "half (1/2) of them",
            "see docs/1/2/2018 for it",
            "1/2/2018/5",
            "scored 12/13/14/15",
            "31/02/2020",
            "v1/12/24",
            "page 13/12/123",
            "1.13/12/2020",
            "https://example.org/post/9/21/18",
        ] {
            assert!(isos(text).is_empty(), "{text}: {:?}", isos(text));
        }
    }
    #[test]
    fn month_day_year_forms() {
        for text in [
            "May 28, 2024",
            "May 28 2024",
            "May 28th, 2024",
            "May 28th 2024",
            "May 28TH, 2024",
            "May 28,2024",
            "May  28,  2024",
        ] {
            assert_eq!(isos(text), ["2024-05-28"], "{text}");
            assert_eq!(find_dates(text)[0].range, 0..text.len(), "{text}");
        }
        assert_eq!(isos("May 1st, 2024"), ["2024-05-01"]);
        assert_eq!(isos("June 2nd 2024"), ["2024-06-02"]);
        assert_eq!(isos("July 3rd, 2024"), ["2024-07-03"]);
        assert_eq!(isos("May 05, 2024"), ["2024-05-05"]);
        let text = "On May 28, 2024, the board met.";
        assert_eq!(
            find_dates(text),
            [DateMatch {
                date: day(2024, 5, 28),
                range: 3..15
            }]
        );
    }

    #[test]
    fn day_month_year_forms() {
        for text in [
            "28 May 2024",
            "28th May 2024",
            "28 May, 2024",
            "28 MAY 2024",
        ] {
            assert_eq!(isos(text), ["2024-05-28"], "{text}");
            assert_eq!(find_dates(text)[0].range, 0..text.len(), "{text}");
        }
        let text = "Signed on 4 Sept. 2019 in Paris";
        assert_eq!(
            find_dates(text),
            [DateMatch {
                date: day(2019, 9, 4),
                range: 10..22
            }]
        );
    }

    #[test]
    fn iso_form() {
        let text = "Posted 2024-05-28.";
        assert_eq!(
            find_dates(text),
            [DateMatch {
                date: day(2024, 5, 28),
                range: 7..17
            }]
        );
        assert_eq!(isos("2024-05-28"), ["2024-05-28"]);
        assert_eq!(isos("(2024-05-28)"), ["2024-05-28"]);
        assert_eq!(isos("at 2024-05-28T10:00:00Z"), ["2024-05-28"]);
        for text in [
            "12024-05-28",
            "2024-05-281",
            "2024-05-28-01",
            "1-2024-05-28",
            "x2024-05-28",
            "2024-5-28",
            "2024-05-8",
            "2024-005-28",
            "2024-05-28x",
            "2024-05-28.5",
            "2024-05",
            "0999-05-28",
        ] {
            assert!(isos(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn abbreviations_and_full_names() {
        assert_eq!(isos("Sept. 4, 2019"), ["2019-09-04"]);
        assert_eq!(isos("Sep 4, 2019"), ["2019-09-04"]);
        assert_eq!(isos("Sep. 4, 2019"), ["2019-09-04"]);
        assert_eq!(isos("Jan 5, 2020"), ["2020-01-05"]);
        assert_eq!(isos("Nov. 2023"), ["2023-11"]);
        for (i, name) in MONTH_NAMES.iter().enumerate() {
            let expected = format!("2021-{:02}-01", i + 1);
            assert_eq!(
                isos(&format!("{name} 1, 2021")),
                std::slice::from_ref(&expected),
                "{name}"
            );
            assert_eq!(isos(&format!("1 {name} 2021")), [expected], "{name}");
            let abbreviation = &name[..3];
            assert_eq!(
                isos(&format!("{abbreviation} 2021")),
                [format!("2021-{:02}", i + 1)]
            );
            if *name != "May" {
                assert_eq!(
                    isos(&format!("{abbreviation}. 2021")),
                    [format!("2021-{:02}", i + 1)]
                );
            }
        }
        // Only abbreviations take a dot: here the sentence's subject is the year alone.
        assert_eq!(isos("in May. 2024 was busy"), ["2024"]);
        assert!(isos("June. 2024").is_empty());
    }

    #[test]
    fn month_capitalisation() {
        assert!(isos("we may 2024").is_empty());
        assert!(isos("may 28, 2024").is_empty());
        assert!(isos("mAY 2024").is_empty());
        assert!(isos("MaY 2024").is_empty());
        assert_eq!(isos("MAY 28, 2024"), ["2024-05-28"]);
        assert_eq!(isos("NOV. 2023"), ["2023-11"]);
    }

    #[test]
    fn month_precision() {
        for text in ["November 2023", "Nov 2023", "Nov. 2023", "NOVEMBER 2023"] {
            assert_eq!(
                find_dates(text),
                [DateMatch {
                    date: month(2023, 11),
                    range: 0..text.len()
                }],
                "{text}"
            );
        }
        assert_eq!(
            spans("In November 2023, chaos."),
            [("2023-11".into(), "November 2023")]
        );
        // A comma does not join a month and a year.
        assert!(isos("May, 2024").is_empty());
    }

    #[test]
    fn as_recently_as_a_year_and_counts_that_are_not_years() {
        assert_eq!(isos("As recently as 2013, the web"), ["2013"]);
        assert_eq!(isos("as early as 1998 they knew"), ["1998"]);
        assert_eq!(isos("as long ago as 1921."), ["1921"]);
        assert!(isos("such as 2000 people").is_empty());
        assert!(isos("stars doubled from 1900+ to 4700+").is_empty());
        assert!(isos("downloads rose from 1900 to 4700 in a month").is_empty());
        assert_eq!(isos("from 1990 to 2010 in steps"), ["1990", "2010"]);
        // Two years alone in parentheses; an ordinal day with `of`.
        assert_eq!(isos("six years (2015 - 2020) ran"), ["2015", "2020"]);
        assert_eq!(isos("two grants (2023 and 2024) helped"), ["2023", "2024"]);
        assert_eq!(isos("On April 21st of 2016 we met"), ["2016-04-21"]);
        assert_eq!(isos("the 6th of December 2015"), ["2015-12-06"]);
        assert_eq!(isos("part 2 of May 2016"), ["2016-05"]);
        // A name with capitals inside, a function's argument.
        assert!(isos("the 2015 rOpenSci unconf").is_empty());
        assert!(isos("see RStudio::conf(2020) for it").is_empty());
    }

    #[test]
    fn bare_year_after_context_words() {
        for word in CONTEXT_WORDS {
            let text = format!("{word} 2021");
            assert_eq!(spans(&text), [("2021".into(), "2021")], "{text}");
            let capital = format!("{}{} 2021", word[..1].to_uppercase(), &word[1..]);
            assert_eq!(isos(&capital), ["2021"], "{capital}");
        }
        assert_eq!(isos("It happened in 2021."), ["2021"]);
        assert_eq!(isos("by mid-2023 the"), ["2023"]);
        assert_eq!(isos("Mid-2023"), ["2023"]);
        assert_eq!(isos("IN 1999"), ["1999"]);
        assert_eq!(isos("in 1000 and in 2199"), ["1000", "2199"]);
        let text = "Revenue grew in 2021.";
        assert_eq!(
            find_dates(text),
            [DateMatch {
                date: year(2021),
                range: 16..20
            }]
        );
    }

    #[test]
    fn bare_year_after_a_part_of_a_year_and_of() {
        assert_eq!(spans("by the end of 2023,"), [("2023".into(), "2023")]);
        for text in [
            "the summer of 2021",
            "The Beginning of 2021",
            "in the first half of 2021",
            "as of 2021",
            "the middle of\n2021",
        ] {
            assert_eq!(isos(text), ["2021"], "{text}");
        }
        // A thing of that year: `the floods of 1998,`; not a count or a name's.
        assert_eq!(isos("after the floods of 1998, the town"), ["1998"]);
        assert_eq!(isos("the cuts of 2009 and 2010."), ["2009", "2010"]);
        assert!(isos("a total of 2000.").is_empty());
        assert!(isos("the Reform Act of 1995.").is_empty());
        for text in [
            "a total of 2000 people",
            "of 2021",
            "the end  of 2021",
            "the end of  2021",
            "weekend of 2021",
            "the end of 2021%",
        ] {
            assert!(isos(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_year_joined_to_a_date_before_it() {
        assert_eq!(isos("between 2019 and 2021"), ["2019", "2021"]);
        assert_eq!(isos("from 2019 to 2021"), ["2019", "2021"]);
        assert_eq!(isos("in 2019 or 2020"), ["2019", "2020"]);
        assert_eq!(isos("in 2019 and 2020 and 2021"), ["2019", "2020", "2021"]);
        assert_eq!(isos("from May 2019 to 2021"), ["2019-05", "2021"]);
        // Only the words themselves join: not a comma, not a closing bracket.
        assert_eq!(isos("in 2018, 2019 and 2020"), ["2018"]);
        assert_eq!(isos("(2018) and 2019"), ["2018"]);
        // `the 2019 and 2021 reports`: reports of those years (see `made_or_happened`).
        assert_eq!(isos("the 2019 and 2021 reports"), ["2019", "2021"]);
        for text in [
            "2019 and 2021",
            "in 2019, and 2021",
            "in 2019  and 2021",
            "in 2019 andor 2021",
            "in 20% and 2021",
        ] {
            assert!(isos(text).iter().all(|d| d != "2021"), "{text}");
        }
    }

    #[test]
    fn bare_year_in_parentheses_and_after_possessives() {
        assert_eq!(spans("Smith (2021) argues"), [("2021".into(), "2021")]);
        assert_eq!(isos("Gebru's 2020 departure"), ["2020"]);
        assert_eq!(isos("OpenAI’s 2023 charter"), ["2023"]);
        let text = "OpenAI’s 2023 charter";
        assert_eq!(find_dates(text)[0].range, 11..15);
        assert!(isos("( 2021)").is_empty());
        assert!(isos("(2021 )").is_empty());
        assert!(isos("(2021, 2022)").is_empty());
        assert!(isos("’s 2020").is_empty());
        assert!(isos("years 2020").is_empty());
    }

    #[test]
    fn numbers_that_are_not_dates() {
        for text in [
            "20%",
            "in four years",
            "2000 employees",
            "1791498174659715494",
            "since 1791498174659715494",
            "100,000",
            "page 2021",
            "in 2020%",
            "in 2020 %",
            "in 20215",
            "in 2021.5",
            "in 2021,5",
            "in 2021/22",
            "in 2020s",
            "in 2020x",
            "within 2024",
            "begin 2024",
            "in  2024",
            "in\n\n2024",
            "in 0999",
            "in 2200",
            "in 9999",
            "mid 2,000",
            "amid-2023",
            "in -2023",
            "$2024",
            "2024",
            "",
        ] {
            assert!(find_dates(text).is_empty(), "{text:?}: {:?}", isos(text));
        }
        // One whitespace character of any kind separates a context word from its year.
        assert_eq!(isos("in\n2024"), ["2024"]);
        assert_eq!(isos("in\u{a0}2024"), ["2024"]);
        // Punctuation after a year is fine when no digit follows.
        assert_eq!(
            isos("in 2024, then in 2025. Since 2026: done"),
            ["2024", "2025", "2026"]
        );
    }

    /// The URLs of `text` as whitespace-free runs, all found at once: the reference that
    /// `Scan::run_at` and `Scan::url_within`, which look runs up one at a time, must agree with.
    fn all_url_spans(text: &str) -> Vec<Range<usize>> {
        let mut spans = Vec::new();
        let mut start = None;
        for (i, c) in text
            .char_indices()
            .chain(std::iter::once((text.len(), ' ')))
        {
            if c.is_whitespace() {
                if let Some(s) = start.take() {
                    if is_url(&text[s..i]) {
                        spans.push(s..i);
                    }
                }
            } else if start.is_none() {
                start = Some(i);
            }
        }
        spans
    }

    proptest::proptest! {
        #[test]
        fn urls_looked_up_one_run_at_a_time_are_the_urls_of_the_whole_text(
            pieces in proptest::collection::vec(proptest::sample::select(&[
                "https://x.com/2024", "www.a.org", "WWW.B.ORG/5", "ftp://h/1", "(http://y)",
                "2024", "May", "5,", "-", "/", ".", ":", " ", "  ", "\n", "\u{a0}", "\u{2003}",
                "Über", "x://", "wwwx",
            ][..]), 0..12)
        ) {
            let text = pieces.concat();
            let urls = all_url_spans(&text);
            let bounds: Vec<usize> =
                (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
            let scan = || Scan { text: &text, out: Vec::new(), last_end: 0, run: None };
            for &start in &bounds {
                for &end in bounds.iter().filter(|&&e| e > start) {
                    let expected = urls.iter().any(|u| u.start < end && start < u.end);
                    let found = scan().url_within(start..end);
                    proptest::prop_assert_eq!(found, expected, "{:?} {}..{}", text, start, end);
                }
                let starts_run = text[start..].chars().next().is_some_and(|c| !c.is_whitespace());
                if starts_run {
                    let (run, url) = scan().run_at(start);
                    proptest::prop_assert!(run.contains(&start));
                    proptest::prop_assert_eq!(url, urls.iter().any(|u| u.contains(&start)));
                }
            }
        }
    }

    #[test]
    fn urls_hold_no_dates() {
        for text in [
            "https://www.cnn.com/2024/05/17/tech/openai",
            "see https://www.cnn.com/2024/05/17/tech/openai for more",
            "http://example.com/in 2024",
            "www.example.com/2024-05-28",
            "(www.example.com/2024-05-28)",
            "<HTTPS://example.com/(2021)>",
            "ftp://host/2024-05-28",
            "see:https://x.com/May",
            "https://x.com/May 5, 2024",
        ] {
            assert!(find_dates(text).is_empty(), "{text}: {:?}", isos(text));
        }
        assert_eq!(
            spans("May 5, 2024 https://x.com/2024-05-28 and 2024-06-01"),
            [
                ("2024-05-05".into(), "May 5, 2024"),
                ("2024-06-01".into(), "2024-06-01")
            ]
        );
        assert_eq!(isos("wwwx 2024-05-28"), ["2024-05-28"]);
    }

    #[test]
    fn impossible_dates_yield_nothing() {
        for text in [
            "February 30, 2024",
            "30 February 2024",
            "2024-02-30",
            "2023-13-01",
            "2023-00-10",
            "2023-01-00",
            "April 31, 2024",
            "February 29, 2023",
            "Feb 29, 1900",
            "May 0, 2024",
            "May 32, 2024",
            "May 99th 2024",
        ] {
            assert!(find_dates(text).is_empty(), "{text}: {:?}", isos(text));
        }
        // The impossible span is consumed whole, not degraded; later dates are still found.
        assert_eq!(isos("February 30, 2024 and in 2025"), ["2025"]);
    }

    #[test]
    fn leap_years() {
        assert_eq!(isos("February 29, 2024"), ["2024-02-29"]);
        assert_eq!(isos("29 Feb 2000"), ["2000-02-29"]);
        assert_eq!(isos("2024-02-29"), ["2024-02-29"]);
        assert!(isos("2100-02-29").is_empty());
        assert!(isos("2023-02-29").is_empty());
        assert_eq!(Date::parse_iso("2000-02-29"), Some(day(2000, 2, 29)));
        assert_eq!(Date::parse_iso("1900-02-29"), None);
    }

    #[test]
    fn precise_forms_win_and_matches_do_not_overlap() {
        assert_eq!(find_dates("in May 28, 2024").len(), 1);
        assert_eq!(isos("In May 2024 and in 2025"), ["2024-05", "2025"]);
        assert_eq!(isos("in 28 May 2024"), ["2024-05-28"]);
        assert_eq!(isos("(May 2024)"), ["2024-05"]);
        assert_eq!(isos("in 1998 May 2024"), ["1998", "2024-05"]);
        let found = find_dates("May 5, 2024; 6 June 2024; 2024-07-07; July 2024; in 2024");
        let texts: Vec<_> = found.iter().map(|m| m.date.iso()).collect();
        assert_eq!(
            texts,
            ["2024-05-05", "2024-06-06", "2024-07-07", "2024-07", "2024"]
        );
        assert!(found.windows(2).all(|w| w[0].range.end <= w[1].range.start));
    }

    #[test]
    fn word_boundaries() {
        assert!(isos("Mayday 2024").is_empty());
        assert!(isos("May 2024x").is_empty());
        assert!(isos("ÜMay 2024").is_empty());
        assert!(isos("xMay 5, 2024").is_empty());
        assert!(isos("May 5, 2024x").is_empty());
        assert!(isos("Maya 2024").is_empty());
        assert_eq!(isos("—May 2024"), ["2024-05"]);
        assert_eq!(isos("(Nov. 2023)"), ["2023-11"]);
    }

    #[test]
    fn day_ranges_give_both_ends() {
        assert_eq!(
            spans("May 14–17, 2024"),
            [
                ("2024-05-14".into(), "May 14"),
                ("2024-05-17".into(), "17, 2024")
            ]
        );
        assert_eq!(
            spans("on 14-17 May 2024."),
            [
                ("2024-05-14".into(), "14"),
                ("2024-05-17".into(), "17 May 2024")
            ]
        );
        assert_eq!(isos("May 14th—17th, 2024"), ["2024-05-14", "2024-05-17"]);
        assert!(isos("May 17–14, 2024").is_empty());
        assert!(isos("Feb 28–30, 2024").is_empty());
        assert!(isos("May 14–14, 2024").is_empty());
    }

    #[test]
    fn a_year_that_says_when_a_thing_was_made_or_happened() {
        assert_eq!(isos("the opening scene of the 1987 film"), ["1987"]);
        assert_eq!(isos("referred the Department to its 2022 paper"), ["2022"]);
        assert_eq!(isos("published in a 1974 community cookbook"), ["1974"]);
        assert_eq!(isos("the cover of The Tollkeepers’ 1994 album"), ["1994"]);
        assert_eq!(
            isos("replaced during the 2001–2004 restoration"),
            ["2001", "2004"]
        );
        for text in [
            "a 2000 word essay",
            "a 2000-word essay",
            "the 1500 residents who signed",
            "the 1500 metre final",
            "a 2048 bit key",
            "the 2024 Act",
            "the 2020. Then",
            "wrote the 2020",
            "some 2020 ideas",
        ] {
            assert!(isos(text).is_empty(), "{text}: {:?}", isos(text));
        }
    }

    #[test]
    fn year_ranges() {
        assert_eq!(
            spans("from 2019–2021 on"),
            [("2019".into(), "2019"), ("2021".into(), "2021")]
        );
        assert_eq!(isos("(2019-2021)"), ["2019", "2021"]);
        assert_eq!(isos("Gebru's 2019—2021 work"), ["2019", "2021"]);
        assert!(isos("2019–2021").is_empty());
        assert_eq!(isos("the 2019–2021 period"), ["2019", "2021"]);
        assert!(isos("in 2021–2019").is_empty());
        assert!(isos("in 2019–2021x").is_empty());
        // A financial year or a season writes its end with two digits.
        assert_eq!(isos("in 2019–20"), ["2019", "2020"]);
        assert_eq!(isos("in 2024-25 we plan to"), ["2024", "2025"]);
        assert_eq!(isos("the winter of 2021–22"), ["2021", "2022"]);
        assert_eq!(isos("the 1999–00 season"), ["1999", "2000"]);
        assert!(isos("in 2019–05 and").is_empty(), "an end before the start");
        assert!(isos("in 2019–18").is_empty());
        assert!(isos("in 2001–15").is_empty(), "more than ten years");
        assert!(isos("in 2019–20215").is_empty());
        assert!(isos("(2019–2021").is_empty());
    }

    #[test]
    fn weekday_prefix() {
        let text = "Tuesday, May 14, 2024";
        assert_eq!(spans(text), [("2024-05-14".into(), "May 14, 2024")]);
        assert_eq!(find_dates(text)[0].range, 9..21);
    }

    #[test]
    fn multibyte_text_around_dates() {
        let text = "Über “May 5, 2024” — done";
        assert_eq!(
            find_dates(text),
            [DateMatch {
                date: day(2024, 5, 5),
                range: 9..20
            }]
        );
        assert_eq!(isos("日本 in 2024 年"), ["2024"]);
        assert_eq!(isos("…2024-05-28…"), ["2024-05-28"]);
        assert_eq!(isos("5\u{a0}May\u{a0}2024"), ["2024-05-05"]);
        // Every prefix and suffix on a character boundary is safe and gives boundary ranges.
        let text = "Ünïcödé “May 5, 2024” — in 2023’s 2021 (2020) 日本 2024-01-02 €";
        for (i, _) in text.char_indices() {
            for part in [&text[..i], &text[i..]] {
                for m in find_dates(part) {
                    assert!(part.get(m.range.clone()).is_some(), "{part:?}");
                }
            }
        }
    }

    #[test]
    fn never_panics_on_generated_text() {
        const PIECES: [&str; 32] = [
            "May", "Sept", ".", " ", "  ", ",", "5", "14", "2024", "2023", "-", "–", "—", "th",
            "in", "mid", "(", ")", "’", "'", "s", "Ü", "日", "https://", "www.", "%", "0", "\n",
            "T", "Feb", "29", "a",
        ];
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..20_000 {
            let len = next() % 16;
            let text: String = (0..len)
                .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
                .collect();
            let found = find_dates(&text);
            for m in &found {
                assert!(text.get(m.range.clone()).is_some(), "{text:?}");
                assert!(!m.range.is_empty(), "{text:?}");
            }
            assert!(
                found.windows(2).all(|w| w[0].range.end <= w[1].range.start),
                "{text:?}"
            );
            let _ = heading_date(&text);
            let _ = Date::parse_iso(&text);
        }
    }

    #[test]
    fn heading_dates() {
        assert_eq!(heading_date("2021"), Some(year(2021)));
        assert_eq!(heading_date("(2021)"), Some(year(2021)));
        assert_eq!(heading_date("### May 14, 2024"), Some(day(2024, 5, 14)));
        assert_eq!(heading_date("May 14, 2024"), Some(day(2024, 5, 14)));
        assert_eq!(heading_date("  “May 14, 2024.”  "), Some(day(2024, 5, 14)));
        assert_eq!(heading_date("### November 2023"), Some(month(2023, 11)));
        assert_eq!(heading_date("Nov. 2023"), Some(month(2023, 11)));
        assert_eq!(
            heading_date("### Tuesday, May 14, 2024"),
            Some(day(2024, 5, 14))
        );
        assert_eq!(heading_date("Tue. 14 May 2024"), Some(day(2024, 5, 14)));
        assert_eq!(heading_date("2024-05-14"), Some(day(2024, 5, 14)));
        assert_eq!(heading_date("May 14–17, 2024"), Some(day(2024, 5, 14)));
        assert_eq!(heading_date("The Board Crisis (November 2023)"), None);
        assert_eq!(heading_date("In 2021"), None);
        assert_eq!(heading_date("2021 in review"), None);
        assert_eq!(heading_date("May 2024 and June 2024"), None);
        assert_eq!(heading_date("February 30, 2024"), None);
        assert_eq!(heading_date("2019–2021"), None);
        assert_eq!(heading_date("2021%"), None);
        assert_eq!(heading_date("0999"), None);
        assert_eq!(heading_date("Tuesday"), None);
        assert_eq!(heading_date("Tuesday 2021"), None);
        assert_eq!(heading_date(""), None);
        assert_eq!(heading_date("###"), None);
        assert_eq!(heading_date("Über"), None);
    }

    #[test]
    fn long_input_is_linear() {
        let chunk = "On May 28, 2024, Über “staff” of 2000 employees (2021) left; see \
                     https://www.cnn.com/2024/05/17/tech/openai and 2024-05-28. 100,000 said 20% \
                     in mid-2023. ";
        let per_chunk = find_dates(chunk).len();
        assert_eq!(per_chunk, 4);
        let repeats = 1_000_000 / chunk.len() + 1;
        let text = chunk.repeat(repeats);
        assert!(text.len() >= 1_000_000);
        assert_eq!(find_dates(&text).len(), per_chunk * repeats);
        // Degenerate inputs: one huge digit run, one huge URL, many years, many month words.
        assert!(find_dates(&"7".repeat(1_000_000)).is_empty());
        assert!(find_dates(&format!("https://{}", "2024-05-28/".repeat(100_000))).is_empty());
        assert!(find_dates(&"2024-".repeat(200_000)).is_empty());
        assert!(find_dates(&"May ".repeat(250_000)).is_empty());
        assert_eq!(find_dates(&"in 2024 ".repeat(125_000)).len(), 125_000);
        assert!(find_dates(&"Ü".repeat(500_000)).is_empty());
    }

    #[test]
    fn a_range_that_writes_its_year_once_gives_both_ends() {
        assert_eq!(
            spans("In March and April 2023, the PSF received subpoenas."),
            [
                ("2023-03".into(), "March"),
                ("2023-04".into(), "April 2023")
            ]
        );
        assert_eq!(
            spans("Between November 4th and November 15th 2013 the team met."),
            [
                ("2013-11-04".into(), "November 4th"),
                ("2013-11-15".into(), "November 15th 2013")
            ]
        );
        assert_eq!(isos("from May to July 2021"), ["2021-05", "2021-07"]);
        assert_eq!(isos("October–December 2022"), ["2022-10", "2022-12"]);
        // Each end with a year of its own, or a first end that is not before the second.
        assert_eq!(
            isos("between March 2022 and April 2023"),
            ["2022-03", "2023-04"]
        );
        assert_eq!(isos("in May and March 2023"), ["2023-03"]);
        // A month word that is a verb or a name in lower case is no end.
        assert_eq!(isos("we may and June 2023"), ["2023-06"]);
    }

    #[test]
    fn a_month_of_a_year_is_that_month() {
        assert_eq!(
            spans("a year ago, in January of 2015."),
            [("2015-01".into(), "January of 2015")]
        );
        assert_eq!(isos("the summer of 2021"), ["2021"]);
        assert_eq!(isos("a total of 2015 files"), Vec::<String>::new());
    }

    #[test]
    fn a_year_that_is_its_sentence_s_subject_is_a_date() {
        assert_eq!(isos("2016 was a good year."), ["2016"]);
        assert_eq!(
            isos("On a lighter note, 2015 has also been the year."),
            ["2015"]
        );
        assert_eq!(isos("It grew. 2019 also saw the first release."), ["2019"]);
        // A count, not a year: no verb a year can be the subject of, or not opening a clause.
        assert!(isos("In all, 2000 were affected.").is_empty());
        assert!(isos("We saw 2016 was the count.").is_empty());
    }

    #[test]
    fn a_year_inside_a_name_is_no_date() {
        assert!(isos("The Homebrew Summer 2024 Hackathon brought people together.").is_empty());
        assert!(isos("We met at PromCon 2016 in Berlin.").is_empty());
        // A date that opens its sentence, or comes before a lower-case word, stays one.
        assert_eq!(isos("In 2016 Google joined."), ["2016"]);
        assert_eq!(isos("The Summer 2024 release shipped."), ["2024"]);
        assert_eq!(isos("Since the summer 2024 Hackathon"), ["2024"]);
    }

    #[test]
    fn a_partly_known_iso_date_is_a_date_at_what_is_known() {
        assert_eq!(
            spans("- 2023-MM-DD: access"),
            [("2023".into(), "2023-MM-DD")]
        );
        assert_eq!(isos("on 2023-03-DD and 2024-XX-XX"), ["2023-03", "2024"]);
        assert!(isos("2023-MM-DDx and 2023-13-DD").is_empty());
    }

    #[test]
    fn quarters_parts_and_fiscal_years_are_dates() {
        assert_eq!(isos("after a migration in Q3 2023."), ["2023"]);
        assert_eq!(isos("We spent most of 2018 fixing it."), ["2018"]);
        assert_eq!(isos("accretive in fiscal 2026"), ["2026"]);
        assert!(isos("model AQ3 2023").is_empty());
    }

    #[test]
    fn access_dates_and_names_with_a_possessive_are_no_events() {
        assert!(isos("Accessed October 30, 2022.").is_empty());
        assert!(isos("retrieved on 3 May 2021").is_empty());
        assert!(isos("the Rural Reporting Fund's 2023 Climate Fellowship").is_empty());
        assert_eq!(isos("Gebru's 2020 departure"), ["2020"]);
    }
}
