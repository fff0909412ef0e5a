//! Repairs of a source: one the cue swallowed, one cut inside its name,
//! noun phrase or conjunction, the subject a participle refers to, and
//! one that holds half a quotation or ends in a preposition.

use super::{claimed, noun_phrase_tag, time_word};
use crate::entities::trim_to_words;
use crate::extract::TokenAttribution;
use crate::learned::Context;
use crate::text::TokenKind;

/// Whether a source's tokens hold a noun or a personal pronoun: a phrase
/// without one names no speaker.
fn names_someone(cx: &Context<'_>, r: std::ops::Range<usize>) -> bool {
    r.into_iter()
        .any(|i| cx.pos[i].starts_with("NN") || cx.pos[i] == "PRP")
}

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
        let lower = w.to_lowercase();
        RELATIVE_TIME.contains(&lower.as_str())
            || crate::when::is_weekday(&lower)
            || (time_word(w) && !w.starts_with(char::is_uppercase))
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

/// Gives back a source the cue swallowed: a cue without a source that
/// opens with a noun phrase before its verb ("An architect said", "The
/// agency reported") is the source and the verb. Only determiners,
/// adjectives, nouns, numbers and possessives stand before the verb.
pub(in crate::learned) fn source_out_of_the_cue(cx: &Context<'_>, a: &mut TokenAttribution) {
    if a.source.is_some() || a.cue.len() < 2 {
        return;
    }
    let Some(verb) = a
        .cue
        .clone()
        .find(|&i| cx.pos[i].starts_with("VB") || cx.pos[i] == "MD")
    else {
        return;
    };
    let phrase = a.cue.start..verb;
    let nominal = |i: usize| {
        cx.pos[i].starts_with("NN")
            || matches!(cx.pos[i], "DT" | "JJ" | "CD" | "PRP$" | "POS" | "PRP")
    };
    if phrase.is_empty()
        || !phrase.clone().all(nominal)
        || !phrase
            .clone()
            .any(|i| cx.pos[i].starts_with("NN") || cx.pos[i] == "PRP")
    {
        return;
    }
    a.source = Some(phrase);
    a.cue.start = verb;
}

/// Cuts a source at a quotation it straddles: '“Andrea Mitchell Reports,”
/// | Clinton's chief pollster Joel Benenson | said' read as one source
/// that opens inside the show's title. A speaker's phrase may hold a whole
/// quotation ('host of MSNBC’s “Morning Joe,”'), never half of one: the
/// part inside a quotation that opened before the source (or closes after
/// it) goes, with the punctuation at the cut. A source left with no noun
/// or pronoun, or one without a word, is none (this runs after the rules'
/// sources were sought: none is found again).
pub(in crate::learned) fn source_across_a_quotation(cx: &Context<'_>, a: &mut TokenAttribution) {
    let Some(source) = a.source.clone() else {
        return;
    };
    // A lone quotation mark read as the source ('” … in the case of
    // Wyoming, …,” wrote Time magazine').
    if trim_to_words(cx.doc, source.clone()).is_empty() {
        a.source = None;
        return;
    }
    let (mut start, mut end) = (source.start, source.end);
    if let Some(q) = cx.quotes.outer_quote(start) {
        if q.open < start && q.close < end {
            start = q.close + 1;
        }
    }
    if start < end {
        if let Some(q) = cx.quotes.outer_quote(end - 1) {
            if q.close >= end && q.open >= start {
                end = q.open;
            }
        }
    }
    if (start, end) == (source.start, source.end) {
        return;
    }
    let kept = trim_to_words(cx.doc, start..end);
    a.source = names_someone(cx, kept.clone()).then_some(kept);
}

/// Cuts the preposition a source ends in: "Mr. Ban's record on |
/// promoting", "a tweet by | …", "accompanied by". A speaker's phrase ends
/// in its noun (PolNeAR's sources end in a preposition nine times in
/// 11,000, the tagger's a hundred); what is left without a noun or
/// pronoun names no one.
pub(in crate::learned) fn source_without_a_trailing_preposition(
    cx: &Context<'_>,
    a: &mut TokenAttribution,
) {
    let Some(source) = a.source.clone() else {
        return;
    };
    let mut end = source.end;
    while end > source.start && matches!(cx.pos[end - 1], "IN" | "TO") {
        end -= 1;
    }
    if end == source.end {
        return;
    }
    a.source = names_someone(cx, source.start..end).then_some(source.start..end);
}

/// Widens a source that starts or ends inside a run of proper nouns:
/// "The Tax Policy | Center | plans to release …" read as the source
/// "Center". A name is one unit; the tagger's boundary inside it is a slip,
/// and the speaker would be a fragment ("Center"). The source takes the
/// whole run, with a determiner before it ("The Tax Policy Center"), but
/// never a token of the cue or the content, nor one across the sentence.
pub(in crate::learned) fn whole_name_source(cx: &Context<'_>, a: &mut TokenAttribution) {
    let Some(source) = a.source.as_mut().filter(|s| s.start < s.end) else {
        return;
    };
    // A proper noun, or a capitalized common noun inside a name ("Tax"
    // and "Policy" in "The Tax Policy Center" are often tagged NN).
    let proper = |i: usize| {
        cx.doc.tokens[i].kind == TokenKind::Word
            && cx.pos[i].starts_with("NN")
            && cx.doc.token_text(i).starts_with(|c: char| c.is_uppercase())
    };
    let claimed = |i: usize| claimed(cx, &a.cue, &a.content, i);
    let sentence = cx.doc.sentences[cx.doc.sentence_of(source.start)]
        .tokens
        .clone();
    if proper(source.start) {
        let mut start = source.start;
        while start > sentence.start && proper(start - 1) && !claimed(start - 1) {
            start -= 1;
        }
        if start < source.start
            && start > sentence.start
            && cx.pos[start - 1] == "DT"
            && !claimed(start - 1)
        {
            start -= 1;
        }
        source.start = start;
    }
    if proper(source.end - 1) {
        while source.end < sentence.end && proper(source.end) && !claimed(source.end) {
            source.end += 1;
        }
    }
}

/// Widens a source that starts inside its noun phrase: "labor-policy |
/// experts said", "9/11 victims’ | groups", "a wide array of | black
/// artists". The tagger's boundary after a modifier is a slip; the speaker
/// is the whole phrase, which names a group by the article's own words.
/// Only a source opening with a lowercase noun or adjective widens, over
/// the adjectives, nouns, numbers and possessives before it, a determiner
/// or possessive pronoun ending the phrase, and over a quantity's "of"
/// ("a number of", "dozens of"). A time word ("Last week officials said")
/// or a token of the cue or content stops it.
pub(in crate::learned) fn whole_noun_phrase_source(cx: &Context<'_>, a: &mut TokenAttribution) {
    let Some(source) = a.source.as_mut().filter(|s| s.start < s.end) else {
        return;
    };
    let text = |i: usize| cx.doc.token_text(i);
    let lowercase = |i: usize| text(i).starts_with(char::is_lowercase);
    // A quantifier opens its phrase ("many college-educated voters").
    let opens_inside = lowercase(source.start)
        && matches!(cx.pos[source.start], "NN" | "NNS" | "JJ" | "JJR" | "JJS")
        && !QUANTITY_NOUNS.contains(&text(source.start).to_lowercase().as_str())
        // "she’s" tagged a noun is the pronoun.
        && !matches!(
            crate::entities::without_clitic(&text(source.start).to_lowercase()),
            "he" | "she" | "it" | "they" | "we" | "i" | "you"
        );
    if !opens_inside {
        return;
    }
    let claimed = |i: usize| claimed(cx, &a.cue, &a.content, i);
    let time = |i: usize| time_word(text(i)) || text(i).eq_ignore_ascii_case("ago");
    let modifier = |i: usize| {
        cx.doc.tokens[i].kind == TokenKind::Word
            && !claimed(i)
            && !time(i)
            && (matches!(
                cx.pos[i],
                "JJ" | "JJR" | "JJS" | "NN" | "NNS" | "NNP" | "NNPS" | "CD" | "POS" | "VBN"
            ) || text(i).ends_with(['’', '\''])
                || text(i).ends_with("’s")
                || text(i).ends_with("'s"))
    };
    let sentence_start = cx.doc.sentences[cx.doc.sentence_of(source.start)]
        .tokens
        .start;
    let mut start = source.start;
    loop {
        while start > sentence_start && modifier(start - 1) {
            start -= 1;
        }
        // "a wide array of", "dozens of": the quantity heads the phrase.
        let of = start >= sentence_start + 2 && text(start - 1) == "of" && !claimed(start - 1);
        let quantity = of && {
            let q = text(start - 2).to_lowercase();
            QUANTITY_NOUNS.contains(&q.as_str()) && !claimed(start - 2)
        };
        if !quantity {
            break;
        }
        start -= 2;
    }
    if start > sentence_start && matches!(cx.pos[start - 1], "DT" | "PRP$") && !claimed(start - 1) {
        start -= 1;
    }
    // "VBN" only inside the phrase ("retired generals"), never its edge.
    while start < source.start && cx.pos[start] == "VBN" {
        start += 1;
    }
    source.start = start;
}

/// Widens a source cut before its last conjunct: "Trump | and his aides
/// haven't", "angered | prime ministers | and members of the government."
/// Both halves speak; the tagger's boundary at "and" is a slip. The
/// conjunct is a noun phrase (an "of" phrase allowed in it) that runs
/// right up to the cue, or, after the cue, to the sentence's punctuation.
pub(in crate::learned) fn source_with_its_conjunct(cx: &Context<'_>, a: &mut TokenAttribution) {
    let Some(source) = a.source.as_mut().filter(|s| s.start < s.end) else {
        return;
    };
    let sentence_end = cx.doc.sentences[cx.doc.sentence_of(source.start)]
        .tokens
        .end;
    let and = source.end;
    if and + 1 >= sentence_end || !matches!(cx.doc.token_text(and), "and" | "&") {
        return;
    }
    let claimed = |i: usize| claimed(cx, &a.cue, &a.content, i);
    let nominal = |i: usize| noun_phrase_tag(cx.pos[i]) || cx.doc.token_text(i) == "of";
    let mut end = and + 1;
    while end < sentence_end && nominal(end) && !claimed(end) {
        end += 1;
    }
    let noun = (and + 1..end).any(|i| cx.pos[i].starts_with("NN"));
    let reaches = if a.cue.start >= end {
        end == a.cue.start
    } else {
        end == sentence_end || cx.doc.tokens[end].kind == TokenKind::Punct
    };
    if noun && reaches && cx.doc.token_text(end - 1) != "of" {
        source.end = end;
    }
}

/// Widens a source that is only a closed relative clause to the noun
/// phrase the clause describes: in "The official, | who was not
/// authorized to speak, | said", the clause ends with a comma before the
/// cue, so the cue's subject is "The official" (PolNeAR's source runs over
/// both). "X, who said …" keeps "who": there the cue is the clause's own
/// verb. The noun phrase runs back from the comma before "who" over
/// noun-phrase words (at most eight) and must hold a noun.
pub(in crate::learned) fn source_with_its_antecedent(cx: &Context<'_>, a: &mut TokenAttribution) {
    let Some(source) = a.source.as_mut().filter(|s| s.len() >= 3) else {
        return;
    };
    let text = |i: usize| cx.doc.token_text(i);
    let relative = matches!(text(source.start).to_lowercase().as_str(), "who" | "which");
    let closed = text(source.end - 1) == "," && source.end == a.cue.start;
    let sentence_start = cx.doc.sentences[cx.doc.sentence_of(source.start)]
        .tokens
        .start;
    if !relative || !closed || source.start < sentence_start + 2 || text(source.start - 1) != "," {
        return;
    }
    let comma = source.start - 1;
    let claimed = |i: usize| claimed(cx, &a.cue, &a.content, i);
    let mut start = comma;
    while start > sentence_start
        && comma - start < 8
        && noun_phrase_tag(cx.pos[start - 1])
        && !claimed(start - 1)
    {
        start -= 1;
    }
    if (start..comma).any(|i| cx.pos[i].starts_with("NN")) {
        source.start = start;
    }
}

/// Widens a source that is only the object of a preposition after a noun
/// for people: "regulators and advisers to | Patriot | didn't know",
/// "experts on | North Korea | say". The noun before the preposition heads
/// the phrase that speaks; the name only completes it. The widened source runs from
/// the start of that noun phrase (nouns joined by "and" included).
pub(in crate::learned) fn source_with_its_head(cx: &Context<'_>, a: &mut TokenAttribution) {
    let Some(source) = a.source.as_mut().filter(|s| s.start < s.end) else {
        return;
    };
    let sentence_start = cx.doc.sentences[cx.doc.sentence_of(source.start)]
        .tokens
        .start;
    let text = |i: usize| cx.doc.token_text(i);
    let mut prep = source.start;
    if prep > sentence_start && cx.pos[prep - 1] == "DT" {
        prep -= 1;
    }
    if prep < sentence_start + 2
        || !matches!(
            text(prep - 1),
            "to" | "of" | "for" | "at" | "on" | "from" | "with"
        )
    {
        return;
    }
    let prep = prep - 1;
    let claimed = |i: usize| claimed(cx, &a.cue, &a.content, i);
    let noun = |i: usize| {
        matches!(cx.pos[i], "NN" | "NNS") && text(i).starts_with(char::is_lowercase) && !claimed(i)
    };
    // Only a noun for people heads such a phrase ("advisers to", "a
    // spokesman for"); "a review of records" is about the records.
    let people = |i: usize| {
        let w = text(i).to_lowercase();
        (cx.pos[i] == "NNS"
            && ["ers", "ors", "ists", "ians"]
                .iter()
                .any(|end| w.ends_with(end)))
            || PEOPLE_BEFORE_PREPOSITION.contains(&w.as_str())
    };
    let pronoun = (source.start..source.end).all(|i| cx.pos[i].starts_with("PRP"));
    if pronoun || !noun(prep - 1) || !people(prep - 1) {
        return;
    }
    let modifier = |i: usize| noun_phrase_tag(cx.pos[i]) && !claimed(i);
    let mut start = prep - 1;
    loop {
        while start > sentence_start && modifier(start - 1) {
            start -= 1;
        }
        // "regulators and advisers": a noun joined before (capitalized
        // when it opens the sentence).
        let joined = |i: usize| {
            noun(i) || (i == sentence_start && cx.pos[i].starts_with("NN") && !claimed(i))
        };
        if start >= sentence_start + 2 && text(start - 1) == "and" && joined(start - 2) {
            start -= 2;
        } else {
            break;
        }
    }
    source.start = start;
}

/// Singular nouns for people that head "<noun> for <name>" phrases.
const PEOPLE_BEFORE_PREPOSITION: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "lawyer",
    "attorney",
    "adviser",
    "advisor",
    "aide",
];

/// Nouns of quantity whose "of" phrase they head ("a number of experts").
const QUANTITY_NOUNS: &[&str] = &[
    "number",
    "group",
    "array",
    "handful",
    "majority",
    "minority",
    "dozens",
    "hundreds",
    "thousands",
    "millions",
    "scores",
    "couple",
    "pair",
    "host",
    "coalition",
    "team",
    "panel",
    "some",
    "many",
    "most",
    "all",
    "several",
    "few",
    "half",
    "none",
    "each",
    "both",
];

/// Gives a participle cue without a source, or with one that names no
/// one ("The", "Once"), the source PolNeAR gives it: that of the
/// attribution before it in the sentence (`earlier`, when it names
/// someone: "X said …, adding …"), else the subject of the clause it hangs
/// on. A fronted participle clause (the cue opens the sentence, or
/// follows at most four words ending in a preposition or subordinator:
/// "Citing a theory, | Trump | accused …", "But while denouncing …,")
/// takes the noun phrase right after the comma closing it; a trailing one
/// (after a comma, "while", "when" or a preposition) the noun phrase
/// before the main clause's first finite verb ("In 1986, | the Supreme
/// Court | blocked …, citing a threat"). The rules' fallback (an earlier
/// cue's source, a capitalized phrase opening the sentence) misses these
/// behind an opening adverbial or a lowercase subject. The phrase must
/// run into its verb (adverbs between allowed) and hold a noun or
/// pronoun, outside the attribution's cue and content and any quotation.
pub(in crate::learned) fn participle_subject(
    cx: &Context<'_>,
    a: &mut TokenAttribution,
    earlier: Option<std::ops::Range<usize>>,
) {
    if a.cue.is_empty() || a.content.is_empty() {
        return;
    }
    // A source without a noun (other than a time word: "Today"), pronoun
    // or number ("The", "Once", "However", "for") names no one, and one
    // that ends in a preposition or opens with a verb ("Mr. Obama on Syria
    // by", "score a few endorsements by") is no noun phrase: the
    // participle's subject replaces it.
    let named = |s: &std::ops::Range<usize>| {
        s.clone().any(|i| {
            (cx.pos[i].starts_with("NN") && !time_word(cx.doc.token_text(i)))
                || matches!(cx.pos[i], "PRP" | "CD")
        }) && !matches!(cx.pos[s.end - 1], "IN" | "TO")
            && !cx.pos[s.start].starts_with("VB")
    };
    if a.source.as_ref().is_some_and(named) {
        return;
    }
    let mut sentence = cx.doc.sentences[cx.doc.sentence_of(a.cue.start)]
        .tokens
        .clone();
    sentence.start = after_dateline(cx, sentence.clone()).min(a.cue.start);
    let text = |i: usize| cx.doc.token_text(i);
    // The tagger may read a capitalized participle opening the sentence
    // ("Looking ahead to …,") as a proper noun.
    let participle = |i: usize| {
        cx.pos[i] == "VBG" || (i == sentence.start && text(i).len() > 5 && text(i).ends_with("ing"))
    };
    let Some(verb) = a
        .cue
        .clone()
        .find(|&i| cx.pos[i].starts_with("VB") || participle(i))
    else {
        return;
    };
    if !participle(verb) || a.cue.clone().any(|i| cx.quotes.is_quoted(i)) {
        return;
    }
    let lower = |i: usize| text(i).to_lowercase();
    let claimed = |i: usize| claimed(cx, &a.cue, &a.content, i);
    let finite = |i: usize| super::finite_verb_tag(cx.pos[i]);
    let adverb = |i: usize| matches!(cx.pos[i], "RB" | "RBR" | "RBS");
    let head_tag = |i: usize| cx.pos[i].starts_with("NN") || cx.pos[i] == "PRP";
    let in_phrase = |i: usize| {
        !claimed(i)
            && cx.doc.tokens[i].kind != TokenKind::Punct
            && (noun_phrase_tag(cx.pos[i]) || cx.pos[i] == "PRP")
    };
    let lead = a.cue.start - sentence.start;
    // "After saying …,", "But while …", "Instead of …", "One month after …":
    // a preposition or subordinator right before the cue, no verb before it.
    let short_lead = (1..=4).contains(&lead)
        && matches!(cx.pos[a.cue.start - 1], "IN")
        && (sentence.start..a.cue.start).all(|i| {
            cx.doc.tokens[i].kind == TokenKind::Word
                && !cx.pos[i].starts_with("VB")
                && cx.pos[i] != "MD"
        });
    let fronted = lead == 0 || short_lead;
    let subject = if fronted {
        // The noun phrase after the comma closing the participle clause,
        // which may close a quote the content ends with (`the "phony
        // system," Trump accused`).
        let comma = (a.cue.end..sentence.end).find(|&i| text(i) == ",");
        let Some(comma) = comma else { return };
        let mut start = comma + 1;
        if start < sentence.end && cx.doc.tokens[start].kind == TokenKind::QuoteMark {
            start += 1;
        }
        let mut stop = start;
        while stop < sentence.end && stop < start + 8 && in_phrase(stop) {
            stop += 1;
        }
        let mut verb_at = stop;
        while verb_at < sentence.end && adverb(verb_at) {
            verb_at += 1;
        }
        (stop > start && verb_at < sentence.end && finite(verb_at)).then_some(start..stop)
    } else {
        // A trailing participle: after a comma, "while", "when" or a
        // preposition ("charged him after determining …", "before
        // explaining …"), with the subject's verb earlier in the sentence.
        let before = a.cue.start.checked_sub(1).filter(|&b| b >= sentence.start);
        let trailing = before.is_some_and(|b| {
            text(b) == "," || matches!(lower(b).as_str(), "while" | "when") || cx.pos[b] == "IN"
        });
        if !trailing {
            return;
        }
        // "X said …, adding …": the source of the attribution before it in
        // the sentence, when that names someone.
        if let Some(src) = earlier.filter(named) {
            a.source = Some(src);
            return;
        }
        // Past an opening adverbial or subordinate clause ("In 1986,",
        // "When Clinton noted …,", "Yet even as …,") to the main clause.
        let opens_clause = (sentence.start..a.cue.start.min(sentence.start + 3))
            .any(|i| matches!(cx.pos[i], "IN" | "WRB"));
        let from = if opens_clause {
            match (sentence.start..a.cue.start).find(|&i| text(i) == ",") {
                Some(comma) => comma + 1,
                None => return,
            }
        } else {
            sentence.start
        };
        // A dash or parenthesis pair sets off an aside ("Mrs. Clinton --
        // whose husband signed the act -- has derided …").
        let dash = |i: usize| crate::extract::is_dash(text(i)) || matches!(text(i), "(" | ")");
        let aside = |i: usize| (from..i).filter(|&k| dash(k)).count() % 2 == 1;
        let relative = |i: usize| {
            i > sentence.start && matches!(lower(i - 1).as_str(), "who" | "which" | "that")
        };
        let Some(verb_at) = (from..a.cue.start)
            .find(|&i| finite(i) && !cx.quotes.is_quoted(i) && !relative(i) && !aside(i))
        else {
            return;
        };
        let mut end = verb_at;
        while end > from && adverb(end - 1) {
            end -= 1;
        }
        if end > from && dash(end - 1) {
            let Some(open) = (from..end - 1).rev().find(|&k| dash(k)) else {
                return;
            };
            end = open;
        }
        let mut start = end;
        while start > from && end - start < 8 && in_phrase(start - 1) {
            start -= 1;
        }
        // "Small groups | of | protesters continued": an "of" phrase
        // inside the subject.
        if start >= from + 2 && lower(start - 1) == "of" && in_phrase(start - 2) {
            start -= 1;
            while start > from && end - start < 8 && in_phrase(start - 1) {
                start -= 1;
            }
        }
        (start < end).then_some(start..end)
    };
    // A time phrase before the verb ("… on Thursday night largely
    // abandoned") is no subject.
    let time = |i: usize| time_word(text(i));
    if let Some(s) = subject.filter(|s| s.clone().any(head_tag) && !s.clone().any(time)) {
        a.source = Some(s);
    }
}

/// "Hillary Clinton slammed Barack Obama … and | bragged about | her
/// father …": a finite cue verb coordinated with an earlier cue of its
/// sentence, left without a source, shares that cue's subject.
pub(in crate::learned) fn coordinated_verb_subject(
    cx: &Context<'_>,
    a: &mut TokenAttribution,
    earlier: Option<std::ops::Range<usize>>,
) {
    if a.source.is_some() || a.cue.is_empty() {
        return;
    }
    // The cue's verb, past adverbs the cue holds ("reportedly argued").
    let adverb = |i: usize| matches!(cx.pos[i], "RB" | "RBR");
    let Some(verb) = a.cue.clone().find(|&i| !adverb(i)) else {
        return;
    };
    // A participle shares the source of the cue it is coordinated with
    // ("calling him a 'stiff' and | accusing | him …"), a finite verb also
    // the subject of a verb that is no cue.
    let participle = cx.pos[verb] == "VBG";
    if !super::finite_verb_tag(cx.pos[verb]) && !participle {
        return;
    }
    // "and", "but", "or", possibly with an adverb between ("and then").
    let mut before = a.cue.start;
    while before > 0 && matches!(cx.pos[before - 1], "RB" | "RBR") {
        before -= 1;
    }
    if before == 0 || cx.pos[before - 1] != "CC" {
        return;
    }
    let conjunction = before - 1;
    let subject = if participle {
        earlier
    } else {
        earlier.or_else(|| first_conjunct_subject(cx, conjunction))
    };
    match subject {
        Some(earlier) if earlier.end <= conjunction => a.source = Some(earlier),
        _ => {}
    }
}

/// The subject of the verb coordinated with the one after `conjunction`
/// when no attribution holds it: "he | laid off | 200 staffers and began
/// talking about …". The nearest finite verb before the conjunction in its
/// sentence, with no clause opener ("that", "who", a comma) between, whose
/// subject — a pronoun or a short noun phrase, adverbs aside — opens the
/// sentence or follows a comma or a conjunction.
fn first_conjunct_subject(cx: &Context<'_>, conjunction: usize) -> Option<std::ops::Range<usize>> {
    let sentence = &cx.doc.sentences[cx.doc.sentence_of(conjunction)];
    let start = sentence.tokens.start;
    let opener = |i: usize| {
        matches!(cx.pos[i], "WDT" | "WP" | "," | ":" | "CC")
            || (cx.pos[i] == "IN" && cx.doc.token_text(i).eq_ignore_ascii_case("that"))
            || cx.quotes.is_quoted(i)
    };
    let verb = (start..conjunction)
        .rev()
        .take_while(|&i| !opener(i))
        .find(|&i| super::finite_verb_tag(cx.pos[i]))?;
    let mut end = verb;
    while end > start && matches!(cx.pos[end - 1], "RB" | "RBR" | "MD") {
        end -= 1;
    }
    let mut first = end;
    while first > start
        && end - first < 6
        && (noun_phrase_tag(cx.pos[first - 1]) || cx.pos[first - 1] == "PRP")
    {
        first -= 1;
    }
    let opens = first == start || matches!(cx.pos[first - 1], "," | "CC");
    (first < end && opens && names_someone(cx, first..end)).then_some(first..end)
}

/// The agent of a passive cue is its speaker: "The meeting | was first
/// reported by | Politico", "Lazio | was quickly dismissed | by the media
/// and voters", "which | has been accused by | the Turkish government".
/// The noun phrase right after the cue's closing "by" (or the "by" right
/// after the cue) replaces the subject the tagger or the rules gave. The
/// cue must hold a past participle after a form of "be" (in the cue or
/// right before it) or open with one ("proposed by"): "said by phone" is
/// no passive.
pub(in crate::learned) fn passive_agent_source(cx: &Context<'_>, a: &mut TokenAttribution) {
    let n = cx.doc.tokens.len();
    if a.cue.is_empty() || a.cue.end >= n {
        return;
    }
    let by = |i: usize| cx.doc.token_text(i).eq_ignore_ascii_case("by");
    let after_by = if by(a.cue.end - 1) {
        a.cue.end
    } else if by(a.cue.end) {
        a.cue.end + 1
    } else {
        return;
    };
    let be = |i: usize| super::content::BE_FORMS.contains(&cx.words[i].word);
    // The cue's last participle ("been" of "has been accused" is one too).
    let Some(participle) = a.cue.clone().rev().find(|&i| cx.pos[i] == "VBN") else {
        return;
    };
    let mut k = a.cue.start;
    while k > 0 && cx.pos[k - 1].starts_with("RB") {
        k -= 1;
    }
    let passive =
        participle == a.cue.start || (a.cue.start..participle).any(be) || (k > 0 && be(k - 1));
    if !passive {
        return;
    }
    // The noun phrase: noun-phrase words, joined by "of" or "and".
    let nominal = |i: usize| noun_phrase_tag(cx.pos[i]) || cx.pos[i] == "PRP";
    let mut end = after_by;
    while end < n && !claimed(cx, &a.cue, &a.content, end) {
        let joiner = matches!(cx.doc.token_text(end), "of" | "and" | "&");
        if nominal(end) || (joiner && end > after_by && end + 1 < n && nominal(end + 1)) {
            end += 1;
        } else {
            break;
        }
    }
    if end == after_by || !names_someone(cx, after_by..end) {
        return;
    }
    a.source = Some(after_by..end);
}

/// The subject of a sourceless finite cue that a closed relative clause
/// separates from it: "Obama, | who has denounced the attack as …, |
/// reiterated | his frustration", "But the star journalist, who is
/// promoting his book, downplayed …". The cue follows a comma; the nearest
/// ", who"/", which" before it in the sentence opens the clause, and the
/// noun phrase before that comma (noun-phrase words, at most eight, with a
/// noun) opens the sentence or a clause.
pub(in crate::learned) fn subject_before_a_relative_clause(
    cx: &Context<'_>,
    a: &mut TokenAttribution,
) {
    if a.source.is_some() || a.cue.is_empty() {
        return;
    }
    let adverb = |i: usize| matches!(cx.pos[i], "RB" | "RBR");
    let Some(verb) = a.cue.clone().find(|&i| !adverb(i)) else {
        return;
    };
    if !super::finite_verb_tag(cx.pos[verb]) {
        return;
    }
    let mut before = a.cue.start;
    while before > 0 && adverb(before - 1) {
        before -= 1;
    }
    let sentence_start = cx.doc.sentences[cx.doc.sentence_of(a.cue.start)]
        .tokens
        .start;
    if before < sentence_start + 4 || cx.doc.token_text(before - 1) != "," {
        return;
    }
    let text = |i: usize| cx.doc.token_text(i);
    let content = |i: usize| a.content.iter().any(|c| c.contains(&i));
    // The clause's "who"/"which" right after a comma, no content between.
    let Some(relative) = (sentence_start + 1..before - 1)
        .rev()
        .take_while(|&i| !content(i))
        .find(|&i| {
            matches!(text(i).to_lowercase().as_str(), "who" | "which") && text(i - 1) == ","
        })
    else {
        return;
    };
    let comma = relative - 1;
    let mut start = comma;
    while start > sentence_start
        && comma - start < 8
        && noun_phrase_tag(cx.pos[start - 1])
        && !claimed(cx, &a.cue, &a.content, start - 1)
    {
        start -= 1;
    }
    let opens = start == sentence_start || matches!(cx.pos[start - 1], "," | "CC");
    if start < comma && opens && (start..comma).any(|i| cx.pos[i].starts_with("NN")) {
        a.source = Some(start..comma);
    }
}

/// A source right after a verb is that verb's object, not the cue's
/// subject: in "Surety companies that had insured | Patriot's obligations |
/// agreed", the speaker is the noun phrase the relative clause describes.
/// When a relative "that"/"who"/"which" stands before the source in its
/// sentence, after a noun phrase that opens the sentence or a clause, the
/// source runs from that noun phrase over the clause (PolNeAR's span).
pub(in crate::learned) fn source_is_an_object(cx: &Context<'_>, a: &mut TokenAttribution) {
    let Some(source) = a.source.clone() else {
        return;
    };
    if source.end > a.cue.start {
        return;
    }
    let sentence_start = cx.doc.sentences[cx.doc.sentence_of(source.start)]
        .tokens
        .start;
    if source.start < sentence_start + 3 || !cx.pos[source.start - 1].starts_with("VB") {
        return;
    }
    let text = |i: usize| cx.doc.token_text(i);
    let Some(relative) = (sentence_start + 1..source.start - 1).rev().find(|&i| {
        matches!(text(i).to_lowercase().as_str(), "that" | "who" | "which")
            && matches!(cx.pos[i], "WDT" | "WP" | "IN")
    }) else {
        return;
    };
    // The verb before the source belongs to the clause: no comma closes it
    // first ("X, the senator who …, has drawn | huge crowds").
    if (relative + 1..source.start).any(|i| claimed(cx, &a.cue, &a.content, i) || text(i) == ",") {
        return;
    }
    let mut start = relative;
    while start > sentence_start
        && relative - start < 8
        && noun_phrase_tag(cx.pos[start - 1])
        && !claimed(cx, &a.cue, &a.content, start - 1)
    {
        start -= 1;
    }
    let opens = start == sentence_start || matches!(cx.pos[start - 1], "," | "CC");
    if start < relative && opens && (start..relative).any(|i| cx.pos[i].starts_with("NN")) {
        a.source = Some(start..source.end);
    }
}

/// Whether a phrase is the place of a dateline ("WASHINGTON, Dec. 8 (UPI)
/// —", "LOS ANGELES (AP) —"): words in capitals opening their paragraph,
/// then a comma, a bracket or a dash. A place that files the story is no
/// speaker.
pub(in crate::learned) fn dateline_place(cx: &Context<'_>, r: std::ops::Range<usize>) -> bool {
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
    r.start == paragraph_start && !r.is_empty() && r.clone().all(capitals) && closed
}

/// Where the sentence holding `sentence` begins after a dateline the
/// segmenter left in it ("WASHINGTON, Dec. 8 (UPI) — In response …"):
/// right after the dateline's dash, else at its first token.
fn after_dateline(cx: &Context<'_>, sentence: std::ops::Range<usize>) -> usize {
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
    (place..sentence.end.min(place + DATELINE_TOKENS))
        .find(|&i| crate::text::is_dash(cx.doc.token_text(i)))
        .map_or(sentence.start, |dash| dash + 1)
}

/// Most tokens between a dateline's place and its dash (", Dec. 8 (UPI)").
const DATELINE_TOKENS: usize = 10;

/// Drops the source of a coordinated cue that lies inside the content of
/// the cue before it in its sentence (`earlier_content`), the cue itself
/// outside it: "Huckabee's campaign said | he hasn't accepted any new gigs
/// | … and suggested …" gave "suggested" a piece of what was said; the
/// coordinated verb's subject ([`coordinated_verb_subject`]) replaces it.
pub(in crate::learned) fn source_out_of_earlier_content(
    cx: &Context<'_>,
    a: &mut TokenAttribution,
    earlier_content: &[std::ops::Range<usize>],
) {
    let Some(source) = a.source.clone() else {
        return;
    };
    let mut first = a.cue.start;
    while first > 0 && matches!(cx.pos[first - 1], "RB" | "RBR") {
        first -= 1;
    }
    if first == 0 || cx.pos[first - 1] != "CC" {
        return;
    }
    let inside = |r: &std::ops::Range<usize>| {
        earlier_content
            .iter()
            .any(|c| c.start <= r.start && r.end <= c.end)
    };
    if inside(&source) && !inside(&a.cue) {
        a.source = None;
    }
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
    r.start >= cue.end && CIRCUMSTANCE.contains(&cx.doc.token_text(r.start).to_lowercase().as_str())
}

/// Prepositions that open a circumstance after a cue.
const CIRCUMSTANCE: &[&str] = &[
    "on", "in", "at", "during", "with", "over", "after", "before", "into", "through", "via",
];

/// The subject of a sourceless finite cue that an apposition or an aside
/// between commas separates from it, when that subject opens the
/// sentence (a conjunction may stand first): "But Guardian, | the first
/// Republican mayor elected in two decades, | stopped short of …", "Bush,
/// however, | interjected". What stands between the commas holds no finite
/// verb, unless it is a relative clause ("Trump, whose views have upset
/// …, | proposed").
pub(in crate::learned) fn subject_before_an_apposition(cx: &Context<'_>, a: &mut TokenAttribution) {
    if a.source.is_some() || a.cue.is_empty() {
        return;
    }
    let Some(verb) = a
        .cue
        .clone()
        .take(4)
        .find(|&i| cx.pos[i].starts_with("VB") || cx.pos[i] == "MD")
    else {
        return;
    };
    if !super::finite_verb_tag(cx.pos[verb]) {
        return;
    }
    let mut before = a.cue.start;
    while before > 0 && matches!(cx.pos[before - 1], "RB" | "RBR") {
        before -= 1;
    }
    let sentence_start = cx.doc.sentences[cx.doc.sentence_of(a.cue.start)]
        .tokens
        .start;
    let text = |i: usize| cx.doc.token_text(i);
    if before <= sentence_start || text(before - 1) != "," {
        return;
    }
    let mut start = sentence_start;
    if cx.pos[start] == "CC" {
        start += 1;
    }
    let mut end = start;
    while end < before && end - start < 6 && noun_phrase_tag(cx.pos[end]) {
        end += 1;
    }
    if end == start
        || end >= before - 1
        || text(end) != ","
        || !(start..end).any(|i| cx.pos[i].starts_with("NN"))
        || (start..before).any(|i| claimed(cx, &a.cue, &a.content, i))
    {
        return;
    }
    let aside = end + 1..before - 1;
    let relative = matches!(
        text(aside.start).to_lowercase().as_str(),
        "who" | "whose" | "which"
    );
    if !relative && aside.clone().any(|i| super::finite_verb_tag(cx.pos[i])) {
        return;
    }
    a.source = Some(start..end);
}

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
    let word = |i: usize| cx.doc.token_text(i).to_lowercase();
    // The receiving verb: the cue's first word, or the word before the
    // cue's noun, past determiners and adjectives.
    let receiving = |i: usize| RECEIVING.contains(&word(i).as_str());
    let noun_cue = cx.pos[a.cue.start].starts_with("NN") || cx.pos[a.cue.start] == "JJ";
    let mut k = a.cue.start;
    while k > source.end && matches!(cx.pos[k - 1], "DT" | "JJ" | "JJR" | "RB") {
        k -= 1;
    }
    let verb_before = noun_cue && k > source.end && receiving(k - 1);
    let verb_in_cue = a
        .cue
        .clone()
        .find(|&i| cx.pos[i].starts_with("VB"))
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
        super::content::BE_FORMS.contains(&cx.words[i].word)
            || matches!(cx.doc.token_text(i), "'s" | "’s")
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
