//! First names the entity tagger left out at a sentence's start: "Erling
//! Haaland has signed …" tagged "Haaland" alone, so that the person was
//! never named in full and "Haaland" later could not join anyone. A
//! sentence's first word is capitalized whatever it is, so only a word
//! that looks like nothing else joins: a proper noun of letters the
//! article uses nowhere else, right before a one-word person mention.

use super::{is_title_noun, name_like, Headlines};
use crate::entities::{Mention, MentionClass};
use crate::text::Document;

/// One-word person mentions right after their sentence's first word, which
/// joins them as a first name when it is a proper noun of letters that
/// occurs once in the article and does not end like a nationality or party
/// ("-an", "-ese", "-ish", "-crat"), outside the article's first paragraph
/// (its title), and only for a surname no mention names in full. First names the gender table knows
/// joined before ([`super::first_names_after_titles`]). Never in a
/// headline.
pub(super) fn first_names_opening_sentences(
    doc: &Document,
    pos: &[&str],
    headlines: &Headlines,
    mut mentions: Vec<Mention>,
) -> Vec<Mention> {
    let others: Vec<(std::ops::Range<usize>, u64)> = mentions
        .iter()
        .filter(|m| m.class == MentionClass::Person)
        .map(|m| (m.tokens.clone(), doc.lower_sym(m.tokens.end - 1)))
        .collect();
    let mut previous_end = 0;
    for m in &mut mentions {
        let at = m.tokens.start.wrapping_sub(1);
        let opens = m.class == MentionClass::Person
            && m.tokens.len() == 1
            && m.tokens.start > previous_end
            && doc.sentences[doc.sentence_of(m.tokens.start)].tokens.start == at;
        previous_end = m.tokens.end;
        if !opens || !name_like(doc, at) || headlines.at(doc, at) {
            continue;
        }
        let word = doc.token_text(at);
        let lower = doc.lower(at);
        let letters = word.chars().skip(1).all(char::is_lowercase) && word.len() > 1;
        // A surname named in full elsewhere has its first name ("Though
        // Grassley" after "Chuck Grassley", "Professors Foner" after "Nancy
        // Foner").
        let surname = doc.lower_sym(m.tokens.start);
        let named_in_full = others
            .iter()
            .any(|&(ref r, last)| r.len() > 1 && last == surname);
        let like_a_first_name = pos[at] == "NNP"
            && letters
            && !named_in_full
            && doc.sentences[doc.sentence_of(at)].paragraph > 0
            && !is_title_noun(lower.trim_end_matches('s'))
            && !["an", "ese", "ish", "crat"]
                .iter()
                .any(|ending| lower.ends_with(ending))
            && (0..doc.tokens.len()).all(|i| i == at || doc.lower_sym(i) != doc.lower_sym(at));
        if like_a_first_name {
            m.tokens.start = at;
        }
    }
    mentions
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The repaired person mentions' texts, for person mentions of the
    /// `names` (the longest first) and every capitalized word tagged `NNP`.
    fn repaired(text: &str, names: &[&str]) -> Vec<String> {
        let doc = Document::new(text);
        let pos: Vec<&str> = (0..doc.tokens.len())
            .map(|i| {
                let t = doc.token_text(i);
                if t.starts_with(char::is_uppercase) {
                    "NNP"
                } else {
                    "NN"
                }
            })
            .collect();
        let mut mentions: Vec<Mention> = Vec::new();
        for i in 0..doc.tokens.len() {
            let covered = mentions.last().is_some_and(|m| m.tokens.end > i);
            let found = names.iter().find_map(|name| {
                let words: Vec<&str> = name.split(' ').collect();
                let fits = i + words.len() <= doc.tokens.len()
                    && words
                        .iter()
                        .enumerate()
                        .all(|(k, w)| doc.token_text(i + k) == *w);
                fits.then_some(words.len())
            });
            if let (false, Some(n)) = (covered, found) {
                mentions.push(Mention {
                    tokens: i..i + n,
                    class: MentionClass::Person,
                });
            }
        }
        let headlines = Headlines::of(&doc);
        first_names_opening_sentences(&doc, &pos, &headlines, mentions)
            .iter()
            .map(|m| {
                let (a, b) = (
                    doc.tokens[m.tokens.start].start,
                    doc.tokens[m.tokens.end - 1].end,
                );
                doc.text()[a..b].to_string()
            })
            .collect()
    }

    #[test]
    fn an_unknown_first_name_opening_a_sentence_joins_the_surname() {
        let names = repaired(
            "Deal signed\n\nErling Haaland has signed a new contract. Fans cheered \
             Haaland.",
            &["Haaland"],
        );
        assert_eq!(names, ["Erling Haaland", "Haaland"]);
    }

    #[test]
    fn a_repeated_word_a_party_word_or_a_full_name_elsewhere_is_no_first_name() {
        // "Republican" is used again; "Democrat" ends like a party word.
        let names = repaired(
            "Race\n\nRepublican Ayotte spoke. Republican voters agreed.\n\nDemocrat Hassan \
             spoke.",
            &["Ayotte", "Hassan"],
        );
        assert_eq!(names, ["Ayotte", "Hassan"]);
        // The surname has its first name elsewhere.
        let doc_names = repaired(
            "Court\n\nChuck Grassley spoke.\n\nThough Grassley objected, the vote went on.",
            &["Chuck Grassley", "Grassley"],
        );
        assert_eq!(doc_names, ["Chuck Grassley", "Grassley"]);
        // The article's first paragraph is its title.
        assert_eq!(repaired("Erling Haaland signs", &["Haaland"]), ["Haaland"]);
    }
}
