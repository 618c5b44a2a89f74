//! The document laid out for one width: lines of text tagged with [`Look`]s (no theme),
//! computed once per width (and when link targets are toggled), not per frame. It knows
//! blocks and roles, not Markdown syntax: the parser already turned the syntax into
//! [`Block`]s. Footnotes are numbered, attributions set on their own line, code captioned,
//! tables drawn as grids ([`super::table`]).

use std::collections::HashMap;
use std::ops::Range;

use super::lines::{Lines, ReaderLine};
use super::table::table;
use crate::app::look::{Anchor, Look, Mark, Role};
use crate::document::{Block, BlockKind, Document, Inline, Mark as Span};
use crate::wrap::{self, Wrapped};

/// A document of at least this many bytes is laid out lazily: every block is laid out once
/// to count its lines, but only the lines on screen and near it are kept (see
/// [`ReaderLayout::show`]). Kept whole, a document's lines take about twice its text.
pub const LAZY_BYTES: usize = 4 << 20;

/// Lines kept laid out above and below the screen, for a document laid out lazily.
const NEAR: usize = 256;

/// The reader laid out at one width.
///
/// Lines are numbered over the whole document; the lines of every block are kept for a small
/// document, and for a big one only those of the blocks [`ReaderLayout::show`] last made, on
/// screen and near it. [`ReaderLayout::line`] gives a kept line;
/// [`ReaderLayout::with_line`] and [`ReaderLayout::each_line`] lay out what is not kept.
#[derive(Debug, Clone, Default)]
pub struct ReaderLayout {
    /// The width it was laid out for.
    pub width: u16,
    /// Whether link targets are listed under their blocks.
    pub links: bool,
    /// The lines of the blocks `kept`, from the first line of the first.
    lines: Lines,
    /// The blocks whose lines are kept.
    kept: Range<usize>,
    /// How many lines the whole document takes.
    total: usize,
    /// The first line of each block (see [`ReaderLayout::block_line`]): a `u32`, as a
    /// 200 MB dossier has millions of blocks.
    block_lines: Vec<u32>,
    /// Whether the line before each block holds text: a heading after text is set off by an
    /// empty line, so a block laid out again needs it.
    after_text: Vec<bool>,
    /// The line of each section's heading.
    pub section_lines: Vec<usize>,
    /// The first line of footnote `n`'s note at `notes[n - 1]` (`None` for a reference to a
    /// note the document lacks).
    pub notes: Vec<Option<usize>>,
    /// The footnotes' numbers, for laying blocks out again.
    footnotes: Footnotes,
}

impl ReaderLayout {
    /// How many lines the whole document takes.
    pub fn len(&self) -> usize {
        self.total
    }

    /// Whether there is no line: nothing laid out yet (or an empty document).
    pub fn is_empty(&self) -> bool {
        self.total == 0
    }

    /// No line at all: the next resize lays the document out again.
    pub fn clear(&mut self) {
        *self = ReaderLayout {
            width: self.width,
            links: self.links,
            ..Default::default()
        };
    }

    /// The first line of block `block`.
    pub fn block_line(&self, block: usize) -> Option<usize> {
        self.block_lines.get(block).map(|&l| l as usize)
    }

    /// Whether every line is kept (a small document).
    pub fn keeps_all(&self) -> bool {
        self.kept_lines() == (0..self.total)
    }

    /// The lines kept, as a range of line numbers.
    pub fn kept_lines(&self) -> Range<usize> {
        let start = self.block_line(self.kept.start);
        let end = self.block_line(self.kept.end);
        match (self.kept.is_empty(), start) {
            (false, Some(start)) => start..end.unwrap_or(self.total),
            _ => 0..0,
        }
    }

    /// Line `i`, if it is kept: every line `show` was last asked for is.
    pub fn line(&self, i: usize) -> Option<ReaderLine<'_>> {
        let kept = self.kept_lines();
        kept.contains(&i)
            .then(|| self.lines.get(i - kept.start))
            .flatten()
    }

    /// The block line `i` belongs to.
    pub fn block_of(&self, i: usize) -> Option<usize> {
        if i >= self.total {
            return None;
        }
        // A block that lays out to no line starts where the next does: the last block
        // starting at or before `i` is the one that holds it.
        (self.block_lines)
            .partition_point(|&l| l as usize <= i)
            .checked_sub(1)
    }

    /// Keeps the lines of `range` laid out (and some around them), for `doc`, the document
    /// this was laid out from.
    pub fn show(&mut self, doc: &Document, range: Range<usize>) {
        let range = range.start.min(self.total)..range.end.min(self.total);
        let kept = self.kept_lines();
        if range.is_empty() || (kept.start <= range.start && range.end <= kept.end) {
            return;
        }
        if !self.is_of(doc) {
            return;
        }
        let want = range.start.saturating_sub(NEAR)..(range.end + NEAR).min(self.total);
        let (Some(first), Some(last)) = (self.block_of(want.start), self.block_of(want.end - 1))
        else {
            return;
        };
        let mut lines = Lines::default();
        let cx = self.context(doc);
        for i in first..=last {
            lay_out_at(&cx, i, self.after_text[i], &mut lines);
        }
        self.lines = lines;
        self.kept = first..last + 1;
    }

    /// Whether this could be `doc`'s layout (a block is laid out again only from the
    /// document it was laid out from).
    fn is_of(&self, doc: &Document) -> bool {
        doc.blocks.len() == self.block_lines.len()
    }

    /// What laying out a block of `doc` again needs.
    fn context<'a>(&'a self, doc: &'a Document) -> Context<'a> {
        Context {
            doc,
            notes: &self.footnotes,
            width: self.width.max(1) as usize,
            links: self.links,
        }
    }

    /// `f` of line `i`, kept or laid out again for the purpose.
    pub fn with_line<R>(
        &self,
        doc: &Document,
        i: usize,
        f: impl FnOnce(ReaderLine) -> R,
    ) -> Option<R> {
        if let Some(line) = self.line(i) {
            return Some(f(line));
        }
        if !self.is_of(doc) {
            return None;
        }
        let block = self.block_of(i)?;
        let mut lines = Lines::default();
        lay_out_at(
            &self.context(doc),
            block,
            self.after_text[block],
            &mut lines,
        );
        lines.get(i - self.block_line(block)?).map(f)
    }

    /// `f` of every line in order, with its number: the kept lines as they are, the others
    /// laid out again one block at a time.
    pub fn each_line(&self, doc: &Document, mut f: impl FnMut(usize, ReaderLine)) {
        if self.keeps_all() {
            for i in 0..self.total {
                if let Some(line) = self.lines.get(i) {
                    f(i, line);
                }
            }
            return;
        }
        if !self.is_of(doc) {
            return;
        }
        let cx = self.context(doc);
        let mut lines = Lines::default();
        for (block, start) in self.block_lines.iter().map(|&l| l as usize).enumerate() {
            lines.clear();
            lay_out_at(&cx, block, self.after_text[block], &mut lines);
            for (n, line) in lines.iter().enumerate() {
                f(start + n, line);
            }
        }
    }

    /// The lines of the blocks that start on the same source line as the block holding
    /// `line` (a quote and the speaker line under it).
    pub fn lines_for_source(&self, doc: &Document, line: usize) -> Range<usize> {
        let first = block_for_source(doc, line);
        let start_line = doc.blocks.get(first).map_or(0, |b| b.line());
        let last = first
            + doc.blocks[first.min(doc.blocks.len())..]
                .iter()
                .take_while(|b| b.line() == start_line)
                .count()
                .max(1)
            - 1;
        self.blocks_range(doc, first, last)
    }

    /// The lines of blocks `first` to `last`, without the blank line after the last.
    pub fn blocks_range(&self, doc: &Document, first: usize, last: usize) -> Range<usize> {
        let start = self.block_range(first).start;
        let mut end = self.block_range(last).end.max(start);
        let blank = |l: ReaderLine| l.text.trim_start_matches(['▎', ' ']).is_empty();
        while end > start + 1 && self.with_line(doc, end - 1, blank) == Some(true) {
            end -= 1;
        }
        start..end
    }

    /// The lines of block `block`.
    pub fn block_range(&self, block: usize) -> Range<usize> {
        let start = self.block_line(block).unwrap_or(0);
        let end = self.block_line(block + 1).unwrap_or(self.total);
        start..end
    }

    /// The section whose text is at line `line` (the last heading at or before it).
    pub fn section_at(&self, line: usize) -> Option<usize> {
        self.section_lines
            .partition_point(|&l| l <= line)
            .checked_sub(1)
    }
}

/// The first block that holds 1-based source line `line`.
pub fn block_for_source(doc: &Document, line: usize) -> usize {
    let mut block = doc
        .blocks
        .partition_point(|b| b.line() <= line)
        .saturating_sub(1);
    while block > 0 && doc.blocks[block - 1].line == doc.blocks[block].line {
        block -= 1;
    }
    block
}

/// The deepest nesting drawn; deeper blocks are drawn at this depth so text keeps its room.
const MAX_DEPTH: u16 = 8;

/// The reading width when none is given: text at most this many columns wide, however wide
/// the pane (`--width`).
pub const DEFAULT_MEASURE: u16 = 100;

/// Footnotes numbered in the order of their first reference (a note never referred to
/// comes after the rest, in the order of the notes).
#[derive(Debug, Clone, Default)]
pub struct Footnotes {
    numbers: HashMap<String, u32>,
}

impl Footnotes {
    /// The numbers of `doc`'s footnotes.
    pub fn of(doc: &Document) -> Footnotes {
        let mut notes = Footnotes::default();
        for block in &doc.blocks {
            let text = doc.text_of(block);
            for m in doc.marks_of(block) {
                if m.style == Inline::Footnote {
                    if let Some(label) = text.get(m.range.clone()).and_then(reference_label) {
                        notes.number(label);
                    }
                }
            }
        }
        for block in &doc.blocks {
            if let Some(label) = note_label(doc, block) {
                notes.number(label);
            }
        }
        notes
    }

    fn number(&mut self, label: &str) -> u32 {
        let next = self.numbers.len() as u32 + 1;
        *self.numbers.entry(label.to_lowercase()).or_insert(next)
    }

    /// The number of the footnote labelled `label`.
    pub fn get(&self, label: &str) -> Option<u32> {
        self.numbers.get(&label.to_lowercase()).copied()
    }
}

/// The label of a footnote reference's text, `[^label]`.
pub fn reference_label(text: &str) -> Option<&str> {
    text.strip_prefix("[^")?.strip_suffix(']')
}

/// The label of the footnote `block` holds, when it is one: the model keeps a definition as
/// a list item marked `[^label]:`.
pub fn note_label<'d>(doc: &'d Document, block: &Block) -> Option<&'d str> {
    doc.marker(block).strip_prefix("[^")?.strip_suffix("]:")
}

/// `n` in superscript digits, as a footnote's mark.
pub fn superscript(n: u32) -> String {
    const DIGITS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    n.to_string()
        .bytes()
        .map(|d| DIGITS[(d - b'0') as usize])
        .collect()
}

/// Lays out `doc` for a reader `width` cells wide: every line kept for a small document, only
/// the counts for a big one (see [`LAZY_BYTES`]).
pub fn layout(doc: &Document, width: u16, links: bool) -> ReaderLayout {
    let keep = if doc.text.len() < LAZY_BYTES {
        0..doc.blocks.len()
    } else {
        0..0
    };
    layout_keeping(doc, width, links, keep)
}

/// Lays out `doc`, keeping the lines of the blocks `keep`.
fn layout_keeping(doc: &Document, width: u16, links: bool, keep: Range<usize>) -> ReaderLayout {
    let footnotes = Footnotes::of(doc);
    let cx = Context {
        doc,
        notes: &footnotes,
        width: width.max(1) as usize,
        links,
    };
    let mut lines = if keep == (0..doc.blocks.len()) {
        // The document's text and a little more (quote bars, markers, blank lines).
        Lines::with_room(doc.text.len() + doc.text.len() / 4 + 64)
    } else {
        Lines::default()
    };
    let mut notes = vec![None; footnotes.numbers.len()];
    let n = doc.blocks.len();
    let (mut block_lines, mut after_text) = (Vec::with_capacity(n), Vec::with_capacity(n));
    let mut section_lines = Vec::new();
    let mut scratch = Lines::default();
    let (mut total, mut last_has_text) = (0, false);
    for (i, block) in doc.blocks.iter().enumerate() {
        block_lines.push(u32::try_from(total).unwrap_or(u32::MAX));
        after_text.push(last_has_text);
        let into = if keep.contains(&i) {
            &mut lines
        } else {
            scratch.clear();
            &mut scratch
        };
        let start = into.len();
        let placed = lay_out_at(&cx, i, last_has_text, into);
        if placed.heading {
            section_lines.push(total + placed.at);
        }
        if let Some(n) = note_label(doc, block).and_then(|l| footnotes.get(l)) {
            if let Some(slot) = notes.get_mut(n as usize - 1) {
                slot.get_or_insert(total + placed.at);
            }
        }
        if let Some(last) = into.last().filter(|_| into.len() > start) {
            last_has_text = !last.text.is_empty();
        }
        total += into.len() - start;
    }
    ReaderLayout {
        width,
        links,
        lines,
        kept: keep,
        total,
        block_lines,
        after_text,
        section_lines,
        notes,
        footnotes,
    }
}

/// Where a block's own lines start, after the empty line that may set a heading off.
struct Placed {
    /// The block's first own line, counted from its first line.
    at: usize,
    /// Whether the block is a heading.
    heading: bool,
}

/// Lays out block `i` of the document after a line that holds text (`after_text`) or not:
/// an empty line before a heading after text, the block's lines, and the line that
/// separates it from the next block unless the two are tight.
fn lay_out_at(cx: &Context, i: usize, after_text: bool, lines: &mut Lines) -> Placed {
    let doc = cx.doc;
    let block = &doc.blocks[i];
    let start = lines.len();
    let heading = matches!(block.kind, BlockKind::Heading { .. });
    if heading && after_text {
        lines.push_empty(i);
    }
    let at = lines.len() - start;
    lay_out_block(cx, block, i, lines);
    let next = doc.blocks.get(i + 1);
    let tight = matches!(
        block.kind,
        BlockKind::Item { .. } | BlockKind::Heading { .. }
    ) && next.is_some_and(|n| matches!(n.kind, BlockKind::Item { .. }))
        || next.is_some_and(|n| matches!(n.kind, BlockKind::Attribution));
    if !tight {
        let bar_depth = next.map_or(0, |n| n.quote_depth.min(block.quote_depth));
        let (prefix, _) = prefix(bar_depth, 0);
        lines.push(prefix, i);
    }
    Placed { at, heading }
}

/// What laying out one block needs besides the block.
struct Context<'a> {
    doc: &'a Document,
    notes: &'a Footnotes,
    width: usize,
    links: bool,
}

/// Quote bars and list indentation before a block's lines, and their width. Each level of
/// quote nesting is a bar and a space further in.
fn prefix(quote_depth: u16, list_depth: u16) -> (Wrapped<Look>, usize) {
    let bars = quote_depth.min(MAX_DEPTH) as usize;
    let indent = list_depth.saturating_sub(1).min(MAX_DEPTH) as usize;
    let mut out = Wrapped::default();
    if bars > 0 {
        out.push(&"▎ ".repeat(bars), Role::QuoteBar.into(), 0);
    }
    if indent > 0 {
        out.push(&"  ".repeat(indent), Role::Text.into(), 0);
    }
    (out, bars * 2 + indent * 2)
}

/// One run of text as a line's head (a marker, a pad).
pub(super) fn piece(text: &str, look: impl Into<Look>) -> Wrapped<Look> {
    let mut out = Wrapped::default();
    out.push_str(text, look.into());
    out
}

/// How far an attribution line is set in from the quote's text.
const ATTRIBUTION_INDENT: usize = 4;

/// Where the attribution at the end of a quote's paragraph starts (`… all." — Jane Doe`,
/// the dash often on a line of its own in the source, which Markdown joins to the
/// paragraph): a dash after the end of a sentence or quotation, followed by a short
/// name-like tail that ends the paragraph. A dash inside a sentence is not one.
pub fn attribution_start(text: &str) -> Option<usize> {
    let text = text.trim_end();
    for dash in [" — ", " ― ", " -- ", " – "] {
        let Some(at) = text.rfind(dash) else { continue };
        let tail = &text[at + dash.len()..];
        let before = text[..at].trim_end();
        let ends_sentence = before.ends_with(['.', '!', '?', '"', '”', '’', '…', ')']);
        let short = !tail.is_empty() && tail.chars().count() <= 80 && !tail.contains(['"', '“']);
        if ends_sentence && short && tail.chars().next().is_some_and(|c| !c.is_lowercase()) {
            return Some(at);
        }
    }
    None
}

/// A paragraph that is only an attribution (`— Jane Doe`), its dash and the space after
/// dropped.
pub fn attribution_only(text: &str) -> Option<&str> {
    ["— ", "― ", "-- ", "– "]
        .iter()
        .find_map(|d| text.strip_prefix(d))
        .filter(|rest| !rest.is_empty() && rest.chars().count() <= 80)
}

fn lay_out_block(cx: &Context, block: &Block, index: usize, lines: &mut Lines) {
    let doc = cx.doc;
    let text = doc.text_of(block);
    let marks = doc.marks_of(block);
    let (lead, lead_w) = prefix(block.quote_depth, block.list_depth);
    let room = cx.width.saturating_sub(lead_w).max(1);
    let base = if block.quote_depth > 0 {
        Role::Quote
    } else {
        Role::Text
    };
    let none = Wrapped::default();
    let emit = |lines: &mut Lines,
                first: &Wrapped<Look>,
                rest: &Wrapped<Look>,
                wrapped: Vec<Wrapped<Look>>| {
        for (n, w) in wrapped.into_iter().enumerate() {
            let head = if n == 0 { first } else { rest };
            let mut line = lead.clone();
            line.extend(head);
            line.extend(&w);
            lines.push(line, index);
        }
    };
    let set_in = piece(&" ".repeat(ATTRIBUTION_INDENT), Role::Text);
    let attribution = |lines: &mut Lines, name: &str| {
        let text = format!("— {name}");
        let room = room.saturating_sub(ATTRIBUTION_INDENT);
        let wrapped = wrapped(cx, &text, &[], Role::Attribution, room);
        emit(lines, &set_in, &set_in, wrapped);
    };
    match &block.kind {
        BlockKind::Heading { level } => {
            let marker = piece(&format!("{} ", "#".repeat(*level as usize)), Role::Dim);
            let marker_w = *level as usize + 1;
            let pad = piece(&" ".repeat(marker_w), Role::Text);
            emit(
                lines,
                &marker,
                &pad,
                wrapped(
                    cx,
                    text,
                    marks,
                    Role::Heading(*level),
                    room.saturating_sub(marker_w),
                ),
            );
        }
        BlockKind::Paragraph if block.quote_depth > 0 => {
            if let Some(name) = attribution_only(text) {
                attribution(lines, name);
            } else if let Some(at) = attribution_start(text) {
                emit(
                    lines,
                    &none,
                    &none,
                    wrapped(cx, &text[..at], marks, base, room),
                );
                let dash = text[at..].trim_start();
                let name = dash.split_once(' ').map_or("", |(_, n)| n.trim());
                attribution(lines, name);
            } else {
                emit(lines, &none, &none, wrapped(cx, text, marks, base, room));
            }
        }
        BlockKind::Paragraph | BlockKind::Html => {
            let role = if matches!(block.kind, BlockKind::Html) {
                Role::Dim
            } else {
                base
            };
            emit(lines, &none, &none, wrapped(cx, text, marks, role, room));
        }
        BlockKind::Item { .. } => {
            let note = note_label(doc, block).and_then(|l| cx.notes.get(l));
            let (marker, role) = match note {
                Some(n) => (superscript(n), Role::Note),
                None => (doc.marker(block).to_string(), base),
            };
            let mw = wrap::width(&marker) + 1;
            let marker_role = if note.is_some() {
                Role::Note
            } else {
                Role::Accent
            };
            let first = piece(&format!("{marker} "), marker_role);
            let pad = piece(&" ".repeat(mw), Role::Text);
            emit(
                lines,
                &first,
                &pad,
                wrapped(cx, text, marks, role, room.saturating_sub(mw)),
            );
        }
        BlockKind::Attribution => attribution(lines, text),
        BlockKind::Code { .. } => {
            let language = doc.language(block);
            let pad = piece("  ", Role::Text);
            if !language.is_empty() {
                // The language as a caption on a rule over the code, as wide as the code.
                let code_w = text.split('\n').map(wrap::width).max().unwrap_or(0);
                emit(lines, &none, &none, vec![caption(language, code_w, room)]);
            }
            for line in text.split('\n') {
                emit(
                    lines,
                    &pad,
                    &pad,
                    wrapped(cx, line, &[], Role::Code, room.saturating_sub(2)),
                );
            }
        }
        BlockKind::Rule => {
            let rule = "─".repeat(room.min(60));
            emit(lines, &none, &none, vec![piece(&rule, Role::Dim)]);
        }
        BlockKind::Table { .. } => {
            if let Some(t) = doc.table(block) {
                emit(
                    lines,
                    &none,
                    &none,
                    table(&t.rows, t.header_rows, &t.aligns, room),
                )
            }
        }
    }
    if cx.links {
        for m in marks {
            if let Some(n) = m.style.link() {
                if let Some(url) = doc.links.get(n - 1) {
                    let number = format!("[{n}] ");
                    let target = Look::new(Role::Dim).to(Anchor::Link(n as u32));
                    let segments = [(number.as_str(), Role::Dim.into()), (url.as_str(), target)];
                    emit(lines, &none, &none, wrap::wrap(&segments, room));
                }
            }
        }
    }
}

/// A code block's caption: its language on a rule as wide as the code (`code_w`), within
/// `room`.
pub fn caption(language: &str, code_w: usize, room: usize) -> Wrapped<Look> {
    let label = wrap::truncate(language, room.saturating_sub(4));
    let label_w = wrap::width(&label);
    let rule_w = (code_w + 2)
        .max(label_w + 4)
        .min(room)
        .saturating_sub(label_w + 3);
    let mut caption = piece("─ ", Role::Frame);
    caption.push_str(&label, Role::Dim.into());
    caption.push_str(&format!(" {}", "─".repeat(rule_w)), Role::Frame.into());
    caption
}

/// A block's text with its marks, wrapped to `width` cells (at least one).
fn wrapped(
    cx: &Context,
    text: &str,
    marks: &[Span],
    role: Role,
    width: usize,
) -> Vec<Wrapped<Look>> {
    let segments = looks(cx, text, marks, role);
    let refs: Vec<(&str, Look)> = (segments.iter()).map(|(s, l)| (s.as_str(), *l)).collect();
    wrap::wrap(&refs, width.max(1))
}

/// A block's text cut into runs of one look each (marks may nest), with `[n]` after links
/// and footnote references as their numbers in superscript. Marks past the end of `text`
/// (a paragraph cut before its attribution) are cut to it.
fn looks(cx: &Context, text: &str, marks: &[Span], role: Role) -> Vec<(String, Look)> {
    let base = Look::new(role);
    if marks.is_empty() {
        return vec![(text.to_string(), base)];
    }
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for m in marks {
        cuts.push(m.range.start.min(text.len()));
        cuts.push(m.range.end.min(text.len()));
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = Vec::new();
    for pair in cuts.windows(2) {
        let (from, to) = (pair[0], pair[1]);
        let Some(piece) = text.get(from..to) else {
            continue;
        };
        let mut look = base;
        let mut link_end = None;
        let mut note = None;
        for m in marks {
            if m.range.start <= from && to <= m.range.end {
                let mark = match m.style {
                    Inline::Emphasis => Mark::Emphasis,
                    Inline::Strong => Mark::Strong,
                    Inline::Code => Mark::Code,
                    Inline::Strike => Mark::Strike,
                    Inline::Link(n) | Inline::Image(n) => {
                        look = look.to(Anchor::Link(n as u32));
                        Mark::Link
                    }
                    Inline::Footnote => {
                        note = Some(m.range.start == from);
                        continue;
                    }
                    // A tag is markup, shown as written but set apart as code is.
                    Inline::Html => Mark::Code,
                };
                look = look.with(mark);
                if let Some(n) = m.style.link() {
                    if m.range.end == to {
                        link_end = Some(n);
                    }
                }
            }
        }
        match note {
            // The reference's number, once (a mark cut in pieces shows it at its start).
            Some(true) => {
                let number = reference_label(piece).and_then(|l| cx.notes.get(l));
                match number {
                    Some(n) => out.push((
                        superscript(n),
                        Look::new(Role::Note).to(Anchor::Footnote(n)),
                    )),
                    None => out.push((piece.to_string(), look)),
                }
            }
            Some(false) => {}
            None => out.push((piece.to_string(), look)),
        }
        if let Some(n) = link_end {
            out.push((format!("[{n}]"), Role::Dim.into()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::load;

    /// A line as plain data, to compare.
    fn owned(line: ReaderLine) -> (String, Vec<(u32, Look)>, usize) {
        (line.text.to_string(), line.runs.to_vec(), line.block)
    }

    /// A document laid out lazily shows, asked for any lines, exactly the lines of the same
    /// document laid out whole: on every fixture, the seed and generated dossiers, at widths
    /// from narrow to wide, with link targets listed or not.
    #[test]
    fn a_lazy_layout_shows_the_lines_of_the_whole_one() {
        let mut texts = crate::synthetic::fixture_texts();
        texts.extend((0..4).map(crate::synthetic::dossier));
        for text in &texts {
            let doc = load("t", text);
            for (width, links) in [(12, false), (47, true), (80, false), (100, true)] {
                let whole = layout_keeping(&doc, width, links, 0..doc.blocks.len());
                let mut lazy = layout_keeping(&doc, width, links, 0..0);
                assert_eq!(lazy.len(), whole.len());
                assert_eq!(lazy.block_lines, whole.block_lines);
                assert_eq!(lazy.section_lines, whole.section_lines);
                assert_eq!(lazy.notes, whole.notes);
                assert!(
                    lazy.line(0).is_none() || whole.is_empty(),
                    "nothing kept yet"
                );
                let all: Vec<_> = (0..whole.len())
                    .map(|i| owned(whole.line(i).unwrap()))
                    .collect();
                // Every line laid out again for itself.
                for (i, line) in all.iter().enumerate() {
                    assert_eq!(lazy.with_line(&doc, i, owned).as_ref(), Some(line));
                    assert_eq!(lazy.block_of(i), Some(line.2));
                }
                let mut each = Vec::new();
                lazy.each_line(&doc, |i, l| each.push((i, owned(l))));
                assert_eq!(each, all.iter().cloned().enumerate().collect::<Vec<_>>());
                // Screens shown from the top down and back: each keeps what is asked.
                let height = 7;
                let tops = (0..whole.len())
                    .step_by(5)
                    .chain((0..whole.len()).rev().step_by(40));
                for top in tops {
                    lazy.show(&doc, top..top + height);
                    for (i, line) in all.iter().enumerate().skip(top).take(height) {
                        assert_eq!(lazy.line(i).map(owned).as_ref(), Some(line), "{i}");
                    }
                }
                for first in (0..doc.blocks.len()).step_by(3) {
                    let last = (first + 2).min(doc.blocks.len() - 1);
                    assert_eq!(
                        lazy.blocks_range(&doc, first, last),
                        whole.blocks_range(&doc, first, last)
                    );
                }
            }
        }
    }

    /// Only a big document is laid out lazily, and then only the lines near the screen are
    /// kept.
    #[test]
    fn only_a_big_document_keeps_no_more_than_the_screen_and_near_it() {
        let small = load("t", crate::library::EMBEDDED);
        let whole = layout(&small, 80, false);
        assert!(
            whole.line(whole.len() - 1).is_some(),
            "a small document is kept whole"
        );
        let big = load(
            "t",
            &crate::synthetic::seed_repeated(LAZY_BYTES + LAZY_BYTES / 8),
        );
        let mut lazy = layout(&big, 80, false);
        assert!(
            lazy.len() > 10_000 && lazy.line(0).is_none(),
            "{}",
            lazy.len()
        );
        let middle = lazy.len() / 2;
        lazy.show(&big, middle..middle + 40);
        assert!(lazy.line(middle).is_some() && lazy.line(middle + 39).is_some());
        assert!(lazy.line(0).is_none() && lazy.line(lazy.len() - 1).is_none());
        assert!(
            lazy.lines.len() < 40 + 2 * NEAR + 200,
            "{}",
            lazy.lines.len()
        );
    }

    /// A tag in running text is shown as written, set apart as code is; the words around it
    /// and inside the element are not.
    #[test]
    fn an_inline_tag_is_shown_as_code() {
        let doc = load(
            "t",
            "Met at the <a href=\"http://e.org/\">Harbour Summit</a> today.\n",
        );
        let lines = layout(&doc, 80, false);
        let pieces: Vec<(String, bool)> = lines
            .with_line(&doc, 0, |line| {
                line.pieces()
                    .map(|(r, look)| {
                        let code = look.marks().any(|m| m == Mark::Code);
                        (line.text[r].to_string(), code)
                    })
                    .collect()
            })
            .unwrap();
        let code: Vec<&str> = pieces
            .iter()
            .filter(|(_, c)| *c)
            .map(|(t, _)| t.trim())
            .collect();
        assert_eq!(code, ["<a href=\"http://e.org/\">", "</a>"], "{pieces:?}");
        let words: String = pieces
            .iter()
            .filter(|(_, c)| !*c)
            .map(|(t, _)| t.as_str())
            .collect();
        assert!(
            words.contains("Harbour Summit") && words.contains("today."),
            "{words}"
        );
    }
}
