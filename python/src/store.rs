//! `Store`: a store `whosaid ingest` built, searched from Python.

use std::path::PathBuf;
use std::sync::Mutex;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use whosaid_store::{Query, Sort, StoreError as Error};

use crate::StoreError;

fn store_error(e: Error) -> PyErr {
    StoreError::new_err(e.to_string())
}

/// A whosaid store (SQLite, written by `whosaid ingest`), opened read-only:
/// statements searched by words, speaker, outlet and date; speakers
/// ranked; documents with their accounts.
#[pyclass(module = "whosaid._whosaid", frozen)]
pub(crate) struct Store {
    inner: Mutex<whosaid_store::Store>,
    path: PathBuf,
}

impl Store {
    fn with<T>(
        &self,
        py: Python<'_>,
        f: impl FnOnce(&whosaid_store::Store) -> Result<T, Error> + Send,
    ) -> PyResult<T>
    where
        T: Send,
    {
        py.allow_threads(|| {
            let store = self.inner.lock().map_err(|_| {
                StoreError::new_err("store: a previous call failed inside the store")
            })?;
            f(&store).map_err(store_error)
        })
    }
}

#[pymethods]
impl Store {
    #[new]
    fn new(path: PathBuf) -> PyResult<Self> {
        if !path.exists() {
            return Err(StoreError::new_err(format!(
                "{}: no such store (build one with `whosaid ingest`)",
                path.display()
            )));
        }
        let store = whosaid_store::Store::open_read_only(&path)
            .map_err(|e| StoreError::new_err(format!("{}: {e}", path.display())))?;
        Ok(Self {
            inner: Mutex::new(store),
            path,
        })
    }

    fn __repr__(&self) -> String {
        format!("Store({:?})", self.path.display().to_string())
    }

    /// Statements matching `text` (words, "phrases", OR/AND/NOT, prefix*,
    /// source:/cue:/content:) and the filters, best first (or `sort`
    /// "newest"/"oldest"). Dates are `YYYY-MM-DD`; `said_since` and
    /// `said_until` filter on when the text says the statement was made.
    #[pyo3(signature = (text="", *, speaker=None, outlet=None, since=None, until=None, kind=None, anonymous=None, channel=None, said_since=None, said_until=None, document=None, sort="relevance", limit=20, offset=0))]
    #[allow(clippy::too_many_arguments)]
    fn search<'py>(
        &self,
        py: Python<'py>,
        text: &str,
        speaker: Option<String>,
        outlet: Option<String>,
        since: Option<String>,
        until: Option<String>,
        kind: Option<String>,
        anonymous: Option<bool>,
        channel: Option<String>,
        said_since: Option<String>,
        said_until: Option<String>,
        document: Option<String>,
        sort: &str,
        limit: usize,
        offset: usize,
    ) -> PyResult<Bound<'py, PyAny>> {
        let sort: Sort = sort.parse().map_err(PyValueError::new_err)?;
        let query = Query {
            text: text.to_string(),
            speaker,
            outlet,
            since,
            until,
            kind,
            anonymous,
            channel,
            said_since,
            said_until,
            document,
            week: None,
            sort,
            limit,
            offset,
        };
        let hits = self.with(py, |s| s.search(&query))?;
        Ok(pythonize::pythonize(py, &hits)?)
    }

    /// Speakers, the most quoted first.
    #[pyo3(signature = (*, limit=50, offset=0, affiliation=None))]
    fn speakers<'py>(
        &self,
        py: Python<'py>,
        limit: usize,
        offset: usize,
        affiliation: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let list = self.with(py, |s| match &affiliation {
            Some(body) => s.affiliated(body, limit),
            None => s.speakers_page(limit, offset),
        })?;
        Ok(pythonize::pythonize(py, &list)?)
    }

    /// One speaker by id or exact name (an alias, a spelling of either):
    /// names, titles, affiliations, counts, merged names. An unknown or
    /// ambiguous name raises `StoreError` with the candidates.
    fn speaker<'py>(&self, py: Python<'py>, name_or_id: &str) -> PyResult<Bound<'py, PyAny>> {
        let name = name_or_id.to_string();
        let summary = self.with(py, move |s| s.speaker(&name))?;
        Ok(pythonize::pythonize(py, &summary)?)
    }

    /// A speaker's statements, newest first.
    #[pyo3(signature = (name_or_id, *, limit=50, offset=0))]
    fn timeline<'py>(
        &self,
        py: Python<'py>,
        name_or_id: &str,
        limit: usize,
        offset: usize,
    ) -> PyResult<Bound<'py, PyAny>> {
        let name = name_or_id.to_string();
        let hits = self.with(py, move |s| {
            let id = s.speaker_id(&name)?;
            s.timeline_page(id, limit, offset)
        })?;
        Ok(pythonize::pythonize(py, &hits)?)
    }

    /// A document by id, with its text and account (the `analyze` schema),
    /// or `None`.
    fn document<'py>(&self, py: Python<'py>, id: &str) -> PyResult<Option<Bound<'py, PyAny>>> {
        let id = id.to_string();
        let json = self.with(py, move |s| s.document_json(&id))?;
        json.map(|j| Ok(pythonize::pythonize(py, &j)?)).transpose()
    }

    /// Quotes carried by several documents, the most outlets first
    /// (canonical wording, counts, first seen, speakers, whether outlets
    /// give it to different speakers).
    #[pyo3(signature = (text="", *, speaker=None, outlet=None, since=None, until=None, min_documents=2, conflicts=false, variants=false, limit=20, offset=0))]
    #[allow(clippy::too_many_arguments)]
    fn quotes<'py>(
        &self,
        py: Python<'py>,
        text: &str,
        speaker: Option<String>,
        outlet: Option<String>,
        since: Option<String>,
        until: Option<String>,
        min_documents: usize,
        conflicts: bool,
        variants: bool,
        limit: usize,
        offset: usize,
    ) -> PyResult<Bound<'py, PyAny>> {
        let query = whosaid_store::QuoteQuery {
            text: text.to_string(),
            speaker,
            outlet,
            since,
            until,
            min_documents,
            conflicts,
            variants,
            limit,
            offset,
        };
        let list = self.with(py, move |s| s.quotes(&query))?;
        Ok(pythonize::pythonize(py, &list)?)
    }

    /// One quote across outlets (appearances earliest first, wordings with
    /// word diffs, speakers), or `None`.
    fn quote<'py>(&self, py: Python<'py>, id: i64) -> PyResult<Option<Bound<'py, PyAny>>> {
        let detail = self.with(py, move |s| s.quote(id))?;
        detail
            .map(|d| Ok(pythonize::pythonize(py, &d)?))
            .transpose()
    }

    /// Documents, statements, speakers and outlets in the store.
    fn totals<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let totals = self.with(py, |s| s.totals())?;
        Ok(pythonize::pythonize(py, &totals)?)
    }
}
