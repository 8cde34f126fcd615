//! `--format html` v2, read from the binary's output: the summary and its
//! links, one stable anchor per finding, the table of contents, the whole
//! draft with each finding marked at its words, the filters (hidden until
//! the script shows them), Arabic phrases isolated whole, no network and
//! no monospace for Arabic. The layout itself is checked in headless
//! Chromium by tests/e2e/page_chromium.py.

mod common;

use std::path::Path;

use common::{stderr, stdout, tadqiq};

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn example_html() -> String {
    let out = tadqiq(&["check", "--format", "html", "examples/visit.md"], repo());
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    stdout(&out)
}

/// Every `id="..."` of the page.
fn ids(html: &str) -> Vec<&str> {
    html.match_indices(" id=\"")
        .map(|(i, m)| {
            let rest = &html[i + m.len()..];
            &rest[..rest.find('"').unwrap()]
        })
        .collect()
}

#[test]
fn example_has_one_anchor_per_finding_and_links_that_resolve() {
    let html = example_html();
    let ids = ids(&html);
    for id in [
        "f1-spelling-variant-20-73",
        "f1-number-conflict-20-202",
        "f1-name-conflict-24-155",
    ] {
        assert_eq!(ids.iter().filter(|&&x| x == id).count(), 1, "{id}: {ids:?}");
        // Linked from the summary, the table of contents and the draft.
        let links = html.matches(&format!("href=\"#{id}\"")).count();
        assert!(links >= 4, "{id} linked {links} times");
    }
    // No duplicate ids, and every in-page link lands on one.
    let mut sorted = ids.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(sorted.len(), ids.len(), "duplicate ids");
    for (i, m) in html.match_indices("href=\"#") {
        let rest = &html[i + m.len()..];
        let target = &rest[..rest.find('"').unwrap()];
        assert!(ids.contains(&target), "link to missing #{target}");
    }
}

#[test]
fn summary_counts_by_severity_and_rule() {
    let html = example_html();
    let summary = &html[html.find("<h2 id=\"summary\">").expect("summary")..];
    let summary = &summary[..summary.find("</table>\n<table").unwrap()];
    assert!(
        summary.contains("<td class=\"severity sev-error\">error</td><td class=\"n\">1</td><td><a href=\"#f1-name-conflict-24-155\">1</a></td>"),
        "{summary}"
    );
    assert!(
        summary.contains("<td class=\"severity sev-warning\">warning</td><td class=\"n\">2</td>"),
        "{summary}"
    );
    // Severities without findings get no row.
    assert!(!summary.contains(">info<"), "{summary}");
    assert!(html.contains(
        "<tr><td><code>name-conflict</code></td><td class=\"n\">1</td><td class=\"n\">0</td><td class=\"n\">0</td><td><a href=\"#f1-name-conflict-24-155\">1</a></td></tr>"
    ));
}

#[test]
fn the_draft_view_marks_each_finding_at_its_words() {
    let html = example_html();
    let draft = &html[html.find("<div class=\"draft\">").expect("draft view")..];
    // The primary span of the name conflict: an anchor, then the mark,
    // linked to the explanation, around exactly the two words.
    assert!(
        draft.contains("<span id=\"d-f1-name-conflict-24-155-0\"></span><a class=\"hl sev-error\" href=\"#f1-name-conflict-24-155\" data-findings=\"f1-name-conflict-24-155\" title=\"error name-conflict\">فاروق الشرع</a>"),
        "{draft}"
    );
    // Its related span in the body, dashed.
    assert!(
        draft.contains("<span id=\"d-f1-name-conflict-24-155-1\"></span><a class=\"hl sev-error rel\" href=\"#f1-name-conflict-24-155\" data-findings=\"f1-name-conflict-24-155\" title=\"error name-conflict\">أحمد الشرع</a>"),
        "{draft}"
    );
    // Every line takes its own direction; the draft's lines are all there.
    let text = std::fs::read_to_string(repo().join("examples/visit.md")).unwrap();
    let lines = draft.matches("<p class=\"ln\" dir=\"auto\">").count();
    assert_eq!(lines, text.lines().count() + 1, "one block per line");
    // Text outside the marks is the draft's, unchanged.
    assert!(draft.contains("</a> دونالد ترامب.</p>"), "{draft}");
}

#[test]
fn arabic_phrases_are_isolated_whole_and_set_in_a_proportional_font() {
    let html = example_html();
    assert!(
        html.contains("&quot;<bdi>يضم أكثر من 80 دولة</bdi>&quot; is less precise than &quot;<bdi>ويضم التحالف 89 دولة</bdi>&quot;"),
        "{html}"
    );
    // Two quoted names with only punctuation between them: two isolates.
    assert!(
        html.contains("the meeting with &quot;<bdi>دونالد ترامب</bdi>&quot;: &quot;<bdi>أحمد الشرع</bdi>&quot;"),
        "{html}"
    );
    // Notes were <pre> (monospace); no Arabic sits in a monospace element.
    assert!(!html.contains("<pre"), "{html}");
    let style = &html[html.find("<style>").unwrap()..html.find("</style>").unwrap()];
    let body_font = &style[style.find("body{font-family:").unwrap()..];
    let body_font = &body_font[..body_font.find(';').unwrap()];
    assert!(!body_font.contains("monospace"), "{body_font}");
    for class in ["rule", "where"] {
        for (i, _) in html.match_indices(&format!("class=\"{class}\">")) {
            let rest = &html[i..];
            let inner = &rest[rest.find('>').unwrap() + 1..rest.find("</span>").unwrap()];
            if style.contains(&format!(".{class},code{{font-family:ui-monospace")) {
                assert!(
                    !inner
                        .chars()
                        .any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)),
                    "Arabic in monospace .{class}: {inner}"
                );
            }
        }
    }
}

#[test]
fn the_page_is_self_contained_and_reads_without_script() {
    let html = example_html();
    for remote in [
        "http://",
        "https://",
        "@import",
        "@font-face",
        "url(",
        "src=",
    ] {
        assert!(!html.contains(remote), "{remote} in the page");
    }
    // The filters exist, hidden until the script shows them.
    assert!(html.contains("<form id=\"filters\" hidden>"), "{html}");
    assert!(html.contains("<input type=\"checkbox\" name=\"severity\" value=\"error\" checked>"));
    assert!(
        html.contains("<input type=\"checkbox\" name=\"rule\" value=\"name-conflict\" checked>")
    );
    assert_eq!(html.matches("<script>").count(), 1);
    assert!(html.contains("form.hidden=false"));
    // Filterable elements: the finding and its entry in the contents.
    assert_eq!(
        html.matches("data-finding=\"f1-name-conflict-24-155\" data-severity=\"error\" data-rule=\"name-conflict\"")
            .count(),
        2
    );
}

#[test]
fn anchors_stay_when_the_draft_grows_elsewhere() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(repo().join("examples/visit.md")).unwrap();
    std::fs::write(dir.path().join("a.md"), &text).unwrap();
    let args = ["check", "--format", "html", "a.md"];
    let before = stdout(&tadqiq(&args, dir.path()));
    std::fs::write(
        dir.path().join("a.md"),
        format!("{text}\nفقرة أخيرة بلا أسماء.\n"),
    )
    .unwrap();
    let after = stdout(&tadqiq(&args, dir.path()));
    assert_eq!(ids(&before), ids(&after)[..ids(&before).len()].to_vec());
    // Same input, same bytes.
    assert_eq!(after, stdout(&tadqiq(&args, dir.path())));
}

#[test]
fn the_draft_view_escapes_markup_and_bidi_controls() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "<img src=x onerror=alert(1)>\u{202E}\nزار الرئيس السوري فاروق الشرع واشنطن & <b>التقى</b> ترامب.\r\n",
    )
    .unwrap();
    let out = tadqiq(
        &["check", "--format", "html", "--date", "2025-11-09", "a.txt"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let html = stdout(&out);
    let draft = &html[html.find("<div class=\"draft\">").expect("draft view")..];
    assert!(
        draft.starts_with("<div class=\"draft\">\n<p class=\"ln\" dir=\"auto\">&lt;img src=x onerror=alert(1)&gt;&lt;U+202E&gt;</p>"),
        "{draft}"
    );
    assert!(
        draft.contains("واشنطن &amp; &lt;b&gt;التقى&lt;/b&gt; ترامب.</p>"),
        "{draft}"
    );
    assert!(
        draft.contains("title=\"error role-conflict\">فاروق الشرع</a>"),
        "{draft}"
    );
    assert!(!html.contains('\u{202E}') && !html.contains('\r'));
    assert!(!html.contains("<img") && !html.contains("<b>"));
}

#[test]
fn mentions_are_underlined_in_the_draft_when_asked_for() {
    let out = tadqiq(&["tag", "--format", "html", "examples/visit.md"], repo());
    let html = stdout(&out);
    assert!(
        html.contains("<span class=\"mention\">دونالد ترامب</span>"),
        "{html}"
    );
    // No findings: no filters, no script.
    assert!(!html.contains("<script>") && !html.contains("id=\"filters\""));
}
