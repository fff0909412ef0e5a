//! Tests of the repairs of sentences that end in who reported them
//! (`repairs::trailing`).

use super::*;

/// `The company will announce layoffs next week, two people familiar with
/// the matter said.`: the tagger gave the clause to "will announce" and
/// ran it on over the speaker. The clause before the comma is what was
/// said; the inner attribution goes (after a record's verb, "…, records
/// show.", it stops at the comma). A subordinate clause
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
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].source,
        Some(tokens_of(text, "two people familiar with the matter"))
    );
    assert_eq!(found[0].cue, tokens_of(text, "said"));
    assert_eq!(
        found[0].content,
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
    // A record's finite verb at the end reports the clause too; the
    // participle of a reduced relative does not.
    let text = "Head.\n\nThe committee raised $57 million last year, campaign finance \
                records show.";
    let mut found = vec![attribution(
        Some(tokens_of(text, "The committee")),
        tokens_of(text, "raised"),
        tokens_of(text, "$57 million last year, campaign finance records show"),
    )];
    in_context(text, |_, cx| trailing_say_clause(cx, &mut found));
    assert_eq!(found.len(), 2);
    assert_eq!(found[0].content, [tokens_of(text, "$57 million last year")]);
    assert_eq!(
        found[1].source,
        Some(tokens_of(text, "campaign finance records"))
    );
    for text in [
        "Head.\n\nThe deal limits hydrofluorocarbons, potent chemicals found in air conditioners.",
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

/// `…, the company said Tuesday, as it struggles …`: a time or channel
/// between the verb and the appendix's comma still leaves the clause
/// before the speaker as the statement (the tagger read "Tuesday, as it
/// struggles …" as the content); a record's verb takes an appendix too
/// ("…, official figures show, as doctors prepare …"). A "that" after the
/// comma is the statement's second half, not an appendix.
#[test]
fn an_appendix_after_the_verb_and_its_circumstance_leaves_the_clause_before() {
    let text = "Head.\n\nStreamly will lay off 800 employees, or 6% of its workforce, the \
                company said Tuesday, as it struggles to add subscribers.";
    let mut found = vec![attribution(
        None,
        tokens_of(text, "said"),
        tokens_of(text, "Tuesday, as it struggles to add subscribers"),
    )];
    in_context(text, |_, cx| trailing_say_clause(cx, &mut found));
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].source, Some(tokens_of(text, "the company")));
    assert_eq!(
        found[0].content,
        [tokens_of(
            text,
            "Streamly will lay off 800 employees, or 6% of its workforce"
        )]
    );
    let text = "Head.\n\nWaiting lists in England have reached a record 7.8 million, \
                official figures show, as junior doctors prepare for another walkout.";
    let mut found = Vec::new();
    in_context(text, |_, cx| trailing_say_clause(cx, &mut found));
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].source, Some(tokens_of(text, "official figures")));
    assert_eq!(found[0].cue, tokens_of(text, "show"));
    assert_eq!(
        found[0].content,
        [tokens_of(
            text,
            "Waiting lists in England have reached a record 7.8 million"
        )]
    );
    let text = "Head.\n\nIt makes a difference, she said in an interview afterward, that the \
                campaign does not forget us.";
    let mut found = vec![attribution(
        Some(tokens_of(text, "she")),
        tokens_of(text, "said"),
        tokens_of(text, "that the campaign does not forget us"),
    )];
    let before = found.clone();
    in_context(text, |_, cx| trailing_say_clause(cx, &mut found));
    assert_eq!(found, before);
}

/// `…, according to a poll.` and `According to the report, …`: the
/// clause the frame reports is its content, and an inner cue's
/// attribution goes with it (PolNeAR marks the outer one only). A
/// subordinate clause alone and a source holding a finite verb outside a
/// relative clause, or one saying what was said, are no such frame.
#[test]
fn according_to_frames_the_whole_clause() {
    let text = "Head.\n\nSome 55 percent of voters said they do not trust her, according \
                to a Quinnipiac poll conducted in February.";
    let mut found = vec![attribution(
        Some(tokens_of(text, "Some 55 percent of voters")),
        tokens_of(text, "said"),
        tokens_of(text, "they do not trust her"),
    )];
    in_context(text, |_, cx| according_to_frame(cx, &mut found));
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].cue, tokens_of(text, "according to"));
    assert_eq!(
        found[0].source,
        Some(tokens_of(text, "a Quinnipiac poll conducted in February"))
    );
    assert_eq!(
        found[0].content,
        [tokens_of(
            text,
            "Some 55 percent of voters said they do not trust her"
        )]
    );
    // The comma may close a quotation, which then belongs to the clause.
    let text = "Head.\n\nVoters do not believe she \"cares about people like me,\" \
                according to the poll.";
    let mut found = Vec::new();
    in_context(text, |_, cx| according_to_frame(cx, &mut found));
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].content,
        [tokens_of(
            text,
            "Voters do not believe she \"cares about people like me,\""
        )]
    );
    // Opening the sentence, the frame reports the clause after its comma.
    let text = "Head.\n\nAccording to the book, the contractors said they were ready.";
    let mut found = vec![attribution(
        Some(tokens_of(text, "the contractors")),
        tokens_of(text, "said"),
        tokens_of(text, "they were ready"),
    )];
    in_context(text, |_, cx| according_to_frame(cx, &mut found));
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].source, Some(tokens_of(text, "the book")));
    assert_eq!(
        found[0].content,
        [tokens_of(text, "the contractors said they were ready")]
    );
    // A relative clause on the source ("who spoke on condition of
    // anonymity because …") leaves it a source.
    let text = "Head.\n\nThe cuts would affect sales teams, according to two people who \
                spoke on condition of anonymity because the plans were not yet public.";
    let mut found = vec![attribution(
        Some(tokens_of(
            text,
            "two people who spoke on condition of anonymity",
        )),
        tokens_of(text, "according to"),
        tokens_of(text, "because the plans were not yet public"),
    )];
    in_context(text, |_, cx| according_to_frame(cx, &mut found));
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].content,
        [tokens_of(text, "The cuts would affect sales teams")]
    );
    for text in [
        "Head.\n\nWhen the deal was signed, according to the minutes.",
        "Head.\n\nThe plan failed, according to aides who said it was doomed.",
    ] {
        let mut found = Vec::new();
        in_context(text, |_, cx| according_to_frame(cx, &mut found));
        assert!(found.is_empty(), "{text}: {found:?}");
    }
}

/// `…, the minister said on Tuesday, the latest in a series of attacks.`:
/// a noun phrase set beside the sentence after the verb's circumstance is
/// an appendix too (the tagger read "on Tuesday, the latest …" as the
/// content); one with a finite verb of its own is a clause, not one.
#[test]
fn a_noun_phrase_appendix_leaves_the_clause_before() {
    let text = "Head.\n\nDrones struck a power plant in Kharkiv overnight, the energy \
                minister said on Tuesday, the latest in a series of attacks on the grid.";
    let mut found = vec![attribution(
        Some(tokens_of(text, "the energy minister")),
        tokens_of(text, "said"),
        tokens_of(
            text,
            "on Tuesday, the latest in a series of attacks on the grid",
        ),
    )];
    in_context(text, |_, cx| trailing_say_clause(cx, &mut found));
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        found[0].content,
        [tokens_of(
            text,
            "Drones struck a power plant in Kharkiv overnight"
        )]
    );
    let text = "Head.\n\nDrones struck a power plant overnight, officials said on Tuesday, \
                the army would respond.";
    let before = vec![attribution(
        Some(tokens_of(text, "officials")),
        tokens_of(text, "said"),
        tokens_of(text, "the army would respond"),
    )];
    let mut found = before.clone();
    in_context(text, |_, cx| trailing_say_clause(cx, &mut found));
    assert_eq!(found, before);
}

/// `As Reuters reported last month, …`: an opening "as" clause of a
/// reporting verb frames the rest of the sentence (PolNeAR: "As The
/// Atlantic recently noted, trust in government is collapsing"); the
/// cue keeps its adverb and circumstance, not the verb's listener. A verb
/// with an object or a clause of its own before the comma is no frame.
#[test]
fn an_opening_as_clause_frames_the_rest_of_its_sentence() {
    let frame = |text: &str, found: &mut Vec<TokenAttribution>| {
        in_context(text, |_, cx| according_to_frame(cx, found));
    };
    let text = "Head.\n\nAs Reuters reported last month, officials have asked for more \
                air defense systems.";
    let mut found = vec![attribution(
        Some(tokens_of(text, "Reuters")),
        tokens_of(text, "reported"),
        tokens_of(text, "last month"),
    )];
    frame(text, &mut found);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].source, Some(tokens_of(text, "Reuters")));
    assert_eq!(found[0].cue, tokens_of(text, "reported last month"));
    assert_eq!(
        found[0].content,
        [tokens_of(
            text,
            "officials have asked for more air defense systems"
        )]
    );
    let text = "Head.\n\nAs the New York Times first reported, the Justice Department has \
                opened an investigation.";
    let mut found = Vec::new();
    frame(text, &mut found);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].source, Some(tokens_of(text, "the New York Times")));
    assert_eq!(found[0].cue, tokens_of(text, "first reported"));
    let text = "Head.\n\nAs he told reporters, the talks will resume on Monday.";
    let mut found = Vec::new();
    frame(text, &mut found);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].source, Some(tokens_of(text, "he")));
    assert_eq!(found[0].cue, tokens_of(text, "told"));
    assert_eq!(
        found[0].content,
        [tokens_of(text, "the talks will resume on Monday")]
    );
    for text in [
        "Head.\n\nAs Trump said he would, the president signed the order on Monday.",
        "Head.\n\nAs the campaign reported $1 million in donations, its rivals struggled.",
        "Head.\n\nAs expected, the council approved the budget on Monday.",
    ] {
        let mut found = Vec::new();
        frame(text, &mut found);
        assert!(found.is_empty(), "{text}: {found:?}");
    }
}

/// `Acme said it would cut 14,000 jobs, | the latest sign | that AI is
/// reshaping work.`: the clause of a noun phrase set beside the content is
/// the outlet's comment, no part of what was said; a relative clause in a
/// list the content goes on with ("…, the closure of loopholes | that
/// benefit only the wealthy") stays.
#[test]
fn the_clause_of_a_noun_phrase_appendix_is_no_content() {
    let content_after = |text: &str, pieces: [&str; 2]| {
        let mut a = TokenAttribution {
            source: Some(tokens_of(text, "Acme")),
            cue: tokens_of(text, "said"),
            content: pieces.iter().map(|p| tokens_of(text, p)).collect(),
        };
        in_context(text, |_, cx| appendix_clause_out_of_content(cx, &mut a));
        a.content
    };
    let text = "Head.\n\nAcme said it would cut 14,000 jobs, the latest sign that artificial \
                intelligence is reshaping office work.";
    assert_eq!(
        content_after(
            text,
            [
                "it would cut 14,000 jobs",
                "that artificial intelligence is reshaping office work"
            ]
        ),
        [tokens_of(text, "it would cut 14,000 jobs")]
    );
    let text = "Head.\n\nAcme said it wants tax fairness, the closure of loopholes that benefit \
                only the wealthy.";
    let pieces = ["it wants tax fairness", "that benefit only the wealthy"];
    assert_eq!(
        content_after(text, pieces),
        pieces.map(|p| tokens_of(text, p))
    );
}

/// Regression: "…, the Labor Department said Friday, fewer than expected."
/// had the content "fewer than expected": a comparison set beside the
/// sentence is an appendix, as a noun phrase is. And "…, the Centers for
/// Disease Control and Prevention said Wednesday, the most since 2019." had
/// the source "Disease Control and Prevention": a source the tagger began
/// inside the noun phrase before the verb is the phrase.
#[test]
fn a_comparison_after_the_trailing_verb_is_an_appendix_and_the_source_is_whole() {
    let text = "Head.\n\nEmployers hired 150,000 workers in October, the Labor Department \
                said Friday, fewer than expected.";
    let mut found = vec![attribution(
        None,
        tokens_of(text, "said"),
        tokens_of(text, "fewer than expected"),
    )];
    in_context(text, |_, cx| trailing_say_clause(cx, &mut found));
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].source,
        Some(tokens_of(text, "the Labor Department"))
    );
    assert_eq!(
        found[0].content,
        [tokens_of(
            text,
            "Employers hired 150,000 workers in October"
        )]
    );
    let text = "Head.\n\nCases rose to 1,046 this year, the Centers for Disease Control and \
                Prevention said Wednesday, the most since 2019.";
    let mut found = vec![attribution(
        Some(tokens_of(text, "Disease Control and Prevention")),
        tokens_of(text, "said"),
        tokens_of(text, "Cases rose to 1,046 this year"),
    )];
    in_context(text, |_, cx| trailing_say_clause(cx, &mut found));
    assert_eq!(
        found[0].source,
        Some(tokens_of(
            text,
            "the Centers for Disease Control and Prevention"
        ))
    );
}

/// Regression: "Prices rose 3 percent, the Department of Commerce reported
/// on Thursday." had no attribution: a reporting verb other than "said"
/// ends such a sentence as "said" does; its participle does not ("…, with
/// no injuries reported.").
#[test]
fn another_reporting_verb_ends_a_sentence_as_said_does() {
    let text = "Head.\n\nPrices rose 3 percent, the Department of Commerce reported on Thursday.";
    let mut found = Vec::new();
    in_context(text, |_, cx| trailing_say_clause(cx, &mut found));
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].cue, tokens_of(text, "reported"));
    assert_eq!(
        found[0].source,
        Some(tokens_of(text, "the Department of Commerce"))
    );
    assert_eq!(found[0].content, [tokens_of(text, "Prices rose 3 percent")]);
    let text = "Head.\n\nA fire broke out at the plant overnight, with no injuries reported.";
    let mut found = Vec::new();
    in_context(text, |_, cx| trailing_say_clause(cx, &mut found));
    assert!(found.is_empty(), "{found:?}");
    // Nor a noun after an "according to" frame.
    let text = "Head.\n\nThe campaign spent little on data, according to its FEC reports.";
    let mut found = Vec::new();
    in_context(text, |_, cx| trailing_say_clause(cx, &mut found));
    assert!(found.is_empty(), "{found:?}");
}

/// Regression: "According to the Pew Research Center, a nonpartisan think
/// tank, most adults use the app" gave the apposition to the content: an
/// apposition after the source's comma is the source's, unless a finite
/// verb outside a relative clause makes it the clause ("According to
/// Smith, the economy grew, and prices rose").
#[test]
fn an_apposition_after_a_leading_according_to_source_is_the_source() {
    let source_and_content = |text: &str| {
        let mut found = Vec::new();
        in_context(text, |_, cx| according_to_frame(cx, &mut found));
        assert_eq!(found.len(), 1, "{text}");
        let doc = Document::new(text);
        let words = |r: &std::ops::Range<usize>| {
            text[doc.tokens[r.start].start..doc.tokens[r.end - 1].end].to_string()
        };
        let source = found[0].source.as_ref().map(words).unwrap_or_default();
        (source, words(&found[0].content[0]))
    };
    let (source, content) = source_and_content(
        "Head.\n\nAccording to Layoffs.fyi, a website that tracks job cuts, more than \
         260,000 tech workers lost their jobs last year.",
    );
    assert_eq!(source, "Layoffs.fyi, a website that tracks job cuts");
    assert!(content.starts_with("more than"), "{content}");
    let (source, content) =
        source_and_content("Head.\n\nAccording to Smith, the economy grew, and prices rose.");
    assert_eq!(source, "Smith");
    assert!(content.starts_with("the economy"), "{content}");
}

/// `The fines were smaller than analysts had expected. Officials were
/// wary, two people familiar with the matter said.`: the tagger, missing
/// the trailing "said", gave the clause to the nearest cue in the
/// paragraph, a sentence before, and ran it on over the speaker; the
/// clause is the trailing speaker's
/// alone, and the earlier cue, left with nothing, goes.
#[test]
fn a_trailing_say_clause_takes_its_clause_from_a_cue_of_another_sentence() {
    let text = "Head.\n\nThe fines were smaller than many analysts had expected. Officials \
                were wary of provoking Washington, two people familiar with the matter said.";
    let mut found = vec![attribution(
        Some(tokens_of(text, "many analysts")),
        tokens_of(text, "had expected"),
        tokens_of(
            text,
            "Officials were wary of provoking Washington, two people familiar with the matter said",
        ),
    )];
    in_context(text, |_, cx| trailing_say_clause(cx, &mut found));
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        found[0].source,
        Some(tokens_of(text, "two people familiar with the matter"))
    );
    assert_eq!(
        found[0].content,
        [tokens_of(
            text,
            "Officials were wary of provoking Washington"
        )]
    );
}

/// Regression: "Etched, a San Francisco startup …, has raised $200
/// million in new funding, the company announced Thursday." lost "Etched,
/// a" from the content, where the tagger began it past the subject's
/// apposition: the clause before the trailing verb is the statement from
/// its first word; an opening connective stays out.
#[test]
fn a_trailing_verbs_own_attribution_takes_the_clause_from_its_subject() {
    let text = "Head.\n\nEtched, a San Francisco startup designing chips, has raised $200 \
                million in new funding, the company announced Thursday.";
    let mut found = vec![attribution(
        Some(tokens_of(text, "the company")),
        tokens_of(text, "announced"),
        tokens_of(
            text,
            "San Francisco startup designing chips, has raised $200 million in new funding",
        ),
    )];
    in_context(text, |_, cx| trailing_say_clause(cx, &mut found));
    assert_eq!(
        found[0].content,
        [tokens_of(
            text,
            "Etched, a San Francisco startup designing chips, has raised $200 million in new \
             funding"
        )]
    );
    let text = "Head.\n\nIn addition, the campaign plans to release more records soon, the \
                spokesman announced.";
    let content = tokens_of(text, "the campaign plans to release more records soon");
    let mut found = vec![attribution(
        Some(tokens_of(text, "the spokesman")),
        tokens_of(text, "announced"),
        content.clone(),
    )];
    in_context(text, |_, cx| trailing_say_clause(cx, &mut found));
    assert_eq!(found[0].content, [content]);
}

/// `…, police spokesperson Sgt. Lena Ortiz told reporters.`: "told" and
/// its hearer ending a sentence report the clause before the comma, as
/// "said" does; the tagger had read the hearer as what was told. A clause
/// after the hearer ("told reporters he would resign") is what was told,
/// and the sentence is left alone.
#[test]
fn a_trailing_told_and_its_hearer_report_the_clause_before_them() {
    let text = "Head.\n\nThe man was taken into custody after a tip from a neighbor, \
                police spokesperson Sgt. Lena Ortiz told reporters.";
    let speaker = tokens_of(text, "police spokesperson Sgt. Lena Ortiz");
    let mut found = vec![attribution(
        Some(speaker.clone()),
        tokens_of(text, "told"),
        tokens_of(text, "reporters"),
    )];
    in_context(text, |_, cx| trailing_say_clause(cx, &mut found));
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].source, Some(speaker));
    assert_eq!(
        found[0].content,
        [tokens_of(
            text,
            "The man was taken into custody after a tip from a neighbor"
        )]
    );
    let text = "Head.\n\nAfter a long debate, the mayor told reporters he would resign.";
    let told = attribution(
        Some(tokens_of(text, "the mayor")),
        tokens_of(text, "told"),
        tokens_of(text, "he would resign"),
    );
    let mut found = vec![told.clone()];
    in_context(text, |_, cx| trailing_say_clause(cx, &mut found));
    assert_eq!(found, [told]);
}

/// `…, police spokesperson Sgt. Lena Ortiz said.`: the tagger began the
/// source at the title's abbreviation and gave the words before it to the
/// content. The whole phrase is the source, and the content is the clause
/// before the comma.
#[test]
fn a_trailing_speaker_cut_at_an_abbreviation_is_made_whole() {
    let text = "Head.\n\nThe man was taken into custody after a tip from a neighbor, \
                police spokesperson Sgt. Lena Ortiz said.";
    let clause = tokens_of(
        text,
        "The man was taken into custody after a tip from a neighbor",
    );
    let mut found = vec![TokenAttribution {
        source: Some(tokens_of(text, "Sgt. Lena Ortiz")),
        cue: tokens_of(text, "said"),
        content: vec![clause.clone(), tokens_of(text, "police spokesperson")],
    }];
    in_context(text, |_, cx| trailing_say_clause(cx, &mut found));
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].source,
        Some(tokens_of(text, "police spokesperson Sgt. Lena Ortiz"))
    );
    assert_eq!(found[0].content, [clause]);
}
