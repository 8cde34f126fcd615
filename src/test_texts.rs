//! Texts the unit tests run new code paths against, next to the paths they
//! replace: every draft under `tests/fixtures/` (subfolders too) and
//! `examples/`, in path order.

use std::path::Path;

/// Every fixture draft, in path order.
pub(crate) fn fixtures() -> Vec<String> {
    let mut texts = Vec::new();
    walk(&root().join("tests/fixtures"), &mut texts);
    assert!(texts.len() > 50, "{} fixture texts", texts.len());
    texts
}

/// Every fixture draft and every example, in path order.
pub(crate) fn fixtures_and_examples() -> Vec<String> {
    let mut texts = fixtures();
    walk(&root().join("examples"), &mut texts);
    texts
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn walk(dir: &Path, out: &mut Vec<String>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("fixture folder")
        .map(|e| e.expect("entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            walk(&path, out);
        } else if let Ok(text) = std::fs::read_to_string(&path) {
            out.push(text);
        }
    }
}
