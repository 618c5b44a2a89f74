//! Quotes: every outermost block quote, and every quoted statement of six or more words in
//! running text, each with its speaker when the document tells who it is.
//!
//! The speaker is, first that applies: an attribution line inside the quote (`— Name`); the
//! person a lead-in names (`Name said:` in the same sentence or the paragraph before); an
//! attribution right after the quote (`*Name, in a statement*`, `", said Name`); the person
//! whose statement the enclosing section is (`## Name's Statement`). A surname alone becomes
//! the full name the document uses elsewhere.

mod spans;
mod speakers;

use std::ops::Range;

use super::line_index::LineCounter;
use super::names::{self, Who};
use super::outline::{Outline, ScanAhead};
use super::{BlockKind, Quote, QuoteKind, sentences};
use spans::*;
use speakers::*;

pub use spans::strip_enclosing_quotes;
pub(in crate::document) use speakers::HeadingSpeakers;

/// The fewest words a quoted statement in running text needs to count as a quote.
pub const MIN_INLINE_WORDS: usize = 6;

/// Whether `text` has fewer than [`MIN_INLINE_WORDS`] words. Chinese and Japanese leave no
/// space between words: a run of their characters counts a word for every two (the length
/// of most words in them), so `“通过加入PyTorch基金会，我们可以进一步…”` is a statement.
fn too_short(text: &str) -> bool {
    if sentences::has_more_words_than(text, MIN_INLINE_WORDS - 1) {
        return false;
    }
    let mut words = 0;
    for token in text.split_whitespace() {
        let wide = token.chars().filter(|&c| is_cjk(c)).count();
        words += (wide / 2).max(1);
        if words >= MIN_INLINE_WORDS {
            return false;
        }
    }
    true
}

/// Whether `c` is a Chinese character (a Han ideograph) or Japanese kana.
fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}')
}

/// What [`find`] finds: the quotes, and where the reader shows a block quote's speaker.
pub type Found = (Vec<Quote>, Vec<(usize, String)>);

/// Every quote in the outline of `file`, in document order, and for each block quote whose
/// speaker the quote itself does not name, `(block index just after the quote, speaker)` so
/// the reader can show who said it.
pub fn find(outline: &Outline, file: &str) -> Found {
    find_counting(outline, &outline.lines(file))
}

/// [`find`], the lines of the outline's file counted by a clone of `lines`.
pub fn find_counting(outline: &Outline, lines: &LineCounter) -> Found {
    with_speakers(outline, find_parts(outline, lines), false)
}

/// The quotes of `outline` (its file's lines counted by `lines`), their speakers not yet
/// resolved: the block quotes, then those of the running text.
pub(in crate::document) fn find_parts(outline: &Outline, lines: &LineCounter) -> Vec<Part> {
    let headings = HeadingSpeakers::new(outline);
    let block_quotes = in_block_quotes(outline, &headings);
    let running_text = in_running_text(outline, lines, 0..outline.units.len(), &headings);
    vec![block_quotes, running_text]
}

/// Quotes found in one part of a document, their speakers not yet resolved: what
/// [`in_block_quotes`] and [`in_running_text`] find, each on its own (side by side for a big
/// document), and [`with_speakers`] finishes together.
pub(in crate::document) struct Part {
    found: Vec<Pending>,
    /// Where a block quote with nothing in it (a lone `>`) stands: it quotes no one, but it
    /// stands between the block quotes on either side.
    empty_quotes: Vec<usize>,
}

/// The outline's outermost block quotes, each with what the text says of its speaker;
/// `headings` works out whose statement a section is, once for all the quotes asked about on
/// one thread.
pub(in crate::document) fn in_block_quotes(outline: &Outline, headings: &HeadingSpeakers) -> Part {
    let mut found: Vec<Pending> = Vec::new();
    let mut empty_quotes: Vec<usize> = Vec::new();
    // Everyone named in full, looked up when a block quote opens with a speaker's label.
    let mut initials: Option<Vec<String>> = None;
    for qb in &outline.quote_blocks {
        let (text, inside) = block_quote_text(outline, qb);
        if text.is_empty() {
            empty_quotes.push(qb.blocks.start);
            continue;
        }
        let inside = qb.speaker.clone().or(inside);
        let in_its_text = inside
            .is_none()
            .then(|| {
                attribution_inside(outline, qb).or_else(|| {
                    // `> **RA:** …`: an interview's answer, by the person its label names.
                    let label = speaker_label(outline, qb)?;
                    let named = initials.get_or_insert_with(|| named_in_full(outline));
                    names::expand_label(&label, named)
                })
            })
            .flatten();
        let who = inside
            .clone()
            .map(Who::Named)
            .or_else(|| in_its_text.clone())
            .or_else(|| lead_in_before_block(outline, qb.blocks.start, qb.section))
            .or_else(|| attribution_after(outline, qb.blocks.end, qb.section).map(Who::Named))
            .or_else(|| quote_named_after(outline, qb.blocks.end, qb.section).map(Who::Named))
            .or_else(|| said_after(outline, qb.blocks.end, qb.section))
            .or_else(|| labelled_before(outline, qb.blocks.start, qb.section).map(Who::Named))
            .or_else(|| headings.speaker(outline, qb.section).map(Who::Named));
        let shown = qb.speaker.is_some() || (inside.is_none() && in_its_text.is_none());
        found.push(Pending {
            quote: Quote {
                text,
                speaker: None,
                section: qb.section,
                line: qb.line,
                kind: QuoteKind::Block,
            },
            who,
            attribution_at: shown.then_some(qb.blocks.end),
            blocks: qb.blocks.clone(),
            at: 0,
            end: 0,
            opens: true,
        });
    }
    Part {
        found,
        empty_quotes,
    }
}

/// Where to split the outline's prose units for [`in_running_text`] on two threads: at the
/// first heading from the middle on (a quotation never runs on past a heading, so each half
/// finds what it would have found in one search); the second half is empty if there is none.
pub(in crate::document) fn halves(outline: &Outline) -> (Range<usize>, Range<usize>) {
    let len = outline.units.len();
    let middle = len / 2;
    let split = outline
        .heading_units
        .iter()
        .map(|&u| u as usize)
        .find(|&u| u >= middle && u <= len)
        .unwrap_or(len);
    (0..split, split..len)
}

/// The quoted statements in the running text of an outline (its file's lines counted by a
/// clone of `lines`), in its prose units
/// `units` (a range that starts at a heading's unit, or at the first), each with what the
/// text says of its speaker (whose statement a section is, from `headings`, as for
/// [`in_block_quotes`]).
pub(in crate::document) fn in_running_text(
    outline: &Outline,
    lines: &LineCounter,
    units: Range<usize>,
    headings: &HeadingSpeakers,
) -> Part {
    let mut lines = lines.clone();
    let mut found: Vec<Pending> = Vec::new();
    // Blocks without a quotation mark are passed over in one scan of the text.
    let mut marks = ScanAhead::new(next_quotation_mark);
    // Whether each section is a list of citations, worked out when a block in it is reached.
    let mut citations: Vec<Option<bool>> = vec![None; outline.sections.len()];
    // Where the last quotation that ran on past its block closed: (block, offset).
    let mut ran_on: Option<(usize, usize)> = None;
    for unit in outline.units.get(units).unwrap_or_default() {
        let block = &outline.blocks[unit.block()];
        if unit.quote().is_some()
            || !matches!(
                block.kind,
                BlockKind::Paragraph | BlockKind::Item { .. } | BlockKind::Table { .. }
            )
        {
            continue;
        }
        // The blocks a quotation ran on into are part of it, up to its closing mark.
        let from = match ran_on {
            Some((b, _)) if unit.block() < b => continue,
            Some((b, at)) if unit.block() == b => at,
            _ => 0,
        };
        if !marks.holds(&outline.text, block.text_range())
            || in_citation_section(outline, &mut citations, block.section())
        {
            continue;
        }
        let text = outline.text_of(block);
        let code = outline.not_prose(block);
        // A quotation mark in code or in a tag's attributes (`<a href="…">`) pairs with none
        // in the prose: the spans are found in the text with those marks blanked.
        // So does the closing mark of a quotation that ran on into this block from the one
        // before (`… the Arizona fuel,” said Frantz, “It was …`), and what it closes.
        let blanked: Vec<Range<usize>> = std::iter::once(0..from)
            .filter(|r| !r.is_empty())
            .chain(code.iter().cloned())
            .collect();
        let spans = match without_marks_in(text, &blanked) {
            Some(masked) => quoted_spans_running_on(&masked),
            None => quoted_spans_running_on(text),
        };
        // The last quote kept in this block: its sentence's start and its speaker.
        let mut previous: Option<(usize, Option<Who>)> = None;
        // Where the block's sentences end, found once for all its quotes.
        let mut ends: Option<Vec<usize>> = None;
        // The span after an attribution that joined it to the one before.
        let mut joined: Option<usize> = None;
        // The attribution of a span too short to be a quote, and that span's index.
        let mut carried: Option<(usize, Who)> = None;
        for (i, span) in spans.iter().enumerate() {
            if span.outer.start < from || joined == Some(i) {
                continue;
            }
            let mut inner = std::borrow::Cow::Borrowed(text[span.inner.clone()].trim());
            // `"We knew," replied Tom, "that it would fail."`: one statement.
            let mut joined_by: Option<Who> = None;
            let mut end = span.outer.end;
            // Where a quotation that runs on past its block closes: (block, offset).
            let mut closes_in: Option<(usize, usize)> = None;
            // An open-ended span has no closing mark in its outer range.
            let short = || too_short(&inner);
            if span.inner.end < span.outer.end {
                let halves = short().then(|| joined_halves(text, &spans, i)).flatten();
                if let Some((who, next)) = halves {
                    inner = format!("{inner} {}", text[spans[next].inner.clone()].trim()).into();
                    joined = Some(next);
                    joined_by = Some(who);
                    end = spans[next].outer.end;
                }
            } else {
                // Left open at the end of its block: it runs on, or it is no quotation ...
                match running_on(outline, unit.block()) {
                    Some((rest, block_end, close))
                        if i == 0 || !another_closes(outline, &previous, block_end, close) =>
                    {
                        inner = format!("{inner}\n{rest}").into();
                        ran_on = Some((block_end, close));
                        closes_in = Some((block_end, close));
                    }
                    // ... unless it is the second half of a statement whose writer left it
                    // open, its sentences ended with the paragraph: `"…," said Brian Rue.
                    // "We've built … products.`
                    // So is one whose run-on would close in another's words: `“…,” said
                    // Quinn Slack. “Today’s news … world.` then `“We’re excited …” said
                    // Brandon Jung.`
                    _ if i > 0 && inner.ends_with(['.', '!', '?']) => {}
                    _ => continue,
                }
            }
            if too_short(&inner) {
                // `said Albert "Joey" Jefferson`: a nickname inside a name is part of the
                // attribution, which still says whose the next span is.
                if nickname_at(text, span.outer.start).is_some() {
                    carried = carried.take().map(|(_, who)| (i, who));
                    continue;
                }
                // `"Recovery is not automatic," said Dr. Priya Raman. "Where …"`: a span
                // too short to be a quote still says whose the next one is.
                if span.inner.end < span.outer.end {
                    carried = after_in_sentence(&text[span.outer.end..], false).map(|who| (i, who));
                }
                continue;
            }
            if is_citation(&text[span.outer.end..])
                || is_title_of_a_work(&inner)
                || is_named_as_a_title(&text[..span.outer.start])
                || is_cited_after_author(
                    &text[from..span.outer.start],
                    &inner,
                    &text[span.outer.end..],
                )
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
            // In a block a quotation ran on into, its words are no lead-in of the next one:
            // what leads in starts after its closing mark (`…,” said Frantz, “…`).
            let sentence_start = sentences::start_before_in(
                text,
                ends.get_or_insert_with(|| sentences::boundaries(text)),
                span.outer.start,
            )
            .max(from);
            let lead_in = lead_in_without_quotes(text, &spans[..i], sentence_start, span);
            let opens_sentence = lead_in.trim().is_empty();
            // The quotation opens its block: what leads in to it is in the blocks before.
            let opens_block = sentence_start == 0 && opens_sentence;
            let who = joined_by
                .or_else(|| names::who_in_lead_in(&lead_in))
                // `Council President Jack Burrell “wants out of the school business.”`.
                .or_else(|| {
                    inner
                        .starts_with(char::is_lowercase)
                        .then(|| names::name_right_before(&lead_in))
                        .flatten()
                })
                // `X said "…" and added "…"`: the sentence's lead-in named the speaker.
                .or_else(|| {
                    previous
                        .as_ref()
                        .filter(|(start, _)| *start == sentence_start)
                        .and_then(|(_, who)| who.clone())
                })
                .or_else(|| {
                    let before = opens_block
                        .then(|| lead_in_before_block(outline, unit.block(), block.section()))
                        .flatten()?;
                    // The quotation's own attribution, after its closing mark in the sentence.
                    let rest = &text[span.outer.end..];
                    let own = (!leads_in_to_the_next(&inner, rest)
                        && !reports_other_words(&inner, rest))
                    .then(|| after_in_sentence(rest, joined_to(opens_sentence, &inner, rest)))
                    .flatten();
                    let joined = inner.trim_end().ends_with(',');
                    match (before, own) {
                        // `Indulge me in a case study, if you will:` then `“…,” Barrett said`:
                        // a lead-in that names no one, or only a subject with no reporting
                        // verb, gives way to the quotation's own attribution. (A named one
                        // does not: `Lopez delivered the news:` then `“…,” Dana Whitfield
                        // remembers Lopez telling them.` is Lopez's words, passed on.)
                        (Who::Nobody | Who::Narrator | Who::Subject(_), Some(own))
                            if !matches!(own, Who::Nobody | Who::Narrator) =>
                        {
                            Some(own)
                        }
                        // Nor a name the quotation's comma joins to it (`Senator Ann Lee read
                        // from the last letter home:` then `“…,” wrote Private Tom Reyes.`):
                        // who of the two said the words the text does not settle.
                        (Who::Named(lead), Some(Who::Named(other)))
                            if joined && !names::one_person(&lead, &other) =>
                        {
                            Some(Who::Nobody)
                        }
                        (before, _) => Some(before),
                    }
                })
                .or_else(|| {
                    // `Noting that most "…" he recognized …`: the subject after the quotation.
                    subject_after_participle(&lead_in, &text[span.outer.end..])
                })
                .or_else(|| {
                    // A quotation that ran on over a paragraph break is attributed after its
                    // closing mark (`… the Arizona fuel,” said Frantz, “…`).
                    let (b, close) = closes_in?;
                    let closing = outline.blocks.get(b).map(|b| outline.text_of(b))?;
                    {
                        let rest = closing.get(close..)?;
                        after_in_sentence(rest, joined_to(opens_sentence, &inner, rest))
                    }
                })
                .or_else(|| {
                    // `"…the images." He said, "Do it."`: a sentence after a quotation that
                    // ends its own leads in to the next quotation, not back to this one.
                    let rest = &text[span.outer.end..];
                    (!leads_in_to_the_next(&inner, rest) && !reports_other_words(&inner, rest))
                        .then(|| after_in_sentence(rest, joined_to(opens_sentence, &inner, rest)))
                        .flatten()
                })
                .or_else(|| {
                    // `Levy from EPA commented. “…”`: the sentence before ends in its verb.
                    let before = text[..sentence_start].trim_end();
                    (opens_sentence && !before.is_empty())
                        .then(|| {
                            let ends = ends.get_or_insert_with(|| sentences::boundaries(text));
                            let from = sentences::start_before_in(text, ends, before.len() - 1);
                            let whole = &text[from.min(before.len())..before.len()];
                            // `“None of us …,” he explains. “…”`: in a sentence that quotes,
                            // only what follows its last closing mark can name who speaks.
                            let sentence = match whole.rfind(['”', '"']) {
                                Some(at) => {
                                    &whole[at
                                        + whole[at..].chars().next().map_or(1, char::len_utf8)..]
                                }
                                None => whole,
                            };
                            names::speaker_ending_in_verb(sentence)
                                .or_else(|| names::offering_words(sentence))
                                .or_else(|| names::statement_by(sentence))
                                // `Sloss explained that not paying for sets is quite
                                // intentional. "It makes it possible …"`: the words go on
                                // from the speech the sentence before reports in a clause
                                // (`that`, `says it is …`), when it quotes nothing (not
                                // `Jan Leike posted a long thread.`).
                                .or_else(|| {
                                    let plain = !whole.contains(['"', '“', '”']);
                                    plain
                                        .then(|| speech_reported_in_a_clause(sentence))
                                        .flatten()
                                })
                        })
                        .flatten()
                })
                .or_else(|| {
                    // Not the second span of a paragraph whose first named its speaker in the
                    // one sentence between them (`“…,” said Cox. “…”` then an article's byline,
                    // `– Greg Moore`): that span goes on with the speaker before. (After
                    // another sentence, `Residents were not convinced. “…”`, the line signs.)
                    let rest = text[span.outer.end..].trim();
                    let named_before = found.last().is_some_and(|q| {
                        let between = text.get(q.end..span.outer.start).unwrap_or_default().trim();
                        q.blocks.start == unit.block()
                            && matches!(q.who, Some(Who::Named(_)))
                            && sentences::start_before(between, between.len().saturating_sub(1))
                                == 0
                            && between.split_whitespace().any(names::is_reporting_verb)
                    });
                    (rest.is_empty() && !named_before)
                        .then(|| attribution_after(outline, unit.block() + 1, block.section()))
                        .flatten()
                        .map(Who::Named)
                })
                .or_else(|| {
                    // Right after a short span that named its speaker.
                    carried
                        .take()
                        .filter(|(at, _)| *at + 1 == i)
                        .map(|(_, who)| who)
                })
                .or_else(|| {
                    // After a paragraph of reported speech that quoted nothing whole.
                    let quoted_before = found.last().is_some_and(|q| q.blocks.end == unit.block());
                    (opens_block && !quoted_before)
                        .then(|| reported_before(outline, unit.block(), block.section()))
                        .flatten()
                })
                .or_else(|| {
                    // A roundup's bold name above the quotation.
                    opens_block
                        .then(|| labelled_before(outline, unit.block(), block.section()))
                        .flatten()
                        .map(Who::Named)
                })
                .or_else(|| headings.speaker(outline, block.section()).map(Who::Named));
            carried = None;
            previous = Some((sentence_start, who.clone()));
            found.push(Pending {
                quote: Quote {
                    text: inner.into_owned(),
                    speaker: None,
                    section: block.section(),
                    line: outline.line_of(&mut lines, unit, span.outer.start),
                    kind: QuoteKind::Inline,
                },
                who,
                attribution_at: None,
                blocks: unit.block()..unit.block() + 1,
                at: span.outer.start,
                end,
                opens: opens_its_block(text, span.outer.start),
            });
        }
    }
    Part {
        found,
        empty_quotes: Vec::new(),
    }
}

/// `text` with every quotation mark inside one of `ranges` (code, tags) turned into spaces
/// of the same length, so that offsets stay the text's; `None` when no range holds one.
fn without_marks_in(text: &str, ranges: &[Range<usize>]) -> Option<String> {
    let holds_mark = |r: &Range<usize>| {
        text.get(r.clone())
            .is_some_and(|t| t.contains(['"', '“', '”', '„']))
    };
    if !ranges.iter().any(holds_mark) {
        return None;
    }
    // One pass over the text, however many ranges (a paragraph of thousands of tags): the
    // ranges in order, overlapping ones taken from where the last ended.
    let mut ordered: Vec<Range<usize>> = ranges.to_vec();
    ordered.sort_by_key(|r| r.start);
    let mut masked = String::with_capacity(text.len());
    let mut at = 0;
    for r in ordered {
        let (from, to) = (r.start.max(at), r.end.min(text.len()));
        let (Some(before), Some(inside)) = (text.get(at..from), text.get(from..to)) else {
            continue;
        };
        masked.push_str(before);
        for c in inside.chars() {
            match c {
                '"' | '“' | '”' | '„' => (0..c.len_utf8()).for_each(|_| masked.push(' ')),
                c => masked.push(c),
            }
        }
        at = to;
    }
    masked.push_str(text.get(at..).unwrap_or_default());
    Some(masked)
}

/// Whether what follows a quotation that ends a sentence of its own (`"…the images."`) is
/// a new sentence leading in to the next quotation (` He said, "Do it."`).
fn leads_in_to_the_next(inner: &str, rest: &str) -> bool {
    let ended = inner
        .trim_end()
        .trim_end_matches(['"', '”', '\'', '’'])
        .ends_with(['.', '!', '?']);
    if !ended || !rest.starts_with(' ') || !rest.trim_start().starts_with(char::is_uppercase) {
        return false;
    }
    let Some(next) = next_quotation_mark(rest.as_bytes(), 0) else {
        return false;
    };
    // Short: a longer sentence may still be about this quotation's speaker.
    let lead = rest[..next].trim_end();
    lead.ends_with([',', ':'])
        && !lead.contains(['.', '!', '?'])
        && lead.split_whitespace().count() <= 5
}

/// Whether the sentence after a quotation that ends its own sentence reports words of its
/// own rather than naming this quotation's speaker: it opens with no name and reaches its
/// reporting verb only after a clause (`"… It is cool." With little money for extra staff, the
/// students fill an important need, said executive director Matt Koumaras.`). An attribution
/// opens with the speaker or the verb, or reaches the verb within a few words (`Jane Doe
/// said.`, `Says Lieu.`, `The mayor added.`).
fn reports_other_words(inner: &str, rest: &str) -> bool {
    /// How many words may come before the verb of an attribution that opens with no name.
    const NEAR: usize = 3;
    let ended = inner
        .trim_end()
        .trim_end_matches(['"', '”', '\'', '’'])
        .ends_with(['.', '!', '?']);
    if !ended || !rest.starts_with(' ') {
        return false;
    }
    let rest = rest.trim_start();
    let end = sentences::end_after(rest, 0);
    // `"… the same boat now..." Both Americans, Churchill observed, took the news "with
    // admirable fortitude."`: a sentence with a quotation of its own attributes that one.
    if rest[..end].contains(['"', '“']) {
        return true;
    }
    let Some(first) = rest.split_whitespace().next() else {
        return false;
    };
    let first = first.trim_end_matches([',', '.', ';', ':']);
    if !first.starts_with(char::is_uppercase) || !names::is_not_a_name(first) {
        return false;
    }
    rest[..end]
        .split_whitespace()
        .position(names::is_reporting_verb)
        .is_some_and(|at| at > NEAR)
}

/// The quotes of all the parts in document order, each with its speaker as a full name (see
/// [`find`]), and where the reader shows a block quote's speaker. The full names are looked
/// for on two threads when `two_threads`; the answer is the same.
pub(in crate::document) fn with_speakers(
    outline: &Outline,
    mut parts: Vec<Part>,
    two_threads: bool,
) -> Found {
    // The quotes are taken in document order from where each part found them, through a list
    // of where they are (8 bytes a quote): not moved into one list and sorted there, which
    // for a 200 MB dossier's 125,000 quotes is 20 MB copied and 10 MB of scratch.
    let mut order: Vec<(u32, u32)> = Vec::with_capacity(parts.iter().map(|p| p.found.len()).sum());
    for (n, part) in parts.iter().enumerate() {
        order.extend(
            (0..part.found.len()).map(|i| (crate::document::narrow(n), crate::document::narrow(i))),
        );
    }
    let pending = |&(n, i): &(u32, u32)| &parts[n as usize].found[i as usize];
    order.sort_by_key(|at| {
        let p = pending(at);
        (p.quote.line, p.blocks.start, p.at)
    });
    let found: Vec<&Pending> = order.iter().map(pending).collect();
    let empty_quotes: Vec<usize> = parts
        .iter()
        .flat_map(|p| p.empty_quotes.iter().copied())
        .collect();
    let speakers = resolve_speakers(outline, &found, &empty_quotes, two_threads);
    drop(found);
    let mut attributions = Vec::new();
    let quotes = order
        .into_iter()
        .zip(speakers)
        .map(|((n, i), speaker)| {
            let p = &mut parts[n as usize].found[i as usize];
            let mut q = Quote {
                text: std::mem::take(&mut p.quote.text),
                speaker: None,
                ..p.quote
            };
            q.speaker = speaker;
            if let (Some(at), Some(s)) = (p.attribution_at, &q.speaker) {
                attributions.push((at, s.clone()));
            }
            q
        })
        .collect();
    (quotes, attributions)
}

/// A quote found, before its speaker is known for sure.
struct Pending {
    quote: Quote,
    /// What the text says of who said it.
    who: Option<Who>,
    /// Where the reader shows its speaker, for a block quote that does not name them.
    attribution_at: Option<usize>,
    /// The blocks it is in (one for a quote in running text).
    blocks: std::ops::Range<usize>,
    /// Where it opens in its block's text.
    at: usize,
    /// Where it closes in its block's text (after its joined half, if any).
    end: usize,
    /// Whether it opens its block.
    opens: bool,
}

/// Whether a quotation opens its sentence and a comma joins it to what follows (`“…,”
/// highlights …`, `“…”, highlights …`): what follows is then its attribution, whatever the
/// verb.
pub(super) fn joined_to(opens_sentence: bool, inner: &str, rest: &str) -> bool {
    opens_sentence && (inner.trim_end().ends_with(',') || rest.trim_start().starts_with(','))
}

/// Whether the paragraph a span left open would run on into closes in the words of someone
/// other than the one its own paragraph quoted before it (`previous`): the quotation that
/// closes there is theirs (`“We’re excited …” said Brandon Jung.`), and the span was left
/// open by mistake.
fn another_closes(
    outline: &Outline,
    previous: &Option<(usize, Option<Who>)>,
    block_end: usize,
    close: usize,
) -> bool {
    let Some((_, Some(Who::Named(before)))) = previous else {
        return false;
    };
    let closing = outline.blocks.get(block_end).map(|b| outline.text_of(b));
    let after = closing
        .and_then(|text| text.get(close..))
        .and_then(|rest| after_in_sentence(rest, false));
    matches!(after, Some(Who::Named(other)) if !names::one_person(before, &other))
}

#[cfg(test)]
mod tests {

    #[test]
    fn quotation_marks_in_tags_and_code_are_blanked_in_place() {
        let text = "At <a href=\"x\">the “Summit”</a> `say \"hi\"` “We came,” she said.";
        let tag = text.find('<').unwrap()..text.find('>').unwrap() + 1;
        let code = text.find('`').unwrap()..text.rfind('`').unwrap() + 1;
        let masked = without_marks_in(text, &[code.clone(), tag.clone()]).unwrap();
        assert_eq!(masked.len(), text.len(), "offsets stay the text's");
        assert_eq!(&masked[tag], "<a href= x >");
        assert_eq!(&masked[code], "`say  hi `");
        // The element's words and the prose keep their marks.
        assert!(masked.contains("the “Summit”") && masked.ends_with("“We came,” she said."));
        let tags = vec![9..12, 16..20];
        assert_eq!(without_marks_in("no marks <b>here</b>", &tags), None);
    }

    #[test]
    fn a_title_keeps_its_prepositions_in_lower_case() {
        let text = "# Awards\n\nThe grants went to “Expanding Heliophysics Scientific Discovery \
                    through HelioAnalytics” and to “Analysis of Abiotic Peptides with \
                    Noncanonical Amino Acids” this year.\n";
        assert!(quotes(text).is_empty(), "{:?}", quotes(text));
    }

    #[test]
    fn a_statement_in_chinese_counts_its_words_without_spaces() {
        assert!(!too_short("通过加入联盟，我们可以与其他成员共同推动。"));
        assert!(too_short("开放照明"));
        assert!(too_short("a short one here"));
        assert!(!too_short("six words make a quote here"));
    }

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
    fn a_straight_quotation_closes_after_the_one_nested_in_it() {
        let inner = |text: &str| -> Vec<String> {
            quoted_spans(text)
                .into_iter()
                .map(|s| text[s.inner].to_string())
                .collect()
        };
        let text = "\"The show was called \"Tom Jones and Friends,\"\" he said, \"and had \
                    Mark of \"Dire Straits.\" We sang \"Home\" as a duet.\"";
        assert_eq!(
            inner(text),
            [
                "The show was called \"Tom Jones and Friends,\"",
                "and had Mark of \"Dire Straits.\" We sang \"Home\" as a duet."
            ]
        );
        // A mark that follows a space and a comma before a verb still closes.
        let text = "\"We shipped it on time, \" said Jo. \"Then \"we rested\".\"";
        assert_eq!(inner(text)[0], "We shipped it on time, ");
        // Marks that pair no other way are read as before: the first closes.
        let text = "\"One \"two \"three\" four\" five\"";
        assert_eq!(inner(text)[0], "One ");
    }

    #[test]
    fn cited_titles_are_not_statements() {
        assert!(is_citation(": https://example.com/x"));
        assert!(is_citation(" (https://example.com)"));
        assert!(!is_citation(", he said."));
    }

    fn named(who: Option<Who>) -> Option<String> {
        match who {
            Some(Who::Named(n)) => Some(n),
            _ => None,
        }
    }

    #[test]
    fn speakers_after_the_quote() {
        assert_eq!(
            named(after_in_sentence(", said Jane Doe.", false)).as_deref(),
            Some("Jane Doe")
        );
        assert_eq!(
            named(after_in_sentence(" Jane Doe said.", false)).as_deref(),
            Some("Jane Doe")
        );
        assert_eq!(
            named(after_in_sentence(", according to Jane Doe.", false)).as_deref(),
            Some("Jane Doe")
        );
        assert_eq!(
            named(after_in_sentence(" — Jane Doe", false)).as_deref(),
            Some("Jane Doe")
        );
        assert_eq!(after_in_sentence(" and then it rained.", false), None);
        // The sentence goes on past the quotation: no attribution follows it.
        assert_eq!(
            after_in_sentence(" to regard her so, as Babbage wrote the programs.", false),
            None
        );
        // The speaker is the pronoun's, never a name inside the next quotation.
        assert_eq!(
            after_in_sentence(
                ", she said, adding \"Sam Altman said we would get compute\".",
                false
            ),
            Some(Who::Pronoun(Some(names::given::Gender::Female)))
        );
        assert_eq!(
            named(after_in_sentence(
                ", Jane Doe said, adding \"Sam Altman said so\".",
                false
            ))
            .as_deref(),
            Some("Jane Doe")
        );
    }

    /// The speakers of every quote in `markdown`, in order.
    fn speakers(markdown: &str) -> Vec<Option<String>> {
        quotes(markdown).into_iter().map(|q| q.1).collect()
    }

    #[test]
    fn a_role_title_names_the_person_the_text_gives_in_full() {
        let text = "Minister Catriona Bell announced the rules on Monday.\n\n\"We have listened carefully to every single submission,\" Minister Bell said.\n";
        assert_eq!(speakers(text), [Some("Catriona Bell".into())]);
        let text = "Mayor Tom Ellery told the chamber: \"Nobody here ran for office to close a library.\"\n";
        assert_eq!(speakers(text), [Some("Tom Ellery".into())]);
        // A form of address is not taken for the full name (`Mrs. Okafor` may be his mother).
        let text = "Daniel Okafor reopened the bakery.\n\n\"I have seen three floods on this street,\" said Mrs. Okafor.\n";
        assert_eq!(speakers(text), [Some("Mrs. Okafor".into())]);
    }

    #[test]
    fn a_pronoun_stands_for_the_subject_of_the_paragraph_before() {
        let text = "Tom Ellery said he would meet Minister Gordon Pask next week.\n\n\"I am going to make the same case I made last fall,\" he said.\n";
        assert_eq!(speakers(text), [Some("Tom Ellery".into())]);
        // Someone whose given name is known before a run of capitals that names a thing.
        let text = "The ladder leans on the last Northern Spy when Walter Pruitt walks up.\n\n\"My father planted that row the year I was born,\" he says.\n";
        assert_eq!(speakers(text), [Some("Walter Pruitt".into())]);
        // A given name alone that one person named in full has.
        let text = "Walter Pruitt grows apples.\n\nWalter is not convinced.\n\n\"Dr. Nwosu is a very smart woman indeed,\" he says.\n";
        assert_eq!(speakers(text), [Some("Walter Pruitt".into())]);
    }

    #[test]
    fn an_interview_label_names_the_answer_s_speaker() {
        let text = "We spoke with Ruth Abernathy about tides.\n\n**Q: How did it start?**\n\n> **RA:** The thing nobody tells you is that the hard part is the data.\n\n> **Q:** And the math is solved?\n";
        assert_eq!(speakers(text), [Some("Ruth Abernathy".into()), None]);
    }

    #[test]
    fn the_subject_of_two_verbs_said_it() {
        let text = "Ailsa Morrow, who chairs the residents' group, welcomed the plan but said it had come \"years later than it should have.\"\n";
        assert_eq!(speakers(text), [Some("Ailsa Morrow".into())]);
    }

    #[test]
    fn a_second_span_keeps_its_speaker_whatever_the_first_one_says() {
        let text = "Tobias Arden founded it.\n\n\"When Tobias and I started Northmoor, we were trying to stop one gearbox failing,\" said Mireille Chan, the co-founder. \"Joining Veltrane lets us put that work in front of thousands.\"\n\n\"It was the right call for the team,\" said Tobias Arden.\n";
        assert_eq!(
            speakers(text),
            [
                Some("Mireille Chan".into()),
                Some("Mireille Chan".into()),
                Some("Tobias Arden".into())
            ]
        );
    }

    #[test]
    fn talks_titled_in_quotation_marks_are_no_quotes() {
        assert!(
            quotes("A talk titled \"I read every issue in the tracker so you don't have to.\"\n")
                .is_empty()
        );
        assert!(
            quotes("She spoke on \"Harmonic analysis for people who hate Fourier transforms.\"\n")
                .is_empty()
        );
    }

    #[test]
    fn names_as_transcripts_courts_and_parliaments_write_them() {
        // A transcript's capitals.
        let text =
            "> **MARIA LOPEZ:** It was the winter the river froze over and nobody could cross.\n";
        assert_eq!(speakers(text), [Some("Maria Lopez".into())]);
        // The person opening the subject, not the court after `of`.
        let text = "Judge Miriam Castellanos of the Harmon County Superior Court wrote that the claim \"presented no question the court could answer\".\n";
        assert_eq!(speakers(text), [Some("Miriam Castellanos".into())]);
        // Honorifics and letters after the name.
        let text = "The Minister for Local Transport, Hon. Felicity Grainger MP, said: \"Every scooter on a footpath is one too many for us.\"\n";
        assert_eq!(speakers(text), [Some("Felicity Grainger".into())]);
        // Particles inside a name.
        let text = "Our longest-serving maintainer, Joost van Rijn, said of the release: \"Every line of this was argued over twice.\"\n";
        assert_eq!(speakers(text), [Some("Joost van Rijn".into())]);
        // `who declared`, with a title before the name.
        let text = "It was opened by the mayor, Alderman Josiah Penrose, who declared it \"a bridge fit for a city of the future\".\n";
        assert_eq!(speakers(text), [Some("Josiah Penrose".into())]);
        // A title in a dash attribution.
        let text =
            "> Recovery takes decades, not years.\n>\n> — Dr. Harriet Lund, Dean of Science\n";
        assert_eq!(speakers(text), [Some("Harriet Lund".into())]);
    }

    #[test]
    fn a_short_span_still_names_the_speaker_of_the_next() {
        let text = "\"Recovery is not automatic,\" said Dr. Priya Raman, who led the study. \"Where the water is murky, the reefs simply stall.\"\n";
        assert_eq!(quotes(text)[0].1.as_deref(), Some("Priya Raman"));
        let text = "In a ruling issued Oct. 17, 2023, Judge Miriam Castellanos of the Harmon County Superior Court wrote that he had \"presented enough evidence to let a jury decide\".\n";
        assert_eq!(speakers(text), [Some("Miriam Castellanos".into())]);
    }
}
