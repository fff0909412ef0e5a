//! Tests of the cues that are no cues (`repairs::false_cues`).

use super::*;

/// Regression: "Former Arsenal defender Martin Keown told the BBC …" was
/// an attribution of "Former Arsenal" with the cue "defender" and the
/// whole clause as its content. A noun before the name it titles is no
/// cue; a noun cue before its clause stays one.
#[test]
fn a_title_before_a_name_is_no_cue() {
    let text = "Head.\n\nFormer Arsenal defender Martin Keown told the BBC the injury was bad.";
    let title = attribution(
        Some(tokens_of(text, "Former Arsenal")),
        tokens_of(text, "defender"),
        tokens_of(text, "Martin Keown told the BBC the injury was bad"),
    );
    assert!(in_context(text, |_, cx| title_taken_for_a_cue(cx, &title)));
    let text = "Head.\n\nHis claim that the vote was rigged fell flat.";
    let claim = attribution(
        Some(tokens_of(text, "His")),
        tokens_of(text, "claim"),
        tokens_of(text, "that the vote was rigged"),
    );
    assert!(!in_context(text, |_, cx| title_taken_for_a_cue(cx, &claim)));
    // A verb the tagger may read as a noun names no person.
    let text = "Head.\n\nMany fear Trump will feed insecurity in Asia.";
    let fear = attribution(
        Some(tokens_of(text, "Many")),
        tokens_of(text, "fear"),
        tokens_of(text, "Trump will feed insecurity in Asia"),
    );
    assert!(!in_context(text, |_, cx| title_taken_for_a_cue(cx, &fear)));
}
