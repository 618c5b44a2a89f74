//! `dossier marks`: every mark and note, found again in its document if it changed, as text,
//! JSON or Markdown.

use std::io::Write;

use serde::Serialize;

use super::listings::write_json;
use super::{Format, MarksArgs};
use crate::document::Document;

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
