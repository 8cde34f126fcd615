//! Gazetteer loading and validation: every error located at path:line:col.

use super::*;

struct Case {
    /// What the case shows.
    what: &'static str,
    kind: EntityKind,
    yaml: &'static str,
    /// Expected errors, rendered.
    want: &'static [&'static str],
}

const OK_PERSON: &str = "- id: ahmed-al-sharaa
  names: {ar: [أحمد الشرع]}
  roles:
    - title: {ar: [الرئيس السوري]}
      from: 2025-01-29
  source: test
";

#[test]
fn validation_errors_are_located() {
    let cases = [
        Case {
            what: "a valid entry",
            kind: EntityKind::Person,
            yaml: OK_PERSON,
            want: &[],
        },
        Case {
            what: "an unknown field, at its own line and column",
            kind: EntityKind::Person,
            yaml: "- id: a-b\n  names: {ar: [أحمد]}\n  nickname: x\n  source: s\n",
            want: &["p.yaml:3:3: unknown field `nickname`, expected one of `id`, `names`, `family`, `roles`, `disambiguate`, `ambiguous`, `source`"],
        },
        Case {
            what: "a date that does not parse",
            kind: EntityKind::Person,
            yaml: "- id: a-b\n  names: {ar: [أحمد الشرع]}\n  roles:\n    - title: {ar: [رئيس]}\n      from: 2025-13-01\n  source: s\n",
            want: &["p.yaml:5:13: roles[0].from: invalid date `2025-13-01`: expected YYYY, YYYY-MM or YYYY-MM-DD"],
        },
        Case {
            what: "a duplicate id points at the second and names the first",
            kind: EntityKind::Person,
            yaml: "- id: a-b\n  names: {ar: [أحمد]}\n  source: s\n- id: a-b\n  names: {ar: [فاروق]}\n  source: s\n",
            want: &["p.yaml:4:7: duplicate id `a-b` (first defined at p.yaml:1:7)"],
        },
        Case {
            what: "two people whose names fold to one key, no disambiguate note",
            kind: EntityKind::Person,
            yaml: "- id: a-b\n  names: {ar: [أحمد الشرع]}\n  source: s\n- id: c-d\n  names: {ar: [احمد الشرع]}\n  source: s\n",
            want: &["p.yaml:5:16: name `احمد الشرع` of `c-d` folds to the same key as a name of `a-b` (p.yaml:1:7); add a `disambiguate:` note"],
        },
        Case {
            what: "an ambiguous alias that is one of the entry's names: fine",
            kind: EntityKind::Person,
            yaml: "- id: nawaf-salam\n  names: {ar: [نواف سلام]}\n  family: {ar: [سلام]}\n  ambiguous: {ar: [سلام]}\n  source: s\n",
            want: &[],
        },
        Case {
            what: "an ambiguous alias the entry does not have, at the alias",
            kind: EntityKind::Person,
            yaml: "- id: nawaf-salam\n  names: {ar: [نواف سلام]}\n  ambiguous: {ar: [سلم]}\n  source: s\n",
            want: &["p.yaml:3:20: ambiguous alias `سلم` of `nawaf-salam` is not one of its names, family names or acronyms"],
        },
        Case {
            what: "the same, with a disambiguate note: fine",
            kind: EntityKind::Person,
            yaml: "- id: a-b\n  names: {ar: [أحمد الشرع]}\n  disambiguate: the president\n  source: s\n- id: c-d\n  names: {ar: [احمد الشرع]}\n  disambiguate: a namesake\n  source: s\n",
            want: &[],
        },
        Case {
            what: "a role naming a missing entity",
            kind: EntityKind::Person,
            yaml: "- id: a-b\n  names: {ar: [أحمد]}\n  roles:\n    - title: {ar: [رئيس]}\n      of: atlantis\n  source: s\n",
            want: &["p.yaml:5:7: `a-b` refers to `atlantis`, which is not in the gazetteer"],
        },
        Case {
            what: "an id that is not kebab-case",
            kind: EntityKind::Person,
            yaml: "- id: Ahmed_Sharaa\n  names: {ar: [أحمد]}\n  source: s\n",
            want: &["p.yaml:1:7: id `Ahmed_Sharaa` is not kebab-case (a-z, 0-9, single dashes)"],
        },
        Case {
            what: "a role that ends before it starts",
            kind: EntityKind::Person,
            yaml: "- id: a-b\n  names: {ar: [أحمد]}\n  roles:\n    - title: {ar: [رئيس]}\n      from: 2020\n      to: 2019\n  source: s\n",
            want: &["p.yaml:6:7: role of `a-b` ends (2019) before it starts (2020)"],
        },
        Case {
            what: "a missing required field",
            kind: EntityKind::Place,
            yaml: "- id: syria\n  names: {ar: [سوريا]}\n  source: s\n",
            want: &["p.yaml:1:3: missing field `kind`"],
        },
        Case {
            what: "YAML syntax error",
            kind: EntityKind::Place,
            yaml: "- id: syria\n  names: {ar: [سوريا\n",
            want: &["p.yaml:3:1: did not find expected ',' or ']'"],
        },
    ];
    for case in cases {
        let got = match Gazetteer::from_yaml(&[(case.kind, "p.yaml", case.yaml)]) {
            Ok(_) => Vec::new(),
            Err(e) => e.0.iter().map(ToString::to_string).collect(),
        };
        assert_eq!(got, case.want, "{}", case.what);
    }
}

#[test]
fn the_embedded_gazetteer_is_valid() {
    let g = GazetteerSources::default()
        .load()
        .unwrap_or_else(|e| panic!("{e}"));
    for id in [
        "ahmed-al-sharaa",
        "farouk-al-sharaa",
        "syria",
        "united-states",
    ] {
        assert!(g.get(id).is_some(), "missing {id}");
    }
}

#[test]
fn roles_are_held_within_their_dates() {
    let g = Gazetteer::from_yaml(&[(EntityKind::Person, "p.yaml", OK_PERSON)]).unwrap();
    let e = g.get("ahmed-al-sharaa").unwrap();
    let at = |s: &str| PartialDate::parse(s).unwrap();
    assert_eq!(e.roles_at(at("2025-06-01")).count(), 1);
    assert_eq!(e.roles_at(at("2024-12-01")).count(), 0);
    // A year that overlaps the start counts.
    assert_eq!(e.roles_at(at("2025")).count(), 1);
}
