#!/usr/bin/env python3
"""Start-up of a whole tadqiq process: wall clock and CPU time of N runs.

    python3 scripts/bench-startup.py [--runs 41] [--binary target/release/tadqiq] -- ARGS...

Runs `BINARY ARGS...` once to warm the compiled-gazetteer cache, then RUNS
times, and prints the median and best wall clock and CPU time (user + sys of
the child, from wait4) with the load average before and after. On a shared
machine CPU time is the steadier figure: wall clock includes waiting for a
core.
"""

import argparse
import os
import statistics
import subprocess
import sys
import time


def run(cmd):
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        sys.exit(f"{' '.join(cmd)}: exit {os.waitstatus_to_exitcode(status)}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=41)
    parser.add_argument("--binary", default="target/release/tadqiq")
    parser.add_argument("args", nargs=argparse.REMAINDER)
    opts = parser.parse_args()
    args = opts.args[1:] if opts.args[:1] == ["--"] else opts.args
    cmd = [opts.binary, *args]
    load_before = os.getloadavg()[0]
    run(cmd)
    samples = [run(cmd) for _ in range(opts.runs)]
    walls = sorted(s[0] for s in samples)
    cpus = sorted(s[1] for s in samples)
    rss = max(s[2] for s in samples)
    print(
        f"{' '.join(args)}\n"
        f"  wall: median {statistics.median(walls) * 1000:.1f} ms, best {walls[0] * 1000:.1f} ms\n"
        f"  cpu:  median {statistics.median(cpus) * 1000:.1f} ms, best {cpus[0] * 1000:.1f} ms\n"
        f"  peak RSS {rss / 1024:.1f} MiB; {opts.runs} runs; "
        f"load average {load_before:.2f} before, {os.getloadavg()[0]:.2f} after"
    )


if __name__ == "__main__":
    main()
