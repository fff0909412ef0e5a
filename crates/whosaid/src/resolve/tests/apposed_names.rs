//! A description whose person is named in apposition after it ("His
//! running mate, Sen. Tim Kaine of Virginia, told …"): the person named
//! speaks, not the description.

use super::*;

/// Regression: "Trump's running mate, Sen. JD Vance of Ohio," was an
/// organization called "Trump's running mate": the place a person is of
/// hid the apposition, and the tagger's "Vance" alone left "JD" before
/// it. Two capitals before a person's mention are initials of the name.
#[test]
fn a_person_in_apposition_speaks_with_the_place_they_are_of() {
    let acc = analyze(
        "Rivals trade attacks\n\nFormer President Donald Trump spoke in Ohio on Monday. \
         His running mate, Sen. Tim Kaine of Virginia, told Fox News that the campaign \
         felt good.\n\nTrump's running mate, JD Vance, told reporters that Pennsylvania \
         would decide the race.",
    );
    let kaine = speaker_of_source(&acc, "His running mate, Sen. Tim Kaine of Virginia,")
        .expect("a speaker");
    assert_eq!(kaine.name, "Tim Kaine", "{acc:#?}");
    assert_eq!(kaine.kind, SpeakerKind::Person, "{acc:#?}");
    let vance = speaker_of_source(&acc, "Trump's running mate, JD Vance,").expect("a speaker");
    assert_eq!(vance.name, "JD Vance", "{acc:#?}");
    assert_eq!(vance.kind, SpeakerKind::Person, "{acc:#?}");
}

/// Two capitals that abbreviate a place or a title are no initials: "US
/// Sen." opens a title, and "Former AG Mukasey" is Michael Mukasey, the
/// former attorney general (a regression of the initials' first
/// version, which named him "AG Mukasey").
#[test]
fn abbreviations_of_places_and_titles_are_no_initials() {
    let acc = analyze(
        "Talks stall\n\nThe EU and US negotiators met on Monday. US Sen. Tim Kaine said \
         the talks had stalled.\n\nMichael Mukasey spoke at the convention. Former AG \
         Mukasey said the emails were a scandal.",
    );
    let kaine = speaker_of_source(&acc, "US Sen. Tim Kaine").expect("a speaker");
    assert_eq!(kaine.name, "Tim Kaine", "{acc:#?}");
    let mukasey = speaker_of_source(&acc, "Former AG Mukasey").expect("a speaker");
    assert_eq!(mukasey.name, "Michael Mukasey", "{acc:#?}");
}

/// A list of people after a plural description is no apposition: "The
/// Republican senators running for president -- Ted Cruz of Texas,
/// Lindsey Graham of South Carolina, Rand Paul of Kentucky …" are not
/// Lindsey Graham (a regression of the places after names in
/// appositions).
#[test]
fn a_list_of_people_is_no_apposition() {
    let acc = account_with_source(
        "Vote\n\nThe Republican senators running for president -- Ted Cruz of Texas, \
         Lindsey Graham of South Carolina, Rand Paul of Kentucky and Marco Rubio of Florida \
         -- voted for the bill.",
        "The",
        "voted",
    );
    let speaker = acc.attributions[0]
        .speaker
        .map(|s| acc.speakers[s].name.as_str());
    assert_ne!(speaker, Some("Lindsey Graham"), "{acc:#?}");
}

/// Regression: "Stacy Rasgon of Bernstein wrote" had the speaker
/// "Bernstein": the tagger read "Stacy Rasgon of" as a body and a unisex
/// first name was no first name.
#[test]
fn a_person_of_a_firm_is_the_person() {
    let acc = analyze(
        "Nvidia falls\n\nShares of Nvidia fell. Stacy Rasgon of Bernstein wrote in a note \
         that the dip was a buying opportunity.",
    );
    let speaker = speaker_of_source(&acc, "Stacy Rasgon of Bernstein").expect("a speaker");
    assert_eq!(speaker.name, "Stacy Rasgon", "{acc:#?}");
    assert_eq!(speaker.kind, SpeakerKind::Person, "{acc:#?}");
}
