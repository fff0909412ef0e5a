"""whosaid.spark in Spark local mode: the statements equal the CLI's
(`whosaid extract --format parquet`) on the same inputs. Skipped when
PySpark or Java is missing (CI installs both)."""

import json
import shutil
import subprocess

import pytest

pyspark = pytest.importorskip("pyspark")
if shutil.which("java") is None:
    pytest.skip("no java", allow_module_level=True)

import pyarrow as pa  # noqa: E402
import pyarrow.parquet as pq  # noqa: E402

import whosaid  # noqa: E402
import whosaid.spark  # noqa: E402
from conftest import DEMO, EXAMPLE  # noqa: E402


@pytest.fixture(scope="module")
def spark():
    import os
    import sys

    from pyspark.sql import SparkSession

    # The workers run this interpreter, where the wheel is installed (on a
    # cluster: the executors' environment, see the README).
    os.environ["PYSPARK_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("whosaid-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.driver.host", "127.0.0.1")
        .getOrCreate()
    )
    yield session
    session.stop()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """A few hundred documents in JSONL: the demo and example articles,
    each many times under its own id."""
    records = [json.loads(line) for line in DEMO.read_text().splitlines() if line.strip()]
    records.append({"id": "nato-rutte", "text": EXAMPLE.read_text(), "published": "2025-02-14"})
    out = tmp_path_factory.mktemp("corpus") / "corpus.jsonl"
    n = 0
    with out.open("w") as f:
        for copy in range(80):
            for r in records:
                f.write(json.dumps(dict(r, id=f"{r['id']}-{copy}")) + "\n")
                n += 1
        f.write('{"id": "broken", "text": null}\n')
    return out, n


def _cli_rows(whosaid_bin, path, tmp_path):
    done = subprocess.run(
        [whosaid_bin, "extract", "--format", "parquet", "--out", tmp_path, path],
        capture_output=True,
    )
    # 1: some record failed (the broken line), the rest written.
    assert done.returncode in (0, 1), done.stderr
    return pq.read_table(tmp_path / "statements.parquet").to_pylist()


def _key(row):
    return (row["document"], row["ordinal"])


def test_statements_of_a_dataframe_equal_the_cli(spark, corpus, whosaid_bin, tmp_path):
    path, n = corpus
    assert n >= 300
    docs = spark.read.json(str(path)).repartition(4)
    assert docs.rdd.getNumPartitions() == 4
    got = whosaid.spark.statements(docs).toArrow().to_pylist()
    errors = [r for r in got if r["error"] is not None]
    assert [(r["document"], r["error"]) for r in errors] == [("broken", "no text")]
    got = sorted((r for r in got if r["error"] is None), key=_key)
    want = sorted(_cli_rows(whosaid_bin, path, tmp_path), key=_key)
    assert len(got) == len(want) > 1000
    assert got == want


def test_statements_from_files_reads_what_the_cli_reads(spark, corpus, whosaid_bin, tmp_path):
    path, _ = corpus
    missing = tmp_path / "missing.warc.gz"
    frame = whosaid.spark.statements_from_files(spark, [str(path), str(EXAMPLE), str(missing)], partitions=3)
    got = frame.toArrow().to_pylist()
    failed = [r for r in got if r["error"] is not None]
    # The broken JSONL line and the missing file, each named.
    assert any("corpus.jsonl line" in r["error"] for r in failed)
    assert any(r["document"] == str(missing) for r in failed)
    got = sorted((r for r in got if r["error"] is None), key=_key)
    want = sorted(
        _cli_rows(whosaid_bin, path, tmp_path / "a") + _cli_rows(whosaid_bin, EXAMPLE, tmp_path / "b"),
        key=_key,
    )
    assert got == want


def test_schema_ddl_matches_the_arrow_schema(spark):
    from pyspark.sql.types import _parse_datatype_string

    parsed = _parse_datatype_string(whosaid.spark.schema_ddl())
    assert [f.name for f in parsed.fields] == whosaid.statements_schema().names
    assert not parsed["document"].nullable and parsed["content"].nullable
    assert isinstance(whosaid.statements_schema(), pa.Schema)


def test_the_example_job_runs_under_spark_submit(corpus, whosaid_bin, tmp_path):
    import os
    import sys
    from pathlib import Path

    from conftest import ROOT

    path, _ = corpus
    submit = Path(sys.executable).parent / "spark-submit"
    if not submit.exists():
        pytest.skip("no spark-submit beside this Python")
    out = tmp_path / "statements"
    env = dict(os.environ, PYSPARK_PYTHON=sys.executable)
    done = subprocess.run(
        [submit, "--master", "local[2]", "--conf", "spark.ui.enabled=false",
         ROOT / "examples" / "spark" / "statements.py", path, EXAMPLE, out],
        capture_output=True, text=True, env=env, timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    written = pq.read_table(out).to_pylist()
    got = sorted((r for r in written if r["error"] is None), key=_key)
    want = sorted(
        _cli_rows(whosaid_bin, path, tmp_path / "a") + _cli_rows(whosaid_bin, EXAMPLE, tmp_path / "b"),
        key=_key,
    )
    assert got == want
    assert "statements, " in done.stdout
