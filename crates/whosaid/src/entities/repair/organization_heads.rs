//! Organization names the tagger ended early: "The European Union's trade
//! chief" was tagged "European" alone (a nationality), "Britain's Labour
//! Party's leader" "Labour". A capitalized head noun of a body right after
//! a name is the end of the body's name.

use super::{is_organization_head_word, Headlines, Mention, MentionClass};
use crate::entities::strip_possessive;
use crate::text::{Document, TokenKind};

/// Organization and other non-person mentions followed in their sentence
/// by a capitalized head noun of a body ("Union", "Party's", "Ministry")
/// that no mention holds take it in and become organizations. Not in a
/// headline, where every word is capitalized.
pub(super) fn names_ending_in_their_head(
    doc: &Document,
    headlines: &Headlines,
    mut mentions: Vec<Mention>,
) -> Vec<Mention> {
    for k in 0..mentions.len() {
        let m = &mentions[k];
        let next = m.tokens.end;
        if !matches!(m.class, MentionClass::Organization | MentionClass::Misc)
            || next >= doc.tokens.len()
            || doc.tokens[next].kind != TokenKind::Word
            || !doc.is_capitalized(next)
            || !is_organization_head_word(strip_possessive(doc.lower(next)))
            || doc.sentence_of(next) != doc.sentence_of(m.tokens.start)
            || mentions.get(k + 1).is_some_and(|n| n.tokens.start <= next)
            || headlines.at(doc, next)
        {
            continue;
        }
        let m = &mut mentions[k];
        m.tokens.end = next + 1;
        m.class = MentionClass::Organization;
    }
    mentions
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_body_s_head_noun_after_a_name_ends_the_name() {
        let doc = Document::new(
            "Trade\n\nThe European Union's trade chief spoke. The European Central Bank said so.",
        );
        let headlines = Headlines::of(&doc);
        let at = |w: &str| {
            (0..doc.tokens.len())
                .find(|&i| doc.token_text(i) == w)
                .expect("the word")
        };
        let european = at("European");
        let central = (european + 1..doc.tokens.len())
            .find(|&i| doc.token_text(i) == "European")
            .expect("the second one");
        let found = names_ending_in_their_head(
            &doc,
            &headlines,
            vec![
                Mention {
                    tokens: european..european + 1,
                    class: MentionClass::Misc,
                },
                Mention {
                    tokens: central..central + 3,
                    class: MentionClass::Organization,
                },
            ],
        );
        assert_eq!(found[0].tokens, european..european + 2);
        assert_eq!(found[0].class, MentionClass::Organization);
        assert_eq!(
            found[1].tokens,
            central..central + 3,
            "'said' is no head noun"
        );
    }
}
