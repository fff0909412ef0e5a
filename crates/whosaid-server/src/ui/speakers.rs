//! Speaker pages: the ranking, one speaker's statements over time with
//! the names merged into them, and probable duplicates to review.

use super::*;

pub(super) fn speaker_table(speakers: &[whosaid_store::SpeakerSummary]) -> Markup {
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

/// Speakers a list page shows at once.
const SPEAKERS_PAGE: usize = 100;

#[derive(Deserialize, Default)]
pub(super) struct SpeakerListForm {
    offset: Option<usize>,
}

pub(super) async fn speakers(
    State(state): State<Arc<AppState>>,
    UrlQuery(form): UrlQuery<SpeakerListForm>,
) -> Result<Page, Page> {
    let offset = form.offset.unwrap_or(0).min(10_000_000);
    let (totals, list) = with_store(&state, move |s| {
        Ok((s.totals()?, s.speakers_page(SPEAKERS_PAGE, offset)?))
    })
    .await?;
    let total = u64::try_from(totals.speakers).unwrap_or(0);
    let next = crate::next_offset(
        offset,
        SPEAKERS_PAGE,
        list.len(),
        Total {
            count: total,
            exact: true,
        },
    );
    let body = html! {
        h1 { "Speakers" }
        p #speaker-count {
            (totals.speakers) " speakers; " (pct(totals.anonymous_share)) " of attributions are anonymous. "
            "By statements, most first"
            @if !list.is_empty() { ": " (offset + 1) "–" (offset + list.len()) " shown" }
            "."
        }
        (speaker_table(&list))
        nav.pages {
            @if offset > 0 { a rel="prev" href={ "/speakers?offset=" (offset.saturating_sub(SPEAKERS_PAGE)) } { "← Previous" } }
            @if let Some(n) = next { a rel="next" href={ "/speakers?offset=" (n) } { "Next →" } }
        }
        p { a href="/speakers/duplicates" { "Probable duplicates" } " to review." }
    };
    Ok(Page(StatusCode::OK, layout("Speakers", body)))
}

/// A button that runs a speaker write through the API (`assets/whosaid.js`
/// asks for the server's token first); shown only when the server takes
/// writes.
fn write_button(writable: bool, label: &str, action: &str, args: &[(&str, i64)]) -> Markup {
    if !writable {
        return html! {};
    }
    let into = args.iter().find(|(k, _)| *k == "into").map(|(_, v)| *v);
    let from = args.iter().find(|(k, _)| *k == "from").map(|(_, v)| *v);
    let id = args.iter().find(|(k, _)| *k == "id").map(|(_, v)| *v);
    html! {
        button.write type="button" data-action=(action)
            data-into=[into] data-from=[from] data-id=[id] { (label) }
    }
}

/// A speaker page's statement filters (the search page's names).
#[derive(Deserialize, Default)]
pub(super) struct StatementFilters {
    #[serde(default)]
    q: String,
    since: Option<String>,
    until: Option<String>,
    kind: Option<String>,
    channel: Option<String>,
    /// A week of the chart (its Monday): a bar's statements.
    week: Option<String>,
    offset: Option<usize>,
}

/// Statements a speaker page lists at once.
const STATEMENTS_PAGE: usize = 50;

pub(super) async fn speaker(
    State(state): State<Arc<AppState>>,
    UrlPath(id): UrlPath<String>,
    UrlQuery(filters): UrlQuery<StatementFilters>,
) -> Result<Page, Page> {
    let Ok(id) = id.parse::<i64>() else {
        return Err(ApiError(StatusCode::NOT_FOUND, format!("no speaker {id:?}")).into());
    };
    let writable = state.token.is_some();
    let filled = super::search::filled;
    for (name, value) in [
        ("since", &filters.since),
        ("until", &filters.until),
        ("week", &filters.week),
    ] {
        crate::check_date(name, &filled(value)).map_err(Page::from)?;
    }
    let query = Query {
        text: filters.q.trim().to_string(),
        speaker: Some(id.to_string()),
        since: filled(&filters.since),
        until: filled(&filters.until),
        kind: filled(&filters.kind),
        channel: filled(&filters.channel),
        week: filled(&filters.week),
        sort: if filters.q.trim().is_empty() {
            Sort::Newest
        } else {
            Sort::Relevance
        },
        limit: STATEMENTS_PAGE,
        offset: filters.offset.unwrap_or(0).min(1_000_000),
        ..Query::default()
    };
    let q = query.clone();
    let (summary, weeks, statements, total) = with_store(&state, move |s| {
        // A merged name's id shows the speaker it joined.
        let summary = s.speaker(&id.to_string())?;
        let q = Query {
            speaker: Some(summary.id.to_string()),
            ..q
        };
        Ok((
            summary.clone(),
            s.speaker_weeks(summary.id)?,
            s.search(&q)?,
            s.count(&q)?,
        ))
    })
    .await?;
    let next = crate::next_offset(query.offset, STATEMENTS_PAGE, statements.len(), total);
    let filtered = !query.text.is_empty()
        || query.since.is_some()
        || query.until.is_some()
        || query.kind.is_some()
        || query.channel.is_some()
        || query.week.is_some();
    let page_link = |offset: usize| {
        let mut url = format!("/speakers/{}?offset={offset}", summary.id);
        for (k, v) in [
            ("q", &Some(query.text.clone()).filter(|t| !t.is_empty())),
            ("since", &query.since),
            ("until", &query.until),
            ("kind", &query.kind),
            ("channel", &query.channel),
            ("week", &query.week),
        ] {
            if let Some(v) = v {
                url.push_str(&format!("&{k}={}", urlencode(v)));
            }
        }
        url
    };
    let field = |v: &Option<String>| v.clone().unwrap_or_default();
    let body = html! {
        h1 { (summary.name) @if summary.anonymous { " " span.tag { "anonymous" } } }
        p {
            (summary.kind) " · " (summary.statements) " statement(s) in " (summary.documents) " document(s)"
            @if !summary.titles.is_empty() { " · " (summary.titles.join("; ")) }
        }
        @if !summary.affiliations.is_empty() {
            p { "Affiliated with " (summary.affiliations.join("; ")) }
        }
        @if !summary.aliases.is_empty() {
            p #aliases { "Also named: " (summary.aliases.join("; ")) }
        }
        @if !summary.candidates.is_empty() {
            p #candidates {
                "A surname alone that the corpus cannot settle; it may stand for: "
                @for (k, c) in summary.candidates.iter().enumerate() {
                    @if k > 0 { ", " }
                    a href={ "/speakers/" (c.id) } { (c.name) } " (" (c.statements) ")"
                    " " (write_button(writable, "merge into", "merge", &[("into", c.id), ("from", summary.id)]))
                }
            }
        }
        @if !summary.merged.is_empty() {
            h2 { "Names merged into this speaker" }
            ul #merged {
                @for m in &summary.merged {
                    li {
                        (m.name) " " span.muted { "#" (m.id) ", by " (m.by) }
                        " " (write_button(writable, "unmerge", "unmerge", &[("id", m.id)]))
                    }
                }
            }
        }
        h2 { "Statements per week, by outlet" }
        p.muted { "Each statement counts in the week it was said where the article gives the day, else in the week it was published." }
        (timeline_plot(&weeks, summary.id))
        @if let Some(w) = &query.week {
            p #week-filter { "Statements of the week of " (w) " · " a href={ "/speakers/" (summary.id) } { "all weeks" } }
        }
        h2 { "Statements" }
        form.search #statement-filters action={ "/speakers/" (summary.id) } method="get" {
            label { "Words " input type="search" name="q" value=(query.text); }
            label { "Since " input type="date" name="since" value=(field(&query.since)); }
            label { "Until " input type="date" name="until" value=(field(&query.until)); }
            label { "Kind "
                select name="kind" {
                    option value="" { "any" }
                    @for k in KINDS { option value=(k) selected[query.kind.as_deref() == Some(k)] { (k) } }
                }
            }
            label { "Channel "
                select name="channel" {
                    option value="" { "any" }
                    @for c in CHANNEL_KINDS { option value=(c) selected[query.channel.as_deref() == Some(c)] { (c.replace('_', " ")) } }
                }
            }
            button type="submit" { "Filter" }
        }
        p #statement-count {
            @if total.exact { (total.count) } @else { "At least " (total.count) }
            @if filtered { " matching" }
            " statement(s)"
            @if !statements.is_empty() { "; " (query.offset + 1) "–" (query.offset + statements.len()) " shown" }
            @if query.text.is_empty() { ", newest first" }
            "."
        }
        ol.hits #timeline start=(query.offset + 1) {
            @for h in &statements {
                li.hit {
                    div.meta { span.date { (h.published.as_deref().unwrap_or("undated")) } " " span.cue { (h.cue) } " · " (h.kind) }
                    blockquote { (super::search::marked(&h.content, &h.matches)) }
                    div.source {
                        a href={ "/documents/" (urlencode(&h.document)) "#s" (h.ordinal + 1) } { (h.title.as_deref().filter(|t| !t.is_empty()).unwrap_or(&h.document)) }
                        @if let Some(o) = &h.outlet { " · " (o) }
                        @if let Some(q) = &h.quote { " · " (super::quotes::carried(q)) }
                    }
                }
            }
        }
        nav.pages {
            @if query.offset > 0 { a rel="prev" href=(page_link(query.offset.saturating_sub(STATEMENTS_PAGE))) { "← Previous" } }
            @if let Some(n) = next { a rel="next" href=(page_link(n)) { "Next →" } }
        }
    };
    Ok(Page(StatusCode::OK, layout(&summary.name, body)))
}

/// Probable duplicates, for a person to confirm (with the server's token).
pub(super) async fn duplicates(State(state): State<Arc<AppState>>) -> Result<Page, Page> {
    let writable = state.token.is_some();
    let pairs = with_store(&state, |s| s.probable_duplicates(200)).await?;
    let link = |r: &whosaid_store::SpeakerRef| {
        html! { a href={ "/speakers/" (r.id) } { (r.name) } " " span.muted { "#" (r.id) ", " (r.statements) " statement(s)" } }
    };
    let body = html! {
        h1 { "Probable duplicates" }
        p {
            "People of one surname whose first names agree or who share a rare title or affiliation, "
            "never quoted in one article. "
            @if writable { "Merging asks for the server's token; a merge can be undone on the speaker's page." }
            @else { "This server is read-only: merge with " code { "whosaid speakers merge" } "." }
        }
        @if pairs.is_empty() { p.muted { "None found." } }
        table.duplicates {
            tbody {
                @for p in &pairs {
                    tr {
                        td { (link(&p.keep)) }
                        td { (link(&p.merge)) }
                        td.muted { (p.reasons.join("; ")) }
                        td { (write_button(writable, "merge", "merge", &[("into", p.keep.id), ("from", p.merge.id)])) }
                    }
                }
            }
        }
    };
    Ok(Page(StatusCode::OK, layout("Probable duplicates", body)))
}

/// Monday of the week of `date`.
fn monday(date: NaiveDate) -> NaiveDate {
    date - Duration::days(i64::from(date.weekday().num_days_from_monday()))
}

/// A stacked bar chart of statements per week (x) by outlet (colour), as
/// inline SVG; weeks without statements are shown as gaps.
fn timeline_plot(weeks: &[WeekCount], speaker: i64) -> Markup {
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
            let href = format!("/speakers/{speaker}?week={}#timeline", week_label(*k));
            rects.push((x, y1, (y0 - y1).max(0.5), color(outlet), tip, href));
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
                @for (x, y1, h, fill, tip, href) in &rects {
                    // A bar opens its week's statements.
                    a href=(href) {
                        rect.bar x=(format!("{x:.2}")) y=(format!("{y1:.2}")) width=(format!("{bar:.2}")) height=(format!("{h:.2}")) fill=(fill) {
                            title { (tip) }
                        }
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
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn monday_of_a_week() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(monday(d("2025-02-14")), d("2025-02-10"));
        assert_eq!(monday(d("2025-02-10")), d("2025-02-10"));
        assert_eq!(monday(d("2025-02-16")), d("2025-02-10"));
    }
}
