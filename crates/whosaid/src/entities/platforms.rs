//! Social platforms: where statements are posted ("said on X", "in a post
//! on Truth Social"), never who makes them. One matcher over tokens serves
//! the cue repair (a platform after "on" belongs to the cue), the channel
//! finder (the platform a post ran on) and the entity repairs (a
//! platform's name is a company's, not a person's).

use std::ops::Range;

use crate::text::Document;

use super::{is_possessive, strip_possessive};

/// Platforms that carry posts and never write them ("a Twitter post" is
/// its account holder's), lowercase, words separated by one space.
pub(crate) const PLATFORMS: &[&str] = &[
    "twitter",
    "x",
    "facebook",
    "instagram",
    "truth social",
    "telegram",
    "youtube",
    "tiktok",
    "linkedin",
    "threads",
    "bluesky",
    "mastodon",
];

/// Where the platform named from token `i` ends, if one ends at or before
/// `limit` ("Facebook", "Truth Social", "X"). Words compare lowercased,
/// with a full stop after them ignored: "X." ending a sentence is one
/// token, read as an initial. "X" counts only as the capital letter. A
/// possessive name ("Twitter's") is an owner, not where something was
/// posted: see [`names_a_platform`] for mentions.
pub(crate) fn platform_at(doc: &Document, i: usize, limit: usize) -> Option<usize> {
    platform_match(doc, i, limit).and_then(|(end, possessive)| (!possessive).then_some(end))
}

/// Whether the mention `name` is a platform's name, a possessive one
/// included ("Instagram", "Truth Social's"): a company, never a person a
/// pronoun could refer to ("he posted" after "on Instagram").
pub(crate) fn names_a_platform(doc: &Document, name: &Range<usize>) -> bool {
    platform_match(doc, name.start, name.end).is_some_and(|(end, _)| end == name.end)
}

/// The end of the platform named from token `i` (before `limit`) and
/// whether its last word is possessive.
fn platform_match(doc: &Document, i: usize, limit: usize) -> Option<(usize, bool)> {
    let limit = limit.min(doc.tokens.len());
    if i >= limit {
        return None;
    }
    // Most tokens stop here: no platform's name starts with their first
    // letter.
    let initial = *doc.lower(i).as_bytes().first()?;
    let word = |k: usize| strip_possessive(doc.lower(k)).trim_end_matches('.');
    PLATFORMS
        .iter()
        .filter(|p| p.as_bytes()[0] == initial)
        .find_map(|p| {
            let mut end = i;
            for w in p.split(' ') {
                if end >= limit || word(end) != w {
                    return None;
                }
                end += 1;
            }
            let capital = *p != "x" || doc.token_text(i).starts_with('X');
            capital.then_some((end, is_possessive(doc.token_text(end - 1))))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Document {
        Document::new(text)
    }

    /// The token index of the first token reading `word`.
    fn at(d: &Document, word: &str) -> usize {
        (0..d.tokens.len())
            .find(|&i| d.token_text(i) == word)
            .unwrap()
    }

    #[test]
    fn one_and_two_word_platforms_end_where_their_name_does() {
        let d = doc("She said on Truth Social that he lied, and on Facebook too.");
        let truth = at(&d, "Truth");
        assert_eq!(platform_at(&d, truth, d.tokens.len()), Some(truth + 2));
        // Both words must fit before the limit.
        assert_eq!(platform_at(&d, truth, truth + 1), None);
        let facebook = at(&d, "Facebook");
        assert_eq!(
            platform_at(&d, facebook, d.tokens.len()),
            Some(facebook + 1)
        );
        assert_eq!(platform_at(&d, at(&d, "said"), d.tokens.len()), None);
    }

    #[test]
    fn x_is_a_platform_only_as_the_capital_letter() {
        let d = doc("He wrote on X that the x axis is wrong.");
        assert!(platform_at(&d, at(&d, "X"), d.tokens.len()).is_some());
        assert_eq!(platform_at(&d, at(&d, "x"), d.tokens.len()), None);
        // A sentence's last "X." is one token, read as an initial.
        let d = doc("He said so in a post on X. Then he left.");
        let x = (0..d.tokens.len())
            .find(|&i| d.token_text(i).starts_with('X'))
            .unwrap();
        assert_eq!(platform_at(&d, x, d.tokens.len()), Some(x + 1));
        assert!(names_a_platform(&d, &(x..x + 1)));
    }

    #[test]
    fn a_possessive_name_is_a_platform_mention_but_no_place_of_posting() {
        let d = doc("Twitter's owner said it.");
        assert_eq!(platform_at(&d, 0, d.tokens.len()), None);
        assert!(names_a_platform(&d, &(0..1)));
        let d = doc("Mr. Truth Social said it.");
        let truth = at(&d, "Truth");
        assert!(names_a_platform(&d, &(truth..truth + 2)));
        // A mention must be the platform's name, whole.
        assert!(!names_a_platform(&d, &(truth..truth + 1)));
        assert!(!names_a_platform(&d, &(truth - 1..truth + 2)));
    }
}
