//! Property tests of what reaches the terminal: for arbitrary documents (control
//! characters, escape sequences, bidirectional overrides, wide and combining characters,
//! Markdown structure) drawn at arbitrary sizes in every view, no cell of the drawn screen
//! holds a control character and nothing panics.

use dossier::app::{Action, App, Msg};
use dossier::document::{load, sanitize};
use dossier::view;
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// Pieces that stress a terminal: escapes, controls, bidi, wide and combining characters,
/// and the Markdown that makes headings, quotes, lists, code, tables and links.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("\u{1b}]0;pwned\u{7}".to_string()),
        Just("\u{1b}[31m".to_string()),
        Just("\u{1b}]52;c;aGk=\u{7}".to_string()),
        Just("\u{9b}2J".to_string()),
        Just("\u{202e}\u{2066}".to_string()),
        Just("\u{7f}\u{0}\u{8}\r".to_string()),
        Just("\t".to_string()),
        Just("安全と整合性".to_string()),
        Just("👩‍👩‍👧‍👦".to_string()),
        Just("e\u{301}\u{302}\u{303}".to_string()),
        Just("\n# ".to_string()),
        Just("\n## May 14, 2024\n".to_string()),
        Just("\n> \"".to_string()),
        Just("\n- ".to_string()),
        Just("\n1. ".to_string()),
        Just("\n```\n".to_string()),
        Just("\n| a | b |\n|---|---|\n| ".to_string()),
        Just("[link](http://x.y/\u{1b}[0m)".to_string()),
        Just(" said: \"".to_string()),
        Just("\n\n".to_string()),
        "[a-zA-Z ,.]{0,20}",
        any::<char>().prop_map(String::from),
    ]
}

fn document() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..40).prop_map(|pieces| {
        let mut text = String::from("---\ntitle: \"T\u{1b}[2J\"\nauthor: \"\u{202e}x\"\n---\n");
        text.extend(pieces);
        text
    })
}

fn assert_screen_is_safe(app: &App) {
    let area = app.areas.screen;
    let mut terminal = Terminal::new(TestBackend::new(area.width, area.height)).unwrap();
    terminal
        .draw(|f| {
            view::draw(app, &dossier::view::theme::Theme::new(true), f);
        })
        .unwrap();
    let buffer = terminal.backend().buffer();
    for cell in buffer.content() {
        let symbol = cell.symbol();
        assert!(
            !symbol.chars().any(sanitize::is_unsafe),
            "unsafe character drawn: {symbol:?}"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn no_control_character_reaches_the_screen(text in document(), w in 1u16..140, h in 1u16..50) {
        let doc = load("prop", &text);
        let mut app = App::new(doc, w, h);
        for keys in ["", "<Tab>jj", "2", "3", "3e", "?", "<Esc>i", "<Esc>1/a<Enter>", "L"] {
            app.press(keys);
            assert_screen_is_safe(&app);
        }
        app.update(Msg::Action(Action::Resize(w / 2 + 1, h / 2 + 1)));
        assert_screen_is_safe(&app);
    }

    #[test]
    fn plain_output_holds_no_control_character(text in document()) {
        let doc = load("prop", &text);
        let plain = dossier::plain::render(&doc);
        prop_assert!(!plain.chars().any(|c| c != '\n' && sanitize::is_unsafe(c)));
    }
}

#[test]
fn a_storm_of_resizes_never_panics() {
    let doc = dossier::library::open(None).unwrap();
    let mut app = App::new(doc, 80, 24);
    app.press("3compute<Enter>");
    for i in 0..400u32 {
        let (w, h) = ((i * 37 % 300) as u16, (i * 11 % 90) as u16);
        app.update(Msg::Action(Action::Resize(w, h)));
        if i % 7 == 0 {
            assert_screen_is_safe(&app);
        }
    }
}
