//! Embeds every YAML file under `gazetteer/` in the binary: writes
//! `$OUT_DIR/embedded_gazetteer.rs`, a sorted list of `(path, text)` pairs
//! that `src/gazetteer/source.rs` includes. Cargo reruns this when anything
//! under `gazetteer/` changes. Every `lexicon/*.yaml` is embedded the same
//! way as `$OUT_DIR/embedded_lexicon.rs` (`src/lexicon.rs`).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let root = PathBuf::from(
        std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"),
    );
    let gazetteer = root.join("gazetteer");
    println!("cargo:rerun-if-changed=gazetteer");
    let mut files = Vec::new();
    collect(&gazetteer, &mut files);
    files.sort();
    let mut code = String::from(
        "/// Every shipped gazetteer file: (path relative to the repository, text).\n",
    );
    code.push_str("pub(crate) const EMBEDDED_FILES: &[(&str, &str)] = &[\n");
    // Each file with its path relative to the repository, as the gazetteer
    // reports it.
    let files: Vec<(String, PathBuf)> = files
        .into_iter()
        .map(|file| {
            let relative = file
                .strip_prefix(&root)
                .expect("collected under the manifest folder")
                .to_string_lossy()
                .replace('\\', "/");
            (relative, file)
        })
        .collect();
    for (relative, file) in &files {
        writeln!(
            code,
            "    ({relative:?}, include_str!({:?})),",
            file.display().to_string()
        )
        .expect("writing to a String cannot fail");
    }
    code.push_str("];\n");
    // A digest of those files (paths and texts), so that the cache key of a
    // run with the shipped gazetteer need not hash a megabyte of YAML.
    let mut digest = Fnv128::default();
    for (relative, file) in &files {
        let text = std::fs::read(file).expect("a gazetteer file is readable");
        for part in [relative.as_bytes(), &text] {
            digest.write(&(part.len() as u64).to_le_bytes());
            digest.write(part);
        }
    }
    writeln!(
        code,
        "/// A digest of [`EMBEDDED_FILES`] (their paths and texts), made by build.rs.\n\
         pub(crate) const EMBEDDED_DIGEST: u128 = {:#x};",
        digest.0
    )
    .expect("writing to a String cannot fail");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("embedded_gazetteer.rs"), code).expect("OUT_DIR is writable");
    embed_lexicon(&root, &out);
}

/// Embeds every `lexicon/*.yaml` as `EMBEDDED_LEXICON` (src/lexicon.rs).
fn embed_lexicon(root: &Path, out: &Path) {
    println!("cargo:rerun-if-changed=lexicon");
    let mut files = Vec::new();
    collect(&root.join("lexicon"), &mut files);
    files.sort();
    let mut code =
        String::from("/// Every shipped lexicon file: (path relative to the repository, text).\n");
    code.push_str("pub(crate) const EMBEDDED_LEXICON: &[(&str, &str)] = &[\n");
    for file in &files {
        let relative = file
            .strip_prefix(root)
            .expect("collected under the manifest folder")
            .to_string_lossy()
            .replace('\\', "/");
        writeln!(
            code,
            "    ({relative:?}, include_str!({:?})),",
            file.display().to_string()
        )
        .expect("writing to a String cannot fail");
    }
    code.push_str("];\n");
    // The same files as JSON, for the shipped lexicon's fast path: parsing
    // 43 KB of YAML was a sixth of a small draft's run (docs/benchmarks.md,
    // issue 9, sixth pass). The YAML stays the source and the text errors
    // point into; a test checks both read to the same entries.
    code.push_str(
        "/// The shipped lexicon files as JSON (path relative to the repository, JSON).\n",
    );
    code.push_str("pub(crate) const EMBEDDED_LEXICON_JSON: &[(&str, &str)] = &[\n");
    let json_dir = out.join("lexicon-json");
    std::fs::create_dir_all(&json_dir).expect("OUT_DIR is writable");
    for (n, file) in files.iter().enumerate() {
        let relative = file
            .strip_prefix(root)
            .expect("collected under the manifest folder")
            .to_string_lossy()
            .replace('\\', "/");
        let text = std::fs::read_to_string(file).expect("a lexicon file is UTF-8 text");
        let value: serde_norway::Value = serde_norway::from_str(&text)
            .unwrap_or_else(|e| panic!("{relative} is not valid YAML: {e}"));
        let json = serde_json::to_string(&value)
            .unwrap_or_else(|e| panic!("{relative} does not convert to JSON: {e}"));
        let target = json_dir.join(format!("{n}.json"));
        std::fs::write(&target, json).expect("OUT_DIR is writable");
        writeln!(
            code,
            "    ({relative:?}, include_str!({:?})),",
            target.display().to_string()
        )
        .expect("writing to a String cannot fail");
    }
    code.push_str("];\n");
    std::fs::write(out.join("embedded_lexicon.rs"), code).expect("OUT_DIR is writable");
}

/// Every `*.yaml` under `dir`, recursively, not following symlinked folders.
fn collect(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let Ok(file_type) = entry.file_type() else {
            continue;
        };
        if file_type.is_dir() {
            collect(&path, files);
        } else if path.extension().is_some_and(|e| e == "yaml") {
            files.push(path);
        }
    }
}

/// 128-bit FNV-1a: a stable digest with no dependency.
struct Fnv128(u128);

impl Default for Fnv128 {
    fn default() -> Fnv128 {
        Fnv128(0x6c62_272e_07bb_0142_62b8_2175_6295_c58d)
    }
}

impl Fnv128 {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u128::from(b);
            self.0 = self
                .0
                .wrapping_mul(0x0000_0000_0100_0000_0000_0000_0000_013b);
        }
    }
}
