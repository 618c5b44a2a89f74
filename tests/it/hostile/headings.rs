//! Headings: ten thousand of them, skipped levels, empty and duplicate titles.

use super::{export, lines_of, ok, text, titles};
use crate::common::Scratch;

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
