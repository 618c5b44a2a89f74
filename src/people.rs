//! The people of a document or a library: every speaker with the number of their quotes,
//! the dates they span and the documents they appear in. Pure data, made from documents
//! (the People view, `dossier people`, and `quotes --speaker` all read it).
//!
//! **One name per person.** Speakers are the same person when their names are the same
//! but for case and spacing, and a speaker named by one word (`Leike`) is the person whose
//! full name ends with that word (`Jan Leike`) when exactly one such full name is quoted in
//! the document or library; when several are (`Jack Altman`, `Sam Altman`), or none, the
//! one word stays a person of its own.

use std::collections::HashMap;

use crate::document::{Date, Document, names};

/// One person and what they said.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// The name shown: the full name, as first written.
    pub name: String,
    /// How many quotes are theirs.
    pub quotes: usize,
    /// The earliest and latest date of the events in the sections that hold their quotes
    /// (the nearest enclosing section with events), if any.
    pub first: Option<Date>,
    /// See `first`.
    pub last: Option<Date>,
    /// The documents (indices into the documents given) that quote them, in order.
    pub documents: Vec<usize>,
}

impl Person {
    /// The `@` words of a quote query that keep this person's quotes: the surname when no
    /// other person's name holds it, else every word of the name.
    pub fn query_words(&self, people: &[Person]) -> String {
        let lower = self.name.to_lowercase();
        let words: Vec<&str> = lower.split_whitespace().collect();
        let surname = words.last().copied().unwrap_or("");
        let shared = people
            .iter()
            .filter(|p| p.name != self.name)
            .any(|p| p.name.to_lowercase().contains(surname));
        if shared {
            words
                .iter()
                .map(|w| format!("@{w}"))
                .collect::<Vec<_>>()
                .join(" ")
        } else {
            format!("@{surname}")
        }
    }
}

/// Every person quoted in `docs`, most quoted first, then by name.
pub fn people(docs: &[Document]) -> Vec<Person> {
    Directory::new(docs).people
}

/// The people of some documents, and which person each speaker's name is.
#[derive(Debug, Default)]
pub struct Directory {
    /// Most quoted first, then by name.
    pub people: Vec<Person>,
    /// A speaker's key (see [`key`]) → their index in `people`.
    of_key: HashMap<String, usize>,
}

/// A name with case and spacing made uniform: `jan leike`.
fn key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for word in name.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

/// What is known of one spelling of a name while the documents are read.
struct Spelling {
    name: String,
    quotes: usize,
    first: Option<Date>,
    last: Option<Date>,
    documents: Vec<usize>,
}

impl Spelling {
    fn new(speaker: &str) -> Spelling {
        Spelling {
            name: speaker.split_whitespace().collect::<Vec<_>>().join(" "),
            quotes: 0,
            first: None,
            last: None,
            documents: Vec::new(),
        }
    }

    /// Counts one more quote, in document `d`, in a section whose events span `span`.
    fn count(&mut self, d: usize, span: Option<(Date, Date)>) {
        self.quotes += 1;
        if self.documents.last() != Some(&d) {
            self.documents.push(d);
        }
        if let Some((first, last)) = span {
            self.first = Some(self.first.map_or(first, |f| f.min(first)));
            self.last = Some(self.last.map_or(last, |l| l.max(last)));
        }
    }
}

impl Directory {
    /// Reads the speakers of `docs`.
    pub fn new(docs: &[Document]) -> Directory {
        let mut spellings: Vec<Spelling> = Vec::new();
        let mut by_key: HashMap<String, usize> = HashMap::new();
        for (d, doc) in docs.iter().enumerate() {
            let spans = section_spans(doc);
            // Two people who said it together (`Kevin Wang and Yin Ding`) each said it.
            let said = doc
                .quotes
                .iter()
                .filter_map(|q| Some((q, q.speaker.as_deref()?)));
            for (q, speaker) in said.flat_map(|(q, s)| names::each_person(s).map(move |p| (q, p))) {
                let k = key(speaker);
                if k.is_empty() {
                    continue;
                }
                let at = *by_key.entry(k).or_insert_with(|| {
                    spellings.push(Spelling::new(speaker));
                    spellings.len() - 1
                });
                spellings[at].count(d, span_of(doc, &spans, q.section));
            }
        }
        // One-word names join the one full name that ends with them.
        let mut full_by_surname: HashMap<&str, Option<usize>> = HashMap::new();
        for (k, &i) in &by_key {
            if let Some((_, surname)) = k.rsplit_once(' ') {
                full_by_surname
                    .entry(surname)
                    .and_modify(|e| *e = None)
                    .or_insert(Some(i));
            }
        }
        let mut target: Vec<usize> = (0..spellings.len()).collect();
        for (k, &i) in &by_key {
            if !k.contains(' ') {
                if let Some(&Some(full)) = full_by_surname.get(k.as_str()) {
                    target[i] = full;
                }
            }
        }
        let mut merged: Vec<Option<Person>> = spellings
            .iter()
            .enumerate()
            .map(|(i, s)| {
                (target[i] == i).then(|| Person {
                    name: s.name.clone(),
                    quotes: 0,
                    first: None,
                    last: None,
                    documents: Vec::new(),
                })
            })
            .collect();
        for (i, s) in spellings.into_iter().enumerate() {
            let Some(p) = merged[target[i]].as_mut() else {
                continue;
            };
            p.quotes += s.quotes;
            p.first = match (p.first, s.first) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
            p.last = p.last.max(s.last);
            p.documents.extend(s.documents);
        }
        let mut order: Vec<usize> = (0..merged.len()).filter(|&i| merged[i].is_some()).collect();
        let name_key = |i: usize| merged[i].as_ref().map(|p| key(&p.name)).unwrap_or_default();
        let keys: Vec<String> = (0..merged.len()).map(name_key).collect();
        order.sort_by(|&a, &b| {
            let (pa, pb) = (merged[a].as_ref(), merged[b].as_ref());
            let qa = pa.map_or(0, |p| p.quotes);
            let qb = pb.map_or(0, |p| p.quotes);
            qb.cmp(&qa).then_with(|| keys[a].cmp(&keys[b]))
        });
        let mut row_of = vec![0; merged.len()];
        let mut people = Vec::with_capacity(order.len());
        for (row, &i) in order.iter().enumerate() {
            row_of[i] = row;
            if let Some(mut p) = merged[i].take() {
                p.documents.sort_unstable();
                p.documents.dedup();
                people.push(p);
            }
        }
        let of_key = by_key
            .into_iter()
            .map(|(k, i)| (k, row_of[target[i]]))
            .collect();
        Directory { people, of_key }
    }

    /// The index in [`Directory::people`] of the person named `speaker` (any spelling of a
    /// speaker's name, or a one-word name as above).
    pub fn person_of(&self, speaker: &str) -> Option<usize> {
        self.of_key.get(&key(speaker)).copied()
    }

    /// Whether a quote by `speaker` is one of `person`'s: theirs, or said by them together
    /// with another (`Kevin Wang and Yin Ding`).
    pub fn said_by(&self, speaker: &str, person: usize) -> bool {
        names::each_person(speaker).any(|one| self.person_of(one) == Some(person))
    }

    /// The people a name given by a user means: the one with that name (any spelling),
    /// else those whose name holds each of its words.
    pub fn find(&self, name: &str) -> Vec<usize> {
        if let Some(p) = self.person_of(name) {
            return vec![p];
        }
        let k = key(name);
        self.people
            .iter()
            .enumerate()
            .filter(|(_, p)| {
                let have = key(&p.name);
                k.split(' ').all(|w| have.contains(w))
            })
            .map(|(i, _)| i)
            .collect()
    }
}

/// For each section of `doc`, the first and last date of the events in it.
fn section_spans(doc: &Document) -> Vec<Option<(Date, Date)>> {
    let mut spans: Vec<Option<(Date, Date)>> = vec![None; doc.sections.len()];
    for e in &doc.timeline {
        if let Some(span) = e.section.and_then(|s| spans.get_mut(s)) {
            *span = Some(match *span {
                Some((a, b)) => (a.min(e.date), b.max(e.date)),
                None => (e.date, e.date),
            });
        }
    }
    spans
}

/// The dates of the nearest section, from `section` outwards, that has events.
fn span_of(
    doc: &Document,
    spans: &[Option<(Date, Date)>],
    section: Option<usize>,
) -> Option<(Date, Date)> {
    let mut at = section;
    while let Some(s) = at {
        if let Some(span) = spans.get(s).copied().flatten() {
            return Some(span);
        }
        at = doc.sections.get(s).and_then(|x| x.parent);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Document {
        crate::document::load("t.md", text)
    }

    const FIRST: &str = "# A\n\n## May 14, 2024\n\n> \"We were struggling for compute.\"\n> — Jan Leike\n\n## June 4, 2024\n\n> \"Another thing said here.\"\n> — Jan Leike\n\n> \"Something else entirely.\"\n> — Sam Altman\n";
    const SECOND: &str = "# B\n\n## March 1, 2025\n\n> \"A surname alone is enough.\"\n> — Leike\n";

    #[test]
    fn speakers_are_counted_dated_and_sorted() {
        let people = people(&[doc(FIRST)]);
        let rows: Vec<(&str, usize, String, String)> = people
            .iter()
            .map(|p| {
                (
                    p.name.as_str(),
                    p.quotes,
                    p.first.map(|d| d.iso()).unwrap_or_default(),
                    p.last.map(|d| d.iso()).unwrap_or_default(),
                )
            })
            .collect();
        assert_eq!(
            rows,
            [
                ("Jan Leike", 2, "2024-05-14".into(), "2024-06-04".into()),
                ("Sam Altman", 1, "2024-06-04".into(), "2024-06-04".into()),
            ]
        );
    }

    #[test]
    fn a_surname_alone_is_the_one_full_name_ending_with_it() {
        let dir = Directory::new(&[doc(FIRST), doc(SECOND)]);
        assert_eq!(dir.people[0].name, "Jan Leike");
        assert_eq!(dir.people[0].quotes, 3);
        assert_eq!(dir.people[0].documents, [0, 1]);
        assert_eq!(
            dir.people[0].last.map(|d| d.iso()),
            Some("2025-03-01".into())
        );
        assert_eq!(dir.person_of("LEIKE"), Some(0));
        assert_eq!(dir.find("jan leike"), [0]);
        assert_eq!(dir.find("altman"), [1]);
        // Alone, the surname is a person of its own.
        assert_eq!(people(&[doc(SECOND)])[0].name, "Leike");
    }

    #[test]
    fn a_surname_two_people_share_stays_apart() {
        let other = "# C\n\n> \"Words from another Leike.\"\n> — Ada Leike\n";
        let people = people(&[doc(FIRST), doc(SECOND), doc(other)]);
        let names: Vec<&str> = people.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Jan Leike", "Ada Leike", "Leike", "Sam Altman"]);
        assert_eq!(people[0].query_words(&people), "@jan @leike");
        assert_eq!(people[3].query_words(&people), "@altman");
    }
}
