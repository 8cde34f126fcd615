#!/usr/bin/env python3
"""Ready-to-tag time and peak memory with synthetic gazetteers of 100,000 and
1,000,000 aliases (issue 9's targets).

    cargo build --release
    python3 scripts/bench-gazetteer-scale.py --aliases 100000,1000000 --runs 3

For each size it writes a deterministic gazetteer (seed 9) into a temporary
folder: people with Arabic names of three words (given name, father's name,
family name) and a two-word variant, and their Latin transliterations (four
aliases a person), drawn from lists of common names so that the keys share
prefixes the way real names do; one person in ten also gets its own family
name as a `family:` alias. It then times a whole `tadqiq tag` of a one-line
draft that mentions one of the generated people:

- cold: `--no-cache --gazetteer DIR` (YAML parsed and validated every time);
- compiled: `--gazetteer FILE` after `tadqiq gazetteer compile -o FILE`;
- cache: `--gazetteer DIR` with a warm cache folder.

Each figure is the median of RUNS runs (wall clock, CPU time of the child and
peak RSS from wait4); `/usr/bin/time -v` reports the same peak RSS. The
mention must be found, so a broken gazetteer cannot look fast.
"""

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time

GIVEN = [
    ("محمد", "Mohammed"), ("أحمد", "Ahmed"), ("علي", "Ali"), ("حسن", "Hassan"),
    ("حسين", "Hussein"), ("عمر", "Omar"), ("خالد", "Khaled"), ("يوسف", "Youssef"),
    ("إبراهيم", "Ibrahim"), ("مصطفى", "Mostafa"), ("محمود", "Mahmoud"), ("عبد الله", "Abdullah"),
    ("عبد الرحمن", "Abdulrahman"), ("سعيد", "Said"), ("طارق", "Tarek"), ("وليد", "Walid"),
    ("سامي", "Sami"), ("رامي", "Rami"), ("فادي", "Fadi"), ("زياد", "Ziad"), ("ماجد", "Majed"),
    ("نبيل", "Nabil"), ("جمال", "Jamal"), ("كمال", "Kamal"), ("هشام", "Hisham"), ("عادل", "Adel"),
    ("ناصر", "Nasser"), ("منصور", "Mansour"), ("فيصل", "Faisal"), ("سلمان", "Salman"),
    ("بسام", "Bassam"), ("غسان", "Ghassan"), ("رياض", "Riad"), ("مروان", "Marwan"),
    ("فاطمة", "Fatima"), ("مريم", "Maryam"), ("عائشة", "Aisha"), ("زينب", "Zainab"),
    ("ليلى", "Layla"), ("هدى", "Huda"), ("نور", "Nour"), ("سارة", "Sara"), ("رنا", "Rana"),
    ("دينا", "Dina"), ("ريم", "Reem"), ("سلمى", "Salma"), ("هالة", "Hala"), ("منى", "Mona"),
    ("لينا", "Lina"), ("جود", "Joud"), ("ياسر", "Yasser"), ("أنس", "Anas"), ("باسل", "Basel"),
    ("حمزة", "Hamza"), ("إياد", "Iyad"), ("أيمن", "Ayman"), ("شادي", "Shadi"), ("وائل", "Wael"),
    ("تامر", "Tamer"), ("كريم", "Karim"), ("مازن", "Mazen"), ("نزار", "Nizar"), ("قاسم", "Qasim"),
    ("عصام", "Issam"), ("مهند", "Muhannad"), ("سليمان", "Suleiman"), ("داود", "Dawood"),
    ("إلياس", "Elias"), ("جورج", "George"), ("ميشال", "Michel"), ("أنطوان", "Antoine"),
]
FAMILY = [
    ("الخطيب", "al-Khatib"), ("الحسيني", "al-Husseini"), ("المصري", "al-Masri"),
    ("الشامي", "al-Shami"), ("العلي", "al-Ali"), ("الأحمد", "al-Ahmad"), ("النجار", "al-Najjar"),
    ("الحداد", "al-Haddad"), ("العطار", "al-Attar"), ("الخياط", "al-Khayyat"),
    ("الزعبي", "al-Zoubi"), ("العمري", "al-Omari"), ("التميمي", "al-Tamimi"),
    ("الدوري", "al-Douri"), ("الجبوري", "al-Jubouri"), ("الكبيسي", "al-Kubaisi"),
    ("القحطاني", "al-Qahtani"), ("العتيبي", "al-Otaibi"), ("الشمري", "al-Shammari"),
    ("الدوسري", "al-Dosari"), ("الغامدي", "al-Ghamdi"), ("الزهراني", "al-Zahrani"),
    ("البرغوثي", "Barghouti"), ("عبد الهادي", "Abdel Hadi"), ("حداد", "Haddad"),
    ("خوري", "Khoury"), ("نصار", "Nassar"), ("سلامة", "Salameh"), ("عيسى", "Issa"),
    ("منصور", "Mansour"), ("يونس", "Younes"), ("عثمان", "Othman"), ("بكر", "Bakr"),
    ("صالح", "Saleh"), ("داود", "Daoud"), ("جابر", "Jaber"), ("عواد", "Awad"),
    ("الراشد", "al-Rashed"), ("السويدي", "al-Suwaidi"), ("المهيري", "al-Muhairi"),
    ("الكعبي", "al-Kaabi"), ("البلوشي", "al-Balushi"), ("الهاشمي", "al-Hashimi"),
    ("المالكي", "al-Maliki"), ("الساعدي", "al-Saadi"), ("الربيعي", "al-Rubaie"),
    ("الأسعد", "al-Assaad"), ("القاسم", "al-Qasim"), ("الفارس", "al-Fares"),
    ("الحلبي", "al-Halabi"), ("الحمصي", "al-Homsi"), ("الدمشقي", "al-Dimashqi"),
    ("البغدادي", "al-Baghdadi"), ("الموصلي", "al-Mousali"), ("البصري", "al-Basri"),
    ("التونسي", "al-Tounsi"), ("المغربي", "al-Maghribi"), ("الجزائري", "al-Jazairi"),
    ("الليبي", "al-Libi"), ("السوداني", "al-Sudani"), ("اليمني", "al-Yamani"),
]
# Syllables for rarer family names, so that a million people stay distinct.
ONSETS_AR = ["ب", "ت", "ج", "د", "ر", "ز", "س", "ش", "ع", "ف", "ق", "ك", "م", "ن", "ه", "و"]
ONSETS_EN = ["b", "t", "j", "d", "r", "z", "s", "sh", "a", "f", "q", "k", "m", "n", "h", "w"]
VOWELS = [("ا", "a"), ("ي", "i"), ("و", "ou"), ("", "a")]


def rare_family(rng):
    ar, en = "", ""
    for _ in range(rng.randint(2, 3)):
        o = rng.randrange(len(ONSETS_AR))
        v = rng.choice(VOWELS)
        ar += ONSETS_AR[o] + v[0]
        en += ONSETS_EN[o] + v[1]
    o = rng.randrange(len(ONSETS_AR))
    ar += ONSETS_AR[o] + "ي"
    en += ONSETS_EN[o] + "i"
    return ar, en.capitalize()


def fold(name):
    """Roughly the folding of DESIGN.md §6, enough to keep keys apart."""
    for a, b in (("أ", "ا"), ("إ", "ا"), ("آ", "ا"), ("ى", "ي"), ("ة", "ه"), ("-", " ")):
        name = name.replace(a, b)
    return name.lower()


def write_gazetteer(folder, aliases, seed=9):
    """Writes people.yaml with about `aliases` aliases; returns (aliases, a mention)."""
    rng = random.Random(seed)
    seen = set()
    count = 0
    mention = None
    with open(os.path.join(folder, "people.yaml"), "w", encoding="utf-8") as out:
        out.write("# Synthetic people for scripts/bench-gazetteer-scale.py (not real).\n")
        n = 0
        while count < aliases:
            given = rng.choice(GIVEN)
            father = rng.choice(GIVEN)
            family = rng.choice(FAMILY) if rng.random() < 0.3 else rare_family(rng)
            if given == father:
                continue
            ar_full = f"{given[0]} {father[0]} {family[0]}"
            ar_short = f"{given[0]} {family[0]}"
            en_full = f"{given[1]} {father[1]} {family[1]}"
            en_short = f"{given[1]} {family[1]}"
            # Two people may not share a name (the gazetteer refuses it
            # without a `disambiguate:` note).
            keys = [fold(k) for k in (ar_full, ar_short, en_full, en_short)]
            if any(k in seen for k in keys):
                continue
            seen.update(keys)
            n += 1
            out.write(f"- id: synthetic-{n}\n")
            out.write(f"  names: {{ar: [{ar_full}, {ar_short}], en: [{en_full}, {en_short}]}}\n")
            count += 4
            if n % 10 == 0 and family not in FAMILY and count < aliases:
                out.write(f"  family: {{ar: [{family[0]}]}}\n")
                count += 1
            # A synthetic name may also be a real one of the shipped gazetteer.
            out.write("  disambiguate: synthetic\n")
            out.write("  source: https://example.org/synthetic\n")
            if mention is None and n == 7:
                mention = ar_full
    return count, mention


def timed(cmd, runs, expect):
    """Median wall, median CPU, max peak RSS (MiB) of RUNS runs."""
    walls, cpus, rss = [], [], 0
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        # wait4 gives the child's own CPU time and peak RSS.
        out_chunks = proc.stdout.read()
        err_chunks = proc.stderr.read()
        _, status, usage = os.wait4(proc.pid, 0)
        walls.append(time.perf_counter() - start)
        code = os.waitstatus_to_exitcode(status)
        if code not in (0, 1):
            sys.exit(f"{' '.join(cmd)}: exit {code}\n{err_chunks.decode()}")
        if expect not in out_chunks.decode():
            sys.exit(f"{' '.join(cmd)}: the mention {expect!r} was not tagged")
        cpus.append(usage.ru_utime + usage.ru_stime)
        rss = max(rss, usage.ru_maxrss / 1024)
    return statistics.median(walls), statistics.median(cpus), rss


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--aliases", default="100000,1000000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--binary", default="target/release/tadqiq")
    parser.add_argument("--keep", help="write the gazetteers here and keep them")
    opts = parser.parse_args()
    binary = os.path.abspath(opts.binary)
    print(f"machine: {os.cpu_count()} cores; load average {os.getloadavg()[0]:.2f}")
    print("| aliases | YAML bytes | mode | wall (median) | CPU (median) | peak RSS |")
    print("|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        base = opts.keep or tmp
        for size in [int(s) for s in opts.aliases.split(",")]:
            folder = os.path.join(base, f"g{size}")
            os.makedirs(folder, exist_ok=True)
            count, mention = write_gazetteer(folder, size)
            yaml_bytes = os.path.getsize(os.path.join(folder, "people.yaml"))
            draft = os.path.join(base, f"draft{size}.txt")
            with open(draft, "w", encoding="utf-8") as f:
                f.write(f"وقال {mention} إن الاجتماع انتهى.\n")
            cache = os.path.join(base, f"cache{size}")
            env_cmd = ["env", f"TADQIQ_CACHE_DIR={cache}", binary, "tag", "--isolated"]
            compiled = os.path.join(base, f"g{size}.compiled")
            subprocess.run([binary, "gazetteer", "compile", folder, "-o", compiled],
                           check=True, stdout=subprocess.DEVNULL)
            rows = [
                ("cold (YAML, --no-cache)", env_cmd + ["--no-cache", "--gazetteer", folder, draft]),
                ("compiled file", env_cmd + ["--gazetteer", compiled, draft]),
            ]
            # Fill the cache once, then time the warm runs.
            subprocess.run(env_cmd + ["--gazetteer", folder, draft], check=True,
                           stdout=subprocess.DEVNULL)
            rows.append(("warm cache", env_cmd + ["--gazetteer", folder, draft]))
            for name, cmd in rows:
                wall, cpu, rss = timed(cmd, opts.runs, mention.split()[0])
                print(f"| {count:,} | {yaml_bytes:,} | {name} | {wall:.2f} s | {cpu:.2f} s "
                      f"| {rss:,.0f} MiB |", flush=True)
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
