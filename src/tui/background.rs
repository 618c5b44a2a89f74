//! The terminal's background, asked after the first frame (OSC 11) so that a light one gets
//! the light theme: which terminals may be asked, the question, and the wait for its answer
//! when the app quits at once (an answer after the restore would be typed into the shell).

use std::io::{self, Write};
use std::time::{Duration, Instant};

use super::output::Screen;

use crate::view::theme::Scheme;

/// The theme asked for (`--theme`), else `DOSSIER_THEME`'s; `None`: the one for the
/// terminal's background.
pub(super) fn scheme(asked: Option<Scheme>) -> Option<Scheme> {
    asked.or_else(|| {
        std::env::var("DOSSIER_THEME")
            .ok()
            .and_then(|v| Scheme::parse(&v))
    })
}

/// Whether the terminal may be asked its background: not a terminal that takes no escape
/// sequences (`TERM` unset or `dumb`), nor GNU Screen (it passes the question on and answers
/// out of order) or Eterm (it answers nothing), as terminal-colorsaurus judges them.
pub(super) fn may_ask_background(term: Option<&str>) -> bool {
    term.is_some_and(|t| {
        !(t == "dumb" || t == "screen" || t.starts_with("screen.") || t == "Eterm")
    })
}

/// The background colour query (OSC 11), ended by BEL: urxvt ends its answer as the query
/// was ended, and its `ESC \` ending lacks the `\`. No device attributes query follows it
/// as a fence: the answer is waited for by nothing but a quit (see [`await_answer`]), and
/// not every answerer keeps the order (ttyprobe answers that query first).
pub(super) const BACKGROUND_QUERY: &[u8] = b"\x1b]11;?\x07";

/// When the query went out, while its answer has not been read.
pub(super) static ASKED: std::sync::Mutex<Option<Instant>> = std::sync::Mutex::new(None);

/// How long the app waits, when it quits right after asking, for the terminal's answer: an
/// answer that came after the restore would be typed into the shell. A terminal that does
/// not answer costs this at most, and only when the app is quit that soon after it starts.
pub(super) const ANSWER_WAIT: Duration = Duration::from_millis(100);

/// Waits (at most [`ANSWER_WAIT`] after the query went out) for an unanswered query's answer
/// to be read.
pub(super) fn await_answer() {
    loop {
        let asked = *ASKED.lock().unwrap_or_else(|e| e.into_inner());
        match asked {
            Some(at) if at.elapsed() < ANSWER_WAIT => std::thread::sleep(Duration::from_millis(1)),
            _ => return,
        }
    }
}

/// Asks the terminal for its background colour, once.
pub(super) fn ask_background(terminal: &mut Screen) -> io::Result<()> {
    let mut asked = ASKED.lock().unwrap_or_else(|e| e.into_inner());
    *asked = Some(Instant::now());
    let backend = terminal.backend_mut();
    backend.write_all(BACKGROUND_QUERY)?;
    Write::flush(backend)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminals_that_take_no_queries_are_not_asked() {
        assert!(may_ask_background(Some("xterm-256color")));
        assert!(may_ask_background(Some("tmux-256color")));
        for term in [
            None,
            Some("dumb"),
            Some("screen"),
            Some("screen.xterm-256color"),
        ] {
            assert!(!may_ask_background(term), "{term:?}");
        }
    }
}
