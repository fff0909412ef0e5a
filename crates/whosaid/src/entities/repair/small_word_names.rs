//! Organizations whose names hold a lowercase "to", "the" or "for":
//! "Ohio Right to Life", "Save the Children", "Teach for America". The
//! entity tagger cuts them at the small word and types the pieces apart
//! ("Ohio" a place, "Life" an organization), so the speaker of "Ohio Right
//! to Life called it …" was "Ohio". Such a name opening its sentence as
//! the subject of a finite verb is one organization's name when the
//! tagger found a name among its words and no person.

use super::{name_like, without_absorbed};
use crate::entities::{Mention, MentionClass};
use crate::text::Document;

/// The mentions with each name of capitalized words joined by a small
/// word, opening a sentence right before its verb, made one organization
/// in place of the pieces the tagger found.
pub(super) fn names_with_small_words(
    doc: &Document,
    pos: &[&str],
    mut mentions: Vec<Mention>,
) -> Vec<Mention> {
    let mut added = Vec::new();
    for s in &doc.sentences {
        let Some(name) = name_opening(doc, pos, s.tokens.clone()) else {
            continue;
        };
        let inside: Vec<&Mention> = mentions
            .iter()
            .filter(|m| m.tokens.start < name.end && name.start < m.tokens.end)
            .collect();
        let within = inside
            .iter()
            .all(|m| name.start <= m.tokens.start && m.tokens.end <= name.end);
        let person = inside.iter().any(|m| m.class == MentionClass::Person);
        if inside.is_empty() || !within || person {
            continue;
        }
        added.push(Mention {
            tokens: name,
            class: MentionClass::Organization,
        });
    }
    if added.is_empty() {
        return mentions;
    }
    let absorbed: Vec<bool> = mentions
        .iter()
        .map(|m| {
            added
                .iter()
                .any(|a| a.tokens.start <= m.tokens.start && m.tokens.end <= a.tokens.end)
        })
        .collect();
    mentions = without_absorbed(mentions, &absorbed);
    mentions.extend(added);
    mentions.sort_by_key(|m| m.tokens.start);
    mentions
}

/// Whether a token is a small word a name may hold lowercase ("Right to
/// Life", "Save the Children", "Teach for America").
pub(crate) fn is_small_name_word(text: &str) -> bool {
    matches!(text, "to" | "the" | "for")
}

/// Whether a capitalized word with this POS tag may be a word of such a
/// name: a noun, or the verb or adjective a name may open with ("Save",
/// "Teach"); not a conjunction or adverb opening the clause ("While the
/// State Department …", "After", "Both", "Where").
pub(crate) fn may_be_a_name_word(tag: &str) -> bool {
    matches!(tag, "NNP" | "NNPS" | "NN" | "NNS" | "VB" | "JJ")
}

/// The tokens of a name opening `sentence`: runs of name-like words
/// joined by "to", "the" or "for" (at least one), then a finite verb.
fn name_opening(
    doc: &Document,
    pos: &[&str],
    sentence: std::ops::Range<usize>,
) -> Option<std::ops::Range<usize>> {
    let small = |i: usize| is_small_name_word(doc.token_text(i));
    let word = |i: usize| {
        i < sentence.end && name_like(doc, i) && pos.get(i).is_some_and(|t| may_be_a_name_word(t))
    };
    let mut end = sentence.start;
    while word(end) {
        end += 1;
    }
    if end == sentence.start {
        return None;
    }
    let mut joined = false;
    while end + 1 < sentence.end && small(end) && word(end + 1) {
        end += 1;
        while word(end) {
            end += 1;
        }
        joined = true;
    }
    let verb = pos
        .get(end)
        .is_some_and(|p| matches!(*p, "VBD" | "VBZ" | "VBP" | "MD"));
    (joined && verb && end < sentence.end && end - sentence.start <= 6)
        .then_some(sentence.start..end)
}
