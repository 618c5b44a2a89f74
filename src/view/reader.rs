//! The reader: the laid-out document, from the top line down, with the jump mark in the
//! gutter and search matches highlighted.

use ratatui::buffer::Buffer;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::put_line;
use crate::app::App;

/// Draws the visible slice of the reader's layout.
pub fn draw(app: &App, buf: &mut Buffer) {
    let a = app.areas.reader;
    let t = &app.theme;
    let lines = &app.reader.layout.lines;
    let query = app.reader.search.query.to_lowercase();
    let current = app
        .reader
        .search
        .matches
        .get(app.reader.search.current)
        .copied();
    for row in 0..a.height as usize {
        let index = app.reader.top + row;
        let Some(line) = lines.get(index) else { break };
        let y = a.y + row as u16;
        let marked = app
            .reader
            .marked
            .as_ref()
            .is_some_and(|m| m.contains(&index));
        if marked {
            buf.set_string(a.x, y, "▌", t.marked);
        }
        let spans = if query.is_empty() {
            line.spans.clone()
        } else {
            let style = if current == Some(index) {
                t.search_hit
            } else {
                t.matched
            };
            highlight(&line.spans, &line.text, &query, style)
        };
        put_line(
            buf,
            a.x + 2,
            y,
            a.width.saturating_sub(2),
            &Line::from(spans),
        );
    }
}

/// `spans` with every case-insensitive occurrence of `query` (lowercase) restyled.
fn highlight(spans: &[Span<'static>], text: &str, query: &str, style: Style) -> Vec<Span<'static>> {
    let lower = text.to_lowercase();
    if lower.len() != text.len() || !lower.contains(query) {
        return spans.to_vec();
    }
    let hits: Vec<(usize, usize)> = lower
        .match_indices(query)
        .map(|(i, m)| (i, i + m.len()))
        .collect();
    let mut out = Vec::new();
    let mut offset = 0;
    for span in spans {
        let content = span.content.as_ref();
        let (start, end) = (offset, offset + content.len());
        let mut cuts = vec![start, end];
        for &(h0, h1) in &hits {
            for c in [h0, h1] {
                if c > start && c < end {
                    cuts.push(c);
                }
            }
        }
        cuts.sort_unstable();
        cuts.dedup();
        for pair in cuts.windows(2) {
            let (p0, p1) = (pair[0], pair[1]);
            let Some(piece) = content.get(p0 - start..p1 - start) else {
                continue;
            };
            let hit = hits.iter().any(|&(h0, h1)| h0 <= p0 && p1 <= h1);
            let st = if hit {
                span.style.patch(style)
            } else {
                span.style
            };
            out.push(Span::styled(piece.to_string(), st));
        }
        offset = end;
    }
    out
}
