//! Tests of the source repairs (`repairs::sources`).

use super::*;

/// Regression: "a wide array of black artists writing songs" was read
/// with the source "black artists", which named the group by a piece.
#[test]
fn a_source_takes_its_whole_noun_phrase() {
    // Head(0) .(1) Many(2) labor-policy(3) experts(4) said(5) the(6)
    // rule(7) was(8) weak(9) .(10)
    let text = "Head.\n\nMany labor-policy experts said the rule was weak.";
    let (source, _) = repaired(text, Some(4..5), 5..6, 6..10, whole_noun_phrase_source);
    assert_eq!(source.as_deref(), Some("Many labor-policy experts"));
    // Head(0) .(1) A(2) wide(3) array(4) of(5) black(6) artists(7)
    // wrote(8) songs(9) about(10) him(11) .(12)
    let text = "Head.\n\nA wide array of black artists wrote songs about him.";
    let (source, _) = repaired(text, Some(6..8), 8..9, 9..12, whole_noun_phrase_source);
    assert_eq!(source.as_deref(), Some("A wide array of black artists"));
    // Head(0) .(1) Last(2) week(3) officials(4) said(5) the(6) plan(7)
    // failed(8) .(9): a time before the noun is no part of it.
    let text = "Head.\n\nLast week officials said the plan failed.";
    let (source, _) = repaired(text, Some(4..5), 5..6, 6..9, whole_noun_phrase_source);
    assert_eq!(source.as_deref(), Some("officials"));
}

/// Regression: "has regularly angered prime ministers and members of
/// the government" was read with the source "prime ministers".
#[test]
fn a_source_keeps_its_last_conjunct() {
    // Head(0) .(1) He(2) angered(3) prime(4) ministers(5) and(6)
    // members(7) of(8) the(9) government(10) .(11)
    let text = "Head.\n\nHe angered prime ministers and members of the government.";
    let (source, _) = repaired(text, Some(4..6), 3..4, 2..3, source_with_its_conjunct);
    assert_eq!(
        source.as_deref(),
        Some("prime ministers and members of the government")
    );
    // Head(0) .(1) Officials(2) and(3) aides(4) said(5) it(6) failed(7)
    // .(8): up to the cue.
    let text = "Head.\n\nOfficials and aides said it failed.";
    let (source, _) = repaired(text, Some(2..3), 5..6, 6..8, source_with_its_conjunct);
    assert_eq!(source.as_deref(), Some("Officials and aides"));
    // … and(3) then(4) left(5): no noun phrase, no change.
    let text = "Head.\n\nOfficials and then aides said it failed.";
    let (source, _) = repaired(text, Some(2..3), 6..7, 7..9, source_with_its_conjunct);
    assert_eq!(source.as_deref(), Some("Officials"));
}

/// Regression: "regulators and advisers to Patriot didn't know" was
/// read with the source "Patriot", which became the speaker.
#[test]
fn a_source_is_never_only_the_object_of_its_head() {
    // Head(0) .(1) Regulators(2) and(3) advisers(4) to(5) Patriot(6)
    // doubted(7) the(8) plan(9) .(10)
    let text = "Head.\n\nRegulators and advisers to Patriot doubted the plan.";
    let (source, _) = repaired(text, Some(6..7), 7..8, 8..10, source_with_its_head);
    assert_eq!(
        source.as_deref(),
        Some("Regulators and advisers to Patriot")
    );
    // People opening the sentence, a participle before the preposition:
    // Head(0) .(1) Passengers(2) stranded(3) in(4) Atlanta(5) described(6)
    // long(7) lines(8) .(9)
    let text = "Head.\n\nPassengers stranded in Atlanta described long lines.";
    let (source, _) = repaired(text, Some(5..6), 6..7, 7..9, source_with_its_head);
    assert_eq!(source.as_deref(), Some("Passengers stranded in Atlanta"));
    // Head(0) .(1) A(2) review(3) of(4) records(5) showed(6) the(7)
    // gap(8) .(9): the records are what the review is about.
    let text = "Head.\n\nA review of records showed the gap.";
    let (source, _) = repaired(text, Some(5..6), 6..7, 7..9, source_with_its_head);
    assert_eq!(source.as_deref(), Some("records"));
}

/// Regression: "The Tax Policy Center plans to release …" was read
/// with the source "Center", and "Center" became a speaker.
#[test]
fn a_source_is_never_a_piece_of_a_name() {
    // Head(0) .(1) The(2) Tax(3) Policy(4) Center(5) plans(6) to(7)
    // release(8) its(9) analysis(10) .(11)
    let text = "Head.\n\nThe Tax Policy Center plans to release its analysis.";
    let (source, content) = repaired(text, Some(5..6), 6..7, 7..11, whole_name_source);
    assert_eq!(source.as_deref(), Some("The Tax Policy Center"));
    assert_eq!(content, ["to release its analysis"]);
    // A whole name stays as it is, and a source never takes the cue.
    let (source, _) = repaired(text, Some(2..6), 6..7, 7..11, whole_name_source);
    assert_eq!(source.as_deref(), Some("The Tax Policy Center"));
    // Head(0) .(1) said(2) John(3) Smith(4) ,(5) …: a name after the
    // cue keeps its start.
    let text = "Head.\n\n\"We won,\" said John Smith, a lawyer.";
    let doc = Document::new(text);
    let at = |w: &str| {
        (0..doc.tokens.len())
            .find(|&i| doc.token_text(i) == w)
            .unwrap()
    };
    let (source, _) = repaired(
        text,
        Some(at("John")..at("Smith") + 1),
        at("said")..at("said") + 1,
        at("We")..at("won") + 1,
        whole_name_source,
    );
    assert_eq!(source.as_deref(), Some("John Smith"));
}

/// Regression: "The Food and Drug Administration said" read with the
/// source "Drug Administration", "Senator Bernie Sanders of Vermont"
/// with "Vermont": a name's own "and" or "of" between proper nouns is
/// inside it.
#[test]
fn a_source_takes_its_name_across_its_and_and_of() {
    // Head(0) .(1) The(2) Food(3) and(4) Drug(5) Administration(6)
    // said(7) it(8) was(9) safe(10) .(11)
    let text = "Head.\n\nThe Food and Drug Administration said it was safe.";
    let (source, _) = repaired(text, Some(5..7), 7..8, 8..11, whole_name_source);
    assert_eq!(source.as_deref(), Some("The Food and Drug Administration"));
    // Head(0) .(1) Senator(2) Bernie(3) Sanders(4) of(5) Vermont(6)
    // said(7) it(8) was(9) safe(10) .(11)
    let text = "Head.\n\nSenator Bernie Sanders of Vermont said it was safe.";
    let (source, _) = repaired(text, Some(6..7), 7..8, 8..11, whole_name_source);
    assert_eq!(source.as_deref(), Some("Senator Bernie Sanders of Vermont"));
    // Head(0) .(1) Many(2) voters(3) and(4) Democrats(5) said(6) it(7)
    // was(8) safe(9) .(10): a common noun before "and" is no name's.
    let text = "Head.\n\nMany voters and Democrats said it was safe.";
    let (source, _) = repaired(text, Some(5..6), 6..7, 7..10, whole_name_source);
    assert_eq!(source.as_deref(), Some("Democrats"));
}

/// Regression: the retrained tagger read "An architect said" as the
/// cue, with no source.
#[test]
fn a_noun_phrase_the_cue_swallowed_is_the_source() {
    // Head(0) .(1) An(2) architect(3) said(4) that(5) the(6) bills(7)
    // were(8) never(9) paid(10) .(11)
    let text = "Head.\n\nAn architect said that the bills were never paid.";
    let mut a = attribution(None, 2..5, 5..11);
    in_context(text, |_, cx| source_out_of_the_cue(cx, &mut a));
    assert_eq!((a.source, a.cue), (Some(2..4), 4..5));
    // A cue of verbs alone ("has said") keeps its words.
    let text = "Head.\n\nShe has said that the bills were never paid.";
    let mut a = attribution(None, 3..5, 5..11);
    in_context(text, |_, cx| source_out_of_the_cue(cx, &mut a));
    assert_eq!((a.source, a.cue), (None, 3..5));
}

/// Regression: the tagger ran a quotation's content on over the speaker
/// and their apposition ('“…,” Amy Pope, deputy homeland security
/// advisor, | said'), and the attribution had no source.
#[test]
fn a_speaker_after_the_quotation_leaves_the_content() {
    let text = "Head.\n\n\"Our efforts have been insufficient,\" Amy Pope, deputy security adviser, said on a call.";
    let swallowed = |content: &str| {
        let (cue, content) = (tokens_of(text, "said"), tokens_of(text, content));
        repaired(text, None, cue, content, speaker_after_the_quotation)
    };
    let (source, content) =
        swallowed("\"Our efforts have been insufficient,\" Amy Pope, deputy security adviser");
    assert_eq!(source.as_deref(), Some("Amy Pope, deputy security adviser"));
    assert_eq!(content, ["\"Our efforts have been insufficient,\""]);
    let text = "Head.\n\n\"He should resign!\" the presumptive nominee, Donald Trump, tweeted.";
    let (cue, content) = (
        tokens_of(text, "tweeted"),
        tokens_of(
            text,
            "\"He should resign!\" the presumptive nominee, Donald Trump",
        ),
    );
    let (source, _) = repaired(text, None, cue, content, speaker_after_the_quotation);
    assert_eq!(
        source.as_deref(),
        Some("the presumptive nominee, Donald Trump")
    );
    // A content that ends with its quotation, or words after it holding a
    // verb, stay as they are.
    let (source, content) = swallowed("\"Our efforts have been insufficient,\"");
    assert_eq!((source, content.len()), (None, 1));
    let text = "Head.\n\nThe plan is \"insufficient\" and Pope left, she said.";
    let (cue, content) = (
        tokens_of(text, "said"),
        tokens_of(text, "The plan is \"insufficient\" and Pope left"),
    );
    let (source, content) = repaired(text, None, cue, content, speaker_after_the_quotation);
    assert_eq!(source, None);
    assert_eq!(content, ["The plan is \"insufficient\" and Pope left"]);
}

/// Regression: the tagger read 'the Nation," House Speaker Paul D. Ryan'
/// as one source, and the speaker became "Nation".
#[test]
fn a_source_never_holds_half_a_quotation() {
    let text = "Head.\n\n\"We have to heal the Nation,\" House Speaker Paul Ryan said on Friday.";
    let cut = |source: &str| {
        let (source, cue) = (tokens_of(text, source), tokens_of(text, "said"));
        let content = tokens_of(text, "We have to heal the Nation");
        repaired(text, Some(source), cue, content, source_across_a_quotation).0
    };
    assert_eq!(
        cut("the Nation,\" House Speaker Paul Ryan").as_deref(),
        Some("House Speaker Paul Ryan")
    );
    // A lone mark names no one; a whole quotation inside a source stays.
    assert_eq!(cut("\""), None);
    let text = "Head.\n\nJoe Scarborough, host of \"Morning Joe,\" said the plan failed.";
    let (source, cue) = (
        tokens_of(text, "Joe Scarborough, host of \"Morning Joe,\""),
        tokens_of(text, "said"),
    );
    let content = tokens_of(text, "the plan failed");
    let (source, _) = repaired(text, Some(source), cue, content, source_across_a_quotation);
    assert_eq!(
        source.as_deref(),
        Some("Joe Scarborough, host of \"Morning Joe,\"")
    );
}

/// Regression: a participle's subject read as 'Mr. Ban's record on |
/// promoting'.
#[test]
fn a_source_never_ends_in_a_preposition() {
    // The source `source` of cue `cue` and content `content`, repaired.
    let cut = |text: &str, source: &str, cue: &str, content: &str| {
        let (source, cue) = (tokens_of(text, source), tokens_of(text, cue));
        let content = tokens_of(text, content);
        repaired(
            text,
            Some(source),
            cue,
            content,
            source_without_a_trailing_preposition,
        )
        .0
    };
    let text = "Head.\n\nMr. Ban's record on promoting women's leadership has been mixed.";
    assert_eq!(
        cut(
            text,
            "Mr. Ban's record on",
            "promoting",
            "women's leadership"
        )
        .as_deref(),
        Some("Mr. Ban's record")
    );
    // Nothing but the preposition and a verb: no source.
    let text = "Head.\n\nThe plan, accompanied by warnings that it would fail, passed.";
    assert_eq!(
        cut(text, "accompanied by", "warnings", "that it would fail"),
        None
    );
}

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

/// Regression: the place of a dateline the segmenter left in its sentence
/// ("WASHINGTON, Dec. 8 (UPI) —") was the fallback source of a participle,
/// and "During the" of "During the 2012 election, Mitt Romney … and
/// accused …": neither names anyone; the participle takes the subject of
/// the clause after the dateline.
#[test]
fn a_dateline_or_a_cut_preposition_names_nothing() {
    let text = "WASHINGTON, Dec. 8 (UPI) — In response to the proposal, the senator's aide \
                rallied supporters, saying the plan was wrong.\n\nDuring the 2012 election, \
                with three in 10 voters watching, the governor won.";
    in_context(text, |doc, cx| {
        let nothing = |needle: &str| names_nothing(cx, doc.tokens_of(needle));
        assert!(dateline_place(cx, doc.tokens_of("WASHINGTON")));
        assert!(nothing("WASHINGTON"));
        assert!(nothing("During the"));
        assert!(!nothing("with three in 10"));
        assert!(!nothing("the senator's aide"));
        assert!(!dateline_place(cx, doc.tokens_of("UPI")));
        let mut a = attribution(
            None,
            doc.tokens_of("saying"),
            doc.tokens_of("the plan was wrong"),
        );
        participle_subject(cx, &mut a, None);
        assert_eq!(a.source, Some(doc.tokens_of("the senator's aide")));
    });
}

/// Regression: "The campaign said he had accepted no new speeches and
/// suggested …" gave "suggested" a piece of what was said ("he had
/// accepted no new speeches") as its source; a source outside that
/// content, or a cue after no conjunction, keeps its source.
#[test]
fn a_coordinated_cue_takes_no_source_from_the_content_before() {
    let text = "Head.\n\nThe campaign said he had accepted no new speeches and suggested that \
                the question was elsewhere.";
    in_context(text, |doc, cx| {
        let said_content = [doc.tokens_of("he had accepted no new speeches")];
        let dropped = |source: &str| {
            let mut a = attribution(
                Some(doc.tokens_of(source)),
                doc.tokens_of("suggested"),
                doc.tokens_of("that the question was elsewhere"),
            );
            source_out_of_earlier_content(cx, &mut a, &said_content);
            a.source.is_none()
        };
        assert!(dropped("he had accepted no new speeches"));
        assert!(!dropped("The campaign"));
    });
}

/// A phrase of place, time or manner after the cue ("said | on a call with
/// reporters") is no inverted speaker; "by" and a phrase before the cue
/// are left to the other checks.
#[test]
fn a_circumstance_after_the_cue_is_no_source() {
    let text = "Head.\n\nThe plan will work, an aide said on a call with reporters, said by the \
                Times.";
    in_context(text, |doc, cx| {
        let said = doc.tokens_of("said");
        let circumstance =
            |needle: &str| circumstance_after_the_cue(cx, doc.tokens_of(needle), &said);
        assert!(circumstance("on a call with reporters"));
        assert!(!circumstance("by the Times"));
        assert!(!circumstance("an aide"));
    });
}

/// A coordinated participle shares the source of the cue before it
/// ("calling him a 'stiff' and | accusing | him …"); without a cue before
/// it, the subject of a verb that is no cue is not taken for it.
#[test]
fn a_coordinated_participle_shares_the_earlier_source() {
    let text =
        "Head.\n\nYesterday he cut into Bush, calling him a stiff and accusing him of acting \
                like a jerk.";
    in_context(text, |doc, cx| {
        let he = doc.tokens_of("he");
        let accusing = || {
            attribution(
                None,
                doc.tokens_of("accusing"),
                doc.tokens_of("him of acting like a jerk"),
            )
        };
        let mut a = accusing();
        coordinated_verb_subject(cx, &mut a, Some(he.clone()));
        assert_eq!(a.source, Some(he));
        let mut a = accusing();
        coordinated_verb_subject(cx, &mut a, None);
        assert_eq!(a.source, None);
    });
}

/// Regression: "Guardian, the first Republican mayor elected in two
/// decades, stopped short of …" and "Trump, whose views …, last year
/// proposed" had no source, or the time phrase as one: the subject before
/// the apposition or aside is the source, a time phrase never is, and a
/// capitalized time noun may be a name ("Day said").
#[test]
fn a_subject_before_an_apposition_and_no_time_phrase() {
    let text = "Head.\n\nBut Guardian, the first mayor elected in two decades, stopped short of \
                endorsing the plan.\n\nLast year Day said the plan was wrong on Friday.";
    in_context(text, |doc, cx| {
        let mut a = attribution(
            None,
            doc.tokens_of("stopped short of"),
            doc.tokens_of("endorsing the plan"),
        );
        subject_before_an_apposition(cx, &mut a);
        assert_eq!(a.source, Some(doc.tokens_of("Guardian")));
        assert!(time_phrase(cx, doc.tokens_of("Last year")));
        assert!(time_phrase(cx, doc.tokens_of("on Friday")));
        assert!(!time_phrase(cx, doc.tokens_of("Day")));
    });
}

/// Regression: "Cruz faced criticism for unreported loans" (and "Cruz has
/// faced criticism for" read as one cue) gave Cruz, the target, as the
/// source; "criticism from" names the critics; a holder
/// ("Cruz voiced criticism of") keeps the source.
#[test]
fn the_recipient_of_criticism_is_no_source() {
    let source = |text: &str, cue: &str, content: &str| {
        let mut a = attribution(
            Some(tokens_of(text, "Cruz")),
            tokens_of(text, cue),
            tokens_of(text, content),
        );
        in_context(text, |doc, cx| {
            let dropped = recipient_is_no_source(cx, &mut a);
            let span = |r: &std::ops::Range<usize>| {
                text[doc.tokens[r.start].start..doc.tokens[r.end - 1].end].to_string()
            };
            (a.source.as_ref().map(span), dropped)
        })
    };
    let text = "Head.\n\nCruz faced criticism for unreported loans to his campaign.";
    assert_eq!(
        source(text, "criticism for", "unreported loans to his campaign"),
        (None, true)
    );
    let text = "Head.\n\nCruz faced criticism from many environmentalists over the plan.";
    assert_eq!(
        source(text, "criticism from", "over the plan").0.as_deref(),
        Some("many environmentalists")
    );
    // Past the auxiliaries, the receiving verb inside the cue.
    let text = "Head.\n\nCruz has faced sharp criticism for unreported loans.";
    assert_eq!(
        source(text, "has faced sharp criticism for", "unreported loans"),
        (None, true)
    );
    let text = "Head.\n\nCruz voiced criticism of the plan.";
    assert_eq!(
        source(text, "criticism of", "the plan"),
        (Some("Cruz".to_string()), false)
    );
}

/// The expletive "it" of "it is clear that …" names no one; the pronoun of
/// "It said …" does.
#[test]
fn the_expletive_it_is_no_source() {
    let text = "Head.\n\nIt is clear that he has no plan. It said that the plan failed.";
    in_context(text, |doc, cx| {
        let it = doc.tokens_of("It");
        let mut a = attribution(
            Some(it.clone()),
            doc.tokens_of("is clear"),
            doc.tokens_of("that he has no plan"),
        );
        assert!(expletive_it(cx, &mut a));
        assert_eq!(a.source, None);
        let said = doc.tokens_of("said");
        let mut a = attribution(
            Some(said.start - 1..said.start),
            said,
            doc.tokens_of("that the plan failed"),
        );
        assert!(!expletive_it(cx, &mut a));
        assert!(a.source.is_some());
    });
}

/// Regression (dev): "a fraction of the minimum $20 million experts say it
/// costs" named the speakers "the minimum $20 million experts".
#[test]
fn an_amount_before_the_speakers_is_no_part_of_the_source() {
    let cut = |text: &str, source: &str, cue: &str, content: &str| {
        repaired_source(text, source, cue, content, source_after_an_amount)
    };
    let text = "Head.\n\nThat is a fraction of the minimum $20 million experts say it costs.";
    assert_eq!(
        cut(text, "the minimum $20 million experts", "say", "it costs").as_deref(),
        Some("experts")
    );
    // A clause around the amount, or no plural noun after it, stays.
    let text = "Head.\n\nDonors, who gave $400,000 to candidates, said they were done.";
    assert_eq!(
        cut(
            text,
            "Donors, who gave $400,000 to candidates,",
            "said",
            "they were done"
        )
        .as_deref(),
        Some("Donors, who gave $400,000 to candidates,")
    );
    let text = "Head.\n\nA $160 billion megamerger shows the strategy works.";
    assert_eq!(
        cut(
            text,
            "A $160 billion megamerger",
            "shows",
            "the strategy works"
        )
        .as_deref(),
        Some("A $160 billion megamerger")
    );
}

/// ", a move his office called historic": the relative clause without
/// "that" has the speaker for its subject, not the noun it describes.
#[test]
fn a_bare_relative_clause_has_its_own_subject_for_source() {
    let source_of = |text: &str, source: &str, cue: &str, content: &str| {
        repaired_source(text, source, cue, content, source_after_a_bare_relative)
    };
    let text = "Head.\n\nThe governor signed the bill, a move his office called historic.";
    assert_eq!(
        source_of(text, "a move his office", "called", "historic").as_deref(),
        Some("his office")
    );
    // A name after its title is one phrase.
    let text = "Head.\n\nVatican spokesman the Rev. Federico Lombardi told reporters it was fine.";
    assert_eq!(
        source_of(
            text,
            "Vatican spokesman the Rev. Federico Lombardi",
            "told",
            "it was fine"
        )
        .as_deref(),
        Some("Vatican spokesman the Rev. Federico Lombardi")
    );
}

/// `Said Ellis: “…”`: a speech verb opening the sentence is the cue and
/// the phrase between it and the colon or comma before the quotation the
/// source, whether the tagger took the name into the cue or the apposition
/// alone for the source. A sentence opening with another word keeps its
/// reading.
#[test]
fn an_opening_speech_verb_has_its_speaker_after_it() {
    let text = "Head.\n\nSaid Ellis: \u{201c}I do not get the sense she cares.\u{201d}";
    let mut a = attribution(
        None,
        tokens_of(text, "Said Ellis:"),
        tokens_of(text, "\u{201c}I do not get the sense she cares.\u{201d}"),
    );
    in_context(text, |_, cx| speaker_after_an_opening_verb(cx, &mut a));
    assert_eq!(a.source, Some(tokens_of(text, "Ellis")));
    assert_eq!(a.cue, tokens_of(text, "Said"));
    // The apposition the tagger took for the source of the colon.
    let source_after = |opening: &str| {
        let text = format!(
            "Head.\n\n{opening} Jane Smith, a local farmer: \u{201c}We are worried.\u{201d}"
        );
        repaired_source(
            &text,
            "a local farmer",
            ":",
            "\u{201c}We are worried.\u{201d}",
            speaker_after_an_opening_verb,
        )
    };
    assert_eq!(
        source_after("Said").as_deref(),
        Some("Jane Smith, a local farmer")
    );
    assert_eq!(source_after("Meanwhile").as_deref(), Some("a local farmer"));
}

/// Regression: '“…,” said Diane Swonk, chief economist at KPMG. Others,
/// including …' gave the speaker the next sentence's subject too. The
/// source is cut at the sentence end nearest its cue; a quotation it opens
/// keeps its closing mark.
#[test]
fn a_source_stops_at_its_sentence_end() {
    let source = |text: &str, source: &str, cue: &str, content: &str| {
        repaired_source(text, source, cue, content, source_within_its_sentence)
    };
    let text = "Head.\n\n“They risk it,” said Diane Swonk, chief economist at KPMG. Others, \
                including Mr. Summers, have warned that rates matter.";
    assert_eq!(
        source(
            text,
            "Diane Swonk, chief economist at KPMG. Others, including Mr. Summers,",
            "said",
            "“They risk it,”"
        )
        .as_deref(),
        Some("Diane Swonk, chief economist at KPMG")
    );
    let text = "Head.\n\nIt was costly, according to his book “The Art of the Deal.” Mr. \
                Trump paid $8 million.";
    assert_eq!(
        source(
            text,
            "his book “The Art of the Deal.” Mr. Trump",
            "according to",
            "It was costly"
        )
        .as_deref(),
        Some("his book “The Art of the Deal.”")
    );
    // Within one sentence ("Mr." ends none) nothing changes.
    let text = "Head.\n\nMr. Summers, a former official, said rates matter.";
    assert_eq!(
        source(
            text,
            "Mr. Summers, a former official,",
            "said",
            "rates matter"
        )
        .as_deref(),
        Some("Mr. Summers, a former official,")
    );
}
