//! Which characters of a quote a query matched, as byte ranges of its text and of its
//! speaker, for the view to highlight: fuzzy-matcher reports char indices, and they become
//! byte ranges here, once.

use std::ops::Range;

use fuzzy_matcher::FuzzyMatcher;

use super::index::QuoteIndex;
use super::matching;
use super::query::{Kind, Query};

/// Matched byte ranges of one quote, for highlighting.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Ranges {
    /// In the quote's text.
    pub text: Vec<Range<usize>>,
    /// In the quote's speaker.
    pub speaker: Vec<Range<usize>>,
}

impl QuoteIndex {
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
