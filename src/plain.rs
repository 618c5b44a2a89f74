//! The document as readable plain text, for when stdout is not a terminal
//! (`dossier | less`, `dossier > notes.txt`), as bat and glow do.
//!
//! Tables, footnote marks, attributions and code captions are the reader's own (see
//! [`crate::app::reader`]), so the two cannot drift apart.

use std::fmt::Write;

use crate::app::reader::{self, DEFAULT_MEASURE, Footnotes};
use crate::document::{BlockKind, Document, Inline, Mark, front_matter};

/// [`render_with`] at the default reading width.
pub fn render(doc: &Document) -> String {
    render_with(doc, DEFAULT_MEASURE)
}

/// The whole document as plain text: the front matter as `key: value` lines, then the body
/// with headings marked by `#`, list bullets, `│` before quoted lines, tables as grids at
/// most `width` columns wide, footnote references and notes numbered in superscript, and
/// link targets listed at the end. Every string is already sanitized by the model.
pub fn render_with(doc: &Document, width: u16) -> String {
    let notes = Footnotes::of(doc);
    let mut out = String::new();
    for (key, value) in &doc.meta {
        let _ = writeln!(out, "{key}: {}", front_matter::display_value(value));
    }
    if !doc.meta.is_empty() {
        out.push('\n');
    }
    for (i, block) in doc.blocks.iter().enumerate() {
        let quote = "│ ".repeat(block.quote_depth.min(8) as usize);
        let indent = "  ".repeat(block.list_depth.saturating_sub(1).min(8) as usize);
        let raw = doc.text_of(block);
        let text = shown(raw, doc.marks_of(block), &notes);
        let room = (width as usize).saturating_sub(quote.chars().count() + indent.len());
        match &block.kind {
            BlockKind::Heading { level } => {
                let _ = writeln!(out, "{quote}{} {}", "#".repeat(*level as usize), text);
            }
            BlockKind::Item { .. } => {
                let marker = match reader::note_label(doc, block).and_then(|l| notes.get(l)) {
                    Some(n) => reader::superscript(n),
                    None => doc.marker(block).to_string(),
                };
                let pad = " ".repeat(marker.chars().count() + 1);
                for (i, line) in text.lines().enumerate() {
                    let lead = if i == 0 {
                        format!("{marker} ")
                    } else {
                        pad.clone()
                    };
                    let _ = writeln!(out, "{quote}{indent}{lead}{line}");
                }
                // A list's items run together; its end is a paragraph break, as on screen.
                let next = doc.blocks.get(i + 1).map(|b| &b.kind);
                if !matches!(next, Some(BlockKind::Item { .. })) {
                    out.push('\n');
                }
                continue;
            }
            BlockKind::Code { .. } => {
                let language = doc.language(block);
                if !language.is_empty() {
                    let code_w = raw.lines().map(crate::wrap::width).max().unwrap_or(0);
                    let caption = reader::caption(language, code_w, room.saturating_sub(2));
                    let _ = writeln!(out, "{quote}{indent}  {}", caption.text);
                }
                for line in raw.lines() {
                    let _ = writeln!(out, "{quote}{indent}    {line}");
                }
            }
            BlockKind::Table { .. } => {
                let grid = doc.table(block).into_iter();
                for t in grid {
                    for line in reader::table(&t.rows, t.header_rows, &t.aligns, room) {
                        let _ = writeln!(out, "{quote}{indent}{}", line.text);
                    }
                }
            }
            BlockKind::Rule => out.push_str("----------------------------------------\n"),
            BlockKind::Attribution => {
                let _ = writeln!(out, "{quote}    — {raw}");
            }
            BlockKind::Paragraph if block.quote_depth > 0 => {
                let (said, by) = match reader::attribution_only(&text) {
                    Some(name) => ("", Some(name)),
                    None => match reader::attribution_start(&text) {
                        Some(at) => {
                            let dash = text[at..].trim_start();
                            (&text[..at], dash.split_once(' ').map(|(_, n)| n.trim()))
                        }
                        None => (&text[..], None),
                    },
                };
                for line in said.lines() {
                    let _ = writeln!(out, "{quote}{indent}{line}");
                }
                if let Some(name) = by {
                    let _ = writeln!(out, "{quote}    — {name}");
                }
            }
            // HTML is shown as the app shows it: its text as a paragraph, not as code.
            BlockKind::Paragraph | BlockKind::Html => {
                for line in text.lines() {
                    let _ = writeln!(out, "{quote}{indent}{line}");
                }
            }
        }
        // A quote's speaker line stays with its quote.
        if !doc
            .blocks
            .get(i + 1)
            .is_some_and(|b| matches!(b.kind, BlockKind::Attribution))
        {
            out.push('\n');
        }
    }
    if !doc.links.is_empty() {
        out.push_str("Links\n");
        for (i, url) in doc.links.iter().enumerate() {
            let _ = writeln!(out, "[{}] {url}", i + 1);
        }
    }
    out
}

/// `text` with `[n]` after each link's text, and each footnote reference as its number in
/// superscript.
pub fn shown(text: &str, marks: &[Mark], notes: &Footnotes) -> String {
    // Each edit: where, how much of the text it replaces, and with what.
    let mut edits: Vec<(usize, usize, String)> = Vec::new();
    for m in marks {
        match m.style {
            Inline::Footnote => {
                let number = (text.get(m.range.clone()))
                    .and_then(reader::reference_label)
                    .and_then(|l| notes.get(l));
                if let Some(n) = number {
                    edits.push((m.range.start, m.range.len(), reader::superscript(n)));
                }
            }
            _ => {
                if let Some(n) = m.style.link() {
                    edits.push((m.range.end, 0, format!("[{n}]")));
                }
            }
        }
    }
    if edits.is_empty() {
        return text.to_string();
    }
    edits.sort();
    let mut out = String::with_capacity(text.len() + 8 * edits.len());
    let mut at = 0;
    for (start, len, with) in edits {
        let end = start + len;
        if start < at || end > text.len() || !text.is_char_boundary(start) {
            continue;
        }
        if !text.is_char_boundary(end) {
            continue;
        }
        out.push_str(&text[at..start]);
        out.push_str(&with);
        at = end;
    }
    out.push_str(&text[at..]);
    out
}
