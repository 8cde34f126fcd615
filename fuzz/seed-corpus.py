#!/usr/bin/env python3
"""Seeds fuzz/corpus/TARGET/ from the repository's fixtures, so that the
fuzzers start from real drafts, gazetteer entries, configs and baselines.

usage: python3 fuzz/seed-corpus.py [TADQIQ_BINARY]
The binary (default target/release/tadqiq) writes one real baseline per
fixture with `check --write-baseline`; without it the baseline corpus gets
only the hand-written seeds. Re-running replaces the seeds, keeps whatever
the fuzzers added."""
import glob, os, subprocess, sys, tempfile

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
corpus = os.path.join(root, "fuzz", "corpus")
binary = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "target", "release", "tadqiq")


def put(target, name, data):
    d = os.path.join(corpus, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "seed-" + name), "wb") as f:
        f.write(data)


fixtures = sorted(p for p in glob.glob(os.path.join(root, "tests", "fixtures", "*"))
                  if p.endswith((".txt", ".md")) and not p.endswith("README.md"))
for p in fixtures:
    data = open(p, "rb").read()
    name = os.path.basename(p)
    # The first byte is the harness's settings (see src/fuzzing.rs): every
    # format with tag and a determinism check, and one plain check.
    md = 1 if p.endswith(".md") else 0
    put("draft", name + ".all", bytes([0xF0 | md | 2]) + data)
    put("draft", name + ".json", bytes([0x08 | md]) + data)

for p in sorted(glob.glob(os.path.join(root, "gazetteer", "**", "*.yaml"), recursive=True)):
    base = os.path.basename(p)
    kind = 0 if base.startswith("people") else 1 if base.startswith("places") else 2
    text = open(p, encoding="utf-8").read()
    for i, entry in enumerate(text.split("\n- ")[1:]):
        put("gazetteer", f"{base}.{i}", bytes([kind]) + ("- " + entry).encode())

configs = [
    "",
    "fail-on: warning\nrules:\n  quote-drift: off\n  number-conflict: warning\n",
    "gazetteers: [newsroom/gazetteer]\ndefault-gazetteer: false\ndisable-entities: [farouk-al-sharaa]\n",
    "prefer:\n  entities: {ahmed-al-sharaa: أحمد الشرع}\n  words:\n    - [أمريكي, أميركي]\n",
    "sections:\n  appended: [إقرأ أيضاً, Read more]\n  boilerplate: [جميع الحقوق محفوظة]\n",
    "include: [\"drafts/**/*.md\", \"*.txt\"]\nexclude: [\"drafts/old/**\"]\n",
]
for i, c in enumerate(configs):
    put("config", f"{i}.yaml", c.encode())

put("baseline", "empty.json", b'{"tool": "tadqiq", "version": 1, "findings": []}\n')
if os.path.exists(binary):
    with tempfile.TemporaryDirectory() as tmp:
        for p in fixtures:
            out = os.path.join(tmp, "b.json")
            subprocess.run([binary, "check", "--isolated", "--fail-on", "never", "--write-baseline", out,
                            os.path.relpath(p, root)], cwd=root,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            if os.path.exists(out):
                put("baseline", os.path.basename(p) + ".json", open(out, "rb").read())
else:
    print(f"{binary} not found: baseline corpus has the hand-written seed only", file=sys.stderr)
for t in sorted(os.listdir(corpus)):
    print(t, len(os.listdir(os.path.join(corpus, t))), "files")
