//! A library open in the app follows its folder: files added, changed and removed on disk
//! (seen by the file watch, as the running app sees them) change the documents listed, the
//! counts, the timeline, the quotes and the people.

use std::path::Path;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::common;

use dossier::app::{App, Loaded, Msg};
use dossier::library::{self, Change};
use dossier::watch::{self, Watched};

/// A dossier with one dated event and one quote by `speaker`.
fn dossier(title: &str, date: &str, speaker: &str, words: &str) -> String {
    format!(
        "---\ntitle: {title}\nyear: 2024\n---\n# {title}\n\n## {date}\n\n\
         Something happened.\n\n> \"{words} and that is all there is to say.\"\n> — {speaker}\n"
    )
}

/// The library as the user sees it: documents listed, events and quotes counted, the
/// timeline's dates (of their documents), the quotes' texts, the people's names.
#[derive(Debug, PartialEq)]
struct Seen {
    documents: Vec<String>,
    events: usize,
    quotes: usize,
    timeline: Vec<String>,
    quote_texts: Vec<String>,
    people: Vec<String>,
}

fn seen(app: &mut App) -> Seen {
    app.update(Msg::Settle);
    app.press("3");
    let mut quote_texts: Vec<String> = (app.quotes.hits.iter())
        .filter_map(|h| app.hit_quote(h).map(|(_, q)| q.text.clone()))
        .collect();
    quote_texts.sort();
    app.press("<Esc>4");
    let people = (0..app.people.rows.len())
        .filter_map(|i| app.people.row(i).map(|p| p.name.clone()))
        .collect();
    app.press("<Esc>0");
    Seen {
        documents: (app.library.rows.iter())
            .map(|&d| app.docs[d].title())
            .collect(),
        events: app.library.events,
        quotes: app.library.quotes,
        timeline: (app.timeline.rows())
            .map(|(d, e)| {
                format!(
                    "{}: {}",
                    app.docs[d].title(),
                    app.docs[d].timeline[e].date.iso()
                )
            })
            .collect(),
        quote_texts,
        people,
    }
}

/// Opens `dir` as the app does: the watch first, then every file loaded.
fn open(dir: &Path) -> (App, mpsc::Receiver<Vec<Change>>, watch::Watch) {
    let (tx, rx) = mpsc::channel();
    let watch = watch::watch(Watched::Folder(dir.to_path_buf()), move |changes| {
        let _ = tx.send(changes);
    });
    assert_eq!(watch.failed, None);
    let mut app = App::library(120, 40);
    app.reopen = Some(|path| library::open_library_file(path).ok());
    let (paths, _) = library::find_dossiers(dir);
    app.update(Msg::Loaded(Loaded::Found(paths.len())));
    for path in &paths {
        app.update(Msg::Loaded(Loaded::document(
            library::open_file(path).expect("a dossier"),
        )));
    }
    app.update(Msg::Loaded(Loaded::Done));
    (app, rx, watch)
}

/// Takes the watch's reports until `ok` holds of what is seen (or fails after 10 s).
fn follow(
    app: &mut App,
    rx: &mpsc::Receiver<Vec<Change>>,
    what: &str,
    ok: impl Fn(&Seen) -> bool,
) -> Seen {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let now = seen(app);
        if ok(&now) {
            return now;
        }
        let left = deadline.saturating_duration_since(Instant::now());
        match rx.recv_timeout(left) {
            Ok(changes) => app.update(Msg::FilesChanged(changes)),
            Err(_) => panic!("timed out waiting for {what}; the app shows {now:#?}"),
        }
    }
}

#[test]
fn files_added_changed_and_removed_under_an_open_library_update_it() {
    let dir = common::Scratch::new();
    dir.file(
        "a.md",
        dossier(
            "Alpha Report",
            "May 14, 2024",
            "Ada Lovelace",
            "Engines weave patterns",
        ),
    );
    dir.file(
        "b.md",
        dossier(
            "Beta Report",
            "June 2, 2024",
            "Grace Hopper",
            "Ships are safe in harbour",
        ),
    );
    let (mut app, rx, _watch) = open(&dir.0);
    let start = seen(&mut app);
    assert_eq!(start.documents.len(), 2);
    assert_eq!((start.events, start.quotes), (2, 2));
    assert_eq!(start.people, ["Ada Lovelace", "Grace Hopper"]);

    // Added, in a new folder.
    std::fs::create_dir(dir.0.join("more")).unwrap();
    dir.file(
        "more/c.md",
        dossier(
            "Gamma Report",
            "July 9, 2024",
            "Alan Turing",
            "Machines can think",
        ),
    );
    let added = follow(&mut app, &rx, "the added file", |s| s.documents.len() == 3);
    assert_eq!((added.events, added.quotes), (3, 3));
    assert!(
        added
            .timeline
            .contains(&"Gamma Report: 2024-07-09".to_string()),
        "{added:#?}"
    );
    assert!(
        added
            .quote_texts
            .iter()
            .any(|q| q.starts_with("Machines can think"))
    );
    assert!(added.people.contains(&"Alan Turing".to_string()));

    // Changed: a new date, speaker and quote.
    dir.file(
        "a.md",
        dossier(
            "Alpha Report",
            "March 3, 2023",
            "Ada King",
            "Numbers are the poetry of engines",
        ),
    );
    let changed = follow(&mut app, &rx, "the changed file", |s| {
        s.timeline.contains(&"Alpha Report: 2023-03-03".to_string())
    });
    assert_eq!(changed.documents.len(), 3);
    assert_eq!((changed.events, changed.quotes), (3, 3));
    assert!(!changed.timeline.iter().any(|t| t.contains("2024-05-14")));
    assert!(
        changed
            .quote_texts
            .iter()
            .any(|q| q.starts_with("Numbers are the poetry"))
    );
    assert!(
        !changed
            .quote_texts
            .iter()
            .any(|q| q.starts_with("Engines weave"))
    );
    assert!(changed.people.contains(&"Ada King".to_string()));
    assert!(!changed.people.contains(&"Ada Lovelace".to_string()));

    // Removed.
    std::fs::remove_file(dir.0.join("b.md")).unwrap();
    let removed = follow(&mut app, &rx, "the removed file", |s| {
        s.documents.len() == 2
    });
    assert!(!removed.documents.contains(&"Beta Report".to_string()));
    assert_eq!((removed.events, removed.quotes), (2, 2));
    assert!(
        !removed
            .timeline
            .iter()
            .any(|t| t.starts_with("Beta Report"))
    );
    assert!(
        !removed
            .quote_texts
            .iter()
            .any(|q| q.starts_with("Ships are safe"))
    );
    assert!(!removed.people.contains(&"Grace Hopper".to_string()));

    // A file that becomes unreadable (not UTF-8) keeps its last good document, and the
    // footer says why.
    dir.file("more/c.md", b"\xff\xfe not UTF-8");
    let changes = rx
        .recv_timeout(Duration::from_secs(10))
        .expect("the change reported");
    app.update(Msg::FilesChanged(changes));
    let message = app.message.clone().unwrap_or_default();
    assert!(message.contains("c.md: is not valid UTF-8"), "{message}");
    assert!(
        message.contains("showing the last version read"),
        "{message}"
    );
    assert_eq!(seen(&mut app), removed);
}
