//! Popups drawn over the view: the key help (from the same key table the app reads, so it
//! cannot lie) and the front matter.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Widget};

use super::{counted, put_line, wrap};
use crate::app::action::{Action, BINDINGS, Context, View};
use crate::app::{App, Overlay};

/// A bordered box over `area`.
pub fn border(buf: &mut Buffer, area: Rect, app: &App) {
    Block::default()
        .borders(Borders::ALL)
        .border_style(app.theme.border)
        .render(area, buf);
}

/// The inside of a box drawn by [`border`], with a cell of padding left and right.
pub fn inside(area: Rect) -> Rect {
    Rect::new(
        area.x + 2,
        area.y + 1,
        area.width.saturating_sub(4),
        area.height.saturating_sub(2),
    )
}

/// Where a popup of `lines` rows goes on `screen`.
fn popup_area(screen: Rect, lines: usize) -> Rect {
    let s = screen;
    let width = s.width.saturating_sub(4).min(84);
    let height = s
        .height
        .saturating_sub(2)
        .min(lines.min(u16::MAX as usize - 2) as u16 + 2);
    Rect::new(
        s.x + (s.width - width) / 2,
        s.y + (s.height - height) / 2,
        width,
        height,
    )
}

/// How far the open popup scrolls, and the rows a page moves: the app keeps its scroll
/// within what is drawn, so a key back up moves at once.
pub fn scroll_room(app: &App) -> (usize, usize) {
    let lines = match app.overlay {
        Some(Overlay::Help) => help_lines(app).len(),
        Some(Overlay::Info) => info_lines(app).len(),
        None => return (0, 1),
    };
    let shown = inside(popup_area(app.areas.screen, lines)).height as usize;
    (lines.saturating_sub(shown), shown.saturating_sub(1).max(1))
}

fn popup(app: &App, buf: &mut Buffer, title: &str, lines: &[Line<'_>]) {
    let area = popup_area(app.areas.screen, lines.len());
    Clear.render(area, buf);
    Block::default()
        .borders(Borders::ALL)
        .border_style(app.theme.border_focused)
        .title(Span::styled(format!(" {title} "), app.theme.title))
        .title_bottom(Span::styled(" Esc close  j/k g/G scroll ", app.theme.dim))
        .render(area, buf);
    let inner = inside(area);
    let max_scroll = lines.len().saturating_sub(inner.height as usize);
    let scroll = app.overlay_scroll.min(max_scroll);
    for (i, line) in lines
        .iter()
        .skip(scroll)
        .take(inner.height as usize)
        .enumerate()
    {
        put_line(buf, inner.x, inner.y + i as u16, inner.width, line);
    }
}

/// Draws the key help.
pub fn draw_help(app: &App, buf: &mut Buffer) {
    popup(app, buf, "Keys", &help_lines(app));
}

/// The key help's rows, from the key table.
fn help_lines(app: &App) -> Vec<Line<'static>> {
    let t = &app.theme;
    let mut lines: Vec<Line> = Vec::new();
    let order = [
        Context::Global,
        Context::Library,
        Context::Outline,
        Context::Reader,
        Context::Timeline,
        Context::Quotes,
        Context::People,
        Context::Typing,
    ];
    for context in order {
        let rows: Vec<_> = BINDINGS
            .iter()
            .filter(|b| {
                b.context == context || (context == Context::Global && b.context == Context::Always)
            })
            // Library keys only mean something when a folder is open.
            .filter(|b| {
                app.library.folder
                    || !(b.context == Context::Library || b.action == Action::Show(View::Library))
            })
            .collect();
        if rows.is_empty() {
            continue;
        }
        if !lines.is_empty() {
            lines.push(Line::default());
        }
        lines.push(Line::from(Span::styled(context.title(), t.heading(2))));
        for b in rows {
            lines.push(Line::from(vec![
                Span::styled(format!("  {:<14}", b.label), t.accent),
                Span::raw(b.help),
            ]));
        }
    }
    lines
}

/// Draws the front matter: every field, values wrapped in full (the source URL whole).
pub fn draw_info(app: &App, buf: &mut Buffer) {
    popup(app, buf, "Front matter", &info_lines(app));
}

/// The front matter popup's rows.
fn info_lines(app: &App) -> Vec<Line<'static>> {
    let t = &app.theme;
    let s = app.areas.screen;
    let room = (s.width.saturating_sub(4).min(84) as usize).saturating_sub(4);
    let rows = app.meta_rows();
    let key_w = rows
        .iter()
        .map(|(k, _)| wrap::width(k))
        .max()
        .unwrap_or(0)
        .min(16);
    let mut lines: Vec<Line> = Vec::new();
    if rows.is_empty() {
        lines.push(Line::from(Span::styled(
            "This document has no front matter.",
            t.dim,
        )));
    }
    for (key, value) in rows {
        let value_room = room.saturating_sub(key_w + 2).max(8);
        for (i, w) in wrap::wrap(&[(&value, t.text)], value_room)
            .into_iter()
            .enumerate()
        {
            let label = if i == 0 {
                format!("{:<key_w$}  ", wrap::truncate(&key, key_w))
            } else {
                " ".repeat(key_w + 2)
            };
            let mut spans = vec![Span::styled(label, t.accent)];
            spans.extend(w.spans);
            lines.push(Line::from(spans));
        }
    }
    lines.push(Line::default());
    lines.push(Line::from(vec![
        Span::styled(format!("{:<key_w$}  ", "file"), t.dim),
        Span::raw(app.doc().source.clone()),
    ]));
    let counts = format!(
        "{} · {} · {}",
        counted(app.doc().sections.len(), "section"),
        counted(app.doc().timeline.len(), "event"),
        counted(app.doc().quotes.len(), "quote")
    );
    lines.push(Line::from(Span::styled(counts, t.dim)));
    for w in &app.doc().warnings {
        for wl in wrap::wrap(&[(&format!("warning: {w}"), t.warning)], room) {
            lines.push(Line::from(wl.spans));
        }
    }
    lines
}
