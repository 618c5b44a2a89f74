//! The Library pane's state: a folder's documents in the order chosen (year, title,
//! author), loading progress, the files that could not be opened, and counts kept as
//! documents arrive.

use super::App;
use crate::document::Document;
use crate::document::sanitize;
use crate::library::Problem;

/// How the library list is sorted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKey {
    /// Newest first, then title.
    #[default]
    Year,
    /// A to Z.
    Title,
    /// A to Z, then year.
    Author,
}

impl SortKey {
    /// The label shown in the library header.
    pub fn label(self) -> &'static str {
        match self {
            SortKey::Year => "year",
            SortKey::Title => "title",
            SortKey::Author => "author",
        }
    }

    /// The next order `s` gives.
    fn next(self) -> SortKey {
        match self {
            SortKey::Year => SortKey::Title,
            SortKey::Title => SortKey::Author,
            SortKey::Author => SortKey::Year,
        }
    }
}

/// The library view's state.
#[derive(Debug, Clone, Default)]
pub struct LibraryState {
    /// A folder was opened (the library view and document columns are shown).
    pub folder: bool,
    /// The folder's name, as the header shows it (see [`LibraryState::set_root`]).
    pub root: String,
    /// Documents in display order (indices into `App::docs`).
    pub rows: Vec<usize>,
    /// Selected row.
    pub selected: usize,
    /// The sort order.
    pub sort: SortKey,
    /// Files done and files found, while loading.
    pub loading: Option<(usize, usize)>,
    /// Files that could not be opened.
    pub problems: Vec<Problem>,
    /// The problems list is shown.
    pub show_problems: bool,
    /// Timeline events and quotes in all the documents, kept as documents are added (the
    /// library view shows them on every frame; summing 10,000 documents each time is waste).
    pub events: usize,
    pub quotes: usize,
    /// What each document is sorted by, worked out once per document (see
    /// [`App::sort_library`]), for the first `keys.len()` documents.
    pub(super) keys: Vec<SortKeys>,
}

impl LibraryState {
    /// Names the folder for the header; a folder name is untrusted as a document's text is.
    pub fn set_root(&mut self, name: &str) {
        self.root = sanitize::clean(name);
    }
}

/// What the library is sorted by, for one document: lowercased title and author, and year.
#[derive(Debug, Clone)]
pub(super) struct SortKeys {
    year: Option<i64>,
    title: String,
    author: String,
}

impl SortKeys {
    pub(super) fn of(doc: &Document) -> SortKeys {
        SortKeys {
            year: doc.meta.get("year").and_then(|v| {
                v.as_i64()
                    .or_else(|| v.as_str().and_then(|s| s.trim().parse().ok()))
            }),
            title: doc.title().to_lowercase(),
            author: doc.field("author").unwrap_or_default().to_lowercase(),
        }
    }
}

impl App {
    /// `s`: the next sort order, the selected document kept selected.
    pub(super) fn sort_next(&mut self) {
        self.library.sort = self.library.sort.next();
        self.sort_library(true);
        self.message = Some(format!("Sorted by {}", self.library.sort.label()));
    }

    /// Orders the library rows. With `keep`, the selected document stays selected (a new
    /// sort order); otherwise the selected row stays put (documents arriving while loading).
    pub(super) fn sort_library(&mut self, keep: bool) {
        let selected = self
            .library
            .rows
            .get(self.library.selected)
            .copied()
            .filter(|_| keep);
        let docs = &self.docs;
        // Keys are worked out once per document, not once per comparison or per sort: a
        // library sorts thousands of documents on every frame while it loads.
        let keys = &mut self.library.keys;
        keys.truncate(docs.len());
        while let Some(doc) = docs.get(keys.len()) {
            keys.push(SortKeys::of(doc));
        }
        let keys = &*keys;
        let mut rows: Vec<usize> = (0..docs.len()).collect();
        match self.library.sort {
            // Newest first.
            SortKey::Year => rows.sort_by(|&i, &j| {
                let (a, b) = (&keys[i], &keys[j]);
                b.year.cmp(&a.year).then_with(|| a.title.cmp(&b.title))
            }),
            SortKey::Title => rows.sort_by(|&i, &j| {
                let (a, b) = (&keys[i], &keys[j]);
                (a.title.cmp(&b.title)).then_with(|| docs[i].source.cmp(&docs[j].source))
            }),
            SortKey::Author => rows.sort_by(|&i, &j| {
                let (a, b) = (&keys[i], &keys[j]);
                (a.author.cmp(&b.author))
                    .then_with(|| a.year.cmp(&b.year))
                    .then_with(|| a.title.cmp(&b.title))
            }),
        }
        self.library.rows = rows;
        self.library.selected = match selected {
            Some(d) => self.library.rows.iter().position(|&r| r == d).unwrap_or(0),
            None => self
                .library
                .selected
                .min(self.library.rows.len().saturating_sub(1)),
        };
    }
}
