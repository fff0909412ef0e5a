//! The web UI's pages on an in-memory router: every page renders, markup
//! in stored articles is escaped everywhere, errors are pages.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use serde_json::json;
use tower::ServiceExt;
use whosaid::Extractor;
use whosaid_store::Store;

const HOSTILE_TITLE: &str = r#"<script>alert("title")</script><b>Bold</b> & co"#;

/// A router whose store holds the example article with hostile metadata
/// and a hostile line in its text.
async fn app() -> axum::Router {
    let app = whosaid_server::router(
        Store::in_memory().unwrap(),
        Extractor::builtin(),
        Some("t".into()),
    );
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/nato-rutte.txt"
    ))
    .unwrap()
    .replace("He added,", "<script>alert('text')</script> He added,");
    let doc = json!({"id": "nato-rutte", "text": text, "published": "2025-02-17",
        "outlet": "<img src=x onerror=alert(1)>Antiwar.com", "byline": "<i>K. A.</i>",
        "url": "javascript:alert(2)", "title": HOSTILE_TITLE});
    let req = Request::post("/api/documents")
        .header("content-type", "application/json")
        .header("authorization", "Bearer t")
        .body(Body::from(doc.to_string()))
        .unwrap();
    let resp = app.clone().oneshot(req).await.unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    app
}

async fn page(app: &axum::Router, uri: &str) -> (StatusCode, String, axum::http::HeaderMap) {
    let resp = app
        .clone()
        .oneshot(Request::get(uri).body(Body::empty()).unwrap())
        .await
        .unwrap();
    let (status, headers) = (resp.status(), resp.headers().clone());
    let bytes = resp.into_body().collect().await.unwrap().to_bytes();
    (status, String::from_utf8(bytes.to_vec()).unwrap(), headers)
}

/// No markup from the article reaches any page unescaped.
fn assert_escaped(html: &str) {
    for raw in [
        "<script>alert",
        "<b>Bold",
        "<img src=x",
        "<i>K. A.",
        "href=\"javascript:",
    ] {
        assert!(!html.contains(raw), "unescaped {raw:?} in page:\n{html}");
    }
    // The only script element is the UI's own.
    assert_eq!(html.matches("<script").count(), 1, "{html}");
}

#[tokio::test]
async fn article_page_highlights_and_escapes() {
    let app = app().await;
    let (status, html, headers) = page(&app, "/documents/nato-rutte").await;
    assert_eq!(status, StatusCode::OK);
    assert!(headers["content-security-policy"]
        .to_str()
        .unwrap()
        .contains("script-src 'self'"));
    assert!(headers["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/html"));
    assert_escaped(&html);
    assert!(
        html.contains(
            "&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;&lt;b&gt;Bold&lt;/b&gt; &amp; co"
        ) || html.contains(
            "&lt;script&gt;alert(\"title\")&lt;/script&gt;&lt;b&gt;Bold&lt;/b&gt; &amp; co"
        ),
        "{html}"
    );
    assert!(
        html.contains("&lt;script&gt;alert('text')&lt;/script&gt;"),
        "text escaped"
    );
    // Speakers get distinct colour classes; the outlet's voice its own.
    assert!(html.contains(r#"class="cue sp0""#), "{html}");
    assert!(html.contains(r#"class="cue sp1""#) || html.contains(r#"class="cue sp2""#));
    assert!(html.matches(r#"<mark class="outlet""#).count() >= 3);
    // Hover text: speaker, cue, channel, time.
    assert!(html.contains("Mark Rutte — cue “confirmed” · indirect · interview (Bloomberg TV) · time: on Friday = 2025-02-14"), "{html}");
}

#[tokio::test]
async fn every_page_renders_and_escapes() {
    let app = app().await;
    let speakers = {
        let (_, html, _) = page(&app, "/speakers").await;
        assert_escaped(&html);
        html
    };
    let id = speakers
        .split("href=\"/speakers/")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .expect("a speaker link")
        .to_string();
    for uri in [
        "/".to_string(),
        "/search?q=NATO".to_string(),
        "/search?q=&outlet=antiwar".to_string(),
        format!("/speakers/{id}"),
    ] {
        let (status, html, _) = page(&app, &uri).await;
        assert_eq!(status, StatusCode::OK, "{uri}");
        assert!(html.starts_with("<!DOCTYPE html>"), "{uri}");
        assert_escaped(&html);
    }
    let (_, html, _) = page(&app, "/search?q=membership").await;
    assert!(html.contains("Mark Rutte"), "{html}");
    let (_, html, _) = page(&app, &format!("/speakers/{id}")).await;
    assert!(
        html.contains("<rect class=\"bar\""),
        "timeline plot: {html}"
    );
    assert!(
        html.contains("week of 2025-02-17 · &lt;img src=x"),
        "{html}"
    );
}

#[tokio::test]
async fn errors_are_pages_with_their_status() {
    let app = app().await;
    for (uri, status) in [
        ("/documents/nope", StatusCode::NOT_FOUND),
        ("/speakers/999999", StatusCode::NOT_FOUND),
        ("/speakers/abc", StatusCode::NOT_FOUND),
        ("/no/such/page", StatusCode::NOT_FOUND),
        ("/search?q=%22open", StatusCode::BAD_REQUEST),
        ("/search?since=yesterday", StatusCode::BAD_REQUEST),
    ] {
        let (got, html, headers) = page(&app, uri).await;
        assert_eq!(got, status, "{uri}");
        assert!(
            headers["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/html"),
            "{uri}"
        );
        assert!(html.contains("<main>"), "{uri}");
    }
    // The API keeps answering JSON.
    let (_, body, headers) = page(&app, "/api/nope").await;
    assert!(headers["content-type"]
        .to_str()
        .unwrap()
        .starts_with("application/json"));
    assert!(body.contains("\"error\""));
}

#[tokio::test]
async fn assets_are_served_locally() {
    let app = app().await;
    for (uri, mime) in [
        ("/static/whosaid.css", "text/css"),
        ("/static/whosaid.js", "text/javascript"),
    ] {
        let (status, body, headers) = page(&app, uri).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(headers["content-type"], mime);
        assert!(
            !body.contains("http://") && !body.contains("https://"),
            "no remote URLs in {uri}"
        );
    }
}

/// The review pages: probable duplicates with merge buttons, a speaker's
/// merged names with unmerge buttons — buttons only on a server that
/// takes writes.
#[tokio::test]
async fn review_pages_offer_writes_only_with_a_token() {
    for token in [Some("t"), None] {
        let mut store = Store::in_memory().unwrap();
        let extractor = Extractor::builtin();
        for (id, text) in [
            ("a", "Mill\n\nJ. Ostrowski said the mill would close."),
            (
                "b",
                "Mill\n\nJulia Ostrowski said the mill would stay open.",
            ),
            (
                "c",
                "Pier\n\nMr. Brandt said the pier would reopen on Monday.",
            ),
            (
                "d",
                "Crowds\n\nPaul Brandt said the crowds had been larger than expected.",
            ),
        ] {
            let meta = whosaid_ingest::Metadata {
                id: id.into(),
                ..Default::default()
            };
            let account = extractor.analyze(text, &whosaid::DocumentInfo::default());
            store.add(&meta, text, &account).unwrap();
        }
        let app = whosaid_server::router(store, extractor, token.map(String::from));
        let (status, html, headers) = page(&app, "/speakers/duplicates").await;
        assert_eq!(status, StatusCode::OK);
        assert!(headers["content-security-policy"]
            .to_str()
            .unwrap()
            .contains("connect-src 'self'"));
        assert!(
            html.contains("Julia Ostrowski") && html.contains("J. Ostrowski"),
            "{html}"
        );
        let (_, list, _) = page(&app, "/speakers").await;
        let id = list
            .split("href=\"/speakers/")
            .find(|s| s.contains(">Paul Brandt<"))
            .and_then(|s| s.split('"').next())
            .expect("Paul Brandt's link")
            .to_string();
        let (_, speaker, _) = page(&app, &format!("/speakers/{id}")).await;
        assert!(
            speaker.contains("Names merged into this speaker"),
            "{speaker}"
        );
        assert!(speaker.contains("Also named: Brandt"), "{speaker}");
        let writable = token.is_some();
        assert_eq!(html.contains(r#"data-action="merge""#), writable, "{html}");
        assert_eq!(
            speaker.contains(r#"data-action="unmerge""#),
            writable,
            "{speaker}"
        );
    }
}

/// A quote carried by a second outlet (with a word changed and another
/// speaker): the list, the quote page, and the links from statements.
#[tokio::test]
async fn quote_pages_show_outlets_wordings_and_conflicts() {
    let app = app().await;
    let doc = json!({"id": "relay", "outlet": "<b>Relay</b> News", "published": "2025-02-18",
        "title": HOSTILE_TITLE,
        "text": "Rutte quoted\n\n“He went to war to prevent NATO, much more NATO, close to his borders,” a NATO spokesman said."});
    let req = Request::post("/api/documents")
        .header("content-type", "application/json")
        .header("authorization", "Bearer t")
        .body(Body::from(doc.to_string()))
        .unwrap();
    assert_eq!(
        app.clone().oneshot(req).await.unwrap().status(),
        StatusCode::OK
    );
    let (status, list, _) = page(&app, "/quotes").await;
    assert_eq!(status, StatusCode::OK);
    assert_escaped(&list);
    let Some(at) = list.find("href=\"/quotes/") else {
        panic!("no quote listed: {list}");
    };
    let id: String = list[at + 14..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let (status, quote, _) = page(&app, &format!("/quotes/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert_escaped(&quote);
    assert!(quote.contains("Conflicting attributions"), "{quote}");
    assert!(quote.contains("&lt;b&gt;Relay&lt;/b&gt; News"));
    assert!(quote.contains("href=\"/documents/relay#s1\""));
    // Both articles link their statement to the quote.
    let (_, article, _) = page(&app, "/documents/relay").await;
    assert!(
        article.contains(&format!("href=\"/quotes/{id}\"")),
        "{article}"
    );
    let (_, found, _) = page(&app, "/search?q=borders").await;
    assert!(found.contains("carried by 2 outlets"), "{found}");
    let (status, _, _) = page(&app, "/quotes/123456789").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}
