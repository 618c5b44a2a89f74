//! Flat YAML: front matter of the shape nearly every dossier has, one `key: value` per line
//! with plain, quoted, numeric or boolean values, read without the YAML parser.
//!
//! It is here for the library figure (`cargo bench --bench library`: indexing a library at
//! most 1.5× a bare pulldown-cmark pass): read by serde_yaml, such front matter makes
//! loading a 14 KB library dossier about 14% more work (the seed 9%). [`read`] accepts only
//! text whose meaning under YAML 1.2 (as serde_yaml reads it) is certain, and gives exactly
//! what [`super::parse`] gives for it; anything else (comments, nesting, lists, escapes,
//! anchors, a value that could be a number, a null or a boolean in another spelling, a
//! repeated key) returns `None`, and serde_yaml reads the text. A property test holds the
//! two to the same answer.

use serde_json::Value;

use super::Meta;
use crate::document::sanitize::clean;

/// The fields of `yaml` when every line is a flat `key: value` (or blank); `None` when any
/// line is anything else.
pub fn read(yaml: &str) -> Option<Meta> {
    let mut meta = Meta::new();
    for line in yaml.split('\n') {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.is_empty() {
            continue;
        }
        let (key, value) = field(line)?;
        if meta.insert(clean(key), value).is_some() {
            return None;
        }
    }
    (!meta.is_empty()).then_some(meta)
}

/// The longest implicit key YAML reads (a longer one is an error there).
const MAX_KEY: usize = 1024;

/// One `key: value` line.
fn field(line: &str) -> Option<(&str, Value)> {
    let colon = memchr::memchr(b':', line.as_bytes())?;
    let key = &line[..colon];
    if !is_key(key) {
        return None;
    }
    let rest = &line[colon + 1..];
    if rest.is_empty() {
        return Some((key, Value::Null));
    }
    let value = rest.trim_start_matches(' ');
    if value.len() == rest.len() || value.is_empty() || value.ends_with(' ') {
        return None;
    }
    Some((key, scalar(value)?))
}

/// A key that YAML reads as the same string: ASCII word characters, starting with a letter
/// or `_`, not a spelling of null or a boolean, and no longer than the 1,024 characters
/// YAML allows a key written this way (serde_yaml refuses a longer one).
fn is_key(key: &str) -> bool {
    if key.len() > MAX_KEY {
        return false;
    }
    let mut bytes = key.bytes();
    matches!(bytes.next(), Some(b'A'..=b'Z' | b'a'..=b'z' | b'_'))
        && bytes.all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
        && !is_keyword(key)
}

/// Spellings of null and the booleans, in any case (YAML reads some of them as such).
fn is_keyword(word: &str) -> bool {
    ["null", "true", "false"]
        .iter()
        .any(|k| word.eq_ignore_ascii_case(k))
}

/// A value: a quoted string without escapes, a plain string starting with a letter, a
/// decimal integer, a date-like run of digits and dashes (a string in YAML 1.2), or `true`
/// or `false`.
fn scalar(value: &str) -> Option<Value> {
    let first = value.as_bytes()[0];
    match first {
        b'"' | b'\'' => {
            let quote = char::from(first);
            let inner = value.strip_prefix(quote)?.strip_suffix(quote)?;
            inner
                .chars()
                .all(|c| c != quote && c != '\\' && printable(c))
                .then(|| Value::String(clean(inner)))
        }
        b'0'..=b'9' => number_or_date(value),
        b'A'..=b'Z' | b'a'..=b'z' => match value {
            "true" => Some(Value::Bool(true)),
            "false" => Some(Value::Bool(false)),
            _ if is_keyword(value) || !plain(value) => None,
            _ => Some(Value::String(clean(value))),
        },
        _ => None,
    }
}

/// A decimal integer without leading zeros that fits an `i64` with room to spare, or digits
/// and dashes with at least one dash (`2026-02-10`), which YAML 1.2 reads as a string.
fn number_or_date(value: &str) -> Option<Value> {
    let bytes = value.as_bytes();
    if bytes.iter().all(u8::is_ascii_digit) {
        if bytes.len() > 18 || (bytes.len() > 1 && bytes[0] == b'0') {
            return None;
        }
        return value.parse::<i64>().ok().map(Value::from);
    }
    let date_like = bytes.iter().all(|&b| b.is_ascii_digit() || b == b'-');
    date_like.then(|| Value::String(value.to_string()))
}

/// True when every character of a plain (unquoted) value is one YAML leaves alone there:
/// no `: ` or trailing `:` (a mapping), no ` #` (a comment), no quotes, backslashes, tabs
/// or brackets, nothing unprintable.
fn plain(value: &str) -> bool {
    let bytes = value.as_bytes();
    value.char_indices().all(|(i, c)| match c {
        'A'..='Z' | 'a'..='z' | '0'..='9' | ' ' => true,
        '_' | '-' | '.' | ',' | '/' | '(' | ')' | '+' | '?' | '!' | '%' | '=' | ';' | '@' | '&'
        | '*' | '~' | '\'' => true,
        ':' => bytes.get(i + 1).is_some_and(|&b| b != b' '),
        '#' => i > 0 && bytes[i - 1] != b' ',
        c => !c.is_ascii() && printable(c),
    })
}

/// Printable in YAML's sense and not a line break: ASCII from space to `~`, and non-ASCII
/// from U+00A0, except the line and paragraph separators and the byte-order and
/// non-characters U+FEFF, U+FFFE, U+FFFF.
fn printable(c: char) -> bool {
    match c {
        ' '..='~' => true,
        '\u{2028}' | '\u{2029}' | '\u{FEFF}' | '\u{FFFE}' | '\u{FFFF}' => false,
        c => c >= '\u{A0}',
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::front_matter;
    use proptest::prelude::*;
    use serde_json::json;

    #[test]
    fn the_seeds_front_matter_is_flat() {
        let text = crate::library::EMBEDDED;
        let front_matter::Split::Block(block) = front_matter::split(text) else {
            panic!("the seed has front matter");
        };
        let meta = read(&text[block.yaml]).expect("flat");
        assert_eq!(meta["year"], json!(2024));
        assert_eq!(meta["encrypted"], json!(false));
        assert_eq!(meta["downloaded"], json!("2026-02-10"));
        assert_eq!(meta["source_format"], json!("html"));
        assert_eq!(meta.len(), 8);
    }

    #[test]
    fn reads_each_kind_of_value() {
        let meta = read("a: \"x: y # z\"\nb: 'it is'\nc: 7\nd: true\ne:\nf: plain words\r\n")
            .expect("flat");
        assert_eq!(
            Value::Object(meta),
            json!({"a": "x: y # z", "b": "it is", "c": 7, "d": true, "e": null, "f": "plain words"})
        );
    }

    #[test]
    fn leaves_everything_else_to_the_yaml_parser() {
        for yaml in [
            "a: 1\n  b: 2",            // nesting
            "a:\n- x",                 // a list under a key
            "# note\na: 1",            // a comment line
            "a: x # note",             // a trailing comment
            "a: \"x\\ty\"",            // an escape
            "a: 'it''s'",              // a doubled quote
            "a: &x 1",                 // an anchor
            "a: 007",                  // a leading zero: a string in YAML 1.2
            "a: 1.5",                  // a float
            "a: 0x1F",                 // hex
            "a: 12345678901234567890", // beyond i64
            "a: Null",                 // null in another spelling
            "a: TRUE",                 // a boolean in another spelling
            "a: x: y",                 // a mapping in a plain value
            "a: x:",                   // likewise
            "a: [1, 2]",               // a flow list
            "a: 1\na: 2",              // a repeated key
            "True: 1",                 // a boolean key
            "a:\tb",                   // a tab
            "a: b ",                   // trailing space
            "a:b",                     // no space after the colon
            "",                        // nothing at all
            "a: x\u{2028}y",           // a line separator
            "a: |\n  text",            // a block scalar
        ] {
            assert_eq!(read(yaml), None, "{yaml:?}");
        }
    }

    #[test]
    fn a_key_longer_than_yaml_allows_is_left_to_the_yaml_parser() {
        let at_most = format!("{}: x", "k".repeat(1024));
        assert_eq!(read(&at_most), super::super::yaml::parse(&at_most).ok());
        let longer = format!("{}: x", "k".repeat(1025));
        assert_eq!(read(&longer), None);
        assert!(super::super::yaml::parse(&longer).is_err());
    }

    /// Pieces of values: mostly ones the flat reader takes, some that change what YAML
    /// reads (so the test meets near misses on both sides).
    fn piece() -> impl Strategy<Value = String> {
        let tame = prop_oneof![
            Just("a".to_string()),
            Just(" ".to_string()),
            Just(":".to_string()),
            Just("#".to_string()),
            Just("'".to_string()),
            Just("-".to_string()),
            Just("0".to_string()),
            Just("7".to_string()),
            Just("e".to_string()),
            Just("null".to_string()),
            Just("True".to_string()),
            Just("false".to_string()),
            Just("inf".to_string()),
            Just("nan".to_string()),
            Just("yes".to_string()),
            Just("é".to_string()),
            Just("2026-02-10".to_string()),
            "[a-zA-Z0-9 _.,/-]{1,6}",
        ];
        let tricky = prop_oneof![
            Just(": ".to_string()),
            Just(" #".to_string()),
            Just("\"".to_string()),
            Just("\\".to_string()),
            Just(".".to_string()),
            Just("~".to_string()),
            Just("&".to_string()),
            Just("*".to_string()),
            Just("!".to_string()),
            Just("[".to_string()),
            Just("{".to_string()),
            Just("\t".to_string()),
            Just("\u{85}".to_string()),
            Just("\u{2028}".to_string()),
            Just("\u{FEFF}".to_string()),
            Just("\u{7}".to_string()),
            Just("\r".to_string()),
        ];
        prop_oneof![6 => tame, 1 => tricky]
    }

    fn line() -> impl Strategy<Value = String> {
        (
            prop_oneof![
                Just("title".to_string()),
                Just("year".to_string()),
                Just("_k-2".to_string()),
                Just("null".to_string()),
                Just("Yes".to_string()),
                "[a-zA-Z_][a-zA-Z0-9_-]{0,5}",
            ],
            prop_oneof![
                Just(": "),
                Just(":  "),
                Just(":"),
                Just(": \""),
                Just(": '")
            ],
            prop::collection::vec(piece(), 0..4),
        )
            .prop_map(|(k, sep, value)| format!("{k}{sep}{}", value.concat()))
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 20_000, ..ProptestConfig::default() })]

        /// Whatever the flat reader accepts, serde_yaml reads to the same fields.
        #[test]
        fn agrees_with_the_yaml_parser(
            lines in prop::collection::vec(line(), 1..3),
            ending in prop_oneof![Just("\n"), Just("\r\n")],
        ) {
            let yaml = lines.join(ending);
            if let Some(flat) = read(&yaml) {
                let parsed = super::super::yaml::parse(&yaml);
                prop_assert_eq!(Ok(flat), parsed.map_err(|e| e.message), "{:?}", yaml);
            }
        }
    }
}
