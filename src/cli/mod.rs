//! The command line: its arguments (clap derive), and each subcommand sent to what prints
//! it: the listings (`listings.rs`: text tables, JSON, and through [`crate::formats`] CSV,
//! Markdown and an iCalendar timeline), the passages found ([`search()`]), the marks
//! ([`marks()`]).

mod listings;
mod marks;
mod search;

pub use listings::{PEOPLE_DOCUMENTS_SEPARATOR, Streamed};
use listings::{people, quotes, sections, timeline, write_json};
pub use marks::marks;
pub use search::search;

use std::io::{self, Write};
use std::path::PathBuf;

use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};

use crate::document::Document;

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
