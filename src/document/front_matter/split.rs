//! Where the front matter block is: a `---` line at byte 0, closed by a `---` or `...` line
//! (YAML); a `+++` line at byte 0, closed by a `+++` line (TOML, as Hugo writes it); or a `{`
//! line at byte 0, closed by a `}` line (JSON, as Hugo writes it).

use std::ops::Range;

/// Where a front matter block sits in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// The YAML (or TOML) between the fences; for JSON, the object, its braces included.
    pub yaml: Range<usize>,
    /// Which language the fences say it is in.
    pub format: Format,
    /// The whole block, fences included, up to the first byte of the body.
    pub whole: Range<usize>,
}

/// The language of a front matter block, by its fences.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Between `---` lines.
    Yaml,
    /// Between `+++` lines.
    Toml,
    /// An object from a `{` line to a `}` line.
    Json,
}

/// What splitting a text's front matter found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Split {
    /// The text does not open with `---`.
    None,
    /// `---` opens the text but no `---` or `...` line closes it.
    Unclosed,
    /// A closed block.
    Block(Block),
}

/// Finds the front matter block at the very start of `text` (a BOM already removed): a `---`
/// line, closed by a `---` or `...` line.
pub fn split(text: &str) -> Split {
    let Some(first_end) = line_end(text, 0) else {
        return Split::None;
    };
    let format = match text[..first_end.content].trim_end() {
        "---" => Format::Yaml,
        "+++" => Format::Toml,
        "{" => Format::Json,
        _ => return Split::None,
    };
    let yaml_start = match format {
        Format::Json => 0,
        _ => first_end.next,
    };
    let mut at = first_end.next;
    while at < text.len() {
        let Some(end) = line_end(text, at) else { break };
        let line = text[at..end.content].trim_end();
        let closes = match format {
            Format::Yaml => line == "---" || line == "...",
            Format::Toml => line == "+++",
            Format::Json => line == "}",
        };
        if closes {
            let fields_end = match format {
                Format::Json => end.content,
                _ => at,
            };
            return Split::Block(Block {
                yaml: yaml_start..fields_end,
                format,
                whole: 0..end.next,
            });
        }
        at = end.next;
    }
    match format {
        Format::Yaml => Split::Unclosed,
        // A `+++` or `{` line that nothing closes is a line of text.
        Format::Toml | Format::Json => Split::None,
    }
}

struct LineEnd {
    /// Where the line's content ends (before its line break).
    content: usize,
    /// Where the next line starts.
    next: usize,
}

fn line_end(text: &str, from: usize) -> Option<LineEnd> {
    if from >= text.len() {
        return None;
    }
    let bytes = text.as_bytes();
    match bytes[from..].iter().position(|&b| b == b'\n' || b == b'\r') {
        None => Some(LineEnd {
            content: text.len(),
            next: text.len(),
        }),
        Some(rel) => {
            let content = from + rel;
            let next = if bytes[content] == b'\r' && bytes.get(content + 1) == Some(&b'\n') {
                content + 2
            } else {
                content + 1
            };
            Some(LineEnd { content, next })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_closed_block_with_either_fence() {
        let text = "---\ntitle: A\n---\n# Body\n";
        assert_eq!(
            split(text),
            Split::Block(Block {
                yaml: 4..13,
                format: Format::Yaml,
                whole: 0..17
            })
        );
        let text = "---\r\ntitle: A\r\n...\r\nbody";
        assert_eq!(
            split(text),
            Split::Block(Block {
                yaml: 5..15,
                format: Format::Yaml,
                whole: 0..20
            })
        );
    }

    #[test]
    fn no_block_unless_the_text_opens_with_a_fence() {
        assert_eq!(split("# Title\n---\na: b\n---\n"), Split::None);
        assert_eq!(split(""), Split::None);
        assert_eq!(split("----\n"), Split::None);
        assert_eq!(split("---\ntitle: never closed\n"), Split::Unclosed);
    }
}
