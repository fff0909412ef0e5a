//! The tokenizer: words with their joiners, numbers, abbreviations,
//! quotation marks and punctuation runs, in one pass over the chars.

use std::ops::Range;

use super::{Token, TokenKind};

/// Words that take a period without ending a sentence when followed by a name
/// or a lowercase word. Lowercase, without the period.
/// State abbreviations that are no English word are listed ("Tenn.",
/// "Del.", also the title of a delegate: "Del. Stacey Plaskett"); "Ill.",
/// "Mass." or "Wash." are not, since they also end sentences as words.
pub(super) const ABBREVIATIONS: &[&str] = &[
    "adm", "ala", "apr", "ariz", "ark", "aug", "ave", "blvd", "calif", "capt", "cmdr", "co", "col",
    "colo", "conn", "corp", "dec", "del", "dept", "dr", "etc", "feb", "fig", "fla", "ft", "ga",
    "gen", "gov", "hon", "inc", "jan", "jr", "jul", "jun", "kan", "ky", "lt", "ltd", "maj", "md",
    "mich", "minn", "mr", "mrs", "ms", "mt", "neb", "nev", "nov", "oct", "okla", "pa", "pres",
    "prof", "rep", "reps", "rev", "sen", "sens", "sep", "sept", "sgt", "sr", "st", "supt", "tenn",
    "va", "vs", "vt", "wis", "wyo",
];

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Separators: whitespace and control characters (which are never content).
fn is_separator(c: char) -> bool {
    c.is_whitespace() || c.is_control()
}

/// Quotation marks of every family we pair, and apostrophes.
fn is_quote_char(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '”'
            | '„'
            | '‟'
            | '«'
            | '»'
            | '‘'
            | '’'
            | '‚'
            | '‛'
            | '‹'
            | '›'
            | '`'
    )
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑')
}

/// A small cursor over `text[range]` by chars.
struct Cursor<'a> {
    text: &'a str,
    pos: usize,
    end: usize,
}

impl Cursor<'_> {
    /// The char at `byte`; ASCII without decoding (most of news text).
    fn peek_at(&self, byte: usize) -> Option<char> {
        if byte >= self.end {
            return None;
        }
        match self.text.as_bytes().get(byte) {
            Some(&b) if b.is_ascii() => Some(char::from(b)),
            _ => self.text[byte..self.end].chars().next(),
        }
    }
    fn peek(&self) -> Option<char> {
        self.peek_at(self.pos)
    }
    /// The char after the one at `byte`, and its byte offset.
    fn next_after(&self, byte: usize) -> Option<(usize, char)> {
        let c = self.peek_at(byte)?;
        let next = byte + c.len_utf8();
        self.peek_at(next).map(|d| (next, d))
    }
}

pub(super) fn tokenize_into(text: &str, range: Range<usize>, out: &mut Vec<Token>) {
    let mut cur = Cursor {
        text,
        pos: range.start,
        end: range.end,
    };
    let mut space_before = true;
    while let Some(c) = cur.peek() {
        if is_separator(c) {
            cur.pos += c.len_utf8();
            space_before = true;
            if let Some(last) = out.last_mut() {
                if last.end <= cur.pos && last.start >= range.start {
                    last.space_after = true;
                }
            }
            continue;
        }
        let start = cur.pos;
        let kind = if is_word_char(c) {
            scan_word(&mut cur)
        } else if is_quote_char(c) {
            cur.pos += c.len_utf8();
            // Two apostrophes or backticks stand for a double quote (''…'').
            if (c == '\'' || c == '`') && cur.peek() == Some(c) {
                cur.pos += 1;
            }
            TokenKind::QuoteMark
        } else {
            scan_punct(&mut cur, c);
            TokenKind::Punct
        };
        out.push(Token {
            start,
            end: cur.pos,
            kind,
            space_before,
            space_after: cur.pos >= range.end,
        });
        space_before = false;
    }
}

/// Scans a word or number starting at the cursor; returns its kind.
fn scan_word(cur: &mut Cursor<'_>) -> TokenKind {
    let start = cur.pos;
    let first = cur.peek().unwrap_or(' ');
    let numeric = first.is_numeric();
    let mut letters = 0usize;
    loop {
        // ASCII word bytes a run at a time (most of news text), then any
        // other word char.
        let run = cur
            .text
            .as_bytes()
            .get(cur.pos..cur.end)
            .unwrap_or_default()
            .iter()
            .take_while(|&&b| b.is_ascii_alphanumeric() || b == b'_')
            .count();
        cur.pos += run;
        letters += run;
        if let Some(c) = cur.peek().filter(|&c| !c.is_ascii() && is_word_char(c)) {
            cur.pos += c.len_utf8();
            letters += 1;
            continue;
        }
        // Joiners: an apostrophe or hyphen between word chars, a period,
        // comma or slash between digits ("9/11", "24/7", "3/4").
        let Some(j) = cur.peek() else { break };
        let Some((_, after)) = cur.next_after(cur.pos) else {
            break;
        };
        // An ASCII byte is never part of a longer char.
        let prev_digit = cur.pos > 0 && cur.text.as_bytes()[cur.pos - 1].is_ascii_digit();
        let joins = (is_apostrophe(j) || is_hyphen(j)) && is_word_char(after)
            || matches!(j, '.' | ',' | '/') && prev_digit && after.is_ascii_digit();
        if !joins {
            break;
        }
        cur.pos += j.len_utf8();
    }
    if numeric {
        return TokenKind::Number;
    }
    // Dotted abbreviations (U.S., a.m., U.N.) and initials (J.).
    if cur.peek() == Some('.') {
        let word = &cur.text[start..cur.pos];
        if letters == 1 {
            // Initial or start of a dotted chain: X.Y.Z.
            let mut p = cur.pos + 1;
            while let Some(l) = cur.peek_at(p).filter(|c| c.is_alphabetic()) {
                let dot = p + l.len_utf8();
                if cur.peek_at(dot) != Some('.') {
                    break;
                }
                p = dot + 1;
            }
            let single_upper = word.chars().all(char::is_uppercase);
            if p > cur.pos + 1 || single_upper {
                cur.pos = p;
                return TokenKind::Abbreviation;
            }
        }
        if is_listed(word, ABBREVIATIONS) {
            cur.pos += 1;
            return TokenKind::Abbreviation;
        }
    }
    TokenKind::Word
}

fn scan_punct(cur: &mut Cursor<'_>, c: char) {
    cur.pos += c.len_utf8();
    // Runs that read as one symbol: "...", "--", "?!", "!!".
    if matches!(c, '.' | '-' | '!' | '?') {
        while let Some(d) = cur.peek() {
            let same_run = d == c || (c == '?' && d == '!') || (c == '!' && d == '?');
            if !same_run {
                break;
            }
            cur.pos += d.len_utf8();
        }
    }
}

/// Case-insensitive membership of an ASCII word list, without allocating.
pub(super) fn is_listed(word: &str, list: &[&str]) -> bool {
    word.len() <= 8
        && list
            .iter()
            .any(|w| w.len() == word.len() && w.eq_ignore_ascii_case(word))
}
