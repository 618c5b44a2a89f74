//! Drawing: [`draw`] paints the app with a theme and changes nothing; it returns what it
//! drew where ([`Drawn`]), against which the terminal layer resolves a click, so a click acts
//! on what the user saw. One module per pane; the geometry is the app's
//! ([`crate::app::layout`]), the styles the theme's.

pub mod frame;
pub mod library;
pub mod marks;
pub mod outline;
pub mod people;
pub mod quotes;
pub mod reader;
pub mod search;
pub mod status;
pub mod theme;
pub mod timeline;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use crate::app::{App, Look, Target, View};
use crate::wrap::{self, Wrapped};
use theme::Theme;

/// What the last frame drew where: the screen's clickable parts, later ones on top, and
/// the links it drew, which the terminal layer makes hyperlinks of.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Drawn {
    targets: Vec<(Rect, Target)>,
    /// Each link's text on screen (one row each) and its target, in the order drawn.
    pub links: Vec<(Rect, usize)>,
}

impl Drawn {
    /// Notes that `target` was drawn over `area`.
    pub fn put(&mut self, area: Rect, target: Target) {
        if area.width > 0 && area.height > 0 {
            self.targets.push((area, target));
        }
    }

    /// What was drawn at column `x`, row `y` (the topmost part there).
    pub fn target_at(&self, x: u16, y: u16) -> Target {
        let at = Position::new(x, y);
        (self.targets.iter().rev())
            .find(|(area, _)| area.contains(at))
            .map_or(Target::Screen, |&(_, target)| target)
    }

    /// Where `target` was drawn, if it was.
    pub fn area_of(&self, target: Target) -> Option<Rect> {
        (self.targets.iter().rev())
            .find(|(_, t)| *t == target)
            .map(|&(area, _)| area)
    }
}

/// Draws the whole app, and says what it drew where.
pub fn draw(app: &App, t: &Theme, frame: &mut Frame) -> Drawn {
    let mut drawn = Drawn::default();
    let area = frame.area();
    let a = &app.areas;
    let buf = frame.buffer_mut();
    if a.too_small() || a.screen != area {
        too_small(buf, area, t);
        return drawn;
    }
    status::header(app, t, buf, &mut drawn);
    match app.view {
        View::Sections => {
            if a.outline.width > 0 {
                outline::draw(app, t, buf, &mut drawn);
                let x = a.outline.right();
                for y in a.outline.top()..a.outline.bottom() {
                    buf.set_string(x, y, "│", t.border);
                }
            }
            reader::draw(app, t, buf, &mut drawn);
        }
        View::Library => library::draw(app, t, buf, &mut drawn),
        View::Timeline => timeline::draw(app, t, buf, &mut drawn),
        View::Quotes => quotes::draw(app, t, buf, &mut drawn),
        View::People => people::draw(app, t, buf, &mut drawn),
        View::Search => search::draw(app, t, buf, &mut drawn),
        View::Marks => marks::draw(app, t, buf, &mut drawn),
    }
    status::footer(app, t, buf);
    if let Some((title, lines)) = app.popup() {
        let area = frame::popup(app, t, buf, title, &lines);
        drawn.put(area, Target::Screen);
    }
    drawn
}

fn too_small(buf: &mut Buffer, area: Rect, t: &Theme) {
    let lines = ["Terminal too small", "for dossier:", "make it larger"];
    for (i, text) in lines.iter().enumerate() {
        let y = area.y + i as u16;
        if y >= area.bottom() {
            break;
        }
        let text = wrap::truncate(text, area.width as usize);
        buf.set_stringn(area.x, y, text, area.width as usize, t.warning);
    }
}

/// A line laid out with looks, styled by the theme.
pub fn styled<'a>(line: &'a Wrapped<Look>, t: &Theme) -> Line<'a> {
    Line::from(
        line.pieces()
            .map(|(range, look)| Span::styled(&line.text[range], t.look(look)))
            .collect::<Vec<_>>(),
    )
}

/// A line of text wrapped with styles, as spans.
pub fn spans(line: &Wrapped<Style>) -> Vec<Span<'static>> {
    line.pieces()
        .map(|(range, style)| Span::styled(line.text[range].to_string(), style))
        .collect()
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
/// text, or the character under the cursor shown reversed; a text too long for the `room`
/// it has is shown from where the cursor can be seen.
pub fn text_box<'a>(app: &App, t: &Theme, text: &'a str, typing: bool, room: u16) -> Vec<Span<'a>> {
    if !typing {
        return vec![Span::raw(text)];
    }
    let at = app.cursor.min(text.len());
    let at = (0..=at)
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    // The text before the cursor, and the cursor's cell, fit in `room`: what does not is
    // dropped from the left, and an ellipsis says so.
    let room = usize::from(room).max(3);
    let mut shown = 0;
    let mut spans = Vec::new();
    // The cursor's cell: the character under it (as wide as it is), else a block.
    let cursor = text[at..]
        .chars()
        .next()
        .map_or(1, |c| crate::wrap::char_width(c).max(1));
    if crate::wrap::width(&text[..at]) + cursor > room {
        let mut width = 0;
        shown = at;
        for (i, c) in text[..at].char_indices().rev() {
            width += crate::wrap::char_width(c);
            if width + cursor + 1 > room {
                break;
            }
            shown = i;
        }
        // A combining mark does not open what is shown (it would sit on the ellipsis).
        while let Some(c) = text[shown..at].chars().next()
            && crate::wrap::char_width(c) == 0
        {
            shown += c.len_utf8();
        }
        spans.push(Span::styled("…", t.dim));
    }
    let Some(under) = text[at..].chars().next() else {
        spans.extend([Span::raw(&text[shown..]), Span::styled("█", t.dim)]);
        return spans;
    };
    let next = at + under.len_utf8();
    spans.extend([
        Span::raw(&text[shown..at]),
        Span::styled(
            &text[at..next],
            Style::default().add_modifier(Modifier::REVERSED),
        ),
        Span::raw(&text[next..]),
    ]);
    spans
}

/// Draws a query box on the top line of `input` (the prompt, `text` with the cursor while
/// `typing`, else `hint` when empty) and a rule under it, noted in `drawn` as the search box;
/// returns the rule's row.
pub fn query_box(
    app: &App,
    t: &Theme,
    buf: &mut Buffer,
    drawn: &mut Drawn,
    text: &str,
    typing: bool,
    hint: &str,
) -> u16 {
    let input = app.areas.input;
    drawn.put(input, Target::Input);
    let prompt_style = if typing { t.accent } else { t.dim };
    let mut spans = vec![Span::styled(" ❯ ", prompt_style)];
    spans.extend(text_box(
        app,
        t,
        text,
        typing,
        input.width.saturating_sub(3),
    ));
    if !typing && text.is_empty() {
        spans.push(Span::styled(hint, t.dim));
    }
    put_line(buf, input.x, input.y, input.width, &Line::from(spans));
    let rule_y = input.y + 1;
    buf.set_string(input.x, rule_y, "─".repeat(input.width as usize), t.border);
    rule_y
}

/// Writes `count` (what a list holds: `3 of 358 quotes`) at the right end of the rule under
/// the search box `input`.
pub fn count_on_rule(buf: &mut Buffer, input: Rect, rule_y: u16, count: &str, t: &Theme) {
    let x = input.right().saturating_sub(wrap::width(count) as u16 + 1);
    buf.set_string(x, rule_y, count, t.dim);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_point_is_what_was_drawn_on_top_there() {
        let mut drawn = Drawn::default();
        drawn.put(Rect::new(0, 0, 10, 10), Target::List);
        drawn.put(Rect::new(0, 2, 10, 2), Target::Row(7));
        assert_eq!(drawn.target_at(3, 3), Target::Row(7));
        assert_eq!(drawn.target_at(3, 5), Target::List);
        assert_eq!(drawn.target_at(30, 5), Target::Screen);
        assert_eq!(drawn.area_of(Target::Row(7)), Some(Rect::new(0, 2, 10, 2)));
    }
}
