//! What dossier does to files and to the terminal: it never writes to what it opens, and no
//! control character a document holds reaches the terminal raw.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::{dossier, export, ok, refused, text};
use crate::common::Scratch;

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
