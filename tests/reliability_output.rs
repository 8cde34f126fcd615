//! Reliability of what tadqiq writes (issue 11): `snapshot --update` never
//! hangs, never follows a symbolic link and never touches anything outside
//! `--dir`, wherever it runs from; and every output format escapes what it
//! prints, so no draft or file name can drive a terminal, fake a log line
//! or reorder a line with bidi controls.

#![cfg(unix)]

use std::fs;
use std::os::unix::fs::symlink;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

mod common;
use common::{stderr, stdout};

/// Runs the binary in `cwd`; `None` if it has not ended after `secs`
/// seconds (it is then killed).
fn tadqiq_within(args: &[&str], cwd: &Path, secs: u64) -> Option<Output> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tadqiq"))
        .args(args)
        .current_dir(cwd)
        .env_remove("NO_COLOR")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let deadline = Instant::now() + Duration::from_secs(secs);
    loop {
        if child.try_wait().expect("waiting").is_some() {
            return Some(child.wait_with_output().expect("the binary ends"));
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn tadqiq(args: &[&str], cwd: &Path) -> Output {
    tadqiq_within(args, cwd, 60).expect("tadqiq ends within a minute")
}

fn write(dir: &Path, path: &str, text: impl AsRef<[u8]>) {
    let p = dir.join(path);
    fs::create_dir_all(p.parent().unwrap()).unwrap();
    fs::write(p, text).unwrap();
}

/// A draft with one finding (an unused suppression).
const ONE_WARNING: &str = "Intro.\n\n<!-- tadqiq-ignore quote-drift -->\nThe market was quiet.\n";

/// `root/proj/drafts/a.md` and `root/outside/`, a folder `--dir` must never
/// reach.
fn project() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "proj/drafts/a.md", ONE_WARNING);
    fs::create_dir_all(tmp.path().join("outside")).unwrap();
    tmp
}

// ----------------------------------------------------------------- snapshots

#[test]
fn snapshot_update_does_not_hang_on_self_links_in_dir() {
    let tmp = project();
    let proj = tmp.path().join("proj");
    fs::create_dir_all(proj.join("snaps")).unwrap();
    for name in ["l1", "l2", "l3"] {
        symlink(".", proj.join("snaps").join(name)).unwrap();
    }
    let out = tadqiq_within(
        &["snapshot", "--dir", "snaps", "--update", "drafts"],
        &proj,
        20,
    )
    .expect("snapshot --update ends although snaps/ links to itself three times");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(proj.join("snaps/drafts/a.md.tadqiq").is_file());
    // The links are left alone.
    assert!(fs::symlink_metadata(proj.join("snaps/l1"))
        .unwrap()
        .file_type()
        .is_symlink());
}

#[test]
fn snapshot_update_never_deletes_through_a_linked_folder() {
    let tmp = project();
    let proj = tmp.path().join("proj");
    let outside = tmp.path().join("outside");
    write(&outside, "keep.md.tadqiq", "not ours");
    write(&outside, "deeper/also.md.tadqiq", "not ours either");
    fs::create_dir_all(proj.join("snaps")).unwrap();
    symlink(&outside, proj.join("snaps/out")).unwrap();
    for mode in ["--check", "--update"] {
        let out = tadqiq(&["snapshot", "--dir", "snaps", mode, "drafts"], &proj);
        assert!(
            !stdout(&out).contains("keep.md"),
            "{mode} looked through the link: {}",
            stdout(&out)
        );
    }
    assert_eq!(
        fs::read_to_string(outside.join("keep.md.tadqiq")).unwrap(),
        "not ours"
    );
    assert!(outside.join("deeper/also.md.tadqiq").exists());
}

#[test]
fn snapshot_update_from_a_subfolder_keeps_existing_snapshots() {
    let tmp = project();
    let proj = tmp.path().join("proj");
    write(&proj, "drafts/b.md", "A clean line.\n");
    let out = tadqiq(&["snapshot", "--dir", "snaps", "--update", "drafts"], &proj);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let a = fs::read_to_string(proj.join("snaps/drafts/a.md.tadqiq")).unwrap();

    // From inside drafts/, naming the same snapshot folder: nothing changes.
    let drafts = proj.join("drafts");
    let out = tadqiq(&["snapshot", "--dir", "../snaps", "--check", "."], &drafts);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let out = tadqiq(&["snapshot", "--dir", "../snaps", "--update", "."], &drafts);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "tadqiq snapshot: 2 unchanged, 0 updated, 0 created, 0 removed\n"
    );
    assert_eq!(
        fs::read_to_string(proj.join("snaps/drafts/a.md.tadqiq")).unwrap(),
        a
    );
    assert!(proj.join("snaps/drafts/b.md.tadqiq").exists());
    assert!(!proj.join("snaps/a.md.tadqiq").exists());

    // From an unrelated folder with absolute paths: the same.
    let dir = proj.join("snaps");
    let out = tadqiq(
        &[
            "snapshot",
            "--dir",
            dir.to_str().unwrap(),
            "--update",
            drafts.to_str().unwrap(),
        ],
        &tmp.path().join("outside"),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(proj.join("snaps/drafts/a.md.tadqiq").exists());
    assert!(proj.join("snaps/drafts/b.md.tadqiq").exists());

    // A draft that is really gone is still found stale from the subfolder.
    fs::remove_file(proj.join("drafts/b.md")).unwrap();
    let out = tadqiq(&["snapshot", "--dir", "../snaps", "--update", "."], &drafts);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("removed ../snaps/drafts/b.md.tadqiq (draft drafts/b.md is gone)"),
        "{}",
        stdout(&out)
    );
    assert!(proj.join("snaps/drafts/a.md.tadqiq").exists());
}

#[test]
fn snapshot_update_refuses_a_link_at_the_snapshot_path() {
    let tmp = project();
    let proj = tmp.path().join("proj");
    let victim = tmp.path().join("outside/victim.txt");
    fs::write(&victim, "precious").unwrap();
    fs::create_dir_all(proj.join("snaps/drafts")).unwrap();
    symlink(&victim, proj.join("snaps/drafts/a.md.tadqiq")).unwrap();
    for mode in ["--update", "--check"] {
        let out = tadqiq(&["snapshot", "--dir", "snaps", mode, "drafts"], &proj);
        assert_eq!(out.status.code(), Some(2), "{mode}: {}", stdout(&out));
        assert!(
            stderr(&out).contains(
                "drafts/a.md: snaps/drafts/a.md.tadqiq is a symbolic link; tadqiq does not write or read snapshots through links"
            ),
            "{mode}: {}",
            stderr(&out)
        );
    }
    assert_eq!(fs::read_to_string(&victim).unwrap(), "precious");
    assert!(fs::symlink_metadata(proj.join("snaps/drafts/a.md.tadqiq"))
        .unwrap()
        .file_type()
        .is_symlink());
}

#[test]
fn snapshot_update_never_writes_into_a_linked_folder() {
    let tmp = project();
    let proj = tmp.path().join("proj");
    let outside = tmp.path().join("outside");
    fs::create_dir_all(proj.join("snaps")).unwrap();
    symlink(&outside, proj.join("snaps/drafts")).unwrap();
    let out = tadqiq(&["snapshot", "--dir", "snaps", "--update", "drafts"], &proj);
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    assert!(
        stderr(&out).contains("snaps/drafts is a symbolic link"),
        "{}",
        stderr(&out)
    );
    assert_eq!(fs::read_dir(&outside).unwrap().count(), 0);
}

#[test]
fn checking_a_folder_with_self_links_ends() {
    let tmp = project();
    let proj = tmp.path().join("proj");
    for name in ["l1", "l2", "l3"] {
        symlink(".", proj.join("drafts").join(name)).unwrap();
    }
    let out = tadqiq_within(&["check", "drafts"], &proj, 20).expect("check ends");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

// ------------------------------------------------------------------ escaping

/// True for what no output may carry raw: C0 controls other than the line
/// feed (and the tab, which only the HTML page's own markup could hold),
/// DEL, C1 controls, bidi controls and the line/paragraph separators.
fn is_forbidden(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(c,
            '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
            | '\u{2028}' | '\u{2029}')
}

/// A file name and a draft full of what a terminal or a log viewer obeys:
/// an OSC title sequence, a colour sequence, a right-to-left override, an
/// isolate, a line break, and `%`, `:`, `,` (GitHub's escape characters).
const NASTY_NAME: &str = "dr\u{1b}]0;title\u{7}aft\u{202E}%:,\n\u{2066}x.md";
const NASTY_DRAFT: &str = "Donald Trump said: \"He is a strong guy.\u{1b}]0;pwned\u{7} We got along \u{1b}[31mreally well\u{202E} with him, 50%: yes, no.\"\n\nLater, Trump said: \"He is a strong guy. We got along very\nwell\u{2066} with him, 50%: yes, no.\"\n\n<!-- tadqiq-ignore near-miss -->\u{200F}\r\n";

fn nasty_project() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), &format!("d/{NASTY_NAME}"), NASTY_DRAFT);
    tmp
}

fn assert_clean(format: &str, text: &str) {
    let bad: Vec<String> = text
        .chars()
        .filter(|&c| is_forbidden(c))
        .map(|c| format!("U+{:04X}", c as u32))
        .collect();
    assert!(bad.is_empty(), "{format} prints raw {bad:?}:\n{text}");
}

#[test]
fn no_format_prints_a_raw_control_or_bidi_character() {
    let tmp = nasty_project();
    for format in ["human", "json", "jsonl", "sarif", "github", "html"] {
        for args in [
            vec!["check", "--format", format, "d"],
            vec!["tag", "--format", format, "d"],
            vec!["check", "--mentions", "--format", format, "d"],
        ] {
            let out = tadqiq(&args, tmp.path());
            assert_ne!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
            let text = stdout(&out);
            assert_clean(format, &text);
            assert_clean("stderr", &stderr(&out));
            if args[0] == "check" {
                assert!(
                    text.contains("quote-drift"),
                    "{args:?} found nothing: {text}"
                );
            }
        }
    }
}

#[test]
fn diff_and_snapshot_listings_print_no_raw_control_character() {
    let tmp = nasty_project();
    let draft = format!("d/{NASTY_NAME}");
    write(tmp.path(), "old.md", "A quiet line.\n");
    for args in [
        vec!["diff", "old.md", draft.as_str()],
        vec!["diff", "--format", "json", "old.md", draft.as_str()],
        vec!["snapshot", "--dir", "snaps", "--check", "d"],
        vec!["snapshot", "--dir", "snaps", "--update", "d"],
    ] {
        let out = tadqiq(&args, tmp.path());
        assert_ne!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(!out.stdout.is_empty(), "{args:?}");
        assert_clean(args[0], &stdout(&out));
        assert_clean("stderr", &stderr(&out));
    }
    // The snapshot file itself is the escaped human report.
    let snap = fs::read_dir(tmp.path().join("snaps/d"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    assert_clean("snapshot file", &fs::read_to_string(snap).unwrap());
}

#[test]
fn human_output_shows_escapes_and_keeps_one_line_per_item() {
    let tmp = nasty_project();
    let out = tadqiq(&["check", "d"], tmp.path());
    let text = stdout(&out);
    let path = "d/dr<U+001B>]0;title<U+0007>aft<U+202E>%:, <U+2066>x.md";
    // Every line is a finding, an excerpt, an `also:`, a note or the summary.
    for line in text.lines() {
        assert!(
            line.starts_with(&format!("{path}:"))
                || line.starts_with("    ")
                || line.starts_with("  also: ")
                || line.starts_with("  note: ")
                || line.starts_with("tadqiq: "),
            "a line no finding starts: {line:?}\n{text}"
        );
    }
    assert!(
        text.contains(&format!(
            "  also: {path}:1:21: \"He is a strong guy.<U+001B>]0;pwned<U+0007> We got along <U+001B>[31mreally well<U+202E> with him, 50%: yes, no.\" (body)"
        )),
        "{text}"
    );
    // The quote split by a line break stays on its excerpt line.
    assert!(
        text.contains("We got along very well<U+2066> with him"),
        "{text}"
    );
}

#[test]
fn a_note_that_spans_lines_stays_under_its_finding() {
    // unknown-name's note holds a YAML stub to paste: its lines are kept,
    // indented under the note, never at the start of a line.
    let tmp = tempfile::tempdir().unwrap();
    write(
        tmp.path(),
        "a.txt",
        "The visit to Amman was brief, and Interior Ministry spokesman Nour al-Din al-Baba said the talks went well.\n",
    );
    let out = tadqiq(&["check", "--fail-on", "never", "a.txt"], tmp.path());
    let text = stdout(&out);
    assert!(
        text.contains("\n        - id: nour-al-din-al-baba\n"),
        "{text}"
    );
    for line in text.lines() {
        assert!(
            line.starts_with("a.txt:") || line.starts_with("  ") || line.starts_with("tadqiq: "),
            "{line:?}\n{text}"
        );
    }
    let out = tadqiq(&["check", "--format", "github", "a.txt"], tmp.path());
    assert_eq!(stdout(&out).lines().count(), 1, "{}", stdout(&out));
    assert!(
        stdout(&out).contains("%0A- id: nour-al-din-al-baba%0A"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn github_output_is_one_command_per_line_with_its_escapes() {
    let tmp = nasty_project();
    let out = tadqiq(&["check", "--format", "github", "d"], tmp.path());
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    for line in &lines {
        let (head, message) = line
            .strip_prefix("::")
            .and_then(|l| l.split_once("::"))
            .unwrap_or_else(|| panic!("not a workflow command: {line:?}"));
        let (command, props) = head.split_once(' ').expect("command and properties");
        assert!(["error", "warning", "notice"].contains(&command), "{line}");
        // Properties: key=value pairs split on `,`, none with a raw `:`.
        let file = props
            .split(',')
            .find_map(|p| p.strip_prefix("file="))
            .expect("a file property");
        assert_eq!(
            file,
            "d/dr<U+001B>]0;title<U+0007>aft<U+202E>%25%3A%2C <U+2066>x.md"
        );
        for p in props.split(',') {
            assert!(
                p.split_once('=').is_some_and(|(_, v)| !v.contains(':')),
                "{p}"
            );
        }
        // A raw `%` only as the start of an escape.
        for (i, _) in message.match_indices('%') {
            let esc = &message[i..(i + 3).min(message.len())];
            assert!(["%25", "%0D", "%0A"].contains(&esc), "{message}");
        }
    }
    assert!(text.contains("title=tadqiq quote-drift::"), "{text}");
}

#[test]
fn json_formats_stay_valid_and_exact_for_any_text() {
    let tmp = nasty_project();
    // Bytes that are no UTF-8 (a lone surrogate as CESU-8, an overlong
    // slash) are refused by name; the other draft is still reported.
    write(tmp.path(), "d/zz-bad.md", b"a \xed\xa0\x80 b \xc0\xaf c\n");
    for format in ["json", "sarif"] {
        let out = tadqiq(&["check", "--format", format, "d"], tmp.path());
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        assert!(stderr(&out).contains("zz-bad.md"), "{}", stderr(&out));
        let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
        let text = stdout(&out);
        assert_clean(format, &text);
        // Escaped, not lost: the values read back are the draft's own.
        let path = if format == "json" {
            doc["files"][0]["path"].as_str().unwrap().to_string()
        } else {
            doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["snippet"]
                ["text"]
                .as_str()
                .unwrap()
                .to_string()
        };
        if format == "json" {
            assert_eq!(path, format!("d/{NASTY_NAME}"));
            assert!(text.contains("\\u202e"), "{text}");
        } else {
            assert!(path.contains("very\nwell\u{2066}"), "{path:?}");
        }
    }
    let out = tadqiq(&["check", "--format", "jsonl", "d"], tmp.path());
    for line in stdout(&out).lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("each line is JSON");
        assert_eq!(v["path"], format!("d/{NASTY_NAME}"));
    }
}

#[test]
fn html_isolates_paths_and_arabic_phrases() {
    let tmp = tempfile::tempdir().unwrap();
    // A file named with a right-to-left override, and a finding whose
    // message quotes Arabic with digits inside the phrase.
    write(
        tmp.path(),
        "x\u{202E}dm.a.md",
        "<!-- tadqiq-ignore quote-drift -->\nاعتقال 34 شخصاً في المدينة.\n",
    );
    let out = tadqiq(&["check", "--format", "html", "."], tmp.path());
    let page = stdout(&out);
    assert_clean("html", &page);
    assert!(
        page.contains("<h2><bdi>x&lt;U+202E&gt;dm.a.md</bdi></h2>"),
        "{page}"
    );
    assert!(
        page.contains("<span class=\"where\"><bdi>x&lt;U+202E&gt;dm.a.md</bdi>:1:1</span>"),
        "{page}"
    );
}
