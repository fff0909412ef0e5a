//! Quote pages: the most carried quotes, and one quote across outlets
//! (appearances on a timeline by outlet, wordings with the changed words
//! marked, conflicting speakers called out).

use whosaid_store::{DiffOp, QuoteQuery, StatementQuote};

use super::search::filled;
use super::*;

#[derive(Deserialize, Default)]
pub(super) struct QuotesForm {
    #[serde(default)]
    q: String,
    speaker: Option<String>,
    outlet: Option<String>,
    /// `conflicts`, `variants` or empty.
    only: Option<String>,
    offset: Option<usize>,
}

/// Quotes per page.
const QUOTES_PAGE: usize = 20;

/// "carried by 7 outlets, first on 2016-03-01": the link from a statement
/// to its quote.
pub(super) fn carried(q: &StatementQuote) -> Markup {
    html! {
        a.carried href={ "/quotes/" (q.quote) } {
            "carried by " (q.outlets) @if q.outlets == 1 { " outlet" } @else { " outlets" }
            " in " (q.documents) " documents"
            @if let Some(d) = &q.first_published { ", first on " (d) }
        }
    }
}

pub(super) async fn quotes(
    State(state): State<Arc<AppState>>,
    UrlQuery(form): UrlQuery<QuotesForm>,
) -> Result<Page, Page> {
    let only = filled(&form.only);
    let offset = form.offset.unwrap_or(0);
    let query = QuoteQuery {
        text: form.q.trim().to_string(),
        speaker: filled(&form.speaker),
        outlet: filled(&form.outlet),
        conflicts: only.as_deref() == Some("conflicts"),
        variants: only.as_deref() == Some("variants"),
        limit: QUOTES_PAGE + 1,
        offset,
        ..QuoteQuery::default()
    };
    let q = query.clone();
    let mut list = with_store(&state, move |s| s.quotes(&q)).await?;
    let more = list.len() > QUOTES_PAGE;
    list.truncate(QUOTES_PAGE);
    let field = |v: &Option<String>| v.clone().unwrap_or_default();
    let page_link = |offset: usize| {
        let mut url = format!("/quotes?q={}", urlencode(&query.text));
        for (k, v) in [
            ("speaker", &query.speaker),
            ("outlet", &query.outlet),
            ("only", &only),
        ] {
            if let Some(v) = v {
                url.push_str(&format!("&{k}={}", urlencode(v)));
            }
        }
        url.push_str(&format!("&offset={offset}"));
        url
    };
    let body = html! {
        h1 { "Quotes across outlets" }
        form.search action="/quotes" method="get" {
            label { "Words " input type="search" name="q" value=(query.text); }
            label { "Speaker " input type="text" name="speaker" value=(field(&query.speaker)); }
            label { "Outlet " input type="text" name="outlet" value=(field(&query.outlet)); }
            label { "Show "
                select name="only" {
                    option value="" { "all carried quotes" }
                    option value="conflicts" selected[query.conflicts] { "conflicting speakers" }
                    option value="variants" selected[query.variants] { "changed wordings" }
                }
            }
            button type="submit" { "Find" }
        }
        p.muted { "The same words quoted by several documents (exactly, in part, or with a few words changed), the most outlets first." }
        @if list.is_empty() { p #quote-count { "No quote is carried by more than one document here." } }
        ol.hits #quotes start=(offset + 1) {
            @for q in &list {
                li.hit {
                    blockquote { a href={ "/quotes/" (q.id) } { "“" (q.canonical) "”" } }
                    div.meta {
                        (q.outlets) " outlets · " (q.documents) " documents · first "
                        (q.first_published.as_deref().unwrap_or("undated"))
                        @if let Some(o) = &q.first_outlet { " in " (o) }
                        @if q.variants > 1 { " · " span.tag { (q.variants) " wordings" } }
                        @if q.conflicting { " · " span.tag.conflict { "conflicting speakers" } }
                    }
                    div.source {
                        @for (i, s) in q.speakers.iter().enumerate() {
                            @if i > 0 { ", " }
                            (s.name.as_deref().unwrap_or("no speaker")) " ×" (s.statements)
                        }
                    }
                }
            }
        }
        nav.pages {
            @if offset > 0 { a rel="prev" href=(page_link(offset.saturating_sub(QUOTES_PAGE))) { "← Previous" } }
            @if more { a rel="next" href=(page_link(offset + QUOTES_PAGE)) { "Next →" } }
        }
    };
    Ok(Page(StatusCode::OK, layout("Quotes", body)))
}

pub(super) async fn quote(
    State(state): State<Arc<AppState>>,
    UrlPath(id): UrlPath<i64>,
) -> Result<Page, Page> {
    let Some(q) = with_store(&state, move |s| s.quote(id)).await? else {
        return Err(ApiError(StatusCode::NOT_FOUND, format!("no quote {id}")).into());
    };
    let s = &q.summary;
    // Outlets in order of first appearance, each a row of the timeline.
    let mut outlets: Vec<&str> = Vec::new();
    for a in &q.appearances {
        let o = a.outlet.as_deref().unwrap_or("(no outlet)");
        if !outlets.contains(&o) {
            outlets.push(o);
        }
    }
    let body = html! {
        article.quote {
            h1 { "Quote" }
            blockquote #canonical { "“" (s.canonical) "”" }
            p.meta {
                (s.statements) " statements in " (s.documents) " documents from " (s.outlets) " outlets; first "
                (s.first_published.as_deref().unwrap_or("undated"))
                @if let Some(o) = &s.first_outlet { " in " (o) }
                " ("
                a href={ "/documents/" (urlencode(&s.first_document)) } { (s.first_document) }
                ")."
            }
            section #quote-speakers {
                @if s.conflicting {
                    h2.conflict { "Conflicting attributions" }
                    p.muted { "Outlets give these words to different speakers, or to one and to nobody." }
                } @else {
                    h2 { "Attributed to" }
                }
                ul {
                    @for sp in &s.speakers {
                        li {
                            @match (sp.speaker_id, &sp.name) {
                                (Some(id), Some(name)) => { a href={ "/speakers/" (id) } { (name) } }
                                _ => { span.muted { "no speaker" } }
                            }
                            " — " (sp.statements) @if sp.statements == 1 { " statement" } @else { " statements" }
                        }
                    }
                }
            }
            section #quote-timeline {
                h2 { "Timeline by outlet" }
                table.timeline {
                    thead { tr { th { "Outlet" } th { "Appearances (date, speaker, wording)" } } }
                    tbody {
                        @for o in &outlets {
                            tr {
                                th scope="row" { (o) }
                                td {
                                    @for a in q.appearances.iter().filter(|a| a.outlet.as_deref().unwrap_or("(no outlet)") == *o) {
                                        a.appearance href={ "/documents/" (urlencode(&a.document)) "#s" (a.ordinal + 1) }
                                            title=(a.title.as_deref().unwrap_or(&a.document)) {
                                            span.date { (a.published.as_deref().unwrap_or("undated")) }
                                            " " (a.speaker.as_deref().unwrap_or("no speaker"))
                                            " " span.tag { "v" (a.variant + 1) }
                                        }
                                        " "
                                    }
                                }
                            }
                        }
                    }
                }
            }
            section #quote-variants {
                h2 { "Wordings" }
                ol.variants {
                    @for v in &q.variants {
                        li {
                            span.muted { (v.statements) "×" } " "
                            @if v.diff.is_empty() {
                                "“" (v.wording) "” " span.tag { "canonical" }
                            } @else {
                                (diff_markup(&v.diff))
                            }
                        }
                    }
                }
                p.muted { "Changed words against the canonical wording: " ins { "added" } ", " del { "dropped" } "." }
            }
        }
    };
    Ok(Page(StatusCode::OK, layout("Quote", body)))
}

fn diff_markup(diff: &[DiffOp]) -> Markup {
    html! {
        span.diff {
            @for (i, op) in diff.iter().enumerate() {
                @if i > 0 { " " }
                @match op {
                    DiffOp::Same(t) => { (t) }
                    DiffOp::Added(t) => { ins { (t) } }
                    DiffOp::Removed(t) => { del { (t) } }
                }
            }
        }
    }
}
