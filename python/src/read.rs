//! `read`: the inputs the CLI reads (text, HTML, JSONL, WARC, gzipped or
//! not, directories), as documents.

use std::path::PathBuf;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use serde::Serialize;
use whosaid_ingest::{InputFormat, Metadata, Reader, ReaderOptions};

use crate::RecordError;

/// What to do with a record that cannot be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum OnError {
    Raise,
    Warn,
    Skip,
}

/// Reads documents from files or directories, as `whosaid extract` does:
/// the format from each name (or `format`: `text`, `html`, `jsonl`,
/// `warc`), pages decoded and their main content and metadata extracted.
///
/// Yields dicts with the document's metadata (`id`, `url`, `title`,
/// `byline`, `published`, `outlet`, `language`), its `text`, the `source`
/// file and `warnings`; pass one to `analyze(**…)`, or the iterator to
/// `analyze_many`. A record that cannot be read raises `RecordError`
/// naming the file and the record (`on_error="raise"`, where the iteration
/// may go on with `next`), warns (`"warn"`) or is passed over (`"skip"`).
#[pyfunction]
#[pyo3(signature = (paths, *, format=None, on_error="raise"))]
pub(crate) fn read(
    paths: &Bound<'_, PyAny>,
    format: Option<&str>,
    on_error: &str,
) -> PyResult<Documents> {
    let paths: Vec<PathBuf> = match paths.extract::<PathBuf>() {
        Ok(one) => vec![one],
        Err(_) => paths
            .extract()
            .map_err(|_| PyValueError::new_err("paths: expected a path or a list of paths"))?,
    };
    let format = match format {
        None => None,
        Some("text") => Some(InputFormat::Text),
        Some("html") => Some(InputFormat::Html),
        Some("jsonl") => Some(InputFormat::Jsonl),
        Some("warc") => Some(InputFormat::Warc),
        Some(other) => {
            return Err(PyValueError::new_err(format!(
                "format: expected text, html, jsonl or warc, got {other:?}"
            )))
        }
    };
    let on_error = match on_error {
        "raise" => OnError::Raise,
        "warn" => OnError::Warn,
        "skip" => OnError::Skip,
        other => {
            return Err(PyValueError::new_err(format!(
                "on_error: expected raise, warn or skip, got {other:?}"
            )))
        }
    };
    let options = ReaderOptions {
        format,
        ..ReaderOptions::default()
    };
    Ok(Documents {
        reader: Reader::from_walk(whosaid_ingest::expand_paths(&paths), options),
        on_error,
    })
}

/// The iterator `read` returns.
#[pyclass(module = "whosaid._whosaid", unsendable)]
pub(crate) struct Documents {
    reader: Reader,
    on_error: OnError,
}

/// A document as `read` yields it.
#[derive(Serialize)]
struct ReadDocument<'a> {
    #[serde(flatten)]
    meta: &'a Metadata,
    text: &'a str,
    source: &'a str,
    warnings: &'a [String],
}

#[pymethods]
impl Documents {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__<'py>(
        mut slf: PyRefMut<'py, Self>,
        py: Python<'py>,
    ) -> PyResult<Option<Bound<'py, PyAny>>> {
        loop {
            let Some(record) = slf.reader.next() else {
                return Ok(None);
            };
            // Decoding a page is the engine's work: a panic there is this
            // record's error, never the interpreter's.
            let decoded = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                record.and_then(|r| r.into_document())
            }));
            let Ok(decoded) = decoded else {
                return Err(RecordError::new_err(
                    "internal error while reading a record (please report this input)",
                ));
            };
            match decoded {
                Ok(doc) => {
                    let out = ReadDocument {
                        meta: &doc.meta,
                        text: &doc.text,
                        source: &doc.source,
                        warnings: &doc.warnings,
                    };
                    return Ok(Some(pythonize::pythonize(py, &out)?));
                }
                Err(e) => match slf.on_error {
                    OnError::Raise => return Err(RecordError::new_err(e.to_string())),
                    OnError::Warn => {
                        let warnings = py.import("warnings")?;
                        warnings.call_method1("warn", (format!("whosaid: {e}"),))?;
                    }
                    OnError::Skip => {}
                },
            }
        }
    }
}
