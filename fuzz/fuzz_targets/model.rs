//! Loading model files from arbitrary bytes: a `ModelError`, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let _ = whosaid::pos::PosTagger::from_bytes(bytes);
    let _ = whosaid::learned::AttrTagger::from_bytes(bytes);
    let _ = whosaid::ner::NerTagger::from_bytes(bytes);
});
