//! The rules run over a stretch of a document on its own, as if it were
//! a document: what they find inside a content ("According to Interfax,
//! Rutte said …") or in a clause cut off one, where the whole document's
//! pass had claimed those tokens for a wider attribution.

use std::ops::Range;

use super::{extract, RuleConfig, TokenAttribution};
use crate::lexicon::Lexicon;
use crate::quotes::QuoteIndex;
use crate::text::Document;

/// The rules' attributions inside `tokens` of `doc`, in `doc`'s token
/// indices. A part that does not fall on `doc`'s tokens (the stretch's own
/// segmentation cut a word differently) drops its attribution; a source
/// that does not becomes `None`.
pub fn extract_within(
    doc: &Document,
    tokens: Range<usize>,
    lexicon: &Lexicon,
    config: &RuleConfig,
) -> Vec<TokenAttribution> {
    if tokens.is_empty() || tokens.end > doc.tokens.len() {
        return Vec::new();
    }
    let base = doc.tokens[tokens.start].start;
    let end = doc.tokens[tokens.end - 1].end;
    let sub = Document::new(&doc.text()[base..end]);
    let quotes = QuoteIndex::new(&sub);
    let to_doc = |r: &Range<usize>| -> Option<Range<usize>> {
        if r.is_empty() {
            return None;
        }
        let (a, b) = (
            base + sub.tokens[r.start].start,
            base + sub.tokens[r.end - 1].end,
        );
        let s = doc.tokens.partition_point(|t| t.start < a);
        let e = doc.tokens.partition_point(|t| t.end <= b);
        (s < e && doc.tokens[s].start == a).then_some(s..e)
    };
    extract(&sub, &quotes, lexicon, config)
        .into_iter()
        .filter_map(|inner| {
            let cue = to_doc(&inner.cue)?;
            let content = inner
                .content
                .iter()
                .map(to_doc)
                .collect::<Option<Vec<_>>>()?;
            (!content.is_empty()).then(|| TokenAttribution {
                source: inner.source.as_ref().and_then(to_doc),
                cue,
                content,
            })
        })
        .collect()
}
