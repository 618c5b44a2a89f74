//! CSV as RFC 4180 writes it (by the `csv` crate): a header row, one record per row, CRLF
//! line ends, and a field quoted when it holds a comma, a quotation mark or a line break.

use std::io::{self, Write};

/// Writes `header` and then `rows` as CSV.
pub fn write(out: &mut dyn Write, header: &[&str], rows: &[Vec<String>]) -> io::Result<()> {
    let mut csv = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(out);
    csv.write_record(header).map_err(io_error)?;
    for row in rows {
        csv.write_record(row).map_err(io_error)?;
    }
    csv.flush()
}

/// The I/O error `e` stands for, of its own kind: a reader that went away (`| head`) is a
/// broken pipe, which is no failure, not an error of another kind.
fn io_error(e: ::csv::Error) -> io::Error {
    match e.into_kind() {
        ::csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

/// A document's text as a field: as it is, but for a leading `=`, `+`, `-` or `@`, which a
/// spreadsheet would take for a formula (`=HYPERLINK(…)` in a heading would run when the
/// file is opened): such a field gets a `'` before it, as spreadsheets themselves write a
/// text that looks like a formula.
pub fn text_field(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_with_commas_quotes_and_line_breaks_are_quoted() {
        let mut out = Vec::new();
        let rows = [vec![
            "a, b".to_string(),
            "say \"hi\"".into(),
            "one\ntwo".into(),
        ]];
        write(&mut out, &["x", "y", "z"], &rows).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "x,y,z\r\n\"a, b\",\"say \"\"hi\"\"\",\"one\ntwo\"\r\n"
        );
    }

    #[test]
    fn a_text_that_looks_like_a_formula_is_kept_as_text() {
        assert_eq!(text_field("=1+1"), "'=1+1");
        assert_eq!(text_field("@cmd"), "'@cmd");
        assert_eq!(text_field("Leike = left"), "Leike = left");
    }
}
