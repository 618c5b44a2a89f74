//! Ranking the index for a query: the lead fuzzy term scored over every candidate (by the
//! byte-level skim proxy, or by fuzzy-matcher for a pattern the proxy cannot score), the
//! other terms as filters that add their scores, and the best few hundred scored again by
//! fuzzy-matcher's full alignment so that the top of the list is in its exact order.

use fuzzy_matcher::FuzzyMatcher;

use super::incremental::{Known, KnownQuote, LastRows};
use super::index::{Entry, QuoteIndex, char_mask};
use super::query::{Kind, Query, Term};
use super::skim_score::{LastMatch, Proxy, is_case_sensitive};
use super::{Hit, matching};

/// How many of the best results are scored again exactly: more than any screen shows.
pub(super) const EXACT_TOP: usize = 300;

/// Below this many candidates, ranking runs on one thread.
pub(super) const PARALLEL_FROM: usize = 4096;

/// True when the bytes of `pattern` occur in `hay` in order, ASCII letters case folded
/// unless `case_sensitive`. fuzzy-matcher matches chars in order, folding only ASCII
/// (`eq_ignore_ascii_case`), so a match needs this; for an ASCII pattern it is exactly
/// the matcher's test, for a non-ASCII one only a necessary condition.
pub(super) fn in_order(hay: &[u8], pattern: &[u8], case_sensitive: bool) -> bool {
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

impl QuoteIndex {
    /// Quotes ranked for `query` (see [`query`](super::query)), best first (ties in index
    /// order); a query with no fuzzy term keeps index order. The lead fuzzy term
    /// ([`Query::lead`]) ranks every quote by `Proxy` (fuzzy-matcher's quick scorer for a
    /// pattern it cannot score); the other terms filter those hits and add their scores; and
    /// the best 300 are scored again by fuzzy-matcher's exact scorer, so the top of the list
    /// is in exact order. `within` narrows the search to earlier hits: the caller passes
    /// them when the query [`query::narrows`](super::query::narrows) the one they were
    /// ranked for.
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
}
