#!/usr/bin/env python3
"""Archive run on a real distributed engine: PySpark in local mode pipes JSONL
records through `tadqiq check --input jsonl` (DESIGN.md §11, docs/scale.md).

    cargo build --release
    pip install pyspark==4.3.0          # needs a Java runtime (Debian: openjdk-17-jre-headless)
    python3 scripts/archive-spark.py [--records 20000] [--partitions 8] [--cores 2]

It writes a deterministic archive of generated Arabic news records (the drafts
of scripts/bench-many-drafts.py, each with an id and a date) to a temporary
folder, then measures:
  1. `tadqiq check --input jsonl -j 1` on the whole file: one core, no engine;
  2. the same with `-j 0` (every core);
  3. Spark `local[CORES]`: `sc.textFile(archive, PARTITIONS).pipe(tadqiq ... -j 1)`,
     one tadqiq process per partition, lines out counted and checked for order
     within each partition.
and prints records/s and MB/s for each, and the per-core throughput.
"""

import argparse
import importlib.util
import json
import os
import random
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def load_drafts_module():
    spec = importlib.util.spec_from_file_location("bench", os.path.join(HERE, "bench-many-drafts.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def write_archive(path, records):
    bench = load_drafts_module()
    rng = random.Random(11)
    size = 0
    with open(path, "w", encoding="utf-8") as f:
        for i in range(records):
            record = {
                "id": f"a{i:07d}",
                "date": f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}",
                "text": bench.draft(rng),
            }
            line = json.dumps(record, ensure_ascii=False)
            size += len(line.encode()) + 1
            f.write(line + "\n")
    return size


def timed(cmd, stdin_path):
    with open(stdin_path, "rb") as stdin:
        start = time.perf_counter()
        done = subprocess.run(cmd, stdin=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        sys.exit(f"{' '.join(cmd)} exited {done.returncode}: {done.stderr.decode()[:500]}")
    return elapsed, done.stdout.count(b"\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--records", type=int, default=20000)
    ap.add_argument("--partitions", type=int, default=8)
    ap.add_argument("--cores", type=int, default=2)
    ap.add_argument("--binary", default=os.path.join(HERE, "..", "target", "release", "tadqiq"))
    args = ap.parse_args()
    binary = os.path.abspath(args.binary)
    tadqiq = [binary, "check", "--isolated", "--input", "jsonl", "--fail-on", "never"]

    with tempfile.TemporaryDirectory() as tmp:
        archive = os.path.join(tmp, "archive.jsonl")
        size = write_archive(archive, args.records)
        mb = size / 1e6
        print(f"archive: {args.records} records, {mb:.1f} MB")
        # Warm the compiled-gazetteer cache once, as a worker image would.
        subprocess.run([binary, "gazetteer", "compile"], check=True, stdout=subprocess.DEVNULL)

        for jobs in ("1", "0"):
            elapsed, lines = timed(tadqiq + ["-j", jobs, "-"], archive)
            assert lines == args.records, (lines, args.records)
            print(f"tadqiq -j {jobs}: {elapsed:.2f} s, {args.records / elapsed:.0f} records/s, {mb / elapsed:.2f} MB/s")

        from pyspark import SparkConf, SparkContext

        conf = (
            SparkConf()
            .setMaster(f"local[{args.cores}]")
            .setAppName("tadqiq-archive")
            .set("spark.ui.enabled", "false")
            .set("spark.driver.host", "127.0.0.1")
            .set("spark.driver.bindAddress", "127.0.0.1")
        )
        sc = SparkContext(conf=conf)
        sc.setLogLevel("ERROR")
        try:
            records = sc.textFile("file://" + archive, args.partitions)
            # One tadqiq process per partition; -j 1 since Spark runs one task per core.
            piped = records.pipe(" ".join(tadqiq + ["-j", "1", "-"]))
            start = time.perf_counter()
            per_partition = piped.mapPartitions(check_partition).collect()
            elapsed = time.perf_counter() - start
        finally:
            sc.stop()
        total = sum(n for n, _ in per_partition)
        in_order = all(ok for _, ok in per_partition)
        assert total == args.records, (total, args.records)
        print(
            f"spark local[{args.cores}], {args.partitions} partitions: {elapsed:.2f} s, "
            f"{args.records / elapsed:.0f} records/s, {mb / elapsed:.2f} MB/s, "
            f"per core {args.records / elapsed / args.cores:.0f} records/s; ids in order within partitions: {in_order}"
        )


def check_partition(lines):
    """Counts a partition's output lines and checks their ids ascend (input order)."""
    count, last, ordered = 0, "", True
    for line in lines:
        record = json.loads(line)
        if "error" in record:
            raise RuntimeError(f"tadqiq refused a record: {record}")
        ordered = ordered and record["id"] > last
        last = record["id"]
        count += 1
    yield count, ordered


if __name__ == "__main__":
    main()
