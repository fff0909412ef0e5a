//! The outlet's own voice: runs of text outside every attribution that
//! assert something (three words and a verb), minus frames of attributions.

use super::*;

impl Resolution<'_> {
    /// Sentences and clauses outside every attribution that make a claim:
    /// at least three words with a verb. Framing before an attribution's
    /// source ("In an interview that aired on Friday,") is not a claim.
    pub(super) fn unattributed(&self, span: &dyn Fn(&Range<usize>) -> Span) -> Vec<Unattributed> {
        let n = self.doc.tokens.len();
        let mut covered = vec![false; n];
        let mut frame_start = vec![false; n];
        for it in &self.items {
            for r in it.a.content.iter().chain([&it.a.cue]).chain(&it.a.source) {
                covered[r.clone()].iter_mut().for_each(|c| *c = true);
            }
            let first =
                it.a.source
                    .as_ref()
                    .map_or(it.a.cue.start, |s| s.start.min(it.a.cue.start));
            if !it.a.cue.is_empty() && first < n {
                frame_start[first] = true;
            }
        }
        let mut out = Vec::new();
        for s in &self.doc.sentences {
            let mut t = s.tokens.start;
            while t < s.tokens.end {
                if covered[t] {
                    t += 1;
                    continue;
                }
                let from = t;
                while t < s.tokens.end && !covered[t] {
                    t += 1;
                }
                let mut r = from..t;
                let edge = |i: usize| {
                    matches!(
                        self.doc.tokens[i].kind,
                        TokenKind::Punct | TokenKind::QuoteMark
                    ) || matches!(self.lower(i), "and" | "but")
                };
                while r.start < r.end && edge(r.start) {
                    r.start += 1;
                }
                while r.end > r.start && edge(r.end - 1) {
                    r.end -= 1;
                }
                let words = r
                    .clone()
                    .filter(|&i| self.doc.tokens[i].kind == TokenKind::Word)
                    .count();
                let verb = r
                    .clone()
                    .any(|i| matches!(self.pos[i], "VB" | "VBD" | "VBZ" | "VBP" | "MD"));
                if words < 3 || !verb {
                    continue;
                }
                // A frame before an attribution: "In an interview …, X said".
                let frames = t < s.tokens.end
                    && frame_start[t]
                    && matches!(
                        self.pos[r.start],
                        "IN" | "TO" | "VBG" | "VBN" | "WRB" | "RB"
                    );
                if frames && !matches!(self.lower(r.start), "however" | "meanwhile") {
                    continue;
                }
                let whole = r.start == trim_edges(self.doc, s.tokens.clone()).start
                    && r.end == trim_edges(self.doc, s.tokens.clone()).end;
                out.push(Unattributed {
                    span: span(&r),
                    whole_sentence: whole,
                });
            }
        }
        out
    }
}
