//! The HTML reader's limits over arbitrary bytes: the markup pre-scan and
//! the page extraction never panic, never overflow the stack and stay fast
//! (libFuzzer's `-timeout` catches a quadratic shape). Seeds in
//! `fuzz/seeds/html` hold deep nesting and attribute floods just past the
//! limits; tight limits make the fuzzer reach them with small inputs.
#![no_main]

use libfuzzer_sys::fuzz_target;
use whosaid_ingest::html::{self, HtmlLimits};

fuzz_target!(|data: &[u8]| {
    let tight = HtmlLimits {
        max_depth: 16,
        max_elements: 64,
        max_attributes: 8,
    };
    let text = html::decode(data, None);
    let _ = html::check_limits(&text, &tight);
    let _ = html::extract_within(data, Some("https://x.example/"), None, &tight);
    let _ = html::extract(data, None, Some("utf-8"));
});
