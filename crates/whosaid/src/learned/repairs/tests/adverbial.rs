//! What a cue inside an opening adverbial clause says.

use super::*;
use crate::extract::RuleConfig;
use crate::lexicon::Lexicon;

/// The attributions (source, cue, contents) after the repair, given one
/// attribution by its phrases (each the first occurrence in `text`).
fn after_the_repair(
    text: &str,
    source: &str,
    cue: &str,
    content: &str,
) -> Vec<(Option<String>, String, Vec<String>)> {
    let mut found = vec![attribution(
        Some(tokens_of(text, source)),
        tokens_of(text, cue),
        tokens_of(text, content),
    )];
    in_context(text, |doc, cx| {
        content_within_its_adverbial_clause(
            cx,
            &Lexicon::builtin(),
            &RuleConfig::default(),
            &mut found,
        );
        let span = |r: &std::ops::Range<usize>| {
            text[doc.tokens[r.start].start..doc.tokens[r.end - 1].end].to_string()
        };
        found
            .iter()
            .map(|a| {
                (
                    a.source.as_ref().map(span),
                    span(&a.cue),
                    a.content.iter().map(span).collect(),
                )
            })
            .collect()
    })
}

/// The contents of the attribution whose cue is `cue`.
fn contents_of(found: &[(Option<String>, String, Vec<String>)], cue: &str) -> Vec<String> {
    found
        .iter()
        .find(|a| a.1 == cue)
        .map(|a| a.2.clone())
        .unwrap_or_default()
}

/// Regression: "While a federal judge found that action unconstitutional,
/// his decision was overturned …" ran what the judge found on into the
/// sentence's main clause, and "When the poll asked about all four
/// candidates, Clinton was supported …" gave the poll the result.
#[test]
fn an_opening_adverbial_clause_ends_what_it_says() {
    let text = "Head.\n\nWhile a federal judge found that action unconstitutional, his \
                decision was overturned by an appeals court.";
    let found = after_the_repair(
        text,
        "a federal judge",
        "found",
        "that action unconstitutional, his decision was overturned by an appeals court",
    );
    assert_eq!(
        contents_of(&found, "found"),
        ["that action unconstitutional"]
    );
    let text = "Head.\n\nWhen the poll asked about all four candidates, Clinton was supported \
                by 42 percent of those responding.";
    let found = after_the_repair(
        text,
        "the poll",
        "asked",
        "about all four candidates, Clinton was supported by 42 percent of those responding",
    );
    assert_eq!(contents_of(&found, "asked"), ["about all four candidates"]);
}

/// The main clause cut off a content keeps the attribution the rules find
/// in it ("When Clinton noted …, Trump boasted, “…”"): one a cue the
/// lexicon trusts makes, with a source.
#[test]
fn the_main_clause_keeps_its_own_attribution() {
    let text = "Head.\n\nWhen Clinton noted that Trump paid no taxes, Trump boasted, “That \
                makes me smart.”";
    let found = after_the_repair(
        text,
        "Clinton",
        "noted",
        "that Trump paid no taxes, Trump boasted, “That makes me smart.”",
    );
    assert_eq!(contents_of(&found, "noted"), ["that Trump paid no taxes"]);
    assert!(
        found
            .iter()
            .any(|a| a.1 == "boasted" && a.0.as_deref() == Some("Trump")),
        "{found:?}"
    );
}

/// Left alone: a clause that is not adverbial, a "that" clause without its
/// own verb before the comma ("When she said that, if elected, she would
/// …"), a parenthetical cue after the comma ("…, she said, the comment …")
/// and a content that starts after the clause ("As Reuters reported, …").
#[test]
fn other_clauses_and_asides_keep_their_content() {
    let text = "Head.\n\nOfficials said the storm hit the coast, and the rain was heavy.";
    let content = "the storm hit the coast, and the rain was heavy";
    let found = after_the_repair(text, "Officials", "said", content);
    assert_eq!(contents_of(&found, "said"), [content]);
    let text = "Head.\n\nWhen she said that, if elected, she would cut taxes, the crowd cheered.";
    let content = "that, if elected, she would cut taxes, the crowd cheered";
    let found = after_the_repair(text, "she", "said", content);
    assert_eq!(
        contents_of(&found, "said"),
        ["that, if elected, she would cut taxes"]
    );
    let text = "Head.\n\nWhen she replied that she was pleased because, she said, the comment \
                was plain.";
    let content = "that she was pleased because, she said, the comment was plain";
    let found = after_the_repair(text, "she", "replied", content);
    assert_eq!(contents_of(&found, "replied"), [content]);
    let text = "Head.\n\nAs Reuters reported, the company lost money.";
    let found = after_the_repair(text, "Reuters", "reported", "the company lost money");
    assert_eq!(contents_of(&found, "reported"), ["the company lost money"]);
}
