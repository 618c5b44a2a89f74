//! Timeline entries: dated headings, dated list items and dated sentences.

use super::dates::{self, DateMatch};
use super::line_index::LineCounter;
use super::outline::{Outline, ScanAhead};
use super::{Block, BlockKind, Origin, TimelineEntry, sentences};

/// How long an entry's title may be, in characters, before it is cut at a word.
pub const TITLE_CHARS: usize = 120;

/// Every dated event in the outline of `file`, sorted by date then line, one per (date, line).
pub fn build(outline: &Outline, file: &str) -> Vec<TimelineEntry> {
    build_counting(outline, outline.lines(file))
}

/// [`build`], the lines of the outline's file counted by `lines`.
pub fn build_counting(outline: &Outline, mut lines: LineCounter) -> Vec<TimelineEntry> {
    let mut entries = Vec::new();
    for (i, section) in outline.sections.iter().enumerate() {
        let title = outline.title_of(i);
        if let Some(date) = dates::heading_date(title) {
            let title = first_text(outline, i)
                .map(|b| first_sentence(outline.text_of(b)))
                .filter(|t| !t.is_empty())
                .unwrap_or_else(|| title.to_string());
            entries.push(entry(date, title, Some(i), section.line, Origin::Heading));
            continue;
        }
        for found in dates::find_dates(title) {
            let title = sentences::shorten(title, TITLE_CHARS);
            entries.push(entry(
                found.date,
                title,
                Some(i),
                section.line,
                Origin::Heading,
            ));
        }
    }
    // Every date has digits: blocks without one are passed over in one scan of the text.
    let mut digits = ScanAhead::new(dates::next_digit);
    for unit in &outline.units {
        let block = &outline.blocks[unit.block()];
        if matches!(block.kind, BlockKind::Heading { .. })
            || !digits.holds(&outline.text, block.text_range())
        {
            continue;
        }
        let text = outline.text_of(block);
        let mut not_prose: Option<Vec<std::ops::Range<usize>>> = None;
        for DateMatch { date, range } in dates::find_dates(text) {
            let in_code = not_prose
                .get_or_insert_with(|| outline.not_prose(block))
                .iter()
                .any(|r| r.start < range.end && range.start < r.end);
            if in_code {
                continue;
            }
            let title = match block.kind {
                BlockKind::Item { .. } => sentences::shorten(text, TITLE_CHARS),
                _ => sentences::shorten(&text[sentences::around(text, range.start)], TITLE_CHARS),
            };
            let line = outline.line_of(&mut lines, unit, range.start);
            entries.push(entry(date, title, block.section(), line, Origin::Text));
        }
    }
    in_order(entries)
}

/// The timeline of a document walked in parts, from each part's own timeline (see
/// [`outline::walk_in_parts`](super::outline::walk_in_parts)) with the number of sections
/// before that part: the entries [`build`] finds in the whole, in its order.
pub fn joined(parts: Vec<(usize, Vec<TimelineEntry>)>) -> Vec<TimelineEntry> {
    let entries: Vec<TimelineEntry> = parts
        .into_iter()
        .flat_map(|(sections_before, entries)| {
            entries.into_iter().map(move |mut e| {
                e.section = e.section.map(|s| s + sections_before);
                e
            })
        })
        .collect();
    // A text's date counted onto the line of the next part's heading (as a tab widened in
    // the text can make it) gives way to the heading's, as in `build`.
    in_order(entries)
}

/// `entries` by date then line, one per date and line: a heading's entry before a text's
/// with the same date and line, which is dropped.
fn in_order(mut entries: Vec<TimelineEntry>) -> Vec<TimelineEntry> {
    entries.sort_by_key(|e| (e.date, e.line, e.origin != Origin::Heading));
    entries.dedup_by(|b, a| a.date == b.date && a.line == b.line);
    entries
}

fn entry(
    date: dates::Date,
    title: String,
    section: Option<usize>,
    line: usize,
    origin: Origin,
) -> TimelineEntry {
    TimelineEntry {
        date,
        precision: date.precision(),
        title,
        section,
        line,
        origin,
    }
}

/// The first block of running text in section `section`'s own content (before any
/// subsection), if it has one: the block of the unit after its heading's, when that is in
/// the section and not a heading.
fn first_text(outline: &Outline, section: usize) -> Option<&Block> {
    let heading = *outline.heading_units.get(section)? as usize;
    let next = &outline.blocks[outline.units.get(heading + 1)?.block()];
    (next.section() == Some(section) && !matches!(next.kind, BlockKind::Heading { .. }))
        .then_some(next)
}

fn first_sentence(text: &str) -> String {
    sentences::shorten(&text[sentences::around(text, 0)], TITLE_CHARS)
}
