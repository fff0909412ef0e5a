//! The markup limits hold no real page back: every page of the two public
//! test suites in `../shared/data/pages` passes them (skipped when the
//! suites are not beside the project).

use std::io::Read;
use std::path::Path;

use whosaid_ingest::html::{check_limits, decode, HtmlLimits};

fn pages(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            pages(&p, out);
        } else if p.to_string_lossy().ends_with(".gz") && !p.to_string_lossy().contains("expected")
        {
            out.push(p);
        }
    }
}

#[test]
fn every_real_page_is_within_the_markup_limits() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/pages");
    let mut files = Vec::new();
    pages(&root, &mut files);
    if files.is_empty() {
        eprintln!("skipped: no page suites at {}", root.display());
        return;
    }
    // Half the default limits: real pages are far from them.
    let tight = HtmlLimits {
        max_depth: 256,
        max_elements: 50_000,
        max_attributes: 128,
    };
    let mut refused = Vec::new();
    for file in &files {
        let mut bytes = Vec::new();
        flate2::read::GzDecoder::new(std::fs::File::open(file).unwrap())
            .read_to_end(&mut bytes)
            .unwrap();
        if let Err(e) = check_limits(&decode(&bytes, None), &tight) {
            refused.push(format!("{}: {e}", file.display()));
        }
    }
    assert!(files.len() > 1000, "{} pages", files.len());
    assert!(refused.is_empty(), "{refused:#?}");
}
