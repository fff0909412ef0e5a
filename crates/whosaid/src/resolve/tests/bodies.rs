//! Bodies: the body a description refers back to ("the company", "the
//! agency", "the group"), and bodies named by phrases with prepositions
//! inside ("Doctors Without Borders", "the Roper Center for Public Opinion
//! Research").

use super::*;

/// Regression: "Doctors Without Borders" was a group of doctors and
/// "Americans for Prosperity" a group affiliated with "Prosperity", the
/// body "the group" then referred to. A plural phrase with a preposition
/// of purpose and a capitalized object that names no one is one body's
/// name, whole, and "the group" after it is that body.
#[test]
fn a_body_named_by_a_plural_phrase_is_one_organization() {
    let acc = analyze(
        "Aid groups warn\n\nDoctors Without Borders said its hospital in Gaza had been hit \
         twice. The group said it would stay.\n\nAmericans for Prosperity said it would spend \
         $10 million on the race. The group said the money would go to ads.",
    );
    for (source, name) in [
        ("Doctors Without Borders", "Doctors Without Borders"),
        ("Americans for Prosperity", "Americans for Prosperity"),
    ] {
        let speaker = speaker_of_source(&acc, source).expect("a speaker");
        assert_eq!(speaker.name, name, "{acc:#?}");
        assert_eq!(speaker.kind, SpeakerKind::Organization, "{acc:#?}");
        assert!(speaker.affiliations.is_empty(), "{acc:#?}");
    }
    let the_group: Vec<&str> = acc
        .attributions
        .iter()
        .filter(|a| a.attribution.source.iter().any(|s| s.text == "The group"))
        .map(|a| acc.speakers[a.speaker.expect("a speaker")].name.as_str())
        .collect();
    assert_eq!(
        the_group,
        ["Doctors Without Borders", "Americans for Prosperity"],
        "{acc:#?}"
    );
}

/// People acting for someone keep being those people: "Lawyers for
/// Harvard" are a group affiliated with Harvard.
#[test]
fn people_acting_for_a_body_are_no_body() {
    let acc = analyze(
        "Court fight\n\nLawyers for Harvard said the university would appeal the ruling \
         next week.",
    );
    let speaker = speaker_of_source(&acc, "Lawyers for Harvard").expect("a speaker");
    assert_eq!(speaker.kind, SpeakerKind::Group, "{acc:#?}");
    assert_eq!(speaker.affiliations, ["Harvard"], "{acc:#?}");
}

/// Regression: "according to the Roper Center for Public Opinion
/// Research" was read as a piece of research and given to its author,
/// the outlet of the poll named before. A document noun after a
/// preposition inside a name is the name's word.
#[test]
fn a_document_noun_inside_a_name_is_no_document() {
    let name = speaker_name(
        "Poll: wealthy voters\n\nA Bloomberg poll shows Clinton ahead among voters who earn \
         more.\n\nBloomberg reports that the Republican nominee has won among the group, \
         according to the Roper Center for Public Opinion Research.",
        "the Roper Center for Public Opinion Research",
    );
    assert_eq!(name, "Roper Center for Public Opinion Research");
}

/// "The company" after the World Health Organization is another body:
/// a membership body's name ("… Organization", "… League") is no company.
#[test]
fn the_company_is_no_membership_body() {
    let acc = analyze(
        "Diet\n\nThe World Health Organization said on Monday that sugar was harmful.\n\n\
         The company said it would cut sugar in its drinks.",
    );
    let s = speaker_of_source(&acc, "The company").expect("a speaker");
    assert_ne!(s.name, "World Health Organization", "{acc:#?}");
}

/// Regression: "The national financial prosecutor's office said" after
/// "told France Info radio" became France Info: a body a person owns is
/// its own, and a public body never an outlet.
#[test]
fn a_prosecutors_office_is_no_earlier_outlet() {
    let text = "Fraud\n\nHis lawyer, Claire Dubois, told France Info radio that her client \
                would fight.\n\nThe national financial prosecutor's office said in a \
                statement that he was suspected of hiding money.\n\nThe office said it \
                would appeal.";
    let acc = analyze(text);
    for source in ["The national financial prosecutor's office", "The office"] {
        let s = speaker_of_source(&acc, source).expect("a speaker");
        assert_ne!(s.name, "France Info", "{source}: {acc:#?}");
    }
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

#[test]
fn a_kind_of_body_refers_back_to_the_body_named() {
    let name = speaker_name(
        "Leave\n\nThe Association of Tram Drivers endorsed the plan on Monday.\n\n\
         The union said the plan would protect its members.",
        "The union",
    );
    assert_eq!(name, "Association of Tram Drivers");
}

/// A noun for one kind of body never refers to a body of the other kind
/// ("The company said" after a commission, "The agency" after "Corp."):
/// the speaker stays unresolved rather than the wrong body.
#[test]
fn a_business_noun_never_refers_to_a_public_body() {
    let acc = analyze(
        "Fine\n\nThe Data Protection Commission said on Monday that it had fined the \
         firm.\n\nThe company said it would appeal the decision.",
    );
    let s = speaker_of_source(&acc, "The company").expect("a speaker");
    assert!(!s.name.contains("Commission"), "{}", s.name);
    let acc = analyze(
        "Ruling\n\nAcme Corp. said on Monday that it would comply.\n\nThe agency declined \
         to comment further.",
    );
    let s = speaker_of_source(&acc, "The agency").expect("a speaker");
    assert!(!s.name.contains("Acme"), "{}", s.name);
    // Of the same kind, the body is the referent.
    let acc = analyze(
        "Ruling\n\nAcme Corp. said on Monday that it would comply.\n\nThe company said \
         it would appeal the decision.",
    );
    let s = speaker_of_source(&acc, "The company").expect("a speaker");
    assert_eq!(s.name, "Acme Corp.");
}

/// Regression: in "The Irish Data Protection Commission fined Nexora
/// Semiconductor …, the regulator said", the regulator was the company
/// named last: a name ending in a trade word ("Semiconductor") is a
/// business's, which no public body's description crosses to.
#[test]
fn the_regulator_is_no_company_named_by_its_trade() {
    let acc = analyze(
        "Fine\n\nThe Irish Data Protection Commission on Thursday fined Nexora Semiconductor \
         310 million euros for moving data to the United States, the regulator said.",
    );
    let s = speaker_of_source(&acc, "the regulator").expect("a speaker");
    assert_eq!(s.name, "Irish Data Protection Commission", "{acc:#?}");
}

/// "Stellantis said …. The company said …": a brand the entity tagger does
/// not know is typed a person; "the company" right after it is that
/// speaker, now an organization. A one-word speaker a gender or a title
/// marks as a person stays one, and "the company" then stays unnamed.
#[test]
fn the_company_after_a_brand_typed_a_person_is_that_brand() {
    let acc = analyze(
        "Carmakers cut jobs\n\nStellantis said it would cut 1,000 jobs in Italy. The company \
         said demand had fallen.",
    );
    let brand = speaker_of_source(&acc, "Stellantis").expect("a speaker");
    assert_eq!(brand.kind, SpeakerKind::Organization, "{acc:#?}");
    let company = speaker_of_source(&acc, "The company").expect("a speaker");
    assert_eq!(company.name, "Stellantis");
    let acc = analyze(
        "Carmakers cut jobs\n\nMr. Marchionne said he would cut 1,000 jobs in Italy. The \
         company said demand had fallen.",
    );
    let company = speaker_of_source(&acc, "The company").expect("a speaker");
    assert_eq!(company.name, "The company");
}

/// Regression: a body described with a place as owner ("the city's health
/// agency") was the latest public body named (the city council); the
/// place's body is one of its own, as a person's is ("the governor's
/// office"). Without an owner, "the agency" still refers back.
#[test]
fn a_place_owned_body_is_not_the_latest_body() {
    let acc = analyze(
        "Rents\n\nThe Springfield City Council voted on Tuesday to approve the plan.\n\n\
         According to the city's health agency, asthma cases rose 8% last year.\n\n\
         The Federal Housing Agency approved the loans. The agency said rents would fall.",
    );
    let owned = speaker_of_source(&acc, "the city's health agency").expect("a speaker");
    assert_eq!(owned.name, "the city's health agency", "{acc:#?}");
    let the_agency = speaker_of_source(&acc, "The agency").expect("a speaker");
    assert_eq!(the_agency.name, "Federal Housing Agency", "{acc:#?}");
}

/// Regression: "according to a statement from the company" spoke as the
/// unnamed "a statement from the company": a document "by" or "from" a
/// description of a body is the body's (the one the description refers
/// to), but not one from an event ("reports from the convention").
#[test]
fn a_document_from_a_described_body_is_the_bodys() {
    let acc = analyze(
        "Storm\n\nDelta Air Lines canceled 1,200 flights on Thursday, according to a \
         statement from the company.\n\nThe Republican National Convention opened on Monday. \
         Delegates were angry, according to reports from the convention.",
    );
    let statement = speaker_of_source(&acc, "a statement from the company").expect("a speaker");
    assert_eq!(statement.name, "Delta Air Lines", "{acc:#?}");
    let reports = speaker_of_source(&acc, "reports from the convention").expect("a speaker");
    assert_ne!(reports.name, "Republican National Convention", "{acc:#?}");
}

/// Regression: a law the entity tagger read as an organization ("the
/// Clean Air Act") was the latest body, which "The organization" then
/// referred to; laws and treaties are no bodies.
#[test]
fn a_law_is_no_body_a_description_refers_to() {
    let text = "Rules\n\nThe Sierra Club, an environmental organization, sued under the Clean \
         Air Act on Monday. The organization said the rules were too weak.";
    assert_eq!(speaker_name(text, "The organization"), "Sierra Club");
}

/// A name the entity tagger left out, described by an apposition headed
/// by a body noun ("Wealth-X, a private company that …", "…, a trade
/// association representing …"), is an organization: the title before it
/// names it as the speaker's affiliation.
#[test]
fn an_untagged_name_with_a_body_apposition_is_an_organization() {
    let acc = analyze(
        "Lists\n\n\"The lists are hard,\" said David Friedman, president of Wealth-X, a \
         private company that tracks billionaires.",
    );
    let s = named_speaker(&acc, "David Friedman");
    assert_eq!(s.affiliations, ["Wealth-X"], "{acc:#?}");
    // A present participle after the body noun closes the apposition too.
    let acc = analyze(
        "Lists\n\n\"The lists are hard,\" said David Friedman, president of Wealth-X, a \
         private company tracking billionaires.",
    );
    let s = named_speaker(&acc, "David Friedman");
    assert_eq!(s.affiliations, ["Wealth-X"], "{acc:#?}");
}

/// "The Swiss company", "the Basel-based drugmaker": an origin before a
/// business noun describes the business named before (it had been a
/// speaker of its own, "The Swiss company"), whether the tagger typed the
/// brand an organization or a person; a public body so described is the
/// place's own ("the German government" is not the latest body named).
#[test]
fn an_origin_before_a_business_noun_refers_back() {
    for (brand, description) in [
        ("Pfizer", "The Swiss company"),
        ("Novartis", "The Swiss company"),
        ("Novartis", "The Basel-based drugmaker"),
    ] {
        let acc = analyze(&format!(
            "Drug trial\n\n{brand} said on Monday that its pill reduced the risk of heart \
             attacks.\n\n{description} said it would seek approval next year.\n"
        ));
        let s = speaker_of_source(&acc, description).expect("a speaker");
        assert_eq!(s.name, brand, "{acc:#?}");
        assert_eq!(s.kind, SpeakerKind::Organization);
    }
    let acc = analyze(
        "Coal talks\n\nThe Coal Council said on Monday that prices would rise.\n\n\
         The German government said it would close the mines.\n",
    );
    let s = speaker_of_source(&acc, "The German government").expect("a speaker");
    assert_ne!(s.name, "Coal Council", "{acc:#?}");
}

/// "The company" after a brand an earlier description made an
/// organization is the brand again, not a hospital or a university named
/// in between ("a cardiologist at the Cleveland Clinic"): a place of
/// teaching or care is no business.
#[test]
fn the_company_skips_a_clinic_and_finds_the_brand() {
    let acc = analyze(
        "Drug trial\n\nNovartis said on Monday that its pill reduced the risk of heart \
         attacks.\n\nThe Swiss company plans to seek approval next year.\n\nDr. Steven \
         Nissen, a cardiologist at the Cleveland Clinic, said the results were meaningful.\n\n\
         The company did not disclose how much it expects to charge for the drug.\n",
    );
    let s = speaker_of_source(&acc, "The company").expect("a speaker");
    assert_eq!(s.name, "Novartis", "{acc:#?}");
}

/// A headline's bare business noun ("Drugmaker says …") is the first
/// business that speaks by its name in the opening paragraphs; "A
/// drugmaker says" is someone new.
#[test]
fn a_headline_business_noun_is_the_business_that_speaks_first() {
    for brand in ["Pfizer", "Novartis"] {
        let acc = analyze(&format!(
            "Drugmaker says pill cut heart attack risk\n\nDr. Ann Lee, a cardiologist, said \
             the trial was large.\n\n{brand} said on Monday that its pill reduced the risk.\n"
        ));
        let s = speaker_of_source(&acc, "Drugmaker").expect("a speaker");
        assert_eq!(s.name, brand, "{acc:#?}");
        assert_eq!(s.kind, SpeakerKind::Organization);
    }
    let acc = analyze(
        "A drugmaker says pill cut heart attack risk\n\nPfizer said on Monday that its pill \
         reduced the risk.\n",
    );
    let s = speaker_of_source(&acc, "A drugmaker").expect("a speaker");
    assert_ne!(s.name, "Pfizer", "{acc:#?}");
}

/// "Netflix will raise prices, the company announced": a name the tagger
/// left out, opening a sentence a business's description closes as its
/// speaker, is that business; a description later ("The streaming giant")
/// refers to it. A person named so stays a person.
#[test]
fn a_name_opening_what_the_company_says_is_the_company() {
    let acc = analyze(
        "Streaming prices\n\nNetflix will raise the price of its standard plan by $2 a month \
         in the United States, the company announced on Tuesday, the second increase this \
         year.\n\nThe streaming giant said the higher prices would pay for new shows.\n\n\
         Shares of Netflix rose 3%.\n",
    );
    for source in ["the company", "The streaming giant"] {
        let s = speaker_of_source(&acc, source).expect("a speaker");
        assert_eq!(s.name, "Netflix", "{acc:#?}");
        assert_eq!(s.kind, SpeakerKind::Organization);
    }
    let acc = analyze(
        "Leadership\n\nJane Roe will step down as chief executive in March, the company said \
         on Tuesday.\n",
    );
    let s = speaker_of_source(&acc, "the company").expect("a speaker");
    assert_ne!(s.name, "Jane Roe", "{acc:#?}");
}

/// "The British Medical Association said …. Its chair, Dr. Tom Dolphin,
/// warned": the body "its" refers to is the affiliation (an honorific
/// after the comma had hidden the title too); a place after "in" is none
/// ("the host committee for the gathering in Cleveland").
#[test]
fn its_before_a_title_is_the_body_named_before() {
    let acc = analyze(
        "Health\n\nThe British Medical Association said the targets were unrealistic. Its \
         chair, Dr. Tom Dolphin, warned that hospitals were full.\n\nThe host committee for \
         the convention in Cleveland has raised $50 million, David Gilbert, its president, \
         said.\n",
    );
    let dolphin = named_speaker(&acc, "Tom Dolphin");
    assert_eq!(dolphin.titles, ["chair"], "{acc:#?}");
    assert_eq!(
        dolphin.affiliations,
        ["British Medical Association"],
        "{acc:#?}"
    );
    let gilbert = named_speaker(&acc, "David Gilbert");
    assert!(
        !gilbert.affiliations.iter().any(|a| a == "Cleveland"),
        "{acc:#?}"
    );
}

/// Regression: "NetChoice, a trade group that counts Meta and Google among
/// its members, had sued. Its litigation director, Chris Marchese," was
/// affiliated with Google, the latest body named: the subject of that
/// sentence comes first.
#[test]
fn its_before_a_title_is_the_subject_before_later_bodies() {
    let acc = analyze(
        "Ruling\n\nA federal judge blocked the law on Friday.\n\nNetChoice, a trade group \
         that counts Meta and Google among its members, had sued to stop the law. Its \
         litigation director, Chris Marchese, said the ruling was a win.\n",
    );
    let marchese = named_speaker(&acc, "Chris Marchese");
    assert_eq!(marchese.affiliations, ["NetChoice"], "{acc:#?}");
}

/// Regression: "Ukraine's air force said …. Its spokesman, Yuriy Ihnat,"
/// had no affiliation (the tagger named no body there, and "its" went
/// back to an organization two sentences before): a name's possessive
/// with a noun for a body after it is the body.
#[test]
fn its_after_a_possessive_body_is_that_body() {
    let acc = analyze(
        "Strike\n\nJane Smith, an analyst at Bernstein Research, said the stock was cheap.\n\n\
         Ukraine's air force said it had shot down 18 missiles. Its spokesman, Yuriy Ihnat, \
         said the missiles were hard to intercept.\n",
    );
    let ihnat = named_speaker(&acc, "Yuriy Ihnat");
    assert_eq!(ihnat.affiliations, ["Ukraine's air force"], "{acc:#?}");
}

/// Regression: "The Hudson Valley Farmland Trust, a nonprofit …" was the
/// person "Trust" (the tagger read a place, an untagged word and a
/// person), so "The group's executive director" was affiliated with the
/// company named before. "Trust" (and "Fund") head organizations' names
/// like "Foundation" does, and the repairs make the name whole.
#[test]
fn a_trusts_whole_name_and_its_director() {
    let acc = analyze(
        "Farms\n\nDeveloper Summit Logistics says the project would bring 400 jobs.\n\n\
         The Hudson Valley Farmland Trust, a nonprofit that preserves farmland, opposes the \
         plan. The group's executive director, Linda Cho, said the soil was good.\n",
    );
    let cho = named_speaker(&acc, "Linda Cho");
    assert_eq!(
        cho.affiliations,
        ["Hudson Valley Farmland Trust"],
        "{acc:#?}"
    );
    let acc = analyze(
        "Farms\n\nThe Hudson Valley Farmland Trust, a nonprofit that preserves farmland, \
         opposes the plan. The group said the land was good.\n",
    );
    let trust = speaker_of_source(&acc, "The group").expect("a speaker");
    assert_eq!(trust.name, "Hudson Valley Farmland Trust", "{acc:#?}");
}

/// Regression: a noun describing a business opening the sentence before
/// its name ("Retailer Walmart said", "Broadcaster CNN said") was read as
/// a person's first name ("Retailer Walmart", a person).
#[test]
fn a_describing_noun_opening_the_sentence_is_no_part_of_the_name() {
    let acc = analyze(
        "Markets\n\nRetailer Walmart said sales rose in the quarter.\n\nAutomaker Ford said \
         production would resume.\n\nBroadcaster CNN said the interview would air Sunday.",
    );
    for (source, name) in [
        ("Retailer Walmart", "Walmart"),
        ("Automaker Ford", "Ford"),
        ("Broadcaster CNN", "CNN"),
    ] {
        let speaker = speaker_of_source(&acc, source).expect("a speaker");
        assert_eq!(speaker.name, name, "{acc:#?}");
        assert_ne!(speaker.kind, SpeakerKind::Person, "{acc:#?}");
    }
}

/// Regression: "Israel's military said" had no speaker (the tagger reads
/// "military" as an adjective, and a phrase with no noun named no one),
/// "The Israeli military" was a body named "Israeli", and "The military"
/// after either was a body of its own rather than the one named before.
#[test]
fn an_armed_force_described_by_its_country_speaks_and_is_referred_back_to() {
    for (text, first) in [
        (
            "Strikes\n\nIsrael's military said it was examining the remains. The military \
             later said the strike hit a weapons depot.",
            "Israel's military",
        ),
        (
            "Strikes\n\nThe Israeli military said it was examining the remains. The military \
             later said the strike hit a weapons depot.",
            "The Israeli military",
        ),
    ] {
        let acc = analyze(text);
        for source in [first, "The military"] {
            let s = speaker_of_source(&acc, source).expect("a speaker");
            assert_eq!(s.name, first, "{acc:#?}");
            assert_eq!(s.kind, SpeakerKind::Organization, "{acc:#?}");
        }
    }
}

/// Regression: "Police in Minneapolis said" had the speaker "Minneapolis",
/// the place named last in the source rather than its force.
#[test]
fn police_in_a_place_are_that_place_s_police() {
    let acc = analyze(
        "Shooting\n\nPolice in Minneapolis said a gunman opened fire during a morning Mass on \
         Wednesday.",
    );
    let s = speaker_of_source(&acc, "Police in Minneapolis").expect("a speaker");
    assert_eq!(s.name, "Minneapolis police", "{acc:#?}");
    assert_eq!(s.kind, SpeakerKind::Organization, "{acc:#?}");
}

/// Regression: "Amazon.com Inc. said" had the speaker "Inc.": the tokenizer
/// splits a web name at its dot, and the legal form took no lowercase
/// "com" before it. The name is whole, and "Amazon.com" alone is the same
/// company.
#[test]
fn a_company_named_by_its_web_domain_keeps_its_name() {
    let acc = analyze(
        "Cuts\n\nAmazon.com Inc. said on Thursday it would cut 14,000 corporate jobs. \
         Amazon.com later said the cuts were final.",
    );
    for source in ["Amazon.com Inc.", "Amazon.com"] {
        let s = speaker_of_source(&acc, source).expect("a speaker");
        assert_eq!(s.name, "Amazon.com Inc.", "{acc:#?}");
        assert_eq!(s.kind, SpeakerKind::Organization, "{acc:#?}");
    }
}

/// Regression: "The agency estimated" after the World Health Organization
/// and the Democratic Republic of Congo was the country (the last body
/// named, the tagger typing it an organization), and the organization
/// was no agency by its kind. International organizations are agencies
/// too; a state is only "the government".
#[test]
fn the_agency_is_no_state_and_may_be_an_international_body() {
    let acc = analyze(
        "Mpox spreads\n\nThe World Health Organization warned on Tuesday that cases of \
         mpox were rising.\n\nHealth officials in the Democratic Republic of Congo said \
         more than 500 people had died this year. The agency estimated that only a third \
         of cases were being tested.",
    );
    let agency = speaker_of_source(&acc, "The agency").expect("a speaker");
    assert_eq!(agency.name, "World Health Organization", "{acc:#?}");
}

/// Regression: the tagger left "OpenAI" out (a camel-case name opening a
/// sentence), so "its chief executive" had no body to belong to. A name
/// written in camel case is a body's.
#[test]
fn a_camel_case_name_is_a_body_that_its_titles_belong_to() {
    let acc = analyze(
        "Funding\n\nOpenAI said on Monday it had raised $6.6 billion. Sam Altman, its \
         chief executive, said the money would fund research.",
    );
    let company = speaker_of_source(&acc, "OpenAI").expect("a speaker");
    assert_eq!(company.kind, SpeakerKind::Organization, "{acc:#?}");
    let altman = named_speaker(&acc, "Sam Altman");
    assert_eq!(altman.affiliations, ["OpenAI"], "{acc:#?}");
}

/// Regression: "Hamas said on Monday …" was a person called Hamas beside
/// the organization of the headline's "Hamas says". A one-word name the
/// tagger typed a person, which no person of the article holds, is the
/// organization the tagger typed it standing alone as often ("Northwind
/// said" after "Northwind Airlines" joined the company before).
#[test]
fn a_bare_word_no_person_holds_is_the_organization_named_by_it() {
    let acc = analyze(
        "Hamas says it has accepted ceasefire proposal\n\nHamas said on Monday it had accepted \
         a ceasefire proposal put forward by Egyptian and Qatari mediators, but Israel said the \
         terms were far from its demands.\n\nShares of Northwind Airlines fell 4 percent. \
         Northwind said the strike would not affect holiday flights.",
    );
    let hamas: Vec<&Speaker> = acc
        .attributions
        .iter()
        .filter(|a| a.attribution.source.iter().any(|s| s.text == "Hamas"))
        .map(|a| speaker(&acc, a))
        .collect();
    assert_eq!(hamas.len(), 2, "{acc:#?}");
    for s in hamas {
        assert_eq!(s.name, "Hamas", "{acc:#?}");
        assert_eq!(s.kind, SpeakerKind::Organization, "{acc:#?}");
    }
    let northwind = speaker_of_source(&acc, "Northwind").expect("a speaker");
    assert_eq!(northwind.name, "Northwind Airlines", "{acc:#?}");
}

/// Regression: "Goldman said in a note" after "Goldman Sachs" was a person
/// called Goldman. A bare word no person holds, which opens the name of one
/// organization, is that organization.
#[test]
fn a_bare_word_opening_one_organization_name_is_that_organization() {
    let acc = analyze(
        "Forecast raised\n\nGoldman Sachs raised its forecast on Tuesday. \"The labor market \
         remains resilient,\" Goldman said in a note to clients.",
    );
    let goldman = speaker_of_source(&acc, "Goldman").expect("a speaker");
    assert_eq!(goldman.name, "Goldman Sachs", "{acc:#?}");
    assert_eq!(goldman.kind, SpeakerKind::Organization, "{acc:#?}");
}

/// A word the tagger typed a person with a capitalized word after it is a
/// piece of a longer name, not a body's short name ("Clark County Sheriff
/// Joe Lombardo" was affiliated with "the Clark County Coroner's Office").
#[test]
fn a_piece_of_a_longer_name_is_no_short_name_of_a_body() {
    let acc = analyze(
        "Crash\n\n\"The videos obviously show intention,\" Clark County Sheriff Joe Lombardo \
         said at a news conference Monday. The Clark County Coroner's Office identified the \
         person killed.",
    );
    let sheriff = named_speaker(&acc, "Joe Lombardo");
    assert!(
        !sheriff.affiliations.iter().any(|a| a.contains("Coroner")),
        "{acc:#?}"
    );
}

/// Regression: "Pilots at Northwind Airlines" was read as a place, so
/// "Northwind said" was a person and "A spokesperson for the airline"
/// belonged to no one. A place's name never ends in a trade word.
#[test]
fn a_place_named_with_a_trade_word_is_a_company() {
    let acc = analyze(
        "Strike vote\n\nPilots at Northwind Airlines voted to authorize a strike on Monday. \
         Northwind said it was disappointed by the vote. A spokesperson for the airline said \
         flights would operate as scheduled.",
    );
    let northwind = speaker_of_source(&acc, "Northwind").expect("a speaker");
    assert_eq!(northwind.name, "Northwind Airlines", "{acc:#?}");
    let spokesperson =
        speaker_of_source(&acc, "A spokesperson for the airline").expect("a speaker");
    assert_eq!(
        spokesperson.affiliations,
        ["Northwind Airlines"],
        "{acc:#?}"
    );
}

/// The tagger types a possessive or a modifier an organization as often
/// as not ("the Trump campaign", "a Trump supporter", "Oz's"): those do
/// not outvote the word standing alone as a person.
#[test]
fn possessives_and_modifiers_leave_a_bare_surname_a_person() {
    let acc = analyze(
        "Clinton faces new questions\n\nMike Pence said in a statement released by the Trump \
         campaign the report merits scrutiny. Earlier in the week, Trump called for a special \
         prosecutor to investigate. Alabama Sen. Jeff Sessions, a prominent Trump supporter, \
         said the accusations were serious.",
    );
    let trump = speaker_of_source(&acc, "Trump").expect("a speaker");
    assert_eq!(trump.kind, SpeakerKind::Person, "{acc:#?}");
}

/// Regression: "The union of autoworkers said …" right after the Fed was
/// named was the Fed. A phrase after a description's head that names its
/// members brings in a body of its own, unless a name holds them.
#[test]
fn a_description_with_its_members_after_the_head_is_a_body_of_its_own() {
    let acc = analyze(
        "Rates on hold\n\nEconomists said the Federal Reserve was being too cautious. The union \
         of autoworkers said higher rates were hurting its members.",
    );
    let union = speaker_of_source(&acc, "The union of autoworkers").expect("a speaker");
    assert_ne!(union.name, "Federal Reserve", "{acc:#?}");
}

/// Regression: "Ohio Right to Life called it …" was spoken by "Ohio" (the
/// tagger typed the name's pieces a place and an organization), "Save
/// the Children warned …" by "Children". A name of capitalized words
/// joined by "to", "the" or "for", opening its sentence before its verb,
/// is one organization; a conjunction opening the sentence is no part of
/// the name ("After the Supreme Court …").
#[test]
fn a_name_with_a_small_word_inside_is_one_organization() {
    let acc = analyze(
        "Court blocks ban\n\nAnti-abortion groups condemned the ruling. Ohio Right to Life \
         called it \"judicial activism at its worst.\"\n\nSave the Children warned that aid \
         deliveries had fallen.",
    );
    for name in ["Ohio Right to Life", "Save the Children"] {
        let speaker = speaker_of_source(&acc, name).expect("a speaker");
        assert_eq!(speaker.name, name, "{acc:#?}");
        assert_eq!(speaker.kind, SpeakerKind::Organization, "{acc:#?}");
    }
    let acc = analyze(
        "Court rules\n\nThe Supreme Court heard the case in May. After the Supreme Court \
         ruled, the Supreme Court said the law stood.",
    );
    assert!(
        acc.speakers.iter().all(|s| !s.name.starts_with("After")),
        "{acc:#?}"
    );
}

/// Regression: "U.S. District Judge Robert Pitman wrote …. The state had
/// argued" had the speaker "U.S.": a place in a title before a name is
/// whose the office is, not the state the story is about, which is looked
/// for two sentences back ("a Texas law").
#[test]
fn the_state_is_no_place_in_a_title() {
    let text = "Law\n\nA federal judge blocked a Texas law on Friday. U.S. District Judge \
                Robert Pitman wrote that the law was too broad. The state had argued that \
                the measure was needed.";
    assert_eq!(speaker_with_source(text, "The", "had"), "Texas");
}

/// Regression: "A senior Hamas official told Reuters …. The United
/// Nations' humanitarian office said" had the speaker Hamas, the latest
/// body named: a description with a named owner ("Nations'", its
/// apostrophe a token of its own before the space) is a body of its own.
#[test]
fn a_description_with_a_named_owner_is_no_body_named_before() {
    for owner in ["United Nations'", "World Health Organization's"] {
        let text = format!(
            "Truce\n\nA senior Hamas official told Reuters the group was ready.\n\nThe \
             {owner} humanitarian office said only a fraction of the supplies had entered."
        );
        let speaker = speaker_with_source(&text, "The", "said");
        assert_ne!(speaker, "Hamas", "{owner}");
        assert!(speaker.contains("office"), "{owner}: {speaker}");
    }
}

/// Regression: "The Spanish Olive Oil Interprofessional … said" had the
/// speaker "Interprofessional": the entity tagger read "Spanish Olive" and
/// "Interprofessional" as organizations and "Oil" between them as a
/// person. One word between two pieces of a name, with nothing between
/// them, is a word of the name; so is a one-word name read as a person
/// before a trade word read as the body ("Allina Health" was "Health").
#[test]
fn a_word_read_as_a_person_between_two_pieces_of_a_body_is_the_bodys() {
    let acc = analyze(
        "Olives\n\nThe Spanish Olive Oil Interprofessional, which represents producers and \
         bottlers, said output could drop to about 850,000 tons.",
    );
    let speaker = speaker_of_source(
        &acc,
        "The Spanish Olive Oil Interprofessional, which represents producers and bottlers,",
    )
    .expect("a speaker");
    assert_eq!(
        speaker.name, "Spanish Olive Oil Interprofessional",
        "{acc:#?}"
    );
    assert_eq!(speaker.kind, SpeakerKind::Organization, "{acc:#?}");
    // A one-word name read as a person, then a trade word read as the
    // body: "Allina Health" was "Health".
    let acc = analyze(
        "Strike\n\nAllina Health, which runs two of the hospitals, said in a statement that \
         it was pleased to have reached an agreement.",
    );
    let speaker = speaker_of_source(&acc, "Allina Health, which runs two of the hospitals,")
        .expect("a speaker");
    assert_eq!(speaker.name, "Allina Health", "{acc:#?}");
    // Not before a capitalized word: a title's ("Clinton Communications
    // Director").
    let acc = analyze(
        "Debate\n\nHillary Clinton prepared for the debate. Clinton Communications Director \
         Jennifer Palmieri called the idea a \"ridiculous proposition.\"",
    );
    let s = named_speaker(&acc, "Jennifer Palmieri");
    assert!(
        !s.affiliations.iter().any(|a| a == "Clinton Communications"),
        "{acc:#?}"
    );
}

/// Regression: "the Chinese foreign ministry said" after the U.N. summit
/// was named resolved to the U.N. A nation's adjective before a public
/// body's noun says whose body it is: a body of its own where no name
/// has the word. A company described by its nation ("the Swiss
/// company") still refers back to the company named.
#[test]
fn a_nations_public_body_is_not_the_latest_body_named() {
    let text = "Head.\n\nNegotiators at the U.N. summit remained deadlocked on Friday. \
                The Chinese foreign ministry said rich countries bore responsibility.";
    let name = speaker_with_source(text, "The", "said");
    assert_ne!(name, "U.N.");
    assert!(name.contains("Chinese"), "{name}");
    let text = "Head.\n\nAcme Corp. cut its forecast on Friday. \
                The Swiss company said sales had slowed.";
    assert_eq!(speaker_with_source(text, "The", "said"), "Acme Corp.");
}
