//! Names with "and" or "&" inside, which the entity tagger cuts there
//! ("Securities" + "Exchange" + "Commission", "Customs Enforcement" read
//! as a person) and the coordination rules would then read as two
//! speakers, a group.

use super::{is_organization_head, name_like, Headlines};
use crate::entities::{is_possessive, Mention, MentionClass};
use crate::text::{Document, TokenKind};

/// Last words of a body's name besides the organization heads: the
/// "Administration" of "Food and Drug Administration", the "Services" of
/// "Health and Human Services", the "Enforcement" and "Protection" of
/// "Immigration and Customs Enforcement" and "Customs and Border
/// Protection". Capitalized after a capitalized "X and", they end a name.
const BODY_NAME_ENDS: &[&str] = &["administration", "services", "enforcement", "protection"];

/// A capitalized word or abbreviation ("U.S."), no possessive or
/// calendar word.
fn capitalized(doc: &Document, i: usize) -> bool {
    matches!(
        doc.tokens[i].kind,
        TokenKind::Word | TokenKind::Abbreviation
    ) && doc.is_capitalized(i)
        && !is_possessive(doc.token_text(i))
        && !crate::when::is_calendar_word(doc.lower(i))
}

/// Whether token `i` ends a body's name.
fn ends_body_name(doc: &Document, i: usize) -> bool {
    is_organization_head(doc, i) || (capitalized(doc, i) && BODY_NAME_ENDS.contains(&doc.lower(i)))
}

/// Organization names with "and" or "&" inside, made one organization
/// mention in place of the pieces the tagger found in them:
/// - a firm's name joined by "&" ("Johnson & Johnson", "Procter &
///   Gamble"): one or two capitalized words on either side;
/// - one or two capitalized words, "and", and up to three ending in a
///   body's head noun ("Securities and Exchange Commission", "National
///   Oceanic and Atmospheric Administration", "U.S. Customs and Border
///   Protection"); the name may open the sentence and be followed by a
///   title ("Health and Human Services Secretary …"), not by another
///   capitalized word, and no person the tagger found is in its first part
///   ("Sanders and Clinton Foundation" stays two);
/// - an organization named "… of/for …", "and", and two or three
///   capitalized words ("Department of Health" and "Human Services",
///   "Ministry of Housing and Urban Development").
///
/// A person named in full is never taken in ("the Department of Justice
/// and Hillary Clinton"), nor a possessive; headlines, whose capitals say
/// nothing, are left alone.
pub(super) fn names_joined_by_and(
    doc: &Document,
    headlines: &Headlines,
    mut mentions: Vec<Mention>,
) -> Vec<Mention> {
    let n = doc.tokens.len();
    // A person named in full ("Hillary Clinton"); the tagger reads a
    // body's last words as one ("Atmospheric Administration").
    let person_at = |mentions: &[Mention], i: usize| {
        mentions.iter().any(|x| {
            x.class == MentionClass::Person
                && x.tokens.len() > 1
                && x.tokens.contains(&i)
                && !ends_body_name(doc, x.tokens.end - 1)
        })
    };
    let mut j = 1;
    while j + 1 < n {
        let and = j;
        j += 1;
        // Sifted by the hashes of the lowercase word first (this runs at
        // every token); the text itself decides.
        const AND: [u64; 2] = crate::perceptron::syms(["and", "&"]);
        if !AND.contains(&doc.lower_sym(and)) {
            continue;
        }
        let amp = match doc.token_text(and) {
            "&" => true,
            "and" => false,
            _ => continue,
        };
        let sentence = doc.sentence_of(and);
        let sentence_start = doc.sentences[sentence].tokens.start;
        if and == sentence_start
            || doc.sentence_of(and + 1) != sentence
            || !capitalized(doc, and - 1)
            || !capitalized(doc, and + 1)
            || headlines.at(doc, and)
        {
            continue;
        }
        // The name-like words after the conjunction, up to three, up to a
        // title ("… Services Secretary").
        let mut end = and + 1;
        while end < n
            && end - and <= 3
            && doc.sentence_of(end) == sentence
            && name_like(doc, end)
            && !person_at(&mentions, end)
        {
            end += 1;
        }
        let after = end - and - 1;
        let followed = end < n && name_like(doc, end) && !amp;
        if after == 0 || followed {
            continue;
        }
        // The name-like words before it, up to two; what precedes them is
        // no capitalized word but an article.
        let mut start = and;
        while start > sentence_start
            && and - start < 2
            && name_like(doc, start - 1)
            && !person_at(&mentions, start - 1)
        {
            start -= 1;
        }
        let opens = start == sentence_start
            || !capitalized(doc, start - 1)
            || matches!(doc.lower(start - 1), "the" | "a" | "an");
        let before_is_person = mentions.iter().any(|m| {
            m.class == MentionClass::Person && m.tokens.start < and && start < m.tokens.end
        });
        let firm = amp && start < and && after <= 2 && opens;
        let body =
            !amp && start < and && opens && !before_is_person && ends_body_name(doc, end - 1);
        // An organization "… of/for …" the tagger ended at "and" is the
        // name's first part, whole.
        let of_name = mentions.iter().find(|m| {
            !amp && m.tokens.end == and
                && m.class == MentionClass::Organization
                && m.tokens
                    .clone()
                    .any(|i| matches!(doc.token_text(i), "of" | "for"))
        });
        let start = match of_name {
            Some(m) if body || (2..=3).contains(&after) => m.tokens.start,
            _ if firm || body => start,
            _ => continue,
        };
        // A mention running into the name from before it is part of it
        // unless it is a person.
        let start = match mentions
            .iter()
            .find(|m| m.tokens.start < start && start < m.tokens.end)
        {
            Some(m) if m.class == MentionClass::Person => continue,
            Some(m) => m.tokens.start,
            None => start,
        };
        let at = mentions
            .iter()
            .position(|m| m.tokens.end > start)
            .unwrap_or(mentions.len());
        mentions.retain(|m| m.tokens.end <= start || end <= m.tokens.start);
        mentions.insert(
            at.min(mentions.len()),
            Mention {
                tokens: start..end,
                class: MentionClass::Organization,
            },
        );
        j = end;
    }
    mentions
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The mentions of `text` after the pass, as text, given the tagger's
    /// `(words, class)` pieces.
    fn joined(text: &str, tagged: &[(&str, MentionClass)]) -> Vec<(String, MentionClass)> {
        let doc = Document::new(text);
        let mentions = super::super::tagged_mentions(&doc, tagged);
        names_joined_by_and(&doc, &Headlines::of(&doc), mentions)
            .into_iter()
            .map(|m| {
                let (a, b) = (
                    doc.tokens[m.tokens.start].start,
                    doc.tokens[m.tokens.end - 1].end,
                );
                (doc.text()[a..b].to_string(), m.class)
            })
            .collect()
    }

    use MentionClass::{Location, Organization, Person};

    fn body(name: &str) -> Vec<(String, MentionClass)> {
        vec![(name.to_string(), Organization)]
    }

    /// The tagger's pieces of a body's name with "and" inside make one
    /// organization, whatever it called them, at a sentence's start too.
    #[test]
    fn a_body_named_with_and_is_one_organization() {
        assert_eq!(
            joined(
                "The regulator is busy. The Securities and Exchange Commission said it would appeal.",
                &[("Exchange", Person), ("Commission", Organization)]
            ),
            body("Securities and Exchange Commission")
        );
        assert_eq!(
            joined(
                "Immigration and Customs Enforcement said the man was held.",
                &[("Customs Enforcement", Person)]
            ),
            body("Immigration and Customs Enforcement")
        );
        assert_eq!(
            joined(
                "A Food and Drug Administration spokesperson said it would.",
                &[
                    ("Food", Location),
                    ("Drug", Person),
                    ("Administration", Organization)
                ]
            ),
            body("Food and Drug Administration")
        );
        assert_eq!(
            joined(
                "The forecast changed. The National Oceanic and Atmospheric Administration said the storm would strengthen.",
                &[
                    ("National Oceanic", Organization),
                    ("Atmospheric Administration", Person)
                ]
            ),
            body("National Oceanic and Atmospheric Administration")
        );
    }

    /// A title after the name is not part of it; the person after the title
    /// keeps their own mention.
    #[test]
    fn a_title_after_the_body_ends_its_name() {
        assert_eq!(
            joined(
                "Health and Human Services Secretary Jane Roe said the panel would meet.",
                &[("Human Services", Organization), ("Jane Roe", Person)]
            ),
            vec![
                ("Health and Human Services".to_string(), Organization),
                ("Jane Roe".to_string(), Person)
            ]
        );
    }

    /// "&" between capitalized words names a firm.
    #[test]
    fn a_name_joined_by_an_ampersand_is_a_firm() {
        assert_eq!(
            joined(
                "Johnson & Johnson said it would appeal the verdict.",
                &[("Johnson", Person), ("Johnson", Person)]
            ),
            body("Johnson & Johnson")
        );
    }

    /// Asserts the pass leaves the tagger's `tagged` mentions of `text` as
    /// they are.
    fn unchanged(text: &str, tagged: &[(&str, MentionClass)]) {
        let expected: Vec<_> = tagged.iter().map(|&(w, c)| (w.to_string(), c)).collect();
        assert_eq!(joined(text, tagged), expected, "{text}");
    }

    /// People, words that end no body, lowercase words and other names
    /// before the first part keep the pieces apart.
    #[test]
    fn people_and_other_names_are_not_joined() {
        unchanged(
            "The rally ended. Sanders and Clinton Foundation donors met.",
            &[("Sanders", Person), ("Clinton Foundation", Organization)],
        );
        unchanged(
            "The rally ended. He thanked Trump and Fox News.",
            &[("Trump", Person), ("Fox News", Organization)],
        );
        unchanged(
            "The rally ended. The Department of Justice and Hillary Clinton Campaign met.",
            &[
                ("Department of Justice", Organization),
                ("Hillary Clinton", Person),
            ],
        );
    }

    /// An organization named "… of …" ended at "and" takes the capitalized
    /// words after it.
    #[test]
    fn an_of_name_takes_the_words_after_and() {
        assert_eq!(
            joined(
                "The rule changed. The Department of Health and Human Services said the rule would take effect in March.",
                &[
                    ("Department of Health", Organization),
                    ("Human Services", Organization)
                ]
            ),
            body("Department of Health and Human Services")
        );
    }
}
