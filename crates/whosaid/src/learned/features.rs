//! The attribution tagger's features of a token: the open-class ones
//! (words, bigrams, shape, the nearest cue's word) as hashed features, and
//! the closed-class values (POS tags, quote state, rule roles, lexicon
//! precision, the distance to the nearest cue candidate and what stands
//! between, position) that [`DirectWeights`](super::closed::DirectWeights)
//! scores by arithmetic.

use super::*;

impl Context<'_> {
    pub(super) fn word(&self, i: isize) -> u64 {
        if i < 0 {
            fixed::PARAGRAPH_START
        } else {
            self.words
                .get(i as usize)
                .map_or(fixed::PARAGRAPH_END, |w| w.word)
        }
    }

    /// The id of token `t`'s tag: its index in `tag_vocab`, then the
    /// paragraph boundaries (`<p>` before the text, `</p>` after it).
    pub(super) fn tag_id(&self, t: isize) -> u8 {
        let n = self.tag_vocab.len() as u8;
        if t < 0 {
            n
        } else {
            self.pos_ids.get(t as usize).copied().unwrap_or(n + 1)
        }
    }

    /// The closed-class values the features of token `i` read.
    pub(super) fn closed(&self, i: usize, at: &Position) -> Closed {
        let t = i as isize;
        let quote = match self.quotes.quote_of_mark(i) {
            Some(q) if q.open == i => 0,
            Some(_) => 1,
            None if self.quotes.is_quoted(i) => 2,
            None => 3,
        };
        let lex = match (self.lex_start[i], self.lex_inside[i]) {
            (Some(p), _) => p.min(10),
            (None, true) => 11,
            (None, false) => 12,
        };
        // Signed distance to the nearest cue candidate of the sentence.
        let dist = at.nearest_cue.map_or(12, |c| dist_bucket(c as isize - t));
        let place = if i == at.sentence.start {
            0
        } else if i + 1 == at.sentence.end {
            1
        } else {
            2
        };
        let to_end = match at.sentence.end - i {
            1 => 0,
            2 => 1,
            3..=5 => 2,
            _ => 3,
        };
        let rule_at =
            |k: Option<usize>| k.and_then(|k| self.rule.get(k)).copied().unwrap_or(O) as u8;
        let mut ids = [0u8; 32];
        ids[..20].copy_from_slice(&[
            0,
            self.tag_id(t - 2),
            self.tag_id(t - 1),
            self.tag_id(t),
            self.tag_id(t + 1),
            self.tag_id(t + 2),
            quote,
            rule_at(i.checked_sub(1)),
            rule_at(Some(i)),
            rule_at(Some(i + 1)),
            lex,
            dist,
            place,
            u8::from(at.paragraph != 0),
            u8::from(!at.rules_in_sentence),
            to_end,
            at.between,
            at.nearest_cue.map_or(12, |c| match self.lex_start[c] {
                Some(p) => p.min(10),
                None => 12,
            }),
            at.nearest_cue.map_or(O as u8, |c| self.rule[c] as u8),
            at.nearest_cue.map_or(self.tag_id(-1), |c| {
                // The tag of the first word after the cue's lexicon match.
                let mut k = c + 1;
                while self.lex_inside.get(k).copied().unwrap_or(false) {
                    k += 1;
                }
                self.tag_id(k as isize)
            }),
        ]);
        Closed { ids }
    }

    /// Appends the features of token `i` to `out`: the open-class ones
    /// (words, shapes), and the closed-class ones unless `closed` takes
    /// their values instead (scored from [`DirectWeights`]). `at` says
    /// where `i` stands in its sentence and paragraph.
    pub(super) fn features(
        &self,
        i: usize,
        at: &Position,
        out: &mut Vec<u64>,
        closed: Option<&mut Vec<Closed>>,
    ) {
        let t = i as isize;
        let w0 = self.word(t);
        let (w_1, w_2) = (self.word(t - 1), self.word(t - 2));
        let values = self.closed(i, at);
        let rule = RULE_SYMS[usize::from(values.ids[Part::RULE])];
        out.extend([
            feat(1, w0, NONE),
            feat(2, w_1, NONE),
            feat(3, self.word(t + 1), NONE),
            feat(4, w_2, NONE),
            feat(5, self.word(t + 2), NONE),
            feat(25, self.words[i].shape, NONE),
            feat(26, w0, rule),
            feat(29, w_1, w0),
            feat(34, w_2, w_1),
        ]);
        if let Some(c) = at.nearest_cue {
            let dist = fixed::DIST_ALL[usize::from(values.ids[Part::DIST])];
            out.push(feat(30, self.words[c].word, dist));
        }
        if let Some(syntax) = &self.syntax {
            let quote = fixed::QUOTES[usize::from(values.ids[Part::QUOTE])];
            syntax.features(i, &self.words, &self.pos_syms, quote, rule, out);
        }
        match closed {
            Some(closed) => closed.push(values),
            None => {
                let vocab = Vocab::new(self.tag_vocab);
                out.extend(CLOSED_TEMPLATES.iter().map(|&(template, a, b)| {
                    feat(template, vocab.sym(a, &values), vocab.sym(b, &values))
                }));
            }
        }
    }

    /// Whether paragraph `p` has anything an attribution needs: a cue
    /// candidate from the lexicon of precision ≥ 0.2 ("said", not "is"), a
    /// quotation mark, a colon or a rule match. Others are left unlabeled
    /// without scoring: extraction is ~10% faster, and PolNeAR scores stay
    /// put (full F1 dev 0.653 → 0.654, train 0.659 → 0.659).
    pub(super) fn may_attribute(&self, p: usize) -> bool {
        let para = &self.doc.paragraphs[p];
        let first = self.doc.sentences[para.sentences.start].tokens.start;
        let last = self.doc.sentences[para.sentences.end - 1].tokens.end;
        (first..last).any(|i| {
            self.lex_start[i].is_some_and(|p| p >= 2)
                || self.rule[i] != O
                || self.quotes.is_quoted(i)
                || self.quotes.quote_of_mark(i).is_some()
                || self.doc.token_is(i, ":")
        })
    }

    /// The features of every token of paragraph `p`. Linear in its length:
    /// per-sentence facts are computed once, the nearest cue by a sweep.
    pub(super) fn paragraph_features(
        &self,
        p: usize,
        mut closed: Option<&mut Vec<Closed>>,
    ) -> ParagraphFeatures {
        let para = &self.doc.paragraphs[p];
        let first = &self.doc.sentences[para.sentences.start];
        let last = &self.doc.sentences[para.sentences.end - 1];
        let range = first.tokens.start..last.tokens.end;
        let mut out = ParagraphFeatures {
            range: range.clone(),
            // 43 features a token, 10 when the closed-class ones go to `closed`.
            data: Vec::with_capacity(range.len() * if closed.is_some() { 10 } else { 43 }),
            offsets: Vec::with_capacity(range.len() + 1),
        };
        out.offsets.push(0);
        if let Some(c) = closed.as_deref_mut() {
            c.clear();
        }
        // Per sentence: running counts of commas, quotation marks and finite
        // verbs before each token, so that what lies between a token and its
        // cue is two reads.
        let mut marks: Vec<[u32; 3]> = Vec::new();
        let mut cues: Vec<usize> = Vec::new();
        for s in para.sentences.clone() {
            let sentence = self.doc.sentences[s].tokens.clone();
            cues.clear();
            cues.extend(
                sentence
                    .clone()
                    .filter(|&i| self.lex_start[i].is_some_and(|p| p >= 3)),
            );
            let rules_in_sentence = sentence.clone().any(|k| self.rule[k] != O);
            marks.clear();
            if !cues.is_empty() {
                marks.push([0; 3]);
                for k in sentence.clone() {
                    let [commas, quote_marks, verbs] = *marks.last().unwrap_or(&[0; 3]);
                    marks.push([
                        commas + u32::from(self.words[k].word == fixed::COMMA),
                        quote_marks + u32::from(self.quotes.quote_of_mark(k).is_some()),
                        verbs + u32::from(fixed::FINITE_VERB_TAGS.contains(&self.pos_syms[k])),
                    ]);
                }
            }
            let mut next = 0; // first cue at or after the token
            for i in sentence.clone() {
                while next < cues.len() && cues[next] < i {
                    next += 1;
                }
                let before = next.checked_sub(1).map(|k| cues[k]);
                let after = cues.get(next).copied();
                let nearest_cue = match (before, after) {
                    (Some(b), Some(a)) => Some(if i - b <= a - i { b } else { a }),
                    (b, a) => b.or(a),
                };
                let between = match nearest_cue {
                    None => 9,
                    Some(c) if c == i => 8,
                    Some(c) => {
                        // Counts over the tokens strictly between the two.
                        let after_first = marks[i.min(c) + 1 - sentence.start];
                        let before_last = marks[i.max(c) - sentence.start];
                        let found = |k: usize| u8::from(before_last[k] > after_first[k]);
                        found(0) | found(1) << 1 | found(2) << 2
                    }
                };
                let at = Position {
                    sentence: sentence.clone(),
                    paragraph: p,
                    nearest_cue,
                    rules_in_sentence,
                    between,
                };
                self.features(i, &at, &mut out.data, closed.as_deref_mut());
                out.offsets.push(out.data.len() as u32);
            }
        }
        out
    }
}

/// The bucket of a signed distance `d` from a token to a cue candidate, an
/// index into [`fixed::DIST_ALL`].
pub(super) fn dist_bucket(d: isize) -> u8 {
    let b = match d.unsigned_abs() {
        0 => 0,
        1 => 1,
        2 => 2,
        3..=5 => 3,
        6..=10 => 4,
        _ => 5,
    };
    b + if d < 0 { 0 } else { 6 }
}

/// Where a token stands, for its features.
pub(super) struct Position {
    sentence: std::ops::Range<usize>,
    paragraph: usize,
    nearest_cue: Option<usize>,
    rules_in_sentence: bool,
    /// What lies strictly between the token and its nearest cue candidate:
    /// an index into [`fixed::BETWEEN`].
    between: u8,
}

/// The features of a paragraph's tokens, flat.
pub(super) struct ParagraphFeatures {
    pub(super) range: std::ops::Range<usize>,
    pub(super) data: Vec<u64>,
    offsets: Vec<u32>,
}

impl ParagraphFeatures {
    pub(super) fn token(&self, k: usize) -> &[u64] {
        &self.data[self.offsets[k] as usize..self.offsets[k + 1] as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::super::in_context;
    use super::*;

    #[test]
    fn only_paragraphs_with_a_cue_candidate_are_scored() {
        let text = "Head: the talks\n\nThe sky is blue over the harbor.\n\nBob said the plan \
                    works.\n\nThe plan, in “quotes” here, failed.";
        in_context(text, |doc, cx| {
            let scored: Vec<bool> = (0..doc.paragraphs.len())
                .map(|p| cx.may_attribute(p))
                .collect();
            assert_eq!(scored, [true, false, true, true]);
        });
    }

    #[test]
    fn tokens_know_what_stands_between_them_and_their_cue() {
        let text = "Head\n\nThe mayor, who won, said the plan “works” well.";
        in_context(text, |doc, cx| {
            let mut closed = Vec::new();
            cx.paragraph_features(1, Some(&mut closed));
            let first = doc.sentences[doc.paragraphs[1].sentences.start]
                .tokens
                .start;
            let between = |word: &str| {
                let i = (first..doc.tokens.len())
                    .find(|&i| doc.token_text(i) == word)
                    .unwrap();
                fixed::BETWEEN[usize::from(closed[i - first].ids[Part::BETWEEN])]
            };
            // "mayor" … "said": two commas and the finite verb "won".
            assert_eq!(between("mayor"), sym(",v"));
            assert_eq!(between("said"), sym("self"));
            assert_eq!(between("plan"), sym("clear"));
            // "well" … "said": the quotation marks and the verb "works".
            assert_eq!(between("well"), sym("qv"));
        });
    }

    #[test]
    fn the_flat_closed_class_table_scores_like_the_hashed_features() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../examples/nato-rutte.txt"
        ))
        .unwrap();
        in_context(&text, |doc, cx| {
            let hashed = AttrTagger::builtin().unwrap();
            let direct = AttrTagger::builtin().unwrap().for_tags(cx.tag_vocab);
            let table = direct.direct.as_ref().unwrap();
            let mut compared = 0;
            for p in 0..doc.paragraphs.len() {
                let all = cx.paragraph_features(p, None);
                let mut closed = Vec::new();
                let open = cx.paragraph_features(p, Some(&mut closed));
                assert_eq!(closed.len(), all.range.len());
                for (k, values) in closed.iter().enumerate() {
                    let mut want = [0.0; N];
                    hashed.weights.add_scores(all.token(k), &mut want);
                    let mut got = [0.0; N];
                    direct.weights.add_scores(open.token(k), &mut got);
                    table.add_scores(values, &mut got);
                    for (w, g) in want.iter().zip(got) {
                        assert!((w - g).abs() < 1e-3 * w.abs().max(1.0), "{want:?} {got:?}");
                    }
                    compared += 1;
                }
            }
            assert!(compared > 400);
            assert_eq!(hashed.label(cx), direct.label(cx));
            // Another tag set (another POS model): the hashed path is used.
            let other = AttrTagger::builtin().unwrap().for_tags(&[1, 2, 3]);
            assert_eq!(other.label(cx), hashed.label(cx));
        });
    }
}
