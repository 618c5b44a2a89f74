//! The People view and `dossier people`, as a user meets them: every speaker of a library
//! with their quotes, dates and documents; a surname alone in one document and the full
//! name in another are one person; Enter shows their quotes, `t` the events naming them;
//! and in the quote box, `@` offers speakers that Tab completes.

use crate::common::{library_app, run, screen};
use dossier::app::{App, View};
use serde::Deserialize;

/// `tests/people`: "Jan Leike" quoted twice in one document and as "Leike" in another.
const FOLDER: &str = "tests/people";

/// A row of `people --json`, as a script would decode it.
#[derive(Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
struct Person {
    speaker: String,
    quotes: usize,
    first: Option<String>,
    last: Option<String>,
    documents: Vec<String>,
}

/// The speakers of the quotes listed in the Quotes view.
fn listed_speakers(app: &App) -> Vec<String> {
    app.quotes
        .hits
        .iter()
        .map(|h| {
            let (_, q) = app.hit_quote(h).unwrap();
            q.speaker.clone().unwrap_or_default()
        })
        .collect()
}

#[test]
fn people_json_lists_each_person_once_with_quotes_dates_and_documents() {
    let out = run(&["people", FOLDER, "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let people: Vec<Person> = serde_json::from_slice(&out.stdout).expect("the JSON contract");
    assert_eq!(
        people,
        [
            Person {
                speaker: "Jan Leike".into(),
                quotes: 3,
                first: Some("2024-05-14".into()),
                last: Some("2025-03-03".into()),
                documents: vec![
                    "tests/people/departure.md".into(),
                    "tests/people/interview.md".into()
                ],
            },
            Person {
                speaker: "Sam Altman".into(),
                quotes: 1,
                first: Some("2024-05-17".into()),
                last: Some("2024-05-17".into()),
                documents: vec!["tests/people/departure.md".into()],
            },
        ]
    );
}

#[test]
fn people_as_text_has_a_row_per_person() {
    let out = run(&["people", FOLDER]);
    let text = String::from_utf8(out.stdout).unwrap();
    let first = text.lines().next().unwrap();
    assert!(first.starts_with("Jan Leike"), "{text}");
    assert!(
        first.contains("2024-05-14") && first.contains("2025-03-03"),
        "{first}"
    );
    assert_eq!(text.lines().count(), 2, "{text}");
}

#[test]
fn quotes_speaker_keeps_one_persons_quotes_by_any_of_their_names() {
    for name in ["Jan Leike", "leike", "Leike"] {
        let out = run(&["quotes", FOLDER, "--speaker", name, "--json"]);
        assert!(out.status.success());
        let rows: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(rows.len(), 3, "{name}");
    }
    let out = run(&[
        "quotes",
        FOLDER,
        "--speaker",
        "altman",
        "--query",
        "promises",
    ]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.lines().count(), 1, "{text}");
    assert!(text.starts_with("Sam Altman"), "{text}");
}

#[test]
fn four_shows_every_speaker_most_quoted_first() {
    let mut app = library_app(FOLDER, 120, 40);
    app.press("4");
    assert_eq!(app.view, View::People);
    let shown = screen(&app);
    let jan = shown.find("Jan Leike").expect("Jan Leike is listed");
    let sam = shown.find("Sam Altman").expect("Sam Altman is listed");
    assert!(jan < sam, "{shown}");
    assert!(shown.contains("2 of 2 people"), "{shown}");
    assert!(
        !shown.lines().any(|l| l.trim_start().starts_with("Leike ")),
        "{shown}"
    );
}

#[test]
fn typing_filters_and_enter_lands_in_quotes_with_that_persons_quotes() {
    let mut app = library_app(FOLDER, 120, 40);
    app.press("4alt");
    assert!(screen(&app).contains("1 of 2 people"));
    app.press("<BS><BS><BS>leike<Enter>");
    assert_eq!(app.view, View::Quotes);
    assert_eq!(app.quotes.query.trim(), "@leike");
    assert_eq!(listed_speakers(&app), ["Jan Leike", "Jan Leike", "Leike"]);
    let shown = screen(&app);
    assert!(shown.contains("struggling for compute"), "{shown}");
    assert!(shown.contains("3 of 4 quotes"), "{shown}");
}

#[test]
fn t_lists_the_events_that_name_the_person() {
    let mut app = library_app(FOLDER, 120, 40);
    app.press("4<Esc>t");
    assert_eq!(app.view, View::Timeline);
    assert_eq!(app.timeline.filter, "leike");
    let shown = screen(&app);
    assert!(shown.contains("Leike spoke to a reporter"), "{shown}");
    assert!(!shown.contains("Ilya Sutskever announced"), "{shown}");
}

#[test]
fn at_offers_speakers_and_tab_completes() {
    let mut app = library_app(FOLDER, 120, 40);
    app.press("3@le");
    assert_eq!(app.quotes.suggestions, ["Jan Leike"]);
    assert!(screen(&app).contains("@ Jan Leike"));
    app.press("<Tab>");
    assert_eq!(app.quotes.query, "@leike ");
    assert!(app.quotes.suggestions.is_empty());
    assert_eq!(app.quotes.hits.len(), 3);
    app.press("compute");
    assert_eq!(listed_speakers(&app), ["Jan Leike"]);
    // Letters any name holds offer each of them, most quoted first.
    app.press("<C-w><C-w>@a");
    assert_eq!(app.quotes.suggestions, ["Jan Leike", "Sam Altman"]);
    app.press("<Tab>");
    assert_eq!(app.quotes.query, "@leike ");
}
