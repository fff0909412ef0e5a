//! Titles the entity tagger read as a person's name on their own: "Mayor
//! says she is proud of the police", a headline's "Mayor defends …". A
//! title alone names no one; left as a name it became a speaker called
//! "Mayor", where a description (someone unnamed, or the person the
//! article goes on to name) is meant.

use super::is_title_noun;
use crate::entities::{Mention, MentionClass};
use crate::text::Document;

/// One-word person mentions whose word is a title noun, dropped, unless
/// the word is a surname in the article: a later word of a longer person
/// mention ("Mark Judge" makes "Judge said" his).
pub(super) fn without_bare_titles(doc: &Document, mut mentions: Vec<Mention>) -> Vec<Mention> {
    let bare_title = |m: &Mention| {
        m.class == MentionClass::Person
            && m.tokens.len() == 1
            && is_title_noun(doc.lower(m.tokens.start))
    };
    if !mentions.iter().any(bare_title) {
        return mentions;
    }
    let surname = |word: &str| {
        mentions.iter().any(|m| {
            m.class == MentionClass::Person
                && m.tokens.len() > 1
                && (m.tokens.start + 1..m.tokens.end).any(|i| doc.lower(i) == word)
        })
    };
    let dropped: Vec<usize> = mentions
        .iter()
        .filter(|m| bare_title(m) && !surname(doc.lower(m.tokens.start)))
        .map(|m| m.tokens.start)
        .collect();
    mentions.retain(|m| !(m.tokens.len() == 1 && dropped.contains(&m.tokens.start)));
    mentions
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The person mentions kept of the one-word mentions at `people` (the
    /// first token of each text) and of "Mark Judge".
    fn kept(text: &str, people: &[&str]) -> Vec<String> {
        let doc = Document::new(text);
        let mut mentions: Vec<Mention> = (0..doc.tokens.len())
            .filter(|&i| people.contains(&doc.token_text(i)))
            .filter(|&i| i == 0 || !doc.token_is(i - 1, "Mark"))
            .map(|i| Mention {
                tokens: i..i + 1,
                class: MentionClass::Person,
            })
            .collect();
        if let Some(mark) = (0..doc.tokens.len()).find(|&i| doc.token_is(i, "Mark")) {
            mentions.push(Mention {
                tokens: mark..mark + 2,
                class: MentionClass::Person,
            });
        }
        mentions.sort_by_key(|m| m.tokens.start);
        without_bare_titles(&doc, mentions)
            .iter()
            .map(|m| {
                doc.text()[doc.tokens[m.tokens.start].start..doc.tokens[m.tokens.end - 1].end]
                    .to_string()
            })
            .collect()
    }

    /// Regression: "Mayor says she is proud" had the speaker "Mayor".
    #[test]
    fn a_title_alone_is_no_name_unless_a_surname() {
        let text = "Protest\n\nMayor says she is proud of the police. Jones agreed.";
        assert_eq!(kept(text, &["Mayor", "Jones"]), ["Jones"]);
        let text = "Book\n\nMark Judge wrote a book. Judge said it was true.";
        assert_eq!(kept(text, &["Judge"]), ["Mark Judge", "Judge"]);
    }
}
