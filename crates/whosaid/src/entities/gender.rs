//! Gender of people: honorifics and gendered words, and the first-name
//! table derived from coreference chains.

use std::ops::Range;

use super::Gender;
use crate::text::Document;

const MALE_WORDS: &[&str] = &[
    "mr.",
    "mr",
    "king",
    "prince",
    "congressman",
    "chairman",
    "spokesman",
    "father",
    "son",
    "husband",
    "brother",
];
const FEMALE_WORDS: &[&str] = &[
    "mrs.",
    "mrs",
    "ms.",
    "ms",
    "miss",
    "queen",
    "princess",
    "congresswoman",
    "chairwoman",
    "spokeswoman",
    "mother",
    "daughter",
    "wife",
    "sister",
    "first lady",
];

/// First names (and single-word names) with the gender the text's
/// pronouns show for them, derived from coreference chains by
/// [`gender_counts`]: `whosaid train genders` writes `data/genders.tsv`.
#[derive(Debug, Clone, Default)]
pub struct GenderLexicon {
    names: rustc_hash::FxHashMap<String, Gender>,
    /// Common first names ([`COMMON_FIRST_NAMES`]), for names the corpus
    /// did not show.
    first_names: rustc_hash::FxHashMap<String, Gender>,
}

const BUILTIN_GENDERS: &str = include_str!("../../data/genders.tsv");

/// Common first names with their usual gender, compiled by hand: a
/// corpus of 2016 politics knows "Hillary" but not "Heidi" or "Melanie".
const COMMON_FIRST_NAMES: &str = include_str!("../../data/first_names.tsv");

/// First names given to men and women alike in English-language news:
/// they carry no gender whatever a corpus's chains say (a few chains of
/// one "Taylor" make no rule for the next), and are first names all the
/// same ("Stacy Rasgon", "Chris Christie"). Sorted, for binary search.
const UNISEX_NAMES: &[&str] = &[
    "alex", "angel", "ariel", "ashley", "avery", "bailey", "billie", "blair", "bobbie", "cameron",
    "carey", "casey", "charlie", "chris", "courtney", "dakota", "dale", "dana", "drew", "eden",
    "elliott", "emerson", "finley", "frankie", "gale", "harper", "hayden", "jackie", "jaime",
    "jamie", "jan", "jean", "jesse", "jessie", "jody", "jordan", "kelly", "kendall", "kerry",
    "kim", "kris", "lee", "leslie", "lindsay", "logan", "lynn", "marion", "morgan", "parker",
    "pat", "peyton", "quinn", "reagan", "reese", "riley", "robin", "rory", "rowan", "sam", "sandy",
    "shannon", "shawn", "skyler", "stacy", "sydney", "taylor", "terry", "toni", "tracy", "val",
];

/// Fewest chains a name must occur in to be kept.
const MIN_GENDER_CHAINS: u32 = 2;

impl GenderLexicon {
    /// The lexicon shipped with the crate.
    pub fn builtin() -> Self {
        let mut lexicon = Self::parse(BUILTIN_GENDERS);
        lexicon.first_names = COMMON_FIRST_NAMES
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let (name, g) = l.split_once('\t')?;
                let g = match g.trim() {
                    "m" => Gender::Male,
                    "f" => Gender::Female,
                    _ => return None,
                };
                let name = name.to_lowercase();
                (!UNISEX_NAMES.contains(&name.as_str())).then_some((name, g))
            })
            .collect();
        lexicon
    }

    /// Reads `name<TAB>male chains<TAB>female chains` lines; a name is
    /// kept when at least 70% of its chains agree (silver chains are noisy:
    /// "Bill" shares chains with Hillary Clinton).
    pub fn parse(tsv: &str) -> Self {
        let mut names = rustc_hash::FxHashMap::default();
        for line in tsv.lines().filter(|l| !l.starts_with('#')) {
            let mut cols = line.split('\t');
            let (Some(name), Some(m), Some(f)) = (cols.next(), cols.next(), cols.next()) else {
                continue;
            };
            let (Ok(m), Ok(f)) = (m.parse::<u32>(), f.parse::<u32>()) else {
                continue;
            };
            if m + f < MIN_GENDER_CHAINS || UNISEX_NAMES.contains(&name.to_lowercase().as_str()) {
                continue;
            }
            if m * 10 >= (m + f) * 7 {
                names.insert(name.to_lowercase(), Gender::Male);
            } else if f * 10 >= (m + f) * 7 {
                names.insert(name.to_lowercase(), Gender::Female);
            }
        }
        GenderLexicon {
            names,
            first_names: Default::default(),
        }
    }

    /// The gender of a lowercased name word, if the lexicon knows it.
    pub fn get(&self, word: &str) -> Option<Gender> {
        self.names.get(word).copied()
    }

    /// The corpus's gender for a person named by lowercased `words` (the
    /// chains of its first word), unless the common first names give the
    /// first word of a full name the other one: the chains count surnames
    /// too, and call "Warren", Elizabeth Warren's, female.
    pub fn chains_gender(&self, words: &[String]) -> Option<Gender> {
        let first = words.first()?;
        let gender = self.get(first)?;
        let contradicted = words.len() >= 2
            && self
                .first_names
                .get(first.as_str())
                .is_some_and(|&g| g != gender);
        (!contradicted).then_some(gender)
    }

    /// Whether a lowercased word is a first name the corpus or the common
    /// first names know ("Melanie" opens a name the tagger began late).
    pub fn is_first_name(&self, word: &str) -> bool {
        self.names.contains_key(word) || self.is_common_first_name(word)
    }

    /// Whether a lowercased word is in the hand-made list of common first
    /// names, which holds no surname (the corpus's list has "Green" from
    /// chains of a Mr. Green).
    pub fn is_common_first_name(&self, word: &str) -> bool {
        self.first_names.contains_key(word) || UNISEX_NAMES.binary_search(&word).is_ok()
    }

    /// The gender of a person named by lowercased `words`. For a name of
    /// two or more words the first is a first name, and the common first
    /// names, which hold no surname, come first ("Heidi Cruz"; "Warren
    /// Buffett" is male though the corpus's chains call "Warren", Elizabeth
    /// Warren's surname, female), then the corpus's. A name alone may be a
    /// surname ("Warren"), which only the corpus's chains settle.
    pub fn person_gender(&self, words: &[String]) -> Option<Gender> {
        let first = words.first()?;
        let common = (words.len() >= 2)
            .then(|| self.first_names.get(first.as_str()).copied())
            .flatten();
        common.or_else(|| self.get(first))
    }
}

/// Counts, for each first name of a person in coreference chains, the
/// chains where it is referred to as he/him/his and as she/her.
pub fn gender_counts(
    sentences: &[Vec<crate::conllu::ConllToken>],
    coref: &[crate::conllu::CorefMention],
    counts: &mut std::collections::BTreeMap<String, (u32, u32)>,
) {
    let mut chains: std::collections::BTreeMap<u32, (Vec<String>, bool, bool)> =
        std::collections::BTreeMap::new();
    for m in coref {
        let entry = chains.entry(m.chain).or_default();
        match m.text.to_lowercase().as_str() {
            "he" | "him" | "his" | "himself" => entry.1 = true,
            "she" | "her" | "hers" | "herself" => entry.2 = true,
            _ => {
                let Some(s) = m.sentence.checked_sub(1).and_then(|k| sentences.get(k)) else {
                    continue;
                };
                let tokens = s.get(m.start.saturating_sub(1)..m.end.saturating_sub(1).min(s.len()));
                let Some(tokens) = tokens else { continue };
                if let Some(t) = tokens.iter().find(|t| t.ner == "PERSON") {
                    if t.form.chars().all(char::is_alphabetic) {
                        entry.0.push(t.form.to_lowercase());
                    }
                }
            }
        }
    }
    for (mut names, male, female) in chains.into_values() {
        if male == female {
            continue;
        }
        names.sort();
        names.dedup();
        for n in names {
            let c = counts.entry(n).or_default();
            if male {
                c.0 += 1;
            } else {
                c.1 += 1;
            }
        }
    }
}

/// Whether a lowercased word is an honorific before a name, which is no
/// part of the name.
pub fn is_honorific(word: &str) -> bool {
    matches!(word, "mr." | "mr" | "mrs." | "mrs" | "ms." | "ms" | "miss")
}

pub(super) fn gender_of_words<'a>(words: impl Iterator<Item = &'a str>) -> Option<Gender> {
    for w in words {
        if MALE_WORDS.contains(&w) {
            return Some(Gender::Male);
        }
        if FEMALE_WORDS.contains(&w) {
            return Some(Gender::Female);
        }
    }
    None
}

/// Gender shown by an honorific right before a mention ("Mrs. Clinton").
pub(crate) fn gender_near(doc: &Document, r: Range<usize>) -> Option<Gender> {
    let before = r.start.checked_sub(1)?;
    gender_of_words(std::iter::once(doc.lower(before)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_string).collect()
    }

    #[test]
    fn common_first_names_give_a_full_name_its_usual_gender() {
        let lexicon = GenderLexicon::builtin();
        assert_eq!(
            lexicon.person_gender(&words("melanie zhou")),
            Some(Gender::Female)
        );
        assert_eq!(
            lexicon.person_gender(&words("lester holt")),
            Some(Gender::Male)
        );
        // A name alone may be a surname; a unisex name says nothing.
        assert_eq!(lexicon.person_gender(&words("melanie")), None);
        assert_eq!(lexicon.person_gender(&words("taylor swift")), None);
    }

    /// Regression: the corpus's chains call "Warren" female (Elizabeth
    /// Warren's surname), and that had made Warren Buffett a woman, whom
    /// "He added" could not refer to.
    #[test]
    fn a_first_name_is_read_as_a_first_name_before_as_a_surname() {
        let lexicon = GenderLexicon::builtin();
        assert_eq!(lexicon.get("warren"), Some(Gender::Female), "the corpus");
        assert_eq!(lexicon.chains_gender(&words("warren buffett")), None);
        assert_eq!(
            lexicon.chains_gender(&words("warren")),
            Some(Gender::Female)
        );
        assert_eq!(
            lexicon.person_gender(&words("warren buffett")),
            Some(Gender::Male)
        );
        assert_eq!(
            lexicon.person_gender(&words("warren")),
            Some(Gender::Female),
            "a name alone may be the surname"
        );
    }

    /// Regression: unisex first names were left out of the first names
    /// with their gender, so "Stacy" before "Rasgon" joined no name.
    #[test]
    fn unisex_names_are_first_names_without_a_gender() {
        assert!(UNISEX_NAMES.windows(2).all(|w| w[0] < w[1]), "sorted");
        let lexicon = GenderLexicon::builtin();
        for name in ["stacy", "chris", "taylor"] {
            assert!(lexicon.is_first_name(name), "{name}");
            assert!(lexicon.is_common_first_name(name), "{name}");
        }
        assert_eq!(
            lexicon.person_gender(&words("stacy rasgon")),
            None,
            "no gender"
        );
    }
}
