//! The Search view: the query box, how many passages hold the query, and the passages
//! best first, two rows each: the document, section and line, then a line of context with
//! the matched words highlighted.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::theme::Theme;
use super::{Drawn, put_line, put_row, scroll_offset};
use crate::app::{App, PassageRow, Target, counted};

/// Rows a result takes.
const ROWS: u16 = 2;

/// Draws the box, the count and the results.
pub fn draw(app: &App, t: &Theme, buf: &mut Buffer, drawn: &mut Drawn) {
    let s = &app.search;
    let input = app.areas.input;
    let hint = if app.library.folder {
        "press / to search the text of every document"
    } else {
        "press / to search the text"
    };
    let rule_y = super::query_box(app, t, buf, drawn, &s.query, s.typing, hint);
    let count = if s.searching {
        " searching… ".to_string()
    } else if s.query.trim().is_empty() {
        String::new()
    } else {
        format!(" {} ", counted(s.hits.len(), "passage"))
    };
    super::count_on_rule(buf, input, rule_y, &count, t);

    let a = app.areas.list;
    if a.height == 0 {
        return;
    }
    drawn.put(a, Target::List);
    if s.hits.is_empty() && !s.query.trim().is_empty() && !s.searching {
        let msg = Line::from(Span::styled(" No passage holds that", t.dim));
        put_line(buf, a.x, a.y, a.width, &msg);
    }
    let shown = (a.height / ROWS) as usize;
    let first = scroll_offset(s.selected, s.hits.len(), shown);
    for i in first..(first + shown).min(s.hits.len()) {
        let Some(row) = s.row(i) else { continue };
        let y = a.y + (i - first) as u16 * ROWS;
        let area = Rect::new(a.x, y, a.width, ROWS);
        drawn.put(area, Target::Row(i));
        let selected = i == s.selected;
        let fill = selected.then_some(t.selected);
        put_row(buf, area, y, place(row, app.library.folder, t), fill);
        put_row(buf, area, y + 1, context(row, t), fill);
    }
}

/// ` line 12  Title · Section` (the title in a library only: one document needs no name).
fn place<'a>(row: &'a PassageRow, library: bool, t: &Theme) -> Vec<Span<'a>> {
    let mut spans = vec![Span::styled(format!(" line {:<5} ", row.line), t.dim)];
    if library {
        spans.push(Span::styled(row.title.as_str(), t.strong));
        if !row.section.is_empty() {
            spans.push(Span::styled(" · ", t.dim));
        }
    }
    spans.push(Span::raw(row.section.as_str()));
    spans
}

/// The context line, its matches highlighted.
fn context<'a>(row: &'a PassageRow, t: &Theme) -> Vec<Span<'a>> {
    let text = row.context.as_str();
    let mut spans = vec![Span::raw("   ")];
    let mut at = 0;
    for r in &row.ranges {
        let (Some(before), Some(hit)) = (text.get(at..r.start), text.get(r.clone())) else {
            continue;
        };
        spans.push(Span::styled(before, t.text));
        spans.push(Span::styled(hit, t.search_hit));
        at = r.end;
    }
    spans.push(Span::styled(text.get(at..).unwrap_or_default(), t.text));
    spans
}
