//! Quote structure: pairing quotation marks into quotes.
//!
//! Marks come in two families, double (`"` `“` `”` `„` `«` `»`, and `''` as
//! some newspapers type it) and single
//! (`'` `‘` `’` `‚` `‹` `›`). Typographic marks say which side they are on;
//! straight marks (`"`, `'`) and `’` are read from their surroundings: an
//! opening mark has space before it and a word after it, a closing mark the
//! reverse. A `’` or `'` that could close but finds no open single quote is an
//! apostrophe (`the Debates’ 15 percent`).
//!
//! Pairing is one left-to-right pass with a stack of open marks, bounded to
//! [`MAX_DEPTH`] entries, so the whole pass is O(n) in the number of tokens
//! whatever the input (a 10 MB line of `"` included). Bad structure is
//! recovered locally and never fails a document:
//! - a closing mark with no open mark of its family is ignored;
//! - a closing mark that matches an open mark below the stack top closes it
//!   and drops the unmatched marks above it;
//! - open marks left at a paragraph end are dropped, unless the next
//!   paragraph starts with an opening double mark: that is the news
//!   convention for a quote running over several paragraphs (an opening mark
//!   at each paragraph start, one closing mark at the end), and the quote
//!   stays open.

use crate::text::{Document, TokenKind};

/// The deepest nesting of open marks kept; deeper opens are ignored.
pub const MAX_DEPTH: usize = 8;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    Double,
    Single,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Open,
    Close,
    /// Could open or close; the stack decides.
    Either,
    /// An apostrophe unless a single quote is open (then it closes).
    CloseOrApostrophe,
    /// Not a quotation mark here (e.g. `’90s`).
    Apostrophe,
}

/// A paired quotation: from its opening mark to its closing mark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// Token index of the opening mark.
    pub open: usize,
    /// Token index of the closing mark.
    pub close: usize,
    /// Nesting depth: 0 for a quote inside no other quote.
    pub depth: usize,
    /// Whether the quote runs over more than one paragraph.
    pub multi_paragraph: bool,
}

/// The quotes of a document and per-token lookups into them.
#[derive(Debug, Clone, Default)]
pub struct QuoteIndex {
    /// Every paired quote, ordered by opening mark.
    pub quotes: Vec<Quote>,
    /// For each token: index into `quotes` of the outermost quote enclosing
    /// it (marks included), or `None`.
    outer: Vec<Option<u32>>,
    /// For each token: index into `quotes` of the quote it opens or closes.
    mark_of: Vec<Option<u32>>,
}

fn classify(doc: &Document, i: usize) -> Option<(Family, Side)> {
    let tok = &doc.tokens[i];
    if tok.kind != TokenKind::QuoteMark {
        return None;
    }
    let mark = doc.token_text(i);
    let c = if mark.len() == 2 {
        '"'
    } else {
        mark.chars().next()?
    };
    let next_is_word = doc
        .tokens
        .get(i + 1)
        .is_some_and(|n| !tok.space_after && n.kind != TokenKind::Punct);
    let prev_is_word = i > 0 && !tok.space_before && doc.tokens[i - 1].kind != TokenKind::Punct;
    let opens = tok.space_before && !tok.space_after;
    let closes = !tok.space_before || tok.space_after;
    Some(match c {
        '“' | '„' | '‟' | '«' => (Family::Double, Side::Open),
        '”' | '»' => (Family::Double, Side::Close),
        '‘' | '‚' | '‛' | '‹' => (Family::Single, Side::Open),
        '›' => (Family::Single, Side::Close),
        '"' => {
            let side = match (opens, closes) {
                (true, false) => Side::Open,
                (false, true) => Side::Close,
                _ => Side::Either,
            };
            (Family::Double, side)
        }
        '\'' | '’' | '`' => {
            let side = if opens && next_is_word {
                if c == '’' {
                    Side::Apostrophe
                } else {
                    Side::Open
                }
            } else if closes && (prev_is_word || !tok.space_before) {
                Side::CloseOrApostrophe
            } else {
                Side::Apostrophe
            };
            (Family::Single, side)
        }
        _ => return None,
    })
}

impl QuoteIndex {
    /// Pairs the quotation marks of `doc`. O(n · MAX_DEPTH) time.
    pub fn new(doc: &Document) -> Self {
        let n = doc.tokens.len();
        let mut pairs: Vec<(usize, usize, bool)> = Vec::new();
        // Stack of (token index of open mark, family, paragraph it opened in).
        let mut stack: Vec<(usize, Family, usize)> = Vec::with_capacity(MAX_DEPTH);
        let mut continuation_marks: Vec<usize> = Vec::new();
        for (p, para) in doc.paragraphs.iter().enumerate() {
            let Some(first) = doc.sentences.get(para.sentences.start) else {
                continue;
            };
            let last_sentence = &doc.sentences[para.sentences.end - 1];
            let tokens = first.tokens.start..last_sentence.tokens.end;
            let mut start = tokens.start;
            // A paragraph opening with a double mark while a double quote is
            // still open from the previous paragraph continues that quote.
            if !stack.is_empty() {
                let continues = matches!(
                    classify(doc, start),
                    Some((Family::Double, Side::Open | Side::Either))
                );
                if continues && stack.iter().any(|s| s.1 == Family::Double) {
                    stack.retain(|s| s.1 == Family::Double);
                    stack.truncate(1);
                    continuation_marks.push(start);
                    start += 1;
                } else {
                    stack.clear();
                }
            }
            for i in start..tokens.end {
                let Some((family, side)) = classify(doc, i) else {
                    continue;
                };
                let open_pos = stack.iter().rposition(|s| s.1 == family);
                // `„…“`: the low-9 opener is closed by a high-6 mark.
                let low_nine_open =
                    open_pos.is_some_and(|k| doc.token_text(stack[k].0).starts_with('„'));
                let close = match side {
                    Side::Open => low_nine_open && doc.token_text(i).starts_with('“'),
                    Side::Close | Side::CloseOrApostrophe => true,
                    Side::Either => open_pos.is_some(),
                    Side::Apostrophe => continue,
                };
                if close {
                    if let Some(k) = open_pos {
                        let (o, _, op) = stack[k];
                        stack.truncate(k);
                        pairs.push((o, i, op != p));
                    }
                } else if stack.len() < MAX_DEPTH {
                    stack.push((i, family, p));
                }
            }
        }
        pairs.sort_unstable();
        let mut quotes = Vec::with_capacity(pairs.len());
        let mut outer = vec![None; n];
        let mut mark_of = vec![None; n];
        // Depth by a sweep over the pairs ordered by opening mark: a stack of
        // closing positions of the enclosing quotes.
        let mut enclosing: Vec<usize> = Vec::new();
        for (q, &(open, close, multi)) in pairs.iter().enumerate() {
            while enclosing.last().is_some_and(|&c| c < open) {
                enclosing.pop();
            }
            let depth = enclosing.len();
            enclosing.push(close);
            let id = Some(q as u32);
            mark_of[open] = id;
            mark_of[close] = id;
            if depth == 0 {
                for slot in &mut outer[open..=close] {
                    *slot = id;
                }
            }
            quotes.push(Quote {
                open,
                close,
                depth,
                multi_paragraph: multi,
            });
        }
        // Continuation marks belong to the quote they continue.
        for m in continuation_marks {
            if let Some(q) = outer[m] {
                mark_of[m] = Some(q);
            }
        }
        QuoteIndex {
            quotes,
            outer,
            mark_of,
        }
    }

    /// The outermost quote enclosing token `i` (its marks included).
    pub fn outer_quote(&self, i: usize) -> Option<&Quote> {
        self.outer
            .get(i)
            .copied()
            .flatten()
            .map(|q| &self.quotes[q as usize])
    }

    /// Whether token `i` lies inside a quote or is one of its marks.
    pub fn is_quoted(&self, i: usize) -> bool {
        self.outer.get(i).is_some_and(Option::is_some)
    }

    /// The quote whose opening or closing mark is token `i`.
    pub fn quote_of_mark(&self, i: usize) -> Option<&Quote> {
        self.mark_of
            .get(i)
            .copied()
            .flatten()
            .map(|q| &self.quotes[q as usize])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> Vec<String> {
        let d = Document::new(text);
        let q = QuoteIndex::new(&d);
        q.quotes
            .iter()
            .map(|q| d.text()[d.tokens[q.open].start..d.tokens[q.close].end].to_string())
            .collect()
    }

    #[test]
    fn pairs_curly_and_straight_marks() {
        assert_eq!(
            quoted("“A,” he said. \"B\" and «C» and „D“."),
            ["“A,”", "\"B\"", "«C»", "„D“"]
        );
    }

    #[test]
    fn single_quotes_versus_apostrophes() {
        assert_eq!(
            quoted("the Commission on Presidential Debates’ 15 percent, it’s ‘fine’"),
            ["‘fine’"]
        );
        assert_eq!(quoted("He said 'no' to the voters' wishes"), ["'no'"]);
    }

    #[test]
    fn doubled_apostrophes_are_double_quotes() {
        assert_eq!(
            quoted("''Yes,'' he said, ''it's fine.''"),
            ["''Yes,''", "''it's fine.''"]
        );
    }

    #[test]
    fn nested_quotes_have_depth() {
        let d = Document::new("“He called it ‘a disaster,’ and left,” she said.");
        let q = QuoteIndex::new(&d);
        assert_eq!(q.quotes.len(), 2);
        assert_eq!(q.quotes[0].depth, 0);
        assert_eq!(q.quotes[1].depth, 1);
    }

    #[test]
    fn quote_over_several_paragraphs() {
        let text = "He said: “First part.\n\n“Second part.\n\n“Third part.”\n\nAfter.";
        let d = Document::new(text);
        let q = QuoteIndex::new(&d);
        assert_eq!(q.quotes.len(), 1);
        assert!(q.quotes[0].multi_paragraph);
        let last = d.tokens.len() - 1;
        assert!(!q.is_quoted(last));
        assert!(q.is_quoted(last - 2));
    }

    #[test]
    fn unbalanced_marks_recover_locally() {
        // The stray opener in paragraph one does not swallow paragraph two.
        let d = Document::new("He said “oops.\n\nThen “fine” here.");
        let q = QuoteIndex::new(&d);
        assert_eq!(q.quotes.len(), 1);
        assert_eq!(d.token_text(q.quotes[0].open + 1), "fine");
        assert!(quoted("” stray closer “ and").is_empty());
    }

    #[test]
    fn many_marks_stay_linear() {
        let text = "\"".repeat(200_000) + &"“".repeat(100_000) + &"’".repeat(100_000);
        let d = Document::new(text);
        let q = QuoteIndex::new(&d);
        assert!(q.quotes.len() <= d.tokens.len());
    }
}
