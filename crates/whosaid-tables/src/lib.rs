//! whosaid's results as records other tools read.
//!
//! - [`DocumentOutput`]: one document as the CLI's `json`/`jsonl` formats,
//!   the HTTP API and the Python package's `analyze` give it — metadata,
//!   text, attributions, speakers, unattributed assertions.
//! - [`StatementRow`]: one statement, flat (document, speaker, cue,
//!   content, channel, time, offsets), the table that DuckDB, Polars,
//!   pandas and Spark read; [`statements_batch`] builds it as an Arrow
//!   record batch column by column, without a JSON round trip, and the
//!   `parquet` feature writes it as Parquet ([`parquet::StatementsWriter`]).
//!
//! The statement columns follow `whosaid export`'s statements table, less
//! the store's ids, plus an `error` column: a record that could not be read
//! or analyzed is one row with its document id and the reason, so that a
//! batch job (Spark's `mapInArrow`) reports it instead of failing.

mod arrow;
mod document;
#[cfg(feature = "parquet")]
pub mod parquet;
mod statements;

pub use arrow::{statements_batch, statements_schema};
pub use document::{DocumentOutput, Found};
pub use statements::{error_row, statement_rows, StatementRow};

/// What writing a table can fail with.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum TablesError {
    /// Building the Arrow arrays.
    #[error("arrow: {0}")]
    Arrow(#[from] arrow_schema::ArrowError),
    /// Writing Parquet.
    #[cfg(feature = "parquet")]
    #[error("parquet: {0}")]
    Parquet(#[from] ::parquet::errors::ParquetError),
    /// Creating or writing the file.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: std::path::PathBuf,
        /// What went wrong.
        source: std::io::Error,
    },
}
