//! The quote index: each quote of a document or a library as its `speaker · text` haystack,
//! a mask of the letters it holds and its speaker lowercased, the haystacks kept in large
//! buffers that a scan reads in order; built a document at a time, from batches the loader
//! threads prepare.

use std::ops::Range;
use std::sync::{Mutex, PoisonError};

use fuzzy_matcher::skim::SkimMatcherV2;

use super::incremental::LastRows;
use crate::document::Quote;

/// Quotes prepared for searching, each as `speaker · text`.
pub struct QuoteIndex {
    pub(super) entries: Vec<Entry>,
    /// Every entry's haystack, one after another, in buffers of [`TEXT_CHUNK`] bytes: a
    /// scan reads a few large buffers in order rather than 100,000 strings wherever the
    /// allocator put them, and a buffer never grows, so adding a document never copies the
    /// quotes already indexed.
    texts: Vec<String>,
    /// fuzzy-matcher's full scorer: the exact ranking, used for the best results.
    pub(super) exact: SkimMatcherV2,
    /// fuzzy-matcher's cheaper greedy scorer (its `element_limit` fallback), used to rank
    /// everything for the patterns the byte-level proxy cannot score (non-ASCII, very long).
    pub(super) quick: SkimMatcherV2,
    /// What the last ranking by [`Proxy`] leaves for the next, when its pattern grows.
    pub(super) last_rows: Mutex<Option<LastRows>>,
}

impl Default for QuoteIndex {
    fn default() -> Self {
        QuoteIndex {
            entries: Vec::new(),
            texts: Vec::new(),
            exact: SkimMatcherV2::default().smart_case(),
            quick: SkimMatcherV2::default().smart_case().element_limit(1),
            last_rows: Mutex::new(None),
        }
    }
}

/// The size of the index's text buffers.
const TEXT_CHUNK: usize = 1 << 20;

/// A bit per ASCII letter and digit a text holds (case folded): a quote lacking one of
/// the query's characters cannot match it, which is found without calling the matcher.
pub(super) fn char_mask(text: &str) -> u64 {
    text.bytes()
        .fold(0, |mask, b| mask | CHAR_BITS[usize::from(b)])
}

/// Each byte's bit in [`char_mask`]: a letter's (either case) or a digit's, else none.
const CHAR_BITS: [u64; 256] = {
    let mut bits = [0u64; 256];
    let mut b = 0;
    while b < 256 {
        bits[b] = match b as u8 {
            c @ b'a'..=b'z' => 1 << (c - b'a'),
            c @ b'A'..=b'Z' => 1 << (c - b'A'),
            c @ b'0'..=b'9' => 1 << (26 + c - b'0'),
            _ => 0,
        };
        b += 1;
    }
    bits
};

#[derive(Debug)]
pub(super) struct Entry {
    pub(super) doc: usize,
    pub(super) quote: usize,
    pub(super) mask: u64,
    /// Which of [`QuoteIndex::texts`] holds its haystack (in a batch: 0, its own text).
    pub(super) chunk: usize,
    /// `speaker · text`, a range of that text.
    pub(super) haystack: Range<usize>,
    /// Where the text starts in the haystack.
    pub(super) text_start: usize,
    pub(super) speaker_len: usize,
    pub(super) speaker_lower: String,
}

impl Entry {
    /// True when the speaker contains every `@name` of the query.
    pub(super) fn said_by(&self, speakers: &[String]) -> bool {
        speakers
            .iter()
            .all(|s| self.speaker_lower.contains(s.as_str()))
    }
}

const SEPARATOR: &str = " · ";

/// One document's quotes prepared for a [`QuoteIndex`]: their haystacks, letter masks and
/// lowercased speakers. A library loader makes it on the thread that parsed the document,
/// while its quotes are still in that core's cache; adding it to the index is then a copy,
/// and the app's thread, which answers the keys, never walks the documents' quotes.
#[derive(Debug, Default)]
pub struct QuoteBatch {
    text: String,
    entries: Vec<Entry>,
}

impl QuoteBatch {
    /// Prepares `quotes` (quote `i` of the batch is quote `i` of the document). Its text is
    /// allocated once, at its exact size.
    pub fn new(quotes: &[Quote]) -> QuoteBatch {
        let size = quotes
            .iter()
            .map(|q| q.speaker.as_ref().map_or(0, String::len) + SEPARATOR.len() + q.text.len())
            .sum();
        let mut batch = QuoteBatch {
            text: String::with_capacity(size),
            entries: Vec::with_capacity(quotes.len()),
        };
        for (quote, q) in quotes.iter().enumerate() {
            let speaker = q.speaker.as_deref().unwrap_or("");
            let start = batch.text.len();
            batch.text.push_str(speaker);
            batch.text.push_str(SEPARATOR);
            batch.text.push_str(&q.text);
            let haystack = start..batch.text.len();
            batch.entries.push(Entry {
                doc: 0,
                chunk: 0,
                quote,
                mask: char_mask(&batch.text[haystack.clone()]),
                haystack,
                text_start: speaker.len() + SEPARATOR.len(),
                speaker_len: speaker.len(),
                speaker_lower: speaker.to_lowercase(),
            });
        }
        batch
    }
}

impl QuoteIndex {
    /// Indexes one document's quotes (document 0).
    pub fn new(quotes: &[Quote]) -> Self {
        let mut index = QuoteIndex::default();
        index.add(0, quotes);
        index
    }

    /// Adds document `doc`'s quotes.
    pub fn add(&mut self, doc: usize, quotes: &[Quote]) {
        self.append(doc, QuoteBatch::new(quotes));
    }

    /// Adds document `doc`'s quotes, prepared by [`QuoteBatch::new`]: its text is copied
    /// to the end of the index's last buffer, its entries moved.
    pub fn append(&mut self, doc: usize, batch: QuoteBatch) {
        *self
            .last_rows
            .get_mut()
            .unwrap_or_else(PoisonError::into_inner) = None;
        let fits = self
            .texts
            .last()
            .is_some_and(|t| t.capacity() - t.len() >= batch.text.len());
        if !fits {
            self.texts
                .push(String::with_capacity(TEXT_CHUNK.max(batch.text.len())));
        }
        let at = self.texts.len() - 1;
        let text = &mut self.texts[at];
        let shift = text.len();
        text.push_str(&batch.text);
        self.entries.extend(batch.entries.into_iter().map(|mut e| {
            e.doc = doc;
            e.chunk = at;
            e.haystack = e.haystack.start + shift..e.haystack.end + shift;
            e
        }));
    }

    /// Entry `e`'s `speaker · text`.
    pub(super) fn haystack(&self, e: &Entry) -> &str {
        self.texts
            .get(e.chunk)
            .and_then(|t| t.get(e.haystack.clone()))
            .unwrap_or_default()
    }

    /// How many quotes are indexed.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when no quote is indexed.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// `(document, quote)` of indexed quote `i`.
    pub fn locate(&self, i: usize) -> Option<(usize, usize)> {
        self.entries.get(i).map(|e| (e.doc, e.quote))
    }
}
