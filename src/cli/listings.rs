//! The listings: `export`, `sections`, `timeline`, `quotes` and `people`, as text tables,
//! JSON, and (through [`crate::formats`]) CSV, Markdown and an iCalendar timeline; a
//! library's output streamed document by document.

use std::io::{self, Write};

use serde::Serialize;

use super::{Command, Format, QuotesArgs, TimelineArgs, TimelineFormat};
use crate::app::TimelineState;
use crate::document::{Document, Quote, Section, TimelineEntry, sanitize};
use crate::formats::{self, csv::text_field, ics::CalendarEntry, markdown};
use crate::search::QuoteIndex;

/// A row of `people --json`.
#[derive(Serialize)]
struct PersonRow<'a> {
    speaker: &'a str,
    quotes: usize,
    first: Option<String>,
    last: Option<String>,
    documents: Vec<&'a str>,
}

pub(super) fn people(docs: &[Document], format: Format, out: &mut dyn Write) -> io::Result<()> {
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

    /// Writes `doc`, the `n`th document written (from 0). The same bytes as [`run`](super::run)
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

pub(super) fn write_json<T: Serialize + ?Sized>(out: &mut dyn Write, value: &T) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)
}

pub(super) fn sections(doc: &Document, out: &mut dyn Write) -> io::Result<()> {
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

pub(super) fn timeline(
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

pub(super) fn quotes(
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
        move |s: Option<&str>| s.is_some_and(|s| wanted.iter().any(|&p| directory.said_by(s, p)))
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
