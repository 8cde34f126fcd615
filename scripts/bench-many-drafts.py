#!/usr/bin/env python3
"""Benchmark: `tadqiq check` on a folder of generated drafts, one thread vs all cores.

    cargo build --release
    python3 scripts/bench-many-drafts.py [--drafts 1000] [--runs 5] [--binary target/release/tadqiq]

Writes the drafts into a temporary folder (deterministic: the same drafts on
every machine), runs `tadqiq check --format json --fail-on never -j 1 DIR` and
`... -j 0 DIR` (one worker per core) `--runs` times each, and prints the
median and best wall-clock times, drafts per second and MB per second. The
gazetteer is loaded and compiled once per run; the figure includes that build
(it is also reported alone, from a run on one empty draft).
"""

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time

PEOPLE = ["أحمد الشرع", "دونالد ترامب", "رجب طيب أردوغان", "عبد الله الثاني", "إيمانويل ماكرون", "توم باراك"]
TITLES = ["الرئيس السوري", "الرئيس الأميركي", "الرئيس التركي", "العاهل الأردني", "الرئيس الفرنسي", "المبعوث الأميركي"]
PLACES = ["دمشق", "واشنطن", "أنقرة", "عمّان", "باريس", "حلب", "بغداد", "بيروت", "القاهرة", "الرياض"]
ORGS = ["الأمم المتحدة", "حلف شمال الأطلسي", "الاتحاد الأوروبي", "جامعة الدول العربية", "تنظيم الدولة"]
VERBS = ["التقى", "استقبل", "هاتف", "زار", "انتقد", "أشاد بـ"]
FILLER = [
    "وتناول اللقاء سبل تعزيز التعاون الثنائي في مجالات الاقتصاد والطاقة والأمن.",
    "وأكد الجانبان أهمية مواصلة التنسيق إزاء التطورات الإقليمية المتسارعة.",
    "وقال مراقبون إن الخطوة تفتح صفحة جديدة في العلاقات بين البلدين.",
    "ويأتي ذلك بعد أشهر من المفاوضات التي جرت بعيداً عن الأضواء.",
    "وأشار البيان إلى أن أكثر من 80 دولة تشارك في التحالف منذ عام 2014.",
    "The talks covered trade, energy and security, officials said on Tuesday.",
]
FOOTER = "\n\nإقرأ أيضاً:\n\n{}\n\nجميع الحقوق محفوظة\n"


def draft(rng: random.Random) -> str:
    paragraphs = []
    for _ in range(rng.randint(6, 12)):
        i = rng.randrange(len(PEOPLE))
        sentence = f"{rng.choice(VERBS)} {TITLES[i]} {PEOPLE[i]} في {rng.choice(PLACES)} وفداً من {rng.choice(ORGS)}."
        paragraphs.append(" ".join([sentence] + rng.sample(FILLER, 2)))
    snippet = f"{rng.choice(TITLES)} {rng.choice(PEOPLE)} يصل إلى {rng.choice(PLACES)}"
    return "\n\n".join(paragraphs) + FOOTER.format(snippet)


def timed(cmd):
    start = time.perf_counter()
    done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        sys.exit(f"{' '.join(cmd)} exited {done.returncode}: {done.stderr.decode()}")
    return elapsed


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--drafts", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--binary", default="target/release/tadqiq")
    args = ap.parse_args()
    if not os.path.exists(args.binary):
        sys.exit(f"{args.binary} not found: run `cargo build --release` first")
    rng = random.Random(20251109)
    with tempfile.TemporaryDirectory() as tmp:
        folder = os.path.join(tmp, "drafts")
        os.makedirs(folder)
        total = 0
        for i in range(args.drafts):
            text = draft(rng).encode("utf-8")
            total += len(text)
            with open(os.path.join(folder, f"{i:05}.txt"), "wb") as f:
                f.write(text)
        empty = os.path.join(tmp, "one.txt")
        with open(empty, "w", encoding="utf-8") as f:
            f.write("نص قصير.\n")
        mb = total / 1e6
        print(f"{args.drafts} drafts, {mb:.2f} MB, {os.cpu_count()} cores, {args.runs} runs each")
        base = [args.binary, "check", "--isolated", "--format", "json", "--fail-on", "never"]
        timed(base + ["-j", "0", folder])  # warm the page cache
        startup = [timed(base + [empty]) for _ in range(args.runs)]
        print(f"  startup (gazetteer build, one tiny draft): median {statistics.median(startup):.3f} s")
        for label, jobs in (("1 thread ", "1"), ("all cores", "0")):
            runs = [timed(base + ["-j", jobs, folder]) for _ in range(args.runs)]
            med = statistics.median(runs)
            print(
                f"  {label}: median {med:.3f} s, best {min(runs):.3f} s, "
                f"{args.drafts / med:.0f} drafts/s, {mb / med:.1f} MB/s"
            )


if __name__ == "__main__":
    main()
