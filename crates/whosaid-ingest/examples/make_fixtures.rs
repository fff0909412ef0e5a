//! Builds benchmark inputs from a directory of PolNeAR-style `.txt` files:
//! `OUT/html/<id>.html` news pages, `OUT/corpus.warc.gz` and
//! `OUT/corpus.jsonl`.
//!
//! `cargo run --release -p whosaid-ingest --example make_fixtures -- ../shared/data/polnear/train/text /tmp/fixtures`

use std::io::Write;
use std::path::PathBuf;

use whosaid_ingest::fixture::{news_page, warc_gz, PageInfo};

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let (Some(input), Some(out)) = (args.next(), args.next()) else {
        eprintln!("usage: make_fixtures TEXT_DIR OUT_DIR");
        std::process::exit(2);
    };
    let out = PathBuf::from(out);
    std::fs::create_dir_all(out.join("html"))?;
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&input)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    let mut pages = Vec::new();
    let mut jsonl = std::io::BufWriter::new(std::fs::File::create(out.join("corpus.jsonl"))?);
    for p in &paths {
        let id = p.file_stem().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(p)?;
        let url = format!("https://news.example/{id}");
        let html = news_page(
            &text,
            &PageInfo {
                outlet: "News Example",
                author: "A. Reporter",
                published: "2016-09-12",
                url: &url,
            },
        );
        std::fs::write(out.join("html").join(format!("{id}.html")), &html)?;
        let line = serde_json::json!({"id": id, "url": url, "text": text, "published": "2016-09-12", "outlet": "News Example"});
        writeln!(jsonl, "{line}")?;
        pages.push((id, url, html));
    }
    jsonl.flush()?;
    warc_gz(std::fs::File::create(out.join("corpus.warc.gz"))?, &pages)?;
    eprintln!("{} documents -> {}", pages.len(), out.display());
    Ok(())
}
