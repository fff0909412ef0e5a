//! Times: when a statement was made, from time expressions in the frame
//! nearest the cue ([`crate::when`]).

use super::*;

impl Resolution<'_> {
    /// The statement's time: a time expression in the sentence of the cue,
    /// outside the content, the one nearest the cue.
    pub(super) fn find_times(&mut self) {
        for k in 0..self.items.len() {
            let cue = self.items[k].a.cue.clone();
            if cue.is_empty() {
                continue;
            }
            let frame = self.frame(k);
            let items = &self.items;
            let quotes = self.quotes;
            let allowed = |t: usize| {
                !items[k].a.content.iter().any(|c| c.contains(&t)) && !quotes.is_quoted(t)
            };
            let found = when::find(self.doc, frame, allowed, self.info.published);
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
}
