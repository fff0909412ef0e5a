//! The store's write path on real news: PolNeAR dev (when `../shared` is
//! beside the project, else the example article ten times under ten ids),
//! analysed once outside the timing. `add_all` stores documents,
//! statements, speakers, full-text rows and quote clusters in one
//! transaction, as `whosaid ingest` does per batch; `rebuild_quotes`
//! clusters every stored quote again.
//!
//! `cargo bench -p whosaid-store --bench store`

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use whosaid::{Account, DocumentInfo, Extractor};
use whosaid_ingest::Metadata;
use whosaid_store::Store;

/// (id, text) of the documents the benchmark stores.
fn corpus() -> Vec<(String, String)> {
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/polnear/dev/text"
    );
    let mut docs: Vec<(String, String)> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(|e| {
            let path = e.ok()?.path();
            let id = path.file_stem()?.to_string_lossy().into_owned();
            Some((id, std::fs::read_to_string(&path).ok()?))
        })
        .collect();
    if docs.is_empty() {
        let example = include_str!("../../../examples/nato-rutte.txt");
        docs = (0..10)
            .map(|i| (format!("example-{i}"), example.to_string()))
            .collect();
    }
    docs.sort();
    docs
}

fn bench(c: &mut Criterion) {
    let extractor = Extractor::builtin();
    let analysed: Vec<(Metadata, String, Account)> = corpus()
        .into_iter()
        .enumerate()
        .map(|(i, (id, text))| {
            let meta = Metadata {
                id,
                // Outlets and dates vary, as quotes cross outlets.
                outlet: Some(format!("Outlet {}", i % 7)),
                published: chrono::NaiveDate::from_ymd_opt(2016, 9, 1 + (i % 28) as u32),
                ..Default::default()
            };
            let account = extractor.analyze(
                &text,
                &DocumentInfo {
                    published: meta.published,
                    byline: meta.byline.clone(),
                },
            );
            (meta, text, account)
        })
        .collect();
    let batch: Vec<(&Metadata, &str, &Account)> = analysed
        .iter()
        .map(|(m, t, a)| (m, t.as_str(), a))
        .collect();

    let mut group = c.benchmark_group("store");
    group.throughput(Throughput::Elements(batch.len() as u64));
    group.sample_size(10);
    group.bench_function("add_all", |b| {
        b.iter_batched(
            || Store::in_memory().unwrap(),
            |mut store| {
                store.add_all(&batch).unwrap();
                store
            },
            BatchSize::PerIteration,
        )
    });
    let mut full = Store::in_memory().unwrap();
    full.add_all(&batch).unwrap();
    group.bench_function("rebuild_quotes", |b| {
        b.iter(|| full.rebuild_quotes().unwrap())
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
