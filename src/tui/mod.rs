//! The terminal: set-up and restore (on quit, error, panic, SIGTERM and SIGHUP, and around the
//! editor the app starts) and the event loop, the only code that touches crossterm events. The
//! loop blocks on input, loaded files and file changes, so an idle app uses no CPU; it redraws
//! only after an event changed something.

mod background;
mod hyperlinks;
mod launch;
mod output;

use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crossterm::cursor;
use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, Event, KeyEventKind, KeyModifiers,
    MouseButton, MouseEventKind,
};
use crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen};
use crossterm::{execute, queue};
use output::{Compact, Screen};

use crate::app::{Action, App, FileRequest, Key, KeyCode, Loaded, Msg};
use crate::clipboard;
use crate::document::Document;
use crate::library::{self, Change, Problem};
use crate::marks;
use crate::search::{Hit, SearchRequest, TextHit, TextSearchRequest};
use crate::view::theme::{Scheme, Theme};
use crate::view::{self, Drawn};
use crate::watch::{self, Watch, Watched};
use background::{ASKED, ask_background, await_answer, may_ask_background, scheme};
use hyperlinks::{hyperlinks, link_cells};
use launch::{edit, open};

/// What the app opens.
pub enum Start {
    /// One document, already parsed.
    Document(Box<Document>),
    /// The beginning of a big document's file (see [`library::open_beginning`]): shown at
    /// once, while the whole file is read on a thread of its own.
    Beginning(Box<Document>),
    /// A folder, loaded in the background while the app runs.
    Folder(PathBuf),
}

/// Everything the event loop waits for.
enum Message {
    /// Every terminal event that was waiting, in order.
    Terminal(io::Result<Vec<Event>>),
    Load(Loaded),
    /// The search thread's ranking for a query generation.
    Searched(u64, Vec<Hit>),
    /// The text search thread's passages for a query generation.
    TextSearched(u64, Vec<TextHit>),
    /// Watched files changed on disk (or were read again on request).
    Files(Vec<Change>),
    /// The whole of the document whose beginning is shown.
    Whole(Result<Box<crate::app::WholeDocument>, String>),
    /// The terminal answered a query (its background colour).
    #[cfg(unix)]
    Replies(Vec<crate::input::Reply>),
}

/// What the loop needs besides the app: the terminal, the terminal reader's go-ahead and
/// the file watch.
struct Io<'a> {
    terminal: &'a mut Screen,
    /// Lets the terminal reader read the next event (see [`spawn_terminal_reader`]).
    next_event: mpsc::Sender<()>,
    watch: Option<Watch>,
    /// The marks database's folder (`--data-dir`, else the default), and the database once
    /// opened: on the first mark or listing, so an app that never marks writes nothing.
    marks_dir: Option<PathBuf>,
    marks: Option<marks::Store>,
    /// How the app looks now.
    theme: Theme,
    /// The theme follows the terminal's background: it is asked after the first frame, and
    /// the answer, whenever it comes, chooses the theme.
    follow_background: bool,
}

/// How the app looks, and where it keeps its marks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// The theme asked for (`--theme`); `None`: `DOSSIER_THEME`, else the terminal's
    /// background, else dark.
    pub scheme: Option<Scheme>,
    /// The most columns the reader's text takes (`--width`).
    pub measure: u16,
    /// Where the marks database is (`--data-dir`); `None`: see [`marks::data_dir`].
    pub data_dir: Option<PathBuf>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            scheme: None,
            measure: crate::app::reader::DEFAULT_MEASURE,
            data_dir: None,
        }
    }
}

/// Runs the app on the terminal until the user quits, looking as it does by default.
pub fn run(start: Start) -> io::Result<()> {
    run_with(start, Options::default())
}

/// Runs the app on the terminal until the user quits.
pub fn run_with(start: Start, options: Options) -> io::Result<()> {
    let color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let chosen = scheme(options.scheme);
    let theme = Theme::of(chosen.unwrap_or_default(), color);
    // Without colour the background does not matter, and is not asked.
    let follow_background =
        chosen.is_none() && color && may_ask_background(std::env::var("TERM").ok().as_deref());
    let mut terminal = init()?;
    let result = (|| {
        let size = frame_area()?;
        let (tx, rx) = mpsc::channel();
        let (mut app, watched) = match start {
            Start::Document(doc) => {
                // The built-in dossier and standard input have no file to watch.
                let file = doc.path.clone().map(Watched::File);
                (App::new(*doc, size.width, size.height), file)
            }
            Start::Beginning(doc) => {
                let path = doc.path.clone();
                let mut app = App::new(*doc, size.width, size.height);
                app.set_measure(options.measure);
                if let Some(path) = &path {
                    app.message = Some(format!(
                        "Showing the beginning, reading the rest of {}…",
                        app.docs[0].source
                    ));
                    app.reading_rest = true;
                    spawn_whole_reader(path.clone(), app.reader_layout_key(), tx.clone());
                }
                (app, path.map(Watched::File))
            }
            Start::Folder(root) => {
                let mut app = App::library(size.width, size.height);
                app.library.set_root(&library::name(&root));
                app.reopen = Some(|path| library::open_library_file(path).ok());
                spawn_loader(root.clone(), tx.clone());
                (app, Some(Watched::Folder(root)))
            }
        };
        app.background_search = true;
        app.cwd = std::env::current_dir().ok();
        app.set_measure(options.measure);
        let watch = watched.map(|w| {
            let tx = tx.clone();
            watch::watch(w, move |changes| {
                let _ = tx.send(Message::Files(changes));
            })
        });
        if let Some(why) = watch.as_ref().and_then(|w| w.failed.as_ref()) {
            app.message
                .get_or_insert_with(|| format!("⚠ {why}: press r to reload"));
        }
        let searcher = spawn_searcher(tx.clone());
        let text_searcher = spawn_text_searcher(tx.clone());
        let next_event = spawn_terminal_reader(tx);
        let mut io = Io {
            terminal: &mut terminal,
            next_event,
            watch,
            marks_dir: options.data_dir.clone(),
            marks: None,
            theme,
            follow_background,
        };
        let result = event_loop(&mut io, &mut app, &rx, &searcher, &text_searcher);
        await_answer();
        // Freeing thousands of documents only delays the exit; the OS takes it all back.
        std::mem::forget(app);
        result
    })();
    restore();
    result
}

/// Reads terminal events on a thread of its own, so the loop can wait for input and
/// loaded documents at once (and use no CPU while waiting for either). Each message holds
/// every event that was waiting, so a burst of keys is one message and a quit key in it is
/// honoured at once. After each message the thread waits for the loop's go-ahead (the
/// returned sender) before it reads again: while the editor the app started runs, the keys
/// typed are the editor's.
fn spawn_terminal_reader(tx: mpsc::Sender<Message>) -> mpsc::Sender<()> {
    let (go, next) = mpsc::channel();
    std::thread::spawn(move || {
        #[cfg(unix)]
        let mut input = match crate::input::Input::open() {
            Ok(input) => input,
            Err(e) => {
                let _ = tx.send(Message::Terminal(Err(e)));
                return;
            }
        };
        loop {
            #[cfg(unix)]
            let events = input.read();
            #[cfg(not(unix))]
            let events = event::read().map(|e| vec![e]);
            #[cfg(unix)]
            {
                let replies = input.take_replies();
                let background =
                    |r: &crate::input::Reply| matches!(r, crate::input::Reply::Background(_));
                if replies.iter().any(background) {
                    *ASKED.lock().unwrap_or_else(|e| e.into_inner()) = None;
                }
                if !replies.is_empty() && tx.send(Message::Replies(replies)).is_err() {
                    break;
                }
                if events.as_ref().is_ok_and(Vec::is_empty) {
                    continue;
                }
            }
            let failed = events.is_err();
            if tx.send(Message::Terminal(events)).is_err() || failed || next.recv().is_err() {
                break;
            }
        }
    });
    go
}

/// Runs requests on a thread of its own, so typing never waits for them: when they arrive
/// faster than they are answered, only the newest waiting is run. `answer` runs one and
/// lets go of what it shares with the app (the quote index, the texts) before the message is
/// sent: the app adds documents that loaded meanwhile once no one else holds it.
fn spawn_worker<R: Send + 'static>(
    tx: mpsc::Sender<Message>,
    answer: fn(R) -> Message,
) -> mpsc::Sender<R> {
    let (requests, rx) = mpsc::channel::<R>();
    std::thread::spawn(move || {
        while let Ok(mut request) = rx.recv() {
            while let Ok(newer) = rx.try_recv() {
                request = newer;
            }
            if tx.send(answer(request)).is_err() {
                break;
            }
        }
    });
    requests
}

/// Ranks quotes for a query (see [`spawn_worker`]).
fn spawn_searcher(tx: mpsc::Sender<Message>) -> mpsc::Sender<SearchRequest> {
    spawn_worker(tx, |request: SearchRequest| {
        let hits = request.run();
        Message::Searched(request.generation, hits)
    })
}

/// Searches the documents' text for a query (see [`spawn_worker`]).
fn spawn_text_searcher(tx: mpsc::Sender<Message>) -> mpsc::Sender<TextSearchRequest> {
    spawn_worker(tx, |request: TextSearchRequest| {
        let hits = request.run();
        Message::TextSearched(request.generation, hits)
    })
}

/// Reads and parses the whole of a big document whose beginning is shown, and lays it out
/// for the reader as `layout` says, on a thread of its own.
fn spawn_whole_reader(path: PathBuf, layout: (u16, bool), tx: mpsc::Sender<Message>) {
    std::thread::spawn(move || {
        let whole = library::open_file(&path)
            .map(|doc| Box::new(crate::app::WholeDocument::of(doc, layout)))
            .map_err(|e| e.to_string());
        let _ = tx.send(Message::Whole(whole));
    });
}

/// Finds and parses a folder's dossiers on every core, reporting each as it is done.
fn spawn_loader(root: PathBuf, tx: mpsc::Sender<Message>) {
    std::thread::spawn(move || {
        let (paths, problems) = library::find_dossiers(&root);
        let _ = tx.send(Message::Load(Loaded::Found(paths.len() + problems.len())));
        for p in problems {
            let _ = tx.send(Message::Load(Loaded::Problem(p)));
        }
        library::load_all(&paths, library::threads(), |i, result| {
            let message = match result {
                Ok(doc) => {
                    // Slim here, not in the app: documents queued for the app stay small.
                    Loaded::slimmed(doc)
                }
                Err(e) => Loaded::Problem(Problem::new(paths[i].clone(), &e.to_string())),
            };
            let _ = tx.send(Message::Load(message));
        });
        let _ = tx.send(Message::Load(Loaded::Done));
    });
}

/// Raw mode, the alternate screen and mouse capture, with a panic hook and a signal watcher
/// that put the terminal back.
fn init() -> io::Result<Screen> {
    // Not ratatui's init: its panic hook restores with `ratatui::restore`, which reports a
    // failure with `eprintln!`: on a hung-up terminal that panics inside the panic hook, and
    // the process aborts. Ours does what it does, and mouse capture and the cursor too,
    // silently.
    let previous = std::panic::take_hook();
    let terminal = match try_init() {
        Ok(terminal) => terminal,
        Err(e) => {
            restore();
            return Err(e);
        }
    };
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
    let mut terminal = terminal;
    output::enable_input_modes(terminal.backend_mut())?;
    watch_signals();
    Ok(terminal)
}

/// The most columns and rows drawn: a frame takes memory and time in proportion to its cells,
/// and a window of 65,535 × 65,535 cells (which a terminal may report) would take gigabytes.
/// A larger window shows the frame in its top-left corner.
pub const MAX_FRAME: u16 = 1000;

/// The part of the window the app draws in: all of it, up to [`MAX_FRAME`] each way.
fn frame_area() -> io::Result<ratatui::layout::Rect> {
    let (w, h) = crossterm::terminal::size()?;
    Ok(ratatui::layout::Rect::new(
        0,
        0,
        w.min(MAX_FRAME),
        h.min(MAX_FRAME),
    ))
}

/// Raw mode, the alternate screen, and a terminal whose frame is [`frame_area`] (a fixed
/// viewport, resized by the loop, rather than ratatui's full screen, which takes the whole
/// window whatever its size).
fn try_init() -> io::Result<Screen> {
    crossterm::terminal::enable_raw_mode()?;
    let mut backend = Compact::new();
    // Held until the first frame is drawn: the alternate screen, the modes and the first
    // picture reach the terminal in one write, with no empty screen shown before it.
    backend.hold();
    queue!(backend, EnterAlternateScreen)?;
    let viewport = ratatui::Viewport::Fixed(frame_area()?);
    ratatui::Terminal::with_options(backend, ratatui::TerminalOptions { viewport })
}

/// Puts the terminal back as it was: mouse capture off, cooked mode, main screen, cursor
/// shown (the drawing loop hides it; only a normal exit drops the terminal, which shows it).
/// Each step is tried even if one before it failed, and failures are ignored: a terminal
/// that has hung up cannot be restored, and saying so on it would fail as well.
pub fn restore() {
    let mut out = io::stdout();
    let _ = execute!(out, DisableMouseCapture, DisableBracketedPaste);
    let _ = crossterm::terminal::disable_raw_mode();
    let _ = execute!(out, LeaveAlternateScreen, cursor::Show);
}

/// Restores the terminal and exits with 128 + the signal's number on SIGTERM, SIGHUP, SIGINT
/// (in raw mode Ctrl-C is a key, but `kill -INT` still sends the signal) and SIGQUIT.
fn watch_signals() {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT])
    else {
        return;
    };
    std::thread::spawn(move || {
        for signal in signals.forever() {
            // While the editor runs, Ctrl-C and Ctrl-\ in it are the editor's (as `system`
            // ignores them in the program that waits).
            if EDITING.load(Ordering::SeqCst) && matches!(signal, SIGINT | SIGQUIT) {
                continue;
            }
            // Holding stdout until the exit keeps the drawing thread from writing another
            // frame onto the main screen after the restore.
            let _stdout = io::stdout().lock();
            restore();
            std::process::exit(128 + signal);
        }
    });
}

/// A program started by the app (the editor, a terminal browser) has the terminal.
pub(super) static EDITING: AtomicBool = AtomicBool::new(false);

/// How long the loop keeps taking what is waiting before it draws again.
const LOAD_BATCH: Duration = Duration::from_millis(40);

/// While a library loads, documents arriving are drawn at most this often: each frame sorts
/// the library and merges the new events, and drawing as fast as documents come would take
/// a core from the threads that load them. Input is still drawn at once.
const LOADING_FRAME: Duration = Duration::from_millis(80);

fn event_loop(
    io: &mut Io,
    app: &mut App,
    rx: &mpsc::Receiver<Message>,
    searcher: &mpsc::Sender<SearchRequest>,
    text_searcher: &mpsc::Sender<TextSearchRequest>,
) -> io::Result<()> {
    let mut on_screen = Drawn::default();
    let mut asked = !io.follow_background;
    loop {
        app.update(Msg::Settle);
        if let Some(request) = app.search_request.take() {
            let _ = searcher.send(request);
        }
        if let Some(request) = app.text_request.take() {
            let _ = text_searcher.send(request);
        }
        if let Some(text) = app.clipboard.take() {
            let via = clipboard::copy(&text)?;
            app.update(Msg::Copied(via));
        }
        // The frame and its hyperlinks go out in one write.
        io.terminal.backend_mut().hold();
        let frame = io
            .terminal
            .draw(|frame| on_screen = view::draw(app, &io.theme, frame))?;
        let links = link_cells(frame.buffer, &on_screen, app);
        hyperlinks(io.terminal, &links)?;
        io.terminal.backend_mut().send()?;
        if !asked {
            asked = true;
            // Asked only now, so the first frame never waits for the answer (nor for a
            // terminal that never gives one); the answer redraws in its theme.
            ask_background(io.terminal)?;
        }
        let drawn = Instant::now();
        if app.quit {
            return Ok(());
        }
        // Block until something changes the screen, then take everything already waiting
        // (for at most a batch's time) before drawing again: a burst of keys, resizes or
        // loaded documents costs one frame. When only loaded files came, wait for more of them
        // until a loading frame's time has passed since the last frame.
        let mut urgent = false;
        let mut changed = false;
        while !changed {
            let Ok(message) = rx.recv() else {
                return Ok(());
            };
            urgent = is_urgent(&message);
            changed = handle(app, message, io, &on_screen)?;
        }
        let started = Instant::now();
        while !app.quit {
            let left = LOADING_FRAME.saturating_sub(drawn.elapsed());
            let message = if !urgent && !left.is_zero() {
                rx.recv_timeout(left).ok()
            } else if started.elapsed() < LOAD_BATCH {
                rx.try_recv().ok()
            } else {
                None
            };
            let Some(message) = message else { break };
            urgent |= is_urgent(&message);
            handle(app, message, io, &on_screen)?;
        }
    }
}

/// Whether `message` should be on screen at once: anything but one more file loaded (or
/// found unreadable) while a library loads.
fn is_urgent(message: &Message) -> bool {
    !matches!(
        message,
        Message::Load(Loaded::Document(..) | Loaded::Problem(_))
    )
}

/// Applies one message; false when it changed nothing on screen. A click is resolved
/// against what was last drawn (`on_screen`).
fn handle(app: &mut App, message: Message, io: &mut Io, on_screen: &Drawn) -> io::Result<bool> {
    match message {
        Message::Terminal(events) => {
            let mut changed = false;
            for event in events? {
                if let Event::Resize(..) = event {
                    // The size is asked again: of many resizes waiting, the last counts.
                    resize(app, io)?;
                    changed = true;
                    continue;
                }
                changed |= handle_event(app, event, on_screen);
                changed |= app.file_request.is_some();
                if let Some(request) = app.file_request.take() {
                    file_request(app, request, io)?;
                }
                if let Some(request) = app.marks_request.take() {
                    let store = marks_store(io);
                    app.update(request.run(store));
                }
                if let Some(url) = app.open_url.take() {
                    let opened = open(io.terminal, &url)?;
                    app.update(Msg::Say(opened.unwrap_or_else(|why| why)));
                    resize(app, io)?;
                }
                if app.quit {
                    break;
                }
            }
            // Only now may the terminal reader read on: the editor has had its keys.
            let _ = io.next_event.send(());
            Ok(changed)
        }
        Message::Files(changes) => {
            app.update(Msg::FilesChanged(changes));
            Ok(true)
        }
        Message::Load(loaded) => {
            app.update(Msg::Loaded(loaded));
            Ok(true)
        }
        Message::Whole(whole) => {
            app.update(Msg::Whole(whole));
            Ok(true)
        }
        Message::Searched(generation, hits) => {
            app.update(Msg::Searched(generation, hits));
            Ok(true)
        }
        Message::TextSearched(generation, hits) => {
            app.update(Msg::TextSearched(generation, hits));
            Ok(true)
        }
        #[cfg(unix)]
        Message::Replies(replies) => {
            let before = io.theme;
            for reply in replies {
                if let crate::input::Reply::Background(rgb) = reply
                    && io.follow_background
                {
                    io.theme = Theme::of(Scheme::for_background(rgb), io.theme.color);
                }
            }
            Ok(io.theme != before)
        }
    }
}

/// Does what the app asked of a file: reads it again (through the watch, which also looks
/// for added and removed files in a library), or opens it in the editor and reads it again
/// when the editor returns.
fn file_request(app: &mut App, request: FileRequest, io: &mut Io) -> io::Result<()> {
    let reread = |io: &Io, path: &Path| {
        if let Some(watch) = &io.watch {
            watch.reload(path.to_path_buf());
        }
    };
    match request {
        FileRequest::Reload { path } => {
            reread(io, &path);
            app.update(Msg::Say(format!("Reloading {}…", library::name(&path))));
        }
        FileRequest::Edit { path, line } => {
            let edited = edit(io.terminal, &path, line)?;
            reread(io, &path);
            if let Err(why) = edited {
                app.update(Msg::Say(why));
            }
            // The terminal may have been resized while the editor had it.
            resize(app, io)?;
        }
    }
    Ok(())
}

/// The marks database, opened the first time it is needed; why not, as one line.
fn marks_store<'a>(io: &'a mut Io<'_>) -> Result<&'a mut marks::Store, String> {
    if io.marks.is_none() {
        let dir = marks::data_dir(io.marks_dir.as_deref()).map_err(|e| e.to_string())?;
        io.marks = Some(marks::Store::open(&dir).map_err(|e| e.to_string())?);
    }
    io.marks
        .as_mut()
        .ok_or_else(|| "no marks database".to_string())
}

/// Fits the terminal and the app to the window's size as it is now.
fn resize(app: &mut App, io: &mut Io) -> io::Result<()> {
    let size = frame_area()?;
    io.terminal.resize(size)?;
    app.update(Msg::Action(Action::Resize(size.width, size.height)));
    Ok(())
}

/// Applies one terminal event; false when it changed nothing.
fn handle_event(app: &mut App, event: Event, on_screen: &Drawn) -> bool {
    match event {
        Event::Key(k) if k.kind != KeyEventKind::Release => match key(k.code, k.modifiers) {
            Some(key) => {
                app.update(Msg::Key(key));
                true
            }
            None => false,
        },
        Event::Paste(text) => {
            app.update(Msg::Paste(text));
            true
        }
        Event::Mouse(m) => {
            let target = on_screen.target_at(m.column, m.row);
            let action = match m.kind {
                MouseEventKind::ScrollUp => Action::Scroll(target, -1),
                MouseEventKind::ScrollDown => Action::Scroll(target, 1),
                MouseEventKind::Down(MouseButton::Left) => Action::Click(target),
                _ => return false,
            };
            app.update(Msg::Action(action));
            true
        }
        Event::Resize(w, h) => {
            app.update(Msg::Action(Action::Resize(w, h)));
            true
        }
        _ => false,
    }
}

/// crossterm's key to the app's.
fn key(code: event::KeyCode, mods: KeyModifiers) -> Option<Key> {
    use event::KeyCode as C;
    let plain = |code| Some(Key::plain(code));
    match code {
        C::Char(c) if mods.contains(KeyModifiers::CONTROL) => {
            Some(Key::ctrl(c.to_ascii_lowercase()))
        }
        C::Char(c) if mods.contains(KeyModifiers::ALT) => Some(Key::alt(c)),
        C::Char(c) => Some(Key::char(c)),
        C::Enter => plain(KeyCode::Enter),
        C::Esc => plain(KeyCode::Esc),
        C::Backspace if mods.contains(KeyModifiers::ALT) => Some(Key::alt_key(KeyCode::Backspace)),
        C::Backspace => plain(KeyCode::Backspace),
        C::Tab => plain(KeyCode::Tab),
        C::BackTab => plain(KeyCode::BackTab),
        C::Up => plain(KeyCode::Up),
        C::Down => plain(KeyCode::Down),
        C::Left => plain(KeyCode::Left),
        C::Right => plain(KeyCode::Right),
        C::PageUp => plain(KeyCode::PageUp),
        C::PageDown => plain(KeyCode::PageDown),
        C::Home => plain(KeyCode::Home),
        C::End => plain(KeyCode::End),
        C::Delete => plain(KeyCode::Delete),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_letters_map_to_ctrl_keys() {
        assert_eq!(
            key(event::KeyCode::Char('C'), KeyModifiers::CONTROL),
            Some(Key::ctrl('c'))
        );
        assert_eq!(
            key(event::KeyCode::Char('G'), KeyModifiers::SHIFT),
            Some(Key::char('G'))
        );
    }
}
