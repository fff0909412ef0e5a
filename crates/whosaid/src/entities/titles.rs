//! Titles and roles: the words that head them and the titles written
//! around a person's mention.

use std::ops::Range;

use super::{is_possessive, Entities, MentionClass};
use crate::text::{Document, TokenKind};

/// Words that head a title or role ("Secretary General", "nominee"; a
/// team's positions: "Quarterback Caleb Williams").
pub const TITLE_NOUNS: &[&str] = &[
    "adm.",
    "admiral",
    "adviser",
    "advisor",
    "aide",
    "alderman",
    "ambassador",
    "analyst",
    "anchor",
    "archbishop",
    "assemblyman",
    "assemblywoman",
    "attorney",
    "auditor",
    "bishop",
    "boss",
    "candidate",
    "capt.",
    "captain",
    "cardinal",
    "ceo",
    "chair",
    "chairman",
    "chairwoman",
    "chancellor",
    "chief",
    "coach",
    "col.",
    "colonel",
    "commander",
    "commissioner",
    "comptroller",
    "congressman",
    "congresswoman",
    "coroner",
    "correspondent",
    "councillor",
    "councilman",
    "councilmember",
    "councilor",
    "councilwoman",
    "counsel",
    "defender",
    "delegate",
    "deputy",
    "detective",
    "diplomat",
    "director",
    "economist",
    "editor",
    "envoy",
    "executive",
    "founder",
    "gen.",
    "general",
    "goalkeeper",
    "gov.",
    "governor",
    "head",
    "host",
    "imam",
    "judge",
    "justice",
    "king",
    "lawmaker",
    "lawyer",
    "leader",
    "legislator",
    "lieutenant",
    "linebacker",
    "lt.",
    "manager",
    "marshal",
    "mayor",
    "member",
    "midfielder",
    "minister",
    "nominee",
    "officer",
    "official",
    "ombudsman",
    "pastor",
    "pitcher",
    "pollster",
    "pope",
    "predecessor",
    "premier",
    "president",
    "press secretary",
    "prince",
    "professor",
    "prosecutor",
    "provost",
    "quarterback",
    "queen",
    "rabbi",
    "rep.",
    "reporter",
    "representative",
    "secretary",
    "sen.",
    "senator",
    "sergeant",
    "sgt.",
    "sheriff",
    "speaker",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "strategist",
    "striker",
    "successor",
    "superintendent",
    "supervisor",
    "treasurer",
    "trooper",
    "warden",
    "whip",
    "winger",
];

static TITLES: std::sync::LazyLock<crate::text::WordSet> =
    std::sync::LazyLock::new(|| crate::text::WordSet::new(TITLE_NOUNS));

/// Whether a lowercased word heads a title.
pub fn is_title_noun(word: &str) -> bool {
    TITLES.contains(word) || is_compound_title(word)
}

/// A hyphenated title made of title nouns or of one and a word that only
/// qualifies it: "secretary-general", "attorney-general", "editor-in-chief",
/// "co-founder", "vice-president", "president-elect". Lowercase, as
/// [`is_title_noun`] takes it.
fn is_compound_title(word: &str) -> bool {
    if !word.contains('-') {
        return false;
    }
    let parts: Vec<&str> = word.split('-').collect();
    let (first, last) = match parts.as_slice() {
        [first, last] => (*first, *last),
        [first, "in", last] => (*first, *last),
        _ => return false,
    };
    let title = |w: &str| TITLES.contains(w);
    (title(first) && (title(last) || matches!(last, "elect" | "designate" | "chief")))
        || (title(last) && matches!(first, "co" | "vice" | "deputy" | "under" | "assistant"))
}

/// Whether a lowercase noun names a person by its ending: "-ist" or
/// "-ian" ("socialist", "anthropologist", "pediatrician", "comedian"),
/// not the few things so named ("playlist", "median").
pub fn agent_by_ending(noun: &str) -> bool {
    noun.len() > 5
        && noun.starts_with(|c: char| c.is_ascii_lowercase())
        && (noun.ends_with("ist") || noun.ends_with("ian"))
        && ![
            "playlist",
            "checklist",
            "wishlist",
            "shortlist",
            "blacklist",
            "waitlist",
            "median",
            "meridian",
        ]
        .iter()
        .any(|thing| noun.ends_with(thing))
}

/// Nouns for a person's occupation that make an apposition a title
/// besides the title nouns and agent nouns ("Sara Seager, a planetary
/// scientist at MIT,", "Jane Roe, a researcher at Oxford,").
const OCCUPATION_NOUNS: &[&str] = &[
    "researcher",
    "expert",
    "consultant",
    "fellow",
    "teacher",
    "doctor",
    "nurse",
    "owner",
    "partner",
];

/// Verbs that report a quotation before its speaker ('"…," said its
/// president, …').
const REPORTING_VERBS: &[&str] = &["said", "says", "added", "adds", "wrote", "writes", "told"];

/// Whether a lowercased word heads a title in an apposition to a name:
/// a title noun, an occupation or an agent noun.
fn heads_apposed_title(word: &str) -> bool {
    is_title_noun(word) || OCCUPATION_NOUNS.contains(&word) || agent_by_ending(word)
}

/// A description that opens the sentence and stands in apposition before a
/// name ("An attorney for Pagliano, Mark MacDougall, said"): headed by a
/// title noun, with an optional phrase after it, no verb, and the name
/// closed by a comma. The article before it is left out.
fn title_before_comma(
    doc: &Document,
    pos: &[&str],
    sentence: &Range<usize>,
    r: &Range<usize>,
) -> Option<Range<usize>> {
    // An honorific between the comma and the name ("Its chair, Dr. Tom
    // Dolphin,") is no part of either.
    let honorific = r.start > 0 && {
        let w = doc.lower(r.start - 1);
        super::is_honorific(w) || matches!(w, "dr." | "dr" | "prof." | "prof")
    };
    let comma = r.start.checked_sub(1 + usize::from(honorific))?;
    // The name is closed by a comma, or by the sentence's period after a
    // quotation ('"…," said its president, Rafael Pico.').
    let closed = r.end < sentence.end
        && (doc.token_is(r.end, ",") || (r.end + 1 == sentence.end && doc.token_is(r.end, ".")));
    if comma <= sentence.start || !doc.token_is(comma, ",") || !closed {
        return None;
    }
    // The phrase opens the sentence or follows the quotation it reports
    // ('"…," the company's chief legal officer, David Okafor, wrote'),
    // maybe past the verb that reports it ('"…," said its president,').
    let from = match (sentence.start..comma)
        .rev()
        .find(|&i| doc.tokens[i].kind == TokenKind::QuoteMark)
    {
        Some(quote) if quote > sentence.start && doc.token_is(quote - 1, ",") => {
            let verb = quote + 1 < comma && REPORTING_VERBS.contains(&doc.lower(quote + 1));
            quote + 1 + usize::from(verb)
        }
        _ if doc.token_is(r.end, ".") => return None,
        _ => after_opening_phrase(doc, pos, sentence.start, comma),
    };
    if comma <= from
        || comma - from > 8
        || (from..comma).any(|i| doc.tokens[i].kind == TokenKind::Punct)
    {
        return None;
    }
    let lower = |i: usize| doc.lower(i);
    // The article or possessive determiner is left out ("Its president,
    // Everett Kelley,": the title is "president"), and so is a described
    // possessor ("The company's chief legal officer, David Okafor,").
    let mut start = from + usize::from(matches!(lower(from), "and" | "but" | "so"));
    start += usize::from(
        start < comma
            && matches!(
                lower(start),
                "a" | "an" | "the" | "one" | "another" | "its" | "his" | "her" | "their" | "our"
            ),
    );
    // A named possessor stays: "Trump's attorney" is a relation.
    if let Some(owner) = (start..comma).find(|&i| is_possessive(doc.token_text(i))) {
        if possessor_apart(doc, owner, comma) {
            start = owner + 1;
        }
    }
    // The head: a title noun ending a run of adjectives and nouns ("chief
    // legal officer"); what follows it opens with a preposition ("for
    // Pagliano", "of the union").
    let tag = |i: usize| pos.get(i).copied().unwrap_or("");
    let phrase_end = (start..comma)
        .find(|&i| matches!(tag(i), "IN" | "TO"))
        .unwrap_or(comma);
    let head = phrase_end.checked_sub(1).filter(|&h| h >= start)?;
    let is_head = |k: usize| k == head;
    let modifiers_ok = (start..head).all(|i| {
        tag(i).starts_with("NN")
            || tag(i).starts_with("JJ")
            || is_possessive(doc.token_text(i))
            || doc.is_capitalized(i)
            || participle_before_head(pos, i, head + 1, is_head)
    });
    let no_verb = (from..comma).all(|i| {
        !(tag(i).starts_with("VB") || tag(i) == "MD")
            || participle_before_head(pos, i, head + 1, is_head)
    });
    (tag(head).starts_with("NN") && is_title_noun(lower(head)) && modifiers_ok && no_verb)
        .then_some(start..comma)
}

/// Where the subject of a sentence starting at `start` opens, past an
/// opening adverbial closed by a comma before `comma` ("In a post on X,
/// | Meta's head of global affairs, Joel Kaplan, wrote", "Speaking to
/// reporters, | the company's chief executive, …"): a phrase opened by a
/// preposition, an adverb or a participle, with no quotation in it. Else
/// `start`.
fn after_opening_phrase(doc: &Document, pos: &[&str], start: usize, comma: usize) -> usize {
    let opens_adverbial = pos
        .get(start)
        .is_some_and(|t| matches!(*t, "IN" | "RB" | "VBG" | "VBN"));
    if !opens_adverbial {
        return start;
    }
    let Some(closing) = (start + 1..comma).rev().find(|&i| doc.token_is(i, ",")) else {
        return start;
    };
    let plain = (start..closing).all(|i| doc.tokens[i].kind != TokenKind::QuoteMark);
    if plain {
        closing + 1
    } else {
        start
    }
}

/// Whether a token is a person's age as news appose it to a name: one to
/// three digits ("Jane Roe, 41,").
fn is_age(token: &str) -> bool {
    (1..=3).contains(&token.len()) && token.bytes().all(|b| b.is_ascii_digit())
}

/// Whether the possessive at `owner`, before a title ending at `end`, is
/// no part of the title: a described possessor ("the company's chief
/// economist": whose it is, the affiliation says), or a named one before
/// "campaign" ("Harris's campaign chair" is the campaign chair of the
/// Harris campaign). Any other named possessor is a relation that stays
/// ("Trump's attorney"), and so does "the campaign's", whose campaign
/// the article may leave open ("the campaign's new political director").
fn possessor_apart(doc: &Document, owner: usize, end: usize) -> bool {
    let described = doc.token_text(owner).starts_with(char::is_lowercase)
        && super::strip_possessive(doc.lower(owner)) != "campaign";
    described || (owner + 2 < end && doc.lower(owner + 1) == "campaign")
}

/// Whether token `i` is a participle modifying a title's head after it,
/// before `end` ("fixed" in "chief fixed income strategist", "managing"
/// in "managing director"): a verb form, but no verb of the phrase. Only
/// nouns, adjectives and participles stand between the two ("providing a
/// boost to the candidate", "running for president" are clauses).
fn participle_before_head(
    pos: &[&str],
    i: usize,
    end: usize,
    is_head: impl Fn(usize) -> bool,
) -> bool {
    let modifier =
        |t: &str| t.starts_with("NN") || t.starts_with("JJ") || matches!(t, "VBN" | "VBG");
    matches!(pos.get(i).copied(), Some("VBN" | "VBG"))
        && (i + 1..end)
            .take_while(|&k| pos.get(k).is_some_and(|t| modifier(t)))
            .any(is_head)
}

/// Titles written around a person's mention, as token ranges: before it ("NATO Secretary
/// General Mark Rutte", "Rutte’s predecessor Jens Stoltenberg", "Bloomberg
/// TV’s Annemarie Gordern") and as an apposition after it ("Mark Rutte,
/// NATO’s secretary general,").
/// Endings of words for a country's people ("finnish", "ukrainian",
/// "japanese", "israeli"; the resolver's people words add parties').
pub(crate) const DEMONYM_ENDINGS: &[&str] = &["an", "ese", "ish", "i"];

/// Whether a lowercased adjective names a country's people by its ending
/// ([`DEMONYM_ENDINGS`]) or is one whose ending does not say so
/// ("french", "dutch", "swiss", "greek").
pub(crate) fn is_nationality_adjective(word: &str) -> bool {
    DEMONYM_ENDINGS
        .iter()
        .any(|end| word.len() > end.len() + 2 && word.ends_with(end))
        || matches!(
            word,
            "french" | "dutch" | "swiss" | "czech" | "greek" | "thai"
        )
}

pub(super) fn titles_of(
    doc: &Document,
    pos: &[&str],
    e: &Entities,
    r: Range<usize>,
) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let sentence = &doc.sentences[doc.sentence_of(r.start)];
    let text = |a: usize, b: usize| a..b;
    let lower = |i: usize| doc.lower(i);
    let in_other_mention = |i: usize| {
        e.covering(i)
            .is_some_and(|(m, _)| m.class != MentionClass::Person)
    };
    let capital_at = |i: usize| doc.is_capitalized(i);
    // A lowercase noun before a lowercase title word names its field
    // ("press secretary", "campaign manager", "hedge fund manager"); before
    // a capitalized one it is no part of it ("reason President Obama").
    let field_noun = |i: usize| {
        !capital_at(i)
            && pos.get(i).is_some_and(|t| matches!(*t, "NN" | "NNS"))
            && !crate::when::is_time_word(lower(i))
    };
    // An occupation written in lowercase right before the name heads its
    // title as a title noun does ("NASA scientist Jane Doe", "Yale
    // historian Timothy Snyder").
    let title_word = |i: usize| {
        is_title_noun(lower(i))
            || (i + 1 == r.start
                && doc.token_text(i).starts_with(char::is_lowercase)
                && pos.get(i).is_some_and(|t| *t == "NN")
                && (OCCUPATION_NOUNS.contains(&lower(i)) || agent_by_ending(lower(i))))
    };
    // "of" (and "the" after it) inside an office's name between a
    // capitalized title noun and capitals: "Secretary of State", "Minister
    // of Foreign Affairs", "Speaker of the House".
    // The first word of the office's name after its "of" at `of`, past a
    // "the", when it is a capital before the name.
    let office_name_after = |of: usize| {
        let mut next = of + 1;
        if next < r.start && lower(next) == "the" {
            next += 1;
        }
        (next < r.start && capital_at(next)).then_some(next)
    };
    let office_of = |i: usize| {
        let of = match lower(i) {
            "of" => i,
            "the" if i > sentence.tokens.start && lower(i - 1) == "of" => i - 1,
            _ => return false,
        };
        of > sentence.tokens.start
            && capital_at(of - 1)
            && is_title_noun(lower(of - 1))
            && office_name_after(of).is_some()
    };
    // Before: a run of title words, capitalized words and organization names.
    let mut start = r.start;
    while start > sentence.tokens.start {
        let i = start - 1;
        let w = lower(i);
        let tag = pos.get(i).copied().unwrap_or("");
        let capital = capital_at(i);
        // A lowercase noun naming the field of a title after it ("press
        // secretary", "campaign manager", "hedge fund manager").
        let field = field_noun(i) && start < r.start && !capital_at(start);
        let titleish = office_of(i)
            || title_word(i)
            || in_other_mention(i)
            || matches!(w, "former" | "vice" | "acting" | "then" | "deputy")
            || (capital && matches!(tag, "NNP" | "NNPS" | "JJ") && !is_possessive(w))
            || (tag == "JJ" && start < r.start)
            || field;
        if !titleish || doc.tokens[i].kind == TokenKind::Punct {
            break;
        }
        if is_possessive(doc.token_text(i)) {
            break;
        }
        start = i;
    }
    // `Rutte’s predecessor Jens Stoltenberg`: a relation to a possessor.
    if start > sentence.tokens.start
        && start < r.start
        && is_possessive(doc.token_text(start - 1))
        && doc.token_text(start).chars().all(char::is_lowercase)
    {
        let owner = e
            .ending_at(start)
            .map_or(start - 1, |(m, _)| m.tokens.start);
        out.push(text(owner, r.start));
        return out;
    }
    // Keep the run only up to its last title noun.
    if let Some(last) = (start..r.start).rev().find(|&i| title_word(i)) {
        let mut first = start;
        // Capitalized words right before a capitalized title noun name its
        // portfolio ("Transportation Secretary", "Homeland Security
        // Secretary", "Foreign Minister", "Campaign Manager"): proper nouns
        // anywhere, an adjective inside the sentence ("Yesterday President
        // Obama" keeps no "Yesterday"); not in a headline, whose capitals
        // say nothing.
        let portfolio = |i: usize| {
            // A word in capitals longer than an acronym is a shouted
            // line's ("DEADLY EXPLOSION Turkish President").
            let shouted = |j: usize| {
                let t = doc.token_text(j);
                t.len() > 4 && !t.chars().any(char::is_lowercase)
            };
            let word = |j: usize| {
                let tag = pos.get(j).copied().unwrap_or("");
                capital_at(j)
                    && !shouted(j)
                    && !crate::when::is_time_word(lower(j))
                    && (matches!(tag, "NNP" | "NNPS") || (tag == "JJ" && j > sentence.tokens.start))
            };
            i < last
                && (i..last).all(word)
                && (i + 1..=last).all(capital_at)
                && is_title_noun(lower(last))
                && !super::repair::is_title_case(doc, doc.sentence_of(i))
        };
        // A country's adjective opening the sentence is the office's
        // ("Finnish President Alexander Stubb", "Polish Foreign Minister"),
        // as it is inside one; not in a headline.
        let nationality = |i: usize| {
            i < last
                && capital_at(i)
                && pos.get(i).is_some_and(|t| matches!(*t, "JJ" | "NNP"))
                && is_nationality_adjective(lower(i))
                && (i + 1..=last).all(capital_at)
                && !super::repair::is_title_case(doc, doc.sentence_of(i))
        };
        // A sentence-initial capital that is not a title word is no title,
        // nor an adjective before it ("presumptive"); a field is part of it
        // ("campaign manager").
        while first <= last
            && !title_word(first)
            && !in_other_mention(first)
            && (!field_noun(first) || capital_at(first + 1))
            && !portfolio(first)
            && !nationality(first)
        {
            let w = lower(first);
            if matches!(w, "former" | "vice" | "acting" | "deputy") {
                break;
            }
            first += 1;
        }
        // The office a title noun heads runs to the name ("Secretary of
        // State John Kerry"): "of", maybe "the", then capitals only.
        let office_end = (last + 1 < r.start && lower(last + 1) == "of" && capital_at(last))
            .then(|| office_name_after(last + 1))
            .flatten()
            .filter(|&name| (name..r.start).all(capital_at))
            .map(|_| r.start);
        if first <= last && (last + 1 == r.start || office_end.is_some()) {
            out.push(text(first, office_end.unwrap_or(last + 1)));
        }
    }
    // Possessive affiliation or relation right before: "Bloomberg TV’s",
    // "Rutte’s predecessor".
    let j = start.min(r.start);
    if j > sentence.tokens.start {
        let i = j - 1;
        if is_possessive(doc.token_text(i)) {
            if let Some((m, _)) = e.ending_at(i + 1) {
                if m.class != MentionClass::Person {
                    out.push(m.tokens.clone());
                }
            }
        } else if pos.get(i).is_some_and(|t| t.starts_with("NN"))
            && doc.token_text(i).chars().all(char::is_lowercase)
        {
            // `<X>’s <role> <Name>`
            let mut k = i;
            while k > sentence.tokens.start
                && pos
                    .get(k - 1)
                    .is_some_and(|t| t.starts_with("NN") || *t == "JJ")
                && !is_possessive(doc.token_text(k - 1))
                && i - k < 2
            {
                k -= 1;
            }
            if k > sentence.tokens.start && is_possessive(doc.token_text(k - 1)) {
                out.push(text(k - 1, i + 1));
            }
        }
    }
    // Apposition before: `An attorney for Pagliano, Mark MacDougall, said`.
    if let Some(span) = title_before_comma(doc, pos, &sentence.tokens, &r) {
        out.push(span);
    }
    // Apposition: `Name, (the) … title noun,`, or the title noun and a
    // phrase naming where ("a law professor at the University of
    // Michigan", "chief economist at KPMG", "a spokesperson for the
    // agency").
    // A person named in the possessive before a lowercase title word is
    // whose office it is, no other speaker ("Jane Roe, Trump's campaign
    // manager,").
    let possessor_of_the_title = |end: usize| {
        super::owned_after(doc, end).is_some_and(|office| {
            office < sentence.tokens.end && doc.token_text(office).starts_with(char::is_lowercase)
        })
    };
    // A name the tagger read as a person right before the lowercase title
    // word is the employer's, part of the title ("Dan Ives, a Wedbush
    // analyst,"; "Jane Roe, a Trump adviser,").
    let employer_before_title = |end: usize| {
        end < sentence.tokens.end
            && doc.token_text(end).starts_with(char::is_lowercase)
            && heads_apposed_title(lower(end))
    };
    if r.end + 1 < sentence.tokens.end && doc.token_is(r.end, ",") {
        // An age apposed first is no part of the title ("Anna Berg, 41, a
        // portfolio manager at Nordea,").
        let age = r.end + 2 < sentence.tokens.end
            && is_age(doc.token_text(r.end + 1))
            && doc.token_is(r.end + 2, ",");
        let from = r.end + 1 + 2 * usize::from(age);
        let limit = (from + 12).min(sentence.tokens.end);
        // A relative clause ends the title ("an Austrian lawyer | whose
        // complaints started the case").
        let ends_title = |i: usize| {
            doc.tokens[i].kind == TokenKind::Punct || matches!(lower(i), "who" | "whose" | "which")
        };
        if let Some(stop) = (from..limit).find(|&i| ends_title(i)) {
            let words: Vec<&str> = (from..stop).map(lower).collect();
            let head_ok = words.last().is_some_and(|w| heads_apposed_title(w))
                || words.windows(2).any(|w| {
                    heads_apposed_title(w[0]) && matches!(w[1], "of" | "at" | "for" | "with" | "in")
                });
            // A participle before the title's head modifies it ("chief
            // fixed income strategist", "managing director").
            let no_verb = (from..stop).all(|i| {
                !pos.get(i).is_some_and(|t| t.starts_with("VB"))
                    || participle_before_head(pos, i, stop, |k| heads_apposed_title(lower(k)))
            });
            // "Trump, even as a candidate, said": a circumstance, not a title.
            let circumstance = words.contains(&"as")
                || pos
                    .get(from)
                    .is_some_and(|t| t.starts_with("RB") || *t == "IN");
            // "Ted Cruz, and Sen. Rand Paul of Kentucky": a list goes on,
            // another person is named, not a title.
            let another = words
                .first()
                .is_some_and(|w| matches!(*w, "and" | "or" | "but" | "nor"))
                || (from..stop).any(|i| {
                    e.covering(i).is_some_and(|(m, _)| {
                        m.class == MentionClass::Person
                            && !possessor_of_the_title(m.tokens.end)
                            && !employer_before_title(m.tokens.end)
                    })
                });
            if head_ok && no_verb && !circumstance && !another && stop > from {
                // The determiner is left out, and so is a described
                // possessor after it, as before a name ("Jane Roe, the
                // company's chief economist,": the title is "chief
                // economist"); a named one stays ("Trump's campaign
                // manager").
                let mut start = from
                    + usize::from(matches!(
                        words[0],
                        "the" | "a" | "an" | "its" | "his" | "her" | "their" | "our"
                    ));
                if start + 1 < stop
                    && is_possessive(doc.token_text(start))
                    && possessor_apart(doc, start, stop)
                {
                    start += 1;
                }
                if start < stop {
                    out.push(text(start, stop));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hyphenated_titles_are_title_nouns() {
        for title in [
            "secretary-general",
            "attorney-general",
            "editor-in-chief",
            "co-founder",
            "co-host",
            "vice-president",
            "president-elect",
        ] {
            assert!(is_title_noun(title), "{title}");
        }
        for other in [
            "head-to-head",
            "self-described",
            "pro-trump",
            "well-known",
            "ex-wife",
        ] {
            assert!(!is_title_noun(other), "{other}");
        }
    }
}
