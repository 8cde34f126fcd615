//! Documentation that must not drift from the binary: docs/rules.md holds
//! `tadqiq explain RULE` for every rule, and the README shows the real report
//! of its example draft.

use std::process::Command;

fn tadqiq(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_tadqiq"))
        .args(args)
        .output()
        .expect("the binary runs");
    assert_eq!(out.status.code(), Some(0), "tadqiq {args:?}");
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn rules_doc_matches_explain() {
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules.md"))
        .expect("docs/rules.md exists");
    let list = tadqiq(&["explain"]);
    let ids: Vec<&str> = list
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert!(ids.len() >= 10, "{list}");
    for id in ids {
        let heading = format!("## `{id}`\n\n```text\n");
        let at = doc
            .find(&heading)
            .unwrap_or_else(|| panic!("docs/rules.md lacks a section for {id}"));
        let body = &doc[at + heading.len()..];
        let body = &body[..body.find("```").expect("closing fence")];
        assert_eq!(
            body,
            tadqiq(&["explain", id]),
            "docs/rules.md is stale for {id}; regenerate it (see the file's first line)"
        );
    }
}

#[test]
fn readme_report_is_the_real_one() {
    let root = env!("CARGO_MANIFEST_DIR");
    let out = Command::new(env!("CARGO_BIN_EXE_tadqiq"))
        .args(["check", "examples/visit.md"])
        .current_dir(root)
        .output()
        .expect("the binary runs");
    // The example has an error: the README says the command exits 1.
    assert_eq!(out.status.code(), Some(1));
    let report = String::from_utf8(out.stdout).expect("UTF-8");
    let readme = std::fs::read_to_string(format!("{root}/README.md")).expect("README.md");
    assert!(
        readme.contains(report.trim_end()),
        "README.md's report of examples/visit.md is stale; paste the output of \
         `cargo run --release -- check examples/visit.md`:\n{report}"
    );
}

/// The README's rules table and `tadqiq explain` list the same rules, and
/// the first severity of the table's "default" column is the one `explain`
/// gives.
#[test]
fn readme_rules_table_matches_explain() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md");
    let table = &readme[readme
        .find("| rule | default | what it flags |")
        .expect("the rules table")..];
    let mut rows: Vec<(String, String)> = table
        .lines()
        .skip(2)
        .take_while(|l| l.starts_with("| `"))
        .map(|l| {
            let cells: Vec<&str> = l.split('|').map(str::trim).collect();
            let id = cells[1].trim_matches('`').to_string();
            let severity = cells[2].split(" / ").next().unwrap_or("").to_string();
            (id, severity)
        })
        .collect();
    rows.sort();
    let list = tadqiq(&["explain"]);
    let mut explain: Vec<(String, String)> = list
        .lines()
        .map(|l| {
            let words: Vec<&str> = l.split_whitespace().collect();
            (words[0].to_string(), words[1].to_string())
        })
        .collect();
    explain.sort();
    assert_eq!(
        rows, explain,
        "README.md's rules table disagrees with `tadqiq explain`"
    );
}
