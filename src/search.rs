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
//! A query is words to match fuzzily against `speaker · text`, plus optional `@name` words
//! that keep only quotes whose speaker contains `name` (`@leike compute`).

use std::ops::Range;
use std::sync::{Mutex, PoisonError};

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use crate::document::Quote;

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
    /// everything for the patterns [`Proxy`] cannot score (non-ASCII, very long).
    quick: SkimMatcherV2,
    /// What the last ranking by [`Proxy`] leaves for the next, when its pattern grows.
    last_rows: Mutex<Option<LastRows>>,
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
            last_rows: Mutex::new(None),
        }
    }
}

/// How many of the best results are scored again exactly: more than any screen shows.
const EXACT_TOP: usize = 300;

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

/// skim's smart case, as fuzzy-matcher decides it: an ASCII capital makes a pattern case
/// sensitive.
fn is_case_sensitive(pattern: &str) -> bool {
    pattern.bytes().any(|b| b.is_ascii_uppercase())
}

/// fuzzy-matcher's skim V2 scores with its default configuration (`SkimScoreConfig`).
mod skim {
    pub const MATCH: i32 = 16;
    /// Matching a capital with a lowercase pattern letter.
    pub const CASE_MISMATCH: i32 = -2;
    pub const GAP_START: i32 = -3;
    pub const GAP_EXTENSION: i32 = -1;
    /// The least bonus of a match that follows a match.
    pub const CONSECUTIVE: i32 = 4;
    /// Bonuses by where a match is: after a space or bracket (or at the start), after other
    /// punctuation, a capital after a lowercase letter or digit.
    pub const HEAD: i32 = 8;
    pub const BREAK: i32 = 7;
    pub const CAMEL: i32 = 6;
    /// The first character's bonus counts twice.
    pub const FIRST_CHAR_MULTIPLIER: i32 = 2;
}

/// skim's character classes, by byte: a byte of a multi-byte character is lowercase, as
/// skim classes every non-ASCII character.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    HardSeparator,
    SoftSeparator,
    Digit,
    Upper,
    Lower,
}

const fn class_of(b: u8) -> Class {
    match b {
        b' ' | b'/' | b'\\' | b'|' | b'(' | b')' | b'[' | b']' | b'{' | b'}' => {
            Class::HardSeparator
        }
        b'!'..=b'\'' | b'*'..=b'.' | b':'..=b'@' | b'^'..=b'`' | b'~' => Class::SoftSeparator,
        b'0'..=b'9' => Class::Digit,
        b'A'..=b'Z' => Class::Upper,
        _ => Class::Lower,
    }
}

/// skim's bonus for a match on a character of class `cur` after one of class `prev`.
const fn position_bonus(prev: Class, cur: Class) -> i32 {
    match (prev, cur) {
        (Class::HardSeparator, _) => skim::HEAD,
        (Class::SoftSeparator, _) => skim::BREAK,
        (Class::Lower | Class::Digit, Class::Upper) => skim::CAMEL,
        _ => 0,
    }
}

/// [`position_bonus`] by the bytes: `BONUS[prev as usize * 256 + cur as usize]` would be
/// 64 KiB, so the table is by class, and `CLASS` maps bytes to classes.
const CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = class_of(b as u8) as u8;
        b += 1;
    }
    table
};

const CLASSES: usize = 5;

const BONUS: [i32; CLASSES * CLASSES] = {
    const ALL: [Class; CLASSES] = [
        Class::HardSeparator,
        Class::SoftSeparator,
        Class::Digit,
        Class::Upper,
        Class::Lower,
    ];
    let mut table = [0; CLASSES * CLASSES];
    let mut i = 0;
    while i < CLASSES * CLASSES {
        table[i] = position_bonus(ALL[i / CLASSES], ALL[i % CLASSES]);
        i += 1;
    }
    table
};

/// skim's bonus for a match on `hay[at]`.
fn bonus_at(hay: &[u8], at: usize) -> i32 {
    match at.checked_sub(1) {
        Some(p) => {
            BONUS[usize::from(CLASS[usize::from(hay[p])]) * CLASSES
                + usize::from(CLASS[usize::from(hay[at])])]
        }
        None => skim::HEAD * skim::FIRST_CHAR_MULTIPLIER,
    }
}

/// Far below any real score, far enough above `i32::MIN` that adding to it cannot wrap.
const UNREACHED: i32 = -(1 << 28);

/// fuzzy-matcher's skim score for an ASCII pattern, computed over the haystack's bytes in
/// one pass without allocating (the last row's matches go to the caller's vector).
///
/// It is skim's alignment (a match scores 16, less 2 for a capital under a lowercase
/// pattern letter; bonuses for matching at a word start, a camel hump or the first
/// character; a gap costs 3 plus 1 per skipped character; a match right after a match
/// earns at least 4) except for fuzzy-matcher's reuse of its score matrix, which
/// sometimes carries a value into a row it does not belong to. So scores are close to
/// fuzzy-matcher's and usually equal, which is what matters for choosing the results it
/// scores exactly. Which quotes match is exact: for an ASCII pattern skim compares bytes.
struct Proxy {
    /// For each byte, the pattern positions it matches (bit `i`: pattern byte `i`).
    positions: [u64; 256],
    /// The score of matching each byte: less for a capital under a lowercase letter.
    base: [i32; 256],
    /// The pattern's distinct bytes, ASCII lowercased, for finding candidate positions
    /// 64 bytes at a time.
    set: Vec<u8>,
    len: usize,
}

impl Proxy {
    /// The longest pattern scored here: positions are bits of a `u64`.
    const MAX_LEN: usize = 64;

    /// `None` for an empty pattern, one with a non-ASCII character (whose char-by-char
    /// matching bytes cannot state), or one longer than [`Proxy::MAX_LEN`].
    fn new(pattern: &str) -> Option<Proxy> {
        if pattern.is_empty() || !pattern.is_ascii() || pattern.len() > Self::MAX_LEN {
            return None;
        }
        let case_sensitive = is_case_sensitive(pattern);
        let mut positions = [0u64; 256];
        let mut base = [skim::MATCH; 256];
        for (i, b) in pattern.bytes().enumerate() {
            positions[usize::from(b)] |= 1 << i;
            if !case_sensitive && b.is_ascii_lowercase() {
                let upper = b.to_ascii_uppercase();
                positions[usize::from(upper)] |= 1 << i;
                base[usize::from(upper)] = skim::MATCH + skim::CASE_MISMATCH;
            }
        }
        let mut set: Vec<u8> = pattern.bytes().map(|b| b.to_ascii_lowercase()).collect();
        set.sort_unstable();
        set.dedup();
        Some(Proxy {
            positions,
            base,
            set,
            len: pattern.len(),
        })
    }

    /// The score of `hay`, or `None` when the pattern does not match it; the matches of
    /// the pattern's last byte are added to `last`.
    fn score(&self, hay: &[u8], last: &mut Vec<LastMatch>) -> Option<i32> {
        match self.set.len() {
            1 => self.score_with::<1>(hay, last),
            2 => self.score_with::<2>(hay, last),
            3..=4 => self.score_with::<4>(hay, last),
            5..=8 => self.score_with::<8>(hay, last),
            9..=16 => self.score_with::<16>(hay, last),
            _ => self.score_with::<{ Self::MAX_LEN }>(hay, last),
        }
    }

    /// [`Proxy::score`], comparing bytes with `N` pattern bytes (the set padded by
    /// repeating its first byte) so the comparisons unroll.
    fn score_with<const N: usize>(&self, hay: &[u8], last: &mut Vec<LastMatch>) -> Option<i32> {
        let set: [u8; N] =
            std::array::from_fn(|k| self.set.get(k).or(self.set.first()).map_or(0x80, |&b| b));
        let mut scan = Scan::new();
        for_each_block(hay, &set, |start, hits, continuations| {
            scan.block(self, hay, start, hits, continuations, last);
        });
        let best = scan.rows[self.len].best;
        (best > UNREACHED / 2).then_some(best)
    }
}

/// A match of a pattern's last byte: where (byte and char), and the score of the best
/// alignment that ends there.
#[derive(Clone, Copy)]
struct LastMatch {
    at: u32,
    column: i32,
    score: i32,
}

/// skim's score for matching a pattern byte at one column, given the row below.
struct Cell {
    column: i32,
    /// The score after a match in the column before.
    consecutive: i32,
    /// What a gap ending before this column costs, given the gap's first column.
    gap: i32,
    /// The score after a gap, plus the best of `earlier` of the row below.
    skipped: i32,
}

impl Cell {
    fn new(column: i32, bonus: i32, base: i32) -> Cell {
        let gap = skim::GAP_START + skim::GAP_EXTENSION * (column - 1);
        Cell {
            column,
            consecutive: bonus.max(skim::CONSECUTIVE) + base,
            gap,
            skipped: gap + bonus + base,
        }
    }

    /// The best alignment's score ending with this match, from the row below's state
    /// before this column.
    fn score(&self, below: &Row) -> i32 {
        let adjacent = below.column == self.column - 1;
        let run = if adjacent {
            below.score + self.consecutive
        } else {
            UNREACHED
        };
        let gapped = if adjacent {
            below.earlier
        } else {
            below
                .earlier
                .max(below.score - skim::GAP_EXTENSION * below.column)
        };
        run.max(gapped + self.skipped)
    }
}

/// One row of skim's score matrix, as much of it as later bytes need.
#[derive(Clone, Copy)]
struct Row {
    /// The column (char index) of the row's last match, `-2` before any.
    column: i32,
    /// The score of the best alignment ending with that match.
    score: i32,
    /// The best `score - GAP_EXTENSION * column` of the row's matches before the last.
    earlier: i32,
    /// The best score of any match of the row.
    best: i32,
}

impl Row {
    const UNREACHED: Row = Row {
        column: -2,
        score: UNREACHED,
        earlier: UNREACHED,
        best: UNREACHED,
    };

    /// Records a match at `column`, later than any before.
    fn push(&mut self, column: i32, score: i32) {
        self.earlier = self
            .earlier
            .max(self.score - skim::GAP_EXTENSION * self.column);
        self.column = column;
        self.score = score;
        self.best = self.best.max(score);
    }
}

/// The state of one [`Proxy`] scan.
///
/// Row `i` of skim's matrix is kept as the last column it matched at, its score there,
/// and the best `score + column` of its earlier matches: a gap's cost grows by one per
/// column, so the best alignment that skips to column `j` is the largest of those,
/// less `j` (and the gap's start). A byte updates only the rows whose pattern byte it
/// is; the bytes that are in the pattern at all are found 64 at a time.
struct Scan {
    /// Row `i + 1` is pattern byte `i`; row 0 is the empty prefix.
    rows: [Row; Proxy::MAX_LEN + 1],
    /// Pattern bytes that may match next: the first, and each one after a matched one.
    open: u64,
    /// Continuation bytes before the current block: skim's columns are chars.
    continuations: usize,
}

impl Scan {
    fn new() -> Scan {
        Scan {
            rows: [Row::UNREACHED; Proxy::MAX_LEN + 1],
            open: 1,
            continuations: 0,
        }
    }

    /// Updates the rows for the pattern bytes (`hits`) in the 64 bytes from `start`.
    fn block(
        &mut self,
        proxy: &Proxy,
        hay: &[u8],
        start: usize,
        hits: u64,
        continuations: u64,
        last: &mut Vec<LastMatch>,
    ) {
        let mut hits = hits;
        while hits != 0 {
            let k = hits.trailing_zeros() as usize;
            hits &= hits - 1;
            let at = start + k;
            let b = usize::from(hay[at]);
            let mut rows = proxy.positions[b] & self.open;
            if rows == 0 {
                continue;
            }
            let mut j = at - self.continuations;
            if continuations != 0 {
                j -= (continuations & ((1u64 << k) - 1)).count_ones() as usize;
            }
            let j = j as i32;
            let cell = Cell::new(j, bonus_at(hay, at), proxy.base[b]);
            // Skipping leading characters costs one gap extension, however many.
            self.rows[0].earlier = skim::GAP_EXTENSION - cell.gap;
            // Highest row first, so each row reads the row below as it was before this byte.
            while rows != 0 {
                let i = (u64::BITS - 1 - rows.leading_zeros()) as usize;
                rows ^= 1 << i;
                let score = cell.score(&self.rows[i]);
                self.rows[i + 1].push(j, score);
                self.open |= 2 << i;
                if i + 1 == proxy.len {
                    last.push(LastMatch {
                        at: at as u32,
                        column: j,
                        score,
                    });
                }
            }
        }
        self.continuations += continuations.count_ones() as usize;
    }
}

/// Calls `visit` with the start of each 64 bytes of `hay` and their [`block_masks`].
fn for_each_block<const N: usize>(
    hay: &[u8],
    set: &[u8; N],
    mut visit: impl FnMut(usize, u64, u64),
) {
    let blocks = hay.chunks_exact(64);
    let tail = blocks.remainder().len();
    for (i, block) in blocks.enumerate() {
        if let Ok(block) = <&[u8; 64]>::try_from(block) {
            let (hits, continuations) = block_masks(block, set);
            visit(i * 64, hits, continuations);
        }
    }
    if tail == 0 {
        return;
    }
    let start = hay.len() - tail;
    match hay.last_chunk::<64>() {
        // The last 64 bytes, less those visited already: no copy.
        Some(block) => {
            let (hits, continuations) = block_masks(block, set);
            let seen = 64 - tail;
            visit(
                start - seen,
                hits >> seen << seen,
                continuations >> seen << seen,
            );
        }
        None => {
            // Padded with a continuation byte, which no ASCII pattern holds.
            let mut block = [0x80u8; 64];
            block[..tail].copy_from_slice(hay);
            let (hits, continuations) = block_masks(&block, set);
            visit(start, hits, continuations);
        }
    }
}

/// For 64 bytes: which are one of `set` once ASCII lowercased, and which continue a
/// multi-byte character, as bit masks. Written so the compiler can compare 16 bytes at a
/// time.
#[inline]
fn block_masks<const N: usize>(block: &[u8; 64], set: &[u8; N]) -> (u64, u64) {
    let mut hit = [0u8; 64];
    let mut continues = [0u8; 64];
    for k in 0..64 {
        let b = block[k];
        let lower = b | (u8::from(b.wrapping_sub(b'A') < 26) << 5);
        hit[k] = set.iter().fold(0, |h, &p| h | u8::from(p == lower));
        continues[k] = u8::from(b & 0xC0 == 0x80);
    }
    (pack_flags(&hit), pack_flags(&continues))
}

/// 64 flags of 0 or 1 as the bits of a `u64`, eight at a time: the multiplication moves
/// byte `t`'s low bit to bit `56 + t` without carries.
#[inline]
fn pack_flags(flags: &[u8; 64]) -> u64 {
    let mut mask = 0;
    for g in 0..8 {
        let eight = u64::from_le_bytes(std::array::from_fn(|t| flags[g * 8 + t]));
        mask |= (eight.wrapping_mul(0x0102_0408_1020_4080) >> 56) << (8 * g);
    }
    mask
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

impl Entry {
    /// True when the speaker contains every `@name` of the query.
    fn said_by(&self, speakers: &[String]) -> bool {
        speakers
            .iter()
            .all(|s| self.speaker_lower.contains(s.as_str()))
    }
}

const SEPARATOR: &str = " · ";

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
    fn extends_to(&self, query: &Query, wanted: Option<&[u64]>) -> bool {
        let covered = match (&self.domain, wanted) {
            (None, _) => true,
            (Some(_), None) => false,
            (Some(domain), Some(wanted)) => {
                wanted.len() <= domain.len() && wanted.iter().zip(domain).all(|(w, d)| w & !d == 0)
            }
        };
        covered
            && self.speakers == query.speakers
            && query.pattern.starts_with(&self.pattern)
            && is_case_sensitive(&query.pattern) == is_case_sensitive(&self.pattern)
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
            for &byte in grown {
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
                    let hay = e.haystack.as_bytes();
                    if let Some(best) =
                        next_row(hay, below, byte, case_sensitive, &mut next.matches)
                    {
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

/// The next row of skim's matrix for haystack `hay`, for pattern byte `byte`, from the
/// row below's matches (`below`, in order): its matches are added to `out` and the best
/// score returned, `None` when it has none.
fn next_row(
    hay: &[u8],
    below: &[LastMatch],
    byte: u8,
    case_sensitive: bool,
    out: &mut Vec<LastMatch>,
) -> Option<i32> {
    let first = below.first()?;
    let from = first.at as usize + 1;
    let mut row = Row::UNREACHED;
    let mut next = below.iter().peekable();
    let mut best = UNREACHED;
    let mut before = 0usize;
    for_each_block(
        hay,
        &[byte.to_ascii_lowercase()],
        |start, hits, continuations| {
            let mut hits = if start + 64 <= from {
                0
            } else if start >= from {
                hits
            } else {
                hits & !((1u64 << (from - start)) - 1)
            };
            while hits != 0 {
                let k = hits.trailing_zeros() as usize;
                hits &= hits - 1;
                let at = start + k;
                if case_sensitive && hay[at] != byte {
                    continue;
                }
                let mut column = at - before;
                if continuations != 0 {
                    column -= (continuations & ((1u64 << k) - 1)).count_ones() as usize;
                }
                let column = column as i32;
                while let Some(m) = next.next_if(|m| m.column < column) {
                    row.push(m.column, m.score);
                }
                let base = if hay[at] == byte {
                    skim::MATCH
                } else {
                    skim::MATCH + skim::CASE_MISMATCH
                };
                let score = Cell::new(column, bonus_at(hay, at), base).score(&row);
                out.push(LastMatch {
                    at: at as u32,
                    column,
                    score,
                });
                best = best.max(score);
            }
            before += continuations.count_ones() as usize;
        },
    );
    (best > UNREACHED / 2).then_some(best)
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
        *self
            .last_rows
            .get_mut()
            .unwrap_or_else(PoisonError::into_inner) = None;
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
    /// index order. Every quote is scored by `Proxy` (fuzzy-matcher's quick scorer for a
    /// pattern it cannot score) and the best 300 again by fuzzy-matcher's exact scorer, so
    /// the top of the list is in exact order. `within` narrows the search to earlier hits: a
    /// query that grows by appending can only match a subset of what it matched before.
    ///
    /// A pattern that grows from the last one ranked reuses that ranking's last matrix row
    /// for every quote it matched, so typing costs a row per keystroke, not a scan.
    pub fn rank(&self, query: &str, within: Option<&[usize]>) -> Vec<Hit> {
        let query = Query::parse(query);
        let wanted = within.map(|w| self.bit_set(w));
        let hits = match Proxy::new(&query.pattern) {
            Some(proxy) => {
                let last = self.last_rows.lock().map(|mut l| l.take()).ok().flatten();
                let rows = match last {
                    Some(rows) if rows.extends_to(&query, wanted.as_deref()) => {
                        rows.extend(self, &query.pattern, wanted.as_deref())
                    }
                    _ => self.scan(&query, &proxy, wanted),
                };
                let hits = rows.hits();
                if let Ok(mut last) = self.last_rows.lock() {
                    *last = Some(rows);
                }
                hits
            }
            None => self.rank_quick(&query, wanted.as_deref()),
        };
        self.exact_first(hits, &query.pattern)
    }

    /// Ranks with fuzzy-matcher's quick scorer: the empty pattern (every quote, score 0)
    /// and those [`Proxy`] cannot score.
    fn rank_quick(&self, query: &Query, wanted: Option<&[u64]>) -> Vec<Hit> {
        let candidates = self.candidates(wanted);
        let pattern_mask = char_mask(&query.pattern);
        let case_sensitive = is_case_sensitive(&query.pattern);
        let score = |&i: &usize| -> Option<Hit> {
            let e = self.entries.get(i)?;
            if !e.said_by(&query.speakers) {
                return None;
            }
            if query.pattern.is_empty() {
                return Some(Hit { quote: i, score: 0 });
            }
            if pattern_mask & !e.mask != 0
                || !in_order(
                    e.haystack.as_bytes(),
                    query.pattern.as_bytes(),
                    case_sensitive,
                )
            {
                return None;
            }
            let score = self.quick.fuzzy_match(&e.haystack, &query.pattern)?;
            Some(Hit { quote: i, score })
        };
        in_parallel(&candidates, |part| part.iter().filter_map(score).collect())
    }

    /// Scores `candidates` (all quotes when `None`) with `proxy`.
    fn scan(&self, query: &Query, proxy: &Proxy, wanted: Option<Vec<u64>>) -> LastRows {
        let candidates = self.candidates(wanted.as_deref());
        let pattern_mask = char_mask(&query.pattern);
        let parts = in_parallel(&candidates, |part| {
            let mut known = Known::default();
            for &i in part {
                let Some(e) = self.entries.get(i) else {
                    continue;
                };
                if pattern_mask & !e.mask != 0 || !e.said_by(&query.speakers) {
                    continue;
                }
                let start = known.matches.len();
                if let Some(best) = proxy.score(e.haystack.as_bytes(), &mut known.matches) {
                    known.quotes.push(KnownQuote {
                        quote: i,
                        matches: start..known.matches.len(),
                        best,
                    });
                }
            }
            vec![known]
        });
        LastRows {
            speakers: query.speakers.clone(),
            pattern: query.pattern.clone(),
            domain: wanted,
            parts,
        }
    }

    /// The best hits, by `hits`' scores, scored again exactly (and dropped if fuzzy-matcher
    /// does not match them) and put first in exact order; the rest follow in order.
    fn exact_first(&self, mut hits: Vec<Hit>, pattern: &str) -> Vec<Hit> {
        let by_score = |a: &Hit, b: &Hit| b.score.cmp(&a.score).then(a.quote.cmp(&b.quote));
        let top = EXACT_TOP.min(hits.len());
        if pattern.is_empty() || top == 0 {
            return hits;
        }
        hits.select_nth_unstable_by(top - 1, by_score);
        let mut best: Vec<Hit> = hits[..top]
            .iter()
            .filter_map(|h| {
                let e = self.entries.get(h.quote)?;
                let score = self.exact.fuzzy_match(&e.haystack, pattern)?;
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
    fn matched_by_fuzzy_matcher(quotes: &[Quote], pattern: &str) -> Vec<usize> {
        let index = QuoteIndex::new(quotes);
        let matcher = SkimMatcherV2::default().smart_case();
        (0..quotes.len())
            .filter(|&i| {
                matcher
                    .fuzzy_match(&index.entries[i].haystack, pattern)
                    .is_some()
            })
            .collect()
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

    /// The ranking fuzzy-matcher's exact scorer gives when it scores every quote.
    fn exact_ranking(index: &QuoteIndex, pattern: &str) -> Vec<Hit> {
        let matcher = SkimMatcherV2::default().smart_case();
        let mut hits: Vec<Hit> = (0..index.len())
            .filter_map(|i| {
                let score = matcher.fuzzy_match(&index.entries[i].haystack, pattern)?;
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

    #[test]
    fn a_contiguous_word_ranks_above_a_scattered_match() {
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
        assert_eq!(order, [1, 2, 0]);
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

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

        /// No quote fuzzy-matcher matches is missing, and none it rejects is listed,
        /// whether the query is ranked at once or typed a character at a time.
        #[test]
        fn rank_finds_exactly_what_fuzzy_matcher_matches(
            texts in proptest::collection::vec("[a-eA-E é安·_.-]{0,40}", 1..40),
            pattern in "[a-eA-E é安]{1,5}",
        ) {
            let quotes: Vec<Quote> = texts
                .iter()
                .enumerate()
                .map(|(i, t)| quote(t, (i % 3 == 0).then_some("Ab Cd")))
                .collect();
            let index = QuoteIndex::new(&quotes);
            let pattern = Query::parse(&pattern).pattern;
            proptest::prop_assume!(!pattern.is_empty());
            let want = matched_by_fuzzy_matcher(&quotes, &pattern);
            proptest::prop_assert_eq!(sorted(&index.rank(&pattern, None)), want.clone());
            proptest::prop_assert_eq!(sorted(&typed(&index, &pattern)), want);
        }
    }
}
