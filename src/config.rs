//! `tadqiq.yaml`: the per-project configuration (DESIGN.md §3).
//!
//! Every key is optional. Unknown keys, unknown rule ids, bad levels and bad
//! globs are errors reported as `path:line:col: message`. A config applies to
//! the drafts in its folder and below; it is found by walking up from each
//! draft's folder ([`discover`]), unless `--config FILE` names one or
//! `--isolated` ignores them all.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use globset::{GlobBuilder, GlobSet, GlobSetBuilder};
use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize};

use crate::checker::{CheckerBuilder, RuleLevel};
use crate::finding::Severity;
use crate::rules::{catalog, Prefer};
use crate::segment::SectionMarkers;

/// The file name looked for in every folder from a draft's up to the root.
pub const CONFIG_FILE_NAME: &str = "tadqiq.yaml";

/// Rule ids fixed by DESIGN.md §4. They are accepted in a config before the
/// rule itself is registered, so a config written for the full rule set
/// stays valid while rules land one by one.
const CONTRACT_RULES: &[&str] = &[
    "date-conflict",
    "fact-conflict",
    "name-conflict",
    "near-miss",
    "number-conflict",
    "quote-drift",
    "role-conflict",
    "spelling-variant",
    "unknown-name",
];

/// Folders walked by default pick these files.
pub const DEFAULT_INCLUDE: &[&str] = &["**/*.md", "**/*.txt", "**/*.markdown"];

/// Every rule id a config or a suppression may name, sorted.
pub fn known_rules() -> Vec<&'static str> {
    let mut ids: Vec<&'static str> = catalog().iter().map(|r| r.id).collect();
    ids.extend_from_slice(CONTRACT_RULES);
    ids.push(crate::suppress::RULE);
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// A config that could not be read or is invalid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub path: String,
    /// 1-based line and column, when the problem has a place in the file.
    pub location: Option<(usize, usize)>,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.location {
            Some((line, column)) => write!(f, "{}:{line}:{column}: {}", self.path, self.message),
            None => write!(f, "{}: {}", self.path, self.message),
        }
    }
}

impl std::error::Error for ConfigError {}

/// The config file as written. `None` means "not set".
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(
    deny_unknown_fields,
    rename_all = "kebab-case",
    expecting = "a map of settings (gazetteers:, rules:, prefer:, …)"
)]
pub struct ConfigFile {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gazetteers: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default_gazetteer: Option<bool>,
    /// Lexicon folders added to the shipped `lexicon/` (DESIGN.md §10).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lexicons: Option<Vec<String>>,
    /// Ids of shipped (or other loaded) entities to switch off.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub disable_entities: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fail_on: Option<FailOnSetting>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rules: Option<BTreeMap<RuleId, LevelSetting>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prefer: Option<PreferSetting>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sections: Option<SectionsSetting>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub include: Option<Vec<GlobText>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exclude: Option<Vec<GlobText>>,
    /// The largest draft checked, in bytes (`--max-draft-size` overrides).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_draft_size: Option<ByteSize>,
}

/// `fail-on:` in a config.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FailOnSetting {
    Error,
    Warning,
    Info,
    Never,
}

impl FailOnSetting {
    pub fn as_str(self) -> &'static str {
        match self {
            FailOnSetting::Error => "error",
            FailOnSetting::Warning => "warning",
            FailOnSetting::Info => "info",
            FailOnSetting::Never => "never",
        }
    }
}

/// A rule's level under `rules:`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LevelSetting {
    Off,
    Info,
    Warning,
    Error,
}

impl LevelSetting {
    pub fn level(self) -> RuleLevel {
        match self {
            LevelSetting::Off => RuleLevel::Off,
            LevelSetting::Info => RuleLevel::Severity(Severity::Info),
            LevelSetting::Warning => RuleLevel::Severity(Severity::Warning),
            LevelSetting::Error => RuleLevel::Severity(Severity::Error),
        }
    }
}

/// A rule id under `rules:`; checked against [`known_rules`] once the file
/// is read (serde_norway places errors in keys at the start of their map,
/// so the key is found in the text instead).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct RuleId(pub String);

/// An include/exclude glob, compiled once the file is read to report bad
/// ones with their place.
///
/// Only a written string is a glob: `include: [5]` or `include: [~]` is an
/// error at the item, not the glob `5`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct GlobText(pub String);

impl<'de> Deserialize<'de> for GlobText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<GlobText, D::Error> {
        d.deserialize_any(TextVisitor("a glob (a string such as \"**/*.md\")"))
            .map(GlobText)
    }
}

/// Accepts a string that is not blank, and nothing else. YAML hands a plain
/// `5` or `true` to `deserialize_str` as text, so `deserialize_any` is used
/// to tell a written string from a number, a boolean or an empty item.
struct TextVisitor(&'static str);

impl Visitor<'_> for TextVisitor {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<String, E> {
        if v.trim().is_empty() {
            return Err(E::custom(format!(
                "expected {}, found an empty string",
                self.0
            )));
        }
        Ok(v.to_string())
    }
}

/// A non-blank string, for `deserialize_with` on the fields typed `String`.
fn text<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    d.deserialize_any(TextVisitor("a non-empty string"))
}

struct Text(String);

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Text, D::Error> {
        text(d).map(Text)
    }
}

/// Section markers: a list of non-blank phrases (an empty marker would
/// match every paragraph).
fn markers<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Vec<String>>, D::Error> {
    let list: Option<Vec<Text>> = Option::deserialize(d)?;
    Ok(list.map(|l| l.into_iter().map(|t| t.0).collect()))
}

/// `prefer.entities`: entity id → preferred form, both non-blank.
fn entity_forms<'de, D: Deserializer<'de>>(d: D) -> Result<BTreeMap<String, String>, D::Error> {
    let map: BTreeMap<String, Text> = BTreeMap::deserialize(d)?;
    Ok(map.into_iter().map(|(k, v)| (k, v.0)).collect())
}

/// `prefer.words`: pairs of non-blank spellings.
fn word_pairs<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<(String, String)>, D::Error> {
    let pairs: Vec<(Text, Text)> = Vec::deserialize(d)?;
    Ok(pairs.into_iter().map(|(a, b)| (a.0, b.0)).collect())
}

/// A size in bytes: a number, or a number with a unit: `KiB`, `MiB`, `GiB`
/// (or `K`, `M`, `G`), powers of 1024; `KB`, `MB`, `GB`, powers of 1000.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct ByteSize(pub u64);

impl ByteSize {
    /// Parses `32MiB`, `32 MiB`, `500kb`, `1000000`; `None` for anything
    /// else, zero, or a size that does not fit.
    pub fn parse(text: &str) -> Option<ByteSize> {
        let text = text.trim();
        let digits = text
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(text.len());
        let number: u64 = text[..digits].parse().ok()?;
        let factor: u64 = match text[digits..].trim().to_ascii_lowercase().as_str() {
            "" | "b" => 1,
            "k" | "kib" => 1 << 10,
            "m" | "mib" => 1 << 20,
            "g" | "gib" => 1 << 30,
            "kb" => 1_000,
            "mb" => 1_000_000,
            "gb" => 1_000_000_000,
            _ => return None,
        };
        number.checked_mul(factor).filter(|&n| n > 0).map(ByteSize)
    }
}

impl<'de> Deserialize<'de> for ByteSize {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<ByteSize, D::Error> {
        struct SizeVisitor;
        const EXPECTED: &str = "a size in bytes such as 33554432, \"32 MiB\" or \"50MB\"";
        impl Visitor<'_> for SizeVisitor {
            type Value = ByteSize;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(EXPECTED)
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<ByteSize, E> {
                if v == 0 {
                    return Err(E::custom(format!("expected {EXPECTED}, found 0")));
                }
                Ok(ByteSize(v))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<ByteSize, E> {
                ByteSize::parse(v)
                    .ok_or_else(|| E::custom(format!("expected {EXPECTED}, found `{v}`")))
            }
        }
        d.deserialize_any(SizeVisitor)
    }
}

fn compile_glob(text: &str) -> Result<globset::Glob, String> {
    GlobBuilder::new(text)
        .literal_separator(true)
        .build()
        .map_err(|e| format!("invalid glob `{text}`: {}", e.kind()))
}

/// `prefer:` (house style).
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct PreferSetting {
    /// entity id → preferred surface form. The ids are checked against the
    /// gazetteer once it is loaded ([`Config::check_entities`]).
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "entity_forms"
    )]
    pub entities: BTreeMap<String, String>,
    /// Spelling pairs, the preferred one first.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "word_pairs"
    )]
    pub words: Vec<(String, String)>,
}

/// `sections:`: the marker phrases (each list replaces the built-in one).
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct SectionsSetting {
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "markers"
    )]
    pub appended: Option<Vec<String>>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "markers"
    )]
    pub boilerplate: Option<Vec<String>>,
}

/// A loaded config: the file as written and where it lives.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Config {
    /// The file it was read from; `None` for the built-in defaults.
    pub path: Option<PathBuf>,
    pub file: ConfigFile,
    /// The file's text, to place problems found after parsing.
    text: String,
}

impl Config {
    /// Parses `text` as the config at `path`.
    ///
    /// # Errors
    /// YAML syntax errors, unknown keys, unknown rule ids, bad levels and
    /// globs, each with its line and column.
    pub fn parse(path: &Path, text: &str) -> Result<Config, ConfigError> {
        let shown = path.display().to_string();
        let error = |e: serde_norway::Error| {
            let message = clean_yaml_message(&e.to_string());
            let mut location = e.location().map(|l| (l.line(), l.column()));
            // Duplicate keys are placed at the start of their map; point at
            // the second occurrence instead.
            if let Some(key) = duplicate_key(&message) {
                let from = location.map_or(0, |(line, column)| offset_of(text, line, column));
                location = locate_key(text, from, &key, 2).or(location);
            }
            ConfigError {
                path: shown.clone(),
                location,
                message,
            }
        };
        // An empty file (or one with only comments) is a valid, empty config.
        let value: serde_norway::Value = serde_norway::from_str(text).map_err(error)?;
        // A list where a map belongs would be read field by field, in
        // order (serde accepts a sequence for a struct); refuse it.
        for (key, fields) in [
            ("prefer", "`entities:` and `words:`"),
            ("sections", "`appended:` and `boilerplate:`"),
            ("rules", "rule ids and levels"),
        ] {
            if value
                .get(key)
                .is_some_and(|v| !v.is_mapping() && !v.is_null())
            {
                return Err(ConfigError {
                    path: shown.clone(),
                    location: locate(text, key, &format!("{key}:"), false),
                    message: format!("{key}: expected a map of {fields}"),
                });
            }
        }
        let file: ConfigFile = if value.is_null() {
            ConfigFile::default()
        } else {
            serde_norway::from_str(text).map_err(error)?
        };
        let known = known_rules();
        for id in file.rules.iter().flat_map(|r| r.keys()) {
            if id.0.trim().is_empty() {
                return Err(ConfigError {
                    path: shown.clone(),
                    location: locate(text, "rules", &id.0, true),
                    message: format!("rules: empty rule id; known rules: {}", known.join(", ")),
                });
            }
            if !known.contains(&id.0.as_str()) {
                return Err(ConfigError {
                    path: shown.clone(),
                    location: locate(text, "rules", &id.0, true),
                    message: format!(
                        "rules: unknown rule `{}`; known rules: {}",
                        id.0,
                        known.join(", ")
                    ),
                });
            }
        }
        for (section, globs) in [("include", &file.include), ("exclude", &file.exclude)] {
            for glob in globs.iter().flatten() {
                if let Err(message) = compile_glob(&glob.0) {
                    return Err(ConfigError {
                        path: shown.clone(),
                        location: locate(text, section, &glob.0, false),
                        message: format!("{section}: {message}"),
                    });
                }
            }
        }
        Ok(Config {
            path: Some(path.to_path_buf()),
            file,
            text: text.to_string(),
        })
    }

    /// Checks that every entity id under `prefer.entities` is one that
    /// `exists`, once the gazetteer is loaded; `ids` are all known ids, for
    /// a suggestion.
    ///
    /// # Errors
    /// The first unknown id, at its line and column.
    pub fn check_entities<'a>(
        &self,
        exists: impl Fn(&str) -> bool,
        ids: impl Iterator<Item = &'a str>,
    ) -> Result<(), ConfigError> {
        let Some(prefer) = &self.file.prefer else {
            return Ok(());
        };
        let Some(unknown) = prefer.entities.keys().find(|id| !exists(id)) else {
            return Ok(());
        };
        if self.disabled_entities().contains(unknown) {
            return Err(ConfigError {
                path: self
                    .path
                    .as_deref()
                    .map_or_else(String::new, |p| p.display().to_string()),
                location: locate(&self.text, "prefer", unknown, true),
                message: format!(
                    "prefer.entities: entity `{unknown}` is switched off by disable-entities"
                ),
            });
        }
        let suggestion = ids
            .map(|id| (strsim::levenshtein(id, unknown), id))
            .filter(|(d, _)| *d <= 3)
            .min()
            .map_or_else(String::new, |(_, id)| format!(" (did you mean `{id}`?)"));
        Err(ConfigError {
            path: self
                .path
                .as_deref()
                .map_or_else(String::new, |p| p.display().to_string()),
            location: locate(&self.text, "prefer", unknown, true),
            message: format!(
                "prefer.entities: unknown entity `{unknown}`: no loaded gazetteer has this id{suggestion}"
            ),
        })
    }

    /// Checks that every id under `disable-entities` names a loaded entity.
    ///
    /// # Errors
    /// The first unknown id, at its line and column.
    pub fn check_disabled(&self, exists: impl Fn(&str) -> bool) -> Result<(), ConfigError> {
        let Some(unknown) = self.disabled_entities().iter().find(|id| !exists(id)) else {
            return Ok(());
        };
        Err(ConfigError {
            path: self
                .path
                .as_deref()
                .map_or_else(String::new, |p| p.display().to_string()),
            location: locate(&self.text, "disable-entities", unknown, false),
            message: format!("disable-entities: no entity `{unknown}` in the gazetteer to disable"),
        })
    }

    /// The draft size limit this config sets, if any.
    pub fn max_draft_size(&self) -> Option<u64> {
        self.file.max_draft_size.map(|s| s.0)
    }

    /// Reads the config at `path`.
    ///
    /// # Errors
    /// An unreadable file or any problem [`Config::parse`] reports.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
            path: path.display().to_string(),
            location: None,
            message: match e.kind() {
                std::io::ErrorKind::NotFound => "no such config file".to_string(),
                _ => format!("cannot read config: {e}"),
            },
        })?;
        Config::parse(path, &text)
    }

    /// The folder relative paths in the config are resolved against.
    pub fn base_dir(&self) -> Option<&Path> {
        self.path
            .as_deref()
            .map(|p| p.parent().unwrap_or_else(|| Path::new("")))
    }

    /// Gazetteer folders, resolved against the config's folder.
    pub fn gazetteer_dirs(&self) -> Vec<PathBuf> {
        let base = self.base_dir().unwrap_or_else(|| Path::new(""));
        self.file
            .gazetteers
            .iter()
            .flatten()
            .map(|g| base.join(g))
            .collect()
    }

    /// Lexicon folders, resolved against the config's folder.
    pub fn lexicon_dirs(&self) -> Vec<PathBuf> {
        let base = self.base_dir().unwrap_or_else(|| Path::new(""));
        self.file
            .lexicons
            .iter()
            .flatten()
            .map(|g| base.join(g))
            .collect()
    }

    /// Whether the embedded gazetteer is used (default true).
    pub fn default_gazetteer(&self) -> bool {
        self.file.default_gazetteer.unwrap_or(true)
    }

    /// Entity ids switched off by `disable-entities:`.
    pub fn disabled_entities(&self) -> &[String] {
        self.file.disable_entities.as_deref().unwrap_or_default()
    }

    /// The section markers: the configured lists, else the built-in ones.
    pub fn markers(&self) -> SectionMarkers {
        let mut markers = SectionMarkers::default();
        if let Some(sections) = &self.file.sections {
            if let Some(list) = &sections.appended {
                markers.appended = list.clone();
            }
            if let Some(list) = &sections.boilerplate {
                markers.boilerplate = list.clone();
            }
        }
        markers
    }

    /// House style as the rules read it.
    pub fn prefer(&self) -> Prefer {
        let setting = self.file.prefer.clone().unwrap_or_default();
        Prefer {
            entities: setting.entities,
            words: setting.words,
        }
    }

    /// Configures `builder` with everything but the gazetteer (which the
    /// caller loads once and shares).
    pub fn apply(&self, builder: &mut CheckerBuilder) {
        builder.markers(self.markers()).prefer(self.prefer());
        for (rule, level) in self.file.rules.iter().flatten() {
            builder.rule_level(&rule.0, level.level());
        }
    }

    /// The include and exclude globs for walked folders.
    pub fn filter(&self) -> FileFilter {
        let include: Vec<String> = match &self.file.include {
            Some(list) => list.iter().map(|g| g.0.clone()).collect(),
            None => DEFAULT_INCLUDE.iter().map(|s| s.to_string()).collect(),
        };
        let exclude: Vec<String> = self
            .file
            .exclude
            .iter()
            .flatten()
            .map(|g| g.0.clone())
            .collect();
        // Walked paths are matched as absolute paths, so the base must be too.
        let base = self.base_dir().map(|b| {
            if b.is_absolute() {
                b.to_path_buf()
            } else {
                std::env::current_dir().map_or_else(|_| b.to_path_buf(), |cwd| cwd.join(b))
            }
        });
        FileFilter {
            base,
            include: build_set(&include),
            exclude: build_set(&exclude),
        }
    }

    /// The effective configuration as YAML, every key filled in.
    pub fn dump(&self) -> String {
        let markers = self.markers();
        let mut rules = BTreeMap::new();
        for id in known_rules() {
            let level = self
                .file
                .rules
                .as_ref()
                .and_then(|r| r.get(&RuleId(id.to_string())))
                .map_or("default", |l| match l {
                    LevelSetting::Off => "off",
                    LevelSetting::Info => "info",
                    LevelSetting::Warning => "warning",
                    LevelSetting::Error => "error",
                });
            rules.insert(id.to_string(), level.to_string());
        }
        let effective = Effective {
            gazetteers: self
                .gazetteer_dirs()
                .iter()
                .map(|p| p.display().to_string())
                .collect(),
            default_gazetteer: self.default_gazetteer(),
            disable_entities: self.disabled_entities().to_vec(),
            fail_on: self.file.fail_on.unwrap_or(FailOnSetting::Error).as_str(),
            rules,
            prefer: self.file.prefer.clone().unwrap_or_default(),
            sections: SectionsSetting {
                appended: Some(markers.appended),
                boilerplate: Some(markers.boilerplate),
            },
            include: match &self.file.include {
                Some(list) => list.iter().map(|g| g.0.clone()).collect(),
                None => DEFAULT_INCLUDE.iter().map(|s| s.to_string()).collect(),
            },
            exclude: self
                .file
                .exclude
                .iter()
                .flatten()
                .map(|g| g.0.clone())
                .collect(),
            max_draft_size: self
                .max_draft_size()
                .unwrap_or(crate::input::DEFAULT_MAX_DRAFT_BYTES),
        };
        let source = match &self.path {
            Some(p) => format!("# effective configuration, from {}\n", p.display()),
            None => {
                "# effective configuration: built-in defaults (no tadqiq.yaml found)\n".to_string()
            }
        };
        let body = serde_norway::to_string(&effective).unwrap_or_default();
        format!("{source}{body}")
    }
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct Effective {
    gazetteers: Vec<String>,
    default_gazetteer: bool,
    disable_entities: Vec<String>,
    fail_on: &'static str,
    rules: BTreeMap<String, String>,
    prefer: PreferSetting,
    sections: SectionsSetting,
    include: Vec<String>,
    exclude: Vec<String>,
    /// In bytes.
    max_draft_size: u64,
}

fn build_set(globs: &[String]) -> GlobSet {
    let mut set = GlobSetBuilder::new();
    for g in globs {
        // Globs were validated when the config was read.
        if let Ok(glob) = compile_glob(g) {
            set.add(glob);
        }
    }
    set.build().unwrap_or_else(|_| GlobSet::empty())
}

/// The 1-based line and column of `needle` written after the top-level
/// `section:` key (block or flow style), as a mapping key when `as_key`.
/// serde_norway places errors in keys and sequence items at the start of
/// their map or sequence, so these are found in the text instead.
///
/// An empty `needle` is looked for as `""`, `''` or (a key) an explicit `?`
/// key with nothing after it. When the needle is not found, the place of the
/// `section:` key is given. The search always moves forward, so it ends.
fn locate(text: &str, section: &str, needle: &str, as_key: bool) -> Option<(usize, usize)> {
    let section_at = text
        .match_indices(&format!("{section}:"))
        .find(|(i, _)| *i == 0 || text[..*i].ends_with('\n'))
        .map(|(i, _)| i);
    let from = section_at.unwrap_or(0);
    let found = if needle.is_empty() {
        let mut forms = vec![("\"\"", false), ("''", false)];
        if as_key {
            forms.push(("?", true));
        }
        forms
            .into_iter()
            .filter_map(|(form, explicit)| {
                find_token(text, from, form, as_key && !explicit, explicit)
            })
            .min()
    } else {
        find_token(text, from, needle, as_key, false)
    };
    found.or(section_at).map(|at| place(text, at))
}

/// The first offset at or after `from` where `needle` stands as a token:
/// after whitespace, a flow bracket, a comma or a quote; followed by `:`
/// when `as_key`; followed only by blanks up to the line end when
/// `line_end` (an explicit `? ` key with an empty key).
fn find_token(
    text: &str,
    mut from: usize,
    needle: &str,
    as_key: bool,
    line_end: bool,
) -> Option<usize> {
    if needle.is_empty() {
        return None;
    }
    while let Some(found) = text.get(from..)?.find(needle) {
        let at = from + found;
        let before = text[..at].chars().next_back();
        let rest = &text[at + needle.len()..];
        let after = rest.trim_start_matches([' ', '\t', '"', '\'']);
        let starts_ok =
            before.is_none_or(|c| c.is_whitespace() || matches!(c, '{' | '[' | ',' | '"' | '\''));
        let ends_ok = if line_end {
            rest.split('\n').next().is_some_and(|l| l.trim().is_empty())
        } else {
            !as_key || after.starts_with(':')
        };
        if starts_ok && ends_ok {
            return Some(at);
        }
        // `needle` is not empty, so this always moves forward.
        from = at + needle.len();
    }
    None
}

/// The offset where the `n`th (1-based) occurrence of `key` as a mapping key
/// starts, at or after `from`.
fn locate_key(text: &str, from: usize, key: &str, n: usize) -> Option<(usize, usize)> {
    let mut at = from;
    let mut seen = 0;
    loop {
        let found = if key.is_empty() {
            ["\"\"", "''"]
                .iter()
                .filter_map(|form| find_token(text, at, form, true, false))
                .min()?
        } else {
            find_token(text, at, key, true, false)?
        };
        seen += 1;
        if seen == n {
            return Some(place(text, found));
        }
        at = found + key.len().max(1);
    }
}

/// The key named in serde_norway's duplicate-key messages.
fn duplicate_key(message: &str) -> Option<String> {
    if let Some(i) = message.find("duplicate entry with key ") {
        let rest = &message[i + "duplicate entry with key ".len()..];
        let key = rest.trim_matches(|c| c == '"' || c == '`');
        // A non-string key is shown unquoted (`duplicate entry with key 5`).
        return Some(key.to_string());
    }
    let i = message.find("duplicate field `")?;
    let rest = &message[i + "duplicate field `".len()..];
    rest.find('`').map(|end| rest[..end].to_string())
}

/// The 1-based line and column (in characters) of byte offset `at`.
fn place(text: &str, at: usize) -> (usize, usize) {
    let at = (0..=at.min(text.len()))
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let line = text[..at].matches('\n').count() + 1;
    (line, text[line_start..at].chars().count() + 1)
}

/// The byte offset of a 1-based line and column (in characters).
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let line_start = if line <= 1 {
        0
    } else {
        text.match_indices('\n')
            .nth(line - 2)
            .map_or(text.len(), |(i, _)| i + 1)
    };
    text[line_start..]
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(text.len(), |(i, _)| line_start + i)
}

/// serde_norway appends " at line L column C" to messages that have a place;
/// the place is printed in front instead.
fn clean_yaml_message(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) if message[i..].contains(" column ") => message[..i].to_string(),
        _ => message.to_string(),
    }
}

/// Include/exclude globs of one config, matched against paths relative to
/// the config's folder (or to the walked folder when there is no config).
#[derive(Debug, Clone)]
pub struct FileFilter {
    base: Option<PathBuf>,
    include: GlobSet,
    exclude: GlobSet,
}

impl FileFilter {
    /// Whether a file found while walking `root` is checked. `path` and
    /// `root` are absolute.
    pub fn accepts(&self, root: &Path, path: &Path) -> bool {
        let relative = self
            .base
            .as_deref()
            .and_then(|b| path.strip_prefix(b).ok())
            .or_else(|| path.strip_prefix(root).ok())
            .unwrap_or(path);
        self.include.is_match(relative) && !self.exclude.is_match(relative)
    }

    /// Whether a folder met while walking is skipped whole by an exclude.
    pub fn excludes_dir(&self, root: &Path, dir: &Path) -> bool {
        let relative = self
            .base
            .as_deref()
            .and_then(|b| dir.strip_prefix(b).ok())
            .or_else(|| dir.strip_prefix(root).ok())
            .unwrap_or(dir);
        !relative.as_os_str().is_empty() && self.exclude.is_match(relative)
    }
}

/// The nearest `tadqiq.yaml` in `dir` or a folder above it.
pub fn discover(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .map(|d| d.join(CONFIG_FILE_NAME))
        .find(|p| p.is_file())
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Case {
        /// What the case shows.
        name: &'static str,
        yaml: &'static str,
        /// `Ok` for a valid config, else the expected `line:col: message` prefix.
        want: Result<(), &'static str>,
    }

    #[test]
    fn parse_cases() {
        let cases = [
            Case {
                name: "the DESIGN.md example is valid",
                yaml: "gazetteers: [newsroom/gazetteer]\ndefault-gazetteer: true\nfail-on: error\nrules:\n  unknown-name: off\n  spelling-variant: error\nprefer:\n  entities: {islamic-state: تنظيم الدولة, united-states: أميركي}\n  words: [[أميركي, أمريكي], [ترامب, ترمب]]\nsections:\n  appended: [إقرأ أيضاً, Read more]\n  boilerplate: [All rights reserved]\ninclude: [\"**/*.md\", \"**/*.txt\"]\nexclude: [\"archive/**\"]\n",
                want: Ok(()),
            },
            Case {
                name: "an empty file is an empty config",
                yaml: "# nothing yet\n",
                want: Ok(()),
            },
            Case {
                name: "an unknown top-level key names its place",
                yaml: "fail-on: error\nfial-on: warning\n",
                want: Err("2:1: unknown field `fial-on`"),
            },
            Case {
                name: "an unknown key inside a section",
                yaml: "sections:\n  appended: [Read more]\n  footer: [x]\n",
                want: Err("3:3: sections: unknown field `footer`"),
            },
            Case {
                name: "an unknown rule id",
                yaml: "rules:\n  name-conflict: off\n  nmae-conflict: off\n",
                want: Err("3:3: rules: unknown rule `nmae-conflict`"),
            },
            Case {
                name: "a bad level",
                yaml: "rules:\n  name-conflict: loud\n",
                want: Err("2:18: rules.name-conflict: unknown variant `loud`"),
            },
            Case {
                name: "a bad glob",
                yaml: "exclude: [\"archive/[\"]\n",
                want: Err("1:12: exclude: invalid glob `archive/[`"),
            },
            Case {
                name: "an empty rule id (flow style) is placed, not searched forever",
                yaml: "rules: {\"\": off}",
                want: Err("1:9: rules: empty rule id"),
            },
            Case {
                name: "an empty explicit key",
                yaml: "rules:\n  ? \n  : off",
                want: Err("2:3: rules: empty rule id"),
            },
            Case {
                name: "a number is not a glob",
                yaml: "include: [\"**/*.md\", 5]\n",
                want: Err("1:22: include[1]: invalid type: integer `5`"),
            },
            Case {
                name: "an empty section marker",
                yaml: "sections:\n  appended: [Read more, \"\"]\n",
                want: Err("2:25: sections.appended[1]: expected a non-empty string"),
            },
            Case {
                name: "a duplicate key is placed at its second occurrence",
                yaml: "include: [a]\nfail-on: error\nexclude: [b]\nfail-on: info\n",
                want: Err("4:1: duplicate entry with key \"fail-on\""),
            },
            Case {
                name: "a size with a unit",
                yaml: "max-draft-size: 64 MiB\n",
                want: Ok(()),
            },
            Case {
                name: "a size with an unknown unit",
                yaml: "max-draft-size: 64 parsecs\n",
                want: Err("1:17: max-draft-size: expected a size in bytes"),
            },
            Case {
                name: "a list for the whole file",
                yaml: "- rules\n",
                want: Err("1:1: invalid type: sequence, expected a map of settings"),
            },
            Case {
                name: "a list where a map belongs",
                yaml: "fail-on: error\nsections: [\"\"]\n",
                want: Err("2:1: sections: expected a map of `appended:` and `boilerplate:`"),
            },
            Case {
                name: "a word pair must be a pair",
                yaml: "prefer:\n  words: [[a, b, c]]\n",
                want: Err("2:11: prefer.words[0]: invalid length 3"),
            },
        ];
        for case in &cases {
            let got = Config::parse(Path::new("tadqiq.yaml"), case.yaml);
            match (&got, case.want) {
                (Ok(_), Ok(())) => {}
                (Err(e), Err(prefix)) => {
                    let shown = e.to_string();
                    assert!(
                        shown.starts_with(&format!("tadqiq.yaml:{prefix}")),
                        "{}: got {shown:?}, want prefix {prefix:?}",
                        case.name
                    );
                }
                _ => panic!("{}: got {got:?}, want {:?}", case.name, case.want),
            }
        }
    }

    #[test]
    fn locate_ends_and_falls_back_to_the_section() {
        // Every needle, even one that is nowhere, gives an answer.
        assert_eq!(locate("rules: {a: off}\n", "rules", "", true), Some((1, 1)));
        assert_eq!(
            locate("x: 1\nrules:\n  a: off\n", "rules", "zz", true),
            Some((2, 1))
        );
        assert_eq!(
            locate("rules:\n  ? \n  : off\n", "rules", "", true),
            Some((2, 3))
        );
        assert_eq!(locate("a: ''\n", "b", "", false), Some((1, 4)));
        assert_eq!(offset_of("ab\nدمشق: x\n", 2, 5), "ab\nدمشق".len());
    }

    #[test]
    fn sizes() {
        assert_eq!(ByteSize::parse("32MiB"), Some(ByteSize(32 << 20)));
        assert_eq!(ByteSize::parse(" 32 mib "), Some(ByteSize(32 << 20)));
        assert_eq!(ByteSize::parse("50MB"), Some(ByteSize(50_000_000)));
        assert_eq!(ByteSize::parse("1000"), Some(ByteSize(1000)));
        assert_eq!(ByteSize::parse("2k"), Some(ByteSize(2048)));
        for bad in [
            "",
            "0",
            "MiB",
            "-1",
            "1.5MiB",
            "99999999999999999999",
            "16777216TiB",
        ] {
            assert_eq!(ByteSize::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn filter_uses_include_and_exclude_relative_to_the_config() {
        let config = Config::parse(
            Path::new("/news/tadqiq.yaml"),
            "exclude: [\"archive/**\"]\n",
        )
        .unwrap();
        let filter = config.filter();
        let root = Path::new("/news");
        // Default includes: .md, .txt, .markdown at any depth.
        assert!(filter.accepts(root, Path::new("/news/a.md")));
        assert!(filter.accepts(root, Path::new("/news/drafts/b.txt")));
        assert!(!filter.accepts(root, Path::new("/news/drafts/c.rst")));
        // Excluded folder.
        assert!(!filter.accepts(root, Path::new("/news/archive/2019/a.md")));
        assert!(filter.excludes_dir(root, Path::new("/news/archive/2019")));
    }

    #[test]
    fn dump_fills_defaults() {
        let config = Config::parse(Path::new("t/tadqiq.yaml"), "gazetteers: [g]\n").unwrap();
        let dump = config.dump();
        assert!(dump.contains("default-gazetteer: true"), "{dump}");
        assert!(dump.contains("fail-on: error"), "{dump}");
        assert!(dump.contains("- t/g"), "{dump}");
        assert!(dump.contains("Read more"), "{dump}");
        assert!(dump.contains("max-draft-size: 33554432"), "{dump}");
    }
}
