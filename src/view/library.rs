//! The library view: every document of a folder with its author, year and counts, sortable;
//! a progress gauge while the folder loads, and the files that could not be opened.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Gauge, Widget};

use super::theme::Theme;
use super::{Drawn, put_line, put_row, table_first_row};
use crate::app::{App, Target, counted};
use crate::wrap;

const COUNT_W: usize = 9;
const YEAR_W: usize = 6;

fn columns(width: usize) -> (usize, usize) {
    let fixed = YEAR_W + 3 * COUNT_W + 2;
    let rest = width.saturating_sub(fixed);
    let author = if rest > 40 { (rest / 4).min(28) } else { 0 };
    (rest.saturating_sub(author), author)
}

fn row_text(title: &str, author: &str, year: &str, counts: [String; 3], width: usize) -> String {
    let (title_w, author_w) = columns(width);
    let mut out = format!(
        " {:<w$}",
        wrap::truncate(title, title_w.saturating_sub(2)),
        w = title_w.saturating_sub(1)
    );
    // Pad by cells, not chars: wide titles keep the columns aligned.
    let pad = title_w.saturating_sub(wrap::width(&out));
    out.push_str(&" ".repeat(pad));
    if author_w > 0 {
        let a = wrap::truncate(author, author_w.saturating_sub(1));
        out.push_str(&a);
        out.push_str(&" ".repeat(author_w.saturating_sub(wrap::width(&a))));
    }
    out.push_str(&format!("{year:>YEAR_W$}"));
    for c in counts {
        out.push_str(&format!("{c:>COUNT_W$}"));
    }
    out
}

/// The first document row drawn.
fn first_row(app: &App) -> usize {
    table_first_row(app.library.selected, app.library.rows.len(), app.areas.list)
}

/// Draws the gauge or summary line, the table and, when asked, the problems.
pub fn draw(app: &App, t: &Theme, buf: &mut Buffer, drawn: &mut Drawn) {
    let top = app.areas.input;
    let problems = app.library.problems.len();
    match app.library.loading {
        Some((done, total)) => {
            let ratio = if total == 0 {
                0.0
            } else {
                done as f64 / total as f64
            };
            Gauge::default()
                .gauge_style(t.accent)
                .ratio(ratio.clamp(0.0, 1.0))
                .label(format!(
                    "Loading {done}/{total} files · {}",
                    counted(problems, "problem")
                ))
                .use_unicode(true)
                .render(top, buf);
        }
        None => {
            let summary = format!(
                " {} · {} · {} · sorted by {} (s) · {} (p)",
                counted(app.docs.len(), "document"),
                counted(app.library.events, "event"),
                counted(app.library.quotes, "quote"),
                app.library.sort.label(),
                counted(problems, "problem"),
            );
            put_line(
                buf,
                top.x,
                top.y,
                top.width,
                &Line::from(Span::styled(summary, t.dim)),
            );
        }
    }
    let a = app.areas.list;
    if a.height == 0 {
        return;
    }
    let width = a.width as usize;
    let head = row_text(
        "Title",
        "Author",
        "Year",
        ["Sections".into(), "Events".into(), "Quotes".into()],
        width,
    );
    put_line(
        buf,
        a.x,
        a.y,
        a.width,
        &Line::from(Span::styled(head, t.strong)),
    );
    let body = Rect::new(a.x, a.y + 1, a.width, a.height - 1);
    drawn.put(a, Target::List);
    if app.library.rows.is_empty() {
        let msg = if app.library.loading.is_some() {
            " Loading…"
        } else {
            " No dossiers"
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
    for (i, &d) in app
        .library
        .rows
        .iter()
        .enumerate()
        .skip(first)
        .take(body.height as usize)
    {
        let doc = &app.docs[d];
        let text = row_text(
            &doc.title(),
            &doc.field("author").unwrap_or_default(),
            &doc.field("year").unwrap_or_default(),
            [
                doc.sections.len().to_string(),
                doc.timeline.len().to_string(),
                doc.quotes.len().to_string(),
            ],
            width,
        );
        let fill = (i == app.library.selected).then_some(t.selected);
        let y = body.y + (i - first) as u16;
        drawn.put(Rect::new(body.x, y, body.width, 1), Target::Row(i));
        put_row(buf, body, y, vec![Span::raw(text)], fill);
    }
    if app.library.show_problems {
        let area = draw_problems(app, t, buf, body);
        drawn.put(area, Target::Screen);
    }
}

/// Draws the problems box over the bottom of `body`; returns its area.
fn draw_problems(app: &App, t: &Theme, buf: &mut Buffer, body: Rect) -> Rect {
    let h = (body.height / 2).max(3).min(body.height);
    let area = Rect::new(body.x, body.bottom() - h, body.width, h);
    Clear.render(area, buf);
    super::frame::border(buf, area, t);
    put_line(
        buf,
        area.x + 2,
        area.y,
        area.width.saturating_sub(4),
        &Line::from(Span::styled(
            format!(" Problems ({}) ", app.library.problems.len()),
            t.warning,
        )),
    );
    let inner = crate::app::layout::inside(area);
    if app.library.problems.is_empty() {
        put_line(
            buf,
            inner.x,
            inner.y,
            inner.width,
            &Line::from(Span::styled("Every file opened.", t.dim)),
        );
    }
    for (i, p) in app
        .library
        .problems
        .iter()
        .take(inner.height as usize)
        .enumerate()
    {
        put_line(
            buf,
            inner.x,
            inner.y + i as u16,
            inner.width,
            &Line::from(Span::raw(wrap::truncate(&p.message, inner.width as usize))),
        );
    }
    area
}
