//! Readers never panic, never stop at a bad record, and keep memory bounded.

use std::io::{BufReader, Read};

use proptest::prelude::*;
use whosaid_ingest::fixture::{news_page, warc_gz, PageInfo};
use whosaid_ingest::warc::{write_response, WarcRecords};
use whosaid_ingest::{html, jsonl, Body, FieldNames, Locator, RawRecord, Reader, ReaderOptions};

fn archive(n: usize) -> Vec<u8> {
    let mut out = Vec::new();
    for i in 0..n {
        let page = news_page(
            &format!("Headline {i}\n\nJohn Smith said that the talks had failed, officials said."),
            &PageInfo::default(),
        );
        write_response(
            &mut out,
            &i.to_string(),
            "https://x.example/",
            "2016-01-01",
            page.as_bytes(),
        )
        .unwrap();
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn html_takes_any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2000), label in "[a-z0-9-]{0,12}") {
        let _ = html::extract(&bytes, Some("https://x.example/a"), Some(&label));
    }

    /// Markup made of tags that nest, close, void and hide markup (comments,
    /// scripts, attribute values): the limits check and the page reader
    /// never panic, and a page within tight limits is never refused by them.
    #[test]
    fn markup_of_any_shape_is_checked_or_read(pieces in proptest::collection::vec(
        prop_oneof![
            Just("<div>"), Just("</div>"), Just("<b>"), Just("</b>"), Just("<p>"), Just("<li>"),
            Just("<br>"), Just("<img src=x/>"), Just("<a href='<div>' x=1 y>"), Just("</a>"),
            Just("<!--"), Just("-->"), Just("<script>"), Just("</script>"), Just("<"), Just(">"),
            Just("John Smith said that the talks failed. "), Just("\u{201c}Yes,\u{201d} she said. "),
        ],
        0..300,
    )) {
        let page = pieces.concat();
        let tight = html::HtmlLimits { max_depth: 8, max_elements: 40, max_attributes: 2 };
        let checked = html::check_limits(&page, &tight);
        let read = html::extract_within(page.as_bytes(), None, None, &tight);
        if let Err(reason) = &read {
            if checked.is_ok() {
                prop_assert!(!reason.contains("over the limits"), "{reason}");
            } else {
                prop_assert!(reason.contains("over the limits"), "{reason}");
            }
        }
        prop_assert_eq!(checked.is_err(), read.as_ref().is_err_and(|r| r.contains("over the limits")));
    }

    /// Nesting depth against the limit: refused exactly past it.
    #[test]
    fn nesting_is_refused_exactly_past_the_limit(depth in 0usize..700, tag in "(div|span|b|section|font)") {
        let page = format!("{}<p>x</p>", format!("<{tag}>").repeat(depth));
        let limits = html::HtmlLimits::default();
        // The `<p>` itself nests one deeper.
        prop_assert_eq!(html::check_limits(&page, &limits).is_ok(), depth < limits.max_depth);
    }

    #[test]
    fn jsonl_takes_any_line(line in proptest::collection::vec(any::<u8>(), 0..300)) {
        let _ = jsonl::parse_line(&line, 1, "x.jsonl", &FieldNames::default());
    }

    #[test]
    fn damaged_warc_never_panics(cut in 0usize..6000, flips in proptest::collection::vec((0usize..6000, any::<u8>()), 0..6)) {
        let mut data = archive(3);
        for (at, b) in flips {
            let at = at % data.len();
            data[at] = b;
        }
        data.truncate(cut.min(data.len()));
        let records: Vec<_> = WarcRecords::new(&data[..], "t.warc", 1 << 20).collect();
        // At most one item per record plus one per damaged spot and cut.
        prop_assert!(records.len() <= 3 + 6 + 1);
        for r in records.into_iter().flatten() {
            let _ = r.into_document();
        }
    }

    #[test]
    fn truncated_gzip_is_an_error_not_a_panic(frac in 0.0f64..1.0) {
        let pages = vec![("1".to_string(), "https://x.example/1".to_string(), news_page("A\n\nB said C.", &PageInfo::default())); 3];
        let mut gz = Vec::new();
        warc_gz(&mut gz, &pages).unwrap();
        let cut = ((gz.len() as f64) * frac) as usize;
        let dir = std::env::temp_dir().join(format!("whosaid-gz-{}-{cut}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("x.warc.gz");
        std::fs::write(&path, &gz[..cut]).unwrap();
        let results: Vec<_> = Reader::new(vec![path], ReaderOptions::default()).collect();
        prop_assert!(results.len() <= 4);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

/// A reader producing a record of `size` body bytes, then a normal archive,
/// without holding the big record in memory.
fn big_record_then(size: u64, rest: Vec<u8>) -> impl Read {
    let head = format!(
        "WARC/1.0\r\nWARC-Type: response\r\nContent-Type: application/http\r\nContent-Length: {size}\r\n\r\n"
    );
    std::io::Cursor::new(head.into_bytes())
        .chain(std::io::repeat(b'a').take(size))
        .chain(&b"\r\n\r\n"[..])
        .chain(std::io::Cursor::new(rest))
}

#[test]
fn a_100_megabyte_record_is_reported_and_skipped() {
    let stream = BufReader::new(big_record_then(100 << 20, archive(2)));
    let results: Vec<_> = WarcRecords::new(stream, "big.warc", 64 << 20).collect();
    assert_eq!(results.len(), 3);
    let err = results[0].as_ref().unwrap_err().to_string();
    assert!(
        err.contains("big.warc offset 0") && err.contains("limit"),
        "{err}"
    );
    assert!(results[1..].iter().all(Result::is_ok));
}

#[test]
fn a_100_megabyte_html_record_under_the_limit_is_read() {
    // Within a raised limit the record is read whole (one allocation).
    let size = 100 << 20;
    let stream = BufReader::new(big_record_then(size, Vec::new()));
    let results: Vec<_> = WarcRecords::new(stream, "big.warc", 128 << 20).collect();
    assert_eq!(results.len(), 1);
    // No HTTP header end in 100 MB of 'a': an error naming the record.
    assert!(results[0]
        .as_ref()
        .unwrap_err()
        .to_string()
        .contains("HTTP"));
}

#[test]
fn empty_bodies_and_pages_fail_cleanly() {
    let mut data = Vec::new();
    write_response(&mut data, "e", "https://x.example/", "2016-01-01", b"").unwrap();
    write_response(
        &mut data,
        "f",
        "https://x.example/",
        "2016-01-01",
        b"<html><body></body></html>",
    )
    .unwrap();
    let results: Vec<_> = WarcRecords::new(&data[..], "e.warc", 1 << 20).collect();
    assert_eq!(results.len(), 2);
    for r in results {
        let err = r.unwrap().into_document().unwrap_err().to_string();
        assert!(err.starts_with("e.warc offset"), "{err}");
    }
    let empty = RawRecord {
        source: "x.txt".into(),
        locator: Locator::File,
        meta: Default::default(),
        body: Body::Text("  \n\n ".into()),
    };
    assert!(empty
        .into_document()
        .unwrap_err()
        .to_string()
        .contains("no text"));
}

/// Nesting up to the limit is read; past it the page is one failed record
/// with the reason (before the limit, 50,000 levels overflowed the stack).
#[test]
fn deeply_nested_html_is_read_up_to_the_limit() {
    let page = |depth: usize| {
        format!(
            "<html><body>{}<p>John Smith said that the talks had failed after three long days of meetings in the capital.</p>{}</body></html>",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        )
    };
    let limit = html::HtmlLimits::default().max_depth;
    let read = html::extract(page(limit - 4).as_bytes(), None, None).unwrap();
    assert!(read.text.contains("John Smith said"));
    let err = html::extract(page(limit + 1).as_bytes(), None, None).unwrap_err();
    assert!(err.contains("nested more than"), "{err}");
}
