//! Sentences that end in who reported them: "…, officials said.",
//! "…, records show.", "…, according to the report.". The clause before
//! the comma is the statement, however the tagger read it.

use crate::extract::TokenAttribution;
use crate::learned::Context;
use crate::text::TokenKind;
use std::ops::Range;

/// Verbs of a record or a poll that report the clause before them from
/// the end of a sentence ("…, records show.").
const REPORT_VERBS: &[&str] = &[
    "show",
    "shows",
    "showed",
    "found",
    "find",
    "finds",
    "revealed",
    "reveal",
    "reveals",
    "indicate",
    "indicates",
    "indicated",
];

/// Reporting verbs other than "say" that end a sentence after the one who
/// reported it, as "said" does.
const SAY_VERBS: &[&str] = &[
    "reported",
    "reports",
    "announced",
    "announces",
    "wrote",
    "writes",
    "noted",
    "notes",
    "added",
    "adds",
    "estimated",
    "estimates",
];

/// `The company will cut jobs, two people familiar with the matter said.`:
/// a sentence that ends in a comma, a noun phrase and "said"/"says"/"say"
/// or a record's verb ("…, records show.", "…, the poll found.") (then at
/// most a short circumstance: "in a statement", "on Monday")
/// reports the whole clause before the comma, however the tagger read it.
/// It misses this when an inner verb ("will announce", "is expected")
/// took the clause and ran on over the speaker. The clause becomes the
/// said-attribution's content, and an inner attribution goes, as PolNeAR
/// nests none; after a record's verb ("…, the footage showed.", which
/// PolNeAR often leaves unmarked) it stays, cut at the comma. So too when an appendix follows the verb after a
/// comma ("…, prosecutors said, in a case that …"; "…, the company said
/// Tuesday, as it …"; "…, official figures show, as …") and the clause before
/// is whole (it has a finite verb: "The museum, Mr. Obama said, would …"
/// is one clause around its speaker): the tagger read the appendix as
/// the content there.
pub(in crate::learned) fn trailing_say_clause(cx: &Context<'_>, found: &mut Vec<TokenAttribution>) {
    let text = |i: usize| cx.doc.token_text(i);
    let word = |i: usize| cx.doc.tokens[i].kind == TokenKind::Word;
    // A word or an abbreviation with its period ("Sgt.", "Corp.").
    let named = |i: usize| word(i) || cx.doc.tokens[i].kind == TokenKind::Abbreviation;
    let mut added = Vec::new();
    for sentence in &cx.doc.sentences {
        let range = sentence.tokens.clone();
        let end = before_closing_punctuation(cx, range.clone());
        if end == range.end || text(end) != "." {
            continue;
        }
        // The verb, with at most four words of circumstance after it
        // ("in a statement", "on Monday", "last week", "recently"; not an
        // object: "said enough"), or with an appendix after a comma ("…,
        // prosecutors said, in a case that …").
        let time = |i: usize| crate::when::is_time_word(cx.doc.lower(i));
        let circumstance = |tail: std::ops::Range<usize>| {
            tail.is_empty()
                || (tail.clone().all(|i| {
                    word(i)
                        && matches!(
                            cx.pos[i],
                            "IN" | "DT" | "NN" | "NNP" | "NNS" | "JJ" | "CD" | "RB"
                        )
                }) && (cx.pos[tail.start] == "IN"
                    || tail.clone().any(time)
                    || (tail.len() == 1 && text(tail.start).ends_with("ly"))))
        };
        // "said" or another verb that reports a statement from the end
        // ("…, the Department of Commerce reported on Thursday.", "…, the
        // company announced Monday.", "…, he wrote on X.").
        let say = |i: usize| {
            (matches!(text(i), "said" | "says" | "say") || SAY_VERBS.contains(&text(i)))
                && !cx.quotes.is_quoted(i)
        };
        // At the end, a record's or a poll's finite verb too ("…, campaign
        // finance records show.", "…, the poll found."; not the participle
        // of "chemicals found in air conditioners.").
        let reports = |i: usize| {
            matches!(cx.pos[i], "VBD" | "VBZ" | "VBP")
                && REPORT_VERBS.contains(&text(i))
                && !cx.quotes.is_quoted(i)
        };
        let at_end = (end.saturating_sub(5).max(range.start)..end)
            .rev()
            .find(|&i| say(i) || reports(i))
            .filter(|&v| circumstance(v + 1..end))
            .or_else(|| told_at_end(cx, range.start, end));
        // The appendix's comma may follow a short circumstance of the
        // verb ("…, the company said Tuesday, as it struggles …"); a
        // "that" after it is the statement's second half ("It matters,
        // she said in an interview, that …").
        let appendix = || {
            (range.start..end.saturating_sub(3)).find(|&v| {
                cx.pos[v].starts_with("VB")
                    && (say(v) || reports(v))
                    && (v + 1..(v + 6).min(end - 1)).any(|c| {
                        text(c) == ","
                            && circumstance(v + 1..c)
                            && ((matches!(cx.pos[c + 1], "IN" | "VBG")
                                && !text(c + 1).eq_ignore_ascii_case("that"))
                                || text(c + 1).eq_ignore_ascii_case("which")
                                || noun_phrase_appendix(cx, c + 1..end))
                    })
            })
        };
        let Some(verb) = at_end.or_else(appendix) else {
            continue;
        };
        let appended = at_end.is_none();
        // The speaker: a comma, then a short noun phrase without a finite verb.
        let Some(comma) = (verb.saturating_sub(11).max(range.start)..verb)
            .rev()
            .find(|&i| text(i) == ",")
        else {
            continue;
        };
        let speaker = comma + 1..verb;
        // Not a phrase a preposition opens ("…, with no injuries
        // reported."), nor a frame ("…, according to its FEC reports.").
        let noun_phrase = !speaker.is_empty()
            && cx.pos[speaker.start] != "IN"
            && !speaker.clone().any(|i| cx.doc.lower(i) == "according")
            && speaker
                .clone()
                .all(|i| named(i) && !super::finite_verb_tag(cx.pos[i]) && !cx.quotes.is_quoted(i))
            && speaker
                .clone()
                .any(|i| cx.pos[i].starts_with("NN") || cx.pos[i] == "PRP");
        // The clause: a few words with a verb, not a quotation.
        let clause = range.start..comma;
        // A subordinate clause alone ("But when Congress cut funding,
        // Mexico said enough") is no statement.
        let subordinate = subordinate_alone(cx, clause.clone());
        // Before an appendix, a whole clause: "The museum, Mr. Obama said,
        // would …" has its verb after the speaker.
        let finite = |i: usize| super::finite_verb_tag(cx.pos[i]);
        let statement = !subordinate
            && clause.len() >= 3
            && clause
                .clone()
                .any(|i| cx.pos[i].starts_with("VB") || cx.pos[i] == "MD")
            && (!appended || clause.clone().any(finite))
            && !cx.quotes.is_quoted(comma)
            && !clause
                .clone()
                .any(|i| cx.doc.tokens[i].kind == TokenKind::QuoteMark);
        if !noun_phrase || !statement {
            continue;
        }
        let in_sentence = |r: &Range<usize>| r.start >= range.start && r.end <= range.end;
        let told = is_tell_verb(cx, verb);
        if say(verb) || told {
            found.retain(|a| {
                !(a.cue.start >= range.start
                    && a.cue.end <= comma
                    && a.content.iter().all(in_sentence))
            });
        }
        for a in found.iter_mut() {
            let runs_over = a.content.iter().any(|c| c.start < verb && comma < c.end);
            if runs_over && a.cue.start < comma {
                for c in &mut a.content {
                    c.end = c.end.min(comma);
                }
                a.content.retain(|c| c.start < c.end);
            }
            // The clause is this speaker's: a cue of another sentence that
            // took it (the nearest cue in the paragraph when the tagger
            // missed this one: "The fines were smaller than analysts had
            // expected. Officials were wary, two people familiar with the
            // matter said.") lets it go.
            if !in_sentence(&a.cue) {
                a.content
                    .retain(|c| !(c.start >= clause.start && c.end <= clause.end));
            }
        }
        // The tagger's own attribution of the verb, when it read only the
        // appendix as its content, takes the clause; its source, when it
        // began inside the noun phrase, is the phrase.
        if let Some(a) = found.iter_mut().find(|a| a.cue.contains(&verb)) {
            // A source begun inside the speaker's phrase ("the Centers for
            // | Disease Control and Prevention", "police spokesperson |
            // Sgt. Lena Ortiz") is the phrase; the words of it the tagger
            // gave the content are no part of what was said.
            let cut_short = |s: &Range<usize>| {
                s.start > speaker.start && s.start < speaker.end && s.end <= verb
            };
            if a.source.as_ref().is_some_and(cut_short) {
                a.source = Some(speaker.clone());
                a.content
                    .retain(|c| !(c.start >= speaker.start && c.end <= speaker.end));
            }
            if appended || told {
                // After "told", the tagger's content is the hearer ("told
                // reporters"), which the channel finder reads from the frame.
                if a.content.iter().all(|c| c.start > verb) {
                    a.content = std::iter::once(clause).collect();
                }
                if a.source.is_none() {
                    a.source = Some(speaker);
                }
            } else if a
                .content
                .iter()
                .all(|c| c.start >= clause.start && c.end <= clause.end)
                && a.content.first().is_some_and(|c| c.start > clause.start)
                && !matches!(cx.pos[clause.start], "IN" | "RB" | "CC" | "WRB")
            {
                // "Etched, a San Francisco startup …, has raised $200
                // million, the company announced Thursday.": the tagger
                // began the content past the subject's apposition; the
                // clause is the statement, from its first word. An opening
                // connective or adverbial ("In addition, the campaign
                // plans …") stays out, as PolNeAR leaves it.
                a.content = std::iter::once(clause).collect();
            }
            continue;
        }
        added.push(TokenAttribution {
            source: Some(speaker),
            cue: verb..verb + 1,
            content: std::iter::once(clause).collect(),
        });
    }
    found.retain(|a| {
        !a.content.is_empty() && a.source.as_ref().is_none_or(|s| !s.contains(&a.cue.start))
    });
    found.extend(added);
}

/// `…, police spokesperson Lena Ortiz told reporters.`: "told" or "tells"
/// near a sentence's `end`, then only its hearer and a short circumstance
/// ("told The Associated Press on Monday", "told his players"): a noun phrase with
/// no verb, so not the start of what was told ("told reporters he would
/// resign" runs on to a clause of its own). Returns the verb.
fn told_at_end(cx: &Context<'_>, start: usize, end: usize) -> Option<usize> {
    let verb = (end.saturating_sub(8).max(start)..end)
        .rev()
        .find(|&i| is_tell_verb(cx, i))?;
    let hearer = verb + 1..end;
    let opens_a_phrase = matches!(
        cx.pos.get(hearer.start).copied(),
        Some("DT" | "NNP" | "NNPS" | "NN" | "NNS" | "PRP" | "PRP$")
    );
    let no_clause = hearer.clone().all(|i| {
        matches!(
            cx.doc.tokens[i].kind,
            TokenKind::Word | TokenKind::Abbreviation
        ) && !cx.quotes.is_quoted(i)
            && matches!(
                cx.pos[i],
                "DT" | "NNP" | "NNPS" | "NN" | "NNS" | "PRP" | "PRP$" | "IN" | "JJ" | "CD" | "POS"
            )
    });
    (opens_a_phrase && no_clause).then_some(verb)
}

/// Whether token `i` is an unquoted "told" or "tells".
fn is_tell_verb(cx: &Context<'_>, i: usize) -> bool {
    matches!(cx.doc.token_text(i), "told" | "tells") && !cx.quotes.is_quoted(i)
}

/// Whether `tail` (after the comma that follows a reporting verb) is a
/// noun phrase set beside the whole sentence ("…, the minister said on
/// Tuesday, the latest in a series of attacks."; "…, officials said
/// Sunday, a day after …"): it opens on a determiner or a possessive and
/// has no finite verb before a preposition or a relative word takes over.
/// A finite verb first makes it a clause of its own ("…, officials said
/// Tuesday, the company would …"). A comparison set beside it is one too
/// ("…, the agency said Friday, fewer than economists expected.").
fn noun_phrase_appendix(cx: &Context<'_>, tail: Range<usize>) -> bool {
    if tail.len() < 2 || !matches!(cx.pos[tail.start], "DT" | "PRP$" | "JJR" | "RBR") {
        return false;
    }
    for i in tail {
        let tag = cx.pos[i];
        if cx.doc.tokens[i].kind == TokenKind::QuoteMark || super::finite_verb_tag(tag) {
            return false;
        }
        if matches!(tag, "IN" | "WDT" | "WP" | "TO") {
            return true;
        }
    }
    true
}

/// `Acme said it would cut 14,000 jobs, | the latest sign | that AI is
/// reshaping work`: a noun phrase set beside the content after a comma
/// is the outlet's comment on it, and the clause its noun takes ("sign
/// that …") is no part of what was said. The tagger skipped the noun
/// phrase and gave its clause to the content; the clause goes.
pub(in crate::learned) fn appendix_clause_out_of_content(
    cx: &Context<'_>,
    a: &mut TokenAttribution,
) {
    let Some(k) = (1..a.content.len()).find(|&k| {
        let (before, after) = (&a.content[k - 1], &a.content[k]);
        let gap = before.end..after.start;
        gap.len() >= 3
            && cx.doc.token_is(gap.start, ",")
            && gap.clone().skip(1).all(|i| cx.doc.tokens[i].kind == TokenKind::Word)
            && noun_phrase_appendix(cx, gap.start + 1..gap.end)
            && cx.pos[gap.end - 1].starts_with("NN")
            && cx.doc.lower(after.start) == "that"
            // "the closure of loopholes | that benefit …": a relative
            // clause, the phrase one of a list the content goes on with.
            && after.len() > 1
            && !(cx.pos[after.start + 1].starts_with("VB") || cx.pos[after.start + 1] == "MD")
            && cx.doc.sentence_of(before.end - 1) == cx.doc.sentence_of(after.start)
    }) else {
        return;
    };
    a.content.truncate(k);
}

/// Whether `clause` is only a subordinate clause: it opens (after a
/// conjunction) with a subordinator and holds no comma ("But when Congress
/// cut funding").
fn subordinate_alone(cx: &Context<'_>, clause: Range<usize>) -> bool {
    clause
        .clone()
        .find(|&i| cx.pos[i] != "CC")
        .is_some_and(|i| SUBORDINATORS.contains(&cx.doc.lower(i)))
        && !clause.clone().any(|i| cx.doc.token_is(i, ","))
}

/// Words that open a subordinate clause ([`trailing_say_clause`]).
const SUBORDINATORS: &[&str] = &[
    "when", "if", "although", "though", "because", "while", "as", "after", "before", "since",
    "unless", "until", "whether", "once", "whereas",
];

/// `Some 55 percent of voters said they do not believe it, according to a
/// Quinnipiac poll.`: a sentence that ends in a comma, "according to" and
/// its source reports the whole clause before the comma, as PolNeAR marks
/// it (299 of its 301 such attributions in train hold no attribution of
/// their own); so does one that opens with "According to X," for the
/// clause after the comma (86 of 86). The tagger gave the clause to an
/// inner cue ("said") and the outer one lost it. The inner attributions of
/// the clause go, and "according to" takes the clause as its content and
/// its phrase as its source. A clause that is only a subordinate one, or
/// that goes on a quotation opened outside the sentence, is left as the
/// tagger read it, as is an inner attribution whose content leaves the
/// sentence.
pub(in crate::learned) fn according_to_frame(cx: &Context<'_>, found: &mut Vec<TokenAttribution>) {
    let mut added = Vec::new();
    for sentence in &cx.doc.sentences {
        let range = sentence.tokens.clone();
        let Some(frame) = trailing_according_to(cx, range.clone())
            .or_else(|| leading_according_to(cx, range.clone()))
            .or_else(|| leading_as_reported(cx, range.clone()))
        else {
            continue;
        };
        let Frame {
            cue,
            source,
            clause,
        } = frame;
        // A name, a title in quotation marks, an apposition: no clause but
        // a relative one on the name ("two people who spoke on condition of
        // anonymity because …"), unless it says what they said ("aides who
        // said it was doomed").
        let relative = source
            .clone()
            .find(|&i| matches!(cx.pos[i], "WP" | "WDT"))
            .filter(|&r| {
                !(r..source.end).any(|i| {
                    matches!(
                        cx.doc.lower(i),
                        "said" | "say" | "says" | "told" | "tell" | "tells"
                    )
                })
            })
            .unwrap_or(source.end);
        let name_like = source.clone().all(|i| {
            (i > relative || !super::finite_verb_tag(cx.pos[i]))
                && cx
                    .quotes
                    .outer_quote(i)
                    .is_none_or(|q| q.open >= source.start && q.close < source.end)
        }) && source
            .clone()
            .any(|i| cx.pos[i].starts_with("NN") || cx.pos[i] == "PRP");
        if !name_like || source.len() > MAX_FRAME_SOURCE {
            continue;
        }
        let subordinate = subordinate_alone(cx, clause.clone());
        let verb = clause
            .clone()
            .any(|i| cx.pos[i].starts_with("VB") || cx.pos[i] == "MD");
        // A quotation in the clause opens and closes inside it.
        let own_quotes = clause.clone().all(|i| {
            cx.quotes
                .outer_quote(i)
                .is_none_or(|q| q.open >= clause.start && q.close < clause.end)
        });
        if subordinate || !verb || !own_quotes || clause.len() < 3 {
            continue;
        }
        let in_clause = |r: &Range<usize>| r.start >= clause.start && r.end <= clause.end;
        let in_sentence = |r: &Range<usize>| r.start >= range.start && r.end <= range.end;
        let inner = |a: &TokenAttribution| in_clause(&a.cue);
        if found
            .iter()
            .any(|a| inner(a) && !a.content.iter().all(in_sentence))
        {
            continue;
        }
        found.retain(|a| !inner(a));
        let outer = TokenAttribution {
            source: Some(source),
            cue: cue.clone(),
            content: std::iter::once(clause).collect(),
        };
        match found
            .iter_mut()
            .find(|a| a.cue.start < cue.end && cue.start < a.cue.end)
        {
            Some(a) => *a = outer,
            None => added.push(outer),
        }
    }
    found.extend(added);
}

/// An "according to" that frames a clause of its sentence.
struct Frame {
    cue: Range<usize>,
    source: Range<usize>,
    clause: Range<usize>,
}

/// `…, according to X.`, X running to the end of the sentence; the comma
/// may close a quotation (`me,'' according to`).
fn trailing_according_to(cx: &Context<'_>, range: Range<usize>) -> Option<Frame> {
    let text = |i: usize| cx.doc.token_text(i);
    let end = before_closing_punctuation(cx, range.clone());
    if end == range.end || end < range.start + 6 {
        return None;
    }
    let closing_mark = |i: usize| {
        cx.doc.tokens[i].kind == TokenKind::QuoteMark
            && cx.quotes.quote_of_mark(i).is_some_and(|q| q.close == i)
    };
    let cue = (range.start + 3..end - 2).find(|&i| {
        according_to(cx, i) && (text(i - 1) == "," || (closing_mark(i - 1) && text(i - 2) == ","))
    })?;
    let clause_end = if text(cue - 1) == "," { cue - 1 } else { cue };
    Some(Frame {
        cue: cue..cue + 2,
        source: cue + 2..end,
        clause: range.start..clause_end,
    })
}

/// `According to X, …`, opening the sentence (after a conjunction at
/// most); X runs to the first comma.
fn leading_according_to(cx: &Context<'_>, range: Range<usize>) -> Option<Frame> {
    let text = |i: usize| cx.doc.token_text(i);
    let cue = (range.start..(range.start + 2).min(range.end))
        .find(|&i| according_to(cx, i))
        .filter(|&i| (range.start..i).all(|k| cx.pos[k] == "CC"))?;
    let comma = (cue + 2..(cue + 2 + MAX_FRAME_SOURCE + 1).min(range.end))
        .find(|&i| text(i) == "," && !cx.quotes.is_quoted(i))?;
    let comma = apposition_closed_at(cx, comma, range.end).unwrap_or(comma);
    let end = before_closing_punctuation(cx, comma + 1..range.end);
    Some(Frame {
        cue: cue..cue + 2,
        source: cue + 2..comma,
        clause: comma + 1..end,
    })
}

/// The comma closing an apposition after the source's comma at `comma`
/// (`According to Layoffs.fyi, a website that tracks job cuts, more than
/// …`; 22 of the 393 such sources in PolNeAR train hold one): a
/// determiner, possessive or "one" opens it, the next comma closes it
/// within [`MAX_APPOSITION`] tokens, with no quotation mark, finite verb
/// outside a relative clause (`According to Smith, the economy grew, and
/// …` is content) or superlative ranking the content's figure (`the most
/// of any candidate`) before it, and two words or more follow it.
fn apposition_closed_at(cx: &Context<'_>, comma: usize, end: usize) -> Option<usize> {
    let first = comma + 1;
    let opens = first < end
        && (matches!(cx.pos[first], "DT" | "PRP$")
            || cx.doc.lower(first) == "one"
            || crate::entities::is_possessive(cx.doc.token_text(first)));
    if !opens {
        return None;
    }
    let limit = (first + MAX_APPOSITION).min(end);
    let close = (first + 1..limit).find(|&i| cx.doc.token_is(i, ","))?;
    let mut relative = false;
    for i in first..close {
        relative |= matches!(cx.pos[i], "WDT" | "WP" | "WP$");
        let verb = super::finite_verb_tag(cx.pos[i]) && !relative;
        let superlative = matches!(cx.doc.lower(i), "most" | "least") || cx.pos[i] == "JJS";
        if verb
            || superlative
            || cx.doc.tokens[i].kind == TokenKind::QuoteMark
            || cx.quotes.is_quoted(i)
        {
            return None;
        }
    }
    (close + 1..end)
        .filter(|&i| cx.doc.tokens[i].kind == TokenKind::Word)
        .nth(1)
        .map(|_| close)
}

/// `As Reuters reported last month, …`, `As The Atlantic recently noted,
/// …`, `As he told reporters, …`: an opening "as" clause of a reporting
/// verb frames the clause after its comma, as "according to" does (PolNeAR
/// marks them so: the source between "as" and the verb, the cue with its
/// adverb or auxiliary, the rest of the sentence as the content). The verb
/// may take a short circumstance ("in a statement", "last month") or, for
/// "told", its listener; anything else after it ("As Trump said he would,
/// …", "As the campaign reported $1 million in donations, …") is no frame.
fn leading_as_reported(cx: &Context<'_>, range: Range<usize>) -> Option<Frame> {
    let text = |i: usize| cx.doc.token_text(i);
    let word = |i: usize| cx.doc.tokens[i].kind == TokenKind::Word;
    let opening = (range.start..(range.start + 2).min(range.end))
        .find(|&i| text(i).eq_ignore_ascii_case("as"))
        .filter(|&i| (range.start..i).all(|k| cx.pos[k] == "CC"))?;
    let comma = (opening + 2..(opening + 2 + MAX_AS_FRAME).min(range.end))
        .find(|&i| text(i) == ",")
        .filter(|&i| !cx.quotes.is_quoted(i))?;
    let verb = (opening + 2..comma).find(|&i| REPORTING_VERBS.contains(&cx.doc.lower(i)))?;
    // The cue opens on the adverbs and auxiliaries before the verb
    // ("recently noted", "has reported", "first reported").
    let mut cue_start = verb;
    while cue_start > opening + 2 && matches!(cx.pos[cue_start - 1], "RB" | "VBZ" | "VBP" | "VBD") {
        cue_start -= 1;
    }
    let source = opening + 1..cue_start;
    if source
        .clone()
        .any(|i| !word(i) || super::finite_verb_tag(cx.pos[i]))
    {
        return None;
    }
    let mut cue_end = verb + 1;
    let particle = match cx.doc.lower(verb) {
        "put" => "it",
        "pointed" => "out",
        _ => "",
    };
    if !particle.is_empty() && cue_end < comma && cx.doc.lower(cue_end) == particle {
        cue_end += 1;
    }
    // What stands between the verb and the comma.
    let mut at = cue_end;
    if matches!(cx.doc.lower(verb), "told" | "tells" | "tell") {
        // The listener: a short noun phrase ("reporters", "The Post").
        let listener = (at..comma)
            .take_while(|&i| matches!(cx.pos[i], "DT" | "NN" | "NNS" | "NNP" | "NNPS" | "PRP"))
            .count();
        if listener == 0 || listener > 3 {
            return None;
        }
        at += listener;
    }
    let circumstance = at == comma
        || ((cx.pos[at] == "IN"
            || (at..comma).any(|i| crate::when::is_time_word(cx.doc.lower(i)))
            || (comma - at == 1 && cx.pos[at] == "RB"))
            && (at..comma).all(|i| {
                word(i)
                    && matches!(
                        cx.pos[i],
                        "IN" | "DT" | "NN" | "NNP" | "NNS" | "JJ" | "CD" | "RB" | "PRP$"
                    )
            }));
    if !circumstance {
        return None;
    }
    // PolNeAR's cue holds the verb's circumstance ("reported just today",
    // "reported, even on Friday morning,"), not its listener.
    if at == cue_end {
        cue_end = comma;
    }
    // A circumstance set off after the comma ("As Breitbart News
    // reported, even on Friday morning, …") belongs to the cue too.
    let mut clause_start = comma + 1;
    if let Some(second) = (comma + 1..(comma + 7).min(range.end)).find(|&i| text(i) == ",") {
        let aside = comma + 1..second;
        let adverbial = aside.clone().all(|i| {
            word(i) && matches!(cx.pos[i], "RB" | "IN" | "DT" | "NN" | "NNP" | "CD" | "JJ")
        }) && aside
            .clone()
            .any(|i| cx.pos[i] == "IN" || crate::when::is_time_word(cx.doc.lower(i)));
        if !aside.is_empty() && adverbial {
            cue_end = second;
            clause_start = second + 1;
        }
    }
    let end = before_closing_punctuation(cx, clause_start..range.end);
    Some(Frame {
        cue: cue_start..cue_end,
        source,
        clause: clause_start..end,
    })
}

/// Verbs of an opening "as" frame ([`leading_as_reported`]).
const REPORTING_VERBS: &[&str] = &[
    "reported",
    "reports",
    "said",
    "says",
    "noted",
    "notes",
    "wrote",
    "writes",
    "put",
    "told",
    "tells",
    "explained",
    "explains",
    "observed",
    "pointed",
    "argued",
    "argues",
    "revealed",
    "disclosed",
    "announced",
    "confirmed",
];

/// The longest opening "as" frame before its comma (tokens).
const MAX_AS_FRAME: usize = 16;

/// Where `range` ends before the punctuation that closes it (never before
/// its start).
fn before_closing_punctuation(cx: &Context<'_>, range: Range<usize>) -> usize {
    let mut end = range.end;
    while end > range.start && cx.doc.tokens[end - 1].kind == TokenKind::Punct {
        end -= 1;
    }
    end
}

/// Whether "according to" starts at token `i`, outside quotations.
fn according_to(cx: &Context<'_>, i: usize) -> bool {
    i + 1 < cx.doc.tokens.len()
        && cx.doc.token_text(i).eq_ignore_ascii_case("according")
        && cx.doc.token_text(i + 1).eq_ignore_ascii_case("to")
        && !cx.quotes.is_quoted(i)
}

/// The longest source of an "according to" frame (tokens): "early results
/// of exit polls conducted for the Associated Press and television
/// networks by Edison Research".
const MAX_FRAME_SOURCE: usize = 20;

/// The longest apposition (tokens) read after a leading "according to"
/// source.
const MAX_APPOSITION: usize = 14;
