//! The Marks view: every mark, oldest first, two rows each: its kind, document, section and
//! line (or that it can no longer be found), then the text marked and the note.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::theme::Theme;
use super::{Drawn, put_line, put_row, scroll_offset};
use crate::app::{App, MarkRow, Target};

/// Rows a mark takes.
const ROWS: u16 = 2;

/// Draws the list of marks.
pub fn draw(app: &App, t: &Theme, buf: &mut Buffer, drawn: &mut Drawn) {
    let m = &app.marks;
    let a = app.areas.list;
    if a.height == 0 {
        return;
    }
    drawn.put(a, Target::List);
    if m.rows.is_empty() {
        let text = if m.listed {
            " No marks yet: press m on a quote, an event, a section or a passage"
        } else {
            " Reading the marks…"
        };
        put_line(
            buf,
            a.x,
            a.y,
            a.width,
            &Line::from(Span::styled(text, t.dim)),
        );
        return;
    }
    let shown = (a.height / ROWS) as usize;
    let first = scroll_offset(m.selected, m.rows.len(), shown);
    for (i, row) in m.rows.iter().enumerate().skip(first).take(shown) {
        let y = a.y + (i - first) as u16 * ROWS;
        let area = Rect::new(a.x, y, a.width, ROWS);
        drawn.put(area, Target::Row(i));
        let fill = (i == m.selected).then_some(t.selected);
        put_row(buf, area, y, place(row, t), fill);
        put_row(buf, area, y + 1, text(row, t), fill);
    }
}

/// ` quote    line 12     Title · Section`, or `not found` where the line would be.
fn place<'a>(row: &'a MarkRow, t: &Theme) -> Vec<Span<'a>> {
    let mark = &row.mark;
    let mut spans = vec![Span::styled(format!(" {:<8}", mark.kind.name()), t.accent)];
    if row.lost() {
        spans.push(Span::styled(
            format!("not found (was line {}) ", mark.line),
            t.warning,
        ));
    } else {
        spans.push(Span::styled(format!("line {:<6}", row.line()), t.dim));
    }
    spans.push(Span::styled(mark.title.as_str(), t.strong));
    if let Some(section) = &mark.section {
        spans.push(Span::styled(" · ", t.dim));
        spans.push(Span::raw(section.as_str()));
    }
    spans
}

/// The text marked, on one line, and the note after it.
fn text<'a>(row: &'a MarkRow, t: &Theme) -> Vec<Span<'a>> {
    let mark = &row.mark;
    let mut spans = vec![Span::raw("   ")];
    if !mark.note.is_empty() {
        spans.push(Span::styled(format!("✎ {}  ", mark.note), t.note));
    }
    let first_line = mark.anchor.lines().next().unwrap_or_default();
    spans.push(Span::styled(first_line, t.text));
    spans
}
