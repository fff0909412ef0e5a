"""analyze_arrow: Arrow in, flat statements out, as the CLI's Parquet."""

import json
import subprocess

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import whosaid
from conftest import DEMO, EXAMPLE


def _demo_table():
    records = [json.loads(line) for line in DEMO.read_text().splitlines() if line.strip()]
    return pa.Table.from_pylist(records)


def test_rows_are_the_statements_of_analyze():
    table = _demo_table()
    batch = table.to_batches()[0]
    out = whosaid.analyze_arrow(batch)
    assert isinstance(out, pa.RecordBatch)
    assert out.schema == whosaid.statements_schema()
    rows = out.to_pylist()
    for record in table.to_pylist():
        doc = whosaid.analyze(record["text"], published=record.get("published"))
        mine = [r for r in rows if r["document"] == record["id"]]
        assert len(mine) == len(doc["attributions"])
        for row, a in zip(mine, doc["attributions"]):
            assert row["content"] == " … ".join(s["text"] for s in a["content"])
            assert row["cue_start"] == a["cue"][0]["start"]
            speaker = doc["speakers"][a["speaker"]]["name"] if a["speaker"] is not None else None
            assert row["speaker"] == speaker
            assert row["outlet"] == record.get("outlet")
            assert row["error"] is None


def test_a_table_comes_back_a_table_and_string_types_are_read():
    table = _demo_table()
    large = table.cast(
        pa.schema(
            [
                f.with_type(pa.large_string()) if pa.types.is_string(f.type) else f
                for f in table.schema
            ]
        )
    )
    out = whosaid.analyze_arrow(large, jobs=1)
    assert isinstance(out, pa.Table)
    assert out.to_pylist() == whosaid.analyze_arrow(table.to_batches()[0]).to_pylist()


def test_bad_rows_are_error_rows():
    batch = pa.RecordBatch.from_pydict(
        {
            "id": ["ok", "null", "date"],
            "text": ["Jane Roe said it failed.", None, "Jane Roe said it failed."],
            "published": [None, None, "yesterday"],
        }
    )
    rows = whosaid.analyze_arrow(batch).to_pylist()
    assert [r["document"] for r in rows] == ["ok", "null", "date"]
    assert rows[0]["speaker"] == "Jane Roe" and rows[0]["error"] is None
    assert rows[1]["error"] == "no text"
    assert "not a date" in rows[2]["error"]


def test_dates_and_missing_columns():
    import datetime

    batch = pa.RecordBatch.from_pydict(
        {
            "body": ["“We will try again,” Jane Roe said on Friday."],
            "published": pa.array([datetime.date(2024, 5, 3)], pa.date32()),
        }
    )
    rows = whosaid.analyze_arrow(batch, text_column="body").to_pylist()
    assert rows[0]["document"] == "0"
    assert rows[0]["published"] == "2024-05-03" and rows[0]["time"] == "2024-05-03"
    with pytest.raises(ValueError, match='no text column "text".*body'):
        whosaid.analyze_arrow(batch)


def test_the_cli_parquet_holds_the_same_rows(whosaid_bin, tmp_path):
    subprocess.run(
        [whosaid_bin, "extract", "--format", "parquet", "--out", tmp_path, EXAMPLE],
        check=True,
        capture_output=True,
    )
    from_cli = pq.read_table(tmp_path / "statements.parquet")
    assert from_cli.schema == whosaid.statements_schema()
    batch = pa.RecordBatch.from_pydict({"id": ["nato-rutte"], "text": [EXAMPLE.read_text()]})
    from_python = whosaid.analyze_arrow(batch)
    assert from_cli.to_pylist() == from_python.to_pylist()
