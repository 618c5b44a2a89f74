//! Input storms: whatever arrives, the app answers in seconds and Ctrl-C quits.

use std::time::{Duration, Instant};

use crate::common;

/// The embedded dossier on a 100×30 terminal, its first frame drawn.
#[cfg(unix)]
fn app_on_a_terminal() -> common::pty::Tty {
    let tty = common::pty::Tty::spawn(common::pty::Launch::dossier(&[], 100, 30));
    tty.wait_for_text("Jan Leike");
    tty.settle();
    tty
}

/// Ctrl-C ends the app and gives the terminal back, whatever came before it.
#[cfg(unix)]
fn ctrl_c_quits(mut tty: common::pty::Tty, after: &str) {
    tty.send(b"\x03");
    let status = tty.wait_exit();
    assert!(status.success(), "{after}: Ctrl-C then {status:?}");
    tty.assert_restored();
}

/// A 1 MB paste into each search box — as a bracketed paste and as plain keys (a terminal
/// without bracketed paste) — is in the box (cut to its limit) and Ctrl-C has quit, all
/// within 2 s of the paste.
#[cfg(unix)]
#[test]
fn a_one_megabyte_paste_into_each_box_is_cut_in_seconds_and_ctrl_c_quits() {
    let text: Vec<u8> = b"compute safety "
        .iter()
        .copied()
        .cycle()
        .take(1 << 20)
        .collect();
    for (box_keys, name) in [
        (&b"1/"[..], "reader search"),
        (b"2/", "timeline filter"),
        (b"3/", "quote query"),
        (b"4/", "people filter"),
    ] {
        for bracketed in [true, false] {
            let mut tty = app_on_a_terminal();
            tty.send(box_keys);
            tty.settle();
            let started = Instant::now();
            let mut bytes = Vec::with_capacity(text.len() + 12);
            if bracketed {
                bytes.extend_from_slice(b"\x1b[200~");
            }
            bytes.extend_from_slice(&text);
            if bracketed {
                bytes.extend_from_slice(b"\x1b[201~");
            }
            tty.send(&bytes);
            tty.wait_for_text("safety compute safety");
            tty.send(b"\x03");
            let status = tty.wait_exit();
            let took = started.elapsed();
            assert!(status.success(), "{name}: {status:?}");
            tty.assert_restored();
            assert!(
                took < Duration::from_secs(2),
                "{name} (bracketed: {bracketed}): {took:?}"
            );
        }
    }
}

/// 10,000 keys at once, then Ctrl-C: the app quits without waiting for more input.
#[cfg(unix)]
#[test]
fn ten_thousand_keys_then_ctrl_c_quits() {
    let mut tty = app_on_a_terminal();
    let keys: Vec<u8> = b"jk".iter().copied().cycle().take(10_000).collect();
    tty.send(&keys);
    ctrl_c_quits(tty, "10,000 keys");
}

/// A cut-off UTF-8 character (its first byte alone) does not swallow the Ctrl-C after it.
#[cfg(unix)]
#[test]
fn a_cut_off_utf8_character_then_ctrl_c_quits() {
    let mut tty = app_on_a_terminal();
    tty.send(b"\xc3");
    ctrl_c_quits(tty, "\\xc3");
}

/// A paste-start marker with no end does not swallow the keys after it: Ctrl-C quits.
#[cfg(unix)]
#[test]
fn a_paste_start_with_no_end_then_ctrl_c_quits() {
    let mut tty = app_on_a_terminal();
    tty.send(b"3/\x1b[200~compute");
    ctrl_c_quits(tty, "an unended paste");
}

/// The peak resident memory of process `pid` in MB (`VmHWM`).
#[cfg(target_os = "linux")]
fn peak_mb(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let kb: u64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("VmHWM in /proc/PID/status");
    kb / 1024
}

/// A window of 65,535 × 65,535 cells: the app draws a bounded frame, stays under 200 MB, and
/// Ctrl-C quits.
#[cfg(target_os = "linux")]
#[test]
fn a_65535_by_65535_window_stays_under_200_mb() {
    let tty = app_on_a_terminal();
    tty.resize(65535, 65535);
    // Several frames at the new size: a key, a redraw each.
    let mut tty = tty;
    for _ in 0..5 {
        tty.send(b"j");
        std::thread::sleep(Duration::from_millis(300));
    }
    tty.settle();
    let peak = peak_mb(tty.pid());
    assert!(peak < 200, "peak RSS {peak} MB");
    ctrl_c_quits(tty, "a huge window");
}
