//! Pronouns, relative pronouns, the narrator and the running speaker.

use super::*;

#[test]
fn pronouns_and_surnames_join_the_named_person() {
    let acc = analyze(
        "Talks\n\nFormer NATO Secretary General Jens Stoltenberg said that the talks had failed.\n\n\
         He added, “We will not sign that.”\n\nStoltenberg also said that Russia had refused.",
    );
    assert_eq!(acc.attributions.len(), 3, "{acc:#?}");
    let ids: Vec<Option<usize>> = acc.attributions.iter().map(|a| a.speaker).collect();
    assert!(ids.iter().all(|&id| id == ids[0]), "{ids:?}");
    let s = speaker(&acc, &acc.attributions[0]);
    assert_eq!(s.name, "Jens Stoltenberg");
    assert_eq!(s.kind, SpeakerKind::Person);
    assert!(!s.anonymous);
    assert!(
        s.titles
            .iter()
            .any(|t| t.contains("NATO Secretary General")),
        "{:?}",
        s.titles
    );
}

#[test]
fn a_relative_clause_source_is_its_antecedent() {
    // Regression: "who voted against the plan" became a speaker.
    let acc = analyze(
        "Vote\n\nCouncil member David Okafor criticized the plan on Monday.\n\n\
         Okafor, who voted against the plan, said the compromise came too late.",
    );
    let said = acc
        .attributions
        .iter()
        .find(|a| a.attribution.cue[0].text == "said")
        .expect("the said attribution");
    assert_eq!(speaker(&acc, said).name, "David Okafor", "{acc:#?}");
}

/// Regression: "Jane Roe, a mother of two from Plano who asked …" gave
/// "who" to Plano; a description in apposition to a person, completed by
/// a place, is that person.
#[test]
fn who_after_a_place_in_an_apposition_is_the_person() {
    let acc = analyze(
        "Ruling\n\nParents had pushed for the law. Jane Roe, a mother of two from Plano who \
         asked that her name not be used, said she felt abandoned by the court.",
    );
    let asked = attribution_of_cue(&acc, "asked");
    assert_eq!(speaker(&acc, asked).name, "Jane Roe", "{acc:#?}");
}

#[test]
fn a_pronoun_takes_the_gender_that_fits() {
    let acc = analyze(
        "Debate\n\nHillary Clinton said that the plan would work. Donald Trump said that it would fail.\n\n\
         She said that he was wrong.",
    );
    let last = acc.attributions.last().unwrap();
    assert_eq!(last.attribution.source[0].text, "She");
    assert_eq!(speaker(&acc, last).name, "Hillary Clinton");
}

/// A first name the corpus never saw still rules a pronoun's antecedent
/// out by its usual gender (a regression: "he" was Heidi Cruz).
#[test]
fn a_common_first_name_rules_out_the_other_gender() {
    let acc = analyze(
        "Campaign\n\nTed Cruz spoke in Houston on Friday. Melanie Zhou and Heidi Cruz joined the \
         crowd later.\n\nHe said that the state would vote for him.",
    );
    let last = acc.attributions.last().unwrap();
    assert_eq!(last.attribution.source[0].text, "He");
    assert_eq!(speaker(&acc, last).name, "Ted Cruz");
}

/// "I" outside quotes is the narrator the byline names; quoted, it is the
/// quote's speaker's business; an agency byline names no narrator.
#[test]
fn a_first_person_narrator_is_the_bylines_author() {
    let text =
        "Memories\n\nMy father voted in every election. I told him that the race was close.\n\n\
                “I will vote,” Tom Meehan said.";
    let with_byline = |byline: &str| {
        extractor().analyze(
            text,
            &DocumentInfo {
                byline: Some(byline.to_string()),
                ..DocumentInfo::default()
            },
        )
    };
    let narrated = |acc: &Account| {
        acc.attributions
            .iter()
            .find(|a| a.attribution.source.iter().any(|s| s.text == "I"))
            .and_then(|a| a.speaker)
            .map(|s| acc.speakers[s].name.clone())
    };
    let acc = with_byline("By CHARLOTTE MEEHAN");
    assert_eq!(
        narrated(&acc).as_deref(),
        Some("Charlotte Meehan"),
        "{acc:#?}"
    );
    assert_eq!(narrated(&with_byline("AP")), None);
    assert_eq!(narrated(&analyze(text)), None);
}

#[test]
fn a_first_person_relative_clause_leaves_the_phrase_before_it() {
    // Regression: the source "Everyone I" (of "Everyone I interviewed
    // said") became the narrator.
    let doc = Document::new("Taxes\n\nEveryone I interviewed said that the plan was fair.");
    let at = |w: &str| first_token(&doc, w);
    let info = DocumentInfo {
        byline: Some("By JAMES B. STEWART".to_string()),
        ..DocumentInfo::default()
    };
    let acc = Resolver::builtin().account(
        &doc,
        &QuoteIndex::new(&doc),
        &[TokenAttribution {
            source: Some(at("Everyone")..at("interviewed")),
            cue: at("said")..at("said") + 1,
            content: std::iter::once(at("that")..at("fair") + 1).collect(),
        }],
        &info,
    );
    let s = acc.attributions[0].speaker.expect("a speaker");
    assert_ne!(acc.speakers[s].name, "James B. Stewart", "{acc:#?}");
    assert!(acc.speakers[s].anonymous, "{:?}", acc.speakers[s]);
}

#[test]
fn a_byline_names_one_person_or_none() {
    use super::authors::byline_person;
    assert_eq!(
        byline_person("By JAMES B. STEWART").as_deref(),
        Some("James B. Stewart")
    );
    assert_eq!(
        byline_person("Heidi M. Przybyla, USA TODAY").as_deref(),
        Some("Heidi M. Przybyla")
    );
    assert_eq!(byline_person("Nick Gass").as_deref(), Some("Nick Gass"));
    for desk in [
        "AP",
        "Breitbart News",
        "Jane Roe and John Doe",
        "The Editorial Board",
        "staff",
    ] {
        assert_eq!(byline_person(desk), None, "{desk}");
    }
}

/// The description a relative pronoun refers to resolves as a source
/// would (a regression: "the Senate majority leader, who" stayed an
/// unnamed description with Mitch McConnell named before).
#[test]
fn a_relative_pronoun_after_a_title_is_its_holder() {
    let name = speaker_with_source(
        "Burma\n\nSenate Majority Leader Mitch McConnell met the delegation.\n\n\
         The sanctions were backed by the Senate majority leader, who said that they had worked.",
        "who",
        "said",
    );
    assert_eq!(name, "Mitch McConnell");
}

#[test]
fn quotes_without_a_cue_continue_the_running_speaker() {
    let acc = analyze(
        "Plan\n\nJohn Smith said that the plan had failed.\n\n“We will try again next year.”",
    );
    assert_eq!(acc.attributions.len(), 2, "{acc:#?}");
    let cont = &acc.attributions[1];
    assert_eq!(cont.continues, Some(0));
    assert!(cont.attribution.cue.is_empty());
    assert_eq!(cont.speaker, acc.attributions[0].speaker);
    assert!(!cont.is_outermost());
}

/// Possessive and contracted pronouns are the pronoun's referent; a
/// quantifier is an unnamed group, never a speaker named "Some".
#[test]
fn pronoun_forms_and_quantifiers_are_never_names() {
    let acc = analyze(
        "Plan\n\nJohn Smith presented the plan on Monday.\n\n\
         His warning came a day later. He’s saying that the budget will not pass.\n\n\
         Some said that the plan was too late.",
    );
    for a in &acc.attributions {
        if let Some(k) = a.speaker {
            let name = &acc.speakers[k].name;
            assert!(
                !crate::entities::is_function_word(name),
                "speaker named {name:?}: {acc:#?}"
            );
        }
    }
    if let Some(s) = acc
        .attributions
        .iter()
        .find(|a| a.attribution.source.iter().any(|s| s.text == "He’s"))
        .and_then(|a| a.speaker)
    {
        assert_eq!(acc.speakers[s].name, "John Smith");
    }
    let some = speaker_of_source(&acc, "Some").expect("a speaker");
    assert!(
        some.anonymous && some.kind == SpeakerKind::Group,
        "{some:?}"
    );
    assert!(some.name.starts_with("unnamed people"), "{}", some.name);
}

#[test]
fn a_relative_after_names_joined_by_and_is_the_group() {
    let acc = analyze(
        "Budget\n\nThe plan angered Democrats and Republicans, who said that it cut too much.",
    );
    let s = speaker_of_source(&acc, "who").unwrap_or_else(|| panic!("{acc:#?}"));
    assert_eq!(s.kind, SpeakerKind::Group);
    assert!(
        s.name.contains("Democrats") && s.name.contains("Republicans"),
        "{}",
        s.name
    );
}

/// Regression: "He’s endured relentless questions" made a speaker named
/// "He" once the name stopped at the verb; the pronoun is the source.
#[test]
fn a_contracted_pronoun_run_into_its_clause_is_the_pronoun() {
    let acc = analyze(
        "Race\n\nMarco Ruiz spoke on Monday.\n\nHe’s endured relentless questions about his \
         record, and he said that they were unfair.",
    );
    for s in &acc.speakers {
        assert!(
            !entities::is_function_word(&s.name),
            "junk speaker {:?}",
            s.name
        );
    }
}

/// "They" after people joined as the subject of the sentence before is
/// those people, not the last group or body named.
#[test]
fn they_after_people_joined_as_subject_is_those_people() {
    let acc = analyze(
        "Terror\n\nThe victims were struck by radical Islamic terrorism.\n\n\
         President Obama and Hillary Clinton did not react as if these Americans were victims \
         of terror. They called the attacks crimes.",
    );
    let s = speaker_of_source(&acc, "They").expect("a speaker");
    assert_eq!(s.kind, SpeakerKind::Group);
    assert_eq!(s.name, "Obama and Hillary Clinton");
    // The names open a clause after a comma, followed by their verb.
    let acc = analyze(
        "Terror\n\nThe victims were struck by radical Islamic terrorism.\n\n\
         When attacks happen, President Obama and Hillary Clinton call them crimes. Their \
         fantasy goes so far that they said the attackers were lone wolves.",
    );
    let s = speaker_of_source(&acc, "they").expect("a speaker");
    assert_eq!(s.name, "Obama and Hillary Clinton");
}

/// "who" after an aside between dashes refers to the phrase before the
/// aside, and common nouns joined by "and" are one group.
#[test]
fn a_relative_after_a_dashed_aside_is_the_phrase_before_it() {
    let acc = analyze(
        "Endorsements\n\nClinton unveiled a list of endorsements from 95 retired generals \
         and admirals -- most of whom had announced their support -- who cited her years \
         as secretary of State.",
    );
    let s = speaker_of_source(&acc, "who").expect("a speaker");
    assert_eq!(s.name, "95 retired generals and admirals");
    assert_eq!(s.kind, SpeakerKind::Group);
}

/// A distributive "each" is the people joined as its sentence's subject.
#[test]
fn each_is_the_people_joined_as_the_subject() {
    let acc = analyze(
        "Forum\n\nDonald Trump and Hillary Clinton vied for the title of commander in chief \
         on Wednesday, each saying the other lacks the judgment to lead.",
    );
    let s = speaker_of_source(&acc, "each").expect("a speaker");
    assert_eq!(s.kind, SpeakerKind::Group);
    assert!(
        s.name.contains("Trump") && s.name.contains("Clinton"),
        "{}",
        s.name
    );
}

/// Regression: in `"…," he told Hannity` after "Hannity asked Trump …",
/// "he" was Hannity. The person a cue is said to ("told Hannity") or of
/// ("said of Cruz") is never its subject pronoun.
#[test]
fn the_addressee_of_a_cue_is_not_its_pronoun() {
    let acc = analyze(
        "Wall\n\nDonald Trump spoke in Austin on Tuesday.\n\nSean Hannity asked Trump how high \
         the wall would be.\n\n\"It could be 45 feet,\" he told Hannity.",
    );
    let told = attribution_of_cue(&acc, "told");
    assert_eq!(speaker(&acc, told).name, "Donald Trump", "{acc:#?}");
}

/// Regression: after "Fox told a slightly different tale", where the word
/// the tagger typed a person names Fox News, "He did tell CNN" went to Fox
/// News. A mention typed a person that names a body is no antecedent of he.
#[test]
fn he_never_goes_to_a_body_named_by_a_word_typed_a_person() {
    let acc = analyze(
        "Forecast\n\nJan Hatzius, an economist, spoke to clients on Tuesday. Goldman Sachs \
         raised its forecast.\n\n\"The labor market remains resilient,\" Goldman said in a \
         note.\n\nHe added that rates would fall next year.",
    );
    let goldman = speaker_of_source(&acc, "Goldman").expect("a speaker");
    assert_eq!(goldman.name, "Goldman Sachs", "{acc:#?}");
    let he = speaker_of_source(&acc, "He").expect("a speaker");
    assert_eq!(he.name, "Jan Hatzius", "{acc:#?}");
}
