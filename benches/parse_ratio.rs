//! Issue 2's figure as one number per input: `document::load` ÷ a bare pulldown-cmark pass,
//! the two timed in turn, round after round, in one process.
//!
//! criterion (`cargo bench --bench parse`) times each function for seconds before the next;
//! on a shared machine the load on the other core can change between them, and the ratio of
//! two medians taken minutes apart moves by 10%. Here every round times the bare pass and
//! then load over the same text, so both see the same machine; the figure is the ratio of
//! the two medians over all rounds.
//!
//! A big document's load uses a second thread (its body is cut in two at a heading and each
//! half parsed, walked and searched for dates on a thread of its own, then the quotes are found
//! half on each), so for one the time of `document::load_on_this_thread` is given too: the
//! same work on one core.
//!
//! `cargo bench --bench parse_ratio`

/// The binary's allocator, so the figures are the binary's (the bare pass runs on it too).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod common;

use std::hint::black_box;
use std::time::{Duration, Instant};

use common::bare_pass;
use dossier::document::{self, outline};
use dossier::library::EMBEDDED;
use dossier::synthetic;

/// The time of one call of `f`, as the mean of `reps` calls.
fn time(reps: u32, mut f: impl FnMut()) -> Duration {
    let start = Instant::now();
    for _ in 0..reps {
        f();
    }
    start.elapsed() / reps
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

/// Times load and the bare pass in turn for `rounds` rounds of `reps` calls each (and load
/// on one thread, when load would use two), and prints their medians and ratios. Load's time
/// includes freeing the model, as in criterion's "load".
fn compare(name: &str, text: &str, rounds: usize, reps: u32) {
    let two_threads = text.len() >= document::TWO_THREADS_BYTES;
    // Warm up: caches, the allocator's pages, the CPU's clock.
    for _ in 0..reps {
        black_box(bare_pass(black_box(text)));
        black_box(document::load("bench", black_box(text)));
    }
    let (mut bare, mut load, mut one) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..rounds {
        bare.push(time(reps, || {
            black_box(bare_pass(black_box(text)));
        }));
        load.push(time(reps, || {
            black_box(document::load("bench", black_box(text)));
        }));
        if two_threads {
            one.push(time(reps, || {
                black_box(document::load_on_this_thread("bench", black_box(text)));
            }));
        }
    }
    let (bare, load) = (median(bare), median(load));
    let ratio = |t: Duration| t.as_secs_f64() / bare.as_secs_f64();
    println!(
        "{name:>4} ({} KB): load {load:.2?}, bare pulldown-cmark {bare:.2?} (medians of {rounds} \
         rounds, {reps} calls each) → load is {:.2}× the bare pass",
        text.len() / 1024,
        ratio(load)
    );
    if two_threads {
        let one = median(one);
        println!(
            "{:>4}  load used two threads; on this thread alone it takes {one:.2?}: {:.2}× the \
             bare pass",
            "",
            ratio(one)
        );
    }
}

/// `PARSE_RATIO_ONCE=WHAT:FILE` runs one pass over FILE and nothing else, for counting its
/// instructions under callgrind (deterministic where the timings above are not): WHAT is
/// `bare` (the bare pulldown-cmark pass), `load` (`document::load`), `one` (load on this
/// thread alone), or one phase of load: `walk` (the outline walk), `timeline` or `quotes`
/// (each on an outline walked once beforehand, outside the passes). FILE `seed` is the embedded dossier, `5MB` the generated one timed above.
/// `WHAT:FILE:N` makes N passes: the count of N passes less that of one is the cost of a
/// pass after the first, without what is made once per process (tables of words, searchers).
fn once(spec: &str) {
    let mut parts = spec.splitn(3, ':');
    let (Some(what), Some(file)) = (parts.next(), parts.next()) else {
        panic!("PARSE_RATIO_ONCE=WHAT:FILE[:N]")
    };
    let passes: usize = parts
        .next()
        .map_or(1, |n| n.parse().expect("N is a number"));
    let text = match file {
        "seed" => EMBEDDED.to_string(),
        "5MB" => synthetic::seed_repeated(5 * 1024 * 1024),
        path => std::fs::read_to_string(path).expect("a UTF-8 file"),
    };
    let walked = matches!(what, "timeline" | "quotes").then(|| outline::walk(&text, 0, None));
    for _ in 0..passes {
        match (what, &walked) {
            ("walk", _) => drop(black_box(outline::walk(black_box(&text), 0, None))),
            ("timeline", Some(w)) => {
                drop(black_box(document::timeline::build(black_box(w), &text)))
            }
            ("quotes", Some(w)) => drop(black_box(document::quotes::find(black_box(w), &text))),
            ("bare", _) => drop(black_box(bare_pass(black_box(&text)))),
            ("load", _) => drop(black_box(document::load("bench", black_box(&text)))),
            ("one", _) => drop(black_box(document::load_on_this_thread(
                "bench",
                black_box(&text),
            ))),
            _ => panic!("WHAT is bare, load, one, walk, timeline or quotes"),
        }
    }
}

fn main() {
    if let Ok(spec) = std::env::var("PARSE_RATIO_ONCE") {
        return once(&spec);
    }
    // `cargo bench` passes `--bench` and any filter; there is nothing to choose here.
    compare("seed", EMBEDDED, 300, 40);
    compare("5MB", &synthetic::seed_repeated(5 * 1024 * 1024), 40, 2);
}
