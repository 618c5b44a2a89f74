//! The laid-out reader's lines, kept flat: every line's text one after another in one
//! string, every line's runs in one list, and per line only where they end and its block.
//!
//! A big document lays out to millions of lines. Kept as a string and a vector each, a line
//! cost two allocations and 56 bytes of header besides its text; flat, it costs 16 bytes
//! besides its text and runs, and the allocator holds three buffers rather than millions.

use std::ops::Range;

use crate::app::look::Look;
use crate::wrap::Wrapped;

/// Lines of the laid-out reader, one after another (see [`super::ReaderLayout`]).
#[derive(Debug, Clone, Default)]
pub struct Lines {
    /// Every line's text, one after another.
    text: String,
    /// Every line's runs, one after another: each run's end (a byte offset into its line's
    /// text) and look.
    runs: Vec<(u32, Look)>,
    /// Where each line's text and runs end, and its block.
    ends: Vec<End>,
}

#[derive(Debug, Clone, Copy)]
struct End {
    text: usize,
    runs: u32,
    block: u32,
}

/// One line of the laid-out reader, as [`Lines`] gives it.
#[derive(Debug, Clone, Copy)]
pub struct ReaderLine<'a> {
    /// The line's text (quote bars and indentation included).
    pub text: &'a str,
    /// Each run's end (a byte offset into `text`) and look, in order.
    pub runs: &'a [(u32, Look)],
    /// The block it belongs to (index into `Document::blocks`).
    pub block: usize,
}

impl<'a> ReaderLine<'a> {
    /// Each run's byte range in `text`, with its look.
    pub fn pieces(&self) -> impl Iterator<Item = (Range<usize>, Look)> + 'a {
        let mut start = 0;
        self.runs.iter().map(move |&(end, look)| {
            let range = start..end as usize;
            start = end as usize;
            (range, look)
        })
    }
}

impl Lines {
    /// Lines with room made for about `bytes` of text (room never written to costs no
    /// memory: its pages are never touched).
    pub fn with_room(bytes: usize) -> Lines {
        Lines {
            text: String::with_capacity(bytes),
            runs: Vec::with_capacity(bytes / 32),
            ends: Vec::with_capacity(bytes / 48),
        }
    }

    /// How many lines there are.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether there is none.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// No line at all.
    pub fn clear(&mut self) {
        self.text.clear();
        self.runs.clear();
        self.ends.clear();
    }

    /// Line `i`, if there is one.
    pub fn get(&self, i: usize) -> Option<ReaderLine<'_>> {
        let end = self.ends.get(i)?;
        let (text, runs) = match i.checked_sub(1).and_then(|j| self.ends.get(j)) {
            Some(before) => (before.text, before.runs as usize),
            None => (0, 0),
        };
        Some(ReaderLine {
            text: self.text.get(text..end.text).unwrap_or_default(),
            runs: self.runs.get(runs..end.runs as usize).unwrap_or_default(),
            block: end.block as usize,
        })
    }

    /// The last line, if any.
    pub fn last(&self) -> Option<ReaderLine<'_>> {
        self.len().checked_sub(1).and_then(|i| self.get(i))
    }

    /// Every line, in order.
    pub fn iter(&self) -> impl Iterator<Item = ReaderLine<'_>> + '_ {
        self.range(0..self.len())
    }

    /// The lines of `range` that there are.
    pub fn range(&self, range: Range<usize>) -> impl Iterator<Item = ReaderLine<'_>> + '_ {
        range.filter_map(|i| self.get(i))
    }

    /// Adds `line`, of block `block`.
    pub fn push(&mut self, line: Wrapped<Look>, block: usize) {
        self.text.push_str(&line.text);
        let narrow = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        self.runs
            .extend(line.runs.iter().map(|&(end, look)| (narrow(end), look)));
        self.ends.push(End {
            text: self.text.len(),
            runs: narrow(self.runs.len()),
            block: narrow(block),
        });
    }

    /// Adds an empty line, of block `block`.
    pub fn push_empty(&mut self, block: usize) {
        self.push(Wrapped::default(), block);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::look::Role;

    fn line(text: &str, role: Role) -> Wrapped<Look> {
        let mut w = Wrapped::default();
        w.push_str(text, role.into());
        w
    }

    #[test]
    fn lines_give_back_what_was_pushed() {
        let mut lines = Lines::default();
        assert!(lines.is_empty() && lines.get(0).is_none() && lines.last().is_none());
        let mut two = line("▎ ", Role::QuoteBar);
        two.push_str("quoted", Role::Quote.into());
        lines.push(line("first", Role::Text), 0);
        lines.push_empty(0);
        lines.push(two, 3);
        assert_eq!(lines.len(), 3);
        let texts: Vec<&str> = lines.iter().map(|l| l.text).collect();
        assert_eq!(texts, ["first", "", "▎ quoted"]);
        let last = lines.last().unwrap();
        assert_eq!(last.block, 3);
        let pieces: Vec<(Range<usize>, Look)> = last.pieces().collect();
        assert_eq!(
            pieces,
            [(0..4, Role::QuoteBar.into()), (4..10, Role::Quote.into())]
        );
        assert!(lines.get(1).unwrap().runs.is_empty());
        assert_eq!(lines.range(1..9).count(), 2);
        lines.clear();
        assert!(lines.is_empty());
    }
}
