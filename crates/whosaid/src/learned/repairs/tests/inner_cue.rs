//! Tests of the repair of contents stopped at a bare inner cue
//! (`repairs::inner_cue`).

use super::*;

/// `The National Weather Service said | more snow | was expected | on
/// Monday.`: the tagger stopped the content at "was expected", a cue it
/// found nothing for; the rules' content for "said" runs over it, and the
/// attribution takes it. A bare cue that does not begin where the content
/// ends leaves the content as it is.
#[test]
fn a_content_runs_over_a_bare_cue_right_after_it() {
    let text = "Head.\n\nThe National Weather Service said more snow was expected on Monday.";
    let mut found = vec![attribution(
        Some(tokens_of(text, "The National Weather Service")),
        tokens_of(text, "said"),
        tokens_of(text, "more snow"),
    )];
    in_context(text, |_, cx| {
        content_over_a_bare_inner_cue(cx, &[tokens_of(text, "was expected")], &mut found)
    });
    assert_eq!(
        found[0].content,
        [tokens_of(text, "more snow was expected on Monday")]
    );
    let mut found = vec![attribution(
        Some(tokens_of(text, "The National Weather Service")),
        tokens_of(text, "said"),
        tokens_of(text, "more"),
    )];
    in_context(text, |_, cx| {
        content_over_a_bare_inner_cue(cx, &[tokens_of(text, "was expected")], &mut found)
    });
    assert_eq!(found[0].content, [tokens_of(text, "more")]);
}
