//! Political parties by name. The entity tagger, trained on US news, reads
//! "Labour" or "The Conservatives" as a person and keeps only "UK" of
//! "Reform UK"; a party is an organization ("Labour said" is the party,
//! and "it" may refer to it), named in full.

use super::{strip_possessive, Mention, MentionClass};
use crate::text::Document;

/// The number of words of the party whose name starts at token `i`
/// (lowercase words, capitalized in the text), of the parties that speak
/// under their own names in English-language news. The US parties are
/// missing on purpose: "Democrats" and "Republicans" are their members, a
/// group, which the tagger reads as such. A `match` on the first word: it
/// runs for every capitalized token, and most start no party's name.
fn party_at(doc: &Document, i: usize) -> Option<usize> {
    let next_is = |w: &str| i + 1 < doc.tokens.len() && strip_possessive(doc.lower(i + 1)) == w;
    match strip_possessive(doc.lower(i)) {
        "labour" | "conservatives" | "tories" | "snp" | "greens" | "dup" | "ukip" | "ndp"
        | "bjp" | "cdu" | "spd" | "afd" | "likud" | "fidesz" => Some(1),
        "liberal" if next_is("democrats") => Some(2),
        "lib" if next_is("dems") => Some(2),
        "reform" if next_is("uk") => Some(2),
        "plaid" if next_is("cymru") => Some(2),
        "sinn" if next_is("féin") || next_is("fein") => Some(2),
        _ => None,
    }
}

/// Makes each party named in `doc` one organization mention: mentions
/// inside its name go ("UK" of "Reform UK", the person "Labour"); a
/// longer name holding it stays ("the Labour Party", "Labour leader Keir
/// Starmer"). Only proper nouns (`pos`) are looked at: the pass runs on
/// every document.
pub(super) fn parties_as_organizations(
    doc: &Document,
    pos: &[&str],
    mut mentions: Vec<Mention>,
) -> Vec<Mention> {
    let n = doc.tokens.len();
    let mut found = Vec::new();
    let mut i = 0;
    while i < n {
        let proper = pos.get(i).is_some_and(|t| t.starts_with("NNP"));
        if !proper || !doc.is_capitalized(i) {
            i += 1;
            continue;
        }
        match party_at(doc, i) {
            Some(len) => {
                found.push(i..i + len);
                i += len;
            }
            None => i += 1,
        }
    }
    if found.is_empty() {
        return mentions;
    }
    mentions.retain(|m| {
        !found
            .iter()
            .any(|r| r.start <= m.tokens.start && m.tokens.end <= r.end)
    });
    for r in found {
        let overlaps = mentions
            .iter()
            .any(|m| m.tokens.start < r.end && r.start < m.tokens.end);
        if !overlaps {
            mentions.push(Mention {
                tokens: r,
                class: MentionClass::Organization,
            });
        }
    }
    mentions.sort_by_key(|m| m.tokens.start);
    mentions
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mention(doc: &Document, text: &str, class: MentionClass) -> Mention {
        Mention {
            tokens: doc.tokens_of(text),
            class,
        }
    }

    /// The tagger's person "Labour" and its "UK" of "Reform UK" become the
    /// parties, named in full; a longer name holding a party's stays, and
    /// a lowercase word ("labour costs") is no party.
    #[test]
    fn a_party_is_one_organization_named_in_full() {
        let text = "Head\n\nLabour said labour costs rose. Reform UK said no. \
                    The Labour Party agreed.";
        let doc = Document::new(text);
        let tagged = vec![
            mention(&doc, "Labour", MentionClass::Person),
            mention(&doc, "UK", MentionClass::Location),
            mention(&doc, "Labour Party", MentionClass::Organization),
        ];
        let pos: Vec<&str> = doc.tokens.iter().map(|_| "NNP").collect();
        let named: Vec<(String, MentionClass)> = parties_as_organizations(&doc, &pos, tagged)
            .iter()
            .map(|m| {
                let span = doc.tokens[m.tokens.start].start..doc.tokens[m.tokens.end - 1].end;
                (text[span].to_string(), m.class)
            })
            .collect();
        assert_eq!(
            named,
            [
                ("Labour".to_string(), MentionClass::Organization),
                ("Reform UK".to_string(), MentionClass::Organization),
                ("Labour Party".to_string(), MentionClass::Organization),
            ]
        );
    }
}
