//! Sentence and word boundaries in English prose, for timeline titles, quote lead-ins and the
//! words around a name or a number.

use std::ops::Range;

/// Words that end with a period without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mr",
    "Mrs", "Ms", "Dr", "Prof", "Sr", "Jr", "St", "vs", "etc", "e.g", "i.e", "Inc", "Ltd", "Co",
    "Corp", "Gen", "Gov", "Sen", "Rep", "Rev", "U.S", "U.K", "approx", "cf", "al", "Fig",
    // A case's parties (`Tribune Co. v. City of Lakeport`), numbers, ranks and offices.
    "v", "No", "Nos", "Mt", "Ft", "Cllr", "Supt", "Sgt", "Lt", "Col", "Capt", "Det", "Insp",
    "Hon", // US states as the wire services write them (`Harrisburg, Pa.`).
    "Pa", "Calif", "Conn", "Fla", "Mich", "Minn", "Va", "Ariz", "Colo", "Ga", "Md", "Okla", "Tenn",
    "Tex",
];

/// The byte range of the sentence in `text` that holds byte `at`.
/// When `at` is in white space before a sentence, that is the following sentence (never a
/// range that ends before it starts).
pub fn around(text: &str, at: usize) -> Range<usize> {
    let at = floor_boundary(text, at.min(text.len()));
    let start = start_before(text, at);
    start..end_after(text, at.max(start)).max(start)
}

/// How far, in bytes, a sentence boundary is looked for on either side: a run-on line of a
/// megabyte must not make every date in it rescan the whole line.
const REACH: usize = 1500;

/// Where the sentence holding `at` starts: after the last boundary before `at` (see
/// `is_boundary`). A space can only end a sentence after `.`, `!` or `?` and any closing
/// quotation marks or brackets, so only those marks and newlines are searched for (memchr),
/// not every byte looked at.
pub fn start_before(text: &str, at: usize) -> usize {
    let bytes = text.as_bytes();
    let limit = at.saturating_sub(REACH);
    let newline = memchr::memrchr(b'\n', &bytes[limit..at]).map(|i| limit + i);
    // A boundary after the last newline is the later one. Without one, a space from
    // `limit` on can end a sentence whose mark comes just before `limit`, with closing
    // quotation marks in between.
    let from = newline.map_or_else(|| before_closers(bytes, limit).saturating_sub(1), |n| n + 1);
    let mut end = at;
    while let Some(p) = memchr::memrchr3(b'.', b'!', b'?', &bytes[from..end]) {
        let p = from + p;
        let space = after_closers(bytes, p + 1);
        if space < at && space >= limit && is_boundary(text, space) {
            return skip_space(text, space + 1);
        }
        end = p;
    }
    match newline {
        Some(n) => skip_space(text, n + 1),
        None => start_at_limit(text, limit),
    }
}

/// Where the run of closing quotation marks and brackets that ends at `i` starts.
fn before_closers(bytes: &[u8], mut i: usize) -> usize {
    loop {
        match bytes.get(..i) {
            Some([.., b'"' | b'\'' | b')' | b']']) => i -= 1,
            Some([.., 0xE2, 0x80, 0x9D | 0x99]) => i -= 3,
            _ => return i,
        }
    }
}

/// The first byte at or after `i` that is not a closing quotation mark or bracket
/// (`"`, `'`, `”`, `’`, `)`, `]`: what [`ends_sentence`] looks through).
fn after_closers(bytes: &[u8], mut i: usize) -> usize {
    loop {
        match bytes.get(i..) {
            Some([b'"' | b'\'' | b')' | b']', ..]) => i += 1,
            // `”` and `’` are E2 80 9D and E2 80 99.
            Some([0xE2, 0x80, 0x9D | 0x99, ..]) => i += 3,
            // A citation's mark after the full stop (`… Lovelace's notes.[32] Dorothy`).
            Some([b'[', rest @ ..]) => match citation_mark_len(rest) {
                Some(n) => i += n + 2,
                None => return i,
            },
            // A footnote's mark in HTML (`… Paul Harvey.<sup>69</sup> Harvey`).
            Some([b'<', b's', b'u', b'p', b'>', rest @ ..]) => match sup_mark_len(rest) {
                Some(n) => i += 5 + n,
                None => return i,
            },
            _ => return i,
        }
    }
}

/// How many bytes of `rest` (what follows `<sup>`) a short footnote mark takes, its `</sup>`
/// included (`69</sup>` of `<sup>69</sup>`).
fn sup_mark_len(rest: &[u8]) -> Option<usize> {
    let n = memchr::memmem::find(rest.get(..16).unwrap_or(rest), b"</sup>")?;
    (n > 0 && !rest[..n].contains(&b' ')).then_some(n + 6)
}

/// `before` without a footnote's mark in HTML at its end (`… Harvey.<sup>69</sup>`).
fn without_sup_mark(before: &str) -> &str {
    let Some(rest) = before.strip_suffix("</sup>") else {
        return before;
    };
    match rest.rfind("<sup>") {
        Some(open) if rest.len() - open <= 5 + 10 => &before[..open],
        _ => before,
    }
}

/// How many digits (one to four) come before the `]` that `rest` holds first, when that is
/// all it holds before it: a citation's mark (`32]` of `[32]`).
fn citation_mark_len(rest: &[u8]) -> Option<usize> {
    let n = rest.iter().take(5).position(|&b| b == b']')?;
    ((1..=4).contains(&n) && rest[..n].iter().all(u8::is_ascii_digit)).then_some(n)
}

/// Every byte of `text` at which a sentence ends (a line break, or the space after a sentence
/// that ends before one that starts), in order: for many positions in one text, look these up
/// with [`start_before_in`] rather than scanning back from each.
pub fn boundaries(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut found: Vec<usize> = memchr::memchr_iter(b'\n', bytes).collect();
    let spaces = memchr::memchr3_iter(b'.', b'!', b'?', bytes)
        .map(|p| after_closers(bytes, p + 1))
        .filter(|&space| space < bytes.len() && is_boundary(text, space));
    found.extend(spaces);
    found.sort_unstable();
    found.dedup();
    found
}

/// [`start_before`], found in `text`'s [`boundaries`].
pub fn start_before_in(text: &str, boundaries: &[usize], at: usize) -> usize {
    let limit = at.saturating_sub(REACH);
    let before = boundaries.partition_point(|&i| i < at);
    match before.checked_sub(1).map(|k| boundaries[k]) {
        Some(i) if i >= limit => skip_space(text, i + 1),
        _ => start_at_limit(text, limit),
    }
}

#[inline]
fn is_boundary(text: &str, i: usize) -> bool {
    match text.as_bytes()[i] {
        b'\n' => true,
        b' ' => ends_sentence(text, i) && starts_sentence(text, i + 1),
        _ => false,
    }
}

/// Where a sentence is taken to start when none starts within reach before `limit`.
fn start_at_limit(text: &str, limit: usize) -> usize {
    if limit == 0 {
        return skip_space(text, 0);
    }
    let mut i = limit;
    while !text.is_char_boundary(i) {
        i += 1;
    }
    skip_space(text, i)
}

/// Where the sentence holding `at` ends (exclusive, its closing punctuation included).
pub fn end_after(text: &str, at: usize) -> usize {
    end_after_until(text, at, text.len())
}

/// [`end_after`], or `stop` if that comes first: the search ends there. Like
/// [`start_before`], it searches for sentence marks and newlines, not every byte.
pub fn end_after_until(text: &str, at: usize, stop: usize) -> usize {
    let bytes = text.as_bytes();
    let limit = (at + REACH).min(bytes.len());
    let end = limit.min(stop);
    if at < end {
        let newline = memchr::memchr(b'\n', &bytes[at..end]).map(|i| at + i);
        // Only a boundary before the first newline comes first.
        let until = newline.unwrap_or(end);
        // A mark just before `at` can end a sentence at a space after it: `at` may sit in
        // the closing quotation marks after the mark.
        let mut from = before_closers(bytes, at).saturating_sub(1);
        while let Some(p) = memchr::memchr3(b'.', b'!', b'?', &bytes[from..until]) {
            let p = from + p;
            let space = after_closers(bytes, p + 1);
            if space >= until {
                break;
            }
            if space > at && is_boundary(text, space) {
                return space;
            }
            from = p + 1;
        }
        if let Some(n) = newline {
            return n;
        }
    }
    if stop < limit {
        stop
    } else {
        floor_boundary(text, limit)
    }
}

fn skip_space(text: &str, mut i: usize) -> usize {
    while text
        .as_bytes()
        .get(i)
        .is_some_and(|b| b.is_ascii_whitespace())
    {
        i += 1;
    }
    i
}

/// The last character boundary of `text` at or before byte `i`.
pub(in crate::document) fn floor_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Does the text before the space at `space` end a sentence? Most spaces follow a letter
/// or a comma: the byte before settles those, inline, before the closer look.
#[inline]
fn ends_sentence(text: &str, space: usize) -> bool {
    // A sentence ends in `.`, `!` or `?`, perhaps with a closing quotation mark or bracket
    // after it.
    space > 0
        && matches!(
            text.as_bytes()[space - 1],
            b'.' | b'!' | b'?' | b'"' | b'\'' | b')' | b']' | b'>' | 0x80..
        )
        && sentence_mark_before(text, space)
}

/// [`ends_sentence`] past its one-byte test.
fn sentence_mark_before(text: &str, space: usize) -> bool {
    let before = without_sup_mark(&text[..space]);
    let trimmed = before.trim_end_matches(['"', '\'', '”', '’', ')', ']']);
    let Some(last) = trimmed.chars().last() else {
        return false;
    };
    if last == '!' || last == '?' {
        return true;
    }
    if last != '.' {
        return false;
    }
    let word_start = trimmed[..trimmed.len() - 1]
        .rfind(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '“')
        .map_or(0, |i| {
            i + trimmed[i..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &trimmed[word_start..trimmed.len() - 1];
    if word.ends_with("..") || word.is_empty() && trimmed.ends_with("...") {
        return true;
    }
    // An initial ("J. Smith") or a known abbreviation does not end a sentence.
    let single_initial = word.chars().count() == 1 && word.chars().all(|c| c.is_uppercase());
    !(single_initial || ABBREVIATIONS.contains(&word))
}

/// Does a sentence plausibly start at `i` (an uppercase letter, digit or opening quote)?
fn starts_sentence(text: &str, i: usize) -> bool {
    let rest = text[skip_space(text, i)..].trim_start_matches(['"', '\'', '“', '‘', '(', '*', '_']);
    rest.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// `text` cut to at most `max` characters at a word boundary, with `…` when cut.
pub fn shorten(text: &str, max: usize) -> String {
    let text = text.trim();
    // No more bytes than `max` is no more characters; otherwise count only up to the cut.
    let cut = if text.len() <= max {
        None
    } else if text.as_bytes()[..max].is_ascii() {
        Some(max)
    } else {
        text.char_indices().nth(max).map(|(i, _)| i)
    };
    let Some(cut) = cut else {
        return text.to_string();
    };
    let head = &text[..cut];
    let head = match head.rfind(' ') {
        Some(i) if i > max / 2 => &head[..i],
        _ => head,
    };
    let head = head.trim_end_matches([',', ';', ':', ' ', '-', '—']);
    let mut short = String::with_capacity(head.len() + '…'.len_utf8());
    short.push_str(head);
    short.push('…');
    short
}

/// Whether `text` has more than `n` words (runs of non-whitespace, as `split_whitespace`
/// finds them): counted over the bytes of ASCII text, and only as far as the word that decides.
/// Asked of whole sentences whose length alone rules a reading out.
pub fn has_more_words_than(text: &str, n: usize) -> bool {
    let mut words = 0;
    let mut in_word = false;
    for &b in text.as_bytes() {
        if !b.is_ascii() {
            // A character that may be a Unicode space: the words are counted as characters.
            return text.split_whitespace().nth(n).is_some();
        }
        let space = is_ascii_space(b);
        if !space && !in_word {
            words += 1;
            if words > n {
                return true;
            }
        }
        in_word = !space;
    }
    false
}

/// Whether an ASCII byte is whitespace as `char::is_whitespace` has it (vertical tab too,
/// which `u8::is_ascii_whitespace` leaves out).
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t'..=b'\r')
}

/// The whitespace-delimited word of `text` that holds byte `at` (a character boundary), as a
/// range: a name's word, a number's run (to tell whether it is part of a URL).
pub fn word_around(text: &str, at: usize) -> Range<usize> {
    // Most words are ASCII, and so are the spaces around them: bytes are enough until a byte
    // that is not ASCII is met (it may be part of a Unicode space).
    let bytes = text.as_bytes();
    let mut start = at.min(bytes.len());
    while let Some(&b) = start.checked_sub(1).and_then(|i| bytes.get(i)) {
        if !b.is_ascii() {
            return word_around_unicode(text, at);
        }
        if is_ascii_space(b) {
            break;
        }
        start -= 1;
    }
    let mut end = at.min(bytes.len());
    while let Some(&b) = bytes.get(end) {
        if !b.is_ascii() {
            return word_around_unicode(text, at);
        }
        if is_ascii_space(b) {
            break;
        }
        end += 1;
    }
    start..end
}

/// [`word_around`] for text that is not ASCII around `at`.
fn word_around_unicode(text: &str, at: usize) -> Range<usize> {
    let (before, after) = text.split_at_checked(at).unwrap_or((text, ""));
    let start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace())
        .map_or(0, |(p, c)| p + c.len_utf8());
    let end = after
        .find(char::is_whitespace)
        .map_or(text.len(), |p| before.len() + p);
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_footnote_mark_in_html_after_a_full_stop_ends_the_sentence() {
        let text = "writes Paul Harvey.<sup>69</sup> Harvey acknowledges it.";
        assert_eq!(
            end_after(text, 0),
            text.find(" Harvey acknowledges").unwrap()
        );
        assert_eq!(
            boundaries(text),
            vec![text.find(" Harvey acknowledges").unwrap()]
        );
        // Not a footnote's mark: a long superscript, or no full stop before it.
        let long = "writes Paul Harvey.<sup>a long aside</sup> Harvey acknowledges it.";
        assert!(boundaries(long).is_empty());
        let no_stop = "writes Paul Harvey<sup>69</sup> Harvey acknowledges it.";
        assert!(boundaries(no_stop).is_empty());
    }

    #[test]
    fn words_are_counted_as_split_whitespace_counts_them() {
        let texts = [
            "",
            "one",
            " one  two\tthree\nfour\x0bfive\x0csix\r seven ",
            "said Jan Leike, who left",
            "a\u{2003}b c",
            "naïve café words here",
        ];
        for text in texts {
            let words = text.split_whitespace().count();
            for n in 0..10 {
                assert_eq!(has_more_words_than(text, n), words > n, "{text:?} {n}");
            }
        }
    }

    #[test]
    fn a_word_is_found_alike_in_ascii_and_unicode_text() {
        let texts = [
            "said Jan Leike, who",
            "Jan\u{a0}Leike said\u{2003}more",
            "\tÜber Leike’s\x0bthread\x0c",
            "Leike",
            "",
            " a  b ",
        ];
        for text in texts {
            for at in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                assert_eq!(
                    word_around(text, at),
                    word_around_unicode(text, at),
                    "{text:?} {at}"
                );
            }
        }
    }
    use proptest::prelude::*;

    /// [`start_before`] in its plainest form, every byte looked at: what the skipping
    /// version must agree with.
    fn start_before_bytewise(text: &str, at: usize) -> usize {
        let mut i = at;
        let limit = at.saturating_sub(REACH);
        while i > limit {
            i -= 1;
            if is_boundary(text, i) {
                return skip_space(text, i + 1);
            }
        }
        start_at_limit(text, limit)
    }

    /// [`end_after_until`] in its plainest form, every byte looked at: what the skipping
    /// version must agree with.
    fn end_after_until_bytewise(text: &str, at: usize, stop: usize) -> usize {
        let bytes = text.as_bytes();
        let mut i = at;
        let limit = (at + REACH).min(bytes.len());
        while i < limit.min(stop) {
            match bytes[i] {
                b'\n' => return i,
                b' ' if i > at && ends_sentence(text, i) && starts_sentence(text, i + 1) => {
                    return i;
                }
                _ => {}
            }
            i += 1;
        }
        if stop < limit {
            stop
        } else {
            floor_boundary(text, limit)
        }
    }

    fn prose() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("word ".to_string()),
            Just("Word ".to_string()),
            Just(". ".to_string()),
            Just(".".to_string()),
            Just("! ".to_string()),
            Just("? ".to_string()),
            Just("\" ".to_string()),
            Just("\"".to_string()),
            Just("” ".to_string()),
            Just("’ ".to_string()),
            Just(") ".to_string()),
            Just("] ".to_string()),
            Just("' ".to_string()),
            Just(" ".to_string()),
            Just("\n".to_string()),
            Just("Dr. ".to_string()),
            Just("J. ".to_string()),
            Just("U.S. ".to_string()),
            Just("... ".to_string()),
            Just("2024 ".to_string()),
            Just("“A ".to_string()),
            Just("é ".to_string()),
            Just("(x ".to_string()),
            // Long lines, past the reach on either side.
            Just(" xx".repeat(150)),
        ];
        prop::collection::vec(piece, 0..500).prop_map(|p| p.concat())
    }

    #[test]
    fn a_sentence_mark_just_beyond_the_reach_still_ends_the_sentence_after_it() {
        // The `.` is 1,501 bytes before the date, its closing quote and space within reach.
        let mut text = "Ab.\" B".to_string() + &" xx".repeat(499);
        text.truncate(1502);
        text.push(' ');
        let at = text.len();
        text.push_str("2024-03-05.\n");
        assert_eq!(start_before(&text, at), start_before_bytewise(&text, at));
        assert!(text[around(&text, at)].starts_with("B xx"));
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

        /// Searching for sentence marks finds the boundary that looking at every byte finds.
        #[test]
        fn mark_search_finds_what_the_byte_walk_finds(
            text in prose(),
            at in 0usize..3000,
            stop in 0usize..3000,
        ) {
            let at = floor_boundary(&text, at.min(text.len()));
            prop_assert_eq!(start_before(&text, at), start_before_bytewise(&text, at));
            let every: Vec<usize> = (0..text.len()).filter(|&i| is_boundary(&text, i)).collect();
            prop_assert_eq!(boundaries(&text), every);
            let stop = floor_boundary(&text, stop.min(text.len()));
            prop_assert_eq!(
                end_after_until(&text, at, stop),
                end_after_until_bytewise(&text, at, stop)
            );
        }
    }

    fn sentence(text: &str, needle: &str) -> String {
        let at = text.find(needle).unwrap();
        text[around(text, at)].to_string()
    }

    #[test]
    fn finds_the_sentence_holding_a_position() {
        let text = "First one. On May 17, 2024, he left. Then more.";
        assert_eq!(sentence(text, "May"), "On May 17, 2024, he left.");
        assert_eq!(sentence(text, "First"), "First one.");
        assert_eq!(sentence(text, "more"), "Then more.");
    }

    #[test]
    fn abbreviations_and_initials_do_not_end_sentences() {
        let text = "It began Sept. 4, 2019 in the U.S. Office. J. Smith said so. Dr. Who came.";
        assert_eq!(
            sentence(text, "2019"),
            "It began Sept. 4, 2019 in the U.S. Office."
        );
        assert_eq!(sentence(text, "Smith"), "J. Smith said so.");
        assert_eq!(sentence(text, "Who"), "Dr. Who came.");
    }

    #[test]
    fn quotes_and_brackets_close_sentences() {
        let text = "He said \"no.\" Then (in 2021.) It ended!";
        assert_eq!(sentence(text, "Then"), "Then (in 2021.)");
    }

    #[test]
    fn white_space_before_a_sentence_is_no_sentence_of_its_own() {
        for text in [
            "\n",
            " ",
            "\n\n",
            " \nx",
            "\nA line.",
            "  Two spaces first.",
        ] {
            for at in 0..=text.len() {
                let range = around(text, at);
                assert!(range.start <= range.end, "{text:?} at {at}: {range:?}");
                assert!(text.get(range).is_some(), "{text:?} at {at}");
            }
        }
        assert_eq!(sentence("\nA line.", "\n"), "A line.");
    }

    #[test]
    fn looked_up_boundaries_agree_with_scanning_back() {
        let long = "word ".repeat(400);
        for text in [
            "First one. On May 17, 2024, he left. Then more.",
            "It began Sept. 4, 2019 in the U.S. Office. J. Smith said so. Dr. Who came.",
            "He said \"no.\" Then (in 2021.) It ended!\nA line. ",
            &format!("Start. {long}middle. {long}end. Last"),
            "  \n\n Ünïcode. Ça va. 東京. Fin",
        ] {
            let found = boundaries(text);
            for at in (0..=text.len()).filter(|&at| text.is_char_boundary(at)) {
                assert_eq!(
                    start_before_in(text, &found, at),
                    start_before(text, at),
                    "{text:?} at {at}"
                );
            }
        }
    }

    #[test]
    fn an_end_stops_at_the_stop() {
        let text = "said Bob. \"Next one\" and so on";
        let stop = text.find('"').unwrap();
        assert_eq!(end_after_until(text, 0, stop), end_after(text, 0));
        let text = "said Bob \"Next one\" and so on. More";
        let stop = text.find('"').unwrap();
        assert_eq!(end_after_until(text, 0, stop), stop);
    }

    #[test]
    fn line_breaks_end_sentences() {
        assert_eq!(sentence("a row\nin 2021 b", "2021"), "in 2021 b");
    }

    #[test]
    fn shorten_cuts_at_a_word() {
        assert_eq!(shorten("one two three four", 10), "one two…");
        assert_eq!(shorten("short", 10), "short");
    }
}
