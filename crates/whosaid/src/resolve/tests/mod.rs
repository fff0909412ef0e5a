//! Resolution on small articles: one test per rule or past bug, a module
//! per kind of rule; the helpers they share are here.

use super::*;
use crate::Extractor;
use std::sync::OnceLock;

mod affiliations;
mod apposed_names;
mod bodies;
mod descriptions;
mod documents;
mod foreign_names;
mod frames;
mod names;
mod places;
mod pronouns;
mod split_names;
mod titles;
mod transcripts;
mod word_like_names;

fn extractor() -> &'static Extractor {
    static E: OnceLock<Extractor> = OnceLock::new();
    E.get_or_init(Extractor::builtin)
}

fn analyze(text: &str) -> Account {
    extractor().analyze(text, &DocumentInfo::default())
}

fn speaker<'a>(account: &'a Account, a: &ResolvedAttribution) -> &'a Speaker {
    &account.speakers[a.speaker.expect("a speaker")]
}

/// The index of the first token of `doc` written `w`.
fn first_token(doc: &Document, w: &str) -> usize {
    (0..doc.tokens.len())
        .find(|&i| doc.token_text(i) == w)
        .unwrap_or_else(|| panic!("no token {w:?}"))
}

/// The index of the last token of `doc` written `w`.
fn last_token(doc: &Document, w: &str) -> usize {
    (0..doc.tokens.len())
        .rfind(|&i| doc.token_text(i) == w)
        .unwrap_or_else(|| panic!("no token {w:?}"))
}

/// The account of `doc` with one given token attribution.
fn account_of(doc: &Document, found: TokenAttribution) -> Account {
    Resolver::builtin().account(
        doc,
        &QuoteIndex::new(doc),
        &[found],
        &DocumentInfo::default(),
    )
}

/// The name of the speaker of `source` in the account of `text`.
fn speaker_name(text: &str, source: &str) -> String {
    let acc = analyze(text);
    speaker_of_source(&acc, source).map_or_else(
        || format!("no speaker for {source:?} in {acc:#?}"),
        |s| s.name.clone(),
    )
}

/// The speaker named `name` in the account.
fn named_speaker<'a>(acc: &'a Account, name: &str) -> &'a Speaker {
    acc.speakers
        .iter()
        .find(|s| s.name == name)
        .unwrap_or_else(|| panic!("no speaker {name:?} in {acc:#?}"))
}

/// The titles of the speaker named `name`, none when there is no such
/// speaker.
fn titles_of(acc: &Account, name: &str) -> Vec<String> {
    acc.speakers
        .iter()
        .find(|s| s.name == name)
        .map(|s| s.titles.clone())
        .unwrap_or_default()
}

/// The speaker of the attribution whose source reads `source`.
fn speaker_of_source<'a>(acc: &'a Account, source: &str) -> Option<&'a Speaker> {
    attribution_of_source(acc, source)
        .speaker
        .map(|k| &acc.speakers[k])
}

/// The first attribution whose source reads `source`.
fn attribution_of_source<'a>(acc: &'a Account, source: &str) -> &'a ResolvedAttribution {
    acc.attributions
        .iter()
        .find(|a| a.attribution.source.iter().any(|s| s.text == source))
        .unwrap_or_else(|| panic!("no source {source:?} in {acc:#?}"))
}

/// The first attribution one of whose cue spans reads `cue`.
fn attribution_of_cue<'a>(acc: &'a Account, cue: &str) -> &'a ResolvedAttribution {
    acc.attributions
        .iter()
        .find(|a| a.attribution.cue.iter().any(|c| c.text == cue))
        .unwrap_or_else(|| panic!("no cue {cue:?} in {acc:#?}"))
}

/// The account of `text` with one attribution whose source runs from the
/// token `from` to the token before `cue` (as the extractor may find it).
fn account_with_source(text: &str, from: &str, cue: &str) -> Account {
    let doc = Document::new(text);
    let (start, verb) = (first_token(&doc, from), first_token(&doc, cue));
    account_of(
        &doc,
        TokenAttribution {
            source: Some(start..verb),
            cue: verb..verb + 1,
            content: std::iter::once(verb + 1..doc.tokens.len() - 1).collect(),
        },
    )
}

/// The speaker's name of the one attribution whose source runs from the
/// token `from` to the token before `cue` (as the extractor may find it).
fn speaker_with_source(text: &str, from: &str, cue: &str) -> String {
    let acc = account_with_source(text, from, cue);
    let speaker = acc.attributions[0].speaker;
    speaker.map_or_else(
        || format!("no speaker in {acc:#?}"),
        |s| acc.speakers[s].name.clone(),
    )
}
