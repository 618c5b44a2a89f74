//! The terminal: set-up and restore (on quit, error, panic, SIGTERM and SIGHUP) and the event
//! loop, the only code that touches crossterm events. The loop blocks on input, so an idle app
//! uses no CPU; it redraws only after an event changed something.

use std::io::{self, Write};
use std::path::PathBuf;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crossterm::cursor;
use crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind, KeyModifiers, MouseButton,
    MouseEventKind,
};
use crossterm::execute;
use crossterm::terminal::LeaveAlternateScreen;
use ratatui::DefaultTerminal;

use crate::app::{Action, App, Key, KeyCode, Loaded};
use crate::document::Document;
use crate::library::{self, Problem};
use crate::search::{Hit, SearchRequest};
use crate::view;

/// What the app opens.
pub enum Start {
    /// One document, already parsed.
    Document(Box<Document>),
    /// A folder, loaded in the background while the app runs.
    Folder(PathBuf),
}

/// Everything the event loop waits for.
enum Message {
    Terminal(io::Result<Event>),
    Load(Loaded),
    /// The search thread's ranking for a query generation.
    Searched(u64, Vec<Hit>),
}

/// Runs the app on the terminal until the user quits.
pub fn run(start: Start) -> io::Result<()> {
    let color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let mut terminal = init()?;
    let result = (|| {
        let size = terminal.size()?;
        let (tx, rx) = mpsc::channel();
        let mut app = match start {
            Start::Document(doc) => App::new(*doc, size.width, size.height, color),
            Start::Folder(root) => {
                let mut app = App::library(size.width, size.height, color);
                app.library.root = root.display().to_string();
                app.reopen = Some(|source| library::open_file(std::path::Path::new(source)).ok());
                spawn_loader(root, tx.clone());
                app
            }
        };
        app.background_search = true;
        let searcher = spawn_searcher(tx.clone());
        spawn_terminal_reader(tx);
        let result = event_loop(&mut terminal, &mut app, &rx, &searcher);
        // Freeing thousands of documents only delays the exit; the OS takes it all back.
        std::mem::forget(app);
        result
    })();
    restore();
    result
}

/// Reads terminal events on a thread of its own, so the loop can wait for input and
/// loaded documents at once (and use no CPU while waiting for either).
fn spawn_terminal_reader(tx: mpsc::Sender<Message>) {
    std::thread::spawn(move || {
        loop {
            let event = event::read();
            let failed = event.is_err();
            if tx.send(Message::Terminal(event)).is_err() || failed {
                break;
            }
        }
    });
}

/// Ranks quotes on a thread of its own so typing never waits for matching; when queries
/// arrive faster than they are ranked, only the newest is ranked.
fn spawn_searcher(tx: mpsc::Sender<Message>) -> mpsc::Sender<SearchRequest> {
    let (requests, rx) = mpsc::channel::<SearchRequest>();
    std::thread::spawn(move || {
        while let Ok(mut request) = rx.recv() {
            while let Ok(newer) = rx.try_recv() {
                request = newer;
            }
            let hits = request.run();
            let generation = request.generation;
            // Let go of the index before answering: the app adds documents that loaded
            // meanwhile when the answer comes, which it can only do once no one else holds it.
            drop(request);
            if tx.send(Message::Searched(generation, hits)).is_err() {
                break;
            }
        }
    });
    requests
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
                Ok(mut doc) => {
                    // Slim here, not in the app: documents queued for the app stay small.
                    library::slim(&mut doc);
                    Loaded::document(doc)
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
fn init() -> io::Result<DefaultTerminal> {
    // ratatui's own panic hook restores with `ratatui::restore`, which reports a failure with
    // `eprintln!`: on a hung-up terminal that panics inside the panic hook, and the process
    // aborts. Ours does what it does, and mouse capture and the cursor too, silently.
    let previous = std::panic::take_hook();
    let terminal = match ratatui::try_init() {
        Ok(terminal) => terminal,
        Err(e) => {
            std::panic::set_hook(previous);
            return Err(e);
        }
    };
    let _ratatui_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
    execute!(io::stdout(), EnableMouseCapture)?;
    watch_signals();
    Ok(terminal)
}

/// Puts the terminal back as it was: mouse capture off, cooked mode, main screen, cursor
/// shown (the drawing loop hides it; only a normal exit drops the terminal, which shows it).
/// Each step is tried even if one before it failed, and failures are ignored: a terminal
/// that has hung up cannot be restored, and saying so on it would fail as well.
pub fn restore() {
    let mut out = io::stdout();
    let _ = execute!(out, DisableMouseCapture);
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
        if let Some(signal) = signals.forever().next() {
            // Holding stdout until the exit keeps the drawing thread from writing another
            // frame onto the main screen after the restore.
            let _stdout = io::stdout().lock();
            restore();
            std::process::exit(128 + signal);
        }
    });
}

/// How long the loop keeps taking what is waiting before it draws again.
const LOAD_BATCH: Duration = Duration::from_millis(40);

/// While a library loads, documents arriving are drawn at most this often: each frame sorts
/// the library and merges the new events, and drawing as fast as documents come would take
/// a core from the threads that load them. Input is still drawn at once.
const LOADING_FRAME: Duration = Duration::from_millis(80);

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    rx: &mpsc::Receiver<Message>,
    searcher: &mpsc::Sender<SearchRequest>,
) -> io::Result<()> {
    loop {
        app.settle();
        if let Some(request) = app.search_request.take() {
            let _ = searcher.send(request);
        }
        terminal.draw(|frame| view::draw(app, frame))?;
        let drawn = Instant::now();
        if let Some(text) = app.clipboard.take() {
            copy_osc52(&text)?;
        }
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
            changed = handle(app, message)?;
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
            handle(app, message)?;
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

/// Applies one message; false when it changed nothing on screen.
fn handle(app: &mut App, message: Message) -> io::Result<bool> {
    match message {
        Message::Terminal(event) => Ok(handle_event(app, event?)),
        Message::Load(loaded) => {
            app.loaded(loaded);
            Ok(true)
        }
        Message::Searched(generation, hits) => {
            app.searched(generation, hits);
            Ok(true)
        }
    }
}

/// Applies one terminal event; false when it changed nothing.
fn handle_event(app: &mut App, event: Event) -> bool {
    match event {
        Event::Key(k) if k.kind != KeyEventKind::Release => match key(k.code, k.modifiers) {
            Some(key) => {
                app.key(key);
                true
            }
            None => false,
        },
        Event::Mouse(m) => {
            let action = match m.kind {
                MouseEventKind::ScrollUp => Action::Scroll(m.column, m.row, -1),
                MouseEventKind::ScrollDown => Action::Scroll(m.column, m.row, 1),
                MouseEventKind::Down(MouseButton::Left) => Action::Click(m.column, m.row),
                _ => return false,
            };
            app.update(action);
            true
        }
        Event::Resize(w, h) => {
            app.update(Action::Resize(w, h));
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

/// Puts `text` on the system clipboard through the terminal (OSC 52).
fn copy_osc52(text: &str) -> io::Result<()> {
    let mut out = io::stdout();
    write!(out, "\x1b]52;c;{}\x07", base64(text.as_bytes()))?;
    out.flush()
}

/// Standard base64 with padding (ten lines rather than a crate).
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | (b as u32) << (16 - 8 * i));
        for i in 0..4 {
            let c = if i <= chunk.len() {
                ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char
            } else {
                '='
            };
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_standard() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64("“q” — Jan".as_bytes()), "4oCcceKAnSDigJQgSmFu");
    }

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
