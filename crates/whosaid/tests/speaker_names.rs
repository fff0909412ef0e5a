//! Speakers are entities or nothing: over every article of PolNeAR train
//! and dev (skipped when `../shared` is not beside the project), no
//! speaker is named by a pronoun, determiner, quantifier, preposition,
//! adverb, possessive or contraction.

use std::path::Path;

use whosaid::{DocumentInfo, Extractor};

mod common;

use common::junk::junk;

#[test]
fn no_speaker_is_named_by_a_function_word() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/polnear");
    if !root.join("train/text").is_dir() {
        eprintln!("skipped: no PolNeAR at {}", root.display());
        return;
    }
    let extractor = Extractor::builtin();
    let mut bad = Vec::new();
    let mut speakers = 0;
    for split in ["train", "dev"] {
        let mut files: Vec<_> = std::fs::read_dir(root.join(split).join("text"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
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
