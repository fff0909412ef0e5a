//! The server under abuse (hardening issue, finding 6 and the smaller API
//! findings): each test is the regression of one finding.

use std::io::{Read, Write};
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use serde_json::{json, Value};
use tower::ServiceExt;
use whosaid::Extractor;
use whosaid_server::{serve_connections, ServeLimits};
use whosaid_store::Store;

fn app(token: Option<&str>) -> axum::Router {
    whosaid_server::router(
        Store::in_memory().unwrap(),
        Extractor::rules(),
        token.map(String::from),
    )
}

async fn call(app: &axum::Router, req: Request<Body>) -> (StatusCode, String) {
    let resp = app.clone().oneshot(req).await.unwrap();
    let status = resp.status();
    let bytes = resp.into_body().collect().await.unwrap().to_bytes();
    (status, String::from_utf8_lossy(&bytes).into_owned())
}

fn error_of(body: &str) -> String {
    let v: Value = serde_json::from_str(body).unwrap_or_else(|_| panic!("not JSON: {body:?}"));
    v["error"]
        .as_str()
        .unwrap_or_else(|| panic!("no error field: {body}"))
        .to_string()
}

/// Every rejection under /api/ is `{"error": …}`: bad query strings, wrong
/// methods, wrong content types, unparsable and mistyped bodies.
#[tokio::test]
async fn every_api_error_is_json() {
    let app = app(Some("t"));
    let requests = [
        Request::get("/api/search?limit=many").body(Body::empty()),
        Request::delete("/api/search").body(Body::empty()),
        Request::post("/api/extract")
            .header("content-type", "text/plain")
            .body(Body::from("{}")),
        Request::post("/api/extract")
            .header("content-type", "application/json")
            .body(Body::from("{\"text\": 5}")),
        Request::post("/api/extract")
            .header("content-type", "application/json")
            .body(Body::from("{not json")),
    ];
    for req in requests {
        let req = req.unwrap();
        let what = format!("{} {}", req.method(), req.uri());
        let (status, body) = call(&app, req).await;
        assert!(status.is_client_error(), "{what}: {status}");
        assert!(!error_of(&body).is_empty(), "{what}");
    }
}

/// A text past the batch commands' text limit is refused with 413 before
/// any extraction (its memory grows with the text).
#[tokio::test]
async fn texts_past_the_text_limit_are_refused() {
    let app = app(Some("t"));
    let text = "word ".repeat(whosaid_ingest::DEFAULT_MAX_TEXT_BYTES / 5 + 1);
    for (path, auth) in [("/api/extract", None), ("/api/documents", Some("Bearer t"))] {
        let mut r = Request::post(path).header("content-type", "application/json");
        if let Some(a) = auth {
            r = r.header("authorization", a);
        }
        let req = r
            .body(Body::from(json!({ "text": text }).to_string()))
            .unwrap();
        let (status, body) = call(&app, req).await;
        assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{path}");
        assert!(error_of(&body).contains("byte limit"), "{body}");
    }
}

/// The token is checked before the body is read; the scheme is
/// case-insensitive; a wrong token of any length is refused.
#[tokio::test]
async fn the_token_is_checked_first_and_any_case_of_bearer_works() {
    let app = app(Some("s3cret"));
    let post = |auth: Option<&str>, body: &str| {
        let mut r = Request::post("/api/documents").header("content-type", "application/json");
        if let Some(a) = auth {
            r = r.header("authorization", a);
        }
        r.body(Body::from(body.to_string())).unwrap()
    };
    // An unparsable body without a token: 401, not 400 (not parsed at all).
    let (status, _) = call(&app, post(None, "{not json")).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    for wrong in [
        "Bearer s3cre",
        "Bearer s3cret2",
        "Bearer ",
        "Basic s3cret",
        "s3cret",
    ] {
        let (status, _) = call(&app, post(Some(wrong), "{\"text\": \"x\"}")).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{wrong}");
    }
    let doc =
        json!({"id": "a", "text": "Talks\n\nJohn Smith said that the talks failed."}).to_string();
    let (status, body) = call(&app, post(Some("bearer s3cret"), &doc)).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    // The same id with another text is a clash, not a silent skip.
    let other = json!({"id": "a", "text": "Another text altogether, said Jane Doe."}).to_string();
    let (status, body) = call(&app, post(Some("BEARER s3cret"), &other)).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
}

/// Costly full-text queries are refused before they run; an offset past
/// i64 is an empty page, not the first one.
#[tokio::test]
async fn costly_queries_are_refused_and_offsets_do_not_wrap() {
    let app = app(Some("t"));
    let doc = json!({"id": "a", "text": "Talks\n\nJohn Smith said that the talks failed."});
    let req = Request::post("/api/documents")
        .header("content-type", "application/json")
        .header("authorization", "Bearer t")
        .body(Body::from(doc.to_string()))
        .unwrap();
    assert_eq!(call(&app, req).await.0, StatusCode::OK);
    let get = |uri: String| Request::get(uri).body(Body::empty()).unwrap();
    let floods = [
        "t*%20OR%20".repeat(2000),
        "a*%20".repeat(800),
        "a*".to_string(),
        "word%20".repeat(100),
    ];
    for q in floods {
        let (status, body) = call(&app, get(format!("/api/search?q={q}"))).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{}", &q[..q.len().min(40)]);
        error_of(&body);
    }
    let (status, body) = call(&app, get("/api/search?q=talks".into())).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(body.contains("John Smith"));
    let (status, body) = call(
        &app,
        get(format!("/api/search?q=talks&offset={}", u64::MAX)),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(!body.contains("John Smith"), "{body}");
}

/// A loopback listener served by `serve_connections` with `limits`; the
/// returned sender stops it, the handle ends when it has stopped.
async fn spawn_server(
    limits: ServeLimits,
) -> (
    std::net::SocketAddr,
    tokio::sync::oneshot::Sender<()>,
    tokio::task::JoinHandle<()>,
) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let handle = tokio::spawn(serve_connections(listener, app(None), limits, async {
        let _ = stopped.await;
    }));
    (addr, stop, handle)
}

/// A blocking GET on a fresh connection.
fn get_blocking(addr: std::net::SocketAddr, path: &str) -> std::io::Result<String> {
    let mut conn = std::net::TcpStream::connect(addr)?;
    conn.set_read_timeout(Some(Duration::from_secs(20)))?;
    write!(
        conn,
        "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    )?;
    let mut out = String::new();
    conn.read_to_string(&mut out)?;
    Ok(out)
}

/// Half-open connections that never send headers are closed after the
/// header timeout, and while the connection cap is reached a new client
/// waits instead of failing; the server then answers it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn silent_connections_time_out_and_the_cap_queues_new_ones() {
    let limits = ServeLimits {
        header_read_timeout: Duration::from_millis(300),
        max_connections: 2,
        shutdown_grace: Duration::from_secs(1),
    };
    let (addr, stop, handle) = spawn_server(limits).await;
    let answered = tokio::task::spawn_blocking(move || {
        let silent: Vec<_> = (0..2)
            .map(|_| std::net::TcpStream::connect(addr).unwrap())
            .collect();
        std::thread::sleep(Duration::from_millis(50));
        let started = Instant::now();
        let reply = get_blocking(addr, "/api/speakers");
        // The silent ones were closed by the server.
        let closed = silent.into_iter().all(|mut c| {
            c.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
            let mut buf = [0u8; 64];
            matches!(c.read(&mut buf), Ok(0) | Err(_))
                || String::from_utf8_lossy(&buf).starts_with("HTTP/1.1 408")
        });
        (reply, started.elapsed(), closed)
    })
    .await
    .unwrap();
    let (reply, waited, closed) = answered;
    let reply = reply.unwrap();
    assert!(reply.starts_with("HTTP/1.1 200"), "{reply}");
    assert!(
        waited >= Duration::from_millis(150),
        "{waited:?}: the cap did not hold"
    );
    assert!(closed, "silent connections stay open");
    stop.send(()).unwrap();
    tokio::time::timeout(Duration::from_secs(5), handle)
        .await
        .expect("the server stops")
        .unwrap();
}

/// Shutdown does not wait forever for a client that keeps its connection
/// open: open connections get the grace period, then the server stops.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shutdown_has_a_deadline_with_connections_open() {
    let limits = ServeLimits {
        header_read_timeout: Duration::from_secs(60),
        max_connections: 8,
        shutdown_grace: Duration::from_millis(300),
    };
    let (addr, stop, handle) = spawn_server(limits).await;
    let idle = tokio::task::spawn_blocking(move || {
        let mut c = std::net::TcpStream::connect(addr).unwrap();
        // Half a request: headers never finish.
        c.write_all(b"GET /api/speakers HTTP/1.1\r\nHost: localh")
            .unwrap();
        c
    })
    .await
    .unwrap();
    tokio::time::sleep(Duration::from_millis(100)).await;
    let started = Instant::now();
    stop.send(()).unwrap();
    tokio::time::timeout(Duration::from_secs(5), handle)
        .await
        .expect("the server stops within its grace period")
        .unwrap();
    assert!(started.elapsed() < Duration::from_secs(3));
    drop(idle);
}

/// A keep-alive connection left idle after its answer is closed by the
/// header timeout too (each request's headers are timed from when the
/// server waits for them).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn idle_keep_alive_connections_are_closed() {
    let limits = ServeLimits {
        header_read_timeout: Duration::from_millis(300),
        max_connections: 4,
        shutdown_grace: Duration::from_secs(1),
    };
    let (addr, stop, handle) = spawn_server(limits).await;
    let closed_after = tokio::task::spawn_blocking(move || {
        let mut c = std::net::TcpStream::connect(addr).unwrap();
        c.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        c.write_all(b"GET /api/speakers HTTP/1.1\r\nHost: localhost\r\n\r\n")
            .unwrap();
        let started = Instant::now();
        let mut seen = Vec::new();
        let mut buf = [0u8; 4096];
        loop {
            match c.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => seen.extend_from_slice(&buf[..n]),
            }
        }
        (
            String::from_utf8_lossy(&seen).into_owned(),
            started.elapsed(),
        )
    })
    .await
    .unwrap();
    let (seen, elapsed) = closed_after;
    assert!(seen.starts_with("HTTP/1.1 200"), "{seen}");
    assert!(
        elapsed < Duration::from_secs(5),
        "still open after {elapsed:?}"
    );
    stop.send(()).unwrap();
    let _ = tokio::time::timeout(Duration::from_secs(5), handle).await;
}
