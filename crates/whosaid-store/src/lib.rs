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

mod schema;
mod stored;
mod write;

use schema::{backfill_v3, MIGRATIONS};
use write::add_one;

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
pub const SCHEMA_VERSION: i64 = 7;

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
    /// Bodies the speaker is affiliated with ("Clinton campaign").
    pub affiliations: Vec<String>,
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
               (SELECT COUNT(DISTINCT document_id) FROM attributions WHERE speaker_id = s.id), \
               (SELECT json_group_array(name) FROM speaker_affiliations WHERE speaker_id = s.id) \
             FROM n JOIN speakers s ON s.id = n.speaker_id ORDER BY n.c DESC, s.name",
        )?;
        let rows = stmt.query_map([limit as i64], summary_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The speakers affiliated with a body (case-insensitive, the whole
    /// name: "Clinton campaign" lists its spokespeople and managers), the
    /// most quoted first.
    pub fn affiliated(&self, body: &str, limit: usize) -> Result<Vec<SpeakerSummary>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT s.id, s.name, s.kind, s.anonymous, s.titles, \
               (SELECT COUNT(*) FROM attributions WHERE speaker_id = s.id) AS c, \
               (SELECT COUNT(DISTINCT document_id) FROM attributions WHERE speaker_id = s.id), \
               (SELECT json_group_array(name) FROM speaker_affiliations WHERE speaker_id = s.id) \
             FROM speaker_affiliations f JOIN speakers s ON s.id = f.speaker_id \
             WHERE f.name = ?1 ORDER BY c DESC, s.name LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![body, limit as i64], summary_row)?;
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
            "SELECT s.id, s.name, s.kind, s.anonymous, s.titles, COUNT(a.id), COUNT(DISTINCT a.document_id), \
               (SELECT json_group_array(name) FROM speaker_affiliations WHERE speaker_id = s.id) \
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
        tx.execute(
            "UPDATE OR IGNORE speaker_affiliations SET speaker_id = ?1 WHERE speaker_id = ?2",
            params![into.id, from.id],
        )?;
        tx.execute(
            "DELETE FROM speaker_affiliations WHERE speaker_id = ?1",
            [from.id],
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
    let affiliations: Option<String> = r.get(7)?;
    Ok(SpeakerSummary {
        id: r.get(0)?,
        name: r.get(1)?,
        kind: r.get(2)?,
        anonymous: r.get::<_, i64>(3)? != 0,
        titles: serde_json::from_str(&titles).unwrap_or_default(),
        affiliations: affiliations
            .and_then(|a| serde_json::from_str(&a).ok())
            .unwrap_or_default(),
        statements: r.get(5)?,
        documents: r.get(6)?,
    })
}

#[cfg(test)]
mod tests;
