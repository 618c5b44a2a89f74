//! What the parse benches share: the floor they measure `document::load` against.

use std::hint::black_box;

use dossier::document::outline;
use pulldown_cmark::Parser;

/// Every event of a plain pulldown-cmark pass with offsets, as `load` reads them.
pub fn bare_pass(text: &str) -> usize {
    let mut events = 0;
    for event in Parser::new_ext(text, outline::options()).into_offset_iter() {
        black_box(&event);
        events += 1;
    }
    events
}
