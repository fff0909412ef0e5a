//! Flat statements as a Parquet file (snappy-compressed, one row group per
//! batch written).

use std::fs::File;
use std::path::{Path, PathBuf};

use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;

use crate::{statements_batch, statements_schema, StatementRow, TablesError};

/// Writes statements to one Parquet file, batch by batch.
pub struct StatementsWriter {
    path: PathBuf,
    writer: ArrowWriter<File>,
}

impl StatementsWriter {
    /// Creates (or truncates) `path`.
    pub fn create(path: &Path) -> Result<Self, TablesError> {
        let file = File::create(path).map_err(|source| TablesError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let props = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .build();
        Ok(Self {
            path: path.to_path_buf(),
            writer: ArrowWriter::try_new(file, statements_schema(), Some(props))?,
        })
    }

    /// Appends rows (nothing for an empty slice).
    pub fn write(&mut self, rows: &[StatementRow]) -> Result<(), TablesError> {
        if rows.is_empty() {
            return Ok(());
        }
        self.writer.write(&statements_batch(rows)?)?;
        Ok(())
    }

    /// Writes the footer; the file is complete only after this.
    pub fn finish(self) -> Result<PathBuf, TablesError> {
        self.writer.close()?;
        Ok(self.path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

    #[test]
    fn written_statements_read_back_with_the_schema() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("statements.parquet");
        let mut w = StatementsWriter::create(&path).unwrap();
        let row = StatementRow {
            document: "a".into(),
            content: Some("“yes.”".into()),
            ..StatementRow::default()
        };
        w.write(std::slice::from_ref(&row)).unwrap();
        w.write(&[]).unwrap();
        w.finish().unwrap();
        let reader = ParquetRecordBatchReaderBuilder::try_new(File::open(&path).unwrap())
            .unwrap()
            .build()
            .unwrap();
        let batches: Vec<_> = reader.map(Result::unwrap).collect();
        assert_eq!(batches.iter().map(|b| b.num_rows()).sum::<usize>(), 1);
        assert_eq!(batches[0], statements_batch(&[row]).unwrap());
    }
}
