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
//!
//! At a newsroom's gazetteer size many names are also ordinary words, so a
//! raw match must also pass the precision rules of DESIGN.md §9:
//! - a token written exactly like a function word (على، أمام، فإن، بأن), alone
//!   or after a proclitic, is never a name, whatever it folds to; a one-word
//!   alias that folds like a function word (علي، إمام) is `ambiguous`;
//! - a proclitic or the article is stripped only when what remains is a
//!   plausible name: never a remainder of two letters, never from a word listed
//!   as one word (بيان، بلاد، آلاف; وليد), and the article only before
//!   demonyms and organizations (a place or person that takes the article has
//!   it in its gazetteer name: العراق، الشرع);
//! - Arabic proclitics attach to Latin names too ("وDell", "بـCNN").
//!
//! The word lists are data: `lexicon/function-words.yaml`.

use std::collections::{HashMap, HashSet};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Input, MatchKind};
use serde::{Deserialize, Serialize};

use crate::clitics::is_arabic_letter;
use crate::gazetteer::{EntityIndex, EntityKind, Gazetteer, Names};
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
    /// The alias is an everyday word for every candidate (the gazetteer's
    /// `ambiguous`, or a one-word alias that folds like a function word):
    /// coreference keeps it only with support in the draft.
    pub ambiguous: bool,
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
    /// See [`Hit::ambiguous`].
    ambiguous: bool,
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
    words: WordLists,
}

const ARTICLE_PREFIXES: [&str; 12] = [
    "ال", "وال", "فال", "بال", "كال", "لل", "وبال", "فبال", "وكال", "فكال", "ولل", "فلل",
];
const CONJUNCTIONS: [&str; 2] = ["و", "ف"];
const PREPOSITIONS: [&str; 3] = ["ب", "ل", "ك"];
const DEMONYM_SUFFIXES_AR: [&str; 6] = ["ه", "ون", "ين", "ان", "ات", "تين"];

/// `lexicon/function-words.yaml`, embedded.
const WORD_LISTS: &str = include_str!("../lexicon/function-words.yaml");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct WordListsFile {
    function_words: Names,
    not_clitic: Names,
}

/// The words the tagger never reads as names, compiled from
/// [`WORD_LISTS`].
#[derive(Debug, Default)]
struct WordLists {
    /// Folded function word → its written forms (diacritics dropped).
    function: HashMap<String, Vec<String>>,
    /// Longest folded function word, in bytes, with room for two proclitics.
    function_max_len: usize,
    /// Folded words never read as proclitic + name.
    not_clitic: HashSet<String>,
}

impl WordLists {
    fn embedded() -> WordLists {
        let file: WordListsFile = serde_norway::from_str(WORD_LISTS)
            .expect("lexicon/function-words.yaml is valid (checked by the tagger tests)");
        let mut lists = WordLists::default();
        for word in file.function_words.all() {
            let written: String = written_letters(word).collect();
            let folded = fold_str(&written);
            lists.function_max_len = lists.function_max_len.max(folded.len() + 4);
            let forms = lists.function.entry(folded).or_default();
            if !forms.contains(&written) {
                forms.push(written);
            }
        }
        lists.not_clitic = file.not_clitic.all().map(fold_str).collect();
        lists
    }

    /// Whether a token, folded and as written, is a function word, alone or
    /// after one or two proclitic letters (وعلى، فإن، بأن، وبين).
    fn is_function_word(&self, folded: &str, written: &str) -> bool {
        self.function_readings(folded).any(|(skip, forms)| {
            forms
                .iter()
                .any(|form| written_letters(written).skip(skip).eq(form.chars()))
        })
    }

    /// Whether a folded word reads as a function word, alone or after
    /// proclitic letters, however it is written: علي (على), بان (بأن).
    fn folds_like_function_word(&self, folded: &str) -> bool {
        self.function_readings(folded).next().is_some()
    }

    /// The readings of a folded token as a function word: how many leading
    /// proclitic letters to skip (0, 1 or 2: و ف ب ل ك and the pairs وب فل
    /// ...), and that word's written forms.
    fn function_readings<'s>(
        &'s self,
        folded: &'s str,
    ) -> impl Iterator<Item = (usize, &'s Vec<String>)> + 's {
        let short = folded.len() <= self.function_max_len;
        let mut rest = Some(folded).filter(|_| short);
        (0..3)
            .map_while(move |skip| {
                let word = rest?;
                let mut chars = word.chars();
                let next = match (skip, chars.next()) {
                    (0, Some(c)) if "وفبلك".contains(c) => Some(chars.as_str()),
                    (1, Some(c)) if "بلك".contains(c) && folded.starts_with(['و', 'ف']) => {
                        Some(chars.as_str())
                    }
                    _ => None,
                };
                rest = next;
                Some((skip, word))
            })
            .filter_map(|(skip, word)| self.function.get(word).map(|forms| (skip, forms)))
    }
}

/// The folded words never read as proclitic + name (`not-clitic`).
pub(crate) fn not_clitic_words() -> HashSet<String> {
    WordLists::embedded().not_clitic
}

/// The letters of a word as written: diacritics, tatweel and invisible
/// controls dropped, everything else (hamza, alef maqsura, case) kept.
fn written_letters(word: &str) -> impl Iterator<Item = char> + '_ {
    word.chars().filter(|&c| {
        !matches!(c,
            '\u{064B}'..='\u{065F}'
            | '\u{0670}'
            | '\u{0610}'..='\u{061A}'
            | '\u{06D6}'..='\u{06ED}'
            | '\u{0640}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}'
            | '\u{061C}'
            | '\u{FEFF}')
    })
}

/// Letters in a folded key (spaces and punctuation aside).
fn letter_count(key: &str) -> usize {
    key.chars().filter(|c| is_word_char(*c)).count()
}

/// Whether `prefix` (folded letters between the token start and the match)
/// is an allowed proclitic for `target`.
fn prefix_allowed(prefix: &str, target: &Target, key: &str) -> bool {
    if target.via_lam {
        return matches!(prefix, "ل" | "ول" | "فل");
    }
    if prefix.is_empty() {
        return true;
    }
    let Some(first) = key.chars().next() else {
        return false;
    };
    if first.is_ascii_alphabetic() {
        // A Latin name after an Arabic proclitic: "وDell", "بـCNN", "للـBBC".
        return matches!(
            prefix,
            "و" | "ف"
                | "ب"
                | "ل"
                | "ك"
                | "وب"
                | "ول"
                | "وك"
                | "فب"
                | "فل"
                | "فك"
                | "لل"
                | "ولل"
                | "فلل"
        );
    }
    if !is_arabic_letter(first) {
        return false;
    }
    // What remains after the proclitic must be a plausible name: two
    // letters are too often the end of an everyday word (آلاف is not
    // ال + إف, بأن is not ب + أن).
    if letter_count(key) <= 2 {
        return false;
    }
    // Conjunction, then preposition: و ف ب ل ك وب ول وك فب فل فك.
    let (conj, rest) = match CONJUNCTIONS.iter().find(|c| prefix.starts_with(**c)) {
        Some(c) => (true, &prefix[c.len()..]),
        None => (false, prefix),
    };
    let simple = rest.is_empty() && conj || PREPOSITIONS.contains(&rest);
    // A key whose alias starts with hamza-alef + lam (ألمانيا، إلينوي) has no
    // article: "لألمانيا" is ل + the name.
    let key_has_article = key.starts_with("ال") && !target.alias.starts_with(['أ', 'إ', 'آ']);
    if simple {
        // ل + a key that begins with ال is spelled للـ (handled by via_lam):
        // "لالعراق" is not a word.
        return !(key_has_article && rest == "ل");
    }
    // The article, alone or after clitics, only before demonyms (السوري)
    // and organizations (الناتو), never before a key that already has one.
    // A place or a person written with the article has it in its gazetteer
    // name (العراق، الشرع); stripping it elsewhere turns everyday words into
    // names (الأمل، الصباح).
    ARTICLE_PREFIXES.contains(&prefix)
        && (target.form == AliasForm::Demonym || target.kind == EntityKind::Organization)
        && !key_has_article
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
        let words = WordLists::embedded();
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
                    // A one-word Arabic alias that folds like a function
                    // word (علي like على) is an everyday word too.
                    let like_function_word = !key.contains(' ')
                        && key.starts_with(is_arabic_letter)
                        && words.folds_like_function_word(&key);
                    let target = Target {
                        entity: index,
                        kind: entity.kind,
                        form,
                        alias: alias.to_string(),
                        via_lam: false,
                        latin_case: latin_case_of(alias, form),
                        ambiguous: like_function_word || entity.ambiguous.all().any(|a| a == alias),
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
        // The crate's own choice (a DFA only for a few dozen keys, else its
        // contiguous NFA): a full DFA over the shipped gazetteer took 70% of
        // a whole check's instructions to build (docs/benchmarks.md).
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&key_list)
            .expect("gazetteer keys are plain strings; the automaton is within size limits");
        Tagger {
            automaton,
            patterns,
            keys,
            words,
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
        let token = &text[token_start..token_end];
        if !prefix.is_empty() && self.words.not_clitic.contains(token) {
            return None;
        }
        // A function word as written (على، فإن، وبين) is never a name, even
        // when it folds like one. One-word keys only: a longer name that
        // happens to start like one ("ما وراء النهر") is still a name.
        if !key.contains(' ') {
            let written = original.get(folded.original_range(token_start..token_end));
            if written.is_some_and(|w| self.words.is_function_word(token, w)) {
                return None;
            }
        }
        // "السورية": a place name (سورية) after the article is the demonym
        // سوري + ة, not the country.
        let mut targets = self.patterns[pattern].as_slice();
        if ARTICLE_PREFIXES.contains(&prefix) && suffix.is_empty() {
            if let Some(stem) = key.strip_suffix('ه') {
                if let Some(&p) = self.keys.get(stem) {
                    if self.patterns[p]
                        .iter()
                        .any(|t| t.form == AliasForm::Demonym)
                    {
                        targets = self.patterns[p].as_slice();
                    }
                }
            }
        }
        let demonym_swap = !std::ptr::eq(targets, self.patterns[pattern].as_slice());
        let mut accepted: Vec<&Target> = targets
            .iter()
            .filter(|t| {
                if demonym_swap {
                    t.form == AliasForm::Demonym && prefix_allowed(prefix, t, key)
                } else {
                    prefix_allowed(prefix, t, key)
                        && suffix_allowed(suffix, t)
                        && case_allowed(original, folded, start, end, t)
                }
            })
            .collect();
        if accepted.is_empty() {
            return None;
        }
        let form = best_form(&accepted);
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
            ambiguous: accepted.iter().all(|t| t.ambiguous),
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
