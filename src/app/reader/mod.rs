//! The reader pane's state: the document laid out for the reader's width ([`layout`]), where
//! it is scrolled to, the jump mark, the `/` search with the ranges it matched (which the view
//! highlights as they are), and the links it may open.

mod layout;
mod lines;
mod table;

use std::ops::Range;

use super::look::Anchor;
use super::{App, Focus};

pub use layout::{
    DEFAULT_MEASURE, Footnotes, LAZY_BYTES, ReaderLayout, attribution_only, attribution_start,
    block_for_source, caption, layout, note_label, reference_label, superscript,
};
pub use lines::{Lines, ReaderLine};
pub use table::table;

/// Searching the reader's text with `/`.
#[derive(Debug, Clone, Default)]
pub struct TextSearch {
    /// What is searched for (case-insensitive).
    pub query: String,
    /// The query is being typed.
    pub typing: bool,
    /// Reader lines holding a match, in order, with the byte ranges of `ReaderLine::text`
    /// that match (what the view highlights).
    pub matches: Vec<(usize, Vec<Range<usize>>)>,
    /// Which of `matches` is current.
    pub current: usize,
    /// `matches` are only those near the screen: in a document laid out lazily, the lines
    /// near the screen are searched as the query is typed, and the whole document when it
    /// is entered.
    pub near_only: bool,
}

impl TextSearch {
    /// The ranges matched on reader line `line` (none when it holds no match).
    pub fn ranges_on(&self, line: usize) -> &[Range<usize>] {
        match self.matches.binary_search_by_key(&line, |(l, _)| *l) {
            Ok(i) => &self.matches[i].1,
            Err(_) => &[],
        }
    }

    /// The line of the current match.
    pub fn current_line(&self) -> Option<usize> {
        self.matches.get(self.current).map(|(l, _)| *l)
    }
}

/// The byte ranges of `text` that match `query` (already lowercase), ignoring case. Each
/// range starts and ends on a character boundary of `text`.
pub fn find_ignoring_case(text: &str, query: &str) -> Vec<Range<usize>> {
    if query.is_empty() {
        return Vec::new();
    }
    if text.is_ascii() {
        let lower = text.to_ascii_lowercase();
        return lower
            .match_indices(query)
            .map(|(i, m)| i..i + m.len())
            .collect();
    }
    // Lowercasing may change a character's length: keep, for each byte of the lowercase
    // text, where its character starts in `text`.
    let mut lower = String::with_capacity(text.len());
    let mut origin = Vec::with_capacity(text.len() + 1);
    for (at, c) in text.char_indices() {
        for l in c.to_lowercase() {
            let before = lower.len();
            lower.push(l);
            origin.extend(std::iter::repeat_n(at, lower.len() - before));
        }
    }
    origin.push(text.len());
    lower
        .match_indices(query)
        .map(|(i, m)| origin[i]..origin[i + m.len()])
        .filter(|r| !r.is_empty())
        .collect()
}

/// The reader's state.
#[derive(Debug, Clone)]
pub struct ReaderState {
    /// The document laid out for the reader's width.
    pub layout: ReaderLayout,
    /// The first line shown.
    pub top: usize,
    /// Lines marked by the last jump.
    pub marked: Option<Range<usize>>,
    /// The `/` search.
    pub search: TextSearch,
    /// The most columns text takes, however wide the pane (`--width`).
    pub measure: u16,
}

impl Default for ReaderState {
    fn default() -> Self {
        ReaderState {
            layout: ReaderLayout::default(),
            top: 0,
            marked: None,
            search: TextSearch::default(),
            measure: DEFAULT_MEASURE,
        }
    }
}

/// Why a link is not opened or emitted as a hyperlink, when it is not.
pub fn safe_url(url: &str) -> Result<String, String> {
    let url = url.trim();
    let scheme = url.split_once(':').map(|(s, _)| s.to_ascii_lowercase());
    if !matches!(scheme.as_deref(), Some("http" | "https" | "mailto")) {
        return Err(format!(
            "Not opened: {} is not an http, https or mailto link",
            crate::wrap::truncate(url, 60)
        ));
    }
    if url.chars().any(char::is_control) {
        return Err("Not opened: the link holds a control character".into());
    }
    // Anything outside printable ASCII is percent-encoded: a terminal reads the URL of a
    // hyperlink as bytes 32–126.
    let mut out = String::with_capacity(url.len());
    for b in url.bytes() {
        if b.is_ascii_graphic() {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    Ok(out)
}

/// The reader's actions, which keep the outline's highlight in step.
impl App {
    pub(super) fn scroll_reader(&mut self, delta: isize) {
        self.reader.top = self.reader.top.saturating_add_signed(delta);
        self.clamp_reader();
        self.sync_outline();
    }

    fn max_top(&self) -> usize {
        self.reader
            .layout
            .len()
            .saturating_sub(self.reader_area().height as usize)
    }

    /// Keeps the top line in the document, and the lines on screen laid out: every move of
    /// the reader ends here.
    pub(super) fn clamp_reader(&mut self) {
        self.reader.top = self.reader.top.min(self.max_top());
        self.lay_out_screen();
    }

    /// Keeps the lines on screen laid out (see [`ReaderLayout::show`]): after the reader
    /// moves or its pane changes.
    pub(super) fn lay_out_screen(&mut self) {
        let on_screen = self.reader.top..self.reader.top + self.reader_area().height as usize;
        let doc = self.docs.get(self.current).unwrap_or(&self.empty);
        self.reader.layout.show(doc, on_screen);
    }

    /// Highlights the section whose text is at the top of the reader (at the very end, the
    /// last section on screen, so the final short sections can be reached).
    pub(super) fn sync_outline(&mut self) {
        let layout = &self.reader.layout;
        let at = if self.reader.top >= self.max_top() && self.max_top() > 0 {
            layout.len().saturating_sub(1)
        } else {
            self.reader.top + usize::from(self.reader.top > 0)
        };
        let section = layout.section_at(at);
        if section.is_some() || self.reader.top == 0 {
            self.outline.selected = section.or((!self.doc().sections.is_empty()).then_some(0));
        }
    }

    /// Puts the heading of section `s` at the top of the reader.
    pub(super) fn reader_to_section(&mut self, s: usize) {
        self.reader.top = self
            .reader
            .layout
            .section_lines
            .get(s)
            .copied()
            .unwrap_or(0);
        self.clamp_reader();
    }

    /// Shows section `s` at the top of the reader and highlights it.
    pub(super) fn show_section(&mut self, s: usize) {
        self.reader_to_section(s);
        self.outline.selected = Some(s);
    }

    /// How far through the document the reader is, 0–100.
    pub fn percent(&self) -> usize {
        let max = self.max_top();
        (self.reader.top * 100).checked_div(max).unwrap_or(100)
    }

    /// `]` and `[`: the next section, or the current section's heading and then the one
    /// before.
    pub(super) fn step_section(&mut self, dir: isize) {
        if self.doc().sections.is_empty() {
            return;
        }
        let at_heading = self
            .outline
            .selected
            .is_some_and(|s| self.reader.layout.section_lines.get(s) == Some(&self.reader.top));
        let current = self.outline.selected.unwrap_or(0);
        let target = match dir {
            d if d > 0 => (current + 1).min(self.doc().sections.len() - 1),
            // `[` inside a section goes to its own heading first.
            _ if !at_heading && self.reader.top > 0 => current,
            _ => current.saturating_sub(1),
        };
        self.show_section(target);
    }

    /// Matches the `/` query against the reader's lines, and shows the first match at or
    /// after the top of the screen. In a document laid out lazily, only the lines near the
    /// screen are searched unless `everywhere`: laying the whole of a big document out again
    /// takes seconds, too long for every key typed, a resize or a reload. Enter, leaving
    /// the box and `n` search everywhere.
    pub(super) fn find_matches(&mut self, everywhere: bool) {
        let query = self.reader.search.query.to_lowercase();
        let layout = &self.reader.layout;
        let near_only = !everywhere && !layout.keeps_all() && !query.is_empty();
        self.reader.search.near_only = near_only;
        let mut matches = Vec::new();
        let mut search = |i: usize, line: ReaderLine| {
            let ranges = find_ignoring_case(line.text, &query);
            if !ranges.is_empty() {
                matches.push((i, ranges));
            }
        };
        if near_only {
            for i in layout.kept_lines() {
                if let Some(line) = layout.line(i) {
                    search(i, line);
                }
            }
        } else if !query.is_empty() {
            layout.each_line(self.doc(), search);
        }
        self.reader.search.matches = matches;
        let top = self.reader.top;
        self.reader.search.current = (self.reader.search.matches.iter())
            .position(|&(l, _)| l >= top)
            .unwrap_or(0);
        self.show_match();
    }

    fn show_match(&mut self) {
        if let Some(line) = self.reader.search.current_line() {
            let height = self.reader_area().height as usize;
            if line < self.reader.top || line >= self.reader.top + height {
                self.reader.top = line.saturating_sub(height / 3);
                self.clamp_reader();
                self.sync_outline();
            }
        }
    }

    pub(super) fn step_match(&mut self, dir: isize) {
        if self.reader.search.near_only && !self.reader.search.typing {
            // Only the lines near the screen were searched (the query was left unentered, or
            // the reader laid out again): the whole document is searched now, and its first
            // match at or after the top shown.
            self.find_matches(true);
            self.message = self.match_count();
            return;
        }
        let n = self.reader.search.matches.len();
        if n == 0 {
            self.message = Some(if self.reader.search.query.is_empty() {
                "Press / to search".into()
            } else {
                "No matches".to_string()
            });
            return;
        }
        self.reader.search.current =
            (self.reader.search.current as isize + dir).rem_euclid(n as isize) as usize;
        self.show_match();
        self.message = self.match_count();
    }

    /// The `/` query is entered: in a document laid out lazily, the whole of it is searched
    /// now.
    pub(super) fn enter_reader_search(&mut self) {
        self.reader.search.typing = false;
        if self.reader.search.near_only {
            self.find_matches(true);
        }
        self.message = self.match_count();
    }

    /// `Match 2/7`, or that nothing matched, for the footer; nothing with no query.
    pub fn match_count(&self) -> Option<String> {
        let search = &self.reader.search;
        if search.query.is_empty() {
            return None;
        }
        if search.near_only {
            let found = match search.matches.len() {
                0 => "No match".to_string(),
                1 => "1 match".to_string(),
                n => format!("{n} matches"),
            };
            let key = if search.typing { "Enter" } else { "n" };
            return Some(format!(
                "{found} near here; {key} searches the whole document"
            ));
        }
        Some(match search.matches.len() {
            0 => format!("No match for “{}”", search.query),
            n => format!("Match {}/{n}", search.current + 1),
        })
    }

    /// Lays the document out again for `width`, keeping the same block at the top, the
    /// mark on the same blocks and the search's current match.
    pub(super) fn relayout(&mut self, width: u16, links: bool) {
        let old = &self.reader.layout;
        let block = old.block_of(self.reader.top);
        let marked = (self.reader.marked.as_ref()).and_then(|m| {
            let first = old.block_of(m.start)?;
            let last = old.block_of(m.end.checked_sub(1)?)?;
            Some((first, last))
        });
        self.reader.layout = layout(self.doc(), width, links);
        if let Some(b) = block {
            self.reader.top = self.reader.layout.block_line(b).unwrap_or(0);
        }
        let marked =
            marked.map(|(first, last)| (self.reader.layout).blocks_range(self.doc(), first, last));
        self.reader.marked = marked;
        // The lines near the screen are laid out before they are searched.
        self.clamp_reader();
        if !self.reader.search.query.is_empty() {
            let current = self.reader.search.current;
            self.find_matches(false);
            self.reader.search.current =
                current.min(self.reader.search.matches.len().saturating_sub(1));
        }
    }

    /// The reader's text width: the pane's, at most the measure.
    pub(super) fn reader_width(&self) -> u16 {
        super::layout::reader_text_width(self.reader_area()).min(self.reader.measure.max(1))
    }

    /// Sets the most columns text takes (`--width`), and lays the reader out for it.
    pub fn set_measure(&mut self, measure: u16) {
        self.reader.measure = measure.max(1);
        let width = self.reader_width();
        if width != self.reader.layout.width {
            self.relayout(width, self.reader.layout.links);
        }
    }

    /// The reader line things on screen are followed from: the current search match, else
    /// the jump mark, when on screen; else the top line.
    fn cursor_line(&self) -> usize {
        let top = self.reader.top;
        let height = self.reader_area().height as usize;
        let on_screen = |l: &usize| (top..top + height).contains(l);
        (self.reader.search.current_line().filter(on_screen))
            .or_else(|| (self.reader.marked.as_ref().map(|m| m.start)).filter(on_screen))
            .unwrap_or(top)
    }

    /// The first anchor `pick` takes on screen, from the cursor line down.
    fn anchor_on_screen<T>(&self, pick: impl Fn(Anchor) -> Option<T>) -> Option<T> {
        let end = self.reader.top + self.reader_area().height as usize;
        let layout = &self.reader.layout;
        (self.cursor_line()..end.min(layout.len()))
            .filter_map(|i| layout.line(i))
            .flat_map(|l| l.runs.iter())
            .find_map(|&(_, look)| pick(look.anchor))
    }

    /// `o`: asks the terminal layer to open the link on screen (from the cursor line down) in
    /// the Sections view, else the document's `source_url`; says why not when it cannot.
    pub(super) fn open_link(&mut self, on_screen: bool) {
        let link = on_screen
            .then(|| {
                self.anchor_on_screen(|a| match a {
                    Anchor::Link(n) => Some(n as usize),
                    _ => None,
                })
            })
            .flatten()
            .and_then(|n| self.doc().links.get(n - 1).cloned());
        let Some(url) = link.or_else(|| self.doc().field("source_url")) else {
            self.message = Some(if on_screen {
                "No link on screen, and no source_url".into()
            } else {
                "The document has no source_url".into()
            });
            return;
        };
        match safe_url(&url) {
            Ok(url) => {
                self.message = Some(format!("Opening {}", crate::wrap::truncate(&url, 70)));
                self.open_url = Some(url);
            }
            Err(why) => self.message = Some(why),
        }
    }

    /// Enter in the reader: follows the footnote reference on screen (from the cursor line
    /// down) to its note, marked; Back returns.
    pub(super) fn follow_footnote(&mut self) {
        let Some(n) = self.anchor_on_screen(|a| match a {
            Anchor::Footnote(n) => Some(n),
            _ => None,
        }) else {
            self.message = Some("No footnote reference on screen".into());
            return;
        };
        let layout = &self.reader.layout;
        let Some(line) = layout.notes.get(n as usize - 1).copied().flatten() else {
            self.message = Some(format!("Footnote {n} has no note"));
            return;
        };
        let block = layout.block_of(line).unwrap_or(0);
        let marked = layout.blocks_range(self.doc(), block, block);
        self.jumps.push(self.here());
        self.reader.marked = Some(marked);
        self.reader.top = line.saturating_sub(2);
        self.clamp_reader();
        self.sync_outline();
        self.message = Some(format!("Note {n}: Backspace returns"));
    }

    /// The reader takes the keyboard with an empty `/` box.
    pub(super) fn start_reader_search(&mut self) {
        self.focus = Focus::Reader;
        self.reader.search = TextSearch {
            typing: true,
            ..Default::default()
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_ignore_case_and_keep_the_text_s_own_boundaries() {
        assert_eq!(
            find_ignoring_case("Compute, COMPUTE", "compute"),
            [0..7, 9..16]
        );
        // `İ` lowercases to two characters: the ranges still fall on `text`'s boundaries.
        let text = "İstanbul istanbul";
        for r in find_ignoring_case(text, "stanbul") {
            assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
            assert_eq!(&text[r], "stanbul");
        }
        assert_eq!(find_ignoring_case("Ärger ärger", "ärger"), [0..6, 7..13]);
        assert!(find_ignoring_case("abc", "").is_empty());
    }
}
