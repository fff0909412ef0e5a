//! The tagger's attributions beside the rules': where two clash, and
//! which of the rules' stand in for attributions the repairs dropped.

use super::Context;
use crate::extract::TokenAttribution;

/// Adds the rules' attributions around the tagger's `dropped` ones (their
/// cue or content meeting a dropped cue and content) that clash with no
/// attribution in `found`: what the tagger misread there, the rules may
/// read right.
pub(super) fn rules_in_place_of(
    cx: &Context<'_>,
    dropped: &[TokenAttribution],
    found: &mut Vec<TokenAttribution>,
) {
    for dropped in dropped {
        let parts = || std::iter::once(&dropped.cue).chain(&dropped.content);
        let span =
            parts().map(|r| r.start).min().unwrap_or(0)..parts().map(|r| r.end).max().unwrap_or(0);
        for rule in &cx.rule_attributions {
            let near = overlap(&rule.cue, &span) || rule.content.iter().any(|r| overlap(r, &span));
            if near && !clashes(found, rule) {
                found.push(rule.clone());
            }
        }
    }
}

/// Whether `candidate` shares its cue or a piece of its content with an
/// attribution of `found`.
pub(super) fn clashes(found: &[TokenAttribution], candidate: &TokenAttribution) -> bool {
    found.iter().any(|a| {
        overlap(&a.cue, &candidate.cue)
            || a.content
                .iter()
                .any(|c| candidate.content.iter().any(|r| overlap(c, r)))
    })
}

/// For each of a document's `n` tokens, whether it is in a source, cue
/// or content of `found`.
pub(super) fn tokens_in_attributions(n: usize, found: &[TokenAttribution]) -> Vec<bool> {
    let mut taken = vec![false; n];
    for a in found {
        for r in a.content.iter().chain([&a.cue]).chain(&a.source) {
            taken[r.clone()].iter_mut().for_each(|t| *t = true);
        }
    }
    taken
}

/// Whether two token ranges share a token.
pub(super) fn overlap(a: &std::ops::Range<usize>, b: &std::ops::Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}
