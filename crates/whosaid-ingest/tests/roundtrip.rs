//! Pages and archives built from plain text read back to the same text and
//! the same attributions: the example article always, every PolNeAR dev
//! text when `../shared` is present.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization;
use whosaid::Extractor;
use whosaid_ingest::fixture::{news_page, warc_gz, PageInfo};
use whosaid_ingest::{Body, Document, Locator, RawRecord, Reader, ReaderOptions};

fn extractor() -> &'static Extractor {
    static E: OnceLock<Extractor> = OnceLock::new();
    E.get_or_init(Extractor::builtin)
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Paragraphs with their inner whitespace collapsed (HTML does the same).
fn normalized(text: &str) -> String {
    whosaid::text::paragraph_ranges(text)
        .into_iter()
        .map(|r| text[r].split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Attributions as whitespace-normalized (source, cue, content) texts.
fn attributions(text: &str) -> Vec<[String; 3]> {
    let w = |spans: &[whosaid::Span]| {
        spans
            .iter()
            .map(|s| s.text.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect::<Vec<_>>()
            .join(" … ")
    };
    extractor()
        .extract(text)
        .iter()
        .map(|a| [w(&a.source), w(&a.cue), w(&a.content)])
        .collect()
}

fn texts() -> Vec<(String, String)> {
    let mut out = vec![(
        "nato-rutte".to_string(),
        std::fs::read_to_string(root().join("examples/nato-rutte.txt")).unwrap(),
    )];
    let dev = root().join("../shared/data/polnear/dev/text");
    if let Ok(entries) = std::fs::read_dir(&dev) {
        let mut paths: Vec<PathBuf> = entries.map(|e| e.unwrap().path()).collect();
        paths.sort();
        for p in paths {
            let id = p.file_stem().unwrap().to_string_lossy().into_owned();
            out.push((id, std::fs::read_to_string(&p).unwrap()));
        }
    } else {
        eprintln!("../shared not present: the example article only");
    }
    out
}

fn info(url: &str) -> PageInfo<'_> {
    PageInfo {
        outlet: "News Example",
        author: "A. Reporter",
        published: "2016-09-12",
        url,
    }
}

fn check(id: &str, text: &str, doc: &Document) {
    // Pages give their text in Unicode NFC (one source text has a
    // decomposed "Ã").
    let text: &str = &text.nfc().collect::<String>();
    assert_eq!(doc.text, normalized(text), "{id}: text differs");
    assert_eq!(
        attributions(&doc.text),
        attributions(text),
        "{id}: attributions differ"
    );
    assert_eq!(doc.meta.outlet.as_deref(), Some("News Example"), "{id}");
    assert_eq!(doc.meta.byline.as_deref(), Some("A. Reporter"), "{id}");
    assert_eq!(
        doc.meta.published.unwrap().to_string(),
        "2016-09-12",
        "{id}"
    );
}

#[test]
fn news_pages_give_back_the_text_and_its_attributions() {
    for (id, text) in texts() {
        let url = format!("https://news.example/{id}");
        let html = news_page(&normalized(&text), &info(&url));
        let record = RawRecord {
            source: format!("{id}.html"),
            locator: Locator::File,
            meta: whosaid_ingest::Metadata {
                id: id.clone(),
                ..Default::default()
            },
            body: Body::Html {
                bytes: html.into_bytes(),
                charset: None,
            },
        };
        let doc = record.into_document().unwrap();
        check(&id, &text, &doc);
        assert_eq!(doc.meta.url.as_deref(), Some(url.as_str()));
        assert!(!doc.text.contains("Advertisement"), "{id}");
        assert!(!doc.text.contains("Great article"), "{id}");
    }
}

#[test]
fn a_warc_gz_of_pages_reads_back_in_order() {
    let texts = texts();
    let pages: Vec<(String, String, String)> = texts
        .iter()
        .map(|(id, text)| {
            let url = format!("https://news.example/{id}");
            let html = news_page(&normalized(text), &info(&url));
            (id.clone(), url, html)
        })
        .collect();
    let dir = std::env::temp_dir().join(format!("whosaid-warc-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("corpus.warc.gz");
    warc_gz(std::fs::File::create(&path).unwrap(), &pages).unwrap();
    let mut reader = Reader::new(vec![path.clone()], ReaderOptions::default());
    let docs: Vec<Document> = reader
        .by_ref()
        .map(|r| r.unwrap().into_document().unwrap())
        .collect();
    assert_eq!(docs.len(), texts.len());
    assert_eq!(reader.skipped(), texts.len() as u64, "the request records");
    for ((id, text), doc) in texts.iter().zip(&docs) {
        assert_eq!(doc.meta.id, format!("urn:uuid:{id}"));
        check(id, text, doc);
    }
    // A truncated archive keeps the records before the cut and reports one error.
    let mut bytes = Vec::new();
    std::fs::File::open(&path)
        .unwrap()
        .read_to_end(&mut bytes)
        .unwrap();
    let cut = dir.join("cut.warc.gz");
    std::fs::write(&cut, &bytes[..bytes.len() * 2 / 3]).unwrap();
    let results: Vec<_> = Reader::new(vec![cut], ReaderOptions::default()).collect();
    let ok = results.iter().filter(|r| r.is_ok()).count();
    assert!(ok > 0 && ok < texts.len() || texts.len() == 1, "{ok}");
    assert_eq!(results.iter().filter(|r| r.is_err()).count(), 1);
    std::fs::remove_dir_all(&dir).unwrap();
}
