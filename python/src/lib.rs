//! The `whosaid._whosaid` extension module: whosaid's engine for Python.
//!
//! Small surface, as the best Rust-backed packages keep it: functions over
//! text ([`analyze`], [`extract`], [`many::analyze_many`]), a reader of the
//! CLI's inputs ([`read::read`]), a store ([`store::Store`]) and Arrow
//! record batches in and out ([`arrow::analyze_arrow`]). Results are plain
//! dicts and lists in the CLI's JSON schema. Work runs with the GIL
//! released; a panic is caught and raised as `WhosaidError`, never carried
//! into the interpreter.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::OnceLock;

use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyString;
use whosaid::{DocumentInfo, Extractor};
use whosaid_ingest::Metadata;
use whosaid_tables::{DocumentOutput, Found};

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod arrow;
mod many;
mod read;
mod store;

create_exception!(
    _whosaid,
    WhosaidError,
    PyException,
    "Base class of whosaid's errors."
);
create_exception!(
    _whosaid,
    RecordError,
    WhosaidError,
    "A record that could not be read or analyzed; the message names it."
);
create_exception!(
    _whosaid,
    StoreError,
    WhosaidError,
    "A store that could not be opened or queried."
);

/// The default pipeline (rules and the shipped models), built once.
pub(crate) fn extractor() -> &'static Extractor {
    static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();
    EXTRACTOR.get_or_init(Extractor::builtin)
}

/// A document to analyze: its text and what is known about it.
#[derive(Debug, Clone, Default)]
pub(crate) struct Input {
    pub meta: Metadata,
    pub text: String,
}

/// What analyzing one input gives: the account, or why not.
pub(crate) type Outcome = Result<(Input, whosaid::Account), String>;

/// Longest text analyzed, in bytes, as the CLI's `--max-text-bytes`.
pub(crate) const MAX_TEXT_BYTES: usize = whosaid_ingest::DEFAULT_MAX_TEXT_BYTES;

/// Analyzes one input, a panic caught and turned into an error.
pub(crate) fn analyze_input(input: Input, max_text_bytes: usize) -> Outcome {
    if input.text.len() > max_text_bytes {
        return Err(format!(
            "text of {} bytes is over the limit of {max_text_bytes} (max_text_bytes)",
            input.text.len()
        ));
    }
    let info = DocumentInfo {
        published: input.meta.published,
        byline: input.meta.byline.clone(),
    };
    catch_unwind(AssertUnwindSafe(|| extractor().analyze(&input.text, &info)))
        .map(|account| (input, account))
        .map_err(|_| "internal error while analyzing (please report this input)".to_string())
}

/// A publication date from `None`, a `YYYY-MM-DD…` string, or a
/// `datetime.date`/`datetime.datetime` (anything with `isoformat()`).
pub(crate) fn date_arg(value: Option<&Bound<'_, PyAny>>) -> PyResult<Option<chrono::NaiveDate>> {
    let Some(value) = value.filter(|v| !v.is_none()) else {
        return Ok(None);
    };
    let text: String = if value.is_instance_of::<PyString>() {
        value.extract()?
    } else if value.hasattr("isoformat")? {
        value.call_method0("isoformat")?.extract()?
    } else {
        return Err(PyTypeError::new_err(format!(
            "published: expected a date or a 'YYYY-MM-DD' string, got {}",
            value.get_type().name()?
        )));
    };
    whosaid_ingest::parse_date(&text)
        .map(Some)
        .ok_or_else(|| PyValueError::new_err(format!("published: not a date: {text:?}")))
}

/// The document as the CLI's JSON gives it, as Python objects.
pub(crate) fn document_object<'py>(
    py: Python<'py>,
    meta: &Metadata,
    text: &str,
    found: Found<'_>,
) -> PyResult<Bound<'py, PyAny>> {
    let out = DocumentOutput { meta, text, found };
    Ok(pythonize::pythonize(py, &out)?)
}

/// Analyzes one article: attributions resolved to speakers, channels and
/// times, and the outlet's own assertions.
///
/// Returns the CLI's JSON document as a dict (`id`, `url`, `title`, …,
/// `text`, `attributions`, `speakers`, `unattributed`); offsets are code
/// points (Python string indices) into `text`, which is the input with
/// line ends normalized to `\n`.
#[pyfunction]
#[pyo3(signature = (text, *, published=None, url=None, title=None, id=None, outlet=None, max_text_bytes=MAX_TEXT_BYTES))]
#[allow(clippy::too_many_arguments)]
fn analyze<'py>(
    py: Python<'py>,
    text: String,
    published: Option<&Bound<'py, PyAny>>,
    url: Option<String>,
    title: Option<String>,
    id: Option<String>,
    outlet: Option<String>,
    max_text_bytes: usize,
) -> PyResult<Bound<'py, PyAny>> {
    let input = Input {
        meta: Metadata {
            id: id.unwrap_or_default(),
            url,
            title,
            outlet,
            published: date_arg(published)?,
            ..Metadata::default()
        },
        text: whosaid_ingest::normalize_text(text),
    };
    let (input, account) = py
        .allow_threads(|| analyze_input(input, max_text_bytes))
        .map_err(RecordError::new_err)?;
    document_object(py, &input.meta, &input.text, Found::Account(&account))
}

/// Attributions alone (source, cue, content, kind, offsets), without
/// speakers, channels or times: faster than `analyze`.
#[pyfunction]
#[pyo3(signature = (text, *, max_text_bytes=MAX_TEXT_BYTES))]
fn extract<'py>(
    py: Python<'py>,
    text: String,
    max_text_bytes: usize,
) -> PyResult<Bound<'py, PyAny>> {
    if text.len() > max_text_bytes {
        return Err(RecordError::new_err(format!(
            "text of {} bytes is over the limit of {max_text_bytes} (max_text_bytes)",
            text.len()
        )));
    }
    let text = whosaid_ingest::normalize_text(text);
    let attributions = py
        .allow_threads(|| catch_unwind(AssertUnwindSafe(|| extractor().extract(&text))))
        .map_err(|_| WhosaidError::new_err("internal error while extracting (please report)"))?;
    Ok(pythonize::pythonize(py, &attributions)?)
}

#[pymodule]
fn _whosaid(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("WhosaidError", py.get_type::<WhosaidError>())?;
    m.add("RecordError", py.get_type::<RecordError>())?;
    m.add("StoreError", py.get_type::<StoreError>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_function(wrap_pyfunction!(analyze, m)?)?;
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(many::analyze_many, m)?)?;
    m.add_function(wrap_pyfunction!(read::read, m)?)?;
    m.add_function(wrap_pyfunction!(arrow::analyze_arrow, m)?)?;
    m.add_function(wrap_pyfunction!(arrow::statements_schema, m)?)?;
    m.add_class::<many::AnalyzeMany>()?;
    m.add_class::<read::Documents>()?;
    m.add_class::<store::Store>()?;
    Ok(())
}
