#!/usr/bin/env python3
"""tadqiq serve seen through a LanguageTool client nobody here wrote.

Starts `tadqiq serve` on a free port (the binary given as the first
argument, else target/release/tadqiq), points `language_tool_python`
(PyPI) at it with `remote_server`, and checks that the findings come back
as LanguageTool matches whose offsets slice exactly the flagged words:
the bundled example, the Arabic conflicts fixture after an emoji, an
English draft, and `disabledRules` / `enabledRules` + `enabledOnly`.

Exits 0 when every check passes, 1 with the failures listed otherwise.
"""

import os
import re
import subprocess
import sys
import threading

import language_tool_python

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FAILURES = []


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what)
    if not condition:
        FAILURES.append(what)


def start(binary):
    proc = subprocess.Popen(
        [binary, "serve", "--addr", "127.0.0.1:0"],
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    line = proc.stderr.readline()
    found = re.search(r"listening on (http://\S+)", line)
    if not found:
        proc.kill()
        sys.exit(f"tadqiq serve did not start: {line!r}")
    # Keep draining stderr so the server never blocks on it.
    threading.Thread(target=proc.stderr.read, daemon=True).start()
    return proc, found.group(1)


def read(path):
    with open(os.path.join(ROOT, path), encoding="utf-8") as f:
        return f.read()


def flagged(text, matches):
    """(rule id, the words the match's offset and length slice, match)."""
    return [(m.rule_id, text[m.offset : m.offset + m.error_length], m) for m in matches]


def first(found, rule):
    return next((f for f in found if f[0] == rule), None)


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "target/release/tadqiq")
    proc, url = start(binary)
    try:
        run(url)
    finally:
        proc.terminate()
        try:
            code = proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            code = None
        check(code == 0, f"the server stops cleanly on SIGTERM (exit {code})")
    if FAILURES:
        print(f"\n{len(FAILURES)} check(s) failed:")
        for f in FAILURES:
            print(f"  - {f}")
        sys.exit(1)
    print("\nall language_tool_python checks passed")


def run(url):
    from importlib.metadata import version

    print(f"language_tool_python {version('language_tool_python')} -> {url}")
    tool = language_tool_python.LanguageTool("auto", remote_server=url)

    # The bundled example: the name-conflict at the right words.
    text = read("examples/visit.md")
    found = flagged(text, tool.check(text))
    conflict = first(found, "name-conflict")
    check(conflict is not None and conflict[1] == "فاروق الشرع",
          f"examples/visit.md: name-conflict slices 'فاروق الشرع' (got {conflict and conflict[1]!r})")

    # The seed-like Arabic draft after characters outside the BMP, dated by a
    # `date:` line: all four conflicts of the seed article.
    text = "date: 2025-11-09\n😀🇸🇾 " + read("tests/fixtures/ar-visit-conflicts.txt")
    found = flagged(text, tool.check(text))
    rules = sorted({f[0] for f in found})
    print(f"     rules found: {rules}")
    conflict = first(found, "name-conflict")
    check(conflict is not None and conflict[1] == "فاروق الشرع",
          f"after an emoji: name-conflict slices 'فاروق الشرع' (got {conflict and conflict[1]!r})")
    check(conflict is not None and "أحمد الشرع" in conflict[2].message,
          "the name-conflict message names the other place")
    number = first(found, "number-conflict")
    check(number is not None and number[1] == "يضم أكثر من 80 دولة",
          f"number-conflict slices 'يضم أكثر من 80 دولة' (got {number and number[1]!r})")
    quote = first(found, "quote-drift")
    check(quote is not None and "تفاهمت معه بشكل جيد" in quote[1],
          f"quote-drift slices the drifted quote (got {quote and quote[1][:40]!r})")
    spellings = [f for f in found if f[0] == "spelling-variant"]
    check(bool(spellings) and all("أمريكي" in f[1] for f in spellings),
          f"spelling-variant slices the أمريكي spellings (got {[f[1] for f in spellings]})")
    check(bool(spellings) and all(f[2].replacements == [f[1].replace("أمريكي", "أميركي")] for f in spellings),
          f"spelling-variant offers the house style (got {[f[2].replacements for f in spellings]})")
    check(all(f[2].replacements == [] for f in found if f[0] != "spelling-variant"),
          "other rules offer no replacement")

    # An English draft.
    text = read("tests/fixtures/en-visit-conflicts.md")
    found = flagged(text, tool.check(text))
    conflict = first(found, "name-conflict")
    check(conflict is not None and conflict[1] == "Farouk al-Sharaa",
          f"English: name-conflict slices 'Farouk al-Sharaa' (got {conflict and conflict[1]!r})")
    number = first(found, "number-conflict")
    check(number is not None and number[1] == "includes more than 80 countries",
          f"English: number-conflict slices 'includes more than 80 countries' (got {number and number[1]!r})")

    # disabledRules turns a rule off; enabledRules + enabledOnly keeps one.
    text = "date: 2025-11-09\n" + read("tests/fixtures/ar-visit-conflicts.txt")
    tool.disabled_rules = {"name-conflict"}
    found = flagged(text, tool.check(text))
    check(first(found, "name-conflict") is None and first(found, "quote-drift") is not None,
          "disabledRules=name-conflict drops the name-conflict only")
    tool.disabled_rules = set()
    tool.enabled_rules = {"quote-drift"}
    tool.enabled_rules_only = True
    found = flagged(text, tool.check(text))
    check(bool(found) and all(f[0] == "quote-drift" for f in found),
          f"enabledRules=quote-drift + enabledOnly gives quote-drift only (got {sorted({f[0] for f in found})})")
    tool.enabled_rules = set()
    tool.enabled_rules_only = False

    # Clean text: nothing.
    text = read("tests/fixtures/en-clean.md")
    check(tool.check(text) == [], "a clean English draft gives no match")
    tool.close()


if __name__ == "__main__":
    main()
