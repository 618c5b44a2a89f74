//! The People view: the filter box, and a table of every speaker with their quotes, the
//! dates they span and the documents they appear in.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::theme::Theme;
use super::{Drawn, put_line, put_row, table_first_row};
use crate::app::{App, Target};
use crate::people::Person;
use crate::wrap;

const QUOTES_W: usize = 7;
const DATE_W: usize = 12;

/// The name column's width in a table `width` cells wide; the documents take the rest.
fn name_width(width: usize) -> usize {
    (width / 4).clamp(12, 28)
}

/// One table row: name, quotes, first and last date, documents, in columns.
fn row_text(name: &str, quotes: &str, first: &str, last: &str, docs: &str, width: usize) -> String {
    let name_w = name_width(width);
    let name = wrap::truncate(name, name_w.saturating_sub(2));
    let mut out = format!(" {name}");
    out.push_str(&" ".repeat(name_w.saturating_sub(wrap::width(&out))));
    out.push_str(&format!("{quotes:>w$}  ", w = QUOTES_W - 1));
    out.push_str(&format!("{first:<DATE_W$}{last:<DATE_W$}"));
    let rest = width.saturating_sub(wrap::width(&out));
    out.push_str(&wrap::truncate(docs, rest));
    out
}

/// What the documents column says of `person`: the title of their only document, or how
/// many documents and the first titles.
fn documents(app: &App, person: &Person) -> String {
    let titles = || {
        person
            .documents
            .iter()
            .take(3)
            .filter_map(|&d| app.docs.get(d))
            .map(|d| d.title())
            .collect::<Vec<_>>()
            .join(", ")
    };
    match person.documents.len() {
        1 => titles(),
        n => format!("{n} · {}", titles()),
    }
}

/// The first row of people drawn.
fn first_row(app: &App) -> usize {
    table_first_row(app.people.selected, app.people.rows.len(), app.areas.list)
}

/// Draws the filter box, its count and the table.
pub fn draw(app: &App, t: &Theme, buf: &mut Buffer, drawn: &mut Drawn) {
    let input = app.areas.input;
    let rule_y = super::query_box(
        app,
        t,
        buf,
        drawn,
        &app.people.filter,
        app.people.typing,
        "press / to filter people",
    );
    let count = match app.people.directory.people.len() {
        1 => format!(" {} of 1 person ", app.people.rows.len()),
        n => format!(" {} of {n} people ", app.people.rows.len()),
    };
    super::count_on_rule(buf, input, rule_y, &count, t);

    let a = app.areas.list;
    if a.height == 0 {
        return;
    }
    let width = a.width as usize;
    let head = row_text("Speaker", "Quotes", "First", "Last", "Documents", width);
    put_line(
        buf,
        a.x,
        a.y,
        a.width,
        &Line::from(Span::styled(head, t.strong)),
    );
    let body = Rect::new(a.x, a.y + 1, a.width, a.height - 1);
    drawn.put(a, Target::List);
    if app.people.rows.is_empty() {
        let msg = if app.people.directory.people.is_empty() {
            " No quote names its speaker"
        } else {
            " No one by that name"
        };
        put_line(
            buf,
            body.x,
            body.y,
            body.width,
            &Line::from(Span::styled(msg, t.dim)),
        );
    }
    let first = first_row(app);
    for i in first..(first + body.height as usize).min(app.people.rows.len()) {
        let Some(person) = app.people.row(i) else {
            continue;
        };
        let date = |d: Option<crate::document::Date>| d.map_or("—".to_string(), |d| d.iso());
        let text = row_text(
            &person.name,
            &person.quotes.to_string(),
            &date(person.first),
            &date(person.last),
            &documents(app, person),
            width,
        );
        let fill = (i == app.people.selected).then_some(t.selected);
        let y = body.y + (i - first) as u16;
        drawn.put(Rect::new(body.x, y, body.width, 1), Target::Row(i));
        put_row(buf, body, y, vec![Span::raw(text)], fill);
    }
}
