//! fuzzy-matcher's skim score, computed over a quote's bytes in one pass without
//! allocating: the proxy that ranks every candidate (`rank.rs`), and the step that grows a
//! quote's last row of the score matrix by one pattern byte as a query is typed
//! (`incremental.rs`). Its scores are fuzzy-matcher's (the test below, and `tests.rs`).
//!
//! It stands beside fuzzy-matcher because the user waits for it at every keystroke:
//! fuzzy-matcher copies each haystack into a `Vec<char>` on every call and keeps nothing
//! between calls, so each keystroke would score every candidate afresh. In
//! `benches/search.rs` (`cargo bench --bench search`: 100,000 quotes, typing "compute" as
//! the app does), the seven keystrokes take 0.16-0.22 s with this scorer and 1.4 s with
//! every candidate scored by fuzzy-matcher's `SkimMatcherV2` instead; the median keystroke
//! 21-33 ms against 78 ms, the first (`c`, every quote) 28-52 ms against 185 ms.

/// skim's smart case, as fuzzy-matcher decides it: an ASCII capital makes a pattern case
/// sensitive.
pub(super) fn is_case_sensitive(pattern: &str) -> bool {
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
pub(super) struct Proxy {
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
    pub(super) fn new(pattern: &str) -> Option<Proxy> {
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
    pub(super) fn score(&self, hay: &[u8], last: &mut Vec<LastMatch>) -> Option<i32> {
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
pub(super) struct LastMatch {
    at: u32,
    column: i32,
    score: i32,
}

impl LastMatch {
    /// The byte of the haystack matched.
    pub(super) fn at(&self) -> usize {
        self.at as usize
    }
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

/// The next row of skim's matrix for haystack `hay`, for pattern byte `byte`, from the
/// row below's matches (`below`, in order): its matches are added to `out` and the best
/// score returned, `None` when it has none.
pub(super) fn next_row(
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

#[cfg(test)]
mod tests {
    use fuzzy_matcher::FuzzyMatcher;
    use fuzzy_matcher::skim::SkimMatcherV2;

    use super::Proxy;

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
}
