//! Fuzz target: any bytes, read as dossier reads a file, must load without a panic, and the
//! model must keep its promises (every string sanitized, every line in the file, parents
//! shallower than their children, every block's text and marks where it says).
#![no_main]

use dossier::document::{self, Document, sanitize};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    // As `dossier FILE` reads it; invalid UTF-8 is refused there, so load a lossy copy too,
    // so that every input reaches the parser.
    if let Ok(text) = document::decode(bytes) {
        check(text, &document::load("fuzz", text));
    }
    let lossy = String::from_utf8_lossy(bytes);
    check(&lossy, &document::load("fuzz", &lossy));
});

fn check(text: &str, doc: &Document) {
    let lines = text.len() + 1;
    let safe = |s: &str| !s.chars().any(|c| c != '\n' && sanitize::is_unsafe(c));
    assert!(safe(&doc.preamble));
    for (i, s) in doc.sections.iter().enumerate() {
        assert!(safe(&s.title) && safe(&s.text));
        assert!((1..=lines).contains(&s.line));
        if let Some(p) = s.parent {
            assert!(p < i && doc.sections[p].level < s.level);
        }
    }
    for e in &doc.timeline {
        assert!(safe(&e.title) && (1..=lines).contains(&e.line));
    }
    for q in &doc.quotes {
        assert!(safe(&q.text) && q.speaker.as_deref().is_none_or(safe));
        assert!((1..=lines).contains(&q.line));
    }
    for w in &doc.warnings {
        assert!(safe(&w.message));
    }
    // The reader's blocks: their text and marks are ranges of the document's shared lists.
    for b in &doc.blocks {
        let block_text = doc.text_of(b);
        assert_eq!(block_text.len(), b.text.len());
        assert!(safe(block_text) && (1..=lines).contains(&b.line()));
        for m in doc.marks_of(b) {
            assert!(block_text.get(m.range.clone()).is_some());
        }
    }
}
