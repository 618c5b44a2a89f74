//! The file formats the listing commands (`timeline`, `quotes`, `people`) write besides text
//! and JSON: CSV for a spreadsheet, iCalendar for a calendar program, Markdown for a note.
//! [`crate::cli`] decides what the rows hold; each module here only writes them as its format
//! needs, escaping every document string (all untrusted) the way that format requires.

pub mod csv;
pub mod ics;
pub mod markdown;
