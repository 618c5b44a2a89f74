//! Everything a user can ask of the app, and the one key table that maps keys to it.
//!
//! The help overlay is drawn from [`BINDINGS`], the same table [`map_key`] reads, so help can
//! never lie. Keys are our own small type: the terminal layer translates its events into them,
//! so the app does not depend on the terminal library.

pub use super::textbox::Edit;

/// A key as the app sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    /// Which key.
    pub code: KeyCode,
    /// Control held.
    pub ctrl: bool,
    /// Alt held.
    pub alt: bool,
}

impl Key {
    /// A key with no modifier.
    pub const fn plain(code: KeyCode) -> Key {
        Key {
            code,
            ctrl: false,
            alt: false,
        }
    }
    /// A character key with no modifier.
    pub const fn char(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }
    /// A key with Control.
    pub const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            ctrl: true,
            alt: false,
        }
    }
    /// A non-character key with Alt (`Alt-Backspace`).
    pub const fn alt_key(code: KeyCode) -> Key {
        Key {
            code,
            ctrl: false,
            alt: true,
        }
    }
    /// A key with Alt.
    pub const fn alt(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            ctrl: false,
            alt: true,
        }
    }
}

/// The keys the app knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KeyCode {
    Char(char),
    Enter,
    Esc,
    Backspace,
    Tab,
    BackTab,
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
    Delete,
}

/// The views, in tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum View {
    /// The documents of a library.
    Library,
    /// Outline beside the reader.
    Sections,
    /// Dated events.
    Timeline,
    /// Fuzzy quote search.
    Quotes,
    /// Every speaker.
    People,
    /// Passages that hold words or a phrase.
    Search,
    /// Every mark, across the documents.
    Marks,
}

impl View {
    /// All views in tab order.
    pub const ALL: [View; 5] = [
        View::Library,
        View::Sections,
        View::Timeline,
        View::Quotes,
        View::People,
    ];

    /// Views reached by their key that have a tab only while shown (the header has no room
    /// for every name).
    pub const MORE: [View; 2] = [View::Search, View::Marks];

    /// The number key that shows the view.
    pub fn number(self) -> u8 {
        match self {
            View::Library => 0,
            View::Sections => 1,
            View::Timeline => 2,
            View::Quotes => 3,
            View::People => 4,
            View::Search => 5,
            View::Marks => 6,
        }
    }

    /// The tab label.
    pub fn label(self) -> &'static str {
        match self {
            View::Library => "Library",
            View::Sections => "Sections",
            View::Timeline => "Timeline",
            View::Quotes => "Quotes",
            View::People => "People",
            View::Search => "Search",
            View::Marks => "Marks",
        }
    }
}

/// What the user asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    // Leaving.
    /// Quit (not while typing into a search box).
    Quit,
    /// Quit from anywhere.
    ForceQuit,

    // Views and overlays.
    /// Show a view.
    Show(View),
    /// Toggle the key help overlay.
    Help,
    /// Toggle the front matter popup.
    Info,
    /// Close an overlay, or leave a search box (clearing it).
    Escape,
    /// Return to where the last jump came from.
    Back,
    /// Move focus to the next pane.
    FocusNext,
    /// Move focus to the previous pane.
    FocusPrev,

    // Moving.
    /// One row or line up.
    Up,
    /// One row or line down.
    Down,
    /// One page up.
    PageUp,
    /// One page down.
    PageDown,
    /// To the start.
    Top,
    /// To the end.
    Bottom,
    /// Collapse the outline branch, or go to its parent.
    Collapse,
    /// Expand the outline branch.
    Expand,
    /// Open, jump to or toggle what is selected.
    Enter,
    /// Previous section in the reader.
    PrevSection,
    /// Next section in the reader.
    NextSection,

    // Searching.
    /// Start typing a search (reader) or filter (timeline), or focus the quote box.
    Search,
    /// Next search match.
    NextMatch,
    /// Previous search match.
    PrevMatch,
    /// Copy what is selected (a quote, an event, a section, the reader's passage) with its
    /// citation.
    Copy,
    /// The same, as Markdown with a link to the source.
    CopyMarkdown,
    /// Mark what is selected (as [`Action::Copy`] would copy it), with a note.
    Mark,
    /// Delete the selected mark (the Marks view; asked twice).
    DeleteMark,
    /// Change the library's sort order.
    Sort,
    /// Show or hide the files that could not be opened.
    Problems,
    /// Toggle the list of link targets under the reader.
    Links,
    /// Complete the speaker's name after `@` in the quote box.
    Complete,
    /// List the timeline events that name the selected person.
    PersonEvents,

    // The file.
    /// Read the document's file again (a library: and look for added and removed files).
    Reload,
    /// Open the document in the editor at the line on screen.
    Edit,
    /// Open the link on screen, or the document's `source_url`, in the browser.
    Open,

    // Typing into a search box.
    /// A typed character.
    Type(char),
    /// Move the box's cursor or delete before it (see [`Edit`]).
    EditText(Edit),

    // From the terminal.
    /// The terminal has this many columns and rows.
    Resize(u16, u16),
    /// The mouse wheel turned over what was drawn there: negative is up.
    Scroll(Target, i8),
    /// A left click on what was drawn there.
    Click(Target),
}

/// What the user saw at a point of the screen, as the view drew it last: a click or a turn
/// of the wheel is resolved against it, so it acts on what was on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A view's tab in the header.
    Tab(View),
    /// A section's row in the outline.
    Section(usize),
    /// The outline, below its rows.
    Outline,
    /// The reader.
    Reader,
    /// Row `n` of the view's list (an index into its rows or results).
    Row(usize),
    /// The view's list, off its rows.
    List,
    /// The view's search box.
    Input,
    /// Anything else.
    Screen,
}

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Everywhere, even while typing.
    Always,
    /// Everywhere except while typing into a search box.
    Global,
    /// The section outline.
    Outline,
    /// The reader.
    Reader,
    /// The timeline list.
    Timeline,
    /// The quote results.
    Quotes,
    /// The library's document list.
    Library,
    /// The list of people.
    People,
    /// The passages found by a text search.
    Search,
    /// The list of marks.
    Marks,
    /// Typing into a search box.
    Typing,
}

impl Context {
    /// A heading for the help overlay.
    pub fn title(self) -> &'static str {
        match self {
            Context::Always | Context::Global => "Everywhere",
            Context::Outline => "Outline",
            Context::Reader => "Reader",
            Context::Timeline => "Timeline",
            Context::Quotes => "Quotes",
            Context::Library => "Library",
            Context::People => "People",
            Context::Search => "Search",
            Context::Marks => "Marks",
            Context::Typing => "Search box",
        }
    }
}

/// One row of the key table.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    /// Where it applies.
    pub context: Context,
    /// The keys, all doing the same.
    pub keys: &'static [Key],
    /// What they do.
    pub action: Action,
    /// How the help overlay shows the keys.
    pub label: &'static str,
    /// What the help overlay says it does.
    pub help: &'static str,
}

use KeyCode as K;

const fn b(
    context: Context,
    keys: &'static [Key],
    action: Action,
    label: &'static str,
    help: &'static str,
) -> Binding {
    Binding {
        context,
        keys,
        action,
        label,
        help,
    }
}

/// The key table. Earlier rows win; context rows are tried before global ones.
#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
    b(Context::Always, &[Key::ctrl('c')], Action::ForceQuit, "Ctrl-c", "quit"),
    b(Context::Always, &[Key::alt('0')], Action::Show(View::Library), "Alt-0", "library view"),
    b(Context::Always, &[Key::alt('1')], Action::Show(View::Sections), "Alt-1", "sections view"),
    b(Context::Always, &[Key::alt('2')], Action::Show(View::Timeline), "Alt-2", "timeline view"),
    b(Context::Always, &[Key::alt('3')], Action::Show(View::Quotes), "Alt-3", "quotes view"),
    b(Context::Always, &[Key::alt('4')], Action::Show(View::People), "Alt-4", "people view"),
    b(Context::Always, &[Key::alt('5')], Action::Show(View::Search), "Alt-5", "search view"),
    b(Context::Always, &[Key::alt('6')], Action::Show(View::Marks), "Alt-6", "marks view"),
    b(Context::Always, &[Key::ctrl('o')], Action::Back, "Ctrl-o", "back to where you jumped from"),
    // Typing into a search box.
    b(Context::Typing, &[Key::plain(K::Esc)], Action::Escape, "Esc", "clear the search and leave the box"),
    b(Context::Typing, &[Key::plain(K::Enter)], Action::Enter, "Enter", "accept (quotes: jump to the quote)"),
    b(Context::Typing, &[Key::plain(K::Backspace)], Action::EditText(Edit::DeleteBack), "Backspace", "delete the character before the cursor"),
    b(Context::Typing, &[Key::plain(K::Delete), Key::ctrl('d')], Action::EditText(Edit::DeleteForward), "Delete Ctrl-d", "delete the character under the cursor"),
    b(Context::Typing, &[Key::ctrl('w'), Key::ctrl('h'), Key::alt_key(K::Backspace)], Action::EditText(Edit::DeleteWord), "Ctrl-w Alt-BS", "delete the word before the cursor"),
    b(Context::Typing, &[Key::ctrl('u')], Action::EditText(Edit::DeleteToStart), "Ctrl-u", "delete to the start"),
    b(Context::Typing, &[Key::plain(K::Left), Key::ctrl('b')], Action::EditText(Edit::Left), "← Ctrl-b", "cursor left"),
    b(Context::Typing, &[Key::plain(K::Right), Key::ctrl('f')], Action::EditText(Edit::Right), "→ Ctrl-f", "cursor right"),
    b(Context::Typing, &[Key::plain(K::Home), Key::ctrl('a')], Action::EditText(Edit::Home), "Home Ctrl-a", "cursor to the start"),
    b(Context::Typing, &[Key::plain(K::End), Key::ctrl('e')], Action::EditText(Edit::End), "End Ctrl-e", "cursor to the end"),
    b(Context::Typing, &[Key::plain(K::Up), Key::ctrl('p')], Action::Up, "↑ Ctrl-p", "previous result"),
    b(Context::Typing, &[Key::plain(K::Down), Key::ctrl('n')], Action::Down, "↓ Ctrl-n", "next result"),
    b(Context::Typing, &[Key::plain(K::PageUp)], Action::PageUp, "PgUp", "page up"),
    b(Context::Typing, &[Key::plain(K::PageDown)], Action::PageDown, "PgDn", "page down"),
    b(Context::Typing, &[Key::ctrl('y')], Action::Copy, "Ctrl-y", "copy the quote with its citation"),
    b(Context::Typing, &[Key::plain(K::Tab)], Action::Complete, "Tab", "quotes: complete the speaker after @"),
    b(Context::Typing, &[Key::ctrl('t')], Action::PersonEvents, "Ctrl-t", "people: the events that name them"),
    // The outline.
    b(Context::Outline, &[Key::char('h'), Key::plain(K::Left)], Action::Collapse, "h ←", "collapse, or go to the parent"),
    b(Context::Outline, &[Key::char('l'), Key::plain(K::Right)], Action::Expand, "l →", "expand"),
    b(Context::Outline, &[Key::plain(K::Enter)], Action::Enter, "Enter", "collapse or expand"),
    b(Context::Outline, &[Key::char('/')], Action::Search, "/", "search the text"),
    b(Context::Outline, &[Key::char('n')], Action::NextMatch, "n", "next match"),
    b(Context::Outline, &[Key::char('N')], Action::PrevMatch, "N", "previous match"),
    // The reader.
    b(Context::Reader, &[Key::char('/')], Action::Search, "/", "search the text"),
    b(Context::Reader, &[Key::char('n')], Action::NextMatch, "n", "next match"),
    b(Context::Reader, &[Key::char('N')], Action::PrevMatch, "N", "previous match"),
    b(Context::Reader, &[Key::char('L')], Action::Links, "L", "show link targets"),
    b(Context::Reader, &[Key::plain(K::Enter)], Action::Enter, "Enter", "follow the footnote on screen to its note"),
    // The timeline.
    b(Context::Timeline, &[Key::plain(K::Enter)], Action::Enter, "Enter", "show the event in the reader"),
    b(Context::Timeline, &[Key::char('/')], Action::Search, "/", "filter events"),
    // The quote results (after Esc from the box).
    b(Context::Quotes, &[Key::plain(K::Enter)], Action::Enter, "Enter", "show the quote in the reader"),
    b(Context::Quotes, &[Key::char('/')], Action::Search, "/", "type a query"),
    b(Context::Quotes, &[Key::ctrl('p')], Action::Up, "Ctrl-p", "previous result"),
    b(Context::Quotes, &[Key::ctrl('n')], Action::Down, "Ctrl-n", "next result"),
    // The people.
    b(Context::People, &[Key::plain(K::Enter)], Action::Enter, "Enter", "show their quotes"),
    b(Context::People, &[Key::char('t')], Action::PersonEvents, "t", "the events that name them"),
    b(Context::People, &[Key::char('/')], Action::Search, "/", "filter people"),
    // The search results.
    b(Context::Search, &[Key::plain(K::Enter)], Action::Enter, "Enter", "show the passage in the reader"),
    b(Context::Search, &[Key::char('/')], Action::Search, "/", "type a query"),
    // The marks.
    b(Context::Marks, &[Key::plain(K::Enter)], Action::Enter, "Enter", "show the mark in the reader"),
    b(Context::Marks, &[Key::char('m')], Action::Mark, "m", "change the mark's note"),
    b(Context::Marks, &[Key::char('d'), Key::plain(K::Delete)], Action::DeleteMark, "d Delete", "delete the mark (d again to confirm)"),
    // The library.
    b(Context::Library, &[Key::plain(K::Enter)], Action::Enter, "Enter", "open the document"),
    b(Context::Library, &[Key::char('s')], Action::Sort, "s", "sort by year, title or author"),
    b(Context::Library, &[Key::char('p')], Action::Problems, "p", "files that could not be opened"),
    // Everywhere else.
    b(Context::Global, &[Key::char('q')], Action::Quit, "q", "quit"),
    b(Context::Global, &[Key::char('0')], Action::Show(View::Library), "0", "library (a folder of dossiers)"),
    b(Context::Global, &[Key::char('1')], Action::Show(View::Sections), "1", "sections: outline and reader"),
    b(Context::Global, &[Key::char('2')], Action::Show(View::Timeline), "2", "timeline"),
    b(Context::Global, &[Key::char('3')], Action::Show(View::Quotes), "3", "quote search"),
    b(Context::Global, &[Key::char('4')], Action::Show(View::People), "4", "people: every speaker"),
    b(Context::Global, &[Key::char('5')], Action::Show(View::Search), "5", "search the text of every document"),
    b(Context::Global, &[Key::char('6'), Key::char('\'')], Action::Show(View::Marks), "6 '", "marks: every mark, in every document"),
    b(Context::Global, &[Key::char('?')], Action::Help, "?", "this help"),
    b(Context::Global, &[Key::char('i')], Action::Info, "i", "front matter"),
    b(Context::Global, &[Key::char('y')], Action::Copy, "y", "copy what is selected, with its citation"),
    b(Context::Global, &[Key::char('Y')], Action::CopyMarkdown, "Y", "the same, as Markdown with a link"),
    b(Context::Global, &[Key::char('m')], Action::Mark, "m", "mark what is selected, with a note"),
    b(Context::Global, &[Key::char('r')], Action::Reload, "r", "reload the file"),
    b(Context::Global, &[Key::char('e')], Action::Edit, "e", "open in $VISUAL or $EDITOR at this line"),
    b(Context::Global, &[Key::char('o')], Action::Open, "o", "open the link on screen (or source_url) in the browser"),
    b(Context::Global, &[Key::plain(K::Esc)], Action::Escape, "Esc", "close a popup"),
    b(Context::Global, &[Key::plain(K::Backspace)], Action::Back, "Backspace", "back to where you jumped from"),
    b(Context::Global, &[Key::plain(K::Tab)], Action::FocusNext, "Tab", "next pane"),
    b(Context::Global, &[Key::plain(K::BackTab)], Action::FocusPrev, "Shift-Tab", "previous pane"),
    b(Context::Global, &[Key::char('j'), Key::plain(K::Down)], Action::Down, "j ↓", "down"),
    b(Context::Global, &[Key::char('k'), Key::plain(K::Up)], Action::Up, "k ↑", "up"),
    b(Context::Global, &[Key::plain(K::PageDown), Key::char(' '), Key::ctrl('f')], Action::PageDown, "PgDn Space", "page down"),
    b(Context::Global, &[Key::plain(K::PageUp), Key::ctrl('b')], Action::PageUp, "PgUp", "page up"),
    b(Context::Global, &[Key::char('g'), Key::plain(K::Home)], Action::Top, "g Home", "to the top"),
    b(Context::Global, &[Key::char('G'), Key::plain(K::End)], Action::Bottom, "G End", "to the end"),
    b(Context::Global, &[Key::char('['), Key::char('{')], Action::PrevSection, "[", "previous section"),
    b(Context::Global, &[Key::char(']'), Key::char('}')], Action::NextSection, "]", "next section"),
];

/// The action for `key` in `context` (a pane, or [`Context::Typing`]), if any. While typing,
/// an unbound character key types itself.
pub fn map_key(key: Key, context: Context) -> Option<Action> {
    let in_context = |c: Context| {
        c == Context::Always || c == context || (c == Context::Global && context != Context::Typing)
    };
    let found = BINDINGS
        .iter()
        .filter(|b| b.context != Context::Global)
        .chain(BINDINGS.iter().filter(|b| b.context == Context::Global))
        .find(|b| in_context(b.context) && b.keys.contains(&key))
        .map(|b| b.action);
    match (found, key.code) {
        (Some(action), _) => Some(action),
        (None, KeyCode::Char(c)) if context == Context::Typing && !key.ctrl && !key.alt => {
            Some(Action::Type(c))
        }
        _ => None,
    }
}

/// Parses a key spec like `3compute<Enter>` (see [`App::press`](super::App::press)): plain characters type themselves, and
/// `<Enter>`, `<Esc>`, `<Tab>`, `<S-Tab>`, `<BS>`, `<A-BS>`, `<Del>`, `<Up>`, `<Down>`, `<Left>`,
/// `<Right>`, `<PgUp>`, `<PgDn>`, `<Home>`, `<End>`, `<Space>`, `<lt>`, `<C-x>`, `<A-x>` name the
/// others.
pub fn parse_keys(spec: &str) -> Vec<Key> {
    let mut keys = Vec::new();
    let mut rest = spec;
    while let Some(c) = rest.chars().next() {
        if c == '<' {
            if let Some(end) = rest.find('>') {
                let name = &rest[1..end];
                let key = match name {
                    "Enter" | "CR" => Some(Key::plain(KeyCode::Enter)),
                    "Esc" => Some(Key::plain(KeyCode::Esc)),
                    "Tab" => Some(Key::plain(KeyCode::Tab)),
                    "S-Tab" => Some(Key::plain(KeyCode::BackTab)),
                    "BS" => Some(Key::plain(KeyCode::Backspace)),
                    "A-BS" => Some(Key::alt_key(KeyCode::Backspace)),
                    "Del" => Some(Key::plain(KeyCode::Delete)),
                    "Up" => Some(Key::plain(KeyCode::Up)),
                    "Down" => Some(Key::plain(KeyCode::Down)),
                    "Left" => Some(Key::plain(KeyCode::Left)),
                    "Right" => Some(Key::plain(KeyCode::Right)),
                    "PgUp" => Some(Key::plain(KeyCode::PageUp)),
                    "PgDn" => Some(Key::plain(KeyCode::PageDown)),
                    "Home" => Some(Key::plain(KeyCode::Home)),
                    "End" => Some(Key::plain(KeyCode::End)),
                    "Space" => Some(Key::char(' ')),
                    "lt" => Some(Key::char('<')),
                    n if n.starts_with("C-") && n.len() == 3 => n.chars().nth(2).map(Key::ctrl),
                    n if n.starts_with("A-") && n.len() == 3 => n.chars().nth(2).map(Key::alt),
                    _ => None,
                };
                if let Some(key) = key {
                    keys.push(key);
                    rest = &rest[end + 1..];
                    continue;
                }
            }
        }
        keys.push(Key::char(c));
        rest = &rest[c.len_utf8()..];
    }
    keys
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_takes_letters_that_elsewhere_are_commands() {
        assert_eq!(
            map_key(Key::char('q'), Context::Typing),
            Some(Action::Type('q'))
        );
        assert_eq!(map_key(Key::char('q'), Context::Reader), Some(Action::Quit));
        assert_eq!(
            map_key(Key::char('3'), Context::Typing),
            Some(Action::Type('3'))
        );
        assert_eq!(
            map_key(Key::ctrl('c'), Context::Typing),
            Some(Action::ForceQuit)
        );
        assert_eq!(
            map_key(Key::alt('1'), Context::Typing),
            Some(Action::Show(View::Sections))
        );
    }

    #[test]
    fn pane_keys_win_over_global_ones() {
        assert_eq!(
            map_key(Key::plain(KeyCode::Enter), Context::Timeline),
            Some(Action::Enter)
        );
        assert_eq!(
            map_key(Key::char('h'), Context::Outline),
            Some(Action::Collapse)
        );
        assert_eq!(map_key(Key::char('h'), Context::Reader), None);
        assert_eq!(
            map_key(Key::char('j'), Context::Outline),
            Some(Action::Down)
        );
    }

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        for (i, a) in BINDINGS.iter().enumerate() {
            for b in &BINDINGS[i + 1..] {
                if a.context == b.context {
                    for k in a.keys {
                        assert!(!b.keys.contains(k), "{k:?} bound twice in {:?}", a.context);
                    }
                }
            }
        }
    }
}
