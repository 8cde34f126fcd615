//! tadqiq as a CI gate, on the built binary in temporary folders: config
//! discovery and errors, many files and folders, every output format (SARIF
//! validated against the official 2.1.0 schema), exit codes, inline
//! suppressions, baselines, snapshots and `tadqiq diff`.
//!
//! Most tests get their findings from the `suppression` rule (a
//! `tadqiq-ignore` comment without a reason, or that suppresses nothing);
//! the suppression, baseline, snapshot and diff round-trips use drafts that
//! produce `name-conflict` and `spelling-variant` findings.

use std::path::Path;
use std::process::Output;

mod common;
use common::{stderr, stdout, tadqiq, tadqiq_stdin};

fn write(dir: &Path, path: &str, text: impl AsRef<[u8]>) {
    let p = dir.join(path);
    std::fs::create_dir_all(p.parent().expect("a parent folder")).expect("mkdir");
    std::fs::write(p, text).expect("write");
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_str(&stdout(o)).unwrap_or_else(|e| panic!("not JSON ({e}): {}", stdout(o)))
}

/// A draft no rule flags. Innocuous English without names.
const CLEAN: &str =
    "The weather was mild and the market was quiet.\n\nNothing else happened today.\n";

/// A Markdown draft with one suppression that has no reason and suppresses
/// nothing: exactly one `suppression` warning.
const ONE_WARNING_MD: &str =
    "The weather was mild.\n\n<!-- tadqiq-ignore quote-drift -->\nThe market was quiet.\n";

/// The same in plain text.
const ONE_WARNING_TXT: &str =
    "The weather was mild.\n\n# tadqiq-ignore quote-drift\nThe market was quiet.\n";

// ---------------------------------------------------------------- exit codes

#[test]
fn exit_codes_follow_fail_on() {
    struct Case {
        /// What the case shows.
        name: &'static str,
        args: &'static [&'static str],
        code: i32,
    }
    let cases = [
        Case {
            name: "a clean draft passes",
            args: &["check", "clean.md"],
            code: 0,
        },
        Case {
            name: "a warning does not fail the default --fail-on error",
            args: &["check", "warn.md"],
            code: 0,
        },
        Case {
            name: "--fail-on warning fails on a warning",
            args: &["check", "--fail-on", "warning", "warn.md"],
            code: 1,
        },
        Case {
            name: "--fail-on info fails on a warning",
            args: &["check", "--fail-on", "info", "warn.md"],
            code: 1,
        },
        Case {
            name: "--fail-on never never fails",
            args: &["check", "--fail-on", "never", "warn.md"],
            code: 0,
        },
        Case {
            name: "a missing file is exit 2",
            args: &["check", "missing.md"],
            code: 2,
        },
        Case {
            name: "an unknown format is exit 2",
            args: &["check", "--format", "xml", "clean.md"],
            code: 2,
        },
        Case {
            name: "a bad date is exit 2",
            args: &["check", "--date", "yesterday", "clean.md"],
            code: 2,
        },
        Case {
            name: "a missing --config is exit 2",
            args: &["check", "--config", "nope.yaml", "clean.md"],
            code: 2,
        },
        Case {
            name: "an unknown rule for explain is exit 2",
            args: &["explain", "no-such-rule"],
            code: 2,
        },
        Case {
            name: "a missing baseline is exit 2",
            args: &["check", "--baseline", "nope.json", "clean.md"],
            code: 2,
        },
        Case {
            name: "a bad gazetteer folder is exit 2",
            args: &["check", "--gazetteer", "badgaz", "clean.md"],
            code: 2,
        },
    ];
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "clean.md", CLEAN);
    write(dir.path(), "warn.md", ONE_WARNING_MD);
    write(dir.path(), "badgaz/people.yaml", "- id: x\n  nonsense: [\n");
    for case in &cases {
        let out = tadqiq(case.args, dir.path());
        assert_eq!(
            out.status.code(),
            Some(case.code),
            "{}: {}",
            case.name,
            stderr(&out)
        );
    }
}

#[test]
fn bad_input_keeps_the_rest_going() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "drafts/a.md", CLEAN);
    write(dir.path(), "drafts/b.txt", [b'o', b'k', 0xff, 0xfe]);
    write(dir.path(), "drafts/c.md", ONE_WARNING_MD);
    write(dir.path(), "drafts/d.txt", b"binary\x00file");
    let out = tadqiq(
        &["check", "--format", "json", "drafts", "missing.md"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(2));
    let doc = json(&out);
    let paths: Vec<&str> = doc["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, ["drafts/a.md", "drafts/c.md"]);
    assert_eq!(doc["summary"]["warnings"], 1);
    let err = stderr(&out);
    assert!(
        err.contains("drafts/b.txt: invalid UTF-8 at byte offset 2"),
        "{err}"
    );
    assert!(err.contains("drafts/d.txt: binary file"), "{err}");
    assert!(err.contains("missing.md: no such file"), "{err}");
    assert_eq!(
        err.lines()
            .filter(|l| l.starts_with("tadqiq: error:"))
            .count(),
        3,
        "{err}"
    );
}

// -------------------------------------------------------------------- config

#[test]
fn config_is_found_from_a_nested_folder() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        "tadqiq.yaml",
        "fail-on: warning\nexclude: [\"archive/**\"]\n",
    );
    write(root, "desk/politics/a.md", ONE_WARNING_MD);
    write(root, "archive/old.md", ONE_WARNING_MD);
    let nested = root.join("desk/politics");
    // The config two folders up applies: its fail-on makes a warning fail.
    let out = tadqiq(&["check", "a.md"], &nested);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    // `tadqiq config` names it, `--dump` prints the effective values.
    let out = tadqiq(&["config"], &nested);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        stdout(&out).trim_end().ends_with("tadqiq.yaml"),
        "{}",
        stdout(&out)
    );
    let out = tadqiq(&["config", "--dump"], &nested);
    let dump = stdout(&out);
    assert!(dump.contains("fail-on: warning"), "{dump}");
    assert!(dump.contains("archive/**"), "{dump}");
    assert!(dump.contains("default-gazetteer: true"), "{dump}");
    // --isolated ignores it; --fail-on on the command line wins over it.
    assert_eq!(
        tadqiq(&["check", "--isolated", "a.md"], &nested)
            .status
            .code(),
        Some(0)
    );
    assert_eq!(
        tadqiq(&["check", "--fail-on", "error", "a.md"], &nested)
            .status
            .code(),
        Some(0)
    );
    // Its excludes apply to walked folders.
    let out = tadqiq(&["check", "--format", "json", "."], root);
    let doc = json(&out);
    let paths: Vec<&str> = doc["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, ["desk/politics/a.md"]);
}

#[test]
fn config_levels_and_explicit_config_file() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "warn.md", ONE_WARNING_MD);
    write(root, "quiet.yaml", "rules:\n  suppression: off\n");
    write(root, "loud.yaml", "rules:\n  suppression: error\n");
    let out = tadqiq(
        &[
            "check",
            "--config",
            "quiet.yaml",
            "--format",
            "json",
            "warn.md",
        ],
        root,
    );
    assert_eq!(json(&out)["summary"]["warnings"], 0);
    let out = tadqiq(&["check", "--config", "loud.yaml", "warn.md"], root);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert!(
        stdout(&out).contains("error[suppression]"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn config_errors_name_path_line_and_column() {
    struct Case {
        /// What the case shows.
        name: &'static str,
        yaml: &'static str,
        want: &'static str,
    }
    let cases = [
        Case {
            name: "an unknown top-level key",
            yaml: "fail-on: error\nfial-on: warning\n",
            want: "tadqiq.yaml:2:1: unknown field `fial-on`",
        },
        Case {
            name: "an unknown rule id",
            yaml: "rules:\n  name-conflict: off\n  nmae-conflict: off\n",
            want: "tadqiq.yaml:3:3: rules: unknown rule `nmae-conflict`",
        },
        Case {
            name: "a YAML syntax error",
            yaml: "rules: [\n",
            want: "tadqiq.yaml:2:1:",
        },
    ];
    for case in &cases {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "tadqiq.yaml", case.yaml);
        write(dir.path(), "a.md", CLEAN);
        let out = tadqiq(&["check", "a.md"], dir.path());
        assert_eq!(out.status.code(), Some(2), "{}", case.name);
        assert!(
            stderr(&out).starts_with(case.want),
            "{}: {}",
            case.name,
            stderr(&out)
        );
        assert!(stdout(&out).is_empty(), "{}: nothing is checked", case.name);
        // `config --dump` reports the same error.
        let out = tadqiq(&["config", "--dump"], dir.path());
        assert_eq!(out.status.code(), Some(2), "{}", case.name);
    }
}

// ---------------------------------------------------------------- many files

#[test]
fn folders_are_walked_in_order_honouring_gitignore() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "drafts/.gitignore", "private/\n");
    write(root, "drafts/b.md", CLEAN);
    write(root, "drafts/a.txt", CLEAN);
    write(root, "drafts/sub/c.markdown", CLEAN);
    write(root, "drafts/private/secret.md", CLEAN);
    write(root, "drafts/notes.rst", CLEAN);
    write(root, "z.md", CLEAN);
    let out = tadqiq(&["check", "--format", "json", "z.md", "drafts/"], root);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let doc = json(&out);
    let paths: Vec<&str> = doc["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    // Given order first (z.md), then the folder in name order.
    assert_eq!(
        paths,
        [
            "z.md",
            "drafts/a.txt",
            "drafts/b.md",
            "drafts/sub/c.markdown"
        ]
    );
    // A folder with no drafts is most likely a wrong path: exit 2.
    std::fs::create_dir_all(root.join("empty")).unwrap();
    let out = tadqiq(&["check", "empty"], root);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("empty: folder holds no drafts to check"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn parallel_output_is_in_the_given_order_and_identical_to_one_thread() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    for i in 0..40 {
        let text = if i % 3 == 0 { ONE_WARNING_MD } else { CLEAN };
        write(root, &format!("drafts/{i:03}.md"), text);
    }
    let one = tadqiq(&["check", "-j", "1", "drafts"], root);
    let many = tadqiq(&["check", "-j", "4", "drafts"], root);
    assert_eq!(one.status.code(), Some(0));
    assert_eq!(stdout(&one), stdout(&many));
    assert!(
        stdout(&one).contains("tadqiq: 40 files checked: 0 errors, 14 warnings, 0 infos"),
        "{}",
        stdout(&one)
    );
    let one_text = stdout(&one);
    let firsts: Vec<&str> = one_text
        .lines()
        .filter(|l| l.contains("warning[suppression]"))
        .collect();
    let mut sorted = firsts.clone();
    sorted.sort();
    assert_eq!(firsts, sorted);
}

#[test]
fn stdin_takes_its_name_and_format_from_stdin_name() {
    let dir = tempfile::tempdir().unwrap();
    // As Markdown (the name says .md) the HTML comment is a suppression.
    let out = tadqiq_stdin(
        &[
            "check",
            "--format",
            "json",
            "--stdin-name",
            "desk/a.md",
            "-",
        ],
        dir.path(),
        ONE_WARNING_MD.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let doc = json(&out);
    assert_eq!(doc["files"][0]["path"], "desk/a.md");
    assert_eq!(doc["files"][0]["findings"][0]["rule"], "suppression");
    // `#` lines are directives in plain text only.
    let out = tadqiq_stdin(
        &["check", "--format", "json", "--stdin-name", "a.txt"],
        dir.path(),
        ONE_WARNING_TXT.as_bytes(),
    );
    assert_eq!(json(&out)["summary"]["warnings"], 1);
    let out = tadqiq_stdin(
        &["check", "--format", "json", "--stdin-name", "a.md"],
        dir.path(),
        ONE_WARNING_TXT.as_bytes(),
    );
    assert_eq!(json(&out)["summary"]["warnings"], 0);
    // Invalid UTF-8 on stdin is named by the stdin name.
    let out = tadqiq_stdin(
        &["check", "--stdin-name", "wire.txt", "-"],
        dir.path(),
        &[0xff],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("wire.txt: invalid UTF-8"),
        "{}",
        stderr(&out)
    );
}

// ------------------------------------------------------------------- formats

fn sarif_validator() -> (boon::Schemas, boon::SchemaIndex) {
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("schemas/sarif-schema-2.1.0.json"))
            .expect("schema is JSON");
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    compiler.enable_format_assertions();
    let url = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    compiler.add_resource(url, schema).expect("schema added");
    let index = compiler
        .compile(url, &mut schemas)
        .expect("schema compiles");
    (schemas, index)
}

fn assert_valid_sarif(doc: &serde_json::Value) {
    let (schemas, index) = sarif_validator();
    if let Err(e) = schemas.validate(doc, index) {
        panic!("SARIF output does not validate: {e:#}\n{doc:#}");
    }
}

#[test]
fn sarif_validates_against_the_official_schema() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "clean.md", CLEAN);
    write(dir.path(), "مسودة 1.md", ONE_WARNING_MD);
    // No findings at all.
    let out = tadqiq(&["check", "--format", "sarif", "clean.md"], dir.path());
    assert_eq!(out.status.code(), Some(0));
    let doc = json(&out);
    assert_valid_sarif(&doc);
    assert_eq!(doc["version"], "2.1.0");
    assert_eq!(doc["runs"][0]["results"].as_array().map(Vec::len), Some(0));
    // One finding, in a file whose name needs percent-encoding.
    let out = tadqiq(
        &["check", "--format", "sarif", "clean.md", "مسودة 1.md"],
        dir.path(),
    );
    let doc = json(&out);
    assert_valid_sarif(&doc);
    let run = &doc["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert!(
        rules.iter().any(|r| r["id"] == "suppression"),
        "a descriptor per rule"
    );
    let result = &run["results"][0];
    assert_eq!(result["ruleId"], "suppression");
    assert_eq!(result["level"], "warning");
    assert_eq!(
        rules[result["ruleIndex"].as_u64().unwrap() as usize]["id"],
        "suppression"
    );
    let loc = &result["locations"][0]["physicalLocation"];
    assert_eq!(
        loc["artifactLocation"]["uri"],
        "%D9%85%D8%B3%D9%88%D8%AF%D8%A9%201.md"
    );
    assert_eq!(loc["region"]["startLine"], 3);
    assert_eq!(loc["region"]["startColumn"], 1);
    assert_eq!(
        loc["region"]["byteOffset"],
        ONE_WARNING_MD.find("<!--").unwrap()
    );
    assert!(result["partialFingerprints"]["tadqiq/v1"]
        .as_str()
        .is_some_and(|f| f.len() == 16));
    // The validator is not a rubber stamp.
    let mut broken = doc.clone();
    broken["runs"][0]["results"][0]["level"] = serde_json::json!("fatal");
    assert!(sarif_validator()
        .0
        .validate(&broken, sarif_validator().1)
        .is_err());
}

#[test]
fn jsonl_github_and_json_on_the_same_findings() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.md", ONE_WARNING_MD);
    write(dir.path(), "b.md", CLEAN);
    write(dir.path(), "c.txt", ONE_WARNING_TXT);
    // jsonl: one finding per line, each with its path; nothing for clean files.
    let out = tadqiq(
        &["check", "--format", "jsonl", "a.md", "b.md", "c.txt"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0));
    let lines: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["path"], "a.md");
    assert_eq!(lines[1]["path"], "c.txt");
    for line in &lines {
        for key in ["rule", "severity", "message", "spans", "fingerprint"] {
            assert!(line.get(key).is_some(), "jsonl line lacks {key}: {line}");
        }
    }
    // github: workflow commands with file, line and column.
    let out = tadqiq(
        &["check", "--format", "github", "a.md", "b.md", "c.txt"],
        dir.path(),
    );
    let text = stdout(&out);
    let commands: Vec<&str> = text.lines().collect();
    assert_eq!(commands.len(), 2, "{text}");
    assert!(
        commands[0].starts_with("::warning file=a.md,line=3,col=1,endLine=3,"),
        "{text}"
    );
    assert!(commands[0].contains("title=tadqiq suppression::"), "{text}");
    assert!(
        commands[1].starts_with("::warning file=c.txt,line=3,col=1,"),
        "{text}"
    );
    // An empty finding list: jsonl and github print nothing, json an empty list.
    for format in ["jsonl", "github"] {
        let out = tadqiq(&["check", "--format", format, "b.md"], dir.path());
        assert_eq!(stdout(&out), "", "{format}");
    }
    let out = tadqiq(&["check", "--format", "json", "b.md"], dir.path());
    let doc = json(&out);
    assert_eq!(
        doc["summary"],
        serde_json::json!({"files": 1, "errors": 0, "warnings": 0, "infos": 0})
    );
    // jsonl for `tag` writes mentions, each with its path.
    write(
        dir.path(),
        "t.txt",
        "زار الرئيس السوري أحمد الشرع واشنطن.\n",
    );
    let out = tadqiq(&["tag", "--format", "jsonl", "t.txt"], dir.path());
    let first: serde_json::Value =
        serde_json::from_str(stdout(&out).lines().next().unwrap_or("null")).unwrap();
    assert_eq!(first["path"], "t.txt");
    assert!(first.get("kind").is_some(), "{first}");
}

#[test]
fn human_output_colours_only_when_asked_and_ends_with_a_summary() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.md", ONE_WARNING_MD);
    let plain = stdout(&tadqiq(&["check", "a.md"], dir.path()));
    assert!(!plain.contains('\x1b'), "not a terminal: no colour");
    assert!(
        plain.starts_with("a.md:3:1: warning[suppression] "),
        "{plain}"
    );
    assert_eq!(
        plain.lines().last(),
        Some("tadqiq: 1 file checked: 0 errors, 1 warning, 0 infos")
    );
    let coloured = stdout(&tadqiq(&["check", "--color", "always", "a.md"], dir.path()));
    assert!(coloured.contains("\x1b[1;33mwarning\x1b[0m"), "{coloured}");
}

// -------------------------------------------------------------- suppressions

#[test]
fn suppressions_without_reason_or_unused_are_reported() {
    struct Case {
        /// What the case shows.
        name: &'static str,
        path: &'static str,
        text: &'static str,
        /// Messages of the `suppression` findings, as substrings.
        want: &'static [&'static str],
    }
    let cases = [
        Case {
            name: "no reason, and nothing to suppress",
            path: "a.md",
            text: "<!-- tadqiq-ignore quote-drift -->\nThe market was quiet.\n",
            want: &["suppression of `quote-drift` gives no reason"],
        },
        Case {
            name: "a reason, but nothing to suppress",
            path: "a.md",
            text:
                "<!-- tadqiq-ignore quote-drift: checked with the desk -->\nThe market was quiet.\n",
            want: &["suppression of `quote-drift` matched no finding"],
        },
        Case {
            name: "the file form in plain text",
            path: "a.txt",
            text: "The market was quiet.\n\n# tadqiq-ignore-file spelling-variant: agency copy\n",
            want: &["suppression of `spelling-variant` matched no finding"],
        },
        Case {
            name: "no rule at all",
            path: "a.md",
            text: "<!-- tadqiq-ignore : why -->\nThe market was quiet.\n",
            want: &["names no rule"],
        },
        Case {
            name: "an unknown rule is named in a note",
            path: "a.md",
            text: "<!-- tadqiq-ignore qoute-drift: typo -->\nThe market was quiet.\n",
            want: &["suppression of `qoute-drift` matched no finding"],
        },
    ];
    for case in &cases {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), case.path, case.text);
        let out = tadqiq(&["check", "--format", "json", case.path], dir.path());
        assert_eq!(out.status.code(), Some(0), "{}", case.name);
        let doc = json(&out);
        let findings = doc["files"][0]["findings"].as_array().unwrap();
        assert_eq!(
            findings.len(),
            case.want.len(),
            "{}: {findings:?}",
            case.name
        );
        for (f, want) in findings.iter().zip(case.want) {
            assert_eq!(f["rule"], "suppression", "{}", case.name);
            assert_eq!(f["severity"], "warning", "{}", case.name);
            assert!(
                f["message"].as_str().unwrap().contains(want),
                "{}: {f}",
                case.name
            );
        }
    }
    // The unknown rule gets a note.
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.md", cases[4].text);
    let doc = json(&tadqiq(&["check", "--format", "json", "a.md"], dir.path()));
    assert_eq!(
        doc["files"][0]["findings"][0]["notes"][0],
        "no rule is called `qoute-drift`"
    );
}

/// A draft with a name conflict once `name-conflict` lands: the body has
/// Syrian president Ahmed al-Sharaa meet Trump; the appended snippet gives
/// the meeting with Trump to Farouk al-Sharaa (DESIGN.md §1). Expected: error.
const NAME_CONFLICT: &str = "التقى الرئيس السوري أحمد الشرع الرئيس الأميركي دونالد ترامب في البيت الأبيض.\n\nوقال الرئيس السوري أحمد الشرع إن المحادثات كانت مثمرة.\n\nوأضاف الرئيس السوري أحمد الشرع أن الزيارة المقبلة ستكون إلى واشنطن.\n\nإقرأ أيضاً:\n\nنائب الرئيس السوري السابق فاروق الشرع يلتقي ترامب في البيت الأبيض.\n";

/// A draft with a spelling variant once `spelling-variant` lands: الأميركي
/// three times, الأمريكي once. Expected: warning.
const SPELLING_VARIANT: &str = "قال المبعوث الأميركي إن الاتفاق قريب.\n\nوأضاف الوزير الأميركي أن المحادثات مستمرة.\n\nوأكد المسؤول الأميركي ذلك.\n\nوختم الدبلوماسي الأمريكي بالقول إن الأمر بيد الطرفين.\n";

#[test]
fn suppression_hides_a_name_conflict_in_its_paragraph_only() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "plain.txt", NAME_CONFLICT);
    let out = tadqiq(&["check", "--format", "json", "plain.txt"], dir.path());
    assert_eq!(
        out.status.code(),
        Some(1),
        "the unsuppressed draft has an error"
    );
    let doc = json(&out);
    let conflict = doc["files"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "name-conflict")
        .expect("a name-conflict finding")
        .clone();
    assert_eq!(conflict["severity"], "error");
    let line = conflict["spans"][0]["line"].as_u64().unwrap() as usize;
    // Suppress exactly that paragraph, with a reason.
    let mut lines: Vec<&str> = NAME_CONFLICT.lines().collect();
    lines.insert(
        line - 1,
        "# tadqiq-ignore name-conflict: archive snippet, checked by the desk",
    );
    write(dir.path(), "suppressed.txt", lines.join("\n") + "\n");
    let out = tadqiq(&["check", "--format", "json", "suppressed.txt"], dir.path());
    let doc = json(&out);
    let rules: Vec<&str> = doc["files"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert!(!rules.contains(&"name-conflict"), "{rules:?}");
    assert!(
        !rules.contains(&"suppression"),
        "the suppression was used and has a reason: {rules:?}"
    );
    // A suppression of the same rule on another paragraph does not hide it.
    let mut lines: Vec<&str> = NAME_CONFLICT.lines().collect();
    lines.insert(0, "# tadqiq-ignore name-conflict: wrong paragraph");
    write(dir.path(), "elsewhere.txt", lines.join("\n") + "\n");
    let doc = json(&tadqiq(
        &["check", "--format", "json", "elsewhere.txt"],
        dir.path(),
    ));
    let rules: Vec<&str> = doc["files"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert!(
        rules.contains(&"name-conflict") && rules.contains(&"suppression"),
        "{rules:?}"
    );
}

#[test]
fn file_suppression_hides_a_spelling_variant() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.md", SPELLING_VARIANT);
    let out = tadqiq(
        &["check", "--format", "json", "--fail-on", "warning", "a.md"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    let doc = json(&out);
    assert!(doc["files"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["rule"] == "spelling-variant"));
    write(
        dir.path(),
        "a.md",
        format!("<!-- tadqiq-ignore-file spelling-variant: agency copy -->\n\n{SPELLING_VARIANT}"),
    );
    let out = tadqiq(
        &["check", "--format", "json", "--fail-on", "warning", "a.md"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
}

// ----------------------------------------------------------------- baselines

#[test]
fn baseline_round_trip_survives_edits_elsewhere() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "a.md", ONE_WARNING_MD);
    let out = tadqiq(
        &["check", "--write-baseline", "baseline.json", "a.md"],
        root,
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("wrote 1 finding(s)"),
        "{}",
        stderr(&out)
    );
    let written: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("baseline.json")).unwrap())
            .unwrap();
    assert_eq!(written["findings"][0]["path"], "a.md");
    assert_eq!(written["findings"][0]["rule"], "suppression");
    // Edit other paragraphs: new lines above move the finding down.
    write(
        root,
        "a.md",
        format!("A new first paragraph.\n\nAnother one.\n\n{ONE_WARNING_MD}\nA closing line.\n"),
    );
    let out = tadqiq(
        &[
            "check",
            "--fail-on",
            "warning",
            "--baseline",
            "baseline.json",
            "--format",
            "json",
            "a.md",
        ],
        root,
    );
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert_eq!(json(&out)["summary"]["warnings"], 0);
    assert!(
        stderr(&out).contains("1 finding(s) hidden, 0 entries no longer match"),
        "{}",
        stderr(&out)
    );
    // A second, different suppression is new: reported, and it fails.
    write(
        root,
        "a.md",
        format!("{ONE_WARNING_MD}\n<!-- tadqiq-ignore near-miss -->\nMore.\n"),
    );
    let out = tadqiq(
        &[
            "check",
            "--fail-on",
            "warning",
            "--baseline",
            "baseline.json",
            "--format",
            "json",
            "a.md",
        ],
        root,
    );
    assert_eq!(out.status.code(), Some(1));
    let doc = json(&out);
    assert_eq!(doc["summary"]["warnings"], 1);
    assert!(doc["files"][0]["findings"][0]["message"]
        .as_str()
        .unwrap()
        .contains("near-miss"));
    // Fixing the baselined one leaves a stale entry, which is counted.
    write(root, "a.md", CLEAN);
    let out = tadqiq(&["check", "--baseline", "baseline.json", "a.md"], root);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        stderr(&out).contains("0 finding(s) hidden, 1 entry no longer match"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn baseline_keeps_rule_findings_across_edits() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        "a.txt",
        format!("{NAME_CONFLICT}\n{SPELLING_VARIANT}"),
    );
    let out = tadqiq(&["check", "--write-baseline", "b.json", "a.txt"], root);
    assert_eq!(out.status.code(), Some(0));
    let written: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("b.json")).unwrap()).unwrap();
    let rules: Vec<&str> = written["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert!(
        rules.contains(&"name-conflict") && rules.contains(&"spelling-variant"),
        "{rules:?}"
    );
    // Insert a paragraph at the top and reword the first sentence's tail.
    write(
        root,
        "a.txt",
        format!("فقرة جديدة في أول المسودة.\n\n{NAME_CONFLICT}\n{SPELLING_VARIANT}"),
    );
    let out = tadqiq(
        &[
            "check",
            "--fail-on",
            "warning",
            "--baseline",
            "b.json",
            "a.txt",
        ],
        root,
    );
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
}

// ----------------------------------------------------------------- snapshots

#[test]
fn snapshot_update_then_check_with_a_changed_and_a_gone_draft() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "drafts/a.md", CLEAN);
    write(root, "drafts/b.md", ONE_WARNING_MD);
    let out = tadqiq(&["snapshot", "--dir", "snaps", "--update", "drafts"], root);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("created snaps/drafts/a.md.tadqiq"),
        "{}",
        stdout(&out)
    );
    let b = std::fs::read_to_string(root.join("snaps/drafts/b.md.tadqiq")).unwrap();
    assert!(
        // Line, no column: snapshots do not churn when a line's start changes.
        b.starts_with("drafts/b.md:3: warning[suppression]"),
        "{b}"
    );
    assert!(
        !b.contains(&root.to_string_lossy().to_string()),
        "no absolute paths"
    );
    // Unchanged: check passes, update writes nothing.
    let out = tadqiq(&["snapshot", "--dir", "snaps", "--check", "drafts"], root);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert_eq!(
        stdout(&out),
        "tadqiq snapshot: 2 unchanged, 0 changed, 0 new, 0 gone\n"
    );
    // Change b (its report changes), remove a.
    write(root, "drafts/b.md", CLEAN);
    std::fs::remove_file(root.join("drafts/a.md")).unwrap();
    let out = tadqiq(&["snapshot", "--dir", "snaps", "--check", "drafts"], root);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(
        text.contains("--- a/snaps/drafts/b.md.tadqiq\n+++ b/snaps/drafts/b.md.tadqiq\n"),
        "{text}"
    );
    assert!(
        text.contains("\n-drafts/b.md:3: warning[suppression]"),
        "{text}"
    );
    assert!(
        text.contains("\n+tadqiq: 1 file checked: 0 errors, 0 warnings, 0 infos"),
        "{text}"
    );
    assert!(
        text.contains("snaps/drafts/a.md.tadqiq: draft drafts/a.md is gone"),
        "{text}"
    );
    // Update accepts the change and removes the orphan; check is green again.
    let out = tadqiq(&["snapshot", "--dir", "snaps", "--update", "drafts"], root);
    assert_eq!(out.status.code(), Some(0));
    assert!(!root.join("snaps/drafts/a.md.tadqiq").exists());
    let out = tadqiq(&["snapshot", "--dir", "snaps", "--check", "drafts"], root);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    // A new draft without a snapshot fails the check.
    write(root, "drafts/c.md", CLEAN);
    let out = tadqiq(&["snapshot", "--dir", "snaps", "--check", "drafts"], root);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains("no snapshot of drafts/c.md yet"),
        "{}",
        stdout(&out)
    );
}

// ---------------------------------------------------------------------- diff

#[test]
fn diff_reports_added_resolved_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let kept = "<!-- tadqiq-ignore quote-drift -->\nThe market was quiet.\n";
    let resolved = "<!-- tadqiq-ignore near-miss -->\nA line.\n";
    let added = "<!-- tadqiq-ignore date-conflict -->\nAnother line.\n";
    write(root, "old.md", format!("{kept}\n{resolved}"));
    write(root, "new.md", format!("Intro.\n\n{kept}\n{added}"));
    let out = tadqiq(&["diff", "old.md", "new.md"], root);
    // Added findings are warnings: below the default fail-on.
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains("added: new.md:6:1: warning[suppression] suppression of `date-conflict`"),
        "{text}"
    );
    assert!(
        text.contains("resolved: old.md:4:1: warning[suppression] suppression of `near-miss`"),
        "{text}"
    );
    assert!(
        text.contains("kept: new.md:3:1: warning[suppression] suppression of `quote-drift`"),
        "{text}"
    );
    assert_eq!(
        text.lines().last(),
        Some("tadqiq diff: 1 added, 1 resolved, 1 kept")
    );
    let out = tadqiq(
        &[
            "diff",
            "--format",
            "json",
            "--fail-on",
            "warning",
            "old.md",
            "new.md",
        ],
        root,
    );
    assert_eq!(out.status.code(), Some(1));
    let doc = json(&out);
    assert_eq!(
        doc["summary"],
        serde_json::json!({"added": 1, "resolved": 1, "kept": 1})
    );
    assert_eq!(doc["old"], "old.md");
    assert_eq!(doc["added"][0]["spans"][0]["line"], 6);
    // OLD from standard input, read in NEW's format (git show HEAD:new.md | tadqiq diff - new.md).
    let out = tadqiq_stdin(
        &["diff", "--format", "json", "-", "new.md"],
        root,
        format!("{kept}\n{resolved}").as_bytes(),
    );
    assert_eq!(
        json(&out)["summary"],
        serde_json::json!({"added": 1, "resolved": 1, "kept": 1})
    );
}

#[test]
fn diff_sees_a_name_conflict_resolved() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "old.txt", NAME_CONFLICT);
    write(
        root,
        "new.txt",
        NAME_CONFLICT
            .replace("فاروق الشرع", "أحمد الشرع")
            .replace("نائب الرئيس السوري السابق", "الرئيس السوري"),
    );
    let doc = json(&tadqiq(
        &["diff", "--format", "json", "old.txt", "new.txt"],
        root,
    ));
    let resolved: Vec<&str> = doc["resolved"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert!(resolved.contains(&"name-conflict"), "{doc}");
}

// ------------------------------------------------------------ CI recipe files

#[test]
fn pre_commit_hook_runs_the_documented_command() {
    let hooks = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join(".pre-commit-hooks.yaml"),
    )
    .expect(".pre-commit-hooks.yaml at the repo root");
    assert!(hooks.contains("id: tadqiq"), "{hooks}");
    assert!(hooks.contains("entry: tadqiq check"), "{hooks}");
    let ci = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/ci.md"))
        .expect("docs/ci.md");
    // The commands the recipes run are the ones these tests run.
    for command in [
        "tadqiq check --format sarif",
        "tadqiq check --format github",
        "tadqiq snapshot --dir snapshots --check",
        "--baseline",
    ] {
        assert!(ci.contains(command), "docs/ci.md lacks `{command}`");
    }
}
