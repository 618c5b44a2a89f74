//! The system clipboard: the text goes to the terminal as OSC 52 (which works over ssh), and
//! to the platform's clipboard tool where one is present (`wl-copy` under Wayland, `xclip` or
//! `xsel` under X, `pbcopy` on macOS), started without a shell, its output discarded.

use std::io::{self, Write};
use std::process::{Command, Stdio};

/// Puts `text` on the clipboard; says how (`OSC 52`, `OSC 52 and wl-copy`).
pub fn copy(text: &str) -> io::Result<String> {
    copy_osc52(text)?;
    Ok(match copy_with_tool(text) {
        Some(tool) => format!("OSC 52 and {tool}"),
        None => "OSC 52".to_string(),
    })
}

/// The clipboard tools worth trying here, in order, each with its arguments.
fn tools() -> Vec<(&'static str, &'static [&'static str])> {
    let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty());
    let mut tools = Vec::new();
    if cfg!(target_os = "macos") {
        tools.push(("pbcopy", &[][..]));
    }
    if set("WAYLAND_DISPLAY") {
        tools.push(("wl-copy", &[][..]));
    }
    if set("DISPLAY") {
        tools.push(("xclip", &["-selection", "clipboard"][..]));
        tools.push(("xsel", &["--clipboard", "--input"][..]));
    }
    tools
}

/// Hands `text` to the first clipboard tool that starts; its name. The tool is waited for on
/// a thread of its own: one that stays to serve the selection never holds up the app.
fn copy_with_tool(text: &str) -> Option<&'static str> {
    for (tool, args) in tools() {
        let child = Command::new(tool)
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn();
        let Ok(mut child) = child else { continue };
        let text = text.to_string();
        std::thread::spawn(move || {
            if let Some(mut stdin) = child.stdin.take() {
                let _ = stdin.write_all(text.as_bytes());
            }
            let _ = child.wait();
        });
        return Some(tool);
    }
    None
}

/// Puts `text` on the system clipboard through the terminal (OSC 52).
pub fn copy_osc52(text: &str) -> io::Result<()> {
    let mut out = io::stdout();
    write!(out, "\x1b]52;c;{}\x07", base64(text.as_bytes()))?;
    out.flush()
}

/// Standard base64 with padding (ten lines rather than a crate).
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | (b as u32) << (16 - 8 * i));
        for i in 0..4 {
            let c = if i <= chunk.len() {
                ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char
            } else {
                '='
            };
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_standard() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64("“q” — Jan".as_bytes()), "4oCcceKAnSDigJQgSmFu");
    }
}
