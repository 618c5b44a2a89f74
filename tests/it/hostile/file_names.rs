//! Hostile file names: a name is shown so that it is one line and unmistakable, and a file is
//! always opened by the path the OS gave, never by the name shown.

use std::process::Command;
use std::time::Duration;

use super::{dossier, refused, text};
use crate::common;
use crate::common::{Scratch, bin};

/// A binary file named with a newline and a forged message, in a folder and on the command
/// line, and a missing path with one: each is one line on stderr, the name quoted with the
/// newline written `\n`, as git writes such a name.
#[test]
fn a_newline_in_a_file_name_never_forges_a_line() {
    let dir = Scratch::new();
    let forged = "x\ndossier: every document verified.md";
    let lib = dir.0.join("lib");
    std::fs::create_dir(&lib).unwrap();
    std::fs::write(lib.join("good.md"), "# Good\n").unwrap();
    std::fs::write(lib.join(forged), b"\x00\x01binary\x00").unwrap();
    let out = dossier(&["export", text(&lib)]);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr:?}");
    assert!(
        stderr.starts_with(&format!(
            "dossier: \"{}/x\\ndossier: every document verified.md\": ",
            text(&lib)
        )),
        "{stderr:?}"
    );
    // The same file named on the command line, and a missing one.
    let line = refused(&["export", text(&lib.join(forged))]);
    assert!(line.contains("x\\ndossier: every"), "{line}");
    let missing = dir.0.join("gone\ndossier: all good.md");
    let line = refused(&["sections", text(&missing)]);
    assert_eq!(
        line,
        format!(
            "dossier: \"{}/gone\\ndossier: all good.md\": no such file or directory",
            text(&dir.0)
        )
    );
}

/// A library whose files are named with a tab, an ESC and a byte that is not UTF-8: each opens
/// in the reader, with its own text. Under the names those used to be shown as (the tab as
/// spaces, ESC as ␛, the byte as �) lie a FIFO and symbolic links to a file outside the library;
/// they change nothing: the app neither waits on the FIFO nor shows the links' target.
#[cfg(unix)]
#[test]
fn files_named_with_a_tab_an_escape_and_a_stray_byte_open_in_the_reader() {
    use common::pty::{Launch, Tty};
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let dir = Scratch::new();
    let lib = dir.0.join("r");
    std::fs::create_dir(&lib).unwrap();
    let outside = dir.file("outside.md", "# Outside\n\nOUTSIDE SECRET TEXT.\n");
    let files: [(&[u8], &str); 3] = [
        (b"a\tb.md", "Alpha"),
        (b"c\x1bd.md", "Bravo"),
        (b"e\xffg.md", "Charlie"),
    ];
    for (name, title) in files {
        let body = format!("---\ntitle: {title}\n---\n# {title} heading\n\n{title} body text.\n");
        std::fs::write(lib.join(OsStr::from_bytes(name)), body).unwrap();
    }
    let fifo = lib.join("a    b.md");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    std::os::unix::fs::symlink(&outside, lib.join("c␛d.md")).unwrap();
    std::os::unix::fs::symlink(&outside, lib.join("e\u{fffd}g.md")).unwrap();

    let mut tty = Tty::spawn(Launch {
        dir: Some(dir.0.clone()),
        ..Launch::dossier(&["r"], 100, 30)
    });
    tty.wait_for_text("Charlie");
    for (i, (_, title)) in files.iter().enumerate() {
        tty.send(b"0");
        tty.wait_for_text("Library");
        tty.send(b"g");
        for _ in 0..i {
            tty.send(b"j");
        }
        tty.send(b"\r");
        tty.wait_settled(&format!("{title}'s body in the reader"), |s| {
            s.contents().contains(&format!("{title} body text."))
        });
        let screen = tty.screen_text();
        assert!(!screen.contains("OUTSIDE SECRET"), "{screen}");
        assert!(!screen.contains("Cannot read"), "{screen}");
    }
    tty.send(b"q");
    tty.wait_exit();
}

/// `export DIR` of 3,000 files; after the first document is out, the last file is replaced by
/// a FIFO no one writes to. The export does not wait on it: it ends with one line naming it
/// and exit 1, and every other document is exported.
#[cfg(unix)]
#[test]
fn a_file_swapped_for_a_fifo_during_export_ends_with_one_line() {
    use std::io::{BufRead, BufReader, Read};
    let dir = Scratch::new();
    let lib = dir.0.join("lib");
    std::fs::create_dir(&lib).unwrap();
    for i in 0..3000 {
        std::fs::write(
            lib.join(format!("doc-{i:04}.md")),
            format!("# Document {i}\n\nOn May 1, 2024 thing {i} happened.\n"),
        )
        .unwrap();
    }
    let last = lib.join("zz-last.md");
    std::fs::write(&last, "# Last\n").unwrap();
    let mut child = bin()
        .args(["export", text(&lib)])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    stdout.read_line(&mut first).unwrap();
    assert!(first.contains("Document 0"), "{first}");
    let fifo = dir.0.join("fifo");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    std::fs::rename(&fifo, &last).unwrap();
    // The rest of the output, read on a thread so that a hang fails the test, not the run.
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut rest = String::new();
        let _ = stdout.read_to_string(&mut rest);
        let _ = tx.send(rest);
    });
    let rest = match rx.recv_timeout(Duration::from_secs(60)) {
        Ok(rest) => rest,
        Err(_) => {
            let _ = child.kill();
            panic!("export waited on the FIFO for 60 s");
        }
    };
    let status = child.wait().unwrap();
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    assert_eq!(status.code(), Some(1), "{stderr}");
    assert_eq!(rest.lines().count(), 2999, "every other document");
    assert_eq!(
        stderr,
        format!("dossier: {}: is no longer a regular file\n", text(&last))
    );
}
