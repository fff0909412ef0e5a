//! Loading model files from arbitrary bytes: a `ModelError`, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let _ = whosaid::pos::PosTagger::from_bytes(bytes);
    let _ = whosaid::learned::AttrTagger::from_bytes(bytes);
    let _ = whosaid::ner::NerTagger::from_bytes(bytes);
    if let Ok(parser) = whosaid::parse::DepParser::from_bytes(bytes) {
        // A model that loads parses any sentence into a tree.
        let tokens = whosaid::parse::token_syms(&["He", "said", "no", "."], &["PRP", "VBD", "DT", "."]);
        let mut out = Vec::new();
        parser.parse(&tokens, &mut whosaid::parse::Scratch::default(), &mut out);
        assert_eq!(out.len(), tokens.len());
    }
});
