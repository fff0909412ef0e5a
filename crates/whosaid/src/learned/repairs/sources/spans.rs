//! Where a source begins and ends: one the cue swallowed ("An architect
//! said"), one cut inside its name, noun phrase or conjunction, one that is
//! only a relative pronoun or the object of its head's preposition, and one
//! that holds half a quotation, runs over a sentence end or ends in a
//! preposition.

use super::names_someone;
use crate::entities::{self, trim_to_words};
use crate::extract::TokenAttribution;
use crate::learned::repairs::{claimed, noun_phrase_tag, time_phrase_word, time_word};
use crate::learned::Context;
use crate::text::TokenKind;

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

/// Gives back a speaker the content swallowed after its quotation:
/// '“… for adjudication,” Amy Pope, deputy homeland security advisor, |
/// said' read as one content running up to the cue ('… in disgrace!" the
/// presumptive GOP nominee, Donald Trump, | tweeted' alike). The words
/// between the quotation's closing mark and the cue, opening with a name,
/// a pronoun or a determiner and with no verb among them, are the
/// speaker's phrase (name and apposition), never what was said; the
/// content ends with the quotation.
pub(in crate::learned) fn speaker_after_the_quotation(cx: &Context<'_>, a: &mut TokenAttribution) {
    if a.source.is_some() {
        return;
    }
    let Some(last) = a.content.last().cloned() else {
        return;
    };
    // Only punctuation between the content and its cue.
    if last.end > a.cue.start
        || !(last.end..a.cue.start).all(|i| cx.doc.tokens[i].kind == TokenKind::Punct)
    {
        return;
    }
    let first = a.content[0].start;
    // The last closing mark in the content, of a quotation opened in it.
    let Some(close) = last.clone().rev().find(|&i| {
        cx.quotes
            .quote_of_mark(i)
            .is_some_and(|q| q.close == i && q.open >= first)
    }) else {
        return;
    };
    let tail = trim_to_words(cx.doc, close + 1..last.end);
    let opens_a_name = |i: usize| {
        matches!(cx.pos[i], "PRP" | "DT")
            || cx.doc.token_text(i).starts_with(|c: char| c.is_uppercase())
    };
    if tail.is_empty()
        || !opens_a_name(tail.start)
        || tail
            .clone()
            .any(|i| cx.pos[i].starts_with("VB") || cx.pos[i] == "MD")
        || !names_someone(cx, tail.clone())
    {
        return;
    }
    if let Some(run) = a.content.last_mut() {
        run.end = close + 1;
    }
    a.source = Some(tail);
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

/// Cuts a source at the sentence end it runs over: the tagger labels whole
/// paragraphs, and '“…,” said Diane Swonk, chief economist at KPMG. |
/// Others, including …' read the next sentence's subject as more of the
/// speaker's apposition. The part in the sentence nearest the cue stays,
/// without the punctuation at the cut; a part that names no one is none.
pub(in crate::learned) fn source_within_its_sentence(cx: &Context<'_>, a: &mut TokenAttribution) {
    let Some(source) = a.source.clone() else {
        return;
    };
    let first = cx.doc.sentence_of(source.start);
    if source.is_empty() || cx.doc.sentence_of(source.end - 1) == first {
        return;
    }
    let cue_sentence = cx.doc.sentence_of(a.cue.start);
    let kept_sentence = if cue_sentence <= first {
        first
    } else {
        cx.doc.sentence_of(source.end - 1).min(cue_sentence)
    };
    let sentence = &cx.doc.sentences[kept_sentence].tokens;
    let mut kept = trim_to_words(
        cx.doc,
        source.start.max(sentence.start)..source.end.min(sentence.end),
    );
    // A quotation the kept part opens keeps its closing mark ("his book
    // ''The Art of the Deal.'' | Mr. Trump").
    if let Some(q) = kept
        .end
        .checked_sub(1)
        .and_then(|last| cx.quotes.outer_quote(last))
    {
        if q.open >= kept.start && q.close < sentence.end {
            kept.end = kept.end.max(q.close + 1);
        }
    }
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

/// Cuts a source that runs on into its own clause's verb and object down
/// to the subject: "after | the drugmaker cut its full-year revenue |
/// forecast, citing …" (the participle's subject is "the drugmaker"). A
/// finite verb right after a noun inside a source ends the noun phrase
/// that speaks; not inside an aside ("Sanders, whose candidacy … was
/// founded on …", "the official who as a captain was …").
pub(in crate::learned) fn source_before_its_own_verb(cx: &Context<'_>, a: &mut TokenAttribution) {
    let Some(source) = a.source.clone() else {
        return;
    };
    // Not a participle the tagger read as a past tense ("Passengers
    // stranded in Atlanta") nor a title it read as a verb ("Rovers
    // captain Lewis Travis"): a preposition or a name follows those.
    let verb = (source.start + 1..source.end).find(|&k| {
        matches!(cx.pos[k], "VBD" | "VBZ" | "VBP")
            && cx.pos[k - 1].starts_with("NN")
            && cx.doc.token_text(k).starts_with(char::is_lowercase)
            && !cx
                .pos
                .get(k + 1)
                .is_some_and(|p| matches!(*p, "IN" | "TO" | "NNP" | "NNPS"))
    });
    // A clause set off by a comma or opened by "who", "whose" or "which"
    // is the source's own aside: its verb ends no phrase.
    let aside = |k: usize| {
        (source.start..k)
            .any(|i| cx.doc.token_is(i, ",") || matches!(cx.pos[i], "WP" | "WP$" | "WDT"))
    };
    if let Some(k) = verb.filter(|&k| !aside(k)) {
        if names_someone(cx, source.start..k) {
            a.source = Some(source.start..k);
        }
    }
}

/// Cuts a source made of two noun phrases side by side down to the one
/// before the cue: "a move | his office | called …" (", a move his office
/// called historic": a relative clause without "that", whose subject is
/// the speaker; "a move analysts said would tighten supply"). A common
/// noun followed by a determiner or possessive pronoun opens a second
/// phrase; the last one is the cue's subject, when it names no one by name
/// and the source holds no clause.
pub(in crate::learned) fn source_after_a_bare_relative(cx: &Context<'_>, a: &mut TokenAttribution) {
    let Some(source) = a.source.clone() else {
        return;
    };
    if source.end != a.cue.start {
        return;
    }
    // A content that opens on its verb lacks its subject: the phrase
    // before the source is it, and a bare plural after a singular noun
    // opens the speaker ("a move | analysts | said would tighten supply").
    let gap = a.content.first().is_some_and(|c| {
        c.start == a.cue.end && matches!(cx.pos[c.start], "MD" | "VBD" | "VBZ" | "VBP")
    });
    // The relative word itself opening the source is no part of the
    // subject after it ("a strike | that company executives | said could
    // …").
    if gap && source.len() > 1 && matches!(cx.doc.lower(source.start), "that" | "which") {
        a.source = Some(source.start + 1..source.end);
        return;
    }
    let article = matches!(cx.doc.lower(source.start), "a" | "an" | "the");
    let opens = |i: usize| {
        matches!(cx.pos[i - 1], "NN" | "NNS")
            && (cx.pos[i] == "PRP$"
                || matches!(cx.doc.lower(i), "the" | "a" | "an")
                || (gap && article && cx.pos[i - 1] == "NN" && cx.pos[i] == "NNS"))
    };
    // A clause inside the source ("Graham, who helped author the report,")
    // or a name after a title ("spokesman the Rev. Federico Lombardi", "the
    // organization the Anti-Defamation League") is no second phrase.
    let clause = source
        .clone()
        .any(|i| cx.pos[i].starts_with("VB") || cx.doc.token_is(i, ","));
    let Some(second) = (source.start + 1..source.end).rev().find(|&i| opens(i)) else {
        return;
    };
    let named = (second..source.end).any(|i| cx.pos[i].starts_with("NNP"));
    if !clause && !named && names_someone(cx, second..source.end) {
        a.source = Some(second..source.end);
    }
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
    // A name's own "and" or "of" between proper nouns ("The Food and |
    // Drug Administration", "The Department of Health and | Social Care").
    let joiner = |i: usize| {
        i > sentence.start
            && matches!(cx.doc.token_text(i), "and" | "&" | "of")
            && proper(i - 1)
            && proper(i + 1)
            && !claimed(i - 1)
    };
    if proper(source.start) {
        let mut start = source.start;
        while start > sentence.start
            && (proper(start - 1) || joiner(start - 1))
            && !claimed(start - 1)
        {
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
    name_opening_its_clause(cx, a, sentence.start);
}

/// A name with a lowercase "to", "the" or "for" inside, opening its
/// sentence or a clause after a comma, "and" or a semicolon ("Ohio Right
/// to | Life called it …", "Save | the Children warned …"): the tagger
/// cut it at the small word. The source takes the words back to the
/// clause's start when all of them are capitalized nouns, or the verb or
/// adjective a name opens with ("Save"), and such small words; not a
/// conjunction's or a frame's ("While the State Department", "According
/// to Smith").
fn name_opening_its_clause(cx: &Context<'_>, a: &mut TokenAttribution, sentence_start: usize) {
    let Some(source) = a.source.clone().filter(|s| s.start < s.end) else {
        return;
    };
    let small = |i: usize| entities::is_small_name_word(cx.doc.token_text(i));
    let capitalized = |i: usize| {
        cx.doc.tokens[i].kind == TokenKind::Word
            && cx.doc.is_capitalized(i)
            && entities::may_be_a_name_word(cx.pos[i])
    };
    // The name's first capitalized word after the source's own "the".
    let first = if small(source.start) {
        source.start + 1
    } else {
        source.start
    };
    if first >= source.end || !capitalized(first) {
        return;
    }
    let mut start = source.start;
    let mut crossed = small(source.start);
    while start > sentence_start {
        let i = start - 1;
        if claimed(cx, &a.cue, &a.content, i) {
            return;
        }
        if capitalized(i) {
            start = i;
        } else if small(i) && i > sentence_start && capitalized(i - 1) {
            crossed = true;
            start = i;
        } else {
            break;
        }
    }
    // The name's own "The" opening the sentence ("The Centers for |
    // Disease Control and Prevention").
    if start == sentence_start + 1 && cx.doc.token_is(sentence_start, "The") {
        start = sentence_start;
    }
    let opens =
        start == sentence_start || matches!(cx.doc.token_text(start - 1), "," | ";" | "and");
    if crossed && opens && start < source.start {
        a.source = Some(start..source.end);
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
    let time = |i: usize| time_word(cx.doc, i) || text(i).eq_ignore_ascii_case("ago");
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

/// Widens a source that ends in a possessive over the noun phrase it
/// opens: "Elon Musk's | social media company X | sued …, accusing" named
/// Musk for his company. A possessive modifies a head that follows; the
/// source runs over the adjectives, nouns and numbers after it, up to a
/// token of the cue or content, when that head is one that speaks: a
/// name, people, an office or a body ("Bennett’s younger sister",
/// "Europe's mainstream political leaders"), not "Mr. Obama's eyes" or
/// "Sanders's strength", where the owner is meant.
pub(in crate::learned) fn source_past_its_possessive(cx: &Context<'_>, a: &mut TokenAttribution) {
    let Some(source) = a.source.as_mut().filter(|s| s.start < s.end) else {
        return;
    };
    if !(crate::entities::is_possessive(cx.doc.token_text(source.end - 1))
        || cx.pos[source.end - 1] == "POS")
    {
        return;
    }
    let sentence_end = cx.doc.sentences[cx.doc.sentence_of(source.start)]
        .tokens
        .end;
    let mut end = source.end;
    while end < sentence_end
        && cx.doc.tokens[end].kind == TokenKind::Word
        && matches!(
            cx.pos[end],
            "JJ" | "JJR" | "JJS" | "NN" | "NNS" | "NNP" | "NNPS" | "CD"
        )
        && !claimed(cx, &a.cue, &a.content, end)
    {
        end += 1;
    }
    // The phrase ends on its head noun.
    while end > source.end && !cx.pos[end - 1].starts_with("NN") {
        end -= 1;
    }
    if end == source.end {
        return;
    }
    let head = cx.doc.lower(end - 1);
    let speaks = matches!(cx.pos[end - 1], "NNP" | "NNPS")
        || cx.doc.is_capitalized(end - 1)
        || crate::entities::is_title_noun(head)
        || crate::entities::ends_like_people(head)
        || PEOPLE_BEFORE_PREPOSITION.contains(&head)
        || PEOPLE_AROUND_SOMEONE.contains(&head)
        || crate::resolve::is_body_noun(head);
    if speaks {
        source.end = end;
    }
}

/// Cuts an amount and what stands before it off a source: "a fraction of
/// the minimum $20 million | experts | say it costs", also when the
/// source starts after the currency sign (a reduced relative
/// clause: the experts say what the amount is). Money is no modifier of a
/// speaker: a source that is one noun phrase (no verb, no comma) ending
/// in plural nouns after the amount is those nouns. ("Executives for
/// Mondelez, which generated $30 billion …" and "a $160 billion
/// megamerger" stay.)
pub(in crate::learned) fn source_after_an_amount(cx: &Context<'_>, a: &mut TokenAttribution) {
    let Some(source) = a.source.as_mut() else {
        return;
    };
    let one_phrase = source
        .clone()
        .all(|i| !(cx.pos[i].starts_with("VB") || cx.pos[i] == "MD" || cx.doc.token_is(i, ",")));
    let ends_in_plural = source.end > source.start && cx.pos[source.end - 1] == "NNS";
    if !one_phrase || !ends_in_plural {
        return;
    }
    // The sign may stand right before the source, the tagger starting it
    // at the number ("the minimum $ | 20 million experts | say").
    let currency = |i: usize| matches!(cx.doc.token_text(i), "$" | "€" | "£" | "¥");
    let Some(sign) = source
        .clone()
        .rev()
        .find(|&i| currency(i))
        .or_else(|| source.start.checked_sub(1).filter(|&i| currency(i)))
    else {
        return;
    };
    let mut start = sign + 1;
    while start < source.end && cx.pos[start] == "CD" {
        start += 1;
    }
    if start < source.end && (start..source.end).all(|i| cx.pos[i].starts_with("NN")) {
        source.start = start;
    }
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
    let nominal = |i: usize| noun_phrase_tag(cx.pos[i]) || cx.doc.token_is(i, "of");
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
    if noun && reaches && !cx.doc.token_is(end - 1, "of") {
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

/// `Tom Becker, who owns a bakery on Main Street | that was hit twice, |
/// said …`: a relative clause on the source's last noun, closed by the
/// comma before the cue, is part of the source. The tagger read its
/// "that" as the start of what was said and gave the clause to the
/// content (all of it or only its "that"), or left it out of both.
pub(in crate::learned) fn relative_clause_into_the_source(
    cx: &Context<'_>,
    a: &mut TokenAttribution,
) {
    let Some(source) = a.source.clone().filter(|s| s.start < s.end) else {
        return;
    };
    let clause = source.end..a.cue.start.saturating_sub(1);
    let relative = clause.len() >= 2
        && clause.end < a.cue.start
        && cx.doc.token_is(clause.end, ",")
        && cx.pos[source.end - 1].starts_with("NN")
        && matches!(cx.pos[clause.start], "WDT" | "WP")
        && (cx.pos[clause.start + 1].starts_with("VB") || cx.pos[clause.start + 1] == "MD")
        && !clause.clone().any(|i| cx.quotes.is_quoted(i));
    // No content piece crosses the clause's edges: the pieces inside it
    // ("that", "that was hit twice") are the tagger's slip.
    let inside = |p: &std::ops::Range<usize>| p.start >= clause.start && p.end <= clause.end;
    let crosses =
        |p: &std::ops::Range<usize>| p.start < clause.end && clause.start < p.end && !inside(p);
    if !relative || a.content.iter().any(crosses) {
        return;
    }
    a.content.retain(|p| !inside(p));
    a.source = Some(source.start..clause.end);
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
            "to" | "of" | "for" | "at" | "on" | "from" | "with" | "in"
        )
    {
        return;
    }
    let mut prep = prep - 1;
    let claimed = |i: usize| claimed(cx, &a.cue, &a.content, i);
    // A lowercase common noun, or one opening the sentence.
    // (The tagger reads a capitalized plural opening a sentence as a
    // proper noun as often as not.)
    let opening = |i: usize| i == sentence_start && matches!(cx.pos[i], "NNP" | "NNPS");
    let noun = |i: usize| {
        (matches!(cx.pos[i], "NN" | "NNS") || opening(i))
            && (text(i).starts_with(char::is_lowercase) || i == sentence_start)
            && !claimed(i)
    };
    // Only a noun for people heads such a phrase ("advisers to", "a
    // spokesman for", "residents of"); "a review of records" is about the
    // records.
    let people = |i: usize| {
        let w = text(i).to_lowercase();
        ((matches!(cx.pos[i], "NNS" | "NNPS") || opening(i))
            && crate::entities::ends_like_people(&w))
            || PEOPLE_BEFORE_PREPOSITION.contains(&w.as_str())
    };
    // A participle may stand between the people and the preposition
    // ("Passengers stranded in | Atlanta |").
    if prep > sentence_start + 1
        && matches!(cx.pos[prep - 1], "VBN" | "VBD")
        && !claimed(prep - 1)
        && people(prep - 2)
        && noun(prep - 2)
    {
        prep -= 1;
    }
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

/// Nouns of kin and of the people around someone ("his sister", "Trump's
/// representatives"), who speak for themselves.
const PEOPLE_AROUND_SOMEONE: &[&str] = &[
    "wife",
    "husband",
    "son",
    "daughter",
    "mother",
    "father",
    "sister",
    "brother",
    "friend",
    "friends",
    "family",
    "allies",
    "team",
    "staff",
    "aides",
    "children",
    "parents",
    "officials",
    "representatives",
    "spokespeople",
    "associates",
    "colleagues",
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

/// Widens a source that is only the description set after a name ("Chase
/// Strangio, | a lawyer with the ACLU, which represents families, |
/// called"): the name opens the sentence, a comma and an indefinite
/// description follow it, and the description runs to the cue. The name
/// is the cue's subject (PolNeAR's source runs over both); the tagger,
/// seeing the relative clause, started the source after it.
pub(in crate::learned) fn source_with_its_apposed_name(cx: &Context<'_>, a: &mut TokenAttribution) {
    let Some(source) = a.source.as_mut() else {
        return;
    };
    let sentence_start = cx.doc.sentences[cx.doc.sentence_of(source.start)]
        .tokens
        .start;
    let text = |i: usize| cx.doc.token_text(i);
    let indefinite = matches!(text(source.start).to_lowercase().as_str(), "a" | "an");
    if !indefinite
        || source.end > a.cue.start
        || source.start < sentence_start + 2
        || text(source.start - 1) != ","
    {
        return;
    }
    let comma = source.start - 1;
    let name = sentence_start..comma;
    let named = name.len() <= MAX_APPOSED_NAME
        && name.clone().all(|i| {
            matches!(cx.pos[i], "NNP" | "NNPS")
                && text(i).starts_with(char::is_uppercase)
                && !claimed(cx, &a.cue, &a.content, i)
        });
    if named {
        source.start = sentence_start;
    }
}

/// Longest name, in tokens, that a description in apposition follows
/// ("Chase Strangio", "Mary Ann Van Dyke").
const MAX_APPOSED_NAME: usize = 4;

/// Cuts a time phrase set off by a comma at a source's end: "Jane Roe, |
/// last week | said", "The minister, Jane Roe, on Monday": when the
/// statement was made is the cue's circumstance, no part of who made it.
/// Only a phrase of time words, their modifiers and "on"/"in" after the
/// last comma, holding a time word.
pub(in crate::learned) fn source_without_a_trailing_time(
    cx: &Context<'_>,
    a: &mut TokenAttribution,
) {
    let Some(source) = a.source.clone() else {
        return;
    };
    let Some(comma) = (source.start + 1..source.end)
        .rev()
        .find(|&i| cx.doc.token_is(i, ","))
    else {
        return;
    };
    let tail = comma + 1..source.end;
    let part = |i: usize| time_phrase_word(cx, i);
    let time =
        !tail.is_empty() && tail.clone().all(part) && tail.clone().any(|i| time_word(cx.doc, i));
    if time && names_someone(cx, source.start..comma) {
        a.source = Some(source.start..comma);
    }
}

/// Gives the source back the title the tagger read as a first piece of
/// content: "The company's chief economist, | Jan Hatzius, | said the
/// labor market …" had the content "The company's chief economist" and
/// "the labor market …". The piece opens its sentence, ends in a title
/// noun right before the comma that opens the source, and holds no verb;
/// the source is a name set off by commas. The title is the name's
/// apposition, so the source runs over both.
pub(in crate::learned) fn source_with_its_title(cx: &Context<'_>, a: &mut TokenAttribution) {
    let Some(source) = a.source.as_mut() else {
        return;
    };
    if a.content.len() < 2 || source.start == 0 || !cx.doc.token_is(source.start - 1, ",") {
        return;
    }
    // A name set off by commas ("…, Jan Hatzius, said"), not a pronoun
    // inside the content ("A new campaign manager, he said, could …").
    let closed = cx.doc.token_is(source.end - 1, ",")
        || (source.end < cx.doc.tokens.len() && cx.doc.token_is(source.end, ","));
    if cx.pos[source.start] != "NNP" || !closed {
        return;
    }
    let comma = source.start - 1;
    let Some(k) = a.content.iter().position(|r| r.end == comma) else {
        return;
    };
    let piece = a.content[k].clone();
    let sentence_start = cx.doc.sentences[cx.doc.sentence_of(comma)].tokens.start;
    let titled = piece.len() <= MAX_TITLE_PIECE
        && piece.start == sentence_start
        && entities::is_title_noun(cx.doc.lower(piece.end - 1))
        && piece.clone().all(|i| {
            !(cx.pos[i].starts_with("VB") || cx.pos[i] == "MD")
                && cx.doc.tokens[i].kind != TokenKind::Punct
                && !cx.quotes.is_quoted(i)
        });
    if titled {
        source.start = piece.start;
        a.content.remove(k);
    }
}

/// Longest title, in tokens, that stands before a name in apposition
/// ("The company's senior vice president for global affairs").
const MAX_TITLE_PIECE: usize = 10;
