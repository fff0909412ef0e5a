//! One-word names the entity tagger reads as people although a definite
//! article stands before them: "the Kremlin", "The Hill". A person's name
//! takes no article, an institution's or outlet's does, so such a name is
//! an organization, and so is the same word alone elsewhere in the article
//! ("Kremlin spokesman Dmitry Peskov").

use crate::entities::{GenderLexicon, Mention, MentionClass};
use crate::text::Document;

/// One-word person mentions after "the" that head their phrase, and the
/// other one-word person mentions of the same word, made organizations.
/// A first name ("the Donald"), a plural ("the Clintons": a family) and a
/// name modifying a noun ("the Christie administration") stay people; a
/// later repair gives a surname of someone named in full back to them.
pub(super) fn names_after_the(
    doc: &Document,
    pos: &[&str],
    genders: &GenderLexicon,
    mut mentions: Vec<Mention>,
) -> Vec<Mention> {
    let one_word_person = |m: &Mention| m.class == MentionClass::Person && m.tokens.len() == 1;
    let mut bodies: Vec<&str> = mentions
        .iter()
        .filter(|m| one_word_person(m))
        .map(|m| m.tokens.start)
        .filter(|&i| {
            let word = doc.lower(i);
            let after_the = i > 0 && doc.lower(i - 1) == "the";
            let heads = !pos.get(i + 1).is_some_and(|t| t.starts_with("NN"));
            after_the
                && heads
                && !word.ends_with('s')
                && !genders.is_first_name(word)
                && doc.is_capitalized(i)
        })
        .map(|i| doc.lower(i))
        .collect();
    if bodies.is_empty() {
        return mentions;
    }
    bodies.sort_unstable();
    bodies.dedup();
    for m in &mut mentions {
        if one_word_person(m) && bodies.binary_search(&doc.lower(m.tokens.start)).is_ok() {
            m.class = MentionClass::Organization;
        }
    }
    mentions
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classes(text: &str, people: &[&str]) -> Vec<(String, MentionClass)> {
        let doc = Document::new(text);
        let pos: Vec<&str> = (0..doc.tokens.len())
            .map(|i| match doc.token_text(i) {
                "administration" | "spokesman" | "talks" => "NN",
                w if w.starts_with(char::is_lowercase) => "VBD",
                _ => "NNP",
            })
            .collect();
        let mentions = (0..doc.tokens.len())
            .filter(|&i| people.contains(&doc.token_text(i)))
            .map(|i| Mention {
                tokens: i..i + 1,
                class: MentionClass::Person,
            })
            .collect();
        names_after_the(&doc, &pos, &GenderLexicon::builtin(), mentions)
            .into_iter()
            .map(|m| (doc.token_text(m.tokens.start).to_string(), m.class))
            .collect()
    }

    /// Regression: "The Kremlin said" was the person "Kremlin", and so
    /// was the Kremlin of "Kremlin spokesman".
    #[test]
    fn a_one_word_name_after_the_is_an_organization() {
        let got = classes(
            "Talks\n\nKremlin spokesman Dmitry Peskov spoke. The Kremlin said the talks went well.",
            &["Kremlin"],
        );
        assert_eq!(
            got,
            [
                ("Kremlin".to_string(), MentionClass::Organization),
                ("Kremlin".to_string(), MentionClass::Organization)
            ]
        );
    }

    /// A first name, a family and a name before a noun stay people.
    #[test]
    fn first_names_families_and_modifiers_stay_people() {
        let got = classes(
            "Race\n\nThe Donald spoke. The Clintons left. The Christie administration said no.",
            &["Donald", "Clintons", "Christie"],
        );
        assert!(
            got.iter().all(|(_, c)| *c == MentionClass::Person),
            "{got:?}"
        );
    }
}
