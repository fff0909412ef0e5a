//! Names whose surname is joined to its particle by a hyphen: "Majed
//! al-Ansari", "Abdel Fattah el-Sisi", "Ayman al-Zawahiri". The tagger,
//! reading a word that begins in lowercase, ends the name before it or
//! misses the name altogether; the source "ministry spokesman Majed
//! al-Ansari" then named no person at all.

use super::name_like;
use crate::entities::{GenderLexicon, Mention, MentionClass};
use crate::text::{Document, TokenKind};

/// Particles written before a hyphen and a capitalized surname.
const HYPHENED_PARTICLES: &[&str] = &[
    "al", "el", "ad", "ar", "as", "at", "az", "ash", "abu", "bin", "ibn", "bint", "ben",
];

/// Most words of a name before its hyphened surname ("Abdel Fattah").
const MAX_GIVEN_NAMES: usize = 3;

/// Whether token `i` is a particle, a hyphen and a capitalized surname.
fn is_hyphened_surname(doc: &Document, i: usize) -> bool {
    if doc.tokens[i].kind != TokenKind::Word {
        return false;
    }
    // The hyphen comes right after the particle (two to four letters):
    // looking there alone, instead of through the word, keeps this pass
    // over every token cheap.
    let t = &doc.tokens[i];
    let bytes = doc
        .text()
        .as_bytes()
        .get(t.start..t.end)
        .unwrap_or_default();
    let Some(dash) = (2..bytes.len().min(5)).find(|&k| bytes[k] == b'-') else {
        return false;
    };
    let text = doc.token_text(i);
    let (particle, rest) = (&text[..dash], &text[dash + 1..]);
    HYPHENED_PARTICLES.contains(&particle) && rest.starts_with(char::is_uppercase)
}

/// Person mentions ending right before a hyphened surname take it in;
/// where the tagger named no one there, the capitalized given names before
/// it and the surname become a person, when no mention holds them or the
/// one that does opens on a first name (a person the tagger typed as
/// another kind). A hyphened word after no given name ("leader of
/// al-Qaeda") is left as the tagger read it.
pub(super) fn names_with_hyphened_particles(
    doc: &Document,
    genders: &GenderLexicon,
    mut mentions: Vec<Mention>,
) -> Vec<Mention> {
    let surnames: Vec<usize> = (0..doc.tokens.len())
        .filter(|&i| is_hyphened_surname(doc, i))
        .collect();
    for i in surnames {
        if mentions.iter().any(|m| m.tokens.contains(&i)) {
            continue;
        }
        if let Some(m) = mentions.iter_mut().find(|m| m.tokens.end == i) {
            let first_name = genders.is_first_name(doc.lower(m.tokens.start));
            if m.class == MentionClass::Person || first_name {
                m.class = MentionClass::Person;
                m.tokens.end = i + 1;
            }
            continue;
        }
        let sentence_start = doc.sentences[doc.sentence_of(i)].tokens.start;
        let mut start = i;
        while start > sentence_start && i - start < MAX_GIVEN_NAMES && name_like(doc, start - 1) {
            start -= 1;
        }
        if start < i {
            let at = mentions.partition_point(|m| m.tokens.start < start);
            mentions.insert(
                at,
                Mention {
                    tokens: start..i + 1,
                    class: MentionClass::Person,
                },
            );
        }
    }
    mentions
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The mentions after the repair, as text and class, of mentions given
    /// as (words, class).
    fn repaired(text: &str, tagged: &[(&str, MentionClass)]) -> Vec<(String, MentionClass)> {
        let doc = Document::new(text);
        let mut mentions = super::super::tagged_mentions(&doc, tagged);
        mentions.sort_by_key(|m| m.tokens.start);
        names_with_hyphened_particles(&doc, &GenderLexicon::builtin(), mentions)
            .into_iter()
            .map(|m| {
                let span = doc.tokens[m.tokens.start].start..doc.tokens[m.tokens.end - 1].end;
                (doc.text()[span].to_string(), m.class)
            })
            .collect()
    }

    /// Regression: "ministry spokesman Majed al-Ansari wrote" was the
    /// organization "ministry spokesman Majed al-Ansari".
    #[test]
    fn a_hyphened_surname_ends_the_name_before_it() {
        use MentionClass::{Organization, Person};
        let got = repaired(
            "Truce\n\nMinistry spokesman Majed al-Ansari wrote on X. Abdel Fattah el-Sisi \
             agreed, and Ahmed al-Sharaa did too. The leader of al-Qaeda did not.",
            &[("Abdel Fattah", Person), ("Ahmed", Organization)],
        );
        let want = [
            ("Majed al-Ansari", Person),
            ("Abdel Fattah el-Sisi", Person),
            ("Ahmed al-Sharaa", Person),
        ];
        let want: Vec<(String, MentionClass)> =
            want.iter().map(|&(w, c)| (w.to_string(), c)).collect();
        assert_eq!(got, want);
    }
}
