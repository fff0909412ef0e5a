//! `analyze_many`: documents analyzed on all cores, yielded in input order.

use std::collections::VecDeque;
use std::sync::Arc;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyIterator, PyMapping, PyString};
use rayon::prelude::*;
use whosaid_ingest::Metadata;
use whosaid_tables::Found;

use crate::{analyze_input, date_arg, document_object, Input, Outcome, MAX_TEXT_BYTES};

/// One input as read from Python, or why it cannot be analyzed: (id, reason).
type Taken = Result<Input, (String, String)>;

/// An analyzed input, or its (id, reason).
type Analyzed = Result<(Input, whosaid::Account), (String, String)>;

/// Analyzes many documents on all cores (or `jobs` threads) with the GIL
/// released, yielding one dict per input, in input order.
///
/// Each item is a text (`str`) or a mapping with `text` and optionally
/// `id`, `url`, `title`, `outlet`, `byline` and `published`. A document
/// gives the dict `analyze` gives; an item that cannot be analyzed (no
/// text, a bad date, a text over `max_text_bytes`) gives
/// `{"id": …, "index": …, "error": "…"}` and the batch goes on. Items are
/// read `chunk_size` at a time, so memory stays bounded on any input.
#[pyfunction]
#[pyo3(signature = (items, *, jobs=None, chunk_size=None, max_text_bytes=MAX_TEXT_BYTES))]
pub(crate) fn analyze_many(
    items: &Bound<'_, PyAny>,
    jobs: Option<usize>,
    chunk_size: Option<usize>,
    max_text_bytes: usize,
) -> PyResult<AnalyzeMany> {
    let pool = thread_pool(jobs)?;
    let threads = jobs.unwrap_or_else(rayon::current_num_threads);
    let chunk = chunk_size.unwrap_or(threads * 32).max(1);
    Ok(AnalyzeMany {
        items: PyIterator::from_object(items)?.unbind(),
        pool,
        chunk,
        max_text_bytes,
        ready: VecDeque::new(),
        taken: 0,
        exhausted: false,
    })
}

/// A pool of `jobs` threads; `None` for rayon's global pool (all cores).
pub(crate) fn thread_pool(jobs: Option<usize>) -> PyResult<Option<Arc<rayon::ThreadPool>>> {
    match jobs {
        Some(0) => Err(PyValueError::new_err("jobs: must be at least 1")),
        Some(n) => Ok(Some(Arc::new(
            rayon::ThreadPoolBuilder::new()
                .num_threads(n)
                .build()
                .map_err(|e| PyValueError::new_err(format!("jobs: {e}")))?,
        ))),
        None => Ok(None),
    }
}

/// Runs `f` in `pool`, or in rayon's global pool.
pub(crate) fn in_pool<T: Send>(
    pool: Option<&rayon::ThreadPool>,
    f: impl FnOnce() -> T + Send,
) -> T {
    match pool {
        Some(pool) => pool.install(f),
        None => f(),
    }
}

/// The iterator `analyze_many` returns.
#[pyclass(module = "whosaid._whosaid")]
pub(crate) struct AnalyzeMany {
    items: Py<PyIterator>,
    pool: Option<Arc<rayon::ThreadPool>>,
    chunk: usize,
    max_text_bytes: usize,
    /// Analyzed and not yet yielded: (index, outcome).
    ready: VecDeque<(usize, Analyzed)>,
    /// Items read so far.
    taken: usize,
    exhausted: bool,
}

#[pymethods]
impl AnalyzeMany {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__<'py>(
        mut slf: PyRefMut<'py, Self>,
        py: Python<'py>,
    ) -> PyResult<Option<Bound<'py, PyAny>>> {
        if slf.ready.is_empty() && !slf.exhausted {
            slf.fill(py)?;
        }
        let Some((index, outcome)) = slf.ready.pop_front() else {
            return Ok(None);
        };
        match outcome {
            Ok((input, account)) => Ok(Some(document_object(
                py,
                &input.meta,
                &input.text,
                Found::Account(&account),
            )?)),
            Err((id, reason)) => {
                let row = PyDict::new(py);
                row.set_item("id", id)?;
                row.set_item("index", index)?;
                row.set_item("error", reason)?;
                Ok(Some(row.into_any()))
            }
        }
    }
}

impl AnalyzeMany {
    /// Reads the next chunk of items and analyzes it in parallel.
    fn fill(&mut self, py: Python<'_>) -> PyResult<()> {
        let mut taken: Vec<(usize, Taken)> = Vec::with_capacity(self.chunk);
        let mut items = self.items.bind(py).clone();
        while taken.len() < self.chunk {
            let Some(item) = items.next() else {
                self.exhausted = true;
                break;
            };
            let index = self.taken;
            self.taken += 1;
            taken.push((index, take(&item?, index)));
        }
        let limit = self.max_text_bytes;
        let work = |(index, taken): (usize, Taken)| {
            let outcome = match taken {
                Ok(input) => {
                    let id = input.meta.id.clone();
                    let result: Outcome = analyze_input(input, limit);
                    result.map_err(|reason| (id, reason))
                }
                Err(e) => Err(e),
            };
            (index, outcome)
        };
        let pool = self.pool.clone();
        let done: Vec<_> = py.allow_threads(|| {
            in_pool(pool.as_deref(), || {
                taken.into_par_iter().map(work).collect()
            })
        });
        self.ready.extend(done);
        Ok(())
    }
}

/// One item as an input: a text, or a mapping with `text`.
fn take(item: &Bound<'_, PyAny>, index: usize) -> Taken {
    let fallback_id = index.to_string();
    if let Ok(text) = item.downcast::<PyString>() {
        return match text.to_cow() {
            Ok(text) => Ok(Input {
                meta: Metadata {
                    id: fallback_id,
                    ..Metadata::default()
                },
                text: whosaid_ingest::normalize_text(text.into_owned()),
            }),
            Err(e) => Err((fallback_id, format!("text: {e}"))),
        };
    }
    let Ok(map) = item.downcast::<PyMapping>() else {
        let kind = item
            .get_type()
            .name()
            .map(|n| n.to_string())
            .unwrap_or_default();
        return Err((
            fallback_id,
            format!("expected a str or a mapping with 'text', got {kind}"),
        ));
    };
    let field = |key: &str| -> Result<Option<String>, String> {
        match map.get_item(key) {
            Ok(v) if v.is_none() => Ok(None),
            Ok(v) => v
                .extract::<String>()
                .map(Some)
                .map_err(|_| format!("{key}: expected a str")),
            Err(_) => Ok(None),
        }
    };
    let id = field("id").ok().flatten().unwrap_or(fallback_id);
    let read = || -> Result<Input, String> {
        let text = field("text")?.ok_or("no 'text' in the mapping")?;
        let published = match map.get_item("published") {
            Ok(v) => date_arg(Some(&v)).map_err(|e| e.value(v.py()).to_string())?,
            Err(_) => None,
        };
        Ok(Input {
            meta: Metadata {
                id: id.clone(),
                url: field("url")?,
                title: field("title")?,
                byline: field("byline")?,
                outlet: field("outlet")?,
                published,
                ..Metadata::default()
            },
            text: whosaid_ingest::normalize_text(text),
        })
    };
    read().map_err(|reason| (id.clone(), reason))
}
