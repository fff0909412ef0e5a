//! Places the text names as places, which the entity tagger read as
//! people.

use super::*;

/// Regression: "Punjab" was tagged a person, so "Police in the Indian
/// state of Punjab said" had the speaker "Punjab", a person. The kind of
/// place before "of" makes it a place, and the police are its police.
#[test]
fn police_in_a_state_named_as_one_are_that_places_police() {
    let acc = analyze(
        "Arrests\n\nPolice in the Indian state of Punjab said they had arrested 12 \
         people in connection with the attack.",
    );
    let police =
        speaker_of_source(&acc, "Police in the Indian state of Punjab").expect("a speaker");
    assert_eq!(police.name, "Punjab police", "{acc:#?}");
    assert_eq!(police.kind, SpeakerKind::Organization, "{acc:#?}");
}
