//! Organizations named by a plural phrase: "Doctors Without Borders",
//! "Americans for Prosperity", "Students for Fair Admissions", "Friends of
//! the Earth". The entity tagger reads the plural noun as a group of
//! people (or a nationality) and the capitalized words after the
//! preposition as a body of their own, so the speaker became the group
//! "Americans for Prosperity" affiliated with the organization
//! "Prosperity", and "the group" in the next sentence referred to
//! "Prosperity". The whole phrase is one organization's name when its
//! words say so: a capitalized plural noun, a preposition of purpose
//! ("for", "without", "against", or "of the"), and a capitalized phrase
//! that names no person or place ("Lawyers for Trump" and "Residents of
//! the West Bank" are people). Nouns of people acting for someone
//! ("lawyers", "spokesmen", "supporters") head a description of people,
//! never such a name.

use super::{name_like, without_absorbed, Headlines};
use crate::entities::{is_title_noun, Mention, MentionClass};
use crate::text::Document;

/// Plural nouns of people acting for or belonging to someone: "Lawyers
/// for Harvard", "Supporters of the Affordable Care Act" are those
/// people, not a body's name. Titles ("officials", "members") are read
/// from the title nouns.
const AGENT_NOUNS: &[&str] = &[
    "agents",
    "allies",
    "backers",
    "critics",
    "customers",
    "donors",
    "employees",
    "fans",
    "investors",
    "lobbyists",
    "negotiators",
    "opponents",
    "shareholders",
    "sources",
    "spokesmen",
    "spokeswomen",
    "spokespeople",
    "staffers",
    "supporters",
    "users",
    "voters",
    "workers",
];

/// How many capitalized words after the preposition a name holds.
const MAX_OBJECT_WORDS: usize = 4;

/// The mentions with each plural-phrase organization name made one
/// organization mention, in place of the mentions inside it.
pub(super) fn bodies_named_in_plural(
    doc: &Document,
    pos: &[&str],
    headlines: &Headlines,
    mentions: Vec<Mention>,
) -> Vec<Mention> {
    let mut found: Vec<std::ops::Range<usize>> = Vec::new();
    let mut i = 0;
    while i + 2 < doc.tokens.len() {
        match plural_name_at(doc, pos, &mentions, i) {
            Some(end) if !headlines.at(doc, i) => {
                found.push(i..end);
                i = end;
            }
            _ => i += 1,
        }
    }
    if found.is_empty() {
        return mentions;
    }
    merged(mentions, &found)
}

/// The end of a plural-phrase name that begins at token `head`, if one
/// does.
fn plural_name_at(
    doc: &Document,
    pos: &[&str],
    mentions: &[Mention],
    head: usize,
) -> Option<usize> {
    // Cheap tests first: this runs at every token (the hashes only sift;
    // the preposition itself is compared below).
    const PREPOSITIONS: [u64; 4] = crate::perceptron::syms(["for", "without", "against", "of"]);
    if head + 1 >= doc.tokens.len() || !PREPOSITIONS.contains(&doc.lower_sym(head + 1)) {
        return None;
    }
    let word = doc.token_text(head);
    let lower = doc.lower(head);
    let plural = matches!(pos.get(head), Some(&("NNS" | "NNPS")))
        || (pos.get(head) == Some(&"NNP") && lower.ends_with('s') && !lower.ends_with("ss"));
    if !plural || !word.starts_with(char::is_uppercase) {
        return None;
    }
    let preposition = head + 1;
    // A preposition written in capitals inside a sentence is a name's
    // ("Reporters Without Borders"): its head may be any noun.
    let titled = doc.is_capitalized(preposition);
    let agent = || {
        let singular = lower.strip_suffix("men").map_or_else(
            || lower.strip_suffix('s').unwrap_or(lower).to_string(),
            |stem| format!("{stem}man"),
        );
        is_title_noun(&singular) || AGENT_NOUNS.contains(&lower)
    };
    if !name_like(doc, head) || word.chars().skip(1).any(char::is_uppercase) || (!titled && agent())
    {
        return None;
    }
    let mut object = preposition + 1;
    match doc.lower(preposition) {
        "for" | "without" | "against" => {}
        "of" if object < doc.tokens.len() && doc.token_is(object, "the") => object += 1,
        _ => return None,
    }
    // The capitalized phrase after it, inside the sentence.
    let sentence = doc.sentences[doc.sentence_of(head)].tokens.clone();
    if object >= sentence.end {
        return None;
    }
    let end = (object..sentence.end.min(object + MAX_OBJECT_WORDS))
        .find(|&i| !name_like(doc, i))
        .unwrap_or(sentence.end.min(object + MAX_OBJECT_WORDS));
    if end == object || (end < sentence.end && name_like(doc, end)) {
        return None;
    }
    let names_someone = mentions.iter().any(|m| {
        matches!(m.class, MentionClass::Person | MentionClass::Location)
            && m.tokens.start < end
            && object < m.tokens.end
    });
    (!names_someone).then_some(end)
}

/// `mentions` with the mentions inside each range of `found` replaced by
/// one organization mention of the range (a mention reaching outside a
/// range keeps its place, and the range is dropped).
fn merged(mut mentions: Vec<Mention>, found: &[std::ops::Range<usize>]) -> Vec<Mention> {
    let mut absorbed = vec![false; mentions.len()];
    let mut added = Vec::new();
    for r in found {
        let overlapping: Vec<usize> = (0..mentions.len())
            .filter(|&k| mentions[k].tokens.start < r.end && r.start < mentions[k].tokens.end)
            .collect();
        let inside = overlapping
            .iter()
            .all(|&k| r.start <= mentions[k].tokens.start && mentions[k].tokens.end <= r.end);
        if !inside {
            continue;
        }
        for k in overlapping {
            absorbed[k] = true;
        }
        added.push(Mention {
            tokens: r.clone(),
            class: MentionClass::Organization,
        });
    }
    mentions.extend(added);
    absorbed.resize(mentions.len(), false);
    let mut mentions = without_absorbed(mentions, &absorbed);
    mentions.sort_by_key(|m| m.tokens.start);
    mentions
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The mentions after the pass, as (text, class). `tagged` gives the
    /// tagger's mentions by their text; words are tagged `NNP` when
    /// capitalized, `NN` otherwise, unless `pos` says.
    fn repaired(
        text: &str,
        tagged: &[(&str, MentionClass)],
        pos: &[(&str, &str)],
    ) -> Vec<(String, MentionClass)> {
        let doc = Document::new(text);
        let tags: Vec<&str> = doc
            .tokens
            .iter()
            .map(|t| {
                let word = &text[t.start..t.end];
                pos.iter().find(|(w, _)| *w == word).map_or(
                    if word.starts_with(char::is_uppercase) {
                        "NNP"
                    } else {
                        "NN"
                    },
                    |&(_, tag)| tag,
                )
            })
            .collect();
        let mentions = tagged
            .iter()
            .map(|&(name, class)| Mention {
                tokens: doc.tokens_of(name),
                class,
            })
            .collect();
        let headlines = Headlines::of(&doc);
        bodies_named_in_plural(&doc, &tags, &headlines, mentions)
            .into_iter()
            .map(|m| (crate::entities::display_name(&doc, m.tokens), m.class))
            .collect()
    }

    const TAGS: [(&str, &str); 7] = [
        ("said", "VBD"),
        ("for", "IN"),
        ("of", "IN"),
        ("Without", "IN"),
        ("the", "DT"),
        ("Doctors", "NNS"),
        ("Lawyers", "NNS"),
    ];

    /// "Doctors Without Borders" (one mention of other names) and
    /// "Americans for Prosperity" (a nationality and a body) are each one
    /// organization.
    #[test]
    fn a_plural_phrase_names_one_body() {
        let found = repaired(
            "Aid\n\nDoctors Without Borders said its hospital had been hit twice. Americans for Prosperity said so. \
             Friends of the Earth said so.",
            &[
                ("Doctors Without Borders", MentionClass::Misc),
                ("Americans", MentionClass::Misc),
                ("Prosperity", MentionClass::Organization),
                ("Earth", MentionClass::Organization),
            ],
            &TAGS,
        );
        assert_eq!(
            found,
            [
                (
                    "Doctors Without Borders".to_string(),
                    MentionClass::Organization
                ),
                (
                    "Americans for Prosperity".to_string(),
                    MentionClass::Organization
                ),
                (
                    "Friends of the Earth".to_string(),
                    MentionClass::Organization
                ),
            ]
        );
    }

    /// People acting for someone, people of a place or for a person, a
    /// plain "of" and a headline's capitals name no body.
    #[test]
    fn people_of_someone_stay_as_they_are() {
        let tagged = [
            ("Harvard", MentionClass::Organization),
            ("Americans", MentionClass::Misc),
            ("Trump", MentionClass::Person),
            ("West Bank", MentionClass::Location),
            ("Congress", MentionClass::Organization),
        ];
        let text = "Court\n\nLawyers for Harvard said so. Americans for Trump said so. \
                    Residents of the West Bank said so. Voters of Congress said so.";
        let found = repaired(text, &tagged, &TAGS);
        let unchanged: Vec<(String, MentionClass)> = tagged
            .iter()
            .map(|&(name, class)| (name.to_string(), class))
            .collect();
        assert_eq!(found, unchanged);
        let headline = repaired(
            "Doctors Without Borders Warns Of Worsening Crisis\n\nText.",
            &[("Doctors Without Borders", MentionClass::Misc)],
            &TAGS,
        );
        assert_eq!(headline[0].1, MentionClass::Misc);
    }
}
