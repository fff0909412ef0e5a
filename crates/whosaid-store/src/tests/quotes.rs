//! Quotes followed across outlets: exact repeats, partial quotes, reworded
//! variants, a misattribution, common phrases that must not cluster, and a
//! partition that does not depend on ingest order.

use std::collections::BTreeSet;

use proptest::prelude::*;

use super::doc;
use super::*;

/// Five outlets carrying a governor's quote (one twice, one cutting it, one
/// rewording it, one giving it to her deputy), and unrelated quotes that
/// share only everyday phrases.
fn articles() -> Vec<(Metadata, String, Account)> {
    vec![
        doc("wire-1", "Wire", "2025-03-02",
            "Harbor plan\n\nGovernor Ana Ruiz said: “We will rebuild the harbor bridge before the winter storms arrive, whatever the cost.”"),
        doc("daily-1", "Daily", "2025-03-03",
            "Bridge\n\n“We will rebuild the harbor bridge before the winter storms arrive, whatever the cost,” Governor Ana Ruiz said on Sunday."),
        doc("post-1", "Post", "2025-03-04",
            "Storms\n\nRuiz promised to “rebuild the harbor bridge before the winter storms arrive,” her office said."),
        doc("herald-1", "Herald", "2025-03-05",
            "Plan\n\n“We are going to rebuild the harbor bridge before the winter storms come, whatever it costs,” Governor Ana Ruiz told reporters."),
        doc("gazette-1", "Gazette", "2025-03-06",
            "Deputy\n\n“We will rebuild the harbor bridge before the winter storms arrive, whatever the cost,” Deputy Governor Tom Vance said."),
        doc("wire-2", "Wire", "2025-03-09",
            "Again\n\n“We will rebuild the harbor bridge before the winter storms arrive, whatever the cost,” Governor Ana Ruiz repeated on Monday."),
        doc("daily-2", "Daily", "2025-03-07",
            "Schools\n\n“I think that's what we're going to do about the school budget,” Mayor Li Chen said."),
        doc("post-2", "Post", "2025-03-08",
            "Parks\n\n“I think that's what we're going to do with the old rail yard,” council member Sam Ortiz said."),
    ]
}

fn store_of(docs: &[(Metadata, String, Account)]) -> Store {
    let mut store = Store::in_memory().unwrap();
    let refs: Vec<(&Metadata, &str, &Account)> =
        docs.iter().map(|(m, t, a)| (m, t.as_str(), a)).collect();
    store.add_all(&refs).unwrap();
    store
}

/// Every cluster's kept counts (what lists are ordered and filtered by)
/// equal its members counted again.
fn assert_counts_kept(store: &Store) {
    let rows: Vec<(i64, i64, i64, i64, Option<String>)> = store
        .conn
        .prepare("SELECT id, statements, documents, outlets, first_published FROM quote_clusters")
        .unwrap()
        .query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(!rows.is_empty());
    for (id, statements, documents, outlets, first) in rows {
        let q = store
            .quote(id)
            .unwrap()
            .expect("a kept cluster has members")
            .summary;
        assert_eq!(
            (statements, documents, outlets, first),
            (q.statements, q.documents, q.outlets, q.first_published),
            "cluster {id}"
        );
    }
}

/// The clusters of more than one statement, as sets of (document, ordinal).
fn partition(store: &Store) -> BTreeSet<BTreeSet<(String, i64)>> {
    let all = store
        .quotes(&QuoteQuery {
            min_documents: 1,
            limit: 1000,
            ..QuoteQuery::default()
        })
        .unwrap();
    all.iter()
        .map(|q| store.quote(q.id).unwrap().unwrap())
        .filter(|d| d.appearances.len() > 1)
        .map(|d| {
            d.appearances
                .iter()
                .map(|a| (a.document.clone(), a.ordinal))
                .collect()
        })
        .collect()
}

#[test]
fn a_quote_is_followed_across_outlets_with_variants_and_conflicts() {
    let store = store_of(&articles());
    assert_counts_kept(&store);
    let carried = store.quotes(&QuoteQuery::default()).unwrap();
    assert_eq!(carried.len(), 1, "{carried:#?}");
    let q = &carried[0];
    assert_eq!(q.documents, 6);
    assert_eq!(q.outlets, 5, "the Wire carried it twice");
    assert_eq!(q.first_document, "wire-1");
    assert_eq!(q.first_published.as_deref(), Some("2025-03-02"));
    assert!(q.canonical.starts_with("We will rebuild the harbor bridge"));
    assert!(q.conflicting, "Ana Ruiz and Tom Vance");
    let names: Vec<Option<&str>> = q.speakers.iter().map(|s| s.name.as_deref()).collect();
    assert_eq!(names[0], Some("Ana Ruiz"), "{names:?}");
    assert!(names.contains(&Some("Tom Vance")), "{names:?}");

    let detail = store.quote(q.id).unwrap().unwrap();
    assert_eq!(detail.appearances.len(), 6);
    let dates: Vec<_> = detail
        .appearances
        .iter()
        .map(|a| a.published.clone())
        .collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "earliest first");
    // The canonical wording (four times), the partial quote, the reworded one.
    assert_eq!(detail.variants[0].statements, 4);
    assert!(detail.variants[0].diff.is_empty());
    let reworded = detail
        .variants
        .iter()
        .find(|v| v.wording.contains("going to"))
        .expect("the reworded variant");
    assert!(
        reworded
            .diff
            .contains(&DiffOp::Added("are going to".into())),
        "{:?}",
        reworded.diff
    );
    assert!(
        reworded.diff.contains(&DiffOp::Removed("will".into())),
        "{:?}",
        reworded.diff
    );
    let partial = detail
        .appearances
        .iter()
        .find(|a| a.document == "post-1")
        .unwrap();
    assert_eq!(
        partial.wording,
        "rebuild the harbor bridge before the winter storms arrive,"
    );

    // Filters.
    let only = |query: QuoteQuery| store.quotes(&query).unwrap().len();
    assert_eq!(
        only(QuoteQuery {
            conflicts: true,
            ..QuoteQuery::default()
        }),
        1
    );
    assert_eq!(
        only(QuoteQuery {
            variants: true,
            ..QuoteQuery::default()
        }),
        1
    );
    assert_eq!(
        only(QuoteQuery {
            speaker: Some("Tom Vance".into()),
            ..QuoteQuery::default()
        }),
        1
    );
    assert_eq!(
        only(QuoteQuery {
            outlet: Some("herald".into()),
            ..QuoteQuery::default()
        }),
        1
    );
    assert_eq!(
        only(QuoteQuery {
            text: "Winter storms!".into(),
            ..QuoteQuery::default()
        }),
        1
    );
    assert_eq!(
        only(QuoteQuery {
            text: "school budget".into(),
            ..QuoteQuery::default()
        }),
        0
    );
    assert_eq!(
        only(QuoteQuery {
            since: Some("2025-03-03".into()),
            ..QuoteQuery::default()
        }),
        0
    );

    // Each carried statement links to it; the others to nothing.
    let linked = store.statement_quote(partial.statement).unwrap().unwrap();
    assert_eq!((linked.quote, linked.outlets), (q.id, 5));
    assert_eq!(store.quote(-5).unwrap(), None);
    let in_post = store.document_quotes("post-1").unwrap();
    assert_eq!(in_post.len(), 1);
    assert_eq!((in_post[0].0, in_post[0].1.quote), (partial.ordinal, q.id));
    assert!(store.document_quotes("daily-2").unwrap().is_empty());
    // Search hits link to it.
    let hits = store
        .search(&Query {
            text: "winter".into(),
            limit: 10,
            ..Default::default()
        })
        .unwrap();
    assert!(
        !hits.is_empty()
            && hits
                .iter()
                .all(|h| h.quote.as_ref().map(|x| x.quote) == Some(q.id))
    );
}

#[test]
fn everyday_phrases_do_not_make_one_quote() {
    let store = store_of(&articles());
    for q in store
        .quotes(&QuoteQuery {
            min_documents: 1,
            limit: 100,
            ..QuoteQuery::default()
        })
        .unwrap()
    {
        let both = q.canonical.contains("school") || q.canonical.contains("rail yard");
        assert!(!both || q.documents == 1, "{q:#?}");
    }
}

#[test]
fn a_rebuild_and_a_migrated_store_give_the_same_clusters() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("q.db");
    let docs = articles();
    {
        let mut store = Store::open(&path).unwrap();
        // One document a batch: counts kept as quotes join.
        for (m, t, a) in &docs {
            store.add(m, t, a).unwrap();
        }
        assert_counts_kept(&store);
    }
    let before = partition(&Store::open(&path).unwrap());
    assert!(!before.is_empty());
    let mut store = Store::open(&path).unwrap();
    store.rebuild_quotes().unwrap();
    assert_eq!(partition(&store), before);
    // Read three statements at a time, as a large store is.
    {
        let tx = store.conn.transaction().unwrap();
        tx.execute_batch(
            "DELETE FROM quote_keys; DELETE FROM quote_members; DELETE FROM quote_clusters;",
        )
        .unwrap();
        crate::quotes::index_in_chunks(&tx, 0, 3, true).unwrap();
        tx.commit().unwrap();
    }
    assert_eq!(partition(&store), before);
    assert_counts_kept(&store);
    drop(store);
    // A store of schema 12 (every key indexed, no keys per member).
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(
            "ALTER TABLE quote_members DROP COLUMN keys;
             ALTER TABLE quote_members ADD COLUMN nkeys INTEGER NOT NULL DEFAULT 0;
             PRAGMA user_version = 12;",
        )
        .unwrap();
    }
    assert_eq!(partition(&Store::open(&path).unwrap()), before);
    // A store from before schema 12.
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(
            "DROP TABLE quote_members; DROP TABLE quote_keys; DROP TABLE quote_clusters;
             PRAGMA user_version = 11;",
        )
        .unwrap();
    }
    assert_eq!(partition(&Store::open(&path).unwrap()), before);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    #[test]
    fn clusters_do_not_depend_on_ingest_order(
        order in Just((0..8usize).collect::<Vec<_>>()).prop_shuffle(),
        split in 1..8usize,
    ) {
        let docs = articles();
        let want = partition(&store_of(&docs));
        // Shuffled, in two batches.
        let shuffled: Vec<_> = order.iter().map(|&i| docs[i].clone()).collect();
        let mut store = Store::in_memory().unwrap();
        for part in [&shuffled[..split], &shuffled[split..]] {
            let refs: Vec<(&Metadata, &str, &Account)> =
                part.iter().map(|(m, t, a)| (m, t.as_str(), a)).collect();
            store.add_all(&refs).unwrap();
        }
        prop_assert_eq!(partition(&store), want);
        assert_counts_kept(&store);
    }
}
