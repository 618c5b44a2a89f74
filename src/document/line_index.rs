//! Byte offsets to 1-based line numbers, counted as a document is read.
//!
//! A line ends at `\n`, `\r\n` or a lone `\r`, as in CommonMark. The parser asks for the
//! lines of offsets in document order (each block's start, then each date and quote from
//! its block's start), so counting line ends from the last offset asked about is one pass
//! over the text in all, with nothing stored: no index of every line start to build. A
//! document read in parts (see [`crate::document::load_in_parts`]) is not in memory whole
//! once walked: its line ends are kept instead ([`LineEnds`]), four bytes a line.

/// Line numbers counted on from the last offset asked about, with no index: for offsets
/// asked about in order (a document's blocks, a block's dates), one pass over the text in all.
/// An offset before the last one is counted back, so any order is right, only slower.
///
/// The text counted may be a part of a file ([`LineCounter::in_part`]): offsets are then the
/// file's, and those outside the part are taken as its nearest end. Or it may be no text but
/// the file's line ends ([`LineCounter::of_ends`]).
#[derive(Debug, Clone)]
pub struct LineCounter<'t> {
    bytes: &'t [u8],
    /// The file offset of `bytes[0]`.
    base: usize,
    /// The file's line ends, when the counter has them rather than its text.
    ends: Option<&'t [u32]>,
    /// Whether the text has a CR at all: most have none, and only LF needs counting.
    cr: bool,
    /// The last offset asked about (a file offset), and its line.
    at: usize,
    line: usize,
}

impl<'t> LineCounter<'t> {
    /// A counter at the start of `text` (line 1).
    pub fn new(text: &'t str) -> Self {
        Self::with_cr(text, memchr::memchr(b'\r', text.as_bytes()).is_some())
    }

    /// A counter at the start of `text`, which holds a CR when `cr` is true: for a text that
    /// was looked at before (a search of megabytes is worth doing once).
    pub fn with_cr(text: &'t str, cr: bool) -> Self {
        Self::in_part(text, 0, 1, cr)
    }

    /// A counter of `part`, the text of a file from offset `base`, which is on line `line`;
    /// `cr` as in [`LineCounter::with_cr`].
    pub fn in_part(part: &'t str, base: usize, line: usize, cr: bool) -> Self {
        LineCounter {
            bytes: part.as_bytes(),
            base,
            ends: None,
            cr,
            at: base,
            line,
        }
    }

    /// A counter that looks lines up among a file's line ends rather than counting its text
    /// (looking near the line it found last first).
    pub fn of_ends(ends: &'t LineEnds) -> Self {
        LineCounter {
            bytes: &[],
            base: 0,
            ends: Some(&ends.ends),
            cr: ends.cr,
            at: 0,
            line: 1,
        }
    }

    /// Whether the text holds a CR.
    pub fn has_cr(&self) -> bool {
        self.cr
    }

    /// The 1-based line that holds byte `offset` (past the end: the last line).
    pub fn line(&mut self, offset: usize) -> usize {
        if let Some(ends) = self.ends {
            // Offsets are mostly asked about in order: the line ends just past the last one
            // are looked at first, then the rest searched.
            let ended = |end: &u32| (*end as usize) < offset;
            let from = self.line - 1;
            let ended_before = match ends.get(from..) {
                Some(after) if from == 0 || ends.get(from - 1).is_some_and(ended) => {
                    let near = after.iter().take(16).take_while(|e| ended(e)).count();
                    match near == 16 {
                        true => from + 16 + after[16..].partition_point(ended),
                        false => from + near,
                    }
                }
                _ => ends.partition_point(ended),
            };
            self.line = 1 + ended_before;
            return self.line;
        }
        let offset = offset.clamp(self.base, self.base + self.bytes.len());
        if offset >= self.at {
            self.line += self.line_ends(self.at, offset);
        } else {
            // Never below line 1, even given a wrong starting line (see `line_from`).
            self.line = self
                .line
                .saturating_sub(self.line_ends(offset, self.at))
                .max(1);
        }
        self.at = offset;
        self.line
    }

    /// The line of `offset`, given that byte `from` (at or before it) is on line `line`:
    /// counted from there unless the counter is already between the two.
    pub fn line_from(&mut self, from: usize, line: usize, offset: usize) -> usize {
        if self.ends.is_none() && !(from..=offset).contains(&self.at) {
            self.at = from.clamp(self.base, self.base + self.bytes.len());
            self.line = line;
        }
        self.line(offset)
    }

    /// How many lines end in `from..to` (file offsets in the counter's text): at `\n`, and at
    /// `\r` not followed by `\n`.
    fn line_ends(&self, from: usize, to: usize) -> usize {
        let bytes = self.bytes;
        let (from, to) = (from - self.base, to - self.base);
        let feeds = count_feeds(bytes, from, to);
        if !self.cr {
            return feeds;
        }
        feeds
            + (from..to)
                .filter(|&i| bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n'))
                .count()
    }
}

/// Where each line of a file ends (the offset of its `\n`, or of a lone `\r`), gathered part by
/// part as the file is read: what a [`LineCounter::of_ends`] looks lines up in once the file's
/// text is gone.
#[derive(Debug, Clone, Default)]
pub struct LineEnds {
    ends: Vec<u32>,
    cr: bool,
}

impl LineEnds {
    /// Line ends with room for those of a file of `size` bytes with lines of 16 bytes or
    /// more (room never written to costs no memory: its pages are never touched).
    pub fn for_size(size: usize) -> Self {
        LineEnds {
            ends: Vec::with_capacity(size / 16),
            cr: false,
        }
    }

    /// Adds the line ends of `part`, the file's text from offset `base` (after every part added
    /// before). A part that ends in a CR must be the last or be followed by no LF: parts of a
    /// file are cut before a line's first byte, so a CRLF is never split.
    pub fn add(&mut self, part: &str, base: usize) {
        let bytes = part.as_bytes();
        let at = |i: usize| u32::try_from(base + i).unwrap_or(u32::MAX);
        if memchr::memchr(b'\r', bytes).is_none() {
            self.ends.extend(memchr::memchr_iter(b'\n', bytes).map(at));
            return;
        }
        self.cr = true;
        self.ends.extend(
            memchr::memchr2_iter(b'\n', b'\r', bytes)
                .filter(|&i| bytes[i] == b'\n' || bytes.get(i + 1) != Some(&b'\n'))
                .map(at),
        );
    }

    /// How many lines have ended so far: the line the next part starts on is one more.
    pub fn count(&self) -> usize {
        self.ends.len()
    }
}

/// How many `\n` bytes `bytes[from..to]` holds. Most ranges asked about are short (from one
/// block's start to the next, tens of bytes), some are megabytes: 64 bytes at a time, each
/// counted into a `u8` (a handful of vector instructions), then 8 at a time as one word, and
/// the last few bytes as the end of the word that ends at `to` (read from the text before
/// them, their bytes masked off) rather than byte by byte.
fn count_feeds(bytes: &[u8], from: usize, to: usize) -> usize {
    let range = &bytes[from..to];
    let chunks = range.chunks_exact(64);
    let rest = chunks.remainder();
    let count: usize = chunks
        .map(|chunk| {
            chunk
                .iter()
                .fold(0u8, |n, &b| n.wrapping_add(u8::from(b == b'\n'))) as usize
        })
        .sum();
    // The words' feeds as a count in each byte of `ones` (at most 8 words, so at most 64 in
    // all: no byte overflows), summed into the top byte by one multiplication at the end. A
    // count of bits would cost more: without POPCNT (not in the baseline x86-64 the release
    // is built for) it is a dozen instructions a word.
    let mut ones = 0u64;
    let words = rest.chunks_exact(8);
    let tail = words.remainder().len();
    for word in words {
        ones += feed_bits(word_at(word)) >> 7;
    }
    if tail > 0 {
        match to.checked_sub(8) {
            // The word that ends at `to`: its last `tail` bytes (its high ones) are the tail.
            Some(start) => ones += (feed_bits(word_at(&bytes[start..to])) >> 7) >> (8 * (8 - tail)),
            None => {
                let feeds = range[range.len() - tail..].iter().filter(|&&b| b == b'\n');
                ones += feeds.count() as u64;
            }
        }
    }
    count + (ones.wrapping_mul(0x0101_0101_0101_0101) >> 56) as usize
}

/// The 8 bytes of `word` (8 long) as one little-endian word.
fn word_at(word: &[u8]) -> u64 {
    u64::from_le_bytes(word.try_into().unwrap_or_default())
}

/// The high bit of each byte of `word` that is `\n`, and no other bit: each such byte becomes
/// a zero byte, and a zero byte is the one whose high bit stays clear through
/// `(b & 0x7F) + 0x7F`, `| b` (no carry leaves a byte, so the bits are exact).
fn feed_bits(word: u64) -> u64 {
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    let x = word ^ 0x0A0A_0A0A_0A0A_0A0A;
    let nonzero = ((x & LOW7) + LOW7) | x;
    !(nonzero | LOW7)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The reference: every line start, and a binary search among them.
    struct LineIndex {
        starts: Vec<usize>,
    }

    impl LineIndex {
        fn new(text: &str) -> Self {
            let bytes = text.as_bytes();
            let mut starts = vec![0];
            starts.extend(
                (0..bytes.len())
                    .filter(|&i| {
                        bytes[i] == b'\n' || bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n')
                    })
                    .map(|i| i + 1),
            );
            LineIndex { starts }
        }

        fn line(&self, offset: usize) -> usize {
            self.starts.partition_point(|&s| s <= offset).max(1)
        }
    }

    #[test]
    fn lf_crlf_and_lone_cr_all_end_lines() {
        let mut lines = LineCounter::new("a\nb\r\nc\rd");
        assert_eq!(
            [0, 2, 3, 4, 5, 7, 8, 20].map(|o| lines.line(o)),
            [1, 2, 2, 2, 3, 4, 4, 4]
        );
        let mut lines = LineCounter::new("a\n\nbc\n");
        assert_eq!(
            [0, 1, 2, 3, 4, 5, 6].map(|o| lines.line(o)),
            [1, 1, 2, 3, 3, 3, 4]
        );
        assert_eq!(LineCounter::new("").line(0), 1);
    }

    #[test]
    fn a_counter_finds_the_line_the_index_finds_in_any_order() {
        let text = "one\ntwo\r\n\nthree\rfour\n\n\nfive\r\r\n\r";
        let index = LineIndex::new(text);
        let offsets: Vec<usize> = (0..=text.len() + 2).collect();
        let mut counter = LineCounter::new(text);
        for &o in offsets
            .iter()
            .chain(offsets.iter().rev())
            .chain([7, 2, 19, 0, 30].iter())
        {
            assert_eq!(counter.line(o), index.line(o), "offset {o}");
        }
        let lf = "a\nb\n\nc";
        let (lf_index, mut counter) = (LineIndex::new(lf), LineCounter::new(lf));
        for o in [5, 0, 3, 3, 9, 1] {
            assert_eq!(counter.line(o), lf_index.line(o), "offset {o}");
        }
        for from in 0..=text.len() {
            for o in from..=text.len() {
                let mut counter = LineCounter::new(text);
                counter.line(o / 2);
                assert_eq!(
                    counter.line_from(from, index.line(from), o),
                    index.line(o),
                    "from {from} to {o}"
                );
            }
        }
    }

    #[test]
    fn line_feeds_are_counted_in_every_position_of_words_and_chunks() {
        for len in (0..150).chain([4079, 4080, 4081, 8200, 9001]) {
            for every in 1..10 {
                let bytes: Vec<u8> = (0..len)
                    .map(|i| match i % every {
                        0 => b'\n',
                        1 => 0x8A,
                        2 => 0x0B,
                        _ => b'x',
                    })
                    .collect();
                for from in 0..=len.min(20) {
                    let want = bytes[from..].iter().filter(|&&b| b == b'\n').count();
                    assert_eq!(count_feeds(&bytes, from, len), want, "{len} {every} {from}");
                }
            }
        }
        assert_eq!(
            feed_bits(u64::from_le_bytes(*b"\n\n\n\n\n\n\n\n")).count_ones(),
            8
        );
        assert_eq!(
            feed_bits(u64::from_le_bytes([
                0x0A, 0x8A, 0x0B, 0x09, 0, 0xFF, 0x0A, 1
            ])),
            0x0080_0000_0000_0080
        );
    }

    #[test]
    fn a_counter_of_a_part_or_of_line_ends_finds_the_lines_of_the_whole() {
        let text = "one\ntwo\r\n\nthree\rfour\n\n\nfive\r\r\n\rsix\n";
        let index = LineIndex::new(text);
        let mut ends = LineEnds::default();
        // Cut before a line's first byte, as a file read in parts is.
        let cuts = [0, 4, 10, 22, text.len()];
        for pair in cuts.windows(2) {
            let (from, to) = (pair[0], pair[1]);
            let first = ends.count() + 1;
            assert_eq!(first, index.line(from));
            let mut part = LineCounter::in_part(&text[from..to], from, first, true);
            for o in (from..=to).chain((from..=to).rev()) {
                assert_eq!(part.line(o), index.line(o), "part {from}..{to}, offset {o}");
            }
            ends.add(&text[from..to], from);
        }
        let mut looked_up = LineCounter::of_ends(&ends);
        for o in (0..=text.len()).rev().chain([3, 17, 0]) {
            assert_eq!(looked_up.line(o), index.line(o), "offset {o}");
            assert_eq!(looked_up.line_from(0, 1, o), index.line(o), "offset {o}");
        }
        assert!(looked_up.has_cr());
    }

    #[test]
    fn long_texts_count_alike_in_any_order() {
        // Line feeds every 1st to 7th byte over 200 bytes, with and without CRs.
        for every in 1..8 {
            for cr in [false, true] {
                let text: String = (0..200)
                    .map(|i| match (i % every == every - 1, cr && i % 5 == 0) {
                        (true, _) => '\n',
                        (false, true) => '\r',
                        _ => 'x',
                    })
                    .collect();
                let index = LineIndex::new(&text);
                let mut counter = LineCounter::new(&text);
                for o in (0..=200).chain((0..=200).rev().step_by(7)) {
                    assert_eq!(counter.line(o), index.line(o), "{every} {cr} {o}");
                }
            }
        }
    }
}
