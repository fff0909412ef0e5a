"""Statements of a corpus with Spark: documents in, Parquet statements out.

    spark-submit --master local[4] examples/spark/statements.py INPUT... OUTPUT_DIR

INPUT: JSONL or Parquet documents (`text`, and `id`, `url`, `title`,
`outlet`, `published` where present; a directory or glob of them), or WARC,
HTML and text files (read by whosaid itself on the executors). OUTPUT_DIR
receives Parquet files of `whosaid.statements_schema()`; rows with `error`
set are the records that could not be analyzed. The executors need the
whosaid wheel in their Python (see the README, "Spark").
"""

import sys

from pyspark.sql import SparkSession

import whosaid.spark


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    inputs, output = argv[1:-1], argv[-1]
    spark = SparkSession.builder.appName("whosaid-statements").getOrCreate()
    tables = [p for p in inputs if p.rstrip("/").endswith((".jsonl", ".json", ".parquet"))]
    files = [p for p in inputs if p not in tables]
    frames = []
    for path in tables:
        reader = spark.read.parquet if path.endswith(".parquet") else spark.read.json
        frames.append(whosaid.spark.statements(reader(path)))
    if files:
        frames.append(whosaid.spark.statements_from_files(spark, files))
    result = frames[0]
    for frame in frames[1:]:
        result = result.unionByName(frame)
    result.write.mode("overwrite").parquet(output)
    written = spark.read.parquet(output)
    failed = written.filter("error IS NOT NULL").count()
    print(f"{written.count() - failed} statements, {failed} failed records -> {output}")
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
