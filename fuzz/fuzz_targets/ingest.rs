//! The HTML, WARC and JSONL readers over arbitrary bytes: errors, never
//! panics; every record a WARC reader yields decodes or fails cleanly.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::io::Read;

use whosaid_ingest::gzip::GzMembers;
use whosaid_ingest::warc::WarcRecords;
use whosaid_ingest::{html, jsonl, FieldNames};

fuzz_target!(|data: &[u8]| {
    let _ = html::extract(data, Some("https://x.example/"), None);
    let _ = jsonl::parse_line(data, 1, "fuzz", &FieldNames::default());
    for record in WarcRecords::new(data, "fuzz", 1 << 20).take(64) {
        if let Ok(r) = record {
            let _ = r.into_document();
        }
    }
    // Damaged multi-member gzip: read to the end (bounded) without a panic.
    let mut members = GzMembers::new(data);
    let _ = std::io::copy(&mut (&mut members).take(1 << 22), &mut std::io::sink());
});
