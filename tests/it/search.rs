//! Full-text search: the Search view (`5`) driven by keys, `dossier search --json` decoded
//! into mirror structs, and the view's jump to the reader and back.

use dossier::app::{App, View};
use serde::Deserialize;

use crate::common::{fixture, library_app, run, screen};

/// One passage of `search --json`: the contract, every field named.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Passage {
    document: String,
    title: String,
    section: Option<String>,
    line: usize,
    score: f32,
    text: String,
    matches: Vec<[usize; 2]>,
}

fn search_json(args: &[&str]) -> Vec<Passage> {
    let mut all = vec!["search"];
    all.extend_from_slice(args);
    all.push("--json");
    let out = run(&all);
    assert!(
        out.status.success(),
        "search failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("search prints the JSON contract")
}

fn ranking_fixture() -> String {
    fixture("search-ranking.md").display().to_string()
}

#[test]
fn passages_rank_headings_then_more_matches_then_shorter_text() {
    let hits = search_json(&[&ranking_fixture(), "compute"]);
    let lines: Vec<usize> = hits.iter().map(|h| h.line).collect();
    // The heading; the passage saying it four times; then of two saying it once, the
    // shorter. "computers" holds the word's start only, which counts half, in a long
    // paragraph: last.
    assert_eq!(lines, [7, 13, 17, 9, 15], "{hits:#?}");
    assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));
    assert_eq!(hits[0].section.as_deref(), Some("Compute budgets"));
    assert_eq!(hits[0].title, "Search ranking");
    assert!(hits[0].document.ends_with("search-ranking.md"));
}

#[test]
fn matches_are_byte_ranges_of_the_passage_text() {
    let hits = search_json(&[&ranking_fixture(), "\"struggling for compute\""]);
    assert_eq!(hits.len(), 1);
    let [start, end] = hits[0].matches[0];
    assert_eq!(&hits[0].text[start..end], "struggling for compute");
    assert_eq!(hits[0].line, 17);
    let none = search_json(&[&ranking_fixture(), "compute !team"]);
    assert!(none.iter().all(|h| !h.text.contains("team")));
    assert_eq!(none.len(), 2);
}

#[test]
fn the_text_output_names_file_line_and_section() {
    let out = run(&["search", &ranking_fixture(), "'computers", "--limit", "1"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success());
    assert!(text.contains("search-ranking.md:15: Reactions"), "{text}");
    assert!(text.contains("mentions computers only once"), "{text}");
}

#[test]
fn one_word_searches_the_built_in_dossier() {
    let hits = search_json(&["superalignment"]);
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|h| h.document == "<embedded>"));
}

#[test]
fn a_library_is_searched_across_its_documents() {
    // The library holds a file that cannot be read: the run says so and exits 1, and
    // searches the rest.
    let out = run(&["search", "tests/library", "said", "--json"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("broken-encoding.md"));
    let hits: Vec<Passage> = serde_json::from_slice(&out.stdout).expect("the JSON contract");
    let docs: std::collections::HashSet<&str> = hits.iter().map(|h| h.document.as_str()).collect();
    assert!(docs.len() > 2, "{docs:?}");
}

fn embedded_app() -> App {
    let doc = dossier::library::open(None).expect("the built-in dossier");
    App::new(doc, 120, 40)
}

#[test]
fn five_a_phrase_enter_lands_on_the_line_and_back_returns() {
    let mut app = embedded_app();
    app.press("5\"struggling for compute\"");
    assert_eq!(app.view, View::Search);
    let first = app.search.row(0).expect("a result").clone();
    let [r] = first.ranges.as_slice() else {
        panic!("one match: {first:?}")
    };
    assert_eq!(&first.context[r.clone()], "struggling for compute");
    let screen_text = screen(&app);
    assert!(
        screen_text.contains("struggling for compute"),
        "{screen_text}"
    );
    app.press("<Enter>");
    assert_eq!(app.view, View::Sections);
    let marked = app.reader.marked.clone().expect("the passage is marked");
    let line = app.reader.layout.block_of(marked.start).unwrap();
    assert_eq!(app.doc().blocks[line].line(), first.line);
    app.press("<BS>");
    assert_eq!(app.view, View::Search);
    assert!(!app.search.typing, "back lands on the list");
    assert_eq!(app.search.row(0), Some(&first));
}

#[test]
fn the_library_view_searches_every_document() {
    let mut app = library_app("tests/library", 120, 40);
    app.press("5said");
    let docs: std::collections::HashSet<u32> = app.search.hits.iter().map(|h| h.doc).collect();
    assert!(docs.len() > 2);
    // Escape clears the box and the results.
    app.press("<Esc>");
    assert!(app.search.hits.is_empty());
}

#[test]
fn the_search_view_shows_place_and_context_of_each_passage() {
    let mut app = embedded_app();
    app.press("5\"safety culture\"");
    insta::assert_snapshot!("search_safety_culture_120x40", screen(&app));
}

#[test]
fn a_library_search_names_each_passage_document() {
    let mut app = library_app("tests/library", 100, 16);
    app.press("5\"stand by every word\"");
    insta::assert_snapshot!("search_library_100x16", screen(&app));
}

/// On a terminal: `5`, a phrase, the passages listed with their lines; Enter shows the
/// passage in the reader at its line; Backspace comes back to the same list.
#[cfg(unix)]
#[test]
fn on_a_terminal_a_phrase_found_opens_at_its_line_and_back_returns() {
    use crate::common::pty::{Launch, Tty};
    let mut tty = Tty::spawn(Launch::dossier(&[], 120, 40));
    tty.wait_for_text("Jan Leike's Departure");
    tty.send(b"5");
    tty.wait_for_text("5 Search");
    tty.send(b"\"struggling for compute\"");
    tty.wait_for_text("passage 1/");
    let rows = |s: &vt100::Screen| s.rows(0, 120).collect::<Vec<String>>();
    let first_line = {
        let out = tty.output();
        let rows = rows(out.parser.screen());
        let place = rows.iter().find(|r| r.starts_with(" line ")).cloned();
        place.expect("a result with its line")
    };
    let line: usize = first_line[" line ".len()..]
        .split_whitespace()
        .next()
        .and_then(|n| n.parse().ok())
        .expect("a line number");
    tty.send(b"\r");
    tty.wait_settled("the reader at the passage", |s| {
        let rows = rows(s);
        rows.last().is_some_and(|f| f.contains("section"))
            && rows.iter().any(|r| r.contains("struggling for compute"))
    });
    tty.send(b"\x7f");
    tty.wait_settled("back on the results", |s| {
        let rows = rows(s);
        rows.iter().any(|r| r.starts_with(&first_line))
            && rows.last().is_some_and(|f| f.contains("passage 1/"))
    });
    assert_eq!(line, 205, "the phrase as a heading of its own ranks first");
    tty.send(b"q");
    assert!(tty.wait_exit().success());
}
