//! The compiled gazetteer: the validated entities of a set of sources,
//! written once and read back with no YAML parsing and no validation.
//!
//! A compiled file is one header line, `tadqiq-compiled-gazetteer VERSION
//! FINGERPRINT entities:binary-2`, then three binary parts, each as a `u64`
//! length and its bytes: the entities (see `encoding` below), the tagger's
//! table (every folded key, what it stands for and the serialized
//! automaton, in parts past 400,000 keys, see
//! [`TaggerTable`](crate::tag::TaggerTable); a table of the one-automaton
//! format of earlier builds still reads, an unknown one is damage) and the
//! near-miss rule's index of name words. Loading neither parses YAML nor
//! folds an alias nor builds an automaton or index. A file of an earlier
//! build (no fourth header field: the entities as one JSON line) still
//! loads, its table and index derived again; an encoding this build does
//! not know is refused with "compile it again". The fingerprint hashes the tadqiq
//! version, the running executable's size and modification time, a digest
//! of the shipped gazetteer when it is used (made at build time), and every
//! other source file's kind, path and text, so a cached file is used only for the
//! exact sources and build that wrote it. Writers go through a temporary
//! file and a rename, so two processes filling the cache at once never leave
//! a torn file behind: the later rename wins with an identical file.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use super::folded::FoldedTitles;
use super::source::SourceFile;
use super::{Entity, Gazetteer};
use crate::rules::near_miss::NameIndex;
use crate::tag::TaggerTable;

const MAGIC: &str = "tadqiq-compiled-gazetteer";

/// A hex digest of the sources and the build that reads them: the shipped
/// gazetteer when `embedded` (by the digest build.rs made of it, rather
/// than hashing its megabyte of text at every start) and the folders'
/// `files`.
pub(crate) fn fingerprint(embedded: bool, files: &[SourceFile]) -> String {
    let stamp = executable_stamp();
    let digest = |seed: u8| {
        let mut h = DefaultHasher::new();
        seed.hash(&mut h);
        env!("CARGO_PKG_VERSION").hash(&mut h);
        stamp.hash(&mut h);
        embedded
            .then_some(super::source::EMBEDDED_DIGEST)
            .hash(&mut h);
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
        writeln!(
            out,
            "{MAGIC} {} {fingerprint} {BINARY_ENTITIES}",
            env!("CARGO_PKG_VERSION")
        )?;
        // Each part is written and dropped before the next is made, and the
        // tagger's table before the near-miss index is derived: at 1,000,000
        // aliases the table and its bytes are 300 MB that the index's build
        // does not need (the peak of `gazetteer compile` was over 1 GB).
        let mut write_part = |part: Vec<u8>| -> std::io::Result<()> {
            out.write_all(&(part.len() as u64).to_le_bytes())?;
            out.write_all(&part)
        };
        let mut entities = Vec::new();
        encoding::put_entities(&mut entities, gazetteer.entities());
        write_part(entities)?;
        write_part(table.to_bytes())?;
        drop(table);
        write_part(gazetteer.folded_titles().to_bytes())?;
        write_part(NameIndex::derive(gazetteer).to_bytes())?;
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
/// needs it (`tag` never does): at 1,000,000 aliases it is about 100 MB
/// that every run would otherwise read and hold. The
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
    let len = |input: &mut BufReader<std::fs::File>| -> Option<usize> {
        let mut bytes = [0u8; 8];
        input.read_exact(&mut bytes).ok()?;
        let len = u64::from_le_bytes(bytes);
        let at = input.stream_position().ok()?;
        // A length past the end of the file is damage, not an allocation.
        (len <= size.saturating_sub(at)).then_some(usize::try_from(len).ok()?)
    };
    let (mut gazetteer, derived) = match fields.next() {
        Some(BINARY_ENTITIES) => {
            let unreadable = || "damaged compiled gazetteer: its entities are unreadable";
            let entities_len = len(&mut input).ok_or_else(unreadable)?;
            let mut bytes = vec![0; entities_len];
            input.read_exact(&mut bytes).map_err(|_| unreadable())?;
            let entities = encoding::entities(&bytes).ok_or_else(unreadable)?;
            drop(bytes);
            (Gazetteer::new(entities), true)
        }
        None => (read_json_entities(&mut input, size)?, false),
        Some(earlier) if EARLIER_BINARY.contains(&earlier) => {
            return Err(format!(
                "written by an earlier tadqiq in an older format ({earlier}): compile it again with `tadqiq gazetteer compile`"
            ))
        }
        Some(other) => {
            return Err(format!(
                "written in an unknown format ({other}): compile it again with `tadqiq gazetteer compile`"
            ))
        }
    };
    if !derived {
        // Written by an earlier build: the table and index are derived.
        return Ok(gazetteer);
    }
    let unreadable =
        || "damaged compiled gazetteer: its tagger table, titles or name index is unreadable";
    let table_len = len(&mut input).ok_or_else(unreadable)?;
    let mut table = vec![0; table_len];
    input.read_exact(&mut table).map_err(|_| unreadable())?;
    let table = TaggerTable::from_bytes(&table, gazetteer.len()).ok_or_else(unreadable)?;
    let titles_len = len(&mut input).ok_or_else(unreadable)?;
    let mut titles = vec![0; titles_len];
    input.read_exact(&mut titles).map_err(|_| unreadable())?;
    let titles = FoldedTitles::from_bytes(&titles, gazetteer.entities()).ok_or_else(unreadable)?;
    let names_len = len(&mut input).ok_or_else(unreadable)?;
    let offset = input.stream_position().map_err(|_| unreadable())?;
    if offset + names_len as u64 != size {
        return Err(unreadable().into());
    }
    // The index's version and cap are checked now: an index this build
    // would not read is refused with the file, not built again silently.
    let mut head = vec![0; NameIndex::HEAD.min(names_len)];
    input.read_exact(&mut head).map_err(|_| unreadable())?;
    if !NameIndex::is_head(&head) {
        return Err(unreadable().into());
    }
    gazetteer.tagger_table = Some(std::sync::Arc::new(table));
    // Just made, so never set before.
    let _ = gazetteer.folded_titles.set(std::sync::Arc::new(titles));
    // The index is read by the first `check` (`tag` never needs it); if
    // it does not read back, it is built from the entities instead.
    gazetteer.name_index = Some(std::sync::Arc::new(StoredIndex {
        file: std::sync::Mutex::new(input.into_inner()),
        offset,
        len: names_len,
    }));
    Ok(gazetteer)
}

/// The entities of a file written by an earlier build: one JSON line, then
/// (from builds that wrote them) the binary table and index, which are
/// derived again rather than trusted next to an old encoding. Such a file
/// loads as it did, only slower.
fn read_json_entities(
    input: &mut std::io::BufReader<std::fs::File>,
    size: u64,
) -> Result<Gazetteer, String> {
    use std::io::BufRead;
    // Reserved, not touched: only the pages the line fills are resident,
    // and the buffer never grows by copying.
    let mut line = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    input
        .read_until(b'\n', &mut line)
        .map_err(|e| format!("cannot read: {e}"))?;
    if line.last() == Some(&b'\n') {
        line.pop();
    }
    let damaged = |e: serde_json::Error| format!("damaged compiled gazetteer: {e}");
    let entities: Vec<Entity> = serde_json::from_slice(&line).map_err(damaged)?;
    Ok(Gazetteer::new(entities))
}

/// The header's fourth field in a file whose entities are in the binary
/// encoding below; a file without it (an earlier build's) holds them as
/// one JSON line, which is still read. Version 2: the near-miss index in
/// its compact form (`tadqiq-names-2`, see `NameIndex::to_bytes`).
/// Version 3: the role titles folded (`FoldedTitles`), between the
/// tagger's table and the near-miss index.
const BINARY_ENTITIES: &str = "entities:binary-3";

/// Earlier values of [`BINARY_ENTITIES`]: such a file is refused with what
/// to do (its near-miss index would have to be built again, which at a
/// million aliases takes seconds and more than a gigabyte).
const EARLIER_BINARY: [&str; 2] = ["entities:binary-1", "entities:binary-2"];

/// The entities in a compact binary form, read about ten times faster than
/// their JSON: every string as a `u32` length and its UTF-8 bytes, every
/// list as a `u32` count, every `Option` as a byte 0 or 1 before its value.
/// Written by hand (not through serde) because the model's serde shape
/// relies on self-describing formats (`untagged`, `deserialize_any`).
pub(super) mod encoding {
    use super::super::date::{days_in_month, PartialDate};
    use super::super::model::{Fact, FactValue, Names, Role};
    use super::super::{Entity, EntityKind, Origin};
    use crate::tag::{put_str, put_u32, Reader};

    /// Appends every entity to `out`.
    pub(in crate::gazetteer) fn put_entities(out: &mut Vec<u8>, entities: &[Entity]) {
        put_u32(out, entities.len());
        for e in entities {
            put_entity(out, e);
        }
    }

    /// Reads what [`put_entities`] wrote; `None` for damaged bytes or
    /// bytes left over.
    pub(in crate::gazetteer) fn entities(bytes: &[u8]) -> Option<Vec<Entity>> {
        let mut r = Reader(bytes);
        // An entity takes at least 40 bytes (its counts and flags).
        let n = r.count(40)?;
        let mut entities = Vec::with_capacity(n);
        for _ in 0..n {
            entities.push(entity(&mut r)?);
        }
        r.0.is_empty().then_some(entities)
    }

    fn put_entity(out: &mut Vec<u8>, e: &Entity) {
        put_str(out, &e.id);
        out.push(match e.kind {
            EntityKind::Person => 0,
            EntityKind::Place => 1,
            EntityKind::Organization => 2,
        });
        put_opt_str(out, e.class.as_deref());
        put_names(out, &e.names);
        put_names(out, &e.family);
        put_u32(out, e.roles.len());
        for role in &e.roles {
            put_names(out, &role.title);
            put_opt_date(out, role.from);
            put_opt_date(out, role.to);
            put_opt_str(out, role.of.as_deref());
            put_opt_str(out, role.source.as_deref());
        }
        put_names(out, &e.demonyms);
        put_names(out, &e.acronyms);
        put_u32(out, e.facts.len());
        for fact in &e.facts {
            put_fact(out, fact);
        }
        put_opt_str(out, e.parent.as_deref());
        put_opt_str(out, e.disambiguate.as_deref());
        put_names(out, &e.ambiguous);
        put_str(out, &e.source);
        put_str(out, &e.origin.path);
        out.extend_from_slice(&(e.origin.line as u64).to_le_bytes());
        out.extend_from_slice(&(e.origin.column as u64).to_le_bytes());
    }

    fn entity(r: &mut Reader<'_>) -> Option<Entity> {
        let id = string(r)?;
        let kind = match byte(r)? {
            0 => EntityKind::Person,
            1 => EntityKind::Place,
            2 => EntityKind::Organization,
            _ => return None,
        };
        let class = opt_string(r)?;
        let names = read_names(r)?;
        let family = read_names(r)?;
        let n = r.count(12)?;
        let mut roles = Vec::with_capacity(n);
        for _ in 0..n {
            roles.push(Role {
                title: read_names(r)?,
                from: opt_date(r)?,
                to: opt_date(r)?,
                of: opt_string(r)?,
                source: opt_string(r)?,
            });
        }
        let demonyms = read_names(r)?;
        let acronyms = read_names(r)?;
        let n = r.count(14)?;
        let mut facts = Vec::with_capacity(n);
        for _ in 0..n {
            facts.push(fact(r)?);
        }
        Some(Entity {
            id,
            kind,
            class,
            names,
            family,
            roles,
            demonyms,
            acronyms,
            facts,
            parent: opt_string(r)?,
            disambiguate: opt_string(r)?,
            ambiguous: read_names(r)?,
            source: string(r)?,
            origin: Origin {
                path: string(r)?,
                line: u64_usize(r)?,
                column: u64_usize(r)?,
            },
        })
    }

    fn put_fact(out: &mut Vec<u8>, fact: &Fact) {
        put_str(out, &fact.key);
        match &fact.value {
            None => out.push(0),
            Some(FactValue::Exact(v)) => {
                out.push(1);
                out.extend_from_slice(&v.to_le_bytes());
            }
            Some(FactValue::Range { min, max }) => {
                out.push(2);
                for bound in [min, max] {
                    match bound {
                        None => out.push(0),
                        Some(v) => {
                            out.push(1);
                            out.extend_from_slice(&v.to_le_bytes());
                        }
                    }
                }
            }
        }
        put_opt_date(out, fact.date);
        for names in [&fact.unit, &fact.predicate] {
            match names {
                None => out.push(0),
                Some(names) => {
                    out.push(1);
                    put_names(out, names);
                }
            }
        }
        put_opt_date(out, fact.from);
        put_opt_date(out, fact.to);
        put_opt_date(out, fact.as_of);
        put_str(out, &fact.source);
    }

    fn fact(r: &mut Reader<'_>) -> Option<Fact> {
        let key = string(r)?;
        let value = match byte(r)? {
            0 => None,
            1 => Some(FactValue::Exact(f64(r)?)),
            2 => Some(FactValue::Range {
                min: opt(r, f64)?,
                max: opt(r, f64)?,
            }),
            _ => return None,
        };
        Some(Fact {
            key,
            value,
            date: opt_date(r)?,
            unit: opt(r, read_names)?,
            predicate: opt(r, read_names)?,
            from: opt_date(r)?,
            to: opt_date(r)?,
            as_of: opt_date(r)?,
            source: string(r)?,
        })
    }

    fn put_names(out: &mut Vec<u8>, names: &Names) {
        for list in [&names.ar, &names.en] {
            put_u32(out, list.len());
            for name in list {
                put_str(out, name);
            }
        }
    }

    fn read_names(r: &mut Reader<'_>) -> Option<Names> {
        let mut list = || -> Option<Vec<String>> {
            let n = r.count(4)?;
            let mut list = Vec::with_capacity(n);
            for _ in 0..n {
                list.push(string(r)?);
            }
            Some(list)
        };
        Some(Names {
            ar: list()?,
            en: list()?,
        })
    }

    fn put_opt_str(out: &mut Vec<u8>, s: Option<&str>) {
        match s {
            None => out.push(0),
            Some(s) => {
                out.push(1);
                put_str(out, s);
            }
        }
    }

    /// A date as its year (`i32`), month and day (0 for none).
    fn put_opt_date(out: &mut Vec<u8>, date: Option<PartialDate>) {
        match date {
            None => out.push(0),
            Some(d) => {
                out.push(1);
                out.extend_from_slice(&d.year.to_le_bytes());
                out.push(d.month.unwrap_or(0));
                out.push(d.day.unwrap_or(0));
            }
        }
    }

    fn opt_date(r: &mut Reader<'_>) -> Option<Option<PartialDate>> {
        opt(r, |r| {
            let year = i32::from_le_bytes(r.take(4)?.try_into().ok()?);
            let (month, day) = (byte(r)?, byte(r)?);
            // Only dates that `PartialDate::parse` accepts.
            let month = match month {
                0 => None,
                1..=12 => Some(month),
                _ => return None,
            };
            let day = match (month, day) {
                (_, 0) => None,
                (Some(m), d) if d <= days_in_month(year, m) => Some(d),
                _ => return None,
            };
            (0..=9999)
                .contains(&year)
                .then_some(PartialDate { year, month, day })
        })
    }

    fn opt<T>(
        r: &mut Reader<'_>,
        value: impl FnOnce(&mut Reader<'_>) -> Option<T>,
    ) -> Option<Option<T>> {
        match byte(r)? {
            0 => Some(None),
            1 => value(r).map(Some),
            _ => None,
        }
    }

    fn opt_string(r: &mut Reader<'_>) -> Option<Option<String>> {
        opt(r, string)
    }

    fn string(r: &mut Reader<'_>) -> Option<String> {
        r.str().map(str::to_owned)
    }

    fn byte(r: &mut Reader<'_>) -> Option<u8> {
        r.take(1).map(|b| b[0])
    }

    fn f64(r: &mut Reader<'_>) -> Option<f64> {
        Some(f64::from_le_bytes(r.take(8)?.try_into().ok()?))
    }

    fn u64_usize(r: &mut Reader<'_>) -> Option<usize> {
        usize::try_from(u64::from_le_bytes(r.take(8)?.try_into().ok()?)).ok()
    }
}
