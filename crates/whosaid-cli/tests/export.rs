//! `whosaid export` and `search --format csv|jsonl` end to end: the tables
//! of a store in every format agree with each other (the Parquet file read
//! back with the Rust reader equals the JSONL, row for row).

use std::path::Path;

use serde_json::Value;

mod common;

use common::*;

fn jsonl(path: &Path) -> Vec<Value> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[cfg(feature = "parquet")]
fn parquet_rows(path: &Path) -> Vec<serde_json::Map<String, Value>> {
    use arrow_array::{Array, BooleanArray, Int64Array, StringArray};
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
    let file = std::fs::File::open(path).unwrap();
    let reader = ParquetRecordBatchReaderBuilder::try_new(file)
        .unwrap()
        .build()
        .unwrap();
    let mut rows = Vec::new();
    for batch in reader {
        let batch = batch.unwrap();
        let schema = batch.schema();
        for i in 0..batch.num_rows() {
            let mut row = serde_json::Map::new();
            for (k, field) in schema.fields().iter().enumerate() {
                let col = batch.column(k);
                let value = if col.is_null(i) {
                    Value::Null
                } else if let Some(a) = col.as_any().downcast_ref::<StringArray>() {
                    Value::from(a.value(i))
                } else if let Some(a) = col.as_any().downcast_ref::<Int64Array>() {
                    Value::from(a.value(i))
                } else if let Some(a) = col.as_any().downcast_ref::<BooleanArray>() {
                    Value::from(a.value(i))
                } else {
                    panic!("unexpected column type {:?}", field.data_type());
                };
                row.insert(field.name().clone(), value);
            }
            rows.push(row);
        }
    }
    rows
}

#[test]
fn export_writes_csv_jsonl_and_parquet_that_agree() {
    let tmp = tempfile::tempdir().unwrap();
    let db = example_store(tmp.path());
    let out_dir = tmp.path().join("tables");
    let formats = if cfg!(feature = "parquet") {
        "csv,jsonl,parquet"
    } else {
        "csv,jsonl"
    };
    let out = run(whosaid()
        .args(["export", "--format", formats, "--db"])
        .arg(&db)
        .arg("--out")
        .arg(&out_dir));
    assert_success(&out);
    let statements = jsonl(&out_dir.join("statements.jsonl"));
    assert_eq!(statements.len(), 12);
    // Every statement names its document, and its offsets cut its content
    // out of the document's text (code points).
    let text = std::fs::read_to_string(example()).unwrap();
    let chars: Vec<char> = text.chars().collect();
    for s in &statements {
        assert_eq!(s["document"], "nato-rutte");
        let (a, b) = (
            s["content_start"].as_u64().unwrap(),
            s["content_end"].as_u64().unwrap(),
        );
        let cut: String = chars[a as usize..b as usize].iter().collect();
        let first_part = s["content"].as_str().unwrap().split(" … ").next().unwrap();
        assert!(cut.starts_with(first_part), "{cut:?} / {s}");
    }
    let rutte = statements
        .iter()
        .find(|s| s["speaker"] == "Mark Rutte")
        .unwrap();
    assert_eq!(rutte["speaker_kind"], "person");
    assert!(
        rutte["affiliation"].as_str().unwrap().contains("NATO"),
        "{rutte}"
    );
    assert!(statements.iter().any(|s| s["channel"]
        .as_str()
        .is_some_and(|c| c.contains("interview"))));
    // CSV: a header and one record per row, the same values.
    let csv = std::fs::read_to_string(out_dir.join("statements.csv")).unwrap();
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    assert_eq!(header[0], "statement_id");
    assert!(header.contains(&"content_end"));
    assert!(csv.contains("Mark Rutte"));
    let speakers = jsonl(&out_dir.join("speakers.jsonl"));
    assert!(speakers.iter().any(|s| s["name"] == "Mark Rutte"));
    let documents = jsonl(&out_dir.join("documents.jsonl"));
    assert_eq!(documents.len(), 1);
    assert_eq!(documents[0]["statements"], 12);
    #[cfg(feature = "parquet")]
    for name in ["statements", "speakers", "documents"] {
        let from_parquet = parquet_rows(&out_dir.join(format!("{name}.parquet")));
        let from_jsonl = jsonl(&out_dir.join(format!("{name}.jsonl")));
        assert_eq!(from_parquet.len(), from_jsonl.len(), "{name}");
        for (p, j) in from_parquet.iter().zip(&from_jsonl) {
            assert_eq!(&Value::Object(p.clone()), j, "{name}");
        }
    }
}

#[test]
fn search_writes_csv_and_jsonl_with_document_ids() {
    let tmp = tempfile::tempdir().unwrap();
    let db = example_store(tmp.path());
    let out = run(whosaid()
        .args(["search", "NATO", "--format", "jsonl", "--db"])
        .arg(&db));
    assert_success(&out);
    let hits: Vec<Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(hits.len() >= 2);
    assert!(hits.iter().all(|h| h["document"] == "nato-rutte"));
    let out = run(whosaid()
        .args(["search", "NATO", "--format", "csv", "--db"])
        .arg(&db));
    assert_success(&out);
    let csv = stdout(&out);
    assert!(csv.starts_with("attribution,document,"), "{csv}");
    assert_eq!(csv.lines().count(), hits.len() + 1);
    // A table that cannot be written: a clear error naming the path.
    let blocker = tmp.path().join("file");
    std::fs::write(&blocker, "x").unwrap();
    let out = run(whosaid()
        .args(["export", "--db"])
        .arg(&db)
        .arg("--out")
        .arg(&blocker));
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("file"), "{err}");
}

/// `extract --format parquet`: one row per attribution of the JSON output,
/// with its speaker, parts and offsets.
#[cfg(feature = "parquet")]
#[test]
fn extract_parquet_holds_the_json_statements_row_for_row() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(whosaid()
        .args(["extract", "--format", "parquet", "--out"])
        .arg(dir.path())
        .arg(example()));
    assert_success(&out);
    let rows = parquet_rows(&dir.path().join("statements.parquet"));
    let out = run(whosaid()
        .args(["extract", "--format", "json"])
        .arg(example()));
    let doc: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let attributions = doc["attributions"].as_array().unwrap();
    assert!(attributions.len() >= 10);
    assert_eq!(rows.len(), attributions.len());
    let joined = |spans: &Value| -> String {
        let parts: Vec<&str> = spans
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["text"].as_str().unwrap())
            .collect();
        parts.join(" … ")
    };
    for (i, (row, a)) in rows.iter().zip(attributions).enumerate() {
        assert_eq!(row["document"], doc["id"]);
        assert_eq!(row["ordinal"], Value::from(i));
        assert_eq!(row["content"], Value::from(joined(&a["content"])));
        assert_eq!(row["cue"], Value::from(joined(&a["cue"])));
        assert_eq!(row["cue_start"], a["cue"][0]["start"]);
        assert_eq!(row["kind"], a["kind"]);
        let speaker = a["speaker"]
            .as_u64()
            .map(|k| doc["speakers"][k as usize]["name"].clone())
            .unwrap_or(Value::Null);
        assert_eq!(row["speaker"], speaker);
        assert_eq!(row["error"], Value::Null);
    }
    // Without a directory there is nowhere to put the file.
    let out = run(whosaid()
        .args(["extract", "--format", "parquet"])
        .arg(example()));
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--out DIR"));
}
