//! One person, one speaker: name keys, surnames, kinds, merges and
//! unmerges, aliases files, exact lookups, probable duplicates, and a
//! store written by the previous release.

use super::*;

/// Stores each text as its own document (one transaction each, in order).
fn add_each(store: &mut Store, texts: &[&str]) {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    for text in texts {
        let k = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let (m, t, a) = doc(&format!("d{k}"), "Planet", "2025-03-01", text);
        assert!(matches!(store.add(&m, &t, &a).unwrap(), Added::New(_)));
    }
}

fn named(store: &Store, name: &str) -> SpeakerSummary {
    store
        .speaker(name)
        .unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[test]
fn spellings_of_one_name_are_one_speaker() {
    let mut store = Store::in_memory().unwrap();
    add_each(
        &mut store,
        &[
            "Strike\n\nTomás Okoro said the vote was unanimous.",
            "Deal\n\nTomas Okoro said an agreement had been reached.",
            "Race\n\nMartin O’Malley said he would stay in the race.",
            "Polls\n\nMartin O'Malley said the polls were wrong.",
        ],
    );
    let okoro = named(&store, "Tomas Okoro");
    assert_eq!(okoro.statements, 2, "{okoro:?}");
    assert_eq!(named(&store, "TOMÁS OKORO").id, okoro.id);
    assert_eq!(named(&store, "Martin O’Malley").statements, 2);
}

#[test]
fn a_surname_joins_its_person_whichever_comes_first() {
    let mut store = Store::in_memory().unwrap();
    // The surname alone arrives first, in a transaction of its own.
    add_each(
        &mut store,
        &[
            "Pier\n\nMr. Brandt said the pier would reopen on Monday.",
            "Crowds\n\nHarbor master Paul Brandt said the crowds had been larger than expected.",
        ],
    );
    let brandt = named(&store, "Paul Brandt");
    assert_eq!(brandt.statements, 2, "{brandt:?}");
    assert!(brandt.aliases.iter().any(|a| a == "Brandt"), "{brandt:?}");
    assert_eq!(brandt.merged.len(), 1);
    assert_eq!(brandt.merged[0].by, "rule");
    // The surname and the honorific form name that person.
    assert_eq!(named(&store, "Brandt").id, brandt.id);
    assert_eq!(named(&store, "Mr. Brandt").id, brandt.id);
}

#[test]
fn a_surname_two_people_share_stays_apart_with_its_candidates() {
    let mut store = Store::in_memory().unwrap();
    add_each(
        &mut store,
        &[
            "One\n\nAnna Varga said the bridge would open.",
            "Two\n\nPeter Varga said the bridge would close.",
            "Three\n\nVarga said the bridge was safe.",
        ],
    );
    let varga = named(&store, "Varga");
    assert_eq!(varga.statements, 1);
    let candidates: Vec<&str> = varga.candidates.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(candidates.len(), 2, "{varga:?}");
    assert!(candidates.contains(&"Anna Varga") && candidates.contains(&"Peter Varga"));
    // Once one of them leads by far, the surname is theirs.
    add_each(
        &mut store,
        &[
            "Four\n\nAnna Varga said the tolls would rise. Anna Varga also said the lanes would be widened.",
            "Five\n\nAnna Varga said the works would end in May.",
        ],
    );
    let anna = named(&store, "Anna Varga");
    assert_eq!(named(&store, "Varga").id, anna.id, "{anna:?}");
    assert_eq!(named(&store, "Peter Varga").statements, 1);
    // Later articles that make it unclear again split the rule's merge.
    add_each(
        &mut store,
        &[
            "Six\n\nPeter Varga said the ferry would be late.",
            "Seven\n\nPeter Varga said the ferry would be cheaper.",
        ],
    );
    let varga = named(&store, "Varga");
    assert_ne!(varga.id, anna.id, "{varga:?}");
    assert_eq!(varga.candidates.len(), 2, "{varga:?}");
    assert_eq!(named(&store, "Anna Varga").statements, 4);
}

#[test]
fn a_name_is_one_kind_decided_by_most_documents() {
    let mut store = Store::in_memory().unwrap();
    add_each(
        &mut store,
        &["Talks\n\nNATO Secretary General Mark Rutte said that Ukraine would not join NATO."],
    );
    let rutte = named(&store, "Mark Rutte");
    assert_eq!(rutte.kind, "person");
    // Three documents call the name an organization: the majority wins,
    // and the name is still one speaker.
    store
        .conn
        .execute(
            "INSERT INTO speaker_names(speaker_id, name, kind, documents) VALUES (?1, 'Mark Rutte', 'organization', 3)",
            [rutte.id],
        )
        .unwrap();
    store.consolidate().unwrap();
    assert_eq!(named(&store, "Mark Rutte").kind, "organization");
    let kinds: i64 = store
        .conn
        .query_row(
            "SELECT COUNT(DISTINCT kind) FROM speakers WHERE norm = 'mark rutte'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(kinds, 1);
}

#[test]
fn merges_are_kept_and_unmerges_are_not_undone_by_the_rules() {
    let mut store = Store::in_memory().unwrap();
    add_each(
        &mut store,
        &[
            "Pier\n\nMr. Brandt said the pier would reopen on Monday.",
            "Crowds\n\nPaul Brandt said the crowds had been larger than expected.",
            "Ferry\n\nGovernor Maria Lindqvist said the ferry plan would go ahead.",
            "Budget\n\nThe governor’s office said the budget was balanced.",
        ],
    );
    // A person splits the surname off: the rules leave it apart, also
    // after more documents and a full pass.
    let brandt = named(&store, "Paul Brandt");
    let row = brandt.merged[0].id;
    store.unmerge_speaker(row).unwrap();
    assert_eq!(named(&store, "Paul Brandt").statements, 1);
    add_each(
        &mut store,
        &["Later\n\nPaul Brandt said the pier was busy. Brandt said it was a good summer."],
    );
    store.consolidate().unwrap();
    assert_ne!(store.speaker_id(&row.to_string()).unwrap(), brandt.id);
    // A person's merge stays through later ingests.
    let lindqvist = named(&store, "Maria Lindqvist");
    let other = store
        .speakers(50)
        .unwrap()
        .into_iter()
        .find(|s| s.id != lindqvist.id && s.kind == "organization")
        .expect("an organization speaker");
    store
        .merge_speakers(&lindqvist.id.to_string(), &other.id.to_string())
        .unwrap();
    store.consolidate().unwrap();
    assert_eq!(
        store.speaker_id(&other.id.to_string()).unwrap(),
        lindqvist.id
    );
    // Every merge and unmerge is in the log.
    let logged: i64 = store
        .conn
        .query_row("SELECT COUNT(*) FROM speaker_merges", [], |r| r.get(0))
        .unwrap();
    assert!(logged >= 3, "{logged}");
}

#[test]
fn names_are_looked_up_exactly_never_as_parts() {
    let mut store = Store::in_memory().unwrap();
    add_each(
        &mut store,
        &[
            "One\n\nEric Trumbull said the vote was close.",
            "Two\n\nIvana Trumbull said the count was fair.",
        ],
    );
    // A part of a name names no one; the error suggests the names.
    match store.speaker("Trumb") {
        Err(StoreError::NoSpeaker { suggestions, .. }) => assert_eq!(suggestions.len(), 2),
        other => panic!("{other:?}"),
    }
    let q = |speaker: &str| Query {
        speaker: Some(speaker.into()),
        limit: 10,
        ..Default::default()
    };
    assert!(matches!(
        store.search(&q("Trumb")),
        Err(StoreError::NoSpeaker { .. })
    ));
    let hits = store.search(&q("eric trumbull")).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].speaker.as_deref(), Some("Eric Trumbull"));
    // A name two speakers answer to lists both.
    let (a, b) = (
        named(&store, "Eric Trumbull"),
        named(&store, "Ivana Trumbull"),
    );
    store
        .conn
        .execute(
            "UPDATE speakers SET norm = 'trumbulls' WHERE id IN (?1, ?2)",
            [a.id, b.id],
        )
        .unwrap();
    match store.speaker("Trumbulls") {
        Err(StoreError::AmbiguousSpeaker { candidates, .. }) => {
            assert_eq!(candidates.len(), 2);
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(store.search(&q("Trumbulls")).unwrap().len(), 2);
}

#[test]
fn aliases_files_settle_what_rules_cannot() {
    assert!(matches!(
        AliasRule::parse_tsv("# comment\n\nHRC\tHillary Clinton\tperson\nonly one column\n"),
        Err(StoreError::BadAliases { line: 4, .. })
    ));
    assert!(matches!(
        AliasRule::parse_tsv("HRC\tHillary Clinton\tplanet\n"),
        Err(StoreError::BadAliases { line: 1, .. })
    ));
    let mut store = Store::in_memory().unwrap();
    add_each(
        &mut store,
        &["One\n\nThe Harbor Workers Union said its members would walk out."],
    );
    let rules = AliasRule::parse_tsv(
        "HWU\tHarbor Workers Union\torganization\nHarbor Workers Union\tHarbor Workers Union of Port Alder\torganization\n",
    )
    .unwrap();
    assert_eq!(store.add_alias_rules(&rules).unwrap(), 1);
    let union = named(&store, "Harbor Workers Union of Port Alder");
    assert_eq!((union.statements, union.kind.as_str()), (1, "organization"));
    // Later documents follow the rules.
    add_each(&mut store, &["Two\n\nHWU said the strike was over."]);
    let union = named(&store, "Harbor Workers Union of Port Alder");
    assert_eq!(union.statements, 2, "{union:?}");
    assert_eq!(named(&store, "HWU").id, union.id);
}

#[test]
fn probable_duplicates_share_a_surname_and_never_meet() {
    let mut store = Store::in_memory().unwrap();
    add_each(
        &mut store,
        &[
            "One\n\nJ. Ostrowski said the mill would close.",
            "Two\n\nJulia Ostrowski said the mill would stay open.",
            "Three\n\nKarl Lemberg said the mill was old. Kurt Lemberg said it was new.",
        ],
    );
    let pairs = store.probable_duplicates(10).unwrap();
    assert_eq!(pairs.len(), 1, "{pairs:?}");
    let names = [pairs[0].keep.name.as_str(), pairs[0].merge.name.as_str()];
    assert!(names.contains(&"Julia Ostrowski") && names.contains(&"J. Ostrowski"));
    assert!(pairs[0].reasons.iter().any(|r| r == "first names agree"));
}

/// A store written by the previous release (schema 7; how it was made:
/// `tests/fixtures/README.md`) opens, migrates and keeps its data; the
/// rules join what that release split.
#[test]
fn a_store_of_the_previous_release_migrates() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/schema7.db"),
        &path,
    )
    .unwrap();
    let count =
        |store: &Store, sql: &str| -> i64 { store.conn.query_row(sql, [], |r| r.get(0)).unwrap() };
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.version().unwrap(), SCHEMA_VERSION);
    assert_eq!(count(&store, "SELECT COUNT(*) FROM documents"), 10);
    assert_eq!(count(&store, "SELECT COUNT(*) FROM attributions"), 39);
    // "Brandt" (stored before "Paul Brandt") joins him.
    let brandt = named(&store, "Paul Brandt");
    assert_eq!(brandt.statements, 3, "{brandt:?}");
    // The old release's merge ("Tomas Okoro" into "Tomás Okoro") holds.
    let okoro = named(&store, "Tomás Okoro");
    assert_eq!(okoro.statements, 3);
    assert_eq!(named(&store, "Tomas Okoro").id, okoro.id);
    // Search, the index and new documents work on the old store.
    let hits = store
        .search(&Query {
            text: "ferry".into(),
            speaker: Some("Lindqvist".into()),
            limit: 10,
            ..Default::default()
        })
        .unwrap();
    assert!(!hits.is_empty());
    add_each(&mut store, &["More\n\nLindqvist said the ferry was late."]);
    assert_eq!(named(&store, "Maria Lindqvist").statements, 5);
    store
        .conn
        .execute(
            "INSERT INTO attributions_fts(attributions_fts) VALUES ('integrity-check')",
            [],
        )
        .expect("FTS5 index consistent");
    store.check().unwrap();
}

/// The group invariants: every row's group is a row heading itself, and
/// every statement sits with its origin row's group.
fn assert_groups_consistent(store: &Store) {
    let count = |sql: &str| -> i64 { store.conn.query_row(sql, [], |r| r.get(0)).unwrap() };
    assert_eq!(
        count(
            "SELECT COUNT(*) FROM speakers s LEFT JOIN speakers c ON c.id = s.canonical_id \
             WHERE c.id IS NULL OR c.canonical_id != c.id"
        ),
        0,
        "rows whose group is not a group"
    );
    assert_eq!(
        count(
            "SELECT COUNT(*) FROM attributions a JOIN speakers o ON o.id = a.origin_speaker_id \
             WHERE a.speaker_id IS NOT o.canonical_id"
        ),
        0,
        "statements outside their origin's group"
    );
    assert_eq!(
        count("SELECT COUNT(*) FROM speakers WHERE (merged_into IS NULL) != (canonical_id = id)"),
        0,
        "merged rows heading a group, or unmerged rows inside one"
    );
}

/// Documents for the property test, extracted once.
fn sample_docs() -> &'static [(Metadata, String, Account)] {
    static DOCS: std::sync::OnceLock<Vec<(Metadata, String, Account)>> = std::sync::OnceLock::new();
    DOCS.get_or_init(|| {
        [
            "One\n\nAnna Varga said the bridge would open. Mr. Brandt said it was late.",
            "Two\n\nPeter Varga said the bridge would close. The Harbor Workers Union said no.",
            "Three\n\nVarga said the bridge was safe. Paul Brandt said the pier was busy.",
            "Four\n\nHWU said the strike was over. A source said talks had failed.",
            "Five\n\nJ. Ostrowski said the mill would close. Tomás Okoro agreed, he said.",
            "Six\n\nJulia Ostrowski said the mill would stay open. Tomas Okoro said so too.",
        ]
        .iter()
        .enumerate()
        .map(|(k, t)| doc(&format!("p{k}"), "Planet", "2025-03-01", t))
        .collect()
    })
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]
    /// Any sequence of ingests, merges, unmerges, aliases and full
    /// passes keeps the groups consistent and loses no statement.
    #[test]
    fn merges_unmerges_and_rules_keep_groups_consistent(
        ops in proptest::collection::vec((0u8..5, 0i64..16, 0i64..16, 0usize..6), 1..14),
    ) {
        let docs = sample_docs();
        let mut store = Store::in_memory().unwrap();
        let mut added = 0;
        let names = ["Varga", "Anna Varga", "HWU", "Harbor Workers Union", "Brandt", "Okoro"];
        for (op, a, b, k) in ops {
            match op {
                0 => {
                    if added < docs.len() {
                        let (m, t, acc) = &docs[added];
                        store.add(m, t, acc).unwrap();
                        added += 1;
                    }
                }
                1 => {
                    let _ = store.merge_speakers(&(a + 1).to_string(), &(b + 1).to_string());
                }
                2 => {
                    let _ = store.unmerge_speaker(a + 1);
                }
                3 => {
                    let rule = AliasRule {
                        variant: names[k].into(),
                        canonical: names[(k + 1 + b as usize) % names.len()].into(),
                        kind: None,
                    };
                    store.add_alias_rules(&[rule]).unwrap();
                }
                _ => store.consolidate().unwrap(),
            }
            assert_groups_consistent(&store);
        }
        let total: i64 = store.conn.query_row("SELECT COUNT(*) FROM attributions", [], |r| r.get(0)).unwrap();
        let listed: i64 = store.speakers(1000).unwrap().iter().map(|s| s.statements).sum();
        let unattributed: i64 = store.conn.query_row(
            "SELECT COUNT(*) FROM attributions WHERE speaker_id IS NULL", [], |r| r.get(0)).unwrap();
        proptest::prop_assert_eq!(listed + unattributed, total);
    }
}

/// The ranking's cached counts (read by a page of the most quoted) are
/// the counts one speaker's own page reads, before and after a change.
#[test]
fn a_page_of_speakers_counts_what_each_speaker_counts() {
    let mut store = Store::in_memory().unwrap();
    add_each(
        &mut store,
        &[
            "Strike\n\nTomás Okoro said the vote was unanimous. Okoro said it twice.",
            "Deal\n\nTomas Okoro said an agreement had been reached.",
            "Polls\n\nMartin O'Malley said the polls were wrong.",
        ],
    );
    let check = |store: &Store| {
        let page = store.speakers_page(10, 0).unwrap();
        assert!(!page.is_empty());
        for listed in page {
            let own = store.speaker(&listed.id.to_string()).unwrap();
            assert_eq!(
                (listed.statements, listed.documents),
                (own.statements, own.documents),
                "{}",
                listed.name
            );
        }
    };
    check(&store);
    add_each(&mut store, &["More\n\nMartin O'Malley said he would stay."]);
    check(&store);
    assert_eq!(named(&store, "Martin O'Malley").documents, 2);
}
