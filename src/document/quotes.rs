//! Quotes: every outermost block quote, and every quoted statement of six or more words in
//! running text, each with its speaker when the document tells who it is.
//!
//! The speaker is, first that applies: an attribution line inside the quote (`— Name`); the
//! person a lead-in names (`Name said:` in the same sentence or the paragraph before); an
//! attribution right after the quote (`*Name, in a statement*`, `", said Name`); the person
//! whose statement the enclosing section is (`## Name's Statement`). A surname alone becomes
//! the full name the document uses elsewhere.

use super::line_index::LineIndex;
use super::names::{self, Directory};
use super::outline::{Outline, Unit};
use super::{BlockKind, Inline, Quote, QuoteKind, sentences};

/// The fewest words a quoted statement in running text needs to count as a quote.
pub const MIN_INLINE_WORDS: usize = 6;

/// Section titles whose quoted strings are titles of cited works, not statements.
const CITATION_SECTIONS: &[&str] = &[
    "sources",
    "references",
    "bibliography",
    "further reading",
    "citations",
    "links",
    "notes",
];

/// Every quote in the outline, in document order, and for each block quote whose speaker the
/// quote itself does not name, `(block index just after the quote, speaker)` so the reader
/// can show who said it.
pub fn find(outline: &Outline, lines: &LineIndex) -> (Vec<Quote>, Vec<(usize, String)>) {
    let mut found: Vec<(Quote, Option<usize>)> = Vec::new();
    for qb in &outline.quote_blocks {
        let units = &outline.units[qb.units.clone()];
        let (text, inside) = block_quote_text(outline, units);
        let speaker = inside
            .clone()
            .or_else(|| lead_in_before_block(outline, qb.blocks.start, qb.section))
            .or_else(|| attribution_after(outline, qb.blocks.end, qb.section))
            .or_else(|| section_speaker(outline, qb.section));
        let attribution_at = inside.is_none().then_some(qb.blocks.end);
        found.push((
            Quote {
                text,
                speaker,
                section: qb.section,
                line: qb.line,
                kind: QuoteKind::Block,
            },
            attribution_at,
        ));
    }
    for unit in &outline.units {
        let block = &outline.blocks[unit.block];
        if unit.quote.is_some()
            || !matches!(
                block.kind,
                BlockKind::Paragraph | BlockKind::Item { .. } | BlockKind::Table { .. }
            )
        {
            continue;
        }
        // Two single-character searches (memchr) rather than one two-character one, which
        // decodes every character.
        let has_marks = block.text.contains('"') || block.text.contains('“');
        if !has_marks || in_citation_section(outline, block.section) {
            continue;
        }
        let spans = quoted_spans(&block.text);
        // The last quote kept in this block: its sentence's start and its speaker.
        let mut previous: Option<(usize, Option<String>)> = None;
        for (i, span) in spans.iter().enumerate() {
            let inner = &block.text[span.inner.clone()];
            if inner.split_whitespace().count() < MIN_INLINE_WORDS
                || is_citation(&block.text[span.outer.end..])
            {
                continue;
            }
            let in_code = block.marks.iter().any(|m| {
                m.style == Inline::Code
                    && m.range.start <= span.outer.start
                    && span.outer.end <= m.range.end
            });
            if in_code {
                continue;
            }
            let sentence_start = sentences::start_before(&block.text, span.outer.start);
            let lead_in = lead_in_without_quotes(&block.text, &spans[..i], sentence_start, span);
            let speaker = names::speaker_in_lead_in(&lead_in)
                // `X said "…" and added "…"`: the sentence's lead-in named the speaker.
                .or_else(|| {
                    previous
                        .as_ref()
                        .filter(|(start, _)| *start == sentence_start)
                        .and_then(|(_, speaker)| speaker.clone())
                })
                .or_else(|| {
                    (sentence_start == 0 && lead_in.trim().is_empty())
                        .then(|| lead_in_before_block(outline, unit.block, block.section))
                        .flatten()
                })
                .or_else(|| after_in_sentence(&block.text[span.outer.end..]))
                .or_else(|| {
                    let rest = block.text[span.outer.end..].trim();
                    rest.is_empty()
                        .then(|| attribution_after(outline, unit.block + 1, block.section))
                        .flatten()
                })
                .or_else(|| section_speaker(outline, block.section));
            previous = Some((sentence_start, speaker.clone()));
            found.push((
                Quote {
                    text: inner.trim().to_string(),
                    speaker,
                    section: block.section,
                    line: lines.line(outline.source_offset(unit, span.outer.start)),
                    kind: QuoteKind::Inline,
                },
                None,
            ));
        }
    }
    found.sort_by_key(|(q, _)| q.line);
    let surnames: Vec<&str> = found
        .iter()
        .filter_map(|(q, _)| q.speaker.as_deref())
        .filter(|s| !s.contains(' '))
        .collect();
    let directory = (!surnames.is_empty()).then(|| directory(outline, surnames));
    let mut attributions = Vec::new();
    let quotes = found
        .into_iter()
        .map(|(mut q, at)| {
            if let (Some(dir), Some(s)) = (&directory, &q.speaker) {
                q.speaker = Some(dir.resolve(s));
            }
            if let (Some(at), Some(s)) = (at, &q.speaker) {
                attributions.push((at, s.clone()));
            }
            q
        })
        .collect();
    (quotes, attributions)
}

fn directory(outline: &Outline, surnames: Vec<&str>) -> Directory {
    let mut dir = Directory::for_surnames(surnames);
    for s in &outline.sections {
        dir.add_text(&s.title);
    }
    for u in &outline.units {
        dir.add_text(&outline.blocks[u.block].text);
    }
    dir
}

/// The text of a block quote without enclosing quotation marks, and the speaker of an
/// attribution line (`— Name`) at its end, which leaves the text.
fn block_quote_text(outline: &Outline, units: &[Unit]) -> (String, Option<String>) {
    let mut parts: Vec<&str> = units
        .iter()
        .map(|u| outline.blocks[u.block].text.as_str())
        .collect();
    let mut speaker = None;
    if let (Some(last), Some(unit)) = (parts.last_mut(), units.last()) {
        let line_start = outline.breaks(unit).last().map_or(0, |&b| b + 1);
        let line_start = if line_start <= last.len() && last.is_char_boundary(line_start) {
            line_start
        } else {
            0
        };
        let tail = last[line_start..].trim();
        if is_attribution_line(tail) {
            speaker = names::name_in_attribution(tail);
            if speaker.is_some() {
                *last = last[..line_start].trim_end();
            }
        }
    }
    let text = parts
        .iter()
        .filter(|p| !p.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join("\n");
    (strip_enclosing_quotes(text.trim()).to_string(), speaker)
}

fn is_attribution_line(line: &str) -> bool {
    ["— ", "―", "– ", "-- ", "~ ", "—", "~"]
        .iter()
        .any(|p| line.starts_with(p))
        && line.chars().count() < 120
}

/// `"text"` or `“text”` → `text`, when those are the only quotation marks of their kind.
pub fn strip_enclosing_quotes(text: &str) -> &str {
    for (open, close) in [('"', '"'), ('“', '”')] {
        if let Some(inner) = text.strip_prefix(open).and_then(|t| t.strip_suffix(close)) {
            if !inner.contains(open) && !inner.contains(close) {
                return inner;
            }
        }
    }
    text
}

/// The text of the sentence before `span`, from `sentence_start`, without the quotations that
/// come before it in the sentence: a name inside a quotation does not introduce the next one.
fn lead_in_without_quotes(
    text: &str,
    before: &[Span],
    sentence_start: usize,
    span: &Span,
) -> String {
    let mut lead_in = String::new();
    let from = sentence_start.min(span.outer.start);
    let mut at = from;
    for q in before.iter().filter(|q| q.outer.start >= from) {
        lead_in.push_str(&text[at..q.outer.start]);
        lead_in.push(' ');
        at = q.outer.end;
    }
    lead_in.push_str(&text[at.min(span.outer.start)..span.outer.start]);
    lead_in
}

/// The speaker named by the paragraph just before block `block`, when it ends with a colon.
fn lead_in_before_block(outline: &Outline, block: usize, section: Option<usize>) -> Option<String> {
    let before = outline.blocks.get(block.checked_sub(1)?)?;
    if before.section != section
        || before.quote_depth > 0
        || !matches!(before.kind, BlockKind::Paragraph | BlockKind::Item { .. })
    {
        return None;
    }
    let text = before.text.trim_end();
    if !text.ends_with(':') {
        return None;
    }
    let start = sentences::start_before(text, text.len().saturating_sub(1));
    names::speaker_in_lead_in(&text[start..])
}

/// An attribution paragraph right after a quote: wholly emphasised (`*Name, in …*`) or
/// opening with a dash (`— Name`).
fn attribution_after(outline: &Outline, block: usize, section: Option<usize>) -> Option<String> {
    let after = outline.blocks.get(block)?;
    if after.section != section || !matches!(after.kind, BlockKind::Paragraph) {
        return None;
    }
    let text = after.text.trim();
    let emphasised = after.marks.iter().any(|m| {
        matches!(m.style, Inline::Emphasis)
            && m.range.start == 0
            && m.range.end >= after.text.trim_end().len()
    });
    if (emphasised && text.chars().count() < 160) || is_attribution_line(text) {
        return names::name_in_attribution(text);
    }
    None
}

/// `", said Jane Doe.` / `," Jane Doe said` / `— Jane Doe` right after a closing quote.
fn after_in_sentence(rest: &str) -> Option<String> {
    let end = sentences::end_after(rest, 0);
    // Up to the next quotation at most: a name inside it is not this quote's speaker.
    let end = rest[..end].find(['"', '“']).unwrap_or(end);
    let tail = rest[..end].trim_start_matches([',', '.', ' ']);
    if tail.is_empty() {
        return None;
    }
    if is_attribution_line(tail) {
        return names::name_in_attribution(tail);
    }
    names::according_to(tail)
        .or_else(|| names::speaker_in_lead_in(tail.trim_end_matches(['.', '!', '?'])))
}

fn section_speaker(outline: &Outline, section: Option<usize>) -> Option<String> {
    let mut at = section;
    let mut steps = 0;
    while let Some(i) = at {
        let s = outline.sections.get(i)?;
        if let Some(name) = names::speaker_of_heading(&s.title) {
            return Some(name);
        }
        at = s.parent;
        steps += 1;
        if steps > 64 {
            break;
        }
    }
    None
}

fn in_citation_section(outline: &Outline, section: Option<usize>) -> bool {
    section
        .and_then(|i| outline.sections.get(i))
        .is_some_and(|s| CITATION_SECTIONS.contains(&s.title.trim().to_lowercase().as_str()))
}

/// A quoted string followed by a colon and a URL, or a URL in brackets, is a cited title.
fn is_citation(after: &str) -> bool {
    let rest = after.trim_start_matches(['.', ',', ' ']);
    let rest = rest.strip_prefix(':').unwrap_or(rest).trim_start();
    let rest = rest.strip_prefix('(').unwrap_or(rest);
    rest.starts_with("http://") || rest.starts_with("https://") || rest.starts_with("www.")
}

struct Span {
    /// The quotation with its marks.
    outer: std::ops::Range<usize>,
    /// Inside the marks.
    inner: std::ops::Range<usize>,
}

/// Quoted spans in `text`: `“…”` pairs, and `"…"` pairs whose opening mark starts a word.
fn quoted_spans(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut i = 0;
    while i < text.len() {
        let Some(rel) = text[i..].find(['"', '“']) else {
            break;
        };
        let open = i + rel;
        let (close_char, width) = if text[open..].starts_with('“') {
            ('”', '“'.len_utf8())
        } else {
            ('"', 1)
        };
        let opens_word = text[..open]
            .chars()
            .next_back()
            .is_none_or(|c| c.is_whitespace() || "([{—–:;-/".contains(c));
        if !opens_word && close_char == '"' {
            i = open + width;
            continue;
        }
        let Some(close_rel) = text[open + width..].find(close_char) else {
            break;
        };
        let close = open + width + close_rel;
        spans.push(Span {
            outer: open..close + close_char.len_utf8(),
            inner: open + width..close,
        });
        i = close + close_char.len_utf8();
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enclosing_quotes_are_stripped_only_when_they_enclose() {
        assert_eq!(strip_enclosing_quotes("\"We left.\""), "We left.");
        assert_eq!(strip_enclosing_quotes("“We left.”"), "We left.");
        assert_eq!(strip_enclosing_quotes("\"A\" and \"B\""), "\"A\" and \"B\"");
    }

    #[test]
    fn quoted_spans_pair_their_marks() {
        let text = "He said \"one two\" and “three four” then 5\" tall";
        let spans: Vec<_> = quoted_spans(text)
            .into_iter()
            .map(|s| &text[s.inner])
            .collect();
        assert_eq!(spans, ["one two", "three four"]);
    }

    #[test]
    fn cited_titles_are_not_statements() {
        assert!(is_citation(": https://example.com/x"));
        assert!(is_citation(" (https://example.com)"));
        assert!(!is_citation(", he said."));
    }

    #[test]
    fn speakers_after_the_quote() {
        assert_eq!(
            after_in_sentence(", said Jane Doe.").as_deref(),
            Some("Jane Doe")
        );
        assert_eq!(
            after_in_sentence(" Jane Doe said.").as_deref(),
            Some("Jane Doe")
        );
        assert_eq!(
            after_in_sentence(", according to Jane Doe.").as_deref(),
            Some("Jane Doe")
        );
        assert_eq!(
            after_in_sentence(" — Jane Doe").as_deref(),
            Some("Jane Doe")
        );
        assert_eq!(after_in_sentence(" and then it rained."), None);
        assert_eq!(
            after_in_sentence(", she said, adding \"Sam Altman said we would get compute\"."),
            None
        );
        assert_eq!(
            after_in_sentence(", Jane Doe said, adding \"Sam Altman said so\".").as_deref(),
            Some("Jane Doe")
        );
    }
}
