//! Watching the open file or library for changes on disk (notify: inotify, FSEvents, …), and
//! reading what changed on a thread of its own. Bursts of events (an editor's save is several)
//! are gathered until the files have been quiet for a moment, then each changed file is read
//! once. The thread sleeps in a blocking receive between changes: nothing polls.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use notify::event::{AccessKind, AccessMode, EventKind};
use notify::{RecommendedWatcher, RecursiveMode, Watcher};

use crate::document::Document;
use crate::library::{self, Change, OpenError};

/// How long the files must be quiet before what changed is read.
const QUIET: Duration = Duration::from_millis(120);
/// The longest a steady stream of events delays a reading.
const MOST: Duration = Duration::from_secs(1);

/// What is watched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Watched {
    /// One dossier file (its folder is watched, as editors replace a file when they save it).
    File(PathBuf),
    /// A library's folder, recursively.
    Folder(PathBuf),
}

/// A running watch; dropping it stops the watching and its thread.
pub struct Watch {
    wake: mpsc::Sender<Wake>,
    /// Why the file system cannot be watched (changes are then only read on [`Watch::reload`]).
    pub failed: Option<String>,
    _watcher: Option<RecommendedWatcher>,
}

/// What wakes the watch thread.
enum Wake {
    /// The file system says something happened at this path.
    Touched(PathBuf),
    /// Read this file again now, and look for added and removed files (`r`, or the editor
    /// has returned).
    Reload(PathBuf),
}

impl Watch {
    /// Reads `path` again at once (and in a library, looks for added and removed files),
    /// reporting it as a change even if the file system said nothing.
    pub fn reload(&self, path: PathBuf) {
        let _ = self.wake.send(Wake::Reload(path));
    }
}

/// Starts watching `watched`, calling `report` on the watch thread with the changes of each
/// burst (never with none).
pub fn watch(watched: Watched, report: impl Fn(Vec<Change>) + Send + 'static) -> Watch {
    let (wake, rx) = mpsc::channel();
    let events = wake.clone();
    let handler = move |event: notify::Result<notify::Event>| {
        let Ok(event) = event else { return };
        // Reading a file is an event too: the watch's own reads must not wake it.
        if matches!(event.kind, EventKind::Access(kind) if kind != AccessKind::Close(AccessMode::Write))
        {
            return;
        }
        for path in event.paths {
            let _ = events.send(Wake::Touched(path));
        }
    };
    let (dir, mode) = match &watched {
        Watched::File(path) => (folder_of(path), RecursiveMode::NonRecursive),
        Watched::Folder(root) => (root.clone(), RecursiveMode::Recursive),
    };
    let (watcher, failed) = match notify::recommended_watcher(handler)
        .and_then(|mut w| w.watch(&dir, mode).map(|()| w))
    {
        Ok(w) => (Some(w), None),
        Err(e) => (
            None,
            Some(format!("cannot watch {}: {e}", library::name(&dir))),
        ),
    };
    // The files there now, listed before this returns: what changes after it is reported.
    let known: BTreeSet<PathBuf> = match &watched {
        Watched::File(_) => BTreeSet::new(),
        Watched::Folder(root) => library::find_dossiers(root).0.into_iter().collect(),
    };
    std::thread::spawn(move || run(&watched, known, &rx, &report));
    Watch {
        wake,
        failed,
        _watcher: watcher,
    }
}

/// The folder a file is in (`.` for a bare file name).
fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// The watch thread: waits for something to happen, gathers the burst, reads what changed.
fn run(
    watched: &Watched,
    mut known: BTreeSet<PathBuf>,
    rx: &mpsc::Receiver<Wake>,
    report: &dyn Fn(Vec<Change>),
) {
    while let Ok(first) = rx.recv() {
        let mut touched = BTreeSet::new();
        let mut forced = BTreeSet::new();
        let mut take = |wake: Wake| match wake {
            Wake::Touched(path) => {
                touched.insert(path);
            }
            Wake::Reload(path) => {
                forced.insert(path);
            }
        };
        let manual = matches!(first, Wake::Reload(_));
        take(first);
        if !manual {
            let started = Instant::now();
            while started.elapsed() < MOST {
                match rx.recv_timeout(QUIET) {
                    Ok(wake) => take(wake),
                    Err(mpsc::RecvTimeoutError::Timeout) => break,
                    Err(mpsc::RecvTimeoutError::Disconnected) => return,
                }
            }
        }
        let changes = match watched {
            Watched::File(path) => file_changes(path, &touched, &forced),
            Watched::Folder(root) => folder_changes(root, &mut known, &touched, &forced),
        };
        if !changes.is_empty() {
            report(changes);
        }
    }
}

/// The one file, read again if anything happened to it (a file of its name in its folder).
fn file_changes(
    path: &Path,
    touched: &BTreeSet<PathBuf>,
    forced: &BTreeSet<PathBuf>,
) -> Vec<Change> {
    let name = path.file_name();
    let hit = !forced.is_empty() || touched.iter().any(|t| t.file_name() == name);
    if !hit {
        return Vec::new();
    }
    vec![read(path, library::open_file)]
}

/// A library's changes: the folder is listed again, so files that came or went (a folder
/// moved in or out counts) are found whatever the events said; files touched or asked for
/// are read again.
fn folder_changes(
    root: &Path,
    known: &mut BTreeSet<PathBuf>,
    touched: &BTreeSet<PathBuf>,
    forced: &BTreeSet<PathBuf>,
) -> Vec<Change> {
    let now: BTreeSet<PathBuf> = library::find_dossiers(root).0.into_iter().collect();
    let mut changes: Vec<Change> = known
        .difference(&now)
        .map(|p| Change::Removed(p.clone()))
        .collect();
    for path in &now {
        if !known.contains(path) || touched.contains(path) || forced.contains(path) {
            changes.push(read(path, library::open_library_file));
        }
    }
    *known = now;
    changes
}

/// `path` read with `open`: a library's files as a library opens them (no pipe waited on, no
/// link followed), the one open file as the command line opened it.
fn read(path: &Path, open: fn(&Path) -> Result<Document, OpenError>) -> Change {
    Change::Read(
        path.to_path_buf(),
        open(path).map(Box::new).map_err(|e| e.to_string()),
    )
}
