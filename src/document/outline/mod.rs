//! One pass over pulldown-cmark's events: the heading tree with each section's text, the
//! reader's blocks, and the prose units that the timeline and quote finders read.
//!
//! Offsets from pulldown-cmark are kept so every block knows the line it starts on; the
//! parser never re-scans the text for line numbers.
//!
//! Block texts are written one after another into one buffer, each section's blocks joined by
//! line breaks, so that a block's text and its section's text are ranges of the same buffer
//! and nothing is copied twice. A block holds only its range (and the range of its marks in
//! one shared list): no reference count to touch per block, nothing to free per block.

mod beside;
mod parts;
mod walk;

use std::ops::Range;

use pulldown_cmark::Options;

use super::line_index::LineCounter;
use super::{Block, BlockKind, Inline, Mark, Section, narrow, wide};

pub use parts::{FilePart, MAX_PART_BYTES, may_define, part_end, walk_in_parts, walk_read_parts};
pub use walk::{Parsing, walk, walk_with};

/// The Markdown extensions dossier reads. The bare-parser benchmark uses the same set.
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES
}

/// A block of running text (paragraph, list item, heading, table, block quote paragraph) as the
/// timeline and quote finders see it: the reader block plus where its text came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// Index into [`Outline::blocks`] (see [`Unit::block`]).
    pub block: u32,
    /// Where its block starts in the file: a date's or a quote's line is counted from there
    /// (see [`Outline::line_of`]).
    pub start: u32,
    /// Its `(offset in block text, offset in source)` pairs, a range of [`Outline::maps`]:
    /// one at the start of each text fragment.
    pub map: Range<u32>,
    /// The outermost block quote this unit sits in (its index in [`Outline::quote_blocks`]),
    /// [`Unit::NO_QUOTE`] for none (see [`Unit::quote`]): a unit is 20 bytes, and a big
    /// document has millions.
    pub quote: u32,
}

impl Unit {
    /// [`Unit::quote`] of a unit in no block quote.
    pub const NO_QUOTE: u32 = u32::MAX;

    /// Index of its block in [`Outline::blocks`].
    pub fn block(&self) -> usize {
        self.block as usize
    }

    /// The outermost block quote it sits in, its index in [`Outline::quote_blocks`].
    pub fn quote(&self) -> Option<usize> {
        (self.quote != Self::NO_QUOTE).then_some(self.quote as usize)
    }
}

/// Adds `items` to the end of `list`: where they are in it now.
fn append<T>(list: &mut Vec<T>, items: impl IntoIterator<Item = T>) -> Range<u32> {
    let start = list.len();
    list.extend(items);
    narrow(start)..narrow(list.len())
}

/// A nesting depth as a block keeps it: saturated at `u16::MAX`, far beyond what the reader
/// draws (8).
fn depth(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

/// An outermost block quote: where it starts and which blocks it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteBlock {
    /// 1-based line of its first `>`.
    pub line: usize,
    /// The section it sits in.
    pub section: Option<usize>,
    /// Its blocks, a range of [`Outline::blocks`].
    pub blocks: Range<usize>,
    /// Its units, a range of [`Outline::units`].
    pub units: Range<usize>,
    /// Who the site names as its speaker, when the quote is a site-generator tag's
    /// (see [`Outline::add_tag_quotes`]); `None` for a `>` block quote.
    pub speaker: Option<String>,
}

/// What one pass over the body yields.
#[derive(Debug, Default, PartialEq)]
pub struct Outline {
    /// Every block's text, one after another: [`Block::text`], [`Outline::section_texts`]
    /// and [`Outline::preamble`] are ranges of it.
    pub text: String,
    /// Where the text before the first heading is in [`Outline::text`].
    pub preamble: Range<usize>,
    /// Every heading, its [`Section::text`] still empty: see [`Outline::section_texts`].
    pub sections: Vec<Section>,
    /// Where each section's own text is in [`Outline::text`], section by section.
    pub section_texts: Vec<Range<usize>>,
    /// Every section's title, one after another: a buffer of their own, so that the finders
    /// read the titles from a few contiguous kilobytes rather than one cache line per
    /// heading across the whole text, and so that a slimmed library document keeps them
    /// without the text.
    pub title_text: String,
    /// Where each section's title is in [`Outline::title_text`] (read it with
    /// [`Outline::title_of`]): the document makes [`Section::title`] of it.
    pub titles: Vec<Range<usize>>,
    /// Each section's heading as a unit: its index in [`Outline::units`]. The unit after it
    /// is the section's first text, when it is in the section and not a heading.
    pub heading_units: Vec<u32>,
    pub blocks: Vec<Block>,
    /// Every block's marks, one after another (see [`Block::marks`]).
    pub marks: Vec<Mark>,
    pub units: Vec<Unit>,
    pub quote_blocks: Vec<QuoteBlock>,
    pub links: Vec<String>,
    /// The blocks' labels (see [`Document::labels`](super::Document::labels)).
    pub labels: Vec<Box<str>>,
    /// Every table, in the order of the table blocks (see
    /// [`Document::tables`](super::Document::tables)).
    pub tables: Vec<super::Table>,
    /// Every unit's text-to-source map, one after another (see [`Unit::map`]): flat, so a
    /// unit costs no allocation of its own. Offsets are `u32` (files dossier opens are at
    /// most 256 MiB): half the memory.
    pub maps: Vec<(u32, u32)>,
    /// The soft and hard line breaks of the units that have any, in order: `(block, offset
    /// in its text)` (see [`Outline::breaks`]). Few units have one: they are kept here rather
    /// than as a range in every unit.
    pub breaks: Vec<(u32, u32)>,
    /// Whether the file holds a CR (see [`Outline::lines`]).
    pub file_has_cr: bool,
}

impl Outline {
    /// A line counter for `file`, the file this outline was walked from (it knows whether the
    /// file holds a CR, so the file is not searched again).
    pub fn lines<'t>(&self, file: &'t str) -> LineCounter<'t> {
        LineCounter::with_cr(file, self.file_has_cr)
    }

    /// Section `section`'s title.
    pub fn title_of(&self, section: usize) -> &str {
        let range = self.titles.get(section).cloned().unwrap_or_default();
        self.title_text.get(range).unwrap_or_default()
    }

    /// `block`'s plain text.
    pub fn text_of(&self, block: &Block) -> &str {
        block.text_in(&self.text)
    }

    /// `block`'s styled ranges, each a range of its text.
    pub fn marks_of(&self, block: &Block) -> &[Mark] {
        block.marks_in(&self.marks)
    }

    /// The source byte offset of `pos` in `unit`'s block text (approximate inside a fragment
    /// whose text differs from its source, such as an escaped character).
    pub fn source_offset(&self, unit: &Unit, pos: usize) -> usize {
        let map = self.maps.get(wide(&unit.map)).unwrap_or_default();
        let i = map.partition_point(|&(t, _)| t as usize <= pos);
        match i.checked_sub(1).and_then(|i| map.get(i)) {
            Some(&(t, s)) => s as usize + (pos - t as usize),
            None => map.first().map_or(0, |&(_, s)| s as usize),
        }
    }

    /// The file's line of `pos` in `unit`'s block text, counted by `lines` from the block's
    /// start (or from the last line it counted, when that is nearer).
    pub fn line_of(&self, lines: &mut LineCounter, unit: &Unit, pos: usize) -> usize {
        let from = self.blocks.get(unit.block()).map_or(1, Block::line);
        lines.line_from(unit.start as usize, from, self.source_offset(unit, pos))
    }

    /// Makes the blocks between each tag pair of `quotes` (site-generator block quotes, see
    /// [`shortcodes`](super::shortcodes)) one outermost block quote with the tag's speaker,
    /// as the site renders them; blocks already in a block quote stay in theirs.
    pub fn add_tag_quotes(&mut self, file: &str, quotes: &[super::shortcodes::TagQuote]) {
        if quotes.is_empty() {
            return;
        }
        let mut lines = self.lines(file);
        let mut added = Vec::new();
        for tag in quotes {
            let (first, last) = (lines.line(tag.inner.start), lines.line(tag.inner.end));
            let blocks = self.blocks.partition_point(|b| b.line() < first)
                ..self.blocks.partition_point(|b| b.line() <= last);
            if blocks.is_empty()
                || self.blocks[blocks.clone()]
                    .iter()
                    .any(|b| b.quote_depth > 0)
                || self.blocks[blocks.clone()]
                    .iter()
                    .any(|b| matches!(b.kind, BlockKind::Heading { .. }))
            {
                continue;
            }
            for b in &mut self.blocks[blocks.clone()] {
                b.quote_depth = 1;
            }
            let units = self
                .units
                .partition_point(|u| (u.block as usize) < blocks.start)
                ..self
                    .units
                    .partition_point(|u| (u.block as usize) < blocks.end);
            added.push(QuoteBlock {
                line: self.blocks[blocks.start].line(),
                section: self.blocks[blocks.start].section(),
                blocks,
                units,
                speaker: tag.speaker.clone(),
            });
        }
        if added.is_empty() {
            return;
        }
        self.quote_blocks.extend(added);
        self.quote_blocks.sort_by_key(|q| q.blocks.start);
        for (k, q) in self.quote_blocks.iter().enumerate() {
            for u in &mut self.units[q.units.clone()] {
                u.quote = narrow(k);
            }
        }
    }

    /// The ranges of `block`'s text that are not its prose, in order of start: code spans,
    /// image alt text and site-generator tags. No date or quote is found in them.
    pub fn not_prose(&self, block: &Block) -> Vec<Range<usize>> {
        let mut ranges: Vec<Range<usize>> = self
            .marks_of(block)
            .iter()
            .filter(|m| matches!(m.style, Inline::Code | Inline::Image(_) | Inline::Html))
            .map(|m| m.range.clone())
            .collect();
        ranges.extend(super::shortcodes::inline_tags(self.text_of(block)));
        ranges.sort_by_key(|r| r.start);
        ranges
    }

    /// Offsets of `unit`'s line breaks in its block text.
    pub fn breaks(&self, unit: &Unit) -> impl DoubleEndedIterator<Item = usize> + '_ {
        let from = self.breaks.partition_point(|&(b, _)| b < unit.block);
        let to = from + self.breaks[from..].partition_point(|&(b, _)| b == unit.block);
        self.breaks[from..to].iter().map(|&(_, at)| at as usize)
    }
}

/// Answers "does this block's text hold a hit?" for blocks asked about in order, with one
/// pass over the outline's whole text rather than a search per block: a long search over
/// megabytes is far faster than tens of thousands of short ones.
pub struct ScanAhead<F> {
    /// The next hit at or after the last range asked about.
    next: usize,
    find: F,
}

impl<F: FnMut(&[u8], usize) -> Option<usize>> ScanAhead<F> {
    /// `find(bytes, from)` gives the first hit at or after `from`.
    pub fn new(find: F) -> Self {
        ScanAhead { next: 0, find }
    }

    /// Whether `range` of `text` holds a hit; ranges must be asked about in order.
    pub fn holds(&mut self, text: &str, range: Range<usize>) -> bool {
        if self.next < range.start {
            self.next = (self.find)(text.as_bytes(), range.start).unwrap_or(usize::MAX);
        }
        self.next < range.end
    }
}
