//! Links as hyperlinks (OSC 8): after each frame, the cells of each http, https or mailto
//! link on screen are written again between the sequences that open and close the link
//! (ratatui's cells cannot hold escape sequences).

use std::io::{self, Write};

use super::output::Screen;
use ratatui::buffer::Cell;

use crate::app::reader::safe_url;

use crate::app::App;
use crate::view::Drawn;

/// A link drawn on screen: its target, checked, and its cells as the frame holds them.
pub(super) struct LinkCells {
    url: String,
    cells: Vec<(u16, u16, Cell)>,
}

/// The cells of each link the frame drew whose target may be a hyperlink (http, https,
/// mailto): the rest stay plain text.
pub(super) fn link_cells(
    buffer: &ratatui::buffer::Buffer,
    drawn: &Drawn,
    app: &App,
) -> Vec<LinkCells> {
    let mut out = Vec::new();
    for &(area, n) in &drawn.links {
        let Some(Ok(url)) = n
            .checked_sub(1)
            .and_then(|i| app.doc().links.get(i))
            .map(|u| safe_url(u))
        else {
            continue;
        };
        let mut cells = Vec::new();
        let mut next = area.x;
        for x in area.left()..area.right() {
            // The cell after a wide character is part of it.
            if x < next {
                continue;
            }
            let Some(cell) = buffer.cell((x, area.y)) else {
                break;
            };
            next = x + (crate::wrap::width(cell.symbol()) as u16).max(1);
            cells.push((x, area.y, cell.clone()));
        }
        out.push(LinkCells { url, cells });
    }
    out
}

/// Makes hyperlinks (OSC 8) of the links just drawn: each link's cells written again, as
/// they are, between the sequences that open and close the hyperlink. ratatui's cells cannot
/// hold the sequences (it drops control characters), so they are written here, after the
/// frame; a cell drawn over later is written without them, which ends the hyperlink there.
pub(super) fn hyperlinks(terminal: &mut Screen, links: &[LinkCells]) -> io::Result<()> {
    if links.is_empty() {
        return Ok(());
    }
    let backend = terminal.backend_mut();
    for link in links {
        write!(backend, "\x1b]8;;{}\x1b\\", link.url)?;
        // Every cell of the link again, its spaces too: a cell skipped would be a gap in it.
        backend.draw_every_cell(link.cells.iter().map(|(x, y, c)| (*x, *y, c)))?;
        write!(backend, "\x1b]8;;\x1b\\")?;
    }
    Write::flush(backend)
}
