//! The reader pane's state: the document laid out for the reader's width (text tagged with
//! [`Look`]s, no theme), where it is scrolled to, the jump mark, and the `/` search with the
//! ranges it matched, which the view highlights as they are.
//!
//! The layout is computed once per width (and when link targets are toggled), not per frame.
//! It knows blocks and roles, not Markdown syntax: the parser already turned the syntax into
//! [`Block`]s.

use std::ops::Range;

use super::look::{Look, Mark, Role};
use super::{App, Focus};
use crate::document::{Block, BlockKind, Document, Inline, Mark as Span};
use crate::wrap::{self, Wrapped};

/// One line of the laid-out reader.
#[derive(Debug, Clone, Default)]
pub struct ReaderLine {
    /// The line's text (quote bars and indentation included).
    pub text: String,
    /// Each run's end (a byte offset into `text`) and look, in order.
    pub runs: Vec<(usize, Look)>,
    /// The block it belongs to (index into `Document::blocks`).
    pub block: usize,
}

impl ReaderLine {
    fn of(line: Wrapped<Look>, block: usize) -> ReaderLine {
        ReaderLine {
            text: line.text,
            runs: line.runs,
            block,
        }
    }

    /// Each run's byte range in `text`, with its look.
    pub fn pieces(&self) -> impl Iterator<Item = (Range<usize>, Look)> + '_ {
        wrap::pieces(&self.runs)
    }
}

/// The reader laid out at one width.
#[derive(Debug, Clone, Default)]
pub struct ReaderLayout {
    /// The width it was laid out for.
    pub width: u16,
    /// Whether link targets are listed under their blocks.
    pub links: bool,
    /// Every line.
    pub lines: Vec<ReaderLine>,
    /// The first line of each block.
    pub block_lines: Vec<usize>,
    /// The line of each section's heading.
    pub section_lines: Vec<usize>,
}

impl ReaderLayout {
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
        self.blocks_range(first, last)
    }

    /// The lines of blocks `first` to `last`, without the blank line after the last.
    pub fn blocks_range(&self, first: usize, last: usize) -> Range<usize> {
        let start = self.block_range(first).start;
        let mut end = self.block_range(last).end.max(start);
        while end > start + 1
            && self
                .lines
                .get(end - 1)
                .is_some_and(|l| l.text.trim_start_matches(['▎', ' ']).is_empty())
        {
            end -= 1;
        }
        start..end
    }

    /// The lines of block `block`.
    pub fn block_range(&self, block: usize) -> Range<usize> {
        let start = self.block_lines.get(block).copied().unwrap_or(0);
        let end = self
            .block_lines
            .get(block + 1)
            .copied()
            .unwrap_or(self.lines.len());
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

/// Lays out `doc` for a reader `width` cells wide.
pub fn layout(doc: &Document, width: u16, links: bool) -> ReaderLayout {
    let mut out = ReaderLayout {
        width,
        links,
        ..Default::default()
    };
    let w = width.max(1) as usize;
    for (i, block) in doc.blocks.iter().enumerate() {
        out.block_lines.push(out.lines.len());
        if matches!(block.kind, BlockKind::Heading { .. }) {
            if !out.lines.is_empty() && out.lines.last().is_some_and(|l| !l.text.is_empty()) {
                out.lines.push(ReaderLine {
                    block: i,
                    ..Default::default()
                });
            }
            out.section_lines.push(out.lines.len());
        }
        lay_out_block(doc, block, i, w, links, &mut out.lines);
        let next = doc.blocks.get(i + 1);
        let tight = matches!(
            block.kind,
            BlockKind::Item { .. } | BlockKind::Heading { .. }
        ) && next.is_some_and(|n| matches!(n.kind, BlockKind::Item { .. }))
            || next.is_some_and(|n| matches!(n.kind, BlockKind::Attribution));
        if !tight {
            let bar_depth = next.map_or(0, |n| n.quote_depth.min(block.quote_depth));
            let (prefix, _) = prefix(bar_depth, 0);
            out.lines.push(ReaderLine::of(prefix, i));
        }
    }
    out
}

/// Quote bars and list indentation before a block's lines, and their width.
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
fn piece(text: &str, role: Role) -> Wrapped<Look> {
    let mut out = Wrapped::default();
    out.push(text, role.into(), 0);
    out
}

fn lay_out_block(
    doc: &Document,
    block: &Block,
    index: usize,
    width: usize,
    links: bool,
    lines: &mut Vec<ReaderLine>,
) {
    let text = doc.text_of(block);
    let marks = doc.marks_of(block);
    let (lead, lead_w) = prefix(block.quote_depth, block.list_depth);
    let room = width.saturating_sub(lead_w).max(1);
    let base = if block.quote_depth > 0 {
        Role::Quote
    } else {
        Role::Text
    };
    let none = Wrapped::default();
    let emit = |lines: &mut Vec<ReaderLine>,
                first: &Wrapped<Look>,
                rest: &Wrapped<Look>,
                wrapped: Vec<Wrapped<Look>>| {
        for (n, w) in wrapped.into_iter().enumerate() {
            let head = if n == 0 { first } else { rest };
            let mut line = lead.clone();
            line.extend(head);
            line.extend(&w);
            lines.push(ReaderLine::of(line, index));
        }
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
                    text,
                    marks,
                    Role::Heading(*level),
                    room.saturating_sub(marker_w),
                ),
            );
        }
        BlockKind::Paragraph | BlockKind::Html => {
            let role = if matches!(block.kind, BlockKind::Html) {
                Role::Dim
            } else {
                base
            };
            emit(lines, &none, &none, wrapped(text, marks, role, room));
        }
        BlockKind::Item { marker } => {
            let mw = wrap::width(marker) + 1;
            let first = piece(&format!("{marker} "), Role::Accent);
            let pad = piece(&" ".repeat(mw), Role::Text);
            emit(
                lines,
                &first,
                &pad,
                wrapped(text, marks, base, room.saturating_sub(mw)),
            );
        }
        BlockKind::Attribution => {
            let text = format!("— {text}");
            emit(
                lines,
                &none,
                &none,
                wrapped(&text, &[], Role::Attribution, room),
            );
        }
        BlockKind::Code { language } => {
            if !language.is_empty() {
                emit(lines, &none, &none, vec![piece(language, Role::Dim)]);
            }
            let pad = piece("  ", Role::Text);
            for line in text.split('\n') {
                emit(
                    lines,
                    &pad,
                    &pad,
                    wrapped(line, &[], Role::Code, room.saturating_sub(2)),
                );
            }
        }
        BlockKind::Rule => {
            let rule = "─".repeat(room.min(60));
            emit(lines, &none, &none, vec![piece(&rule, Role::Dim)]);
        }
        BlockKind::Table { rows, header_rows } => {
            lay_out_table(rows, *header_rows, room, &mut |wrapped| {
                emit(lines, &none, &none, wrapped)
            })
        }
    }
    if links {
        for m in marks {
            if let Some(n) = m.style.link() {
                if let Some(url) = doc.links.get(n - 1) {
                    let text = format!("[{n}] {url}");
                    emit(lines, &none, &none, wrapped(&text, &[], Role::Dim, room));
                }
            }
        }
    }
}

fn lay_out_table(
    rows: &[Vec<String>],
    header_rows: usize,
    room: usize,
    emit: &mut dyn FnMut(Vec<Wrapped<Look>>),
) {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut widths = vec![0usize; columns];
    for row in rows {
        for (c, cell) in row.iter().enumerate() {
            widths[c] = widths[c].max(wrap::width(cell));
        }
    }
    let total: usize = widths.iter().sum::<usize>() + columns.saturating_sub(1) * 3;
    let role = |r: usize| {
        if r < header_rows {
            Role::Strong
        } else {
            Role::Text
        }
    };
    if total > room {
        // Too wide to align: each row as wrapped text.
        for (r, row) in rows.iter().enumerate() {
            let text = row.join(" │ ");
            emit(wrap::wrap(&[(&text, role(r).into())], room));
        }
        return;
    }
    for (r, row) in rows.iter().enumerate() {
        let mut line = Wrapped::default();
        for (c, width) in widths.iter().enumerate() {
            let cell = row.get(c).map_or("", String::as_str);
            let padded = format!("{cell}{}", " ".repeat(width - wrap::width(cell)));
            if c > 0 {
                line.push(" │ ", Role::Dim.into(), 0);
            }
            line.push(&padded, role(r).into(), 0);
        }
        line.width = total;
        emit(vec![line]);
        if r + 1 == header_rows {
            let rule: Vec<String> = widths.iter().map(|w| "─".repeat(*w)).collect();
            emit(vec![piece(&rule.join("─┼─"), Role::Dim)]);
        }
    }
}

/// A block's text with its marks, wrapped to `width` cells (at least one).
fn wrapped(text: &str, marks: &[Span], role: Role, width: usize) -> Vec<Wrapped<Look>> {
    let segments = looks(text, marks, role);
    let refs: Vec<(&str, Look)> = (segments.iter()).map(|(s, l)| (s.as_str(), *l)).collect();
    wrap::wrap(&refs, width.max(1))
}

/// A block's text cut into runs of one look each (marks may nest), with `[n]` after links.
fn looks(text: &str, marks: &[Span], role: Role) -> Vec<(String, Look)> {
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
        for m in marks {
            if m.range.start <= from && to <= m.range.end {
                look = look.with(match m.style {
                    Inline::Emphasis => Mark::Emphasis,
                    Inline::Strong => Mark::Strong,
                    Inline::Code => Mark::Code,
                    Inline::Strike => Mark::Strike,
                    Inline::Link(_) | Inline::Image(_) => Mark::Link,
                });
                if let Some(n) = m.style.link() {
                    if m.range.end == to {
                        link_end = Some(n);
                    }
                }
            }
        }
        out.push((piece.to_string(), look));
        if let Some(n) = link_end {
            out.push((format!("[{n}]"), Role::Dim.into()));
        }
    }
    out
}

/// Searching the reader's text with `/`.
#[derive(Debug, Clone, Default)]
pub struct TextSearch {
    /// What is searched for (case-insensitive).
    pub query: String,
    /// The query is being typed.
    pub typing: bool,
    /// Reader lines holding a match, in order, with the byte ranges of `ReaderLine::text`
    /// that match (what the view highlights).
    pub matches: Vec<(usize, Vec<Range<usize>>)>,
    /// Which of `matches` is current.
    pub current: usize,
}

impl TextSearch {
    /// The ranges matched on reader line `line` (none when it holds no match).
    pub fn ranges_on(&self, line: usize) -> &[Range<usize>] {
        match self.matches.binary_search_by_key(&line, |(l, _)| *l) {
            Ok(i) => &self.matches[i].1,
            Err(_) => &[],
        }
    }

    /// The line of the current match.
    pub fn current_line(&self) -> Option<usize> {
        self.matches.get(self.current).map(|(l, _)| *l)
    }
}

/// The byte ranges of `text` that match `query` (already lowercase), ignoring case. Each
/// range starts and ends on a character boundary of `text`.
pub fn find_ignoring_case(text: &str, query: &str) -> Vec<Range<usize>> {
    if query.is_empty() {
        return Vec::new();
    }
    if text.is_ascii() {
        let lower = text.to_ascii_lowercase();
        return lower
            .match_indices(query)
            .map(|(i, m)| i..i + m.len())
            .collect();
    }
    // Lowercasing may change a character's length: keep, for each byte of the lowercase
    // text, where its character starts in `text`.
    let mut lower = String::with_capacity(text.len());
    let mut origin = Vec::with_capacity(text.len() + 1);
    for (at, c) in text.char_indices() {
        for l in c.to_lowercase() {
            let before = lower.len();
            lower.push(l);
            origin.extend(std::iter::repeat_n(at, lower.len() - before));
        }
    }
    origin.push(text.len());
    lower
        .match_indices(query)
        .map(|(i, m)| origin[i]..origin[i + m.len()])
        .filter(|r| !r.is_empty())
        .collect()
}

/// The reader's state.
#[derive(Debug, Clone, Default)]
pub struct ReaderState {
    /// The document laid out for the reader's width.
    pub layout: ReaderLayout,
    /// The first line shown.
    pub top: usize,
    /// Lines marked by the last jump.
    pub marked: Option<Range<usize>>,
    /// The `/` search.
    pub search: TextSearch,
}

/// The reader's actions, which keep the outline's highlight in step.
impl App {
    pub(super) fn scroll_reader(&mut self, delta: isize) {
        self.reader.top = self.reader.top.saturating_add_signed(delta);
        self.clamp_reader();
        self.sync_outline();
    }

    fn max_top(&self) -> usize {
        self.reader
            .layout
            .lines
            .len()
            .saturating_sub(self.reader_area().height as usize)
    }

    pub(super) fn clamp_reader(&mut self) {
        self.reader.top = self.reader.top.min(self.max_top());
    }

    /// Highlights the section whose text is at the top of the reader (at the very end, the
    /// last section on screen, so the final short sections can be reached).
    pub(super) fn sync_outline(&mut self) {
        let layout = &self.reader.layout;
        let at = if self.reader.top >= self.max_top() && self.max_top() > 0 {
            layout.lines.len().saturating_sub(1)
        } else {
            self.reader.top + usize::from(self.reader.top > 0)
        };
        let section = layout.section_at(at);
        if section.is_some() || self.reader.top == 0 {
            self.outline.selected = section.or((!self.doc().sections.is_empty()).then_some(0));
        }
    }

    /// Puts the heading of section `s` at the top of the reader.
    pub(super) fn reader_to_section(&mut self, s: usize) {
        self.reader.top = self
            .reader
            .layout
            .section_lines
            .get(s)
            .copied()
            .unwrap_or(0);
        self.clamp_reader();
    }

    /// Shows section `s` at the top of the reader and highlights it.
    pub(super) fn show_section(&mut self, s: usize) {
        self.reader_to_section(s);
        self.outline.selected = Some(s);
    }

    /// How far through the document the reader is, 0–100.
    pub fn percent(&self) -> usize {
        let max = self.max_top();
        (self.reader.top * 100).checked_div(max).unwrap_or(100)
    }

    /// `]` and `[`: the next section, or the current section's heading and then the one
    /// before.
    pub(super) fn step_section(&mut self, dir: isize) {
        if self.doc().sections.is_empty() {
            return;
        }
        let at_heading = self
            .outline
            .selected
            .is_some_and(|s| self.reader.layout.section_lines.get(s) == Some(&self.reader.top));
        let current = self.outline.selected.unwrap_or(0);
        let target = match dir {
            d if d > 0 => (current + 1).min(self.doc().sections.len() - 1),
            // `[` inside a section goes to its own heading first.
            _ if !at_heading && self.reader.top > 0 => current,
            _ => current.saturating_sub(1),
        };
        self.show_section(target);
    }

    /// Matches the `/` query against every reader line, and shows the first match at or
    /// after the top of the screen.
    pub(super) fn find_matches(&mut self) {
        let query = self.reader.search.query.to_lowercase();
        self.reader.search.matches = if query.is_empty() {
            Vec::new()
        } else {
            (self.reader.layout.lines.iter().enumerate())
                .filter_map(|(i, l)| {
                    let ranges = find_ignoring_case(&l.text, &query);
                    (!ranges.is_empty()).then_some((i, ranges))
                })
                .collect()
        };
        let top = self.reader.top;
        self.reader.search.current = (self.reader.search.matches.iter())
            .position(|&(l, _)| l >= top)
            .unwrap_or(0);
        self.show_match();
    }

    fn show_match(&mut self) {
        if let Some(line) = self.reader.search.current_line() {
            let height = self.reader_area().height as usize;
            if line < self.reader.top || line >= self.reader.top + height {
                self.reader.top = line.saturating_sub(height / 3);
                self.clamp_reader();
                self.sync_outline();
            }
        }
    }

    pub(super) fn step_match(&mut self, dir: isize) {
        let n = self.reader.search.matches.len();
        if n == 0 {
            self.message = Some(if self.reader.search.query.is_empty() {
                "Press / to search".into()
            } else {
                "No matches".to_string()
            });
            return;
        }
        self.reader.search.current =
            (self.reader.search.current as isize + dir).rem_euclid(n as isize) as usize;
        self.show_match();
        self.message = self.match_count();
    }

    /// `Match 2/7`, or that nothing matched, for the footer; nothing with no query.
    pub fn match_count(&self) -> Option<String> {
        let search = &self.reader.search;
        if search.query.is_empty() {
            return None;
        }
        Some(match search.matches.len() {
            0 => format!("No match for “{}”", search.query),
            n => format!("Match {}/{n}", search.current + 1),
        })
    }

    /// Lays the document out again for `width`, keeping the same block at the top, the
    /// mark on the same blocks and the search's current match.
    pub(super) fn relayout(&mut self, width: u16, links: bool) {
        let block = self
            .reader
            .layout
            .lines
            .get(self.reader.top)
            .map(|l| l.block);
        let lines = &self.reader.layout.lines;
        let marked = (self.reader.marked.as_ref()).and_then(|m| {
            let first = lines.get(m.start)?.block;
            let last = lines.get(m.end.checked_sub(1)?)?.block;
            Some((first, last))
        });
        self.reader.layout = layout(self.doc(), width, links);
        if let Some(b) = block {
            self.reader.top = self.reader.layout.block_lines.get(b).copied().unwrap_or(0);
        }
        self.reader.marked =
            marked.map(|(first, last)| self.reader.layout.blocks_range(first, last));
        if !self.reader.search.query.is_empty() {
            let current = self.reader.search.current;
            self.find_matches();
            self.reader.search.current =
                current.min(self.reader.search.matches.len().saturating_sub(1));
        }
        self.clamp_reader();
    }

    /// The reader takes the keyboard with an empty `/` box.
    pub(super) fn start_reader_search(&mut self) {
        self.focus = Focus::Reader;
        self.reader.search = TextSearch {
            typing: true,
            ..Default::default()
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_ignore_case_and_keep_the_text_s_own_boundaries() {
        assert_eq!(
            find_ignoring_case("Compute, COMPUTE", "compute"),
            [0..7, 9..16]
        );
        // `İ` lowercases to two characters: the ranges still fall on `text`'s boundaries.
        let text = "İstanbul istanbul";
        for r in find_ignoring_case(text, "stanbul") {
            assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
            assert_eq!(&text[r], "stanbul");
        }
        assert_eq!(find_ignoring_case("Ärger ärger", "ärger"), [0..6, 7..13]);
        assert!(find_ignoring_case("abc", "").is_empty());
    }
}
