//! Reliability of reading configs, drafts and baselines, on the built binary
//! in a temporary folder: no config hangs a run, every draft encoding we
//! meet is decoded or refused by name, line numbers hold for every line
//! ending, a draft over the size limit or one that crashes the checker
//! costs only that draft, and config and baseline errors carry their place.

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

mod common;
use common::{stderr, stdout, tadqiq_stdin};

/// Runs the binary with a deadline: a run that has not ended after
/// `limit` is killed and the test fails (a hang is a failure, not a stall).
fn tadqiq_within(args: &[&str], cwd: &Path, env: &[(&str, &str)], limit: Duration) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_tadqiq"));
    command
        .args(args)
        .current_dir(cwd)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        command.env(k, v);
    }
    let mut child = command.spawn().expect("the binary runs");
    // Drain the pipes on threads so a large report cannot block the child.
    let mut out_pipe = child.stdout.take().unwrap();
    let mut err_pipe = child.stderr.take().unwrap();
    let out_reader = std::thread::spawn(move || {
        let mut v = Vec::new();
        std::io::Read::read_to_end(&mut out_pipe, &mut v).ok();
        v
    });
    let err_reader = std::thread::spawn(move || {
        let mut v = Vec::new();
        std::io::Read::read_to_end(&mut err_pipe, &mut v).ok();
        v
    });
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait works") {
            break status;
        }
        if start.elapsed() > limit {
            child.kill().ok();
            child.wait().ok();
            panic!("tadqiq {args:?} did not end within {limit:?} (hang)");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Output {
        status,
        stdout: out_reader.join().unwrap(),
        stderr: err_reader.join().unwrap(),
    }
}

fn tadqiq(args: &[&str], cwd: &Path) -> Output {
    tadqiq_within(args, cwd, &[], Duration::from_secs(60))
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name),
    )
    .unwrap()
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_str(&stdout(o)).unwrap_or_else(|e| panic!("{e}: {}", stdout(o)))
}

/// The report of the one file in a JSON report, without its path.
fn only_file(o: &Output) -> serde_json::Value {
    let mut report = json(o);
    let files = report["files"].as_array_mut().unwrap();
    assert_eq!(files.len(), 1, "{}", stdout(o));
    let mut file = files.remove(0);
    file.as_object_mut().unwrap().remove("path");
    file
}

// Defect 1: a config with an empty rule id hung every run.

#[test]
fn an_empty_rule_id_is_an_error_at_its_place_not_a_hang() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "زار أحمد الشرع دمشق.\n").unwrap();
    for (yaml, place) in [
        (r#"rules: {"": off}"#, "tadqiq.yaml:1:9: "),
        ("rules: {'': off}\n", "tadqiq.yaml:1:9: "),
        ("rules:\n  ? \n  : off", "tadqiq.yaml:2:3: "),
        (
            "rules:\n  name-conflict: off\n  \"\": error\n",
            "tadqiq.yaml:3:3: ",
        ),
    ] {
        std::fs::write(dir.path().join("tadqiq.yaml"), yaml).unwrap();
        let out = tadqiq_within(
            &["check", "a.txt"],
            dir.path(),
            &[],
            Duration::from_secs(20),
        );
        assert_eq!(out.status.code(), Some(2), "{yaml:?}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(
            err.starts_with(place) && err.contains("empty rule id"),
            "{yaml:?}: {err}"
        );
        assert_eq!(err.lines().count(), 1, "{err}");
    }
}

// Defect 5: encodings and line endings.

fn utf16(text: &str, little: bool) -> Vec<u8> {
    let mut bytes = if little {
        vec![0xFF, 0xFE]
    } else {
        vec![0xFE, 0xFF]
    };
    for unit in text.encode_utf16() {
        bytes.extend(if little {
            unit.to_le_bytes()
        } else {
            unit.to_be_bytes()
        });
    }
    bytes
}

/// Every encoding and line ending of a draft gives the report of the plain
/// UTF-8, LF draft: the same findings and mentions at the same lines and
/// columns, with the same offsets (which index the decoded UTF-8 text).
#[test]
fn utf16_boms_and_cr_only_line_endings_report_like_plain_utf8() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["ar-visit-conflicts.txt", "en-visit-conflicts.md"] {
        let text = fixture(name);
        assert!(text.lines().count() > 3, "{name} has several lines");
        let ext = Path::new(name).extension().unwrap().to_str().unwrap();
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend(text.as_bytes());
        let variants: Vec<(&str, Vec<u8>)> = vec![
            ("utf8-lf", text.clone().into_bytes()),
            ("utf8-bom", bom),
            ("cr-only", text.replace('\n', "\r").into_bytes()),
            ("utf16le", utf16(&text, true)),
            ("utf16be", utf16(&text, false)),
            ("utf16le-cr", utf16(&text.replace('\n', "\r"), true)),
        ];
        let mut reports = Vec::new();
        for (variant, bytes) in &variants {
            let file = format!("{variant}.{ext}");
            std::fs::write(dir.path().join(&file), bytes).unwrap();
            let out = tadqiq(
                &[
                    "check",
                    "--isolated",
                    "--date",
                    "2025-11-10",
                    "--format",
                    "json",
                    "--mentions",
                    "--fail-on",
                    "never",
                    &file,
                ],
                dir.path(),
            );
            assert_eq!(
                out.status.code(),
                Some(0),
                "{name} {variant}: {}",
                stderr(&out)
            );
            reports.push((variant, only_file(&out)));
        }
        let (_, plain) = &reports[0];
        assert!(
            !plain["findings"].as_array().unwrap().is_empty(),
            "{name} has findings to compare"
        );
        let last_line = plain["mentions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["line"].as_u64().unwrap())
            .max()
            .unwrap();
        assert!(last_line > 1, "{name}: mentions beyond line 1");
        for (variant, report) in &reports[1..] {
            assert_eq!(
                report, plain,
                "{name}: {variant} differs from UTF-8 with LF"
            );
        }
    }
}

/// The library counts lone carriage returns as line ends too.
#[test]
fn the_library_counts_lone_crs_as_line_ends() {
    let checker = tadqiq::CheckerBuilder::new().build().unwrap();
    let lf = "First line.\n\nزار أحمد الشرع دمشق.\n";
    let cr = lf.replace('\n', "\r");
    let mentions = |text: &str| {
        let report = checker.run("a.txt", text, tadqiq::Format::Plain, tadqiq::Mode::Tag);
        report
            .mentions
            .iter()
            .map(|m| (m.start, m.line, m.column))
            .collect::<Vec<_>>()
    };
    let want = mentions(lf);
    assert_eq!(want.first().map(|m| m.1), Some(3), "{want:?}");
    assert_eq!(mentions(&cr), want);
}

#[test]
fn a_utf8_bom_does_not_shift_line_one_columns_in_human_output() {
    let dir = tempfile::tempdir().unwrap();
    let text = "زار أحمد الشرع دمشق.\n";
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend(text.as_bytes());
    std::fs::write(dir.path().join("plain.txt"), text).unwrap();
    std::fs::write(dir.path().join("bom.txt"), bom).unwrap();
    let run = |file: &str| {
        let out = tadqiq(
            &["tag", "--isolated", "--format", "jsonl", file],
            dir.path(),
        );
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        stdout(&out).replace(file, "F")
    };
    let plain = run("plain.txt");
    assert!(plain.contains("\"column\":5"), "{plain}");
    assert_eq!(run("bom.txt"), plain);
}

#[test]
fn utf16_without_a_mark_and_utf32_are_named_not_called_binary() {
    let dir = tempfile::tempdir().unwrap();
    let bare = utf16("plain text, no mark\n", true)[2..].to_vec();
    std::fs::write(dir.path().join("bare.txt"), bare).unwrap();
    std::fs::write(dir.path().join("wide.txt"), b"\xFF\xFE\0\0a\0\0\0").unwrap();
    std::fs::write(dir.path().join("bad.txt"), b"\xFF\xFEa\0\x00\xD8").unwrap();
    std::fs::write(dir.path().join("ok.txt"), "fine\n").unwrap();
    let out = tadqiq(
        &[
            "check",
            "--isolated",
            "bare.txt",
            "wide.txt",
            "bad.txt",
            "ok.txt",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 3, "{err}");
    assert!(
        lines[0].starts_with("tadqiq: error: bare.txt: UTF-16 text without a byte-order mark"),
        "{err}"
    );
    assert!(
        lines[1].starts_with("tadqiq: error: wide.txt: UTF-32"),
        "{err}"
    );
    assert!(
        lines[2].starts_with("tadqiq: error: bad.txt: invalid UTF-16 at byte offset 4"),
        "{err}"
    );
    assert!(stdout(&out).contains("1 file checked"), "{}", stdout(&out));
}

// Defect 5: the draft size limit.

#[test]
fn a_draft_over_the_size_limit_is_refused_by_name_and_the_rest_checked() {
    let dir = tempfile::tempdir().unwrap();
    let small = "زار أحمد الشرع دمشق.\n";
    let big = small.repeat(100);
    let big_size = big.len();
    std::fs::write(dir.path().join("a.txt"), small).unwrap();
    std::fs::write(dir.path().join("big.txt"), &big).unwrap();
    std::fs::write(dir.path().join("c.txt"), small).unwrap();
    let paths = ["a.txt", "big.txt", "c.txt"];
    let check = |extra: &[&str]| {
        let mut args = vec!["check", "--format", "json", "--fail-on", "never"];
        args.extend_from_slice(extra);
        args.extend_from_slice(&paths);
        tadqiq(&args, dir.path())
    };
    let expect_refused = |out: &Output, limit: &str| {
        assert_eq!(out.status.code(), Some(2), "{}", stderr(out));
        let err = stderr(out);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(
            err.starts_with(&format!(
                "tadqiq: error: big.txt: draft too large: the limit is {limit}, this draft is {big_size} bytes; not checked"
            )),
            "{err}"
        );
        let files: Vec<String> = json(out)["files"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["path"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(files, ["a.txt", "c.txt"]);
    };
    // The flag.
    expect_refused(&check(&["--max-draft-size", "1KiB"]), "1024 bytes");
    // The config key; the flag wins over it.
    std::fs::write(dir.path().join("tadqiq.yaml"), "max-draft-size: 2000\n").unwrap();
    expect_refused(&check(&[]), "2000 bytes");
    let out = check(&["--max-draft-size", "1MB"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(json(&out)["files"].as_array().unwrap().len(), 3);
    std::fs::remove_file(dir.path().join("tadqiq.yaml")).unwrap();
    // Standard input stops reading at the limit.
    let out = tadqiq_stdin(
        &["check", "--max-draft-size", "100", "--stdin-name", "in.txt"],
        dir.path(),
        big.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("tadqiq: error: in.txt: draft too large: the limit is 100 bytes, this draft is larger than that"),
        "{}",
        stderr(&out)
    );
    // A bad size is a usage error.
    let out = check(&["--max-draft-size", "lots"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("--max-draft-size `lots` is not a size"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn the_default_limit_is_32_mib() {
    let dir = tempfile::tempdir().unwrap();
    // A sparse file: refused by its size, never read.
    let file = std::fs::File::create(dir.path().join("huge.txt")).unwrap();
    file.set_len(32 * 1024 * 1024 + 1).unwrap();
    std::fs::write(dir.path().join("a.txt"), "fine\n").unwrap();
    let out = tadqiq(&["check", "--isolated", "huge.txt", "a.txt"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("tadqiq: error: huge.txt: draft too large: the limit is 33554432 bytes (32.0 MiB), this draft is 33554433 bytes (32.0 MiB)"),
        "{}",
        stderr(&out)
    );
    assert!(stdout(&out).contains("1 file checked"), "{}", stdout(&out));
}

// Defect 5: a panic while checking one draft.

#[cfg(debug_assertions)]
#[test]
fn a_draft_that_panics_is_an_internal_error_and_the_others_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let names = ["a.txt", "b.txt", "c.txt", "d.txt", "e.txt", "f.txt"];
    for (i, name) in names.iter().enumerate() {
        std::fs::write(
            dir.path().join(name),
            format!("زار أحمد الشرع دمشق في اليوم {i}.\n"),
        )
        .unwrap();
    }
    let mut runs = Vec::new();
    for jobs in ["1", "2", "2", "3"] {
        let mut args = vec!["check", "--isolated", "--format", "json", "-j", jobs];
        args.extend_from_slice(&names);
        let out = tadqiq_within(
            &args,
            dir.path(),
            &[("TADQIQ_TEST_PANIC_ON", "c.txt")],
            Duration::from_secs(60),
        );
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        let err = stderr(&out);
        assert!(
            err.lines().any(|l| l
                == "tadqiq: error: c.txt: internal error while checking (a bug in tadqiq; please report it): deliberate panic for a test (TADQIQ_TEST_PANIC_ON)"),
            "{err}"
        );
        let files: Vec<String> = json(&out)["files"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["path"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(
            files,
            ["a.txt", "b.txt", "d.txt", "e.txt", "f.txt"],
            "-j {jobs}"
        );
        runs.push(stdout(&out));
    }
    assert!(
        runs.windows(2).all(|w| w[0] == w[1]),
        "output depends on threads"
    );
}

// Defect 6: config and baseline messages.

#[test]
fn config_value_errors_name_their_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "زار أحمد الشرع دمشق.\n").unwrap();
    for (yaml, want) in [
        (
            "include: [5]\n",
            "tadqiq.yaml:1:11: include[0]: invalid type: integer `5`",
        ),
        (
            "exclude:\n  - archive/**\n  - true\n",
            "tadqiq.yaml:3:5: exclude[1]: invalid type: boolean `true`",
        ),
        (
            "sections: {appended: [\"\"]}\n",
            "tadqiq.yaml:1:23: sections.appended[0]: expected a non-empty string",
        ),
        (
            "sections:\n  boilerplate:\n    - All rights reserved\n    - '  '\n",
            "tadqiq.yaml:4:7: sections.boilerplate[1]: expected a non-empty string",
        ),
        (
            "sections: [\"\"]\n",
            "tadqiq.yaml:1:1: sections: expected a map of `appended:` and `boilerplate:`",
        ),
        (
            "sections:\n  appended:\n    -\n",
            "tadqiq.yaml:3:6: sections.appended[0]: invalid type: unit value",
        ),
        (
            "fail-on: error\nrules: {}\nfail-on: warning\n",
            "tadqiq.yaml:3:1: duplicate entry with key \"fail-on\"",
        ),
        (
            "rules:\n  near-miss: off\n  name-conflict: off\n  near-miss: error\n",
            "tadqiq.yaml:4:3: rules: duplicate entry with key \"near-miss\"",
        ),
        (
            "max-draft-size: 0\n",
            "tadqiq.yaml:1:17: max-draft-size: expected a size in bytes",
        ),
        (
            "prefer:\n  words: [[أميركي, \"\"]]\n",
            "tadqiq.yaml:2:20: prefer.words[0][1]: expected a non-empty string",
        ),
    ] {
        std::fs::write(dir.path().join("tadqiq.yaml"), yaml).unwrap();
        let out = tadqiq(&["check", "a.txt"], dir.path());
        assert_eq!(out.status.code(), Some(2), "{yaml:?}: {}", stderr(&out));
        assert!(stderr(&out).starts_with(want), "{yaml:?}: {}", stderr(&out));
    }
}

#[test]
fn an_unknown_preferred_entity_is_an_error_at_its_place() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "زار أحمد الشرع دمشق.\n").unwrap();
    std::fs::write(
        dir.path().join("tadqiq.yaml"),
        "fail-on: error\nprefer:\n  entities:\n    united-states: أميركي\n    ahmed-al-shara: الشرع\n",
    )
    .unwrap();
    let out = tadqiq(&["check", "a.txt"], dir.path());
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(
        stderr(&out).trim_end(),
        "tadqiq.yaml:5:5: prefer.entities: unknown entity `ahmed-al-shara`: no loaded gazetteer has this id (did you mean `ahmed-al-sharaa`?)"
    );
    // Known ids (flow style too) are fine.
    std::fs::write(
        dir.path().join("tadqiq.yaml"),
        "prefer:\n  entities: {united-states: أميركي, ahmed-al-sharaa: أحمد الشرع}\n",
    )
    .unwrap();
    let out = tadqiq(&["check", "a.txt"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // A disabled entity is named as such.
    std::fs::write(
        dir.path().join("tadqiq.yaml"),
        "disable-entities: [ahmed-al-sharaa]\nprefer:\n  entities:\n    ahmed-al-sharaa: الشرع\n",
    )
    .unwrap();
    let out = tadqiq(&["check", "a.txt"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out).trim_end(),
        "tadqiq.yaml:4:5: prefer.entities: entity `ahmed-al-sharaa` is switched off by disable-entities"
    );
    // An id only a folder gazetteer has is known once that folder is loaded.
    std::fs::write(
        dir.path().join("tadqiq.yaml"),
        "prefer:\n  entities: {ahmed-al-shara: الشرع}\n",
    )
    .unwrap();
    let out = tadqiq(&["check", "--no-default-gazetteer", "a.txt"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out)
            .starts_with("tadqiq.yaml:2:14: prefer.entities: unknown entity `ahmed-al-shara`"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_bad_baseline_names_a_one_based_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "fine\n").unwrap();
    for (json_text, want) in [
        (
            "",
            "base.json:1:1: not a tadqiq baseline: EOF while parsing a value\n",
        ),
        (
            "x",
            "base.json:1:1: not a tadqiq baseline: expected value\n",
        ),
        (
            "{\n  \"tool\": \"tadqiq\",\n  \"version\": 1,\n  \"findings\": [}\n",
            "base.json:4:16: not a tadqiq baseline: expected value\n",
        ),
        (
            "{\"tool\": \"تدقيق\" x}",
            "base.json:1:18: not a tadqiq baseline: expected `,` or `}`\n",
        ),
    ] {
        std::fs::write(dir.path().join("base.json"), json_text).unwrap();
        let out = tadqiq(
            &["check", "--isolated", "--baseline", "base.json", "a.txt"],
            dir.path(),
        );
        assert_eq!(out.status.code(), Some(2), "{json_text:?}");
        assert_eq!(
            stderr(&out),
            format!("tadqiq: error: {want}"),
            "{json_text:?}"
        );
    }
}
