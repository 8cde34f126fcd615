#!/usr/bin/env python3
"""Adversarial scaling of `tadqiq check`: drafts built to make one slot, one
speaker or one event hold many values, at 1x, 2x and 4x size.

usage: scripts/bench-adversarial.py [--binary target/release/tadqiq]
           [--sizes 1000,2000,4000] [--runs 3] [--timeout 120] [--mem-gb 6]
           [--kinds numbers,dates,quotes,statements,vocab16,longword]

Kinds (N = the size):
  numbers     N different counts for one slot ("يضم K دولة" about the coalition)
  dates       N different dates of one event (the coalition's formation)
  quotes      N rewordings of one statement by one speaker (a number changes)
  statements  N different statements by one speaker that share their first words
  vocab16     N quotes by one speaker, each twelve words drawn from sixteen (every
              pair of quotes shares words and word pairs: the worst case for pruning)
  longword    a name written 10·N times with no space between (دمشقدمشق…), then the
              same in Latin letters: one word holding thousands of matches

Each draft is checked with `BINARY check --isolated --format json --fail-on never
DRAFT`; the script records wall time (best of --runs), peak RSS of the child
(ru_maxrss from wait4) and the bytes written to stdout (counted, not stored),
plus the child's CPU time (user + sys, steadier than wall time on a shared
machine), then fits the exponent of each against the draft's size in bytes (least-squares
slope of log y on log x). A run that passes --timeout seconds or the --mem-gb
address-space limit is reported as such and left out of the fit.
Prints a Markdown table."""
import argparse
import math
import os
import resource
import subprocess
import sys
import tempfile
import time

MONTHS = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس",
          "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"]
# Words for different statements; a fixed order so drafts are deterministic.
WORDS = ("الحكومة الشعب الاقتصاد الأمن الحدود التعاون الاستثمار الطاقة المياه الزراعة "
         "التعليم الصحة الطرق الموانئ المطارات الكهرباء النفط الغاز الصناعة التجارة "
         "السياحة الثقافة الرياضة الشباب المرأة الأطفال اللاجئين العودة الإعمار السلام "
         "الحوار الدستور الانتخابات البرلمان القضاء الإعلام الجيش الشرطة المدن القرى").split()


def xorshift(seed):
    x = seed or 1
    while True:
        x ^= (x << 13) & 0xFFFFFFFFFFFFFFFF
        x ^= x >> 7
        x ^= (x << 17) & 0xFFFFFFFFFFFFFFFF
        yield x


def draft(kind, n):
    paras = ["انضمت سوريا إلى التحالف الدولي ضد تنظيم الدولة."]
    if kind == "numbers":
        for i in range(n):
            paras.append(f"وقال مسؤول إن التحالف الدولي ضد تنظيم الدولة يضم {50 + i} دولة.")
    elif kind == "dates":
        for i in range(n):
            day, month, year = i % 28 + 1, (i // 28) % 12, 1990 + i // 336
            paras.append(f"التحالف الدولي ضد تنظيم الدولة، الذي تشكّل في {day} {MONTHS[month]} {year}، يعمل في العراق.")
    elif kind == "quotes":
        for i in range(n):
            paras.append(f"وقال دونالد ترامب: «سوف نلتقي قريباً في البيت الأبيض لبحث {i + 3} ملفات مهمة مع الشرع».")
    elif kind == "statements":
        rng = xorshift(0x9E3779B97F4A7C15)
        for i in range(n):
            words = [WORDS[next(rng) % len(WORDS)] for _ in range(8)]
            paras.append(f"وقال دونالد ترامب: «نحن نريد أن نرى {' '.join(words)} في كل مكان».")
    elif kind == "vocab16":
        rng = xorshift(0x2545F4914F6CDD1D)
        vocab = WORDS[:16]
        for i in range(n):
            words = [vocab[next(rng) % 16] for _ in range(12)]
            paras.append(f"وقال دونالد ترامب: «{' '.join(words)}».")
    elif kind == "longword":
        paras.append("دمشق" * (10 * n))
        paras.append("Damascus" * (10 * n))
    else:
        raise SystemExit(f"unknown kind {kind}")
    return "\n\n".join(paras) + "\n"


def measure(binary, path, timeout, mem_gb):
    def limits():
        if mem_gb:
            cap = int(mem_gb * 2**30)
            resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    cmd = [binary, "check", "--isolated", "--format", "json", "--fail-on", "never", path]
    start = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, preexec_fn=limits)
    out = 0
    status = "ok"
    fd = p.stdout.fileno()
    os.set_blocking(fd, True)
    while True:
        if time.perf_counter() - start > timeout:
            p.kill()
            status = f"timeout > {timeout} s"
            break
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            break
        out += len(chunk)
    _, code, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - start
    if status == "ok" and code != 0:
        status = f"failed (status {code}, limit {mem_gb} GB)"
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024, out, status


def slope(xs, ys):
    lx = [math.log(x) for x in xs]
    ly = [math.log(y) for y in ys]
    mx, my = sum(lx) / len(lx), sum(ly) / len(ly)
    den = sum((a - mx) ** 2 for a in lx)
    return sum((a - mx) * (b - my) for a, b in zip(lx, ly)) / den if den else float("nan")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default="target/release/tadqiq")
    ap.add_argument("--sizes", default="1000,2000,4000")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--timeout", type=float, default=120)
    ap.add_argument("--mem-gb", type=float, default=6)
    ap.add_argument("--kinds", default="numbers,dates,quotes,statements,vocab16,longword")
    a = ap.parse_args()
    sizes = [int(s) for s in a.sizes.split(",")]
    print(f"binary: {a.binary}; command: check --isolated --format json --fail-on never DRAFT; "
          f"best of {a.runs} runs")
    print()
    print("| draft | values | draft bytes | wall (best) | CPU user+sys (best) | peak RSS | output bytes | run |")
    print("|---|---|---|---|---|---|---|---|")
    fits = []
    with tempfile.TemporaryDirectory() as tmp:
        for kind in a.kinds.split(","):
            pts = []
            for n in sizes:
                text = draft(kind, n)
                path = os.path.join(tmp, f"{kind}-{n}.txt")
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text)
                size = os.path.getsize(path)
                runs = []
                for _ in range(a.runs):
                    runs.append(measure(a.binary, path, a.timeout, a.mem_gb))
                    if runs[-1][4] != "ok":
                        break
                status = runs[-1][4]
                wall = min(r[0] for r in runs)
                cpu = min(r[1] for r in runs)
                rss = max(r[2] for r in runs)
                out = runs[-1][3]
                print(f"| {kind} | {n:,} | {size:,} | {wall:.3f} s | {cpu:.3f} s | {rss / 2**20:.1f} MiB "
                      f"| {out:,} | {status} |", flush=True)
                if status == "ok":
                    pts.append((size, wall, cpu, rss, out))
            if len(pts) >= 2:
                xs = [p[0] for p in pts]
                fits.append((kind, *(slope(xs, [p[k] for p in pts]) for k in range(1, 5))))
    print()
    print("| draft | exponent: wall | CPU | peak RSS | output |")
    print("|---|---|---|---|---|")
    for kind, t, c, m, o in fits:
        print(f"| {kind} | {t:.2f} | {c:.2f} | {m:.2f} | {o:.2f} |")


if __name__ == "__main__":
    sys.exit(main())
