//! `dossier search`: the passages that hold words or a phrase, best first, as text or JSON.

use std::io::{self, Write};

use serde::Serialize;

use super::SearchArgs;
use super::listings::write_json;
use crate::document::Document;

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
