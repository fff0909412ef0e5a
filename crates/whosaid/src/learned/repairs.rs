//! Repairs of linked attributions where the tagger's reading and
//! PolNeAR's scheme part ways in a pattern a rule states exactly: a channel
//! or time phrase run into the content, the second half of a split quote
//! given to a participle, the subject of an agentless passive taken for
//! the source. Each pass is measured on dev and train (ARCHITECTURE.md).

use super::Context;
use crate::extract::TokenAttribution;
use crate::perceptron::{sym, syms};
use crate::text::TokenKind;

/// Extends a content that stops before the verb ending its sentence:
/// "said that the talks | failed." (the tagger, unsure whether "talks" is
/// the verb, may end the content there). A statement never leaves its
/// clause's verb group behind: when only verbs and adverbs, at least one
/// verb, stand between the content and the sentence's closing
/// punctuation, they join it.
pub(super) fn keep_the_trailing_verb(cx: &Context<'_>, a: &mut TokenAttribution) {
    let Some(last) = a.content.last_mut() else {
        return;
    };
    if last.start >= last.end || a.cue.start >= last.end || cx.quotes.is_quoted(last.end - 1) {
        return;
    }
    let sentence = &cx.doc.sentences[cx.doc.sentence_of(last.end - 1)];
    let mut end = sentence.tokens.end;
    while end > last.end && cx.doc.tokens[end - 1].kind == TokenKind::Punct {
        end -= 1;
    }
    let rest = last.end..end;
    let verb_group = !rest.is_empty()
        && rest.clone().all(|i| {
            cx.doc.tokens[i].kind == TokenKind::Word
                && (cx.pos[i].starts_with("VB") || cx.pos[i].starts_with("RB") || cx.pos[i] == "MD")
        })
        && rest.clone().any(|i| cx.pos[i].starts_with("VB"));
    if verb_group {
        last.end = end;
    }
}

/// Cuts a trailing circumstance off a content that is a noun phrase after
/// its cue: "attacked Machado | in early-morning tweets", "said as much |
/// in an interview earlier Thursday", "endorsed Trump | during a speech".
/// Where and when something was said frame the statement (the channel and
/// time resolution read them there); they are not what was said. Only a
/// phrase that names a channel or a time is cut: "a request from Democrats
/// in Ohio" keeps its place, and a clause ("that the economy grew in May")
/// keeps its adverbials.
pub(super) fn trim_circumstance(cx: &Context<'_>, a: &mut TokenAttribution) {
    let [run] = a.content.as_mut_slice() else {
        return;
    };
    if run.start < a.cue.end || run.start - a.cue.end > 2 || cx.quotes.is_quoted(run.start) {
        return;
    }
    let noun_phrase = |i: usize| {
        matches!(
            cx.pos[i],
            "DT" | "PRP$"
                | "PRP"
                | "JJ"
                | "JJR"
                | "JJS"
                | "NN"
                | "NNS"
                | "NNP"
                | "NNPS"
                | "CD"
                | "POS"
        ) || AS_MUCH.contains(&cx.words[i].word)
    };
    let Some(prep) = (run.start..run.end).find(|&i| !noun_phrase(i)) else {
        return;
    };
    if prep == run.start
        || cx.pos[prep] != "IN"
        || !CIRCUMSTANCE_PREPOSITIONS.contains(&cx.words[prep].word)
    {
        return;
    }
    // The circumstance runs to the content's end: a quotation or a verb
    // after it ("called his remarks on Saturday “a wake-up call”") means
    // the phrase sits inside what was said.
    let rest = prep + 1..run.end;
    let plain = rest.len() <= MAX_CIRCUMSTANCE
        && rest.clone().all(|i| {
            !cx.quotes.is_quoted(i)
                && cx.doc.tokens[i].kind != TokenKind::QuoteMark
                && !cx.pos[i].starts_with("VB")
        });
    let frames = rest
        .take_while(|&i| cx.doc.tokens[i].kind != TokenKind::Punct)
        .any(|i| CIRCUMSTANCE_NOUNS.contains(&cx.words[i].word));
    if plain && frames {
        run.end = prep;
    }
}

/// Longest circumstance cut off a content, in tokens after its preposition.
const MAX_CIRCUMSTANCE: usize = 10;

/// `“A,” X said, referring to Y, “B.”`: the second half of a split quote
/// belongs to the cue that took the first half, not to the participle
/// between them, which keeps its own object ("referring | to Y"). The
/// tagger links a content to its nearest cue, so B goes to the participle;
/// this moves it back to an attribution of the same sentence whose quoted
/// content ends before its cue (`“A,” X said`). A participle whose content
/// is only the quotation introduces it (`adding, “B”`) and keeps it.
pub(super) fn rejoin_split_quotes(cx: &Context<'_>, found: &mut [TokenAttribution]) {
    for p in 0..found.len() {
        let cue = found[p].cue.clone();
        let participle =
            cx.pos[cue.start] == "VBG" && cue.start > 0 && cx.doc.token_text(cue.start - 1) == ",";
        if !participle {
            continue;
        }
        let sentence = cx.doc.sentence_of(cue.start);
        // The attribution whose quoted content closes before its cue, in
        // this sentence, before the participle.
        let Some(host) = (0..found.len()).find(|&h| {
            let a = &found[h];
            h != p
                && a.cue.end <= cue.start
                && cx.doc.sentence_of(a.cue.start) == sentence
                && a.content.iter().any(|r| {
                    r.end <= a.cue.start
                        && cx.doc.tokens[r.end - 1].kind == TokenKind::QuoteMark
                        && cx.quotes.quote_of_mark(r.end - 1).is_some()
                })
        }) else {
            continue;
        };
        // Second halves: runs of the participle's content from a comma
        // and an opening quotation mark after the cue, to the run's end.
        let mut halves = Vec::new();
        let mut kept = found[p].content.clone();
        for r in &mut kept {
            if r.start < cue.end {
                continue;
            }
            let open = (r.start..r.end).find(|&i| {
                cx.doc.tokens[i].kind == TokenKind::QuoteMark
                    && cx
                        .quotes
                        .quote_of_mark(i)
                        .is_some_and(|q| q.open == i && q.close < r.end)
                    && (i == r.start || cx.doc.token_text(i - 1) == ",")
            });
            if let Some(open) = open {
                halves.push(open..r.end);
                r.end = if open > r.start && cx.doc.token_text(open - 1) == "," {
                    open - 1
                } else {
                    open
                };
            }
        }
        kept.retain(|r| !r.is_empty());
        // A participle whose whole content is the quotation introduces it
        // (`“A,” X said, adding, “B.”`): B is its own.
        if halves.is_empty() || kept.is_empty() {
            continue;
        }
        found[p].content = kept;
        found[host].content.extend(halves);
        found[host].content.sort_by_key(|r| r.start);
    }
}

/// Gives back a source the cue swallowed: a cue without a source that
/// opens with a noun phrase before its verb ("An architect said", "The
/// agency reported") is the source and the verb. Only determiners,
/// adjectives, nouns, numbers and possessives stand before the verb.
pub(super) fn source_out_of_the_cue(cx: &Context<'_>, a: &mut TokenAttribution) {
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

/// Widens a source that starts or ends inside a run of proper nouns:
/// "The Tax Policy | Center | plans to release …" read as the source
/// "Center". A name is one unit; the tagger's boundary inside it is a slip,
/// and the speaker would be a fragment ("Center"). The source takes the
/// whole run, with a determiner before it ("The Tax Policy Center"), but
/// never a token of the cue or the content, nor one across the sentence.
pub(super) fn whole_name_source(cx: &Context<'_>, a: &mut TokenAttribution) {
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
pub(super) fn whole_noun_phrase_source(cx: &Context<'_>, a: &mut TokenAttribution) {
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
    let time = |i: usize| {
        let w = crate::entities::strip_possessive(text(i)).to_lowercase();
        crate::when::is_calendar_word(&w)
            || crate::when::TIME_NOUNS.contains(&w.as_str())
            || w == "ago"
    };
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
pub(super) fn source_with_its_conjunct(cx: &Context<'_>, a: &mut TokenAttribution) {
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

/// Widens a source that is only the object of a preposition after a noun
/// for people: "regulators and advisers to | Patriot | didn't know",
/// "experts on | North Korea | say". The noun before the preposition heads
/// the phrase that speaks; the name only completes it. The widened source runs from
/// the start of that noun phrase (nouns joined by "and" included).
pub(super) fn source_with_its_head(cx: &Context<'_>, a: &mut TokenAttribution) {
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

/// Whether token `i` belongs to the attribution's cue or content, or to a
/// quotation: a source never widens over it.
fn claimed(
    cx: &Context<'_>,
    cue: &std::ops::Range<usize>,
    content: &[std::ops::Range<usize>],
    i: usize,
) -> bool {
    cue.contains(&i) || content.iter().any(|c| c.contains(&i)) || cx.quotes.is_quoted(i)
}

/// Whether a POS tag can stand inside a noun phrase: determiners,
/// possessives, adjectives, nouns and numbers.
fn noun_phrase_tag(tag: &str) -> bool {
    matches!(
        tag,
        "DT" | "PRP$" | "JJ" | "JJR" | "JJS" | "NN" | "NNS" | "NNP" | "NNPS" | "CD" | "POS"
    )
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

/// A passive cue without its agent ("He has been harshly criticized for
/// policies …", "Peacekeepers have been blamed for …"): whoever criticized
/// is not named, and the grammatical subject is what the statement is
/// about, part of its content (PolNeAR's reading), not its source. "X was
/// quoted as saying" keeps X, "… by X" names the agent, and a state of
/// mind ("X are convinced that", "X were frustrated") is X's own.
pub(super) fn passive_subject_to_content(cx: &Context<'_>, a: &mut TokenAttribution) {
    let Some(source) = a.source.clone() else {
        return;
    };
    if source.end > a.cue.start {
        return;
    }
    let cue = a.cue.clone();
    // A form of "be", adverbs, then a past participle: "has been (harshly)
    // criticized", "were rated".
    let passive = cue.clone().any(|i| {
        BE_FORMS.contains(&cx.words[i].word)
            && (i + 1..cue.end)
                .find(|&j| !cx.pos[j].starts_with("RB"))
                .is_some_and(|j| {
                    let participle = cx.doc.token_text(j);
                    cx.pos[j] == "VBN"
                        && participle.ends_with(['d', 'n', 't'])
                        && !QUOTED.contains(&cx.words[j].word)
                        && !STATES_OF_MIND.contains(&cx.words[j].word)
                })
    });
    let agent = cx.words[cue.end - 1].word == BY;
    if !passive || agent {
        return;
    }
    a.source = None;
    a.content.insert(0, source);
}

/// "admit X as a member", "admitted Sweden into NATO": letting in, not
/// conceding. The cue ends in a form of "admit" and its unquoted content
/// is an object followed, within a few words, by "as" or "into" (a
/// concession is a clause or a fact: "admitted that …", "admits the
/// mistake").
pub(super) fn admits_entry(cx: &Context<'_>, a: &TokenAttribution) -> bool {
    if a.cue.is_empty() || !ADMIT.contains(&cx.words[a.cue.end - 1].word) {
        return false;
    }
    let Some(first) = a.content.first() else {
        return false;
    };
    if cx.quotes.is_quoted(first.start) || cx.pos[first.start] == "IN" {
        return false;
    }
    let object = first.start + 1..(first.start + 1 + ENTRY_WINDOW).min(first.end);
    object.clone().any(|i| ENTRY.contains(&cx.words[i].word))
}

/// How many words after an object's first may hold its "as"/"into".
const ENTRY_WINDOW: usize = 4;
/// Forms of "admit".
const ADMIT: [u64; 4] = syms(["admit", "admits", "admitted", "admitting"]);
/// Prepositions of letting in ("as a member", "into the alliance").
const ENTRY: [u64; 2] = syms(["as", "into"]);

/// Prepositions that open where or when a statement was made.
const CIRCUMSTANCE_PREPOSITIONS: [u64; 5] = syms(["in", "during", "at", "on", "before"]);
/// Nouns of a channel or a time, which make a trailing phrase a
/// circumstance of the statement.
const CIRCUMSTANCE_NOUNS: [u64; 52] = syms([
    "interview",
    "interviews",
    "tweet",
    "tweets",
    "email",
    "emails",
    "e-mail",
    "statement",
    "statements",
    "speech",
    "speeches",
    "rally",
    "remarks",
    "address",
    "letter",
    "testimony",
    "hearing",
    "conference",
    "briefing",
    "ruling",
    "post",
    "posts",
    "video",
    "op-ed",
    "column",
    "diatribe",
    "broadcast",
    "appearance",
    "debate",
    "forum",
    "memo",
    "filing",
    "morning",
    "afternoon",
    "evening",
    "night",
    "week",
    "month",
    "year",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "yesterday",
    "earlier",
    "time",
    "program",
    "show",
]);
/// Forms of "be" that make a passive with a past participle.
const BE_FORMS: [u64; 7] = syms(["is", "are", "was", "were", "been", "being", "be"]);
/// Passives that name their speaker as subject ("was quoted as saying").
const QUOTED: [u64; 2] = syms(["quoted", "cited"]);
const BY: u64 = sym("by");
/// Participles of a state of mind, whose subject holds the view ("are
/// convinced that", "were frustrated"): that subject is the source.
const STATES_OF_MIND: [u64; 24] = syms([
    "convinced",
    "frustrated",
    "incensed",
    "worried",
    "concerned",
    "pleased",
    "disappointed",
    "surprised",
    "determined",
    "committed",
    "prepared",
    "alarmed",
    "outraged",
    "angered",
    "troubled",
    "satisfied",
    "excited",
    "divided",
    "split",
    "persuaded",
    "resigned",
    "dismayed",
    "unconvinced",
    "unimpressed",
]);
/// "as much" ("said as much in an interview").
const AS_MUCH: [u64; 2] = syms(["as", "much"]);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::RuleConfig;
    use crate::lexicon::Lexicon;
    use crate::pos::PosTagger;
    use crate::text::Document;

    /// `f` of `text`'s document and its context with the shipped POS
    /// tagger, lexicon and rules.
    fn in_context<T>(text: &str, f: impl FnOnce(&Document, &Context<'_>) -> T) -> T {
        let doc = Document::new(text);
        let tagger = PosTagger::builtin();
        let cx = Context::new(
            &doc,
            &tagger,
            None,
            &Lexicon::builtin(),
            &RuleConfig::default(),
        );
        f(&doc, &cx)
    }

    /// One attribution given as token ranges.
    fn attribution(
        source: Option<std::ops::Range<usize>>,
        cue: std::ops::Range<usize>,
        content: std::ops::Range<usize>,
    ) -> TokenAttribution {
        TokenAttribution {
            source,
            cue,
            content: std::iter::once(content).collect(),
        }
    }

    /// Applies a repair pass to one attribution given as token ranges, in
    /// the shipped POS tagger's context: its (source, content) texts after.
    fn repaired(
        text: &str,
        source: Option<std::ops::Range<usize>>,
        cue: std::ops::Range<usize>,
        content: std::ops::Range<usize>,
        pass: fn(&Context<'_>, &mut TokenAttribution),
    ) -> (Option<String>, Vec<String>) {
        let mut a = attribution(source, cue, content);
        in_context(text, |doc, cx| {
            pass(cx, &mut a);
            let span = |r: &std::ops::Range<usize>| {
                text[doc.tokens[r.start].start..doc.tokens[r.end - 1].end].to_string()
            };
            (
                a.source.as_ref().map(span),
                a.content.iter().map(span).collect(),
            )
        })
    }

    /// The content left by `trim_circumstance`.
    fn trimmed(text: &str, cue: std::ops::Range<usize>, content: std::ops::Range<usize>) -> String {
        repaired(text, None, cue, content, trim_circumstance)
            .1
            .concat()
    }

    #[test]
    fn where_and_when_a_statement_was_made_are_not_its_content() {
        // Head(0) .(1) Jane(2) Roe(3) said(4) as(5) much(6) in(7) an(8)
        // interview(9) on(10) Thursday(11) .(12)
        let text = "Head.\n\nJane Roe said as much in an interview on Thursday.";
        assert_eq!(trimmed(text, 4..5, 5..12), "as much");
        let text = "Head.\n\nJane Roe attacked the mayor in early-morning tweets.";
        assert_eq!(trimmed(text, 4..5, 5..11), "the mayor");
    }

    #[test]
    fn a_clause_or_a_place_keeps_its_phrase() {
        // A clause keeps its adverbials.
        let text = "Head.\n\nJane Roe said that the economy grew in the week before.";
        assert_eq!(
            trimmed(text, 4..5, 5..13),
            "that the economy grew in the week before"
        );
        // A place is not a circumstance of the statement.
        let text = "Head.\n\nJane Roe rejected the request in Ohio.";
        assert_eq!(trimmed(text, 4..5, 5..9), "the request in Ohio");
        // Quoted words after the phrase: the phrase is inside what was said.
        let text = "Head.\n\nJane Roe called his remarks on Saturday “a wake-up call.”";
        assert_eq!(
            trimmed(text, 4..5, 5..15),
            "his remarks on Saturday “a wake-up call.”"
        );
    }

    /// The source and content left by `passive_subject_to_content`.
    fn passive(
        text: &str,
        source: std::ops::Range<usize>,
        cue: std::ops::Range<usize>,
        content: std::ops::Range<usize>,
    ) -> (Option<String>, Vec<String>) {
        repaired(text, Some(source), cue, content, passive_subject_to_content)
    }

    #[test]
    fn the_subject_of_an_agentless_passive_is_content() {
        // Head(0) .(1) He(2) has(3) been(4) harshly(5) criticized(6) for(7)
        // his(8) policies(9) .(10)
        let text = "Head.\n\nHe has been harshly criticized for his policies.";
        assert_eq!(
            passive(text, 2..3, 3..8, 8..10),
            (None, vec!["He".to_string(), "his policies".to_string()])
        );
    }

    #[test]
    fn agents_quoted_speakers_and_states_of_mind_keep_their_source() {
        // An agent after "by" is the source.
        let text = "Head.\n\nThe plan was endorsed by the mayor.";
        assert_eq!(
            passive(text, 7..9, 4..7, 2..4).0.as_deref(),
            Some("the mayor")
        );
        // "X was quoted as saying": X said it.
        let text = "Head.\n\nRoe was quoted as saying the plan works.";
        assert_eq!(passive(text, 2..3, 3..7, 7..10).0.as_deref(), Some("Roe"));
        // "X are convinced that …": X holds the view.
        let text = "Head.\n\nParents are convinced that the schools fail.";
        assert_eq!(
            passive(text, 2..3, 3..5, 5..9).0.as_deref(),
            Some("Parents")
        );
    }

    /// Whether `admits_entry` drops an attribution (a regression: after a
    /// retrain the tagger read "a push to admit Ukraine as a member" as a
    /// statement whose content was "Ukraine as a member").
    fn entry(text: &str, cue: std::ops::Range<usize>, content: std::ops::Range<usize>) -> bool {
        in_context(text, |_, cx| {
            admits_entry(cx, &attribution(None, cue, content))
        })
    }

    #[test]
    fn letting_in_is_not_conceding() {
        // Head(0) .(1) Allies(2) refused(3) to(4) admit(5) Ukraine(6) as(7)
        // a(8) member(9) .(10)
        assert!(entry(
            "Head.\n\nAllies refused to admit Ukraine as a member.",
            3..6,
            6..10
        ));
        // Head(0) .(1) He(2) admitted(3) that(4) the(5) plan(6) failed(7)
        // as(8) feared(9) .(10)
        assert!(!entry(
            "Head.\n\nHe admitted that the plan failed as feared.",
            3..4,
            4..10
        ));
        // He(2) admitted(3) the(4) mistake(5) .(6)
        assert!(!entry("Head.\n\nHe admitted the mistake.", 3..4, 4..6));
    }

    /// A content that stops before the verb ending its sentence takes it
    /// (a regression: after a retrain "John Smith said that the talks
    /// failed." gave "that the talks"); anything else after it stays out.
    #[test]
    fn a_content_keeps_the_verb_that_ends_its_sentence() {
        // Head(0) .(1) John(2) Smith(3) said(4) that(5) the(6) talks(7)
        // failed(8) .(9)
        let text = "Head.\n\nJohn Smith said that the talks failed.";
        assert_eq!(
            repaired(text, Some(2..4), 4..5, 5..8, keep_the_trailing_verb).1,
            ["that the talks failed"]
        );
        // … failed(8) in(9) May(10) .(11): not a verb group alone.
        let text = "Head.\n\nJohn Smith said that the talks failed in May.";
        assert_eq!(
            repaired(text, Some(2..4), 4..5, 5..8, keep_the_trailing_verb).1,
            ["that the talks"]
        );
    }

    /// Regression: "a wide array of black artists writing songs" was read
    /// with the source "black artists", which named the group by a piece.
    #[test]
    fn a_source_takes_its_whole_noun_phrase() {
        // Head(0) .(1) Many(2) labor-policy(3) experts(4) said(5) the(6)
        // rule(7) was(8) weak(9) .(10)
        let text = "Head.\n\nMany labor-policy experts said the rule was weak.";
        let (source, _) = repaired(text, Some(4..5), 5..6, 6..10, whole_noun_phrase_source);
        assert_eq!(source.as_deref(), Some("Many labor-policy experts"));
        // Head(0) .(1) A(2) wide(3) array(4) of(5) black(6) artists(7)
        // wrote(8) songs(9) about(10) him(11) .(12)
        let text = "Head.\n\nA wide array of black artists wrote songs about him.";
        let (source, _) = repaired(text, Some(6..8), 8..9, 9..12, whole_noun_phrase_source);
        assert_eq!(source.as_deref(), Some("A wide array of black artists"));
        // Head(0) .(1) Last(2) week(3) officials(4) said(5) the(6) plan(7)
        // failed(8) .(9): a time before the noun is no part of it.
        let text = "Head.\n\nLast week officials said the plan failed.";
        let (source, _) = repaired(text, Some(4..5), 5..6, 6..9, whole_noun_phrase_source);
        assert_eq!(source.as_deref(), Some("officials"));
    }

    /// Regression: "has regularly angered prime ministers and members of
    /// the government" was read with the source "prime ministers".
    #[test]
    fn a_source_keeps_its_last_conjunct() {
        // Head(0) .(1) He(2) angered(3) prime(4) ministers(5) and(6)
        // members(7) of(8) the(9) government(10) .(11)
        let text = "Head.\n\nHe angered prime ministers and members of the government.";
        let (source, _) = repaired(text, Some(4..6), 3..4, 2..3, source_with_its_conjunct);
        assert_eq!(
            source.as_deref(),
            Some("prime ministers and members of the government")
        );
        // Head(0) .(1) Officials(2) and(3) aides(4) said(5) it(6) failed(7)
        // .(8): up to the cue.
        let text = "Head.\n\nOfficials and aides said it failed.";
        let (source, _) = repaired(text, Some(2..3), 5..6, 6..8, source_with_its_conjunct);
        assert_eq!(source.as_deref(), Some("Officials and aides"));
        // … and(3) then(4) left(5): no noun phrase, no change.
        let text = "Head.\n\nOfficials and then aides said it failed.";
        let (source, _) = repaired(text, Some(2..3), 6..7, 7..9, source_with_its_conjunct);
        assert_eq!(source.as_deref(), Some("Officials"));
    }

    /// Regression: "regulators and advisers to Patriot didn't know" was
    /// read with the source "Patriot", which became the speaker.
    #[test]
    fn a_source_is_never_only_the_object_of_its_head() {
        // Head(0) .(1) Regulators(2) and(3) advisers(4) to(5) Patriot(6)
        // doubted(7) the(8) plan(9) .(10)
        let text = "Head.\n\nRegulators and advisers to Patriot doubted the plan.";
        let (source, _) = repaired(text, Some(6..7), 7..8, 8..10, source_with_its_head);
        assert_eq!(
            source.as_deref(),
            Some("Regulators and advisers to Patriot")
        );
        // Head(0) .(1) A(2) review(3) of(4) records(5) showed(6) the(7)
        // gap(8) .(9): the records are what the review is about.
        let text = "Head.\n\nA review of records showed the gap.";
        let (source, _) = repaired(text, Some(5..6), 6..7, 7..9, source_with_its_head);
        assert_eq!(source.as_deref(), Some("records"));
    }

    /// Regression: "The Tax Policy Center plans to release …" was read
    /// with the source "Center", and "Center" became a speaker.
    #[test]
    fn a_source_is_never_a_piece_of_a_name() {
        // Head(0) .(1) The(2) Tax(3) Policy(4) Center(5) plans(6) to(7)
        // release(8) its(9) analysis(10) .(11)
        let text = "Head.\n\nThe Tax Policy Center plans to release its analysis.";
        let (source, content) = repaired(text, Some(5..6), 6..7, 7..11, whole_name_source);
        assert_eq!(source.as_deref(), Some("The Tax Policy Center"));
        assert_eq!(content, ["to release its analysis"]);
        // A whole name stays as it is, and a source never takes the cue.
        let (source, _) = repaired(text, Some(2..6), 6..7, 7..11, whole_name_source);
        assert_eq!(source.as_deref(), Some("The Tax Policy Center"));
        // Head(0) .(1) said(2) John(3) Smith(4) ,(5) …: a name after the
        // cue keeps its start.
        let text = "Head.\n\n\"We won,\" said John Smith, a lawyer.";
        let doc = Document::new(text);
        let at = |w: &str| {
            (0..doc.tokens.len())
                .find(|&i| doc.token_text(i) == w)
                .unwrap()
        };
        let (source, _) = repaired(
            text,
            Some(at("John")..at("Smith") + 1),
            at("said")..at("said") + 1,
            at("We")..at("won") + 1,
            whole_name_source,
        );
        assert_eq!(source.as_deref(), Some("John Smith"));
    }

    /// Regression: the retrained tagger read "An architect said" as the
    /// cue, with no source.
    #[test]
    fn a_noun_phrase_the_cue_swallowed_is_the_source() {
        // Head(0) .(1) An(2) architect(3) said(4) that(5) the(6) bills(7)
        // were(8) never(9) paid(10) .(11)
        let text = "Head.\n\nAn architect said that the bills were never paid.";
        let mut a = attribution(None, 2..5, 5..11);
        in_context(text, |_, cx| source_out_of_the_cue(cx, &mut a));
        assert_eq!((a.source, a.cue), (Some(2..4), 4..5));
        // A cue of verbs alone ("has said") keeps its words.
        let text = "Head.\n\nShe has said that the bills were never paid.";
        let mut a = attribution(None, 3..5, 5..11);
        in_context(text, |_, cx| source_out_of_the_cue(cx, &mut a));
        assert_eq!((a.source, a.cue), (None, 3..5));
    }
}
