//! Fuzz target: any text walked in parts (cut at every heading that can be cut, see
//! `outline::walk_in_parts`) must give the outline and the timeline of one walk of the
//! whole, or decline (`None`); never a different one.
#![no_main]

use dossier::document::{outline, timeline};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let text = String::from_utf8_lossy(bytes);
    let whole = outline::walk(&text, 0, None);
    let dates = |part: &outline::Outline| timeline::build(part, &text);
    if let Some((parts, timelines)) = outline::walk_in_parts(&text, 0, None, 1, &dates) {
        assert!(parts == whole, "the outline walked in parts differs");
        assert!(timeline::joined(timelines) == dates(&whole), "the timeline differs");
    }
});
