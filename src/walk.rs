//! Turning the paths on the command line into the list of drafts to check:
//! files as given, `-` for standard input, folders walked the way ripgrep
//! walks them (`.gitignore`, `.ignore` and hidden files honoured, even
//! outside a git repository), filtered by the config's include and exclude
//! globs, in a stable order (by file name at every level).

use std::path::{Path, PathBuf};

use ignore::WalkBuilder;

use crate::config::FileFilter;
use crate::input::InputError;

/// One draft to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// Standard input (`-`).
    Stdin,
    /// A file, by the path shown in reports (relative paths stay relative).
    File(String),
}

/// What a list of paths expands to, in the order the paths were given.
#[derive(Debug, Default)]
pub struct Expanded {
    pub inputs: Vec<Result<Input, InputError>>,
}

/// Expands `paths`. A folder that yields no draft is an input error.
/// `filter_for(folder)` gives the include/exclude globs for
/// a walked folder (from its config); explicitly named files are always
/// checked, whatever the globs say.
///
/// # Errors
/// Only what `filter_for` reports (an invalid config); unreadable folders
/// and files become per-input errors.
pub fn expand<E>(
    paths: &[String],
    mut filter_for: impl FnMut(&Path) -> Result<FileFilter, E>,
) -> Result<Expanded, E> {
    let mut out = Expanded::default();
    for path in paths {
        if path == "-" {
            out.inputs.push(Ok(Input::Stdin));
            continue;
        }
        let p = Path::new(path);
        if !p.is_dir() {
            out.inputs.push(Ok(Input::File(path.clone())));
            continue;
        }
        let filter = filter_for(p)?;
        let before = out.inputs.len();
        walk(path, filter, &mut out.inputs);
        // Most likely a wrong path or glob: say so rather than pass silently.
        if out.inputs.len() == before {
            out.inputs.push(Err(InputError {
                path: path.clone(),
                message: "folder holds no drafts to check (see include/exclude in tadqiq.yaml and .gitignore)".to_string(),
            }));
        }
    }
    Ok(out)
}

fn absolute(path: &Path) -> PathBuf {
    if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()
            .map(|d| d.join(path))
            .unwrap_or_else(|_| path.to_path_buf())
    }
}

fn walk(root: &str, filter: FileFilter, out: &mut Vec<Result<Input, InputError>>) {
    let root_abs = absolute(Path::new(root));
    let dir_filter = filter.clone();
    let dir_root = root_abs.clone();
    let mut builder = WalkBuilder::new(root);
    builder
        .require_git(false)
        .follow_links(false)
        .sort_by_file_name(|a, b| a.cmp(b))
        .filter_entry(move |entry| {
            let is_dir = entry.file_type().is_some_and(|t| t.is_dir());
            !(is_dir && dir_filter.excludes_dir(&dir_root, &absolute(entry.path())))
        });
    for entry in builder.build() {
        match entry {
            Ok(entry) => {
                if !entry.file_type().is_some_and(|t| t.is_file()) {
                    continue;
                }
                if !filter.accepts(&root_abs, &absolute(entry.path())) {
                    continue;
                }
                out.push(Ok(Input::File(display(entry.path()))));
            }
            Err(e) => {
                let path = error_path(&e).unwrap_or_else(|| root.to_string());
                out.push(Err(InputError {
                    path,
                    message: format!("cannot walk: {}", strip_path(&e.to_string())),
                }));
            }
        }
    }
}

/// A walked path as reports show it: `./a.md` becomes `a.md`.
fn display(path: &Path) -> String {
    let shown = path.to_string_lossy().replace('\\', "/");
    let mut s = shown.as_str();
    while let Some(rest) = s.strip_prefix("./") {
        s = rest;
    }
    s.to_string()
}

fn error_path(e: &ignore::Error) -> Option<String> {
    match e {
        ignore::Error::WithPath { path, .. } => Some(display(path)),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            error_path(err)
        }
        _ => None,
    }
}

fn strip_path(message: &str) -> String {
    // ignore's messages start with "<path>: "; the path is printed in front.
    match message.rsplit_once(": ") {
        Some((_, tail)) => tail.to_string(),
        None => message.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    #[test]
    fn walks_in_order_with_gitignore_and_excludes() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for (path, text) in [
            ("b.md", "b"),
            ("a.txt", "a"),
            ("notes.rst", "not a draft"),
            ("sub/c.markdown", "c"),
            ("sub/ignored.md", "ignored by .gitignore"),
            ("archive/old.md", "excluded by config"),
            (".hidden/h.md", "hidden"),
            (".gitignore", "sub/ignored.md\n"),
        ] {
            let p = root.join(path);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, text).unwrap();
        }
        let config =
            Config::parse(&root.join("tadqiq.yaml"), "exclude: [\"archive/**\"]\n").unwrap();
        let root_s = root.to_string_lossy().to_string();
        let got = expand::<()>(&[root_s.clone(), "-".into()], |_| Ok(config.filter())).unwrap();
        let names: Vec<String> = got
            .inputs
            .iter()
            .map(|i| match i {
                Ok(Input::File(p)) => p.strip_prefix(&root_s).unwrap_or(p).to_string(),
                Ok(Input::Stdin) => "-".to_string(),
                Err(e) => e.to_string(),
            })
            .collect();
        assert_eq!(names, ["/a.txt", "/b.md", "/sub/c.markdown", "-"]);
    }

    #[test]
    fn display_strips_dot_slash() {
        assert_eq!(display(Path::new("./a/b.md")), "a/b.md");
        assert_eq!(display(Path::new("drafts/a.md")), "drafts/a.md");
    }
}
