//! Editing the text of a search box in place, as readline does: a cursor that moves by
//! character and jumps to either end, and deletions before it by character, word or all.
//!
//! The cursor is a byte offset into the box's text, always on a character boundary.

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

#[cfg(test)]
mod tests {
    use super::*;

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
