//! Marks in the app: `m` marks what is selected (the same choice as `y`, see
//! [`App::selected`]) with a note typed in a one-line prompt, and the Marks view lists every
//! mark across the documents, found again in the open ones, jumps to one, changes its note
//! (`m`) and deletes it (`d`, twice).
//!
//! The app does no I/O: it asks for a write or a listing with a [`MarksRequest`], which the
//! terminal layer runs against the store ([`MarksRequest::run`]) and answers with
//! [`Msg::Marks`]. So the store stays on the terminal layer's side, as files do, and a
//! headless test runs the same request against a store of its own.

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

use super::{App, Msg, View, cite::Selected};
use crate::document::sanitize::clean;
use crate::marks::{self, Kind, Mark, NewMark, Place, Store};

/// A note being typed: for a mark not saved yet, or to change a saved mark's note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotePrompt {
    /// The note so far.
    pub text: String,
    /// What `Enter` saves (for a saved mark: its kind and what it marks, to name it).
    pub mark: NewMark,
    /// The saved mark whose note this is; `None` for a new mark.
    pub id: Option<i64>,
}

/// What the app asks of the marks store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MarksRequest {
    /// Save this mark, then list every mark.
    Add(NewMark),
    /// Change mark `id`'s note, then list every mark.
    SetNote(i64, String),
    /// Delete mark `id`, then list every mark.
    Delete(i64),
    /// Record where marks were found again in changed documents (id, line, the document's
    /// hash now), so the next search starts there; then list every mark.
    Moved(Vec<(i64, usize, String)>),
    /// List every mark.
    List,
}

/// What a [`MarksRequest`] changed in the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarksDone {
    /// A mark of this kind was saved.
    Added(Kind),
    /// A mark's note was changed (to none, when `false`).
    NoteChanged(bool),
    /// A mark was deleted.
    Deleted,
}

/// The store's answer to a [`MarksRequest`].
#[derive(Debug)]
pub struct MarksAnswer {
    /// What was changed, when the request was to change something and it was done.
    pub done: Option<MarksDone>,
    /// Every mark, oldest first, or why they could not be read or written (one line).
    pub marks: Result<Vec<Mark>, String>,
}

impl MarksRequest {
    /// Runs the request against `store` (or the reason it could not be opened) and returns
    /// the answer for [`App::update`].
    pub fn run(self, store: Result<&mut Store, String>) -> Msg {
        let mut done = None;
        let marks = store.and_then(|store| {
            let did = match &self {
                MarksRequest::Add(mark) => store.add(mark).map(|_| MarksDone::Added(mark.kind)),
                MarksRequest::SetNote(id, note) => {
                    (store.set_note(*id, note)).map(|()| MarksDone::NoteChanged(!note.is_empty()))
                }
                MarksRequest::Delete(id) => store.delete(*id).map(|()| MarksDone::Deleted),
                MarksRequest::Moved(moved) => {
                    // Best effort: a store that cannot be written still lists the marks (they
                    // are found again next time as they were this time).
                    for (id, line, hash) in moved {
                        let _ = store.move_mark(*id, *line, hash);
                    }
                    return store.all().map_err(|e| e.to_string());
                }
                MarksRequest::List => return store.all().map_err(|e| e.to_string()),
            };
            done = Some(did.map_err(|e| e.to_string())?);
            store.all().map_err(|e| e.to_string())
        });
        Msg::Marks(MarksAnswer { done, marks })
    }
}

/// A mark as the Marks view lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkRow {
    /// The mark as saved.
    pub mark: Mark,
    /// The open document it is in, if it is open.
    pub doc: Option<usize>,
    /// Where it is now in that document (`None`: its document is not open).
    pub place: Option<Place>,
}

impl MarkRow {
    /// The line to show: where it is now, else where it was.
    pub fn line(&self) -> usize {
        self.place.and_then(Place::line).unwrap_or(self.mark.line)
    }

    /// The marked text can no longer be found in its (open) document.
    pub fn lost(&self) -> bool {
        self.place == Some(Place::Lost)
    }
}

/// The Marks view's state.
#[derive(Debug, Clone, Default)]
pub struct MarksState {
    /// Every mark, oldest first, found again where its document is open.
    pub rows: Vec<MarkRow>,
    /// Selected row.
    pub selected: usize,
    /// The marks have been read at least once.
    pub listed: bool,
    /// A note being typed: while it is, keys edit it.
    pub note: Option<NotePrompt>,
    /// The mark `d` asked to delete: a second `d` deletes it, any other key keeps it.
    pub deleting: Option<i64>,
    /// The last moves asked to be saved: a store that cannot save them is not asked again
    /// at every key.
    moved: Vec<(i64, usize, String)>,
}

/// `path` made absolute against `base` without touching the file system (`.` parts and
/// doubled slashes dropped), so a mark names its file the same whichever folder the app
/// was started in.
fn absolute(base: Option<&Path>, path: &Path) -> PathBuf {
    let joined = match base {
        Some(base) if path.is_relative() => base.join(path),
        _ => path.to_path_buf(),
    };
    joined
        .components()
        .filter(|c| *c != Component::CurDir)
        .collect()
}

impl App {
    /// How document `d` is named in the marks: its file made absolute, else its source.
    fn mark_path(&self, d: usize) -> String {
        let Some(doc) = self.docs.get(d) else {
            return String::new();
        };
        match &doc.path {
            Some(path) => absolute(self.cwd.as_deref(), path).display().to_string(),
            None => doc.source.clone(),
        }
    }

    /// `m`: opens the note prompt for what is selected; in the Marks view, for the
    /// selected mark's note, to change it.
    pub(super) fn start_mark(&mut self) {
        if self.view == View::Marks {
            self.start_note_change();
            return;
        }
        let Some(s) = self.selected() else {
            self.message = Some("Nothing here to mark".into());
            return;
        };
        let Selected {
            what,
            doc: d,
            section,
            line,
            ..
        } = s;
        let anchor = s.anchor().to_string();
        let kind = what.kind();
        let doc = &self.docs[d];
        let hash = (self.texts().docs.get(d)).map_or_else(String::new, marks::text_hash);
        let mark = NewMark {
            path: self.mark_path(d),
            hash,
            kind,
            anchor,
            line,
            title: doc.title(),
            section: (section.and_then(|s| doc.sections.get(s))).map(|s| s.title.to_string()),
            note: String::new(),
        };
        self.marks.note = Some(NotePrompt {
            text: String::new(),
            mark,
            id: None,
        });
        self.cursor = 0;
    }

    /// `m` in the Marks view: the note prompt, holding the selected mark's note.
    fn start_note_change(&mut self) {
        let Some(row) = self.marks.rows.get(self.marks.selected) else {
            self.message = Some("No mark here".into());
            return;
        };
        let m = &row.mark;
        let mark = NewMark {
            path: m.path.clone(),
            hash: m.hash.clone(),
            kind: m.kind,
            anchor: m.anchor.clone(),
            line: m.line,
            title: m.title.clone(),
            section: m.section.clone(),
            note: m.note.clone(),
        };
        self.marks.note = Some(NotePrompt {
            text: m.note.clone(),
            mark,
            id: Some(m.id),
        });
        self.cursor_to_end();
    }

    /// `d` in the Marks view: asks first; a second `d` deletes the mark.
    pub(super) fn delete_mark(&mut self) {
        let Some(row) = self.marks.rows.get(self.marks.selected) else {
            self.message = Some("No mark here".into());
            return;
        };
        let id = row.mark.id;
        if self.marks.deleting == Some(id) {
            self.marks.deleting = None;
            self.marks_request = Some(MarksRequest::Delete(id));
            return;
        }
        self.marks.deleting = Some(id);
        self.message = Some(format!(
            "Delete the mark on {}? d deletes it, any other key keeps it",
            noun(row.mark.kind)
        ));
    }

    /// Enter in the note prompt: the mark is saved with the note typed (none when empty).
    pub(super) fn save_mark(&mut self) {
        if let Some(prompt) = self.marks.note.take() {
            let note = prompt.text.trim().to_string();
            self.marks_request = Some(match prompt.id {
                Some(id) => MarksRequest::SetNote(id, note),
                None => MarksRequest::Add(NewMark {
                    note,
                    ..prompt.mark
                }),
            });
        }
    }

    /// Esc in the note prompt: nothing is saved.
    pub(super) fn cancel_mark(&mut self) {
        if let Some(prompt) = self.marks.note.take() {
            self.message = Some(match prompt.id {
                Some(_) => "The note is as it was".to_string(),
                None => format!("Not marked: {}", noun(prompt.mark.kind)),
            });
        }
    }

    /// Shows the Marks view, reading the marks again (another process may have added some).
    pub(super) fn list_marks(&mut self) {
        self.marks_request = Some(MarksRequest::List);
    }

    /// The store's answer: the footer confirms a mark saved, or says what went wrong.
    pub(super) fn marks_answered(&mut self, answer: MarksAnswer) {
        let marks = match answer.marks {
            Ok(marks) => marks,
            Err(why) => {
                self.message = Some(format!("⚠ Marks: {why}"));
                return;
            }
        };
        match answer.done {
            Some(MarksDone::Added(kind)) => {
                let with_note = marks.last().is_some_and(|m| !m.note.is_empty());
                self.message = Some(format!(
                    "Marked {}{}",
                    noun(kind),
                    if with_note { ", with a note" } else { "" }
                ));
            }
            Some(MarksDone::NoteChanged(true)) => self.message = Some("Note saved".into()),
            Some(MarksDone::NoteChanged(false)) => self.message = Some("Note removed".into()),
            Some(MarksDone::Deleted) => self.message = Some("Mark deleted".into()),
            None => {}
        }
        self.set_marks(marks);
    }

    /// The documents changed (loaded, read again, removed): the marks on screen are found
    /// again in them (elsewhere, showing the view lists them afresh).
    pub(super) fn relocate_marks(&mut self) {
        if self.view == View::Marks && self.marks.listed {
            let marks = self.marks.rows.drain(..).map(|r| r.mark).collect();
            self.set_marks(marks);
        }
    }

    /// Finds each mark again in its document when that is open.
    fn set_marks(&mut self, marks: Vec<Mark>) {
        let mut open: HashMap<String, usize> = HashMap::new();
        for d in 0..self.docs.len() {
            open.entry(self.mark_path(d)).or_insert(d);
        }
        let mut hashes: HashMap<usize, String> = HashMap::new();
        let rows = (marks.into_iter())
            .map(|mut mark| {
                // The database is a file anyone may write: what is drawn from it is made
                // safe for the terminal, as a document's text is.
                for text in [
                    &mut mark.title,
                    &mut mark.anchor,
                    &mut mark.note,
                    &mut mark.path,
                ] {
                    *text = clean(text);
                }
                mark.section = mark.section.as_deref().map(clean);
                let doc = open.get(&mark.path).copied();
                let place = doc.and_then(|d| {
                    let text = self.texts().docs.get(d)?;
                    let hash = hashes.entry(d).or_insert_with(|| marks::text_hash(text));
                    if mark.hash == *hash {
                        return Some(Place::Same(mark.line));
                    }
                    let found = marks::found(&mark, &self.docs[d], text);
                    Some(marks::anchor(&mark, hash, found))
                });
                MarkRow { mark, doc, place }
            })
            .collect::<Vec<_>>();
        // Where a mark was found in a changed document is remembered, so that the next
        // change is searched from there (and a mark found twice in it, the nearer one wins).
        // Not in a big document of which only the beginning is open yet (what is found there
        // is not where the mark is in the whole); and each set of moves is asked for once.
        let partial = self.reading_rest.then_some(self.current);
        let moved: Vec<(i64, usize, String)> = (rows.iter())
            .filter(|r| r.doc.is_some() && r.doc != partial)
            .filter_map(|r| match r.place {
                Some(Place::Moved(line)) => Some((r.mark.id, line, hashes.get(&r.doc?)?.clone())),
                _ => None,
            })
            .collect();
        if !moved.is_empty() && self.marks_request.is_none() && self.marks.moved != moved {
            self.marks.moved = moved.clone();
            self.marks_request = Some(MarksRequest::Moved(moved));
        }
        self.marks.selected = self.marks.selected.min(rows.len().saturating_sub(1));
        self.marks.rows = rows;
        self.marks.listed = true;
    }

    /// Enter in the Marks view: the selected mark's document opened at its line, marked.
    pub(super) fn jump_to_mark(&mut self) {
        let Some(row) = self.marks.rows.get(self.marks.selected) else {
            return;
        };
        match (row.doc, row.place.and_then(Place::line)) {
            (Some(d), Some(line)) => self.jump_to_source(d, line),
            (Some(_), None) => {
                self.message = Some(format!(
                    "Not found: the marked {} is no longer in {}",
                    row.mark.kind.name(),
                    row.mark.title
                ));
            }
            (None, _) => {
                self.message = Some(format!("In a document not open here: {}", row.mark.path));
            }
        }
    }
}

/// "the quote", "the event"…, for the footer.
fn noun(kind: Kind) -> &'static str {
    match kind {
        Kind::Quote => "the quote",
        Kind::Event => "the event",
        Kind::Section => "the section",
        Kind::Passage => "the passage",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_made_absolute_without_the_file_system() {
        let base = Path::new("/home/r");
        assert_eq!(
            absolute(Some(base), Path::new("./notes/./a.md")),
            PathBuf::from("/home/r/notes/a.md")
        );
        assert_eq!(
            absolute(Some(base), Path::new("/x//y.md")),
            PathBuf::from("/x/y.md")
        );
        assert_eq!(absolute(None, Path::new("a.md")), PathBuf::from("a.md"));
    }
}
