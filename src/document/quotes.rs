//! Quotes: every outermost block quote, and every quoted statement of six or more words in
//! running text, each with its speaker when the document tells who it is.
//!
//! The speaker is, first that applies: an attribution line inside the quote (`— Name`); the
//! person a lead-in names (`Name said:` in the same sentence or the paragraph before); an
//! attribution right after the quote (`*Name, in a statement*`, `", said Name`); the person
//! whose statement the enclosing section is (`## Name's Statement`). A surname alone becomes
//! the full name the document uses elsewhere.

use std::cell::OnceCell;

use super::names::{self, Directory, Who};
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
    let mut found: Vec<Pending> = Vec::new();
    // Where a block quote with nothing in it (a lone `>`) stands: it quotes no one, but it
    // stands between the block quotes on either side.
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
    // Blocks without a quotation mark are passed over in one scan of the text.
    let mut marks = ScanAhead::new(next_quotation_mark);
    // Whether each section is a list of citations, worked out when a block in it is reached.
    let mut citations: Vec<Option<bool>> = vec![None; outline.sections.len()];
    // Where the last quotation that ran on past its block closed: (block, offset).
    let mut ran_on: Option<(usize, usize)> = None;
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
        let spans = quoted_spans_running_on(text);
        let code = outline.not_prose(block);
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
            // An open-ended span has no closing mark in its outer range.
            let short = || inner.split_whitespace().nth(MIN_INLINE_WORDS - 1).is_none();
            if span.inner.end < span.outer.end {
                let halves = short().then(|| joined_halves(text, &spans, i)).flatten();
                if let Some((who, next)) = halves {
                    inner = format!("{inner} {}", text[spans[next].inner.clone()].trim()).into();
                    joined = Some(next);
                    joined_by = Some(who);
                    end = spans[next].outer.end;
                }
            } else {
                // Left open at the end of its block: it runs on, or it is no quotation.
                let Some((rest, block_end, close)) = running_on(outline, unit.block()) else {
                    continue;
                };
                inner = format!("{inner}\n{rest}").into();
                ran_on = Some((block_end, close));
            }
            if inner.split_whitespace().nth(MIN_INLINE_WORDS - 1).is_none() {
                // `"Recovery is not automatic," said Dr. Priya Raman. "Where …"`: a span
                // too short to be a quote still says whose the next one is.
                if span.inner.end < span.outer.end {
                    carried = after_in_sentence(&text[span.outer.end..]).map(|who| (i, who));
                }
                continue;
            }
            if is_citation(&text[span.outer.end..])
                || is_title_of_a_work(&inner)
                || is_named_as_a_title(&text[..span.outer.start])
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
            let opens_sentence = lead_in.trim().is_empty();
            let who = joined_by
                .or_else(|| names::who_in_lead_in(&lead_in))
                // `X said "…" and added "…"`: the sentence's lead-in named the speaker.
                .or_else(|| {
                    previous
                        .as_ref()
                        .filter(|(start, _)| *start == sentence_start)
                        .and_then(|(_, who)| who.clone())
                })
                .or_else(|| {
                    (sentence_start == 0 && opens_sentence)
                        .then(|| lead_in_before_block(outline, unit.block(), block.section()))
                        .flatten()
                })
                .or_else(|| after_in_sentence(&text[span.outer.end..]))
                .or_else(|| {
                    // `Levy from EPA commented. “…”`: the sentence before ends in its verb.
                    let before = text[..sentence_start].trim_end();
                    (opens_sentence && !before.is_empty())
                        .then(|| {
                            let ends = ends.get_or_insert_with(|| sentences::boundaries(text));
                            let from = sentences::start_before_in(text, ends, before.len() - 1);
                            names::speaker_ending_in_verb(
                                &text[from.min(before.len())..before.len()],
                            )
                        })
                        .flatten()
                })
                .or_else(|| {
                    let rest = text[span.outer.end..].trim();
                    rest.is_empty()
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
    found.sort_by_key(|p| (p.quote.line, p.blocks.start, p.at));
    let speakers = resolve_speakers(outline, &found, &empty_quotes);
    let mut attributions = Vec::new();
    let quotes = found
        .into_iter()
        .zip(speakers)
        .map(|(p, speaker)| {
            let mut q = p.quote;
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

/// Every quote's speaker as a full name, in the order of `found`: a name as the document
/// names the person in full; a pronoun as the person last named, in the quote's paragraph
/// or the one before; a quote that says nothing as the speaker of the quote before it,
/// when that is in the same paragraph or it opens the next one.
fn resolve_speakers(
    outline: &Outline,
    found: &[Pending],
    empty_quotes: &[usize],
) -> Vec<Option<String>> {
    // The surnames (and given names) whose full names are looked for in the text: of a name
    // alone or after a role; of a full name only where the text writes suffixes (`Walter
    // Pryce` → `Walter Pryce, Jr.`), which most never do.
    let suffixed = names::has_suffixes(&outline.text);
    let short: Vec<&str> = found
        .iter()
        .filter_map(|p| match &p.who {
            Some(Who::Named(s)) if !names::is_addressed(s) => {
                let alone = !s.contains(' ') || names::is_titled(s);
                (alone || suffixed)
                    .then(|| s.split_whitespace().next_back())
                    .flatten()
            }
            _ => None,
        })
        .collect();
    let directory = (!short.is_empty()).then(|| directory(outline, short));
    let mut out: Vec<Option<String>> = Vec::with_capacity(found.len());
    let mut people = names::People::default();
    // Each speaker's last quote so far, and the speakers by surname.
    let mut last_quoted: std::collections::HashMap<String, usize> = Default::default();
    let mut quoted_as: std::collections::HashMap<String, Vec<String>> = Default::default();
    for p in found {
        let Some(Who::Named(s)) = &p.who else {
            out.push(None);
            continue;
        };
        let written = names::as_written_name(s);
        let full = match &directory {
            // `Minister Bell`: the one Bell the text names in full, when that can be them.
            Some(dir) if names::is_titled(&written) && !names::is_addressed(&written) => {
                let surname = written.split_whitespace().next_back().unwrap_or_default();
                let title = written.split_whitespace().next().unwrap_or_default();
                match dir.candidates(surname).as_slice() {
                    [one] if names::gender_allows(one, names::given::of_honorific(title)) => {
                        one.to_string()
                    }
                    _ => written,
                }
            }
            Some(dir) if !names::is_titled(&written) => {
                let mut candidates: Vec<&str> = dir.candidates(&written);
                if !written.contains(' ') {
                    // Those already quoted under that surname count too (`Mr. Reyes`).
                    for said in quoted_as.get(written.as_str()).into_iter().flatten() {
                        if !candidates.contains(&said.as_str()) {
                            candidates.push(said);
                        }
                    }
                }
                match candidates.as_slice() {
                    [one] => one.to_string(),
                    [] => written,
                    // Several people share the name: the one quoted last, if any.
                    several => several
                        .iter()
                        .filter_map(|c| last_quoted.get(*c).map(|&at| (at, *c)))
                        .max()
                        .map_or(written, |(_, c)| c.to_string()),
                }
            }
            _ => written,
        };
        last_quoted.insert(full.clone(), out.len());
        let surname = names::surname_of(&full).to_string();
        let under = quoted_as.entry(surname).or_default();
        if !under.contains(&full) {
            under.push(full.clone());
        }
        people.add(&full);
        out.push(Some(full));
    }
    // Everyone the document names in full, and the speakers: who a pronoun can stand for.
    let mut everyone: Option<names::People> = None;
    for k in 0..found.len() {
        let p = &found[k];
        let speaker = match &p.who {
            Some(Who::Named(_)) => continue,
            Some(Who::Nobody) => None,
            Some(Who::Pronoun(gender)) => {
                let everyone = everyone.get_or_insert_with(|| everyone_named(outline, &out));
                antecedent(outline, found, &out, everyone, k, *gender)
            }
            None => continued(outline, found, empty_quotes, &out, &people, k),
        };
        out[k] = speaker;
    }
    out
}

/// The people a pronoun can stand for: everyone the document's prose names in full or by
/// title and surname, and every speaker found so far.
fn everyone_named(outline: &Outline, speakers: &[Option<String>]) -> names::People {
    let mut everyone = names::People::default();
    for block in &outline.blocks {
        if matches!(block.kind, BlockKind::Paragraph | BlockKind::Item { .. }) {
            for (_, name) in names::person_mentions(outline.text_of(block)) {
                everyone.add(&name);
            }
        }
    }
    for name in speakers.iter().flatten() {
        everyone.add(name);
    }
    everyone
}

/// Whether quote `j` sits in the block just before quote `k`'s, in the same section, with no
/// empty block quote between.
fn just_before(
    outline: &Outline,
    found: &[Pending],
    empty_quotes: &[usize],
    j: usize,
    k: usize,
) -> bool {
    let (a, b) = (&found[j], &found[k]);
    a.blocks.end == b.blocks.start
        && !empty_quotes.contains(&b.blocks.start)
        && a.quote.section == b.quote.section
        && outline.blocks.get(b.blocks.start).is_some()
}

/// The person a pronoun in quote `k`'s attribution stands for: the last person named before
/// it, in its paragraph or the one before (speakers of quotes there count as named), when
/// the pronoun's gender does not rule them out.
fn antecedent(
    outline: &Outline,
    found: &[Pending],
    out: &[Option<String>],
    people: &names::People,
    k: usize,
    gender: Option<names::given::Gender>,
) -> Option<String> {
    /// How many blocks back, within the section, the last person named is looked for.
    const REACH: usize = 4;
    let p = &found[k];
    // Nothing before a heading is the antecedent of what follows it.
    let first = (p.blocks.start.saturating_sub(REACH)..p.blocks.start)
        .rev()
        .find(|&b| {
            outline.blocks.get(b).is_none_or(|block| {
                block.section() != p.quote.section
                    || matches!(block.kind, BlockKind::Heading { .. })
            })
        })
        .map_or(p.blocks.start.saturating_sub(REACH), |b| b + 1);
    // Every mention: (block, offset, name); the latest whose gender the pronoun allows wins.
    let mut mentions: Vec<(usize, usize, String)> = Vec::new();
    for b in first..p.blocks.end {
        let Some(block) = outline.blocks.get(b) else {
            continue;
        };
        if block.section() != p.quote.section || matches!(block.kind, BlockKind::Heading { .. }) {
            break;
        }
        let text = outline.text_of(block);
        // Before the quote in its own block; a block quote's own text names no antecedent.
        let until = match (b >= p.blocks.start, p.quote.kind) {
            (false, _) => text.len(),
            (true, QuoteKind::Block) => 0,
            (true, QuoteKind::Inline) => p.at,
        };
        let before = &text[..until.min(text.len())];
        for (at, name) in people.mentions(before) {
            mentions.push((b, at, name.to_string()));
        }
    }
    for j in (0..k).rev() {
        let q = &found[j];
        if q.blocks.end <= first || q.quote.section != p.quote.section {
            break;
        }
        if let Some(s) = &out[j] {
            mentions.push((q.blocks.start, q.at, s.clone()));
        }
    }
    mentions.sort_by_key(|m| (m.0, m.1));
    // The paragraph that last names someone, and in it the first person named that the
    // pronoun can be: the subject before those named after it (`Ellery said he would meet
    // Pask. "…," he said` is Ellery's); never someone further back.
    // Someone quoted, or whose given name is known, before a capitalised run that may
    // name a thing (`the last Northern Spy when Walter Pruitt walks me up`).
    let last_block = mentions.last()?.0;
    let allowed: Vec<String> = mentions
        .into_iter()
        .filter(|m| m.0 == last_block && names::gender_allows(&m.2, gender))
        .map(|m| m.2)
        .collect();
    let surely_a_person = |name: &String| {
        out.contains(&Some(name.clone()))
            || name
                .split_whitespace()
                .next()
                .is_some_and(|given| names::given::of_given_name(given).is_some())
    };
    let name = allowed
        .iter()
        .find(|n| surely_a_person(n))
        .or_else(|| allowed.first())?;
    Some(name.clone())
}

/// The speaker quote `k` keeps from the quote before it: that quote's, when it is in the same
/// paragraph with no one else named between, or in the block just before and `k` opens its
/// own (a block quote after a block quote, a paragraph that opens with the quotation).
fn continued(
    outline: &Outline,
    found: &[Pending],
    empty_quotes: &[usize],
    out: &[Option<String>],
    people: &names::People,
    k: usize,
) -> Option<String> {
    let j = k.checked_sub(1)?;
    let (before, p) = (&found[j], &found[k]);
    let speaker = out[j].clone()?;
    let same_block = before.blocks == p.blocks && p.quote.kind == QuoteKind::Inline;
    if same_block {
        let text = outline.text_of(outline.blocks.get(p.blocks.start)?);
        // Names inside the quotation before are its words, not someone named between.
        let between = text.get(before.end.min(p.at)..p.at).unwrap_or_default();
        let someone_else = people
            .mentions(between)
            .into_iter()
            .any(|(_, n)| n != speaker);
        return (!someone_else).then_some(speaker);
    }
    let kinds_agree = before.quote.kind == p.quote.kind || p.quote.kind == QuoteKind::Inline;
    (p.opens && kinds_agree && just_before(outline, found, empty_quotes, j, k)).then_some(speaker)
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

/// The speaker named by the paragraph just before block `block`, when it ends with a colon
/// or in its reporting verb (`Jane Doe said.`).
fn lead_in_before_block(outline: &Outline, block: usize, section: Option<usize>) -> Option<Who> {
    let before = outline.blocks.get(block.checked_sub(1)?)?;
    if before.section() != section
        || before.quote_depth > 0
        || !matches!(before.kind, BlockKind::Paragraph | BlockKind::Item { .. })
    {
        return None;
    }
    let text = outline.text_of(before).trim_end();
    // Only a paragraph that ends in a colon, a reporting verb or a gesture leads in.
    if !text.ends_with(':') && !names::ends_in_reporting_verb(text) {
        return None;
    }
    let start = sentences::start_before(text, text.len().saturating_sub(1));
    let sentence = &text[start..];
    if !text.ends_with(':') {
        // `Ellen Langhans, Program Manager at DHS, said.` leads into what follows; `"…,"
        // Evans said.` closes its own quotation.
        let quotes_itself = sentence.contains(['"', '“', '”']);
        return (!quotes_itself)
            .then(|| names::speaker_ending_in_verb(sentence))
            .flatten();
    }
    names::who_in_lead_in(sentence)
}

/// The speaker of a block quote that opens with a quotation attributed inside it:
/// `> "In 1998, SAP started…," says Giese. "…"` is Giese's.
fn attribution_inside(outline: &Outline, qb: &QuoteBlock) -> Option<Who> {
    let unit = outline.units.get(qb.units.clone())?.first()?;
    let block = outline.blocks.get(unit.block())?;
    let text = outline.text_of(block);
    if !text
        .trim_start_matches(['*', '_', ' '])
        .starts_with(['"', '“'])
    {
        return None;
    }
    let spans = quoted_spans(text);
    // Where the sentences end, found only when a span has words before it.
    let mut ends: Option<Vec<usize>> = None;
    for (i, span) in spans.iter().enumerate() {
        let opens = opens_its_block(text, span.outer.start);
        let in_lead_in = (!opens)
            .then(|| {
                let ends = ends.get_or_insert_with(|| sentences::boundaries(text));
                let start = sentences::start_before_in(text, ends, span.outer.start);
                names::who_in_lead_in(&lead_in_without_quotes(text, &spans[..i], start, span))
            })
            .flatten();
        if let Some(who) = in_lead_in.or_else(|| after_in_sentence(&text[span.outer.end..])) {
            return Some(who);
        }
    }
    None
}

/// The label a block quote opens with in bold, as an interview sets its answers:
/// `> **RA:** …` → `RA`, `> **Jane Doe**: …` → `Jane Doe`.
fn speaker_label(outline: &Outline, qb: &QuoteBlock) -> Option<String> {
    let unit = outline.units.get(qb.units.clone())?.first()?;
    let block = outline.blocks.get(unit.block())?;
    let text = outline.text_of(block);
    let strong = outline
        .marks_of(block)
        .iter()
        .find(|m| m.style == Inline::Strong && m.range.start == 0)?;
    let label = text.get(strong.range.clone())?.trim();
    let after = text.get(strong.range.end..)?;
    let label = match label.strip_suffix(':') {
        Some(label) => label,
        None if after.starts_with(':') => label,
        None => return None,
    };
    let words = label.split_whitespace().count();
    (1..=4).contains(&words).then(|| label.trim().to_string())
}

/// Everyone the document's prose names in full, in order of first mention.
fn named_in_full(outline: &Outline) -> Vec<String> {
    let mut named: Vec<String> = Vec::new();
    for block in &outline.blocks {
        if matches!(
            block.kind,
            BlockKind::Paragraph | BlockKind::Item { .. } | BlockKind::Heading { .. }
        ) {
            for (_, name) in names::person_mentions(outline.text_of(block)) {
                if !named.contains(&name) {
                    named.push(name);
                }
            }
        }
    }
    named
}

/// `This quote from writer Heidi Waterhouse …` right after a block quote names its speaker.
fn quote_named_after(outline: &Outline, block: usize, section: Option<usize>) -> Option<String> {
    let after = outline.blocks.get(block)?;
    if after.section() != section || !matches!(after.kind, BlockKind::Paragraph) {
        return None;
    }
    let text = outline.text_of(after);
    let words: Vec<&str> = text.split_whitespace().take(12).collect();
    let [this, noun, by, rest @ ..] = words.as_slice() else {
        return None;
    };
    let this = ["This", "That", "The", "These", "Those"].contains(this);
    let noun = [
        "quote",
        "quotation",
        "quotes",
        "words",
        "line",
        "lines",
        "passage",
    ]
    .contains(&noun.trim_end_matches(','));
    let by = ["from", "by", "of"].contains(by);
    if !(this && noun && by) {
        return None;
    }
    names::name_from(rest)
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
fn after_in_sentence(rest: &str) -> Option<Who> {
    // Up to the next quotation at most: a name inside it is not this quote's speaker.
    let next_quote = next_quotation_mark(rest.as_bytes(), 0).unwrap_or(rest.len());
    let end = sentences::end_after_until(rest, 0, next_quote);
    let tail = rest[..end].trim_start_matches([',', '.', ' ']);
    if tail.is_empty() {
        return None;
    }
    if is_attribution_line(tail) {
        return names::name_in_attribution(tail).map(Who::Named);
    }
    names::according_to(tail)
        .map(Who::Named)
        .or_else(|| names::who_in_lead_in(tail.trim_end_matches(['.', '!', '?'])))
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
        if close_char == '"' && !opens_a_word(text, open) {
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

/// [`quoted_spans`], and last a quotation mark that opens a word with no closing mark after
/// it: a span to the end of the text, whose inner range ends where its outer one does.
fn quoted_spans_running_on(text: &str) -> Vec<Span> {
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
/// [`opens_a_word`]).
fn opening_mark(text: &str, from: usize) -> Option<usize> {
    text.get(from..)?
        .char_indices()
        .find(|&(at, c)| c == '“' || (c == '"' && opens_a_word(text, from + at)))
        .map(|(at, _)| from + at)
}

/// Whether a straight quotation mark at `at` opens a word: it starts the text or follows
/// whitespace or an opening bracket or dash, where a closing mark never stands.
fn opens_a_word(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_none_or(|c| c.is_whitespace() || "([{—–:;-/".contains(c))
}

/// Whether a quotation at `at` opens its block: nothing but emphasis marks and spaces
/// before it.
fn opens_its_block(text: &str, at: usize) -> bool {
    text.as_bytes()[..at]
        .iter()
        .all(|b| matches!(b, b'*' | b'_' | b' '))
}

/// A quotation left open at the end of block `block`, run on through the blocks after it in
/// its section: to the closing mark in the next paragraph, or over paragraphs that each open
/// with a quotation mark (a speech) to the one that closes. Its text after the first block,
/// the block it closes in, and where it closes there.
fn running_on(outline: &Outline, block: usize) -> Option<(String, usize, usize)> {
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

/// Two halves of one statement joined only by an attribution, each too short to be a quote
/// alone: `"We knew," replied Tom, "that it would fail."` Who the attribution names, and the
/// second half's index.
fn joined_halves(text: &str, spans: &[Span], i: usize) -> Option<(Who, usize)> {
    /// The most words an attribution between two halves has.
    const LONGEST_ATTRIBUTION: usize = 8;
    let (first, second) = (spans.get(i)?, spans.get(i + 1)?);
    let words = |s: &Span| text[s.inner.clone()].split_whitespace().count();
    if words(first) >= MIN_INLINE_WORDS || words(second) >= MIN_INLINE_WORDS {
        return None;
    }
    let between = text.get(first.outer.end..second.outer.start)?;
    let between = between.trim_matches([',', ' ']);
    if between.is_empty()
        || between.split_whitespace().count() > LONGEST_ATTRIBUTION
        || between.contains(['.', '!', '?', ';'])
    {
        return None;
    }
    Some((names::who_in_lead_in(between)?, i + 1))
}

/// Whether the words before a quoted span name what follows as a title: `a talk titled "…"`,
/// `an essay entitled "…"`, `spoke on "…"`.
fn is_named_as_a_title(before: &str) -> bool {
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
    titled || on
}

/// Whether a quoted span is the title of a work (an article, a report, a talk), written in
/// title case: every word of four letters or more capitalised, at least three of them, and
/// no sentence inside.
fn is_title_of_a_work(inner: &str) -> bool {
    // Most quotations have fewer capitals than a title's three: one pass over the bytes.
    if inner.bytes().filter(u8::is_ascii_uppercase).take(3).count() < 3 {
        return false;
    }
    let long: Vec<&str> = inner
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().count() >= 4)
        .collect();
    let sentence_inside = inner
        .trim_end_matches(['.', '!', '?', ',', ' '])
        .contains(['.', '!', '?']);
    long.len() >= 3
        && long
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        && !sentence_inside
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

    fn named(who: Option<Who>) -> Option<String> {
        match who {
            Some(Who::Named(n)) => Some(n),
            _ => None,
        }
    }

    #[test]
    fn speakers_after_the_quote() {
        assert_eq!(
            named(after_in_sentence(", said Jane Doe.")).as_deref(),
            Some("Jane Doe")
        );
        assert_eq!(
            named(after_in_sentence(" Jane Doe said.")).as_deref(),
            Some("Jane Doe")
        );
        assert_eq!(
            named(after_in_sentence(", according to Jane Doe.")).as_deref(),
            Some("Jane Doe")
        );
        assert_eq!(
            named(after_in_sentence(" — Jane Doe")).as_deref(),
            Some("Jane Doe")
        );
        assert_eq!(after_in_sentence(" and then it rained."), None);
        // The speaker is the pronoun's, never a name inside the next quotation.
        assert_eq!(
            after_in_sentence(", she said, adding \"Sam Altman said we would get compute\"."),
            Some(Who::Pronoun(Some(names::given::Gender::Female)))
        );
        assert_eq!(
            named(after_in_sentence(
                ", Jane Doe said, adding \"Sam Altman said so\"."
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
