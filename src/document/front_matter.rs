//! The YAML front matter block: where it is in a file, and what it says.
//!
//! The block is split off by hand at byte 0 (see STYLE.md: pulldown-cmark's metadata option
//! also swallows `---` blocks later in a document). serde_yaml is deprecated upstream, so it is
//! used only inside [`parse`], where a maintained fork can replace it.

use std::ops::Range;

use serde_json::{Map, Value};

use super::sanitize::clean;

/// The document's front matter fields, in file order, each with its YAML type.
pub type Meta = Map<String, Value>;

/// Where a front matter block sits in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// The YAML between the fences.
    pub yaml: Range<usize>,
    /// The whole block, fences included, up to the first byte of the body.
    pub whole: Range<usize>,
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
    if text[..first_end.content].trim_end() != "---" {
        return Split::None;
    }
    let yaml_start = first_end.next;
    let mut at = yaml_start;
    while at < text.len() {
        let Some(end) = line_end(text, at) else { break };
        let line = text[at..end.content].trim_end();
        if line == "---" || line == "..." {
            return Split::Block(Block {
                yaml: yaml_start..at,
                whole: 0..end.next,
            });
        }
        at = end.next;
    }
    Split::Unclosed
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

/// How many values front matter may expand to, beyond one per byte of its YAML: a block
/// without aliases never comes near it; aliases that multiply it past it are refused.
const MAX_VALUES_BASE: usize = 100_000;

/// Reads a YAML value as serde_yaml's own `Value` does, but counts every value it builds and
/// stops when `left` runs out (it becomes `None`): serde_yaml's alias limit counts alias
/// uses, not what they expand to, so `b: [*a, *a, …]` with a long list `a` expands to the
/// square of its size.
#[derive(Clone, Copy)]
struct Budget<'a> {
    left: &'a std::cell::Cell<Option<usize>>,
}

impl Budget<'_> {
    fn spend<E: serde::de::Error>(self) -> Result<(), E> {
        let left = self.left.get().and_then(|n| n.checked_sub(1));
        self.left.set(left);
        match left {
            Some(_) => Ok(()),
            // The message is the parser's to place; `parse` words it.
            None => Err(E::custom("front matter budget spent")),
        }
    }
}

impl<'de> serde::de::DeserializeSeed<'de> for Budget<'_> {
    type Value = serde_yaml::Value;

    fn deserialize<D: serde::Deserializer<'de>>(self, de: D) -> Result<Self::Value, D::Error> {
        de.deserialize_any(self)
    }
}

impl<'de> serde::de::Visitor<'de> for Budget<'_> {
    type Value = serde_yaml::Value;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_bool<E: serde::de::Error>(self, b: bool) -> Result<Self::Value, E> {
        self.spend()?;
        Ok(serde_yaml::Value::Bool(b))
    }

    fn visit_i64<E: serde::de::Error>(self, i: i64) -> Result<Self::Value, E> {
        self.spend()?;
        Ok(serde_yaml::Value::Number(i.into()))
    }

    fn visit_u64<E: serde::de::Error>(self, u: u64) -> Result<Self::Value, E> {
        self.spend()?;
        Ok(serde_yaml::Value::Number(u.into()))
    }

    fn visit_f64<E: serde::de::Error>(self, f: f64) -> Result<Self::Value, E> {
        self.spend()?;
        Ok(serde_yaml::Value::Number(f.into()))
    }

    fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Self::Value, E> {
        self.spend()?;
        Ok(serde_yaml::Value::String(s.to_owned()))
    }

    fn visit_string<E: serde::de::Error>(self, s: String) -> Result<Self::Value, E> {
        self.spend()?;
        Ok(serde_yaml::Value::String(s))
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
        self.spend()?;
        Ok(serde_yaml::Value::Null)
    }

    fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
        self.visit_unit()
    }

    fn visit_some<D: serde::Deserializer<'de>>(self, de: D) -> Result<Self::Value, D::Error> {
        serde::de::DeserializeSeed::deserialize(self, de)
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        self.spend()?;
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(self)? {
            items.push(item);
        }
        Ok(serde_yaml::Value::Sequence(items))
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        self.spend()?;
        let mut mapping = serde_yaml::Mapping::new();
        while let Some(key) = map.next_key_seed(self)? {
            let value = map.next_value_seed(self)?;
            if mapping.contains_key(&key) {
                // The wording serde_yaml's own Mapping uses, which `repeated_key_line` reads.
                return Err(serde::de::Error::custom(match &key {
                    serde_yaml::Value::String(k) => format!("duplicate entry with key \"{k}\""),
                    _ => "duplicate entry in a map".to_string(),
                }));
            }
            mapping.insert(key, value);
        }
        Ok(serde_yaml::Value::Mapping(mapping))
    }

    fn visit_enum<A: serde::de::EnumAccess<'de>>(self, data: A) -> Result<Self::Value, A::Error> {
        use serde::de::VariantAccess;
        self.spend()?;
        let (tag, contents): (String, _) = data.variant()?;
        let value = contents.newtype_variant_seed(self)?;
        Ok(serde_yaml::Value::Tagged(Box::new(
            serde_yaml::value::TaggedValue {
                tag: serde_yaml::value::Tag::new(tag),
                value,
            },
        )))
    }
}

/// Parses front matter YAML into fields. Empty YAML is an empty map; anything that is not a
/// map of fields, or not valid YAML (including alias bombs and runaway nesting, which the YAML
/// parser refuses in bounded time), is an error. Strings are sanitized.
pub fn parse(yaml: &str) -> Result<Meta, Error> {
    match super::flat_yaml::read(yaml) {
        Some(meta) => Ok(meta),
        None => parse_yaml(yaml),
    }
}

/// [`parse`] by serde_yaml, whatever the shape of the YAML.
pub(super) fn parse_yaml(yaml: &str) -> Result<Meta, Error> {
    too_deep(yaml)?;
    let left = std::cell::Cell::new(Some(MAX_VALUES_BASE + yaml.len()));
    let budget = Budget { left: &left };
    let value =
        serde::de::DeserializeSeed::deserialize(budget, serde_yaml::Deserializer::from_str(yaml))
            .map_err(|e| {
            let location = e.location();
            let message = e.to_string();
            // serde_yaml appends " at line L column C"; we report the location ourselves.
            let message = match message.find(" at line ") {
                Some(i) => message[..i].to_string(),
                None => message,
            };
            // serde_yaml places a duplicate key at the start of its map: find the duplicate.
            let (line, column) = match repeated_key_line(yaml, &message) {
                Some(line) => (Some(line), Some(1)),
                None => (
                    location.as_ref().map(|l| l.line()),
                    location.as_ref().map(|l| l.column()),
                ),
            };
            // Our limit on what aliases expand to, and serde_yaml's own on nesting and on
            // alias uses.
            let (kind, message) = if left.get().is_none() {
                let message = format!(
                    "aliases expand to more than {MAX_VALUES_BASE} values plus one per byte \
                     (an alias bomb?)"
                );
                (ErrorKind::TooBig, message)
            } else if message == "recursion limit exceeded"
                || message == "repetition limit exceeded"
            {
                (ErrorKind::TooBig, message)
            } else {
                (ErrorKind::Syntax, message)
            };
            Error {
                kind,
                line,
                column,
                message: clean(&message),
            }
        })?;
    match value {
        serde_yaml::Value::Null => Ok(Map::new()),
        serde_yaml::Value::Mapping(mapping) => Ok(mapping
            .into_iter()
            .map(|(k, v)| (key_text(&k), to_json(v)))
            .collect()),
        other => Err(Error {
            kind: ErrorKind::NotFields,
            line: Some(1),
            column: Some(1),
            message: format!("front matter is {}, not a map of fields", kind_of(&other)),
        }),
    }
}

/// For serde_yaml's `duplicate entry with key "K"`, the 1-based line where a top-level key `K`
/// appears for the second time.
fn repeated_key_line(yaml: &str, message: &str) -> Option<usize> {
    let key = message
        .strip_prefix("duplicate entry with key \"")?
        .strip_suffix('"')?;
    let is_key_line = |line: &str| {
        [key.to_string(), format!("\"{key}\""), format!("'{key}'")]
            .iter()
            .any(|k| {
                line.strip_prefix(k.as_str())
                    .is_some_and(|rest| rest.trim_start().starts_with(':'))
            })
    };
    yaml.lines()
        .enumerate()
        .filter(|(_, line)| is_key_line(line))
        .nth(1)
        .map(|(i, _)| i + 1)
}

/// Deepest nesting of flow collections (`[`, `{`) front matter may have: what serde_yaml
/// accepts anyway.
const MAX_FLOW_DEPTH: usize = 128;

/// Refuses flow collections nested deeper than [`MAX_FLOW_DEPTH`] before the YAML parser sees
/// them: its scanner re-checks every open level at each token, so `a: [a: [a: [` … takes time
/// quadratic in the nesting (seconds for 100 KB) before the recursion limit can refuse it.
/// Quoted scalars are skipped; a quote counts as opening one only where a scalar can start.
fn too_deep(yaml: &str) -> Result<(), Error> {
    let mut depth = 0usize;
    let mut line = 1;
    let mut column = 0;
    let mut quote: Option<char> = None;
    let mut prev = '\n';
    let mut chars = yaml.chars().peekable();
    while let Some(c) = chars.next() {
        column += 1;
        if c == '\n' {
            line += 1;
            column = 0;
        }
        match quote {
            Some('"') if c == '\\' => {
                chars.next();
                column += 1;
            }
            Some(q) if c == q => {
                if q == '\'' && chars.peek() == Some(&'\'') {
                    chars.next();
                    column += 1;
                } else {
                    quote = None;
                }
            }
            Some(_) => {}
            None => match c {
                '"' | '\'' if prev.is_whitespace() || "[{,:-?".contains(prev) => quote = Some(c),
                '[' | '{' => {
                    depth += 1;
                    if depth > MAX_FLOW_DEPTH {
                        return Err(Error {
                            kind: ErrorKind::TooBig,
                            line: Some(line),
                            column: Some(column),
                            message: format!("collections nested more than {MAX_FLOW_DEPTH} deep"),
                        });
                    }
                }
                ']' | '}' => depth = depth.saturating_sub(1),
                _ => {}
            },
        }
        prev = c;
    }
    Ok(())
}

fn kind_of(value: &serde_yaml::Value) -> &'static str {
    match value {
        serde_yaml::Value::Sequence(_) => "a list",
        serde_yaml::Value::Mapping(_) => "a map",
        serde_yaml::Value::Tagged(_) => "a tagged value",
        _ => "a single value",
    }
}

fn key_text(key: &serde_yaml::Value) -> String {
    match key {
        serde_yaml::Value::String(s) => clean(s),
        serde_yaml::Value::Bool(b) => b.to_string(),
        serde_yaml::Value::Number(n) => n.to_string(),
        serde_yaml::Value::Null => "null".to_string(),
        other => clean(serde_yaml::to_string(other).unwrap_or_default().trim()),
    }
}

/// YAML to JSON, keeping each value's type: numbers stay numbers, booleans booleans; a date
/// such as `2026-02-10` is a string in YAML 1.2 and stays one.
fn to_json(value: serde_yaml::Value) -> Value {
    match value {
        serde_yaml::Value::Null => Value::Null,
        serde_yaml::Value::Bool(b) => Value::Bool(b),
        serde_yaml::Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                Value::from(i)
            } else if let Some(u) = n.as_u64() {
                Value::from(u)
            } else {
                n.as_f64()
                    .and_then(serde_json::Number::from_f64)
                    .map(Value::Number)
                    .unwrap_or_else(|| Value::String(n.to_string()))
            }
        }
        serde_yaml::Value::String(s) => Value::String(clean(&s)),
        serde_yaml::Value::Sequence(items) => {
            Value::Array(items.into_iter().map(to_json).collect())
        }
        serde_yaml::Value::Mapping(mapping) => Value::Object(
            mapping
                .into_iter()
                .map(|(k, v)| (key_text(&k), to_json(v)))
                .collect(),
        ),
        serde_yaml::Value::Tagged(tagged) => to_json(tagged.value),
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
    fn finds_a_closed_block_with_either_fence() {
        let text = "---\ntitle: A\n---\n# Body\n";
        assert_eq!(
            split(text),
            Split::Block(Block {
                yaml: 4..13,
                whole: 0..17
            })
        );
        let text = "---\r\ntitle: A\r\n...\r\nbody";
        assert_eq!(
            split(text),
            Split::Block(Block {
                yaml: 5..15,
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
                whole: 0..12
            })
        );
        assert_eq!(split("---"), Split::Unclosed);
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
