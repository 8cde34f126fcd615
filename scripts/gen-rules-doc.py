#!/usr/bin/env python3
"""Regenerates docs/rules.md from `tadqiq explain` (tests/docs.rs fails when it is stale).

    cargo build && python3 scripts/gen-rules-doc.py [--binary target/debug/tadqiq]
"""

import argparse
import os
import subprocess

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--binary", default=os.path.join(ROOT, "target", "debug", "tadqiq"))
    args = ap.parse_args()
    explain = lambda *a: subprocess.run([args.binary, "explain", *a], capture_output=True, text=True, check=True).stdout
    ids = [line.split()[0] for line in explain().splitlines() if line.strip()]
    path = os.path.join(ROOT, "docs", "rules.md")
    with open(path, encoding="utf-8") as f:
        doc = f.read()
    text = doc[: doc.index("## `")]
    for rule in ids:
        text += f"## `{rule}`\n\n```text\n{explain(rule)}```\n\n"
    with open(path, "w", encoding="utf-8") as f:
        f.write(text.rstrip("\n") + "\n")


if __name__ == "__main__":
    main()
