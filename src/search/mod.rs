//! The fuzzy quote index: ranks the quotes of one document or a whole library for a query
//! with fuzzy-matcher, on every core, and says which characters matched, as byte ranges
//! ready for highlighting.
//!
//! fuzzy-matcher copies every haystack into a `Vec<char>` on every call, which alone costs
//! ~35 ms per core at 100,000 quotes: too slow to score them all on each keystroke. So
//! every candidate is scored by `Proxy`, fuzzy-matcher's skim scoring restated over bytes
//! (one pass, no allocation per quote), and only the best few hundred are scored again by
//! fuzzy-matcher itself and put first in its exact order. The last row of each matched
//! quote's score matrix is kept (`LastRows`): when the query grows by a character, as it
//! does while typing, each quote needs one more row at that character's occurrences
//! instead of a new scan.
//!
//! A query (see [`query`]) is fuzzy and exact terms matched against `speaker · text`, and
//! `@name` words that keep only quotes whose speaker contains `name` (`@leike compute`).
//! The first single fuzzy term is the one ranked as above; the other terms filter what it
//! finds and add their scores. A fuzzy match must also be compact (see [`matching`]).

use std::ops::Range;
use std::sync::{Mutex, PoisonError};

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use crate::document::Quote;

pub mod matching;
pub mod query;
mod skim_score;

pub use query::{Kind, Query, Term};
use skim_score::{LastMatch, Proxy, is_case_sensitive, next_row};

/// One ranked quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Index of the quote in the index (see [`QuoteIndex::locate`]).
    pub quote: usize,
    /// fuzzy-matcher's score (higher is better): exact for the best results, its byte-level
    /// estimate below them; 0 for an empty query.
    pub score: i64,
}

/// Matched byte ranges of one quote, for highlighting.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Ranges {
    /// In the quote's text.
    pub text: Vec<Range<usize>>,
    /// In the quote's speaker.
    pub speaker: Vec<Range<usize>>,
}

/// Quotes prepared for searching, each as `speaker · text`.
pub struct QuoteIndex {
    entries: Vec<Entry>,
    /// Every entry's haystack, one after another, in buffers of [`TEXT_CHUNK`] bytes: a
    /// scan reads a few large buffers in order rather than 100,000 strings wherever the
    /// allocator put them, and a buffer never grows (one growing buffer was copied each time
    /// it doubled: 48-110 ms for 100,000 quotes).
    texts: Vec<String>,
    /// fuzzy-matcher's full scorer: the exact ranking, used for the best results.
    exact: SkimMatcherV2,
    /// fuzzy-matcher's cheaper greedy scorer (its `element_limit` fallback), used to rank
    /// everything for the patterns [`Proxy`] cannot score (non-ASCII, very long).
    quick: SkimMatcherV2,
    /// What the last ranking by [`Proxy`] leaves for the next, when its pattern grows.
    last_rows: Mutex<Option<LastRows>>,
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

/// How many of the best results are scored again exactly: more than any screen shows.
const EXACT_TOP: usize = 300;

/// A bit per ASCII letter and digit a text holds (case folded): a quote lacking one of
/// the query's characters cannot match it, which is found without calling the matcher.
fn char_mask(text: &str) -> u64 {
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

/// True when the bytes of `pattern` occur in `hay` in order, ASCII letters case folded
/// unless `case_sensitive`. fuzzy-matcher matches chars in order, folding only ASCII
/// (`eq_ignore_ascii_case`), so a match needs this; for an ASCII pattern it is exactly
/// the matcher's test, for a non-ASCII one only a necessary condition.
fn in_order(hay: &[u8], pattern: &[u8], case_sensitive: bool) -> bool {
    let mut at = 0;
    for &p in pattern {
        let found = if case_sensitive {
            hay[at..].iter().position(|&h| h == p)
        } else {
            hay[at..].iter().position(|h| h.eq_ignore_ascii_case(&p))
        };
        match found {
            Some(i) => at += i + 1,
            None => return false,
        }
    }
    true
}

#[derive(Debug)]
struct Entry {
    doc: usize,
    quote: usize,
    mask: u64,
    /// Which of [`QuoteIndex::texts`] holds its haystack (in a batch: 0, its own text).
    chunk: usize,
    /// `speaker · text`, a range of that text.
    haystack: Range<usize>,
    /// Where the text starts in the haystack.
    text_start: usize,
    speaker_len: usize,
    speaker_lower: String,
}

impl Entry {
    /// True when the speaker contains every `@name` of the query.
    fn said_by(&self, speakers: &[String]) -> bool {
        speakers
            .iter()
            .all(|s| self.speaker_lower.contains(s.as_str()))
    }
}

const SEPARATOR: &str = " · ";

/// One document's quotes prepared for a [`QuoteIndex`]: their haystacks, letter masks and
/// lowercased speakers. A library loader makes it on the thread that parsed the document,
/// while its quotes are still in that core's cache; adding it to the index is then a copy.
/// (Made on the app's thread from the documents, 100,000 quotes took 55 ms, mostly cache
/// misses.)
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

/// A quote a pattern matched: where its [`LastMatch`]es are, and its score.
#[derive(Clone)]
struct KnownQuote {
    quote: usize,
    matches: Range<usize>,
    best: i32,
}

/// The quotes a pattern matched, in index order, and their last row's matches.
#[derive(Default)]
struct Known {
    quotes: Vec<KnownQuote>,
    matches: Vec<LastMatch>,
}

/// The last row of skim's matrix for every quote a pattern matched, kept after ranking:
/// when the pattern grows by a character, each quote needs only one more row, computed at
/// that character's occurrences from this one, instead of a scan of all its bytes.
struct LastRows {
    speakers: Vec<String>,
    pattern: String,
    /// The quotes that were ranked, as a bit set (`None`: all of them).
    domain: Option<Vec<u64>>,
    /// In index order, in parts made (and grown) on separate threads.
    parts: Vec<Known>,
}

impl LastRows {
    /// True when ranking `query` over `wanted` can start from these rows: the same speaker
    /// filters, a pattern that extends this one with the same smart case, and no quote
    /// wanted that was not ranked.
    fn extends_to(&self, speakers: &[String], pattern: &str, wanted: Option<&[u64]>) -> bool {
        let covered = match (&self.domain, wanted) {
            (None, _) => true,
            (Some(_), None) => false,
            (Some(domain), Some(wanted)) => {
                wanted.len() <= domain.len() && wanted.iter().zip(domain).all(|(w, d)| w & !d == 0)
            }
        };
        covered
            && self.speakers == speakers
            && pattern.starts_with(&self.pattern)
            && is_case_sensitive(pattern) == is_case_sensitive(&self.pattern)
    }

    /// These rows grown to `pattern`, one byte at a time, over the quotes in `wanted`.
    fn extend(self, index: &QuoteIndex, pattern: &str, wanted: Option<&[u64]>) -> LastRows {
        let case_sensitive = is_case_sensitive(pattern);
        let is_wanted =
            |q: usize| wanted.is_none_or(|w| w.get(q / 64).is_some_and(|b| b >> (q % 64) & 1 == 1));
        let grown = pattern
            .as_bytes()
            .get(self.pattern.len()..)
            .unwrap_or_default();
        let grow = |part: Known| -> Known {
            let mut part = part;
            if grown.is_empty() {
                part.quotes.retain(|k| is_wanted(k.quote));
            }
            for (n, &byte) in grown.iter().enumerate() {
                let last = n + 1 == grown.len();
                let mut next = Known {
                    quotes: Vec::with_capacity(part.quotes.len()),
                    matches: Vec::with_capacity(part.matches.len()),
                };
                for k in part.quotes.iter().filter(|k| is_wanted(k.quote)) {
                    let Some(e) = index.entries.get(k.quote) else {
                        continue;
                    };
                    let below = part.matches.get(k.matches.clone()).unwrap_or_default();
                    let start = next.matches.len();
                    let hay = index.haystack(e).as_bytes();
                    let best = next_row(hay, below, byte, case_sensitive, &mut next.matches);
                    // The compact rule, once the pattern is whole: a compact match of it
                    // is one of each prefix.
                    let best = best.filter(|_| {
                        let ends = next.matches[start..].iter().map(LastMatch::at);
                        !last
                            || matching::is_compact_ending_at(
                                index.haystack(e),
                                pattern,
                                case_sensitive,
                                ends,
                            )
                    });
                    if best.is_none() {
                        next.matches.truncate(start);
                    }
                    if let Some(best) = best {
                        next.quotes.push(KnownQuote {
                            quote: k.quote,
                            matches: start..next.matches.len(),
                            best,
                        });
                    }
                }
                part = next;
            }
            part
        };
        let quotes: usize = self.parts.iter().map(|p| p.quotes.len()).sum();
        let parts = if quotes < PARALLEL_FROM {
            self.parts.into_iter().map(grow).collect()
        } else {
            let grow = &grow;
            std::thread::scope(|scope| {
                let threads: Vec<_> = self
                    .parts
                    .into_iter()
                    .map(|part| scope.spawn(move || grow(part)))
                    .collect();
                threads.into_iter().filter_map(|t| t.join().ok()).collect()
            })
        };
        LastRows {
            speakers: self.speakers,
            pattern: pattern.to_string(),
            domain: wanted.map(<[u64]>::to_vec),
            parts,
        }
    }

    /// The quotes matched, with their scores.
    fn hits(&self) -> Vec<Hit> {
        self.parts
            .iter()
            .flat_map(|p| &p.quotes)
            .map(|k| Hit {
                quote: k.quote,
                score: i64::from(k.best),
            })
            .collect()
    }
}

/// Runs `work` on parts of `items`, on every core when there are many, and joins the
/// results in order.
fn in_parallel<T: Sync, R: Send>(items: &[T], work: impl Fn(&[T]) -> Vec<R> + Sync) -> Vec<R> {
    if items.len() < PARALLEL_FROM {
        return work(items);
    }
    let threads = std::thread::available_parallelism().map_or(2, usize::from);
    let chunk = items.len().div_ceil(threads);
    let work = &work;
    std::thread::scope(|scope| {
        let parts: Vec<_> = items
            .chunks(chunk)
            .map(|part| scope.spawn(move || work(part)))
            .collect();
        parts
            .into_iter()
            .flat_map(|p| p.join().unwrap_or_default())
            .collect()
    })
}

/// The size of the index's text buffers.
const TEXT_CHUNK: usize = 1 << 20;

/// Below this many candidates, ranking runs on one thread.
const PARALLEL_FROM: usize = 4096;

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
    fn haystack(&self, e: &Entry) -> &str {
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

    /// Quotes ranked for `query` (see [`query`]), best first (ties in index order); a query
    /// with no fuzzy term keeps index order. The lead fuzzy term ([`Query::lead`]) ranks
    /// every quote by `Proxy` (fuzzy-matcher's quick scorer for a pattern it cannot score);
    /// the other terms filter those hits and add their scores; and the best 300 are scored
    /// again by fuzzy-matcher's exact scorer, so the top of the list is in exact order.
    /// `within` narrows the search to earlier hits: the caller passes them when the query
    /// [`query::narrows`] the one they were ranked for.
    ///
    /// A lead pattern that grows from the last one ranked reuses that ranking's last matrix
    /// row for every quote it matched, so typing costs a row per keystroke, not a scan.
    pub fn rank(&self, query: &str, within: Option<&[usize]>) -> Vec<Hit> {
        let query = Query::parse(query);
        let wanted = within.map(|w| self.bit_set(w));
        let pattern = query.lead_pattern();
        let hits = match Proxy::new(pattern) {
            Some(proxy) => {
                let last = self.last_rows.lock().map(|mut l| l.take()).ok().flatten();
                let rows = match last {
                    Some(rows) if rows.extends_to(&query.speakers, pattern, wanted.as_deref()) => {
                        rows.extend(self, pattern, wanted.as_deref())
                    }
                    _ => self.scan(&query.speakers, pattern, &proxy, wanted),
                };
                let hits = rows.hits();
                if let Ok(mut last) = self.last_rows.lock() {
                    *last = Some(rows);
                }
                hits
            }
            None => self.rank_quick(&query.speakers, pattern, wanted.as_deref()),
        };
        let hits = self.filter_others(hits, &query);
        self.exact_first(hits, &query)
    }

    /// Ranks with fuzzy-matcher's quick scorer: the empty pattern (every quote, score 0)
    /// and those [`Proxy`] cannot score.
    fn rank_quick(&self, speakers: &[String], pattern: &str, wanted: Option<&[u64]>) -> Vec<Hit> {
        let candidates = self.candidates(wanted);
        let pattern_mask = char_mask(pattern);
        let case_sensitive = is_case_sensitive(pattern);
        let score = |&i: &usize| -> Option<Hit> {
            let e = self.entries.get(i)?;
            if !e.said_by(speakers) {
                return None;
            }
            if pattern.is_empty() {
                return Some(Hit { quote: i, score: 0 });
            }
            let hay = self.haystack(e);
            if pattern_mask & !e.mask != 0
                || !in_order(hay.as_bytes(), pattern.as_bytes(), case_sensitive)
                || !matching::is_compact(hay, pattern, case_sensitive)
            {
                return None;
            }
            let score = self.quick.fuzzy_match(hay, pattern)?;
            Some(Hit { quote: i, score })
        };
        in_parallel(&candidates, |part| part.iter().filter_map(score).collect())
    }

    /// Scores `candidates` (all quotes when `None`) with `proxy`, keeping compact matches.
    fn scan(
        &self,
        speakers: &[String],
        pattern: &str,
        proxy: &Proxy,
        wanted: Option<Vec<u64>>,
    ) -> LastRows {
        let candidates = self.candidates(wanted.as_deref());
        let pattern_mask = char_mask(pattern);
        let case_sensitive = is_case_sensitive(pattern);
        let one_char = pattern.chars().nth(1).is_none();
        let parts = in_parallel(&candidates, |part| {
            let mut known = Known::default();
            for &i in part {
                let Some(e) = self.entries.get(i) else {
                    continue;
                };
                if pattern_mask & !e.mask != 0 || !e.said_by(speakers) {
                    continue;
                }
                let start = known.matches.len();
                let hay = self.haystack(e);
                match proxy.score(hay.as_bytes(), &mut known.matches) {
                    // One character that matched is in a word: no second pass for it.
                    Some(best)
                        if one_char
                            || matching::is_compact_ending_at(
                                hay,
                                pattern,
                                case_sensitive,
                                known.matches[start..].iter().map(LastMatch::at),
                            ) =>
                    {
                        known.quotes.push(KnownQuote {
                            quote: i,
                            matches: start..known.matches.len(),
                            best,
                        });
                    }
                    _ => known.matches.truncate(start),
                }
            }
            vec![known]
        });
        LastRows {
            speakers: speakers.to_vec(),
            pattern: pattern.to_string(),
            domain: wanted,
            parts,
        }
    }

    /// The hits of the lead term that every other group of `query` matches too, with those
    /// groups' scores added.
    fn filter_others(&self, hits: Vec<Hit>, query: &Query) -> Vec<Hit> {
        let lead = query.lead();
        let others: Vec<(usize, &[Term])> = (query.groups.iter().enumerate())
            .filter(|&(g, _)| Some(g) != lead)
            .map(|(g, terms)| (g, terms.as_slice()))
            .collect();
        if others.is_empty() {
            return hits;
        }
        // One proxy per fuzzy term that scores (None: a pattern the proxy cannot score).
        let proxies: Vec<Vec<Option<Proxy>>> = others
            .iter()
            .map(|(_, terms)| {
                terms
                    .iter()
                    .map(|t| t.scores().then(|| Proxy::new(&t.text)).flatten())
                    .collect()
            })
            .collect();
        in_parallel(&hits, |part| {
            let mut scratch = Vec::new();
            part.iter()
                .filter_map(|h| {
                    let e = self.entries.get(h.quote)?;
                    let hay = self.haystack(e);
                    let mut score = h.score;
                    for ((_, terms), proxies) in others.iter().zip(&proxies) {
                        score += self.group_score(e, hay, terms, |t, k| {
                            scratch.clear();
                            match proxies.get(k).and_then(Option::as_ref) {
                                Some(p) => p.score(hay.as_bytes(), &mut scratch).map(i64::from),
                                None => self.quick.fuzzy_match(hay, &t.text),
                            }
                        })?;
                    }
                    Some(Hit { score, ..*h })
                })
                .collect()
        })
    }

    /// The score of the best term of `group` that quote `e` (haystack `hay`) satisfies,
    /// `None` when it satisfies none. A fuzzy term scores by `fuzzy` (given the term and
    /// its place in the group) when its match is compact; an exact term scores 0; an
    /// excluded term is satisfied (score 0) when it does not match.
    fn group_score(
        &self,
        e: &Entry,
        hay: &str,
        group: &[Term],
        mut fuzzy: impl FnMut(&Term, usize) -> Option<i64>,
    ) -> Option<i64> {
        let mut best: Option<i64> = None;
        for (k, t) in group.iter().enumerate() {
            let score = match t.kind {
                // A fuzzy term is never an exclusion (`!term` is exact, as in fzf).
                Kind::Fuzzy => {
                    let fits = !Self::lacks_letters(e, &t.text)
                        && matching::is_compact(hay, &t.text, t.case_sensitive);
                    if fits { fuzzy(t, k) } else { None }
                }
                _ => {
                    let found = matching::find_exact(hay, e.text_start, t).is_some();
                    (found != t.negated).then_some(0)
                }
            };
            if let Some(s) = score {
                best = Some(best.map_or(s, |b| b.max(s)));
            }
        }
        best
    }

    /// True when `e` lacks an ASCII letter or digit of `pattern`, so cannot match it.
    fn lacks_letters(e: &Entry, pattern: &str) -> bool {
        char_mask(pattern) & !e.mask != 0
    }

    /// The best hits, by `hits`' scores, scored again exactly (and dropped if fuzzy-matcher
    /// does not match them) and put first in exact order; the rest follow in order.
    ///
    /// "Exactly" is fuzzy-matcher's full alignment, `fuzzy_indices`: the score of the match
    /// that is highlighted, and the one [`Proxy`] restates. Its `fuzzy_match` keeps only two
    /// rows of the matrix and reuses them between calls, and their stale values can cap what
    /// a long gap costs: `c` + 200 × `x` + `ompute` scores 94 for "compute" there against
    /// -56 here, which would rank a quote first that the proxy, rightly, puts last.
    fn exact_first(&self, mut hits: Vec<Hit>, query: &Query) -> Vec<Hit> {
        let by_score = |a: &Hit, b: &Hit| b.score.cmp(&a.score).then(a.quote.cmp(&b.quote));
        let top = EXACT_TOP.min(hits.len());
        if !query.groups.iter().flatten().any(Term::scores) || top == 0 {
            return hits;
        }
        hits.select_nth_unstable_by(top - 1, by_score);
        let mut best: Vec<Hit> = hits[..top]
            .iter()
            .filter_map(|h| {
                let e = self.entries.get(h.quote)?;
                let hay = self.haystack(e);
                let mut score = 0;
                for group in &query.groups {
                    score += self.group_score(e, hay, group, |t, _| {
                        self.exact.fuzzy_indices(hay, &t.text).map(|(s, _)| s)
                    })?;
                }
                Some(Hit { score, ..*h })
            })
            .collect();
        best.sort_unstable_by(by_score);
        let mut rest = hits.split_off(top);
        rest.sort_unstable_by(by_score);
        best.append(&mut rest);
        best
    }

    /// `within` as a bit set over the index.
    fn bit_set(&self, within: &[usize]) -> Vec<u64> {
        let n = self.entries.len();
        let mut set = vec![0u64; n.div_ceil(64)];
        for &i in within.iter().filter(|&&i| i < n) {
            set[i / 64] |= 1 << (i % 64);
        }
        set
    }

    /// The quotes to rank, in index order: all, or those in `wanted` (so the entries are
    /// read front to back whatever order the earlier hits had).
    fn candidates(&self, wanted: Option<&[u64]>) -> Vec<usize> {
        let Some(wanted) = wanted else {
            return (0..self.entries.len()).collect();
        };
        let mut out = Vec::new();
        for (w, &word) in wanted.iter().enumerate() {
            let mut bits = word;
            while bits != 0 {
                out.push(w * 64 + bits.trailing_zeros() as usize);
                bits &= bits - 1;
            }
        }
        out
    }

    /// Which characters of quote `i` match `query`, as byte ranges in its text and speaker:
    /// each fuzzy term's letters (fuzzy-matcher's best alignment, or the compact one the
    /// rule found when that is scattered), each exact term's match, and the `@` names.
    pub fn ranges(&self, i: usize, query: &str) -> Ranges {
        let query = Query::parse(query);
        let Some(e) = self.entries.get(i) else {
            return Ranges::default();
        };
        let haystack = self.haystack(e);
        let mut found: Vec<Range<usize>> = Vec::new();
        for t in query.groups.iter().flatten().filter(|t| !t.negated) {
            match t.kind {
                Kind::Fuzzy => {
                    let best = self
                        .exact
                        .fuzzy_indices(haystack, &t.text)
                        .map(|(_, chars)| char_to_byte_ranges(haystack, &chars));
                    let compact = |r: &[Range<usize>]| match (r.first(), r.last()) {
                        (Some(a), Some(b)) => haystack
                            .get(a.start..b.end)
                            .is_some_and(|span| span.split_ascii_whitespace().count() <= 2),
                        _ => false,
                    };
                    match best {
                        Some(r) if compact(&r) => found.extend(r),
                        Some(_) => found.extend(
                            matching::compact_positions(haystack, &t.text, t.case_sensitive)
                                .unwrap_or_default(),
                        ),
                        None => {}
                    }
                }
                _ => found.extend(matching::find_exact(haystack, e.text_start, t)),
            }
        }
        let mut out = Ranges::default();
        for r in merge(found) {
            if r.start >= e.text_start {
                out.text.push(r.start - e.text_start..r.end - e.text_start);
            } else if r.end <= e.speaker_len {
                out.speaker.push(r);
            }
        }
        let speaker = &haystack[..e.speaker_len];
        // Lowercasing may change byte lengths; highlight speaker filters only when it doesn't.
        if e.speaker_lower.len() == speaker.len() {
            for s in &query.speakers {
                if let Some(at) = e.speaker_lower.find(s.as_str()) {
                    out.speaker.push(at..at + s.len());
                }
            }
            out.speaker = merge(std::mem::take(&mut out.speaker));
        }
        out
    }
}

/// `ranges` sorted, overlapping and touching ones merged.
fn merge(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.sort_by_key(|r| (r.start, r.end));
    let mut out: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

/// fuzzy-matcher reports char indices; the view slices by bytes. Adjacent chars merge into
/// one range.
fn char_to_byte_ranges(text: &str, chars: &[usize]) -> Vec<Range<usize>> {
    let mut ranges: Vec<Range<usize>> = Vec::new();
    let mut wanted = chars.iter().copied().peekable();
    for (ci, (bi, c)) in text.char_indices().enumerate() {
        let Some(&next) = wanted.peek() else { break };
        if ci == next {
            wanted.next();
            let end = bi + c.len_utf8();
            match ranges.last_mut() {
                Some(last) if last.end == bi => last.end = end,
                _ => ranges.push(bi..end),
            }
        }
    }
    ranges
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::QuoteKind;

    fn quote(text: &str, speaker: Option<&str>) -> Quote {
        Quote {
            text: text.into(),
            speaker: speaker.map(Into::into),
            section: None,
            line: 1,
            kind: QuoteKind::Block,
        }
    }

    #[test]
    fn best_match_first_with_byte_ranges() {
        let index = QuoteIndex::new(&[
            quote("Shiny products took over.", Some("Jan Leike")),
            quote("We were struggling for compute.", Some("Jan Leike")),
        ]);
        let hits = index.rank("compute", None);
        assert_eq!(hits[0].quote, 1);
        assert_eq!(index.ranges(1, "compute").text, vec![23..30]);
    }

    #[test]
    fn empty_query_lists_all_in_order() {
        let index = QuoteIndex::new(&[quote("a", None), quote("b", None)]);
        let order: Vec<_> = index.rank("  ", None).iter().map(|h| h.quote).collect();
        assert_eq!(order, [0, 1]);
    }

    #[test]
    fn speaker_can_be_searched_and_wide_chars_map_to_bytes() {
        let index =
            QuoteIndex::new(&[quote("安全 first", Some("Zoë")), quote("other words", None)]);
        let hits = index.rank("zoë", None);
        assert_eq!(hits.len(), 1);
        assert_eq!(index.ranges(0, "zoë").speaker, vec![0..4]);
        assert_eq!(index.ranges(0, "安全").text, vec![0..6]);
    }

    #[test]
    fn at_words_filter_by_speaker() {
        let mut index = QuoteIndex::default();
        index.add(
            0,
            &[
                quote("we need compute", Some("Jan Leike")),
                quote("compute is cheap", Some("Sam Altman")),
            ],
        );
        index.add(1, &[quote("more compute", Some("Jan Leike"))]);
        let hits = index.rank("@leike compute", None);
        let found: Vec<_> = hits
            .iter()
            .map(|h| index.locate(h.quote).unwrap())
            .collect();
        assert_eq!(found.len(), 2);
        assert!(found.contains(&(0, 0)) && found.contains(&(1, 0)));
        assert_eq!(index.rank("@altman", None).len(), 1);
        assert_eq!(index.ranges(1, "@altman").speaker, vec![4..10]);
    }

    #[test]
    fn prefilters_agree_with_the_matcher() {
        assert!(in_order(
            b"we were struggling for compute",
            b"compute",
            false
        ));
        assert!(in_order(b"We Were", b"ww", false));
        assert!(!in_order(b"We Were", b"ww", true));
        assert!(!in_order(b"compute", b"tuc", false));
        assert!(in_order("café".as_bytes(), "é".as_bytes(), false));
        assert!(!in_order(b"anything", "é".as_bytes(), false));
        assert_eq!(char_mask("Ab9"), 1 | 2 | 1 << 35);
    }

    #[test]
    fn narrowing_searches_only_earlier_hits() {
        let index = QuoteIndex::new(&[quote("compute now", None), quote("compute later", None)]);
        assert_eq!(index.rank("compute", Some(&[1])).len(), 1);
    }

    #[test]
    fn many_quotes_rank_the_same_on_all_cores() {
        let quotes: Vec<Quote> = (0..10_000)
            .map(|i| quote(&format!("quote number {i} about compute"), None))
            .collect();
        let index = QuoteIndex::new(&quotes);
        let hits = index.rank("number 9999", None);
        assert_eq!(hits[0].quote, 9999);
        assert_eq!(index.rank("about", None).len(), 10_000);
    }

    /// The quotes fuzzy-matcher matches for `pattern`, as `rank` should find them.
    /// under the compact rule, as `rank` should find them.
    fn matched_by_fuzzy_matcher(quotes: &[Quote], pattern: &str) -> Vec<usize> {
        let index = QuoteIndex::new(quotes);
        let matcher = SkimMatcherV2::default().smart_case();
        (0..quotes.len())
            .filter(|&i| {
                let hay = index.haystack(&index.entries[i]);
                matcher.fuzzy_match(hay, pattern).is_some() && compact_by_brute_force(hay, pattern)
            })
            .collect()
    }

    /// The compact rule stated as an exhaustive search of alignments: `pattern`'s
    /// characters at increasing places of `hay` (ASCII case folded unless it has a
    /// capital), the `k`th at most `2k` characters from the first, with at most one run of
    /// spaces between the first and the last.
    fn compact_by_brute_force(hay: &str, pattern: &str) -> bool {
        let hay: Vec<char> = hay.chars().collect();
        let pattern: Vec<char> = pattern.chars().collect();
        let cs = pattern.iter().any(char::is_ascii_uppercase);
        let eq = |h: char, p: char| {
            if cs {
                h == p
            } else {
                h.eq_ignore_ascii_case(&p)
            }
        };
        fn fits(
            hay: &[char],
            pattern: &[char],
            eq: &dyn Fn(char, char) -> bool,
            start: usize,
            at: usize,
            k: usize,
        ) -> bool {
            if k == pattern.len() {
                let stretch: String = hay[start..at].iter().collect();
                return stretch.split_ascii_whitespace().count() <= 2;
            }
            (at..hay.len().min(start + 2 * (k + 1)))
                .any(|i| eq(hay[i], pattern[k]) && fits(hay, pattern, eq, start, i + 1, k + 1))
        }
        (0..hay.len()).any(|s| {
            pattern.first().is_some_and(|&p| eq(hay[s], p))
                && fits(&hay, &pattern, &eq, s, s + 1, 1)
        })
    }

    fn sorted(hits: &[Hit]) -> Vec<usize> {
        let mut quotes: Vec<usize> = hits.iter().map(|h| h.quote).collect();
        quotes.sort_unstable();
        quotes
    }

    /// `rank` for each prefix of `query` in turn, narrowing as the app does.
    fn typed(index: &QuoteIndex, query: &str) -> Vec<Hit> {
        let mut hits: Vec<Hit> = Vec::new();
        let mut within: Option<Vec<usize>> = None;
        for end in query.char_indices().map(|(i, c)| i + c.len_utf8()) {
            hits = index.rank(&query[..end], within.as_deref());
            within = Some(hits.iter().map(|h| h.quote).collect());
        }
        hits
    }

    fn synthetic(dossiers: usize) -> Vec<Quote> {
        (0..dossiers)
            .flat_map(|i| crate::document::load("s", &crate::synthetic::dossier(i)).quotes)
            .collect()
    }

    /// The ranking fuzzy-matcher's full alignment gives when it scores every quote for
    /// each word of `query` (a quote matching every word compactly, its scores summed).
    fn exact_ranking(index: &QuoteIndex, query: &str) -> Vec<Hit> {
        let matcher = SkimMatcherV2::default().smart_case();
        let mut hits: Vec<Hit> = (0..index.len())
            .filter_map(|i| {
                let hay = index.haystack(&index.entries[i]);
                let mut score = 0;
                for word in query.split_whitespace() {
                    let (s, _) = matcher.fuzzy_indices(hay, word)?;
                    compact_by_brute_force(hay, word).then_some(())?;
                    score += s;
                }
                Some(Hit { quote: i, score })
            })
            .collect();
        hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.quote.cmp(&b.quote)));
        hits
    }

    #[test]
    fn the_top_results_are_in_fuzzy_matchers_exact_order() {
        let index = QuoteIndex::new(&synthetic(150));
        for pattern in [
            "c",
            "compute",
            "safety",
            "leike",
            "sam compute",
            "Leike",
            "oai",
            "the team",
        ] {
            let exact = exact_ranking(&index, pattern);
            let top = 60.min(exact.len());
            assert_eq!(index.rank(pattern, None)[..top], exact[..top], "{pattern}");
            assert_eq!(
                typed(&index, pattern)[..top],
                exact[..top],
                "typed {pattern}"
            );
        }
    }

    /// More matches than are scored exactly, and a gap as long as the compact rule allows:
    /// the order is still that of the full alignment.
    #[test]
    fn a_long_gap_ranks_by_the_full_alignment_inside_and_past_the_exact_top() {
        // Within the exact top and past it.
        for scattered in [10, EXACT_TOP + 100] {
            let mut quotes = vec![quote("cxoxmxpxuxtxe", None); scattered];
            quotes.push(quote(&format!("c{}ompute", "x".repeat(7)), None));
            // Past what the rule allows: no match at all.
            quotes.push(quote(&format!("c{}ompute", "x".repeat(8)), None));
            let index = QuoteIndex::new(&quotes);
            let exact = exact_ranking(&index, "compute");
            assert!(exact.iter().all(|h| h.quote <= scattered));
            assert_eq!(index.rank("compute", None), exact, "{scattered}");
            assert_eq!(typed(&index, "compute"), exact, "typed {scattered}");
        }
    }

    #[test]
    fn a_contiguous_word_ranks_above_a_compact_one_and_a_scattered_one_is_no_match() {
        let index = QuoteIndex::new(&[
            quote(
                "careful operators maintain proper updates to every entry",
                None,
            ),
            quote("we need more compute", None),
            quote("recompute it", None),
        ]);
        let order: Vec<usize> = index
            .rank("compute", None)
            .iter()
            .map(|h| h.quote)
            .collect();
        assert_eq!(order, [1, 2]);
    }

    #[test]
    fn an_uppercase_letter_makes_the_pattern_case_sensitive() {
        let index = QuoteIndex::new(&[
            quote("leike resigned", None),
            quote("Leike resigned", None),
            quote("LEIKE resigned", None),
        ]);
        assert_eq!(sorted(&index.rank("leike", None)), [0, 1, 2]);
        assert_eq!(sorted(&index.rank("Leike", None)), [1]);
        assert_eq!(sorted(&typed(&index, "Leike")), [1]);
        assert_eq!(sorted(&index.rank("LEIKE", None)), [2]);
        // Growing from a case-insensitive pattern into a case-sensitive one starts afresh.
        let within: Vec<usize> = index.rank("l", None).iter().map(|h| h.quote).collect();
        assert!(index.rank("lE", Some(&within)).is_empty());
        assert_eq!(sorted(&index.rank("LE", None)), [2]);
    }

    #[test]
    fn non_ascii_text_and_patterns_match() {
        let quotes = [
            quote("la sécurité d'abord", Some("Zoë")),
            quote("安全第一 compute", None),
            quote("securite sans accent", None),
            quote("Sécurité", None),
        ];
        let index = QuoteIndex::new(&quotes);
        for pattern in [
            "sécu", "é", "安全", "第一 c", "zoë", "compute", "sec", "curit",
        ] {
            let want = matched_by_fuzzy_matcher(&quotes, pattern);
            assert_eq!(sorted(&index.rank(pattern, None)), want, "{pattern}");
            assert_eq!(sorted(&typed(&index, pattern)), want, "typed {pattern}");
        }
        assert_eq!(sorted(&index.rank("sécu", None)), [0, 3]);
        assert_eq!(sorted(&index.rank("安全", None)), [1]);
        // skim folds only ASCII letters: É is not é.
        assert!(index.rank("SÉCU", None).is_empty());
    }

    #[test]
    fn quotes_added_after_a_search_are_found_as_it_grows() {
        let mut index = QuoteIndex::new(&[quote("compute budget", None)]);
        let within: Vec<usize> = index.rank("com", None).iter().map(|h| h.quote).collect();
        index.add(1, &[quote("more compute", None)]);
        // The app narrows only what it has seen, but a fresh scan finds the new quote.
        assert_eq!(sorted(&index.rank("comp", Some(&within))), [0]);
        assert_eq!(sorted(&index.rank("compu", None)), [0, 1]);
    }

    #[test]
    fn the_proxy_scores_as_fuzzy_matcher_does_on_plain_alignments() {
        let matcher = SkimMatcherV2::default().smart_case();
        for (hay, pattern) in [
            ("compute", "compute"),
            ("x compute", "compute"),
            ("xcompute", "compute"),
            ("x c o", "co"),
            ("x cao", "co"),
            ("x C", "c"),
            ("Jan Leike · we compute", "compute"),
            ("x comPute", "compute"),
            ("x c_ompute", "compute"),
            ("a c-o m", "com"),
        ] {
            let proxy = Proxy::new(pattern).map(|p| p.score(hay.as_bytes(), &mut Vec::new()));
            let exact = matcher.fuzzy_match(hay, pattern).map(|s| s as i32);
            assert_eq!(proxy, Some(exact), "{hay} / {pattern}");
        }
    }

    fn found(index: &QuoteIndex, query: &str) -> Vec<usize> {
        sorted(&index.rank(query, None))
    }

    fn operators_index() -> QuoteIndex {
        QuoteIndex::new(&[
            quote("We were struggling for compute.", Some("Jan Leike")),
            quote(
                "Compute is not the problem; the wind is.",
                Some("Sam Altman"),
            ),
            quote("We need more compute and more time", Some("Jan Leike")),
            quote("Safety culture took a backseat", Some("Jan Leike")),
            quote("computers, said nobody", None),
        ])
    }

    #[test]
    fn space_separated_terms_must_all_match() {
        let index = operators_index();
        assert_eq!(found(&index, "compute"), [0, 1, 2, 4]);
        assert_eq!(found(&index, "compute time"), [2]);
        assert_eq!(found(&index, "compute wind"), [1]);
    }

    #[test]
    fn a_bar_between_terms_is_or() {
        let index = operators_index();
        assert_eq!(found(&index, "wind | time"), [1, 2]);
        assert_eq!(found(&index, "compute wind | time"), [1, 2]);
        assert_eq!(found(&index, "safety | wind | time"), [1, 2, 3]);
    }

    #[test]
    fn a_quote_mark_asks_for_the_exact_substring() {
        let index = operators_index();
        // Fuzzily, `cmpute` finds compute; exactly, it finds nothing.
        assert_eq!(found(&index, "cmpute"), [0, 1, 2, 4]);
        assert!(found(&index, "'cmpute").is_empty());
        assert_eq!(found(&index, "'compute"), [0, 1, 2, 4]);
        assert_eq!(found(&index, "'compute."), [0]);
    }

    #[test]
    fn double_quotes_ask_for_a_phrase() {
        let index = operators_index();
        assert_eq!(found(&index, "\"for compute\""), [0]);
        assert_eq!(found(&index, "\"more compute\""), [2]);
        assert!(found(&index, "\"compute for\"").is_empty());
    }

    #[test]
    fn a_caret_and_a_dollar_anchor_the_start_and_end_of_the_quote() {
        let index = operators_index();
        assert_eq!(found(&index, "^we"), [0, 2]);
        // The speaker is not the start of the quote.
        assert!(found(&index, "^jan").is_empty());
        // Closing punctuation is looked past.
        assert_eq!(found(&index, "compute$"), [0]);
        assert_eq!(found(&index, "time$"), [2]);
        assert_eq!(found(&index, "^we time$"), [2]);
    }

    #[test]
    fn a_bang_excludes() {
        let index = operators_index();
        assert_eq!(found(&index, "compute !wind"), [0, 2, 4]);
        assert_eq!(found(&index, "compute !'wind"), [0, 2, 4]);
        assert_eq!(found(&index, "compute !^we"), [1, 4]);
        assert_eq!(found(&index, "compute !\"more time\""), [0, 1, 4]);
        // Only excluding: every other quote.
        assert_eq!(found(&index, "!compute"), [3]);
    }

    #[test]
    fn operators_combine_with_speakers_and_case() {
        let index = operators_index();
        assert_eq!(found(&index, "'compute !wind @leike"), [0, 2]);
        assert_eq!(found(&index, "@leike ^we | safety !time"), [0, 3]);
        // A capital makes its term case-sensitive, and only that term.
        assert_eq!(found(&index, "'Compute"), [1]);
        assert_eq!(found(&index, "Compute"), [1]);
        assert_eq!(found(&index, "We compute"), [0, 2]);
    }

    #[test]
    fn highlights_cover_each_term() {
        let index = operators_index();
        let text = |i: usize, q: &str| -> Vec<String> {
            let t = &[
                "We were struggling for compute.",
                "Compute is not the problem; the wind is.",
                "We need more compute and more time",
            ][i];
            index
                .ranges(i, q)
                .text
                .iter()
                .map(|r| t[r.clone()].to_string())
                .collect()
        };
        assert_eq!(text(2, "compute time"), ["compute", "time"]);
        assert_eq!(text(0, "\"for compute\""), ["for compute"]);
        assert_eq!(text(0, "^we compute$"), ["We", "compute"]);
        // An excluded term is not highlighted.
        assert_eq!(text(1, "compute !time"), ["Compute"]);
    }

    /// Typing a query a character at a time, narrowing to the last hits only when the
    /// query may only match fewer ([`query::narrows`]), as the app does, finds what ranking
    /// the whole query at once finds.
    #[test]
    fn typing_any_query_finds_what_ranking_it_at_once_finds() {
        let index = QuoteIndex::new(&synthetic(60));
        for q in [
            "'compute !wind @leike",
            "compute !the",
            "safety | compute team",
            "\"the team\" !^we",
            "^the compute$",
            "!co c",
            "lei | alt com",
        ] {
            let mut hits: Vec<Hit> = Vec::new();
            let mut last = String::new();
            for end in q.char_indices().map(|(i, c)| i + c.len_utf8()) {
                let now = q[..end].trim();
                let within: Option<Vec<usize>> = (!last.is_empty() && query::narrows(&last, now))
                    .then(|| hits.iter().map(|h| h.quote).collect());
                hits = index.rank(now, within.as_deref());
                last = now.to_string();
            }
            assert_eq!(sorted(&hits), sorted(&index.rank(q, None)), "{q}");
        }
    }

    /// The generator of the benches (the seed's sections over and over, ~7,000 lines):
    /// fuzzy-matcher alone finds `zebra` in quotes that hold no such word; the compact rule
    /// finds none, and every quote a word matches holds a word close to it.
    #[test]
    fn a_scattered_match_is_no_match_on_a_generated_dossier() {
        let doc = crate::document::load("generated", &crate::synthetic::seed_repeated(350_000));
        let index = QuoteIndex::new(&doc.quotes);
        assert!(index.len() > 150, "{} quotes", index.len());
        let skim = SkimMatcherV2::default().smart_case();
        let scattered = (0..index.len())
            .filter(|&i| {
                skim.fuzzy_match(index.haystack(&index.entries[i]), "zebra")
                    .is_some()
            })
            .count();
        assert!(scattered > 0, "fuzzy-matcher alone finds zebra somewhere");
        assert!(index.rank("zebra", None).is_empty());
        // A word is close when it holds the term's letters in order, at most twice as long.
        let close = |text: &str, term: &str| {
            let words: Vec<String> = text
                .split_ascii_whitespace()
                .map(|w| w.to_lowercase())
                .collect();
            let spans = words
                .iter()
                .cloned()
                .chain(words.windows(2).map(|w| w.concat()));
            spans.into_iter().any(|w| {
                let mut letters = w.chars().filter(|c| c.is_alphanumeric());
                term.chars().all(|t| letters.any(|c| c == t))
                    && w.chars().count() <= 2 * term.chars().count() + 2
            })
        };
        for term in [
            "audit", "compute", "cmpute", "safety", "rsk", "aut", "leike",
        ] {
            let hits = index.rank(term, None);
            for h in &hits {
                let e = &index.entries[h.quote];
                assert!(
                    close(index.haystack(e), term),
                    "{term}: {}",
                    index.haystack(e)
                );
            }
        }
        assert!(!index.rank("cmpute", None).is_empty());
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

        /// No quote fuzzy-matcher matches is missing, and none it rejects is listed,
        /// whether the query is ranked at once or typed a character at a time.
        #[test]
        fn rank_finds_exactly_what_fuzzy_matcher_matches(
            texts in proptest::collection::vec("[a-eA-E é安·_.-]{0,40}", 1..40),
            pattern in "[a-eA-Eé安]{1,5}",
        ) {
            let quotes: Vec<Quote> = texts
                .iter()
                .enumerate()
                .map(|(i, t)| quote(t, (i % 3 == 0).then_some("Ab Cd")))
                .collect();
            let index = QuoteIndex::new(&quotes);
            let pattern = Query::parse(&pattern).lead_pattern().to_string();
            proptest::prop_assume!(!pattern.is_empty());
            let want = matched_by_fuzzy_matcher(&quotes, &pattern);
            proptest::prop_assert_eq!(sorted(&index.rank(&pattern, None)), want.clone());
            proptest::prop_assert_eq!(sorted(&typed(&index, &pattern)), want);
        }
    }
}
