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

/// The tokens of a name opening `sentence`: runs of name-like words
/// joined by "to", "the" or "for" (at least one), then a finite verb.
fn name_opening(
    doc: &Document,
    pos: &[&str],
    sentence: std::ops::Range<usize>,
) -> Option<std::ops::Range<usize>> {
    let small = |i: usize| matches!(doc.token_text(i), "to" | "the" | "for");
    // Nouns, and the verb or adjective a name may open with ("Save",
    // "Teach"); not a conjunction or adverb opening the clause ("While
    // the State Department …", "After", "Both", "Where").
    let word = |i: usize| {
        i < sentence.end
            && name_like(doc, i)
            && matches!(
                pos.get(i),
                Some(&("NNP" | "NNPS" | "NN" | "NNS" | "VB" | "JJ"))
            )
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
