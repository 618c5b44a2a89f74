//! The timeline: events in date order under their years, each with its date as a person
//! writes it, its title and its section; beside or below, the selected event's paragraph.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::theme::Theme;
use super::{Drawn, put_line, put_row, scroll_offset};
use crate::app::{App, Target, TimelineLine};
use crate::document::{BlockKind, Date};
use crate::wrap;

/// A date as a person writes it in a list, months abbreviated: `May 14, 2024`,
/// `Nov 17, 2023`, `Nov 2023`, `2021`.
pub fn short_date(date: &Date) -> String {
    let human = date.human();
    match (date.day, human.split_once(' ')) {
        (Some(_), Some((month, rest))) => format!("{} {rest}", month.get(..3).unwrap_or(month)),
        _ => human,
    }
}

/// The first line of the list on screen: the selected event's line kept in view.
fn first_line(app: &App) -> usize {
    let selected = app
        .timeline
        .line_of
        .get(app.timeline.selected)
        .copied()
        .unwrap_or(0);
    scroll_offset(
        selected,
        app.timeline.lines.len(),
        app.areas.list.height as usize,
    )
}

/// Draws the timeline list and the context pane.
pub fn draw(app: &App, t: &Theme, buf: &mut Buffer, drawn: &mut Drawn) {
    let a = app.areas.list;
    drawn.put(a, Target::List);
    let mut y = a.y;
    let mut list = a;
    if app.timeline.typing || !app.timeline.filter.is_empty() {
        let mut spans = vec![Span::styled(" filter: ", t.accent)];
        spans.extend(super::text_box(
            app,
            t,
            &app.timeline.filter,
            app.timeline.typing,
            a.width.saturating_sub(9),
        ));
        put_line(buf, a.x, y, a.width, &Line::from(spans));
        y += 1;
        list = Rect::new(a.x, y, a.width, a.height.saturating_sub(1));
    }
    if app.timeline.row_count() == 0 {
        let msg = if app.docs.iter().all(|d| d.timeline.is_empty()) {
            " No dated events in this document"
        } else {
            " No event matches the filter"
        };
        put_line(
            buf,
            list.x,
            list.y,
            list.width,
            &Line::from(Span::styled(msg, t.dim)),
        );
    }
    let first = first_line(app);
    for (i, row) in app
        .timeline
        .lines
        .iter()
        .enumerate()
        .skip(first)
        .take(list.height as usize)
    {
        let y = list.y + (i - first) as u16;
        match *row {
            TimelineLine::Year(year) => put_row(
                buf,
                list,
                y,
                vec![Span::styled(format!(" {year}"), t.heading(2))],
                None,
            ),
            TimelineLine::Event(r) => {
                let Some((d, e)) = app.timeline.row(r) else {
                    continue;
                };
                let doc = &app.docs[d];
                let e = &doc.timeline[e];
                let date = format!("  {:<13}", short_date(&e.date));
                let section = if app.docs.len() > 1 {
                    doc.title()
                } else {
                    e.section
                        .and_then(|s| doc.sections.get(s))
                        .map_or(String::new(), |s| s.title.to_string())
                };
                let room = (list.width as usize).saturating_sub(16);
                let section_room = if room > 40 { (room / 4).min(30) } else { 0 };
                let title_room =
                    room.saturating_sub(section_room + usize::from(section_room > 0) * 3);
                let title = wrap::truncate(&e.title, title_room);
                let pad = " ".repeat(title_room.saturating_sub(wrap::width(&title)));
                let mut spans = vec![
                    Span::styled(date, t.accent),
                    Span::raw(title),
                    Span::raw(pad),
                ];
                if section_room > 0 {
                    spans.push(Span::styled(
                        format!(" · {}", wrap::truncate(&section, section_room)),
                        t.dim,
                    ));
                }
                let fill = (r == app.timeline.selected).then_some(t.selected);
                drawn.put(Rect::new(list.x, y, list.width, 1), Target::Row(r));
                put_row(buf, list, y, spans, fill);
            }
        }
    }
    draw_detail(app, t, buf);
}

fn draw_detail(app: &App, t: &Theme, buf: &mut Buffer) {
    let a = app.areas.detail;
    if a.width == 0 || a.height == 0 {
        return;
    }
    super::frame::border(buf, a, t);
    let Some(e) = app.timeline.row(app.timeline.selected) else {
        return;
    };
    let doc = &app.docs[e.0];
    let e = &doc.timeline[e.1];
    let inner = crate::app::layout::inside(a);
    let mut lines: Vec<Line> = Vec::new();
    lines.push(Line::from(Span::styled(e.date.human(), t.accent)));
    let mut path: Vec<String> = Vec::new();
    if app.docs.len() > 1 {
        path.push(doc.title());
    }
    if let Some(s) = e.section {
        path.extend(
            doc.section_path(s)
                .iter()
                .map(|&i| doc.sections[i].title.to_string()),
        );
    }
    for w in wrap::wrap(&[(&path.join(" › "), t.dim)], inner.width as usize) {
        lines.push(Line::from(super::spans(&w)));
    }
    lines.push(Line::from(Span::styled(format!("line {}", e.line), t.dim)));
    lines.push(Line::default());
    // The paragraph that holds the date; under a dated heading, the paragraph below it.
    let mut block = crate::app::reader::block_for_source(doc, e.line);
    while doc
        .blocks
        .get(block)
        .is_some_and(|b| matches!(b.kind, BlockKind::Heading { .. }))
    {
        block += 1;
    }
    let context = doc
        .blocks
        .get(block)
        .filter(|b| b.section() == e.section)
        .map_or(e.title.as_str(), |b| doc.text_of(b));
    for w in wrap::wrap(&[(context, t.text)], inner.width as usize) {
        lines.push(Line::from(super::spans(&w)));
    }
    for (i, line) in lines.iter().take(inner.height as usize).enumerate() {
        put_line(buf, inner.x, inner.y + i as u16, inner.width, line);
    }
}
