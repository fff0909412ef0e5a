//! Speaker labels of interview transcripts (`SEN. AMY KLOBUCHAR: No, I
//! don't.`): written in capitals, which the entity tagger, trained on
//! running text, reads as a body's name or not at all. A label names a
//! person, after its titles; the labels that name a role (`Q:`,
//! `ANNOUNCER:`) or a recording (`VIDEO:`) name no one.

use super::{is_honorific, is_title_noun, Mention, MentionClass};
use crate::text::Document;

/// The mentions with each transcript label's name, after its titles, as a
/// person's mention in place of what the tagger read there.
pub(super) fn transcript_label_names(doc: &Document, mut mentions: Vec<Mention>) -> Vec<Mention> {
    let mut names: Vec<Mention> = crate::extract::transcript_turns(doc)
        .into_iter()
        .filter_map(|turn| {
            let label = turn.source?;
            let mut start = label.start;
            while start < label.end && {
                let w = doc.lower(start);
                is_title_noun(w) || is_honorific(w) || w == "dr."
            } {
                start += 1;
            }
            let words: Vec<&str> = (start..label.end).map(|i| doc.lower(i)).collect();
            let role = matches!(words.as_slice(), [w] if ROLE_LABELS.contains(w))
                || words.iter().any(|w| ROLE_WORDS.contains(w));
            (start < label.end && !role).then_some(Mention {
                tokens: start..label.end,
                class: MentionClass::Person,
            })
        })
        .collect();
    if names.is_empty() {
        return mentions;
    }
    mentions.retain(|m| {
        !names
            .iter()
            .any(|n| m.tokens.start < n.tokens.end && n.tokens.start < m.tokens.end)
    });
    mentions.append(&mut names);
    mentions.sort_by_key(|m| (m.tokens.start, m.tokens.end));
    mentions
}

/// One-word labels that name a role in the exchange, not a person.
const ROLE_LABELS: &[&str] = &[
    "q",
    "a",
    "question",
    "answer",
    "announcer",
    "moderator",
    "narrator",
    "interviewer",
    "reporter",
    "host",
    "audience",
    "crowd",
    "unidentified",
    "voice",
    "video",
    "audio",
    "clip",
];

/// Words that make a label a role however long it is (`UNIDENTIFIED
/// MALE`, `UNKNOWN SPEAKER`, `CROWD MEMBER`).
const ROLE_WORDS: &[&str] = &[
    "unidentified",
    "unknown",
    "crowd",
    "audience",
    "group",
    "announcer",
    "speaker",
    "protesters",
];
