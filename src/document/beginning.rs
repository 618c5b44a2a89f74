//! The beginning of a big document, cut where a block starts: what the app shows at once
//! while the whole document is read.

use super::front_matter::{Split, split};

/// How far past the wanted length a heading is looked for before a blank line will do.
const HEADING_WINDOW: usize = 1 << 20;

/// `text` up to the first heading that starts at or after byte `at_least`, or, when no
/// heading comes within a megabyte of it, up to the first blank line there;
/// never inside the front matter or a fenced code block. The whole text when it is no
/// longer than `at_least` or has no such place. A heading always starts a block, so the
/// blocks of the beginning are the whole document's first blocks.
pub fn beginning(text: &str, at_least: usize) -> &str {
    if text.len() <= at_least {
        return text;
    }
    // The front matter is found after a byte order mark, as the parser finds it.
    let bom = if text.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        0
    };
    let body = bom
        + match split(&text[bom..]) {
            Split::Block(block) => block.whole.end,
            Split::None | Split::Unclosed => 0,
        };
    let mut fence: Option<(u8, usize)> = None;
    let mut blank = None;
    let mut offset = body;
    for line in text[body..].split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        if let Some(opened) = fence_of(content) {
            fence = match fence {
                None => Some(opened),
                // A closing fence: the same character, at least as long, nothing after it.
                Some((c, n)) if opened.0 == c && opened.1 >= n && is_bare(content) => None,
                still => still,
            };
            continue;
        }
        if fence.is_some() || start < at_least {
            continue;
        }
        if is_heading(content) {
            return &text[..start];
        }
        if blank.is_none() && content.trim().is_empty() {
            blank = Some(start);
        }
        if start > at_least + HEADING_WINDOW {
            break;
        }
    }
    match blank {
        Some(at) => &text[..at],
        None => text,
    }
}

/// Up to three spaces of indentation, as CommonMark allows before a fence or a heading.
fn unindented(line: &str) -> Option<&str> {
    let rest = line.trim_start_matches(' ');
    (line.len() - rest.len() <= 3).then_some(rest)
}

/// The character and length of the fence (```` ``` ```` or `~~~`, three or more) that opens
/// `line`.
fn fence_of(line: &str) -> Option<(u8, usize)> {
    let rest = unindented(line)?;
    let c = *rest.as_bytes().first()?;
    if c != b'`' && c != b'~' {
        return None;
    }
    let n = rest.bytes().take_while(|&b| b == c).count();
    // A backtick fence's info string holds no backtick: ```` ```x``` ```` is inline code.
    let inline_code = c == b'`' && rest[n..].contains('`');
    (n >= 3 && !inline_code).then_some((c, n))
}

/// A fence with nothing after its characters (a closing fence).
fn is_bare(line: &str) -> bool {
    unindented(line).is_some_and(|rest| rest.trim_start_matches(['`', '~']).trim().is_empty())
}

/// An ATX heading at the start of its line (given without its line break): one to six `#`,
/// then a space, a tab or the end of the line. (An indented one may sit in a list item,
/// which a cut would split.) Where a big body may be cut into parts too.
pub(super) fn is_heading(line: &str) -> bool {
    let n = line.bytes().take_while(|&b| b == b'#').count();
    (1..=6).contains(&n) && matches!(line.as_bytes().get(n), None | Some(b' ' | b'\t'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_text_is_its_own_beginning() {
        assert_eq!(beginning("# A\n\ntext\n", 100), "# A\n\ntext\n");
    }

    #[test]
    fn the_beginning_ends_before_the_first_heading_past_the_length() {
        let text = "# One\n\nfirst words\n\n## Two\n\nsecond\n\n## Three\n\nthird\n";
        assert_eq!(beginning(text, 8), "# One\n\nfirst words\n\n");
        assert_eq!(
            beginning(text, 22),
            "# One\n\nfirst words\n\n## Two\n\nsecond\n\n"
        );
    }

    #[test]
    fn a_heading_in_fenced_code_or_the_front_matter_is_not_a_place_to_cut() {
        let text = "---\ntitle: x\n# not a heading\n---\n# One\n\n```md\n# in code\n```\n\n~~~\n# in tilde code\n```\n# still code\n~~~\n# Two\n";
        assert_eq!(beginning(text, 5), "---\ntitle: x\n# not a heading\n---\n");
        let cut = beginning(text, text.find("```md").unwrap());
        assert!(cut.ends_with("~~~\n"), "{cut:?}");
        assert_eq!(&text[cut.len()..], "# Two\n");
    }

    #[test]
    fn inline_code_is_no_fence_and_a_byte_order_mark_keeps_the_front_matter() {
        let text = "# A\n\n```x``` is code.\n\n```\n# comment\n```\n# B\n";
        assert_eq!(&text[beginning(text, 5).len()..], "# B\n");
        let text = "\u{feff}---\nnote: x\n# yaml comment\n---\n# A\n";
        assert_eq!(&text[beginning(text, 4).len()..], "# A\n");
    }

    #[test]
    fn without_a_heading_the_beginning_ends_at_a_blank_line() {
        let text = "para one\nstill one\n\npara two\n\npara three\n";
        assert_eq!(beginning(text, 12), "para one\nstill one\n");
        assert_eq!(
            beginning("one long line with no break", 3),
            "one long line with no break"
        );
    }

    #[test]
    fn hashes_without_a_space_are_not_headings() {
        let text = "intro\n#hashtag line\n####### seven\n  ## Indented two\n## Two\n";
        assert_eq!(
            beginning(text, 1),
            "intro\n#hashtag line\n####### seven\n  ## Indented two\n"
        );
    }
}
