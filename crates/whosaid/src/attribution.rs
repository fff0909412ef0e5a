//! The output of extraction: attributions with code point spans.

use serde::{Deserialize, Serialize};

/// A piece of the document: `[start, end)` in Unicode code points, with its
/// text. Offsets count code points, as PolNeAR and the scorer do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Span {
    /// Code point offset of the first char.
    pub start: usize,
    /// Code point offset one past the last char.
    pub end: usize,
    /// The covered text.
    pub text: String,
}

/// How the content is reported.
///
/// Stores keep variants by position: add new ones at the end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Entirely within quotation marks.
    Direct,
    /// No quotation marks.
    Indirect,
    /// Paraphrase with quoted parts.
    Mixed,
}

impl Kind {
    /// The lowercase name used in output.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Direct => "direct",
            Kind::Indirect => "indirect",
            Kind::Mixed => "mixed",
        }
    }
}

/// One attribution: who (source) said (cue) what (content). Each role is a
/// list of spans: content may be discontinuous (split quotes), and source is
/// empty when the text names none ("it was reported that …").
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Attribution {
    /// The speaker as written.
    pub source: Vec<Span>,
    /// The reporting verb or phrase.
    pub cue: Vec<Span>,
    /// What was said.
    pub content: Vec<Span>,
    /// Direct, indirect or mixed.
    pub kind: Kind,
}
