//! What a relative clause set off by commas says.

use super::*;

/// The content of the cue after `cue` in `text`, read to the sentence's
/// end, after the repair.
fn content_after(text: &str, source: Option<&str>, cue: &str, content: &str) -> Vec<String> {
    repaired(
        text,
        source.map(|s| tokens_of(text, s)),
        tokens_of(text, cue),
        tokens_of(text, content),
        content_within_its_relative_clause,
    )
    .1
}

/// Regression: "Tim Canova, who cited trade … as his major issues, cast
/// himself as …" ran what was said on into the sentence's own verb. A
/// "that" clause without its own verb yet goes on over an apposition, a
/// clause outside a relative clause is left alone, and a passive cue's
/// relative clause ends too ("which could be announced as early as next
/// week, would affect …").
#[test]
fn a_relative_clause_ends_what_it_says() {
    let text = "Head.\n\nTim Canova, who cited trade as his major issue, cast himself as a \
                progressive.";
    assert_eq!(
        content_after(
            text,
            Some("who"),
            "cited",
            "trade as his major issue, cast himself as a progressive"
        ),
        ["trade as his major issue"]
    );
    let text = "Head.\n\nThe opposition, who suggested that Mr. Jäger, under fire for the \
                failures, would do better to keep quiet, met on Monday.";
    assert_eq!(
        content_after(
            text,
            Some("who"),
            "suggested",
            "that Mr. Jäger, under fire for the failures, would do better to keep quiet, met on Monday"
        ),
        ["that Mr. Jäger, under fire for the failures, would do better to keep quiet"]
    );
    let text = "Head.\n\nOfficials said the storm, which hit on Tuesday, was the worst in years.";
    assert_eq!(
        content_after(
            text,
            Some("Officials"),
            "said",
            "the storm, which hit on Tuesday, was the worst in years"
        ),
        ["the storm, which hit on Tuesday, was the worst in years"]
    );
    let text = "Head.\n\nThe cuts, which could be announced as early as next week, would \
                affect sales teams.";
    assert_eq!(
        content_after(
            text,
            None,
            "announced",
            "as early as next week, would affect sales teams"
        ),
        ["as early as next week"]
    );
}
