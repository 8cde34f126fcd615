//! The word lists of quote attribution, events and coreference:
//! `lexicon/attribution.yaml`, `lexicon/events.yaml` and
//! `lexicon/coreference.yaml`, read by the lexicon loader ([`crate::lexicon`])
//! with a newsroom's own folders.
//!
//! Lookups take a folded draft word and try it with its proclitics removed
//! ([`clitic_forms`]), so the files list words without و، ف، ب، ل.

use super::tokens::clitic_forms;
pub(crate) use crate::lexicon::AttributionRole as Role;
use crate::lexicon::{EventInfo, Lexicon};

/// The word lists of this process.
pub(crate) struct Words {
    lexicon: &'static Lexicon,
}

impl Words {
    /// Whether the folded `word` (a proclitic allowed) has `role`.
    pub(crate) fn is(&self, word: &str, role: Role) -> bool {
        clitic_forms(word).iter().any(|f| {
            self.lexicon
                .attribution
                .get(f.as_ref())
                .is_some_and(|r| r.contains(&role))
        })
    }

    /// The event a folded word names exactly (no clitic handling).
    pub(crate) fn event_exact(&self, word: &str) -> Option<&'static EventInfo> {
        let id = self.lexicon.event_words.get(word)?;
        self.event(id)
    }

    /// Whether the folded `word` (a proclitic allowed) stands for the
    /// draft's country ("البلاد", "country" after "the").
    pub(crate) fn is_country_anaphor(&self, word: &str) -> bool {
        clitic_forms(word)
            .iter()
            .any(|f| self.lexicon.country_anaphors.contains(f.as_ref()))
    }

    /// The event with this id.
    pub(crate) fn event(&self, id: &str) -> Option<&'static EventInfo> {
        self.lexicon.events.iter().find(|e| e.id == id)
    }
}

/// The word lists of this process (the installed lexicon).
pub(crate) fn words() -> Words {
    Words {
        lexicon: crate::lexicon::get(),
    }
}

/// Whether the folded `word` is a speech verb or participle (قال، وأضاف،
/// قائلاً، said …).
pub(crate) fn is_speech_verb(word: &str) -> bool {
    let w = words();
    w.is(word, Role::Verb) || w.is(word, Role::Participle)
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
        assert!(is_speech_verb("قائلا"));
        assert!(!is_speech_verb("الشرع"));
        assert!(w.is("he", Role::Pronoun));
        assert!(w.is("باسم", Role::Proxy));
        assert_eq!(w.event_exact("اجتماع").map(|e| e.id), Some("meeting"));
        assert!(w.event("formation").is_some_and(|e| e.once));
        assert_eq!(w.event("formation").and_then(|e| e.fact), Some("founded"));
        assert!(w.is_country_anaphor("بالبلاد"));
        assert!(w.is_country_anaphor("country"));
        assert!(!w.is_country_anaphor("بلديه"));
    }
}
