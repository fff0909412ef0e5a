//! Poll frames: "In a Des Moines Register poll last month, Mr. Cruz had a
//! 10-point lead." The poll is the source, "In" the cue and the clause
//! after the comma what the poll reports. No verb says so, which is why
//! neither the cue lexicon nor the tagger finds it (PolNeAR marks it, with
//! the cue "In").

use super::TokenAttribution;

use crate::text::{Document, TokenKind};

/// Words that make the phrase after "In" a poll.
const POLL_WORDS: &[&str] = &["poll", "polls", "survey", "surveys"];
/// Words that open a clause inside the phrase ("In eight states where exit
/// polls were conducted, …"): it is about something else than the poll.
const CLAUSE_WORDS: &[&str] = &["where", "which", "who", "that", "when", "while", "as"];
/// Participles that go on describing the poll after its comma ("In the new
/// Morning Consult poll, conducted March 11-13, …").
const POLL_PARTICIPLES: &[&str] = &["conducted", "released", "taken", "published", "fielded"];
/// Sentence adverbs between the comma and the clause ("…, however, 73
/// percent …"): not what the poll says.
const CONNECTIVES: &[&str] = &["however", "though", "meanwhile", "moreover", "also", "too"];
/// Longest phrase between "In" and its comma, in tokens.
const MAX_PHRASE: usize = 20;

/// The poll frames of `doc`: a sentence opening with "In", a noun phrase
/// holding "poll" or "survey" (no clause of its own), a comma, and a clause
/// of at least three tokens, which is the content (without the sentence's
/// closing punctuation).
pub(crate) fn poll_frames(doc: &Document) -> Vec<TokenAttribution> {
    let mut found = Vec::new();
    for sentence in &doc.sentences {
        let tokens = sentence.tokens.clone();
        let start = tokens.start;
        if tokens.len() < 6 || !doc.token_is(start, "In") {
            continue;
        }
        let Some(comma) = (start + 1..tokens.end.min(start + 1 + MAX_PHRASE))
            .find(|&i| matches!(doc.token_text(i), "," | "." | ";" | ":"))
        else {
            continue;
        };
        if !doc.token_is(comma, ",") {
            continue;
        }
        let phrase = start + 1..comma;
        let has = |list: &[&str]| {
            phrase.clone().any(|i| {
                list.iter()
                    .any(|w| doc.token_text(i).eq_ignore_ascii_case(w))
            })
        };
        if !has(POLL_WORDS) || has(CLAUSE_WORDS) {
            continue;
        }
        let listed = |i: usize, list: &[&str]| {
            list.iter()
                .any(|w| doc.token_text(i).eq_ignore_ascii_case(w))
        };
        // The participle's phrase ends at the next comma.
        let mut comma = comma;
        if comma + 1 < tokens.end && listed(comma + 1, POLL_PARTICIPLES) {
            match (comma + 2..tokens.end.min(comma + 2 + MAX_PHRASE))
                .find(|&i| matches!(doc.token_text(i), "," | "." | ";" | ":"))
            {
                Some(next) if doc.token_is(next, ",") => comma = next,
                _ => continue,
            }
        }
        let mut content_start = comma + 1;
        if content_start + 1 < tokens.end
            && listed(content_start, CONNECTIVES)
            && doc.token_is(content_start + 1, ",")
        {
            content_start += 2;
        }
        let mut end = tokens.end;
        while end > content_start && !is_text(doc, end - 1) {
            end -= 1;
        }
        if end < content_start + 3 {
            continue;
        }
        found.push(TokenAttribution {
            source: Some(phrase),
            cue: start..start + 1,
            content: std::iter::once(content_start..end).collect(),
        });
    }
    found
}

/// Whether token `i` carries text rather than closing punctuation.
fn is_text(doc: &Document, i: usize) -> bool {
    !matches!(doc.tokens[i].kind, TokenKind::Punct | TokenKind::QuoteMark)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frames(text: &str) -> Vec<(String, String, String)> {
        let doc = Document::new(text);
        let t = |r: &std::ops::Range<usize>| {
            text[doc.tokens[r.start].start..doc.tokens[r.end - 1].end].to_string()
        };
        poll_frames(&doc)
            .iter()
            .map(|a| (t(a.source.as_ref().unwrap()), t(&a.cue), t(&a.content[0])))
            .collect()
    }

    #[test]
    fn a_sentence_opening_with_a_poll_is_its_report() {
        assert_eq!(
            frames(
                "Head.\n\nIn a Des Moines Register poll last month, Mr. Cruz had a 10-point lead."
            ),
            [(
                "a Des Moines Register poll last month".to_string(),
                "In".to_string(),
                "Mr. Cruz had a 10-point lead".to_string()
            )]
        );
    }

    #[test]
    fn other_openings_are_no_poll_frames() {
        // No poll; a clause inside the phrase; "in" inside the sentence.
        assert!(
            frames("Head.\n\nIn a statement on Monday, the senator said he would run.").is_empty()
        );
        assert!(frames(
            "Head.\n\nIn eight states where exit polls were conducted, voters wanted change."
        )
        .is_empty());
        assert!(frames("Head.\n\nMr. Cruz leads in a new poll, with Rubio second.").is_empty());
    }
}
