//! The fuzzy quote index: ranks quotes for a query with fuzzy-matcher and says which
//! characters matched, as byte ranges ready for highlighting.

use std::ops::Range;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use crate::document::Quote;

/// One ranked quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Index of the quote in the list the index was built from.
    pub quote: usize,
    /// fuzzy-matcher's score (higher is better); 0 for an empty query.
    pub score: i64,
    /// Matched byte ranges in the quote's text.
    pub text_ranges: Vec<Range<usize>>,
    /// Matched byte ranges in the quote's speaker.
    pub speaker_ranges: Vec<Range<usize>>,
}

/// Quotes prepared for searching: each as `speaker · text`, so a query can name both.
pub struct QuoteIndex {
    entries: Vec<Entry>,
    matcher: SkimMatcherV2,
}

struct Entry {
    haystack: String,
    /// Byte length of the speaker part plus separator; the text starts there.
    text_start: usize,
    speaker_len: usize,
}

const SEPARATOR: &str = " · ";

impl QuoteIndex {
    /// Indexes `quotes` (kept in this order: [`Hit::quote`] indexes it).
    pub fn new(quotes: &[Quote]) -> Self {
        let entries = quotes
            .iter()
            .map(|q| {
                let speaker = q.speaker.as_deref().unwrap_or("");
                Entry {
                    haystack: format!("{speaker}{SEPARATOR}{}", q.text),
                    text_start: speaker.len() + SEPARATOR.len(),
                    speaker_len: speaker.len(),
                }
            })
            .collect();
        QuoteIndex {
            entries,
            matcher: SkimMatcherV2::default().smart_case(),
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

    /// All quotes ranked for `query`, best first (ties in document order); an empty query
    /// lists every quote in document order. `within` narrows the search to earlier hits (a
    /// query that grows can only match fewer quotes).
    pub fn rank(&self, query: &str, within: Option<&[usize]>) -> Vec<Hit> {
        let query = query.trim();
        if query.is_empty() {
            return (0..self.entries.len())
                .map(|quote| Hit {
                    quote,
                    score: 0,
                    text_ranges: Vec::new(),
                    speaker_ranges: Vec::new(),
                })
                .collect();
        }
        let mut hits: Vec<Hit> = match within {
            Some(subset) => subset.iter().filter_map(|&i| self.hit(i, query)).collect(),
            None => (0..self.entries.len())
                .filter_map(|i| self.hit(i, query))
                .collect(),
        };
        hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.quote.cmp(&b.quote)));
        hits
    }

    fn hit(&self, i: usize, query: &str) -> Option<Hit> {
        let entry = self.entries.get(i)?;
        let (score, chars) = self.matcher.fuzzy_indices(&entry.haystack, query)?;
        let bytes = char_to_byte_ranges(&entry.haystack, &chars);
        let mut text_ranges = Vec::new();
        let mut speaker_ranges = Vec::new();
        for r in bytes {
            if r.start >= entry.text_start {
                text_ranges.push(r.start - entry.text_start..r.end - entry.text_start);
            } else if r.end <= entry.speaker_len {
                speaker_ranges.push(r);
            }
        }
        Some(Hit {
            quote: i,
            score,
            text_ranges,
            speaker_ranges,
        })
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
        assert_eq!(hits[0].text_ranges, vec![23..30]);
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
        assert_eq!(hits[0].speaker_ranges, vec![0..4]);
        let hits = index.rank("安全", None);
        assert_eq!(hits[0].text_ranges, vec![0..6]);
    }

    #[test]
    fn narrowing_searches_only_earlier_hits() {
        let index = QuoteIndex::new(&[quote("compute now", None), quote("compute later", None)]);
        assert_eq!(index.rank("compute", Some(&[1])).len(), 1);
    }
}
