//! The YAML schema of the gazetteer files (DESIGN.md §5). Unknown fields are
//! errors, so a typo never silently drops a fact.

use serde::{Deserialize, Serialize};

use super::date::PartialDate;

/// Names in each language; the first listed is the preferred form.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Names {
    #[serde(default)]
    pub ar: Vec<String>,
    #[serde(default)]
    pub en: Vec<String>,
}

impl Names {
    /// Every name, Arabic first.
    pub fn all(&self) -> impl Iterator<Item = &str> {
        self.ar.iter().chain(self.en.iter()).map(String::as_str)
    }

    pub fn is_empty(&self) -> bool {
        self.ar.is_empty() && self.en.is_empty()
    }

    /// Appends the names of `other` that are not already listed, keeping
    /// this list's preferred (first) forms first.
    pub(crate) fn append_new(&mut self, other: Names) {
        for (mine, theirs) in [(&mut self.ar, other.ar), (&mut self.en, other.en)] {
            for name in theirs {
                if !mine.contains(&name) {
                    mine.push(name);
                }
            }
        }
    }
}

/// A title a person held, with the dates it held.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Role {
    pub title: Names,
    #[serde(default)]
    pub from: Option<PartialDate>,
    #[serde(default)]
    pub to: Option<PartialDate>,
    /// The entity the role belongs to (a country, an organization).
    #[serde(default)]
    pub of: Option<String>,
    #[serde(default)]
    pub source: Option<String>,
}

impl Role {
    /// Whether the role was held at `date` (partial dates count when any day
    /// of them falls inside the role's window).
    pub fn held_at(&self, date: PartialDate) -> bool {
        let after_start = self.from.is_none_or(|f| date.last_day() >= f.first_day());
        let before_end = self.to.is_none_or(|t| date.first_day() <= t.last_day());
        after_start && before_end
    }
}

/// The value of a numeric fact: exact, or an interval.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(untagged)]
pub enum FactValue {
    Exact(f64),
    Range {
        #[serde(default)]
        min: Option<f64>,
        #[serde(default)]
        max: Option<f64>,
    },
}

/// A checked fact about an organization (membership count, founding date).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    pub key: String,
    #[serde(default)]
    pub value: Option<FactValue>,
    #[serde(default)]
    pub date: Option<PartialDate>,
    #[serde(default)]
    pub unit: Option<Names>,
    #[serde(default)]
    pub predicate: Option<Names>,
    #[serde(default)]
    pub from: Option<PartialDate>,
    #[serde(default)]
    pub to: Option<PartialDate>,
    #[serde(default)]
    pub as_of: Option<PartialDate>,
    pub source: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PersonEntry {
    /// A new entity's id; `None` in an entry that `extends` another.
    #[serde(default)]
    pub id: Option<String>,
    /// The id of a loaded entity this entry adds to (names, roles, facts…).
    #[serde(default)]
    pub extends: Option<String>,
    #[serde(default)]
    pub names: Names,
    #[serde(default)]
    pub family: Option<Names>,
    #[serde(default)]
    pub roles: Vec<Role>,
    #[serde(default)]
    pub disambiguate: Option<String>,
    /// Aliases of this entry that are also everyday words (سلام, عون, Hope):
    /// tagged only with support in the draft (DESIGN.md §9).
    #[serde(default)]
    pub ambiguous: Option<Names>,
    pub source: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PlaceEntry {
    /// A new entity's id; `None` in an entry that `extends` another.
    #[serde(default)]
    pub id: Option<String>,
    /// The id of a loaded entity this entry adds to (names, roles, facts…).
    #[serde(default)]
    pub extends: Option<String>,
    /// Required for a new place; an extension cannot change it.
    #[serde(default)]
    pub kind: Option<String>,
    #[serde(default)]
    pub names: Names,
    #[serde(default)]
    pub demonyms: Option<Names>,
    #[serde(default, rename = "in")]
    pub within: Option<String>,
    #[serde(default)]
    pub disambiguate: Option<String>,
    /// Aliases of this entry that are also everyday words (سلام, عون, Hope):
    /// tagged only with support in the draft (DESIGN.md §9).
    #[serde(default)]
    pub ambiguous: Option<Names>,
    pub source: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct OrganizationEntry {
    /// A new entity's id; `None` in an entry that `extends` another.
    #[serde(default)]
    pub id: Option<String>,
    /// The id of a loaded entity this entry adds to (names, roles, facts…).
    #[serde(default)]
    pub extends: Option<String>,
    #[serde(default)]
    pub kind: Option<String>,
    pub names: Names,
    #[serde(default)]
    pub acronyms: Option<Names>,
    #[serde(default)]
    pub of: Option<String>,
    #[serde(default)]
    pub facts: Vec<Fact>,
    #[serde(default)]
    pub disambiguate: Option<String>,
    /// Aliases of this entry that are also everyday words (سلام, عون, Hope):
    /// tagged only with support in the draft (DESIGN.md §9).
    #[serde(default)]
    pub ambiguous: Option<Names>,
    pub source: String,
}
