//! Statements a passive frame carries: "Saar was quoted by Israeli media as
//! saying that the army would continue", "Putin was quoted by the Interfax
//! news agency as saying Russia would respond". The subject said it (as
//! PolNeAR reads "Braynard is quoted as saying"); the outlet after "by"
//! relayed it (`resolve::channels`). The tagger reads the outlet as the
//! source and "as saying" as the cue, or misses the frame.

use super::{finite_verb_tag, noun_phrase_tag};
use crate::extract::TokenAttribution;
use crate::learned::Context;
use crate::text::TokenKind;
use std::ops::Range;

/// Auxiliaries of the passive before "quoted"/"cited".
const PASSIVE_AUXILIARIES: &[&str] = &["was", "is", "were", "are", "been", "being"];

/// Participles after "as" that report the words ("as saying", "as telling
/// reporters").
const REPORTING_PARTICIPLES: &[&str] = &["saying", "telling", "writing", "stating"];

/// Most tokens between "quoted" and "as" ("by the Interfax news agency").
const MAX_RELAY_TOKENS: usize = 8;

/// Most tokens of the subject before the auxiliary.
const MAX_SUBJECT_TOKENS: usize = 8;

/// Each sentence with "<subject> was quoted|cited [by …] as saying <clause>"
/// outside quotations gets that attribution: the subject as source, the
/// frame from the auxiliary through the participle as cue, what follows
/// as content. Attributions whose cue lies in the frame go.
pub(in crate::learned) fn quoted_as_saying(cx: &Context<'_>, found: &mut Vec<TokenAttribution>) {
    let mut added = Vec::new();
    for sentence in &cx.doc.sentences {
        let Some(a) = frame_in(cx, sentence.tokens.clone()) else {
            continue;
        };
        found.retain(|b| !(b.cue.start < a.cue.end && a.cue.start < b.cue.end));
        added.push(a);
    }
    found.extend(added);
}

/// The attribution a sentence's "quoted … as saying" frame makes, if it
/// has one with a subject and a content.
fn frame_in(cx: &Context<'_>, range: Range<usize>) -> Option<TokenAttribution> {
    let lower = |i: usize| cx.doc.lower(i);
    // Compared as bytes first: this runs over every sentence.
    let verb = (range.start + 2..range.end).find(|&i| {
        (cx.doc.token_is(i, "quoted") || cx.doc.token_is(i, "cited"))
            && PASSIVE_AUXILIARIES.contains(&lower(i - 1))
            && !cx.quotes.is_quoted(i)
    })?;
    let limit = (verb + 2 + MAX_RELAY_TOKENS).min(range.end);
    let as_at = (verb + 1..limit).find(|&i| {
        lower(i) == "as" && i + 1 < range.end && REPORTING_PARTICIPLES.contains(&lower(i + 1))
    })?;
    // Nothing but the relay between: "by Israeli media", no clause.
    let relay = verb + 1..as_at;
    let plain = |i: usize| {
        !finite_verb_tag(cx.pos[i])
            && !matches!(cx.doc.tokens[i].kind, TokenKind::QuoteMark)
            && cx.doc.token_text(i) != ","
    };
    if !(relay.is_empty() || lower(relay.start) == "by") || !relay.clone().all(plain) {
        return None;
    }
    // "has been quoted": the auxiliaries before the participle join the cue.
    let mut cue_start = verb - 1;
    while cue_start > range.start && matches!(lower(cue_start - 1), "has" | "have" | "had") {
        cue_start -= 1;
    }
    // The subject: a pronoun, or a noun phrase ("U.S. Secretary of State
    // Marco Rubio": "of" between names).
    let in_phrase = |i: usize| {
        noun_phrase_tag(cx.pos[i])
            || (lower(i) == "of" && i > range.start && cx.pos[i - 1] == "NNP")
    };
    let mut subject_start = cue_start;
    if cue_start > range.start && cx.pos[cue_start - 1] == "PRP" {
        subject_start -= 1;
    } else {
        while subject_start > range.start
            && cue_start - subject_start < MAX_SUBJECT_TOKENS
            && in_phrase(subject_start - 1)
        {
            subject_start -= 1;
        }
    }
    let subject = subject_start..cue_start;
    let named = subject
        .clone()
        .any(|i| cx.pos[i].starts_with("NN") || cx.pos[i] == "PRP");
    if subject.is_empty() || !named || lower(subject.start) == "of" {
        return None;
    }
    let content_start = as_at + 2;
    let mut end = range.end;
    while end > content_start && cx.doc.tokens[end - 1].kind == TokenKind::Punct {
        end -= 1;
    }
    let content = content_start..end;
    let words = content
        .clone()
        .filter(|&i| cx.doc.tokens[i].kind == TokenKind::Word)
        .count();
    (words >= 2).then(|| TokenAttribution {
        source: Some(subject),
        cue: cue_start..as_at + 2,
        content: vec![content],
    })
}
