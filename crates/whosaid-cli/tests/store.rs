//! The store and the server end to end: ingest, search, speakers, merge,
//! a killed ingest, `serve` and `demo` on real sockets.

use std::path::Path;
use std::process::Stdio;

use serde_json::Value;

mod common;

use common::*;

fn store_totals(db: &Path) -> Value {
    let out = run(whosaid()
        .args(["speakers", "--format", "json", "--db"])
        .arg(db));
    assert_success(&out);
    serde_json::from_str::<Value>(&stdout(&out)).unwrap()["totals"].clone()
}

#[test]
fn store_ingest_search_speakers_and_merge() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("s.db");
    let out = run(whosaid().args(["ingest", "--db"]).arg(&db).arg(example()));
    assert_success(&out);
    // Twice: stored once.
    let out = run(whosaid().args(["ingest", "--db"]).arg(&db).arg(example()));
    assert!(String::from_utf8_lossy(&out.stderr).contains("1 already in"));
    let totals = store_totals(&db);
    assert_eq!(totals["documents"], 1);
    assert_eq!(totals["attributions"], 12);
    let out = run(whosaid()
        .args([
            "search",
            "membership",
            "--speaker",
            "Rutte",
            "--format",
            "json",
            "--db",
        ])
        .arg(&db));
    let hits: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(hits.as_array().unwrap().len(), 2, "{hits}");
    assert!(hits
        .as_array()
        .unwrap()
        .iter()
        .all(|h| h["speaker"] == "Mark Rutte"));
    let out = run(whosaid()
        .args(["speaker", "Jens Stoltenberg", "--db"])
        .arg(&db));
    assert!(
        stdout(&out).contains("3 statements in 1 documents"),
        "{}",
        stdout(&out)
    );
    // Merge Interfax-Ukraine into Stoltenberg (a wrong merge, but a test of the command).
    let out = run(whosaid()
        .args([
            "speakers",
            "merge",
            "Jens Stoltenberg",
            "Interfax-Ukraine",
            "--db",
        ])
        .arg(&db));
    assert_success(&out);
    let out = run(whosaid()
        .args(["speaker", "Jens Stoltenberg", "--db"])
        .arg(&db));
    assert!(stdout(&out).contains("4 statements"), "{}", stdout(&out));
    // Bad queries and missing stores are clear errors.
    let out = run(whosaid().args(["search", "\"open", "--db"]).arg(&db));
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("bad search query"));
    let out = run(whosaid()
        .args(["search", "x", "--db"])
        .arg(tmp.path().join("none.db")));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no store at"));
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// One person, one speaker from the command line: a surname stored before
/// its full name joins it, a surname two people share lists them, merges
/// show names and undo, self-merges are refused, an aliases file applies
/// at ingest and to the store, duplicates are listed for review.
#[test]
fn speakers_merge_unmerge_aliases_and_duplicates() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("s.db");
    let docs = [
        (
            "a",
            "Pier\n\nMr. Brandt said the pier would reopen on Monday.",
        ),
        (
            "b",
            "Crowds\n\nHarbor master Paul Brandt said the crowds had been larger than expected.",
        ),
        ("c", "Bridge\n\nAnna Varga said the bridge would open."),
        ("d", "Bridge\n\nPeter Varga said the bridge would close."),
        ("e", "Bridge\n\nVarga said the bridge was safe."),
        ("f", "Mill\n\nJ. Ostrowski said the mill would close."),
        (
            "g",
            "Mill\n\nJulia Ostrowski said the mill would stay open.",
        ),
        ("h", "Strike\n\nHWU said the strike was over."),
    ];
    let corpus: String = docs
        .iter()
        .map(|(id, text)| serde_json::json!({"id": id, "text": text}).to_string() + "\n")
        .collect();
    let input = tmp.path().join("corpus.jsonl");
    std::fs::write(&input, corpus).unwrap();
    let aliases = tmp.path().join("aliases.tsv");
    std::fs::write(
        &aliases,
        "# variant\tcanonical\tkind\nHWU\tHarbor Workers Union\torganization\n",
    )
    .unwrap();
    assert_success(&run(whosaid()
        .args(["ingest", "--jobs", "1", "--db"])
        .arg(&db)
        .arg("--aliases")
        .arg(&aliases)
        .arg(&input)));
    let speaker = |name: &str| {
        run(whosaid()
            .args(["speaker", name, "--format", "json", "--db"])
            .arg(&db))
    };
    let json = |out: &std::process::Output| -> Value {
        assert_success(out);
        serde_json::from_str(&stdout(out)).unwrap()
    };
    // The surname joined its person and is listed as merged, by rule.
    let brandt = json(&speaker("Brandt"))["speaker"].clone();
    assert_eq!(brandt["name"], "Paul Brandt");
    assert_eq!(brandt["statements"], 2);
    assert_eq!(brandt["merged"][0]["by"], "rule");
    let merged_id = brandt["merged"][0]["id"].as_i64().unwrap();
    // The aliases file named HWU.
    let union = json(&speaker("HWU"))["speaker"].clone();
    assert_eq!(union["name"], "Harbor Workers Union");
    assert_eq!(union["kind"], "organization");
    // An unsettled surname lists its candidates.
    let out = run(whosaid().args(["speaker", "Varga", "--db"]).arg(&db));
    assert_success(&out);
    assert!(
        stdout(&out).contains("Anna Varga") && stdout(&out).contains("Peter Varga"),
        "{}",
        stdout(&out)
    );
    // A part of a name is no name: the error suggests the names.
    let out = run(whosaid().args(["speaker", "Varg", "--db"]).arg(&db));
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("no speaker \"Varg\"") && stderr(&out).contains("Anna Varga"),
        "{}",
        stderr(&out)
    );
    let out = run(whosaid()
        .args(["search", "--speaker", "Varg", "--db"])
        .arg(&db));
    assert!(!out.status.success());
    // Self-merges are refused, by id or by name.
    let out = run(whosaid()
        .args(["speakers", "merge", "Paul Brandt", "Mr. Brandt", "--db"])
        .arg(&db));
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("cannot be merged into itself"),
        "{}",
        stderr(&out)
    );
    // Unmerge, then the speakers are apart; merge back by hand, with names shown.
    let out = run(whosaid()
        .args(["speakers", "unmerge", &merged_id.to_string(), "--db"])
        .arg(&db));
    assert_success(&out);
    assert!(stderr(&out).contains("Paul Brandt"), "{}", stderr(&out));
    assert_eq!(json(&speaker("Paul Brandt"))["speaker"]["statements"], 1);
    let out = run(whosaid()
        .args([
            "speakers",
            "merge",
            "Paul Brandt",
            &merged_id.to_string(),
            "--db",
        ])
        .arg(&db));
    assert_success(&out);
    assert!(
        stderr(&out).contains("merged Brandt") && stderr(&out).contains("into Paul Brandt"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        json(&speaker("Paul Brandt"))["speaker"]["merged"][0]["by"],
        "user"
    );
    // Probable duplicates, then confirmed.
    let out = run(whosaid()
        .args(["speakers", "duplicates", "--format", "json", "--db"])
        .arg(&db));
    let pairs = json(&out);
    assert_eq!(pairs.as_array().unwrap().len(), 1, "{pairs}");
    let (keep, merge) = (
        pairs[0]["keep"]["id"].to_string(),
        pairs[0]["merge"]["id"].to_string(),
    );
    assert_success(&run(whosaid()
        .args(["speakers", "merge", &keep, &merge, "--db"])
        .arg(&db)));
    assert_eq!(
        json(&run(whosaid()
            .args(["speakers", "duplicates", "--format", "json", "--db"])
            .arg(&db))),
        serde_json::json!([])
    );
    // An aliases file applied to the store as it is; a bad one names its line.
    std::fs::write(&aliases, "Varga\tAnna Varga\tperson\n").unwrap();
    assert_success(&run(whosaid()
        .args(["speakers", "aliases"])
        .arg(&aliases)
        .arg("--db")
        .arg(&db)));
    assert_eq!(json(&speaker("Anna Varga"))["speaker"]["statements"], 2);
    std::fs::write(&aliases, "ok\tfine\nno tab here\n").unwrap();
    let out = run(whosaid()
        .args(["speakers", "aliases"])
        .arg(&aliases)
        .arg("--db")
        .arg(&db));
    assert!(!out.status.success());
    assert!(stderr(&out).contains("line 2"), "{}", stderr(&out));
    // The table lists aliases.
    let out = run(whosaid().args(["speakers", "--db"]).arg(&db));
    assert!(
        stdout(&out).contains("Paul Brandt") && stdout(&out).contains("aka Brandt"),
        "{}",
        stdout(&out)
    );
}

/// Killing an ingest midway and running it again leaves every document
/// stored exactly once.
#[test]
fn a_killed_ingest_resumes_without_loss_or_duplicates() {
    let tmp = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(example()).unwrap();
    let n = 400;
    let corpus: String = (0..n)
        .map(|i| serde_json::json!({"id": format!("doc-{i}"), "text": text}).to_string() + "\n")
        .collect();
    let input = tmp.path().join("corpus.jsonl");
    std::fs::write(&input, corpus).unwrap();
    let db = tmp.path().join("s.db");
    let mut child = whosaid()
        .args(["ingest", "--jobs", "1", "--db"])
        .arg(&db)
        .arg(&input)
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Wait until some chunks are committed, then kill.
    let started = std::time::Instant::now();
    loop {
        std::thread::sleep(std::time::Duration::from_millis(50));
        if let Ok(Some(_)) = child.try_wait() {
            break;
        }
        let stored = db.is_file() && store_totals(&db)["documents"].as_u64().unwrap_or(0) > 0;
        if stored || started.elapsed().as_secs() > 60 {
            child.kill().unwrap();
            child.wait().unwrap();
            break;
        }
    }
    let partial = store_totals(&db)["documents"].as_u64().unwrap();
    assert!(partial <= n, "{partial}");
    eprintln!("killed with {partial} of {n} documents stored");
    let out = run(whosaid().args(["ingest", "--db"]).arg(&db).arg(&input));
    assert_success(&out);
    let totals = store_totals(&db);
    assert_eq!(totals["documents"], n);
    assert_eq!(
        totals["attributions"],
        12 * n,
        "whole documents only, none twice"
    );
}

/// `whosaid serve` answers on a real socket, read-only without a token.
#[test]
fn serve_answers_http_on_loopback() {
    let tmp = tempfile::tempdir().unwrap();
    let db = example_store(tmp.path());
    let addr = free_addr();
    let mut child = whosaid()
        .args(["serve", "--addr", &addr, "--db"])
        .arg(&db)
        .env_remove("WHOSAID_TOKEN")
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let response = http_when_up(&addr, "GET /api/speakers");
    let posted = http(&addr, POST_WITHOUT_TOKEN);
    // A page on another site that rebinds its name to 127.0.0.1.
    let rebound = http(
        &addr,
        "GET /api/speakers HTTP/1.1\r\nHost: evil.example:8080\r\nConnection: close\r\n\r\n",
    );
    child.kill().unwrap();
    child.wait().unwrap();
    let rebound = rebound.unwrap();
    assert!(rebound.starts_with("HTTP/1.1 421"), "{rebound}");
    assert!(!rebound.contains("Mark Rutte"), "{rebound}");
    let response = response.expect("the server answers");
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    assert!(response.contains("Mark Rutte"), "{response}");
    let posted = posted.unwrap();
    assert!(posted.starts_with("HTTP/1.1 401"), "{posted}");
}

/// The CLI keeps itself on 4 KB pages (no transparent huge pages: a one-off
/// run otherwise paid more kernel time backing 2 MB pages than it spent
/// extracting), unless `MIMALLOC_ALLOW_THP=1` asks for them. Read off a
/// running server's `/proc/<pid>/status` and `smaps_rollup`.
#[cfg(target_os = "linux")]
#[test]
fn the_process_runs_without_transparent_huge_pages_unless_asked() {
    let tmp = tempfile::tempdir().unwrap();
    let db = example_store(tmp.path());
    // THP_enabled from /proc/<pid>/status, and the kB of huge pages mapped
    // (AnonHugePages of smaps_rollup; none where the kernel lacks it).
    let pages = |allow: Option<&str>| {
        let addr = free_addr();
        let mut cmd = whosaid();
        cmd.args(["serve", "--addr", &addr, "--db"])
            .arg(&db)
            .env_remove("MIMALLOC_ALLOW_THP")
            .stderr(Stdio::null());
        if let Some(allow) = allow {
            cmd.env("MIMALLOC_ALLOW_THP", allow);
        }
        let mut child = cmd.spawn().unwrap();
        let up = http_when_up(&addr, "GET /api/speakers");
        let read = |file: &str| std::fs::read_to_string(format!("/proc/{}/{file}", child.id()));
        let (status, rollup) = (read("status"), read("smaps_rollup"));
        child.kill().unwrap();
        child.wait().unwrap();
        up.expect("the server answers");
        let field = |text: &str, name: &str| {
            text.lines()
                .find_map(|l| l.strip_prefix(name))
                .map(|v| v.trim().to_string())
        };
        let huge_kb = rollup.ok().and_then(|r| {
            field(&r, "AnonHugePages:")?
                .trim_end_matches("kB")
                .trim()
                .parse::<u64>()
                .ok()
        });
        (field(&status.unwrap(), "THP_enabled:"), huge_kb)
    };
    let (Some(default), huge_kb) = pages(None) else {
        return; // a kernel before 4.15 does not say
    };
    assert_eq!(default, "0", "huge pages off by default");
    // Regression: switched off in `main`, the flag came after mimalloc had
    // put its first region on huge pages (4 MB at every start).
    if let Some(kb) = huge_kb {
        assert_eq!(kb, 0, "no huge page mapped, not even before main");
    }
    assert_eq!(pages(Some("1")).0.as_deref(), Some("1"), "asked for");
}

/// Issue 17: a mistyped store path is refused, not served empty, unless
/// `--create` asks for a new store; `--addr` takes a host name.
#[test]
fn serve_refuses_a_missing_store_unless_created_and_takes_host_names() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("typo.db");
    let out = run(whosaid().args(["serve", "--db"]).arg(&db));
    assert!(!out.status.success());
    assert!(stderr(&out).contains("--create"), "{}", stderr(&out));
    assert!(!db.exists(), "nothing created");
    let out = run(whosaid().args(["serve", "--addr", "8080", "--db"]).arg(&db));
    assert!(stderr(&out).contains("HOST:PORT"), "{}", stderr(&out));
    let port = free_addr().rsplit(':').next().unwrap().to_string();
    let addr = format!("localhost:{port}");
    let mut child = whosaid()
        .args(["serve", "--create", "--addr", &addr, "--db"])
        .arg(&db)
        .env_remove("WHOSAID_TOKEN")
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let response = http_when_up(&format!("127.0.0.1:{port}"), "GET /api/speakers");
    child.kill().unwrap();
    child.wait().unwrap();
    let response = response.expect("the server answers on localhost's address");
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    assert!(response.contains("\"documents\":0"), "{response}");
    assert!(db.is_file());
}

/// A document posted without a bearer token.
const POST_WITHOUT_TOKEN: &str =
    "POST /api/documents HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\
    Content-Type: application/json\r\nContent-Length: 13\r\n\r\n{\"text\":\"x\"}\n";

/// A loopback address with a port free just now.
fn free_addr() -> String {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    format!("127.0.0.1:{port}")
}

/// One raw HTTP exchange, or None when nothing listens.
fn http(addr: &str, request: &str) -> Option<String> {
    use std::io::{Read, Write};
    let mut conn = std::net::TcpStream::connect(addr).ok()?;
    conn.write_all(request.as_bytes()).ok()?;
    let mut out = String::new();
    conn.read_to_string(&mut out).ok()?;
    Some(out)
}

/// `GET path` once the server at `addr` is up (30 s at most).
fn http_when_up(addr: &str, get: &str) -> Option<String> {
    let request = format!("{get} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    let started = std::time::Instant::now();
    loop {
        let r = http(addr, &request);
        if r.is_some() || started.elapsed().as_secs() > 30 {
            return r;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
}

/// The README's demo command: the bundled articles, served read-only.
#[test]
fn demo_serves_the_bundled_articles() {
    let tmp = tempfile::tempdir().unwrap();
    let addr = free_addr();
    let mut child = whosaid()
        .args(["demo", "--addr", &addr, "--db"])
        .arg(tmp.path().join("demo.db"))
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let overview = http_when_up(&addr, "GET /");
    let article = http_when_up(&addr, "GET /documents/nato-rutte");
    let posted = http(&addr, POST_WITHOUT_TOKEN);
    child.kill().unwrap();
    child.wait().unwrap();
    let overview = overview.expect("the demo answers");
    assert!(overview.starts_with("HTTP/1.1 200"), "{overview}");
    assert!(overview.contains(r#"id="documents">4<"#), "{overview}");
    assert!(overview.contains("Elena Marsh"), "{overview}");
    let article = article.unwrap();
    assert!(article.contains("NATO Chief"), "{article}");
    assert!(article.contains(r#"<mark class="cue sp"#), "{article}");
    assert!(posted.unwrap().starts_with("HTTP/1.1 401"), "read-only");
}

/// A store of the previous release: the read commands say how to migrate
/// it, `migrate` does, and the rules join what that release split.
#[test]
fn migrate_brings_an_old_store_to_this_schema() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("old.db");
    std::fs::copy(
        root().join("crates/whosaid-store/tests/fixtures/schema7.db"),
        &db,
    )
    .unwrap();
    let out = run(whosaid().args(["speakers", "--db"]).arg(&db));
    assert!(!out.status.success());
    assert!(stderr(&out).contains("whosaid migrate"), "{}", stderr(&out));
    let out = run(whosaid().args(["migrate", "--db"]).arg(&db));
    assert_success(&out);
    assert!(
        stderr(&out).contains(&format!(
            "from schema 7 to {}",
            whosaid_store::SCHEMA_VERSION
        )),
        "{}",
        stderr(&out)
    );
    let out = run(whosaid().args(["migrate", "--db"]).arg(&db));
    assert!(stderr(&out).contains("already"), "{}", stderr(&out));
    let out = run(whosaid().args(["speaker", "Brandt", "--db"]).arg(&db));
    assert_success(&out);
    assert!(
        stdout(&out).starts_with("Paul Brandt (person), 3 statements"),
        "{}",
        stdout(&out)
    );
    let out = run(whosaid()
        .args(["migrate", "--db"])
        .arg(tmp.path().join("none.db")));
    assert!(!out.status.success());
    assert!(stderr(&out).contains("no store at"), "{}", stderr(&out));
}

/// `quotes`, `quote ID` and `quotes rebuild` on a store where two outlets
/// carry one quote and a third gives it to someone else.
#[test]
fn quotes_are_followed_across_outlets_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus.jsonl");
    let quote =
        "We will rebuild the harbor bridge before the winter storms arrive, whatever the cost";
    let lines: Vec<String> = [
        ("a", "Wire", "2025-03-02", "Governor Ana Ruiz said"),
        ("b", "Daily", "2025-03-03", "Governor Ana Ruiz said"),
        ("c", "Post", "2025-03-04", "Deputy Governor Tom Vance said"),
    ]
    .iter()
    .map(|(id, outlet, date, who)| {
        serde_json::json!({"id": id, "outlet": outlet, "published": date,
            "text": format!("Bridge\n\n“{quote},” {who}.")})
        .to_string()
    })
    .collect();
    std::fs::write(&corpus, lines.join("\n") + "\n").unwrap();
    let db = dir.path().join("q.db");
    assert_success(&run(whosaid()
        .args(["ingest", "--db"])
        .arg(&db)
        .arg(&corpus)));
    let out = run(whosaid()
        .args(["quotes", "--format", "json", "--db"])
        .arg(&db));
    assert_success(&out);
    let list: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 1, "{list}");
    assert_eq!(list[0]["outlets"], 3);
    assert_eq!(list[0]["first_document"], "a");
    assert_eq!(list[0]["conflicting"], true);
    let id = list[0]["id"].as_i64().unwrap().to_string();
    let out = run(whosaid().args(["quote", &id, "--db"]).arg(&db));
    assert_success(&out);
    let text = stdout(&out);
    assert!(text.contains("Conflicting attributions"), "{text}");
    assert!(
        text.contains("Tom Vance") && text.contains("Ana Ruiz"),
        "{text}"
    );
    let out = run(whosaid().args(["quotes", "--conflicts", "--db"]).arg(&db));
    assert!(stdout(&out).contains("CONFLICTING SPEAKERS"));
    let out = run(whosaid().args(["quotes", "rebuild", "--db"]).arg(&db));
    assert_success(&out);
    assert!(String::from_utf8_lossy(&out.stderr).contains("1 by more than one outlet"));
    // An unknown id is an error naming it; a missing store is never created.
    let out = run(whosaid().args(["quote", "999999", "--db"]).arg(&db));
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no quote 999999"));
    let missing = dir.path().join("typo.db");
    assert!(!run(whosaid().args(["quotes", "--db"]).arg(&missing))
        .status
        .success());
    assert!(!missing.exists());
}
