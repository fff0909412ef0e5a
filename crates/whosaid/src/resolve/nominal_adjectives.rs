//! Adjectives that head their noun phrase as nouns do ("the military
//! said", "Israel's military has said", "the elderly are"): the tagger reads
//! such a word as an adjective, and a phrase with no noun names no one.
//! Resolution reads them as nouns; the taggers' own tags stay as trained.

use std::borrow::Cow;

use crate::text::Document;

/// Adjectives that stand for a noun named elsewhere ("The same could not
/// be said", "the former said"): no head of their own, no speaker.
const REFERRING_ADJECTIVES: &[&str] = &[
    "first",
    "following",
    "former",
    "last",
    "latter",
    "next",
    "only",
    "other",
    "same",
];

/// The tags `tags` of `doc` with each nominal adjective tagged `NN`: an
/// adjective after "the" or a possessive (two modifiers between at most)
/// and right before a finite verb
/// (an adverb between allowed: "the military also said"). Borrowed when
/// there is none, as in most documents.
pub(super) fn with_nominal_adjectives<'s, 't>(
    doc: &Document,
    tags: &'s [&'t str],
) -> Cow<'s, [&'t str]> {
    let nominal = |i: usize| {
        if tags[i] != "JJ"
            || i == 0
            || !doc.token_text(i).starts_with(char::is_lowercase)
            || REFERRING_ADJECTIVES.contains(&doc.lower(i))
        {
            return false;
        }
        // Up to two modifiers between ("the Israeli military"); a
        // possessive is its own token or the end of the name's ("Israel's").
        let determiner = |j: usize| {
            matches!(tags[j], "POS" | "PRP$")
                || doc.lower(j) == "the"
                || crate::entities::is_possessive(doc.token_text(j))
        };
        let mut before = i - 1;
        while !determiner(before)
            && i - before <= 2
            && before > 0
            && matches!(tags[before], "JJ" | "NNP")
        {
            before -= 1;
        }
        let determined = determiner(before);
        let mut next = i + 1;
        while tags.get(next) == Some(&"RB") {
            next += 1;
        }
        determined && matches!(tags.get(next), Some(&("VBD" | "VBZ" | "VBP" | "MD")))
    };
    let found: Vec<usize> = (0..tags.len()).filter(|&i| nominal(i)).collect();
    if found.is_empty() {
        return Cow::Borrowed(tags);
    }
    let mut repaired = tags.to_vec();
    for i in found {
        repaired[i] = "NN";
    }
    Cow::Owned(repaired)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn repaired(text: &str, tags: &[&'static str]) -> Vec<&'static str> {
        let doc = Document::new(text);
        assert_eq!(doc.tokens.len(), tags.len(), "{:?}", doc.tokens);
        with_nominal_adjectives(&doc, tags).into_owned()
    }

    #[test]
    fn an_adjective_heading_a_subject_is_a_noun() {
        assert_eq!(
            repaired(
                "Israel's military also said so.",
                &["JJ", "JJ", "RB", "VBD", "RB", "."]
            ),
            ["JJ", "NN", "RB", "VBD", "RB", "."]
        );
        assert_eq!(
            repaired("The military said so.", &["DT", "JJ", "VBD", "RB", "."]),
            ["DT", "NN", "VBD", "RB", "."]
        );
        assert_eq!(
            repaired(
                "Today Israel's military said so.",
                &["NN", "JJ", "JJ", "VBD", "RB", "."]
            ),
            ["NN", "JJ", "NN", "VBD", "RB", "."]
        );
        assert_eq!(
            repaired(
                "The Israeli military said so.",
                &["DT", "JJ", "JJ", "VBD", "RB", "."]
            ),
            ["DT", "JJ", "NN", "VBD", "RB", "."]
        );
    }

    #[test]
    fn an_adjective_before_its_noun_stays_one() {
        let tags = ["DT", "JJ", "NN", "VBD", "RB", "."];
        assert_eq!(repaired("The military spokesman said so.", &tags), tags);
        // No determiner: "Military officials" is no case, nor is a
        // predicate ("is military").
        let tags = ["PRP", "VBZ", "JJ", "."];
        assert_eq!(repaired("It is military.", &tags), tags);
        // "The same" refers to something named before.
        let tags = ["DT", "JJ", "MD", "RB", "."];
        assert_eq!(repaired("The same could not.", &tags), tags);
    }
}
