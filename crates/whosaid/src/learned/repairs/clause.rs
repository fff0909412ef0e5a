//! "That" clauses the tagger stopped at their subject ("were frustrated |
//! that the city's police department | released only some of the
//! footage"): the content is the whole clause, completed by the attribution
//! the tagger read after it or by the rest of the sentence.

use crate::extract::TokenAttribution;
use crate::learned::Context;
use crate::text::TokenKind;

/// Words opening a comment on a clause after its comma.
const AFTERTHOUGHTS: &[&str] = &[
    "which", "who", "despite", "while", "although", "though", "even",
];

/// Whether `run` opens with the complementizer "that" and holds no verb
/// of its clause yet (an infinitive inside the subject, "that Trump's
/// effort to engage with Putin", is none).
fn stopped_at_its_subject(
    cx: &Context<'_>,
    a: &TokenAttribution,
    run: &std::ops::Range<usize>,
) -> bool {
    let complementizer =
        cx.doc.token_text(run.start).eq_ignore_ascii_case("that") && cx.pos[run.start] == "IN";
    run.start >= a.cue.end
        && !cx.quotes.is_quoted(run.start)
        && complementizer
        && !run.clone().any(|i| {
            (cx.pos[i].starts_with("VB") || cx.pos[i] == "MD")
                && !(cx.pos[i] == "VB" && i > 0 && cx.pos[i - 1] == "TO")
        })
}

/// "said that | the Cruz campaign's announcement, | which some have argued
/// was intended …, was an insult": a content that opens a clause with the
/// complementizer "that" but holds no verb (an infinitive inside the
/// subject aside: "that Trump's effort to engage with Putin") stopped at
/// the clause's subject, and the attribution right after it (a relative
/// clause's cue, the subject read as a source: "ISIS, | has used"; or one
/// opening a few nouns into an aside: "…, something | the Biden
/// administration | refused to do, has broken …") is the rest of that
/// clause. In PolNeAR's scheme the outer cue owns the whole clause and the
/// inner one is no attribution of its own (one attribution per token). A
/// participle after the comma ("…, saying …") opens its own attribution
/// and stays. With no attribution after it, the rest of the sentence
/// completes the clause ([`run_to_the_sentence_end`]).
pub(in crate::learned) fn clause_completed_by_next(
    cx: &Context<'_>,
    found: &mut Vec<TokenAttribution>,
) {
    // First and last token (end exclusive) of an attribution's parts.
    let bounds = |a: &TokenAttribution| {
        a.source
            .iter()
            .chain(&a.content)
            .fold((a.cue.start, a.cue.end), |(lo, hi), r| {
                (lo.min(r.start), hi.max(r.end))
            })
    };
    // Attributions by where they start, to find the one right after a
    // content in a search, not a scan (a repair stays linear).
    let mut by_start: Vec<(usize, usize)> =
        (0..found.len()).map(|p| (bounds(&found[p]).0, p)).collect();
    by_start.sort_unstable();
    let mut merged = vec![false; found.len()];
    let mut rest_of_the_sentence = Vec::new();
    for o in 0..found.len() {
        if merged[o] {
            continue;
        }
        let [run] = found[o].content.as_slice() else {
            continue;
        };
        let run = run.clone();
        if !stopped_at_its_subject(cx, &found[o], &run) {
            continue;
        }
        let mut next = run.end;
        while next < cx.doc.tokens.len() && cx.doc.token_is(next, ",") {
            next += 1;
        }
        // The next attribution may open a few words into an aside that is
        // a noun phrase ("…, something | the administration | refused to
        // do, has …"); not after "while", "but" or "even though".
        let mut reach = next;
        while reach < (next + 3).min(cx.doc.tokens.len()) && super::noun_phrase_tag(cx.pos[reach]) {
            reach += 1;
        }
        let at = by_start.partition_point(|&(start, _)| start < next);
        let Some(p) = by_start[at..]
            .iter()
            .take_while(|&&(start, _)| start == next || start < reach)
            .map(|&(_, p)| p)
            .find(|&p| p != o && !merged[p])
        else {
            rest_of_the_sentence.push(o);
            continue;
        };
        let (_, end) = bounds(&found[p]);
        if cx.pos[found[p].cue.start] == "VBG"
            || cx.doc.sentence_of(end - 1) != cx.doc.sentence_of(run.end - 1)
        {
            continue;
        }
        found[o].content = std::iter::once(run.start..end).collect();
        merged[p] = true;
    }
    run_to_the_sentence_end(cx, found, &rest_of_the_sentence);
    let mut k = 0;
    found.retain(|_| {
        k += 1;
        !merged[k - 1]
    });
}

/// A "that" clause stopped at its subject with no attribution after it
/// (`unfinished`, indices into `found`) runs on to its sentence's end when
/// the rest holds the clause's finite verb and no other attribution or
/// quotation ("that my parents, James and Olive Meehan, | were
/// uneducated").
fn run_to_the_sentence_end(cx: &Context<'_>, found: &mut [TokenAttribution], unfinished: &[usize]) {
    let mut taken = vec![false; cx.doc.tokens.len()];
    for a in found.iter() {
        for r in a.source.iter().chain(&a.content).chain([&a.cue]) {
            taken[r.clone()].iter_mut().for_each(|t| *t = true);
        }
    }
    for &o in unfinished {
        let run = found[o].content[0].clone();
        let sentence = cx.doc.sentences[cx.doc.sentence_of(run.start)]
            .tokens
            .clone();
        let mut end = sentence.end;
        while end > run.end && cx.doc.tokens[end - 1].kind == TokenKind::Punct {
            end -= 1;
        }
        let rest = run.end..end;
        let free = rest.clone().all(|i| !taken[i] && !cx.quotes.is_quoted(i));
        // The clause's verb, with its subject before it: not a predicate
        // the main clause coordinates ("declined that assignment | and
        // has since left"). Right after a subject of noun phrase words it
        // may be tagged a participle ("department released only some …";
        // after a preposition it opens a reduced relative: "in a ruling
        // released Thursday").
        let verb = rest.clone().find(|&i| super::finite_verb_tag(cx.pos[i]));
        let coordinated = verb.is_some_and(|v| {
            (run.end..v)
                .rev()
                .find(|&i| cx.pos[i] != "RB")
                .is_some_and(|i| cx.pos[i] == "CC")
        });
        let participle = cx.pos.get(run.end).is_some_and(|&t| t == "VBN")
            && (run.start + 1..run.end).all(|i| super::noun_phrase_tag(cx.pos[i]));
        let finite = (verb.is_some() && !coordinated) || participle;
        // A comment after the clause is the outlet's (", which the police
        // have not done", ", despite the fact that …").
        let after_verb = verb.unwrap_or(run.end);
        let end = (after_verb..end)
            .find(|&c| {
                cx.doc.token_is(c, ",")
                    && c + 1 < end
                    && AFTERTHOUGHTS.contains(&cx.doc.lower(c + 1))
            })
            .unwrap_or(end);
        if !rest.is_empty() && free && finite {
            found[o].content = std::iter::once(run.start..end).collect();
        }
    }
}
