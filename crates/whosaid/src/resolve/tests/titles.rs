//! Titles: the words of a person's office written before the name, and
//! the descriptions that refer back to a titled person.

use super::*;

/// Regression: a capitalized word naming the portfolio of a capitalized
/// title was cut off ("Transportation Secretary" was "Secretary", "Prime
/// Minister" was "Minister"). It stays, also in a run of them ("Homeland
/// Security Secretary"); not a word in capitals of a shouted line, nor a
/// sentence's first word that is not a proper noun, nor in a headline.
#[test]
fn a_portfolio_before_a_capitalized_title_is_part_of_it() {
    let acc = analyze(
        "Review\n\nTransportation Secretary Pete Buttigieg said the department would review \
         the rule. \"It is a good day,\" said Foreign Minister Penny Wong. Homeland Security \
         Secretary Jeh Johnson said the systems were safe.\n\nKILLED IN DEADLY EXPLOSION \
         Turkish President Recep Tayyip Erdogan said the bomber was foreign.",
    );
    for (name, title) in [
        ("Pete Buttigieg", "Transportation Secretary"),
        ("Penny Wong", "Foreign Minister"),
        ("Jeh Johnson", "Homeland Security Secretary"),
        ("Recep Tayyip Erdogan", "Turkish President"),
    ] {
        assert_eq!(titles_of(&acc, name), [title], "{acc:#?}");
    }
    let acc = analyze(
        "Right After This Big-Name Senator Joe Manchin Spoke, Donors Left the Party\n\n\
         Manchin said he backed the plan. Yesterday President Joe Biden said the plan would \
         pass.",
    );
    let manchin = speaker_of_source(&acc, "Manchin").expect("a speaker");
    assert_eq!(manchin.titles, ["Senator"], "{acc:#?}");
    assert_eq!(titles_of(&acc, "Joe Biden"), ["President"], "{acc:#?}");
}

/// Regression: a description tied to a titled person by a lowercase
/// modifier alone: "the U.S. presidential candidate" became the man titled
/// "Philippine Presidential Communications Office Secretary" once his
/// title was whole. The head noun or a name in the description must be
/// in the title.
#[test]
fn a_description_and_a_title_share_their_head_or_a_name() {
    let text = "Ban\n\nPhilippine Presidential Communications Office Secretary Martin \
         Andanar said the remarks were unfair.\n\nDonald Trump spoke in Maine on Friday. The \
         U.S. presidential candidate said the country posed a threat.";
    assert_eq!(
        speaker_name(text, "The U.S. presidential candidate"),
        "Donald Trump"
    );
    let text = "Talks\n\nNATO Secretary General Mark Rutte said the alliance was ready.\n\n\
         The NATO chief said allies would meet.";
    assert_eq!(speaker_name(text, "The NATO chief"), "Mark Rutte");
}

/// Regression: "Senate Minority Leader Chuck Schumer" was affiliated with
/// a body "Senate Minority": the tagger's name ran into the title. The
/// majority or minority starts the title; the body is the chamber.
#[test]
fn a_leaders_chamber_is_the_affiliation_without_the_minority() {
    let acc = analyze(
        "Budget\n\nSenate Minority Leader Chuck Schumer accused Republicans of holding the \
         government hostage. House Majority Leader Steve Scalise said the bill would pass.",
    );
    let schumer = named_speaker(&acc, "Chuck Schumer");
    assert_eq!(schumer.affiliations, ["Senate"], "{acc:#?}");
    assert_eq!(schumer.titles, ["Senate Minority Leader"], "{acc:#?}");
    let scalise = named_speaker(&acc, "Steve Scalise");
    assert_eq!(scalise.affiliations, ["House"], "{acc:#?}");
}

/// Regression: local offices were no titles ("Los Angeles County Sheriff
/// Robert Luna" had none, "Admiral Harris" was a name of its own, "the
/// admiral" an organization). A title noun that is also a first name
/// ("Dean Baker") is not one.
#[test]
fn local_offices_and_ranks_are_titles() {
    let acc = analyze(
        "Fire\n\nLos Angeles County Sheriff Robert Luna said deputies had gone door to door. \
         Adm. Harry Harris said the fleet was ready. Admiral Harris said it would sail. \
         Dean Baker, an economist, said the cost was small. The vote was close, County \
         Supervisor Ann Park said.",
    );
    assert_eq!(
        titles_of(&acc, "Ann Park"),
        ["County Supervisor"],
        "{acc:#?}"
    );
    let luna = named_speaker(&acc, "Robert Luna");
    assert_eq!(luna.titles, ["Los Angeles County Sheriff"], "{acc:#?}");
    assert_eq!(luna.affiliations, ["Los Angeles County"], "{acc:#?}");
    let admiral = speaker_of_source(&acc, "Admiral Harris").expect("a speaker");
    assert_eq!(admiral.name, "Harry Harris", "{acc:#?}");
    named_speaker(&acc, "Dean Baker");
}

/// Regression: an occupation that is no title noun ("meteorologist",
/// "columnist", "historian") gave a name written after it no title, nor
/// the body before it an affiliation: a lowercase occupation right before
/// the name heads its title as a title noun does.
#[test]
fn an_occupation_before_a_name_is_its_title() {
    let acc = analyze(
        "Storm\n\nNational Weather Service meteorologist Tom Reed said the storm would weaken \
         overnight. The Washington Post columnist Ruth Marcus wrote that the response was slow.",
    );
    let reed = named_speaker(&acc, "Tom Reed");
    assert_eq!(
        reed.titles,
        ["National Weather Service meteorologist"],
        "{acc:#?}"
    );
    assert_eq!(reed.affiliations, ["National Weather Service"], "{acc:#?}");
    assert_eq!(
        titles_of(&acc, "Ruth Marcus"),
        ["Washington Post columnist"],
        "{acc:#?}"
    );
}

/// Regression: an office named with "of" was no title ("Secretary of State
/// John Kerry", "Speaker of the House Mike Johnson" had none: the run of
/// title words stopped at "of"), and a first name the tables did not know
/// ("Antony") was read as part of an organization "State Antony", the
/// speaker "Blinken".
#[test]
fn an_office_named_with_of_is_a_title() {
    let acc = analyze(
        "Talks\n\nSecretary of State Antony Blinken said the talks were useful. Speaker of \
         the House Mike Johnson said the vote would happen on Friday. The vote was close, \
         Minister of Foreign Affairs Sergey Lavrov said.",
    );
    assert_eq!(
        named_speaker(&acc, "Antony Blinken").titles,
        ["Secretary of State"],
        "{acc:#?}"
    );
    let johnson = named_speaker(&acc, "Mike Johnson");
    assert_eq!(johnson.titles, ["Speaker of the House"], "{acc:#?}");
    assert_eq!(johnson.affiliations, ["House"], "{acc:#?}");
    assert_eq!(
        titles_of(&acc, "Sergey Lavrov"),
        ["Minister of Foreign Affairs"],
        "{acc:#?}"
    );
}

/// Regression: "Satya Nadella, Microsoft's chief executive," had no title
/// (the tagger's person "Microsoft's" read as another person named in the
/// apposition), and "Jensen Huang, Nvidia's chief executive" no
/// affiliation (the tagger left "Nvidia" out).
#[test]
fn a_company_in_the_possessive_owns_the_apposed_office() {
    let acc = analyze(
        "Chips\n\n\"Demand is insane,\" said Jensen Huang, Nvidia's chief executive. Huang \
         added that supply would improve.\n\nSatya Nadella, Microsoft's chief executive, said \
         the company would invest more.",
    );
    let huang = named_speaker(&acc, "Jensen Huang");
    assert_eq!(huang.affiliations, ["Nvidia"], "{acc:#?}");
    let nadella = named_speaker(&acc, "Satya Nadella");
    assert_eq!(nadella.titles, ["Microsoft's chief executive"], "{acc:#?}");
    assert_eq!(nadella.affiliations, ["Microsoft"], "{acc:#?}");
}

/// Regression: a person named in the possessive in an apposition was read
/// as another person the apposition names, not whose office it is:
/// "Uzi Arad, Mr. Netanyahu's former national security adviser," had no
/// title.
#[test]
fn a_person_in_the_possessive_owns_the_apposed_office() {
    let acc = analyze(
        "Talks\n\nPrime Minister Benjamin Netanyahu met President Obama on Monday.\n\n\
         Uzi Arad, Mr. Netanyahu's former national security adviser, said the talks were \
         tense.",
    );
    assert_eq!(
        titles_of(&acc, "Uzi Arad"),
        ["Mr. Netanyahu's former national security adviser"],
        "{acc:#?}"
    );
}

/// Regression: "Chief Financial Officer Colette Kress" was affiliated
/// with "Financial", and "Sam Altman, its chief executive," with "AI"
/// (from "AI could surpass human intelligence"): the tagger read a word
/// of the title, and an acronym of a common noun, as bodies' names.
#[test]
fn title_words_and_common_acronyms_are_no_affiliations() {
    let acc = analyze(
        "Chips\n\nShares of Nvidia fell. The company expects more revenue, Chief Financial \
         Officer Colette Kress said.\n\nThe billionaire has said that AI could surpass human \
         intelligence by 2029. Sam Altman, its chief executive, told a conference that \
         competition was good.",
    );
    let kress = named_speaker(&acc, "Colette Kress");
    assert!(kress.affiliations.is_empty(), "{acc:#?}");
    let altman = named_speaker(&acc, "Sam Altman");
    assert!(altman.affiliations.iter().all(|a| a != "AI"), "{acc:#?}");
}

/// Regression: "Quarterback Caleb Williams told reporters" had the speaker
/// "Quarterback Caleb Williams": a team's positions are titles.
#[test]
fn a_team_position_before_a_name_is_its_title() {
    let acc = analyze(
        "Coach fired\n\nThe Chicago Bears fired their head coach on Friday. Quarterback Caleb \
         Williams told reporters he was surprised.",
    );
    let williams = speaker_of_source(&acc, "Quarterback Caleb Williams").expect("a speaker");
    assert_eq!(williams.name, "Caleb Williams", "{acc:#?}");
    assert_eq!(williams.titles, ["Quarterback"], "{acc:#?}");
}

/// Regression: "Dan Ives, a Wedbush analyst," had no title: the employer's
/// name the tagger read as a person was taken for another person named in
/// the apposition, which is then no title.
#[test]
fn an_employer_read_as_a_person_before_an_apposed_title_stays_in_it() {
    let acc = analyze(
        "Cuts\n\nMicrosoft said it would lay off 6,000 employees. \"This is about efficiency,\" \
         Dan Ives, a Wedbush analyst, wrote in a note. Sam Nunberg, a former Trump aide, said \
         the plan was sound.",
    );
    assert_eq!(titles_of(&acc, "Dan Ives"), ["Wedbush analyst"], "{acc:#?}");
    assert_eq!(
        titles_of(&acc, "Sam Nunberg"),
        ["former Trump aide"],
        "{acc:#?}"
    );
}

/// Regression: "President and CEO Jane Roe said" was the group "President
/// and Jane Roe": titles joined by "and" before one name are one person's.
#[test]
fn titles_joined_before_a_name_are_one_persons() {
    for text in [
        "Plant\n\nPresident and CEO Jane Roe said it was fine.",
        "Plant\n\n\"Our goal is to win,\" co-founder and CEO Priya Raman said.",
    ] {
        let acc = analyze(text);
        let a = &acc.attributions[0];
        let s = speaker(&acc, a);
        assert_eq!(s.kind, SpeakerKind::Person, "{acc:#?}");
        assert!(!s.name.contains(" and "), "{}", s.name);
    }
}

/// Regression: "Councilor Sameer Kanal" had no title (the spelling with
/// one "l" and the British "councillor" were missing from the title
/// nouns), and "an analyst at the consultancy Olimerca" no body: the
/// tagger read "Olimerca" as a person, and "consultancy" was no noun for
/// a body. Nor had "an analyst at the research firm Kpler": a name after
/// a body's description after a preposition is the body's.
#[test]
fn councilors_and_consultancies_are_read() {
    let acc = analyze(
        "Housing\n\nCouncilor Sameer Kanal said the delay would help. Ana Belén Muñoz, an \
         analyst at the consultancy Olimerca, said prices would stay high. Jane Roe, an \
         analyst at the research firm Kpler, said prices would fall.",
    );
    assert_eq!(titles_of(&acc, "Sameer Kanal"), ["Councilor"], "{acc:#?}");
    let s = named_speaker(&acc, "Ana Belén Muñoz");
    assert_eq!(s.affiliations, ["Olimerca"], "{acc:#?}");
    // The body's name after its description, after a preposition.
    let s = named_speaker(&acc, "Jane Roe");
    assert_eq!(s.affiliations, ["Kpler"], "{acc:#?}");
}
