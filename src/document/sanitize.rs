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
    if !has_unsafe(text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    push_sanitized(&mut out, text, |_, _| {});
    Cow::Owned(out)
}

/// Appends `text` to `out` as [`sanitize`] returns it, calling `replaced(len, end)` after
/// each character it replaces, `len` the length of `out` then and `end` the byte of `text`
/// after that character: a replacement is
/// longer or shorter than what it replaces, so whoever maps `out` back to `text` needs a
/// point after each.
pub fn push_sanitized(out: &mut String, text: &str, mut replaced: impl FnMut(usize, usize)) {
    let mut from = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !is_unsafe(c) {
            continue;
        }
        out.push_str(&text[from..i]);
        match c {
            '\t' => out.extend(std::iter::repeat_n(' ', TAB_WIDTH)),
            '\r' => {
                if chars.peek().map(|&(_, c)| c) != Some('\n') {
                    out.push('\n');
                }
            }
            '\u{0}'..='\u{1f}' => {
                out.push(char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'));
            }
            '\u{7f}' => out.push('\u{2421}'),
            c => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
        }
        from = i + c.len_utf8();
        replaced(out.len(), from);
    }
    out.push_str(&text[from..]);
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

/// Whether `text` holds a character [`sanitize`] replaces, by its UTF-8 bytes: every text of a
/// document passes here, so the common case (nothing to replace) must cost next to nothing.
pub fn has_unsafe(text: &str) -> bool {
    // The same test, compiled for 32-byte vectors where the CPU has them (most do; the
    // baseline x86-64 the release is built for has 16-byte ones): the body is the one pass
    // over a whole document that every load makes before its walk.
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: the CPU has AVX2, as just asked; the function's code is only that of
        // `has_unsafe_in` built to use it.
        return unsafe { has_unsafe_avx2(text) };
    }
    has_unsafe_in(text)
}

/// [`has_unsafe_in`] built for AVX2.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn has_unsafe_avx2(text: &str) -> bool {
    has_unsafe_in(text)
}

/// What [`has_unsafe`] answers, inlined into each build of it.
#[inline(always)]
fn has_unsafe_in(text: &str) -> bool {
    const CHUNK: usize = 32;
    let bytes = text.as_bytes();
    let mut chunks = bytes.chunks_exact(CHUNK);
    let mut at = 0;
    for chunk in chunks.by_ref() {
        if may_hold_unsafe(chunk.try_into().unwrap_or(&[b' '; CHUNK]))
            && (at..at + CHUNK).any(|i| may_start_unsafe(bytes[i]) && unsafe_at(bytes, i))
        {
            return true;
        }
        at += CHUNK;
    }
    // The last bytes (all of a short text: a title, a link, a front matter value) are tested
    // as a chunk too, padded with spaces, rather than one by one.
    let rest = chunks.remainder();
    let mut padded = [b' '; CHUNK];
    padded[..rest.len()].copy_from_slice(rest);
    may_hold_unsafe(&padded) && (at..bytes.len()).any(|i| unsafe_at(bytes, i))
}

/// Whether `chunk` holds a byte that can start an unsafe character (a control, DEL, or the
/// lead byte of a C1 control, C2, or of a bidi control or separator, E2): a test the compiler
/// vectorises. Only a chunk that does is looked at closely; most text, accented or
/// typographic, has none or a few.
#[inline(always)]
fn may_hold_unsafe(chunk: &[u8; 32]) -> bool {
    let mut maybe = 0u8;
    for &b in chunk {
        maybe |= u8::from(may_start_unsafe(b));
    }
    maybe != 0
}

/// Whether an unsafe character can start with byte `b` (bitwise, so that it vectorises;
/// `b | 0x20` is E2 for C2 and E2 only). A newline is safe, and in every line of text.
#[inline(always)]
fn may_start_unsafe(b: u8) -> bool {
    ((b < 0x20) & (b != b'\n')) | (b == 0x7f) | (b | 0x20 == 0xe2)
}

/// Whether the character starting at byte `i` (if one does) is unsafe.
fn unsafe_at(bytes: &[u8], i: usize) -> bool {
    match bytes[i] {
        b'\n' => false,
        0..0x20 | 0x7f => true,
        // U+0080 to U+009F: C2 80 to C2 9F.
        0xc2 => bytes.get(i + 1).is_some_and(|&b| b < 0xa0),
        // U+2028 to U+202E (E2 80 A8 to AE) and U+2066 to U+2069 (E2 81 A6 to A9).
        0xe2 => matches!(
            (bytes.get(i + 1), bytes.get(i + 2)),
            (Some(0x80), Some(0xa8..=0xae)) | (Some(0x81), Some(0xa6..=0xa9))
        ),
        _ => false,
    }
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
    fn the_byte_check_agrees_with_the_character_check() {
        // Every character up to U+3000 (all the unsafe ones are there), a sample beyond.
        let chars = (0u32..0x3000).chain((0x3000..0x11_0000).step_by(0x101));
        for c in chars.filter_map(char::from_u32) {
            // In the last bytes, in a whole chunk, and across the boundary of one chunk and
            // the next (chunks are 32 bytes): by the test the CPU runs, and by the portable
            // one it is built from.
            for pad in (0..4).chain(28..36).chain(60..68) {
                let text = format!("{}{c}b", "a".repeat(pad));
                assert_eq!(has_unsafe(&text), is_unsafe(c), "{:x} at {pad}", c as u32);
                assert_eq!(
                    has_unsafe_in(&text),
                    is_unsafe(c),
                    "{:x} at {pad}",
                    c as u32
                );
            }
        }
    }

    #[test]
    fn output_never_holds_an_unsafe_character() {
        let all: String = (0u32..0x3000).filter_map(char::from_u32).collect();
        assert!(!sanitize(&all).chars().any(is_unsafe));
    }
}
