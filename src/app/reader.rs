//! The reader pane's state: the document laid out for the reader's width (text tagged with
//! [`Look`]s, no theme), where it is scrolled to, the jump mark, and the `/` search with the
//! ranges it matched, which the view highlights as they are.
//!
//! The layout is computed once per width (and when link targets are toggled), not per frame.
//! It knows blocks and roles, not Markdown syntax: the parser already turned the syntax into
//! [`Block`]s.

use std::ops::Range;

use std::collections::HashMap;

use super::look::{Anchor, Look, Mark, Role};
use super::{App, Focus};
use crate::document::{Align, Block, BlockKind, Document, Inline, Mark as Span};
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
    /// The first line of footnote `n`'s note at `notes[n - 1]` (`None` for a reference to a
    /// note the document lacks).
    pub notes: Vec<Option<usize>>,
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

/// The reading width when none is given: text at most this many columns wide, however wide
/// the pane (`--width`).
pub const DEFAULT_MEASURE: u16 = 100;

/// Footnotes numbered in the order of their first reference (a note never referred to
/// comes after the rest, in the order of the notes).
#[derive(Debug, Default)]
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
            if let Some(label) = note_label(block) {
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
pub fn note_label(block: &Block) -> Option<&str> {
    match &block.kind {
        BlockKind::Item { marker } => marker.strip_prefix("[^")?.strip_suffix("]:"),
        _ => None,
    }
}

/// `n` in superscript digits, as a footnote's mark.
pub fn superscript(n: u32) -> String {
    const DIGITS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    n.to_string()
        .bytes()
        .map(|d| DIGITS[(d - b'0') as usize])
        .collect()
}

/// Lays out `doc` for a reader `width` cells wide.
pub fn layout(doc: &Document, width: u16, links: bool) -> ReaderLayout {
    let mut out = ReaderLayout {
        width,
        links,
        ..Default::default()
    };
    let w = width.max(1) as usize;
    let notes = Footnotes::of(doc);
    out.notes = vec![None; notes.numbers.len()];
    let mut tables = doc.table_aligns.iter();
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
        if let Some(n) = note_label(block).and_then(|l| notes.get(l)) {
            if let Some(slot) = out.notes.get_mut(n as usize - 1) {
                slot.get_or_insert(out.lines.len());
            }
        }
        let aligns = match block.kind {
            BlockKind::Table { .. } => tables.next().map_or(&[][..], Vec::as_slice),
            _ => &[],
        };
        let context = Context {
            doc,
            notes: &notes,
            width: w,
            links,
            aligns,
        };
        lay_out_block(&context, block, i, &mut out.lines);
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

/// What laying out one block needs besides the block.
struct Context<'a> {
    doc: &'a Document,
    notes: &'a Footnotes,
    width: usize,
    links: bool,
    /// The column alignments, for a table.
    aligns: &'a [Align],
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
fn piece(text: &str, look: impl Into<Look>) -> Wrapped<Look> {
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

fn lay_out_block(cx: &Context, block: &Block, index: usize, lines: &mut Vec<ReaderLine>) {
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
    let set_in = piece(&" ".repeat(ATTRIBUTION_INDENT), Role::Text);
    let attribution = |lines: &mut Vec<ReaderLine>, name: &str| {
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
        BlockKind::Item { marker } => {
            let note = note_label(block).and_then(|l| cx.notes.get(l));
            let (marker, role) = match note {
                Some(n) => (superscript(n), Role::Note),
                None => (marker.to_string(), base),
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
        BlockKind::Code { language } => {
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
        BlockKind::Table { rows, header_rows } => {
            let grid = table(rows, *header_rows, cx.aligns, room);
            emit(lines, &none, &none, grid)
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

/// A table as a grid `room` cells wide at most: columns sized to their content, shrunk
/// (widest first, keeping whole words where it can) when the table is wider than the room;
/// cells wrapped inside their column and aligned as the delimiter row says; the header set
/// off by a rule. Every line of the grid has the same width, so the grid never breaks.
pub fn table(
    rows: &[Vec<String>],
    header_rows: usize,
    aligns: &[Align],
    room: usize,
) -> Vec<Wrapped<Look>> {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    if columns == 0 {
        return Vec::new();
    }
    let cells = |c: usize| rows.iter().filter_map(move |r| r.get(c));
    let natural: Vec<usize> = (0..columns)
        .map(|c| cells(c).map(|s| wrap::width(s)).max().unwrap_or(0).max(1))
        .collect();
    // The narrowest a column can be and still hold its widest character, and the widest
    // word it holds.
    let narrowest: Vec<usize> = (0..columns)
        .map(|c| {
            (cells(c).flat_map(|s| s.chars()))
                .map(|ch| unicode_width::UnicodeWidthChar::width(ch).unwrap_or(0))
                .max()
                .unwrap_or(1)
                .max(1)
        })
        .collect();
    let word: Vec<usize> = (0..columns)
        .map(|c| cells(c).map(|s| longest_word(s)).max().unwrap_or(1))
        .collect();
    let overhead = 3 * columns + 1;
    let avail = room.saturating_sub(overhead);
    let mut widths = natural.clone();
    while widths.iter().sum::<usize>() > avail {
        // The widest column still wider than its longest word gives a cell; then any.
        let pick = |floor: &[usize]| {
            (0..columns)
                .filter(|&c| widths[c] > floor[c])
                .max_by_key(|&c| (widths[c], std::cmp::Reverse(c)))
        };
        match pick(&word).or_else(|| pick(&narrowest)) {
            Some(c) => widths[c] -= 1,
            None => break,
        }
    }
    let rule = |left: &str, mid: &str, right: &str| {
        let bars: Vec<String> = widths.iter().map(|w| "─".repeat(w + 2)).collect();
        piece(&format!("{left}{}{right}", bars.join(mid)), Role::Frame)
    };
    let mut out = vec![rule("┌", "┬", "┐")];
    let wraps = rows.iter().skip(header_rows).any(|row| {
        row.iter()
            .zip(&widths)
            .any(|(cell, &w)| wrap::width(cell) > w)
    });
    for (r, row) in rows.iter().enumerate() {
        let role = if r < header_rows {
            Role::Strong
        } else {
            Role::Text
        };
        let wrapped: Vec<Vec<Wrapped<Look>>> = (0..columns)
            .map(|c| {
                let cell = row.get(c).map_or("", String::as_str);
                let mut lines = wrap::wrap(&[(cell, role.into())], widths[c]);
                // A line's last space would count against its alignment.
                lines.iter_mut().for_each(trim_end);
                lines
            })
            .collect();
        let height = wrapped.iter().map(Vec::len).max().unwrap_or(1);
        for l in 0..height {
            let mut line = piece("│", Role::Frame);
            for (c, cell) in wrapped.iter().enumerate() {
                let (text, text_w) = cell.get(l).map_or((None, 0), |w| (Some(w), w.width));
                let spare = widths[c].saturating_sub(text_w);
                let left = match aligns.get(c) {
                    Some(Align::Right) => spare,
                    Some(Align::Center) => spare / 2,
                    _ => 0,
                };
                line.push_str(&" ".repeat(left + 1), Role::Text.into());
                if let Some(text) = text {
                    line.extend(text);
                }
                line.push_str(&" ".repeat(spare - left + 1), Role::Text.into());
                line.push_str("│", Role::Frame.into());
            }
            out.push(line);
        }
        let last = r + 1 == rows.len();
        if !last && (r + 1 == header_rows || (wraps && r >= header_rows)) {
            out.push(rule("├", "┼", "┤"));
        }
    }
    out.push(rule("└", "┴", "┘"));
    out
}

/// `line` without the spaces it ends with.
fn trim_end(line: &mut Wrapped<Look>) {
    let kept = line.text.trim_end_matches(' ').len();
    line.width -= line.text.len() - kept;
    line.text.truncate(kept);
    let mut start = 0;
    line.runs.retain_mut(|(end, _)| {
        let keep = start < kept;
        start = *end;
        *end = (*end).min(kept);
        keep
    });
}

/// The width of the widest run of `s` that reads badly broken: a word between spaces, where
/// a wide (CJK) character stands alone, as such text is broken between any two characters.
fn longest_word(s: &str) -> usize {
    let (mut widest, mut run) = (0, 0);
    for c in s.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if c == ' ' || w > 1 {
            widest = widest.max(run).max(w);
            run = 0;
        } else {
            run += w;
        }
    }
    widest.max(run)
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
#[derive(Debug, Clone)]
pub struct ReaderState {
    /// The document laid out for the reader's width.
    pub layout: ReaderLayout,
    /// The first line shown.
    pub top: usize,
    /// Lines marked by the last jump.
    pub marked: Option<Range<usize>>,
    /// The `/` search.
    pub search: TextSearch,
    /// The most columns text takes, however wide the pane (`--width`).
    pub measure: u16,
}

impl Default for ReaderState {
    fn default() -> Self {
        ReaderState {
            layout: ReaderLayout::default(),
            top: 0,
            marked: None,
            search: TextSearch::default(),
            measure: DEFAULT_MEASURE,
        }
    }
}

/// Why a link is not opened or emitted as a hyperlink, when it is not.
pub fn safe_url(url: &str) -> Result<String, String> {
    let url = url.trim();
    let scheme = url.split_once(':').map(|(s, _)| s.to_ascii_lowercase());
    if !matches!(scheme.as_deref(), Some("http" | "https" | "mailto")) {
        return Err(format!(
            "Not opened: {} is not an http, https or mailto link",
            crate::wrap::truncate(url, 60)
        ));
    }
    if url.chars().any(char::is_control) {
        return Err("Not opened: the link holds a control character".into());
    }
    // Anything outside printable ASCII is percent-encoded: a terminal reads the URL of a
    // hyperlink as bytes 32–126.
    let mut out = String::with_capacity(url.len());
    for b in url.bytes() {
        if b.is_ascii_graphic() {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    Ok(out)
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

    /// The reader's text width: the pane's, at most the measure.
    pub(super) fn reader_width(&self) -> u16 {
        super::layout::reader_text_width(self.reader_area()).min(self.reader.measure.max(1))
    }

    /// Sets the most columns text takes (`--width`), and lays the reader out for it.
    pub fn set_measure(&mut self, measure: u16) {
        self.reader.measure = measure.max(1);
        let width = self.reader_width();
        if width != self.reader.layout.width {
            self.relayout(width, self.reader.layout.links);
        }
    }

    /// The reader line things on screen are followed from: the current search match, else
    /// the jump mark, when on screen; else the top line.
    fn cursor_line(&self) -> usize {
        let top = self.reader.top;
        let height = self.reader_area().height as usize;
        let on_screen = |l: &usize| (top..top + height).contains(l);
        (self.reader.search.current_line().filter(on_screen))
            .or_else(|| (self.reader.marked.as_ref().map(|m| m.start)).filter(on_screen))
            .unwrap_or(top)
    }

    /// The first anchor `pick` takes on screen, from the cursor line down.
    fn anchor_on_screen<T>(&self, pick: impl Fn(Anchor) -> Option<T>) -> Option<T> {
        let end = self.reader.top + self.reader_area().height as usize;
        let lines = self
            .reader
            .layout
            .lines
            .get(self.cursor_line()..end.min(self.reader.layout.lines.len()))?;
        lines
            .iter()
            .flat_map(|l| l.runs.iter())
            .find_map(|&(_, look)| pick(look.anchor))
    }

    /// `o`: asks the terminal layer to open the link on screen (from the cursor line down) in
    /// the Sections view, else the document's `source_url`; says why not when it cannot.
    pub(super) fn open_link(&mut self, on_screen: bool) {
        let link = on_screen
            .then(|| {
                self.anchor_on_screen(|a| match a {
                    Anchor::Link(n) => Some(n as usize),
                    _ => None,
                })
            })
            .flatten()
            .and_then(|n| self.doc().links.get(n - 1).cloned());
        let Some(url) = link.or_else(|| self.doc().field("source_url")) else {
            self.message = Some(if on_screen {
                "No link on screen, and no source_url".into()
            } else {
                "The document has no source_url".into()
            });
            return;
        };
        match safe_url(&url) {
            Ok(url) => {
                self.message = Some(format!("Opening {}", crate::wrap::truncate(&url, 70)));
                self.open_url = Some(url);
            }
            Err(why) => self.message = Some(why),
        }
    }

    /// Enter in the reader: follows the footnote reference on screen (from the cursor line
    /// down) to its note, marked; Back returns.
    pub(super) fn follow_footnote(&mut self) {
        let Some(n) = self.anchor_on_screen(|a| match a {
            Anchor::Footnote(n) => Some(n),
            _ => None,
        }) else {
            self.message = Some("No footnote reference on screen".into());
            return;
        };
        let layout = &self.reader.layout;
        let Some(line) = layout.notes.get(n as usize - 1).copied().flatten() else {
            self.message = Some(format!("Footnote {n} has no note"));
            return;
        };
        let block = layout.lines.get(line).map_or(0, |l| l.block);
        let marked = layout.blocks_range(block, block);
        self.jumps.push(self.here());
        self.reader.marked = Some(marked);
        self.reader.top = line.saturating_sub(2);
        self.clamp_reader();
        self.sync_outline();
        self.message = Some(format!("Note {n}: Backspace returns"));
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
