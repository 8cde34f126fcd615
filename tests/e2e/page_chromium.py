#!/usr/bin/env python3
"""End-to-end check of tadqiq's two pages in a real headless Chromium.

1. `tadqiq serve` and its page at `/`: paste examples/visit.md, press
   Check, and assert that the name-conflict is marked at exactly the words
   `tadqiq check --format json` reports (text and UTF-16 position), that its
   explanation is beside it and reachable from the keyboard, that the
   severity filter hides and shows it, and that the draft reads right to
   left. Screenshot: target/e2e/page.png.
2. `tadqiq check --format html`: assert from the rendered layout that an
   Arabic phrase quoted in an English message keeps its word order
   ("اعتقال 34 شخصاً" reads right to left, as one phrase, where the English
   puts it), that no Arabic is set in a monospace font, that the filters
   work, and that without JavaScript the page shows every finding and no
   dead controls. Screenshot: target/e2e/report.png.

Needs Debian's `chromium` and `chromium-driver` and the `selenium` package;
the driver is given by path, so nothing is downloaded. No network: the
server listens on 127.0.0.1 and the report is a local file.

Usage: tests/e2e/page_chromium.py [--binary target/release/tadqiq]
Exit status 0 when every check passes, 1 otherwise.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

from selenium import webdriver
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "visit.md"
OUT = ROOT / "target" / "e2e"

# A draft whose number-conflict message quotes an Arabic phrase with digits
# inside it: the phrase the first HTML report showed reversed.
ARREST_DRAFT = (
    "أعلنت وزارة الداخلية السورية اعتقال 34 شخصاً في حلب.\n\n"
    "وقالت الوزارة إنها اعتقال 43 شخصاً في حلب.\n"
)

FAILURES = []


def check(condition, message):
    if condition:
        print(f"ok: {message}")
    else:
        print(f"FAIL: {message}")
        FAILURES.append(message)
    return condition


def utf16_len(text):
    return len(text.encode("utf-16-le")) // 2


def utf16_offset(text, byte_offset):
    """The UTF-16 position of a byte offset of `text`'s UTF-8 encoding."""
    return utf16_len(text.encode("utf-8")[:byte_offset].decode("utf-8"))


def find_program(names, fallbacks):
    for name in names:
        path = shutil.which(name)
        if path:
            return path
    for path in fallbacks:
        if os.path.exists(path):
            return path
    sys.exit(f"page_chromium: none of {names} found; install chromium and chromium-driver")


def start_browser(javascript=True):
    options = webdriver.ChromeOptions()
    options.binary_location = find_program(
        ["chromium", "chromium-browser"], ["/usr/bin/chromium", "/usr/lib/chromium/chromium"]
    )
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--window-size=1400,1800",
        "--lang=en-US",
        "--no-first-run",
        "--disable-extensions",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ):
        options.add_argument(arg)
    if not javascript:
        options.add_experimental_option(
            "prefs", {"profile.managed_default_content_settings.javascript": 2}
        )
    driver_path = find_program(
        ["chromedriver"], ["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"]
    )
    return webdriver.Chrome(service=Service(executable_path=driver_path), options=options)


def start_server(binary):
    """Starts `tadqiq serve` on a free port; returns (process, base URL)."""
    proc = subprocess.Popen(
        [str(binary), "serve", "--addr", "127.0.0.1:0"],
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    found = {}

    def read():
        for line in proc.stderr:
            sys.stderr.write(f"[serve] {line}")
            m = re.search(r"listening on (http://\S+)", line)
            if m and "url" not in found:
                found["url"] = m.group(1).rstrip("/")

    threading.Thread(target=read, daemon=True).start()
    deadline = time.time() + 60
    while "url" not in found:
        if proc.poll() is not None:
            sys.exit(f"page_chromium: tadqiq serve exited with {proc.returncode} before listening")
        if time.time() > deadline:
            proc.kill()
            sys.exit("page_chromium: tadqiq serve did not print 'listening on http://...' within 60 s")
        time.sleep(0.05)
    return proc, found["url"]


def cli_report(binary, path, *extra):
    out = subprocess.run(
        [str(binary), "check", "--format", "json", *extra, str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if out.returncode not in (0, 1):
        sys.exit(f"page_chromium: tadqiq check failed ({out.returncode}): {out.stderr}")
    return json.loads(out.stdout)


def shoot(driver, path, height=None):
    """A screenshot of the whole page (the window grown to its height)."""
    height = height or driver.execute_script(
        "return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight)"
    )
    driver.set_window_size(1400, min(max(int(height) + 40, 900), 6000))
    time.sleep(0.2)
    driver.save_screenshot(str(path))
    print(f"screenshot: {path}")


# The rendered boxes of words inside an element, from a Range over its text.
WORD_BOXES = """
const [root, words] = arguments;
const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
let text = '', nodes = [];
for (let n = walker.nextNode(); n; n = walker.nextNode()) { nodes.push([n, text.length]); text += n.data; }
function locate(offset) {
  for (let i = nodes.length - 1; i >= 0; i--) if (nodes[i][1] <= offset) return [nodes[i][0], offset - nodes[i][1]];
}
let from = 0, out = [];
for (const w of words) {
  const at = text.indexOf(w, from);
  if (at < 0) { out.push(null); continue; }
  const r = document.createRange();
  const [sn, so] = locate(at), [en, eo] = locate(at + w.length);
  r.setStart(sn, so); r.setEnd(en, eo);
  const b = r.getBoundingClientRect();
  out.push({left: b.left, right: b.right, top: b.top, bottom: b.bottom});
  from = at + w.length;
}
return out;
"""


def check_page(driver, binary):
    expected = cli_report(binary, EXAMPLE)["files"][0]["findings"]
    conflicts = [f for f in expected if f["rule"] == "name-conflict"]
    if not check(len(conflicts) == 1, "the CLI reports one name-conflict on examples/visit.md"):
        return
    conflict = conflicts[0]
    text = EXAMPLE.read_text(encoding="utf-8")
    proc, url = start_server(binary)
    try:
        driver.get(url + "/")
        check("tadqiq" in driver.title, f"GET / serves the page ({driver.title!r})")
        # The page's own byte-to-UTF-16 conversion (used when a report has
        # byte offsets only), on text with Arabic, a flag and an emoji.
        sample = "📰 اعتقال 34 شخصاً 🇸🇾 é\n"
        got = driver.execute_script("return Array.from(window.tadqiq.byteToUtf16Map(arguments[0]))", sample)
        want = []
        for k, c in enumerate(sample):
            want += [utf16_len(sample[:k])] * len(c.encode("utf-8"))
        want.append(utf16_len(sample))
        check(got == want, "the page converts UTF-8 byte offsets to UTF-16 (astral characters included)")

        # Paste: the textarea gets the draft as the clipboard would put it.
        area = driver.find_element(By.ID, "text")
        driver.execute_script(
            "arguments[0].value = arguments[1];"
            "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
            area,
            text,
        )
        check(area.get_attribute("value") == text, "the draft is in the text box")
        driver.find_element(By.ID, "check").click()
        try:
            WebDriverWait(driver, 30).until(
                lambda d: d.find_elements(By.CSS_SELECTOR, "#explain .finding")
                or "failed" in d.find_element(By.ID, "status").text
            )
        except TimeoutException:
            check(False, "results appear within 30 s")
            return
        status = driver.find_element(By.ID, "status").text
        check("failed" not in status, f"the check succeeds ({status!r})")

        items = driver.find_elements(By.CSS_SELECTOR, "#explain .finding")
        check(
            [i.get_attribute("data-rule") for i in items] == [f["rule"] for f in expected],
            "the page explains the same findings as the CLI, in order",
        )
        index = [f["rule"] for f in expected].index("name-conflict")
        item = driver.find_element(By.ID, f"finding-{index}")
        check("error" in item.text and "name-conflict" in item.text, "the explanation names rule and severity")
        check(conflict["spans"][0]["text"] in item.text, "the explanation quotes the conflicting name")
        check(all(n.split(":")[0][:20] in item.text for n in conflict["notes"][:1]),
              "the explanation shows the notes")

        # An Arabic phrase with a number, quoted in an English message,
        # keeps its order beside the draft too.
        msg = driver.find_element(By.CSS_SELECTOR, '#explain .finding[data-rule="number-conflict"] .message')
        boxes = driver.execute_script(WORD_BOXES, msg, ["يضم", "أكثر", "من", "80", "دولة", "is"])
        if check(all(boxes), "the number-conflict message is explained"):
            xs = [b["left"] for b in boxes[:5]]
            same_line = len({round(b["top"]) for b in boxes[:5]}) == 1
            check(not same_line or xs == sorted(xs, reverse=True),
                  f"'يضم أكثر من 80 دولة' reads right to left in the explanation ({xs})")

        # Each span of the finding: marked at exactly its words.
        for k, span in enumerate(conflict["spans"]):
            marks = driver.find_elements(
                By.CSS_SELECTOR, f'#draft a.hl[data-finding="{index}"][data-span="{k}"]'
            )
            got = "".join(m.text for m in marks)
            start = min((float(m.get_attribute("data-start")) for m in marks), default=-1)
            end = max((float(m.get_attribute("data-end")) for m in marks), default=-1)
            want_start = utf16_offset(text, span["start"])
            want_end = utf16_offset(text, span["end"])
            check(
                got == span["text"] and (start, end) == (want_start, want_end),
                f"span {k} of the name-conflict is marked at {span['line']}:{span['column']} "
                f"{span['text']!r} (got {got!r} at {start}..{end}, want {want_start}..{want_end})",
            )
            if marks:
                mark = marks[0]
                bg = mark.value_of_css_property("background-color")
                border = mark.value_of_css_property("border-bottom-color")
                check(
                    bg not in ("rgba(0, 0, 0, 0)", "transparent") or k > 0,
                    f"span {k} is highlighted (background {bg}, border {border})",
                )
                direction = driver.execute_script(
                    "return getComputedStyle(arguments[0].closest('p')).direction", mark
                )
                check(direction == "rtl", f"the paragraph of span {k} reads right to left ({direction})")
        primary = driver.find_element(
            By.CSS_SELECTOR, f'#draft a.hl[data-finding="{index}"][data-span="0"]'
        )
        # The explanation sits beside the draft, not below it.
        draft_box = driver.find_element(By.ID, "draft").rect
        explain_box = driver.find_element(By.ID, "explain").rect
        check(
            explain_box["x"] >= draft_box["x"] + draft_box["width"] - 1
            and explain_box["y"] < draft_box["y"] + draft_box["height"],
            "the explanations are beside the draft",
        )

        # Keyboard: Tab reaches the mark; Enter selects its explanation.
        driver.execute_script("arguments[0].focus()", primary)
        check(driver.switch_to.active_element == primary, "the mark takes keyboard focus")
        primary.send_keys(Keys.ENTER)
        time.sleep(0.2)
        active = driver.switch_to.active_element
        check(
            active.get_attribute("id") == f"finding-{index}" and "current" in item.get_attribute("class"),
            "Enter on the mark moves focus to its explanation",
        )
        # And back: the explanation's button shows the span in the draft.
        item.find_element(By.CSS_SELECTOR, 'button.spanlink[data-span="0"]').click()
        time.sleep(0.2)
        check(driver.switch_to.active_element == primary, "the explanation's button focuses the mark")

        # The severity filter hides the error and shows it again.
        box = driver.find_element(By.CSS_SELECTOR, '#filters input[name="severity"][value="error"]')
        box.click()
        time.sleep(0.1)
        warnings = [i for i in items if i.get_attribute("data-severity") == "warning"]
        check(not item.is_displayed(), "unticking 'error' hides the name-conflict explanation")
        check(all(w.is_displayed() for w in warnings), "... and keeps the warnings")
        check("off" in primary.get_attribute("class")
              and primary.value_of_css_property("background-color") in ("rgba(0, 0, 0, 0)", "transparent"),
              "... and takes the highlight off its words")
        box.click()
        time.sleep(0.1)
        check(item.is_displayed() and "off" not in primary.get_attribute("class"),
              "ticking 'error' again shows it")
        rule_box = driver.find_element(By.CSS_SELECTOR, '#filters input[name="rule"][value="spelling-variant"]')
        rule_box.click()
        time.sleep(0.1)
        hidden = [i for i in items if i.get_attribute("data-rule") == "spelling-variant"]
        check(hidden and not any(i.is_displayed() for i in hidden) and item.is_displayed(),
              "the rule filter hides only that rule")
        rule_box.click()

        # Mentions are underlined in place.
        mentions = driver.find_elements(By.CSS_SELECTOR, "#draft .mention")
        check(any(m.text == "دونالد ترامب" for m in mentions), "mentions are marked in the draft")

        # Screenshot with the name-conflict selected.
        primary.click()
        driver.execute_script("window.scrollTo(0, 0)")
        shoot(driver, OUT / "page.png")

        # Open a file: the browser reads it, the date comes from its front
        # matter, and Ctrl+Enter in the text box checks it.
        driver.execute_script("arguments[0].value = ''", area)
        driver.find_element(By.ID, "file").send_keys(str(EXAMPLE))
        try:
            WebDriverWait(driver, 10).until(lambda d: area.get_attribute("value") == text)
            check(True, "opening examples/visit.md puts it in the text box")
        except TimeoutException:
            check(False, "opening examples/visit.md puts it in the text box")
        check(driver.find_element(By.ID, "date").get_attribute("value") == "2025-11-09",
              "the date is taken from the file's front matter")
        driver.execute_script("document.getElementById('draft').textContent = ''")
        area.send_keys(Keys.CONTROL, Keys.ENTER)
        try:
            WebDriverWait(driver, 30).until(
                lambda d: len(d.find_elements(By.CSS_SELECTOR, "#draft a.hl")) > 0
            )
            check(True, "Ctrl+Enter checks the opened file")
        except TimeoutException:
            check(False, "Ctrl+Enter checks the opened file")

        # A draft with characters outside the BMP before the finding (two
        # UTF-16 units each in JS, four bytes in the report): still marked
        # at its words.
        emoji_text = "📰🇸🇾 " + ARREST_DRAFT
        emoji_file = OUT / "arrests-emoji.txt"
        emoji_file.write_text(emoji_text, encoding="utf-8")
        every = cli_report(binary, emoji_file.relative_to(ROOT), "--date", "2025-11-09")["files"][0]["findings"]
        want = [f for f in every if f["rule"] == "number-conflict"]
        driver.execute_script("arguments[0].value = arguments[1]", area, emoji_text)
        driver.execute_script("arguments[0].value = '2025-11-09'", driver.find_element(By.ID, "date"))
        driver.execute_script("arguments[0].value = 'text'", driver.find_element(By.ID, "format"))
        driver.execute_script("document.getElementById('draft').textContent = ''")
        driver.find_element(By.ID, "check").click()
        try:
            WebDriverWait(driver, 30).until(
                lambda d: d.find_elements(By.CSS_SELECTOR, '#draft a.hl[data-rule="number-conflict"]')
            )
        except TimeoutException:
            pass
        if check(len(want) == 1, "the CLI finds the number-conflict after the emoji"):
            for k, span in enumerate(want[0]["spans"]):
                n = every.index(want[0])
                marks = driver.find_elements(By.CSS_SELECTOR, f'#draft a.hl[data-finding="{n}"][data-span="{k}"]')
                got = "".join(m.text for m in marks)
                start = min((float(m.get_attribute("data-start")) for m in marks), default=-1)
                want_start = utf16_offset(emoji_text, span["start"])
                check(got == span["text"] and start == want_start,
                      f"after an emoji, span {k} is marked at {span['text']!r} ({got!r} at {start}, want {want_start})")
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
        check(proc.returncode == 0, f"tadqiq serve stops cleanly on SIGTERM (exit {proc.returncode})")


def check_report(driver, binary):
    draft = OUT / "arrests.txt"
    draft.write_text(ARREST_DRAFT, encoding="utf-8")
    page = OUT / "report.html"
    out = subprocess.run(
        [
            str(binary), "check", "--format", "html", "--date", "2025-11-09",
            str(EXAMPLE.relative_to(ROOT)), str(draft.relative_to(ROOT)),
        ],
        cwd=ROOT,
        capture_output=True,
    )
    check(out.returncode == 1, f"tadqiq check --format html exits 1 on errors ({out.returncode})")
    page.write_bytes(out.stdout)
    driver.get(page.as_uri())

    # The message of the arrests' number-conflict, as laid out.
    messages = [
        p for p in driver.find_elements(By.CSS_SELECTOR, '.finding[data-rule="number-conflict"] p')
        if "contradicts" in p.text
    ]
    if check(len(messages) == 1, "the report has the arrests' number-conflict message"):
        msg = messages[0]
        words = ["اعتقال", "43", "شخصاً", "contradicts", "اعتقال", "34", "شخصاً", "both"]
        boxes = driver.execute_script(WORD_BOXES, msg, words)
        if check(all(boxes) and len({round(b["top"]) for b in boxes}) == 1,
                 f"the phrase is laid out on one line ({boxes})"):
            a1, n1, s1, en, a2, n2, s2, both = boxes
            # Within each phrase the words run right to left: the first word
            # rightmost, then the number, then the last word.
            for name, (a, n, s) in (("first", (a1, n1, s1)), ("second", (a2, n2, s2))):
                check(a["left"] >= n["right"] - 0.5 and n["left"] >= s["right"] - 0.5,
                      f"the {name} quoted phrase reads اعتقال ← N ← شخصاً right to left")
            # The phrases stay where the English puts them.
            check(max(a1["right"], n1["right"], s1["right"]) <= en["left"] + 0.5,
                  "the first phrase comes before 'contradicts'")
            check(en["right"] <= min(a2["left"], n2["left"], s2["left"]) + 0.5
                  and max(a2["right"], n2["right"], s2["right"]) <= both["left"] + 0.5,
                  "the second phrase sits between 'contradicts' and 'both'")
    visit = [
        p for p in driver.find_elements(By.CSS_SELECTOR, '.finding[data-rule="number-conflict"] p')
        if "less precise" in p.text
    ]
    if check(len(visit) == 1, "the report has the example's number-conflict message"):
        boxes = driver.execute_script(WORD_BOXES, visit[0], ["يضم", "أكثر", "من", "80", "دولة", "is"])
        if check(all(boxes), "the words of 'يضم أكثر من 80 دولة' are found"):
            xs = [b["left"] for b in boxes[:5]]
            check(xs == sorted(xs, reverse=True), f"'يضم أكثر من 80 دولة' reads right to left ({xs})")
            check(max(b["right"] for b in boxes[:5]) <= boxes[5]["left"] + 0.5,
                  "... and comes before 'is less precise'")

    # No Arabic in a monospace font.
    mono = driver.execute_script(
        """
        const bad = [];
        for (const e of document.body.querySelectorAll('*')) {
          const own = [...e.childNodes].filter(n => n.nodeType === 3).map(n => n.data).join('');
          if (/[\\u0600-\\u06ff]/.test(own) && /mono/i.test(getComputedStyle(e).fontFamily.split(',')[0]))
            bad.push(e.tagName + ': ' + own.slice(0, 40));
        }
        return bad;
        """
    )
    check(mono == [], f"no Arabic is set in a monospace font ({mono[:3]})")

    # The draft view: the arrests' conflict marked at its words, right to left.
    marks = driver.find_elements(By.CSS_SELECTOR, '#file-2 .draft a.hl.sev-error:not(.rel)')
    check([m.text for m in marks] == ["اعتقال 43 شخصاً"],
          f"the draft view marks the conflicting phrase ({[m.text for m in marks]})")
    if marks:
        check(driver.execute_script("return getComputedStyle(arguments[0].closest('p')).direction", marks[0]) == "rtl",
              "the draft's lines read right to left")
        target = marks[0].get_attribute("href").split("#", 1)[1]
        marks[0].click()
        time.sleep(0.2)
        check(driver.execute_script("return location.hash") == "#" + target
              and driver.find_element(By.ID, target).get_attribute("data-rule") == "number-conflict",
              "the mark links to its explanation")

    # Filters (the script shows them).
    form = driver.find_element(By.ID, "filters")
    check(form.is_displayed(), "the filters show with JavaScript on")
    errors = driver.find_elements(By.CSS_SELECTOR, 'li.finding[data-severity="error"]')
    warnings = driver.find_elements(By.CSS_SELECTOR, 'li.finding[data-severity="warning"]')
    form.find_element(By.CSS_SELECTOR, 'input[name="severity"][value="warning"]').click()
    time.sleep(0.1)
    check(warnings and not any(w.is_displayed() for w in warnings) and all(e.is_displayed() for e in errors),
          "unticking 'warning' hides the warnings only")
    form.find_element(By.CSS_SELECTOR, 'input[name="severity"][value="warning"]').click()
    time.sleep(0.1)
    check(all(w.is_displayed() for w in warnings), "ticking it again shows them")
    driver.execute_script("window.scrollTo(0, 0)")
    shoot(driver, OUT / "report.png")
    return page


def check_report_without_script(page):
    driver = start_browser(javascript=False)
    try:
        driver.get(page.as_uri())
        findings = driver.find_elements(By.CSS_SELECTOR, "li.finding")
        check(findings and all(f.is_displayed() for f in findings),
              f"without JavaScript every finding shows ({len(findings)})")
        check(not driver.find_element(By.ID, "filters").is_displayed(),
              "without JavaScript the filters (which would do nothing) are hidden")
    finally:
        driver.quit()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", default=str(ROOT / "target" / "release" / "tadqiq"))
    args = parser.parse_args()
    binary = Path(args.binary).resolve()
    if not binary.exists():
        sys.exit(f"page_chromium: {binary} not found; run `cargo build --release` first")
    OUT.mkdir(parents=True, exist_ok=True)
    driver = start_browser()
    try:
        check_page(driver, binary)
        page = check_report(driver, binary)
    finally:
        driver.quit()
    check_report_without_script(page)
    if FAILURES:
        print(f"\n{len(FAILURES)} check(s) failed:")
        for f in FAILURES:
            print(f"  - {f}")
        return 1
    print("\nall checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
