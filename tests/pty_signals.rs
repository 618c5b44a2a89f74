//! The terminal is always given back: the real `dossier` binary on a pseudo-terminal is sent
//! the signals a session sends (SIGHUP when the window closes, SIGINT and SIGQUIT from `kill`
//! or a supervisor, SIGTERM), has its terminal hung up under it, or panics — and each time the
//! user's terminal is left on the main screen, in cooked mode, with mouse reporting off and
//! the cursor showing. (tests/pty_e2e.rs drives the app by keys; this file only ends it.)
//!
//! Waits poll the emulated screen up to a generous timeout; no fixed sleep decides a result.
#![cfg(unix)]

mod common;

use std::ffi::OsString;
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::{Duration, Instant, SystemTime};

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};

use common::Scratch;

const COLS: u16 = 100;
const ROWS: u16 = 30;
const TIMEOUT: Duration = Duration::from_secs(15);
const QUIET: Duration = Duration::from_millis(150);
const POLL: Duration = Duration::from_millis(10);

/// The embedded dossier's title: on screen once the app has drawn its first frame.
const TITLE: &str = "Jan Leike's Departure";
const ENTER_ALT_SCREEN: &[u8] = b"\x1b[?1049h";
const LEAVE_ALT_SCREEN: &[u8] = b"\x1b[?1049l";

/// The variable that turns [`panic_child`] from a no-op into the panicking app.
const PANIC_CHILD: &str = "DOSSIER_TEST_PANIC_CHILD";

struct Tty {
    child: Box<dyn Child + Send + Sync>,
    master: Option<Box<dyn MasterPty + Send>>,
    writer: Option<Box<dyn Write + Send>>,
    output: Arc<Mutex<Output>>,
    /// Tells the reader to let go of its end of the terminal after its next read.
    stop_reading: Arc<AtomicBool>,
    reader: Option<JoinHandle<()>>,
}

struct Output {
    parser: vt100::Parser,
    raw: Vec<u8>,
    last_byte_at: Instant,
}

impl Tty {
    /// Starts `program ARGS` in `dir` on a COLS×ROWS xterm.
    fn spawn(program: &Path, args: &[OsString], dir: &Path, env: &[(&str, OsString)]) -> Tty {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pseudo-terminal");
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.cwd(dir);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("start the child");
        drop(pair.slave);
        let output = Arc::new(Mutex::new(Output {
            parser: vt100::Parser::new(nonzero(ROWS), nonzero(COLS), 0),
            raw: Vec::new(),
            last_byte_at: Instant::now(),
        }));
        let stop_reading = Arc::new(AtomicBool::new(false));
        let mut pty_out = pair.master.try_clone_reader().expect("pty reader");
        let (sink, stop) = (Arc::clone(&output), Arc::clone(&stop_reading));
        let reader = std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            // EIO (Linux) or EOF once the child's side is closed: both mean done.
            while let Ok(n @ 1..) = pty_out.read(&mut buf) {
                let mut out = sink.lock().unwrap_or_else(|e| e.into_inner());
                out.parser.process(&buf[..n]);
                out.raw.extend_from_slice(&buf[..n]);
                out.last_byte_at = Instant::now();
                if stop.load(Ordering::SeqCst) {
                    break;
                }
            }
        });
        let writer = pair.master.take_writer().expect("pty writer");
        Tty {
            child,
            master: Some(pair.master),
            writer: Some(writer),
            output,
            stop_reading,
            reader: Some(reader),
        }
    }

    fn dossier(args: &[&str], dir: &Path) -> Tty {
        let args: Vec<OsString> = args.iter().map(OsString::from).collect();
        Tty::spawn(Path::new(env!("CARGO_BIN_EXE_dossier")), &args, dir, &[])
    }

    fn output(&self) -> MutexGuard<'_, Output> {
        self.output.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn wait_for_text(&self, text: &str) {
        let deadline = Instant::now() + TIMEOUT;
        while !self.output().parser.screen().contents().contains(text) {
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {text:?}; the screen:\n{}",
                self.output().parser.screen().contents()
            );
            std::thread::sleep(POLL);
        }
    }

    /// Waits until the app has stopped writing: it has drawn its frame and waits for input.
    fn settle(&self) {
        let deadline = Instant::now() + TIMEOUT;
        while self.output().last_byte_at.elapsed() < QUIET {
            assert!(Instant::now() < deadline, "the screen never settled");
            std::thread::sleep(POLL);
        }
    }

    fn signal(&self, name: &str) {
        let pid = self
            .child
            .process_id()
            .expect("the child's pid")
            .to_string();
        let sent = Command::new("kill")
            .args([&format!("-{name}"), &pid])
            .status()
            .expect("run kill");
        assert!(sent.success(), "kill -{name} {pid} failed");
    }

    /// Waits for the child to end by itself, then for the last of its output to be read.
    fn wait_exit(&mut self) -> ExitStatus {
        let deadline = Instant::now() + TIMEOUT;
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("poll the child") {
                break status;
            }
            assert!(
                Instant::now() < deadline,
                "the child did not exit within {TIMEOUT:?}; the screen:\n{}",
                self.output().parser.screen().contents()
            );
            std::thread::sleep(POLL);
        };
        if let Some(reader) = self.reader.take() {
            while !reader.is_finished() && Instant::now() < deadline {
                std::thread::sleep(POLL);
            }
            if reader.is_finished() {
                let _ = reader.join();
            }
        }
        status
    }

    /// Closes every handle on the terminal's master side, as a terminal emulator does when
    /// its window is closed: the kernel then hangs up the app's terminal.
    fn hang_up(&mut self) {
        self.stop_reading.store(true, Ordering::SeqCst);
        // Dropping the writer types a newline and an end-of-file key, so the app draws once
        // more: the reader wakes up, sees the flag and drops its handle.
        drop(self.writer.take());
        drop(self.master.take());
        let deadline = Instant::now() + TIMEOUT;
        if let Some(reader) = self.reader.take() {
            while !reader.is_finished() {
                assert!(
                    Instant::now() < deadline,
                    "the pty reader never let go of the terminal"
                );
                std::thread::sleep(POLL);
            }
            let _ = reader.join();
        }
    }

    /// The terminal as the user gets it back: main screen, cursor visible, mouse reporting
    /// off, cooked mode (the last of which only the master side can tell).
    fn assert_restored(&self) {
        let out = self.output();
        let screen = out.parser.screen();
        assert!(!screen.alternate_screen(), "still on the alternate screen");
        assert!(!screen.hide_cursor(), "the cursor was left hidden");
        assert_eq!(
            screen.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "mouse reporting still on"
        );
        let entered = find_last(&out.raw, ENTER_ALT_SCREEN).expect("the app took the screen");
        let left = find_last(&out.raw, LEAVE_ALT_SCREEN).expect("the app gave it back");
        assert!(
            entered < left,
            "the last alternate-screen switch was an enter"
        );
        drop(out);
        let termios = self
            .master
            .as_ref()
            .and_then(|m| m.get_termios())
            .expect("the terminal's modes");
        let flags = format!("{:?}", termios.local_flags);
        let has = |name: &str| {
            flags
                .split(|c: char| !c.is_ascii_alphanumeric())
                .any(|w| w == name)
        };
        assert!(has("ICANON") && has("ECHO"), "left in raw mode: {flags}");
    }
}

impl Drop for Tty {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

fn nonzero(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n).expect("a non-zero size")
}

fn find_last(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

/// Opens the embedded dossier, waits for its first frame, sends `signal` and checks that the
/// app ended by handling it (exit 128 + the signal's number, not killed by it) and gave the
/// terminal back.
fn signal_restores_the_terminal(signal: &str, number: u32) {
    let dir = Scratch::new();
    let mut tty = Tty::dossier(&[], &dir.0);
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
    tty.assert_restored();
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
    let mut tty = Tty::dossier(&["dossier.md"], &dir.0);
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
    let args: Vec<OsString> = ["--exact", "panic_child", "--nocapture", "--test-threads=1"]
        .iter()
        .map(OsString::from)
        .collect();
    let mut tty = Tty::spawn(
        &me,
        &args,
        &dir.0,
        &[(PANIC_CHILD, trigger.clone().into_os_string())],
    );
    tty.wait_for_text(TITLE);
    tty.settle();
    std::fs::write(&trigger, b"").expect("pull the trigger");
    let status = tty.wait_exit();
    assert!(
        !status.success(),
        "the panicking child exits with a failure"
    );
    tty.wait_for_text("a bug in the app");
    tty.assert_restored();
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
