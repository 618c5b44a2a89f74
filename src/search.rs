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
#[derive(Default)]
pub struct QuoteIndex {
    entries: Vec<Entry>,
    matcher: SkimMatcherV2,
}

struct Entry {
    doc: usize,
    quote: usize,
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
    /// index order. `within` narrows the search to earlier hits: a query that grows by
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
            let score = self.matcher.fuzzy_match(&e.haystack, &query.pattern)?;
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
            hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.quote.cmp(&b.quote)));
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
            if let Some((_, chars)) = self.matcher.fuzzy_indices(&e.haystack, &query.pattern) {
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
