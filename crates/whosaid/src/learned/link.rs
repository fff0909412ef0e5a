//! Linking: per-token labels into attributions (each cue span opens one,
//! contents and sources join the nearest cue), nested ones folded.

use super::*;

/// Turns per-token labels into attributions (see the module docs).
pub fn link(doc: &Document, labels: &[usize]) -> Vec<TokenAttribution> {
    link_with_bare_cues(doc, labels).0
}

/// [`link`], plus the cue spans that got no content.
pub(super) fn link_with_bare_cues(
    doc: &Document,
    labels: &[usize],
) -> (Vec<TokenAttribution>, Vec<std::ops::Range<usize>>) {
    // Maximal runs: (role, tokens).
    let mut spans: Vec<(usize, std::ops::Range<usize>)> = Vec::new();
    for (i, &l) in labels.iter().enumerate() {
        if l == O {
            continue;
        }
        match spans.last_mut() {
            Some((r, run)) if is_inside(l) && *r == role(l) && run.end == i => run.end = i + 1,
            _ => spans.push((role(l), i..i + 1)),
        }
    }
    let sentence = |i: usize| doc.sentence_of(i);
    let paragraph = |i: usize| doc.sentences[sentence(i)].paragraph;
    let cues: Vec<std::ops::Range<usize>> = spans
        .iter()
        .filter(|s| s.0 == 2)
        .map(|s| s.1.clone())
        .collect();
    let mut out: Vec<TokenAttribution> = cues
        .iter()
        .map(|c| TokenAttribution {
            source: None,
            cue: c.clone(),
            content: Vec::new(),
        })
        .collect();
    let gap = |a: &std::ops::Range<usize>, b: &std::ops::Range<usize>| {
        if a.end <= b.start {
            b.start - a.end
        } else {
            a.start.saturating_sub(b.end)
        }
    };
    // The nearest cue is the closest one on the left or on the right
    // (cues are sorted and sentences contiguous): O(log n) per span.
    let nearest = |r: &std::ops::Range<usize>, same_sentence_only: bool| -> Option<usize> {
        let right = cues.partition_point(|c| c.start < r.start);
        let candidates = right
            .checked_sub(1)
            .into_iter()
            .chain((right < cues.len()).then_some(right));
        candidates
            .filter(|&k| paragraph(cues[k].start) == paragraph(r.start))
            .filter(|&k| !same_sentence_only || sentence(cues[k].start) == sentence(r.start))
            .min_by_key(|&k| {
                (
                    sentence(cues[k].start) != sentence(r.start),
                    gap(&cues[k], r),
                )
            })
    };
    // Cues with a content span of their own right after them ("…, citing
    // | the new rules"): such a cue needs no content from before it.
    let content_follows: Vec<bool> = cues
        .iter()
        .map(|c| {
            let next = spans.partition_point(|(_, s)| s.start < c.end);
            spans
                .get(next)
                .is_some_and(|(role, s)| *role == 3 && s.start <= c.end + 1)
        })
        .collect();
    for (role, r) in &spans {
        match role {
            3 => {
                // Content with no cue in its paragraph is dropped: joining
                // it to a neighbour's cue costs more full matches than it
                // wins (measured on PolNeAR dev).
                let Some(mut k) = nearest(r, false) else {
                    continue;
                };
                // "The firm said on Tuesday | that … launch |, citing | the
                // rules": content between two cues of its sentence is the
                // earlier one's when the later has its own after it, even
                // where a time phrase makes the later cue the nearer. Only
                // punctuation stands between the content and the later cue
                // ("which | he said | were" keeps its reading).
                let punctuation_between = |k: usize| {
                    (r.end..cues[k].start)
                        .all(|i| doc.tokens[i].kind == crate::text::TokenKind::Punct)
                };
                if cues[k].start > r.end && content_follows[k] && k > 0 && punctuation_between(k) {
                    let before = k - 1;
                    if cues[before].end <= r.start
                        && sentence(cues[before].start) == sentence(r.start)
                        && sentence(cues[k].start) == sentence(r.start)
                    {
                        k = before;
                    }
                }
                out[k].content.push(r.clone());
            }
            1 => {
                // One source per cue: the nearest source span.
                if let Some(k) = nearest(r, true).or_else(|| nearest(r, false)) {
                    let cue = &cues[k];
                    let closer = out[k]
                        .source
                        .as_ref()
                        .is_none_or(|old| gap(cue, r) < gap(cue, old));
                    if closer {
                        out[k].source = Some(r.clone());
                    }
                }
            }
            _ => {}
        }
    }
    // "Meta was fined over its | "pay or consent" model |. A spokesman
    // said | the company would appeal": a cue with its content after it in
    // its own sentence says nothing of an unquoted piece from a sentence
    // before; that piece was the nearest cue's only because its own
    // sentence had none. (A quotation running over sentences before its
    // cue, `"A. B," he said`, opens on its quotation mark and stays.)
    let opens_a_quotation = |r: &std::ops::Range<usize>| {
        let quote = |i: usize| doc.tokens[i].kind == crate::text::TokenKind::QuoteMark;
        quote(r.start) || (r.start > 0 && quote(r.start - 1))
    };
    for a in &mut out {
        let cue_sentence = sentence(a.cue.start);
        let content_after = a
            .content
            .iter()
            .any(|c| c.start >= a.cue.end && sentence(c.start) == cue_sentence);
        if content_after {
            a.content.retain(|c| {
                !(c.end <= a.cue.start && sentence(c.end - 1) < cue_sentence)
                    || opens_a_quotation(c)
            });
        }
    }
    let bare: Vec<std::ops::Range<usize>> = out
        .iter()
        .filter(|a| a.content.is_empty())
        .map(|a| a.cue.clone())
        .collect();
    out.retain(|a| !a.content.is_empty());
    out.sort_by_key(|a| a.cue.start);
    merge_nested(doc, &mut out);
    out.sort_by_key(|a| a.content[0].start);
    (out, bare)
}

/// `Trump said that Clinton once described X as Y`: PolNeAR keeps the
/// outer attribution only, with the inner one inside its content. When an
/// attribution starts (source or cue) exactly where the content of the
/// attribution before it in the sentence ends, it is folded into that
/// content.
fn merge_nested(doc: &Document, out: &mut Vec<TokenAttribution>) {
    let mut kept: Vec<TokenAttribution> = Vec::with_capacity(out.len());
    for inner in out.drain(..) {
        if let Some(outer) = kept.last_mut() {
            let inner_start = inner
                .source
                .as_ref()
                .map_or(inner.cue.start, |s| s.start.min(inner.cue.start));
            let inner_end = inner
                .content
                .iter()
                .map(|r| r.end)
                .max()
                .unwrap_or(inner.cue.end);
            let outer_end = outer.content.iter().map(|r| r.end).max().unwrap_or(0);
            let outer_after_cue = outer.content.iter().all(|r| r.start >= outer.cue.end);
            let same_sentence =
                doc.sentence_of(outer.cue.start) == doc.sentence_of(inner.cue.start);
            let inner_after = inner.content.iter().all(|r| r.start >= inner.cue.end);
            if same_sentence && outer_after_cue && inner_after && outer_end == inner_start {
                if let Some(last) = outer.content.last_mut() {
                    last.end = last.end.max(inner_end);
                }
                continue;
            }
        }
        kept.push(inner);
    }
    *out = kept;
}
