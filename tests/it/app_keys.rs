//! The app driven by keys, as a user would: each test presses keys into the real `App` (no
//! terminal) and checks what the user would then see or have.

use crate::common::{area_of, click, screen, text_in, wheel};
use dossier::app::{Action, App, Focus, Msg, Overlay, Target, View};
use dossier::library;

fn app(width: u16, height: u16) -> App {
    let doc = library::open(None).expect("the embedded dossier opens");
    App::new(doc, width, height)
}

/// The reader's lines on screen, as text (after the two-cell gutter).
fn reader_text(app: &App) -> String {
    let r = app.areas.reader;
    let text = ratatui::layout::Rect::new(r.x + 2, r.y, r.width - 2, r.height);
    text_in(app, text)
}

/// The reader's lines on screen marked in the gutter (by the last jump), as one string.
fn marked_text(app: &App) -> String {
    let r = app.areas.reader;
    (text_in(app, r).lines())
        .filter_map(|l| l.strip_prefix('▌'))
        .map(str::trim)
        .collect::<Vec<_>>()
        .join(" ")
}

/// What the footer says.
fn footer(app: &App) -> String {
    text_in(app, app.areas.footer)
}

fn selected_title(app: &App) -> &str {
    &app.doc().sections[app.outline.selected.unwrap()].title
}

#[test]
fn opens_on_the_outline_at_the_title() {
    let app = app(120, 40);
    assert_eq!(app.view, View::Sections);
    assert_eq!(app.focus, Focus::Outline);
    assert_eq!(
        selected_title(&app),
        "Jan Leike's Departure from OpenAI and Safety Concerns"
    );
    assert!(screen(&app).contains("1 Sections"));
}

#[test]
fn moving_in_the_outline_scrolls_the_reader_to_that_heading() {
    let mut app = app(120, 40);
    app.press("jjj");
    assert_eq!(selected_title(&app), "The Departure: Timeline");
    let shown = reader_text(&app);
    let top = shown.lines().next().unwrap_or_default();
    assert!(
        top.contains("The Departure: Timeline"),
        "reader top is {top:?}"
    );
}

#[test]
fn scrolling_the_reader_moves_the_outline_highlight() {
    let mut app = app(120, 40);
    app.press("<Tab>");
    assert_eq!(app.focus, Focus::Reader);
    app.press("<PgDn><PgDn>");
    let on_screen = selected_title(&app).to_string();
    assert_ne!(
        on_screen,
        "Jan Leike's Departure from OpenAI and Safety Concerns"
    );
    assert!(
        reader_text(&app).contains(&on_screen)
            || app.reader.layout.section_at(app.reader.top) == app.outline.selected
    );
    app.press("G");
    assert_eq!(app.percent(), 100);
    assert_eq!(selected_title(&app), "Sources");
    app.press("g");
    assert_eq!(app.reader.top, 0);
}

#[test]
fn branches_collapse_and_expand() {
    let mut app = app(120, 40);
    let all = app.outline.visible.len();
    assert_eq!(all, 52);
    app.press("jjj"); // The Departure: Timeline, with three dated children
    app.press("h");
    assert_eq!(app.outline.visible.len(), all - 3);
    app.press("j");
    assert_eq!(
        selected_title(&app),
        "Leike's Public Statement",
        "the hidden children are skipped"
    );
    app.press("kl");
    assert_eq!(app.outline.visible.len(), all);
    app.press("<Enter>");
    assert_eq!(app.outline.visible.len(), all - 3, "Enter toggles too");
    app.press("gj<Left>");
    assert_eq!(
        selected_title(&app),
        "Jan Leike's Departure from OpenAI and Safety Concerns",
        "← on a leaf goes to its parent"
    );
}

#[test]
fn brackets_step_through_sections() {
    let mut app = app(120, 40);
    app.press("<Tab>]]");
    assert_eq!(selected_title(&app), "Background: Who is Jan Leike?");
    app.press("[");
    assert_eq!(selected_title(&app), "Overview");
}

#[test]
fn quote_search_finds_compute_first_and_jumps_to_it() {
    let mut app = app(80, 24);
    app.press("3compute");
    assert_eq!(app.view, View::Quotes);
    let first = &app.doc().quotes[app.quotes.hits[0].quote];
    assert!(
        first.text.contains("struggling for compute"),
        "first result: {}",
        first.text
    );
    assert_eq!(first.speaker.as_deref(), Some("Jan Leike"));
    assert!(screen(&app).contains("struggling for compute"));
    app.press("<Enter>");
    assert_eq!(app.view, View::Sections);
    assert!(reader_text(&app).contains("struggling for"));
    let marked = marked_text(&app);
    assert!(
        marked.contains("struggling for") && marked.contains("research done"),
        "marked: {marked}"
    );
    assert_eq!(selected_title(&app), "Resource Constraints");
    app.press("<BS>");
    assert_eq!(
        app.view,
        View::Quotes,
        "Backspace returns to where the jump came from"
    );
}

#[test]
fn an_empty_query_lists_every_quote_in_document_order() {
    let mut app = app(120, 40);
    app.press("3");
    let lines: Vec<usize> = app
        .quotes
        .hits
        .iter()
        .map(|h| app.doc().quotes[h.quote].line)
        .collect();
    let mut sorted = lines.clone();
    sorted.sort();
    assert_eq!(lines, sorted);
    assert_eq!(lines.len(), app.doc().quotes.len());
    app.press("zzzzqqq");
    assert!(app.quotes.hits.is_empty());
    app.press("<Esc>");
    assert_eq!(
        app.quotes.hits.len(),
        app.doc().quotes.len(),
        "Esc clears the query"
    );
    app.press("1");
    assert_eq!(app.view, View::Sections, "after Esc, 1 switches views");
}

#[test]
fn typing_in_the_quote_box_does_not_quit_or_switch() {
    let mut app = app(120, 40);
    app.press("3q1");
    assert!(!app.quit);
    assert_eq!(app.view, View::Quotes);
    assert_eq!(app.quotes.query, "q1");
    app.press("<A-1>");
    assert_eq!(app.view, View::Sections);
    app.press("q");
    assert!(app.quit);
}

#[test]
fn ctrl_c_quits_from_a_search_box() {
    let mut app = app(120, 40);
    app.press("3comp<C-c>");
    assert!(app.quit);
}

#[test]
fn copying_a_quote_puts_its_citation_on_the_clipboard() {
    let mut app = app(120, 40);
    app.press("3compute<C-y>");
    let copied = app.clipboard.clone().expect("something was copied");
    assert!(
        copied.starts_with("\"Over the past few months my team has been sailing against the wind.")
    );
    // The citation names the speaker, the work, its section and line, and the source.
    assert!(copied.contains("\" — Jan Leike, Jan Leike's Departure from OpenAI and Safety Concerns, Jan Leike and various sources (2024), § Resource Constraints, line "), "{copied}");
    assert!(
        copied.ends_with(", https://x.com/janleike/status/1791498174659715494"),
        "{copied}"
    );
    app.press("<Esc>y");
    assert!(app.clipboard.is_some());
}

#[test]
fn timeline_lists_events_by_date_and_jumps_to_them() {
    let mut app = app(120, 40);
    app.press("2");
    assert_eq!(app.view, View::Timeline);
    let first = &app.doc().timeline[app.timeline.row(0).unwrap().1];
    assert_eq!(first.date.iso(), "2020");
    let shown = screen(&app);
    assert!(
        shown.contains("May 14, 2024"),
        "dates as a person writes them"
    );
    assert!(shown.contains("Nov 2023"));
    app.press("/may 14<Enter>");
    assert_eq!(app.timeline.row_count(), 1);
    app.press("<Enter>");
    assert_eq!(app.view, View::Sections);
    assert_eq!(selected_title(&app), "May 14, 2024");
    assert!(reader_text(&app).contains("announces his resignation"));
    app.press("<C-o>");
    assert_eq!(app.view, View::Timeline);
}

#[test]
fn searching_the_text_finds_and_steps_through_matches() {
    let mut app = app(120, 40);
    app.press("/superalignment<Enter>");
    assert_eq!(app.focus, Focus::Reader);
    // The footer counts the matches: `Match 1/N`.
    let said = footer(&app);
    let count = said.split("Match ").nth(1).expect("a match count");
    let count = count.split_whitespace().next().unwrap_or_default();
    let (first, n) = count.split_once('/').unwrap();
    let (first, n): (usize, usize) = (first.parse().unwrap(), n.parse().unwrap());
    assert!(n >= 5, "{n} matches");
    app.press("n");
    assert!(footer(&app).contains(&format!("Match {}/{n}", first + 1)));
    app.press("N");
    assert!(footer(&app).contains(&format!("Match {first}/{n}")));
    assert!(reader_text(&app).to_lowercase().contains("superalignment"));
}

#[test]
fn help_and_front_matter_open_and_close() {
    let mut app = app(120, 40);
    app.press("?");
    assert_eq!(app.overlay, Some(Overlay::Help));
    let shown = screen(&app);
    assert!(shown.contains("Keys"));
    assert!(shown.contains("quote search"));
    app.press("<Esc>i");
    assert_eq!(app.overlay, Some(Overlay::Info));
    assert!(
        screen(&app).contains("https://x.com/janleike/status/1791498174659715494"),
        "the source URL in full"
    );
    app.press("q");
    assert_eq!(app.overlay, None);
    assert!(!app.quit, "q closes the popup first");
}

#[test]
fn help_lists_every_key_in_the_table() {
    let mut app = app(120, 200);
    app.press("?");
    let shown = screen(&app);
    use dossier::app::action::{BINDINGS, Context};
    for b in BINDINGS {
        if b.context == Context::Library || b.action == Action::Show(View::Library) {
            assert!(
                !shown.contains(b.help),
                "library keys are not offered for one document: {:?}",
                b.help
            );
            continue;
        }
        assert!(shown.contains(b.help), "help is missing {:?}", b.help);
    }
}

#[test]
fn the_mouse_scrolls_the_pane_under_it_and_clicks_select() {
    let mut app = app(120, 40);
    let r = app.areas.reader;
    let before = reader_text(&app);
    wheel(&mut app, r.x + 5, r.y + 5, 1);
    let after = reader_text(&app);
    assert_eq!(
        after.lines().next(),
        before.lines().nth(3),
        "one notch scrolls the reader three lines"
    );
    let o = app.areas.outline;
    click(&mut app, o.x + 3, o.y + 2);
    assert_eq!(selected_title(&app), "Background: Who is Jan Leike?");
    let quotes_tab = area_of(&app, Target::Tab(View::Quotes));
    assert!(text_in(&app, quotes_tab).contains('3'));
    click(&mut app, quotes_tab.x + 2, 0);
    assert_eq!(app.view, View::Quotes, "clicking a tab switches view");
    let last_tab = app.areas.screen.width - 3;
    click(&mut app, last_tab, 0);
    assert_eq!(app.view, View::People, "the last tab is People");
}

#[test]
fn any_size_draws_without_panicking() {
    let mut app = app(120, 40);
    for (w, h) in [
        (1, 1),
        (0, 0),
        (1, 0),
        (0, 5),
        (5, 1),
        (29, 5),
        (30, 6),
        (40, 10),
        (300, 3),
        (500, 120),
        (80, 24),
    ] {
        for view in ["1", "2", "3compute<Esc>", "?", "<Esc>i", "<Esc>"] {
            app.update(Msg::Action(Action::Resize(w, h)));
            app.press(view);
            let _ = screen(&app);
        }
    }
    app.update(Msg::Action(Action::Resize(20, 3)));
    assert!(screen(&app).contains("too small"));
}

#[test]
fn resizing_keeps_the_reader_on_the_same_text() {
    let mut app = app(120, 40);
    app.press("3compute<Enter>");
    let words = |text: String| {
        (text.split_whitespace())
            .filter(|w| *w != "▎")
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    let before = words(marked_text(&app));
    app.update(Msg::Action(Action::Resize(70, 30)));
    let after = words(marked_text(&app));
    assert!(!before.is_empty());
    assert_eq!(
        before, after,
        "the marked passage stays on screen, wrapped anew"
    );
    assert!(reader_text(&app).contains("struggling for"));
}

#[test]
fn no_color_draws_without_any_colour() {
    use ratatui::style::Color;
    let doc = library::open(None).unwrap();
    let mut app = App::new(doc, 100, 30);
    for keys in [
        "",
        "<Tab>",
        "2",
        "3compute",
        "<Esc>?",
        "<Esc>i",
        "<Esc>1/safety<Enter>",
    ] {
        app.press(keys);
        let mut terminal =
            ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 30)).unwrap();
        let theme = dossier::view::theme::Theme::new(false);
        terminal
            .draw(|f| {
                dossier::view::draw(&app, &theme, f);
            })
            .unwrap();
        for cell in terminal.backend().buffer().content() {
            assert_eq!(
                (cell.fg, cell.bg),
                (Color::Reset, Color::Reset),
                "a colour after {keys:?}"
            );
        }
    }
}

#[test]
fn text_boxes_edit_in_place_as_readline_does() {
    let mut app = app(120, 40);
    app.press("3audit<Left><Left><Left>X");
    assert_eq!(app.quotes.query, "auXdit");
    app.press("<Home>>-<End>!");
    assert_eq!(app.quotes.query, ">-auXdit!");
    app.press("<C-a><Right><C-e><BS>");
    assert_eq!(app.quotes.query, ">-auXdit");
    app.press("<Left><Left><C-u>");
    assert_eq!(app.quotes.query, "it");
    app.press("<Esc>2/may safety<C-w>");
    assert_eq!(app.timeline.filter, "may ");
    app.press("<Esc>1/for compute<A-BS>");
    assert_eq!(app.reader.search.query, "for ");
    app.press("<Home><Del>");
    assert_eq!(app.reader.search.query, "or ");
    // The screen shows where the next character goes: under the cursor, reversed.
    assert!(screen(&app).contains("/or "), "{}", screen(&app));
}

#[test]
fn help_scrolls_with_g_shift_g_and_pages_and_stops_at_its_end() {
    let mut app = app(120, 40);
    app.press("?G");
    let bottom = app.overlay_scroll;
    assert!(bottom > 0, "G goes to the end of the help");
    assert!(
        screen(&app).contains("cursor to the end"),
        "{}",
        screen(&app)
    );
    app.press(&"j".repeat(50));
    assert_eq!(
        app.overlay_scroll, bottom,
        "j past the end stays at the end"
    );
    app.press("k");
    assert_eq!(
        app.overlay_scroll,
        bottom - 1,
        "one k moves back up at once"
    );
    app.press("g");
    assert_eq!(app.overlay_scroll, 0);
    app.press("<PgDn>");
    assert!(app.overlay_scroll > 10, "a page is the popup's height");
    app.press("<PgUp>");
    assert_eq!(app.overlay_scroll, 0);
}

#[test]
fn back_from_a_quote_lands_on_the_results_so_backspace_goes_back_again() {
    let mut app = app(120, 40);
    app.press("3compute<Enter>");
    assert_eq!(app.view, View::Sections);
    app.press("<BS>");
    assert_eq!(app.view, View::Quotes);
    assert!(!app.quotes.typing, "the box is not focused after Back");
    app.press("<BS>");
    assert_eq!(app.quotes.query, "compute", "Backspace deleted nothing");
}

#[test]
fn tab_moves_between_the_quote_box_and_the_list_and_the_footer_names_alt_digits() {
    let mut app = app(120, 40);
    app.press("3");
    assert!(app.quotes.typing);
    let footer = screen(&app).lines().last().unwrap().to_string();
    assert!(footer.contains("Alt-1…4"), "footer: {footer}");
    assert!(footer.contains("Tab list"), "footer: {footer}");
    app.press("<Tab>");
    assert!(!app.quotes.typing, "Tab leaves the box for the list");
    app.press("j<Tab>x");
    assert!(app.quotes.typing, "Tab goes back to the box");
    assert_eq!(app.quotes.query, "x");
}

#[test]
fn the_reader_search_shows_its_count_at_once_or_says_no_match() {
    let mut app = app(120, 40);
    app.press("/safety<Enter>");
    let footer = screen(&app).lines().last().unwrap().to_string();
    assert!(footer.contains("Match 1/"), "footer: {footer}");
    app.press("/zebraxyz<Enter>");
    let footer = screen(&app).lines().last().unwrap().to_string();
    assert!(
        footer.contains("No match for “zebraxyz”"),
        "footer: {footer}"
    );
}

#[test]
fn a_double_click_on_a_timeline_or_quote_row_opens_it() {
    let mut app = app(120, 40);
    app.press("2j");
    let l = app.areas.list;
    let row_y = area_of(&app, Target::Row(2)).y;
    click(&mut app, l.x + 5, row_y);
    assert_eq!(app.view, View::Timeline, "one click selects");
    assert_eq!(app.timeline.selected, 2);
    click(&mut app, l.x + 5, row_y);
    assert_eq!(app.view, View::Sections, "a second click opens the event");
    assert!(app.reader.marked.is_some());
    app.press("3<Tab>");
    let l = app.areas.list;
    click(&mut app, l.x + 5, l.y + 1);
    assert_eq!(app.view, View::Quotes);
    click(&mut app, l.x + 5, l.y + 1);
    assert_eq!(app.view, View::Sections, "a double click opens the quote");
}

#[test]
fn the_header_names_the_whole_author_at_120_columns() {
    let app = app(120, 40);
    let screen = screen(&app);
    let header = screen.lines().next().unwrap();
    assert!(
        header.contains("— Jan Leike and various sources, 2024"),
        "header: {header}"
    );
    assert!(
        header.contains("1 Sections"),
        "the active tab keeps its name"
    );
}

/// The title of the selected timeline event.
fn selected_event(app: &App) -> String {
    let (d, e) = app.timeline.row(app.timeline.selected).unwrap();
    app.docs[d].timeline[e].title.clone()
}

#[test]
fn a_timeline_word_matches_the_events_not_the_documents_title() {
    let mut app = app(120, 40);
    app.press("2");
    let all = app.timeline.row_count();
    // "Safety" is in the document's title, in no event.
    app.press("/safety");
    assert_eq!(app.timeline.row_count(), 0);
    app.press("<C-u>superalignment");
    let word = app.timeline.row_count();
    assert!(
        word > 0 && word < all,
        "superalignment keeps {word} of {all}"
    );
    app.press("<C-u>may");
    let may = app.timeline.row_count();
    app.press(" superalignment");
    assert!(app.timeline.row_count() < may, "a second word narrows");
    app.press("<C-u>in:leike");
    assert_eq!(app.timeline.row_count(), all, "in: looks at the title");
}

#[test]
fn the_selected_event_stays_selected_when_the_filter_changes() {
    let mut app = app(120, 40);
    app.press("2/2024-05..<Enter>jj");
    let chosen = selected_event(&app);
    assert!(chosen.starts_with("On May 17, 2024"), "{chosen}");
    app.press("/<Esc>");
    assert_eq!(app.timeline.filter, "");
    assert_eq!(selected_event(&app), chosen);
    app.press("/jan");
    assert_eq!(selected_event(&app), chosen, "still shown, still selected");
}

#[test]
fn timeline_titles_get_the_room_at_120_columns() {
    let mut app = app(120, 40);
    app.press("2");
    let screen = screen(&app);
    assert!(
        screen.contains("Ilya Sutskever, OpenAI co-founder and Leike's co-lead on the"),
        "{screen}"
    );
}

#[test]
fn a_popup_scrolls_no_further_than_its_last_line_so_one_key_back_moves() {
    let mut app = app(80, 24);
    app.press("?");
    let first = screen(&app);
    app.press("G");
    let bottom = screen(&app);
    assert_ne!(first, bottom, "the key help is longer than the screen");
    assert!(bottom.contains("End Ctrl-e"), "G shows the last line");
    app.press(&"j".repeat(50));
    assert_eq!(screen(&app), bottom, "no further than its last line");
    app.press("k");
    assert_ne!(screen(&app), bottom, "one k after 50 j moves at once");
    // A popup that fits does not scroll at all.
    let mut app = self::app(120, 40);
    app.press("i");
    let fits = screen(&app);
    app.press(&"j".repeat(50));
    assert_eq!(screen(&app), fits);
}

/// A query longer than its box shows where it is being typed: the end, with an ellipsis
/// for what scrolled out on the left; moving the cursor home shows the start again.
#[test]
fn a_long_query_shows_the_end_being_typed() {
    let mut app = app(80, 24);
    app.press("3");
    let words = "safety culture and processes have taken a backseat to shiny products ";
    app.update(Msg::Paste(words.repeat(2)));
    app.press("ZZZ");
    let input = text_in(&app, area_of(&app, Target::Input));
    assert!(input.contains("shiny products ZZZ"), "{input}");
    assert!(input.contains('…'), "{input}");
    app.press("<Home>");
    let input = text_in(&app, area_of(&app, Target::Input));
    assert!(input.contains("safety culture"), "{input}");
    assert!(!input.contains('…'), "{input}");
}
