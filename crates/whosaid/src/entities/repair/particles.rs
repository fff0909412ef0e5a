//! People's names the tagger cut in pieces at a word it does not read as
//! a name: a lowercase particle ("Ursula von der Leyen", "Luiz Inácio Lula
//! da Silva", "Mohammed bin Salman") or a middle name it has never seen
//! ("Tedros Adhanom Ghebreyesus"). Each piece became a person of its own,
//! the last one ("Leyen", "Silva") taking the speaker's title away from
//! the name the article uses next ("von der Leyen", "Lula").

use super::{is_title_noun, Headlines, Mention, MentionClass, NAME_PARTICLES};
use crate::text::{Document, TokenKind};

/// Particles that open a surname written without the first name ("said
/// von der Leyen", "de Blasio"): the ones no English word is spelled
/// like in front of a name. "la", "le", "el", "al" and "y" join only two
/// pieces of one name.
const SURNAME_OPENERS: &[&str] = &[
    "von", "van", "de", "der", "den", "da", "di", "du", "del", "della", "dos", "das", "ter", "zu",
    "bin", "ibn",
];

/// Most particles one name holds in a row ("von der", "de la").
const MAX_PARTICLES: usize = 3;

/// Joins the pieces of one person's name: two person mentions with only
/// name particles between them, or one unknown capitalized word (a middle
/// name); and a person mention right after particles takes them in, when
/// the first is one that opens a surname ("von der Leyen said"). A middle
/// name joins only outside headlines, whose capitals make any word look
/// like one ("Chris Christie Calls Hillary Clinton").
pub(super) fn names_across_particles(
    doc: &Document,
    pos: &[&str],
    headlines: &Headlines,
    mentions: Vec<Mention>,
) -> Vec<Mention> {
    let middle_name = |i: usize| middle_name(doc, pos, i) && !headlines.at(doc, i);
    // A name particle, in any case when `capital` allows it.
    let particle = |i: usize, capital: bool| {
        doc.tokens[i].kind == TokenKind::Word
            && (capital || doc.token_text(i).starts_with(char::is_lowercase))
            && NAME_PARTICLES.contains(&doc.lower(i))
    };
    let mut out: Vec<Mention> = Vec::with_capacity(mentions.len());
    for m in mentions {
        if m.class != MentionClass::Person {
            out.push(m);
            continue;
        }
        let start = m.tokens.start;
        let sentence_start = doc.sentences[doc.sentence_of(start)].tokens.start;
        // The particles right before the mention, in lowercase but for
        // the first ("Von der Leyen said" opens a sentence).
        let mut run_start = start;
        let room =
            |run_start: usize| run_start > sentence_start && start - run_start < MAX_PARTICLES;
        while room(run_start) && particle(run_start - 1, false) {
            run_start -= 1;
        }
        if room(run_start) && particle(run_start - 1, true) {
            run_start -= 1;
        }
        // A middle name the tagger read as a name of another kind
        // ("Adhanom", an organization) sits between the pieces: it joins.
        if let [.., p, middle] = out.as_slice() {
            let between = p.class == MentionClass::Person
                && one_word_pieces(p, &m)
                && middle.class != MentionClass::Person
                && middle.tokens.len() == 1
                && p.tokens.end == middle.tokens.start
                && middle.tokens.end == start
                && middle.tokens.start > sentence_start
                && middle_name(middle.tokens.start);
            if between {
                out.pop();
                if let Some(p) = out.last_mut() {
                    p.tokens.end = m.tokens.end;
                }
                continue;
            }
        }
        let previous_person = out
            .last()
            .filter(|p| p.class == MentionClass::Person && p.tokens.end > sentence_start);
        let joins = |p: &Mention| {
            // Only particles between them, or one capitalized word the
            // tagger left out ("Tedros Adhanom Ghebreyesus").
            (run_start < start && p.tokens.end == run_start)
                || (p.tokens.end + 1 == start
                    && one_word_pieces(p, &m)
                    && middle_name(p.tokens.end))
        };
        if previous_person.is_some_and(joins) {
            if let Some(p) = out.last_mut() {
                p.tokens.end = m.tokens.end;
            }
            continue;
        }
        let mut m = m;
        if run_start < start && SURNAME_OPENERS.contains(&doc.lower(run_start)) {
            m.tokens.start = run_start;
        }
        out.push(m);
    }
    out
}

/// Whether a middle name may join two pieces: each is one word. A piece
/// of two words is a name of its own ("County Supervisor Ann Park": the
/// tagger's "County" is no first name of hers).
fn one_word_pieces(first: &Mention, last: &Mention) -> bool {
    first.tokens.len() == 1 && last.tokens.len() == 1
}

/// Whether token `i` can be a middle name between two pieces of a name:
/// a proper noun of three letters or more written with one capital, no
/// initial, title ("Charlotte Mayor Jennifer Roberts") or date.
fn middle_name(doc: &Document, pos: &[&str], i: usize) -> bool {
    let text = doc.token_text(i);
    doc.tokens[i].kind == TokenKind::Word
        && pos.get(i) == Some(&"NNP")
        && text.chars().nth(2).is_some()
        && text.starts_with(char::is_uppercase)
        && text.chars().skip(1).all(char::is_lowercase)
        && !is_title_noun(doc.lower(i))
        && !crate::when::is_calendar_word(doc.lower(i))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Tags as a tagger would: capitalized words proper nouns.
    fn proper_nouns(doc: &Document) -> Vec<&'static str> {
        (0..doc.tokens.len())
            .map(|i| if doc.is_capitalized(i) { "NNP" } else { "NN" })
            .collect()
    }

    /// The names of `text` after the repair, when the tagger found the
    /// capitalized words in `pieces` as one-word person mentions.
    fn joined(text: &str, pieces: &[&str]) -> Vec<String> {
        let doc = Document::new(text);
        let mentions = (0..doc.tokens.len())
            .filter(|&i| pieces.contains(&doc.token_text(i)))
            .map(|i| Mention {
                tokens: i..i + 1,
                class: MentionClass::Person,
            })
            .collect();
        let pos = proper_nouns(&doc);
        names_across_particles(&doc, &pos, &Headlines::of(&doc), mentions)
            .into_iter()
            .map(|m| super::super::super::display_name(&doc, m.tokens))
            .collect()
    }

    /// Regression: "Ursula von der Leyen" was two people, "Ursula" and
    /// "Leyen", and "Von der Leyen" opening a sentence a third, "Leyen".
    #[test]
    fn particles_join_the_pieces_of_a_name() {
        let got = joined(
            "Talks\n\nPresident Ursula von der Leyen said no. Von der Leyen added more. \
             Lula da Silva agreed, as did Mohammed bin Salman.",
            &["Ursula", "Leyen", "Lula", "Silva", "Mohammed", "Salman"],
        );
        assert_eq!(
            got,
            [
                "Ursula von der Leyen",
                "Von der Leyen",
                "Lula da Silva",
                "Mohammed bin Salman"
            ]
        );
    }

    /// Regression: "Tedros Adhanom Ghebreyesus" was "Tedros" and
    /// "Ghebreyesus", the middle name untagged or an organization.
    #[test]
    fn a_middle_name_joins_the_pieces() {
        let got = joined(
            "Outbreak\n\nTedros Adhanom Ghebreyesus spoke to reporters about the outbreak. Tedros said more.",
            &["Tedros", "Ghebreyesus"],
        );
        assert_eq!(got, ["Tedros Adhanom Ghebreyesus", "Tedros"]);
        let doc = Document::new(
            "Outbreak\n\nTedros Adhanom Ghebreyesus spoke to reporters about the outbreak.",
        );
        let piece = |i: usize, class| Mention {
            tokens: i..i + 1,
            class,
        };
        let got = names_across_particles(
            &doc,
            &proper_nouns(&doc),
            &Headlines::of(&doc),
            vec![
                piece(2, MentionClass::Person),
                piece(3, MentionClass::Organization),
                piece(4, MentionClass::Person),
            ],
        );
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].tokens, 2..5);
    }

    /// A lowercase word that is no particle, a particle English also
    /// spells ("la") before a name alone, or two names a sentence apart
    /// stay apart.
    #[test]
    fn other_words_keep_names_apart() {
        let pieces = [
            "Clinton",
            "Sanders",
            "Rosa",
            "Obama",
            "Biden",
            "Trump",
            "Pence",
            "Charlotte",
            "Roberts",
            "Christie",
            "Hillary",
        ];
        let got = joined(
            "Talks\n\nClinton and Sanders spoke. He met la Rosa. Obama. Biden said no. \
             Trump Friday Pence. Charlotte Mayor Jennifer Roberts spoke.\n\n\
             Chris Christie Calls Hillary Clinton Names",
            &pieces,
        );
        // Each piece stays a name of its own ("Clinton" twice: the
        // headline's "Hillary" and "Clinton" too).
        let mut apart = pieces.to_vec();
        apart.push("Clinton");
        assert_eq!(got, apart);
        // A piece of two words is a name of its own.
        let doc = Document::new("Vote\n\nCounty Supervisor Ann Park said the vote was close.");
        let person = |tokens| Mention {
            tokens,
            class: MentionClass::Person,
        };
        let got = names_across_particles(
            &doc,
            &proper_nouns(&doc),
            &Headlines::of(&doc),
            vec![person(2..3), person(4..6)],
        );
        assert_eq!(got.len(), 2);
    }
}
