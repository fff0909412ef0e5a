//! One person, one speaker over a real corpus: PolNeAR train + dev
//! ingested into one store (skipped when `../shared` is not beside the
//! project). No junk names, no person stored twice under one normalized
//! name, no name both a person and an organization, and the surnames
//! alone of the corpus's best-known people merged into their full names.

use std::collections::{HashMap, HashSet};

use whosaid::entities::variants::{body_key, person_key};
use whosaid::{DocumentInfo, Extractor};
use whosaid_ingest::Metadata;
use whosaid_store::Store;

#[path = "../../whosaid/tests/common/junk.rs"]
mod junk;
#[path = "../../whosaid/tests/common/polnear.rs"]
mod polnear;

use polnear::polnear_texts;

#[test]
fn polnear_speakers_are_one_per_person() {
    let Some(files) = polnear_texts() else {
        return;
    };
    let extractor = Extractor::builtin();
    let docs: Vec<(Metadata, String, whosaid::Account)> = files
        .iter()
        .map(|file| {
            let text = whosaid::error::read_text(file).unwrap();
            let meta = Metadata {
                id: file.file_stem().unwrap().to_string_lossy().into_owned(),
                ..Default::default()
            };
            let account = extractor.analyze(&text, &DocumentInfo::default());
            (meta, text, account)
        })
        .collect();
    let articles = docs.len();
    let mut store = Store::in_memory().unwrap();
    // Batches like an ingest's, so the rules settle across transactions.
    for chunk in docs.chunks(256) {
        let refs: Vec<_> = chunk.iter().map(|(m, t, a)| (m, t.as_str(), a)).collect();
        store.add_all(&refs).unwrap();
    }
    let speakers = store.speakers(1_000_000).unwrap();
    let totals = store.totals().unwrap();
    assert_eq!(speakers.len() as i64, totals.speakers);
    eprintln!(
        "{articles} articles, {} speakers ({:.0} per 1,000 articles), {} named",
        speakers.len(),
        1000.0 * speakers.len() as f64 / articles as f64,
        speakers.iter().filter(|s| !s.anonymous).count()
    );

    let junk: Vec<String> = speakers
        .iter()
        .filter_map(|s| junk::junk(&s.name).map(|why| format!("{:?} ({why})", s.name)))
        .collect();
    assert!(junk.is_empty(), "junk speaker names: {junk:?}");

    let named: Vec<_> = speakers.iter().filter(|s| !s.anonymous).collect();
    let mut people: HashMap<String, &str> = HashMap::new();
    let mut twice = Vec::new();
    for s in named.iter().filter(|s| s.kind == "person") {
        if let Some(other) = people.insert(person_key(&s.name), &s.name) {
            twice.push(format!("{other:?} and {:?}", s.name));
        }
    }
    assert!(twice.is_empty(), "people stored twice: {twice:?}");

    let kinds_of = |kind: &str| -> HashSet<String> {
        named
            .iter()
            .filter(|s| s.kind == kind)
            .map(|s| body_key(&s.name))
            .collect()
    };
    let both: Vec<_> = kinds_of("person")
        .intersection(&kinds_of("organization"))
        .cloned()
        .collect();
    assert!(
        both.is_empty(),
        "both a person and an organization: {both:?}"
    );

    for (surname, full) in [
        ("Obama", "Barack Obama"),
        ("Trump", "Donald Trump"),
        ("Clinton", "Hillary Clinton"),
    ] {
        let s = store.speaker(surname).unwrap();
        assert_eq!(s.name, full, "{surname}: {s:?}");
        assert!(
            s.merged.iter().any(|m| m.name == surname),
            "{surname} is a merged name of {full}: {:?}",
            s.merged
        );
    }
}
