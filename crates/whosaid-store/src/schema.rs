//! The schema: one migration per version, applied in order by
//! `Store::open` (see `Store::migrate`).

use super::consolidate;
use super::names::{last_word, name_key};
use super::*;

/// Migrations: index `k` moves a store from version `k` to `k + 1`.
pub(super) const MIGRATIONS: &[&str] = &[
    r#"
CREATE TABLE outlets (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    doc_key TEXT NOT NULL UNIQUE,
    ext_id TEXT NOT NULL,
    url TEXT,
    title TEXT,
    byline TEXT,
    published TEXT,
    outlet_id INTEGER REFERENCES outlets(id),
    language TEXT,
    text TEXT NOT NULL,
    account TEXT NOT NULL
);
CREATE INDEX documents_published ON documents(published);
CREATE INDEX documents_outlet ON documents(outlet_id);
CREATE TABLE speakers (
    id INTEGER PRIMARY KEY,
    merge_key TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    anonymous INTEGER NOT NULL,
    titles TEXT NOT NULL DEFAULT '[]'
);
CREATE TABLE speaker_aliases (
    merge_key TEXT PRIMARY KEY,
    speaker_id INTEGER NOT NULL REFERENCES speakers(id)
);
CREATE TABLE attributions (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    speaker_id INTEGER REFERENCES speakers(id),
    kind TEXT NOT NULL,
    source TEXT NOT NULL,
    cue TEXT NOT NULL,
    content TEXT NOT NULL,
    channel TEXT NOT NULL,
    time_value TEXT,
    nested INTEGER NOT NULL
);
CREATE INDEX attributions_speaker ON attributions(speaker_id);
CREATE INDEX attributions_document ON attributions(document_id);
CREATE VIRTUAL TABLE attributions_fts USING fts5(
    content, source, cue, content='attributions', content_rowid='id'
);
CREATE TRIGGER attributions_ai AFTER INSERT ON attributions BEGIN
    INSERT INTO attributions_fts(rowid, content, source, cue)
    VALUES (new.id, new.content, new.source, new.cue);
END;
CREATE TRIGGER attributions_ad AFTER DELETE ON attributions BEGIN
    INSERT INTO attributions_fts(attributions_fts, rowid, content, source, cue)
    VALUES ('delete', old.id, old.content, old.source, old.cue);
END;
"#,
    // Version 2: the full-text index is filled once per transaction by
    // `add_all` instead of per row by a trigger (a row trigger makes FTS5
    // flush a tiny segment at every statement, a third of ingest time).
    "DROP TRIGGER attributions_ai;",
    // Version 3: the last name of people with two or more name words,
    // indexed, so that a surname alone ("Rutte") finds its person without
    // scanning every speaker (filled for older rows by `backfill_v3`).
    "ALTER TABLE speakers ADD COLUMN last_word TEXT;
     CREATE INDEX speakers_last_word ON speakers(last_word);",
    // Version 4: speakers ranked from a covering index (the overview's
    // ranking read every attribution row: 100 ms on 100,000 of them).
    "CREATE INDEX attributions_speaker_document ON attributions(speaker_id, document_id);
     DROP INDEX attributions_speaker;",
    // Version 5: new rows' `documents.account` holds the binary form of
    // `stored` (a BLOB; SQLite columns take any type), which older builds
    // cannot read; JSON rows stay readable. Nothing to change in place.
    "",
    // Version 6: documents are found by their external id (pages, API);
    // new documents get an id no other document has (see `unique_ext_id`).
    "CREATE INDEX documents_ext_id ON documents(ext_id);",
    // Version 7: the bodies speakers are affiliated with ("Clinton
    // campaign", "NATO"), one row each, indexed by name so that a body's
    // people are listed without a scan. Older rows have none until their
    // documents are ingested again.
    "CREATE TABLE speaker_affiliations (
         speaker_id INTEGER NOT NULL REFERENCES speakers(id),
         name TEXT NOT NULL COLLATE NOCASE,
         PRIMARY KEY (speaker_id, name)
     ) WITHOUT ROWID;
     CREATE INDEX speaker_affiliations_name ON speaker_affiliations(name);",
    // Version 8: one person, one speaker (see `speakers`). A row is one
    // name key (`norm`); rows join a group under `canonical_id` (the id of
    // the group's row that names it; itself when alone), `merged_into` is
    // the row it was merged into (so a merge can be undone) and
    // `merged_by` who merged it: `rule`, `user` or `aliases`. Rules never
    // touch `pinned` rows (a person's merge or unmerge). Attributions keep
    // the row their document named (`origin_speaker_id`) beside the
    // group's id (`speaker_id`). `speaker_names` holds every spelling seen
    // with the kind each document gave it (the votes that decide a
    // speaker's kind); `alias_rules` the user's aliases file; `speaker_merges`
    // a log of every merge and unmerge. Filled for older rows by `backfill_v8`.
    "ALTER TABLE speakers ADD COLUMN norm TEXT;
     ALTER TABLE speakers ADD COLUMN canonical_id INTEGER;
     ALTER TABLE speakers ADD COLUMN merged_into INTEGER;
     ALTER TABLE speakers ADD COLUMN merged_by TEXT;
     ALTER TABLE speakers ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0;
     ALTER TABLE speakers ADD COLUMN kind_fixed INTEGER NOT NULL DEFAULT 0;
     ALTER TABLE attributions ADD COLUMN origin_speaker_id INTEGER;
     CREATE INDEX speakers_norm ON speakers(norm, anonymous);
     CREATE INDEX speakers_canonical ON speakers(canonical_id);
     CREATE TABLE speaker_names (
         speaker_id INTEGER NOT NULL REFERENCES speakers(id),
         name TEXT NOT NULL,
         kind TEXT NOT NULL,
         documents INTEGER NOT NULL,
         PRIMARY KEY (speaker_id, name, kind)
     ) WITHOUT ROWID;
     CREATE TABLE alias_rules (
         variant TEXT PRIMARY KEY,
         canonical TEXT NOT NULL,
         kind TEXT
     ) WITHOUT ROWID;
     CREATE TABLE speaker_merges (
         id INTEGER PRIMARY KEY,
         at TEXT NOT NULL DEFAULT (datetime('now')),
         action TEXT NOT NULL,
         speaker_id INTEGER NOT NULL,
         into_id INTEGER,
         by TEXT NOT NULL
     );",
    // Version 9: word forms match ("emails" finds "email", "said" finds
    // "says"): the full-text index tokenized by the Porter stemmer over
    // unicode61 (diacritics folded), rebuilt from the stored statements.
    "DROP TABLE attributions_fts;
     CREATE VIRTUAL TABLE attributions_fts USING fts5(
         content, source, cue, content='attributions', content_rowid='id',
         tokenize='porter unicode61 remove_diacritics 2'
     );
     INSERT INTO attributions_fts(attributions_fts) VALUES ('rebuild');",
    // Version 10: statements found by when they were said (`said_since`,
    // `said_until`) without reading every statement.
    "CREATE INDEX attributions_time ON attributions(time_value) WHERE time_value IS NOT NULL;",
    // Version 11: the outlets' own assertions (what no one is said to have
    // said), searchable like statements. Filled for older documents from
    // their stored accounts by `backfill_v11`.
    "CREATE TABLE assertions (
         id INTEGER PRIMARY KEY,
         document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
         ord INTEGER NOT NULL,
         text TEXT NOT NULL,
         start INTEGER NOT NULL,
         end INTEGER NOT NULL,
         whole_sentence INTEGER NOT NULL
     );
     CREATE INDEX assertions_document ON assertions(document_id);
     CREATE VIRTUAL TABLE assertions_fts USING fts5(
         text, content='assertions', content_rowid='id',
         tokenize='porter unicode61 remove_diacritics 2'
     );
     CREATE TRIGGER assertions_ad AFTER DELETE ON assertions BEGIN
         INSERT INTO assertions_fts(assertions_fts, rowid, text) VALUES ('delete', old.id, old.text);
     END;",
    // Version 12: quotes followed across documents (`quotes`). A member is
    // a statement with quoted words (`wording` as written, `norm`
    // normalized, `nkeys` its keys) in a cluster (the smallest statement id
    // of its group); `quote_keys` finds the members sharing a key (word
    // trigram hash); `quote_clusters` keeps each cluster's counts for
    // listing. Built for older statements by `backfill_v13`.
    "CREATE TABLE quote_members (
         attribution_id INTEGER PRIMARY KEY REFERENCES attributions(id) ON DELETE CASCADE,
         cluster_id INTEGER NOT NULL,
         wording TEXT NOT NULL,
         norm TEXT NOT NULL,
         nkeys INTEGER NOT NULL
     );
     CREATE INDEX quote_members_cluster ON quote_members(cluster_id);
     CREATE TABLE quote_keys (
         key INTEGER NOT NULL,
         attribution_id INTEGER NOT NULL,
         PRIMARY KEY (key, attribution_id)
     ) WITHOUT ROWID;
     CREATE TABLE quote_clusters (
         id INTEGER PRIMARY KEY,
         statements INTEGER NOT NULL,
         documents INTEGER NOT NULL,
         outlets INTEGER NOT NULL,
         first_published TEXT
     );
     CREATE INDEX quote_clusters_carried ON quote_clusters(outlets DESC, documents DESC);",
    // Version 13: each member's keys (sorted, 8 bytes each; their count
    // is the length, so `nkeys` goes), so that the index (`quote_keys`)
    // holds only anchors; filled by `backfill_v13`.
    "ALTER TABLE quote_members ADD COLUMN keys BLOB NOT NULL DEFAULT x'';
     ALTER TABLE quote_members DROP COLUMN nkeys;",
];

/// Schema 13: the quotes of the statements already stored, clustered
/// again (schema 12 indexed every key; 13 indexes anchors and stores the
/// keys with each member). A store older than 12 is clustered here too.
pub(super) fn backfill_v13(tx: &Transaction<'_>) -> Result<(), StoreError> {
    crate::quotes::rebuild(tx)
}

/// Schema 11: the assertions of the documents already stored, read from
/// their stored accounts, and their full-text index.
pub(super) fn backfill_v11(tx: &Transaction<'_>) -> Result<(), StoreError> {
    let mut docs = tx.prepare("SELECT id, ext_id, text, account FROM documents ORDER BY id")?;
    let mut insert = tx.prepare(
        "INSERT INTO assertions(document_id, ord, text, start, end, whole_sentence) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    let mut rows = docs.query([])?;
    while let Some(row) = rows.next()? {
        let (id, ext_id, text): (i64, String, String) = (row.get(0)?, row.get(1)?, row.get(2)?);
        let account =
            super::stored::read(row.get(3)?, &text).ok_or(StoreError::UnreadableAccount(ext_id))?;
        let list = account["unattributed"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        for (ord, u) in list.iter().enumerate() {
            insert.execute(params![
                id,
                ord as i64,
                u["text"].as_str().unwrap_or_default(),
                u["start"].as_i64().unwrap_or(0),
                u["end"].as_i64().unwrap_or(0),
                i64::from(u["whole_sentence"].as_bool().unwrap_or(false)),
            ])?;
        }
    }
    tx.execute_batch("INSERT INTO assertions_fts(assertions_fts) VALUES ('rebuild');")?;
    Ok(())
}

/// Schema 3: `last_word` of the people already stored.
pub(super) fn backfill_v3(tx: &Transaction<'_>) -> Result<(), StoreError> {
    let keys: Vec<(i64, String)> = tx
        .prepare("SELECT id, merge_key FROM speakers WHERE merge_key LIKE 'person:% %'")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    let mut update = tx.prepare("UPDATE speakers SET last_word = ?1 WHERE id = ?2")?;
    for (id, key) in &keys {
        update.execute(params![last_word(key), id])?;
    }
    Ok(())
}

/// Schema 8: name keys, groups, spellings and kind votes of the speakers
/// already stored; the aliases of earlier `speakers merge` commands become
/// rows of their group (pinned: a person made them); then the rules run
/// over the whole store (older stores split one person into several rows).
pub(super) fn backfill_v8(tx: &Transaction<'_>) -> Result<(), StoreError> {
    let rows: Vec<(i64, String, String, bool)> = tx
        .prepare("SELECT id, name, kind, anonymous FROM speakers")?
        .query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get::<_, i64>(3)? != 0))
        })?
        .collect::<Result<_, _>>()?;
    let mut update = tx.prepare(
        "UPDATE speakers SET norm = ?1, last_word = ?2, canonical_id = id WHERE id = ?3",
    )?;
    for (id, name, kind, anonymous) in &rows {
        let norm = name_key(name, kind == "person" && !anonymous);
        let last = if *anonymous { None } else { last_word(&norm) };
        update.execute(params![norm, last, id])?;
    }
    tx.execute_batch(
        "UPDATE attributions SET origin_speaker_id = speaker_id;
         INSERT INTO speaker_names(speaker_id, name, kind, documents)
           SELECT s.id, s.name, s.kind, COUNT(DISTINCT a.document_id)
           FROM speakers s JOIN attributions a ON a.speaker_id = s.id GROUP BY s.id;",
    )?;
    // Earlier merges deleted the merged row and kept its key as an alias.
    let aliases: Vec<(String, i64)> = tx
        .prepare("SELECT merge_key, speaker_id FROM speaker_aliases")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    for (key, into) in aliases {
        let (kind, name) = key.split_once(':').unwrap_or(("person", key.as_str()));
        let norm = name_key(name, kind == "person");
        tx.execute(
            "INSERT OR IGNORE INTO speakers(merge_key, name, kind, anonymous, norm, last_word,                canonical_id, merged_into, merged_by, pinned)              SELECT ?1, ?2, ?3, 0, ?4, ?5, canonical_id, id, 'user', 1 FROM speakers WHERE id = ?6",
            params![
                format!("merged:{key}"),
                name,
                kind,
                norm,
                last_word(&norm),
                into
            ],
        )?;
    }
    tx.execute("DELETE FROM speaker_aliases", [])?;
    consolidate::everything(tx)
}
