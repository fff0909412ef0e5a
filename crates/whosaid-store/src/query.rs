//! What a person types into a search box, as an FTS5 expression.
//!
//! Plain words by default: `Trump's wall`, `U.S. economy`, `e-mail`, `9/11`
//! search for their words (a word with punctuation inside becomes the
//! phrase of its parts, which is how the index tokenized the text), never a
//! syntax error. The advanced forms still work: `"a phrase"`, `OR`, `AND`,
//! `NOT` (in capitals), `prefix*`, parentheses, and a column filter
//! (`source:`, `cue:`, `content:`). A malformed advanced query (a quotation
//! mark or parenthesis left open, an operator without a word on each side)
//! gets a message naming what is wrong.

/// Columns a term may be limited to.
const COLUMNS: [&str; 3] = ["content", "source", "cue"];

#[derive(Debug, Clone, PartialEq)]
enum Token {
    /// Words (the alphanumeric runs of a word or phrase), a prefix mark,
    /// and the column it is limited to.
    Term {
        words: Vec<String>,
        prefix: bool,
        column: Option<&'static str>,
    },
    Or,
    And,
    Not,
    Open,
    Close,
}

/// The alphanumeric runs of `text`, lowercased.
fn words_of(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// A known column before a colon at the start of `word` (`source:trump`).
fn column_of(word: &str) -> Option<(&'static str, &str)> {
    let (col, rest) = word.split_once(':')?;
    let col = COLUMNS.iter().find(|c| c.eq_ignore_ascii_case(col))?;
    Some((col, rest))
}

fn lex(text: &str) -> Result<Vec<Token>, String> {
    let mut tokens = Vec::new();
    let mut rest = text;
    let mut column = None;
    loop {
        rest = rest.trim_start();
        let Some(c) = rest.chars().next() else {
            break;
        };
        match c {
            '(' | ')' => {
                if column.is_some() {
                    return Err("a column filter (source:, cue:, content:) needs a word or \
                                a \"phrase\" right after it"
                        .into());
                }
                tokens.push(if c == '(' { Token::Open } else { Token::Close });
                rest = &rest[1..];
            }
            '"' | '“' | '”' => {
                let body = &rest[c.len_utf8()..];
                let Some(end) = body.find(['"', '“', '”']) else {
                    return Err("a quotation mark is not closed".into());
                };
                let close = body[end..].chars().next().map_or(1, char::len_utf8);
                let after = &body[end + close..];
                let prefix = after.starts_with('*');
                tokens.push(Token::Term {
                    words: words_of(&body[..end]),
                    prefix,
                    column: column.take(),
                });
                rest = if prefix { &after[1..] } else { after };
            }
            _ => {
                let end = rest
                    .find(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | '"' | '“' | '”'))
                    .unwrap_or(rest.len());
                let word = &rest[..end];
                rest = &rest[end..];
                if column.is_none() {
                    match word {
                        "OR" => {
                            tokens.push(Token::Or);
                            continue;
                        }
                        "AND" => {
                            tokens.push(Token::And);
                            continue;
                        }
                        "NOT" => {
                            tokens.push(Token::Not);
                            continue;
                        }
                        _ => {}
                    }
                }
                let word = match column_of(word) {
                    Some((col, after)) if column.is_none() => {
                        column = Some(col);
                        if after.is_empty() {
                            continue; // `source:"…"` or `source: word`
                        }
                        after
                    }
                    _ => word,
                };
                let prefix = word.ends_with('*');
                tokens.push(Token::Term {
                    words: words_of(word),
                    prefix,
                    column: column.take(),
                });
            }
        }
    }
    if column.is_some() {
        return Err("a column filter (source:, cue:, content:) needs a word after it".into());
    }
    Ok(tokens)
}

fn is_operator(t: &Token) -> bool {
    matches!(t, Token::Or | Token::And | Token::Not)
}

fn operator_name(t: &Token) -> &'static str {
    match t {
        Token::Or => "OR",
        Token::And => "AND",
        _ => "NOT",
    }
}

/// The FTS5 expression for a user's query; `Err` says what is wrong. An
/// empty result means the query has no words (only punctuation).
pub(crate) fn to_fts(text: &str) -> Result<String, String> {
    // Terms without words ("&", "-") drop out, as the index drops them.
    let tokens: Vec<Token> = lex(text)?
        .into_iter()
        .filter(|t| !matches!(t, Token::Term { words, .. } if words.is_empty()))
        .collect();
    let mut out = String::new();
    let mut depth = 0usize;
    for (k, t) in tokens.iter().enumerate() {
        let prev = k.checked_sub(1).map(|p| &tokens[p]);
        let next = tokens.get(k + 1);
        // FTS5 joins bare neighbours only between phrases: `a (b OR c)`
        // needs its AND written out.
        let ends_operand = |t: &Token| matches!(t, Token::Term { .. } | Token::Close);
        let starts_operand = matches!(t, Token::Term { .. } | Token::Open);
        if starts_operand && prev.is_some_and(ends_operand) {
            out.push_str("AND ");
        }
        match t {
            Token::Or | Token::And | Token::Not => {
                let left = prev.is_some_and(|p| !is_operator(p) && *p != Token::Open);
                let right = next.is_some_and(|n| !is_operator(n) && *n != Token::Close);
                if !left || !right {
                    let name = operator_name(t);
                    return Err(format!(
                        "{name} needs a word on each side (a {name} b); \
                         for the word itself write it in lower case"
                    ));
                }
                out.push_str(operator_name(t));
            }
            Token::Open => {
                if next == Some(&Token::Close) {
                    return Err("empty parentheses".into());
                }
                depth += 1;
                out.push('(');
            }
            Token::Close => {
                if depth == 0 {
                    return Err("a closing parenthesis has no opening one".into());
                }
                depth -= 1;
                out.push(')');
            }
            Token::Term {
                words,
                prefix,
                column,
            } => {
                if let Some(col) = column {
                    out.push_str(col);
                    out.push_str(" : ");
                }
                out.push('"');
                out.push_str(&words.join(" "));
                out.push('"');
                if *prefix {
                    out.push('*');
                }
            }
        }
        out.push(' ');
    }
    if depth > 0 {
        return Err("a parenthesis is not closed".into());
    }
    out.truncate(out.trim_end().len());
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_words_with_punctuation_become_phrases_of_their_parts() {
        assert_eq!(to_fts("Trump's wall").unwrap(), r#""trump s" AND "wall""#);
        assert_eq!(to_fts("U.S. economy").unwrap(), r#""u s" AND "economy""#);
        assert_eq!(to_fts("e-mail").unwrap(), r#""e mail""#);
        assert_eq!(to_fts("9/11 attacks").unwrap(), r#""9 11" AND "attacks""#);
        assert_eq!(to_fts("Tomás & co.").unwrap(), r#""tomás" AND "co""#);
        assert_eq!(to_fts(" - & ").unwrap(), "");
    }

    #[test]
    fn advanced_forms_pass_through() {
        assert_eq!(
            to_fts(r#"nato AND (ukraine OR "off the table") NOT russia"#).unwrap(),
            r#""nato" AND ( "ukraine" OR "off the table" ) NOT "russia""#
        );
        assert_eq!(to_fts("member*").unwrap(), r#""member"*"#);
        assert_eq!(to_fts(r#""off the tab"*"#).unwrap(), r#""off the tab"*"#);
        assert_eq!(
            to_fts(r#"source:Trump cue:"told reporters""#).unwrap(),
            r#"source : "trump" AND cue : "told reporters""#
        );
        assert_eq!(to_fts("source: Trump").unwrap(), r#"source : "trump""#);
        // Lower-case operators and unknown columns are words.
        assert_eq!(
            to_fts("trump or clinton").unwrap(),
            r#""trump" AND "or" AND "clinton""#
        );
        assert_eq!(to_fts("note:this").unwrap(), r#""note this""#);
        assert_eq!(
            to_fts("server (hacked OR leaked)").unwrap(),
            r#""server" AND ( "hacked" OR "leaked" )"#
        );
        assert_eq!(to_fts("“curly quotes”").unwrap(), r#""curly quotes""#);
    }

    #[test]
    fn malformed_queries_say_what_is_wrong() {
        let err = |q: &str| to_fts(q).unwrap_err();
        assert!(err(r#""unbalanced"#).contains("quotation mark"));
        assert!(err("(a OR b").contains("not closed"));
        assert!(err("a OR b)").contains("no opening"));
        assert!(err("OR trump").contains("OR needs a word on each side"));
        assert!(err("trump NOT").contains("NOT needs"));
        assert!(err("a AND OR b").contains("AND needs"));
        assert!(err("()").contains("empty"));
        assert!(err("source:").contains("column filter"));
    }
}
