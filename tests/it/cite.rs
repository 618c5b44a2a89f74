//! Citing what is selected: `y` copies a quote, an event, a section or the reader's passage
//! with its title, author, year, section, line and source; `Y` the same as Markdown. What the
//! app puts on the clipboard, and what the terminal receives (OSC 52, decoded).

use dossier::app::{App, CiteAs, Cited, View};
use dossier::library;

const TITLE: &str = "Jan Leike's Departure from OpenAI and Safety Concerns";
const WORK: &str =
    "Jan Leike's Departure from OpenAI and Safety Concerns, Jan Leike and various sources (2024)";
const URL: &str = "https://x.com/janleike/status/1791498174659715494";

fn app() -> App {
    App::new(library::open(None).expect("the built-in dossier"), 120, 40)
}

/// The line of the quote whose text starts with `start`, and its section's title.
fn quote_place(app: &App, start: &str) -> (usize, String) {
    let doc = app.doc();
    let q = (doc.quotes.iter())
        .find(|q| q.text.starts_with(start))
        .expect("the quote");
    let section = doc.sections[q.section.expect("in a section")]
        .title
        .to_string();
    (q.line, section)
}

#[test]
fn y_on_a_quote_copies_it_with_speaker_work_section_line_and_source() {
    let mut app = app();
    app.press("3compute<Tab>y");
    let (line, section) = quote_place(&app, "Over the past few months");
    let copied = app.clipboard.clone().expect("copied");
    assert!(
        copied.starts_with("\"Over the past few months my team has been sailing against the wind."),
        "{copied}"
    );
    assert!(
        copied.ends_with(&format!(
            "\" — Jan Leike, {WORK}, § {section}, line {line}, {URL}"
        )),
        "{copied}"
    );
    assert_eq!(
        app.message.as_deref(),
        Some("Copied the quote and its citation")
    );
    // In the box, Ctrl-y copies the same.
    app.clipboard = None;
    app.press("/<C-y>");
    assert_eq!(app.clipboard.as_deref(), Some(copied.as_str()));
}

#[test]
fn y_on_an_event_copies_its_date_and_title_with_where_it_is() {
    let mut app = app();
    app.press("2");
    let (d, e) = app.timeline.row(0).expect("an event");
    let doc = &app.docs[d];
    let event = &doc.timeline[e];
    let section = event
        .section
        .map(|s| format!(", § {}", doc.sections[s].title.as_str()))
        .unwrap_or_default();
    let expected = format!(
        "{}: {} — {WORK}{section}, line {}, {URL}",
        event.date.human(),
        event.title,
        event.line
    );
    app.press("y");
    assert_eq!(app.clipboard.as_deref(), Some(expected.as_str()));
}

#[test]
fn y_on_a_section_copies_its_heading_and_text() {
    let mut app = app();
    app.press("j");
    let s = app.outline.selected.expect("a section");
    let section = &app.doc().sections[s];
    let (title, text, line) = (
        section.title.to_string(),
        section.text.trim().to_string(),
        section.line,
    );
    app.press("y");
    let copied = app.clipboard.clone().expect("copied");
    assert_eq!(
        copied,
        format!("{title}\n\n{text}\n\n— {WORK}, § {title}, line {line}, {URL}")
    );
    assert_eq!(
        app.citation(CiteAs::Plain).map(|(c, _)| c),
        Some(Cited::Section)
    );
}

#[test]
fn y_in_the_reader_copies_the_passage_a_jump_marked() {
    let mut app = app();
    app.press("3compute<Enter>");
    assert_eq!(app.view, View::Sections);
    let (line, section) = quote_place(&app, "Over the past few months");
    app.press("y");
    let copied = app.clipboard.clone().expect("copied");
    assert!(copied.contains("struggling for compute"), "{copied}");
    assert!(
        copied.ends_with(&format!("— {WORK}, § {section}, line {line}, {URL}")),
        "{copied}"
    );
    assert_eq!(
        app.message.as_deref(),
        Some("Copied the passage and its citation")
    );
}

#[test]
fn capital_y_copies_markdown_with_the_title_linked_to_the_source() {
    let mut app = app();
    app.press("3compute<Tab>Y");
    let (line, section) = quote_place(&app, "Over the past few months");
    let copied = app.clipboard.clone().expect("copied");
    assert!(copied.starts_with("> "), "a block quote: {copied}");
    let title = TITLE;
    assert!(
        copied.ends_with(&format!(
            ">\n> — Jan Leike, [{title}](<{URL}>), Jan Leike and various sources (2024), § {section}, line {line}"
        )),
        "{copied}"
    );
    assert_eq!(
        app.message.as_deref(),
        Some("Copied the quote and its citation as Markdown")
    );
}

/// Standard base64 decoded (what a terminal does with an OSC 52 payload).
fn unbase64(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        _ => 63,
    };
    let digits: Vec<u8> = text.bytes().filter(|&c| c != b'=').map(value).collect();
    let mut out = Vec::new();
    for chunk in digits.chunks(4) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &d)| n | (d as u32) << (18 - 6 * i));
        for i in 0..chunk.len().saturating_sub(1) {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    out
}

/// Every OSC 52 payload the app wrote, decoded.
#[cfg(unix)]
fn clipboard_writes(tty: &crate::common::pty::Tty) -> Vec<String> {
    let raw = tty.output().raw.clone();
    let text = String::from_utf8_lossy(&raw).to_string();
    text.split("\x1b]52;c;")
        .skip(1)
        .filter_map(|rest| rest.split('\x07').next())
        .map(|payload| String::from_utf8_lossy(&unbase64(payload)).to_string())
        .collect()
}

/// On a real terminal, each kind's citation reaches the terminal as OSC 52, and the footer
/// says so.
#[cfg(unix)]
#[test]
fn each_kind_reaches_the_terminal_as_osc_52() {
    use crate::common::pty::{Launch, Tty};
    let mut launch = Launch::dossier(&[], 120, 40);
    // No clipboard tool: only the terminal gets it.
    launch.env.push(("DISPLAY".into(), "".into()));
    launch.env.push(("WAYLAND_DISPLAY".into(), "".into()));
    let mut tty = Tty::spawn(launch);
    tty.wait_for_text("Jan Leike");
    let mut headless = app();
    let mut wanted = Vec::new();
    // A section, an event, a quote as Markdown, the reader's passage.
    for keys in ["jy", "2y", "3compute\tY", "1\ty"] {
        tty.send(keys.as_bytes());
        tty.wait_for_text("(OSC 52)");
        headless.press(&keys.replace('\t', "<Tab>"));
        wanted.push(headless.clipboard.take().expect("copied"));
        // A key clears the footer, so the next copy's message is a new one.
        tty.send(b"j");
        headless.press("j");
        tty.settle();
    }
    assert_eq!(clipboard_writes(&tty), wanted);
    tty.send(b"q");
    tty.wait_exit();
}
