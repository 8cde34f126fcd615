//! Numbers, facts and lexicons (issue 10): the fixture drafts under
//! `tests/fixtures/numbers/`, Arabic and English, each class with a draft
//! that must be flagged and one that must stay quiet; facts with validity;
//! front matter dates; and a newsroom's own lexicon folder.

mod common;

use std::path::{Path, PathBuf};

use common::{stderr, stdout, tadqiq};
use tadqiq::{CheckerBuilder, Format, Mode};

/// The rules this file is about; other rules (unknown-name …) may add
/// their own findings to a fixture without failing it.
const RULES: [&str; 3] = ["number-conflict", "fact-conflict", "front-matter-date"];

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

struct Case {
    file: &'static str,
    /// (rule, severity, primary span text) in report order.
    want: &'static [(&'static str, &'static str, &'static str)],
}

fn findings(file: &str) -> Vec<(String, String, String)> {
    let path = fixtures().join("numbers").join(file);
    let text = std::fs::read_to_string(&path).expect("fixture is UTF-8");
    let format = if file.ends_with(".md") {
        Format::Markdown
    } else {
        Format::Plain
    };
    let checker = CheckerBuilder::new()
        .build()
        .expect("the embedded gazetteer is valid");
    let report = checker.run(file, &text, format, Mode::Check);
    common::triples(report.findings.iter().filter(|f| RULES.contains(&f.rule)))
}

fn run(cases: &[Case]) {
    for case in cases {
        let got = findings(case.file);
        let want: Vec<(String, String, String)> = case
            .want
            .iter()
            .map(|(r, s, t)| (r.to_string(), s.to_string(), t.to_string()))
            .collect();
        assert_eq!(got, want, "fixture {}", case.file);
    }
}

/// A toll of one attack, keyed by the place for want of a subject.
#[test]
fn tolls_of_one_event() {
    run(&[
        Case {
            file: "ar-toll-conflict.txt",
            want: &[("number-conflict", "error", "أودى بحياة 15 مدنياً")],
        },
        Case {
            file: "en-toll-conflict.txt",
            want: &[("number-conflict", "error", "killed 15 civilians")],
        },
        // "at least 12" vs 15 (a rising toll), another place, a cumulative
        // toll "since the start of the month", a toll of another day, and
        // "21 Islamic State fighters" (no count of states).
        Case {
            file: "ar-toll-quiet.txt",
            want: &[],
        },
        Case {
            file: "en-toll-quiet.txt",
            want: &[],
        },
        // REGRESSION: "another attack" with no place of its own was keyed by
        // the draft's only place and contradicted the first toll.
        Case {
            file: "ar-toll-another.txt",
            want: &[],
        },
        Case {
            file: "en-toll-another.txt",
            want: &[],
        },
    ]);
}

/// A rate of one country, "%" and "في المئة" / "percent" alike.
#[test]
fn rates_of_one_country() {
    run(&[
        Case {
            file: "ar-rate-conflict.txt",
            want: &[("number-conflict", "error", "التضخم في مصر بلغ 28 في المئة")],
        },
        Case {
            file: "en-rate-conflict.txt",
            want: &[(
                "number-conflict",
                "error",
                "inflation in Egypt was 28 percent",
            )],
        },
        // 25.5% = 25.5 في المئة; another month; another country.
        Case {
            file: "ar-rate-quiet.txt",
            want: &[],
        },
        Case {
            file: "en-rate-quiet.txt",
            want: &[],
        },
    ]);
}

/// Scale words on one scale: "أكثر من مليون" vs "نحو 800 ألف".
#[test]
fn scale_words() {
    run(&[
        Case {
            file: "ar-scale-conflict.txt",
            want: &[("number-conflict", "error", "نحو 800 ألف شخص")],
        },
        Case {
            file: "en-scale-conflict.txt",
            want: &[("number-conflict", "error", "about 800,000 people")],
        },
        Case {
            file: "ar-scale-quiet.txt",
            want: &[],
        },
        Case {
            file: "en-scale-quiet.txt",
            want: &[],
        },
    ]);
}

/// "the 89-member coalition", "consists of", "يتألف من", number words.
#[test]
fn member_count_forms() {
    run(&[
        Case {
            file: "en-members-conflict.txt",
            want: &[(
                "number-conflict",
                "error",
                "consists of eighty-five countries",
            )],
        },
        Case {
            file: "ar-members-conflict.txt",
            want: &[("number-conflict", "error", "يتكون من خمس وثمانين دولة")],
        },
        Case {
            file: "en-members-agree.txt",
            want: &[],
        },
        Case {
            file: "ar-members-agree.txt",
            want: &[],
        },
    ]);
}

/// The claims behind the quiet fixtures are read, not missed: each quiet
/// draft is quiet because its numbers sit in different slots.
#[test]
fn quiet_drafts_are_read() {
    let checker = CheckerBuilder::new().build().expect("gazetteer");
    let slots = |file: &str| -> Vec<(String, Option<String>)> {
        let text = std::fs::read_to_string(fixtures().join("numbers").join(file)).unwrap();
        let report = checker.run(file, &text, Format::Plain, Mode::Check);
        let claims = report.claims.expect("check reads claims");
        claims
            .quantities
            .iter()
            .map(|q| {
                let slot = serde_json::to_value(&q.slot).unwrap();
                let slot = (!slot.is_null()).then(|| {
                    format!(
                        "{}/{}/{}",
                        slot["entity"].as_str().unwrap_or(""),
                        slot["predicate"].as_str().unwrap_or(""),
                        slot["unit"].as_str().unwrap_or("")
                    )
                });
                (q.text.clone(), slot)
            })
            .collect()
    };
    let en = slots("en-toll-quiet.txt");
    let fighters = en
        .iter()
        .find(|(t, _)| t.contains("21"))
        .expect("the 21 is read");
    // REGRESSION: "21 Islamic State fighters" was a count of countries.
    assert!(
        fighters
            .1
            .as_deref()
            .is_none_or(|s| s.ends_with("/fighters")),
        "{en:?}"
    );
    assert!(
        en.iter()
            .any(|(_, s)| s.as_deref() == Some("daraa/killed/civilians")),
        "{en:?}"
    );
    assert!(
        en.iter()
            .any(|(_, s)| s.as_deref() == Some("homs/killed/civilians")),
        "{en:?}"
    );
    let ar = slots("ar-rate-quiet.txt");
    let percent = ar
        .iter()
        .filter(|(_, s)| s.as_deref() == Some("egypt/inflation/percent"))
        .count();
    // "25.5%" and "25.5 في المئة" are one value of one slot.
    assert_eq!(percent, 2, "{ar:?}");
}

/// Facts with validity: the draft's date (front matter, with a time and a
/// zone) picks the value of the coalition's history.
#[test]
fn facts_with_validity() {
    run(&[
        // REGRESSION: a 2017 article's "68 countries" was a fact-conflict.
        Case {
            file: "ar-dated-2017.md",
            want: &[],
        },
        Case {
            file: "en-date-zulu.md",
            want: &[],
        },
        Case {
            file: "en-dated-2017.md",
            want: &[("fact-conflict", "error", "includes 60 countries")],
        },
    ]);
}

/// An unreadable `date:` is a warning, never silence.
#[test]
fn unreadable_front_matter_date() {
    run(&[
        Case {
            file: "ar-date-unreadable.md",
            want: &[("front-matter-date", "warning", "22 مارس 2017")],
        },
        Case {
            file: "en-date-unreadable.md",
            want: &[("front-matter-date", "warning", "March 22, 2017")],
        },
    ]);
}

/// A count fact with neither `from` nor `as_of` judges nothing.
#[test]
fn count_fact_without_a_start_judges_nothing() {
    let dir = std::env::temp_dir().join(format!("tadqiq-claims-numbers-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("organizations-desk.yaml"),
        "- id: desk-league\n  names: {en: [Desk League]}\n  facts:\n    - key: members\n      value: 12\n      unit: {en: [countries, members]}\n      predicate: {en: [includes]}\n      source: https://example.org/desk-league\n  source: https://example.org/desk-league\n- id: desk-union\n  names: {en: [Desk Union]}\n  facts:\n    - key: members\n      value: 12\n      unit: {en: [countries, members]}\n      predicate: {en: [includes]}\n      from: 2020-01-01\n      source: https://example.org/desk-union\n  source: https://example.org/desk-union\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("draft.txt"),
        "The Desk League includes 30 countries. The Desk Union includes 30 countries.\n",
    )
    .unwrap();
    let out = tadqiq(
        &[
            "check",
            "--isolated",
            "--gazetteer",
            dir.to_str().unwrap(),
            "--date",
            "2024-05-01",
            dir.join("draft.txt").to_str().unwrap(),
        ],
        &dir,
    );
    let text = stdout(&out);
    assert!(text.contains("Desk Union"), "{text}{}", stderr(&out));
    assert!(!text.contains("Desk League"), "{text}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// A newsroom's lexicon folder adds forms: "استشهاد" counts the killed.
#[test]
fn newsroom_lexicon_folder() {
    let root = fixtures();
    let draft = "numbers/ar-desk-lexicon.txt";
    let without = tadqiq(&["check", "--isolated", draft], &root);
    assert!(
        !stdout(&without).contains("number-conflict"),
        "{}",
        stdout(&without)
    );
    let with = tadqiq(
        &["check", "--isolated", "--lexicon", "lexicon-desk", draft],
        &root,
    );
    assert!(
        stdout(&with).contains("error[number-conflict]"),
        "{}{}",
        stdout(&with),
        stderr(&with)
    );
    // The same folder from tadqiq.yaml, relative to the config.
    let dir = std::env::temp_dir().join(format!("tadqiq-lexicon-cfg-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("desk")).unwrap();
    std::fs::copy(
        root.join("lexicon-desk/predicates-desk.yaml"),
        dir.join("desk/predicates-desk.yaml"),
    )
    .unwrap();
    std::fs::write(dir.join("tadqiq.yaml"), "lexicons: [desk]\n").unwrap();
    std::fs::copy(root.join(draft), dir.join("draft.txt")).unwrap();
    let config = tadqiq(&["check", "draft.txt"], &dir);
    assert!(
        stdout(&config).contains("error[number-conflict]"),
        "{}{}",
        stdout(&config),
        stderr(&config)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// A bad lexicon file: path:line:col, exit 2, no panic.
#[test]
fn bad_lexicon_folder() {
    let root = fixtures();
    let out = tadqiq(
        &[
            "check",
            "--isolated",
            "--lexicon",
            "lexicon-bad",
            "numbers/ar-desk-lexicon.txt",
        ],
        &root,
    );
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("lexicon-bad/qualifiers-desk.yaml:5:10:") && err.contains("sideways"),
        "{err}"
    );
    let out = tadqiq(
        &[
            "check",
            "--isolated",
            "--lexicon",
            "no-such-folder",
            "numbers/ar-desk-lexicon.txt",
        ],
        &root,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no-such-folder"), "{}", stderr(&out));
}
