//! The gazetteer: people, places and organizations with their names, roles,
//! demonyms, acronyms and facts, read from YAML (DESIGN.md §5).
//!
//! The shipped gazetteer is embedded in the binary; more folders can be added
//! with [`GazetteerSources::add_dir`]. Every problem is reported as
//! `path:line:col: message`, all of them at once, never only the first.

mod date;
pub mod frequency;
mod model;

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

pub use date::PartialDate;
pub use model::{Fact, FactValue, Names, Role};
use model::{OrganizationEntry, PersonEntry, PlaceEntry};

use crate::normalize::fold_str;

/// The three kinds of entity the gazetteer holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
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

    fn file_name(self) -> &'static str {
        match self {
            EntityKind::Person => "people.yaml",
            EntityKind::Place => "places.yaml",
            EntityKind::Organization => "organizations.yaml",
        }
    }
}

/// Where an entity was defined: `path:line:col` of its `id:`.
#[derive(Debug, Clone, PartialEq, Eq)]
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
#[derive(Debug, Clone)]
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

    /// The roles held at `date`.
    pub fn roles_at(&self, date: PartialDate) -> impl Iterator<Item = &Role> {
        self.roles.iter().filter(move |r| r.held_at(date))
    }
}

/// A gazetteer problem, located in its file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GazetteerError {
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for GazetteerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.path, self.line, self.column, self.message
        )
    }
}

/// All problems found while loading; never only the first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GazetteerErrors(pub Vec<GazetteerError>);

impl fmt::Display for GazetteerErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for GazetteerErrors {}

const EMBEDDED: [(EntityKind, &str, &str); 3] = [
    (
        EntityKind::Person,
        "gazetteer/people.yaml",
        include_str!("../../gazetteer/people.yaml"),
    ),
    (
        EntityKind::Place,
        "gazetteer/places.yaml",
        include_str!("../../gazetteer/places.yaml"),
    ),
    (
        EntityKind::Organization,
        "gazetteer/organizations.yaml",
        include_str!("../../gazetteer/organizations.yaml"),
    ),
];

/// Which gazetteer folders to read: the embedded one and/or folders on disk.
#[derive(Debug, Clone)]
pub struct GazetteerSources {
    embedded: bool,
    dirs: Vec<PathBuf>,
}

impl Default for GazetteerSources {
    fn default() -> Self {
        GazetteerSources {
            embedded: true,
            dirs: Vec::new(),
        }
    }
}

impl GazetteerSources {
    /// Keep (the default) or drop the gazetteer embedded in the binary.
    pub fn embedded(&mut self, yes: bool) -> &mut Self {
        self.embedded = yes;
        self
    }

    /// Adds a folder holding any of `people.yaml`, `places.yaml`,
    /// `organizations.yaml`.
    pub fn add_dir(&mut self, dir: impl Into<PathBuf>) -> &mut Self {
        self.dirs.push(dir.into());
        self
    }

    /// Reads and validates every source.
    ///
    /// # Errors
    /// Every YAML, schema and consistency problem, each with `path:line:col`.
    pub fn load(&self) -> Result<Gazetteer, GazetteerErrors> {
        let mut files = Vec::new();
        let mut errors = Vec::new();
        if self.embedded {
            for (kind, path, text) in EMBEDDED {
                files.push(SourceFile {
                    kind,
                    path: path.to_string(),
                    text: text.to_string(),
                });
            }
        }
        for dir in &self.dirs {
            read_dir(dir, &mut files, &mut errors);
        }
        compile(&files, errors)
    }
}

/// A loaded, validated gazetteer.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    entities: Vec<Entity>,
    by_id: HashMap<String, usize>,
}

/// The index of an entity in its [`Gazetteer`].
pub type EntityIndex = usize;

impl Gazetteer {
    fn new(entities: Vec<Entity>) -> Gazetteer {
        let by_id = entities
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.clone(), i))
            .collect();
        Gazetteer { entities, by_id }
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
    let mut entities = Vec::new();
    for file in files {
        parse_file(file, &mut entities, &mut errors);
    }
    validate(files, &entities, &mut errors);
    if errors.is_empty() {
        Ok(Gazetteer::new(entities))
    } else {
        Err(GazetteerErrors(errors))
    }
}

struct SourceFile {
    kind: EntityKind,
    path: String,
    text: String,
}

fn read_dir(dir: &Path, files: &mut Vec<SourceFile>, errors: &mut Vec<GazetteerError>) {
    let shown = dir.display().to_string();
    if !dir.is_dir() {
        errors.push(GazetteerError {
            path: shown,
            line: 1,
            column: 1,
            message: "gazetteer folder not found or not a folder".into(),
        });
        return;
    }
    let mut found = false;
    for kind in [
        EntityKind::Person,
        EntityKind::Place,
        EntityKind::Organization,
    ] {
        let path = dir.join(kind.file_name());
        if !path.exists() {
            continue;
        }
        found = true;
        let shown = path.display().to_string();
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
            Err(e) => errors.push(GazetteerError {
                path: shown,
                line: 1,
                column: 1,
                message: format!("cannot read: {e}"),
            }),
        }
    }
    if !found {
        errors.push(GazetteerError {
            path: shown,
            line: 1,
            column: 1,
            message: "no people.yaml, places.yaml or organizations.yaml in this folder".into(),
        });
    }
}

/// 1-based line and character column of a byte offset.
pub(crate) fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

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

/// Line and column of each entry's `id:` value, in file order, found in
/// one pass (entries are "- id: ..." list items).
fn id_positions(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        let Some(rest) = trimmed.strip_prefix("- ") else {
            continue;
        };
        let rest_trimmed = rest.trim_start();
        if let Some(value) = rest_trimmed.strip_prefix("id:") {
            let value_start = line.len() - value.trim_start().len();
            out.push((index + 1, line[..value_start].chars().count() + 1));
        }
    }
    out
}

fn parse_file(file: &SourceFile, entities: &mut Vec<Entity>, errors: &mut Vec<GazetteerError>) {
    if file.text.trim().is_empty() {
        return;
    }
    let ids = id_positions(&file.text);
    let origin = |i: usize| {
        let (line, column) = ids.get(i).copied().unwrap_or((1, 1));
        Origin {
            path: file.path.clone(),
            line,
            column,
        }
    };
    let result = match file.kind {
        EntityKind::Person => {
            serde_norway::from_str::<Vec<PersonEntry>>(&file.text).map(|entries| {
                entries
                    .into_iter()
                    .enumerate()
                    .map(|(i, e)| Entity {
                        id: e.id,
                        kind: EntityKind::Person,
                        class: None,
                        names: e.names,
                        family: e.family.unwrap_or_default(),
                        roles: e.roles,
                        demonyms: Names::default(),
                        acronyms: Names::default(),
                        facts: Vec::new(),
                        parent: None,
                        disambiguate: e.disambiguate,
                        ambiguous: e.ambiguous.unwrap_or_default(),
                        source: e.source,
                        origin: origin(i),
                    })
                    .collect::<Vec<_>>()
            })
        }
        EntityKind::Place => serde_norway::from_str::<Vec<PlaceEntry>>(&file.text).map(|entries| {
            entries
                .into_iter()
                .enumerate()
                .map(|(i, e)| Entity {
                    id: e.id,
                    kind: EntityKind::Place,
                    class: Some(e.kind),
                    names: e.names,
                    family: Names::default(),
                    roles: Vec::new(),
                    demonyms: e.demonyms.unwrap_or_default(),
                    acronyms: Names::default(),
                    facts: Vec::new(),
                    parent: e.within,
                    disambiguate: e.disambiguate,
                    ambiguous: e.ambiguous.unwrap_or_default(),
                    source: e.source,
                    origin: origin(i),
                })
                .collect()
        }),
        EntityKind::Organization => serde_norway::from_str::<Vec<OrganizationEntry>>(&file.text)
            .map(|entries| {
                entries
                    .into_iter()
                    .enumerate()
                    .map(|(i, e)| Entity {
                        id: e.id,
                        kind: EntityKind::Organization,
                        class: e.kind,
                        names: e.names,
                        family: Names::default(),
                        roles: Vec::new(),
                        demonyms: Names::default(),
                        acronyms: e.acronyms.unwrap_or_default(),
                        facts: e.facts,
                        parent: e.of,
                        disambiguate: e.disambiguate,
                        ambiguous: e.ambiguous.unwrap_or_default(),
                        source: e.source,
                        origin: origin(i),
                    })
                    .collect()
            }),
    };
    match result {
        Ok(mut parsed) => entities.append(&mut parsed),
        Err(e) => errors.push(yaml_error(file, &e)),
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
    let end = block[1..].find("\n- ").map_or(block.len(), |i| i + 1);
    match block[..end].find(needle) {
        Some(i) => line_col(text, start + i),
        None => (entity.origin.line, entity.origin.column),
    }
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

fn validate(files: &[SourceFile], entities: &[Entity], errors: &mut Vec<GazetteerError>) {
    let err = |entity: &Entity, at: (usize, usize), message: String| GazetteerError {
        path: entity.origin.path.clone(),
        line: at.0,
        column: at.1,
        message,
    };
    let mut first_by_id: HashMap<&str, &Entity> = HashMap::new();
    for entity in entities {
        let at = (entity.origin.line, entity.origin.column);
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
        if entity.source.trim().is_empty() {
            errors.push(err(
                entity,
                at,
                format!("`{}` has an empty source", entity.id),
            ));
        }
        for name in entity
            .names
            .all()
            .chain(entity.family.all())
            .chain(entity.acronyms.all())
            .chain(entity.demonyms.all())
        {
            if fold_str(name)
                .chars()
                .filter(|c| c.is_alphanumeric())
                .count()
                < 2
            {
                errors.push(err(
                    entity,
                    locate(files, entity, name),
                    format!(
                        "name `{name}` of `{}` has fewer than two letters",
                        entity.id
                    ),
                ));
            }
        }
        for name in entity.ambiguous.all() {
            let known = entity
                .names
                .all()
                .chain(entity.family.all())
                .chain(entity.acronyms.all())
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
    for entity in entities {
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
    let mut owner: HashMap<(EntityKind, String), &Entity> = HashMap::new();
    for entity in entities {
        let mut own_keys: Vec<String> = Vec::new();
        for name in entity.names.all().chain(entity.acronyms.all()) {
            let key = fold_str(name);
            if own_keys.contains(&key) {
                continue;
            }
            own_keys.push(key.clone());
            match owner.get(&(entity.kind, key.clone())) {
                Some(other) if other.id != entity.id => {
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
                Some(_) => {}
                None => {
                    owner.insert((entity.kind, key), entity);
                }
            }
        }
    }
    errors.sort_by(|a, b| (&a.path, a.line, a.column).cmp(&(&b.path, b.line, b.column)));
}

#[cfg(test)]
mod tests;
