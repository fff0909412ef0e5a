//! A quotation set off as its own paragraph after a lead-in ending in a
//! colon, read end to end with the shipped models.

use crate::Attribution;

fn extracted(text: &str) -> Vec<Attribution> {
    crate::Extractor::builtin().extract(text)
}

/// The attribution whose content holds `words`.
fn holding<'a>(found: &'a [Attribution], words: &str) -> &'a Attribution {
    found
        .iter()
        .find(|a| a.content.iter().any(|c| c.text.contains(words)))
        .unwrap_or_else(|| panic!("no content holds {words:?}: {found:?}"))
}

fn texts(spans: &[crate::Span]) -> Vec<&str> {
    spans.iter().map(|s| s.text.as_str()).collect()
}

/// Regression: "The New York Times reports:" closing a paragraph lost the
/// quotation below it, over two paragraphs, to no one (the tagger reads one
/// paragraph at a time; the rules trust no noun-like "reports").
#[test]
fn a_quotation_after_a_lead_in_is_its_content() {
    let text = "Head.\n\nFew donors gave small amounts.\n\nThe New York Times reports:\n\n\
                \"Just 24 percent of the contributors to her campaign have given $200 or \
                less.\n\n\"Without this online network, she is being made to continue with \
                fund-raisers with rich donors.\"\n\nShe has gotten into some trouble.";
    let found = extracted(text);
    let a = holding(&found, "Just 24 percent");
    assert_eq!(texts(&a.source), ["The New York Times"]);
    assert!(texts(&a.cue).concat().contains("reports"), "{:?}", a.cue);
    assert!(
        a.content
            .iter()
            .any(|c| c.text.contains("Without this online network")),
        "{:?}",
        a.content
    );
    // A noun the lexicon knows, after a modifier, is no cue: the verb is.
    let text = "Head.\n\nOn July 6, Sanders made the following comment:\n\n\"For young people \
                who have graduated high school, the unemployment rate is 33 percent.\"\n\nIt \
                was rated true.";
    let found = extracted(text);
    let a = holding(&found, "unemployment rate");
    assert_eq!(texts(&a.source), ["Sanders"]);
    assert_eq!(texts(&a.cue), ["made"]);
}

/// The lead-in's own attribution goes on into the quotation.
#[test]
fn the_lead_ins_attribution_goes_on_into_the_quotation() {
    let text = "Head.\n\nAs Joel Pollak observed, the biggest victor was not on the stage, it \
                was the stage itself:\n\n\"The clear winner of the debate was the network, \
                which conducted two lively sessions.\"\n\nThe ratings were high.";
    let found = extracted(text);
    let a = holding(&found, "The clear winner");
    assert!(texts(&a.cue).concat().contains("observed"), "{:?}", a.cue);
    assert!(
        a.content.iter().any(|c| c.text.contains("biggest victor")),
        "{:?}",
        a.content
    );
}

/// Not over a transcript's turns, nor without a quotation mark opening the
/// next paragraph.
#[test]
fn turns_and_unquoted_paragraphs_are_no_lead_in_quotations() {
    let text = "Head.\n\nPartial transcript as follows:\n\n\"WALLACE: Let's start with the \
                debate story and what it means.\n\n\"PENCE: Well, look, this is serious \
                business for everyone.\n\n\"WALLACE: Will she be there tomorrow night?\n\n\
                \"PENCE: She will not be attending the debate.\"";
    let found = extracted(text);
    assert!(
        found
            .iter()
            .all(|a| !texts(&a.cue).concat().contains("follows")),
        "{found:?}"
    );
    let text = "Head.\n\nThe plan for the night was simple:\n\nSell her presidency and be \
                the candidate who shines in a smaller crowd.\n\nThe debate starts at nine.";
    let found = extracted(text);
    assert!(
        found
            .iter()
            .all(|a| a.content.iter().all(|c| !c.text.contains("Sell"))),
        "{found:?}"
    );
}
