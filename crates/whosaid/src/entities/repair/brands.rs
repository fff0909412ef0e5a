//! Names written in camel case ("OpenAI", "SpaceX", "BlackRock",
//! "YouTube"): the spelling of brands and the bodies behind them, which a
//! tagger trained on older news leaves out or reads as a person or a place.
//! Surnames with a capital inside keep their particle ("McCarthy",
//! "DeSantis", "LaGuardia") and are left alone.

use super::{Mention, MentionClass};
use crate::text::{Document, TokenKind};

/// Particles that open surnames written with a capital inside.
const SURNAME_PARTICLES: &[&str] = &[
    "Mc", "Mac", "De", "Di", "Da", "Du", "La", "Le", "Van", "Von",
];

/// Whether a word is written in camel case: letters only (codes and links
/// have digits), a capital first, and a capital right after a lowercase
/// letter, not after a surname's particle; never three capitals in a row.
pub(super) fn is_camel_case(word: &str) -> bool {
    // The capital first: most words fail there, before the possessive is
    // looked for.
    if !word.starts_with(|c: char| c.is_ascii_uppercase()) {
        return false;
    }
    let word = crate::entities::strip_possessive(word);
    let bytes = word.as_bytes();
    // The hump next: most capitalized words have none.
    let Some(inner) = (1..bytes.len())
        .find(|&i| bytes[i].is_ascii_uppercase() && bytes[i - 1].is_ascii_lowercase())
    else {
        return false;
    };
    if !bytes.iter().all(u8::is_ascii_alphabetic) {
        return false;
    }
    // Three capitals in a row are a word in capitals run into another
    // ("BushASSOCIATED PRESS" in a photo credit), not a brand's hump.
    if bytes
        .windows(3)
        .any(|w| w.iter().all(u8::is_ascii_uppercase))
    {
        return false;
    }
    !SURNAME_PARTICLES.contains(&&word[..inner])
}

/// One-word mentions in camel case are organizations, whatever the tagger
/// read them as, and a camel-case word it left out is one (a mention of
/// its own, outside any other).
pub(super) fn camel_case_brands(doc: &Document, mut mentions: Vec<Mention>) -> Vec<Mention> {
    // A hashtag or a handle ("#OpenDoorsNice", "@JohnMelloy") names no
    // body.
    let tagged = |i: usize| {
        i > 0
            && matches!(doc.token_text(i - 1), "#" | "@")
            && doc.tokens[i - 1].end == doc.tokens[i].start
    };
    // A word the tokenizer cut before a letter or mark it does not take
    // ("FranA" + U+0303 in mis-decoded text) is a piece of another word.
    let cut_short = |i: usize| {
        doc.tokens.get(i + 1).is_some_and(|next| {
            next.start == doc.tokens[i].end
                && !doc
                    .token_text(i + 1)
                    .starts_with(|c: char| c.is_ascii_punctuation())
        })
    };
    let camel = |i: usize| {
        doc.tokens[i].kind == TokenKind::Word
            && doc.is_capitalized(i)
            && is_camel_case(doc.token_text(i))
            && !tagged(i)
            && !cut_short(i)
    };
    for m in &mut mentions {
        if m.tokens.len() == 1 && camel(m.tokens.start) {
            m.class = MentionClass::Organization;
        }
    }
    let mut added = Vec::new();
    let mut next = 0;
    for i in 0..doc.tokens.len() {
        while next < mentions.len() && mentions[next].tokens.end <= i {
            next += 1;
        }
        let covered = mentions.get(next).is_some_and(|m| m.tokens.start <= i);
        if !covered && camel(i) {
            added.push(Mention {
                tokens: i..i + 1,
                class: MentionClass::Organization,
            });
        }
    }
    if !added.is_empty() {
        mentions.extend(added);
        mentions.sort_by_key(|m| m.tokens.start);
    }
    mentions
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn camel_case_is_a_capital_after_a_lowercase_letter_outside_surnames() {
        for brand in [
            "OpenAI",
            "SpaceX",
            "BlackRock",
            "YouTube",
            "PayPal",
            "OpenAI's",
        ] {
            assert!(is_camel_case(brand), "{brand}");
        }
        for word in [
            "McCarthy",
            "DeSantis",
            "LaGuardia",
            "MacKenzie",
            "DiCaprio",
            "NATO",
            "JPM",
            "Apple",
            "iPhone",
            "O'Neill",
            "Covid-19",
            "PfASkm7vah",
            "IslamicState100",
            "BushASSOCIATED",
        ] {
            assert!(!is_camel_case(word), "{word}");
        }
    }

    #[test]
    fn camel_case_words_are_bodies_tagged_or_not() {
        let doc = Document::new(
            "OpenAI said SpaceX and Jane Doe agreed (via @JohnDoe #MeToo, FranA\u{303}ois).",
        );
        let at = |w: &str| {
            (0..doc.tokens.len())
                .find(|&i| doc.token_text(i) == w)
                .unwrap()
        };
        let found = camel_case_brands(
            &doc,
            vec![
                Mention {
                    tokens: at("SpaceX")..at("SpaceX") + 1,
                    class: MentionClass::Location,
                },
                Mention {
                    tokens: at("Jane")..at("Doe") + 1,
                    class: MentionClass::Person,
                },
            ],
        );
        let classes: Vec<(usize, MentionClass)> =
            found.iter().map(|m| (m.tokens.start, m.class)).collect();
        assert_eq!(
            classes,
            [
                (at("OpenAI"), MentionClass::Organization),
                (at("SpaceX"), MentionClass::Organization),
                (at("Jane"), MentionClass::Person),
            ]
        );
    }
}
