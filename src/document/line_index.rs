//! Byte offsets to 1-based line numbers, computed once per document.

/// The start offset of every line of a text, for turning byte offsets into line numbers by
/// binary search. A line ends at `\n`, `\r\n` or a lone `\r`, as in CommonMark.
///
/// Starts are `u32` (half the memory of `usize`, for a 5 MB dossier's 100,000 lines): files
/// dossier opens are at most 256 MiB. Past 4 GiB every offset reads as the last line.
#[derive(Debug, Clone, Default)]
pub struct LineIndex {
    starts: Vec<u32>,
}

/// `n` as a line start: saturated, so that starts stay in order whatever the text's length.
fn start(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl LineIndex {
    /// Indexes `text` in one pass.
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        // Room for a line per 32 bytes: prose lines are longer, and room never written to
        // costs nothing, while growing copies.
        let mut starts = Vec::with_capacity(bytes.len() / 32 + 16);
        starts.push(0);
        if memchr::memchr(b'\r', bytes).is_none() {
            // Prose has a line end every few dozen bytes: too often for a search per line end
            // to pay. Each 64 bytes become a mask of their line feeds, each set bit a line
            // start (a third faster than a search per line feed on a 5 MB dossier).
            let chunks = bytes.chunks_exact(64);
            let tail = bytes.len() - chunks.remainder().len();
            for (c, chunk) in chunks.enumerate() {
                let Ok(chunk) = <&[u8; 64]>::try_from(chunk) else {
                    continue;
                };
                let mut mask = crate::byte_mask::of(chunk, |b| b == b'\n');
                let next = c * 64 + 1;
                while mask != 0 {
                    starts.push(start(next + mask.trailing_zeros() as usize));
                    mask &= mask - 1;
                }
            }
            starts.extend(memchr::memchr_iter(b'\n', &bytes[tail..]).map(|i| start(tail + i + 1)));
        } else {
            // A SIMD search for each line end; a CR ends a line unless an LF follows it.
            starts.extend(
                memchr::memchr2_iter(b'\n', b'\r', bytes)
                    .filter(|&i| bytes[i] == b'\n' || bytes.get(i + 1) != Some(&b'\n'))
                    .map(|i| start(i + 1)),
            );
        }
        LineIndex { starts }
    }

    /// The 1-based line that holds byte `offset`.
    pub fn line(&self, offset: usize) -> usize {
        self.starts
            .partition_point(|&s| s as usize <= offset)
            .max(1)
    }

    /// The 1-based line that holds byte `offset`, searched from line `hint` outwards: as fast
    /// as a step when offsets come in order, never slower than [`LineIndex::line`] by more than
    /// twice.
    pub fn line_near(&self, offset: usize, hint: usize) -> usize {
        let starts = &self.starts;
        let at = hint.clamp(1, starts.len()) - 1;
        if starts[at] as usize > offset {
            return self.line(offset);
        }
        // Gallop forward: find a line start past `offset`, then search between.
        let mut step = 1;
        let mut low = at;
        loop {
            let probe = low + step;
            match starts.get(probe) {
                Some(&s) if s as usize <= offset => {
                    low = probe;
                    step *= 2;
                }
                _ => {
                    let high = probe.min(starts.len());
                    return low + starts[low..high].partition_point(|&s| s as usize <= offset);
                }
            }
        }
    }

    /// The byte offset where 1-based `line` starts (the end of the text past the last line).
    pub fn start(&self, line: usize) -> Option<usize> {
        self.starts.get(line.checked_sub(1)?).map(|&s| s as usize)
    }

    /// How many lines the text has.
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    /// True for a text with no line at all (never: an empty text has one empty line).
    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lf_crlf_and_lone_cr_all_end_lines() {
        let text = "a\nb\r\nc\rd";
        let index = LineIndex::new(text);
        assert_eq!(index.len(), 4);
        assert_eq!(index.line(0), 1);
        assert_eq!(index.line(2), 2);
        assert_eq!(index.line(3), 2);
        assert_eq!(index.line(4), 2);
        assert_eq!(index.line(5), 3);
        assert_eq!(index.line(7), 4);
        assert_eq!(index.start(3), Some(5));
    }

    #[test]
    fn lf_only_text_is_indexed_alike() {
        let index = LineIndex::new("a\n\nbc\n");
        assert_eq!(index.len(), 4);
        assert_eq!(
            [0, 1, 2, 3, 4, 5, 6].map(|o| index.line(o)),
            [1, 1, 2, 3, 3, 3, 4]
        );
        assert_eq!(LineIndex::new("").len(), 1);
    }

    #[test]
    fn line_feeds_are_found_in_every_position_of_a_64_byte_chunk() {
        // Texts of 0 to 200 bytes with a line feed at every 1st to 7th byte: chunk
        // boundaries, full chunks, the tail.
        for len in 0..200 {
            for every in 1..8 {
                let text: String = (0..len)
                    .map(|i| if i % every == every - 1 { '\n' } else { 'x' })
                    .collect();
                let expected: Vec<u32> = std::iter::once(0)
                    .chain(text.match_indices('\n').map(|(i, _)| i as u32 + 1))
                    .collect();
                assert_eq!(LineIndex::new(&text).starts, expected, "{len} {every}");
            }
        }
    }

    #[test]
    fn a_hint_finds_the_same_line() {
        let text = "one\ntwo\r\n\nthree\rfour\n\n\nfive";
        let index = LineIndex::new(text);
        for offset in 0..=text.len() + 2 {
            for hint in 0..=index.len() + 2 {
                assert_eq!(
                    index.line_near(offset, hint),
                    index.line(offset),
                    "offset {offset}, hint {hint}"
                );
            }
        }
    }
}
