//! The Quotes pane's state: the query, its ranked hits (ranked inline or on the search
//! thread), the speakers offered for an `@` word, and the matched ranges of the hits around
//! the selection, worked out once per change for the view to highlight.

use std::ops::Range;
use std::sync::Arc;

use super::people::partial_speaker;
use super::{App, View};
use crate::document::Quote;
use crate::search::{self, Hit, Ranges, SearchRequest};

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
    pub(super) ranked_for: String,
    /// A ranking is running on the search thread.
    pub searching: bool,
    /// The query the running ranking is for.
    pending_for: String,
    /// The newest query's number.
    pub(super) generation: u64,
    /// The speakers offered for the `@` word being typed (Tab takes the first).
    pub suggestions: Vec<String>,
    /// What the query matched in the hits around the selection: `(hits range, query)` they
    /// were worked out for, and one [`Ranges`] per hit of that range.
    highlights: (Range<usize>, String, Vec<Ranges>),
}

impl QuotesState {
    /// New results: what was worked out for the old ones no longer holds.
    fn set_hits(&mut self, hits: Vec<Hit>) {
        self.hits = hits;
        self.highlights = Default::default();
    }

    /// What the query matched in hit `i` (nothing when it is far from the selection).
    pub fn ranges(&self, i: usize) -> Option<&Ranges> {
        let (window, _, ranges) = &self.highlights;
        ranges.get(i.checked_sub(window.start)?)
    }
}

impl App {
    /// Ranks the quotes for the query: inline, or by asking the terminal layer to run it on
    /// the search thread (the old results stay until the answer comes; stale answers are
    /// dropped). A query typed further narrows the results it grew from, when it can only
    /// match fewer (see [`search::query::narrows`]).
    pub(super) fn rerank(&mut self) {
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
        self.quotes.set_hits(hits);
        self.quotes.ranked_for = query;
        self.quotes.selected = 0;
    }

    /// Takes the search thread's answer to request `generation`; a stale one is dropped.
    pub(super) fn searched(&mut self, generation: u64, hits: Vec<Hit>) {
        // The search has let go of the index: documents that came meanwhile can join it,
        // and the query is ranked again over them.
        if self.index_unindexed() {
            self.stale = true;
        }
        if generation != self.quotes.generation {
            return;
        }
        self.quotes.set_hits(hits);
        self.quotes.ranked_for = std::mem::take(&mut self.quotes.pending_for);
        self.quotes.searching = false;
        self.quotes.selected = 0;
        self.follow_selected_quote();
    }

    /// Works out what the query matched in the hits that can be on screen: those within
    /// half a list of the selection (a result takes at least two rows). Done after each
    /// change rather than on each frame; nothing is redone when neither moved.
    pub(super) fn highlight_hits(&mut self) {
        if self.view != View::Quotes {
            return;
        }
        let half = self.areas.list.height as usize / 2 + 1;
        let q = &self.quotes;
        let window = q.selected.saturating_sub(half)..(q.selected + half + 1).min(q.hits.len());
        let (old, query, _) = &q.highlights;
        if *query == q.query && old.start <= window.start && window.end <= old.end {
            return;
        }
        // A little beyond the screen, so that moving a row does not redo it all.
        let wide = window.start.saturating_sub(half)..(window.end + half).min(q.hits.len());
        let ranges = (q.hits[wide.clone()].iter())
            .map(|h| self.index.ranges(h.quote, &q.query))
            .collect();
        self.quotes.highlights = (wide, q.query.clone(), ranges);
    }

    /// Offers the speakers whose name holds the `@` word being typed in the quote box.
    pub(super) fn suggest_speakers(&mut self) {
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
    pub(super) fn complete_speaker(&mut self) {
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

    pub(super) fn jump_to_quote(&mut self) {
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
    pub fn hit_quote(&self, hit: &Hit) -> Option<(usize, &Quote)> {
        let (d, q) = self.index.locate(hit.quote)?;
        Some((d, self.docs.get(d)?.quotes.get(q)?))
    }
}
