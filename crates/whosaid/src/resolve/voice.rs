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
                let edge =
                    |i: usize| is_edge_mark(self.doc, i) || matches!(self.lower(i), "and" | "but");
                while r.start < r.end && edge(r.start) {
                    r.start += 1;
                }
                // A connector the attribution after it cut off, after a
                // comma ("stalled on Thursday, | with …", "unchanged, | as
                // …"), goes with what it connects.
                let dangling = |end: usize| {
                    end >= r.start + 2
                        && matches!(self.pos[end - 1], "IN" | "CC" | "WRB" | "WDT" | "WP")
                        && self.doc.token_is(end - 2, ",")
                };
                while r.end > r.start && (edge(r.end - 1) || dangling(r.end)) {
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
                let sentence = without_edge_marks(self.doc, s.tokens.clone());
                let whole = r == sentence;
                out.push(Unattributed {
                    span: span(&r),
                    whole_sentence: whole,
                });
            }
        }
        out
    }
}

/// Whether token `i` is a mark an assertion's span leaves out at its
/// edges: punctuation and quotation marks, but not the sign of an amount
/// next to its number ("remain near 7%", "$5 billion was spent").
fn is_edge_mark(doc: &Document, i: usize) -> bool {
    matches!(doc.tokens[i].kind, TokenKind::Punct | TokenKind::QuoteMark)
        && !matches!(doc.token_text(i), "%" | "$" | "€" | "£")
}

/// A sentence's tokens without the marks at its edges ([`is_edge_mark`]).
fn without_edge_marks(doc: &Document, mut r: std::ops::Range<usize>) -> std::ops::Range<usize> {
    while r.start < r.end && is_edge_mark(doc, r.start) {
        r.start += 1;
    }
    while r.end > r.start && is_edge_mark(doc, r.end - 1) {
        r.end -= 1;
    }
    r
}
