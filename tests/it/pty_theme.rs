//! The theme chosen from the terminal's background: the app draws its first frame at once in
//! the dark theme, asks the terminal its background (OSC 11) after it, and redraws in the light
//! theme when the answer says the background is light; a terminal that never answers costs
//! nothing, and no answer, however it comes, is read as keys.
#![cfg(unix)]

use std::collections::BTreeSet;
use std::time::{Duration, Instant};

use crate::common::pty::{Launch, TIMEOUT, Tty};

const TITLE: &str = "Jan Leike's Departure";
const QUERY: &[u8] = b"\x1b]11;?";

/// Palette indexes only the dark theme draws text in, and only the light one.
const DARK_ONLY: [u8; 10] = [80, 213, 111, 247, 222, 117, 114, 215, 221, 210];
const LIGHT_ONLY: [u8; 9] = [24, 90, 19, 58, 25, 22, 127, 124, 248];

/// The built-in dossier, with no theme given, so the terminal's background decides it.
fn embedded() -> Tty {
    let tty = Tty::spawn(Launch {
        env: vec![("DOSSIER_THEME".into(), "".into())],
        ..Launch::dossier(&[], 120, 40)
    });
    tty.wait_for_text(TITLE);
    let deadline = Instant::now() + TIMEOUT;
    while !has(&tty.output().raw, QUERY) {
        assert!(
            Instant::now() < deadline,
            "the app never asked its background"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    tty.settle();
    tty
}

fn has(raw: &[u8], needle: &[u8]) -> bool {
    raw.windows(needle.len()).any(|w| w == needle)
}

/// The palette indexes of the text on screen (a space's colour does not show, and the app
/// does not write a space again only to change it).
fn colours(screen: &vt100::Screen) -> BTreeSet<u8> {
    let (rows, cols) = screen.size();
    let (rows, cols) = (rows.get(), cols.get());
    (0..rows)
        .flat_map(|r| (0..cols).map(move |c| (r, c)))
        .filter_map(|(r, c)| screen.cell(r, c))
        .filter(|cell| !cell.contents().trim().is_empty())
        .filter_map(|cell| match cell.fgcolor() {
            vt100::Color::Idx(i) => Some(i),
            _ => None,
        })
        .collect()
}

fn is(theme: &[u8], other: &[u8], screen: &vt100::Screen) -> bool {
    let on = colours(screen);
    theme.iter().any(|i| on.contains(i)) && !other.iter().any(|i| on.contains(i))
}

/// The terminal answers that its background is white, in two pieces with a pause between
/// them longer than the one that ends an unfinished key: the app redraws in the light theme,
/// and the screen's text is as it was (nothing of the answer was typed).
#[test]
fn a_light_background_answer_redraws_in_the_light_theme() {
    let mut tty = embedded();
    assert!(
        is(&DARK_ONLY, &LIGHT_ONLY, tty.output().parser.screen()),
        "the first frame is in the dark theme: {:?}",
        colours(tty.output().parser.screen())
    );
    let before = tty.screen_text();
    let drawn = tty.output().raw.len();
    tty.send(b"\x1b]11;rgb:ffff/ff");
    std::thread::sleep(Duration::from_millis(150));
    tty.send(b"ff/ffff\x1b\\\x1b[?62;22c");
    tty.wait_settled("the light theme", |s| is(&LIGHT_ONLY, &DARK_ONLY, s));
    assert!(
        has(&tty.output().raw[drawn..], b"38;5;24m")
            || has(&tty.output().raw[drawn..], b"38;5;24;"),
        "the redraw writes the light theme's accent"
    );
    assert_eq!(tty.screen_text(), before, "the answer typed nothing");
    tty.send(b"q");
    assert!(tty.wait_exit().success());
    tty.assert_restored();
}

/// A terminal that never answers: the app stays in the dark theme, answers keys, and quits at
/// once.
#[test]
fn a_terminal_that_never_answers_costs_nothing() {
    let mut tty = embedded();
    let before = tty.screen_text();
    tty.send(b"2");
    tty.wait_settled("the timeline", |s| s.contents() != before);
    assert!(is(&DARK_ONLY, &LIGHT_ONLY, tty.output().parser.screen()));
    let quit = Instant::now();
    tty.send(b"q");
    assert!(tty.wait_exit().success());
    assert!(
        quit.elapsed() < Duration::from_secs(2),
        "quitting took {:?}",
        quit.elapsed()
    );
    tty.assert_restored();
}
