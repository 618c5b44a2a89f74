//! The reader: the laid-out document from the top line down, with the jump mark in the gutter
//! and the ranges the `/` search matched highlighted.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::theme::Theme;
use super::{Drawn, put_line};
use crate::app::{Anchor, App, ReaderLine, Target};
use crate::wrap;

/// Draws the visible slice of the reader's layout.
pub fn draw(app: &App, t: &Theme, buf: &mut Buffer, drawn: &mut Drawn) {
    let a = app.areas.reader;
    drawn.put(a, Target::Reader);
    let search = &app.reader.search;
    let current = search.current_line();
    for row in 0..a.height as usize {
        let index = app.reader.top + row;
        let Some(line) = app.reader.layout.line(index) else {
            break;
        };
        let y = a.y + row as u16;
        if (app.reader.marked.as_ref()).is_some_and(|m| m.contains(&index)) {
            buf.set_string(a.x, y, "▌", t.marked);
        }
        let hit = if current == Some(index) {
            t.search_hit
        } else {
            t.matched
        };
        let spans = highlighted(&line, t, search.ranges_on(index), hit);
        let (x, width) = (a.x + 2, a.width.saturating_sub(2));
        put_line(buf, x, y, width, &Line::from(spans));
        note_links(&line, x, y, width, drawn);
    }
}

/// Notes where `line`'s links are on screen (as drawn at `x`, clipped to `width` cells):
/// the terminal layer makes hyperlinks of them.
fn note_links(line: &ReaderLine, x: u16, y: u16, width: u16, drawn: &mut Drawn) {
    let mut at = 0usize;
    for (range, look) in line.pieces() {
        let w = line.text.get(range).map_or(0, wrap::width);
        if let Anchor::Link(n) = look.anchor {
            let end = (at + w).min(width as usize);
            if end > at {
                let area = ratatui::layout::Rect::new(x + at as u16, y, (end - at) as u16, 1);
                // A link cut across runs (a bold word in it) is one piece of screen.
                match drawn.links.last_mut() {
                    Some((last, m))
                        if *m == n as usize && last.y == y && last.right() == area.x =>
                    {
                        last.width += area.width
                    }
                    _ => drawn.links.push((area, n as usize)),
                }
            }
        }
        at += w;
    }
}

/// `line`'s runs styled by the theme, with the `hits` ranges restyled `hit`.
fn highlighted<'a>(
    line: &ReaderLine<'a>,
    t: &Theme,
    hits: &[Range<usize>],
    hit: Style,
) -> Vec<Span<'a>> {
    if hits.is_empty() {
        // Most lines on most frames: each run as one span, nothing to cut.
        return (line.pieces())
            .map(|(range, look)| Span::styled(&line.text[range], t.look(look)))
            .collect();
    }
    let mut out = Vec::new();
    for (range, look) in line.pieces() {
        let style = t.look(look);
        let mut cuts = vec![range.start, range.end];
        for h in hits {
            for c in [h.start, h.end] {
                if c > range.start && c < range.end {
                    cuts.push(c);
                }
            }
        }
        cuts.sort_unstable();
        cuts.dedup();
        for pair in cuts.windows(2) {
            let (p0, p1) = (pair[0], pair[1]);
            let Some(piece) = line.text.get(p0..p1) else {
                continue;
            };
            let inside = hits.iter().any(|h| h.start <= p0 && p1 <= h.end);
            out.push(Span::styled(
                piece,
                if inside { style.patch(hit) } else { style },
            ));
        }
    }
    out
}
