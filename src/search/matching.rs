//! Whether one term of a query matches one quote, apart from fuzzy-matcher's scoring: the
//! rule that keeps a fuzzy match compact, and the exact kinds of term (substring, phrase,
//! start and end of the quote).
//!
//! **The compact rule.** A fuzzy term matches when its characters occur in order within one
//! word or two adjacent words (words are what lies between spaces), and at each of them the
//! match has left out no more characters than it has matched: `cmpute` finds "compute",
//! `janleike` "Jan Leike" and `aut` "about", but `zebra` does not find "z… e… b… r… a"
//! strewn over a sentence, nor `aut` "safety culture". The rule holds for every prefix of a
//! term that it holds for, so typing a term further only ever narrows its matches.

use std::ops::Range;

use super::query::{Kind, Term};

/// The characters of `pattern` within one word or two adjacent words of `hay`, in order,
/// at each leaving out no more characters than matched so far: the match with the
/// earliest start that fits, as byte ranges of `hay` (one per matched
/// character); `None` when none fits. Case is folded (ASCII only, as fuzzy-matcher folds
/// it) unless `case_sensitive`.
pub fn compact_positions(
    hay: &str,
    pattern: &str,
    case_sensitive: bool,
) -> Option<Vec<Range<usize>>> {
    let pattern: Vec<char> = pattern.chars().collect();
    let hay: Vec<(usize, char)> = hay.char_indices().collect();
    let at = compact_in(
        &hay,
        &pattern,
        |(_, h), p| same(h, p, case_sensitive),
        |(_, c)| c.is_ascii_whitespace(),
    )?;
    Some(
        at.into_iter()
            .map(|i| {
                let (b, c) = hay[i];
                b..b + c.len_utf8()
            })
            .collect(),
    )
}

/// True when `pattern` matches `hay` under the compact rule (see [`compact_positions`]).
pub fn is_compact(hay: &str, pattern: &str, case_sensitive: bool) -> bool {
    if pattern.is_ascii() {
        // An ASCII byte is never part of a multi-byte character: bytes compare as chars do.
        let (hay, pattern) = (hay.as_bytes(), pattern.as_bytes());
        match pattern {
            [] => true,
            [_] => in_any_word(hay, pattern[0], case_sensitive),
            _ => compact_bytes(hay, pattern, case_sensitive),
        }
    } else {
        compact_positions(hay, pattern, case_sensitive).is_some()
    }
}

/// [`is_compact`] for an ASCII pattern whose last character can only be matched at the
/// bytes `ends` (as the proxy found them): only the few characters before each are looked
/// at, since a compact match spans at most twice the pattern's characters.
pub fn is_compact_ending_at(
    hay: &str,
    pattern: &str,
    case_sensitive: bool,
    ends: impl IntoIterator<Item = usize>,
) -> bool {
    if !pattern.is_ascii() {
        return is_compact(hay, pattern, case_sensitive);
    }
    let (hay, pattern) = (hay.as_bytes(), pattern.as_bytes());
    if pattern.len() < 2 {
        return true;
    }
    let reach = 2 * pattern.len();
    ends.into_iter().any(|end| {
        // The first byte of the character `reach - 1` characters before `end`.
        let mut from = end;
        let mut chars = 1;
        while from > 0 && chars < reach {
            from -= 1;
            chars += usize::from(hay[from] & 0xC0 != 0x80);
        }
        let Some(window) = hay.get(..=end) else {
            return false;
        };
        (from..end).any(|start| {
            eq_byte(window[start], pattern[0], case_sensitive)
                && compact_from(window, start, pattern, case_sensitive)
        })
    })
}

fn same(h: char, p: char, case_sensitive: bool) -> bool {
    if case_sensitive {
        h == p
    } else {
        h.eq_ignore_ascii_case(&p)
    }
}

/// One character matches when it occurs at all, outside whitespace.
fn in_any_word(hay: &[u8], p: u8, case_sensitive: bool) -> bool {
    if case_sensitive || !p.is_ascii_alphabetic() {
        memchr::memchr(p, hay).is_some()
    } else {
        memchr::memchr2(p.to_ascii_lowercase(), p.to_ascii_uppercase(), hay).is_some()
    }
}

/// [`compact_in`] over bytes, jumping to each occurrence of the first byte with memchr.
fn compact_bytes(hay: &[u8], pattern: &[u8], case_sensitive: bool) -> bool {
    let first = pattern[0];
    let (a, b) = if case_sensitive {
        (first, first)
    } else {
        (first.to_ascii_lowercase(), first.to_ascii_uppercase())
    };
    memchr::memchr2_iter(a, b, hay).any(|start| compact_from(hay, start, pattern, case_sensitive))
}

fn eq_byte(h: u8, p: u8, case_sensitive: bool) -> bool {
    if case_sensitive {
        h == p
    } else {
        h.eq_ignore_ascii_case(&p)
    }
}

/// True when a compact match of `pattern` starts at `hay[start]` (which matches its first
/// byte): each later byte matched as early as it can be, which is the best chance.
fn compact_from(hay: &[u8], start: usize, pattern: &[u8], case_sensitive: bool) -> bool {
    let mut want = pattern[1..].iter();
    let mut next = want.next();
    // Characters from `start` (a continuation byte is part of the one before it),
    // characters matched, and runs of spaces crossed: one leads into the second word, a
    // second would lead out of it. Both bounds stop the scan within a few bytes.
    let (mut chars, mut matched, mut gaps, mut in_gap) = (1, 1, 0, false);
    for &h in &hay[start + 1..] {
        let Some(&p) = next else { break };
        if h.is_ascii_whitespace() {
            if !in_gap {
                gaps += 1;
                if gaps == 2 {
                    break;
                }
            }
            in_gap = true;
        } else {
            in_gap = false;
        }
        chars += usize::from(h & 0xC0 != 0x80);
        if chars > 2 * (matched + 1) {
            break;
        }
        if eq_byte(h, p, case_sensitive) {
            matched += 1;
            next = want.next();
        }
    }
    next.is_none()
}

/// The end of the window a match starting at `start` must fit in: the end of the word after
/// the one `start` is in.
fn window_end<T>(hay: &[T], start: usize, space: impl Fn(&T) -> bool) -> usize {
    let word_end = |from: usize| {
        hay[from..]
            .iter()
            .position(&space)
            .map_or(hay.len(), |i| from + i)
    };
    let end = word_end(start);
    let next = hay[end..]
        .iter()
        .position(|c| !space(c))
        .map_or(hay.len(), |i| end + i);
    word_end(next)
}

/// The indices in `hay` of a compact match of `pattern` (the earliest start that fits,
/// each later character matched as early as it can be).
fn compact_in<T: Copy, P: Copy>(
    hay: &[T],
    pattern: &[P],
    eq: impl Fn(T, P) -> bool,
    space: impl Fn(T) -> bool,
) -> Option<Vec<usize>> {
    let (&first, rest) = pattern.split_first()?;
    for start in (0..hay.len()).filter(|&i| eq(hay[i], first)) {
        let limit = window_end(hay, start, |&c| space(c));
        let mut at = vec![start];
        let mut want = rest.iter().peekable();
        for (i, &h) in hay.iter().enumerate().take(limit).skip(start + 1) {
            let Some(&&p) = want.peek() else { break };
            if i + 1 - start > 2 * (at.len() + 1) {
                break;
            }
            if eq(h, p) {
                at.push(i);
                want.next();
            }
        }
        if want.peek().is_none() {
            return Some(at);
        }
    }
    None
}

/// Where an exact term (substring, phrase, start or end) is in `hay` (`speaker · text`,
/// the text from `text_start`), as a byte range; `None` when it is not.
pub fn find_exact(hay: &str, text_start: usize, term: &Term) -> Option<Range<usize>> {
    let cs = term.case_sensitive;
    match term.kind {
        Kind::Exact => find_phrase(hay, &term.text, cs),
        Kind::Prefix | Kind::Suffix | Kind::Whole => {
            let text = hay.get(text_start..)?;
            let core = text.trim_matches(|c: char| c.is_whitespace() || is_edge_punctuation(c));
            let offset = text_start + (core.as_ptr() as usize - text.as_ptr() as usize);
            let n = term.text.len();
            let at = match term.kind {
                Kind::Prefix => 0,
                Kind::Suffix => core.len().checked_sub(n)?,
                _ if core.len() == n => 0,
                _ => return None,
            };
            let piece = core.get(at..at + n)?;
            let equal = if cs {
                piece == term.text
            } else {
                piece.eq_ignore_ascii_case(&term.text)
            };
            equal.then_some(offset + at..offset + at + n)
        }
        Kind::Fuzzy => None,
    }
}

/// Quotation marks, brackets and closing punctuation around a quote's text, which `^` and
/// `$` look past: `compute$` finds "…struggling for compute."
fn is_edge_punctuation(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '”'
            | '‘'
            | '’'
            | '«'
            | '»'
            | '('
            | ')'
            | '['
            | ']'
            | '*'
            | '_'
            | '.'
            | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | '…'
            | '—'
            | '–'
            | '-'
    )
}

/// The first occurrence of `phrase` in `hay`, a space in it matching any run of
/// whitespace (a quote keeps its line breaks); ASCII case folded unless `case_sensitive`.
pub fn find_phrase(hay: &str, phrase: &str, case_sensitive: bool) -> Option<Range<usize>> {
    let h = hay.as_bytes();
    let p = phrase.as_bytes();
    let &first = p.first()?;
    let (a, b) = if case_sensitive {
        (first, first)
    } else {
        (first.to_ascii_lowercase(), first.to_ascii_uppercase())
    };
    let eq = |x: u8, y: u8| {
        if case_sensitive {
            x == y
        } else {
            x.eq_ignore_ascii_case(&y)
        }
    };
    'start: for start in memchr::memchr2_iter(a, b, h) {
        let mut i = start;
        let mut j = 0;
        while j < p.len() {
            if p[j] == b' ' {
                if !h.get(i).is_some_and(u8::is_ascii_whitespace) {
                    continue 'start;
                }
                while h.get(i).is_some_and(u8::is_ascii_whitespace) {
                    i += 1;
                }
                j += 1;
                continue;
            }
            match h.get(i) {
                Some(&x) if eq(x, p[j]) => {
                    i += 1;
                    j += 1;
                }
                _ => continue 'start,
            }
        }
        if hay.is_char_boundary(start) && hay.is_char_boundary(i) {
            return Some(start..i);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_may_be_left_out_within_a_word() {
        assert!(is_compact(
            "we were struggling for compute",
            "cmpute",
            false
        ));
        assert!(is_compact(
            "we were struggling for compute",
            "compute",
            false
        ));
        assert!(is_compact("OpenAI said", "opai", false));
    }

    #[test]
    fn a_match_may_span_two_adjacent_words_but_no_more() {
        assert!(is_compact("Jan Leike · text", "janleike", false));
        assert!(!is_compact("zone of embers, ruined area", "zebra", false));
        assert!(!is_compact("a b c", "abc", false));
        assert!(is_compact("a b c", "bc", false));
        // At each letter, no more characters left out than matched.
        assert!(is_compact("about", "aut", false));
        assert!(!is_compact("safety culture", "aut", false));
        assert!(is_compact("OpenAI", "opai", false));
        assert!(!is_compact("OpenAI", "oai", false));
        assert!(!is_compact("安A_-é安", "安é安", false));
        // The words need not be at the start: the second try, from a later `a`, fits.
        assert!(is_compact("a x y ab", "ab", false));
    }

    #[test]
    fn case_and_non_ascii() {
        assert!(!is_compact("leike", "Leike", true));
        assert!(is_compact("Leike", "Leike", true));
        assert!(is_compact("la sécurité", "sécu", false));
        assert!(!is_compact("sé x y cu", "sécu", false));
        assert_eq!(
            compact_positions("x café", "cé", false),
            Some(vec![2..3, 5..7])
        );
    }

    #[test]
    fn phrases_match_across_line_breaks() {
        assert_eq!(
            find_phrase("we were\n  struggling", "were struggling", false),
            Some(3..20)
        );
        assert_eq!(find_phrase("We Were", "we were", false), Some(0..7));
        assert_eq!(find_phrase("We Were", "we were", true), None);
        assert_eq!(find_phrase("wewere", "we were", false), None);
    }
}
