//! Flat statements as an Arrow record batch, built column by column.

use std::sync::{Arc, OnceLock};

use arrow_array::builder::{BooleanBuilder, Int64Builder, StringBuilder};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema, SchemaRef};

use crate::{StatementRow, TablesError};

/// The statements table's schema: the fields of [`StatementRow`] in order.
/// `document` and `ordinal` are never null; every other column may be.
/// Text is `Utf8` (Spark's `string`), counts and offsets `Int64`.
pub fn statements_schema() -> SchemaRef {
    static SCHEMA: OnceLock<SchemaRef> = OnceLock::new();
    SCHEMA
        .get_or_init(|| {
            use DataType::{Boolean, Int64, Utf8};
            let field = |name: &str, t: DataType| Field::new(name, t, true);
            Arc::new(Schema::new(vec![
                Field::new("document", Utf8, false),
                Field::new("ordinal", Int64, false),
                field("url", Utf8),
                field("title", Utf8),
                field("outlet", Utf8),
                field("published", Utf8),
                field("speaker", Utf8),
                field("speaker_kind", Utf8),
                field("anonymous", Boolean),
                field("affiliation", Utf8),
                field("source", Utf8),
                field("cue", Utf8),
                field("content", Utf8),
                field("kind", Utf8),
                field("channel", Utf8),
                field("time", Utf8),
                field("nested", Boolean),
                field("source_start", Int64),
                field("source_end", Int64),
                field("cue_start", Int64),
                field("cue_end", Int64),
                field("content_start", Int64),
                field("content_end", Int64),
                field("error", Utf8),
            ]))
        })
        .clone()
}

/// `rows` as one record batch of [`statements_schema`].
pub fn statements_batch(rows: &[StatementRow]) -> Result<RecordBatch, TablesError> {
    let text = |get: fn(&StatementRow) -> Option<&str>| -> ArrayRef {
        let mut b = StringBuilder::with_capacity(rows.len(), rows.len() * 16);
        for r in rows {
            b.append_option(get(r));
        }
        Arc::new(b.finish())
    };
    let int = |get: fn(&StatementRow) -> Option<i64>| -> ArrayRef {
        let mut b = Int64Builder::with_capacity(rows.len());
        for r in rows {
            b.append_option(get(r));
        }
        Arc::new(b.finish())
    };
    let flag = |get: fn(&StatementRow) -> Option<bool>| -> ArrayRef {
        let mut b = BooleanBuilder::with_capacity(rows.len());
        for r in rows {
            b.append_option(get(r));
        }
        Arc::new(b.finish())
    };
    let columns: Vec<ArrayRef> = vec![
        text(|r| Some(&r.document)),
        int(|r| Some(r.ordinal)),
        text(|r| r.url.as_deref()),
        text(|r| r.title.as_deref()),
        text(|r| r.outlet.as_deref()),
        text(|r| r.published.as_deref()),
        text(|r| r.speaker.as_deref()),
        text(|r| r.speaker_kind.as_deref()),
        flag(|r| r.anonymous),
        text(|r| r.affiliation.as_deref()),
        text(|r| r.source.as_deref()),
        text(|r| r.cue.as_deref()),
        text(|r| r.content.as_deref()),
        text(|r| r.kind.as_deref()),
        text(|r| r.channel.as_deref()),
        text(|r| r.time.as_deref()),
        flag(|r| r.nested),
        int(|r| r.source_start),
        int(|r| r.source_end),
        int(|r| r.cue_start),
        int(|r| r.cue_end),
        int(|r| r.content_start),
        int(|r| r.content_end),
        text(|r| r.error.as_deref()),
    ];
    Ok(RecordBatch::try_new(statements_schema(), columns)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use arrow_array::cast::AsArray;
    use arrow_array::types::Int64Type;
    use arrow_array::Array;

    #[test]
    fn the_schema_names_every_field_of_a_row_in_order() {
        let row = serde_json::to_value(StatementRow::default()).unwrap();
        let names: Vec<&str> = row
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let schema = statements_schema();
        let fields: Vec<&str> = schema.fields().iter().map(|f| f.name().as_str()).collect();
        let mut sorted = fields.clone();
        sorted.sort_unstable();
        // serde_json's map is sorted; the schema keeps the struct's order.
        assert_eq!(names, sorted);
        assert_eq!(fields[..2], ["document", "ordinal"]);
    }

    #[test]
    fn rows_become_columns_with_nulls_where_a_row_has_none() {
        let rows = vec![
            StatementRow {
                document: "a".into(),
                ordinal: 0,
                speaker: Some("Jane Roe".into()),
                anonymous: Some(false),
                content_start: Some(3),
                ..StatementRow::default()
            },
            crate::error_row("b", "bad record"),
        ];
        let batch = statements_batch(&rows).unwrap();
        assert_eq!(batch.num_rows(), 2);
        let speaker = batch.column_by_name("speaker").unwrap().as_string::<i32>();
        assert_eq!(speaker.value(0), "Jane Roe");
        assert!(speaker.is_null(1));
        let start = batch.column_by_name("content_start").unwrap();
        assert_eq!(start.as_primitive::<Int64Type>().value(0), 3);
        let error = batch.column_by_name("error").unwrap().as_string::<i32>();
        assert_eq!(error.value(1), "bad record");
        assert!(batch.column_by_name("anonymous").unwrap().is_null(1));
    }

    #[test]
    fn no_rows_is_an_empty_batch_of_the_schema() {
        let batch = statements_batch(&[]).unwrap();
        assert_eq!(batch.num_rows(), 0);
        assert_eq!(batch.schema(), statements_schema());
    }
}
