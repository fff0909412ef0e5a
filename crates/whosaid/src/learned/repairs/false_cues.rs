//! Words the tagger read as a cue that say no statement: a person noun
//! before the name it titles ("Former Arsenal | defender | Martin Keown
//! told …", the tagger taking "defend-" for a speech verb).

use crate::extract::TokenAttribution;
use crate::learned::Context;

/// Whether the attribution's cue is one lowercase noun for a person right
/// before a capitalized proper noun: a title of the name after it, as in
/// "defender Martin Keown" or "lawmaker Jane Roe". A noun that is a cue
/// ("his claim that …", "the warning: …") is followed by its clause or
/// quotation, and a verb the tagger read as a noun ("Many | fear | Trump
/// will …", "Democrats | blast | Portman") names no person.
pub(in crate::learned) fn title_taken_for_a_cue(cx: &Context<'_>, a: &TokenAttribution) -> bool {
    if a.cue.len() != 1 {
        return false;
    }
    let (cue, next) = (a.cue.start, a.cue.end);
    let word = cx.doc.lower(cue);
    let person_noun = crate::entities::is_title_noun(word)
        || PERSON_NOUN_ENDINGS.iter().any(|end| word.ends_with(end));
    next < cx.doc.tokens.len()
        && person_noun
        && cx.pos[cue] == "NN"
        && cx.doc.token_text(cue).starts_with(char::is_lowercase)
        && cx.pos[next] == "NNP"
        && cx.doc.is_capitalized(next)
        && cx.doc.sentence_of(cue) == cx.doc.sentence_of(next)
}

/// Endings of nouns for a person who does something ("defender",
/// "commentator", "economist", "spokesman").
const PERSON_NOUN_ENDINGS: &[&str] = &["er", "or", "ist", "ian", "man", "woman", "person"];
