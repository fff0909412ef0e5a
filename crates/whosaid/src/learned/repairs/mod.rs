//! Repairs of linked attributions where the tagger's reading and
//! PolNeAR's scheme part ways in a pattern a rule states exactly, one
//! module per part they repair: the content (`content`: a channel or time
//! phrase run into it, the second half of a split quote given to a
//! participle, the subject of an agentless passive taken for the source),
//! a clause reported by the words that end or open its sentence
//! (`trailing`: "…, officials said.", "…, according to the poll."), what a
//! relative clause set off by commas or an opening adverbial clause says
//! (`relative`, `adverbial`) and the
//! source (`sources`: a source cut inside its name or noun
//! phrase, the subject a participle refers back to, a source holding half
//! a quotation or ending in a preposition). Each pass is measured on dev
//! and train (ARCHITECTURE.md).

mod adverbial;
mod auxiliary;
mod clause;
mod content;
mod false_cues;
mod inner_cue;
mod lead_in;
mod quoted_as_saying;
mod relative;
mod sources;
mod trailing;

pub(super) use adverbial::content_within_its_adverbial_clause;
pub(super) use auxiliary::content_past_its_auxiliary;
pub(super) use clause::clause_completed_by_next;
pub(super) use content::{
    admits_entry, join_pieces_over_commas, keep_the_trailing_verb, noun_of_the_verb_frame,
    object_of_the_cue_out_of_content, passive_subject_to_content, platform_into_the_cue,
    program_title_out_of_content, quote_to_the_main_clause, rejoin_split_quotes,
    split_coordinated_cue, subject_already_content, subject_out_of_content, that_said,
    time_out_of_the_cue, trim_circumstance,
};
pub(super) use false_cues::title_taken_for_a_cue;
pub(super) use inner_cue::content_over_a_bare_inner_cue;
pub(super) use lead_in::quotation_after_a_lead_in;
pub(super) use quoted_as_saying::quoted_as_saying;
pub(super) use relative::content_within_its_relative_clause;
pub(super) use sources::{
    circumstance_after_the_cue, coordinated_verb_subject, dateline_place, expletive_it,
    names_nothing, participle_subject, passive_agent_source, recipient_is_no_source,
    relative_clause_into_the_source, source_across_a_quotation, source_after_a_bare_relative,
    source_after_an_amount, source_before_its_own_verb, source_inside_a_relative_clause,
    source_is_an_object, source_out_of_earlier_content, source_out_of_the_cue,
    source_past_its_possessive, source_with_its_antecedent, source_with_its_apposed_name,
    source_with_its_conjunct, source_with_its_head, source_with_its_title,
    source_within_its_sentence, source_without_a_trailing_preposition,
    source_without_a_trailing_time, speaker_after_an_opening_verb, speaker_after_the_quotation,
    subject_before_a_relative_clause, subject_before_an_apposition, time_phrase, whole_name_source,
    whole_noun_phrase_source,
};
pub(super) use trailing::{
    according_to_frame, appendix_clause_out_of_content, trailing_say_clause,
};

use super::Context;

/// Whether token `i` belongs to the attribution's cue or content, or to a
/// quotation: a source never widens over it.
fn claimed(
    cx: &Context<'_>,
    cue: &std::ops::Range<usize>,
    content: &[std::ops::Range<usize>],
    i: usize,
) -> bool {
    cue.contains(&i) || content.iter().any(|c| c.contains(&i)) || cx.quotes.is_quoted(i)
}

/// Whether a POS tag is a finite verb's: past, present or a modal.
fn finite_verb_tag(tag: &str) -> bool {
    matches!(tag, "VBD" | "VBZ" | "VBP" | "MD")
}

/// Whether a POS tag can stand inside a noun phrase: determiners,
/// possessives, adjectives, nouns and numbers.
fn noun_phrase_tag(tag: &str) -> bool {
    matches!(
        tag,
        "DT" | "PRP$" | "JJ" | "JJR" | "JJS" | "NN" | "NNS" | "NNP" | "NNPS" | "CD" | "POS"
    )
}

/// Whether a lowercased word places a time phrase relative to now or to
/// its span ("last week", "this morning", "late Thursday").
fn time_modifier(word: &str) -> bool {
    matches!(
        word,
        "last" | "this" | "next" | "early" | "late" | "earlier" | "later"
    )
}

/// Whether an attribution's content is only a time phrase ("Max Schrems,
/// a lawyer whose complaints | started the case | a decade ago"): a verb
/// with its object read as a cue, no statement.
pub(super) fn content_is_a_time_phrase(
    cx: &Context<'_>,
    a: &crate::extract::TokenAttribution,
) -> bool {
    let doc = cx.doc;
    let filler = |w: &str| {
        time_modifier(w)
            || matches!(
                w,
                "a" | "an" | "the" | "in" | "on" | "at" | "since" | "until" | "during" | "ago"
            )
    };
    let head = |w: &str| {
        crate::when::is_time_word(w) || matches!(w, "decade" | "decades" | "century" | "ago")
    };
    let words = || {
        a.content
            .iter()
            .flat_map(|r| r.clone())
            .filter(|&i| doc.tokens[i].kind != crate::text::TokenKind::Punct)
    };
    !a.content.is_empty()
        && !a
            .content
            .iter()
            .any(|r| r.clone().any(|i| cx.quotes.is_quoted(i)))
        && words().any(|i| head(doc.lower(i)))
        && words().all(|i| {
            let w = doc.lower(i);
            head(w) || filler(w) || cx.pos[i] == "CD"
        })
}

/// Whether token `i` may stand in a short time phrase between a subject
/// and its cue ("on Monday", "last week", "earlier this month"): a time
/// word, a modifier of one, or "on", "in", "this", "that".
fn time_phrase_word(cx: &Context<'_>, i: usize) -> bool {
    let w = cx.doc.lower(i);
    time_word(cx.doc, i) || time_modifier(w) || matches!(w, "on" | "in" | "this" | "that")
}

/// Whether token `i` is a calendar word or a noun of time ("Thursday",
/// "night", "week"), its possessive included: no speaker.
fn time_word(doc: &crate::text::Document, i: usize) -> bool {
    crate::when::is_time_word(crate::entities::strip_possessive(doc.lower(i)))
}

#[cfg(test)]
mod tests;
