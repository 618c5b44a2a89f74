//! End-to-end: the real `dossier` binary on a pseudo-terminal, its screen read back through a
//! VT100 emulator, driven by keys as a person at a terminal would drive it. These are the only
//! tests that see what crossterm actually writes: the alternate screen, mouse capture, raw mode,
//! and how the app leaves the terminal when it quits, is interrupted or is killed.
//!
//! Every wait polls the emulated screen until what the user should see is there, up to a
//! generous timeout (CI machines are slow and shared); no fixed sleep decides a result. A failing
//! wait prints the screen, and the child is always killed when a test ends.
#![cfg(unix)]

use std::process::{Command, Stdio};

use unicode_width::UnicodeWidthStr;

use crate::common::Scratch;
use crate::common::pty::{Launch, Tty};

const COLS: u16 = 120;
const ROWS: u16 = 40;

const TITLE: &str = "Jan Leike's Departure";
const COMPUTE_QUOTE_START: &str = "Over the past few months my team";
const COMPUTE_PHRASE: &str = "struggling for compute";

// The modes that crossterm's `EnableMouseCapture` turns on, each of which
// `DisableMouseCapture` must turn off again.
const MOUSE_MODES: [&str; 5] = ["1000", "1002", "1003", "1015", "1006"];

/// Each private mode set (`ESC [ ? Pm h`) or reset (`... l`) in `raw`, where it was, with
/// every mode one sequence names (`ESC [ ? 1000 ; 1006 h` sets two).
fn private_modes(raw: &[u8]) -> Vec<(usize, String, bool)> {
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(start) = find_from(raw, b"\x1b[?", at) {
        let params = start + 3;
        let end = raw[params..]
            .iter()
            .position(|b| !(b.is_ascii_digit() || *b == b';'))
            .map_or(raw.len(), |n| params + n);
        if let Some(&last) = raw.get(end).filter(|b| matches!(b, b'h' | b'l')) {
            for mode in String::from_utf8_lossy(&raw[params..end]).split(';') {
                found.push((start, mode.to_owned(), last == b'h'));
            }
        }
        at = end.max(start + 1);
    }
    found
}

fn find_from(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    haystack
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|i| from + i)
}

/// [`Tty::assert_restored`], and in the raw bytes every mouse mode the app turned on turned
/// off again by the last word on it, not only the emulator's idea of the mode.
fn assert_restored_with_mouse_modes_off(tty: &Tty) {
    tty.assert_restored();
    let modes = private_modes(&tty.output().raw);
    for mode in MOUSE_MODES {
        let last = |on: bool| {
            modes
                .iter()
                .filter(|(_, m, set)| m == mode && *set == on)
                .map(|(at, _, _)| *at)
                .next_back()
        };
        let on_at = last(true).unwrap_or_else(|| panic!("mouse mode {mode} was never enabled"));
        let off_at =
            last(false).unwrap_or_else(|| panic!("mouse mode {mode} was not disabled on exit"));
        assert!(on_at < off_at, "mouse mode {mode} left enabled at exit");
    }
}

/// The user presses `key` (named `name`) to quit: the app exits 0 and leaves the terminal
/// restored, every mouse mode off.
fn quits_and_restores(tty: &mut Tty, key: &[u8], name: &str) {
    tty.send(key);
    let status = tty.wait_exit();
    assert!(status.success(), "{name} exits 0, got {status}");
    assert_restored_with_mouse_modes_off(tty);
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
    // Where the names do not all fit, the header names the active tab alone.
    let named: Vec<&str> = TABS.into_iter().filter(|t| header.contains(t)).collect();
    if let [only] = named[..] {
        return Some(only);
    }
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
    let tty = Tty::spawn(Launch::dossier(&[], COLS, ROWS));
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

    quits_and_restores(&mut tty, b"q", "q");
}

/// `dossier FOLDER`: the Library view fills in as the files load (eleven dossiers and one
/// file that is not UTF-8), the count says "1 problem"; the user presses `3`, types
/// `@leike compute` and sees only Jan Leike's quotes; `q` quits and restores the terminal.
#[test]
fn a_folder_opens_as_a_library_whose_quotes_can_be_searched_by_speaker() {
    let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/library");
    let mut tty = Tty::spawn(Launch::dossier(&[folder], COLS, ROWS));
    tty.wait_until("the loaded library's summary", |s| {
        let text = s.contents();
        text.contains("11 documents ·") && text.contains("1 problem (p)")
    });
    tty.send(b"3");
    tty.wait_until("the Quotes tab to be active", |s| {
        active_tab(s) == Some("Quotes")
    });
    tty.settle();
    tty.send(b"@leike compute");
    tty.wait_settled("two quotes, both Jan Leike's", |s| {
        let rows: Vec<String> = s.rows(0, COLS).collect();
        let shown = squash(&rows.join(" "));
        first_result(&rows, "@leike compute").is_some_and(|first| first.contains("Jan Leike"))
            && shown.contains(" 2 of 22 quotes ")
    });
    tty.send(b"\x1b");
    tty.wait_until("Esc to clear the query", |s| {
        let rows: Vec<String> = s.rows(0, COLS).collect();
        search_box_row(&rows, "@leike compute").is_none()
    });
    quits_and_restores(&mut tty, b"q", "q");
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
    quits_and_restores(&mut tty, b"\x03", "Ctrl-C");
}

/// The app is killed politely (SIGTERM, as `kill` or a closing session manager sends): the
/// process ends and the user's terminal is back to normal, not stuck on a blank alternate
/// screen swallowing mouse clicks.
#[test]
fn sigterm_restores_the_terminal() {
    let mut tty = open_embedded();
    tty.settle();
    tty.signal("TERM");
    let status = tty.wait_exit();
    assert!(
        status.signal().is_none(),
        "dossier died of the signal instead of handling it: {status}"
    );
    assert!(!status.success(), "a terminated run is not a success");
    assert_restored_with_mouse_modes_off(&tty);
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

/// The user presses `4` for the People view, types `leike` and presses Enter: the Quotes
/// view lists Jan Leike's quotes, the "struggling for compute" one among them; `q` quits
/// and restores the terminal.
#[test]
fn people_leike_enter_shows_his_compute_quote_and_quit_restores() {
    let mut tty = open_embedded();
    tty.send(b"4");
    tty.wait_until("the People view listing Jan Leike", |s| {
        let rows: Vec<String> = s.rows(0, COLS).collect();
        let text = rows.join("\n");
        text.contains("Speaker") && text.contains("Jan Leike") && text.contains("people")
    });
    tty.settle();
    tty.send(b"leike");
    tty.wait_settled("the filter keeping Jan Leike", |s| {
        let rows: Vec<String> = s.rows(0, COLS).collect();
        search_box_row(&rows, "leike").is_some() && squash(&rows.join(" ")).contains("1 of ")
    });
    tty.send(b"\r");
    tty.wait_settled("Jan Leike's quotes, the compute one among them", |s| {
        let rows: Vec<String> = s.rows(0, COLS).collect();
        let shown = squash(&rows.join(" "));
        // The Quotes view: its counter under the box (the header may show tab numbers only).
        shown.contains(" quotes ─")
            && search_box_row(&rows, "@leike").is_some()
            && shown.contains(COMPUTE_PHRASE)
            && first_result(&rows, "@leike").is_some_and(|first| first.contains("Jan Leike"))
    });
    quits_and_restores(&mut tty, b"q", "q");
}
