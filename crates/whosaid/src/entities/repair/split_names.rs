//! One name the tagger read as two mentions of different classes, side by
//! side: a first name and the surname it typed a body ("António" +
//! "Guterres"), or a body's name whose last word it typed a person
//! ("Union" + "Pacific").

use super::{is_organization_head, BODY_WORDS};
use crate::entities::gender::is_honorific;
use crate::entities::variants::fold;
use crate::entities::{is_possessive, is_title_noun, GenderLexicon, Mention, MentionClass};
use crate::text::{Document, TokenKind};

/// Joins two adjacent mentions of different classes, the second one word
/// long, into the name they make:
/// - a person mention of one first name, then one capitalized word the
///   tagger typed otherwise: a person ("António Guterres");
/// - an organization's name (no acronym: "UN", "NATO" stand before
///   people's names as modifiers; no title or first name in it), then one
///   capitalized word typed a person that is no first name: an
///   organization ("Union Pacific"), where the organization's name is
///   more than one word or a word that names a kind of body.
///
/// Never across a possessive or a sentence's end, and never a title
/// ("Charlotte" + "Mayor") or a word that names a kind of body ("Ford" +
/// "Foundation" stays the tagger's to split).
pub(super) fn names_split_across_classes(
    doc: &Document,
    genders: &GenderLexicon,
    mentions: Vec<Mention>,
) -> Vec<Mention> {
    // The surnames of the article's people: a person's surname after a
    // body's name stays the person ("the Office of Immigrant Affairs
    // Clinton had announced").
    let surnames: Vec<&str> = mentions
        .iter()
        .filter(|m| m.class == MentionClass::Person && m.tokens.len() > 1)
        .map(|m| crate::entities::strip_possessive(doc.lower(m.tokens.end - 1)))
        .collect();
    let mut out: Vec<Mention> = Vec::with_capacity(mentions.len());
    for m in mentions {
        if let Some(prev) = out.last_mut() {
            let joined = joined_class(doc, genders, &surnames, prev, &m);
            if let Some(class) = joined {
                prev.tokens.end = m.tokens.end;
                prev.class = class;
                continue;
            }
        }
        out.push(m);
    }
    out
}

/// The class of the name `prev` and `next` make together, if they are one.
fn joined_class(
    doc: &Document,
    genders: &GenderLexicon,
    surnames: &[&str],
    prev: &Mention,
    next: &Mention,
) -> Option<MentionClass> {
    if prev.tokens.end != next.tokens.start
        || next.tokens.len() != 1
        || prev.class == next.class
        || doc.sentence_of(prev.tokens.start) != doc.sentence_of(next.tokens.start)
    {
        return None;
    }
    let word = next.tokens.start;
    let titled = |i: usize| {
        let lower = crate::entities::strip_possessive(doc.lower(i));
        is_title_noun(lower) || is_honorific(lower)
    };
    if !plain_name_word(doc, word)
        || titled(word)
        || prev
            .tokens
            .clone()
            .any(|i| is_possessive(doc.token_text(i)))
        || is_organization_head(doc, word)
        || BODY_WORDS.contains(&crate::entities::strip_possessive(doc.lower(word)))
    {
        return None;
    }
    let first_name = |i: usize| genders.is_first_name(&fold(doc.token_text(i)));
    // A capitalized word after the pair: the name goes on ("Keith" +
    // "Lamont" + "Scott"), and its pieces' classes say little.
    let name_goes_on = next.tokens.end < doc.tokens.len()
        && plain_name_word(doc, next.tokens.end)
        && doc.sentence_of(next.tokens.end) == doc.sentence_of(word);
    // The common first names only: the corpus's hold surnames ("Sanders"
    // + "Iowa").
    if prev.class == MentionClass::Person
        && prev.tokens.len() == 1
        && genders.is_common_first_name(&fold(doc.token_text(prev.tokens.start)))
        && !name_goes_on
    {
        return Some(MentionClass::Person);
    }
    let acronym = prev.tokens.len() == 1 && {
        let t = doc.token_text(prev.tokens.start);
        t.chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
    };
    // "Chief Justice" + "Roberts", "… Research Director Raj" + "Shah": a
    // title or a first name before the surname makes it a person's.
    if prev.class != MentionClass::Organization
        || next.class != MentionClass::Person
        || acronym
        || prev.tokens.clone().any(titled)
        || first_name(prev.tokens.end - 1)
        || first_name(word)
        || surnames.contains(&crate::entities::strip_possessive(doc.lower(word)))
    {
        return None;
    }
    // One word alone may be a first name the lists lack ("Jeet" + "Heer")
    // or a modifier ("Team" + "Clinton"): only a word that names a kind of
    // body begins a body's name ("Union" + "Pacific").
    let body_word = |i: usize| is_organization_head(doc, i) || super::is_trade_word(doc.lower(i));
    (prev.tokens.len() > 1 || body_word(prev.tokens.start)).then_some(MentionClass::Organization)
}

/// A capitalized word of letters (a hyphen or apostrophe inside, a
/// possessive at the end), not written in capitals throughout.
fn plain_name_word(doc: &Document, i: usize) -> bool {
    let t = crate::entities::strip_possessive(doc.token_text(i));
    let mut chars = t.chars();
    doc.tokens[i].kind == TokenKind::Word
        && chars.next().is_some_and(char::is_uppercase)
        && t.chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
        && t.chars().skip(1).any(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The mentions of `text` the tagger might give: each `(first word,
    /// words, class)` names a run of tokens.
    fn mentions(doc: &Document, runs: &[(&str, usize, MentionClass)]) -> Vec<Mention> {
        runs.iter()
            .map(|&(first, len, class)| {
                let start = (0..doc.tokens.len())
                    .find(|&i| doc.token_text(i) == first)
                    .expect("the word");
                Mention {
                    tokens: start..start + len,
                    class,
                }
            })
            .collect()
    }

    fn names(doc: &Document, found: &[Mention]) -> Vec<(String, MentionClass)> {
        found
            .iter()
            .map(|m| {
                let words: Vec<&str> = m.tokens.clone().map(|i| doc.token_text(i)).collect();
                (words.join(" "), m.class)
            })
            .collect()
    }

    #[test]
    fn a_title_after_a_first_name_is_no_surname() {
        let doc = Document::new("The Charlotte Mayor said the video was out.");
        let found = names_split_across_classes(
            &doc,
            &GenderLexicon::builtin(),
            mentions(
                &doc,
                &[
                    ("Charlotte", 1, MentionClass::Person),
                    ("Mayor", 1, MentionClass::Organization),
                ],
            ),
        );
        assert_eq!(found.len(), 2, "{:?}", names(&doc, &found));
    }

    #[test]
    fn a_known_surname_after_a_body_stays_the_persons() {
        let text = "Hillary Clinton spoke. She may lead the Office of Immigrant Affairs \
                    Clinton announced.";
        let doc = Document::new(text);
        let runs = [
            ("Office", 4, MentionClass::Organization),
            ("Clinton", 1, MentionClass::Person),
        ];
        let mut found = mentions(&doc, &runs);
        found[1].tokens = 12..13;
        assert_eq!(doc.token_text(12), "Clinton");
        let alone = names_split_across_classes(&doc, &GenderLexicon::builtin(), found.clone());
        assert_eq!(
            names(&doc, &alone),
            [(
                "Office of Immigrant Affairs Clinton".to_string(),
                MentionClass::Organization
            )],
            "no person named Clinton: one body"
        );
        found.insert(
            0,
            mentions(&doc, &[("Hillary", 2, MentionClass::Person)])[0].clone(),
        );
        let named = names_split_across_classes(&doc, &GenderLexicon::builtin(), found);
        assert_eq!(named.len(), 3, "{:?}", names(&doc, &named));
    }
}
