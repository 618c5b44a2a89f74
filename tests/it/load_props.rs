//! Property tests of `dossier::document::load` on arbitrary and Markdown-shaped input: it never
//! panics, it loses no text, and its work grows linearly with its input.
//!
//! "Loses no text": every Text and Code fragment that pulldown-cmark yields for the body (the
//! text after a closed front matter block, parsed with the options dossier uses) is, once
//! sanitized, inside the preamble, a section's title or a section's text.
//!
//! "Linear": a shape repeated n times and 8n times. The model's size is deterministic, so its
//! growth is held to a firm bound. Time is measured on a shared, noisy machine, so it is held
//! only to a generous bound (a quadratic pass would be 64 times slower, a linear one 8), taken
//! as the best of several interleaved runs, retried before failing, and relative to a bare
//! pulldown-cmark pass over the same text (whatever that parser itself costs is not ours).

use std::time::{Duration, Instant};

use dossier::document::front_matter::{self, Split};
use dossier::document::{Document, load, outline, sanitize};
use proptest::prelude::*;
use pulldown_cmark::{Event, Parser};

/// Pieces of Markdown and of hostile text: structure that nests and repeats (quotes, lists,
/// emphasis, links, code, tables, footnotes, HTML), dates and quotations for the finders,
/// line ends of every kind, and characters that need sanitizing.
const PIECES: &[&str] = &[
    "# ",
    "## ",
    "###### ",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "> ",
    ">",
    "- ",
    "* ",
    "1. ",
    "  ",
    "    ",
    "\t",
    "`",
    "``",
    "```",
    "~~~",
    "---",
    "===",
    "***",
    "_",
    "**",
    "~~",
    "[",
    "]",
    "(",
    ")",
    "[a](http://b.c/2024)",
    "![img](x.png)",
    "<https://d.e/2021>",
    "[^1]",
    "[^1]: ",
    "|",
    "|---|",
    "| a | b |",
    "<div>",
    "</div>",
    "<!--",
    "-->",
    "\\",
    "&amp;",
    "&#0;",
    "\"",
    "“",
    "”",
    "'",
    "’s",
    "— ",
    "-- ",
    "~ ",
    "said: ",
    "wrote ",
    "Jan Leike",
    "Leike",
    "according to ",
    "May 14, 2024",
    "14 May 2024",
    "2024-05-14",
    "November 2023",
    "in 2021",
    "(2021)",
    "February 30, 2024",
    "20%",
    "word ",
    "two words ",
    ". ",
    ", ",
    ": ",
    "é",
    "日本語",
    "👩‍👩‍👧",
    "e\u{301}",
    "\u{1b}[31m",
    "\u{1b}]0;t\u{7}",
    "\u{9b}",
    "\u{202e}",
    "\u{2066}",
    "\u{0}",
    "\u{7f}",
    "\u{85}",
    "\u{a0}",
    "\u{2028}",
    "\u{feff}",
    "[ ] ",
    "[x] ",
];

/// Front matter openings: none, fields, broken YAML, a list, unclosed, a BOM, a small alias
/// bomb, deep nesting.
const FRONT: &[&str] = &[
    "",
    "---\ntitle: \"T\"\nyear: 2024\n---\n",
    "---\r\ntitle: T\r\n...\r\n",
    "---\ntitle: [broken\n---\n",
    "---\n- a\n- b\n---\n",
    "---\ntitle: never closed\n",
    "\u{feff}---\ntitle: B\n---\n",
    "---\na: &a [x, x, x]\nb: [*a, *a, *a]\n---\n",
    "---\na: [[[[[[[[[[[[]]]]]]]]]]]]\n---\n",
    "---\n---\n",
];

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(PIECES).prop_map(str::to_string),
        1 => "[a-zA-Z ]{1,12}",
        1 => any::<char>().prop_map(String::from),
    ]
}

fn markdown() -> impl Strategy<Value = String> {
    (
        prop::sample::select(FRONT),
        prop::collection::vec(piece(), 0..60),
    )
        .prop_map(|(front, pieces)| {
            let mut text = front.to_string();
            text.extend(pieces);
            text
        })
}

/// Pieces of YAML, to repeat inside a front matter block: nesting, anchors and aliases,
/// quoting, keys.
const YAML: &[&str] = &[
    "a: ", "[", "]", "{", "}", ", ", "- ", "  ", "\n", "&a ", "*a", "? ", "x", "\"", "'", "#", "|",
    ">", "!!str ", "...", "--- ",
];

/// A short shape to repeat for the linearity checks, with `{}` where the repeats go: in the
/// body, or inside a front matter block.
fn shape() -> impl Strategy<Value = (String, String)> {
    let body = prop::collection::vec(piece(), 1..12).prop_map(|p| ("{}".to_string(), p.concat()));
    let yaml = prop::collection::vec(prop::sample::select(YAML), 1..8)
        .prop_map(|p| ("---\n{}\n---\n# Body\n".to_string(), p.concat()));
    prop_oneof![3 => body, 1 => yaml]
}

/// `unit` repeated to at least `bytes`, and `times` times that, each put in `frame`.
fn small_and_large(frame: &str, unit: &str, bytes: usize, times: usize) -> (String, String) {
    let small = unit.repeat(bytes.div_ceil(unit.len().max(1)));
    let large = small.repeat(times);
    (frame.replace("{}", &small), frame.replace("{}", &large))
}

/// The body `load` parses: after a BOM and a closed front matter block (parsed or not, the
/// block is not body), else the whole text.
fn body_of(text: &str) -> &str {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    match front_matter::split(text) {
        Split::Block(block) => &text[block.whole.end..],
        Split::None | Split::Unclosed => text,
    }
}

/// Checks that every Text and Code fragment of the body survives into the model.
fn assert_no_text_lost(text: &str, doc: &Document) -> Result<(), TestCaseError> {
    let mut kept: Vec<&str> = vec![&doc.preamble];
    for s in &doc.sections {
        kept.push(&s.title);
        kept.push(&s.text);
    }
    for event in Parser::new_ext(body_of(text), outline::options()) {
        let (Event::Text(fragment) | Event::Code(fragment)) = event else {
            continue;
        };
        let clean = sanitize::clean(&fragment);
        // Headings and code blocks are trimmed at their ends; what is inside must be there.
        let wanted = clean.trim();
        if wanted.is_empty() {
            continue;
        }
        prop_assert!(
            kept.iter().any(|k| k.contains(wanted)),
            "fragment {wanted:?} is in no preamble, title or section text of {:?}",
            doc.sections
        );
    }
    Ok(())
}

/// The model's size in bytes, deterministic: its JSON (meta, warnings, preamble, sections,
/// timeline, quotes) and the reader's blocks and links.
fn model_size(doc: &Document) -> usize {
    let json = serde_json::to_string(doc).map_or(0, |j| j.len());
    let blocks: usize = doc.blocks.iter().map(|b| b.text.len() + 64).sum();
    let links: usize = doc.links.iter().map(String::len).sum();
    json + blocks + links
}

/// The best of `runs` timings of `f`, run alternately with `g`: a burst of load on the
/// machine slows both, and the best run is the least disturbed.
fn best_of(runs: usize, mut f: impl FnMut(), mut g: impl FnMut()) -> (Duration, Duration) {
    let _alone = crate::common::alone();
    let (mut a, mut b) = (Duration::MAX, Duration::MAX);
    for _ in 0..runs {
        let t = Instant::now();
        f();
        a = a.min(t.elapsed());
        let t = Instant::now();
        g();
        b = b.min(t.elapsed());
    }
    (a, b)
}

fn bare_parse(text: &str) -> usize {
    Parser::new_ext(text, outline::options()).count()
}

/// `n` cases, or as many as `PROPTEST_CASES` asks for (for a long run by hand).
fn cases(n: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(n)
}

const SMALL: usize = 8 << 10;
const GROWTH: usize = 8;

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(256), ..ProptestConfig::default() })]

    #[test]
    fn load_never_panics_on_arbitrary_text(text in any::<String>()) {
        let doc = load("arbitrary", &text);
        assert_no_text_lost(&text, &doc)?;
    }

    #[test]
    fn decode_and_load_never_panic_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        if let Ok(text) = dossier::document::decode(&bytes) {
            load("bytes", text);
        }
    }

    #[test]
    fn load_loses_no_text_of_markdown(text in markdown()) {
        let doc = load("markdown", &text);
        assert_no_text_lost(&text, &doc)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(48), ..ProptestConfig::default() })]

    /// The model of 8n copies is at most twice 8 times the model of n copies: anything
    /// quadratic (a copy per nesting level, an entry per pair) would be 64 times.
    #[test]
    fn the_model_grows_linearly((frame, unit) in shape()) {
        let (small, large) = small_and_large(&frame, &unit, SMALL, GROWTH);
        let (a, b) = (model_size(&load("small", &small)), model_size(&load("large", &large)));
        prop_assert!(
            b <= 2 * GROWTH * a + 4096,
            "model of {unit:?} in {frame:?}: {a} bytes for {} of text, {b} for {}",
            small.len(),
            large.len()
        );
    }

    /// Time for 8n copies against n copies, beside the bare parser's ratio, with a generous
    /// margin and three chances before failing.
    #[test]
    fn load_time_grows_linearly((frame, unit) in shape()) {
        let (small, large) = small_and_large(&frame, &unit, SMALL, GROWTH);
        let mut worst = String::new();
        let linear = (0..3).any(|_| {
            let (ours_small, bare_small) = best_of(
                5,
                || drop(std::hint::black_box(load("small", &small))),
                || {
                    std::hint::black_box(bare_parse(&small));
                },
            );
            let (ours_large, bare_large) = best_of(
                3,
                || drop(std::hint::black_box(load("large", &large))),
                || {
                    std::hint::black_box(bare_parse(&large));
                },
            );
            let ours = ours_large.as_secs_f64() / ours_small.as_secs_f64().max(1e-6);
            let bare = bare_large.as_secs_f64() / bare_small.as_secs_f64().max(1e-6);
            worst = format!("load {ours_small:?} -> {ours_large:?} (x{ours:.1}), bare parse {bare_small:?} -> {bare_large:?} (x{bare:.1})");
            ours <= 4.0 * bare.max(GROWTH as f64)
        });
        prop_assert!(linear, "{unit:?} in {frame:?}: {worst}");
    }
}

/// The oracle itself: a model that dropped a section's text is caught.
#[test]
fn the_lost_text_check_notices_a_loss() {
    let text = "# Heading\n\nSome `code` and words.\n";
    let mut doc = load("t", text);
    assert!(assert_no_text_lost(text, &doc).is_ok());
    doc.sections[0].text = "Some and words.".into();
    assert!(assert_no_text_lost(text, &doc).is_err());
}
