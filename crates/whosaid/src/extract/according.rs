//! Cues whose source follows them: `According to X, …` and `…,
//! according to X.`, with an apposition on the source (`According to
//! Layoffs.fyi, a website that tracks job cuts, …`) kept in it.

use super::*;

impl Rules<'_> {
    /// `According to X, …` and `…, according to X.`
    pub(super) fn source_after_cue(
        &self,
        _sent: usize,
        s: &Range<usize>,
        cue: &Cue,
    ) -> Option<TokenAttribution> {
        let c = cue.tokens.clone();
        let mut source = self.np_right(c.end, s.end)?;
        // `According to a city official who asked not to be named, …`:
        // the relative clause up to the comma belongs to the source.
        if source.end < s.end && self.word_is(source.end, RELATIVE_PRONOUNS) {
            let limit = (source.end + MAX_NP).min(s.end);
            if let Some(comma) = (source.end..limit).find(|&i| self.is_punct(i, ",")) {
                if !(source.end..comma).any(|i| self.is_terminal(i)) {
                    source.end = comma;
                }
            }
        }
        let end = self.content_end(s);
        // `According to X, a Y that …, content`: the apposition is the
        // source's.
        if source.end < end && self.is_punct(source.end, ",") && c.start <= s.start + 1 {
            if let Some(close) = self.apposition_after(source.end, end, false) {
                source.end = close;
            }
        }
        let mut content = Vec::new();
        // Words before the cue other than a leading conjunction.
        let lead = (s.start..c.start)
            .filter(|&i| !self.is_punct(i, ",") && !self.word_is(i, &["but", "and", "so", "yet"]))
            .count();
        if lead > 0 {
            let before_end = if c.start > s.start && self.is_punct(c.start - 1, ",") {
                c.start - 1
            } else {
                c.start
            };
            content.push(s.start..before_end);
        }
        // `…, according to Pew, a think tank.`: the apposition to the end
        // is a named source's too, no second piece of content (`…,
        // according to public filings, a huge sum for …` describes the
        // content's figure).
        let named = (source.start..source.end)
            .take(2)
            .any(|i| self.text(i).starts_with(char::is_uppercase));
        if lead > 0 && named && source.end < end && self.is_punct(source.end, ",") {
            if let Some(close) = self.apposition_after(source.end, end, true) {
                source.end = close;
            }
        }
        if source.end < end && self.is_punct(source.end, ",") {
            let after = source.end + 1..end;
            let relative = self.word_is(after.start.min(end.saturating_sub(1)), RELATIVE_STARTS);
            if !after.is_empty() && !relative && (lead == 0 || self.has_word(&after)) {
                content.push(after);
            }
        }
        content.retain(|r| self.has_word(r));
        if content.is_empty() {
            return None;
        }
        Some(TokenAttribution {
            source: Some(source),
            cue: c,
            content,
        })
    }
}
