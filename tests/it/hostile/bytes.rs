//! Bytes that are not a text dossier: empty, binary, invalid UTF-8, a byte-order mark, odd line
//! ends, and 50 MB of it.

use std::time::{Duration, Instant};

use super::{all_text, export, lines_of, ok, refused, text, the_warning, titles};
use crate::common::Scratch;

#[test]
fn an_empty_file_opens_empty_with_a_warning() {
    let dir = Scratch::new();
    for (name, bytes) in [("empty.md", ""), ("blank.md", "\n  \n\t\n")] {
        let path = dir.file(name, bytes);
        let (doc, _) = export(&path);
        the_warning(&doc, &["the document is empty"]);
        assert!(doc.meta.is_empty() && doc.sections.is_empty() && doc.quotes.is_empty());
        let (out, err) = ok(&["sections", text(&path)]);
        assert_eq!(out, "");
        assert_eq!(
            err,
            format!("dossier: {}: warning: the document is empty\n", text(&path))
        );
    }
}

#[test]
fn a_binary_file_is_named_binary() {
    let dir = Scratch::new();
    let png = dir.file(
        "picture.md",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0\x1f\xf3\xffa",
    );
    let expected = format!(
        "dossier: {}: is a binary file, not a Markdown dossier",
        text(&png)
    );
    assert_eq!(refused(&["export", text(&png)]), expected);
    assert_eq!(refused(&[text(&png)]), expected);
    // Not UTF-8 and with NUL bytes past the first 8 KB: still binary, not "invalid UTF-8".
    let mut late = "# Looks like text\n".repeat(600).into_bytes();
    late.extend_from_slice(b"\0\0\xff\xfe\0");
    let late = dir.file("late.md", late);
    assert!(
        refused(&["export", text(&late)]).ends_with("is a binary file, not a Markdown dossier")
    );
    // UTF-16 is text, but not the UTF-8 dossier reads: refused in one line.
    let utf16: Vec<u8> = "\u{feff}# Title\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let utf16 = dir.file("utf16.md", utf16);
    assert!(
        refused(&["export", text(&utf16)]).starts_with(&format!("dossier: {}: ", text(&utf16)))
    );
}

#[test]
fn invalid_utf8_says_where() {
    let dir = Scratch::new();
    let path = dir.file("latin1.md", b"# Title\n\nCaf\xe9 au lait.\n");
    assert_eq!(
        refused(&["export", text(&path)]),
        format!(
            "dossier: {}: is not valid UTF-8 (line 3, byte 12)",
            text(&path)
        )
    );
    // A truncated multi-byte character at the very end.
    let path = dir.file("cut.md", b"# Title\n\xe2\x80");
    assert!(refused(&["sections", text(&path)]).ends_with("is not valid UTF-8 (line 2, byte 8)"));
    // CRLF lines count once each.
    let path = dir.file("crlf.md", b"# A\r\n\r\n\xff\r\n");
    assert!(refused(&["sections", text(&path)]).ends_with("(line 3, byte 7)"));
}

/// A lone CR ends a line for the decoder's "line" too, as it does for line numbers everywhere.
#[test]
fn invalid_utf8_in_a_cr_only_file_says_the_right_line() {
    let dir = Scratch::new();
    let path = dir.file("cr.md", b"# A\r\rtext\r\xff\r");
    assert!(refused(&["sections", text(&path)]).ends_with("(line 4, byte 10)"));
}

#[test]
fn a_utf8_bom_is_not_text() {
    let dir = Scratch::new();
    let path = dir.file(
        "bom.md",
        "\u{feff}---\ntitle: With BOM\n---\n# First\n\nText.\n",
    );
    let (doc, err) = export(&path);
    assert_eq!(err, "");
    assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
    assert_eq!(doc.meta["title"], "With BOM");
    assert_eq!(titles(&doc), ["First"]);
    assert_eq!(lines_of(&doc), [4]);
    // Without front matter, the BOM does not stick to the first heading.
    let path = dir.file("bom-heading.md", "\u{feff}# Heading\nText.\n");
    let (doc, _) = export(&path);
    assert_eq!(titles(&doc), ["Heading"]);
    assert_eq!(lines_of(&doc), [1]);
    assert!(!all_text(&doc).contains('\u{feff}'));
}

/// CRLF and old-Mac lone CR line ends: the same model, line for line, with no CR in any text.
#[test]
fn crlf_and_lone_cr_line_ends_number_lines_right() {
    let dir = Scratch::new();
    let lf = "---\ntitle: Ends\n---\n# One\n\nOn May 14, 2024 it began.\n\n> A quotation that is quite long enough.\n> -- Jan Leike\n\n## Two\n\nMore text\nover two lines.\n";
    let (want, _) = export(&dir.file("lf.md", lf));
    assert_eq!(lines_of(&want), [4, 11]);
    assert_eq!(want.timeline[0].line, 6);
    assert_eq!(want.quotes[0].line, 8);
    for (name, end) in [("crlf.md", "\r\n"), ("cr.md", "\r")] {
        let (doc, _) = export(&dir.file(name, lf.replace('\n', end)));
        assert_eq!(doc.meta, want.meta, "{name}");
        assert_eq!(doc.sections, want.sections, "{name}");
        assert_eq!(doc.timeline, want.timeline, "{name}");
        assert_eq!(doc.quotes, want.quotes, "{name}");
        assert!(!all_text(&doc).contains('\r'), "{name}");
    }
    // Mixed in one file.
    let mixed = "# A\r\n\r# B\n\r\n# C\r";
    let (doc, _) = export(&dir.file("mixed.md", mixed));
    assert_eq!(lines_of(&doc), [1, 3, 5]);
}

/// A 50 MB dossier (the seed's body over and over) opens, whole, in seconds.
#[test]
fn a_50_mb_dossier_opens_whole() {
    let seed = dossier::library::EMBEDDED;
    let body_start = match dossier::document::front_matter::split(seed) {
        dossier::document::front_matter::Split::Block(b) => b.whole.end,
        other => panic!("the seed has front matter: {other:?}"),
    };
    let body = &seed[body_start..];
    let copies = (50 << 20) / body.len();
    let mut big = String::with_capacity(seed.len() + copies * body.len());
    big.push_str(seed);
    for _ in 0..copies {
        big.push_str(body);
    }
    assert!(big.len() >= 50 << 20);
    let dir = Scratch::new();
    let path = dir.file("big.md", &big);
    drop(big);

    let alone = crate::common::alone();
    let started = Instant::now();
    let (out, err) = ok(&["sections", text(&path)]);
    let took = started.elapsed();
    drop(alone);
    assert_eq!(err, "");
    let seed_doc = dossier::library::open(None).unwrap();
    let per_copy = seed_doc.sections.len();
    let rows: Vec<&str> = out.lines().collect();
    assert_eq!(rows.len(), per_copy * (copies + 1));
    // The last copy's headings sit where the line count says.
    let seed_lines = seed.lines().count();
    let body_lines = body.lines().count();
    let front_lines = seed_lines - body_lines;
    let last = &seed_doc.sections[per_copy - 1];
    let want_line = seed_lines + (copies - 1) * body_lines + (last.line - front_lines);
    let last_row = rows.last().unwrap();
    assert_eq!(
        last_row.split_whitespace().next(),
        Some(want_line.to_string().as_str()),
        "{last_row}"
    );
    assert!(last_row.ends_with(last.title.as_str()));
    assert!(took < Duration::from_secs(120), "took {took:?}");
}
