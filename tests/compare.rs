//! `tadqiq compare A B`: two language versions of one story checked against
//! each other. The fixture pairs under tests/fixtures/compare/ are one story
//! written for tadqiq in Arabic and in English; `agree/` is the pair that
//! agrees, every other folder holds exactly one drift.

mod common;

use std::path::Path;

use common::{stderr, stdout, tadqiq, tadqiq_stdin};
use serde_json::Value;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn pair(name: &str) -> (String, String) {
    (
        format!("tests/fixtures/compare/{name}/ar.md"),
        format!("tests/fixtures/compare/{name}/en.md"),
    )
}

/// The JSON report of comparing the pair `name`, with its exit code.
fn compare_json(name: &str, extra: &[&str]) -> (Value, Option<i32>) {
    let (ar, en) = pair(name);
    let mut args = vec!["compare", "--isolated", "--format", "json"];
    args.extend_from_slice(extra);
    args.push(&ar);
    args.push(&en);
    let out = tadqiq(&args, root());
    let json = serde_json::from_str(&stdout(&out)).expect("JSON report");
    (json, out.status.code())
}

/// (rule, severity, [(path, line, column, text)]) of every finding.
type Found = (String, String, Vec<(String, u64, u64, String)>);

fn findings(report: &Value) -> Vec<Found> {
    let mut out = Vec::new();
    for file in report["files"].as_array().expect("files") {
        for f in file["findings"].as_array().expect("findings") {
            let spans = f["spans"]
                .as_array()
                .expect("spans")
                .iter()
                .map(|s| {
                    (
                        s["path"].as_str().expect("span path").to_string(),
                        s["line"].as_u64().expect("line"),
                        s["column"].as_u64().expect("column"),
                        s["text"].as_str().expect("text").to_string(),
                    )
                })
                .collect();
            out.push((
                f["rule"].as_str().expect("rule").to_string(),
                f["severity"].as_str().expect("severity").to_string(),
                spans,
            ));
        }
    }
    out
}

struct Drift {
    /// The fixture folder.
    name: &'static str,
    rule: &'static str,
    severity: &'static str,
    /// (file, line, column, text) of the span in each version, primary first.
    spans: [(&'static str, u64, u64, &'static str); 2],
}

#[test]
fn each_drift_is_reported_once_with_a_span_in_each_file() {
    let drifts = [
        // en says 88 countries where ar says 89 (the coalition's count
        // before Damascus joined).
        Drift {
            name: "number",
            rule: "number-conflict",
            severity: "error",
            spans: [
                ("ar.md", 10, 36, "يضم 89 دولة"),
                ("en.md", 10, 42, "included 88 countries"),
            ],
        },
        // en dates Assad's fall to December 9 where ar says the 8th.
        Drift {
            name: "date",
            rule: "date-conflict",
            severity: "error",
            spans: [
                ("ar.md", 14, 56, "الثامن من ديسمبر/كانون الأول 2024"),
                ("en.md", 14, 84, "December 9, 2024"),
            ],
        },
        // en calls Ahmed al-Sharaa vice president; ar calls him president.
        Drift {
            name: "role",
            rule: "role-conflict",
            severity: "error",
            spans: [
                ("en.md", 8, 31, "Syrian Vice President Ahmed al-Sharaa"),
                ("ar.md", 8, 36, "الرئيسَ السوري أحمد الشرع"),
            ],
        },
        // ar names Farouk al-Sharaa where en names Ahmed al-Sharaa.
        Drift {
            name: "person",
            rule: "name-conflict",
            severity: "error",
            spans: [
                ("ar.md", 8, 51, "فاروق الشرع"),
                ("en.md", 8, 48, "Ahmed al-Sharaa"),
            ],
        },
        // en gives the foreign minister's title to the interior minister.
        Drift {
            name: "person-title",
            rule: "name-conflict",
            severity: "error",
            spans: [
                ("ar.md", 10, 78, "وزير الخارجية أسعد الشيباني"),
                ("en.md", 10, 117, "Foreign Minister Anas Khattab"),
            ],
        },
        // Trump's quote gives 90 countries in ar, 91 in en.
        Drift {
            name: "quote-number",
            rule: "quote-drift",
            severity: "error",
            spans: [
                ("ar.md", 12, 42, "يضم الآن 90 دولة"),
                ("en.md", 12, 60, "includes 91 countries"),
            ],
        },
    ];
    for d in drifts {
        let (report, code) = compare_json(d.name, &[]);
        let found = findings(&report);
        assert_eq!(
            found.len(),
            1,
            "{}: exactly one finding: {found:#?}",
            d.name
        );
        let (rule, severity, spans) = &found[0];
        assert_eq!(
            (rule.as_str(), severity.as_str()),
            (d.rule, d.severity),
            "{}",
            d.name
        );
        let want: Vec<(String, u64, u64, String)> = d
            .spans
            .iter()
            .map(|(file, line, column, text)| {
                (
                    format!("tests/fixtures/compare/{}/{file}", d.name),
                    *line,
                    *column,
                    text.to_string(),
                )
            })
            .collect();
        assert_eq!(spans, &want, "{}", d.name);
        assert_eq!(code, Some(1), "{}: an error fails the run", d.name);
    }
}

#[test]
fn the_agreeing_pair_is_quiet() {
    let (report, code) = compare_json("agree", &["--fail-on", "info"]);
    assert_eq!(findings(&report), Vec::<Found>::new());
    assert_eq!(code, Some(0));
    assert_eq!(report["summary"]["files"], 2);
}

#[test]
fn a_number_drift_is_not_also_a_quote_drift_and_vice_versa() {
    // The quoted count is bound to the coalition's slot too; the drift is
    // reported once, by quote-drift, not again by number-conflict.
    let (report, _) = compare_json("quote-number", &[]);
    let rules: Vec<String> = findings(&report).into_iter().map(|f| f.0).collect();
    assert_eq!(rules, ["quote-drift"]);
}

#[test]
fn what_one_version_lacks_is_a_version_gap() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (ar, en) = pair("agree");
    let ar_text = std::fs::read_to_string(root().join(&ar)).expect("fixture");
    let en_text = std::fs::read_to_string(root().join(&en)).expect("fixture");
    // The English desk leaves out the foreign minister.
    let en_text = en_text.replace(
        " Al-Sharaa was accompanied by Foreign Minister Asaad al-Shaibani.",
        "",
    );
    std::fs::write(dir.path().join("ar.md"), ar_text).expect("write");
    std::fs::write(dir.path().join("en.md"), en_text).expect("write");
    let out = tadqiq(
        &[
            "compare",
            "--isolated",
            "--format",
            "json",
            "ar.md",
            "en.md",
        ],
        dir.path(),
    );
    // An info does not fail the run by default ...
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let report: Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    let found = findings(&report);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].0, "version-gap");
    assert_eq!(found[0].1, "info");
    assert_eq!(found[0].2[0].0, "ar.md");
    assert_eq!(found[0].2[0].3, "أسعد الشيباني");
    // ... and does with --fail-on info.
    let out = tadqiq(
        &[
            "compare",
            "--isolated",
            "--fail-on",
            "info",
            "ar.md",
            "en.md",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
}

/// Validates against the official SARIF 2.1.0 schema, as tests/cli_gate.rs does.
fn assert_valid_sarif(doc: &Value) {
    let schema: Value = serde_json::from_str(include_str!("schemas/sarif-schema-2.1.0.json"))
        .expect("schema is JSON");
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    compiler.enable_format_assertions();
    let url = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    compiler.add_resource(url, schema).expect("schema added");
    let index = compiler
        .compile(url, &mut schemas)
        .expect("schema compiles");
    if let Err(e) = schemas.validate(doc, index) {
        panic!("SARIF output does not validate: {e:#}\n{doc:#}");
    }
}

#[test]
fn every_format_names_both_files() {
    let (ar, en) = pair("number");
    let run = |format: &str| {
        let out = tadqiq(
            &["compare", "--isolated", "--format", format, &ar, &en],
            root(),
        );
        assert_eq!(out.status.code(), Some(1), "{format}: {}", stderr(&out));
        stdout(&out)
    };
    let human = run("human");
    assert!(
        human.starts_with(&format!("{ar}:10:36: error[number-conflict]")),
        "{human}"
    );
    assert!(
        human.contains(&format!("  also: {en}:10:42: \"included 88 countries\"")),
        "{human}"
    );
    assert!(human.ends_with("tadqiq: 2 files checked: 1 error, 0 warnings, 0 infos\n"));

    let jsonl = run("jsonl");
    let line: Value = serde_json::from_str(jsonl.lines().next().expect("a line")).expect("JSON");
    assert_eq!(line["path"], ar.as_str());
    assert_eq!(line["spans"][1]["path"], en.as_str());

    let sarif: Value = serde_json::from_str(&run("sarif")).expect("SARIF");
    assert_valid_sarif(&sarif);
    let result = &sarif["runs"][0]["results"][0];
    assert_eq!(result["ruleId"], "number-conflict");
    assert_eq!(
        result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        ar.as_str()
    );
    let related = &result["relatedLocations"][0]["physicalLocation"];
    assert_eq!(related["artifactLocation"]["uri"], en.as_str());
    assert_eq!(related["region"]["startLine"], 10);
    assert_eq!(related["region"]["startColumn"], 42);
    let rules = sarif["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .expect("rules");
    assert!(rules.iter().any(|r| r["id"] == "version-gap"));

    let github = run("github");
    assert!(
        github.starts_with(&format!("::error file={ar},line=10,col=36,")),
        "{github}"
    );

    let html = run("html");
    assert!(html.contains(&format!("<bdi>{en}</bdi>:10:42")), "{html}");
}

#[test]
fn folders_pair_by_name() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (ar_dir, en_dir) = (dir.path().join("ar"), dir.path().join("en"));
    std::fs::create_dir_all(&ar_dir).expect("mkdir");
    std::fs::create_dir_all(&en_dir).expect("mkdir");
    for (name, fixture) in [("coalition", "number"), ("visit", "agree")] {
        let (ar, en) = pair(fixture);
        std::fs::copy(root().join(ar), ar_dir.join(format!("{name}.ar.md"))).expect("copy");
        std::fs::copy(root().join(en), en_dir.join(format!("{name}.en.md"))).expect("copy");
    }
    // A story the English desk has not written yet.
    std::fs::write(ar_dir.join("later.md"), "خبر لم يترجم بعد.\n").expect("write");
    let out = tadqiq(
        &[
            "compare",
            "--isolated",
            "--format",
            "json",
            "--dir",
            "ar",
            "en",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let report: Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    let paths: Vec<&str> = report["files"]
        .as_array()
        .expect("files")
        .iter()
        .map(|f| f["path"].as_str().expect("path"))
        .collect();
    assert_eq!(
        paths,
        [
            "ar/coalition.ar.md",
            "en/coalition.en.md",
            "ar/visit.ar.md",
            "en/visit.en.md"
        ]
    );
    let found = findings(&report);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].2[1].0, "en/coalition.en.md");
    assert!(
        stderr(&out).contains("note: ar/later.md has no counterpart in en; not compared"),
        "{}",
        stderr(&out)
    );

    // No pair at all: exit 2, saying why.
    std::fs::remove_dir_all(&en_dir).expect("rm");
    std::fs::create_dir_all(&en_dir).expect("mkdir");
    std::fs::write(en_dir.join("other.md"), "Another story.\n").expect("write");
    let out = tadqiq(&["compare", "--isolated", "--dir", "ar", "en"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no file in ar has a counterpart in en"));
}

#[test]
fn bad_input_exits_2_naming_the_file() {
    let (ar, _) = pair("agree");
    let out = tadqiq(&["compare", "--isolated", &ar, "missing.md"], root());
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("missing.md"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");

    let out = tadqiq_stdin(&["compare", "--isolated", "-", "-"], root(), b"x");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("standard input"));

    let out = tadqiq(&["compare", "--isolated", "--dir", &ar, "en"], root());
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("not a folder"), "{}", stderr(&out));
}

#[test]
fn one_version_may_come_from_standard_input() {
    let (ar, en) = pair("date");
    let text = std::fs::read(root().join(&en)).expect("fixture");
    let out = tadqiq_stdin(
        &[
            "compare",
            "--isolated",
            "--format",
            "json",
            "--stdin-name",
            "en.md",
            &ar,
            "-",
        ],
        root(),
        &text,
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let report: Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    let found = findings(&report);
    assert_eq!(found[0].0, "date-conflict");
    assert_eq!(found[0].2[1].0, "en.md");
}

#[test]
fn the_config_sets_rule_levels_and_fail_on() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (ar, en) = pair("number");
    std::fs::copy(root().join(ar), dir.path().join("ar.md")).expect("copy");
    std::fs::copy(root().join(en), dir.path().join("en.md")).expect("copy");
    std::fs::write(
        dir.path().join("tadqiq.yaml"),
        "rules:\n  number-conflict: warning\n",
    )
    .expect("write");
    let out = tadqiq(&["compare", "ar.md", "en.md"], dir.path());
    // A warning does not fail the default `--fail-on error` ...
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(stdout(&out).contains("warning[number-conflict]"));
    // ... and does with --fail-on warning.
    let out = tadqiq(
        &["compare", "--fail-on", "warning", "ar.md", "en.md"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    std::fs::write(
        dir.path().join("tadqiq.yaml"),
        "rules:\n  number-conflict: off\n",
    )
    .expect("write");
    let out = tadqiq(&["compare", "ar.md", "en.md"], dir.path());
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).ends_with("0 errors, 0 warnings, 0 infos\n"));
}

#[test]
fn output_is_deterministic() {
    let (ar, en) = pair("person");
    let run = || {
        stdout(&tadqiq(
            &["compare", "--isolated", "--format", "json", &ar, &en],
            root(),
        ))
    };
    assert_eq!(run(), run());
}

#[test]
fn readme_example_is_the_real_report() {
    let dir = root().join("tests/fixtures/compare/number");
    let out = tadqiq(&["compare", "--isolated", "ar.md", "en.md"], &dir);
    assert_eq!(out.status.code(), Some(1));
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README.md");
    let report = stdout(&out);
    assert!(
        readme.contains(report.trim_end()),
        "README.md's compare example is stale; paste the output of \
         `cd tests/fixtures/compare/number && tadqiq compare ar.md en.md`:\n{report}"
    );
}
