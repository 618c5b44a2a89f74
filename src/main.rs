//! The `dossier` binary: parse arguments, open the dossier or library, run a subcommand or
//! the app, and turn failures into one line on stderr and an exit code.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser;
use dossier::cli::{self, Cli, Command};
use dossier::document::{Document, sanitize};
use dossier::library::{self, OpenError, Problem, Target};
use dossier::{plain, tui};

/// mimalloc rather than the system allocator: see Cargo.toml.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `mi_option_purge_delay` (its place in `mi_option_t`: the crate names no
/// constant for it).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Memory freed is given back to the system after 10 ms rather than mimalloc's default of a
/// second: a big document is read and walked part by part, each part's buffers freed as the
/// next is read, and the second was long enough for the freed parts to pile up (loading a
/// 200 MB dossier peaked at 850 MB, now 735 MB; a library of 10,000 loads as fast).
/// `MIMALLOC_PURGE_DELAY` in the environment, as mimalloc documents it, still decides.
fn give_freed_memory_back_soon() {
    if std::env::var_os("MIMALLOC_PURGE_DELAY").is_some() {
        return;
    }
    // SAFETY: sets one of mimalloc's options, which it reads atomically; any value is valid.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 10) }
}

fn main() -> ExitCode {
    give_freed_memory_back_soon();
    let cli = Cli::parse();
    if let Some(command) = mistyped(&cli) {
        // A usage error, said the way clap says its own.
        let path = cli.path.as_deref().unwrap_or(Path::new(""));
        let _ = writeln!(
            std::io::stderr(),
            "error: no such file '{}' (did you mean the command '{command}'?)",
            library::name(path)
        );
        return ExitCode::from(2);
    }
    match run(&cli) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(message) => {
            say(&message);
            ExitCode::from(1)
        }
    }
}

/// One line on stderr, made terminal-safe (it may name an untrusted path). A failure to
/// write is ignored, where `eprintln!` would panic: stderr may be a terminal that hung up.
fn say(line: &str) {
    let _ = writeln!(std::io::stderr(), "dossier: {}", sanitize::clean(line));
}

/// The subcommand a path that names nothing looks like a mistyping of (`dossier timelin`).
fn mistyped(cli: &Cli) -> Option<String> {
    let path = cli.path.as_deref().filter(|_| cli.command.is_none())?;
    // Asked only of a path that is not there: the commands' names come from clap's whole
    // command tree, which is built for it.
    let missing =
        std::fs::symlink_metadata(path).is_err_and(|e| e.kind() == std::io::ErrorKind::NotFound);
    cli::mistyped_command(path.to_str().filter(|_| missing)?)
}

/// Runs the command; `Ok(false)` when it ran but some library files had problems.
fn run(cli: &Cli) -> Result<bool, String> {
    if let Some(Command::Marks(args)) = &cli.command {
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        cli::marks(args, &mut out)?;
        return finish(out.flush(), true);
    }
    if let Some(command) = cli.command.as_ref().filter(|c| c.reads_no_dossier()) {
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        let written = cli::run(command, &[], false, &mut out).and_then(|()| out.flush());
        return finish(written, true);
    }
    let path = match &cli.command {
        Some(command) => command.path(),
        // `printf '# Notes\n' | dossier`: the piped document, not the built-in one.
        None if cli.path.is_none() && library::stdin_is_piped() => {
            Some(Path::new(library::STDIN_PATH))
        }
        None => cli.path.as_deref(),
    };
    let target = library::target(path).map_err(|e| e.to_string())?;
    let stdout = std::io::stdout();
    if cli.command.is_none() && stdout.is_terminal() {
        let start = match target {
            Target::Folder(root) => tui::Start::Folder(root),
            // A big file shows its beginning at once, while the rest is read.
            Target::File(file) => {
                match library::open_beginning(&file).map_err(|e| e.to_string())? {
                    library::Opened::Whole(doc) => tui::Start::Document(Box::new(doc)),
                    library::Opened::Beginning(doc) => tui::Start::Beginning(Box::new(doc)),
                }
            }
            _ => tui::Start::Document(Box::new(library::open(path).map_err(|e| e.to_string())?)),
        };
        let options = tui::Options {
            scheme: cli.theme.map(cli::ThemeArg::scheme),
            measure: cli.width,
            data_dir: cli.data_dir.clone(),
        };
        tui::run_with(start, options).map_err(|e| format!("terminal: {e}"))?;
        return Ok(true);
    }
    let (docs, problems, is_library) = match target {
        Target::Folder(root) => {
            let (paths, problems) = list_folder(&root)?;
            // Each document's output depends on it alone: written as the documents load.
            if let Some(streamed) = cli::Streamed::of(cli.command.as_ref()) {
                let warns = !prints_json(cli.command.as_ref());
                return stream_folder(&paths, problems, streamed, warns);
            }
            // A search needs each document's text, which slimming drops: it is taken first.
            if let Some(cli::Command::Search(args)) = &cli.command {
                return search_folder(&paths, problems, args);
            }
            // The rest show outlines, events and quotes: each document is slimmed as it
            // loads, as the app slims them, so that a big library fits in memory.
            let (docs, problems) = load_folder(&paths, problems);
            (docs, problems, true)
        }
        _ => (
            vec![library::open(path).map_err(|e| e.to_string())?],
            Vec::new(),
            false,
        ),
    };
    for p in &problems {
        say(&p.message);
    }
    // JSON carries the warnings; a person reading text would not see them otherwise (that
    // the front matter was not read, that the document is encrypted).
    if !prints_json(cli.command.as_ref()) {
        for d in &docs {
            d.warnings.iter().for_each(|w| say(&warning(d, w)));
        }
    }
    let mut out = std::io::BufWriter::new(stdout.lock());
    let result = match &cli.command {
        Some(command) => cli::run(command, &docs, is_library, &mut out),
        None => docs
            .iter()
            .try_for_each(|d| out.write_all(plain::render_with(d, cli.width).as_bytes())),
    }
    .and_then(|()| out.flush());
    finish(result, problems.is_empty())
}

/// A library's output that is each document's on its own (see [`cli::Streamed`]): each
/// document is written as soon as it and every document before it (in path order) are
/// loaded, and then freed. The output starts at once, and memory holds the few documents
/// loaded out of turn, not the library. A problem file, or a rendered document's warnings,
/// go to stderr in their turn (warnings when `warns`: JSON carries them).
fn stream_folder(
    paths: &[PathBuf],
    problems: Vec<Problem>,
    streamed: cli::Streamed,
    warns: bool,
) -> Result<bool, String> {
    for p in &problems {
        say(&p.message);
    }
    let mut out = std::io::BufWriter::new(std::io::stdout());
    let mut written = 0;
    let mut failed = None;
    let mut unread = problems.len();
    // What is written so far goes out before a line on stderr, so that the two, sent to
    // one file (`2>&1`), never cut into each other's lines.
    let tell = |out: &mut std::io::BufWriter<std::io::Stdout>, line: &str| {
        let flushed = out.flush();
        say(line);
        flushed
    };
    library::load_in_order(paths, library::threads(), |i, result| {
        let done = match result {
            Ok(doc) => {
                let warned = (doc.warnings.iter())
                    .filter(|_| warns)
                    .try_for_each(|w| tell(&mut out, &warning(&doc, w)));
                let done = warned.and_then(|()| streamed.write(&mut out, &doc, written));
                written += usize::from(done.is_ok());
                done
            }
            Err(e) => {
                unread += 1;
                tell(
                    &mut out,
                    &Problem::new(paths[i].clone(), &e.to_string()).message,
                )
            }
        };
        // Once writing has failed (the reader has gone), no more files are opened.
        match done {
            Ok(()) => true,
            Err(e) => {
                failed = Some(e);
                false
            }
        }
    });
    let written = match failed {
        Some(e) => Err(e),
        None => streamed
            .finish(&mut out, written)
            .and_then(|()| out.flush()),
    };
    finish(written, unread == 0)
}

/// `search DIR QUERY`: the library loaded as the app loads it (each document's searchable
/// text taken, then the document slimmed), and searched.
fn search_folder(
    paths: &[PathBuf],
    mut problems: Vec<Problem>,
    args: &cli::SearchArgs,
) -> Result<bool, String> {
    let mut docs = Vec::with_capacity(paths.len());
    let mut texts = dossier::search::TextIndex::default();
    library::load_in_order(paths, library::threads(), |i, result| {
        match result {
            Ok(mut doc) => {
                texts.docs.push(dossier::search::DocText::of(&doc));
                library::slim(&mut doc);
                docs.push(doc);
            }
            Err(e) => problems.push(Problem::new(paths[i].clone(), &e.to_string())),
        }
        true
    });
    for p in &problems {
        say(&p.message);
    }
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let result = cli::search(&docs, &texts, args, &mut out).and_then(|()| out.flush());
    finish(result, problems.is_empty())
}

/// The run's result once its output is written: `ok` unless writing failed. A reader that
/// stops early (`dossier export | head`) is not an error.
fn finish(written: std::io::Result<()>, ok: bool) -> Result<bool, String> {
    match written {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(ok),
        Err(e) => Err(format!("cannot write output: {e}")),
        Ok(()) => Ok(ok),
    }
}

/// The stderr line for one of `doc`'s warnings (that the front matter was not read, that
/// the document is encrypted): a person reading text would not see it otherwise.
fn warning(doc: &Document, w: &dossier::document::Warning) -> String {
    format!("{}: warning: {w}", doc.source)
}

fn prints_json(command: Option<&Command>) -> bool {
    command.is_some_and(Command::prints_json)
}

/// The dossiers under `root` and the folders that could not be read; an error when there is
/// neither.
fn list_folder(root: &Path) -> Result<(Vec<PathBuf>, Vec<Problem>), String> {
    let (paths, problems) = library::find_dossiers(root);
    if paths.is_empty() && problems.is_empty() {
        return Err(OpenError::EmptyFolder(root.to_path_buf()).to_string());
    }
    Ok((paths, problems))
}

/// The dossiers of `paths`, parsed on every core and slimmed (see [`library::slim`]), in
/// path order; and `problems` with the files that failed added.
fn load_folder(paths: &[PathBuf], mut problems: Vec<Problem>) -> (Vec<Document>, Vec<Problem>) {
    let mut docs = Vec::with_capacity(paths.len());
    library::load_in_order(paths, library::threads(), |i, result| {
        match result {
            Ok(mut doc) => {
                library::slim(&mut doc);
                docs.push(doc);
            }
            Err(e) => problems.push(Problem::new(paths[i].clone(), &e.to_string())),
        }
        true
    });
    (docs, problems)
}
