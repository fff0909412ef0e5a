//! Reading clusters back: the most carried quotes, one quote in full, and
//! the quote a statement belongs to.

use std::collections::HashMap;

use rusqlite::{params_from_iter, types::Value, OptionalExtension};
use serde::Serialize;

use super::diff::{word_diff, DiffOp};
use super::normalize::normalize;
use crate::{Store, StoreError};

/// Which quotes to list.
#[derive(Debug, Clone)]
pub struct QuoteQuery {
    /// Words the quote holds (any of its wordings, normalized).
    pub text: String,
    /// Only quotes some outlet gave to this speaker (id or exact name).
    pub speaker: Option<String>,
    /// Only quotes carried by an outlet whose name holds this.
    pub outlet: Option<String>,
    /// First seen on or after this date (`YYYY-MM-DD`).
    pub since: Option<String>,
    /// First seen on or before this date.
    pub until: Option<String>,
    /// Fewest documents carrying the quote (2: quotes carried more than
    /// once).
    pub min_documents: usize,
    /// Only quotes given to different speakers (or to one and to nobody).
    pub conflicts: bool,
    /// Only quotes with more than one wording.
    pub variants: bool,
    /// Most quotes.
    pub limit: usize,
    /// Quotes skipped.
    pub offset: usize,
}

impl Default for QuoteQuery {
    fn default() -> Self {
        QuoteQuery {
            text: String::new(),
            speaker: None,
            outlet: None,
            since: None,
            until: None,
            min_documents: 2,
            conflicts: false,
            variants: false,
            limit: 20,
            offset: 0,
        }
    }
}

/// One quote, in short: what a list shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteSummary {
    /// The cluster's id (its earliest-stored statement's id).
    pub id: i64,
    /// The most common wording (ties: the longer, then the earliest).
    pub canonical: String,
    /// Statements carrying it.
    pub statements: i64,
    /// Documents carrying it.
    pub documents: i64,
    /// Outlets carrying it.
    pub outlets: i64,
    /// Earliest publication date among its documents.
    pub first_published: Option<String>,
    /// The document it first appeared in (earliest date, then first stored).
    pub first_document: String,
    /// That document's outlet.
    pub first_outlet: Option<String>,
    /// Distinct wordings.
    pub variants: usize,
    /// Whether outlets give it to different speakers, or to one and to
    /// nobody.
    pub conflicting: bool,
    /// The speakers it is given to, most often first (`None`: no speaker).
    pub speakers: Vec<QuoteSpeaker>,
}

/// A speaker a quote is given to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuoteSpeaker {
    /// Speaker id; absent where the statement has no speaker.
    pub speaker_id: Option<i64>,
    /// Name.
    pub name: Option<String>,
    /// Statements giving the quote to this speaker.
    pub statements: i64,
}

/// One appearance of a quote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Appearance {
    /// The statement's id.
    pub statement: i64,
    /// Its position in its document (the article page's anchor `#s{n+1}`).
    pub ordinal: i64,
    /// The document's id.
    pub document: String,
    /// URL.
    pub url: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// Publication date.
    pub published: Option<String>,
    /// The speaker the document gives it to.
    pub speaker_id: Option<i64>,
    /// Speaker name.
    pub speaker: Option<String>,
    /// The quoted words as this document has them.
    pub wording: String,
    /// Index into [`QuoteDetail::variants`] (0: the canonical wording).
    pub variant: usize,
}

/// One wording of a quote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Variant {
    /// The wording (its first appearance's).
    pub wording: String,
    /// Statements with this wording.
    pub statements: i64,
    /// The words changed against the canonical wording (empty for it).
    pub diff: Vec<DiffOp>,
}

/// One quote in full.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteDetail {
    /// The summary.
    #[serde(flatten)]
    pub summary: QuoteSummary,
    /// Every appearance, earliest first.
    pub appearances: Vec<Appearance>,
    /// Its wordings, the canonical first, then the most common.
    pub variants: Vec<Variant>,
}

/// How many quotes the store follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct QuoteTotals {
    /// Statements with quoted words long enough to follow.
    pub quoted_statements: i64,
    /// Clusters (a quote carried once is a cluster of one).
    pub clusters: i64,
    /// Clusters carried by two documents or more.
    pub carried: i64,
    /// Clusters carried by two outlets or more.
    pub across_outlets: i64,
}

/// The quote a statement belongs to, for a link from the statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatementQuote {
    /// The cluster's id.
    pub quote: i64,
    /// Documents carrying it.
    pub documents: i64,
    /// Outlets carrying it.
    pub outlets: i64,
    /// Earliest publication date.
    pub first_published: Option<String>,
}

impl Store {
    /// The most carried quotes: most outlets, then most documents, then
    /// first seen.
    pub fn quotes(&self, q: &QuoteQuery) -> Result<Vec<QuoteSummary>, StoreError> {
        let mut sql = String::from("SELECT c.id FROM quote_clusters c WHERE c.documents >= ?");
        let mut args: Vec<Value> = vec![Value::Integer(q.min_documents.max(1) as i64)];
        let norm = normalize(&q.text);
        if !norm.is_empty() {
            sql.push_str(
                " AND EXISTS (SELECT 1 FROM quote_members m WHERE m.cluster_id = c.id \
                 AND instr(' ' || m.norm || ' ', ' ' || ? || ' ') > 0)",
            );
            args.push(Value::Text(norm));
        }
        if let Some(name) = &q.speaker {
            let ids = self.speakers_named(name)?;
            let list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
            sql.push_str(&format!(
                " AND EXISTS (SELECT 1 FROM quote_members m JOIN attributions a ON a.id = m.attribution_id \
                 WHERE m.cluster_id = c.id AND a.speaker_id IN ({list}))"
            ));
        }
        if let Some(outlet) = &q.outlet {
            sql.push_str(
                " AND EXISTS (SELECT 1 FROM quote_members m JOIN attributions a ON a.id = m.attribution_id \
                 JOIN documents d ON d.id = a.document_id JOIN outlets o ON o.id = d.outlet_id \
                 WHERE m.cluster_id = c.id AND instr(lower(o.name), lower(?)) > 0)",
            );
            args.push(Value::Text(outlet.clone()));
        }
        if let Some(since) = &q.since {
            sql.push_str(" AND c.first_published >= ?");
            args.push(Value::Text(since.clone()));
        }
        if let Some(until) = &q.until {
            sql.push_str(" AND c.first_published <= ?");
            args.push(Value::Text(until.clone()));
        }
        if q.conflicts {
            sql.push_str(
                " AND (SELECT COUNT(DISTINCT COALESCE(a.speaker_id, -1)) FROM quote_members m \
                 JOIN attributions a ON a.id = m.attribution_id WHERE m.cluster_id = c.id) > 1",
            );
        }
        if q.variants {
            sql.push_str(
                " AND (SELECT COUNT(DISTINCT m.norm) FROM quote_members m WHERE m.cluster_id = c.id) > 1",
            );
        }
        sql.push_str(
            " ORDER BY c.outlets DESC, c.documents DESC, c.first_published, c.id LIMIT ? OFFSET ?",
        );
        args.push(Value::Integer(q.limit as i64));
        args.push(Value::Integer(q.offset as i64));
        let ids: Vec<i64> = {
            let mut stmt = self.conn.prepare(&sql)?;
            let rows = stmt.query_map(params_from_iter(args), |r| r.get(0))?;
            rows.collect::<Result<_, _>>()?
        };
        ids.into_iter()
            .map(|id| Ok(self.quote_detail(id)?.map(|d| d.summary)))
            .filter_map(Result::transpose)
            .collect()
    }

    /// How many quotes are followed, carried, and carried across outlets.
    pub fn quote_totals(&self) -> Result<QuoteTotals, StoreError> {
        Ok(self.conn.query_row(
            "SELECT (SELECT COUNT(*) FROM quote_members), COUNT(*),              COALESCE(SUM(documents >= 2), 0), COALESCE(SUM(outlets >= 2), 0) FROM quote_clusters",
            [],
            |r| {
                Ok(QuoteTotals {
                    quoted_statements: r.get(0)?,
                    clusters: r.get(1)?,
                    carried: r.get(2)?,
                    across_outlets: r.get(3)?,
                })
            },
        )?)
    }

    /// One quote in full, or `None` when no quote has this id.
    pub fn quote(&self, id: i64) -> Result<Option<QuoteDetail>, StoreError> {
        self.quote_detail(id)
    }

    /// The quote a statement belongs to, when it is carried by more than
    /// one document.
    pub fn statement_quote(&self, statement: i64) -> Result<Option<StatementQuote>, StoreError> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT c.id, c.documents, c.outlets, c.first_published FROM quote_members m \
                 JOIN quote_clusters c ON c.id = m.cluster_id \
                 WHERE m.attribution_id = ?1 AND c.documents > 1",
            )?
            .query_row([statement], |r| {
                Ok(StatementQuote {
                    quote: r.get(0)?,
                    documents: r.get(1)?,
                    outlets: r.get(2)?,
                    first_published: r.get(3)?,
                })
            })
            .optional()?)
    }

    /// The statements of a document that other documents carry too, by
    /// their position in the document (ordinal), in order.
    pub fn document_quotes(
        &self,
        document: &str,
    ) -> Result<Vec<(i64, StatementQuote)>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.ord, c.id, c.documents, c.outlets, c.first_published              FROM attributions a JOIN quote_members m ON m.attribution_id = a.id              JOIN quote_clusters c ON c.id = m.cluster_id              WHERE a.document_id = (SELECT id FROM documents WHERE ext_id = ?1 ORDER BY id LIMIT 1)              AND c.documents > 1 ORDER BY a.ord",
        )?;
        let rows = stmt.query_map([document], |r| {
            Ok((
                r.get(0)?,
                StatementQuote {
                    quote: r.get(1)?,
                    documents: r.get(2)?,
                    outlets: r.get(3)?,
                    first_published: r.get(4)?,
                },
            ))
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Clusters every stored quote again (after changing the rules, or to
    /// repair): `whosaid quotes rebuild`.
    pub fn rebuild_quotes(&mut self) -> Result<(), StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        super::rebuild(&tx)?;
        tx.commit()?;
        Ok(())
    }

    fn quote_detail(&self, id: i64) -> Result<Option<QuoteDetail>, StoreError> {
        struct Row {
            appearance: Appearance,
            norm: String,
        }
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.id, a.ord, d.ext_id, d.url, d.title, o.name, d.published, a.speaker_id, s.name, \
             m.wording, m.norm \
             FROM quote_members m JOIN attributions a ON a.id = m.attribution_id \
             JOIN documents d ON d.id = a.document_id LEFT JOIN outlets o ON o.id = d.outlet_id \
             LEFT JOIN speakers s ON s.id = a.speaker_id \
             WHERE m.cluster_id = ?1 \
             ORDER BY d.published IS NULL, d.published, d.id, a.id",
        )?;
        let rows = stmt.query_map([id], |r| {
            Ok(Row {
                appearance: Appearance {
                    statement: r.get(0)?,
                    ordinal: r.get(1)?,
                    document: r.get(2)?,
                    url: r.get(3)?,
                    title: r.get(4)?,
                    outlet: r.get(5)?,
                    published: r.get(6)?,
                    speaker_id: r.get(7)?,
                    speaker: r.get(8)?,
                    wording: r.get(9)?,
                    variant: 0,
                },
                norm: r.get(10)?,
            })
        })?;
        let mut rows: Vec<Row> = rows.collect::<Result<_, _>>()?;
        let Some(first) = rows.first() else {
            return Ok(None);
        };
        let (first_document, first_outlet, first_published) = (
            first.appearance.document.clone(),
            first.appearance.outlet.clone(),
            first.appearance.published.clone(),
        );
        // Wordings by normalized form, in order of first appearance.
        let mut order: Vec<&str> = Vec::new();
        let mut counts: HashMap<&str, (i64, usize)> = HashMap::new();
        for (i, row) in rows.iter().enumerate() {
            let entry = counts.entry(row.norm.as_str()).or_insert_with(|| {
                order.push(row.norm.as_str());
                (0, i)
            });
            entry.0 += 1;
        }
        let mut ranked = order.clone();
        ranked.sort_by(|a, b| {
            let (ca, fa) = counts[a];
            let (cb, fb) = counts[b];
            cb.cmp(&ca).then(b.len().cmp(&a.len())).then(fa.cmp(&fb))
        });
        let canonical = rows[counts[ranked[0]].1].appearance.wording.clone();
        let variants: Vec<Variant> = ranked
            .iter()
            .enumerate()
            .map(|(k, norm)| {
                let (statements, first) = counts[norm];
                let wording = rows[first].appearance.wording.clone();
                let diff = if k == 0 {
                    Vec::new()
                } else {
                    word_diff(&canonical, &wording)
                };
                Variant {
                    wording,
                    statements,
                    diff,
                }
            })
            .collect();
        let index: HashMap<String, usize> = ranked
            .iter()
            .enumerate()
            .map(|(k, n)| (n.to_string(), k))
            .collect();
        let mut speakers: Vec<QuoteSpeaker> = Vec::new();
        for row in &mut rows {
            row.appearance.variant = index[&row.norm];
            let a = &row.appearance;
            match speakers.iter_mut().find(|s| s.speaker_id == a.speaker_id) {
                Some(s) => s.statements += 1,
                None => speakers.push(QuoteSpeaker {
                    speaker_id: a.speaker_id,
                    name: a.speaker.clone(),
                    statements: 1,
                }),
            }
        }
        speakers.sort_by_key(|s| std::cmp::Reverse(s.statements));
        let appearances: Vec<Appearance> = rows.into_iter().map(|r| r.appearance).collect();
        let mut documents: Vec<&str> = appearances.iter().map(|a| a.document.as_str()).collect();
        documents.sort_unstable();
        documents.dedup();
        let mut outlets: Vec<&str> = appearances
            .iter()
            .filter_map(|a| a.outlet.as_deref())
            .collect();
        outlets.sort_unstable();
        outlets.dedup();
        let summary = QuoteSummary {
            id,
            canonical,
            statements: appearances.len() as i64,
            documents: documents.len() as i64,
            outlets: outlets.len() as i64,
            first_published,
            first_document,
            first_outlet,
            variants: variants.len(),
            conflicting: speakers.len() > 1,
            speakers,
        };
        Ok(Some(QuoteDetail {
            summary,
            appearances,
            variants,
        }))
    }
}
