//! A document too big to keep laid out whole ([`LAZY_BYTES`]): the reader keeps only the
//! lines on screen and near it, and the user sees what a small document would show: the end
//! of the document, a `/` match far down, a footnote followed, the same place after a resize.

use dossier::app::reader::LAZY_BYTES;
use dossier::app::{Action, App, Msg, View};
use dossier::document;

use crate::common::{self, screen};

/// A dossier past [`LAZY_BYTES`], with a footnote referred to at its start and defined at its
/// end, and a phrase found once, near the end.
fn big() -> String {
    let mut text = common::dossier_of_parts(LAZY_BYTES + LAZY_BYTES / 8, "Intro.[^src]", "");
    text.push_str("\n## The Very End\n\nA lighthouse keeper spoke last.\n\n");
    text.push_str("[^src]: The source of it all.\n");
    text
}

fn app() -> App {
    let doc = document::load("big.md", &big());
    let mut app = App::new(doc, 100, 30);
    app.press("<Tab>");
    app
}

#[test]
fn the_end_of_a_big_document_is_shown_at_its_bottom() {
    let mut app = app();
    assert!(screen(&app).contains("Big Dossier"), "{}", screen(&app));
    app.press("G");
    let seen = screen(&app);
    assert!(
        seen.contains("The Very End") && seen.contains("lighthouse keeper"),
        "{seen}"
    );
    assert_eq!(app.percent(), 100);
    app.press("g");
    assert!(screen(&app).contains("Intro."), "back at the top");
}

#[test]
fn slash_finds_a_phrase_far_down_a_big_document() {
    let mut app = app();
    // Typed, the query is looked for near the screen only (laying out the whole of a big
    // document on every key would take seconds); entered, everywhere.
    app.press("/lighthouse");
    assert!(app.reader.search.near_only && app.reader.search.matches.is_empty());
    assert_eq!(
        app.match_count().as_deref(),
        Some("No match near here; Enter searches the whole document")
    );
    let seen = screen(&app);
    assert!(
        seen.contains("No match near here; Enter searches the whole document"),
        "the footer says how to search everywhere: {seen}"
    );
    app.press("<Enter>");
    assert_eq!(app.match_count().as_deref(), Some("Match 1/1"));
    let seen = screen(&app);
    assert!(seen.contains("A lighthouse keeper spoke last."), "{seen}");
}

#[test]
fn a_footnote_far_down_is_followed_and_marked() {
    let mut app = app();
    app.press("<Enter>");
    let marked = app.reader.marked.clone().expect("the note is marked");
    let note = app
        .reader
        .layout
        .line(marked.start)
        .expect("on screen")
        .text;
    assert!(note.contains("The source of it all."), "{note}");
    assert!(screen(&app).contains("The source of it all."));
    app.press("<BS>");
    assert!(screen(&app).contains("Intro."), "Back returns to the top");
}

#[test]
fn a_resize_keeps_the_place_in_a_big_document() {
    let mut app = app();
    app.press("/Part 300<Enter><Esc>");
    let before = screen(&app);
    assert!(before.contains("Part 300"), "{before}");
    app.update(Msg::Action(Action::Resize(70, 20)));
    let after = screen(&app);
    assert!(after.contains("Part 300"), "{after}");
    app.update(Msg::Action(Action::Resize(160, 45)));
    assert!(screen(&app).contains("Part 300"));
}

/// A resize while a query is typed keeps the matches on screen highlighted; a query left
/// unentered (another view taken) is searched whole by `n`, which shows its first match.
#[test]
fn a_query_typed_in_a_big_document_survives_a_resize_and_n_searches_it_whole() {
    let mut app = app();
    app.press("/committee");
    let near = app.reader.search.matches.len();
    assert!(near > 0 && app.reader.search.near_only, "{near}");
    app.update(Msg::Action(Action::Resize(90, 30)));
    assert!(
        !app.reader.search.matches.is_empty(),
        "the matches on screen stay"
    );
    app.press("<Esc>/The Very End");
    assert!(app.reader.search.matches.is_empty());
    // Another view, and back: the query was never entered.
    app.update(Msg::Action(Action::Show(View::Timeline)));
    app.update(Msg::Action(Action::Show(View::Sections)));
    app.press("n");
    assert_eq!(app.match_count().as_deref(), Some("Match 1/1"));
    assert!(screen(&app).contains("The Very End"), "{}", screen(&app));
}
