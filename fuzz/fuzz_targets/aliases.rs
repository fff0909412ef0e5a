//! An aliases file from arbitrary bytes: rules or an error naming a line,
//! never a panic; and every rule applies to a store without one.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let text = String::from_utf8_lossy(bytes);
    if let Ok(rules) = whosaid_store::AliasRule::parse_tsv(&text) {
        let mut store = whosaid_store::Store::in_memory().expect("in-memory store");
        store.add_alias_rules(&rules).expect("rules apply");
    }
});
