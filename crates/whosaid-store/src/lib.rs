//! The statement store: documents, attributions, speakers and outlets in an
//! embedded SQLite database (WAL journal), with full-text search (FTS5)
//! over what was said.
//!
//! - **Idempotent ingest.** A document is keyed by its URL, else its id,
//!   else a hash of its text; storing it again is a no-op.
//! - **Crash-safe.** Each document and its attributions are written in one
//!   transaction; a killed ingest leaves whole documents only, and running
//!   it again adds exactly the missing ones.
//! - **Speakers across documents.** Named speakers merge by kind and
//!   normalized name — people by first and last name ("Donald J. Trump" =
//!   "Donald Trump"); a one-word person name ("Rutte") joins the single
//!   stored person whose name ends with it; anonymous speakers ("a source")
//!   never merge across documents. [`Store::merge_speakers`] corrects the rule.
//! - **Versioned schema.** `PRAGMA user_version` holds the schema version;
//!   [`Store::open`] migrates older stores and refuses newer ones.

mod stored;

use std::path::Path;

use rusqlite::{params, Connection, OptionalExtension, Transaction, TransactionBehavior};
use serde::Serialize;
use whosaid::resolve::{Account, SpeakerKind};
use whosaid_ingest::Metadata;

/// Text searches rank at most this many of the latest matches (see
/// [`Store::search`]).
pub const RANK_WINDOW: usize = 1000;

/// Bytes of the store file SQLite maps into memory per connection.
const MMAP_SIZE: i64 = 1 << 30;

/// Page size of new stores, in bytes.
const PAGE_SIZE: i64 = 8192;

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = 6;

/// Store errors.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// SQLite failed (I/O, corruption, a bad query).
    #[error("store: {0}")]
    Sqlite(rusqlite::Error),
    /// The work ran past the deadline set with [`Store::set_deadline`]
    /// and was stopped.
    #[error("store: the query ran past its deadline and was stopped")]
    Interrupted,
    /// The store was written by a newer whosaid.
    #[error("store schema version {found} is newer than this whosaid supports ({supported})")]
    TooNew {
        /// Version in the file.
        found: i64,
        /// Version this build knows.
        supported: i64,
    },
    /// A search query FTS5 cannot parse.
    #[error("bad search query {query:?}: {reason}")]
    BadQuery {
        /// The query.
        query: String,
        /// SQLite's complaint.
        reason: String,
    },
    /// No speaker matches a name or id.
    #[error("no speaker {0:?}")]
    NoSpeaker(String),
    /// A document's stored account is in a form this build cannot read
    /// (damaged, or written by a newer whosaid).
    #[error("the stored account of document {0:?} cannot be read")]
    UnreadableAccount(String),
    /// SQLite's consistency check found damage (the first problems it
    /// reported).
    #[error("the store is damaged: {0}")]
    Damaged(String),
    /// A read-only open found no store at the path.
    #[error("no store at {0}")]
    Missing(String),
    /// A read-only open found a store of an older schema, which only a
    /// writable open (an ingest) migrates.
    #[error("store schema version {found} is older than this whosaid's ({supported}): open it for writing once (whosaid ingest) to migrate it")]
    TooOld {
        /// Version in the file.
        found: i64,
        /// Version this build knows.
        supported: i64,
    },
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        match &e {
            rusqlite::Error::SqliteFailure(f, _)
                if f.code == rusqlite::ErrorCode::OperationInterrupted =>
            {
                StoreError::Interrupted
            }
            _ => StoreError::Sqlite(e),
        }
    }
}

/// Longest text query accepted, in bytes.
pub const MAX_QUERY_BYTES: usize = 512;
/// Most terms (words, phrases, operators) in a text query.
pub const MAX_QUERY_TERMS: usize = 32;
/// Most prefix terms (`word*`) in a text query; each needs two characters
/// before its `*` (`a*` matches most of the index).
pub const MAX_PREFIX_TERMS: usize = 4;

/// Refuses text queries whose cost has no useful bound: very long ones,
/// many terms, many or very short prefixes (`t* OR t* …` × 2,000 ran for
/// tens of seconds).
fn check_query(text: &str) -> Result<(), StoreError> {
    let bad = |reason: String| StoreError::BadQuery {
        query: text.chars().take(80).collect(),
        reason,
    };
    if text.len() > MAX_QUERY_BYTES {
        return Err(bad(format!("longer than {MAX_QUERY_BYTES} bytes")));
    }
    let terms: Vec<&str> = text.split_whitespace().collect();
    if terms.len() > MAX_QUERY_TERMS {
        return Err(bad(format!("more than {MAX_QUERY_TERMS} terms")));
    }
    let mut prefixes = 0;
    for term in &terms {
        let bare = term.trim_matches(|c: char| matches!(c, '(' | ')' | '"' | '^'));
        if let Some(stem) = bare.strip_suffix('*') {
            prefixes += 1;
            let stem = stem.rsplit(':').next().unwrap_or(stem);
            if stem.chars().filter(|c| c.is_alphanumeric()).count() < 2 {
                return Err(bad(format!(
                    "prefix {term:?}: give at least two characters before *"
                )));
            }
        }
    }
    if prefixes > MAX_PREFIX_TERMS {
        return Err(bad(format!("more than {MAX_PREFIX_TERMS} prefix terms")));
    }
    Ok(())
}

/// Nanoseconds since a fixed instant, for deadlines shared with SQLite's
/// progress handler (0 = no deadline).
fn clock_nanos(at: std::time::Instant) -> u64 {
    static BASE: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    let base = *BASE.get_or_init(std::time::Instant::now);
    u64::try_from(at.saturating_duration_since(base).as_nanos())
        .unwrap_or(u64::MAX)
        .max(1)
}

/// Migrations: index `k` moves a store from version `k` to `k + 1`.
const MIGRATIONS: &[&str] = &[
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
];

/// An open store.
pub struct Store {
    conn: Connection,
    rank_window: usize,
    /// When work on this connection must stop ([`clock_nanos`]; 0: never),
    /// read by SQLite's progress handler.
    deadline: std::sync::Arc<std::sync::atomic::AtomicU64>,
}

/// What [`Store::add`] did with a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Added {
    /// Stored, with this many attributions.
    New(usize),
    /// Already stored under the same key: nothing written.
    Existing,
    /// Another text is stored under the same key (the same URL or id):
    /// nothing written. Two documents claim one identity; the caller
    /// reports it.
    Clash,
}

/// One search hit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    /// Attribution row id.
    pub attribution: i64,
    /// The document's external id.
    pub document: String,
    /// Headline.
    pub title: Option<String>,
    /// Publication date.
    pub published: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// Speaker id and name.
    pub speaker_id: Option<i64>,
    /// Speaker name.
    pub speaker: Option<String>,
    /// Whether the speaker is unnamed.
    pub anonymous: bool,
    /// The cue.
    pub cue: String,
    /// What was said.
    pub content: String,
    /// Direct, indirect or mixed.
    pub kind: String,
}

/// Search filters.
#[derive(Debug, Clone, Default)]
pub struct Query {
    /// FTS5 query over contents, sources and cues (empty: everything).
    pub text: String,
    /// Speaker name (case-insensitive substring) or numeric id.
    pub speaker: Option<String>,
    /// Outlet name (case-insensitive substring).
    pub outlet: Option<String>,
    /// Earliest publication date, `YYYY-MM-DD`.
    pub since: Option<String>,
    /// Latest publication date, `YYYY-MM-DD`.
    pub until: Option<String>,
    /// Most hits.
    pub limit: usize,
    /// Hits skipped.
    pub offset: usize,
}

/// A speaker with counts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SpeakerSummary {
    /// Row id.
    pub id: i64,
    /// Name.
    pub name: String,
    /// person, organization, media, group.
    pub kind: String,
    /// Unnamed.
    pub anonymous: bool,
    /// Titles seen.
    pub titles: Vec<String>,
    /// Attributions.
    pub statements: i64,
    /// Documents quoting them.
    pub documents: i64,
}

/// Corpus totals.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Totals {
    /// Documents.
    pub documents: i64,
    /// Attributions.
    pub attributions: i64,
    /// Speakers.
    pub speakers: i64,
    /// Share of attributions whose speaker is anonymous.
    pub anonymous_share: f64,
}

/// An outlet with counts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutletSummary {
    /// Outlet name.
    pub name: String,
    /// Documents stored from it.
    pub documents: i64,
    /// Attributions in those documents.
    pub attributions: i64,
}

/// A stored document, without its text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentSummary {
    /// External id (what `/api/documents/{id}` takes).
    pub id: String,
    /// Headline.
    pub title: Option<String>,
    /// Publication date.
    pub published: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// Attributions found in it.
    pub attributions: i64,
}

/// Statements of one speaker in one week through one outlet.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WeekCount {
    /// Monday of the week, `YYYY-MM-DD`.
    pub week: String,
    /// Outlet (none when the document named none).
    pub outlet: Option<String>,
    /// Attributions.
    pub statements: i64,
}

fn kind_name(kind: SpeakerKind) -> &'static str {
    match kind {
        SpeakerKind::Person => "person",
        SpeakerKind::Organization => "organization",
        SpeakerKind::Media => "media",
        SpeakerKind::Group => "group",
        _ => "other",
    }
}

/// A stable 64-bit FNV-1a hash of a text, as hex.
fn text_hash(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.as_bytes() {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// The key a document is stored under: URL, else an id the document
/// gives, else a hash of its text (for ids made from where a record sits:
/// two `story.txt` in two folders are two documents).
pub fn document_key(meta: &Metadata, text: &str) -> String {
    if let Some(url) = &meta.url {
        return format!("url:{url}");
    }
    if meta.id_from_input || meta.id.is_empty() {
        format!("hash:{}", text_hash(text))
    } else {
        format!("id:{}", meta.id)
    }
}

fn normalize_name(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

impl Store {
    fn with_connection(conn: Connection) -> Self {
        let deadline = std::sync::Arc::new(std::sync::atomic::AtomicU64::new(0));
        let watched = std::sync::Arc::clone(&deadline);
        // Checked every few thousand virtual machine steps (microseconds).
        conn.progress_handler(
            4_000,
            Some(move || {
                let d = watched.load(std::sync::atomic::Ordering::Relaxed);
                d != 0 && clock_nanos(std::time::Instant::now()) > d
            }),
        );
        Store {
            conn,
            rank_window: RANK_WINDOW,
            deadline,
        }
    }

    /// Checks the whole store for damage (SQLite's `quick_check`: every
    /// page and index entry read once, about 2 s per GB). Damage that no
    /// write touches would otherwise go unnoticed until a search reads it.
    pub fn check(&self) -> Result<(), StoreError> {
        let mut stmt = self.conn.prepare("PRAGMA quick_check(5)")?;
        let problems: Vec<String> = stmt
            .query_map([], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        if problems.len() == 1 && problems[0] == "ok" {
            Ok(())
        } else {
            Err(StoreError::Damaged(problems.join("; ")))
        }
    }

    /// Stops any statement still running at `deadline` with
    /// [`StoreError::Interrupted`] (`None`: no deadline). A server sets one
    /// per request, so a costly query does not run on after its answer.
    pub fn set_deadline(&self, deadline: Option<std::time::Instant>) {
        let nanos = deadline.map_or(0, clock_nanos);
        self.deadline
            .store(nanos, std::sync::atomic::Ordering::Relaxed);
    }

    /// Opens (creating or migrating) the store at `path`.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        Self::init(Connection::open(path)?)
    }

    /// Opens an existing store for reading only: nothing is created,
    /// migrated or written, so a store on read-only media (or one another
    /// process writes) can be searched and served. A missing file or an
    /// older schema is an error.
    pub fn open_read_only(path: &Path) -> Result<Self, StoreError> {
        if !path.is_file() {
            return Err(StoreError::Missing(path.display().to_string()));
        }
        let conn = Connection::open_with_flags(
            path,
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        conn.pragma_update(None, "mmap_size", MMAP_SIZE)?;
        conn.pragma_update(None, "cache_size", -32_768)?;
        let store = Store::with_connection(conn);
        let found = store.version()?;
        if found > SCHEMA_VERSION {
            return Err(StoreError::TooNew {
                found,
                supported: SCHEMA_VERSION,
            });
        }
        if found < SCHEMA_VERSION {
            return Err(StoreError::TooOld {
                found,
                supported: SCHEMA_VERSION,
            });
        }
        Ok(store)
    }

    /// A store in memory, for tests and one-off runs.
    pub fn in_memory() -> Result<Self, StoreError> {
        Self::init(Connection::open_in_memory()?)
    }

    fn init(conn: Connection) -> Result<Self, StoreError> {
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        // 8 KB pages for new stores (a no-op on existing ones): ingest
        // writes fewer, fuller pages, 4% faster for a 4% larger file.
        conn.pragma_update(None, "page_size", PAGE_SIZE)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // Reads through a memory map instead of a read() per page (a
        // third of a loaded server's time went to copying pages), and a
        // page cache of 32 MB per connection.
        conn.pragma_update(None, "mmap_size", MMAP_SIZE)?;
        conn.pragma_update(None, "cache_size", -32_768)?;
        let mut store = Store::with_connection(conn);
        store.migrate()?;
        Ok(store)
    }

    /// The schema version of the open store.
    pub fn version(&self) -> Result<i64, StoreError> {
        Ok(self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?)
    }

    /// Runs the missing migrations, one write transaction each. The
    /// version is read inside the transaction (`BEGIN IMMEDIATE` takes the
    /// write lock first), so two processes creating one store wait for
    /// each other instead of both creating its tables.
    fn migrate(&mut self) -> Result<(), StoreError> {
        loop {
            let tx = self
                .conn
                .transaction_with_behavior(TransactionBehavior::Immediate)?;
            let version: i64 = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
            if version > SCHEMA_VERSION {
                return Err(StoreError::TooNew {
                    found: version,
                    supported: SCHEMA_VERSION,
                });
            }
            if version == SCHEMA_VERSION {
                return Ok(());
            }
            tx.execute_batch(MIGRATIONS[version as usize])?;
            if version + 1 == 3 {
                backfill_v3(&tx)?;
            }
            tx.pragma_update(None, "user_version", version + 1)?;
            tx.commit()?;
        }
    }

    /// Whether a document with this key is stored.
    pub fn contains(&self, key: &str) -> Result<bool, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT 1 FROM documents WHERE doc_key = ?1", [key], |_| {
                Ok(())
            })
            .optional()?
            .is_some())
    }

    /// Stores a batch of documents with their accounts, in one transaction
    /// (all or nothing). Returns what happened to each.
    pub fn add_all(
        &mut self,
        docs: &[(&Metadata, &str, &Account)],
    ) -> Result<Vec<Added>, StoreError> {
        // A write transaction from the start: a deferred one that reads
        // first cannot be promoted while another process writes.
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let last: i64 = tx.query_row("SELECT COALESCE(MAX(id), 0) FROM attributions", [], |r| {
            r.get(0)
        })?;
        let mut out = Vec::with_capacity(docs.len());
        for (meta, text, account) in docs {
            out.push(add_one(&tx, meta, text, account)?);
        }
        // Index the new rows in one statement: one FTS5 flush per batch.
        tx.execute(
            "INSERT INTO attributions_fts(rowid, content, source, cue) \
             SELECT id, content, source, cue FROM attributions WHERE id > ?1",
            [last],
        )?;
        tx.commit()?;
        Ok(out)
    }

    /// Stores one document (see [`Store::add_all`]).
    pub fn add(
        &mut self,
        meta: &Metadata,
        text: &str,
        account: &Account,
    ) -> Result<Added, StoreError> {
        Ok(self.add_all(&[(meta, text, account)])?[0])
    }

    /// Full-text search with filters, best matches first (then newest).
    ///
    /// Text queries rank, with BM25, the latest `rank_window` statements
    /// (by storage order) that match and pass the filters
    /// ([`RANK_WINDOW`] by default): ranking every match of a common word
    /// ("said", "Trump") costs tens of milliseconds on a large store, and
    /// the window bounds it. Words rarer than that are ranked exactly.
    pub fn search(&self, q: &Query) -> Result<Vec<Hit>, StoreError> {
        let select = "SELECT a.id, d.ext_id, d.title, d.published, o.name, s.id, s.name, \
             COALESCE(s.anonymous, 0), a.cue, a.content, a.kind";
        let joins = "JOIN documents d ON d.id = a.document_id \
             LEFT JOIN outlets o ON o.id = d.outlet_id LEFT JOIN speakers s ON s.id = a.speaker_id ";
        let mut args: Vec<Box<dyn rusqlite::ToSql>> = Vec::new();
        let text = q.text.trim();
        check_query(text)?;
        let limit = i64::try_from(q.limit.max(1)).unwrap_or(i64::MAX);
        let mut sql = if text.is_empty() {
            format!("{select} FROM attributions a {joins} WHERE 1")
        } else {
            args.push(Box::new(text.to_string()));
            format!(
                "{select}, f.rank AS score FROM attributions_fts f \
                 JOIN attributions a ON a.id = f.rowid {joins} WHERE attributions_fts MATCH ?"
            )
        };
        if let Some(s) = &q.speaker {
            // Speaker ids first, so the attribution index does the rest.
            if let Ok(id) = s.parse::<i64>() {
                sql.push_str(" AND a.speaker_id = ?");
                args.push(Box::new(id));
            } else {
                sql.push_str(
                    " AND a.speaker_id IN (SELECT id FROM speakers WHERE name LIKE ? ESCAPE '\\')",
                );
                args.push(Box::new(like(s)));
            }
        }
        if let Some(o) = &q.outlet {
            sql.push_str(" AND o.name LIKE ? ESCAPE '\\'");
            args.push(Box::new(like(o)));
        }
        if let Some(d) = &q.since {
            sql.push_str(" AND d.published >= ?");
            args.push(Box::new(d.clone()));
        }
        if let Some(d) = &q.until {
            sql.push_str(" AND d.published <= ?");
            args.push(Box::new(d.clone()));
        }
        if text.is_empty() {
            sql.push_str(" ORDER BY d.published DESC, a.id LIMIT ? OFFSET ?");
        } else {
            // The window: latest passing matches; rank is computed for
            // those rows only.
            sql = format!(
                "SELECT * FROM ({sql} ORDER BY f.rowid DESC LIMIT ?) \
                 ORDER BY score, 4 DESC, 1 LIMIT ? OFFSET ?"
            );
            args.push(Box::new(self.rank_window as i64));
        }
        args.push(Box::new(limit));
        // An offset past i64 is past every row (not -1: no offset at all).
        args.push(Box::new(i64::try_from(q.offset).unwrap_or(i64::MAX)));
        self.run_search(&sql, &args, text)
    }

    /// Sets how many of the latest matches text searches rank (default
    /// [`RANK_WINDOW`]): larger is exact on more common words, slower.
    pub fn set_rank_window(&mut self, window: usize) {
        self.rank_window = window.max(1);
    }

    fn run_search(
        &self,
        sql: &str,
        args: &[Box<dyn rusqlite::ToSql>],
        text: &str,
    ) -> Result<Vec<Hit>, StoreError> {
        let bad_query = |e: rusqlite::Error| match &e {
            rusqlite::Error::SqliteFailure(f, Some(msg))
                if f.code == rusqlite::ErrorCode::Unknown && !text.is_empty() =>
            {
                StoreError::BadQuery {
                    query: text.to_string(),
                    reason: msg.clone(),
                }
            }
            _ => StoreError::from(e),
        };
        let mut stmt = self.conn.prepare_cached(sql)?;
        let rows = stmt
            .query_map(
                rusqlite::params_from_iter(args.iter().map(|b| b.as_ref())),
                |r| {
                    Ok(Hit {
                        attribution: r.get(0)?,
                        document: r.get(1)?,
                        title: r.get(2)?,
                        published: r.get(3)?,
                        outlet: r.get(4)?,
                        speaker_id: r.get(5)?,
                        speaker: r.get(6)?,
                        anonymous: r.get::<_, i64>(7)? != 0,
                        cue: r.get(8)?,
                        content: r.get(9)?,
                        kind: r.get(10)?,
                    })
                },
            )
            .map_err(bad_query)?;
        rows.collect::<Result<_, _>>().map_err(bad_query)
    }

    /// Speakers ranked by number of statements.
    pub fn speakers(&self, limit: usize) -> Result<Vec<SpeakerSummary>, StoreError> {
        // Counted in the (speaker, document) index; documents counted for
        // the few ranked only.
        let mut stmt = self.conn.prepare_cached(
            "WITH n AS (SELECT speaker_id, COUNT(*) AS c FROM attributions \
               WHERE speaker_id IS NOT NULL GROUP BY speaker_id ORDER BY c DESC, speaker_id LIMIT ?1) \
             SELECT s.id, s.name, s.kind, s.anonymous, s.titles, n.c, \
               (SELECT COUNT(DISTINCT document_id) FROM attributions WHERE speaker_id = s.id) \
             FROM n JOIN speakers s ON s.id = n.speaker_id ORDER BY n.c DESC, s.name",
        )?;
        let rows = stmt.query_map([limit as i64], summary_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// One speaker by id or (case-insensitive) name; the most quoted when
    /// several share the name.
    pub fn speaker(&self, name_or_id: &str) -> Result<SpeakerSummary, StoreError> {
        let (cond, arg): (&str, Box<dyn rusqlite::ToSql>) = match name_or_id.parse::<i64>() {
            Ok(id) => ("s.id = ?1", Box::new(id)),
            Err(_) => (
                "s.name = ?1 COLLATE NOCASE",
                Box::new(name_or_id.to_string()),
            ),
        };
        let sql = format!(
            "SELECT s.id, s.name, s.kind, s.anonymous, s.titles, COUNT(a.id), COUNT(DISTINCT a.document_id) \
             FROM speakers s LEFT JOIN attributions a ON a.speaker_id = s.id WHERE {cond} \
             GROUP BY s.id ORDER BY COUNT(a.id) DESC LIMIT 1"
        );
        self.conn
            .query_row(&sql, [arg.as_ref()], summary_row)
            .optional()?
            .ok_or_else(|| StoreError::NoSpeaker(name_or_id.to_string()))
    }

    /// Merges speaker `from` into `into`: its statements, titles and future
    /// matches of its name go to `into`. Both are ids or names.
    pub fn merge_speakers(&mut self, into: &str, from: &str) -> Result<(i64, i64), StoreError> {
        let into = self.speaker(into)?;
        let from = self.speaker(from)?;
        if into.id == from.id {
            return Ok((into.id, from.id));
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute(
            "UPDATE attributions SET speaker_id = ?1 WHERE speaker_id = ?2",
            params![into.id, from.id],
        )?;
        tx.execute(
            "UPDATE speaker_aliases SET speaker_id = ?1 WHERE speaker_id = ?2",
            params![into.id, from.id],
        )?;
        let key: String = tx.query_row(
            "SELECT merge_key FROM speakers WHERE id = ?1",
            [from.id],
            |r| r.get(0),
        )?;
        let mut titles = into.titles.clone();
        for t in from.titles {
            if !titles.contains(&t) {
                titles.push(t);
            }
        }
        tx.execute(
            "UPDATE speakers SET titles = ?1 WHERE id = ?2",
            params![serde_json::to_string(&titles).unwrap_or_default(), into.id],
        )?;
        tx.execute("DELETE FROM speakers WHERE id = ?1", [from.id])?;
        tx.execute(
            "INSERT OR REPLACE INTO speaker_aliases(merge_key, speaker_id) VALUES (?1, ?2)",
            params![key, into.id],
        )?;
        tx.commit()?;
        Ok((into.id, from.id))
    }

    /// A speaker's statements, oldest first.
    pub fn timeline(&self, speaker_id: i64, limit: usize) -> Result<Vec<Hit>, StoreError> {
        let mut hits = self.search(&Query {
            speaker: Some(speaker_id.to_string()),
            limit,
            ..Query::default()
        })?;
        hits.sort_by(|a, b| {
            a.published
                .cmp(&b.published)
                .then(a.attribution.cmp(&b.attribution))
        });
        Ok(hits)
    }

    /// Corpus totals.
    pub fn totals(&self) -> Result<Totals, StoreError> {
        let count = |sql: &str| -> Result<i64, StoreError> {
            Ok(self.conn.query_row(sql, [], |r| r.get(0))?)
        };
        let documents = count("SELECT COUNT(*) FROM documents")?;
        let attributions = count("SELECT COUNT(*) FROM attributions")?;
        let speakers = count("SELECT COUNT(*) FROM speakers")?;
        let anonymous = count(
            "SELECT COUNT(*) FROM attributions a JOIN speakers s ON s.id = a.speaker_id WHERE s.anonymous = 1",
        )?;
        Ok(Totals {
            documents,
            attributions,
            speakers,
            anonymous_share: if attributions > 0 {
                anonymous as f64 / attributions as f64
            } else {
                0.0
            },
        })
    }

    /// Outlets ranked by documents.
    pub fn outlets(&self, limit: usize) -> Result<Vec<OutletSummary>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT o.name, COUNT(*), COALESCE(SUM(n.c), 0) FROM outlets o \
             JOIN documents d ON d.outlet_id = o.id \
             LEFT JOIN (SELECT document_id, COUNT(*) AS c FROM attributions GROUP BY document_id) n \
               ON n.document_id = d.id \
             GROUP BY o.id ORDER BY COUNT(*) DESC, o.name LIMIT ?1",
        )?;
        let rows = stmt.query_map([limit as i64], |r| {
            Ok(OutletSummary {
                name: r.get(0)?,
                documents: r.get(1)?,
                attributions: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Documents, newest publication first (undated last).
    pub fn recent_documents(
        &self,
        limit: usize,
        offset: usize,
    ) -> Result<Vec<DocumentSummary>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT d.ext_id, d.title, d.published, o.name, \
               (SELECT COUNT(*) FROM attributions a WHERE a.document_id = d.id) \
             FROM documents d LEFT JOIN outlets o ON o.id = d.outlet_id \
             ORDER BY d.published IS NULL, d.published DESC, d.id DESC LIMIT ?1 OFFSET ?2",
        )?;
        let rows = stmt.query_map([limit as i64, offset as i64], |r| {
            Ok(DocumentSummary {
                id: r.get(0)?,
                title: r.get(1)?,
                published: r.get(2)?,
                outlet: r.get(3)?,
                attributions: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// A speaker's statements per week (weeks start on Monday) and outlet,
    /// oldest first; statements in undated documents are left out.
    pub fn speaker_weeks(&self, speaker_id: i64) -> Result<Vec<WeekCount>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT date(d.published, '-6 days', 'weekday 1') AS week, o.name, COUNT(*) \
             FROM attributions a JOIN documents d ON d.id = a.document_id \
             LEFT JOIN outlets o ON o.id = d.outlet_id \
             WHERE a.speaker_id = ?1 AND date(d.published) IS NOT NULL \
             GROUP BY week, o.name ORDER BY week, o.name",
        )?;
        let rows = stmt.query_map([speaker_id], |r| {
            Ok(WeekCount {
                week: r.get(0)?,
                outlet: r.get(1)?,
                statements: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The store's speaker id of each attribution of a document, in the
    /// order of its account (pages link a document's speakers to theirs).
    pub fn document_speaker_ids(&self, ext_id: &str) -> Result<Vec<Option<i64>>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.speaker_id FROM attributions a \
             WHERE a.document_id = (SELECT id FROM documents WHERE ext_id = ?1 ORDER BY id LIMIT 1) \
             ORDER BY a.ord",
        )?;
        let rows = stmt.query_map([ext_id], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The stored account of a document (by external id), as JSON.
    pub fn document_json(&self, ext_id: &str) -> Result<Option<serde_json::Value>, StoreError> {
        let row: Option<(String, rusqlite::types::Value)> = self
            .conn
            .query_row(
                "SELECT text, account FROM documents WHERE ext_id = ?1 ORDER BY id LIMIT 1",
                [ext_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let Some((text, account)) = row else {
            return Ok(None);
        };
        let mut json = stored::read(account, &text)
            .filter(serde_json::Value::is_object)
            .ok_or_else(|| StoreError::UnreadableAccount(ext_id.to_string()))?;
        if let Some(fields) = json.as_object_mut() {
            fields.insert("text".into(), serde_json::Value::String(text));
        }
        Ok(Some(json))
    }
}

/// The JSON of a stored `documents.account` value (`binary`: a BLOB, else
/// JSON text) for a document whose text is `text`, as
/// [`Store::document_json`] reads a row; `None` when it cannot be read.
/// Public for the fuzz target: the row format is not an API.
#[doc(hidden)]
pub fn stored_account_json(account: &[u8], binary: bool, text: &str) -> Option<serde_json::Value> {
    let value = if binary {
        rusqlite::types::Value::Blob(account.to_vec())
    } else {
        rusqlite::types::Value::Text(String::from_utf8_lossy(account).into_owned())
    };
    stored::read(value, text)
}

fn like(s: &str) -> String {
    let escaped = s
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}

fn summary_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<SpeakerSummary> {
    let titles: String = r.get(4)?;
    Ok(SpeakerSummary {
        id: r.get(0)?,
        name: r.get(1)?,
        kind: r.get(2)?,
        anonymous: r.get::<_, i64>(3)? != 0,
        titles: serde_json::from_str(&titles).unwrap_or_default(),
        statements: r.get(5)?,
        documents: r.get(6)?,
    })
}

fn add_one(
    tx: &Transaction<'_>,
    meta: &Metadata,
    text: &str,
    account: &Account,
) -> Result<Added, StoreError> {
    let key = document_key(meta, text);
    let stored_text = |key: &str| -> Result<Option<String>, StoreError> {
        Ok(tx
            .prepare_cached("SELECT text FROM documents WHERE doc_key = ?1")?
            .query_row([key], |r| r.get(0))
            .optional()?)
    };
    match stored_text(&key)? {
        Some(stored) if stored == text => return Ok(Added::Existing),
        Some(_) => return Ok(Added::Clash),
        None => {}
    }
    // Stores written before file documents were keyed by their text hold
    // them under `id:<file stem>`: the same text there is this document.
    let legacy = meta.id_from_input && meta.url.is_none() && !meta.id.is_empty();
    if legacy && stored_text(&format!("id:{}", meta.id))?.is_some_and(|t| t == text) {
        return Ok(Added::Existing);
    }
    let ext_id = unique_ext_id(tx, &meta.id)?;
    let outlet_id: Option<i64> = match &meta.outlet {
        Some(name) => {
            tx.prepare_cached("INSERT OR IGNORE INTO outlets(name) VALUES (?1)")?
                .execute([name])?;
            Some(
                tx.prepare_cached("SELECT id FROM outlets WHERE name = ?1")?
                    .query_row([name], |r| r.get(0))?,
            )
        }
        None => None,
    };
    tx.prepare_cached(
        "INSERT INTO documents(doc_key, ext_id, url, title, byline, published, outlet_id, language, text, account) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?
    .execute(params![
            key,
            ext_id,
            meta.url,
            meta.title,
            meta.byline,
            meta.published.map(|d| d.to_string()),
            outlet_id,
            meta.language,
            text,
            stored::encode(meta, account)
        ])?;
    let document_id = tx.last_insert_rowid();
    // Speakers of this document → store ids.
    let mut ids = Vec::with_capacity(account.speakers.len());
    for s in &account.speakers {
        ids.push(speaker_id(tx, s, &key)?);
    }
    let mut insert = tx.prepare_cached(
        "INSERT INTO attributions(document_id, ord, speaker_id, kind, source, cue, content, channel, time_value, nested) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?;
    let join = |spans: &[whosaid::Span]| {
        spans
            .iter()
            .map(|s| s.text.as_str())
            .collect::<Vec<_>>()
            .join(" … ")
    };
    for (ord, a) in account.attributions.iter().enumerate() {
        let at = &a.attribution;
        insert.execute(params![
            document_id,
            ord as i64,
            a.speaker.map(|k| ids[k]),
            at.kind.as_str(),
            join(&at.source),
            join(&at.cue),
            join(&at.content),
            serde_json::to_string(&a.channel).unwrap_or_default(),
            a.time.as_ref().and_then(|t| t.value.clone()),
            i64::from(a.nested_in.is_some()),
        ])?;
    }
    Ok(Added::New(account.attributions.len()))
}

/// `id`, or `id~2`, `id~3`… when another document has it: pages and the
/// API find a document by this id, so it must name one document.
fn unique_ext_id(tx: &Transaction<'_>, id: &str) -> Result<String, StoreError> {
    let mut taken = tx.prepare_cached("SELECT 1 FROM documents WHERE ext_id = ?1")?;
    let mut candidate = id.to_string();
    let mut n = 1;
    while taken.exists([&candidate])? {
        n += 1;
        candidate = format!("{id}~{n}");
    }
    Ok(candidate)
}

/// The store id of a document's speaker, by the merge rule (module docs).
fn speaker_id(
    tx: &Transaction<'_>,
    s: &whosaid::resolve::Speaker,
    doc_key: &str,
) -> Result<i64, StoreError> {
    let kind = kind_name(s.kind);
    let name = normalize_name(&s.name);
    let mut key = if s.anonymous {
        format!("anon:{doc_key}:{name}")
    } else if s.kind == SpeakerKind::Person && name.contains(' ') {
        // "Donald J. Trump" and "Donald Trump": first and last name.
        let words: Vec<&str> = name.split(' ').collect();
        format!("person:{} {}", words[0], words[words.len() - 1])
    } else {
        format!("{kind}:{name}")
    };
    // "Rutte" alone joins the one stored person named "… Rutte".
    if !s.anonymous && s.kind == SpeakerKind::Person && !name.contains(' ') {
        let mut stmt =
            tx.prepare_cached("SELECT merge_key FROM speakers WHERE last_word = ?1 LIMIT 2")?;
        let found: Vec<String> = stmt
            .query_map([&name], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        if found.len() == 1 {
            key = found[0].clone();
        }
    }
    let alias: Option<i64> = tx
        .prepare_cached("SELECT speaker_id FROM speaker_aliases WHERE merge_key = ?1")?
        .query_row([&key], |r| r.get(0))
        .optional()?;
    if let Some(id) = alias {
        add_titles(tx, id, &s.titles)?;
        return Ok(id);
    }
    let existing: Option<i64> = tx
        .prepare_cached("SELECT id FROM speakers WHERE merge_key = ?1")?
        .query_row([&key], |r| r.get(0))
        .optional()?;
    let id = match existing {
        Some(id) => id,
        None => {
            tx.prepare_cached(
                "INSERT INTO speakers(merge_key, name, kind, anonymous, last_word) \
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute(params![
                key,
                s.name,
                kind,
                i64::from(s.anonymous),
                last_word(&key)
            ])?;
            tx.last_insert_rowid()
        }
    };
    add_titles(tx, id, &s.titles)?;
    Ok(id)
}

/// The last name word of a person merge key (`person:first last`), none
/// for one-word names and other kinds.
fn last_word(merge_key: &str) -> Option<&str> {
    let name = merge_key.strip_prefix("person:")?;
    name.rsplit_once(' ').map(|(_, last)| last)
}

/// Schema 3: `last_word` of the people already stored.
fn backfill_v3(tx: &Transaction<'_>) -> Result<(), StoreError> {
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

fn add_titles(tx: &Transaction<'_>, id: i64, new: &[String]) -> Result<(), StoreError> {
    if new.is_empty() {
        return Ok(());
    }
    let current: String = tx
        .prepare_cached("SELECT titles FROM speakers WHERE id = ?1")?
        .query_row([id], |r| r.get(0))?;
    let mut titles: Vec<String> = serde_json::from_str(&current).unwrap_or_default();
    let before = titles.len();
    for t in new {
        if !titles.iter().any(|x| x.eq_ignore_ascii_case(t)) {
            titles.push(t.clone());
        }
    }
    if titles.len() != before {
        tx.prepare_cached("UPDATE speakers SET titles = ?1 WHERE id = ?2")?
            .execute(params![
                serde_json::to_string(&titles).unwrap_or_default(),
                id
            ])?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use whosaid::{DocumentInfo, Extractor};

    fn doc(id: &str, outlet: &str, date: &str, text: &str) -> (Metadata, String, Account) {
        let meta = Metadata {
            id: id.into(),
            outlet: Some(outlet.into()),
            published: date.parse().ok(),
            ..Default::default()
        };
        let account = Extractor::builtin().analyze(text, &DocumentInfo::default());
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
        let text = include_str!("../../../examples/nato-rutte.txt");
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
        // Text alone: the latest match only (the window).
        assert_eq!(store.search(&q("said", None)).unwrap().len(), 1);
        // The window holds matches that pass the filters: a filter that
        // excludes the latest match still finds an older one.
        let hits = store.search(&q("said", Some("Planet"))).unwrap();
        assert_eq!(hits.len(), 1, "{hits:?}");
        assert_eq!(hits[0].outlet.as_deref(), Some("Planet"));
        store.set_rank_window(RANK_WINDOW);
        assert_eq!(store.search(&q("said", None)).unwrap().len(), 4);
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
                        let text =
                            format!("Doc {w} {i}\n\nJohn Smith said that plan {w}-{i} failed.");
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
        // SQL in a filter is data, not code.
        let hits = store
            .search(&Query {
                speaker: Some("x' OR 1=1 --".into()),
                ..q("")
            })
            .unwrap();
        assert!(hits.is_empty());
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
        store.merge_speakers(&a, &b).unwrap();
        assert_eq!(store.speaker(&a).unwrap().statements, 2);
        assert!(matches!(store.speaker(&b), Err(StoreError::NoSpeaker(_))));
        assert_eq!(store.timeline(anon[0].id, 10).unwrap().len(), 2);
    }

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
}
