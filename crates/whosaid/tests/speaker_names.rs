//! Speakers are entities or nothing: over every article of PolNeAR train
//! and dev (skipped when `../shared` is not beside the project), no
//! speaker is named by a pronoun, determiner, quantifier, preposition,
//! adverb, possessive or contraction.

use whosaid::{DocumentInfo, Extractor};

mod common;

use common::junk::junk;
use common::polnear::polnear_texts;

#[test]
fn no_speaker_is_named_by_a_function_word() {
    let Some(files) = polnear_texts() else {
        return;
    };
    let extractor = Extractor::builtin();
    let mut bad = Vec::new();
    let mut speakers = 0;
    for file in files {
        let text = whosaid::error::read_text(&file).unwrap();
        let account = extractor.analyze(&text, &DocumentInfo::default());
        for s in &account.speakers {
            speakers += 1;
            if let Some(why) = junk(&s.name) {
                bad.push(format!("{}: {:?} ({why})", file.display(), s.name));
            }
        }
    }
    assert!(speakers > 5_000, "{speakers} speakers");
    assert!(
        bad.is_empty(),
        "{} junk speaker names:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

#[test]
fn the_junk_check_itself() {
    for name in [
        "His",
        "He’s",
        "Trump’s",
        "some",
        "For",
        "However",
        "there's",
    ] {
        assert!(junk(name).is_some(), "{name}");
    }
    for name in [
        "Donald Trump",
        "Republicans",
        "unnamed people (“some”)",
        "The Times",
        "O'Malley",
        "Democrats’",
    ] {
        assert!(junk(name).is_none(), "{name}");
    }
}
