//! Flat statements: one row per attribution, with its document and speaker.

use serde::Serialize;
use whosaid::resolve::ResolvedAttribution;
use whosaid::{Account, Attribution, Span};
use whosaid_ingest::Metadata;

use crate::Found;

/// One statement (attribution), flat. Offsets are Unicode code points in
/// the document's text, end exclusive: the first part's start to the last
/// part's end.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct StatementRow {
    /// The document's id.
    pub document: String,
    /// Position among the document's statements (0-based).
    pub ordinal: i64,
    /// Document URL.
    pub url: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// Publication date, `YYYY-MM-DD`.
    pub published: Option<String>,
    /// The speaker's name (absent without resolution, or when the text
    /// names no source).
    pub speaker: Option<String>,
    /// person, organization, media, group.
    pub speaker_kind: Option<String>,
    /// Whether the speaker is unnamed ("a source").
    pub anonymous: Option<bool>,
    /// Bodies the speaker is affiliated with, `; `-separated.
    pub affiliation: Option<String>,
    /// The source as written (parts joined by ` … `).
    pub source: Option<String>,
    /// The cue ("said", "according to", ":").
    pub cue: Option<String>,
    /// What was said (parts joined by ` … `).
    pub content: Option<String>,
    /// direct, indirect or mixed.
    pub kind: Option<String>,
    /// How it reached the outlet, `; `-separated ("interview via Bloomberg
    /// TV; relay via Interfax-Ukraine").
    pub channel: Option<String>,
    /// When it was said (`YYYY-MM-DD` or coarser), when the text says.
    pub time: Option<String>,
    /// Whether it sits inside another statement's content.
    pub nested: Option<bool>,
    /// See the type's documentation.
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
    /// Why the record gave no statements; every column but `document` and
    /// `ordinal` is empty on such a row.
    pub error: Option<String>,
}

/// The rows of one document's statements, in text order.
pub fn statement_rows(meta: &Metadata, found: Found<'_>) -> Vec<StatementRow> {
    let base = StatementRow {
        document: meta.id.clone(),
        url: meta.url.clone(),
        title: meta.title.clone(),
        outlet: meta.outlet.clone(),
        published: meta.published.map(|d| d.to_string()),
        ..StatementRow::default()
    };
    match found {
        Found::Attributions { attributions } => attributions
            .iter()
            .enumerate()
            .map(|(ordinal, a)| row(&base, ordinal, a))
            .collect(),
        Found::Account(account) => account
            .attributions
            .iter()
            .enumerate()
            .map(|(ordinal, a)| resolved_row(&base, ordinal, account, a))
            .collect(),
    }
}

/// The row of a record that failed: its id and why.
pub fn error_row(document: &str, reason: &str) -> StatementRow {
    StatementRow {
        document: document.to_string(),
        error: Some(reason.to_string()),
        ..StatementRow::default()
    }
}

fn row(base: &StatementRow, ordinal: usize, a: &Attribution) -> StatementRow {
    let (source_start, source_end) = extent(&a.source);
    let (cue_start, cue_end) = extent(&a.cue);
    let (content_start, content_end) = extent(&a.content);
    StatementRow {
        ordinal: ordinal as i64,
        source: Some(joined(&a.source)),
        cue: Some(joined(&a.cue)),
        content: Some(joined(&a.content)),
        kind: Some(a.kind.as_str().to_string()),
        source_start,
        source_end,
        cue_start,
        cue_end,
        content_start,
        content_end,
        ..base.clone()
    }
}

fn resolved_row(
    base: &StatementRow,
    ordinal: usize,
    account: &Account,
    a: &ResolvedAttribution,
) -> StatementRow {
    let mut out = row(base, ordinal, &a.attribution);
    if let Some(s) = a.speaker.and_then(|k| account.speakers.get(k)) {
        out.speaker = Some(s.name.clone());
        out.speaker_kind = Some(s.kind.as_str().to_string());
        out.anonymous = Some(s.anonymous);
        out.affiliation = (!s.affiliations.is_empty()).then(|| s.affiliations.join("; "));
    }
    let channels: Vec<String> = a
        .channel
        .iter()
        .map(|c| {
            let kind = c.kind.as_str().replace('_', " ");
            match &c.via {
                Some(via) => format!("{kind} via {via}"),
                None => kind,
            }
        })
        .collect();
    out.channel = (!channels.is_empty()).then(|| channels.join("; "));
    out.time = a.time.as_ref().and_then(|t| t.value.clone());
    out.nested = Some(a.nested_in.is_some());
    out
}

/// Parts joined by ` … `, as the store's statements table has them.
fn joined(spans: &[Span]) -> String {
    spans
        .iter()
        .map(|s| s.text.as_str())
        .collect::<Vec<_>>()
        .join(" … ")
}

fn extent(spans: &[Span]) -> (Option<i64>, Option<i64>) {
    (
        spans.first().map(|s| s.start as i64),
        spans.last().map(|s| s.end as i64),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use whosaid::{DocumentInfo, Extractor};

    fn meta() -> Metadata {
        Metadata {
            id: "doc-1".into(),
            url: Some("https://example.com/a".into()),
            published: whosaid_ingest::parse_date("2024-05-03"),
            byline: None,
            ..Metadata::default()
        }
    }

    #[test]
    fn a_resolved_statement_is_one_row_with_its_speaker_and_offsets() {
        let text = "“We will not back down,” Mayor Jane Roe told reporters on Friday.";
        let account = Extractor::builtin().analyze(
            text,
            &DocumentInfo {
                published: whosaid_ingest::parse_date("2024-05-03"),
                byline: None,
            },
        );
        let rows = statement_rows(&meta(), Found::Account(&account));
        assert_eq!(rows.len(), 1, "{rows:#?}");
        let r = &rows[0];
        assert_eq!(r.document, "doc-1");
        assert_eq!(r.published.as_deref(), Some("2024-05-03"));
        assert_eq!(r.speaker.as_deref(), Some("Jane Roe"));
        assert_eq!(r.speaker_kind.as_deref(), Some("person"));
        assert_eq!(r.anonymous, Some(false));
        assert_eq!(r.kind.as_deref(), Some("direct"));
        assert_eq!(r.channel.as_deref(), Some("told via reporters"));
        assert_eq!(r.time.as_deref(), Some("2024-05-03"));
        // Offsets are code points: the curly quotes count one each.
        let chars: Vec<char> = text.chars().collect();
        let cut = |s: Option<i64>, e: Option<i64>| -> String {
            chars[s.unwrap() as usize..e.unwrap() as usize]
                .iter()
                .collect()
        };
        assert_eq!(
            cut(r.content_start, r.content_end),
            r.content.clone().unwrap()
        );
        assert_eq!(cut(r.cue_start, r.cue_end), "told");
        assert!(r.error.is_none());
    }

    #[test]
    fn attributions_alone_leave_the_speaker_columns_empty() {
        let text = "“We will not back down,” Jane Roe said.";
        let attributions = Extractor::builtin().extract(text);
        let rows = statement_rows(
            &meta(),
            Found::Attributions {
                attributions: &attributions,
            },
        );
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].source.as_deref(), Some("Jane Roe"));
        assert!(rows[0].speaker.is_none() && rows[0].nested.is_none());
    }

    #[test]
    fn an_error_row_names_the_document_and_the_reason() {
        let r = error_row("rec-7", "not valid UTF-8");
        assert_eq!(r.document, "rec-7");
        assert_eq!(r.error.as_deref(), Some("not valid UTF-8"));
        assert!(r.content.is_none() && r.kind.is_none());
    }
}
