//! Marks: the SQLite store shared by processes, surviving a kill mid-write, and marks found
//! again after the document changed (`dossier marks --json`, decoded into mirror structs).

use std::process::{Child, Command};
use std::time::{Duration, Instant};

use dossier::marks::{Kind, NewMark, Store, content_hash};
use serde::Deserialize;

use crate::common::{Scratch, run};

/// Set in a child process: the directory to add marks to, and how many (0: until killed).
const CHILD_DIR: &str = "DOSSIER_TEST_MARKS_DIR";
const CHILD_COUNT: &str = "DOSSIER_TEST_MARKS_COUNT";

fn new_mark(n: usize) -> NewMark {
    NewMark {
        path: format!("/nowhere/{}.md", std::process::id()),
        hash: content_hash("x"),
        kind: Kind::Passage,
        anchor: format!("passage {n}"),
        line: n,
        title: "T".into(),
        section: None,
        note: format!("note {n}"),
    }
}

/// Not a test of its own: the body of the child processes the tests below start (this
/// binary run again with only this test); without the variables it does nothing.
#[test]
fn marks_child() {
    let Some(dir) = std::env::var_os(CHILD_DIR) else {
        return;
    };
    let count: usize = std::env::var(CHILD_COUNT)
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    let mut store = Store::open(std::path::Path::new(&dir)).expect("open the store");
    let mut n = 0;
    while count == 0 || n < count {
        store.add(&new_mark(n)).expect("add a mark");
        n += 1;
    }
}

fn child(dir: &std::path::Path, count: usize) -> Child {
    Command::new(std::env::current_exe().expect("the test binary"))
        .args(["--exact", "marks::marks_child", "--test-threads=1", "-q"])
        .env(CHILD_DIR, dir)
        .env(CHILD_COUNT, count.to_string())
        .stdout(std::process::Stdio::null())
        .spawn()
        .expect("start a child")
}

#[test]
fn two_processes_adding_100_marks_each_at_once_end_with_200() {
    let _alone = crate::common::alone();
    let scratch = Scratch::new();
    let mut a = child(&scratch.0, 100);
    let mut b = child(&scratch.0, 100);
    assert!(a.wait().expect("wait").success());
    assert!(b.wait().expect("wait").success());
    let all = Store::open(&scratch.0).unwrap().all().unwrap();
    assert_eq!(all.len(), 200);
}

#[test]
fn a_process_killed_mid_write_leaves_every_earlier_mark_readable() {
    let _alone = crate::common::alone();
    let scratch = Scratch::new();
    let mut writer = child(&scratch.0, 0);
    let store = Store::open(&scratch.0).unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    let seen = loop {
        let all = store.all().unwrap();
        if all.len() >= 50 || Instant::now() > deadline {
            break all;
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    // Killed while it writes: it adds marks without pause.
    writer.kill().expect("kill the writer");
    writer.wait().expect("reap the writer");
    assert!(seen.len() >= 50, "the writer wrote");
    drop(store);
    let after = Store::open(&scratch.0).unwrap().all().unwrap();
    assert!(after.len() >= seen.len());
    assert_eq!(
        &after[..seen.len()],
        &seen[..],
        "every mark seen is still there"
    );
}

/// One mark of `marks --json`: every field of the contract, read or not.
#[allow(dead_code)]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct MarkJson {
    id: i64,
    path: String,
    kind: String,
    text: String,
    line: usize,
    title: String,
    section: Option<String>,
    note: String,
    created: i64,
    now: Now,
}

#[derive(Debug, Deserialize, PartialEq)]
#[serde(
    deny_unknown_fields,
    tag = "status",
    content = "line",
    rename_all = "lowercase"
)]
enum Now {
    Same(usize),
    Moved(usize),
    Lost,
}

fn marks_json(dir: &std::path::Path) -> Vec<MarkJson> {
    let out = run(&["marks", "--json", "--data-dir", &dir.display().to_string()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("marks prints the JSON contract")
}

#[test]
fn a_mark_survives_an_edit_that_moves_its_text_and_is_listed_when_lost() {
    let scratch = Scratch::new();
    let data = scratch.0.join("data");
    let body = "# Notes\n\n## Compute\n\nThe team was short of compute all spring.\n";
    let path = scratch.file("notes.md", body);
    let path = path.canonicalize().unwrap();
    let doc = dossier::library::open_file(&path).unwrap();
    let text = dossier::search::DocText::of(&doc);
    let mut store = Store::open(&data).unwrap();
    store
        .add(&NewMark {
            path: path.display().to_string(),
            hash: content_hash(&text.text),
            kind: Kind::Passage,
            anchor: "The team was short of compute all spring.".into(),
            line: 5,
            title: doc.title(),
            section: Some("Compute".into()),
            note: "check the budget".into(),
        })
        .unwrap();
    assert_eq!(marks_json(&data)[0].now, Now::Same(5));

    std::fs::write(
        &path,
        format!(
            "# Notes\n\nA new paragraph.\n\nAnd another.\n{}",
            &body[8..]
        ),
    )
    .unwrap();
    let moved = marks_json(&data);
    assert_eq!(moved[0].now, Now::Moved(9), "{moved:?}");
    assert_eq!(moved[0].note, "check the budget");
    assert_eq!(moved[0].kind, "passage");

    std::fs::write(&path, "# Notes\n\nNothing about it now.\n").unwrap();
    let lost = marks_json(&data);
    assert_eq!(lost.len(), 1, "a lost mark is listed, not dropped");
    assert_eq!(lost[0].now, Now::Lost);
    let md = run(&[
        "marks",
        "--format",
        "md",
        "--data-dir",
        &data.display().to_string(),
    ]);
    let md = String::from_utf8_lossy(&md.stdout);
    assert!(
        md.contains("(not found)") && md.contains("Note: check the budget"),
        "{md}"
    );
}

/// Opening the store as another process creates it and then adds marks without pause: the
/// table is there to be seen, so opening neither waits for the writer's lock nor fails
/// with "database is locked" (it did in about one round in ten, after 10 s of waiting).
#[test]
fn a_store_opens_while_another_process_creates_it_and_writes_without_pause() {
    let _alone = crate::common::alone();
    let mut failures = Vec::new();
    for round in 0..30 {
        let scratch = Scratch::new();
        let mut writer = child(&scratch.0, 0);
        // Opened as soon as the writer has made the file, or a moment later.
        while !scratch.0.join(dossier::marks::FILE).exists() {
            std::hint::spin_loop();
        }
        std::thread::sleep(Duration::from_micros([0, 300, 2000][round % 3]));
        let opened = Store::open(&scratch.0).and_then(|store| store.all());
        writer.kill().expect("kill the writer");
        writer.wait().expect("reap the writer");
        if let Err(e) = opened {
            failures.push(format!("round {round}: {e}"));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}
