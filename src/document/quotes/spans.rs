//! Where quotations are: the quotation marks that pair in running text, a quotation that
//! runs on over paragraphs, a block quote's text and its attribution line, and the quoted
//! strings that are no statements (titles of works, citations).

use std::borrow::Cow;

use crate::document::names;
use crate::document::outline::{Outline, QuoteBlock, Unit};
use crate::document::{Block, BlockKind, Inline};

/// Section titles whose quoted strings are titles of cited works, not statements.
pub(super) const CITATION_SECTIONS: &[&str] = &[
    "sources",
    "references",
    "bibliography",
    "further reading",
    "citations",
    "links",
    "notes",
];

/// The text of a block quote (all its blocks, code included) without enclosing quotation
/// marks, and the speaker of an attribution line (`— Name`) at its end, which leaves the text.
pub(super) fn block_quote_text(outline: &Outline, qb: &QuoteBlock) -> (String, Option<String>) {
    let blocks = outline.blocks.get(qb.blocks.clone()).unwrap_or_default();
    let mut parts: Vec<&str> = blocks
        .iter()
        .map(|b| outline.text_of(b))
        .filter(|t| !t.is_empty())
        .collect();
    // An attribution is the last line of the last block, when that block is running text.
    let last_block = blocks
        .iter()
        .rposition(|b| !b.text.is_empty())
        .map(|i| qb.blocks.start + i);
    let last_unit = outline
        .units
        .get(qb.units.clone())
        .and_then(<[Unit]>::last)
        .filter(|u| Some(u.block()) == last_block);
    // Whether the paragraph before the last one ends a quotation or a sentence: a paragraph
    // that opens with a dash after it may sign the block quote, though it wraps.
    let ends_before_last = parts.len() >= 2
        && parts[parts.len() - 2]
            .trim_end()
            .ends_with(['.', '!', '?', '”', '"', '’']);
    let mut speaker = None;
    if let (Some(last), Some(unit)) = (parts.last_mut(), last_unit) {
        let line_start = outline.breaks(unit).next_back().map_or(0, |b| b + 1);
        let mut line_start = if line_start <= last.len() && last.is_char_boundary(line_start) {
            line_start
        } else {
            0
        };
        // (A line break inside the attribution reads as a space.)
        fn one_line(text: &str) -> Cow<'_, str> {
            match text.contains('\n') {
                true => Cow::Owned(text.replace('\n', " ")),
                false => Cow::Borrowed(text),
            }
        }
        let mut tail = one_line(last[line_start..].trim());
        let mut attribution = is_attribution_line(&tail);
        // `> “…”⏎>⏎> — [Kevin Buzzard](…), Professor of⏎> Pure Mathematics at Imperial College
        // London`: an attribution that wraps is a paragraph of its own (three lines at most)
        // that opens with a dash, after a quotation or a sentence that ends.
        if !attribution && line_start > 0 && ends_before_last && outline.breaks(unit).count() < 3 {
            let whole = one_line(last.trim());
            if whole.starts_with(['—', '–', '―']) && is_attribution_line(&whole) {
                (line_start, tail, attribution) = (0, whole, true);
            }
        }
        let tail: &str = &tail;
        // `><br><br>*Sebastian Suttner, Cedarcode Co-Founder*`: a last line wholly in
        // emphasis, a full name and who they are, signs it as a dash would.
        let signed = || {
            if line_start == 0 || tail.len() >= 400 || !tail.contains(',') {
                return None;
            }
            let block = &outline.blocks[last_block?];
            let from =
                line_start + (last[line_start..].len() - last[line_start..].trim_start().len());
            let emphasised = outline.marks_of(block).iter().any(|m| {
                matches!(m.style, Inline::Emphasis | Inline::Strong)
                    && m.range.start <= from
                    && m.range.end >= from + tail.len()
            });
            (emphasised && tail.chars().count() < 160)
                .then(|| names::name_opening_signature(tail))
                .flatten()
        };
        speaker = match attribution {
            true => names::name_in_attribution(tail),
            false => signed(),
        };
        if speaker.is_some() {
            *last = last[..line_start].trim_end();
        }
    }
    // `> “…”` then `>*   Xiaoguang Sun, TiKV maintainer, …`: a quotation signed by a list of
    // one item, a name and who they are, after it.
    if speaker.is_none() {
        if let Some(name) =
            signed_by_an_item(outline, blocks).or_else(|| signed_by_a_name(outline, blocks))
        {
            speaker = Some(name);
            parts.pop();
        }
    }
    let mut text = String::new();
    for part in parts.iter().filter(|p| !p.is_empty()) {
        if !text.is_empty() {
            text.push('\n');
        }
        text.push_str(part);
    }
    let text = without_signature_after_close(text.trim());
    let text = strip_enclosing_quotes(text);
    (
        strip_opening_of_speech_that_goes_on(text).to_string(),
        speaker,
    )
}

/// `“…” -Harbour River Collective Statement, 1977`: a quotation signed after its closing mark
/// on the same line (see [`signature`]). The quotation without the signature (which says who
/// speaks: see `attribution_inside`).
fn without_signature_after_close(text: &str) -> &str {
    let Some(close) = text.rfind(['”', '"']) else {
        return text;
    };
    let after = text[close..].chars().next().map_or(1, char::len_utf8);
    let tail = text[close + after..].trim_start();
    if !tail.contains('\n') && signature(tail).is_some() {
        &text[..close + after]
    } else {
        text
    }
}

/// The attribution `tail` (what follows a quotation) is, when it is one: an attribution line
/// (`— Jane Doe, Chair`), or one with a hyphen for its dash (`- Director Sales, Global
/// Alliances`, `-Johnu George (Nutanix)`), given without the hyphen.
pub(super) fn signature(tail: &str) -> Option<&str> {
    if is_attribution_line(tail) {
        return Some(tail);
    }
    // `-** M. Adam Kendall**`: emphasis marks that did not take (a space inside them) are
    // no part of the name.
    let dashed = tail.strip_prefix("- ").or_else(|| {
        tail.strip_prefix('-')
            .map(|t| t.trim_start_matches(['*', '_']).trim_start())
            .filter(|t| t.starts_with(char::is_uppercase))
    })?;
    is_attribution_line(&format!("— {dashed}")).then_some(dashed)
}

/// `> "Paul Martin has been Chief Executive … in the borough.` then `> "We have worked …"`: a
/// paragraph of a speech that goes on in the next opens with a quotation mark that nothing
/// closes in it. The mark is no word of the quote (nor two apostrophes that close it).
fn strip_opening_of_speech_that_goes_on(text: &str) -> &str {
    if let Some(rest) = text.strip_prefix('"') {
        if memchr::memchr(b'"', rest.as_bytes()).is_none() {
            return rest;
        }
    }
    if let Some(rest) = text.strip_prefix('“') {
        if !rest.contains(['“', '”']) {
            // `“… becoming catastrophes.’’`: closed with two apostrophes, as some typewriting
            // closes a quotation.
            return rest
                .strip_suffix("’’")
                .or_else(|| rest.strip_suffix("''"))
                .unwrap_or(rest);
        }
    }
    text
}

/// The name a block quote's last block gives when it signs the quotation before it: one list
/// item, after a paragraph that opens with a quotation mark, holding a name, a comma and
/// who they are (`Fu Chen, TiKV maintainer`).
fn signed_by_an_item(outline: &Outline, blocks: &[Block]) -> Option<String> {
    let [.., said, item] = blocks else {
        return None;
    };
    let is_item = |b: &Block| matches!(b.kind, BlockKind::Item { .. });
    if !is_item(item) || is_item(said) {
        return None;
    }
    let quoted = outline
        .text_of(said)
        .trim_start_matches(['*', '_', ' '])
        .starts_with(['"', '“']);
    let text = outline.text_of(item).trim();
    if !quoted || !text.contains(',') || text.len() > 200 || text.contains('\n') {
        return None;
    }
    names::name_in_attribution(text).filter(|n| n.contains(' '))
}

/// The name a block quote's last paragraph gives when it is a person's name alone, signing
/// the paragraphs before it as a letter is signed (`> J.R. Halloway`): two to four words, each
/// capitalised or initials, the first initials or a known given name.
fn signed_by_a_name(outline: &Outline, blocks: &[Block]) -> Option<String> {
    let [.., before, last] = blocks else {
        return None;
    };
    let paragraph = |b: &Block| matches!(b.kind, BlockKind::Paragraph);
    if !paragraph(before) || !paragraph(last) {
        return None;
    }
    let text = outline.text_of(last).trim();
    let words: Vec<&str> = text.split_whitespace().collect();
    let initials = |w: &str| {
        w.ends_with('.')
            && w.split_terminator('.')
                .all(|l| l.chars().count() == 1 && l.chars().all(char::is_uppercase))
    };
    let name_word = |w: &str| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
    };
    let first = *words.first()?;
    let fits = (2..=4).contains(&words.len())
        && text.len() <= 60
        && words.iter().all(|w| initials(w) || name_word(w))
        && words.last().is_some_and(|w| name_word(w))
        && (initials(first) || names::given::of_given_name(first).is_some());
    fits.then(|| text.to_string())
}

/// Whether `line` is an attribution (`— Name, title, body`): it opens with a dash, and what
/// stands before its first comma or bracket is short enough to be a name. The title and body
/// after it may be long (`– Cheryl Smith, Associate Medical Director for …, AIDS Institute,
/// New York State Department of Health`).
pub(super) fn is_attribution_line(line: &str) -> bool {
    const LONGEST_HEAD: usize = 80;
    const LONGEST: usize = 400;
    // Two hyphens for a dash may touch the name (`--Jim Zemlin`), not a word in lower case
    // (`--verbose` is an option).
    let opens = ["— ", "―", "– ", "-- ", "~ ", "—", "~"]
        .iter()
        .any(|p| line.starts_with(p))
        || line
            .strip_prefix("--")
            .is_some_and(|rest| rest.starts_with(|c: char| c.is_uppercase()));
    if !opens || line.len() >= LONGEST {
        return false;
    }
    let head = line.find([',', '(', '[', '<', ';']).unwrap_or(line.len());
    line[..head].chars().count() < LONGEST_HEAD
}

/// `"text"` or `“text”` → `text`, when those are the only quotation marks of their kind.
pub fn strip_enclosing_quotes(text: &str) -> &str {
    if let Some(inner) = text.strip_prefix('"').and_then(|t| t.strip_suffix('"')) {
        if memchr::memchr(b'"', inner.as_bytes()).is_none() {
            return inner;
        }
    }
    if let Some(inner) = text.strip_prefix('“').and_then(|t| t.strip_suffix('”')) {
        // `“` and `”` are E2 80 9C and E2 80 9D in UTF-8.
        let bytes = inner.as_bytes();
        let curly = memchr::memchr_iter(0xE2, bytes)
            .any(|i| matches!(bytes.get(i + 1..i + 3), Some([0x80, 0x9C | 0x9D])));
        if !curly {
            return inner;
        }
    }
    text
}

/// Where the first mark that can open a quotation (`"`, `“`, or the low `„` of German and
/// other languages' typography) at or after `from` is.
pub(super) fn next_quotation_mark(bytes: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    loop {
        // `“` is E2 80 9C in UTF-8, `„` E2 80 9E.
        let i = at + memchr::memchr2(b'"', 0xE2, bytes.get(at..)?)?;
        if bytes[i] == b'"'
            || (bytes.get(i + 1) == Some(&0x80) && matches!(bytes.get(i + 2), Some(0x9C | 0x9E)))
        {
            return Some(i);
        }
        at = i + 1;
    }
}

/// Whether `section` is titled `Sources`, `References` or the like: it holds citations, not
/// quotes. Worked out once per section, in `known`.
pub(super) fn in_citation_section(
    outline: &Outline,
    known: &mut [Option<bool>],
    section: Option<usize>,
) -> bool {
    let Some(i) = section else { return false };
    let Some(k) = known.get_mut(i) else {
        return false;
    };
    *k.get_or_insert_with(|| {
        let title = outline.title_of(i).trim();
        // Most titles are ASCII: compared without a lowercase copy.
        if title.is_ascii() {
            CITATION_SECTIONS
                .iter()
                .any(|c| c.eq_ignore_ascii_case(title))
        } else {
            CITATION_SECTIONS.contains(&title.to_lowercase().as_str())
        }
    })
}

/// A quoted string followed by a colon and a URL, or a URL in brackets, is a cited title.
pub(super) fn is_citation(after: &str) -> bool {
    let rest = after.trim_start_matches(['.', ',', ' ']);
    let rest = rest.strip_prefix(':').unwrap_or(rest).trim_start();
    let rest = rest.strip_prefix('(').unwrap_or(rest);
    if rest.starts_with("http://") || rest.starts_with("https://") || rest.starts_with("www.") {
        return true;
    }
    // `"Copper–tin interfaces …", Nature Catalysis (2024), is available at …`: a work's
    // title, then where (capitalised words, no verb) and when (`(2024)`) it was published.
    let Some(venue) = after.strip_prefix(',') else {
        return false;
    };
    let Some((name, year)) = venue.split_once('(') else {
        return false;
    };
    let name = name.trim();
    let year = year.as_bytes();
    !name.is_empty()
        && name.len() <= 80
        && name
            .split_whitespace()
            .all(|w| w.starts_with(char::is_uppercase))
        && year.len() >= 5
        && year[..4].iter().all(u8::is_ascii_digit)
        && year[4] == b')'
}

pub(super) struct Span {
    /// The quotation with its marks.
    pub(super) outer: std::ops::Range<usize>,
    /// Inside the marks.
    pub(super) inner: std::ops::Range<usize>,
}

/// Quoted spans in `text`: `“…”` pairs, and `"…"` pairs whose opening mark starts a word.
pub(super) fn quoted_spans(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut i = 0;
    while i < text.len() {
        let Some(open) = next_quotation_mark(text.as_bytes(), i) else {
            break;
        };
        // `„Wir …“` (or `„…”`, `„…"`): a low mark closes at the first high one after it; one
        // that nothing closes opens nothing (a ditto mark, a stray).
        if text[open..].starts_with('„') {
            let from = open + '„'.len_utf8();
            // It opens the word after it (`„Wir`), where a ditto mark stands alone.
            let opens = text[from..].starts_with(|c: char| !c.is_whitespace());
            let Some((close, width)) = low_mark_close(text, from).filter(|_| opens) else {
                i = from;
                continue;
            };
            let end = close + width;
            spans.push(Span {
                outer: open..end,
                inner: from..close,
            });
            i = end;
            continue;
        }
        let (close_char, width) = if text[open..].starts_with('“') {
            ('”', '“'.len_utf8())
        } else {
            ('"', 1)
        };
        if close_char == '"' && !opens_a_word(text, open) {
            i = open + width;
            continue;
        }
        let Some((close, close_width)) = closing_mark(text, open + width, close_char) else {
            break;
        };
        let mut end = close + close_width;
        // `…companies,"" said`: a closing mark typed twice opens nothing; it is part of the
        // quotation's marks, and what follows them is its attribution.
        if text[end..].starts_with('"') && !opens_a_word(text, end) {
            end += 1;
        }
        spans.push(Span {
            outer: open..end,
            inner: open + width..close,
        });
        i = end;
    }
    spans
}

/// How far after its opening mark a quotation is looked for closing, in its block: each
/// opening mark looks no further, so a paragraph of many (`“a" b “c" d … ”`) is read in
/// linear time.
const LONGEST_QUOTATION: usize = 16 * 1024;

/// Where a quotation opened by a low `„` just before `from` closes, and the closing mark's
/// width: at the first `“`, `”` or `"` after it that closes a word (no space before it),
/// within [`LONGEST_QUOTATION`].
fn low_mark_close(text: &str, from: usize) -> Option<(usize, usize)> {
    let rest = &text[from..];
    let end = crate::document::sentences::floor_boundary(rest, LONGEST_QUOTATION.min(rest.len()));
    rest[..end]
        .char_indices()
        .find(|&(at, c)| matches!(c, '“' | '”' | '"') && !opens_a_word(text, from + at))
        .map(|(at, c)| (from + at, c.len_utf8()))
}

/// Where the quotation opened just before `from` closes, and the closing mark's width: at
/// its own closing mark (`close`: `”` after `“`, `"` after `"`), or at the other kind when a
/// writer mixed them (`"… pace,” Brennan said`, `“… Foundation," said Krajcar`): a `”` that
/// comes before any `"` and with no `“` before it, or a `"` that closes a word (not one
/// opening the next quotation) when no `”` comes before the next `“`.
fn closing_mark(text: &str, from: usize, close: char) -> Option<(usize, usize)> {
    let rest = &text[from..];
    let end = crate::document::sentences::floor_boundary(rest, LONGEST_QUOTATION.min(rest.len()));
    let own = rest[..end].find(close);
    let own = match (own, close) {
        (Some(first), '"') => Some(nested_straight_close(text, from, end, first).unwrap_or(first)),
        _ => own,
    };
    // Marks of the other kind matter only before the quotation's own closing mark.
    let before_own = &rest[..own.unwrap_or(end)];
    let other = if close == '"' {
        before_own
            .find('”')
            .filter(|&c| !before_own[..c].contains('“'))
    } else {
        let next_open = |within: &str| within.find('“');
        // `“A," said Gerald Pfeifer. "B.”`: a straight mark closes the first half when a
        // straight one opens the second before the curly close.
        let straight = |at: usize, opening: bool| opens_a_word(text, from + at) == opening;
        // (Not `“We wrote "not now" in …,”`: there the first straight mark opens.)
        let mixed_halves = own.and_then(|o| {
            let close = before_own
                .find('"')
                .filter(|&at| at > 0 && straight(at, false))?;
            before_own[close + 1..o]
                .match_indices('"')
                .any(|(at, _)| straight(close + 1 + at, true))
                .then_some(close)
        });
        if let Some(close) = mixed_halves.filter(|&c| next_open(&rest[..c]).is_none()) {
            return Some((from + close, 1));
        }
        // `“… the “glue” that holds it …”`: a short quotation nested inside closes first,
        // and the outer one at the curly mark after it.
        if let (Some(o), Some(inner)) = (own, next_open(before_own)) {
            let nested = &before_own[inner + '“'.len_utf8()..];
            let after = o + '”'.len_utf8();
            let outer = rest[after..end].find('”').map(|c| after + c);
            let short = nested.split_whitespace().count() <= 3;
            if let Some(c) = outer.filter(|&c| short && !rest[after..c].contains('“')) {
                return Some((from + c, '”'.len_utf8()));
            }
        }
        let closed = own.is_some() && next_open(before_own).is_none();
        (!closed)
            .then(|| {
                rest[..end]
                    .match_indices('"')
                    .map(|(at, _)| at)
                    .find(|&at| {
                        at > 0
                            && (!opens_a_word(text, from + at)
                                || closes_after_a_space(text, from + at))
                    })
            })
            .flatten()
            .filter(|&s| next_open(&rest[..s]).is_none())
    };
    match other {
        Some(at) => Some((from + at, text[from + at..].chars().next()?.len_utf8())),
        None => own.map(|at| (from + at, close.len_utf8())),
    }
}

/// `"The show was called "Tom Jones and Friends,"" he said`: where a straight quotation
/// opened just before `from` closes when the first straight mark after it (at `first`, from
/// `from`) opens a word of its own (a space before it, none after): a quotation nested in it,
/// each such closed before the outer one closes. `None` when the marks up to `end` do not pair
/// so (one nested in a nested one, or no closing mark left for the outer one).
fn nested_straight_close(text: &str, from: usize, end: usize, first: usize) -> Option<usize> {
    let opens = |at: usize| {
        opens_a_word(text, at)
            && !closes_after_a_space(text, at)
            && text[at + 1..].starts_with(|c: char| !c.is_whitespace())
    };
    if !opens(from + first) {
        return None;
    }
    let mut nested = false;
    for (at, _) in text[from..from + end].match_indices('"') {
        match (opens(from + at), nested) {
            (true, true) => return None,
            (true, false) => nested = true,
            (false, true) => nested = false,
            (false, false) => return Some(at),
        }
    }
    None
}

/// [`quoted_spans`], and last a quotation mark that opens a word with no closing mark after
/// it: a span to the end of the text, whose inner range ends where its outer one does.
pub(super) fn quoted_spans_running_on(text: &str) -> Vec<Span> {
    let mut spans = quoted_spans(text);
    let from = spans.last().map_or(0, |s| s.outer.end);
    if let Some(open) = opening_mark(text, from) {
        let width = text[open..].chars().next().map_or(1, char::len_utf8);
        spans.push(Span {
            outer: open..text.len(),
            inner: open + width..text.len(),
        });
    }
    spans
}

/// The first quotation mark at or after `from` that opens a word (`“`, or `"` where
/// [`opens_a_word`], or `„` that opens the block).
pub(super) fn opening_mark(text: &str, from: usize) -> Option<usize> {
    text.get(from..)?
        .char_indices()
        .find(|&(at, c)| {
            c == '“'
                || (c == '"' && opens_a_word(text, from + at))
                // A low mark runs on only from the start of its paragraph.
                || (c == '„' && opens_its_block(text, from + at))
        })
        .map(|(at, _)| from + at)
}

/// Whether a straight quotation mark at `at` opens a word: it starts the text or follows
/// whitespace or an opening bracket or dash, where a closing mark never stands.
pub(super) fn opens_a_word(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_none_or(|c| c.is_whitespace() || "([{—–:;-/".contains(c))
}

/// Whether a straight mark at `at` that follows a space closes a quotation all the same:
/// after a comma or a stop and one space, and before a space and a word in lower case
/// (`“… Model Context Protocol, " said Jim Zemlin.`), where no quotation opens.
fn closes_after_a_space(text: &str, at: usize) -> bool {
    let before = text[..at].strip_suffix(' ');
    let after = text[at + 1..].strip_prefix(' ');
    before.is_some_and(|b| b.ends_with([',', '.', '!', '?']))
        && after.is_some_and(|a| a.starts_with(|c: char| c.is_lowercase()))
}

/// Whether a quotation at `at` opens its block: nothing but emphasis marks and spaces
/// before it.
pub(super) fn opens_its_block(text: &str, at: usize) -> bool {
    text.as_bytes()[..at]
        .iter()
        .all(|b| matches!(b, b'*' | b'_' | b' '))
}

/// A quotation left open at the end of block `block`, run on through the blocks after it in
/// its section: to the closing mark in the next paragraph, or over paragraphs that each open
/// with a quotation mark (a speech) to the one that closes. Its text after the first block,
/// the block it closes in, and where it closes there.
pub(super) fn running_on(outline: &Outline, block: usize) -> Option<(String, usize, usize)> {
    /// How many paragraphs a speech may run on over.
    const LONGEST: usize = 12;
    let section = outline.blocks.get(block)?.section();
    let mut parts: Vec<&str> = Vec::new();
    for b in block + 1..(block + 1 + LONGEST).min(outline.blocks.len()) {
        let next = &outline.blocks[b];
        if next.section() != section
            || next.quote_depth > 0
            || !matches!(next.kind, BlockKind::Paragraph | BlockKind::Item { .. })
        {
            return None;
        }
        let text = outline.text_of(next);
        let reopened = text.starts_with(['"', '“']);
        let body_at = if reopened {
            text.chars().next().map_or(0, char::len_utf8)
        } else {
            0
        };
        let body = &text[body_at..];
        // The closing mark: `”`, or `"` after a letter or punctuation, before any opening.
        let close = body.char_indices().find_map(|(at, c)| {
            let after_text = body[..at]
                .chars()
                .next_back()
                .is_some_and(|p| !p.is_whitespace());
            (c == '”' || (c == '"' && after_text)).then_some(at)
        });
        let opens = opening_mark(body, 0);
        match close {
            Some(at) if opens.is_none_or(|o| at < o) => {
                parts.push(&body[..at]);
                let width = body[at..].chars().next().map_or(1, char::len_utf8);
                return Some((parts.join("\n").trim().to_string(), b, body_at + at + width));
            }
            // A paragraph of the speech: it opens with a quotation mark and does not close.
            _ if reopened && opens.is_none() => parts.push(body.trim()),
            _ => return None,
        }
    }
    None
}

/// Whether a quoted span is the title of a cited work after its author, surname first, as
/// a reference list gives it (`Kristof, Nicholas D. “B.U. Faculty And Trustees Sign
/// Contract.” The Harvard Crimson, April 14, 1979.`): `before` is all the block holds before
/// the span, an inverted name and a full stop; `inner` the span's words, a sentence of its
/// own; `after`, what follows the span, a venue and a year soon after.
pub(super) fn is_cited_after_author(before: &str, inner: &str, after: &str) -> bool {
    /// The longest author line looked at: a whole paragraph before a quotation is not.
    const LONGEST: usize = 120;
    if before.len() > LONGEST {
        return false;
    }
    // A cited title closes its own sentence inside its marks (`“… Contract.”`), and the
    // venue after it is capitalised or in italics; `“…,” she said` is someone's words.
    let titled = inner.trim_end().ends_with(['.', '?', '!'])
        && after
            .trim_start()
            .starts_with(|c: char| c.is_uppercase() || matches!(c, '*' | '_' | '<'));
    if !titled {
        return false;
    }
    let Some(author) = before.trim().strip_suffix('.') else {
        return false;
    };
    let Some((surname, given)) = author.split_once(", ") else {
        return false;
    };
    let capitalised = |w: &str| {
        w.starts_with(char::is_uppercase)
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'))
    };
    let surname_words = surname.split_whitespace().count();
    let given_words = given.split_whitespace().count();
    // An author's given names as a reference list writes them, with an initial or a second
    // author (`Nicholas D.`, `J.`, `Nicholas D., and Jane Q. Public`): `Goodbye, Anna.` and
    // `Sarajevo, Bosnia.` open a line of a story.
    // (The author's last full stop is already taken off: `D` of `Nicholas D.`.)
    let initial = |w: &str| {
        let w = w.trim_end_matches([',', '.']);
        w.len() == 1 && w.starts_with(|c: char| c.is_ascii_uppercase())
    };
    let cited_form = given
        .split_whitespace()
        .any(|w| initial(w) || matches!(w, "and" | "&"));
    let named = (1..=2).contains(&surname_words)
        && surname.split_whitespace().all(capitalised)
        && (1..=6).contains(&given_words)
        && cited_form
        && given
            .split_whitespace()
            .all(|w| capitalised(w.trim_end_matches(',')) || matches!(w, "and" | "&"));
    // A year within the venue and date after the title (`… Crimson, April 24, 1979.`),
    // and nothing before it but the venue's words: capitalised, numbers, and the small
    // words of a title (`That is how Olena Kovalenko remembers February 24, 2022.` tells).
    let soon: String = after.chars().take(120).collect();
    let year = soon.as_bytes().windows(4).enumerate().find(|&(i, w)| {
        w.iter().all(u8::is_ascii_digit)
            && matches!(w[0], b'1' | b'2')
            && (i == 0 || !soon.as_bytes()[i - 1].is_ascii_digit())
            && soon
                .as_bytes()
                .get(i + 4)
                .is_none_or(|b| !b.is_ascii_digit())
    });
    const SMALL: &[&str] = &[
        "of",
        "the",
        "and",
        "in",
        "for",
        "on",
        "at",
        "to",
        "a",
        "an",
        "pp",
        "p",
        "vol",
        "no",
        "ed",
        "eds",
        "accessed",
        "retrieved",
        "em",
        "i",
    ];
    let venue = |before_year: &str| {
        before_year
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .all(|w| {
                w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                    || SMALL.contains(&w.to_lowercase().as_str())
            })
    };
    named && year.is_some_and(|(i, _)| venue(&soon[..i]))
}

/// Whether the words before a quoted span name what follows as a title: `a talk titled "…"`,
/// `an essay entitled "…"`, `spoke on "…"`.
pub(super) fn is_named_as_a_title(before: &str) -> bool {
    let mut words = before.split_whitespace().rev();
    let last = words.next().unwrap_or_default().to_lowercase();
    let titled = ["titled", "entitled", "headlined", "headed"].contains(&last.as_str());
    // `spoke on "…"`, `a talk on "…"`: a subject, not words spoken.
    let on = last == "on"
        && words.next().is_some_and(|w| {
            [
                "spoke",
                "talk",
                "talked",
                "presented",
                "lecture",
                "session",
                "keynote",
                "paper",
            ]
            .contains(&w.trim_end_matches(',').to_lowercase().as_str())
                || w.ends_with(')')
        });
    // `Her 1972 paper, "Anisotropy of …"`, `The study, "Selective breeding …"`, `see the
    // article "Treatment of …"`: a work named by its title, in whatever case.
    const WORKS: &[&str] = &[
        "paper",
        "study",
        "article",
        "report",
        "book",
        "essay",
        "novel",
        "film",
        "album",
        "song",
        "poem",
        "chapter",
        "thesis",
        "dissertation",
        "headline",
        "column",
        "editorial",
        "podcast",
        "documentary",
        "series",
        "exhibition",
        "play",
    ];
    let work = WORKS.contains(&last.trim_end_matches(',')) && {
        // The work is the sentence's noun, not its subject speaking (`the report said`
        // has a verb between).
        let before_work = words.next().map(|w| w.to_lowercase());
        before_work.is_none_or(|w| {
            [
                "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "that",
            ]
            .contains(&w.as_str())
                || w.chars().all(|c| c.is_ascii_digit())
                || w.ends_with("'s")
                || w.ends_with("’s")
        })
    };
    titled || on || work
}

/// Whether a quoted span is the title of a work (an article, a report, a talk), written in
/// title case: every word of four letters or more capitalised, at least three of them, and
/// no sentence inside.
pub(super) fn is_title_of_a_work(inner: &str) -> bool {
    // Most quotations have fewer capitals than a title's three: one pass over the bytes.
    if inner.bytes().filter(u8::is_ascii_uppercase).take(3).count() < 3 {
        return false;
    }
    // The long words, looked at one by one: the first in lower case ends the search (most
    // quotations have one early on), with nothing collected.
    let mut long = 0;
    for w in inner.split_whitespace() {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        // A year in a title (`Market Guide for …, 2024`) is neither case.
        if w.len() < 4 || w.chars().count() < 4 || w.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        // Prepositions a title leaves in lower case, long or not (`Scientific Discovery
        // through HelioAnalytics`, `Peptides with Noncanonical Amino Acids`).
        const PREPOSITIONS: &[&str] = &[
            "with", "from", "into", "onto", "over", "upon", "through", "about", "between", "under",
            "within", "without", "across", "toward", "towards", "against", "among", "along",
            "beyond", "during", "versus",
        ];
        if PREPOSITIONS.contains(&w) {
            continue;
        }
        if !w.chars().next().is_some_and(char::is_uppercase) {
            return false;
        }
        long += 1;
    }
    let sentence_inside = inner
        .trim_end_matches(['.', '!', '?', ',', ' '])
        .contains(['.', '!', '?']);
    long >= 3 && !sentence_inside
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_after_its_author_surname_first_is_a_citation() {
        let after = " The Harvard Crimson, April 14, 1979.";
        let title = "B.U. Faculty And Trustees Sign Contract.";
        let cited = |before: &str, after: &str| is_cited_after_author(before, title, after);
        assert!(cited("Kristof, Nicholas D. ", after));
        assert!(cited("Kristof, Nicholas D., and Jane Q. Public.", after));
        assert!(cited("O’Brien-Lee, J.", " *Proceedings*, 2003."));
        // No year after it: a vocative and a line of dialogue.
        assert!(!cited("Okay, Tom. ", " He walked on."));
        // Words someone says, with a year after them or not.
        let said = "You can't keep running from this,";
        assert!(!is_cited_after_author(
            "Well, Tom.",
            said,
            " she said on June 6, 1944."
        ));
        assert!(!cited(
            "Portland, Ore.",
            " said Mayor Ann Lee on March 3, 2024."
        ));
        // A sentence, not an author.
        assert!(!cited("In 1979, the strike ended.", after));
        assert!(!cited("Kristof, who wrote it, said.", after));
        // A paragraph's worth of text before the span is looked at no further.
        let long = format!("{}Kristof, Nicholas D.", "word ".repeat(40));
        assert!(!cited(&long, after));
    }
}
