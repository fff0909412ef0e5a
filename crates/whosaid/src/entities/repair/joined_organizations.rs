//! Organization names the entity tagger cut in pieces ("Norwegian" +
//! "Data Protection Authority", "Spanish Olive" + "Oil" +
//! "Interprofessional", "Bank" of "America"), joined again so that a
//! speaker's name keeps all its words.

use super::companies::is_trade_word;
use super::{is_organization_head, Headlines};
use crate::entities::{is_possessive, Mention, MentionClass};
use crate::text::Document;

/// Organization names the tagger cut in pieces are joined again, so that
/// they keep all their words:
/// - a name of a place or nationality right before an organization's
///   ("Norwegian" + "Data Protection Authority"), or a name right after an
///   organization's ("Urban-Brookings Tax" + "Policy Center");
/// - a company's trade word right after its name, whatever the tagger
///   read it as ("CenterPoint" + the person "Energy"), outside headlines,
///   where such words follow any capitalized word ("Trump Energy Plan");
/// - an organization followed by `of`/`on`/`for` and capitalized words
///   ("Commission" on "Presidential Debates", "Bank" of "America"), unless
///   those words are a date ("Google on Monday"), or by `to` and a
///   capitalized verb ("Committee" to "Protect Journalists").
pub(super) fn joined_organizations(
    doc: &Document,
    pos: &[&str],
    headlines: &Headlines,
    mentions: Vec<Mention>,
) -> Vec<Mention> {
    let capitalized = |i: usize| {
        doc.tokens[i].kind == crate::text::TokenKind::Word
            && doc.is_capitalized(i)
            && !crate::when::is_calendar_word(doc.lower(i))
    };
    let same_sentence = |a: usize, b: usize| doc.sentence_of(a) == doc.sentence_of(b);
    let mut out: Vec<Mention> = Vec::with_capacity(mentions.len());
    // Where each mention's next one starts, and its class, for a word the
    // tagger read as a person between two pieces of one organization's name.
    let next_starts: Vec<Option<(usize, MentionClass)>> = mentions
        .iter()
        .skip(1)
        .map(|n| Some((n.tokens.start, n.class)))
        .chain([None])
        .collect();
    for (m, next) in mentions.into_iter().zip(next_starts) {
        if let Some(prev) = out.last_mut() {
            // Partners joined by a slash are one name ("Reuters/Ipsos",
            // "New York Times/CBS News"); places stay apart ("Dallas/Fort
            // Worth").
            let slash = prev.tokens.end + 1 == m.tokens.start
                && doc.token_is(prev.tokens.end, "/")
                && doc.tokens[prev.tokens.end - 1].end == doc.tokens[prev.tokens.end].start
                && doc.tokens[prev.tokens.end].end == doc.tokens[m.tokens.start].start
                && !(prev.class == MentionClass::Location && m.class == MentionClass::Location);
            if slash {
                prev.tokens.end = m.tokens.end;
                prev.class = MentionClass::Organization;
                continue;
            }
            let adjacent = prev.tokens.end == m.tokens.start;
            // A place or nationality before an organization's name, or an
            // organization's name the tagger ended early ("Urban-Brookings
            // Tax" + "Policy Center").
            let modifier = matches!(prev.class, MentionClass::Location | MentionClass::Misc)
                && m.class == MentionClass::Organization;
            let cut = prev.class == MentionClass::Organization
                && matches!(m.class, MentionClass::Organization | MentionClass::Misc);
            // "Illinois Municipal" + "League" (read as a person).
            let single = m.tokens.len() == 1;
            let head = matches!(
                prev.class,
                MentionClass::Organization | MentionClass::Location | MentionClass::Misc
            ) && single
                && is_organization_head(doc, m.tokens.start);

            // "CenterPoint" + "Energy": a trade word after a company's name.
            let trade = prev.class == MentionClass::Organization
                && single
                && m.class != MentionClass::Location
                && is_trade_word(doc.lower(m.tokens.start))
                && !headlines.at(doc, m.tokens.start);
            // "Spanish Olive" + the person "Oil" + "Interprofessional": one
            // word between two pieces of an organization's name, with no
            // space for punctuation on either side, is a word of it.
            let between = prev.class == MentionClass::Organization
                && m.class == MentionClass::Person
                && single
                && next == Some((m.tokens.end, MentionClass::Organization))
                && same_sentence(m.tokens.start, m.tokens.end);
            // "Allina" (read as a person) + the organization "Health": a
            // one-word name the tagger typed a person, then a trade word
            // it typed the body; not before another capitalized word,
            // which makes the two a title's ("Clinton Communications
            // Director Jennifer Palmieri").
            let traded_name = prev.class == MentionClass::Person
                && prev.tokens.len() == 1
                && single
                && m.class == MentionClass::Organization
                && is_trade_word(doc.lower(m.tokens.start))
                && !headlines.at(doc, m.tokens.start)
                && !(m.tokens.end < doc.tokens.len() && capitalized(m.tokens.end));
            if adjacent
                && (modifier || cut || head || trade || between || traded_name)
                && !is_possessive(doc.token_text(prev.tokens.end - 1))
                && same_sentence(prev.tokens.start, m.tokens.start)
            {
                prev.tokens.end = m.tokens.end;
                prev.class = MentionClass::Organization;
                continue;
            }
        }
        out.push(m);
    }
    // Extend organizations over "of/on/for" + capitalized words; a mention
    // swallowed by the extension is dropped.
    let mut i = 0;
    while i < out.len() {
        if out[i].class == MentionClass::Organization {
            let mut end = out[i].tokens.end;
            loop {
                let infinitive = end + 1 < doc.tokens.len()
                    && doc.token_is(end, "to")
                    && capitalized(end + 1)
                    && pos.get(end + 1) == Some(&"VB");
                let connector = end < doc.tokens.len()
                    && (matches!(doc.token_text(end), "of" | "on" | "for") || infinitive)
                    && !is_possessive(doc.token_text(end - 1));
                if !connector {
                    break;
                }
                let mut k = end + 1;
                // "Committee for a Responsible Federal Budget", "Department
                // of the Treasury".
                let article = k + 1 < doc.tokens.len()
                    && matches!(doc.token_text(end), "of" | "for")
                    && matches!(doc.token_text(k), "the" | "a" | "an")
                    && capitalized(k + 1);
                if article {
                    k += 1;
                }
                let first = k;
                while k < doc.tokens.len() && capitalized(k) && same_sentence(end, k) {
                    k += 1;
                }
                if k == first {
                    break;
                }
                end = k;
            }
            if end > out[i].tokens.end {
                out[i].tokens.end = end;
                let j = i + 1;
                while j < out.len() && out[j].tokens.start < end {
                    if out[j].tokens.end > end {
                        out[i].tokens.end = out[j].tokens.end;
                    }
                    out.remove(j);
                }
            }
        }
        i += 1;
    }
    out
}
