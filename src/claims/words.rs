//! The word lists of quote attribution and of events, read from
//! `lexicon/attribution.yaml` and `lexicon/events.yaml` (DESIGN.md §10),
//! embedded at build time and folded once per process.
//!
//! Lookups take a folded draft word and try it with its proclitics removed
//! ([`clitic_forms`]), so the files list words without و، ف، ب، ل.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Deserialize;

use super::tokens::clitic_forms;
use crate::normalize::fold_str;

const ATTRIBUTION: &str = include_str!("../../lexicon/attribution.yaml");
const EVENTS: &str = include_str!("../../lexicon/events.yaml");
const COREFERENCE: &str = include_str!("../../lexicon/coreference.yaml");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CoreferenceEntry {
    id: String,
    #[serde(default)]
    ar: Vec<String>,
    #[serde(default)]
    en: Vec<String>,
}

/// How an attribution word is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Role {
    Verb,
    Participle,
    Pronoun,
    Proxy,
    Source,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct AttributionEntry {
    #[allow(dead_code)]
    id: String,
    role: Role,
    #[serde(default)]
    ar: Vec<String>,
    #[serde(default)]
    en: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct EventEntry {
    id: String,
    #[serde(default)]
    once: bool,
    #[serde(default)]
    fact: Option<String>,
    #[serde(default)]
    ar: Vec<String>,
    #[serde(default)]
    en: Vec<String>,
}

/// An event of `lexicon/events.yaml`.
#[derive(Debug)]
pub(crate) struct Event {
    pub id: &'static str,
    pub once: bool,
    pub fact: Option<&'static str>,
}

pub(crate) struct Words {
    /// Folded attribution word → its roles (a word may have two: عن is a
    /// proxy, "to" a source).
    attribution: HashMap<String, Vec<Role>>,
    /// Folded event word → index into `events`.
    event_words: HashMap<String, usize>,
    events: Vec<Event>,
    /// Folded words standing for the draft's country.
    country: Vec<String>,
}

fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

impl Words {
    fn load() -> Words {
        let attribution_entries: Vec<AttributionEntry> = serde_norway::from_str(ATTRIBUTION)
            .expect("lexicon/attribution.yaml is valid (checked by the tests)");
        let mut attribution: HashMap<String, Vec<Role>> = HashMap::new();
        for e in attribution_entries {
            for w in e.ar.iter().chain(&e.en) {
                let roles = attribution.entry(fold_str(w.trim())).or_default();
                if !roles.contains(&e.role) {
                    roles.push(e.role);
                }
            }
        }
        let event_entries: Vec<EventEntry> = serde_norway::from_str(EVENTS)
            .expect("lexicon/events.yaml is valid (checked by the tests)");
        let mut event_words = HashMap::new();
        let mut events = Vec::new();
        for e in event_entries {
            let index = events.len();
            for w in e.ar.iter().chain(&e.en) {
                event_words.entry(fold_str(w.trim())).or_insert(index);
            }
            events.push(Event {
                id: leak(e.id),
                once: e.once,
                fact: e.fact.map(leak),
            });
        }
        let coreference: Vec<CoreferenceEntry> = serde_norway::from_str(COREFERENCE)
            .expect("lexicon/coreference.yaml is valid (checked by the tests)");
        let country = coreference
            .iter()
            .filter(|e| e.id == "country")
            .flat_map(|e| e.ar.iter().chain(&e.en))
            .map(|w| fold_str(w.trim()))
            .collect();
        Words {
            attribution,
            event_words,
            events,
            country,
        }
    }

    /// Whether the folded `word` (a proclitic allowed) has `role`.
    pub(crate) fn is(&self, word: &str, role: Role) -> bool {
        clitic_forms(word).iter().any(|f| {
            self.attribution
                .get(f.as_ref())
                .is_some_and(|r| r.contains(&role))
        })
    }

    /// The event a folded word names exactly (no clitic handling).
    pub(crate) fn event_exact(&self, word: &str) -> Option<&Event> {
        self.event_words.get(word).map(|&i| &self.events[i])
    }

    /// Whether the folded `word` (a proclitic allowed) stands for the
    /// draft's country ("البلاد", "country" after "the").
    pub(crate) fn is_country_anaphor(&self, word: &str) -> bool {
        clitic_forms(word)
            .iter()
            .any(|f| self.country.iter().any(|c| c == f.as_ref()))
    }

    /// The event with this id.
    pub(crate) fn event(&self, id: &str) -> Option<&Event> {
        self.events.iter().find(|e| e.id == id)
    }
}

/// The word lists, loaded on first use.
pub(crate) fn words() -> &'static Words {
    static WORDS: OnceLock<Words> = OnceLock::new();
    WORDS.get_or_init(Words::load)
}

/// Whether the folded `word` is a speech verb (قال، وأضاف، said …).
pub(crate) fn is_speech_verb(word: &str) -> bool {
    let w = words();
    w.is(word, Role::Verb) || w.is(word, Role::Participle)
}

/// Every folded form listed in the attribution lexicon with `role`, sorted
/// (for tests and docs).
#[cfg(test)]
pub(crate) fn listed(role: Role) -> Vec<String> {
    let mut out: Vec<String> = words()
        .attribution
        .iter()
        .filter(|(_, r)| r.contains(&role))
        .map(|(w, _)| w.clone())
        .collect();
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicons_load() {
        let w = words();
        assert!(is_speech_verb("وقال"));
        assert!(is_speech_verb("said"));
        assert!(is_speech_verb("واضاف"));
        assert!(!is_speech_verb("الشرع"));
        assert!(w.is("he", Role::Pronoun));
        assert!(w.is("باسم", Role::Proxy));
        assert_eq!(w.event_exact("اجتماع").map(|e| e.id), Some("meeting"));
        assert!(w.event("formation").is_some_and(|e| e.once));
        assert_eq!(
            w.event("formation").and_then(|e| e.fact),
            Some("founded")
        );
        assert!(!listed(Role::Verb).is_empty());
        assert!(w.is_country_anaphor("بالبلاد"));
        assert!(w.is_country_anaphor("country"));
        assert!(!w.is_country_anaphor("بلدية"));
    }
}
