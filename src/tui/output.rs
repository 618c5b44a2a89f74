//! The bytes the app sends to the terminal: each frame written in one `write`, in fewer bytes
//! and escape sequences than ratatui's crossterm backend writes it.
//!
//! ratatui's crossterm backend moves the cursor (`ESC [ row ; col H`, 6–11 bytes) over every
//! run of cells that did not change, even one space between two words; it sets the
//! attributes and the colours of a cell in separate sequences; and its writes go out through
//! stdout's 1 KB line buffer, so a frame reached the terminal in several pieces, each a
//! partial picture the terminal may show and must parse. This backend (the same `Backend`
//! otherwise) holds a frame until it is whole, hyperlinks and all, and writes it at once; it
//! writes a short gap of unchanged cells over with what it already holds when that is
//! shorter than a jump; it sets a cell's look in one sequence (a reset and the new look when
//! that is shorter than the change); as a space shows no foreground, it writes a space in
//! the pen it has, and not at all over a space that shows the same; and it moves the cursor
//! along a row or down to the next one from where it is, in fewer bytes than a place takes.
//! On the built-in dossier's first frame at 120 × 40: 6,933 bytes and 528 escape sequences
//! before, 4,909 and 259 with one write and one sequence a look, 4,172 and 187 with spaces
//! left out, 3,977 and 178 now (the modes set in one sequence too): less than the 4,095
//! bytes a pseudo-terminal hands its reader at a time, so the first picture is one read.

use std::io::{self, Write};
use std::rc::Rc;

use crossterm::cursor::{Hide, MoveTo, Show};
use crossterm::execute;
use crossterm::terminal::{self, Clear};
use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};
use ratatui::style::{Color, Modifier};

/// The terminal the app draws on.
pub(super) type Screen = ratatui::Terminal<Compact>;

/// Mouse reports (clicks, drags and motion, in the SGR encoding or urxvt's) and bracketed
/// paste on, as crossterm's `EnableMouseCapture` and `EnableBracketedPaste` turn them on, in
/// one sequence rather than six (`CSI ? Pm h` takes several modes).
pub(super) fn enable_input_modes(out: &mut impl Write) -> io::Result<()> {
    #[cfg(unix)]
    {
        out.write_all(b"\x1b[?1000;1002;1003;1015;1006;2004h")
    }
    #[cfg(not(unix))]
    {
        use crossterm::event::{EnableBracketedPaste, EnableMouseCapture};
        crossterm::queue!(out, EnableMouseCapture, EnableBracketedPaste)
    }
}

/// Stdout for the backend: a frame's bytes, kept while a hold is on (see [`Compact::hold`])
/// and sent in one write when it ends; otherwise each flush sends what was written.
pub(super) struct FrameOut {
    bytes: Vec<u8>,
    /// Set and cleared by the backend that writes here.
    holding: Rc<std::cell::Cell<bool>>,
    /// Where the bytes go: stdout, but for tests.
    sink: Box<dyn Write>,
}

/// Bytes kept between frames: a frame of a huge window may take megabytes, and its buffer is
/// given back after it rather than kept for the life of the app.
const KEPT_CAPACITY: usize = 256 * 1024;

impl FrameOut {
    /// Writes everything kept, in one write, and flushes the terminal.
    fn send(&mut self) -> io::Result<()> {
        let result = (|| {
            self.sink.write_all(&self.bytes)?;
            self.sink.flush()
        })();
        self.bytes.clear();
        if self.bytes.capacity() > KEPT_CAPACITY {
            self.bytes.shrink_to(KEPT_CAPACITY);
        }
        result
    }
}

impl Write for FrameOut {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.bytes.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.holding.get() {
            return Ok(());
        }
        self.send()
    }
}

/// How a cell is drawn besides its text.
#[derive(Clone, Copy, PartialEq, Eq, Default)]
struct Look {
    fg: Color,
    bg: Color,
    underline: Color,
    modifier: Modifier,
}

impl Look {
    fn of(cell: &Cell) -> Look {
        Look {
            fg: cell.fg,
            bg: cell.bg,
            underline: cell.underline_color,
            modifier: cell.modifier,
        }
    }

    /// Whether a space drawn in this look shows the same as one drawn in `other`: a space
    /// has no strokes, so its foreground, weight, slant, blink and hiding do not show; only
    /// its background does, unless either look reverses it or draws a line through or under
    /// it (those show the foreground or the underline colour).
    fn same_on_a_space(self, other: Look) -> bool {
        let lines = Modifier::REVERSED | Modifier::UNDERLINED | Modifier::CROSSED_OUT;
        if self.modifier.intersects(lines) || other.modifier.intersects(lines) {
            return self == other;
        }
        self.bg == other.bg
    }
}

/// What a cell on the screen holds, as far as writing it over goes: its character when that
/// is one printable ASCII byte (else 0: never written over), and its look.
#[derive(Clone, Copy)]
struct Held {
    byte: u8,
    look: Look,
}

/// What a cell holds after a clear.
const BLANK: Held = Held {
    byte: b' ',
    look: Look {
        fg: Color::Reset,
        bg: Color::Reset,
        underline: Color::Reset,
        modifier: Modifier::empty(),
    },
};

/// The longest run of unchanged cells written over rather than jumped: a jump costs at least
/// 6 bytes (`ESC [ 9 ; 9 H`), a cell written over one.
const MOST_WRITTEN_OVER: u16 = 6;

/// A ratatui backend on crossterm that writes frames compactly (see the module's comment).
/// It keeps what the screen holds, as ratatui's last buffer has it (every cell the terminal
/// was given since the last clear, blank elsewhere), to know what a gap holds.
pub(super) struct Compact {
    out: FrameOut,
    /// The writer's hold.
    holding: Rc<std::cell::Cell<bool>>,
    /// The screen, row by row, `width` cells a row; beyond it, blank.
    screen: Vec<Held>,
    width: u16,
    /// Colours are written (not when `NO_COLOR` is set, as crossterm does).
    colour: bool,
    /// Spaces that show the same as what the screen holds are written anyway (a link's
    /// cells, written again inside its hyperlink).
    every_cell: bool,
}

impl Compact {
    /// A backend writing to stdout.
    pub(super) fn new() -> Compact {
        Compact::writing_to(Box::new(io::stdout()))
    }

    fn writing_to(sink: Box<dyn Write>) -> Compact {
        let holding = Rc::<std::cell::Cell<bool>>::default();
        Compact {
            out: FrameOut {
                bytes: Vec::new(),
                holding: Rc::clone(&holding),
                sink,
            },
            holding,
            screen: Vec::new(),
            width: 0,
            colour: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
            every_cell: false,
        }
    }

    /// [`Backend::draw`], writing every cell given, a space over the same space too.
    pub(super) fn draw_every_cell<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        self.every_cell = true;
        let drawn = self.draw(content);
        self.every_cell = false;
        drawn
    }

    /// Keeps everything written from now on (flushes included) until [`Compact::send`].
    pub(super) fn hold(&mut self) {
        self.holding.set(true);
    }

    /// The screen was cleared behind ratatui's back (after the editor): nothing it held
    /// before may be written over a gap again.
    pub(super) fn cleared(&mut self) {
        self.screen = Vec::new();
        self.width = 0;
    }

    /// Ends a hold: writes everything kept, in one write, and flushes the terminal.
    pub(super) fn send(&mut self) -> io::Result<()> {
        self.holding.set(false);
        self.out.flush()
    }

    fn held(&self, x: u16, y: u16) -> Held {
        if x >= self.width {
            return BLANK;
        }
        let i = usize::from(y) * usize::from(self.width) + usize::from(x);
        self.screen.get(i).copied().unwrap_or(BLANK)
    }

    /// Notes what the screen holds at (x, y), making room for it.
    fn hold_cell(&mut self, x: u16, y: u16, held: Held) {
        if x >= self.width {
            // Rows are `width` long: a wider frame lays them out anew (at the first frame, and
            // when the window grows). The width at least doubles, up to a frame's widest, so
            // a frame whose rows each reach one column further is not laid out once a row.
            let want = x.saturating_add(1);
            let width = want.max(self.width.saturating_mul(2).min(super::MAX_FRAME));
            let mut wider = Vec::new();
            // The last row may be partly kept.
            for (row, cells) in self
                .screen
                .chunks(usize::from(self.width.max(1)))
                .enumerate()
            {
                wider.resize(row * usize::from(width), BLANK);
                wider.extend_from_slice(cells);
            }
            self.screen = wider;
            self.width = width;
        }
        let i = usize::from(y) * usize::from(self.width) + usize::from(x);
        if i >= self.screen.len() {
            self.screen.resize(i + 1, BLANK);
        }
        self.screen[i] = held;
    }

    /// Writes the cells from `from` to `to` on row `y` over with what they hold, if that is
    /// shorter than a jump and draws nothing new: each one printable ASCII byte, in `pen`.
    fn write_over(&mut self, y: u16, from: u16, to: u16, pen: Look) -> io::Result<bool> {
        if to <= from || to - from > MOST_WRITTEN_OVER {
            return Ok(false);
        }
        let mut bytes = [0u8; MOST_WRITTEN_OVER as usize];
        for (i, x) in (from..to).enumerate() {
            let held = self.held(x, y);
            let same = match held.byte {
                0 => false,
                b' ' => held.look.same_on_a_space(pen),
                _ => held.look == pen,
            };
            if !same {
                return Ok(false);
            }
            bytes[i] = held.byte;
        }
        self.out.write_all(&bytes[..usize::from(to - from)])?;
        Ok(true)
    }

    /// Moves the cursor to (x, y) in the fewest bytes: from `at`, where the cursor is when
    /// that is known, along the row (`ESC [ n C`), or from a row known to be the one above,
    /// to the start of the next (`CR LF`) and along it; else to the place itself. A tie
    /// goes to the place, which puts the cursor right whatever came before.
    fn jump(&mut self, at: Option<(u16, u16)>, row: Option<u16>, x: u16, y: u16) -> io::Result<()> {
        // Lengths are worked out, not written out: a frame makes a jump for most runs.
        let digits = |n: u16| n.checked_ilog10().map_or(1, |d| d as usize + 1);
        let forward_len = |n: u16| match n {
            0 => 0,
            1 => 3,
            _ => 3 + digits(n),
        };
        let place_len = 3
            + digits(y.saturating_add(1))
            + if x > 0 {
                1 + digits(x.saturating_add(1))
            } else {
                0
            };
        // Down to the next row's start first (`CR LF`), then along it this far.
        let along = match (at, row) {
            (Some((cx, cy)), _) if cy == y && cx < x => Some((false, x - cx)),
            // A line feed from the last row would scroll: a row below the one known is on
            // the screen, as every row ratatui draws is.
            (_, Some(cy)) if cy.checked_add(1) == Some(y) => Some((true, x)),
            _ => None,
        };
        match along {
            Some((down, n)) if 2 * usize::from(down) + forward_len(n) < place_len => {
                if down {
                    self.out.write_all(b"\r\n")?;
                }
                match n {
                    0 => Ok(()),
                    1 => self.out.write_all(b"\x1b[C"),
                    _ => write!(self.out, "\x1b[{n}C"),
                }
            }
            _ if x > 0 => write!(
                self.out,
                "\x1b[{};{}H",
                y.saturating_add(1),
                x.saturating_add(1)
            ),
            _ => write!(self.out, "\x1b[{}H", y.saturating_add(1)),
        }
    }

    /// Sets the terminal's pen from `from` to `to`, in one SGR sequence: the change, or a
    /// reset and what `to` has, whichever is shorter.
    fn set_look(&mut self, from: Look, to: Look) -> io::Result<()> {
        let change = self.look_codes(from, to);
        if change.is_empty() {
            return Ok(());
        }
        // A reset is shorter only when the change takes something off: else the new look
        // whole holds at least what the change does.
        let colours = [
            (from.fg, to.fg),
            (from.bg, to.bg),
            (from.underline, to.underline),
        ];
        let takes_off = !(from.modifier - to.modifier).is_empty()
            || colours
                .iter()
                .any(|&(before, after)| before != after && after == Color::Reset);
        let anew = takes_off.then(|| self.look_codes(BLANK.look, to));
        self.out.write_all(b"\x1b[")?;
        match anew {
            Some(anew) if anew.is_empty() && change.len() > 1 => self.out.write_all(b"0")?,
            Some(anew) if !anew.is_empty() && anew.len() + 2 < change.len() => {
                self.out.write_all(b"0;")?;
                self.out.write_all(&anew)?;
            }
            _ => self.out.write_all(&change)?,
        }
        self.out.write_all(b"m")
    }

    /// The SGR parameters that change the pen from `from` to `to`.
    fn look_codes(&self, from: Look, to: Look) -> Vec<u8> {
        let mut codes: Vec<u8> = Vec::with_capacity(32);
        let code = |codes: &mut Vec<u8>, c: &str| {
            if !codes.is_empty() {
                codes.push(b';');
            }
            codes.extend_from_slice(c.as_bytes());
        };
        // As ratatui's crossterm backend does it: what is taken off first, then what is put on;
        // bold and dim are taken off together (22), and whichever stays is put on again.
        let removed = from.modifier - to.modifier;
        let added = to.modifier - from.modifier;
        let intensity = removed.intersects(Modifier::BOLD | Modifier::DIM);
        // Each attribute with its codes off and on (blinks share their off).
        const CODES: [(Modifier, &str, &str); 7] = [
            (Modifier::REVERSED, "27", "7"),
            (Modifier::ITALIC, "23", "3"),
            (Modifier::UNDERLINED, "24", "4"),
            (Modifier::CROSSED_OUT, "29", "9"),
            (Modifier::HIDDEN, "28", "8"),
            (Modifier::SLOW_BLINK, "25", "5"),
            (Modifier::RAPID_BLINK, "25", "6"),
        ];
        let blinks = Modifier::SLOW_BLINK | Modifier::RAPID_BLINK;
        for (modifier, off, _) in CODES {
            // Both blinks off is one 25.
            if removed.contains(modifier)
                && !(modifier == Modifier::RAPID_BLINK && removed.contains(blinks))
            {
                code(&mut codes, off);
            }
        }
        if intensity {
            code(&mut codes, "22");
        }
        let intensity_on = if intensity { to.modifier } else { added };
        for (modifier, c) in [(Modifier::DIM, "2"), (Modifier::BOLD, "1")] {
            if intensity_on.contains(modifier) {
                code(&mut codes, c);
            }
        }
        for (modifier, _, on) in CODES {
            if added.contains(modifier) {
                code(&mut codes, on);
            }
        }
        if self.colour {
            for (before, after, reset, set) in [
                (from.fg, to.fg, "39", "38"),
                (from.bg, to.bg, "49", "48"),
                (from.underline, to.underline, "59", "58"),
            ] {
                if before != after {
                    if !codes.is_empty() {
                        codes.push(b';');
                    }
                    colour_code(&mut codes, after, reset, set);
                }
            }
        }
        codes
    }
}

/// Writes the SGR parameters of a colour into `codes` (no string made: this runs for every
/// change of colour in every frame): `reset` for the terminal's own, else `set` and the colour
/// (the 16 named colours as the first 16 of the 256, as crossterm writes them).
fn colour_code(codes: &mut Vec<u8>, colour: Color, reset: &str, set: &str) {
    let index = match colour {
        Color::Reset => return codes.extend_from_slice(reset.as_bytes()),
        Color::Rgb(r, g, b) => {
            let _ = write!(codes, "{set};2;{r};{g};{b}");
            return;
        }
        Color::Indexed(i) => i,
        Color::Black => 0,
        Color::Red => 1,
        Color::Green => 2,
        Color::Yellow => 3,
        Color::Blue => 4,
        Color::Magenta => 5,
        Color::Cyan => 6,
        Color::Gray => 7,
        Color::DarkGray => 8,
        Color::LightRed => 9,
        Color::LightGreen => 10,
        Color::LightYellow => 11,
        Color::LightBlue => 12,
        Color::LightMagenta => 13,
        Color::LightCyan => 14,
        Color::White => 15,
    };
    let _ = write!(codes, "{set};5;{index}");
}

impl Write for Compact {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.out.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

impl Backend for Compact {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        // Each draw starts and ends with the terminal's own look (ratatui's backend does the
        // same, so that text written between draws is plain).
        let mut pen = BLANK.look;
        // Where the next character written lands, when that is known.
        let mut cursor: Option<(u16, u16)> = None;
        // Every character written since the cursor was last put at a column it names (a
        // place, or a row's start) is ASCII, which every terminal draws one column wide: a
        // move along the row from the cursor lands where it is meant to.
        let mut column_sure = false;
        for (x, y, cell) in content {
            let symbol = cell.symbol();
            let mut look = Look::of(cell);
            // A space over a space that shows the same is not written: the indent of an
            // outline row, or the rest of a row cleared, is on the screen already.
            if symbol == " " && !self.every_cell {
                let held = self.held(x, y);
                if held.byte == b' ' && held.look.same_on_a_space(look) {
                    continue;
                }
            }
            let there = match cursor {
                Some(at) if at == (x, y) => true,
                Some((cx, cy)) if cy == y => self.write_over(y, cx, x, pen)?,
                _ => false,
            };
            if !there {
                self.jump(
                    cursor.filter(|_| column_sure),
                    cursor.map(|(_, row)| row),
                    x,
                    y,
                )?;
                column_sure = true;
            }
            // A space is written in the pen already set when it shows the same in it: the
            // indent of an outline row or a gap in dim text needs no change of colour.
            if symbol == " " && look.same_on_a_space(pen) {
                look = pen;
            }
            if look != pen {
                self.set_look(pen, look)?;
                pen = look;
            }
            self.out.write_all(symbol.as_bytes())?;
            column_sure &= symbol.is_ascii();
            let byte = match symbol.as_bytes() {
                [b @ b' '..=b'~'] => *b,
                _ => 0,
            };
            self.hold_cell(x, y, Held { byte, look });
            // A wide character covers the columns after it; they are not sent on their own
            // (ratatui's diff skips them), so what they hold is not known here and they are
            // never written over. After one (or any character not one column wide) the cursor
            // is placed again, as ratatui's backend does: terminals differ on widths.
            let width = crate::wrap::width(symbol);
            for covered in 1..width as u16 {
                self.hold_cell(x.saturating_add(covered), y, Held { byte: 0, look });
            }
            cursor = (width == 1).then(|| (x.saturating_add(1), y));
        }
        if pen != BLANK.look {
            self.out.write_all(b"\x1b[0m")?;
        }
        Ok(())
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        execute!(self.out, Hide)
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        execute!(self.out, Show)
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        crossterm::cursor::position().map(|(x, y)| Position { x, y })
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        let Position { x, y } = position.into();
        execute!(self.out, MoveTo(x, y))
    }

    fn clear(&mut self) -> io::Result<()> {
        self.clear_region(ClearType::All)
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        // ratatui clears the whole frame with this (a row or the rest of the screen at a
        // time) and then takes every cell to be blank; so is every cell kept here.
        self.cleared();
        execute!(
            self.out,
            Clear(match clear_type {
                ClearType::All => terminal::ClearType::All,
                ClearType::AfterCursor => terminal::ClearType::FromCursorDown,
                ClearType::BeforeCursor => terminal::ClearType::FromCursorUp,
                ClearType::CurrentLine => terminal::ClearType::CurrentLine,
                ClearType::UntilNewLine => terminal::ClearType::UntilNewLine,
            })
        )
    }

    fn size(&self) -> io::Result<Size> {
        let (width, height) = terminal::size()?;
        Ok(Size { width, height })
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        let terminal::WindowSize {
            columns,
            rows,
            width,
            height,
        } = terminal::window_size()?;
        Ok(WindowSize {
            columns_rows: Size {
                width: columns,
                height: rows,
            },
            pixels: Size { width, height },
        })
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;

    use proptest::prelude::*;
    use ratatui::backend::CrosstermBackend;
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::style::Style;

    use super::*;

    /// A sink tests can read.
    #[derive(Clone, Default)]
    struct Shared(Rc<RefCell<Vec<u8>>>);

    impl Write for Shared {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.0.borrow_mut().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    const W: u16 = 24;
    const H: u16 = 4;

    /// Draws each frame over the last, as ratatui's terminal does (only the cells that
    /// changed), with our backend and with ratatui's, and returns the bytes of each.
    fn both(frames: &[Buffer]) -> (Vec<u8>, Vec<u8>) {
        let ours = Shared::default();
        let mut compact = Compact::writing_to(Box::new(ours.clone()));
        let theirs = Shared::default();
        let mut plain = CrosstermBackend::new(theirs.clone());
        let mut before = Buffer::empty(Rect::new(0, 0, W, H));
        for frame in frames {
            let diff = before.diff(frame);
            compact.hold();
            compact.draw(diff.iter().copied()).unwrap();
            compact.send().unwrap();
            plain.draw(diff.into_iter()).unwrap();
            before = frame.clone();
        }
        let ours = ours.0.borrow().clone();
        let theirs = theirs.0.borrow().clone();
        (ours, theirs)
    }

    fn screen(bytes: &[u8]) -> vt100::Parser {
        let mut parser = vt100::Parser::new(H.try_into().unwrap(), W.try_into().unwrap(), 0);
        parser.process(bytes);
        parser
    }

    /// Every cell as a terminal shows it: its text (a space written or none, the same),
    /// colours and attributes.
    fn cells(parser: &vt100::Parser) -> Vec<String> {
        let screen = parser.screen();
        let mut out = Vec::new();
        for row in 0..H {
            for col in 0..W {
                let cell = screen.cell(row, col).unwrap();
                let text = match cell.contents() {
                    "" => " ",
                    text => text,
                };
                // A space shows its background only, unless reversed or underlined.
                if text == " " && !cell.inverse() && !cell.underline() {
                    out.push(format!("{row},{col} space on {:?}", cell.bgcolor()));
                    continue;
                }
                out.push(format!(
                    "{row},{col} {text:?} {:?} {:?} b{} u{} r{} i{}",
                    cell.fgcolor(),
                    cell.bgcolor(),
                    cell.bold(),
                    cell.underline(),
                    cell.inverse(),
                    cell.italic()
                ));
            }
        }
        out
    }

    fn frame(lines: &[(&str, Style)]) -> Buffer {
        let mut buffer = Buffer::empty(Rect::new(0, 0, W, H));
        for (y, (text, style)) in lines.iter().enumerate() {
            buffer.set_string(0, y as u16, text, *style);
        }
        buffer
    }

    #[test]
    fn words_on_a_row_go_out_without_a_jump_between_them() {
        let dim = Style::new().fg(Color::Indexed(247));
        let words = frame(&[("On May 17, 2024, Jan", Style::new()), ("  a  b", dim)]);
        let (ours, theirs) = both(&[words]);
        let jumps = |bytes: &[u8]| String::from_utf8_lossy(bytes).matches('H').count();
        assert!(String::from_utf8_lossy(&ours).contains("On May 17, 2024, Jan"));
        assert_eq!(jumps(&ours), 2, "{}", String::from_utf8_lossy(&ours));
        assert!(jumps(&theirs) > 5);
        assert!(ours.len() < theirs.len());
        assert_eq!(cells(&screen(&ours)), cells(&screen(&theirs)));
    }

    /// An outline row's indent is drawn in a dim colour it does not show: it is neither
    /// written in that colour nor, over a blank screen, written at all.
    #[test]
    fn a_space_is_written_in_the_pen_set_or_not_at_all() {
        let dim = Style::new().fg(Color::Indexed(247));
        let mut row = frame(&[("Title", Style::new()), ("", Style::new())]);
        row.set_string(0, 1, "  ▾ ", dim);
        row.set_string(4, 1, "Overview", Style::new());
        row.set_string(0, 2, "      ", dim);
        row.set_string(6, 2, "May 14", Style::new());
        let (ours, theirs) = both(&[row]);
        let text = String::from_utf8_lossy(&ours);
        assert_eq!(text.matches("247").count(), 1, "only ▾ is dim: {text:?}");
        assert!(!text.contains("  ▾"), "the indent is not written: {text:?}");
        assert!(ours.len() < theirs.len());
        assert_eq!(cells(&screen(&ours)), cells(&screen(&theirs)));
    }

    /// Moves between runs of text are the shortest that land right: along the row from
    /// where the last ASCII run ended, or to the next row's start by CR LF; after a character
    /// a terminal may draw wider (`é` is one column, but not every font agrees), a place.
    #[test]
    fn the_cursor_moves_along_a_row_or_down_a_row_in_few_bytes() {
        let mut words = frame(&[("ab", Style::new()), ("cd", Style::new())]);
        words.set_string(20, 0, "far", Style::new());
        words.set_string(0, 2, "é", Style::new());
        words.set_string(20, 2, "x", Style::new());
        let (ours, theirs) = both(&[words]);
        let text = String::from_utf8_lossy(&ours);
        assert!(text.contains("ab\x1b[18Cfar"), "{text:?}");
        assert!(text.contains("far\r\ncd"), "{text:?}");
        assert!(text.contains("é\x1b[3;21Hx"), "{text:?}");
        assert_eq!(cells(&screen(&ours)), cells(&screen(&theirs)));
    }

    /// A change of look that takes off more than it keeps is a reset and the new look.
    #[test]
    fn a_look_is_changed_by_a_reset_when_that_is_shorter() {
        let loud = Style::new()
            .fg(Color::Indexed(80))
            .add_modifier(Modifier::REVERSED | Modifier::BOLD);
        let grey = Style::new().fg(Color::Indexed(240));
        let mut words = frame(&[("loud", loud)]);
        words.set_string(4, 0, "grey", grey);
        words.set_string(8, 0, "plain", Style::new());
        let (ours, theirs) = both(&[words]);
        let text = String::from_utf8_lossy(&ours);
        assert!(
            text.contains("loud\x1b[0;38;5;240mgrey\x1b[0mplain"),
            "{text:?}"
        );
        assert_eq!(cells(&screen(&ours)), cells(&screen(&theirs)));
    }

    /// A link's cells are written again inside its hyperlink, spaces too: a space skipped
    /// there would be a gap in the link.
    #[test]
    fn every_cell_of_a_link_is_written_again() {
        let ours = Shared::default();
        let mut compact = Compact::writing_to(Box::new(ours.clone()));
        let link = Style::new().add_modifier(Modifier::UNDERLINED);
        let words = frame(&[("full report", link)]);
        let blank = Buffer::empty(Rect::new(0, 0, W, H));
        compact.draw(blank.diff(&words).into_iter()).unwrap();
        compact.send().unwrap();
        ours.0.borrow_mut().clear();
        let cells: Vec<(u16, u16, &Cell)> = (0..11).map(|x| (x, 0, &words[(x, 0)])).collect();
        compact.draw_every_cell(cells.into_iter()).unwrap();
        compact.send().unwrap();
        let again = String::from_utf8_lossy(&ours.0.borrow()).into_owned();
        assert!(again.contains("full report"), "{again:?}");
    }

    #[cfg(unix)]
    #[test]
    fn the_input_modes_go_out_in_one_sequence() {
        let mut out = Vec::new();
        enable_input_modes(&mut out).unwrap();
        assert_eq!(out, b"\x1b[?1000;1002;1003;1015;1006;2004h");
        // As crossterm turns them on, one by one.
        let mut theirs = String::new();
        use crossterm::Command;
        crossterm::event::EnableMouseCapture
            .write_ansi(&mut theirs)
            .unwrap();
        crossterm::event::EnableBracketedPaste
            .write_ansi(&mut theirs)
            .unwrap();
        let modes = |s: &str| -> Vec<String> {
            s.split("\x1b[?")
                .filter_map(|m| m.strip_suffix('h'))
                .map(str::to_owned)
                .collect()
        };
        let mut each: Vec<String> = modes(&theirs);
        each.sort();
        let mut ours: Vec<String> = modes(&String::from_utf8(out).unwrap())
            .iter()
            .flat_map(|m| m.split(';').map(str::to_owned).collect::<Vec<_>>())
            .collect();
        ours.sort();
        assert_eq!(ours, each);
    }

    #[test]
    fn a_frame_held_goes_out_in_one_write() {
        #[derive(Clone, Default)]
        struct Writes(Rc<RefCell<usize>>);
        impl Write for Writes {
            fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
                *self.0.borrow_mut() += 1;
                Ok(buf.len())
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        let writes = Writes::default();
        let mut compact = Compact::writing_to(Box::new(writes.clone()));
        let words = frame(&[("one two", Style::new()), ("three", Style::new().bold())]);
        let before = Buffer::empty(Rect::new(0, 0, W, H));
        compact.hold();
        compact.draw(before.diff(&words).into_iter()).unwrap();
        compact.hide_cursor().unwrap();
        Backend::flush(&mut compact).unwrap();
        write!(compact, "\x1b]8;;\x1b\\").unwrap();
        assert_eq!(*writes.0.borrow(), 0, "nothing goes out while held");
        compact.send().unwrap();
        assert_eq!(*writes.0.borrow(), 1);
    }

    /// After the editor the screen is cleared behind ratatui's back and the next frame is
    /// drawn whole: what the screen held before is not written into its gaps.
    #[test]
    fn after_a_clear_behind_ratatuis_back_no_old_text_comes_back() {
        let ours = Shared::default();
        let mut compact = Compact::writing_to(Box::new(ours.clone()));
        let blank = Buffer::empty(Rect::new(0, 0, W, H));
        let before = frame(&[("abcdefgh", Style::new())]);
        let after = frame(&[("a      h", Style::new())]);
        compact.draw(blank.diff(&before).into_iter()).unwrap();
        ours.0.borrow_mut().clear();
        compact.cleared();
        compact.draw(blank.diff(&after).into_iter()).unwrap();
        compact.send().unwrap();
        let mut parser = screen(b"abcdefgh\x1b[2J");
        parser.process(&ours.0.borrow());
        assert_eq!(parser.screen().contents().trim_end(), "a      h");
    }

    fn any_style() -> impl Strategy<Value = Style> {
        let colors = prop_oneof![
            Just(Color::Reset),
            Just(Color::Indexed(247)),
            Just(Color::Rgb(200, 10, 10)),
            Just(Color::Blue)
        ];
        let modifiers = prop_oneof![
            Just(Modifier::empty()),
            Just(Modifier::BOLD),
            Just(Modifier::REVERSED),
            Just(Modifier::UNDERLINED | Modifier::ITALIC)
        ];
        (colors.clone(), colors, modifiers)
            .prop_map(|(fg, bg, m)| Style::new().fg(fg).bg(bg).add_modifier(m))
    }

    fn any_frame() -> impl Strategy<Value = Buffer> {
        let piece = ("[ ab字é]{0,6}", any_style(), 0..W, 0..H);
        proptest::collection::vec(piece, 0..12).prop_map(|pieces| {
            let mut buffer = Buffer::empty(Rect::new(0, 0, W, H));
            for (text, style, x, y) in pieces {
                buffer.set_stringn(x, y, text, usize::from(W - x), style);
            }
            buffer
        })
    }

    proptest! {
        /// Whatever the frames, each cell on the terminal shows what ratatui's own backend
        /// would have made it show, or what the last frame holds (drawn afresh): over wide
        /// characters ratatui's may leave a stale colour that writing a gap over mends. And
        /// the bytes are no more.
        #[test]
        fn the_screen_is_as_ratatuis_backend_leaves_it(
            frames in proptest::collection::vec(any_frame(), 1..5)
        ) {
            let (ours, theirs) = both(&frames);
            let (_, afresh) = both(&frames[frames.len() - 1..]);
            let differ: Vec<(String, String)> = cells(&screen(&ours))
                .into_iter()
                .zip(cells(&screen(&theirs)).into_iter().zip(cells(&screen(&afresh))))
                .filter(|(a, (b, c))| a != b && a != c)
                .map(|(a, (b, _))| (a, b))
                .collect();
            prop_assert!(
                differ.is_empty(),
                "{differ:?}\nours {:?}\ntheirs {:?}",
                String::from_utf8_lossy(&ours),
                String::from_utf8_lossy(&theirs)
            );
            prop_assert!(ours.len() <= theirs.len());
        }
    }
}
