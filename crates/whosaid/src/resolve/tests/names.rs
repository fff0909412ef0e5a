//! Names: surnames, titles around names, groups of names, and sources
//! that name no one.

use super::*;

#[test]
fn a_title_tagged_inside_the_name_becomes_a_title() {
    // Regression: the tagger took "Mayor" into the name, so "Mayor Elena
    // Marsh" and "Elena Marsh" were two speakers in the store.
    let acc = analyze(
        "Harbor\n\nMayor Elena Marsh said on Monday that the city would move ahead with the plan.\n\n\
         “This plan brings jobs back,” Marsh told reporters.",
    );
    assert_eq!(acc.attributions.len(), 2, "{acc:#?}");
    let s = speaker(&acc, &acc.attributions[0]);
    assert_eq!(s.name, "Elena Marsh");
    assert!(s.titles.iter().any(|t| t == "Mayor"), "{:?}", s.titles);
    assert_eq!(acc.attributions[1].speaker, acc.attributions[0].speaker);
}

#[test]
fn a_surname_the_tagger_missed_joins_the_person() {
    let acc = analyze(
        "Talks\n\nNATO Secretary General Mark Rutte said that the talks went well. \
         Zyx Qwerty said nothing. Rutte answered “yes.”",
    );
    let last = acc.attributions.last().unwrap();
    assert_eq!(last.attribution.source[0].text, "Rutte");
    assert_eq!(speaker(&acc, last).name, "Mark Rutte", "{acc:#?}");
}

#[test]
fn a_surname_tagged_as_an_organization_joins_the_person() {
    // Regression: after pruning the entity model, "Rutte answered" was
    // tagged as an organization and became a speaker of its own.
    let doc = Document::new("Talks\n\nMark Rutte said that talks went well. Rutte answered “yes.”");
    let n = doc.tokens.len();
    let rutte = (0..n)
        .filter(|&i| doc.token_is(i, "Rutte"))
        .collect::<Vec<_>>();
    let mentions = vec![
        entities::Mention {
            tokens: rutte[0] - 1..rutte[0] + 1,
            class: MentionClass::Person,
        },
        entities::Mention {
            tokens: rutte[1]..rutte[1] + 1,
            class: MentionClass::Organization,
        },
    ];
    let pos = vec!["NNP"; n];
    let e = Entities::build(&doc, &pos, mentions, &GenderLexicon::default());
    assert_eq!(
        e.list.len(),
        1,
        "{:?}",
        e.list.iter().map(|x| &x.name).collect::<Vec<_>>()
    );
    assert_eq!(e.list[0].class, MentionClass::Person);
    assert_eq!(e.list[0].mentions.len(), 2);
}

#[test]
fn a_lone_determiner_source_names_no_one() {
    // Regression: a tagging slip gave the source "a" (inside "said in a
    // statement"), which became an organization named "a".
    let doc = Document::new("Head\n\nThe board said in a statement that it wants guarantees.");
    let at = |w: &str| first_token(&doc, w);
    let one = |w: &str| at(w)..at(w) + 1;
    let acc = account_of(
        &doc,
        TokenAttribution {
            source: Some(one("a")),
            cue: one("wants"),
            content: [one("guarantees")].to_vec(),
        },
    );
    assert_eq!(acc.attributions.len(), 1);
    assert_eq!(acc.attributions[0].speaker, None, "{acc:#?}");
    assert!(acc.speakers.is_empty());
}

#[test]
fn a_source_cut_before_its_head_noun_takes_the_noun() {
    // Regression: the tagger's source "The Republican" (of "The Republican
    // nominee said") became an organization "Republican".
    let doc = Document::new(
        "Head\n\nDonald Trump spoke in Ohio.\n\nThe Republican nominee said that the polls were wrong.",
    );
    let at = |w: &str| last_token(&doc, w);
    let acc = account_of(
        &doc,
        TokenAttribution {
            source: Some(at("The")..at("nominee")),
            cue: at("said")..at("said") + 1,
            content: std::iter::once(at("that")..at("wrong") + 1).collect(),
        },
    );
    let s = acc.attributions[0].speaker.expect("a speaker");
    assert_eq!(acc.speakers[s].name, "Donald Trump", "{acc:#?}");
}

#[test]
fn an_existential_there_names_no_one() {
    // Regression: the source "there’s also a not-so-subtle" (before the cue
    // "moral judgment about") became an organization named "there".
    let doc = Document::new(
        "Head\n\nThere’s also a not-so-subtle moral judgment about union workers here.",
    );
    let at = |w: &str| first_token(&doc, w);
    let acc = account_of(
        &doc,
        TokenAttribution {
            source: Some(at("There’s")..at("moral")),
            cue: at("moral")..at("union"),
            content: std::iter::once(at("union")..at("here")).collect(),
        },
    );
    assert_eq!(acc.attributions.len(), 1);
    assert_eq!(acc.attributions[0].speaker, None, "{acc:#?}");
}

#[test]
fn an_apposition_of_circumstance_is_no_title() {
    // Regression: "even as a candidate" was stored as Trump's title.
    let acc = analyze(
        "Trade\n\nDonald Trump, even as a candidate, said that tariffs would work. \
         Hillary Clinton, the former secretary of state, said that they would not.",
    );
    let titles = |name: &str| titles_of(&acc, name);
    assert!(
        titles("Donald Trump").iter().all(|t| !t.contains("as a")),
        "{acc:#?}"
    );
    assert!(
        titles("Hillary Clinton")
            .iter()
            .any(|t| t == "former secretary of state"),
        "{acc:#?}"
    );
}

#[test]
fn empty_and_odd_input_gives_an_empty_account() {
    for text in ["", "\n\n", "“", "he said", "said: :", "’s’s’s"] {
        let acc = analyze(text);
        for a in &acc.attributions {
            if let Some(id) = a.speaker {
                assert!(id < acc.speakers.len());
            }
        }
    }
}

/// Issue "speakers you can trust": a role before the name is the named
/// person's role, not a second speaker ("Clinton spokesman Nick Merrill"
/// was filed under Clinton).
#[test]
fn a_role_before_a_name_is_the_named_persons() {
    let acc = analyze(
        "Debate\n\nHillary Clinton spoke in Ohio on Monday.\n\n\
         Clinton spokesman Nick Merrill said that the debate would go ahead.",
    );
    let s = speaker_of_source(&acc, "Clinton spokesman Nick Merrill").expect("a speaker");
    assert_eq!(s.name, "Nick Merrill");
}

/// A name that only modifies the head noun is not the speaker: "Clinton
/// supporters" are supporters, a group named by the description.
#[test]
fn a_name_modifying_a_noun_is_not_the_speaker() {
    let acc = analyze(
        "Rally\n\nHillary Clinton spoke in Ohio on Monday.\n\n\
         Clinton supporters said that the rally was the largest yet.",
    );
    let s = speaker_of_source(&acc, "Clinton supporters").expect("a speaker");
    assert_eq!(s.name, "Clinton supporters");
    assert_eq!(s.kind, SpeakerKind::Group);
}

/// People named together speak as one group.
#[test]
fn names_joined_by_and_are_one_group() {
    let acc = analyze(
        "Letter\n\nSenator Charles Grassley and Senator Patrick Leahy wrote to the agency.\n\n\
         Mr. Grassley and Mr. Leahy said that the program was open to fraud.",
    );
    let s = speaker_of_source(&acc, "Mr. Grassley and Mr. Leahy").expect("a speaker");
    assert_eq!(s.kind, SpeakerKind::Group);
    assert!(
        s.name.contains("Grassley") && s.name.contains("Leahy"),
        "{}",
        s.name
    );
}

#[test]
fn names_joined_by_and_are_one_group_with_full_names() {
    let acc = analyze(
        "Trade\n\nGerman Chancellor Olaf Scholz met French President Emmanuel Macron in Paris.\n\n\
         Mr. Scholz and Mr. Macron said on Tuesday that the tariffs would hurt both economies.",
    );
    let s = speaker_of_source(&acc, "Mr. Scholz and Mr. Macron").expect("a speaker");
    assert_eq!(s.kind, SpeakerKind::Group);
    assert_eq!(s.name, "Olaf Scholz and Emmanuel Macron");
}

/// Regression: "the senator and his allies" kept the description as its
/// name: a title that refers back is its person among the others; two
/// titles of one person joined by "and" stay that person.
#[test]
fn a_title_joined_to_others_is_its_person() {
    let acc = analyze(
        "Cruz\n\nSenator Ted Cruz campaigned in Iowa on Monday.\n\n\
         The senator and his allies said that the front-runner could be beaten.\n\n\
         Jeb Bush, the former Florida governor and a Republican presidential candidate, said \
         the plan would fail.",
    );
    let s = speaker_of_source(&acc, "The senator and his allies").expect("a speaker");
    assert_eq!(s.kind, SpeakerKind::Group);
    assert_eq!(s.name, "Ted Cruz and his allies");
    let jeb = "Jeb Bush, the former Florida governor and a Republican presidential candidate,";
    let s = speaker_of_source(&acc, jeb).expect("a speaker");
    assert_eq!(s.name, "Jeb Bush");
}

/// Regression: "Atlantic City Mayor Don Guardian" tagged one organization
/// left "Guardian said" without its person; "Lewisburg Green Dragons" (a
/// surname-like first word) and "Ready for Hillary PAC" stay whole.
#[test]
fn a_person_at_the_end_of_another_name_is_the_person() {
    let mentions_of = |text: &str, name: &str| {
        let doc = Document::new(text);
        let words: Vec<&str> = name.split(' ').collect();
        let start = first_token(&doc, words[0]);
        let n = doc.tokens.len();
        let mentions = vec![entities::Mention {
            tokens: start..start + words.len(),
            class: MentionClass::Organization,
        }];
        let pos = vec!["NNP"; n];
        let e = Entities::build(&doc, &pos, mentions, &GenderLexicon::builtin());
        e.list
            .iter()
            .map(|x| (x.name.clone(), x.class))
            .collect::<Vec<_>>()
    };
    let found = mentions_of(
        "City\n\nAtlantic City Mayor Don Guardian spoke on Friday.",
        "Atlantic City Mayor Don Guardian",
    );
    assert!(
        found.contains(&("Don Guardian".to_string(), MentionClass::Person)),
        "{found:?}"
    );
    let found = mentions_of(
        "Track\n\nHe cheered for the Lewisburg Green Dragons on Friday.",
        "Lewisburg Green Dragons",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    let found = mentions_of(
        "Money\n\nThe Ready for Hillary PAC spent money.",
        "Ready for Hillary PAC",
    );
    assert_eq!(found.len(), 1, "{found:?}");
}

/// Regression: a list cut to its last name ("Pakistan, for instance"),
/// with party labels between names ("Bob Corker, R-Tenn., and Lindsey
/// Graham"), or with an apposition after it, was the last person alone.
#[test]
fn a_list_of_names_is_one_group_through_labels_and_appositions() {
    let text = "Terror\n\nNot everyone agrees. India and Pakistan, for instance, argue that \
                the leader is a terrorist.";
    assert_eq!(
        speaker_with_source(text, "Pakistan", "argue"),
        "India and Pakistan"
    );
    let text = "Bill\n\nEarly backers of the bill, such as Sen. Bob Corker, R-Tenn., and Sen. \
                Lindsey Graham, R-S.C., say the law should change.";
    assert_eq!(
        speaker_with_source(text, "Lindsey", "say"),
        "Bob Corker and Lindsey Graham"
    );
    let text = "Vote\n\nThe Congressional Black Caucus and Sen. Chuck Schumer of New York, the \
                future Democratic leader, said the vote was unfair.";
    assert_eq!(
        speaker_with_source(text, "The", "said"),
        "Congressional Black Caucus and Chuck Schumer"
    );
}

/// A document's authors joined by "and" are its speaker together, a name
/// with its connectors ("University of California at Berkeley") whole.
#[test]
fn a_document_by_several_authors_speaks_for_them_together() {
    let text = "Study\n\nA 2014 study by Harvard and the University of California at Berkeley \
                found that the city ranks last.";
    assert_eq!(
        speaker_with_source(text, "A", "found"),
        "Harvard and University of California at Berkeley"
    );
}

#[test]
fn a_name_after_a_common_noun_head_only_modifies_it() {
    // Regression: "Experts on North Korea" became North Korea.
    let acc = analyze(
        "Tests\n\nExperts on North Korea and nuclear nonproliferation said the test was a warning.",
    );
    let s = speaker_of_source(&acc, "Experts on North Korea and nuclear nonproliferation")
        .expect("a speaker");
    assert_eq!(s.kind, SpeakerKind::Group);
    assert!(s.name.starts_with("Experts on North Korea"), "{}", s.name);
}

#[test]
fn a_name_in_apposition_after_a_description_is_the_speaker() {
    let text =
        "Court\n\nThe judge ruled on Friday.\n\nOne of the family's lawyers, Rosa Ibarra, said \
         the family would appeal the ruling.";
    // The whole subject as the source (PolNeAR's span, as the extractor
    // now finds it), and the name alone.
    assert_eq!(speaker_with_source(text, "One", "said"), "Rosa Ibarra");
    assert_eq!(speaker_with_source(text, "Rosa", "said"), "Rosa Ibarra");
}

#[test]
fn an_acronym_is_the_body_it_abbreviates() {
    let name = speaker_name(
        "Growth\n\nThe International Monetary Fund cut its forecast on Tuesday.\n\n\
         The IMF said trade tensions weighed on growth.",
        "The IMF",
    );
    assert_eq!(name, "International Monetary Fund");
}

#[test]
fn a_first_name_after_a_title_stays_in_the_name() {
    // Regression: "Manhattan Supreme Court Justice Frank" was tagged an
    // organization and the judge became "Nervo".
    let name = speaker_name(
        "Records\n\nCounty Court Justice Frank Delgado said the records would stay sealed.\n\n\
         Delgado said the parties had agreed.",
        "Delgado",
    );
    assert_eq!(name, "Frank Delgado");
}

#[test]
fn a_name_in_apposition_to_a_whole_source_is_the_speaker() {
    // Regression: "A lawyer for the news outlets, David Schulz," stayed an
    // unnamed lawyer.
    let name = speaker_with_source(
        "Court\n\nOne of the family's lawyers, Michael Johnson, said the family would appeal.",
        "One",
        "said",
    );
    assert_eq!(name, "Michael Johnson");
}

#[test]
fn a_name_ending_a_long_source_after_a_comma_is_the_speaker() {
    // Regression: "After a late-afternoon meeting, the Security Council
    // issued a statement" made "late-afternoon meeting" the speaker.
    let name = speaker_with_source(
        "Sanctions\n\nThe Security Council met on Monday. After a short meeting, the Security \
         Council issued a statement.",
        "short",
        "issued",
    );
    assert_eq!(name, "Security Council");
}

#[test]
fn an_empty_apposition_is_no_title_and_no_panic() {
    // Regression: a comma right before more punctuation gave an apposition
    // of no words, and the list check read its first word.
    let acc = analyze("Talks\n\nNATO chief Mark Rutte, , said that the talks had failed.");
    assert!(acc
        .speakers
        .iter()
        .all(|s| s.titles.iter().all(|t| !t.is_empty())));
}

#[test]
fn a_shared_surname_goes_to_the_person_named_most() {
    // Regression: "Cruz" went to Heidi Cruz, named last, in a story about
    // Ted Cruz.
    let acc = analyze(
        "Vote\n\nSenator Ted Vance said on Monday that he would vote against the bill. \
         Ted Vance has opposed it for months.\n\nHis wife, Heidi Vance, attended the hearing.\n\n\
         The hearing lasted four hours.\n\nVance said the bill would raise taxes.",
    );
    let s = speaker_of_source(&acc, "Vance").unwrap_or_else(|| panic!("{acc:#?}"));
    assert_eq!(s.name, "Ted Vance");
}

#[test]
fn a_place_after_a_title_is_no_speaker_and_a_name_after_it_is() {
    // Regression: "Senator from Texas" was Texas.
    let from = speaker_with_source(
        "Vote\n\nThe Senator from Texas said the bill would fail.",
        "Senator",
        "said",
    );
    assert_ne!(from, "Texas");
    let named = speaker_with_source(
        "Talks\n\nSecretary of State John Kerry said the talks would resume.",
        "Secretary",
        "said",
    );
    assert_eq!(named, "John Kerry");
}

#[test]
fn an_organizations_short_name_is_the_organization() {
    let name = speaker_name(
        "Taxes\n\nThe Urban-Brookings Tax Policy Center published its estimate on Monday.\n\n\
         The Tax Policy Center said the plan would cost $1 trillion.",
        "The Tax Policy Center",
    );
    assert_eq!(name, "Urban-Brookings Tax Policy Center");
}

/// Regression: a company opening a sentence was cut to its legal form
/// ("Globex Inc." → "Inc.", "Northwind Traders Ltd." → "Ltd."), the
/// tagger reading its first words as a person's name.
#[test]
fn a_company_keeps_the_words_before_its_legal_form() {
    for (text, source, name) in [
        (
            "Ruling\n\nGlobex Inc. said on Monday that it would comply.",
            "Globex Inc.",
            "Globex Inc.",
        ),
        (
            "Ruling\n\nNorthwind Traders Ltd. said on Monday that it would comply.",
            "Northwind Traders Ltd.",
            "Northwind Traders Ltd.",
        ),
        (
            "Ruling\n\nShares fell after Acme Corp. said on Monday that it would comply.",
            "Acme Corp.",
            "Acme Corp.",
        ),
    ] {
        let acc = analyze(text);
        let s = speaker_of_source(&acc, source).expect("a speaker");
        assert_eq!(s.name, name, "{text}");
        assert_eq!(s.kind, SpeakerKind::Organization, "{text}");
    }
}

/// Regression: "Apple Inc said …" (a wire's style) and "Apple Inc.
/// declined …" were two speakers: a legal form's period is no part of the
/// name.
#[test]
fn a_legal_form_with_or_without_its_period_is_one_company() {
    let acc = analyze(
        "Shares\n\nApple Inc said on Tuesday it would postpone the launch. Apple Inc. declined \
         to comment further.",
    );
    let said = speaker_of_source(&acc, "Apple Inc").expect("a speaker");
    let declined = speaker_of_source(&acc, "Apple Inc.").expect("a speaker");
    assert!(std::ptr::eq(said, declined), "{acc:#?}");
}

/// Regression: an organization whose head noun the tagger read alone
/// ("Ukraine's Energy Ministry" → "Ministry"), as a person after a name
/// it ended early ("Illinois Municipal" + "League"), or left out with its
/// preposition ("Office for" + "Budget Responsibility") keeps all its
/// words.
#[test]
fn an_organization_keeps_its_head_noun_and_the_words_before_it() {
    for (text, source, name) in [
        (
            "Fuel\n\nUkraine's Energy Ministry on Thursday denied the report.",
            "Ukraine's Energy Ministry",
            "Energy Ministry",
        ),
        (
            "Budget\n\nThe Illinois Municipal League said in a statement that costs rose again.",
            "The Illinois Municipal League",
            "Illinois Municipal League",
        ),
        (
            "Plan\n\nThe Office for Budget Responsibility said the plan would cost more.",
            "The Office for Budget Responsibility",
            "Office for Budget Responsibility",
        ),
    ] {
        let acc = analyze(text);
        let s = speaker_of_source(&acc, source).expect("a speaker");
        assert_eq!(s.name, name, "{text}");
        assert_eq!(s.kind, SpeakerKind::Organization, "{text}");
    }
}

#[test]
fn spelling_variants_of_a_name_are_one_speaker() {
    // Regression (issue 15): "Ken Starr" and "Kenneth Starr" in one
    // article were two speakers; so were "François" and "Francois".
    let acc = analyze(
        "Starr\n\nFormer independent counsel Ken Starr said the trial was fair.\n\n\
         Kenneth Starr also said that he had no regrets.",
    );
    assert_eq!(acc.attributions.len(), 2, "{acc:#?}");
    assert_eq!(acc.attributions[0].speaker, acc.attributions[1].speaker);
    let acc = analyze(
        "Paris\n\nFrancois Hollande said the vote was close.\n\n\
         François Hollande said later that he would not run again.",
    );
    assert_eq!(acc.attributions.len(), 2, "{acc:#?}");
    assert_eq!(acc.attributions[0].speaker, acc.attributions[1].speaker);
}

#[test]
fn kind_names_are_the_serialized_names() {
    for kind in [
        SpeakerKind::Person,
        SpeakerKind::Organization,
        SpeakerKind::Media,
        SpeakerKind::Group,
    ] {
        assert_eq!(serde_json::to_value(kind).unwrap(), kind.as_str());
    }
    for kind in [
        ChannelKind::Interview,
        ChannelKind::Told,
        ChannelKind::Statement,
        ChannelKind::Post,
        ChannelKind::PressConference,
        ChannelKind::Speech,
        ChannelKind::Letter,
        ChannelKind::Testimony,
        ChannelKind::Broadcast,
        ChannelKind::Relay,
    ] {
        assert_eq!(serde_json::to_value(kind).unwrap(), kind.as_str());
    }
}

/// An acronym the tagger leaves untagged is named as the article spells
/// it out.
#[test]
fn an_acronym_is_named_in_full() {
    let acc = analyze(
        "Fraud\n\nAccording to a complaint by the Maritime Safety and Harbor Commission, the \
         developers diverted millions.\n\nThe M.S.H.C. said the scheme ran for eight years.",
    );
    let s = speaker_of_source(&acc, "The M.S.H.C.").expect("a speaker");
    assert_eq!(s.name, "Maritime Safety and Harbor Commission");
    assert_eq!(s.kind, SpeakerKind::Organization);
}

/// A plural title before a list of names leads the list: one group.
#[test]
fn a_plural_title_leads_a_group() {
    let acc = analyze(
        "Banks\n\nSens. Jeff Marlow (D-Ore.), Sherri Brand (D-Ohio) and Robert Mendez (D-N.J.) \
         all said that the bank must pay.",
    );
    let s = &acc.speakers[acc.attributions[0].speaker.expect("a speaker")];
    assert_eq!(s.name, "Jeff Marlow, Sherri Brand and Robert Mendez");
    assert_eq!(s.kind, SpeakerKind::Group);
}

/// People's names take one apostrophe, whichever the article types.
#[test]
fn a_name_has_one_apostrophe() {
    let acc = analyze(
        "Police\n\nCommissioner James O’Malley said on Monday that crime fell.\n\n\
         O'Malley said that the city was safer.",
    );
    let s = &acc.speakers[acc.attributions[0].speaker.expect("a speaker")];
    assert_eq!(s.name, "James O'Malley");
    assert_eq!(acc.attributions[1].speaker, acc.attributions[0].speaker);
}

/// A surname two people share is the one the article names most, even
/// right after the other is named in full (a regression: "Cruz" right
/// after "a photo of Heidi Cruz" was Heidi).
#[test]
fn a_shared_surname_is_the_person_named_most() {
    let text = "Endorsement\n\nTed Cruz said on Friday that he would vote for Dana Moss.\n\n\
         “I keep my word,” Cruz said. Cruz told reporters that the pledge still stood.\n\n\
         Moss once posted an unflattering photo of Heidi Cruz, a former banker.\n\n\
         “I am not in the habit of supporting people who attack my wife,” Cruz said in July.";
    let acc = analyze(text);
    let last = acc.attributions.last().expect("attributions");
    assert_eq!(last.attribution.source[0].text, "Cruz", "{acc:#?}");
    assert_eq!(speaker(&acc, last).name, "Ted Cruz", "{acc:#?}");
}

/// A title-case line below the headline (a video's title) makes any phrase
/// look like a name: a word the article writes in lowercase ends no name
/// there (a regression: "President Obama Speech at …" made a person
/// "Obama Speech", the speaker of every later "Obama").
#[test]
fn a_title_case_caption_adds_no_words_to_a_name() {
    let text = "Budget\n\nMayor Elena Marsh gave a long speech on Monday about the budget.\n\n\
         [Video: FULL SPEECH: Mayor Marsh Speech at Harbor Foundation Gala in Springfield]\n\n\
         “We will build the bridge,” Marsh said.";
    assert_eq!(speaker_name(text, "Marsh"), "Elena Marsh");
}

/// A surname used before anyone holding it is named (a headline) is the
/// person the article calls by it most, not the first one named in full
/// (a regression: the headline's "Clinton" was Bill Clinton, named in
/// passing before Hillary Clinton, whom the article is about).
#[test]
fn a_surname_before_its_full_names_is_the_one_named_most() {
    let text = "Vance says husband will lead jobs effort\n\n\
         In a year when Tom Vance's record has faced scrutiny, Maria Vance is shaping \
         the role her husband would play.\n\n\
         Mrs. Vance told voters on Sunday that the plan would create jobs. \
         Vance said the work would start in coal country.\n\n\
         Asked about the cost, Vance said it would be paid for.";
    let acc = analyze(text);
    let first = acc.attributions.first().expect("attributions");
    assert_eq!(first.attribution.source[0].text, "Vance", "{acc:#?}");
    assert_eq!(speaker(&acc, first).name, "Maria Vance", "{acc:#?}");
}

/// A surname the tagger missed, which two people named in full share, is
/// the one named most, or the one an honorific's gender fits (a
/// regression: "Clinton’s inability" in a story naming Bill Clinton twice
/// became an organization "Clinton"; "Mr. Clinton’s" a speaker "Mr.
/// Clinton").
#[test]
fn a_shared_surname_the_tagger_missed_is_the_person_named_most_or_fitting() {
    let text =
        "Vote\n\nIn a year when the record of Bill Vance faced scrutiny, Maria Vance won the \
         primary. Maria Vance thanked her voters, and Maria Vance promised jobs. Maria Vance \
         spoke for an hour.\n\nVance's inability to win rural voters worried her aides.";
    assert_eq!(
        speaker_with_source(text, "Vance's", "inability"),
        "Maria Vance"
    );
    let text = text.replace("Vance's inability", "Mr. Vance's inability");
    assert_eq!(speaker_with_source(&text, "Mr.", "inability"), "Bill Vance");
}

/// A source that took in the channel before the speaker ("this weekend’s
/// broadcast of “Fox News Sunday,” Republican nominee Mike Pence") is the
/// phrase after the quoted title (a regression: the speaker was the
/// broadcast); an apposition's title after a person is not ("Steven
/// Brill, author of “Bitter Pill,” a history of the law").
#[test]
fn a_quoted_title_before_the_speaker_names_no_one() {
    let text = "Vote\n\nIn this weekend’s broadcast of “Fox News Sunday,” Republican nominee \
         Mike Pence said the plan would work.";
    assert_eq!(speaker_with_source(text, "this", "said"), "Mike Pence");
    let text = "Law\n\nSteven Brill, author of “Bitter Pill,” a history of the law, said it \
         would fail.";
    assert_eq!(speaker_with_source(text, "Steven", "said"), "Steven Brill");
}

/// A surname two people share is the one the article calls by the surname
/// alone, not the one it names in full more often (a regression: after
/// "Ivanka Trump" five times and "Donald Trump" once, "Trump says" and
/// "The GOP candidate" were Ivanka).
#[test]
fn a_shared_surname_is_the_person_called_by_it() {
    let text =
        "Leave plan\n\nRobert Vance's new proposal for paid leave is vague, experts say.\n\n\
         Critics say Vance has not explained who would be eligible.\n\n\
         Susan Vance, his eldest daughter, noted the rule in an interview. \
         Susan Vance said fathers would not be eligible. \
         The campaign has credited Susan Vance with the plan. \
         In an essay, Susan Vance wrote that the number of single mothers has doubled.\n\n\
         Vance says he would pay for it by cutting fraud.";
    let acc = analyze(text);
    let last = acc.attributions.last().expect("attributions");
    assert_eq!(last.attribution.source[0].text, "Vance", "{acc:#?}");
    assert_eq!(speaker(&acc, last).name, "Robert Vance", "{acc:#?}");
}

/// A name the entity tagger called an organization is a person when its
/// apposition is headed by a person's title (a regression: "Jo-Renee
/// Formicola, political science professor at Seton Hall University" was an
/// organization, and "she" in the next sentence had no antecedent).
#[test]
fn a_name_with_a_title_in_apposition_is_a_person() {
    let text = "Debate\n\nThe moderators will be busy, said Jo-Renee Formicola, political \
         science professor at Seton Hall University. She said the format favors the challenger.";
    let acc = analyze(text);
    let named = speaker_of_source(
        &acc,
        "Jo-Renee Formicola, political science professor at Seton Hall University",
    )
    .unwrap_or_else(|| panic!("{acc:#?}"));
    assert_eq!(named.kind, SpeakerKind::Person, "{acc:#?}");
    let she = speaker_of_source(&acc, "She").unwrap_or_else(|| panic!("{acc:#?}"));
    assert_eq!(she.name, "Jo-Renee Formicola");
}

/// Regression: after a dateline without an agency ("WASHINGTON — Sen.
/// Maria Lopez, D-Calif., on Tuesday called …") the cue had no source,
/// and the rules gave a later cue the dateline as its source.
#[test]
fn a_dateline_is_never_a_source() {
    let acc = analyze(
        "Senator blasts deal\n\nWASHINGTON — Sen. Maria Lopez, D-Calif., on Tuesday called the \
         budget agreement \"reckless\" and vowed to vote against it.",
    );
    let sources: Vec<&str> = acc
        .attributions
        .iter()
        .flat_map(|a| a.attribution.source.iter().map(|s| s.text.as_str()))
        .collect();
    assert!(
        !sources.iter().any(|s| s.contains("WASHINGTON")),
        "{sources:?}"
    );
    let s = speaker_of_source(&acc, "Sen. Maria Lopez, D-Calif.").expect("a speaker");
    assert_eq!(s.name, "Maria Lopez");
}

/// "<name>, <apposition>, and other scientists" is that one and the
/// others, not the person alone.
#[test]
fn a_name_and_others_is_a_group() {
    let name = speaker_name(
        "Veterans\n\nSkills training can be effective in reducing suicide, according to Craig \
         Bryan, head of the National Center for Veterans Studies, and other scientists.",
        "Craig Bryan, head of the National Center for Veterans Studies, and other scientists",
    );
    assert_eq!(name, "Craig Bryan and other scientists");
}

#[test]
fn a_company_named_by_its_trade_is_an_organization_and_its_first_word_too() {
    // Modern news: "Meta Platforms" was tagged a person, and so was "Meta"
    // alone, so "the company" and "it" could not refer to it.
    let doc = Document::new(
        "Fine\n\nRegulators fined Meta Platforms on Monday. Meta said it would appeal. \
         Johnson Controls agreed. Jeff Sessions said so.",
    );
    let n = doc.tokens.len();
    let at = |w: &str| first_token(&doc, w);
    let person = |tokens: Range<usize>| entities::Mention {
        tokens,
        class: MentionClass::Person,
    };
    let metas: Vec<usize> = (0..n).filter(|&i| doc.token_is(i, "Meta")).collect();
    let mentions = vec![
        person(metas[0]..metas[0] + 2),
        person(metas[1]..metas[1] + 1),
        person(at("Johnson")..at("Controls") + 1),
        person(at("Jeff")..at("Sessions") + 1),
    ];
    let pos = vec!["NNP"; n];
    let e = Entities::build(&doc, &pos, mentions, &GenderLexicon::builtin());
    let names: Vec<(&str, MentionClass)> =
        e.list.iter().map(|x| (x.name.as_str(), x.class)).collect();
    assert_eq!(
        names,
        [
            ("Meta Platforms", MentionClass::Organization),
            ("Johnson Controls", MentionClass::Organization),
            // A plural common noun that is a surname stays a person's.
            ("Jeff Sessions", MentionClass::Person),
        ]
    );
    assert_eq!(
        e.list[0].mentions.len(),
        2,
        "\"Meta\" is the company's short name"
    );
}

#[test]
fn unnamed_sources_close_to_someone_are_not_that_someone() {
    // Regression: "Aides to the prime minister" and "people close to the
    // vice president" were the prime minister and the vice president.
    let acc = analyze(
        "Cabinet\n\nPrime Minister Luis Ramos was traveling on Monday.\n\n\
         Aides to the prime minister said the trip went well.\n\n\
         Sources close to the prime minister said the cabinet would meet.",
    );
    assert_eq!(acc.attributions.len(), 2, "{acc:#?}");
    for a in &acc.attributions {
        let s = speaker(&acc, a);
        assert_ne!(s.name, "Luis Ramos", "{acc:#?}");
        assert!(s.anonymous, "{s:?}");
    }
}

#[test]
fn a_question_label_names_no_one() {
    // Regression: the "Q" of a transcript was a speaker of its own.
    let acc = analyze(
        "Interview\n\nQ: Will prices keep rising this year?\n\n\
         COSTA: We expect them to stabilize by spring.\n\n\
         Q: What about the supply of gas?\n\n\
         COSTA: Our storage is almost full now.",
    );
    let named: Vec<Option<&str>> = acc
        .attributions
        .iter()
        .map(|a| a.speaker.map(|k| acc.speakers[k].name.as_str()))
        .collect();
    assert_eq!(named.len(), 4, "{acc:#?}");
    assert_eq!(named[0], None);
    assert_eq!(named[2], None);
    assert!(named[1].is_some(), "{named:?}");
}

/// Regression: agencies with "and" in their names were cut there by the
/// tagger and joined again as a group of two ("Food" + "Drug
/// Administration", "Department of Health" + "Human Services"), and the
/// rules gave a coordinated cue the piece after "and" for its source.
#[test]
fn an_agency_named_with_and_is_one_organization() {
    let acc = analyze(
        "Drugs\n\nThe Food and Drug Administration said the drug was safe and insisted \
         that more tests were not needed.\n\nThe Department of Health and Social Care said \
         it would review the rule.",
    );
    for a in &acc.attributions {
        let s = speaker(&acc, a);
        assert_eq!(s.kind, SpeakerKind::Organization, "{a:#?}");
        assert!(
            [
                "Food and Drug Administration",
                "Department of Health and Social Care"
            ]
            .contains(&s.name.as_str()),
            "{a:#?}"
        );
        assert!(a.attribution.source[0].text.starts_with("The "), "{a:#?}");
    }
    assert_eq!(acc.attributions.len(), 3, "{acc:#?}");
}

/// Regression: "The startup Anthropic" was a name the entity tagger read
/// as "other", so "The company said" went past it to the outlet the
/// minister had spoken to ("told CNBC"). A name the text calls a body is
/// an organization, and "the company" is the nearest one.
#[test]
fn a_name_the_text_calls_a_body_is_the_company_referred_to() {
    let acc = analyze(
        "Chips\n\n“We will not sell our best chips,” Lutnick told CNBC.\n\n\
         The startup Anthropic welcomed the decision. The company said in a blog post that \
         compute was “a key national security asset.”",
    );
    let company = speaker_of_source(&acc, "The company").expect("a speaker");
    assert_eq!(company.name, "Anthropic", "{acc:#?}");
    assert_eq!(company.kind, SpeakerKind::Organization);
}

/// Regression: "The teachers union welcomed the vote" was the school
/// "Board" of "Board member Tom Reyes": members before the head of a
/// description say which body it is, one whose name has them.
#[test]
fn members_before_a_description_say_which_body() {
    let acc = analyze(
        "Phones\n\nBoard member Tom Reyes called it an overreach. The Riverside Board voted \
         on Tuesday.\n\nThe teachers union said the vote puts learning first.",
    );
    let union = speaker_of_source(&acc, "The teachers union").expect("a speaker");
    assert_eq!(union.name, "The teachers union", "{acc:#?}");
    let acc = analyze(
        "Phones\n\nThe American Federation of Teachers held a rally. The Riverside Board voted \
         on Tuesday.\n\nThe teachers union said the vote puts learning first.",
    );
    let union = speaker_of_source(&acc, "The teachers union").expect("a speaker");
    assert_eq!(union.name, "American Federation of Teachers", "{acc:#?}");
}

/// A body whose name holds "and" is one organization however the entity
/// tagger cut it ("Exchange" a person, "Commission" a body): the
/// commission speaks, and "the commission" later is the same speaker; a
/// title after such a name keeps the body as the person's affiliation.
#[test]
fn a_body_named_with_and_speaks_under_its_whole_name() {
    let acc = analyze(
        "Regulators\n\nThe Securities and Exchange Commission said it would appeal the ruling. \
         The commission added that the case was narrow.\n\n\
         Health and Human Services Secretary Jane Roe said the panel would meet in March.",
    );
    assert_eq!(acc.attributions.len(), 3, "{acc:#?}");
    let sec = speaker(&acc, &acc.attributions[0]);
    assert_eq!(sec.name, "Securities and Exchange Commission");
    assert_eq!(sec.kind, SpeakerKind::Organization);
    assert_eq!(acc.attributions[1].speaker, acc.attributions[0].speaker);
    let roe = speaker(&acc, &acc.attributions[2]);
    assert_eq!(roe.name, "Jane Roe");
    assert_eq!(roe.affiliations, ["Health and Human Services"]);
}

/// A name after a preposition in an apposition is the object of a
/// description ("a division of …", "the director of …"), not the speaker
/// in apposition: the phrase before the comma speaks (a regression: the
/// officials were Immigration and Customs Enforcement, Comey the FBI).
#[test]
fn a_name_inside_an_apposed_description_does_not_speak() {
    let acc = analyze(
        "Visas\n\nOfficials at Homeland Security Investigations, a division of Immigration and \
         Customs Enforcement, said they were concerned about the documents.\n\n\
         James Marlowe Jr., the director of the Federal Bureau of Investigation, said the bureau \
         would look into it.",
    );
    assert_eq!(acc.attributions.len(), 2, "{acc:#?}");
    let officials = speaker(&acc, &acc.attributions[0]);
    assert!(officials.anonymous, "{officials:?}");
    assert_eq!(officials.affiliations, ["Homeland Security Investigations"]);
    assert_eq!(speaker(&acc, &acc.attributions[1]).name, "James Marlowe");
}

/// A company's name ending in a trade word the tagger read as a person
/// ("CenterPoint" + "Energy") is one organization; a business
/// description ("The utility") and the first word alone ("CenterPoint",
/// which the tagger did not tag) refer back to it.
#[test]
fn a_company_named_with_its_trade_word_is_one_speaker() {
    let acc = analyze(
        "Outages\n\nCenterPoint Energy said crews had restored power to about half of the \
         customers. The utility warned that some outages could last until the weekend.\n\n\
         CenterPoint said it would bring in more crews from other states on Tuesday.",
    );
    assert_eq!(acc.attributions.len(), 3, "{acc:#?}");
    let company = speaker(&acc, &acc.attributions[0]);
    assert_eq!(company.name, "CenterPoint Energy");
    assert_eq!(company.kind, SpeakerKind::Organization);
    for a in &acc.attributions[1..] {
        assert_eq!(a.speaker, acc.attributions[0].speaker, "{a:#?}");
    }
    // The first word alone where the tagger found no name in it.
    let acc = analyze(
        "CenterPoint Energy said crews had restored electricity to about half of the \
         customers.\n\nCenterPoint did not immediately respond to a request for comment.",
    );
    assert_eq!(acc.attributions.len(), 2, "{acc:#?}");
    assert_eq!(acc.attributions[1].speaker, acc.attributions[0].speaker);
}

/// "to" and a capitalized verb continue an organization's name.
#[test]
fn an_organization_named_with_an_infinitive_keeps_it() {
    let acc = analyze(
        "Press freedom\n\nThe Committee to Protect Journalists said at least 40 reporters had \
         been detained this year.",
    );
    assert_eq!(
        speaker(&acc, &acc.attributions[0]).name,
        "Committee to Protect Journalists",
        "{acc:#?}"
    );
}

/// Regression: "Planned Parenthood" was the organization "Parenthood" (the
/// entity tagger leaves out its first word): a capitalized word right
/// before an organization's one-word name joins it inside a sentence, and
/// at a sentence's start where the article writes the two together inside
/// a sentence too.
#[test]
fn a_name_keeps_the_first_word_the_tagger_left_out() {
    let acc = analyze(
        "Clinics\n\nPlanned Parenthood said on Monday that it would close four clinics.\n\n\
         The closures follow a new state law, a spokeswoman for Planned Parenthood said.",
    );
    let opening = speaker_of_source(&acc, "Planned Parenthood").expect("a speaker");
    assert_eq!(opening.name, "Planned Parenthood", "{acc:#?}");
    let spokeswoman =
        speaker_of_source(&acc, "a spokeswoman for Planned Parenthood").expect("a speaker");
    assert_eq!(spokeswoman.affiliations, ["Planned Parenthood"], "{acc:#?}");
}

/// Regression: at a sentence's start the left-out word joined the name
/// only where the article also wrote the two inside a sentence; a finite
/// verb right after the name says the capital word is no verb of the
/// sentence but the name's ("Planned Parenthood said", alone in the
/// article).
#[test]
fn a_name_opening_its_sentence_before_a_verb_keeps_its_first_word() {
    let acc = analyze("Clinics\n\nPlanned Parenthood said the ruling would hurt women.");
    let opening = speaker_of_source(&acc, "Planned Parenthood").expect("a speaker");
    assert_eq!(opening.name, "Planned Parenthood", "{acc:#?}");
}

/// Regression: a plural for people opening a sentence, which the tagger
/// read as a proper noun, let the name after its preposition speak
/// ("Passengers stranded in Atlanta described" was Atlanta, "Advisers to
/// Mr. Rubio are quick to point out" Marco Rubio): the plural heads the
/// phrase as a common noun does.
#[test]
fn a_plural_for_people_opening_a_sentence_heads_its_phrase() {
    let acc = analyze(
        "Storm\n\nDelta canceled flights on Monday.\n\nPassengers stranded in Atlanta \
         described long lines and little information.",
    );
    let s = speaker_of_source(&acc, "Passengers stranded in Atlanta").expect("a speaker");
    assert_eq!(s.kind, SpeakerKind::Group, "{acc:#?}");
    assert_ne!(s.name, "Atlanta", "{acc:#?}");
}
