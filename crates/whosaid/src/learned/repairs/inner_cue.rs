//! Contents the tagger stopped at an inner verb it took for a cue with
//! nothing to say: "The National Weather Service said | more snow | was
//! expected | on Monday." The rules read the whole clause as what was
//! said.

use crate::extract::TokenAttribution;
use crate::learned::Context;
use std::ops::Range;

/// A cue the tagger found no content for (`bare`) that begins where the
/// content of an attribution in its sentence ends is the content's own
/// verb: the attribution takes the rules' content for the same cue, when
/// the rules read one from the same first token over the bare cue.
pub(in crate::learned) fn content_over_a_bare_inner_cue(
    cx: &Context<'_>,
    bare: &[Range<usize>],
    found: &mut [TokenAttribution],
) {
    for cue in bare {
        let sentence = cx.doc.sentence_of(cue.start);
        let Some(a) = found.iter_mut().find(|a| {
            a.content.last().is_some_and(|c| {
                c.end == cue.start && cx.doc.sentence_of(c.start) == sentence && c.end > a.cue.end
            })
        }) else {
            continue;
        };
        let rule = cx.rule_attributions.iter().find(|r| {
            r.cue == a.cue
                && r.content.first().map(|c| c.start) == a.content.first().map(|c| c.start)
                && r.content
                    .last()
                    .is_some_and(|c| c.start <= cue.start && cue.end <= c.end)
        });
        if let Some(rule) = rule {
            a.content = rule.content.clone();
        }
    }
}
