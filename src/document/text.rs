//! [`Text`]: a piece of a document's plain text, shared rather than copied.
//!
//! Loading a dossier writes the plain text of all its blocks once, one after another, into a
//! single buffer. Each section's text, and the preamble, are `Text`s of it (the titles are of
//! a buffer of their own); each block holds its range as plain numbers (the document lends
//! the buffer: see `Document::text_of`). A 5 MB dossier then costs one allocation for its
//! text rather than ~100,000 (a string per block and per section), and freeing the model is
//! one free, not ~100,000.

use std::fmt;
use std::ops::{Deref, Range};
use std::sync::Arc;

use super::{narrow, wide};

/// A range of a shared text buffer; reads as a `&str`.
///
/// The buffer is an `Arc<String>` rather than an `Arc<str>`: the loader's buffer becomes
/// shared without being copied again.
///
/// An empty text shares no buffer and costs no allocation: a slimmed library document
/// empties thousands of section texts.
///
/// Its range is kept as `u32`s (buffers are at most 256 MiB, the most dossier opens), so a
/// text is 16 bytes: a 200 MB dossier has 650,000 sections with two texts each.
#[derive(Clone, Default)]
pub struct Text {
    buffer: Option<Arc<String>>,
    range: Range<u32>,
}

impl Text {
    /// `range` of `buffer`, which must fall on character boundaries.
    pub fn new(buffer: &Arc<String>, range: Range<usize>) -> Text {
        debug_assert!(buffer.get(range.clone()).is_some(), "{range:?}");
        Text {
            buffer: Some(Arc::clone(buffer)),
            range: narrow(range.start)..narrow(range.end),
        }
    }

    /// The text as a string slice.
    pub fn as_str(&self) -> &str {
        // The range was checked against the buffer when the text was made; `get` keeps a
        // mistake from becoming a panic in the reader.
        self.buffer
            .as_ref()
            .and_then(|b| b.get(self.range()))
            .unwrap_or_default()
    }

    /// Where the text sits in its buffer.
    pub fn range(&self) -> Range<usize> {
        wide(&self.range)
    }

    /// The buffer it is a piece of (none for an empty text made on its own).
    pub fn buffer(&self) -> Option<&Arc<String>> {
        self.buffer.as_ref()
    }
}

impl Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl From<String> for Text {
    fn from(text: String) -> Text {
        let range = 0..narrow(text.len());
        Text {
            buffer: Some(Arc::new(text)),
            range,
        }
    }
}

impl From<&str> for Text {
    fn from(text: &str) -> Text {
        Text::from(text.to_string())
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq for Text {
    fn eq(&self, other: &Text) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Text {}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Text {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

impl serde::Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_of_one_buffer_read_as_their_own_strings() {
        let buffer = Arc::new(String::from("one\ntwo three"));
        let two = Text::new(&buffer, 4..7);
        assert_eq!(two, "two");
        assert_eq!(two.len(), 3);
        assert_eq!(format!("{two}|{two:?}"), "two|\"two\"");
        assert_eq!(two.range(), 4..7);
        assert!(Arc::ptr_eq(two.buffer().unwrap(), &buffer));
        assert!(Text::default().buffer().is_none());
        assert_eq!(Text::from(String::from("two")), two);
        assert_eq!(Text::default(), "");
        assert_eq!(serde_json::to_string(&two).unwrap(), "\"two\"");
    }
}
