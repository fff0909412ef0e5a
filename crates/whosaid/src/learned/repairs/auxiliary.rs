//! A content the tagger ended on a modal or an auxiliary, its verb
//! phrase left outside ("He said | the club should | have signed another
//! forward."): a clause never ends there while a verb follows.

use crate::extract::TokenAttribution;
use crate::learned::repairs::content::AUXILIARIES;
use crate::learned::Context;
use crate::perceptron::syms;
use crate::text::TokenKind;

/// Runs each content whose last word is a modal or an auxiliary and whose
/// next word is a verb or an adverb of its sentence on to the sentence's
/// end, up to any part of another attribution, less closing punctuation.
/// An auxiliary before punctuation ("… if she could.", "than their
/// parents were,") ends its clause and stays.
pub(in crate::learned) fn content_past_its_auxiliary(
    cx: &Context<'_>,
    found: &mut [TokenAttribution],
) {
    let mut claimed = vec![false; cx.doc.tokens.len()];
    for a in found.iter() {
        for r in a.content.iter().chain([&a.cue]).chain(&a.source) {
            claimed[r.clone()].iter_mut().for_each(|t| *t = true);
        }
    }
    for a in found.iter_mut() {
        let Some(last) = a.content.last_mut() else {
            continue;
        };
        let end = last.end;
        let auxiliary = last.end > last.start && {
            let w = cx.words[end - 1].word;
            cx.pos[end - 1] == "MD" || AUXILIARIES.contains(&w) || MODALS.contains(&w)
        };
        let sentence_end = cx.doc.sentences[cx.doc.sentence_of(end - 1)].tokens.end;
        let verb_follows = end < sentence_end
            && (cx.pos[end].starts_with("VB") || cx.pos[end].starts_with("RB"))
            && !claimed[end];
        if !auxiliary || !verb_follows || a.cue.start >= end {
            continue;
        }
        let mut new_end = end;
        while new_end < sentence_end && !claimed[new_end] {
            new_end += 1;
        }
        while new_end > end && cx.doc.tokens[new_end - 1].kind == TokenKind::Punct {
            new_end -= 1;
        }
        claimed[end..new_end].iter_mut().for_each(|t| *t = true);
        last.end = new_end;
    }
}

/// Modals, whatever the tagger made of them.
const MODALS: [u64; 9] = syms([
    "can", "could", "may", "might", "must", "shall", "should", "will", "would",
]);
