//! The header (title, author, year and the view tabs) and the footer (the keys that matter
//! here, and where you are).

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::theme::Theme;
use super::{Drawn, put_line};
use crate::app::{App, Context, Target, View};
use crate::wrap;

/// The header's parts as they fit: the title first, then the author and year, then the
/// tabs' names; what does not fit is dropped whole (a tab keeps its number).
struct HeaderLayout {
    title: String,
    tabs: Vec<(View, Range<u16>, String)>,
}

fn tab_label(view: View, full: bool) -> String {
    if full {
        format!(" {} {} ", view.number(), view.label())
    } else {
        format!(" {} ", view.number())
    }
}

fn header_layout(app: &App) -> HeaderLayout {
    let a = app.areas.header;
    let mut title = app.doc().title();
    if app.library.folder && (app.view != View::Sections || app.docs.is_empty()) {
        title = format!("Library {}", app.library.root);
    }
    let by: Vec<String> = if app.library.folder && app.view != View::Sections {
        vec![crate::app::counted(app.docs.len(), "document")]
    } else {
        [app.doc().field("author"), app.doc().field("year")]
            .into_iter()
            .flatten()
            .collect()
    };
    let byline = if by.is_empty() {
        String::new()
    } else {
        format!(" — {}", by.join(", "))
    };
    // Tabs: every name, then only the active view's, then numbers alone.
    let tab_sets: Vec<Vec<(View, String)>> = [0, 1, 2]
        .into_iter()
        .map(|level| {
            app.tabs()
                .iter()
                .map(|&v| (v, tab_label(v, level == 0 || (level == 1 && v == app.view))))
                .collect()
        })
        .collect();
    let tabs_width =
        |set: &[(View, String)]| -> usize { set.iter().map(|(_, l)| wrap::width(l) + 1).sum() };
    let room = a.width as usize;
    // A leading space and one cell between the title and the tabs.
    let fits = |text: usize, set: &[(View, String)]| 1 + text + 1 + tabs_width(set) <= room;
    let full_title = wrap::width(&title);
    let with_by = full_title + wrap::width(&byline);
    let chosen = tab_sets
        .iter()
        .find(|set| fits(with_by, set))
        .map(|set| (set, format!("{title}{byline}")))
        .or_else(|| {
            (tab_sets.iter().find(|set| fits(full_title, set))).map(|set| (set, title.clone()))
        });
    let (set, text) = match chosen {
        Some((set, text)) => (set.clone(), text),
        None => {
            let set = tab_sets[2].clone();
            let title_room = room.saturating_sub(tabs_width(&set) + 2);
            (set, wrap::truncate(&title, title_room))
        }
    };
    let mut x = a.right().saturating_sub(tabs_width(&set) as u16);
    let tabs = set
        .into_iter()
        .map(|(v, l)| {
            let w = wrap::width(&l) as u16;
            let r = x..x + w;
            x += w + 1;
            (v, r, l)
        })
        .collect();
    HeaderLayout { title: text, tabs }
}

/// Draws the header row.
pub fn header(app: &App, t: &Theme, buf: &mut Buffer, drawn: &mut Drawn) {
    let a = app.areas.header;
    let layout = header_layout(app);
    let tabs_start = layout.tabs.first().map_or(a.right(), |(_, r, _)| r.start);
    put_line(
        buf,
        a.x,
        a.y,
        tabs_start.saturating_sub(a.x),
        &Line::from(Span::styled(format!(" {}", layout.title), t.title)),
    );
    for (view, range, label) in layout.tabs {
        let style = if view == app.view {
            t.tab_active
        } else {
            t.tab
        };
        drawn.put(
            Rect::new(range.start, a.y, range.end - range.start, 1),
            Target::Tab(view),
        );
        buf.set_string(range.start, a.y, label, style);
    }
}

/// Draws the footer row: a message or the search prompt, the main keys, and the position.
pub fn footer(app: &App, t: &Theme, buf: &mut Buffer) {
    let a = app.areas.footer;
    let position = position(app);
    let pos_w = wrap::width(&position) as u16;
    let left_w = a.width.saturating_sub(pos_w + 1);
    let left: Line = if let Some(note) = &app.marks.note {
        let what = note.mark.kind.name();
        // A note that is full says so where it is typed (the footer shows the prompt).
        let label = match &app.message {
            Some(said) => format!(" {said}: "),
            None if note.id.is_some() => {
                format!(" Note for the {what} (Enter saves, Esc keeps it as it was): ")
            }
            None => format!(" Note for the {what} (Enter marks, Esc cancels): "),
        };
        let room = left_w.saturating_sub(wrap::width(&label) as u16);
        let mut spans = vec![Span::styled(label, t.accent)];
        spans.extend(super::text_box(app, t, &note.text, true, room));
        Line::from(spans)
    } else if app.view == View::Sections && app.reader.search.typing {
        let mut spans = vec![Span::styled("/", t.accent)];
        // In a big document the query is looked for near the screen as it is typed: the
        // footer says so, and how to look everywhere.
        let hint = (app.reader.search.near_only)
            .then(|| app.match_count())
            .flatten()
            .map(|said| format!("  {said}"))
            .unwrap_or_default();
        // The box keeps room for the query and the cursor; the hint takes the rest it needs.
        let query_w = (wrap::width(&app.reader.search.query) as u16).saturating_add(2);
        let hint_w = (wrap::width(&hint) as u16).min(left_w.saturating_sub(1 + query_w.max(16)));
        let room = left_w.saturating_sub(1 + hint_w);
        spans.extend(super::text_box(
            app,
            t,
            &app.reader.search.query,
            true,
            room,
        ));
        if hint_w > 0 {
            let hint = wrap::truncate(&hint, hint_w as usize);
            spans.push(Span::styled(hint, t.dim));
        }
        Line::from(spans)
    } else if let Some(msg) = &app.message {
        let msg = wrap::truncate(msg, (left_w as usize).saturating_sub(1));
        Line::from(Span::styled(format!(" {msg}"), t.accent))
    } else {
        let keys: &[&str] = match app.context() {
            Context::Outline => &[
                "j/k move",
                "h/l fold",
                "Tab reader",
                "/ search",
                "? help",
                "q quit",
            ],
            Context::Reader => &[
                "j/k scroll",
                "[ ] section",
                "/ search",
                "n/N match",
                "Tab outline",
                "? help",
            ],
            Context::Timeline => &[
                "j/k move",
                "Enter show in reader",
                "/ filter",
                "? help",
                "q quit",
            ],
            Context::Quotes => &[
                "j/k move",
                "Enter show",
                "y copy",
                "Tab box",
                "? help",
                "q quit",
            ],
            Context::Library => &[
                "j/k move",
                "Enter open",
                "s sort",
                "p problems",
                "? help",
                "q quit",
            ],
            Context::People => &[
                "j/k move",
                "Enter quotes",
                "t events",
                "Tab box",
                "? help",
                "q quit",
            ],
            Context::Typing if app.view == View::Quotes => &[
                "type to search",
                "↑/↓ move",
                "Enter show",
                "Tab list",
                "Alt-1…4 views",
                "Esc clear",
            ],
            Context::Typing if app.view == View::Search => &[
                "type words or a \"phrase\"",
                "↑/↓ move",
                "Enter show",
                "Tab list",
                "Esc clear",
            ],
            Context::Marks => &[
                "j/k move",
                "Enter show",
                "m note",
                "d delete",
                "Backspace back",
                "? help",
                "q quit",
            ],
            Context::Search => &[
                "j/k move",
                "Enter show in reader",
                "/ search",
                "? help",
                "q quit",
            ],
            Context::Typing if app.view == View::People => &[
                "type to filter",
                "↑/↓ move",
                "Enter quotes",
                "Tab list",
                "Alt-1…4 views",
                "Ctrl-t events",
            ],
            _ => &["type to filter", "Enter done", "Esc clear"],
        };
        // Keys in order of use: those that do not fit are left out whole, never cut.
        let mut text = String::new();
        for k in keys {
            if 1 + wrap::width(&text) + 2 + wrap::width(k) > left_w as usize {
                break;
            }
            text.push_str(if text.is_empty() { " " } else { "  " });
            text.push_str(k);
        }
        Line::from(Span::styled(text, t.dim))
    };
    put_line(buf, a.x, a.y, left_w, &left);
    if pos_w < a.width {
        buf.set_string(a.right().saturating_sub(pos_w), a.y, position, t.dim);
    }
}

fn position(app: &App) -> String {
    let position = counted_at(app);
    if app.reading_rest {
        return format!("reading the rest… {position}");
    }
    position
}

/// Where the selection is in the view's list: "section 3/40  12%", "event 5/212".
fn counted_at(app: &App) -> String {
    match app.view {
        View::Sections => {
            let n = app.doc().sections.len();
            let at = app.outline.selected.map_or(0, |s| s + 1);
            format!("section {at}/{n}  {}% ", app.percent())
        }
        View::Library => {
            let n = app.library.rows.len();
            let at = if n == 0 { 0 } else { app.library.selected + 1 };
            format!("document {at}/{n} ")
        }
        View::Timeline => {
            let n = app.timeline.row_count();
            let at = if n == 0 { 0 } else { app.timeline.selected + 1 };
            format!("event {at}/{n} ")
        }
        View::Quotes => {
            let n = app.quotes.hits.len();
            let at = if n == 0 { 0 } else { app.quotes.selected + 1 };
            format!("result {at}/{n} ")
        }
        View::Search => {
            let n = app.search.hits.len();
            let at = if n == 0 { 0 } else { app.search.selected + 1 };
            format!("passage {at}/{n} ")
        }
        View::Marks => {
            let n = app.marks.rows.len();
            let at = if n == 0 { 0 } else { app.marks.selected + 1 };
            format!("mark {at}/{n} ")
        }
        View::People => {
            let n = app.people.rows.len();
            let at = if n == 0 { 0 } else { app.people.selected + 1 };
            format!("person {at}/{n} ")
        }
    }
}
