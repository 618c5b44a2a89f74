//! Marks and notes, kept in a SQLite database in the user's data directory
//! (`$XDG_DATA_HOME/dossier/marks.sqlite3`, else `~/.local/share/dossier/`), never in or
//! beside the documents.
//!
//! A mark names its document by path and by a hash of its text when it was made, and keeps
//! the text it marked (a quote, an event's title, a section's title, a passage): when the
//! document has changed, the mark is found again by that text (see [`anchor`]); one that
//! can no longer be found is listed as such, never dropped.
//!
//! The database is in WAL mode and every write is one transaction, committed with a full
//! sync: two processes marking at once wait for each other (a busy timeout) rather than
//! lose a write, and a process killed mid-write leaves every committed mark readable.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;

/// The database's file name in the data directory.
pub const FILE: &str = "marks.sqlite3";

/// Why the marks could not be read or written. Displayed as one line naming the file.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// No data directory: neither `$XDG_DATA_HOME` nor `$HOME` is set.
    #[error("no data directory for marks: set XDG_DATA_HOME or HOME, or pass --data-dir")]
    NoDataDir,
    /// The directory could not be made.
    #[error("{}: cannot create the data directory: {}", .0.display(), .1)]
    Dir(PathBuf, std::io::Error),
    /// SQLite refused.
    #[error("{}: {}", .0.display(), .1)]
    Sql(PathBuf, rusqlite::Error),
}

/// What was marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A quote.
    Quote,
    /// A timeline event.
    Event,
    /// A section (its heading).
    Section,
    /// A passage of the text.
    Passage,
}

impl Kind {
    /// The name stored and shown.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Quote => "quote",
            Kind::Event => "event",
            Kind::Section => "section",
            Kind::Passage => "passage",
        }
    }

    fn parse(name: &str) -> Kind {
        match name {
            "quote" => Kind::Quote,
            "event" => Kind::Event,
            "section" => Kind::Section,
            _ => Kind::Passage,
        }
    }
}

/// A mark to save.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewMark {
    /// The document's file (absolute where it could be made so), or its source name.
    pub path: String,
    /// [`content_hash`] of the document's text when marked.
    pub hash: String,
    /// What was marked.
    pub kind: Kind,
    /// The text marked, to find it again.
    pub anchor: String,
    /// 1-based line when marked.
    pub line: usize,
    /// The document's title when marked.
    pub title: String,
    /// The section's title when marked, if in one.
    pub section: Option<String>,
    /// The note, empty for none.
    pub note: String,
}

/// A saved mark.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mark {
    /// Its number in the database.
    pub id: i64,
    /// See [`NewMark`].
    pub path: String,
    /// See [`NewMark`].
    #[serde(skip)]
    pub hash: String,
    /// See [`NewMark`].
    pub kind: Kind,
    /// See [`NewMark`].
    #[serde(rename = "text")]
    pub anchor: String,
    /// See [`NewMark`].
    pub line: usize,
    /// See [`NewMark`].
    pub title: String,
    /// See [`NewMark`].
    pub section: Option<String>,
    /// See [`NewMark`].
    pub note: String,
    /// When it was made, in seconds since 1970.
    pub created: i64,
}

/// The open database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

/// The data directory: `data_dir` when given, else `$XDG_DATA_HOME/dossier`, else
/// `~/.local/share/dossier`.
pub fn data_dir(data_dir: Option<&Path>) -> Result<PathBuf, StoreError> {
    if let Some(dir) = data_dir {
        return Ok(dir.to_path_buf());
    }
    let non_empty = |v: std::ffi::OsString| (!v.is_empty()).then(|| PathBuf::from(v));
    if let Some(xdg) = std::env::var_os("XDG_DATA_HOME").and_then(non_empty) {
        return Ok(xdg.join("dossier"));
    }
    let home = std::env::var_os("HOME").and_then(non_empty);
    home.map(|h| h.join(".local/share/dossier"))
        .ok_or(StoreError::NoDataDir)
}

/// How long opening waits, in all, for other processes to let it set the database up.
const SET_UP_WAIT: Duration = Duration::from_secs(10);

/// Puts the database in WAL mode and makes its table, if another process has not: tried
/// again while another process holds a lock. Each wait for a lock is short: a process that
/// writes marks without pause holds the write lock nearly all the time, and one long wait
/// for it can starve (10 s, then "database is locked"), when the table it writes to was
/// there to be seen all along. Seeing it needs no lock in WAL mode.
fn set_up(conn: &Connection) -> rusqlite::Result<()> {
    conn.busy_timeout(Duration::from_millis(50))?;
    let deadline = std::time::Instant::now() + SET_UP_WAIT;
    loop {
        match try_set_up(conn) {
            Err(e)
                if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy)
                    && std::time::Instant::now() < deadline =>
            {
                std::thread::sleep(Duration::from_millis(10));
            }
            done => return done,
        }
    }
}

fn try_set_up(conn: &Connection) -> rusqlite::Result<()> {
    // Switching a new database to WAL takes a lock the busy timeout does not wait for.
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    let made: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'marks')",
        [],
        |row| row.get(0),
    )?;
    if made {
        return Ok(());
    }
    conn.execute_batch(
        "CREATE TABLE IF NOT EXISTS marks (
            id INTEGER PRIMARY KEY,
            path TEXT NOT NULL,
            hash TEXT NOT NULL,
            kind TEXT NOT NULL,
            anchor TEXT NOT NULL,
            line INTEGER NOT NULL,
            title TEXT NOT NULL,
            section TEXT,
            note TEXT NOT NULL DEFAULT '',
            created INTEGER NOT NULL
        );",
    )
}

impl Store {
    /// Opens (creating if need be) the marks database in `dir`.
    pub fn open(dir: &Path) -> Result<Store, StoreError> {
        std::fs::create_dir_all(dir).map_err(|e| StoreError::Dir(dir.to_path_buf(), e))?;
        let path = dir.join(FILE);
        let sql = |e| StoreError::Sql(path.clone(), e);
        let conn = Connection::open(&path).map_err(sql)?;
        set_up(&conn).map_err(sql)?;
        // Another process writing holds the lock for a few milliseconds: wait for it.
        conn.busy_timeout(Duration::from_secs(10)).map_err(sql)?;
        Ok(Store { conn, path })
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn sql(&self, e: rusqlite::Error) -> StoreError {
        StoreError::Sql(self.path.clone(), e)
    }

    /// Saves a mark (one transaction) and returns its number.
    pub fn add(&mut self, mark: &NewMark) -> Result<i64, StoreError> {
        let created = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() as i64);
        let path = self.path.clone();
        let tx = (self.conn.transaction()).map_err(|e| StoreError::Sql(path.clone(), e))?;
        tx.execute(
            "INSERT INTO marks (path, hash, kind, anchor, line, title, section, note, created)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![
                mark.path,
                mark.hash,
                mark.kind.name(),
                mark.anchor,
                mark.line as i64,
                mark.title,
                mark.section,
                mark.note,
                created
            ],
        )
        .map_err(|e| StoreError::Sql(path.clone(), e))?;
        let id = tx.last_insert_rowid();
        tx.commit().map_err(|e| StoreError::Sql(path, e))?;
        Ok(id)
    }

    /// Changes mark `id`'s note.
    pub fn set_note(&mut self, id: i64, note: &str) -> Result<(), StoreError> {
        (self.conn)
            .execute(
                "UPDATE marks SET note = ?1 WHERE id = ?2",
                params![note, id],
            )
            .map_err(|e| self.sql(e))?;
        Ok(())
    }

    /// Records where mark `id` was found again in a changed document, so that it is found
    /// there next time even if its text changes once more.
    pub fn move_mark(&mut self, id: i64, line: usize, hash: &str) -> Result<(), StoreError> {
        (self.conn)
            .execute(
                "UPDATE marks SET line = ?1, hash = ?2 WHERE id = ?3",
                params![line as i64, hash, id],
            )
            .map_err(|e| self.sql(e))?;
        Ok(())
    }

    /// Deletes mark `id`.
    pub fn delete(&mut self, id: i64) -> Result<(), StoreError> {
        (self.conn)
            .execute("DELETE FROM marks WHERE id = ?1", params![id])
            .map_err(|e| self.sql(e))?;
        Ok(())
    }

    /// Mark `id`, if it exists.
    pub fn get(&self, id: i64) -> Result<Option<Mark>, StoreError> {
        (self.conn)
            .query_row(&format!("{SELECT} WHERE id = ?1"), [id], row)
            .optional()
            .map_err(|e| self.sql(e))
    }

    /// Every mark, oldest first.
    pub fn all(&self) -> Result<Vec<Mark>, StoreError> {
        let mut stmt = (self.conn)
            .prepare(&format!("{SELECT} ORDER BY id"))
            .map_err(|e| self.sql(e))?;
        let rows = stmt.query_map([], row).map_err(|e| self.sql(e))?;
        rows.collect::<Result<Vec<_>, _>>().map_err(|e| self.sql(e))
    }
}

const SELECT: &str =
    "SELECT id, path, hash, kind, anchor, line, title, section, note, created FROM marks";

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Mark> {
    Ok(Mark {
        id: r.get(0)?,
        path: r.get(1)?,
        hash: r.get(2)?,
        kind: Kind::parse(&r.get::<_, String>(3)?),
        anchor: r.get(4)?,
        line: r.get::<_, i64>(5)?.max(0) as usize,
        title: r.get(6)?,
        section: r.get(7)?,
        note: r.get(8)?,
        created: r.get(9)?,
    })
}

/// A document's text hash, as hex: FNV-1a, 64 bits (it tells a changed text from the same
/// one; nothing depends on it being hard to forge).
pub fn content_hash(text: &str) -> String {
    format!("{:016x}", fnv(FNV_START, text.as_bytes()))
}

/// [`content_hash`] of a document's searchable text: its passages, each followed by a line
/// break, as [`DocText::of`](crate::search::DocText::of) copies them. The same whether the
/// text is that copy or the document's own, shared (which holds more than the passages).
pub fn text_hash(text: &crate::search::DocText) -> String {
    let h = (0..text.passages.len()).fold(FNV_START, |h, p| {
        fnv(fnv(h, text.passage_text(p).as_bytes()), b"\n")
    });
    format!("{h:016x}")
}

const FNV_START: u64 = 0xcbf2_9ce4_8422_2325;

/// FNV-1a from `h` on over `bytes`.
fn fnv(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Where a mark is now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase", tag = "status", content = "line")]
pub enum Place {
    /// The document is as it was: the line saved.
    Same(usize),
    /// The document changed; the marked text is now at this line.
    Moved(usize),
    /// The document changed and the marked text is no longer in it, or the document is gone.
    Lost,
}

impl Place {
    /// The line to show, if the mark was found.
    pub fn line(self) -> Option<usize> {
        match self {
            Place::Same(l) | Place::Moved(l) => Some(l),
            Place::Lost => None,
        }
    }
}

/// Where `mark` is in a document whose text hashes to `hash`, given the lines where its
/// kind of thing holds `anchor` now (`found`: the quotes, events, sections or passages whose
/// text equals or holds it); the one nearest the line saved wins.
pub fn anchor(mark: &Mark, hash: &str, found: impl IntoIterator<Item = usize>) -> Place {
    if mark.hash == hash {
        return Place::Same(mark.line);
    }
    match found.into_iter().min_by_key(|&l| l.abs_diff(mark.line)) {
        Some(line) => Place::Moved(line),
        None => Place::Lost,
    }
}

/// Where `mark` is in `doc` (whose searchable text is `text`) now: the quotes, events,
/// sections or passages that hold its text, the nearest the line saved.
pub fn locate(
    mark: &Mark,
    doc: &crate::document::Document,
    text: &crate::search::DocText,
) -> Place {
    let hash = text_hash(text);
    if mark.hash == hash {
        return Place::Same(mark.line);
    }
    anchor(mark, &hash, found(mark, doc, text))
}

/// The lines of the quotes, events, sections or passages (by the mark's kind) of `doc`
/// (whose searchable text is `text`) whose text equals the mark's (a passage: holds it).
pub fn found(
    mark: &Mark,
    doc: &crate::document::Document,
    text: &crate::search::DocText,
) -> Vec<usize> {
    let a = mark.anchor.as_str();
    match mark.kind {
        Kind::Quote => (doc.quotes.iter())
            .filter(|q| q.text == a)
            .map(|q| q.line)
            .collect(),
        Kind::Event => (doc.timeline.iter())
            .filter(|e| e.title == a)
            .map(|e| e.line)
            .collect(),
        Kind::Section => (doc.sections.iter())
            .filter(|s| s.title.as_str() == a)
            .map(|s| s.line)
            .collect(),
        Kind::Passage => (0..text.passages.len())
            .filter(|&p| text.passage_text(p).contains(a))
            .map(|p| text.passages[p].line as usize)
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_documents_hash_is_the_same_from_its_shared_text_and_from_a_copy() {
        let doc = crate::document::load(
            "t.md",
            "# A\n\n> “We knew,” she said.\n>\n> — Ada Byron\n\n---\n\n- \n\nText.\n",
        );
        let copy = crate::search::DocText::of(&doc);
        let shared = crate::search::DocText::sharing(&doc);
        assert_ne!(
            copy.text, shared.text,
            "the shared text holds more than the passages"
        );
        assert_eq!(text_hash(&copy), content_hash(&copy.text));
        assert_eq!(text_hash(&shared), content_hash(&copy.text));
    }

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("dossier-marks-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }

    fn new_mark(note: &str) -> NewMark {
        NewMark {
            path: "/tmp/a.md".into(),
            hash: content_hash("text"),
            kind: Kind::Quote,
            anchor: "we were struggling for compute".into(),
            line: 12,
            title: "A".into(),
            section: Some("Reactions".into()),
            note: note.into(),
        }
    }

    #[test]
    fn marks_are_saved_read_changed_and_deleted() {
        let dir = scratch("crud");
        let mut store = Store::open(&dir).unwrap();
        let a = store.add(&new_mark("first")).unwrap();
        let b = store.add(&new_mark("")).unwrap();
        store.set_note(b, "second").unwrap();
        let all = Store::open(&dir).unwrap().all().unwrap();
        assert_eq!(
            all.iter().map(|m| m.note.as_str()).collect::<Vec<_>>(),
            ["first", "second"]
        );
        assert_eq!(all[0].kind, Kind::Quote);
        assert_eq!(all[0].section.as_deref(), Some("Reactions"));
        store.delete(a).unwrap();
        assert_eq!(store.all().unwrap().len(), 1);
        let mode: String = (store.conn)
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_mark_is_found_again_by_its_text_or_listed_as_lost() {
        let mut mark = Store::open(&scratch("anchor"))
            .and_then(|mut s| {
                let id = s.add(&new_mark(""))?;
                Ok(s.get(id)?.unwrap())
            })
            .unwrap();
        assert_eq!(anchor(&mark, &content_hash("text"), []), Place::Same(12));
        assert_eq!(anchor(&mark, "other", [40, 3, 15]), Place::Moved(15));
        assert_eq!(anchor(&mark, "other", []), Place::Lost);
        mark.line = 0;
        assert_eq!(anchor(&mark, "other", [40, 3]), Place::Moved(3));
    }

    #[test]
    fn the_data_directory_follows_xdg() {
        assert_eq!(
            data_dir(Some(Path::new("/x"))).unwrap(),
            PathBuf::from("/x")
        );
    }
}
