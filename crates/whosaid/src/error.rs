//! Typed errors of the library.

use std::path::PathBuf;

/// Everything that can go wrong in the library. Extraction itself never
/// fails: errors come from reading inputs and data files.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file could not be read or written. (The reason is the error's
    /// `source()`, so that error chains print it once.)
    #[error("{path}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// A file is not valid UTF-8.
    #[error("{path}: not valid UTF-8 (byte offset {offset})")]
    InvalidUtf8 {
        /// The file.
        path: PathBuf,
        /// Byte offset of the first invalid sequence.
        offset: usize,
    },
    /// A line of a cue lexicon table is malformed.
    #[error("cue lexicon, line {line}: {reason}")]
    Lexicon {
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        reason: String,
    },
    /// A model file could not be loaded (the reason is the `source()`).
    #[error("model {path}")]
    Model {
        /// The model file.
        path: PathBuf,
        /// What is wrong with it.
        #[source]
        source: crate::model::ModelError,
    },
    /// Work on a document passed its deadline
    /// ([`Extractor::analyze_before`](crate::Extractor::analyze_before)).
    #[error("stopped at its deadline after {stage}")]
    DeadlineExceeded {
        /// The last stage that ran.
        stage: &'static str,
    },
    /// A row of a tab-separated data file is malformed.
    #[error("{path}, line {line}: {reason}")]
    Table {
        /// The file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        reason: String,
    },
    /// A directory expected by the evaluation is missing.
    #[error("{path}: not a directory")]
    NotADirectory {
        /// The path given.
        path: PathBuf,
    },
}

impl Error {
    /// Wraps an I/O error with the path it concerns.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}

/// Reads a UTF-8 text file, normalizing line ends as Python's universal
/// newlines do (see [`crate::text::normalize_newlines`]).
pub fn read_text(path: &std::path::Path) -> Result<String, Error> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    decode_text(bytes, path)
}

/// Decodes UTF-8 bytes read from `origin`, normalizing line ends.
pub fn decode_text(bytes: Vec<u8>, origin: &std::path::Path) -> Result<String, Error> {
    let text = String::from_utf8(bytes).map_err(|e| Error::InvalidUtf8 {
        path: origin.to_path_buf(),
        offset: e.utf8_error().valid_up_to(),
    })?;
    Ok(match crate::text::normalize_newlines(&text) {
        std::borrow::Cow::Borrowed(_) => text,
        std::borrow::Cow::Owned(t) => t,
    })
}
