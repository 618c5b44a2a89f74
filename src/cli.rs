//! Command-line arguments (clap derive) and the non-interactive subcommands' output, as text
//! tables or JSON.

use std::io::{self, Write};
use std::path::PathBuf;

use clap::{Args, CommandFactory, Parser, Subcommand};
use serde::Serialize;

use crate::document::{Document, Quote, Section, TimelineEntry};
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
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The non-interactive subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the whole model as one JSON object.
    Export(PathArg),
    /// Print the heading outline with line numbers.
    Sections(Listing),
    /// Print the timeline: date, line, title, section.
    Timeline(Listing),
    /// Print the quotes: speaker, line, text; --query ranks them by fuzzy match.
    Quotes(QuotesArgs),
    /// Print every speaker: quotes, first and last date, documents.
    People(Listing),
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

/// `quotes` arguments.
#[derive(Debug, Args)]
pub struct QuotesArgs {
    /// The dossier or folder (`-`: standard input; default: the built-in one).
    pub path: Option<PathBuf>,
    /// Rank quotes by fuzzy match against this query (text and speaker).
    #[arg(long, short)]
    pub query: Option<String>,
    /// Print only this person's quotes (a full name, a surname, or part of a name).
    #[arg(long, short)]
    pub speaker: Option<String>,
    /// Print at most this many quotes.
    #[arg(long, short)]
    pub limit: Option<usize>,
    /// Print the rows as JSON.
    #[arg(long)]
    pub json: bool,
}

impl Command {
    /// The path the command names, if any.
    pub fn path(&self) -> Option<&std::path::Path> {
        match self {
            Command::Export(a) => a.path.as_deref(),
            Command::Sections(a) | Command::Timeline(a) | Command::People(a) => a.path.as_deref(),
            Command::Quotes(a) => a.path.as_deref(),
            Command::Completions(_) | Command::Man => None,
        }
    }

    /// Whether the command prints something of its own, not a dossier.
    pub fn reads_no_dossier(&self) -> bool {
        matches!(self, Command::Completions(_) | Command::Man)
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
        Command::Timeline(a) => timeline(docs, library, a.json, out),
        Command::Quotes(a) => quotes(docs, library, a, out),
        Command::People(a) => people(docs, a.json, out),
        Command::Completions(a) => completions(a.shell, out),
        Command::Man => man(out),
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

fn people(docs: &[Document], json: bool, out: &mut dyn Write) -> io::Result<()> {
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
    if json {
        return write_json(out, &rows);
    }
    for r in rows {
        writeln!(
            out,
            "{:<24}  {:>5}  {:<10}  {:<10}  {}",
            r.speaker,
            r.quotes,
            r.first.as_deref().unwrap_or("—"),
            r.last.as_deref().unwrap_or("—"),
            r.documents.join(", ")
        )?;
    }
    Ok(())
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

fn timeline(docs: &[Document], library: bool, json: bool, out: &mut dyn Write) -> io::Result<()> {
    let mut rows: Vec<(&Document, &TimelineEntry)> = docs
        .iter()
        .flat_map(|d| d.timeline.iter().map(move |e| (d, e)))
        .collect();
    if library {
        rows.sort_by(|&a, &b| crate::document::timeline_order(a, b));
    }
    if json {
        let rows: Vec<Dated> = rows
            .iter()
            .map(|(d, e)| Dated {
                source: library.then_some(d.source.as_str()),
                entry: e,
            })
            .collect();
        return write_json(out, &rows);
    }
    for (d, e) in rows {
        let section = section_title(d, e.section);
        let (date, title) = (e.date.iso(), &e.title);
        // In a library the row names its file as `quotes DIR` does: `path:line`.
        if library {
            writeln!(
                out,
                "{date:<10}  {}:{}  {title}  · {section}",
                d.source, e.line
            )?;
        } else {
            writeln!(out, "{date:<10}  {:>6}  {title}  · {section}", e.line)?;
        }
    }
    Ok(())
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
    let query = args.query.as_deref().unwrap_or("");
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
            })
        })
        .collect();
    let rows = &rows[..rows.len().min(args.limit.unwrap_or(usize::MAX))];
    if args.json {
        return write_json(out, rows);
    }
    for r in rows {
        let speaker = r.quote.speaker.as_deref().unwrap_or("—");
        let text = r.quote.text.replace('\n', " ");
        match r.source {
            Some(src) => writeln!(out, "{speaker:<20}  {src}:{}  {text}", r.quote.line)?,
            None => writeln!(out, "{speaker:<20}  {:>6}  {text}", r.quote.line)?,
        }
    }
    Ok(())
}
