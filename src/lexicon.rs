//! Lexicons as data (DESIGN.md §10): the words the claims and rules
//! understand live in `lexicon/*.yaml`, one table per file, one concept per
//! entry with its Arabic and English lemmas and irregular forms. The code
//! derives inflected forms ([`derive_forms`]) and proclitics (at lookup).
//!
//! Every table is read the same way: the shipped files are embedded at build
//! time (`build.rs`), a newsroom adds its own folder (`--lexicon DIR`,
//! `lexicons:` in `tadqiq.yaml`). A file belongs to the table its name
//! starts with (`predicates.yaml`, `predicates-sport.yaml`); an entry whose
//! `id` the table already has adds its forms to it, a new `id` adds a concept.
//! Errors name `path:line:col`.
//!
//! To add a table: list it in [`TABLES`], give it an entry type that
//! implements [`Entry`] (serde, `deny_unknown_fields`), and read it with
//! [`Files::table`] in [`Lexicon::from_files`].
//!
//! One lexicon serves a whole process ([`get`]): the shipped one, unless
//! [`install`] put the shipped one plus newsroom folders in its place before
//! the first draft was checked.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use serde::de::DeserializeOwned;
use serde::Deserialize;

use crate::normalize::fold_str;
use crate::source_error::line_col;

include!(concat!(env!("OUT_DIR"), "/embedded_lexicon.rs"));

/// Reads a shipped lexicon file (`lexicon/NAME.yaml`, as embedded) into
/// `T`: from the JSON build.rs made of it (several times faster than the
/// YAML), or from the YAML when there is no JSON or it does not read (a test
/// checks the two give the same entries).
///
/// # Errors
/// The YAML's error (only when the shipped file itself is broken).
pub(crate) fn read_shipped<T: DeserializeOwned>(path: &str) -> Result<T, serde_norway::Error> {
    let text = EMBEDDED_LEXICON
        .iter()
        .find(|&&(p, _)| p == path)
        .map_or("", |&(_, text)| text);
    if let Some(value) = shipped_json(path, text).and_then(|json| serde_json::from_str(json).ok()) {
        return Ok(value);
    }
    serde_norway::from_str(text)
}

/// The JSON build.rs made of the shipped file `path`, when `text` is that
/// file's text as shipped (a newsroom file with the same path is not).
fn shipped_json(path: &str, text: &str) -> Option<&'static str> {
    let i = EMBEDDED_LEXICON
        .iter()
        .position(|&(p, t)| p == path && t == text)?;
    EMBEDDED_LEXICON_JSON
        .get(i)
        .filter(|&&(p, _)| p == path)
        .map(|&(_, json)| json)
}

/// The tables a lexicon folder may hold (the file name's prefix).
/// `function-words.yaml` is the tagger's own list and is not extendable.
pub const TABLES: &[&str] = &[
    "predicates",
    "units",
    "qualifiers",
    "attribution",
    "events",
    "coreference",
    "titles",
    "names",
];

/// A problem in a lexicon file, as `path:line:col: message`.
pub type LexiconError = crate::source_error::SourceError;

/// Every problem found, one per line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexiconErrors(pub Vec<LexiconError>);

impl fmt::Display for LexiconErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::source_error::write_all(&self.0, f)
    }
}

impl std::error::Error for LexiconErrors {}

/// One lexicon file: its table, where it came from and its text.
#[derive(Debug, Clone)]
pub struct LexiconFile {
    pub table: &'static str,
    pub path: String,
    pub text: String,
}

/// The table a file name belongs to, if any.
fn table_of(path: &Path) -> Option<&'static str> {
    let name = path.file_name()?.to_str()?;
    let stem = name
        .strip_suffix(".yaml")
        .or_else(|| name.strip_suffix(".yml"))?;
    TABLES.iter().copied().find(|t| {
        stem.strip_prefix(t)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(['-', '_', '.']))
    })
}

/// The lexicon files to read: the shipped ones first, then newsroom folders.
#[derive(Debug, Clone, Default)]
pub struct Files {
    pub files: Vec<LexiconFile>,
}

impl Files {
    /// The shipped lexicon, as embedded at build time.
    pub fn shipped() -> Files {
        let files = EMBEDDED_LEXICON
            .iter()
            .filter_map(|&(path, text)| {
                Some(LexiconFile {
                    table: table_of(Path::new(path))?,
                    path: path.to_string(),
                    text: text.to_string(),
                })
            })
            .collect();
        Files { files }
    }

    /// Adds every `*.yaml` of a newsroom folder (sorted, recursive, hidden
    /// entries skipped); a file no table claims is an error.
    pub fn add_dir(&mut self, dir: &Path, errors: &mut Vec<LexiconError>) {
        let shown = dir.display().to_string();
        if !dir.is_dir() {
            errors.push(file_error(
                shown,
                if dir.exists() {
                    "not a folder: a lexicon is a folder of predicates*.yaml, units*.yaml, qualifiers*.yaml, attribution*.yaml, events*.yaml … files"
                } else {
                    "lexicon folder not found"
                },
            ));
            return;
        }
        let mut paths = Vec::new();
        collect(dir, &mut paths);
        paths.sort();
        for path in paths {
            let shown = path.display().to_string();
            let Some(table) = table_of(&path) else {
                errors.push(file_error(
                    shown,
                    format!(
                        "not a lexicon table: name the file after one of {} (e.g. predicates-local.yaml)",
                        TABLES.join(", ")
                    ),
                ));
                continue;
            };
            match std::fs::read(&path) {
                Ok(bytes) => match String::from_utf8(bytes) {
                    Ok(text) => self.files.push(LexiconFile {
                        table,
                        path: shown,
                        text,
                    }),
                    Err(e) => {
                        let offset = e.utf8_error().valid_up_to();
                        let (line, column) =
                            line_col(&String::from_utf8_lossy(e.as_bytes()), offset);
                        errors.push(LexiconError {
                            path: shown,
                            line,
                            column,
                            message: format!("invalid UTF-8 at byte {offset}"),
                        });
                    }
                },
                Err(e) => errors.push(file_error(shown, format!("cannot read: {e}"))),
            }
        }
    }

    /// Reads one table: the entries of every file of that table, merged by
    /// `id` in file order.
    pub fn table<E: Entry>(&self, table: &str, errors: &mut Vec<LexiconError>) -> Vec<E> {
        let mut out: Vec<E> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        for file in self.files.iter().filter(|f| f.table == table) {
            // A shipped file reads from its JSON; anything else (or JSON that
            // does not read) from the YAML, whose errors have line and column.
            let json = shipped_json(&file.path, &file.text)
                .and_then(|json| serde_json::from_str::<Option<Vec<E>>>(json).ok());
            let parsed = match json {
                Some(list) => Ok(list),
                None => serde_norway::from_str::<Option<Vec<E>>>(&file.text),
            };
            let entries: Vec<E> = match parsed {
                Ok(list) => list.unwrap_or_default(),
                Err(e) => {
                    let (line, column) = e.location().map_or((1, 1), |l| (l.line(), l.column()));
                    let mut message = e.to_string();
                    if let Some(cut) = message.find(" at line ") {
                        message.truncate(cut);
                    }
                    errors.push(LexiconError {
                        path: file.path.clone(),
                        line,
                        column,
                        message,
                    });
                    continue;
                }
            };
            let mut seen_here: HashMap<String, usize> = HashMap::new();
            for entry in entries {
                let id = entry.id().to_string();
                let nth = *seen_here.get(&id).unwrap_or(&0);
                let at = || locate_nth(&file.text, &id, nth);
                if id.is_empty() {
                    let (line, column) = at();
                    errors.push(LexiconError {
                        path: file.path.clone(),
                        line,
                        column,
                        message: "an entry needs a non-empty `id`".to_string(),
                    });
                    continue;
                }
                if let Err(message) = entry.check() {
                    let (line, column) = at();
                    errors.push(LexiconError {
                        path: file.path.clone(),
                        line,
                        column,
                        message: format!("`{id}`: {message}"),
                    });
                    continue;
                }
                *seen_here.entry(id.clone()).or_default() += 1;
                if nth > 0 {
                    let (line, column) = at();
                    errors.push(LexiconError {
                        path: file.path.clone(),
                        line,
                        column,
                        message: format!(
                            "duplicate id `{id}` in this file: list its forms in one entry"
                        ),
                    });
                    continue;
                }
                match index.get(&id) {
                    Some(&k) => {
                        if let Err(message) = out[k].extend(entry) {
                            let (line, column) = at();
                            errors.push(LexiconError {
                                path: file.path.clone(),
                                line,
                                column,
                                message: format!("`{id}`: {message}"),
                            });
                        }
                    }
                    None => {
                        index.insert(id, out.len());
                        out.push(entry);
                    }
                }
            }
        }
        out
    }
}

/// What every table's entry type provides to the loader.
pub trait Entry: DeserializeOwned {
    /// The concept's id, unique in its table.
    fn id(&self) -> &str;
    /// Checks one entry as read (values the type system cannot).
    fn check(&self) -> Result<(), String> {
        Ok(())
    }
    /// Merges a later entry with the same id (a newsroom extending a shipped
    /// concept): forms are added, settings must agree.
    fn extend(&mut self, other: Self) -> Result<(), String>;
}

/// The forms of a concept in each language, as written.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Forms {
    #[serde(default)]
    pub ar: Vec<String>,
    #[serde(default)]
    pub en: Vec<String>,
}

impl Forms {
    fn extend(&mut self, other: Forms) {
        self.ar.extend(other.ar);
        self.en.extend(other.en);
    }
}

/// Word class, for the forms the code derives from a lemma.
#[derive(Debug, Clone, Copy, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Pos {
    /// Listed forms only.
    #[default]
    Fixed,
    /// A verb: Arabic past 3rd person masculine singular (قتل → قتلت، قتلوا،
    /// يقتل، تقتل …); English base form (kill → kills, killed, killing).
    Verb,
    /// A noun: Arabic singular (قتيل → قتيلا، قتيلة، قتيلان …); English
    /// singular (death → deaths).
    Noun,
}

/// `titles.yaml` (generic titles: وزير الخارجية, Foreign Minister) and
/// `names.yaml` (given names, honorifics): concepts with their forms, taken
/// as written (the entity rules fold and match them whole).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WordsEntry {
    pub id: String,
    #[serde(default)]
    pub ar: Vec<String>,
    #[serde(default)]
    pub en: Vec<String>,
}

impl Entry for WordsEntry {
    fn id(&self) -> &str {
        &self.id
    }
    fn extend(&mut self, other: Self) -> Result<(), String> {
        self.ar.extend(other.ar);
        self.en.extend(other.en);
        Ok(())
    }
}

/// `predicates.yaml`: what a number counts ("يضم 89 دولة", "killed 12").
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PredicateEntry {
    pub id: String,
    #[serde(default)]
    pub pos: Pos,
    #[serde(default)]
    pub ar: Vec<String>,
    #[serde(default)]
    pub en: Vec<String>,
    /// Forms taken as written, never inflected further.
    #[serde(default)]
    pub irregular: Forms,
}

impl Entry for PredicateEntry {
    fn id(&self) -> &str {
        &self.id
    }
    fn extend(&mut self, other: Self) -> Result<(), String> {
        self.ar.extend(other.ar);
        self.en.extend(other.en);
        self.irregular.extend(other.irregular);
        Ok(())
    }
}

/// `units.yaml`: the noun a number counts ("دولة", "countries", "%").
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnitEntry {
    pub id: String,
    #[serde(default)]
    pub pos: Pos,
    #[serde(default)]
    pub ar: Vec<String>,
    #[serde(default)]
    pub en: Vec<String>,
    /// Forms taken as written, never inflected further.
    #[serde(default)]
    pub irregular: Forms,
    /// The unit a slot is keyed by, when not `id` ("قتيلاً" counts people).
    #[serde(default, rename = "counts-as")]
    pub counts_as: Option<String>,
    /// A predicate the unit implies alone ("71 arrests" → arrested).
    #[serde(default)]
    pub implies: Option<String>,
    /// Only these forms imply it ("89 عضواً" implies members, "89 دولة"
    /// does not); empty: every form does.
    #[serde(default, rename = "implied-by")]
    pub implied_by: Forms,
}

impl Entry for UnitEntry {
    fn id(&self) -> &str {
        &self.id
    }
    fn extend(&mut self, other: Self) -> Result<(), String> {
        if (other.implies.is_some() && other.implies != self.implies)
            || (other.counts_as.is_some() && other.counts_as != self.counts_as)
        {
            return Err("cannot change what a shipped unit implies".to_string());
        }
        self.ar.extend(other.ar);
        self.en.extend(other.en);
        self.irregular.extend(other.irregular);
        self.implied_by.extend(other.implied_by);
        Ok(())
    }
}

/// What a qualifier does.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum Meaning {
    /// (N, ∞)
    Above,
    /// (−∞, N)
    Below,
    /// (−∞, N]
    AtMost,
    /// [N, ∞)
    AtLeast,
    /// N ± max(10 %, half the rounding unit)
    About,
    /// A title no longer held: السابق, former.
    Past,
}

/// Where a qualifier stands.
#[derive(Debug, Clone, Copy, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Position {
    #[default]
    Before,
    After,
}

/// `qualifiers.yaml`: words that make a number a range ("أكثر من",
/// "about") or a title past ("السابق", "former").
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QualifierEntry {
    pub id: String,
    pub means: Meaning,
    #[serde(default)]
    pub position: Position,
    #[serde(default)]
    pub pos: Pos,
    #[serde(default)]
    pub ar: Vec<String>,
    #[serde(default)]
    pub en: Vec<String>,
    /// Forms taken as written, never inflected further.
    #[serde(default)]
    pub irregular: Forms,
}

impl Entry for QualifierEntry {
    fn id(&self) -> &str {
        &self.id
    }
    fn extend(&mut self, other: Self) -> Result<(), String> {
        if other.means != self.means || other.position != self.position {
            return Err("an extension must keep `means` and `position`".to_string());
        }
        self.ar.extend(other.ar);
        self.en.extend(other.en);
        self.irregular.extend(other.irregular);
        Ok(())
    }
}

/// Every folded form of an entry: its lemmas with the forms derived for
/// `pos`, then its irregular forms as written.
fn entry_forms(pos: Pos, ar: &[String], en: &[String], irregular: &Forms) -> Vec<String> {
    let mut out = derive_forms(pos, ar, en);
    for f in derive_forms(Pos::Fixed, &irregular.ar, &irregular.en) {
        if !out.contains(&f) {
            out.push(f);
        }
    }
    out
}

/// How quote attribution reads a word of `attribution.yaml`.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum AttributionRole {
    /// A speech verb: its subject is the speaker (قال، said).
    Verb,
    /// A speech participle: the sentence's subject speaks (قائلاً، saying).
    Participle,
    /// A subject pronoun standing for the previous speaker (he, she).
    Pronoun,
    /// A word that makes the name after it someone other than the speaker
    /// (باسم، spokesman).
    Proxy,
    /// Where the words were said, not who said them (في، للصحفيين، reporters).
    Source,
}

/// `attribution.yaml`: speech verbs and the words around them.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AttributionEntry {
    pub id: String,
    pub role: AttributionRole,
    #[serde(default)]
    pub pos: Pos,
    #[serde(default)]
    pub ar: Vec<String>,
    #[serde(default)]
    pub en: Vec<String>,
    #[serde(default)]
    pub irregular: Forms,
}

impl Entry for AttributionEntry {
    fn id(&self) -> &str {
        &self.id
    }
    fn extend(&mut self, other: Self) -> Result<(), String> {
        if other.role != self.role {
            return Err("an extension must keep `role`".to_string());
        }
        self.ar.extend(other.ar);
        self.en.extend(other.en);
        self.irregular.extend(other.irregular);
        Ok(())
    }
}

/// `events.yaml`: the words that bind a date to an event.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventEntry {
    pub id: String,
    /// Happens once to its entity (founding, fall, death).
    #[serde(default)]
    pub once: bool,
    /// The gazetteer fact key the date is checked against.
    #[serde(default)]
    pub fact: Option<String>,
    #[serde(default)]
    pub pos: Pos,
    #[serde(default)]
    pub ar: Vec<String>,
    #[serde(default)]
    pub en: Vec<String>,
    #[serde(default)]
    pub irregular: Forms,
}

impl Entry for EventEntry {
    fn id(&self) -> &str {
        &self.id
    }
    fn extend(&mut self, other: Self) -> Result<(), String> {
        if other.once != self.once || (other.fact.is_some() && other.fact != self.fact) {
            return Err("an extension must keep `once` and `fact`".to_string());
        }
        self.ar.extend(other.ar);
        self.en.extend(other.en);
        self.irregular.extend(other.irregular);
        Ok(())
    }
}

/// `coreference.yaml`: words standing for an entity named before.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CoreferenceEntry {
    pub id: String,
    #[serde(default)]
    pub pos: Pos,
    #[serde(default)]
    pub ar: Vec<String>,
    #[serde(default)]
    pub en: Vec<String>,
    #[serde(default)]
    pub irregular: Forms,
}

/// What a coreference word may stand for.
const COREFERENCE_KINDS: &[&str] = &["country"];

impl Entry for CoreferenceEntry {
    fn id(&self) -> &str {
        &self.id
    }
    fn check(&self) -> Result<(), String> {
        if COREFERENCE_KINDS.contains(&self.id.as_str()) {
            Ok(())
        } else {
            Err(format!(
                "unknown id: a coreference entry is one of {}",
                COREFERENCE_KINDS.join(", ")
            ))
        }
    }
    fn extend(&mut self, other: Self) -> Result<(), String> {
        self.ar.extend(other.ar);
        self.en.extend(other.en);
        self.irregular.extend(other.irregular);
        Ok(())
    }
}

/// An event of `events.yaml` as the date extractor uses it.
#[derive(Debug, Clone)]
pub struct EventInfo {
    pub id: &'static str,
    pub once: bool,
    pub fact: Option<&'static str>,
}

/// Folded forms of a lemma list with the forms derived for `pos`; phrases
/// (several words) are folded and kept as they are.
pub fn derive_forms(pos: Pos, ar: &[String], en: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    let mut push = |s: String| {
        if !s.is_empty() && !out.contains(&s) {
            out.push(s);
        }
    };
    for w in ar {
        let f = fold_str(w.trim());
        push(f.clone());
        if f.contains(' ') {
            continue;
        }
        match pos {
            Pos::Fixed => {}
            Pos::Verb => {
                // Past: 3fs, 3mp, dual; present: 3ms, 3fs, 3mp.
                for s in ["ت", "وا", "ا", "تا"] {
                    push(format!("{f}{s}"));
                }
                for p in ["ي", "ت"] {
                    push(format!("{p}{f}"));
                }
                push(format!("ي{f}ون"));
            }
            Pos::Noun => {
                let stem = f.strip_suffix('ه').unwrap_or(&f);
                for s in ["ه", "ا", "ان", "ين", "ون", "ات", "اه", "تان", "تين"] {
                    push(format!("{stem}{s}"));
                }
                push(format!("ال{stem}"));
            }
        }
    }
    for w in en {
        let f = fold_str(w.trim());
        push(f.clone());
        if f.contains(' ') {
            continue;
        }
        match pos {
            Pos::Fixed => {}
            Pos::Verb => {
                let base = f.strip_suffix('e').unwrap_or(&f);
                push(plural_en(&f));
                push(format!("{base}ed"));
                push(format!("{base}ing"));
            }
            Pos::Noun => push(plural_en(&f)),
        }
    }
    out
}

fn plural_en(w: &str) -> String {
    if w.ends_with('s') || w.ends_with("sh") || w.ends_with("ch") || w.ends_with('x') {
        format!("{w}es")
    } else if let Some(stem) = w.strip_suffix('y').filter(|s| {
        s.chars()
            .last()
            .is_some_and(|c| !matches!(c, 'a' | 'e' | 'i' | 'o' | 'u'))
    }) {
        format!("{stem}ies")
    } else {
        format!("{w}s")
    }
}

/// Interns a concept id so slots can keep `&'static str` (one copy per
/// distinct id for the life of the process).
pub(crate) fn intern(s: &str) -> &'static str {
    static POOL: OnceLock<Mutex<HashSet<&'static str>>> = OnceLock::new();
    let pool = POOL.get_or_init(|| Mutex::new(HashSet::new()));
    let mut pool = pool.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(&known) = pool.get(s) {
        return known;
    }
    let leaked: &'static str = Box::leak(s.to_string().into_boxed_str());
    pool.insert(leaked);
    leaked
}

/// Folded single words and phrases → concept id.
#[derive(Debug, Clone, Default)]
pub struct WordIndex {
    words: HashMap<String, &'static str>,
    /// Phrases, as word lists, longest first.
    phrases: Vec<(Vec<String>, &'static str)>,
}

impl WordIndex {
    fn add(&mut self, form: &str, id: &'static str) {
        let words: Vec<String> = form.split_whitespace().map(str::to_string).collect();
        match words.len() {
            0 => {}
            1 => {
                self.words.entry(words[0].clone()).or_insert(id);
            }
            _ => {
                if !self.phrases.iter().any(|(w, _)| *w == words) {
                    self.phrases.push((words, id));
                }
            }
        }
    }

    fn finish(&mut self) {
        self.phrases
            .sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
    }

    /// The concept of one folded word, exactly.
    pub fn word(&self, w: &str) -> Option<&'static str> {
        self.words.get(w).copied()
    }

    /// Phrases (several words), longest first.
    pub fn phrases(&self) -> &[(Vec<String>, &'static str)] {
        &self.phrases
    }
}

/// A number qualifier as the extractor uses it.
#[derive(Debug, Clone)]
pub struct Qualifier {
    pub words: Vec<String>,
    pub means: Meaning,
}

/// Everything the claims and rules read from `lexicon/`.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    /// Predicate forms → predicate id ("killed", "members" …).
    pub predicates: WordIndex,
    /// Unit forms → unit id ("countries", "percent" …).
    pub units: WordIndex,
    /// Unit entry id → the unit its slot is keyed by (`counts-as`).
    pub counts_as: HashMap<&'static str, &'static str>,
    /// Unit entry id → (implied predicate, the forms that imply it; empty: all).
    pub implied: BTreeMap<&'static str, (&'static str, Vec<String>)>,
    /// Number qualifiers before the number, longest first.
    pub before: Vec<Qualifier>,
    /// Number qualifiers after the number or its unit, longest first.
    pub after: Vec<Qualifier>,
    /// Past qualifiers (folded single words).
    pub past: HashSet<String>,
    /// Attribution words (folded) → their roles.
    pub attribution: HashMap<String, Vec<AttributionRole>>,
    /// Event words (folded) → event id.
    pub event_words: HashMap<String, &'static str>,
    /// The events, in file order.
    pub events: Vec<EventInfo>,
    /// Words (folded) standing for the draft's country.
    pub country_anaphors: HashSet<String>,
    /// Generic titles (`titles*.yaml`), in file order.
    pub titles: Vec<WordsEntry>,
    /// Word lists about names (`names*.yaml`: given-names, honorifics).
    pub names: Vec<WordsEntry>,
}

impl Lexicon {
    /// The unit a slot is keyed by for unit entry `id`.
    pub fn counts_as(&self, id: &'static str) -> &'static str {
        self.counts_as.get(id).copied().unwrap_or(id)
    }

    /// Whether a folded word marks a title as past (السابق, former).
    pub fn is_past(&self, word: &str) -> bool {
        self.past.contains(word)
    }

    /// Builds the lexicon from files, reporting every problem.
    pub fn from_files(files: &Files) -> Result<Lexicon, LexiconErrors> {
        let mut errors = Vec::new();
        let mut lex = Lexicon::default();
        let predicates: Vec<PredicateEntry> = files.table("predicates", &mut errors);
        for p in &predicates {
            let id = intern(&p.id);
            for f in entry_forms(p.pos, &p.ar, &p.en, &p.irregular) {
                lex.predicates.add(&f, id);
            }
        }
        let units: Vec<UnitEntry> = files.table("units", &mut errors);
        for u in &units {
            let id = intern(&u.id);
            if let Some(c) = &u.counts_as {
                lex.counts_as.insert(id, intern(c));
            }
            for f in entry_forms(u.pos, &u.ar, &u.en, &u.irregular) {
                lex.units.add(&f, id);
            }
            if let Some(p) = &u.implies {
                if !predicates.iter().any(|e| &e.id == p) {
                    let path = files
                        .files
                        .iter()
                        .find(|f| f.table == "units" && f.text.contains(&format!("implies: {p}")));
                    let (line, column) = path.map_or((1, 1), |f| locate(&f.text, &u.id));
                    errors.push(LexiconError {
                        path: path.map_or("lexicon/units.yaml".to_string(), |f| f.path.clone()),
                        line,
                        column,
                        message: format!(
                            "`{}` implies `{p}`, which is no predicate in predicates*.yaml",
                            u.id
                        ),
                    });
                    continue;
                }
                let by = derive_forms(Pos::Fixed, &u.implied_by.ar, &u.implied_by.en);
                lex.implied.insert(id, (intern(p), by));
            }
        }
        lex.predicates.finish();
        lex.units.finish();
        let qualifiers: Vec<QualifierEntry> = files.table("qualifiers", &mut errors);
        for q in &qualifiers {
            let forms = entry_forms(q.pos, &q.ar, &q.en, &q.irregular);
            if q.means == Meaning::Past {
                lex.past
                    .extend(forms.into_iter().filter(|f| !f.contains(' ')));
                continue;
            }
            let list = match q.position {
                Position::Before => &mut lex.before,
                Position::After => &mut lex.after,
            };
            for f in forms {
                let words: Vec<String> = f.split_whitespace().map(str::to_string).collect();
                if !words.is_empty() && !list.iter().any(|q| q.words == words) {
                    list.push(Qualifier {
                        words,
                        means: q.means,
                    });
                }
            }
        }
        let attribution: Vec<AttributionEntry> = files.table("attribution", &mut errors);
        for a in &attribution {
            for f in entry_forms(a.pos, &a.ar, &a.en, &a.irregular) {
                let roles = lex.attribution.entry(f).or_default();
                if !roles.contains(&a.role) {
                    roles.push(a.role);
                }
            }
        }
        let events: Vec<EventEntry> = files.table("events", &mut errors);
        for e in &events {
            let id = intern(&e.id);
            for f in entry_forms(e.pos, &e.ar, &e.en, &e.irregular) {
                lex.event_words.entry(f).or_insert(id);
            }
            lex.events.push(EventInfo {
                id,
                once: e.once,
                fact: e.fact.as_deref().map(intern),
            });
        }
        let coreference: Vec<CoreferenceEntry> = files.table("coreference", &mut errors);
        for c in coreference.iter().filter(|c| c.id == "country") {
            lex.country_anaphors
                .extend(entry_forms(c.pos, &c.ar, &c.en, &c.irregular));
        }
        lex.titles = files.table("titles", &mut errors);
        lex.names = files.table("names", &mut errors);
        // Longest first, so "ما لا يقل عن" wins over "لا يقل عن".
        for list in [&mut lex.before, &mut lex.after] {
            list.sort_by_key(|q| std::cmp::Reverse(q.words.len()));
        }
        if errors.is_empty() {
            Ok(lex)
        } else {
            Err(LexiconErrors(errors))
        }
    }

    /// The shipped lexicon plus newsroom folders.
    pub fn load(dirs: &[PathBuf]) -> Result<Lexicon, LexiconErrors> {
        let mut files = Files::shipped();
        let mut errors = Vec::new();
        for dir in dirs {
            files.add_dir(dir, &mut errors);
        }
        match Lexicon::from_files(&files) {
            Ok(lex) if errors.is_empty() => Ok(lex),
            Ok(_) => Err(LexiconErrors(errors)),
            Err(LexiconErrors(more)) => {
                errors.extend(more);
                Err(LexiconErrors(errors))
            }
        }
    }
}

static INSTALLED: OnceLock<(Vec<PathBuf>, Lexicon)> = OnceLock::new();

/// The lexicon of this process: the shipped one unless [`install`] ran first.
pub fn get() -> &'static Lexicon {
    &INSTALLED
        .get_or_init(|| {
            (
                Vec::new(),
                Lexicon::load(&[]).expect("the shipped lexicon is valid (checked by its tests)"),
            )
        })
        .1
}

/// Makes the shipped lexicon plus `dirs` the lexicon of this process. The
/// first call wins; a later call with other folders is an error (one run,
/// one lexicon), with the same folders it does nothing.
pub fn install(dirs: &[PathBuf]) -> Result<(), String> {
    if let Some((installed, _)) = INSTALLED.get() {
        return if installed == dirs {
            Ok(())
        } else {
            Err(format!(
                "lexicon folders differ within one run ({} vs {}): give every config the same `lexicons:`",
                show_dirs(installed),
                show_dirs(dirs)
            ))
        };
    }
    let lex = Lexicon::load(dirs).map_err(|e| e.to_string())?;
    let _ = INSTALLED.set((dirs.to_vec(), lex));
    match INSTALLED.get() {
        Some((installed, _)) if installed == dirs => Ok(()),
        _ => Err("the lexicon was already in use when its folders were given".to_string()),
    }
}

fn show_dirs(dirs: &[PathBuf]) -> String {
    if dirs.is_empty() {
        return "none".to_string();
    }
    dirs.iter()
        .map(|d| d.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

fn file_error(path: String, message: impl Into<String>) -> LexiconError {
    LexiconError {
        path,
        line: 1,
        column: 1,
        message: message.into(),
    }
}

/// Where `id: <id>` is written in a file (line and column of the id).
fn locate(text: &str, id: &str) -> (usize, usize) {
    locate_nth(text, id, 0)
}

/// Where the `nth` (from 0) `id: <id>` is written.
fn locate_nth(text: &str, id: &str, mut nth: usize) -> (usize, usize) {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start_matches([' ', '-']);
        if let Some(rest) = trimmed.strip_prefix("id:") {
            if rest.trim().trim_matches(['"', '\'']) == id {
                if nth > 0 {
                    nth -= 1;
                    offset += line.len();
                    continue;
                }
                let at = offset + line.len() - trimmed.len();
                return line_col(text, at);
            }
        }
        offset += line.len();
    }
    (1, 1)
}

fn collect(dir: &Path, paths: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let Ok(file_type) = entry.file_type() else {
            continue;
        };
        if file_type.is_dir() {
            collect(&path, paths);
        } else if path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
            paths.push(path);
        }
    }
}

/// Reads shipped file `path` into `T` from its YAML and from its JSON and
/// checks the two agree (a scalar YAML reads as a string but JSON holds as a
/// number would differ here), for the tests of each reader.
#[cfg(test)]
pub(crate) fn assert_json_reads_as_yaml<T: DeserializeOwned + fmt::Debug>(path: &str) {
    let (_, yaml) = EMBEDDED_LEXICON
        .iter()
        .find(|&&(p, _)| p == path)
        .unwrap_or_else(|| panic!("{path} is not shipped"));
    let from_yaml: T = serde_norway::from_str(yaml).unwrap_or_else(|e| panic!("{path}: {e}"));
    let json = shipped_json(path, yaml).unwrap_or_else(|| panic!("no JSON made of {path}"));
    let from_json: T = serde_json::from_str(json).unwrap_or_else(|e| panic!("{path}: {e}"));
    assert_eq!(format!("{from_yaml:?}"), format!("{from_json:?}"), "{path}");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_tables_read_the_same_from_json_and_yaml() {
        let paths: Vec<&str> = EMBEDDED_LEXICON.iter().map(|&(p, _)| p).collect();
        let json_paths: Vec<&str> = EMBEDDED_LEXICON_JSON.iter().map(|&(p, _)| p).collect();
        assert_eq!(paths, json_paths);
        let mut read = 0;
        for path in paths {
            match table_of(Path::new(path)) {
                Some("predicates") => {
                    assert_json_reads_as_yaml::<Option<Vec<PredicateEntry>>>(path)
                }
                Some("units") => assert_json_reads_as_yaml::<Option<Vec<UnitEntry>>>(path),
                Some("qualifiers") => {
                    assert_json_reads_as_yaml::<Option<Vec<QualifierEntry>>>(path)
                }
                Some("attribution") => {
                    assert_json_reads_as_yaml::<Option<Vec<AttributionEntry>>>(path);
                }
                Some("events") => assert_json_reads_as_yaml::<Option<Vec<EventEntry>>>(path),
                Some("coreference") => {
                    assert_json_reads_as_yaml::<Option<Vec<CoreferenceEntry>>>(path);
                }
                Some("titles" | "names") => {
                    assert_json_reads_as_yaml::<Option<Vec<WordsEntry>>>(path)
                }
                Some(other) => panic!("table {other} has no reader in this test"),
                None => continue,
            }
            read += 1;
        }
        assert_eq!(read, TABLES.len(), "one shipped file per table");
    }

    #[test]
    fn a_newsroom_file_at_a_shipped_path_is_read_from_its_own_text() {
        let (path, text) = EMBEDDED_LEXICON[0];
        assert!(shipped_json(path, text).is_some());
        assert!(shipped_json(path, &format!("{text}\n# changed\n")).is_none());
        assert!(shipped_json("desk/predicates.yaml", text).is_none());
    }

    #[test]
    fn shipped_lexicon_loads() {
        let lex = Lexicon::load(&[]).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(lex.predicates.word("قتل"), Some("killed"));
        assert_eq!(lex.units.word("دوله"), Some("countries"));
        assert_eq!(lex.counts_as(lex.units.word("قتيلا").unwrap()), "people");
        assert!(lex.past.contains("السابق"));
        assert!(!lex.before.is_empty());
    }

    #[test]
    fn table_comes_from_the_file_name() {
        assert_eq!(table_of(Path::new("predicates.yaml")), Some("predicates"));
        assert_eq!(table_of(Path::new("units-local.yml")), Some("units"));
        assert_eq!(table_of(Path::new("unitsx.yaml")), None);
        assert_eq!(table_of(Path::new("function-words.yaml")), None);
    }

    #[test]
    fn derived_forms() {
        let verb = derive_forms(Pos::Verb, &["قتل".into()], &["kill".into()]);
        for want in [
            "قتل",
            "قتلت",
            "قتلوا",
            "يقتل",
            "تقتل",
            "kills",
            "killed",
            "killing",
        ] {
            assert!(verb.iter().any(|f| f == want), "{want} in {verb:?}");
        }
        let noun = derive_forms(Pos::Noun, &["قتيل".into()], &["casualty".into()]);
        for want in ["قتيلا", "قتيله", "casualties"] {
            assert!(noun.iter().any(|f| f == want), "{want} in {noun:?}");
        }
    }

    fn files(list: &[(&'static str, &str)]) -> Files {
        let mut files = Files::shipped();
        for (path, text) in list {
            files.files.push(LexiconFile {
                table: table_of(Path::new(path)).expect("a table file"),
                path: path.to_string(),
                text: text.to_string(),
            });
        }
        files
    }

    #[test]
    fn newsroom_entries_extend_and_add() {
        let f = files(&[(
            "desk/predicates-local.yaml",
            "- id: killed\n  ar: [استشهد]\n- id: kidnapped\n  pos: verb\n  ar: [خطف]\n  en: [kidnap]\n",
        )]);
        let lex = Lexicon::from_files(&f).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(lex.predicates.word("استشهد"), Some("killed"));
        assert_eq!(lex.predicates.word("خطفوا"), Some("kidnapped"));
        assert_eq!(lex.predicates.word("kidnaps"), Some("kidnapped"));
    }

    #[test]
    fn errors_name_path_line_and_column() {
        let f = files(&[(
            "desk/qualifiers-x.yaml",
            "- id: roughly\n  means: about\n  en: [roughly]\n- id: odd\n  means: sideways\n",
        )]);
        let err = Lexicon::from_files(&f).unwrap_err().to_string();
        assert!(err.starts_with("desk/qualifiers-x.yaml:5:"), "{err}");
        assert!(err.contains("sideways"), "{err}");
        let f = files(&[("desk/units-x.yaml", "- id: tanks\n  colour: red\n")]);
        let err = Lexicon::from_files(&f).unwrap_err().to_string();
        assert!(err.starts_with("desk/units-x.yaml:2:"), "{err}");
        let f = files(&[(
            "desk/units-x.yaml",
            "- id: tanks\n  en: [tank]\n- id: tanks\n  en: [tanks]\n",
        )]);
        let err = Lexicon::from_files(&f).unwrap_err().to_string();
        assert!(err.starts_with("desk/units-x.yaml:3:3: duplicate"), "{err}");
    }
}
