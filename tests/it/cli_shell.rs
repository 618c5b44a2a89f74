//! The command line as a shell user meets it: a dossier piped in (`dossier -`, or a pipe and
//! no path), completion scripts and the manual page, and a mistyped command's hint.

use std::io::Write;
use std::process::{Output, Stdio};

use crate::common;

/// A small dossier with a title, a dated section and a quote.
const PIPED: &str = "---\ntitle: Piped Notes\nyear: 2024\n---\n# Piped Notes\n\n\
## May 14, 2024\n\nAda Lovelace announces the engine.\n\n\
> \"The engine weaves algebraic patterns as the loom weaves flowers.\"\n> — Ada Lovelace\n";

/// Runs `dossier ARGS` with `input` piped into its standard input.
fn piped(args: &[&str], input: &str) -> Output {
    let mut child = common::bin()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run dossier");
    let mut stdin = child.stdin.take().expect("stdin");
    // A dossier that does not read its stdin may be gone before it is written.
    let _ = stdin.write_all(input.as_bytes());
    drop(stdin);
    child.wait_with_output().expect("wait for dossier")
}

fn stdout_of(out: &Output) -> String {
    assert!(
        out.status.success(),
        "exit {:?}, stderr: {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).expect("UTF-8 output")
}

/// `printf … | dossier -` and `printf … | dossier`: the piped document as plain text, not
/// the built-in dossier.
#[test]
fn a_piped_document_prints_as_plain_text_with_a_dash_or_no_path() {
    for args in [&["-"][..], &[][..]] {
        let text = stdout_of(&piped(args, PIPED));
        assert!(text.contains("Piped Notes"), "{args:?}: {text}");
        assert!(text.contains("algebraic patterns"), "{args:?}: {text}");
        assert!(
            !text.contains("Leike"),
            "{args:?}: not the built-in dossier"
        );
    }
}

/// Every subcommand takes `-`; the document is named `stdin`.
#[test]
fn every_subcommand_reads_standard_input_for_a_dash() {
    let export: common::Export =
        serde_json::from_str(&stdout_of(&piped(&["export", "-"], PIPED))).expect("JSON");
    assert_eq!(export.source, "stdin");
    assert_eq!(export.sections[1].title, "May 14, 2024");

    let sections = stdout_of(&piped(&["sections", "-"], PIPED));
    assert!(sections.contains("## May 14, 2024"), "{sections}");

    let timeline = stdout_of(&piped(&["timeline", "-"], PIPED));
    assert!(timeline.starts_with("2024-05-14"), "{timeline}");

    let quotes = stdout_of(&piped(&["quotes", "-", "--query", "loom"], PIPED));
    assert!(quotes.starts_with("Ada Lovelace"), "{quotes}");
    assert!(quotes.contains("algebraic patterns"), "{quotes}");

    let people = stdout_of(&piped(&["people", "-", "--json"], PIPED));
    let rows: serde_json::Value = serde_json::from_str(&people).expect("JSON");
    assert_eq!(rows[0]["speaker"], "Ada Lovelace");
    assert_eq!(rows[0]["documents"][0], "stdin");
}

/// What cannot be read from stdin is said as for a file, naming `stdin`.
#[test]
fn binary_standard_input_is_refused_naming_stdin() {
    let out = piped(&["export", "-"], "\u{0}\u{1}\u{2}binary");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.starts_with("dossier: stdin: "), "{err}");
}

/// A subcommand without `-` still opens the built-in dossier, even with a pipe on stdin:
/// only the bare command takes a pipe for its document.
#[test]
fn a_subcommand_without_a_dash_ignores_the_pipe() {
    let text = stdout_of(&piped(&["sections"], PIPED));
    assert!(text.contains("Leike"), "{text}");
}

const SUBCOMMANDS: [&str; 7] = [
    "export",
    "sections",
    "timeline",
    "quotes",
    "people",
    "completions",
    "man",
];

/// `dossier completions SHELL` prints a script for each shell that knows every subcommand.
#[test]
fn completions_for_each_shell_name_every_subcommand() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let script = stdout_of(&common::run(&["completions", shell]));
        assert!(script.len() > 500, "{shell}: a real script");
        for name in SUBCOMMANDS {
            assert!(script.contains(name), "{shell}: completes `{name}`");
        }
    }
    let bad = common::run(&["completions", "tcsh"]);
    assert_eq!(
        bad.status.code(),
        Some(2),
        "an unknown shell is a usage error"
    );
}

/// `dossier man` prints a roff manual page naming every subcommand.
#[test]
fn man_prints_a_roff_page_naming_every_subcommand() {
    let page = stdout_of(&common::run(&["man"]));
    assert!(
        page.starts_with(".ie") || page.starts_with(".TH"),
        "roff: {page}"
    );
    assert!(page.contains(".TH dossier 1"), "{page}");
    assert!(page.contains(".SH SUBCOMMANDS"), "{page}");
    for name in SUBCOMMANDS {
        assert!(
            page.contains(&format!("dossier\\-{name}(1)")),
            "names {name}"
        );
    }
}

/// `dossier timelin`: no such file, and the hint names the command meant; exit 2.
#[test]
fn a_mistyped_command_gets_a_hint_and_exit_2() {
    let out = common::run(&["timelin"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "error: no such file 'timelin' (did you mean the command 'timeline'?)\n"
    );
    assert!(out.stdout.is_empty());

    let out = common::run(&["qoutes"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("the command 'quotes'"));

    // Nothing like a command: the plain missing-file error.
    let out = common::run(&["zebra"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "dossier: zebra: no such file or directory\n"
    );
}

/// A file that is there is opened, whatever its name looks like.
#[test]
fn an_existing_file_named_like_a_command_opens() {
    let dir = common::Scratch::new();
    dir.file("timelin", PIPED);
    let out = common::bin()
        .current_dir(&dir.0)
        .arg("timelin")
        .output()
        .expect("run dossier");
    assert!(stdout_of(&out).contains("Piped Notes"));
}
