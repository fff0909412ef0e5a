//! Documents that speak for their authors: "A Bloomberg poll", "the
//! report, published by …", "said in a statement" and then "The
//! statement" (`resolve/authors.rs`).

use super::*;

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
fn a_document_by_a_titled_person_speaks_for_the_person() {
    let name = speaker_with_source(
        "Voting\n\nA 2014 study by Yale Law School professor Maria Lopez found few cases of fraud.",
        "A",
        "found",
    );
    assert_eq!(name, "Maria Lopez");
}

/// A poll is its pollsters, joined by a slash; "the poll" later is the
/// same poll, and a participle after the noun ends the phrase.
#[test]
fn a_poll_speaks_for_its_pollsters() {
    let acc = analyze(
        "Race\n\nThe latest Gallup/Ipsos opinion poll released Friday shows that Smith leads Jones \
         by four points.\n\nThe poll also found that most voters planned to vote.",
    );
    let s = speaker_of_source(&acc, "The latest Gallup/Ipsos opinion poll released Friday")
        .expect("a speaker");
    assert_eq!(s.name, "Gallup/Ipsos");
    let later = speaker_of_source(&acc, "The poll").expect("a speaker");
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

/// Regression: "Fox News said in a statement. … the statement said" named
/// an organization "the statement": a statement a cue was said in is its
/// speaker's.
#[test]
fn a_statement_said_in_is_its_speakers() {
    let acc = analyze(
        "Debate\n\n“There were no calls placed to Trump,” Fox News said in a statement.\n\n\
         “Furthermore, Trump offered to appear at the debate,” the statement said.",
    );
    let s = speaker_of_source(&acc, "the statement").expect("a speaker");
    assert_eq!(s.name, "Fox News");
}

/// Regression: a document whose author follows a comma and a participle
/// ("The report, published by the Institute for Fiscal Studies, said")
/// was an organization named "The report": the participle leads to "by"
/// after a comma as it does without one.
#[test]
fn a_document_published_by_a_body_after_a_comma_is_the_bodys() {
    let acc = analyze(
        "Taxes\n\nThe report, published by the Institute for Fiscal Studies, said taxes would \
         rise for most households.",
    );
    let speaker = speaker_of_source(
        &acc,
        "The report, published by the Institute for Fiscal Studies,",
    )
    .expect("a speaker");
    assert_eq!(speaker.name, "Institute for Fiscal Studies", "{acc:#?}");
}

/// "The White House issued a statement. The statement said": the subject
/// of the verb that put the document out is its author (the statement
/// was an organization named "The statement").
#[test]
fn a_document_is_its_issuers() {
    let acc = analyze(
        "Briefing\n\nThe White House issued a statement on Tuesday. The statement said the \
         president had been briefed.\n\nThe ministry also has released its annual report. \
         The report found that emissions rose.",
    );
    let s = speaker_of_source(&acc, "The statement").expect("a speaker");
    assert_eq!(s.name, "White House");
    assert!(!s.anonymous);
}

/// Regression: a document whose author the article never gives ("The
/// statement said" with no issuer, "Polls show") was a body named after
/// it, not unnamed: a store filed every such article's statements under
/// one speaker "The statement". It is an unnamed source of its article,
/// an organization (a group when plural).
#[test]
fn a_document_without_an_author_is_an_unnamed_source() {
    let acc = analyze(
        "Fed\n\nRates were left unchanged on Wednesday.\n\nThe statement said the committee \
         seeks maximum employment.\n\nPolls show that voters are worried about prices.",
    );
    let s = speaker_of_source(&acc, "The statement").expect("a speaker");
    assert!(s.anonymous, "{s:?}");
    assert_eq!(s.kind, SpeakerKind::Organization);
    let s = speaker_of_source(&acc, "Polls").expect("a speaker");
    assert!(s.anonymous, "{s:?}");
    assert_eq!(s.kind, SpeakerKind::Group);
}

/// Records, data and statistics speak for whoever keeps them, like a
/// report for its authors ("Federal Election Commission records show"
/// was a body named "Federal Election Commission records").
#[test]
fn records_and_data_speak_for_their_keepers() {
    let acc = analyze(
        "Money\n\nFederal Election Commission records show that the committee raised $5 \
         million.\n\nThe median income rose, according to data from the Census Bureau.",
    );
    let s = speaker_of_source(&acc, "Federal Election Commission records").expect("a speaker");
    assert_eq!(s.name, "Federal Election Commission");
    let s = speaker_of_source(&acc, "data from the Census Bureau").expect("a speaker");
    assert_eq!(s.name, "Census Bureau");
}

/// Regression: "The central bank's statement said …" was an organization
/// named "The central bank's statement", and "the newspaper's editorial"
/// one named so. A document owned by a description is the body the
/// description refers back to.
#[test]
fn a_document_owned_by_a_description_is_the_bodys() {
    let acc = analyze(
        "Rates on hold\n\nThe Federal Reserve left interest rates unchanged on Wednesday. \
         The central bank's statement said the labor market remains strong.",
    );
    let issuer = speaker_of_source(&acc, "The central bank's statement").expect("a speaker");
    assert_eq!(issuer.name, "Federal Reserve", "{acc:#?}");
    assert_eq!(issuer.kind, SpeakerKind::Organization, "{acc:#?}");
}

/// Regression: "according to a post on his Truth Social platform" named
/// "a post on his Truth Social platform" an organization; the owner of
/// the account the post was put on is its author.
#[test]
fn a_post_on_someones_account_speaks_for_its_owner() {
    let acc = analyze(
        "Tariffs\n\nPresident Dana Whitlock said Sunday he would impose new tariffs, according \
         to a post on his Truth Social platform.",
    );
    let s = speaker_of_source(&acc, "a post on his Truth Social platform")
        .unwrap_or_else(|| panic!("{acc:#?}"));
    assert_eq!(s.name, "Dana Whitlock", "{acc:#?}");
}

/// Regression: "according to data released Tuesday by the National
/// Association of Realtors" named the whole phrase an organization: a time
/// phrase between the participle and "by" hid the author.
#[test]
fn a_time_phrase_before_by_still_names_the_author() {
    let acc = analyze(
        "Homes\n\nHome prices rose 6% last year, according to data released Tuesday by the \
         National Association of Realtors.",
    );
    let s = speaker_of_source(
        &acc,
        "data released Tuesday by the National Association of Realtors",
    )
    .unwrap_or_else(|| panic!("{acc:#?}"));
    assert_eq!(s.name, "National Association of Realtors", "{acc:#?}");
}
