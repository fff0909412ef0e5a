//! Repairs of a content: a verb or circumstance at its edge, a split
//! quote's second half, a passive's subject, "admit X as".

use crate::extract::TokenAttribution;
use crate::learned::Context;
use crate::perceptron::{sym, syms};
use crate::text::TokenKind;

/// Extends a content that stops before the verb ending its sentence:
/// "said that the talks | failed." (the tagger, unsure whether "talks" is
/// the verb, may end the content there). A statement never leaves its
/// clause's verb group behind: when only verbs and adverbs, at least one
/// verb, stand between the content and the sentence's closing
/// punctuation, they join it.
pub(in crate::learned) fn keep_the_trailing_verb(cx: &Context<'_>, a: &mut TokenAttribution) {
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

/// Joins content pieces that only a comma keeps apart when the second
/// opens with a finite verb ("that Trump's effort …, something the
/// administration refused to do | , | has broken the gridlock"): the
/// predicate of the clause the first one opened, cut off at an aside's
/// closing comma. (Joining over any comma lost two attributions in
/// PolNeAR train, where a comma parted two statements.)
pub(in crate::learned) fn join_pieces_over_commas(cx: &Context<'_>, a: &mut TokenAttribution) {
    let mut k = 1;
    while k < a.content.len() {
        let (before, after) = (a.content[k - 1].clone(), a.content[k].clone());
        let gap = before.end..after.start;
        let predicate = super::finite_verb_tag(cx.pos[after.start]);
        if predicate && !gap.is_empty() && gap.clone().all(|i| cx.doc.token_is(i, ",")) {
            a.content[k - 1].end = after.end;
            a.content.remove(k);
        } else {
            k += 1;
        }
    }
}

/// Cuts a time phrase off the end of a cue: "explained | in 2023", "said |
/// Tuesday", "said | on Friday". When a statement was made is its time
/// (the time resolution reads it in the frame either way), not how it
/// was reported.
pub(in crate::learned) fn time_out_of_the_cue(cx: &Context<'_>, a: &mut TokenAttribution) {
    let year = |i: usize| {
        let t = cx.doc.token_text(i);
        t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit())
    };
    let mut end = a.cue.end;
    while end > a.cue.start + 1 && (super::time_word(cx.doc, end - 1) || year(end - 1)) {
        end -= 1;
    }
    if end == a.cue.end {
        return;
    }
    while end > a.cue.start + 1 && matches!(cx.pos[end - 1], "IN" | "DT" | "JJ") {
        end -= 1;
    }
    if cx.pos[end - 1].starts_with("VB") {
        a.cue.end = end;
    }
}

/// `said in a post on | X.`, `wrote on | Truth Social that …`: a platform
/// named right after a cue that ends in "on" is where the statement was
/// posted, the frame the channel resolution reads, not what was said. The
/// tagger, not knowing a new platform's name ("X"), gave it to the
/// content; it leaves the content for the cue, unless nothing else would
/// be left of the content.
pub(in crate::learned) fn platform_into_the_cue(cx: &Context<'_>, a: &mut TokenAttribution) {
    let at = a.cue.end;
    if at == 0 || at >= cx.doc.tokens.len() || cx.doc.lower(at - 1) != "on" {
        return;
    }
    let Some(k) = a.content.iter().position(|c| c.start == at) else {
        return;
    };
    let Some(end) = crate::entities::platform_at(cx.doc, at, cx.doc.tokens.len()) else {
        return;
    };
    let rest = end..a.content[k].end;
    let rest_has_words = rest
        .clone()
        .any(|i| cx.doc.tokens[i].kind != TokenKind::Punct);
    if !rest_has_words && a.content.len() == 1 {
        return;
    }
    if rest_has_words {
        a.content[k].start = rest.start;
    } else {
        a.content.remove(k);
    }
    a.cue.end = end;
}

/// Cuts a trailing circumstance off a content that is a noun phrase after
/// its cue: "attacked Machado | in early-morning tweets", "said as much |
/// in an interview earlier Thursday", "endorsed Trump | during a speech".
/// Where and when something was said frame the statement (the channel and
/// time resolution read them there); they are not what was said. Only a
/// phrase that names a channel or a time is cut: "a request from Democrats
/// in Ohio" keeps its place, and a clause ("that the economy grew in May")
/// keeps its adverbials.
pub(in crate::learned) fn trim_circumstance(cx: &Context<'_>, a: &mut TokenAttribution) {
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
pub(in crate::learned) fn rejoin_split_quotes(cx: &Context<'_>, found: &mut [TokenAttribution]) {
    for p in 0..found.len() {
        let cue = found[p].cue.clone();
        let participle =
            cx.pos[cue.start] == "VBG" && cue.start > 0 && cx.doc.token_is(cue.start - 1, ",");
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
                    && (i == r.start || cx.doc.token_is(i - 1, ","))
            });
            if let Some(open) = open {
                halves.push(open..r.end);
                r.end = if open > r.start && cx.doc.token_is(open - 1, ",") {
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

/// A quotation in a later sentence continues the speaker of the main
/// clause, not a relative clause inside that speaker's phrase: '"Do these
/// people read newspapers?" said Bob Mulholland, a superdelegate | who |
/// has accused | Sanders supporters of harassing his peers. "Are they
/// reading …?"' gives the second quotation to "has accused" (the nearest
/// cue). The whole quotations of such an attribution (source a relative
/// pronoun inside another attribution's source) that open after its
/// sentence move to the attribution whose source holds it, when it keeps
/// a content of its own.
pub(in crate::learned) fn quote_to_the_main_clause(
    cx: &Context<'_>,
    found: &mut [TokenAttribution],
) {
    for a in 0..found.len() {
        let Some(relative) = found[a].source.clone() else {
            continue;
        };
        if relative.len() != 1 || !matches!(cx.pos[relative.start], "WP" | "WDT") {
            continue;
        }
        let Some(main) = (0..found.len()).find(|&b| {
            b != a
                && found[b]
                    .source
                    .as_ref()
                    .is_some_and(|s| s.start < relative.start && relative.end <= s.end)
        }) else {
            continue;
        };
        let sentence = cx.doc.sentence_of(found[a].cue.start);
        let quotation = |r: &std::ops::Range<usize>| {
            cx.quotes
                .quote_of_mark(r.start)
                .is_some_and(|q| q.open == r.start && q.close < r.end)
        };
        let (moved, kept): (Vec<_>, Vec<_>) = found[a]
            .content
            .iter()
            .cloned()
            .partition(|r| cx.doc.sentence_of(r.start) > sentence && quotation(r));
        if moved.is_empty() || kept.is_empty() {
            continue;
        }
        found[a].content = kept;
        found[main].content.extend(moved);
        found[main].content.sort_by_key(|r| r.start);
    }
}

/// Whether the subject ending at `subject_end` before `cue` is not the
/// speaker: the cue is a passive without its agent ("has been criticized",
/// "is widely expected to"), a verb of seeming ("seemed concerned") or
/// hearsay ("is reportedly").
fn subject_is_not_the_speaker(
    cx: &Context<'_>,
    cue: &std::ops::Range<usize>,
    subject_end: usize,
) -> bool {
    let cue = cue.clone();
    // A past participle whose subject is not its speaker ("criticized",
    // not "quoted" nor "convinced").
    let agentless = |j: usize| {
        cx.pos[j] == "VBN"
            && !QUOTED.contains(&cx.words[j].word)
            && !STATES_OF_MIND.contains(&cx.words[j].word)
    };
    // A form of "be", adverbs, then a past participle: "has been (harshly)
    // criticized", "were rated".
    let passive = cue.clone().any(|i| {
        BE_FORMS.contains(&cx.words[i].word)
            && (i + 1..cue.end)
                .find(|&j| !cx.pos[j].starts_with("RB"))
                .is_some_and(|j| cx.doc.token_text(j).ends_with(['d', 'n', 't']) && agentless(j))
    });
    // "She is (widely) expected to …": the form of "be" before the cue.
    let passive = passive || {
        let mut k = cue.start;
        while k > subject_end && cx.pos[k - 1].starts_with("RB") {
            k -= 1;
        }
        k > subject_end && BE_FORMS.contains(&cx.words[k - 1].word) && agentless(cue.start)
    };
    // "Mr. Putin seemed most concerned with …": a verb of seeming says
    // how things look, not who said so. It must be the cue's last verb
    // ("he appeared to suggest" is his suggestion), and "appeared on
    // Fox" is no seeming.
    let seeming = cue.clone().any(|i| {
        SEEMING.contains(&cx.words[i].word)
            && cx.pos[i].starts_with("VB")
            && !(i + 1..cue.end).any(|j| cx.pos[j].starts_with("VB"))
            && cx
                .words
                .get(i + 1)
                .is_none_or(|w| !APPEARING_AT.contains(&w.word))
    });
    // "The company | has reportedly | hired …": hearsay with no verb of
    // its own but auxiliaries; whoever reported it is not named ("he
    // reportedly argued" is his argument).
    let hearsay = cue.clone().any(|i| HEARSAY.contains(&cx.words[i].word))
        && cue.clone().all(|i| {
            HEARSAY.contains(&cx.words[i].word)
                || AUXILIARIES.contains(&cx.words[i].word)
                || matches!(cx.pos[i], "MD" | "RB")
        });
    // "Ministers | accused | of abandoning …": a headline's passive
    // without "be". The verb is right after its subject and followed by
    // the preposition its active form takes after an object ("X accused
    // Y of"), so the subject is its object.
    // Not an object's relative clause ("which Hollande | blamed | for
    // the attacks": the subject is active there).
    let relative_object = || {
        let first = cx.doc.sentences[cx.doc.sentence_of(subject_end.saturating_sub(1))]
            .tokens
            .start;
        (subject_end.saturating_sub(10).max(first)..subject_end)
            .any(|k| matches!(cx.doc.lower(k), "which" | "whom" | "that" | "who"))
    };
    let reduced = subject_end == cue.start
        && cue.len() <= 2
        && REDUCED_PASSIVES.iter().any(|&(verb, preposition)| {
            cx.words[cue.start].word == verb
                && cx
                    .words
                    .get(cue.start + 1)
                    .is_some_and(|w| w.word == preposition)
        })
        && !relative_object();
    // "… by X" names the agent, inside the cue or right after it ("was
    // written | by Springsteen").
    let agent =
        cx.words[cue.end - 1].word == BY || cx.words.get(cue.end).is_some_and(|w| w.word == BY);
    (passive || seeming || hearsay || reduced) && !agent
}

/// A passive cue without its agent ("He has been harshly criticized for
/// policies …", "Peacekeepers have been blamed for …", "She is expected
/// to …") or a verb of seeming ("Mr. Putin seemed most concerned with
/// …"): whoever criticized, expects or judges is not named, and the
/// grammatical subject is what the statement is about, part of its
/// content (PolNeAR's reading), not its source. "X was quoted as saying"
/// keeps X, "… by X" names the agent, a state of mind ("X are convinced
/// that", "X were frustrated") is X's own, and so is a seeming verb
/// before the real cue ("he appeared to suggest"). Whether it moved the
/// subject: the attribution is then sourceless on purpose.
pub(in crate::learned) fn passive_subject_to_content(
    cx: &Context<'_>,
    a: &mut TokenAttribution,
) -> bool {
    let Some(source) = a.source.clone() else {
        return false;
    };
    if source.end > a.cue.start {
        return false;
    }
    if !subject_is_not_the_speaker(cx, &a.cue, source.end) {
        return false;
    }
    a.source = None;
    a.content.push(source);
    a.content.sort_by_key(|r| r.start);
    true
}

/// Whether a sourceless attribution is an agentless passive whose
/// subject the tagger already read as content ("which | is expected | to
/// draw …"): sourceless on purpose, as [`passive_subject_to_content`]
/// leaves it, so no fallback gives it the subject back as its source.
pub(in crate::learned) fn subject_already_content(cx: &Context<'_>, a: &TokenAttribution) -> bool {
    a.source.is_none()
        && a.content
            .iter()
            .filter(|r| r.end <= a.cue.start)
            .map(|r| r.end)
            .max()
            .is_some_and(|end| subject_is_not_the_speaker(cx, &a.cue, end))
}

/// The converse: a sourceless attribution whose content opens its
/// sentence or a clause with a noun phrase right before an active cue and
/// goes on after it ("Sanders | is thanking | Nevadans …", the tagger
/// reading the subject as content as it learned for passives) has that
/// phrase for its source.
pub(in crate::learned) fn subject_out_of_content(cx: &Context<'_>, a: &mut TokenAttribution) {
    let [first, second, ..] = a.content.as_slice() else {
        return;
    };
    let (first, second) = (first.clone(), second.clone());
    let sentence = &cx.doc.sentences[cx.doc.sentence_of(a.cue.start)];
    // The phrase opens its sentence or a clause: after a comma, a colon, a
    // conjunction or the complementizer "that" ("…, he | is seeking | to
    // pick off delegates", "that Clinton herself | has proposed | a tax").
    let opens_a_clause = |start: usize| {
        start == sentence.tokens.start
            || (start > sentence.tokens.start
                && (matches!(cx.pos[start - 1], "," | ":" | "CC")
                    || (cx.pos[start - 1] == "IN"
                        && cx.doc.token_text(start - 1).eq_ignore_ascii_case("that"))))
    };
    if a.source.is_some()
        || first.end != a.cue.start
        || second.start < a.cue.end
        || !opens_a_clause(first.start)
        || first.len() > 6
        || first.clone().any(|i| cx.quotes.is_quoted(i))
        || !first
            .clone()
            .all(|i| super::noun_phrase_tag(cx.pos[i]) || cx.pos[i] == "PRP")
        || subject_is_not_the_speaker(cx, &a.cue, first.end)
        // A finite verb of the subject's own: not a bare participle ("A
        // developer | known to …"), nor hearsay ("was reportedly on").
        || !a.cue.clone().any(|i| super::finite_verb_tag(cx.pos[i]))
        || a.cue.clone().any(|i| HEARSAY.contains(&cx.words[i].word))
    {
        return;
    }
    a.source = Some(first);
    a.content.remove(0);
}

/// "That said, …" (and "That being said, …") is a discourse marker, not a
/// statement of "That": an attribution whose cue ends in that "said" is
/// none.
pub(in crate::learned) fn that_said(cx: &Context<'_>, a: &TokenAttribution) -> bool {
    !a.cue.is_empty() && crate::extract::that_said_marker(cx.doc, a.cue.end - 1)
}

/// "admit X as a member", "admitted Sweden into NATO": letting in, not
/// conceding. The cue ends in a form of "admit" and its unquoted content
/// is an object followed, within a few words, by "as" or "into" (a
/// concession is a clause or a fact: "admitted that …", "admits the
/// mistake").
pub(in crate::learned) fn admits_entry(cx: &Context<'_>, a: &TokenAttribution) -> bool {
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
/// Verbs of seeming, whose subject is what the statement is about.
const SEEMING: [u64; 8] = syms([
    "seem",
    "seems",
    "seemed",
    "seeming",
    "appear",
    "appears",
    "appeared",
    "appearing",
]);
/// Prepositions after "appeared" of showing up somewhere ("on Fox").
const APPEARING_AT: [u64; 6] = syms(["on", "in", "at", "before", "with", "alongside"]);
/// Adverbs that report what others say of the subject.
const HEARSAY: [u64; 3] = syms(["reportedly", "allegedly", "purportedly"]);
/// Forms of "be" and "have" (and "will") that stand in a cue before its
/// verb or adverb: hearsay ("is reportedly", "has reportedly"), a received
/// criticism ("has faced").
pub(super) const AUXILIARIES: [u64; 10] = syms([
    "is", "are", "was", "were", "been", "be", "has", "have", "had", "will",
]);
/// Forms of "be" that make a passive with a past participle ("am" and
/// the contractions too: "I'm told by …", "we're told").
pub(super) const BE_FORMS: [u64; 12] = syms([
    "is", "are", "was", "were", "been", "being", "be", "am", "'m", "’m", "'re", "’re",
]);
/// Verbs whose object comes before a preposition ("accused Y of",
/// "urged Y to"): followed by the preposition right after a subject,
/// they are passives ("Ministers accused of …").
const REDUCED_PASSIVES: [(u64, u64); 12] = [
    (sym("accused"), sym("of")),
    (sym("blamed"), sym("for")),
    (sym("criticized"), sym("for")),
    (sym("criticised"), sym("for")),
    (sym("condemned"), sym("for")),
    (sym("slammed"), sym("for")),
    (sym("blasted"), sym("for")),
    (sym("praised"), sym("for")),
    (sym("urged"), sym("to")),
    (sym("ordered"), sym("to")),
    (sym("told"), sym("to")),
    (sym("pressed"), sym("to")),
];
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

/// `X said A and pledged B`, `X said A, adding B`: a content that runs
/// on past "and" into a verb phrase headed by a cue verb, or past a comma
/// into a participle cue, holds two statements of the same speaker
/// (PolNeAR annotates each). The content stops before "and" or the comma
/// (after the quote a comma closes: `… "New York values," stating …`),
/// and the second verb opens an attribution of its own, with the first
/// one's source and the rest of the content. Only an unquoted verb the
/// lexicon calls a likely cue splits, finite after "and", a participle
/// after the comma: "supports the Republican and Democratic nominees",
/// "said A and that B" and an infinitive's second verb ("needs to sell
/// herself and tell more jokes") stay whole.
pub(in crate::learned) fn split_coordinated_cue(
    cx: &Context<'_>,
    found: &mut Vec<TokenAttribution>,
) {
    let likely_cue =
        |i: usize| !cx.quotes.is_quoted(i) && cx.lex_start[i].is_some_and(|p| p >= COORDINATED_CUE);
    let quote_mark = |i: usize| cx.doc.tokens[i].kind == TokenKind::QuoteMark;
    let mut added = Vec::new();
    for a in found.iter_mut() {
        let [content] = a.content.as_mut_slice() else {
            continue;
        };
        if content.start < a.cue.end {
            continue;
        }
        // (where the first content ends, where the second cue starts)
        let split = (content.start + 1..content.end.saturating_sub(2)).find_map(|k| {
            let text = cx.doc.token_text(k);
            if text.eq_ignore_ascii_case("and") && !cx.quotes.is_quoted(k) {
                let verb = k + 1;
                let finite = matches!(cx.pos[verb], "VBD" | "VBZ" | "VBP");
                return (finite && likely_cue(verb)).then_some((k, verb));
            }
            if text != "," {
                return None;
            }
            // A comma inside the quotation it closes: `values," stating`.
            let closed = quote_mark(k + 1) && cx.quotes.is_quoted(k);
            let verb = if closed { k + 2 } else { k + 1 };
            let participle = verb < content.end && cx.pos[verb] == "VBG";
            (participle && likely_cue(verb)).then_some((if closed { k + 2 } else { k }, verb))
        });
        let Some((first_end, cue_start)) = split else {
            continue;
        };
        let mut cue_end = cue_start + 1;
        while cue_end < content.end && cx.lex_inside[cue_end] {
            cue_end += 1;
        }
        if cue_end >= content.end {
            continue;
        }
        let mut first_end = first_end;
        while first_end > content.start && cx.doc.token_is(first_end - 1, ",") {
            first_end -= 1;
        }
        added.push(TokenAttribution {
            source: a.source.clone(),
            cue: cue_start..cue_end,
            content: std::iter::once(cue_end..content.end).collect(),
        });
        content.end = first_end;
    }
    found.extend(added);
}

/// Lexicon precision (tenths) from which a verb after "and", or a
/// participle after a comma, inside a content opens an attribution of its
/// own ([`split_coordinated_cue`]).
const COORDINATED_CUE: u8 = 3;

/// Words a phrase of time or place after a program's title may take
/// before the clause that is the content ("on Sunday that …", "earlier
/// this week that …").
const CIRCUMSTANCE_WORDS: usize = 6;

/// `Moore said on CBS's "Face the Nation."`, `during a call to ABC’s
/// “This Week”`: a short quotation right after "on"/"to" and an outlet's
/// possessive is the title of a program, the channel of the statement,
/// not part of it.
/// The title leaves the content with its outlet and the preposition
/// before it ("on", "to"), and a cue ending in that preposition ("said
/// on") gives it up.
pub(in crate::learned) fn program_title_out_of_content(cx: &Context<'_>, a: &mut TokenAttribution) {
    let text = |i: usize| cx.doc.token_text(i);
    let n = cx.doc.tokens.len();
    // The title after an owner at `i` ("CBS's" or "CBS" "'s"): its span,
    // owner to closing mark.
    let title_at = |i: usize| -> Option<std::ops::Range<usize>> {
        // A capitalized owner (the tagger may read "CBS's" as a common noun).
        if !text(i).starts_with(char::is_uppercase) || cx.quotes.is_quoted(i) {
            return None;
        }
        let mut open = i + 1;
        if open < n && matches!(text(open), "'s" | "’s") {
            open += 1;
        } else if !crate::entities::is_possessive(text(i)) {
            return None;
        }
        let quote = cx.quotes.quote_of_mark(open).filter(|q| q.open == open)?;
        (quote.close - quote.open <= 8).then_some(i..quote.close + 1)
    };
    // The owner ended the cue or follows it ("said on CNN's" + "“State of
    // the Union”", "told" + "NBC's “Meet the Press” that …"): a content
    // piece that opens at the title, or just inside its opening mark,
    // starts after it.
    let owner_ends = [a.cue.end.checked_sub(1), Some(a.cue.end)];
    let owner_title = owner_ends
        .into_iter()
        .flatten()
        .filter(|&i| i < n && i >= a.cue.start)
        .find_map(|i| {
            // "CNN" "'s": the owner is the word before the clitic.
            let owner = if matches!(text(i), "'s" | "’s") {
                i.checked_sub(1)?
            } else {
                i
            };
            title_at(owner).filter(|t| t.start >= a.cue.start)
        });
    // What is left of a range beside a title may be punctuation alone.
    let has_word =
        |c: &std::ops::Range<usize>| c.clone().any(|i| cx.doc.tokens[i].kind == TokenKind::Word);
    if let Some(title) = owner_title {
        // The title's opening mark (it ends at the closing one).
        let open = cx
            .quotes
            .quote_of_mark(title.end - 1)
            .map_or(title.start + 1, |q| q.open);
        let before = a.content.clone();
        for r in &mut a.content {
            if !(open..=open + 1).contains(&r.start) {
                continue;
            }
            // What follows the title is content when it is a clause ("that
            // the deal was good"), not a phrase of time or place ("on
            // Sunday"), which the clause may follow ("on Sunday that …").
            let complementizer = |i: usize| matches!(cx.doc.lower(i), "that" | "if" | "whether");
            let circumstance =
                r.end > title.end && cx.pos[title.end] == "IN" && !complementizer(title.end);
            r.start = if circumstance {
                (title.end + 1..r.end.min(title.end + CIRCUMSTANCE_WORDS))
                    .take_while(|&i| cx.doc.tokens[i].kind == TokenKind::Word)
                    .find(|&i| complementizer(i))
                    .unwrap_or(r.end)
            } else {
                title.end.min(r.end)
            };
        }
        a.content.retain(has_word);
        if a.content.is_empty() {
            a.content = before;
        } else if a.content != before && a.cue.len() > 1 && a.cue.end > title.start {
            // The cue gives up the owner and its preposition ("said on
            // CNN's" → "said").
            let mut end = title.start;
            if end > a.cue.start + 1 && matches!(text(end - 1), "on" | "to") {
                end -= 1;
            }
            a.cue.end = end.max(a.cue.start + 1);
        }
    }
    let mut titles = Vec::new();
    for r in &a.content {
        for i in r.clone() {
            // Only after "on"/"to" ("said on CBS's …"): "Springsteen’s
            // “American Skin”" and "Machado’s “sex tape”" are content.
            let channel = i > 0 && matches!(text(i - 1), "on" | "to");
            if let Some(t) = channel.then(|| title_at(i)).flatten() {
                let start = if i > r.start { i - 1 } else { i };
                titles.push(start..t.end);
            }
        }
    }
    if titles.is_empty() {
        return;
    }
    let mut content = Vec::with_capacity(a.content.len() + 1);
    for r in &a.content {
        let mut from = r.start;
        for t in titles
            .iter()
            .filter(|t| t.start >= r.start && t.end <= r.end)
        {
            content.push(from..t.start);
            from = t.end;
        }
        content.push(from..r.end);
    }
    content.retain(has_word);
    if content.is_empty() {
        return;
    }
    a.content = content;
    if a.cue.len() > 1 && matches!(text(a.cue.end - 1), "on" | "to") {
        a.cue.end -= 1;
    }
}

/// `said in a post on X that …`: the tagger ended the cue at its
/// preposition and began the content with the name after it. A content
/// piece right after a cue ending in "on" or "in" that opens with one to
/// three capitalized words and then a "that" clause starts at "that"; the
/// name is the cue's (the platform or outlet). A hearer stays content, as
/// PolNeAR marks it ("agreed with | Ivana Trump that …").
pub(in crate::learned) fn object_of_the_cue_out_of_content(
    cx: &Context<'_>,
    a: &mut TokenAttribution,
) {
    if a.cue.is_empty() {
        return;
    }
    if cx.doc.lower(a.cue.end - 1) == "to" {
        recipient_of_the_document_into_the_cue(cx, a);
        return;
    }
    if !matches!(cx.doc.lower(a.cue.end - 1), "on" | "in") {
        return;
    }
    let Some(piece) = a.content.iter_mut().find(|r| r.start == a.cue.end) else {
        return;
    };
    let name = |i: usize| {
        cx.doc.tokens[i].kind == TokenKind::Word
            && cx.doc.is_capitalized(i)
            && !cx.quotes.is_quoted(i)
    };
    // "that" opening a clause with its own subject ("that it had"), not a
    // relative clause on the name ("Hillary Clinton that took place").
    let that = (piece.start + 1..piece.end.min(piece.start + 4)).find(|&i| {
        cx.doc.lower(i) == "that"
            && i + 1 < piece.end
            && !cx.pos[i + 1].starts_with("VB")
            && cx.pos[i + 1] != "MD"
    });
    if let Some(that) = that.filter(|&t| (piece.start..t).all(name)) {
        piece.start = that;
        a.cue.end = that;
    }
}

/// `said in a letter to | shareholders on Monday that …`: the tagger ended
/// the cue at "to" and began the content with whom the document went to.
/// After "in a <document> to", a noun phrase (a time phrase may follow it)
/// and then a "that" clause: the phrase is the cue's, as PolNeAR marks
/// "said in a statement to the AP", and the content starts at "that".
fn recipient_of_the_document_into_the_cue(cx: &Context<'_>, a: &mut TokenAttribution) {
    // "in a letter", "in an emailed statement": the noun within two words.
    let documented = a.cue.clone().any(|i| {
        cx.doc.lower(i) == "in"
            && (i + 2..a.cue.end.min(i + 4)).any(|n| MESSAGE_NOUNS.contains(&cx.doc.lower(n)))
    });
    if !documented {
        return;
    }
    let Some(piece) = a.content.iter_mut().find(|r| r.start == a.cue.end) else {
        return;
    };
    let that = (piece.start + 1..piece.end.min(piece.start + 7)).find(|&i| {
        cx.doc.lower(i) == "that"
            && i + 1 < piece.end
            && !cx.pos[i + 1].starts_with("VB")
            && cx.pos[i + 1] != "MD"
    });
    let recipient = |i: usize| {
        cx.doc.tokens[i].kind == TokenKind::Word
            && !cx.quotes.is_quoted(i)
            && (super::noun_phrase_tag(cx.pos[i])
                || super::time_word(cx.doc, i)
                || cx.doc.lower(i) == "on")
    };
    if let Some(that) = that.filter(|&t| (piece.start..t).all(recipient)) {
        piece.start = that;
        a.cue.end = that;
    }
}

/// Nouns of messages sent to someone ("said in a letter to shareholders").
const MESSAGE_NOUNS: &[&str] = &[
    "email",
    "e-mail",
    "letter",
    "memo",
    "message",
    "note",
    "post",
    "statement",
];

/// `The agency said in an emailed statement that …`: the tagger read the
/// statement as the cue, with its article as the source ("an | emailed
/// statement"), where the rules read the verb. When a rule attribution of
/// the sentence shares the content and its cue ends right before a
/// preposition and the article that open this cue, the noun is the frame
/// of the rules' verb: the attribution takes the rules' source and the
/// cue from the verb to the noun ("said in an emailed statement", as
/// PolNeAR marks "said in a statement").
pub(in crate::learned) fn noun_of_the_verb_frame(cx: &Context<'_>, a: &mut TokenAttribution) {
    let article = a.cue.start.checked_sub(1);
    let Some(article) = article.filter(|&i| {
        i >= 2 && matches!(cx.doc.lower(i), "a" | "an" | "the") && cx.pos[i - 1] == "IN"
    }) else {
        return;
    };
    // The tagger's source, if any, is the article alone.
    if a.source
        .as_ref()
        .is_some_and(|s| *s != (article..article + 1))
    {
        return;
    }
    let verb_end = article - 1;
    let sentence = cx.doc.sentence_of(a.cue.start);
    let shares = |r: &TokenAttribution| {
        r.content
            .iter()
            .any(|c| a.content.iter().any(|d| c.start < d.end && d.start < c.end))
    };
    let Some(rule) = cx.rule_attributions.iter().find(|r| {
        r.cue.end == verb_end && cx.doc.sentence_of(r.cue.start) == sentence && shares(r)
    }) else {
        return;
    };
    a.source = rule.source.clone();
    a.cue = rule.cue.start..a.cue.end;
}
