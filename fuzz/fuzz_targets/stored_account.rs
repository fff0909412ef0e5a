//! Reading a store's `documents.account` from arbitrary bytes, as binary or
//! as JSON text, against a text with multi-byte chars: a value or `None`,
//! never a panic (offsets past the text give empty span texts).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let text = "«Oui», a dit Mark Rutte à Bloomberg.";
    for binary in [true, false] {
        if let Some(json) = whosaid_store::stored_account_json(bytes, binary, text) {
            let _ = json.to_string();
        }
    }
});
