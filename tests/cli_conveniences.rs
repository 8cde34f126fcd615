//! The conveniences linter users expect, named and behaving as in ruff, on
//! the built binary in temporary folders: `--select`/`--extend-select`/
//! `--ignore`, `--statistics`, `-o/--output-file`, `-q`/`-s`, `--fix` and
//! `--diff`, `tadqiq init`, `explain --format json`, `completions`.

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

/// The rules of the findings of a `--format json` report, in order.
fn rules(o: &Output) -> Vec<String> {
    json(o)["files"]
        .as_array()
        .expect("files")
        .iter()
        .flat_map(|f| f["findings"].as_array().expect("findings").clone())
        .map(|f| f["rule"].as_str().expect("rule").to_string())
        .collect()
}

/// A temporary folder holding the bundled example (one name-conflict
/// error, a spelling-variant and a number-conflict warning).
fn example() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/visit.md"))
        .expect("examples/visit.md");
    write(dir.path(), "visit.md", text);
    dir
}

/// Two spellings of one demonym, the gazetteer's first (أميركي) once and
/// the other (أمريكي) twice, one of them feminine.
const VARIANTS: &str = "قال المبعوث الأميركي إن الزيارة مهمة.\n\nوأكد المبعوث الأمريكي ذلك، ونقلت الصحافة الأمريكية الخبر.\n";
/// The same with the gazetteer's first spelling everywhere.
const FIXED: &str = "قال المبعوث الأميركي إن الزيارة مهمة.\n\nوأكد المبعوث الأميركي ذلك، ونقلت الصحافة الأميركية الخبر.\n";
/// A draft no rule flags.
const CLEAN: &str =
    "The weather was mild and the market was quiet.\n\nNothing else happened today.\n";

#[test]
fn select_and_ignore_choose_the_rules() {
    let dir = example();
    let all = tadqiq(&["check", "visit.md", "--format", "json"], dir.path());
    assert_eq!(all.status.code(), Some(1), "{}", stderr(&all));
    let mut every = rules(&all);
    every.sort();
    assert_eq!(
        every,
        ["name-conflict", "number-conflict", "spelling-variant"],
        "the example's findings"
    );
    struct Case {
        args: &'static [&'static str],
        want: &'static [&'static str],
        code: i32,
    }
    let cases = [
        // select limits to the listed rules; no error left, so exit 0.
        Case {
            args: &["--select", "spelling-variant"],
            want: &["spelling-variant"],
            code: 0,
        },
        // Comma-separated, and repeatable.
        Case {
            args: &["--select", "spelling-variant,name-conflict"],
            want: &["name-conflict", "spelling-variant"],
            code: 1,
        },
        Case {
            args: &["--select", "number-conflict", "--select", "name-conflict"],
            want: &["name-conflict", "number-conflict"],
            code: 1,
        },
        // ignore turns rules off, and wins over select.
        Case {
            args: &["--ignore", "name-conflict"],
            want: &["number-conflict", "spelling-variant"],
            code: 0,
        },
        Case {
            args: &[
                "--select",
                "ALL",
                "--ignore",
                "name-conflict,number-conflict",
            ],
            want: &["spelling-variant"],
            code: 0,
        },
        // extend-select adds to select.
        Case {
            args: &[
                "--select",
                "spelling-variant",
                "--extend-select",
                "number-conflict",
            ],
            want: &["number-conflict", "spelling-variant"],
            code: 0,
        },
    ];
    for case in cases {
        let mut args = vec!["check", "visit.md", "--format", "json"];
        args.extend_from_slice(case.args);
        let o = tadqiq(&args, dir.path());
        let mut got = rules(&o);
        got.sort();
        assert_eq!(got, case.want, "{:?}", case.args);
        assert_eq!(o.status.code(), Some(case.code), "{:?}", case.args);
    }
}

#[test]
fn the_command_line_wins_over_the_config() {
    let dir = example();
    write(
        dir.path(),
        "tadqiq.yaml",
        "rules:\n  spelling-variant: off\n  number-conflict: error\n",
    );
    let check = |extra: &[&str]| {
        let mut args = vec!["check", "visit.md", "--format", "json"];
        args.extend_from_slice(extra);
        let o = tadqiq(&args, dir.path());
        let findings: Vec<(String, String)> = json(&o)["files"][0]["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .map(|f| {
                (
                    f["rule"].as_str().unwrap().to_string(),
                    f["severity"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        findings
    };
    let has = |findings: &[(String, String)], rule: &str, severity: &str| {
        findings.iter().any(|(r, s)| r == rule && s == severity)
    };
    let plain = check(&[]);
    assert!(
        !plain.iter().any(|(r, _)| r == "spelling-variant"),
        "{plain:?}"
    );
    assert!(has(&plain, "number-conflict", "error"), "{plain:?}");
    // Selected on the command line, a rule the config turned off runs at its
    // default severity; a level the config sets is kept.
    let selected = check(&["--select", "spelling-variant,number-conflict"]);
    assert!(
        has(&selected, "spelling-variant", "warning"),
        "{selected:?}"
    );
    assert!(has(&selected, "number-conflict", "error"), "{selected:?}");
    assert!(!selected.iter().any(|(r, _)| r == "name-conflict"));
    // extend-select alone switches it back on and keeps the rest.
    let extended = check(&["--extend-select", "spelling-variant"]);
    assert!(
        has(&extended, "spelling-variant", "warning"),
        "{extended:?}"
    );
    assert!(has(&extended, "name-conflict", "error"), "{extended:?}");
}

#[test]
fn an_unknown_rule_is_a_usage_error_naming_it() {
    let dir = example();
    for args in [
        &["check", "visit.md", "--select", "name-conflit"][..],
        &[
            "check",
            "visit.md",
            "--ignore",
            "spelling-variant,name-conflit",
        ],
        &["check", "visit.md", "--extend-select", "name-conflit"],
        &["diff", "visit.md", "visit.md", "--ignore", "name-conflit"],
        &[
            "snapshot",
            "--check",
            "visit.md",
            "--select",
            "name-conflit",
        ],
    ] {
        let o = tadqiq(args, dir.path());
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = stderr(&o);
        assert!(
            err.contains("unknown rule `name-conflit`"),
            "{args:?}: {err}"
        );
        assert!(err.contains("known rules: date-conflict"), "{err}");
        assert!(stdout(&o).is_empty(), "{args:?}");
    }
    // ALL is for selecting, not for --ignore.
    let o = tadqiq(&["check", "visit.md", "--ignore", "ALL"], dir.path());
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn selection_applies_to_diff_and_snapshot() {
    let dir = example();
    write(dir.path(), "clean.md", CLEAN);
    let o = tadqiq(&["diff", "clean.md", "visit.md"], dir.path());
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("name-conflict"), "{}", stdout(&o));
    let o = tadqiq(
        &["diff", "clean.md", "visit.md", "--ignore", "name-conflict"],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(!stdout(&o).contains("name-conflict"), "{}", stdout(&o));

    let o = tadqiq(
        &[
            "snapshot",
            "--update",
            "visit.md",
            "--select",
            "spelling-variant",
        ],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let snap = std::fs::read_to_string(dir.path().join("snapshots/visit.md.tadqiq"))
        .expect("the snapshot");
    assert!(snap.contains("warning[spelling-variant]"), "{snap}");
    assert!(!snap.contains("name-conflict"), "{snap}");
}

#[test]
fn snapshots_do_not_churn_on_columns() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", VARIANTS);
    let o = tadqiq(&["snapshot", "--update", "a.txt"], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // Words added at the start of both lines: the columns of every span
    // move, the findings do not.
    write(
        dir.path(),
        "a.txt",
        format!("ثم {}", VARIANTS.replace("\n\nو", "\n\nثم و")),
    );
    let o = tadqiq(&["snapshot", "--check", "a.txt"], dir.path());
    let diff = stdout(&o);
    let changed: Vec<&str> = diff
        .lines()
        .filter(|l| {
            (l.starts_with('-') || l.starts_with('+'))
                && !l.starts_with("---")
                && !l.starts_with("+++")
        })
        .collect();
    // Only the excerpt lines, which quote the draft, differ.
    assert!(!changed.is_empty(), "{diff}");
    assert!(
        changed
            .iter()
            .all(|l| l[1..].trim_start().starts_with(char::is_numeric) && l.contains(" | ")),
        "{diff}"
    );
}

#[test]
fn statistics_count_findings_per_rule() {
    let dir = example();
    write(
        dir.path(),
        "b.md",
        std::fs::read(dir.path().join("visit.md")).unwrap(),
    );
    let o = tadqiq(&["check", "visit.md", "b.md", "--statistics"], dir.path());
    // The exit code is the same as without --statistics.
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines,
        [
            "2\tname-conflict   \t[ ] Two people sharing a family name, one standing in a slot (title, meeting, quote) the draft gives the other.",
            "2\tnumber-conflict \t[ ] Two quantities for the same entity, predicate and unit that contradict each other or differ in precision.",
            "2\tspelling-variant\t[*] One entity, demonym or name written in two orthographic variants.",
        ],
        "{out}"
    );
    let o = tadqiq(
        &[
            "check",
            "visit.md",
            "--statistics",
            "--format",
            "json",
            "--ignore",
            "number-conflict",
        ],
        dir.path(),
    );
    let stats = json(&o);
    assert_eq!(stats.as_array().map(Vec::len), Some(2), "{stats}");
    assert_eq!(stats[0]["rule"], "name-conflict");
    assert_eq!(stats[0]["count"], 1);
    assert_eq!(stats[0]["fixable"], false);
    assert_eq!(stats[1]["rule"], "spelling-variant");
    assert_eq!(stats[1]["fixable"], true);
    // Nothing to count: nothing printed, exit 0.
    write(dir.path(), "clean.md", CLEAN);
    let o = tadqiq(&["check", "clean.md", "--statistics"], dir.path());
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stdout(&o), "");
}

#[test]
fn output_file_holds_the_report() {
    let dir = example();
    let plain = tadqiq(&["check", "visit.md", "--format", "sarif"], dir.path());
    for flag in ["-o", "--output-file", "--output"] {
        let o = tadqiq(
            &[
                "check",
                "visit.md",
                "--format",
                "sarif",
                flag,
                "out/report.sarif",
            ],
            dir.path(),
        );
        // The folder does not exist: an error naming the file, exit 2.
        assert_eq!(o.status.code(), Some(2), "{flag}");
        assert!(stderr(&o).contains("out/report.sarif"), "{}", stderr(&o));
        std::fs::create_dir_all(dir.path().join("out")).unwrap();
        write(dir.path(), "out/report.sarif", "old contents");
        let o = tadqiq(
            &[
                "check",
                "visit.md",
                "--format",
                "sarif",
                flag,
                "out/report.sarif",
            ],
            dir.path(),
        );
        assert_eq!(o.status.code(), plain.status.code(), "{flag}");
        assert_eq!(stdout(&o), "", "{flag}");
        let written = std::fs::read(dir.path().join("out/report.sarif")).unwrap();
        assert_eq!(written, plain.stdout, "{flag}");
        std::fs::remove_dir_all(dir.path().join("out")).unwrap();
    }
    // tag and diff write there too.
    let o = tadqiq(&["tag", "visit.md", "-o", "mentions.txt"], dir.path());
    assert_eq!(o.status.code(), Some(0));
    let mentions = std::fs::read_to_string(dir.path().join("mentions.txt")).unwrap();
    assert!(mentions.contains("ahmed-al-sharaa"), "{mentions}");
    let o = tadqiq(
        &["diff", "visit.md", "visit.md", "-o", "diff.txt"],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(0));
    assert!(!std::fs::read(dir.path().join("diff.txt"))
        .unwrap()
        .is_empty());
    // A folder in the way.
    let o = tadqiq(&["check", "visit.md", "-o", "."], dir.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("tadqiq: error: .: cannot write"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn quiet_prints_findings_only_and_silent_nothing() {
    let dir = example();
    write(dir.path(), "clean.md", CLEAN);
    let normal = tadqiq(&["check", "visit.md"], dir.path());
    let quiet = tadqiq(&["check", "visit.md", "-q"], dir.path());
    assert_eq!(quiet.status.code(), Some(1));
    let summary = "tadqiq: 1 file checked: 1 error, 2 warnings, 0 infos\n";
    assert!(stdout(&normal).ends_with(summary));
    assert_eq!(
        stdout(&quiet),
        stdout(&normal).strip_suffix(summary).unwrap()
    );
    for flag in ["-q", "--quiet", "-s", "--silent"] {
        let o = tadqiq(&["check", "clean.md", flag], dir.path());
        assert_eq!(o.status.code(), Some(0), "{flag}");
        assert_eq!(stdout(&o), "", "{flag}");
        assert_eq!(stderr(&o), "", "{flag}");
    }
    let silent = tadqiq(&["check", "visit.md", "--silent"], dir.path());
    assert_eq!(silent.status.code(), Some(1));
    assert_eq!(stdout(&silent), "");
    // The errors that make the exit code 2 are still said.
    let o = tadqiq(&["check", "missing.md", "-s"], dir.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("missing.md"), "{}", stderr(&o));
    // -q and -s together are a usage error.
    let o = tadqiq(&["check", "clean.md", "-q", "-s"], dir.path());
    assert_eq!(o.status.code(), Some(2));
    // An empty draft's note is not printed under -q.
    write(dir.path(), "empty.md", "");
    let o = tadqiq(&["check", "empty.md"], dir.path());
    assert!(stderr(&o).contains("empty"), "{}", stderr(&o));
    let o = tadqiq(&["check", "empty.md", "-q"], dir.path());
    assert_eq!(stderr(&o), "");
}

#[test]
fn init_writes_a_config_that_loads() {
    let dir = example();
    let o = tadqiq(&["init"], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = std::fs::read_to_string(dir.path().join("tadqiq.yaml")).unwrap();
    assert!(text.starts_with("# tadqiq.yaml"), "{text}");
    assert!(text.contains("  # spelling-variant: warning\n"), "{text}");
    // Loaded without error, and equal in effect to no config at all.
    let dump = tadqiq(&["config", "--dump"], dir.path());
    assert_eq!(dump.status.code(), Some(0), "{}", stderr(&dump));
    let defaults = tadqiq(&["config", "--dump", "--isolated"], dir.path());
    let body = |o: &Output| stdout(o).lines().skip(1).collect::<Vec<_>>().join("\n");
    assert_eq!(body(&dump), body(&defaults));
    let with = tadqiq(&["check", "visit.md"], dir.path());
    let without = tadqiq(&["check", "visit.md", "--isolated"], dir.path());
    assert_eq!(with.status.code(), Some(1), "{}", stderr(&with));
    assert_eq!(stdout(&with), stdout(&without));
    // Not overwritten without --force.
    write(dir.path(), "tadqiq.yaml", "fail-on: never\n");
    let o = tadqiq(&["init"], dir.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("tadqiq.yaml already exists"),
        "{}",
        stderr(&o)
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("tadqiq.yaml")).unwrap(),
        "fail-on: never\n"
    );
    let o = tadqiq(&["init", "--force"], dir.path());
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("tadqiq.yaml")).unwrap(),
        text
    );
}

#[test]
fn config_dump_fills_in_severities() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "tadqiq.yaml",
        "rules:\n  name-conflict: warning\n  near-miss: off\n",
    );
    let o = tadqiq(&["config", "--dump"], dir.path());
    let out = stdout(&o);
    assert!(!out.lines().any(|l| l.ends_with(": default")), "{out}");
    assert!(out.contains("  name-conflict: warning\n"), "{out}");
    assert!(out.contains("  near-miss: off\n"), "{out}");
    assert!(out.contains("  quote-drift: error  # default\n"), "{out}");
    assert!(out.contains("  unknown-name: info  # default\n"), "{out}");
}

#[test]
fn explain_json_lists_every_rule() {
    let dir = tempfile::tempdir().unwrap();
    let human = tadqiq(&["explain"], dir.path());
    let o = tadqiq(&["explain", "--format", "json"], dir.path());
    assert_eq!(o.status.code(), Some(0));
    let list = json(&o);
    let list = list.as_array().expect("an array");
    let lines: Vec<String> = stdout(&human).lines().map(str::to_string).collect();
    assert_eq!(list.len(), lines.len());
    for (rule, line) in list.iter().zip(&lines) {
        let words: Vec<&str> = line.split_whitespace().collect();
        assert_eq!(rule["id"], words[0]);
        assert_eq!(rule["default_severity"], words[1]);
        assert!(line.ends_with(rule["summary"].as_str().unwrap()));
        let id = rule["id"].as_str().unwrap();
        let text = stdout(&tadqiq(&["explain", id], dir.path()));
        let explanation = rule["explanation"].as_str().unwrap();
        assert!(
            !explanation.is_empty() && text.contains(explanation),
            "{id}"
        );
        if let Some(example) = rule["example"].as_str() {
            assert!(
                example.starts_with("Example") && text.contains(example),
                "{id}"
            );
        }
    }
    assert!(list.iter().filter(|r| r["example"].is_string()).count() >= 8);
    let one = tadqiq(&["explain", "quote-drift", "--format", "json"], dir.path());
    let one = json(&one);
    assert_eq!(one["id"], "quote-drift");
    assert_eq!(
        one,
        list.iter()
            .find(|r| r["id"] == "quote-drift")
            .cloned()
            .unwrap()
    );
    let o = tadqiq(&["explain", "nope", "--format", "json"], dir.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("unknown rule `nope`"));
}

#[test]
fn completions_for_every_shell() {
    let dir = tempfile::tempdir().unwrap();
    for (shell, marker) in [
        ("bash", "_tadqiq()"),
        ("zsh", "#compdef tadqiq"),
        ("fish", "complete -c tadqiq"),
        ("powershell", "Register-ArgumentCompleter"),
        ("elvish", "edit:completion:arg-completer[tadqiq]"),
    ] {
        let o = tadqiq(&["completions", shell], dir.path());
        assert_eq!(o.status.code(), Some(0), "{shell}");
        let script = stdout(&o);
        assert!(script.contains(marker), "{shell}: {script:.200}");
        // The subcommands and the new flags are offered.
        assert!(
            script.contains("init") && script.contains("statistics"),
            "{shell}"
        );
    }
    // ruff's name for the same command.
    let o = tadqiq(&["generate-shell-completion", "fish"], dir.path());
    assert_eq!(o.status.code(), Some(0));
    let o = tadqiq(&["completions", "tcsh"], dir.path());
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn draft_only_flags_refuse_archive_records() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.jsonl", "{\"id\": \"1\", \"text\": \"x\"}\n");
    for flag in ["--fix", "--diff", "--statistics"] {
        let o = tadqiq(&["check", "--input", "jsonl", "a.jsonl", flag], dir.path());
        assert_eq!(o.status.code(), Some(2), "{flag}");
        assert!(
            stderr(&o).contains("not on --input jsonl"),
            "{}",
            stderr(&o)
        );
    }
}

#[test]
fn fix_rewrites_only_the_variant_spans() {
    let dir = tempfile::tempdir().unwrap();
    // A byte-order mark, CRLF line endings and a lone CR elsewhere stay.
    let crlf = |t: &str| t.replace('\n', "\r\n");
    let before = [&b"\xEF\xBB\xBF"[..], crlf(VARIANTS).as_bytes(), b"tail\r"].concat();
    let after = [&b"\xEF\xBB\xBF"[..], crlf(FIXED).as_bytes(), b"tail\r"].concat();
    write(dir.path(), "a.txt", &before);
    write(
        dir.path(),
        "clean.txt",
        VARIANTS.replace("أمريكي", "أميركي"),
    );
    let o = tadqiq(
        &["check", "a.txt", "--select", "spelling-variant"],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(0));
    assert!(
        stdout(&o).contains("warning[spelling-variant]"),
        "{}",
        stdout(&o)
    );

    let o = tadqiq(&["check", "--fix", "a.txt", "clean.txt"], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("fixed 2 spellings in 1 draft"),
        "{}",
        stderr(&o)
    );
    // The report that follows is of the fixed draft.
    assert!(!stdout(&o).contains("spelling-variant"), "{}", stdout(&o));
    assert_eq!(std::fs::read(dir.path().join("a.txt")).unwrap(), after);
    let o = tadqiq(
        &["check", "a.txt", "--select", "spelling-variant", "-q"],
        dir.path(),
    );
    assert_eq!(stdout(&o), "", "the fixed draft checks clean for the rule");
    // A draft with nothing to fix is left as it was.
    assert_eq!(
        std::fs::read_to_string(dir.path().join("clean.txt")).unwrap(),
        VARIANTS.replace("أمريكي", "أميركي")
    );
}

#[test]
fn fix_keeps_utf16_and_follows_house_style() {
    let dir = tempfile::tempdir().unwrap();
    let utf16 = |t: &str| {
        let mut out = vec![0xFF, 0xFE];
        for u in t.encode_utf16() {
            out.extend(u.to_le_bytes());
        }
        out
    };
    write(dir.path(), "a.txt", utf16(VARIANTS));
    let o = tadqiq(&["check", "--fix", "a.txt"], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        std::fs::read(dir.path().join("a.txt")).unwrap(),
        utf16(FIXED)
    );

    // House style the other way round: أمريكي preferred.
    write(
        dir.path(),
        "b/tadqiq.yaml",
        "prefer:\n  words: [[أمريكي, أميركي]]\n",
    );
    write(dir.path(), "b/a.txt", VARIANTS);
    let o = tadqiq(&["check", "--fix", "b/a.txt"], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("b/a.txt")).unwrap(),
        VARIANTS.replace("الأميركي", "الأمريكي")
    );
}

#[test]
fn diff_shows_the_fix_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", VARIANTS);
    let o = tadqiq(&["check", "--diff", "a.txt"], dir.path());
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.starts_with("--- a/a.txt\n+++ b/a.txt\n@@"), "{out}");
    assert!(out.contains("\n-وأكد المبعوث الأمريكي ذلك، ونقلت الصحافة الأمريكية الخبر.\n+وأكد المبعوث الأميركي ذلك، ونقلت الصحافة الأميركية الخبر.\n"), "{out}");
    assert!(!out.contains("warning["), "only the diff: {out}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a.txt")).unwrap(),
        VARIANTS
    );
    // Standard input: --diff works, --fix cannot rewrite it.
    let o = tadqiq_stdin(
        &["check", "--diff", "-", "--stdin-name", "x.txt"],
        dir.path(),
        VARIANTS.as_bytes(),
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).starts_with("--- a/x.txt\n"), "{}", stdout(&o));
    let o = tadqiq_stdin(&["check", "--fix", "-"], dir.path(), VARIANTS.as_bytes());
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("cannot rewrite standard input"),
        "{}",
        stderr(&o)
    );
    // Nothing to fix: no diff, exit 0; the other findings do not count.
    write(dir.path(), "b.txt", FIXED);
    let o = tadqiq(&["check", "--diff", "b.txt"], dir.path());
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stdout(&o), "");
    let dir2 = example();
    let o = tadqiq(
        &[
            "check",
            "--diff",
            "visit.md",
            "--ignore",
            "spelling-variant",
        ],
        dir2.path(),
    );
    assert_eq!(o.status.code(), Some(0), "an ignored rule is not fixed");
    assert_eq!(stdout(&o), "");
}

#[test]
fn a_finding_the_baseline_hides_is_not_fixed() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", VARIANTS);
    let o = tadqiq(
        &["check", "a.txt", "--write-baseline", "base.json"],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(0));
    let o = tadqiq(
        &["check", "--fix", "a.txt", "--baseline", "base.json"],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a.txt")).unwrap(),
        VARIANTS
    );
}

#[test]
fn every_new_flag_is_in_help_and_readme() {
    let dir = tempfile::tempdir().unwrap();
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md");
    let help = |args: &[&str]| stdout(&tadqiq(args, dir.path()));
    let check = help(&["check", "--help"]);
    for flag in [
        "--select",
        "--extend-select",
        "--ignore",
        "--statistics",
        "--output-file",
        "--quiet",
        "--silent",
        "--fix",
        "--diff",
    ] {
        assert!(check.contains(flag), "check --help lacks {flag}");
        assert!(readme.contains(flag), "README.md lacks {flag}");
    }
    assert!(
        check.contains("-o, --output-file")
            && check.contains("-q, --quiet")
            && check.contains("-s, --silent")
    );
    for (args, flag) in [
        (&["snapshot", "--help"][..], "--select"),
        (&["diff", "--help"], "--ignore"),
        (&["diff", "--help"], "--output-file"),
        (&["tag", "--help"], "--output-file"),
        (&["explain", "--help"], "--format"),
        (&["init", "--help"], "--force"),
    ] {
        assert!(help(args).contains(flag), "{args:?} lacks {flag}");
    }
    let top = help(&["--help"]);
    for command in ["init", "completions"] {
        assert!(top.contains(command), "--help lacks {command}");
        assert!(
            readme.contains(&format!("tadqiq {command}")),
            "README.md lacks {command}"
        );
    }
    assert!(readme.contains("tadqiq explain --format json"));
}
