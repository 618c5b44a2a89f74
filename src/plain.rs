//! The document as readable plain text, for when stdout is not a terminal
//! (`dossier | less`, `dossier > notes.txt`), as bat and glow do.

use std::fmt::Write;

use crate::document::{BlockKind, Document, front_matter};

/// The whole document as plain text: the front matter as `key: value` lines, then the body
/// with headings marked by `#`, list bullets, `│` before quoted lines and link targets listed
/// at the end. Every string is already sanitized by the model.
pub fn render(doc: &Document) -> String {
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
        let text = with_link_numbers(raw, doc.marks_of(block));
        match &block.kind {
            BlockKind::Heading { level } => {
                let _ = writeln!(out, "{quote}{} {}", "#".repeat(*level as usize), text);
            }
            BlockKind::Item { marker } => {
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
                for line in raw.lines() {
                    let _ = writeln!(out, "{quote}{indent}    {line}");
                }
            }
            BlockKind::Table { .. } => {
                for line in raw.lines() {
                    let _ = writeln!(out, "{quote}{indent}{line}");
                }
            }
            BlockKind::Rule => out.push_str("----------------------------------------\n"),
            BlockKind::Attribution => {
                let _ = writeln!(out, "{quote}— {raw}");
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

/// `text` with `[n]` after each link's text.
pub fn with_link_numbers(text: &str, marks: &[crate::document::Mark]) -> String {
    let mut ends: Vec<(usize, usize)> = marks
        .iter()
        .filter_map(|m| m.style.link().map(|n| (m.range.end, n)))
        .collect();
    if ends.is_empty() {
        return text.to_string();
    }
    ends.sort();
    let mut out = String::with_capacity(text.len() + 8 * ends.len());
    let mut at = 0;
    for (end, n) in ends {
        if end < at || end > text.len() || !text.is_char_boundary(end) {
            continue;
        }
        out.push_str(&text[at..end]);
        let _ = write!(out, "[{n}]");
        at = end;
    }
    out.push_str(&text[at..]);
    out
}
