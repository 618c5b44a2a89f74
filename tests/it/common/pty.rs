//! A program — the real `dossier` binary, or a test binary standing in for it — on a
//! pseudo-terminal, with everything it writes fed to a VT100 emulator and kept raw: the harness
//! of the tests that must see what crossterm actually writes (tests/it/pty_e2e.rs drives the app
//! by keys, tests/it/pty_signals.rs ends it by signals, a hang-up and a panic).
//!
//! Every wait polls the emulated screen until what the user should see is there, up to a
//! generous timeout (CI machines are slow and shared); no fixed sleep decides a result. A failing
//! wait prints the screen, and the child is always killed when its [`Tty`] is dropped.

use std::ffi::OsString;
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::PathBuf;
use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};

use super::Scratch;

/// How long any one expected thing may take to appear.
pub const TIMEOUT: Duration = Duration::from_secs(15);
/// How long the terminal must stay quiet before a screen counts as settled. The app redraws
/// only after input, so once it has answered the last key it writes nothing more.
pub const QUIET: Duration = Duration::from_millis(150);
pub const POLL: Duration = Duration::from_millis(10);

// What crossterm writes for `EnterAlternateScreen` and `LeaveAlternateScreen`.
pub const ENTER_ALT_SCREEN: &[u8] = b"\x1b[?1049h";
pub const LEAVE_ALT_SCREEN: &[u8] = b"\x1b[?1049l";

/// What to start on the pseudo-terminal, where, and how big the terminal is.
pub struct Launch {
    pub program: PathBuf,
    pub args: Vec<OsString>,
    /// Set for the child on top of `TERM=xterm-256color` (`NO_COLOR`, `COLUMNS` and `LINES`
    /// are removed, so the test's own environment cannot change what is drawn).
    pub env: Vec<(String, OsString)>,
    /// Where the child runs. `None`: a fresh empty directory that lives as long as the [`Tty`],
    /// so that nothing around the test can change what the app opens.
    pub dir: Option<PathBuf>,
    pub cols: u16,
    pub rows: u16,
}

impl Launch {
    /// `dossier ARGS` on a `cols`×`rows` xterm, in a fresh empty directory.
    pub fn dossier(args: &[&str], cols: u16, rows: u16) -> Launch {
        Launch {
            program: PathBuf::from(env!("CARGO_BIN_EXE_dossier")),
            args: args.iter().map(OsString::from).collect(),
            env: Vec::new(),
            dir: None,
            cols,
            rows,
        }
    }
}

/// A child running on a pseudo-terminal, with everything it writes fed to a VT100 emulator
/// (and kept raw, to check the exact escape sequences).
pub struct Tty {
    child: Box<dyn Child + Send + Sync>,
    /// The terminal's master side; `None` once [`Tty::hang_up`] has closed it.
    master: Option<Box<dyn MasterPty + Send>>,
    writer: Option<Box<dyn Write + Send>>,
    output: Arc<Mutex<Output>>,
    /// Tells the reader to let go of its end of the terminal after its next read.
    stop_reading: Arc<AtomicBool>,
    reader: Option<JoinHandle<()>>,
    _dir: Option<Scratch>,
    /// The machine to itself while the app runs (see [`super::alone`]); dropped last.
    _alone: super::Alone,
}

/// Everything the child has written so far.
pub struct Output {
    pub parser: vt100::Parser,
    pub raw: Vec<u8>,
    pub last_byte_at: Instant,
}

impl Tty {
    /// Starts `launch.program ARGS` on a fresh pseudo-terminal, with a thread reading all it
    /// writes.
    pub fn spawn(launch: Launch) -> Tty {
        let alone = super::alone();
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: launch.rows,
                cols: launch.cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pseudo-terminal");
        let mut cmd = CommandBuilder::new(&launch.program);
        cmd.args(&launch.args);
        let scratch = match launch.dir {
            Some(dir) => {
                cmd.cwd(dir);
                None
            }
            None => {
                let scratch = Scratch::new();
                cmd.cwd(&scratch.0);
                Some(scratch)
            }
        };
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        cmd.env_remove("COLUMNS");
        cmd.env_remove("LINES");
        for (k, v) in &launch.env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("start the child");
        // Only the child may hold the slave side, so that reading the master ends when it exits.
        drop(pair.slave);

        let output = Arc::new(Mutex::new(Output {
            parser: vt100::Parser::new(nonzero(launch.rows), nonzero(launch.cols), 0),
            raw: Vec::new(),
            last_byte_at: Instant::now(),
        }));
        let stop_reading = Arc::new(AtomicBool::new(false));
        let mut pty_out = pair.master.try_clone_reader().expect("pty reader");
        let (sink, stop) = (Arc::clone(&output), Arc::clone(&stop_reading));
        let reader = std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            // Linux reports EIO rather than EOF once the child's side is closed: both mean done.
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
            _dir: scratch,
            _alone: alone,
        }
    }

    /// The child's process id.
    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("the child's pid")
    }

    pub fn output(&self) -> MutexGuard<'_, Output> {
        self.output.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn screen_text(&self) -> String {
        self.output().parser.screen().contents()
    }

    /// Resizes the terminal, as a window manager does (the app gets SIGWINCH); the emulator
    /// keeps its own size, so a huge size costs the test nothing.
    pub fn resize(&self, cols: u16, rows: u16) {
        let master = self.master.as_ref().expect("the terminal was hung up");
        master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize the pty");
    }

    /// Sends bytes as if typed.
    pub fn send(&mut self, bytes: &[u8]) {
        let writer = self.writer.as_mut().expect("the terminal was hung up");
        writer.write_all(bytes).expect("write to the pty");
        writer.flush().expect("flush the pty");
    }

    /// Polls the screen until `ok` holds, or fails the test showing the screen.
    pub fn wait_until(&self, what: &str, ok: impl Fn(&vt100::Screen) -> bool) {
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

    pub fn wait_for_text(&self, text: &str) {
        self.wait_until(&format!("{text:?} on screen"), |s| {
            s.contents().contains(text)
        });
    }

    /// Waits until the app has stopped writing (it has drawn its answer to the last key).
    pub fn settle(&self) {
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
    pub fn wait_settled(&self, what: &str, ok: impl Fn(&vt100::Screen) -> bool) {
        self.wait_until(what, &ok);
        self.settle();
        self.wait_until(what, &ok);
    }

    /// Sends the signal `name` (`TERM`, `HUP`…) to the child with `kill`, as a user or a
    /// session manager would.
    pub fn signal(&self, name: &str) {
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
    pub fn wait_exit(&mut self) -> ExitStatus {
        let deadline = Instant::now() + TIMEOUT;
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("poll the child") {
                break status;
            }
            if Instant::now() > deadline {
                panic!(
                    "the child did not exit within {TIMEOUT:?}; the screen:\n{}",
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

    /// Closes every handle on the terminal's master side, as a terminal emulator does when
    /// its window is closed: the kernel then hangs up the app's terminal.
    pub fn hang_up(&mut self) {
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

    /// The names of the terminal's termios local flags (`ICANON`, `ECHO`…), read as their
    /// `Debug` text to avoid a direct dependency on `nix`; `None` where the pty cannot tell,
    /// or after a hang-up.
    pub fn local_flags(&self) -> Option<String> {
        let termios = self.master.as_ref()?.get_termios()?;
        Some(format!("{:?}", termios.local_flags))
    }

    /// Whether the pty is in canonical (cooked) mode with echo, as a shell expects it.
    pub fn cooked(&self) -> Option<bool> {
        let flags = self.local_flags()?;
        let has = |name: &str| {
            flags
                .split(|c: char| !c.is_ascii_alphanumeric())
                .any(|w| w == name)
        };
        Some(has("ICANON") && has("ECHO"))
    }

    /// Checks that the app left the terminal as it found it: main screen (the last
    /// alternate-screen switch it wrote was a leave), mouse reporting off, and cooked mode
    /// where the pty can tell — so the shell prompt and scrollback are back and clicks select
    /// text again.
    pub fn assert_restored(&self) {
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
        let entered =
            find_last(&out.raw, ENTER_ALT_SCREEN).expect("the app entered the alternate screen");
        let left =
            find_last(&out.raw, LEAVE_ALT_SCREEN).expect("the app left the alternate screen");
        assert!(
            entered < left,
            "the last alternate-screen switch was an enter"
        );
        drop(out);
        if let Some(cooked) = self.cooked() {
            let flags = self.local_flags().unwrap_or_default();
            assert!(
                cooked,
                "the terminal was left in raw mode (no ICANON/ECHO): {flags}"
            );
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

/// Where `needle` last occurs in `haystack`.
pub fn find_last(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}
