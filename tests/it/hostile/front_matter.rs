//! Front matter that is broken or hostile: unclosed, not a mapping, fields of odd types,
//! duplicate keys, alias bombs and deep nesting.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use super::{export, lines_of, ok, text, the_warning, titles};
use crate::common::{Export, Scratch};

#[test]
fn front_matter_with_no_closing_line_is_read_as_text() {
    let dir = Scratch::new();
    let path = dir.file(
        "unclosed.md",
        "---\ntitle: Never closed\nauthor: Someone\n\n# Heading\n\nBody text.\n",
    );
    let (doc, _) = export(&path);
    let w = the_warning(&doc, &["never closed", "read as text"]);
    assert_eq!(w.line, Some(1));
    assert!(doc.meta.is_empty());
    // Nothing lost: the would-be fields are text, the heading is a heading on its own line.
    assert!(
        doc.preamble.contains("title: Never closed"),
        "{:?}",
        doc.preamble
    );
    assert!(
        doc.preamble.contains("author: Someone"),
        "{:?}",
        doc.preamble
    );
    assert_eq!(titles(&doc), ["Heading"]);
    assert_eq!(lines_of(&doc), [5]);
    assert_eq!(doc.sections[0].text, "Body text.");
}

#[test]
fn front_matter_that_is_a_list_or_a_scalar_stays_in_the_text() {
    let dir = Scratch::new();
    for (name, yaml, kind) in [
        ("list.md", "- first\n- second\n", "a list"),
        ("scalar.md", "just some words\n", "a single value"),
    ] {
        let path = dir.file(name, format!("---\n{yaml}---\n# Body\n\nStill here.\n"));
        let (doc, _) = export(&path);
        let w = the_warning(&doc, &[kind, "not a map"]);
        assert_eq!((w.line, w.column), (Some(2), Some(1)), "{name}");
        assert!(doc.meta.is_empty());
        assert!(
            doc.preamble.contains(yaml.lines().next().unwrap()),
            "{name}: {:?}",
            doc.preamble
        );
        assert_eq!(titles(&doc), ["Body"]);
        assert_eq!(doc.sections[0].text, "Still here.");
        assert_eq!(lines_of(&doc), [2 + yaml.lines().count() + 1]);
    }
}

/// A list is valid YAML; the warning should say it is not fields, not that it is not YAML.
#[test]
fn a_list_front_matter_is_not_called_invalid_yaml() {
    let dir = Scratch::new();
    let (doc, _) = export(&dir.file("list.md", "---\n- a\n- b\n---\n# Body\n"));
    let w = the_warning(&doc, &["a list"]);
    assert!(!w.message.contains("not valid YAML"), "{:?}", w.message);
}

/// Fields keep the type the file gave them, whatever the field: `year: "soon"` is the string
/// "soon", shown as written; a list title reads as a list. No field's type is an error.
#[test]
fn fields_of_unexpected_types_are_kept_as_written() {
    let dir = Scratch::new();
    let path = dir.file(
        "types.md",
        "---\ntitle: [Part one, Part two]\nyear: \"soon\"\nauthor: {name: Ann, role: editor}\nencrypted: \"yes\"\ndownloaded: 2026-02-30\n---\n# Body\n",
    );
    let (doc, _) = export(&path);
    assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
    assert_eq!(
        serde_json::Value::Object(doc.meta.clone()),
        serde_json::json!({
            "title": ["Part one", "Part two"],
            "year": "soon",
            "author": {"name": "Ann", "role": "editor"},
            "encrypted": "yes",
            "downloaded": "2026-02-30",
        })
    );
    let (plain, err) = ok(&[text(&path)]);
    assert_eq!(err, "");
    assert!(
        plain.starts_with("title: Part one, Part two\nyear: soon\n"),
        "{plain}"
    );
    // The library shows the title and sorts by year without tripping on "soon".
    let lib = dir.0.join("lib");
    std::fs::create_dir(&lib).unwrap();
    std::fs::copy(&path, lib.join("types.md")).unwrap();
    std::fs::write(
        lib.join("other.md"),
        "---\ntitle: Other\nyear: 2024\n---\n# X\n",
    )
    .unwrap();
    let (out, _) = ok(&["sections", text(&lib)]);
    assert!(out.contains("== Part one, Part two ("), "{out}");
}

#[test]
fn duplicate_keys_are_a_warning_and_the_block_stays_as_text() {
    let dir = Scratch::new();
    let path = dir.file(
        "dup.md",
        "---\ntitle: First\nyear: 2024\ntitle: Second\n---\n# Body\n\nText.\n",
    );
    let (doc, _) = export(&path);
    let w = the_warning(&doc, &["duplicate", "title"]);
    assert!(matches!(w.line, Some(2..=4)), "{w:?}");
    assert!(doc.meta.is_empty());
    assert!(doc.preamble.contains("title: First") && doc.preamble.contains("title: Second"));
    assert_eq!(titles(&doc), ["Body"]);
    assert_eq!(lines_of(&doc), [6]);
}

/// Runs `dossier export PATH` in a shell with its address space capped, returning the model
/// and how long it took: a parse that tried to expand a bomb would be killed, not swap.
fn export_bounded(path: &Path, megabytes: usize) -> (Export, Duration) {
    let _alone = crate::common::alone();
    let started = Instant::now();
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "ulimit -v {}; exec \"$0\" export \"$1\"",
            megabytes * 1024
        ))
        .arg(env!("CARGO_BIN_EXE_dossier"))
        .arg(path)
        .output()
        .expect("run dossier under sh");
    let took = started.elapsed();
    assert!(
        out.status.success(),
        "export under a {megabytes} MB cap failed ({:?}): {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    (serde_json::from_slice(&out.stdout).unwrap(), took)
}

/// The classic "billion laughs": nine levels of nine aliases, 9^9 strings if expanded.
fn billion_laughs() -> String {
    let mut yaml = String::from(
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"];
    for pair in names.windows(2) {
        let refs = vec![format!("*{}", pair[0]); 9].join(",");
        yaml.push_str(&format!("{}: &{} [{refs}]\n", pair[1], pair[1]));
    }
    yaml
}

#[test]
fn an_alias_bomb_is_refused_quickly_and_the_body_opens() {
    let dir = Scratch::new();
    let path = dir.file(
        "bomb.md",
        format!("---\n{}---\n# Body\n\nStill here.\n", billion_laughs()),
    );
    let (doc, took) = export_bounded(&path, 512);
    the_warning(&doc, &["front matter"]);
    assert!(doc.meta.is_empty());
    assert_eq!(titles(&doc), ["Body"]);
    assert_eq!(doc.sections[0].text, "Still here.");
    assert!(took < Duration::from_secs(5), "took {took:?}");
}

/// Quadratic, not exponential: one anchored list of n items and a list of n aliases to it
/// expand to n² values. serde_yaml allows it (its limit counts alias uses, not what they
/// expand to), so 20 KB of YAML would take seconds and gigabytes: dossier counts the values
/// it builds and refuses the block.
#[test]
fn a_quadratic_alias_bomb_is_refused_quickly() {
    let n = 4000;
    let yaml = format!(
        "a: &a [{}]\nb: [{}]\n",
        vec!["x"; n].join(","),
        vec!["*a"; n].join(",")
    );
    let dir = Scratch::new();
    let path = dir.file(
        "quadratic.md",
        format!("---\n{yaml}---\n# Body\n\nStill here.\n"),
    );
    let (doc, took) = export_bounded(&path, 512);
    assert_eq!(doc.warnings.len(), 1, "{:?}", doc.warnings);
    assert_eq!(titles(&doc), ["Body"]);
    assert!(took < Duration::from_secs(5), "took {took:?}");
}

#[test]
fn deeply_nested_front_matter_is_refused_and_the_body_opens() {
    let deep = 10_000;
    let dir = Scratch::new();
    for (name, yaml) in [
        (
            "lists.md",
            format!("a: {}{}\n", "[".repeat(deep), "]".repeat(deep)),
        ),
        (
            "maps.md",
            format!("a: {}1{}\n", "{a: ".repeat(deep), "}".repeat(deep)),
        ),
        (
            "keyed.md",
            format!("a: {}1{}\n", "[a: ".repeat(deep), "]".repeat(deep)),
        ),
    ] {
        let path = dir.file(name, format!("---\n{yaml}---\n# Body\n\nStill here.\n"));
        let (doc, took) = export_bounded(&path, 512);
        let w = the_warning(&doc, &["front matter"]);
        assert_eq!(w.line, Some(2), "{name}");
        assert_eq!(titles(&doc), ["Body"], "{name}");
        assert_eq!(doc.sections[0].text, "Still here.");
        assert!(took < Duration::from_secs(5), "{name} took {took:?}");
    }
}
