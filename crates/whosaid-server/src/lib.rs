//! The HTTP JSON API and web UI over the statement store (`whosaid serve`).
//!
//! `/api/…` and `/openapi.json` answer JSON; every other path is a page of
//! the web UI ([`ui`]: overview, search, articles, speakers).
//!
//! Read-only unless a token is configured: the writes (`POST
//! /api/documents`, `POST /api/speakers/merge`, `POST
//! /api/speakers/{id}/unmerge`) need `Authorization: Bearer <token>` and
//! answer 401 otherwise. Every error is
//! JSON (`{"error": "…"}`) with its status code; request bodies are capped
//! ([`MAX_BODY`]) and every request has a deadline ([`REQUEST_TIMEOUT`]).
//! SQLite work runs on blocking threads behind one mutex-guarded
//! connection (WAL lets other processes read meanwhile).

use std::net::SocketAddr;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::extract::{DefaultBodyLimit, Path as UrlPath, Query as UrlQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{json, Value};
use whosaid::{DocumentInfo, Extractor};
use whosaid_ingest::Metadata;
use whosaid_store::{Added, Query, Store, StoreError};

mod api;
mod ui;

use api::*;

/// Largest request body accepted.
pub const MAX_BODY: usize = 4 * 1024 * 1024;
/// Deadline of one request.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
/// Most results one search returns.
const MAX_LIMIT: usize = 500;

/// Shared by every request.
struct AppState {
    /// Idle connections; a request takes any free one (one per core, so
    /// reads run in parallel under WAL; writes serialize in SQLite). A
    /// slow query holds only its own connection.
    idle: Mutex<Vec<Store>>,
    /// One permit per connection.
    connections: tokio::sync::Semaphore,
    /// Extractions (`POST /api/extract`, `/api/documents`) running at once;
    /// past it a request is answered 503 at once instead of queueing
    /// (each holds up to ~40 bytes per byte of a 4 MB body).
    extractions: tokio::sync::Semaphore,
    /// Article pages being rendered at once (a page holds the document's
    /// text several times over); past it a request is answered 503.
    renders: tokio::sync::Semaphore,
    extractor: Extractor,
    token: Option<String>,
}

/// Extractions that may run at once.
const MAX_EXTRACTIONS: usize = 2;

/// Article pages that may be rendered at once.
const MAX_RENDERS: usize = 4;

/// An error answer: status and message.
struct ApiError(StatusCode, String);

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.0, Json(json!({ "error": self.1 }))).into_response()
    }
}

/// An API route's query parameters: an unknown parameter or a malformed
/// value is a JSON 400 naming it, like every other API error.
struct ApiQuery<T>(T);

impl<S, T> axum::extract::FromRequestParts<S> for ApiQuery<T>
where
    T: serde::de::DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &S,
    ) -> Result<Self, ApiError> {
        match UrlQuery::<T>::from_request_parts(parts, state).await {
            Ok(UrlQuery(value)) => Ok(ApiQuery(value)),
            Err(e) => Err(ApiError(StatusCode::BAD_REQUEST, e.body_text())),
        }
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        let status = match e {
            StoreError::BadQuery { .. } => StatusCode::BAD_REQUEST,
            StoreError::NoSpeaker { .. } => StatusCode::NOT_FOUND,
            StoreError::AmbiguousSpeaker { .. }
            | StoreError::SameSpeaker(_)
            | StoreError::NotMerged(_) => StatusCode::CONFLICT,
            StoreError::BadAliases { .. } => StatusCode::BAD_REQUEST,
            _ => StatusCode::INTERNAL_SERVER_ERROR,
        };
        ApiError(status, e.to_string())
    }
}

type ApiResult = Result<Json<Value>, ApiError>;

/// Runs store work off the async threads on any free connection, under
/// the request's deadline: SQLite stops a statement still running then. A
/// panic in `f` is a 500 for this request only (the connection goes back,
/// its transaction rolled back).
async fn with_store<T: Send + 'static>(
    state: &Arc<AppState>,
    f: impl FnOnce(&mut Store) -> Result<T, StoreError> + Send + 'static,
) -> Result<T, ApiError> {
    let deadline = std::time::Instant::now() + REQUEST_TIMEOUT;
    let permit = tokio::time::timeout(REQUEST_TIMEOUT, state.connections.acquire())
        .await
        .map_err(|_| ApiError(StatusCode::SERVICE_UNAVAILABLE, "busy: try again".into()))?
        .map_err(|_| ApiError(StatusCode::SERVICE_UNAVAILABLE, "shutting down".into()))?;
    let state = Arc::clone(state);
    let result = tokio::task::spawn_blocking(move || {
        let taken = state.idle.lock().unwrap_or_else(|e| e.into_inner()).pop();
        let Some(mut store) = taken else {
            return Err(ApiError(
                StatusCode::INTERNAL_SERVER_ERROR,
                "no free store connection".into(),
            ));
        };
        store.set_deadline(Some(deadline));
        let run = std::panic::AssertUnwindSafe(|| f(&mut store));
        let out = std::panic::catch_unwind(run);
        store.set_deadline(None);
        state
            .idle
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(store);
        match out {
            Ok(r) => r.map_err(ApiError::from),
            Err(_) => Err(ApiError(
                StatusCode::INTERNAL_SERVER_ERROR,
                "internal error".into(),
            )),
        }
    })
    .await
    .map_err(|e| ApiError(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?;
    drop(permit);
    result
}

/// A permit of `limit`, or a 503 at once when none is free ("busy
/// `doing`: try again"): back-pressure without a queue.
fn permit_or_busy<'a>(
    limit: &'a tokio::sync::Semaphore,
    doing: &str,
) -> Result<tokio::sync::SemaphorePermit<'a>, ApiError> {
    limit.try_acquire().map_err(|_| {
        ApiError(
            StatusCode::SERVICE_UNAVAILABLE,
            format!("busy {doing}: try again"),
        )
    })
}

/// Runs an extraction off the async threads, or answers 503 when
/// [`MAX_EXTRACTIONS`] are already running.
async fn with_extractor<T: Send + 'static>(
    state: &Arc<AppState>,
    f: impl FnOnce(&Extractor) -> T + Send + 'static,
) -> Result<T, ApiError> {
    let permit = permit_or_busy(&state.extractions, "extracting")?;
    let state = Arc::clone(state);
    let out = tokio::task::spawn_blocking(move || {
        let run = std::panic::AssertUnwindSafe(|| f(&state.extractor));
        std::panic::catch_unwind(run)
    })
    .await;
    drop(permit);
    match out {
        Ok(Ok(t)) => Ok(t),
        _ => Err(ApiError(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal error while extracting".into(),
        )),
    }
}

/// The router over one connection (an in-memory store, tests).
pub fn router(store: Store, extractor: Extractor, token: Option<String>) -> Router {
    router_with(vec![store], extractor, token)
}

/// The router over several connections to one store file.
pub fn router_with(stores: Vec<Store>, extractor: Extractor, token: Option<String>) -> Router {
    let state = Arc::new(AppState {
        connections: tokio::sync::Semaphore::new(stores.len()),
        idle: Mutex::new(stores),
        extractions: tokio::sync::Semaphore::new(MAX_EXTRACTIONS),
        renders: tokio::sync::Semaphore::new(MAX_RENDERS),
        extractor,
        token: token.filter(|t| !t.is_empty()),
    });
    let authorized = axum::middleware::from_fn_with_state(Arc::clone(&state), require_token);
    Router::new()
        .route("/api/search", get(search))
        .route("/api/documents/{id}", get(document))
        .route(
            "/api/documents",
            post(add_document).route_layer(authorized.clone()),
        )
        .route("/api/assertions", get(assertions))
        .route("/api/speakers", get(speakers))
        .route("/api/speakers/duplicates", get(duplicates))
        .route(
            "/api/speakers/merge",
            post(merge_speakers).route_layer(authorized.clone()),
        )
        .route("/api/speakers/{id}", get(speaker))
        .route(
            "/api/speakers/{id}/unmerge",
            post(unmerge_speaker).route_layer(authorized),
        )
        .route("/api/quotes", get(api::quotes))
        .route("/api/quotes/{id}", get(api::quote))
        .route("/api/extract", post(extract))
        .route("/openapi.json", get(openapi))
        .merge(ui::routes())
        .fallback(not_found)
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .layer(axum::middleware::from_fn(json_errors))
        .layer(axum::middleware::from_fn(loopback_host))
        .layer(tower_http::timeout::TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            REQUEST_TIMEOUT,
        ))
        .with_state(state)
}

/// The writes need the bearer token, checked before the body is read. The scheme is case-insensitive (RFC 9110), the comparison
/// constant-time.
async fn require_token(
    State(state): State<Arc<AppState>>,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let Some(token) = &state.token else {
        return ApiError(
            StatusCode::UNAUTHORIZED,
            "this server is read-only: start it with --token to accept documents and speaker merges".into(),
        )
        .into_response();
    };
    let presented = request
        .headers()
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split_once(' '))
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
        .map(|(_, t)| t.trim());
    match presented {
        Some(p) if constant_time_eq(p.as_bytes(), token.as_bytes()) => next.run(request).await,
        _ => ApiError(
            StatusCode::UNAUTHORIZED,
            "missing or wrong bearer token".into(),
        )
        .into_response(),
    }
}

/// Equality whose time does not depend on where the inputs differ.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    let mut diff = a.len() ^ b.len();
    for (i, x) in a.iter().enumerate() {
        diff |= usize::from(x ^ b.get(i % b.len().max(1)).copied().unwrap_or(0));
    }
    diff == 0
}

/// Every error under `/api/` is `{"error": …}`, including the rejections
/// axum's extractors write as plain text (bad query string, 405, 413, 415,
/// 422); server errors and timeouts are logged on stderr.
async fn json_errors(request: axum::extract::Request, next: axum::middleware::Next) -> Response {
    let path = request.uri().path().to_string();
    let method = request.method().clone();
    let response = next.run(request).await;
    let status = response.status();
    if status.is_server_error() || status == StatusCode::REQUEST_TIMEOUT {
        eprintln!("whosaid: {method} {path}: {status}");
    }
    let is_json = response
        .headers()
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    if !path.starts_with("/api/")
        || is_json
        || !(status.is_client_error() || status.is_server_error())
    {
        return response;
    }
    let body = axum::body::to_bytes(response.into_body(), 64 * 1024)
        .await
        .unwrap_or_default();
    let message = String::from_utf8_lossy(&body).trim().to_string();
    let message = if message.is_empty() {
        status.canonical_reason().unwrap_or("error").to_string()
    } else {
        message
    };
    ApiError(status, message).into_response()
}

/// Requests must name this server by a loopback host (`localhost`,
/// `127.0.0.1`, `[::1]`, with any port) unless it was started on another
/// address: a web page cannot then reach a local server through a DNS name
/// it rebinds to 127.0.0.1.
async fn loopback_host(request: axum::extract::Request, next: axum::middleware::Next) -> Response {
    let served_on_loopback = request
        .extensions()
        .get::<LocalAddr>()
        .is_none_or(|a| a.0.ip().is_loopback());
    if served_on_loopback {
        let host = request
            .headers()
            .get(axum::http::header::HOST)
            .and_then(|h| h.to_str().ok())
            .unwrap_or("");
        if !host.is_empty() && !is_loopback_host(host) {
            return ApiError(
                StatusCode::MISDIRECTED_REQUEST,
                format!("host {host:?} is not this server: use localhost or 127.0.0.1"),
            )
            .into_response();
        }
    }
    next.run(request).await
}

/// The address a server listens on, for [`loopback_host`].
#[derive(Clone, Copy)]
struct LocalAddr(SocketAddr);

fn is_loopback_host(host: &str) -> bool {
    let name = if let Some(rest) = host.strip_prefix('[') {
        rest.split(']').next().unwrap_or("")
    } else {
        host.rsplit_once(':').map_or(host, |(h, _)| h)
    };
    name.eq_ignore_ascii_case("localhost")
        || name
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// Unknown paths: JSON under `/api/`, a page elsewhere.
async fn not_found(uri: axum::http::Uri) -> Response {
    let e = ApiError(StatusCode::NOT_FOUND, format!("nothing at {}", uri.path()));
    if uri.path().starts_with("/api/") {
        e.into_response()
    } else {
        ui::error_page(e)
    }
}

/// Serves the API on `addr` until Ctrl-C, on a runtime of its own (for
/// callers without one, such as the CLI).
pub fn serve_blocking(db: &Path, addr: SocketAddr, token: Option<String>) -> std::io::Result<()> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        // A backstop, as for the batch workers: every stage is iterative
        // or bounded in depth.
        .thread_stack_size(16 << 20)
        .build()?
        .block_on(serve(db, addr, token))
}

/// Serves the API on `addr` until Ctrl-C.
pub async fn serve(db: &Path, addr: SocketAddr, token: Option<String>) -> std::io::Result<()> {
    let n = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .max(2);
    let writable = token.as_deref().is_some_and(|t| !t.is_empty());
    // Without a token nothing is written: read-only connections, so a
    // store on read-only media is served and a typo path creates nothing.
    let stores = (0..n)
        .map(|_| {
            if writable {
                Store::open(db)
            } else {
                Store::open_read_only(db)
            }
        })
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| std::io::Error::other(e.to_string()))?;
    // Each connection computes the corpus aggregates (totals, speaker and
    // outlet rankings: a read of every statement) once; done here, in
    // parallel, so the first visitors of a large store do not wait.
    let stores: Vec<Store> = stores
        .into_iter()
        .map(|store| {
            std::thread::spawn(move || {
                let _ = store.totals();
                store
            })
        })
        .collect::<Vec<_>>()
        .into_iter()
        .map(|warming| {
            warming
                .join()
                .map_err(|_| std::io::Error::other("warming a store"))
        })
        .collect::<Result<_, _>>()?;
    let listener = tokio::net::TcpListener::bind(addr).await?;
    let app = router_with(stores, Extractor::builtin(), token)
        .layer(axum::Extension(LocalAddr(listener.local_addr()?)));
    eprintln!(
        "whosaid: serving {} on http://{}",
        db.display(),
        listener.local_addr()?
    );
    let stopped = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    serve_connections(listener, app, ServeLimits::default(), stopped).await;
    Ok(())
}

/// Connection limits of [`serve_connections`].
#[derive(Debug, Clone, Copy)]
pub struct ServeLimits {
    /// How long a client has to send a request's headers, idle keep-alive
    /// time included.
    pub header_read_timeout: Duration,
    /// Most connections open at once.
    pub max_connections: usize,
    /// How long open requests get to finish after shutdown begins.
    pub shutdown_grace: Duration,
}

impl Default for ServeLimits {
    fn default() -> Self {
        ServeLimits {
            header_read_timeout: HEADER_READ_TIMEOUT,
            max_connections: MAX_CONNECTIONS,
            shutdown_grace: SHUTDOWN_GRACE,
        }
    }
}

/// Serves `app` on `listener` until `shutdown` resolves.
///
/// axum's own `serve` sets no timer, so hyper would wait forever for a
/// client's headers; here every connection has `header_read_timeout` to
/// send each request's headers (idle keep-alive connections included),
/// at most `max_connections` are open at once (more wait in the kernel's
/// backlog instead of exhausting file descriptors), and on shutdown open
/// requests get `shutdown_grace` to finish.
pub async fn serve_connections(
    listener: tokio::net::TcpListener,
    app: Router,
    limits: ServeLimits,
    shutdown: impl std::future::Future<Output = ()>,
) {
    use hyper_util::rt::{TokioIo, TokioTimer};
    use tower::ServiceExt;

    let slots = Arc::new(tokio::sync::Semaphore::new(limits.max_connections));
    let (close_tx, close_rx) = tokio::sync::watch::channel(false);
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let permit = tokio::select! {
            _ = &mut shutdown => break,
            permit = Arc::clone(&slots).acquire_owned() => match permit {
                Ok(p) => p,
                Err(_) => break,
            },
        };
        let stream = tokio::select! {
            _ = &mut shutdown => break,
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(e) => {
                    // Out of file descriptors and the like: wait, go on.
                    eprintln!("whosaid: accepting a connection: {e}");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
        };
        let service = hyper_util::service::TowerToHyperService::new(app.clone().map_request(
            |r: axum::http::Request<hyper::body::Incoming>| r.map(axum::body::Body::new),
        ));
        let mut close = close_rx.clone();
        tokio::spawn(async move {
            let _permit = permit;
            let mut builder = hyper::server::conn::http1::Builder::new();
            builder
                .timer(TokioTimer::new())
                .header_read_timeout(limits.header_read_timeout)
                .max_buf_size(MAX_HEADER_BUFFER);
            let conn = builder.serve_connection(TokioIo::new(stream), service);
            let mut conn = std::pin::pin!(conn);
            tokio::select! {
                _ = conn.as_mut() => {}
                _ = close.changed() => {
                    conn.as_mut().graceful_shutdown();
                    let _ = conn.await;
                }
            }
        });
    }
    drop(listener);
    let _ = close_tx.send(true);
    let all = u32::try_from(limits.max_connections).unwrap_or(u32::MAX);
    let grace = limits.shutdown_grace;
    if tokio::time::timeout(grace, slots.acquire_many(all))
        .await
        .is_err()
    {
        eprintln!("whosaid: connections still open after {grace:?}; stopping");
    }
}

/// How long a client has to send a request's headers.
pub const HEADER_READ_TIMEOUT: Duration = Duration::from_secs(10);

/// Most connections open at once.
pub const MAX_CONNECTIONS: usize = 512;

/// Read buffer of a connection (hyper's minimum; the request line and
/// headers must fit, bodies stream).
const MAX_HEADER_BUFFER: usize = 64 * 1024;

/// How long open requests get to finish after Ctrl-C.
pub const SHUTDOWN_GRACE: Duration = Duration::from_secs(5);

/// The text of a posted document, normalized, within the text limit the
/// batch commands apply ([`whosaid_ingest::DEFAULT_MAX_TEXT_BYTES`]): the
/// memory of an extraction grows with its text.
fn checked_text(text: &str) -> Result<String, ApiError> {
    let limit = whosaid_ingest::DEFAULT_MAX_TEXT_BYTES;
    if text.len() > limit {
        return Err(ApiError(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!(
                "text of {} bytes is longer than the {limit} byte limit",
                text.len()
            ),
        ));
    }
    Ok(whosaid_ingest::normalize_text(text))
}

/// A document sent to the API.
#[derive(Deserialize)]
struct DocumentIn {
    text: String,
    #[serde(default)]
    id: Option<String>,
    url: Option<String>,
    title: Option<String>,
    byline: Option<String>,
    published: Option<String>,
    outlet: Option<String>,
    language: Option<String>,
}

impl DocumentIn {
    fn meta(&self) -> Result<Metadata, ApiError> {
        check_date("published", &self.published)?;
        Ok(Metadata {
            id: self.id.clone().unwrap_or_default(),
            id_from_input: self.id.is_none(),
            url: self.url.clone(),
            title: self.title.clone(),
            byline: self.byline.clone(),
            published: self.published.as_deref().and_then(|d| d.parse().ok()),
            outlet: self.outlet.clone(),
            language: self.language.clone(),
        })
    }
}

async fn extract(
    State(state): State<Arc<AppState>>,
    Json(doc): Json<DocumentIn>,
) -> Result<Response, ApiError> {
    let meta = doc.meta()?;
    let text = checked_text(&doc.text)?;
    let deadline = std::time::Instant::now() + REQUEST_TIMEOUT;
    let account = with_extractor(&state, move |extractor| {
        extractor.analyze_before(
            &text,
            &DocumentInfo {
                published: meta.published,
                byline: meta.byline.clone(),
            },
            deadline,
        )
    })
    .await?
    .map_err(|e| ApiError(StatusCode::REQUEST_TIMEOUT, e.to_string()))?;
    // Serialized straight from the account: no JSON value tree in between.
    Ok(Json(account).into_response())
}

async fn add_document(
    State(state): State<Arc<AppState>>,
    Json(doc): Json<DocumentIn>,
) -> ApiResult {
    let mut meta = doc.meta()?;
    let text = checked_text(&doc.text)?;
    if text.trim().is_empty() {
        return Err(ApiError(StatusCode::BAD_REQUEST, "empty text".into()));
    }
    let deadline = std::time::Instant::now() + REQUEST_TIMEOUT;
    let (meta, text, account) = with_extractor(&state, move |extractor| {
        let account = extractor.analyze_before(
            &text,
            &DocumentInfo {
                published: meta.published,
                byline: meta.byline.clone(),
            },
            deadline,
        )?;
        if meta.id.is_empty() {
            meta.id = whosaid_store::document_key(&meta, &text);
        }
        Ok((meta, text, account))
    })
    .await?
    .map_err(|e: whosaid::Error| ApiError(StatusCode::REQUEST_TIMEOUT, e.to_string()))?;
    let id = meta.id.clone();
    let added = with_store(&state, move |s| s.add(&meta, &text, &account)).await?;
    let (status, attributions) = match added {
        Added::New(n) => ("stored", n),
        Added::Existing => ("already stored", 0),
        Added::Clash => {
            return Err(ApiError(
                StatusCode::CONFLICT,
                "another text is already stored under this document's URL or id".into(),
            ))
        }
    };
    Ok(Json(
        json!({ "id": id, "status": status, "attributions": attributions }),
    ))
}

async fn openapi() -> Json<Value> {
    Json(openapi_spec())
}

/// The OpenAPI 3.1 description of every endpoint.
pub fn openapi_spec() -> Value {
    let err = json!({"description": "error", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}});
    let ok = |d: &str| json!({"description": d, "content": {"application/json": {"schema": {"type": "object"}}}});
    let q = |name: &str, d: &str| json!({"name": name, "in": "query", "required": false, "description": d, "schema": {"type": "string"}});
    let body = json!({"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/DocumentIn"}}}});
    json!({
        "openapi": "3.1.0",
        "info": {"title": "whosaid API", "version": env!("CARGO_PKG_VERSION"),
                 "description": "Who said what, when, through whom: search the statement store, extract attributions."},
        "paths": {
            "/api/search": {"get": {"summary": "Full-text search over statements",
                "parameters": [q("q", "words (word forms match; punctuation inside words is fine), \"phrases\", OR, AND, NOT, prefix*, source:/cue:/content:"),
                               q("speaker", "id, or exact name or alias"), q("outlet", "name substring"),
                               q("since", "published on or after, YYYY-MM-DD"), q("until", "published on or before, YYYY-MM-DD"),
                               q("kind", "direct, indirect or mixed"), q("anonymous", "true: unnamed speakers only; false: named only"),
                               q("channel", "interview, told, statement, post, press_conference, speech, letter, testimony, broadcast, relay"),
                               q("said_since", "said on or after (statement time where the text dates it), YYYY-MM-DD"),
                               q("said_until", "said on or before, YYYY-MM-DD"), q("document", "a document id"),
                               q("week", "a week's Monday, YYYY-MM-DD: statements said that week where the text gives the day, else published then (a speaker chart's bar)"),
                               q("sort", "relevance (default), newest, oldest"),
                               q("limit", "1–500, default 20"), q("offset", "paging")],
                "responses": {"200": ok("{results: [Hit with matches: [[start, end]] in content code points], total: {count, exact}, offset, limit, next: offset of the next page or null}"),
                              "400": err}}},
            "/api/assertions": {"get": {"summary": "The outlets' own assertions (stated with no one said to have said them), searched like statements",
                "parameters": [q("q", "words, as for /api/search"), q("outlet", "name substring"), q("since", "YYYY-MM-DD"),
                               q("until", "YYYY-MM-DD"), q("document", "a document id"), q("limit", "1–500, default 20"), q("offset", "paging")],
                "responses": {"200": ok("{results: [{assertion, document, title, outlet, published, text, start, end, whole_sentence, matches}], total, offset, limit, next}"), "400": err}}},
            "/api/documents/{id}": {"get": {"summary": "A stored document with its account",
                "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
                "responses": {"200": ok("document"), "404": err}}},
            "/api/documents": {"post": {"summary": "Extract and store a document (bearer token)",
                "security": [{"bearer": []}], "requestBody": body,
                "responses": {"200": ok("{id, status, attributions}"), "400": err, "401": err, "413": err}}},
            "/api/speakers": {"get": {"summary": "Speakers ranked by statements, with corpus totals (with aliases, merged names and, for an unsettled surname, candidates)",
                "parameters": [q("limit", "1–500, default 50"), q("offset", "paging the ranking (without name or affiliation)"),
                               q("affiliation", "only the speakers affiliated with this body (whole name)"),
                               q("name", "only the speakers answering to this exact name or alias")],
                "responses": {"200": ok("{totals, speakers; for the ranking also total, offset, limit, next}"), "400": err, "404": err}}},
            "/api/speakers/duplicates": {"get": {"summary": "Probable duplicates to confirm with a merge",
                "parameters": [q("limit", "1–500, default 50")], "responses": {"200": ok("{duplicates: [{keep, merge, reasons}]}")}}},
            "/api/speakers/merge": {"post": {"summary": "Merge speaker `from` into `into` (ids or exact names; bearer token)",
                "security": [{"bearer": []}],
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["into", "from"],
                    "properties": {"into": {"type": ["integer", "string"]}, "from": {"type": ["integer", "string"]}}}}}},
                "responses": {"200": ok("{merged, into}"), "400": err, "401": err, "404": err, "409": err}}},
            "/api/speakers/{id}": {"get": {"summary": "One speaker and their statements over time",
                "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}},
                               q("limit", "1–500, default 500"), q("offset", "statements skipped, newest first")],
                "responses": {"200": ok("{speaker, timeline: a page of statements (newest first, then shown oldest first), total, offset, limit, next}"), "400": err, "404": err}}},
            "/api/speakers/{id}/unmerge": {"post": {"summary": "Split a merged name (an id of a speaker's `merged`) off again (bearer token)",
                "security": [{"bearer": []}],
                "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}}],
                "responses": {"200": ok("{split, from}"), "401": err, "404": err, "409": err}}},
            "/api/quotes": {"get": {"summary": "Quotes carried by several documents, the most outlets first: canonical wording, counts, first seen, speakers, conflicting attributions",
                "parameters": [q("q", "words the quote holds"), q("speaker", "id or exact name some outlet gives it to"),
                               q("outlet", "an outlet carrying it (part of its name)"), q("since", "first seen on or after, YYYY-MM-DD"),
                               q("until", "first seen on or before, YYYY-MM-DD"), q("min_documents", "fewest documents, default 2"),
                               q("conflicts", "true: only quotes given to different speakers (or to one and to nobody)"),
                               q("variants", "true: only quotes with more than one wording"),
                               q("limit", "1–500, default 20"), q("offset", "quotes skipped")],
                "responses": {"200": ok("{quotes: [{id, canonical, statements, documents, outlets, first_published, first_document, first_outlet, variants, conflicting, speakers}], offset, limit, next}"), "400": err}}},
            "/api/quotes/{id}": {"get": {"summary": "One quote across outlets: appearances earliest first, wordings with word diffs against the canonical one, speakers",
                "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}}],
                "responses": {"200": ok("{id, canonical, …, appearances: [{statement, ordinal, document, url, title, outlet, published, speaker_id, speaker, wording, variant}], variants: [{wording, statements, diff: [{op: same|added|removed, text}]}]}"), "404": err}}},
            "/api/extract": {"post": {"summary": "Extract and resolve attributions; nothing is stored",
                "requestBody": body, "responses": {"200": ok("account: {attributions, speakers, unattributed}"), "400": err, "413": err}}},
            "/openapi.json": {"get": {"summary": "This description", "responses": {"200": ok("OpenAPI document")}}}
        },
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
            "schemas": {
                "Error": {"type": "object", "properties": {"error": {"type": "string"}}, "required": ["error"]},
                "DocumentIn": {"type": "object", "required": ["text"], "properties": {
                    "text": {"type": "string"}, "id": {"type": "string"}, "url": {"type": "string"},
                    "title": {"type": "string"}, "byline": {"type": "string"},
                    "published": {"type": "string", "format": "date"}, "outlet": {"type": "string"},
                    "language": {"type": "string"}}}
            }
        }
    })
}
