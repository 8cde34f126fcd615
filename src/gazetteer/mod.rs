//! The gazetteer: people, places and organizations with their names, roles,
//! demonyms, acronyms and facts, read from YAML (DESIGN.md §5).
//!
//! The shipped gazetteer is embedded in the binary; more folders can be added
//! with [`GazetteerSources::add_dir`]. Every problem is reported as
//! `path:line:col: message`, all of them at once, never only the first.

mod compiled;
pub(crate) use compiled::IndexInput;
mod date;
mod folded;
pub mod frequency;
pub(crate) mod fxhash;
mod model;
mod plain_entry;
mod source;
mod stats;

use std::fmt;
use std::path::{Path, PathBuf};

pub use date::PartialDate;
pub use model::{Fact, FactValue, Names, Role};
use model::{OrganizationEntry, PersonEntry, PlaceEntry};
use source::{embedded_files, read_dir, SourceFile};
pub use stats::{EntitySummary, GazetteerStats};

use crate::normalize::fold_str;

/// The three kinds of entity the gazetteer holds.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Place,
    Organization,
}

impl EntityKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Place => "place",
            EntityKind::Organization => "organization",
        }
    }

    /// The start of the names of the files that hold this kind.
    fn file_prefix(self) -> &'static str {
        match self {
            EntityKind::Person => "people",
            EntityKind::Place => "places",
            EntityKind::Organization => "organizations",
        }
    }
}

/// Where an entity was defined: `path:line:col` of its `id:`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Origin {
    pub path: String,
    pub line: usize,
    pub column: usize,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.path, self.line, self.column)
    }
}

/// One person, place or organization.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Entity {
    pub id: String,
    pub kind: EntityKind,
    /// A place's `kind` (country, city…) or an organization's.
    pub class: Option<String>,
    pub names: Names,
    pub family: Names,
    pub roles: Vec<Role>,
    pub demonyms: Names,
    pub acronyms: Names,
    pub facts: Vec<Fact>,
    /// `in:` of a place or `of:` of an organization.
    pub parent: Option<String>,
    pub disambiguate: Option<String>,
    /// Aliases that are also everyday words, tagged only with support.
    pub ambiguous: Names,
    pub source: String,
    pub origin: Origin,
}

impl Entity {
    /// The preferred name: the first Arabic one, else the first English one,
    /// else the id.
    pub fn preferred_name(&self) -> &str {
        self.names.all().next().unwrap_or(&self.id)
    }

    /// Adds what an `extends:` entry lists: names, family names, roles,
    /// facts, acronyms, demonyms, ambiguous aliases. Nothing is replaced.
    fn extend_with(&mut self, extension: Entity) {
        self.names.append_new(extension.names);
        self.family.append_new(extension.family);
        self.acronyms.append_new(extension.acronyms);
        self.demonyms.append_new(extension.demonyms);
        self.ambiguous.append_new(extension.ambiguous);
        self.roles.extend(extension.roles);
        self.facts.extend(extension.facts);
        if self.disambiguate.is_none() {
            self.disambiguate = extension.disambiguate;
        }
    }

    /// The roles held at `date`.
    pub fn roles_at(&self, date: PartialDate) -> impl Iterator<Item = &Role> {
        self.roles.iter().filter(move |r| r.held_at(date))
    }
}

/// A problem in a gazetteer file, as `path:line:col: message`.
pub type GazetteerError = crate::source_error::SourceError;

/// All problems found while loading; never only the first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GazetteerErrors(pub Vec<GazetteerError>);

impl fmt::Display for GazetteerErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::source_error::write_all(&self.0, f)
    }
}

impl std::error::Error for GazetteerErrors {}

/// Which gazetteer folders to read: the embedded one and/or folders on disk.
#[derive(Debug, Clone)]
pub struct GazetteerSources {
    embedded: bool,
    dirs: Vec<PathBuf>,
    disabled: Vec<String>,
    cache: bool,
}

impl Default for GazetteerSources {
    fn default() -> Self {
        GazetteerSources {
            embedded: true,
            dirs: Vec::new(),
            disabled: Vec::new(),
            cache: false,
        }
    }
}

impl GazetteerSources {
    /// Keep (the default) or drop the gazetteer embedded in the binary.
    pub fn embedded(&mut self, yes: bool) -> &mut Self {
        self.embedded = yes;
        self
    }

    /// Adds a folder of `people*.yaml`, `places*.yaml` and
    /// `organizations*.yaml` files (read recursively). Its entries may add
    /// entities or extend loaded ones with `extends: ID`.
    pub fn add_dir(&mut self, dir: impl Into<PathBuf>) -> &mut Self {
        self.dirs.push(dir.into());
        self
    }

    /// Switches entities off by id (the config's `disable-entities:`): they
    /// are loaded and validated, then left out, so they are never tagged.
    /// [`load`](Self::load) fails on an id that no source defines.
    pub fn disable<I, S>(&mut self, ids: I) -> &mut Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.disabled.extend(ids.into_iter().map(Into::into));
        self
    }

    /// Use (on) or bypass (off, the default) the compiled-gazetteer cache in
    /// the platform cache folder: sources compiled once are then loaded with
    /// no YAML parsing. The command line turns it on unless `--no-cache`.
    pub fn cache(&mut self, yes: bool) -> &mut Self {
        self.cache = yes;
        self
    }

    /// Reads and validates every source (or their compiled form from the
    /// cache, or a compiled file given as the only folder).
    ///
    /// # Errors
    /// Every YAML, schema and consistency problem, each with `path:line:col`.
    pub fn load(&self) -> Result<Gazetteer, GazetteerErrors> {
        let mut gazetteer = match self.compiled_file()? {
            Some(path) => compiled::read(path, None).map_err(|message| {
                GazetteerErrors(vec![GazetteerError::file(
                    path.display().to_string(),
                    message,
                )])
            })?,
            None => self.load_sources()?,
        };
        let unknown: Vec<GazetteerError> = self
            .disabled
            .iter()
            .filter(|id| gazetteer.index_of(id).is_none())
            .map(|id| {
                GazetteerError::file(
                    "disable-entities".to_string(),
                    format!("no entity `{id}` in the gazetteer to disable"),
                )
            })
            .collect();
        if !unknown.is_empty() {
            return Err(GazetteerErrors(unknown));
        }
        if !self.disabled.is_empty() {
            gazetteer.remove(&self.disabled);
        }
        Ok(gazetteer)
    }

    /// Validates the sources (never from the cache) and writes their
    /// compiled form to `path`; returns the number of entities.
    ///
    /// # Errors
    /// The sources' problems, or the file that could not be written.
    pub fn compile_to(&self, path: &Path) -> Result<usize, GazetteerErrors> {
        let (folders, errors) = self.read_folders();
        let fingerprint = compiled::fingerprint(self.embedded, &folders);
        let gazetteer = compile(&self.with_embedded(folders), errors)?;
        compiled::write(path, &fingerprint, &gazetteer).map_err(|e| {
            GazetteerErrors(vec![GazetteerError::file(
                path.display().to_string(),
                format!("cannot write the compiled gazetteer: {e}"),
            )])
        })?;
        Ok(gazetteer.len())
    }

    /// Where the cache for these sources lives, when there is a cache folder.
    pub fn cache_path(&self) -> Option<PathBuf> {
        let (folders, errors) = self.read_folders();
        if !errors.is_empty() {
            return None;
        }
        compiled::cache_dir()
            .map(|dir| compiled::cache_path(&dir, &compiled::fingerprint(self.embedded, &folders)))
    }

    /// A compiled file given in place of a folder. It holds a whole
    /// gazetteer, so it cannot be combined with folders.
    fn compiled_file(&self) -> Result<Option<&Path>, GazetteerErrors> {
        let Some(path) = self
            .dirs
            .iter()
            .find(|d| d.is_file() && compiled::is_compiled(d))
        else {
            return Ok(None);
        };
        if self.dirs.len() > 1 {
            return Err(GazetteerErrors(vec![GazetteerError::file(
                path.display().to_string(),
                "a compiled gazetteer is a whole gazetteer: give it as the only --gazetteer (compile the folders into it)",
            )]));
        }
        Ok(Some(path))
    }

    /// The files of the folders (not the shipped gazetteer's), with what
    /// could not be read.
    fn read_folders(&self) -> (Vec<SourceFile>, Vec<GazetteerError>) {
        let mut files = Vec::new();
        let mut errors = Vec::new();
        for dir in &self.dirs {
            read_dir(dir, &mut files, &mut errors);
        }
        (files, errors)
    }

    /// The shipped gazetteer's files (when used) followed by `folders`.
    fn with_embedded(&self, folders: Vec<SourceFile>) -> Vec<SourceFile> {
        if !self.embedded {
            return folders;
        }
        let mut files = embedded_files();
        files.extend(folders);
        files
    }

    /// The YAML sources, through the cache when it is on. The shipped
    /// gazetteer's files are only copied out of the binary when the cache
    /// does not serve them.
    fn load_sources(&self) -> Result<Gazetteer, GazetteerErrors> {
        let (folders, errors) = self.read_folders();
        let cached = (self.cache && errors.is_empty())
            .then(compiled::cache_dir)
            .flatten()
            .map(|dir| {
                let fingerprint = compiled::fingerprint(self.embedded, &folders);
                (compiled::cache_path(&dir, &fingerprint), fingerprint)
            });
        if let Some((path, fingerprint)) = &cached {
            if let Ok(gazetteer) = compiled::read(path, Some(fingerprint)) {
                return Ok(gazetteer);
            }
        }
        let gazetteer = compile(&self.with_embedded(folders), errors)?;
        if let Some((path, fingerprint)) = &cached {
            // A cache that cannot be written only costs the next run time.
            if compiled::write(path, fingerprint, &gazetteer).is_ok() {
                if let Some(dir) = path.parent() {
                    compiled::prune(dir);
                }
            }
        }
        Ok(gazetteer)
    }
}

/// A loaded, validated gazetteer.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    entities: Vec<Entity>,
    by_id: fxhash::FxHashMap<String, usize>,
    /// The tagger's table, when read with a compiled gazetteer.
    tagger_table: Option<std::sync::Arc<crate::tag::TaggerTable>>,
    /// Where the near-miss index is in the compiled gazetteer it was read
    /// from.
    name_index: Option<std::sync::Arc<compiled::StoredIndex>>,
    /// The role titles folded, read with a compiled gazetteer or folded on
    /// first use.
    folded_titles: std::sync::OnceLock<std::sync::Arc<folded::FoldedTitles>>,
}

/// The index of an entity in its [`Gazetteer`].
pub type EntityIndex = usize;

impl Gazetteer {
    fn new(entities: Vec<Entity>) -> Gazetteer {
        let mut by_id = fxhash::map_with_capacity(entities.len());
        by_id.extend(entities.iter().enumerate().map(|(i, e)| (e.id.clone(), i)));
        Gazetteer {
            entities,
            by_id,
            tagger_table: None,
            name_index: None,
            folded_titles: std::sync::OnceLock::new(),
        }
    }

    /// Every role title folded ([`fold_str`]), role by role.
    pub(crate) fn folded_titles(&self) -> &folded::FoldedTitles {
        self.folded_titles
            .get_or_init(|| std::sync::Arc::new(folded::FoldedTitles::build(&self.entities)))
    }

    /// Reads the near-miss index that came with a compiled gazetteer with
    /// `read` (given its bytes, or the file at the index and its length).
    pub(crate) fn read_name_index<T>(
        &self,
        read: impl FnOnce(compiled::IndexInput<'_>) -> Option<T>,
    ) -> Option<T> {
        self.name_index.as_ref()?.read_with(read)
    }

    /// The tagger's table that came with a compiled gazetteer; `None` once
    /// entities were removed (their indexes moved).
    pub(crate) fn tagger_table(&self) -> Option<&std::sync::Arc<crate::tag::TaggerTable>> {
        self.tagger_table.as_ref()
    }

    /// Builds a gazetteer from YAML texts, for tests: `(kind, path, yaml)`.
    ///
    /// # Errors
    /// As [`GazetteerSources::load`].
    pub fn from_yaml(files: &[(EntityKind, &str, &str)]) -> Result<Gazetteer, GazetteerErrors> {
        let files: Vec<SourceFile> = files
            .iter()
            .map(|&(kind, path, text)| SourceFile {
                kind,
                path: path.to_string(),
                text: text.to_string(),
            })
            .collect();
        compile(&files, Vec::new())
    }

    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// Leaves the entities with these ids out. References to them (`of:`,
    /// `in:`) stay as written; lookups of a removed id find nothing.
    fn remove(&mut self, ids: &[String]) {
        let entities = std::mem::take(&mut self.entities);
        *self = Gazetteer::new(
            entities
                .into_iter()
                .filter(|e| !ids.contains(&e.id))
                .collect(),
        );
    }

    /// This gazetteer without the entities with these ids
    /// (`disable-entities:`), with no copy of the others.
    pub fn into_without(mut self, ids: &[String]) -> Gazetteer {
        if !ids.is_empty() {
            self.remove(ids);
        }
        self
    }

    /// A copy without the entities with these ids (`disable-entities:`).
    pub fn without(&self, ids: &[String]) -> Gazetteer {
        let mut copy = self.clone();
        if !ids.is_empty() {
            copy.remove(ids);
        }
        copy
    }

    pub fn entity(&self, index: EntityIndex) -> &Entity {
        &self.entities[index]
    }

    pub fn index_of(&self, id: &str) -> Option<EntityIndex> {
        self.by_id.get(id).copied()
    }

    pub fn get(&self, id: &str) -> Option<&Entity> {
        self.index_of(id).map(|i| &self.entities[i])
    }

    pub fn len(&self) -> usize {
        self.entities.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }
}

/// Parses and validates every file; `errors` holds problems found before
/// (unreadable files) so that all are reported together.
fn compile(
    files: &[SourceFile],
    mut errors: Vec<GazetteerError>,
) -> Result<Gazetteer, GazetteerErrors> {
    let mut records = Vec::new();
    for file in files {
        parse_file(file, &mut records, &mut errors);
    }
    validate(files, &records, &mut errors);
    if !errors.is_empty() {
        return Err(GazetteerErrors(errors));
    }
    // One move of each entity out of its record (a partition first moved
    // every record once more: 100 MB at 1,000,000 aliases).
    let mut entities = Vec::with_capacity(records.len());
    let mut extensions = Vec::new();
    for record in records {
        if record.extends {
            extensions.push(record.entity);
        } else {
            entities.push(record.entity);
        }
    }
    let mut gazetteer = Gazetteer::new(entities);
    for extension in extensions {
        // validate() has checked that the target exists.
        if let Some(target) = gazetteer.index_of(&extension.id) {
            gazetteer.entities[target].extend_with(extension);
        }
    }
    Ok(gazetteer)
}

pub(crate) use crate::source_error::line_col;

fn yaml_error(file: &SourceFile, e: &serde_norway::Error) -> GazetteerError {
    let (line, column) = e.location().map_or((1, 1), |l| (l.line(), l.column()));
    // serde's message carries its own "at line X column Y" suffix; the
    // location is already in front, so drop the repetition.
    let mut message = e.to_string();
    if let Some(cut) = message.find(" at line ") {
        message.truncate(cut);
    }
    // The entry index ("[3].roles[0].from: ") is redundant with the line;
    // keep the field path inside the entry.
    let trimmed = message.trim_start_matches('.');
    if let Some(rest) = trimmed.strip_prefix('[') {
        if let Some(close) = rest.find(']') {
            if rest[..close].bytes().all(|b| b.is_ascii_digit()) {
                let rest = rest[close + 1..].trim_start_matches('.');
                message = rest.strip_prefix(": ").unwrap_or(rest).to_string();
            }
        }
    }
    GazetteerError {
        path: file.path.clone(),
        line,
        column,
        message,
    }
}

/// One top-level list item of a gazetteer file: its first line (0-based)
/// and its text. Parsing item by item lets one bad entry be reported without
/// hiding the problems of the entries after it.
struct Chunk<'a> {
    first_line: usize,
    text: &'a str,
}

/// Splits a gazetteer file into its top-level list items (lines that start
/// with `-` at column 0). A file of another shape (a document marker, a flow
/// list, content before the first item) is one chunk, parsed whole.
fn entry_chunks(text: &str) -> Vec<Chunk<'_>> {
    let whole = || {
        vec![Chunk {
            first_line: 0,
            text,
        }]
    };
    let mut starts: Vec<(usize, usize)> = Vec::new();
    let mut offset = 0;
    for (index, line) in text.split_inclusive('\n').enumerate() {
        let content = line.trim_end_matches(['\n', '\r']);
        if content.starts_with("---") || content.starts_with("...") {
            return whole();
        }
        if content == "-" || content.starts_with("- ") {
            starts.push((index, offset));
        } else if starts.is_empty() {
            let trimmed = content.trim_start();
            if !trimmed.is_empty() && !trimmed.starts_with('#') {
                return whole();
            }
        }
        offset += line.len();
    }
    if starts.is_empty() {
        return whole();
    }
    let mut chunks = Vec::with_capacity(starts.len());
    for (i, &(first_line, start)) in starts.iter().enumerate() {
        let end = starts.get(i + 1).map_or(text.len(), |&(_, next)| next);
        chunks.push(Chunk {
            first_line,
            text: &text[start..end],
        });
    }
    chunks
}

/// Line and column (within `chunk`, 1-based) of the value of the entry's
/// `id:` or `extends:` key, else of the chunk's start.
fn key_position(chunk: &str) -> (usize, usize) {
    for (index, line) in chunk.lines().enumerate() {
        let trimmed = line.trim_start();
        let trimmed = trimmed.strip_prefix("- ").unwrap_or(trimmed).trim_start();
        for key in ["id:", "extends:"] {
            if let Some(value) = trimmed.strip_prefix(key) {
                let value_start = line.len() - value.trim_start().len();
                return (index + 1, line[..value_start].chars().count() + 1);
            }
        }
    }
    (1, 1)
}

/// An entity as one entry defines it: a new entity, or an extension
/// (`extends: ID`) whose names, roles and facts are added to a loaded one.
struct Record {
    entity: Entity,
    extends: bool,
}

/// One entry of any of the three shapes, as the fields of a [`Record`]
/// (what a shape lacks stays empty), plus the fields it set that an
/// `extends:` entry may not (`kind`, `in`, `of`).
struct Parts {
    id: Option<String>,
    extends: Option<String>,
    entity: Entity,
    fixed: Vec<&'static str>,
}

/// The three entry shapes of the YAML schema, seen alike.
trait IntoParts {
    fn into_parts(self) -> Parts;
}

/// An entity with only its names and notes; the shapes fill in the rest.
fn bare_entity(
    kind: EntityKind,
    names: Names,
    disambiguate: Option<String>,
    ambiguous: Option<Names>,
    source: String,
) -> Entity {
    Entity {
        id: String::new(),
        kind,
        class: None,
        names,
        family: Names::default(),
        roles: Vec::new(),
        demonyms: Names::default(),
        acronyms: Names::default(),
        facts: Vec::new(),
        parent: None,
        disambiguate,
        ambiguous: ambiguous.unwrap_or_default(),
        source,
        origin: Origin {
            path: String::new(),
            line: 0,
            column: 0,
        },
    }
}

impl IntoParts for PersonEntry {
    fn into_parts(self) -> Parts {
        let mut entity = bare_entity(
            EntityKind::Person,
            self.names,
            self.disambiguate,
            self.ambiguous,
            self.source,
        );
        entity.family = self.family.unwrap_or_default();
        entity.roles = self.roles;
        Parts {
            id: self.id,
            extends: self.extends,
            entity,
            fixed: Vec::new(),
        }
    }
}

impl IntoParts for PlaceEntry {
    fn into_parts(self) -> Parts {
        let mut fixed = Vec::new();
        if self.kind.is_some() {
            fixed.push("kind");
        }
        if self.within.is_some() {
            fixed.push("in");
        }
        let mut entity = bare_entity(
            EntityKind::Place,
            self.names,
            self.disambiguate,
            self.ambiguous,
            self.source,
        );
        entity.class = self.kind;
        entity.demonyms = self.demonyms.unwrap_or_default();
        entity.parent = self.within;
        Parts {
            id: self.id,
            extends: self.extends,
            entity,
            fixed,
        }
    }
}

impl IntoParts for OrganizationEntry {
    fn into_parts(self) -> Parts {
        let mut fixed = Vec::new();
        if self.kind.is_some() {
            fixed.push("kind");
        }
        if self.of.is_some() {
            fixed.push("of");
        }
        let mut entity = bare_entity(
            EntityKind::Organization,
            self.names,
            self.disambiguate,
            self.ambiguous,
            self.source,
        );
        entity.class = self.kind;
        entity.acronyms = self.acronyms.unwrap_or_default();
        entity.facts = self.facts;
        entity.parent = self.of;
        Parts {
            id: self.id,
            extends: self.extends,
            entity,
            fixed,
        }
    }
}

/// Parses one chunk as a list of entries of shape `E`.
fn parse_as<E>(text: &str) -> Result<Vec<Parts>, serde_norway::Error>
where
    E: IntoParts + serde::de::DeserializeOwned,
{
    serde_norway::from_str::<Vec<E>>(text)
        .map(|entries| entries.into_iter().map(IntoParts::into_parts).collect())
}

fn parse_file(file: &SourceFile, records: &mut Vec<Record>, errors: &mut Vec<GazetteerError>) {
    if file.text.trim().is_empty() {
        return;
    }
    for chunk in entry_chunks(&file.text) {
        let (line, column) = key_position(chunk.text);
        let origin = Origin {
            path: file.path.clone(),
            line: chunk.first_line + line,
            column,
        };
        // The plainest entries are read without the YAML parser; the
        // reader answers only with what the parser would read.
        let plain = plain_entry::read(file.kind, chunk.text);
        let parsed = match file.kind {
            _ if plain.is_some() => Ok(plain.into_iter().collect()),
            EntityKind::Person => parse_as::<PersonEntry>(chunk.text),
            EntityKind::Place => parse_as::<PlaceEntry>(chunk.text),
            EntityKind::Organization => parse_as::<OrganizationEntry>(chunk.text),
        };
        match parsed {
            Ok(parsed) => {
                for parts in parsed {
                    let extends = parts.id.is_none() && parts.extends.is_some();
                    let mut entity = parts.entity;
                    entity.id = parts.id.or(parts.extends).unwrap_or_default();
                    entity.origin = origin.clone();
                    let record = Record { entity, extends };
                    let fixed = if extends { parts.fixed } else { Vec::new() };
                    check_entry_shape(file, &chunk, &record, &fixed, errors);
                    records.push(record);
                }
            }
            Err(e) => {
                let mut error = yaml_error(file, &e);
                if e.location().is_some() {
                    error.line += chunk.first_line;
                } else {
                    (error.line, error.column) = (origin.line, origin.column);
                }
                errors.push(error);
            }
        }
    }
}

/// Problems of one entry's shape that serde cannot see: `id` and `extends`
/// together or neither, a new place without `kind`, an extension that tries
/// to change what it may only add to.
fn check_entry_shape(
    file: &SourceFile,
    chunk: &Chunk<'_>,
    record: &Record,
    fixed: &[&str],
    errors: &mut Vec<GazetteerError>,
) {
    let at = |needle: &str| {
        let (line, column) = match chunk.text.find(needle) {
            Some(i) => line_col(chunk.text, i),
            None => (1, 1),
        };
        (chunk.first_line + line, column)
    };
    let mut push = |(line, column): (usize, usize), message: String| {
        errors.push(GazetteerError {
            path: file.path.clone(),
            line,
            column,
            message,
        })
    };
    let has_id = chunk.text.contains("id:");
    let has_extends = chunk.text.contains("extends:");
    let entity = &record.entity;
    if entity.id.is_empty() && !has_id && !has_extends {
        push(
            (chunk.first_line + 1, 1),
            "an entry needs `id:` (a new entity) or `extends:` (more about a loaded one)"
                .to_string(),
        );
    } else if has_id && has_extends && !record.extends {
        push(
            at("extends:"),
            format!(
                "`{}` has both `id` and `extends`: an entry either defines an entity or extends one",
                entity.id
            ),
        );
    }
    if record.extends {
        for field in fixed {
            push(
                at(&format!("{field}:")),
                format!(
                    "an entry that extends `{}` cannot set `{field}`: it adds names, roles, facts, acronyms and demonyms, and replaces nothing",
                    entity.id
                ),
            );
        }
    } else if entity.kind == EntityKind::Place && entity.class.is_none() && !entity.id.is_empty() {
        push(
            (entity.origin.line, entity.origin.column),
            format!(
                "place `{}` has no `kind` (country, city, region or site)",
                entity.id
            ),
        );
    }
}

/// Finds `needle` in the entity's block (from its `id:` to the next entry)
/// and returns its position, else the entity's own position.
fn locate(files: &[SourceFile], entity: &Entity, needle: &str) -> (usize, usize) {
    let Some(file) = files.iter().find(|f| f.path == entity.origin.path) else {
        return (entity.origin.line, entity.origin.column);
    };
    let text = &file.text;
    let start = text
        .split_inclusive('\n')
        .take(entity.origin.line - 1)
        .map(str::len)
        .sum::<usize>();
    let block = &text[start..];
    let end = block
        .find('\n')
        .and_then(|first| block[first..].find("\n-").map(|i| first + i + 1))
        .unwrap_or(block.len());
    let block = &block[..end];
    // A blank alias cannot be searched for as itself: look for its quotes.
    let found = if needle.trim().is_empty() {
        [format!("\"{needle}\""), format!("'{needle}'")]
            .iter()
            .find_map(|quoted| block.find(quoted.as_str()))
    } else {
        block.find(needle)
    };
    match found {
        Some(i) => line_col(text, start + i),
        None => (entity.origin.line, entity.origin.column),
    }
}

#[cfg(test)]
thread_local! {
    /// Tests turn this on to make every key's hash one of four, so that
    /// the path of two keys with one hash is taken all the time.
    static WEAK_KEY_HASH: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The hash of a folded name, for [`validate`]'s map of keys.
fn key_hash(key: &str) -> u64 {
    use std::hash::Hasher;
    #[cfg(test)]
    if WEAK_KEY_HASH.with(std::cell::Cell::get) {
        return key.len() as u64 % 4;
    }
    let mut hasher = fxhash::FxHasher::default();
    hasher.write(key.as_bytes());
    hasher.finish()
}

fn is_kebab(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn validate(files: &[SourceFile], records: &[Record], errors: &mut Vec<GazetteerError>) {
    let err = |entity: &Entity, at: (usize, usize), message: String| GazetteerError {
        path: entity.origin.path.clone(),
        line: at.0,
        column: at.1,
        message,
    };
    let mut first_by_id: fxhash::FxHashMap<&str, &Entity> =
        fxhash::map_with_capacity(records.len());
    for record in records.iter().filter(|r| !r.extends) {
        let entity = &record.entity;
        let at = (entity.origin.line, entity.origin.column);
        if entity.id.is_empty() {
            // Reported by check_entry_shape.
            continue;
        }
        if !is_kebab(&entity.id) {
            errors.push(err(
                entity,
                at,
                format!(
                    "id `{}` is not kebab-case (a-z, 0-9, single dashes)",
                    entity.id
                ),
            ));
        }
        if let Some(first) = first_by_id.get(entity.id.as_str()) {
            errors.push(err(
                entity,
                at,
                format!(
                    "duplicate id `{}` (first defined at {})",
                    entity.id, first.origin
                ),
            ));
        } else {
            first_by_id.insert(&entity.id, entity);
        }
        if entity.names.is_empty() {
            errors.push(err(entity, at, format!("`{}` has no names", entity.id)));
        }
    }
    for record in records.iter().filter(|r| r.extends) {
        let entity = &record.entity;
        let at = (entity.origin.line, entity.origin.column);
        match first_by_id.get(entity.id.as_str()) {
            None => errors.push(err(
                entity,
                at,
                format!(
                    "`extends: {}`: no entity `{}` in the gazetteer (the shipped one and the folders loaded before this file)",
                    entity.id, entity.id
                ),
            )),
            Some(target) if target.kind != entity.kind => errors.push(err(
                entity,
                at,
                format!(
                    "`extends: {}`: `{}` is a {} ({}); extend it from a {}*.yaml file",
                    entity.id,
                    entity.id,
                    target.kind.as_str(),
                    target.origin,
                    target.kind.file_prefix()
                ),
            )),
            Some(_) => {}
        }
    }
    // Per record, where its keys' hashes start in `key_hashes`.
    let mut key_starts: Vec<usize> = Vec::with_capacity(records.len() + 1);
    let mut key_hashes: Vec<u64> = Vec::new();
    for record in records {
        let entity = &record.entity;
        let at = (entity.origin.line, entity.origin.column);
        if entity.source.trim().is_empty() {
            errors.push(err(
                entity,
                at,
                format!("`{}` has an empty source", entity.id),
            ));
        }
        // Each name is folded once here; the hashes of the folded names
        // and acronyms serve the check of shared keys below.
        key_starts.push(key_hashes.len());
        let lists = [
            (&entity.names, true),
            (&entity.family, false),
            (&entity.acronyms, true),
            (&entity.demonyms, false),
        ];
        for (list, keyed) in lists {
            for name in list.all() {
                let key = fold_str(name);
                if keyed {
                    key_hashes.push(key_hash(&key));
                }
                if key.chars().filter(|c| c.is_alphanumeric()).nth(1).is_none() {
                    let message = if name.trim().is_empty() {
                        format!("`{}` has an empty or blank name", entity.id)
                    } else {
                        format!(
                            "name `{name}` of `{}` has fewer than two letters",
                            entity.id
                        )
                    };
                    errors.push(err(entity, locate(files, entity, name), message));
                }
            }
        }
        // An extension may mark the target's own aliases.
        let target = record
            .extends
            .then(|| first_by_id.get(entity.id.as_str()))
            .flatten();
        for name in entity.ambiguous.all() {
            let known = std::iter::once(entity)
                .chain(target.copied())
                .flat_map(|e| e.names.all().chain(e.family.all()).chain(e.acronyms.all()))
                .any(|alias| alias == name);
            if !known {
                errors.push(err(
                    entity,
                    locate(files, entity, name),
                    format!(
                        "ambiguous alias `{name}` of `{}` is not one of its names, family names or acronyms",
                        entity.id
                    ),
                ));
            }
        }
        for role in &entity.roles {
            if let (Some(from), Some(to)) = (role.from, role.to) {
                if from.first_day() > to.last_day() {
                    errors.push(err(
                        entity,
                        locate(files, entity, &format!("to: {to}")),
                        format!(
                            "role of `{}` ends ({to}) before it starts ({from})",
                            entity.id
                        ),
                    ));
                }
            }
            if role.title.is_empty() {
                errors.push(err(
                    entity,
                    locate(files, entity, "title"),
                    format!("a role of `{}` has no title", entity.id),
                ));
            }
        }
        for fact in &entity.facts {
            if fact.value.is_none() && fact.date.is_none() {
                errors.push(err(
                    entity,
                    locate(files, entity, &format!("key: {}", fact.key)),
                    format!(
                        "fact `{}` of `{}` has neither value nor date",
                        fact.key, entity.id
                    ),
                ));
            }
        }
    }
    // References to other entities.
    for entity in records.iter().map(|r| &r.entity) {
        let references = entity
            .roles
            .iter()
            .filter_map(|r| r.of.as_deref().map(|id| ("of", id)))
            .chain(entity.parent.as_deref().map(|id| {
                (
                    if entity.kind == EntityKind::Place {
                        "in"
                    } else {
                        "of"
                    },
                    id,
                )
            }));
        for (field, id) in references {
            if !first_by_id.contains_key(id) {
                errors.push(err(
                    entity,
                    locate(files, entity, &format!("{field}: {id}")),
                    format!(
                        "`{}` refers to `{id}`, which is not in the gazetteer",
                        entity.id
                    ),
                ));
            }
        }
    }
    // Two entities of one kind answering to the same folded name.
    let mut sizes = [0; 3];
    for entity in records.iter().map(|r| &r.entity) {
        sizes[entity.kind as usize] += entity.names.ar.len()
            + entity.names.en.len()
            + entity.acronyms.ar.len()
            + entity.acronyms.en.len();
    }
    key_starts.push(key_hashes.len());
    // The first record of each key, by the hash of the key: no copy of the
    // keys (they were a million strings at 1,000,000 aliases, and a
    // fifth of validation went to making and freeing them). A hash found
    // again is checked against the names of the record that holds it; a
    // different key with the same hash has its owner in `spill`, by text.
    let mut owners: [fxhash::FxHashMap<u64, usize>; 3] = sizes.map(fxhash::map_with_capacity);
    let mut spill: fxhash::FxHashMap<(usize, String), usize> = fxhash::FxHashMap::default();
    let holds = |holder: usize, key: &str, hash: u64| {
        let entity = &records[holder].entity;
        let hashes = key_hashes
            .get(key_starts[holder]..key_starts[holder + 1])
            .unwrap_or_default();
        entity
            .names
            .all()
            .chain(entity.acronyms.all())
            .zip(hashes)
            .any(|(name, &h)| h == hash && fold_str(name) == key)
    };
    for (index, record) in records.iter().enumerate() {
        let entity = &record.entity;
        let kind = entity.kind as usize;
        let names = entity.names.all().chain(entity.acronyms.all());
        let hashes = key_hashes
            .get(key_starts[index]..key_starts[index + 1])
            .unwrap_or_default();
        // The keys of this entity already owned by another one (one error
        // per key); rare, so kept as text.
        let mut clashed: Vec<String> = Vec::new();
        for (name, &hash) in names.zip(hashes) {
            let owner = match owners[kind].entry(hash) {
                std::collections::hash_map::Entry::Vacant(slot) => {
                    slot.insert(index);
                    None
                }
                std::collections::hash_map::Entry::Occupied(slot) => {
                    let holder = *slot.get();
                    let key = fold_str(name);
                    if holds(holder, &key, hash) {
                        Some((holder, key))
                    } else {
                        match spill.entry((kind, key.clone())) {
                            std::collections::hash_map::Entry::Vacant(slot) => {
                                slot.insert(index);
                                None
                            }
                            std::collections::hash_map::Entry::Occupied(slot) => {
                                Some((*slot.get(), key))
                            }
                        }
                    }
                }
            };
            let Some((owner, key)) = owner else {
                continue;
            };
            let other = &records[owner].entity;
            if other.id == entity.id || clashed.contains(&key) {
                continue;
            }
            clashed.push(key);
            if entity.disambiguate.is_none() && other.disambiguate.is_none() {
                errors.push(err(
                    entity,
                    locate(files, entity, name),
                    format!(
                        "name `{name}` of `{}` folds to the same key as a name of `{}` ({}); add a `disambiguate:` note",
                        entity.id, other.id, other.origin
                    ),
                ));
            }
        }
    }
    errors.sort_by(|a, b| (&a.path, a.line, a.column).cmp(&(&b.path, b.line, b.column)));
}

#[cfg(test)]
mod tests;
