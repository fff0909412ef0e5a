//! Full-text search over what was said, with speaker, outlet and date
//! filters; query cost bounds.

use super::*;

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
    /// Speaker: an id, or an exact name or alias (see
    /// [`Store::speaker`]); never a part of a name.
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

impl Store {
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
            // The speaker's ids first, so the attribution index does the
            // rest. An id or an exact name ([`Store::speaker`]); a name
            // several speakers answer to keeps them all.
            let ids = match s.trim().trim_start_matches('#').parse::<i64>() {
                Ok(_) => vec![self.speaker_id(s)?],
                Err(_) => self.speakers_named(s)?,
            };
            if ids.is_empty() {
                return Err(StoreError::NoSpeaker {
                    name: s.clone(),
                    suggestions: Vec::new(),
                });
            }
            sql.push_str(" AND a.speaker_id IN (SELECT value FROM json_each(?))");
            args.push(Box::new(serde_json::to_string(&ids).unwrap_or_default()));
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
}

pub(crate) fn like(s: &str) -> String {
    let escaped = s
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}
