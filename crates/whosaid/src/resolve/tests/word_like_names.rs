//! Surnames that read as other words ("Streeting", "Will", "Early",
//! "Cook"): the taggers may read them as verb forms, yet after the full
//! name they name the person.

use super::*;

/// Regression: "Streeting told the BBC" had no speaker: the tagger read the
/// surname as a verb form ending in "-ing", no noun was left in the source,
/// and a source without a noun named no one (PolNeAR train: "Will wrote",
/// "Early described", "Cook declined to say").
#[test]
fn a_surname_read_as_a_verb_form_names_its_person() {
    for (text, source, name) in [
        (
            "Health Secretary Wes Streeting said on Monday the plan would work.\n\n\
             \"Patients have waited too long,\" Streeting told the BBC.",
            "Streeting",
            "Wes Streeting",
        ),
        (
            "The columnist George Will has long opposed the nominee.\n\n\
             Will wrote that the party had lost its way.",
            "Will",
            "George Will",
        ),
    ] {
        let acc = analyze(text);
        let s = speaker_of_source(&acc, source);
        assert_eq!(s.map(|s| s.name.as_str()), Some(name), "{acc:#?}");
    }
}
