//! Quote credit lines: a line that is a quotation followed by a dash and
//! the speaker's name (`“We will win.” ― Jane Roe`), the layout of reaction
//! round-ups, epigraphs and pull quotes.

use super::TokenAttribution;
use std::ops::Range;

use crate::text::{Document, TokenKind};

/// The quote credit lines of `doc`: a line (text between newlines) that
/// opens with a quotation mark and ends with a closing mark, a dash and a
/// name in capitals, optionally followed by a comma and a short description
/// (`― Jane Roe, 34, teacher`). The name is the source, the dash the cue,
/// the quotation (marks included, as PolNeAR marks it) the content.
///
/// The whole line must have this shape: a dash after a quote inside running
/// prose (`“The Apprentice” — his show — …`) is not a credit.
pub(crate) fn quote_credits(doc: &Document) -> Vec<TokenAttribution> {
    let mut credits = Vec::new();
    // Where the last credit ended: pages whose lines were joined (HTML
    // paragraphs with `<br>` read as spaces) run credits on one line,
    // `“A” ― Jane Roe “B” ― Tom Doe`, and the next quotation starts there.
    let mut last_end = 0;
    for dash in 1..doc.tokens.len() {
        if !is_dash(doc, dash) {
            continue;
        }
        let close = dash - 1;
        if doc.tokens[close].kind != TokenKind::QuoteMark || line_break_before(doc, dash) {
            continue;
        }
        let Some((name, end)) = credited_name(doc, dash + 1) else {
            continue;
        };
        let Some(line) = line_start(doc, close) else {
            continue;
        };
        let open = if last_end > line && last_end < close {
            last_end
        } else {
            line
        };
        let words = (open..close)
            .filter(|&i| doc.tokens[i].kind == TokenKind::Word)
            .count();
        if doc.tokens[open].kind != TokenKind::QuoteMark || words < MIN_QUOTE_WORDS {
            continue;
        }
        credits.push(TokenAttribution {
            source: Some(name),
            cue: dash..dash + 1,
            content: std::iter::once(open..close + 1).collect(),
        });
        last_end = end;
    }
    credits
}

/// Whether token `i` is a dash that can introduce a credit.
fn is_dash(doc: &Document, i: usize) -> bool {
    doc.tokens[i].kind == TokenKind::Punct && matches!(doc.token_text(i), "―" | "—" | "–" | "--")
}

/// Whether a newline separates token `i` from the token before it (or `i`
/// opens the document).
fn line_break_before(doc: &Document, i: usize) -> bool {
    i == 0 || doc.text()[doc.tokens[i - 1].end..doc.tokens[i].start].contains('\n')
}

/// Whether a newline (or the document end) follows token `i`.
fn line_break_after(doc: &Document, i: usize) -> bool {
    i + 1 >= doc.tokens.len() || line_break_before(doc, i + 1)
}

/// The first token of the line holding token `i`, looking back at most
/// [`MAX_LINE_TOKENS`] tokens.
fn line_start(doc: &Document, i: usize) -> Option<usize> {
    let floor = i.saturating_sub(MAX_LINE_TOKENS);
    (floor..=i).rev().find(|&j| line_break_before(doc, j))
}

/// The name a credit gives from token `start`, and where the credit ends:
/// capitalized words and initials (and name particles) up to the line end,
/// an end period, or a comma that opens a short description running to the
/// line end; or up to the quotation mark that opens the next credited quote
/// on the same line.
fn credited_name(doc: &Document, start: usize) -> Option<(Range<usize>, usize)> {
    if start >= doc.tokens.len() || line_break_before(doc, start) {
        return None;
    }
    let mut end = start;
    while end < doc.tokens.len() && end - start < MAX_NAME_TOKENS {
        if end > start && line_break_before(doc, end) {
            break;
        }
        if !name_word(doc, end, end == start) {
            break;
        }
        end += 1;
    }
    if end == start {
        return None;
    }
    let name = start..end;
    if line_break_after(doc, end - 1) {
        return Some((name, end));
    }
    let mark = |i: usize| doc.tokens[i].kind == TokenKind::QuoteMark;
    match doc.token_text(end) {
        _ if mark(end) => Some((name, end)),
        "." if line_break_after(doc, end) || mark(end + 1) => Some((name, end + 1)),
        "," => {
            let last = (end + 1..(end + 1 + MAX_DESCRIPTION_TOKENS).min(doc.tokens.len()))
                .find(|&i| line_break_after(doc, i) || mark(i))?;
            if mark(last) {
                Some((name, last))
            } else {
                Some((name, last + 1))
            }
        }
        _ => None,
    }
}

/// Whether token `i` can be part of a credited name.
fn name_word(doc: &Document, i: usize, first: bool) -> bool {
    let text = doc.token_text(i);
    match doc.tokens[i].kind {
        TokenKind::Word | TokenKind::Abbreviation => {
            text.chars().next().is_some_and(char::is_uppercase)
                || (!first && NAME_PARTICLES.contains(&text))
        }
        _ => false,
    }
}

/// Lowercase words inside names (`Ludwig van Beethoven`).
const NAME_PARTICLES: &[&str] = &[
    "de", "da", "del", "della", "di", "van", "von", "der", "bin", "al", "le", "la",
];
/// Longest credited name, in tokens (`Nell Carden Grey`, `Edwin G. Monroy`).
const MAX_NAME_TOKENS: usize = 6;
/// Longest description after the name's comma, in tokens.
const MAX_DESCRIPTION_TOKENS: usize = 16;
/// Longest credited line, in tokens.
const MAX_LINE_TOKENS: usize = 400;
/// Fewest words in a credited quotation.
const MIN_QUOTE_WORDS: usize = 2;

#[cfg(test)]
mod tests {
    use super::*;

    fn credits(text: &str) -> Vec<(String, String, String)> {
        let doc = Document::new(text);
        let span = |r: &Range<usize>| {
            doc.text()[doc.tokens[r.start].start..doc.tokens[r.end - 1].end].to_string()
        };
        quote_credits(&doc)
            .iter()
            .map(|c| {
                (
                    span(c.source.as_ref().unwrap()),
                    span(&c.cue),
                    span(&c.content[0]),
                )
            })
            .collect()
    }

    #[test]
    fn a_quote_line_credited_after_a_dash_is_an_attribution() {
        let got = credits(
            "Readers wrote in.\n\n“The plan is a mess. Nobody asked us.” ― Jane Q. Roe\n\
             “I liked it.”— Tom de Vries, 41, a teacher in Springfield\n\
             \"We will win\" -- Sen. Ann Example.",
        );
        assert_eq!(
            got,
            vec![
                (
                    "Jane Q. Roe".into(),
                    "―".into(),
                    "“The plan is a mess. Nobody asked us.”".into()
                ),
                ("Tom de Vries".into(), "—".into(), "“I liked it.”".into()),
                (
                    "Sen. Ann Example".into(),
                    "--".into(),
                    "\"We will win\"".into()
                ),
            ]
        );
    }

    #[test]
    fn credits_on_one_joined_line_are_each_their_own() {
        // The same round-up after an HTML reader joined its lines.
        let got = credits(
            "Readers wrote in.\n\n”The plan is a mess.” ― Jane Q. Roe “I liked it a lot.”― Tom de Vries, 41, teacher “It will pass.” ― Ann Example.",
        );
        let names: Vec<_> = got.iter().map(|c| c.0.as_str()).collect();
        assert_eq!(names, ["Jane Q. Roe", "Tom de Vries", "Ann Example"]);
        let contents: Vec<_> = got.iter().map(|c| c.2.as_str()).collect();
        assert_eq!(
            contents,
            [
                "”The plan is a mess.”",
                "“I liked it a lot.”",
                "“It will pass.”"
            ]
        );
    }

    #[test]
    fn a_dash_after_a_quote_in_running_prose_is_no_credit() {
        assert!(credits("He hosted “The Apprentice” — Trump's show — for years.").is_empty());
        assert!(credits("“The Apprentice” — Trump hosted it for years.").is_empty());
        assert!(credits("She called it “sad” — Reuters\nnext line").is_empty());
        assert!(credits("“Yes” — No").is_empty());
    }
}
