//! The BRAT reader over arbitrary `.ann` text and a document text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (&str, &str)| {
    let (ann, text) = input;
    let doc = whosaid::brat::AnnDoc::parse_against(ann, Some(text));
    for a in &doc.attributions {
        let _ = doc.fragments(&a.content);
    }
});
