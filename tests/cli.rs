//! The built binary on files in a temporary folder: exit codes, JSON shape,
//! and one clear error line for every kind of bad input.

use std::process::{Command, Stdio};

mod common;
use common::{stderr, stdout, tadqiq};

const DRAFT: &str = "زار الرئيس السوري أحمد الشرع واشنطن، والتقى بترامب في البيت الأبيض.\n\nوقال الشرع إن العلاقة مع الولايات المتحدة تتغير.\n";

#[test]
fn tag_json_has_the_documented_shape_and_exact_spans() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), DRAFT).unwrap();
    let out = tadqiq(&["tag", "--format", "json", "a.txt"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["tool"]["name"], "tadqiq");
    assert_eq!(json["summary"]["files"], 1);
    let file = &json["files"][0];
    assert_eq!(file["path"], "a.txt");
    assert_eq!(file["findings"].as_array().map(Vec::len), Some(0));
    let mentions = file["mentions"].as_array().unwrap();
    let texts: Vec<&str> = mentions
        .iter()
        .map(|m| m["text"].as_str().unwrap())
        .collect();
    for want in [
        "السوري",
        "أحمد الشرع",
        "واشنطن",
        "بترامب",
        "البيت الأبيض",
        "الشرع",
        "الولايات المتحدة",
    ] {
        assert!(texts.contains(&want), "{want} not tagged in {texts:?}");
    }
    let bytes = DRAFT.as_bytes();
    for m in mentions {
        let (s, e) = (
            m["start"].as_u64().unwrap() as usize,
            m["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            std::str::from_utf8(&bytes[s..e]).unwrap(),
            m["text"].as_str().unwrap()
        );
        for key in ["line", "column", "kind", "alias", "section", "entity"] {
            assert!(m.get(key).is_some(), "mention lacks {key}: {m}");
        }
    }
    // The family-name mention resolves to the full mention before it.
    let family = mentions.iter().find(|m| m["text"] == "الشرع").unwrap();
    assert_eq!(family["entity"], "ahmed-al-sharaa");
    assert_eq!(family["line"], 3);
    assert_eq!(family["column"], 6);
}

#[test]
fn tag_human_lines_start_with_ascii_and_bracket_the_match() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), DRAFT).unwrap();
    let out = tadqiq(&["tag", "a.txt"], dir.path());
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(
        text.contains("a.txt:1:19: person[ahmed-al-sharaa] \"أحمد الشرع\" (name, body)"),
        "{text}"
    );
    assert!(text.contains("⟦أحمد الشرع⟧"), "{text}");
    for line in text.lines() {
        assert!(
            line.starts_with(|c: char| c.is_ascii()),
            "line starts with non-ASCII: {line}"
        );
    }
}

#[test]
fn check_exit_codes_and_empty_input() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("empty.txt"), "").unwrap();
    let out = tadqiq(&["check", "--format", "json", "empty.txt"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(
        json["files"][0]["findings"].as_array().map(Vec::len),
        Some(0)
    );
    // Not an error, but said in one line naming the path.
    assert_eq!(
        stderr(&out),
        "tadqiq: note: empty.txt: the draft is empty; nothing to check\n"
    );
}

struct BadInput {
    /// What the case shows.
    what: &'static str,
    name: &'static str,
    bytes: Option<&'static [u8]>,
    /// A piece of the one-line error.
    message: &'static str,
}

#[test]
fn bad_input_is_one_line_naming_the_path_and_exit_2() {
    let cases = [
        BadInput {
            what: "a missing file",
            name: "missing.txt",
            bytes: None,
            message: "missing.txt: no such file",
        },
        BadInput {
            what: "invalid UTF-8 with its byte offset",
            name: "latin1.txt",
            bytes: Some(b"abc\xe9def"),
            message: "latin1.txt: invalid UTF-8 at byte offset 3",
        },
        BadInput {
            what: "a binary file",
            name: "image.png",
            bytes: Some(b"\x89PNG\r\n\x1a\n\0\0"),
            message: "image.png: binary file (NUL byte at offset 8)",
        },
    ];
    for case in cases {
        let dir = tempfile::tempdir().unwrap();
        if let Some(bytes) = case.bytes {
            std::fs::write(dir.path().join(case.name), bytes).unwrap();
        }
        for command in ["check", "tag"] {
            let out = tadqiq(&[command, case.name], dir.path());
            assert_eq!(out.status.code(), Some(2), "{}: {command}", case.what);
            let err = stderr(&out);
            assert!(err.contains(case.message), "{}: {err}", case.what);
            assert_eq!(err.lines().count(), 1, "{}: {err}", case.what);
            assert!(!err.contains("panicked"), "{}", case.what);
        }
    }
}

#[test]
fn a_folder_is_not_a_draft_for_tag() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    let out = tadqiq(&["tag", "sub"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("sub:"), "{}", stderr(&out));
}

#[test]
fn a_bad_file_does_not_stop_the_good_ones() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("good.txt"), DRAFT).unwrap();
    std::fs::write(dir.path().join("bad.txt"), b"\xc3\x28").unwrap();
    let out = tadqiq(
        &["tag", "--format", "json", "bad.txt", "good.txt"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(2));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["files"][0]["path"], "good.txt");
    assert!(stderr(&out).contains("bad.txt: invalid UTF-8 at byte offset 0"));
}

#[test]
fn stdin_is_read_with_its_name() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tadqiq"))
        .args(["tag", "--format", "json", "--stdin-name", "draft.txt", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(DRAFT.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["files"][0]["path"], "draft.txt");
    assert!(!json["files"][0]["mentions"].as_array().unwrap().is_empty());
}

#[test]
fn gazetteer_check_reports_path_line_col_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let g = dir.path().join("g");
    std::fs::create_dir(&g).unwrap();
    std::fs::write(
        g.join("people.yaml"),
        "- id: a-b\n  names: {ar: [أحمد]}\n  source: s\n- id: a-b\n  names: {ar: [سامر]}\n  born: 1970\n  source: s\n",
    )
    .unwrap();
    let out = tadqiq(&["gazetteer", "check", "g"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("g/people.yaml:6:3: unknown field `born`"),
        "{err}"
    );

    std::fs::write(g.join("people.yaml"), "- id: a-b\n  names: {ar: [أحمد]}\n  source: s\n- id: a-b\n  names: {ar: [سامر]}\n  source: s\n").unwrap();
    let out = tadqiq(&["gazetteer", "check", "g"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out)
            .contains("g/people.yaml:4:7: duplicate id `a-b` (first defined at g/people.yaml:1:7)"),
        "{}",
        stderr(&out)
    );

    // The same broken folder makes `tag` fail with the same message.
    let out = tadqiq(&["tag", "--gazetteer", "g", "-"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("duplicate id"));
}

#[test]
fn embedded_gazetteer_checks_clean() {
    let dir = tempfile::tempdir().unwrap();
    let out = tadqiq(&["gazetteer", "check"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("no problems"));
}

#[test]
fn no_default_gazetteer_uses_only_the_given_folder() {
    let dir = tempfile::tempdir().unwrap();
    let g = dir.path().join("g");
    std::fs::create_dir(&g).unwrap();
    std::fs::write(
        g.join("people.yaml"),
        "- id: samer-test\n  names: {ar: [سامر الخطيب]}\n  source: test\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("a.txt"), "التقى سامر الخطيب بأحمد الشرع.").unwrap();
    let ids = |args: &[&str]| -> Vec<String> {
        let out = tadqiq(args, dir.path());
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
        json["files"][0]["mentions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["entity"].as_str().unwrap_or("").to_string())
            .collect()
    };
    assert_eq!(
        ids(&[
            "tag",
            "--format",
            "json",
            "--no-default-gazetteer",
            "--gazetteer",
            "g",
            "a.txt"
        ]),
        vec!["samer-test"]
    );
    assert_eq!(
        ids(&["tag", "--format", "json", "--gazetteer", "g", "a.txt"]),
        vec!["samer-test", "ahmed-al-sharaa"]
    );
}

#[test]
fn bad_arguments_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let out = tadqiq(&["check", "--date", "yesterday", "-"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--date `yesterday` is not a date"));
    let out = tadqiq(&["check", "--format", "yaml", "-"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    let out = tadqiq(&["explain", "no-such-rule"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("unknown rule `no-such-rule`"));
}

#[test]
fn output_is_deterministic() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), DRAFT.repeat(20)).unwrap();
    let a = tadqiq(
        &["check", "--mentions", "--format", "json", "a.txt"],
        dir.path(),
    );
    let b = tadqiq(
        &["check", "--mentions", "--format", "json", "a.txt"],
        dir.path(),
    );
    assert_eq!(a.stdout, b.stdout);
}

#[test]
fn html_report_escapes_the_draft_and_marks_the_match() {
    let dir = tempfile::tempdir().unwrap();
    let draft = "زار الرئيس السوري فاروق الشرع واشنطن <script>alert(1)</script> & التقى ترامب.\n";
    std::fs::write(dir.path().join("a.txt"), draft).unwrap();
    let out = tadqiq(
        &["check", "--format", "html", "--date", "2025-11-09", "a.txt"],
        dir.path(),
    );
    // The role conflict is an error, so the exit code is the same as for every format.
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let html = stdout(&out);
    assert!(html.starts_with("<!DOCTYPE html>"), "{html}");
    assert!(html.ends_with("</html>\n"));
    assert!(
        !html.contains("<script>alert"),
        "draft markup must be escaped"
    );
    // The excerpt after the match holds the markup, escaped.
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp;"),
        "{html}"
    );
    assert!(html.contains("<mark>فاروق الشرع</mark>"), "{html}");
    assert!(html.contains("class=\"finding error\""), "{html}");
    assert!(html.contains("role-conflict"), "{html}");
    let again = tadqiq(
        &["check", "--format", "html", "--date", "2025-11-09", "a.txt"],
        dir.path(),
    );
    assert_eq!(out.stdout, again.stdout);
}
