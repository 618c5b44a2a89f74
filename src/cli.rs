//! Command-line arguments (clap derive) and the non-interactive subcommands' output, as text
//! tables or JSON.

use std::io::{self, Write};
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};
use serde::Serialize;

use crate::document::{Document, Quote};
use crate::search::QuoteIndex;

/// A terminal browser for research dossiers: read the document, see what happened when, find
/// who said what.
#[derive(Debug, Parser)]
#[command(
    name = "dossier",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// The dossier to open (default: the one built into dossier).
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
}

/// A dossier path.
#[derive(Debug, Args)]
pub struct PathArg {
    /// The dossier (default: the built-in one).
    pub path: Option<PathBuf>,
}

/// A listing command's arguments.
#[derive(Debug, Args)]
pub struct Listing {
    /// The dossier (default: the built-in one).
    pub path: Option<PathBuf>,
    /// Print the rows as JSON.
    #[arg(long)]
    pub json: bool,
}

/// `quotes` arguments.
#[derive(Debug, Args)]
pub struct QuotesArgs {
    /// The dossier (default: the built-in one).
    pub path: Option<PathBuf>,
    /// Rank quotes by fuzzy match against this query (text and speaker).
    #[arg(long, short)]
    pub query: Option<String>,
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
            Command::Sections(a) | Command::Timeline(a) => a.path.as_deref(),
            Command::Quotes(a) => a.path.as_deref(),
        }
    }
}

/// Runs a subcommand on an opened document, writing to `out`.
pub fn run(command: &Command, doc: &Document, out: &mut dyn Write) -> io::Result<()> {
    match command {
        Command::Export(_) => write_json(out, doc),
        Command::Sections(a) if a.json => write_json(out, &doc.sections),
        Command::Sections(_) => sections(doc, out),
        Command::Timeline(a) if a.json => write_json(out, &doc.timeline),
        Command::Timeline(_) => timeline(doc, out),
        Command::Quotes(a) => quotes(doc, a, out),
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

fn timeline(doc: &Document, out: &mut dyn Write) -> io::Result<()> {
    for e in &doc.timeline {
        writeln!(
            out,
            "{:<10}  {:>6}  {}  · {}",
            e.date.iso(),
            e.line,
            e.title,
            section_title(doc, e.section)
        )?;
    }
    Ok(())
}

/// A quote in `quotes --json` output: the model's fields, and the score under a query.
#[derive(Serialize)]
struct RankedQuote<'a> {
    #[serde(flatten)]
    quote: &'a Quote,
    #[serde(skip_serializing_if = "Option::is_none")]
    score: Option<i64>,
}

fn quotes(doc: &Document, args: &QuotesArgs, out: &mut dyn Write) -> io::Result<()> {
    let rows: Vec<RankedQuote> = match args.query.as_deref() {
        Some(q) => QuoteIndex::new(&doc.quotes)
            .rank(q, None)
            .into_iter()
            .map(|h| RankedQuote {
                quote: &doc.quotes[h.quote],
                score: Some(h.score),
            })
            .collect(),
        None => doc
            .quotes
            .iter()
            .map(|quote| RankedQuote { quote, score: None })
            .collect(),
    };
    let rows = &rows[..rows.len().min(args.limit.unwrap_or(usize::MAX))];
    if args.json {
        return write_json(out, rows);
    }
    for r in rows {
        let speaker = r.quote.speaker.as_deref().unwrap_or("—");
        let text = r.quote.text.replace('\n', " ");
        writeln!(out, "{speaker:<20}  {:>6}  {text}", r.quote.line)?;
    }
    Ok(())
}
