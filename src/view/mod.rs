//! Drawing: `draw(&App, &mut Frame)` paints the app and changes nothing. One module per
//! pane; [`areas`] is the one place screen geometry is decided (the app asks it too, for
//! paging and mouse hits).

pub mod help;
pub mod library;
pub mod markdown;
pub mod outline;
pub mod people;
pub mod quotes;
pub mod reader;
pub mod status;
pub mod theme;
pub mod timeline;
pub mod wrap;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use crate::app::{App, Overlay, View};

/// The smallest screen the app draws its panes on; below it, it says so.
pub const MIN_WIDTH: u16 = 30;
/// See [`MIN_WIDTH`].
pub const MIN_HEIGHT: u16 = 6;
/// Panes beside each other from this width; stacked below it.
pub const WIDE: u16 = 100;
/// The timeline list's width beside its context pane: a date, a title of some sixty
/// characters and its section.
pub const TIMELINE_LIST: u16 = 110;
/// The narrowest context pane worth drawing beside the timeline (else it goes below).
pub const DETAIL_MIN: u16 = 40;

/// Where each part of the screen is, for one size and view. Unused parts are empty.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Areas {
    /// The whole screen.
    pub screen: Rect,
    /// Title and tabs.
    pub header: Rect,
    /// Keys and position.
    pub footer: Rect,
    /// Sections: the outline (empty when too narrow).
    pub outline: Rect,
    /// Sections: the reader.
    pub reader: Rect,
    /// Timeline and Quotes: the list.
    pub list: Rect,
    /// Timeline and Quotes: the context or preview pane (empty when there is no room).
    pub detail: Rect,
    /// Quotes: the search box.
    pub input: Rect,
}

impl Areas {
    /// True when the screen is too small for panes.
    pub fn too_small(&self) -> bool {
        self.screen.width < MIN_WIDTH || self.screen.height < MIN_HEIGHT
    }
}

/// Lays out the screen for `view`.
pub fn areas(screen: Rect, view: View) -> Areas {
    let mut a = Areas {
        screen,
        ..Default::default()
    };
    if screen.width < MIN_WIDTH || screen.height < MIN_HEIGHT {
        return a;
    }
    a.header = Rect::new(screen.x, screen.y, screen.width, 1);
    a.footer = Rect::new(screen.x, screen.bottom() - 1, screen.width, 1);
    let body = Rect::new(screen.x, screen.y + 1, screen.width, screen.height - 2);
    match view {
        View::Library | View::People => {
            a.input = Rect::new(body.x, body.y, body.width, 1);
            a.list = Rect::new(
                body.x,
                body.y + 2,
                body.width,
                body.height.saturating_sub(2),
            );
        }
        View::Sections => {
            if body.width >= 60 {
                let w = (body.width * 3 / 10).clamp(20, 40);
                a.outline = Rect::new(body.x, body.y, w, body.height);
                a.reader = Rect::new(body.x + w + 1, body.y, body.width - w - 1, body.height);
            } else {
                a.reader = body;
            }
        }
        View::Timeline | View::Quotes => {
            let body = if view == View::Quotes {
                a.input = Rect::new(body.x, body.y, body.width, 1);
                Rect::new(
                    body.x,
                    body.y + 2,
                    body.width,
                    body.height.saturating_sub(2),
                )
            } else {
                body
            };
            if view == View::Timeline && body.width > TIMELINE_LIST + DETAIL_MIN {
                // The list has the room its titles need; the context pane what is left.
                let w = TIMELINE_LIST;
                a.list = Rect::new(body.x, body.y, w, body.height);
                a.detail = Rect::new(body.x + w + 1, body.y, body.width - w - 1, body.height);
            } else if view == View::Quotes && body.width >= WIDE {
                let w = body.width * 55 / 100;
                a.list = Rect::new(body.x, body.y, w, body.height);
                a.detail = Rect::new(body.x + w + 1, body.y, body.width - w - 1, body.height);
            } else if body.height >= 14 {
                let h = (body.height * 2 / 5).min(12);
                a.list = Rect::new(body.x, body.y, body.width, body.height - h - 1);
                a.detail = Rect::new(body.x, body.y + body.height - h, body.width, h);
            } else {
                a.list = body;
            }
        }
    }
    a
}

/// The reader's text width for its area (a two-cell gutter for marks, one cell margin).
pub fn reader_text_width(reader: Rect) -> u16 {
    reader.width.saturating_sub(3).max(1)
}

/// Draws the whole app.
pub fn draw(app: &App, frame: &mut Frame) {
    let area = frame.area();
    let a = &app.areas;
    if a.too_small() || a.screen != area {
        too_small(frame.buffer_mut(), area, app);
        return;
    }
    status::header(app, frame.buffer_mut());
    match app.view {
        View::Sections => {
            if a.outline.width > 0 {
                outline::draw(app, frame.buffer_mut());
                let x = a.outline.right();
                let style = app.theme.border;
                for y in a.outline.top()..a.outline.bottom() {
                    frame.buffer_mut().set_string(x, y, "│", style);
                }
            }
            reader::draw(app, frame.buffer_mut());
        }
        View::Library => library::draw(app, frame.buffer_mut()),
        View::Timeline => timeline::draw(app, frame.buffer_mut()),
        View::Quotes => quotes::draw(app, frame.buffer_mut()),
        View::People => people::draw(app, frame.buffer_mut()),
    }
    status::footer(app, frame.buffer_mut());
    match app.overlay {
        Some(Overlay::Help) => help::draw_help(app, frame.buffer_mut()),
        Some(Overlay::Info) => help::draw_info(app, frame.buffer_mut()),
        None => {}
    }
}

fn too_small(buf: &mut Buffer, area: Rect, app: &App) {
    let lines = ["Terminal too small", "for dossier:", "make it larger"];
    for (i, text) in lines.iter().enumerate() {
        let y = area.y + i as u16;
        if y >= area.bottom() {
            break;
        }
        let text = wrap::truncate(text, area.width as usize);
        buf.set_stringn(area.x, y, text, area.width as usize, app.theme.warning);
    }
}

/// `n` and `noun`, plural unless `n` is one: "1 problem", "3 problems" (the nouns counted on
/// screen all take an s).
pub fn counted(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// Writes `line` at (x, y), clipped to `width` cells.
pub fn put_line(buf: &mut Buffer, x: u16, y: u16, width: u16, line: &Line<'_>) {
    if width == 0 {
        return;
    }
    buf.set_line(x, y, line, width);
}

/// Writes styled spans at (x, y), clipped to `width`, and fills the rest of the row with
/// `fill` (for a selected row).
pub fn put_row(buf: &mut Buffer, area: Rect, y: u16, spans: Vec<Span<'_>>, fill: Option<Style>) {
    if let Some(style) = fill {
        buf.set_style(Rect::new(area.x, y, area.width, 1), style);
    }
    put_line(buf, area.x, y, area.width, &Line::from(spans));
}

/// A search box's text with its cursor when it is being typed into: a block after the
/// text, or the character under the cursor shown reversed.
pub fn text_box<'a>(app: &App, text: &'a str, typing: bool) -> Vec<Span<'a>> {
    let t = &app.theme;
    if !typing {
        return vec![Span::raw(text)];
    }
    let at = app.cursor.min(text.len());
    let at = (0..=at)
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    let Some(under) = text[at..].chars().next() else {
        return vec![Span::raw(text), Span::styled("█", t.dim)];
    };
    let next = at + under.len_utf8();
    vec![
        Span::raw(&text[..at]),
        Span::styled(
            &text[at..next],
            Style::default().add_modifier(Modifier::REVERSED),
        ),
        Span::raw(&text[next..]),
    ]
}

/// Draws a query box on the top line of `input` (the prompt, `text` with the cursor while
/// `typing`, else `hint` when empty) and a rule under it; returns the rule's row.
pub fn query_box(app: &App, buf: &mut Buffer, text: &str, typing: bool, hint: &str) -> u16 {
    let t = &app.theme;
    let input = app.areas.input;
    let prompt_style = if typing { t.accent } else { t.dim };
    let mut spans = vec![Span::styled(" ❯ ", prompt_style)];
    spans.extend(text_box(app, text, typing));
    if !typing && text.is_empty() {
        spans.push(Span::styled(hint, t.dim));
    }
    put_line(buf, input.x, input.y, input.width, &Line::from(spans));
    let rule_y = input.y + 1;
    buf.set_string(input.x, rule_y, "─".repeat(input.width as usize), t.border);
    rule_y
}

/// The view whose tab is at column `x` of the header.
pub fn tab_at(app: &App, x: u16) -> Option<View> {
    status::tabs(app)
        .into_iter()
        .find(|(_, range)| range.contains(&x))
        .map(|(v, _)| v)
}

/// The first row to draw so that `selected` of `total` rows is visible in `height` rows,
/// keeping the selection near the middle when the list scrolls.
pub fn scroll_offset(selected: usize, total: usize, height: usize) -> usize {
    if total <= height || height == 0 {
        return 0;
    }
    selected.saturating_sub(height / 2).min(total - height)
}

/// The first row drawn of a table in `list` whose top line is its header.
pub fn table_first_row(selected: usize, total: usize, list: Rect) -> usize {
    scroll_offset(selected, total, list.height.saturating_sub(1) as usize)
}

/// The row of a table in `list` (header on its top line) drawn at screen row `y`.
pub fn table_row_at(selected: usize, total: usize, list: Rect, y: u16) -> Option<usize> {
    let rel = y.checked_sub(list.y + 1)? as usize;
    let row = table_first_row(selected, total, list) + rel;
    (row < total).then_some(row)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_read_as_english() {
        assert_eq!(counted(0, "problem"), "0 problems");
        assert_eq!(counted(1, "problem"), "1 problem");
        assert_eq!(counted(11, "document"), "11 documents");
    }
}
