//! Hostile and broken files, through the real binary: each gets one clear result — a line on
//! stderr naming the file and the problem with exit 1, or a document that opens with a
//! warning and loses nothing — and nothing a file holds reaches the terminal as a command.
//!
//! Big inputs (50 MB, a 1 MB line, 10,000 headings, 100,000-deep nesting) are generated here,
//! not committed. Time bounds are generous ("finishes at all, in seconds"), never tight. One
//! file per kind of hostility; the helpers below are shared by them.

mod bytes;
mod file_names;
mod files_and_terminal;
mod front_matter;
mod headings;
mod input_storms;
mod paths;
mod scale;

use std::path::Path;
use std::process::Output;

use crate::common::{self, Export};

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
