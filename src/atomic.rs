//! Replacing a file in one step: the new bytes go to a temporary file
//! beside it, which is then renamed over it, so a reader (or a crash)
//! never sees half a file. Used by `--output-file` and `--fix`.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Writes `bytes` to `path` atomically. An existing file keeps its
/// permissions; a symbolic link is followed, so the file it points at is
/// replaced and the link stays a link.
///
/// # Errors
/// A message naming `path` and the reason.
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let cannot = |e: io::Error| format!("{}: cannot write: {e}", path.display());
    let target: PathBuf = match fs::canonicalize(path) {
        Ok(real) => real,
        Err(e) if e.kind() == io::ErrorKind::NotFound => path.to_path_buf(),
        Err(e) => return Err(cannot(e)),
    };
    if target.is_dir() {
        return Err(format!("{}: cannot write: is a folder", path.display()));
    }
    let folder = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let permissions = fs::metadata(&target).ok().map(|m| m.permissions());
    let mut attempt = 0u32;
    let (temp, mut file) = loop {
        let temp = folder.join(format!(
            ".{name}.tadqiq-{}-{attempt}.tmp",
            std::process::id()
        ));
        match fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)
        {
            Ok(file) => break (temp, file),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && attempt < 100 => attempt += 1,
            Err(e) => return Err(cannot(e)),
        }
    };
    let written = file
        .write_all(bytes)
        .and_then(|()| file.sync_all())
        .and_then(|()| match &permissions {
            Some(p) => fs::set_permissions(&temp, p.clone()),
            None => Ok(()),
        })
        .and_then(|()| fs::rename(&temp, &target));
    if let Err(e) = written {
        let _ = fs::remove_file(&temp);
        return Err(cannot(e));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_keeps_links_and_names_the_file_on_failure() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("report.txt");
        write_file(&file, b"one").unwrap();
        write_file(&file, b"two").unwrap();
        assert_eq!(fs::read(&file).unwrap(), b"two");
        #[cfg(unix)]
        {
            let link = dir.path().join("link.txt");
            std::os::unix::fs::symlink(&file, &link).unwrap();
            write_file(&link, b"three").unwrap();
            assert!(fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink());
            assert_eq!(fs::read(&file).unwrap(), b"three");
        }
        let missing = dir.path().join("no-such-folder").join("out.txt");
        let message = write_file(&missing, b"x").unwrap_err();
        assert!(message.contains("no-such-folder/out.txt"), "{message}");
        let message = write_file(dir.path(), b"x").unwrap_err();
        assert!(message.contains("is a folder"), "{message}");
        // No temporary file is left behind.
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), if cfg!(unix) { 2 } else { 1 });
    }
}
