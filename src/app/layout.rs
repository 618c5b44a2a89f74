//! Where each part of the screen goes, for a size and a view: pure `Rect` arithmetic, worked
//! out again on a resize and when the view changes. The view draws into these areas; the app
//! pages and scrolls by them.

use ratatui::layout::Rect;

use super::View;

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
        View::Library | View::People | View::Search => {
            a.input = Rect::new(body.x, body.y, body.width, 1);
            a.list = Rect::new(
                body.x,
                body.y + 2,
                body.width,
                body.height.saturating_sub(2),
            );
        }
        View::Marks => a.list = body,
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

/// Where a popup of `lines` rows goes on `screen`.
pub fn popup_area(screen: Rect, lines: usize) -> Rect {
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

/// The inside of a bordered box, with a cell of padding left and right.
pub fn inside(area: Rect) -> Rect {
    Rect::new(
        area.x + 2,
        area.y + 1,
        area.width.saturating_sub(4),
        area.height.saturating_sub(2),
    )
}

/// The widest a popup's text runs on `screen` (its width inside the border and padding).
pub fn popup_text_width(screen: Rect) -> usize {
    (screen.width.saturating_sub(4).min(84) as usize).saturating_sub(4)
}
