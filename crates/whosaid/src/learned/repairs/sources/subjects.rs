//! Who the subject of a cue is when the tagger gave none or the wrong one:
//! the source a participle or a coordinated verb shares, a passive's agent,
//! the noun phrase a relative clause or an apposition separates from its
//! verb, the speaker after a verb that opens its sentence ("Said Ellis:"),
//! and not the object of a verb inside a relative clause.

use super::no_speaker::after_dateline;
use super::{
    clause_opening_noun_phrase, conjunction_before, cue_verb, names_someone, past_adverbs_back,
};
use crate::extract::TokenAttribution;
use crate::learned::repairs::content::BE_FORMS;
use crate::learned::repairs::{
    claimed, finite_verb_tag, noun_phrase_tag, time_modifier, time_phrase_word, time_word,
};
use crate::learned::Context;
use crate::text::TokenKind;

/// Commas of a fronted participle clause tried for the one that closes it.
const MAX_CLAUSE_COMMAS: usize = 3;

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
/// A source holding a verb of its own that none of these replaces is cut
/// to the noun phrase around that verb ([`subject_before_its_verb`]).
pub(in crate::learned) fn participle_subject(
    cx: &Context<'_>,
    a: &mut TokenAttribution,
    earlier: Option<std::ops::Range<usize>>,
) {
    let before = a.source.clone();
    participle_subject_of_clause(cx, a, earlier);
    if a.source == before {
        if let Some(phrase) = before.and_then(|s| subject_before_its_verb(cx, &s, &a.cue)) {
            a.source = Some(phrase);
        }
    }
}

/// [`participle_subject`] from the participle's clause: the source of the
/// cue before it, or the subject of the clause it hangs on.
fn participle_subject_of_clause(
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
            (cx.pos[i].starts_with("NN") && !time_word(cx.doc, i))
                || matches!(cx.pos[i], "PRP" | "CD")
        }) && !matches!(cx.pos[s.end - 1], "IN" | "TO")
            && !cx.pos[s.start].starts_with("VB")
    };
    // Nor is a source that runs from the earlier cue's subject on into its
    // predicate ("The union welcomed the vote in a | statement, saying").
    let overruns = |s: &std::ops::Range<usize>| {
        earlier
            .as_ref()
            .is_some_and(|e| s.start <= e.start && e.end < s.end)
    };
    if a.source.as_ref().is_some_and(|s| named(s) && !overruns(s)) {
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
    // "according to X" names its source after it.
    if !participle(verb)
        || a.cue.clone().any(|i| cx.quotes.is_quoted(i))
        || cx.doc.token_text(verb).eq_ignore_ascii_case("according")
    {
        return;
    }
    let lower = |i: usize| text(i).to_lowercase();
    let claimed = |i: usize| claimed(cx, &a.cue, &a.content, i);
    let finite = |i: usize| finite_verb_tag(cx.pos[i]);
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
        // The first comma followed by such a phrase: the clause may hold
        // commas of its own ("After thanking the crowd, which chanted his
        // name, | he | touted").
        let subject_after = |comma: usize| {
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
        };
        (a.cue.end..sentence.end)
            .filter(|&i| text(i) == ",")
            .take(MAX_CLAUSE_COMMAS)
            .find_map(subject_after)
    } else {
        // A trailing participle: after a comma, "while", "when" or a
        // preposition ("charged him after determining …", "before
        // explaining …"), with the subject's verb earlier in the sentence.
        let before = a.cue.start.checked_sub(1).filter(|&b| b >= sentence.start);
        // The comma may sit inside the quotation it closes ('on "Morning
        // Joe," | adding'), or a dash stand for it ("on the spot – saying").
        let comma_or_dash = |b: usize| {
            matches!(text(b), "," | "–" | "—" | "--")
                || (cx.doc.tokens[b].kind == TokenKind::QuoteMark
                    && b > sentence.start
                    && text(b - 1) == ",")
        };
        let trailing = before.is_some_and(|b| {
            comma_or_dash(b) || matches!(lower(b).as_str(), "while" | "when") || cx.pos[b] == "IN"
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
        // "of" opens none: it continues a noun ("A group of authors filed
        // …, alleging").
        let opens_clause = (sentence.start..a.cue.start.min(sentence.start + 3))
            .any(|i| matches!(cx.pos[i], "IN" | "WRB") && lower(i) != "of");
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
        // A time phrase between the subject and its verb ("A federal judge
        // | on Thursday | temporarily blocked") is passed over when a noun
        // phrase opening the clause ends right before it.
        if let Some(before) = time_phrase_start(cx, from, end) {
            let opening = (from..before).all(in_phrase) && (from..before).any(head_tag);
            if opening && before - from < 8 {
                end = before;
            }
        }
        if end > from && dash(end - 1) {
            let Some(open) = (from..end - 1).rev().find(|&k| dash(k)) else {
                return;
            };
            end = open;
        }
        // So do commas ("Sanders himself, who wasn't at the rally, | has
        // toned down …"): the subject ends before the comma opening the
        // aside.
        // An aside opens on a relative pronoun, an article, a number or an
        // adverb; a place set off by commas ("in Newtown, Connecticut,")
        // is the end of a longer subject, left alone.
        if end > from && text(end - 1) == "," {
            let aside_from = |open: usize| {
                (open + 1..end - 1).any(|k| matches!(cx.pos[k], "WP" | "WDT"))
                    || matches!(cx.pos[open + 1], "DT" | "CD" | "RB" | "PRP$")
            };
            if let Some(open) = (from..end - 1)
                .rev()
                .find(|&k| text(k) == ",")
                .filter(|&open| aside_from(open))
            {
                end = open;
            }
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
    let time = |i: usize| time_word(cx.doc, i);
    if let Some(s) = subject.filter(|s| s.clone().any(head_tag) && !s.clone().any(time)) {
        a.source = Some(s);
    }
}

/// Verbs whose object is the subject of a participle after it ("the swoon
/// had | Republicans | wondering", "the ruling left investors guessing").
const CAUSATIVE_VERBS: &[&str] = &[
    "had", "has", "have", "left", "leaves", "leave", "kept", "keeps", "keep", "got", "gets", "get",
];

/// The noun phrase a source holding its own finite verb names: "She has
/// pushed back | calling" is "She", the subject before the verb; "the
/// swoon had Republicans | wondering" is "Republicans", the object of a
/// causative verb ending right before the cue. None for a cue that is no
/// participle, a source without such a verb or with a relative pronoun
/// ("officials who have seen the report", whose verb is the clause's),
/// and an empty "it" ("It is worth noting"). For any cue, a noun running
/// into its verb inside a source is cut by `source_before_its_own_verb`;
/// this one takes pronouns and causatives too, a participle's source
/// being the phrase that does what the participle says.
fn subject_before_its_verb(
    cx: &Context<'_>,
    source: &std::ops::Range<usize>,
    cue: &std::ops::Range<usize>,
) -> Option<std::ops::Range<usize>> {
    let participle = cue
        .clone()
        .find(|&i| cx.pos[i].starts_with("VB"))
        .is_some_and(|i| cx.pos[i] == "VBG");
    // "according to X" names its source after it.
    let according = cx.doc.lower(cue.start) == "according";
    if !participle
        || according
        || source
            .clone()
            .any(|i| matches!(cx.pos[i], "WDT" | "WP" | "WP$") || cx.quotes.is_quoted(i))
    {
        return None;
    }
    let verb = (source.start + 1..source.end).find(|&i| finite_verb_tag(cx.pos[i]))?;
    let phrase = |r: std::ops::Range<usize>| {
        !r.is_empty()
            && r.clone().all(|i| {
                cx.doc.tokens[i].kind != TokenKind::Punct
                    && (noun_phrase_tag(cx.pos[i]) || cx.pos[i] == "PRP")
            })
            && r.clone()
                .any(|i| cx.pos[i].starts_with("NN") || cx.pos[i] == "PRP")
            && !r.clone().any(|i| time_word(cx.doc, i))
    };
    let object = verb + 1..source.end;
    if source.end == cue.start
        && CAUSATIVE_VERBS.contains(&cx.doc.lower(verb))
        && phrase(object.clone())
    {
        return Some(object);
    }
    // "It is worth noting", "It goes without saying": an empty "it".
    let subject = source.start..verb;
    let empty_it = subject.len() == 1 && cx.doc.lower(subject.start) == "it";
    (phrase(subject.clone()) && !empty_it).then_some(subject)
}

/// Where a time phrase ending right before `end` starts, its preposition
/// included ("on Thursday", "late last week", "this morning"), never
/// before `from`; `None` when the words before `end` are no time phrase.
fn time_phrase_start(cx: &Context<'_>, from: usize, end: usize) -> Option<usize> {
    let lower = |i: usize| cx.doc.lower(i);
    let mut start = end;
    while start > from && (time_word(cx.doc, start - 1) || time_modifier(lower(start - 1))) {
        start -= 1;
    }
    if !(start..end).any(|i| time_word(cx.doc, i)) {
        return None;
    }
    if start > from
        && cx.pos[start - 1] == "IN"
        && matches!(lower(start - 1), "on" | "in" | "at" | "during")
    {
        start -= 1;
    }
    Some(start)
}

/// "Hillary Clinton slammed Barack Obama … and | bragged about | her
/// father …": a finite cue verb coordinated with an earlier cue of its
/// sentence, left without a source, shares that cue's subject.
pub(in crate::learned) fn coordinated_verb_subject(
    cx: &Context<'_>,
    a: &mut TokenAttribution,
    earlier: Option<std::ops::Range<usize>>,
) {
    if a.cue.is_empty() {
        return;
    }
    // "Lawyers for the clinic, one of the plaintiffs, praised the ruling
    // but | warned |": the tagger gave the later cue the first word of
    // the earlier cue's subject; the verbs share the whole of it.
    if let (Some(source), Some(earlier), Some(conjunction)) = (
        a.source.clone(),
        earlier.as_ref(),
        conjunction_before(cx, &a.cue),
    ) {
        if source.start == earlier.start && source.end < earlier.end && earlier.end <= conjunction {
            a.source = Some(earlier.clone());
        }
        return;
    }
    if a.source.is_some() {
        return;
    }
    let Some(verb) = cue_verb(cx, &a.cue) else {
        return;
    };
    // A participle shares the source of the cue it is coordinated with
    // ("calling him a 'stiff' and | accusing | him …"), a finite verb also
    // the subject of a verb that is no cue.
    let participle = cx.pos[verb] == "VBG";
    if !finite_verb_tag(cx.pos[verb]) && !participle {
        return;
    }
    // "and", "but", "or", possibly with an adverb between ("and then").
    let Some(conjunction) = conjunction_before(cx, &a.cue) else {
        return;
    };
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
        .find(|&i| finite_verb_tag(cx.pos[i]))?;
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
    let be = |i: usize| BE_FORMS.contains(&cx.words[i].word);
    let mut k = a.cue.start;
    while k > 0 && cx.pos[k - 1].starts_with("RB") {
        k -= 1;
    }
    // "I'm told by …": the tokenizer keeps the contraction whole, and the
    // tagger reads the participle after it as a past tense.
    let contracted_be = k > 0 && {
        let before = cx.doc.lower(k - 1);
        ["'m", "’m", "'re", "’re"]
            .iter()
            .any(|c| before.len() > c.len() && before.ends_with(c))
    };
    // The cue's last participle ("been" of "has been accused" is one too).
    let participle = a
        .cue
        .clone()
        .rev()
        .find(|&i| cx.pos[i] == "VBN")
        .or_else(|| (contracted_be && cx.pos[a.cue.start] == "VBD").then_some(a.cue.start));
    let Some(participle) = participle else {
        return;
    };
    let passive = participle == a.cue.start
        || (a.cue.start..participle).any(be)
        || (k > 0 && be(k - 1))
        || contracted_be;
    if !passive {
        return;
    }
    // The noun phrase: noun-phrase words, joined by "of" or "and".
    let nominal = |i: usize| noun_phrase_tag(cx.pos[i]) || cx.pos[i] == "PRP";
    let mut end = after_by;
    while end < n && !claimed(cx, &a.cue, &a.content, end) {
        // "people familiar with the matter" is one phrase of sourcing.
        let joiner = matches!(cx.doc.token_text(end), "of" | "and" | "&")
            || (cx.doc.token_is(end, "with") && cx.doc.lower(end - 1) == "familiar");
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

/// For a sourceless cue whose verb (`verb`, as the caller finds it) is
/// finite and follows a comma (adverbs and a time phrase between allowed:
/// "Spain's prime minister, Pedro Sánchez, on Monday announced"): where
/// those begin, and where the cue's sentence begins. What stands before
/// that comma may be the subject the cue lost.
fn finite_cue_after_a_comma(
    cx: &Context<'_>,
    a: &TokenAttribution,
    verb: Option<usize>,
) -> Option<(usize, usize)> {
    if a.source.is_some() || a.cue.is_empty() || !finite_verb_tag(cx.pos[verb?]) {
        return None;
    }
    let before = past_time_phrase_back(cx, past_adverbs_back(cx, a.cue.start));
    let sentence_start = cx.doc.sentences[cx.doc.sentence_of(a.cue.start)]
        .tokens
        .start;
    (before > sentence_start && cx.doc.token_is(before - 1, ","))
        .then_some((before, sentence_start))
}

/// Where a time phrase of at most [`MAX_TIME_PHRASE`] words ending right
/// before token `i` begins ("on Monday", "last week", "earlier this
/// month"), else `i`.
fn past_time_phrase_back(cx: &Context<'_>, i: usize) -> usize {
    let part = |k: usize| time_phrase_word(cx, k);
    let mut k = i;
    while k > 0 && i - k < MAX_TIME_PHRASE && part(k - 1) {
        k -= 1;
    }
    if (k..i).any(|j| time_word(cx.doc, j)) {
        k
    } else {
        i
    }
}

/// Longest time phrase between a subject's comma and its cue.
const MAX_TIME_PHRASE: usize = 4;

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
    let Some((before, sentence_start)) = finite_cue_after_a_comma(cx, a, cue_verb(cx, &a.cue))
    else {
        return;
    };
    if let Some(subject) = subject_of_a_closed_relative_clause(cx, a, before - 1, sentence_start) {
        a.source = Some(subject);
    }
}

/// A source the tagger took from inside a closed relative clause right
/// before its finite cue: "Meta, whose assistant is unavailable in | the
/// EU |, has accused regulators …" is Meta's statement, not the EU's. The
/// noun phrase the clause describes replaces it, as for a cue the tagger
/// left without a source ([`subject_before_a_relative_clause`]).
pub(in crate::learned) fn source_inside_a_relative_clause(
    cx: &Context<'_>,
    a: &mut TokenAttribution,
) {
    let Some(source) = a.source.clone() else {
        return;
    };
    if source.end > a.cue.start || !cue_verb(cx, &a.cue).is_some_and(|v| finite_verb_tag(cx.pos[v]))
    {
        return;
    }
    let before = past_adverbs_back(cx, a.cue.start);
    // The source ends at the comma closing the clause (or takes it).
    let comma = before.saturating_sub(1);
    if before == 0 || !cx.doc.token_is(comma, ",") || !(comma..=before).contains(&source.end) {
        return;
    }
    let sentence_start = cx.doc.sentences[cx.doc.sentence_of(a.cue.start)]
        .tokens
        .start;
    let Some(subject) = subject_of_a_closed_relative_clause(cx, a, source.start, sentence_start)
    else {
        return;
    };
    a.source = Some(subject);
}

/// The noun phrase a closed relative clause describes, when the clause
/// opens (", who", ", which", ", whose") before `end` in its sentence with
/// none of the attribution's content between, and the phrase before its
/// comma (noun-phrase words, at most eight, with a noun) opens the
/// sentence or a clause.
fn subject_of_a_closed_relative_clause(
    cx: &Context<'_>,
    a: &TokenAttribution,
    end: usize,
    sentence_start: usize,
) -> Option<std::ops::Range<usize>> {
    if end < sentence_start + 3 {
        return None;
    }
    let text = |i: usize| cx.doc.token_text(i);
    let content = |i: usize| a.content.iter().any(|c| c.contains(&i));
    let relative = (sentence_start + 1..end)
        .rev()
        .take_while(|&i| !content(i))
        .find(|&i| matches!(cx.doc.lower(i), "who" | "which" | "whose") && text(i - 1) == ",")?;
    let comma = relative - 1;
    let start = clause_opening_noun_phrase(cx, a, comma, sentence_start)?;
    Some(start..comma)
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
    // ", who …" after a name: the noun phrase ends at the comma ("Sanders,
    // who recently launched | a new political organization |, has endorsed").
    // A ", which …" clause more often says something of a thing or of the
    // whole clause before ("a weakness, which is | his | inability").
    let np_end = if text(relative - 1) == "," && text(relative).eq_ignore_ascii_case("who") {
        relative - 1
    } else {
        relative
    };
    if let Some(start) = clause_opening_noun_phrase(cx, a, np_end, sentence_start) {
        a.source = Some(start..source.end);
    }
}

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
    if conjunction_before(cx, &a.cue).is_none() {
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

/// The subject of a sourceless finite cue that an apposition or an aside
/// between commas separates from it, when that subject opens the
/// sentence (a conjunction may stand first): "But Guardian, | the first
/// Republican mayor elected in two decades, | stopped short of …", "Bush,
/// however, | interjected". What stands between the commas holds no finite
/// verb, unless it is a relative clause ("Trump, whose views have upset
/// …, | proposed").
pub(in crate::learned) fn subject_before_an_apposition(cx: &Context<'_>, a: &mut TokenAttribution) {
    let verb = a
        .cue
        .clone()
        .take(4)
        .find(|&i| cx.pos[i].starts_with("VB") || cx.pos[i] == "MD");
    let Some((before, sentence_start)) = finite_cue_after_a_comma(cx, a, verb) else {
        return;
    };
    let text = |i: usize| cx.doc.token_text(i);
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
    if !relative && aside.clone().any(|i| finite_verb_tag(cx.pos[i])) {
        return;
    }
    a.source = Some(start..end);
}

/// Speech verbs that may open a sentence before their speaker ("Said
/// Ellis: “…”", "Added a spokesman, “…”").
const OPENING_VERBS: &[&str] = &[
    "said",
    "says",
    "added",
    "adds",
    "asked",
    "wrote",
    "writes",
    "explained",
    "noted",
    "recalled",
    "replied",
    "warned",
];

/// `Said Ellis: “…”`, `Said Jane Smith, a local farmer: “…”`: a speech
/// verb opening the sentence, then the speaker's phrase and a colon or
/// comma right before the quotation. The tagger read "Said Ellis:" as the
/// cue (no source), or the apposition alone as the source and the colon as
/// the cue. The phrase between the verb and the punctuation (no finite
/// verb, no quotation, holding a noun or pronoun) is the source, the verb
/// the cue, as PolNeAR marks them.
pub(in crate::learned) fn speaker_after_an_opening_verb(
    cx: &Context<'_>,
    a: &mut TokenAttribution,
) {
    let Some(first) = a.content.first() else {
        return;
    };
    let quote = first.start;
    if quote < 3 || !cx.quotes.is_quoted(quote) {
        return;
    }
    let mark = quote - 1;
    if !matches!(cx.doc.token_text(mark), ":" | ",") {
        return;
    }
    let verb = cx.doc.sentences[cx.doc.sentence_of(quote)].tokens.start;
    let phrase = verb + 1..mark;
    let frame = verb..quote;
    if phrase.is_empty()
        || phrase.len() > 12
        || !OPENING_VERBS.contains(&cx.doc.lower(verb))
        || !frame.contains(&a.cue.start)
        || !names_someone(cx, phrase.clone())
        || phrase.clone().any(|i| {
            finite_verb_tag(cx.pos[i])
                || cx.quotes.is_quoted(i)
                || cx.doc.tokens[i].kind == TokenKind::QuoteMark
        })
    {
        return;
    }
    a.source = Some(phrase);
    a.cue = verb..verb + 1;
}
