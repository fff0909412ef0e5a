//! The search page: full-text search with speaker, outlet and date filters.

use super::*;

#[derive(Deserialize, Default)]
pub(super) struct SearchForm {
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

pub(super) async fn search(
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
