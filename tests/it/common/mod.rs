//! Shared by the integration tests: running the real binary (in [`pty`], on a
//! pseudo-terminal), scratch directories, the JSON contract of `dossier export` as mirror
//! structs that refuse unknown fields, and the app over a fixture library, drawn.

use std::path::PathBuf;
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

use dossier::app::{App, Loaded, Msg};
use dossier::library;
use serde::Deserialize;

#[cfg(unix)]
pub mod pty;

/// The exported model, as a script would decode it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Export {
    pub source: String,
    pub meta: serde_json::Map<String, serde_json::Value>,
    pub warnings: Vec<Warning>,
    pub preamble: String,
    pub sections: Vec<Section>,
    pub timeline: Vec<Entry>,
    pub quotes: Vec<Quote>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Warning {
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
}

#[derive(Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub level: u8,
    pub title: String,
    pub line: usize,
    pub parent: Option<usize>,
    pub text: String,
}

#[derive(Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub date: String,
    pub precision: String,
    pub title: String,
    pub section: Option<usize>,
    pub line: usize,
    pub origin: String,
}

#[derive(Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Quote {
    pub text: String,
    pub speaker: Option<String>,
    pub section: Option<usize>,
    pub line: usize,
    pub kind: String,
}

/// The built `dossier` binary.
pub fn bin() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_dossier"));
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd
}

/// Runs `dossier ARGS…` and returns its output.
pub fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("run dossier")
}

/// `dossier export ARGS…`, decoded; panics with stderr if it failed.
pub fn export(args: &[&str]) -> Export {
    let mut all = vec!["export"];
    all.extend_from_slice(args);
    let out = run(&all);
    assert!(
        out.status.success(),
        "export failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("export prints the JSON contract")
}

/// A fresh empty directory for one test's files, removed when dropped. Its name holds the test
/// binary's name, the process id and a counter, so tests running in parallel never share one.
pub struct Scratch(pub PathBuf);

impl Scratch {
    pub fn new() -> Scratch {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!(
            "{}-{}-{n}",
            env!("CARGO_CRATE_NAME"),
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create a scratch directory");
        Scratch(dir)
    }

    /// Writes `bytes` to `name` in the scratch directory and returns its path.
    pub fn file(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let path = self.0.join(name);
        std::fs::write(&path, bytes).expect("write a test file");
        path
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Path of a fixture under tests/fixtures.
pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Draws `app` on a test terminal of its size, in colour: the buffer, and what was drawn
/// where (as the terminal layer keeps it, to resolve a click).
pub fn draw(app: &App) -> (ratatui::buffer::Buffer, dossier::view::Drawn) {
    use ratatui::{Terminal, backend::TestBackend};
    let area = app.areas.screen;
    let mut terminal =
        Terminal::new(TestBackend::new(area.width, area.height)).expect("test terminal");
    let theme = dossier::view::theme::Theme::new(true);
    let mut drawn = dossier::view::Drawn::default();
    terminal
        .draw(|f| drawn = dossier::view::draw(app, &theme, f))
        .expect("draw");
    (terminal.backend().buffer().clone(), drawn)
}

/// The text on screen after drawing `app` on a test terminal of its size: one line per row,
/// trailing spaces trimmed.
pub fn screen(app: &App) -> String {
    let (buffer, _) = draw(app);
    let area = app.areas.screen;
    let mut out = String::new();
    for y in 0..area.height {
        let mut row = String::new();
        for x in 0..area.width {
            row.push_str(buffer[(x, y)].symbol());
        }
        out.push_str(row.trim_end());
        out.push('\n');
    }
    out
}

/// The text the screen shows in `area`, one line per row, trailing spaces trimmed.
pub fn text_in(app: &App, area: ratatui::layout::Rect) -> String {
    let (buffer, _) = draw(app);
    let mut out = Vec::new();
    for y in area.top()..area.bottom() {
        let row: String = (area.left()..area.right())
            .map(|x| buffer[(x, y)].symbol())
            .collect();
        out.push(row.trim_end().to_string());
    }
    out.join("\n")
}

/// A left click at column `x`, row `y` of what is on screen now.
pub fn click(app: &mut App, x: u16, y: u16) {
    let (_, drawn) = draw(app);
    let target = drawn.target_at(x, y);
    app.update(dossier::app::Msg::Action(dossier::app::Action::Click(
        target,
    )));
}

/// The mouse wheel turned `delta` notches (negative is up) at column `x`, row `y`.
pub fn wheel(app: &mut App, x: u16, y: u16, delta: i8) {
    let (_, drawn) = draw(app);
    let target = drawn.target_at(x, y);
    app.update(dossier::app::Msg::Action(dossier::app::Action::Scroll(
        target, delta,
    )));
}

/// Where `target` is on screen now.
pub fn area_of(app: &App, target: dossier::app::Target) -> ratatui::layout::Rect {
    let (_, drawn) = draw(app);
    drawn.area_of(target).expect("drawn on screen")
}

/// The app over the fixture library in `folder` (a folder under the crate, as a user would
/// type it: `tests/library`), loaded the way the terminal loop loads it: every dossier found
/// is opened and added, a file that fails to open becomes a problem, then loading is done and
/// a frame is drawn (`settle`). Documents are named by their path as typed
/// (`tests/library/…`), not by this machine's absolute path.
pub fn library_app(folder: &str, width: u16, height: u16) -> App {
    library_app_loading(folder, width, height, usize::MAX)
}

/// [`library_app`] with only the first `first` documents loaded: while fewer than all of
/// them are in, loading is not done (the gauge shows it).
pub fn library_app_loading(folder: &str, width: u16, height: u16, first: usize) -> App {
    let crate_dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut app = App::library(width, height);
    app.library.root = folder.into();
    let (paths, problems) = library::find_dossiers(&crate_dir.join(folder));
    app.update(Msg::Loaded(Loaded::Found(paths.len() + problems.len())));
    for path in paths.iter().take(first) {
        match library::open_file(path) {
            Ok(mut doc) => {
                doc.source = path
                    .strip_prefix(crate_dir)
                    .expect("a fixture under the crate")
                    .display()
                    .to_string();
                app.update(Msg::Loaded(Loaded::document(doc)));
            }
            Err(e) => app.update(Msg::Loaded(Loaded::Problem(library::Problem::new(
                path.clone(),
                &e.to_string(),
            )))),
        }
    }
    if first >= paths.len() {
        app.update(Msg::Loaded(Loaded::Done));
    }
    app.update(Msg::Settle);
    app
}

/// Held by each test that measures time or runs the real binary on a pseudo-terminal, so no
/// two of them share the machine's cores at once (a timed test next to a running app measures
/// the app). One thread may take it again (a test with two terminals open).
pub fn alone() -> Alone {
    let mut owner = ALONE.lock().unwrap_or_else(|e| e.into_inner());
    let me = std::thread::current().id();
    while owner.0.is_some_and(|id| id != me) {
        owner = FREE.wait(owner).unwrap_or_else(|e| e.into_inner());
    }
    *owner = (Some(me), owner.1 + 1);
    Alone(())
}

static ALONE: std::sync::Mutex<(Option<std::thread::ThreadId>, usize)> =
    std::sync::Mutex::new((None, 0));
static FREE: std::sync::Condvar = std::sync::Condvar::new();

/// See [`alone`]; let go when dropped.
pub struct Alone(());

impl Drop for Alone {
    fn drop(&mut self) {
        let mut owner = ALONE.lock().unwrap_or_else(|e| e.into_inner());
        owner.1 -= 1;
        if owner.1 == 0 {
            owner.0 = None;
            FREE.notify_all();
        }
    }
}

/// A dossier titled "Big Dossier" of at least `bytes`: `intro` under its title, then numbered
/// parts (`## Part N`) of twenty dated paragraphs each quoting Dana Whitfield, each part
/// followed by `after_part`. The caller adds its own end.
pub fn dossier_of_parts(bytes: usize, intro: &str, after_part: &str) -> String {
    let mut text = format!("---\ntitle: Big Dossier\n---\n# Big Dossier\n\n{intro}\n");
    let mut part = 0;
    while text.len() < bytes {
        part += 1;
        text.push_str(&format!("\n## Part {part}\n\n"));
        for i in 0..20 {
            text.push_str(&format!(
                "On March {}, 2021, the committee met for session {i} of part {part}. \
                 \"We go on,\" said Dana Whitfield.\n\n",
                1 + i % 28
            ));
        }
        text.push_str(after_part);
    }
    text
}
