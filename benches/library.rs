//! Indexing a whole library: a synthetic library of dossiers in the seed's shape written
//! to a temporary folder, read and indexed the way `dossier DIR` does it (every core), beside
//! a bare pulldown-cmark pass over the same files (reading included), on one core and on
//! every core. Target: indexing at most 1.5× the bare pass.
//!
//! `cargo bench --bench library` (1,000 dossiers, ~14 MB);
//! `DOSSIER_BENCH_DOCS=10000 cargo bench --bench library` for the 10,000-dossier (~142 MB) figure.

/// The binary's allocator, so the figures are the binary's (the bare pass runs on it too).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dossier::document::Document;
use dossier::library;
use dossier::search::{QuoteBatch, QuoteIndex};
use pulldown_cmark::Parser;
use std::hint::black_box;

fn docs() -> usize {
    std::env::var("DOSSIER_BENCH_DOCS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1000)
}

fn bare_pass(path: &PathBuf) -> usize {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    Parser::new_ext(&text, dossier::document::outline::options())
        .into_offset_iter()
        .count()
}

/// What `dossier DIR` does: find, read and parse every file on every core, slim each
/// document and prepare its quotes there, and add them to one index as they come (the app
/// adds each document to its list and its quotes to the index as it arrives).
/// The documents and the index are returned, not freed: the app keeps them as long as it
/// runs (and exits without freeing them), so freeing is not part of indexing.
fn index_library(root: &std::path::Path) -> (Vec<Document>, QuoteIndex) {
    let (paths, _) = library::find_dossiers(root);
    let library = Mutex::new((Vec::with_capacity(paths.len()), QuoteIndex::default()));
    library::load_all(&paths, library::threads(), |_, result| {
        if let Ok(mut doc) = result {
            library::slim(&mut doc);
            let quotes = QuoteBatch::new(&doc.quotes);
            if let Ok(mut library) = library.lock() {
                let (docs, index) = &mut *library;
                index.append(docs.len(), quotes);
                docs.push(doc);
            }
        }
    });
    library.into_inner().unwrap_or_default()
}

fn library_bench(c: &mut Criterion) {
    let n = docs();
    let root = std::env::temp_dir().join(format!("dossier-bench-library-{n}"));
    if !root.exists() {
        library::find_dossiers(&root);
        dossier::synthetic::write_library(&root, n).expect("write the synthetic library");
    }
    let (paths, _) = library::find_dossiers(&root);
    assert_eq!(paths.len(), n);
    let bytes: u64 = paths
        .iter()
        .filter_map(|p| std::fs::metadata(p).ok())
        .map(|m| m.len())
        .sum();
    let mut group = c.benchmark_group(format!("library_{n}"));
    group.throughput(Throughput::Bytes(bytes));
    group.sample_size(10);
    group.bench_function("bare_pulldown_pass_1_core", |b| {
        b.iter(|| black_box(paths.iter().map(bare_pass).sum::<usize>()))
    });
    group.bench_function("bare_pulldown_pass_all_cores", |b| {
        b.iter(|| {
            let next = AtomicUsize::new(0);
            let total = AtomicUsize::new(0);
            std::thread::scope(|s| {
                for _ in 0..library::threads() {
                    s.spawn(|| {
                        while let Some(p) = paths.get(next.fetch_add(1, Ordering::Relaxed)) {
                            total.fetch_add(bare_pass(p), Ordering::Relaxed);
                        }
                    });
                }
            });
            black_box(total.into_inner())
        })
    });
    group.bench_function("index_library_all_cores", |b| {
        // Each run's documents and index are freed after its time is taken, before the
        // next run (criterion's iter_with_large_drop would keep a batch of them, ~150 MB
        // each, alive at once).
        b.iter_custom(|runs| {
            let mut total = std::time::Duration::ZERO;
            for _ in 0..runs {
                let start = std::time::Instant::now();
                let indexed = index_library(&root);
                total += start.elapsed();
                drop(black_box(indexed));
            }
            total
        })
    });
    group.finish();
}

criterion_group!(benches, library_bench);
criterion_main!(benches);
