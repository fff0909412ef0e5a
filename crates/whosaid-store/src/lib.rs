//! The statement store: documents, attributions, speakers and outlets in an
//! embedded SQLite database (WAL journal), with full-text search (FTS5)
//! over what was said.
//!
//! - **Idempotent ingest.** A document is keyed by its URL, else its id,
//!   else a hash of its text; storing it again is a no-op.
//! - **Crash-safe.** Each document and its attributions are written in one
//!   transaction; a killed ingest leaves whole documents only, and running
//!   it again adds exactly the missing ones.
//! - **One person, one speaker.** Named speakers meet by name key, whatever
//!   kind one article gave them: case, diacritics, apostrophes, honorifics,
//!   possessives and middle initials aside, people by formal first name
//!   and last name ("Joe Biden" = "Joseph R. Biden"). A speaker's kind is
//!   the majority of its articles'. A surname alone ("Obama", "Mr. Obama")
//!   joins the corpus's dominant person of that name, or stays apart with
//!   its candidates listed. Anonymous speakers ("a source") never merge
//!   across documents. Every merge is recorded and can be undone
//!   ([`Store::merge_speakers`], [`Store::unmerge_speaker`]); an aliases
//!   file settles what rules cannot ([`Store::add_alias_rules`]). See
//!   `consolidate.rs`.
//! - **Versioned schema.** `PRAGMA user_version` holds the schema version;
//!   [`Store::open`] migrates older stores and refuses newer ones.

mod assertions;
mod consolidate;
mod export;
mod names;
mod query;
mod quotes;
mod schema;
mod search;
mod speakers;
mod stored;
mod write;

pub use assertions::{AssertionHit, AssertionQuery};
pub use export::{
    Column, ColumnType, DocumentRow, SpeakerRow, StatementRow, DOCUMENT_COLUMNS, SPEAKER_COLUMNS,
    STATEMENT_COLUMNS,
};
pub use quotes::{
    word_diff, Appearance, DiffOp, QuoteDetail, QuoteQuery, QuoteSpeaker, QuoteSummary,
    QuoteTotals, StatementQuote, Variant,
};
use schema::{backfill_v11, backfill_v13, backfill_v3, backfill_v8, MIGRATIONS};
pub use search::{
    Hit, Query, Sort, Total, CHANNEL_KINDS, COUNT_LIMIT, KINDS, MAX_PREFIX_TERMS, MAX_QUERY_BYTES,
    MAX_QUERY_TERMS,
};
pub use speakers::{
    AliasRule, DuplicatePair, MergedName, Regrouped, SpeakerRef, SpeakerSummary, DOMINANCE,
};
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
pub const SCHEMA_VERSION: i64 = 13;

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
    /// A search query that cannot be read, or is too costly.
    #[error("bad search query {query:?}: {reason}")]
    BadQuery {
        /// The query.
        query: String,
        /// What is wrong with it.
        reason: String,
    },
    /// No speaker answers to a name or id.
    #[error("no speaker {name:?}{}", suggest(.suggestions))]
    NoSpeaker {
        /// The name or id asked for.
        name: String,
        /// Speakers whose name contains it, the most quoted first.
        suggestions: Vec<SpeakerRef>,
    },
    /// Several speakers answer to a name: give an id.
    #[error("{} speakers answer to {name:?}; give one's id: {}", .candidates.len(), list(.candidates))]
    AmbiguousSpeaker {
        /// The name asked for.
        name: String,
        /// The speakers, most quoted first.
        candidates: Vec<SpeakerRef>,
    },
    /// A speaker cannot be merged into itself.
    #[error("{0} cannot be merged into itself")]
    SameSpeaker(String),
    /// Unmerge was asked of a name that is not merged into another.
    #[error("{0} is not merged into another speaker (the ids a speaker's `merged` list gives can be unmerged)")]
    NotMerged(String),
    /// A line of an aliases file cannot be read.
    #[error("aliases file, line {line}: {reason}")]
    BadAliases {
        /// 1-based line number.
        line: usize,
        /// What is wrong with it.
        reason: String,
    },
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
    #[error("store schema version {found} is older than this whosaid's ({supported}): migrate it once with `whosaid migrate --db PATH` (or any ingest)")]
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
    /// Corpus aggregates that read every statement, kept until the store
    /// changes ([`Store::aggregates`]).
    aggregates: std::cell::RefCell<Option<(Stamp, std::sync::Arc<Aggregates>)>>,
}

/// What identifies a state of the store from one connection: SQLite's
/// `data_version` (others' commits) and this connection's total changes.
type Stamp = (i64, u64);

/// Aggregates over every statement: the corpus totals and the speakers
/// ranked by statements, most quoted first, ties by id.
#[derive(Debug)]
pub(crate) struct Aggregates {
    pub(crate) totals: Totals,
    pub(crate) ranking: Vec<RankedSpeaker>,
    /// Every outlet, by documents.
    pub(crate) outlets: Vec<OutletSummary>,
}

/// A speaker's place in the ranking, with its counts.
#[derive(Debug, Clone, Copy)]
pub(crate) struct RankedSpeaker {
    pub(crate) id: i64,
    pub(crate) statements: i64,
    pub(crate) documents: i64,
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

/// Speakers listed in an error message.
fn list(refs: &[SpeakerRef]) -> String {
    refs.iter()
        .take(10)
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

/// "did you mean" suggestions in an error message.
fn suggest(refs: &[SpeakerRef]) -> String {
    if refs.is_empty() {
        String::new()
    } else {
        format!("; names containing it: {}", list(refs))
    }
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
            aggregates: std::cell::RefCell::new(None),
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
        rusqlite::vtab::array::load_module(&conn)?;
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

    /// The schema version of the store file at `path`, read without
    /// opening it as a store (nothing is migrated or created).
    pub fn file_version(path: &Path) -> Result<i64, StoreError> {
        if !path.is_file() {
            return Err(StoreError::Missing(path.display().to_string()));
        }
        let conn = Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        Ok(conn.pragma_query_value(None, "user_version", |r| r.get(0))?)
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
            if version + 1 == 8 {
                backfill_v8(&tx)?;
            }
            if version + 1 == 11 {
                backfill_v11(&tx)?;
            }
            if version + 1 == 13 {
                backfill_v13(&tx)?;
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
        let last_assertion: i64 =
            tx.query_row("SELECT COALESCE(MAX(id), 0) FROM assertions", [], |r| {
                r.get(0)
            })?;
        let mut out = Vec::with_capacity(docs.len());
        let mut touched = consolidate::Touched::default();
        for (meta, text, account) in docs {
            out.push(add_one(&tx, meta, text, account, &mut touched)?);
        }
        consolidate::touched(&tx, &touched)?;
        quotes::index_new(&tx, last)?;
        // Index the new rows in one statement: one FTS5 flush per batch.
        tx.execute(
            "INSERT INTO attributions_fts(rowid, content, source, cue) \
             SELECT id, content, source, cue FROM attributions WHERE id > ?1",
            [last],
        )?;
        tx.execute(
            "INSERT INTO assertions_fts(rowid, text) SELECT id, text FROM assertions WHERE id > ?1",
            [last_assertion],
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

    /// Corpus totals.
    pub fn totals(&self) -> Result<Totals, StoreError> {
        Ok(self.aggregates()?.totals)
    }

    /// The corpus aggregates, computed once per state of the store: on a
    /// store of a million statements the totals and the speaker ranking
    /// take ~100 ms, every overview and speaker list needs them, and they
    /// change only with a write.
    pub(crate) fn aggregates(&self) -> Result<std::sync::Arc<Aggregates>, StoreError> {
        let version: i64 = self
            .conn
            .pragma_query_value(None, "data_version", |r| r.get(0))?;
        let stamp = (version, self.conn.total_changes());
        if let Some((at, cached)) = &*self.aggregates.borrow() {
            if *at == stamp {
                return Ok(std::sync::Arc::clone(cached));
            }
        }
        let fresh = std::sync::Arc::new(Aggregates {
            totals: self.count_totals()?,
            ranking: self.rank_speakers()?,
            outlets: self.rank_outlets()?,
        });
        *self.aggregates.borrow_mut() = Some((stamp, std::sync::Arc::clone(&fresh)));
        Ok(fresh)
    }

    /// Every quoted speaker (group) with its statements, most first.
    fn rank_speakers(&self) -> Result<Vec<RankedSpeaker>, StoreError> {
        // Counted in the (speaker, document) index; the documents too, so
        // that a page of the most quoted need not count their thousands of
        // statements again (20 ms of a 50,000-article store's first page).
        let mut stmt = self.conn.prepare_cached(
            "SELECT speaker_id, COUNT(*) AS c, COUNT(DISTINCT document_id) FROM attributions \
             WHERE speaker_id IS NOT NULL GROUP BY speaker_id ORDER BY c DESC, speaker_id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(RankedSpeaker {
                id: r.get(0)?,
                statements: r.get(1)?,
                documents: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn count_totals(&self) -> Result<Totals, StoreError> {
        let count = |sql: &str| -> Result<i64, StoreError> {
            Ok(self.conn.query_row(sql, [], |r| r.get(0))?)
        };
        let documents = count("SELECT COUNT(*) FROM documents")?;
        let attributions = count("SELECT COUNT(*) FROM attributions")?;
        // Speakers quoted at least once (not names merged into others).
        let speakers = count(
            "SELECT COUNT(*) FROM (SELECT DISTINCT speaker_id FROM attributions \
             WHERE speaker_id IS NOT NULL)",
        )?;
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
        let aggregates = self.aggregates()?;
        Ok(aggregates.outlets.iter().take(limit).cloned().collect())
    }

    /// Every outlet with its documents and statements, most documents
    /// first (cached in [`Store::aggregates`]).
    fn rank_outlets(&self) -> Result<Vec<OutletSummary>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT o.name, COUNT(*), COALESCE(SUM(n.c), 0) FROM outlets o \
             JOIN documents d ON d.outlet_id = o.id \
             LEFT JOIN (SELECT document_id, COUNT(*) AS c FROM attributions GROUP BY document_id) n \
               ON n.document_id = d.id \
             GROUP BY o.id ORDER BY COUNT(*) DESC, o.name",
        )?;
        let rows = stmt.query_map([], |r| {
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
             ORDER BY d.published DESC, d.id DESC LIMIT ?1 OFFSET ?2",
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

#[cfg(test)]
mod tests;
