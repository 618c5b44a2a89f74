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

use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};

use super::line_index::LineCounter;
use super::sanitize::{self, sanitize};
use super::{Block, BlockKind, Inline, Mark, Section, narrow, wide};

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
    /// Offsets in the block text of its soft and hard line breaks, a range of
    /// [`Outline::breaks`].
    pub breaks: Range<u32>,
    /// The outermost block quote this unit sits in (its index in [`Outline::quote_blocks`]).
    pub quote: Option<u32>,
}

impl Unit {
    /// Index of its block in [`Outline::blocks`].
    pub fn block(&self) -> usize {
        self.block as usize
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
#[derive(Debug, Default)]
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
    /// Every unit's text-to-source map, one after another (see [`Unit::map`]): flat, so a
    /// unit costs no allocation of its own. Offsets are `u32` (files dossier opens are at
    /// most 256 MiB): half the memory.
    pub maps: Vec<(u32, u32)>,
    /// Every unit's line breaks, one after another (see [`Unit::breaks`]).
    pub breaks: Vec<usize>,
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
                u.quote = Some(narrow(k));
            }
        }
    }

    /// The ranges of `block`'s text that are not its prose, in order of start: code spans,
    /// image alt text and site-generator tags. No date or quote is found in them.
    pub fn not_prose(&self, block: &Block) -> Vec<Range<usize>> {
        let mut ranges: Vec<Range<usize>> = self
            .marks_of(block)
            .iter()
            .filter(|m| matches!(m.style, Inline::Code | Inline::Image(_)))
            .map(|m| m.range.clone())
            .collect();
        ranges.extend(super::shortcodes::inline_tags(self.text_of(block)));
        ranges.sort_by_key(|r| r.start);
        ranges
    }

    /// Offsets of `unit`'s line breaks in its block text.
    pub fn breaks(&self, unit: &Unit) -> &[usize] {
        self.breaks.get(wide(&unit.breaks)).unwrap_or_default()
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

/// The block being built. Its text is written straight into the outline's text, after the
/// blocks before it (from `base`), so that it is never copied from a buffer of its own.
struct Builder {
    kind: BlockKind,
    start: usize,
    /// Every block's text so far (see [`Outline::text`]); this block's is from `base` on.
    buf: String,
    base: usize,
    /// Whether a line break was put before this block's text, to separate it from the block
    /// before: taken back if the block stays empty.
    sep: bool,
    marks: Vec<Mark>,
    open: Vec<(Inline, usize)>,
    map: Vec<(usize, usize)>,
    breaks: Vec<usize>,
    prose: bool,
}

impl Builder {
    fn new() -> Self {
        Builder {
            kind: BlockKind::Rule,
            start: 0,
            buf: String::new(),
            base: 0,
            sep: false,
            marks: Vec::new(),
            open: Vec::new(),
            map: Vec::new(),
            breaks: Vec::new(),
            prose: false,
        }
    }

    /// Empties the builder for a new block, keeping its buffers' capacity.
    fn reset(&mut self, kind: BlockKind, start: usize, prose: bool) {
        self.kind = kind;
        self.start = start;
        self.prose = prose;
        // Every block is on its own line: a line break before it unless it is the first.
        self.sep = !self.buf.is_empty();
        if self.sep {
            self.buf.push('\n');
        }
        self.base = self.buf.len();
        self.marks.clear();
        self.open.clear();
        self.map.clear();
        self.breaks.clear();
    }

    /// Closes the innermost open inline style, marking the text since it opened (if any);
    /// false when none is open.
    fn close_inline(&mut self) -> bool {
        let Some((style, from)) = self.open.pop() else {
            return false;
        };
        let to = self.len();
        if to > from {
            self.marks.push(Mark {
                range: from..to,
                style,
            });
        }
        true
    }

    /// Adds `text`, found at `source`; `safe` when it is known to need no sanitizing.
    fn push(&mut self, text: &str, source: usize, safe: bool) {
        self.map.push((self.len(), source));
        if safe {
            self.buf.push_str(text);
        } else {
            self.buf.push_str(&sanitize(text));
        }
    }

    /// The length of the block's text so far.
    fn len(&self) -> usize {
        self.buf.len() - self.base
    }

    /// The block's text so far.
    fn text(&self) -> &str {
        self.buf.get(self.base..).unwrap_or_default()
    }
}

struct Walker<'a> {
    /// The line of each block start, counted on from the last.
    lines: LineCounter<'a>,
    out: Outline,
    /// The block being built, when `building`: one builder, emptied for each block and never
    /// moved, so its buffers grow once and are reused.
    current: Builder,
    building: bool,
    /// Where the current section's (or the preamble's) text starts and ends in `text`, once
    /// it has any.
    section_text: Option<Range<usize>>,
    heading_stack: Vec<(u8, usize)>,
    lists: Vec<Option<u64>>,
    quote_depth: u32,
    open_quote: Option<(usize, usize, usize)>,
    table: Option<Table>,
    /// Where the body is in memory, when it holds nothing [`sanitize()`] would replace: a
    /// text event that is a slice of it (most are) is then safe as it is. Events that are
    /// not (decoded character references such as `&#27;`) are sanitized.
    safe_body: Option<Range<usize>>,
}

struct Table {
    start: usize,
    rows: Vec<Vec<String>>,
    header_rows: usize,
    map: Vec<(usize, usize)>,
}

/// Walks the body of `file` (from byte `offset` on): sections, blocks and prose units. Line
/// numbers are the file's, so they count the front matter too.
///
/// `leading`, when given, is a block of text to show before the body as a code block in
/// `language` (front matter that could not be read, kept as text): it opens the preamble.
pub fn walk(file: &str, offset: usize, leading: Option<(&str, &str)>) -> Outline {
    walk_with(file, offset, leading, Parsing::OnThisThread)
}

/// Where [`walk_with`] runs pulldown-cmark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Parsing {
    /// Each event is walked as the parser gives it.
    OnThisThread,
    /// The parser runs on a second thread and hands its events over in batches, so that
    /// parsing and walking go on at the same time (for a big document: starting the thread
    /// costs tens of microseconds).
    OnASecondThread,
}

/// [`walk`], with pulldown-cmark run as `parsing` says. The outline is the same either way.
pub fn walk_with(
    file: &str,
    offset: usize,
    leading: Option<(&str, &str)>,
    parsing: Parsing,
) -> Outline {
    let body = file.get(offset..).unwrap_or_default();
    let body_unsafe = sanitize::has_unsafe(body);
    // A CR is one of the characters `has_unsafe` looks for: a body with none of them has no
    // CR, and only the front matter before it is left to search.
    let has_cr = |text: &str| memchr::memchr(b'\r', text.as_bytes()).is_some();
    let file_has_cr = if body_unsafe {
        has_cr(file)
    } else {
        has_cr(file.get(..offset).unwrap_or_default())
    };
    let mut walker = Walker {
        lines: LineCounter::with_cr(file, file_has_cr),
        out: Outline::default(),
        current: Builder {
            // Sanitizing rarely grows the text; the markup it drops leaves room to spare.
            buf: String::with_capacity(body.len() + leading.map_or(0, |(t, _)| t.len()) + 64),
            ..Builder::new()
        },
        building: false,
        section_text: None,
        heading_stack: Vec::new(),
        lists: Vec::new(),
        quote_depth: 0,
        open_quote: None,
        table: None,
        safe_body: (!body_unsafe)
            .then(|| body.as_ptr() as usize..body.as_ptr() as usize + body.len()),
    };
    // Room for a block per 32 bytes (a line of prose is longer), so the big vectors are never
    // copied as they grow: room never written to costs no memory (its pages are never
    // touched), a copy costs twice.
    let estimate = body.len() / 32 + 16;
    walker.out.blocks.reserve(estimate);
    walker.out.units.reserve(estimate);
    walker.out.maps.reserve(2 * estimate);
    // Headings are rarer than blocks (about one in four in the seed).
    walker.out.sections.reserve(estimate / 4);
    walker.out.section_texts.reserve(estimate / 4);
    walker.out.titles.reserve(estimate / 4);
    walker.out.heading_units.reserve(estimate / 4);
    if let Some((text, language)) = leading {
        walker.open(
            BlockKind::Code {
                language: language.into(),
            },
            0,
            false,
        );
        walker.current.buf.push_str(text);
        walker.flush();
    }
    let events = || Parser::new_ext(body, options()).into_offset_iter();
    match parsing {
        Parsing::OnThisThread => {
            for (event, range) in events() {
                walker.event(event, range.start + offset);
            }
        }
        Parsing::OnASecondThread => {
            parse_beside(events, |event, at| walker.event(event, at + offset));
        }
    }
    walker.finish()
}

/// One event and where it starts, as pulldown-cmark gives them.
type Batch<'a> = Vec<(Event<'a>, Range<usize>)>;

/// How many events go over from the parser's thread at a time: few enough that the batches
/// in flight stay in cache, enough that handing one over costs next to nothing per event.
const BATCH: usize = 2048;

/// Calls `each(event, start)` on this thread for every event of the parser `events` makes,
/// in order, while the parser runs on a second thread, a batch ahead. Batches go back to the
/// parser's thread to be filled again. If no thread can be started, the parser runs here.
fn parse_beside<'a, I>(events: impl Fn() -> I, mut each: impl FnMut(Event<'a>, usize))
where
    I: Iterator<Item = (Event<'a>, Range<usize>)> + Send,
{
    std::thread::scope(|scope| {
        let (full_tx, full_rx) = std::sync::mpsc::sync_channel::<Batch<'a>>(8);
        let (empty_tx, empty_rx) = std::sync::mpsc::channel::<Batch<'a>>();
        let parser = events();
        let started = std::thread::Builder::new()
            .name("dossier-parse".into())
            .spawn_scoped(scope, move || {
                let mut batch = Vec::with_capacity(BATCH);
                for event in parser {
                    batch.push(event);
                    if batch.len() == BATCH {
                        let next = empty_rx
                            .try_recv()
                            .unwrap_or_else(|_| Vec::with_capacity(BATCH));
                        if full_tx.send(std::mem::replace(&mut batch, next)).is_err() {
                            return;
                        }
                    }
                }
                let _ = full_tx.send(batch);
            });
        let Ok(parsing) = started else {
            for (event, range) in events() {
                each(event, range.start);
            }
            return;
        };
        for mut batch in full_rx {
            for (event, range) in batch.drain(..) {
                each(event, range.start);
            }
            // The parser may have finished: then no one takes it back.
            let _ = empty_tx.send(batch);
        }
        // A panic in the parser goes on from here, as it would have on one thread.
        if let Err(panic) = parsing.join() {
            std::panic::resume_unwind(panic);
        }
    });
}

impl Walker<'_> {
    /// True when `text` is a slice of a body that needs no sanitizing.
    fn is_safe(&self, text: &str) -> bool {
        let at = text.as_ptr() as usize;
        self.safe_body
            .as_ref()
            .is_some_and(|body| body.start <= at && at + text.len() <= body.end)
    }

    fn section(&self) -> Option<usize> {
        self.out.sections.len().checked_sub(1)
    }

    fn open(&mut self, kind: BlockKind, start: usize, prose: bool) {
        self.flush();
        self.current.reset(kind, start, prose);
        self.building = true;
    }

    /// The block text is going somewhere: make sure a block is open for it.
    fn builder(&mut self, start: usize) -> &mut Builder {
        if !self.building {
            self.current.reset(BlockKind::Paragraph, start, true);
            self.building = true;
        }
        &mut self.current
    }

    /// The block being built, if any.
    fn building(&self) -> Option<&Builder> {
        self.building.then_some(&self.current)
    }

    fn event(&mut self, event: Event<'_>, at: usize) {
        if let Some(table) = self.table.as_mut() {
            match event {
                Event::Start(Tag::TableHead) | Event::Start(Tag::TableRow) => {
                    table.rows.push(Vec::new())
                }
                Event::End(TagEnd::TableHead) => table.header_rows = table.rows.len(),
                Event::Start(Tag::TableCell) => {
                    if let Some(row) = table.rows.last_mut() {
                        row.push(String::new());
                    }
                }
                Event::Text(t) | Event::Code(t) | Event::InlineHtml(t) | Event::Html(t) => {
                    if let Some(cell) = table.rows.last_mut().and_then(|r| r.last_mut()) {
                        if cell.is_empty() {
                            table.map.push((usize::MAX, at));
                        }
                        cell.push_str(&sanitize(&t));
                    }
                }
                Event::SoftBreak | Event::HardBreak => {
                    if let Some(cell) = table.rows.last_mut().and_then(|r| r.last_mut()) {
                        cell.push(' ');
                    }
                }
                Event::End(TagEnd::Table) => self.finish_table(),
                _ => {}
            }
            return;
        }
        match event {
            Event::Start(tag) => self.start(tag, at),
            Event::End(tag) => self.end(tag),
            Event::Text(t) => {
                let safe = self.is_safe(&t);
                let b = self.builder(at);
                b.push(&t, at, safe);
            }
            Event::Code(t) => {
                let safe = self.is_safe(&t);
                let b = self.builder(at);
                let from = b.len();
                b.push(&t, at, safe);
                let to = b.len();
                b.marks.push(Mark {
                    range: from..to,
                    style: Inline::Code,
                });
            }
            Event::InlineHtml(t) | Event::Html(t) => {
                if !self.building {
                    self.open(BlockKind::Html, at, false);
                }
                let safe = self.is_safe(&t);
                let b = self.builder(at);
                b.push(&t, at, safe);
            }
            Event::InlineMath(t) | Event::DisplayMath(t) => {
                let safe = self.is_safe(&t);
                let b = self.builder(at);
                b.push(&t, at, safe);
            }
            Event::FootnoteReference(label) => {
                let b = self.builder(at);
                b.push(&format!("[^{label}]"), at, false);
            }
            Event::SoftBreak => {
                let b = self.builder(at);
                b.breaks.push(b.len());
                b.buf.push(' ');
            }
            Event::HardBreak => {
                let b = self.builder(at);
                b.breaks.push(b.len());
                b.buf.push('\n');
            }
            Event::Rule => {
                self.open(BlockKind::Rule, at, false);
                self.flush();
            }
            Event::TaskListMarker(done) => {
                if let (true, BlockKind::Item { marker }) = (self.building, &mut self.current.kind)
                {
                    marker.to_mut().push_str(if done { " [x]" } else { " [ ]" });
                }
            }
        }
    }

    fn start(&mut self, tag: Tag<'_>, at: usize) {
        match tag {
            Tag::Heading { level, .. } => {
                self.open(BlockKind::Heading { level: level as u8 }, at, true)
            }
            Tag::Paragraph => {
                let merge = matches!(
                    self.building(),
                    Some(b) if matches!(b.kind, BlockKind::Item { .. }) && b.len() == 0
                );
                if !merge {
                    self.open(BlockKind::Paragraph, at, true);
                }
            }
            Tag::Item => {
                let marker = match self.lists.last_mut() {
                    Some(Some(n)) => {
                        let m = format!("{n}.");
                        *n += 1;
                        m.into()
                    }
                    _ => "•".into(),
                };
                self.open(BlockKind::Item { marker }, at, true);
            }
            Tag::List(first) => {
                self.flush();
                self.lists.push(first);
            }
            Tag::BlockQuote(_) => {
                self.flush();
                self.quote_depth += 1;
                if self.quote_depth == 1 {
                    let line = self.lines.line(at);
                    self.open_quote = Some((line, self.out.blocks.len(), self.out.units.len()));
                }
            }
            Tag::CodeBlock(kind) => {
                let language = match kind {
                    CodeBlockKind::Fenced(info) => {
                        sanitize(info.split_whitespace().next().unwrap_or("")).into_owned()
                    }
                    CodeBlockKind::Indented => String::new(),
                };
                self.open(BlockKind::Code { language }, at, false);
            }
            Tag::HtmlBlock => self.open(BlockKind::Html, at, false),
            Tag::Table(_) => {
                self.flush();
                self.table = Some(Table {
                    start: at,
                    rows: Vec::new(),
                    header_rows: 0,
                    map: Vec::new(),
                });
            }
            Tag::FootnoteDefinition(label) => {
                self.open(
                    BlockKind::Item {
                        marker: format!("[^{}]:", sanitize(&label)).into(),
                    },
                    at,
                    true,
                );
            }
            Tag::Emphasis => self.open_inline(Inline::Emphasis, at),
            Tag::Strong => self.open_inline(Inline::Strong, at),
            Tag::Strikethrough => self.open_inline(Inline::Strike, at),
            Tag::Link { dest_url, .. } => {
                self.out.links.push(sanitize(&dest_url).into_owned());
                let n = self.out.links.len();
                self.open_inline(Inline::Link(n), at);
            }
            Tag::Image { dest_url, .. } => {
                self.out.links.push(sanitize(&dest_url).into_owned());
                let n = self.out.links.len();
                self.open_inline(Inline::Image(n), at);
            }
            _ => {}
        }
    }

    fn open_inline(&mut self, style: Inline, at: usize) {
        let b = self.builder(at);
        let pos = b.len();
        b.open.push((style, pos));
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            // A paragraph inside a list item continues the item's block.
            TagEnd::Paragraph if matches!(self.building(), Some(b) if matches!(b.kind, BlockKind::Item { .. })) =>
                {}
            TagEnd::Heading(_)
            | TagEnd::Paragraph
            | TagEnd::CodeBlock
            | TagEnd::HtmlBlock
            | TagEnd::FootnoteDefinition => self.flush(),
            TagEnd::Item => self.flush(),
            TagEnd::List(_) => {
                self.flush();
                self.lists.pop();
            }
            TagEnd::BlockQuote(_) => {
                self.flush();
                self.quote_depth = self.quote_depth.saturating_sub(1);
                if self.quote_depth == 0 {
                    if let Some((line, blocks, units)) = self.open_quote.take() {
                        self.out.quote_blocks.push(QuoteBlock {
                            line,
                            section: self.section(),
                            blocks: blocks..self.out.blocks.len(),
                            units: units..self.out.units.len(),
                            speaker: None,
                        });
                    }
                }
            }
            TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Link
            | TagEnd::Image
                if self.building =>
            {
                self.current.close_inline();
            }
            _ => {}
        }
    }

    fn finish_table(&mut self) {
        let Some(table) = self.table.take() else {
            return;
        };
        let mut text = String::new();
        let mut map = Vec::with_capacity(table.map.len());
        let mut sources = table.map.into_iter().map(|(_, s)| s);
        for (r, row) in table.rows.iter().enumerate() {
            if r > 0 {
                text.push('\n');
            }
            for (c, cell) in row.iter().enumerate() {
                if c > 0 {
                    text.push_str(" | ");
                }
                if !cell.is_empty() {
                    if let Some(s) = sources.next() {
                        map.push((text.len(), s));
                    }
                }
                text.push_str(cell);
            }
        }
        let kind = BlockKind::Table {
            rows: table.rows,
            header_rows: table.header_rows,
        };
        self.open(kind, table.start, true);
        self.current.buf.push_str(&text);
        self.current.map = map;
        self.flush();
    }

    /// Notes where the current section's (or the preamble's) text is; `at` is where the text
    /// ends, for a section with none.
    fn finish_section_text(&mut self, at: usize) {
        let range = self.section_text.take().unwrap_or(at..at);
        if self.out.sections.is_empty() {
            self.out.preamble = range;
        } else {
            self.out.section_texts.push(range);
        }
    }

    /// The outline, once the last block and the last section's text are in it.
    fn finish(mut self) -> Outline {
        self.flush();
        let end = self.current.buf.len();
        self.finish_section_text(end);
        self.out.text = self.current.buf;
        self.out.file_has_cr = self.lines.has_cr();
        self.out
    }

    fn flush(&mut self) {
        if !self.building {
            return;
        }
        self.building = false;
        let line = self.lines.line(self.current.start);
        if let BlockKind::Heading { .. } = self.current.kind {
            // The section before ends where this heading's line break (if any) starts.
            let before = self.current.base - usize::from(self.current.sep);
            self.finish_section_text(before);
        }
        // From here the builder and the outline are borrowed apart.
        let b = &mut self.current;
        while b.close_inline() {}
        if matches!(b.kind, BlockKind::Code { .. } | BlockKind::Html) {
            let trimmed = b.text().trim_end_matches('\n').len();
            b.buf.truncate(b.base + trimmed);
        }
        let text = if let BlockKind::Heading { level } = b.kind {
            while self.heading_stack.last().is_some_and(|&(l, _)| l >= level) {
                self.heading_stack.pop();
            }
            let index = self.out.sections.len();
            self.out.sections.push(Section {
                level,
                // Set once the text is shared (see `Outline::titles`).
                title: Default::default(),
                line,
                parent: self.heading_stack.last().map(|&(_, i)| i),
                // A range of the text until the document shares it (see `Outline::section_texts`).
                text: Default::default(),
            });
            self.heading_stack.push((level, index));
            // The title is the heading's text without the spaces around it.
            let titles = &mut self.out.title_text;
            let at = titles.len();
            titles.push_str(b.text().trim());
            self.out.titles.push(at..titles.len());
            // A heading is running text: its unit is the next one.
            self.out.heading_units.push(narrow(self.out.units.len()));
            b.base..b.buf.len()
        } else if b.len() > 0 {
            // A section's blocks are one after another: the section's text is the range from
            // its first block to its last.
            let (start, end) = (b.base, b.buf.len());
            self.section_text.get_or_insert(start..end).end = end;
            start..end
        } else {
            // An empty block takes back the line break that would have separated it.
            if b.sep {
                b.buf.pop();
            }
            let at = b.buf.len();
            at..at
        };
        let block = self.out.blocks.len();
        if b.prose {
            let map = b.map.iter().map(|&(t, s)| (narrow(t), narrow(s)));
            self.out.units.push(Unit {
                block: narrow(block),
                start: narrow(b.start),
                map: append(&mut self.out.maps, map),
                breaks: append(&mut self.out.breaks, b.breaks.iter().copied()),
                quote: self.open_quote.map(|_| narrow(self.out.quote_blocks.len())),
            });
        }
        // The block's marks join the shared list; the builder keeps its buffers.
        let kind = std::mem::replace(&mut b.kind, BlockKind::Rule);
        let marks = append(&mut self.out.marks, b.marks.iter().cloned());
        self.out.blocks.push(Block {
            kind,
            line: narrow(line),
            section: self.section().map(narrow),
            text: narrow(text.start)..narrow(text.end),
            marks,
            quote_depth: depth(self.quote_depth as usize),
            list_depth: depth(self.lists.len()),
        });
    }
}
