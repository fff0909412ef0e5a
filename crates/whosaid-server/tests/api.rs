//! The API end to end on an in-memory router (no network).

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use serde_json::{json, Value};
use tower::ServiceExt;
use whosaid::Extractor;
use whosaid_store::Store;

fn app(token: Option<&str>) -> axum::Router {
    whosaid_server::router(
        Store::in_memory().unwrap(),
        Extractor::builtin(),
        token.map(String::from),
    )
}

async fn call(app: &axum::Router, req: Request<Body>) -> (StatusCode, Value) {
    let resp = app.clone().oneshot(req).await.unwrap();
    let status = resp.status();
    let bytes = resp.into_body().collect().await.unwrap().to_bytes();
    (
        status,
        serde_json::from_slice(&bytes).unwrap_or(Value::Null),
    )
}

fn get(uri: &str) -> Request<Body> {
    Request::get(uri).body(Body::empty()).unwrap()
}

fn post(uri: &str, body: &Value, token: Option<&str>) -> Request<Body> {
    let mut r = Request::post(uri).header("content-type", "application/json");
    if let Some(t) = token {
        r = r.header("authorization", format!("Bearer {t}"));
    }
    r.body(Body::from(body.to_string())).unwrap()
}

fn example() -> Value {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/nato-rutte.txt"
    ))
    .unwrap();
    json!({"id": "nato-rutte", "text": text, "published": "2025-02-17", "outlet": "Antiwar.com",
           "title": "<script>alert(1)</script> NATO"})
}

#[tokio::test]
async fn ingest_needs_the_token_then_search_and_read_back() {
    let app = app(Some("s3cret"));
    let (status, body) = call(&app, post("/api/documents", &example(), None)).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "{body}");
    assert!(body["error"].is_string());
    let (status, _) = call(&app, post("/api/documents", &example(), Some("wrong"))).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, body) = call(&app, post("/api/documents", &example(), Some("s3cret"))).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["status"], "stored");
    assert_eq!(body["attributions"], 12);
    let (_, body) = call(&app, post("/api/documents", &example(), Some("s3cret"))).await;
    assert_eq!(body["status"], "already stored");

    let (status, body) = call(
        &app,
        get("/api/search?q=membership&speaker=Rutte&since=2025-01-01"),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["results"].as_array().unwrap().len(), 2, "{body}");
    let (status, body) = call(&app, get("/api/search?q=%22open")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    let (status, _) = call(&app, get("/api/search?since=yesterday")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);

    let (status, doc) = call(&app, get("/api/documents/nato-rutte")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        doc["title"], "<script>alert(1)</script> NATO",
        "JSON keeps the text as data"
    );
    assert_eq!(doc["published"], "2025-02-17");
    let (status, _) = call(&app, get("/api/documents/nope")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    let (_, list) = call(&app, get("/api/speakers")).await;
    assert_eq!(list["totals"]["documents"], 1);
    let rutte = list["speakers"][0]["id"].as_i64().unwrap();
    let (status, one) = call(&app, get(&format!("/api/speakers/{rutte}"))).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(one["speaker"]["name"], "Mark Rutte");
    assert_eq!(one["timeline"].as_array().unwrap().len(), 8);
    let (status, _) = call(&app, get("/api/speakers/999999")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn read_only_without_a_token_and_extract_stores_nothing() {
    let app = app(None);
    let (status, body) = call(&app, post("/api/documents", &example(), Some("anything"))).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert!(body["error"].as_str().unwrap().contains("read-only"));
    let (status, account) = call(&app, post("/api/extract", &example(), None)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(account["speakers"].as_array().unwrap().len(), 3);
    let confirmed = account["attributions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["cue"][0]["text"] == "confirmed")
        .unwrap()
        .clone();
    assert_eq!(confirmed["time"]["value"], "2025-02-14");
    let (_, list) = call(&app, get("/api/speakers")).await;
    assert_eq!(list["totals"]["documents"], 0);
}

#[tokio::test]
async fn limits_errors_and_the_description() {
    let app = app(Some("t"));
    let huge = json!({"text": "a".repeat(whosaid_server::MAX_BODY + 10)});
    let (status, _) = call(&app, post("/api/extract", &huge, None)).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    let bad = Request::post("/api/extract")
        .header("content-type", "application/json")
        .body(Body::from("{not json"))
        .unwrap();
    let (status, _) = call(&app, bad).await;
    assert!(status.is_client_error());
    let (status, body) = call(&app, get("/api/nowhere")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(body["error"].is_string());
    let (status, spec) = call(&app, get("/openapi.json")).await;
    assert_eq!(status, StatusCode::OK);
    for path in [
        "/api/search",
        "/api/documents/{id}",
        "/api/documents",
        "/api/speakers",
        "/api/speakers/{id}",
        "/api/extract",
    ] {
        assert!(spec["paths"][path].is_object(), "{path} undocumented");
    }
}
