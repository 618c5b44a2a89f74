//! The open documents: adding them as a library loads, indexing their quotes, rebuilding
//! what depends on the set of documents once per batch, and opening one in the reader
//! (reading a slimmed library document again first).

use std::sync::Arc;

use super::library::SortKeys;
use super::{App, Loaded, OutlineState, ReaderState, View, warning_summary};
use crate::document::Document;
use crate::library as folder;
use crate::search::{DocText, QuoteBatch};

impl App {
    pub(super) fn add_document(&mut self, mut doc: Document, quotes: QuoteBatch, text: DocText) {
        self.set_text(self.docs.len(), text);
        if self.reopen.is_some() {
            folder::slim(&mut doc);
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
    pub(super) fn index_unindexed(&mut self) -> bool {
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

    pub(super) fn loaded(&mut self, event: Loaded) {
        match event {
            Loaded::Found(total) => self.library.loading = Some((0, total)),
            Loaded::Document(doc, quotes, text) => {
                self.add_document(*doc, quotes, text);
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
    pub(super) fn settle(&mut self) {
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
        if self.docs.len() == 1 && self.reader.layout.is_empty() {
            self.open_document(0);
        }
    }

    /// Makes document `doc` the one in the Sections view.
    pub(super) fn open_document(&mut self, doc: usize) {
        if doc >= self.docs.len() {
            return;
        }
        let same = doc == self.current && !self.reader.layout.is_empty();
        if !same {
            self.restore_blocks(doc);
            if self.current != doc && self.reopen.is_some() {
                if let Some(previous) = self.docs.get_mut(self.current) {
                    folder::slim(previous);
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
            // The reading width is the user's (`--width`), not the document's.
            self.reader = ReaderState {
                measure: self.reader.measure,
                ..Default::default()
            };
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
}
