//! Tests of the contents cut at an auxiliary (`repairs::auxiliary`).

use super::*;

/// Regression: after a sentence with a quotation, "He said the club
/// should have signed another forward." had the content "the club
/// should". A modal or auxiliary before a verb ends no clause; one before
/// punctuation does ("… if she could.").
#[test]
fn a_content_runs_past_its_auxiliary() {
    let text = "News.\n\nHe said the club should have signed another forward.";
    let mut found = vec![attribution(
        Some(tokens_of(text, "He")),
        tokens_of(text, "said"),
        tokens_of(text, "the club should"),
    )];
    let content = in_context(text, |doc, cx| {
        content_past_its_auxiliary(cx, &mut found);
        let r = &found[0].content[0];
        text[doc.tokens[r.start].start..doc.tokens[r.end - 1].end].to_string()
    });
    assert_eq!(content, "the club should have signed another forward");
    let text = "News.\n\nShe said she would change it if she could.";
    let mut found = vec![attribution(
        Some(tokens_of(text, "She")),
        tokens_of(text, "said"),
        tokens_of(text, "she would change it if she could"),
    )];
    let end = in_context(text, |_, cx| {
        content_past_its_auxiliary(cx, &mut found);
        found[0].content[0].end
    });
    assert_eq!(end, tokens_of(text, "she would change it if she could").end);
}
