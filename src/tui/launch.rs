//! The programs dossier starts: the editor (`e`) at the line on screen and the browser (`o`)
//! with a link, never through a shell, the terminal given back to them and restored after.

use std::ffi::OsString;
use std::io::{self, IsTerminal};
use std::path::Path;
use std::sync::atomic::Ordering;

use super::output::Screen;
use crossterm::terminal::{Clear, ClearType, EnterAlternateScreen};
use crossterm::{cursor, execute, queue};

use super::{EDITING, restore};
use crate::document::sanitize;

/// The editor's command: `$VISUAL`, else `$EDITOR`, else `vi`, split into words as a shell
/// would split them (quotes, backslashes), never run through a shell.
pub(super) fn editor_command(
    visual: Option<OsString>,
    editor: Option<OsString>,
) -> Result<Vec<String>, String> {
    let chosen = [("VISUAL", visual), ("EDITOR", editor)]
        .into_iter()
        .find_map(|(name, v)| v.filter(|v| !v.is_empty()).map(|v| (name, v)));
    let Some((name, value)) = chosen else {
        return Ok(vec!["vi".into()]);
    };
    let value = value
        .into_string()
        .map_err(|_| format!("Cannot run ${name}: it is not UTF-8"))?;
    let words = shell_words::split(&value).map_err(|e| format!("Cannot run ${name}: {e}"))?;
    Ok(if words.is_empty() {
        vec!["vi".into()]
    } else {
        words
    })
}

/// Suspends the app, runs the editor on `path` at `line` (`+LINE FILE`, the convention of
/// vi, vim, nvim, nano, emacs and helix) with the terminal as it was before the app, and
/// takes the terminal back. What went wrong with the editor is returned for the footer;
/// an error is the terminal's.
pub(super) fn edit(
    terminal: &mut Screen,
    path: &Path,
    line: usize,
) -> io::Result<Result<(), String>> {
    let words = match editor_command(std::env::var_os("VISUAL"), std::env::var_os("EDITOR")) {
        Ok(words) => words,
        Err(e) => return Ok(Err(e)),
    };
    // A path that starts like an option is given as one.
    let file = if path.as_os_str().as_encoded_bytes().starts_with(b"-")
        || path.as_os_str().as_encoded_bytes().starts_with(b"+")
    {
        Path::new(".").join(path)
    } else {
        path.to_path_buf()
    };
    let mut command = std::process::Command::new(&words[0]);
    command.args(&words[1..]).arg(format!("+{line}")).arg(file);
    if !io::stdin().is_terminal() {
        // Keys came from /dev/tty (a document piped in): so do the editor's.
        if let Ok(tty) = std::fs::File::open("/dev/tty") {
            command.stdin(tty);
        }
    }
    EDITING.store(true, Ordering::SeqCst);
    restore();
    let status = command.status();
    let resumed = resume(terminal);
    EDITING.store(false, Ordering::SeqCst);
    resumed?;
    let editor = sanitize::clean(&words[0]);
    Ok(match status {
        Ok(s) if s.success() => Ok(()),
        Ok(s) => Err(format!("{editor} ended with {s}")),
        Err(e) => Err(format!("Cannot run {editor}: {e}")),
    })
}

/// Takes the terminal back after the editor: raw mode, the alternate screen, mouse capture,
/// and a whole redraw (the editor drew over everything).
pub(super) fn resume(terminal: &mut Screen) -> io::Result<()> {
    crossterm::terminal::enable_raw_mode()?;
    let mut out = io::stdout();
    queue!(out, EnterAlternateScreen)?;
    super::output::enable_input_modes(&mut out)?;
    execute!(out, cursor::Hide, Clear(ClearType::All))?;
    // The next frame is drawn whole, against a blank screen. (`Terminal::clear` would ask
    // the terminal where its cursor is, and not every terminal answers.)
    terminal.swap_buffers();
    terminal.backend_mut().cleared();
    Ok(())
}

/// The commands that may open a URL, first to last: each entry of `$BROWSER` (a list
/// separated by colons; `%s` in one stands for the URL, else the URL is added at the end),
/// then the platform's opener. Each command is split into words as a shell would, and
/// never run through one.
pub(super) fn openers(browser: Option<OsString>) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    if let Some(list) = browser.and_then(|b| b.into_string().ok()) {
        for entry in list.split(':').filter(|e| !e.trim().is_empty()) {
            if let Ok(words) = shell_words::split(entry) {
                if !words.is_empty() {
                    out.push(words);
                }
            }
        }
    }
    let platform = if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    out.push(vec![platform.to_string()]);
    out
}

/// The command `words` with `url` as one argument: in place of `%s`, else at the end.
pub(super) fn with_url(words: &[String], url: &str) -> Vec<String> {
    let mut out: Vec<String> = words.iter().map(|w| w.replace("%s", url)).collect();
    if !words.iter().any(|w| w.contains("%s")) {
        out.push(url.to_string());
    }
    out
}

/// Opens `url` with the first opener that can be started, with the terminal as it was
/// before the app (a terminal browser draws on it), and takes the terminal back. What was
/// opened, or why not, for the footer; an error is the terminal's.
pub(super) fn open(terminal: &mut Screen, url: &str) -> io::Result<Result<String, String>> {
    EDITING.store(true, Ordering::SeqCst);
    restore();
    let mut outcome = Err(format!("Cannot open {url}: no opener found"));
    for words in openers(std::env::var_os("BROWSER")) {
        let args = with_url(&words, url);
        let mut command = std::process::Command::new(&args[0]);
        command.args(&args[1..]);
        if !io::stdin().is_terminal() {
            if let Ok(tty) = std::fs::File::open("/dev/tty") {
                command.stdin(tty);
            }
        }
        let name = sanitize::clean(&args[0]);
        match command.status() {
            Ok(s) if s.success() => {
                outcome = Ok(format!("Opened {url} with {name}"));
                break;
            }
            Ok(s) => {
                outcome = Err(format!("{name} ended with {s}"));
                break;
            }
            // Not installed: the next opener.
            Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
            Err(e) => {
                outcome = Err(format!("Cannot run {name}: {e}"));
                break;
            }
        }
    }
    let resumed = resume(terminal);
    EDITING.store(false, Ordering::SeqCst);
    resumed?;
    Ok(outcome)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn browser_entries_come_before_the_platform_opener_and_take_the_url_whole() {
        let all = openers(Some("w3m -o x=1:firefox %s".into()));
        assert_eq!(all[0], ["w3m", "-o", "x=1"]);
        assert_eq!(all[1], ["firefox", "%s"]);
        assert_eq!(all.len(), 3);
        let url = "https://example.com/a b;rm -rf ~";
        assert_eq!(with_url(&all[0], url).last().map(String::as_str), Some(url));
        assert_eq!(with_url(&all[1], url), ["firefox", url]);
        assert_eq!(openers(None).len(), 1);
    }
}
