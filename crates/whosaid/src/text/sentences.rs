//! Sentence ends: terminals with their closing quotes and brackets,
//! abbreviations before a sentence starter, datelines.

use std::ops::Range;

use super::tokenize::is_listed;
use super::{Sentence, Token, TokenKind, MAX_SENTENCE_TOKENS};

/// Titles never end a sentence: they always precede a name.
const TITLES: &[&str] = &[
    "adm", "capt", "cmdr", "col", "dr", "gen", "gov", "hon", "lt", "maj", "mr", "mrs", "ms",
    "pres", "prof", "rep", "reps", "rev", "sen", "sens", "sgt", "supt",
];

/// Capitalized words that usually begin a new sentence; after an
/// abbreviation such as `U.S.` they mark a sentence break.
const SENTENCE_STARTERS: &[&str] = &[
    "a",
    "after",
    "and",
    "as",
    "at",
    "but",
    "for",
    "he",
    "her",
    "his",
    "however",
    "i",
    "if",
    "in",
    "it",
    "its",
    "meanwhile",
    "on",
    "she",
    "so",
    "that",
    "the",
    "their",
    "there",
    "these",
    "they",
    "this",
    "we",
    "when",
    "while",
    "yet",
    "you",
];

fn is_terminal(tok: &Token, text: &str) -> bool {
    if tok.kind != TokenKind::Punct {
        return false;
    }
    let t = tok.text(text);
    t.starts_with('.') || t.starts_with('!') || t.starts_with('?') || t == "…"
}

fn is_closing_bracket(tok: &Token, text: &str) -> bool {
    tok.kind == TokenKind::Punct && matches!(tok.text(text), ")" | "]" | "}")
}

/// Whether a sentence may start at `tok`: not with a lowercase word.
fn can_start_sentence(tok: &Token, text: &str) -> bool {
    match tok.kind {
        TokenKind::Word | TokenKind::Abbreviation => tok
            .text(text)
            .chars()
            .next()
            .is_some_and(|c| !c.is_lowercase()),
        TokenKind::Number | TokenKind::QuoteMark => true,
        TokenKind::Punct => !matches!(tok.text(text), "," | ";" | ":" | ")" | "]"),
    }
}

pub(super) fn split_sentences(
    text: &str,
    tokens: &[Token],
    range: Range<usize>,
    paragraph: usize,
    out: &mut Vec<Sentence>,
) {
    let mut start = range.start;
    // A dateline ("WASHINGTON —", "RENO, Nev. (AP) —") is a sentence of
    // its own: the place is no subject of what follows.
    if let Some(end) = dateline_end(text, tokens, range.clone()) {
        out.push(Sentence {
            tokens: start..end,
            paragraph,
        });
        start = end;
    }
    let mut i = start;
    while i < range.end {
        if i - start >= MAX_SENTENCE_TOKENS {
            out.push(Sentence {
                tokens: start..i,
                paragraph,
            });
            start = i;
        }
        let tok = &tokens[i];
        let breaks_after = if is_terminal(tok, text) {
            true
        } else if tok.kind == TokenKind::Abbreviation {
            abbreviation_ends_sentence(text, tokens, i, range.end)
        } else {
            false
        };
        if !breaks_after {
            i += 1;
            continue;
        }
        // Absorb closing quotes and brackets attached to the terminal.
        let mut j = i + 1;
        while j < range.end
            && j - i <= 4
            && !tokens[j].space_before
            && (tokens[j].kind == TokenKind::QuoteMark || is_closing_bracket(&tokens[j], text))
        {
            j += 1;
        }
        if j < range.end && can_start_sentence(&tokens[j], text) && tokens[j].space_before {
            out.push(Sentence {
                tokens: start..j,
                paragraph,
            });
            start = j;
        }
        i = j;
    }
    if start < range.end {
        out.push(Sentence {
            tokens: start..range.end,
            paragraph,
        });
    }
}

/// Whether a token is a dash ("-", "--", "—", "―", "–"): it sets off an
/// aside or ends a dateline.
pub(crate) fn is_dash(token: &str) -> bool {
    matches!(token, "-" | "--" | "—" | "―" | "–")
}

/// Where a paragraph's dateline ends, after its dash: a place in capitals
/// ("WASHINGTON", "NEW YORK"), then at most a region ("Nev.", "Ukraine")
/// and an agency in brackets ("(AP)"), then a dash between spaces and a
/// sentence opening after it. A place in ordinary capitals needs the
/// agency ("Philadelphia (AFP) –"): without it, "Pollsters agree - Clinton
/// leads" is a sentence.
fn dateline_end(text: &str, tokens: &[Token], range: Range<usize>) -> Option<usize> {
    let capitals = |t: &Token| {
        let w = t.text(text);
        matches!(t.kind, TokenKind::Word | TokenKind::Abbreviation)
            && w.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !w.chars().any(char::is_lowercase)
    };
    let capitalized = |t: &Token| {
        matches!(t.kind, TokenKind::Word | TokenKind::Abbreviation)
            && t.text(text).starts_with(char::is_uppercase)
    };
    let mut i = range.start;
    let first = tokens.get(i).filter(|_| i < range.end)?;
    let in_capitals = capitals(first);
    if !in_capitals && !capitalized(first) {
        return None;
    }
    let mut agency = false;
    while i < range.end && capitals(&tokens[i]) {
        i += 1;
    }
    let limit = (range.start + DATELINE_TOKENS).min(range.end);
    while i < limit {
        let t = &tokens[i];
        let w = t.text(text);
        if t.kind == TokenKind::Punct && is_dash(w) {
            // The sentence after it opens with a capital, a digit or a
            // quote ("NATO — the alliance — said" is an aside).
            let opens = |n: &Token| {
                n.space_before
                    && (n.kind == TokenKind::QuoteMark
                        || n.text(text)
                            .starts_with(|c: char| c.is_uppercase() || c.is_numeric()))
            };
            let spaced = t.space_before && tokens.get(i + 1).is_some_and(opens);
            return (spaced && i + 1 < range.end && (in_capitals || agency)).then_some(i + 1);
        }
        if !(capitalized(t) || matches!(w, "," | "(" | ")")) {
            return None;
        }
        agency |= w == ")"
            && i >= range.start + 2
            && tokens[i - 2].text(text) == "("
            && capitalized(&tokens[i - 1])
            && tokens[i - 1].text(text).chars().count() >= 2;
        i += 1;
    }
    None
}

/// Most tokens of a dateline before its dash ("RENO , Nev. ( AP )").
pub(crate) const DATELINE_TOKENS: usize = 10;

/// An abbreviation's period ends the sentence only when a typical sentence
/// starter follows ("… in the U.S. The …"); titles never end one.
fn abbreviation_ends_sentence(text: &str, tokens: &[Token], i: usize, end: usize) -> bool {
    let word = tokens[i].text(text);
    let bare = word.strip_suffix('.').unwrap_or(word);
    if is_listed(bare, TITLES) || i + 1 >= end {
        return false;
    }
    let next = &tokens[i + 1];
    let next_text = next.text(text);
    next.kind == TokenKind::Word
        && next_text.chars().next().is_some_and(char::is_uppercase)
        && is_listed(next_text, SENTENCE_STARTERS)
}
