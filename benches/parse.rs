//! How fast `document::load` reads a dossier, beside a bare pulldown-cmark pass over the same
//! text (the floor: load walks those same events once, then finds dates, quotes and speakers).
//! Target: load at most 2× the bare pass. "load" includes freeing the model; "load, model
//! kept" leaves that out. The "phase:" rows time the parts of load on their own.
//!
//! Two inputs: the embedded seed (19 KB), and a ~5 MB dossier generated from the seed's own
//! sections with their dates, people and numbers varied, so the parser meets realistic prose
//! rather than one paragraph repeated.
//!
//! `cargo bench --bench parse`

/// The binary's allocator, so the figures are the binary's (the bare pass runs on it too).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod common;

use std::hint::black_box;

use common::bare_pass;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dossier::document::{self, outline};
use dossier::library::EMBEDDED;
use dossier::synthetic;

/// About how big the generated dossier is.
const LARGE_BYTES: usize = 5 * 1024 * 1024;

fn bench_text(c: &mut Criterion, name: &str, text: &str, samples: usize) {
    let mut group = c.benchmark_group(name);
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(samples);
    group.bench_function("load", |b| {
        b.iter(|| document::load("bench", black_box(text)))
    });
    // The same, with freeing the model left out of the time: what opening a dossier costs
    // (the app keeps it), and what part of "load" is the allocator taking ~150,000 strings
    // back for the 5 MB dossier.
    group.bench_function("load, model kept", |b| {
        b.iter_with_large_drop(|| document::load("bench", black_box(text)))
    });
    group.bench_function("pulldown-cmark", |b| b.iter(|| bare_pass(black_box(text))));
    // Where load's time goes, phase by phase (freeing left out, as in "model kept"), for
    // whoever works on the ratio next: the walk over pulldown-cmark's events (the bare pass
    // is inside it), then the timeline and the quotes found on the walk's outline.
    group.bench_function("phase: outline walk", |b| {
        b.iter_with_large_drop(|| outline::walk(black_box(text), 0, None))
    });
    let walked = outline::walk(text, 0, None);
    group.bench_function("phase: timeline", |b| {
        b.iter_with_large_drop(|| document::timeline::build(black_box(&walked), text))
    });
    group.bench_function("phase: quotes", |b| {
        b.iter_with_large_drop(|| document::quotes::find(black_box(&walked), text))
    });
    group.finish();
}

fn parse(c: &mut Criterion) {
    bench_text(c, "seed", EMBEDDED, 100);
    let large = synthetic::seed_repeated(LARGE_BYTES);
    // Dropped before the timing starts, so it does not shape the heap the benches run on.
    let doc = document::load("bench", &large);
    eprintln!(
        "generated dossier: {} bytes, {} blocks ({} items), {} sections, {} timeline entries, {} quotes",
        large.len(),
        doc.blocks.len(),
        doc.blocks
            .iter()
            .filter(|b| matches!(b.kind, document::BlockKind::Item { .. }))
            .count(),
        doc.sections.len(),
        doc.timeline.len(),
        doc.quotes.len()
    );
    drop(doc);
    bench_text(c, "5MB", &large, 20);
}

criterion_group!(benches, parse);
criterion_main!(benches);
