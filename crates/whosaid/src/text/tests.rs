use super::*;

#[test]
fn tokens_carry_their_lowercase_and_its_hash() {
    let doc = Document::new("Said SAID said ŁÓDŹ łódź 2016 U.S.");
    for i in 0..doc.tokens.len() {
        let lower = doc.token_text(i).to_lowercase();
        assert_eq!(doc.lower_sym(i), crate::perceptron::sym(&lower), "{lower}");
        assert_eq!(doc.lower(i), lower);
    }
    assert_eq!(doc.lower_sym(0), doc.lower_sym(1));
    assert_eq!(doc.lower_sym(3), doc.lower_sym(4));
}

fn toks(text: &str) -> Vec<String> {
    let d = Document::new(text);
    (0..d.tokens.len())
        .map(|i| d.token_text(i).to_string())
        .collect()
}

fn sents(text: &str) -> Vec<String> {
    let d = Document::new(text);
    d.sentences
        .iter()
        .map(|s| {
            let a = d.tokens[s.tokens.start].start;
            let b = d.tokens[s.tokens.end - 1].end;
            d.text()[a..b].to_string()
        })
        .collect()
}

#[test]
fn tokenizes_news_words() {
    assert_eq!(
        toks("Sen. O’Malley’s U.S. plan costs $3.2 million, or 800,000 votes..."),
        [
            "Sen.",
            "O’Malley’s",
            "U.S.",
            "plan",
            "costs",
            "$",
            "3.2",
            "million",
            ",",
            "or",
            "800,000",
            "votes",
            "..."
        ]
    );
    assert_eq!(
        toks("Interfax-Ukraine — a 6-1 vote"),
        ["Interfax-Ukraine", "—", "a", "6-1", "vote"]
    );
    assert_eq!(toks("“Hi,” he said"), ["“", "Hi", ",", "”", "he", "said"]);
    assert_eq!(toks("the Debates’ 15"), ["the", "Debates", "’", "15"]);
    assert_eq!(toks("George W. Bush"), ["George", "W.", "Bush"]);
    assert_eq!(
        toks("''Yes,'' he said"),
        ["''", "Yes", ",", "''", "he", "said"]
    );
}

/// Words with letters beyond ASCII, and joiners after them, read as
/// the ASCII fast path reads plain words.
#[test]
fn tokenizes_words_beyond_ascii() {
    assert_eq!(
        toks("Zürich’s naïve café—Łódź 9/11, ½ x٣4 façade-like"),
        [
            "Zürich’s",
            "naïve",
            "café",
            "—",
            "Łódź",
            "9/11",
            ",",
            "½",
            "x٣4",
            "façade-like"
        ]
    );
}

/// A dateline is a sentence of its own, so that the place is never
/// the subject of what follows; a dash inside a sentence splits
/// nothing, nor does a capitalized word that is no dateline.
#[test]
fn a_dateline_is_a_sentence_of_its_own() {
    for (text, dateline) in [
        ("WASHINGTON — Sen. Lopez said no.", "WASHINGTON —"),
        (
            "RENO, Nev. (AP) — The senator said no.",
            "RENO, Nev. (AP) —",
        ),
        ("KYIV, Ukraine -- Officials said no.", "KYIV, Ukraine --"),
        (
            "Philadelphia (AFP) – US President Barack Obama said no.",
            "Philadelphia (AFP) –",
        ),
    ] {
        let s = sents(text);
        assert_eq!(s.len(), 2, "{text}");
        assert_eq!(s[0], dateline);
    }
    assert_eq!(sents("NATO — the alliance — said no.").len(), 1);
    assert_eq!(sents("Washington — the capital — said no.").len(), 1);
    assert_eq!(sents("WASHINGTON said no — twice.").len(), 1);
    // Ordinary capitals make a dateline only with an agency.
    assert_eq!(sents("Pollsters agree - Clinton leads.").len(), 1);
    assert_eq!(sents("Senator Smith (R) — The bill passed.").len(), 1);
}

#[test]
fn splits_sentences_at_news_boundaries() {
    assert_eq!(
        sents("Mr. Smith went to Washington. He said no."),
        ["Mr. Smith went to Washington.", "He said no."]
    );
    assert_eq!(
        sents("He lives in the U.S. The rest stayed. Jan. 5 was cold."),
        [
            "He lives in the U.S.",
            "The rest stayed.",
            "Jan. 5 was cold."
        ]
    );
    assert_eq!(
        sents("“We will win.” Trump said so. “Why?” he asked."),
        ["“We will win.”", "Trump said so.", "“Why?” he asked."]
    );
    assert_eq!(
        sents("He paused... Then he left. The U.S. Senate voted."),
        ["He paused...", "Then he left.", "The U.S. Senate voted."]
    );
    assert_eq!(
        sents("George W. Bush spoke (briefly.) Then left."),
        ["George W. Bush spoke (briefly.)", "Then left."]
    );
}

#[test]
fn paragraphs_split_at_blank_lines_only() {
    let d = Document::new("Title\n\nOne line\nwrapped here.\n \nLast.");
    assert_eq!(d.paragraphs.len(), 3);
    assert_eq!(
        &d.text()[d.paragraphs[1].bytes.clone()],
        "One line\nwrapped here."
    );
}

/// Text written a paragraph per line (lines longer than wrapped text
/// has) has a paragraph per line; a wrapped block stays one (a
/// regression: a headline and 30 paragraphs joined by single newlines
/// were two paragraphs).
#[test]
fn unwrapped_lines_are_paragraphs() {
    let long = "A line far longer than any hard-wrapped line would be, as text exported \
                a paragraph per line has them, with a sentence or two in it.";
    let text = format!("Title\n{long}\n{long}\nShort last line.\n\nOne line\nwrapped here.");
    let d = Document::new(&text);
    let paragraphs: Vec<&str> = d
        .paragraphs
        .iter()
        .map(|p| &d.text()[p.bytes.clone()])
        .collect();
    assert_eq!(
        paragraphs,
        [
            "Title",
            long,
            long,
            "Short last line.",
            "One line\nwrapped here."
        ]
    );
}

/// Regression (hardening issue, finding 4): a run without sentence
/// ends is cut into bounded sentences, a huge paragraph into bounded
/// paragraphs, and both still tile the tokens in order.
#[test]
fn sentences_and_paragraphs_are_bounded() {
    let text = format!(
        "Short one. {}\n\n{}",
        "word ".repeat(5 * MAX_SENTENCE_TOKENS),
        "A sentence. ".repeat(MAX_PARAGRAPH_TOKENS)
    );
    let d = Document::new(text);
    let mut next = 0;
    for (p, para) in d.paragraphs.iter().enumerate() {
        let tokens = d.sentences[para.sentences.start].tokens.start
            ..d.sentences[para.sentences.end - 1].tokens.end;
        assert!(tokens.len() <= MAX_PARAGRAPH_TOKENS);
        assert_eq!(
            d.tokens[tokens.start].start, para.bytes.start,
            "paragraph {p} starts at its first token"
        );
        for s in &d.sentences[para.sentences.clone()] {
            assert_eq!(s.tokens.start, next);
            assert_eq!(s.paragraph, p);
            assert!(!s.tokens.is_empty() && s.tokens.len() <= MAX_SENTENCE_TOKENS);
            next = s.tokens.end;
        }
    }
    assert_eq!(next, d.tokens.len());
    assert!(d.paragraphs.len() >= 3, "{}", d.paragraphs.len());
    // Closing quotes glued to a sentence end stay bounded too.
    let marks = format!("Yes.{}", "”".repeat(10_000));
    let d = Document::new(marks);
    assert!(d
        .sentences
        .iter()
        .all(|s| s.tokens.len() <= MAX_SENTENCE_TOKENS));
}

#[test]
fn empty_and_whitespace_documents() {
    assert!(Document::new("").tokens.is_empty());
    assert!(Document::new(" \n\n\t").sentences.is_empty());
}

#[test]
fn char_offsets_map_bytes_to_code_points() {
    let text = "a’b “c” d";
    let map = CharOffsets::new(text);
    for (chars, (byte, _)) in text.char_indices().enumerate() {
        assert_eq!(map.char_offset(byte), chars);
        assert_eq!(byte_offset(text, chars), Some(byte));
    }
    assert_eq!(map.char_offset(text.len()), text.chars().count());
    assert_eq!(byte_offset(text, 100), None);
}

proptest::proptest! {
    /// Read off lead bytes, the map agrees with decoding every char.
    #[test]
    fn char_offsets_agree_with_char_indices(text in "\\PC{0,40}") {
        let map = CharOffsets::new(&text);
        for (chars, (byte, _)) in text.char_indices().enumerate() {
            proptest::prop_assert_eq!(map.char_offset(byte), chars);
        }
        proptest::prop_assert_eq!(map.char_offset(text.len()), text.chars().count());
    }

    /// The byte-level token tests agree with the text's: `token_is` with
    /// comparing the token's text, `is_capitalized` with its first char.
    #[test]
    fn token_tests_agree_with_token_text(text in "[A-Za-zÉéÄß,.\\- ]{0,40}") {
        let doc = Document::new(text);
        for i in 0..doc.tokens.len() {
            let word = doc.token_text(i);
            proptest::prop_assert!(doc.token_is(i, word));
            proptest::prop_assert_eq!(doc.token_is(i, ","), word == ",");
            proptest::prop_assert_eq!(
                doc.is_capitalized(i),
                word.starts_with(char::is_uppercase)
            );
        }
    }
}

#[test]
fn newlines_normalized_like_python() {
    assert_eq!(normalize_newlines("a\r\nb\rc\n"), "a\nb\nc\n");
}

/// Regression: "Del." (a delegate's title, a state) ended the
/// sentence, and "Del" became a speaker; "9/11" was three tokens, and
/// "9/11 widow Terry Strada" gave the speaker "9".
#[test]
fn state_abbreviations_and_slashed_numbers_stay_whole() {
    let doc =
        Document::new("It was wrong, said Del. Stacey Plaskett of Dover, Del. The vote came.");
    assert_eq!(doc.sentences.len(), 2, "{:?}", doc.sentences);
    let doc = Document::new("A 9/11 widow spoke at the 24/7 diner.");
    let words: Vec<&str> = (0..doc.tokens.len()).map(|i| doc.token_text(i)).collect();
    assert!(
        words.contains(&"9/11") && words.contains(&"24/7"),
        "{words:?}"
    );
    assert_eq!(doc.tokens[1].kind, TokenKind::Number);
}

/// The sentence of each token, stored at segmentation, is the one the
/// binary search over sentence ends finds (the first ending after the
/// token, or the last), also past the last token.
#[test]
fn stored_sentence_of_each_token_agrees_with_the_search() {
    for text in [
        "",
        "One.",
        "WASHINGTON — He said it. She did not.\n\n\"Quote,\" he added. Then: more",
        include_str!("../../../../examples/nato-rutte.txt"),
    ] {
        let doc = Document::new(text);
        for t in 0..doc.tokens.len() + 3 {
            assert_eq!(
                doc.sentence_of(t),
                doc.sentence_searched(t),
                "token {t} of {text:?}"
            );
        }
    }
}
