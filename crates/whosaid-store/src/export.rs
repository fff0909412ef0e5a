//! The store as flat tables for analysis elsewhere (`whosaid export`,
//! `search --format csv`): one row per statement, per speaker and per
//! document, with the ids that join them.

use super::*;
use std::collections::HashMap;

/// A SQLite result as the store's.
fn db<T>(r: rusqlite::Result<T>) -> Result<T, StoreError> {
    r.map_err(StoreError::from)
}

/// The type of an exported column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnType {
    /// UTF-8 text.
    Text,
    /// 64-bit integer.
    Integer,
    /// true/false.
    Bool,
}

/// An exported column: its name (the field's in the row's JSON), its
/// type, whether it may be empty.
pub type Column = (&'static str, ColumnType, bool);

use ColumnType::{Bool, Integer, Text};

/// The columns of [`StatementRow`], in order.
pub const STATEMENT_COLUMNS: &[Column] = &[
    ("statement_id", Integer, false),
    ("document", Text, false),
    ("ordinal", Integer, false),
    ("url", Text, true),
    ("title", Text, true),
    ("outlet", Text, true),
    ("published", Text, true),
    ("speaker_id", Integer, true),
    ("speaker", Text, true),
    ("speaker_kind", Text, true),
    ("anonymous", Bool, false),
    ("affiliation", Text, true),
    ("source", Text, false),
    ("cue", Text, false),
    ("content", Text, false),
    ("kind", Text, false),
    ("channel", Text, true),
    ("time", Text, true),
    ("nested", Bool, false),
    ("source_start", Integer, true),
    ("source_end", Integer, true),
    ("cue_start", Integer, true),
    ("cue_end", Integer, true),
    ("content_start", Integer, true),
    ("content_end", Integer, true),
];

/// The columns of [`SpeakerRow`], in order.
pub const SPEAKER_COLUMNS: &[Column] = &[
    ("speaker_id", Integer, false),
    ("name", Text, false),
    ("kind", Text, false),
    ("anonymous", Bool, false),
    ("statements", Integer, false),
    ("documents", Integer, false),
    ("aliases", Text, true),
    ("affiliation", Text, true),
];

/// The columns of [`DocumentRow`], in order.
pub const DOCUMENT_COLUMNS: &[Column] = &[
    ("document", Text, false),
    ("url", Text, true),
    ("title", Text, true),
    ("outlet", Text, true),
    ("byline", Text, true),
    ("published", Text, true),
    ("language", Text, true),
    ("statements", Integer, false),
];

/// One statement (attribution), flat: its document, speaker, parts and
/// where they stand in the document's text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StatementRow {
    /// The statement's id in the store.
    pub statement_id: i64,
    /// The document's id.
    pub document: String,
    /// Its position among the document's statements (0-based).
    pub ordinal: i64,
    /// Document URL.
    pub url: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// Publication date, `YYYY-MM-DD` as given.
    pub published: Option<String>,
    /// The speaker's id (of its group: merged names share it).
    pub speaker_id: Option<i64>,
    /// The speaker's name.
    pub speaker: Option<String>,
    /// person, organization, group, media, unknown.
    pub speaker_kind: Option<String>,
    /// Whether the speaker is unnamed ("a source").
    pub anonymous: bool,
    /// The bodies the speaker is affiliated with, `; `-separated.
    pub affiliation: Option<String>,
    /// The source as written (parts joined by ` … `).
    pub source: String,
    /// The cue ("said", "according to", ":").
    pub cue: String,
    /// What was said (parts joined by ` … `).
    pub content: String,
    /// direct, indirect or mixed.
    pub kind: String,
    /// How it reached the outlet: channel kinds, each with `via` whom,
    /// `; `-separated ("interview via Bloomberg TV; relay via Interfax").
    pub channel: Option<String>,
    /// When it was said (`YYYY-MM-DD`, or coarser), when the text says.
    pub time: Option<String>,
    /// Whether it sits inside another statement's content.
    pub nested: bool,
    /// Offsets in the document text, Unicode code points, end exclusive:
    /// the first source part to the last, the cue, the first content part
    /// to the last.
    pub source_start: Option<i64>,
    /// See `source_start`.
    pub source_end: Option<i64>,
    /// See `source_start`.
    pub cue_start: Option<i64>,
    /// See `source_start`.
    pub cue_end: Option<i64>,
    /// See `source_start`.
    pub content_start: Option<i64>,
    /// See `source_start`.
    pub content_end: Option<i64>,
}

/// One speaker, flat.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SpeakerRow {
    /// The speaker's id.
    pub speaker_id: i64,
    /// Name.
    pub name: String,
    /// person, organization, group, media, unknown.
    pub kind: String,
    /// Unnamed ("a source").
    pub anonymous: bool,
    /// Statements.
    pub statements: i64,
    /// Documents quoting it.
    pub documents: i64,
    /// Other names it goes by, `; `-separated.
    pub aliases: Option<String>,
    /// Bodies it is affiliated with, `; `-separated.
    pub affiliation: Option<String>,
}

/// One document, flat.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentRow {
    /// The document's id.
    pub document: String,
    /// URL.
    pub url: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// Byline.
    pub byline: Option<String>,
    /// Publication date.
    pub published: Option<String>,
    /// Language.
    pub language: Option<String>,
    /// Statements extracted.
    pub statements: i64,
}

/// `items` joined by `; `, none when empty.
fn joined(items: &[String]) -> Option<String> {
    (!items.is_empty()).then(|| items.join("; "))
}

/// The channel column's JSON (a list of `{kind, via}`) as text.
fn channel_text(json: &str) -> Option<String> {
    let list: Vec<serde_json::Value> = serde_json::from_str(json).ok()?;
    let parts: Vec<String> = list
        .iter()
        .filter_map(|c| {
            let kind = c["kind"].as_str()?.replace('_', " ");
            Some(match c["via"].as_str() {
                Some(via) => format!("{kind} via {via}"),
                None => kind,
            })
        })
        .collect();
    joined(&parts)
}

/// First start and last end of a list of spans (`[{start, end}]`).
fn extent(spans: &serde_json::Value) -> (Option<i64>, Option<i64>) {
    let list = spans.as_array().map(Vec::as_slice).unwrap_or_default();
    (
        list.first().and_then(|s| s["start"].as_i64()),
        list.last().and_then(|s| s["end"].as_i64()),
    )
}

impl Store {
    /// Every statement, document by document in storage order, to
    /// `visit`; stops at its first error.
    pub fn export_statements<E: From<StoreError>>(
        &self,
        mut visit: impl FnMut(StatementRow) -> Result<(), E>,
    ) -> Result<(), E> {
        let mut documents = db(self.conn.prepare(
            "SELECT d.id, d.ext_id, d.url, d.title, o.name, d.published, d.text, d.account \
             FROM documents d LEFT JOIN outlets o ON o.id = d.outlet_id ORDER BY d.id",
        ))?;
        let mut statements = db(self.conn.prepare(
            "SELECT a.id, a.ord, s.id, s.name, s.kind, COALESCE(s.anonymous, 0), a.source, a.cue, \
             a.content, a.kind, a.channel, a.time_value, a.nested \
             FROM attributions a LEFT JOIN speakers s ON s.id = a.speaker_id \
             WHERE a.document_id = ?1 ORDER BY a.ord",
        ))?;
        let mut affiliations: HashMap<i64, Option<String>> = HashMap::new();
        let mut rows = db(documents.query([]))?;
        while let Some(d) = db(rows.next())? {
            let id: i64 = db(d.get(0))?;
            let ext_id: String = db(d.get(1))?;
            let text: String = db(d.get(6))?;
            let account = stored::read(db(d.get(7))?, &text)
                .ok_or_else(|| StoreError::UnreadableAccount(ext_id.clone()))?;
            let spans = &account["attributions"];
            let (url, title, outlet, published): (
                Option<String>,
                Option<String>,
                Option<String>,
                Option<String>,
            ) = (db(d.get(2))?, db(d.get(3))?, db(d.get(4))?, db(d.get(5))?);
            let mut found = db(statements.query([id]))?;
            while let Some(a) = db(found.next())? {
                let ordinal: i64 = db(a.get(1))?;
                let speaker_id: Option<i64> = db(a.get(2))?;
                let affiliation = match speaker_id {
                    Some(s) => match affiliations.get(&s) {
                        Some(v) => v.clone(),
                        None => {
                            let v = joined(&self.speaker_affiliations(s)?);
                            affiliations.insert(s, v.clone());
                            v
                        }
                    },
                    None => None,
                };
                let at = &spans[usize::try_from(ordinal).unwrap_or(usize::MAX)];
                let (source_start, source_end) = extent(&at["source"]);
                let (cue_start, cue_end) = extent(&at["cue"]);
                let (content_start, content_end) = extent(&at["content"]);
                let channel: String = db(a.get(10))?;
                visit(StatementRow {
                    statement_id: db(a.get(0))?,
                    document: ext_id.clone(),
                    ordinal,
                    url: url.clone(),
                    title: title.clone(),
                    outlet: outlet.clone(),
                    published: published.clone(),
                    speaker_id,
                    speaker: db(a.get(3))?,
                    speaker_kind: db(a.get(4))?,
                    anonymous: db(a.get::<_, i64>(5))? != 0,
                    affiliation,
                    source: db(a.get(6))?,
                    cue: db(a.get(7))?,
                    content: db(a.get(8))?,
                    kind: db(a.get(9))?,
                    channel: channel_text(&channel),
                    time: db(a.get(11))?,
                    nested: db(a.get::<_, i64>(12))? != 0,
                    source_start,
                    source_end,
                    cue_start,
                    cue_end,
                    content_start,
                    content_end,
                })?;
            }
        }
        Ok(())
    }

    /// The bodies a speaker (group) is affiliated with, sorted.
    fn speaker_affiliations(&self, speaker_id: i64) -> Result<Vec<String>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT DISTINCT f.name FROM speaker_affiliations f JOIN speakers r ON r.id = f.speaker_id \
             WHERE r.canonical_id = ?1 ORDER BY f.name",
        )?;
        let rows = stmt.query_map([speaker_id], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Every speaker with statements, the most quoted first.
    pub fn export_speakers<E: From<StoreError>>(
        &self,
        mut visit: impl FnMut(SpeakerRow) -> Result<(), E>,
    ) -> Result<(), E> {
        const PAGE: usize = 1_000;
        let mut offset = 0;
        loop {
            let page = self.speakers_page(PAGE, offset)?;
            for s in &page {
                visit(SpeakerRow {
                    speaker_id: s.id,
                    name: s.name.clone(),
                    kind: s.kind.clone(),
                    anonymous: s.anonymous,
                    statements: s.statements,
                    documents: s.documents,
                    aliases: joined(&s.aliases),
                    affiliation: joined(&s.affiliations),
                })?;
            }
            if page.len() < PAGE {
                return Ok(());
            }
            offset += PAGE;
        }
    }

    /// Every document, in storage order.
    pub fn export_documents<E: From<StoreError>>(
        &self,
        mut visit: impl FnMut(DocumentRow) -> Result<(), E>,
    ) -> Result<(), E> {
        let mut stmt = db(self.conn.prepare(
            "SELECT d.ext_id, d.url, d.title, o.name, d.byline, d.published, d.language, \
             (SELECT COUNT(*) FROM attributions a WHERE a.document_id = d.id) \
             FROM documents d LEFT JOIN outlets o ON o.id = d.outlet_id ORDER BY d.id",
        ))?;
        let mut rows = db(stmt.query([]))?;
        while let Some(r) = db(rows.next())? {
            let row = (|| {
                Ok::<_, rusqlite::Error>(DocumentRow {
                    document: r.get(0)?,
                    url: r.get(1)?,
                    title: r.get(2)?,
                    outlet: r.get(3)?,
                    byline: r.get(4)?,
                    published: r.get(5)?,
                    language: r.get(6)?,
                    statements: r.get(7)?,
                })
            })();
            visit(db(row)?)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The column lists name every field of their rows, in order (the
    /// CSV and Parquet writers read the rows' JSON by these names).
    #[test]
    fn column_lists_match_the_rows() {
        let names = |v: serde_json::Value| -> Vec<String> {
            v.as_object().unwrap().keys().cloned().collect()
        };
        let mut store = Store::in_memory().unwrap();
        let text =
            "Talks\n\nJohn Smith, an aide to the mayor, said on Friday that the talks failed.";
        let extractor = whosaid::Extractor::builtin();
        let meta = Metadata {
            id: "a".into(),
            ..Default::default()
        };
        let account = extractor.analyze(text, &whosaid::DocumentInfo::default());
        store.add(&meta, text, &account).unwrap();
        let mut statements = Vec::new();
        store
            .export_statements::<StoreError>(|r| {
                statements.push(r);
                Ok(())
            })
            .unwrap();
        assert_eq!(statements.len(), 1);
        let row = &statements[0];
        let content: String = text
            .chars()
            .skip(row.content_start.unwrap() as usize)
            .take((row.content_end.unwrap() - row.content_start.unwrap()) as usize)
            .collect();
        assert_eq!(content, row.content);
        let sorted = |cols: &[Column]| {
            let mut v: Vec<String> = cols.iter().map(|c| c.0.to_string()).collect();
            v.sort();
            v
        };
        let mut fields = names(serde_json::to_value(row).unwrap());
        fields.sort();
        assert_eq!(fields, sorted(STATEMENT_COLUMNS));
        let mut speakers = Vec::new();
        store
            .export_speakers::<StoreError>(|r| {
                speakers.push(r);
                Ok(())
            })
            .unwrap();
        let mut fields = names(serde_json::to_value(&speakers[0]).unwrap());
        fields.sort();
        assert_eq!(fields, sorted(SPEAKER_COLUMNS));
        let mut documents = Vec::new();
        store
            .export_documents::<StoreError>(|r| {
                documents.push(r);
                Ok(())
            })
            .unwrap();
        let mut fields = names(serde_json::to_value(&documents[0]).unwrap());
        fields.sort();
        assert_eq!(fields, sorted(DOCUMENT_COLUMNS));
        assert_eq!(documents[0].statements, 1);
    }
}
