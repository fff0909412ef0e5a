//! Interview transcripts: a paragraph opened by a speaker label in
//! capitals and a colon is one attribution of that speaker, going on over
//! the unlabelled paragraphs up to the next turn.

use super::TokenAttribution;
use crate::text::{Document, TokenKind};

/// The turns of an interview transcript: paragraphs opening with a speaker
/// label in capitals and a colon (`WALLACE: Let's start …`, `"PENCE: Well,
/// look …`, `Q: …`), the label the source, the colon the cue, the rest of
/// the paragraph the content. Only in a document with at least
/// [`MIN_TURNS`] such paragraphs under at least two labels: a lone
/// `UPDATE:` or `CORRECTION:` is a rubric, not a speaker. Labels in title
/// case (`Costa: We expect …`) count only in a question-and-answer
/// document, one with `Q:` turns: elsewhere `Related:` or `Watch:` are
/// rubrics.
pub(crate) fn transcript_turns(doc: &Document) -> Vec<TokenAttribution> {
    // Each turn with its label's text and whether it is in title case.
    let mut turns = Vec::new();
    for (p, para) in doc.paragraphs.iter().enumerate().skip(1) {
        let Some(first) = doc.sentences.get(para.sentences.start) else {
            continue;
        };
        let Some(last) = doc.sentences.get(para.sentences.end.saturating_sub(1)) else {
            continue;
        };
        let mut start = first.tokens.start;
        if doc.tokens.get(start).map(|t| t.kind) == Some(TokenKind::QuoteMark) {
            start += 1;
        }
        let Some(colon) = label_colon(doc, start, first.tokens.end) else {
            continue;
        };
        let label = start..colon;
        let capitals = |i: usize| {
            let text = doc.token_text(i);
            match doc.tokens[i].kind {
                TokenKind::Word | TokenKind::Abbreviation => {
                    text.chars().any(char::is_alphabetic) && !text.chars().any(char::is_lowercase)
                }
                _ => false,
            }
        };
        let mut end = last.tokens.end;
        if end > colon + 1 && doc.tokens[end - 1].kind == TokenKind::QuoteMark {
            end -= 1;
        }
        let words = (colon + 1..end)
            .filter(|&i| doc.tokens[i].kind == TokenKind::Word)
            .count();
        // "Costa", "Ana Costa": capitalized words, the rest lowercase.
        let title_case = |i: usize| {
            let text = doc.token_text(i);
            doc.tokens[i].kind == TokenKind::Word
                && text.starts_with(char::is_uppercase)
                && text.chars().skip(1).all(char::is_lowercase)
        };
        if label.is_empty() || words < 3 {
            continue;
        }
        let titled = if label.clone().all(capitals) {
            false
        } else if label.clone().all(title_case) {
            true
        } else {
            continue;
        };
        let text = &doc.text()[doc.tokens[label.start].start..doc.tokens[colon - 1].end];
        turns.push((
            text,
            titled,
            p,
            TokenAttribution {
                source: Some(label),
                cue: colon..colon + 1,
                content: std::iter::once(colon + 1..end).collect(),
            },
        ));
    }
    let questions = turns.iter().any(|(text, _, _, _)| *text == "Q");
    turns.retain(|(_, titled, _, _)| !titled || questions);
    let mut labels: Vec<&str> = turns.iter().map(|(text, _, _, _)| *text).collect();
    labels.sort_unstable();
    labels.dedup();
    if turns.len() < MIN_TURNS || labels.len() < 2 {
        return Vec::new();
    }
    let next_turns: Vec<usize> = turns.iter().skip(1).map(|(_, _, p, _)| *p).collect();
    turns
        .into_iter()
        .zip(next_turns.into_iter().map(Some).chain([None]))
        .map(|((_, _, p, mut turn), next)| {
            if let Some(next) = next {
                turn.content.extend(continued_turn(doc, p + 1..next));
            }
            turn
        })
        .collect()
}

/// The paragraphs without a label between a turn and the next one
/// (`paragraphs`), which go on with what the turn's speaker says (PolNeAR
/// annotates them so), up to a stage direction in parentheses (`(CROSSTALK.)`,
/// `(BEGIN VIDEO CLIP.)`), after which the speaker may have changed, or up to
/// a label (`A: Yes.`, too short for a turn of its own). After a
/// transcript's last turn the page goes on with its own text (`Follow Jane
/// Roe on Twitter`), so that turn is not continued.
fn continued_turn(
    doc: &Document,
    paragraphs: std::ops::Range<usize>,
) -> Vec<std::ops::Range<usize>> {
    let mut content = Vec::new();
    for para in &doc.paragraphs[paragraphs] {
        let (Some(first), Some(last)) = (
            doc.sentences.get(para.sentences.start),
            doc.sentences.get(para.sentences.end.saturating_sub(1)),
        ) else {
            break;
        };
        let (mut start, mut end) = (first.tokens.start, last.tokens.end);
        if doc.tokens.get(start).map(|t| t.kind) == Some(TokenKind::QuoteMark) {
            start += 1;
        }
        if end > start + 1 && doc.tokens[end - 1].kind == TokenKind::QuoteMark {
            end -= 1;
        }
        let opens = |i: usize| matches!(doc.token_text(i), "(" | "[");
        // A short turn the transcript's filter left out (`A: Yes.`) or any
        // other label ends it too.
        let labelled = label_colon(doc, start, end).is_some_and(|colon| colon > start);
        if start >= end || opens(start) || labelled {
            break;
        }
        content.push(start..end);
    }
    content
}

/// The colon ending a speaker label that opens a paragraph at `start`: the
/// first colon among the [`MAX_LABEL_TOKENS`] tokens after it, before `end`.
fn label_colon(doc: &Document, start: usize, end: usize) -> Option<usize> {
    (start..(start + MAX_LABEL_TOKENS + 1).min(end))
        .find(|&i| doc.tokens[i].kind == TokenKind::Punct && doc.token_is(i, ":"))
}

/// Fewest labelled paragraphs that make a document a transcript.
const MIN_TURNS: usize = 3;
/// Longest speaker label, in tokens (`SEN. JOHN SMITH`).
const MAX_LABEL_TOKENS: usize = 4;
