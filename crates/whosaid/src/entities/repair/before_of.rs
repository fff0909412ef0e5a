//! A person's name the tagger ran into the preposition after it and read
//! as a body ("Stacy Rasgon of | Bernstein", an organization "Stacy
//! Rasgon of" and a person "Bernstein"): the tagger took "X of Y" for a
//! body's name like "Bank of America" and gave up halfway.

use super::{name_like, GenderLexicon, Mention, MentionClass};
use crate::text::Document;

/// Organization mentions of a first name and one capitalized word that
/// end in "of": the person's name, without the "of".
pub(super) fn people_before_of(
    doc: &Document,
    genders: &GenderLexicon,
    mut mentions: Vec<Mention>,
) -> Vec<Mention> {
    for m in &mut mentions {
        let person = m.class == MentionClass::Organization
            && m.tokens.len() == 3
            && doc.token_is(m.tokens.end - 1, "of")
            && genders.is_first_name(doc.lower(m.tokens.start))
            && name_like(doc, m.tokens.start)
            && name_like(doc, m.tokens.start + 1)
            && !super::BODY_WORDS.contains(&doc.lower(m.tokens.start + 1));
        if person {
            m.tokens.end -= 1;
            m.class = MentionClass::Person;
        }
    }
    mentions
}
