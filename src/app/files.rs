//! The app's side of working with the files: documents read again after their file changed
//! on disk (or `r`), files added to and removed from a library, and what the terminal layer
//! is asked to do with a file (read it again, open it in the editor). The view keeps its
//! place across a reload: the same section, the nearest line, the same event and quote.

use std::path::PathBuf;
use std::sync::Arc;

use super::library::SortKeys;
use super::reader::{ReaderLayout, block_for_source, layout};
use super::{App, Focus, OutlineState, View};
use crate::document::Document;
use crate::library::{self, Change, Problem};
use crate::search::{DocText, QuoteBatch, QuoteIndex};

/// What the app asks of the terminal layer, which owns the files and the terminal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileRequest {
    /// Read `path` again now (`r`); in a library, look for added and removed files too.
    Reload {
        /// The file.
        path: PathBuf,
    },
    /// Suspend the app and open `path` at 1-based `line` in the user's editor (`e`).
    Edit {
        /// The file.
        path: PathBuf,
        /// The line on screen.
        line: usize,
    },
}

/// A big document read whole, while the app showed its beginning (see
/// [`library::open_beginning`]), with what takes long to make of it made on the thread that
/// read it, so the app takes it without a pause.
pub struct WholeDocument {
    doc: Document,
    text: DocText,
    /// The reader laid out for the width it had when the reading began.
    layout: ReaderLayout,
}

impl std::fmt::Debug for WholeDocument {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WholeDocument")
            .field("source", &self.doc.source)
            .finish_non_exhaustive()
    }
}

impl WholeDocument {
    /// The document, its text to search and its reader laid out `width` columns wide (with
    /// link targets listed when `links`): see [`App::reader_layout_key`].
    pub fn of(doc: Document, (width, links): (u16, bool)) -> WholeDocument {
        WholeDocument {
            // The document keeps its text: the search shares it (a big file's is hundreds
            // of megabytes).
            text: DocText::sharing(&doc),
            layout: layout(&doc, width, links),
            doc,
        }
    }
}

/// Where the reader was in a document, by what it showed rather than by row: rows move
/// when the text changes.
struct ReaderPlace {
    /// The selected section's title and index.
    section: Option<(String, usize)>,
    /// The source line of the block at the top, and how many rows into it the top was.
    line: usize,
    into_block: usize,
    focus: Focus,
}

/// Whether the document named `source` has a file that can be read again or edited; the
/// reason for the footer when not.
fn refusal(source: &str) -> Option<&'static str> {
    match source {
        library::EMBEDDED_SOURCE => Some("the built-in dossier has no file"),
        library::STDIN_SOURCE => Some("a dossier read from standard input has no file"),
        _ => None,
    }
}

impl App {
    /// `r`: asks the terminal layer to read the document again.
    pub(super) fn request_reload(&mut self) {
        let source = self.doc().source.clone();
        if let Some(why) = refusal(&source) {
            if !self.library.folder {
                self.message = Some(format!("Nothing to reload: {why}"));
                return;
            }
        }
        // A library with no document open yet has no path: any path asks for a new look.
        let path = self
            .doc()
            .path
            .clone()
            .unwrap_or_else(|| PathBuf::from(&source));
        self.file_request = Some(FileRequest::Reload { path });
    }

    /// `e`: asks the terminal layer to open the document at the line on screen in the
    /// editor: the selected event's or quote's in those views.
    pub(super) fn request_edit(&mut self) {
        let (doc, line) = match self.view {
            View::Timeline => match self.timeline.row(self.timeline.selected) {
                Some((d, e)) => (d, self.docs[d].timeline[e].line),
                None => (self.current, self.top_source_line()),
            },
            View::Quotes => match (self.quotes.hits.get(self.quotes.selected))
                .and_then(|h| self.index.locate(h.quote))
            {
                Some((d, q)) => (d, self.docs[d].quotes[q].line),
                None => (self.current, self.top_source_line()),
            },
            View::Library => match self.library.rows.get(self.library.selected) {
                Some(&d) => (d, 1),
                None => return,
            },
            _ => (self.current, self.top_source_line()),
        };
        let Some(d) = self.docs.get(doc) else {
            return;
        };
        let path = match (refusal(&d.source), &d.path) {
            (None, Some(path)) => path.clone(),
            (why, _) => {
                let why = why.unwrap_or("the document has no file");
                self.message = Some(format!("Cannot edit: {why}"));
                return;
            }
        };
        self.file_request = Some(FileRequest::Edit {
            path,
            line: line.max(1),
        });
    }

    /// The source line of the block at the top of the reader (1 when there is none).
    fn top_source_line(&self) -> usize {
        self.reader
            .layout
            .block_of(self.reader.top)
            .and_then(|b| self.doc().blocks.get(b))
            .map_or(1, |b| b.line())
    }

    /// Takes what the file watcher (or `r`, or the editor's return) found: documents read
    /// again or for the first time, files that could not be read, files removed. A file
    /// that cannot be read keeps its last good document on screen, and the footer says why.
    pub(super) fn files_changed(&mut self, changes: Vec<Change>) {
        if self.library.loading.is_some() {
            // The loader may still hand over these very files: taken when it is done.
            self.waiting_changes.extend(changes);
            return;
        }
        let mut said = Vec::new();
        for change in changes {
            if let Some(line) = self.apply(change) {
                said.push(line);
            }
        }
        self.message = match said.len() {
            0 => return,
            1 => said.pop(),
            n => Some(format!("{n} files changed: {}", said.join("; "))),
        };
    }

    /// Applies one change; what the footer should say about it.
    fn apply(&mut self, change: Change) -> Option<String> {
        match change {
            Change::Read(path, result) => {
                let source = library::name(&path);
                let at = self.position_of(&path);
                match (result, at) {
                    (Ok(doc), Some(i)) => {
                        // The file read again is whole: a whole read begun before it is
                        // older, and is dropped when it comes.
                        if i == self.current {
                            self.reading_rest = false;
                        }
                        self.replace_document(i, *doc);
                        Some(format!("Reloaded {source}"))
                    }
                    (Ok(doc), None) if self.library.folder => {
                        self.library.problems.retain(|p| p.path != path);
                        let quotes = QuoteBatch::new(&doc.quotes);
                        let text = crate::search::DocText::of(&doc);
                        self.add_document(*doc, quotes, text);
                        self.documents_changed();
                        Some(format!("Added {source}"))
                    }
                    (Ok(_), None) => None,
                    (Err(e), Some(_)) => Some(format!("⚠ {e} (showing the last version read)")),
                    (Err(e), None) if self.library.folder => {
                        self.library.problems.retain(|p| p.path != path);
                        self.library.problems.push(Problem::new(path, &e));
                        self.stale = true;
                        Some(format!("⚠ {e}"))
                    }
                    (Err(_), None) => None,
                }
            }
            Change::Removed(path) => {
                let source = library::name(&path);
                let problems = self.library.problems.len();
                self.library.problems.retain(|p| p.path != path);
                let removed_problem = problems != self.library.problems.len();
                match self.position_of(&path) {
                    Some(i) if self.library.folder => {
                        self.remove_document(i);
                        Some(format!("Removed {source}"))
                    }
                    Some(_) => Some(format!(
                        "⚠ {source} was removed (showing the last version read)"
                    )),
                    None if removed_problem => {
                        self.stale = true;
                        Some(format!("Removed {source}"))
                    }
                    None => None,
                }
            }
        }
    }

    /// The document read from `path` (by the path the OS gave, not the name shown).
    fn position_of(&self, path: &std::path::Path) -> Option<usize> {
        self.docs
            .iter()
            .position(|d| d.path.as_deref() == Some(path))
    }

    /// Takes the changes that came while the library loaded.
    pub(super) fn take_waiting_changes(&mut self) {
        let waiting = std::mem::take(&mut self.waiting_changes);
        if !waiting.is_empty() {
            self.files_changed(waiting);
        }
    }

    /// Puts `doc`, read again, in place of document `i`, keeping the reader's place when it
    /// is the one in the reader, and the selected event and quote where they still exist.
    fn replace_document(&mut self, i: usize, mut doc: Document) {
        let shown = i == self.current;
        self.set_text(i, crate::search::DocText::of(&doc));
        if !shown && self.reopen.is_some() {
            library::slim(&mut doc);
        }
        let place = shown.then(|| self.reader_place());
        let event = self.selected_event();
        self.remember_quote();
        self.docs[i] = doc;
        if let Some(keys) = self.library.keys.get_mut(i) {
            *keys = SortKeys::of(&self.docs[i]);
        }
        self.documents_changed();
        if let Some(place) = place {
            self.reopen_in_place(place, None);
        }
        self.select_event(event);
    }

    /// The reader's width and whether it lists link targets: what a layout made elsewhere
    /// must be made for (see [`WholeDocument::of`]).
    pub fn reader_layout_key(&self) -> (u16, bool) {
        (self.reader_width(), self.reader.layout.links)
    }

    /// Takes the whole of the document whose beginning is shown, at the same place; or says
    /// why it could not be read.
    pub(super) fn whole_read(&mut self, whole: Result<Box<WholeDocument>, String>) {
        if !self.reading_rest {
            // The file changed and was read again, whole, meanwhile: this is older.
            return;
        }
        self.reading_rest = false;
        let source = self.doc().source.clone();
        let whole = match whole {
            Ok(whole) => *whole,
            Err(e) => {
                self.message = Some(format!("⚠ {e} (showing the beginning of {source})"));
                return;
            }
        };
        let i = self.current;
        self.set_text(i, whole.text);
        let place = self.reader_place();
        let event = self.selected_event();
        self.remember_quote();
        self.docs[i] = whole.doc;
        if let Some(keys) = self.library.keys.get_mut(i) {
            *keys = SortKeys::of(&self.docs[i]);
        }
        self.documents_changed();
        self.reopen_in_place(place, Some(whole.layout));
        self.select_event(event);
        // A text search typed while the rest was read found the beginning's passages.
        if !self.search.query.trim().is_empty() {
            self.search_text();
        }
        self.message = Some(format!("Read the whole of {source}"));
    }

    /// Drops document `i` of a library (its file was removed).
    fn remove_document(&mut self, i: usize) {
        let event = self.selected_event().filter(|(d, _)| *d != i);
        let event = event.map(|(d, e)| (d - usize::from(d > i), e));
        self.remember_quote();
        self.follow_quote = (self.follow_quote.take())
            .filter(|(d, _)| *d != i)
            .map(|(d, text)| (d - usize::from(d > i), text));
        let selected = self.library.rows.get(self.library.selected).copied();
        self.docs.remove(i);
        self.remove_text(i);
        if i < self.library.keys.len() {
            self.library.keys.remove(i);
        }
        self.jumps.retain(|p| p.doc != i);
        for p in &mut self.jumps {
            p.doc -= usize::from(p.doc > i);
        }
        let shown = self.current == i;
        self.current -= usize::from(self.current > i);
        self.documents_changed();
        self.settle();
        if let Some(d) = selected.filter(|&d| d != i) {
            let d = d - usize::from(d > i);
            if let Some(row) = self.library.rows.iter().position(|&r| r == d) {
                self.library.selected = row;
            }
        }
        if shown {
            // The next document takes the reader (an empty layout makes it open afresh).
            self.current = self.current.min(self.docs.len().saturating_sub(1));
            self.reader.layout.clear();
            self.open_document(self.current);
        }
        self.select_event(event);
    }

    /// What depends on every document is made again: the quote index, the counts, the
    /// timeline and the people (a library's file changed, came or went).
    fn documents_changed(&mut self) {
        let mut index = QuoteIndex::default();
        for (d, doc) in self.docs.iter().enumerate() {
            index.add(d, &doc.quotes);
        }
        // The search thread may hold the old index: its answer is dropped as stale.
        self.index = Arc::new(index);
        self.unindexed.clear();
        self.library.events = self.docs.iter().map(|d| d.timeline.len()).sum();
        self.library.quotes = self.docs.iter().map(|d| d.quotes.len()).sum();
        self.library.keys.truncate(self.docs.len());
        self.timeline.document_read_again(&self.docs, true);
        self.people.forget();
        if self.view == View::People {
            self.people.update(&self.docs);
        }
        self.stale = true;
    }

    fn reader_place(&self) -> ReaderPlace {
        let layout = &self.reader.layout;
        let block = layout.block_of(self.reader.top);
        ReaderPlace {
            section: self
                .outline
                .selected
                .and_then(|s| Some((self.doc().sections.get(s)?.title.to_string(), s))),
            line: self.top_source_line(),
            into_block: block.map_or(0, |b| self.reader.top - layout.block_range(b).start),
            focus: self.focus,
        }
    }

    /// Lays the document read again out, and shows the same section at the nearest line.
    fn reopen_in_place(&mut self, place: ReaderPlace, made: Option<ReaderLayout>) {
        let n = self.doc().sections.len();
        let jumps = std::mem::take(&mut self.jumps);
        let message = self.message.take();
        self.outline = OutlineState {
            collapsed: vec![false; n],
            ..Default::default()
        };
        self.refresh_outline();
        // A layout made for this document elsewhere is taken if it is for this width (see
        // [`WholeDocument`]); else the reader is laid out anew.
        match made {
            Some(made) if (made.width, made.links) == self.reader_layout_key() => {
                self.reader.layout = made;
            }
            _ => self.reader.layout.clear(),
        }
        self.reader.marked = None;
        let (w, h) = (self.areas.screen.width, self.areas.screen.height);
        self.resize(w, h);
        let layout = &self.reader.layout;
        let block = block_for_source(self.doc(), place.line);
        let range = layout.block_range(block);
        self.reader.top = (range.start + place.into_block).min(range.end.saturating_sub(1));
        self.clamp_reader();
        // The section of the same title nearest where it was; else the one at the top.
        let sections = &self.doc().sections;
        let same = place.section.as_ref().and_then(|(title, at)| {
            (0..n)
                .filter(|&s| sections[s].title.as_ref() == title.as_str())
                .min_by_key(|&s| s.abs_diff(*at))
        });
        match same {
            Some(s) => self.outline.selected = Some(s),
            None => self.sync_outline(),
        }
        self.focus = place.focus;
        self.jumps = jumps;
        self.message = message;
        self.reader.search.matches.clear();
        if !self.reader.search.query.is_empty() {
            self.find_matches(false);
        }
    }

    /// The selected timeline event: its document, and its date and title to find it by.
    fn selected_event(&self) -> Option<(usize, (crate::document::Date, String))> {
        let (d, e) = self.timeline.row(self.timeline.selected)?;
        let entry = self.docs.get(d)?.timeline.get(e)?;
        Some((d, (entry.date, entry.title.clone())))
    }

    /// Selects the timeline event found by [`App::selected_event`], where it still exists.
    fn select_event(&mut self, event: Option<(usize, (crate::document::Date, String))>) {
        self.timeline.update(&self.docs);
        let Some((d, (date, title))) = event else {
            return;
        };
        let docs = &self.docs;
        let row = self.timeline.rows().position(|(rd, re)| {
            rd == d && docs[rd].timeline[re].date == date && docs[rd].timeline[re].title == title
        });
        if let Some(row) = row {
            self.timeline.selected = row;
        }
        self.timeline.selected =
            (self.timeline.selected).min(self.timeline.row_count().saturating_sub(1));
    }

    /// Notes the selected quote (document and text) so that it stays selected once the
    /// quotes are ranked again.
    fn remember_quote(&mut self) {
        let hit = self.quotes.hits.get(self.quotes.selected);
        self.follow_quote = hit
            .and_then(|h| self.index.locate(h.quote))
            .and_then(|(d, q)| Some((d, self.docs.get(d)?.quotes.get(q)?.text.clone())));
    }

    /// After a ranking: selects the quote noted by [`App::remember_quote`], if it is among
    /// the hits.
    pub(super) fn follow_selected_quote(&mut self) {
        if self.quotes.searching {
            return;
        }
        let Some((d, text)) = self.follow_quote.take() else {
            return;
        };
        let Some(q) =
            (self.docs.get(d)).and_then(|doc| doc.quotes.iter().position(|q| q.text == text))
        else {
            return;
        };
        if let Some(row) =
            (self.quotes.hits.iter()).position(|h| self.index.locate(h.quote) == Some((d, q)))
        {
            self.quotes.selected = row;
        }
    }
}
