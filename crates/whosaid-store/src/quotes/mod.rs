//! Quotes followed across outlets: the same words in several documents,
//! who carried them first, how their wording changed, and to whom each
//! outlet gave them.
//!
//! Direct contents (and the quoted parts of mixed ones) are normalized and
//! grouped as statements are stored (`normalize`, `cluster`); a cluster is
//! read back with its appearances, canonical wording, variants (word diffs,
//! `diff`) and speakers (`read`).

mod cluster;
mod diff;
mod normalize;
mod read;

#[cfg(test)]
pub(crate) use cluster::index_in_chunks;
pub(crate) use cluster::{index_new, rebuild};
pub use diff::{word_diff, DiffOp};
pub use read::{
    Appearance, QuoteDetail, QuoteQuery, QuoteSpeaker, QuoteSummary, QuoteTotals, StatementQuote,
    Variant,
};
