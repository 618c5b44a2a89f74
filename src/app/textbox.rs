//! Editing the text of a search box in place, as readline does: a cursor that moves by
//! character and jumps to either end, and deletions before it by character, word or all.
//!
//! The cursor is a byte offset into the box's text, always on a character boundary.

use super::{App, Context, View};

/// The most bytes a search box holds: more is no query anyone types, and every key in a box
/// does work in proportion to its text.
pub const BOX_LIMIT: usize = 256;

/// The most bytes a mark's note holds: a paragraph or two of one's own words (each key
/// still does work in proportion to the text, a few microseconds at this size).
pub const NOTE_LIMIT: usize = 4096;

/// What the footer says when a box is full (its number is [`BOX_LIMIT`]; a test holds them
/// together).
const BOX_FULL: &str = "⚠ A search box holds at most 256 bytes: the rest was cut";

/// What the footer says when a note is full (its number is [`NOTE_LIMIT`]).
const NOTE_FULL: &str = "⚠ A note holds at most 4096 bytes: the rest was cut";

/// One editing step on a search box's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    /// Insert a character at the cursor.
    Insert(char),
    /// Delete the character before the cursor (Backspace).
    DeleteBack,
    /// Delete the character under the cursor (Delete).
    DeleteForward,
    /// Delete the word before the cursor and the spaces after it (Ctrl-w, Alt-Backspace).
    DeleteWord,
    /// Delete everything before the cursor (Ctrl-u).
    DeleteToStart,
    /// One character left.
    Left,
    /// One character right.
    Right,
    /// To the start (Home, Ctrl-a).
    Home,
    /// To the end (End, Ctrl-e).
    End,
}

impl Edit {
    /// True when the step changes the text, not only the cursor.
    pub fn changes_text(self) -> bool {
        !matches!(self, Edit::Left | Edit::Right | Edit::Home | Edit::End)
    }
}

/// Applies `edit` to `text` with the cursor at `cursor` (clamped to the text first).
pub fn apply(text: &mut String, cursor: &mut usize, edit: Edit) {
    let mut at = (*cursor).min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let before = |at: usize| {
        text[..at]
            .chars()
            .next_back()
            .map_or(at, |c| at - c.len_utf8())
    };
    match edit {
        Edit::Insert(c) => {
            text.insert(at, c);
            at += c.len_utf8();
        }
        Edit::DeleteBack => {
            let from = before(at);
            text.replace_range(from..at, "");
            at = from;
        }
        Edit::DeleteForward => {
            if let Some(c) = text[at..].chars().next() {
                text.replace_range(at..at + c.len_utf8(), "");
            }
        }
        Edit::DeleteWord => {
            let head = &text[..at];
            let word_end = head.trim_end().len();
            let from = head[..word_end].rfind(char::is_whitespace).map_or(0, |i| {
                i + head[i..].chars().next().map_or(1, char::len_utf8)
            });
            text.replace_range(from..at, "");
            at = from;
        }
        Edit::DeleteToStart => {
            text.replace_range(..at, "");
            at = 0;
        }
        Edit::Left => at = before(at),
        Edit::Right => at += text[at..].chars().next().map_or(0, char::len_utf8),
        Edit::Home => at = 0,
        Edit::End => at = text.len(),
    }
    *cursor = at;
}

/// The app's search boxes: one at a time has the keyboard, and every edit to its text
/// filters or ranks the view's list again.
impl App {
    /// The text of the search box being typed into, if any.
    fn typed_text(&mut self) -> Option<&mut String> {
        if self.context() != Context::Typing {
            return None;
        }
        if let Some(note) = &mut self.marks.note {
            return Some(&mut note.text);
        }
        match self.view {
            View::Sections => Some(&mut self.reader.search.query),
            View::Timeline => Some(&mut self.timeline.filter),
            View::Quotes => Some(&mut self.quotes.query),
            View::People => Some(&mut self.people.filter),
            View::Search => Some(&mut self.search.query),
            View::Library | View::Marks => None,
        }
    }

    /// True when typing `c` would take the box being typed into past its limit; the
    /// footer then says so.
    pub(super) fn box_is_full_for(&mut self, c: char) -> bool {
        let (limit, said) = self.box_limit();
        let full = (self.typed_text()).is_some_and(|t| t.len() + c.len_utf8() > limit);
        if full && self.message.as_deref() != Some(said) {
            self.message = Some(said.to_string());
        }
        full
    }

    /// The most bytes the box being typed into holds, and what the footer says when it is
    /// full.
    fn box_limit(&self) -> (usize, &'static str) {
        if self.marks.note.is_some() {
            (NOTE_LIMIT, NOTE_FULL)
        } else {
            (BOX_LIMIT, BOX_FULL)
        }
    }

    /// Puts the cursor at the end of the search box just entered.
    pub(super) fn cursor_to_end(&mut self) {
        self.cursor = self.typed_text().map_or(0, |t| t.len());
    }

    /// One edit of the box being typed into; a character past its limit is refused
    /// (and the footer says so) before any work is done.
    pub(super) fn edit(&mut self, edit: Edit) {
        if let Edit::Insert(c) = edit {
            if self.box_is_full_for(c) {
                return;
            }
        }
        let mut cursor = self.cursor;
        let Some(text) = self.typed_text() else {
            return;
        };
        apply(text, &mut cursor, edit);
        self.cursor = cursor;
        if edit.changes_text() {
            self.box_changed();
        }
    }

    /// A paste, as one edit of the box being typed into: line breaks and tabs become
    /// spaces, other control characters are left out, and what would pass its limit is
    /// cut (the footer says so). With no box open it is ignored: pasted text is not taken
    /// as commands.
    pub(super) fn paste(&mut self, pasted: &str) {
        self.message = None;
        self.marks.deleting = None;
        self.last_click = None;
        let mut cursor = self.cursor;
        let (limit, said) = self.box_limit();
        let Some(text) = self.typed_text() else {
            return;
        };
        let mut room = limit.saturating_sub(text.len());
        let mut clean = String::new();
        let mut cut = false;
        for c in pasted.chars() {
            let c = match c {
                '\n' | '\r' | '\t' => ' ',
                c if c.is_control() => continue,
                c => c,
            };
            if c.len_utf8() > room {
                cut = true;
                break;
            }
            room -= c.len_utf8();
            clean.push(c);
        }
        let mut at = cursor.min(text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        text.insert_str(at, &clean);
        cursor = at + clean.len();
        self.cursor = cursor;
        if !clean.is_empty() {
            self.box_changed();
        }
        if cut {
            self.message = Some(said.to_string());
        }
    }

    /// The box's text changed: the view's list follows it.
    fn box_changed(&mut self) {
        if self.marks.note.is_some() {
            return;
        }
        match self.view {
            View::Sections => self.find_matches(false),
            View::Timeline => self.timeline.update(&self.docs),
            View::Quotes => {
                self.rerank();
                self.suggest_speakers();
            }
            View::People => self.people.refilter(),
            View::Search => self.search_text(),
            View::Library | View::Marks => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_full_box_message_names_the_limit() {
        assert!(BOX_FULL.contains(&format!(" {BOX_LIMIT} bytes")));
        assert!(NOTE_FULL.contains(&format!(" {NOTE_LIMIT} bytes")));
    }

    fn run(start: &str, edits: &[Edit]) -> (String, usize) {
        let mut text = start.to_string();
        let mut cursor = text.len();
        for &e in edits {
            apply(&mut text, &mut cursor, e);
        }
        (text, cursor)
    }

    #[test]
    fn typing_after_moving_left_inserts_in_place() {
        use Edit::*;
        let (text, _) = run("audit", &[Left, Left, Left, Insert('X')]);
        assert_eq!(text, "auXdit");
    }

    #[test]
    fn words_and_the_start_are_deleted_before_the_cursor() {
        use Edit::*;
        assert_eq!(run("may safety  ", &[DeleteWord]).0, "may ");
        assert_eq!(run("may safety", &[Left, Left, DeleteToStart]).0, "ty");
        assert_eq!(run("é ü", &[Left, DeleteBack]).0, "éü");
        assert_eq!(run("éü", &[Home, DeleteForward]).0, "ü");
        assert_eq!(run("ab", &[Home, Right, Insert('-')]).0, "a-b");
        assert_eq!(run("ab", &[Home, End, Insert('c')]).0, "abc");
    }
}
