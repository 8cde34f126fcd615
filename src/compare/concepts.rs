//! Language-independent slot keys: the unit of a quantity as one id in
//! both versions of a story (`lexicon/concepts.yaml`).
//!
//! Entity ids, predicate lemmas and event lemmas are the same whatever the
//! draft's language; a unit the claim extractor does not know is the noun
//! as written (صواريخ, missiles), so Arabic and English claims about the
//! same count would land in different slots without this table.

use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

use serde::Deserialize;

use crate::claims::slots::unit_lemma;
use crate::normalize::fold_str;

/// `lexicon/concepts.yaml`, embedded.
const CONCEPTS: &str = include_str!("../../lexicon/concepts.yaml");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConceptsFile {
    units: BTreeMap<String, Vec<String>>,
}

/// Unit lemma (as the extractor writes it) → concept id.
fn units() -> &'static HashMap<String, String> {
    static UNITS: OnceLock<HashMap<String, String>> = OnceLock::new();
    UNITS.get_or_init(|| {
        let file: ConceptsFile = serde_norway::from_str(CONCEPTS)
            .expect("lexicon/concepts.yaml is valid (checked by the compare tests)");
        let mut map = HashMap::new();
        for (concept, forms) in file.units {
            for form in forms {
                if let Some(lemma) = unit_lemma(&fold_str(&form)) {
                    map.insert(lemma, concept.clone());
                }
            }
        }
        map
    })
}

/// The language-independent id of a unit lemma: its concept when the
/// table lists it, else the lemma itself.
pub(crate) fn unit_concept(unit: &str) -> &str {
    units().get(unit).map_or(unit, String::as_str)
}

/// The unit lemmas `claims::slots::unit_exact` gives (its match arms).
const EXTRACTOR_UNITS: [&str; 10] = [
    "countries",
    "people",
    "fighters",
    "civilians",
    "operations",
    "arrests",
    "projects",
    "percent",
    "usd",
    "years",
];

/// Whether a unit concept is one both languages are known to share: a unit
/// the extractor knows, or one this table lists. Other units are a noun
/// as written in one language, never found in the other version.
pub(crate) fn is_shared(concept: &str) -> bool {
    EXTRACTOR_UNITS.contains(&concept) || units().values().any(|c| c == concept)
}

/// The unit concept of a quantity as written ("ستة أشهر", "seven months"):
/// the unit lemma of its last word, when that is a shared concept.
pub(crate) fn written_unit(text: &str) -> Option<&'static str> {
    let last = text.split_whitespace().last()?;
    let lemma = unit_lemma(&fold_str(last))?;
    let concept = unit_concept(&lemma);
    let shared = EXTRACTOR_UNITS
        .iter()
        .copied()
        .chain(units().values().map(String::as_str))
        .find(|c| *c == concept);
    shared
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Case {
        /// A unit as the extractor reads it from the draft.
        written: &'static str,
        want: &'static str,
    }

    #[test]
    fn arabic_and_english_units_meet() {
        let cases = [
            // Unknown to the extractor: the table joins them.
            Case {
                written: "صاروخا",
                want: "missiles",
            },
            Case {
                written: "صواريخ",
                want: "missiles",
            },
            Case {
                written: "rockets",
                want: "missiles",
            },
            Case {
                written: "الجنود",
                want: "soldiers",
            },
            Case {
                written: "troops",
                want: "soldiers",
            },
            // Known to the extractor already: unchanged.
            Case {
                written: "دولة",
                want: "countries",
            },
            Case {
                written: "countries",
                want: "countries",
            },
            // Not listed: the lemma stays as it is.
            Case {
                written: "زيتونة",
                want: "زيتونه",
            },
        ];
        for case in cases {
            let lemma = unit_lemma(&fold_str(case.written)).expect("a unit");
            assert_eq!(unit_concept(&lemma), case.want, "{}", case.written);
        }
    }

    #[test]
    fn every_form_is_a_unit() {
        let file: ConceptsFile = serde_norway::from_str(CONCEPTS).expect("valid yaml");
        for (concept, forms) in &file.units {
            for form in forms {
                assert!(
                    unit_lemma(&fold_str(form)).is_some(),
                    "{concept}: `{form}` is not read as a unit"
                );
            }
        }
    }
}
