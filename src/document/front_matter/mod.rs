//! The front matter block (YAML between `---` lines, TOML between `+++` lines, or a JSON
//! object from a `{` line to a `}` line): where it is in a file, and what it says.
//!
//! The block is split off by hand at byte 0 (see STYLE.md: pulldown-cmark's metadata option
//! also swallows `---` blocks later in a document). serde_yaml is deprecated upstream, so it is
//! used only behind [`parse`], where a maintained fork can replace it.

mod flat_yaml;
mod split;
mod yaml;

use serde_json::{Map, Value};

pub use split::{Block, Format, Split, split};

/// The document's front matter fields, in file order, each with its YAML type.
pub type Meta = Map<String, Value>;

/// Why a front matter block could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct Error {
    /// What kind of problem it is.
    pub kind: ErrorKind,
    /// 1-based line within the YAML text, when the parser knows it.
    pub line: Option<usize>,
    /// 1-based column, when the parser knows it.
    pub column: Option<usize>,
    /// What is wrong, in one line.
    pub message: String,
}

/// The kinds of front matter that can't be read as fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// Not valid YAML (or YAML serde_yaml does not read, such as two documents).
    Syntax,
    /// Valid YAML that is a list or a single value, not a map of fields.
    NotFields,
    /// Valid YAML refused for its size: nested too deep, or aliases that expand to too many
    /// values (a "billion laughs" bomb).
    TooBig,
}

/// Parses front matter YAML into fields. Empty YAML is an empty map; anything that is not a
/// map of fields, or not valid YAML (including alias bombs and runaway nesting, which the YAML
/// parser refuses in bounded time), is an error. Strings are sanitized.
pub fn parse(yaml: &str) -> Result<Meta, Error> {
    match flat_yaml::read(yaml) {
        Some(meta) => Ok(meta),
        None => yaml::parse(yaml),
    }
}

/// Parses TOML front matter (Hugo's `+++` block) into fields, as [`parse`] does YAML: a
/// date as the text it is written as; anything that is not valid TOML is an error. Strings
/// are sanitized.
pub fn parse_toml(toml_text: &str) -> Result<Meta, Error> {
    let table: toml::Table = toml_text.parse().map_err(|e: toml::de::Error| Error {
        kind: ErrorKind::Syntax,
        line: None,
        column: None,
        message: e.message().to_string(),
    })?;
    Ok(table
        .into_iter()
        .map(|(key, value)| (crate::document::sanitize::clean(&key), from_toml(value)))
        .collect())
}

/// Parses JSON front matter (an object from a `{` line to a `}` line, as Hugo allows) into
/// fields, as [`parse`] does YAML; anything that is not a JSON object is an error. Strings are
/// sanitized.
pub fn parse_json(json_text: &str) -> Result<Meta, Error> {
    let value: Value = serde_json::from_str(json_text).map_err(|e| Error {
        kind: ErrorKind::Syntax,
        line: Some(e.line()),
        column: Some(e.column()),
        message: e.to_string(),
    })?;
    match cleaned(value) {
        Value::Object(fields) => Ok(fields),
        _ => Err(Error {
            kind: ErrorKind::NotFields,
            line: None,
            column: None,
            message: "front matter is a JSON value, not an object of fields".into(),
        }),
    }
}

/// A JSON value with its strings and keys sanitized.
fn cleaned(value: Value) -> Value {
    let clean = crate::document::sanitize::clean;
    match value {
        Value::String(s) => Value::String(clean(&s)),
        Value::Array(items) => Value::Array(items.into_iter().map(cleaned).collect()),
        Value::Object(fields) => Value::Object(
            fields
                .into_iter()
                .map(|(k, v)| (clean(&k), cleaned(v)))
                .collect(),
        ),
        other => other,
    }
}

/// A TOML value as the JSON value front matter fields are kept as.
fn from_toml(value: toml::Value) -> Value {
    match value {
        toml::Value::String(s) => Value::String(crate::document::sanitize::clean(&s)),
        toml::Value::Integer(i) => Value::from(i),
        toml::Value::Float(f) => Value::from(f),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(items) => Value::Array(items.into_iter().map(from_toml).collect()),
        toml::Value::Table(table) => Value::Object(
            table
                .into_iter()
                .map(|(k, v)| (crate::document::sanitize::clean(&k), from_toml(v)))
                .collect(),
        ),
    }
}

/// A front matter value as one line of text for display: strings as they are, lists joined
/// with commas, anything else as JSON.
pub fn display_value(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        Value::Array(items) => items
            .iter()
            .map(display_value)
            .collect::<Vec<_>>()
            .join(", "),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn toml_fields_keep_their_types_and_order_and_bad_toml_is_an_error() {
        let meta =
            parse_toml("title = \"T\"\ndate = 2020-11-04\ndraft = true\ntags = [\"a\"]\n").unwrap();
        assert_eq!(
            Value::Object(meta),
            json!({"title": "T", "date": "2020-11-04", "draft": true, "tags": ["a"]})
        );
        let bad = parse_toml("title = \n").unwrap_err();
        assert_eq!(bad.kind, ErrorKind::Syntax);
    }

    #[test]
    fn values_keep_their_yaml_types_and_order() {
        let meta = parse("title: \"T\"\nyear: 2024\ndownloaded: 2026-02-10\nencrypted: false\nratio: 0.5\ntags: [a, b]\n").unwrap();
        assert_eq!(
            Value::Object(meta.clone()),
            json!({"title": "T", "year": 2024, "downloaded": "2026-02-10", "encrypted": false, "ratio": 0.5, "tags": ["a", "b"]})
        );
        let keys: Vec<_> = meta.keys().cloned().collect();
        assert_eq!(
            keys,
            ["title", "year", "downloaded", "encrypted", "ratio", "tags"]
        );
    }

    #[test]
    fn fences_are_whole_lines() {
        // Trailing spaces are allowed; an indented `---` inside a block scalar is not a fence.
        let text = "--- \nnotes: |\n  ---\n  more\n---  \nbody";
        let Split::Block(block) = split(text) else {
            panic!("{:?}", split(text));
        };
        assert_eq!(&text[block.yaml.clone()], "notes: |\n  ---\n  more\n");
        assert_eq!(&text[block.whole.end..], "body");
        assert_eq!(
            parse(&text[block.yaml]).unwrap()["notes"],
            json!("---\nmore\n")
        );
        // A fence must be the first line, and `...` does not open one.
        assert_eq!(split("\n---\na: b\n---\n"), Split::None);
        assert_eq!(split("...\na: b\n...\n"), Split::None);
        // Closed at the very end, with no line break after the fence.
        assert_eq!(
            split("---\na: b\n---"),
            Split::Block(Block {
                yaml: 4..9,
                format: Format::Yaml,
                whole: 0..12
            })
        );
        assert_eq!(split("---"), Split::Unclosed);
        // TOML between `+++` lines, as Hugo writes it; a `+++` line that nothing closes is
        // text, and a `---` line does not close it.
        assert_eq!(
            split("+++\ntitle = \"T\"\n+++\nbody"),
            Split::Block(Block {
                yaml: 4..16,
                format: Format::Toml,
                whole: 0..20
            })
        );
        assert_eq!(split("+++\ntitle = 1\nbody"), Split::None);
        // A JSON object from a `{` line to a `}` line, braces and all; a `{` line that nothing
        // closes is text.
        assert_eq!(
            split("{\n\"a\": 1\n}\nbody"),
            Split::Block(Block {
                yaml: 0..10,
                format: Format::Json,
                whole: 0..11
            })
        );
        assert_eq!(split("{\n\"a\": 1\nbody"), Split::None);
        assert_eq!(
            parse_json("{\"a\": \"x\\u0007y\"}").unwrap()["a"],
            json!("x\u{2407}y")
        );
        assert!(parse_json("[1]").is_err() && parse_json("{\"a\": }").is_err());
        assert_eq!(split("+++\na = 1\n---\nbody"), Split::None);
    }

    #[test]
    fn empty_yaml_is_empty_meta() {
        assert!(parse("").unwrap().is_empty());
    }

    #[test]
    fn malformed_yaml_says_where() {
        let err = parse("title: ok\nyear: [2024\n").unwrap_err();
        assert!(err.line.is_some());
        assert!(!err.message.is_empty());
        // Line and column are 1-based and point at the offending character.
        let err = parse("title: ok\nname: Broken: on purpose\n").unwrap_err();
        assert_eq!((err.line, err.column), (Some(2), Some(13)));
        assert_eq!(
            err.message,
            "mapping values are not allowed in this context"
        );
        let err = parse("a: 1\nb: 2\na: 3\n").unwrap_err();
        assert_eq!(
            (err.line, err.column),
            (Some(3), Some(1)),
            "{}",
            err.message
        );
        assert_eq!(err.message, "duplicate entry with key \"a\"");
    }

    #[test]
    fn a_list_or_scalar_is_not_front_matter() {
        let err = parse("- a\n- b\n").unwrap_err();
        assert_eq!(err.kind, ErrorKind::NotFields);
        assert!(err.message.contains("a list"));
        assert!(
            parse("just words")
                .unwrap_err()
                .message
                .contains("single value")
        );
    }

    #[test]
    fn alias_bombs_and_deep_nesting_are_refused_quickly() {
        let mut bomb = String::from(
            "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
        );
        for (i, prev) in ["b", "c", "d", "e", "f", "g", "h", "i"]
            .iter()
            .zip(["a", "b", "c", "d", "e", "f", "g", "h"])
        {
            bomb.push_str(&format!("{i}: &{i} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"));
        }
        assert!(parse(&bomb).is_err());
        let deep = format!("a: {}{}", "[".repeat(10_000), "]".repeat(10_000));
        assert!(parse(&deep).is_err());
    }

    #[test]
    fn aliases_that_expand_to_the_square_are_refused_but_small_ones_are_read() {
        let n = 2000;
        let yaml = format!(
            "a: &a [{}]\nb: [{}]\n",
            vec!["x"; n].join(","),
            vec!["*a"; n].join(",")
        );
        let err = parse(&yaml).unwrap_err();
        assert_eq!(err.kind, ErrorKind::TooBig, "{}", err.message);
        assert!(err.message.contains("alias"), "{}", err.message);
        // An alias used as YAML means it: a few copies are fine.
        let meta = parse("base: &b [x, y]\ncopy: *b\ntagged: !note words\n").unwrap();
        assert_eq!(meta["copy"], json!(["x", "y"]));
        assert_eq!(meta["tagged"], json!("words"));
        // A big block without aliases is read whatever its size.
        let big: String = (0..50_000).map(|i| format!("k{i}: [a, b, c]\n")).collect();
        assert_eq!(parse(&big).unwrap().len(), 50_000);
    }

    #[test]
    fn deep_flow_nesting_with_keys_is_refused_before_the_parser_sees_it() {
        // The YAML scanner takes quadratic time on these; they must fail at once.
        for open in ["a: [", "[a: ", "a: {", "{a: "] {
            let started = std::time::Instant::now();
            let err = parse(&format!("title: x\nk: {}", open.repeat(50_000))).unwrap_err();
            assert!(
                started.elapsed() < std::time::Duration::from_secs(1),
                "{open}"
            );
            assert_eq!(err.line, Some(2), "{open}");
            assert!(err.message.contains("nested"), "{}", err.message);
        }
        let err = parse(&"[".repeat(200)).unwrap_err();
        assert_eq!((err.line, err.column), (Some(1), Some(129)));
    }

    #[test]
    fn brackets_in_quoted_values_are_not_nesting() {
        let brackets = "[".repeat(300);
        let meta = parse(&format!(
            "a: \"{brackets}\"\nb: '{brackets} it''s'\nc: Leike's [note]\n"
        ))
        .unwrap();
        assert_eq!(meta["a"], json!(brackets));
        assert_eq!(meta["b"], json!(format!("{brackets} it's")));
        assert_eq!(meta["c"], json!("Leike's [note]"));
    }

    #[test]
    fn control_characters_in_values_are_made_visible() {
        let meta = parse("title: \"a\\e]0;x\\ab\"\n").unwrap();
        assert_eq!(meta["title"], json!("a␛]0;x␇b"));
    }
}
