//! The dossier model and its parser: a Markdown document with YAML front matter becomes
//! sections, timeline entries and quotes.
//!
//! Nothing here knows about terminals or files: [`load`] takes text and returns a
//! [`Document`]; [`decode`] turns raw bytes into that text or says why it can't. Every string in
//! the model has been through [`sanitize`] once, so it is safe to print.

pub mod beginning;
pub mod dates;
mod decode;
pub mod front_matter;
pub mod line_index;
pub mod names;
pub mod outline;
mod pipeline;
pub mod quotes;
pub mod sanitize;
pub mod sentences;
pub mod shortcodes;
pub mod text;
pub mod timeline;

use std::ops::Range;
use std::sync::Arc;

use serde::Serialize;

pub use beginning::beginning;
pub use dates::{Date, Precision};
pub use decode::{DecodeError, decode};
pub use front_matter::Meta;
pub use pipeline::{TWO_THREADS_BYTES, Threads};
pub use text::Text;

/// A parsed dossier.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Document {
    /// Where the text came from: a path, or `<embedded>` for the built-in dossier. A name to
    /// show (escaped and quoted when the path holds a control character or a byte that is not
    /// UTF-8), never to open: [`Document::path`] is for that.
    pub source: String,
    /// The file the text was read from, as the OS names it; `None` for the built-in dossier
    /// and standard input.
    #[serde(skip)]
    pub path: Option<std::path::PathBuf>,
    /// Front matter fields in file order, each with its YAML type.
    pub meta: Meta,
    /// Problems that did not stop the document from opening.
    pub warnings: Vec<Warning>,
    /// Plain text before the first heading.
    pub preamble: Text,
    /// Every heading, in document order.
    pub sections: Vec<Section>,
    /// Dated events, sorted by date then line.
    pub timeline: Vec<TimelineEntry>,
    /// Block quotes and quoted statements, in document order.
    pub quotes: Vec<Quote>,
    /// The body as blocks for the reader, in document order.
    #[serde(skip)]
    pub blocks: Vec<Block>,
    /// Every block's text, one after another: [`Block::text`] is a range of it (read it with
    /// [`Document::text_of`]). The sections' texts and the preamble share it.
    #[serde(skip)]
    pub text: Arc<String>,
    /// Every block's styled ranges, one after another: [`Block::marks`] is a range of it
    /// (read them with [`Document::marks_of`]).
    #[serde(skip)]
    pub marks: Vec<Mark>,
    /// Link targets; [`Inline::Link`] `n` points at `links[n - 1]`.
    #[serde(skip)]
    pub links: Vec<String>,
    /// The labels blocks carry, list items' numbers and footnote markers and code blocks'
    /// languages: a [`Label`] is an index into it (read them with [`Document::marker`] and
    /// [`Document::language`]).
    #[serde(skip)]
    pub labels: Vec<Box<str>>,
    /// Every table, in the order of the [`BlockKind::Table`] blocks (read one with
    /// [`Document::table`]).
    #[serde(skip)]
    pub tables: Vec<Table>,
}

/// A table of the body: its cells as plain text, row by row, and its columns' alignments.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Table {
    /// Every row's cells, the header rows first.
    pub rows: Vec<Vec<String>>,
    /// How many of the rows are the header.
    pub header_rows: usize,
    /// The column alignments, from the delimiter row (`:--`, `:-:`, `--:`).
    pub aligns: Vec<Align>,
}

/// A block's label, a list item's marker or a code block's language: an index into
/// [`Document::labels`], or one of the two labels every document has (no label, and the
/// bullet most items have). A block keeps a number rather than a string so that it stays
/// 40 bytes: a 200 MB dossier has millions of blocks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Label(u32);

impl Label {
    /// No label: an indented code block's language.
    pub const NONE: Label = Label(u32::MAX);
    /// A bulleted item's marker, `•`.
    pub const BULLET: Label = Label(u32::MAX - 1);

    /// Label `n` of a list of labels.
    fn at(n: usize) -> Label {
        Label(narrow(n).min(u32::MAX - 2))
    }

    /// The same label in a list that has `by` labels before this one's.
    fn shifted(self, by: usize) -> Label {
        match self {
            Label::NONE | Label::BULLET => self,
            Label(n) => Label::at(n as usize + by),
        }
    }

    /// The label's text in `labels`, the list it indexes.
    fn read(self, labels: &[Box<str>]) -> &str {
        match self {
            Label::NONE => "",
            Label::BULLET => "•",
            Label(n) => labels.get(n as usize).map_or("", |l| l),
        }
    }
}

/// How a table column is aligned, as its delimiter row says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Align {
    /// `---`: no alignment given.
    #[default]
    None,
    /// `:--`
    Left,
    /// `:-:`
    Center,
    /// `--:`
    Right,
}

/// A problem in a document that did not stop it from opening.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    /// 1-based line in the file, when known.
    pub line: Option<usize>,
    /// 1-based column, when known.
    pub column: Option<usize>,
    /// What is wrong, in one line.
    pub message: String,
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.line, self.column) {
            (Some(l), Some(c)) => write!(f, "line {l}, column {c}: {}", self.message),
            (Some(l), None) => write!(f, "line {l}: {}", self.message),
            _ => f.write_str(&self.message),
        }
    }
}

/// A heading and the text it owns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Section {
    /// 1 for `#` through 6 for `######` (setext: 1 for `===`, 2 for `---`).
    pub level: u8,
    /// The heading as plain text, inline markup removed (a piece of one buffer that holds all
    /// the document's titles: no string of its own to allocate and free).
    pub title: Text,
    /// 1-based line of the heading in the file.
    pub line: usize,
    /// Index of the nearest shallower heading before this one.
    pub parent: Option<usize>,
    /// Plain text of the section's own content, up to its first subsection.
    pub text: Text,
}

/// Where a timeline entry was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    /// A heading that is or contains a date.
    Heading,
    /// A dated sentence or list item.
    Text,
}

/// One dated event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TimelineEntry {
    /// The date (serialized as ISO: `2024-05-14`, `2023-11`, `2021`).
    pub date: Date,
    /// How exact the date is.
    pub precision: Precision,
    /// What happened: the dated sentence or item, or the heading.
    pub title: String,
    /// Index of the section it is in (null in the preamble).
    pub section: Option<usize>,
    /// 1-based line of the date in the file.
    pub line: usize,
    /// Whether a heading or running text gave the date.
    pub origin: Origin,
}

/// How a quote appears in the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// A `>` block quote.
    Block,
    /// A quoted statement inside running text.
    Inline,
}

/// A quotation and who said it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Quote {
    /// The quoted words, without `>` markers, enclosing quotation marks or attribution.
    pub text: String,
    /// Who said it, when the document tells.
    pub speaker: Option<String>,
    /// Index of the section it is in (null in the preamble).
    pub section: Option<usize>,
    /// 1-based line where it starts.
    pub line: usize,
    /// Block quote or inline statement.
    pub kind: QuoteKind,
}

/// A block of the body as the reader shows it: no Markdown syntax left, only structure.
///
/// Its text and marks are ranges of lists the document holds for all its blocks (read them
/// with [`Document::text_of`] and [`Document::marks_of`]): a block owns nothing on the heap
/// but what its kind needs, so a 5 MB dossier's 70,000 blocks cost no allocation or reference
/// count each. Its numbers are `u32` (files dossier opens are at most 256 MiB) so that a
/// block is 40 bytes: the timeline and quote finders read every block, and a 200 MB
/// dossier has millions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// What kind of block.
    pub kind: BlockKind,
    /// 1-based line where it starts (see [`Block::line`]).
    pub line: u32,
    /// The section it belongs to (a heading block belongs to its own section; see
    /// [`Block::section`]).
    pub section: Option<u32>,
    /// Where its plain text is in [`Document::text`]; soft breaks are spaces, hard breaks
    /// newlines.
    pub text: Range<u32>,
    /// Where its styled ranges are in [`Document::marks`]; each mark's range is in the block's
    /// own text.
    pub marks: Range<u32>,
    /// How many block quotes it sits in.
    pub quote_depth: u16,
    /// How many lists it sits in.
    pub list_depth: u16,
}

/// The kinds of [`Block`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// A heading of level 1–6.
    Heading { level: u8 },
    /// A paragraph.
    Paragraph,
    /// A list item with its bullet, number or footnote label (read it with
    /// [`Document::marker`]).
    Item { marker: Label },
    /// A code block; `text` is the code (its language: [`Document::language`]).
    Code { language: Label },
    /// A table; `text` has the rows as `a | b` lines, and [`Document::tables`]`[table]` the
    /// cells (see [`Document::table`]).
    Table { table: u32 },
    /// Raw HTML, shown as it is.
    Html,
    /// A thematic break.
    Rule,
    /// The speaker of the block quote just above, as the model found it.
    Attribution,
}

impl Block {
    /// 1-based line where it starts.
    pub fn line(&self) -> usize {
        self.line as usize
    }

    /// The section it belongs to.
    pub fn section(&self) -> Option<usize> {
        self.section.map(|s| s as usize)
    }

    /// Where its text is, as a range to index with.
    pub fn text_range(&self) -> Range<usize> {
        wide(&self.text)
    }

    /// Its text in `text`, the buffer it is a range of (empty if it is not in it).
    fn text_in<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.text_range()).unwrap_or_default()
    }

    /// Its marks in `marks`, the list they are a range of.
    fn marks_in<'m>(&self, marks: &'m [Mark]) -> &'m [Mark] {
        marks.get(wide(&self.marks)).unwrap_or_default()
    }

    /// Its marker as an item, in `labels`, the list its label indexes.
    fn marker_in<'l>(&self, labels: &'l [Box<str>]) -> &'l str {
        match self.kind {
            BlockKind::Item { marker } => marker.read(labels),
            _ => "",
        }
    }

    /// Its language as a code block, in `labels`, the list its label indexes.
    fn language_in<'l>(&self, labels: &'l [Box<str>]) -> &'l str {
        match self.kind {
            BlockKind::Code { language } => language.read(labels),
            _ => "",
        }
    }

    /// Its table, in `tables`, the list its number indexes.
    fn table_in<'t>(&self, tables: &'t [Table]) -> Option<&'t Table> {
        match self.kind {
            BlockKind::Table { table } => tables.get(table as usize),
            _ => None,
        }
    }
}

/// An index or offset as the model keeps it, a `u32`: lists and byte offsets stay far below
/// 4 billion for any file dossier opens (256 MiB at most), and a large dossier has hundreds
/// of thousands of them, so they are kept at half the size of a `usize`. It saturates: a
/// text over 4 GiB would get wrong line numbers past that point, never a panic.
fn narrow(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// A `u32` range of the model as a range to index with.
fn wide(range: &Range<u32>) -> Range<usize> {
    range.start as usize..range.end as usize
}

/// A styled range of a block's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    /// Byte range in the block's text.
    pub range: std::ops::Range<usize>,
    /// The style.
    pub style: Inline,
}

/// Inline styles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Inline {
    /// `*emphasis*`
    Emphasis,
    /// `**strong**`
    Strong,
    /// `` `code` ``
    Code,
    /// `~~strikethrough~~`
    Strike,
    /// A link to [`Document::links`]`[n - 1]`.
    Link(usize),
    /// An image's alt text; its source is [`Document::links`]`[n - 1]`. What it says
    /// describes a picture: no date or quote in it is the document's.
    Image(usize),
    /// A footnote reference, `[^label]` in the text: the note is the list item whose marker
    /// is `[^label]:` (where pulldown-cmark put the definition).
    Footnote,
    /// An HTML tag inside running text (`<a href="…">`, `</span>`), kept as written: markup,
    /// not words, so no quotation mark or date in it is the document's.
    Html,
}

impl Inline {
    /// The number of the link this mark points to, a link's or an image's: an index into
    /// [`Document::links`] plus one.
    pub fn link(self) -> Option<usize> {
        match self {
            Inline::Link(n) | Inline::Image(n) => Some(n),
            _ => None,
        }
    }
}

/// Parses a dossier. `source` names it in the model; `text` is the whole file. Never fails:
/// what can't be read (bad front matter) becomes a warning and stays in the text.
///
/// A big document (see [`TWO_THREADS_BYTES`]) is parsed and searched on two threads.
pub fn load(source: &str, text: &str) -> Document {
    pipeline::load_with(source, text, pipeline::Threads::TwoWhenBig)
}

/// [`load`] on this thread alone, whatever the size: for callers that already keep every
/// core busy, one document per core (a library's load), where a second thread per
/// document would only take turns with the others. The result is the same.
pub fn load_on_this_thread(source: &str, text: &str) -> Document {
    pipeline::load_with(source, text, pipeline::Threads::One)
}

/// [`load`] or [`load_on_this_thread`], as `threads` says.
pub fn load_with_threads(source: &str, text: &str, threads: Threads) -> Document {
    pipeline::load_with(source, text, threads)
}

/// [`load_with_threads`] for a file given part by part, `(offset, text)` in order, as a reader
/// cuts it (each part but the last ends just before an unindented heading after a blank
/// line: see [`outline::part_end`]); `size` is the file's size in bytes. Each part is walked
/// and dropped as it comes, so that the file is never in memory whole beside its model: for a
/// big file, what it costs to load is about its model's size rather than that and the file's.
/// The document is the one [`load_with_threads`] makes of the whole text. `Ok(None)` when the
/// parts cannot be walked apart (a link or footnote definition, a site-generator tag, front
/// matter or a block that runs on past a cut): then load the whole text. An error of `parts`
/// ends the load.
pub fn load_in_parts<E>(
    source: &str,
    size: usize,
    parts: impl Iterator<Item = Result<(usize, String), E>>,
    threads: Threads,
) -> Result<Option<Document>, E> {
    pipeline::load_parts(source, size, parts, threads)
}

/// The order of timeline entries across documents, as every view of a library lists them:
/// by date, then document (its source), then line. Each document's own timeline is in this
/// order already.
pub fn timeline_order(
    (da, a): (&Document, &TimelineEntry),
    (db, b): (&Document, &TimelineEntry),
) -> std::cmp::Ordering {
    (a.date.cmp(&b.date))
        .then_with(|| da.source.cmp(&db.source))
        .then(a.line.cmp(&b.line))
}

impl Document {
    /// `block`'s plain text (empty for a block of another document).
    pub fn text_of(&self, block: &Block) -> &str {
        block.text_in(&self.text)
    }

    /// `block`'s styled ranges, each a range of its text.
    pub fn marks_of(&self, block: &Block) -> &[Mark] {
        block.marks_in(&self.marks)
    }

    /// A list item's marker (`•`, `3.`, `• [x]`, `[^note]:`); empty for another block.
    pub fn marker(&self, block: &Block) -> &str {
        block.marker_in(&self.labels)
    }

    /// A code block's language; empty when it has none, or for another block.
    pub fn language(&self, block: &Block) -> &str {
        block.language_in(&self.labels)
    }

    /// A table block's table.
    pub fn table(&self, block: &Block) -> Option<&Table> {
        block.table_in(&self.tables)
    }

    /// The front matter field `key` as display text, if present and not empty.
    pub fn field(&self, key: &str) -> Option<String> {
        self.meta
            .get(key)
            .map(front_matter::display_value)
            .filter(|s| !s.trim().is_empty())
    }

    /// The document's title: the `title` field, else the first heading, else the source.
    pub fn title(&self) -> String {
        self.field("title")
            .or_else(|| {
                self.sections
                    .first()
                    .map(|s| s.title.to_string())
                    .filter(|t| !t.is_empty())
            })
            .unwrap_or_else(|| self.source.clone())
    }

    /// The chain of section indices from the outermost ancestor down to `section`.
    pub fn section_path(&self, section: usize) -> Vec<usize> {
        let mut path = Vec::new();
        let mut at = Some(section);
        while let Some(i) = at {
            if path.len() > self.sections.len() {
                break;
            }
            path.push(i);
            at = self.sections.get(i).and_then(|s| s.parent);
        }
        path.reverse();
        path
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_block_is_forty_bytes_and_a_label_reads_back() {
        // A 200 MB dossier has 2.6 million blocks: 24 bytes more each is 63 MB more.
        assert_eq!(std::mem::size_of::<Block>(), 40);
        let labels: Vec<Box<str>> = vec!["3.".into(), "rust".into()];
        assert_eq!(Label::BULLET.read(&labels), "•");
        assert_eq!(Label::NONE.read(&labels), "");
        assert_eq!(Label::at(1).read(&labels), "rust");
        assert_eq!(Label::at(0).shifted(1).read(&labels), "rust");
        assert_eq!(Label::BULLET.shifted(1), Label::BULLET);
    }
}
