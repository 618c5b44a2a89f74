//! End-to-end: the real `dossier` binary on a pseudo-terminal, its screen read back through a
//! VT100 emulator, driven by keys as a person at a terminal would drive it. These are the only
//! tests that see what crossterm actually writes: the alternate screen, mouse capture, raw mode,
//! and how the app leaves the terminal when it quits, is interrupted or is killed.
//!
//! Every wait polls the emulated screen until what the user should see is there, up to a
//! generous timeout (CI machines are slow and shared); no fixed sleep decides a result. A failing
//! wait prints the screen, and the child is always killed when a test ends.
#![cfg(unix)]

mod common;

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};
use unicode_width::UnicodeWidthStr;

use common::Scratch;

const COLS: u16 = 120;
const ROWS: u16 = 40;
/// How long any one expected thing may take to appear.
const TIMEOUT: Duration = Duration::from_secs(10);
/// How long the terminal must stay quiet before a screen counts as settled. The app redraws
/// only after input, so once it has answered the last key it writes nothing more.
const QUIET: Duration = Duration::from_millis(150);
const POLL: Duration = Duration::from_millis(10);

const TITLE: &str = "Jan Leike's Departure";
const COMPUTE_QUOTE_START: &str = "Over the past few months my team";
const COMPUTE_PHRASE: &str = "struggling for compute";

// What crossterm writes: `EnterAlternateScreen`/`LeaveAlternateScreen`, and the modes that
// `EnableMouseCapture` turns on, each of which `DisableMouseCapture` must turn off again.
const ENTER_ALT_SCREEN: &[u8] = b"\x1b[?1049h";
const LEAVE_ALT_SCREEN: &[u8] = b"\x1b[?1049l";
const MOUSE_MODES: [&str; 5] = ["1000", "1002", "1003", "1015", "1006"];

/// The dossier app running on a pseudo-terminal, with everything it writes fed to a VT100
/// emulator (and kept raw, to check the exact escape sequences).
struct Tty {
    child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    output: Arc<Mutex<Output>>,
    reader: Option<JoinHandle<()>>,
    _dir: Scratch,
}

struct Output {
    parser: vt100::Parser,
    raw: Vec<u8>,
    last_byte_at: Instant,
}

impl Tty {
    /// Starts `dossier ARGS` on a COLS×ROWS xterm, in an empty directory so that nothing
    /// around the test can change what the app opens.
    fn spawn(args: &[&str]) -> Tty {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pseudo-terminal");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_dossier"));
        cmd.args(args);
        let dir = Scratch::new();
        cmd.cwd(&dir.0);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        cmd.env_remove("COLUMNS");
        cmd.env_remove("LINES");
        let child = pair.slave.spawn_command(cmd).expect("start dossier");
        // Only the child may hold the slave side, so that reading the master ends when it exits.
        drop(pair.slave);

        let output = Arc::new(Mutex::new(Output {
            parser: vt100::Parser::new(nonzero(ROWS), nonzero(COLS), 0),
            raw: Vec::new(),
            last_byte_at: Instant::now(),
        }));
        let mut pty_out = pair.master.try_clone_reader().expect("pty reader");
        let sink = Arc::clone(&output);
        let reader = std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            // Linux reports EIO rather than EOF once the child's side is closed: both mean done.
            while let Ok(n @ 1..) = pty_out.read(&mut buf) {
                let mut out = sink.lock().unwrap_or_else(|e| e.into_inner());
                out.parser.process(&buf[..n]);
                out.raw.extend_from_slice(&buf[..n]);
                out.last_byte_at = Instant::now();
            }
        });
        let writer = pair.master.take_writer().expect("pty writer");
        Tty {
            child,
            master: pair.master,
            writer,
            output,
            reader: Some(reader),
            _dir: dir,
        }
    }

    fn output(&self) -> MutexGuard<'_, Output> {
        self.output.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn screen_text(&self) -> String {
        self.output().parser.screen().contents()
    }

    /// Sends bytes as if typed.
    fn send(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).expect("write to the pty");
        self.writer.flush().expect("flush the pty");
    }

    /// Polls the screen until `ok` holds, or fails the test showing the screen.
    fn wait_until(&self, what: &str, ok: impl Fn(&vt100::Screen) -> bool) {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if ok(self.output().parser.screen()) {
                return;
            }
            if Instant::now() > deadline {
                panic!(
                    "timed out after {TIMEOUT:?} waiting for {what}; the screen:\n{}",
                    self.screen_text()
                );
            }
            std::thread::sleep(POLL);
        }
    }

    fn wait_for_text(&self, text: &str) {
        self.wait_until(&format!("{text:?} on screen"), |s| {
            s.contents().contains(text)
        });
    }

    /// Waits until the app has stopped writing (it has drawn its answer to the last key).
    fn settle(&self) {
        let deadline = Instant::now() + TIMEOUT;
        while self.output().last_byte_at.elapsed() < QUIET {
            if Instant::now() > deadline {
                panic!(
                    "the screen never settled within {TIMEOUT:?}:\n{}",
                    self.screen_text()
                );
            }
            std::thread::sleep(POLL);
        }
    }

    /// Waits until `ok` holds on a screen the app has finished drawing: polled before and after
    /// the output goes quiet, so neither a half-drawn frame nor a slow machine decides it.
    fn wait_settled(&self, what: &str, ok: impl Fn(&vt100::Screen) -> bool) {
        self.wait_until(what, &ok);
        self.settle();
        self.wait_until(what, &ok);
    }

    /// Waits for the process to end by itself, then for the last of its output to be read.
    fn wait_exit(&mut self) -> ExitStatus {
        let deadline = Instant::now() + TIMEOUT;
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("poll the child") {
                break status;
            }
            if Instant::now() > deadline {
                panic!(
                    "dossier did not exit within {TIMEOUT:?}; the screen:\n{}",
                    self.screen_text()
                );
            }
            std::thread::sleep(POLL);
        };
        // The reader ends once the pty is drained; bounded, in case something else holds it.
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

    /// Whether the pty is in canonical (cooked) mode with echo, as a shell expects it. Read as
    /// the flag names of the termios local flags, to avoid a direct dependency on `nix`.
    fn cooked(&self) -> Option<bool> {
        let termios = self.master.get_termios()?;
        let flags = format!("{:?}", termios.local_flags);
        let has = |name: &str| {
            flags
                .split(|c: char| !c.is_ascii_alphanumeric())
                .any(|w| w == name)
        };
        Some(has("ICANON") && has("ECHO"))
    }

    fn pid(&self) -> u32 {
        self.child.process_id().expect("the child's pid")
    }

    /// Checks that the app left the terminal as it found it: main screen, mouse reporting off,
    /// cooked mode — so the shell prompt and scrollback are back and clicks select text again.
    fn assert_restored(&self) {
        let out = self.output();
        let screen = out.parser.screen();
        assert!(
            !screen.alternate_screen(),
            "still on the alternate screen after exit"
        );
        assert_eq!(
            screen.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "mouse reporting still on after exit"
        );
        let raw = &out.raw;
        let entered =
            find_last(raw, ENTER_ALT_SCREEN).expect("the app entered the alternate screen");
        let left = find_last(raw, LEAVE_ALT_SCREEN).expect("the app left the alternate screen");
        assert!(
            entered < left,
            "the last alternate-screen switch was an enter"
        );
        for mode in MOUSE_MODES {
            let on = format!("\x1b[?{mode}h");
            let off = format!("\x1b[?{mode}l");
            let on_at = find_last(raw, on.as_bytes())
                .unwrap_or_else(|| panic!("mouse mode {mode} was never enabled"));
            let off_at = find_last(raw, off.as_bytes())
                .unwrap_or_else(|| panic!("mouse mode {mode} was not disabled on exit"));
            assert!(on_at < off_at, "mouse mode {mode} left enabled at exit");
        }
        drop(out);
        if let Some(cooked) = self.cooked() {
            assert!(cooked, "the terminal was left in raw mode (no ICANON/ECHO)");
        }
    }
}

impl Drop for Tty {
    fn drop(&mut self) {
        // A failed assertion must not leave the app running: SIGHUP, then SIGKILL.
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

fn nonzero(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n).expect("a non-zero terminal size")
}

fn find_last(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

/// Runs of whitespace become one space, so that text wrapped across lines still matches.
fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The part of a row left of the first vertical border: the pane a list is drawn in.
fn left_pane(row: &str) -> &str {
    let end = row.find(['│', '┌', '└', '├']).unwrap_or(row.len());
    &row[..end]
}

/// The part of a row right of the first vertical border: the reader beside the outline.
fn right_pane(row: &str) -> &str {
    row.find('│').map_or("", |i| &row[i + '│'.len_utf8()..])
}

/// The line the query is typed into: the first row below the header that ends with it.
fn search_box_row(rows: &[String], query: &str) -> Option<usize> {
    rows.iter().enumerate().skip(1).find_map(|(i, row)| {
        let typed = row.trim_end().trim_end_matches(['█', '▏', '_']).trim_end();
        typed.ends_with(query).then_some(i)
    })
}

/// The first result under the search box: its lines (left of the preview), joined, without
/// the selection bar. Rules and blank lines before it are skipped; a blank line ends it.
fn first_result(rows: &[String], query: &str) -> Option<String> {
    let box_row = search_box_row(rows, query)?;
    let lines: Vec<&str> = rows[box_row + 1..]
        .iter()
        .map(|row| left_pane(row).trim())
        .skip_while(|line| line.is_empty() || line.starts_with('─'))
        .take_while(|line| !line.is_empty())
        .map(|line| line.trim_start_matches(['▌', '▎', '>', '❯', '•']))
        .collect();
    (!lines.is_empty()).then(|| squash(&lines.join(" ")))
}

/// The tab drawn differently from the other two: the active view.
fn active_tab(screen: &vt100::Screen) -> Option<&'static str> {
    const TABS: [&str; 3] = ["Sections", "Timeline", "Quotes"];
    let header: String = screen.rows(0, COLS).next()?;
    let style = |tab: &str| {
        // The tabs sit at the right of the header, after the title.
        let byte = header.rfind(tab)?;
        let col = u16::try_from(header[..byte].width()).ok()?;
        let cell = screen.cell(0, col)?;
        Some((
            cell.fgcolor(),
            cell.bgcolor(),
            cell.bold(),
            cell.inverse(),
            cell.underline(),
        ))
    };
    let styles: Vec<_> = TABS.iter().map(|t| style(t)).collect::<Option<_>>()?;
    let unique: Vec<usize> = (0..3)
        .filter(|&i| styles.iter().filter(|s| **s == styles[i]).count() == 1)
        .collect();
    match unique[..] {
        [i] => Some(TABS[i]),
        _ => None,
    }
}

/// The reader's text on screen (right of the outline), joined and squashed.
fn reader_text(rows: &[String]) -> String {
    let lines: Vec<&str> = rows[1..rows.len().saturating_sub(1)]
        .iter()
        .map(|row| right_pane(row).trim().trim_start_matches(['▌', '▎', ' ']))
        .collect();
    squash(&lines.join(" "))
}

fn footer(rows: &[String]) -> &str {
    rows.last().map_or("", |r| r.as_str())
}

/// Opens the embedded dossier and waits for its first frame: the title in the header.
fn open_embedded() -> Tty {
    let tty = Tty::spawn(&[]);
    tty.wait_for_text(TITLE);
    tty
}

/// Presses `3` and waits for the quote search: the Quotes tab active, every quote listed.
fn open_quote_search(tty: &mut Tty) {
    tty.send(b"3");
    tty.wait_until("the Quotes tab to be active", |s| {
        active_tab(s) == Some("Quotes")
    });
    tty.settle();
}

/// The user runs `dossier`, sees the dossier's title, presses `3`, types `compute` and sees the
/// "struggling for compute" quote at the top of the results; Enter takes them to that passage
/// in the reader (Sections tab, footer at a section); `q` quits, and their shell is back on the
/// main screen with mouse reporting off and the terminal in cooked mode.
#[test]
fn quote_search_jumps_to_the_passage_and_quit_restores_the_terminal() {
    let mut tty = open_embedded();
    assert_eq!(
        active_tab(tty.output().parser.screen()),
        Some("Sections"),
        "the app opens on Sections"
    );
    assert_eq!(tty.cooked(), Some(false), "the app runs in raw mode");

    open_quote_search(&mut tty);
    tty.send(b"compute");
    tty.wait_settled(
        "the \"struggling for compute\" quote first under the query `compute`",
        |s| {
            let rows: Vec<String> = s.rows(0, COLS).collect();
            first_result(&rows, "compute").is_some_and(|first| {
                first.contains(COMPUTE_QUOTE_START) && first.contains(COMPUTE_PHRASE)
            })
        },
    );

    tty.send(b"\r");
    tty.wait_settled(
        "the passage in the reader from its start, on the Sections tab",
        |s| {
            let rows: Vec<String> = s.rows(0, COLS).collect();
            let reader = reader_text(&rows);
            active_tab(s) == Some("Sections")
                && footer(&rows).contains("section")
                && reader.contains(COMPUTE_QUOTE_START)
                && reader.contains(COMPUTE_PHRASE)
        },
    );

    tty.send(b"q");
    let status = tty.wait_exit();
    assert!(status.success(), "q exits 0, got {status}");
    tty.assert_restored();
}

/// In the quote search box `q` is text, so the user presses Ctrl-C: the app quits at once and
/// their terminal is restored.
#[test]
fn ctrl_c_in_the_search_box_quits_and_restores() {
    let mut tty = open_embedded();
    open_quote_search(&mut tty);
    tty.send(b"q");
    tty.wait_until("q typed into the search box", |s| {
        let rows: Vec<String> = s.rows(0, COLS).collect();
        search_box_row(&rows, "q").is_some()
    });
    tty.send(b"\x03");
    let status = tty.wait_exit();
    assert!(status.success(), "Ctrl-C exits 0, got {status}");
    tty.assert_restored();
}

/// The app is killed politely (SIGTERM, as `kill` or a closing session manager sends): the
/// process ends and the user's terminal is back to normal, not stuck on a blank alternate
/// screen swallowing mouse clicks.
#[test]
fn sigterm_restores_the_terminal() {
    let mut tty = open_embedded();
    tty.settle();
    let pid = tty.pid().to_string();
    let killed = Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .expect("run kill");
    assert!(killed.success(), "kill -TERM {pid} failed");
    let status = tty.wait_exit();
    assert!(
        status.signal().is_none(),
        "dossier died of the signal instead of handling it: {status}"
    );
    assert!(!status.success(), "a terminated run is not a success");
    tty.assert_restored();
}

/// `dossier > notes.txt` or `dossier | less`: stdout is not a terminal, so instead of drawing
/// the user gets the dossier as plain, readable text with no escape sequences, and exit 0.
#[test]
fn without_a_terminal_it_prints_plain_text() {
    let dir = Scratch::new();
    let out = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .current_dir(&dir.0)
        .env("TERM", "xterm-256color")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .expect("run dossier");
    assert!(
        out.status.success(),
        "exit {:?}, stderr: {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).expect("the text is UTF-8");
    assert!(text.contains(TITLE), "the title is printed");
    assert!(
        squash(&text).contains(COMPUTE_PHRASE),
        "the quote is printed"
    );
    assert!(
        !text.contains('\x1b'),
        "no escape sequences when stdout is not a terminal"
    );
}
