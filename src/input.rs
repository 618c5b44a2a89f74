//! The terminal's input, read as raw bytes and turned into crossterm events (keys, SGR mouse
//! reports, bracketed pastes, resizes). crossterm's own reader reads at most 1,024 bytes per
//! wake-up and leaves the rest until more input comes, so a burst of keys with Ctrl-C at its
//! end went unanswered; it drops a Ctrl-C that follows a cut-off UTF-8 character; and it waits
//! for good for the end of a paste whose start marker came alone. This reader takes every
//! byte waiting before it answers, never lets a byte swallow the one after it, ends a paste at
//! a Ctrl-C, and ends whatever is unfinished once the input pauses.

use std::io;
use std::os::fd::{AsRawFd, OwnedFd, RawFd};
use std::time::Duration;

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

/// How long an unfinished escape sequence or UTF-8 character may wait for the rest of it.
const PAUSE: Duration = Duration::from_millis(50);

/// How long a paste may pause before what came of it is taken as the whole paste.
const PASTE_PAUSE: Duration = Duration::from_millis(500);

/// How long a terminal's answer, cut off mid-way, may wait for the rest of it: over a slow
/// link it may come in pieces, and nothing typed looks like one (a key that cannot be part of
/// it ends it at once).
const REPLY_PAUSE: Duration = Duration::from_millis(500);

const PASTE_START: &[u8] = b"\x1b[200~";
const PASTE_END: &[u8] = b"\x1b[201~";

/// How many bytes one read of the terminal takes at most.
const READ_BYTES: usize = 64 * 1024;

/// What the terminal said in answer to a query the app sent: never keys.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Reply {
    /// The background colour (OSC 11), each channel from 0 to 1.
    Background([f32; 3]),
    /// The device attributes (DA1): not asked by the app, but read as no keys should a
    /// terminal send them.
    Attributes,
}

/// The terminal's input and a pipe that says the window was resized.
pub struct Input {
    tty: OwnedFd,
    resized: OwnedFd,
    /// Bytes read but not yet making a whole event.
    pending: Vec<u8>,
    /// The text of a paste that has started and not yet ended.
    paste: Option<Vec<u8>>,
    /// Where the terminal's bytes are read into: made once, not at every key.
    buf: Vec<u8>,
    /// Answers to queries, read but not yet taken.
    replies: Vec<Reply>,
}

impl Input {
    /// Reads standard input when it is the terminal, else `/dev/tty` (a document was piped).
    pub fn open() -> io::Result<Input> {
        use std::io::IsTerminal;
        let tty: OwnedFd = if io::stdin().is_terminal() {
            io::stdin().as_fd_owned()?
        } else {
            std::fs::File::open("/dev/tty")?.into()
        };
        let (reader, writer) = std::os::unix::net::UnixStream::pair()?;
        reader.set_nonblocking(true)?;
        signal_hook::low_level::pipe::register(signal_hook::consts::SIGWINCH, writer)?;
        Ok(Input {
            tty,
            resized: reader.into(),
            pending: Vec::new(),
            paste: None,
            buf: vec![0u8; READ_BYTES],
            replies: Vec::new(),
        })
    }

    /// The terminal's answers read so far (see [`Input::read`]).
    pub fn take_replies(&mut self) -> Vec<Reply> {
        std::mem::take(&mut self.replies)
    }

    /// Waits for input, then returns every event it makes, with all that was waiting; it
    /// also returns, perhaps with no events, when the terminal answered a query.
    pub fn read(&mut self) -> io::Result<Vec<Event>> {
        let mut events = Vec::new();
        loop {
            let unfinished = !self.pending.is_empty() || self.paste.is_some();
            let wait = match (&self.paste, unfinished) {
                (Some(_), _) => Some(PASTE_PAUSE),
                (None, true) if self.pending.starts_with(b"\x1b]") => Some(REPLY_PAUSE),
                (None, true) => Some(PAUSE),
                (None, false) => None,
            };
            let (tty, resized) = poll2(self.tty.as_raw_fd(), self.resized.as_raw_fd(), wait)?;
            if resized {
                drain(self.resized.as_raw_fd());
                let (w, h) = crossterm::terminal::size()?;
                events.push(Event::Resize(w, h));
            }
            if tty {
                loop {
                    let n = read(self.tty.as_raw_fd(), &mut self.buf)?;
                    if n == 0 {
                        return Err(io::Error::new(
                            io::ErrorKind::UnexpectedEof,
                            "the terminal closed",
                        ));
                    }
                    self.pending.extend_from_slice(&self.buf[..n]);
                    // Take everything already waiting before answering.
                    if !poll2(self.tty.as_raw_fd(), -1, Some(Duration::ZERO))?.0 {
                        break;
                    }
                }
                self.parse(&mut events, false);
            } else if !resized && unfinished {
                // The input paused in the middle of something: end it.
                self.parse(&mut events, true);
            }
            if !events.is_empty() || !self.replies.is_empty() {
                return Ok(events);
            }
        }
    }

    /// Turns the pending bytes into events; with `paused`, what is unfinished ends too.
    fn parse(&mut self, events: &mut Vec<Event>, paused: bool) {
        let bytes = std::mem::take(&mut self.pending);
        let mut at = 0;
        while at < bytes.len() {
            let rest = &bytes[at..];
            if let Some(paste) = &mut self.paste {
                // A paste ends at its end marker, or at a Ctrl-C: Ctrl-C always quits.
                let end = find(rest, PASTE_END);
                let stop = memchr::memchr(0x03, rest);
                match (end, stop) {
                    (Some(e), None) => {
                        paste.extend_from_slice(&rest[..e]);
                        at += e + PASTE_END.len();
                    }
                    (Some(e), Some(s)) if e < s => {
                        paste.extend_from_slice(&rest[..e]);
                        at += e + PASTE_END.len();
                    }
                    (_, Some(s)) => {
                        paste.extend_from_slice(&rest[..s]);
                        at += s;
                    }
                    (None, None) => {
                        // Keep what could be the start of the end marker for the next read.
                        let keep = (1..PASTE_END.len())
                            .rev()
                            .find(|&k| {
                                rest.len() >= k && PASTE_END.starts_with(&rest[rest.len() - k..])
                            })
                            .filter(|_| !paused)
                            .unwrap_or(0);
                        paste.extend_from_slice(&rest[..rest.len() - keep]);
                        self.pending = rest[rest.len() - keep..].to_vec();
                        if paused {
                            let text = self.paste.take().unwrap_or_default();
                            events.push(Event::Paste(String::from_utf8_lossy(&text).into()));
                        }
                        return;
                    }
                }
                let text = self.paste.take().unwrap_or_default();
                events.push(Event::Paste(String::from_utf8_lossy(&text).into()));
                continue;
            }
            if rest.starts_with(PASTE_START) {
                self.paste = Some(Vec::new());
                at += PASTE_START.len();
                continue;
            }
            match parse_one(rest, paused) {
                Parsed::Event(event, n) => {
                    events.extend(event);
                    at += n;
                }
                Parsed::Reply(reply, n) => {
                    self.replies.extend(reply);
                    at += n;
                }
                Parsed::Incomplete => {
                    self.pending = rest.to_vec();
                    return;
                }
            }
        }
        if paused && let Some(text) = self.paste.take() {
            events.push(Event::Paste(String::from_utf8_lossy(&text).into()));
        }
    }
}

trait OwnedStdin {
    fn as_fd_owned(&self) -> io::Result<OwnedFd>;
}

impl OwnedStdin for io::Stdin {
    fn as_fd_owned(&self) -> io::Result<OwnedFd> {
        use std::os::fd::AsFd;
        self.as_fd().try_clone_to_owned()
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(haystack, needle)
}

/// What one event's bytes make.
enum Parsed {
    /// An event (or nothing, for bytes that mean nothing to the app) and how many bytes it took.
    Event(Option<Event>, usize),
    /// The terminal's answer to a query (or nothing, for one the app does not use) and how
    /// many bytes it took.
    Reply(Option<Reply>, usize),
    /// The bytes may be the start of an event: wait for more.
    Incomplete,
}

fn key(code: KeyCode, modifiers: KeyModifiers) -> Option<Event> {
    Some(Event::Key(KeyEvent::new(code, modifiers)))
}

/// The event at the start of `bytes`. With `paused` nothing is incomplete: a lone ESC is the
/// Esc key, and the start of a sequence or character that never finished is dropped.
fn parse_one(bytes: &[u8], paused: bool) -> Parsed {
    let none = KeyModifiers::NONE;
    let incomplete = |n: usize| {
        if paused {
            Parsed::Event(None, n)
        } else {
            Parsed::Incomplete
        }
    };
    match bytes[0] {
        0x1b => match bytes.get(1) {
            // A lone ESC at the end of what was waiting is the Esc key.
            None => Parsed::Event(key(KeyCode::Esc, none), 1),
            Some(b'[') => csi(bytes, paused),
            // The terminal's answer to a colour query (OSC 11, the background, asked after the
            // first frame): taken whole, so none of it reads as keys, however late it comes.
            Some(b']') if bytes.get(2).is_some_and(u8::is_ascii_digit) => osc(bytes, paused),
            Some(b'O') => match bytes.get(2) {
                None => incomplete(2),
                Some(&b) => {
                    let code = match b {
                        b'P'..=b'S' => Some(KeyCode::F(1 + b - b'P')),
                        b => cursor_key(b),
                    };
                    Parsed::Event(code.and_then(|c| key(c, none)), 3)
                }
            },
            Some(0x1b) => Parsed::Event(key(KeyCode::Esc, none), 1),
            Some(_) => match parse_one(&bytes[1..], paused) {
                Parsed::Event(Some(Event::Key(mut k)), n) => {
                    k.modifiers |= KeyModifiers::ALT;
                    Parsed::Event(Some(Event::Key(k)), n + 1)
                }
                Parsed::Event(event, n) => Parsed::Event(event, n + 1),
                Parsed::Reply(_, n) => Parsed::Event(None, n + 1),
                Parsed::Incomplete => Parsed::Incomplete,
            },
        },
        b'\r' | b'\n' => Parsed::Event(key(KeyCode::Enter, none), 1),
        b'\t' => Parsed::Event(key(KeyCode::Tab, none), 1),
        0x7f | 0x08 => Parsed::Event(key(KeyCode::Backspace, none), 1),
        c @ 0x01..=0x1a => Parsed::Event(
            key(KeyCode::Char((c - 1 + b'a') as char), KeyModifiers::CONTROL),
            1,
        ),
        c @ 0x1c..=0x1f => Parsed::Event(
            key(
                KeyCode::Char((c - 0x1c + b'4') as char),
                KeyModifiers::CONTROL,
            ),
            1,
        ),
        0 => Parsed::Event(key(KeyCode::Char(' '), KeyModifiers::CONTROL), 1),
        c if c < 0x80 => Parsed::Event(key(KeyCode::Char(c as char), none), 1),
        _ => utf8(bytes, paused),
    }
}

/// An operating system command (`ESC ] … BEL` or `ESC ] … ESC \\`): a terminal's answer to a
/// colour query. A byte that cannot be in one (a key typed after an answer cut off mid-way)
/// ends it there: what came of it is dropped and the byte is read as itself.
fn osc(bytes: &[u8], paused: bool) -> Parsed {
    for (i, &b) in bytes.iter().enumerate().skip(2) {
        match b {
            0x07 => return Parsed::Reply(colour_reply(&bytes[2..i]), i + 1),
            0x1b => {
                return match bytes.get(i + 1) {
                    Some(b'\\') => Parsed::Reply(colour_reply(&bytes[2..i]), i + 2),
                    Some(_) => Parsed::Event(None, i),
                    None if paused => Parsed::Event(None, i),
                    None => Parsed::Incomplete,
                };
            }
            b if b.is_ascii_hexdigit() || b":;/#rgRG".contains(&b) => {}
            _ => return Parsed::Event(None, i),
        }
    }
    if paused {
        Parsed::Event(None, bytes.len())
    } else {
        Parsed::Incomplete
    }
}

/// The background colour an OSC 11 answer's body (`11;rgb:RRRR/GGGG/BBBB`) gives, as X11
/// colour names spell it: `rgb:` (or `rgba:`, with alpha) with 1 to 4 hex digits a channel,
/// or `#` and 1 to 4 hex digits a channel.
fn colour_reply(body: &[u8]) -> Option<Reply> {
    let spec = body.strip_prefix(b"11;")?;
    let channel = |hex: &[u8]| -> Option<f32> {
        if hex.is_empty() || hex.len() > 4 || !hex.iter().all(u8::is_ascii_hexdigit) {
            return None;
        }
        let value = u16::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()?;
        Some(f32::from(value) / ((1u32 << (4 * hex.len())) - 1) as f32)
    };
    let (hexes, count): (Vec<&[u8]>, usize) = if let Some(rest) = spec.strip_prefix(b"rgb:") {
        (rest.split(|&b| b == b'/').collect(), 3)
    } else if let Some(rest) = spec.strip_prefix(b"rgba:") {
        (rest.split(|&b| b == b'/').collect(), 4)
    } else {
        let hex = spec.strip_prefix(b"#")?;
        let n = hex.len() / 3;
        if n == 0 || hex.len() % 3 != 0 {
            return None;
        }
        (hex.chunks(n).collect(), 3)
    };
    if hexes.len() != count {
        return None;
    }
    Some(Reply::Background([
        channel(hexes[0])?,
        channel(hexes[1])?,
        channel(hexes[2])?,
    ]))
}

/// A UTF-8 character; a byte that cannot start or continue one is dropped alone, so the byte
/// after it (a Ctrl-C) is read as itself.
fn utf8(bytes: &[u8], paused: bool) -> Parsed {
    let len = match bytes[0] {
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        _ => return Parsed::Event(None, 1),
    };
    let have = bytes.len().min(len);
    if let Some(bad) = (1..have).find(|&i| bytes[i] & 0xc0 != 0x80) {
        return Parsed::Event(None, bad);
    }
    if have < len {
        return if paused {
            Parsed::Event(None, have)
        } else {
            Parsed::Incomplete
        };
    }
    match std::str::from_utf8(&bytes[..len])
        .ok()
        .and_then(|s| s.chars().next())
    {
        Some(c) => Parsed::Event(key(KeyCode::Char(c), KeyModifiers::NONE), len),
        None => Parsed::Event(None, 1),
    }
}

/// A control sequence (`ESC [ … final`): cursor and editing keys with their modifiers, and
/// SGR (`ESC [ < …`) and X10 (`ESC [ M …`) mouse reports.
fn csi(bytes: &[u8], paused: bool) -> Parsed {
    if bytes.get(2) == Some(&b'M') {
        // X10 mouse: three bytes after the `M`.
        return match bytes.get(3..6) {
            Some(b) => Parsed::Event(
                mouse(
                    u16::from(b[0]).saturating_sub(32),
                    b[1].saturating_sub(32).into(),
                    b[2].saturating_sub(32).into(),
                    true,
                ),
                6,
            ),
            None if paused => Parsed::Event(None, bytes.len()),
            None => Parsed::Incomplete,
        };
    }
    // Parameters and intermediates, then one final byte; a long run of parameters is no
    // sequence a terminal sends.
    let Some(end) = bytes[2..]
        .iter()
        .take(64)
        .position(|b| (0x40..=0x7e).contains(b))
    else {
        let malformed = bytes[2..]
            .iter()
            .take(64)
            .any(|b| !(0x20..=0x3f).contains(b));
        return if paused || malformed || bytes.len() > 66 {
            // Drop the ESC alone, so nothing after it is lost.
            Parsed::Event(None, 1)
        } else {
            Parsed::Incomplete
        };
    };
    let end = end + 2;
    let params = &bytes[2..end];
    let n = end + 1;
    let final_byte = bytes[end];
    if params.first() == Some(&b'?') && final_byte == b'c' {
        return Parsed::Reply(Some(Reply::Attributes), n);
    }
    if params.first() == Some(&b'<') && matches!(final_byte, b'M' | b'm') {
        let numbers: Vec<u16> = numbers(&params[1..]);
        if let [b, x, y] = numbers[..] {
            return Parsed::Event(mouse(b, x, y, final_byte == b'M'), n);
        }
        return Parsed::Event(None, n);
    }
    let numbers = numbers(params);
    let modifiers = numbers.get(1).map_or(KeyModifiers::NONE, |&m| {
        let m = m.saturating_sub(1);
        let mut mods = KeyModifiers::NONE;
        if m & 1 != 0 {
            mods |= KeyModifiers::SHIFT;
        }
        if m & 2 != 0 {
            mods |= KeyModifiers::ALT;
        }
        if m & 4 != 0 {
            mods |= KeyModifiers::CONTROL;
        }
        mods
    });
    let code = match final_byte {
        b'Z' => return Parsed::Event(key(KeyCode::BackTab, KeyModifiers::SHIFT), n),
        b'~' => match numbers.first() {
            Some(1 | 7) => Some(KeyCode::Home),
            Some(2) => Some(KeyCode::Insert),
            Some(3) => Some(KeyCode::Delete),
            Some(4 | 8) => Some(KeyCode::End),
            Some(5) => Some(KeyCode::PageUp),
            Some(6) => Some(KeyCode::PageDown),
            _ => None,
        },
        b => cursor_key(b),
    };
    Parsed::Event(code.and_then(|c| key(c, modifiers)), n)
}

/// The cursor key a sequence's final byte names, the same after `ESC [` and `ESC O`.
fn cursor_key(b: u8) -> Option<KeyCode> {
    match b {
        b'A' => Some(KeyCode::Up),
        b'B' => Some(KeyCode::Down),
        b'C' => Some(KeyCode::Right),
        b'D' => Some(KeyCode::Left),
        b'H' => Some(KeyCode::Home),
        b'F' => Some(KeyCode::End),
        _ => None,
    }
}

fn numbers(params: &[u8]) -> Vec<u16> {
    params
        .split(|&b| b == b';')
        .map(|p| {
            p.iter()
                .take_while(|b| b.is_ascii_digit())
                .fold(0u16, |n, &d| {
                    n.saturating_mul(10).saturating_add(u16::from(d - b'0'))
                })
        })
        .collect()
}

/// A mouse report: button code `b`, 1-based cell `x`, `y`.
fn mouse(b: u16, x: u16, y: u16, press: bool) -> Option<Event> {
    let kind = if b & 64 != 0 {
        match b & 3 {
            0 => MouseEventKind::ScrollUp,
            1 => MouseEventKind::ScrollDown,
            _ => return None,
        }
    } else if b & 32 != 0 || b & 3 != 0 {
        return None;
    } else if press {
        MouseEventKind::Down(MouseButton::Left)
    } else {
        MouseEventKind::Up(MouseButton::Left)
    };
    Some(Event::Mouse(MouseEvent {
        kind,
        column: x.saturating_sub(1),
        row: y.saturating_sub(1),
        modifiers: KeyModifiers::NONE,
    }))
}

/// Waits until `a` (or `b`, when not -1) can be read, up to `wait` (`None`: for good);
/// whether each can.
fn poll2(a: RawFd, b: RawFd, wait: Option<Duration>) -> io::Result<(bool, bool)> {
    let mut fds = [
        libc::pollfd {
            fd: a,
            events: libc::POLLIN,
            revents: 0,
        },
        libc::pollfd {
            fd: b,
            events: libc::POLLIN,
            revents: 0,
        },
    ];
    let timeout = wait.map_or(-1, |d| d.as_millis().min(i32::MAX as u128) as i32);
    loop {
        // SAFETY: `fds` is a valid array of two pollfd for the whole call (a negative fd is
        // ignored by poll).
        let n = unsafe { libc::poll(fds.as_mut_ptr(), 2, timeout) };
        if n >= 0 {
            let ready =
                |f: &libc::pollfd| f.revents & (libc::POLLIN | libc::POLLHUP | libc::POLLERR) != 0;
            return Ok((ready(&fds[0]), ready(&fds[1])));
        }
        let e = io::Error::last_os_error();
        if e.kind() != io::ErrorKind::Interrupted {
            return Err(e);
        }
    }
}

fn read(fd: RawFd, buf: &mut [u8]) -> io::Result<usize> {
    loop {
        // SAFETY: `buf` is valid for `buf.len()` bytes of writing for the whole call.
        let n = unsafe { libc::read(fd, buf.as_mut_ptr().cast(), buf.len()) };
        if n >= 0 {
            return Ok(n as usize);
        }
        let e = io::Error::last_os_error();
        if e.kind() != io::ErrorKind::Interrupted {
            return Err(e);
        }
    }
}

/// Empties the resize pipe (non-blocking).
fn drain(fd: RawFd) {
    let mut buf = [0u8; 64];
    while matches!(read(fd, &mut buf), Ok(1..)) {}
}

#[cfg(test)]
mod tests {
    use super::*;

    fn events(bytes: &[u8], paused: bool) -> (Vec<Event>, Input) {
        let (a, _b) = std::os::unix::net::UnixStream::pair().unwrap();
        let (c, _d) = std::os::unix::net::UnixStream::pair().unwrap();
        let mut input = Input {
            tty: a.into(),
            resized: c.into(),
            pending: bytes.to_vec(),
            paste: None,
            buf: vec![0u8; READ_BYTES],
            replies: Vec::new(),
        };
        let mut out = Vec::new();
        input.parse(&mut out, false);
        if paused {
            input.parse(&mut out, true);
        }
        (out, input)
    }

    fn ctrl_c() -> Event {
        Event::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL))
    }

    #[test]
    fn a_cut_off_character_does_not_swallow_ctrl_c() {
        assert_eq!(events(b"\xc3\x03", false).0, [ctrl_c()]);
    }

    #[test]
    fn a_paste_ends_at_its_marker_or_at_ctrl_c() {
        let (out, _) = events(b"\x1b[200~a\nb\x1b[201~x", false);
        assert_eq!(out[0], Event::Paste("a\nb".into()));
        let (out, input) = events(b"\x1b[200~abc\x03", false);
        assert_eq!(out, [Event::Paste("abc".into()), ctrl_c()]);
        assert!(input.paste.is_none());
        // An unended paste is taken whole when the input pauses.
        let (out, _) = events(b"\x1b[200~abc", true);
        assert_eq!(out, [Event::Paste("abc".into())]);
    }

    #[test]
    fn a_late_colour_answer_is_no_keys() {
        let (events, _) = events(
            b"\x1b]11;rgb:0000/0000/0000\x1b\\q\x1b]10;rgb:ffff/ffff/ffff\x07j",
            true,
        );
        assert_eq!(events.len(), 2, "{events:?}");
    }

    /// The answers `bytes` make, and the events (which must be none of them).
    fn replies(bytes: &[u8]) -> (Vec<Event>, Vec<Reply>) {
        let (events, mut input) = events(bytes, true);
        (events, input.take_replies())
    }

    fn scheme(answer: &[u8]) -> Option<crate::view::theme::Scheme> {
        let (events, replies) = replies(answer);
        assert!(events.is_empty(), "{answer:?} made keys: {events:?}");
        match replies[..] {
            [Reply::Background(rgb)] => Some(crate::view::theme::Scheme::for_background(rgb)),
            _ => None,
        }
    }

    #[test]
    fn background_answers_parse_to_light_or_dark() {
        use crate::view::theme::Scheme::{Dark, Light};
        for (answer, want) in [
            (&b"\x1b]11;rgb:ffff/ffff/ffff\x1b\\"[..], Light),
            (b"\x1b]11;rgb:0000/0000/0000\x07", Dark),
            // Solarized light and dark, with 2-digit and 4-digit channels.
            (b"\x1b]11;rgb:fd/f6/e3\x07", Light),
            (b"\x1b]11;rgb:fdfd/f6f6/e3e3\x1b\\", Light),
            (b"\x1b]11;rgb:00/2b/36\x1b\\", Dark),
            (b"\x1b]11;rgb:0000/2B2B/3636\x07", Dark),
            // 1-digit channels, alpha, and the `#` form.
            (b"\x1b]11;rgb:e/e/e\x07", Light),
            (b"\x1b]11;rgba:1c1c/1c1c/1c1c/ffff\x1b\\", Dark),
            (b"\x1b]11;#ffffdd\x07", Light),
            (b"\x1b]11;#303030\x1b\\", Dark),
            // Mid grey: L* 53.
            (b"\x1b]11;rgb:80/80/80\x07", Light),
            (b"\x1b]11;rgb:70/70/70\x07", Dark),
        ] {
            assert_eq!(
                scheme(answer),
                Some(want),
                "{}",
                String::from_utf8_lossy(answer)
            );
        }
        // Not a background colour: no answer, and no keys either.
        for answer in [
            &b"\x1b]10;rgb:ffff/ffff/ffff\x07"[..],
            b"\x1b]11;rgb:ffff/ffff\x07",
            b"\x1b]11;rgb:fffff/0/0\x07",
            b"\x1b]11;#ffff\x07",
        ] {
            assert_eq!(scheme(answer), None, "{}", String::from_utf8_lossy(answer));
        }
    }

    #[test]
    fn an_answer_split_across_reads_is_joined_and_makes_no_keys() {
        let (out, mut input) = events(b"\x1b]11;rgb:ffff/ff", false);
        assert!(out.is_empty() && input.take_replies().is_empty());
        input.pending.extend_from_slice(b"ff/ffff\x1b");
        input.parse(&mut Vec::new(), false);
        input.pending.extend_from_slice(b"\\j");
        let mut out = Vec::new();
        input.parse(&mut out, false);
        assert_eq!(
            out,
            [Event::Key(KeyEvent::new(
                KeyCode::Char('j'),
                KeyModifiers::NONE
            ))]
        );
        assert_eq!(input.take_replies(), [Reply::Background([1.0; 3])]);
    }

    #[test]
    fn a_key_after_a_cut_off_answer_is_read_as_itself() {
        let (out, mut input) = events(b"\x1b]11;rgb:ff\x1b[Aq\x03", false);
        assert_eq!(out.len(), 3, "{out:?}");
        assert_eq!(out[2], ctrl_c());
        assert!(input.take_replies().is_empty());
        // The device attributes answer is a reply, not keys.
        assert_eq!(replies(b"\x1b[?62;22c"), (vec![], vec![Reply::Attributes]));
    }

    #[test]
    fn keys_and_mouse_reports_parse() {
        let (out, _) = events(b"a\x1b[A\x1b[1;5C\x1b[<64;3;4M\x1b[<0;10;2M\x1bx\x1b", true);
        assert_eq!(out.len(), 7, "{out:?}");
        assert_eq!(
            out[5],
            Event::Key(KeyEvent::new(KeyCode::Char('x'), KeyModifiers::ALT))
        );
        assert_eq!(
            out[6],
            Event::Key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE))
        );
    }
}
