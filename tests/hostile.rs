//! Hostile and broken files, through the real binary: each gets one clear result — a line on
//! stderr naming the file and the problem with exit 1, or a document that opens with a
//! warning and loses nothing — and nothing a file holds reaches the terminal as a command.
//!
//! Big inputs (50 MB, a 1 MB line, 10,000 headings, 100,000-deep nesting) are generated here,
//! not committed. Time bounds are generous ("finishes at all, in seconds"), never tight.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant, SystemTime};

use common::{Export, Scratch, bin};

fn text(path: &Path) -> &str {
    path.to_str().expect("test paths are UTF-8")
}

fn dossier(args: &[&str]) -> Output {
    common::run(args)
}

/// Runs `args`, which must fail: exit 1, nothing on stdout, exactly one line on stderr.
/// Returns that line.
fn refused(args: &[&str]) -> String {
    refused_output(dossier(args), args)
}

fn refused_output(out: Output, args: &[&str]) -> String {
    let stderr = String::from_utf8(out.stderr).expect("stderr is UTF-8");
    assert_eq!(
        out.status.code(),
        Some(1),
        "{args:?}: exit code; stderr: {stderr}"
    );
    assert!(out.stdout.is_empty(), "{args:?}: printed to stdout");
    assert_eq!(stderr.lines().count(), 1, "{args:?}: one line: {stderr:?}");
    stderr.trim_end().to_string()
}

/// `dossier export PATH`, which must succeed; the model and what went to stderr.
fn export(path: &Path) -> (Export, String) {
    let out = dossier(&["export", text(path)]);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "export {path:?} failed: {stderr}");
    let doc = serde_json::from_slice(&out.stdout).expect("export prints the JSON contract");
    (doc, stderr)
}

/// `dossier ARGS`, which must succeed; stdout and stderr as text.
fn ok(args: &[&str]) -> (String, String) {
    let out = dossier(args);
    let stderr = String::from_utf8(out.stderr).expect("stderr is UTF-8");
    assert!(out.status.success(), "{args:?} failed: {stderr}");
    (
        String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr,
    )
}

fn titles(doc: &Export) -> Vec<&str> {
    doc.sections.iter().map(|s| s.title.as_str()).collect()
}

fn lines_of(doc: &Export) -> Vec<usize> {
    doc.sections.iter().map(|s| s.line).collect()
}

/// Every text of the model, to look for what survived.
fn all_text(doc: &Export) -> String {
    let mut all = doc.preamble.clone();
    for s in &doc.sections {
        all.push('\n');
        all.push_str(&s.title);
        all.push('\n');
        all.push_str(&s.text);
    }
    all
}

/// The one warning, which must contain every one of `parts`.
fn the_warning<'a>(doc: &'a Export, parts: &[&str]) -> &'a common::Warning {
    assert_eq!(doc.warnings.len(), 1, "one warning: {:?}", doc.warnings);
    let w = &doc.warnings[0];
    for part in parts {
        assert!(w.message.contains(part), "{part:?} not in {:?}", w.message);
    }
    w
}

// ---------------------------------------------------------------------------------------------
// Paths that are not a readable dossier file.

#[test]
fn a_missing_path_is_one_line_naming_it() {
    let dir = Scratch::new();
    let path = dir.0.join("no-such-dossier.md");
    let expected = format!("dossier: {}: no such file or directory", text(&path));
    for command in [
        &["export"][..],
        &["sections"],
        &["timeline"],
        &["quotes"],
        &[],
    ] {
        let mut args = command.to_vec();
        args.push(text(&path));
        assert_eq!(refused(&args), expected, "{args:?}");
    }
    // A file where the path needs a folder.
    let file = dir.file("notes.md", "# Notes\n");
    let below = file.join("inside.md");
    assert_eq!(
        refused(&["export", text(&below)]),
        format!(
            "dossier: {}: part of the path is a file, not a folder",
            text(&below)
        )
    );
}

/// A folder is a library now (`dossier DIR`), so a directory where a file was expected opens
/// as one: an empty folder, even one named like a file, is one clear error; a folder named
/// like a file that holds dossiers opens them. The library API still refuses a directory
/// where it wants a file (an app reopening a document that became a folder).
#[test]
fn a_directory_opens_as_a_library_or_says_it_holds_no_dossier() {
    let dir = Scratch::new();
    let empty = dir.0.join("empty");
    std::fs::create_dir(&empty).unwrap();
    let expected = format!(
        "dossier: {}: no dossiers here (.md, .markdown, or .txt with front matter)",
        text(&empty)
    );
    assert_eq!(refused(&["export", text(&empty)]), expected);
    assert_eq!(refused(&["sections", text(&empty)]), expected);
    let slash = format!("{}/", text(&empty));
    assert!(
        refused(&["export", &slash])
            .ends_with("no dossiers here (.md, .markdown, or .txt with front matter)")
    );

    let named_like_a_file = dir.0.join("report.md");
    std::fs::create_dir(&named_like_a_file).unwrap();
    assert!(refused(&["export", text(&named_like_a_file)]).contains("no dossiers here"));
    std::fs::write(named_like_a_file.join("a.md"), "# Inside\n").unwrap();
    let (out, err) = ok(&["export", text(&named_like_a_file)]);
    assert_eq!(err, "");
    let docs: Vec<Export> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect();
    assert_eq!(docs.len(), 1);
    assert_eq!(titles(&docs[0]), ["Inside"]);

    let err = dossier::library::open_file(&empty).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!("{}: is a directory, not a dossier file", text(&empty))
    );
}

/// Devices are refused unread: `/dev/zero` never ends, `/dev/tty` would wait for typing.
/// A file over the size limit is refused before it is read (a sparse file: no disk used).
#[cfg(unix)]
#[test]
fn devices_and_oversized_files_are_refused_unread() {
    assert_eq!(
        refused(&["export", "/dev/zero"]),
        "dossier: /dev/zero: is a device, not a dossier file"
    );
    let dir = Scratch::new();
    let huge = dir.0.join("huge.md");
    let file = std::fs::File::create(&huge).unwrap();
    file.set_len(dossier::library::MAX_BYTES + 1).unwrap();
    drop(file);
    assert_eq!(
        refused(&["export", text(&huge)]),
        format!(
            "dossier: {}: is larger than 256 MiB, too large to open",
            text(&huge)
        )
    );
}

/// Whether this process is root, which reads any file whatever its mode: a new file's owner
/// is the creating process's user.
#[cfg(unix)]
fn running_as_root(dir: &Scratch) -> bool {
    use std::os::unix::fs::MetadataExt;
    let probe = dir.file("whoami", "");
    std::fs::metadata(probe).unwrap().uid() == 0
}

/// `dossier ARGS` as an unprivileged user when this test runs as root (as CI does): root
/// reads a mode-000 file, so only another user can show the refusal honestly.
#[cfg(unix)]
fn unprivileged(args: &[&str], as_root: bool) -> std::io::Result<Output> {
    use std::os::unix::process::CommandExt;
    let mut cmd: Command = bin();
    cmd.args(args);
    if as_root {
        cmd.uid(65534).gid(65534); // nobody
    }
    cmd.output()
}

#[cfg(unix)]
#[test]
fn permission_denied_names_the_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = Scratch::new();
    let as_root = running_as_root(&dir);
    std::fs::set_permissions(&dir.0, std::fs::Permissions::from_mode(0o755)).unwrap();
    let readable = dir.file("readable.md", "# Readable\n");
    std::fs::set_permissions(&readable, std::fs::Permissions::from_mode(0o644)).unwrap();
    // The unprivileged user must be able to run dossier and read a readable file here;
    // where it can't (a checkout under a private home), the refusal can't be shown honestly.
    match unprivileged(&["sections", text(&readable)], as_root) {
        Ok(out) if out.status.success() => {}
        other => {
            eprintln!(
                "SKIPPED permission_denied_names_the_file: running as root, and user nobody \
                 cannot run dossier on a readable file here ({other:?})"
            );
            return;
        }
    }
    let locked = dir.file("locked.md", "# Secret\n");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let out = unprivileged(&["export", text(&locked)], as_root).unwrap();
    assert_eq!(
        refused_output(out, &["export"]),
        format!("dossier: {}: permission denied", text(&locked))
    );

    // In a library, an unreadable folder is reported and the rest still opens.
    let library = dir.0.join("library");
    std::fs::create_dir(&library).unwrap();
    std::fs::set_permissions(&library, std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::write(library.join("open.md"), "# Open\n").unwrap();
    std::fs::set_permissions(
        library.join("open.md"),
        std::fs::Permissions::from_mode(0o644),
    )
    .unwrap();
    let closed = library.join("closed");
    std::fs::create_dir(&closed).unwrap();
    std::fs::write(closed.join("hidden.md"), "# Hidden\n").unwrap();
    std::fs::set_permissions(&closed, std::fs::Permissions::from_mode(0o000)).unwrap();
    let out = unprivileged(&["sections", text(&library)], as_root).unwrap();
    std::fs::set_permissions(&closed, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(out.status.code(), Some(1), "a problem makes the run fail");
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("# Open"), "{stdout}");
    assert!(!stdout.contains("Hidden"), "{stdout}");
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        format!("dossier: {}: permission denied\n", text(&closed))
    );
}

// ---------------------------------------------------------------------------------------------
// Bytes that are not a text dossier.

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

    let started = Instant::now();
    let (out, err) = ok(&["sections", text(&path)]);
    let took = started.elapsed();
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

// ---------------------------------------------------------------------------------------------
// Front matter.

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

// ---------------------------------------------------------------------------------------------
// Headings.

#[test]
fn ten_thousand_headings_keep_their_levels_lines_and_parents() {
    let n = 10_000;
    let mut text = String::new();
    for i in 0..n {
        let level = 1 + i % 6;
        text.push_str(&format!(
            "{} Heading {i}\n\nText {i}.\n\n",
            "#".repeat(level)
        ));
    }
    let dir = Scratch::new();
    let (doc, _) = export(&dir.file("many.md", text));
    assert_eq!(doc.sections.len(), n);
    for (i, s) in doc.sections.iter().enumerate() {
        assert_eq!(s.level as usize, 1 + i % 6);
        assert_eq!(s.line, 4 * i + 1);
        assert_eq!(s.title, format!("Heading {i}"));
        assert_eq!(s.text, format!("Text {i}."));
        let parent = (i % 6 != 0).then(|| i - 1);
        assert_eq!(s.parent, parent, "heading {i}");
    }
}

#[test]
fn a_skipped_heading_level_nests_under_the_nearest_shallower_heading() {
    let dir = Scratch::new();
    let path = dir.file("skip.md", "# Top\n\n#### Deep\n\nText.\n\n## Middle\n");
    let (doc, _) = export(&path);
    let got: Vec<(u8, Option<usize>)> = doc.sections.iter().map(|s| (s.level, s.parent)).collect();
    assert_eq!(got, [(1, None), (4, Some(0)), (2, Some(0))]);
    assert_eq!(doc.sections[1].text, "Text.");
    let (out, _) = ok(&["sections", text(&path)]);
    assert_eq!(
        out,
        "     1  # Top\n     3        #### Deep\n     7    ## Middle\n"
    );
}

#[test]
fn empty_and_duplicate_headings_are_all_kept() {
    let dir = Scratch::new();
    let path = dir.file(
        "names.md",
        "# Same\n\nfirst\n\n#\n\nunder empty\n\n# Same\n\nsecond\n\n## ##\n\nclosed empty\n",
    );
    let (doc, _) = export(&path);
    assert_eq!(titles(&doc), ["Same", "", "Same", ""]);
    assert_eq!(lines_of(&doc), [1, 5, 9, 13]);
    let texts: Vec<&str> = doc.sections.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(texts, ["first", "under empty", "second", "closed empty"]);
    let (out, _) = ok(&["sections", text(&path)]);
    assert_eq!(out.lines().count(), 4);
}

// ---------------------------------------------------------------------------------------------
// Body structure at scale.

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
/// before it in the paragraph, or the work would grow with the square of their number.
#[test]
fn a_one_megabyte_line_of_quotations_opens_in_seconds() {
    let line = "\"a b c d e f\" ".repeat(75_000);
    let text = format!("# Quotes\n\n{line}\n");
    let started = Instant::now();
    let doc = dossier::document::load("quotes", &text);
    let took = started.elapsed();
    assert_eq!(doc.quotes.len(), 75_000);
    assert!(took < Duration::from_secs(5), "took {took:?}");
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

// ---------------------------------------------------------------------------------------------
// What dossier does to files and to the terminal.

/// Every command, on good and bad files and on a folder of them, leaves every byte, the
/// modification time and the folder's listing as they were.
#[test]
fn dossier_never_writes_to_what_it_opens() {
    let dir = Scratch::new();
    let files = [
        dir.file(
            "good.md",
            "---\ntitle: Good\n---\n# A\n\n> Quoted words that go on for a while.\n> -- Someone\n",
        ),
        dir.file("bad-yaml.md", "---\ntitle: [unclosed\n---\n# B\n"),
        dir.file("unclosed.md", "---\ntitle: x\n# C\n"),
        dir.file("crlf.md", "# D\r\n\r\nOn May 1, 2024 it rained.\r\n"),
        dir.file("latin1.md", b"# E\n\xe9\n".as_slice()),
        dir.file("notes.txt", "---\ntitle: Txt\n---\n# F\n"),
    ];
    let snapshot = || -> Vec<(PathBuf, Vec<u8>, SystemTime)> {
        let mut all: Vec<_> = std::fs::read_dir(&dir.0)
            .unwrap()
            .map(|e| {
                let p = e.unwrap().path();
                let m = std::fs::metadata(&p).unwrap().modified().unwrap();
                (p.clone(), std::fs::read(&p).unwrap(), m)
            })
            .collect();
        all.sort_by(|a, b| a.0.cmp(&b.0));
        all
    };
    let before = snapshot();
    let folder = text(&dir.0).to_string();
    let mut targets: Vec<String> = files.iter().map(|p| text(p).to_string()).collect();
    targets.push(folder);
    for target in &targets {
        for command in [
            &["export"][..],
            &["sections"],
            &["timeline", "--json"],
            &["quotes", "--query", "words"],
            &[],
        ] {
            let mut args = command.to_vec();
            args.push(target);
            dossier(&args);
        }
    }
    assert_eq!(snapshot(), before);
}

/// A body with no control character in its bytes gets them from character references: the
/// parser decodes `&#27;` to ESC. They are made visible like the raw ones.
#[test]
fn a_control_made_by_a_character_reference_never_reaches_the_terminal_raw() {
    let dir = Scratch::new();
    let doc = "# Head &#27;]0;pwned&#7; ing\n\nOn May 14, 2024 the &#x1b;[31m board met \
               &#x202E; here, with `code &#27; kept` and &Tab;a tab.\n";
    let path = dir.file("refs.md", doc);
    let path = text(&path);
    let (sections, _) = ok(&["sections", path]);
    assert_inert("sections", sections.as_bytes());
    assert!(sections.contains("# Head ␛]0;pwned␇ ing"), "{sections}");
    let (timeline, _) = ok(&["timeline", path]);
    assert_inert("timeline", timeline.as_bytes());
    assert!(
        timeline.contains("the ␛[31m board met \\u{202e} here"),
        "{timeline}"
    );
    let (export, _) = ok(&["export", path]);
    assert!(
        export.contains("code &#27; kept"),
        "code keeps the reference as text: {export}"
    );
    assert!(
        export.contains("    a tab"),
        "a tab becomes spaces: {export}"
    );
}

/// Text that would drive a terminal: OSC title and clipboard (52) sequences, CSI colours and
/// screen clears, an 8-bit CSI and a bidirectional override, in a heading, the front matter,
/// a quote, a dated sentence and the file's own name.
const EVIL: &str = "---\ntitle: \"Evil \\e]0;pwned\\a title\"\nauthor: \"\\e[2J x \\u009b1m y \\u202e z\"\n---\n# Head \u{1b}]52;c;aGk=\u{7} ing\n\nOn May 14, 2024 the \u{1b}[31m board met.\n\n> A quotation with \u{1b}]0;x\u{7} escape and enough words \u{9b}2J here.\n> -- Jan Leike\n\nShe said: \"this is a quoted statement with a \u{1b}[5m blink in it\".\n";

fn assert_inert(what: &str, output: &[u8]) {
    let text = String::from_utf8_lossy(output);
    let bad: Vec<char> = text
        .chars()
        .filter(|&c| c != '\n' && dossier::document::sanitize::is_unsafe(c))
        .collect();
    assert!(
        bad.is_empty(),
        "{what}: raw control characters {bad:?} in:\n{text}"
    );
}

#[test]
fn an_escape_in_a_document_never_reaches_the_terminal_raw() {
    let dir = Scratch::new();
    let path = dir.file("evil\u{1b}]0;name\u{7}.md", EVIL);
    let path = text(&path);
    for args in [
        &["sections", path][..],
        &["timeline", path],
        &["quotes", path],
        &["quotes", path, "--query", "quotation"],
        &[path],
    ] {
        let (out, err) = ok(args);
        assert_inert(&format!("{args:?} stdout"), out.as_bytes());
        assert_inert(&format!("{args:?} stderr"), err.as_bytes());
        assert!(
            out.contains('␛'),
            "{args:?}: the escape is shown, not dropped:\n{out}"
        );
    }
    let (sections, _) = ok(&["sections", path]);
    assert!(sections.contains("# Head ␛]52;c;aGk=␇ ing"), "{sections}");
    let (timeline, _) = ok(&["timeline", path]);
    assert!(
        timeline.contains("On May 14, 2024 the ␛[31m board met."),
        "{timeline}"
    );
    let (quotes, _) = ok(&["quotes", path]);
    assert!(
        quotes.contains("with ␛]0;x␇ escape and enough words \\u{9b}2J here"),
        "{quotes}"
    );
    let (plain, _) = ok(&[path]);
    assert!(plain.contains("title: Evil ␛]0;pwned␇ title"), "{plain}");
    assert!(
        plain.contains("author: ␛[2J x \\u{9b}1m y \\u{202e} z"),
        "{plain}"
    );

    // JSON holds the same visible placeholders; a JSON decoder gets no control character.
    for args in [
        &["export", path][..],
        &["sections", path, "--json"],
        &["timeline", path, "--json"],
        &["quotes", path, "--json"],
    ] {
        let (out, _) = ok(args);
        assert_inert(&format!("{args:?}"), out.as_bytes());
        let value: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_inert(&format!("{args:?} decoded"), value.to_string().as_bytes());
    }
    let (doc, _) = export(Path::new(path));
    assert_eq!(doc.meta["title"], "Evil ␛]0;pwned␇ title");
    assert!(
        doc.source.ends_with("evil\\033]0;name\\007.md\""),
        "{}",
        doc.source
    );
    assert_eq!(doc.sections[0].title, "Head ␛]52;c;aGk=␇ ing");

    // A missing file with an escape in its name: the error line is inert too.
    let missing = dir.0.join("gone\u{1b}[2J\u{9b}.md");
    let line = refused(&["export", text(&missing)]);
    assert_inert("error line", line.as_bytes());
    assert!(
        line.ends_with("gone\\033[2J\\302\\233.md\": no such file or directory"),
        "{line}"
    );
}

// ---------------------------------------------------------------------------------------------
// Hostile file names: a name is shown so that it is one line and unmistakable, and a file is
// always opened by the path the OS gave, never by the name shown.

/// A binary file named with a newline and a forged message, in a folder and on the command
/// line, and a missing path with one: each is one line on stderr, the name quoted with the
/// newline written `\n`, as git writes such a name.
#[test]
fn a_newline_in_a_file_name_never_forges_a_line() {
    let dir = Scratch::new();
    let forged = "x\ndossier: every document verified.md";
    let lib = dir.0.join("lib");
    std::fs::create_dir(&lib).unwrap();
    std::fs::write(lib.join("good.md"), "# Good\n").unwrap();
    std::fs::write(lib.join(forged), b"\x00\x01binary\x00").unwrap();
    let out = dossier(&["export", text(&lib)]);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr:?}");
    assert!(
        stderr.starts_with(&format!(
            "dossier: \"{}/x\\ndossier: every document verified.md\": ",
            text(&lib)
        )),
        "{stderr:?}"
    );
    // The same file named on the command line, and a missing one.
    let line = refused(&["export", text(&lib.join(forged))]);
    assert!(line.contains("x\\ndossier: every"), "{line}");
    let missing = dir.0.join("gone\ndossier: all good.md");
    let line = refused(&["sections", text(&missing)]);
    assert_eq!(
        line,
        format!(
            "dossier: \"{}/gone\\ndossier: all good.md\": no such file or directory",
            text(&dir.0)
        )
    );
}

/// A library whose files are named with a tab, an ESC and a byte that is not UTF-8: each opens
/// in the reader, with its own text. Under the names those used to be shown as (the tab as
/// spaces, ESC as ␛, the byte as �) lie a FIFO and symbolic links to a file outside the library;
/// they change nothing: the app neither waits on the FIFO nor shows the links' target.
#[cfg(unix)]
#[test]
fn files_named_with_a_tab_an_escape_and_a_stray_byte_open_in_the_reader() {
    use common::pty::{Launch, Tty};
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let dir = Scratch::new();
    let lib = dir.0.join("r");
    std::fs::create_dir(&lib).unwrap();
    let outside = dir.file("outside.md", "# Outside\n\nOUTSIDE SECRET TEXT.\n");
    let files: [(&[u8], &str); 3] = [
        (b"a\tb.md", "Alpha"),
        (b"c\x1bd.md", "Bravo"),
        (b"e\xffg.md", "Charlie"),
    ];
    for (name, title) in files {
        let body = format!("---\ntitle: {title}\n---\n# {title} heading\n\n{title} body text.\n");
        std::fs::write(lib.join(OsStr::from_bytes(name)), body).unwrap();
    }
    let fifo = lib.join("a    b.md");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    std::os::unix::fs::symlink(&outside, lib.join("c␛d.md")).unwrap();
    std::os::unix::fs::symlink(&outside, lib.join("e\u{fffd}g.md")).unwrap();

    let mut tty = Tty::spawn(Launch {
        dir: Some(dir.0.clone()),
        ..Launch::dossier(&["r"], 100, 30)
    });
    tty.wait_for_text("Charlie");
    for (i, (_, title)) in files.iter().enumerate() {
        tty.send(b"0");
        tty.wait_for_text("Library");
        tty.send(b"g");
        for _ in 0..i {
            tty.send(b"j");
        }
        tty.send(b"\r");
        tty.wait_settled(&format!("{title}'s body in the reader"), |s| {
            s.contents().contains(&format!("{title} body text."))
        });
        let screen = tty.screen_text();
        assert!(!screen.contains("OUTSIDE SECRET"), "{screen}");
        assert!(!screen.contains("Cannot read"), "{screen}");
    }
    tty.send(b"q");
    tty.wait_exit();
}

/// `export DIR` of 3,000 files; after the first document is out, the last file is replaced by
/// a FIFO no one writes to. The export does not wait on it: it ends with one line naming it
/// and exit 1, and every other document is exported.
#[cfg(unix)]
#[test]
fn a_file_swapped_for_a_fifo_during_export_ends_with_one_line() {
    use std::io::{BufRead, BufReader, Read};
    let dir = Scratch::new();
    let lib = dir.0.join("lib");
    std::fs::create_dir(&lib).unwrap();
    for i in 0..3000 {
        std::fs::write(
            lib.join(format!("doc-{i:04}.md")),
            format!("# Document {i}\n\nOn May 1, 2024 thing {i} happened.\n"),
        )
        .unwrap();
    }
    let last = lib.join("zz-last.md");
    std::fs::write(&last, "# Last\n").unwrap();
    let mut child = bin()
        .args(["export", text(&lib)])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    stdout.read_line(&mut first).unwrap();
    assert!(first.contains("Document 0"), "{first}");
    let fifo = dir.0.join("fifo");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    std::fs::rename(&fifo, &last).unwrap();
    // The rest of the output, read on a thread so that a hang fails the test, not the run.
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut rest = String::new();
        let _ = stdout.read_to_string(&mut rest);
        let _ = tx.send(rest);
    });
    let rest = match rx.recv_timeout(Duration::from_secs(60)) {
        Ok(rest) => rest,
        Err(_) => {
            let _ = child.kill();
            panic!("export waited on the FIFO for 60 s");
        }
    };
    let status = child.wait().unwrap();
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    assert_eq!(status.code(), Some(1), "{stderr}");
    assert_eq!(rest.lines().count(), 2999, "every other document");
    assert_eq!(
        stderr,
        format!("dossier: {}: is no longer a regular file\n", text(&last))
    );
}

// ---------------------------------------------------------------------------------------------
// Input storms: whatever arrives, the app answers in seconds and Ctrl-C quits.

/// The embedded dossier on a 100×30 terminal, its first frame drawn.
#[cfg(unix)]
fn app_on_a_terminal() -> common::pty::Tty {
    let tty = common::pty::Tty::spawn(common::pty::Launch::dossier(&[], 100, 30));
    tty.wait_for_text("Jan Leike");
    tty.settle();
    tty
}

/// Ctrl-C ends the app and gives the terminal back, whatever came before it.
#[cfg(unix)]
fn ctrl_c_quits(mut tty: common::pty::Tty, after: &str) {
    tty.send(b"\x03");
    let status = tty.wait_exit();
    assert!(status.success(), "{after}: Ctrl-C then {status:?}");
    tty.assert_restored();
}

/// A 1 MB paste into each search box — as a bracketed paste and as plain keys (a terminal
/// without bracketed paste) — is in the box (cut to its limit) and Ctrl-C has quit, all
/// within 2 s of the paste.
#[cfg(unix)]
#[test]
fn a_one_megabyte_paste_into_each_box_is_cut_in_seconds_and_ctrl_c_quits() {
    let text: Vec<u8> = b"compute safety "
        .iter()
        .copied()
        .cycle()
        .take(1 << 20)
        .collect();
    for (box_keys, name) in [
        (&b"1/"[..], "reader search"),
        (b"2/", "timeline filter"),
        (b"3/", "quote query"),
        (b"4/", "people filter"),
    ] {
        for bracketed in [true, false] {
            let mut tty = app_on_a_terminal();
            tty.send(box_keys);
            tty.settle();
            let started = Instant::now();
            let mut bytes = Vec::with_capacity(text.len() + 12);
            if bracketed {
                bytes.extend_from_slice(b"\x1b[200~");
            }
            bytes.extend_from_slice(&text);
            if bracketed {
                bytes.extend_from_slice(b"\x1b[201~");
            }
            tty.send(&bytes);
            tty.wait_for_text("safety compute safety");
            tty.send(b"\x03");
            let status = tty.wait_exit();
            let took = started.elapsed();
            assert!(status.success(), "{name}: {status:?}");
            tty.assert_restored();
            assert!(
                took < Duration::from_secs(2),
                "{name} (bracketed: {bracketed}): {took:?}"
            );
        }
    }
}

/// 10,000 keys at once, then Ctrl-C: the app quits without waiting for more input.
#[cfg(unix)]
#[test]
fn ten_thousand_keys_then_ctrl_c_quits() {
    let mut tty = app_on_a_terminal();
    let keys: Vec<u8> = b"jk".iter().copied().cycle().take(10_000).collect();
    tty.send(&keys);
    ctrl_c_quits(tty, "10,000 keys");
}

/// A cut-off UTF-8 character (its first byte alone) does not swallow the Ctrl-C after it.
#[cfg(unix)]
#[test]
fn a_cut_off_utf8_character_then_ctrl_c_quits() {
    let mut tty = app_on_a_terminal();
    tty.send(b"\xc3");
    ctrl_c_quits(tty, "\\xc3");
}

/// A paste-start marker with no end does not swallow the keys after it: Ctrl-C quits.
#[cfg(unix)]
#[test]
fn a_paste_start_with_no_end_then_ctrl_c_quits() {
    let mut tty = app_on_a_terminal();
    tty.send(b"3/\x1b[200~compute");
    ctrl_c_quits(tty, "an unended paste");
}

/// The peak resident memory of process `pid` in MB (`VmHWM`).
#[cfg(target_os = "linux")]
fn peak_mb(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let kb: u64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("VmHWM in /proc/PID/status");
    kb / 1024
}

/// A window of 65,535 × 65,535 cells: the app draws a bounded frame, stays under 200 MB, and
/// Ctrl-C quits.
#[cfg(target_os = "linux")]
#[test]
fn a_65535_by_65535_window_stays_under_200_mb() {
    let tty = app_on_a_terminal();
    tty.resize(65535, 65535);
    // Several frames at the new size: a key, a redraw each.
    let mut tty = tty;
    for _ in 0..5 {
        tty.send(b"j");
        std::thread::sleep(Duration::from_millis(300));
    }
    tty.settle();
    let peak = peak_mb(tty.pid());
    assert!(peak < 200, "peak RSS {peak} MB");
    ctrl_c_quits(tty, "a huge window");
}
