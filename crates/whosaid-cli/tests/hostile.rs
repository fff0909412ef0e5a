//! A hostile corpus, generated at test time: every kind of broken or
//! hostile input the hardening review found, mixed with good documents.
//! `whosaid ingest` must finish, store every good document exactly once,
//! report every bad record with its file, its line or offset where it has
//! one, and a reason, and stay within its memory bound; a second run adds
//! nothing.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde_json::Value;
use whosaid_ingest::fixture::{news_page, warc_gz, PageInfo};
use whosaid_ingest::warc::write_response;

mod common;

use common::{assert_success, whosaid};

/// The memory bound of `extract`/`ingest` at default limits (README).
const PEAK_MEMORY_BYTES: i64 = 300 << 20;

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(data).unwrap();
    enc.finish().unwrap()
}

/// A short article whose attribution names `who`.
fn article(title: &str, who: &str) -> String {
    format!("{title}\n\n{who} said that the negotiations over {title} had failed after three days.")
}

fn page(title: &str, who: &str, url: &str) -> String {
    let info = PageInfo {
        outlet: "The Planet",
        author: "Jane Reporter",
        published: "2024-05-01",
        url,
    };
    news_page(&article(title, who), &info)
}

fn jsonl_line(id: &str, text: &str) -> String {
    serde_json::json!({ "id": id, "text": text }).to_string()
}

/// A WARC response record whose HTTP payload is `payload` with a
/// `Content-Encoding` header.
fn encoded_response(out: &mut Vec<u8>, id: &str, encoding: &str, payload: &[u8]) {
    let mut http = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: {encoding}\r\n\r\n"
    )
    .into_bytes();
    http.extend_from_slice(payload);
    write!(
        out,
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{id}>\r\n\
         WARC-Target-URI: https://bomb.example/{id}\r\nContent-Type: application/http; msgtype=response\r\n\
         Content-Length: {}\r\n\r\n",
        http.len()
    )
    .unwrap();
    out.extend_from_slice(&http);
    out.extend_from_slice(b"\r\n\r\n");
}

/// Writes the corpus; returns the speakers of the good documents (one
/// distinct speaker per good document, so each can be found once).
fn hostile_corpus(dir: &Path) -> Vec<String> {
    let mut good = Vec::new();
    let mut speaker = |name: &str| {
        good.push(name.to_string());
        name.to_string()
    };
    for sub in ["a", "b", "nested/deeper"] {
        std::fs::create_dir_all(dir.join(sub)).unwrap();
    }
    // Same file name in two folders, different texts: two documents.
    std::fs::write(
        dir.join("a/story.txt"),
        article("Ports", &speaker("Alma Reyes")),
    )
    .unwrap();
    std::fs::write(
        dir.join("b/story.txt"),
        article("Rails", &speaker("Bruno Iversen")),
    )
    .unwrap();
    // Files of unknown formats in the folder are passed over.
    std::fs::write(dir.join("a/story.ann"), "T1\tSource 0 4\tPort\n").unwrap();
    std::fs::write(dir.join("a/photo.jpg"), [0xff, 0xd8, 0xff, 0x00]).unwrap();
    // A good page and the shapes that crashed or stalled the HTML reader.
    let planet = page(
        "Mines",
        &speaker("Carla Numan"),
        "https://planet.example/mines",
    );
    std::fs::write(dir.join("nested/deeper/page.html"), &planet).unwrap();
    let deep = format!("<html><body>{}<p>Bob said hi.</p>", "<b>".repeat(60_000));
    std::fs::write(dir.join("nested/deep.html"), deep).unwrap();
    let divs = format!("{}<p>Bob said hi.</p>", "<div>".repeat(44_000));
    std::fs::write(dir.join("nested/divs.html"), divs).unwrap();
    let attrs = format!("<html><body><p{}>Bob said hi.</p>", " x".repeat(1_000_000));
    std::fs::write(dir.join("nested/attrs.html"), attrs).unwrap();
    // Text: quadratic shapes (good, stored), too long, not UTF-8.
    let cue_flood = format!(
        "{}\n\n{}",
        article("Cues", &speaker("Dario Fux")),
        "according to ".repeat(60_000)
    );
    std::fs::write(dir.join("cues.txt"), cue_flood).unwrap();
    let said_flood = format!(
        "{}\n\n{}",
        article("Quotes", &speaker("Elena Marsh")),
        "\"a\" said B. ".repeat(80_000)
    );
    std::fs::write(dir.join("said.txt"), said_flood).unwrap();
    let words = "the minister said that a plan would be ready by Friday ";
    std::fs::write(dir.join("huge.txt"), words.repeat((5 << 20) / words.len())).unwrap();
    std::fs::write(dir.join("latin1.txt"), b"Caf\xe9 said no.").unwrap();
    // JSONL: a BOM, a bad line, two ids past 64 bits, an over-long line
    // inside a small gzip with a good line after it.
    let jsonl = format!(
        "\u{feff}{}\n{{not json\n{}\n{}\n",
        jsonl_line("bom-first", &article("Bridges", &speaker("Farid Osei"))),
        r#"{"id": 123456789012345678901234567890, "text": "Dams\n\nGreta Lind said that the dams had failed after three days."}"#,
        r#"{"id": 123456789012345678901234567891, "text": "Canals\n\nHugo Brandt said that the canals had failed after three days."}"#,
    );
    speaker("Greta Lind");
    speaker("Hugo Brandt");
    std::fs::write(dir.join("lines.jsonl"), jsonl).unwrap();
    let mut long = vec![b'{'];
    long.extend(std::iter::repeat_n(b'a', 20 << 20));
    long.push(b'\n');
    long.extend(jsonl_line("after-long", &article("Tunnels", &speaker("Ines Wolff"))).bytes());
    long.push(b'\n');
    std::fs::write(dir.join("long.jsonl.gz"), gzip(&long)).unwrap();
    // WARC: a gzip bomb and a deflate bomb as payloads, then a good record.
    let mut bombs = Vec::new();
    encoded_response(
        &mut bombs,
        "gzip-bomb",
        "gzip",
        &gzip(&vec![b' '; 40 << 20]),
    );
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    z.write_all(&vec![b' '; 40 << 20]).unwrap();
    encoded_response(&mut bombs, "deflate-bomb", "deflate", &z.finish().unwrap());
    let after = page(
        "Roads",
        &speaker("Jonas Petit"),
        "https://planet.example/roads",
    );
    write_response(
        &mut bombs,
        "after-bombs",
        "https://planet.example/roads",
        "d",
        after.as_bytes(),
    )
    .unwrap();
    std::fs::write(dir.join("bombs.warc.gz"), gzip(&bombs)).unwrap();
    // WARC.gz with garbage between members, and an over-stated length.
    let mut members = Vec::new();
    let first = page(
        "Ships",
        &speaker("Kira Holm"),
        "https://planet.example/ships",
    );
    let second = page(
        "Planes",
        &speaker("Lars Ek"),
        "https://planet.example/planes",
    );
    warc_gz(
        &mut members,
        &[("m1".into(), "https://planet.example/ships".into(), first)],
    )
    .unwrap();
    members.extend_from_slice(b"\x1f\x1fgarbage between members\x00\xff");
    warc_gz(
        &mut members,
        &[("m2".into(), "https://planet.example/planes".into(), second)],
    )
    .unwrap();
    std::fs::write(dir.join("members.warc.gz"), members).unwrap();
    let mut overstated = Vec::new();
    write_response(
        &mut overstated,
        "liar",
        "https://liar.example/",
        "d",
        b"<p>short</p>",
    )
    .unwrap();
    let text = String::from_utf8(overstated).unwrap();
    let (head, rest) = text.split_once("\r\n\r\nHTTP").unwrap();
    let (_, length) = head.rsplit_once("Content-Length: ").unwrap();
    let lie = head.replace(&format!("Content-Length: {length}"), "Content-Length: 900");
    let mut overstated = format!("{lie}\r\n\r\nHTTP{rest}").into_bytes();
    let next = page(
        "Trams",
        &speaker("Mona Sarr"),
        "https://planet.example/trams",
    );
    write_response(
        &mut overstated,
        "next",
        "https://planet.example/trams",
        "d",
        next.as_bytes(),
    )
    .unwrap();
    std::fs::write(dir.join("overstated.warc"), overstated).unwrap();
    // A symbolic link loop inside the corpus.
    #[cfg(unix)]
    std::os::unix::fs::symlink("..", dir.join("nested/loop")).unwrap();
    good
}

/// Every bad record expected: (file name, a word of the reason, whether
/// the record has a line or offset).
const BAD: &[(&str, &str, bool)] = &[
    ("deep.html", "nested more than", false),
    ("divs.html", "nested more than", false),
    ("attrs.html", "attributes", false),
    ("huge.txt", "longer than the", false),
    ("latin1.txt", "UTF-8", false),
    ("lines.jsonl", "JSON", true),
    ("long.jsonl.gz", "limit", true),
    ("bombs.warc.gz", "gzip content encoding", true),
    ("bombs.warc.gz", "deflate content encoding", true),
    ("overstated.warc", "overstates", true),
];

/// Peak resident memory of the largest child this process has waited for.
fn peak_child_memory() -> i64 {
    // SAFETY: getrusage fills the struct it is given.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let ok = unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) };
    assert_eq!(ok, 0);
    usage.ru_maxrss * 1024
}

fn ingest(corpus: &Path, db: &Path, errors: &Path) -> (std::process::Output, Vec<Value>) {
    let out = whosaid()
        .args(["ingest", "--jobs", "2", "--db"])
        .arg(db)
        .arg("--errors")
        .arg(errors)
        .arg(corpus)
        .output()
        .unwrap();
    let failures = std::fs::read_to_string(errors)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    (out, failures)
}

fn documents_by_speaker(db: &Path) -> Vec<(String, i64)> {
    let out = whosaid()
        .args(["speakers", "--format", "json", "--limit", "1000", "--db"])
        .arg(db)
        .output()
        .unwrap();
    assert_success(&out);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    v["speakers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["name"].as_str().unwrap().to_string(),
                s["documents"].as_i64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn a_hostile_corpus_is_ingested_without_loss_crash_or_blow_up() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus: PathBuf = tmp.path().join("corpus");
    let good = hostile_corpus(&corpus);
    let db = tmp.path().join("h.db");
    let errors = tmp.path().join("errors.jsonl");

    let (out, failures) = ingest(&corpus, &db, &errors);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(&format!("stored {} new documents", good.len())),
        "{stderr}"
    );

    // Every good document once, under its speaker.
    let speakers = documents_by_speaker(&db);
    for name in &good {
        let found: Vec<_> = speakers.iter().filter(|(n, _)| n == name).collect();
        assert_eq!(found.len(), 1, "{name}: {speakers:?}");
        assert_eq!(found[0].1, 1, "{name} in {} documents", found[0].1);
    }

    // Every bad record reported with its file, place and reason.
    for (file, reason, placed) in BAD {
        let hit = failures.iter().find(|f| {
            f["source"].as_str().unwrap().ends_with(file)
                && f["reason"].as_str().unwrap().contains(reason)
        });
        let hit = hit.unwrap_or_else(|| panic!("{file} ({reason}) not reported: {failures:#?}"));
        // A record inside a file is named by line or offset, a file by itself.
        assert_eq!(hit["record"].is_object(), *placed, "{hit}");
    }
    #[cfg(unix)]
    assert!(
        failures
            .iter()
            .any(|f| f["reason"].as_str().unwrap().contains("loop")),
        "{failures:#?}"
    );
    assert!(
        !failures
            .iter()
            .any(|f| f["source"].as_str().unwrap().ends_with(".ann")),
        "an annotation file was read as a document"
    );
    eprintln!(
        "peak memory of the ingest: {} MB",
        peak_child_memory() >> 20
    );
    assert!(
        peak_child_memory() <= PEAK_MEMORY_BYTES,
        "peak memory {} MB",
        peak_child_memory() >> 20
    );

    // Again: nothing new, the same failures, the store unchanged.
    let (out, again) = ingest(&corpus, &db, &errors);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!(
            "stored 0 new documents (0 attributions), {} already",
            good.len()
        )),
        "{stderr}"
    );
    assert_eq!(again.len(), failures.len());
    assert_eq!(documents_by_speaker(&db), speakers);
}

/// Writes the hostile corpus to `$WHOSAID_HOSTILE_DIR` for measuring a
/// release build by hand (README, "Limits"):
/// `WHOSAID_HOSTILE_DIR=/tmp/hostile cargo test -p whosaid-cli --test hostile -- --ignored`.
#[test]
#[ignore]
fn write_the_hostile_corpus() {
    let dir = std::env::var_os("WHOSAID_HOSTILE_DIR").expect("set WHOSAID_HOSTILE_DIR");
    let good = hostile_corpus(Path::new(&dir));
    eprintln!("{} good documents written to {dir:?}", good.len());
}

/// Regression (hardening issue, finding 2): one id given to two different
/// texts stored the first and skipped the second silently (exit 0); now the
/// second is a reported failure and the run exits 1. A store damaged where
/// the ingest writes fails the run too.
#[test]
fn an_id_clash_and_a_damaged_store_fail_the_run() {
    let tmp = tempfile::tempdir().unwrap();
    let first = tmp.path().join("first.jsonl");
    let second = tmp.path().join("second.jsonl");
    std::fs::write(
        &first,
        jsonl_line("same-id", &article("Ports", "Alma Reyes")) + "\n",
    )
    .unwrap();
    std::fs::write(
        &second,
        jsonl_line("same-id", &article("Rails", "Bruno Iversen")) + "\n",
    )
    .unwrap();
    let db = tmp.path().join("c.db");
    let run = |input: &Path| {
        whosaid()
            .args(["ingest", "--db"])
            .arg(&db)
            .arg(input)
            .output()
            .unwrap()
    };
    assert!(run(&first).status.success());
    let out = run(&second);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("second.jsonl line 1 (same-id): another text is already stored"),
        "{stderr}"
    );
    assert!(
        run(&first).status.success(),
        "the same text again is not a clash"
    );

    let len = std::fs::metadata(&db).unwrap().len();
    let file = std::fs::OpenOptions::new().write(true).open(&db).unwrap();
    file.set_len(len / 2).unwrap();
    drop(file);
    let out = run(&second);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Regression (finding 8): `serve` on a mistyped path created an empty
/// store and served it; the read commands did the same. Now they fail and
/// create nothing, and a store whose file is read-only is searched (root
/// ignores the permission; the store's own test checks that a read-only
/// open writes nothing).
#[test]
fn read_commands_never_create_a_store_and_read_read_only_ones() {
    let tmp = tempfile::tempdir().unwrap();
    let typo = tmp.path().join("typo.db");
    for args in [
        vec!["serve", "--addr", "127.0.0.1:0", "--db"],
        vec!["search", "said", "--db"],
        vec!["speakers", "--db"],
    ] {
        let out = whosaid().args(&args).arg(&typo).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("no store at"));
        assert!(!typo.exists(), "{args:?} created {}", typo.display());
    }
    let db = tmp.path().join("ro.db");
    let text = tmp.path().join("a.txt");
    std::fs::write(&text, article("Ports", "Alma Reyes")).unwrap();
    let ingest = whosaid()
        .args(["ingest", "--db"])
        .arg(&db)
        .arg(&text)
        .output()
        .unwrap();
    assert!(ingest.status.success());
    // Checkpointed and closed: the WAL is folded into the file.
    let mut perms = std::fs::metadata(&db).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&db, perms).unwrap();
    let out = whosaid()
        .args(["search", "negotiations", "--format", "json", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    assert_success(&out);
    assert!(String::from_utf8_lossy(&out.stdout).contains("Alma Reyes"));
}
