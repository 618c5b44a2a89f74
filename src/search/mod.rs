//! Quote search: ranks the quotes of one document or a whole library for a query, on every
//! core, and says which characters matched, as byte ranges ready for highlighting.
//!
//! A query (see [`query`]) is fuzzy and exact terms matched against `speaker · text`, and
//! `@name` words that keep only quotes whose speaker contains `name` (`@leike compute`).
//! The first single fuzzy term leads: every candidate is scored for it, the other terms
//! filter what it finds and add their scores, and the best few hundred are scored again by
//! fuzzy-matcher and put first in its exact order. A fuzzy match must also be compact (see
//! [`matching`]).
//!
//! The parts: `index.rs` holds the quotes; `rank.rs` ranks them for a query;
//! `skim_score.rs` is fuzzy-matcher's skim score over bytes, which the ranking uses for
//! every candidate; `incremental.rs` keeps what a ranking leaves so that the next keystroke
//! grows it rather than scanning again; `highlight.rs` turns a match into byte ranges.

mod highlight;
mod incremental;
mod index;
pub mod matching;
pub mod query;
mod rank;
mod skim_score;
#[cfg(test)]
mod tests;
pub mod text;

pub use highlight::Ranges;
pub use index::{QuoteBatch, QuoteIndex};
pub use query::{Kind, Query, Term};
pub use text::{DocText, TextHit, TextIndex};

/// One ranked quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Index of the quote in the index (see [`QuoteIndex::locate`]).
    pub quote: usize,
    /// fuzzy-matcher's score (higher is better): exact for the best results, its byte-level
    /// estimate below them; 0 for an empty query.
    pub score: i64,
}

/// A ranking to do off the UI thread: the query, the quotes to rank (a shared snapshot of
/// the index), and a generation so a stale answer can be recognised and dropped.
#[derive(Clone)]
pub struct SearchRequest {
    /// Increases with every query; only the answer to the newest one is used.
    pub generation: u64,
    /// The query as typed.
    pub query: String,
    /// Earlier hits to narrow, when the query grew.
    pub within: Option<Vec<usize>>,
    /// The index to search.
    pub index: std::sync::Arc<QuoteIndex>,
}

impl SearchRequest {
    /// Ranks the request's quotes.
    pub fn run(&self) -> Vec<Hit> {
        self.index.rank(&self.query, self.within.as_deref())
    }
}

/// A full-text search to run off the UI thread (see [`text`]), like [`SearchRequest`].
#[derive(Clone)]
pub struct TextSearchRequest {
    /// Increases with every query; only the answer to the newest one is used.
    pub generation: u64,
    /// The query as typed.
    pub query: String,
    /// The texts to search (a shared snapshot).
    pub index: std::sync::Arc<TextIndex>,
}

impl TextSearchRequest {
    /// Searches on every core.
    pub fn run(&self) -> Vec<TextHit> {
        self.index.search(&self.query, crate::library::threads())
    }
}
