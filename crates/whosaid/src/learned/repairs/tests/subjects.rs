//! Tests of the repairs that find a cue's subject (`repairs::sources::subjects`):
//! participles, coordinated verbs, passives' agents and the noun phrase a
//! relative clause describes.

use super::*;

/// The source `participle_subject` gives a sourceless attribution.
fn participle_source(text: &str, cue: &str, content: &str) -> Option<String> {
    let (cue, content) = (tokens_of(text, cue), tokens_of(text, content));
    repaired(text, None, cue, content, |cx, a| {
        participle_subject(cx, a, None)
    })
    .0
}

/// Regression: "Citing an unfounded theory, Trump accused …" and
/// "In 1986, the Supreme Court blocked …, citing a threat" left the
/// participle without a source (PolNeAR: the clause's subject).
#[test]
fn a_participle_takes_the_subject_of_its_clause() {
    let text = "Head.\n\nCiting an unfounded theory, Trump accused the senator's father.";
    let source = participle_source(text, "Citing", "an unfounded theory");
    assert_eq!(source.as_deref(), Some("Trump"));
    // The comma closing the clause inside the quote that ends it.
    let text = "Head.\n\nBemoaning the \"phony system,\" Trump accused the moderator of bias.";
    let source = participle_source(text, "Bemoaning", "the \"phony system,\"");
    assert_eq!(source.as_deref(), Some("Trump"));
    // After an opening adverbial, a lowercase subject.
    let text = "Head.\n\nIn 1986, the Supreme Court blocked the company from leaving, \
                citing a threat to public health.";
    let source = participle_source(text, "citing", "a threat to public health");
    assert_eq!(source.as_deref(), Some("the Supreme Court"));
    // After a preposition.
    let text = "Head.\n\nPolice charged Mr. Lewandowski last month after determining \
                that a video showed him.";
    let source = participle_source(text, "determining", "that a video showed him");
    assert_eq!(source.as_deref(), Some("Police"));
    // A fronted clause opened by a conjunction and a subordinator.
    let text = "Head.\n\nBut while denouncing the tax dodge, she praised the companies.";
    let source = participle_source(text, "denouncing", "the tax dodge");
    assert_eq!(source.as_deref(), Some("she"));
    // Past an aside between dashes.
    let text = "Head.\n\nMrs. Clinton -- whose husband signed the law -- has derided \
                the plan, suggesting that it is misguided.";
    let source = participle_source(text, "suggesting", "that it is misguided");
    assert_eq!(source.as_deref(), Some("Mrs. Clinton"));
    // Regression: "of" inside the subject was read as an opening
    // prepositional phrase, and the subject was looked for after it.
    let text = "Head.\n\nA group of authors filed a lawsuit on Tuesday, alleging that \
                the company used their books.";
    let source = participle_source(text, "alleging", "that the company used their books");
    assert_eq!(source.as_deref(), Some("A group of authors"));
    // Regression: after a comma inside the quotation it closes, or a dash.
    let text = "Head.\n\nGraham praised the plan on \"Morning Joe,\" adding that the \
                senator would lose.";
    let source = participle_source(text, "adding", "that the senator would lose");
    assert_eq!(source.as_deref(), Some("Graham"));
    let text = "Head.\n\nRubio flipped his choice on the spot \u{2013} saying he would \
                root for Carolina.";
    let source = participle_source(text, "saying", "he would root for Carolina");
    assert_eq!(source.as_deref(), Some("Rubio"));
    // A fronted clause holding commas of its own.
    let text = "Head.\n\nAfter thanking the crowd, which chanted his name, he touted \
                his campaign.";
    let source = participle_source(text, "thanking", "the crowd");
    assert_eq!(source.as_deref(), Some("he"));
    // "according to X" names its source after it.
    let text = "Head.\n\nClinton knew the video was unrelated, according to the emails.";
    let source = participle_source(text, "according to", "Clinton knew the video was unrelated");
    assert_eq!(source, None);
}

/// A time phrase before the verb is no subject; a source that names no
/// one gives way, one that does stays.
#[test]
fn a_participle_takes_no_time_phrase_for_its_subject() {
    let text = "Head.\n\nThe two chief rivals of Trump on Thursday night largely \
                abandoned their attacks, choosing instead to praise him.";
    assert_eq!(
        participle_source(text, "choosing instead", "to praise him"),
        None
    );
    // Regression: the noun phrase opening the clause before the time
    // phrase is the subject ("A federal judge on Thursday temporarily
    // blocked …, ruling that …" kept the tagger's source "A").
    let text = "Head.\n\nThe two senators on Thursday night largely abandoned their \
                attacks, choosing instead to praise him.";
    assert_eq!(
        participle_source(text, "choosing instead", "to praise him").as_deref(),
        Some("The two senators")
    );
    let text = "Head.\n\nWASHINGTON \u{2014} A federal judge on Thursday temporarily \
                blocked the layoffs, ruling that the cuts likely violated federal law.";
    let (cue, content) = (
        tokens_of(text, "ruling"),
        tokens_of(text, "that the cuts likely violated federal law"),
    );
    let article = tokens_of(text, "A federal").start..tokens_of(text, "A federal").start + 1;
    let (source, _) = repaired(text, Some(article), cue, content, |cx, a| {
        participle_subject(cx, a, None)
    });
    assert_eq!(source.as_deref(), Some("A federal judge"));
    // A source that names no one gives way.
    let text = "Head.\n\nThe real estate tycoon spoke in Iowa, calling them rapists.";
    let (cue, content) = (tokens_of(text, "calling"), tokens_of(text, "them rapists"));
    let determiner = tokens_of(text, "The");
    let (source, _) = repaired(text, Some(determiner), cue, content, |cx, a| {
        participle_subject(cx, a, None)
    });
    assert_eq!(source.as_deref(), Some("The real estate tycoon"));
    let text = "Head.\n\nTrump spoke to the leaders, promising to lift the rules.";
    let (cue, content) = (
        tokens_of(text, "promising"),
        tokens_of(text, "to lift the rules"),
    );
    let leaders = tokens_of(text, "the leaders");
    let (source, _) = repaired(text, Some(leaders), cue, content, |cx, a| {
        participle_subject(cx, a, None)
    });
    assert_eq!(source.as_deref(), Some("the leaders"));
    // Regression: a source ending in a preposition ("Mr. Obama on Syria
    // by") is no noun phrase and gives way to the clause's subject.
    let text = "Head.\n\nMrs. Clinton has gone further than Mr. Obama on Syria by \
                proposing a no-fly zone.";
    let (cue, content) = (
        tokens_of(text, "proposing"),
        tokens_of(text, "a no-fly zone"),
    );
    let wrong = tokens_of(text, "Mr. Obama on Syria by");
    let (source, _) = repaired(text, Some(wrong), cue, content, |cx, a| {
        participle_subject(cx, a, None)
    });
    assert_eq!(source.as_deref(), Some("Mrs. Clinton"));
    // Regression: a source running from the earlier cue's subject into its
    // predicate ("The teachers union welcomed the vote in a") gives way.
    let text = "Head.\n\nThe teachers union welcomed the vote in a statement, saying it \
                puts learning first.";
    let (cue, content) = (
        tokens_of(text, "saying"),
        tokens_of(text, "it puts learning first"),
    );
    let wrong = tokens_of(text, "The teachers union welcomed the vote in a");
    let (source, _) = repaired(text, Some(wrong), cue, content, |cx, a| {
        let earlier = cx.doc.tokens_of("The teachers union");
        participle_subject(cx, a, Some(earlier))
    });
    assert_eq!(source.as_deref(), Some("The teachers union"));
}

/// Regression: "“…,” Chaffetz said in a statement, adding that …" gave
/// "adding" the source "a" (of "in a statement"); the attribution before
/// it in the sentence names its speaker.
#[test]
fn a_participle_takes_the_source_of_the_cue_before_it() {
    let text = "Head.\n\n\"Deals are bad,\" Jason Chaffetz said in a statement, \
                adding that they were handed out.";
    let article = tokens_of(text, "a statement").start;
    let chaffetz = tokens_of(text, "Jason Chaffetz");
    let mut a = attribution(
        Some(article..article + 1),
        tokens_of(text, "adding"),
        tokens_of(text, "that they were handed out"),
    );
    in_context(text, |_, cx| {
        participle_subject(cx, &mut a, Some(chaffetz.clone()))
    });
    assert_eq!(a.source, Some(chaffetz.clone()));
    // Without the attribution before it, the subject of the clause.
    let mut a = attribution(
        None,
        tokens_of(text, "adding"),
        tokens_of(text, "that they were handed out"),
    );
    in_context(text, |_, cx| participle_subject(cx, &mut a, None));
    assert_eq!(a.source, Some(chaffetz));
}

/// "The official, | who was not authorized to speak, | said": a relative
/// clause closed by a comma before the cue is no source alone; "X, who
/// said" keeps "who" (the clause's own verb is the cue).
#[test]
fn a_closed_relative_clause_source_takes_its_noun_phrase() {
    let text = "Head.\n\nThe official, who was not authorized to speak, said talks had stalled.";
    let clause = tokens_of(text, "who was not authorized to speak,");
    let (source, _) = repaired(
        text,
        Some(clause),
        tokens_of(text, "said"),
        tokens_of(text, "talks had stalled"),
        source_with_its_antecedent,
    );
    assert_eq!(
        source.as_deref(),
        Some("The official, who was not authorized to speak,")
    );
    let text = "Head.\n\nThe official, who said talks had stalled, left.";
    let (source, _) = repaired(
        text,
        Some(tokens_of(text, "who")),
        tokens_of(text, "said"),
        tokens_of(text, "talks had stalled"),
        source_with_its_antecedent,
    );
    assert_eq!(source.as_deref(), Some("who"));
}

/// Regression: "Hillary Clinton slammed Barack Obama … and bragged about
/// her father …" left the second verb without a source (PolNeAR: the
/// subject the two verbs share); a verb after no conjunction gets none.
#[test]
fn a_coordinated_verb_shares_its_subject() {
    let shared = |text: &str| {
        let clinton = tokens_of(text, "Hillary Clinton");
        let mut a = attribution(
            None,
            tokens_of(text, "bragged about"),
            tokens_of(text, "her father teaching her to shoot"),
        );
        in_context(text, |_, cx| {
            coordinated_verb_subject(cx, &mut a, Some(clinton.clone()))
        });
        (a.source, clinton)
    };
    let (source, clinton) = shared(
        "Head.\n\nHillary Clinton slammed Barack Obama as elitist and then bragged \
         about her father teaching her to shoot.",
    );
    assert_eq!(source, Some(clinton));
    let (source, _) = shared(
        "Head.\n\nHillary Clinton slammed Barack Obama. Voters bragged about her \
         father teaching her to shoot.",
    );
    assert_eq!(source, None);
}

/// Phrases of function words and verbs name no speaker; a noun, pronoun,
/// quantifier or a capitalized word inside the sentence does.
#[test]
fn a_phrase_of_function_words_names_nothing() {
    let text = "Head.\n\nHowever, having heard the plan, some said that Mr. Jolly would be free.";
    in_context(text, |doc, cx| {
        let nothing = |needle: &str| names_nothing(cx, doc.tokens_of(needle));
        assert!(nothing("However"));
        assert!(nothing("having heard"));
        assert!(nothing("would be"));
        assert!(!nothing("some"));
        assert!(!nothing("the plan"));
        assert!(!nothing("Jolly"));
    });
}

/// Regression: "Last year, he played down … and reportedly argued that …"
/// gave the second cue the rules' fallback "Last": a time phrase names no
/// one, and a cue opening with an adverb still shares the subject of the
/// verb it is coordinated with.
#[test]
fn a_time_phrase_names_nothing_and_an_adverb_keeps_the_coordination() {
    let text = "Head.\n\nLast year, he played down the remarks and reportedly argued that \
                attacking the front-runner was a mistake on Wednesday.";
    in_context(text, |doc, cx| {
        let nothing = |needle: &str| names_nothing(cx, doc.tokens_of(needle));
        assert!(nothing("Last"));
        assert!(nothing("Last year"));
        assert!(nothing("on Wednesday"));
        assert!(!nothing("he"));
        assert!(!nothing("the remarks"));
        let he = doc.tokens_of("he");
        let mut a = attribution(
            None,
            doc.tokens_of("reportedly argued"),
            doc.tokens_of("that attacking the front-runner was a mistake"),
        );
        coordinated_verb_subject(cx, &mut a, Some(he.clone()));
        assert_eq!(a.source, Some(he));
    });
}

/// Regression: "Lawyers for the clinic, its owner, praised … but warned"
/// gave the second cue "Lawyers": coordinated cues share the whole subject.
#[test]
fn a_coordinated_cue_takes_the_whole_earlier_subject() {
    let text = "Head.\n\nLawyers for the clinic, its owner, praised the ruling but warned that \
                delays were likely.";
    in_context(text, |doc, cx| {
        let earlier = doc.tokens_of("Lawyers for the clinic, its owner,");
        let (cue, content) = (
            doc.tokens_of("warned"),
            doc.tokens_of("that delays were likely"),
        );
        let mut a = attribution(Some(doc.tokens_of("Lawyers")), cue, content);
        coordinated_verb_subject(cx, &mut a, Some(earlier.clone()));
        assert_eq!(a.source, Some(earlier));
    });
}

/// The agent of a passive cue is its speaker, in place of the subject;
/// "by" after an active verb ("said by phone") names no agent.
#[test]
fn a_passive_cue_takes_its_agent_as_source() {
    let agent = |text: &str, subject: &str, cue: &str, content: &str| {
        repaired_source(text, subject, cue, content, passive_agent_source)
    };
    let text = "Head.\n\nThe plan, which has been accused by the Turkish government of \
                hiding a coup, failed.";
    assert_eq!(
        agent(text, "which", "has been accused by", "of hiding a coup").as_deref(),
        Some("the Turkish government")
    );
    let text = "Head.\n\nThe plan was quickly dismissed by the media and voters as a stunt.";
    assert_eq!(
        agent(text, "The plan", "was quickly dismissed", "as a stunt").as_deref(),
        Some("the media and voters")
    );
    let text = "Head.\n\nThe senator said by phone that the plan was a stunt.";
    assert_eq!(
        agent(text, "The senator", "said", "that the plan was a stunt").as_deref(),
        Some("The senator")
    );
}

/// Regression: "he laid off more than 200 staffers and began talking about
/// …" had no attribution for the first verb to pass its source along: the
/// second verb takes the first one's subject when that subject opens the
/// sentence; inside a "that" clause the subject is left to the rules.
#[test]
fn a_coordinated_verb_finds_the_subject_of_the_first() {
    let subject = |text: &str| {
        repaired(
            text,
            None,
            tokens_of(text, "began talking about"),
            tokens_of(text, "what will happen next"),
            |cx, a| coordinated_verb_subject(cx, a, None),
        )
        .0
    };
    assert_eq!(
        subject(
            "Head.\n\nThe candidate laid off 200 staffers and began talking about what will \
             happen next."
        )
        .as_deref(),
        Some("The candidate")
    );
    assert_eq!(
        subject(
            "Head.\n\nThe aide said that he lied and began talking about what will happen next."
        ),
        None
    );
}

/// A sourceless cue after a closed relative clause takes the noun phrase
/// the clause describes; a cue after a plain comma does not.
#[test]
fn a_relative_clause_stands_between_subject_and_cue() {
    let subject = |text: &str| {
        repaired(
            text,
            None,
            tokens_of(text, "reiterated"),
            tokens_of(text, "his frustration over guns"),
            subject_before_a_relative_clause,
        )
        .0
    };
    assert_eq!(
        subject(
            "Head.\n\nThe president, who has denounced the attack as terrorism, reiterated his \
             frustration over guns."
        )
        .as_deref(),
        Some("The president")
    );
    assert_eq!(
        subject(
            "Head.\n\nThe mayor, whose city was hit by the attack, reiterated his frustration \
             over guns."
        )
        .as_deref(),
        Some("The mayor")
    );
    assert_eq!(
        subject("Head.\n\nAfter the attack in the city, reiterated his frustration over guns."),
        None
    );
}

/// Regression: "Meta Platforms, whose own AI assistant is also
/// unavailable in the EU, has accused regulators …" gave the statement to
/// the EU, the last noun phrase of the clause before the cue; a source
/// that opens the sentence is kept.
#[test]
fn a_source_inside_a_relative_clause_is_the_phrase_it_describes() {
    let source = |text: &str, source: &str| {
        repaired_source(
            text,
            source,
            "has accused",
            "regulators of stifling innovation",
            source_inside_a_relative_clause,
        )
    };
    let text = "Head.\n\nMeta Platforms, whose own assistant is also unavailable in the EU, has \
                accused regulators of stifling innovation.";
    assert_eq!(source(text, "the EU,").as_deref(), Some("Meta Platforms"));
    let text = "Head.\n\nIn Brussels, the company, which sells phones, has accused regulators \
                of stifling innovation.";
    assert_eq!(source(text, "phones,").as_deref(), Some("the company"));
    // No relative clause: the tagger's source stands.
    let text = "Head.\n\nLast week, in Brussels, the company has accused regulators of \
                stifling innovation.";
    assert_eq!(source(text, "the company").as_deref(), Some("the company"));
}

/// Regression: "Surety companies that had insured Patriot's reclamation
/// obligations agreed …" named the object of the relative clause as the
/// source (and the speaker "Patriot's reclamation obligations"); a source
/// after a comma closing the clause keeps its reading.
#[test]
fn the_object_of_a_relative_clause_is_not_the_source() {
    let source = |text: &str, source: &str, cue: &str, content: &str| {
        repaired_source(text, source, cue, content, source_is_an_object)
    };
    let text = "Head.\n\nSurety companies that had insured the mine's obligations agreed to \
                release the cash.";
    assert_eq!(
        source(
            text,
            "the mine's obligations",
            "agreed",
            "to release the cash"
        )
        .as_deref(),
        Some("Surety companies that had insured the mine's obligations")
    );
    let text = "Head.\n\nThe senator, who has run twice, has drawn huge crowds describing a \
                rigged economy.";
    assert_eq!(
        source(text, "huge crowds", "describing", "a rigged economy").as_deref(),
        Some("huge crowds")
    );
    // The clause set off by commas after a name ("Sanders, who …, has
    // endorsed"): the source is the name with its clause.
    let text = "Head.\n\nSanders, who recently launched a new group to promote progressives, \
                has endorsed a handful of candidates.";
    assert_eq!(
        source(
            text,
            "a new group to promote progressives,",
            "has endorsed",
            "a handful of candidates"
        )
        .as_deref(),
        Some("Sanders, who recently launched a new group to promote progressives,")
    );
}

/// Regression: "I'm told by two people familiar with the deliberations
/// that …" had the source "I'm": the contraction is one token, the
/// participle after it tagged a past tense, and "am" no form of "be". The
/// agent is the source, "familiar with" and all.
#[test]
fn a_first_person_passive_takes_its_agent() {
    let text = "Head.\n\nI'm told by two people familiar with the deliberations that \
                several officials pushed for a tougher statement.";
    let content = "that several officials pushed for a tougher statement";
    assert_eq!(
        repaired_source(text, "I'm", "told", content, passive_agent_source).as_deref(),
        Some("two people familiar with the deliberations")
    );
    let text = "Head.\n\nI am told by a senior official that the deal is close.";
    assert_eq!(
        repaired_source(
            text,
            "I",
            "am told",
            "that the deal is close",
            passive_agent_source
        )
        .as_deref(),
        Some("a senior official")
    );
    // Active: "I'm" is no passive's auxiliary before a verb it does not
    // precede.
    let text = "Head.\n\nI'm sure he told by phone that the deal is close.";
    assert_eq!(
        repaired_source(
            text,
            "he",
            "told",
            "that the deal is close",
            passive_agent_source
        )
        .as_deref(),
        Some("he")
    );
}

/// Regression: a participle's source that ran into a verb of its own
/// ("She has pushed back | calling", "Trump's swoon had Republicans |
/// wondering about") named its speaker "She has pushed back" or "Trump's
/// swoon"; it is the noun phrase before the verb, or the object of a
/// causative one. A relative clause's verb, an empty "it" and "according
/// to" keep theirs.
#[test]
fn a_source_holding_its_own_verb_is_cut_to_its_noun_phrase() {
    let pass: fn(&Context<'_>, &mut TokenAttribution) = |cx, a| participle_subject(cx, a, None);
    let text = "Head.\n\nShe has pushed back against the charge, calling him a feminist.";
    let source = repaired_source(
        text,
        "She has pushed back",
        "calling",
        "him a feminist",
        pass,
    );
    assert_eq!(source.as_deref(), Some("She"));
    let text = "Head.\n\nThe late swoon had Republicans wondering about his health.";
    let source = repaired_source(
        text,
        "The late swoon had Republicans",
        "wondering about",
        "his health",
        pass,
    );
    assert_eq!(source.as_deref(), Some("Republicans"));
    let text = "Head.\n\nIt is worth noting that the plan failed.";
    let source = repaired_source(text, "It is worth", "noting", "that the plan failed", pass);
    assert_eq!(source.as_deref(), Some("It is worth"));
    let text = "Head.\n\nThe tax would curb investors, according to a speech Mrs. Clinton \
                delivered in July.";
    let source = repaired_source(
        text,
        "a speech Mrs. Clinton delivered in July",
        "according to",
        "The tax would curb investors",
        pass,
    );
    assert_eq!(
        source.as_deref(),
        Some("a speech Mrs. Clinton delivered in July")
    );
}

/// Regression: "Sanders himself, who was not at the rally, has toned down
/// his criticism, shifting …" gave the participle the source "has toned
/// down his"; the subject ends before the comma opening the aside. A place
/// set off by commas is no aside: "families in Newtown, Connecticut, have
/// filed" gives no "Newtown".
#[test]
fn a_participle_subject_is_found_past_an_aside_between_commas() {
    let pass: fn(&Context<'_>, &mut TokenAttribution) = |cx, a| participle_subject(cx, a, None);
    let text = "Head.\n\nSanders himself, who was not at the rally, has toned down his \
                criticism, shifting his focus to Trump.";
    let source = repaired_source(
        text,
        "has toned down his",
        "shifting his focus to",
        "Trump",
        pass,
    );
    assert_eq!(source.as_deref(), Some("Sanders himself"));
    let text = "Head.\n\nA number of families in Newtown, Connecticut, have filed a \
                lawsuit, alleging that the ads inspired him.";
    let source = participle_source(text, "alleging", "that the ads inspired him");
    assert_ne!(source.as_deref(), Some("Newtown"));
}
