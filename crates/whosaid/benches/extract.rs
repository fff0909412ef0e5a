//! Extraction speed on real news text: the example article, and the PolNeAR
//! dev split when `../shared` is beside the project; and the cost of
//! loading the shipped models, paid once per process (a one-article run
//! is mostly that).
//!
//! `cargo bench -p whosaid --bench extract`

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use whosaid::{Document, DocumentInfo, Extractor};

fn words(text: &str) -> u64 {
    text.split_whitespace().count() as u64
}

fn polnear_dev() -> Vec<String> {
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/polnear/dev/text"
    );
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut texts: Vec<String> = entries
        .filter_map(|e| std::fs::read_to_string(e.ok()?.path()).ok())
        .collect();
    texts.sort();
    texts
}

fn bench(c: &mut Criterion) {
    let extractor = Extractor::builtin();
    let rules = Extractor::rules();
    let example = include_str!("../../../examples/nato-rutte.txt");

    let mut group = c.benchmark_group("example");
    group.throughput(Throughput::Elements(words(example)));
    group.bench_function("segment", |b| b.iter(|| Document::new(example)));
    group.bench_function("extract", |b| b.iter(|| extractor.extract(example)));
    group.bench_function("extract_rules", |b| b.iter(|| rules.extract(example)));
    group.finish();

    let mut group = c.benchmark_group("load");
    group.sample_size(20);
    // Every model, the resolver's included (built at the first analysis).
    group.bench_function("builtin", |b| {
        b.iter(|| {
            Extractor::builtin()
                .analyze("He said so.", &DocumentInfo::default())
                .attributions
                .len()
        })
    });
    group.finish();

    let dev = polnear_dev();
    if !dev.is_empty() {
        let mut group = c.benchmark_group("polnear_dev");
        group.throughput(Throughput::Elements(dev.iter().map(|t| words(t)).sum()));
        group.sample_size(20);
        group.bench_function("extract", |b| {
            b.iter(|| {
                dev.iter()
                    .map(|t| extractor.extract(t).len())
                    .sum::<usize>()
            })
        });
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
