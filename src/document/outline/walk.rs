//! The walk itself: pulldown-cmark's events, one at a time, into the outline's sections,
//! blocks, marks and prose units.

use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag, TagEnd};

use super::{Outline, QuoteBlock, Unit, append, depth, options};
use crate::document::line_index::LineCounter;
use crate::document::sanitize::{self, sanitize};
use crate::document::{Align, Block, BlockKind, Inline, Label, Mark, Section, Table, narrow};

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
        if safe || !sanitize::has_unsafe(text) {
            self.buf.push_str(text);
            return;
        }
        // A character made visible (a tab's spaces, `\u{202e}`) is longer or shorter in the
        // text than in the file: a map point after each keeps what follows it at its place in
        // the file, so a date or a quote after it is on its own line.
        let Builder { buf, base, map, .. } = self;
        sanitize::push_sanitized(buf, text, |len, end| map.push((len - *base, source + end)));
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
    table: Option<TableInProgress>,
    /// Where the body is in memory, when it holds nothing [`sanitize()`] would replace: a
    /// text event that is a slice of it (most are) is then safe as it is. Events that are
    /// not (decoded character references such as `&#27;`) are sanitized.
    safe_body: Option<Range<usize>>,
}

/// A table being read: its cells so far, and where each cell's text is in the source.
struct TableInProgress {
    start: usize,
    aligns: Vec<Align>,
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
    let end = file.len();
    let body = file.get(offset..).unwrap_or_default();
    let lines = |body_unsafe| file_lines(file, offset, body_unsafe);
    match parsing {
        Parsing::OnThisThread => {
            walk_part(body, offset, leading, body.len(), false, lines)
                .0
                .outline
        }
        Parsing::OnASecondThread => {
            let events = || Parser::new_ext(body, options()).into_offset_iter();
            // The walker is made (the body searched for what must be sanitized) while the
            // second thread runs the parser's first pass.
            let new_walker = || Walker::new(body, leading, end - offset.min(end), lines);
            super::beside::parse_beside(events, new_walker, |walker, event, at| {
                walker.event(event, at + offset)
            })
            .finish()
        }
    }
}

/// A counter of the lines of `file`, for a walk of its body from `offset`; `body_unsafe` says
/// whether the body holds anything [`sanitize()`] would replace (a CR is one of those: a body
/// with none has no CR, and only the text before it is left to search).
pub(super) fn file_lines(file: &str, offset: usize, body_unsafe: bool) -> LineCounter<'_> {
    let has_cr = |text: &str| memchr::memchr(b'\r', text.as_bytes()).is_some();
    let file_has_cr = if body_unsafe {
        has_cr(file)
    } else {
        has_cr(file.get(..offset).unwrap_or_default())
    };
    LineCounter::with_cr(file, file_has_cr)
}

/// What [`walk_part`] gives: the outline of one part of the body, and the headings still
/// open at its end, outermost first: `(level, section)`.
pub(super) struct Part {
    pub outline: Outline,
    pub open_headings: Vec<(u8, usize)>,
}

/// Parses and walks `body`, the part of the body of a file that starts at file offset
/// `offset`, on this thread: line numbers and offsets are the file's. `leading` as in
/// [`walk`]; `room` is how many bytes of body the outline's buffers are made ready for (the
/// whole body's, for a part that others will be joined to). `follows` when the part comes
/// after text: its outline's text then opens with a line break that stands in for that text,
/// so that every block is separated from the one before it as in one walk of the whole (a
/// join drops it).
///
/// `lines` gives the counter of the part's lines, told whether the body holds anything
/// [`sanitize()`] would replace; the counter is given back where the walk leaves it (a
/// thread that walks several parts of a file in memory counts on from one to the next,
/// through the file once however many parts it walks).
pub(super) fn walk_part<'a>(
    body: &'a str,
    offset: usize,
    leading: Option<(&str, &str)>,
    room: usize,
    follows: bool,
    lines: impl FnOnce(bool) -> LineCounter<'a>,
) -> (Part, LineCounter<'a>) {
    let mut walker = Walker::new(body, leading, room, lines);
    if follows {
        walker.current.buf.push('\n');
    }
    for (event, at) in Parser::new_ext(body, options()).into_offset_iter() {
        walker.event(event, at.start + offset);
    }
    let lines = walker.lines.clone();
    let open_headings = std::mem::take(&mut walker.heading_stack);
    let part = Part {
        outline: walker.finish(),
        open_headings,
    };
    (part, lines)
}

impl<'a> Walker<'a> {
    /// A walker for `body` (the body, or a part of it), its buffers made ready for `room`
    /// bytes of body, counting lines with what `lines` gives (told whether the body holds
    /// anything [`sanitize()`] would replace). `leading` as in [`walk`].
    fn new(
        body: &'a str,
        leading: Option<(&str, &str)>,
        room: usize,
        lines: impl FnOnce(bool) -> LineCounter<'a>,
    ) -> Self {
        let body_unsafe = sanitize::has_unsafe(body);
        let lines = lines(body_unsafe);
        let mut walker = Walker {
            lines,
            out: Outline::default(),
            current: Builder {
                // Sanitizing rarely grows the text; the markup it drops leaves room to spare.
                buf: String::with_capacity(room + leading.map_or(0, |(t, _)| t.len()) + 64),
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
        let estimate = room / 32 + 16;
        walker.out.blocks.reserve(estimate);
        walker.out.units.reserve(estimate);
        walker.out.maps.reserve(2 * estimate);
        // Headings are rarer than blocks (about one in four in the seed).
        walker.out.sections.reserve(estimate / 4);
        walker.out.section_texts.reserve(estimate / 4);
        walker.out.titles.reserve(estimate / 4);
        walker.out.heading_units.reserve(estimate / 4);
        if let Some((text, language)) = leading {
            let language = walker.label(language.into());
            walker.open(BlockKind::Code { language }, 0, false);
            walker.current.buf.push_str(text);
            walker.flush();
        }
        walker
    }
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

    #[inline(always)]
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
            Event::Start(tag) => {
                self.start(&tag, at);
                // Most tags own nothing (a paragraph, an item, a heading without attributes):
                // let go of without a call to the tag's drop glue (once per element).
                if owns_nothing(&tag) {
                    std::mem::forget(tag);
                }
            }
            Event::End(tag) => self.end(tag),
            Event::Text(t) => {
                let t: &str = &t;
                let safe = self.is_safe(t);
                let b = self.builder(at);
                b.push(t, at, safe);
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
            // `<br>` inside a paragraph is a line break, as a browser shows it.
            Event::InlineHtml(t) if self.building && is_line_break_tag(&t) => {
                let b = self.builder(at);
                b.breaks.push(b.len());
                b.buf.push('\n');
            }
            Event::InlineHtml(t) | Event::Html(t) => {
                let inline = self.building;
                if !self.building {
                    self.open(BlockKind::Html, at, false);
                }
                let safe = self.is_safe(&t);
                let b = self.builder(at);
                let from = b.len();
                b.push(&t, at, safe);
                // A tag in running text is marked, so that what its attributes quote is no
                // quotation of the text's (an HTML block is no prose at all).
                if inline && b.prose {
                    let to = b.len();
                    b.marks.push(Mark {
                        range: from..to,
                        style: Inline::Html,
                    });
                }
            }
            Event::InlineMath(t) | Event::DisplayMath(t) => {
                let safe = self.is_safe(&t);
                let b = self.builder(at);
                b.push(&t, at, safe);
            }
            Event::FootnoteReference(label) => {
                let b = self.builder(at);
                let from = b.len();
                b.push(&format!("[^{label}]"), at, false);
                let to = b.len();
                b.marks.push(Mark {
                    range: from..to,
                    style: Inline::Footnote,
                });
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
                if let (true, BlockKind::Item { marker }) = (self.building, self.current.kind) {
                    let box_ = if done { "[x]" } else { "[ ]" };
                    let with_box = format!("{} {box_}", marker.read(&self.out.labels));
                    // A number's label takes the box; a bullet, which has none, gets one.
                    let marker = match self.out.labels.get_mut(marker.0 as usize) {
                        Some(label) => {
                            *label = with_box.into_boxed_str();
                            marker
                        }
                        None => self.label(with_box),
                    };
                    self.current.kind = BlockKind::Item { marker };
                }
            }
        }
    }

    fn start(&mut self, tag: &Tag<'_>, at: usize) {
        match tag {
            Tag::Heading { level, .. } => self.open(
                BlockKind::Heading {
                    level: *level as u8,
                },
                at,
                true,
            ),
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
                        self.label(m)
                    }
                    _ => Label::BULLET,
                };
                self.open(BlockKind::Item { marker }, at, true);
            }
            Tag::List(first) => {
                self.flush();
                self.lists.push(*first);
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
                    CodeBlockKind::Fenced(info) => match info.split_whitespace().next() {
                        Some(word) => self.label(sanitize(word).into_owned()),
                        None => Label::NONE,
                    },
                    CodeBlockKind::Indented => Label::NONE,
                };
                self.open(BlockKind::Code { language }, at, false);
            }
            Tag::HtmlBlock => self.open(BlockKind::Html, at, false),
            Tag::Table(aligns) => {
                self.flush();
                self.table = Some(TableInProgress {
                    start: at,
                    aligns: aligns.iter().map(|&a| align(a)).collect(),
                    rows: Vec::new(),
                    header_rows: 0,
                    map: Vec::new(),
                });
            }
            Tag::FootnoteDefinition(label) => {
                let marker = self.label(format!("[^{}]:", sanitize(label)));
                self.open(BlockKind::Item { marker }, at, true);
            }
            Tag::Emphasis => self.open_inline(Inline::Emphasis, at),
            Tag::Strong => self.open_inline(Inline::Strong, at),
            Tag::Strikethrough => self.open_inline(Inline::Strike, at),
            Tag::Link { dest_url, .. } => {
                self.out.links.push(sanitize(dest_url).into_owned());
                let n = self.out.links.len();
                self.open_inline(Inline::Link(n), at);
            }
            Tag::Image { dest_url, .. } => {
                self.out.links.push(sanitize(dest_url).into_owned());
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
                        // The section the quote opens in: a heading inside it (`> ## …`)
                        // starts a section only after its first block.
                        let section = self
                            .out
                            .blocks
                            .get(blocks)
                            .map_or_else(|| self.section(), |b| b.section());
                        self.out.quote_blocks.push(QuoteBlock {
                            line,
                            section,
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

    /// A label of the outline's for `text`.
    fn label(&mut self, text: String) -> Label {
        self.out.labels.push(text.into_boxed_str());
        Label::at(self.out.labels.len() - 1)
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
            table: narrow(self.out.tables.len()),
        };
        self.out.tables.push(Table {
            rows: table.rows,
            header_rows: table.header_rows,
            aligns: table.aligns,
        });
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

    /// Ends the block being built, if any, and adds it to the outline.
    #[inline]
    fn flush(&mut self) {
        // Asked at every block's start and end, most often with no block open: answered
        // here, where it is asked, not in a call.
        if self.building {
            self.add_block();
        }
    }

    /// Adds the block being built to the outline.
    fn add_block(&mut self) {
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
                quote: self
                    .open_quote
                    .map_or(Unit::NO_QUOTE, |_| narrow(self.out.quote_blocks.len())),
            });
            let breaks = b.breaks.iter().map(|&at| (narrow(block), narrow(at)));
            self.out.breaks.extend(breaks);
        }
        // The block's marks join the shared list; the builder keeps its buffers.
        let kind = b.kind;
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

/// Whether an inline HTML tag is a line break: `<br>`, `<br/>`, `<br />`, in any case.
fn is_line_break_tag(tag: &str) -> bool {
    let inner = tag
        .trim()
        .strip_prefix('<')
        .and_then(|t| t.strip_suffix('>'));
    inner.is_some_and(|t| {
        let t = t.trim_end_matches('/').trim_end();
        t.eq_ignore_ascii_case("br")
    })
}

/// Whether `tag` holds nothing that needs freeing.
fn owns_nothing(tag: &Tag<'_>) -> bool {
    match tag {
        Tag::Heading {
            id, classes, attrs, ..
        } => id.is_none() && classes.capacity() == 0 && attrs.capacity() == 0,
        Tag::Paragraph
        | Tag::Item
        | Tag::List(_)
        | Tag::BlockQuote(_)
        | Tag::HtmlBlock
        | Tag::Emphasis
        | Tag::Strong
        | Tag::Strikethrough
        | Tag::TableHead
        | Tag::TableRow
        | Tag::TableCell => true,
        _ => false,
    }
}

/// A column's alignment as the model keeps it.
fn align(a: pulldown_cmark::Alignment) -> Align {
    match a {
        pulldown_cmark::Alignment::None => Align::None,
        pulldown_cmark::Alignment::Left => Align::Left,
        pulldown_cmark::Alignment::Center => Align::Center,
        pulldown_cmark::Alignment::Right => Align::Right,
    }
}
