//! The app: all state, and [`App::update`], the only place it changes.
//!
//! Every key, click, resize, paste, loaded document, search answer and file change arrives as
//! a [`Msg`]; `update` applies it. One state per pane lives in its own module (outline,
//! reader, timeline, quotes, people, library); this one holds what spans them: opening a
//! document, jumping and going back, and routing an action to the pane it is for. The app
//! knows the model, but neither Markdown syntax, nor the terminal library, nor the view.

pub mod action;
mod cite;
mod documents;
mod files;
mod jumps;
pub mod layout;
mod library;
pub mod look;
mod marks;
mod mouse;
mod outline;
mod people;
mod popup;
mod quotes;
pub mod reader;
mod search;
mod textbox;
mod timeline;

use std::sync::Arc;

use ratatui::layout::Rect;

pub use action::{Action, Context, Edit, Key, KeyCode, Target, View, parse_keys};
pub use cite::{CiteAs, Cited};
pub use files::{FileRequest, WholeDocument};
pub use jumps::Place;
pub use layout::Areas;
pub use library::{LibraryState, SortKey};
pub use look::{Anchor, Look, Mark, Role};
pub use marks::{MarkRow, MarksAnswer, MarksDone, MarksRequest, MarksState, NotePrompt};
pub use outline::OutlineState;
pub use people::{PeopleState, partial_speaker};
pub use popup::PopupLine;
pub use quotes::QuotesState;
pub use reader::{ReaderLayout, ReaderLine, ReaderState, TextSearch};
pub use search::{PassageRow, SearchState};
pub use textbox::{BOX_LIMIT, NOTE_LIMIT};
pub use timeline::{DayBound, TimelineFilter, TimelineLine, TimelineState};

use crate::document::Document;
use crate::library::{Change, Problem};
use crate::search::{
    DocText, Hit, QuoteBatch, QuoteIndex, SearchRequest, TextHit, TextIndex, TextSearchRequest,
};

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

/// What the background loader reports.
#[derive(Debug)]
pub enum Loaded {
    /// This many files will be loaded.
    Found(usize),
    /// A document is ready, with its quotes prepared for the index and its text for the
    /// text search (see [`Loaded::document`]).
    Document(Box<Document>, QuoteBatch, DocText),
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
        let text = DocText::of(&doc);
        Loaded::Document(Box::new(doc), quotes, text)
    }

    /// [`Loaded::document`] for a library: the document is slimmed (see
    /// [`crate::library::slim`]) once its quotes and text are taken.
    pub fn slimmed(mut doc: Document) -> Loaded {
        let quotes = QuoteBatch::new(&doc.quotes);
        let text = DocText::of(&doc);
        crate::library::slim(&mut doc);
        Loaded::Document(Box::new(doc), quotes, text)
    }
}

/// Everything that changes the app's state: the one door, [`App::update`].
#[derive(Debug)]
pub enum Msg {
    /// A key press, read through the key table.
    Key(Key),
    /// An action (the key table's, or the terminal's: a resize, a click on what was drawn).
    Action(Action),
    /// Text pasted: it goes into the search box being typed into, as one edit.
    Paste(String),
    /// The background loader's report. Send [`Msg::Settle`] after a batch.
    Loaded(Loaded),
    /// A batch of loads is over: what depends on the set of documents is rebuilt once.
    Settle,
    /// The search thread's answer to the ranking asked for with this generation.
    Searched(u64, Vec<Hit>),
    /// The text search thread's answer to the query asked for with this generation.
    TextSearched(u64, Vec<TextHit>),
    /// Files changed on disk (the watcher, `r`, the editor's return).
    FilesChanged(Vec<Change>),
    /// The terminal layer put the clipboard's text where it could: this says where (`OSC 52`,
    /// `OSC 52 and wl-copy`), for the footer.
    Copied(String),
    /// A line for the footer from the terminal layer (a reload begun, an editor that
    /// failed).
    Say(String),
    /// The marks store's answer to [`App::marks_request`].
    Marks(MarksAnswer),
    /// The whole of the big document whose beginning is shown (see [`WholeDocument`]), or
    /// why it could not be read.
    Whole(Result<Box<WholeDocument>, String>),
}

/// The whole app state.
pub struct App {
    /// Every open document (one, or a library's).
    pub docs: Vec<Document>,
    /// The document in the Sections view.
    pub current: usize,
    /// The library view's state.
    pub library: LibraryState,
    /// The active view.
    pub view: View,
    /// Which Sections pane has the keyboard.
    pub focus: Focus,
    /// An open popup.
    pub overlay: Option<Overlay>,
    /// Lines scrolled in the open popup (never past its last line at the bottom).
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
    /// Text search state.
    pub search: SearchState,
    /// Marks view state, and the note prompt.
    pub marks: MarksState,
    /// A write to or a read of the marks store for the terminal layer to run (see
    /// [`MarksRequest::run`]).
    pub marks_request: Option<MarksRequest>,
    /// The folder the app was started in (set by the terminal layer), against which a
    /// mark names its document's file.
    pub cwd: Option<std::path::PathBuf>,
    /// Every document's searchable text (shared with a search thread).
    texts: Arc<TextIndex>,
    /// A text search for the terminal layer to run off the UI thread.
    pub text_request: Option<TextSearchRequest>,
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
    /// A URL for the terminal layer to open with the platform's opener (`o`), checked by
    /// [`reader::safe_url`].
    pub open_url: Option<String>,
    /// File changes that came while a library loaded, taken when it is done.
    waiting_changes: Vec<Change>,
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
    /// Only the beginning of the document is open: the rest is being read (set by the
    /// terminal layer, which reads it; [`Msg::Whole`] ends it). Every count on screen is of
    /// the beginning until then, and the footer says so.
    pub reading_rest: bool,
    empty: Document,
}

impl App {
    /// An app over one document in a terminal of `width` × `height`.
    pub fn new(doc: Document, width: u16, height: u16) -> App {
        let mut app = App::empty(width, height);
        let quotes = QuoteBatch::new(&doc.quotes);
        // One document alone keeps its text: the search shares it.
        let text = DocText::sharing(&doc);
        app.add_document(doc, quotes, text);
        app.settle();
        app.open_document(0);
        app
    }

    /// An app for a library whose documents will arrive as [`Msg::Loaded`]; it starts on
    /// the Library view.
    pub fn library(width: u16, height: u16) -> App {
        let mut app = App::empty(width, height);
        app.library.folder = true;
        app.library.loading = Some((0, 0));
        app.view = View::Library;
        app.resize(width, height);
        app
    }

    fn empty(width: u16, height: u16) -> App {
        let mut app = App {
            docs: Vec::new(),
            current: 0,
            library: LibraryState::default(),
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
            search: SearchState::default(),
            marks: MarksState::default(),
            marks_request: None,
            cwd: None,
            texts: Arc::default(),
            text_request: None,
            jumps: Vec::new(),
            message: None,
            clipboard: None,
            quit: false,
            file_request: None,
            open_url: None,
            waiting_changes: Vec::new(),
            follow_quote: None,
            index: Arc::new(QuoteIndex::default()),
            search_request: None,
            unindexed: Vec::new(),
            background_search: false,
            background_from: 5_000,
            stale: false,
            reopen: None,
            reading_rest: false,
            empty: Document::default(),
        };
        app.areas = layout::areas(Rect::new(0, 0, width, height), app.view);
        app
    }

    /// Where the reader is (or would be, from another view) on this screen.
    fn reader_area(&self) -> Rect {
        layout::areas(self.areas.screen, View::Sections).reader
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

    /// The tabs in the header: [`App::views`], and the view shown when it is one of
    /// [`View::MORE`].
    pub fn tabs(&self) -> Vec<View> {
        let mut tabs = self.views().to_vec();
        if View::MORE.contains(&self.view) {
            tabs.push(self.view);
        }
        tabs
    }

    /// Applies one message. The only place state changes.
    pub fn update(&mut self, msg: Msg) {
        match msg {
            Msg::Key(key) => self.key(key),
            Msg::Action(action) => self.act(action),
            Msg::Paste(text) => self.paste(&text),
            Msg::Loaded(loaded) => self.loaded(loaded),
            Msg::Settle => {
                self.settle();
                self.relocate_marks();
            }
            Msg::Searched(generation, hits) => self.searched(generation, hits),
            Msg::TextSearched(generation, hits) => self.text_searched(generation, hits),
            Msg::FilesChanged(changes) => {
                self.files_changed(changes);
                self.relocate_marks();
            }
            Msg::Whole(whole) => self.whole_read(whole),
            Msg::Copied(via) => self.copied(&via),
            Msg::Say(text) => self.message = Some(text),
            Msg::Marks(answer) => self.marks_answered(answer),
        }
        self.highlight_hits();
        self.search_rows();
    }

    /// Presses each key of a readable spec in turn (see [`parse_keys`]). For tests.
    pub fn press(&mut self, spec: &str) {
        for key in parse_keys(spec) {
            self.update(Msg::Key(key));
        }
    }

    /// The key context for the current state: a search box being typed into, or a pane.
    pub fn context(&self) -> Context {
        if self.marks.note.is_some() {
            return Context::Typing;
        }
        match self.view {
            View::Sections if self.reader.search.typing => Context::Typing,
            View::Timeline if self.timeline.typing => Context::Typing,
            View::Quotes if self.quotes.typing => Context::Typing,
            View::People if self.people.typing => Context::Typing,
            View::Search if self.search.typing => Context::Typing,
            View::Sections if self.focus == Focus::Outline && self.areas.outline.width > 0 => {
                Context::Outline
            }
            View::Sections => Context::Reader,
            View::Timeline => Context::Timeline,
            View::Quotes => Context::Quotes,
            View::Library => Context::Library,
            View::People => Context::People,
            View::Search => Context::Search,
            View::Marks => Context::Marks,
        }
    }

    /// A key press: mapped through the key table, and the action applied.
    fn key(&mut self, key: Key) {
        self.last_click = None;
        if let KeyCode::Char(c) = key.code {
            // A character past a full box is refused before any work: a terminal without
            // bracketed paste sends a paste as keys, a megabyte of them.
            if key == Key::char(c) && self.box_is_full_for(c) {
                return;
            }
        }
        self.message = None;
        let action = action::map_key(key, self.context());
        // A delete asked for is kept only by the `d` that confirms it: any other key (one
        // bound to nothing too) keeps the mark.
        if action != Some(Action::DeleteMark) {
            self.marks.deleting = None;
        }
        if let Some(action) = action {
            self.act(action);
        }
    }

    /// Applies one action: to the popup when one is open, else to the view.
    fn act(&mut self, action: Action) {
        if self.overlay.is_some() {
            self.act_on_popup(action);
            return;
        }
        if self.marks.note.is_some() {
            self.act_on_note(action);
            return;
        }
        if action != Action::DeleteMark {
            self.marks.deleting = None;
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

    fn act_on_popup(&mut self, action: Action) {
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
            Action::Scroll(_, d) => self.scroll_overlay(d as isize * 3, 0),
            Action::ForceQuit => self.quit = true,
            Action::Open if self.overlay == Some(Overlay::Info) => self.open_link(false),
            Action::Resize(w, h) => {
                self.resize(w, h);
                self.scroll_overlay(0, 0);
            }
            _ => {}
        }
    }

    /// A key while a mark's note is typed: it edits the note, saves the mark or cancels.
    fn act_on_note(&mut self, action: Action) {
        match action {
            Action::Enter => self.save_mark(),
            Action::Escape => self.cancel_mark(),
            Action::Type(c) => self.edit(Edit::Insert(c)),
            Action::EditText(edit) => self.edit(edit),
            Action::Resize(w, h) => self.resize(w, h),
            Action::ForceQuit => self.quit = true,
            _ => {}
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
            Action::PrevSection | Action::NextSection if self.view == View::Sections => {
                self.step_section(if action == Action::NextSection { 1 } else { -1 })
            }
            Action::PrevSection | Action::NextSection => {}
            Action::Search => self.start_search(),
            Action::NextMatch => self.step_match(1),
            Action::PrevMatch => self.step_match(-1),
            Action::Copy => self.copy(CiteAs::Plain),
            Action::CopyMarkdown => self.copy(CiteAs::Markdown),
            Action::Mark => self.start_mark(),
            Action::DeleteMark => self.delete_mark(),
            Action::Sort => self.sort_next(),
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
            Action::Open => self.open_link(self.view == View::Sections),
            Action::Type(c) => self.edit(Edit::Insert(c)),
            Action::EditText(edit) => self.edit(edit),
            Action::Resize(w, h) => self.resize(w, h),
            Action::Scroll(target, d) => self.scroll_at(target, d),
            Action::Click(target) => self.click(target),
        }
    }

    fn open_overlay(&mut self, overlay: Overlay) {
        self.overlay = Some(overlay);
        self.overlay_scroll = 0;
    }

    fn show(&mut self, view: View) {
        if !self.views().contains(&view) && !View::MORE.contains(&view) {
            return;
        }
        if view == View::Quotes && self.view != View::Quotes {
            self.quotes.typing = true;
        }
        if view == View::Search && self.view != View::Search {
            self.search.typing = true;
        }
        if view == View::Marks {
            self.list_marks();
        }
        if view == View::People && self.view != View::People {
            self.people.typing = true;
            self.people.update(&self.docs);
        }
        // A library's Sections view before any document is opened shows the one selected.
        if view == View::Sections && self.reader.layout.is_empty() {
            if let Some(&d) = self.library.rows.get(self.library.selected) {
                self.open_document(d);
            }
        }
        self.view = view;
        self.reader.search.typing = false;
        self.timeline.typing = false;
        self.areas = layout::areas(self.areas.screen, self.view);
        self.lay_out_screen();
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
                View::Search => {
                    self.search.query.clear();
                    self.search.typing = false;
                    self.search_text();
                }
                View::Library | View::Marks => {}
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
            View::Sections => self.enter_reader_search(),
            View::Timeline => self.timeline.typing = false,
            View::Quotes => self.quotes.typing = false,
            View::People => self.people.typing = false,
            View::Search => self.search.typing = false,
            View::Library | View::Marks => {}
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
            View::Search => self.search.typing = !self.search.typing,
            View::Library | View::Marks => {}
        }
    }

    /// Rows a page moves in the focused pane.
    fn page(&self) -> usize {
        let h = match (self.view, self.focus) {
            (View::Sections, Focus::Outline) => self.areas.outline.height,
            (View::Sections, Focus::Reader) => self.reader_area().height,
            (View::Timeline, _) => self.areas.list.height,
            (View::Quotes, _) => self.areas.list.height / 4,
            (View::Library | View::People | View::Search, _) => self.areas.list.height,
            (View::Marks, _) => self.areas.list.height / 2,
        };
        (h as usize).saturating_sub(1).max(1)
    }

    fn move_by(&mut self, delta: isize) {
        match (self.view, self.focus) {
            (View::Sections, Focus::Outline) if self.areas.outline.width > 0 => {
                self.move_in_outline(delta)
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
            (View::Search, _) => {
                self.search.selected = step(self.search.selected, delta, self.search.hits.len());
            }
            (View::Marks, _) => {
                self.marks.selected = step(self.marks.selected, delta, self.marks.rows.len());
            }
        }
    }

    fn enter(&mut self) {
        match self.context() {
            Context::Typing => match self.view {
                View::Sections => self.enter_reader_search(),
                View::Timeline => self.timeline.typing = false,
                View::Quotes => self.jump_to_quote(),
                View::People => self.person_quotes(),
                View::Search => self.jump_to_passage(),
                View::Library | View::Marks => {}
            },
            Context::Outline => self.toggle_collapsed(),
            Context::Timeline => {
                if let Some((d, e)) = self.timeline.row(self.timeline.selected) {
                    let line = self.docs[d].timeline[e].line;
                    self.jump_to_source(d, line);
                }
            }
            Context::Quotes => self.jump_to_quote(),
            Context::People => self.person_quotes(),
            Context::Reader => self.follow_footnote(),
            Context::Search => self.jump_to_passage(),
            Context::Marks => self.jump_to_mark(),
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

    fn start_search(&mut self) {
        match self.view {
            View::Sections => self.start_reader_search(),
            View::Timeline => self.timeline.typing = true,
            View::Quotes => self.quotes.typing = true,
            View::People => self.people.typing = true,
            View::Search => self.search.typing = true,
            View::Library | View::Marks => {}
        }
    }

    fn resize(&mut self, width: u16, height: u16) {
        self.areas = layout::areas(Rect::new(0, 0, width, height), self.view);
        if self.areas.outline.width == 0 {
            self.focus = Focus::Reader;
        }
        let text_width = self.reader_width();
        if text_width != self.reader.layout.width || self.reader.layout.is_empty() {
            self.relayout(text_width, self.reader.layout.links);
        }
        self.clamp_reader();
    }
}

/// `selected` moved by `delta` within a list of `len` rows.
fn step(selected: usize, delta: isize, len: usize) -> usize {
    selected
        .saturating_add_signed(delta)
        .min(len.saturating_sub(1))
}

/// `n` and `noun`, plural unless `n` is one: "1 problem", "3 problems" (the nouns counted on
/// screen all take an s).
pub fn counted(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_read_as_english() {
        assert_eq!(counted(0, "problem"), "0 problems");
        assert_eq!(counted(1, "problem"), "1 problem");
        assert_eq!(counted(11, "document"), "11 documents");
    }
}
