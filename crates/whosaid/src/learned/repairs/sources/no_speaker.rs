//! Phrases that name no speaker: function words, time phrases, a
//! dateline's place, a circumstance after the cue, the target of "faced
//! criticism", the expletive "it".

use super::names_someone;
use crate::extract::TokenAttribution;
use crate::learned::repairs::content::{AUXILIARIES, BE_FORMS};
use crate::learned::repairs::{claimed, noun_phrase_tag, time_word};
use crate::learned::Context;

/// Whether a phrase holds only verbs, adverbs, prepositions, conjunctions
/// and punctuation ("However", "including", "Having", "would be free"): no
/// noun, pronoun, determiner, adjective or number, so it names no speaker.
/// A capitalized word inside its sentence is a name the tagger read as a
/// verb or an adverb ("… Schilling told", "Jolly said").
pub(in crate::learned) fn names_nothing(cx: &Context<'_>, r: std::ops::Range<usize>) -> bool {
    let sentence_start = cx.doc.sentences[cx.doc.sentence_of(r.start)].tokens.start;
    let function = |i: usize| {
        let tag = cx.pos[i];
        let function = tag.starts_with("VB")
            || tag.starts_with("RB")
            || matches!(tag, "IN" | "TO" | "CC" | "MD" | "," | ":" | ".");
        let name =
            i > sentence_start && cx.doc.token_text(i).starts_with(|c: char| c.is_uppercase());
        function && !name
    };
    let filler = |i: usize| function(i) || matches!(cx.pos[i], "DT" | "CD" | "POS");
    // A phrase cut after a preposition or a determiner, with no noun
    // ("During the", "One of the"; "with three in 10 | saying" is a share
    // of people).
    let preposition = |i: usize| matches!(cx.pos[i], "IN" | "TO");
    r.clone().all(function)
        || time_phrase(cx, r.clone())
        || (r.clone().any(preposition)
            && r.clone().all(filler)
            && matches!(cx.pos[r.end - 1], "DT" | "IN"))
        || dateline_place(cx, r)
}

/// Whether a phrase is a time phrase ("Last" of "Last year, he …", "last
/// year", "Wednesday", "this past"): time words with determiners, numbers
/// and function words, which name no speaker.
pub(in crate::learned) fn time_phrase(cx: &Context<'_>, r: std::ops::Range<usize>) -> bool {
    // A capitalized time noun other than a weekday may be a name: "Day
    // said", "Time announces", "May said".
    let time = |i: usize| {
        let w = cx.doc.token_text(i);
        let lower = cx.doc.lower(i);
        RELATIVE_TIME.contains(&lower)
            || crate::when::is_weekday(lower)
            || (time_word(cx.doc, i) && !w.starts_with(char::is_uppercase))
    };
    let filler = |i: usize| {
        let tag = cx.pos[i];
        matches!(
            tag,
            "DT" | "CD" | "POS" | "IN" | "TO" | "CC" | "," | ":" | "."
        ) || tag.starts_with("RB")
    };
    r.clone().any(time) && r.clone().all(|i| time(i) || filler(i))
}

/// Adjectives that make a time phrase of a determiner or a time noun.
const RELATIVE_TIME: &[&str] = &["last", "next", "past", "earlier", "later", "recent"];

/// Whether a phrase is the place of a dateline ("WASHINGTON, Dec. 8 (UPI)
/// —", "LOS ANGELES (AP) —"): words in capitals opening their paragraph,
/// then a comma, a bracket or a dash. A place that files the story is no
/// speaker.
pub(in crate::learned) fn dateline_place(cx: &Context<'_>, r: std::ops::Range<usize>) -> bool {
    if r.is_empty() || r.end > cx.doc.tokens.len() {
        return false;
    }
    let sentence = &cx.doc.sentences[cx.doc.sentence_of(r.start)];
    let paragraph = &cx.doc.paragraphs[sentence.paragraph];
    let paragraph_start = cx.doc.sentences[paragraph.sentences.start].tokens.start;
    let capitals = |i: usize| {
        let w = cx.doc.token_text(i);
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase)
    };
    let closed = cx.doc.tokens.get(r.end).is_some_and(|_| {
        let w = cx.doc.token_text(r.end);
        matches!(w, "," | "(") || crate::text::is_dash(w)
    });
    r.start == paragraph_start && r.clone().all(capitals) && closed
}

/// Where the sentence holding `sentence` begins after a dateline the
/// segmenter left in it ("WASHINGTON, Dec. 8 (UPI) — In response …"):
/// right after the dateline's dash, else at its first token.
pub(super) fn after_dateline(cx: &Context<'_>, sentence: std::ops::Range<usize>) -> usize {
    let mut place = sentence.start;
    while place < sentence.end && {
        let w = cx.doc.token_text(place);
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase)
    } {
        place += 1;
    }
    if place == sentence.start || !dateline_place(cx, sentence.start..place) {
        return sentence.start;
    }
    (place..sentence.end.min(place + crate::text::DATELINE_TOKENS))
        .find(|&i| crate::text::is_dash(cx.doc.token_text(i)))
        .map_or(sentence.start, |dash| dash + 1)
}

/// Whether a source after its cue opens with a preposition of place, time
/// or manner ("said | on a call with reporters", "said | in an
/// interview"): the circumstance of the statement, not an inverted
/// speaker ("said | by the Times" and "according to" name one).
pub(in crate::learned) fn circumstance_after_the_cue(
    cx: &Context<'_>,
    r: std::ops::Range<usize>,
    cue: &std::ops::Range<usize>,
) -> bool {
    !r.is_empty() && r.start >= cue.end && CIRCUMSTANCE.contains(&cx.doc.lower(r.start))
}

/// Prepositions that open a circumstance after a cue.
const CIRCUMSTANCE: &[&str] = &[
    "on", "in", "at", "during", "with", "over", "after", "before", "into", "through", "via",
];

/// The subject of "faced" or "received criticism" is its target,
/// not its source: "Cruz | faced criticism | for unreported loans",
/// "President Obama has endured | criticism for | telling …". Such a
/// source before the cue goes; the noun phrase after "from" right after
/// the cue ("… criticism from | many environmentalists") is the source.
/// Whether it left the attribution sourceless on purpose (the rules'
/// fallback would find the target again).
pub(in crate::learned) fn recipient_is_no_source(
    cx: &Context<'_>,
    a: &mut TokenAttribution,
) -> bool {
    let Some(source) = a.source.clone() else {
        return false;
    };
    if source.end > a.cue.start || a.cue.is_empty() {
        return false;
    }
    let word = |i: usize| cx.doc.lower(i);
    // The receiving verb: the cue's first word, or the word before the
    // cue's noun, past determiners and adjectives.
    let receiving = |i: usize| RECEIVING.contains(&word(i));
    let noun_cue = cx.pos[a.cue.start].starts_with("NN") || cx.pos[a.cue.start] == "JJ";
    let mut k = a.cue.start;
    while k > source.end && matches!(cx.pos[k - 1], "DT" | "JJ" | "JJR" | "RB") {
        k -= 1;
    }
    let verb_before = noun_cue && k > source.end && receiving(k - 1);
    // Past the auxiliaries: "has faced | sharp criticism".
    let verb_in_cue = a
        .cue
        .clone()
        .find(|&i| cx.pos[i].starts_with("VB") && !AUXILIARIES.contains(&cx.words[i].word))
        .is_some_and(|i| receiving(i) && (i + 1..a.cue.end).any(|j| cx.pos[j].starts_with("NN")));
    if !verb_before && !verb_in_cue {
        return false;
    }
    a.source = None;
    let n = cx.doc.tokens.len();
    let from = if a.cue.end > 0 && word(a.cue.end - 1) == "from" {
        a.cue.end
    } else if a.cue.end < n && word(a.cue.end) == "from" {
        a.cue.end + 1
    } else {
        return true;
    };
    let mut end = from;
    while end < n
        && end - from < 8
        && (noun_phrase_tag(cx.pos[end]) || cx.pos[end] == "PRP")
        && !claimed(cx, &a.cue, &a.content, end)
    {
        end += 1;
    }
    if end > from && names_someone(cx, from..end) {
        a.source = Some(from..end);
    }
    true
}

/// Verbs whose subject receives what the noun after them names
/// ("faced criticism", "received support", "attracted scorn"; not "drew",
/// which also draws a contrast or attention: measured alike).
const RECEIVING: &[&str] = &[
    "face",
    "faces",
    "faced",
    "facing",
    "endure",
    "endures",
    "endured",
    "enduring",
    "receive",
    "receives",
    "received",
    "receiving",
    "attract",
    "attracts",
    "attracted",
    "attracting",
    "garner",
    "garners",
    "garnered",
    "garnering",
    "draw",
    "draws",
    "drew",
    "drawn",
    "drawing",
];

/// The expletive "it" of "it is clear that …", "it wasn't clear how …",
/// "it is hard to see …" names no one: the source goes, and the rules'
/// fallback is not asked again (whether it did so). The cue opens with a
/// form of "be" (a negation or adverb may follow) and then an adjective.
pub(in crate::learned) fn expletive_it(cx: &Context<'_>, a: &mut TokenAttribution) -> bool {
    let Some(source) = a.source.clone() else {
        return false;
    };
    if source.len() != 1 || !cx.doc.token_text(source.start).eq_ignore_ascii_case("it") {
        return false;
    }
    let mut k = a.cue.start;
    let be = |i: usize| {
        BE_FORMS.contains(&cx.words[i].word) || matches!(cx.doc.token_text(i), "'s" | "’s")
    };
    if k >= a.cue.end || !be(k) {
        return false;
    }
    k += 1;
    while k < a.cue.end && (cx.pos[k].starts_with("RB") || cx.pos[k] == "MD") {
        k += 1;
    }
    if k < a.cue.end && matches!(cx.pos[k], "JJ" | "JJR" | "JJS") {
        a.source = None;
        return true;
    }
    false
}
