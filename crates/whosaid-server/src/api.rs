//! The JSON API's store routes: search over statements and the outlets'
//! own assertions, documents, speakers and their review (merge, unmerge),
//! with the paging and parameter checks they share.

use super::*;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SearchParams {
    #[serde(default)]
    q: String,
    speaker: Option<String>,
    outlet: Option<String>,
    since: Option<String>,
    until: Option<String>,
    kind: Option<String>,
    anonymous: Option<bool>,
    channel: Option<String>,
    said_since: Option<String>,
    said_until: Option<String>,
    document: Option<String>,
    week: Option<String>,
    sort: Option<String>,
    limit: Option<usize>,
    offset: Option<usize>,
}

pub(crate) fn check_date(name: &str, value: &Option<String>) -> Result<(), ApiError> {
    match value {
        Some(v) if chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d").is_err() => Err(ApiError(
            StatusCode::BAD_REQUEST,
            format!("{name}: expected YYYY-MM-DD, got {v:?}"),
        )),
        _ => Ok(()),
    }
}

pub(crate) async fn search(
    State(state): State<Arc<AppState>>,
    ApiQuery(p): ApiQuery<SearchParams>,
) -> ApiResult {
    for (name, value) in [
        ("since", &p.since),
        ("until", &p.until),
        ("said_since", &p.said_since),
        ("said_until", &p.said_until),
        ("week", &p.week),
    ] {
        check_date(name, value)?;
    }
    let sort = match &p.sort {
        Some(s) => s
            .parse()
            .map_err(|e: String| ApiError(StatusCode::BAD_REQUEST, e))?,
        None => whosaid_store::Sort::default(),
    };
    let query = Query {
        text: p.q,
        speaker: p.speaker,
        outlet: p.outlet,
        since: p.since,
        until: p.until,
        kind: p.kind,
        anonymous: p.anonymous,
        channel: p.channel,
        said_since: p.said_since,
        said_until: p.said_until,
        document: p.document,
        week: p.week,
        sort,
        limit: page_limit(p.limit, 20)?,
        offset: p.offset.unwrap_or(0),
    };
    let (offset, limit) = (query.offset, query.limit);
    let (hits, total) =
        with_store(&state, move |s| Ok((s.search(&query)?, s.count(&query)?))).await?;
    let next = next_offset(offset, limit, hits.len(), total);
    Ok(Json(
        json!({ "results": hits, "total": total, "offset": offset, "limit": limit, "next": next }),
    ))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct AssertionParams {
    #[serde(default)]
    q: String,
    outlet: Option<String>,
    since: Option<String>,
    until: Option<String>,
    document: Option<String>,
    limit: Option<usize>,
    offset: Option<usize>,
}

/// The outlets' own assertions, searched like statements.
pub(crate) async fn assertions(
    State(state): State<Arc<AppState>>,
    ApiQuery(p): ApiQuery<AssertionParams>,
) -> ApiResult {
    check_date("since", &p.since)?;
    check_date("until", &p.until)?;
    let query = whosaid_store::AssertionQuery {
        text: p.q,
        outlet: p.outlet,
        since: p.since,
        until: p.until,
        document: p.document,
        limit: page_limit(p.limit, 20)?,
        offset: p.offset.unwrap_or(0),
    };
    let (offset, limit) = (query.offset, query.limit);
    let (hits, total) = with_store(&state, move |s| {
        Ok((s.search_assertions(&query)?, s.count_assertions(&query)?))
    })
    .await?;
    let next = next_offset(offset, limit, hits.len(), total);
    Ok(Json(
        json!({ "results": hits, "total": total, "offset": offset, "limit": limit, "next": next }),
    ))
}

/// The offset of the page after one of `got` results at `offset`, if
/// there are more.
pub(crate) fn next_offset(
    offset: usize,
    limit: usize,
    got: usize,
    total: whosaid_store::Total,
) -> Option<usize> {
    let end = offset.saturating_add(got);
    let more = !total.exact || (end as u64) < total.count;
    (got == limit && more).then_some(end)
}

pub(crate) async fn document(
    State(state): State<Arc<AppState>>,
    UrlPath(id): UrlPath<String>,
) -> ApiResult {
    let wanted = id.clone();
    match with_store(&state, move |s| s.document_json(&wanted)).await? {
        Some(doc) => Ok(Json(doc)),
        None => Err(ApiError(
            StatusCode::NOT_FOUND,
            format!("no document {id:?}"),
        )),
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SpeakersParams {
    limit: Option<usize>,
    /// Speakers skipped (the ranking only).
    offset: Option<usize>,
    /// Only speakers affiliated with this body.
    affiliation: Option<String>,
    /// Only the speakers that answer to this exact name or alias.
    name: Option<String>,
}

pub(crate) async fn speakers(
    State(state): State<Arc<AppState>>,
    ApiQuery(p): ApiQuery<SpeakersParams>,
) -> ApiResult {
    let limit = page_limit(p.limit, 50)?;
    let offset = p.offset.unwrap_or(0);
    if offset > 0 && (p.name.is_some() || p.affiliation.is_some()) {
        return Err(ApiError(
            StatusCode::BAD_REQUEST,
            "offset: pages the ranking of all speakers; with name or affiliation the answer is one page"
                .into(),
        ));
    }
    let (totals, list, ranked) = with_store(&state, move |s| {
        let list = match (&p.name, &p.affiliation) {
            (Some(name), _) => {
                let ids = s.speakers_named(name)?;
                if ids.is_empty() {
                    // The error names close names.
                    s.speaker(name)?;
                }
                ids.iter()
                    .take(limit)
                    .map(|id| s.speaker(&id.to_string()))
                    .collect::<Result<Vec<_>, _>>()?
            }
            (None, Some(body)) => s.affiliated(body, limit)?,
            (None, None) => {
                let total = s.speaker_count()?;
                let list = s.speakers_page(limit, offset)?;
                return Ok((s.totals()?, list, Some(total)));
            }
        };
        Ok((s.totals()?, list, None))
    })
    .await?;
    let mut body = json!({ "totals": totals, "speakers": list });
    if let Some(total) = ranked {
        let got = body["speakers"].as_array().map_or(0, Vec::len);
        let total = whosaid_store::Total {
            count: total,
            exact: true,
        };
        body["total"] = json!(total.count);
        body["offset"] = json!(offset);
        body["limit"] = json!(limit);
        body["next"] = json!(next_offset(offset, limit, got, total));
    }
    Ok(Json(body))
}

/// A page size asked for, `default` when absent; over [`MAX_LIMIT`] is an
/// error, not silently cut.
pub(crate) fn page_limit(asked: Option<usize>, default: usize) -> Result<usize, ApiError> {
    match asked {
        Some(l) if l > MAX_LIMIT => Err(ApiError(
            StatusCode::BAD_REQUEST,
            format!("limit: at most {MAX_LIMIT} a page"),
        )),
        Some(l) => Ok(l.max(1)),
        None => Ok(default),
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct LimitParams {
    limit: Option<usize>,
}

/// A speaker's statements, paged.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PageParams {
    limit: Option<usize>,
    offset: Option<usize>,
}

pub(crate) async fn duplicates(
    State(state): State<Arc<AppState>>,
    ApiQuery(p): ApiQuery<LimitParams>,
) -> ApiResult {
    let limit = page_limit(p.limit, 50)?;
    let pairs = with_store(&state, move |s| s.probable_duplicates(limit)).await?;
    Ok(Json(json!({ "duplicates": pairs })))
}

/// `POST /api/speakers/merge` body: two speakers, by id or exact name.
#[derive(Deserialize)]
pub(crate) struct MergeIn {
    /// The speaker that stays.
    into: Value,
    /// The speaker merged into it.
    from: Value,
}

/// An id (number or string) or a name, as text.
pub(crate) fn speaker_arg(field: &str, v: &Value) -> Result<String, ApiError> {
    match v {
        Value::Number(n) => Ok(n.to_string()),
        Value::String(s) if !s.trim().is_empty() => Ok(s.clone()),
        _ => Err(ApiError(
            StatusCode::BAD_REQUEST,
            format!("{field}: expected a speaker id or name"),
        )),
    }
}

pub(crate) async fn merge_speakers(
    State(state): State<Arc<AppState>>,
    Json(body): Json<MergeIn>,
) -> ApiResult {
    let into = speaker_arg("into", &body.into)?;
    let from = speaker_arg("from", &body.from)?;
    let done = with_store(&state, move |s| s.merge_speakers(&into, &from)).await?;
    Ok(Json(json!({ "merged": done.moved, "into": done.group })))
}

pub(crate) async fn unmerge_speaker(
    State(state): State<Arc<AppState>>,
    UrlPath(id): UrlPath<i64>,
) -> ApiResult {
    let done = with_store(&state, move |s| s.unmerge_speaker(id)).await?;
    Ok(Json(json!({ "split": done.moved, "from": done.group })))
}

pub(crate) async fn speaker(
    State(state): State<Arc<AppState>>,
    UrlPath(id): UrlPath<i64>,
    ApiQuery(p): ApiQuery<PageParams>,
) -> ApiResult {
    let limit = page_limit(p.limit, MAX_LIMIT)?;
    let offset = p.offset.unwrap_or(0);
    let (summary, timeline) = with_store(&state, move |s| {
        let summary = s.speaker(&id.to_string())?;
        let timeline = s.timeline_page(summary.id, limit, offset)?;
        Ok((summary, timeline))
    })
    .await?;
    let total = whosaid_store::Total {
        count: u64::try_from(summary.statements).unwrap_or(0),
        exact: true,
    };
    let next = next_offset(offset, limit, timeline.len(), total);
    Ok(Json(json!({
        "speaker": summary, "timeline": timeline,
        "total": total.count, "offset": offset, "limit": limit, "next": next,
    })))
}

/// `GET /api/quotes`: quotes carried by several documents.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct QuotesParams {
    #[serde(default)]
    q: String,
    speaker: Option<String>,
    outlet: Option<String>,
    since: Option<String>,
    until: Option<String>,
    min_documents: Option<usize>,
    conflicts: Option<bool>,
    variants: Option<bool>,
    limit: Option<usize>,
    offset: Option<usize>,
}

pub(crate) async fn quotes(
    State(state): State<Arc<AppState>>,
    ApiQuery(p): ApiQuery<QuotesParams>,
) -> ApiResult {
    check_date("since", &p.since)?;
    check_date("until", &p.until)?;
    let limit = page_limit(p.limit, 20)?;
    let offset = p.offset.unwrap_or(0);
    let query = whosaid_store::QuoteQuery {
        text: p.q,
        speaker: p.speaker,
        outlet: p.outlet,
        since: p.since,
        until: p.until,
        min_documents: p.min_documents.unwrap_or(2),
        conflicts: p.conflicts.unwrap_or(false),
        variants: p.variants.unwrap_or(false),
        // One more than asked: whether there is a next page.
        limit: limit + 1,
        offset,
    };
    let mut list = with_store(&state, move |s| s.quotes(&query)).await?;
    let more = list.len() > limit;
    list.truncate(limit);
    let next = more.then_some(offset + limit);
    Ok(Json(
        json!({ "quotes": list, "offset": offset, "limit": limit, "next": next }),
    ))
}

/// `GET /api/quotes/{id}`: one quote across outlets.
pub(crate) async fn quote(
    State(state): State<Arc<AppState>>,
    UrlPath(id): UrlPath<i64>,
) -> ApiResult {
    match with_store(&state, move |s| s.quote(id)).await? {
        Some(q) => Ok(Json(json!(q))),
        None => Err(ApiError(StatusCode::NOT_FOUND, format!("no quote {id}"))),
    }
}
