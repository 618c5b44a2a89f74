//! The Search pane's state: the text query, the passages that hold it (found inline, or on
//! a search thread for a library), and a line of context with its matched ranges for the
//! passages around the selection, worked out once per change for the view to draw.

use std::ops::Range;
use std::sync::Arc;

use super::{App, View};
use crate::document::Document;
use crate::search::{DocText, TextHit, TextIndex, TextSearchRequest, text};

/// Below this many bytes of text a query is answered inline, in well under a frame.
const INLINE_BYTES: usize = 4 << 20;

/// The search view's state.
#[derive(Debug, Clone, Default)]
pub struct SearchState {
    /// The query in the search box.
    pub query: String,
    /// The search box has the keyboard.
    pub typing: bool,
    /// The passages that hold the query, best first.
    pub hits: Vec<TextHit>,
    /// Selected result.
    pub selected: usize,
    /// A search is running on the search thread.
    pub searching: bool,
    /// The newest query's number.
    pub(super) generation: u64,
    /// The hits around the selection as they are drawn: `(hits range, query)` they were
    /// made for, and one row per hit of that range.
    pub(super) rows: (Range<usize>, String, Vec<PassageRow>),
}

/// A hit as the list shows it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PassageRow {
    /// The document's title.
    pub title: String,
    /// The section's title, empty in the preamble.
    pub section: String,
    /// 1-based line of the passage in the file.
    pub line: usize,
    /// A line of the passage around its first match (whitespace runs made one space).
    pub context: String,
    /// What matched, as byte ranges of `context`.
    pub ranges: Vec<Range<usize>>,
}

impl SearchState {
    /// Hit `i` as drawn (`None` when it is far from the selection).
    pub fn row(&self, i: usize) -> Option<&PassageRow> {
        let (window, _, rows) = &self.rows;
        rows.get(i.checked_sub(window.start)?)
    }
}

/// How many bytes of a passage before its first match the context line keeps.
const LEAD: usize = 40;
/// The most bytes of context kept (the view cuts it to the width).
const CONTEXT: usize = 400;

/// Hit `hit`'s row: its place, and a line of context around the first match.
fn passage_row(docs: &[Document], texts: &TextIndex, hit: &TextHit, query: &str) -> PassageRow {
    let d = hit.doc as usize;
    let (Some(doc), Some(dt)) = (docs.get(d), texts.docs.get(d)) else {
        return PassageRow::default();
    };
    let p = hit.passage as usize;
    let passage = dt.passages.get(p);
    let text = dt.passage_text(p);
    let first = text::matches(text, query).first().map_or(0, |r| r.start);
    // From a word start shortly before the first match.
    let mut from = first.saturating_sub(LEAD);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    if from > 0 {
        from = text[from..first]
            .find(' ')
            .map_or(from, |space| from + space + 1);
    }
    let mut to = (from + CONTEXT).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    let mut context: String = text[from..to]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if from > 0 {
        context.insert(0, '…');
    }
    let ranges = text::matches(&context, query);
    PassageRow {
        title: doc.title(),
        section: (passage.and_then(|p| p.section()))
            .and_then(|s| doc.sections.get(s))
            .map(|s| s.title.to_string())
            .unwrap_or_default(),
        line: passage.map_or(0, |p| p.line as usize),
        context,
        ranges,
    }
}

impl App {
    /// The searchable text of the open documents, shared with a search thread.
    pub fn texts(&self) -> &TextIndex {
        &self.texts
    }

    /// Searches the text for the query: inline for a small text, else by asking the
    /// terminal layer to run it on a thread (the old results stay until the answer comes;
    /// a stale answer is dropped).
    pub(super) fn search_text(&mut self) {
        let query = self.search.query.trim().to_string();
        self.search.generation += 1;
        if self.background_search && self.texts.bytes() >= INLINE_BYTES {
            self.search.searching = true;
            self.text_request = Some(TextSearchRequest {
                generation: self.search.generation,
                query,
                index: Arc::clone(&self.texts),
            });
            return;
        }
        self.search.hits = self.texts.search(&query, 1);
        self.search.selected = 0;
        self.search.searching = false;
        self.search.rows.1.clear();
    }

    /// Takes the search thread's answer to request `generation`; a stale one is dropped.
    pub(super) fn text_searched(&mut self, generation: u64, hits: Vec<TextHit>) {
        if generation != self.search.generation {
            return;
        }
        self.search.hits = hits;
        self.search.searching = false;
        self.search.selected = 0;
        self.search.rows.1.clear();
    }

    /// Document `d`'s searchable text is `text` (a document added, or read again).
    pub(super) fn set_text(&mut self, d: usize, text: DocText) {
        let texts = Arc::make_mut(&mut self.texts);
        if d < texts.docs.len() {
            texts.docs[d] = text;
        } else {
            texts.docs.resize_with(d, DocText::default);
            texts.docs.push(text);
        }
        self.search.rows.1.clear();
    }

    /// Document `d` was removed.
    pub(super) fn remove_text(&mut self, d: usize) {
        let texts = Arc::make_mut(&mut self.texts);
        if d < texts.docs.len() {
            texts.docs.remove(d);
        }
        // Hits name documents by index: the query is searched again.
        if !self.search.query.trim().is_empty() {
            self.search_text();
        }
    }

    /// Makes the rows of the hits that can be on screen: those within a list of the
    /// selection. Done after each change rather than on each frame.
    pub(super) fn search_rows(&mut self) {
        if self.view != View::Search {
            return;
        }
        let page = self.areas.list.height as usize + 1;
        let s = &self.search;
        let window = s.selected.saturating_sub(page)..(s.selected + page + 1).min(s.hits.len());
        let (old, query, _) = &s.rows;
        if *query == s.query && old.start <= window.start && window.end <= old.end {
            return;
        }
        let wide = window.start.saturating_sub(page)..(window.end + page).min(s.hits.len());
        let rows = (s.hits[wide.clone()].iter())
            .map(|h| passage_row(&self.docs, &self.texts, h, &s.query))
            .collect();
        self.search.rows = (wide, s.query.clone(), rows);
    }

    /// Opens the selected passage in the reader, marked.
    pub(super) fn jump_to_passage(&mut self) {
        let Some(hit) = self.search.hits.get(self.search.selected).copied() else {
            return;
        };
        let d = hit.doc as usize;
        let line = (self.texts.docs.get(d))
            .and_then(|t| t.passages.get(hit.passage as usize))
            .map(|p| p.line as usize);
        if let Some(line) = line {
            self.search.typing = false;
            self.jump_to_source(d, line);
        }
    }
}
