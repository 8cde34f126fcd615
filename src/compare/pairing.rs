//! `tadqiq compare --dir A_DIR B_DIR`: the files of two folders (one
//! edition per language) paired by name.
//!
//! Both folders are walked as `check` walks a folder (include/exclude from
//! the config, `.gitignore`). A file's pairing key is its path under its
//! folder without the extension and without a trailing language tag: `.ar`,
//! `.en`, `-ar`, `-en`, `_ar`, `_en` (any case). So `ar/2025/syria.md`
//! pairs with `en/2025/syria.md`, `syria.ar.md` with `syria.en.txt`. A file
//! with no counterpart is listed on standard error and not compared; two
//! files with one key in the same folder are both left out, with a note.

use std::collections::BTreeMap;
use std::path::Path;

use crate::run::Engine;
use crate::walk::{self, Input};

/// The pairs found, in key order, and notes about files left out.
#[derive(Debug, Default)]
pub(crate) struct Pairing {
    pub pairs: Vec<(String, String)>,
    pub notes: Vec<String>,
}

/// The pairing key of `path` found under folder `root`.
pub(crate) fn key(root: &str, path: &str) -> String {
    let rel = Path::new(path)
        .strip_prefix(root)
        .unwrap_or(Path::new(path));
    let stem = rel.with_extension("");
    let mut key = stem.to_string_lossy().replace('\\', "/");
    let lower = key.to_ascii_lowercase();
    for tag in [".ar", ".en", "-ar", "-en", "_ar", "_en"] {
        if lower.ends_with(tag) && lower.len() > tag.len() {
            key.truncate(key.len() - tag.len());
            break;
        }
    }
    key
}

/// The drafts under `dir` by key; keys given by two files are dropped
/// with a note.
fn files(
    engine: &mut Engine<'_>,
    dir: &str,
    notes: &mut Vec<String>,
) -> Result<BTreeMap<String, String>, String> {
    if !Path::new(dir).is_dir() {
        return Err(format!("{dir}: not a folder (--dir takes two folders)"));
    }
    let expanded = walk::expand(&[dir.to_string()], |d| {
        let key = engine.config_key(d)?;
        Ok::<_, String>(engine.config(&key).filter())
    })?;
    let mut by_key: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for input in expanded.inputs {
        match input {
            Ok(Input::File(path)) => by_key.entry(key(dir, &path)).or_default().push(path),
            Ok(Input::Stdin) => {}
            Err(e) => return Err(e.to_string()),
        }
    }
    let mut out = BTreeMap::new();
    for (k, paths) in by_key {
        if paths.len() > 1 {
            notes.push(format!(
                "note: {} share the name `{k}` in {dir}; none of them is compared",
                paths.join(" and ")
            ));
        } else if let Some(p) = paths.into_iter().next() {
            out.insert(k, p);
        }
    }
    Ok(out)
}

/// Pairs the drafts of `a` with those of `b` by key.
///
/// # Errors
/// A path that is not a folder, a folder with no drafts, an invalid config.
pub(crate) fn pair_dirs(engine: &mut Engine<'_>, a: &str, b: &str) -> Result<Pairing, String> {
    let mut pairing = Pairing::default();
    let fa = files(engine, a, &mut pairing.notes)?;
    let mut fb = files(engine, b, &mut pairing.notes)?;
    for (k, pa) in fa {
        match fb.remove(&k) {
            Some(pb) => pairing.pairs.push((pa, pb)),
            None => pairing.notes.push(format!(
                "note: {pa} has no counterpart in {b}; not compared"
            )),
        }
    }
    for pb in fb.into_values() {
        pairing.notes.push(format!(
            "note: {pb} has no counterpart in {a}; not compared"
        ));
    }
    Ok(pairing)
}

#[cfg(test)]
mod tests {
    use super::key;

    #[test]
    fn keys_drop_extension_and_language_tag() {
        let cases = [
            // Same name in both folders.
            ("ar", "ar/syria.md", "syria"),
            // Language tags in the name, any separator.
            ("ar", "ar/syria.ar.md", "syria"),
            ("en", "en/syria.en.txt", "syria"),
            ("en", "en/syria-EN.md", "syria"),
            ("en", "en/syria_en.md", "syria"),
            // Sub-folders are part of the key.
            ("ar/", "ar/2025/syria.md", "2025/syria"),
            // A name that is only a tag is kept.
            ("ar", "ar/ar.md", "ar"),
            // Tags inside a name are not tags.
            ("en", "en/enlarged.md", "enlarged"),
        ];
        for (root, path, want) in cases {
            assert_eq!(key(root, path), want, "{path}");
        }
    }
}
