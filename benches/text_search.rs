//! Full-text search at library scale (see `search::text`): a synthetic library of 10,000
//! dossiers written to a temporary folder and loaded the way `dossier DIR` loads it (every
//! core; each document's text taken for the search, then the document slimmed), beside
//! the same load without the text (the library as it loaded before it could be searched);
//! then a common word, a rare word and a phrase searched over the whole library, every
//! passage found and ranked, on every core.
//!
//! Targets: a query answered in 50 ms median; the searchable load within 2× the load
//! without it. The bytes of text kept and the library's size on disk are printed, for the
//! memory figure (peak memory is measured on the binary: see the commit).
//!
//! `cargo bench --bench text_search` (`DOSSIER_BENCH_DOCS=1000` for a quicker run).

/// The binary's allocator, so the figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::hint::black_box;
use std::sync::Mutex;

use criterion::{Criterion, criterion_group, criterion_main};
use dossier::document::Document;
use dossier::library;
use dossier::search::{DocText, QuoteBatch, QuoteIndex, TextIndex};

fn docs() -> usize {
    std::env::var("DOSSIER_BENCH_DOCS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(10_000)
}

/// Loads the library at `root` as the app does; with `text`, each document's searchable
/// text is kept.
fn load(root: &std::path::Path, text: bool) -> (Vec<Document>, QuoteIndex, TextIndex) {
    let (paths, _) = library::find_dossiers(root);
    let library = Mutex::new((
        Vec::with_capacity(paths.len()),
        QuoteIndex::default(),
        TextIndex::default(),
    ));
    library::load_all(&paths, library::threads(), |_, result| {
        if let Ok(mut doc) = result {
            let searchable = text.then(|| DocText::of(&doc));
            library::slim(&mut doc);
            let quotes = QuoteBatch::new(&doc.quotes);
            if let Ok(mut library) = library.lock() {
                let (docs, index, texts) = &mut *library;
                index.append(docs.len(), quotes);
                docs.push(doc);
                texts.docs.extend(searchable);
            }
        }
    });
    library.into_inner().unwrap_or_default()
}

fn text_search(c: &mut Criterion) {
    let n = docs();
    let root = std::env::temp_dir().join(format!("dossier-bench-library-{n}"));
    if !root.exists() {
        dossier::synthetic::write_library(&root, n).expect("write the synthetic library");
    }
    let (paths, _) = library::find_dossiers(&root);
    assert_eq!(paths.len(), n);
    let bytes: u64 = (paths.iter())
        .filter_map(|p| std::fs::metadata(p).ok())
        .map(|m| m.len())
        .sum();

    let mut group = c.benchmark_group(format!("text_search_{n}"));
    group.sample_size(10);
    for (name, text) in [("load_without_text", false), ("load_searchable", true)] {
        group.bench_function(name, |b| {
            b.iter_custom(|runs| {
                let mut total = std::time::Duration::ZERO;
                for _ in 0..runs {
                    let start = std::time::Instant::now();
                    let loaded = load(&root, text);
                    total += start.elapsed();
                    drop(black_box(loaded));
                }
                total
            })
        });
    }
    let (_docs, _quotes, texts) = load(&root, true);
    let passages: usize = texts.docs.iter().map(|d| d.passages.len()).sum();
    eprintln!(
        "library: {n} dossiers, {bytes} bytes on disk; text kept: {} bytes, {passages} passages",
        texts.bytes()
    );
    for (name, query) in [
        ("common_word", "said"),
        ("rare_word", "4242"),
        ("phrase", "\"safety culture\""),
    ] {
        eprintln!(
            "{name} ({query}): {} passages",
            texts.search(query, 2).len()
        );
        group.bench_function(name, |b| {
            b.iter(|| black_box(texts.search(query, library::threads()).len()))
        });
    }
    group.finish();
}

criterion_group!(benches, text_search);
criterion_main!(benches);
