//! The header (title, author, year and the view tabs) and the footer (the keys that matter
//! here, and where you are).

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::text::{Line, Span};

use super::{put_line, wrap};
use crate::app::{App, Context, View};

/// The tabs with the header columns each occupies.
pub fn tabs(app: &App) -> Vec<(View, Range<u16>)> {
    let labels: Vec<(View, String)> = app.views().iter().map(|&v| (v, tab_label(v))).collect();
    let total: u16 = labels.iter().map(|(_, l)| wrap::width(l) as u16 + 1).sum();
    let a = app.areas.header;
    let mut x = a.right().saturating_sub(total);
    labels
        .into_iter()
        .map(|(v, l)| {
            let w = wrap::width(&l) as u16;
            let r = x..x + w;
            x += w + 1;
            (v, r)
        })
        .collect()
}

fn tab_label(view: View) -> String {
    format!(" {} {} ", view.number(), view.label())
}

/// Draws the header row.
pub fn header(app: &App, buf: &mut Buffer) {
    let a = app.areas.header;
    let t = &app.theme;
    let tabs_start = tabs(app).first().map_or(a.right(), |(_, r)| r.start);
    let mut title = app.doc().title();
    if app.library.folder && (app.view != View::Sections || app.docs.is_empty()) {
        title = format!(
            "Library {}",
            crate::document::sanitize::clean(&app.library.root)
        );
    }
    let by: Vec<String> = if app.library.folder && app.view != View::Sections {
        vec![super::counted(app.docs.len(), "document")]
    } else {
        [app.doc().field("author"), app.doc().field("year")]
            .into_iter()
            .flatten()
            .collect()
    };
    if !by.is_empty() {
        title = format!("{title} — {}", by.join(", "));
    }
    let room = tabs_start.saturating_sub(a.x + 2) as usize;
    put_line(
        buf,
        a.x,
        a.y,
        room as u16 + 1,
        &Line::from(Span::styled(
            format!(" {}", wrap::truncate(&title, room.saturating_sub(1))),
            t.title,
        )),
    );
    for (view, range) in tabs(app) {
        let style = if view == app.view {
            t.tab_active
        } else {
            t.tab
        };
        buf.set_string(range.start, a.y, tab_label(view), style);
    }
}

/// Draws the footer row: a message or the search prompt, the main keys, and the position.
pub fn footer(app: &App, buf: &mut Buffer) {
    let a = app.areas.footer;
    let t = &app.theme;
    let position = position(app);
    let pos_w = wrap::width(&position) as u16;
    let left_w = a.width.saturating_sub(pos_w + 1);
    let left: Line = if app.view == View::Sections && app.reader.search.typing {
        let mut spans = vec![Span::styled("/", t.accent)];
        spans.extend(super::text_box(app, &app.reader.search.query, true));
        Line::from(spans)
    } else if let Some(msg) = &app.message {
        Line::from(Span::styled(format!(" {msg}"), t.accent))
    } else {
        let keys = match app.context() {
            Context::Outline => "j/k move  h/l fold  Tab reader  / search  ? help  q quit",
            Context::Reader => "j/k scroll  [ ] section  / search  n/N match  Tab outline  ? help",
            Context::Timeline => "j/k move  Enter show in reader  / filter  ? help  q quit",
            Context::Quotes => "j/k move  Enter show  y copy  / type  ? help  q quit",
            Context::Library => "j/k move  Enter open  s sort  p problems  ? help  q quit",
            Context::People => "j/k move  Enter quotes  t events  / filter  ? help  q quit",
            Context::Typing if app.view == View::Quotes => {
                "type to search  ↑/↓ move  Enter show  Esc clear  Ctrl-c quit"
            }
            Context::Typing if app.view == View::People => {
                "type to filter  ↑/↓ move  Enter quotes  Ctrl-t events  Esc clear"
            }
            _ => "type to filter  Enter done  Esc clear",
        };
        Line::from(Span::styled(format!(" {keys}"), t.dim))
    };
    put_line(buf, a.x, a.y, left_w, &left);
    buf.set_string(a.right().saturating_sub(pos_w), a.y, position, t.dim);
}

fn position(app: &App) -> String {
    match app.view {
        View::Sections => {
            let n = app.doc().sections.len();
            let at = app.outline.selected.map_or(0, |s| s + 1);
            format!("section {at}/{n}  {}% ", app.percent())
        }
        View::Library => {
            let n = app.library.rows.len();
            let at = if n == 0 { 0 } else { app.library.selected + 1 };
            format!("document {at}/{n} ")
        }
        View::Timeline => {
            let n = app.timeline.row_count();
            let at = if n == 0 { 0 } else { app.timeline.selected + 1 };
            format!("event {at}/{n} ")
        }
        View::Quotes => {
            let n = app.quotes.hits.len();
            let at = if n == 0 { 0 } else { app.quotes.selected + 1 };
            format!("result {at}/{n} ")
        }
        View::People => {
            let n = app.people.rows.len();
            let at = if n == 0 { 0 } else { app.people.selected + 1 };
            format!("person {at}/{n} ")
        }
    }
}
