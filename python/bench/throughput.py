"""analyze_many's speed and memory on a JSONL corpus, to set beside
`whosaid throughput --resolve` on the same file.

    python python/bench/throughput.py CORPUS.jsonl [--jobs 1 2] [--repeat 3]

Reads every document into memory first (as the CLI's throughput command
does), then times analyze_many over them; prints documents/s and words/s
(words: whitespace-separated) per job count, and the peak resident memory.
"""

import argparse
import json
import resource
import time

import whosaid


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with open(args.corpus) as f:
        docs = [json.loads(line) for line in f if line.strip()]
    words = sum(len(d["text"].split()) for d in docs)
    print(f"{len(docs)} documents, {words} words")
    for jobs in args.jobs:
        best = None
        for _ in range(args.repeat):
            start = time.perf_counter()
            n = sum(1 for d in whosaid.analyze_many(docs, jobs=jobs) if "error" not in d)
            took = time.perf_counter() - start
            assert n == len(docs)
            best = took if best is None else min(best, took)
        print(
            f"jobs {jobs}: {best:.3f} s  {len(docs) / best:8.0f} documents/s  {words / best:10.0f} words/s"
        )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak resident memory {peak:.0f} MiB (documents held in memory included)")


if __name__ == "__main__":
    main()
