//! Resolution over arbitrary text: never panics, every span of the account
//! slices the input, every index points inside its list.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use whosaid::Span;

static EXTRACTOR: OnceLock<whosaid::Extractor> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let n = text.chars().count();
    let extractor = EXTRACTOR.get_or_init(whosaid::Extractor::builtin);
    let account = extractor.analyze(text, &whosaid::DocumentInfo::default());
    let ok = |s: &Span| assert!(s.start < s.end && s.end <= n, "{s:?}");
    for a in &account.attributions {
        let at = &a.attribution;
        at.source.iter().chain(&at.cue).chain(&at.content).for_each(ok);
        a.time.iter().for_each(|t| ok(&t.span));
        assert!(a.speaker.is_none_or(|s| s < account.speakers.len()));
        assert!(a.nested_in.is_none_or(|j| j < account.attributions.len()));
    }
    account.speakers.iter().flat_map(|s| &s.mentions).for_each(ok);
    account.unattributed.iter().for_each(|u| ok(&u.span));
});
