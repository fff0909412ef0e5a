//! Continuing quotes (a quotation without a cue continues the running
//! speaker) and attributions nested in others' content.

use super::*;

/// How many content runs starting before a cue are tried as its container.
pub(super) const NESTING_LOOKBACK: usize = 16;

impl Resolution<'_> {
    /// Quotes that make up a whole paragraph right after a paragraph whose
    /// last attribution has a speaker, and belong to no attribution, go to
    /// that running speaker.
    pub(super) fn add_continuations(&mut self) {
        let mut covered = vec![false; self.doc.tokens.len()];
        for it in &self.items {
            for r in it.a.content.iter().chain([&it.a.cue]).chain(&it.a.source) {
                covered[r.clone()].iter_mut().for_each(|c| *c = true);
            }
        }
        let mut added = Vec::new();
        let mut last_speaker: Option<(usize, usize)> = None; // (item, paragraph)
        let mut by_paragraph: Vec<Option<usize>> = vec![None; self.doc.paragraphs.len()];
        for (k, it) in self.items.iter().enumerate() {
            if it.speaker.is_some() {
                let p = self.paragraph_of(it.a.cue.start);
                by_paragraph[p] = Some(k);
            }
        }
        for (p, para) in self.doc.paragraphs.iter().enumerate() {
            if let Some(k) = by_paragraph[p] {
                last_speaker = Some((k, p));
                continue;
            }
            let Some((k, from)) = last_speaker else {
                continue;
            };
            if p != from + 1 {
                last_speaker = None;
                continue;
            }
            let first = self.doc.sentences[para.sentences.start].tokens.start;
            let last = self.doc.sentences[para.sentences.end - 1].tokens.end;
            let Some(q) = self.quotes.quote_of_mark(first) else {
                last_speaker = None;
                continue;
            };
            let whole = q.open == first && (q.close + 1 == last || q.close + 2 == last);
            if whole && !covered[first..last].iter().any(|&c| c) && self.items[k].a.source.is_some()
            {
                let a = TokenAttribution {
                    source: None,
                    cue: 0..0,
                    content: std::iter::once(first..q.close + 1).collect(),
                };
                let mut item = Item::new(a);
                item.speaker = self.items[k].speaker;
                item.continues = Some(k);
                added.push(item);
                last_speaker = Some((k, p));
            } else {
                last_speaker = None;
            }
        }
        self.items.extend(added);
    }

    /// `nested_in`: an attribution whose cue lies inside another's content.
    pub(super) fn find_nesting(&mut self) {
        // Content runs by start; a cue's container starts at or before it.
        let mut runs: Vec<(usize, usize, usize)> = self
            .items
            .iter()
            .enumerate()
            .flat_map(|(j, it)| it.a.content.iter().map(move |c| (c.start, c.end, j)))
            .collect();
        runs.sort_unstable();
        for k in 0..self.items.len() {
            let cue = self.items[k].a.cue.clone();
            if cue.is_empty() {
                continue;
            }
            let at = runs.partition_point(|r| r.0 <= cue.start);
            // The innermost container among the nearest runs.
            let outer = runs[..at]
                .iter()
                .rev()
                .take(NESTING_LOOKBACK)
                .filter(|r| r.2 != k && cue.end <= r.1)
                .min_by_key(|r| r.1 - r.0)
                .map(|r| r.2);
            self.items[k].nested_in = outer;
        }
    }
}
