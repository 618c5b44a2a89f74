//! The reader's layout: the document's blocks as styled, wrapped lines for one width.
//!
//! Computed once per width (and when link targets are toggled), not per frame; the app keeps
//! it and the reader pane draws the visible slice. Knows blocks and styles, not Markdown
//! syntax: the parser already turned the syntax into [`Block`]s.

use ratatui::style::{Modifier, Style};
use ratatui::text::Span;

use super::theme::Theme;
use super::wrap::{self, Wrapped};
use crate::document::{Block, BlockKind, Document, Inline, Mark};

/// One line of the laid-out reader.
#[derive(Debug, Clone)]
pub struct ReaderLine {
    /// What to draw.
    pub spans: Vec<Span<'static>>,
    /// The same as plain text, for searching.
    pub text: String,
    /// The block it belongs to (index into `Document::blocks`).
    pub block: usize,
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
    /// The first line of the block that holds 1-based source line `line`.
    pub fn line_for_source(&self, doc: &Document, line: usize) -> usize {
        let block = block_for_source(doc, line);
        self.block_lines.get(block).copied().unwrap_or(0)
    }

    /// The lines of the blocks that start on the same source line as the block holding
    /// `line` (a quote and the speaker line under it).
    pub fn lines_for_source(&self, doc: &Document, line: usize) -> std::ops::Range<usize> {
        let first = block_for_source(doc, line);
        let start_line = doc.blocks.get(first).map_or(0, |b| b.line());
        let last = first
            + doc.blocks[first.min(doc.blocks.len())..]
                .iter()
                .take_while(|b| b.line() == start_line)
                .count()
                .max(1)
            - 1;
        let start = self.block_range(first).start;
        let mut end = self.block_range(last).end;
        // Not the blank line after the block.
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
    pub fn block_range(&self, block: usize) -> std::ops::Range<usize> {
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
pub fn layout(doc: &Document, width: u16, theme: &Theme, links: bool) -> ReaderLayout {
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
                out.lines.push(blank(i));
            }
            out.section_lines.push(out.lines.len());
        }
        draw_block(doc, block, i, w, theme, links, &mut out.lines);
        let next = doc.blocks.get(i + 1);
        let tight = matches!(
            block.kind,
            BlockKind::Item { .. } | BlockKind::Heading { .. }
        ) && next.is_some_and(|n| matches!(n.kind, BlockKind::Item { .. }))
            || next.is_some_and(|n| matches!(n.kind, BlockKind::Attribution));
        if !tight {
            let bar_depth = next.map_or(0, |n| n.quote_depth.min(block.quote_depth));
            let (prefix, _) = prefix(bar_depth, 0, theme);
            let text = prefix.iter().map(|s| s.content.as_ref()).collect();
            out.lines.push(ReaderLine {
                spans: prefix,
                text,
                block: i,
            });
        }
    }
    out
}

fn blank(block: usize) -> ReaderLine {
    ReaderLine {
        spans: Vec::new(),
        text: String::new(),
        block,
    }
}

/// Quote bars and list indentation before a block's lines, and their width.
fn prefix(quote_depth: u16, list_depth: u16, theme: &Theme) -> (Vec<Span<'static>>, usize) {
    let bars = quote_depth.min(MAX_DEPTH) as usize;
    let indent = list_depth.saturating_sub(1).min(MAX_DEPTH) as usize;
    let mut spans = Vec::new();
    if bars > 0 {
        spans.push(Span::styled("▎ ".repeat(bars), theme.quote_bar));
    }
    if indent > 0 {
        spans.push(Span::raw("  ".repeat(indent)));
    }
    (spans, bars * 2 + indent * 2)
}

fn draw_block(
    doc: &Document,
    block: &Block,
    index: usize,
    width: usize,
    theme: &Theme,
    links: bool,
    lines: &mut Vec<ReaderLine>,
) {
    let text = doc.text_of(block);
    let marks = doc.marks_of(block);
    let (lead, lead_w) = prefix(block.quote_depth, block.list_depth, theme);
    let room = width.saturating_sub(lead_w).max(1);
    let base = if block.quote_depth > 0 {
        theme.quote
    } else {
        theme.text
    };
    let emit = |lines: &mut Vec<ReaderLine>,
                first: &[Span<'static>],
                rest: &[Span<'static>],
                wrapped: Vec<Wrapped>| {
        for (n, w) in wrapped.into_iter().enumerate() {
            let head = if n == 0 { first } else { rest };
            let mut spans = lead.clone();
            spans.extend_from_slice(head);
            let mut text: String = spans.iter().map(|s| s.content.as_ref()).collect();
            text.push_str(&w.text);
            spans.extend(w.spans);
            lines.push(ReaderLine {
                spans,
                text,
                block: index,
            });
        }
    };
    match &block.kind {
        BlockKind::Heading { level } => {
            let style = theme.heading(*level);
            let segments = styled_segments(text, marks, style, theme);
            let refs: Vec<(&str, Style)> =
                segments.iter().map(|(s, st)| (s.as_str(), *st)).collect();
            let marker = Span::styled(format!("{} ", "#".repeat(*level as usize)), theme.dim);
            let marker_w = *level as usize + 1;
            let pad = Span::raw(" ".repeat(marker_w));
            emit(
                lines,
                &[marker],
                &[pad],
                wrap::wrap(&refs, room.saturating_sub(marker_w).max(1)),
            );
        }
        BlockKind::Paragraph | BlockKind::Html => {
            let style = if matches!(block.kind, BlockKind::Html) {
                theme.dim
            } else {
                base
            };
            let segments = styled_segments(text, marks, style, theme);
            let refs: Vec<(&str, Style)> =
                segments.iter().map(|(s, st)| (s.as_str(), *st)).collect();
            emit(lines, &[], &[], wrap::wrap(&refs, room));
        }
        BlockKind::Item { marker } => {
            let mw = wrap::width(marker) + 1;
            let segments = styled_segments(text, marks, base, theme);
            let refs: Vec<(&str, Style)> =
                segments.iter().map(|(s, st)| (s.as_str(), *st)).collect();
            let first = Span::styled(format!("{marker} "), theme.accent);
            let pad = Span::raw(" ".repeat(mw));
            emit(
                lines,
                &[first],
                &[pad],
                wrap::wrap(&refs, room.saturating_sub(mw).max(1)),
            );
        }
        BlockKind::Attribution => {
            let style = theme.quote.add_modifier(Modifier::ITALIC);
            let text = format!("— {text}");
            emit(lines, &[], &[], wrap::wrap(&[(&text, style)], room));
        }
        BlockKind::Code { language } => {
            if !language.is_empty() {
                emit(
                    lines,
                    &[],
                    &[],
                    vec![Wrapped {
                        spans: vec![Span::styled(language.clone(), theme.dim)],
                        text: language.clone(),
                        width: 0,
                    }],
                );
            }
            let pad = Span::raw("  ");
            for line in text.split('\n') {
                emit(
                    lines,
                    std::slice::from_ref(&pad),
                    std::slice::from_ref(&pad),
                    wrap::wrap(&[(line, theme.code)], room.saturating_sub(2).max(1)),
                );
            }
        }
        BlockKind::Rule => {
            let rule = "─".repeat(room.min(60));
            emit(
                lines,
                &[],
                &[],
                vec![Wrapped {
                    spans: vec![Span::styled(rule.clone(), theme.dim)],
                    text: rule,
                    width: 0,
                }],
            );
        }
        BlockKind::Table { rows, header_rows } => {
            draw_table(rows, *header_rows, room, theme, &mut |first, wrapped| {
                emit(lines, first, &[], wrapped)
            })
        }
    }
    if links {
        for m in marks {
            if let Some(n) = m.style.link() {
                if let Some(url) = doc.links.get(n - 1) {
                    let text = format!("[{n}] {url}");
                    emit(lines, &[], &[], wrap::wrap(&[(&text, theme.dim)], room));
                }
            }
        }
    }
}

fn draw_table(
    rows: &[Vec<String>],
    header_rows: usize,
    room: usize,
    theme: &Theme,
    emit: &mut dyn FnMut(&[Span<'static>], Vec<Wrapped>),
) {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut widths = vec![0usize; columns];
    for row in rows {
        for (c, cell) in row.iter().enumerate() {
            widths[c] = widths[c].max(wrap::width(cell));
        }
    }
    let total: usize = widths.iter().sum::<usize>() + columns.saturating_sub(1) * 3;
    if total > room {
        // Too wide to align: each row as wrapped text.
        for (r, row) in rows.iter().enumerate() {
            let style = if r < header_rows {
                theme.strong
            } else {
                theme.text
            };
            let text = row.join(" │ ");
            emit(&[], wrap::wrap(&[(&text, style)], room));
        }
        return;
    }
    for (r, row) in rows.iter().enumerate() {
        let style = if r < header_rows {
            theme.strong
        } else {
            theme.text
        };
        let mut spans = Vec::new();
        let mut text = String::new();
        for (c, width) in widths.iter().enumerate() {
            let cell = row.get(c).map_or("", String::as_str);
            let padded = format!("{cell}{}", " ".repeat(width - wrap::width(cell)));
            if c > 0 {
                spans.push(Span::styled(" │ ", theme.dim));
                text.push_str(" │ ");
            }
            text.push_str(&padded);
            spans.push(Span::styled(padded, style));
        }
        emit(
            &[],
            vec![Wrapped {
                spans,
                text,
                width: total,
            }],
        );
        if r + 1 == header_rows {
            let rule: Vec<String> = widths.iter().map(|w| "─".repeat(*w)).collect();
            let rule = rule.join("─┼─");
            emit(
                &[],
                vec![Wrapped {
                    spans: vec![Span::styled(rule.clone(), theme.dim)],
                    text: rule,
                    width: total,
                }],
            );
        }
    }
}

/// A block's text cut into runs of one style each (marks may nest), with `[n]` after links.
fn styled_segments(text: &str, marks: &[Mark], base: Style, theme: &Theme) -> Vec<(String, Style)> {
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
        let mut style = base;
        let mut link_end = None;
        for m in marks {
            if m.range.start <= from && to <= m.range.end {
                style = style.patch(match m.style {
                    Inline::Emphasis => theme.emphasis,
                    Inline::Strong => theme.strong,
                    Inline::Code => theme.code,
                    Inline::Strike => theme.strike,
                    Inline::Link(_) | Inline::Image(_) => theme.link,
                });
                if let Some(n) = m.style.link() {
                    if m.range.end == to {
                        link_end = Some(n);
                    }
                }
            }
        }
        out.push((piece.to_string(), style));
        if let Some(n) = link_end {
            out.push((format!("[{n}]"), theme.dim));
        }
    }
    out
}
