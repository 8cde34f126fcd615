#!/usr/bin/env python3
"""Writes a word-frequency file for `tadqiq gazetteer check --word-frequencies FILE`.

    python3 -m pip install 'wordfreq==3.1.1'
    python3 scripts/word-frequencies.py /tmp/word-frequencies.tsv
    tadqiq gazetteer check --word-frequencies /tmp/word-frequencies.tsv [DIR]

The file lists, one a line, `LANG<TAB>WORD<TAB>ZIPF`: the most frequent words
of Arabic and English, and of French, German, Spanish, Italian and Dutch (a
Latin-script word as frequent in those as in English is a name, not an
English everyday word: Washington, Paris), with their frequency on the Zipf
scale (log10 of occurrences per billion words; 7 is "على", 3 is rare).

The data comes from wordfreq (https://github.com/rspeer/wordfreq, code
Apache-2.0, data CC BY-SA 4.0). It is NOT part of tadqiq: write the file
outside the repository (this script refuses a path inside it); tadqiq only
reads it to print warnings, and ships no word list derived from it.
"""

import argparse
import os
import subprocess
import sys

PINNED = "3.1.1"
LANGUAGES = {"ar": 200_000, "en": 100_000, "fr": 50_000, "de": 50_000, "es": 50_000,
             "it": 50_000, "nl": 50_000}


def repository_root():
    here = os.path.dirname(os.path.abspath(__file__))
    done = subprocess.run(["git", "-C", here, "rev-parse", "--show-toplevel"],
                          capture_output=True, text=True)
    return done.stdout.strip() if done.returncode == 0 else os.path.dirname(here)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", help="file to write, outside the repository")
    ap.add_argument("--min-zipf", type=float, default=2.5,
                    help="leave out rarer words (default 2.5)")
    args = ap.parse_args()
    out = os.path.abspath(args.out)
    root = repository_root()
    if os.path.commonpath([out, root]) == root:
        sys.exit(f"{args.out}: inside the repository ({root}); wordfreq's data is "
                 "CC BY-SA 4.0 and must not be committed: write it elsewhere, e.g. /tmp")
    try:
        import wordfreq
    except ImportError:
        sys.exit(f"wordfreq is not installed: python3 -m pip install 'wordfreq=={PINNED}'")
    version = getattr(wordfreq, "__version__", None)
    if version is None:
        from importlib.metadata import version as dist_version
        version = dist_version("wordfreq")
    if version != PINNED:
        print(f"warning: wordfreq {version}, the figures in docs/precision.md used {PINNED}",
              file=sys.stderr)
    lines = 0
    with open(out, "w", encoding="utf-8") as f:
        f.write(f"# wordfreq {version} (data CC BY-SA 4.0), written by scripts/word-frequencies.py\n")
        for lang, n in LANGUAGES.items():
            for word in wordfreq.top_n_list(lang, n):
                zipf = wordfreq.zipf_frequency(word, lang)
                if zipf < args.min_zipf or "\t" in word or "\n" in word:
                    continue
                f.write(f"{lang}\t{word}\t{zipf:.2f}\n")
                lines += 1
    print(f"{args.out}: {lines} words")


if __name__ == "__main__":
    main()
