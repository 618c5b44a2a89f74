//! The mouse: a click or a turn of the wheel on what the view drew there ([`Target`], resolved
//! by the terminal layer from the last frame), so it acts on what the user saw.

use super::{App, Focus, Target, View};

impl App {
    pub(super) fn scroll_at(&mut self, target: Target, delta: i8) {
        let d = delta as isize * 3;
        match (self.view, target) {
            (View::Sections, Target::Outline | Target::Section(_)) => {
                let prev = self.focus;
                self.focus = Focus::Outline;
                self.move_by(d);
                self.focus = prev;
            }
            (View::Sections, _) => self.scroll_reader(d),
            _ => self.move_by(delta as isize),
        }
    }

    /// A click on what the view drew at that point.
    pub(super) fn click(&mut self, target: Target) {
        let last_click = self.last_click.take();
        match (self.view, target) {
            (_, Target::Tab(view)) => self.show(view),
            (View::Sections, Target::Section(s)) => {
                self.focus = Focus::Outline;
                self.click_section(s);
            }
            (View::Sections, Target::Outline) => self.focus = Focus::Outline,
            (View::Sections, Target::Reader) => self.focus = Focus::Reader,
            (View::Timeline, Target::Row(row)) => {
                self.timeline.typing = false;
                self.timeline.selected = row;
                self.click_row(row, last_click);
            }
            (View::Timeline, Target::List) => self.timeline.typing = false,
            (View::Quotes, Target::Row(row)) => {
                self.quotes.typing = false;
                self.quotes.selected = row;
                self.click_row(row, last_click);
            }
            (View::Quotes, Target::List) => self.quotes.typing = false,
            (View::Library, Target::Row(row)) => {
                self.library.selected = row;
                self.click_row(row, last_click);
            }
            (View::People, Target::Row(row)) => {
                self.people.typing = false;
                self.people.selected = row;
            }
            (View::People, Target::List) => self.people.typing = false,
            (View::Search, Target::Row(row)) => {
                self.search.typing = false;
                self.search.selected = row;
                self.click_row(row, last_click);
            }
            (View::Search, Target::List) => self.search.typing = false,
            (View::Marks, Target::Row(row)) => {
                self.marks.selected = row;
                self.click_row(row, last_click);
            }
            (View::Search, Target::Input) => self.search.typing = true,
            (View::Quotes, Target::Input) => self.quotes.typing = true,
            (View::People, Target::Input) => self.people.typing = true,
            _ => {}
        }
    }

    /// A click on list row `row`: the second on the same row, with no key between, opens
    /// it as Enter does (a double click; the app keeps no clock, so a slow one counts too).
    fn click_row(&mut self, row: usize, last_click: Option<(View, usize)>) {
        if last_click == Some((self.view, row)) {
            self.enter();
        } else {
            self.last_click = Some((self.view, row));
        }
    }
}
