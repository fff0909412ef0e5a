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

/// Regression: "Ohio Right to Life called it …" had the source "Life",
/// "Save the Children warned …" "the Children": a name with a lowercase
/// "to", "the" or "for" opening its sentence is the source whole. A
/// conjunction opening the sentence is no part of it ("While the State
/// Department said …").
#[test]
fn a_source_takes_its_name_across_a_small_word_to_the_sentence_start() {
    // Head(0) .(1) Ohio(2) Right(3) to(4) Life(5) called(6) it(7)
    // cruel(8) .(9)
    let text = "Head.\n\nOhio Right to Life called it cruel.";
    let (source, _) = repaired(text, Some(5..6), 6..7, 7..9, whole_name_source);
    assert_eq!(source.as_deref(), Some("Ohio Right to Life"));
    // Head(0) .(1) Save(2) the(3) Children(4) warned(5) that(6) aid(7)
    // fell(8) .(9)
    let text = "Head.\n\nSave the Children warned that aid fell.";
    let (source, _) = repaired(text, Some(3..5), 5..6, 6..9, whole_name_source);
    assert_eq!(source.as_deref(), Some("Save the Children"));
    // Head(0) .(1) The(2) Centers(3) for(4) Disease(5) Control(6)
    // estimates(7) that(8) it(9) rose(10) .(11): with the name's "The".
    let text = "Head.\n\nThe Centers for Disease Control estimates that it rose.";
    let (source, _) = repaired(text, Some(5..7), 7..8, 8..11, whole_name_source);
    assert_eq!(source.as_deref(), Some("The Centers for Disease Control"));
    // Head(0) .(1) While(2) the(3) State(4) Department(5) said(6) it(7)
    // was(8) safe(9) .(10)
    let text = "Head.\n\nWhile the State Department said it was safe.";
    let (source, _) = repaired(text, Some(3..6), 6..7, 7..10, whole_name_source);
    assert_eq!(source.as_deref(), Some("the State Department"));
}

/// Regression: "… after the drugmaker cut its revenue forecast, citing
/// weaker demand" had the source "the drugmaker cut its revenue": a
/// finite verb right after a noun ends the phrase that speaks. Not in an
/// aside the source holds ("Sanders, whose candidacy was founded on …").
#[test]
fn a_source_stops_before_its_own_clauses_verb() {
    // Head(0) .(1) Shares(2) fell(3) after(4) the(5) drugmaker(6) cut(7)
    // its(8) revenue(9) forecast(10) ,(11) citing(12) weak(13) demand(14)
    // .(15)
    let text = "Head.\n\nShares fell after the drugmaker cut its revenue forecast, citing weak \
                demand.";
    let (source, _) = repaired(
        text,
        Some(5..10),
        12..13,
        13..15,
        source_before_its_own_verb,
    );
    assert_eq!(source.as_deref(), Some("the drugmaker"));
    // Head(0) .(1) Sanders(2) ,(3) whose(4) candidacy(5) was(6)
    // founded(7) on(8) anger(9) ,(10) said(11) it(12) was(13) wrong(14)
    // .(15)
    let text = "Head.\n\nSanders, whose candidacy was founded on anger, said it was wrong.";
    let (source, _) = repaired(
        text,
        Some(2..10),
        11..12,
        12..15,
        source_before_its_own_verb,
    );
    assert_eq!(
        source.as_deref(),
        Some("Sanders, whose candidacy was founded on anger")
    );
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
    // Regression (dev): the source starting after the currency sign.
    assert_eq!(
        cut(text, "20 million experts", "say", "it costs").as_deref(),
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
    // A bare plural after a singular noun, when the content opens on its
    // verb: the content's subject is the noun before ("a move analysts
    // said would tighten supply"); with a subject of its own, the two
    // nouns are one ("the union members said they …").
    let text = "Head.\n\nOPEC+ agreed to extend cuts, a move analysts said would tighten supply.";
    assert_eq!(
        source_of(text, "a move analysts", "said", "would tighten supply").as_deref(),
        Some("analysts")
    );
    let text = "Head.\n\nThey ended a strike that company executives said could hurt earnings.";
    assert_eq!(
        source_of(
            text,
            "that company executives",
            "said",
            "could hurt earnings"
        )
        .as_deref(),
        Some("company executives")
    );
    let text = "Head.\n\nThey backed a plan some company executives said would fail.";
    assert_eq!(
        source_of(text, "some company executives", "said", "would fail").as_deref(),
        Some("some company executives")
    );
    let text = "Head.\n\nThe union members said they would strike.";
    assert_eq!(
        source_of(text, "The union members", "said", "they would strike").as_deref(),
        Some("The union members")
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

/// Regression: "Elon Musk's social media company X sued …, accusing" had
/// the source "Elon Musk's" and the speaker Musk: a source that ends in a
/// possessive runs on over the noun phrase it opens when that phrase's
/// head speaks (a name, people, an office, a body), not where the owner
/// is meant ("In Mr. Obama's eyes").
#[test]
fn a_possessive_source_takes_the_head_it_modifies() {
    let text = "Head.\n\nElon Musk's social media company X sued advertisers on Tuesday, \
                accusing them of a boycott.";
    let source = repaired_source(
        text,
        "Elon Musk's",
        "accusing",
        "them of a boycott",
        source_past_its_possessive,
    );
    assert_eq!(
        source.as_deref(),
        Some("Elon Musk's social media company X")
    );
    let text = "Head.\n\nThe senator's younger sister told reporters that he was fine.";
    let source = repaired_source(
        text,
        "The senator's",
        "told",
        "that he was fine",
        source_past_its_possessive,
    );
    assert_eq!(source.as_deref(), Some("The senator's younger sister"));
    let text = "Head.\n\nMr. Obama's eyes urged voters to trust her.";
    let source = repaired_source(
        text,
        "Mr. Obama's",
        "urged",
        "voters to trust her",
        source_past_its_possessive,
    );
    assert_eq!(source.as_deref(), Some("Mr. Obama's"));
}

/// Regression: "Chase Strangio, a lawyer with the ACLU, which represents
/// families, called the decision …" had the source "a lawyer with the
/// ACLU, which represents families": an anonymous lawyer, where the name
/// before the description is the cue's subject.
#[test]
fn a_description_after_a_name_takes_the_name_into_the_source() {
    let text = "Head.\n\nChase Strangio, a lawyer with the ACLU, which represents families, \
                called the ruling unfair.";
    let source = repaired_source(
        text,
        "a lawyer with the ACLU, which represents families,",
        "called",
        "the ruling unfair",
        source_with_its_apposed_name,
    );
    assert_eq!(
        source.as_deref(),
        Some("Chase Strangio, a lawyer with the ACLU, which represents families,")
    );
    // An opening phrase that is no name stays out ("Yesterday, a lawyer
    // … said").
    let text = "Head.\n\nOn Monday, a lawyer with the ACLU said the ruling was unfair.";
    let source = repaired_source(
        text,
        "a lawyer with the ACLU",
        "said",
        "the ruling was unfair",
        source_with_its_apposed_name,
    );
    assert_eq!(source.as_deref(), Some("a lawyer with the ACLU"));
}

/// Regression: "Spain's prime minister, Pedro Sánchez, on Monday
/// announced …" had no source: a time phrase between the apposition's
/// comma and the cue hid the subject, as an adverb there did not.
#[test]
fn a_subject_before_an_apposition_and_a_time_phrase() {
    let text = "Head.\n\nSpain's prime minister, Pedro Sánchez, on Monday announced a national \
                mourning period.";
    in_context(text, |doc, cx| {
        let mut a = attribution(
            None,
            doc.tokens_of("announced"),
            doc.tokens_of("a national mourning period"),
        );
        subject_before_an_apposition(cx, &mut a);
        assert_eq!(a.source, Some(doc.tokens_of("Spain's prime minister")));
    });
}

/// Regression: "The minister, Jane Roe, last week said …" had the source
/// "Jane Roe, last week": a time phrase after the source's last comma is
/// the cue's circumstance. A name after the comma stays ("Roe, Smith").
#[test]
fn a_source_ends_before_a_time_phrase_after_its_comma() {
    let text = "Head.\n\nThe minister, Jane Roe, last week said the plan was dead.";
    let (source, _) = repaired(
        text,
        Some(tokens_of(text, "Jane Roe, last week")),
        tokens_of(text, "said"),
        tokens_of(text, "the plan was dead"),
        source_without_a_trailing_time,
    );
    assert_eq!(source.as_deref(), Some("Jane Roe"));
    let text = "Head.\n\nThe lawyers, Jane Roe and John Doe, said the plan was dead.";
    let (source, _) = repaired(
        text,
        Some(tokens_of(text, "The lawyers, Jane Roe and John Doe,")),
        tokens_of(text, "said"),
        tokens_of(text, "the plan was dead"),
        source_without_a_trailing_time,
    );
    assert_eq!(
        source.as_deref(),
        Some("The lawyers, Jane Roe and John Doe,")
    );
}

/// The source and content texts `source_with_its_title` leaves, the
/// tagger's content given as the title piece and the clause after the cue.
fn with_title(text: &str, source: &str, title: &str, clause: &str) -> (String, Vec<String>) {
    let mut a = TokenAttribution {
        source: Some(tokens_of(text, source)),
        cue: tokens_of(text, "said"),
        content: vec![tokens_of(text, title), tokens_of(text, clause)],
    };
    in_context(text, |doc, cx| {
        source_with_its_title(cx, &mut a);
        let span = |r: &std::ops::Range<usize>| {
            text[doc.tokens[r.start].start..doc.tokens[r.end - 1].end].to_string()
        };
        (
            a.source.as_ref().map(span).unwrap_or_default(),
            a.content.iter().map(span).collect(),
        )
    })
}

/// Regression: "The company's chief economist, Jan Hatzius, said the
/// labor market remained strong" had the source "Jan Hatzius," and the
/// title as a first piece of content.
#[test]
fn a_title_before_a_named_source_is_the_source() {
    let text = "Head.\n\nThe company's chief economist, Jan Hatzius, said the labor market remained strong.";
    let (source, content) = with_title(
        text,
        "Jan Hatzius,",
        "The company's chief economist",
        "the labor market remained strong",
    );
    assert_eq!(source, "The company's chief economist, Jan Hatzius,");
    assert_eq!(content, ["the labor market remained strong"]);
    // A pronoun inside the content is no apposition: "A new campaign
    // manager, he said, could set a new tone".
    let text = "Head.\n\nA new campaign manager, he said, could set a new tone.";
    let (source, content) =
        with_title(text, "he", "A new campaign manager", "could set a new tone");
    assert_eq!(source, "he");
    assert_eq!(content.len(), 2);
    // A piece with a verb is a clause, no title, even where it ends in a
    // title noun.
    let text = "Head.\n\nProfits surprised every analyst, Jan Hatzius, said the labor market remained strong.";
    let (source, content) = with_title(
        text,
        "Jan Hatzius,",
        "Profits surprised every analyst",
        "the labor market remained strong",
    );
    assert_eq!(source, "Jan Hatzius,");
    assert_eq!(content.len(), 2);
}

/// `Tom Becker, who owns a bakery on Main Street that was hit twice, said
/// …`: the relative clause on "Main Street" belongs to the source, whether
/// the tagger gave it to the content or to nothing. A clause with no
/// comma before the cue ("officials said that …") is no relative clause
/// of the source.
#[test]
fn a_relative_clause_before_the_cue_joins_the_source() {
    let text = "Head.\n\nTom Becker, who owns a bakery on Main Street that was hit twice, \
                said he had spent $4,000 on locks.";
    let source = "Tom Becker, who owns a bakery on Main Street";
    let whole = "Tom Becker, who owns a bakery on Main Street that was hit twice";
    // The clause, or only its relative pronoun, given to the content.
    for given in ["that was hit twice", "that"] {
        let mut a = attribution(
            Some(tokens_of(text, source)),
            tokens_of(text, "said"),
            tokens_of(text, "he had spent $4,000 on locks"),
        );
        a.content.insert(0, tokens_of(text, given));
        in_context(text, |_, cx| relative_clause_into_the_source(cx, &mut a));
        assert_eq!(a.source, Some(tokens_of(text, whole)), "{given}");
        assert_eq!(a.content, [tokens_of(text, "he had spent $4,000 on locks")]);
    }
    let left_out = repaired_source(
        text,
        source,
        "said",
        "he had spent $4,000 on locks",
        relative_clause_into_the_source,
    );
    assert_eq!(left_out.as_deref(), Some(whole));
    let text = "Head.\n\nThe officials said that the plan was dead.";
    let kept = repaired_source(
        text,
        "The officials",
        "said",
        "that the plan was dead",
        relative_clause_into_the_source,
    );
    assert_eq!(kept.as_deref(), Some("The officials"));
}
