//! The page `tadqiq serve` answers at `/`, read as the binary embeds it:
//! self-contained (nothing from the network), the draft never written as
//! markup, and the controls an editor needs, each with a label. Its
//! behaviour in a browser is checked by tests/e2e/page_chromium.py.

const PAGE: &str = include_str!("../src/serve/page.html");

#[test]
fn the_page_loads_nothing_from_the_network() {
    for remote in [
        "http://",
        "https://",
        "//cdn",
        "@import",
        "@font-face",
        "url(",
        " src=",
        "<link",
        "<iframe",
    ] {
        assert!(!PAGE.contains(remote), "the page holds {remote:?}");
    }
    // One inline script, one inline style.
    assert_eq!(PAGE.matches("<script>").count(), 1);
    assert_eq!(PAGE.matches("<style>").count(), 1);
    // It posts to the API relative to where it is served.
    assert!(PAGE.contains("fetch('v1/check'"));
    assert!(PAGE.contains("method: 'POST'"));
}

#[test]
fn the_draft_and_the_report_are_written_as_text_never_as_markup() {
    for sink in [
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "document.write",
        "eval(",
    ] {
        assert!(!PAGE.contains(sink), "the page uses {sink}");
    }
    assert!(PAGE.contains("document.createTextNode"));
}

#[test]
fn the_page_has_the_controls_an_editor_needs_each_labelled() {
    for control in [
        "<textarea id=\"text\"",
        "<input type=\"file\" id=\"file\"",
        "<input type=\"date\" id=\"date\"",
        "<select id=\"format\" name=\"format\"><option value=\"markdown\">markdown</option><option value=\"text\">text</option></select>",
        "<button type=\"submit\" class=\"primary\" id=\"check\">Check</button>",
    ] {
        assert!(PAGE.contains(control), "missing {control}");
    }
    assert!(PAGE.contains("<label for=\"text\">"));
    for id in ["file", "date", "format"] {
        let at = PAGE.find(&format!("id=\"{id}\"")).unwrap();
        let before = &PAGE[..at];
        let open = before.rfind("<label").unwrap();
        assert!(
            !before[open..].contains("</label>"),
            "#{id} is not inside a label"
        );
    }
    // Results are announced to screen readers.
    assert!(PAGE.contains("role=\"status\" aria-live=\"polite\""));
}
