//! The terminal is always given back: the real `dossier` binary on a pseudo-terminal is sent
//! the signals a session sends (SIGHUP when the window closes, SIGINT and SIGQUIT from `kill`
//! or a supervisor, SIGTERM), has its terminal hung up under it, or panics — and each time the
//! user's terminal is left on the main screen, in cooked mode, with mouse reporting off and
//! the cursor showing. (pty_e2e.rs drives the app by keys; this file only ends it.)
//!
//! Waits poll the emulated screen up to a generous timeout; no fixed sleep decides a result.
#![cfg(unix)]

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::time::{Instant, SystemTime};

use crate::common::Scratch;
use crate::common::pty::{Launch, POLL, TIMEOUT, Tty};

const COLS: u16 = 100;
const ROWS: u16 = 30;

/// The embedded dossier's title: on screen once the app has drawn its first frame.
const TITLE: &str = "Jan Leike's Departure";

/// The variable that turns [`panic_child`] from a no-op into the panicking app.
const PANIC_CHILD: &str = "DOSSIER_TEST_PANIC_CHILD";

/// Starts `dossier ARGS` in `dir` on a COLS×ROWS xterm.
fn dossier(args: &[&str], dir: &Path) -> Tty {
    Tty::spawn(Launch {
        dir: Some(dir.to_path_buf()),
        ..Launch::dossier(args, COLS, ROWS)
    })
}

/// The terminal as the user gets it back: [`Tty::assert_restored`] (main screen, mouse
/// reporting off, cooked mode), with the cursor showing and the terminal's modes readable,
/// so that cooked mode was checked rather than skipped.
fn assert_restored_with_cursor(tty: &Tty) {
    assert!(
        !tty.output().parser.screen().hide_cursor(),
        "the cursor was left hidden"
    );
    assert!(
        tty.local_flags().is_some(),
        "the terminal's modes could not be read"
    );
    tty.assert_restored();
}

/// Opens the embedded dossier, waits for its first frame, sends `signal` and checks that the
/// app ended by handling it (exit 128 + the signal's number, not killed by it) and gave the
/// terminal back.
fn signal_restores_the_terminal(signal: &str, number: u32) {
    let dir = Scratch::new();
    let mut tty = dossier(&[], &dir.0);
    tty.wait_for_text(TITLE);
    tty.settle();
    tty.signal(signal);
    let status = tty.wait_exit();
    assert_eq!(
        status.signal(),
        None,
        "dossier died of SIG{signal} instead of handling it"
    );
    assert_eq!(
        status.exit_code(),
        128 + number,
        "exit status after SIG{signal}"
    );
    assert_restored_with_cursor(&tty);
}

/// The terminal window is closed, or an ssh session drops: the shell's children get SIGHUP.
#[test]
fn sighup_restores_the_terminal() {
    signal_restores_the_terminal("HUP", 1);
}

/// `kill -INT` (or `timeout -s INT`, a supervisor): in raw mode Ctrl-C is a key, but the
/// signal can still come from outside.
#[test]
fn sigint_restores_the_terminal() {
    signal_restores_the_terminal("INT", 2);
}

#[test]
fn sigquit_restores_the_terminal() {
    signal_restores_the_terminal("QUIT", 3);
}

/// pty_e2e checks SIGTERM's screen and modes; this adds the cursor, which the drawing loop
/// hides and a signal exit skips showing again unless the handler does it.
#[test]
fn sigterm_leaves_the_cursor_visible() {
    signal_restores_the_terminal("TERM", 15);
}

/// The window is closed for real: every handle on the terminal goes away. dossier must end
/// (not spin on a dead terminal) and leave the file it had open untouched.
#[test]
fn a_hung_up_terminal_ends_the_app_and_leaves_the_file_alone() {
    let dir = Scratch::new();
    let file = dir.0.join("dossier.md");
    let bytes = "---\ntitle: Hangup Test\n---\n# First\n\nSome text.\n\n## Second\n\nMore.\n";
    std::fs::write(&file, bytes).expect("write the dossier");
    let before = modified(&file);
    let mut tty = dossier(&["dossier.md"], &dir.0);
    tty.wait_for_text("Hangup Test");
    tty.settle();
    tty.hang_up();
    let status = tty.wait_exit();
    assert_eq!(
        status.signal(),
        None,
        "dossier died of the hangup: {status}"
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), bytes);
    assert_eq!(modified(&file), before);
}

fn modified(path: &Path) -> SystemTime {
    std::fs::metadata(path)
        .and_then(|m| m.modified())
        .expect("mtime")
}

/// A bug panics while the app is on screen: the panic hook that `dossier::tui` installs (its
/// own, for mouse capture and the cursor, then ratatui's) gives the terminal back before the
/// message is printed. There is no panic hook in the product to trigger, so this test runs its
/// own test binary as the child: [`panic_child`] starts the real app with `dossier::tui::run`
/// and panics on another thread once the parent has seen the first frame.
#[test]
fn a_panic_restores_the_terminal() {
    let dir = Scratch::new();
    let trigger = dir.0.join("panic-now");
    let me = std::env::current_exe().expect("this test binary");
    let args: Vec<OsString> = [
        "--exact",
        "pty_signals::panic_child",
        "--nocapture",
        "--test-threads=1",
    ]
    .iter()
    .map(OsString::from)
    .collect();
    let mut tty = Tty::spawn(Launch {
        program: me,
        args,
        env: vec![(PANIC_CHILD.to_string(), trigger.clone().into_os_string())],
        dir: Some(dir.0.clone()),
        cols: COLS,
        rows: ROWS,
    });
    tty.wait_for_text(TITLE);
    tty.settle();
    std::fs::write(&trigger, b"").expect("pull the trigger");
    let status = tty.wait_exit();
    assert!(
        !status.success(),
        "the panicking child exits with a failure"
    );
    tty.wait_for_text("a bug in the app");
    assert_restored_with_cursor(&tty);
}

/// Not a test of its own: the child process of [`a_panic_restores_the_terminal`]. Without
/// its variable set (any normal run) it does nothing.
#[test]
fn panic_child() {
    let Some(trigger) = std::env::var_os(PANIC_CHILD) else {
        return;
    };
    let doc = dossier::library::open(None).expect("the embedded dossier");
    std::thread::spawn(move || dossier::tui::run(dossier::tui::Start::Document(Box::new(doc))));
    let trigger = PathBuf::from(trigger);
    let deadline = Instant::now() + TIMEOUT;
    while !trigger.exists() && Instant::now() < deadline {
        std::thread::sleep(POLL);
    }
    panic!("a bug in the app");
}
