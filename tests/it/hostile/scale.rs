//! Body structure at scale (deep nesting, a 1 MB line, work that must grow linearly) and bodies
//! with little or nothing readable in them (impossible dates, only front matter, encrypted).

use std::time::Instant;

use super::{all_text, export, ok, text, the_warning, titles};
use crate::common;
use crate::common::Scratch;

/// 100,000 levels of block quotes, of lists, and of both interleaved: no stack overflow in
/// the parser, the commands or the app, and the innermost text survives.
#[test]
fn a_hundred_thousand_deep_nesting_opens() {
    let deep = 100_000;
    let dir = Scratch::new();
    for (name, opening) in [
        ("quotes.md", "> ".repeat(deep)),
        ("lists.md", "- ".repeat(deep)),
        ("mixed.md", "> - ".repeat(deep / 2)),
        ("ordered.md", "1. ".repeat(deep)),
    ] {
        let body = format!("# Deep\n\n{opening}innermost words\n\nafter the depths\n");
        let path = dir.file(name, &body);
        let (doc, _) = export(&path);
        assert_eq!(titles(&doc), ["Deep"], "{name}");
        let all = all_text(&doc);
        assert!(all.contains("innermost words"), "{name}");
        assert!(all.contains("after the depths"), "{name}");
        ok(&["sections", text(&path)]);
        ok(&["quotes", text(&path)]);
        let (plain, _) = ok(&[text(&path)]);
        assert!(plain.contains("innermost words"), "{name}");

        let doc = dossier::document::load(name, &body);
        let mut app = dossier::app::App::new(doc, 80, 24);
        assert!(common::screen(&app).contains("Deep"), "{name}");
        app.press("<Tab>jjj");
        common::screen(&app);
    }
}

/// A 1 MB paragraph on one line, and a 1 MB heading: whole in the model, drawn without a hang.
#[test]
fn a_one_megabyte_line_opens_whole() {
    let words = "word ".repeat(1 << 18).trim_end().to_string();
    assert!(words.len() > 1 << 20);
    let dir = Scratch::new();
    let body = format!("# Title\n\nstart {words} end\n\n# {words}\n\nnext\n");
    let path = dir.file("line.md", &body);
    let (doc, _) = export(&path);
    assert_eq!(doc.sections.len(), 2);
    assert_eq!(doc.sections[0].text, format!("start {words} end"));
    assert_eq!(doc.sections[1].title, words);
    assert_eq!(doc.sections[1].line, 5);
    assert_eq!(doc.sections[1].text, "next");
    let mut app = dossier::app::App::new(dossier::document::load("line", &body), 100, 30);
    assert!(common::screen(&app).contains("Title"));
    app.press("jG");
    common::screen(&app);
}

/// Loads `make(n)` and `make(8n)` in this process, best of three runs each, and checks that
/// the larger took at most 24 times as long: linear work takes 8 times, quadratic 64. The
/// margin is wide because the machine is shared; `n` is chosen so the small run is not noise.
fn assert_linear_load(make: impl Fn(usize) -> String, n: usize) {
    let _alone = crate::common::alone();
    let time = |text: &str| {
        (0..3)
            .map(|_| {
                let started = Instant::now();
                // On one thread: a big text would otherwise use two, and the comparison
                // would be of one thread against two.
                std::hint::black_box(dossier::document::load_on_this_thread("timed", text));
                started.elapsed()
            })
            .min()
            .unwrap_or_default()
    };
    let (small, large) = (make(n), make(8 * n));
    let (a, b) = (time(&small), time(&large));
    let ratio = b.as_secs_f64() / a.as_secs_f64().max(1e-4);
    assert!(
        ratio <= 24.0,
        "{} bytes took {a:?}, {} bytes {b:?}: x{ratio:.0} for 8 times the text",
        small.len(),
        large.len()
    );
}

/// One long paragraph of many short, dated, attributed sentences: the finders' work per
/// sentence must not grow with the paragraph.
#[test]
fn a_long_paragraph_of_dated_statements_takes_linear_time() {
    assert_linear_load(
        |n| {
            let mut text = String::from("# T\n\n");
            for i in 0..n {
                text.push_str(&format!(
                    "On May {}, 2024 Jan Leike wrote a note. ",
                    1 + i % 28
                ));
            }
            text
        },
        1000,
    );
}

/// Each quote names a different speaker ("Leike0 said: …", "Leike1 said: …"): finding the
/// full names of many distinct surnames must not cost their number times the text.
#[test]
fn many_distinct_speakers_take_linear_time() {
    assert_linear_load(
        |n| {
            let mut text = String::from("# T\n\n");
            for i in 0..n {
                text.push_str(&format!(
                    "Leike{i} said: \"one two three four five six seven.\" "
                ));
            }
            text
        },
        1000,
    );
}

/// One long paragraph of people with nicknames, each quoted by the nickname alone (`Bo{i}
/// said`): the nicknames are found in one pass over the text, not one pass a name.
#[test]
fn many_nicknames_on_one_line_take_linear_time() {
    assert_linear_load(
        |n| {
            // Names of letters only (`Bab`, `Banduccibab`), as names are written.
            let letters = |mut i: usize| {
                let mut s = String::new();
                loop {
                    s.push(char::from(b'a' + (i % 26) as u8));
                    i /= 26;
                    if i == 0 {
                        return s;
                    }
                }
            };
            let mut text = String::from("# T\n\n");
            for i in 0..n {
                let l = letters(i);
                text.push_str(&format!(
                    "Bonita \"Bo{l}\" Banducci{l} joined. Bo{l} said: \"one two three four five \
                     six seven.\" "
                ));
            }
            let doc = dossier::document::load("nicknames", &text);
            assert_eq!(
                doc.quotes[0].speaker.as_deref(),
                Some("Bonita Banduccia"),
                "the nickname is found, so the test times finding it"
            );
            text
        },
        500,
    );
}

/// One long paragraph of people named and quotations attributed by a pronoun (`"…," he
/// said`): looking for whom each pronoun stands for must not read the whole paragraph again.
#[test]
fn a_long_paragraph_of_pronoun_quotes_takes_linear_time() {
    assert_linear_load(
        |n| {
            let mut text = String::from("# T\n\n");
            for i in 0..n {
                text.push_str(&format!(
                    "Alan Smith{i} went to the market and spoke to Peter Brown about it. \
                     \"I would like to say something long enough to count here,\" he said. "
                ));
            }
            text
        },
        300,
    );
}

/// Many sections that are each someone's statement, each with an inline quote.
#[test]
fn many_statement_sections_take_linear_time() {
    assert_linear_load(
        |n| {
            (0..n)
                .map(|i| {
                    format!(
                        "## Statement by Person{i} Name{i}\n\n\"this is a quoted statement of six words\" said Person{i}.\n\n"
                    )
                })
                .collect()
        },
        500,
    );
}

/// A 1 MB line of short quotations: finding each quote's lead-in must not look at every quote
/// before it in the paragraph, or the work would grow with the square of their number. The
/// line holds all of them, and takes time in proportion to its length (a quarter of it
/// against all of it: a wall-clock limit would measure the machine's load, not the code).
#[test]
fn a_one_megabyte_line_of_quotations_opens_in_seconds() {
    let line = |n: usize| format!("# Quotes\n\n{}\n", "\"a b c d e f\" ".repeat(n));
    let doc = dossier::document::load("quotes", &line(75_000));
    assert_eq!(doc.quotes.len(), 75_000);
    assert!(line(75_000).len() > 1 << 20);
    assert_linear_load(line, 75_000 / 8);
}

#[test]
fn impossible_dates_are_not_events() {
    let dir = Scratch::new();
    let path = dir.file(
        "dates.md",
        "# Dates\n\nOn February 30, 2024 nothing happened.\n\nNor on 2024-02-30, April 31, 2024 or 31 June 2024.\n\nNot on February 29, 2023 either.\n\nBut on February 29, 2024 it did.\n\n## February 30, 2024\n\nA heading that is no date.\n\n## 2023-13-01\n\nNo thirteenth month.\n",
    );
    let (doc, _) = export(&path);
    let dates: Vec<(&str, usize)> = doc
        .timeline
        .iter()
        .map(|e| (e.date.as_str(), e.line))
        .collect();
    assert_eq!(dates, [("2024-02-29", 9)]);
    // The text is all still there.
    let all = all_text(&doc);
    assert!(all.contains("February 30, 2024 nothing") && all.contains("2023-13-01"));
}

#[test]
fn a_document_that_is_only_front_matter_shows_its_fields() {
    let dir = Scratch::new();
    let path = dir.file("only.md", "---\ntitle: Only Fields\nyear: 2024\n---\n");
    let (doc, _) = export(&path);
    assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
    assert_eq!(doc.meta["title"], "Only Fields");
    assert!(doc.sections.is_empty() && doc.preamble.is_empty());
    let (plain, err) = ok(&[text(&path)]);
    assert_eq!(err, "");
    assert_eq!(plain, "title: Only Fields\nyear: 2024\n\n");
    assert_eq!(ok(&["sections", text(&path)]).0, "");
    let app = dossier::app::App::new(
        dossier::document::load("only", "---\ntitle: Only Fields\n---\n"),
        80,
        24,
    );
    assert!(common::screen(&app).contains("Only Fields"));
}

#[test]
fn an_encrypted_dossier_says_so_and_shows_its_metadata() {
    let dir = Scratch::new();
    let cipher = "U2FsdGVkX1+vupppZksvRf5pq5g5XjFRlipRkwB0K1Y96Qsv2Lm+31cmzaAILwyt\nQmFzZTY0IGNpcGhlcnRleHQgZ29lcyBoZXJlIGFuZCBvbiBhbmQgb24=\n";
    let path = dir.file(
        "sealed.md",
        format!("---\ntitle: Sealed Notes\nauthor: A. Source\nencrypted: true\n---\n{cipher}"),
    );
    let (doc, err) = export(&path);
    assert_eq!(err, "");
    the_warning(&doc, &["encrypted"]);
    assert_eq!(doc.meta["title"], "Sealed Notes");
    assert_eq!(doc.meta["encrypted"], true);
    assert!(
        doc.preamble.starts_with("U2FsdGVkX1"),
        "the body is kept as it is"
    );
    assert!(doc.timeline.is_empty() && doc.quotes.is_empty());
    let (plain, err) = ok(&[text(&path)]);
    assert!(plain.starts_with("title: Sealed Notes\nauthor: A. Source\nencrypted: true\n"));
    assert_eq!(
        err,
        format!(
            "dossier: {}: warning: the document is marked encrypted: its body is not readable text\n",
            text(&path)
        )
    );
}

const SEALED: &str = "---\ntitle: Sealed Notes\nauthor: A. Source\nencrypted: true\n---\nU2FsdGVkX1+vupppZksvRf5pq5g5XjFRlipRkwB0K1Y96Qsv2Lm+31cmzaAILwyt\n";

/// In the app, the front matter popup (`i`) lists the warning under the fields.
#[test]
fn the_apps_front_matter_popup_says_a_dossier_is_encrypted() {
    let doc = dossier::document::load("sealed.md", SEALED);
    let mut app = dossier::app::App::new(doc, 100, 30);
    let screen = common::screen(&app);
    assert!(screen.contains("Sealed Notes — A. Source"), "{screen}");
    app.press("i");
    let screen = common::screen(&app);
    assert!(screen.contains("marked encrypted"), "{screen}");
}

/// The first screen says what the body is before the reader shows ciphertext as prose.
#[test]
fn the_apps_first_screen_says_a_dossier_is_encrypted() {
    let doc = dossier::document::load("sealed.md", SEALED);
    let app = dossier::app::App::new(doc, 100, 30);
    let screen = common::screen(&app);
    assert!(
        screen.contains("⚠ the document is marked encrypted"),
        "{screen}"
    );
}
