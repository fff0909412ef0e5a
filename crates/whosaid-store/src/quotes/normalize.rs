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

/// Consecutive keys of which the smallest is an anchor (winnowing, as in
/// MOSS): two quotes sharing a stretch of this many keys in a row share
/// an anchor, and about 2/(WINDOW + 1) of the keys are anchors. As many as
/// a match needs ([`super::cluster::MIN_SHARED`], about six words in a
/// row), so the shortest verbatim match is always found.
pub(crate) const WINDOW: usize = super::cluster::MIN_SHARED;

/// The keys of a normalized quote, sorted and distinct: what two quotes
/// share is counted on these.
#[cfg(test)]
pub(crate) fn keys(norm: &str) -> Vec<i64> {
    keys_and_anchors(norm).0
}

/// The keys of a normalized quote and its anchors, each sorted and
/// distinct. Anchors are the keys the index holds: the smallest key of
/// every [`WINDOW`] consecutive ones (all of a shorter quote's smallest),
/// so a stretch two quotes share is found through 40% of the index rows
/// that every key would cost.
pub(crate) fn keys_and_anchors(norm: &str) -> (Vec<i64>, Vec<i64>) {
    // Each word hashed and looked up once, not once per trigram.
    let words: Vec<(u64, bool)> = norm
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(|w| {
            (
                fnv1a(w.as_bytes()),
                FUNCTION_WORDS.binary_search(&w).is_ok(),
            )
        })
        .collect();
    let mut keys: Vec<i64> = words
        .windows(3)
        .filter(|w| w.iter().any(|(_, function)| !function))
        .map(|w| trigram_key(w[0].0, w[1].0, w[2].0))
        .collect();
    let mut anchors: Vec<i64> = keys
        .windows(WINDOW.min(keys.len()).max(1))
        .filter_map(|w| w.iter().min().copied())
        .collect();
    anchors.sort_unstable();
    anchors.dedup();
    keys.sort_unstable();
    keys.dedup();
    (keys, anchors)
}

/// The key of three words from their hashes: order matters ("the wall
/// build" is another key than "build the wall").
fn trigram_key(a: u64, b: u64, c: u64) -> i64 {
    (a.rotate_left(42) ^ b.rotate_left(21) ^ c).wrapping_mul(0x9e37_79b9_7f4a_7c15) as i64
}

/// Sorted distinct keys as stored: eight bytes each, little-endian.
pub(crate) fn encode_keys(keys: &[i64]) -> Vec<u8> {
    keys.iter().flat_map(|k| k.to_le_bytes()).collect()
}

/// A stored key list (see [`encode_keys`]); a cut last key is dropped.
pub(crate) fn decode_keys(stored: &[u8]) -> Vec<i64> {
    stored
        .chunks_exact(8)
        .filter_map(|c| <[u8; 8]>::try_from(c).ok())
        .map(i64::from_le_bytes)
        .collect()
}

/// How many keys two sorted distinct key lists share.
pub(crate) fn shared_keys(a: &[i64], b: &[i64]) -> usize {
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    shared
}

/// FNV-1a, 64 bits: stable across builds and platforms (the keys are
/// stored), unlike `std`'s hasher.
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
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

    #[test]
    fn a_stretch_of_a_window_of_keys_shares_an_anchor() {
        let long = normalize(
            "the economy is rigged against working families and we will change that on day one",
        );
        let inside = normalize("rigged against working families and");
        let a = keys_and_anchors(&long).1;
        let b = keys_and_anchors(&inside).1;
        assert!(b.iter().any(|k| a.binary_search(k).is_ok()));
        assert!(a.len() < keys(&long).len(), "fewer anchors than keys");
        assert!(a.iter().all(|k| keys(&long).binary_search(k).is_ok()));
        assert_eq!(keys_and_anchors(&normalize("build the wall")).1.len(), 1);
        assert_eq!(keys_and_anchors(""), (vec![], vec![]));
        assert_eq!(
            keys("build the wall"),
            vec![-5_656_800_676_754_309_381],
            "keys are stored: their hash never changes"
        );
    }

    #[test]
    fn stored_keys_decode_and_are_counted() {
        let keys = [-5, 1, 7, 9];
        let stored = encode_keys(&keys);
        assert_eq!(decode_keys(&stored), keys);
        assert_eq!(decode_keys(&stored[..15]), [-5], "a cut key is dropped");
        assert_eq!(shared_keys(&[-5, 2, 7, 10], &keys), 2);
        assert_eq!(shared_keys(&[], &keys), 0);
        assert_eq!(shared_keys(&keys, &keys), 4);
    }
}
