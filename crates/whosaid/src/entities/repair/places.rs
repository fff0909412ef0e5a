//! A place the text names as one ("the Indian state of Punjab", "the city
//! of Kharkiv") that the tagger read as a person or a thing: the words
//! before the name say what kind of name it is.

use super::{Mention, MentionClass};
use crate::text::Document;

/// Lowercase nouns of kinds of places that take their name after "of".
const PLACE_NOUNS: &[&str] = &[
    "state",
    "city",
    "town",
    "village",
    "province",
    "region",
    "county",
    "district",
    "island",
    "islands",
    "territory",
    "prefecture",
    "municipality",
    "oblast",
];

/// Person and miscellaneous mentions right after a lowercase place noun
/// and "of" are places.
pub(super) fn places_after_their_kind(doc: &Document, mut mentions: Vec<Mention>) -> Vec<Mention> {
    for m in &mut mentions {
        let start = m.tokens.start;
        let kind_of_place = start >= 2
            && doc.token_is(start - 1, "of")
            && PLACE_NOUNS.contains(&doc.token_text(start - 2));
        if kind_of_place && matches!(m.class, MentionClass::Person | MentionClass::Misc) {
            m.class = MentionClass::Location;
        }
    }
    mentions
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_after_a_lowercase_place_noun_and_of_is_a_place() {
        let doc = Document::new("Police in the Indian state of Punjab and the State of Texas.");
        let at = |w: &str| {
            (0..doc.tokens.len())
                .find(|&i| doc.token_text(i) == w)
                .expect("the word")
        };
        let mention = |w: &str| Mention {
            tokens: at(w)..at(w) + 1,
            class: MentionClass::Person,
        };
        let found = places_after_their_kind(&doc, vec![mention("Punjab"), mention("Texas")]);
        assert_eq!(found[0].class, MentionClass::Location);
        assert_eq!(
            found[1].class,
            MentionClass::Person,
            "a capitalized 'State of' is the name's own beginning"
        );
    }
}
