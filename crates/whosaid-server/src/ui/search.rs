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
    kind: Option<String>,
    /// `anonymous`, `named` or empty.
    speakers: Option<String>,
    channel: Option<String>,
    said_since: Option<String>,
    said_until: Option<String>,
    document: Option<String>,
    sort: Option<String>,
    /// Results skipped (the API's `offset`).
    offset: Option<usize>,
    /// Older links: page number, `PAGE` results each.
    #[serde(default)]
    page: usize,
}

/// Empty form fields mean "no filter".
pub(super) fn filled(v: &Option<String>) -> Option<String> {
    v.as_ref()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
}

pub(super) async fn search(
    State(state): State<Arc<AppState>>,
    UrlQuery(form): UrlQuery<SearchForm>,
) -> Result<Page, Page> {
    let sort = filled(&form.sort);
    let mut problem = None;
    let query = Query {
        text: form.q.trim().to_string(),
        speaker: filled(&form.speaker),
        outlet: filled(&form.outlet),
        since: filled(&form.since),
        until: filled(&form.until),
        kind: filled(&form.kind),
        anonymous: match filled(&form.speakers).as_deref() {
            Some("anonymous") => Some(true),
            Some("named") => Some(false),
            _ => None,
        },
        channel: filled(&form.channel),
        said_since: filled(&form.said_since),
        said_until: filled(&form.said_until),
        document: filled(&form.document),
        week: None,
        sort: match sort.as_deref().map(str::parse) {
            Some(Ok(s)) => s,
            Some(Err(e)) => {
                problem = Some(e);
                Sort::default()
            }
            None => Sort::default(),
        },
        limit: PAGE,
        offset: form.offset.unwrap_or(form.page.min(10_000) * PAGE),
    };
    for (name, value) in [
        ("since", &query.since),
        ("until", &query.until),
        ("said_since", &query.said_since),
        ("said_until", &query.said_until),
    ] {
        if let Err(e) = crate::check_date(name, value) {
            problem.get_or_insert(e.1);
        }
    }
    let asked = !query.text.is_empty()
        || query.speaker.is_some()
        || query.outlet.is_some()
        || query.since.is_some()
        || query.until.is_some()
        || query.kind.is_some()
        || query.anonymous.is_some()
        || query.channel.is_some()
        || query.said_since.is_some()
        || query.said_until.is_some()
        || query.document.is_some();
    let (hits, total) = match (&problem, asked) {
        (None, true) => {
            let q = query.clone();
            match with_store(&state, move |s| Ok((s.search(&q)?, s.count(&q)?))).await {
                Ok(found) => found,
                Err(e) => {
                    problem = Some(e.1);
                    (Vec::new(), Total::default())
                }
            }
        }
        _ => (Vec::new(), Total::default()),
    };
    let next = crate::next_offset(query.offset, PAGE, hits.len(), total);
    let status = if problem.is_some() {
        StatusCode::BAD_REQUEST
    } else {
        StatusCode::OK
    };
    let field = |v: &Option<String>| v.clone().unwrap_or_default();
    let more_filters = query.kind.is_some()
        || query.anonymous.is_some()
        || query.channel.is_some()
        || query.said_since.is_some()
        || query.said_until.is_some()
        || query.document.is_some()
        || query.sort != Sort::Relevance;
    let page_link = |offset: usize| {
        let mut url = format!("/search?q={}", urlencode(&query.text));
        for (k, v) in [
            ("speaker", &query.speaker),
            ("outlet", &query.outlet),
            ("since", &query.since),
            ("until", &query.until),
            ("kind", &query.kind),
            ("speakers", &filled(&form.speakers)),
            ("channel", &query.channel),
            ("said_since", &query.said_since),
            ("said_until", &query.said_until),
            ("document", &query.document),
            ("sort", &sort),
        ] {
            if let Some(v) = v {
                url.push_str(&format!("&{k}={}", urlencode(v)));
            }
        }
        url.push_str(&format!("&offset={offset}"));
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
            details.more-filters open[more_filters] {
                summary { "More filters" }
                label { "Kind "
                    select name="kind" {
                        option value="" { "any" }
                        @for k in KINDS { option value=(k) selected[query.kind.as_deref() == Some(k)] { (k) } }
                    }
                }
                label { "Speakers "
                    select name="speakers" {
                        option value="" { "all" }
                        option value="named" selected[query.anonymous == Some(false)] { "named" }
                        option value="anonymous" selected[query.anonymous == Some(true)] { "anonymous" }
                    }
                }
                label { "Channel "
                    select name="channel" {
                        option value="" { "any" }
                        @for c in CHANNEL_KINDS { option value=(c) selected[query.channel.as_deref() == Some(c)] { (c.replace('_', " ")) } }
                    }
                }
                label { "Said since " input type="date" name="said_since" value=(field(&query.said_since)); }
                label { "Said until " input type="date" name="said_until" value=(field(&query.said_until)); }
                label { "Document " input type="text" name="document" value=(field(&query.document)); }
                label { "Sort "
                    select name="sort" {
                        option value="relevance" { "relevance" }
                        option value="newest" selected[query.sort == Sort::Newest] { "newest first" }
                        option value="oldest" selected[query.sort == Sort::Oldest] { "oldest first" }
                    }
                }
            }
            button type="submit" { "Search" }
        }
        p.muted { "Plain words find their forms (" code { "email" } " finds “emails”). Also: " code { "\"off the table\"" } ", " code { "nato OR ukraine" } ", " code { "nato NOT russia" } ", " code { "member*" } ", " code { "source:Rutte" } "." }
        @if let Some(p) = &problem { p.error #search-error { (p) } }
        @if asked && problem.is_none() {
            p #result-count {
                @if total.count == 0 { "No statements match." }
                @else {
                    @if total.exact { (total.count) } @else { "At least " (total.count) }
                    @if total.count == 1 && total.exact { " statement" } @else { " statements" }
                    @if !hits.is_empty() { "; " (query.offset + 1) "–" (query.offset + hits.len()) " shown" }
                    "."
                }
            }
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
                        blockquote { (marked(&h.content, &h.matches)) }
                        div.source {
                            a href={ "/documents/" (urlencode(&h.document)) "#s" (h.ordinal + 1) } { (h.title.as_deref().filter(|t| !t.is_empty()).unwrap_or(&h.document)) }
                            @if let Some(o) = &h.outlet { " · " (o) }
                            @if let Some(d) = &h.published { " · " (d) }
                            @if let Some(q) = &h.quote { " · " (super::quotes::carried(q)) }
                        }
                    }
                }
            }
            nav.pages {
                @if query.offset > 0 { a rel="prev" href=(page_link(query.offset.saturating_sub(PAGE))) { "← Previous" } }
                @if let Some(n) = next { a rel="next" href=(page_link(n)) { "Next →" } }
            }
        }
    };
    Ok(Page(status, layout("Search", body)))
}

/// `content` with its matched words in `<mark>` (ranges in code points,
/// as the store gives them).
pub(super) fn marked(content: &str, matches: &[[usize; 2]]) -> Markup {
    let mut parts: Vec<(bool, String)> = Vec::new();
    let mut at = 0;
    let chars: Vec<char> = content.chars().collect();
    for &[start, end] in matches {
        let (start, end) = (start.min(chars.len()), end.min(chars.len()));
        if start < at || start >= end {
            continue;
        }
        parts.push((false, chars[at..start].iter().collect()));
        parts.push((true, chars[start..end].iter().collect()));
        at = end;
    }
    parts.push((false, chars[at..].iter().collect()));
    html! {
        @for (hit, text) in &parts {
            @if *hit { mark { (text) } } @else { (text) }
        }
    }
}

#[derive(Deserialize, Default)]
pub(super) struct AssertionForm {
    #[serde(default)]
    q: String,
    outlet: Option<String>,
    since: Option<String>,
    until: Option<String>,
    document: Option<String>,
    offset: Option<usize>,
}

/// The outlets' own assertions: what an article states with no one said
/// to have said it, searched by words, outlet and date.
pub(super) async fn assertions(
    State(state): State<Arc<AppState>>,
    UrlQuery(form): UrlQuery<AssertionForm>,
) -> Result<Page, Page> {
    let query = AssertionQuery {
        text: form.q.trim().to_string(),
        outlet: filled(&form.outlet),
        since: filled(&form.since),
        until: filled(&form.until),
        document: filled(&form.document),
        limit: PAGE,
        offset: form.offset.unwrap_or(0).min(1_000_000),
    };
    let mut problem = None;
    for (name, value) in [("since", &query.since), ("until", &query.until)] {
        if let Err(e) = crate::check_date(name, value) {
            problem.get_or_insert(e.1);
        }
    }
    let (hits, total) = match problem {
        None => {
            let q = query.clone();
            match with_store(&state, move |s| {
                Ok((s.search_assertions(&q)?, s.count_assertions(&q)?))
            })
            .await
            {
                Ok(found) => found,
                Err(e) => {
                    problem = Some(e.1);
                    (Vec::new(), Total::default())
                }
            }
        }
        Some(_) => (Vec::new(), Total::default()),
    };
    let status = if problem.is_some() {
        StatusCode::BAD_REQUEST
    } else {
        StatusCode::OK
    };
    let next = crate::next_offset(query.offset, PAGE, hits.len(), total);
    let field = |v: &Option<String>| v.clone().unwrap_or_default();
    let page_link = |offset: usize| {
        let mut url = format!("/assertions?q={}", urlencode(&query.text));
        for (k, v) in [
            ("outlet", &query.outlet),
            ("since", &query.since),
            ("until", &query.until),
            ("document", &query.document),
        ] {
            if let Some(v) = v {
                url.push_str(&format!("&{k}={}", urlencode(v)));
            }
        }
        url.push_str(&format!("&offset={offset}"));
        url
    };
    let body = html! {
        h1 { "The outlets' own assertions" }
        p.muted { "Sentences and clauses an article states without saying who said them: the outlet speaking for itself." }
        form.search action="/assertions" method="get" {
            label { "Words " input type="search" name="q" value=(query.text); }
            label { "Outlet " input type="text" name="outlet" value=(field(&query.outlet)); }
            label { "Since " input type="date" name="since" value=(field(&query.since)); }
            label { "Until " input type="date" name="until" value=(field(&query.until)); }
            button type="submit" { "Search" }
        }
        @if let Some(p) = &problem { p.error #search-error { (p) } }
        @if problem.is_none() {
            p #result-count {
                @if total.count == 0 { "No assertions match." }
                @else {
                    @if total.exact { (total.count) } @else { "At least " (total.count) }
                    " assertion(s)"
                    @if !hits.is_empty() { "; " (query.offset + 1) "–" (query.offset + hits.len()) " shown" }
                    "."
                }
            }
            ol.hits start=(query.offset + 1) {
                @for h in &hits {
                    li.hit.assertion {
                        blockquote { (marked(&h.text, &h.matches)) }
                        div.source {
                            a href={ "/documents/" (urlencode(&h.document)) } { (h.title.as_deref().filter(|t| !t.is_empty()).unwrap_or(&h.document)) }
                            @if let Some(o) = &h.outlet { " · " (o) }
                            @if let Some(d) = &h.published { " · " (d) }
                            @if !h.whole_sentence { " · " span.muted { "clause" } }
                        }
                    }
                }
            }
            nav.pages {
                @if query.offset > 0 { a rel="prev" href=(page_link(query.offset.saturating_sub(PAGE))) { "← Previous" } }
                @if let Some(n) = next { a rel="next" href=(page_link(n)) { "Next →" } }
            }
        }
    };
    Ok(Page(status, layout("Assertions", body)))
}
