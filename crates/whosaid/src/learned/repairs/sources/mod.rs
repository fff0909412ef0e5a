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
    source_across_a_quotation, source_out_of_the_cue, source_with_its_antecedent,
    source_with_its_conjunct, source_with_its_head, source_without_a_trailing_preposition,
    whole_name_source, whole_noun_phrase_source,
};
pub(in crate::learned) use subjects::{
    coordinated_verb_subject, participle_subject, passive_agent_source, source_is_an_object,
    source_out_of_earlier_content, subject_before_a_relative_clause, subject_before_an_apposition,
};

use crate::learned::Context;

/// Whether a source's tokens hold a noun or a personal pronoun: a phrase
/// without one names no speaker.
fn names_someone(cx: &Context<'_>, r: std::ops::Range<usize>) -> bool {
    r.into_iter()
        .any(|i| cx.pos[i].starts_with("NN") || cx.pos[i] == "PRP")
}
