//! One pass over pulldown-cmark's events: the heading tree with each section's text, the
//! reader's blocks, and the prose units that the timeline and quote finders read.
//!
//! Offsets from pulldown-cmark are kept so every block knows the line it starts on; the
//! parser never re-scans the text for line numbers.

use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};

use super::line_index::LineIndex;
use super::sanitize::sanitize;
use super::{Block, BlockKind, Inline, Mark, Section};

/// The Markdown extensions dossier reads. The bare-parser benchmark uses the same set.
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES
}

/// A block of running text (paragraph, list item, heading, table, block quote paragraph) as the
/// timeline and quote finders see it: the reader block plus where its text came from.
#[derive(Debug, Clone)]
pub struct Unit {
    /// Index into [`Outline::blocks`].
    pub block: usize,
    /// `(offset in block text, offset in source)` at the start of each text fragment.
    pub map: Vec<(usize, usize)>,
    /// Offsets in the block text of soft and hard line breaks.
    pub breaks: Vec<usize>,
    /// The outermost block quote this unit sits in (its index in [`Outline::quote_blocks`]).
    pub quote: Option<usize>,
}

impl Unit {
    /// The source byte offset of `pos` in the block's text (approximate inside a fragment
    /// whose text differs from its source, such as an escaped character).
    pub fn source_offset(&self, pos: usize) -> usize {
        let i = self.map.partition_point(|&(t, _)| t <= pos);
        match i.checked_sub(1).and_then(|i| self.map.get(i)) {
            Some(&(t, s)) => s + (pos - t),
            None => self.map.first().map_or(0, |&(_, s)| s),
        }
    }
}

/// An outermost block quote: where it starts and which blocks it holds.
#[derive(Debug, Clone)]
pub struct QuoteBlock {
    /// 1-based line of its first `>`.
    pub line: usize,
    /// The section it sits in.
    pub section: Option<usize>,
    /// Its blocks, a range of [`Outline::blocks`].
    pub blocks: Range<usize>,
    /// Its units, a range of [`Outline::units`].
    pub units: Range<usize>,
}

/// What one pass over the body yields.
#[derive(Debug, Default)]
pub struct Outline {
    pub preamble: String,
    pub sections: Vec<Section>,
    pub blocks: Vec<Block>,
    pub units: Vec<Unit>,
    pub quote_blocks: Vec<QuoteBlock>,
    pub links: Vec<String>,
}

struct Builder {
    kind: BlockKind,
    start: usize,
    text: String,
    marks: Vec<Mark>,
    open: Vec<(Inline, usize)>,
    map: Vec<(usize, usize)>,
    breaks: Vec<usize>,
    prose: bool,
}

impl Builder {
    fn new(kind: BlockKind, start: usize, prose: bool) -> Self {
        Builder {
            kind,
            start,
            text: String::new(),
            marks: Vec::new(),
            open: Vec::new(),
            map: Vec::new(),
            breaks: Vec::new(),
            prose,
        }
    }

    fn push(&mut self, text: &str, source: usize) {
        self.map.push((self.text.len(), source));
        self.text.push_str(&sanitize(text));
    }
}

struct Walker<'a> {
    lines: &'a LineIndex,
    out: Outline,
    current: Option<Builder>,
    heading_stack: Vec<(u8, usize)>,
    lists: Vec<Option<u64>>,
    quote_depth: u32,
    open_quote: Option<(usize, usize, usize)>,
    table: Option<Table>,
}

struct Table {
    start: usize,
    rows: Vec<Vec<String>>,
    header_rows: usize,
    map: Vec<(usize, usize)>,
}

/// Walks the body (`body` is `text[offset..]`): sections, blocks and prose units.
/// `lines` indexes the whole file so that line numbers count the front matter too.
pub fn walk(body: &str, offset: usize, lines: &LineIndex) -> Outline {
    let mut walker = Walker {
        lines,
        out: Outline::default(),
        current: None,
        heading_stack: Vec::new(),
        lists: Vec::new(),
        quote_depth: 0,
        open_quote: None,
        table: None,
    };
    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        walker.event(event, range.start + offset);
    }
    walker.flush();
    walker.out
}

impl Walker<'_> {
    fn section(&self) -> Option<usize> {
        self.out.sections.len().checked_sub(1)
    }

    fn list_depth(&self) -> u32 {
        self.lists.len() as u32
    }

    fn open(&mut self, kind: BlockKind, start: usize, prose: bool) {
        self.flush();
        self.current = Some(Builder::new(kind, start, prose));
    }

    /// The block text is going somewhere: make sure a block is open for it.
    fn builder(&mut self, start: usize) -> &mut Builder {
        self.current
            .get_or_insert_with(|| Builder::new(BlockKind::Paragraph, start, true))
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
                let b = self.builder(at);
                b.push(&t, at);
            }
            Event::Code(t) => {
                let b = self.builder(at);
                let from = b.text.len();
                b.push(&t, at);
                let to = b.text.len();
                b.marks.push(Mark {
                    range: from..to,
                    style: Inline::Code,
                });
            }
            Event::InlineHtml(t) | Event::Html(t) => {
                if self.current.is_none() {
                    self.current = Some(Builder::new(BlockKind::Html, at, false));
                }
                let b = self.builder(at);
                b.push(&t, at);
            }
            Event::InlineMath(t) | Event::DisplayMath(t) => {
                let b = self.builder(at);
                b.push(&t, at);
            }
            Event::FootnoteReference(label) => {
                let b = self.builder(at);
                b.push(&format!("[^{label}]"), at);
            }
            Event::SoftBreak => {
                let b = self.builder(at);
                b.breaks.push(b.text.len());
                b.text.push(' ');
            }
            Event::HardBreak => {
                let b = self.builder(at);
                b.breaks.push(b.text.len());
                b.text.push('\n');
            }
            Event::Rule => {
                self.open(BlockKind::Rule, at, false);
                self.flush();
            }
            Event::TaskListMarker(done) => {
                if let Some(Builder {
                    kind: BlockKind::Item { marker },
                    ..
                }) = self.current.as_mut()
                {
                    marker.push_str(if done { " [x]" } else { " [ ]" });
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
                    &self.current,
                    Some(b) if matches!(b.kind, BlockKind::Item { .. }) && b.text.is_empty()
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
                        m
                    }
                    _ => "•".to_string(),
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
                    self.open_quote = Some((at, self.out.blocks.len(), self.out.units.len()));
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
                        marker: format!("[^{}]:", sanitize(&label)),
                    },
                    at,
                    true,
                );
            }
            Tag::Emphasis => self.open_inline(Inline::Emphasis, at),
            Tag::Strong => self.open_inline(Inline::Strong, at),
            Tag::Strikethrough => self.open_inline(Inline::Strike, at),
            Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. } => {
                self.out.links.push(sanitize(&dest_url).into_owned());
                let n = self.out.links.len();
                self.open_inline(Inline::Link(n), at);
            }
            _ => {}
        }
    }

    fn open_inline(&mut self, style: Inline, at: usize) {
        let b = self.builder(at);
        let pos = b.text.len();
        b.open.push((style, pos));
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            // A paragraph inside a list item continues the item's block.
            TagEnd::Paragraph if matches!(&self.current, Some(b) if matches!(b.kind, BlockKind::Item { .. })) =>
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
                    if let Some((start, blocks, units)) = self.open_quote.take() {
                        self.out.quote_blocks.push(QuoteBlock {
                            line: self.lines.line(start),
                            section: self.section(),
                            blocks: blocks..self.out.blocks.len(),
                            units: units..self.out.units.len(),
                        });
                    }
                }
            }
            TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Link
            | TagEnd::Image => {
                if let Some(b) = self.current.as_mut() {
                    if let Some((style, from)) = b.open.pop() {
                        let to = b.text.len();
                        if to > from {
                            b.marks.push(Mark {
                                range: from..to,
                                style,
                            });
                        }
                    }
                }
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
        let mut b = Builder::new(kind, table.start, true);
        b.text = text;
        b.map = map;
        self.current = Some(b);
        self.flush();
    }

    fn flush(&mut self) {
        let Some(mut b) = self.current.take() else {
            return;
        };
        while let Some((style, from)) = b.open.pop() {
            let to = b.text.len();
            if to > from {
                b.marks.push(Mark {
                    range: from..to,
                    style,
                });
            }
        }
        if matches!(b.kind, BlockKind::Code { .. } | BlockKind::Html) {
            let trimmed = b.text.trim_end_matches('\n').len();
            b.text.truncate(trimmed);
        }
        let line = self.lines.line(b.start);
        if let BlockKind::Heading { level } = b.kind {
            while self.heading_stack.last().is_some_and(|&(l, _)| l >= level) {
                self.heading_stack.pop();
            }
            let index = self.out.sections.len();
            self.out.sections.push(Section {
                level,
                title: b.text.trim().to_string(),
                line,
                parent: self.heading_stack.last().map(|&(_, i)| i),
                text: String::new(),
            });
            self.heading_stack.push((level, index));
        } else {
            let into = match self.out.sections.last_mut() {
                Some(s) => &mut s.text,
                None => &mut self.out.preamble,
            };
            if !b.text.is_empty() {
                if !into.is_empty() {
                    into.push('\n');
                }
                into.push_str(&b.text);
            }
        }
        let block = self.out.blocks.len();
        if b.prose {
            self.out.units.push(Unit {
                block,
                map: b.map,
                breaks: b.breaks,
                quote: self.open_quote.map(|_| self.out.quote_blocks.len()),
            });
        }
        self.out.blocks.push(Block {
            kind: b.kind,
            line,
            section: self.section(),
            text: b.text,
            marks: b.marks,
            quote_depth: self.quote_depth,
            list_depth: self.list_depth(),
        });
    }
}
