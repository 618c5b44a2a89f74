//! What the popups say: the key help (from the same key table the keys are read with, so it
//! cannot lie) and the front matter, as lines tagged with [`Look`]s. The app clamps the
//! popup's scroll by them; the view draws them.

use super::action::{Action, BINDINGS, Context, View};
use super::layout::{inside, popup_area, popup_text_width};
use super::look::{Look, Role};
use super::{App, Overlay, counted};
use crate::document::front_matter;
use crate::wrap::{self, Wrapped};

/// A popup's line.
pub type PopupLine = Wrapped<Look>;

fn line(pieces: &[(&str, Role)]) -> PopupLine {
    let mut out = Wrapped::default();
    for &(text, role) in pieces {
        out.push_str(text, role.into());
    }
    out
}

impl App {
    /// The open popup's title and lines.
    pub fn popup(&self) -> Option<(&'static str, Vec<PopupLine>)> {
        Some(match self.overlay? {
            Overlay::Help => ("Keys", self.help_lines()),
            Overlay::Info => ("Front matter", self.info_lines()),
        })
    }

    /// The key help's rows, from the key table.
    fn help_lines(&self) -> Vec<PopupLine> {
        let mut lines = Vec::new();
        let order = [
            Context::Global,
            Context::Library,
            Context::Outline,
            Context::Reader,
            Context::Timeline,
            Context::Quotes,
            Context::People,
            Context::Search,
            Context::Marks,
            Context::Typing,
        ];
        for context in order {
            let rows: Vec<_> = BINDINGS
                .iter()
                .filter(|b| {
                    b.context == context
                        || (context == Context::Global && b.context == Context::Always)
                })
                // Library keys only mean something when a folder is open.
                .filter(|b| {
                    self.library.folder
                        || !(b.context == Context::Library
                            || b.action == Action::Show(View::Library))
                })
                .collect();
            if rows.is_empty() {
                continue;
            }
            if !lines.is_empty() {
                lines.push(Wrapped::default());
            }
            lines.push(line(&[(context.title(), Role::Heading(2))]));
            for b in rows {
                lines.push(line(&[
                    (&format!("  {:<14}", b.label), Role::Accent),
                    (b.help, Role::Text),
                ]));
            }
        }
        lines
    }

    /// The front matter popup's rows: every field, values wrapped in full (the source URL
    /// whole), then the file, the counts and the warnings.
    fn info_lines(&self) -> Vec<PopupLine> {
        let room = popup_text_width(self.areas.screen);
        let rows = self.meta_rows();
        let key_w = rows
            .iter()
            .map(|(k, _)| wrap::width(k))
            .max()
            .unwrap_or(0)
            .min(16);
        let mut lines = Vec::new();
        if rows.is_empty() {
            lines.push(line(&[("This document has no front matter.", Role::Dim)]));
        }
        for (key, value) in rows {
            let value_room = room.saturating_sub(key_w + 2).max(8);
            for (i, w) in wrap::wrap(&[(&value, Look::new(Role::Text))], value_room)
                .into_iter()
                .enumerate()
            {
                let label = if i == 0 {
                    format!("{:<key_w$}  ", wrap::truncate(&key, key_w))
                } else {
                    " ".repeat(key_w + 2)
                };
                let mut row = line(&[(&label, Role::Accent)]);
                row.extend(&w);
                lines.push(row);
            }
        }
        lines.push(Wrapped::default());
        lines.push(line(&[
            (&format!("{:<key_w$}  ", "file"), Role::Dim),
            (&self.doc().source, Role::Text),
        ]));
        let counts = format!(
            "{} · {} · {}",
            counted(self.doc().sections.len(), "section"),
            counted(self.doc().timeline.len(), "event"),
            counted(self.doc().quotes.len(), "quote")
        );
        lines.push(line(&[(&counts, Role::Dim)]));
        for w in &self.doc().warnings {
            let text = format!("warning: {w}");
            lines.extend(wrap::wrap(&[(&text, Look::new(Role::Warning))], room));
        }
        lines
    }

    /// The front matter as `(key, value)` display pairs.
    pub fn meta_rows(&self) -> Vec<(String, String)> {
        self.doc()
            .meta
            .iter()
            .map(|(k, v)| (k.clone(), front_matter::display_value(v)))
            .collect()
    }

    /// Scrolls the popup by `rows` rows and `pages` pages, no further than its last row at
    /// the bottom, so a key back up moves at once.
    pub(super) fn scroll_overlay(&mut self, rows: isize, pages: isize) {
        let lines = self.popup().map_or(0, |(_, lines)| lines.len());
        let shown = inside(popup_area(self.areas.screen, lines)).height as usize;
        let max = lines.saturating_sub(shown);
        let page = shown.saturating_sub(1).max(1);
        let delta = rows + pages * page as isize;
        self.overlay_scroll = self.overlay_scroll.saturating_add_signed(delta).min(max);
    }
}
