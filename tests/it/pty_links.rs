//! Links as the terminal sees them: the reader's links written as OSC 8 hyperlinks (only
//! http, https and mailto), and `o` running the opener with the URL as one argument.

use std::os::unix::fs::PermissionsExt;

use crate::common::Scratch;
use crate::common::pty::{Launch, Tty};

/// The reader on the fixture, in a terminal that must not be asked its background (the
/// theme is given), with `$BROWSER` a script that writes each of its arguments on a line of
/// `args.txt` in `dir`.
fn reader(dir: &Scratch) -> Tty {
    let fixture =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/reader-shapes.md");
    let script = dir.file(
        "browser.sh",
        "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done > \"$(dirname \"$0\")/args.tmp\"\n\
         mv \"$(dirname \"$0\")/args.tmp\" \"$(dirname \"$0\")/args.txt\"\n",
    );
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    Tty::spawn(Launch {
        env: vec![
            ("BROWSER".into(), script.into_os_string()),
            ("DOSSIER_THEME".into(), "dark".into()),
        ],
        ..Launch::dossier(&[fixture.to_str().expect("UTF-8 path")], 120, 40)
    })
}

#[test]
fn https_links_are_hyperlinks_and_javascript_ones_are_not() {
    let dir = Scratch::new();
    let tty = reader(&dir);
    tty.wait_for_text("script link");
    tty.settle();
    let raw = tty.output().raw.clone();
    let has = |needle: &[u8]| raw.windows(needle.len()).any(|w| w == needle);
    assert!(
        has(b"\x1b]8;;https://example.com/a\x1b\\"),
        "an OSC 8 hyperlink for the https link"
    );
    assert!(
        has(b"\x1b]8;;mailto:someone@example.com\x1b\\"),
        "and for the mailto link"
    );
    assert!(has(b"\x1b]8;;\x1b\\"), "each hyperlink is closed");
    assert!(
        !has(b"javascript"),
        "no hyperlink, nor anything else, for javascript:"
    );
}

#[test]
fn o_runs_the_browser_with_the_url_as_one_argument() {
    let dir = Scratch::new();
    let mut tty = reader(&dir);
    tty.wait_for_text("script link");
    tty.send(b"\to");
    let args = dir.0.join("args.txt");
    let deadline = std::time::Instant::now() + crate::common::pty::TIMEOUT;
    while !args.exists() && std::time::Instant::now() < deadline {
        std::thread::sleep(crate::common::pty::POLL);
    }
    let recorded = std::fs::read_to_string(&args).expect("the browser ran");
    assert_eq!(recorded, "https://example.com/a\n");
    tty.wait_for_text("Opened https://example.com/a");
    tty.send(b"q");
    assert!(tty.wait_exit().success());
    tty.assert_restored();
}
