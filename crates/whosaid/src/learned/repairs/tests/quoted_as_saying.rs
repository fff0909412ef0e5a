//! "X was quoted by Y as saying …", read end to end with the shipped
//! models and resolved: X said it, Y relayed it.

use crate::resolve::ChannelKind;
use crate::{Account, Extractor};

fn account(text: &str) -> Account {
    Extractor::builtin().analyze(text, &Default::default())
}

/// Regression: "Saar was quoted by Israeli media as saying that …" gave
/// the statement to "Israeli media" with the cue "as saying"; "Putin was
/// quoted by the Interfax news agency as saying Russia would respond" was
/// missed. The subject is the source, the frame the cue, the outlet the
/// relay.
#[test]
fn the_one_quoted_is_the_source_and_the_outlet_relays() {
    let acc = account(
        "Talks\n\nPutin was quoted by the Interfax news agency as saying Russia would \
         respond.\n\nThe minister was quoted as saying the talks had failed.",
    );
    // The attribution whose content opens with `words`.
    let holding = |words: &str| {
        acc.attributions
            .iter()
            .find(|a| {
                a.attribution
                    .content
                    .iter()
                    .any(|c| c.text.starts_with(words))
            })
            .unwrap_or_else(|| panic!("no content opens with {words:?}: {acc:#?}"))
    };
    let putin = holding("Russia would respond");
    assert_eq!(putin.attribution.source[0].text, "Putin", "{acc:#?}");
    assert_eq!(
        putin.attribution.cue[0].text,
        "was quoted by the Interfax news agency as saying"
    );
    let relay = putin.channel.iter().find(|c| c.kind == ChannelKind::Relay);
    assert_eq!(
        relay.and_then(|c| c.via.as_deref()),
        Some("Interfax"),
        "{acc:#?}"
    );
    let minister = holding("the talks had failed");
    assert_eq!(
        minister.attribution.source[0].text, "The minister",
        "{acc:#?}"
    );
    assert_eq!(minister.attribution.cue[0].text, "was quoted as saying");
}
