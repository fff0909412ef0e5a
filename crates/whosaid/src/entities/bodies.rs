//! Organizations by what the text calls them. The entity tagger, trained
//! on 2016 US politics, reads names it has never seen as people, places or
//! other names ("Anthropic", "Copernicus"); the article itself often says
//! what the name is, in an apposition headed by a noun for a body
//! ("Copernicus, the EU's climate monitoring service, said") or with that
//! noun before the name ("the startup Anthropic"); it speaks of its shares,
//! refers to it by "which", or closes a sentence the name opens with "the
//! company said". Such a name is an organization: "the company" and "it"
//! can then refer to it.

use super::{is_possessive, names_a_platform, strip_possessive, Mention, MentionClass};
use crate::text::{Document, TokenKind};

/// Nouns that head a description of an organization and never of a
/// person (no "maker", "developer" or "producer": a filmmaker, a software
/// developer and a record producer are people).
const BODY_NOUNS: &[&str] = &[
    "agency",
    "airline",
    "alliance",
    "association",
    "authority",
    "automaker",
    "bank",
    "broadcaster",
    "bureau",
    "carmaker",
    "charity",
    "chipmaker",
    "coalition",
    "commission",
    "committee",
    "company",
    "conglomerate",
    "consultancy",
    "corporation",
    "council",
    "department",
    "drugmaker",
    "federation",
    "firm",
    "foundation",
    "group",
    "institute",
    "insurer",
    "league",
    "lender",
    "manufacturer",
    "ministry",
    "network",
    "newspaper",
    "non-profit",
    "nonprofit",
    "office",
    "organisation",
    "organization",
    "party",
    "publisher",
    "regulator",
    "retailer",
    "service",
    "start-up",
    "startup",
    "tank",
    "union",
    "university",
    "watchdog",
];

/// The [`BODY_NOUNS`] that describe a body and do not open its name, so
/// that one opening a sentence before a name is no word of it: "Retailer
/// Walmart" but "Union Pacific", "Bank of America", "Service Employees
/// International Union".
const DESCRIBING_NOUNS: &[&str] = &[
    "automaker",
    "broadcaster",
    "carmaker",
    "chipmaker",
    "conglomerate",
    "consultancy",
    "drugmaker",
    "insurer",
    "lender",
    "manufacturer",
    "newspaper",
    "nonprofit",
    "regulator",
    "retailer",
    "startup",
    "watchdog",
];

/// Verbs that make "the company Jane Roe founded" a relative clause about
/// the company, in which the name is a person's.
const RELATION_VERBS: &[&str] = &[
    "acquired",
    "bought",
    "built",
    "chairs",
    "co-founded",
    "created",
    "founded",
    "headed",
    "heads",
    "joined",
    "launched",
    "leads",
    "led",
    "left",
    "owned",
    "owns",
    "ran",
    "runs",
    "sold",
    "started",
];

/// Words of a description read before its head noun.
const MAX_DESCRIPTION_WORDS: usize = 6;

/// Mentions the text describes as a body (an apposition after the name, a
/// noun before it, its shares, a "which" clause on a person-typed name)
/// become organizations, and so do the other one-word mentions of such a
/// name. Only mentions of another class are looked at, and only the few
/// words around each.
pub(super) fn bodies_by_description(
    doc: &Document,
    pos: &[&str],
    mut mentions: Vec<Mention>,
) -> Vec<Mention> {
    let mut described: Vec<&str> = Vec::new();
    for m in &mut mentions {
        // "Retailer Walmart said": the noun opening the sentence describes
        // the body; the tagger read both capitals as one person's name.
        if opens_with_body_noun(doc, m) {
            m.tokens.start += 1;
            m.class = MentionClass::Organization;
        }
        if m.class != MentionClass::Organization
            && (apposed_body_noun(doc, pos, m.tokens.end)
                || body_noun_before(doc, pos, m)
                || listed_after_plural_body_noun(doc, pos, m)
                || body_noun_apposed_before(doc, pos, m)
                || traded(doc, pos, &m.tokens)
                || owns_a_company_office(doc, m.tokens.end)
                || (m.class == MentionClass::Person && which_clause_after(doc, m.tokens.end))
                || names_a_platform(doc, &m.tokens))
        {
            m.class = MentionClass::Organization;
            if m.tokens.len() == 1 {
                described.push(strip_possessive(doc.lower(m.tokens.start)));
            }
        }
    }
    // A name the tagger left out, with such an apposition ("president of
    // Wealth-X, a private company that tracks billionaires"): capitalized
    // proper nouns, up to three, right before the comma.
    let proper = |i: usize| {
        doc.tokens[i].kind == TokenKind::Word
            && doc.is_capitalized(i)
            && pos.get(i).is_some_and(|t| matches!(*t, "NNP" | "NNPS"))
    };
    let mut added = Vec::new();
    for comma in 1..doc.tokens.len() {
        if !doc.token_is(comma, ",") || !apposed_body_noun(doc, pos, comma) {
            continue;
        }
        let sentence_start = doc.sentences[doc.sentence_of(comma)].tokens.start;
        let mut start = comma;
        while start > sentence_start.max(comma.saturating_sub(3)) && proper(start - 1) {
            start -= 1;
        }
        let covered = mentions
            .iter()
            .any(|m| m.tokens.start < comma && start < m.tokens.end);
        if start < comma && !covered {
            added.push(Mention {
                tokens: start..comma,
                class: MentionClass::Organization,
            });
        }
    }
    // A name the tagger left out opening a sentence that a body's
    // description closes as its speaker ("Netflix will raise prices, the
    // company announced"): what the body says is about itself. Its other
    // untagged mentions ("Shares of Netflix rose") are the same body.
    for sentence in &doc.sentences {
        let words = sentence.tokens.clone();
        let Some(start) = words
            .clone()
            .find(|&i| doc.tokens[i].kind == TokenKind::Word)
        else {
            continue;
        };
        let mut end = start;
        while end < words.end && end - start < 3 && proper(end) {
            end += 1;
        }
        let covered = |added: &[Mention], r: std::ops::Range<usize>| {
            mentions
                .iter()
                .chain(added)
                .any(|m| m.tokens.start < r.end && r.start < m.tokens.end)
        };
        // The clause first: it is rare, and the overlap test reads every
        // mention.
        if end > start && closed_by_body(doc, pos, end..words.end) && !covered(&added, start..end) {
            added.push(Mention {
                tokens: start..end,
                class: MentionClass::Organization,
            });
            if end - start == 1 {
                let name = doc.token_text(start);
                for i in 0..doc.tokens.len() {
                    if doc.token_text(i) == name && !covered(&added, i..i + 1) {
                        added.push(Mention {
                            tokens: i..i + 1,
                            class: MentionClass::Organization,
                        });
                    }
                }
            }
        }
    }
    // A capitalized name the tagger left out that owns a company's office
    // ("Nvidia's chief executive"): the company.
    for i in 0..doc.tokens.len() {
        let named = doc.tokens[i].kind == TokenKind::Word
            && doc.is_capitalized(i)
            && pos.get(i).is_some_and(|t| t.starts_with("NNP"));
        if named
            && owns_a_company_office(doc, i + 1)
            && !mentions.iter().chain(&added).any(|m| m.tokens.contains(&i))
        {
            added.push(Mention {
                tokens: i..i + 1,
                class: MentionClass::Organization,
            });
        }
    }
    let mut mentions = super::with_added(mentions, added);
    // The same one-word name elsewhere is the same body ("Nvidia said"
    // after "Shares of Nvidia fell").
    if !described.is_empty() {
        for m in &mut mentions {
            if m.class != MentionClass::Organization
                && m.tokens.len() == 1
                && described.contains(&strip_possessive(doc.lower(m.tokens.start)))
            {
                m.class = MentionClass::Organization;
            }
        }
    }
    mentions
}

/// Whether the tokens `r` (the rest of a sentence) end in a reporting
/// clause whose subject is a body's description: ", the <words> <body
/// noun> <verb> …" within [`CLOSING_CLAUSE_TOKENS`] of the end ("…, the
/// company said on Tuesday.").
fn closed_by_body(doc: &Document, pos: &[&str], r: std::ops::Range<usize>) -> bool {
    let from = r.start.max(r.end.saturating_sub(CLOSING_CLAUSE_TOKENS));
    (from..r.end).any(|comma| {
        if !doc.token_is(comma, ",") || comma + 2 >= r.end || doc.lower(comma + 1) != "the" {
            return false;
        }
        let limit = (comma + 2 + MAX_DESCRIPTION_WORDS).min(r.end);
        let head = (comma + 2..limit)
            .take_while(|&i| {
                matches!(
                    pos.get(i).copied().unwrap_or(""),
                    "JJ" | "NN" | "NNP" | "VBG" | "VBN" | "HYPH"
                )
            })
            .last();
        head.is_some_and(|h| {
            is_body_noun(doc, pos, h)
                && h + 1 < r.end
                && matches!(pos.get(h + 1).copied().unwrap_or(""), "VBD" | "VBZ" | "VBP")
        })
    })
}

/// How many tokens before a sentence's end a closing reporting clause
/// starts at most ([`closed_by_body`]).
const CLOSING_CLAUSE_TOKENS: usize = 20;

/// Whether a relative clause opened by "which" follows the name ending
/// before `end` ("Hutchison Ports, which owns Felixstowe, said"): no
/// person's name takes "which", so a name the tagger read as a person's is
/// a body's.
fn which_clause_after(doc: &Document, end: usize) -> bool {
    end + 1 < doc.tokens.len() && doc.token_is(end, ",") && doc.lower(end + 1) == "which"
}

/// Whether the name is a company's whose shares are spoken of: "shares
/// of Nvidia", "Nvidia shares" or "Nvidia stock" (a person's shares are
/// "Musk's shares", possessive, which this leaves alone).
fn traded(doc: &Document, pos: &[&str], name: &std::ops::Range<usize>) -> bool {
    let stock = |i: usize| {
        matches!(doc.lower(i), "shares" | "stock")
            && pos.get(i).is_some_and(|t| t.starts_with("NN"))
    };
    let before = name.start >= 2 && doc.lower(name.start - 1) == "of" && stock(name.start - 2);
    let after = name.end < doc.tokens.len()
        && !is_possessive(doc.token_text(name.end - 1))
        && stock(name.end);
    before || after
}

/// Whether the name ending before token `end` is in the possessive and
/// owns an office only a company has: "Nvidia's chief executive",
/// "Microsoft's CEO", "OpenAI's co-founder". A person has a chief of staff
/// or a spokesman, not a chief executive.
fn owns_a_company_office(doc: &Document, end: usize) -> bool {
    let Some(office) = super::owned_after(doc, end) else {
        return false;
    };
    let next = |k: usize| {
        if office + k < doc.tokens.len() {
            doc.lower(office + k)
        } else {
            ""
        }
    };
    match next(0) {
        "ceo" | "cfo" | "coo" | "cto" | "founder" | "co-founder" | "cofounder" => true,
        "chief" => matches!(
            next(1),
            "executive" | "financial" | "operating" | "technology"
        ),
        _ => false,
    }
}

/// Whether the name ending before token `end` is followed by an apposition
/// headed by a body noun: ", the|a|an <words> <noun>" closed by a
/// punctuation mark or a relative pronoun ("…, the EU's climate monitoring
/// service, said"). "Jane Roe, the company's chief executive" is headed by
/// "executive"; "Jane Roe, the head of the agency" by "head".
fn apposed_body_noun(doc: &Document, pos: &[&str], end: usize) -> bool {
    let n = doc.tokens.len();
    if end + 2 >= n || !doc.token_is(end, ",") || !matches!(doc.lower(end + 1), "the" | "a" | "an")
    {
        return false;
    }
    let limit = (end + 2 + MAX_DESCRIPTION_WORDS).min(n);
    let mut head = None;
    for i in end + 2..limit {
        let tag = pos.get(i).copied().unwrap_or("");
        let word = doc.token_text(i);
        let described = doc.tokens[i].kind == TokenKind::Word
            && (matches!(
                tag,
                "JJ" | "JJR" | "JJS" | "NN" | "NNS" | "NNP" | "NNPS" | "VBG" | "VBN" | "HYPH"
            ) || is_possessive(word)
                || tag == "POS");
        // A present participle after the body noun opens what follows it
        // ("a private company tracking billionaires"); not a past one,
        // which may be the sentence's verb ("Louisiana, a Baton Rouge
        // newspaper called on …").
        let after_noun =
            head.is_some_and(|h| pos.get(h).is_some_and(|t: &&str| t.starts_with("NN")));
        if tag == "VBG" && after_noun {
            return head.is_some_and(|h| is_body_noun(doc, pos, h));
        }
        if described {
            head = Some(i);
            continue;
        }
        let closed = matches!(word, "," | "." | ";" | ")" | "that" | "which");
        return closed && head.is_some_and(|h| is_body_noun(doc, pos, h));
    }
    false
}

/// Whether the mention follows "the|a|an <words> <body noun>" ("the
/// startup Anthropic", "the French carmaker Renault"), unless a verb of
/// relation after it makes the name a person's ("the company Jane Roe
/// founded").
fn body_noun_before(doc: &Document, pos: &[&str], m: &Mention) -> bool {
    let Some(noun) = m.tokens.start.checked_sub(1) else {
        return false;
    };
    // "Broadcaster CNN said": the noun opens the sentence, capitalized
    // for it, with no article.
    if opens_sentence(doc, noun) && DESCRIBING_NOUNS.contains(&doc.lower(noun)) {
        return true;
    }
    let related =
        m.tokens.end < doc.tokens.len() && RELATION_VERBS.contains(&doc.lower(m.tokens.end));
    description_opened_at(doc, pos, noun).is_some() && !related
}

/// Whether the mention is one of names listed right after a plural noun
/// for a kind of body ("drugmakers Eisai and Biogen", "the companies Apple,
/// Google and Meta"): capitalized words, commas and "and"/"or" back to
/// the noun.
fn listed_after_plural_body_noun(doc: &Document, pos: &[&str], m: &Mention) -> bool {
    /// Most tokens between the noun and the mention.
    const MAX_LIST_TOKENS: usize = 10;
    let floor = m.tokens.start.saturating_sub(MAX_LIST_TOKENS + 1);
    let mut i = m.tokens.start;
    while i > floor {
        let k = i - 1;
        let listed = doc.is_capitalized(k)
            || doc.token_is(k, ",")
            || matches!(doc.lower(k), "and" | "or" | "&");
        if !listed {
            break;
        }
        i = k;
    }
    // The list opens on a name, not on a conjunction or a comma.
    let Some(noun) = i.checked_sub(1) else {
        return false;
    };
    let lowercase_plural = pos.get(noun).is_some_and(|&t| t == "NNS") && !doc.is_capitalized(noun);
    if !lowercase_plural || !doc.is_capitalized(i) {
        return false;
    }
    let word = doc.lower(noun);
    // The plural's singular, compared without building it ("companies",
    // "drugmakers").
    BODY_NOUNS
        .iter()
        .any(|body| match word.strip_suffix("ies") {
            Some(stem) => body.strip_suffix('y') == Some(stem),
            None => word.strip_suffix('s') == Some(body),
        })
}

/// Where "the|a|an <words> <noun>" opens, when token `noun` is a body noun
/// heading it.
fn description_opened_at(doc: &Document, pos: &[&str], noun: usize) -> Option<usize> {
    if !is_body_noun(doc, pos, noun) {
        return None;
    }
    (noun.saturating_sub(MAX_DESCRIPTION_WORDS)..noun)
        .rev()
        .take_while(|&i| {
            matches!(
                pos.get(i).copied().unwrap_or(""),
                "DT" | "JJ" | "NN" | "NNS" | "NNP" | "NNPS" | "VBG" | "HYPH"
            )
        })
        .find(|&i| matches!(doc.lower(i), "the" | "a" | "an"))
}

/// Whether the mention is set off by commas right after such a
/// description ("The company, Volta Cells, said"): the name of the body
/// the description is. Not after a preposition, where the body is a
/// complement and the name the whole phrase's ("the new face of the
/// party, Donald J. Trump,").
fn body_noun_apposed_before(doc: &Document, pos: &[&str], m: &Mention) -> bool {
    let Some(comma) = m.tokens.start.checked_sub(1) else {
        return false;
    };
    let closed = m.tokens.end < doc.tokens.len() && doc.token_is(m.tokens.end, ",");
    if comma == 0 || !closed || !doc.token_is(comma, ",") {
        return false;
    }
    description_opened_at(doc, pos, comma - 1).is_some_and(|opener| {
        opener == 0 || !matches!(pos.get(opener - 1).copied(), Some("IN" | "TO"))
    })
}

/// Whether token `i` is the first word of its sentence.
fn opens_sentence(doc: &Document, i: usize) -> bool {
    doc.sentences[doc.sentence_of(i)]
        .tokens
        .clone()
        .find(|&j| doc.tokens[j].kind == TokenKind::Word)
        == Some(i)
}

/// Whether mention `m` opens its sentence with a noun for a kind of body
/// before a capitalized name ("Retailer Walmart", "Automaker General
/// Motors"): the name is the body's, the noun no word of it.
fn opens_with_body_noun(doc: &Document, m: &Mention) -> bool {
    m.tokens.len() >= 2
        && DESCRIBING_NOUNS.contains(&doc.lower(m.tokens.start))
        && doc.is_capitalized(m.tokens.start + 1)
        && opens_sentence(doc, m.tokens.start)
}

/// Whether token `i` is a lowercase singular noun naming a kind of body.
fn is_body_noun(doc: &Document, pos: &[&str], i: usize) -> bool {
    pos.get(i).is_some_and(|&t| t == "NN")
        && doc.token_text(i).starts_with(char::is_lowercase)
        && BODY_NOUNS.contains(&doc.lower(i))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Regression: "Jensen Huang, Nvidia's chief executive" gave Huang no
    /// affiliation, the tagger reading "Nvidia" as a person; the owner of
    /// a company's office is a company. A person's chief of staff keeps
    /// the person.
    #[test]
    fn the_owner_of_a_company_office_is_a_company() {
        let got = classes(
            "Chips\n\nJensen Huang, Nvidia's chief executive, said so. Microsoft's CEO \
             agreed. Trump's chief of staff did not.",
            &[
                ("Nvidia's", MentionClass::Person),
                ("Microsoft's", MentionClass::Person),
                ("Trump's", MentionClass::Person),
            ],
            &[],
        );
        assert_eq!(
            got,
            [
                MentionClass::Organization,
                MentionClass::Organization,
                MentionClass::Person
            ]
        );
        // Untagged, the name becomes the company's mention.
        let got = classes(
            "Chips\n\nJensen Huang, Nvidia's chief executive, said so.",
            &[],
            &[],
        );
        assert_eq!(got, [MentionClass::Organization]);
    }

    /// The classes of the mentions `tagged` after the pass. A mention's
    /// text is found in `text`; one ending in " said" stands for its first
    /// word, a later mention of a name the text used before.
    fn classes(
        text: &str,
        tagged: &[(&str, MentionClass)],
        pos: &[(&str, &str)],
    ) -> Vec<MentionClass> {
        let doc = Document::new(text);
        let mut tags: Vec<&str> = doc.tokens.iter().map(|_| "NNP").collect();
        for (i, t) in doc.tokens.iter().enumerate() {
            let word = &text[t.start..t.end];
            if word.starts_with(char::is_lowercase) {
                tags[i] = "NN";
            }
            if let Some((_, tag)) = pos.iter().find(|(w, _)| *w == word) {
                tags[i] = tag;
            }
        }
        let mentions = tagged
            .iter()
            .map(|&(name, class)| {
                let tokens = doc.tokens_of(name);
                let one_word = name.ends_with(" said");
                Mention {
                    tokens: if one_word {
                        tokens.start..tokens.start + 1
                    } else {
                        tokens
                    },
                    class,
                }
            })
            .collect();
        bodies_by_description(&doc, &tags, mentions)
            .into_iter()
            .map(|m| m.class)
            .collect()
    }

    const SAID: (&str, &str) = ("said", "VBD");
    const DETERMINERS: [(&str, &str); 3] = [("the", "DT"), ("a", "DT"), ("The", "DT")];

    /// "Copernicus, the EU's climate monitoring service," and "the startup
    /// Anthropic" are organizations, whatever the tagger read.
    #[test]
    fn a_name_described_as_a_body_is_an_organization() {
        let pos = [SAID, DETERMINERS[0], DETERMINERS[1], DETERMINERS[2]];
        let found = classes(
            "Head\n\nCopernicus, the EU’s climate monitoring service, said so. \
             The startup Anthropic said so.",
            &[
                ("Copernicus", MentionClass::Person),
                ("EU’s", MentionClass::Organization),
                ("Anthropic", MentionClass::Misc),
            ],
            &pos,
        );
        assert_eq!(found, [MentionClass::Organization; 3]);
    }

    /// Regression: "funded by drugmakers Eisai and Biogen" left "Eisai" the
    /// tagger's person, so "Eisai said it would …" had a person speak: names
    /// listed after a plural noun for a kind of body are bodies. Not after
    /// a plural of people ("voters Jane Roe and John Doe").
    #[test]
    fn names_listed_after_a_plural_body_noun_are_organizations() {
        let pos = [
            SAID,
            ("drugmakers", "NNS"),
            ("companies", "NNS"),
            ("voters", "NNS"),
        ];
        let found = classes(
            "Drug\n\nThe trial, funded by drugmakers Eisai and Biogen, enrolled patients. The \
             companies Alder, Brix and Corvel said so. The voters Jane Roe and John Doe said \
             so.",
            &[
                ("Eisai", MentionClass::Person),
                ("Biogen", MentionClass::Organization),
                ("Corvel", MentionClass::Person),
                ("John Doe", MentionClass::Person),
            ],
            &pos,
        );
        assert_eq!(
            found,
            [
                MentionClass::Organization,
                MentionClass::Organization,
                MentionClass::Organization,
                MentionClass::Person
            ]
        );
    }

    /// Regression: "the EU statistics office Eurostat" and "a consumer
    /// rights group" were no descriptions of a body (a plural noun among
    /// the words before the head, and heads of public bodies and groups
    /// missing), so the tagger's person stood.
    #[test]
    fn a_plural_noun_or_an_office_in_a_description_still_describes_a_body() {
        let pos = [
            SAID,
            DETERMINERS[0],
            DETERMINERS[1],
            ("statistics", "NNS"),
            ("rights", "NNS"),
        ];
        let found = classes(
            "Head\n\nPrices fell, the EU statistics office Eurostat said. \
             Acme Watch, a consumer rights group, said so.",
            &[
                ("Eurostat", MentionClass::Person),
                ("Acme Watch", MentionClass::Person),
            ],
            &pos,
        );
        assert_eq!(found, [MentionClass::Organization; 2]);
    }

    /// Regression: "The company, Volta Cells, said" was a person: a name
    /// set off by commas after a body's description is the body's, unless
    /// the body is the complement of a preposition.
    #[test]
    fn a_name_apposed_to_a_body_description_is_an_organization() {
        let pos = [SAID, DETERMINERS[2]];
        let found = classes(
            "Head\n\nThe company, Volta Cells, said so.",
            &[("Volta Cells", MentionClass::Person)],
            &pos,
        );
        assert_eq!(found, [MentionClass::Organization]);
        // The body after "of" is a complement: the name is the phrase's.
        let pos = [SAID, DETERMINERS[0], ("of", "IN"), ("new", "JJ")];
        let found = classes(
            "Head\n\nHe met the new face of the party, Donald Trump, there.",
            &[("Donald Trump", MentionClass::Person)],
            &pos,
        );
        assert_eq!(found, [MentionClass::Person]);
    }

    /// People described by their role at a body, or named in a relative
    /// clause after one, stay people.
    #[test]
    fn a_person_at_a_body_stays_a_person() {
        let pos = [
            SAID,
            DETERMINERS[0],
            DETERMINERS[1],
            DETERMINERS[2],
            ("of", "IN"),
            ("founded", "VBD"),
        ];
        let found = classes(
            "Head\n\nJane Roe, the company’s chief executive, said so. \
             John Doe, the head of the agency, said so. \
             The company Mary Major founded said so.",
            &[
                ("Jane Roe", MentionClass::Person),
                ("John Doe", MentionClass::Person),
                ("Mary Major", MentionClass::Person),
            ],
            &pos,
        );
        assert_eq!(found, [MentionClass::Person; 3]);
    }

    /// A company whose shares are spoken of is one, in every one-word
    /// mention of its name; a person's shares are possessive. A name the
    /// tagger read as a person's that "which" refers to is a body's.
    #[test]
    fn a_traded_name_or_one_with_which_is_a_body() {
        let pos = [
            SAID,
            ("of", "IN"),
            ("fell", "VBD"),
            ("rose", "VBD"),
            ("shares", "NNS"),
        ];
        let found = classes(
            "Head\n\nShares of Nvidia fell. Nvidia said so. \
             Musk’s shares rose. Musk said so. \
             Hutchison Ports, which owns the port, said so.",
            &[
                ("Nvidia", MentionClass::Location),
                ("Nvidia said", MentionClass::Person),
                ("Musk’s", MentionClass::Person),
                ("Musk said", MentionClass::Person),
                ("Hutchison Ports", MentionClass::Person),
            ],
            &pos,
        );
        assert_eq!(
            found,
            [
                MentionClass::Organization,
                MentionClass::Organization,
                MentionClass::Person,
                MentionClass::Person,
                MentionClass::Organization,
            ]
        );
    }

    /// Regression: "Instagram", read as a person, was what "he" referred
    /// to after "on Instagram", and staff of Twitter and Facebook had no
    /// affiliation. A platform's name is a company's.
    #[test]
    fn a_platform_is_a_body() {
        let found = classes(
            "Head\n\nShe posted on Instagram. Truth Social said so. Jane Roe said so.",
            &[
                ("Instagram", MentionClass::Person),
                ("Truth Social", MentionClass::Misc),
                ("Jane Roe", MentionClass::Person),
            ],
            &[SAID, ("posted", "VBD")],
        );
        assert_eq!(
            found,
            [
                MentionClass::Organization,
                MentionClass::Organization,
                MentionClass::Person
            ]
        );
    }
}
