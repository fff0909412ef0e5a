//! Acronyms and the names they abbreviate: "the S.E.C." is the Securities
//! and Exchange Commission the article names, "AROS" the Alliance to
//! Reclaim Our Schools, even when the entity tagger missed the acronym or
//! cut the full name in pieces.

use std::ops::Range;

use super::{Entity, Mention, MentionClass};
use crate::text::{Document, TokenKind};

/// The capitals of an acronym ("S.E.C." → "SEC", "AROS" → "AROS"; "the
/// U.N." → "UN"), when the word is one: two to six uppercase ASCII
/// letters, full stops between them allowed.
pub fn acronym_letters(word: &str) -> Option<String> {
    let word = word
        .strip_prefix("the ")
        .or_else(|| word.strip_prefix("The "))
        .unwrap_or(word);
    let letters: String = word.chars().filter(|&c| c != '.').collect();
    let n = letters.len();
    ((2..=6).contains(&n) && letters.bytes().all(|b| b.is_ascii_uppercase())).then_some(letters)
}

/// For each entity, the entity its name abbreviates, else itself: a name
/// of two to six capitals ("IMF", "S.E.C.", "the U.N.") stands for the
/// organization or place whose capitalized words have those initials
/// ("International Monetary Fund", "Securities and Exchange Commission").
pub(super) fn acronym_expansions(list: &[Entity]) -> Vec<usize> {
    let initials = |name: &str| -> String {
        name.split([' ', '-'])
            .filter(|w| w.starts_with(|c: char| c.is_uppercase()))
            .filter_map(|w| w.chars().next())
            .collect()
    };
    let mut out: Vec<usize> = (0..list.len()).collect();
    // Acronyms are short: most documents have none to look up.
    let short = |x: &Entity| x.class != MentionClass::Person && x.name.len() <= 16;
    if !list.iter().any(short) {
        return out;
    }
    for (id, x) in list.iter().enumerate() {
        if !short(x) {
            continue;
        }
        let Some(letters) = acronym_letters(&x.name) else {
            continue;
        };
        if let Some(full) = list.iter().position(|y| {
            y.class != MentionClass::Person
                && y.name.split_whitespace().count() >= 2
                && initials(&y.name) == letters
        }) {
            out[id] = full;
        }
    }
    out
}

/// Lowercase words a name may hold between its capitalized words without
/// giving them an initial ("Alliance to Reclaim Our Schools").
const CONNECTORS: &[&str] = &["of", "and", "to", "for", "the", "on", "&", "in"];

/// The first capitalized words of the text whose initials spell `letters`
/// ("Securities and Exchange Commission" for "SEC"): they start where no
/// capitalized word but "The" comes right before them, connectors may stand between
/// them, and each word gives the initials of its hyphenated parts. Words
/// of a headline (capitals everywhere) are as good as any.
pub fn expansion_in_text(doc: &Document, letters: &str) -> Option<Range<usize>> {
    expansion_from(doc, letters, &name_starts(doc))
}

/// Whether token `i` is a capitalized word.
fn capital(doc: &Document, i: usize) -> bool {
    doc.tokens[i].kind == TokenKind::Word && doc.is_capitalized(i)
}

/// Where a name can start, in text order: capitalized words after no
/// capitalized word but "The". One pass serves every acronym of a document.
fn name_starts(doc: &Document) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut after_name = false;
    for i in 0..doc.tokens.len() {
        let here = capital(doc, i);
        if here && (!after_name || doc.token_is(i - 1, "The")) {
            starts.push(i);
        }
        after_name = here;
    }
    starts
}

/// [`expansion_in_text`] over the name starts of the document.
fn expansion_from(doc: &Document, letters: &str, starts: &[usize]) -> Option<Range<usize>> {
    let wanted = letters.as_bytes();
    let initials = |i: usize| {
        doc.token_text(i)
            .split('-')
            .filter_map(|p| p.chars().next())
            .filter(|c| c.is_uppercase())
            .collect::<String>()
    };
    let n = doc.tokens.len();
    let first = *wanted.first()?;
    starts
        .iter()
        .copied()
        .filter(|&i| doc.token_text(i).as_bytes().first() == Some(&first))
        .find_map(|start| {
            let mut got = String::new();
            let mut i = start;
            let mut last_word = start;
            while i < n && got.len() < wanted.len() {
                if capital(doc, i) {
                    got.push_str(&initials(i));
                    if !wanted.starts_with(got.as_bytes()) {
                        return None;
                    }
                    last_word = i;
                } else if !CONNECTORS.contains(&doc.token_text(i)) || i == start {
                    return None;
                }
                i += 1;
            }
            // The name is whole: more than one word, spelling all letters,
            // and no capitalized word after it but a title ("Federal Bureau
            // of Investigation Director James Comey").
            let after = last_word + 1;
            let whole =
                after >= n || !capital(doc, after) || super::is_title_noun(doc.lower(after));
            (got.as_bytes() == wanted && last_word > start && whole).then_some(start..after)
        })
}

/// Mentions that are only an acronym of a common noun ("AI", "GDP",
/// "CEO", "EVs"), which the tagger may read as a body's name: no one
/// speaks for them, and "its" never refers to one.
pub(super) fn without_common_noun_acronyms(
    doc: &Document,
    mut mentions: Vec<Mention>,
) -> Vec<Mention> {
    mentions.retain(|m| {
        let word = doc.token_text(m.tokens.start);
        let singular = word.strip_suffix('s').unwrap_or(word);
        m.tokens.len() > 1
            || m.class == MentionClass::Person
            || !(COMMON_NOUN_ACRONYMS.contains(&word) || COMMON_NOUN_ACRONYMS.contains(&singular))
    });
    mentions
}

/// Acronyms that abbreviate common nouns of the news, not names.
const COMMON_NOUN_ACRONYMS: &[&str] = &[
    "AI", "AGI", "GDP", "CEO", "CFO", "COO", "CTO", "IPO", "ETF", "EV", "DNA", "HIV", "PPE", "VAT",
    "LNG", "GPS", "IQ", "PC", "VPN", "SUV", "ATM", "PDF", "URL", "CPI", "PMI",
];

/// Acronyms the tagger left untagged whose full name the text spells out
/// ("The S.E.C. said" after "the Securities and Exchange Commission")
/// become organization mentions; the entities then name them in full. An
/// acronym of a place ("U.S." for "United States") stays as it is.
pub(super) fn untagged_acronyms(doc: &Document, mentions: Vec<Mention>) -> Vec<Mention> {
    let mut added = Vec::new();
    // Each acronym's answer, looked up once per document ("U.S." comes
    // back often).
    let mut known: Vec<(String, bool)> = Vec::new();
    // Found on the first acronym: most documents have none.
    let mut starts: Option<Vec<usize>> = None;
    let mut next = 0;
    for i in 0..doc.tokens.len() {
        while next < mentions.len() && mentions[next].tokens.end <= i {
            next += 1;
        }
        if mentions.get(next).is_some_and(|m| m.tokens.start <= i) {
            continue;
        }
        if !matches!(
            doc.tokens[i].kind,
            TokenKind::Word | TokenKind::Abbreviation
        ) {
            continue;
        }
        // Most words are no acronym: two capitals (or a capital and a
        // full stop) open one.
        let word = doc.token_text(i).as_bytes();
        if word.len() < 2 || !word[0].is_ascii_uppercase() || word[1].is_ascii_lowercase() {
            continue;
        }
        let Some(letters) = acronym_letters(doc.token_text(i)) else {
            continue;
        };
        let expands = match known.iter().find(|(l, _)| *l == letters) {
            Some(&(_, expands)) => expands,
            None => {
                // The full name, written apart from this token, and no place.
                let starts = starts.get_or_insert_with(|| name_starts(doc));
                let expands = expansion_from(doc, &letters, starts).is_some_and(|full| {
                    !full.contains(&i)
                        && !mentions.iter().any(|m| {
                            m.class == MentionClass::Location
                                && m.tokens.start < full.end
                                && full.start < m.tokens.end
                        })
                });
                known.push((letters, expands));
                expands
            }
        };
        if expands {
            added.push(Mention {
                tokens: i..i + 1,
                class: MentionClass::Organization,
            });
        }
    }
    super::with_added(mentions, added)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acronyms_are_short_capitals() {
        assert_eq!(acronym_letters("S.E.C.").as_deref(), Some("SEC"));
        assert_eq!(acronym_letters("the U.N.").as_deref(), Some("UN"));
        assert_eq!(acronym_letters("AROS").as_deref(), Some("AROS"));
        assert_eq!(acronym_letters("A"), None);
        assert_eq!(acronym_letters("Reuters"), None);
        assert_eq!(acronym_letters("ABCDEFG"), None);
    }

    #[test]
    fn expansions_skip_connectors_and_need_every_letter() {
        let doc = Document::new(
            "Schools\n\nThe Alliance to Reclaim Our Schools held walk-ins with the Securities and Exchange Commission.",
        );
        let text = |r: Range<usize>| {
            let (a, b) = (doc.tokens[r.start].start, doc.tokens[r.end - 1].end);
            doc.text()[a..b].to_string()
        };
        assert_eq!(
            expansion_in_text(&doc, "AROS").map(text).as_deref(),
            Some("Alliance to Reclaim Our Schools")
        );
        assert_eq!(
            expansion_in_text(&doc, "SEC").map(text).as_deref(),
            Some("Securities and Exchange Commission")
        );
        assert_eq!(
            expansion_in_text(&doc, "ARO"),
            None,
            "a name is spelled whole"
        );
        assert_eq!(expansion_in_text(&doc, "XYZ"), None);
    }
}
