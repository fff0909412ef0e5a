//! Bodies named by phrases with prepositions inside ("Doctors Without
//! Borders", "the Roper Center for Public Opinion Research") and the
//! descriptions that refer back to them.

use super::*;

/// Regression: "Doctors Without Borders" was a group of doctors and
/// "Americans for Prosperity" a group affiliated with "Prosperity", the
/// body "the group" then referred to. A plural phrase with a preposition
/// of purpose and a capitalized object that names no one is one body's
/// name, whole, and "the group" after it is that body.
#[test]
fn a_body_named_by_a_plural_phrase_is_one_organization() {
    let acc = analyze(
        "Aid groups warn\n\nDoctors Without Borders said its hospital in Gaza had been hit \
         twice. The group said it would stay.\n\nAmericans for Prosperity said it would spend \
         $10 million on the race. The group said the money would go to ads.",
    );
    for (source, name) in [
        ("Doctors Without Borders", "Doctors Without Borders"),
        ("Americans for Prosperity", "Americans for Prosperity"),
    ] {
        let speaker = speaker_of_source(&acc, source).expect("a speaker");
        assert_eq!(speaker.name, name, "{acc:#?}");
        assert_eq!(speaker.kind, SpeakerKind::Organization, "{acc:#?}");
        assert!(speaker.affiliations.is_empty(), "{acc:#?}");
    }
    let the_group: Vec<&str> = acc
        .attributions
        .iter()
        .filter(|a| a.attribution.source.iter().any(|s| s.text == "The group"))
        .map(|a| acc.speakers[a.speaker.expect("a speaker")].name.as_str())
        .collect();
    assert_eq!(
        the_group,
        ["Doctors Without Borders", "Americans for Prosperity"],
        "{acc:#?}"
    );
}

/// People acting for someone keep being those people: "Lawyers for
/// Harvard" are a group affiliated with Harvard.
#[test]
fn people_acting_for_a_body_are_no_body() {
    let acc = analyze(
        "Court fight\n\nLawyers for Harvard said the university would appeal the ruling \
         next week.",
    );
    let speaker = speaker_of_source(&acc, "Lawyers for Harvard").expect("a speaker");
    assert_eq!(speaker.kind, SpeakerKind::Group, "{acc:#?}");
    assert_eq!(speaker.affiliations, ["Harvard"], "{acc:#?}");
}

/// Regression: "according to the Roper Center for Public Opinion
/// Research" was read as a piece of research and given to its author,
/// the outlet of the poll named before. A document noun after a
/// preposition inside a name is the name's word.
#[test]
fn a_document_noun_inside_a_name_is_no_document() {
    let name = speaker_name(
        "Poll: wealthy voters\n\nA Bloomberg poll shows Clinton ahead among voters who earn \
         more.\n\nBloomberg reports that the Republican nominee has won among the group, \
         according to the Roper Center for Public Opinion Research.",
        "the Roper Center for Public Opinion Research",
    );
    assert_eq!(name, "Roper Center for Public Opinion Research");
}
