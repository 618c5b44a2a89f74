//! A big document on a pseudo-terminal: the real `dossier` binary shows its beginning at
//! once and says it is reading the rest; the whole document then takes its place, at the
//! same spot. And the beginning it shows is the whole document's first blocks.
#![cfg(unix)]

use dossier::library::{self, BEGINNING_BYTES, BIG_BYTES, Opened};

use crate::common::pty::{Launch, Tty};
use crate::common::{self, Scratch};

const COLS: u16 = 100;
const ROWS: u16 = 30;

/// A dossier past [`BIG_BYTES`]: parts of a few kilobytes each, with fenced code holding
/// lines that look like headings, the last part named so it can be found.
fn big() -> String {
    let mut text = common::dossier_of_parts(
        BIG_BYTES + BEGINNING_BYTES,
        "Intro.",
        "```\n# not a heading\n```\n",
    );
    text.push_str("\n## The Very End\n\nLast words.\n");
    text
}

fn footer(screen: &vt100::Screen) -> String {
    screen.rows(0, COLS).last().unwrap_or_default()
}

/// The number of sections the footer counts (`section 1/N`).
fn sections_counted(screen: &vt100::Screen) -> Option<usize> {
    let footer = footer(screen);
    let count = footer.split("section ").nth(1)?.split('/').nth(1)?;
    count.split_whitespace().next()?.parse().ok()
}

#[test]
fn a_big_file_opens_at_its_beginning_and_then_whole() {
    let scratch = Scratch::new();
    let text = big();
    let path = scratch.file("big.md", &text);
    let total = text.matches("\n## ").count() + 1;
    let mut tty = Tty::spawn(Launch::dossier(&[path.to_str().unwrap()], COLS, ROWS));
    tty.wait_until(
        "the beginning, and a word that the rest is being read",
        |s| {
            s.contents().contains("Big Dossier")
                && (footer(s).contains("reading the rest") || footer(s).contains("Read the whole"))
        },
    );
    // A key clears the message, not the word that the counts are of the beginning.
    tty.send(b"j");
    tty.wait_until("the key answered", |s| footer(s).contains("section 2/"));
    let during = footer(tty.output().parser.screen());
    assert!(
        during.contains("reading the rest… section 2/"),
        "after a key the footer still says the rest is being read: {during}"
    );
    tty.wait_until("the whole document", |s| {
        footer(s).contains("Read the whole of")
    });
    assert!(!footer(tty.output().parser.screen()).contains("reading the rest…"));
    let raw = String::from_utf8_lossy(&tty.output().raw).into_owned();
    assert!(
        raw.contains("Showing the beginning, reading the rest of"),
        "the first frames said the rest was being read"
    );

    tty.wait_until("every section counted", |s| {
        sections_counted(s) == Some(total)
    });
    assert!(
        tty.screen_text().contains("Big Dossier"),
        "still at the top"
    );
    assert!(
        footer(tty.output().parser.screen()).contains("section 2/"),
        "the section selected while the rest was read is still selected"
    );
    tty.send(b"q");
    assert!(tty.wait_exit().success());
    tty.assert_restored();
}

#[test]
fn the_beginning_is_the_whole_documents_first_blocks() {
    let scratch = Scratch::new();
    let text = big();
    let path = scratch.file("big.md", &text);
    let Opened::Beginning(start) = library::open_beginning(&path).expect("opens") else {
        panic!("a file of {} bytes opens at its beginning", text.len());
    };
    let whole = library::open_file(&path).expect("opens");
    assert!(start.sections.len() > 2 && start.sections.len() < whole.sections.len());
    for (a, b) in start.sections.iter().zip(&whole.sections) {
        assert_eq!((a.title.as_ref(), a.line), (b.title.as_ref(), b.line));
    }
    let last = start.blocks.len() - 1;
    assert_eq!(
        start.text_of(&start.blocks[last]),
        whole.text_of(&whole.blocks[last])
    );
    assert_eq!(start.meta, whole.meta);
    assert!(
        start.text.len() >= BEGINNING_BYTES / 2,
        "about a megabyte of text"
    );
    let small = scratch.file("small.md", "# Small\n\nText.\n");
    assert!(matches!(
        library::open_beginning(&small),
        Ok(Opened::Whole(_))
    ));
}

/// The file changes while its rest is read: the version read again on the change is kept,
/// and the whole read begun before it, older, is dropped when it comes.
#[test]
fn a_whole_read_older_than_a_reload_is_dropped() {
    use dossier::app::{App, Msg, WholeDocument};
    use dossier::library::Change;
    let scratch = Scratch::new();
    let text = big();
    let path = scratch.file("big.md", &text);
    let Opened::Beginning(start) = library::open_beginning(&path).expect("opens") else {
        panic!("a big file opens at its beginning");
    };
    let old = library::open_file(&path).expect("opens");
    let mut app = App::new(start, 100, 30);
    app.reading_rest = true;
    let whole = WholeDocument::of(old, app.reader_layout_key());
    std::fs::write(&path, "# Rewritten\n\nShort now.\n").unwrap();
    let newer = library::open_file(&path).expect("opens");
    app.update(Msg::FilesChanged(vec![Change::Read(
        path.clone(),
        Ok(Box::new(newer)),
    )]));
    assert!(!app.reading_rest, "a reload reads the whole file");
    app.update(Msg::Whole(Ok(Box::new(whole))));
    assert_eq!(app.doc().sections.len(), 1, "the newer version stays");
    assert_eq!(app.doc().sections[0].title.as_ref(), "Rewritten");
}
