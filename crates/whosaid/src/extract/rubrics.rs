//! A headline's rubric: the label of a genre or a format before its colon
//! (`Opinion: …`, `Live updates: …`, `Transcript: …`, `Fact check: …`).
//! It names the kind of article, not someone who said what follows.

use std::ops::Range;

use super::TokenAttribution;
use crate::text::{Document, TokenKind};

/// Words of rubrics; a label made of these words only is one. Names of
/// bodies that hold one of them keep other words ("Human Rights Watch").
const RUBRIC_WORDS: &[&str] = &[
    "analysis",
    "blog",
    "breaking",
    "check",
    "column",
    "commentary",
    "editorial",
    "essay",
    "exclusive",
    "explainer",
    "fact",
    "fact-check",
    "factbox",
    "factcheck",
    "full",
    "guest",
    "interview",
    "letters",
    "listen",
    "live",
    "news",
    "obituary",
    "opinion",
    "perspective",
    "photos",
    "podcast",
    "read",
    "recap",
    "review",
    "text",
    "timeline",
    "transcript",
    "update",
    "updates",
    "video",
    "watch",
];

/// Drops the attributions of a headline's colon whose source is a rubric
/// (`Opinion: The Fed is running out of time`). Done on the extractor's
/// output, so that the attribution tagger still reads the rules' headline
/// attribution among its features, as in training, and finds the
/// attributions inside (`Breaking: Federal Judge Just Gave Hillary …`).
pub(crate) fn drop_rubric_headlines(doc: &Document, found: &mut Vec<TokenAttribution>) {
    let Some(first) = doc.sentences.first().map(|s| s.tokens.clone()) else {
        return;
    };
    found.retain(|a| {
        let headline_colon =
            a.cue.len() == 1 && first.contains(&a.cue.start) && doc.token_is(a.cue.start, ":");
        !(headline_colon
            && a.source
                .as_ref()
                .is_some_and(|s| s.end <= a.cue.start && is_rubric(doc, s.clone())))
    });
}

/// Whether `label` (the tokens before a headline's colon) is a rubric.
fn is_rubric(doc: &Document, label: Range<usize>) -> bool {
    let mut words = label
        .filter(|&i| doc.tokens[i].kind == TokenKind::Word)
        .peekable();
    words.peek().is_some()
        && words.all(|i| {
            let word = doc.token_text(i).to_ascii_lowercase();
            RUBRIC_WORDS.binary_search(&word.as_str()).is_ok()
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rubric(label: &str) -> bool {
        let doc = Document::new(label);
        is_rubric(&doc, 0..doc.tokens.len())
    }

    #[test]
    fn genre_labels_are_rubrics_and_names_are_not() {
        for label in [
            "Opinion",
            "Live updates",
            "Fact check",
            "Transcript",
            "EXCLUSIVE",
        ] {
            assert!(rubric(label), "{label}");
        }
        for label in ["Zelenskyy", "Human Rights Watch", "NATO Chief", "Poll", ""] {
            assert!(!rubric(label), "{label}");
        }
    }

    #[test]
    fn the_word_list_is_sorted_for_its_binary_search() {
        assert!(RUBRIC_WORDS.windows(2).all(|w| w[0] < w[1]));
    }
}
