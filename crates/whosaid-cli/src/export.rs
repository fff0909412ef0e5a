//! `whosaid export`: the store's statements, speakers and documents as
//! CSV, JSONL or Parquet tables; the same writers serve `search --format
//! csv|jsonl`.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use clap::ValueEnum;
use serde::Serialize;
use serde_json::Value;
use whosaid_store::Column;

/// A table file format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum TableFormat {
    /// Comma-separated values with a header row (RFC 4180 quoting).
    Csv,
    /// One JSON object per line.
    Jsonl,
    /// Apache Parquet (snappy-compressed), typed columns.
    Parquet,
}

impl TableFormat {
    fn extension(self) -> &'static str {
        match self {
            TableFormat::Csv => "csv",
            TableFormat::Jsonl => "jsonl",
            TableFormat::Parquet => "parquet",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum TableName {
    /// One row per statement (attribution), with its document and speaker.
    Statements,
    /// One row per speaker with statements.
    Speakers,
    /// One row per document.
    Documents,
}

#[derive(clap::Args)]
pub(crate) struct ExportArgs {
    /// The store.
    #[arg(long, default_value = "whosaid.db")]
    db: PathBuf,
    /// Directory the tables are written to (`statements.csv`, …), created
    /// when missing.
    #[arg(long)]
    out: PathBuf,
    /// File formats; repeat or comma-separate for several.
    #[arg(long, value_enum, value_delimiter = ',', default_value = "csv")]
    format: Vec<TableFormat>,
    /// Tables to write [default: all three].
    #[arg(long, value_enum, value_delimiter = ',')]
    table: Vec<TableName>,
}

/// Writes rows of one table, whatever the format.
pub(crate) struct TableWriter {
    columns: &'static [Column],
    sink: Sink,
}

enum Sink {
    Csv(Box<csv::Writer<Box<dyn Write>>>),
    Jsonl(Box<dyn Write>),
    #[cfg(feature = "parquet")]
    Parquet(Box<parquet_sink::ParquetSink>),
}

impl TableWriter {
    /// A writer of CSV or JSONL rows to `out`.
    pub(crate) fn text(
        out: Box<dyn Write>,
        format: TableFormat,
        columns: &'static [Column],
    ) -> Result<Self> {
        let sink = match format {
            TableFormat::Csv => {
                let mut w = csv::Writer::from_writer(out);
                w.write_record(columns.iter().map(|c| c.0))?;
                Sink::Csv(Box::new(w))
            }
            TableFormat::Jsonl => Sink::Jsonl(out),
            TableFormat::Parquet => bail!("Parquet is written to a file (whosaid export)"),
        };
        Ok(TableWriter { columns, sink })
    }

    /// A writer of the table into `path`.
    pub(crate) fn create(
        path: &Path,
        format: TableFormat,
        columns: &'static [Column],
    ) -> Result<Self> {
        let file = File::create(path).with_context(|| format!("creating {}", path.display()))?;
        match format {
            #[cfg(feature = "parquet")]
            TableFormat::Parquet => Ok(TableWriter {
                columns,
                sink: Sink::Parquet(Box::new(parquet_sink::ParquetSink::new(file, columns)?)),
            }),
            #[cfg(not(feature = "parquet"))]
            TableFormat::Parquet => {
                drop(file);
                let _ = std::fs::remove_file(path);
                bail!("this whosaid was built without Parquet support (cargo feature `parquet`)")
            }
            _ => Self::text(Box::new(BufWriter::new(file)), format, columns),
        }
    }

    /// Writes one row (a struct whose fields are the columns).
    pub(crate) fn write<T: Serialize>(&mut self, row: &T) -> Result<()> {
        match &mut self.sink {
            Sink::Jsonl(out) => {
                serde_json::to_writer(&mut *out, row)?;
                out.write_all(b"\n")?;
            }
            Sink::Csv(w) => {
                let value = serde_json::to_value(row)?;
                w.write_record(self.columns.iter().map(|c| cell(&value[c.0])))?;
            }
            #[cfg(feature = "parquet")]
            Sink::Parquet(p) => p.push(serde_json::to_value(row)?)?,
        }
        Ok(())
    }

    /// Flushes and closes the table.
    pub(crate) fn finish(self) -> Result<()> {
        match self.sink {
            Sink::Jsonl(mut out) => out.flush()?,
            Sink::Csv(mut w) => w.flush()?,
            #[cfg(feature = "parquet")]
            Sink::Parquet(p) => p.finish()?,
        }
        Ok(())
    }
}

/// A JSON value as a CSV cell: text as is, numbers and booleans written
/// out, null empty.
fn cell(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// `whosaid export`.
pub(crate) fn export(args: ExportArgs) -> Result<ExitCode> {
    let store = crate::store_cmd::open_for_reading(&args.db)?;
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("creating {}", args.out.display()))?;
    let tables = if args.table.is_empty() {
        vec![
            TableName::Statements,
            TableName::Speakers,
            TableName::Documents,
        ]
    } else {
        args.table.clone()
    };
    let mut formats = args.format.clone();
    formats.dedup();
    for &format in &formats {
        for &table in &tables {
            let (name, columns) = match table {
                TableName::Statements => ("statements", whosaid_store::STATEMENT_COLUMNS),
                TableName::Speakers => ("speakers", whosaid_store::SPEAKER_COLUMNS),
                TableName::Documents => ("documents", whosaid_store::DOCUMENT_COLUMNS),
            };
            let path = args.out.join(format!("{name}.{}", format.extension()));
            let mut writer = TableWriter::create(&path, format, columns)?;
            let mut rows = 0u64;
            let mut write = |row: &dyn ErasedRow| -> Result<()> {
                rows += 1;
                row.write_to(&mut writer)
            };
            match table {
                TableName::Statements => store.export_statements(|r| write(&r))?,
                TableName::Speakers => store.export_speakers(|r| write(&r))?,
                TableName::Documents => store.export_documents(|r| write(&r))?,
            }
            writer
                .finish()
                .with_context(|| format!("writing {}", path.display()))?;
            eprintln!("whosaid: {rows} rows -> {}", path.display());
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// A row of any table, for one `write` closure over the three.
trait ErasedRow {
    fn write_to(&self, writer: &mut TableWriter) -> Result<()>;
}

impl<T: Serialize> ErasedRow for T {
    fn write_to(&self, writer: &mut TableWriter) -> Result<()> {
        writer.write(self)
    }
}

#[cfg(feature = "parquet")]
mod parquet_sink {
    //! Rows buffered as JSON and written as Arrow record batches.

    use std::fs::File;
    use std::sync::Arc;

    use anyhow::Result;
    use arrow_array::{ArrayRef, BooleanArray, Int64Array, RecordBatch, StringArray};
    use arrow_schema::{DataType, Field, Schema};
    use parquet::arrow::ArrowWriter;
    use parquet::basic::Compression;
    use parquet::file::properties::WriterProperties;
    use serde_json::Value;

    use super::Column;
    use whosaid_store::ColumnType;

    /// Rows per record batch (and row group flush unit).
    const BATCH: usize = 8_192;

    pub(crate) struct ParquetSink {
        columns: &'static [Column],
        schema: Arc<Schema>,
        writer: ArrowWriter<File>,
        rows: Vec<Value>,
    }

    impl ParquetSink {
        pub(crate) fn new(file: File, columns: &'static [Column]) -> Result<Self> {
            let fields: Vec<Field> = columns
                .iter()
                .map(|&(name, ty, nullable)| {
                    let ty = match ty {
                        ColumnType::Text => DataType::Utf8,
                        ColumnType::Integer => DataType::Int64,
                        ColumnType::Bool => DataType::Boolean,
                    };
                    Field::new(name, ty, nullable)
                })
                .collect();
            let schema = Arc::new(Schema::new(fields));
            let props = WriterProperties::builder()
                .set_compression(Compression::SNAPPY)
                .build();
            let writer = ArrowWriter::try_new(file, Arc::clone(&schema), Some(props))?;
            Ok(ParquetSink {
                columns,
                schema,
                writer,
                rows: Vec::with_capacity(BATCH),
            })
        }

        pub(crate) fn push(&mut self, row: Value) -> Result<()> {
            self.rows.push(row);
            if self.rows.len() == BATCH {
                self.flush()?;
            }
            Ok(())
        }

        fn flush(&mut self) -> Result<()> {
            if self.rows.is_empty() {
                return Ok(());
            }
            let arrays: Vec<ArrayRef> = self
                .columns
                .iter()
                .map(|&(name, ty, _)| -> ArrayRef {
                    let values = self.rows.iter().map(|r| &r[name]);
                    match ty {
                        ColumnType::Text => {
                            Arc::new(values.map(Value::as_str).collect::<StringArray>())
                        }
                        ColumnType::Integer => {
                            Arc::new(values.map(Value::as_i64).collect::<Int64Array>())
                        }
                        ColumnType::Bool => {
                            Arc::new(values.map(Value::as_bool).collect::<BooleanArray>())
                        }
                    }
                })
                .collect();
            let batch = RecordBatch::try_new(Arc::clone(&self.schema), arrays)?;
            self.writer.write(&batch)?;
            self.rows.clear();
            Ok(())
        }

        pub(crate) fn finish(mut self) -> Result<()> {
            self.flush()?;
            self.writer.close()?;
            Ok(())
        }
    }
}
