//! Make untrusted document text safe to show in a terminal.
//!
//! Every string taken from a document passes [`sanitize`] once, when the model is built, so
//! nothing downstream (the app, the plain-text commands) can forget to do it. Control
//! characters are not dropped but shown as visible placeholders: the reader sees that
//! something was there, and nothing reaches the terminal as a command.

use std::borrow::Cow;

/// How many spaces a tab becomes.
const TAB_WIDTH: usize = 4;

/// Returns `text` with every character that could drive a terminal made visible and inert:
/// C0 controls (other than newline) become their Control Pictures (`␛` for ESC), `DEL` becomes
/// `␡`, C1 controls and bidirectional overrides/isolates become `\u{…}` escapes, and a tab
/// becomes spaces. Carriage returns are line ends: `\r\n` and a lone `\r` become `\n`.
pub fn sanitize(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' => out.push('\n'),
            '\t' => out.extend(std::iter::repeat_n(' ', TAB_WIDTH)),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            '\u{0}'..='\u{1f}' => {
                out.push(char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'));
            }
            '\u{7f}' => out.push('\u{2421}'),
            c if is_escaped(c) => {
                out.push_str(&format!("\\u{{{:x}}}", c as u32));
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Sanitizes into an owned string (the model stores owned text).
pub fn clean(text: &str) -> String {
    sanitize(text).into_owned()
}

/// Characters that are shown as a `\u{…}` escape: C1 controls, bidirectional embeddings,
/// overrides and isolates, and the Unicode line and paragraph separators.
fn is_escaped(c: char) -> bool {
    matches!(c, '\u{80}'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{2028}' | '\u{2029}')
}

/// True when `c` must never reach a terminal raw: what [`sanitize`] replaces.
pub fn is_unsafe(c: char) -> bool {
    (c < ' ' && c != '\n') || c == '\u{7f}' || is_escaped(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_borrowed_untouched() {
        assert!(matches!(sanitize("Jan Leike — “safety”"), Cow::Borrowed(_)));
    }

    #[test]
    fn escape_sequences_become_visible() {
        assert_eq!(sanitize("\u{1b}]0;pwned\u{7}title"), "␛]0;pwned␇title");
        assert_eq!(sanitize("\u{1b}[31mred"), "␛[31mred");
        assert_eq!(sanitize("a\u{7f}b"), "a␡b");
        assert_eq!(sanitize("\u{0}"), "␀");
    }

    #[test]
    fn c1_and_bidi_controls_are_escaped() {
        assert_eq!(sanitize("x\u{9b}31m"), "x\\u{9b}31m");
        assert_eq!(sanitize("abc\u{202e}fed"), "abc\\u{202e}fed");
        assert_eq!(sanitize("\u{2066}i\u{2069}"), "\\u{2066}i\\u{2069}");
    }

    #[test]
    fn tabs_become_spaces_and_carriage_returns_end_lines() {
        assert_eq!(sanitize("a\tb"), "a    b");
        assert_eq!(sanitize("a\r\nb\rc"), "a\nb\nc");
    }

    #[test]
    fn output_never_holds_an_unsafe_character() {
        let all: String = (0u32..0x3000).filter_map(char::from_u32).collect();
        assert!(!sanitize(&all).chars().any(is_unsafe));
    }
}
