//! Typing a query: the last row of skim's score matrix for every quote a ranking matched,
//! kept so that when the pattern grows by a character each quote needs one more row, at
//! that character's occurrences, instead of a new scan of all its bytes.

use std::ops::Range;

use super::index::QuoteIndex;
use super::rank::PARALLEL_FROM;
use super::skim_score::{LastMatch, is_case_sensitive, next_row};
use super::{Hit, matching};

/// A quote a pattern matched: where its [`LastMatch`]es are, and its score.
#[derive(Clone)]
pub(super) struct KnownQuote {
    pub(super) quote: usize,
    pub(super) matches: Range<usize>,
    pub(super) best: i32,
}

/// The quotes a pattern matched, in index order, and their last row's matches.
#[derive(Default)]
pub(super) struct Known {
    pub(super) quotes: Vec<KnownQuote>,
    pub(super) matches: Vec<LastMatch>,
}

/// The last row of skim's matrix for every quote a pattern matched, kept after ranking:
/// when the pattern grows by a character, each quote needs only one more row, computed at
/// that character's occurrences from this one, instead of a scan of all its bytes.
pub(super) struct LastRows {
    pub(super) speakers: Vec<String>,
    pub(super) pattern: String,
    /// The quotes that were ranked, as a bit set (`None`: all of them).
    pub(super) domain: Option<Vec<u64>>,
    /// In index order, in parts made (and grown) on separate threads.
    pub(super) parts: Vec<Known>,
}

impl LastRows {
    /// True when ranking `query` over `wanted` can start from these rows: the same speaker
    /// filters, a pattern that extends this one with the same smart case, and no quote
    /// wanted that was not ranked.
    pub(super) fn extends_to(
        &self,
        speakers: &[String],
        pattern: &str,
        wanted: Option<&[u64]>,
    ) -> bool {
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
    pub(super) fn extend(
        self,
        index: &QuoteIndex,
        pattern: &str,
        wanted: Option<&[u64]>,
    ) -> LastRows {
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
    pub(super) fn hits(&self) -> Vec<Hit> {
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
