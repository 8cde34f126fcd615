//! A newsroom's own gazetteer on the built binary: folders of any number of
//! files, `extends:` of shipped entities, `disable-entities:`, and the
//! maintainers' `gazetteer check|stats|list`.

use std::path::Path;
use std::process::{Command, Output, Stdio};

mod common;
use common::{tadqiq, tadqiq_env};

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8 output")
}

/// Entity ids of the mentions `tag --format json` finds in `a.txt`.
fn tagged(dir: &Path, extra: &[&str]) -> Vec<String> {
    let mut args = vec!["tag", "--format", "json"];
    args.extend_from_slice(extra);
    args.push("a.txt");
    let out = tadqiq(&args, dir);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON report");
    json["files"][0]["mentions"]
        .as_array()
        .expect("mentions")
        .iter()
        .map(|m| m["entity"].as_str().unwrap_or("").to_string())
        .collect()
}

fn write(path: &Path, content: &str) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("create folder");
    }
    std::fs::write(path, content).expect("write file");
}

#[test]
fn a_newsroom_folder_extends_a_shipped_entity_and_adds_its_own_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    // A spelling the shipped entry lacks, added without copying the entry,
    // in a file under a subfolder with a descriptive name.
    write(
        &root.join("g/house/people-house-style.yaml"),
        "- extends: ahmed-al-sharaa\n  names: {ar: [أحمد الشراع]}\n  source: house style guide\n",
    );
    write(
        &root.join("g/people-local.yaml"),
        "- id: samer-al-khatib\n  names: {ar: [سامر الخطيب]}\n  source: newsroom records\n",
    );
    write(
        &root.join("a.txt"),
        "التقى سامر الخطيب بأحمد الشراع في دمشق.\n",
    );

    assert_eq!(
        tagged(root, &["--gazetteer", "g"]),
        ["samer-al-khatib", "ahmed-al-sharaa", "damascus"]
    );
    // Without the folder the variant is unknown.
    assert_eq!(tagged(root, &[]), ["damascus"]);

    // `gazetteer check` sees the shipped ids the folder refers to...
    let out = tadqiq(&["gazetteer", "check", "g"], root);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).starts_with("embedded gazetteer + g: "));
    // ...and alone, the extension points at nothing.
    let out = tadqiq(&["gazetteer", "check", "--no-default-gazetteer", "g"], root);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("g/house/people-house-style.yaml:1:12: `extends: ahmed-al-sharaa`: no entity `ahmed-al-sharaa`"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn every_problem_of_every_file_in_one_run() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    write(
        &root.join("g/people.yaml"),
        "- id: a-b\n  names: {ar: [أحمد\n- id: c-d\n  names: {ar: [سامر]}\n  born: 1970\n  source: s\n- id: e-f\n  names: {ar: [فاروق]}\n  source: s\n",
    );
    write(
        &root.join("g/places-extra.yaml"),
        "- id: x-y\n  names: {ar: [مكان]}\n  source: s\n",
    );
    write(&root.join("g/notes.yaml"), "- just: notes\n");
    let out = tadqiq(&["gazetteer", "check", "g"], root);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    for want in [
        "g/notes.yaml: cannot tell which entities this file holds",
        "g/people.yaml:3:1: did not find expected ',' or ']'",
        "g/people.yaml:5:3: unknown field `born`",
        "g/places-extra.yaml:1:7: place `x-y` has no `kind`",
        "tadqiq: 4 gazetteer problem(s)",
    ] {
        assert!(err.contains(want), "missing {want:?} in:\n{err}");
    }
}

/// Entries that look plain (read without the YAML parser when they are
/// right) still give the YAML parser's errors, at path:line:col, when they
/// are not; the good ones between them load.
#[test]
fn plain_looking_entries_with_problems_are_located() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    write(
        &root.join("g/people.yaml"),
        "- id: a-b\n  names: {ar: [أحمد الشرع]}\n  source: s\n\
- id: c-d\n  names: عمر\n  source: s\n\
- id: e-f\n  names:\n    ar: [فاروق الشرع]\n    en: [Farouk, \"Sharaa, Farouk\"]\n  source: ~\n\
- id: g-h\n  names: {ar: [سامر]}\n  source: s\n  source: t\n\
- id: i-j\n  names: {ar: [نزار قباني], en: [Nizar Qabbani}\n  source: s\n\
- id: k-l\n  names: {ar: [ع]}\n  source: s\n",
    );
    let out = tadqiq(&["gazetteer", "check", "--no-default-gazetteer", "g"], root);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        "g/people.yaml:5:10: names: invalid type: string \"عمر\", expected struct Names\n\
g/people.yaml:12:3: duplicate field `source`\n\
g/people.yaml:17:47: did not find expected ',' or ']'\n\
g/people.yaml:20:16: name `ع` of `k-l` has fewer than two letters\n\
tadqiq: 4 gazetteer problem(s)\n"
    );
}

#[test]
fn disable_entities_in_the_config_switches_a_shipped_entity_off() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    write(&root.join("a.txt"), "وصل توم باراك إلى دمشق.\n");
    assert_eq!(tagged(root, &[]), ["tom-barrack", "damascus"]);
    write(
        &root.join("tadqiq.yaml"),
        "disable-entities: [tom-barrack]\n",
    );
    assert_eq!(tagged(root, &[]), ["damascus"]);

    write(&root.join("tadqiq.yaml"), "disable-entities: [tom-barak]\n");
    let out = tadqiq(&["tag", "a.txt"], root);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("tadqiq.yaml:1:20: disable-entities: no entity `tom-barak`"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn stats_and_list_describe_the_gazetteer() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = tadqiq(&["gazetteer", "stats", "--format", "json"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stats: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let entities = stats["entities"].as_u64().expect("entities");
    let by_kind: u64 = ["person", "place", "organization"]
        .iter()
        .map(|k| stats["by_kind"][k].as_u64().expect("kind count"))
        .sum();
    assert_eq!(by_kind, entities);
    assert!(stats["roles"].as_u64() >= stats["dated_roles"].as_u64());

    let out = tadqiq(&["gazetteer", "list", "--format", "json"], dir.path());
    assert_eq!(out.status.code(), Some(0));
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let list = list.as_array().expect("a list");
    assert_eq!(list.len() as u64, entities);
    let farouk = list
        .iter()
        .find(|e| e["id"] == "farouk-al-sharaa")
        .expect("a shipped person");
    assert_eq!(farouk["kind"], "person");
    assert_eq!(farouk["names"]["ar"][0], "فاروق الشرع");

    let out = tadqiq(&["gazetteer", "list"], dir.path());
    let lines = text(&out.stdout);
    assert!(lines
        .lines()
        .any(|l| l
            .starts_with("farouk-al-sharaa\tperson\t\tفاروق الشرع\tFarouk al-Sharaa\tgazetteer/")));
}

fn cache_files(cache: &Path) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(cache)
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    files
}

#[test]
fn the_compiled_gazetteer_is_cached_keyed_by_the_sources() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    let cache = root.join("cache");
    write(
        &root.join("g/people.yaml"),
        "- id: samer-al-khatib\n  names: {ar: [سامر الخطيب]}\n  source: newsroom records\n",
    );
    write(&root.join("a.txt"), "التقى سامر الخطيب وفادي الخطيب.\n");
    let run = |extra: &[&str]| {
        let mut args = vec!["tag", "--format", "json", "--gazetteer", "g"];
        args.extend_from_slice(extra);
        args.push("a.txt");
        let out = tadqiq_env(&args, root, &[("TADQIQ_CACHE_DIR", cache.as_os_str())]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
        json["files"][0]["mentions"]
            .as_array()
            .expect("mentions")
            .iter()
            .map(|m| {
                let field = |name: &str| m[name].as_str().unwrap_or("").to_string();
                format!("{} = {}", field("text"), field("entity"))
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(run(&[]), ["سامر الخطيب = samer-al-khatib"]);
    let files = cache_files(&cache);
    assert_eq!(files.len(), 1, "one compiled gazetteer: {files:?}");

    // The next run reads the compiled form, not the YAML: an id edited in
    // the cache file (as no user would) shows up. (The entities come
    // first, each string as its length and bytes; the names are also in
    // the tagger's table and automaton after them.)
    let compiled = std::fs::read(&files[0]).expect("cache file");
    let (old, new) = (b"samer-al-khatib", b"samer-al-khatiz");
    let at = compiled
        .windows(old.len())
        .position(|w| w == old)
        .expect("the id is in the cache file");
    let mut edited = compiled.clone();
    edited[at..at + old.len()].copy_from_slice(new);
    std::fs::write(&files[0], edited).expect("edit");
    assert_eq!(run(&[]), ["سامر الخطيب = samer-al-khatiz"]);
    // --no-cache reads the YAML.
    assert_eq!(run(&["--no-cache"]), ["سامر الخطيب = samer-al-khatib"]);

    // Editing the YAML changes the key: the stale entry is not used.
    write(
        &root.join("g/people.yaml"),
        "- id: samer-al-khatib\n  names: {ar: [سامر الخطيب, سامر خطيب]}\n  source: newsroom records\n",
    );
    assert_eq!(run(&[]), ["سامر الخطيب = samer-al-khatib"]);
    assert_eq!(cache_files(&cache).len(), 2);
}

#[test]
fn two_processes_filling_the_cache_at_once_both_succeed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    let cache = root.join("cache");
    write(&root.join("a.txt"), "زار الرئيس السوري أحمد الشرع دمشق.\n");
    let spawn = || {
        Command::new(env!("CARGO_BIN_EXE_tadqiq"))
            .args(["tag", "--format", "json", "a.txt"])
            .current_dir(root)
            .env("TADQIQ_CACHE_DIR", &cache)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .spawn()
            .expect("spawn")
    };
    let children: Vec<_> = (0..4).map(|_| spawn()).collect();
    let outputs: Vec<Output> = children
        .into_iter()
        .map(|c| c.wait_with_output().expect("wait"))
        .collect();
    for out in &outputs {
        assert_eq!(out.status.code(), Some(0));
        assert_eq!(
            out.stdout, outputs[0].stdout,
            "same report from every process"
        );
    }
    let files = cache_files(&cache);
    assert_eq!(files.len(), 1, "no temporary file left behind: {files:?}");
    // And the file they left is whole: a cached run gives the same report.
    let again = tadqiq_env(
        &["tag", "--format", "json", "a.txt"],
        root,
        &[("TADQIQ_CACHE_DIR", cache.as_os_str())],
    );
    assert_eq!(again.stdout, outputs[0].stdout);
}

/// A folder with a one-person newsroom gazetteer `g/`, the draft `a.txt`
/// and `newsroom.tqg`, the gazetteer compiled.
fn newsroom_compiled(draft: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    write(
        &root.join("g/people.yaml"),
        "- id: samer-al-khatib\n  names: {ar: [سامر الخطيب]}\n  source: newsroom records\n",
    );
    write(&root.join("a.txt"), draft);
    let out = tadqiq(&["gazetteer", "compile", "g", "-o", "newsroom.tqg"], root);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("entities compiled into newsroom.tqg"));
    dir
}

#[test]
fn a_compiled_file_is_a_whole_gazetteer_for_ci_images() {
    let dir = newsroom_compiled("التقى سامر الخطيب في دمشق.\n");
    let root = dir.path();
    assert_eq!(
        tagged(root, &["--no-cache", "--gazetteer", "newsroom.tqg"]),
        ["samer-al-khatib", "damascus"]
    );
    let out = tadqiq(
        &[
            "tag",
            "--gazetteer",
            "newsroom.tqg",
            "--gazetteer",
            "g",
            "a.txt",
        ],
        root,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("newsroom.tqg: a compiled gazetteer is a whole gazetteer"));

    // A damaged file is refused with its path, never a panic: its binary
    // part (the tagger's table and automaton, the near-miss index) cut
    // short, or the whole file cut in half.
    let whole = std::fs::read(root.join("newsroom.tqg")).expect("read");
    std::fs::write(root.join("newsroom.tqg"), &whole[..whole.len() - 10]).expect("write");
    let out = tadqiq(&["tag", "--gazetteer", "newsroom.tqg", "a.txt"], root);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains(
            "newsroom.tqg: damaged compiled gazetteer: its tagger table, titles or name index"
        ),
        "{}",
        text(&out.stderr)
    );
    let mut bytes = whole;
    bytes.truncate(bytes.len() / 2);
    std::fs::write(root.join("newsroom.tqg"), bytes).expect("write");
    let out = tadqiq(&["tag", "--gazetteer", "newsroom.tqg", "a.txt"], root);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("newsroom.tqg: damaged compiled gazetteer"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn a_compiled_file_with_bytes_after_its_index_or_a_length_past_its_end_is_refused() {
    // A misspelt name, for the near-miss index.
    let dir = newsroom_compiled("التقى سامر الخطيت في دمشق.\n");
    let root = dir.path();
    // The near-miss index is read only when `check` needs it: the finding
    // is the same as from the YAML folder.
    let check = |gazetteer: &str| {
        tadqiq(
            &[
                "check",
                "--isolated",
                "--no-cache",
                "--format",
                "json",
                "--fail-on",
                "never",
                "--gazetteer",
                gazetteer,
                "a.txt",
            ],
            root,
        )
    };
    let (compiled, cold) = (check("newsroom.tqg"), check("g"));
    assert_eq!(
        compiled.status.code(),
        Some(0),
        "{}",
        text(&compiled.stderr)
    );
    assert!(
        text(&compiled.stdout).contains("near-miss"),
        "{}",
        text(&compiled.stdout)
    );
    assert_eq!(text(&compiled.stdout), text(&cold.stdout));

    let whole = std::fs::read(root.join("newsroom.tqg")).expect("read");
    let refused = |bytes: &[u8]| {
        std::fs::write(root.join("newsroom.tqg"), bytes).expect("write");
        let out = tadqiq(&["tag", "--gazetteer", "newsroom.tqg", "a.txt"], root);
        assert_eq!(out.status.code(), Some(2));
        assert!(
            text(&out.stderr).contains(
                "newsroom.tqg: damaged compiled gazetteer: its tagger table, titles or name index"
            ),
            "{}",
            text(&out.stderr)
        );
    };
    // Bytes after the index.
    let mut longer = whole.clone();
    longer.extend_from_slice(b"more");
    refused(&longer);
    // The table's length (right after the entities) past the end.
    let header = whole.iter().position(|&b| b == b'\n').expect("header") + 1;
    let entities = u64::from_le_bytes(whole[header..header + 8].try_into().expect("8 bytes"));
    let table = header + 8 + usize::try_from(entities).expect("fits");
    let mut past = whole.clone();
    past[table..table + 8].copy_from_slice(&u64::MAX.to_le_bytes());
    refused(&past);
    // The near-miss index in another version, or written with another cap
    // on postings: refused with the file, not built again silently.
    let magic = b"tadqiq-names-2\n";
    let index = whole
        .windows(magic.len())
        .position(|w| w == magic)
        .expect("the index");
    let mut version = whole.clone();
    version[index + magic.len() - 2] = b'1';
    refused(&version);
    let mut cap = whole.clone();
    cap[index + magic.len()] = 65;
    refused(&cap);
}

#[test]
fn a_compiled_file_with_damaged_entities_or_an_unknown_encoding_is_refused_by_name() {
    let dir = newsroom_compiled("التقى سامر الخطيب في دمشق.\n");
    let root = dir.path();
    let whole = std::fs::read(root.join("newsroom.tqg")).expect("read");
    let refused = |bytes: &[u8], message: &str| {
        std::fs::write(root.join("newsroom.tqg"), bytes).expect("write");
        let out = tadqiq(&["check", "--gazetteer", "newsroom.tqg", "a.txt"], root);
        assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
        assert!(
            text(&out.stderr).contains(&format!("newsroom.tqg: {message}")),
            "{}",
            text(&out.stderr)
        );
    };
    // The entities' length one short: the last entity is cut.
    let header = whole.iter().position(|&b| b == b'\n').expect("header") + 1;
    let len = u64::from_le_bytes(whole[header..header + 8].try_into().expect("8 bytes"));
    let mut short = whole.clone();
    short[header..header + 8].copy_from_slice(&(len - 1).to_le_bytes());
    refused(
        &short,
        "damaged compiled gazetteer: its entities are unreadable",
    );
    // An entity's kind byte that no kind has (right after its id).
    let id = b"samer-al-khatib";
    let at = whole
        .windows(id.len())
        .position(|w| w == id)
        .expect("the id")
        + id.len();
    let mut kind = whole.clone();
    kind[at] = 9;
    refused(
        &kind,
        "damaged compiled gazetteer: its entities are unreadable",
    );
    // The header's format number (the digit before its line break) set to
    // another one.
    let with_format = |digit: &[u8]| {
        let mut bytes = whole[..header - 2].to_vec();
        bytes.extend_from_slice(digit);
        bytes.extend_from_slice(b"\n");
        bytes.extend_from_slice(&whole[header..]);
        bytes
    };
    // A later encoding than this build reads.
    refused(
        &with_format(b"9"),
        "written in an unknown format (entities:binary-9): compile it again with `tadqiq gazetteer compile`",
    );
    // The previous binary formats (the near-miss index laid out the old
    // way; no folded titles): refused as older, with what to do.
    for older in ["1", "2"] {
        refused(
            &with_format(older.as_bytes()),
            &format!("written by an earlier tadqiq in an older format (entities:binary-{older}): compile it again with `tadqiq gazetteer compile`"),
        );
    }
}

// The tagger's table of a compiled file written before its automaton came
// in parts (format 1: one automaton, no count of parts) still loads and
// tags the same; a table format this build does not know is refused with
// the file's name, exit 2.
#[test]
fn a_compiled_file_with_the_one_automaton_table_loads_and_an_unknown_table_is_refused() {
    let dir = newsroom_compiled("التقى سامر الخطيب في دمشق.\n");
    let root = dir.path();
    let whole = std::fs::read(root.join("newsroom.tqg")).expect("read");
    let magic = b"tadqiq-tagger-2\n";
    let at = whole
        .windows(magic.len())
        .position(|w| w == magic)
        .expect("the tagger table");
    let len = |bytes: &[u8], at: usize| u64::from_le_bytes(bytes[at..at + 8].try_into().unwrap());
    let table_len = len(&whole, at - 8) as usize;
    let end = at + table_len;
    // The table ends with a count of parts (one) and the part as a u64
    // length and its bytes: find where the count is.
    let count = (at..end - 12)
        .rev()
        .find(|&p| {
            whole[p..p + 4] == 1u32.to_le_bytes() && len(&whole, p + 4) as usize == end - p - 12
        })
        .expect("one part");
    let mut old = whole[..at - 8].to_vec();
    old.extend_from_slice(&(table_len as u64 - 4).to_le_bytes());
    old.extend_from_slice(b"tadqiq-tagger-1\n");
    old.extend_from_slice(&whole[at + magic.len()..count]);
    old.extend_from_slice(&whole[count + 4..]);
    std::fs::write(root.join("newsroom.tqg"), &old).expect("write");
    assert_eq!(
        tagged(root, &["--no-cache", "--gazetteer", "newsroom.tqg"]),
        ["samer-al-khatib", "damascus"]
    );

    let mut unknown = whole.clone();
    unknown[at..at + magic.len()].copy_from_slice(b"tadqiq-tagger-9\n");
    std::fs::write(root.join("newsroom.tqg"), &unknown).expect("write");
    let out = tadqiq(&["tag", "--gazetteer", "newsroom.tqg", "a.txt"], root);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains(
            "newsroom.tqg: damaged compiled gazetteer: its tagger table, titles or name index"
        ),
        "{}",
        text(&out.stderr)
    );
}
