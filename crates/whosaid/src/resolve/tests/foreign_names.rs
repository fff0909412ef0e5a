//! Names written otherwise than first name then surname: with particles
//! ("von der Leyen", "da Silva"), with the family name first ("Xi
//! Jinping"), with a middle name the tagger does not know ("Tedros Adhanom
//! Ghebreyesus"), and acronyms spelled like English words ("WHO").

use super::*;

/// Regression: "Ursula von der Leyen" was two people, the speaker the one
/// named "Leyen" without her title, and "Lula da Silva" was "Silva" apart
/// from "Luiz Inácio Lula".
#[test]
fn a_name_with_particles_is_one_person() {
    let acc = analyze(
        "Talks\n\nEuropean Commission President Ursula von der Leyen said the bloc would keep \
         up its support. Von der Leyen told lawmakers in Strasbourg that sanctions would stay.\n\n\
         Brazilian President Luiz Inácio Lula da Silva said his country could mediate. Lula \
         said he had spoken to both leaders.",
    );
    for source in [
        "European Commission President Ursula von der Leyen",
        "Von der Leyen",
    ] {
        let s = speaker_of_source(&acc, source).expect("a speaker");
        assert_eq!(s.name, "Ursula von der Leyen", "{acc:#?}");
        assert_eq!(s.titles, ["European Commission President"], "{acc:#?}");
    }
    for source in ["Brazilian President Luiz Inácio Lula da Silva", "Lula"] {
        let s = speaker_of_source(&acc, source).expect("a speaker");
        assert_eq!(s.name, "Luiz Inácio Lula da Silva", "{acc:#?}");
    }
}

/// Regression: "Xi said" after "Xi Jinping" was an organization named
/// "Xi": a family name written first is the name's first word, which the
/// article's one person of that first word answers to.
#[test]
fn a_first_word_alone_names_the_one_person_it_opens() {
    assert_eq!(
        speaker_name(
            "Summit\n\nChinese President Xi Jinping called for restraint at the summit.\n\n\
             Xi said all sides should return to the table.",
            "Xi",
        ),
        "Xi Jinping"
    );
}

/// Regression: "The WHO said" had no speaker ("WHO" read as the relative
/// pronoun "who"), and "Tedros" was a person apart from "Ghebreyesus".
#[test]
fn an_acronym_spelled_like_a_word_names_its_body() {
    let acc = analyze(
        "Outbreak\n\nThe World Health Organization (WHO) said in a statement that cases had \
         fallen.\n\nThe WHO said more testing was needed. WHO Director-General Tedros Adhanom \
         Ghebreyesus said the outbreak was under control. Tedros told a news conference in \
         Geneva that vaccines were arriving.",
    );
    let s = speaker_of_source(&acc, "The WHO").expect("a speaker");
    assert_eq!(s.name, "World Health Organization", "{acc:#?}");
    for source in ["WHO Director-General Tedros Adhanom Ghebreyesus", "Tedros"] {
        let s = speaker_of_source(&acc, source).expect("a speaker");
        assert_eq!(s.name, "Tedros Adhanom Ghebreyesus", "{acc:#?}");
    }
}
