//! The outlets' own assertions (sentences and clauses no one is said to
//! have said), searched like statements: the same forgiving queries, word
//! forms, marks, totals and paging.

use super::search::{bad_query_error, fts_expression, like, match_ranges, Total};
use super::*;

/// One assertion found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AssertionHit {
    /// The assertion's id.
    pub assertion: i64,
    /// The document's id.
    pub document: String,
    /// Headline.
    pub title: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// Publication date.
    pub published: Option<String>,
    /// What the outlet asserts.
    pub text: String,
    /// Where it stands in the document, Unicode code points.
    pub start: i64,
    /// See `start`.
    pub end: i64,
    /// Whether it is a whole sentence (else a clause).
    pub whole_sentence: bool,
    /// Where the query's words match in `text` (code points).
    pub matches: Vec<[usize; 2]>,
}

/// What to look for among the assertions.
#[derive(Debug, Clone, Default)]
pub struct AssertionQuery {
    /// Words, as for [`Query::text`] (empty: the newest).
    pub text: String,
    /// Outlet name (case-insensitive substring).
    pub outlet: Option<String>,
    /// Earliest publication date, `YYYY-MM-DD`.
    pub since: Option<String>,
    /// Latest publication date, `YYYY-MM-DD`.
    pub until: Option<String>,
    /// Only this document (its id).
    pub document: Option<String>,
    /// Most hits.
    pub limit: usize,
    /// Hits skipped.
    pub offset: usize,
}

impl Store {
    /// `FROM … WHERE …` of an assertion query and its arguments.
    fn assertion_rows(
        &self,
        q: &AssertionQuery,
        fts: Option<&str>,
    ) -> (String, Vec<Box<dyn rusqlite::ToSql>>) {
        let mut args: Vec<Box<dyn rusqlite::ToSql>> = Vec::new();
        let joins =
            "JOIN documents d ON d.id = t.document_id LEFT JOIN outlets o ON o.id = d.outlet_id";
        let mut from = match fts {
            Some(fts) => {
                args.push(Box::new(fts.to_string()));
                format!(
                    "FROM assertions_fts f JOIN assertions t ON t.id = f.rowid {joins} \
                     WHERE assertions_fts MATCH ?"
                )
            }
            None => format!("FROM assertions t {joins} WHERE 1"),
        };
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
        if let Some(doc) = &q.document {
            from.push_str(" AND d.ext_id = ?");
            args.push(Box::new(doc.clone()));
        }
        (from, args)
    }

    /// The outlets' own assertions matching `q`: best matches first with
    /// words, else newest first; each with where its words match.
    pub fn search_assertions(&self, q: &AssertionQuery) -> Result<Vec<AssertionHit>, StoreError> {
        let fts = fts_expression(&q.text)?;
        let (from, mut args) = self.assertion_rows(q, fts.as_deref());
        let order = match fts {
            Some(_) => "f.rank, d.published DESC, t.id",
            None => "d.published DESC, d.id DESC, t.ord",
        };
        let sql = format!(
            "SELECT t.id, d.ext_id, d.title, o.name, d.published, t.text, t.start, t.end, \
             t.whole_sentence {from} ORDER BY {order} LIMIT ? OFFSET ?"
        );
        let as_i64 = |n: usize| i64::try_from(n).unwrap_or(i64::MAX);
        args.push(Box::new(as_i64(q.limit.max(1))));
        args.push(Box::new(as_i64(q.offset)));
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt
            .query_map(
                rusqlite::params_from_iter(args.iter().map(|b| b.as_ref())),
                |r| {
                    Ok(AssertionHit {
                        assertion: r.get(0)?,
                        document: r.get(1)?,
                        title: r.get(2)?,
                        outlet: r.get(3)?,
                        published: r.get(4)?,
                        text: r.get(5)?,
                        start: r.get(6)?,
                        end: r.get(7)?,
                        whole_sentence: r.get::<_, i64>(8)? != 0,
                        matches: Vec::new(),
                    })
                },
            )
            .map_err(|e| bad_query_error(e, &q.text))?;
        let mut hits: Vec<AssertionHit> = rows
            .collect::<Result<_, _>>()
            .map_err(|e| bad_query_error(e, &q.text))?;
        if let Some(fts) = fts {
            let ids: Vec<i64> = hits.iter().map(|h| h.assertion).collect();
            let mut marked = self.marked_texts("assertions_fts", &fts, &ids)?;
            for hit in &mut hits {
                if let Some(text) = marked.remove(&hit.assertion) {
                    hit.matches = match_ranges(&text);
                }
            }
        }
        Ok(hits)
    }

    /// How many assertions `q` matches, as [`Store::count`] counts.
    pub fn count_assertions(&self, q: &AssertionQuery) -> Result<Total, StoreError> {
        let fts = fts_expression(&q.text)?;
        let (from, args) = self.assertion_rows(q, fts.as_deref());
        self.capped_count(&from, args, &q.text)
    }
}
