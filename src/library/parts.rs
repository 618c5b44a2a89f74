//! A big file read part by part, for [`document::load_in_parts`]: each part is read, checked
//! as [`document::decode`] checks a whole file, and handed over to be walked and dropped, so
//! that the file is never in memory whole beside its model.

use std::io::Read;
use std::path::Path;

use super::{MAX_BYTES, OpenError, io_error};
use crate::document::line_index::LineCounter;
use crate::document::{self, DecodeError};

/// How much is read at a time.
const READ_BYTES: usize = 1 << 20;

/// The parts of a file: `(offset, text)`, each cut before an unindented heading after a blank
/// line (see [`document::outline::part_end`]) once it is `part_bytes` long, the last one
/// running to the end; or the error that stops the reading (the same error, for the same
/// bytes, as reading the file whole and decoding it gives).
pub struct Parts<'p, R> {
    path: &'p Path,
    reader: std::io::Take<R>,
    part_bytes: usize,
    /// How much is read at a time.
    read_bytes: usize,
    /// What has been read and not yet handed over.
    buf: Vec<u8>,
    /// How much of `buf` is known to be valid UTF-8.
    valid: usize,
    /// The file offset of `buf[0]`.
    offset: usize,
    /// How many lines ended before `offset`, for an error's line.
    lines: usize,
    /// Whether a part handed over held a NUL byte (a later error in the file is then
    /// [`DecodeError::Binary`]).
    nul: bool,
    /// Where the search for a cut goes on from in `buf`.
    searched: usize,
    /// Whether the first part was asked for.
    started: bool,
    eof: bool,
    done: bool,
}

impl<'p, R: Read> Parts<'p, R> {
    /// The parts of `reader`, the file at `path`, of about `part_bytes` each.
    pub fn new(path: &'p Path, reader: R, part_bytes: usize) -> Self {
        Self::reading(path, reader, part_bytes, READ_BYTES)
    }

    /// [`Parts::new`], reading `read_bytes` at a time.
    fn reading(path: &'p Path, reader: R, part_bytes: usize, read_bytes: usize) -> Self {
        Parts {
            path,
            reader: reader.take(MAX_BYTES + 1),
            part_bytes: part_bytes.max(1),
            read_bytes: read_bytes.max(1),
            buf: Vec::new(),
            valid: 0,
            offset: 0,
            lines: 0,
            nul: false,
            searched: 0,
            started: false,
            eof: false,
            done: false,
        }
    }

    /// Reads on until `buf` holds `want` bytes or the file ends.
    fn fill(&mut self, want: usize) -> Result<(), OpenError> {
        while !self.eof && self.buf.len() < want {
            let start = self.buf.len();
            if self.buf.capacity() < start + self.read_bytes {
                // Room for a whole part and the reads past its end at once: growing by
                // doubling would copy what was read, into new pages each time.
                self.buf.reserve(self.part_bytes + 2 * self.read_bytes);
            }
            self.buf.resize(start + self.read_bytes, 0);
            match self.reader.read(&mut self.buf[start..]) {
                Ok(n) => {
                    self.buf.truncate(start + n);
                    self.eof = n == 0;
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {
                    self.buf.truncate(start);
                }
                Err(e) => {
                    self.buf.truncate(start);
                    return Err(io_error(self.path, e));
                }
            }
        }
        if (self.offset + self.buf.len()) as u64 > MAX_BYTES {
            return Err(OpenError::TooLarge(self.path.to_path_buf()));
        }
        Ok(())
    }

    /// The error for bytes that are not UTF-8 at `at` of `buf`: binary when the file holds a
    /// NUL byte anywhere (the rest is read to tell), else where the bad byte is.
    fn not_text(&mut self, at: usize) -> OpenError {
        // What is before the bad byte is valid UTF-8: its lines are counted as the parser's.
        let before = std::str::from_utf8(&self.buf[..at]).unwrap_or_default();
        let line = self.lines + LineCounter::new(before).line(at);
        let offset = self.offset + at;
        let mut nul = self.nul || memchr::memchr(0, &self.buf).is_some();
        while !nul && !self.eof {
            self.offset += self.buf.len();
            self.buf.clear();
            if let Err(e) = self.fill(self.read_bytes) {
                return e;
            }
            nul = memchr::memchr(0, &self.buf).is_some();
        }
        let why = match nul {
            true => DecodeError::Binary,
            false => DecodeError::NotUtf8 { line, offset },
        };
        OpenError::Decode(self.path.to_path_buf(), why)
    }

    /// The next part, or the error that ends the reading.
    fn next_part(&mut self) -> Result<Option<(usize, String)>, OpenError> {
        let first = !self.started;
        self.started = true;
        let mut want = self.part_bytes + self.read_bytes;
        loop {
            self.fill(want)?;
            if first && memchr::memchr(0, &self.buf[..self.buf.len().min(8192)]).is_some() {
                return Err(OpenError::Decode(
                    self.path.to_path_buf(),
                    DecodeError::Binary,
                ));
            }
            // Only what was read since is checked: a part with no cut in it grows.
            self.valid += match std::str::from_utf8(&self.buf[self.valid..]) {
                Ok(_) => self.buf.len() - self.valid,
                // A character cut off by the end of what has been read so far.
                Err(e) if e.error_len().is_none() && !self.eof => e.valid_up_to(),
                Err(e) => return Err(self.not_text(self.valid + e.valid_up_to())),
            };
            let valid = self.valid;
            if self.eof {
                if self.buf.is_empty() && !first {
                    return Ok(None);
                }
                let part = std::mem::take(&mut self.buf);
                self.valid = 0;
                return self.hand_over(part).map(Some);
            }
            // Only whole lines are looked at: a heading's line must be read to its end.
            let lines_end = memchr::memrchr(b'\n', &self.buf[..valid]).map_or(0, |i| i + 1);
            let text = std::str::from_utf8(&self.buf[..lines_end]).unwrap_or_default();
            let from = self.part_bytes.max(self.searched);
            if let Some(cut) = document::outline::part_end(text, from) {
                let mut rest = Vec::with_capacity(self.part_bytes + 2 * self.read_bytes);
                rest.extend_from_slice(&self.buf[cut..]);
                self.buf.truncate(cut);
                let part = std::mem::replace(&mut self.buf, rest);
                self.valid -= cut;
                self.searched = 0;
                return self.hand_over(part).map(Some);
            }
            // A line feed at the end may start a heading's line that is not read yet.
            self.searched = lines_end.saturating_sub(1);
            want = self.buf.len() + self.read_bytes;
        }
    }

    /// `part` (valid UTF-8, the bytes from `offset`) as the next part, `offset` moved past it.
    fn hand_over(&mut self, part: Vec<u8>) -> Result<(usize, String), OpenError> {
        let offset = self.offset;
        self.offset += part.len();
        self.nul |= memchr::memchr(0, &part).is_some();
        // Checked as it was read: this only turns it into a `String` (the check is the
        // second for these bytes: a few milliseconds a hundred megabytes, no unsafe code).
        let text = String::from_utf8(part).map_err(|e| {
            let offset = offset + e.utf8_error().valid_up_to();
            let line = self.lines + 1;
            OpenError::Decode(
                self.path.to_path_buf(),
                DecodeError::NotUtf8 { line, offset },
            )
        })?;
        // The lines ended in it, counted as the parser counts them (a part ends before a
        // line's first byte: no CRLF is split between two).
        self.lines += LineCounter::new(&text).line(text.len()) - 1;
        Ok((offset, text))
    }
}

impl<R: Read> Iterator for Parts<'_, R> {
    type Item = Result<(usize, String), OpenError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let next = self.next_part();
        self.done = !matches!(next, Ok(Some(_)));
        next.transpose()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What reading `bytes` part by part gives: the parts, or the error's message.
    fn read(
        bytes: &[u8],
        part_bytes: usize,
        read_bytes: usize,
    ) -> Result<Vec<(usize, String)>, String> {
        let parts = Parts::reading(Path::new("f.md"), bytes, part_bytes, read_bytes);
        parts.collect::<Result<_, _>>().map_err(|e| e.to_string())
    }

    /// What reading `bytes` whole and decoding them gives.
    fn whole(bytes: &[u8]) -> Result<String, String> {
        document::decode(bytes)
            .map(str::to_string)
            .map_err(|e| OpenError::Decode(Path::new("f.md").to_path_buf(), e).to_string())
    }

    #[test]
    fn the_parts_are_the_file_cut_before_headings_after_blank_lines() {
        let text = crate::synthetic::seed_repeated(60_000).replace("\n\n", "\n\n\r\n");
        for (part_bytes, read_bytes) in
            [(1, 1), (1, 7), (500, 64), (4096, 1000), (1 << 20, 1 << 20)]
        {
            let parts = read(text.as_bytes(), part_bytes, read_bytes).unwrap();
            let joined: String = parts.iter().map(|(_, t)| t.as_str()).collect();
            assert_eq!(joined, text, "{part_bytes} {read_bytes}");
            let mut offset = 0;
            for (i, (at, part)) in parts.iter().enumerate() {
                assert_eq!(*at, offset);
                offset += part.len();
                if i + 1 < parts.len() {
                    assert!(
                        part.len() >= part_bytes,
                        "{part_bytes}: part {i} is {}",
                        part.len()
                    );
                    assert!(part.ends_with('\n') && parts[i + 1].1.starts_with('#'));
                    let cut = document::outline::part_end(&text[*at..], part_bytes);
                    assert!(cut.is_some());
                }
            }
            assert!(
                part_bytes > text.len() / 2 || parts.len() > 2,
                "{part_bytes}"
            );
        }
    }

    #[test]
    fn a_file_read_in_parts_fails_as_it_fails_read_whole() {
        let long = "# a\n\nsome text é\n\n".repeat(700);
        let cases: Vec<Vec<u8>> = vec![
            long.clone().into_bytes(),
            Vec::new(),
            b"\0binary".to_vec(),
            [long.as_bytes(), b"bad \xff byte\n"].concat(),
            [long.as_bytes(), b"bad \xff byte\n\n# b\n\nand a \0 later\n"].concat(),
            [long.as_bytes(), b"\0 then \xc3"].concat(),
            [long.as_bytes(), b"cut off \xc3"].concat(),
            [long.as_bytes(), b"lone\rcr\r\n\xe2\x82"].concat(),
            [b"x\xc3\xa9\n".repeat(3000).as_slice(), b"\xc3(\n"].concat(),
        ];
        for bytes in &cases {
            for (part_bytes, read_bytes) in [(1, 1), (100, 3), (5000, 4096)] {
                let parts = read(bytes, part_bytes, read_bytes);
                let joined = parts.map(|p| p.into_iter().map(|(_, t)| t).collect::<String>());
                assert_eq!(joined, whole(bytes), "{part_bytes} {read_bytes}");
            }
        }
    }
}
