//! The store on small corpora: keys, merging, search, migrations, concurrency.

use super::*;
use whosaid::{DocumentInfo, Extractor};

pub(super) fn doc(id: &str, outlet: &str, date: &str, text: &str) -> (Metadata, String, Account) {
    let meta = Metadata {
        id: id.into(),
        outlet: Some(outlet.into()),
        published: date.parse().ok(),
        ..Default::default()
    };
    let info = DocumentInfo {
        published: meta.published,
        byline: meta.byline.clone(),
    };
    let account = Extractor::builtin().analyze(text, &info);
    (meta, text.to_string(), account)
}

fn corpus(store: &mut Store) {
    let docs = [
        doc("a", "Planet", "2025-02-10", "Talks\n\nNATO Secretary General Mark Rutte said that Ukraine would not join NATO. A source said that the talks failed."),
        doc("b", "Globe", "2025-02-14", "More\n\nRutte said that membership for Ukraine was off the table. A source said that the deal was close."),
    ];
    let refs: Vec<(&Metadata, &str, &Account)> =
        docs.iter().map(|(m, t, a)| (m, t.as_str(), a)).collect();
    let added = store.add_all(&refs).unwrap();
    assert!(matches!(added[0], Added::New(n) if n >= 2));
}

#[test]
fn stored_accounts_read_back_as_extracted() {
    // The example article has answers, times, channels with evidence
    // and non-ASCII text: every span kind the stored form leaves bare.
    let text = include_str!("../../../../examples/nato-rutte.txt");
    let (meta, text, account) = doc("nato", "Planet", "2025-06-27", text);
    let mut store = Store::in_memory().unwrap();
    store.add(&meta, &text, &account).unwrap();
    let raw: Vec<u8> = store
        .conn
        .query_row("SELECT account FROM documents", [], |r| r.get(0))
        .unwrap();
    assert_eq!(raw[0], stored::FORMAT);
    let quote = account.attributions[0].attribution.content[0]
        .text
        .as_bytes();
    assert!(
        !raw.windows(quote.len()).any(|w| w == quote),
        "span texts are not stored"
    );
    let read = store.document_json("nato").unwrap().unwrap();
    let extracted = serde_json::to_value(&account).unwrap();
    for key in ["attributions", "speakers", "unattributed"] {
        assert!(!extracted[key].as_array().unwrap().is_empty(), "{key}");
        assert_eq!(read[key], extracted[key], "{key}");
    }
    assert_eq!(read["text"], text.as_str());
    assert_eq!(read["outlet"], "Planet");
    assert_eq!(read["published"], "2025-06-27");

    // Rows of older stores hold JSON, with span texts or without.
    let read_json_row = |json: &serde_json::Value| {
        store
            .conn
            .execute("UPDATE documents SET account = ?1", [json.to_string()])
            .unwrap();
        store.document_json("nato").unwrap().unwrap()
    };
    let mut old = extracted.clone();
    old["id"] = "nato".into();
    assert_eq!(
        read_json_row(&old)["attributions"],
        extracted["attributions"]
    );
    stored::strip_texts(&mut old);
    assert!(!old.to_string().contains("\"text\""));
    let read = read_json_row(&old);
    assert_eq!(read["attributions"], extracted["attributions"]);
    assert_eq!(read["speakers"], extracted["speakers"]);

    // Damaged or unknown bytes are an error naming the document.
    for bad in [
        &[stored::FORMAT, 0xff, 0xff][..],
        &[stored::FORMAT + 1, 0][..],
        &[][..],
    ] {
        store
            .conn
            .execute("UPDATE documents SET account = ?1", [bad])
            .unwrap();
        let err = store.document_json("nato").unwrap_err();
        assert!(
            matches!(&err, StoreError::UnreadableAccount(id) if id == "nato"),
            "{err}"
        );
    }
}

#[test]
fn speakers_merge_across_documents_but_anonymous_ones_do_not() {
    let mut store = Store::in_memory().unwrap();
    corpus(&mut store);
    let rutte = store.speaker("Mark Rutte").unwrap();
    assert_eq!(rutte.statements, 2, "{rutte:?}");
    assert_eq!(rutte.documents, 2);
    assert!(rutte.titles.iter().any(|t| t == "NATO Secretary General"));
    let speakers = store.speakers(10).unwrap();
    let sources: Vec<_> = speakers.iter().filter(|s| s.anonymous).collect();
    assert_eq!(
        sources.len(),
        2,
        "one anonymous source per document: {speakers:?}"
    );
    let totals = store.totals().unwrap();
    assert_eq!(totals.documents, 2);
    assert!((totals.anonymous_share - 0.5).abs() < 1e-9, "{totals:?}");
}

#[test]
fn a_bodys_people_are_listed_by_affiliation() {
    let mut store = Store::in_memory().unwrap();
    corpus(&mut store);
    let nato = store.affiliated("nato", 10).unwrap();
    assert_eq!(nato.len(), 1, "{nato:?}");
    assert_eq!(nato[0].name, "Mark Rutte");
    assert_eq!(nato[0].affiliations, vec!["NATO".to_string()]);
    assert!(store.affiliated("Planet", 10).unwrap().is_empty());
    // A merge keeps the affiliation with the speaker that stays.
    let source = store
        .speakers(10)
        .unwrap()
        .into_iter()
        .find(|s| s.anonymous)
        .unwrap();
    store
        .merge_speakers("Mark Rutte", &source.id.to_string())
        .unwrap();
    assert_eq!(store.affiliated("NATO", 10).unwrap().len(), 1);
}

#[test]
fn overview_queries_count_outlets_documents_and_weeks() {
    let mut store = Store::in_memory().unwrap();
    corpus(&mut store);
    let ranked = store.speakers(10).unwrap();
    assert_eq!(ranked[0].name, "Mark Rutte", "{ranked:?}");
    assert_eq!((ranked[0].statements, ranked[0].documents), (2, 2));
    assert!(ranked
        .windows(2)
        .all(|w| w[0].statements >= w[1].statements));
    assert_eq!(store.speakers(1).unwrap().len(), 1);
    let outlets = store.outlets(10).unwrap();
    assert_eq!(outlets.len(), 2);
    assert!(outlets
        .iter()
        .all(|o| o.documents == 1 && o.attributions >= 2));
    let docs = store.recent_documents(10, 0).unwrap();
    let ids: Vec<_> = docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["b", "a"], "newest first");
    assert_eq!(store.recent_documents(10, 1).unwrap().len(), 1);
    let ids = store.document_speaker_ids("a").unwrap();
    assert!(ids.len() >= 2 && ids.iter().all(Option::is_some), "{ids:?}");
    assert!(store.document_speaker_ids("nope").unwrap().is_empty());
    let rutte = store.speaker("Mark Rutte").unwrap();
    let weeks = store.speaker_weeks(rutte.id).unwrap();
    // 2025-02-10 is a Monday, 2025-02-14 the Friday of the same week.
    assert_eq!(
        weeks,
        vec![
            WeekCount {
                week: "2025-02-10".into(),
                outlet: Some("Globe".into()),
                statements: 1
            },
            WeekCount {
                week: "2025-02-10".into(),
                outlet: Some("Planet".into()),
                statements: 1
            },
        ]
    );
}

#[test]
fn the_rank_window_counts_matches_that_pass_the_filters() {
    let mut store = Store::in_memory().unwrap();
    corpus(&mut store);
    store.set_rank_window(1);
    let q = |text: &str, outlet: Option<&str>| Query {
        text: text.into(),
        outlet: outlet.map(String::from),
        limit: 10,
        ..Default::default()
    };
    // Text alone: the latest match is ranked (the window), the older ones
    // follow newest first: nothing is cut off by the window.
    let windowed = store.search(&q("said", None)).unwrap();
    assert_eq!(windowed.len(), 4);
    let ids: Vec<i64> = windowed.iter().map(|h| h.attribution).collect();
    assert!(ids[1] > ids[2] && ids[2] > ids[3], "{ids:?}");
    assert!(ids[0] > ids[1], "the window is the latest match: {ids:?}");
    // Pages past the window continue that order.
    for offset in 0..5 {
        let page = store
            .search(&Query {
                offset,
                limit: 1,
                ..q("said", None)
            })
            .unwrap();
        let want: Vec<i64> = ids.iter().skip(offset).take(1).copied().collect();
        assert_eq!(page.iter().map(|h| h.attribution).collect::<Vec<_>>(), want);
    }
    // The window holds matches that pass the filters: a filter that
    // excludes the latest match still finds an older one.
    let hits = store.search(&q("said", Some("Planet"))).unwrap();
    assert_eq!(hits.len(), 2, "{hits:?}");
    assert!(hits.iter().all(|h| h.outlet.as_deref() == Some("Planet")));
    assert!(hits[0].attribution > hits[1].attribution, "{hits:?}");
    store.set_rank_window(RANK_WINDOW);
    assert_eq!(store.search(&q("said", None)).unwrap().len(), 4);
    assert_eq!(
        store.count(&q("said", None)).unwrap(),
        Total {
            count: 4,
            exact: true
        }
    );
    assert_eq!(store.count(&q("said", Some("Planet"))).unwrap().count, 2);
}

#[test]
/// Regression (hardening issue, finding 2): `a/story.txt` and
/// `b/story.txt` were one document ("1 already"); now file documents
/// are keyed by their text, each gets an id of its own, and an id or
/// URL given twice with two texts is a clash.
fn same_name_files_are_two_documents_and_clashes_are_reported() {
    let mut store = Store::in_memory().unwrap();
    let text_a = "Talks\n\nJohn Smith said that the talks failed.";
    let text_b = "Plans\n\nJane Doe said that the plan would work.";
    let file = |text: &str| {
        let meta = Metadata {
            id: "story".into(),
            id_from_input: true,
            ..Default::default()
        };
        let account = Extractor::rules().analyze(text, &DocumentInfo::default());
        (meta, text.to_string(), account)
    };
    for text in [text_a, text_b] {
        let (m, t, a) = file(text);
        assert!(matches!(store.add(&m, &t, &a).unwrap(), Added::New(_)));
    }
    let (m, t, a) = file(text_a);
    assert_eq!(store.add(&m, &t, &a).unwrap(), Added::Existing);
    let first = store.document_json("story").unwrap().unwrap();
    let second = store.document_json("story~2").unwrap().unwrap();
    assert_eq!(first["text"], text_a);
    assert_eq!(second["text"], text_b);
    // An id the document gives (JSONL, API) names one document.
    let (mut m, t, a) = file(text_a);
    m.id = "given".into();
    m.id_from_input = false;
    assert!(matches!(store.add(&m, &t, &a).unwrap(), Added::New(_)));
    let (_, t2, a2) = file(text_b);
    assert_eq!(store.add(&m, &t2, &a2).unwrap(), Added::Clash);
    assert_eq!(store.totals().unwrap().documents, 3);
    // One id on two URLs (finding 8: links always reached the first):
    // two documents, each reachable by its own id.
    for (url, text) in [
        ("https://a.example/1", text_a),
        ("https://a.example/2", text_b),
    ] {
        let (mut m, t, a) = file(text);
        m.id = "shared".into();
        m.id_from_input = false;
        m.url = Some(url.into());
        assert!(matches!(store.add(&m, &t, &a).unwrap(), Added::New(_)));
    }
    let first = store.document_json("shared").unwrap().unwrap();
    let second = store.document_json("shared~2").unwrap().unwrap();
    assert_eq!(first["url"], "https://a.example/1");
    assert_eq!(second["url"], "https://a.example/2");
}

/// Stores from before text keys hold files under `id:<stem>`: the same
/// file ingested again is not stored twice.
#[test]
fn files_stored_under_their_old_key_are_recognized() {
    let mut store = Store::in_memory().unwrap();
    let text = "Talks\n\nJohn Smith said that the talks failed.";
    let account = Extractor::rules().analyze(text, &DocumentInfo::default());
    let legacy = Metadata {
        id: "story".into(),
        ..Default::default()
    };
    assert!(matches!(
        store.add(&legacy, text, &account).unwrap(),
        Added::New(_)
    ));
    let now = Metadata {
        id_from_input: true,
        ..legacy
    };
    assert_eq!(store.add(&now, text, &account).unwrap(), Added::Existing);
}

/// Regression (finding 7): two ingests creating one store failed ("table
/// outlets already exists"), and writers on an existing store failed
/// with "database is locked" or "cannot promote read transaction".
#[test]
fn concurrent_writers_wait_for_each_other() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    let writers: Vec<_> = (0..3)
        .map(|w| {
            let path = path.clone();
            std::thread::spawn(move || {
                let mut store = Store::open(&path).unwrap();
                for i in 0..20 {
                    let text = format!("Doc {w} {i}\n\nJohn Smith said that plan {w}-{i} failed.");
                    let account = Extractor::rules().analyze(&text, &DocumentInfo::default());
                    let meta = Metadata {
                        id: format!("{w}-{i}"),
                        ..Default::default()
                    };
                    store.add(&meta, &text, &account).unwrap();
                }
            })
        })
        .collect();
    for w in writers {
        w.join().expect("a writer failed");
    }
    let store = Store::open_read_only(&path).unwrap();
    assert_eq!(store.totals().unwrap().documents, 60);
}

/// Regression (finding 8): every open migrated and set pragmas, so a
/// read-only store could not be searched, and opening a typo path
/// created an empty store.
#[test]
fn read_only_opens_create_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    assert!(matches!(
        Store::open_read_only(&path),
        Err(StoreError::Missing(_))
    ));
    assert!(!path.exists(), "a read-only open created the file");
    {
        let mut store = Store::open(&path).unwrap();
        corpus(&mut store);
    }
    let mut store = Store::open_read_only(&path).unwrap();
    let query = Query {
        text: "Ukraine".into(),
        limit: 10,
        ..Default::default()
    };
    let hits = store.search(&query).unwrap();
    assert!(!hits.is_empty());
    let (m, t, a) = doc("new", "Planet", "2025-01-01", "New\n\nX said that y.");
    assert!(
        store.add(&m, &t, &a).is_err(),
        "a read-only store took a write"
    );
    drop(store);
    let conn = Connection::open(&path).unwrap();
    conn.pragma_update(None, "user_version", SCHEMA_VERSION - 1)
        .unwrap();
    drop(conn);
    assert!(matches!(
        Store::open_read_only(&path),
        Err(StoreError::TooOld { .. })
    ));
}

/// A store damaged where no write goes is found by the check.
#[test]
fn the_check_finds_damage() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    {
        let mut store = Store::open(&path).unwrap();
        corpus(&mut store);
        store.check().unwrap();
    }
    let len = std::fs::metadata(&path).unwrap().len() as usize;
    let mut bytes = std::fs::read(&path).unwrap();
    // Wreck the cell content (at the end) of every page but the first
    // (the schema), as a bad disk would.
    let page_size = PAGE_SIZE as usize;
    for page in (page_size..len).step_by(page_size) {
        for b in &mut bytes[page + page_size - 600..page + page_size - 8] {
            *b = 0xff;
        }
    }
    std::fs::write(&path, bytes).unwrap();
    let damaged = Store::open(&path).and_then(|s| s.check());
    assert!(
        matches!(damaged, Err(StoreError::Damaged(_) | StoreError::Sqlite(_))),
        "{damaged:?}"
    );
}

/// A deadline stops a statement that runs past it (a server's request
/// deadline reaches into SQLite), and clearing it lets work run again.
#[test]
fn a_deadline_interrupts_running_queries() {
    let store = Store::in_memory().unwrap();
    let count = |s: &Store| -> Result<i64, StoreError> {
        Ok(s.conn.query_row(
            "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 3000000) \
             SELECT count(*) FROM c",
            [],
            |r| r.get(0),
        )?)
    };
    store.set_deadline(Some(std::time::Instant::now()));
    assert!(matches!(count(&store), Err(StoreError::Interrupted)));
    store.set_deadline(None);
    assert_eq!(count(&store).unwrap(), 3_000_000);
}

#[test]
fn ingest_is_idempotent() {
    let mut store = Store::in_memory().unwrap();
    corpus(&mut store);
    let before = store.totals().unwrap();
    let (m, t, a) = doc("a", "Planet", "2025-02-10", "Talks\n\nNATO Secretary General Mark Rutte said that Ukraine would not join NATO. A source said that the talks failed.");
    assert_eq!(store.add(&m, &t, &a).unwrap(), Added::Existing);
    assert_eq!(store.totals().unwrap(), before);
    // Without a real id the text hash keys the document.
    let anon = Metadata {
        id: "line-3".into(),
        id_from_input: true,
        ..Default::default()
    };
    assert!(matches!(store.add(&anon, &t, &a).unwrap(), Added::New(_)));
    assert_eq!(store.add(&anon, &t, &a).unwrap(), Added::Existing);
}

#[test]
fn search_filters_and_bad_queries() {
    let mut store = Store::in_memory().unwrap();
    corpus(&mut store);
    let q = |text: &str| Query {
        text: text.into(),
        limit: 10,
        ..Default::default()
    };
    let hits = store.search(&q("membership")).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].speaker.as_deref(), Some("Mark Rutte"));
    assert_eq!(hits[0].outlet.as_deref(), Some("Globe"));
    let hits = store
        .search(&Query {
            speaker: Some("rutte".into()),
            ..q("")
        })
        .unwrap();
    assert_eq!(hits.len(), 2);
    assert_eq!(
        hits[0].published.as_deref(),
        Some("2025-02-14"),
        "newest first"
    );
    let hits = store
        .search(&Query {
            since: Some("2025-02-12".into()),
            ..q("Ukraine")
        })
        .unwrap();
    assert_eq!(hits.len(), 1);
    let hits = store
        .search(&Query {
            outlet: Some("plan".into()),
            ..q("")
        })
        .unwrap();
    assert!(hits.iter().all(|h| h.outlet.as_deref() == Some("Planet")));
    // SQL in a filter is data, not code: it names no speaker.
    assert!(matches!(
        store.search(&Query {
            speaker: Some("x' OR 1=1 --".into()),
            ..q("")
        }),
        Err(StoreError::NoSpeaker { .. })
    ));
    assert!(matches!(
        store.search(&q("\"unbalanced")),
        Err(StoreError::BadQuery { .. })
    ));
}

#[test]
fn merging_speakers_moves_statements() {
    let mut store = Store::in_memory().unwrap();
    corpus(&mut store);
    let anon: Vec<SpeakerSummary> = store
        .speakers(10)
        .unwrap()
        .into_iter()
        .filter(|s| s.anonymous)
        .collect();
    let (a, b) = (anon[0].id.to_string(), anon[1].id.to_string());
    let done = store.merge_speakers(&a, &b).unwrap();
    assert_eq!((done.group.id, done.moved.id), (anon[0].id, anon[1].id));
    assert_eq!(store.speaker(&a).unwrap().statements, 2);
    // The merged name's id leads to the speaker it joined.
    assert_eq!(store.speaker(&b).unwrap().id, anon[0].id);
    assert_eq!(store.timeline(anon[0].id, 10).unwrap().len(), 2);
    assert_eq!(store.timeline(anon[1].id, 10).unwrap().len(), 2);
    // A speaker is never merged into itself, by id or by name.
    assert!(matches!(
        store.merge_speakers(&a, &b),
        Err(StoreError::SameSpeaker(_))
    ));
    assert!(matches!(
        store.merge_speakers("Mark Rutte", "Rutte"),
        Err(StoreError::SameSpeaker(_))
    ));
    // And the merge can be undone.
    let undone = store.unmerge_speaker(anon[1].id).unwrap();
    assert_eq!(undone.group.id, anon[0].id);
    assert_eq!(store.speaker(&a).unwrap().statements, 1);
    assert_eq!(store.speaker(&b).unwrap().statements, 1);
    assert!(matches!(
        store.unmerge_speaker(anon[1].id),
        Err(StoreError::NotMerged(_))
    ));
}

mod quotes;
mod speakers;

fn page_size(store: &Store) -> i64 {
    store
        .conn
        .pragma_query_value(None, "page_size", |r| r.get(0))
        .unwrap()
}

#[test]
fn the_schema_is_versioned() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    let store = Store::open(&path).unwrap();
    assert_eq!(store.version().unwrap(), SCHEMA_VERSION);
    assert_eq!(page_size(&store), PAGE_SIZE);
    drop(store);
    let conn = Connection::open(&path).unwrap();
    conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
        .unwrap();
    drop(conn);
    assert!(matches!(Store::open(&path), Err(StoreError::TooNew { .. })));
}

#[test]
fn a_version_1_store_migrates_and_keeps_its_index() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v1.db");
    {
        // A store as version 1 wrote it: rows indexed by the trigger.
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(MIGRATIONS[0]).unwrap();
        conn.pragma_update(None, "user_version", 1).unwrap();
        conn.execute(
            "INSERT INTO documents(doc_key, ext_id, text, account) VALUES ('id:old', 'old', 't', '{}')",
            [],
        )
        .unwrap();
        conn.execute(
            "INSERT INTO attributions(document_id, ord, kind, source, cue, content, channel, nested) \
             VALUES (1, 0, 'direct', 'Ann', 'said', 'zebras are striped', '[]', 0)",
            [],
        )
        .unwrap();
        conn.execute(
            "INSERT INTO speakers(merge_key, name, kind, anonymous) \
             VALUES ('person:jens stoltenberg', 'Jens Stoltenberg', 'person', 0)",
            [],
        )
        .unwrap();
    }
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.version().unwrap(), SCHEMA_VERSION);
    assert_eq!(page_size(&store), 4096, "an existing store keeps its pages");
    corpus(&mut store);
    let q = |text: &str| Query {
        text: text.into(),
        limit: 10,
        ..Default::default()
    };
    assert_eq!(store.search(&q("zebras")).unwrap().len(), 1, "old rows");
    // Old people are found by their surname (schema 3 backfill).
    let (m, t, a) = doc(
        "c",
        "Planet",
        "2025-02-11",
        "Talks\n\nStoltenberg said that the talks had failed.",
    );
    store.add(&m, &t, &a).unwrap();
    assert_eq!(store.speaker("Jens Stoltenberg").unwrap().statements, 1);
    assert_eq!(store.search(&q("membership")).unwrap().len(), 1, "new rows");
    // The index matches the rows exactly (each indexed once).
    store
        .conn
        .execute(
            "INSERT INTO attributions_fts(attributions_fts) VALUES ('integrity-check')",
            [],
        )
        .expect("FTS5 index consistent with its content table");
}

/// Issue 17: everyday queries never fail with an engine error, word forms
/// match, and hits say where their words are.
#[test]
fn search_forgives_punctuation_matches_word_forms_and_marks_hits() {
    let mut store = Store::in_memory().unwrap();
    let docs = [
        doc(
            "a",
            "Planet",
            "2025-02-10",
            "Mail\n\nThe senator said that the e-mail server was never hacked.",
        ),
        doc(
            "b",
            "Globe",
            "2025-02-14",
            "Wall\n\nThe governor said that Trump’s wall would cost the U.S. economy billions.",
        ),
        doc(
            "c",
            "Globe",
            "2025-02-15",
            "Leaks\n\nA source said that the emails were leaked to reporters.",
        ),
    ];
    let refs: Vec<(&Metadata, &str, &Account)> =
        docs.iter().map(|(m, t, a)| (m, t.as_str(), a)).collect();
    store.add_all(&refs).unwrap();
    let q = |text: &str| Query {
        text: text.into(),
        limit: 10,
        ..Default::default()
    };
    let contents = |text: &str| -> Vec<String> {
        store
            .search(&q(text))
            .unwrap()
            .into_iter()
            .map(|h| h.content)
            .collect()
    };
    // Punctuation inside words: phrases of their parts, no syntax error.
    assert_eq!(contents("e-mail").len(), 1);
    assert_eq!(contents("Trump's wall").len(), 1);
    assert_eq!(contents("U.S. economy").len(), 1);
    // Word forms: "email" finds "emails", "leak" finds "leaked".
    assert_eq!(contents("email").len(), 1);
    assert_eq!(contents("leak").len(), 1);
    assert_eq!(contents("hack OR leak").len(), 2);
    assert_eq!(contents("server (hacked OR leaked)").len(), 1);
    assert_eq!(contents("leak* NOT hacked").len(), 1);
    // Highlights: code point ranges of the matched words in the content.
    let hits = store.search(&q("emails reporters")).unwrap();
    let hit = &hits[0];
    let marked: Vec<String> = hit
        .matches
        .iter()
        .map(|[a, b]| hit.content.chars().skip(*a).take(b - a).collect())
        .collect();
    assert_eq!(marked, ["emails", "reporters"], "{hit:?}");
    let wall = &store.search(&q("wall")).unwrap()[0];
    let [a, b] = wall.matches[0];
    let word: String = wall.content.chars().skip(a).take(b - a).collect();
    assert_eq!(word, "wall");
    // A malformed advanced query says what is wrong.
    let err = store.search(&q("(email OR")).unwrap_err().to_string();
    assert!(err.contains("needs a word on each side"), "{err}");
    let err = store.search(&q("- &")).unwrap_err().to_string();
    assert!(err.contains("no words"), "{err}");
    assert_eq!(
        store.count(&q("said")).unwrap(),
        Total {
            count: 3,
            exact: true
        }
    );
}

/// Schema 9 rebuilds the full-text index with stemming: a store written
/// before it finds word forms after opening.
#[test]
fn schema_nine_stems_the_index_of_older_stores() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    {
        let conn = Connection::open(&path).unwrap();
        for (v, sql) in MIGRATIONS.iter().enumerate().take(8) {
            conn.execute_batch(sql).unwrap();
            conn.pragma_update(None, "user_version", v as i64 + 1)
                .unwrap();
        }
        conn.execute_batch(
            "INSERT INTO documents(id, doc_key, ext_id, text, account) VALUES (1, 'k', 'x', 't', '{}');
             INSERT INTO attributions(id, document_id, ord, kind, source, cue, content, channel, nested)
               VALUES (1, 1, 0, 'indirect', 'Ann', 'said', 'the emails leaked', 'direct', 0);
             INSERT INTO attributions_fts(rowid, content, source, cue) VALUES (1, 'the emails leaked', 'Ann', 'said');",
        )
        .unwrap();
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(store.version().unwrap(), SCHEMA_VERSION);
    let q = Query {
        text: "email".into(),
        limit: 5,
        ..Default::default()
    };
    assert_eq!(store.count(&q).unwrap().count, 1);
}

/// Issue 17: the filters researchers ask for, and sorting by date.
#[test]
fn search_filters_by_kind_anonymity_channel_statement_time_and_document() {
    let mut store = Store::in_memory().unwrap();
    let text = include_str!("../../../../examples/nato-rutte.txt");
    let (meta, text, account) = doc("nato", "Antiwar", "2025-02-17", text);
    let others = [
        doc(
            "a",
            "Planet",
            "2025-02-10",
            "Talks\n\nA source said that the talks failed.",
        ),
        (meta, text, account),
        doc(
            "u",
            "Planet",
            "undated",
            "Deal\n\nAn official said that the deal was close.",
        ),
    ];
    let refs: Vec<(&Metadata, &str, &Account)> =
        others.iter().map(|(m, t, a)| (m, t.as_str(), a)).collect();
    store.add_all(&refs).unwrap();
    let q = Query {
        limit: 100,
        ..Default::default()
    };
    let all = store.search(&q).unwrap();
    let count = |q: &Query| store.count(q).unwrap().count as usize;
    let direct = Query {
        kind: Some("direct".into()),
        ..q.clone()
    };
    let hits = store.search(&direct).unwrap();
    assert!(!hits.is_empty() && hits.len() < all.len());
    assert!(hits.iter().all(|h| h.kind == "direct"));
    assert_eq!(count(&direct), hits.len());
    let anonymous = store
        .search(&Query {
            anonymous: Some(true),
            ..q.clone()
        })
        .unwrap();
    assert!(!anonymous.is_empty() && anonymous.iter().all(|h| h.anonymous));
    let interview = store
        .search(&Query {
            channel: Some("interview".into()),
            ..q.clone()
        })
        .unwrap();
    assert!(!interview.is_empty() && interview.len() < all.len());
    assert!(interview.iter().all(|h| h.document == "nato"));
    // Friday's statements (2025-02-14), not the one of two years before.
    let friday = Query {
        said_since: Some("2025-02-14".into()),
        said_until: Some("2025-02-14".into()),
        ..q.clone()
    };
    let said = store.search(&friday).unwrap();
    assert!(!said.is_empty(), "dated statements");
    assert_eq!(count(&friday), said.len());
    let old = store
        .search(&Query {
            said_until: Some("2023-12-31".into()),
            ..q.clone()
        })
        .unwrap();
    assert!(old
        .iter()
        .all(|h| !said.iter().any(|s| s.attribution == h.attribution)));
    let one_doc = store
        .search(&Query {
            document: Some("a".into()),
            ..q.clone()
        })
        .unwrap();
    assert!(!one_doc.is_empty() && one_doc.iter().all(|h| h.document == "a"));
    // Sorting by date, with words too.
    let oldest = store
        .search(&Query {
            text: "said".into(),
            sort: Sort::Oldest,
            ..q.clone()
        })
        .unwrap();
    assert_eq!(oldest[0].document, "a");
    // Undated documents come after the dated ones, in both orders, and
    // paging reaches them.
    assert_eq!(oldest.last().unwrap().document, "u", "{oldest:?}");
    let last_page = store
        .search(&Query {
            text: "said".into(),
            sort: Sort::Oldest,
            offset: oldest.len() - 1,
            limit: 5,
            ..q.clone()
        })
        .unwrap();
    assert_eq!(last_page.len(), 1);
    assert_eq!(last_page[0].attribution, oldest.last().unwrap().attribution);
    let newest = store
        .search(&Query {
            text: "said".into(),
            sort: Sort::Newest,
            ..q.clone()
        })
        .unwrap();
    assert_eq!(newest[0].document, "nato");
    assert_eq!(newest.last().unwrap().document, "u");
    // Unknown values are refused, naming the parameter.
    for bad in [
        Query {
            kind: Some("quoted".into()),
            ..q.clone()
        },
        Query {
            channel: Some("tv".into()),
            ..q.clone()
        },
    ] {
        let err = store.search(&bad).unwrap_err().to_string();
        assert!(err.contains("expected"), "{err}");
    }
    assert!("sideways".parse::<Sort>().is_err());
    // The week chart counts a statement when it was said where the text
    // gives the day: "confirmed on Friday" (2025-02-14) in an article of
    // Monday 2025-02-17 is in the week of 2025-02-10.
    let rutte = store.speaker("Mark Rutte").unwrap();
    let weeks = store.speaker_weeks(rutte.id).unwrap();
    assert!(weeks.iter().any(|w| w.week == "2025-02-10"), "{weeks:?}");
    // A bar's statements: those the chart counts in that week.
    let week = |w: &str| {
        store
            .search(&Query {
                speaker: Some(rutte.id.to_string()),
                week: Some(w.into()),
                ..q.clone()
            })
            .unwrap()
    };
    let earlier = week("2025-02-10");
    assert!(earlier.iter().any(|h| h.cue == "confirmed"), "{earlier:?}");
    let counted: i64 = weeks
        .iter()
        .filter(|w| w.week == "2025-02-10")
        .map(|w| w.statements)
        .sum();
    assert_eq!(earlier.len() as i64, counted);
}

/// Issue 17: the outlets' own assertions are searchable, and older stores
/// get theirs from the stored accounts.
#[test]
fn the_outlets_own_assertions_are_searched_like_statements() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    let text = include_str!("../../../../examples/nato-rutte.txt");
    let (meta, text, account) = doc("nato", "Antiwar", "2025-02-17", text);
    assert!(account.unattributed.len() >= 3);
    {
        let mut store = Store::open(&path).unwrap();
        store.add(&meta, &text, &account).unwrap();
        let all = store
            .search_assertions(&AssertionQuery {
                limit: 100,
                ..Default::default()
            })
            .unwrap();
        assert_eq!(all.len(), account.unattributed.len());
        let chars: Vec<char> = text.chars().collect();
        for a in &all {
            let cut: String = chars[a.start as usize..a.end as usize].iter().collect();
            assert_eq!(cut, a.text);
        }
        let q = AssertionQuery {
            text: "negotiate".into(),
            limit: 10,
            ..Default::default()
        };
        let hits = store.search_assertions(&q).unwrap();
        assert!(!hits.is_empty());
        let [s, e] = hits[0].matches[0];
        let word: String = hits[0].text.chars().skip(s).take(e - s).collect();
        assert!(word.to_lowercase().starts_with("negotiat"), "{word}");
        assert_eq!(store.count_assertions(&q).unwrap().count, hits.len() as u64);
        // Statements are not assertions.
        assert!(store
            .search_assertions(&AssertionQuery {
                text: "\"more NATO\"".into(),
                limit: 10,
                ..Default::default()
            })
            .unwrap()
            .is_empty());
    }
    // A store from before schema 11: the backfill reads the accounts.
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(
            "DROP TRIGGER assertions_ad; DROP TABLE assertions_fts; DROP TABLE assertions;
             DROP TABLE quote_members; DROP TABLE quote_keys; DROP TABLE quote_clusters;
             PRAGMA user_version = 10;",
        )
        .unwrap();
    }
    let store = Store::open(&path).unwrap();
    let q = AssertionQuery {
        text: "negotiate".into(),
        limit: 10,
        ..Default::default()
    };
    assert!(!store.search_assertions(&q).unwrap().is_empty());
}
