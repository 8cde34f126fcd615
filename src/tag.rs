//! Tagging: one Aho-Corasick automaton over every folded name, family name,
//! acronym and demonym of the gazetteer, plus the clitic and boundary rules of
//! DESIGN.md §6 that decide whether a raw match is a mention.
//!
//! The automaton runs leftmost-longest over the folded draft. A raw match is
//! accepted only when the letters between the token start and the match are
//! an allowed proclitic for that kind of name, and the letters after it are
//! an allowed suffix (none for names, ة ون ين ان ات for demonyms). A rejected
//! match resumes the search one character later, so a bad candidate never
//! hides a good one that starts inside it.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Input, MatchKind};
use serde::Serialize;

use crate::clitics::is_arabic_letter;
use crate::gazetteer::{EntityIndex, EntityKind, Gazetteer};
use crate::normalize::{fold_str, is_word_char, Folded};

/// How a mention matched its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum AliasForm {
    /// A full name ("أحمد الشرع", "Syria").
    Name,
    /// An acronym ("داعش", "ISIS").
    Acronym,
    /// A demonym ("السوري", "American").
    Demonym,
    /// A family name standing alone ("الشرع"), resolved later.
    Family,
}

impl AliasForm {
    pub fn as_str(self) -> &'static str {
        match self {
            AliasForm::Name => "name",
            AliasForm::Acronym => "acronym",
            AliasForm::Demonym => "demonym",
            AliasForm::Family => "family",
        }
    }
}

/// A raw tagger hit before coreference: the whole token span (clitic and
/// suffix included) in original byte offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Hit {
    pub start: usize,
    pub end: usize,
    /// The same span in the folded text.
    pub folded_start: usize,
    pub folded_end: usize,
    /// Candidate entities; more than one only for a shared family name.
    pub entities: Vec<EntityIndex>,
    pub form: AliasForm,
    /// The gazetteer form that matched (of the first candidate).
    pub alias: String,
    /// The proclitic letters before the name, folded ("و", "لل").
    pub clitic: String,
}

#[derive(Debug, Clone)]
struct Target {
    entity: EntityIndex,
    kind: EntityKind,
    form: AliasForm,
    alias: String,
    /// The pattern is the alias with its leading alef dropped ("لشرع" for
    /// "الشرع"), so it only counts after a lam (للشرع).
    via_lam: bool,
    /// Latin alias whose capitalisation must be respected in the draft.
    latin_case: LatinCase,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LatinCase {
    /// Not Latin, or no constraint.
    Any,
    /// First letter must be uppercase in the draft ("Trump", not "trump").
    Capitalized,
    /// Exact case ("IS", "ISIS", "SDF").
    Exact,
}

/// The compiled gazetteer automaton. Build once, share behind an `Arc`.
#[derive(Debug)]
pub struct Tagger {
    automaton: AhoCorasick,
    patterns: Vec<Vec<Target>>,
    keys: HashMap<String, usize>,
}

/// Up to this many keys the automaton is built as a full DFA.
const DFA_MAX_KEYS: usize = 500;

const ARTICLE_PREFIXES: [&str; 12] = [
    "ال", "وال", "فال", "بال", "كال", "لل", "وبال", "فبال", "وكال", "فكال", "ولل", "فلل",
];
const CONJUNCTIONS: [&str; 2] = ["و", "ف"];
const PREPOSITIONS: [&str; 3] = ["ب", "ل", "ك"];
const DEMONYM_SUFFIXES_AR: [&str; 6] = ["ه", "ون", "ين", "ان", "ات", "تين"];

/// Words that begin with a clitic-looking letter but are themselves names or
/// ordinary words: never read them as clitic + name. Folded forms.
const NEVER_STRIP: [&str; 34] = [
    "وليد",
    "وائل",
    "وسام",
    "وفاء",
    "وديع",
    "وجدي",
    "وحيد",
    "وفيق",
    "فريد",
    "فادي",
    "فراس",
    "فيصل",
    "فؤاد",
    "فاتن",
    "فاطمه",
    "فايز",
    "فهد",
    "بسام",
    "باسل",
    "باسم",
    "بكر",
    "بلال",
    "بدر",
    "بشير",
    "بشري",
    "كمال",
    "كريم",
    "كامل",
    "كاظم",
    "لبني",
    "ليلي",
    "لؤي",
    "لينا",
    "لبيب",
];

/// Whether `prefix` (folded letters between the token start and the match)
/// is an allowed proclitic for `target`.
fn prefix_allowed(prefix: &str, target: &Target, key: &str) -> bool {
    if target.via_lam {
        return matches!(prefix, "ل" | "ول" | "فل");
    }
    if prefix.is_empty() {
        return true;
    }
    if !key.chars().next().is_some_and(is_arabic_letter) {
        return false;
    }
    // Conjunction, then preposition: و ف ب ل ك وب ول وك فب فل فك.
    let (conj, rest) = match CONJUNCTIONS.iter().find(|c| prefix.starts_with(**c)) {
        Some(c) => (true, &prefix[c.len()..]),
        None => (false, prefix),
    };
    let simple = rest.is_empty() && conj || PREPOSITIONS.contains(&rest);
    let key_has_article = key.starts_with("ال");
    if simple {
        // ل + a key that begins with ال is spelled للـ (handled by via_lam):
        // "لالعراق" is not a word.
        return !(key_has_article && rest == "ل");
    }
    // The article, alone or after clitics, never before a person's name and
    // never before a key that already has one.
    ARTICLE_PREFIXES.contains(&prefix) && target.kind != EntityKind::Person && !key_has_article
}

fn suffix_allowed(suffix: &str, target: &Target) -> bool {
    if suffix.is_empty() {
        return true;
    }
    match target.form {
        AliasForm::Demonym => {
            if suffix.chars().all(|c| c.is_ascii_alphabetic()) {
                suffix == "s"
            } else {
                DEMONYM_SUFFIXES_AR.contains(&suffix)
            }
        }
        _ => false,
    }
}

fn latin_case_of(alias: &str, form: AliasForm) -> LatinCase {
    let first = alias.chars().find(|c| c.is_alphabetic());
    match first {
        Some(c) if c.is_ascii_alphabetic() => {
            let letters: Vec<char> = alias.chars().filter(|c| c.is_alphabetic()).collect();
            if form == AliasForm::Acronym || letters.iter().all(|c| c.is_uppercase()) {
                LatinCase::Exact
            } else if c.is_uppercase() {
                LatinCase::Capitalized
            } else {
                LatinCase::Any
            }
        }
        _ => LatinCase::Any,
    }
}

/// Builds a [`Tagger`] from a gazetteer.
#[derive(Debug, Default)]
pub struct TaggerBuilder {}

impl TaggerBuilder {
    pub fn new() -> TaggerBuilder {
        TaggerBuilder {}
    }

    /// Compiles every alias of `gazetteer` into one automaton.
    ///
    /// # Panics
    /// Never on gazetteer input: aliases that fold to nothing are skipped.
    pub fn build(&self, gazetteer: &Gazetteer) -> Tagger {
        let mut keys: HashMap<String, usize> = HashMap::new();
        let mut patterns: Vec<Vec<Target>> = Vec::new();
        let mut key_list: Vec<String> = Vec::new();
        let mut add = |key: String, target: Target| {
            if key.chars().filter(|c| is_word_char(*c)).count() < 2 {
                return;
            }
            let id = *keys.entry(key.clone()).or_insert_with(|| {
                patterns.push(Vec::new());
                key_list.push(key);
                patterns.len() - 1
            });
            let targets = &mut patterns[id];
            if !targets.iter().any(|t| {
                t.entity == target.entity && t.form == target.form && t.via_lam == target.via_lam
            }) {
                targets.push(target);
            }
        };
        for (index, entity) in gazetteer.entities().iter().enumerate() {
            let forms = [
                (AliasForm::Name, &entity.names),
                (AliasForm::Acronym, &entity.acronyms),
                (AliasForm::Demonym, &entity.demonyms),
                (AliasForm::Family, &entity.family),
            ];
            for (form, names) in forms {
                for alias in names.all() {
                    let key = fold_str(alias);
                    let target = Target {
                        entity: index,
                        kind: entity.kind,
                        form,
                        alias: alias.to_string(),
                        via_lam: false,
                        latin_case: latin_case_of(alias, form),
                    };
                    if let Some(rest) = key.strip_prefix("ال") {
                        let lam_key = format!("ل{rest}");
                        add(
                            lam_key,
                            Target {
                                via_lam: true,
                                ..target.clone()
                            },
                        );
                    }
                    add(key, target);
                }
            }
        }
        // A full DFA searches fastest but its size grows with the patterns;
        // past a newsroom-sized gazetteer let the crate choose.
        let kind = (key_list.len() <= DFA_MAX_KEYS).then_some(AhoCorasickKind::DFA);
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(kind)
            .build(&key_list)
            .expect("gazetteer keys are plain strings; the automaton is within size limits");
        Tagger {
            automaton,
            patterns,
            keys,
        }
    }
}

impl Tagger {
    /// Finds every mention in a folded draft. `original` is the text that
    /// `folded` was made from.
    pub(crate) fn hits(&self, original: &str, folded: &Folded) -> Vec<Hit> {
        let text = folded.text();
        let mut hits = Vec::new();
        let mut pos = 0;
        while pos < text.len() {
            let Some(m) = self.automaton.find(Input::new(text).span(pos..text.len())) else {
                break;
            };
            match self.accept(original, folded, m.pattern().as_usize(), m.start(), m.end()) {
                Some(hit) => {
                    pos = hit.folded_end;
                    hits.push(hit);
                }
                None => {
                    let step = text[m.start()..].chars().next().map_or(1, char::len_utf8);
                    pos = m.start() + step;
                }
            }
        }
        hits
    }

    fn accept(
        &self,
        original: &str,
        folded: &Folded,
        pattern: usize,
        start: usize,
        end: usize,
    ) -> Option<Hit> {
        let text = folded.text();
        let token_start = text[..start]
            .char_indices()
            .rev()
            .take_while(|&(_, c)| is_word_char(c))
            .last()
            .map_or(start, |(i, _)| i);
        let prefix = &text[token_start..start];
        if prefix.chars().count() > 4 || prefix.chars().any(|c| !is_arabic_letter(c)) {
            return None;
        }
        let token_end = text[end..]
            .char_indices()
            .find(|&(_, c)| !is_word_char(c))
            .map_or(text.len(), |(i, _)| end + i);
        let suffix = &text[end..token_end];
        let key = &text[start..end];
        if !prefix.is_empty() && NEVER_STRIP.contains(&&text[token_start..token_end]) {
            return None;
        }
        let mut accepted: Vec<&Target> = self.patterns[pattern]
            .iter()
            .filter(|t| {
                prefix_allowed(prefix, t, key)
                    && suffix_allowed(suffix, t)
                    && case_allowed(original, folded, start, end, t)
            })
            .collect();
        if accepted.is_empty() {
            return None;
        }
        // "السورية": a place name (سورية) after the article is the demonym
        // سوري + ة, not the country.
        let mut form = best_form(&accepted);
        if form == AliasForm::Name
            && ARTICLE_PREFIXES.contains(&prefix)
            && suffix.is_empty()
            && key.ends_with('ه')
        {
            if let Some(&p) = self.keys.get(&key[..key.len() - 'ه'.len_utf8()]) {
                let demonyms: Vec<&Target> = self.patterns[p]
                    .iter()
                    .filter(|t| t.form == AliasForm::Demonym)
                    .collect();
                if !demonyms.is_empty() {
                    accepted = demonyms;
                    form = AliasForm::Demonym;
                }
            }
        }
        accepted.retain(|t| t.form == form);
        let mut entities: Vec<EntityIndex> = accepted.iter().map(|t| t.entity).collect();
        entities.dedup();
        let range = folded.original_range(token_start..token_end);
        Some(Hit {
            start: range.start,
            end: range.end,
            folded_start: token_start,
            folded_end: token_end,
            entities,
            form,
            alias: accepted[0].alias.clone(),
            clitic: prefix.to_string(),
        })
    }
}

fn best_form(targets: &[&Target]) -> AliasForm {
    targets
        .iter()
        .map(|t| t.form)
        .min()
        .unwrap_or(AliasForm::Name)
}

fn case_allowed(
    original: &str,
    folded: &Folded,
    start: usize,
    end: usize,
    target: &Target,
) -> bool {
    if target.latin_case == LatinCase::Any {
        return true;
    }
    let range = folded.original_range(start..end);
    let Some(written) = original.get(range) else {
        return false;
    };
    match target.latin_case {
        LatinCase::Any => true,
        LatinCase::Exact => written == target.alias,
        LatinCase::Capitalized => written
            .chars()
            .find(|c| c.is_alphabetic())
            .is_some_and(char::is_uppercase),
    }
}

#[cfg(test)]
mod tests;
