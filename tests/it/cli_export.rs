//! `dossier export` on the embedded seed dossier: the JSON contract scripts rely on, and the
//! model a reader of the seed would expect (every heading, the key dates, every quote and its
//! speaker, the front matter with its YAML types).

use crate::common;
use crate::common::{Export, export};
use serde_json::json;

/// Every heading of the seed: (level, title, line), read off the file by hand.
const HEADINGS: &[(u8, &str, usize)] = &[
    (
        1,
        "Jan Leike's Departure from OpenAI and Safety Concerns",
        12,
    ),
    (2, "Overview", 14),
    (2, "Background: Who is Jan Leike?", 18),
    (2, "The Departure: Timeline", 30),
    (3, "May 14, 2024", 32),
    (3, "May 16, 2024", 35),
    (3, "May 17, 2024", 38),
    (2, "Leike's Public Statement", 43),
    (3, "The Announcement", 45),
    (3, "Core Disagreements", 49),
    (3, "Safety Culture Concerns", 53),
    (3, "Resource Constraints", 59),
    (3, "Not on the Right Trajectory", 65),
    (3, "The Stakes", 69),
    (3, "Hope for the Future", 75),
    (2, "Context: The Broader Situation", 81),
    (3, "Ilya Sutskever's Departure", 83),
    (3, "The Board Crisis (November 2023)", 89),
    (3, "Dissolution of the Superalignment Team", 100),
    (2, "Broader Whistleblower Activities", 104),
    (3, "Open Letter from OpenAI Employees (June 2024)", 106),
    (
        3,
        "Accusations of Restricting Communication with Regulators",
        127,
    ),
    (2, "Industry Reactions", 131),
    (3, "Other AI Safety Researchers", 133),
    (3, "Company Responses", 139),
    (3, "Policy Community", 150),
    (2, "Leike's Next Steps", 158),
    (3, "Joining Anthropic", 160),
    (2, "Broader Implications", 171),
    (3, "For OpenAI", 173),
    (3, "For AI Safety Field", 182),
    (3, "For AI Governance", 191),
    (2, "Key Quotes and Their Significance", 200),
    (
        3,
        "\"Safety culture and processes have taken a backseat to shiny products\"",
        202,
    ),
    (3, "\"We were struggling for compute\"", 205),
    (3, "\"We aren't on a trajectory to get there\"", 208),
    (
        3,
        "\"The fact that we are racing multiple companies makes this a lot more difficult\"",
        211,
    ),
    (2, "Comparisons to Other Whistleblower Moments", 214),
    (3, "Frances Haugen (Facebook/Meta)", 216),
    (3, "Timnit Gebru (Google)", 225),
    (3, "Yoshua Bengio's Shift", 234),
    (2, "Open Questions", 241),
    (3, "Was This Inevitable?", 243),
    (3, "Impact on OpenAI", 257),
    (3, "Broader Industry Impact", 271),
    (2, "Lessons for AI Development", 278),
    (3, "Resource Allocation", 280),
    (3, "Organizational Culture", 287),
    (3, "Competitive Dynamics", 294),
    (3, "Transparency and Accountability", 301),
    (2, "Conclusion", 308),
    (2, "Sources", 320),
];

#[test]
fn every_heading_with_its_level_title_and_line() {
    let doc = export(&[]);
    let got: Vec<(u8, &str, usize)> = doc
        .sections
        .iter()
        .map(|s| (s.level, s.title.as_str(), s.line))
        .collect();
    assert_eq!(got, HEADINGS);
}

#[test]
fn parents_follow_the_heading_tree() {
    let doc = export(&[]);
    assert_eq!(doc.sections[0].parent, None);
    assert_eq!(
        doc.sections[1].parent,
        Some(0),
        "## Overview sits under the title"
    );
    let may14 = doc
        .sections
        .iter()
        .position(|s| s.title == "May 14, 2024")
        .unwrap();
    let departure = doc
        .sections
        .iter()
        .position(|s| s.title == "The Departure: Timeline")
        .unwrap();
    assert_eq!(doc.sections[may14].parent, Some(departure));
    assert!(
        doc.sections[departure].text.is_empty(),
        "a section's text stops at its first subsection"
    );
    assert!(
        doc.sections[may14]
            .text
            .starts_with("Ilya Sutskever, OpenAI co-founder")
    );
}

#[test]
fn front_matter_keeps_all_eight_fields_with_their_yaml_types() {
    let doc = export(&[]);
    assert_eq!(
        serde_json::Value::Object(doc.meta.clone()),
        json!({
            "title": "Jan Leike's Departure from OpenAI and Safety Concerns",
            "author": "Jan Leike and various sources",
            "year": 2024,
            "source_url": "https://x.com/janleike/status/1791498174659715494",
            "source_format": "html",
            "downloaded": "2026-02-10",
            "encrypted": false,
            "notes": "Jan Leike's May 2024 departure from OpenAI and public statement about safety concerns. Key whistleblower moment highlighting tensions between AI safety and product development at frontier labs."
        })
    );
    let keys: Vec<&str> = doc.meta.keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "title",
            "author",
            "year",
            "source_url",
            "source_format",
            "downloaded",
            "encrypted",
            "notes"
        ]
    );
    assert!(doc.warnings.is_empty());
    assert_eq!(doc.source, "<embedded>");
    assert_eq!(doc.preamble, "");
}

fn has_event(doc: &Export, date: &str, line: usize) -> bool {
    doc.timeline
        .iter()
        .any(|e| e.date == date && e.line == line)
}

#[test]
fn timeline_holds_the_key_dates_in_order() {
    let doc = export(&[]);
    for (date, line) in [
        ("2024-05-14", 32),
        ("2024-05-16", 35),
        ("2024-05-17", 38),
        ("2024-05-17", 16),
        ("2024-05-28", 162),
        ("2023-11", 89),
        ("2024-06", 106),
        ("2023-07", 23),
        ("2021", 22),
    ] {
        assert!(
            has_event(&doc, date, line),
            "missing {date} at line {line}: {:#?}",
            doc.timeline
        );
    }
    let keys: Vec<(&str, usize)> = doc
        .timeline
        .iter()
        .map(|e| (e.date.as_str(), e.line))
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted, "sorted by date, then line");
    let mut unique = keys.clone();
    unique.dedup();
    assert_eq!(keys, unique, "one event per (date, line)");
}

#[test]
fn timeline_has_no_date_the_document_does_not_hold() {
    let doc = export(&[]);
    // Every date the body states, at every precision it states it; nothing from URLs
    // (2024/05/17 in the sources), the front matter, "20%", or "four years".
    let allowed = [
        "2020",
        "2021",
        "2023-07",
        "2023-11",
        "2024-05-14",
        "2024-05-16",
        "2024-05-17",
        "2024-05-28",
        "2024-06",
    ];
    for e in &doc.timeline {
        assert!(
            allowed.contains(&e.date.as_str()),
            "unexpected date {} at line {}",
            e.date,
            e.line
        );
        assert!(e.line > 10, "no event from the front matter: {e:?}");
    }
    assert!(
        doc.timeline.iter().all(|e| e.line < 320),
        "no event from the source URLs"
    );
}

#[test]
fn timeline_titles_and_origins_read_well() {
    let doc = export(&[]);
    let at = |line: usize| doc.timeline.iter().find(|e| e.line == line).unwrap();
    assert_eq!(
        at(32).title,
        "Ilya Sutskever, OpenAI co-founder and Leike's co-lead on the Superalignment team, announces his resignation from OpenAI."
    );
    assert_eq!(at(32).origin, "heading");
    assert_eq!(at(32).precision, "day");
    assert_eq!(at(89).title, "The Board Crisis (November 2023)");
    assert_eq!(at(89).precision, "month");
    assert_eq!(at(22).title, "Joined OpenAI in 2021");
    assert_eq!(at(22).origin, "text");
    assert_eq!(at(22).precision, "year");
    assert!(at(16).title.starts_with("On May 17, 2024, Jan Leike"));
    assert!(
        at(16).title.chars().count() <= 121,
        "long sentences are cut: {}",
        at(16).title
    );
    assert!(
        at(162)
            .title
            .starts_with("On May 28, 2024, Leike announced he was joining Anthropic")
    );
    let sections: Vec<Option<usize>> = [32, 89, 22].iter().map(|&l| at(l).section).collect();
    let title = |i: Option<usize>| doc.sections[i.unwrap()].title.as_str();
    assert_eq!(title(sections[0]), "May 14, 2024");
    assert_eq!(title(sections[1]), "The Board Crisis (November 2023)");
    assert_eq!(title(sections[2]), "Background: Who is Jan Leike?");
}

#[test]
fn the_eight_block_quotes_are_jan_leikes() {
    let doc = export(&[]);
    let blocks: Vec<_> = doc.quotes.iter().filter(|q| q.kind == "block").collect();
    let lines: Vec<usize> = blocks.iter().map(|q| q.line).collect();
    assert_eq!(lines, [47, 51, 55, 61, 67, 71, 79, 164]);
    for q in &blocks {
        assert_eq!(
            q.speaker.as_deref(),
            Some("Jan Leike"),
            "quote at line {}",
            q.line
        );
        assert!(
            !q.text.starts_with('"') && !q.text.ends_with('"'),
            "enclosing quotation marks removed: {}",
            q.text
        );
        assert!(!q.text.contains('>'), "no > markers");
    }
    assert_eq!(
        blocks[0].text,
        "Yesterday was my last day as head of alignment, superalignment lead, and executive @OpenAI."
    );
    assert!(
        blocks[3]
            .text
            .contains("Sometimes we were struggling for compute")
    );
}

#[test]
fn sam_altmans_statement_is_an_inline_quote() {
    let doc = export(&[]);
    let q = doc
        .quotes
        .iter()
        .find(|q| q.line == 142)
        .expect("a quote at line 142");
    assert_eq!(q.kind, "inline");
    assert_eq!(q.speaker.as_deref(), Some("Sam Altman"));
    assert!(q.text.starts_with("I'm very sad Jan is leaving."));
    assert!(q.text.ends_with("given me more notice..."));
    let section = &doc.sections[q.section.unwrap()];
    assert_eq!(section.title, "Company Responses");
}

#[test]
fn short_quoted_phrases_and_cited_titles_are_not_quotes() {
    let doc = export(&[]);
    assert!(
        !doc.quotes
            .iter()
            .any(|q| q.text.contains("safe and beneficial")),
        "three words are a phrase, not a statement"
    );
    assert!(
        !doc.quotes.iter().any(|q| q.line >= 320),
        "article titles in Sources are citations"
    );
    assert!(!doc.quotes.iter().any(|q| q.text == "AI race"));
}

#[test]
fn export_of_a_path_names_it_as_source() {
    let doc = export(&["data/leike-openai-departure-2024.md"]);
    assert_eq!(doc.source, "data/leike-openai-departure-2024.md");
    assert_eq!(doc.sections.len(), 52);
}

/// `dossier DIR | less`: each document under its file's name, set apart from the one before.
#[test]
fn a_piped_library_names_each_file_before_its_document() {
    let out = common::run(&["tests/library"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with(
            "==> tests/library/2023/altman-firing.md <==\n\ntitle: The Board Fires Sam Altman\n"
        ),
        "{}",
        &text[..200.min(text.len())]
    );
    let names = text.lines().filter(|l| l.starts_with("==> ")).count();
    assert_eq!(names, 11, "one name per document");
    // Every document after the first starts after a blank line, under its name.
    for (i, part) in text.split("==> ").enumerate().skip(2) {
        assert!(
            text.split("==> ").nth(i - 1).unwrap().ends_with("\n\n"),
            "{part}"
        );
    }
}

/// `timeline DIR` names each row's file as `quotes DIR` does: `path:line`.
#[test]
fn timeline_and_quotes_of_a_library_name_the_file_the_same_way() {
    let timeline = String::from_utf8(common::run(&["timeline", "tests/library"]).stdout).unwrap();
    let quotes = String::from_utf8(common::run(&["quotes", "tests/library"]).stdout).unwrap();
    let row = timeline
        .lines()
        .find(|l| l.contains("Helen Toner made a public statement"))
        .unwrap();
    assert!(
        row.contains("  tests/library/2023/altman-firing.md:16  "),
        "{row}"
    );
    assert!(row.ends_with("· November 17, 2023"), "{row}");
    assert!(
        quotes.contains("  tests/library/2023/altman-firing.md:"),
        "{quotes}"
    );
}

/// `… | dossier - | less`: a list ends in a blank line and an HTML block reads as text, as
/// the app shows them, not run into the next heading or indented as code.
#[test]
fn piped_plain_text_keeps_paragraph_breaks_after_lists_and_html() {
    use std::io::Write;
    let mut child = common::bin()
        .arg("-")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let input = "# T\n\n- one\n- [x] done task\n\n## Table\n\nPara.\n\n<div>\nhello html\n</div>\n\nAfter.\n";
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("• one\n• [x] done task\n\n## Table\n"),
        "{text}"
    );
    assert!(
        text.contains("\n<div>\nhello html\n</div>\n\nAfter."),
        "{text}"
    );
}
