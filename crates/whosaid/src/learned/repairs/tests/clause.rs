//! "That" clauses stopped at their subject.

use super::*;

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

/// Regression (the example article, retrained tagger): "argued that Trump's
/// effort to engage with Putin, something the Biden administration refused
/// to do, has broken the gridlock" was read as two attributions, the
/// second opening inside the aside ("the Biden administration | refused").
/// An infinitive inside the subject is no verb of the clause, and the next
/// attribution may open after the aside's first nouns; not after "while".
#[test]
fn a_that_clause_cut_before_a_noun_phrase_aside_takes_the_rest_back() {
    // The two attributions of `text`, each (source, cue, content), after
    // the repair.
    let repaired = |text: &str, parts: [(&str, &str, &str); 2]| {
        let mut found: Vec<_> = parts
            .iter()
            .map(|&(source, cue, content)| {
                attribution(
                    Some(tokens_of(text, source)),
                    tokens_of(text, cue),
                    tokens_of(text, content),
                )
            })
            .collect();
        in_context(text, |_, cx| clause_completed_by_next(cx, &mut found));
        found
    };
    let text = "Head.\n\nRutte argued that Trump's effort to engage with Putin, something \
                the Biden administration refused to do, has broken the gridlock.";
    let found = repaired(
        text,
        [
            (
                "Rutte",
                "argued",
                "that Trump's effort to engage with Putin",
            ),
            (
                "the Biden administration",
                "refused",
                "to do, has broken the gridlock",
            ),
        ],
    );
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].content,
        [tokens_of(
            text,
            "that Trump's effort to engage with Putin, something the Biden administration \
             refused to do, has broken the gridlock"
        )]
    );

    let text = "Head.\n\nRubio suggested that someone like him, while Cruz said the stakes \
                were too high, could not win.";
    let found = repaired(
        text,
        [
            ("Rubio", "suggested", "that someone like him"),
            ("Cruz", "said", "the stakes were too high, could not win"),
        ],
    );
    assert_eq!(found.len(), 2);
}

/// Regression: "Protesters were frustrated that the city's police
/// department | released only some of the footage" and "assume that my
/// parents, | James and Olive Meehan, were uneducated" ended what was said
/// at the clause's subject, with no attribution after it: the clause runs
/// to the sentence's end (a comment after its comma left out), not when a
/// predicate of the main clause follows ("declined that assignment | and
/// has since left"), nor over a reduced relative ("rejected that argument
/// in a ruling | released Thursday").
#[test]
fn a_that_clause_cut_at_its_subject_runs_to_its_verb() {
    let completed = |text: &str, source: &str, cue: &str, content: &str| {
        let mut found = vec![attribution(
            Some(tokens_of(text, source)),
            tokens_of(text, cue),
            tokens_of(text, content),
        )];
        in_context(text, |doc, cx| {
            clause_completed_by_next(cx, &mut found);
            let r = &found[0].content[0];
            text[doc.tokens[r.start].start..doc.tokens[r.end - 1].end].to_string()
        })
    };
    let text = "Head.\n\nProtesters were frustrated that the city's police department released \
                only some of the video footage.";
    assert_eq!(
        completed(
            text,
            "Protesters",
            "were frustrated",
            "that the city's police department"
        ),
        "that the city's police department released only some of the video footage"
    );
    let text = "Head.\n\nYou might assume that my parents, James and Olive Meehan, were \
                uneducated, which they were not.";
    assert_eq!(
        completed(text, "You", "might assume", "that my parents"),
        "that my parents, James and Olive Meehan, were uneducated"
    );
    let text = "Head.\n\nShe declined that assignment and has since left the network.";
    assert_eq!(
        completed(text, "She", "declined", "that assignment"),
        "that assignment"
    );
    let text = "Head.\n\nThe judge rejected that argument in a ruling released Thursday.";
    assert_eq!(
        completed(text, "The judge", "rejected", "that argument in a ruling"),
        "that argument in a ruling"
    );
}
