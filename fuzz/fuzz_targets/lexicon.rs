//! Loading a cue lexicon table: errors, never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|tsv: &str| {
    if let Ok(lex) = whosaid::Lexicon::from_tsv(tsv) {
        let _ = lex.to_tsv();
    }
});
