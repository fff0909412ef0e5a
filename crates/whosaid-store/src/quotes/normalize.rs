//! What of a statement is a quote, its normalized form, and the keys that
//! find the quotes it shares words with.
//!
//! Normalized: lowercase, quote styles and apostrophes unified, `[sic]`,
//! ellipses and bracketed insertions dropped, punctuation removed,
//! whitespace collapsed. Keys: hashes of word trigrams holding at least one
//! word that is not a function word ("going to win" is a key, "going to
//! be" is not), so that phrases every politician uses ("I think that's",
//! "we're going to") neither match quotes nor make long index lists. The
//! keys depend on the quote alone, never on what is stored: clustering
//! does not depend on ingest order.

/// Quote marks that open or close a quoted stretch.
const QUOTE_MARKS: &[char] = &['"', '“', '”', '„', '«', '»', '‹', '›', '「', '」'];

/// Fewest keys a quote needs to be clustered (as many as two quotes must
/// share to match): shorter ones ("a disgrace", "yes") say too little to
/// tell one quote from another.
pub(crate) const MIN_KEYS: usize = super::cluster::MIN_SHARED;

/// Function words: a trigram of these alone is no key.
const FUNCTION_WORDS: &[&str] = &[
    "a", "about", "after", "again", "all", "also", "am", "an", "and", "any", "are", "as", "at",
    "be", "because", "been", "before", "being", "but", "by", "can", "could", "did", "do", "does",
    "doing", "don't", "down", "for", "from", "get", "go", "going", "got", "had", "has", "have",
    "having", "he", "he's", "her", "here", "him", "his", "how", "i", "i'll", "i'm", "i've", "if",
    "in", "into", "is", "isn't", "it", "it's", "its", "just", "know", "let", "like", "me", "more",
    "most", "my", "no", "not", "now", "of", "on", "one", "or", "our", "out", "over", "really",
    "said", "say", "see", "she", "she's", "so", "some", "than", "that", "that's", "the", "their",
    "them", "then", "there", "there's", "these", "they", "they're", "think", "this", "those", "to",
    "too", "up", "very", "want", "was", "we", "we'll", "we're", "we've", "well", "were", "what",
    "when", "where", "which", "who", "why", "will", "with", "would", "you", "you're", "your",
];

/// The quoted words of a statement: the whole content of a direct one, the
/// stretches between quote marks of a mixed one (joined by ` … `), less
/// titles of works ("The Late Show With Stephen Colbert": every longer word
/// capitalized); none for indirect speech.
pub(crate) fn quoted_wording(kind: &str, content: &str) -> Option<String> {
    match kind {
        "direct" => Some(
            content
                .trim_matches(|c: char| QUOTE_MARKS.contains(&c) || c.is_whitespace())
                .to_string(),
        ),
        "mixed" => {
            // Two apostrophes as a quote mark (some outlets' style).
            let content = content.replace("''", "\"");
            let content = content.as_str();
            let mut parts = Vec::new();
            let mut inside = false;
            let mut start = 0;
            for (i, c) in content.char_indices() {
                if QUOTE_MARKS.contains(&c) {
                    if inside {
                        let part = content[start..i].trim();
                        if !part.is_empty() && !is_title(part) {
                            parts.push(part);
                        }
                    }
                    inside = !inside;
                    start = i + c.len_utf8();
                }
            }
            (!parts.is_empty()).then(|| parts.join(" … "))
        }
        _ => None,
    }
}

/// A title of a work or a name ("The View", "The Late Show with Stephen
/// Colbert"): two words or more, most of them capitalized and every word
/// of five letters or more.
fn is_title(part: &str) -> bool {
    fn capitalized(w: &str) -> bool {
        w.chars()
            .find(|c| c.is_alphabetic())
            .is_some_and(char::is_uppercase)
    }
    let words: Vec<&str> = part.split_whitespace().collect();
    let caps = words.iter().filter(|w| capitalized(w)).count();
    words.len() >= 2
        && caps * 3 > words.len() * 2
        && words
            .iter()
            .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 5)
            .all(|w| capitalized(w))
}

/// The normalized form: words separated by one space.
pub(crate) fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        let w = word.trim_matches('\'');
        if !w.is_empty() && w != "sic" {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(w);
        }
        word.clear();
    };
    for c in text.chars() {
        match c {
            // Editorial insertions ("[the president]", "[sic]") are not
            // the speaker's words.
            '[' => {
                flush(&mut word, &mut out);
                depth += 1;
            }
            ']' => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            '\'' | '’' | '‘' | 'ʼ' => word.push('\''),
            c if c.is_alphanumeric() => word.extend(c.to_lowercase()),
            _ => flush(&mut word, &mut out),
        }
    }
    flush(&mut word, &mut out);
    out
}

/// The keys of a normalized quote, sorted and distinct.
pub(crate) fn keys(norm: &str) -> Vec<i64> {
    let words: Vec<&str> = norm.split(' ').filter(|w| !w.is_empty()).collect();
    let mut keys: Vec<i64> = words
        .windows(3)
        .filter(|w| w.iter().any(|x| FUNCTION_WORDS.binary_search(x).is_err()))
        .map(|w| fnv1a(w.join(" ").as_bytes()))
        .collect();
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// FNV-1a, 64 bits: stable across builds and platforms (the keys are
/// stored), unlike `std`'s hasher.
fn fnv1a(bytes: &[u8]) -> i64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn function_words_are_sorted_for_binary_search() {
        assert!(FUNCTION_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn normalization_folds_case_quotes_brackets_and_ellipses() {
        assert_eq!(
            normalize("“We’re NOT going [to] back down… [sic] ever,” "),
            "we're not going back down ever"
        );
        assert_eq!(normalize("It's 'good' -- really."), "it's good really");
        assert_eq!(normalize("U.S. e-mail"), "u s e mail");
    }

    #[test]
    fn direct_content_is_the_quote_and_mixed_content_its_quoted_parts() {
        assert_eq!(
            quoted_wording("direct", "“Yes, we will.”").as_deref(),
            Some("Yes, we will.")
        );
        assert_eq!(
            quoted_wording("mixed", "the deal was “a disaster” and “a total sham”").as_deref(),
            Some("a disaster … a total sham")
        );
        assert_eq!(quoted_wording("indirect", "that it failed"), None);
        assert_eq!(
            quoted_wording("mixed", "she said on “The Late Show with Stephen Colbert” and ''The View'' that “we will win this fight”").as_deref(),
            Some("we will win this fight")
        );
        assert_eq!(
            quoted_wording("mixed", "called the plan “Dead On Arrival, Totally”").as_deref(),
            None,
            "capitalized throughout reads as a title"
        );
        assert_eq!(
            quoted_wording(
                "mixed",
                "called Trump “a Washington insider who will Not Win”"
            )
            .as_deref(),
            Some("a Washington insider who will Not Win")
        );
        assert_eq!(quoted_wording("mixed", "no quote marks"), None);
    }

    #[test]
    fn phrases_of_function_words_are_no_keys() {
        assert!(keys(&normalize("I think that's what we're going to do")).is_empty());
        let k = keys(&normalize("we're going to build the wall"));
        assert_eq!(k.len(), 3, "going to build, to build the, build the wall");
    }
}
