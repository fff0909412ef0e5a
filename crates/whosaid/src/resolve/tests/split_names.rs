//! One name the entity tagger typed as two mentions side by side, and the
//! gender of a full name whose first name is also a known surname.

use super::*;

/// Regression: the tagger read "António" as a person and "Guterres" as an
/// organization, so the secretary-general was the organization
/// "Guterres", apart from the person "Guterres" who spoke next.
#[test]
fn a_first_name_and_a_surname_typed_a_body_are_one_person() {
    let acc = analyze(
        "Talks urged\n\nUN Secretary-General António Guterres urged both sides to \
         return to talks. \"There is no military solution,\" Guterres said.",
    );
    let urged =
        speaker_of_source(&acc, "UN Secretary-General António Guterres").expect("a speaker");
    assert_eq!(urged.name, "António Guterres", "{acc:#?}");
    assert_eq!(urged.kind, SpeakerKind::Person, "{acc:#?}");
    let said = speaker_of_source(&acc, "Guterres").expect("a speaker");
    assert_eq!(said.name, "António Guterres", "{acc:#?}");
}

/// Regression: "Union" was an organization and "Pacific" a person, and
/// the railroad spoke as a person called "Pacific".
#[test]
fn a_body_name_whose_last_word_was_typed_a_person_is_the_body() {
    let acc = analyze(
        "Rail cuts\n\nRail operator Union Pacific said on Tuesday that it would cut \
         1,200 jobs.",
    );
    let railroad = speaker_of_source(&acc, "Rail operator Union Pacific").expect("a speaker");
    assert_eq!(railroad.name, "Union Pacific", "{acc:#?}");
    assert_eq!(railroad.kind, SpeakerKind::Organization, "{acc:#?}");
}

/// A title after a first name is no surname ("Charlotte" + "Mayor"), and
/// a person's surname after a body's name stays the person's ("the Office
/// of Immigrant Affairs Clinton had announced"): neither pair is joined.
#[test]
fn titles_and_known_surnames_are_not_joined_to_the_mention_before() {
    let acc = analyze(
        "Video released\n\nCharlotte Mayor Jennifer Roberts said that the video should \
         be released.\n\nHillary Clinton spoke in Queens. An aide declined to say \
         whether she would lead the Office of Immigrant Affairs Clinton announced \
         earlier.",
    );
    let mayor = speaker_of_source(&acc, "Charlotte Mayor Jennifer Roberts").expect("a speaker");
    assert_eq!(mayor.name, "Jennifer Roberts", "{acc:#?}");
    assert!(
        !acc.speakers
            .iter()
            .any(|s| s.name.contains("Affairs Clinton")),
        "{acc:#?}"
    );
}

/// Regression: the corpus's chains call "Warren" female (Elizabeth
/// Warren's surname), so Warren Buffett was a woman, and "He added" went
/// to the company his statement was about.
#[test]
fn a_full_names_first_name_gives_its_gender_before_the_corpus_surnames() {
    let acc = analyze(
        "Letter\n\nWarren Buffett said in a letter to shareholders on Saturday that \
         Berkshire Hathaway had no plans to pay a dividend. He added that the \
         conglomerate's cash pile had grown to a record.",
    );
    let he = speaker_of_source(&acc, "He").expect("a speaker");
    assert_eq!(he.name, "Warren Buffett", "{acc:#?}");
}
