//! Command-line arguments (clap derive) and the non-interactive subcommands' output: text
//! tables, JSON, and (through [`crate::formats`]) CSV, Markdown and an iCalendar timeline.

use std::io::{self, Write};
use std::path::PathBuf;

use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};
use serde::Serialize;

use crate::app::TimelineState;
use crate::document::{Document, Quote, Section, TimelineEntry, sanitize};
use crate::formats::{self, csv::text_field, ics::CalendarEntry, markdown};
use crate::search::QuoteIndex;

/// A terminal browser for research dossiers: read the document, see what happened when, find
/// who said what. PATH may be a dossier file or a folder of them (a library).
#[derive(Debug, Parser)]
#[command(
    name = "dossier",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// The dossier or folder to open; `-` reads one from standard input (so does no path
    /// with a pipe on standard input). Default: the dossier built into dossier.
    pub path: Option<PathBuf>,
    /// The colour theme (default: DOSSIER_THEME, else the terminal's background).
    #[arg(long, value_enum)]
    pub theme: Option<ThemeArg>,
    /// The most columns the reader's text takes, however wide the window.
    #[arg(long, value_name = "N", default_value_t = crate::app::reader::DEFAULT_MEASURE,
          value_parser = clap::value_parser!(u16).range(20..))]
    pub width: u16,
    /// Where the app keeps its marks (default: $XDG_DATA_HOME/dossier, else
    /// ~/.local/share/dossier).
    #[arg(long, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// `--theme`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ThemeArg {
    /// For a dark background.
    Dark,
    /// For a light background.
    Light,
}

impl ThemeArg {
    /// The view's scheme.
    pub fn scheme(self) -> crate::view::theme::Scheme {
        match self {
            ThemeArg::Dark => crate::view::theme::Scheme::Dark,
            ThemeArg::Light => crate::view::theme::Scheme::Light,
        }
    }
}

/// The non-interactive subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the whole model as one JSON object.
    Export(PathArg),
    /// Print the heading outline with line numbers.
    Sections(Listing),
    /// Print the timeline: date, line, title, section; --filter keeps what the timeline
    /// view's filter keeps; --format ics writes a calendar.
    Timeline(TimelineArgs),
    /// Print the quotes: speaker, line, text; --query ranks them by fuzzy match.
    Quotes(QuotesArgs),
    /// Print every speaker: quotes, first and last date, documents.
    People(PeopleArgs),
    /// Print the passages that hold words or a phrase, best first, as the Search view
    /// lists them: `dossier search [PATH] QUERY`.
    #[command(override_usage = "dossier search [PATH] QUERY [--json] [--limit N]")]
    Search(SearchArgs),
    /// Print every mark and note, each found again in its document if it changed.
    Marks(MarksArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions(CompletionsArgs),
    /// Print the manual page (roff), for `man -l -` or a man directory.
    Man,
}

/// `completions` arguments.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    pub shell: clap_complete::Shell,
}

/// A dossier path.
#[derive(Debug, Args)]
pub struct PathArg {
    /// The dossier or folder (`-`: standard input; default: the built-in one).
    pub path: Option<PathBuf>,
}

/// A listing command's arguments.
#[derive(Debug, Args)]
pub struct Listing {
    /// The dossier or folder (`-`: standard input; default: the built-in one).
    pub path: Option<PathBuf>,
    /// Print the rows as JSON.
    #[arg(long)]
    pub json: bool,
}

/// How `quotes` and `people` print their rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Aligned columns, to read in a terminal.
    Text,
    /// A JSON array of objects (as --json).
    Json,
    /// CSV (RFC 4180) with a header row, for a spreadsheet.
    Csv,
    /// A Markdown table or list, for notes.
    Md,
}

/// How `timeline` prints its rows: as the other listings do, or as a calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TimelineFormat {
    /// Aligned columns, to read in a terminal.
    Text,
    /// A JSON array of objects (as --json).
    Json,
    /// CSV (RFC 4180) with a header row, for a spreadsheet.
    Csv,
    /// A Markdown table, for notes.
    Md,
    /// An iCalendar file (RFC 5545): one all-day event per entry, an entry known only to
    /// the month or year on its first day.
    Ics,
}

/// `timeline` arguments.
#[derive(Debug, Args)]
pub struct TimelineArgs {
    /// The dossier or folder (`-`: standard input; default: the built-in one).
    pub path: Option<PathBuf>,
    /// Print only the events this filter keeps, as the timeline view's `/` filter does:
    /// dates and ranges (`2024`, `2023-11..2024-06`, `..2023`), `in:word` (in the
    /// document's title), and words that must be in the event, its date or its section.
    #[arg(long, value_name = "FILTER")]
    pub filter: Option<String>,
    /// How to print the rows.
    #[arg(long, value_enum, default_value = "text")]
    pub format: TimelineFormat,
    /// Print the rows as JSON (as --format json).
    #[arg(long, conflicts_with = "format")]
    pub json: bool,
}

impl TimelineArgs {
    /// The format asked for, `--json` included.
    pub fn format(&self) -> TimelineFormat {
        if self.json {
            TimelineFormat::Json
        } else {
            self.format
        }
    }
}

/// `people` arguments.
#[derive(Debug, Args)]
pub struct PeopleArgs {
    /// The dossier or folder (`-`: standard input; default: the built-in one).
    pub path: Option<PathBuf>,
    /// How to print the rows.
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
    /// Print the rows as JSON (as --format json).
    #[arg(long, conflicts_with = "format")]
    pub json: bool,
}

impl PeopleArgs {
    /// The format asked for, `--json` included.
    pub fn format(&self) -> Format {
        if self.json { Format::Json } else { self.format }
    }
}

/// `quotes` arguments.
#[derive(Debug, Args)]
pub struct QuotesArgs {
    /// The dossier or folder (`-`: standard input; default: the built-in one).
    pub path: Option<PathBuf>,
    /// Rank quotes for this query, as the Quotes view does: fuzzy words, `'exact`,
    /// `"a phrase"`, `^start`, `end$`, `!not`, `a | b`, `@speaker`.
    #[arg(long, short)]
    pub query: Option<String>,
    /// Print only this person's quotes (a full name, a surname, or part of a name).
    #[arg(long, short)]
    pub speaker: Option<String>,
    /// Print at most this many quotes.
    #[arg(long, short)]
    pub limit: Option<usize>,
    /// How to print the rows.
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
    /// Print the rows as JSON (as --format json).
    #[arg(long, conflicts_with = "format")]
    pub json: bool,
}

impl QuotesArgs {
    /// The format asked for, `--json` included.
    pub fn format(&self) -> Format {
        if self.json { Format::Json } else { self.format }
    }
}

/// `marks` arguments.
#[derive(Debug, Args)]
pub struct MarksArgs {
    /// Where the marks database is (default: $XDG_DATA_HOME/dossier, else
    /// ~/.local/share/dossier).
    #[arg(long)]
    pub data_dir: Option<PathBuf>,
    /// How to print the marks (text, json or md).
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
    /// Print the marks as JSON (as --format json).
    #[arg(long, conflicts_with = "format")]
    pub json: bool,
}

/// One mark of `marks --json`: the mark as saved, and where it is now.
#[derive(Serialize)]
struct MarkJson<'a> {
    #[serde(flatten)]
    mark: &'a crate::marks::Mark,
    /// `same`, `moved` (with the line now) or `lost`.
    now: crate::marks::Place,
}

/// `marks`: every mark in the database, found again in its document.
pub fn marks(args: &MarksArgs, out: &mut dyn Write) -> Result<(), String> {
    use crate::marks::{self, Place};
    let dir = marks::data_dir(args.data_dir.as_deref()).map_err(|e| e.to_string())?;
    let store = marks::Store::open(&dir).map_err(|e| e.to_string())?;
    let all = store.all().map_err(|e| e.to_string())?;
    // Each document read once, however many marks it has.
    let mut read: std::collections::HashMap<&str, Option<(Document, crate::search::DocText)>> =
        std::collections::HashMap::new();
    let places: Vec<Place> = (all.iter())
        .map(|m| {
            let doc = read.entry(m.path.as_str()).or_insert_with(|| {
                let doc = crate::library::open_file(std::path::Path::new(&m.path)).ok()?;
                let text = crate::search::DocText::of(&doc);
                Some((doc, text))
            });
            doc.as_ref()
                .map_or(Place::Lost, |(doc, text)| marks::locate(m, doc, text))
        })
        .collect();
    let format = if args.json { Format::Json } else { args.format };
    let written = match format {
        Format::Json => {
            let rows: Vec<MarkJson> = (all.iter().zip(&places))
                .map(|(mark, &now)| MarkJson { mark, now })
                .collect();
            write_json(out, &rows)
        }
        Format::Md => (|| {
            writeln!(out, "# Marks\n")?;
            for (m, now) in all.iter().zip(&places) {
                let place = match now {
                    Place::Lost => "not found".to_string(),
                    p => format!("line {}", p.line().unwrap_or(m.line)),
                };
                let section = m
                    .section
                    .as_deref()
                    .map(|s| format!(", {s}"))
                    .unwrap_or_default();
                writeln!(
                    out,
                    "- **{}**{section} ({place}), {}: {}",
                    m.title,
                    m.kind.name(),
                    m.anchor
                )?;
                if !m.note.is_empty() {
                    writeln!(out, "  - Note: {}", m.note)?;
                }
            }
            Ok(())
        })(),
        Format::Text | Format::Csv => (|| {
            for (m, now) in all.iter().zip(&places) {
                let place = match now {
                    Place::Same(l) => l.to_string(),
                    Place::Moved(l) => format!("{l} (moved from {})", m.line),
                    Place::Lost => format!("? (not found; was {})", m.line),
                };
                writeln!(out, "{}:{place}: {} {}", m.path, m.kind.name(), m.anchor)?;
                if !m.note.is_empty() {
                    writeln!(out, "    note: {}", m.note)?;
                }
            }
            Ok(())
        })(),
    };
    written.map_err(|e| e.to_string())
}

/// `search` arguments: `[PATH] QUERY`.
#[derive(Debug, Args)]
pub struct SearchArgs {
    /// The dossier or folder, then the query (with one word only, the query, in the
    /// built-in dossier). The query: words (each matches at the start of a word),
    /// `'part` (anywhere), `"a phrase"`, `!not`, `a | b`, `^start`, `end$`.
    #[arg(required = true, num_args = 1..=2, value_names = ["PATH", "QUERY"])]
    pub words: Vec<String>,
    /// Print at most this many passages.
    #[arg(long, short)]
    pub limit: Option<usize>,
    /// Print the passages as JSON.
    #[arg(long)]
    pub json: bool,
}

impl SearchArgs {
    /// The dossier or folder named, if any.
    pub fn path(&self) -> Option<&std::path::Path> {
        match self.words.as_slice() {
            [path, _] => Some(std::path::Path::new(path)),
            _ => None,
        }
    }

    /// The query.
    pub fn query(&self) -> &str {
        self.words.last().map_or("", String::as_str)
    }
}

/// One passage of `search --json`.
#[derive(Serialize)]
struct PassageJson<'a> {
    /// The document's source (its path as shown).
    document: &'a str,
    title: String,
    /// The section's title (null in the preamble).
    section: Option<String>,
    line: usize,
    score: f32,
    /// The passage's plain text.
    text: &'a str,
    /// What matched, as `[start, end)` byte offsets in `text`.
    matches: Vec<[usize; 2]>,
}

/// `search`: the passages of `docs` (whose searchable texts are `texts`) that hold the
/// query, best first.
pub fn search(
    docs: &[Document],
    texts: &crate::search::TextIndex,
    args: &SearchArgs,
    out: &mut dyn Write,
) -> io::Result<()> {
    let query = args.query();
    let hits = texts.search(query, crate::library::threads());
    let hits = &hits[..args.limit.unwrap_or(usize::MAX).min(hits.len())];
    let rows = hits.iter().filter_map(|h| {
        let doc = docs.get(h.doc as usize)?;
        let dt = texts.docs.get(h.doc as usize)?;
        let passage = dt.passages.get(h.passage as usize)?;
        let text = dt.passage_text(h.passage as usize);
        Some(PassageJson {
            document: &doc.source,
            title: doc.title(),
            section: (passage.section())
                .and_then(|s| doc.sections.get(s))
                .map(|s| s.title.to_string()),
            line: passage.line as usize,
            score: h.score,
            text,
            matches: (crate::search::text::matches(text, query).into_iter())
                .map(|r| [r.start, r.end])
                .collect(),
        })
    });
    if args.json {
        return write_json(out, &rows.collect::<Vec<_>>());
    }
    for row in rows {
        let section = row.section.as_deref().unwrap_or("");
        let text: Vec<&str> = row.text.split_whitespace().collect();
        writeln!(out, "{}:{}: {section}", row.document, row.line)?;
        writeln!(out, "    {}", text.join(" "))?;
    }
    Ok(())
}

impl Command {
    /// The path the command names, if any.
    pub fn path(&self) -> Option<&std::path::Path> {
        match self {
            Command::Export(a) => a.path.as_deref(),
            Command::Sections(a) => a.path.as_deref(),
            Command::Timeline(a) => a.path.as_deref(),
            Command::Quotes(a) => a.path.as_deref(),
            Command::People(a) => a.path.as_deref(),
            Command::Search(a) => a.path(),
            Command::Marks(_) | Command::Completions(_) | Command::Man => None,
        }
    }

    /// Whether the command prints JSON (which carries the documents' warnings itself).
    pub fn prints_json(&self) -> bool {
        match self {
            Command::Export(_) => true,
            Command::Sections(a) => a.json,
            Command::Timeline(a) => a.format() == TimelineFormat::Json,
            Command::Quotes(a) => a.format() == Format::Json,
            Command::People(a) => a.format() == Format::Json,
            Command::Search(a) => a.json,
            Command::Marks(a) => a.json || a.format == Format::Json,
            Command::Completions(_) | Command::Man => false,
        }
    }

    /// Whether the command prints something of its own, not a dossier.
    pub fn reads_no_dossier(&self) -> bool {
        matches!(
            self,
            Command::Completions(_) | Command::Man | Command::Marks(_)
        )
    }
}

/// Writes `dossier completions SHELL`: the completion script for `shell`.
pub fn completions(shell: clap_complete::Shell, out: &mut dyn Write) -> io::Result<()> {
    // Made in memory first: clap_complete panics when its writer fails (`| head`).
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "dossier", &mut script);
    out.write_all(&script)
}

/// Writes `dossier man`: the manual page, as roff.
pub fn man(out: &mut dyn Write) -> io::Result<()> {
    clap_mangen::Man::new(Cli::command()).render(out)
}

/// The command `word` (a path on the command line that names no file) looks like a
/// mistyping of: a subcommand's name at most a third of its letters away (`timelin`,
/// `qoutes`, `exprot`). Paths with a folder or an extension in them are taken as paths.
pub fn mistyped_command(word: &str) -> Option<String> {
    if word.is_empty() || word.contains(['/', '\\', '.']) {
        return None;
    }
    let word = word.to_lowercase();
    Cli::command()
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .filter(|name| *name != "help")
        .map(|name| (strsim::osa_distance(&word, &name), name))
        .filter(|(d, name)| *d <= (name.chars().count() / 3).max(1))
        .min()
        .map(|(_, name)| name)
}

/// Runs a subcommand on the opened documents (one, or a library's in path order), writing
/// to `out`.
pub fn run(
    command: &Command,
    docs: &[Document],
    library: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    // A library's output that is each document's on its own is written one document at a
    // time, as `dossier DIR` writes it while the documents load.
    if let (true, Some(streamed)) = (library, Streamed::of(Some(command))) {
        for (n, doc) in docs.iter().enumerate() {
            streamed.write(out, doc, n)?;
        }
        return streamed.finish(out, docs.len());
    }
    match command {
        Command::Export(_) => docs.iter().try_for_each(|d| write_json(out, d)),
        Command::Sections(a) if a.json => write_json(out, &docs[0].sections),
        Command::Sections(_) => {
            for d in docs {
                if library {
                    writeln!(out, "== {} ({})", d.title(), d.source)?;
                }
                sections(d, out)?;
            }
            Ok(())
        }
        Command::Timeline(a) => timeline(docs, library, a, out),
        Command::Quotes(a) => quotes(docs, library, a, out),
        Command::People(a) => people(docs, a.format(), out),
        Command::Search(a) => {
            let texts = crate::search::TextIndex {
                docs: docs.iter().map(crate::search::DocText::of).collect(),
            };
            search(docs, &texts, a, out)
        }
        Command::Completions(a) => completions(a.shell, out),
        Command::Man => man(out),
        Command::Marks(a) => marks(a, out).map_err(io::Error::other),
    }
}

/// A row of `people --json`.
#[derive(Serialize)]
struct PersonRow<'a> {
    speaker: &'a str,
    quotes: usize,
    first: Option<String>,
    last: Option<String>,
    documents: Vec<&'a str>,
}

fn people(docs: &[Document], format: Format, out: &mut dyn Write) -> io::Result<()> {
    let people = crate::people::people(docs);
    let rows: Vec<PersonRow> = people
        .iter()
        .map(|p| PersonRow {
            speaker: &p.name,
            quotes: p.quotes,
            first: p.first.map(|d| d.iso()),
            last: p.last.map(|d| d.iso()),
            documents: (p.documents.iter())
                .filter_map(|&d| docs.get(d))
                .map(|d| d.source.as_str())
                .collect(),
        })
        .collect();
    match format {
        Format::Json => write_json(out, &rows),
        Format::Text => {
            for r in &rows {
                writeln!(
                    out,
                    "{:<24}  {:>5}  {:<10}  {:<10}  {}",
                    r.speaker,
                    r.quotes,
                    dash(&r.first),
                    dash(&r.last),
                    r.documents(", ")
                )?;
            }
            Ok(())
        }
        Format::Csv => {
            let records: Vec<Vec<String>> = (rows.iter())
                .map(|r| {
                    vec![
                        text_field(r.speaker),
                        r.quotes.to_string(),
                        r.first.clone().unwrap_or_default(),
                        r.last.clone().unwrap_or_default(),
                        text_field(&r.documents(PEOPLE_DOCUMENTS_SEPARATOR)),
                    ]
                })
                .collect();
            let header = ["speaker", "quotes", "first", "last", "documents"];
            formats::csv::write(out, &header, &records)
        }
        Format::Md => {
            markdown::heading(out, &format!("People: {}", titled(docs)))?;
            if rows.is_empty() {
                return writeln!(out, "No one is quoted.");
            }
            let cells: Vec<Vec<String>> = (rows.iter())
                .map(|r| {
                    let (first, last) = (dash(&r.first), dash(&r.last));
                    let (quotes, documents) = (r.quotes.to_string(), r.documents(", "));
                    vec![r.speaker.to_string(), quotes, first, last, documents]
                })
                .collect();
            let header = ["Person", "Quotes", "First", "Last", "Documents"];
            markdown::table(out, &header, &cells)
        }
    }
}

impl PersonRow<'_> {
    /// The files that quote the person, with `separator` between them, as the formats other
    /// than JSON show them (see [`source_of`]).
    fn documents(&self, separator: &str) -> String {
        let names: Vec<String> = (self.documents.iter())
            .map(|d| sanitize::clean(d))
            .collect();
        names.join(separator)
    }
}

/// A date that may be unknown, as text shows it.
fn dash(date: &Option<String>) -> String {
    date.clone().unwrap_or_else(|| "—".into())
}

/// What separates the files of a person's `documents` field in `people --format csv`: a
/// list in one field, written as a person would write it in a spreadsheet's cell.
pub const PEOPLE_DOCUMENTS_SEPARATOR: &str = "; ";

/// What a Markdown heading calls the documents listed: the document's title, or how many.
fn titled(docs: &[Document]) -> String {
    match docs {
        [doc] => doc.title(),
        _ => format!("{} documents", docs.len()),
    }
}

/// The name serde gives a unit variant (`day`, `heading`, `block`): a CSV field holds the
/// same word as the JSON.
fn variant_name<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(name)) => name,
        _ => String::new(),
    }
}

/// A library exports one JSON object per document, one per line: `doc`'s.
fn write_export_line(out: &mut dyn Write, doc: &Document) -> io::Result<()> {
    serde_json::to_writer(&mut *out, doc)?;
    writeln!(out)
}

/// A library document's outline in `sections --json`.
#[derive(Serialize)]
struct SectionsOf<'a> {
    source: &'a str,
    sections: &'a [Section],
}

impl<'a> SectionsOf<'a> {
    fn new(doc: &'a Document) -> Self {
        SectionsOf {
            source: &doc.source,
            sections: &doc.sections,
        }
    }
}

/// An output over a library that is each document's on its own, in path order: written
/// document by document as they load, with no need to keep them (see [`Streamed::of`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Streamed {
    /// `export DIR`: a JSON object per line.
    Export,
    /// No command, and stdout is not a terminal: each document as plain text.
    Plain,
    /// `sections --json DIR`: one JSON array, an element per document.
    SectionsJson,
}

impl Streamed {
    /// How `command` (none: the plain rendering) writes a library, when it writes each
    /// document on its own.
    pub fn of(command: Option<&Command>) -> Option<Streamed> {
        match command {
            None => Some(Streamed::Plain),
            Some(Command::Export(_)) => Some(Streamed::Export),
            Some(Command::Sections(a)) if a.json => Some(Streamed::SectionsJson),
            Some(_) => None,
        }
    }

    /// Writes `doc`, the `n`th document written (from 0). The same bytes as [`run`]
    /// writes for it among all the library's documents.
    pub fn write(self, out: &mut dyn Write, doc: &Document, n: usize) -> io::Result<()> {
        match self {
            Streamed::Export => write_export_line(out, doc),
            Streamed::Plain => {
                // Each document under its file's name, as `head` names files: one runs into
                // the next otherwise.
                let gap = if n == 0 { "" } else { "\n" };
                write!(out, "{gap}==> {} <==\n\n", doc.source)?;
                out.write_all(crate::plain::render(doc).as_bytes())
            }
            Streamed::SectionsJson => {
                // An element of a pretty-printed array: its own pretty form, each line
                // indented once more (a JSON string holds no raw line break).
                let element = serde_json::to_string_pretty(&SectionsOf::new(doc))?;
                out.write_all(if n == 0 { b"[\n  " } else { b",\n  " })?;
                out.write_all(element.replace('\n', "\n  ").as_bytes())
            }
        }
    }

    /// Ends the output after `n` documents.
    pub fn finish(self, out: &mut dyn Write, n: usize) -> io::Result<()> {
        match (self, n) {
            (Streamed::SectionsJson, 0) => writeln!(out, "[]"),
            (Streamed::SectionsJson, _) => write!(out, "\n]\n"),
            _ => Ok(()),
        }
    }
}

fn write_json<T: Serialize + ?Sized>(out: &mut dyn Write, value: &T) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)
}

fn sections(doc: &Document, out: &mut dyn Write) -> io::Result<()> {
    for s in &doc.sections {
        let indent = "  ".repeat(s.level.saturating_sub(1) as usize);
        writeln!(
            out,
            "{:>6}  {indent}{} {}",
            s.line,
            "#".repeat(s.level as usize),
            s.title
        )?;
    }
    Ok(())
}

fn section_title(doc: &Document, section: Option<usize>) -> &str {
    section
        .and_then(|i| doc.sections.get(i))
        .map_or("(preamble)", |s| s.title.as_str())
}

/// A timeline row in JSON: the model's fields, and in a library the document's source.
#[derive(Serialize)]
struct Dated<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'a str>,
    #[serde(flatten)]
    entry: &'a TimelineEntry,
}

fn timeline(
    docs: &[Document],
    library: bool,
    args: &TimelineArgs,
    out: &mut dyn Write,
) -> io::Result<()> {
    // The rows the timeline view shows for the same filter, in its order: its own state,
    // so that the two can never disagree.
    let mut view = TimelineState::default();
    view.filter = args.filter.clone().unwrap_or_default();
    view.update(docs);
    let rows: Vec<(&Document, &TimelineEntry)> = view
        .rows()
        .filter_map(|(d, e)| {
            let doc = docs.get(d)?;
            Some((doc, doc.timeline.get(e)?))
        })
        .collect();
    match args.format() {
        TimelineFormat::Json => {
            let rows: Vec<Dated> = rows
                .iter()
                .map(|(d, e)| Dated {
                    source: library.then_some(d.source.as_str()),
                    entry: e,
                })
                .collect();
            write_json(out, &rows)
        }
        TimelineFormat::Text => timeline_text(&rows, library, out),
        TimelineFormat::Csv => timeline_csv(&rows, library, out),
        TimelineFormat::Md => {
            markdown::heading(out, &format!("Timeline: {}", titled(docs)))?;
            if let Some(filter) = args.filter.as_deref().filter(|f| !f.trim().is_empty()) {
                writeln!(out, "Filtered by: {}\n", markdown::escape(filter))?;
            }
            timeline_md(&rows, library, out)
        }
        TimelineFormat::Ics => {
            let name = format!("Timeline: {}", titled(docs));
            timeline_ics(&rows, &name, out)
        }
    }
}

/// A document's file name as the formats other than JSON show it. It is the one string of a
/// row not sanitized with the model: it comes from the file system, not from the document.
fn source_of(doc: &Document) -> String {
    sanitize::clean(&doc.source)
}

fn timeline_text(
    rows: &[(&Document, &TimelineEntry)],
    library: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    for &(d, e) in rows {
        let section = section_title(d, e.section);
        let (date, title) = (e.date.iso(), &e.title);
        // In a library the row names its file as `quotes DIR` does: `path:line`.
        if library {
            let source = source_of(d);
            writeln!(out, "{date:<10}  {source}:{}  {title}  · {section}", e.line)?;
        } else {
            writeln!(out, "{date:<10}  {:>6}  {title}  · {section}", e.line)?;
        }
    }
    Ok(())
}

fn timeline_csv(
    rows: &[(&Document, &TimelineEntry)],
    library: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    let records: Vec<Vec<String>> = (rows.iter())
        .map(|&(d, e)| {
            let source = library.then(|| text_field(&source_of(d)));
            (source.into_iter())
                .chain([
                    e.date.iso(),
                    variant_name(&e.precision),
                    text_field(&e.title),
                    e.section.map(|s| s.to_string()).unwrap_or_default(),
                    text_field(section_of(d, e.section)),
                    e.line.to_string(),
                    variant_name(&e.origin),
                ])
                .collect()
        })
        .collect();
    let source = library.then_some("source");
    let header: Vec<&str> = source.into_iter().chain(TIMELINE_CSV_HEADER).collect();
    formats::csv::write(out, &header, &records)
}

fn timeline_md(
    rows: &[(&Document, &TimelineEntry)],
    library: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    if rows.is_empty() {
        return writeln!(out, "No events.");
    }
    let cells: Vec<Vec<String>> = (rows.iter())
        .map(|&(d, e)| {
            let place = if library {
                format!("{}:{}", source_of(d), e.line)
            } else {
                e.line.to_string()
            };
            let section = section_of(d, e.section).to_string();
            vec![e.date.iso(), e.title.clone(), section, place]
        })
        .collect();
    let place = if library { "File" } else { "Line" };
    markdown::table(out, &["Date", "Event", "Section", place], &cells)
}

fn timeline_ics(
    rows: &[(&Document, &TimelineEntry)],
    name: &str,
    out: &mut dyn Write,
) -> io::Result<()> {
    let titles: Vec<String> = rows.iter().map(|(d, _)| d.title()).collect();
    let sources: Vec<String> = rows.iter().map(|(d, _)| source_of(d)).collect();
    let entries: Vec<CalendarEntry> = (rows.iter().enumerate())
        .map(|(i, &(d, e))| CalendarEntry {
            date: e.date,
            title: &e.title,
            section: (e.section.and_then(|s| d.sections.get(s))).map(|s| s.title.as_str()),
            document: &titles[i],
            source: &sources[i],
            line: e.line,
        })
        .collect();
    formats::ics::write(out, name, &entries)
}

/// The columns of `timeline --format csv` after the source (in a library): the JSON's
/// fields, with the section's title after its index.
const TIMELINE_CSV_HEADER: [&str; 7] = [
    "date",
    "precision",
    "title",
    "section",
    "section_title",
    "line",
    "origin",
];

/// The title of `doc`'s section `section`; empty for the preamble.
fn section_of(doc: &Document, section: Option<usize>) -> &str {
    section
        .and_then(|i| doc.sections.get(i))
        .map_or("", |s| s.title.as_str())
}

/// A quote in `quotes --json` output: the model's fields, in a library the document's
/// source, and the score under a query.
#[derive(Serialize)]
struct RankedQuote<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'a str>,
    #[serde(flatten)]
    quote: &'a Quote,
    #[serde(skip_serializing_if = "Option::is_none")]
    score: Option<i64>,
    /// The quote's document, for the formats that name its section.
    #[serde(skip)]
    doc: &'a Document,
}

fn quotes(
    docs: &[Document],
    library: bool,
    args: &QuotesArgs,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut index = QuoteIndex::default();
    for (i, d) in docs.iter().enumerate() {
        index.add(i, &d.quotes);
    }
    // Ranked as the Quotes view ranks what is typed into its box (trimmed).
    let query = args.query.as_deref().unwrap_or("").trim();
    // The person asked for, by the same names as `dossier people` (a surname alone is the
    // full name it stands for).
    let speaker = args.speaker.as_deref().map(|name| {
        let directory = crate::people::Directory::new(docs);
        let wanted = directory.find(name);
        move |s: Option<&str>| {
            s.and_then(|s| directory.person_of(s))
                .is_some_and(|p| wanted.contains(&p))
        }
    });
    let rows: Vec<RankedQuote> = index
        .rank(query, None)
        .into_iter()
        .filter_map(|h| {
            let (d, q) = index.locate(h.quote)?;
            let doc = docs.get(d)?;
            if let Some(said_by) = &speaker {
                said_by(doc.quotes.get(q)?.speaker.as_deref()).then_some(())?;
            }
            Some(RankedQuote {
                source: library.then_some(doc.source.as_str()),
                quote: doc.quotes.get(q)?,
                score: args.query.is_some().then_some(h.score),
                doc,
            })
        })
        .collect();
    let rows = &rows[..rows.len().min(args.limit.unwrap_or(usize::MAX))];
    match args.format() {
        Format::Json => write_json(out, rows),
        Format::Text => quotes_text(rows, out),
        Format::Csv => quotes_csv(rows, library, args.query.is_some(), out),
        Format::Md => {
            markdown::heading(out, &format!("Quotes: {}", titled(docs)))?;
            let asked = [
                ("Query", args.query.as_deref()),
                ("Speaker", args.speaker.as_deref()),
            ];
            for (what, value) in asked {
                if let Some(value) = value.filter(|v| !v.trim().is_empty()) {
                    writeln!(out, "{what}: {}\n", markdown::escape(value))?;
                }
            }
            quotes_md(rows, out)
        }
    }
}

fn quotes_text(rows: &[RankedQuote], out: &mut dyn Write) -> io::Result<()> {
    for r in rows {
        let speaker = r.quote.speaker.as_deref().unwrap_or("—");
        let text = r.quote.text.replace('\n', " ");
        match r.source {
            Some(_) => {
                let source = source_of(r.doc);
                writeln!(out, "{speaker:<20}  {source}:{}  {text}", r.quote.line)?;
            }
            None => writeln!(out, "{speaker:<20}  {:>6}  {text}", r.quote.line)?,
        }
    }
    Ok(())
}

fn quotes_csv(
    rows: &[RankedQuote],
    library: bool,
    scored: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    let records: Vec<Vec<String>> = (rows.iter())
        .map(|r| {
            let q = r.quote;
            let source = r.source.map(|_| text_field(&source_of(r.doc)));
            (source.into_iter())
                .chain([
                    text_field(&q.text),
                    text_field(q.speaker.as_deref().unwrap_or_default()),
                    q.section.map(|s| s.to_string()).unwrap_or_default(),
                    text_field(section_of(r.doc, q.section)),
                    q.line.to_string(),
                    variant_name(&q.kind),
                ])
                .chain(r.score.map(|s| s.to_string()))
                .collect()
        })
        .collect();
    let (source, score) = (library.then_some("source"), scored.then_some("score"));
    let header: Vec<&str> = (source.into_iter())
        .chain(QUOTES_CSV_HEADER)
        .chain(score)
        .collect();
    formats::csv::write(out, &header, &records)
}

fn quotes_md(rows: &[RankedQuote], out: &mut dyn Write) -> io::Result<()> {
    if rows.is_empty() {
        return writeln!(out, "No quotes.");
    }
    for r in rows {
        let q = r.quote;
        let speaker = q.speaker.as_deref().unwrap_or("Unattributed");
        let section = q.section.and_then(|s| r.doc.sections.get(s));
        let place = match r.source {
            Some(_) => format!("{}:{}", source_of(r.doc), q.line),
            None => format!("line {}", q.line),
        };
        let said: Vec<&str> = (std::iter::once(speaker))
            .chain(section.map(|s| s.title.as_str()))
            .chain([place.as_str()])
            .collect();
        markdown::quote(out, &q.text, &said.join(" · "))?;
    }
    Ok(())
}

/// The columns of `quotes --format csv` after the source (in a library), and before the
/// score (under a query): the JSON's fields, with the section's title after its index.
const QUOTES_CSV_HEADER: [&str; 6] = [
    "text",
    "speaker",
    "section",
    "section_title",
    "line",
    "kind",
];
