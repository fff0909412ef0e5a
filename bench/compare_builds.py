#!/usr/bin/env python3
"""Whole-process speed of whosaid builds, interleaved on one core.

Timings on a shared machine drift by 10% and more within minutes, so two
builds are only comparable when their runs alternate: this runs each binary
in turn, `--runs` times after one warm-up round, pinned to one core with
`taskset` where it exists, and reports the medians of user CPU and wall time
and system CPU (from `wait4`, finer than `time`), the best wall time and
the peak memory.

    python3 bench/compare_builds.py OLD/whosaid NEW/whosaid \
        --input ../shared/data/polnear/train/text
    python3 bench/compare_builds.py OLD/whosaid NEW/whosaid --ingest --runs 9
    python3 bench/compare_builds.py OLD/whosaid NEW/whosaid --pause 3

Runs started back to back find the memory the previous one freed still
backed by the machine; a run started after the memory sat idle (a user's
one-off command; on a virtual machine the host takes idle memory back)
pays the kernel for every page it touches. `--pause S` waits S seconds
before each run to time that case.

The default job is the full account, `extract --format jsonl` (extraction
and resolution, output discarded); `--ingest` times `ingest --jobs 1` into a
fresh store in a temporary directory. Words are counted as whitespace-
separated runs of the input texts, as the issues' words/s figures are.
Standard library only.
"""

import argparse
import collections
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time


def count_words(path):
    """Whitespace-separated words and documents of a file or a directory's files."""
    files = [path]
    if os.path.isdir(path):
        files = [os.path.join(path, f) for f in sorted(os.listdir(path))]
    words = 0
    for f in files:
        with open(f, encoding="utf-8", errors="replace") as fh:
            words += len(fh.read().split())
    return words, len(files)


Sample = collections.namedtuple("Sample", "user system wall rss")


def run_once(binary, args, prefix):
    """One run's user CPU, system CPU and wall seconds and peak RSS (MB); exits on failure."""
    cmd = prefix + [binary] + args
    # Errors go to a file, not a pipe: a pipe nobody reads until the end
    # would stall a run that reports many failed documents.
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) != 0:
            err.seek(0)
            message = err.read().decode("utf-8", "replace")
            sys.exit(f"{' '.join(cmd)} failed:\n{message}")
    return Sample(usage.ru_utime, usage.ru_stime, wall, usage.ru_maxrss / 1024)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("binaries", nargs="+", help="whosaid executables to compare")
    parser.add_argument("--input", default="../shared/data/polnear/train/text",
                        help="a text file or a directory of texts (default: PolNeAR train)")
    parser.add_argument("--runs", type=int, default=9, help="timed runs of each binary (default 9)")
    parser.add_argument("--ingest", action="store_true", help="time `ingest --jobs 1` instead")
    parser.add_argument("--core", default=None,
                        help="core to pin to with taskset (default: the last one this process "
                             "may run on; 'none' to not pin)")
    parser.add_argument("--pause", type=float, default=0.0,
                        help="seconds to wait before each run, so that it starts on idle "
                             "memory as a one-off command does (default 0: back to back)")
    a = parser.parse_args()
    if a.runs < 1:
        parser.error("--runs must be at least 1")
    if not a.pause >= 0:
        parser.error("--pause must be zero or more seconds")
    for b in a.binaries:
        if not os.access(b, os.X_OK):
            parser.error(f"{b} is not an executable")
    if not os.path.exists(a.input):
        parser.error(f"{a.input} does not exist")
    if a.core is None:
        a.core = str(max(os.sched_getaffinity(0)))
    taskset = shutil.which("taskset")
    pin = None if a.core == "none" or taskset is None else a.core
    prefix = [taskset, "-c", pin] if pin is not None else []
    words, docs = count_words(a.input)

    results = {b: [] for b in a.binaries}
    with tempfile.TemporaryDirectory() as tmp:
        for round_no in range(a.runs + 1):
            for b in a.binaries:
                if a.ingest:
                    db = os.path.join(tmp, "store.db")
                    for suffix in ("", "-wal", "-shm"):
                        if os.path.exists(db + suffix):
                            os.remove(db + suffix)
                    args = ["ingest", "--jobs", "1", "--db", db, a.input]
                else:
                    args = ["extract", "--format", "jsonl", a.input]
                if a.pause:
                    time.sleep(a.pause)
                sample = run_once(b, args, prefix)
                if round_no > 0:  # the first round warms caches and is dropped
                    results[b].append(sample)

    job = "ingest --jobs 1" if a.ingest else "extract --format jsonl"
    where = f"core {pin}" if pin is not None else "unpinned"
    if a.pause:
        where += f", {a.pause:g} s idle before each run"
    print(f"{job} over {docs} documents ({words} words), {a.runs} runs each, {where}")
    first_wall = None
    for b, samples in results.items():
        user = statistics.median(s.user for s in samples)
        system = statistics.median(s.system for s in samples)
        wall = statistics.median(s.wall for s in samples)
        best = min(s.wall for s in samples)
        rss = max(s.rss for s in samples)
        rate = f"{docs / wall:,.0f} documents/s" if a.ingest else f"{words / wall:,.0f} words/s"
        versus = ""
        if first_wall is None:
            first_wall = wall
        else:
            versus = f"  ({(wall / first_wall - 1) * 100:+.1f}% wall vs the first)"
        print(f"{b}: user {user:.3f} s, system {system:.3f} s, wall {wall:.3f} s "
              f"(best {best:.3f}), {rate}, "
              f"peak {rss:.0f} MB{versus}")


if __name__ == "__main__":
    main()
