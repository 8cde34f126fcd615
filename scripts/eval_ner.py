#!/usr/bin/env python3
"""Tagging precision and recall on a public Arabic NER corpus (ANERcorp).

    cargo build --release
    python3 scripts/eval_ner.py ANERCORP_FILE [--binary target/release/tadqiq] [--work DIR]

ANERCORP_FILE is the corpus in its usual form: one token and its tag per line
("ألمانيا B-LOC"), tags B-/I- PERS, LOC, ORG, MISC and O. The corpus is not
shipped with tadqiq (see docs/precision.md for where to get it and its terms);
everything this script writes goes to --work (default: a temporary folder).

What it does:
1. Splits the corpus into sentences (a "." token ends one) and takes the first
   five sixths as the training part, the rest as the test part.
2. Builds a gazetteer from the training part's names: every PERS, LOC and ORG
   span becomes an entity of that kind (people.yaml, places.yaml,
   organizations.yaml). A span written with a proclitic ("وبريطانيا",
   "للأمم المتحدة") is stored without it when the bare form is also annotated.
3. Writes each part as drafts of 40 sentences (tokens joined by spaces,
   sentences separated by blank lines) and runs
   `tadqiq tag --format json --no-default-gazetteer --gazetteer GAZ DIR`.
4. Scores: a tag is right when it overlaps an annotated name (any of PERS, LOC,
   ORG, MISC); an annotated PERS/LOC/ORG name is found when a tag overlaps it.
   Reports precision and recall on the training part (every name is in the
   gazetteer: this measures how often everyday words become names at that
   gazetteer size) and on the test part, and lists the most frequent wrong tags.

With --word-frequencies FILE (from scripts/word-frequencies.py) the one-word
names that `tadqiq gazetteer check --word-frequencies` warns about (frequent in
Arabic both with and without the article) are marked `ambiguous`, as a
newsroom would after running the check.
"""

import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile

KINDS = {"PERS": "people.yaml", "LOC": "places.yaml", "ORG": "organizations.yaml"}
SENTENCES_PER_DRAFT = 40


def read_corpus(path):
    """Sentences as lists of (token, tag)."""
    sentences, current = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                continue
            token, _, tag = line.rpartition(" ")
            if not token:
                continue
            current.append((token, tag))
            if token == ".":
                sentences.append(current)
                current = []
    if current:
        sentences.append(current)
    return sentences


def spans(sentence):
    """(start token, end token, type) of every annotated name."""
    out, start, kind = [], None, None
    for i, (_, tag) in enumerate(sentence + [("", "O")]):
        if tag.startswith("I-") and start is not None and tag[2:] == kind:
            continue
        if start is not None:
            out.append((start, i, kind))
            start = None
        if tag.startswith("B-") or tag.startswith("I-"):
            start, kind = i, tag[2:]
    return out


def simple_fold(s):
    table = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ة": "ه"})
    return "".join(c for c in s.translate(table) if (c.isalnum() and c != "\u0640") or c == " ").lower()


def without_clitic(name, known):
    """The name without a proclitic when the bare form is annotated too."""
    first = name
    for prefix, replace in (("لل", "ال"), ("وال", "ال"), ("و", ""), ("ف", ""), ("ب", ""), ("ل", ""), ("ك", "")):
        if first.startswith(prefix):
            bare = replace + first[len(prefix):]
            if len(bare) >= 2 and simple_fold(bare) in known:
                return bare
    return name


def yaml_str(s):
    return json.dumps(s, ensure_ascii=False)


def common_words(path):
    """Whether a one-word Arabic name is an everyday word, by the rule of
    src/gazetteer/frequency.rs (Zipf >= 4.0 with and without the article)."""
    freq = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            lang, word, zipf = line.rstrip("\n").split("\t")
            if lang == "ar":
                key = simple_fold(word)
                freq[key] = max(freq.get(key, 0.0), float(zipf))

    def common(name):
        key = simple_fold(name)
        other = key[2:] if key.startswith("ال") else "ال" + key
        return " " not in key and freq.get(key, 0) >= 4.0 and freq.get(other, 0) >= 4.0
    return common


def build_gazetteer(sentences, folder, common=None):
    names = {kind: collections.Counter() for kind in KINDS}
    for sentence in sentences:
        for start, end, kind in spans(sentence):
            if kind in KINDS:
                names[kind][" ".join(t for t, _ in sentence[start:end])] += 1
    os.makedirs(folder, exist_ok=True)
    total = 0
    for kind, file_name in KINDS.items():
        known = {simple_fold(n) for n in names[kind]}
        keys = {}
        for name in sorted(names[kind]):
            bare = without_clitic(name, known)
            key = simple_fold(bare)
            if len([c for c in key if c.isalnum()]) < 2:
                continue
            keys.setdefault(key, bare)
        with open(os.path.join(folder, file_name), "w", encoding="utf-8") as f:
            for i, (key, name) in enumerate(sorted(keys.items())):
                f.write(f"- id: {kind.lower()}-{i}\n")
                if kind == "LOC":
                    f.write("  kind: city\n")
                f.write(f"  names: {{ar: [{yaml_str(name)}]}}\n")
                if common and common(name):
                    f.write(f"  ambiguous: {{ar: [{yaml_str(name)}]}}\n")
                # Distinct spellings may fold alike in tadqiq (tatweel, spaces).
                f.write("  disambiguate: ANERcorp spelling\n")
                f.write("  source: ANERcorp training names\n")
        total += len(keys)
    return total


def write_drafts(sentences, folder):
    """Drafts on disk and, per draft, the byte span and type of every name."""
    os.makedirs(folder, exist_ok=True)
    gold = {}
    for d in range(0, len(sentences), SENTENCES_PER_DRAFT):
        path = os.path.join(folder, f"{d // SENTENCES_PER_DRAFT:05}.txt")
        parts, offset, names = [], 0, []
        for sentence in sentences[d:d + SENTENCES_PER_DRAFT]:
            starts = []
            for i, (token, _) in enumerate(sentence):
                if i:
                    parts.append(b" ")
                    offset += 1
                starts.append(offset)
                data = token.encode("utf-8")
                parts.append(data)
                offset += len(data)
            ends = [s + len(t.encode("utf-8")) for s, (t, _) in zip(starts, sentence)]
            for start, end, kind in spans(sentence):
                names.append((starts[start], ends[end - 1], kind))
            parts.append(b"\n\n")
            offset += 2
        with open(path, "wb") as f:
            f.write(b"".join(parts))
        gold[os.path.abspath(path)] = names
    return gold


def tag(binary, gazetteer, folder):
    done = subprocess.run(
        [binary, "tag", "--format", "json", "--isolated", "--no-default-gazetteer",
         "--gazetteer", gazetteer, "--date", "2006-01-01", folder],
        capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"tadqiq exited {done.returncode}: {done.stderr[:500]}")
    report = json.loads(done.stdout)
    return {os.path.abspath(f["path"]): f["mentions"] for f in report["files"]}


def score(gold, tags, texts):
    right = wrong = found = total = 0
    errors = collections.Counter()
    for path, names in gold.items():
        mentions = tags.get(path, [])
        for m in mentions:
            if any(m["start"] < e and s < m["end"] for s, e, _ in names):
                right += 1
            else:
                wrong += 1
                errors[m["text"]] += 1
        for s, e, kind in names:
            if kind not in KINDS:
                continue
            total += 1
            if any(m["start"] < e and s < m["end"] for m in mentions):
                found += 1
    precision = right / max(1, right + wrong)
    recall = found / max(1, total)
    return precision, recall, right, wrong, found, total, errors


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus")
    ap.add_argument("--binary", default="target/release/tadqiq")
    ap.add_argument("--work", help="folder for the gazetteer and drafts (default: temporary)")
    ap.add_argument("--errors", type=int, default=25, help="how many frequent wrong tags to list")
    ap.add_argument("--word-frequencies", metavar="FILE",
                    help="mark everyday one-word names ambiguous, as gazetteer check advises")
    args = ap.parse_args()
    sentences = read_corpus(args.corpus)
    cut = len(sentences) * 5 // 6
    parts = {"train": sentences[:cut], "test": sentences[cut:]}
    with tempfile.TemporaryDirectory() as tmp:
        work = args.work or tmp
        gazetteer = os.path.join(work, "gazetteer")
        common = common_words(args.word_frequencies) if args.word_frequencies else None
        entities = build_gazetteer(parts["train"], gazetteer, common)
        print(f"corpus: {len(sentences)} sentences, {sum(map(len, sentences))} tokens; "
              f"gazetteer from the training part: {entities} entities")
        for part, sents in parts.items():
            folder = os.path.join(work, part)
            gold = write_drafts(sents, folder)
            tags = tag(args.binary, gazetteer, folder)
            p, r, right, wrong, found, total, errors = score(gold, tags, None)
            print(f"{part}: precision {p:.3f} ({right} right, {wrong} wrong tags), "
                  f"recall {r:.3f} ({found}/{total} names)")
            if part == "train" and args.errors:
                print("  most frequent wrong tags: " + ", ".join(
                    f"{t} ×{n}" for t, n in errors.most_common(args.errors)))


if __name__ == "__main__":
    main()
