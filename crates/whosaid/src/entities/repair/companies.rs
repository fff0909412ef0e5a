//! Company names: cut to their legal form by the tagger ("Globex Inc."
//! read as "Inc."), or told by a trade word ("Acme Foods").

use super::{names_before, without_absorbed};
use crate::entities::{Mention, MentionClass};
use crate::text::{Document, TokenKind};

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
        // "Amazon.com Inc.": a web domain right before is the name's start
        // (the tokenizer splits it at its dots), with any mention of its
        // first word.
        if let Some(domain) = domain_before(doc, start, first_of_sentence) {
            start = domain;
            while let Some(p) = j.checked_sub(1) {
                if mentions[p].tokens.start < start {
                    break;
                }
                absorbed[p] = true;
                j = p;
            }
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

/// Mentions the tagger ended before a web domain's ending ("Amazon" of
/// "Amazon.com", which the tokenizer splits at its dot; a river by the
/// tagger's reading) run over it, and a name with such an ending is an
/// organization's (a company, a site).
pub(super) fn web_names(doc: &Document, mut mentions: Vec<Mention>) -> Vec<Mention> {
    for m in &mut mentions {
        let end = m.tokens.end;
        if end + 2 <= doc.tokens.len() && ends_web_domain(doc, end + 1) {
            m.tokens.end = end + 2;
            m.class = MentionClass::Organization;
        }
    }
    mentions
}

/// Person and place mentions ending in a word that names a company's
/// trade ("Tesla Motors", "Micron Technology", "Meta Platforms", "Johnson
/// Controls", "at Northwind Airlines"): no surname or place name ends in
/// such a word, so the name is a company's, whatever the tagger read it as
/// (its kind decides who "the company" and "it" can be). A one-word person mention that is the first word of a
/// company's name in the document is its short name.
pub(super) fn companies_by_trade_word(doc: &Document, mut mentions: Vec<Mention>) -> Vec<Mention> {
    let mut companies = Vec::new();
    for m in &mut mentions {
        if m.tokens.len() < 2 {
            continue;
        }
        let last = crate::entities::strip_possessive(doc.lower(m.tokens.end - 1));
        if matches!(m.class, MentionClass::Person | MentionClass::Location)
            && TRADE_WORDS.contains(&last)
        {
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

/// Whether the last word (lowercase) of a name known to be an
/// organization's makes it a company's: [`ends_company_name`], or a trade
/// word that also follows people's names in headlines ("Peabody Energy",
/// "Allina Health"), "Group" aside (advocacy groups end in it too).
pub(crate) fn ends_organization_as_company(word: &str) -> bool {
    let word = crate::entities::strip_possessive(word);
    ends_company_name(word) || (HEADLINE_TRADE_WORDS.contains(&word) && word != "group")
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

/// Where a web domain written right before token `at` starts ("Amazon" of
/// "Amazon . com" before "Inc."): a capitalized word, a period and a
/// top-level domain, with no space between, after `floor`.
fn domain_before(doc: &Document, at: usize, floor: usize) -> Option<usize> {
    let name = at.checked_sub(3)?;
    (name >= floor && ends_web_domain(doc, at - 1) && doc.is_capitalized(name)).then_some(name)
}

/// Whether token `i` is the top-level domain of a web name the tokenizer
/// split at its dot ("com" of "Amazon.com"): a period with no space
/// around it before, a word before that.
pub(crate) fn ends_web_domain(doc: &Document, i: usize) -> bool {
    let Some(dot) = i.checked_sub(1).filter(|&d| d > 0) else {
        return false;
    };
    let tight = !doc.tokens[dot].space_before && !doc.tokens[dot].space_after;
    TOP_LEVEL_DOMAINS.contains(&doc.token_text(i))
        && doc.token_is(dot, ".")
        && tight
        && doc.tokens[dot - 1].kind == TokenKind::Word
}

/// Top-level domains that end a company's web name ("Amazon.com",
/// "Booking.com"), as written in running text.
const TOP_LEVEL_DOMAINS: &[&str] = &["com", "net", "org", "io", "ai", "co"];

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
