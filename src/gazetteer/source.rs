//! Where gazetteer files come from: the folder embedded in the binary, and
//! folders on disk. Every `*.yaml` under a folder is read, recursively; the
//! kind of its entries comes from the file name (`people*.yaml`,
//! `places*.yaml`, `organizations*.yaml`), so a gazetteer can be split into
//! as many files as its maintainers like (`generated/places-countries.yaml`).

use std::path::Path;

use super::{line_col, EntityKind, GazetteerError};

include!(concat!(env!("OUT_DIR"), "/embedded_gazetteer.rs"));

/// One gazetteer file, read and decoded.
pub(crate) struct SourceFile {
    pub kind: EntityKind,
    pub path: String,
    pub text: String,
}

/// The kind of entity a file holds, from its name; `None` for a name that
/// says nothing (an error for the caller to report).
pub(crate) fn kind_of_file(path: &Path) -> Option<EntityKind> {
    let name = path.file_name()?.to_str()?;
    let stem = name
        .strip_suffix(".yaml")
        .or_else(|| name.strip_suffix(".yml"))?;
    [
        EntityKind::Person,
        EntityKind::Place,
        EntityKind::Organization,
    ]
    .into_iter()
    .find(|kind| {
        let prefix = kind.file_prefix();
        stem.strip_prefix(prefix)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(['-', '_', '.']))
    })
}

/// The shipped gazetteer, as embedded at build time.
pub(crate) fn embedded_files() -> Vec<SourceFile> {
    EMBEDDED_FILES
        .iter()
        .filter_map(|&(path, text)| {
            Some(SourceFile {
                kind: kind_of_file(Path::new(path))?,
                path: path.to_string(),
                text: text.to_string(),
            })
        })
        .collect()
}

/// Reads every gazetteer file under `dir` (sorted, recursive; hidden entries
/// and symlinked folders skipped), reporting what cannot be read.
pub(crate) fn read_dir(dir: &Path, files: &mut Vec<SourceFile>, errors: &mut Vec<GazetteerError>) {
    let shown = dir.display().to_string();
    if !dir.is_dir() {
        errors.push(GazetteerError::file(
            shown,
            if dir.exists() {
                "not a folder: a gazetteer is a folder of people*.yaml, places*.yaml and organizations*.yaml files"
            } else {
                "gazetteer folder not found"
            },
        ));
        return;
    }
    let mut paths = Vec::new();
    collect_yaml(dir, &mut paths, errors);
    paths.sort();
    if paths.is_empty() {
        errors.push(GazetteerError::file(
            shown,
            "no people*.yaml, places*.yaml or organizations*.yaml file in this folder",
        ));
        return;
    }
    for path in paths {
        let shown = path.display().to_string();
        let Some(kind) = kind_of_file(&path) else {
            errors.push(GazetteerError::file(
                shown,
                "cannot tell which entities this file holds: name it people*.yaml, places*.yaml or organizations*.yaml",
            ));
            continue;
        };
        match std::fs::read(&path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => files.push(SourceFile {
                    kind,
                    path: shown,
                    text,
                }),
                Err(e) => {
                    let offset = e.utf8_error().valid_up_to();
                    let (line, column) = line_col(&String::from_utf8_lossy(e.as_bytes()), offset);
                    errors.push(GazetteerError {
                        path: shown,
                        line,
                        column,
                        message: format!("invalid UTF-8 at byte {offset}"),
                    });
                }
            },
            Err(e) => errors.push(GazetteerError::file(shown, format!("cannot read: {e}"))),
        }
    }
}

fn collect_yaml(dir: &Path, paths: &mut Vec<std::path::PathBuf>, errors: &mut Vec<GazetteerError>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            errors.push(GazetteerError::file(
                dir.display().to_string(),
                format!("cannot read folder: {e}"),
            ));
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let Ok(file_type) = entry.file_type() else {
            continue;
        };
        if file_type.is_dir() {
            collect_yaml(&path, paths, errors);
        } else if path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
            paths.push(path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_comes_from_the_file_name() {
        let cases = [
            ("people.yaml", Some(EntityKind::Person)),
            ("people-arab-league.yaml", Some(EntityKind::Person)),
            ("generated/places-countries.yaml", Some(EntityKind::Place)),
            ("organizations_world.yaml", Some(EntityKind::Organization)),
            // A prefix that runs on into another word says nothing.
            ("peoples.yaml", None),
            ("placesx.yaml", None),
            ("tadqiq.yaml", None),
            ("people.yml", Some(EntityKind::Person)),
            ("people.json", None),
        ];
        for (name, want) in cases {
            assert_eq!(kind_of_file(Path::new(name)), want, "{name}");
        }
    }

    #[test]
    fn every_embedded_file_has_a_kind() {
        assert!(!EMBEDDED_FILES.is_empty());
        for (path, _) in EMBEDDED_FILES {
            assert!(kind_of_file(Path::new(path)).is_some(), "{path}");
        }
    }
}
