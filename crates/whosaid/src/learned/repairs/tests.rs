use super::*;
use crate::extract::TokenAttribution;
use crate::learned::in_context;
use crate::text::Document;

/// One attribution given as token ranges.
fn attribution(
    source: Option<std::ops::Range<usize>>,
    cue: std::ops::Range<usize>,
    content: std::ops::Range<usize>,
) -> TokenAttribution {
    TokenAttribution {
        source,
        cue,
        content: std::iter::once(content).collect(),
    }
}

/// Applies a repair pass to one attribution given as token ranges, in
/// the shipped POS tagger's context: its (source, content) texts after.
fn repaired(
    text: &str,
    source: Option<std::ops::Range<usize>>,
    cue: std::ops::Range<usize>,
    content: std::ops::Range<usize>,
    pass: fn(&Context<'_>, &mut TokenAttribution),
) -> (Option<String>, Vec<String>) {
    let mut a = attribution(source, cue, content);
    in_context(text, |doc, cx| {
        pass(cx, &mut a);
        let span = |r: &std::ops::Range<usize>| {
            text[doc.tokens[r.start].start..doc.tokens[r.end - 1].end].to_string()
        };
        (
            a.source.as_ref().map(span),
            a.content.iter().map(span).collect(),
        )
    })
}

/// The content left by `trim_circumstance`.
fn trimmed(text: &str, cue: std::ops::Range<usize>, content: std::ops::Range<usize>) -> String {
    repaired(text, None, cue, content, trim_circumstance)
        .1
        .concat()
}

#[test]
fn where_and_when_a_statement_was_made_are_not_its_content() {
    // Head(0) .(1) Jane(2) Roe(3) said(4) as(5) much(6) in(7) an(8)
    // interview(9) on(10) Thursday(11) .(12)
    let text = "Head.\n\nJane Roe said as much in an interview on Thursday.";
    assert_eq!(trimmed(text, 4..5, 5..12), "as much");
    let text = "Head.\n\nJane Roe attacked the mayor in early-morning tweets.";
    assert_eq!(trimmed(text, 4..5, 5..11), "the mayor");
}

#[test]
fn a_clause_or_a_place_keeps_its_phrase() {
    // A clause keeps its adverbials.
    let text = "Head.\n\nJane Roe said that the economy grew in the week before.";
    assert_eq!(
        trimmed(text, 4..5, 5..13),
        "that the economy grew in the week before"
    );
    // A place is not a circumstance of the statement.
    let text = "Head.\n\nJane Roe rejected the request in Ohio.";
    assert_eq!(trimmed(text, 4..5, 5..9), "the request in Ohio");
    // Quoted words after the phrase: the phrase is inside what was said.
    let text = "Head.\n\nJane Roe called his remarks on Saturday “a wake-up call.”";
    assert_eq!(
        trimmed(text, 4..5, 5..15),
        "his remarks on Saturday “a wake-up call.”"
    );
}

/// The source and content left by `passive_subject_to_content`.
fn passive(
    text: &str,
    source: std::ops::Range<usize>,
    cue: std::ops::Range<usize>,
    content: std::ops::Range<usize>,
) -> (Option<String>, Vec<String>) {
    repaired(text, Some(source), cue, content, |cx, a| {
        passive_subject_to_content(cx, a);
    })
}

#[test]
fn the_subject_of_an_agentless_passive_is_content() {
    // Head(0) .(1) He(2) has(3) been(4) harshly(5) criticized(6) for(7)
    // his(8) policies(9) .(10)
    let text = "Head.\n\nHe has been harshly criticized for his policies.";
    assert_eq!(
        passive(text, 2..3, 3..8, 8..10),
        (None, vec!["He".to_string(), "his policies".to_string()])
    );
}

/// A verb of seeming, and a passive whose "be" stands before the cue,
/// leave their subject in the content; a seeming verb before the real
/// cue, or "appeared on" a show, keeps the source.
#[test]
fn the_subject_of_a_seeming_verb_is_content() {
    let moved = |text: &str, source: &str, cue: &str, content: &str| {
        passive(
            text,
            tokens_of(text, source),
            tokens_of(text, cue),
            tokens_of(text, content),
        )
    };
    let text = "Head.\n\nMr. Putin seemed most concerned with the economy.";
    assert_eq!(
        moved(
            text,
            "Mr. Putin",
            "seemed",
            "most concerned with the economy"
        )
        .0,
        None
    );
    let text = "Head.\n\nShe is widely expected to run again.";
    assert_eq!(
        moved(text, "She", "expected", "to run again"),
        (None, vec!["She".to_string(), "to run again".to_string()])
    );
    let text = "Title.\n\nHe appeared to suggest that veterans are weak.";
    assert_eq!(
        moved(text, "He", "appeared to suggest", "that veterans are weak")
            .0
            .as_deref(),
        Some("He")
    );
    let text = "Title.\n\nHe appeared on Fox News to defend the plan.";
    assert_eq!(
        moved(text, "He", "appeared", "on Fox News to defend the plan")
            .0
            .as_deref(),
        Some("He")
    );
}

#[test]
fn agents_quoted_speakers_and_states_of_mind_keep_their_source() {
    // An agent after "by" is the source.
    let text = "Head.\n\nThe plan was endorsed by the mayor.";
    assert_eq!(
        passive(text, 7..9, 4..7, 2..4).0.as_deref(),
        Some("the mayor")
    );
    // "X was quoted as saying": X said it.
    let text = "Head.\n\nRoe was quoted as saying the plan works.";
    assert_eq!(passive(text, 2..3, 3..7, 7..10).0.as_deref(), Some("Roe"));
    // "X are convinced that …": X holds the view.
    let text = "Head.\n\nParents are convinced that the schools fail.";
    assert_eq!(
        passive(text, 2..3, 3..5, 5..9).0.as_deref(),
        Some("Parents")
    );
}

/// Whether `admits_entry` drops an attribution (a regression: after a
/// retrain the tagger read "a push to admit Ukraine as a member" as a
/// statement whose content was "Ukraine as a member").
fn entry(text: &str, cue: std::ops::Range<usize>, content: std::ops::Range<usize>) -> bool {
    in_context(text, |_, cx| {
        admits_entry(cx, &attribution(None, cue, content))
    })
}

#[test]
fn letting_in_is_not_conceding() {
    // Head(0) .(1) Allies(2) refused(3) to(4) admit(5) Ukraine(6) as(7)
    // a(8) member(9) .(10)
    assert!(entry(
        "Head.\n\nAllies refused to admit Ukraine as a member.",
        3..6,
        6..10
    ));
    // Head(0) .(1) He(2) admitted(3) that(4) the(5) plan(6) failed(7)
    // as(8) feared(9) .(10)
    assert!(!entry(
        "Head.\n\nHe admitted that the plan failed as feared.",
        3..4,
        4..10
    ));
    // He(2) admitted(3) the(4) mistake(5) .(6)
    assert!(!entry("Head.\n\nHe admitted the mistake.", 3..4, 4..6));
}

/// A content that stops before the verb ending its sentence takes it
/// (a regression: after a retrain "John Smith said that the talks
/// failed." gave "that the talks"); anything else after it stays out.
#[test]
fn a_content_keeps_the_verb_that_ends_its_sentence() {
    // Head(0) .(1) John(2) Smith(3) said(4) that(5) the(6) talks(7)
    // failed(8) .(9)
    let text = "Head.\n\nJohn Smith said that the talks failed.";
    assert_eq!(
        repaired(text, Some(2..4), 4..5, 5..8, keep_the_trailing_verb).1,
        ["that the talks failed"]
    );
    // … failed(8) in(9) May(10) .(11): not a verb group alone.
    let text = "Head.\n\nJohn Smith said that the talks failed in May.";
    assert_eq!(
        repaired(text, Some(2..4), 4..5, 5..8, keep_the_trailing_verb).1,
        ["that the talks"]
    );
}

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

/// Token range of the first occurrence of `needle` in `text`.
fn tokens_of(text: &str, needle: &str) -> std::ops::Range<usize> {
    Document::new(text).tokens_of(needle)
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
}

/// A time phrase before the verb is no subject; a source that names no
/// one gives way, one that does stays.
#[test]
fn a_participle_takes_no_time_phrase_for_its_subject() {
    let text = "Head.\n\nThe two senators on Thursday night largely abandoned their \
                attacks, choosing instead to praise him.";
    assert_eq!(
        participle_source(text, "choosing instead", "to praise him"),
        None
    );
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

/// "criticized the plan and warned that …": two statements of the same
/// speaker; an infinitive's second verb and a quoted "and" split nothing.
#[test]
fn a_coordinated_cue_verb_opens_its_own_attribution() {
    let text = "Head.\n\nThe senator criticized the plan and warned that it would fail.";
    let senator = tokens_of(text, "The senator");
    let mut found = vec![attribution(
        Some(senator.clone()),
        tokens_of(text, "criticized"),
        tokens_of(text, "the plan and warned that it would fail"),
    )];
    in_context(text, |_, cx| split_coordinated_cue(cx, &mut found));
    assert_eq!(found.len(), 2);
    assert_eq!(found[0].content, [tokens_of(text, "the plan")]);
    assert_eq!(found[1].source, Some(senator));
    assert_eq!(found[1].cue, tokens_of(text, "warned"));
    assert_eq!(found[1].content, [tokens_of(text, "that it would fail")]);

    for (text, cue, content) in [
        (
            "Head.\n\nThe senator said she needs to sell herself and tell more jokes.",
            "said",
            "she needs to sell herself and tell more jokes",
        ),
        (
            "Head.\n\nThe senator said \"the plan is bad and warned us\" today.",
            "said",
            "\"the plan is bad and warned us\"",
        ),
    ] {
        let whole = tokens_of(text, content);
        let mut found = vec![attribution(None, tokens_of(text, cue), whole.clone())];
        in_context(text, |_, cx| split_coordinated_cue(cx, &mut found));
        assert_eq!(found.len(), 1, "{text}");
        assert_eq!(found[0].content, [whole], "{text}");
    }
}

/// `X said A, adding B` and `… "New York values," stating …`: a
/// participle cue after a comma opens its own attribution; a comma inside
/// the quotation stays with the first content, and a participle that is
/// no likely cue ("leaving") splits nothing.
#[test]
fn a_participle_cue_after_a_comma_opens_its_own_attribution() {
    let text =
        "Head.\n\nCruz said Trump represents \"New York values,\" adding that they are liberal.";
    let cruz = tokens_of(text, "Cruz");
    let mut found = vec![attribution(
        Some(cruz.clone()),
        tokens_of(text, "said"),
        tokens_of(
            text,
            "Trump represents \"New York values,\" adding that they are liberal",
        ),
    )];
    in_context(text, |_, cx| split_coordinated_cue(cx, &mut found));
    assert_eq!(found.len(), 2);
    assert_eq!(
        found[0].content,
        [tokens_of(text, "Trump represents \"New York values,\"")]
    );
    assert_eq!(found[1].source, Some(cruz));
    assert_eq!(found[1].cue, tokens_of(text, "adding"));
    assert_eq!(found[1].content, [tokens_of(text, "that they are liberal")]);

    let text = "Head.\n\nCruz said Trump left the room, leaving his aides behind.";
    let whole = tokens_of(text, "Trump left the room, leaving his aides behind");
    let mut found = vec![attribution(None, tokens_of(text, "said"), whole.clone())];
    in_context(text, |_, cx| split_coordinated_cue(cx, &mut found));
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].content, [whole]);
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

/// `The company will announce layoffs next week, two people familiar with
/// the matter said.`: the tagger gave the clause to "will announce" and
/// ran it on over the speaker. The clause before the comma is what was
/// said; the inner attribution stops at the comma. A subordinate clause
/// alone and an object after "said" ("said enough") make no statement.
#[test]
fn a_trailing_say_clause_reports_the_clause_before_it() {
    let text = "Head.\n\nThe company will announce layoffs next week, two people familiar \
                with the matter said on Monday.";
    let company = tokens_of(text, "The company");
    let mut found = vec![attribution(
        Some(company.clone()),
        tokens_of(text, "will announce"),
        tokens_of(
            text,
            "layoffs next week, two people familiar with the matter said on Monday",
        ),
    )];
    in_context(text, |_, cx| trailing_say_clause(cx, &mut found));
    assert_eq!(found.len(), 2);
    assert_eq!(found[0].content, [tokens_of(text, "layoffs next week")]);
    assert_eq!(
        found[1].source,
        Some(tokens_of(text, "two people familiar with the matter"))
    );
    assert_eq!(found[1].cue, tokens_of(text, "said"));
    assert_eq!(
        found[1].content,
        [tokens_of(
            text,
            "The company will announce layoffs next week"
        )]
    );
    // An appendix after the verb ("…, prosecutors said, in a case …"):
    // the tagger's attribution of "said", which read only the appendix,
    // takes the clause.
    let text = "Head.\n\nThe minister was charged on Friday with fraud, prosecutors said, \
                in a case that has gripped the country.";
    let mut found = vec![attribution(
        None,
        tokens_of(text, "said"),
        tokens_of(text, "that has gripped the country"),
    )];
    in_context(text, |_, cx| trailing_say_clause(cx, &mut found));
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].source, Some(tokens_of(text, "prosecutors")));
    assert_eq!(
        found[0].content,
        [tokens_of(
            text,
            "The minister was charged on Friday with fraud"
        )]
    );
    for text in [
        "Head.\n\nBut when Congress cut funding for the program, Mexico said enough.",
        "Head.\n\nBut when Congress cut funding for the program, Mexico said so.",
        // An interrupted clause: its verb comes after the speaker.
        "Head.\n\nThe new museum, Mr. Obama said, in his speech would change minds.",
    ] {
        let mut found = Vec::new();
        in_context(text, |_, cx| trailing_say_clause(cx, &mut found));
        assert!(found.is_empty(), "{text}: {found:?}");
    }
}

/// `Moore said on CBS's "Face the Nation."`: the program's title is the
/// channel, not what was said; "said on" gives up its preposition.
#[test]
fn a_program_title_is_no_content() {
    let text = "Head.\n\n\"These tariffs are a tax,\" Moore said on CBS's \"Face the \
                Nation.\" \"Farmers are struggling.\"";
    let mut a = TokenAttribution {
        source: Some(tokens_of(text, "Moore")),
        cue: tokens_of(text, "said on"),
        content: vec![
            tokens_of(text, "\"These tariffs are a tax,\""),
            tokens_of(
                text,
                "CBS's \"Face the Nation.\" \"Farmers are struggling.\"",
            ),
        ],
    };
    in_context(text, |_, cx| program_title_out_of_content(cx, &mut a));
    assert_eq!(a.cue, tokens_of(text, "said"));
    assert_eq!(
        a.content,
        [
            tokens_of(text, "\"These tariffs are a tax,\""),
            tokens_of(text, "\"Farmers are struggling.\"")
        ]
    );
}

/// Regression (the example article): "argued that Trump's effort …,
/// something the Biden administration refused to do, has broken …" came
/// out as two pieces around the aside's closing comma.
#[test]
fn a_predicate_after_a_comma_joins_its_clause() {
    // Head(0) .(1) Rutte(2) argued(3) that(4) the(5) effort(6) ,(7)
    // something(8) others(9) refused(10) ,(11) has(12) worked(13) .(14)
    let text = "Head.\n\nRutte argued that the effort, something others refused, has worked.";
    let joined = |content: Vec<std::ops::Range<usize>>| {
        let mut a = attribution(Some(2..3), 3..4, 4..5);
        a.content = content.into_iter().collect();
        in_context(text, |_, cx| {
            join_pieces_over_commas(cx, &mut a);
            a.content
                .iter()
                .map(|r| (r.start, r.end))
                .collect::<Vec<_>>()
        })
    };
    assert_eq!(joined(vec![4..11, 12..14]), vec![(4, 14)]);
    // A piece that opens with no finite verb stays apart; so does one
    // across more than a comma.
    assert_eq!(joined(vec![4..7, 8..11]), vec![(4, 7), (8, 11)]);
    assert_eq!(joined(vec![4..10, 12..14]), vec![(4, 10), (12, 14)]);
}

/// Regression: "Sanders is thanking Nevadans for their support." after a
/// paragraph of other statements was read with "Sanders" in the content
/// and no source.
#[test]
fn a_subject_read_as_content_before_an_active_cue_is_the_source() {
    // Head(0) .(1) Sanders(2) is(3) thanking(4) Nevadans(5) for(6) their(7)
    // support(8) .(9)
    let text = "Head.\n\nSanders is thanking Nevadans for their support.";
    let run = |text: &str, cue: std::ops::Range<usize>, content: Vec<std::ops::Range<usize>>| {
        let mut a = attribution(None, cue, 0..0);
        a.content = content.into_iter().collect();
        in_context(text, |_, cx| {
            subject_out_of_content(cx, &mut a);
            (
                a.source.map(|r| (r.start, r.end)),
                a.content
                    .iter()
                    .map(|r| (r.start, r.end))
                    .collect::<Vec<_>>(),
            )
        })
    };
    assert_eq!(
        run(text, 3..5, vec![2..3, 5..9]),
        (Some((2, 3)), vec![(5, 9)])
    );
    // A passive's subject stays content: "The plan was criticized as …".
    // Head(0) .(1) The(2) plan(3) was(4) criticized(5) as(6) weak(7) .(8)
    let text = "Head.\n\nThe plan was criticized as weak.";
    assert_eq!(
        run(text, 4..6, vec![2..4, 6..8]),
        (None, vec![(2, 4), (6, 8)])
    );
    // Hearsay: "Khoga was reportedly on that trip".
    // Head(0) .(1) Khoga(2) was(3) reportedly(4) on(5) that(6) trip(7) .(8)
    let text = "Head.\n\nKhoga was reportedly on that trip.";
    assert_eq!(
        run(text, 3..6, vec![2..3, 6..8]),
        (None, vec![(2, 3), (6, 8)])
    );
    // A clause after a comma or "that" opens with its subject too.
    // Head(0) .(1) After(2) losing(3) ,(4) he(5) is(6) seeking(7) delegates(8) .(9)
    let text = "Head.\n\nAfter losing, he is seeking delegates.";
    assert_eq!(
        run(text, 6..8, vec![5..6, 8..9]),
        (Some((5, 6)), vec![(8, 9)])
    );
    // Head(0) .(1) It(2) is(3) odd(4) that(5) Clinton(6) has(7) proposed(8) a(9) tax(10) .(11)
    let text = "Head.\n\nIt is odd that Clinton has proposed a tax.";
    assert_eq!(
        run(text, 7..9, vec![6..7, 9..11]),
        (Some((6, 7)), vec![(9, 11)])
    );
    // Not after a preposition: "a plan by | the senator".
    // Head(0) .(1) A(2) plan(3) by(4) the(5) senator(6) has(7) drawn(8) fire(9) .(10)
    let text = "Head.\n\nA plan by the senator has drawn fire.";
    assert_eq!(
        run(text, 7..9, vec![5..7, 9..10]),
        (None, vec![(5, 7), (9, 10)])
    );
}

/// Regression (the example article): the retrained tagger read "explained
/// in 2023" as the cue; the year is the statement's time, not its cue.
#[test]
fn a_time_phrase_leaves_the_cue() {
    // Head(0) .(1) Jens(2) Stoltenberg(3) explained(4) in(5) 2023(6)
    // that(7) NATO(8) grew(9) .(10)
    let text = "Head.\n\nJens Stoltenberg explained in 2023 that NATO grew.";
    let cue = |cue: std::ops::Range<usize>| {
        let mut a = attribution(Some(2..4), cue, 7..10);
        in_context(text, |_, cx| {
            time_out_of_the_cue(cx, &mut a);
            (a.cue.start, a.cue.end)
        })
    };
    assert_eq!(cue(4..7), (4, 5));
    assert_eq!(cue(4..5), (4, 5));
    // Head(0) .(1) Officials(2) said(3) last(4) week(5) the(6) plan(7)
    // failed(8) .(9)
    let text = "Head.\n\nOfficials said last week the plan failed.";
    let mut a = attribution(Some(2..3), 3..6, 6..9);
    in_context(text, |_, cx| time_out_of_the_cue(cx, &mut a));
    assert_eq!(a.cue, 3..4);
}

/// "He said that | the campaign's announcement, | which some have argued
/// was a ploy, was an insult": a "that" clause cut at its subject takes
/// the attribution after it back; a participle after the comma, and a
/// content with a verb of its own, keep their attributions.
#[test]
fn a_that_clause_cut_at_its_subject_takes_the_rest_back() {
    let text = "Head.\n\nHe said that the campaign's announcement, which some have argued \
                was a ploy, was an insult.";
    let mut found = vec![
        attribution(
            None,
            tokens_of(text, "said"),
            tokens_of(text, "that the campaign's announcement"),
        ),
        attribution(
            Some(tokens_of(text, "some")),
            tokens_of(text, "have argued"),
            tokens_of(text, "which"),
        ),
    ];
    found[1]
        .content
        .push(tokens_of(text, "was a ploy, was an insult"));
    in_context(text, |_, cx| clause_completed_by_next(cx, &mut found));
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].content,
        [tokens_of(
            text,
            "that the campaign's announcement, which some have argued was a ploy, was an insult"
        )]
    );

    for (text, cue, outer, inner_cue, inner) in [
        // A participle after the comma reports a statement of its own.
        (
            "Head.\n\nHe repeated that promise on Monday, saying he would act.",
            "repeated",
            "that promise on Monday",
            "saying",
            "he would act",
        ),
        // The content already holds its clause's verb.
        (
            "Head.\n\nShe said that the plan failed, which critics have argued is true.",
            "said",
            "that the plan failed",
            "have argued",
            "which critics have argued is true",
        ),
    ] {
        let mut found = vec![
            attribution(None, tokens_of(text, cue), tokens_of(text, outer)),
            attribution(None, tokens_of(text, inner_cue), tokens_of(text, inner)),
        ];
        // The inner content around its cue: the words before and after it.
        let cue_at = tokens_of(text, inner_cue);
        let whole = tokens_of(text, inner);
        found[1].content = [whole.start..cue_at.start, cue_at.end..whole.end]
            .into_iter()
            .filter(|r| !r.is_empty())
            .collect();
        in_context(text, |_, cx| clause_completed_by_next(cx, &mut found));
        assert_eq!(found.len(), 2, "{text}");
        assert_eq!(found[0].content, [tokens_of(text, outer)], "{text}");
    }
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

/// Regression: "…, which | is expected | to draw a large audience" with
/// "which" read as content by the tagger got "which" back as its source
/// from the rules' fallback; an agent after the cue ("was written | by
/// Springsteen") names who wrote it, and a passive with one keeps it.
#[test]
fn a_passive_whose_subject_is_content_stays_sourceless() {
    let sourceless = |text: &str, subject: &str, cue: &str, rest: &str| {
        let mut a = attribution(None, tokens_of(text, cue), tokens_of(text, subject));
        a.content.push(tokens_of(text, rest));
        in_context(text, |_, cx| subject_already_content(cx, &a))
    };
    let text = "Head.\n\nThe ad ran during the final, which is expected to draw a large audience.";
    assert!(sourceless(
        text,
        "which",
        "is expected",
        "to draw a large audience"
    ));
    let text = "Head.\n\nThe song \"American Skin\" was written by Springsteen after the shooting.";
    assert!(!sourceless(
        text,
        "\"American Skin\"",
        "was written",
        "after the shooting"
    ));
    // An active cue: its subject is the source the fallback may find.
    let text = "Head.\n\nThe senator, who is running again, promised to draw a large audience.";
    assert!(!sourceless(
        text,
        "who",
        "promised",
        "to draw a large audience"
    ));
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

/// The agent of a passive cue is its speaker, in place of the subject;
/// "by" after an active verb ("said by phone") names no agent.
#[test]
fn a_passive_cue_takes_its_agent_as_source() {
    let agent = |text: &str, subject: &str, cue: &str, content: &str| {
        repaired(
            text,
            Some(tokens_of(text, subject)),
            tokens_of(text, cue),
            tokens_of(text, content),
            passive_agent_source,
        )
        .0
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
        subject("Head.\n\nAfter the attack in the city, reiterated his frustration over guns."),
        None
    );
}

/// Regression: "Surety companies that had insured Patriot's reclamation
/// obligations agreed …" named the object of the relative clause as the
/// source (and the speaker "Patriot's reclamation obligations"); a source
/// after a comma closing the clause keeps its reading.
#[test]
fn the_object_of_a_relative_clause_is_not_the_source() {
    let source = |text: &str, source: &str, cue: &str, content: &str| {
        repaired(
            text,
            Some(tokens_of(text, source)),
            tokens_of(text, cue),
            tokens_of(text, content),
            source_is_an_object,
        )
        .0
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

/// Regression: "Cruz faced criticism for unreported loans" gave Cruz, the
/// target, as the source; "criticism from" names the critics; a holder
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
