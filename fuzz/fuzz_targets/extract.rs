//! Extraction over arbitrary bytes (as text when UTF-8): never panics, spans
//! always slice the input.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

static EXTRACTOR: OnceLock<whosaid::Extractor> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let n = text.chars().count();
    let extractor = EXTRACTOR.get_or_init(whosaid::Extractor::builtin);
    for a in extractor.extract(text) {
        for span in a.source.iter().chain(&a.cue).chain(&a.content) {
            assert!(span.start < span.end && span.end <= n);
        }
    }
});
