//! The People view's state: every speaker of the open documents (see [`crate::people`]),
//! the rows a typed filter keeps, and the selection; and the speakers offered after `@` in
//! the quote box.

use super::{App, View};
use crate::document::Document;
use crate::people::{Directory, Person};

/// The People view's state.
#[derive(Debug, Default)]
pub struct PeopleState {
    /// The filter typed into the box.
    pub filter: String,
    /// The filter box has the keyboard.
    pub typing: bool,
    /// Selected row (an index into `rows`).
    pub selected: usize,
    /// Every person, most quoted first (made when first needed and when documents are
    /// added, not on every load of a library).
    pub directory: Directory,
    /// The people the filter keeps (indices into `directory.people`), in order.
    pub rows: Vec<usize>,
    /// How many documents `directory` was made from.
    built_for: Option<usize>,
}

impl PeopleState {
    /// Makes the directory again when documents were added since it was made, and picks
    /// the rows.
    pub fn update(&mut self, docs: &[Document]) {
        if self.built_for != Some(docs.len()) {
            self.directory = Directory::new(docs);
            self.built_for = Some(docs.len());
        }
        self.refilter();
    }

    /// Forgets the directory: documents changed (a file was read again or removed), and
    /// the next [`PeopleState::update`] makes it again.
    pub fn forget(&mut self) {
        self.built_for = None;
    }

    /// Picks the rows for the filter: people whose name holds every word of it (case
    /// ignored).
    pub fn refilter(&mut self) {
        let words: Vec<String> = self
            .filter
            .split_whitespace()
            .map(str::to_lowercase)
            .collect();
        self.rows = (self.directory.people.iter().enumerate())
            .filter(|(_, p)| {
                let name = p.name.to_lowercase();
                words.iter().all(|w| name.contains(w.as_str()))
            })
            .map(|(i, _)| i)
            .collect();
        self.selected = self.selected.min(self.rows.len().saturating_sub(1));
    }

    /// The person on row `i`.
    pub fn row(&self, i: usize) -> Option<&Person> {
        self.directory.people.get(*self.rows.get(i)?)
    }

    /// The selected person.
    pub fn selected_person(&self) -> Option<&Person> {
        self.row(self.selected)
    }

    /// The `@` words that keep `person`'s quotes (see [`Person::query_words`]).
    pub fn query_words(&self, person: &Person) -> String {
        person.query_words(&self.directory.people)
    }

    /// The people whose name holds `partial` (lowercase), most quoted first, at most
    /// `limit`: what the quote box offers after `@`.
    pub fn matching(&self, partial: &str, limit: usize) -> Vec<&Person> {
        let partial = partial.to_lowercase();
        self.directory
            .people
            .iter()
            .filter(|p| p.name.to_lowercase().contains(&partial))
            .take(limit)
            .collect()
    }
}

/// The `@` word being typed at the end of a quote query (`"compute @lei"` → `"lei"`), if
/// the query ends in one.
pub fn partial_speaker(query: &str) -> Option<&str> {
    if query.ends_with(|c: char| c.is_whitespace()) {
        return None;
    }
    let last = query.rsplit(char::is_whitespace).next()?;
    last.strip_prefix('@')
}
impl App {
    /// The Quotes view with the selected person's `@` words as the query.
    pub(super) fn person_quotes(&mut self) {
        let Some(person) = self.people.selected_person() else {
            return;
        };
        self.quotes.query = format!("{} ", self.people.query_words(person));
        self.quotes.suggestions.clear();
        self.show(View::Quotes);
        // On the results, not in the box: j/k move through them, `/` edits the query.
        self.quotes.typing = false;
        self.rerank();
    }

    /// The Timeline view filtered by the selected person's surname: the events whose
    /// title or section names them.
    pub(super) fn person_events(&mut self) {
        if self.view != View::People {
            return;
        }
        let Some(person) = self.people.selected_person() else {
            return;
        };
        let surname = person.name.rsplit(' ').next().unwrap_or_default();
        self.timeline.filter = surname.to_lowercase();
        self.timeline.update(&self.docs);
        self.timeline.selected = 0;
        self.show(View::Timeline);
    }
}
