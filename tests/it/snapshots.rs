//! Whole screens, as a user sees them, rendered to ratatui's TestBackend at 80×24 and
//! 120×40 and compared with reviewed snapshots (insta). CI runs with INSTA_UPDATE=no, so a
//! changed screen fails instead of writing a new snapshot.

use crate::common::{library_app_loading, screen};
use dossier::app::App;
use dossier::library;

/// The embedded dossier at `size`, after pressing `keys`.
fn shot(size: (u16, u16), keys: &str) -> String {
    let doc = library::open(None).expect("the embedded dossier opens");
    let mut app = App::new(doc, size.0, size.1);
    app.press(keys);
    screen(&app)
}

macro_rules! screens {
    ($($name:ident: $keys:expr;)*) => {
        $(
            #[test]
            fn $name() {
                for (w, h) in [(80, 24), (120, 40)] {
                    insta::assert_snapshot!(format!("{}_{w}x{h}", stringify!($name)), shot((w, h), $keys));
                }
            }
        )*
    };
}

screens! {
    sections_at_start: "";
    sections_reader_focused_after_scrolling: "<Tab>jjjjjjjjjj";
    outline_with_a_branch_collapsed: "jjjh";
    timeline: "2";
    timeline_filtered: "2/2024";
    quotes_empty_query: "3";
    quotes_for_compute: "3compute";
    reader_after_jumping_to_a_quote: "3compute<Enter>";
    reader_search: "/safety<Enter>n";
    help_overlay: "?";
    front_matter_popup: "i";
}

#[test]
fn too_small_terminal_says_so() {
    insta::assert_snapshot!(shot((24, 4), ""));
}

/// The fixture library (tests/library) loaded, at `size`, after pressing `keys`; with
/// `loaded` documents of it when `Some` (the gauge mid-load).
fn library_shot(size: (u16, u16), keys: &str, loaded: Option<usize>) -> String {
    let first = loaded.unwrap_or(usize::MAX);
    let mut app = library_app_loading("tests/library", size.0, size.1, first);
    app.press(keys);
    screen(&app)
}

/// [`library_shot`] after `keys`, at 80×24 and 120×40, against the snapshots `{name}_{w}x{h}`.
fn library_screens(name: &str, keys: &str) {
    for (w, h) in [(80, 24), (120, 40)] {
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), library_shot((w, h), keys, None));
    }
}

#[test]
fn library_view() {
    library_screens("library_view", "");
}

/// `1` before any document is opened shows the selected one, not an empty reader.
#[test]
fn library_sections_before_opening_a_document_shows_the_selected_one() {
    library_screens("library_sections_before_opening", "j1");
}

#[test]
fn library_loading_gauge() {
    insta::assert_snapshot!(library_shot((120, 40), "", Some(4)));
}

#[test]
fn library_timeline() {
    library_screens("library_timeline", "2");
}

#[test]
fn library_quotes() {
    library_screens("library_quotes", "3@leike");
}

#[test]
fn library_people() {
    library_screens("library_people", "4");
}

#[test]
fn library_people_filtered_then_their_quotes() {
    library_screens("library_people_leike_quotes", "4leike<Enter>");
}

/// At 40 columns the header keeps the title and the tab numbers, and the footer the keys
/// that fit and its position, each whole.
#[test]
fn narrow_header_and_footer_keep_their_parts_whole_40x12() {
    insta::assert_snapshot!(shot((40, 12), ""));
}
