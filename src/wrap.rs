//! Word wrapping of tagged text to a width in terminal cells (wide and combining characters
//! measured with unicode-width), for the reader's layout, the popups and the result lists.
//!
//! The tag is whatever the caller styles text with: the app's theme-free [`Look`]s, or the
//! view's colours. This module knows neither.
//!
//! [`Look`]: crate::app::Look

use std::ops::Range;

use unicode_width::UnicodeWidthChar;

/// The display width of `s` in cells.
pub fn width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}

/// The display width of `c` in cells, as [`width`] counts it in a string.
pub fn char_width(c: char) -> usize {
    width(c.encode_utf8(&mut [0; 4]))
}

/// A wrapped line: its text, cut into runs of one tag each, and its width in cells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wrapped<T> {
    /// The line's text.
    pub text: String,
    /// Each run's end (a byte offset into `text`) and tag, in order; the first starts at 0.
    pub runs: Vec<(usize, T)>,
    /// Cells the text takes.
    pub width: usize,
}

impl<T> Default for Wrapped<T> {
    fn default() -> Self {
        Wrapped {
            text: String::new(),
            runs: Vec::new(),
            width: 0,
        }
    }
}

impl<T: Copy + PartialEq> Wrapped<T> {
    /// Appends `s` tagged `tag`, `w` cells wide (merged into the last run when it has the
    /// same tag).
    pub fn push(&mut self, s: &str, tag: T, w: usize) {
        if s.is_empty() {
            return;
        }
        self.text.push_str(s);
        self.width += w;
        match self.runs.last_mut() {
            Some((end, last)) if *last == tag => *end = self.text.len(),
            _ => self.runs.push((self.text.len(), tag)),
        }
    }

    /// Appends `s` tagged `tag`, measuring it.
    pub fn push_str(&mut self, s: &str, tag: T) {
        self.push(s, tag, width(s));
    }

    /// Appends every run of `other`.
    pub fn extend(&mut self, other: &Wrapped<T>) {
        for (range, tag) in other.pieces() {
            self.push(&other.text[range], tag, 0);
        }
        self.width += other.width;
    }

    /// Each run's byte range in `text`, with its tag.
    pub fn pieces(&self) -> impl Iterator<Item = (Range<usize>, T)> + '_ {
        pieces(&self.runs)
    }
}

/// Runs given by their ends (as [`Wrapped::runs`]) as byte ranges, each with its tag.
pub fn pieces<T: Copy>(runs: &[(usize, T)]) -> impl Iterator<Item = (Range<usize>, T)> + '_ {
    let mut start = 0;
    runs.iter().map(move |&(end, tag)| {
        let range = start..end;
        start = end;
        (range, tag)
    })
}

/// Wraps `segments` (text with a style each) to `width` cells, breaking at spaces and at
/// newlines; a word wider than the line is broken between characters. A word may span
/// several styles (a highlighted match inside it) and still moves as one. Leading spaces of a
/// wrapped line are dropped. Always returns at least one line.
pub fn wrap<T: Copy + PartialEq>(segments: &[(&str, T)], width: usize) -> Vec<Wrapped<T>> {
    let width = width.max(1);
    let mut lines = vec![Wrapped::default()];
    // A word: its pieces (one per style) and its width.
    let mut word: Vec<(&str, T)> = Vec::new();
    let mut word_w = 0;
    for &(text, style) in segments {
        for (i, para) in text.split('\n').enumerate() {
            if i > 0 {
                place(&mut lines, &mut word, &mut word_w, width);
                lines.push(Wrapped::default());
            }
            for piece in split_keeping_spaces(para) {
                if piece.starts_with(' ') {
                    place(&mut lines, &mut word, &mut word_w, width);
                    let w = width_of(piece);
                    let wrapped_line = lines.len() > 1;
                    if let Some(cur) = lines.last_mut() {
                        if cur.width + w <= width {
                            if !(cur.width == 0 && wrapped_line) {
                                cur.push(piece, style, w);
                            }
                        } else {
                            lines.push(Wrapped::default());
                        }
                    }
                } else {
                    word_w += width_of(piece);
                    word.push((piece, style));
                }
            }
        }
    }
    place(&mut lines, &mut word, &mut word_w, width);
    lines
}

/// Puts the pending word on the current line, on a new one, or broken across lines.
fn place<T: Copy + PartialEq>(
    lines: &mut Vec<Wrapped<T>>,
    word: &mut Vec<(&str, T)>,
    word_w: &mut usize,
    width: usize,
) {
    if word.is_empty() {
        return;
    }
    let fits_here = lines.last().is_some_and(|l| l.width + *word_w <= width);
    if !fits_here && *word_w <= width {
        lines.push(Wrapped::default());
    }
    if fits_here || *word_w <= width {
        if let Some(l) = lines.last_mut() {
            for (piece, style) in word.iter() {
                l.push(piece, *style, width_of(piece));
            }
        }
    } else {
        // A word longer than a whole line: fill, then break between characters.
        for (piece, style) in word.iter() {
            for c in piece.chars() {
                let cw = c.width().unwrap_or(0);
                if lines
                    .last()
                    .is_some_and(|l| l.width + cw > width && l.width > 0)
                {
                    lines.push(Wrapped::default());
                }
                let mut buf = [0u8; 4];
                if let Some(l) = lines.last_mut() {
                    l.push(c.encode_utf8(&mut buf), *style, cw);
                }
            }
        }
    }
    word.clear();
    *word_w = 0;
}

fn width_of(s: &str) -> usize {
    s.chars().map(|c| c.width().unwrap_or(0)).sum()
}

/// Splits into runs of spaces and runs of non-spaces.
fn split_keeping_spaces(s: &str) -> impl Iterator<Item = &str> {
    let mut rest = s;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let space = rest.starts_with(' ');
        let end = rest
            .find(|c: char| (c == ' ') != space)
            .unwrap_or(rest.len());
        let (head, tail) = rest.split_at(end);
        rest = tail;
        Some(head)
    })
}

/// `s` cut to at most `max` cells, with `…` when cut.
pub fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = c.width().unwrap_or(0);
        if w + cw + 1 > max {
            break;
        }
        out.push(c);
        w += cw;
    }
    if max > 0 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    enum Style {
        Plain,
        Bold,
    }

    fn texts(lines: &[Wrapped<Style>]) -> Vec<&str> {
        lines.iter().map(|l| l.text.as_str()).collect()
    }

    #[test]
    fn wraps_at_spaces_keeping_styles() {
        let lines = wrap(
            &[("one two ", Style::Plain), ("three four", Style::Bold)],
            9,
        );
        assert_eq!(texts(&lines), ["one two ", "three ", "four"]);
        assert_eq!(lines[1].runs, [(6, Style::Bold)]);
    }

    #[test]
    fn long_words_and_wide_characters_fit_their_cells() {
        let lines = wrap(&[("安全安全安全", Style::Plain)], 5);
        assert_eq!(texts(&lines), ["安全", "安全", "安全"]);
        assert!(lines.iter().all(|l| l.width <= 5));
    }

    #[test]
    fn a_word_split_across_styles_moves_as_one() {
        let bold = Style::Bold;
        let lines = wrap(
            &[("aaaa th", Style::Plain), ("e", bold), ("ir", Style::Plain)],
            6,
        );
        assert_eq!(texts(&lines), ["aaaa ", "their"]);
    }

    #[test]
    fn newlines_break_lines() {
        assert_eq!(texts(&wrap(&[("a\nb", Style::Plain)], 10)), ["a", "b"]);
    }

    #[test]
    fn truncate_counts_cells() {
        assert_eq!(truncate("abcdef", 4), "abc…");
        assert_eq!(truncate("安全安全", 5), "安全…");
        assert_eq!(truncate("ab", 4), "ab");
    }
}
