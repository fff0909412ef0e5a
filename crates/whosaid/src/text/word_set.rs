//! Fixed word lists looked up by hash: the entity repairs and the resolver
//! ask whether a word is a function word, a title or an outlet's word at
//! nearly every token, and a linear scan of a list of a hundred words there
//! was a measurable share of resolution.

use crate::perceptron::{sym, sym_of_bytes, FeatureMap};

/// A fixed set of lowercase ASCII words.
#[derive(Debug)]
pub(crate) struct WordSet {
    /// Each word by its [`sym`]; the word itself is compared on a hit, so a
    /// hash collision never makes a word a member.
    by_sym: FeatureMap<&'static str>,
}

impl WordSet {
    /// The set of `words` (lowercase, as the lookups expect).
    pub(crate) fn new(words: &[&'static str]) -> Self {
        debug_assert!(words
            .iter()
            .all(|w| !w.bytes().any(|b| b.is_ascii_uppercase())));
        WordSet {
            by_sym: words.iter().map(|&w| (sym(w), w)).collect(),
        }
    }

    /// Whether `lower`, already lowercased, is in the set.
    #[inline]
    pub(crate) fn contains(&self, lower: &str) -> bool {
        self.by_sym.get(&sym(lower)).is_some_and(|&w| w == lower)
    }

    /// Whether `word` is in the set with its ASCII letters compared without
    /// case (as `eq_ignore_ascii_case` against each word), without
    /// lowercasing it into a new string.
    #[inline]
    pub(crate) fn contains_ignore_ascii_case(&self, word: &str) -> bool {
        let key = sym_of_bytes(word.bytes().map(|b| b.to_ascii_lowercase()));
        self.by_sym
            .get(&key)
            .is_some_and(|w| w.eq_ignore_ascii_case(word))
    }
}

#[cfg(test)]
mod tests {
    use super::WordSet;

    #[test]
    fn members_by_exact_lowercase_and_without_ascii_case() {
        let set = WordSet::new(&["the", "vice-president", "c-span"]);
        assert!(set.contains("the"));
        assert!(!set.contains("The"), "contains expects a lowercased word");
        assert!(!set.contains("th"));
        assert!(set.contains_ignore_ascii_case("The"));
        assert!(set.contains_ignore_ascii_case("C-SPAN"));
        assert!(set.contains_ignore_ascii_case("Vice-President"));
        assert!(!set.contains_ignore_ascii_case("them"));
        assert!(!set.contains_ignore_ascii_case(""));
        // Non-ASCII letters are compared as they are, as
        // `eq_ignore_ascii_case` does.
        assert!(!set.contains_ignore_ascii_case("thé"));
    }

    #[test]
    fn agrees_with_a_linear_scan_on_every_word_of_a_list() {
        let list = crate::entities::FUNCTION_WORDS;
        let set = WordSet::new(list);
        for w in list
            .iter()
            .chain(&["They", "THEIR", "thereof", "Ann", "ıt"])
        {
            let scan = list.iter().any(|f| f.eq_ignore_ascii_case(w));
            assert_eq!(set.contains_ignore_ascii_case(w), scan, "{w}");
        }
    }
}
