//! Jumps and going back: an event, a quote, a passage or a mark shown at its line in the
//! reader, marked, and `Backspace` back to where the user was.

use std::ops::Range;

use super::{App, Focus, View};

/// Where the user was, for going back after a jump.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub(super) doc: usize,
    view: View,
    focus: Focus,
    top: usize,
    marked: Option<Range<usize>>,
}

impl App {
    pub(super) fn here(&self) -> Place {
        Place {
            doc: self.current,
            view: self.view,
            focus: self.focus,
            top: self.reader.top,
            marked: self.reader.marked.clone(),
        }
    }

    /// Shows 1-based source line `line` of document `doc` in the reader, marked,
    /// remembering where we were.
    pub(super) fn jump_to_source(&mut self, doc: usize, line: usize) {
        self.jumps.push(self.here());
        self.open_document(doc);
        let marked = self.reader.layout.lines_for_source(self.doc(), line);
        let target = marked.start;
        self.reader.marked = Some(marked);
        self.show(View::Sections);
        self.focus = Focus::Reader;
        self.reader.top = target.saturating_sub(2);
        self.clamp_reader();
        let block = self.reader.layout.block_of(target);
        if let Some(section) = block
            .and_then(|b| self.doc().blocks.get(b))
            .and_then(|b| b.section())
        {
            self.outline.selected = Some(section);
        }
    }

    pub(super) fn back(&mut self) {
        let Some(place) = self.jumps.pop() else {
            self.message = Some("Nothing to go back to".into());
            return;
        };
        self.open_document(place.doc);
        self.show(place.view);
        // Back lands on the list it left, not in its box: the next Backspace goes back again.
        self.quotes.typing = false;
        self.people.typing = false;
        self.search.typing = false;
        self.focus = place.focus;
        self.reader.top = place.top;
        self.reader.marked = place.marked;
        self.clamp_reader();
        self.sync_outline();
    }
}
