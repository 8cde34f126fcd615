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
