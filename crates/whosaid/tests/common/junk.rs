//! What a speaker name must never be: shared by the junk-name tests of
//! the library (per document) and of the store (over a corpus).

use whosaid::entities::{is_function_word, without_clitic};

/// Words that start clauses or phrases, never names ("For arguing…",
/// "However, calling…", "including").
const NOT_NAMES: &[&str] = &[
    "for",
    "with",
    "by",
    "of",
    "in",
    "on",
    "at",
    "from",
    "to",
    "into",
    "about",
    "after",
    "before",
    "during",
    "over",
    "under",
    "without",
    "than",
    "as",
    "including",
    "despite",
    "however",
    "although",
    "though",
    "while",
    "if",
    "and",
    "but",
    "or",
    "so",
    "yet",
    "also",
    "last",
    "next",
    "then",
    "now",
    "today",
    "yesterday",
    "tomorrow",
];

/// Why `name` is not a speaker's name, if it is not.
pub fn junk(name: &str) -> Option<&'static str> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let last = words.last()?;
    if without_clitic(last) != *last && !last.ends_with("s’") && !last.ends_with("s'") {
        return Some("ends in a possessive or contraction");
    }
    if let [w] = words.as_slice() {
        if is_function_word(w) {
            return Some("a pronoun, determiner or quantifier");
        }
        if NOT_NAMES.contains(&w.to_lowercase().as_str()) {
            return Some("a preposition, conjunction or adverb");
        }
    }
    None
}
