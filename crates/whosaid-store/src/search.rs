//! Full-text search over what was said, with speaker, outlet and date
//! filters; query cost bounds.

use super::*;
use std::collections::HashMap;

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
    /// Its position among its document's statements (0-based): the
    /// article page's anchor `#s{ordinal + 1}` shows it in context.
    pub ordinal: i64,
    /// Where the query's words match in `content`: `[start, end)` in
    /// Unicode code points, in order (empty without words to search).
    pub matches: Vec<[usize; 2]>,
    /// The quote it belongs to, when other documents carry it too.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quote: Option<crate::StatementQuote>,
}

/// How many statements a query matches: exact up to [`COUNT_LIMIT`] and
/// within [`COUNT_BUDGET`], else "at least" (counting every match of a
/// common word, or reading every statement for a rare filter, would cost
/// more than the search).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Total {
    /// Matches counted.
    pub count: u64,
    /// Whether `count` is all of them (else there are at least that many).
    pub exact: bool,
}

/// Most matches [`Store::count`] counts one by one.
pub const COUNT_LIMIT: u64 = 10_000;

/// Longest a count may take before it answers "at least" what it found.
pub const COUNT_BUDGET: std::time::Duration = std::time::Duration::from_millis(15);

/// Marks around matched words in FTS5's `highlight()` (private-use
/// characters, absent from news text).
const MARK_OPEN: char = '\u{E000}';
const MARK_CLOSE: char = '\u{E001}';

/// Statement kinds a [`Query`] may ask for.
pub const KINDS: [&str; 3] = ["direct", "indirect", "mixed"];

/// Channel kinds a [`Query`] may ask for (`whosaid::resolve::ChannelKind`).
pub const CHANNEL_KINDS: [&str; 10] = [
    "interview",
    "told",
    "statement",
    "post",
    "press_conference",
    "speech",
    "letter",
    "testimony",
    "broadcast",
    "relay",
];

/// The order of search hits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Sort {
    /// Best matches first (BM25 over the latest matches), then newest;
    /// without words, newest first.
    #[default]
    Relevance,
    /// Newest publication first.
    Newest,
    /// Oldest publication first.
    Oldest,
}

impl std::str::FromStr for Sort {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "relevance" => Ok(Sort::Relevance),
            "newest" | "date" => Ok(Sort::Newest),
            "oldest" => Ok(Sort::Oldest),
            _ => Err(format!(
                "sort: expected relevance, newest or oldest, got {s:?}"
            )),
        }
    }
}

/// Search filters.
#[derive(Debug, Clone, Default)]
pub struct Query {
    /// Words to find in contents, sources and cues (empty: everything):
    /// plain words, `"phrases"`, `OR`/`AND`/`NOT`, `prefix*`,
    /// `source:`/`cue:`/`content:` (see the `query` module); word forms
    /// match ("emails" finds "email").
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
    /// Only direct, indirect or mixed statements.
    pub kind: Option<String>,
    /// Only statements of unnamed (`true`) or named (`false`) speakers.
    pub anonymous: Option<bool>,
    /// Only statements that reached the outlet through this channel kind
    /// (`interview`, `relay`, `statement`, … see [`CHANNEL_KINDS`]).
    pub channel: Option<String>,
    /// Only statements said on or after this date (`YYYY-MM-DD`), where
    /// the text dates them (distinct from the publication date).
    pub said_since: Option<String>,
    /// Only statements said on or before this date.
    pub said_until: Option<String>,
    /// Only statements of this document (its id).
    pub document: Option<String>,
    /// Only statements of the week (its Monday, `YYYY-MM-DD`) a speaker's
    /// chart counts them in: when said where the text gives the day, else
    /// when published ([`Store::speaker_weeks`]).
    pub week: Option<String>,
    /// Order of the hits.
    pub sort: Sort,
    /// Most hits.
    pub limit: usize,
    /// Hits skipped.
    pub offset: usize,
}

/// A query's words as an FTS5 expression, checked: `None` without words.
pub(crate) fn fts_expression(text: &str) -> Result<Option<String>, StoreError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    check_query(text)?;
    let bad = |reason: String| StoreError::BadQuery {
        query: text.chars().take(80).collect(),
        reason,
    };
    match crate::query::to_fts(text) {
        Ok(fts) if fts.is_empty() => Err(bad("no words to search for".into())),
        Ok(fts) => Ok(Some(fts)),
        Err(reason) => Err(bad(reason)),
    }
}

/// The SQL of a search's rows, filters and arguments, before ordering.
struct Filtered {
    /// `FROM … WHERE …` (the FTS table as `f` when there are words).
    from: String,
    args: Vec<Box<dyn rusqlite::ToSql>>,
}

impl Store {
    fn filtered(&self, q: &Query, fts: Option<&str>) -> Result<Filtered, StoreError> {
        let joins = "JOIN documents d ON d.id = a.document_id \
             LEFT JOIN outlets o ON o.id = d.outlet_id LEFT JOIN speakers s ON s.id = a.speaker_id ";
        let mut args: Vec<Box<dyn rusqlite::ToSql>> = Vec::new();
        let mut from = match fts {
            // Newest first without a speaker: walk the documents by date
            // (their index) and each one's statements, instead of sorting
            // every statement (CROSS JOIN fixes that order in SQLite).
            None if q.speaker.is_none() && q.said_since.is_none() && q.said_until.is_none() => {
                "FROM documents d CROSS JOIN attributions a \
                 ON a.document_id = d.id LEFT JOIN outlets o ON o.id = d.outlet_id \
                 LEFT JOIN speakers s ON s.id = a.speaker_id WHERE 1"
                    .to_string()
            }
            // A speaker or a statement time: their indexes pick the rows.
            None => format!("FROM attributions a {joins} WHERE 1"),
            Some(fts) => {
                args.push(Box::new(fts.to_string()));
                format!(
                    "FROM attributions_fts f JOIN attributions a ON a.id = f.rowid {joins} \
                     WHERE attributions_fts MATCH ?"
                )
            }
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
            from.push_str(" AND a.speaker_id IN (SELECT value FROM json_each(?))");
            args.push(Box::new(serde_json::to_string(&ids).unwrap_or_default()));
        }
        if let Some(o) = &q.outlet {
            from.push_str(" AND o.name LIKE ? ESCAPE '\\'");
            args.push(Box::new(like(o)));
        }
        if let Some(d) = &q.since {
            from.push_str(" AND d.published >= ?");
            args.push(Box::new(d.clone()));
        }
        if let Some(d) = &q.until {
            from.push_str(" AND d.published <= ?");
            args.push(Box::new(d.clone()));
        }
        let bad = |reason: String| StoreError::BadQuery {
            query: q.text.chars().take(80).collect(),
            reason,
        };
        if let Some(k) = &q.kind {
            if !KINDS.contains(&k.as_str()) {
                return Err(bad(format!(
                    "kind: expected direct, indirect or mixed, got {k:?}"
                )));
            }
            from.push_str(" AND a.kind = ?");
            args.push(Box::new(k.clone()));
        }
        if let Some(anonymous) = q.anonymous {
            from.push_str(" AND COALESCE(s.anonymous, 0) = ?");
            args.push(Box::new(i64::from(anonymous)));
        }
        if let Some(c) = &q.channel {
            if !CHANNEL_KINDS.contains(&c.as_str()) {
                return Err(bad(format!(
                    "channel: expected one of {}, got {c:?}",
                    CHANNEL_KINDS.join(", ")
                )));
            }
            // The channel column is the JSON list of the statement's links.
            from.push_str(" AND a.channel LIKE ?");
            args.push(Box::new(format!("%\"kind\":\"{c}\"%")));
        }
        if let Some(d) = &q.said_since {
            from.push_str(" AND a.time_value >= ?");
            args.push(Box::new(d.clone()));
        }
        if let Some(d) = &q.said_until {
            // "2025-02" (a month) is within a range ending 2025-02-28.
            from.push_str(" AND a.time_value <= ?");
            args.push(Box::new(format!("{d}\u{10FFFF}")));
        }
        if let Some(doc) = &q.document {
            from.push_str(" AND d.ext_id = ?");
            args.push(Box::new(doc.clone()));
        }
        if let Some(week) = &q.week {
            from.push_str(
                " AND date(COALESCE(date(a.time_value), d.published), '-6 days', 'weekday 1') = ?",
            );
            args.push(Box::new(week.clone()));
        }
        Ok(Filtered { from, args })
    }

    /// Full-text search with filters, best matches first (then newest).
    ///
    /// Text queries rank, with BM25, the latest `rank_window` statements
    /// (by storage order) that match and pass the filters
    /// ([`RANK_WINDOW`] by default): ranking every match of a common word
    /// ("said", "Trump") costs tens of milliseconds on a large store, and
    /// the window bounds it. Words rarer than that are ranked exactly;
    /// pages past the window go on with the older matches, newest first.
    /// Each hit carries where the words match in its content, and the
    /// quote it belongs to when other documents carry it.
    pub fn search(&self, q: &Query) -> Result<Vec<Hit>, StoreError> {
        let mut hits = self.search_hits(q)?;
        for hit in &mut hits {
            hit.quote = self.statement_quote(hit.attribution)?;
        }
        Ok(hits)
    }

    fn search_hits(&self, q: &Query) -> Result<Vec<Hit>, StoreError> {
        let select = "SELECT a.id, d.ext_id, d.title, d.published, o.name, s.id, s.name, \
             COALESCE(s.anonymous, 0), a.cue, a.content, a.kind, a.ord";
        let fts = fts_expression(&q.text)?;
        let limit = q.limit.max(1);
        let to_i64 = |n: usize| i64::try_from(n).unwrap_or(i64::MAX);
        let Filtered { from, mut args } = self.filtered(q, fts.as_deref())?;
        // Ties by document, newest stored first, then statement order: the
        // date index serves the whole order.
        if q.sort == Sort::Oldest {
            let mut hits = self.oldest_first(q, select, fts.as_deref())?;
            if let Some(fts) = &fts {
                self.add_matches(fts, &mut hits)?;
            }
            return Ok(hits);
        }
        let by_date = match q.sort {
            Sort::Newest => Some("d.published DESC, d.id DESC, a.id"),
            Sort::Oldest | Sort::Relevance => None,
        };
        if let (Some(order), Some(_)) = (by_date, &fts) {
            // Every match in date order: no ranking window.
            let sql = format!("{select} {from} ORDER BY {order} LIMIT ? OFFSET ?");
            args.push(Box::new(to_i64(limit)));
            args.push(Box::new(to_i64(q.offset)));
            let mut hits = self.run_search(&sql, &args, &q.text)?;
            if let Some(fts) = &fts {
                self.add_matches(fts, &mut hits)?;
            }
            return Ok(hits);
        }
        let Some(fts) = fts else {
            let order = by_date.unwrap_or("d.published DESC, d.id DESC, a.id");
            let sql = format!("{select} {from} ORDER BY {order} LIMIT ? OFFSET ?");
            args.push(Box::new(to_i64(limit)));
            // An offset past i64 is past every row (not -1: no offset).
            args.push(Box::new(to_i64(q.offset)));
            return self.run_search(&sql, &args, &q.text);
        };
        let window = self.rank_window;
        let mut hits = Vec::new();
        if q.offset < window {
            // The window: latest passing matches; rank is computed for
            // those rows only.
            let sql = format!(
                "SELECT * FROM ({select}, f.rank AS score {from} ORDER BY f.rowid DESC LIMIT ?) \
                 ORDER BY score, 4 DESC, 1 LIMIT ? OFFSET ?"
            );
            let mut ranked = self.filtered(q, Some(&fts))?.args;
            ranked.push(Box::new(to_i64(window)));
            ranked.push(Box::new(to_i64(limit.min(window - q.offset))));
            ranked.push(Box::new(to_i64(q.offset)));
            hits = self.run_search(&sql, &ranked, &q.text)?;
        }
        let wanted_end = q.offset.saturating_add(limit);
        if wanted_end > window && hits.len() == limit.min(window.saturating_sub(q.offset)) {
            // Past the window: the older matches, newest stored first.
            let start = q.offset.max(window);
            let sql = format!("{select} {from} ORDER BY f.rowid DESC LIMIT ? OFFSET ?");
            args.push(Box::new(to_i64(wanted_end - start)));
            args.push(Box::new(to_i64(start)));
            hits.extend(self.run_search(&sql, &args, &q.text)?);
        }
        self.add_matches(&fts, &mut hits)?;
        Ok(hits)
    }

    /// Oldest publication first, undated documents after the dated ones
    /// (each part in its index's order, never a sort of every match).
    fn oldest_first(
        &self,
        q: &Query,
        select: &str,
        fts: Option<&str>,
    ) -> Result<Vec<Hit>, StoreError> {
        let to_i64 = |n: usize| i64::try_from(n).unwrap_or(i64::MAX);
        let limit = q.limit.max(1);
        let Filtered { from, mut args } = self.filtered(q, fts)?;
        let sql = format!(
            "{select} {from} AND d.published IS NOT NULL \
             ORDER BY d.published, d.id, a.id LIMIT ? OFFSET ?"
        );
        args.push(Box::new(to_i64(limit)));
        args.push(Box::new(to_i64(q.offset)));
        let mut hits = self.run_search(&sql, &args, &q.text)?;
        if hits.len() < limit {
            let Filtered { from, mut args } = self.filtered(q, fts)?;
            let dated: i64 = self
                .conn
                .prepare_cached(&format!(
                    "SELECT COUNT(*) {from} AND d.published IS NOT NULL"
                ))?
                .query_row(
                    rusqlite::params_from_iter(args.iter().map(|b| b.as_ref())),
                    |r| r.get(0),
                )
                .map_err(|e| bad_query_error(e, &q.text))?;
            let skip = q.offset.saturating_sub(usize::try_from(dated).unwrap_or(0));
            let sql = format!(
                "{select} {from} AND d.published IS NULL ORDER BY d.id, a.id LIMIT ? OFFSET ?"
            );
            args.push(Box::new(to_i64(limit - hits.len())));
            args.push(Box::new(to_i64(skip)));
            hits.extend(self.run_search(&sql, &args, &q.text)?);
        }
        Ok(hits)
    }

    /// Fills each hit's `matches` from FTS5's `highlight()` of its content.
    fn add_matches(&self, fts: &str, hits: &mut [Hit]) -> Result<(), StoreError> {
        let ids: Vec<i64> = hits.iter().map(|h| h.attribution).collect();
        let mut marked = self.marked_texts("attributions_fts", fts, &ids)?;
        for hit in hits {
            if hit.content.contains([MARK_OPEN, MARK_CLOSE]) {
                continue;
            }
            if let Some(text) = marked.remove(&hit.attribution) {
                hit.matches = match_ranges(&text);
            }
        }
        Ok(())
    }

    /// FTS5's `highlight()` of the first column of `table`'s rows `ids`
    /// for the expression `fts`, by row id (one query for a page).
    pub(crate) fn marked_texts(
        &self,
        table: &str,
        fts: &str,
        ids: &[i64],
    ) -> Result<HashMap<i64, String>, StoreError> {
        if ids.is_empty() {
            return Ok(HashMap::new());
        }
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT rowid, highlight({table}, 0, char(57344), char(57345)) \
             FROM {table} WHERE {table} MATCH ?1 AND rowid IN (SELECT value FROM json_each(?2))"
        ))?;
        let marked = stmt
            .query_map(
                params![fts, serde_json::to_string(ids).unwrap_or_default()],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?
            .collect::<Result<_, _>>()?;
        Ok(marked)
    }

    /// The rows of `from` (with its `args`) counted up to [`COUNT_LIMIT`]
    /// and for at most [`COUNT_BUDGET`]: a rare combination of filters on
    /// a large store would otherwise read every statement to count a few
    /// (200 ms on a million), so the count stops and says "at least".
    /// `text` names the query in errors.
    pub(crate) fn capped_count(
        &self,
        from: &str,
        mut args: Vec<Box<dyn rusqlite::ToSql>>,
        text: &str,
    ) -> Result<Total, StoreError> {
        args.push(Box::new(COUNT_LIMIT as i64 + 1));
        let started = std::time::Instant::now();
        let mut stmt = self
            .conn
            .prepare_cached(&format!("SELECT 1 {from} LIMIT ?"))?;
        let mut rows = stmt
            .query(rusqlite::params_from_iter(args.iter().map(|b| b.as_ref())))
            .map_err(|e| bad_query_error(e, text))?;
        let mut n = 0u64;
        while rows.next().map_err(|e| bad_query_error(e, text))?.is_some() {
            n += 1;
            if n % 64 == 0 && started.elapsed() > COUNT_BUDGET {
                return Ok(Total {
                    count: n,
                    exact: false,
                });
            }
        }
        Ok(Total {
            count: n.min(COUNT_LIMIT),
            exact: n <= COUNT_LIMIT,
        })
    }

    /// How many statements `q` matches (its `limit` and `offset` aside):
    /// exact up to [`COUNT_LIMIT`], else "more than".
    pub fn count(&self, q: &Query) -> Result<Total, StoreError> {
        let fts = fts_expression(&q.text)?;
        let unfiltered = q.speaker.is_none()
            && q.outlet.is_none()
            && q.since.is_none()
            && q.until.is_none()
            && q.kind.is_none()
            && q.anonymous.is_none()
            && q.channel.is_none()
            && q.said_since.is_none()
            && q.said_until.is_none()
            && q.document.is_none()
            && q.week.is_none();
        let Filtered { mut from, args } = self.filtered(q, fts.as_deref())?;
        if unfiltered {
            // Nothing to join: the index alone (a third of the time for a
            // common word).
            from = match fts {
                Some(_) => "FROM attributions_fts WHERE attributions_fts MATCH ?".into(),
                None => "FROM attributions".into(),
            };
        }
        self.capped_count(&from, args, &q.text)
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
                        ordinal: r.get(11)?,
                        matches: Vec::new(),
                        quote: None,
                    })
                },
            )
            .map_err(|e| bad_query_error(e, text))?;
        rows.collect::<Result<_, _>>()
            .map_err(|e| bad_query_error(e, text))
    }
}

/// SQLite's complaint about a text query as a [`StoreError::BadQuery`]
/// (the translation should leave none; this names the query if it does).
pub(crate) fn bad_query_error(e: rusqlite::Error, text: &str) -> StoreError {
    match &e {
        rusqlite::Error::SqliteFailure(f, Some(msg))
            if f.code == rusqlite::ErrorCode::Unknown && !text.trim().is_empty() =>
        {
            StoreError::BadQuery {
                query: text.to_string(),
                reason: msg.clone(),
            }
        }
        _ => StoreError::from(e),
    }
}

/// The `[start, end)` code point ranges between the marks of a
/// highlighted text, in the unmarked text's coordinates.
pub(crate) fn match_ranges(marked: &str) -> Vec<[usize; 2]> {
    let mut out = Vec::new();
    let mut at = 0;
    let mut open = None;
    for c in marked.chars() {
        match c {
            MARK_OPEN => open = Some(at),
            MARK_CLOSE => {
                if let Some(start) = open.take() {
                    out.push([start, at]);
                }
            }
            _ => at += 1,
        }
    }
    out
}

pub(crate) fn like(s: &str) -> String {
    let escaped = s
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn match_ranges_are_code_points_of_the_unmarked_text() {
        let marked = "Ó \u{E000}emails\u{E001} and \u{E000}e\u{E001}-\u{E000}mail\u{E001}";
        assert_eq!(match_ranges(marked), [[2, 8], [13, 14], [15, 19]]);
        assert!(match_ranges("no marks").is_empty());
    }
}
