//! Front matter read by serde_yaml, whatever its shape: bounded in time and size (alias
//! bombs, runaway nesting), strings sanitized, values kept with their YAML types.

use serde_json::{Map, Value};

use super::{Error, ErrorKind, Meta};
use crate::document::sanitize::clean;

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

/// [`super::parse`] by serde_yaml, whatever the shape of the YAML.
pub(super) fn parse(yaml: &str) -> Result<Meta, Error> {
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
