//! Affiliations and titles of people whose office is written with its
//! owner in the possessive: "the bank's chief economist", "Harris's
//! campaign chair", "the campaign's press secretary".

use super::*;

/// Regression: "Jan Hatzius, the bank's chief economist," had the title
/// "bank's chief economist" and no affiliation; "The firm's chief
/// financial officer" (the tagger reading "firm's" an adjective) had none
/// either. The described owner is the body named before, and no part of
/// the title. (The headline "Chips" had also run into the name opening the
/// text: "Chips\n\nNvidia".)
#[test]
fn a_described_owner_is_the_affiliation_and_no_part_of_the_title() {
    let acc = analyze(
        "Jobs\n\nGoldman Sachs raised its forecast on Monday. Jan Hatzius, the bank's chief \
         economist, said the labor market remained strong.",
    );
    let s = named_speaker(&acc, "Jan Hatzius");
    assert_eq!(s.titles, ["chief economist"], "{acc:#?}");
    assert_eq!(s.affiliations, ["Goldman Sachs"], "{acc:#?}");
    let acc = analyze(
        "Chips\n\nNvidia reported record revenue. The firm's chief financial officer, Colette \
         Kress, said demand would stay strong.",
    );
    let s = named_speaker(&acc, "Colette Kress");
    assert_eq!(s.titles, ["chief financial officer"], "{acc:#?}");
    assert_eq!(s.affiliations, ["Nvidia"], "{acc:#?}");
    // A noun for a kind of business owns the title as "company" does.
    let acc = analyze(
        "Rates

JPMorgan Chase raised its forecast on Monday. Michael Feroli, the lender's          chief economist, said the labor market remained strong.",
    );
    let s = named_speaker(&acc, "Michael Feroli");
    assert_eq!(s.affiliations, ["JPMorgan Chase"], "{acc:#?}");
}

/// Regression: "Harris's campaign chair, Jen O'Malley Dillon," had the
/// title "Harris's campaign chair" and no affiliation, where "Clinton
/// campaign manager Robby Mook" is at the Clinton campaign. A named owner
/// of any other title stays in it: "Trump's attorney" is a relation.
#[test]
fn a_named_owners_campaign_is_the_affiliation() {
    let acc = analyze(
        "Money\n\nVice President Kamala Harris spoke in Atlanta on Tuesday. Harris's campaign \
         chair, Jen O'Malley Dillon, said the campaign had raised $1 billion.",
    );
    let s = named_speaker(&acc, "Jen O'Malley Dillon");
    assert_eq!(s.titles, ["campaign chair"], "{acc:#?}");
    assert_eq!(s.affiliations, ["Harris campaign"], "{acc:#?}");
    let acc = analyze(
        "Rally\n\nFormer President Donald Trump held a rally in Ohio. Karoline Leavitt, Trump's \
         campaign spokeswoman, said the numbers were inflated. Alina Habba, Trump's attorney, \
         said the case was weak.",
    );
    let s = named_speaker(&acc, "Karoline Leavitt");
    assert_eq!(s.titles, ["campaign spokeswoman"], "{acc:#?}");
    assert_eq!(s.affiliations, ["Trump campaign"], "{acc:#?}");
    let s = named_speaker(&acc, "Alina Habba");
    assert_eq!(s.titles, ["Trump's attorney"], "{acc:#?}");
    assert!(s.affiliations.is_empty(), "{acc:#?}");
}

/// "The campaign's press secretary" is at the one campaign the article
/// names; with two, or with "his campaign" beside one, it stays open.
#[test]
fn the_campaigns_title_is_at_the_only_campaign_named() {
    let acc = analyze(
        "Ads\n\nHillary Clinton's campaign spent $10 million in Ohio. Brian Fallon, the \
         campaign's press secretary, said the money was well spent.",
    );
    let s = named_speaker(&acc, "Brian Fallon");
    assert_eq!(s.affiliations, ["Clinton campaign"], "{acc:#?}");
    let acc = analyze(
        "Ads\n\nHillary Clinton's campaign spent $10 million in Ohio, and Gary Johnson said his \
         campaign would answer. Brian Fallon, the campaign's press secretary, said the money \
         was well spent.",
    );
    let s = named_speaker(&acc, "Brian Fallon");
    assert!(s.affiliations.is_empty(), "{acc:#?}");
    let acc = analyze(
        "Ads

Hillary Clinton's campaign spent $10 million in Ohio, and Donald Trump's          campaign spent $2 million. Brian Fallon, the campaign's press secretary, said the          money was well spent.",
    );
    let s = named_speaker(&acc, "Brian Fallon");
    assert!(s.affiliations.is_empty(), "{acc:#?}");
}

/// Regression: "Kathy Jones, chief fixed income strategist at Charles
/// Schwab," had no title (the tagger read "fixed" a verb) and no
/// affiliation (it read "Charles Schwab" a place). A participle before a
/// title's head modifies it; a clause opened by one is no title; a name
/// after "at" ending the title is where the person works.
#[test]
fn a_participle_before_a_title_modifies_it_and_at_names_the_employer() {
    let acc = analyze(
        "Markets\n\nKathy Jones, chief fixed income strategist at Charles Schwab, said the Fed \
         would cut rates twice. Tom Lee, managing director at Fundstrat, said stocks would \
         rise. Mike Bloomberg, thinking about running for president, said the race was open.",
    );
    let s = named_speaker(&acc, "Kathy Jones");
    assert_eq!(
        s.titles,
        ["chief fixed income strategist at Charles Schwab"],
        "{acc:#?}"
    );
    assert_eq!(s.affiliations, ["Charles Schwab"], "{acc:#?}");
    let s = named_speaker(&acc, "Tom Lee");
    assert_eq!(s.titles, ["managing director at Fundstrat"], "{acc:#?}");
    let s = named_speaker(&acc, "Mike Bloomberg");
    assert!(s.titles.is_empty(), "{acc:#?}");
}

/// Regression: '"We have never seen trees this stressed," said its
/// president, Rafael Pico.' gave the speaker no title and no body: a
/// title in apposition before a name was read only where it opened the
/// sentence or followed the quotation, and only before a comma. After the
/// quotation's reporting verb, closed by the sentence's period, it is the
/// title too; the same phrase with no quotation before it stays unread.
#[test]
fn a_title_apposed_after_the_reporting_verb_of_a_quotation_is_the_speakers() {
    let acc = analyze(
        "Olives\n\nThe Olive Growers Association said output could drop. \"We have never \
         seen trees this stressed,\" said its president, Rafael Pico.",
    );
    let s = named_speaker(&acc, "Rafael Pico");
    assert_eq!(s.titles, ["president"], "{acc:#?}");
    assert_eq!(s.affiliations, ["Olive Growers Association"], "{acc:#?}");
}

/// Regression: '"This is pocket change," said Johnny Ryan of the Irish
/// Council for Civil Liberties.' gave the speaker no body: with no title,
/// the organization a preposition ties to the name is the affiliation; a
/// place there is no body, nor a piece of a name the tagger cut.
#[test]
fn a_body_after_the_name_and_a_preposition_is_the_affiliation() {
    let acc = analyze(
        "Fines\n\nCritics said the penalties were too lenient. \"This is pocket change for \
         these companies,\" said Johnny Ryan of the Irish Council for Civil Liberties.",
    );
    let s = named_speaker(&acc, "Johnny Ryan");
    assert_eq!(
        s.affiliations,
        ["Irish Council for Civil Liberties"],
        "{acc:#?}"
    );
    let acc = analyze(
        "Storm\n\n\"We lost everything,\" said Jane Roe of Springfield, who farms 40 acres.",
    );
    let s = named_speaker(&acc, "Jane Roe");
    assert!(s.affiliations.is_empty(), "{acc:#?}");
    // A name the tagger cut is no body ("of the Virgin | Islands").
    let acc = analyze(
        "Hearing\n\n\"This is a waste of time,\" said Del. Stacey Plaskett of the Virgin \
         Islands.",
    );
    let s = named_speaker(&acc, "Stacey Plaskett");
    assert!(s.affiliations.is_empty(), "{acc:#?}");
}

/// Regression: a title in apposition before the name after an opening
/// phrase ("In a post on X, the company's head of policy, Joel Ardent,
/// wrote") was no title at all, where the same words opening the
/// sentence were one.
#[test]
fn a_title_before_the_name_after_an_opening_phrase() {
    let acc = analyze(
        "Fine\n\nRegulators fined Norvik Systems on Tuesday. In a post on X, the company's \
         head of policy, Joel Ardent, wrote that the fine was unfair. Speaking to reporters \
         in Oslo, the regulator's director, Kari Lunde, said the case was closed.",
    );
    let s = named_speaker(&acc, "Joel Ardent");
    assert_eq!(s.titles, ["head of policy"], "{acc:#?}");
    assert_eq!(s.affiliations, ["Norvik Systems"], "{acc:#?}");
    let s = named_speaker(&acc, "Kari Lunde");
    assert_eq!(s.titles, ["director"], "{acc:#?}");
}

/// Regression: an age apposed before the title ("Mara Vell, 41, a portfolio
/// manager at Nordhaven Capital,") hid the title after it.
#[test]
fn an_age_before_an_apposed_title_is_skipped() {
    let acc = analyze(
        "Markets\n\n\"It's a rounding error,\" said Mara Vell, 41, a portfolio manager at \
         Nordhaven Capital. Tomas Reyes, 60, a doctor, said he was worried.",
    );
    let s = named_speaker(&acc, "Mara Vell");
    assert_eq!(
        s.titles,
        ["portfolio manager at Nordhaven Capital"],
        "{acc:#?}"
    );
    assert_eq!(s.affiliations, ["Nordhaven Capital"], "{acc:#?}");
    let s = named_speaker(&acc, "Tomas Reyes");
    assert_eq!(s.titles, ["doctor"], "{acc:#?}");
}
