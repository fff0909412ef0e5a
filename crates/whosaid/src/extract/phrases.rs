//! Noun-phrase scans of the rules: where a source phrase begins and ends
//! to the left or right of a cue, auxiliaries skipped, the phrase that
//! leads a sentence, and a subject set off by an apposition or a relative
//! clause.

use std::ops::Range;

use super::*;

/// Nouns that end in `-ly` like an adverb: the end of a subject
/// (`attorneys for the family said`), not a word to skip before the cue.
const LY_NOUNS: &[&str] = &[
    "family",
    "ally",
    "rally",
    "assembly",
    "supply",
    "reply",
    "bully",
    "monopoly",
    "anomaly",
    "tally",
    "fly",
    "belly",
    "folly",
    "homily",
    "daily",
    "weekly",
    "monthly",
    "quarterly",
];

/// Conjunctions that may open a sentence before its subject.
const SENTENCE_CONJUNCTIONS: &[&str] = &["but", "and", "yet", "so", "or"];

/// Capitalized words that open a sentence without naming anyone: its
/// prepositions, subordinators, adverbs and auxiliaries.
const CAPITALIZED_OPENERS: &[&str] = &[
    "in",
    "on",
    "at",
    "after",
    "before",
    "when",
    "while",
    "as",
    "if",
    "since",
    "although",
    "though",
    "for",
    "with",
    "by",
    "from",
    "under",
    "during",
    "last",
    "this",
    "that",
    "then",
    "now",
    "meanwhile",
    "however",
    "still",
    "also",
    "yes",
    "no",
    "does",
    "do",
    "did",
    "is",
    "was",
    "are",
    "were",
    "earlier",
    "later",
    "today",
    "yesterday",
];

/// Words that open an object after a verb (`lost the race`).
const OBJECT_OPENERS: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "him", "them", "us",
];

/// Prepositions and adverbs that open a phrase in an apposition (`from
/// Dayton`, `then at the firm`), never a predicate.
const PHRASE_OPENERS: &[&str] = &[
    "of",
    "at",
    "for",
    "from",
    "in",
    "on",
    "with",
    "by",
    "like",
    "among",
    "including",
    "to",
    "about",
    "after",
    "before",
    "under",
    "over",
    "near",
    "than",
    "as",
    "then",
    "now",
    "once",
    "formerly",
    "also",
];

/// The longest apposition (tokens) read after a source.
const MAX_APPOSITION: usize = 14;

/// Irregular past forms of common verbs, which no "-ed" marks.
const IRREGULAR_PASTS: &[&str] = &[
    "became",
    "began",
    "bought",
    "brought",
    "built",
    "came",
    "chose",
    "did",
    "drew",
    "drove",
    "fell",
    "felt",
    "fought",
    "found",
    "gave",
    "got",
    "grew",
    "had",
    "heard",
    "held",
    "hit",
    "kept",
    "knew",
    "led",
    "left",
    "lost",
    "made",
    "meant",
    "met",
    "paid",
    "put",
    "ran",
    "read",
    "rose",
    "said",
    "sat",
    "saw",
    "sent",
    "set",
    "shot",
    "sold",
    "spent",
    "spoke",
    "stood",
    "struck",
    "swore",
    "taught",
    "thought",
    "threw",
    "told",
    "took",
    "understood",
    "went",
    "won",
    "wrote",
];

impl Rules<'_> {
    pub(super) fn is_np_boundary(&self, i: usize) -> bool {
        match self.kind(i) {
            TokenKind::QuoteMark => true,
            TokenKind::Punct => !matches!(self.text(i), "&" | "$" | "%" | "'" | "’" | "-"),
            TokenKind::Word => self.is_lowercase_word(i) && listed(self.text(i), NP_STOP_WORDS),
            TokenKind::Number | TokenKind::Abbreviation => false,
        }
    }

    /// Where the subject ends before a cue: back over auxiliaries and
    /// adverbs (`X has also said`).
    pub(super) fn skip_auxiliaries(&self, cue_start: usize, sent_start: usize) -> usize {
        let mut end = cue_start;
        while end > sent_start {
            let i = end - 1;
            let adverb = self.is_lowercase_word(i)
                && self.text(i).ends_with("ly")
                && !listed(self.text(i), LY_NOUNS);
            if self.word_is(i, AUXILIARIES) || adverb {
                end -= 1;
            } else {
                break;
            }
        }
        end
    }

    /// The noun phrase ending right before a cue (skipping auxiliaries and
    /// adverbs: `X has also said`), back to a boundary.
    pub(super) fn np_left(&self, cue_start: usize, sent_start: usize) -> Option<Range<usize>> {
        let mut end = self.skip_auxiliaries(cue_start, sent_start);
        // Skip a time phrase right before the cue: `X on Tuesday said`.
        let time_word = |i| self.word_is(i, TIME_WORDS) || self.word_is(i, WEEKDAYS);
        let time_lead = |i| self.word_is(i, TIME_LEADS) || self.word_is(i, WEEKDAYS);
        if end > sent_start && time_word(end - 1) {
            end -= 1;
            while end > sent_start && cue_start - end < 4 && time_lead(end - 1) {
                end -= 1;
            }
        }
        // Skip a parenthetical right before the cue: `Sessions (R-Ala.) said`.
        if end > sent_start && self.is_punct(end - 1, ")") {
            if let Some(open) = (sent_start..end - 1)
                .rev()
                .take(MAX_NP)
                .find(|&i| self.is_punct(i, "("))
            {
                end = open;
            }
        }
        let mut start = end;
        while start > sent_start
            && end - start < MAX_NP
            && (!self.is_np_boundary(start - 1) || self.joins_noun_phrase(start - 1, sent_start))
        {
            start -= 1;
        }
        // A capitalized clause opener is no part of the subject: `When asked`.
        while start < end
            && (self.word_is(start, NP_STOP_WORDS)
                || self.word_is(start, &["in", "on", "at", "during"]))
        {
            start += 1;
        }
        (start < end).then_some(start..end)
    }

    /// Whether the `of` at `i` joins a head noun to its complement (`The
    /// mayor of Riverside said`, `A spokesman of the ministry`) rather
    /// than opening the phrase: a word, not itself a boundary, comes
    /// before it (`Jane Roe, 55, of Springfield` keeps the town apart).
    fn joins_noun_phrase(&self, i: usize, sent_start: usize) -> bool {
        i > sent_start
            && self.word_is(i, &["of"])
            && self.kind(i - 1) == TokenKind::Word
            && !self.is_np_boundary(i - 1)
    }

    /// The noun phrase starting right after a cue (`said Trump`,
    /// `according to X`), up to punctuation or a relative word.
    pub(super) fn np_right(&self, from: usize, sent_end: usize) -> Option<Range<usize>> {
        let mut end = from;
        while end < sent_end
            && end - from < MAX_NP + 2
            && !self.is_terminal(end)
            && (!self.is_np_boundary(end) || self.word_is(end, &["of", "to"]))
        {
            end += 1;
        }
        (end > from && self.has_word(&(from..end))).then_some(from..end)
    }

    /// A capitalized noun phrase opening the sentence: the subject that a
    /// participle cue (`…, saying …`) refers back to.
    pub(super) fn leading_np(&self, sent_start: usize, limit: usize) -> Option<Range<usize>> {
        let mut end = sent_start;
        while end < limit && end - sent_start < 6 {
            let t = self.text(end);
            let capital = t.chars().next().is_some_and(char::is_uppercase);
            let joiner = matches!(t, "the" | "of" | "’s" | "'s" | "-");
            if self.is_word(end) && (capital || (joiner && end > sent_start)) {
                end += 1;
            } else {
                break;
            }
        }
        let np = sent_start..end;
        let conj = [
            "but", "and", "so", "yet", "in", "on", "at", "after", "when", "while", "as",
        ];
        (!np.is_empty() && !self.word_is(sent_start, &conj)).then_some(np)
    }

    /// Whether the comma `comma` closes a relative clause set off after the
    /// sentence's first words (`Sarah Owen, whose seat includes the port, |
    /// urged …`): what comes before is a subject, not a statement. A clause
    /// on a statement's own subject is followed by its verb (`The bill,
    /// which passed Tuesday, will cut taxes, said Smith`).
    pub(super) fn relative_clause_closes_at(&self, comma: usize, s: &Range<usize>) -> bool {
        if !self.is_punct(comma, ",") {
            return false;
        }
        let lo = comma.saturating_sub(20).max(s.start);
        let open = (lo..comma).rev().find(|&i| {
            self.is_punct(i, ",") || self.kind(i) == TokenKind::QuoteMark || self.is_terminal(i)
        });
        open.is_some_and(|o| {
            o > s.start && self.is_punct(o, ",") && self.word_is(o + 1, &["who", "whose", "which"])
        })
    }

    /// The sentence's subject when the comma `comma` closes the apposition
    /// of a name opening it (`Casey Murray, president of the pilots' union,
    /// | said 98 percent of members …`): what comes before holds no verb or
    /// quotation to be a statement, so the words after a cue there are its
    /// content, not an inverted source, and the name through the
    /// apposition, however many commas that holds, is its subject (`Trump,
    /// speaking later at a rally in Charleston, West Virginia, | did not
    /// mention …` is Trump's, not West Virginia's). A conjunction or an
    /// opening phrase of time or place before the name is none of it (`But
    /// Crawford, …`, `On Sunday, Hillary Clinton, …`). A relative clause
    /// counts as apposition (`Jane Roe, who lost her daughter in Aurora,
    /// Colorado, said`: not Colorado).
    pub(super) fn name_with_apposition(
        &self,
        comma: usize,
        s: &Range<usize>,
    ) -> Option<Range<usize>> {
        const JOINERS: &[&str] = &["of", "the", "and", "de", "van", "von"];
        if !self.is_punct(comma, ",") {
            return None;
        }
        let comma_after = |from: usize| (from..comma).find(|&i| self.is_punct(i, ","));
        let mut start = s.start;
        if self.word_is(start, SENTENCE_CONJUNCTIONS) {
            start += 1;
        }
        let mut first = comma_after(start)?;
        let opener = |i: usize| self.word_is(i, CAPITALIZED_OPENERS) || self.word_is(i, WEEKDAYS);
        if opener(start) && first - start <= 4 {
            start = first + 1;
            first = comma_after(start)?;
        }
        let capitalized = |i: usize| {
            self.kind(i) == TokenKind::Word
                && self.text(i).chars().next().is_some_and(char::is_uppercase)
        };
        let name = start..first;
        let name_like = (1..=6).contains(&name.len())
            && capitalized(start)
            && capitalized(first - 1)
            && !opener(start)
            && name
                .clone()
                .all(|i| capitalized(i) || self.word_is(i, JOINERS) || self.is_punct(i, "."));
        if !name_like || first + 1 >= comma {
            return None;
        }
        let apposition = first + 1..comma;
        // A segment opening on a past verb is a predicate (`Ann Lee, a
        // Democrat, | lost the race, | said Jones`): a regular or irregular
        // past, or a word with a determiner after it that no preposition or
        // participle is (`… | beat the incumbent`).
        let verb_opens = |i: usize| {
            let object = i + 1 < comma && self.word_is(i + 1, OBJECT_OPENERS);
            self.is_lowercase_word(i)
                && !self.word_is(i, PHRASE_OPENERS)
                && !self.text(i).ends_with("ing")
                && (self.text(i).ends_with("ed")
                    || self.is_finite_verb(i)
                    || self.word_is(i, IRREGULAR_PASTS)
                    || object)
        };
        let clause = apposition.clone().any(|i| {
            self.is_finite_verb(i)
                || self.kind(i) == TokenKind::QuoteMark
                || matches!(self.text(i), "-" | "–" | "—")
                || (self.is_punct(i - 1, ",") && verb_opens(i))
        });
        (!clause).then_some(start..comma)
    }

    /// The sentence's subject when the comma `comma` closes an aside
    /// opened by a participle after a noun phrase opening the sentence
    /// (`Three officials, speaking on condition of anonymity because the
    /// talks were private, | said a majority favored waiting`): a phrase
    /// with no verb before the aside is no statement, so the words after a
    /// cue there are its content, not an inverted source. The aside's own
    /// clauses do not count (`because the talks were private`), but a
    /// segment after one of its commas that opens on a verb is a predicate
    /// (`The plan, costing billions, failed, said Jones` stays inverted).
    pub(super) fn subject_with_participle_aside(
        &self,
        comma: usize,
        s: &Range<usize>,
    ) -> Option<Range<usize>> {
        if !self.is_punct(comma, ",") {
            return None;
        }
        let mut start = s.start;
        if self.word_is(start, SENTENCE_CONJUNCTIONS) {
            start += 1;
        }
        let first = (start..comma).find(|&i| self.is_punct(i, ","))?;
        let lowercase_past = |i: usize| {
            self.is_lowercase_word(i)
                && (self.text(i).ends_with("ed") || self.word_is(i, IRREGULAR_PASTS))
        };
        let subject = start..first;
        let noun_phrase = (1..=8).contains(&subject.len())
            && self.kind(start) == TokenKind::Word
            && !self.word_is(start, CAPITALIZED_OPENERS)
            && !self.text(start).ends_with("ing")
            && subject.clone().all(|i| {
                self.kind(i) == TokenKind::Word && !self.is_finite_verb(i) && !lowercase_past(i)
            });
        let opener = first + 1;
        let participle = opener + 1 < comma
            && self.is_lowercase_word(opener)
            && self.text(opener).len() > 4
            && self.text(opener).ends_with("ing");
        if !noun_phrase || !participle {
            return None;
        }
        let predicate_follows = (opener + 1..comma).any(|i| {
            self.kind(i) == TokenKind::QuoteMark
                || (self.is_punct(i - 1, ",") && (self.is_finite_verb(i) || lowercase_past(i)))
        });
        (!predicate_follows).then_some(start..comma)
    }

    /// The comma closing an apposition that opens at `comma + 1` and comes
    /// before more of the sentence (`According to Layoffs.fyi, a website
    /// that tracks job cuts, more than …`): a determiner or possessive
    /// opens it, and up to the next comma, before `end`, stands no quote
    /// mark, auxiliary, or past verb outside a relative clause (`According
    /// to Smith, the economy was weak, and …` is content), and words follow.
    /// With `to_end`, the apposition may run to `end` instead (`…,
    /// according to Pew, a think tank.`).
    pub(super) fn apposition_after(&self, comma: usize, end: usize, to_end: bool) -> Option<usize> {
        let first = comma + 1;
        if first >= end || !(self.is_determiner(first) || self.word_is(first, &["one"])) {
            return None;
        }
        let limit = (first + MAX_APPOSITION).min(end);
        let close = match (first + 1..limit).find(|&i| self.is_punct(i, ",")) {
            Some(close) => close,
            None if to_end && end - first <= MAX_APPOSITION => end,
            None => return None,
        };
        let mut relative = false;
        for i in first..close {
            relative |= self.word_is(i, RELATIVE_PRONOUNS);
            let past = self.is_lowercase_word(i)
                && (self.text(i).ends_with("ed") || self.word_is(i, IRREGULAR_PASTS));
            // `Crowdpac, the most of any candidate`: a superlative ranks
            // the content's figure.
            if self.kind(i) == TokenKind::QuoteMark
                || self.is_terminal(i)
                || self.word_is(i, &["most", "least"])
                || self.is_finite_verb(i)
                || (past && !relative)
            {
                return None;
            }
        }
        if close == end {
            return Some(end);
        }
        (close + 1..end)
            .filter(|&i| self.kind(i) == TokenKind::Word)
            .nth(1)
            .map(|_| close)
    }

    /// `McConnell, R-Ky., said` / `Aftergood, who heads …, said`: the subject
    /// before an apposition that ends at the comma `comma`.
    pub(super) fn subject_with_apposition(
        &self,
        comma: usize,
        s: &Range<usize>,
    ) -> Option<Range<usize>> {
        let lo = comma.saturating_sub(20).max(s.start);
        let open = (lo..comma).rev().find(|&i| {
            self.is_punct(i, ",") || self.kind(i) == TokenKind::QuoteMark || self.is_terminal(i)
        })?;
        if !self.is_punct(open, ",") || open + 1 >= comma {
            return None;
        }
        let mut head = self.np_left(open, s.start)?;
        // `Jane Roe, 55, of Springfield, said`, `Schiff, 56, who has
        // served …, told`: an age or a home town is no head; the name is
        // before it.
        for _ in 0..2 {
            let age = head.clone().all(|i| self.kind(i) == TokenKind::Number);
            let town = self.word_is(head.start, &["of"]) && self.is_lowercase_word(head.start);
            if !(age || town) || head.start == s.start {
                break;
            }
            let before = head.start - 1;
            if !self.is_punct(before, ",") {
                break;
            }
            match self.np_left(before, s.start) {
                Some(h) => head = h,
                None => break,
            }
        }
        Some(head.start..comma)
    }
}
