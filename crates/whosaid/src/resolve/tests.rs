//! Resolution on small articles: one test per rule or past bug.

use super::*;
use crate::Extractor;
use std::sync::OnceLock;

fn extractor() -> &'static Extractor {
    static E: OnceLock<Extractor> = OnceLock::new();
    E.get_or_init(Extractor::builtin)
}

fn analyze(text: &str) -> Account {
    extractor().analyze(text, &DocumentInfo::default())
}

fn speaker<'a>(account: &'a Account, a: &ResolvedAttribution) -> &'a Speaker {
    &account.speakers[a.speaker.expect("a speaker")]
}

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
        .filter(|&i| doc.token_text(i) == "Rutte")
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

/// The index of the first token of `doc` written `w`.
fn first_token(doc: &Document, w: &str) -> usize {
    (0..doc.tokens.len())
        .find(|&i| doc.token_text(i) == w)
        .unwrap_or_else(|| panic!("no token {w:?}"))
}

/// The index of the last token of `doc` written `w`.
fn last_token(doc: &Document, w: &str) -> usize {
    (0..doc.tokens.len())
        .rfind(|&i| doc.token_text(i) == w)
        .unwrap_or_else(|| panic!("no token {w:?}"))
}

/// The account of `doc` with one given token attribution.
fn account_of(doc: &Document, found: TokenAttribution) -> Account {
    Resolver::builtin().account(
        doc,
        &QuoteIndex::new(doc),
        &[found],
        &DocumentInfo::default(),
    )
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
    let titles = |name: &str| {
        acc.speakers
            .iter()
            .find(|s| s.name == name)
            .map(|s| s.titles.clone())
            .unwrap_or_default()
    };
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
fn anonymity_formulas_mark_the_source_and_leave_its_name() {
    let acc = analyze(
        "Harbor\n\nAccording to a city official who asked not to be named, the council \
         will vote this month.\n\nA senior aide, who spoke on condition of anonymity, said \
         the vote would pass.",
    );
    let names: Vec<(&str, bool)> = acc
        .speakers
        .iter()
        .map(|s| (s.name.as_str(), s.anonymous))
        .collect();
    assert_eq!(
        names,
        [("a city official", true), ("A senior aide", true)],
        "{acc:#?}"
    );
    assert_eq!(acc.attributions[0].attribution.cue[0].text, "According to");
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

/// An unnamed person by occupation ("An architect") is a person, unnamed,
/// not an organization (a regression: "an architect" was an organization).
#[test]
fn an_occupation_names_an_unnamed_person() {
    let acc = analyze("Bills\n\nAn architect said that the bills were never paid.");
    let s = speaker_of_source(&acc, "An architect").expect("a speaker");
    assert_eq!(s.kind, SpeakerKind::Person, "{s:?}");
    assert!(s.anonymous, "{s:?}");
}

/// The description a relative pronoun refers to resolves as a source
/// would (a regression: "the Senate majority leader, who" stayed an
/// unnamed description with Mitch McConnell named before).
#[test]
fn a_relative_pronoun_after_a_title_is_its_holder() {
    let doc = Document::new(
        "Burma\n\nSenate Majority Leader Mitch McConnell met the delegation.\n\n\
         The sanctions were backed by the Senate majority leader, who said that they had worked.",
    );
    let at = |w: &str| first_token(&doc, w);
    let acc = account_of(
        &doc,
        TokenAttribution {
            source: Some(at("who")..at("who") + 1),
            cue: at("said")..at("said") + 1,
            content: std::iter::once(at("that")..at("worked") + 1).collect(),
        },
    );
    let s = acc.attributions[0].speaker.expect("a speaker");
    assert_eq!(acc.speakers[s].name, "Mitch McConnell", "{acc:#?}");
}

/// A description that opens a sentence in apposition before a name is the
/// person's title, and a relation later ("Pagliano's lawyer") is the person
/// whose title states it; a title stating no relation ("Attorney General")
/// is no one's lawyer.
#[test]
fn a_relation_is_the_person_whose_title_states_it() {
    let acc = analyze(
        "Contempt\n\nAttorney General Loretta Lynch declined to comment on Bryan Pagliano.\n\n\
         An attorney for Pagliano, Mark MacDougall, stressed that his client was ready.\n\n\
         Pagliano's lawyer has said that he will refuse to answer.",
    );
    let s = speaker_of_source(&acc, "Pagliano's lawyer").expect("a speaker");
    assert_eq!(s.name, "Mark MacDougall", "{acc:#?}");
    assert!(
        s.titles.iter().any(|t| t == "attorney for Pagliano"),
        "{s:?}"
    );
}

#[test]
fn unnamed_sources_are_anonymous() {
    let acc = analyze(
        "Talks\n\nA source said that the talks had failed.\n\nOfficials said that the talks would resume.",
    );
    assert_eq!(acc.speakers.len(), 2, "{acc:#?}");
    assert!(acc.speakers.iter().all(|s| s.anonymous));
    assert_eq!(acc.speakers[0].kind, SpeakerKind::Person);
    assert_eq!(acc.speakers[1].kind, SpeakerKind::Group);
}

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

/// The speaker of the attribution whose source reads `source`.
/// The name of the speaker of `source` in the account of `text`.
fn speaker_name(text: &str, source: &str) -> String {
    let acc = analyze(text);
    speaker_of_source(&acc, source).map_or_else(
        || format!("no speaker for {source:?} in {acc:#?}"),
        |s| s.name.clone(),
    )
}

fn speaker_of_source<'a>(acc: &'a Account, source: &str) -> Option<&'a Speaker> {
    let a = acc
        .attributions
        .iter()
        .find(|a| a.attribution.source.iter().any(|s| s.text == source))
        .unwrap_or_else(|| panic!("no source {source:?} in {acc:#?}"));
    a.speaker.map(|k| &acc.speakers[k])
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

/// A definite description refers back to the organization it names: "the
/// commission" is the Commission on Presidential Debates.
#[test]
fn a_definite_description_is_the_organization_it_names() {
    let acc = analyze(
        "Debates\n\nThe Commission on Presidential Debates met on Monday in Washington.\n\n\
         The commission said that the first debate would be held in New York.",
    );
    let s = speaker_of_source(&acc, "The commission").expect("a speaker");
    assert_eq!(s.name, "Commission on Presidential Debates");
}

/// A document speaks for its author (a poll is its pollster), and "the
/// poll" later is the same poll; a platform never authors a post.
#[test]
fn documents_speak_for_their_authors() {
    let acc = analyze(
        "Poll\n\nA Bloomberg poll found that the race had tightened in Ohio.\n\n\
         The poll also showed that voters were tired of the campaign.",
    );
    let first = speaker_of_source(&acc, "A Bloomberg poll").expect("a speaker");
    assert_eq!(first.name, "Bloomberg");
    let second = speaker_of_source(&acc, "The poll").expect("a speaker");
    assert_eq!(second.name, "Bloomberg");
}

/// "The ad" refers back to the latest document of its kind, with the author
/// named after "by"/"from" (regressions: "The ad" after "A web video by the
/// Republican National Committee" was no one; after "A new ad from Donald
/// Trump’s presidential campaign" it was the author of an older ad).
#[test]
fn a_document_refers_back_to_one_of_its_kind() {
    let acc = analyze(
        "Ads\n\nA memorable Hillary Clinton ad in 2008 questioned whether Barack Obama was ready.\n\n\
         A new ad from Donald Trump’s presidential campaign is seizing on recent comments.\n\n\
         The ad says that Clinton is asleep.\n\n\
         A web video by the Republican National Committee references four cases.\n\n\
         The clip says that Kaine defended murderers.\n\n\
         A recent Reuters survey of voter lists was published on Monday.\n\n\
         The study found that inactive voters were removed.",
    );
    let ad = speaker_of_source(&acc, "The ad").expect("a speaker");
    assert_eq!(ad.name, "Trump campaign");
    let clip = speaker_of_source(&acc, "The clip").expect("a speaker");
    assert_eq!(clip.name, "Republican National Committee");
    let study = speaker_of_source(&acc, "The study").expect("a speaker");
    assert_eq!(study.name, "Reuters");
}

/// A definite description of a person that no title matches is a person
/// named before it; "the official" stays an unnamed source.
#[test]
fn a_person_description_is_the_prominent_person() {
    let acc = analyze(
        "Race\n\nDonald Trump campaigned in Ohio. Donald Trump then flew to Iowa, where Mike Pence \
         joined him.\n\nThe Republican nominee said that the polls were wrong.\n\n\
         The official said that the rally was small.",
    );
    let s = speaker_of_source(&acc, "The Republican nominee").expect("a speaker");
    assert_eq!(s.name, "Donald Trump");
    if let Some(s) = acc
        .attributions
        .iter()
        .find(|a| {
            a.attribution
                .source
                .iter()
                .any(|s| s.text == "The official")
        })
        .and_then(|a| a.speaker)
    {
        assert!(acc.speakers[s].anonymous, "{:?}", acc.speakers[s]);
    }
}

/// A person description refers back as a pronoun would: to the person
/// just talked about, not the one the article names most (a regression:
/// "the Vermont senator" after "Sanders" was Hillary Clinton).
#[test]
fn a_person_description_refers_to_the_nearer_person() {
    let acc = analyze(
        "Advice\n\nBernie Sanders offered advice to Hillary Clinton on Friday. Hillary Clinton \
         struggles with young voters, and Hillary Clinton trails in two polls.\n\n\
         Clinton spoke in Ohio. Asked whether Sanders still sees anger, the Vermont senator \
         acknowledged that some people feel that way.",
    );
    let s = speaker_of_source(&acc, "the Vermont senator").expect("a speaker");
    assert_eq!(s.name, "Bernie Sanders");
}

/// A public figure's description ("the New York businessman") is a
/// person, of the gender its noun says, not the place that modifies it
/// (a regression: the source was an organization "the New York businessman").
#[test]
fn a_gendered_description_takes_a_person_of_its_gender() {
    let acc = analyze(
        "Debate\n\nDonald Trump will debate Hillary Clinton on Monday. Clinton has prepared \
         for weeks, and Clinton expects attacks.\n\n\
         The New York businessman said that he would not prepare.",
    );
    let s = speaker_of_source(&acc, "The New York businessman").expect("a speaker");
    assert_eq!(s.name, "Donald Trump");
}

/// An outlet's short name is the outlet named in full before it.
#[test]
fn an_outlets_short_name_is_the_outlet() {
    let acc = analyze(
        "Health\n\nThe New York Post reported on Monday that the candidate had been ill.\n\n\
         The Post said that two doctors had seen her.",
    );
    let s = speaker_of_source(&acc, "The Post").expect("a speaker");
    assert_eq!(s.name, "New York Post");
    assert_eq!(s.kind, SpeakerKind::Media);
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
    let name = speaker_name(
        "Court\n\nThe judge ruled on Friday.\n\nOne of the family's lawyers, Rosa Ibarra, said \
         the family would appeal the ruling.",
        "Rosa Ibarra,",
    );
    assert_eq!(name, "Rosa Ibarra");
}

#[test]
fn a_kind_of_body_refers_back_to_the_body_named() {
    let name = speaker_name(
        "Leave\n\nThe Association of Tram Drivers endorsed the plan on Monday.\n\n\
         The union said the plan would protect its members.",
        "The union",
    );
    assert_eq!(name, "Association of Tram Drivers");
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

/// The speaker's name of the one attribution whose source runs from the
/// token `from` to the token before `cue` (as the extractor may find it).
fn speaker_with_source(text: &str, from: &str, cue: &str) -> String {
    let doc = Document::new(text);
    let (start, verb) = (first_token(&doc, from), first_token(&doc, cue));
    let acc = account_of(
        &doc,
        TokenAttribution {
            source: Some(start..verb),
            cue: verb..verb + 1,
            content: std::iter::once(verb + 1..doc.tokens.len() - 1).collect(),
        },
    );
    let speaker = acc.attributions[0].speaker;
    speaker.map_or_else(
        || format!("no speaker in {acc:#?}"),
        |s| acc.speakers[s].name.clone(),
    )
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
fn an_unnamed_person_is_anonymous() {
    let acc = analyze(
        "Parade\n\nThe announcer said the parade would start late.\n\n\
         A friend of the mayor said the delay was planned.",
    );
    for source in ["The announcer", "A friend of the mayor"] {
        let s = speaker_of_source(&acc, source).unwrap_or_else(|| panic!("{acc:#?}"));
        assert_eq!(s.kind, SpeakerKind::Person, "{source}");
        assert!(s.anonymous, "{source}");
    }
}

#[test]
fn a_persons_campaign_is_one_organization() {
    let acc = analyze(
        "Race\n\nSenator Ruth Harmon spoke in Ohio on Monday.\n\n\
         Ruth Harmon’s campaign said the ad was accurate.\n\n\
         The Harmon campaign said it would run for a week.",
    );
    let a = speaker_of_source(&acc, "Ruth Harmon’s campaign").expect("a speaker");
    let b = speaker_of_source(&acc, "The Harmon campaign").expect("a speaker");
    assert_eq!(a.name, "Harmon campaign");
    assert_eq!(a.kind, SpeakerKind::Organization);
    assert_eq!(a.id, b.id);
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

#[test]
fn a_headlines_bare_poll_is_the_poll_the_article_names() {
    let acc = analyze(
        "Poll: Voters Sour on Tariffs\n\nA new Gallup poll released on Monday found that most \
         voters opposed the tariffs.",
    );
    let s = speaker_of_source(&acc, "Poll").unwrap_or_else(|| panic!("{acc:#?}"));
    assert_eq!(s.name, "Gallup");
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
fn a_document_by_a_titled_person_speaks_for_the_person() {
    let name = speaker_with_source(
        "Voting\n\nA 2014 study by Yale Law School professor Maria Lopez found few cases of fraud.",
        "A",
        "found",
    );
    assert_eq!(name, "Maria Lopez");
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

/// A poll is its pollsters, joined by a slash; "the poll" later is the
/// same poll, and a participle after the noun ends the phrase.
#[test]
fn a_poll_speaks_for_its_pollsters() {
    let acc = analyze(
        "Race\n\nThe latest Gallup/Ipsos opinion poll released Friday shows that Smith leads Jones \
         by four points.\n\nWhen the poll asked about turnout, most voters said they would vote.",
    );
    let s = speaker_of_source(&acc, "The latest Gallup/Ipsos opinion poll released Friday")
        .expect("a speaker");
    assert_eq!(s.name, "Gallup/Ipsos");
    let later = speaker_of_source(&acc, "the poll").expect("a speaker");
    assert_eq!(later.name, "Gallup/Ipsos");
}

/// "In a statement, X said": the statement is X's, and "The statement"
/// later too.
#[test]
fn a_statement_is_its_issuers() {
    let acc = analyze(
        "Union backs Smith\n\nIn a statement announcing the pick, the Guild of Ferry Pilots called \
         Smith a “champion” of its members.\n\nThe statement also said that Smith would protect \
         pensions.",
    );
    let s = speaker_of_source(&acc, "The statement").expect("a speaker");
    assert_eq!(s.name, "Guild of Ferry Pilots");
}

/// A description follows the subject the article just named, even when
/// another person is named more often; a party in the description rules
/// out people whose titles name the other party, and a deputy's title
/// ("vice presidential nominee") is not the principal's.
#[test]
fn a_description_follows_the_recent_subject_and_its_party() {
    let acc = analyze(
        "Campaign\n\nAnna Reyes spoke in Ohio. Anna Reyes then flew to Iowa. Anna Reyes met \
         voters there.\n\nTom Hale says too much is made of the debate.\n\n\
         The Indiana governor said that the press was to blame.",
    );
    let s = speaker_of_source(&acc, "The Indiana governor").expect("a speaker");
    assert_eq!(s.name, "Tom Hale");

    let acc = analyze(
        "Campaign\n\nDemocratic vice presidential nominee Tim Kane spoke in Ohio.\n\n\
         Maria Lopez thanked the crowd in Toledo. The Democratic presidential nominee said that \
         every child deserves a good school.",
    );
    let s = speaker_of_source(&acc, "The Democratic presidential nominee").expect("a speaker");
    assert_eq!(s.name, "Maria Lopez");
}

/// A team or camp is its principal's campaign, the most mentioned of a
/// family sharing the surname.
#[test]
fn a_team_is_its_principals_campaign() {
    let acc = analyze(
        "Leave\n\nDonald Brack spoke on Monday. Ivy Brack, his daughter, joined him. Ivy Brack \
         praised the plan. Ivy Brack smiled.\n\nThe Brack team said that the plan would cost \
         nothing.",
    );
    let s = speaker_of_source(&acc, "The Brack team").expect("a speaker");
    assert_eq!(s.name, "Brack campaign");
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

/// A headline's description without an article is the person the
/// article opens with.
#[test]
fn a_headline_description_is_the_lead_person() {
    let acc = analyze(
        "Lawmaker says agency failed\n\nRep. Adam Shiffer said Thursday that the agency failed \
         to warn the public.",
    );
    let s = speaker_of_source(&acc, "Lawmaker").expect("a speaker");
    assert_eq!(s.name, "Adam Shiffer");
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

/// A bare "police" is the force the article names with its place.
#[test]
fn police_are_the_named_force() {
    let acc = analyze(
        "Shooting\n\nThe Riverton police released a video on Monday.\n\nPolice said that the \
         officer had acted alone.",
    );
    let s = speaker_of_source(&acc, "Police").expect("a speaker");
    assert_eq!(s.name, "Riverton police");
    assert_eq!(s.kind, SpeakerKind::Organization);
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
