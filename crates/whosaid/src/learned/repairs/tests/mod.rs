//! Tests of the repairs, one module per repair module, on texts tagged by
//! the shipped POS tagger; the helpers here name spans by their tokens.

mod adverbial;
mod auxiliary;
mod clause;
mod content;
mod false_cues;
mod inner_cue;
mod lead_in;
mod quoted_as_saying;
mod relative;
mod sources;
mod subjects;
mod trailing;

use super::*;
use crate::extract::TokenAttribution;
use crate::learned::in_context;
use crate::text::Document;

/// One attribution given as token ranges.
fn attribution(
    source: Option<std::ops::Range<usize>>,
    cue: std::ops::Range<usize>,
    content: std::ops::Range<usize>,
) -> TokenAttribution {
    TokenAttribution {
        source,
        cue,
        content: std::iter::once(content).collect(),
    }
}

/// Applies a repair pass to one attribution given as token ranges, in
/// the shipped POS tagger's context: its (source, content) texts after.
fn repaired(
    text: &str,
    source: Option<std::ops::Range<usize>>,
    cue: std::ops::Range<usize>,
    content: std::ops::Range<usize>,
    pass: fn(&Context<'_>, &mut TokenAttribution),
) -> (Option<String>, Vec<String>) {
    let mut a = attribution(source, cue, content);
    in_context(text, |doc, cx| {
        pass(cx, &mut a);
        let span = |r: &std::ops::Range<usize>| {
            text[doc.tokens[r.start].start..doc.tokens[r.end - 1].end].to_string()
        };
        (
            a.source.as_ref().map(span),
            a.content.iter().map(span).collect(),
        )
    })
}

/// The source `pass` leaves on the attribution given by its phrases, each
/// the first occurrence of its words in `text`.
fn repaired_source(
    text: &str,
    source: &str,
    cue: &str,
    content: &str,
    pass: fn(&Context<'_>, &mut TokenAttribution),
) -> Option<String> {
    repaired(
        text,
        Some(tokens_of(text, source)),
        tokens_of(text, cue),
        tokens_of(text, content),
        pass,
    )
    .0
}

/// Token range of the first occurrence of `needle` in `text`.
fn tokens_of(text: &str, needle: &str) -> std::ops::Range<usize> {
    Document::new(text).tokens_of(needle)
}
