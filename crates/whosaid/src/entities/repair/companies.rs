//! Company names: cut to their legal form by the tagger ("Globex Inc."
//! read as "Inc."), or told by a trade word ("Acme Foods").

use super::{names_before, without_absorbed};
use crate::entities::{Mention, MentionClass};
use crate::text::Document;

/// Company names the tagger cut to their legal form ("Globex Inc.",
/// "Northwind Traders Ltd." at a sentence's start became "Inc.",
/// "Traders Ltd."): a mention ending in a company designator takes the
/// mentions and capitalized proper nouns right before it, up to four
/// words in all, the sentence's first word too (a designator says a name
/// precedes it); it is an organization.
pub(super) fn company_names(
    doc: &Document,
    pos: &[&str],
    mut mentions: Vec<Mention>,
) -> Vec<Mention> {
    let mut absorbed = vec![false; mentions.len()];
    for k in 0..mentions.len() {
        let m = &mentions[k];
        if !is_company_designator(doc, m.tokens.end - 1) {
            continue;
        }
        let end = m.tokens.end;
        let first_of_sentence = doc.sentences[doc.sentence_of(m.tokens.start)].tokens.start;
        let mut start = m.tokens.start;
        // Mentions right before the designator are the name's start,
        // whatever the tagger called them ("Globex" a person, "Inc." a
        // body; "Northwind", "Traders", "Ltd." three mentions).
        let mut j = k;
        while let Some(p) = j.checked_sub(1) {
            let before = &mentions[p].tokens;
            if before.end != start || before.start < first_of_sentence || end - before.start > 4 {
                break;
            }
            start = before.start;
            absorbed[p] = true;
            j = p;
        }
        let previous_end = j.checked_sub(1).map_or(0, |p| mentions[p].tokens.end);
        let floor = first_of_sentence
            .max(previous_end)
            .max(end.saturating_sub(4));
        start = names_before(doc, pos, start, floor, "NNP");
        if start < mentions[k].tokens.start || mentions[k].tokens.len() > 1 {
            mentions[k].tokens.start = start;
            mentions[k].class = MentionClass::Organization;
        }
    }
    without_absorbed(mentions, &absorbed)
}

/// Person mentions ending in a word that names a company's trade
/// ("Tesla Motors", "Micron Technology", "Meta Platforms", "Johnson
/// Controls"): no surname is such a word, so the name is a company's,
/// whatever the tagger read it as (its kind decides who "the company" and
/// "it" can be). A one-word person mention that is the first word of a
/// company's name in the document is its short name.
pub(super) fn companies_by_trade_word(doc: &Document, mut mentions: Vec<Mention>) -> Vec<Mention> {
    let mut companies = Vec::new();
    for m in &mut mentions {
        if m.tokens.len() < 2 {
            continue;
        }
        let last = crate::entities::strip_possessive(doc.lower(m.tokens.end - 1));
        if m.class == MentionClass::Person && TRADE_WORDS.contains(&last) {
            m.class = MentionClass::Organization;
        }
        if m.class == MentionClass::Organization && (ends_company_name(last) || is_trade_word(last))
        {
            companies.push(doc.lower(m.tokens.start));
        }
    }
    // The company's first word alone is its short name ("Meta said",
    // "Globex said" after "Globex Inc.", "CenterPoint" after "CenterPoint
    // Energy").
    if !companies.is_empty() {
        for m in &mut mentions {
            if m.class == MentionClass::Person
                && m.tokens.len() == 1
                && companies.contains(&crate::entities::strip_possessive(
                    doc.lower(m.tokens.start),
                ))
            {
                m.class = MentionClass::Organization;
            }
        }
    }
    mentions
}

/// Whether a name's last word (lowercase) ends a company's name: a legal
/// form or a trade word.
pub(crate) fn ends_company_name(word: &str) -> bool {
    let word = crate::entities::strip_possessive(word);
    TRADE_WORDS.contains(&word) || COMPANY_DESIGNATORS.contains(&word.trim_end_matches('.'))
}

/// Words that end a company's name after its name ([`TRADE_WORDS`] and the
/// ones left out of it for headlines' sake).
pub(in crate::entities) fn is_trade_word(word: &str) -> bool {
    TRADE_WORDS.contains(&word) || HEADLINE_TRADE_WORDS.contains(&word)
}

/// Trade words that also follow a person's name in a title-case headline:
/// they end a company's name only after an organization's name, outside
/// headlines.
const HEADLINE_TRADE_WORDS: &[&str] = &[
    "brands",
    "capital",
    "electric",
    "energy",
    "financial",
    "foods",
    "group",
    "health",
    "media",
    "partners",
    "power",
    "resources",
];

/// Last words of company names that say what the company does. Words that
/// also follow a person's name as a common noun in a title-case headline
/// ("Media", "Energy", "Health") are left out.
const TRADE_WORDS: &[&str] = &[
    "aerospace",
    "airlines",
    "airways",
    "bancorp",
    "biotech",
    "communications",
    "controls",
    "dynamics",
    "electronics",
    "entertainment",
    "holdings",
    "industries",
    "instruments",
    "laboratories",
    "labs",
    "logistics",
    "materials",
    "motor",
    "motors",
    "networks",
    "petroleum",
    "pharmaceuticals",
    "platforms",
    "robotics",
    "semiconductor",
    "semiconductors",
    "software",
    "studios",
    "systems",
    "technologies",
    "technology",
    "telecom",
    "therapeutics",
];

/// Whether token `i` is a company's legal form ("Corp.", "Inc", "Ltd.",
/// "LLC", "plc"; not "AG", an attorney general as often as a German
/// company).
fn is_company_designator(doc: &Document, i: usize) -> bool {
    COMPANY_DESIGNATORS.contains(&doc.lower(i).trim_end_matches('.'))
}

/// A folded legal form without its abbreviation's period ("inc." →
/// "inc"), so that "Apple Inc." and "Apple Inc" are one name; any other
/// word as it is.
pub(crate) fn without_legal_form_period(word: String) -> String {
    match word.strip_suffix('.') {
        Some(bare) if COMPANY_DESIGNATORS.contains(&bare) => bare.to_string(),
        _ => word,
    }
}

/// Legal forms that end a company's name.
const COMPANY_DESIGNATORS: &[&str] = &[
    "corp",
    "corporation",
    "inc",
    "incorporated",
    "ltd",
    "llc",
    "plc",
    "co",
    "gmbh",
];
