//! Repairs of a source, one module per job: where a source begins and ends
//! (`spans`), who the subject of a cue is (`subjects`), and phrases that
//! name no speaker (`no_speaker`).

mod no_speaker;
mod spans;
mod subjects;

pub(in crate::learned) use no_speaker::{
    circumstance_after_the_cue, dateline_place, expletive_it, names_nothing,
    recipient_is_no_source, time_phrase,
};
pub(in crate::learned) use spans::{
    relative_clause_into_the_source, source_across_a_quotation, source_after_a_bare_relative,
    source_after_an_amount, source_before_its_own_verb, source_out_of_the_cue,
    source_past_its_possessive, source_with_its_antecedent, source_with_its_apposed_name,
    source_with_its_conjunct, source_with_its_head, source_with_its_title,
    source_within_its_sentence, source_without_a_trailing_preposition,
    source_without_a_trailing_time, speaker_after_the_quotation, whole_name_source,
    whole_noun_phrase_source,
};
pub(in crate::learned) use subjects::{
    coordinated_verb_subject, participle_subject, passive_agent_source,
    source_inside_a_relative_clause, source_is_an_object, source_out_of_earlier_content,
    speaker_after_an_opening_verb, subject_before_a_relative_clause, subject_before_an_apposition,
};

use crate::extract::TokenAttribution;
use crate::learned::repairs::{claimed, noun_phrase_tag};
use crate::learned::Context;

/// Whether a source's tokens hold a noun or a personal pronoun: a phrase
/// without one names no speaker.
fn names_someone(cx: &Context<'_>, r: std::ops::Range<usize>) -> bool {
    r.into_iter()
        .any(|i| cx.pos[i].starts_with("NN") || cx.pos[i] == "PRP")
}

/// Where the adverbs standing right before token `i` begin ("and | then
/// said", "and | reportedly argued").
fn past_adverbs_back(cx: &Context<'_>, i: usize) -> usize {
    let mut k = i;
    while k > 0 && matches!(cx.pos[k - 1], "RB" | "RBR") {
        k -= 1;
    }
    k
}

/// The cue's verb: its first word that is no adverb ("reportedly argued").
fn cue_verb(cx: &Context<'_>, cue: &std::ops::Range<usize>) -> Option<usize> {
    cue.clone().find(|&i| !matches!(cx.pos[i], "RB" | "RBR"))
}

/// The conjunction ("and", "but", "or") right before a cue, adverbs aside.
fn conjunction_before(cx: &Context<'_>, cue: &std::ops::Range<usize>) -> Option<usize> {
    let before = past_adverbs_back(cx, cue.start);
    (before > 0 && cx.pos[before - 1] == "CC").then(|| before - 1)
}

/// Where the noun phrase ending at `end` begins, when it is a subject: at
/// most eight noun-phrase words, none the attribution's own, opening the
/// sentence or following a comma or a conjunction, holding a noun.
fn clause_opening_noun_phrase(
    cx: &Context<'_>,
    a: &TokenAttribution,
    end: usize,
    sentence_start: usize,
) -> Option<usize> {
    let mut start = end;
    while start > sentence_start
        && end - start < 8
        && noun_phrase_tag(cx.pos[start - 1])
        && !claimed(cx, &a.cue, &a.content, start - 1)
    {
        start -= 1;
    }
    let opens = start == sentence_start || matches!(cx.pos[start - 1], "," | "CC");
    (start < end && opens && (start..end).any(|i| cx.pos[i].starts_with("NN"))).then_some(start)
}
