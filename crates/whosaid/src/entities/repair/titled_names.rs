//! Names after an abbreviated title that the tagger typed as a body:
//! "Its spokesman, Lt. Col. Yves Morel, said" was an organization named
//! "Yves Morel". A title written short ("Col.", "Sen.", "Gov.", "Dr.")
//! only stands before a person's name.

use crate::entities::{is_title_noun, Mention, MentionClass};
use crate::text::{Document, TokenKind};

/// Most words of a name after its title.
const MAX_NAME_WORDS: usize = 3;

/// Organization and other non-person mentions of up to three capitalized
/// words right after an abbreviated title noun (one ending in a period)
/// become people.
pub(super) fn people_after_abbreviated_titles(
    doc: &Document,
    mut mentions: Vec<Mention>,
) -> Vec<Mention> {
    for m in &mut mentions {
        if m.class == MentionClass::Person || m.tokens.start == 0 || m.tokens.len() > MAX_NAME_WORDS
        {
            continue;
        }
        let title = m.tokens.start - 1;
        let abbreviated = doc.token_text(title).ends_with('.') && is_title_noun(doc.lower(title));
        let capitalized = m
            .tokens
            .clone()
            .all(|i| doc.tokens[i].kind == TokenKind::Word && doc.is_capitalized(i));
        if abbreviated && capitalized {
            m.class = MentionClass::Person;
        }
    }
    mentions
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classes(text: &str, tagged: &[(&str, MentionClass)]) -> Vec<MentionClass> {
        let doc = Document::new(text);
        let mentions = super::super::tagged_mentions(&doc, tagged);
        people_after_abbreviated_titles(&doc, mentions)
            .into_iter()
            .map(|m| m.class)
            .collect()
    }

    /// Regression: "Lt. Col. Yves Morel" was an organization. After a
    /// title written out ("spokesman Acme Corp") the tagger's reading
    /// stays.
    #[test]
    fn a_name_after_an_abbreviated_title_is_a_person() {
        assert_eq!(
            classes(
                "Its spokesman, Lt. Col. Yves Morel, said the blaze spread.",
                &[("Yves Morel", MentionClass::Organization)]
            ),
            [MentionClass::Person]
        );
        assert_eq!(
            classes(
                "The company spokesman Acme Corp said nothing.",
                &[("Acme Corp", MentionClass::Organization)]
            ),
            [MentionClass::Organization]
        );
    }
}
