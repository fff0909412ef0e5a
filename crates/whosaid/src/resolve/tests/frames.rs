//! The frame of a statement: relays, channels, times, questions,
//! affiliations and the outlet's own claims.

use super::*;

#[test]
fn relayed_statements_are_nested_and_carry_the_relay() {
    let acc = analyze(
        "Report\n\nAccording to Reuters, Prime Minister John Smith said that the plan had failed.",
    );
    let outer = acc
        .attributions
        .iter()
        .position(|a| a.nested_in.is_none())
        .expect("the outer attribution");
    assert_eq!(
        speaker(&acc, &acc.attributions[outer]).kind,
        SpeakerKind::Media
    );
    let inner = acc
        .attributions
        .iter()
        .find(|a| a.nested_in == Some(outer))
        .expect("the nested attribution");
    assert!(!inner.is_outermost());
    assert_eq!(speaker(&acc, inner).name, "John Smith");
    let relay = inner.channel.iter().find(|c| c.kind == ChannelKind::Relay);
    assert_eq!(relay.and_then(|c| c.via.as_deref()), Some("Reuters"));
}

#[test]
fn interviews_and_times_come_from_the_frame() {
    let text = "War\n\nIn an interview with CNN on Friday, John Smith said that the war would end in 2026.";
    let info = DocumentInfo {
        published: Some(NaiveDate::from_ymd_opt(2025, 2, 17).unwrap()),
        ..DocumentInfo::default()
    };
    let acc = extractor().analyze(text, &info);
    let a = &acc.attributions[0];
    assert_eq!(a.channel[0].kind, ChannelKind::Interview);
    assert_eq!(a.channel[0].via.as_deref(), Some("CNN"));
    let time = a.time.as_ref().expect("a time");
    assert_eq!(time.span.text, "on Friday");
    assert_eq!(time.value.as_deref(), Some("2025-02-14"));
    // The year inside the content is not the statement's time.
    let acc = analyze(text);
    assert_eq!(acc.attributions[0].time.as_ref().unwrap().value, None);
}

#[test]
fn an_answer_links_to_its_question() {
    let acc = analyze(
        "Talks\n\nJohn Smith was asked by CNN’s Jake Tapper if the war was over. Smith answered “yes.”",
    );
    let answer = acc
        .attributions
        .iter()
        .find(|a| a.answers.is_some())
        .expect("an answer");
    let q = answer.answers.as_ref().unwrap();
    assert!(q.question.text.starts_with("if the war was over"), "{q:?}");
    assert_eq!(q.polarity, Some(Polarity::Affirms));
    assert_eq!(q.asked_by.as_ref().unwrap().text, "CNN’s Jake Tapper");
    assert_eq!(answer.channel[0].via.as_deref(), Some("CNN"));
}

/// The texts of the outlet's own claims in an account.
fn claims_of(acc: &Account) -> Vec<&str> {
    acc.unattributed
        .iter()
        .map(|u| u.span.text.as_str())
        .collect()
}

#[test]
fn the_outlets_own_claims_are_unattributed() {
    let acc = analyze(
        "Economy\n\nThe economy grew by three percent last year. John Smith said that it would grow again.",
    );
    assert_eq!(acc.unattributed.len(), 1, "{acc:#?}");
    assert_eq!(
        acc.unattributed[0].span.text,
        "The economy grew by three percent last year"
    );
    assert!(acc.unattributed[0].whole_sentence);
    // Regression: the sign of an amount at a claim's edge was cut off as
    // punctuation ("remain near 7").
    let acc = analyze(
        "Rates\n\nMortgage rates remain near 7%. $5 billion was spent on the program. John \
         Smith said that it would grow again.",
    );
    let claims: Vec<&str> = claims_of(&acc);
    assert_eq!(
        claims,
        [
            "Mortgage rates remain near 7%",
            "$5 billion was spent on the program"
        ],
        "{acc:#?}"
    );
    assert!(
        acc.unattributed.iter().all(|u| u.whole_sentence),
        "{acc:#?}"
    );
    // Regression: a connector after a comma that an attribution cut off
    // ended the claim ("… stalled on Thursday, with").
    let acc = analyze(
        "Talks\n\nCAIRO — Negotiations over a ceasefire in Gaza stalled on Thursday, with \
         Israel and Hamas each blaming the other for the impasse.",
    );
    let claims: Vec<&str> = claims_of(&acc);
    assert_eq!(
        claims,
        ["Negotiations over a ceasefire in Gaza stalled on Thursday"],
        "{acc:#?}"
    );
}

#[test]
fn affiliations_come_from_titles_and_descriptions() {
    let acc = analyze(
        "Race\n\nThe Harmon campaign released a new ad on Monday. Senator Ruth Harmon \
         defended it.\n\nHarmon spokesman Leo Brandt said the ad was accurate.\n\n\
         A spokeswoman for the Harmon campaign said the ad would run for a week.",
    );
    let brandt = speaker_of_source(&acc, "Harmon spokesman Leo Brandt").expect("a speaker");
    assert_eq!(brandt.name, "Leo Brandt");
    assert_eq!(brandt.affiliations, vec!["Harmon campaign".to_string()]);
    let unnamed =
        speaker_of_source(&acc, "A spokeswoman for the Harmon campaign").expect("a speaker");
    assert!(unnamed.anonymous);
    assert_eq!(unnamed.affiliations, vec!["Harmon campaign".to_string()]);
}

/// Experts are described by occupation, not office: "Sara Seager, a
/// planetary scientist at the Massachusetts Institute of Technology," and
/// "Jane Roe, a senior fellow at the Brookings Institution," had no title
/// and no affiliation.
#[test]
fn an_occupation_in_apposition_is_a_title_with_its_body() {
    let acc = analyze(
        "Planet\n\nSara Seager, a planetary scientist at the Massachusetts Institute of \
         Technology, said the signal was weak. Jane Roe, a senior fellow at the Brookings \
         Institution, said the plan would fail.",
    );
    let seager = named_speaker(&acc, "Sara Seager");
    assert_eq!(
        seager.titles,
        ["planetary scientist at the Massachusetts Institute of Technology"],
        "{acc:#?}"
    );
    assert_eq!(
        seager.affiliations,
        ["Massachusetts Institute of Technology"],
        "{acc:#?}"
    );
    let roe = named_speaker(&acc, "Jane Roe");
    assert_eq!(roe.affiliations, ["Brookings Institution"], "{acc:#?}");
}

/// Regression: "A Department of Health spokesperson" was the department
/// (an organization): the head noun was read before the name's "of". The
/// spokesperson is an anonymous person affiliated with the department.
#[test]
fn a_spokesperson_of_a_body_with_a_preposition_in_its_name_is_a_person() {
    let acc = analyze("Pay\n\nA Department of Health spokesperson said the offer was fair.");
    let unnamed =
        speaker_of_source(&acc, "A Department of Health spokesperson").expect("a speaker");
    assert_eq!(unnamed.kind, SpeakerKind::Person, "{acc:#?}");
    assert!(unnamed.anonymous);
    assert_eq!(
        unnamed.affiliations,
        vec!["Department of Health".to_string()]
    );
}

/// A title in apposition after the name may go on with where the person
/// works ("a law professor at the University of Michigan", "chief
/// economist at KPMG"): the title keeps it and the body is the
/// affiliation (both were missing).
#[test]
fn an_apposed_title_with_its_body_gives_the_affiliation() {
    let acc = analyze(
        "Rates\n\n\"The question is genuinely unsettled,\" said Nora Whitcombe, a law professor \
         at the University of Michigan.\n\nRates will fall, said Diane Okafor, chief economist at \
         KPMG.",
    );
    let professor = speaker_of_source(
        &acc,
        "Nora Whitcombe, a law professor at the University of Michigan",
    )
    .expect("a speaker");
    assert_eq!(
        professor.affiliations,
        ["University of Michigan"],
        "{acc:#?}"
    );
    assert_eq!(
        professor.titles,
        ["law professor at the University of Michigan"]
    );
    let economist =
        speaker_of_source(&acc, "Diane Okafor, chief economist at KPMG").expect("a speaker");
    assert_eq!(economist.affiliations, ["KPMG"], "{acc:#?}");
}

/// Regression: a lowercase noun naming a title's field was cut off
/// ("Clinton campaign manager Robby Mook" had the title "manager" and no
/// affiliation, "White House press secretary" was "secretary"), a
/// possessive determiner stayed in an apposed title ("Its president"),
/// and a lowercase noun before a capitalized title is no part of it.
#[test]
fn a_title_keeps_the_field_words_before_it() {
    let acc = analyze(
        "Race\n\nThe Harmon campaign released a new ad on Monday.\n\nHarmon campaign manager \
         Leo Brandt said the ad was accurate.\n\nThe union praised the order. Its president, \
         Nora Whitcombe, said workers had been ignored.\n\nFor that reason President Ruth \
         Harmon said the ad would run.",
    );
    let brandt = speaker_of_source(&acc, "Harmon campaign manager Leo Brandt").expect("a speaker");
    assert_eq!(brandt.titles, ["campaign manager"], "{acc:#?}");
    assert_eq!(brandt.affiliations, ["Harmon campaign"]);
    let president = speaker_of_source(&acc, "Its president, Nora Whitcombe,")
        .or_else(|| speaker_of_source(&acc, "Its president, Nora Whitcombe"))
        .expect("a speaker");
    assert_eq!(president.titles, ["president"], "{acc:#?}");
    let harmon = named_speaker(&acc, "Ruth Harmon");
    assert!(
        harmon.titles.iter().all(|t| !t.contains("reason")),
        "{:?}",
        harmon.titles
    );
}

/// Regression: titles written in the ways news writes them were missed:
/// an apposition ended by a relative clause ("an Austrian lawyer whose
/// complaints started the case"), a title after the quotation it reports
/// with a described possessor ("the company's chief legal officer"), a
/// title of several words before a comma. A named possessor stays in the
/// title ("Harmon's attorney").
#[test]
fn titles_before_a_comma_and_before_a_relative_clause() {
    let acc = analyze(
        "Privacy\n\nMeridian Systems said it would appeal. \"We strongly disagree with this \
         decision,\" the company's chief legal officer, David Okafor, wrote in a blog post.\n\n\
         Max Schrems, an Austrian lawyer whose complaints started the case a decade ago, said \
         the fine was \"a start.\"\n\nHarmon's attorney, Leo Brandt, said the fine was fair.",
    );
    let titles = |name: &str| titles_of(&acc, name);
    assert_eq!(titles("David Okafor"), ["chief legal officer"], "{acc:#?}");
    assert_eq!(titles("Max Schrems"), ["Austrian lawyer"], "{acc:#?}");
    assert_eq!(titles("Leo Brandt"), ["Harmon's attorney"], "{acc:#?}");
}

/// Regression: news refers back to the person it just named by occupation
/// or age ("the midfielder said", "the 62-year-old said"), and these stayed
/// unnamed speakers or none; a noun the article put before a name
/// ("Oscar-winning actress Jane Roe") names that person further on.
#[test]
fn an_occupation_or_an_age_refers_back_to_the_person_named() {
    let acc = analyze(
        "Season\n\nCaptain Lewis Travis said the players had to take responsibility. \"We let \
         the manager down,\" the midfielder said.\n\nMaria Gonzalez said she was worried. \"We \
         have nowhere to go,\" the 62-year-old said.\n\nOscar-winning actress Susan Sarandon \
         is not sure she can vote for Hillary Clinton.\n\n\"Really,\" she added.\n\n\"I \
         don't know,\" she said.\n\nHillary Clinton said on Monday that she would win. \
         Clinton added that the race was close.\n\nThe actress said she was tired of the \
         status quo.",
    );
    let name = |source: &str| speaker_of_source(&acc, source).map(|s| s.name.clone());
    assert_eq!(
        name("the midfielder").as_deref(),
        Some("Lewis Travis"),
        "{acc:#?}"
    );
    assert_eq!(
        name("the 62-year-old").as_deref(),
        Some("Maria Gonzalez"),
        "{acc:#?}"
    );
    assert_eq!(
        name("The actress").as_deref(),
        Some("Susan Sarandon"),
        "{acc:#?}"
    );
}

/// Regression: "The club said in a statement that … and thanked him" gave
/// "thanked" the source "a" (the rules' piece of "in a statement") and no
/// speaker; the coordinated verb shares the first verb's subject.
#[test]
fn a_lowercase_determiner_is_no_source() {
    let acc = analyze(
        "Sacked\n\nThe club said in a statement that Eustace had left by mutual consent and \
         thanked him for his hard work.",
    );
    let thanked = attribution_of_cue(&acc, "thanked");
    let source: Vec<&str> = thanked
        .attribution
        .source
        .iter()
        .map(|s| s.text.as_str())
        .collect();
    assert_eq!(source, ["The club"], "{acc:#?}");
}

/// Regression: a country's adjective opening the sentence was cut from the
/// title ("Finnish President Alexander Stubb" → "President", "Polish Foreign
/// Minister" → "Foreign Minister"); inside the sentence it was kept. A time
/// word before a title stays out ("Yesterday President …").
#[test]
fn a_nationality_opening_the_sentence_is_part_of_the_title() {
    let acc = analyze(
        "Aid\n\nFinnish President Alexander Stubb said Finland would help.\n\nPolish Foreign \
         Minister Radoslaw Sikorski said Poland would help.\n\nYesterday President Leo \
         Brandt said the plan would work.",
    );
    let titles = |name: &str| titles_of(&acc, name);
    assert_eq!(titles("Alexander Stubb"), ["Finnish President"], "{acc:#?}");
    assert_eq!(
        titles("Radoslaw Sikorski"),
        ["Polish Foreign Minister"],
        "{acc:#?}"
    );
    assert_eq!(titles("Leo Brandt"), ["President"], "{acc:#?}");
}

/// Regression: "White House press secretary Karoline Leavitt" had no
/// affiliation (the tagger reads the White House as a place, and places
/// give none). Whoever speaks for a place speaks for its institution; a
/// place where a spokesman sits, or in another title, is no affiliation.
#[test]
fn a_spokesperson_for_a_place_is_affiliated_with_it() {
    let acc = analyze(
        "Talks\n\nThe White House said on Monday that the talks went well.\n\nWhite House \
         press secretary Leo Brandt told reporters the talks went well.\n\nCol. Ruth Harmon, \
         a military spokesman in Baghdad, said the strikes were precise.",
    );
    let brandt =
        speaker_of_source(&acc, "White House press secretary Leo Brandt").expect("a speaker");
    assert_eq!(brandt.affiliations, ["White House"], "{acc:#?}");
    let harmon = named_speaker(&acc, "Ruth Harmon");
    assert!(harmon.affiliations.is_empty(), "{:?}", harmon.affiliations);
}

/// A description resolves to a titled person by the title's words, not by
/// a preposition both hold (a regression once such titles were kept:
/// "Lobbyists in general" became the person titled "strategist in Trump's
/// campaign").
#[test]
fn a_description_sharing_only_a_preposition_with_a_title_is_no_one_named() {
    let acc = analyze(
        "Lobbying\n\nManafort and business associate Rick Gates, another top strategist in \
         Trump's campaign, were working in 2012 for the party.\n\nLobbyists in general prefer \
         not to register under the foreign agents law because its requirements are demanding.",
    );
    let lobbyists = speaker_of_source(&acc, "Lobbyists in general");
    assert!(
        lobbyists.is_none_or(|s| s.name != "Rick Gates"),
        "{lobbyists:?}"
    );
}

#[test]
fn an_outlet_name_is_no_channel_evidence() {
    // Regression: "told The Huffington Post" gave a "post" channel.
    let acc = analyze(
        "Vote\n\nMaria Lopez, a voter in Ohio, told The Huffington Post that she would vote early.",
    );
    let a = &acc.attributions[0];
    assert!(
        a.channel.iter().all(|c| c.kind != ChannelKind::Post),
        "{:?}",
        a.channel
    );
}

/// Regression: "said on the Senate floor" was a broadcast on "Senate": a
/// body's name before a common noun modifies it, a place, no outlet; "said
/// on the MSNBC show" stays a broadcast.
#[test]
fn a_floor_is_no_broadcast() {
    let acc = analyze(
        "Budget\n\n\"We are not going to kick the can down the road again,\" Thune said on \
         the Senate floor.\n\nSchumer said on the MSNBC show \"Morning Joe\" that the \
         bill would pass.",
    );
    let thune = attribution_of_source(&acc, "Thune");
    assert!(thune.channel.is_empty(), "{:?}", thune.channel);
    let schumer = attribution_of_source(&acc, "Schumer");
    assert_eq!(schumer.channel[0].kind, ChannelKind::Broadcast);
}

/// Regression: an outlet's possessive before a program's title ("CNN's
/// “State of the Union”", "NBC's") is a name the tagger misses, and
/// "Speaking to the BBC" is how the statement reached the outlet.
#[test]
fn broadcasts_and_addressees_named_by_an_outlets_possessive() {
    let acc = analyze(
        "Vote\n\nSenator Jane Roe said on CNN's \"State of the Union\" on Sunday that the \
         bill would pass.\n\nGovernor Tom Smith told NBC's \"Meet the Press\" that he would \
         veto it.\n\nSpeaking to the BBC, the minister said the talks had stalled.",
    );
    let channel_of = |source: &str| {
        let a = attribution_of_source(&acc, source);
        let c = a
            .channel
            .first()
            .unwrap_or_else(|| panic!("no channel: {a:#?}"));
        (c.kind, c.via.clone().unwrap_or_default())
    };
    assert_eq!(
        channel_of("Senator Jane Roe"),
        (ChannelKind::Broadcast, "CNN".to_string())
    );
    assert_eq!(
        channel_of("Governor Tom Smith"),
        (ChannelKind::Told, "NBC".to_string())
    );
    assert_eq!(
        channel_of("the minister"),
        (ChannelKind::Told, "BBC".to_string())
    );
}

/// "Ann Lee was speaking to reporters when Smith tweeted": another
/// clause's verb is no channel of the tweet.
#[test]
fn another_clauses_speaking_is_no_channel() {
    let acc = analyze(
        "Tweets\n\nHis spokeswoman Ann Lee was speaking to reporters on Friday when John \
         Smith claimed in a tweet that the vote was rigged.",
    );
    let a = attribution_of_source(&acc, "John Smith");
    assert!(
        a.channel.iter().all(|c| c.kind != ChannelKind::Told),
        "{:?}",
        a.channel
    );
}

/// Regression: a statement's time came from another statement's content
/// ("…, adding that the transfers had stopped in 2023") and from an aside
/// in its source ("whose group filed the complaint in 2021"); a
/// participle's aside is the circumstance of the saying and counts.
#[test]
fn times_come_from_no_other_content_and_no_aside_of_the_source() {
    let time_of = |text: &str, cue: &str| {
        let acc = analyze(text);
        let a = attribution_of_cue(&acc, cue);
        a.time.as_ref().map(|t| t.span.text.clone())
    };
    let text = "Fine\n\n\"We acted in good faith,\" a company spokesperson said, adding that \
                the transfers had stopped in 2023.";
    assert_eq!(time_of(text, "said"), None);
    let text = "Fine\n\nMax Brenner, an activist whose group filed the complaint in 2021, \
                said the ruling came too late.";
    assert_eq!(time_of(text, "said"), None);
    let text = "Museum\n\nPresident Barack Obama, dedicating the museum on Saturday, said it \
                would tell an American story.";
    assert_eq!(time_of(text, "said").as_deref(), Some("on Saturday"));
    // Regression: a statement in a relative clause took the main clause's
    // time ("…, who said she would never run, announced on Saturday …"
    // dated the saying Saturday).
    let text = "Race\n\nJane Roe, who said she would never run for office, announced on \
                Saturday that she is running for mayor.";
    assert_eq!(time_of(text, "said"), None);
    assert_eq!(time_of(text, "announced").as_deref(), Some("on Saturday"));
}

/// Regression: "Speaking on BBC Radio 4's Today programme, he said" gave
/// the time "Today" and no channel, and "told USA Today" the addressee
/// "USA": a capitalized "Today" inside a sentence is a name, and a
/// participle of appearing on an outlet is a broadcast (not "speaking on
/// condition of anonymity").
#[test]
fn a_capitalized_today_is_a_name_and_speaking_on_an_outlet_a_broadcast() {
    let acc = analyze(
        "Pay\n\nHealth Secretary Wes Morgan spoke to nurses in Leeds.\n\nSpeaking on BBC \
         Radio 4's Today programme, he said the pay offer was fair.\n\nSpeaking on condition \
         of anonymity, an official said the talks had failed.\n\nJane Roe told USA Today that \
         she would run.",
    );
    let by_source = |source: &str| attribution_of_source(&acc, source);
    let he = by_source("he");
    assert!(he.time.is_none(), "{he:#?}");
    assert_eq!(
        he.channel.first().map(|c| c.kind),
        Some(ChannelKind::Broadcast)
    );
    assert!(by_source("an official").channel.is_empty());
    let roe = by_source("Jane Roe");
    assert!(roe.time.is_none(), "{roe:#?}");
    assert_eq!(
        roe.channel.first().and_then(|c| c.via.as_deref()),
        Some("USA Today")
    );
}

/// A platform right after "said on" is the post's ("said on X", "said on
/// Facebook"), two-word platforms included ("in a post on Truth Social");
/// a memo or a filing the frame's "in a …" phrase names is the channel,
/// and one that is only what the statement is about is none.
#[test]
fn platforms_memos_and_filings_as_channels() {
    let acc = analyze(
        "Vote\n\n\"We will comply,\" the minister later said on X, formerly Twitter.\n\n\
         \"This is a witch hunt,\" Trump said in a post on Truth Social.\n\n\
         In a memo to staff, Chief Executive Dana Whitfield wrote that the cuts were painful.\n\n\
         The company said in a court filing that the claims were baseless.\n\n\
         Asked about the memo, Senator Ann Lee said she had not read it.",
    );
    let channel_of = |source: &str| {
        let a = attribution_of_source(&acc, source);
        a.channel
            .first()
            .map(|c| (c.kind, c.via.clone().unwrap_or_default()))
    };
    assert_eq!(
        channel_of("the minister"),
        Some((ChannelKind::Post, "X".to_string()))
    );
    assert_eq!(
        channel_of("Trump"),
        Some((ChannelKind::Post, "Truth Social".to_string()))
    );
    assert_eq!(
        channel_of("Chief Executive Dana Whitfield"),
        Some((ChannelKind::Letter, String::new()))
    );
    assert_eq!(
        channel_of("The company"),
        Some((ChannelKind::Statement, String::new()))
    );
    assert_eq!(channel_of("Senator Ann Lee"), None);
}

/// "said in a call with reporters", "on a call with journalists": a press
/// call; a call with anyone else is none.
#[test]
fn a_call_with_reporters_is_a_press_conference() {
    let acc = analyze(
        "Fines\n\nTransportation Secretary Pete Buttigieg said in a call with reporters that \
         the fine set a precedent.\n\nAnn Lee said on a call with journalists that it was \
         fair.\n\nIn a call with his lawyer, Bob Roe said that it was unfair.",
    );
    let channel_of = |source: &str| {
        attribution_of_source(&acc, source)
            .channel
            .first()
            .map(|c| c.kind)
    };
    assert_eq!(
        channel_of("Transportation Secretary Pete Buttigieg"),
        Some(ChannelKind::PressConference)
    );
    assert_eq!(channel_of("Ann Lee"), Some(ChannelKind::PressConference));
    assert_eq!(channel_of("Bob Roe"), None);
}

/// Regression: a description matched a titled person by a party alone
/// ("The Republican nominee" became "a Republican strategist") or by a
/// former office ("the candidate" became "a former candidate for
/// governor"), over the person the article goes on about.
#[test]
fn a_party_or_a_former_office_alone_names_no_described_person() {
    let acc = analyze(
        "Race\n\nRuth Harmon said on Monday that the race was close.\n\nLeo Brandt, a \
         Republican strategist, said the race was close. Nora Whitcombe, a former candidate for \
         governor, said the polls were wrong.\n\nRuth Harmon spoke in Ohio on Tuesday. The \
         Republican nominee said the polls were right.\n\nRuth Harmon spoke in Iowa on \
         Wednesday. The candidate said the debate was fair.",
    );
    let named = |source: &str| speaker_of_source(&acc, source).map(|s| s.name.clone());
    assert_eq!(
        named("The Republican nominee").as_deref(),
        Some("Ruth Harmon"),
        "{acc:#?}"
    );
    assert_eq!(
        named("The candidate").as_deref(),
        Some("Ruth Harmon"),
        "{acc:#?}"
    );
}

/// Regression: "A spokesperson for the department" had no affiliation;
/// the description after "for" refers back to the department named
/// before. A description with a name of its own is no such reference.
#[test]
fn a_described_body_after_for_is_the_affiliation() {
    let acc = analyze(
        "Trade\n\nThe Commerce Department said on Monday that exports rose.\n\nA spokesperson \
         for the department said the figures were final.",
    );
    let unnamed = speaker_of_source(&acc, "A spokesperson for the department").expect("a speaker");
    assert_eq!(unnamed.affiliations, ["Commerce Department"], "{acc:#?}");
}

/// Regression: "Kremlin spokesman Dmitry Peskov" opening a sentence and
/// "CenterPoint spokesperson Alicia Dixon" had no affiliation (the entity
/// tagger names neither body). Proper nouns before a spokesperson's title
/// name the body; a surname of the article's person speaks for them; a
/// word opening the sentence that the article also writes in lowercase
/// ("Family spokesman") names none.
#[test]
fn a_spokesperson_names_the_body_before_the_title() {
    let acc = analyze(
        "Talks\n\nKremlin spokesman Dmitry Peskov told reporters the talks would go on.\n\n\
         \"We will keep working,\" CenterPoint spokesperson Alicia Dixon said.\n\nFamily \
         spokesman Bob Gunnell said the family was grateful.\n\nDonald Harmon spoke on \
         Monday. Harmon spokesman Leo Brandt said Harmon's campaign would go on.",
    );
    let affiliations = |name: &str| named_speaker(&acc, name).affiliations.clone();
    assert_eq!(affiliations("Dmitry Peskov"), ["Kremlin"], "{acc:#?}");
    assert_eq!(affiliations("Alicia Dixon"), ["CenterPoint"], "{acc:#?}");
    assert!(affiliations("Bob Gunnell").is_empty(), "{acc:#?}");
    assert_eq!(affiliations("Leo Brandt"), ["Harmon campaign"], "{acc:#?}");
}

/// Regression: proper nouns the entity tagger left unnamed before a title
/// held at a body gave no affiliation but for spokespeople ("NAACP
/// president Derrick Johnson", "Planned Parenthood president Jane Roe"),
/// and a title of several words was not looked at ("Trump campaign
/// manager Corey Lewandowski" had none). A country before a head of
/// state's title is where the office is, and a body noun opening the
/// sentence names none.
#[test]
fn a_title_at_a_body_names_the_body_before_it() {
    let acc = analyze(
        "Reactions\n\n\"We will fight it,\" NAACP president Derrick Johnson said on \
         Monday.\n\n\"We will fight it too,\" Planned Parenthood president Jane Roe said.\n\n\
         Donald Trump spoke in Ohio. Trump campaign manager Corey Lewandowski said the crowds \
         were huge.\n\nRovers captain Lewis Travis said the players felt responsible.\n\nUS \
         President Barack Obama said the deal was fair.\n\nParty Chairman \
         Reince Priebus said the remarks were a new low.",
    );
    let affiliations = |name: &str| named_speaker(&acc, name).affiliations.clone();
    assert_eq!(affiliations("Derrick Johnson"), ["NAACP"], "{acc:#?}");
    assert_eq!(affiliations("Jane Roe"), ["Planned Parenthood"], "{acc:#?}");
    assert_eq!(
        affiliations("Corey Lewandowski"),
        ["Trump campaign"],
        "{acc:#?}"
    );
    assert_eq!(affiliations("Lewis Travis"), ["Rovers"], "{acc:#?}");
    assert!(affiliations("Barack Obama").is_empty(), "{acc:#?}");
    assert!(affiliations("Reince Priebus").is_empty(), "{acc:#?}");
}

/// Regression: a title whose owner is in the possessive and no mention
/// ("the group's president", "Meta's president of global affairs" with
/// "Meta" not read as a name there) gave no affiliation. The body a noun
/// refers back to counts only when the noun names it or says only that
/// it is a body, and a person's name word is the person's.
#[test]
fn a_title_owned_in_the_possessive_names_its_body() {
    let acc = analyze(
        "Fine\n\nMeta Platforms was fined on Monday. \"This decision is flawed,\" Nick Clegg, \
         Meta's president of global affairs, said in a statement.\n\nThe Springfield \
         Association of Realtors, a trade group, said it supported the measure. The group's \
         president, Daniel Cho, said the plan was long overdue.\n\nThe Daily Show aired a \
         special. \"It was fun,\" said Ann Lee, the channel's head of programming.\n\n\
         Donald Trump owns Trump Tower. \"It is false,\" said Alan Garten, Trump's attorney.",
    );
    let affiliations = |name: &str| named_speaker(&acc, name).affiliations.clone();
    assert_eq!(affiliations("Nick Clegg"), ["Meta Platforms"], "{acc:#?}");
    assert_eq!(
        affiliations("Daniel Cho"),
        ["Springfield Association of Realtors"],
        "{acc:#?}"
    );
    assert!(affiliations("Ann Lee").is_empty(), "{acc:#?}");
    assert!(affiliations("Alan Garten").is_empty(), "{acc:#?}");
}

/// Regression: "said in a post on X." ended its sentence with "X." (one
/// token, read as an initial), which went to the content, and the post's
/// channel had no platform.
#[test]
fn a_post_on_x_ending_a_sentence_is_via_x() {
    let acc = analyze(
        "Veto\n\nRepublican leaders praised the veto. \"The governor finally listened,\" \
         Assembly leader James Gallagher said in a post on X.",
    );
    let a = attribution_of_source(&acc, "Assembly leader James Gallagher");
    assert!(
        a.attribution.content.iter().all(|c| !c.text.contains("X.")),
        "{acc:#?}"
    );
    assert_eq!(a.channel[0].via.as_deref(), Some("X"), "{acc:#?}");
}

/// Regression: "An agency spokesperson" after the Food and Drug
/// Administration had no affiliation: a noun for a kind of body before a
/// spokesperson's noun refers back as "the agency" would, and says none
/// when no body of its kind was named.
#[test]
fn a_body_noun_before_a_spokesperson_names_the_body_it_refers_to() {
    let acc = analyze(
        "Setback\n\nThe Food and Drug Administration declined to comment. An agency \
         spokesperson said it does not discuss pending applications.\n\nParents were angry. \
         A union spokeswoman said teachers would strike.",
    );
    let affiliations = |source: &str| {
        speaker_of_source(&acc, source)
            .expect("a speaker")
            .affiliations
            .clone()
    };
    assert_eq!(
        affiliations("An agency spokesperson"),
        ["Food and Drug Administration"],
        "{acc:#?}"
    );
    assert!(affiliations("A union spokeswoman").is_empty(), "{acc:#?}");
}

/// Regression: "NATO Secretary-General Mark Rutte" had no title and no
/// affiliation: a hyphenated title ("Secretary-General", "co-founder")
/// was no title noun.
#[test]
fn a_hyphenated_title_is_a_title() {
    let acc = analyze(
        "Summit\n\nNATO Secretary-General Mark Rutte said the alliance would stand firm.\n\n\
         CrowdStrike co-founder Dmitri Alperovitch said the files were altered.",
    );
    let rutte = named_speaker(&acc, "Mark Rutte");
    assert_eq!(rutte.affiliations, ["NATO"], "{acc:#?}");
    assert!(
        rutte.titles.iter().any(|t| t.contains("Secretary-General")),
        "{acc:#?}"
    );
    let alperovitch = named_speaker(&acc, "Dmitri Alperovitch");
    assert_eq!(alperovitch.affiliations, ["CrowdStrike"], "{acc:#?}");
}

/// Regression: a date taken for a source ("A ruling is expected by June")
/// became an organization "June"; a date or a year alone names no one,
/// unless a person is named so ("May said" after "Theresa May").
#[test]
fn a_date_alone_is_no_speaker() {
    let acc = analyze(
        "Talks\n\nPrime Minister Theresa May spoke on Monday. May said the talks would go \
         on. A ruling is expected by June.",
    );
    let may = speaker_of_source(&acc, "May").expect("a speaker");
    assert_eq!(may.name, "Theresa May", "{acc:#?}");
    let june = attribution_of_source(&acc, "June");
    assert_eq!(june.speaker, None, "{acc:#?}");
}

/// Regression: "He told The Washington Post that …" had no channel: the
/// outlet's name holds its article, which the search for the hearer
/// skipped before looking for the name.
#[test]
fn an_outlet_named_with_its_article_is_the_hearer() {
    let acc = analyze(
        "Drug\n\nDr. Jane Roe, a neurologist, said the effects were serious. She told The \
         Washington Post that doctors should weigh the risks carefully.",
    );
    let she = attribution_of_source(&acc, "She");
    assert_eq!(
        she.channel.first().and_then(|c| c.via.as_deref()),
        Some("The Washington Post"),
        "{she:#?}"
    );
}
