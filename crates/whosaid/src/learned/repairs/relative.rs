//! Statements made inside a relative clause set off by commas ("Juanita
//! Broaddrick, who said | Clinton raped her in 1978 |, recounted …"): what
//! was said ends where the clause does, and the sentence's own verb after
//! that comma is no part of it.

use super::finite_verb_tag as finite;
use crate::extract::TokenAttribution;
use crate::learned::Context;

/// Auxiliaries and adverbs read back from a cue to its subject ("which
/// could be | announced").
const MAX_AUXILIARIES: usize = 3;

/// Whether the cue's subject is "who" or "which" right after a comma,
/// auxiliaries and adverbs between.
fn cue_in_relative_clause(cx: &Context<'_>, a: &TokenAttribution) -> bool {
    let mut i = a.cue.start;
    for _ in 0..MAX_AUXILIARIES {
        match i.checked_sub(1) {
            Some(b) if cx.pos[b] == "MD" || cx.pos[b] == "RB" || cx.pos[b].starts_with("VB") => {
                i = b
            }
            _ => break,
        }
    }
    i >= 2 && matches!(cx.doc.lower(i - 1), "who" | "which") && cx.doc.token_is(i - 2, ",")
}

/// Ends the content after a cue in a relative clause at the comma that
/// closes the clause: a comma outside quotes followed by a finite verb
/// (an adverb may stand first) — the sentence's main verb. A "that" clause
/// must have its own finite verb before that comma ("who suggested that
/// Mr. Jäger, under fire …, would do better" goes on).
pub(in crate::learned) fn content_within_its_relative_clause(
    cx: &Context<'_>,
    a: &mut TokenAttribution,
) {
    if !cue_in_relative_clause(cx, a) {
        return;
    }
    let Some(k) = a.content.iter().position(|r| r.start >= a.cue.end) else {
        return;
    };
    let piece = a.content[k].clone();
    let opens_that = cx.doc.lower(piece.start) == "that";
    let closing = (piece.start + 1..piece.end).find(|&c| {
        let main_verb = c + 1 < piece.end
            && (finite(cx.pos[c + 1])
                || (cx.pos[c + 1] == "RB" && c + 2 < piece.end && finite(cx.pos[c + 2])));
        cx.doc.token_is(c, ",")
            && !cx.quotes.is_quoted(c)
            && main_verb
            && (!opens_that || (piece.start..c).any(|i| finite(cx.pos[i])))
    });
    if let Some(c) = closing {
        a.content[k].end = c;
        a.content.truncate(k + 1);
    }
}
