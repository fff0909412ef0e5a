//! Where a content begins and ends around its cue: after the cue
//! (`X said that …`), before it (`“…,” X said`), over a continuing quote
//! or into the next paragraph (`X said:`), stopping at a clause with a cue
//! of its own; and the object that makes no content (a quantity added).

use std::ops::Range;

use super::*;

impl Rules<'_> {
    /// Sentence end without a trailing terminal (kept when a quote closes
    /// after it: `“yes.”`).
    pub(super) fn content_end(&self, s: &Range<usize>) -> usize {
        let mut end = s.end;
        while end > s.start && self.is_terminal(end - 1) {
            end -= 1;
        }
        end
    }

    /// Where content after a cue ends early: before `, <cue>` (`…, adding
    /// that …`), `, <subject> <cue>` within a few tokens, or a participial
    /// clause (`…, throwing a wrench into …`).
    pub(super) fn clause_break(&self, start: usize, end: usize, cues: &[Cue]) -> Option<usize> {
        (start + 2..end).find(|&k| {
            if !self.is_punct(k - 1, ",") || self.quotes.is_quoted(k) {
                return false;
            }
            let clause = if self.word_is(k, &["but", "and"]) {
                k + 1
            } else {
                k
            };
            // Only strong cues open a new clause after a subject; weaker
            // ones (`something X refused to do`) sit inside the content.
            let cue_soon = cues.iter().any(|c| {
                self.lexicon.entry(c.entry).precision() >= STRONG_CUE
                    && (clause..clause + 6).contains(&c.tokens.start)
                    && !(clause..c.tokens.start).any(|i| self.is_np_boundary(i))
            });
            (cue_soon || self.is_participle(k)) && !self.parenthetical_at(k, end)
        })
    }

    /// Whether the phrase from `k` is closed by a comma that a finite verb
    /// follows (`a new framework, expected to take effect this summer,
    /// would resolve the issue`): it sits inside the clause it interrupts.
    fn parenthetical_at(&self, k: usize, end: usize) -> bool {
        let limit = (k + MAX_PARENTHETICAL).min(end);
        (k + 1..limit)
            .find(|&i| self.is_punct(i, ",") || self.is_terminal(i))
            .is_some_and(|c| self.is_punct(c, ",") && c + 1 < end && self.is_finite_verb(c + 1))
    }

    /// `X said:` at a paragraph end: the next paragraph is the content (its
    /// leading quote when it starts with one).
    pub(super) fn next_paragraph_content(
        &self,
        sent: usize,
        after_cue: usize,
    ) -> Option<Range<usize>> {
        let s = &self.doc.sentences[sent];
        let para = &self.doc.paragraphs[s.paragraph];
        // From the cue's last token: a lexicon cue may end with the colon
        // itself (`said :`).
        let from = after_cue.saturating_sub(1).max(s.tokens.start);
        let colon = (from..s.tokens.end).find(|&i| self.is_punct(i, ":"))?;
        if colon + 1 != s.tokens.end || sent + 1 != para.sentences.end {
            return None;
        }
        let next_para = self.doc.paragraphs.get(s.paragraph + 1)?;
        let first = self.doc.sentences.get(next_para.sentences.start)?;
        if let Some(q) = self.opens_quote(first.tokens.start) {
            return Some(q);
        }
        let last = &self.doc.sentences[next_para.sentences.end - 1];
        let r = first.tokens.start..self.content_end(&last.tokens);
        (!self.any_claimed(&r)).then_some(r)
    }

    /// Whether the tokens after a cue (and its source) hold no content:
    /// nothing, a new clause after a comma, or a short adverbial.
    /// After a quote, any short remainder without `that` or a new quote is
    /// trivial too (`“…,” Kasper told POLITICO in a statement.`).
    pub(super) fn trivial_remainder(&self, rest: usize, end: usize, after_quote: bool) -> bool {
        let mut r = rest;
        while r < end && (self.is_terminal(r) || self.closes_quote(r).is_some()) {
            r += 1;
        }
        // Nothing, a new clause, or a relative clause on the source (`said
        // Sen. Whelan, who represents …`).
        if r >= end
            || self.is_punct(r, ",")
            || self.is_punct(r, ";")
            || self.word_is(r, &["who", "whose", "whom"])
        {
            return true;
        }
        let window = r..end;
        let adverbial = self.word_is(r, ADVERBIAL_STARTS) || self.word_is(r, WEEKDAYS);
        (adverbial || (after_quote && window.len() <= 8))
            && window.len() <= 12
            && !window
                .clone()
                .any(|i| self.word_is(i, &["that"]) || self.opens_quote(i).is_some())
    }

    /// Content before a cue: the quote closed at `boundary`, or the sentence
    /// up to the comma at `boundary`. Adds a split quote's second half.
    pub(super) fn content_before(
        &self,
        sent: usize,
        s: &Range<usize>,
        boundary: usize,
        rest: usize,
        source: Option<Range<usize>>,
        cue: Range<usize>,
    ) -> Option<TokenAttribution> {
        let quote = self
            .closes_quote(boundary)
            .or_else(|| boundary.checked_sub(1).and_then(|b| self.closes_quote(b)));
        let first = match &quote {
            Some(q) => q.start.min(s.start)..q.end,
            None => s.start..boundary,
        };
        let mut start = first.start;
        while start < first.end && self.claimed[start] {
            start += 1;
        }
        let first = start..first.end;
        if !self.has_word(&first) {
            return None;
        }
        let mut content = vec![first];
        let mut source = source;
        if quote.is_some() {
            if let Some(second) = self.continuing_quote(sent, s, rest) {
                content.push(second);
            }
        } else if let Some(second) = self.parenthetical_rest(s, rest) {
            match source.as_mut() {
                // `…, noted Jane Roe, a toxicologist at …`: the rest after
                // an inverted source is its apposition, not more content.
                Some(r) if r.start >= cue.end && self.apposition_of_a_name(r, &second) => {
                    r.end = second.end;
                }
                _ => content.push(second),
            }
        }
        let source = source.filter(|r| !self.is_expletive(r));
        Some(TokenAttribution {
            source,
            cue,
            content,
        })
    }

    /// Whether `phrase` describes the name `name` before it (`Jane Roe, | a
    /// toxicologist at Rutgers who was not involved`, `| chief economist at
    /// KPMG`) rather than going on with the statement (`is doing better`):
    /// the name is capitalized words, the phrase opens with an article or
    /// a title and holds no verb of its own; a "who" clause on the person
    /// may end it, no "that", "which" or "whose" anywhere (a clause that
    /// may hold another statement: `whose advocates lean on …`, `who notes
    /// that …`).
    fn apposition_of_a_name(&self, name: &Range<usize>, phrase: &Range<usize>) -> bool {
        let capitalized = name.clone().all(|i| {
            self.kind(i) == TokenKind::Abbreviation
                || self.text(i).chars().next().is_some_and(char::is_uppercase)
        });
        let opens = self.word_is(phrase.start, &["a", "an", "the"])
            || crate::entities::is_title_noun(self.doc.lower(phrase.start));
        let description = phrase.start
            ..(phrase.clone())
                .find(|&i| self.word_is(i, &["who"]))
                .unwrap_or(phrase.end);
        capitalized
            && opens
            && !description.clone().any(|i| self.is_finite_verb(i))
            && !phrase
                .clone()
                .any(|i| self.word_is(i, &["that", "which", "whose"]))
    }

    /// `The golf industry, she said, is doing better`: after a parenthetical
    /// cue the sentence goes on with the rest of the content.
    pub(super) fn parenthetical_rest(&self, s: &Range<usize>, rest: usize) -> Option<Range<usize>> {
        let start = rest + 1;
        let end = self.content_end(s);
        let ok = rest < s.end
            && self.is_punct(rest, ",")
            && start < end
            && self.is_lowercase_word(start)
            && !self.is_participle(start)
            && !self.word_is(start, RELATIVE_STARTS)
            && !self.word_is(start, &["according", "adding", "but", "and", "so"])
            && self.opens_quote(start).is_none();
        let r = start..end;
        (ok && !self.any_claimed(&r)).then_some(r)
    }

    /// The second half of a split quote: `, “B”` later in the sentence (after
    /// the cue, the source and maybe an apposition), or `“B”` opening the next
    /// sentence of the paragraph.
    pub(super) fn continuing_quote(
        &self,
        sent: usize,
        s: &Range<usize>,
        rest: usize,
    ) -> Option<Range<usize>> {
        for k in rest..s.end {
            if let Some(q) = self.opens_quote(k) {
                let after_comma = k > rest && self.is_punct(k - 1, ",");
                return (after_comma || k == rest)
                    .then_some(q)
                    .filter(|q| !self.any_claimed(q));
            }
        }
        let next = self.doc.sentences.get(sent + 1)?;
        if next.paragraph != self.doc.sentences[sent].paragraph {
            return None;
        }
        self.opens_quote(next.tokens.start)
            .filter(|q| !self.any_claimed(q))
    }

    /// Where content after a cue starts: after `,` or `:`, at a `that`
    /// closing a short object or adverbial (`told reporters that …`, `said
    /// on Tuesday that …`), or after a lead-in ending in a colon (`said in a
    /// statement: …`).
    pub(super) fn content_start(&self, after_cue: usize, end: usize) -> usize {
        let mut k = None;
        let hearer = after_cue > 0 && self.word_is(after_cue - 1, HEARER_VERBS);
        // A hearer may be a long phrase ("USA TODAY's weekly video
        // newsmaker series").
        let reach = if hearer { HEARER_WINDOW } else { OBJECT_WINDOW };
        let window = after_cue..(after_cue + reach).min(end);
        for i in window {
            if self.is_punct(i, ",") {
                // `told CNN, “…”`: the object ends at the comma.
                if i > after_cue && i + 1 < end && self.opens_quote(i + 1).is_some() {
                    k = Some(i + 1);
                }
                break;
            }
            if self.kind(i) == TokenKind::QuoteMark {
                break;
            }
            if self.word_is(i, &["that"]) && self.is_lowercase_word(i) {
                k = Some(i);
                break;
            }
            // `told reporters he was pleased`: the hearer is no part of
            // what was said; the clause starts at its subject pronoun.
            if i > after_cue && hearer && self.word_is(i, SUBJECT_PRONOUNS) {
                k = Some(i);
                break;
            }
            if self.is_punct(i, ":") {
                k = Some(i + 1);
                break;
            }
        }
        let k = k.or_else(|| {
            hearer
                .then(|| self.clause_after_named_hearer(after_cue, end))
                .flatten()
        });
        let mut k = k.unwrap_or(after_cue);
        while k < end && (self.is_punct(k, ",") || self.is_punct(k, ":")) {
            k += 1;
        }
        k
    }

    /// Where the clause after a hearer's name opens (`told Sky Sports | the
    /// decision was inevitable`, `told the New York Times | the deal was
    /// off`): a name of capitalized words right after the verb, maybe after
    /// "the", then a determiner opening a clause with a finite verb. The
    /// hearer is no part of what was said.
    fn clause_after_named_hearer(&self, after_cue: usize, end: usize) -> Option<usize> {
        let mut i = after_cue + usize::from(self.word_is(after_cue, &["the"]));
        let name_start = i;
        while i < end
            && i - name_start < 5
            && self.kind(i) == TokenKind::Word
            && self.text(i).starts_with(char::is_uppercase)
        {
            i += 1;
        }
        let clause = i > name_start
            && i + 1 < end
            && self.is_determiner(i)
            && (i + 1..end).any(|j| self.is_finite_verb(j));
        clause.then_some(i)
    }
}

/// Whether `a`'s cue is a form of "add" whose object is a quantity
/// ("Employers | added | 150,000 jobs in October", "the Dow added 300
/// points"): a sum, not a remark, which is a clause or a quotation ("He
/// added that …", "added: …", "added 40 percent of voters would …"). `pos`
/// holds each token's Penn Treebank tag.
pub(crate) fn adds_a_quantity(doc: &Document, pos: &[&str], a: &TokenAttribution) -> bool {
    let [first, ..] = a.content.as_slice() else {
        return false;
    };
    let tag = |i: usize| pos.get(i).copied().unwrap_or("");
    let quantity = |i: usize| tag(i) == "CD" || matches!(doc.token_text(i), "$" | "€" | "£");
    a.cue.len() == 1
        && matches!(doc.lower(a.cue.start), "add" | "adds" | "added" | "adding")
        && first.start == a.cue.end
        && quantity(first.start)
        && !a.content.iter().flat_map(Clone::clone).any(|i| {
            matches!(tag(i), "VBD" | "VBZ" | "VBP" | "MD")
                || doc.tokens[i].kind == TokenKind::QuoteMark
        })
}
