//! Quote search: the live search box, ranked results with matched characters highlighted,
//! and a preview of the selected quote with the paragraph around it.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::theme::Theme;
use super::{Drawn, put_line, put_row};
use crate::app::{App, Target};
use crate::document::{BlockKind, QuoteKind};
use crate::wrap;

/// Lines of quote text shown per result.
const RESULT_LINES: usize = 3;

/// Runs of `text` styled `base`, with the `ranges` styled `hit`.
fn segments<'a>(
    text: &'a str,
    ranges: &[Range<usize>],
    base: Style,
    hit: Style,
) -> Vec<(&'a str, Style)> {
    let mut out = Vec::new();
    let mut at = 0;
    for r in ranges {
        if r.start < at
            || r.end > text.len()
            || !text.is_char_boundary(r.start)
            || !text.is_char_boundary(r.end)
        {
            continue;
        }
        if r.start > at {
            out.push((&text[at..r.start], base));
        }
        out.push((&text[r.clone()], hit));
        at = r.end;
    }
    if at < text.len() {
        out.push((&text[at..], base));
    }
    out
}

/// A result as drawn: up to three lines of quote and a line naming speaker and section
/// (and, in a library, the document).
fn result_lines(app: &App, t: &Theme, i: usize, width: usize) -> Vec<Line<'static>> {
    let Some((d, q)) = app.quotes.hits.get(i).and_then(|hit| app.hit_quote(hit)) else {
        return Vec::new();
    };
    let doc = &app.docs[d];
    let ranges = app.quotes.ranges(i).cloned().unwrap_or_default();
    let text = q.text.replace('\n', " ");
    let mut wrapped = wrap::wrap(
        &segments(&text, &ranges.text, t.text, t.matched),
        text_width(width),
    );
    if wrapped.len() > RESULT_LINES {
        wrapped.truncate(RESULT_LINES);
        if let Some(last) = wrapped.last_mut() {
            last.push("…", t.dim, 1);
        }
    }
    let mut lines: Vec<Line> = wrapped
        .into_iter()
        .map(|w| Line::from(super::spans(&w)))
        .collect();
    let speaker = q.speaker.as_deref().unwrap_or("unknown speaker");
    let place = if app.docs.len() > 1 {
        doc.title()
    } else {
        q.section
            .and_then(|s| doc.sections.get(s))
            .map_or(String::new(), |s| s.title.to_string())
    };
    let mut meta: Vec<Span> = vec![Span::styled("— ", t.dim)];
    let speaker_style = if q.speaker.is_some() { t.accent } else { t.dim };
    for (piece, style) in segments(speaker, &ranges.speaker, speaker_style, t.matched) {
        meta.push(Span::styled(piece.to_string(), style));
    }
    let rest = format!(" · {place} · line {}", q.line);
    meta.push(Span::styled(
        wrap::truncate(&rest, width.saturating_sub(wrap::width(speaker) + 4)),
        t.dim,
    ));
    lines.push(Line::from(meta));
    lines
}

/// The first result drawn and each drawn result's (index, first row, rows).
fn placed(app: &App) -> Vec<(usize, u16, u16)> {
    let a = app.areas.list;
    let hits = &app.quotes.hits;
    if hits.is_empty() {
        return Vec::new();
    }
    // Every result takes at least two rows, so only the results within half a screen of
    // the selection can be on screen: measure those, not all of a library's hits.
    let selected = app.quotes.selected.min(hits.len() - 1);
    let half = a.height as usize / 2;
    let window = selected.saturating_sub(half)..(selected + half + 1).min(hits.len());
    let height = |i: usize| -> u16 {
        let text = app
            .hit_quote(&hits[i])
            .map_or(String::new(), |(_, q)| q.text.replace('\n', " "));
        wrap::wrap(&[(&text, Style::default())], text_width(a.width as usize))
            .len()
            .min(RESULT_LINES) as u16
            + 2
    };
    let heights: Vec<u16> = window.clone().map(height).collect();
    let at = |i: usize| heights[i - window.start];
    // Scroll so the selected result is on screen.
    let mut first = window.start;
    let mut used: u16 = (window.start..=selected).map(at).sum();
    while used > a.height && first < selected {
        used -= at(first);
        first += 1;
    }
    let mut out = Vec::new();
    let mut y = 0u16;
    for i in first..window.end {
        if y >= a.height {
            break;
        }
        out.push((i, y, at(i)));
        y += at(i);
    }
    out
}

/// The width quote text wraps to in a list `width` cells wide: the selection bar, and
/// room for a closing "…" when the quote is cut.
fn text_width(width: usize) -> usize {
    width.saturating_sub(4).max(1)
}

/// Draws the search box, the results and the preview.
pub fn draw(app: &App, t: &Theme, buf: &mut Buffer, drawn: &mut Drawn) {
    let input = app.areas.input;
    let rule_y = super::query_box(
        app,
        t,
        buf,
        drawn,
        &app.quotes.query,
        app.quotes.typing,
        "press / to search quotes",
    );
    let searching = if app.quotes.searching {
        "searching… "
    } else {
        ""
    };
    if !app.quotes.suggestions.is_empty() {
        // The speakers the `@` word may mean, on the rule under the box; Tab takes the first.
        let mut spans = vec![Span::styled(" @ ", t.accent)];
        for (i, name) in app.quotes.suggestions.iter().enumerate() {
            if i > 0 {
                spans.push(Span::styled(" · ", t.dim));
            }
            spans.push(Span::styled(
                name.clone(),
                if i == 0 { t.accent } else { t.dim },
            ));
        }
        spans.push(Span::styled("  Tab completes ", t.dim));
        put_line(
            buf,
            input.x,
            rule_y,
            input.width.saturating_sub(22),
            &Line::from(spans),
        );
    }
    let count = format!(
        " {searching}{} of {} ",
        app.quotes.hits.len(),
        crate::app::counted(app.index.len(), "quote")
    );
    super::count_on_rule(buf, input, rule_y, &count, t);

    let a = app.areas.list;
    drawn.put(a, Target::List);
    if app.quotes.hits.is_empty() {
        let msg = if app.index.is_empty() {
            " No quotes in this document"
        } else {
            " No quote matches"
        };
        put_line(
            buf,
            a.x,
            a.y,
            a.width,
            &Line::from(Span::styled(msg, t.dim)),
        );
    }
    for (i, top, h) in placed(app) {
        let selected = i == app.quotes.selected;
        let rows = h.min(a.height - top);
        drawn.put(Rect::new(a.x, a.y + top, a.width, rows), Target::Row(i));
        for (n, line) in result_lines(app, t, i, a.width as usize)
            .into_iter()
            .enumerate()
            .take(h as usize - 1)
        {
            let y = a.y + top + n as u16;
            if y >= a.bottom() {
                break;
            }
            let bar = if selected {
                Span::styled("▌ ", t.marked)
            } else {
                Span::raw("  ")
            };
            let mut spans = vec![bar];
            spans.extend(line.spans);
            put_row(
                buf,
                a,
                y,
                spans,
                selected.then_some(Style::default().add_modifier(ratatui::style::Modifier::BOLD)),
            );
        }
    }
    draw_preview(app, t, buf);
}

fn draw_preview(app: &App, t: &Theme, buf: &mut Buffer) {
    let a = app.areas.detail;
    if a.width == 0 || a.height == 0 {
        return;
    }
    super::frame::border(buf, a, t);
    let Some(hit) = app.quotes.hits.get(app.quotes.selected) else {
        return;
    };
    let Some((d, q)) = app.hit_quote(hit) else {
        return;
    };
    let doc = &app.docs[d];
    let ranges = (app.quotes.ranges(app.quotes.selected).cloned()).unwrap_or_default();
    let inner = crate::app::layout::inside(a);
    let w = inner.width as usize;
    let mut lines: Vec<Line> = Vec::new();
    for wl in wrap::wrap(&segments(&q.text, &ranges.text, t.quote, t.matched), w) {
        lines.push(Line::from(super::spans(&wl)));
    }
    let speaker = q.speaker.as_deref().unwrap_or("unknown speaker");
    lines.push(Line::from(Span::styled(format!("— {speaker}"), t.accent)));
    let mut path: Vec<String> = Vec::new();
    if app.docs.len() > 1 {
        path.push(doc.source.clone());
    }
    if let Some(s) = q.section {
        path.extend(
            doc.section_path(s)
                .iter()
                .map(|&i| doc.sections[i].title.to_string()),
        );
    }
    for wl in wrap::wrap(&[(&path.join(" › "), t.dim)], w) {
        lines.push(Line::from(super::spans(&wl)));
    }
    let kind = match q.kind {
        QuoteKind::Block => "block quote",
        QuoteKind::Inline => "inline quote",
    };
    lines.push(Line::from(Span::styled(
        format!("line {} · {kind}", q.line),
        t.dim,
    )));
    lines.push(Line::default());
    // The paragraph around it: for a block quote, the lead-in before it; for an inline one,
    // the paragraph that holds it.
    let holder = crate::app::reader::block_for_source(doc, q.line);
    let context = match q.kind {
        QuoteKind::Block => {
            let prose = |b: &&crate::document::Block| {
                b.quote_depth == 0
                    && !b.text.is_empty()
                    && b.section() == q.section
                    && !matches!(b.kind, BlockKind::Heading { .. } | BlockKind::Attribution)
            };
            // The lead-in before the quote; under a heading, the paragraph after it.
            let before = doc.blocks[..holder.min(doc.blocks.len())]
                .iter()
                .rev()
                .take_while(|b| !matches!(b.kind, BlockKind::Heading { .. }))
                .find(prose);
            before.or_else(|| {
                doc.blocks
                    .get(holder..)
                    .and_then(|rest| rest.iter().find(prose))
            })
        }
        QuoteKind::Inline => doc.blocks.get(holder),
    };
    if let Some(b) = context {
        for wl in wrap::wrap(&[(doc.text_of(b), t.dim)], w) {
            lines.push(Line::from(super::spans(&wl)));
        }
    }
    for (i, line) in lines.iter().take(inner.height as usize).enumerate() {
        put_line(buf, inner.x, inner.y + i as u16, inner.width, line);
    }
}
