//! One document as JSON: the schema of `whosaid extract --format json`.

use serde::Serialize;
use whosaid::{Account, Attribution};
use whosaid_ingest::Metadata;

/// One extracted document, as the json and jsonl formats write it.
#[derive(Debug, Serialize)]
pub struct DocumentOutput<'a> {
    /// Document metadata: id, url, title, byline, outlet, language.
    #[serde(flatten)]
    pub meta: &'a Metadata,
    /// The text the offsets refer to (line ends normalized to `\n`).
    pub text: &'a str,
    /// What was found in it.
    #[serde(flatten)]
    pub found: Found<'a>,
}

/// Attributions alone (`--no-resolve`) or the resolved account.
#[derive(Debug, Clone, Copy, Serialize)]
#[serde(untagged)]
pub enum Found<'a> {
    /// Attributions without speakers, channels or times.
    Attributions {
        /// In text order.
        attributions: &'a [Attribution],
    },
    /// Attributions resolved: speakers, channels, times, assertions.
    Account(&'a Account),
}
