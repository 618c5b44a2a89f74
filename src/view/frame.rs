//! Frames: a bordered box, and the popup (the key help, the front matter) drawn over the
//! view from the lines the app made for it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::{Block, Borders, Clear, Widget};

use super::put_line;
use super::theme::Theme;
use crate::app::layout::{inside, popup_area};
use crate::app::{App, PopupLine};

/// A bordered box over `area`.
pub fn border(buf: &mut Buffer, area: Rect, t: &Theme) {
    Block::default()
        .borders(Borders::ALL)
        .border_style(t.border)
        .render(area, buf);
}

/// Draws the popup titled `title` with `lines`, scrolled as the app says; returns its area.
pub fn popup(app: &App, t: &Theme, buf: &mut Buffer, title: &str, lines: &[PopupLine]) -> Rect {
    let area = popup_area(app.areas.screen, lines.len());
    Clear.render(area, buf);
    Block::default()
        .borders(Borders::ALL)
        .border_style(t.border_focused)
        .title(Span::styled(format!(" {title} "), t.title))
        .title_bottom(Span::styled(" Esc close  j/k g/G scroll ", t.dim))
        .render(area, buf);
    let inner = inside(area);
    for (i, line) in (lines.iter().skip(app.overlay_scroll))
        .take(inner.height as usize)
        .enumerate()
    {
        let line = super::styled(line, t);
        put_line(buf, inner.x, inner.y + i as u16, inner.width, &line);
    }
    area
}
