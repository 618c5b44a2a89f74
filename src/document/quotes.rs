//! Quotes: every outermost block quote, and every quoted statement of six or more words in
//! running text, each with its speaker when the document tells who it is.
//!
//! The speaker is, first that applies: an attribution line inside the quote (`— Name`); the
//! person a lead-in names (`Name said:` in the same sentence or the paragraph before); an
//! attribution right after the quote (`*Name, in a statement*`, `", said Name`); the person
//! whose statement the enclosing section is (`## Name's Statement`). A surname alone becomes
//! the full name the document uses elsewhere.

use std::cell::OnceCell;

use super::names::{self, Directory};
use super::outline::{Outline, QuoteBlock, ScanAhead, Unit};
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

/// What [`find`] finds: the quotes, and where the reader shows a block quote's speaker.
pub type Found = (Vec<Quote>, Vec<(usize, String)>);

/// Every quote in the outline of `file`, in document order, and for each block quote whose
/// speaker the quote itself does not name, `(block index just after the quote, speaker)` so
/// the reader can show who said it.
pub fn find(outline: &Outline, file: &str) -> Found {
    let mut lines = outline.lines(file);
    let headings = HeadingSpeakers::new(outline);
    let mut found: Vec<(Quote, Option<usize>)> = Vec::new();
    for qb in &outline.quote_blocks {
        let (text, inside) = block_quote_text(outline, qb);
        // A block quote with nothing in it (a lone `>`) quotes no one.
        if text.is_empty() {
            continue;
        }
        let speaker = inside
            .clone()
            .or_else(|| lead_in_before_block(outline, qb.blocks.start, qb.section))
            .or_else(|| attribution_after(outline, qb.blocks.end, qb.section))
            .or_else(|| headings.speaker(outline, qb.section));
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
    // Blocks without a quotation mark are passed over in one scan of the text.
    let mut marks = ScanAhead::new(next_quotation_mark);
    // Whether each section is a list of citations, worked out when a block in it is reached.
    let mut citations: Vec<Option<bool>> = vec![None; outline.sections.len()];
    for unit in &outline.units {
        let block = &outline.blocks[unit.block()];
        if unit.quote.is_some()
            || !matches!(
                block.kind,
                BlockKind::Paragraph | BlockKind::Item { .. } | BlockKind::Table { .. }
            )
        {
            continue;
        }
        if !marks.holds(&outline.text, block.text_range())
            || in_citation_section(outline, &mut citations, block.section())
        {
            continue;
        }
        let text = outline.text_of(block);
        let spans = quoted_spans(text);
        let mut code: Vec<std::ops::Range<usize>> = outline
            .marks_of(block)
            .iter()
            .filter(|m| m.style == Inline::Code)
            .map(|m| m.range.clone())
            .collect();
        code.sort_by_key(|c| c.start);
        // The last quote kept in this block: its sentence's start and its speaker.
        let mut previous: Option<(usize, Option<String>)> = None;
        // Where the block's sentences end, found once for all its quotes.
        let mut ends: Option<Vec<usize>> = None;
        for (i, span) in spans.iter().enumerate() {
            let inner = &text[span.inner.clone()];
            if inner.split_whitespace().count() < MIN_INLINE_WORDS
                || is_citation(&text[span.outer.end..])
            {
                continue;
            }
            // Code spans do not nest or overlap: only the last one to start before the
            // quote can hold it.
            let in_code = code[..code.partition_point(|c| c.start <= span.outer.start)]
                .last()
                .is_some_and(|c| span.outer.end <= c.end);
            if in_code {
                continue;
            }
            let sentence_start = sentences::start_before_in(
                text,
                ends.get_or_insert_with(|| sentences::boundaries(text)),
                span.outer.start,
            );
            let lead_in = lead_in_without_quotes(text, &spans[..i], sentence_start, span);
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
                        .then(|| lead_in_before_block(outline, unit.block(), block.section()))
                        .flatten()
                })
                .or_else(|| after_in_sentence(&text[span.outer.end..]))
                .or_else(|| {
                    let rest = text[span.outer.end..].trim();
                    rest.is_empty()
                        .then(|| attribution_after(outline, unit.block() + 1, block.section()))
                        .flatten()
                })
                .or_else(|| headings.speaker(outline, block.section()));
            previous = Some((sentence_start, speaker.clone()));
            found.push((
                Quote {
                    text: inner.trim().to_string(),
                    speaker,
                    section: block.section(),
                    line: outline.line_of(&mut lines, unit, span.outer.start),
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

/// The full names behind `surnames`, from every prose unit (headings are units too).
fn directory(outline: &Outline, surnames: Vec<&str>) -> Directory {
    let mut dir = Directory::for_surnames(surnames);
    let units = outline.units.iter();
    dir.add_ranges(
        &outline.text,
        units.map(|u| outline.blocks[u.block()].text_range()),
    );
    dir
}

/// The text of a block quote (all its blocks, code included) without enclosing quotation
/// marks, and the speaker of an attribution line (`— Name`) at its end, which leaves the text.
fn block_quote_text(outline: &Outline, qb: &QuoteBlock) -> (String, Option<String>) {
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
    let mut speaker = None;
    if let (Some(last), Some(unit)) = (parts.last_mut(), last_unit) {
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

/// Where the first `"` or `“` at or after `from` is.
fn next_quotation_mark(bytes: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    loop {
        // `“` is E2 80 9C in UTF-8.
        let i = at + memchr::memchr2(b'"', 0xE2, bytes.get(at..)?)?;
        if bytes[i] == b'"' || bytes.get(i + 1..i + 3) == Some(&[0x80, 0x9C]) {
            return Some(i);
        }
        at = i + 1;
    }
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
    // Spans come in text order: skip those before the sentence without looking at each.
    let first = before.partition_point(|q| q.outer.start < from);
    for q in &before[first..] {
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
    if before.section() != section
        || before.quote_depth > 0
        || !matches!(before.kind, BlockKind::Paragraph | BlockKind::Item { .. })
    {
        return None;
    }
    let text = outline.text_of(before).trim_end();
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
    if after.section() != section || !matches!(after.kind, BlockKind::Paragraph) {
        return None;
    }
    let whole = outline.text_of(after);
    let text = whole.trim();
    let emphasised = outline.marks_of(after).iter().any(|m| {
        matches!(m.style, Inline::Emphasis)
            && m.range.start == 0
            && m.range.end >= whole.trim_end().len()
    });
    if (emphasised && text.chars().count() < 160) || is_attribution_line(text) {
        return names::name_in_attribution(text);
    }
    None
}

/// `", said Jane Doe.` / `," Jane Doe said` / `— Jane Doe` right after a closing quote.
fn after_in_sentence(rest: &str) -> Option<String> {
    // Up to the next quotation at most: a name inside it is not this quote's speaker.
    let next_quote = next_quotation_mark(rest.as_bytes(), 0).unwrap_or(rest.len());
    let end = sentences::end_after_until(rest, 0, next_quote);
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

/// Whose statement each section is, worked out once per heading asked about.
struct HeadingSpeakers {
    own: Vec<OnceCell<Option<String>>>,
}

impl HeadingSpeakers {
    fn new(outline: &Outline) -> Self {
        HeadingSpeakers {
            own: (0..outline.sections.len())
                .map(|_| OnceCell::new())
                .collect(),
        }
    }

    /// The person whose statement `section`, or the nearest section above it, is.
    fn speaker(&self, outline: &Outline, section: Option<usize>) -> Option<String> {
        let mut at = section;
        let mut steps = 0;
        while let Some(i) = at {
            let s = outline.sections.get(i)?;
            let own = self.own.get(i)?;
            if let Some(name) = own.get_or_init(|| names::speaker_of_heading(outline.title_of(i))) {
                return Some(name.clone());
            }
            at = s.parent;
            steps += 1;
            if steps > 64 {
                break;
            }
        }
        None
    }
}

/// Whether `section` is titled `Sources`, `References` or the like: it holds citations, not
/// quotes. Worked out once per section, in `known`.
fn in_citation_section(
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
    use crate::document::outline;

    /// Every quote of a Markdown text as (text, speaker, line, block?).
    fn quotes(markdown: &str) -> Vec<(String, Option<String>, usize, bool)> {
        let outline = outline::walk(markdown, 0, None);
        find(&outline, markdown)
            .0
            .into_iter()
            .map(|q| (q.text, q.speaker, q.line, q.kind == QuoteKind::Block))
            .collect()
    }

    /// The speaker of the only quote in `markdown`.
    fn speaker(markdown: &str) -> Option<String> {
        let found = quotes(markdown);
        assert_eq!(found.len(), 1, "{markdown}: {found:?}");
        found[0].1.clone()
    }

    #[test]
    fn attribution_lines_inside_a_block_quote() {
        for (markdown, name) in [
            (
                "> We asked for the audit.\n> — Maria Okafor, in her letter\n",
                "Maria Okafor",
            ),
            (
                "> We asked for the audit.\n> -- Tom Baptiste\n",
                "Tom Baptiste",
            ),
            (
                "> We asked for the audit.\n>\n> ~ Priya Raman (2024)\n",
                "Priya Raman",
            ),
            (
                "> \"We asked for the audit.\"\n> —Greg Brockman\n",
                "Greg Brockman",
            ),
            (
                "> We asked for the audit.  \n> *— Mira Murati*\n",
                "Mira Murati",
            ),
        ] {
            let found = quotes(markdown);
            assert_eq!(
                found,
                [("We asked for the audit.".into(), Some(name.into()), 1, true)],
                "{markdown}"
            );
        }
        // A line that names no one stays in the text.
        let found = quotes("> We asked for the audit.\n> — from a thread\n");
        assert_eq!(found[0].0, "We asked for the audit. — from a thread");
        assert_eq!(found[0].1, None);
    }

    #[test]
    fn a_block_quote_holds_all_its_blocks() {
        let found =
            quotes("> ```\n> let x = 1;\n> ```\n>\n> — Jane Doe\n\n>\n\n> - one\n> - two\n");
        assert_eq!(
            found,
            [
                ("let x = 1;".into(), Some("Jane Doe".into()), 1, true),
                ("one\ntwo".into(), None, 9, true),
            ]
        );
    }

    #[test]
    fn attributions_after_a_quote() {
        assert_eq!(
            speaker("> We waited.\n\n*Jane Doe, in a statement to Reuters*\n").as_deref(),
            Some("Jane Doe")
        );
        assert_eq!(
            speaker("> We waited.\n\n— Jane Doe, on her blog\n").as_deref(),
            Some("Jane Doe")
        );
        assert_eq!(
            speaker("\"We waited for the board to act and it never did.\"\n\n*Jane Doe*\n")
                .as_deref(),
            Some("Jane Doe")
        );
        assert_eq!(
            speaker("\"We waited for the board to act and it never did,\" said Jane Doe.")
                .as_deref(),
            Some("Jane Doe")
        );
        // A paragraph after that is not an attribution.
        assert_eq!(speaker("> We waited.\n\nThe board met later.\n"), None);
    }

    #[test]
    fn lead_ins_in_the_sentence_or_the_paragraph_before() {
        assert_eq!(
            speaker("Jane Doe wrote in a memo:\n\n> We will publish the audit.\n").as_deref(),
            Some("Jane Doe")
        );
        assert_eq!(
            speaker(
                "Jane Doe wrote in a memo:\n\n\"We will publish the whole audit, every page.\""
            )
            .as_deref(),
            Some("Jane Doe")
        );
        assert_eq!(
            speaker("On June 3, Jane Doe told the committee: \"I raised this with Sam Altman.\"")
                .as_deref(),
            Some("Jane Doe")
        );
        // No colon: a sentence about someone is not a lead-in.
        assert_eq!(
            speaker("Jane Doe wrote a memo.\n\n> We will publish the audit.\n"),
            None
        );
        // A heading between them breaks the lead-in.
        assert_eq!(
            speaker("Jane Doe wrote:\n\n## Next\n\n> We will publish the audit.\n"),
            None
        );
    }

    #[test]
    fn the_section_says_whose_statement_it_is() {
        let markdown = "## Jane Doe's Statement\n\n### Part one\n\n> We will publish the audit.\n\n\
                        \"Every page of it, including the parts that embarrass us.\"\n";
        let found = quotes(markdown);
        assert_eq!(found.len(), 2);
        assert!(found.iter().all(|q| q.1.as_deref() == Some("Jane Doe")));
        assert_eq!(
            speaker("## Reactions\n\n> We will publish the audit.\n"),
            None
        );
    }

    #[test]
    fn a_name_inside_the_quote_is_not_its_speaker() {
        assert_eq!(
            speaker("## Context\n\n> Sam Altman said we would get the compute.\n"),
            None
        );
        assert_eq!(
            speaker("The memo said: \"Sam Altman told us we would get the compute.\""),
            None
        );
        assert_eq!(
            speaker("\"We were told by Sam Altman that compute was coming,\" she said."),
            None
        );
    }

    #[test]
    fn a_surname_becomes_the_full_name_used_elsewhere() {
        let markdown = "Jan Leike resigned.\n\nLeike wrote:\n\n> We were struggling for compute.\n";
        assert_eq!(
            quotes(markdown)[0].1.as_deref(),
            Some("Jan Leike"),
            "{markdown}"
        );
        let markdown = "Leike wrote:\n\n> We were struggling for compute.\n";
        assert_eq!(quotes(markdown)[0].1.as_deref(), Some("Leike"));
    }

    #[test]
    fn what_is_not_an_inline_quote() {
        // Fewer than six words, code, cited titles, a Sources section, inches.
        for markdown in [
            "He called it \"brave but unfunded\" at the time.",
            "Run `echo \"one two three four five six seven\"` first.",
            "- CNN: \"More OpenAI drama as an exec quits over safety\": https://cnn.com/x",
            "## Sources\n\n- \"Resignation letter of Jane Doe, in full, as published\"\n",
            "A 6\" screen and a 7\" screen are not six words of anyone's.",
        ] {
            assert_eq!(quotes(markdown), [], "{markdown}");
        }
        let found = quotes("Line one\nand then \"a quote that starts on the second line\".");
        assert_eq!(found[0].2, 2, "the line where the quote starts");
        assert!(!found[0].3);
    }

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
