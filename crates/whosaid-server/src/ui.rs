//! The web UI: server-rendered pages over the store, served beside the API.
//!
//! Pages are built with `maud`, which escapes every interpolated value, so
//! article text and metadata can never become markup. A strict
//! Content-Security-Policy (scripts and styles from this server only, no
//! inline code) backs that up. The one script (`assets/whosaid.js`) only
//! adds the click-to-pin details panel; everything else works without it.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use axum::extract::{Path as UrlPath, Query as UrlQuery, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use chrono::{Datelike, Duration, NaiveDate};
use maud::{html, Markup, DOCTYPE};
use serde::Deserialize;
use whosaid_store::{Query, StoreError, WeekCount};

use crate::{permit_or_busy, with_store, ApiError, AppState};

const CSS: &str = include_str!("../assets/whosaid.css");
const JS: &str = include_str!("../assets/whosaid.js");

/// Content-Security-Policy of every page: nothing inline, nothing remote.
const CSP: &str = "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; \
                   base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// Results per search page.
const PAGE: usize = 25;
/// Speaker colours in the stylesheet (`sp0` … `sp11`).
const PALETTE: usize = 12;
/// Outlet colours of the timeline plot.
const OUTLET_COLORS: [&str; 10] = [
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
    "#9c755f", "#bab0ac",
];

/// The UI routes; merged into the API router by [`crate::router_with`].
pub(crate) fn routes() -> Router<Arc<AppState>> {
    Router::new()
        .route("/", get(overview))
        .route("/search", get(search))
        .route("/documents/{id}", get(document))
        .route("/speakers", get(speakers))
        .route("/speakers/{id}", get(speaker))
        .route("/favicon.ico", get(|| async { StatusCode::NO_CONTENT }))
        .route("/static/whosaid.css", get(|| asset(CSS, "text/css")))
        .route("/static/whosaid.js", get(|| asset(JS, "text/javascript")))
}

/// An error as a page (unknown paths outside the API).
pub(crate) fn error_page(e: ApiError) -> Response {
    Page::from(e).into_response()
}

async fn asset(body: &'static str, mime: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, mime),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        body,
    )
        .into_response()
}

/// A rendered page with its status and security headers.
struct Page(StatusCode, Markup);

impl IntoResponse for Page {
    fn into_response(self) -> Response {
        let mut r = (self.0, Html(self.1.into_string())).into_response();
        let h = r.headers_mut();
        h.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CSP),
        );
        h.insert(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        );
        h.insert(
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        );
        r
    }
}

/// An error shown as a page instead of JSON.
impl From<ApiError> for Page {
    fn from(e: ApiError) -> Self {
        let title = e.0.canonical_reason().unwrap_or("Error");
        Page(
            e.0,
            layout(
                title,
                html! {
                    h1 { (title) }
                    p.error { (e.1) }
                    p { a href="/" { "Back to the overview" } }
                },
            ),
        )
    }
}

impl From<StoreError> for Page {
    fn from(e: StoreError) -> Self {
        Page::from(ApiError::from(e))
    }
}

/// The frame of every page: header, navigation, search box.
fn layout(title: &str, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · whosaid" }
                link rel="stylesheet" href="/static/whosaid.css";
                script src="/static/whosaid.js" defer {}
            }
            body {
                header.top {
                    a.brand href="/" { "whosaid" }
                    nav {
                        a href="/" { "Overview" }
                        a href="/search" { "Search" }
                        a href="/speakers" { "Speakers" }
                    }
                    form.quick action="/search" method="get" role="search" {
                        input type="search" name="q" placeholder="Search statements" aria-label="Search statements";
                    }
                }
                main { (body) }
                footer { "who said what, when, through whom — and what the outlet asserts on its own" }
            }
        }
    }
}

fn pct(x: f64) -> String {
    format!("{:.1}%", x * 100.0)
}

async fn overview(State(state): State<Arc<AppState>>) -> Result<Page, Page> {
    let (totals, speakers, outlets, docs) = with_store(&state, |s| {
        Ok((
            s.totals()?,
            s.speakers(15)?,
            s.outlets(15)?,
            s.recent_documents(15, 0)?,
        ))
    })
    .await?;
    let body = html! {
        h1 { "Corpus overview" }
        section.cards {
            div.card { span.n #documents { (totals.documents) } " documents" }
            div.card { span.n #attributions { (totals.attributions) } " attributions" }
            div.card { span.n { (totals.speakers) } " speakers" }
            div.card { span.n #anonymous-share { (pct(totals.anonymous_share)) } " anonymous" }
        }
        div.columns {
            section {
                h2 { "Top speakers" }
                (speaker_table(&speakers))
                p { a href="/speakers" { "All speakers" } }
            }
            section {
                h2 { "Outlets" }
                table {
                    thead { tr { th { "Outlet" } th.num { "Documents" } th.num { "Attributions" } } }
                    tbody {
                        @for o in &outlets {
                            tr {
                                td { a href={ "/search?outlet=" (urlencode(&o.name)) } { (o.name) } }
                                td.num { (o.documents) }
                                td.num { (o.attributions) }
                            }
                        }
                    }
                }
                @if outlets.is_empty() { p.muted { "No outlet recorded." } }
            }
        }
        section {
            h2 { "Latest documents" }
            table #documents-list {
                thead { tr { th { "Date" } th { "Title" } th { "Outlet" } th.num { "Attributions" } } }
                tbody {
                    @for d in &docs {
                        tr {
                            td.date { (d.published.as_deref().unwrap_or("—")) }
                            td { a href={ "/documents/" (urlencode(&d.id)) } { (d.title.as_deref().filter(|t| !t.is_empty()).unwrap_or(&d.id)) } }
                            td { (d.outlet.as_deref().unwrap_or("")) }
                            td.num { (d.attributions) }
                        }
                    }
                }
            }
            @if docs.is_empty() { p.muted { "The store is empty: add documents with " code { "whosaid ingest" } "." } }
        }
    };
    Ok(Page(StatusCode::OK, layout("Overview", body)))
}

fn speaker_table(speakers: &[whosaid_store::SpeakerSummary]) -> Markup {
    html! {
        table.speakers {
            thead { tr { th { "Speaker" } th { "Kind" } th.num { "Statements" } th.num { "Documents" } } }
            tbody {
                @for s in speakers {
                    tr {
                        td {
                            a href={ "/speakers/" (s.id) } { (s.name) }
                            @if s.anonymous { " " span.tag { "anonymous" } }
                            @if let Some(t) = s.titles.first() { " " span.muted { (t) } }
                        }
                        td { (s.kind) }
                        td.num { (s.statements) }
                        td.num { (s.documents) }
                    }
                }
            }
        }
    }
}

#[derive(Deserialize, Default)]
struct SearchForm {
    #[serde(default)]
    q: String,
    speaker: Option<String>,
    outlet: Option<String>,
    since: Option<String>,
    until: Option<String>,
    #[serde(default)]
    page: usize,
}

/// Empty form fields mean "no filter".
fn filled(v: &Option<String>) -> Option<String> {
    v.as_ref()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
}

async fn search(
    State(state): State<Arc<AppState>>,
    UrlQuery(form): UrlQuery<SearchForm>,
) -> Result<Page, Page> {
    let query = Query {
        text: form.q.trim().to_string(),
        speaker: filled(&form.speaker),
        outlet: filled(&form.outlet),
        since: filled(&form.since),
        until: filled(&form.until),
        limit: PAGE,
        offset: form.page.min(10_000) * PAGE,
    };
    let mut problem = crate::check_date("since", &query.since)
        .and(crate::check_date("until", &query.until))
        .err()
        .map(|e| e.1);
    let asked = !query.text.is_empty()
        || query.speaker.is_some()
        || query.outlet.is_some()
        || query.since.is_some()
        || query.until.is_some();
    let hits = match (&problem, asked) {
        (None, true) => {
            let q = query.clone();
            match with_store(&state, move |s| s.search(&q)).await {
                Ok(h) => h,
                Err(e) => {
                    problem = Some(e.1);
                    Vec::new()
                }
            }
        }
        _ => Vec::new(),
    };
    let status = if problem.is_some() {
        StatusCode::BAD_REQUEST
    } else {
        StatusCode::OK
    };
    let field = |v: &Option<String>| v.clone().unwrap_or_default();
    let page_link = |page: usize| {
        let mut url = format!("/search?q={}", urlencode(&query.text));
        for (k, v) in [
            ("speaker", &query.speaker),
            ("outlet", &query.outlet),
            ("since", &query.since),
            ("until", &query.until),
        ] {
            if let Some(v) = v {
                url.push_str(&format!("&{k}={}", urlencode(v)));
            }
        }
        url.push_str(&format!("&page={page}"));
        url
    };
    let body = html! {
        h1 { "Search statements" }
        form.search action="/search" method="get" {
            label { "Words " input type="search" name="q" value=(query.text) placeholder="Ukraine AND membership"; }
            label { "Speaker " input type="text" name="speaker" value=(field(&query.speaker)); }
            label { "Outlet " input type="text" name="outlet" value=(field(&query.outlet)); }
            label { "Since " input type="date" name="since" value=(field(&query.since)); }
            label { "Until " input type="date" name="until" value=(field(&query.until)); }
            button type="submit" { "Search" }
        }
        p.muted { "Words use SQLite FTS5 syntax: " code { "nato AND ukraine" } ", " code { "\"off the table\"" } ", " code { "member*" } "." }
        @if let Some(p) = &problem { p.error #search-error { (p) } }
        @if asked && problem.is_none() {
            p #result-count { (hits.len()) " result(s) on this page" }
            ol.hits start=(query.offset + 1) {
                @for h in &hits {
                    li.hit {
                        div.meta {
                            @match (&h.speaker, h.speaker_id) {
                                (Some(name), Some(id)) => { a.speaker href={ "/speakers/" (id) } { (name) } }
                                _ => { span.muted { "unresolved speaker" } }
                            }
                            @if h.anonymous { " " span.tag { "anonymous" } }
                            " " span.cue { (h.cue) }
                            " · " (h.kind)
                        }
                        blockquote { (h.content) }
                        div.source {
                            a href={ "/documents/" (urlencode(&h.document)) } { (h.title.as_deref().filter(|t| !t.is_empty()).unwrap_or(&h.document)) }
                            @if let Some(o) = &h.outlet { " · " (o) }
                            @if let Some(d) = &h.published { " · " (d) }
                        }
                    }
                }
            }
            nav.pages {
                @if form.page > 0 { a rel="prev" href=(page_link(form.page - 1)) { "← Previous" } }
                @if hits.len() == PAGE { a rel="next" href=(page_link(form.page + 1)) { "Next →" } }
            }
        }
    };
    Ok(Page(status, layout("Search", body)))
}

async fn speakers(State(state): State<Arc<AppState>>) -> Result<Page, Page> {
    let (totals, list) = with_store(&state, |s| Ok((s.totals()?, s.speakers(200)?))).await?;
    let body = html! {
        h1 { "Speakers" }
        p { (totals.speakers) " speakers; " (pct(totals.anonymous_share)) " of attributions are anonymous. The 200 most quoted:" }
        (speaker_table(&list))
    };
    Ok(Page(StatusCode::OK, layout("Speakers", body)))
}

async fn speaker(
    State(state): State<Arc<AppState>>,
    UrlPath(id): UrlPath<String>,
) -> Result<Page, Page> {
    let Ok(id) = id.parse::<i64>() else {
        return Err(ApiError(StatusCode::NOT_FOUND, format!("no speaker {id:?}")).into());
    };
    let (summary, weeks, timeline) = with_store(&state, move |s| {
        let summary = s.speaker(&id.to_string())?;
        Ok((summary, s.speaker_weeks(id)?, s.timeline(id, 500)?))
    })
    .await?;
    let body = html! {
        h1 { (summary.name) @if summary.anonymous { " " span.tag { "anonymous" } } }
        p {
            (summary.kind) " · " (summary.statements) " statement(s) in " (summary.documents) " document(s)"
            @if !summary.titles.is_empty() { " · " (summary.titles.join("; ")) }
        }
        h2 { "Statements per week, by outlet" }
        (timeline_plot(&weeks))
        h2 { "Statements" }
        ol.hits #timeline {
            @for h in timeline.iter().rev() {
                li.hit {
                    div.meta { span.date { (h.published.as_deref().unwrap_or("undated")) } " " span.cue { (h.cue) } " · " (h.kind) }
                    blockquote { (h.content) }
                    div.source {
                        a href={ "/documents/" (urlencode(&h.document)) } { (h.title.as_deref().filter(|t| !t.is_empty()).unwrap_or(&h.document)) }
                        @if let Some(o) = &h.outlet { " · " (o) }
                    }
                }
            }
        }
    };
    Ok(Page(StatusCode::OK, layout(&summary.name, body)))
}

/// Monday of the week of `date`.
fn monday(date: NaiveDate) -> NaiveDate {
    date - Duration::days(i64::from(date.weekday().num_days_from_monday()))
}

/// A stacked bar chart of statements per week (x) by outlet (colour), as
/// inline SVG; weeks without statements are shown as gaps.
fn timeline_plot(weeks: &[WeekCount]) -> Markup {
    let parsed: Vec<(NaiveDate, &WeekCount)> = weeks
        .iter()
        .filter_map(|w| {
            NaiveDate::parse_from_str(&w.week, "%Y-%m-%d")
                .ok()
                .map(|d| (monday(d), w))
        })
        .collect();
    let (Some(first), Some(last)) = (
        parsed.iter().map(|p| p.0).min(),
        parsed.iter().map(|p| p.0).max(),
    ) else {
        return html! { p.muted #timeline-plot { "No dated statements." } };
    };
    // Outlets by total, for stable colours and legend order.
    let mut totals: HashMap<&str, i64> = HashMap::new();
    for (_, w) in &parsed {
        *totals
            .entry(w.outlet.as_deref().unwrap_or("(no outlet)"))
            .or_default() += w.statements;
    }
    let mut outlets: Vec<(&str, i64)> = totals.into_iter().collect();
    outlets.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let color = |name: &str| {
        let k = outlets.iter().position(|o| o.0 == name).unwrap_or(0);
        OUTLET_COLORS[k.min(OUTLET_COLORS.len() - 1)]
    };
    let n_weeks = ((last - first).num_days() / 7 + 1) as usize;
    let mut stacks: BTreeMap<usize, Vec<(&str, i64)>> = BTreeMap::new();
    for (d, w) in &parsed {
        let k = ((*d - first).num_days() / 7) as usize;
        stacks
            .entry(k)
            .or_default()
            .push((w.outlet.as_deref().unwrap_or("(no outlet)"), w.statements));
    }
    let peak = stacks
        .values()
        .map(|v| v.iter().map(|x| x.1).sum::<i64>())
        .max()
        .unwrap_or(1)
        .max(1);
    let (width, height, left, bottom, top) = (900.0, 260.0, 40.0, 30.0, 10.0);
    let plot_w = width - left - 10.0;
    let plot_h = height - bottom - top;
    let slot = plot_w / n_weeks as f64;
    let bar = (slot * 0.8).max(1.0);
    let y = |v: i64| top + plot_h - plot_h * v as f64 / peak as f64;
    let label_every = (n_weeks / 6).max(1);
    let week_label = |k: usize| (first + Duration::weeks(k as i64)).to_string();
    let mut rects = Vec::new();
    for (k, stack) in &stacks {
        let mut base = 0;
        for (outlet, n) in stack {
            let (y0, y1) = (y(base), y(base + n));
            let x = left + slot * *k as f64 + (slot - bar) / 2.0;
            let tip = format!("week of {} · {outlet}: {n}", week_label(*k));
            rects.push((x, y1, (y0 - y1).max(0.5), color(outlet), tip));
            base += n;
        }
    }
    html! {
        figure #timeline-plot {
            svg viewBox={ "0 0 " (width) " " (height) } role="img" aria-label="Statements per week by outlet" {
                line x1=(left) y1=(top + plot_h) x2=(width - 10.0) y2=(top + plot_h) stroke="#888" {}
                line x1=(left) y1=(top) x2=(left) y2=(top + plot_h) stroke="#888" {}
                text x=(left - 6.0) y=(top + 10.0) text-anchor="end" font-size="11" { (peak) }
                text x=(left - 6.0) y=(top + plot_h) text-anchor="end" font-size="11" { "0" }
                @for (x, y1, h, fill, tip) in &rects {
                    rect.bar x=(format!("{x:.2}")) y=(format!("{y1:.2}")) width=(format!("{bar:.2}")) height=(format!("{h:.2}")) fill=(fill) {
                        title { (tip) }
                    }
                }
                @for k in (0..n_weeks).step_by(label_every) {
                    text x=(format!("{:.2}", left + slot * (k as f64 + 0.5))) y=(height - 10.0) text-anchor="middle" font-size="11" { (week_label(k)) }
                }
            }
            figcaption.legend {
                @for (name, n) in &outlets {
                    span.swatch-item { svg.swatch viewBox="0 0 10 10" width="10" height="10" { rect width="10" height="10" fill=(color(name)) {} } " " (name) " (" (n) ")" }
                }
            }
        }
    }
}

/// The parts of a stored account the article page shows.
#[derive(Deserialize)]
struct DocView {
    #[serde(default)]
    id: String,
    url: Option<String>,
    title: Option<String>,
    byline: Option<String>,
    published: Option<String>,
    outlet: Option<String>,
    #[serde(default)]
    text: String,
    #[serde(default)]
    attributions: Vec<AttrView>,
    #[serde(default)]
    speakers: Vec<SpeakerView>,
    #[serde(default)]
    unattributed: Vec<SpanView>,
}

#[derive(Deserialize)]
struct SpanView {
    start: usize,
    end: usize,
}

#[derive(Deserialize)]
struct AttrView {
    #[serde(default)]
    source: Vec<SpanView>,
    #[serde(default)]
    cue: Vec<SpanView>,
    #[serde(default)]
    content: Vec<SpanView>,
    #[serde(default)]
    kind: String,
    speaker: Option<usize>,
    #[serde(default)]
    channel: Vec<ChannelView>,
    time: Option<TimeView>,
    nested_in: Option<usize>,
}

#[derive(Deserialize)]
struct ChannelView {
    kind: String,
    via: Option<String>,
}

#[derive(Deserialize)]
struct TimeView {
    #[serde(default)]
    text: String,
    value: Option<String>,
}

#[derive(Deserialize)]
struct SpeakerView {
    name: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    anonymous: bool,
    #[serde(default)]
    titles: Vec<String>,
}

/// What one stretch of the article is part of.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Role {
    Content,
    Source,
    Cue,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Owner {
    Attribution(usize, Role),
    Outlet,
}

/// Only web links become `href`s (no `javascript:` and the like).
fn safe_link(url: &str) -> Option<&str> {
    let lower = url.trim_start().to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://")).then_some(url)
}

fn channel_text(a: &AttrView) -> String {
    a.channel
        .iter()
        .map(|c| match &c.via {
            Some(v) => format!("{} ({v})", c.kind),
            None => c.kind.clone(),
        })
        .collect::<Vec<_>>()
        .join(" → ")
}

fn time_text(a: &AttrView) -> String {
    match &a.time {
        Some(t) => match &t.value {
            Some(v) => format!("{} = {v}", t.text),
            None => format!("{} (relative)", t.text),
        },
        None => String::new(),
    }
}

async fn document(
    State(state): State<Arc<AppState>>,
    UrlPath(id): UrlPath<String>,
) -> Result<Page, Page> {
    let _rendering = permit_or_busy(&state.renders, "rendering articles")?;
    let wanted = id.clone();
    let (doc, speaker_ids) = with_store(&state, move |s| {
        Ok((s.document_json(&wanted)?, s.document_speaker_ids(&wanted)?))
    })
    .await?;
    let Some(doc) = doc else {
        return Err(ApiError(StatusCode::NOT_FOUND, format!("no document {id:?}")).into());
    };
    let doc: DocView = serde_json::from_value(doc).map_err(|e| {
        ApiError(
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("stored account of {id:?} is unreadable: {e}"),
        )
    })?;
    // Document speaker index → store speaker id, through the attributions.
    let mut store_ids: HashMap<usize, i64> = HashMap::new();
    for (a, sid) in doc.attributions.iter().zip(&speaker_ids) {
        if let (Some(k), Some(sid)) = (a.speaker, sid) {
            store_ids.entry(k).or_insert(*sid);
        }
    }
    let mut counts = vec![0usize; doc.speakers.len()];
    for a in &doc.attributions {
        if let Some(c) = a.speaker.and_then(|k| counts.get_mut(k)) {
            *c += 1;
        }
    }
    let color = |speaker: Option<usize>| match speaker {
        Some(k) if doc.speakers.get(k).is_some_and(|s| s.anonymous) => "anon".to_string(),
        Some(k) => format!("sp{}", k % PALETTE),
        None => "unresolved".to_string(),
    };
    let title = doc
        .title
        .clone()
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| doc.id.clone());
    let body = html! {
        article.document {
            h1 #doc-title { (title) }
            p.meta {
                @if let Some(o) = &doc.outlet { span #doc-outlet { (o) } }
                @if let Some(d) = &doc.published { span.date { (d) } }
                @if let Some(b) = &doc.byline { span #doc-byline { (b) } }
                @if let Some(u) = doc.url.as_deref() {
                    @if let Some(link) = safe_link(u) { a #doc-url href=(link) rel="noopener noreferrer" { "original" } }
                    @else { span #doc-url { (u) } }
                }
            }
            div.reading {
                div.text #doc-text { (highlighted(&doc, &color)) }
                aside.side {
                    div.details #details hidden {
                        h3 { "Attribution" }
                        dl {
                            dt { "Speaker" } dd data-field="speaker" {}
                            dt { "Cue" } dd data-field="cue" {}
                            dt { "Kind" } dd data-field="kind" {}
                            dt { "Channel" } dd data-field="channel" {}
                            dt { "Time" } dd data-field="time" {}
                        }
                    }
                    h3 { "Speakers" }
                    ul.legend #legend {
                        @for (k, s) in doc.speakers.iter().enumerate() {
                            li {
                                span class={ "swatch " (color(Some(k))) } {}
                                @if let Some(sid) = store_ids.get(&k) { a href={ "/speakers/" (sid) } { (s.name) } } @else { (s.name) }
                                " " span.muted { (s.kind) @if s.anonymous { ", anonymous" } ", " (counts[k]) }
                                @if let Some(t) = s.titles.first() { br; span.muted { (t) } }
                            }
                        }
                        li { span.swatch.outlet {} "The outlet's own assertions (" (doc.unattributed.len()) ")" }
                    }
                    p.muted { "Hover a highlighted passage for its attribution; click to pin it. Underlined: the source; bold: the cue." }
                }
            }
        }
    };
    Ok(Page(StatusCode::OK, layout(&title, body)))
}

/// The article text with every attribution's source, cue and content and
/// every unattributed assertion wrapped in a `mark`. Offsets are code
/// points (the crate-wide invariant); out-of-range spans are clipped.
fn highlighted(doc: &DocView, color: &dyn Fn(Option<usize>) -> String) -> Markup {
    let text = doc.text.as_str();
    // Code point offset → byte offset.
    let mut bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    bytes.push(text.len());
    let n = bytes.len() - 1;
    // (start, end, depth, owner); deeper and stronger roles win overlaps.
    let mut marks: Vec<(usize, usize, usize, Owner)> = Vec::new();
    for (k, a) in doc.attributions.iter().enumerate() {
        let depth = if a.nested_in.is_some() { 2 } else { 1 };
        for (spans, role) in [
            (&a.content, Role::Content),
            (&a.source, Role::Source),
            (&a.cue, Role::Cue),
        ] {
            for s in spans {
                let (start, end) = (s.start.min(n), s.end.min(n));
                if start < end {
                    marks.push((start, end, depth, Owner::Attribution(k, role)));
                }
            }
        }
    }
    for s in &doc.unattributed {
        let (start, end) = (s.start.min(n), s.end.min(n));
        if start < end {
            marks.push((start, end, 0, Owner::Outlet));
        }
    }
    let mut cuts: Vec<usize> = vec![0, n];
    for m in &marks {
        cuts.push(m.0);
        cuts.push(m.1);
    }
    cuts.sort_unstable();
    cuts.dedup();
    let rank = |m: &(usize, usize, usize, Owner)| match m.3 {
        Owner::Outlet => (0, Role::Content),
        Owner::Attribution(_, role) => (m.2, role),
    };
    // Pieces: (start, end, owner), adjacent pieces of one owner joined.
    // A sweep over the cuts keeps the marks covering the current piece
    // (few: nesting is shallow), so long articles stay linear.
    // Numbered in push order: among equal ranks the later mark wins.
    let mut marks: Vec<(usize, (usize, usize, usize, Owner))> =
        marks.into_iter().enumerate().collect();
    marks.sort_by_key(|(_, m)| m.0);
    let mut next = 0;
    let mut active: Vec<(usize, (usize, usize, usize, Owner))> = Vec::new();
    let mut pieces: Vec<(usize, usize, Option<Owner>)> = Vec::new();
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        while next < marks.len() && marks[next].1 .0 <= a {
            active.push(marks[next]);
            next += 1;
        }
        active.retain(|(_, m)| m.1 >= b);
        let owner = active
            .iter()
            .max_by_key(|(k, m)| (rank(m), *k))
            .map(|(_, m)| m.3);
        match pieces.last_mut() {
            Some(last) if last.2 == owner && last.1 == a => last.1 = b,
            _ => pieces.push((a, b, owner)),
        }
    }
    let speaker_name = |a: &AttrView| {
        a.speaker
            .and_then(|k| doc.speakers.get(k))
            .map_or("unresolved speaker".to_string(), |s| s.name.clone())
    };
    let cue_text = |a: &AttrView| {
        a.cue
            .iter()
            .filter(|s| s.start < s.end && s.end <= n)
            .map(|s| &text[bytes[s.start]..bytes[s.end]])
            .collect::<Vec<_>>()
            .join(" … ")
    };
    html! {
        @for (a, b, owner) in &pieces {
            @let piece = &text[bytes[*a]..bytes[*b]];
            @match owner {
                None => { (piece) }
                Some(Owner::Outlet) => {
                    mark.outlet title="The outlet's own assertion: no source given" { (piece) }
                }
                Some(Owner::Attribution(k, role)) => {
                    @let at = &doc.attributions[*k];
                    @let role_class = match role { Role::Content => "content", Role::Source => "source", Role::Cue => "cue" };
                    @let tip = {
                        let mut t = format!("{} — cue “{}” · {}", speaker_name(at), cue_text(at), at.kind);
                        let ch = channel_text(at);
                        if !ch.is_empty() { t.push_str(&format!(" · {ch}")); }
                        let tm = time_text(at);
                        if !tm.is_empty() { t.push_str(&format!(" · time: {tm}")); }
                        t
                    };
                    mark class={ (role_class) " " (color(at.speaker)) } title=(tip) data-a=(k)
                        data-speaker=(speaker_name(at)) data-cue=(cue_text(at)) data-kind=(at.kind)
                        data-channel=(channel_text(at)) data-time=(time_text(at)) { (piece) }
                }
            }
        }
    }
}

/// Percent-encodes a query or path component.
fn urlencode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urlencode_escapes_everything_but_unreserved() {
        assert_eq!(urlencode("a b/c?d&e=ü"), "a%20b%2Fc%3Fd%26e%3D%C3%BC");
    }

    #[test]
    fn only_web_links_are_links() {
        assert!(safe_link("https://example.com/a").is_some());
        assert!(safe_link("javascript:alert(1)").is_none());
        assert!(safe_link(" JaVaScRiPt:alert(1)").is_none());
        assert!(safe_link("data:text/html,x").is_none());
    }

    #[test]
    fn monday_of_a_week() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(monday(d("2025-02-14")), d("2025-02-10"));
        assert_eq!(monday(d("2025-02-10")), d("2025-02-10"));
        assert_eq!(monday(d("2025-02-16")), d("2025-02-10"));
    }

    fn span(start: usize, end: usize) -> SpanView {
        SpanView { start, end }
    }

    #[test]
    fn highlighting_covers_the_text_once_and_clips_bad_offsets() {
        let text = "Ünïcode “quote,” she said. Sky is blue.";
        let doc = DocView {
            id: "d".into(),
            url: None,
            title: None,
            byline: None,
            published: None,
            outlet: None,
            text: text.into(),
            attributions: vec![AttrView {
                source: vec![span(17, 20)],
                cue: vec![span(21, 25)],
                content: vec![span(8, 16)],
                kind: "direct".into(),
                speaker: Some(0),
                channel: vec![],
                time: None,
                nested_in: None,
            }],
            speakers: vec![SpeakerView {
                name: "Jane <b>Doe</b>".into(),
                kind: "person".into(),
                anonymous: false,
                titles: vec![],
            }],
            unattributed: vec![span(27, 39), span(30, 10_000)],
        };
        let html = highlighted(&doc, &|k| format!("sp{}", k.unwrap_or(99))).into_string();
        // Every character appears once, in order, outside the tags.
        assert_eq!(visible(&html), text);
        assert!(html.contains(r#"<mark class="cue sp0""#), "{html}");
        assert!(html.contains(r#"<mark class="source sp0""#), "{html}");
        assert!(html.contains("Jane &lt;b&gt;Doe&lt;/b&gt;"), "{html}");
        assert!(html.contains(r#"<mark class="outlet""#), "{html}");
    }

    fn visible(html: &str) -> String {
        let mut out = String::new();
        let mut in_tag = false;
        for c in html.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                c if !in_tag => out.push(c),
                _ => {}
            }
        }
        out.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&amp;", "&")
    }

    proptest::proptest! {
        /// Any text with any spans (overlapping, reversed, out of range,
        /// mid-character in bytes) renders without a panic, shows every
        /// character once and in order, and never lets markup through.
        #[test]
        fn highlighting_never_panics_or_loses_text(
            text in "[a-zé“”<>&\" ]{0,60}",
            spans in proptest::collection::vec((0usize..80, 0usize..80, 0u8..4), 0..12),
            nested in proptest::option::of(0usize..3),
        ) {
            let mut doc = DocView {
                id: "p".into(), url: None, title: None, byline: None, published: None,
                outlet: None, text: text.clone(), attributions: Vec::new(),
                speakers: vec![SpeakerView { name: "<s>".into(), kind: String::new(), anonymous: false, titles: vec![] }],
                unattributed: Vec::new(),
            };
            for (k, (a, b, role)) in spans.into_iter().enumerate() {
                match role {
                    0 => doc.unattributed.push(span(a, b)),
                    r => doc.attributions.push(AttrView {
                        source: if r == 1 { vec![span(a, b)] } else { vec![] },
                        cue: if r == 2 { vec![span(a, b)] } else { vec![] },
                        content: if r == 3 { vec![span(a, b)] } else { vec![] },
                        kind: "direct".into(),
                        speaker: Some(k % 3),
                        channel: vec![],
                        time: None,
                        nested_in: nested,
                    }),
                }
            }
            let html = highlighted(&doc, &|k| format!("sp{}", k.unwrap_or(0))).into_string();
            proptest::prop_assert_eq!(visible(&html), text);
            proptest::prop_assert!(!html.contains("<s>"));
        }
    }
}
