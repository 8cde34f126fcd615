//! `tadqiq check --input jsonl` on the built binary: one JSONL line per
//! record in input order, each record with its own date, bad records
//! reported on their own line without stopping the stream.

use std::process::Output;

mod common;
use common::tadqiq_stdin;

fn lines(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(out.stdout.clone())
        .expect("UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("every output line is JSON"))
        .collect()
}

fn record(id: usize, text: &str, date: Option<&str>) -> String {
    let mut r = serde_json::json!({"id": id, "text": text});
    if let Some(d) = date {
        r["date"] = d.into();
    }
    r.to_string()
}

/// The coalition had 89 members on 2025-11-09 and 90 from 2025-11-10
/// (gazetteer facts): the same sentence is a fact-conflict on one date only.
const NINETY: &str = "قال المسؤول إن التحالف الدولي ضد داعش يضم 90 دولة.";

#[test]
fn each_record_is_judged_at_its_own_date_and_comes_back_in_order() {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = [
        record(1, NINETY, Some("2025-11-09")),
        record(2, NINETY, Some("2025-12-01T09:30:00+03:00")),
        record(3, "لا أسماء هنا.", None),
    ]
    .join("\n");
    let out = tadqiq_stdin(
        &["check", "--isolated", "--input", "jsonl", "-"],
        dir.path(),
        input.as_bytes(),
    );
    let got = lines(&out);
    assert_eq!(got.len(), 3, "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(got[0]["id"], 1);
    assert_eq!(got[0]["findings"][0]["rule"], "fact-conflict");
    assert_eq!(got[0]["summary"]["errors"], 1);
    assert_eq!(got[1]["id"], 2);
    assert_eq!(got[1]["findings"].as_array().map(Vec::len), Some(0));
    assert_eq!(got[2]["id"], 3);
    assert_eq!(out.status.code(), Some(1), "an error finding fails the run");
}

#[test]
fn a_bad_record_gets_its_own_error_line_and_the_stream_goes_on() {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = [
        record(1, "زار أحمد الشرع دمشق.", None),
        "{not json".to_string(),
        r#"{"id": 3, "title": "no text"}"#.to_string(),
        r#"{"id": 4, "text": "x", "date": "yesterday"}"#.to_string(),
        String::new(),
        record(5, "زار أحمد الشرع دمشق.", None),
    ]
    .join("\n");
    let out = tadqiq_stdin(
        &["tag", "--isolated", "--input", "jsonl"],
        dir.path(),
        input.as_bytes(),
    );
    let got = lines(&out);
    assert_eq!(
        got.len(),
        5,
        "the blank line is skipped, every other line answered"
    );
    assert_eq!(got[0]["mentions"].as_array().map(Vec::len), Some(2));
    assert!(got[1]["error"]
        .as_str()
        .is_some_and(|e| e.starts_with("line 2: not a record")));
    assert_eq!(got[2]["id"], 3);
    assert!(got[2]["error"]
        .as_str()
        .is_some_and(|e| e.contains("missing field `text`")));
    assert!(got[3]["error"]
        .as_str()
        .is_some_and(|e| e.contains("`date` \"yesterday\"")));
    assert_eq!(got[4]["id"], 5);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("3 of 5 record(s) could not be checked"));
}

#[test]
fn many_records_on_every_core_match_one_core_byte_for_byte() {
    let dir = tempfile::tempdir().expect("temp dir");
    let texts = [
        "زار الرئيس السوري أحمد الشرع واشنطن والتقى الرئيس الأمريكي دونالد ترامب.",
        NINETY,
        "The Syrian Foreign Minister Asaad al-Shaibani arrived in Riyadh.",
        "لا أسماء هنا.",
    ];
    // More records than one batch holds, so batches are joined in order.
    let input: Vec<String> = (0..1200)
        .map(|i| record(i, texts[i % texts.len()], Some("2025-11-01")))
        .collect();
    let input = input.join("\n");
    let one = tadqiq_stdin(
        &[
            "check",
            "--isolated",
            "--input",
            "jsonl",
            "-j",
            "1",
            "--fail-on",
            "never",
        ],
        dir.path(),
        input.as_bytes(),
    );
    let all = tadqiq_stdin(
        &[
            "check",
            "--isolated",
            "--input",
            "jsonl",
            "-j",
            "0",
            "--fail-on",
            "never",
        ],
        dir.path(),
        input.as_bytes(),
    );
    assert_eq!(one.status.code(), Some(0));
    assert_eq!(one.stdout, all.stdout);
    let got = lines(&all);
    assert_eq!(got.len(), 1200);
    for (i, line) in got.iter().enumerate() {
        assert_eq!(line["id"], i, "record {i} out of order");
    }
}
