//! Real pages of the two public test suites in `../shared/data/pages`
//! (skipped when the suites are not beside the project): the markup limits
//! hold none back, and regressions found on single pages stay fixed.

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

/// Regression (real pages): a lead put in front of a teaser-sized article
/// made it long enough to skip the densest-block fallback, and the page
/// kept its lead and lost its text.
#[test]
fn a_lead_does_not_keep_a_teaser_from_the_fallback() {
    let file = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/pages/trafilatura-eval/pages/security.googleblog.com.protection.html.gz");
    let Ok(compressed) = std::fs::File::open(&file) else {
        eprintln!("skipped: no page at {}", file.display());
        return;
    };
    let mut bytes = Vec::new();
    flate2::read::GzDecoder::new(compressed)
        .read_to_end(&mut bytes)
        .unwrap();
    let page = whosaid_ingest::html::extract(&bytes, None, None).unwrap();
    for words in [
        "threats on the web becoming increasingly sophisticated",
        "This protocol is designed so that Google cannot",
    ] {
        assert!(page.text.contains(words), "{words}: {}", page.text);
    }
}
