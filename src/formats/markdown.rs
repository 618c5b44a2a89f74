//! Markdown for the listing commands: a heading, then a table (events, people) or a list of
//! block quotes. Every document string is escaped so that it reads as the words it is: a `|`
//! does not end a table cell, `<b>` does not become HTML, `*stars*` do not become emphasis,
//! `1.` at the start of a quote's line does not become a list, and a line break does not end
//! a table row.

use std::io::{self, Write};

/// `text` as inline Markdown: a backslash before each ASCII character that can start markup
/// in running text (CommonMark lets any ASCII punctuation be escaped so), and line breaks as
/// spaces. Punctuation that is markup only at the start of a line is left alone (see
/// [`escape_line`]), so that ordinary sentences stay readable as they are written.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '$' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// `line` (no line break in it) escaped as [`escape`] does, and at its start what would
/// make a heading, a list item or a thematic break of it (`# `, `- `, `+ `, `1. `, `=`).
pub fn escape_line(line: &str) -> String {
    let escaped = escape(line);
    let digits = escaped.bytes().take_while(u8::is_ascii_digit).count();
    match escaped.as_bytes().get(digits) {
        Some(b'.' | b')') if digits > 0 => {
            format!("{}\\{}", &escaped[..digits], &escaped[digits..])
        }
        _ if escaped.starts_with(['#', '-', '+', '=']) => format!("\\{escaped}"),
        _ => escaped,
    }
}

/// Writes a level-one heading.
pub fn heading(out: &mut dyn Write, text: &str) -> io::Result<()> {
    writeln!(out, "# {}\n", escape(text))
}

/// Writes a table: `header` (Markdown, as given) and `rows` (text, escaped here).
pub fn table(out: &mut dyn Write, header: &[&str], rows: &[Vec<String>]) -> io::Result<()> {
    writeln!(out, "| {} |", header.join(" | "))?;
    writeln!(out, "|{}", " --- |".repeat(header.len()))?;
    for row in rows {
        let cells: Vec<String> = row.iter().map(|c| escape(c)).collect();
        writeln!(out, "| {} |", cells.join(" | "))?;
    }
    Ok(())
}

/// Writes a quotation as a block quote, each of its lines a paragraph, with `attribution`
/// (text) on a line of its own below it, after a dash; then a blank line.
pub fn quote(out: &mut dyn Write, text: &str, attribution: &str) -> io::Result<()> {
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        writeln!(out, "> {}\n>", escape_line(line.trim()))?;
    }
    writeln!(out, "> — {}\n", escape(attribution))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_a_documents_text_is_escaped() {
        assert_eq!(
            escape("a | b <b>bold</b> *x* [l](u) & `c`"),
            r"a \| b \<b\>bold\</b\> \*x\* \[l\](u) \& \`c\`"
        );
        assert_eq!(escape("one\ntwo"), "one two");
        assert_eq!(
            escape("Leike's 2024 exit, (finally)."),
            "Leike's 2024 exit, (finally)."
        );
    }

    #[test]
    fn what_starts_a_block_is_escaped_at_the_start_of_a_line() {
        assert_eq!(escape_line("# not a heading"), r"\# not a heading");
        assert_eq!(escape_line("- not an item"), r"\- not an item");
        assert_eq!(escape_line("2024. A year"), r"2024\. A year");
        assert_eq!(escape_line("1) one"), r"1\) one");
        assert_eq!(escape_line("2024 was a year"), "2024 was a year");
        assert_eq!(escape_line("a - b # c"), "a - b # c");
    }

    #[test]
    fn a_quote_is_a_block_quote_with_its_attribution() {
        let mut out = Vec::new();
        quote(&mut out, "First line.\n1. Second", "Ada | Lovelace, line 3").unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "> First line.\n>\n> 1\\. Second\n>\n> — Ada \\| Lovelace, line 3\n\n"
        );
    }
}
