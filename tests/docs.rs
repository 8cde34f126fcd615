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

/// The counts of the shipped gazetteer in README.md and docs/gazetteer.md
/// are those `tadqiq gazetteer stats` gives (a gazetteer change that adds an
/// entity, a role or an ambiguous alias updates both).
#[test]
fn gazetteer_counts_in_the_docs_are_the_real_ones() {
    let stats: serde_json::Value =
        serde_json::from_str(&tadqiq(&["gazetteer", "stats", "--format", "json"]))
            .expect("stats is JSON");
    let n = |v: &serde_json::Value| {
        let n = v.as_u64().expect("a count");
        // Counts are written with a thousands separator, as in "1,177".
        if n >= 1000 {
            format!("{},{:03}", n / 1000, n % 1000)
        } else {
            n.to_string()
        }
    };
    let (entities, people, places, orgs) = (
        n(&stats["entities"]),
        n(&stats["by_kind"]["person"]),
        n(&stats["by_kind"]["place"]),
        n(&stats["by_kind"]["organization"]),
    );
    let (roles, dated, ambiguous) = (
        n(&stats["roles"]),
        n(&stats["dated_roles"]),
        n(&stats["ambiguous_aliases"]),
    );
    // Both sentences wrap lines: compare with runs of white space as one space.
    let flat = |path: &str| {
        let text = std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR")))
            .unwrap_or_else(|e| panic!("{path}: {e}"));
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    let readme = format!(
        "({entities} entities: {people} people with {roles} roles, {dated} of them dated, \
         {places} places, {orgs} organizations;"
    );
    assert!(
        flat("README.md").contains(&readme),
        "README.md's gazetteer counts are stale; they are now: {readme}"
    );
    let guide = format!(
        "({entities} entities in this release: {people} people with {roles} roles, \
         {places} places, {orgs} organizations, {ambiguous} ambiguous aliases)."
    );
    assert!(
        flat("docs/gazetteer.md").contains(&guide),
        "docs/gazetteer.md's gazetteer counts are stale; they are now: {guide}"
    );
}
