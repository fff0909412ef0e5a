//! `analyze_arrow`: a record batch of documents in, a record batch of flat
//! statements out, built in Rust (no JSON on the way): what Spark's
//! `mapInArrow`, DuckDB, Polars and pandas exchange.

use arrow_array::cast::AsArray;
use arrow_array::{Array, ArrayRef, RecordBatch, StringArray};
use arrow_pyarrow::PyArrowType;
use arrow_schema::{DataType, Schema};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use rayon::prelude::*;
use whosaid_ingest::Metadata;
use whosaid_tables::{error_row, statement_rows, Found, StatementRow};

use crate::many::{in_pool, thread_pool};
use crate::{analyze_input, Input, WhosaidError, MAX_TEXT_BYTES};

/// The schema of `analyze_arrow`'s result (and of `whosaid extract
/// --format parquet`), as a `pyarrow.Schema`.
#[pyfunction]
pub(crate) fn statements_schema() -> PyArrowType<Schema> {
    PyArrowType(whosaid_tables::statements_schema().as_ref().clone())
}

/// Analyzes the documents of a `pyarrow.RecordBatch` (one per row, text in
/// `text_column`) and returns their statements as a `pyarrow.RecordBatch`
/// of `statements_schema()`: one row per statement, in row order.
///
/// Optional columns give each document's `id` (else its row number in the
/// batch), `url`, `title`, `outlet` and `published` (a date, or a
/// `YYYY-MM-DD` string); a column named `None` or absent is not read. Any
/// string type (string, large_string, string_view, dictionary) is read. A
/// row whose text is null, too long, or whose date does not parse gives one
/// row with its id and the reason in `error`, and the batch goes on.
#[pyfunction]
#[pyo3(signature = (batch, *, text_column="text", id_column=Some("id"), url_column=Some("url"), title_column=Some("title"), outlet_column=Some("outlet"), published_column=Some("published"), jobs=None, max_text_bytes=MAX_TEXT_BYTES))]
#[allow(clippy::too_many_arguments)]
pub(crate) fn analyze_arrow(
    py: Python<'_>,
    batch: PyArrowType<RecordBatch>,
    text_column: &str,
    id_column: Option<&str>,
    url_column: Option<&str>,
    title_column: Option<&str>,
    outlet_column: Option<&str>,
    published_column: Option<&str>,
    jobs: Option<usize>,
    max_text_bytes: usize,
) -> PyResult<PyArrowType<RecordBatch>> {
    let batch = batch.0;
    let column = |name: Option<&str>| -> PyResult<Option<StringArray>> {
        let Some(name) = name else {
            return Ok(None);
        };
        let Some(col) = batch.column_by_name(name) else {
            return Ok(None);
        };
        Ok(Some(as_strings(col, name)?))
    };
    let Some(text) = column(Some(text_column))? else {
        let names: Vec<&str> = batch
            .schema_ref()
            .fields()
            .iter()
            .map(|f| f.name().as_str())
            .collect();
        return Err(PyValueError::new_err(format!(
            "no text column {text_column:?} in the batch (columns: {})",
            names.join(", ")
        )));
    };
    let ids = column(id_column)?;
    let urls = column(url_column)?;
    let titles = column(title_column)?;
    let outlets = column(outlet_column)?;
    let dates = column(published_column)?;
    let pool = thread_pool(jobs)?;
    let rows: Vec<StatementRow> = py.allow_threads(|| {
        let value = |col: &Option<StringArray>, i: usize| -> Option<String> {
            col.as_ref()
                .filter(|c| c.is_valid(i))
                .map(|c| c.value(i).to_string())
        };
        let document = |i: usize| -> Vec<StatementRow> {
            let id = value(&ids, i).unwrap_or_else(|| i.to_string());
            if !text.is_valid(i) {
                return vec![error_row(&id, "no text")];
            }
            let published = match value(&dates, i) {
                None => None,
                Some(d) => match whosaid_ingest::parse_date(&d) {
                    Some(date) => Some(date),
                    None => return vec![error_row(&id, &format!("published: not a date: {d:?}"))],
                },
            };
            let input = Input {
                meta: Metadata {
                    id: id.clone(),
                    url: value(&urls, i),
                    title: value(&titles, i),
                    outlet: value(&outlets, i),
                    published,
                    ..Metadata::default()
                },
                text: whosaid_ingest::normalize_text(text.value(i)),
            };
            match analyze_input(input, max_text_bytes) {
                Ok((input, account)) => statement_rows(&input.meta, Found::Account(&account)),
                Err(reason) => vec![error_row(&id, &reason)],
            }
        };
        in_pool(pool.as_deref(), || {
            let per_document: Vec<Vec<StatementRow>> = (0..batch.num_rows())
                .into_par_iter()
                .map(document)
                .collect();
            per_document.into_iter().flatten().collect()
        })
    });
    let out = whosaid_tables::statements_batch(&rows)
        .map_err(|e| WhosaidError::new_err(e.to_string()))?;
    Ok(PyArrowType(out))
}

/// A column as UTF-8 strings, whatever its string (or date) type.
fn as_strings(col: &ArrayRef, name: &str) -> PyResult<StringArray> {
    if let Some(s) = col.as_string_opt::<i32>() {
        return Ok(s.clone());
    }
    let cast = arrow_cast::cast(col, &DataType::Utf8).map_err(|e| {
        PyValueError::new_err(format!(
            "column {name:?} of type {} cannot be read as text: {e}",
            col.data_type()
        ))
    })?;
    Ok(cast.as_string::<i32>().clone())
}
