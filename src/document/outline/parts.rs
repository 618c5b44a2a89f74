//! A big body walked in parts on two threads at once: cut at headings that nothing before
//! them can hold, each part parsed and walked on its own, and the outlines joined into the
//! one a single walk gives.
//!
//! Why a cut there gives the same outline: CommonMark reads a document line by line, and an
//! unindented ATX heading (`# …`) after a blank line closes every block before it (a list, a
//! block quote, a paragraph, raw HTML that a blank line ends), except a code fence or raw
//! HTML that only its own end marker closes. So pulldown-cmark reads the text from that
//! heading on just as it reads it in the whole, provided nothing before it was left open;
//! the first half's walk tells whether it was ([`ends_open`]: its last outermost block is a
//! code block, raw HTML or a table), and if so the parts are not used. The one thing a
//! Markdown text reads from anywhere in it is a definition (`[label]: url`, `[^note]: …`):
//! a body that may hold one is not cut.

use std::ops::Range;

use super::walk::{Part, walk_part};
use super::{Outline, Unit};
use crate::document::beginning::is_heading;
use crate::document::line_index::LineCounter;
use crate::document::{BlockKind, Inline, narrow};

/// How big a part may be: a body up to twice this is cut in two halves, a bigger one into
/// parts of about this size. What a part costs while it is read is about five times its
/// size (pulldown-cmark's tree, the part's own outline before it is joined, the buffers
/// it grows and frees), for the two or three parts in hand at a time: small parts keep that
/// small beside a big document's outline, and past a few megabytes a part is no faster to
/// read (a join only appends).
pub const MAX_PART_BYTES: usize = 4 * 1024 * 1024;

/// The outline of the body of `file` (from `offset`), its parts walked on two threads, each
/// taking every other part, and joined in order here; and what `each` makes of each part's
/// own outline (given a counter of the part's lines), on the thread that walked it, with the
/// number of sections before the part (its sections' indices in the whole are that much
/// higher). `None` when the body has no place to cut, or when a part turns out to end in a
/// block that might go on (then nothing of the parts is kept).
pub fn walk_in_parts<'f, R: Send>(
    file: &'f str,
    offset: usize,
    leading: Option<(&str, &str)>,
    max_part: usize,
    each: &(dyn Fn(&Outline, LineCounter) -> R + Sync),
) -> Option<Walked<R>> {
    let body = file.get(offset..)?;
    let ranges = parts(body, max_part)?;
    let mut ranges = ranges.into_iter().map(|r| r.start + offset..r.end + offset);
    let whole = body.len();
    let cr = memchr::memchr(b'\r', file.as_bytes()).is_some();
    // Each thread counts lines with a counter of its own, carried from part to part: one
    // pass over the file per thread, not one from its start per part.
    let lines = LineCounter::with_cr(file, cr);
    let walk = |range: Range<usize>, leading, room, follows, lines: &mut LineCounter<'f>| {
        let body = &file[range.clone()];
        let (part, after) = walk_part(body, range.start, leading, room, follows, |_| lines.clone());
        *lines = after;
        let made = each(&part.outline, LineCounter::with_cr(file, cr));
        (part, made)
    };
    // The first part's buffers have room for the whole body: the others are joined to it.
    let (mut here, mut there) = (lines.clone(), lines);
    let walk_here = |range: Range<usize>, first: bool| match first {
        true => walk(range, leading, whole, false, &mut here),
        false => walk(range.clone(), None, range.len(), true, &mut here),
    };
    let walk_there = |range: Range<usize>| walk(range.clone(), None, range.len(), true, &mut there);
    let first = ranges.next()?;
    let rest = ranges.map(Ok::<_, std::convert::Infallible>);
    join_all(first, rest, walk_here, Some(walk_there)).unwrap_or_else(|never| match never {})
}

/// An outline walked in parts, and what was made of each part with the number of sections
/// before it (see [`walk_in_parts`]).
pub type Walked<R> = (Outline, Vec<(usize, R)>);

/// A part of a file read part by part, as [`walk_read_parts`] takes them: its text (cut
/// before an unindented heading after a blank line, see [`part_end`]), the file offset where
/// it starts, and the line it starts on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilePart {
    pub text: String,
    pub offset: usize,
    pub line: usize,
}

/// The outline of a file given part by part: `first` (the file's start, its body from
/// `body_start`), then `rest`. Each part is walked as it comes, on this thread or (with
/// `two_threads`) every other one on a second thread, and dropped once walked, so that only
/// a few parts of the file are in memory at a time. `room` is how many bytes the body has in
/// all (the joined outline's buffers are made ready for it). `each` as in [`walk_in_parts`].
/// `Ok(None)` when a part turns out to end in a block that might go on; an error of `rest`
/// ends the walk.
pub fn walk_read_parts<R: Send, E>(
    first: FilePart,
    body_start: usize,
    leading: Option<(&str, &str)>,
    room: usize,
    rest: impl Iterator<Item = Result<FilePart, E>>,
    two_threads: bool,
    each: &(dyn Fn(&Outline, LineCounter) -> R + Sync),
) -> Result<Option<Walked<R>>, E> {
    let walk = |part: &FilePart, body: &str, leading, room, follows| {
        let cr = memchr::memchr(b'\r', part.text.as_bytes()).is_some();
        let lines = || LineCounter::in_part(&part.text, part.offset, part.line, cr);
        let body_offset = part.offset + (part.text.len() - body.len());
        let (walked, _) = walk_part(body, body_offset, leading, room, follows, |_| lines());
        let made = each(&walked.outline, lines());
        (walked, made)
    };
    let here = |part: FilePart, first: bool| match first {
        true => {
            let body = part.text.get(body_start..).unwrap_or_default();
            walk(&part, body, leading, room, false)
        }
        false => walk(&part, &part.text, None, part.text.len(), true),
    };
    let there = |part: FilePart| walk(&part, &part.text, None, part.text.len(), true);
    match two_threads {
        true => join_all(first, rest, here, Some(there)),
        false => join_all(first, rest, here, None::<fn(FilePart) -> (Part, R)>),
    }
}

/// The part `first` and the parts of `rest` walked and joined in order: each walked by
/// `here` on this thread (told whether it is the first), or with `there` every other one
/// after the first on a second thread while this one walks the others (if no thread can be
/// started, all of them here); what each part's walk made, with the number of sections
/// before the part. `Ok(None)` when a part ends in a block
/// that might go on (see [`ends_open`]); an error of `rest` ends the walk.
fn join_all<X: Send, R: Send, E>(
    first: X,
    mut rest: impl Iterator<Item = Result<X, E>>,
    mut here: impl FnMut(X, bool) -> (Part, R),
    there: Option<impl FnMut(X) -> (Part, R) + Send>,
) -> Result<Option<Walked<R>>, E> {
    let mut all_made = Vec::new();
    // Joins a walked part on, unless what it follows is left open.
    let join_next = |joined: Part, (next, made): (Part, R), all_made: &mut Vec<(usize, R)>| {
        if ends_open(&joined.outline) {
            return None;
        }
        all_made.push((joined.outline.sections.len(), made));
        join(joined, next)
    };
    let Some(mut there) = there else {
        let (mut joined, made) = here(first, true);
        all_made.push((0, made));
        for part in rest {
            match join_next(joined, here(part?, false), &mut all_made) {
                Some(j) => joined = j,
                None => return Ok(None),
            }
        }
        return Ok(Some((joined.outline, all_made)));
    };
    std::thread::scope(|scope| {
        // The helper is at most two parts ahead of the joins: parts wait in memory a few at a
        // time.
        let (give, work) = std::sync::mpsc::sync_channel::<X>(2);
        let (done, take) = std::sync::mpsc::sync_channel(2);
        let helper = std::thread::Builder::new()
            .name("dossier-part".into())
            .spawn_scoped(scope, move || {
                for part in work {
                    if done.send(there(part)).is_err() {
                        return;
                    }
                }
            });
        let mut helper = helper.ok();
        // A panic on the helper goes on from here, as on one thread.
        let helper_gone = |helper: &mut Option<std::thread::ScopedJoinHandle<'_, ()>>| {
            if let Some(Err(panic)) = helper.take().map(|h| h.join()) {
                std::panic::resume_unwind(panic);
            }
        };
        // The parts read and not yet joined, in order: `None` for one the helper has.
        let mut order: std::collections::VecDeque<Option<X>> = Default::default();
        // How many parts the helper has in hand, and how many have been read after the first.
        let (mut theirs, mut read) = (0, 0);
        let mut exhausted = false;
        let mut first = Some(first);
        let mut joined: Option<Part> = None;
        loop {
            // Read on until the next part to join is read and the helper has two parts in hand
            // (one it walks, one waiting), so that it never waits on the joins here.
            while !exhausted
                && (order.is_empty() && first.is_none() || helper.is_some() && theirs < 2)
            {
                let Some(part) = rest.next() else {
                    exhausted = true;
                    break;
                };
                let part = part?;
                read += 1;
                // Every other part is the helper's, the first after the one here among them.
                if read % 2 == 1 && helper.is_some() {
                    match give.send(part) {
                        Ok(()) => {
                            theirs += 1;
                            order.push_back(None);
                        }
                        Err(std::sync::mpsc::SendError(part)) => {
                            helper_gone(&mut helper);
                            order.push_back(Some(part));
                        }
                    }
                } else {
                    order.push_back(Some(part));
                }
            }
            // The first part is walked here once the helper has its first parts.
            if let Some(part) = first.take() {
                let (part, made) = here(part, true);
                all_made.push((0, made));
                joined = Some(part);
                continue;
            }
            let Some(next) = order.pop_front() else {
                break;
            };
            let walked = match next {
                Some(part) => here(part, false),
                None => match take.recv() {
                    Ok(walked) => {
                        theirs -= 1;
                        walked
                    }
                    Err(_) => {
                        helper_gone(&mut helper);
                        return Ok(None);
                    }
                },
            };
            match joined
                .take()
                .and_then(|j| join_next(j, walked, &mut all_made))
            {
                Some(j) => joined = Some(j),
                None => return Ok(None),
            }
        }
        Ok(joined.map(|j| (j.outline, all_made)))
    })
}

/// The parts `body` is cut into (see [`cut_after`]): two halves up to twice `max_part`, else
/// parts of about `max_part`. `None` when it cannot be cut, or when it may define a link or
/// a footnote (`]:` anywhere: a definition is read from anywhere in the text, so no part can
/// be read without the others).
pub(super) fn parts(body: &str, max_part: usize) -> Option<Vec<Range<usize>>> {
    if may_define(body) {
        return None;
    }
    let size = match body.len() <= 2 * max_part {
        true => body.len() / 2,
        false => max_part,
    };
    let mut parts = Vec::new();
    let mut start: usize = 0;
    while let Some(cut) = start
        .checked_add(size.max(1))
        .filter(|&from| from < body.len())
        .and_then(|from| cut_after(body, from))
    {
        parts.push(start..cut);
        start = cut;
    }
    if parts.is_empty() {
        return None;
    }
    parts.push(start..body.len());
    Some(parts)
}

/// Whether `text` may define a link or a footnote (`]:` anywhere): a definition is read from
/// anywhere in a document, so no part of a body that holds one can be walked without the
/// others.
pub fn may_define(text: &str) -> bool {
    memchr::memmem::find(text.as_bytes(), b"]:").is_some()
}

/// Where a file read part by part can be cut at or after `from` of `text` (the part read so
/// far), for [`walk_read_parts`]: as [`walk_in_parts`] cuts a body in memory.
pub fn part_end(text: &str, from: usize) -> Option<usize> {
    cut_after(text, from)
}

/// Where `body` can be cut, at or after `from`: the start of the first unindented ATX heading
/// line that follows a blank line.
fn cut_after(body: &str, from: usize) -> Option<usize> {
    let bytes = body.as_bytes();
    memchr::memmem::find_iter(bytes.get(from..)?, b"\n#")
        .map(|i| from + i + 1)
        .find(|&at| {
            let line = body[at..].split('\n').next().unwrap_or_default();
            is_heading(line.trim_end_matches('\r'))
                && after_blank_line(bytes, at)
                && !after_fence_table_or_html(bytes, at)
        })
}

/// Whether the last line with text before `at` looks like the end of a code fence, a table
/// row or raw HTML: a part that ends in one of those is not used (see [`ends_open`]),
/// so a cut there would only cost a second walk. Only a guess, to choose cuts by: what
/// decides is the walk.
fn after_fence_table_or_html(bytes: &[u8], at: usize) -> bool {
    let before = &bytes[..at];
    let end = before
        .iter()
        .rposition(|b| !b.is_ascii_whitespace())
        .map_or(0, |i| i + 1);
    let start = memchr::memrchr(b'\n', &before[..end]).map_or(0, |i| i + 1);
    let line = &before[start..end];
    let text = line.trim_ascii_start();
    text.starts_with(b"```")
        || text.starts_with(b"~~~")
        || text.starts_with(b"<")
        || memchr::memchr(b'|', line).is_some()
}

/// Whether the line before the one that starts at `at` (just after a `\n`) is blank: spaces,
/// tabs and a CR at most. The first line has none before it.
fn after_blank_line(bytes: &[u8], at: usize) -> bool {
    let Some(end) = at.checked_sub(1) else {
        return false;
    };
    let Some(start) = memchr::memrchr(b'\n', &bytes[..end]).map(|i| i + 1) else {
        return false;
    };
    bytes[start..end]
        .iter()
        .all(|b| matches!(b, b' ' | b'\t' | b'\r'))
}

/// Whether `outline`'s last outermost block is one that a heading after it might belong to,
/// as far as its own text can tell: a code block (a fence it never closes runs on), raw HTML
/// or a table.
fn ends_open(outline: &Outline) -> bool {
    outline.blocks.last().is_some_and(|b| {
        b.quote_depth == 0
            && b.list_depth == 0
            && matches!(
                b.kind,
                BlockKind::Code { .. } | BlockKind::Html | BlockKind::Table { .. }
            )
    })
}

/// `first` with `second` (the part of the text after it, walked as following text: see
/// [`walk_part`]) joined on: what one walk of both gives. Every index and range of `second`
/// is moved past `first`'s; its headings that were outermost in it hang under the headings
/// left open at the end of `first`. `None` when `first` has no text at all: then one walk
/// would not have put a line break before `second`'s first block, as its walk did.
fn join(first: Part, second: Part) -> Option<Part> {
    let Part {
        outline: mut out,
        open_headings: mut open,
    } = first;
    let Part {
        outline: second,
        open_headings: open_in_second,
    } = second;
    if out.text.is_empty() {
        return None;
    }
    let Outline {
        text,
        preamble,
        sections,
        section_texts,
        title_text,
        titles,
        heading_units,
        blocks,
        marks,
        units,
        quote_blocks,
        links,
        labels,
        tables,
        maps,
        breaks,
        file_has_cr,
    } = second;
    // The second part opens with a heading: it has no text before it.
    debug_assert!(preamble.is_empty());
    // Its text opens with the line break that stood in for the first's: the first's own
    // text takes its place.
    let at_text = out.text.len() - 1;
    out.text.push_str(text.get(1..).unwrap_or_default());
    let shift = |r: Range<usize>, by: usize| r.start + by..r.end + by;
    let shift32 =
        |r: Range<u32>, by: usize| narrow(r.start as usize + by)..narrow(r.end as usize + by);
    let (n_labels, n_tables) = (out.labels.len(), out.tables.len());
    let (n_sections, n_blocks, n_units, n_marks, n_links, n_quotes, n_maps) = (
        out.sections.len(),
        out.blocks.len(),
        out.units.len(),
        out.marks.len(),
        out.links.len(),
        out.quote_blocks.len(),
        out.maps.len(),
    );
    out.sections.extend(sections.into_iter().map(|mut s| {
        s.parent = match s.parent {
            Some(p) => Some(p + n_sections),
            // Outermost in its half: under the nearest shallower heading left open before.
            None => {
                while open.last().is_some_and(|&(level, _)| level >= s.level) {
                    open.pop();
                }
                open.last().map(|&(_, i)| i)
            }
        };
        s
    }));
    out.section_texts
        .extend(section_texts.into_iter().map(|r| shift(r, at_text)));
    let at_title = out.title_text.len();
    out.title_text.push_str(&title_text);
    out.titles
        .extend(titles.into_iter().map(|r| shift(r, at_title)));
    out.heading_units.extend(
        heading_units
            .into_iter()
            .map(|u| narrow(u as usize + n_units)),
    );
    out.blocks.extend(blocks.into_iter().map(|mut b| {
        b.text = shift32(b.text, at_text);
        b.marks = shift32(b.marks, n_marks);
        b.section = b.section.map(|s| narrow(s as usize + n_sections));
        b.kind = match b.kind {
            BlockKind::Item { marker } => BlockKind::Item {
                marker: marker.shifted(n_labels),
            },
            BlockKind::Code { language } => BlockKind::Code {
                language: language.shifted(n_labels),
            },
            BlockKind::Table { table } => BlockKind::Table {
                table: narrow(table as usize + n_tables),
            },
            kind => kind,
        };
        b
    }));
    out.marks.extend(marks.into_iter().map(|mut m| {
        m.style = match m.style {
            Inline::Link(n) => Inline::Link(n + n_links),
            Inline::Image(n) => Inline::Image(n + n_links),
            style => style,
        };
        m
    }));
    out.units.extend(units.into_iter().map(|mut u| {
        u.block = narrow(u.block as usize + n_blocks);
        u.map = shift32(u.map, n_maps);
        if u.quote != Unit::NO_QUOTE {
            u.quote = narrow(u.quote as usize + n_quotes);
        }
        u
    }));
    out.quote_blocks
        .extend(quote_blocks.into_iter().map(|mut q| {
            q.section = q.section.map(|s| s + n_sections);
            q.blocks = shift(q.blocks, n_blocks);
            q.units = shift(q.units, n_units);
            q
        }));
    out.links.extend(links);
    out.labels.extend(labels);
    out.tables.extend(tables);
    out.maps.extend(maps);
    out.breaks.extend(
        breaks
            .into_iter()
            .map(|(b, at)| (narrow(b as usize + n_blocks), at)),
    );
    out.file_has_cr |= file_has_cr;
    // Left open: what the second part left of the first's, and the second's own.
    open.extend(
        open_in_second
            .into_iter()
            .map(|(level, s)| (level, s + n_sections)),
    );
    Some(Part {
        outline: out,
        open_headings: open,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::outline::walk;

    /// The outline of `text` walked in parts of about `max_part` bytes, and its timeline found
    /// part by part, checked against one walk of the whole; whether it could be walked in
    /// parts.
    fn same_in_parts(text: &str, max_part: usize) -> bool {
        let body = match crate::document::front_matter::split(text) {
            crate::document::front_matter::Split::Block(block) => block.whole.end,
            _ => 0,
        };
        let whole = walk(text, body, None);
        let timeline = crate::document::timeline::build_counting;
        match walk_in_parts(text, body, None, max_part, &timeline) {
            Some((parts, timelines)) => {
                assert_eq!(parts, whole, "walked in parts of {max_part} bytes:\n{text}");
                let joined = crate::document::timeline::joined(timelines);
                assert_eq!(
                    joined,
                    crate::document::timeline::build(&whole, text),
                    "timeline in parts of {max_part} bytes"
                );
                true
            }
            None => false,
        }
    }

    #[test]
    fn a_body_is_cut_only_before_an_unindented_heading_after_a_blank_line() {
        let cuts =
            |body: &str| parts(body, 1).map(|p| p.iter().map(|r| r.start).collect::<Vec<_>>());
        assert_eq!(
            cuts("# a\n\ntext\n\n## b\n\nmore\n\n# c\n"),
            Some(vec![0, 11, 23])
        );
        // Not after a blank line, indented, a hashtag, seven marks, or the first line.
        assert_eq!(
            cuts("# a\ntext\n# b\n\n #c\n\n #d\n\n#tag\n\n####### e\n"),
            None
        );
        // An empty heading and one after a line of spaces and a CR are cuts.
        assert_eq!(cuts("x\n\n#\n \t\r\n#\tb\r\n"), Some(vec![0, 3, 9]));
        // A link or footnote definition anywhere: no cut at all.
        assert_eq!(cuts("x\n\n# a\n\n[a]: /u\n"), None);
        assert_eq!(cuts("x[^1]\n\n# a\n\n[^1]: note\n"), None);
        // Halves up to twice the part size.
        assert_eq!(
            parts("# a\n\nx\n\n# b\n\ny\n\n# c\n", 100).map(|p| p.len()),
            Some(2)
        );
    }

    #[test]
    fn a_part_left_open_gives_no_outline_rather_than_a_wrong_one() {
        // A fence, raw HTML that only its end closes, and a table (a row needs no pipe):
        // what came before the heading may hold it, so the parts are not used.
        for text in [
            "# a\n\n```\ncode\n\n# not a heading\n\nmore\n```\n\n# b\n",
            "# a\n\n<!--\ntext\n\n# not a heading\n\n-->\n\n# b\n",
            "# a\n\n<script>\nvar a;\n\n# not a heading\n</script>\n\n# b\n",
            "# a\n\n| x |\n|---|\nrow\n\n# b\n",
        ] {
            assert!(parts(text, 1).is_some(), "{text}");
            assert!(
                walk_in_parts(text, 0, None, 1, &|_, _| ()).is_none(),
                "{text}"
            );
        }
    }

    #[test]
    fn no_cut_is_chosen_after_what_looks_like_a_fence_a_table_or_html() {
        for text in [
            "# a\n\n```\ncode\n```\n\n# b\n",
            "# a\n\n~~~\ncode\n~~~\n\n# b\n",
            "# a\n\n| x | y |\n|---|---|\n| 1 | 2 |\n\n# b\n",
            "# a\n\n<div>\n\n</div>\n\n# b\n",
        ] {
            assert_eq!(parts(text, 1), None, "{text}");
        }
    }

    #[test]
    fn a_date_counted_onto_the_next_parts_heading_line_gives_way_to_the_heading() {
        // Tabs widen the text (four spaces each), so the date's line is counted past its
        // paragraph, onto the heading's: one walk keeps the heading's entry, so do the parts.
        assert!(same_in_parts(
            "a\n\nx\t\t\t\t\tMay 5, 2024\n\n# May 5, 2024\n\nb\n",
            1
        ));
        assert!(same_in_parts(
            "\u{85}\u{85}\t\t\t\tMay 5, 2024\n\n# May 5, 2024\n",
            1
        ));
    }

    #[test]
    fn headings_nest_across_parts_as_in_one_walk() {
        let text = "## a\n\ntext\n\n# b\n\n### c\n\n> quote [l](u)\n\n## d\n\n- item\n\n#### e\n\n# f\n\n## g\n";
        assert!(same_in_parts(text, 1));
        let (parts, _) = walk_in_parts(text, 0, None, 1, &|_, _| ()).unwrap();
        let parents: Vec<_> = parts.sections.iter().map(|s| s.parent).collect();
        assert_eq!(
            parents,
            [None, None, Some(1), Some(1), Some(3), None, Some(5)]
        );
    }

    #[test]
    fn the_fixtures_the_seed_and_generated_dossiers_walk_the_same_in_parts() {
        let mut texts = crate::synthetic::fixture_texts();
        texts.extend((0..40).map(crate::synthetic::dossier));
        let mut walked = 0;
        for text in &texts {
            for max_part in [1, 200, 2000] {
                walked += usize::from(same_in_parts(text, max_part));
            }
        }
        // Most can be cut: those with a definition or a part left open cannot.
        assert!(
            walked * 2 > texts.len() * 3,
            "{walked} of {}",
            texts.len() * 3
        );
    }
}
