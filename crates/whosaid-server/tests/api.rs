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

/// Issue 17: search forgives punctuation, matches word forms, reports a
/// total and the next page, marks matches; bad parameters are JSON 400s.
#[tokio::test]
async fn search_totals_pages_marks_and_refuses_unknown_parameters() {
    let app = app(Some("t"));
    let (status, _) = call(&app, post("/api/documents", &example(), Some("t"))).await;
    assert_eq!(status, StatusCode::OK);
    // "tables" finds "table" (word forms); the match is marked.
    let (status, body) = call(&app, get("/api/search?q=tables")).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let hit = &body["results"][0];
    let content: Vec<char> = hit["content"].as_str().unwrap().chars().collect();
    let [a, b] = [0, 1].map(|k| hit["matches"][0][k].as_u64().unwrap() as usize);
    let word: String = content[a..b].iter().collect();
    assert_eq!(word.to_lowercase(), "table", "{hit}");
    // Totals and paging.
    let (_, all) = call(&app, get("/api/search?q=NATO&limit=500")).await;
    let n = all["results"].as_array().unwrap().len();
    assert!(n >= 2, "{all}");
    assert_eq!(all["total"]["count"], n as u64);
    assert_eq!(all["total"]["exact"], true);
    assert!(all["next"].is_null());
    let (_, first) = call(&app, get("/api/search?q=NATO&limit=1")).await;
    assert_eq!(first["next"], 1);
    let (_, second) = call(&app, get("/api/search?q=NATO&limit=1&offset=1")).await;
    assert_eq!(second["results"][0], all["results"][1]);
    // Everyday queries with punctuation never give an engine error.
    for q in ["Rutte's", "U.S.-NATO", "e-mail", "9/11", "a:b"] {
        let (status, body) = call(&app, get(&format!("/api/search?q={q}"))).await;
        assert_eq!(status, StatusCode::OK, "{q}: {body}");
    }
    // Filters: kind, anonymity, channel, statement time, document; sort.
    let (status, direct) = call(&app, get("/api/search?kind=direct&limit=500")).await;
    assert_eq!(status, StatusCode::OK, "{direct}");
    let direct = direct["results"].as_array().unwrap().clone();
    assert!(!direct.is_empty() && direct.iter().all(|h| h["kind"] == "direct"));
    let (_, named) = call(&app, get("/api/search?anonymous=false&limit=500")).await;
    assert!(named["results"]
        .as_array()
        .unwrap()
        .iter()
        .all(|h| h["anonymous"] == false));
    let (status, body) = call(
        &app,
        get("/api/search?channel=interview&document=nato-rutte"),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(!body["results"].as_array().unwrap().is_empty(), "{body}");
    let (_, body) = call(&app, get("/api/search?said_since=2030-01-01")).await;
    assert_eq!(body["total"]["count"], 0, "{body}");
    let (status, _) = call(&app, get("/api/search?q=NATO&sort=oldest")).await;
    assert_eq!(status, StatusCode::OK);
    // The outlet's own assertions, searched the same way.
    let (status, body) = call(&app, get("/api/assertions?q=negotiate")).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(!body["results"].as_array().unwrap().is_empty(), "{body}");
    assert!(body["results"][0]["matches"][0].is_array(), "{body}");
    assert_eq!(body["total"]["exact"], true);
    let (status, _) = call(&app, get("/api/assertions?speaker=Rutte")).await;
    assert_eq!(
        status,
        StatusCode::BAD_REQUEST,
        "assertions have no speaker"
    );
    // Speakers page the same way.
    let (_, all) = call(&app, get("/api/speakers?limit=500")).await;
    let n = all["speakers"].as_array().unwrap().len();
    assert!(n >= 3, "{all}");
    assert_eq!(all["total"], n as u64);
    assert!(all["next"].is_null());
    let (_, page) = call(&app, get("/api/speakers?limit=1&offset=1")).await;
    assert_eq!(page["next"], 2);
    assert_eq!(page["speakers"][0]["id"], all["speakers"][1]["id"]);
    let rutte = all["speakers"][0]["id"].as_i64().unwrap();
    let (_, one) = call(&app, get(&format!("/api/speakers/{rutte}?limit=1"))).await;
    assert_eq!(one["timeline"].as_array().unwrap().len(), 1);
    assert_eq!(one["total"], one["speaker"]["statements"]);
    assert_eq!(one["next"], 1);
    // Unknown or malformed parameters: JSON errors naming them.
    for (url, word) in [
        ("/api/search?q=nato&colour=red", "colour"),
        ("/api/search?q=nato&limit=lots", "limit"),
        ("/api/search?q=nato&limit=2000", "limit"),
        ("/api/search?q=nato%20OR", "OR"),
        ("/api/speakers?sort=name", "sort"),
        ("/api/search?kind=quoted", "kind"),
        ("/api/search?channel=tv", "channel"),
        ("/api/search?sort=sideways", "sort"),
        ("/api/search?said_since=friday", "said_since"),
        ("/api/search?anonymous=maybe", "anonymous"),
        ("/api/speakers?limit=501", "limit"),
        ("/api/speakers?name=Rutte&offset=5", "offset"),
        ("/api/speakers/1?offset=x", "offset"),
        ("/api/speakers/duplicates?limit=-1", "limit"),
    ] {
        let (status, body) = call(&app, get(url)).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{url}: {body}");
        let error = body["error"].as_str().unwrap_or_default();
        assert!(error.contains(word), "{url}: {body}");
    }
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

/// Speakers over the API: exact names, duplicates, merges and unmerges
/// behind the token, each refusal with its status.
#[tokio::test]
async fn speaker_review_merges_and_unmerges_behind_the_token() {
    let read_only = app(None);
    let app = app(Some("s3cret"));
    for (id, text) in [
        ("a", "Mill\n\nJ. Ostrowski said the mill would close."),
        (
            "b",
            "Mill\n\nJulia Ostrowski said the mill would stay open.",
        ),
    ] {
        let (status, body) = call(
            &app,
            post(
                "/api/documents",
                &json!({"id": id, "text": text}),
                Some("s3cret"),
            ),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{body}");
    }
    let (status, body) = call(&app, get("/api/speakers/duplicates")).await;
    assert_eq!(status, StatusCode::OK);
    let pair = body["duplicates"][0].clone();
    let (keep, merge) = (pair["keep"]["id"].clone(), pair["merge"]["id"].clone());
    assert!(keep.is_i64() && merge.is_i64(), "{body}");
    // A substring is no name; an exact one (any case) is.
    let (status, body) = call(&app, get("/api/search?speaker=Ostrow")).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
    let (status, body) = call(&app, get("/api/speakers?name=julia%20ostrowski")).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["speakers"][0]["name"], "Julia Ostrowski");
    // Writes need the token.
    let merge_body = json!({"into": keep, "from": merge});
    let (status, _) = call(&app, post("/api/speakers/merge", &merge_body, None)).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, body) = call(
        &app,
        post("/api/speakers/merge", &merge_body, Some("s3cret")),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["into"]["statements"], 2);
    // Merging again is merging a speaker into itself.
    let (status, body) = call(
        &app,
        post("/api/speakers/merge", &merge_body, Some("s3cret")),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    let (status, _) = call(
        &app,
        post(
            "/api/speakers/merge",
            &json!({"into": [], "from": 1}),
            Some("s3cret"),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    // The merged name is listed and can be split off again.
    let uri = format!("/api/speakers/{keep}");
    let (_, body) = call(&app, get(&uri)).await;
    assert_eq!(body["speaker"]["merged"][0]["by"], "user", "{body}");
    let unmerge = format!("/api/speakers/{merge}/unmerge");
    let (status, _) = call(&app, post(&unmerge, &json!({}), None)).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, body) = call(&app, post(&unmerge, &json!({}), Some("s3cret"))).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["from"]["statements"], 1);
    let (status, _) = call(&app, post(&unmerge, &json!({}), Some("s3cret"))).await;
    assert_eq!(status, StatusCode::CONFLICT);
    // Without a token the server takes no writes at all.
    let (status, _) = call(
        &read_only,
        post("/api/speakers/merge", &merge_body, Some("s3cret")),
    )
    .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn quotes_are_listed_and_read_across_outlets() {
    let app = app(Some("t"));
    let text = "“We will rebuild the harbor bridge before the winter storms arrive, whatever the cost,” Governor Ana Ruiz said.";
    for (id, outlet, date) in [("a", "Wire", "2025-03-02"), ("b", "Daily", "2025-03-03")] {
        let doc = json!({"id": id, "text": format!("Bridge {id}\n\n{text}"), "outlet": outlet, "published": date});
        let (status, body) = call(&app, post("/api/documents", &doc, Some("t"))).await;
        assert_eq!(status, StatusCode::OK, "{body}");
    }
    let (status, body) = call(&app, get("/api/quotes?q=winter+storms")).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let quotes = body["quotes"].as_array().unwrap();
    assert_eq!(quotes.len(), 1, "{body}");
    assert_eq!(quotes[0]["outlets"], 2);
    assert_eq!(quotes[0]["first_document"], "a");
    assert_eq!(body["next"], Value::Null);
    let id = quotes[0]["id"].as_i64().unwrap();
    let (status, quote) = call(&app, get(&format!("/api/quotes/{id}"))).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(quote["appearances"].as_array().unwrap().len(), 2);
    assert_eq!(quote["appearances"][1]["outlet"], "Daily");
    assert_eq!(quote["variants"][0]["diff"], json!([]));
    // Errors are JSON and name what is wrong.
    let (status, body) = call(&app, get("/api/quotes/999999")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(body["error"].as_str().unwrap().contains("no quote"));
    let (status, body) = call(&app, get("/api/quotes?since=soon")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    let (status, _) = call(&app, get("/api/quotes?color=red")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (_, spec) = call(&app, get("/openapi.json")).await;
    assert!(spec["paths"]["/api/quotes/{id}"].is_object());
}
