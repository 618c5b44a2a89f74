//! Marks in the app: `m` marks what is selected (a quote, an event, a section, the reader's
//! passage, a search result) with a note, the Marks view lists every mark and jumps to one,
//! and a mark made on a terminal is there after a restart.

use dossier::app::{App, CiteAs, Focus, Target, View};
use dossier::library;
use dossier::marks::{Kind, Mark, NewMark, Store, content_hash};

use crate::common::{Scratch, area_of, click, screen, text_in};

fn builtin() -> App {
    App::new(library::open(None).expect("the built-in dossier"), 120, 40)
}

/// Does what the terminal layer does with the app's requests to the marks store.
fn serve(app: &mut App, store: &mut Store) {
    while let Some(request) = app.marks_request.take() {
        app.update(request.run(Ok(store)));
    }
}

/// Presses `keys`, then `m`, types `note` and Enter, and lets `store` save the mark: the
/// mark saved.
fn mark(app: &mut App, store: &mut Store, keys: &str, note: &str) -> Mark {
    app.press(keys);
    app.press("m");
    assert!(app.marks.note.is_some(), "m opens the note prompt");
    app.press(note);
    app.press("<Enter>");
    serve(app, store);
    store.all().unwrap().pop().expect("a mark saved")
}

fn footer(app: &App) -> String {
    text_in(app, app.areas.footer)
}

#[test]
fn m_on_a_quote_asks_for_a_note_and_saves_the_quote_with_it() {
    let scratch = Scratch::new();
    let mut store = Store::open(&scratch.0).unwrap();
    let mut app = builtin();
    app.press("3compute<Tab>m");
    assert!(
        footer(&app).contains("Note for the quote (Enter marks, Esc cancels)"),
        "{}",
        footer(&app)
    );
    app.press("check the budget<Enter>");
    assert!(
        app.marks_request.is_some(),
        "Enter asks for the mark to be saved"
    );
    serve(&mut app, &mut store);
    assert_eq!(
        app.message.as_deref(),
        Some("Marked the quote, with a note")
    );
    let saved = store.all().unwrap();
    assert_eq!(saved.len(), 1);
    let m = &saved[0];
    let q = (app.doc().quotes.iter())
        .find(|q| q.text.starts_with("Over the past few months"))
        .expect("the quote");
    assert_eq!(
        (m.kind, m.anchor.as_str(), m.line),
        (Kind::Quote, q.text.as_str(), q.line)
    );
    assert_eq!(m.note, "check the budget");
    assert_eq!(m.title, app.doc().title());
    assert_eq!(
        m.section.as_deref(),
        q.section.map(|s| app.doc().sections[s].title.as_str())
    );
    // The built-in dossier has no file: it is named by its source.
    assert_eq!(m.path, app.doc().source);
}

#[test]
fn esc_in_the_note_prompt_saves_nothing() {
    let mut app = builtin();
    app.press("3compute<Tab>mhalf a note<Esc>");
    assert!(app.marks.note.is_none() && app.marks_request.is_none());
    assert_eq!(app.message.as_deref(), Some("Not marked: the quote"));
    // The keys typed went into the note, not to the view: still on the quotes.
    assert_eq!(app.view, View::Quotes);
}

#[test]
fn each_kind_is_marked_as_y_would_cite_it() {
    let scratch = Scratch::new();
    let mut store = Store::open(&scratch.0).unwrap();

    // An event.
    let mut app = builtin();
    let m = mark(&mut app, &mut store, "2", "");
    let (d, e) = app.timeline.row(0).expect("an event");
    let event = &app.docs[d].timeline[e];
    assert_eq!(
        (m.kind, m.anchor.as_str(), m.line),
        (Kind::Event, event.title.as_str(), event.line)
    );
    assert_eq!(m.note, "");
    assert_eq!(app.message.as_deref(), Some("Marked the event"));

    // A section, with the outline focused.
    let mut app = builtin();
    let m = mark(&mut app, &mut store, "jj", "why");
    let s = app.outline.selected.expect("a section");
    let section = &app.doc().sections[s];
    assert_eq!(
        (m.kind, m.anchor.as_str(), m.line),
        (Kind::Section, section.title.as_str(), section.line)
    );
    assert_eq!(m.section.as_deref(), Some(section.title.as_str()));

    // The reader's passage: the one `y` copies.
    let mut app = builtin();
    let m = mark(&mut app, &mut store, "<Tab><PgDn>", "");
    assert_eq!(app.focus, Focus::Reader);
    assert_eq!(m.kind, Kind::Passage);
    let (_, cited) = app.citation(CiteAs::Plain).expect("a passage");
    assert!(
        cited.starts_with(&format!("\"{}", m.anchor.replace('\n', " ")))
            && cited.contains(&format!("line {},", m.line)),
        "{cited} / {m:?}"
    );

    // A jump marks a passage on screen: that is the one marked.
    let mut app = builtin();
    app.press("3compute<Enter>");
    let m = mark(&mut app, &mut store, "", "");
    assert_eq!(m.kind, Kind::Passage);
    assert!(m.anchor.contains("sailing against the wind"), "{m:?}");

    // A search result.
    let mut app = builtin();
    let m = mark(&mut app, &mut store, "5\"struggling for compute\"<Tab>", "");
    assert_eq!(m.kind, Kind::Passage);
    assert!(m.anchor.contains("struggling for compute"), "{m:?}");
    let hit = app.search.hits[0];
    let line = app.texts().docs[0].passages[hit.passage as usize].line as usize;
    assert_eq!(m.line, line);

    assert_eq!(store.all().unwrap().len(), 5);
}

#[test]
fn where_nothing_is_selected_m_says_so() {
    let mut app = builtin();
    app.press("4<Tab>m");
    assert_eq!(app.message.as_deref(), Some("Nothing here to mark"));
    assert!(app.marks.note.is_none());
}

#[test]
fn the_marks_view_lists_every_mark_and_enter_jumps_to_it() {
    let scratch = Scratch::new();
    let mut store = Store::open(&scratch.0).unwrap();
    let mut app = builtin();
    let quote = mark(&mut app, &mut store, "3compute<Tab>", "check the budget");
    mark(&mut app, &mut store, "2", "");
    // A mark whose text has left the document, and one in a document not open here.
    let doc = app.doc();
    let lost = NewMark {
        path: doc.source.clone(),
        hash: content_hash("an older text"),
        kind: Kind::Quote,
        anchor: "words nobody said".into(),
        line: 7,
        title: doc.title(),
        section: None,
        note: String::new(),
    };
    store.add(&lost).unwrap();
    store
        .add(&NewMark {
            path: "/elsewhere/other.md".into(),
            title: "Another dossier".into(),
            ..lost.clone()
        })
        .unwrap();
    app.press("6");
    serve(&mut app, &mut store);
    assert_eq!(app.view, View::Marks);
    let shown = screen(&app);
    assert!(
        text_in(&app, app.areas.header).ends_with(" 6 Marks"),
        "the tab is shown while the view is\n{shown}"
    );
    assert!(
        shown.contains(&format!(" quote   line {:<6}{}", quote.line, quote.title)),
        "{shown}"
    );
    assert!(
        shown.contains("✎ check the budget  Over the past few months"),
        "{shown}"
    );
    assert!(shown.contains(" event   line "), "{shown}");
    assert!(
        shown.contains("not found (was line 7)"),
        "a lost mark is listed\n{shown}"
    );
    assert!(shown.contains("Another dossier"), "{shown}");
    assert!(footer(&app).contains("mark 1/4"), "{}", footer(&app));

    // Enter opens the quote's line in the reader, marked; Backspace comes back.
    app.press("<Enter>");
    assert_eq!(app.view, View::Sections);
    let marked = app.reader.marked.clone().expect("the line marked");
    let lines = app.reader.layout.lines_for_source(app.doc(), quote.line);
    assert_eq!(marked, lines);
    app.press("<BS>");
    serve(&mut app, &mut store);
    assert_eq!(app.view, View::Marks);

    // The lost one says so; so does the one in a document not open.
    app.press("jj<Enter>");
    assert_eq!(app.view, View::Marks);
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.starts_with("Not found")),
        "{:?}",
        app.message
    );
    app.press("j<Enter>");
    assert_eq!(
        app.message.as_deref(),
        Some("In a document not open here: /elsewhere/other.md")
    );

    // A click selects a row; a second click on it opens it.
    let row = area_of(&app, Target::Row(1));
    click(&mut app, row.x + 2, row.y);
    assert_eq!(app.marks.selected, 1);
    click(&mut app, row.x + 2, row.y);
    assert_eq!(app.view, View::Sections);

    // Away from the view, its tab is gone.
    app.press("2");
    assert!(!text_in(&app, app.areas.header).contains("Marks"));
}

#[test]
fn with_no_marks_the_view_says_how_to_make_one() {
    let scratch = Scratch::new();
    let mut store = Store::open(&scratch.0).unwrap();
    let mut app = builtin();
    app.press("'");
    serve(&mut app, &mut store);
    assert!(screen(&app).contains("No marks yet: press m"));
}

#[test]
fn a_database_that_cannot_be_opened_is_one_line_in_the_footer() {
    let scratch = Scratch::new();
    let not_a_dir = scratch.file("data", "a file, not a folder");
    let why = Store::open(&not_a_dir).map(|_| ()).unwrap_err().to_string();
    let mut app = builtin();
    app.press("3compute<Tab>m<Enter>");
    let request = app.marks_request.take().expect("a request");
    app.update(request.run(Err(why)));
    let footer = footer(&app);
    assert!(footer.starts_with(" ⚠ Marks: "), "{footer}");
    assert!(footer.contains("data"), "{footer}");
    // The app goes on: the Marks view opens, empty.
    app.press("6");
    assert_eq!(app.view, View::Marks);
}

#[test]
fn help_shows_the_marks_keys() {
    let mut app = builtin();
    app.press("?");
    let (_, lines) = app.popup().expect("the help");
    let text: Vec<String> = lines.iter().map(|l| l.text.clone()).collect();
    let has = |key: &str, help: &str| {
        let row = format!("  {key:<14}{help}");
        text.contains(&row)
    };
    assert!(has("m", "mark what is selected, with a note"), "{text:#?}");
    assert!(
        has("6 '", "marks: every mark, in every document"),
        "{text:#?}"
    );
    assert!(has("Alt-6", "marks view"), "{text:#?}");
    assert!(has("Enter", "show the mark in the reader"), "{text:#?}");
}

#[test]
fn a_mark_made_on_a_terminal_is_there_after_a_restart() {
    use crate::common::pty::{Launch, Tty};
    let scratch = Scratch::new();
    let body = "# Notes\n\n## Compute\n\nThe team was short of compute all spring.\n";
    let doc = scratch.file("notes.md", body);
    let launch = || Launch {
        dir: Some(scratch.0.clone()),
        ..Launch::dossier(&["notes.md", "--data-dir", "data"], 100, 30)
    };
    let rows = |s: &vt100::Screen| s.rows(0, 100).collect::<Vec<String>>();

    let mut tty = Tty::spawn(launch());
    tty.wait_for_text("short of compute");
    tty.send(b"\tm");
    tty.wait_for_text("Note for the passage");
    tty.send(b"ask about the budget\r");
    tty.wait_for_text("Marked the passage, with a note");
    tty.send(b"q");
    assert!(tty.wait_exit().success());
    drop(tty);

    let mut tty = Tty::spawn(launch());
    tty.wait_for_text("short of compute");
    tty.send(b"'");
    tty.wait_for_text("ask about the budget");
    {
        let out = tty.output();
        let rows = rows(out.parser.screen());
        assert!(
            rows.iter()
                .any(|r| r.starts_with(" passage line 5     Notes · Compute")),
            "{rows:#?}"
        );
    }
    tty.send(b"\r");
    tty.wait_settled("the reader at the marked passage", |s| {
        let rows = rows(s);
        rows.last().is_some_and(|f| f.contains("section 2/2"))
    });
    tty.send(b"q");
    assert!(tty.wait_exit().success());

    // The document is as it was, and nothing was written beside it.
    assert_eq!(std::fs::read_to_string(&doc).unwrap(), body);
    let mut beside: Vec<String> = std::fs::read_dir(&scratch.0)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    beside.sort();
    assert_eq!(beside, ["data", "notes.md"]);
}

/// The fixture library with a quote of one document and an event of another marked, on
/// the Marks view.
fn library_with_marks(store: &mut Store, width: u16, height: u16) -> App {
    let mut app = crate::common::library_app("tests/library", width, height);
    mark(
        &mut app,
        store,
        "3struggling for compute<Tab>",
        "ask for the budget memo",
    );
    mark(&mut app, store, "2G", "");
    app.press("6");
    serve(&mut app, store);
    app
}

#[test]
fn in_a_library_marks_from_every_document_are_listed_and_each_opens_its_own() {
    let scratch = Scratch::new();
    let mut store = Store::open(&scratch.0).unwrap();
    let mut app = library_with_marks(&mut store, 120, 40);
    let saved = store.all().unwrap();
    assert_ne!(saved[0].title, saved[1].title, "two documents: {saved:?}");
    for (i, m) in saved.iter().enumerate() {
        app.press("6");
        serve(&mut app, &mut store);
        app.marks.selected = i;
        app.press("<Enter>");
        assert_eq!(app.view, View::Sections);
        assert_eq!(app.doc().title(), m.title);
        let marked = app.reader.marked.clone().expect("marked");
        assert_eq!(
            marked,
            app.reader.layout.lines_for_source(app.doc(), m.line)
        );
    }
}

#[test]
fn the_marks_view_on_screen() {
    let scratch = Scratch::new();
    for (w, h) in [(80, 24), (120, 40)] {
        let mut store = Store::open(&scratch.0.join(format!("{w}"))).unwrap();
        let app = library_with_marks(&mut store, w, h);
        insta::assert_snapshot!(format!("marks_view_{w}x{h}"), screen(&app));
    }
}

#[test]
fn after_an_edit_that_moves_the_text_the_view_shows_where_it_is_now() {
    let scratch = Scratch::new();
    let mut store = Store::open(&scratch.0.join("data")).unwrap();
    let body = "# Notes\n\n## Compute\n\nThe team was short of compute all spring.\n";
    let path = scratch.file("notes.md", body);
    let open = || App::new(library::open_file(&path).expect("the notes"), 100, 30);
    let mut app = open();
    let m = mark(&mut app, &mut store, "<Tab>", "");
    assert_eq!((m.kind, m.line), (Kind::Passage, 5));

    std::fs::write(
        &path,
        format!(
            "# Notes\n\nA new paragraph.\n\nAnd another.\n{}",
            &body[8..]
        ),
    )
    .unwrap();
    let mut app = open();
    app.press("6");
    serve(&mut app, &mut store);
    assert!(
        screen(&app).contains(" passage line 9     Notes · Compute"),
        "{}",
        screen(&app)
    );
    app.press("<Enter>");
    assert_eq!(
        app.reader.marked,
        Some(app.reader.layout.lines_for_source(app.doc(), 9))
    );
    // Where it was found is remembered: the store now has the line and the document's hash.
    let saved = store.all().unwrap().pop().unwrap();
    assert_eq!(saved.line, 9);
    assert_eq!(
        saved.hash,
        dossier::marks::content_hash(&dossier::search::DocText::of(app.doc()).text)
    );
}

/// A note holds a paragraph: a 1,000-byte paste is kept whole, and the footer shows the end
/// of what is typed, not its start; past [`NOTE_LIMIT`] the rest is cut, and the footer says
/// so in a note's words.
#[test]
fn a_long_note_is_kept_and_shown_where_it_is_typed() {
    use dossier::app::{Msg, NOTE_LIMIT};
    let scratch = Scratch::new();
    let mut store = Store::open(&scratch.0).unwrap();
    let mut app = builtin();
    app.press("3compute<Tab>m");
    let long = "The budget line was cut twice before the announcement. ".repeat(20);
    assert!(long.len() > 1000);
    app.update(Msg::Paste(long.clone()));
    app.press("END");
    let shown = footer(&app);
    assert!(shown.contains("announcement. END"), "{shown}");
    assert!(
        shown.contains('…'),
        "what scrolled out on the left is marked: {shown}"
    );
    app.press("<Enter>");
    serve(&mut app, &mut store);
    let note = store.all().unwrap().pop().expect("a mark saved").note;
    assert_eq!(note, format!("{}END", long).trim());

    app.press("m");
    app.update(Msg::Paste("x".repeat(NOTE_LIMIT + 10)));
    assert_eq!(
        app.message.as_deref(),
        Some("⚠ A note holds at most 4096 bytes: the rest was cut")
    );
    assert!(
        footer(&app).contains("A note holds at most 4096 bytes"),
        "the prompt says so where the note is typed: {}",
        footer(&app)
    );
    app.press("<Enter>");
    serve(&mut app, &mut store);
    assert_eq!(store.all().unwrap().pop().unwrap().note.len(), NOTE_LIMIT);
}

/// In the Marks view `m` changes the selected mark's note (the prompt holds the old one,
/// Esc keeps it) and `d` deletes the mark, once asked again: any other key keeps it.
#[test]
fn in_the_marks_view_m_changes_a_note_and_d_twice_deletes_a_mark() {
    let scratch = Scratch::new();
    let mut store = Store::open(&scratch.0).unwrap();
    let mut app = builtin();
    mark(&mut app, &mut store, "3compute<Tab>", "check the budget");
    mark(&mut app, &mut store, "2", "first event");
    app.press("6");
    serve(&mut app, &mut store);
    assert_eq!(app.marks.rows.len(), 2);

    app.press("m");
    assert!(
        footer(&app).contains("check the budget"),
        "{}",
        footer(&app)
    );
    app.press("<Esc>");
    assert_eq!(app.message.as_deref(), Some("The note is as it was"));
    app.press("m<C-w><C-w><C-w>and the dates<Enter>");
    serve(&mut app, &mut store);
    assert_eq!(app.message.as_deref(), Some("Note saved"));
    assert_eq!(store.all().unwrap()[0].note, "and the dates");
    assert!(
        screen(&app).contains("and the dates"),
        "the view shows the new note"
    );

    app.press("d");
    assert!(
        footer(&app).contains("Delete the mark on the quote?"),
        "{}",
        footer(&app)
    );
    app.press("j");
    serve(&mut app, &mut store);
    assert_eq!(store.all().unwrap().len(), 2, "another key keeps the mark");
    // So does a key bound to nothing: the next d asks again.
    app.press("dzd");
    serve(&mut app, &mut store);
    assert_eq!(
        store.all().unwrap().len(),
        2,
        "a key bound to nothing keeps it too"
    );
    assert!(
        footer(&app).contains("Delete the mark on"),
        "{}",
        footer(&app)
    );
    app.press("<Esc>");
    app.press("dd");
    serve(&mut app, &mut store);
    assert_eq!(app.message.as_deref(), Some("Mark deleted"));
    let left = store.all().unwrap();
    assert_eq!(left.len(), 1);
    assert_eq!(
        left[0].note, "and the dates",
        "the other mark is the one deleted"
    );
    assert_eq!(app.marks.rows.len(), 1);
}
