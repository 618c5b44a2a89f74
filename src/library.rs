//! Dossiers on disk: one file, or a folder of them as one library. Files are opened
//! read-only and never written; every failure is one line naming the file and the problem.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::document::{self, DecodeError, Document, Text, Threads, sanitize};

mod parts;

/// The dossier compiled into the binary, opened when no path is given.
pub const EMBEDDED: &str = include_str!("../data/leike-openai-departure-2024.md");

/// The source name of the embedded dossier.
pub const EMBEDDED_SOURCE: &str = "<embedded>";

/// The source name of a dossier read from standard input (`dossier -`, or a pipe).
pub const STDIN_SOURCE: &str = "stdin";

/// The path that names standard input on the command line.
pub const STDIN_PATH: &str = "-";

/// The most bytes read from one file: hundreds of times a large dossier, yet small enough
/// that the parsed model fits in memory (it takes several times the text).
pub const MAX_BYTES: u64 = 256 << 20;

/// Why a dossier could not be opened. Displayed as one line naming the file.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    /// No file at the path.
    #[error("{}: no such file or directory", name(.0))]
    Missing(PathBuf),
    /// A directory where a file was wanted.
    #[error("{}: is a directory, not a dossier file", name(.0))]
    Directory(PathBuf),
    /// A file where the path needs a folder (`notes.md/x.md`).
    #[error("{}: part of the path is a file, not a folder", name(.0))]
    NotAFolder(PathBuf),
    /// A device or socket: reading it could block or never end (`/dev/zero`, `/dev/tty`).
    #[error("{}: is a device, not a dossier file", name(.0))]
    Device(PathBuf),
    /// A named pipe or a symbolic link where a library's listing found a regular file: it
    /// was swapped after the listing. Reading a pipe could block for good, and a library does
    /// not follow links.
    #[error("{}: is no longer a regular file", name(.0))]
    NotRegular(PathBuf),
    /// More bytes than any dossier holds; reading on could exhaust memory.
    #[error("{}: is larger than {} MiB, too large to open", name(.0), MAX_BYTES >> 20)]
    TooLarge(PathBuf),
    /// The OS refused to let us read it.
    #[error("{}: permission denied", name(.0))]
    Denied(PathBuf),
    /// Some other I/O failure.
    #[error("{}: cannot read: {}", name(.0), .1)]
    Io(PathBuf, std::io::Error),
    /// The bytes are not a text dossier.
    #[error("{}: {}", name(.0), .1)]
    Decode(PathBuf, DecodeError),
    /// A folder with no dossier in it.
    #[error("{}: no dossiers here (.md, .markdown, or .txt with front matter)", name(.0))]
    EmptyFolder(PathBuf),
}

/// A file of a library that could not be opened, with its one-line error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file.
    pub path: PathBuf,
    /// What went wrong (the whole line, naming the file).
    pub message: String,
}

impl Problem {
    /// A problem with `path`; the message is made terminal-safe (file names are untrusted).
    pub fn new(path: PathBuf, message: &str) -> Problem {
        Problem {
            path,
            message: sanitize::clean(message),
        }
    }
}

/// A file of an open dossier or library that changed on disk, as the file watcher reports it.
#[derive(Debug)]
pub enum Change {
    /// The file was read (again, or for the first time in a library); the error is one line
    /// naming the file.
    Read(PathBuf, Result<Box<Document>, String>),
    /// The file is gone (in a library: removed, or no longer a dossier).
    Removed(PathBuf),
}

/// What a path on the command line names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// No path: the built-in dossier.
    Embedded,
    /// `-`: a dossier read from standard input.
    Stdin,
    /// One dossier file.
    File(PathBuf),
    /// A folder of dossiers.
    Folder(PathBuf),
}

/// Says what `path` is without reading it.
pub fn target(path: Option<&Path>) -> Result<Target, OpenError> {
    let Some(path) = path else {
        return Ok(Target::Embedded);
    };
    if path == Path::new(STDIN_PATH) {
        return Ok(Target::Stdin);
    }
    let meta = std::fs::metadata(path).map_err(|e| io_error(path, e))?;
    Ok(if meta.is_dir() {
        Target::Folder(path.to_path_buf())
    } else {
        Target::File(path.to_path_buf())
    })
}

/// Opens the dossier at `path`, the embedded one when `path` is `None`, or standard input's
/// when it is `-`.
pub fn open(path: Option<&Path>) -> Result<Document, OpenError> {
    match path {
        None => Ok(document::load(EMBEDDED_SOURCE, EMBEDDED)),
        Some(path) if path == Path::new(STDIN_PATH) => open_stdin(),
        Some(path) => open_file(path),
    }
}

/// Reads standard input to its end (up to [`MAX_BYTES`]) and parses it as a dossier named
/// [`STDIN_SOURCE`].
pub fn open_stdin() -> Result<Document, OpenError> {
    let name = Path::new(STDIN_SOURCE);
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .take(MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| io_error(name, e))?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(OpenError::TooLarge(name.to_path_buf()));
    }
    let text = document::decode(&bytes).map_err(|e| OpenError::Decode(name.to_path_buf(), e))?;
    Ok(document::load(STDIN_SOURCE, text))
}

/// Whether standard input brings a document: a pipe or a redirected file, not a terminal
/// and not a device such as `/dev/null` (what a script or a service gives a program).
pub fn stdin_is_piped() -> bool {
    use std::io::IsTerminal;
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        return false;
    }
    piped(&stdin)
}

#[cfg(unix)]
fn piped(stdin: &std::io::Stdin) -> bool {
    use std::os::fd::AsFd;
    use std::os::unix::fs::FileTypeExt;
    let Ok(fd) = stdin.as_fd().try_clone_to_owned() else {
        return false;
    };
    let Ok(meta) = std::fs::File::from(fd).metadata() else {
        return false;
    };
    meta.file_type().is_fifo() || meta.is_file()
}

#[cfg(not(unix))]
fn piped(_: &std::io::Stdin) -> bool {
    false
}

/// Reads and parses one file. The file is opened read-only and never written. Regular files
/// and pipes (`<(curl …)`) are read, up to [`MAX_BYTES`]; devices are refused unread.
pub fn open_file(path: &Path) -> Result<Document, OpenError> {
    let (file, meta) = open_named(path)?;
    load_opened(path, file, &meta, Threads::TwoWhenBig)
}

/// The file at `path` opened for [`open_file`], and what it is (as the open descriptor says).
fn open_named(path: &Path) -> Result<(std::fs::File, std::fs::Metadata), OpenError> {
    let (file, meta) = open_nonblocking(path, false)?;
    check_kind(path, &meta)?;
    // A pipe named on the command line is what the user asked for: wait for its writer.
    #[cfg(unix)]
    if is_pipe(&meta) {
        set_blocking(path, &file)?;
    }
    Ok((file, meta))
}

/// A file as [`open_beginning`] read it.
pub enum Opened {
    /// The whole document.
    Whole(Document),
    /// The beginning of a big document (see [`document::beginning()`]): the rest is to be read.
    Beginning(Document),
}

/// A document this big or bigger is shown by its beginning first (see [`open_beginning`]).
pub const BIG_BYTES: usize = 8 << 20;

/// How much of a big document is parsed to be shown first: about a megabyte, to the next
/// heading.
pub const BEGINNING_BYTES: usize = 1 << 20;

/// [`open_file`], but a file of [`BIG_BYTES`] or more is parsed only to its beginning
/// ([`BEGINNING_BYTES`]): the whole file is still read and checked (an error anywhere in it
/// is the same error), so only parsing the rest is left.
pub fn open_beginning(path: &Path) -> Result<Opened, OpenError> {
    // Only a regular file can be read again for the rest: a pipe (`<(zcat big.md.gz)`) is
    // parsed whole, as before.
    let mut cut = false;
    let (file, meta) = open_named(path)?;
    let regular = meta.is_file();
    let doc = read_and_load(path, file, &meta, |source, text| {
        let start = if regular && text.len() >= BIG_BYTES {
            document::beginning(text, BEGINNING_BYTES)
        } else {
            text
        };
        cut = start.len() < text.len();
        document::load(source, start)
    })?;
    Ok(if cut {
        Opened::Beginning(doc)
    } else {
        Opened::Whole(doc)
    })
}

/// Reads and parses a file of a library (a folder's listing gave it as a regular file, and
/// the reader opens it again): opened without following a symbolic link and without waiting
/// on a pipe, then asked what it is through the open descriptor, so that a file swapped for
/// a pipe or a link after the listing is refused, never waited on or followed.
pub fn open_library_file(path: &Path) -> Result<Document, OpenError> {
    open_listed(path, Threads::TwoWhenBig)
}

/// [`open_library_file`], parsed on this thread alone, as every core is loading a document
/// of its own.
fn open_listed_file(path: &Path) -> Result<Document, OpenError> {
    open_listed(path, Threads::One)
}

fn open_listed(path: &Path, threads: Threads) -> Result<Document, OpenError> {
    let (file, meta) = open_nonblocking(path, true)?;
    if !meta.is_file() && !meta.is_dir() {
        return Err(OpenError::NotRegular(path.to_path_buf()));
    }
    check_kind(path, &meta)?;
    load_opened(path, file, &meta, threads)
}

/// A regular file this big or bigger is read part by part (see [`document::load_in_parts`]):
/// its model is then all that is kept of it, never the file's text beside it.
pub const IN_PARTS_BYTES: u64 = 2 * document::outline::MAX_PART_BYTES as u64;

/// Reads and parses the opened `file` (what `meta` says it is) on as many threads as
/// `threads` allows: part by part when it is a big regular file and its parts can be walked
/// apart, else whole.
fn load_opened(
    path: &Path,
    file: std::fs::File,
    meta: &std::fs::Metadata,
    threads: Threads,
) -> Result<Document, OpenError> {
    let part_bytes = document::outline::MAX_PART_BYTES;
    load_opened_in(path, file, meta, threads, IN_PARTS_BYTES, part_bytes)
}

/// [`load_opened`], a file of `in_parts_bytes` or more read in parts of `part_bytes`.
fn load_opened_in(
    path: &Path,
    mut file: std::fs::File,
    meta: &std::fs::Metadata,
    threads: Threads,
    in_parts_bytes: u64,
    part_bytes: usize,
) -> Result<Document, OpenError> {
    if meta.is_file() && meta.len() >= in_parts_bytes {
        let parts = parts::Parts::new(path, &file, part_bytes);
        let size = meta.len() as usize;
        if let Some(mut doc) = document::load_in_parts(&name(path), size, parts, threads)? {
            doc.path = Some(path.to_path_buf());
            return Ok(doc);
        }
        // Its parts cannot be walked apart: read again, whole.
        use std::io::Seek;
        file.rewind().map_err(|e| io_error(path, e))?;
    }
    read_and_load(path, file, meta, |source, text| {
        document::load_with_threads(source, text, threads)
    })
}

/// Opens `path` read-only without waiting: a named pipe with no writer opens at once instead
/// of blocking (`O_NONBLOCK`), and with `no_links` a symbolic link is refused (`O_NOFOLLOW`).
/// What the file is comes from the open descriptor (`fstat`), so the check and the open are
/// one step: nothing can be swapped in between.
fn open_nonblocking(
    path: &Path,
    no_links: bool,
) -> Result<(std::fs::File, std::fs::Metadata), OpenError> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        let links = if no_links { libc::O_NOFOLLOW } else { 0 };
        options.custom_flags(libc::O_NONBLOCK | links);
    }
    let file = options.open(path).map_err(|e| {
        #[cfg(unix)]
        if no_links && e.raw_os_error() == Some(libc::ELOOP) {
            return OpenError::NotRegular(path.to_path_buf());
        }
        io_error(path, e)
    })?;
    let meta = file.metadata().map_err(|e| io_error(path, e))?;
    Ok((file, meta))
}

#[cfg(unix)]
fn is_pipe(meta: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::FileTypeExt;
    meta.file_type().is_fifo()
}

/// Clears `O_NONBLOCK` on `file`, so reading a pipe waits for its writer.
#[cfg(unix)]
fn set_blocking(path: &Path, file: &std::fs::File) -> Result<(), OpenError> {
    use std::os::fd::AsRawFd;
    let fd = file.as_raw_fd();
    // SAFETY: fcntl on a descriptor this function borrows, open for its whole call.
    let flags = unsafe { libc::fcntl(fd, libc::F_GETFL) };
    if flags < 0 || unsafe { libc::fcntl(fd, libc::F_SETFL, flags & !libc::O_NONBLOCK) } < 0 {
        return Err(io_error(path, std::io::Error::last_os_error()));
    }
    Ok(())
}

/// Refuses what is not a file to read: a folder, a device, a file over [`MAX_BYTES`].
fn check_kind(path: &Path, meta: &std::fs::Metadata) -> Result<(), OpenError> {
    if meta.is_dir() {
        return Err(OpenError::Directory(path.to_path_buf()));
    }
    if is_device(meta) {
        return Err(OpenError::Device(path.to_path_buf()));
    }
    if meta.len() > MAX_BYTES {
        return Err(OpenError::TooLarge(path.to_path_buf()));
    }
    Ok(())
}

/// Reads `file` (at `path`, described by `meta`) to its end, up to [`MAX_BYTES`], and parses
/// it with `load`.
fn read_and_load(
    path: &Path,
    file: impl Read,
    meta: &std::fs::Metadata,
    load: impl FnOnce(&str, &str) -> Document,
) -> Result<Document, OpenError> {
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| io_error(path, e))?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(OpenError::TooLarge(path.to_path_buf()));
    }
    let text = document::decode(&bytes).map_err(|e| OpenError::Decode(path.to_path_buf(), e))?;
    let mut doc = load(&name(path), text);
    doc.path = Some(path.to_path_buf());
    Ok(doc)
}

#[cfg(unix)]
fn is_device(meta: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::FileTypeExt;
    let kind = meta.file_type();
    kind.is_char_device() || kind.is_block_device() || kind.is_socket()
}

#[cfg(not(unix))]
fn is_device(_: &std::fs::Metadata) -> bool {
    false
}

fn io_error(path: &Path, e: std::io::Error) -> OpenError {
    match e.kind() {
        std::io::ErrorKind::NotFound => OpenError::Missing(path.to_path_buf()),
        std::io::ErrorKind::PermissionDenied => OpenError::Denied(path.to_path_buf()),
        std::io::ErrorKind::IsADirectory => OpenError::Directory(path.to_path_buf()),
        std::io::ErrorKind::NotADirectory => OpenError::NotAFolder(path.to_path_buf()),
        _ => OpenError::Io(path.to_path_buf(), e),
    }
}

/// `path` as one unmistakable line, for messages and titles: as it is when it is printable
/// UTF-8 with no quotation mark or backslash; otherwise in double quotes with C escapes, as
/// `git` quotes file names (`"x\ndossier: y.md"`, `"a\tb.md"`, `"\033[2J.md"`,
/// `"caf\351.md"`), so that no name ends a line, drives the terminal, or passes for a
/// message of dossier's own. The name is for showing only; the [`Path`] is what is opened.
pub fn name(path: &Path) -> String {
    use std::fmt::Write;
    let bytes = path.as_os_str().as_encoded_bytes();
    let quoted = |c: char| sanitize::is_unsafe(c) || matches!(c, '\n' | '"' | '\\');
    match std::str::from_utf8(bytes) {
        Ok(plain) if !plain.chars().any(quoted) => return plain.to_string(),
        _ => {}
    }
    let mut out = String::with_capacity(bytes.len() + 8);
    out.push('"');
    let octal = |out: &mut String, b: u8| {
        let _ = write!(out, "\\{b:03o}");
    };
    for chunk in bytes.utf8_chunks() {
        for c in chunk.valid().chars() {
            match c {
                '\n' => out.push_str("\\n"),
                '\t' => out.push_str("\\t"),
                '\r' => out.push_str("\\r"),
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                c if quoted(c) => {
                    let mut buf = [0; 4];
                    c.encode_utf8(&mut buf)
                        .bytes()
                        .for_each(|b| octal(&mut out, b));
                }
                c => out.push(c),
            }
        }
        chunk.invalid().iter().for_each(|&b| octal(&mut out, b));
    }
    out.push('"');
    out
}

/// Every dossier under `dir`, recursively, sorted by path: `.md` and `.markdown` files, and
/// `.txt` files that open with front matter. Folders that can't be read become problems.
/// Hidden files and folders (`.git`) are skipped, and symbolic links are not followed.
pub fn find_dossiers(dir: &Path) -> (Vec<PathBuf>, Vec<Problem>) {
    let mut found = Vec::new();
    let mut problems = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        let entries = match std::fs::read_dir(&folder) {
            Ok(entries) => entries,
            Err(e) => {
                problems.push(Problem::new(
                    folder.clone(),
                    &io_error(&folder, e).to_string(),
                ));
                continue;
            }
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let hidden = entry.file_name().to_string_lossy().starts_with('.');
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if hidden {
                continue;
            }
            if kind.is_dir() {
                stack.push(path);
            } else if kind.is_file() && is_dossier(&path) {
                found.push(path);
            }
        }
    }
    found.sort();
    (found, problems)
}

fn is_dossier(path: &Path) -> bool {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("md" | "markdown") => true,
        Some("txt") => opens_with_front_matter(path),
        _ => false,
    }
}

fn opens_with_front_matter(path: &Path) -> bool {
    let mut head = [0u8; 8];
    let Ok((mut file, meta)) = open_nonblocking(path, true) else {
        return false;
    };
    if !meta.is_file() {
        return false;
    }
    let n = file.read(&mut head).unwrap_or(0);
    let head = &head[..n];
    let head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    head.starts_with(b"---\n") || head.starts_with(b"---\r")
}

/// Opens `paths` (files a folder's listing gave, as [`find_dossiers`] finds them) on
/// `threads` threads, calling `each(index, result)` as each file is done (in completion
/// order, from the worker threads).
pub fn load_all<F>(paths: &[PathBuf], threads: usize, each: F)
where
    F: Fn(usize, Result<Document, OpenError>) + Sync,
{
    on_threads(paths, threads, |i, path| {
        each(i, open_listed_file(path));
        true
    });
}

/// Calls `work(index, path)` for each of `paths` on `threads` threads (this one among them),
/// each thread taking the next path not yet taken, until the paths run out or `work` returns
/// false.
fn on_threads(paths: &[PathBuf], threads: usize, work: impl Fn(usize, &Path) -> bool + Sync) {
    let next = AtomicUsize::new(0);
    let thread = || {
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(path) = paths.get(i) else { break };
            if !work(i, path) {
                break;
            }
        }
    };
    std::thread::scope(|scope| {
        for _ in 1..threads.max(1) {
            scope.spawn(thread);
        }
        thread();
    });
}

/// How far past the next file in turn the loading threads of [`load_in_order`] may go: a
/// slow file holds back at most this many loaded documents, not the rest of the library.
const AHEAD: usize = 64;

/// Opens `paths` like [`load_all`], but calls `each(index, result)` in path order: a file
/// done out of turn waits, in memory, until every file before it is done (the threads go at
/// most 64 files past the one in turn). `each` is called from the loading threads, one
/// call at a time, so what it writes comes out in order. When it returns false (its reader
/// has gone), no more files are opened.
pub fn load_in_order<F>(paths: &[PathBuf], threads: usize, each: F)
where
    F: FnMut(usize, Result<Document, OpenError>) -> bool + Send,
{
    struct Turn<F> {
        next: usize,
        waiting: std::collections::BTreeMap<usize, Result<Document, OpenError>>,
        each: F,
        stop: bool,
    }
    /// Wakes the threads waiting for their turn to come nearer, also if `each` panics (they
    /// then find the lock poisoned and stop, and the panic goes on).
    struct WakeOnDrop<'a>(&'a std::sync::Condvar);
    impl Drop for WakeOnDrop<'_> {
        fn drop(&mut self) {
            self.0.notify_all();
        }
    }
    let turn = std::sync::Mutex::new(Turn {
        next: 0,
        waiting: Default::default(),
        each,
        stop: false,
    });
    let moved = std::sync::Condvar::new();
    on_threads(paths, threads, |i, path| {
        // The file in turn is never held back: it is below `next + AHEAD`.
        let Ok(mut guard) = turn.lock() else {
            return false;
        };
        while !guard.stop && i >= guard.next + AHEAD {
            let Ok(woken) = moved.wait(guard) else {
                return false;
            };
            guard = woken;
        }
        if guard.stop {
            return false;
        }
        drop(guard);
        let result = open_listed_file(path);
        let Ok(mut guard) = turn.lock() else {
            return false;
        };
        let _wake = WakeOnDrop(&moved);
        let state = &mut *guard;
        state.waiting.insert(i, result);
        while let Some(result) = state.waiting.remove(&state.next) {
            if !state.stop && !(state.each)(state.next, result) {
                state.stop = true;
            }
            state.next += 1;
        }
        !state.stop
    });
}

/// Drops the body text that only the reader needs (blocks, section texts, link targets)
/// and spare capacity, so a library of thousands of documents fits in memory: what stays is
/// the front matter, the outline, the timeline and the quotes. The app reads a document
/// again when it is opened in the reader.
pub fn slim(doc: &mut Document) {
    doc.blocks = Vec::new();
    doc.text = Default::default();
    doc.marks = Vec::new();
    doc.links = Vec::new();
    doc.preamble = Text::default();
    // The titles stay: they are in a buffer of their own, not the text.
    for s in &mut doc.sections {
        s.text = Text::default();
    }
    doc.sections.shrink_to_fit();
    doc.timeline.shrink_to_fit();
    doc.quotes.shrink_to_fit();
}

/// How many threads to load with: every core.
pub fn threads() -> usize {
    std::thread::available_parallelism().map_or(2, usize::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_read_in_parts_gives_the_document_read_whole() {
        let dir = std::env::temp_dir().join(format!("dossier-parts-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("big.md");
        let mut text = crate::synthetic::seed_repeated(200_000);
        let with_a_definition = format!("{text}\n[^1]: a note\n");
        for (text, in_parts) in [(&text, true), (&with_a_definition, false)] {
            std::fs::write(&path, text).unwrap();
            let whole = document::load(&name(&path), text);
            let (file, meta) = open_named(&path).unwrap();
            let read = load_opened_in(&path, file, &meta, Threads::TwoWhenBig, 1, 4096).unwrap();
            assert_eq!(read.path.as_deref(), Some(path.as_path()));
            assert_eq!(read.source, whole.source);
            assert_eq!(read.sections, whole.sections);
            assert_eq!(read.timeline, whole.timeline);
            assert_eq!(read.quotes, whole.quotes);
            assert_eq!(read.blocks, whole.blocks);
            assert_eq!(read.text, whole.text, "read in parts: {in_parts}");
        }
        // A byte that is not UTF-8 far into the file: the error reading it whole gives.
        text.push_str("\n\n# end\n\nbad \u{e9}");
        let mut bytes = text.into_bytes();
        bytes.pop();
        std::fs::write(&path, &bytes).unwrap();
        let (file, meta) = open_named(&path).unwrap();
        let error = load_opened_in(&path, file, &meta, Threads::One, 1, 4096).unwrap_err();
        let offset = bytes.len() - 1;
        assert!(
            error.to_string().ends_with(&format!("byte {offset})")),
            "{error}"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn the_embedded_dossier_opens() {
        let doc = open(None).unwrap();
        assert_eq!(doc.source, EMBEDDED_SOURCE);
        assert_eq!(doc.sections.len(), 52);
    }

    /// The fixture library's files, each listed `times` times: many files, so that loading
    /// threads finish out of turn.
    fn fixture_files(times: usize) -> Vec<PathBuf> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/library");
        let (paths, _) = find_dossiers(&root);
        let n = paths.len() * times;
        paths.into_iter().cycle().take(n).collect()
    }

    #[test]
    fn files_loaded_on_every_core_are_handed_over_in_path_order() {
        let paths = fixture_files(8);
        for threads in [1, 2, 4] {
            let mut seen = Vec::new();
            load_in_order(&paths, threads, |i, result| {
                assert_eq!(result.is_ok(), !paths[i].ends_with("broken-encoding.md"));
                if let Ok(doc) = result {
                    assert_eq!(doc.source, paths[i].display().to_string());
                }
                seen.push(i);
                true
            });
            assert_eq!(
                seen,
                (0..paths.len()).collect::<Vec<_>>(),
                "{threads} threads"
            );
        }
    }

    #[test]
    fn no_file_is_handed_over_once_the_receiver_has_had_enough() {
        let paths = fixture_files(20);
        let mut seen = Vec::new();
        load_in_order(&paths, 2, |i, _| {
            seen.push(i);
            i < 3
        });
        assert_eq!(seen, [0, 1, 2, 3]);
    }

    #[test]
    fn a_missing_path_names_itself() {
        let err = open(Some(Path::new("/no/such/dossier.md"))).unwrap_err();
        assert_eq!(
            err.to_string(),
            "/no/such/dossier.md: no such file or directory"
        );
    }
}
