//! The snapshot folder (`tadqiq snapshot --dir DIR`) on disk: which file
//! holds the snapshot of which draft, and reading, writing, listing and
//! removing those files without ever touching anything outside `DIR`.
//!
//! The rules, all documented in `docs/ci.md`:
//! - A draft's snapshot is `DIR/<draft path>.tadqiq`, the draft path taken
//!   from the folder that holds `DIR` (the *base*), wherever tadqiq runs
//!   from: `--dir ../snapshots` from `drafts/` names `drafts/a.md` exactly as
//!   `--dir snapshots` does from the top. A snapshot is stale when
//!   `base/<draft path>` no longer exists.
//! - Walking `DIR` never follows a symbolic link; links are not snapshots.
//! - A symbolic link on the way to a snapshot (a linked folder, or a link
//!   where the snapshot file would be) is refused with a message naming it:
//!   tadqiq neither writes nor reads through it, and does not replace it.
//! - A snapshot is written to a new file beside it, then renamed over it,
//!   so even a link created meanwhile is replaced, never written through.

use std::ffi::OsString;
use std::fs;
use std::io::{self, Write};
use std::path::{Component, Path, PathBuf};

/// The file extension of snapshot files.
pub(crate) const SNAPSHOT_EXT: &str = ".tadqiq";

/// `path` made absolute against `cwd`, with `.` and `..` resolved by name.
fn lexical_absolute(cwd: &Path, path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in cwd.join(path).components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// `path` with its folder resolved on disk (symbolic links and all) when it
/// exists, so it compares with the current folder, which is physical.
fn physical(path: &Path) -> PathBuf {
    if let Ok(p) = fs::canonicalize(path) {
        return p;
    }
    match (path.parent(), path.file_name()) {
        (Some(parent), Some(name)) => physical(parent).join(name),
        _ => path.to_path_buf(),
    }
}

/// The folder snapshot names are relative to: the one that holds `dir`,
/// as named (`lexical`) and as on disk (`physical`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Base {
    pub lexical: PathBuf,
    pub physical: PathBuf,
}

/// The [`Base`] of the snapshot folder `dir`.
pub(crate) fn base(cwd: &Path, dir: &Path) -> Base {
    let dir = lexical_absolute(cwd, dir);
    let lexical = dir.parent().map_or_else(|| dir.clone(), Path::to_path_buf);
    Base {
        physical: physical(&lexical),
        lexical,
    }
}

/// The name of `draft`'s snapshot under `DIR` (its path from `base`,
/// `/`-separated), or why it has none. The path is taken as written when
/// it lies under the base as written (a linked drafts folder inside the
/// project keeps its name), else with both resolved on disk.
pub(crate) fn draft_name(base: &Base, cwd: &Path, draft: &str) -> Result<String, String> {
    let abs = lexical_absolute(cwd, Path::new(draft));
    let relative = match abs.strip_prefix(&base.lexical) {
        Ok(relative) => relative.to_path_buf(),
        Err(_) => {
            // The draft's folder on disk, the draft itself not resolved: a
            // draft that is a link is named by the link.
            let on_disk = match (abs.parent(), abs.file_name()) {
                (Some(parent), Some(name)) => physical(parent).join(name),
                _ => abs.clone(),
            };
            on_disk
                .strip_prefix(&base.physical)
                .map_err(|_| {
                    format!(
                        "is outside {}, the folder that holds the snapshot folder; snapshots name drafts by their path from there",
                        base.lexical.display()
                    )
                })?
                .to_path_buf()
        }
    };
    let mut parts = Vec::new();
    for c in relative.components() {
        match c {
            Component::Normal(part) => match part.to_str() {
                Some(s) => parts.push(s.to_string()),
                None => return Err("has a name that is not UTF-8".to_string()),
            },
            _ => return Err("has no file name to name its snapshot by".to_string()),
        }
    }
    if parts.is_empty() {
        return Err("has no file name to name its snapshot by".to_string());
    }
    Ok(parts.join("/"))
}

/// The snapshot file of the draft named `name` (see [`draft_name`]).
pub(crate) fn snapshot_file(dir: &Path, name: &str) -> PathBuf {
    let mut file = OsString::from(name);
    file.push(SNAPSHOT_EXT);
    dir.join(file)
}

/// What is at a snapshot's path.
#[derive(Debug)]
pub(crate) enum Existing {
    /// Nothing yet.
    None,
    /// A snapshot, with its text.
    Text(String),
}

fn link_message(path: &Path) -> String {
    format!(
        "{} is a symbolic link; tadqiq does not write or read snapshots through links (remove it, or give --dir the real folder)",
        path.display()
    )
}

/// Goes from `dir` down to `file`'s folder, refusing a symbolic link or a
/// non-folder on the way; with `create`, makes the folders that are missing.
/// Returns false when a folder is missing and `create` is off.
fn walk_down(dir: &Path, file: &Path, create: bool) -> Result<bool, String> {
    if create {
        fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    let Ok(relative) = file.strip_prefix(dir) else {
        return Err(format!("{} is outside {}", file.display(), dir.display()));
    };
    let mut at = dir.to_path_buf();
    let folders: Vec<Component> = relative.components().collect();
    for c in &folders[..folders.len().saturating_sub(1)] {
        at.push(c);
        match fs::symlink_metadata(&at) {
            Ok(m) if m.file_type().is_symlink() => return Err(link_message(&at)),
            Ok(m) if m.is_dir() => {}
            Ok(_) => return Err(format!("{} is in the way: not a folder", at.display())),
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                if !create {
                    return Ok(false);
                }
                fs::create_dir(&at).map_err(|e| format!("cannot create {}: {e}", at.display()))?;
            }
            Err(e) => return Err(format!("cannot read {}: {e}", at.display())),
        }
    }
    Ok(true)
}

/// Reads the snapshot at `file` (under `dir`) without following links.
pub(crate) fn read(dir: &Path, file: &Path) -> Result<Existing, String> {
    if !walk_down(dir, file, false)? {
        return Ok(Existing::None);
    }
    match fs::symlink_metadata(file) {
        Ok(m) if m.file_type().is_symlink() => Err(link_message(file)),
        Ok(m) if m.is_file() => match fs::read(file) {
            // A snapshot that is not UTF-8 differs from any report.
            Ok(bytes) => Ok(Existing::Text(String::from_utf8_lossy(&bytes).into_owned())),
            Err(e) => Err(format!("cannot read {}: {e}", file.display())),
        },
        Ok(_) => Err(format!("{} is in the way: not a file", file.display())),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Existing::None),
        Err(e) => Err(format!("cannot read {}: {e}", file.display())),
    }
}

/// Writes `text` as the snapshot at `file` (under `dir`): the folders on the
/// way made as needed, no link followed, the file replaced in one step.
pub(crate) fn write(dir: &Path, file: &Path, text: &str) -> Result<(), String> {
    walk_down(dir, file, true)?;
    if let Ok(m) = fs::symlink_metadata(file) {
        if m.file_type().is_symlink() {
            return Err(link_message(file));
        }
        if !m.is_file() {
            return Err(format!("{} is in the way: not a file", file.display()));
        }
    }
    let folder = file.parent().unwrap_or(dir);
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let cannot = |e: io::Error| format!("cannot write {}: {e}", file.display());
    // `create_new` fails on anything already there, a link included, so the
    // new text never lands outside the folder.
    let mut attempt = 0u32;
    let (temp, mut out) = loop {
        let temp = folder.join(format!(".{name}.{}-{attempt}.tmp", std::process::id()));
        match fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)
        {
            Ok(out) => break (temp, out),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && attempt < 100 => attempt += 1,
            Err(e) => return Err(cannot(e)),
        }
    };
    let written = out
        .write_all(text.as_bytes())
        .and_then(|()| out.sync_all())
        .and_then(|()| fs::rename(&temp, file));
    if let Err(e) = written {
        let _ = fs::remove_file(&temp);
        return Err(cannot(e));
    }
    Ok(())
}

/// Every snapshot file under `dir` (regular files named `*.tadqiq`), with
/// its draft name, sorted by name. Symbolic links are neither listed nor
/// followed. Folders that cannot be read are reported.
pub(crate) fn list(dir: &Path) -> (Vec<(PathBuf, String)>, Vec<String>) {
    let mut found = Vec::new();
    let mut problems = Vec::new();
    let mut stack = vec![(dir.to_path_buf(), String::new())];
    while let Some((folder, prefix)) = stack.pop() {
        let entries = match fs::read_dir(&folder) {
            Ok(entries) => entries,
            Err(e) if e.kind() == io::ErrorKind::NotFound && folder == dir => continue,
            Err(e) => {
                problems.push(format!("cannot read {}: {e}", folder.display()));
                continue;
            }
        };
        for entry in entries.flatten() {
            // `file_type` does not follow links.
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            let Some(name) = entry.file_name().to_str().map(str::to_string) else {
                continue;
            };
            let path = entry.path();
            if kind.is_dir() {
                stack.push((path, format!("{prefix}{name}/")));
            } else if kind.is_file() {
                if let Some(draft) = name.strip_suffix(SNAPSHOT_EXT) {
                    if !draft.is_empty() {
                        found.push((path, format!("{prefix}{draft}")));
                    }
                }
            }
        }
    }
    found.sort_by(|a, b| a.1.cmp(&b.1));
    (found, problems)
}

/// Whether the draft named `name` is gone from `base`. In doubt (an error
/// other than "not found"), it is not.
pub(crate) fn draft_gone(base: &Base, name: &str) -> bool {
    match fs::symlink_metadata(base.lexical.join(name)) {
        Ok(_) => false,
        Err(e) => e.kind() == io::ErrorKind::NotFound,
    }
}

/// Removes a stale snapshot (a regular file listed by [`list`]); a link
/// put in its place meanwhile is removed itself, never followed.
pub(crate) fn remove(file: &Path) -> Result<(), String> {
    fs::remove_file(file)
        .map_err(|e| format!("cannot remove stale snapshot {}: {e}", file.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_drafts_from_the_folder_that_holds_dir() {
        let tmp = tempfile::tempdir().unwrap();
        let top = fs::canonicalize(tmp.path()).unwrap();
        fs::create_dir_all(top.join("drafts/sub")).unwrap();
        let b = base(&top.join("drafts"), Path::new("../snaps"));
        assert_eq!(b.lexical, top);
        assert_eq!(b.physical, top);
        assert_eq!(
            draft_name(&b, &top.join("drafts"), "sub/../a.md").unwrap(),
            "drafts/a.md"
        );
        assert_eq!(
            draft_name(&b, &top, "./drafts/a.md").unwrap(),
            "drafts/a.md"
        );
        assert!(draft_name(&b, &top, "../elsewhere.md").is_err());
        // A drafts folder that links elsewhere keeps its name in the project.
        #[cfg(unix)]
        {
            let other = tempfile::tempdir().unwrap();
            std::os::unix::fs::symlink(other.path(), top.join("linked")).unwrap();
            assert_eq!(draft_name(&b, &top, "linked/x.md").unwrap(), "linked/x.md");
        }
        assert_eq!(
            snapshot_file(Path::new("snaps"), "drafts/a.md"),
            Path::new("snaps/drafts/a.md.tadqiq")
        );
    }
}
