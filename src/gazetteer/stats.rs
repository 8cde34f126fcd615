//! What a gazetteer holds, counted (`tadqiq gazetteer stats`) and listed
//! entity by entity (`tadqiq gazetteer list`), for maintainers and scripts.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{Entity, EntityKind, Gazetteer, Names};

/// Counts over a whole gazetteer. Maps are ordered, so the output is stable.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct GazetteerStats {
    pub entities: usize,
    /// Entities per kind (`person`, `place`, `organization`).
    pub by_kind: BTreeMap<&'static str, usize>,
    /// Entities per class within a kind (`place/country`, `organization/un-body`).
    pub by_class: BTreeMap<String, usize>,
    /// Aliases the tagger looks for (names, family names, acronyms,
    /// demonyms), per language.
    pub aliases: BTreeMap<&'static str, usize>,
    /// Entities with at least one Arabic / English name.
    pub with_names: BTreeMap<&'static str, usize>,
    pub with_roles: usize,
    pub roles: usize,
    /// Roles with a `from` date.
    pub dated_roles: usize,
    pub with_facts: usize,
    pub facts: usize,
    pub ambiguous_aliases: usize,
    /// Files the entities came from, with their entity counts.
    pub files: BTreeMap<String, usize>,
}

/// One entity as `gazetteer list --format json` prints it.
#[derive(Debug, Clone, Serialize)]
pub struct EntitySummary<'a> {
    pub id: &'a str,
    pub kind: EntityKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub class: Option<&'a str>,
    pub names: &'a Names,
    pub roles: usize,
    pub facts: usize,
    pub source: &'a str,
    /// `path:line:col` of the entry.
    pub origin: String,
}

impl Gazetteer {
    /// Counts what the gazetteer holds.
    pub fn stats(&self) -> GazetteerStats {
        let mut stats = GazetteerStats {
            entities: self.len(),
            ..GazetteerStats::default()
        };
        for entity in self.entities() {
            *stats.by_kind.entry(entity.kind.as_str()).or_default() += 1;
            if let Some(class) = &entity.class {
                *stats
                    .by_class
                    .entry(format!("{}/{class}", entity.kind.as_str()))
                    .or_default() += 1;
            }
            for (language, count) in [
                ("ar", alias_count(entity, |n| &n.ar)),
                ("en", alias_count(entity, |n| &n.en)),
            ] {
                *stats.aliases.entry(language).or_default() += count;
            }
            if !entity.names.ar.is_empty() {
                *stats.with_names.entry("ar").or_default() += 1;
            }
            if !entity.names.en.is_empty() {
                *stats.with_names.entry("en").or_default() += 1;
            }
            if !entity.roles.is_empty() {
                stats.with_roles += 1;
            }
            stats.roles += entity.roles.len();
            stats.dated_roles += entity.roles.iter().filter(|r| r.from.is_some()).count();
            if !entity.facts.is_empty() {
                stats.with_facts += 1;
            }
            stats.facts += entity.facts.len();
            stats.ambiguous_aliases += entity.ambiguous.all().count();
            *stats.files.entry(entity.origin.path.clone()).or_default() += 1;
        }
        stats
    }

    /// Every entity in load order, summarised.
    pub fn summaries(&self) -> impl Iterator<Item = EntitySummary<'_>> {
        self.entities().iter().map(|e| EntitySummary {
            id: &e.id,
            kind: e.kind,
            class: e.class.as_deref(),
            names: &e.names,
            roles: e.roles.len(),
            facts: e.facts.len(),
            source: &e.source,
            origin: e.origin.to_string(),
        })
    }
}

fn alias_count(entity: &Entity, language: impl Fn(&Names) -> &Vec<String>) -> usize {
    [
        &entity.names,
        &entity.family,
        &entity.acronyms,
        &entity.demonyms,
    ]
    .into_iter()
    .map(|names| language(names).len())
    .sum()
}

impl GazetteerStats {
    /// The counts as aligned lines for a terminal.
    pub fn render(&self) -> String {
        let mut out = String::new();
        let mut line = |label: &str, value: String| {
            out.push_str(&format!("{label:<34} {value}\n"));
        };
        line("entities", self.entities.to_string());
        for (kind, n) in &self.by_kind {
            line(&format!("  {kind}"), n.to_string());
        }
        for (class, n) in &self.by_class {
            line(&format!("    {class}"), n.to_string());
        }
        for (language, n) in &self.with_names {
            line(&format!("with {language} names"), n.to_string());
        }
        for (language, n) in &self.aliases {
            line(&format!("aliases ({language})"), n.to_string());
        }
        line("ambiguous aliases", self.ambiguous_aliases.to_string());
        line(
            "people with roles",
            format!(
                "{} ({} roles, {} dated)",
                self.with_roles, self.roles, self.dated_roles
            ),
        );
        line(
            "entities with facts",
            format!("{} ({} facts)", self.with_facts, self.facts),
        );
        line("files", self.files.len().to_string());
        for (path, n) in &self.files {
            line(&format!("  {path}"), n.to_string());
        }
        out
    }
}
