//! Speakers of interview transcripts, named by labels in capitals.

use super::*;

/// Regression: `SEN. AMY KLOBUCHAR:` was an organization named "SEN. AMY
/// KLOBUCHAR", `MARGARET BRENNAN:` one named in capitals, and `VIDEO:` a
/// speaker. A label names a person after its titles, in the article's
/// own case or in title case; a recording's label names no one.
#[test]
fn transcript_labels_name_people_after_their_titles() {
    let acc = analyze(
        "Face the Nation transcript\n\n\
         MARGARET BRENNAN: Senator, do you support sending troops to Chicago?\n\n\
         SEN. AMY KLOBUCHAR: No, I don't. This is not what the people of Illinois asked for.\n\n\
         MARGARET BRENNAN: The White House says crime is out of control there.\n\n\
         VIDEO: Crime is down in most big cities this year, the mayor said.\n\n\
         KLOBUCHAR: The data says otherwise, and the governor agrees with me.",
    );
    let senator = speaker_of_source(&acc, "SEN. AMY KLOBUCHAR").expect("a speaker");
    assert_eq!(senator.name, "Amy Klobuchar", "{acc:#?}");
    assert_eq!(senator.kind, SpeakerKind::Person, "{acc:#?}");
    assert_eq!(senator.titles, ["Sen."], "{acc:#?}");
    let host = speaker_of_source(&acc, "MARGARET BRENNAN").expect("a speaker");
    assert_eq!(host.name, "Margaret Brennan", "{acc:#?}");
    assert_eq!(
        speaker_of_source(&acc, "KLOBUCHAR").map(|s| s.name.as_str()),
        Some("Amy Klobuchar"),
        "{acc:#?}"
    );
    assert_eq!(
        speaker_of_source(&acc, "VIDEO").map(|s| s.name.as_str()),
        None,
        "{acc:#?}"
    );
}
