//! A table as a grid in the reader and the plain text: columns sized to their content and
//! the room, cells wrapped inside their column and aligned, the header set off by a rule.

use super::layout::piece;
use crate::app::look::{Look, Role};
use crate::document::Align;
use crate::wrap::{self, Wrapped};

/// A table as a grid `room` cells wide at most: columns sized to their content, shrunk
/// (widest first, keeping whole words where it can) when the table is wider than the room;
/// cells wrapped inside their column and aligned as the delimiter row says; the header set
/// off by a rule. Every line of the grid has the same width, so the grid never breaks.
pub fn table(
    rows: &[Vec<String>],
    header_rows: usize,
    aligns: &[Align],
    room: usize,
) -> Vec<Wrapped<Look>> {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    if columns == 0 {
        return Vec::new();
    }
    let cells = |c: usize| rows.iter().filter_map(move |r| r.get(c));
    let natural: Vec<usize> = (0..columns)
        .map(|c| cells(c).map(|s| wrap::width(s)).max().unwrap_or(0).max(1))
        .collect();
    // The narrowest a column can be and still hold its widest character, and the widest
    // word it holds.
    let narrowest: Vec<usize> = (0..columns)
        .map(|c| {
            (cells(c).flat_map(|s| s.chars()))
                .map(|ch| unicode_width::UnicodeWidthChar::width(ch).unwrap_or(0))
                .max()
                .unwrap_or(1)
                .max(1)
        })
        .collect();
    let word: Vec<usize> = (0..columns)
        .map(|c| cells(c).map(|s| longest_word(s)).max().unwrap_or(1))
        .collect();
    let overhead = 3 * columns + 1;
    let avail = room.saturating_sub(overhead);
    let mut widths = natural.clone();
    while widths.iter().sum::<usize>() > avail {
        // The widest column still wider than its longest word gives a cell; then any.
        let pick = |floor: &[usize]| {
            (0..columns)
                .filter(|&c| widths[c] > floor[c])
                .max_by_key(|&c| (widths[c], std::cmp::Reverse(c)))
        };
        match pick(&word).or_else(|| pick(&narrowest)) {
            Some(c) => widths[c] -= 1,
            None => break,
        }
    }
    let rule = |left: &str, mid: &str, right: &str| {
        let bars: Vec<String> = widths.iter().map(|w| "─".repeat(w + 2)).collect();
        piece(&format!("{left}{}{right}", bars.join(mid)), Role::Frame)
    };
    let mut out = vec![rule("┌", "┬", "┐")];
    let wraps = rows.iter().skip(header_rows).any(|row| {
        row.iter()
            .zip(&widths)
            .any(|(cell, &w)| wrap::width(cell) > w)
    });
    for (r, row) in rows.iter().enumerate() {
        let role = if r < header_rows {
            Role::Strong
        } else {
            Role::Text
        };
        let wrapped: Vec<Vec<Wrapped<Look>>> = (0..columns)
            .map(|c| {
                let cell = row.get(c).map_or("", String::as_str);
                let mut lines = wrap::wrap(&[(cell, role.into())], widths[c]);
                // A line's last space would count against its alignment.
                lines.iter_mut().for_each(trim_end);
                lines
            })
            .collect();
        let height = wrapped.iter().map(Vec::len).max().unwrap_or(1);
        for l in 0..height {
            let mut line = piece("│", Role::Frame);
            for (c, cell) in wrapped.iter().enumerate() {
                let (text, text_w) = cell.get(l).map_or((None, 0), |w| (Some(w), w.width));
                let spare = widths[c].saturating_sub(text_w);
                let left = match aligns.get(c) {
                    Some(Align::Right) => spare,
                    Some(Align::Center) => spare / 2,
                    _ => 0,
                };
                line.push_str(&" ".repeat(left + 1), Role::Text.into());
                if let Some(text) = text {
                    line.extend(text);
                }
                line.push_str(&" ".repeat(spare - left + 1), Role::Text.into());
                line.push_str("│", Role::Frame.into());
            }
            out.push(line);
        }
        let last = r + 1 == rows.len();
        if !last && (r + 1 == header_rows || (wraps && r >= header_rows)) {
            out.push(rule("├", "┼", "┤"));
        }
    }
    out.push(rule("└", "┴", "┘"));
    out
}

/// `line` without the spaces it ends with.
fn trim_end(line: &mut Wrapped<Look>) {
    let kept = line.text.trim_end_matches(' ').len();
    line.width -= line.text.len() - kept;
    line.text.truncate(kept);
    let mut start = 0;
    line.runs.retain_mut(|(end, _)| {
        let keep = start < kept;
        start = *end;
        *end = (*end).min(kept);
        keep
    });
}

/// The width of the widest run of `s` that reads badly broken: a word between spaces, where
/// a wide (CJK) character stands alone, as such text is broken between any two characters.
fn longest_word(s: &str) -> usize {
    let (mut widest, mut run) = (0, 0);
    for c in s.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if c == ' ' || w > 1 {
            widest = widest.max(run).max(w);
            run = 0;
        } else {
            run += w;
        }
    }
    widest.max(run)
}
