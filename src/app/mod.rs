//! The app: all state, and [`App::update`], the only place it changes.
//!
//! Every key, click and resize becomes an [`Action`]; `update` applies it. The app knows the
//! model (sections, blocks, timeline, quotes) and the reader's precomputed layout, but neither
//! Markdown syntax nor the terminal library.

pub mod action;
mod files;
mod people;
mod textbox;
mod timeline;

use std::ops::Range;
use std::sync::Arc;

use ratatui::layout::{Position, Rect};

pub use action::{Action, Context, Edit, Key, KeyCode, View};
pub use files::FileRequest;
pub use people::{PeopleState, partial_speaker};
pub use timeline::{DayBound, TimelineFilter, TimelineLine, TimelineState};

use crate::document::{Document, front_matter};
use crate::library::{self, Problem};
use crate::search::{self, Hit, QuoteBatch, QuoteIndex, SearchRequest};
use crate::view::markdown::{self, ReaderLayout};
use crate::view::theme::Theme;
use crate::view::{self, Areas};

/// Which pane of the Sections view has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The section outline.
    Outline,
    /// The reader.
    Reader,
}

/// A popup over the view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    /// Every key.
    Help,
    /// The front matter.
    Info,
}

/// The section outline's state.
#[derive(Debug, Clone, Default)]
pub struct OutlineState {
    /// Per section: its branch is collapsed.
    pub collapsed: Vec<bool>,
    /// The sections shown (not inside a collapsed branch), in order.
    pub visible: Vec<usize>,
    /// The highlighted section.
    pub selected: Option<usize>,
    /// The first visible row drawn.
    pub offset: usize,
}

/// Searching the reader's text with `/`.
#[derive(Debug, Clone, Default)]
pub struct TextSearch {
    /// What is searched for (case-insensitive).
    pub query: String,
    /// The query is being typed.
    pub typing: bool,
    /// Reader lines holding a match, in order.
    pub matches: Vec<usize>,
    /// Which of `matches` is current.
    pub current: usize,
}

/// The reader's state.
#[derive(Debug, Clone, Default)]
pub struct ReaderState {
    /// The document laid out for the reader's width.
    pub layout: ReaderLayout,
    /// The first line shown.
    pub top: usize,
    /// Lines marked by the last jump.
    pub marked: Option<Range<usize>>,
    /// The `/` search.
    pub search: TextSearch,
}

/// The quotes view's state.
#[derive(Debug, Clone, Default)]
pub struct QuotesState {
    /// The query in the search box.
    pub query: String,
    /// The search box has the keyboard.
    pub typing: bool,
    /// Ranked results.
    pub hits: Vec<Hit>,
    /// Selected result.
    pub selected: usize,
    /// The query `hits` were ranked for (to narrow when it grows).
    ranked_for: String,
    /// A ranking is running on the search thread.
    pub searching: bool,
    /// The query the running ranking is for.
    pending_for: String,
    /// The newest query's number.
    generation: u64,
    /// The speakers offered for the `@` word being typed (Tab takes the first).
    pub suggestions: Vec<String>,
}

/// How the library list is sorted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKey {
    /// Newest first, then title.
    #[default]
    Year,
    /// A to Z.
    Title,
    /// A to Z, then year.
    Author,
}

impl SortKey {
    /// The label shown in the library header.
    pub fn label(self) -> &'static str {
        match self {
            SortKey::Year => "year",
            SortKey::Title => "title",
            SortKey::Author => "author",
        }
    }
}

/// The library view's state.
#[derive(Debug, Clone, Default)]
pub struct LibraryState {
    /// A folder was opened (the library view and document columns are shown).
    pub folder: bool,
    /// The folder, as given.
    pub root: String,
    /// Documents in display order (indices into `App::docs`).
    pub rows: Vec<usize>,
    /// Selected row.
    pub selected: usize,
    /// The sort order.
    pub sort: SortKey,
    /// Files done and files found, while loading.
    pub loading: Option<(usize, usize)>,
    /// Files that could not be opened.
    pub problems: Vec<Problem>,
    /// The problems list is shown.
    pub show_problems: bool,
    /// Timeline events and quotes in all the documents, kept as documents are added (the
    /// library view shows them on every frame; summing 10,000 documents each time is waste).
    pub events: usize,
    pub quotes: usize,
    /// What each document is sorted by, worked out once per document (see
    /// [`App::sort_library`]), for the first `keys.len()` documents.
    keys: Vec<SortKeys>,
}

/// What the library is sorted by, for one document: lowercased title and author, and year.
#[derive(Debug, Clone)]
struct SortKeys {
    year: Option<i64>,
    title: String,
    author: String,
}

impl SortKeys {
    fn of(doc: &Document) -> SortKeys {
        SortKeys {
            year: doc.meta.get("year").and_then(|v| {
                v.as_i64()
                    .or_else(|| v.as_str().and_then(|s| s.trim().parse().ok()))
            }),
            title: doc.title().to_lowercase(),
            author: doc.field("author").unwrap_or_default().to_lowercase(),
        }
    }
}

/// What the background loader reports.
#[derive(Debug)]
pub enum Loaded {
    /// This many files will be loaded.
    Found(usize),
    /// A document is ready, with its quotes prepared for the index (see [`Loaded::document`]).
    Document(Box<Document>, QuoteBatch),
    /// A file could not be opened.
    Problem(Problem),
    /// Every file is done.
    Done,
}

impl Loaded {
    /// A document ready for the app. Its quotes are prepared for the index here, on the
    /// caller's thread: a loader's, while the document is in its cache.
    pub fn document(doc: Document) -> Loaded {
        let quotes = QuoteBatch::new(&doc.quotes);
        Loaded::Document(Box::new(doc), quotes)
    }
}

/// Where the user was, for going back after a jump.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    doc: usize,
    view: View,
    focus: Focus,
    top: usize,
    marked: Option<Range<usize>>,
}

/// The whole app state.
pub struct App {
    /// Every open document (one, or a library's).
    pub docs: Vec<Document>,
    /// The document in the Sections view.
    pub current: usize,
    /// The library view's state.
    pub library: LibraryState,
    /// Colours.
    pub theme: Theme,
    /// The active view.
    pub view: View,
    /// Which Sections pane has the keyboard.
    pub focus: Focus,
    /// An open popup.
    pub overlay: Option<Overlay>,
    /// Lines scrolled in the open popup.
    pub overlay_scroll: usize,
    /// The list row clicked last, when nothing else came after it (a second click opens it).
    last_click: Option<(View, usize)>,
    /// Where in the search box being typed the next character goes (a byte offset).
    pub cursor: usize,
    /// Where everything is drawn, for the current size and view.
    pub areas: Areas,
    /// Outline state.
    pub outline: OutlineState,
    /// Reader state.
    pub reader: ReaderState,
    /// Timeline state.
    pub timeline: TimelineState,
    /// Quotes state.
    pub quotes: QuotesState,
    /// People state.
    pub people: PeopleState,
    /// Places to go back to, most recent last.
    pub jumps: Vec<Place>,
    /// A one-line message for the footer, cleared by the next key.
    pub message: Option<String>,
    /// Text to put on the clipboard (the terminal layer sends it as OSC 52).
    pub clipboard: Option<String>,
    /// The user asked to quit.
    pub quit: bool,
    /// What the terminal layer should do with a file (read it again, edit it).
    pub file_request: Option<FileRequest>,
    /// File changes that came while a library loaded, taken when it is done.
    waiting_changes: Vec<library::Change>,
    /// A quote to keep selected once the quotes are ranked again: document and text.
    follow_quote: Option<(usize, String)>,
    /// Every document's quotes, for searching (shared with a search thread).
    pub index: Arc<QuoteIndex>,
    /// A ranking for the terminal layer to run off the UI thread; when `None` after a
    /// query change, ranking ran inline (tests, or no search thread).
    pub search_request: Option<SearchRequest>,
    /// Documents whose quotes are not in `index` yet, with those quotes prepared (see
    /// [`App::index_unindexed`]).
    unindexed: Vec<(usize, QuoteBatch)>,
    /// Rank on a search thread (set by the terminal layer, which runs one)...
    pub background_search: bool,
    /// ...from this many quotes; fewer are ranked inline, in well under a frame.
    pub background_from: usize,
    /// Derived lists (timeline, quote hits, library rows) need rebuilding after loads.
    stale: bool,
    /// Reads a library document again from its path; when set, documents other than the
    /// one in the reader are kept without their reader blocks.
    pub reopen: Option<fn(&std::path::Path) -> Option<Document>>,
    empty: Document,
}

impl App {
    /// An app over one document in a terminal of `width` × `height`.
    pub fn new(doc: Document, width: u16, height: u16, color: bool) -> App {
        let mut app = App::empty(width, height, color);
        let quotes = QuoteBatch::new(&doc.quotes);
        app.add_document(doc, quotes);
        app.settle();
        app.open_document(0);
        app
    }

    /// An app for a library whose documents will arrive through [`App::loaded`]; it starts
    /// on the Library view.
    pub fn library(width: u16, height: u16, color: bool) -> App {
        let mut app = App::empty(width, height, color);
        app.library.folder = true;
        app.library.loading = Some((0, 0));
        app.view = View::Library;
        app.resize(width, height);
        app
    }

    fn empty(width: u16, height: u16, color: bool) -> App {
        let mut app = App {
            docs: Vec::new(),
            current: 0,
            library: LibraryState::default(),
            theme: Theme::new(color),
            view: View::Sections,
            focus: Focus::Outline,
            overlay: None,
            overlay_scroll: 0,
            last_click: None,
            cursor: 0,
            areas: Areas::default(),
            outline: OutlineState::default(),
            reader: ReaderState::default(),
            timeline: TimelineState::default(),
            quotes: QuotesState::default(),
            people: PeopleState::default(),
            jumps: Vec::new(),
            message: None,
            clipboard: None,
            quit: false,
            file_request: None,
            waiting_changes: Vec::new(),
            follow_quote: None,
            index: Arc::new(QuoteIndex::default()),
            search_request: None,
            unindexed: Vec::new(),
            background_search: false,
            background_from: 5_000,
            stale: false,
            reopen: None,
            empty: Document::default(),
        };
        app.areas = view::areas(Rect::new(0, 0, width, height), app.view);
        app
    }

    /// Where the reader is (or would be, from another view) on this screen.
    fn reader_area(&self) -> Rect {
        view::areas(self.areas.screen, View::Sections).reader
    }

    /// The document in the Sections view.
    pub fn doc(&self) -> &Document {
        self.docs.get(self.current).unwrap_or(&self.empty)
    }

    /// The views that have tabs: the Library only for a folder.
    pub fn views(&self) -> &'static [View] {
        if self.library.folder {
            &View::ALL
        } else {
            &View::ALL[1..]
        }
    }

    fn add_document(&mut self, mut doc: Document, quotes: QuoteBatch) {
        if self.reopen.is_some() {
            library::slim(&mut doc);
        }
        self.unindexed.push((self.docs.len(), quotes));
        self.library.events += doc.timeline.len();
        self.library.quotes += doc.quotes.len();
        self.docs.push(doc);
        self.index_unindexed();
        self.stale = true;
    }

    /// Adds the documents waiting for the quote index, unless a search on the search thread
    /// holds it (adding then would copy the whole index); true when it added any. What
    /// waits is added when that search is answered.
    fn index_unindexed(&mut self) -> bool {
        if self.unindexed.is_empty() {
            return false;
        }
        let Some(index) = Arc::get_mut(&mut self.index) else {
            return false;
        };
        for (d, quotes) in self.unindexed.drain(..) {
            index.append(d, quotes);
        }
        true
    }

    /// Takes one report from the background loader. Call [`App::settle`] after a batch.
    pub fn loaded(&mut self, event: Loaded) {
        match event {
            Loaded::Found(total) => self.library.loading = Some((0, total)),
            Loaded::Document(doc, quotes) => {
                self.add_document(*doc, quotes);
                self.progress();
            }
            Loaded::Problem(problem) => {
                self.library.problems.push(problem);
                self.progress();
                self.stale = true;
            }
            Loaded::Done => {
                self.library.loading = None;
                self.stale = true;
                if self.docs.is_empty() && self.library.problems.is_empty() {
                    self.message = Some("No dossiers in this folder".into());
                }
                self.take_waiting_changes();
            }
        }
    }

    fn progress(&mut self) {
        if let Some((done, total)) = self.library.loading.as_mut() {
            *done += 1;
            *total = (*total).max(*done);
        }
    }

    /// Rebuilds what depends on the set of documents (library order, timeline, quote
    /// results) once after a batch of loads rather than once per document.
    pub fn settle(&mut self) {
        if !self.stale {
            return;
        }
        self.stale = false;
        self.sort_library(false);
        self.timeline.update(&self.docs);
        if self.view == View::People {
            self.people.update(&self.docs);
        }
        self.quotes.ranked_for.clear();
        let selected = self.quotes.selected;
        self.rerank();
        self.quotes.selected = selected.min(self.quotes.hits.len().saturating_sub(1));
        self.follow_selected_quote();
        if self.docs.len() == 1 && self.reader.layout.lines.is_empty() {
            self.open_document(0);
        }
    }

    /// Orders the library rows. With `keep`, the selected document stays selected (a new
    /// sort order); otherwise the selected row stays put (documents arriving while loading).
    fn sort_library(&mut self, keep: bool) {
        let selected = self
            .library
            .rows
            .get(self.library.selected)
            .copied()
            .filter(|_| keep);
        let docs = &self.docs;
        // Keys are worked out once per document, not once per comparison or per sort: a
        // library sorts thousands of documents on every frame while it loads.
        let keys = &mut self.library.keys;
        keys.truncate(docs.len());
        while let Some(doc) = docs.get(keys.len()) {
            keys.push(SortKeys::of(doc));
        }
        let keys = &*keys;
        let mut rows: Vec<usize> = (0..docs.len()).collect();
        match self.library.sort {
            // Newest first.
            SortKey::Year => rows.sort_by(|&i, &j| {
                let (a, b) = (&keys[i], &keys[j]);
                b.year.cmp(&a.year).then_with(|| a.title.cmp(&b.title))
            }),
            SortKey::Title => rows.sort_by(|&i, &j| {
                let (a, b) = (&keys[i], &keys[j]);
                (a.title.cmp(&b.title)).then_with(|| docs[i].source.cmp(&docs[j].source))
            }),
            SortKey::Author => rows.sort_by(|&i, &j| {
                let (a, b) = (&keys[i], &keys[j]);
                (a.author.cmp(&b.author))
                    .then_with(|| a.year.cmp(&b.year))
                    .then_with(|| a.title.cmp(&b.title))
            }),
        }
        self.library.rows = rows;
        self.library.selected = match selected {
            Some(d) => self.library.rows.iter().position(|&r| r == d).unwrap_or(0),
            None => self
                .library
                .selected
                .min(self.library.rows.len().saturating_sub(1)),
        };
    }

    /// Makes document `doc` the one in the Sections view.
    fn open_document(&mut self, doc: usize) {
        if doc >= self.docs.len() {
            return;
        }
        let same = doc == self.current && !self.reader.layout.lines.is_empty();
        if !same {
            self.restore_blocks(doc);
            if self.current != doc && self.reopen.is_some() {
                if let Some(previous) = self.docs.get_mut(self.current) {
                    library::slim(previous);
                }
            }
        }
        self.current = doc;
        if !same {
            let n = self.doc().sections.len();
            self.outline = OutlineState {
                collapsed: vec![false; n],
                selected: (n > 0).then_some(0),
                ..Default::default()
            };
            self.reader = ReaderState::default();
            self.refresh_outline();
            let (w, h) = (self.areas.screen.width, self.areas.screen.height);
            self.resize(w, h);
            // What the model could not read (an encrypted body, front matter kept as text)
            // is said on the first screen, not only in the `i` popup.
            if self.message.is_none() {
                self.message = warning_summary(&self.doc().warnings);
            }
        }
    }

    /// Reads a slimmed library document again for the reader (its blocks were dropped to
    /// keep a large library in memory).
    fn restore_blocks(&mut self, doc: usize) {
        let Some(reopen) = self.reopen else { return };
        let Some(d) = self.docs.get(doc) else { return };
        if !d.blocks.is_empty() || d.sections.is_empty() && d.quotes.is_empty() {
            return;
        }
        let Some(path) = d.path.as_deref() else {
            self.message = Some(format!("Cannot read {} again", d.source));
            return;
        };
        match reopen(path) {
            Some(full)
                if full.quotes.len() == d.quotes.len()
                    && full.timeline.len() == d.timeline.len() =>
            {
                // Same counts, but the events may have changed with the file.
                let changed = full.timeline != self.docs[doc].timeline;
                self.docs[doc] = full;
                if let Some(keys) = self.library.keys.get_mut(doc) {
                    *keys = SortKeys::of(&self.docs[doc]);
                }
                self.timeline.document_read_again(&self.docs, changed);
            }
            Some(_) => self.message = Some("The file changed since it was loaded".into()),
            None => self.message = Some(format!("Cannot read {} again", d.source)),
        }
    }

    /// The key context for the current state: a search box being typed into, or a pane.
    pub fn context(&self) -> Context {
        match self.view {
            View::Sections if self.reader.search.typing => Context::Typing,
            View::Timeline if self.timeline.typing => Context::Typing,
            View::Quotes if self.quotes.typing => Context::Typing,
            View::People if self.people.typing => Context::Typing,
            View::Sections if self.focus == Focus::Outline && self.areas.outline.width > 0 => {
                Context::Outline
            }
            View::Sections => Context::Reader,
            View::Timeline => Context::Timeline,
            View::Quotes => Context::Quotes,
            View::Library => Context::Library,
            View::People => Context::People,
        }
    }

    /// Handles a key press: maps it through the key table and applies the action.
    pub fn key(&mut self, key: Key) {
        self.message = None;
        self.last_click = None;
        if let Some(action) = action::map_key(key, self.context()) {
            self.update(action);
        }
    }

    /// Applies one action. The only place state changes.
    pub fn update(&mut self, action: Action) {
        if self.overlay.is_some() {
            match action {
                Action::Escape | Action::Quit | Action::Help | Action::Info => {
                    let reopen = match (action, self.overlay) {
                        (Action::Help, Some(Overlay::Info)) => Some(Overlay::Help),
                        (Action::Info, Some(Overlay::Help)) => Some(Overlay::Info),
                        _ => None,
                    };
                    self.overlay = reopen;
                    self.overlay_scroll = 0;
                }
                Action::Down => self.scroll_overlay(1, 0),
                Action::Up => self.scroll_overlay(-1, 0),
                Action::PageDown => self.scroll_overlay(0, 1),
                Action::PageUp => self.scroll_overlay(0, -1),
                Action::Top => self.overlay_scroll = 0,
                Action::Bottom => self.scroll_overlay(isize::MAX / 2, 0),
                Action::Scroll(_, _, d) => self.scroll_overlay(d as isize * 3, 0),
                Action::ForceQuit => self.quit = true,
                Action::Resize(w, h) => {
                    self.resize(w, h);
                    self.scroll_overlay(0, 0);
                }
                _ => {}
            }
            return;
        }
        let box_before = (self.context() == Context::Typing).then_some(self.view);
        self.apply_action(action);
        // A box entered (or its text replaced, as Tab completion does) edits at its end.
        if self.context() == Context::Typing
            && (box_before != Some(self.view) || action == Action::Complete)
        {
            self.cursor_to_end();
        }
    }

    fn apply_action(&mut self, action: Action) {
        match action {
            Action::Quit | Action::ForceQuit => self.quit = true,
            Action::Show(view) => self.show(view),
            Action::Help => self.open_overlay(Overlay::Help),
            Action::Info => self.open_overlay(Overlay::Info),
            Action::Escape => self.escape(),
            Action::Back => self.back(),
            Action::FocusNext | Action::FocusPrev => self.cycle_focus(),
            Action::Up => self.move_by(-1),
            Action::Down => self.move_by(1),
            Action::PageUp => self.move_by(-(self.page() as isize)),
            Action::PageDown => self.move_by(self.page() as isize),
            Action::Top => self.move_by(isize::MIN / 2),
            Action::Bottom => self.move_by(isize::MAX / 2),
            Action::Collapse => self.collapse(),
            Action::Expand => self.set_collapsed(false),
            Action::Enter => self.enter(),
            Action::PrevSection => self.step_section(-1),
            Action::NextSection => self.step_section(1),
            Action::Search => self.start_search(),
            Action::NextMatch => self.step_match(1),
            Action::PrevMatch => self.step_match(-1),
            Action::Copy => self.copy(),
            Action::Sort => {
                self.library.sort = match self.library.sort {
                    SortKey::Year => SortKey::Title,
                    SortKey::Title => SortKey::Author,
                    SortKey::Author => SortKey::Year,
                };
                self.sort_library(true);
                self.message = Some(format!("Sorted by {}", self.library.sort.label()));
            }
            Action::Problems => self.library.show_problems = !self.library.show_problems,
            Action::Links => {
                let links = !self.reader.layout.links;
                self.relayout(self.reader.layout.width, links);
                self.message = Some(
                    if links {
                        "Link targets shown"
                    } else {
                        "Link targets hidden"
                    }
                    .into(),
                );
            }
            Action::Complete => self.complete_speaker(),
            Action::PersonEvents => self.person_events(),
            Action::Reload => self.request_reload(),
            Action::Edit => self.request_edit(),
            Action::Type(c) => self.edit(Edit::Insert(c)),
            Action::EditText(edit) => self.edit(edit),
            Action::Resize(w, h) => self.resize(w, h),
            Action::Scroll(x, y, d) => self.scroll_at(x, y, d),
            Action::Click(x, y) => self.click(x, y),
        }
    }

    /// Scrolls the popup by `rows` rows and `pages` pages, no further than its last row at
    /// the bottom. Its lines are built once per call, for both the page and the limit.
    fn scroll_overlay(&mut self, rows: isize, pages: isize) {
        let (max, page) = view::help::scroll_room(self);
        let delta = rows + pages * page as isize;
        self.overlay_scroll = self.overlay_scroll.saturating_add_signed(delta).min(max);
    }

    fn open_overlay(&mut self, overlay: Overlay) {
        self.overlay = Some(overlay);
        self.overlay_scroll = 0;
    }

    fn show(&mut self, view: View) {
        if !self.views().contains(&view) {
            return;
        }
        if view == View::Quotes && self.view != View::Quotes {
            self.quotes.typing = true;
        }
        if view == View::People && self.view != View::People {
            self.people.typing = true;
            self.people.update(&self.docs);
        }
        // A library's Sections view before any document is opened shows the one selected.
        if view == View::Sections && self.reader.layout.lines.is_empty() {
            if let Some(&d) = self.library.rows.get(self.library.selected) {
                self.open_document(d);
            }
        }
        self.view = view;
        self.reader.search.typing = false;
        self.timeline.typing = false;
        self.areas = view::areas(self.areas.screen, self.view);
    }

    fn escape(&mut self) {
        match self.context() {
            Context::Typing => match self.view {
                View::Sections => {
                    self.reader.search = TextSearch::default();
                }
                View::Timeline => {
                    self.timeline.filter.clear();
                    self.timeline.typing = false;
                    self.timeline.update(&self.docs);
                }
                View::Quotes => {
                    self.quotes.query.clear();
                    self.quotes.typing = false;
                    self.quotes.suggestions.clear();
                    self.rerank();
                }
                View::People => {
                    self.people.filter.clear();
                    self.people.typing = false;
                    self.people.refilter();
                }
                View::Library => {}
            },
            _ => {
                if self.reader.search.query.is_empty() {
                    self.reader.marked = None;
                }
                self.reader.search = TextSearch::default();
            }
        }
    }

    /// Stops typing into the view's box, keeping what it holds: the keys move in the list.
    fn leave_box(&mut self) {
        match self.view {
            View::Sections => self.reader.search.typing = false,
            View::Timeline => self.timeline.typing = false,
            View::Quotes => self.quotes.typing = false,
            View::People => self.people.typing = false,
            View::Library => {}
        }
        if self.view == View::Sections {
            self.message = self.match_count();
        }
    }

    fn cycle_focus(&mut self) {
        match self.view {
            View::Sections => {
                self.focus = match self.focus {
                    Focus::Outline => Focus::Reader,
                    Focus::Reader if self.areas.outline.width > 0 => Focus::Outline,
                    Focus::Reader => Focus::Reader,
                }
            }
            View::Quotes => self.quotes.typing = !self.quotes.typing,
            View::People => self.people.typing = !self.people.typing,
            View::Timeline => self.timeline.typing = !self.timeline.typing,
            View::Library => {}
        }
    }

    /// Rows a page moves in the focused pane.
    fn page(&self) -> usize {
        let h = match (self.view, self.focus) {
            (View::Sections, Focus::Outline) => self.areas.outline.height,
            (View::Sections, Focus::Reader) => self.reader_area().height,
            (View::Timeline, _) => self.areas.list.height,
            (View::Quotes, _) => self.areas.list.height / 4,
            (View::Library | View::People, _) => self.areas.list.height,
        };
        (h as usize).saturating_sub(1).max(1)
    }

    fn move_by(&mut self, delta: isize) {
        match (self.view, self.focus) {
            (View::Sections, Focus::Outline) if self.areas.outline.width > 0 => {
                let visible = &self.outline.visible;
                if visible.is_empty() {
                    return;
                }
                let row = self.outline_row();
                let to = row.saturating_add_signed(delta).min(visible.len() - 1);
                let section = visible[to];
                self.outline.selected = Some(section);
                self.reader.top = self
                    .reader
                    .layout
                    .section_lines
                    .get(section)
                    .copied()
                    .unwrap_or(0);
                self.clamp_reader();
            }
            (View::Sections, _) => self.scroll_reader(delta),
            (View::Timeline, _) => {
                self.timeline.selected =
                    step(self.timeline.selected, delta, self.timeline.row_count());
            }
            (View::Quotes, _) => {
                self.quotes.selected = step(self.quotes.selected, delta, self.quotes.hits.len());
            }
            (View::Library, _) => {
                self.library.selected = step(self.library.selected, delta, self.library.rows.len());
            }
            (View::People, _) => {
                self.people.selected = step(self.people.selected, delta, self.people.rows.len());
            }
        }
    }

    /// The visible outline row of the selected section (or of its nearest visible ancestor).
    pub fn outline_row(&self) -> usize {
        let Some(mut s) = self.outline.selected else {
            return 0;
        };
        loop {
            if let Ok(row) = self.outline.visible.binary_search(&s) {
                return row;
            }
            match self.doc().sections.get(s).and_then(|x| x.parent) {
                Some(p) => s = p,
                None => return 0,
            }
        }
    }

    fn scroll_reader(&mut self, delta: isize) {
        self.reader.top = self.reader.top.saturating_add_signed(delta);
        self.clamp_reader();
        self.sync_outline();
    }

    fn max_top(&self) -> usize {
        self.reader
            .layout
            .lines
            .len()
            .saturating_sub(self.reader_area().height as usize)
    }

    fn clamp_reader(&mut self) {
        self.reader.top = self.reader.top.min(self.max_top());
    }

    /// Highlights the section whose text is at the top of the reader (at the very end, the
    /// last section on screen, so the final short sections can be reached).
    fn sync_outline(&mut self) {
        let layout = &self.reader.layout;
        let at = if self.reader.top >= self.max_top() && self.max_top() > 0 {
            layout.lines.len().saturating_sub(1)
        } else {
            self.reader.top + usize::from(self.reader.top > 0)
        };
        let section = layout.section_at(at);
        if section.is_some() || self.reader.top == 0 {
            self.outline.selected = section.or((!self.doc().sections.is_empty()).then_some(0));
        }
    }

    /// Shows section `s` at the top of the reader and highlights it.
    fn show_section(&mut self, s: usize) {
        self.reader.top = self
            .reader
            .layout
            .section_lines
            .get(s)
            .copied()
            .unwrap_or(0);
        self.clamp_reader();
        self.outline.selected = Some(s);
    }

    /// How far through the document the reader is, 0–100.
    pub fn percent(&self) -> usize {
        let max = self.max_top();
        (self.reader.top * 100).checked_div(max).unwrap_or(100)
    }

    fn collapse(&mut self) {
        let Some(s) = self.outline.selected else {
            return;
        };
        if self.has_children(s) && !self.outline.collapsed[s] {
            self.set_collapsed(true);
        } else if let Some(parent) = self.doc().sections[s].parent {
            self.outline.selected = Some(parent);
            self.reader.top = self
                .reader
                .layout
                .section_lines
                .get(parent)
                .copied()
                .unwrap_or(0);
            self.clamp_reader();
        }
    }

    /// True when section `s` has subsections.
    pub fn has_children(&self, s: usize) -> bool {
        self.doc()
            .sections
            .get(s + 1)
            .is_some_and(|next| next.level > self.doc().sections[s].level)
    }

    fn set_collapsed(&mut self, collapsed: bool) {
        let Some(s) = self.outline.selected else {
            return;
        };
        let s = self
            .outline
            .visible
            .get(self.outline_row())
            .copied()
            .unwrap_or(s);
        if self.has_children(s) {
            self.outline.collapsed[s] = collapsed;
            self.outline.selected = Some(s);
            self.refresh_outline();
        }
    }

    fn refresh_outline(&mut self) {
        let mut visible = Vec::with_capacity(self.doc().sections.len());
        let mut hide_below: Option<u8> = None;
        for (i, s) in self.doc().sections.iter().enumerate() {
            if let Some(level) = hide_below {
                if s.level > level {
                    continue;
                }
                hide_below = None;
            }
            visible.push(i);
            if self.outline.collapsed[i] {
                hide_below = Some(s.level);
            }
        }
        self.outline.visible = visible;
    }

    fn enter(&mut self) {
        match self.context() {
            Context::Typing => match self.view {
                View::Sections => {
                    self.reader.search.typing = false;
                    self.message = self.match_count();
                }
                View::Timeline => self.timeline.typing = false,
                View::Quotes => self.jump_to_quote(),
                View::People => self.person_quotes(),
                View::Library => {}
            },
            Context::Outline => {
                let Some(s) = self.outline.selected else {
                    return;
                };
                let collapsed = self.outline.collapsed.get(s).copied().unwrap_or(false);
                self.set_collapsed(!collapsed);
            }
            Context::Timeline => {
                if let Some((d, e)) = self.timeline.row(self.timeline.selected) {
                    let line = self.docs[d].timeline[e].line;
                    self.jump_to_source(d, line);
                }
            }
            Context::Quotes => self.jump_to_quote(),
            Context::People => self.person_quotes(),
            Context::Library => {
                if let Some(&d) = self.library.rows.get(self.library.selected) {
                    self.jumps.push(self.here());
                    self.open_document(d);
                    self.show(View::Sections);
                }
            }
            _ => {}
        }
    }

    /// The Quotes view with the selected person's `@` words as the query.
    fn person_quotes(&mut self) {
        let Some(person) = self.people.selected_person() else {
            return;
        };
        self.quotes.query = format!("{} ", self.people.query_words(person));
        self.quotes.suggestions.clear();
        self.show(View::Quotes);
        // On the results, not in the box: j/k move through them, `/` edits the query.
        self.quotes.typing = false;
        self.rerank();
    }

    /// The Timeline view filtered by the selected person's surname: the events whose
    /// title or section names them.
    fn person_events(&mut self) {
        if self.view != View::People {
            return;
        }
        let Some(person) = self.people.selected_person() else {
            return;
        };
        let surname = person.name.rsplit(' ').next().unwrap_or_default();
        self.timeline.filter = surname.to_lowercase();
        self.timeline.update(&self.docs);
        self.timeline.selected = 0;
        self.show(View::Timeline);
    }

    /// Offers the speakers whose name holds the `@` word being typed in the quote box.
    fn suggest_speakers(&mut self) {
        self.quotes.suggestions.clear();
        let Some(partial) = partial_speaker(&self.quotes.query) else {
            return;
        };
        let partial = partial.to_string();
        self.people.update(&self.docs);
        self.quotes.suggestions = (self.people.matching(&partial, 8).into_iter())
            .map(|p| p.name.clone())
            .collect();
    }

    /// Replaces the `@` word being typed with the first speaker offered.
    /// With nothing to complete, Tab moves from the box to the list.
    fn complete_speaker(&mut self) {
        let partial = (self.view == View::Quotes)
            .then(|| partial_speaker(&self.quotes.query))
            .flatten();
        let (Some(partial), Some(name)) = (partial, self.quotes.suggestions.first()) else {
            self.leave_box();
            return;
        };
        let cut = self.quotes.query.len() - partial.len() - 1;
        let Some(person) = (self.people.directory.people.iter()).find(|p| &p.name == name) else {
            return;
        };
        let words = self.people.query_words(person);
        self.quotes.query.truncate(cut);
        self.quotes.query.push_str(&words);
        self.quotes.query.push(' ');
        self.quotes.suggestions.clear();
        self.rerank();
    }

    fn jump_to_quote(&mut self) {
        let Some(hit) = self.quotes.hits.get(self.quotes.selected) else {
            return;
        };
        if let Some((d, q)) = self.index.locate(hit.quote) {
            let line = self.docs[d].quotes[q].line;
            self.quotes.typing = false;
            self.jump_to_source(d, line);
        }
    }

    /// The document and quote of search hit `hit`.
    pub fn hit_quote(&self, hit: &Hit) -> Option<(usize, &crate::document::Quote)> {
        let (d, q) = self.index.locate(hit.quote)?;
        Some((d, self.docs.get(d)?.quotes.get(q)?))
    }

    fn here(&self) -> Place {
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
    pub fn jump_to_source(&mut self, doc: usize, line: usize) {
        self.jumps.push(self.here());
        self.open_document(doc);
        let marked = self.reader.layout.lines_for_source(self.doc(), line);
        let target = marked.start;
        self.reader.marked = Some(marked);
        self.show(View::Sections);
        self.focus = Focus::Reader;
        self.reader.top = target.saturating_sub(2);
        self.clamp_reader();
        let block = self.reader.layout.lines.get(target).map(|l| l.block);
        if let Some(section) = block
            .and_then(|b| self.doc().blocks.get(b))
            .and_then(|b| b.section())
        {
            self.outline.selected = Some(section);
        }
    }

    fn back(&mut self) {
        let Some(place) = self.jumps.pop() else {
            self.message = Some("Nothing to go back to".into());
            return;
        };
        self.open_document(place.doc);
        self.show(place.view);
        // Back lands on the list it left, not in its box: the next Backspace goes back again.
        self.quotes.typing = false;
        self.people.typing = false;
        self.focus = place.focus;
        self.reader.top = place.top;
        self.reader.marked = place.marked;
        self.clamp_reader();
        self.sync_outline();
    }

    fn step_section(&mut self, dir: isize) {
        if self.view != View::Sections || self.doc().sections.is_empty() {
            return;
        }
        let at_heading = self
            .outline
            .selected
            .is_some_and(|s| self.reader.layout.section_lines.get(s) == Some(&self.reader.top));
        let current = self.outline.selected.unwrap_or(0);
        let target = match dir {
            d if d > 0 => (current + 1).min(self.doc().sections.len() - 1),
            // `[` inside a section goes to its own heading first.
            _ if !at_heading && self.reader.top > 0 => current,
            _ => current.saturating_sub(1),
        };
        self.show_section(target);
    }

    fn start_search(&mut self) {
        match self.view {
            View::Sections => {
                self.focus = Focus::Reader;
                self.reader.search = TextSearch {
                    typing: true,
                    ..Default::default()
                };
            }
            View::Timeline => self.timeline.typing = true,
            View::Quotes => self.quotes.typing = true,
            View::People => self.people.typing = true,
            View::Library => {}
        }
    }

    /// The text of the search box being typed into, if any.
    fn typed_text(&mut self) -> Option<&mut String> {
        if self.context() != Context::Typing {
            return None;
        }
        match self.view {
            View::Sections => Some(&mut self.reader.search.query),
            View::Timeline => Some(&mut self.timeline.filter),
            View::Quotes => Some(&mut self.quotes.query),
            View::People => Some(&mut self.people.filter),
            View::Library => None,
        }
    }

    /// Puts the cursor at the end of the search box just entered.
    fn cursor_to_end(&mut self) {
        self.cursor = self.typed_text().map_or(0, |t| t.len());
    }

    fn edit(&mut self, edit: Edit) {
        let mut cursor = self.cursor;
        let Some(text) = self.typed_text() else {
            return;
        };
        textbox::apply(text, &mut cursor, edit);
        self.cursor = cursor;
        if !edit.changes_text() {
            return;
        }
        match self.view {
            View::Sections => self.find_matches(),
            View::Timeline => self.timeline.update(&self.docs),
            View::Quotes => {
                self.rerank();
                self.suggest_speakers();
            }
            View::People => self.people.refilter(),
            View::Library => {}
        }
    }

    fn find_matches(&mut self) {
        let query = self.reader.search.query.to_lowercase();
        self.reader.search.matches = if query.is_empty() {
            Vec::new()
        } else {
            self.reader
                .layout
                .lines
                .iter()
                .enumerate()
                .filter(|(_, l)| l.text.to_lowercase().contains(&query))
                .map(|(i, _)| i)
                .collect()
        };
        // Start at the first match at or after the top of the screen.
        let top = self.reader.top;
        self.reader.search.current = self
            .reader
            .search
            .matches
            .iter()
            .position(|&l| l >= top)
            .unwrap_or(0);
        self.show_match();
    }

    fn show_match(&mut self) {
        if let Some(&line) = self.reader.search.matches.get(self.reader.search.current) {
            let height = self.reader_area().height as usize;
            if line < self.reader.top || line >= self.reader.top + height {
                self.reader.top = line.saturating_sub(height / 3);
                self.clamp_reader();
                self.sync_outline();
            }
        }
    }

    fn step_match(&mut self, dir: isize) {
        let n = self.reader.search.matches.len();
        if n == 0 {
            self.message = Some(if self.reader.search.query.is_empty() {
                "Press / to search".into()
            } else {
                "No matches".to_string()
            });
            return;
        }
        self.reader.search.current =
            (self.reader.search.current as isize + dir).rem_euclid(n as isize) as usize;
        self.show_match();
        self.message = self.match_count();
    }

    /// `Match 2/7`, or that nothing matched, for the footer; nothing with no query.
    pub fn match_count(&self) -> Option<String> {
        let search = &self.reader.search;
        if search.query.is_empty() {
            return None;
        }
        Some(match search.matches.len() {
            0 => format!("No match for “{}”", search.query),
            n => format!("Match {}/{n}", search.current + 1),
        })
    }

    /// Ranks the quotes for the query: inline, or by asking the terminal layer to run it on
    /// the search thread (the old results stay until the answer comes; stale answers are
    /// dropped). A query typed further narrows the results it grew from, when it can only
    /// match fewer (see [`search::query::narrows`]).
    fn rerank(&mut self) {
        self.index_unindexed();
        let query = self.quotes.query.trim().to_string();
        let grows = !self.quotes.ranked_for.is_empty()
            && search::query::narrows(&self.quotes.ranked_for, &query)
            && !self.quotes.searching;
        let within: Option<Vec<usize>> =
            grows.then(|| self.quotes.hits.iter().map(|h| h.quote).collect());
        self.quotes.generation += 1;
        if self.background_search && self.index.len() >= self.background_from.max(1) {
            self.quotes.searching = true;
            self.quotes.pending_for = query.clone();
            self.search_request = Some(SearchRequest {
                generation: self.quotes.generation,
                query,
                within,
                index: Arc::clone(&self.index),
            });
            return;
        }
        let hits = self.index.rank(&query, within.as_deref());
        self.quotes.hits = hits;
        self.quotes.ranked_for = query;
        self.quotes.selected = 0;
    }

    /// Takes the search thread's answer to request `generation`; a stale one is dropped.
    pub fn searched(&mut self, generation: u64, hits: Vec<Hit>) {
        // The search has let go of the index: documents that came meanwhile can join it,
        // and the query is ranked again over them.
        if self.index_unindexed() {
            self.stale = true;
        }
        if generation != self.quotes.generation {
            return;
        }
        self.quotes.hits = hits;
        self.quotes.ranked_for = std::mem::take(&mut self.quotes.pending_for);
        self.quotes.searching = false;
        self.quotes.selected = 0;
        self.follow_selected_quote();
    }

    /// A search hit's quote with its citation: `"text" — Speaker, Title (Year), source_url`.
    pub fn citation(&self, hit: &Hit) -> Option<String> {
        let (d, q) = self.hit_quote(hit)?;
        let doc = &self.docs[d];
        let mut out = format!("\"{}\"", q.text.replace('\n', " "));
        let mut parts = Vec::new();
        if let Some(s) = &q.speaker {
            parts.push(s.clone());
        }
        let mut title = doc.title();
        if let Some(year) = doc.field("year") {
            title = format!("{title} ({year})");
        }
        parts.push(title);
        if let Some(url) = doc.field("source_url") {
            parts.push(url);
        }
        out.push_str(" — ");
        out.push_str(&parts.join(", "));
        Some(out)
    }

    fn copy(&mut self) {
        if self.view != View::Quotes {
            return;
        }
        let Some(hit) = self.quotes.hits.get(self.quotes.selected) else {
            return;
        };
        if let Some(text) = self.citation(hit) {
            self.clipboard = Some(text);
            self.message = Some("Copied the quote and its citation".into());
        }
    }

    fn resize(&mut self, width: u16, height: u16) {
        self.areas = view::areas(Rect::new(0, 0, width, height), self.view);
        if self.areas.outline.width == 0 {
            self.focus = Focus::Reader;
        }
        let text_width = view::reader_text_width(self.reader_area());
        if text_width != self.reader.layout.width || self.reader.layout.lines.is_empty() {
            self.relayout(text_width, self.reader.layout.links);
        }
        self.clamp_reader();
    }

    fn relayout(&mut self, width: u16, links: bool) {
        // Keep the same block at the top across a relayout.
        let block = self
            .reader
            .layout
            .lines
            .get(self.reader.top)
            .map(|l| l.block);
        let marked = self
            .reader
            .marked
            .as_ref()
            .and_then(|m| self.reader.layout.lines.get(m.start))
            .map(|l| l.block);
        self.reader.layout = markdown::layout(self.doc(), width, &self.theme, links);
        if let Some(b) = block {
            self.reader.top = self.reader.layout.block_lines.get(b).copied().unwrap_or(0);
        }
        self.reader.marked = marked.map(|b| self.reader.layout.block_range(b));
        if !self.reader.search.query.is_empty() {
            let current = self.reader.search.current;
            self.find_matches();
            self.reader.search.current =
                current.min(self.reader.search.matches.len().saturating_sub(1));
        }
        self.clamp_reader();
    }

    fn scroll_at(&mut self, x: u16, y: u16, delta: i8) {
        let at = Position::new(x, y);
        let d = delta as isize * 3;
        match self.view {
            View::Sections if self.areas.outline.contains(at) => {
                let prev = self.focus;
                self.focus = Focus::Outline;
                self.move_by(d);
                self.focus = prev;
            }
            View::Sections => self.scroll_reader(d),
            _ => self.move_by(delta as isize),
        }
    }

    fn click(&mut self, x: u16, y: u16) {
        let at = Position::new(x, y);
        let last_click = self.last_click.take();
        if self.areas.header.contains(at) {
            if let Some(view) = view::tab_at(self, x) {
                self.show(view);
            }
            return;
        }
        match self.view {
            View::Sections if self.areas.outline.contains(at) => {
                self.focus = Focus::Outline;
                let row = view::outline::first_row(self) + (y - self.areas.outline.y) as usize;
                if let Some(&s) = self.outline.visible.get(row) {
                    if self.outline.selected == Some(s) && self.has_children(s) {
                        self.outline.collapsed[s] = !self.outline.collapsed[s];
                        self.refresh_outline();
                    }
                    self.outline.selected = Some(s);
                    self.reader.top = self
                        .reader
                        .layout
                        .section_lines
                        .get(s)
                        .copied()
                        .unwrap_or(0);
                    self.clamp_reader();
                }
            }
            View::Sections if self.areas.reader.contains(at) => self.focus = Focus::Reader,
            View::Timeline if self.areas.list.contains(at) => {
                self.timeline.typing = false;
                if let Some(row) = view::timeline::row_at(self, y) {
                    self.timeline.selected = row;
                    self.click_row(row, last_click);
                }
            }
            View::Quotes if self.areas.list.contains(at) => {
                self.quotes.typing = false;
                if let Some(row) = view::quotes::row_at(self, y) {
                    self.quotes.selected = row;
                    self.click_row(row, last_click);
                }
            }
            View::Library if self.areas.list.contains(at) => {
                if let Some(row) = view::library::row_at(self, y) {
                    self.library.selected = row;
                    self.click_row(row, last_click);
                }
            }
            View::Quotes if self.areas.input.contains(at) => self.quotes.typing = true,
            View::People if self.areas.list.contains(at) => {
                self.people.typing = false;
                if let Some(row) = view::people::row_at(self, y) {
                    self.people.selected = row;
                }
            }
            View::People if self.areas.input.contains(at) => self.people.typing = true,
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

    /// The front matter as `(key, value)` display pairs.
    pub fn meta_rows(&self) -> Vec<(String, String)> {
        self.doc()
            .meta
            .iter()
            .map(|(k, v)| (k.clone(), front_matter::display_value(v)))
            .collect()
    }

    /// Presses each key of a readable spec in turn: plain characters type themselves, and
    /// `<Enter>`, `<Esc>`, `<Tab>`, `<S-Tab>`, `<BS>`, `<A-BS>`, `<Del>`, `<Up>`, `<Down>`, `<Left>`, `<Right>`,
    /// `<PgUp>`, `<PgDn>`, `<Home>`, `<End>`, `<C-x>`, `<A-x>` name the others. For tests.
    pub fn press(&mut self, spec: &str) {
        for key in parse_keys(spec) {
            self.key(key);
        }
    }
}

/// Parses a key spec like `3compute<Enter>` (see [`App::press`]).
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

/// `selected` moved by `delta` within a list of `len` rows.
fn step(selected: usize, delta: isize, len: usize) -> usize {
    selected
        .saturating_add_signed(delta)
        .min(len.saturating_sub(1))
}

/// A footer line for a document's warnings: the first, and how many more; `i` lists them.
fn warning_summary(warnings: &[crate::document::Warning]) -> Option<String> {
    let first = warnings.first()?;
    let more = match warnings.len() - 1 {
        0 => String::new(),
        n => format!(" (+{n} more)"),
    };
    Some(format!("⚠ {}{more} (i)", first.message))
}
