//! Times: when a statement was made, from time expressions in the frame
//! nearest the cue ([`crate::when`]).

use super::*;

impl Resolution<'_> {
    /// The statement's time: a time expression in the sentence of the cue,
    /// outside the content, the one nearest the cue.
    pub(super) fn find_times(&mut self) {
        // Asides in sources ("Brenner, whose group filed the complaint in
        // 2021, said"), from a comma to the next, unless a participle opens
        // them: the circumstance of the saying ("Obama, dedicating the
        // museum on Saturday, said").
        let mut asides: Vec<Range<usize>> = Vec::new();
        for s in self.items.iter().filter_map(|it| it.a.source.clone()) {
            let commas: Vec<usize> = s.clone().filter(|&i| self.doc.token_is(i, ",")).collect();
            for (n, &c) in commas.iter().enumerate() {
                let end = commas.get(n + 1).map_or(s.end, |&next| next + 1);
                if c + 1 < end && self.pos[c + 1] != "VBG" {
                    asides.push(c + 1..end);
                }
            }
        }
        // Every content piece with its item, by start: the pieces that meet
        // a frame are found by a search, not a scan of every item.
        let mut pieces: Vec<(Range<usize>, usize)> = self
            .items
            .iter()
            .enumerate()
            .flat_map(|(j, it)| it.a.content.iter().map(move |c| (c.clone(), j)))
            .collect();
        pieces.sort_unstable_by_key(|(r, _)| r.start);
        let longest = pieces.iter().map(|(r, _)| r.len()).max().unwrap_or(0);
        let mut blocked: Vec<Range<usize>> = Vec::new();
        for k in 0..self.items.len() {
            let cue = self.items[k].a.cue.clone();
            if cue.is_empty() {
                continue;
            }
            let frame = self.frame(k);
            // Most frames hold no word a time expression starts with: the
            // evidence rules below are not worth weighing there.
            if !frame.clone().any(|i| when::may_start(self.doc, i)) {
                self.items[k].time = None;
                continue;
            }
            let items = &self.items;
            let quotes = self.quotes;
            let ents = self.ents;
            let doc = self.doc;
            // Evidence comes from the frame, never from the content, a
            // quote or a name ("USA Today", "Russia Today"); nor from
            // another statement's content ("…, adding that the transfers
            // had stopped in 2023") unless it holds this one, nor from an
            // aside in a source.
            let meets = |r: &Range<usize>| r.start < frame.end && frame.start < r.end;
            blocked.clear();
            blocked.extend(asides.iter().filter(|r| meets(r)).cloned());
            let before_end = pieces.partition_point(|(r, _)| r.start < frame.end);
            let near = pieces[..before_end]
                .iter()
                .rev()
                .take_while(|(r, _)| r.start + longest > frame.start);
            for (r, j) in near {
                let holds_cue = items[*j].a.content.iter().any(|c| c.contains(&cue.start));
                if *j != k && !holds_cue && meets(r) {
                    blocked.push(r.clone());
                }
            }
            let own = &items[k].a.content;
            // A statement in a relative clause set off by commas ("Trump,
            // who endorsed Moreno early in the primary, held a rally on
            // Saturday") is dated by its clause alone.
            let clause = self.relative_clause_of(k, &frame);
            let allowed = |t: usize| {
                !quotes.is_quoted(t)
                    && !own.iter().any(|c| c.contains(&t))
                    && !blocked.iter().any(|r| r.contains(&t))
                    && clause.as_ref().is_none_or(|r| r.contains(&t))
            };
            let tense = self.tense_of(&cue);
            let mut found = when::find(self.doc, frame, allowed, self.info.published, tense);
            let sentence_start = doc.sentences[doc.sentence_of(cue.start)].tokens.start;
            found.retain(|m| {
                !m.tokens
                    .clone()
                    .any(|t| doc.is_capitalized(t) && ents.covering(t).is_some())
                    && !program_name(doc, m.tokens.clone(), sentence_start)
            });
            let distance = |m: &when::TimeMatch| {
                if m.tokens.end <= cue.start {
                    cue.start - m.tokens.end
                } else {
                    m.tokens.start.saturating_sub(cue.end)
                }
            };
            self.items[k].time = found.into_iter().min_by_key(distance);
        }
    }

    /// The tokens of the relative clause attribution `k` stands in, when
    /// its source is a relative pronoun after a comma ("…, who endorsed
    /// Moreno early in the primary,"): from the pronoun to the comma after
    /// its content, or the end of the frame.
    fn relative_clause_of(&self, k: usize, frame: &Range<usize>) -> Option<Range<usize>> {
        let it = &self.items[k].a;
        let source = it.source.as_ref().filter(|s| s.len() == 1)?;
        let relative = matches!(self.lower(source.start), "who" | "which")
            && source.start > frame.start
            && self.doc.token_is(source.start - 1, ",");
        if !relative {
            return None;
        }
        let said_end = it
            .content
            .iter()
            .map(|c| c.end)
            .chain([it.cue.end])
            .max()
            .unwrap_or(it.cue.end);
        let end = (said_end..frame.end)
            .find(|&i| self.doc.token_is(i, ","))
            .unwrap_or(frame.end);
        Some(source.start..end)
    }

    /// The tense of a cue: past for a past-tense verb ("said", "had
    /// told"), future for a modal of the future before it ("will say") or
    /// "going to", else unknown (a present "says" dates nothing).
    fn tense_of(&self, cue: &Range<usize>) -> when::Tense {
        let sentence_start = self.doc.sentences[self.doc.sentence_of(cue.start)]
            .tokens
            .start;
        let before = cue.start.saturating_sub(3).max(sentence_start)..cue.start;
        let future = before
            .clone()
            .chain(cue.clone())
            .any(|i| matches!(self.lower(i), "will" | "’ll" | "'ll" | "shall" | "going"));
        if future {
            return when::Tense::Future;
        }
        if cue.clone().any(|i| matches!(self.pos[i], "VBD" | "VBN")) {
            return when::Tense::Past;
        }
        when::Tense::Unknown
    }
}

/// Whether a time expression is a deictic word capitalized inside its
/// sentence, the name of a program or outlet the tagger left untagged
/// ("on BBC Radio 4's Today programme", "told the Today show"): "today"
/// in running text is lowercase.
fn program_name(doc: &Document, tokens: Range<usize>, sentence_start: usize) -> bool {
    let t = tokens.start;
    tokens.len() == 1
        && t > sentence_start
        && matches!(doc.lower(t), "today" | "tonight" | "yesterday" | "tomorrow")
        && doc.is_capitalized(t)
        && !matches!(
            doc.token_text(t - 1),
            "\"" | "“" | "'" | "‘" | ":" | "—" | "–" | "-" | "(" | "``"
        )
}
