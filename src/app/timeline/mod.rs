//! The timeline view's state: every event of the open documents in date order, the rows a
//! filter keeps (`2024`, `2023-11..2024-06`, words), and the list as drawn.

mod filter;

use std::cmp::Ordering;

use filter::DateTexts;
pub use filter::{DayBound, TimelineFilter};

use crate::document::{self, Date, Document};

/// The timeline view's state.
#[derive(Debug, Clone, Default)]
pub struct TimelineState {
    /// The filter typed after `/`.
    pub filter: String,
    /// The filter is being typed.
    pub typing: bool,
    /// Selected row (see [`TimelineState::row`]).
    pub selected: usize,
    /// The list as drawn: the rows with a heading before each year's first event, worked
    /// out when the rows change rather than on every frame.
    pub lines: Vec<TimelineLine>,
    /// For each row, its index in `lines`.
    pub line_of: Vec<usize>,
    /// The timeline entries that pass the filter, in date order.
    rows: Vec<EntryRef>,
    /// Every event of the first `covered` documents, in date order: what the filter picks
    /// `rows` from. Documents added since are merged in.
    all: Vec<EntryRef>,
    covered: usize,
    /// The filter `rows` were picked with, once they are.
    picked_for: Option<String>,
    /// What word filters search, from the first word filter on.
    text: Option<EntryText>,
}

/// One timeline entry (of a document, by index), with its date at hand: comparing two is
/// then mostly comparing two dates side by side in memory, not following each to its
/// document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct EntryRef {
    date: Date,
    doc: u32,
    entry: u32,
}

impl EntryRef {
    fn new(docs: &[Document], doc: usize, entry: usize) -> EntryRef {
        EntryRef {
            date: docs[doc].timeline[entry].date,
            doc: u32::try_from(doc).unwrap_or(u32::MAX),
            entry: u32::try_from(entry).unwrap_or(u32::MAX),
        }
    }

    fn row(self) -> (usize, usize) {
        (self.doc as usize, self.entry as usize)
    }
}

impl TimelineState {
    /// `(document, entry)` of row `i`: the `i`th timeline entry that passes the filter.
    pub fn row(&self, i: usize) -> Option<(usize, usize)> {
        self.rows.get(i).map(|e| e.row())
    }

    /// `(document, entry)` of every row, in date order.
    pub fn rows(&self) -> impl ExactSizeIterator<Item = (usize, usize)> + '_ {
        self.rows.iter().map(|e| e.row())
    }

    /// How many entries pass the filter.
    pub fn row_count(&self) -> usize {
        self.rows.len()
    }

    /// Brings the rows up to date with `docs` and the filter. The events of documents added
    /// since the last time are merged into the list of all events (each document's are in
    /// order already: a merge, not a sort of every event, as a library adds thousands of
    /// documents while it loads), and into the rows if they pass an unchanged filter. A
    /// changed filter picks the rows from all events again, in one pass: no sort; or, when
    /// it only narrows the last one (a word typed on, another word), from the rows it kept.
    /// The selected event stays selected when the new rows still hold it.
    pub fn update(&mut self, docs: &[Document]) {
        let selected = self.rows.get(self.selected).copied();
        if self.covered > docs.len() {
            self.forget_events();
        }
        let from = self.covered;
        let added = self.merge_added(docs);
        let filter = TimelineFilter::parse(&self.filter);
        if !filter.words.is_empty() || !filter.in_title.is_empty() {
            self.text.get_or_insert_with(Default::default).extend(docs);
        }
        let none = EntryText::default();
        let text = self.text.as_ref().unwrap_or(&none);
        if self.picked_for.as_deref() == Some(self.filter.as_str()) {
            if added.is_empty() {
                return;
            }
            if filter.is_empty() {
                self.rows.clone_from(&self.all);
            } else {
                merge_into(
                    docs,
                    &mut self.rows,
                    pick(docs, from, &added, &filter, text),
                );
            }
        } else {
            // Rows are read in date order, from one document to another, at about thrice the
            // cost per event of a pass over all events document by document.
            let narrows = added.is_empty()
                && self.rows.len() <= self.all.len() / 4
                && (self.picked_for.as_deref())
                    .is_some_and(|last| filter.narrows(&TimelineFilter::parse(last)));
            self.rows = if narrows {
                pick_from(docs, &self.rows, &filter, text)
            } else {
                pick(docs, 0, &self.all, &filter, text)
            };
            self.picked_for = Some(self.filter.clone());
        }
        if let Some(at) = selected.and_then(|e| self.rows.iter().position(|r| *r == e)) {
            self.selected = at;
        }
        self.lay_out();
    }

    /// A document was read again (its file may have changed): all events are put in order
    /// again when its changed, and what word filters search is made afresh either way (its
    /// titles may have changed).
    pub fn document_read_again(&mut self, docs: &[Document], events_changed: bool) {
        if events_changed {
            self.forget_events();
        } else {
            self.text = None;
            self.picked_for = None;
        }
        self.update(docs);
    }

    /// Forgets the list of all events, when a document's may have changed: the next
    /// [`TimelineState::update`] puts them all in order again.
    fn forget_events(&mut self) {
        self.all.clear();
        self.covered = 0;
        self.picked_for = None;
        self.text = None;
    }

    /// Merges the events of documents added since the last time into `all`; returns them,
    /// in order.
    fn merge_added(&mut self, docs: &[Document]) -> Vec<EntryRef> {
        let from = self.covered;
        let Some(added) = docs.get(from..).filter(|d| !d.is_empty()) else {
            return Vec::new();
        };
        let mut events: Vec<EntryRef> = added
            .iter()
            .enumerate()
            .flat_map(|(i, doc)| (0..doc.timeline.len()).map(move |e| (from + i, e)))
            .map(|(d, e)| EntryRef::new(docs, d, e))
            .collect();
        events.sort_by(|a, b| order(docs, a, b));
        merge_into(docs, &mut self.all, events.clone());
        self.covered = docs.len();
        events
    }

    /// The list as drawn, from the rows: a heading before each year's first event.
    fn lay_out(&mut self) {
        let mut lines = Vec::with_capacity(self.rows.len() + 8);
        let mut line_of = Vec::with_capacity(self.rows.len());
        let mut year = None;
        for (r, event) in self.rows.iter().enumerate() {
            let y = event.date.year;
            if year != Some(y) {
                lines.push(TimelineLine::Year(y));
                year = Some(y);
            }
            line_of.push(lines.len());
            lines.push(TimelineLine::Event(r));
        }
        self.lines = lines;
        self.line_of = line_of;
        self.selected = self.selected.min(self.rows.len().saturating_sub(1));
    }
}

/// The events of `events` (in order, all of documents `from` on) that `filter` keeps, in the
/// same order, its words looked for in `text`. The filter looks at the documents one by
/// one, each one's events together: `events` is in date order, and reading the events in
/// that order would go from one document to another at every step, each a cache miss.
fn pick(
    docs: &[Document],
    from: usize,
    events: &[EntryRef],
    filter: &TimelineFilter,
    text: &EntryText,
) -> Vec<EntryRef> {
    if filter.is_empty() {
        return events.to_vec();
    }
    // Where each document's events start in a list of them all, document by document.
    let mut first = Vec::with_capacity(docs.len().saturating_sub(from));
    let mut total = 0;
    for doc in docs.get(from..).unwrap_or_default() {
        first.push(total);
        total += doc.timeline.len();
    }
    let mut kept = vec![false; total];
    let mut dates = DateTexts::new();
    for (i, &first) in first.iter().enumerate() {
        for e in 0..docs[from + i].timeline.len() {
            kept[first + e] = filter.keeps_in(docs, from + i, e, text, &mut dates);
        }
    }
    events
        .iter()
        .copied()
        .filter(|event| {
            first
                .get((event.doc as usize).wrapping_sub(from))
                .is_some_and(|&f| kept.get(f + event.entry as usize) == Some(&true))
        })
        .collect()
}

/// The events of `events` that `filter` keeps, in the same order, looked at in that order:
/// for a few rows (a filter narrowing the last one's), not for all events.
fn pick_from(
    docs: &[Document],
    events: &[EntryRef],
    filter: &TimelineFilter,
    text: &EntryText,
) -> Vec<EntryRef> {
    let mut dates = DateTexts::new();
    events
        .iter()
        .copied()
        .filter(|event| {
            let (d, e) = event.row();
            filter.keeps_in(docs, d, e, text, &mut dates)
        })
        .collect()
}

/// What word filters search: every event's title and section title, and every document's
/// title, lowercased, in a few contiguous megabytes, not a string per event scattered over
/// the heap (which a filter over a library's events would read one cache miss at a time).
/// Made for the first word filter, and extended as documents are added.
#[derive(Debug, Clone, Default)]
struct EntryText {
    /// Each event's title, a line break, and its section's title, one event after another,
    /// document by document.
    text: String,
    /// Each event's range in `text`, document by document.
    spans: Vec<(u32, u32)>,
    /// Each document's first event in `spans`.
    first: Vec<usize>,
    /// Each document's title, lowercased.
    titles: Vec<String>,
}

impl EntryText {
    /// Adds the documents of `docs` not in it yet.
    fn extend(&mut self, docs: &[Document]) {
        for doc in docs.get(self.first.len()..).unwrap_or_default() {
            self.first.push(self.spans.len());
            self.titles.push(doc.title().to_lowercase());
            for entry in &doc.timeline {
                let start = self.text.len();
                push_lowercase(&mut self.text, &entry.title);
                self.text.push('\n');
                let section = entry.section.and_then(|s| doc.sections.get(s));
                push_lowercase(&mut self.text, section.map_or("", |s| s.title.as_str()));
                let span = |at: usize| u32::try_from(at).unwrap_or(u32::MAX);
                self.spans.push((span(start), span(self.text.len())));
            }
        }
    }

    /// Entry `e` of document `d`: its title and section title, lowercased.
    fn of(&self, d: usize, e: usize) -> &str {
        let span = self.first.get(d).and_then(|&f| self.spans.get(f + e));
        span.and_then(|&(a, b)| self.text.get(a as usize..b as usize))
            .unwrap_or_default()
    }
}

/// Adds `text` lowercased to `out` (ASCII without a copy of its own).
fn push_lowercase(out: &mut String, text: &str) {
    if text.is_ascii() {
        out.extend(text.bytes().map(|b| char::from(b.to_ascii_lowercase())));
    } else {
        out.push_str(&text.to_lowercase());
    }
}

/// `new` merged into `list` (both in timeline order), in place: from the back, each event
/// moved once, with no second list of them all.
fn merge_into(docs: &[Document], list: &mut Vec<EntryRef>, new: Vec<EntryRef>) {
    let Some(&last) = new.last() else {
        return;
    };
    let old_len = list.len();
    list.resize(old_len + new.len(), last);
    let (mut i, mut j) = (old_len, new.len());
    for k in (0..list.len()).rev() {
        // Of the two lists' last events not yet placed, the later goes at `k`: the old one
        // on a tie, so that it stays before the new one.
        if j == 0 {
            break;
        }
        if i > 0 && order(docs, &list[i - 1], &new[j - 1]) == Ordering::Greater {
            list[k] = list[i - 1];
            i -= 1;
        } else {
            list[k] = new[j - 1];
            j -= 1;
        }
    }
}

/// [`document::timeline_order`], for entries held by reference. (Each
/// document's own timeline is in this order already: by date, then line.)
fn order(docs: &[Document], a: &EntryRef, b: &EntryRef) -> Ordering {
    // Only two events on the same date are followed to their documents.
    a.date.cmp(&b.date).then_with(|| {
        let entry = |r: &EntryRef| {
            let doc = &docs[r.doc as usize];
            (doc, &doc.timeline[r.entry as usize])
        };
        document::timeline_order(entry(a), entry(b))
    })
}

/// A line of the timeline list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimelineLine {
    /// The heading over a year's events.
    Year(u16),
    /// An event: a row (see [`TimelineState::row`]).
    Event(usize),
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document;

    /// A few documents with dated events in several years, sections and titles.
    fn docs() -> Vec<Document> {
        let texts = [
            "---\ntitle: Leike Leaves\n---\n# Leike Leaves\n\n## May 14, 2024\n\nJan Leike resigned.\n\n## Board\n\nIn 2023 the board met. On November 17, 2023, Altman was fired.\n",
            "# Ünïcode Tïtle\n\n## Timeline\n\n- 2024-05-28: Leike joined Anthropic.\n- 2021-03-01: Founded by ex-staff.\n- In 2020 the KELVIN \u{212a} sign appeared.\n",
            "---\ntitle: The Pause Letter\n---\n# Letter\n\nOn March 22, 2023, the letter asked for a pause. In June 2024, staff wrote again.\n",
            "# Empty\n\nNo dates here.\n",
        ];
        // Many events that the word filters below drop: rows few enough to narrow from.
        let many: String = (1..=28)
            .map(|day| format!("- 2019-02-{day:02}: A meeting of staff.\n"))
            .collect();
        let texts = texts
            .iter()
            .map(|t| t.to_string())
            .chain([format!("# Meetings\n\n{many}")]);
        texts
            .enumerate()
            .map(|(i, t)| document::load(&format!("doc{i}.md"), &t))
            .collect()
    }

    /// The rows a filter must give: every event it keeps, sorted, the slow way.
    fn reference(docs: &[Document], filter: &str) -> Vec<(usize, usize)> {
        let filter = TimelineFilter::parse(filter);
        let mut rows: Vec<(usize, usize)> = (0..docs.len())
            .flat_map(|d| (0..docs[d].timeline.len()).map(move |e| (d, e)))
            .filter(|&(d, e)| filter.keeps(&docs[d], e))
            .collect();
        rows.sort_by(|&(da, ea), &(db, eb)| {
            order(
                docs,
                &EntryRef::new(docs, da, ea),
                &EntryRef::new(docs, db, eb),
            )
        });
        rows
    }

    #[test]
    fn typing_a_filter_gives_the_rows_of_that_filter_at_every_step() {
        let docs = docs();
        let mut state = TimelineState::default();
        state.update(&docs);
        assert!(state.row_count() >= 8);
        let typed = [
            "",
            "2",
            "20",
            "2023",
            "2023-",
            "2023-1",
            "2023-11",
            "2023-11..",
            "2023-11..2024",
            "2023-11..2024-06",
            "l",
            "le",
            "leike",
            "leike a",
            "leike an",
            "leike",
            "le",
            "",
            "ünï",
            "tïtle",
            "k",
            "kelvin",
            "may 14",
            "may",
            "board",
            "BOARD",
            "pause letter",
            "..2023",
            "2024..",
            "..",
        ];
        for filter in typed {
            state.filter = filter.to_string();
            state.update(&docs);
            assert_eq!(
                state.rows().collect::<Vec<_>>(),
                reference(&docs, filter),
                "filter {filter:?}"
            );
        }
    }

    proptest::proptest! {
        /// Any filter typed one piece at a time, from any filter before it: at every step,
        /// the rows of that filter.
        #[test]
        fn any_filter_typed_gives_its_rows(
            pieces in proptest::collection::vec(proptest::sample::select(&[
                "2024", "2023", "2019", "-", "05", "11", "..", " ", "le", "ike", "Leike", "may",
                "MAY", "14", ",", "board", "ü", "ï", "Tïtle", "k", "\u{212a}", "staff", "z",
            ][..]), 0..10)
        ) {
            let docs = docs();
            let mut state = TimelineState::default();
            state.update(&docs);
            for piece in pieces {
                state.filter.push_str(piece);
                state.update(&docs);
                let expected = reference(&docs, &state.filter);
                proptest::prop_assert_eq!(state.rows().collect::<Vec<_>>(), expected, "{:?}", state.filter);
            }
        }
    }

    #[test]
    fn documents_added_under_a_filter_are_merged_into_its_rows() {
        let all = docs();
        let mut state = TimelineState {
            filter: "2024".into(),
            ..TimelineState::default()
        };
        for n in 0..=all.len() {
            state.update(&all[..n]);
            assert_eq!(
                state.rows().collect::<Vec<_>>(),
                reference(&all[..n], "2024"),
                "{n} documents"
            );
        }
        state.filter = "leike".into();
        state.update(&all);
        assert_eq!(state.rows().collect::<Vec<_>>(), reference(&all, "leike"));
    }

    #[test]
    fn a_document_read_again_is_filtered_as_it_now_reads() {
        let mut docs = docs();
        let mut state = TimelineState {
            filter: "in:moratorium".into(),
            ..TimelineState::default()
        };
        state.update(&docs);
        assert_eq!(state.row_count(), 0);
        // The same events under another title, which `in:` now finds.
        let text = "---\ntitle: The Moratorium Appeal\n---\n# Letter\n\nOn March 22, 2023, the letter asked for a pause. In June 2024, staff wrote again.\n";
        let again = document::load("doc2.md", text);
        assert_eq!(again.timeline, docs[2].timeline);
        docs[2] = again;
        state.document_read_again(&docs, false);
        assert_eq!(
            state.rows().collect::<Vec<_>>(),
            reference(&docs, "in:moratorium")
        );
        assert_eq!(state.row_count(), docs[2].timeline.len());
        // Other events: put in order again.
        docs[0] = document::load(
            "doc0.md",
            "# Moratorium\n\nIn 2018 a pause was asked for.\n",
        );
        state.document_read_again(&docs, true);
        assert_eq!(
            state.rows().collect::<Vec<_>>(),
            reference(&docs, "in:moratorium")
        );
        assert_eq!(state.row_count(), docs[2].timeline.len() + 1);
    }

    #[test]
    fn open_ended_ranges_reach_the_first_or_the_last_year() {
        let docs = docs();
        let until_2023 = reference(&docs, "..2023");
        assert!(!until_2023.is_empty());
        assert!(
            until_2023
                .iter()
                .all(|&(d, e)| docs[d].timeline[e].date.year <= 2023)
        );
        let from_2024 = reference(&docs, "2024..");
        assert!(!from_2024.is_empty());
        assert!(
            from_2024
                .iter()
                .all(|&(d, e)| docs[d].timeline[e].date.year >= 2024)
        );
        assert_eq!(
            until_2023.len() + from_2024.len(),
            reference(&docs, "").len()
        );
    }

    #[test]
    fn a_filter_narrows_another_when_it_keeps_no_more() {
        let f = TimelineFilter::parse;
        assert!(f("leike").narrows(&f("lei")));
        assert!(f("leike board").narrows(&f("leike")));
        assert!(f("2024 leike").narrows(&f("2024")));
        assert!(!f("lei").narrows(&f("leike")));
        assert!(!f("2024 leike").narrows(&f("leike")), "a new date range");
        assert!(
            !f("2023-11..2024").narrows(&f("2023-11..2")),
            "a word became a range"
        );
    }
}
