//! Quote search at library scale: 10,000 synthetic dossiers in the seed's shape give
//! 100,000 quotes; each keystroke of typing a query re-ranks them the way the app does
//! (the first keystroke scans everything, later ones narrow the previous hits), on every
//! core. Target: under 16 ms median per keystroke.
//!
//! `cargo bench --bench search`

use criterion::{Criterion, criterion_group, criterion_main};
use dossier::search::QuoteIndex;
use std::hint::black_box;

const DOCS: usize = 10_000;

fn index() -> QuoteIndex {
    let mut index = QuoteIndex::default();
    for i in 0..DOCS {
        let doc = dossier::document::load("synthetic", &dossier::synthetic::dossier(i));
        index.add(i, &doc.quotes);
    }
    index
}

/// Ranks every prefix of `query` in turn, narrowing as the app does.
fn type_query(index: &QuoteIndex, query: &str) -> usize {
    let mut hits: Option<Vec<usize>> = None;
    let mut total = 0;
    for end in query.char_indices().map(|(i, c)| i + c.len_utf8()) {
        let ranked = index.rank(&query[..end], hits.as_deref());
        total += ranked.len();
        hits = Some(ranked.iter().map(|h| h.quote).collect());
    }
    total
}

fn search(c: &mut Criterion) {
    let index = index();
    assert_eq!(index.len(), 100_000);
    let mut group = c.benchmark_group("quote_search_100k");
    group.sample_size(30);
    group.bench_function("first_keystroke_full_scan", |b| {
        b.iter(|| black_box(index.rank(black_box("c"), None).len()))
    });
    group.bench_function("full_scan_compute", |b| {
        b.iter(|| black_box(index.rank(black_box("compute"), None).len()))
    });
    group.bench_function("full_scan_speaker_filter", |b| {
        b.iter(|| black_box(index.rank(black_box("@leike compute"), None).len()))
    });
    // Seven keystrokes; the per-keystroke figure is this divided by 7.
    group.bench_function("typing_compute_7_keystrokes", |b| {
        b.iter(|| black_box(type_query(&index, black_box("compute"))))
    });
    group.finish();
}

criterion_group!(benches, search);
criterion_main!(benches);
