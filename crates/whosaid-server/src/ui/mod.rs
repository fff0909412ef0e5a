//! The web UI: server-rendered pages over the store, served beside the API.
//!
//! Pages are built with `maud`, which escapes every interpolated value, so
//! article text and metadata can never become markup. A strict
//! Content-Security-Policy (scripts and styles from this server only, no
//! inline code) backs that up. The one script (`assets/whosaid.js`) adds
//! the click-to-pin details panel and, on servers that take writes, the
//! merge and unmerge buttons of speaker pages; everything else works
//! without it.

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
use whosaid_store::{
    AssertionQuery, Query, Sort, StoreError, Total, WeekCount, CHANNEL_KINDS, KINDS,
};

use crate::{permit_or_busy, with_store, ApiError, AppState};

mod document;
mod quotes;
mod search;
mod speakers;

use document::document;
use search::search;
use speakers::{duplicates, speaker, speaker_table, speakers};

const CSS: &str = include_str!("../../assets/whosaid.css");
const JS: &str = include_str!("../../assets/whosaid.js");

/// Content-Security-Policy of every page: nothing inline, nothing remote
/// (the script calls this server's API only).
const CSP: &str =
    "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; connect-src 'self'; \
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
        .route("/assertions", get(search::assertions))
        .route("/documents/{id}", get(document))
        .route("/speakers", get(speakers))
        .route("/speakers/duplicates", get(duplicates))
        .route("/speakers/{id}", get(speaker))
        .route("/quotes", get(quotes::quotes))
        .route("/quotes/{id}", get(quotes::quote))
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
                        a href="/assertions" { "Assertions" }
                        a href="/speakers" { "Speakers" }
                        a href="/quotes" { "Quotes" }
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
}
