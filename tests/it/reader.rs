//! The reader on a dossier with every shape issue 16 is about: a table (alignments, a long
//! cell, CJK), footnotes, an attributed and a nested block quote, a fenced code block with
//! its language, and links, drawn at 80×24, 120×40 and 200 columns; its plain text; the
//! keys that follow a footnote and open a link; the light theme.

use crate::common::{self, fixture};
use dossier::app::App;
use dossier::library;
use dossier::view::theme::{Scheme, Theme};

/// The app over the fixture at `w` × `h`, after `keys`.
fn app(w: u16, h: u16, keys: &str) -> App {
    let doc = library::open(Some(&fixture("reader-shapes.md"))).expect("the fixture opens");
    let mut app = App::new(doc, w, h);
    app.press(keys);
    app
}

/// The screen as a user reads it: one line per row, a wide character once (not followed by
/// the blank of the cell it also covers), trailing spaces trimmed.
fn seen(buffer: &ratatui::buffer::Buffer) -> String {
    let area = buffer.area;
    let mut out = String::new();
    for y in area.top()..area.bottom() {
        let mut row = String::new();
        let mut x = area.left();
        while x < area.right() {
            let symbol = buffer[(x, y)].symbol();
            row.push_str(symbol);
            x += (unicode_width::UnicodeWidthStr::width(symbol) as u16).max(1);
        }
        out.push_str(row.trim_end());
        out.push('\n');
    }
    out
}

fn shot(w: u16, h: u16, keys: &str) -> String {
    seen(&common::draw(&app(w, h, keys)).0)
}

/// 80×24 shows the document a section at a time: the table (its long cell wrapped in its
/// column, the CJK cells measured), the quotes, the code and the notes.
#[test]
fn reader_shapes_80x24() {
    for (name, keys) in [
        ("top", "<Tab>"),
        ("table", "<Tab>]"),
        ("quotes_and_code", "<Tab>]]"),
        ("notes", "<Tab>G"),
    ] {
        insta::assert_snapshot!(format!("reader_shapes_80x24_{name}"), shot(80, 24, keys));
    }
}

#[test]
fn reader_shapes_120x40() {
    insta::assert_snapshot!(shot(120, 40, "<Tab>"));
}

/// At 200 columns the text stays at the reading width (100 columns), the rest left empty.
#[test]
fn reader_shapes_200x50() {
    let screen = shot(200, 50, "<Tab>");
    let widest = (screen.lines())
        .filter_map(|l| {
            l.split_once('│')
                .map(|(_, r)| unicode_width::UnicodeWidthStr::width(r))
        })
        .max();
    assert!(widest.is_some_and(|w| w <= 2 + 100), "{screen}");
    insta::assert_snapshot!(screen);
}

/// `--width 60` narrows the text at any window size.
#[test]
fn a_narrower_measure_narrows_the_text() {
    let mut app = app(200, 50, "<Tab>");
    app.set_measure(60);
    assert_eq!(app.reader.layout.width, 60);
    let mut widest = 0;
    (app.reader.layout).each_line(app.doc(), |_, l| {
        widest = widest.max(unicode_width::UnicodeWidthStr::width(l.text))
    });
    assert!(widest > 0 && widest <= 60, "{widest}");
}

/// Every line of a table has the same width at every window size, so the grid never breaks,
/// down to a pane too narrow for the columns' words.
#[test]
fn a_table_is_a_whole_grid_at_every_width() {
    for w in [40u16, 50, 60, 80, 100, 120, 200] {
        let app = app(w, 30, "");
        let mut grid = Vec::new();
        (app.reader.layout).each_line(app.doc(), |_, l| {
            if l.text.starts_with(['┌', '│', '├', '└']) {
                grid.push(l.text.to_string());
            }
        });
        assert!(grid.len() >= 7, "{w}: {grid:?}");
        let widths: Vec<usize> = grid
            .iter()
            .map(|t| unicode_width::UnicodeWidthStr::width(t.as_str()))
            .collect();
        assert!(widths.iter().all(|&x| x == widths[0]), "{w}: {grid:#?}");
    }
}

/// The light theme: the same text, and no palette yellow on a white background.
#[test]
fn reader_shapes_light_theme() {
    let app = app(120, 40, "<Tab>/compute<Enter>");
    let theme = Theme::of(Scheme::Light, true);
    let area = app.areas.screen;
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(area.width, area.height))
            .expect("test terminal");
    terminal
        .draw(|f| {
            dossier::view::draw(&app, &theme, f);
        })
        .expect("draw");
    let buffer = terminal.backend().buffer().clone();
    for cell in buffer.content() {
        for c in [cell.fg, cell.bg] {
            assert!(
                !matches!(
                    c,
                    ratatui::style::Color::Yellow | ratatui::style::Color::LightYellow
                ),
                "palette yellow in the light theme"
            );
        }
    }
    // The links and footnote marks, the table's head, the quote with the match.
    let rows = [2..5, 7..11, 21..25];
    insta::assert_snapshot!(rows.map(|r| styled(&buffer, r)).join("…\n"));
}

/// Rows `rows` of `buffer` with each run of one style marked `«fg/bg:text»`, to review a
/// theme by eye.
fn styled(buffer: &ratatui::buffer::Buffer, rows: std::ops::Range<u16>) -> String {
    let mut out = String::new();
    for y in rows {
        let mut last = None;
        let mut row = String::new();
        // The reader's text only (the outline's rows are the same in both themes).
        for x in 36..buffer.area.width {
            let cell = &buffer[(x, y)];
            let style = (cell.fg, cell.bg, cell.modifier);
            if last != Some(style) {
                if last.is_some() {
                    row.push('»');
                }
                row.push_str(&format!(
                    "«{:?}/{:?}/{:?}:",
                    cell.fg, cell.bg, cell.modifier
                ));
                last = Some(style);
            }
            row.push_str(cell.symbol());
        }
        row.push('»');
        out.push_str(&row);
        out.push('\n');
    }
    out
}

/// `dossier FILE | less`: the same shapes as plain text.
#[test]
fn reader_shapes_as_plain_text() {
    let out = common::run(&["tests/fixtures/reader-shapes.md"]);
    assert!(out.status.success());
    insta::assert_snapshot!(String::from_utf8(out.stdout).expect("UTF-8"));
}

/// Enter on a screen with a footnote reference shows its note, marked; Backspace returns.
#[test]
fn enter_follows_a_footnote_to_its_note_and_back_returns() {
    let mut app = app(80, 24, "<Tab>");
    let top = app.reader.top;
    app.press("<Enter>");
    let marked = app.reader.marked.clone().expect("the note is marked");
    let note = app.reader.layout.line(marked.start).unwrap().text;
    assert!(note.starts_with("¹ The source"), "{note}");
    assert!(marked.start >= app.reader.top && marked.start < app.reader.top + 20);
    app.press("<BS>");
    assert_eq!(app.reader.top, top);
    assert_eq!(app.reader.marked, None);
}

/// `o` asks for the first link on screen from the cursor line (the current match), checked;
/// in the front matter popup, for the source URL; a `javascript:` link is refused.
#[test]
fn o_opens_the_link_at_the_cursor_or_the_source_url() {
    let mut app = app(120, 40, "<Tab>o");
    assert_eq!(
        app.open_url.take().as_deref(),
        Some("https://example.com/a")
    );
    app.press("/minutes<Enter>o");
    assert_eq!(
        app.open_url.take().as_deref(),
        Some("https://example.com/minutes")
    );
    app.press("<Esc>io");
    assert_eq!(
        app.open_url.take().as_deref(),
        Some("https://example.com/reader-shapes")
    );
    let doc = dossier::document::load("t", "Click [here](javascript:alert(1)).\n");
    let mut app = App::new(doc, 80, 24);
    app.press("<Tab>o");
    assert_eq!(app.open_url, None);
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.contains("Not opened")),
        "{:?}",
        app.message
    );
}
