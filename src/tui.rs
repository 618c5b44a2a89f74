//! Terminal set-up and the event loop (placeholder until the app lands).
use crate::document::Document;

/// Runs the interactive app.
pub fn run(_doc: Document) -> std::io::Result<()> {
    Ok(())
}
