//! Working with the file on a pseudo-terminal: the real `dossier` binary sees its file change
//! on disk and shows the change without a key, keeps its place, survives the file's removal,
//! hands the terminal to the user's editor and takes it back, reads a document piped in while
//! taking keys from the terminal, and uses no CPU while idle with files watched.
//!
//! Waits poll the emulated screen up to a generous timeout; no fixed sleep decides a result,
//! except the five idle seconds the CPU check measures.
#![cfg(unix)]

use std::ffi::OsString;
use std::io::Write;
use std::path::Path;
use std::time::{Duration, Instant};

use crate::common::Scratch;
use crate::common::pty::{ENTER_ALT_SCREEN, LEAVE_ALT_SCREEN, Launch, Tty, find_last};

const COLS: u16 = 100;
const ROWS: u16 = 30;

/// A dossier of four sections, each long enough that the reader can show any of them at
/// its top.
fn notes() -> String {
    let mut text = String::from("---\ntitle: Field Notes\n---\n# Field Notes\n\nIntro.\n");
    for name in ["Alpha", "Beta", "Gamma"] {
        text.push_str(&format!("\n## {name}\n\n"));
        for i in 0..30 {
            text.push_str(&format!("{name} paragraph {i}.\n\n"));
        }
    }
    text
}

/// The 1-based line of `needle` in `text`.
fn line_of(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|l| l == needle)
        .expect("the line is there")
        + 1
}

/// `dossier ARGS` in `dir`, with `env` set.
fn dossier_in(dir: &Path, args: &[&str], env: Vec<(String, OsString)>) -> Tty {
    Tty::spawn(Launch {
        dir: Some(dir.to_path_buf()),
        env,
        ..Launch::dossier(args, COLS, ROWS)
    })
}

fn footer(screen: &vt100::Screen) -> String {
    screen.rows(0, COLS).last().unwrap_or_default()
}

fn append(path: &Path, text: &str) {
    let mut file = std::fs::OpenOptions::new()
        .append(true)
        .open(path)
        .expect("open the dossier to append");
    file.write_all(text.as_bytes()).expect("append");
}

/// The user moves to "Beta" in the outline; in another pane they append a section to the
/// file; within 2 s, without a key, the new heading is on screen, "Beta" is still the
/// selected section and the footer says the file was reloaded.
#[test]
fn an_appended_section_shows_without_a_key_and_the_section_stays_selected() {
    let dir = Scratch::new();
    let path = dir.file("notes.md", notes());
    let mut tty = dossier_in(&dir.0, &["notes.md"], Vec::new());
    tty.wait_for_text("Alpha");
    tty.send(b"jj");
    tty.wait_settled("Beta selected: section 3 of 4", |s| {
        footer(s).contains("section 3/4")
    });

    let changed = Instant::now();
    append(
        &path,
        "\n## Delta Added Later\n\nWritten in the other pane.\n",
    );
    tty.wait_until("the new heading on screen", |s| {
        s.contents().contains("Delta Added Later")
    });
    let took = changed.elapsed();
    assert!(
        took < Duration::from_secs(2),
        "the change took {took:?} to show"
    );
    tty.wait_settled("the same section selected, of five", |s| {
        let f = footer(s);
        f.contains("section 3/5") && f.contains("Reloaded notes.md")
    });

    // `r` reloads by hand too.
    tty.send(b"r");
    tty.wait_settled("reloaded by hand", |s| {
        let f = footer(s);
        f.contains("Reloaded notes.md") && f.contains("section 3/5")
    });
    tty.send(b"q");
    assert!(tty.wait_exit().success());
    tty.assert_restored();
}

/// The file is deleted while open: the document stays on screen and the footer says so.
#[test]
fn a_deleted_file_stays_on_screen_with_a_message() {
    let dir = Scratch::new();
    let path = dir.file("notes.md", notes());
    let mut tty = dossier_in(&dir.0, &["notes.md"], Vec::new());
    tty.wait_for_text("Alpha");
    tty.settle();
    std::fs::remove_file(&path).expect("delete the dossier");
    tty.wait_settled(
        "a message that the file is gone, the document still shown",
        |s| {
            let f = footer(s);
            let text = s.contents();
            f.contains("notes.md: no such file or directory")
                && f.contains("showing the last version read")
                && text.contains("Field Notes")
                && text.contains("Alpha")
        },
    );
    tty.send(b"q");
    assert!(tty.wait_exit().success());
    tty.assert_restored();
}

/// `e` with `EDITOR` set to a script: the script is run with `+LINE PATH` for the line at
/// the top of the reader, on a terminal in cooked mode and on the main screen; the line it
/// appends is on screen once it returns, and the app is drawn again in full.
#[test]
fn e_opens_the_editor_at_the_line_on_screen_and_shows_the_edit() {
    let dir = Scratch::new();
    let text = notes();
    dir.file("notes.md", &text);
    let script = dir.file(
        "fake-editor",
        "#!/bin/sh\n\
         printf '%s\\n' \"$@\" > \"$0.args\"\n\
         stty -a > \"$0.stty\"\n\
         printf '\\n## Edited In The Editor\\n' >> \"$3\"\n",
    );
    make_executable(&script);
    // Split as a shell would: the quoted word is one argument.
    let editor = format!("{} 'one word'", script.display());
    let env = vec![
        ("VISUAL".to_string(), OsString::new()),
        ("EDITOR".to_string(), OsString::from(editor)),
    ];
    let mut tty = dossier_in(&dir.0, &["notes.md"], env);
    tty.wait_for_text("Alpha");
    tty.send(b"]]");
    tty.wait_settled("Beta at the top of the reader", |s| {
        footer(s).contains("section 3/4")
    });
    let before = tty.output().raw.len();

    tty.send(b"e");
    tty.wait_settled("the edit on screen after the editor returns", |s| {
        s.contents().contains("Edited In The Editor")
    });
    let args = std::fs::read_to_string(dir.0.join("fake-editor.args")).expect("the editor ran");
    let beta = line_of(&text, "## Beta");
    assert_eq!(args, format!("one word\n+{beta}\nnotes.md\n"));
    let stty = std::fs::read_to_string(dir.0.join("fake-editor.stty")).expect("stty ran");
    let flags: Vec<&str> = stty.split_whitespace().collect();
    assert!(
        flags.contains(&"icanon") && flags.contains(&"echo"),
        "the editor got a cooked terminal: {stty}"
    );
    {
        let out = tty.output();
        let after = &out.raw[before..];
        let left = find_last(after, LEAVE_ALT_SCREEN).expect("left the alternate screen");
        let back = find_last(after, ENTER_ALT_SCREEN).expect("came back to it");
        assert!(
            left < back,
            "the app left the alternate screen for the editor, then came back"
        );
        assert!(out.parser.screen().alternate_screen());
    }
    assert_eq!(tty.cooked(), Some(false), "raw mode again after the editor");
    tty.send(b"q");
    assert!(tty.wait_exit().success());
    tty.assert_restored();
}

/// `cat notes.md | dossier`: the piped document is shown and keys come from the terminal;
/// `e` and `r` say there is no file; `q` quits and restores the terminal.
#[test]
fn a_piped_document_takes_keys_from_the_terminal_and_refuses_the_editor() {
    let dir = Scratch::new();
    dir.file("notes.md", notes());
    let mut tty = Tty::spawn(Launch {
        program: "/bin/sh".into(),
        args: vec![
            "-c".into(),
            "cat notes.md | \"$0\"".into(),
            env!("CARGO_BIN_EXE_dossier").into(),
        ],
        dir: Some(dir.0.clone()),
        ..Launch::dossier(&[], COLS, ROWS)
    });
    tty.wait_for_text("Field Notes");
    tty.send(b"e");
    tty.wait_settled("the editor refused", |s| {
        footer(s).contains("Cannot edit: a dossier read from standard input has no file")
    });
    tty.send(b"j");
    tty.wait_settled("keys still read: section 2", |s| {
        footer(s).contains("section 2/4")
    });
    tty.send(b"q");
    assert!(tty.wait_exit().success());
    tty.assert_restored();
}

/// The built-in dossier has no file: `e` says so.
#[test]
fn the_built_in_dossier_refuses_the_editor() {
    let dir = Scratch::new();
    let mut tty = dossier_in(&dir.0, &[], Vec::new());
    tty.wait_for_text("Jan Leike's Departure");
    tty.send(b"e");
    tty.wait_settled("the editor refused", |s| {
        footer(s).contains("Cannot edit: the built-in dossier has no file")
    });
    tty.send(b"q");
    assert!(tty.wait_exit().success());
}

/// With a watched file open and a library open, once drawn, neither app uses a CPU tick in
/// five seconds.
#[test]
fn idle_apps_watching_files_use_no_cpu() {
    let dir = Scratch::new();
    dir.file("notes.md", notes());
    let library = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/library");
    let file = dossier_in(&dir.0, &["notes.md"], Vec::new());
    let folder = dossier_in(&dir.0, &[library], Vec::new());
    file.wait_for_text("Alpha");
    folder.wait_for_text("11 documents ·");
    file.settle();
    folder.settle();
    // The loader's and watcher's start-up is over once the screen has been quiet a while.
    std::thread::sleep(Duration::from_millis(500));
    let before = [cpu_ticks(file.pid()), cpu_ticks(folder.pid())];
    std::thread::sleep(Duration::from_secs(5));
    let after = [cpu_ticks(file.pid()), cpu_ticks(folder.pid())];
    assert_eq!(
        before, after,
        "CPU ticks (file, library) over 5 idle seconds"
    );
}

/// User and system CPU ticks of process `pid`, from /proc/PID/stat.
fn cpu_ticks(pid: u32) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).expect("read /proc stat");
    // Fields after the command name (which is in parentheses and may hold spaces).
    let rest = &stat[stat.rfind(')').expect("a stat line") + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    // utime and stime are fields 14 and 15 of the line: 12 and 13 after the name.
    fields[11].parse::<u64>().expect("utime") + fields[12].parse::<u64>().expect("stime")
}

fn make_executable(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).expect("chmod");
}
