//! The section outline: headings indented by level, branches folded and unfolded, the
//! current section highlighted.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Span;

use super::theme::Theme;
use super::{Drawn, put_row, scroll_offset};
use crate::app::{App, Focus, Target};
use crate::wrap;

/// The first visible row drawn.
fn first_row(app: &App) -> usize {
    scroll_offset(
        app.outline_row(),
        app.outline.visible.len(),
        app.areas.outline.height as usize,
    )
}

/// Draws the outline.
pub fn draw(app: &App, t: &Theme, buf: &mut Buffer, drawn: &mut Drawn) {
    let a = app.areas.outline;
    drawn.put(a, Target::Outline);
    if app.doc().sections.is_empty() {
        put_row(
            buf,
            a,
            a.y,
            vec![Span::styled(" (no headings)", t.dim)],
            None,
        );
        return;
    }
    let selected_row = app.outline_row();
    let first = first_row(app);
    for (i, &s) in app
        .outline
        .visible
        .iter()
        .enumerate()
        .skip(first)
        .take(a.height as usize)
    {
        let y = a.y + (i - first) as u16;
        drawn.put(Rect::new(a.x, y, a.width, 1), Target::Section(s));
        let section = &app.doc().sections[s];
        let depth = (section.level.saturating_sub(1) as usize).min(6);
        let marker = if !app.has_children(s) {
            "  "
        } else if app.outline.collapsed[s] {
            "▸ "
        } else {
            "▾ "
        };
        let lead = format!("{}{marker}", "  ".repeat(depth));
        let room = (a.width as usize).saturating_sub(wrap::width(&lead));
        let title = if section.title.is_empty() {
            "(untitled)"
        } else {
            section.title.as_str()
        };
        let style = if section.level <= 2 { t.strong } else { t.text };
        let fill = (i == selected_row).then_some(if app.focus == Focus::Outline {
            t.selected
        } else {
            t.selected_unfocused
        });
        put_row(
            buf,
            a,
            y,
            vec![
                Span::styled(lead, t.dim),
                Span::styled(wrap::truncate(title, room), style),
            ],
            fill,
        );
    }
}
