//! Bytes to text: a file is a dossier only if it is UTF-8 (a BOM is allowed) with no NUL
//! bytes; otherwise why not, with the line of the first bad byte.

/// Why bytes could not be read as a dossier.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// The bytes hold NUL bytes: not a text document.
    #[error("is a binary file, not a Markdown dossier")]
    Binary,
    /// The bytes are not UTF-8.
    #[error("is not valid UTF-8 (line {line}, byte {offset})")]
    NotUtf8 { line: usize, offset: usize },
}

/// The text of a file's bytes: UTF-8 (a BOM is allowed), with no NUL bytes.
pub fn decode(bytes: &[u8]) -> Result<&str, DecodeError> {
    let sample = &bytes[..bytes.len().min(8192)];
    if sample.contains(&0) {
        return Err(DecodeError::Binary);
    }
    std::str::from_utf8(bytes).map_err(|e| {
        let offset = e.valid_up_to();
        // Lines end at LF, CRLF or a lone CR, as everywhere else.
        let before = &bytes[..offset];
        let line = 1 + before
            .iter()
            .enumerate()
            .filter(|&(i, &b)| b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')))
            .count();
        if bytes.contains(&0) {
            DecodeError::Binary
        } else {
            DecodeError::NotUtf8 { line, offset }
        }
    })
}
