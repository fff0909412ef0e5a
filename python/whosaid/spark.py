"""whosaid on Spark: statements of a corpus, partition by partition.

Spark moves the data; whosaid analyzes each partition's Arrow batches in
the executor's Python worker (``DataFrame.mapInArrow``), so no rows pass
through JSON or pickling, and nothing here is a scheduler of its own::

    from pyspark.sql import SparkSession
    import whosaid.spark

    spark = SparkSession.builder.getOrCreate()
    docs = spark.read.json("corpus/*.jsonl")          # or .parquet(...)
    statements = whosaid.spark.statements(docs)        # text, id, url, … columns
    statements.write.parquet("statements/")

    # WARC, HTML or text files: a DataFrame of paths every executor can read
    statements = whosaid.spark.statements_from_files(spark, ["crawl/a.warc.gz", …])

The executors need the ``whosaid`` wheel installed (or shipped with
``--py-files``/``--archives``); see the project README, "Spark".
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Optional, Sequence

import whosaid

if TYPE_CHECKING:
    import pyarrow
    from pyspark.sql import DataFrame, SparkSession

__all__ = ["schema_ddl", "statements", "statements_from_files"]

_SPARK_TYPES = {"string": "string", "int64": "bigint", "bool": "boolean"}


def schema_ddl() -> str:
    """``statements_schema()`` as a Spark DDL string."""
    fields = []
    for field in whosaid.statements_schema():
        kind = _SPARK_TYPES[str(field.type)]
        fields.append(f"`{field.name}` {kind}" + ("" if field.nullable else " NOT NULL"))
    return ", ".join(fields)


def _analyze_batches(
    options: dict[str, Any], batches: Iterable["pyarrow.RecordBatch"]
) -> Iterator["pyarrow.RecordBatch"]:
    import whosaid as engine

    for batch in batches:
        yield engine.analyze_arrow(batch, **options)


def statements(
    documents: "DataFrame",
    *,
    text_column: str = "text",
    id_column: Optional[str] = "id",
    url_column: Optional[str] = "url",
    title_column: Optional[str] = "title",
    outlet_column: Optional[str] = "outlet",
    published_column: Optional[str] = "published",
    jobs: int = 1,
) -> "DataFrame":
    """The statements of a DataFrame of documents (one per row).

    Columns are read by name as in ``whosaid.analyze_arrow``; other columns
    are ignored. ``jobs`` threads per Spark task (Spark already runs one task
    per core). A row that cannot be analyzed is one row with ``error`` set.
    """
    options = dict(
        text_column=text_column,
        id_column=id_column,
        url_column=url_column,
        title_column=title_column,
        outlet_column=outlet_column,
        published_column=published_column,
        jobs=jobs,
    )
    present = set(documents.columns)
    if text_column not in present:
        raise ValueError(f"no text column {text_column!r} (columns: {', '.join(documents.columns)})")
    wanted = [c for c in options.values() if isinstance(c, str) and c in present]
    return documents.select(*wanted).mapInArrow(
        functools.partial(_analyze_batches, options), schema_ddl()
    )


def _read_files(
    batches: Iterable["pyarrow.RecordBatch"], rows_per_batch: int
) -> Iterator["pyarrow.RecordBatch"]:
    import pyarrow as pa

    import whosaid as engine

    schema = engine.statements_schema()
    columns = ("id", "url", "title", "outlet", "published", "text")

    def analyzed(docs: list[dict[str, Any]]) -> "pyarrow.RecordBatch":
        table = {c: [d.get(c) for d in docs] for c in columns}
        return engine.analyze_arrow(pa.RecordBatch.from_pydict(table), jobs=1)

    for batch in batches:
        for path in batch.column("path").to_pylist():
            docs: list[dict[str, Any]] = []
            records = engine.read(path)
            while True:
                try:
                    doc = next(records)
                except StopIteration:
                    break
                except engine.RecordError as e:
                    # The reader goes on after a bad record; the job too.
                    row = {"document": path, "ordinal": 0, "error": str(e)}
                    yield pa.RecordBatch.from_pylist([row], schema=schema)
                    continue
                docs.append(doc)
                if len(docs) == rows_per_batch:
                    yield analyzed(docs)
                    docs = []
            if docs:
                yield analyzed(docs)


def statements_from_files(
    spark: "SparkSession",
    paths: Sequence[str],
    *,
    partitions: Optional[int] = None,
    rows_per_batch: int = 256,
) -> "DataFrame":
    """The statements of files whosaid reads (WARC, HTML, JSONL, text;
    gzipped or not), the files spread over ``partitions`` tasks. Every
    executor must be able to open the paths (a shared or distributed file
    system mounted alike). A record or file that cannot be read is one row
    with ``document`` its path and the reason in ``error``."""
    paths = [str(p) for p in paths]
    if not paths:
        raise ValueError("no paths")
    frame = spark.createDataFrame([(p,) for p in paths], "path string")
    frame = frame.repartition(partitions or min(len(paths), spark.sparkContext.defaultParallelism))
    return frame.mapInArrow(
        functools.partial(_read_files, rows_per_batch=rows_per_batch), schema_ddl()
    )
