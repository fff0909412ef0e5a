//! Statements made inside an adverbial clause that opens its sentence
//! ("While a federal judge found | that action unconstitutional |, his
//! decision was overturned …", "When the poll asked | about all four
//! candidates |, Clinton was supported by …"): what was said ends where the
//! clause does. The tagger reads on to the full stop and takes the main
//! clause, the sentence's own statement, into the content.

use super::{finite_verb_tag as finite, noun_phrase_tag};
use crate::extract::{extract_within, RuleConfig, TokenAttribution};
use crate::learned::{overlap, Context};
use crate::lexicon::Lexicon;
use crate::text::TokenKind;

/// Words that open an adverbial clause of time, contrast, cause or
/// condition ("even" of "even though", "even if").
const SUBORDINATORS: &[&str] = &[
    "while", "although", "though", "when", "whereas", "as", "if", "after", "before", "since",
    "because", "once", "until", "unless", "even",
];

/// Longest subject read between the clause's end and the main verb ("the
/// Supreme Court's decision | was").
const MAX_SUBJECT: usize = 6;

/// Whether the sentence of token `i` opens with a subordinating word, an
/// "And" or "But" before it allowed; its index.
fn opening_subordinator(cx: &Context<'_>, i: usize) -> Option<usize> {
    let sentence = cx.doc.sentences[cx.doc.sentence_of(i)].tokens.clone();
    let mut at = sentence.start;
    while at < sentence.end && cx.doc.tokens[at].kind == TokenKind::QuoteMark {
        at += 1;
    }
    if at < sentence.end && matches!(cx.doc.lower(at), "and" | "but" | "yet") {
        at += 1;
    }
    (at < sentence.end && SUBORDINATORS.contains(&cx.doc.lower(at))).then_some(at)
}

/// Whether a main clause starts at `i`: a short subject (a pronoun, or
/// determiners, adjectives, names and nouns) and then a finite verb, not
/// one a comma follows unless a quotation comes after it.
fn main_clause_at(cx: &Context<'_>, i: usize, end: usize) -> bool {
    let mut k = i;
    if k < end && cx.pos[k] == "PRP" {
        k += 1;
    } else {
        while k < end && k - i < MAX_SUBJECT && noun_phrase_tag(cx.pos[k]) {
            k += 1;
        }
    }
    if cx.pos.get(k).is_some_and(|&t| t == "RB") {
        k += 1;
    }
    // "…, she said, the comment …": a parenthetical cue, not the main
    // clause (which "…, Trump boasted, “…”" is).
    let parenthetical = k + 2 < cx.doc.tokens.len()
        && cx.doc.token_is(k + 1, ",")
        && cx.doc.tokens[k + 2].kind != TokenKind::QuoteMark
        && !cx.quotes.is_quoted(k + 2);
    k > i && k < end && finite(cx.pos[k]) && !parenthetical
}

/// Ends a content that runs from an opening adverbial clause into the main
/// clause at the comma or dash that closes the clause (outside quotes,
/// before a subject and its finite verb, not closing an aside cue). A
/// "that" clause with a verb but not yet its finite one goes on ("When she
/// said that, if elected, she would …"). The main clause, no longer inside a content, takes
/// the attributions the rules find in it ("…, Trump boasted, “That makes
/// me smart.”").
pub(in crate::learned) fn content_within_its_adverbial_clause(
    cx: &Context<'_>,
    lexicon: &Lexicon,
    rules: &RuleConfig,
    found: &mut Vec<TokenAttribution>,
) {
    let mut freed = Vec::new();
    for a in found.iter_mut() {
        if let Some(rest) = cut_at_the_main_clause(cx, a) {
            freed.push(rest);
        }
    }
    // The rules read the whole of the old content (a stretch opening on
    // "Cruz said:" alone would read as a headline) and keep what they find
    // in the main clause.
    for (whole, cut) in freed {
        for inner in extract_within(cx.doc, whole, lexicon, rules) {
            if inner.cue.start < cut {
                continue;
            }
            let clash = found.iter().any(|a| {
                overlap(&a.cue, &inner.cue) || a.content.iter().any(|c| overlap(c, &inner.cue))
            });
            if inner.source.is_some() && !clash && lexicon.trusted_cue_at(cx.doc, inner.cue.start) {
                found.push(inner);
            }
        }
    }
}

/// Longest aside read back from a comma ("…, she said, …").
const MAX_ASIDE: usize = 3;

/// Whether the comma at `c` closes an aside cue set off by commas ("…
/// because, she said, the comment …"): what follows continues the clause.
fn closes_an_aside(cx: &Context<'_>, c: usize) -> bool {
    if c < 2 || !finite(cx.pos[c - 1]) {
        return false;
    }
    // The comma opening the aside, with only words between.
    (c.saturating_sub(MAX_ASIDE + 1)..c - 1)
        .rev()
        .find(|&i| cx.doc.tokens[i].kind == TokenKind::Punct)
        .is_some_and(|i| cx.doc.token_is(i, ","))
}

/// Cuts `a`'s content at the end of its adverbial clause: the content's
/// stretch before the cut, and where the cut is.
fn cut_at_the_main_clause(
    cx: &Context<'_>,
    a: &mut TokenAttribution,
) -> Option<(std::ops::Range<usize>, usize)> {
    let opening = opening_subordinator(cx, a.cue.start)?;
    if opening >= a.cue.start {
        return None;
    }
    let k = a.content.iter().position(|r| r.start >= a.cue.end)?;
    let piece = a.content[k].clone();
    let closes = |c: usize, end: usize| {
        matches!(cx.doc.token_text(c), "," | "―" | "—" | "--")
            && !cx.quotes.is_quoted(c)
            && !closes_an_aside(cx, c)
            && main_clause_at(cx, c + 1, end)
    };
    // No main clause between the subordinator and the cue: the cue is the
    // clause's own.
    if (opening + 1..a.cue.start).any(|c| closes(c, a.cue.start)) {
        return None;
    }
    // A "that" clause interrupted before its finite verb ("that, if
    // elected, she would …") goes on; one with no verb at all was a noun
    // phrase ("found that action unconstitutional").
    let opens_that = cx.doc.lower(piece.start) == "that";
    let unfinished = |c: usize| {
        let mut verbs =
            (piece.start..c).filter(|&i| cx.pos[i].starts_with("VB") || cx.pos[i] == "MD");
        opens_that && verbs.clone().next().is_some() && !verbs.any(|i| finite(cx.pos[i]))
    };
    let c = (piece.start + 1..piece.end).find(|&c| closes(c, piece.end) && !unfinished(c))?;
    let end = a.content.last().map_or(piece.end, |r| r.end);
    a.content[k].end = c;
    a.content.truncate(k + 1);
    Some((piece.start..end, c + 1))
}
