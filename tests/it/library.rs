//! A folder of dossiers as one library (tests/library: eleven dossiers in nested folders, a
//! .txt dossier, a .txt that is not one, and a file that is not UTF-8): the commands across
//! the library, and the app's Library, Timeline and Quotes views over it.

use std::path::PathBuf;

use crate::common;
use crate::common::{run, screen};
use dossier::app::{App, Loaded, Msg, View};
use dossier::library;

const FOLDER: &str = "tests/library";

/// The fixture library as a user types it, relative to the crate (where cargo runs the tests),
/// so documents opened from it are named as [`common::library_app`] names them.
fn folder() -> PathBuf {
    PathBuf::from(FOLDER)
}

/// The app over the fixture library, loaded the way the terminal loop loads it.
fn library_app(width: u16, height: u16) -> App {
    common::library_app(FOLDER, width, height)
}

#[test]
fn finds_markdown_and_front_matter_txt_files_recursively() {
    let (paths, problems) = library::find_dossiers(&folder());
    let names: Vec<String> = paths
        .iter()
        .map(|p| p.strip_prefix(folder()).unwrap().display().to_string())
        .collect();
    assert_eq!(names.len(), 12, "{names:?}");
    assert!(names.contains(&"2023/altman-firing.md".to_string()));
    assert!(
        names.contains(&"notes/compute-pledge.txt".to_string()),
        "a .txt with front matter is a dossier"
    );
    assert!(
        !names.contains(&"notes/readme.txt".to_string()),
        "a .txt without front matter is not"
    );
    assert!(problems.is_empty());
}

#[test]
fn export_prints_one_json_object_per_document_and_reports_the_broken_one() {
    let out = run(&["export", FOLDER]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "a problem file makes the run fail, after the rest is printed"
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    let docs: Vec<common::Export> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("one object per line"))
        .collect();
    assert_eq!(docs.len(), 11);
    assert!(docs.iter().all(|d| d.source.starts_with(FOLDER)));
    let mut sources: Vec<&str> = docs.iter().map(|d| d.source.as_str()).collect();
    let printed = sources.clone();
    sources.sort();
    assert_eq!(printed, sources, "in path order");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        stderr.trim(),
        "dossier: tests/library/broken-encoding.md: is not valid UTF-8 (line 5, byte 32)"
    );
}

/// `sections DIR --json`: one JSON array, an element per document in path order with its
/// source and every section (text included); written document by document as they load,
/// it must still be one valid array, the same as each document's own outline.
#[test]
fn sections_of_a_library_as_json_are_one_array_in_path_order() {
    let out = run(&["sections", FOLDER, "--json"]);
    assert_eq!(out.status.code(), Some(1), "the broken file fails the run");
    let all: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).expect("one array");
    assert_eq!(all.len(), 11);
    let sources: Vec<&str> = all.iter().map(|d| d["source"].as_str().unwrap()).collect();
    assert!(sources.is_sorted(), "{sources:?}");
    for doc in &all {
        let one = run(&["sections", doc["source"].as_str().unwrap(), "--json"]);
        let own: serde_json::Value = serde_json::from_slice(&one.stdout).unwrap();
        assert_eq!(doc["sections"], own, "{}", doc["source"]);
        assert!(own[0]["text"].is_string());
    }
    // Pretty-printed as a whole: two spaces per level.
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("[\n  {\n    \"source\": "),
        "{}",
        &text[..40]
    );
    assert!(text.ends_with("\n  }\n]\n"));
}

/// `dossier DIR > notes.txt`: every document as plain text, in path order, with the file
/// that cannot be read named on stderr.
#[test]
fn a_folder_into_a_file_is_every_document_as_plain_text_in_path_order() {
    let out = run(&[FOLDER]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "a problem file makes the run fail"
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    let titles: Vec<&str> = stdout
        .lines()
        .filter_map(|l| l.strip_prefix("title: "))
        .collect();
    assert_eq!(titles.len(), 11, "{titles:?}");
    assert_eq!(
        titles[0], "The Board Fires Sam Altman",
        "2023/altman-firing.md first"
    );
    assert!(!stdout.contains('\x1b'), "no escape sequences");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        stderr.trim(),
        "dossier: tests/library/broken-encoding.md: is not valid UTF-8 (line 5, byte 32)"
    );
}

/// `dossier export DIR > all 2>&1`: a problem file's line on stderr comes between whole
/// JSON lines, never inside one.
#[test]
fn problems_and_output_in_one_file_do_not_cut_into_each_other() {
    let dir = common::Scratch::new();
    for i in 0..40 {
        std::fs::write(dir.0.join(format!("d{i:02}.md")), library::EMBEDDED).unwrap();
    }
    std::fs::write(dir.0.join("d20x.md"), b"\xff not UTF-8").unwrap();
    let all = dir.0.with_extension("out");
    let file = std::fs::File::create(&all).unwrap();
    let status = common::bin()
        .args(["export", dir.0.to_str().unwrap()])
        .stdout(file.try_clone().unwrap())
        .stderr(file)
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(1));
    let text = std::fs::read_to_string(&all).unwrap();
    let (mut docs, mut problems) = (0, 0);
    for line in text.lines() {
        if line.starts_with("dossier: ") {
            assert!(line.contains("d20x.md: is not valid UTF-8"), "{line}");
            problems += 1;
        } else {
            serde_json::from_str::<common::Export>(line).expect("a whole JSON object");
            docs += 1;
        }
    }
    assert_eq!((docs, problems), (40, 1));
}

/// `dossier export DIR | head -1` over a library too big for the pipe: the export stops
/// when the reader does, quietly, and the line read is a whole document.
#[test]
fn export_of_a_library_stops_quietly_when_the_reader_does() {
    use std::io::{BufRead, BufReader};
    let dir = common::Scratch::new();
    dossier::synthetic::write_library(&dir.0, 300).unwrap();
    let mut child = common::bin()
        .args(["export", dir.0.to_str().unwrap()])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    let doc: common::Export = serde_json::from_str(&first).expect("a whole document");
    assert!(doc.source.ends_with(".md"));
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{:?}", out.status);
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "",
        "nothing on stderr"
    );
}

#[test]
fn timeline_spans_the_library_in_date_order() {
    let out = run(&["timeline", FOLDER, "--json"]);
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    let dates: Vec<&str> = rows.iter().map(|r| r["date"].as_str().unwrap()).collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted);
    assert_eq!(dates.first(), Some(&"2020"));
    let may28 = rows
        .iter()
        .find(|r| r["date"] == "2024-05-28" && r["origin"] == "heading")
        .unwrap();
    assert_eq!(
        may28["source"], "tests/library/leike-anthropic.md",
        "every row names its document"
    );
    let text = String::from_utf8(run(&["timeline", FOLDER]).stdout).unwrap();
    assert!(text.contains("2023-11-17  tests/library/2023/altman-firing.md:16  Helen Toner made a public statement that day.  · November 17, 2023"), "{text}");
}

#[test]
fn quotes_across_the_library_filter_by_speaker() {
    let out = run(&["quotes", FOLDER, "--query", "@leike compute", "--json"]);
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rows.len(), 2);
    assert!(rows.iter().all(|r| r["speaker"] == "Jan Leike"));
    let sources: Vec<&str> = rows.iter().map(|r| r["source"].as_str().unwrap()).collect();
    assert!(sources.contains(&"tests/library/notes/compute-pledge.txt"));
    assert!(sources.contains(&"tests/library/leike-anthropic.md"));
    assert!(rows[0]["score"].as_i64().unwrap() > 0);
}

#[test]
fn an_empty_folder_is_one_clear_error() {
    let dir = std::env::temp_dir().join(format!("dossier-empty-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = run(&["export", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("no dossiers here"), "{err}");
    assert_eq!(err.lines().count(), 1);
    std::fs::remove_dir(&dir).unwrap();
}

#[test]
fn the_library_view_lists_documents_with_counts_and_sorts() {
    let mut app = library_app(120, 30);
    assert_eq!(app.view, View::Library);
    assert_eq!(app.docs.len(), 11);
    assert_eq!(app.library.problems.len(), 1);
    let first = &app.docs[app.library.rows[0]];
    assert_eq!(first.field("year").as_deref(), Some("2024"), "newest first");
    let by_year: Vec<(std::cmp::Reverse<String>, String)> = (app.library.rows.iter())
        .map(|&d| {
            let doc = &app.docs[d];
            (
                std::cmp::Reverse(doc.field("year").unwrap()),
                doc.title().to_lowercase(),
            )
        })
        .collect();
    assert!(
        by_year.is_sorted(),
        "newest first, then by title: {by_year:?}"
    );
    let shown = screen(&app);
    assert!(shown.contains("Timnit Gebru Leaves Google"));
    assert!(
        shown.contains("1 problem (p)"),
        "one problem, in the singular"
    );
    app.press("s");
    let titles: Vec<String> = app
        .library
        .rows
        .iter()
        .map(|&d| app.docs[d].title())
        .collect();
    let mut sorted = titles.clone();
    sorted.sort_by_key(|t| t.to_lowercase());
    assert_eq!(titles, sorted, "s sorts by title");
    app.press("s");
    let authors: Vec<String> = app
        .library
        .rows
        .iter()
        .map(|&d| app.docs[d].field("author").unwrap())
        .collect();
    let mut sorted = authors.clone();
    sorted.sort_by_key(|a| a.to_lowercase());
    assert_eq!(authors, sorted, "then by author");
    app.press("p");
    assert!(screen(&app).contains("broken-encoding.md: is not valid UTF-8"));
}

/// `--width` holds for every document of a library, not only the first one opened.
#[test]
fn the_reading_width_holds_for_each_document_opened() {
    let mut app = library_app(200, 30);
    app.set_measure(50);
    for row in 0..2 {
        app.press("<A-0>");
        app.library.selected = row;
        app.press("<Enter>");
        assert_eq!(app.view, View::Sections);
        assert_eq!(app.reader.layout.width, 50, "document {row}");
    }
}

#[test]
fn enter_opens_a_document_in_the_sections_view() {
    let mut app = library_app(120, 30);
    app.press("s"); // by title: "A Right to Warn about Advanced AI" first
    app.press("<Enter>");
    assert_eq!(app.view, View::Sections);
    assert_eq!(app.doc().title(), "A Right to Warn about Advanced AI");
    let shown = screen(&app);
    assert!(
        shown.contains("# A Right to Warn about Advanced AI"),
        "{shown}"
    );
    assert!(
        shown.contains("Daniel Kokotajlo made a public statement that day."),
        "{shown}"
    );
    app.press("<BS>");
    assert_eq!(app.view, View::Library);
}

#[test]
fn the_timeline_spans_documents_and_jumps_open_the_right_one() {
    let mut app = library_app(120, 30);
    app.press("2/2023-11..2024-05<Enter>");
    let rows: Vec<String> = app
        .timeline
        .rows()
        .map(|(d, e)| app.docs[d].timeline[e].date.iso())
        .collect();
    assert!(!rows.is_empty());
    assert!(
        rows.iter()
            .all(|d| d.as_str() >= "2023-11" && d.as_str() < "2024-06" && d.len() > 4),
        "{rows:?}"
    );
    let (d, e) = app.timeline.row(0).unwrap();
    assert_eq!(app.docs[d].title(), "The Board Fires Sam Altman");
    assert_eq!(app.docs[d].timeline[e].date.iso(), "2023-11-17");
    app.press("<Enter>");
    assert_eq!(app.view, View::Sections);
    assert_eq!(app.doc().title(), "The Board Fires Sam Altman");
    assert_eq!(
        app.doc().sections[app.outline.selected.unwrap()].title,
        "November 17, 2023"
    );
}

/// The timeline rows as the user reads them: date, document, line.
fn timeline_rows(app: &App) -> Vec<(String, String, usize)> {
    let rows = app.timeline.rows();
    rows.map(|(d, e)| {
        let entry = &app.docs[d].timeline[e];
        (entry.date.iso(), app.docs[d].source.clone(), entry.line)
    })
    .collect()
}

#[test]
fn the_timeline_grows_in_order_while_documents_arrive() {
    // All at once, as after a load: the reference.
    let whole = library_app(120, 30);
    let mut filtered = library_app(120, 30);
    filtered.press("2/2024<Enter>");
    // One at a time, in another order, with a frame (a settle) after each, as a big
    // library loads: documents added since the last frame are merged into the rows.
    let (mut paths, _) = library::find_dossiers(&folder());
    paths.reverse();
    for filter in ["", "2024"] {
        let mut app = App::library(120, 30);
        app.library.root = FOLDER.into();
        app.update(Msg::Loaded(Loaded::Found(paths.len())));
        if !filter.is_empty() {
            app.press(&format!("2/{filter}<Enter>0"));
        }
        for path in &paths {
            if let Ok(doc) = library::open_file(path) {
                app.update(Msg::Loaded(Loaded::document(doc)));
                app.update(Msg::Settle);
            }
        }
        app.update(Msg::Loaded(Loaded::Done));
        app.update(Msg::Settle);
        let reference = if filter.is_empty() { &whole } else { &filtered };
        let rows = timeline_rows(&app);
        assert!(rows.len() >= 10, "{rows:?}");
        assert!(
            rows.windows(2).all(|w| w[0] < w[1]),
            "in date order: {rows:?}"
        );
        // The same events as a library loaded in path order (document numbers differ).
        assert_eq!(rows, timeline_rows(reference), "filter {filter:?}");
        assert!(screen(&app).contains("2024"));
    }
}

#[test]
fn quote_search_spans_documents() {
    let mut app = library_app(120, 30);
    app.press("3@leike compute");
    assert_eq!(app.quotes.hits.len(), 2);
    for hit in &app.quotes.hits {
        let (_, q) = app.hit_quote(hit).unwrap();
        assert_eq!(q.speaker.as_deref(), Some("Jan Leike"));
    }
    app.press("<Down><Enter>");
    assert_eq!(app.view, View::Sections);
    assert!(app.doc().source.ends_with(".md") || app.doc().source.ends_with(".txt"));
    assert!(app.reader.marked.is_some());
}

#[test]
fn the_app_is_usable_while_documents_are_still_loading() {
    let mut app = App::library(120, 30);
    app.library.root = FOLDER.into();
    app.update(Msg::Loaded(Loaded::Found(12)));
    let (paths, _) = library::find_dossiers(&folder());
    for path in paths
        .iter()
        .filter(|p| !p.ends_with("broken-encoding.md"))
        .take(5)
    {
        app.update(Msg::Loaded(Loaded::document(
            library::open_file(path).unwrap(),
        )));
    }
    app.update(Msg::Settle);
    assert_eq!(app.library.loading, Some((5, 12)));
    assert!(screen(&app).contains("Loading 5/12 files"));
    app.press("3");
    assert_eq!(app.quotes.hits.len(), 10);
    app.press("<Esc>0");
    assert_eq!(app.view, View::Library);
}

#[test]
fn library_documents_are_kept_slim_and_read_again_when_opened() {
    let mut app = App::library(120, 30);
    app.reopen = Some(|path| library::open_library_file(path).ok());
    let (paths, _) = library::find_dossiers(&folder());
    for path in paths.iter().filter(|p| !p.ends_with("broken-encoding.md")) {
        let mut doc = library::open_file(path).unwrap();
        library::slim(&mut doc);
        app.update(Msg::Loaded(Loaded::document(doc)));
    }
    app.update(Msg::Loaded(Loaded::Done));
    app.update(Msg::Settle);
    assert!(app.docs.iter().all(|d| d.blocks.is_empty()
        && d.text.is_empty()
        && d.sections.iter().all(|s| s.text.is_empty())));
    for d in &app.docs {
        // Titles stay, in a buffer that holds them and nothing else.
        let titles: usize = d.sections.iter().map(|s| s.title.len()).sum();
        assert!(d.sections.iter().all(|s| !s.title.is_empty()
            && s.title.buffer().is_some_and(|b| b.len() == titles)));
    }
    assert!(
        app.docs
            .iter()
            .all(|d| !d.quotes.is_empty() && !d.timeline.is_empty()),
        "what the views need stays"
    );
    app.press("<Enter>");
    assert!(
        !app.doc().blocks.is_empty(),
        "the opened document is read again for the reader"
    );
    let shown = screen(&app);
    assert!(
        shown.contains("made a public statement that day"),
        "{shown}"
    );
    let opened = app.current;
    app.press("0j<Enter>");
    assert!(
        app.docs[opened].blocks.is_empty(),
        "the one left is slimmed again"
    );
}

#[test]
fn quote_search_off_the_ui_thread_keeps_only_the_newest_answer() {
    let mut app = library_app(120, 30);
    app.background_search = true;
    app.background_from = 0;
    app.press("3comp");
    let first = app.search_request.take().expect("a ranking was asked for");
    assert!(app.quotes.searching);
    assert_eq!(
        app.quotes.hits.len(),
        22,
        "the old results stay while the search runs"
    );
    app.press("ute");
    let newest = app
        .search_request
        .take()
        .expect("each keystroke asks again");
    assert!(newest.generation > first.generation);
    app.update(Msg::Searched(first.generation, first.run()));
    assert!(app.quotes.searching, "a stale answer is dropped");
    app.update(Msg::Searched(newest.generation, newest.run()));
    assert!(!app.quotes.searching);
    let (_, best) = app.hit_quote(&app.quotes.hits[0]).unwrap();
    assert!(best.text.contains("compute"), "{}", best.text);
}

/// Documents that finish loading while a search runs on the search thread wait for it: the
/// index is not copied from under the search, and once the answer comes they join the index
/// and the query is ranked again over the whole library.
#[test]
fn documents_loaded_during_a_search_join_the_index_when_it_is_answered() {
    let mut app = App::library(120, 30);
    app.background_search = true;
    app.background_from = 0;
    let (paths, _) = library::find_dossiers(&folder());
    // The fixture's broken file has no part here: only the documents that open.
    let docs: Vec<_> = paths
        .iter()
        .filter_map(|p| library::open_file(p).ok())
        .collect();
    app.update(Msg::Loaded(Loaded::Found(docs.len())));
    let (early, late) = docs.split_at(docs.len() / 2);
    for doc in early {
        app.update(Msg::Loaded(Loaded::document(doc.clone())));
    }
    app.update(Msg::Settle);
    app.press("3compute");
    let running = app.search_request.take().expect("a ranking was asked for");
    let indexed = app.index.len();
    for doc in late {
        app.update(Msg::Loaded(Loaded::document(doc.clone())));
    }
    app.update(Msg::Loaded(Loaded::Done));
    assert!(
        std::sync::Arc::ptr_eq(&app.index, &running.index),
        "the index was copied while the search held it"
    );
    assert_eq!(app.index.len(), indexed, "added under a running search");

    let (generation, hits) = (running.generation, running.run());
    drop(running);
    app.update(Msg::Searched(generation, hits));
    app.update(Msg::Settle);
    let all = library_app(120, 30);
    assert_eq!(app.index.len(), all.index.len(), "every document's quotes");
    let again = app
        .search_request
        .take()
        .expect("the query is ranked again over the documents that joined");
    app.update(Msg::Searched(again.generation, again.run()));
    assert_eq!(app.quotes.hits.len(), all.index.rank("compute", None).len());
}

/// The matched characters highlighted are those of the results on screen: when the search
/// thread's answer replaces the results (the query unchanged), their highlights are worked
/// out again, not kept from the results they replace.
#[test]
fn highlights_follow_the_answer_from_the_search_thread() {
    let mut app = library_app(120, 30);
    app.background_search = true;
    app.background_from = 0;
    app.press("3comp");
    let request = app.search_request.take().expect("a ranking was asked for");
    app.update(Msg::Searched(request.generation, request.run()));
    assert!(!app.quotes.hits.is_empty());
    for (i, hit) in app.quotes.hits.iter().enumerate().take(5) {
        let shown = app.quotes.ranges(i).expect("worked out near the selection");
        assert_eq!(
            *shown,
            app.index.ranges(hit.quote, &app.quotes.query),
            "result {i}"
        );
    }
}
