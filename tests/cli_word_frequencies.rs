//! `tadqiq gazetteer check --word-frequencies FILE`, run as a user would: the
//! warnings go to stderr and never fail the check; a bad file is an error
//! naming its line (exit 2).

mod common;
use common::{stderr, tadqiq};

const PEOPLE: &str = "- id: nawaf-salam
  names: {ar: [نواف سلام, سلام]}
  source: test
- id: joseph-aoun
  names: {ar: [جوزاف عون]}
  family: {ar: [عون]}
  ambiguous: {ar: [عون]}
  source: test
";

const FREQUENCIES: &str =
    "# test figures\nar\tسلام\t4.85\nar\tالسلام\t5.56\nar\tعون\t4.2\nar\tالعون\t4.11\n";

#[test]
fn everyday_aliases_are_warned_about_and_the_check_passes() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("gaz")).unwrap();
    std::fs::write(dir.path().join("gaz/people.yaml"), PEOPLE).unwrap();
    std::fs::write(dir.path().join("freq.tsv"), FREQUENCIES).unwrap();
    let out = tadqiq(
        &[
            "gazetteer",
            "check",
            "--no-default-gazetteer",
            "gaz",
            "--word-frequencies",
            "freq.tsv",
        ],
        dir.path(),
    );
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    // سلام is not marked: warned, with the place of its entry.
    assert!(
        err.contains(
            "gaz/people.yaml:1:7: warning: alias `سلام` of `nawaf-salam` is an everyday word"
        ),
        "{err}"
    );
    // عون is marked ambiguous: no warning.
    assert!(!err.contains("`عون`"), "{err}");
    assert!(err.contains("1 alias warning(s)"), "{err}");
}

#[test]
fn a_bad_frequency_file_is_an_error_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("freq.tsv"), "ar\tسلام\t4.8\nar سلام 4.8\n").unwrap();
    let out = tadqiq(
        &["gazetteer", "check", "--word-frequencies", "freq.tsv"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("freq.tsv:2:1: expected LANG<TAB>WORD<TAB>ZIPF"),
        "{}",
        stderr(&out)
    );
    let out = tadqiq(
        &["gazetteer", "check", "--word-frequencies", "missing.tsv"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("missing.tsv:1:1: cannot read word frequencies"),
        "{}",
        stderr(&out)
    );
}
