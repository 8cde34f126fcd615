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
            want: &["p.yaml:3:3: unknown field `nickname`, expected one of `id`, `extends`, `names`, `family`, `roles`, `disambiguate`, `ambiguous`, `source`"],
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
            want: &["p.yaml:1:7: place `syria` has no `kind` (country, city, region or site)"],
        },
        Case {
            what: "a blank alias, at its quotes",
            kind: EntityKind::Person,
            yaml: "- id: a-b\n  names: {ar: [أحمد الشرع]}\n  source: s\n- id: c-d\n  names:\n    ar: [فاروق الشرع, \"  \"]\n  source: s\n",
            want: &["p.yaml:6:23: `c-d` has an empty or blank name"],
        },
        Case {
            what: "REGRESSION: every bad entry of a file is reported, not only the first",
            kind: EntityKind::Person,
            yaml: "- id: a-b\n  names: {ar: [أحمد\n- id: c-d\n  names: {ar: [فاروق]}\n  source: s\n- id: e-f\n  nickname: x\n  source: s\n",
            want: &[
                "p.yaml:3:1: did not find expected ',' or ']'",
                "p.yaml:7:3: unknown field `nickname`, expected one of `id`, `extends`, `names`, `family`, `roles`, `disambiguate`, `ambiguous`, `source`",
            ],
        },
        Case {
            what: "an entry with neither id nor extends",
            kind: EntityKind::Person,
            yaml: "- names: {ar: [أحمد]}\n  source: s\n",
            want: &["p.yaml:1:1: an entry needs `id:` (a new entity) or `extends:` (more about a loaded one)"],
        },
        Case {
            what: "a plain entry whose names are not a mapping (left to the YAML parser)",
            kind: EntityKind::Person,
            yaml: "- id: a-b\n  names: {ar: [أحمد]}\n  source: s\n- id: c-d\n  names: عمر\n  source: s\n",
            want: &["p.yaml:5:10: names: invalid type: string \"عمر\", expected struct Names"],
        },
        Case {
            what: "a quote left open in a block list of names",
            kind: EntityKind::Place,
            yaml: "- id: doha\n  kind: city\n  names:\n    ar: [الدوحة]\n    en: [\"Doha]\n  source: s\n- id: dubai\n  kind: city\n  names:\n    en: [Dubai]\n  source: s\n",
            want: &["p.yaml:7:1: found unexpected end of stream"],
        },
        Case {
            what: "a repeated key in a plain entry",
            kind: EntityKind::Person,
            yaml: "- id: a-b\n  names: {ar: [أحمد]}\n  source: s\n  source: t\n",
            want: &["p.yaml:1:3: duplicate field `source`"],
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

/// Two files loaded together: the shipped-like base and a newsroom's.
fn load_two(base: &str, newsroom: &str) -> Result<Gazetteer, Vec<String>> {
    Gazetteer::from_yaml(&[
        (EntityKind::Person, "base/people.yaml", base),
        (EntityKind::Person, "newsroom/people.yaml", newsroom),
    ])
    .map_err(|e| e.0.iter().map(ToString::to_string).collect())
}

#[test]
fn extends_adds_and_never_replaces() {
    let newsroom = "- extends: ahmed-al-sharaa
  names: {en: [Ahmed al-Shara]}
  roles:
    - title: {en: [Transitional President]}
      from: 2025-01-29
  source: house style
";
    let g = load_two(OK_PERSON, newsroom).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(g.len(), 1, "an extension is not a new entity");
    let e = g.get("ahmed-al-sharaa").expect("extended entity");
    assert_eq!(e.names.ar, ["أحمد الشرع"], "Arabic names untouched");
    assert_eq!(e.names.en, ["Ahmed al-Shara"], "the English name is added");
    assert_eq!(
        e.roles.len(),
        2,
        "the shipped role is kept and the new one added"
    );
    assert_eq!(e.source, "test", "the entity's own source is kept");
    assert_eq!(e.origin.path, "base/people.yaml");
}

#[test]
fn extension_errors_are_located() {
    let cases: [(&str, &str, &[&str]); 4] = [
        (
            "an unknown id",
            "- extends: ahmed-al-shara\n  names: {en: [X Y]}\n  source: s\n",
            &["newsroom/people.yaml:1:12: `extends: ahmed-al-shara`: no entity `ahmed-al-shara` in the gazetteer (the shipped one and the folders loaded before this file)"],
        ),
        (
            "both id and extends",
            "- id: a-b\n  extends: ahmed-al-sharaa\n  names: {ar: [أحمد]}\n  source: s\n",
            &["newsroom/people.yaml:2:3: `a-b` has both `id` and `extends`: an entry either defines an entity or extends one"],
        ),
        (
            "an ambiguous mark on the target's own alias is fine",
            "- extends: ahmed-al-sharaa\n  ambiguous: {ar: [أحمد الشرع]}\n  source: s\n",
            &[],
        ),
        (
            "an extension of a place from a people file",
            "- extends: syria\n  names: {ar: [الشام]}\n  source: s\n",
            &["newsroom/people.yaml:1:12: `extends: syria`: `syria` is a place (base/places.yaml:1:7); extend it from a places*.yaml file"],
        ),
    ];
    for (what, newsroom, want) in cases {
        let got = match Gazetteer::from_yaml(&[
            (EntityKind::Person, "base/people.yaml", OK_PERSON),
            (
                EntityKind::Place,
                "base/places.yaml",
                "- id: syria\n  kind: country\n  names: {ar: [سوريا]}\n  source: s\n",
            ),
            (EntityKind::Person, "newsroom/people.yaml", newsroom),
        ]) {
            Ok(_) => Vec::new(),
            Err(e) => e.0.iter().map(ToString::to_string).collect(),
        };
        assert_eq!(got, want.to_vec(), "{what}");
    }
    // A place extension may not move the place.
    let got = Gazetteer::from_yaml(&[
        (
            EntityKind::Place,
            "base/places.yaml",
            "- id: syria\n  kind: country\n  names: {ar: [سوريا]}\n  source: s\n",
        ),
        (
            EntityKind::Place,
            "newsroom/places.yaml",
            "- extends: syria\n  kind: city\n  source: s\n",
        ),
    ])
    .map_err(|e| e.to_string());
    assert_eq!(
        got.err().as_deref(),
        Some("newsroom/places.yaml:2:3: an entry that extends `syria` cannot set `kind`: it adds names, roles, facts, acronyms and demonyms, and replaces nothing")
    );
}

#[test]
fn disabled_entities_are_left_out_and_unknown_ids_are_errors() {
    let mut sources = GazetteerSources::default();
    sources.disable(["maher-al-assad"]);
    let g = sources.load().unwrap_or_else(|e| panic!("{e}"));
    assert!(g.get("maher-al-assad").is_none());
    assert!(g.get("bashar-al-assad").is_some());

    let mut sources = GazetteerSources::default();
    sources.disable(["no-such-entity"]);
    let err = sources.load().expect_err("unknown id");
    assert_eq!(
        err.to_string(),
        "disable-entities: no entity `no-such-entity` in the gazetteer to disable"
    );
}

#[test]
fn a_missing_folder_has_no_fake_position() {
    let mut sources = GazetteerSources::default();
    sources
        .embedded(false)
        .add_dir("/nonexistent/tadqiq-gazetteer");
    let err = sources.load().expect_err("missing folder");
    assert_eq!(
        err.to_string(),
        "/nonexistent/tadqiq-gazetteer: gazetteer folder not found"
    );
}

#[test]
fn a_compiled_file_keeps_the_near_miss_index_on_disk_and_reads_it_back_whole() {
    use crate::rules::near_miss::NameIndex;
    let g = GazetteerSources::default()
        .load()
        .expect("the embedded gazetteer is valid");
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("g.compiled");
    compiled::write(&path, "test", &g).expect("written");
    let back = compiled::read(&path, Some("test")).expect("reads back");
    assert_eq!(back.len(), g.len());
    assert!(back.tagger_table().is_some());
    let stored = back
        .read_name_index(|input| NameIndex::read(input, back.len()))
        .expect("the stored index reads back");
    assert_eq!(stored.to_bytes(), NameIndex::derive(&g).to_bytes());
    // A large index is read from the file in blocks: the same index.
    let blocks = back
        .name_index
        .as_ref()
        .expect("stored")
        .read_in_blocks_past(0, |input| NameIndex::read(input, back.len()))
        .expect("reads back in blocks");
    assert_eq!(blocks.to_bytes(), stored.to_bytes());
    // An index that does not fit the entities is not used.
    assert!(back
        .read_name_index(|input| NameIndex::read(input, 0))
        .is_none());
    // A stale fingerprint is refused.
    assert!(compiled::read(&path, Some("other")).is_err());
}

/// Every field the model has, filled: dates of each precision, a fact with
/// an exact value and one with an open range, optional names and links.
fn every_field() -> Gazetteer {
    Gazetteer::from_yaml(&[
        (
            EntityKind::Person,
            "people.yaml",
            "- id: ahmed-al-sharaa\n  names: {ar: [أحمد الشرع, الشرع], en: [Ahmed al-Sharaa]}\n  family: {ar: [الشرع]}\n  roles:\n    - title: {ar: [الرئيس السوري], en: [Syrian president]}\n      from: 2025-01-29\n      to: 2030\n      of: syria\n      source: https://example.org/a\n    - title: {en: [leader]}\n      from: 2024-12\n  disambiguate: the president\n  ambiguous: {ar: [الشرع]}\n  source: test\n",
        ),
        (
            EntityKind::Place,
            "places.yaml",
            "- id: syria\n  kind: country\n  names: {ar: [سوريا], en: [Syria]}\n  demonyms: {ar: [سوري], en: [Syrian]}\n  source: test\n- id: damascus\n  kind: city\n  names: {ar: [دمشق]}\n  in: syria\n  source: test\n",
        ),
        (
            EntityKind::Organization,
            "organizations.yaml",
            "- id: arab-league\n  kind: alliance\n  names: {ar: [جامعة الدول العربية], en: [Arab League]}\n  acronyms: {en: [LAS]}\n  facts:\n    - key: members\n      value: 22\n      unit: {ar: [دولة], en: [states]}\n      predicate: {en: [has]}\n      as_of: 2024-05-16\n      source: https://example.org/b\n    - key: share\n      value: {min: 0.5}\n      date: 1945-03\n      from: 1945\n      to: 2000-02-29\n      source: https://example.org/c\n  source: test\n",
        ),
    ])
    .expect("valid")
}

fn entities_json(g: &Gazetteer) -> String {
    serde_json::to_string(g.entities()).expect("JSON")
}

#[test]
fn a_compiled_file_holds_every_field_of_every_entity_in_binary() {
    for g in [
        every_field(),
        GazetteerSources::default().load().expect("embedded"),
    ] {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("g.compiled");
        compiled::write(&path, "test", &g).expect("written");
        let bytes = std::fs::read(&path).expect("read");
        let header = bytes.iter().position(|&b| b == b'\n').expect("header");
        assert!(
            std::str::from_utf8(&bytes[..header])
                .expect("UTF-8")
                .ends_with(" test entities:binary-3"),
            "the header names the encoding"
        );
        // No JSON follows the header.
        assert_ne!(bytes[header + 1], b'[');
        let back = compiled::read(&path, Some("test")).expect("reads back");
        assert_eq!(entities_json(&back), entities_json(&g));
        // The same sources give the same bytes.
        compiled::write(&path, "test", &back).expect("written again");
        assert_eq!(std::fs::read(&path).expect("read"), bytes);
    }
}

#[test]
fn a_compiled_file_of_an_earlier_build_with_json_entities_still_loads() {
    let g = every_field();
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("old.compiled");
    let old = format!(
        "tadqiq-compiled-gazetteer {} test\n{}\n",
        env!("CARGO_PKG_VERSION"),
        entities_json(&g)
    );
    std::fs::write(&path, old).expect("written");
    let back = compiled::read(&path, Some("test")).expect("an old file reads");
    assert_eq!(entities_json(&back), entities_json(&g));
    // Its table and index are derived again, not read.
    assert!(back.tagger_table().is_none());
    // An encoding this build does not know is refused, with what to do.
    let path = dir.path().join("new.compiled");
    compiled::write(&path, "test", &g).expect("written");
    let bytes = std::fs::read(&path).expect("read");
    let text =
        String::from_utf8_lossy(&bytes).replacen("entities:binary-3", "entities:binary-7", 1);
    std::fs::write(&path, text.as_bytes()).expect("written");
    let err = compiled::read(&path, Some("test")).expect_err("unknown encoding");
    assert_eq!(
        err,
        "written in an unknown format (entities:binary-7): compile it again with `tadqiq gazetteer compile`"
    );
    // The previous binary formats (the near-miss index in the older
    // layout; no folded titles) are refused too, as older.
    for older in ["entities:binary-1", "entities:binary-2"] {
        let text = String::from_utf8_lossy(&bytes).replacen("entities:binary-3", older, 1);
        std::fs::write(&path, text.as_bytes()).expect("written");
        let err = compiled::read(&path, Some("test")).expect_err("an older binary format");
        assert_eq!(
            err,
            format!("written by an earlier tadqiq in an older format ({older}): compile it again with `tadqiq gazetteer compile`")
        );
    }
}

#[test]
fn damaged_binary_entities_are_refused_at_every_cut_and_never_panic() {
    let g = every_field();
    let mut bytes = Vec::new();
    compiled::encoding::put_entities(&mut bytes, g.entities());
    let back = compiled::encoding::entities(&bytes).expect("whole");
    assert_eq!(back.len(), g.len());
    for cut in 0..bytes.len() {
        assert!(
            compiled::encoding::entities(&bytes[..cut]).is_none(),
            "cut at {cut}"
        );
    }
    // Bytes left over are damage too.
    let mut longer = bytes.clone();
    longer.push(0);
    assert!(compiled::encoding::entities(&longer).is_none());
    // Every single byte changed: refused or read, never a panic, and a
    // date read back is one the YAML could have held.
    for at in 0..bytes.len() {
        for value in [0u8, 1, 2, 13, 0xff] {
            let mut changed = bytes.clone();
            changed[at] = value;
            if let Some(entities) = compiled::encoding::entities(&changed) {
                for e in &entities {
                    for role in &e.roles {
                        for d in [role.from, role.to].into_iter().flatten() {
                            assert_eq!(date::PartialDate::parse(&d.to_string()), Some(d));
                        }
                    }
                }
            }
        }
    }
    // Through the file: the entities cut short name the part.
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("g.compiled");
    compiled::write(&path, "test", &g).expect("written");
    let whole = std::fs::read(&path).expect("read");
    let header = whole.iter().position(|&b| b == b'\n').expect("header") + 1;
    let mut short = whole.clone();
    let len = u64::from_le_bytes(short[header..header + 8].try_into().expect("8"));
    short[header..header + 8].copy_from_slice(&(len - 1).to_le_bytes());
    std::fs::write(&path, &short).expect("written");
    assert_eq!(
        compiled::read(&path, Some("test")).expect_err("damaged"),
        "damaged compiled gazetteer: its entities are unreadable"
    );
}

/// What the YAML parser reads from one entry, as text to compare.
fn read_by_yaml(kind: EntityKind, chunk: &str) -> Result<String, String> {
    let parsed = match kind {
        EntityKind::Person => parse_as::<PersonEntry>(chunk),
        EntityKind::Place => parse_as::<PlaceEntry>(chunk),
        EntityKind::Organization => parse_as::<OrganizationEntry>(chunk),
    };
    match parsed {
        Ok(parts) => Ok(parts.iter().map(parts_text).collect()),
        Err(e) => Err(e.to_string()),
    }
}

fn parts_text(p: &Parts) -> String {
    format!("{:?} {:?} {:?} {:?}", p.id, p.extends, p.entity, p.fixed)
}

fn read_plain(kind: EntityKind, chunk: &str) -> Option<String> {
    plain_entry::read(kind, chunk).map(|p| parts_text(&p))
}

#[test]
fn plain_entries_read_as_the_yaml_parser_reads_them() {
    use EntityKind::{Organization, Person, Place};
    // (kind, entry, whether the plain reader must take it)
    let cases: &[(EntityKind, &str, bool)] = &[
        (Person, "- id: synthetic-1\n  names: {ar: [كريم منى العمري, كريم العمري], en: [Karim Mona al-Omari, Karim al-Omari]}\n  disambiguate: synthetic\n  source: https://example.org/synthetic\n", true),
        (Person, "- id: a-b\n  names: {ar: [دشيتي]}\n  family: {ar: [دشيتي]}\n  ambiguous: {ar: [دشيتي]}\n  source: s\n\n# a comment\n", true),
        (Person, "- id: a-b\n  names: { en: [ Ahmed  x ,Omar ] , ar: [] }   \n  source: s   \n", true),
        (Person, "- extends: a-b\n  names: {}\n  source: https://example.org/a#b\n", true),
        (Person, "- id: a-b\n  # a comment inside\n  names: {ar: [أحمد\u{a0}الشرع]}\n  source: s#1\n", true),
        (Place, "- id: doha\n  kind: city\n  in: qatar\n  names: {ar: [الدوحة], en: [Doha]}\n  demonyms: {en: [Dohan]}\n  source: s\n", true),
        (Place, "- extends: doha\n  kind: city\n  names: {en: [Ad Dawhah]}\n  source: s\n", true),
        (Organization, "- id: un\n  kind: body\n  of: world\n  names: {en: [United Nations]}\n  acronyms: {en: [UN]}\n  source: s\n", true),
        // Left to the YAML parser.
        (Person, "- id: a-b\n  names: {ar: [أحمد]}\n  roles:\n    - title: {ar: [رئيس]}\n  source: s\n", false),
        (Person, "- id: a-b\n  names: {ar: ['أحمد']}\n  source: s\n", true),
        (Person, "- id: a-b\n  names: {ar: [أحمد]}\n  source: \"s\"\n", true),
        (Person, "- id: a-b\n  names: {ar: [أحمد]}\n  disambiguate: null\n  source: s\n", false),
        (Person, "- id: a-b\n  names: {ar: [أحمد]}\n  disambiguate: ~\n  source: s\n", false),
        (Person, "- id: a-b\n  names: {ar: [أحمد]}\n  disambiguate: Yes\n  source: s\n", false),
        (Person, "- id: 1984\n  names: {ar: [أحمد]}\n  source: s\n", false),
        (Person, "- id: a-b\n  names: {ar: [أحمد]}\n  source: s # why\n", false),
        (Person, "- id: a-b\n  names: {ar: [أحمد]} # why\n  source: s\n", false),
        (Person, "- id: a-b\n  names: {ar: [أحمد]}\n  source: s\n  source: t\n", false),
        (Person, "- id: a-b\n  names: {ar: [أحمد], ar: [عمر]}\n  source: s\n", false),
        (Person, "- id: a-b\n  names: {ar: [أحمد, ]}\n  source: s\n", false),
        (Person, "- id: a-b\n  names: {ar: [أحمد]}\n  nickname: x\n  source: s\n", false),
        (Person, "- id: a-b\n  names: {ar: [أحمد], fr: [x]}\n  source: s\n", false),
        (Person, "- id: a-b\n  names: x\n  source: s\n", false),
        (Person, "- id: a-b\n  names: {ar: [أحمد]}\n", false),
        (Person, "- id: a-b\n  names: {ar: [أحمد]\n  source: s\n", false),
        (Person, "- id: a-b\n  names:\n    ar: [أحمد, \"Ahmed, Jr.\", 'x # y', \"  \"]\n    en: [Ahmed]\n  source: 's'\n", true),
        (Person, "- id: a-b\n  source: s\n  names:\n    ar: [أحمد]\n", true),
        (Person, "- id: a-b\n  names:\n  source: s\n", false),
        (Person, "- id: a-b\n  source: s\n  names:\n", false),
        (Person, "- id: a-b\n  names:\n      ar: [أحمد]\n  source: s\n", false),
        (Person, "- id: a-b\n  names:\n    ar: [أحمد]\n    ar: [أحمد]\n  source: s\n", false),
        (Person, "- id: a-b\n  names:\n    ar: [\"a\\tb\"]\n  source: s\n", false),
        (Person, "- id: a-b\n  names:\n    ar: ['it''s']\n  source: s\n", false),
        (Person, "- id: a-b\n  names:\n    ar: [\"a\n      b\"]\n  source: s\n", false),
        (Person, "- id: a-b\n  names: {ar: [أحمد]}\n  source: \"s\" t\n", false),
        (Person, "- id: a-b\n  names: {ar: [أحمد]}\n  source: a\n    b\n", false),
        (Person, "- id: a-b\r\n  names: {ar: [أحمد]}\r\n  source: s\r\n", false),
        (Person, "- id: a-b\n  names: {ar: [أحمد]}\n  source:\ts\n", false),
        (Person, "- id: a-b\n  names: {ar: [أحمد\u{2028}عمر]}\n  source: s\n", false),
        (Person, "- id: &x a-b\n  names: {ar: [أحمد]}\n  source: s\n", false),
        (Person, "- id: a-b\n  names: {ar: [أحمد]}\n  source: !!str s\n", false),
        (Person, "-   id: a-b\n  names: {ar: [أحمد]}\n  source: s\n", false),
        (Organization, "- id: un\n  source: s\n", false),
        (Place, "- id: doha\n  kind: city\n  in: qatar\n  demonyms: {en: [Dohan]}\n  names: {en: [Doha]}\n  facts: []\n  source: s\n", false),
    ];
    for &(kind, chunk, taken) in cases {
        let plain = read_plain(kind, chunk);
        assert_eq!(plain.is_some(), taken, "{chunk}");
        if let Some(plain) = plain {
            assert_eq!(Ok(plain), read_by_yaml(kind, chunk), "{chunk}");
        }
    }
    // Scalars YAML might read otherwise, in every place a scalar can be:
    // whenever the plain reader answers, it answers as the parser does.
    let scalars = [
        "null",
        "Null",
        "NULL",
        "~",
        "yes",
        "No",
        "on",
        "OFF",
        "y",
        "true",
        "1984",
        "-x",
        "+1",
        ".5",
        "0x1F",
        "2025-01-01",
        "inf",
        "nan",
        ".inf",
        "a: b",
        "a:b",
        "x:",
        "a #b",
        "a#b",
        "'a'",
        "\"a\"",
        "&a",
        "*a",
        "!a",
        "|",
        ">",
        "%a",
        "@a",
        "`a",
        "?a",
        "a,b",
        "[a]",
        "{a}",
        "a]",
        "O'Brien",
        "a  b",
        "a -b",
        "é",
        "ñandú",
        "أحمد",
        "\u{a0}x",
        "x\u{a0}",
        "\u{feff}a",
        "a\u{85}b",
        "a\u{7f}b",
        "a\u{2029}b",
        "a\u{1}b",
        "https://example.org/x?y=1#z",
        "\"a, b\"",
        "'a, b'",
        "\"\"",
        "''",
        "\"a\\\"b\"",
        "'a''b'",
        "\"a #b\"",
        "\"a\" b",
        "'null'",
        "\"\u{a0}x\"",
        "\"a\tb\"",
        "\"a\u{2028}b\"",
    ];
    let mut answered = 0;
    for x in scalars {
        for chunk in [
            format!("- id: a-b\n  names: {{ar: [{x}], en: [A, {x}]}}\n  source: s\n"),
            format!("- id: a-b\n  names: {{ar: [أحمد]}}\n  disambiguate: {x}\n  source: {x}\n"),
            format!("- id: {x}\n  names: {{ar: [أحمد]}}\n  source: s\n"),
            format!("- id: a-b\n  names:\n    ar: [{x}, أحمد]\n    en: [{x}]\n  source: s\n"),
        ] {
            for kind in [Person, Place, Organization] {
                if let Some(plain) = read_plain(kind, &chunk) {
                    answered += 1;
                    assert_eq!(Ok(plain), read_by_yaml(kind, &chunk), "{chunk}");
                }
            }
        }
    }
    assert!(answered > 30, "{answered}");
    // The shipped gazetteer: the same, entry by entry.
    let mut taken = 0;
    for file in embedded_files() {
        for chunk in entry_chunks(&file.text) {
            if let Some(plain) = read_plain(file.kind, chunk.text) {
                taken += 1;
                assert_eq!(
                    Ok(plain),
                    read_by_yaml(file.kind, chunk.text),
                    "{}",
                    chunk.text
                );
            }
        }
    }
    // 907 of the 1,158 entries when this was written.
    assert!(taken > 800, "{taken}");
}

#[test]
fn shared_keys_are_found_alike_when_every_key_shares_its_hash() {
    let people = "- id: a-b\n  names: {ar: [أحمد الشرع], en: [Ahmed Sharaa]}\n  source: s\n\
- id: c-d\n  names: {ar: [احمد الشرع]}\n  source: s\n\
- id: e-f\n  names: {ar: [عمر سليمان, عمر سليمان]}\n  source: s\n\
- id: g-h\n  names: {ar: [أحمد الشرع, احمد الشرع], en: [Omar Suleiman]}\n  source: s\n\
- extends: a-b\n  names: {en: [Ahmed al-Sharaa, ahmed sharaa]}\n  source: s\n\
- id: k-l\n  names: {ar: [عمر سليمان]}\n  disambiguate: a namesake\n  source: s\n\
- id: m-n\n  names: {en: [omar suleiman, OMAR SULEIMAN]}\n  source: s\n";
    let organizations = "- id: o-p\n  names: {en: [International Energy Agency]}\n  acronyms: {en: [IEA]}\n  source: s\n\
- id: q-r\n  names: {en: [Iea Group]}\n  acronyms: {en: [iea]}\n  source: s\n";
    let errors = |weak: bool| {
        WEAK_KEY_HASH.with(|w| w.set(weak));
        let got = match Gazetteer::from_yaml(&[
            (EntityKind::Person, "p.yaml", people),
            (EntityKind::Organization, "o.yaml", organizations),
        ]) {
            Ok(_) => Vec::new(),
            Err(e) => e.0.iter().map(ToString::to_string).collect::<Vec<_>>(),
        };
        WEAK_KEY_HASH.with(|w| w.set(false));
        got
    };
    let strong = errors(false);
    assert_eq!(
        strong,
        [
            "o.yaml:7:19: name `iea` of `q-r` folds to the same key as a name of `o-p` (o.yaml:1:7); add a `disambiguate:` note",
            "p.yaml:5:16: name `احمد الشرع` of `c-d` folds to the same key as a name of `a-b` (p.yaml:1:7); add a `disambiguate:` note",
            "p.yaml:11:16: name `أحمد الشرع` of `g-h` folds to the same key as a name of `a-b` (p.yaml:1:7); add a `disambiguate:` note",
            "p.yaml:21:16: name `omar suleiman` of `m-n` folds to the same key as a name of `g-h` (p.yaml:10:7); add a `disambiguate:` note",
        ]
    );
    assert_eq!(errors(true), strong);
    // The shipped gazetteer has no shared keys either way.
    let shipped: Vec<SourceFile> = embedded_files();
    for weak in [false, true] {
        WEAK_KEY_HASH.with(|w| w.set(weak));
        let result = compile(&shipped, Vec::new());
        WEAK_KEY_HASH.with(|w| w.set(false));
        assert!(result.is_ok(), "weak hash: {weak}");
    }
}

#[test]
fn the_cache_key_tells_the_shipped_gazetteer_and_each_folder_file_apart() {
    let file = |text: &str| SourceFile {
        kind: EntityKind::Person,
        path: "desk/people.yaml".to_string(),
        text: text.to_string(),
    };
    let keys = [
        compiled::fingerprint(false, &[]),
        compiled::fingerprint(true, &[]),
        compiled::fingerprint(true, &[file("- id: a\n")]),
        compiled::fingerprint(true, &[file("- id: b\n")]),
        compiled::fingerprint(false, &[file("- id: b\n")]),
    ];
    for (i, a) in keys.iter().enumerate() {
        for b in &keys[i + 1..] {
            assert_ne!(a, b);
        }
    }
    // The same sources give the same key.
    assert_eq!(keys[2], compiled::fingerprint(true, &[file("- id: a\n")]));
}
