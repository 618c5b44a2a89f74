//! The fuzzy quote index: ranks the quotes of one document or a whole library for a query
//! with fuzzy-matcher, on every core, and says which characters matched, as byte ranges
//! ready for highlighting.
//!
//! A query is words to match fuzzily against `speaker · text`, plus optional `@name` words
//! that keep only quotes whose speaker contains `name` (`@leike compute`).

use std::ops::Range;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use crate::document::Quote;

/// One ranked quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Index of the quote in the index (see [`QuoteIndex::locate`]).
    pub quote: usize,
    /// fuzzy-matcher's score (higher is better); 0 for an empty query.
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

/// A query split into its parts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// Lowercase speaker filters (`@leike` → `leike`).
    pub speakers: Vec<String>,
    /// The fuzzy pattern.
    pub pattern: String,
}

impl Query {
    /// Splits `@name` words from the fuzzy pattern.
    pub fn parse(query: &str) -> Query {
        let mut q = Query::default();
        let mut words = Vec::new();
        for word in query.split_whitespace() {
            match word.strip_prefix('@') {
                Some(name) if !name.is_empty() => q.speakers.push(name.to_lowercase()),
                Some(_) => {}
                None => words.push(word),
            }
        }
        q.pattern = words.join(" ");
        q
    }
}

/// Quotes prepared for searching, each as `speaker · text`.
pub struct QuoteIndex {
    entries: Vec<Entry>,
    /// fuzzy-matcher's full scorer: the exact ranking, used for the best results.
    exact: SkimMatcherV2,
    /// fuzzy-matcher's cheaper greedy scorer (its `element_limit` fallback), used to rank
    /// everything else: the full scorer costs ~2.4 µs per 230-byte quote, too slow for
    /// 100,000 quotes per keystroke.
    quick: SkimMatcherV2,
}

impl Clone for QuoteIndex {
    fn clone(&self) -> Self {
        QuoteIndex {
            entries: self.entries.clone(),
            ..QuoteIndex::default()
        }
    }
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
            exact: SkimMatcherV2::default().smart_case(),
            quick: SkimMatcherV2::default().smart_case().element_limit(1),
        }
    }
}

/// How many of the best quick-scored results are scored again exactly.
const EXACT_TOP: usize = 200;

/// A bit per ASCII letter and digit a text holds (case folded): a quote lacking one of
/// the query's characters cannot match it, which is found without calling the matcher.
fn char_mask(text: &str) -> u64 {
    let mut mask = 0u64;
    for b in text.bytes() {
        match b {
            b'a'..=b'z' => mask |= 1 << (b - b'a'),
            b'A'..=b'Z' => mask |= 1 << (b - b'A'),
            b'0'..=b'9' => mask |= 1 << (26 + b - b'0'),
            _ => {}
        }
    }
    mask
}

/// True when the ASCII letters and digits of `pattern` occur in `hay` in order, case
/// folded (other characters are left to the matcher). A match needs this; most
/// non-matches fail it in one pass over the bytes.
fn in_order(hay: &[u8], pattern: &[u8]) -> bool {
    let mut at = 0;
    for &p in pattern {
        if !p.is_ascii_alphanumeric() {
            continue;
        }
        let p = p.to_ascii_lowercase();
        match hay[at..].iter().position(|h| h.to_ascii_lowercase() == p) {
            Some(i) => at += i + 1,
            None => return false,
        }
    }
    true
}

#[derive(Clone)]
struct Entry {
    doc: usize,
    quote: usize,
    mask: u64,
    haystack: String,
    /// Where the text starts in `haystack`.
    text_start: usize,
    speaker_len: usize,
    speaker_lower: String,
}

const SEPARATOR: &str = " · ";

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
        self.entries.reserve(quotes.len());
        for (quote, q) in quotes.iter().enumerate() {
            let speaker = q.speaker.as_deref().unwrap_or("");
            let mut haystack =
                String::with_capacity(speaker.len() + SEPARATOR.len() + q.text.len());
            haystack.push_str(speaker);
            haystack.push_str(SEPARATOR);
            haystack.push_str(&q.text);
            self.entries.push(Entry {
                doc,
                quote,
                mask: char_mask(&haystack),
                haystack,
                text_start: speaker.len() + SEPARATOR.len(),
                speaker_len: speaker.len(),
                speaker_lower: speaker.to_lowercase(),
            });
        }
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

    /// Quotes ranked for `query`, best first (ties in index order); an empty pattern keeps
    /// index order. Every quote is scored with fuzzy-matcher's quick scorer and the best 200
    /// again with its exact one, so the top of the list is in exact order. `within` narrows the search to earlier hits: a query that grows by
    /// appending can only match a subset of what it matched before.
    pub fn rank(&self, query: &str, within: Option<&[usize]>) -> Vec<Hit> {
        let query = Query::parse(query);
        let all: Vec<usize>;
        let candidates: &[usize] = match within {
            Some(c) => c,
            None => {
                all = (0..self.entries.len()).collect();
                &all
            }
        };
        let pattern_mask = char_mask(&query.pattern);
        let pattern_bytes = query.pattern.as_bytes();
        let score = |&i: &usize| -> Option<Hit> {
            let e = self.entries.get(i)?;
            if !query
                .speakers
                .iter()
                .all(|s| e.speaker_lower.contains(s.as_str()))
            {
                return None;
            }
            if query.pattern.is_empty() {
                return Some(Hit { quote: i, score: 0 });
            }
            if pattern_mask & !e.mask != 0 || !in_order(e.haystack.as_bytes(), pattern_bytes) {
                return None;
            }
            let score = self.quick.fuzzy_match(&e.haystack, &query.pattern)?;
            Some(Hit { quote: i, score })
        };
        let mut hits: Vec<Hit> = if candidates.len() < PARALLEL_FROM {
            candidates.iter().filter_map(score).collect()
        } else {
            let threads = std::thread::available_parallelism().map_or(2, usize::from);
            let chunk = candidates.len().div_ceil(threads);
            std::thread::scope(|scope| {
                let parts: Vec<_> = candidates
                    .chunks(chunk)
                    .map(|part| {
                        scope.spawn(move || part.iter().filter_map(score).collect::<Vec<_>>())
                    })
                    .collect();
                parts
                    .into_iter()
                    .flat_map(|p| p.join().unwrap_or_default())
                    .collect()
            })
        };
        if !query.pattern.is_empty() {
            let by_score = |a: &Hit, b: &Hit| b.score.cmp(&a.score).then(a.quote.cmp(&b.quote));
            // The best by the quick score, scored again exactly and put first in exact order.
            let top = EXACT_TOP.min(hits.len());
            if top > 0 {
                hits.select_nth_unstable_by(top - 1, by_score);
                for h in &mut hits[..top] {
                    if let Some(e) = self.entries.get(h.quote) {
                        h.score = self
                            .exact
                            .fuzzy_match(&e.haystack, &query.pattern)
                            .unwrap_or(h.score);
                    }
                }
                let (best, rest) = hits.split_at_mut(top);
                best.sort_by(by_score);
                rest.sort_by(by_score);
            }
        }
        hits
    }

    /// Which characters of quote `i` match `query`, as byte ranges in its text and speaker.
    pub fn ranges(&self, i: usize, query: &str) -> Ranges {
        let query = Query::parse(query);
        let Some(e) = self.entries.get(i) else {
            return Ranges::default();
        };
        let mut out = Ranges::default();
        if !query.pattern.is_empty() {
            if let Some((_, chars)) = self.exact.fuzzy_indices(&e.haystack, &query.pattern) {
                for r in char_to_byte_ranges(&e.haystack, &chars) {
                    if r.start >= e.text_start {
                        out.text.push(r.start - e.text_start..r.end - e.text_start);
                    } else if r.end <= e.speaker_len {
                        out.speaker.push(r);
                    }
                }
            }
        }
        let speaker = &e.haystack[..e.speaker_len];
        // Lowercasing may change byte lengths; highlight speaker filters only when it doesn't.
        if e.speaker_lower.len() == speaker.len() {
            for s in &query.speakers {
                if let Some(at) = e.speaker_lower.find(s.as_str()) {
                    out.speaker.push(at..at + s.len());
                }
            }
            out.speaker.sort_by_key(|r| r.start);
        }
        out
    }
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
        assert!(in_order(b"we were struggling for compute", b"compute"));
        assert!(in_order(b"We Were", b"ww"));
        assert!(!in_order(b"compute", b"tuc"));
        assert!(
            in_order(b"anything", b"\xc3\xa9"),
            "non-ASCII is left to the matcher"
        );
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
}
