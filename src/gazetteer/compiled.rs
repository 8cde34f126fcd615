//! The compiled gazetteer: the validated entities of a set of sources,
//! written once and read back with no YAML parsing and no validation.
//!
//! A compiled file is one header line, `tadqiq-compiled-gazetteer VERSION
//! FINGERPRINT`, then the entities as JSON on one line, then, in binary, the
//! tagger's table (every folded key, what it stands for and the serialized
//! automaton, see [`TaggerTable`](crate::tag::TaggerTable)) and the
//! near-miss rule's index of name words, each as a `u64` length and its
//! bytes. Loading neither parses YAML nor folds an alias nor builds an
//! automaton or index. A file without the binary part (written by an
//! earlier build) still loads; both are then derived again. The fingerprint hashes the tadqiq
//! version, the running executable's size and modification time, and every
//! source file's kind, path and text, so a cached file is used only for the
//! exact sources and build that wrote it. Writers go through a temporary
//! file and a rename, so two processes filling the cache at once never leave
//! a torn file behind: the later rename wins with an identical file.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use super::source::SourceFile;
use super::{Entity, Gazetteer};
use crate::tag::TaggerTable;

const MAGIC: &str = "tadqiq-compiled-gazetteer";

/// A hex digest of the sources and the build that reads them.
pub(crate) fn fingerprint(files: &[SourceFile]) -> String {
    let stamp = executable_stamp();
    let digest = |seed: u8| {
        let mut h = DefaultHasher::new();
        seed.hash(&mut h);
        env!("CARGO_PKG_VERSION").hash(&mut h);
        stamp.hash(&mut h);
        for file in files {
            file.kind.hash(&mut h);
            file.path.hash(&mut h);
            file.text.hash(&mut h);
        }
        h.finish()
    };
    format!("{:016x}{:016x}", digest(0x5a), digest(0xa5))
}

/// Size and modification time of the running executable: a rebuilt binary
/// (whose validation or model may differ) never reads an older cache.
fn executable_stamp() -> Option<(u64, u128)> {
    let meta = std::fs::metadata(std::env::current_exe().ok()?).ok()?;
    let modified = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
    Some((meta.len(), modified.as_nanos()))
}

/// Where compiled gazetteers are cached: `$TADQIQ_CACHE_DIR`, else the
/// platform cache folder (`$XDG_CACHE_HOME/tadqiq`, `~/.cache/tadqiq`,
/// `~/Library/Caches/tadqiq`, `%LOCALAPPDATA%\tadqiq\cache`).
pub(crate) fn cache_dir() -> Option<PathBuf> {
    let env = |name: &str| {
        std::env::var_os(name)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    if let Some(dir) = env("TADQIQ_CACHE_DIR") {
        return Some(dir);
    }
    if cfg!(windows) {
        return env("LOCALAPPDATA").map(|d| d.join("tadqiq").join("cache"));
    }
    if cfg!(target_os = "macos") {
        return env("HOME").map(|h| h.join("Library/Caches/tadqiq"));
    }
    env("XDG_CACHE_HOME")
        .map(|d| d.join("tadqiq"))
        .or_else(|| env("HOME").map(|h| h.join(".cache/tadqiq")))
}

/// The cache file for sources with this fingerprint.
pub(crate) fn cache_path(dir: &Path, fingerprint: &str) -> PathBuf {
    dir.join(format!("gazetteer-{fingerprint}.json"))
}

/// Whether `path` is a compiled gazetteer (by its first bytes).
pub(crate) fn is_compiled(path: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; MAGIC.len()];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok_and(|()| head == MAGIC.as_bytes())
}

/// Writes `gazetteer` (its entities and tagger table) to `path` atomically
/// (temporary file, then rename).
///
/// # Errors
/// Any I/O error creating the folder or writing the file.
pub(crate) fn write(path: &Path, fingerprint: &str, gazetteer: &Gazetteer) -> std::io::Result<()> {
    let table = match gazetteer.tagger_table() {
        Some(table) => std::sync::Arc::clone(table),
        None => std::sync::Arc::new(TaggerTable::build(gazetteer)),
    };
    let dir = path.parent().unwrap_or_else(|| Path::new("."));
    std::fs::create_dir_all(dir)?;
    let unique = std::time::SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let name = path
        .file_name()
        .map_or_else(|| "gazetteer".into(), |n| n.to_string_lossy().into_owned());
    let temporary = dir.join(format!(".{name}.{}.{unique}.tmp", std::process::id()));
    let result = (|| {
        let mut out = BufWriter::new(std::fs::File::create(&temporary)?);
        writeln!(out, "{MAGIC} {} {fingerprint}", env!("CARGO_PKG_VERSION"))?;
        serde_json::to_writer(&mut out, gazetteer.entities())?;
        out.write_all(b"\n")?;
        let names = crate::rules::near_miss::NameIndex::derive(gazetteer).to_bytes();
        for part in [table.to_bytes(), names] {
            out.write_all(&(part.len() as u64).to_le_bytes())?;
            out.write_all(&part)?;
        }
        out.into_inner().map_err(|e| e.into_error())?.sync_all()?;
        std::fs::rename(&temporary, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    result
}

/// How many compiled gazetteers the cache folder keeps; older ones (by
/// modification time) are removed when a new one is written.
const CACHE_ENTRIES: usize = 8;

/// Removes all but the newest [`CACHE_ENTRIES`] cache files in `dir`.
pub(crate) fn prune(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut cached: Vec<(std::time::SystemTime, PathBuf)> = entries
        .flatten()
        .filter(|e| {
            let name = e.file_name();
            let name = name.to_string_lossy();
            name.starts_with("gazetteer-") && name.ends_with(".json")
        })
        .filter_map(|e| Some((e.metadata().ok()?.modified().ok()?, e.path())))
        .collect();
    cached.sort_by(|a, b| b.cmp(a));
    for (_, path) in cached.into_iter().skip(CACHE_ENTRIES) {
        let _ = std::fs::remove_file(path);
    }
}

/// The near-miss index of a compiled file, left on disk until a `check`
/// needs it (`tag` never does): at 1,000,000 aliases it is 300 MB, which
/// reading with the rest would double the peak memory of every run. The
/// open file is kept, so a file replaced meanwhile (a cache entry written
/// again) is not read by mistake.
#[derive(Debug)]
pub(crate) struct StoredIndex {
    file: std::sync::Mutex<std::fs::File>,
    offset: u64,
    len: usize,
}

impl StoredIndex {
    /// Calls `read` with the file at the index, buffered, and the index's
    /// length; `None` when it cannot be read (the index is then built from
    /// the entities).
    pub(crate) fn read_with<T>(&self, read: impl FnOnce(IndexInput<'_>) -> Option<T>) -> Option<T> {
        self.read_in_blocks_past(16 << 20, read)
    }

    /// [`read_with`](Self::read_with), reading an index of more than
    /// `at_once` bytes in blocks.
    pub(crate) fn read_in_blocks_past<T>(
        &self,
        at_once: usize,
        read: impl FnOnce(IndexInput<'_>) -> Option<T>,
    ) -> Option<T> {
        use std::io::{Read, Seek, SeekFrom};
        let mut file = self.file.lock().ok()?;
        file.seek(SeekFrom::Start(self.offset)).ok()?;
        let len = self.len as u64;
        // A small index (the shipped gazetteer's is 1 MB) is read at once
        // and parsed from memory, which is quicker; a large one in blocks.
        if self.len <= at_once {
            let mut bytes = vec![0; self.len];
            file.read_exact(&mut bytes).ok()?;
            return read(IndexInput::Bytes(&bytes));
        }
        let mut input = std::io::BufReader::with_capacity(1 << 16, (&mut *file).take(len));
        read(IndexInput::Stream(&mut input, len))
    }
}

/// The stored near-miss index as [`StoredIndex`] hands it over: its bytes
/// (a small index, read at once) or the file at the index and its length.
pub(crate) enum IndexInput<'a> {
    Bytes(&'a [u8]),
    Stream(&'a mut dyn std::io::Read, u64),
}

/// Reads a compiled gazetteer. With `expected`, a file whose fingerprint
/// differs is refused (a stale cache entry).
///
/// The file is read part by part (never whole): the entities' line is
/// parsed and dropped before the tagger's table is read, and the near-miss
/// index is only located ([`StoredIndex`]).
///
/// # Errors
/// A message saying why the file cannot be used.
pub(crate) fn read(path: &Path, expected: Option<&str>) -> Result<Gazetteer, String> {
    use std::io::{BufRead, BufReader, Read, Seek};
    let cannot = |e: std::io::Error| format!("cannot read: {e}");
    let file = std::fs::File::open(path).map_err(cannot)?;
    let size = file.metadata().map_err(cannot)?.len();
    let mut input = BufReader::new(file);
    let mut header = Vec::new();
    input
        .by_ref()
        .take(1024)
        .read_until(b'\n', &mut header)
        .map_err(cannot)?;
    if header.pop() != Some(b'\n') {
        return Err("not a compiled gazetteer (no header line)".into());
    }
    let header = std::str::from_utf8(&header).map_err(|_| "header is not UTF-8")?;
    let mut fields = header.split(' ');
    if fields.next() != Some(MAGIC) {
        return Err("not a compiled gazetteer".into());
    }
    let version = fields.next().unwrap_or("");
    if version != env!("CARGO_PKG_VERSION") {
        return Err(format!(
            "compiled by tadqiq {version}, this is {}: compile it again with `tadqiq gazetteer compile`",
            env!("CARGO_PKG_VERSION")
        ));
    }
    let fingerprint = fields.next().unwrap_or("");
    if expected.is_some_and(|e| e != fingerprint) {
        return Err("stale: its sources or the tadqiq build changed".into());
    }
    // Reserved, not touched: only the pages the line fills are resident,
    // and the buffer never grows by copying.
    let mut line = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    input.read_until(b'\n', &mut line).map_err(cannot)?;
    let derived = line.last() == Some(&b'\n');
    if derived {
        line.pop();
    }
    let damaged = |e: serde_json::Error| format!("damaged compiled gazetteer: {e}");
    let entities: Vec<Entity> = serde_json::from_slice(&line).map_err(damaged)?;
    drop(line);
    let mut gazetteer = Gazetteer::new(entities);
    if !derived {
        // Written by an earlier build: the table and index are derived.
        return Ok(gazetteer);
    }
    let unreadable = || "damaged compiled gazetteer: its tagger table or name index is unreadable";
    let len = |input: &mut BufReader<std::fs::File>| -> Option<usize> {
        let mut bytes = [0u8; 8];
        input.read_exact(&mut bytes).ok()?;
        let len = u64::from_le_bytes(bytes);
        let at = input.stream_position().ok()?;
        // A length past the end of the file is damage, not an allocation.
        (len <= size.saturating_sub(at)).then_some(usize::try_from(len).ok()?)
    };
    let table_len = len(&mut input).ok_or_else(unreadable)?;
    let mut table = vec![0; table_len];
    input.read_exact(&mut table).map_err(|_| unreadable())?;
    let table = TaggerTable::from_bytes(&table, gazetteer.len()).ok_or_else(unreadable)?;
    let names_len = len(&mut input).ok_or_else(unreadable)?;
    let offset = input.stream_position().map_err(|_| unreadable())?;
    if offset + names_len as u64 != size {
        return Err(unreadable().into());
    }
    gazetteer.tagger_table = Some(std::sync::Arc::new(table));
    // The index is read by the first `check` (`tag` never needs it); if
    // it does not read back, it is built from the entities instead.
    gazetteer.name_index = Some(std::sync::Arc::new(StoredIndex {
        file: std::sync::Mutex::new(input.into_inner()),
        offset,
        len: names_len,
    }));
    Ok(gazetteer)
}
