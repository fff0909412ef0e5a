//! A quotation set off as its own paragraph after a lead-in that ends in a
//! colon (`The New York Times reports:` / `Sanders made the following
//! comment:`, then `“…”` opening the next paragraph).
//!
//! The tagger labels one paragraph at a time, so it can mark the lead-in's
//! verb but never give it the quotation below; the rules do (`X said:`)
//! only for the lexicon's trusted cues. In PolNeAR train, 33 of the 35
//! paragraphs ending in a colon whose next paragraph opens with a quotation
//! mark hold a gold attribution with that quotation as content (the other
//! two are `From Jane Roe writing at Outlet:`, a credit of the same kind),
//! and the rules and the tagger found 12 of them.

use std::ops::Range;

use super::Context;
use crate::extract::TokenAttribution;
use crate::learned::{overlap, tokens_in_attributions};
use crate::text::TokenKind;

/// Adds an attribution for each quotation that opens a paragraph after a
/// lead-in ending in a colon, when nothing found holds it: the quotation
/// (all of it, over paragraphs) is the content of the lead-in's last
/// attribution, or of a new one whose cue is the tagger's
/// cue without content in the lead-in (`bare`), else its last verb (see
/// [`lead_in_cue`]), through the colon when the colon follows it.
/// The source is left to the rules, as for any cue the tagger gives none.
/// A quotation holding transcript `turns` is none: the turns are the
/// attributions.
pub(in crate::learned) fn quotation_after_a_lead_in(
    cx: &Context<'_>,
    bare: &[Range<usize>],
    turns: &[TokenAttribution],
    found: &mut Vec<TokenAttribution>,
) {
    let doc = cx.doc;
    let mut taken: Option<Vec<bool>> = None;
    // The headline's colon is a rubric or a headline attribution.
    for p in 1..doc.paragraphs.len().saturating_sub(1) {
        let para = &doc.paragraphs[p];
        let Some(last) = para.sentences.end.checked_sub(1) else {
            continue;
        };
        let Some(s) = doc.sentences.get(last).map(|s| s.tokens.clone()) else {
            continue;
        };
        let Some(colon) = s.end.checked_sub(1).filter(|&c| c > s.start) else {
            continue;
        };
        if doc.tokens[colon].kind != TokenKind::Punct
            || !doc.token_is(colon, ":")
            || cx.quotes.is_quoted(colon)
        {
            continue;
        }
        let next = &doc.paragraphs[p + 1];
        let Some(first) = doc.sentences.get(next.sentences.start) else {
            continue;
        };
        let open = first.tokens.start;
        let Some(quote) = cx.quotes.quote_of_mark(open).filter(|q| q.open == open) else {
            continue;
        };
        let content = quote.open..quote.close + 1;
        let taken = taken.get_or_insert_with(|| tokens_in_attributions(doc.tokens.len(), found));
        let in_a_turn = turns.iter().any(|t| overlap(&t.extent(), &content));
        if in_a_turn || taken[content.clone()].iter().any(|&t| t) {
            continue;
        }
        let lead = s.start..colon;
        for t in &mut taken[content.clone()] {
            *t = true;
        }
        // `Joel Pollak observed, the biggest victor was not on the stage, it
        // was the stage itself:` — the lead-in's own attribution goes on
        // into the quotation, unless a later cue of the lead-in has none.
        let in_lead = |r: &Range<usize>| lead.contains(&r.start) && !cx.quotes.is_quoted(r.start);
        let own = (0..found.len())
            .filter(|&k| in_lead(&found[k].cue))
            .max_by_key(|&k| found[k].cue.start);
        let later_bare = |k: usize| {
            bare.iter()
                .any(|c| in_lead(c) && c.start > found[k].cue.start)
        };
        if let Some(k) = own.filter(|&k| !later_bare(k)) {
            found[k].content.push(content);
            continue;
        }
        let free = |i: usize| !taken[i] && !cx.quotes.is_quoted(i);
        let Some(cue) = lead_in_cue(cx, bare, lead, &free) else {
            continue;
        };
        let cue = if cue.end == colon {
            cue.start..colon + 1
        } else {
            cue
        };
        for t in &mut taken[cue.start..cue.end] {
            *t = true;
        }
        found.push(TokenAttribution {
            source: None,
            cue,
            content: vec![content],
        });
    }
    found.sort_by_key(|a| a.content[0].start);
}

/// The cue of a lead-in: the tagger's last bare cue in it, else the last
/// cue-lexicon match that ends no noun phrase (`The New York Times
/// reports`, not `the following comment`), else
/// the last finite verb, else the last verb.
fn lead_in_cue(
    cx: &Context<'_>,
    bare: &[Range<usize>],
    lead: Range<usize>,
    free: &dyn Fn(usize) -> bool,
) -> Option<Range<usize>> {
    let tagged = bare
        .iter()
        .rev()
        .find(|c| c.start >= lead.start && c.end <= lead.end && (c.start..c.end).all(free));
    if let Some(c) = tagged {
        return Some(c.clone());
    }
    let last = |ok: &dyn Fn(usize) -> bool| lead.clone().rev().find(|&i| free(i) && ok(i));
    // After a determiner or a modifier the match is a noun.
    let noun_phrase = |i: usize| {
        i > lead.start
            && matches!(
                cx.pos[i - 1],
                "DT" | "PRP$" | "POS" | "JJ" | "JJR" | "JJS" | "CD" | "VBG"
            )
    };
    // A verb, or a common noun the tagger read in a verb's place (`Times
    // reports`), not a date (`on June 11`).
    let lowercase = |i: usize| cx.doc.token_text(i).starts_with(char::is_lowercase);
    let verb_or_noun =
        |i: usize| cx.pos[i].starts_with("VB") || (cx.pos[i].starts_with("NN") && lowercase(i));
    last(&|i| cx.lex_start[i].is_some() && verb_or_noun(i) && !noun_phrase(i))
        .or_else(|| last(&|i| super::finite_verb_tag(cx.pos[i])))
        .or_else(|| last(&|i| cx.pos[i].starts_with("VB")))
        .map(|i| i..i + 1)
}
