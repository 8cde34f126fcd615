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

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use daachorse::{CharwiseDoubleArrayAhoCorasick, CharwiseDoubleArrayAhoCorasickBuilder, MatchKind};
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
pub(crate) struct Hit<'t> {
    pub start: usize,
    pub end: usize,
    /// The same span in the folded text.
    pub folded_start: usize,
    pub folded_end: usize,
    /// Candidate entities; more than one only for a shared family name.
    pub entities: Entities,
    pub form: AliasForm,
    /// The gazetteer form that matched (of the first candidate).
    pub alias: Cow<'t, str>,
    /// The proclitic letters before the name, folded ("و", "لل").
    pub clitic: &'t str,
    /// The alias is an everyday word for every candidate (the gazetteer's
    /// `ambiguous`, or a one-word alias that folds like a function word):
    /// coreference keeps it only with support in the draft.
    pub ambiguous: bool,
}

/// The candidate entities of a hit, in the tagger's order. Nearly every hit
/// has one, kept inline: no allocation per hit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Entities {
    One(EntityIndex),
    Many(Box<[EntityIndex]>),
}

impl Entities {
    /// A list of two or more entities (one goes inline).
    fn from_vec(mut list: Vec<EntityIndex>) -> Entities {
        match list[..] {
            [one] => Entities::One(one),
            _ => {
                list.shrink_to_fit();
                Entities::Many(list.into_boxed_slice())
            }
        }
    }
}

impl Default for Entities {
    fn default() -> Self {
        Entities::Many(Box::default())
    }
}

impl std::ops::Deref for Entities {
    type Target = [EntityIndex];

    fn deref(&self) -> &[EntityIndex] {
        match self {
            Entities::One(one) => std::slice::from_ref(one),
            Entities::Many(list) => list,
        }
    }
}

#[derive(Debug, Clone)]
struct Target {
    entity: EntityIndex,
    kind: EntityKind,
    form: AliasForm,
    /// Where the alias is in the table's `alias_text` (start, end).
    alias: (u32, u32),
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
    table: Arc<TaggerTable>,
    words: WordLists,
}

/// Everything the tagger derives from a gazetteer: every folded key (names,
/// the للـ forms of names with the article, family names, acronyms,
/// demonyms), what each key stands for, and the automaton over the keys.
/// The compiled gazetteer stores it in binary ([`TaggerTable::to_bytes`]), so
/// a cached start-up neither folds an alias nor builds an automaton.
///
/// The automaton is daachorse's character-wise double array, leftmost-
/// longest: unlike the aho-corasick crate's automata it can be serialized
/// and read back in well under a millisecond, and it searched Arabic text
/// faster than the crate's contiguous NFA in benches/automata.rs
/// (docs/benchmarks.md has the comparison).
pub(crate) struct TaggerTable {
    /// The folded keys in byte order, end to end; a key's index is its
    /// pattern id. One buffer rather than a string per key: reading the
    /// shipped gazetteer's table was 10,000 allocations and UTF-8 checks
    /// for the keys alone.
    key_text: String,
    /// Where each key ends in `key_text` (it starts where the one before
    /// ends); always on a char boundary.
    key_ends: Vec<usize>,
    /// Every key's targets, key after key: one list rather than a list per
    /// key, and the aliases in one buffer, as for the keys (reading the
    /// shipped table was 25,000 allocations).
    targets: Vec<Target>,
    /// Where each key's targets end in `targets`.
    target_ends: Vec<u32>,
    /// Every target's alias, end to end.
    alias_text: String,
    /// The automaton over the keys, in parts: each part is built over a
    /// contiguous range of the sorted keys, its values the keys' global
    /// pattern ids. One part below [`PART_KEYS`] keys; above, the parts are
    /// built one after the other, so the builder (about 64 bytes a trie
    /// state, 900 MB at 1,000,000 aliases) only ever holds one part.
    /// [`Tagger::hits`] merges the parts' leftmost-longest matches exactly.
    automata: Vec<CharwiseDoubleArrayAhoCorasick<u32>>,
}

/// Keys per part of the automaton: the shipped gazetteer and 100,000
/// aliases (about 100,000 keys) stay one automaton.
const PART_KEYS: usize = 400_000;

/// How many parts an automaton over `keys` keys is built in.
fn parts_for(keys: usize) -> usize {
    keys.div_ceil(PART_KEYS).max(1)
}

/// The automata over `keys` (sorted, distinct) in `parts` contiguous
/// ranges of about equal size, each key's value its index in `keys`. Each
/// part's builder is dropped before the next one starts.
fn build_automata(keys: &[String], parts: usize) -> Vec<CharwiseDoubleArrayAhoCorasick<u32>> {
    let parts = parts.clamp(1, keys.len().max(1));
    (0..parts)
        .map(|part| {
            let (from, to) = (part * keys.len() / parts, (part + 1) * keys.len() / parts);
            CharwiseDoubleArrayAhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .build_with_values(
                    keys[from..to]
                        .iter()
                        .zip(from as u32..)
                        .map(|(key, id)| (key.as_str(), id)),
                )
                .expect(
                    "gazetteer keys are distinct and non-empty; the automaton is within size limits",
                )
        })
        .collect()
}

/// One alias of the gazetteer while the automaton is built: a [`Target`]
/// whose alias is borrowed from the gazetteer, with its key (the map's id,
/// then the pattern id).
#[derive(Debug, Clone, Copy)]
struct Pending<'g> {
    key: u32,
    entity: u32,
    alias: &'g str,
    kind: EntityKind,
    form: AliasForm,
    via_lam: bool,
    latin_case: LatinCase,
    ambiguous: bool,
}

impl std::fmt::Debug for TaggerTable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TaggerTable")
            .field("keys", &self.key_ends.len())
            .finish_non_exhaustive()
    }
}

const ARTICLE_PREFIXES: [&str; 12] = [
    "ال", "وال", "فال", "بال", "كال", "لل", "وبال", "فبال", "وكال", "فكال", "ولل", "فلل",
];
const CONJUNCTIONS: [&str; 2] = ["و", "ف"];
const PREPOSITIONS: [&str; 3] = ["ب", "ل", "ك"];
const DEMONYM_SUFFIXES_AR: [&str; 6] = ["ه", "ون", "ين", "ان", "ات", "تين"];

/// The most letters a proclitic before a name may have (وبال، ولل).
const MAX_PREFIX_CHARS: usize = 4;

/// The most chars a suffix after a name may have: the longest Arabic
/// demonym ending (تين); the Latin one is "s".
const MAX_SUFFIX_CHARS: usize = 3;

/// Where the word that goes on before `at` starts, looking back at most
/// `limit` chars (the result is then `limit` chars before `at`).
pub(crate) fn word_start_within(text: &str, at: usize, limit: usize) -> usize {
    text[..at]
        .char_indices()
        .rev()
        .take(limit)
        .take_while(|&(_, c)| is_word_char(c))
        .last()
        .map_or(at, |(i, _)| i)
}

/// Where the word that goes on after `at` ends, looking at most `limit`
/// chars ahead (the result is then `limit` chars after `at`).
pub(crate) fn word_end_within(text: &str, at: usize, limit: usize) -> usize {
    let mut end = at;
    for c in text[at..].chars().take(limit) {
        if !is_word_char(c) {
            break;
        }
        end += c.len_utf8();
    }
    end
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct WordListsFile {
    function_words: Names,
    not_clitic: Names,
}

/// The words the tagger never reads as names, compiled from
/// `lexicon/function-words.yaml` (embedded).
/// The word lists are looked up for most raw matches: the fast hash (the
/// words are the tool's own, not chosen by a draft's author).
type FxBuild = std::hash::BuildHasherDefault<crate::gazetteer::fxhash::FxHasher>;

#[derive(Debug, Default)]
struct WordLists {
    /// Folded function word → its written forms (diacritics dropped).
    function: HashMap<String, Vec<String>, FxBuild>,
    /// Longest folded function word, in bytes, with room for two proclitics.
    function_max_len: usize,
    /// Folded words never read as proclitic + name.
    not_clitic: HashSet<String, FxBuild>,
}

impl WordLists {
    fn embedded() -> WordLists {
        let file: WordListsFile = crate::lexicon::read_shipped("lexicon/function-words.yaml")
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
    WordLists::embedded().not_clitic.into_iter().collect()
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
fn prefix_allowed(prefix: &str, target: &Target, alias: &str, key: &str) -> bool {
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
    let key_has_article = key.starts_with("ال") && !alias.starts_with(['أ', 'إ', 'آ']);
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

/// Whether folded text ends with a word that links a name to a parent's
/// (بن، بنت، ابن) and the spaces after it.
fn after_nasab(before: &str) -> bool {
    let trimmed = before.trim_end_matches(' ');
    if trimmed.len() == before.len() {
        return false;
    }
    // Four chars at most: a longer word is none of the three.
    let word_start = trimmed
        .char_indices()
        .rev()
        .take(4)
        .take_while(|&(_, c)| is_word_char(c))
        .last()
        .map_or(trimmed.len(), |(i, _)| i);
    matches!(&trimmed[word_start..], "بن" | "بنت" | "ابن")
}

/// Whether the folded text before a token ends with an honorific and a
/// space ("الأمير ").
fn after_honorific(before: &str) -> bool {
    let Some(trimmed) = before.strip_suffix(' ') else {
        return false;
    };
    let word_start = trimmed
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_word_char(c))
        .last()
        .map_or(trimmed.len(), |(i, _)| i);
    crate::rules::words::get().is_honorific(&trimmed[word_start..])
}

/// Arabic articles as Latin news writes them before a name, hyphenated
/// ("al-Sharaa", "el-Sisi", "ash-Shaibani").
const LATIN_ARTICLES: [&str; 12] = [
    "al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "adh", "ath", "ud",
];

/// A folded Latin key with each hyphen after an article written as a space
/// ("ahmed al sharaa" for "ahmed al-sharaa"), when it has one.
fn article_spaced(key: &str) -> Option<String> {
    let mut out = String::with_capacity(key.len());
    let mut changed = false;
    for (i, word) in key.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        match word.split_once('-') {
            Some((article, rest))
                if LATIN_ARTICLES.contains(&article)
                    && rest.starts_with(|c: char| c.is_ascii_alphabetic()) =>
            {
                out.push_str(article);
                out.push(' ');
                out.push_str(rest);
                changed = true;
            }
            _ => out.push_str(word),
        }
    }
    changed.then_some(out)
}

/// Whether the text after a token opens with بن، بنت، ابن. After an
/// honorific the token is then a given name in a chain ("الأمير تركي بن
/// محمد" is Prince Turki, no Turk).
fn before_nasab(after: &str) -> bool {
    let Some(rest) = after.strip_prefix(' ') else {
        return false;
    };
    let word_end = rest
        .char_indices()
        .take(4)
        .find(|&(_, c)| !is_word_char(c))
        .map_or(rest.len().min(12), |(i, _)| i);
    matches!(rest.get(..word_end), Some("بن" | "بنت" | "ابن"))
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

    /// Compiles every alias of `gazetteer` into one automaton, from the
    /// table the compiled gazetteer carries when it has one.
    ///
    /// # Panics
    /// Never on gazetteer input: aliases that fold to nothing are skipped.
    pub fn build(&self, gazetteer: &Gazetteer) -> Tagger {
        let words = WordLists::embedded();
        let table = match gazetteer.tagger_table() {
            Some(table) => Arc::clone(table),
            None => Arc::new(TaggerTable::build_with(gazetteer, &words)),
        };
        Tagger::new(table, words)
    }
}

impl TaggerTable {
    /// The table of `gazetteer`'s aliases.
    pub(crate) fn build(gazetteer: &Gazetteer) -> TaggerTable {
        TaggerTable::build_with(gazetteer, &WordLists::embedded())
    }

    fn build_with(gazetteer: &Gazetteer, words: &WordLists) -> TaggerTable {
        TaggerTable::build_parts(gazetteer, words, None)
    }

    /// The table of `gazetteer`'s aliases with its automaton built in
    /// `parts` parts (for tests: the shipped gazetteer is one part).
    #[cfg(test)]
    pub(crate) fn build_in_parts(gazetteer: &Gazetteer, parts: usize) -> TaggerTable {
        TaggerTable::build_parts(gazetteer, &WordLists::embedded(), Some(parts))
    }

    /// Builds the table. The keys come first, then the automaton over them
    /// (in [`parts_for`] parts, or `parts` when given), and only then the
    /// targets: while the automaton's builder holds its states, each alias
    /// is a 32-byte [`Pending`] record that borrows the alias, not a
    /// [`Target`] with its own copy of it.
    fn build_parts<'g>(
        gazetteer: &'g Gazetteer,
        words: &WordLists,
        parts: Option<usize>,
    ) -> TaggerTable {
        // Room for every alias at once (the map grew by rehashing every key
        // several times at 1,000,000 aliases).
        let aliases: usize = gazetteer
            .entities()
            .iter()
            .map(|e| {
                [&e.names, &e.acronyms, &e.demonyms, &e.family]
                    .iter()
                    .map(|n| n.ar.len() + n.en.len())
                    .sum::<usize>()
            })
            .sum();
        let mut keys: crate::gazetteer::fxhash::FxHashMap<String, u32> =
            crate::gazetteer::fxhash::map_with_capacity(aliases);
        let mut pending: Vec<Pending<'g>> = Vec::with_capacity(aliases + aliases / 8);
        let mut add = |key: String, record: Pending<'g>| {
            if key.chars().filter(|c| is_word_char(*c)).count() < 2 {
                return;
            }
            let next = u32::try_from(keys.len()).expect("fewer than 2^32 gazetteer keys");
            let id = *keys.entry(key).or_insert(next);
            pending.push(Pending { key: id, ..record });
        };
        for (index, entity) in gazetteer.entities().iter().enumerate() {
            let entity_id = u32::try_from(index).expect("fewer than 2^32 entities");
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
                    let record = Pending {
                        key: 0,
                        entity: entity_id,
                        alias,
                        kind: entity.kind,
                        form,
                        via_lam: false,
                        latin_case: latin_case_of(alias, form),
                        ambiguous: like_function_word || entity.ambiguous.all().any(|a| a == alias),
                    };
                    if let Some(rest) = key.strip_prefix("ال") {
                        let lam_key = format!("ل{rest}");
                        add(
                            lam_key,
                            Pending {
                                via_lam: true,
                                ..record
                            },
                        );
                    }
                    // "al-Sharaa" is as often "al Sharaa" (TRT, Anadolu).
                    if let Some(spaced) = article_spaced(&key) {
                        add(spaced, record);
                    }
                    add(key, record);
                }
            }
        }
        // Keys in byte order, so that a key is found by binary search; the
        // map gives its keys up (no copy of them is kept).
        // Each key's first 16 bytes ride along as a number (zero-padded, so
        // the order is the byte order), and most comparisons never follow a
        // pointer to the key's text (the sort was 8 % of a cold load).
        let prefix = |key: &str| {
            let mut head = [0u8; 16];
            let n = key.len().min(16);
            head[..n].copy_from_slice(&key.as_bytes()[..n]);
            u128::from_be_bytes(head)
        };
        let mut order: Vec<(u128, String, u32)> = keys
            .into_iter()
            .map(|(key, id)| (prefix(&key), key, id))
            .collect();
        order.sort_unstable_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(&b.1)));
        // A key's place in the order is its pattern id.
        let mut rank = vec![0u32; order.len()];
        let keys: Vec<String> = order
            .into_iter()
            .enumerate()
            .map(|(place, (_, key, id))| {
                rank[id as usize] = place as u32;
                key
            })
            .collect();
        let parts = parts.unwrap_or_else(|| parts_for(keys.len()));
        let automata = build_automata(&keys, parts);
        // The targets, per key in the order their aliases came (a stable
        // sort), the first of each (entity, form, via_lam) kept, except
        // that every case-exact spelling is kept: "UNICEF" and "Unicef"
        // fold alike, and each matches only as written.
        for record in &mut pending {
            record.key = rank[record.key as usize];
        }
        drop(rank);
        pending.sort_by_key(|record| record.key);
        let mut targets: Vec<Target> = Vec::with_capacity(pending.len());
        let mut target_ends: Vec<u32> = Vec::with_capacity(keys.len());
        let mut alias_text = String::new();
        for record in pending {
            let id = record.key as usize;
            while target_ends.len() < id {
                target_ends.push(table_offset(targets.len()));
            }
            let first = target_ends.last().map_or(0, |&end| end as usize);
            let entity_index = record.entity as usize;
            if targets[first..].iter().any(|t| {
                t.entity == entity_index
                    && t.form == record.form
                    && t.via_lam == record.via_lam
                    && (t.latin_case != LatinCase::Exact
                        || record.latin_case != LatinCase::Exact
                        || &alias_text[t.alias.0 as usize..t.alias.1 as usize] == record.alias)
            }) {
                continue;
            }
            let start = table_offset(alias_text.len());
            alias_text.push_str(record.alias);
            targets.push(Target {
                entity: entity_index,
                kind: record.kind,
                form: record.form,
                alias: (start, table_offset(alias_text.len())),
                via_lam: record.via_lam,
                latin_case: record.latin_case,
                ambiguous: record.ambiguous,
            });
        }
        target_ends.resize(keys.len(), table_offset(targets.len()));
        let mut key_text = String::with_capacity(keys.iter().map(String::len).sum());
        let mut key_ends = Vec::with_capacity(keys.len());
        for key in keys {
            key_text.push_str(&key);
            key_ends.push(key_text.len());
        }
        TaggerTable {
            key_text,
            key_ends,
            targets,
            target_ends,
            alias_text,
            automata,
        }
    }

    /// The targets of the key with pattern id `id`.
    fn targets_of(&self, id: usize) -> Option<&[Target]> {
        let start = match id.checked_sub(1) {
            Some(before) => *self.target_ends.get(before)? as usize,
            None => 0,
        };
        self.targets.get(start..*self.target_ends.get(id)? as usize)
    }

    /// A target's alias as the gazetteer writes it.
    fn alias(&self, target: &Target) -> &str {
        self.alias_text
            .get(target.alias.0 as usize..target.alias.1 as usize)
            .unwrap_or_default()
    }

    /// How many keys the table holds.
    fn key_count(&self) -> usize {
        self.key_ends.len()
    }

    /// The key with pattern id `id`.
    fn key(&self, id: usize) -> Option<&str> {
        let start = match id.checked_sub(1) {
            Some(before) => *self.key_ends.get(before)?,
            None => 0,
        };
        self.key_text.get(start..*self.key_ends.get(id)?)
    }

    /// The pattern id of a folded key.
    fn pattern_of(&self, key: &str) -> Option<usize> {
        let (mut low, mut high) = (0, self.key_count());
        while low < high {
            let mid = low + (high - low) / 2;
            match self.key(mid)?.cmp(key) {
                std::cmp::Ordering::Less => low = mid + 1,
                std::cmp::Ordering::Greater => high = mid,
                std::cmp::Ordering::Equal => return Some(mid),
            }
        }
        None
    }

    /// The table in binary: keys, targets, then the number of automaton
    /// parts and each part serialized (a `u64` length and its bytes).
    /// Integers are little-endian; strings are a `u32` length and UTF-8.
    pub(crate) fn to_bytes(&self) -> Vec<u8> {
        let automata: Vec<Vec<u8>> = self.automata.iter().map(|a| a.serialize()).collect();
        let size: usize = automata.iter().map(|a| a.len() + 8).sum();
        let mut out = Vec::with_capacity(size + self.key_count() * 48);
        out.extend_from_slice(TABLE_MAGIC);
        put_u32(&mut out, self.key_count());
        for id in 0..self.key_count() {
            put_str(&mut out, self.key(id).unwrap_or_default());
        }
        for id in 0..self.key_count() {
            let targets = self.targets_of(id).unwrap_or_default();
            put_u32(&mut out, targets.len());
            for t in targets {
                put_u32(&mut out, t.entity);
                out.push(match t.kind {
                    EntityKind::Person => 0,
                    EntityKind::Place => 1,
                    EntityKind::Organization => 2,
                });
                out.push(t.form as u8);
                out.push(match t.latin_case {
                    LatinCase::Any => 0,
                    LatinCase::Capitalized => 1,
                    LatinCase::Exact => 2,
                });
                out.push(u8::from(t.via_lam) | u8::from(t.ambiguous) << 1);
                put_str(&mut out, self.alias(t));
            }
        }
        put_u32(&mut out, automata.len());
        for automaton in automata {
            out.extend_from_slice(&(automaton.len() as u64).to_le_bytes());
            out.extend_from_slice(&automaton);
        }
        out
    }

    /// Reads [`to_bytes`](Self::to_bytes) back, for a gazetteer of
    /// `entities` entities; `None` when the bytes are not such a table (a
    /// damaged file must not index past the entities).
    ///
    /// A table of the first format ([`TABLE_MAGIC_ONE_PART`], written before
    /// the automaton came in parts) reads as one part.
    pub(crate) fn from_bytes(bytes: &[u8], entities: usize) -> Option<TaggerTable> {
        let (mut r, one_part) = match bytes.strip_prefix(TABLE_MAGIC) {
            Some(rest) => (Reader(rest), false),
            None => (Reader(bytes.strip_prefix(TABLE_MAGIC_ONE_PART)?), true),
        };
        // Every key takes at least five bytes.
        // The keys are copied end to end and checked as UTF-8 once, then
        // every key's end as a char boundary: the same as checking each key.
        let count = r.count(5)?;
        let mut key_text = Vec::new();
        let mut key_ends = Vec::with_capacity(count);
        let mut last: Option<&[u8]> = None;
        for _ in 0..count {
            let n = r.u32()?;
            let key = r.take(n)?;
            if last.is_some_and(|last| last >= key) {
                return None;
            }
            last = Some(key);
            key_text.extend_from_slice(key);
            key_ends.push(key_text.len());
        }
        let key_text = String::from_utf8(key_text).ok()?;
        if !key_ends.iter().all(|&end| key_text.is_char_boundary(end)) {
            return None;
        }
        let mut targets = Vec::with_capacity(count);
        let mut target_ends = Vec::with_capacity(count);
        // The aliases are copied end to end and checked as UTF-8 once, like
        // the keys.
        let mut alias_bytes: Vec<u8> = Vec::new();
        for _ in 0..count {
            let n = r.count(12)?;
            for _ in 0..n {
                let entity = r.u32()?;
                let [kind, form, case, flags] = r.take(4)? else {
                    return None;
                };
                targets.push(Target {
                    entity: (entity < entities).then_some(entity)?,
                    kind: match kind {
                        0 => EntityKind::Person,
                        1 => EntityKind::Place,
                        2 => EntityKind::Organization,
                        _ => return None,
                    },
                    form: match form {
                        0 => AliasForm::Name,
                        1 => AliasForm::Acronym,
                        2 => AliasForm::Demonym,
                        3 => AliasForm::Family,
                        _ => return None,
                    },
                    latin_case: match case {
                        0 => LatinCase::Any,
                        1 => LatinCase::Capitalized,
                        2 => LatinCase::Exact,
                        _ => return None,
                    },
                    via_lam: flags & 1 != 0,
                    ambiguous: flags & 2 != 0,
                    alias: {
                        let n = r.u32()?;
                        let start = u32::try_from(alias_bytes.len()).ok()?;
                        alias_bytes.extend_from_slice(r.take(n)?);
                        (start, u32::try_from(alias_bytes.len()).ok()?)
                    },
                });
            }
            target_ends.push(u32::try_from(targets.len()).ok()?);
        }
        let alias_text = String::from_utf8(alias_bytes).ok()?;
        if !targets.iter().all(|t: &Target| {
            alias_text.is_char_boundary(t.alias.0 as usize)
                && alias_text.is_char_boundary(t.alias.1 as usize)
        }) {
            return None;
        }
        // Each part takes at least its eight-byte length.
        let parts = if one_part { 1 } else { r.count(8)? };
        if parts == 0 {
            return None;
        }
        let mut automata = Vec::with_capacity(parts);
        for _ in 0..parts {
            let len = usize::try_from(u64::from_le_bytes(r.take(8)?.try_into().ok()?)).ok()?;
            let (automaton, rest) =
                CharwiseDoubleArrayAhoCorasick::<u32>::deserialize(r.take(len)?).ok()?;
            if !rest.is_empty() {
                return None;
            }
            automata.push(automaton);
        }
        if !r.0.is_empty() {
            return None;
        }
        Some(TaggerTable {
            key_text,
            key_ends,
            targets,
            target_ends,
            alias_text,
            automata,
        })
    }
}

/// An offset into the table's lists, which a compiled gazetteer stores as
/// `u32`.
fn table_offset(n: usize) -> u32 {
    u32::try_from(n).expect("the tagger's table fits u32 offsets")
}

/// The first bytes of [`TaggerTable::to_bytes`] (and its format's version).
const TABLE_MAGIC: &[u8] = b"tadqiq-tagger-2\n";

/// The first bytes of a table written before the automaton came in parts
/// (one automaton, no count of parts); such a table still reads.
const TABLE_MAGIC_ONE_PART: &[u8] = b"tadqiq-tagger-1\n";

/// A cursor over the binary parts of a compiled gazetteer
/// ([`TaggerTable::to_bytes`], the near-miss index).
pub(crate) struct Reader<'a>(pub(crate) &'a [u8]);

impl<'a> Reader<'a> {
    pub(crate) fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        if n > self.0.len() {
            return None;
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Some(head)
    }

    pub(crate) fn u32(&mut self) -> Option<usize> {
        let bytes = self.take(4)?.try_into().ok()?;
        usize::try_from(u32::from_le_bytes(bytes)).ok()
    }

    pub(crate) fn str(&mut self) -> Option<&'a str> {
        let n = self.u32()?;
        std::str::from_utf8(self.take(n)?).ok()
    }

    /// A count of items of at least `min_bytes` each: `None` when the rest
    /// cannot hold them, so a damaged count never allocates much.
    pub(crate) fn count(&mut self, min_bytes: usize) -> Option<usize> {
        let n = self.u32()?;
        (n <= self.0.len() / min_bytes.max(1)).then_some(n)
    }
}

/// Appends `n` as a little-endian `u32` (saturating).
pub(crate) fn put_u32(out: &mut Vec<u8>, n: usize) {
    out.extend_from_slice(&u32::try_from(n).unwrap_or(u32::MAX).to_le_bytes());
}

/// Appends a string as its `u32` length and UTF-8 bytes.
pub(crate) fn put_str(out: &mut Vec<u8>, s: &str) {
    put_u32(out, s.len());
    out.extend_from_slice(s.as_bytes());
}

impl Tagger {
    fn new(table: Arc<TaggerTable>, words: WordLists) -> Tagger {
        Tagger { table, words }
    }

    /// A tagger over a table read back from bytes (for tests).
    #[cfg(test)]
    pub(crate) fn from_table(table: Arc<TaggerTable>) -> Tagger {
        Tagger::new(table, WordLists::embedded())
    }

    /// Finds every mention in a folded draft. `original` is the text that
    /// `folded` was made from.
    pub(crate) fn hits<'t>(&'t self, original: &str, folded: &'t Folded) -> Vec<Hit<'t>> {
        let text = folded.text();
        // About one name per 80 bytes, as in the fixture drafts: a big
        // draft's list is not copied as it grows.
        let mut hits = Vec::with_capacity(text.len() / 80);
        let mut matches = NextMatch::new(&self.table.automata, text);
        let mut pos = 0;
        while pos < text.len() {
            let Some((start, end, pattern)) = matches.from(pos) else {
                break;
            };
            match self.accept(original, folded, pattern as usize, start, end) {
                Some(hit) => {
                    pos = hit.folded_end;
                    hits.push(hit);
                }
                None => {
                    let step = text[start..].chars().next().map_or(1, char::len_utf8);
                    pos = start + step;
                }
            }
        }
        hits
    }

    fn accept<'t>(
        &'t self,
        original: &str,
        folded: &'t Folded,
        pattern: usize,
        start: usize,
        end: usize,
    ) -> Option<Hit<'t>> {
        let text = folded.text();
        // Both scans stop one char past the longest prefix and suffix any
        // target allows: a longer one is refused whatever the target, and
        // an unbounded scan made a draft of one long word (a name written
        // 40,000 times without a space) quadratic, 73 s for 320 KB.
        let token_start = word_start_within(text, start, MAX_PREFIX_CHARS + 1);
        let prefix = &text[token_start..start];
        if prefix.chars().count() > MAX_PREFIX_CHARS || prefix.chars().any(|c| !is_arabic_letter(c))
        {
            return None;
        }
        let token_end = word_end_within(text, end, MAX_SUFFIX_CHARS + 1);
        if text[end..token_end].chars().count() > MAX_SUFFIX_CHARS {
            return None;
        }
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
        let table = &self.table;
        // A pattern id past the table can only come from a damaged compiled
        // file: no match rather than a panic.
        let own = table.targets_of(pattern)?;
        let mut targets = own;
        if ARTICLE_PREFIXES.contains(&prefix) && suffix.is_empty() {
            if let Some(stem) = key.strip_suffix('ه') {
                if let Some(stem_targets) = table.pattern_of(stem).and_then(|p| table.targets_of(p))
                {
                    if stem_targets.iter().any(|t| t.form == AliasForm::Demonym) {
                        targets = stem_targets;
                    }
                }
            }
        }
        let demonym_swap = !std::ptr::eq(targets, own);
        let allowed = |t: &Target| {
            let alias = table.alias(t);
            if demonym_swap {
                t.form == AliasForm::Demonym && prefix_allowed(prefix, t, alias, key)
            } else {
                prefix_allowed(prefix, t, alias, key)
                    && suffix_allowed(suffix, t)
                    && case_allowed(original, folded, start, end, t, alias)
            }
        };
        // The best form among the allowed targets, then those of that form;
        // no list of the allowed ones is kept (most keys have one target).
        let form = targets
            .iter()
            .filter(|t| allowed(t))
            .map(|t| t.form)
            .min()?;
        // A bare demonym in a chain of names is a given name: "عبدالعزيز بن
        // تركي" is Turki, a man, not a Turk (real news: the Saudi sports
        // minister was tagged as Turkey).
        if form == AliasForm::Demonym
            && prefix.is_empty()
            && suffix.is_empty()
            && (after_nasab(&text[..token_start])
                || before_nasab(&text[token_end..]) && after_honorific(&text[..token_start]))
        {
            return None;
        }
        // A demonym with an ending that makes an everyday word: "على مجريات
        // المباراة" (the course of the match) is no Hungarian women.
        if form == AliasForm::Demonym
            && !suffix.is_empty()
            && crate::rules::words::get().is_arabic_word(token)
        {
            return None;
        }
        let mut best = targets.iter().filter(|t| t.form == form && allowed(t));
        let first = best.next()?;
        let mut ambiguous = first.ambiguous;
        let mut more = Vec::new();
        for t in best {
            if more.last().unwrap_or(&first.entity) != &t.entity {
                if more.is_empty() {
                    more.push(first.entity);
                }
                more.push(t.entity);
            }
            ambiguous &= t.ambiguous;
        }
        let entities = if more.is_empty() {
            Entities::One(first.entity)
        } else {
            Entities::from_vec(more)
        };
        let range = folded.original_range(token_start..token_end);
        Some(Hit {
            start: range.start,
            end: range.end,
            folded_start: token_start,
            folded_end: token_end,
            entities,
            form,
            alias: Cow::Borrowed(table.alias(first)),
            clitic: prefix,
            ambiguous,
        })
    }
}

/// The leftmost-longest match over the union of the automaton's parts.
///
/// Every part is leftmost-longest over its own keys. At a position, the
/// union's match is the one of smallest start and, among equal starts, the
/// greatest end: every key that matches at that start is a prefix of the
/// text there, and each part reports its longest one at its leftmost start,
/// so the union's longest is the longest of the parts' (two parts never end
/// at the same place from the same start: the keys are distinct). A part's
/// match found from an earlier position is still its match from a later one
/// as long as it starts at or after it (no match of that part starts in
/// between), so each part's match is kept until the search passes its
/// start, and each part scans the text about once.
struct NextMatch<'a> {
    automata: &'a [CharwiseDoubleArrayAhoCorasick<u32>],
    text: &'a str,
    /// Per part: its next match (start, end, pattern id) found from an
    /// earlier position; `None` once the part has no match further on.
    next: Vec<Option<(usize, usize, u32)>>,
    /// Per part: whether `next` was ever searched.
    searched: Vec<bool>,
}

impl<'a> NextMatch<'a> {
    fn new(automata: &'a [CharwiseDoubleArrayAhoCorasick<u32>], text: &'a str) -> NextMatch<'a> {
        NextMatch {
            automata,
            text,
            next: vec![None; automata.len()],
            searched: vec![false; automata.len()],
        }
    }

    /// The leftmost-longest match of the union of the parts in
    /// `text[pos..]`, in offsets of `text`; `pos` never goes back.
    fn from(&mut self, pos: usize) -> Option<(usize, usize, u32)> {
        let mut best: Option<(usize, usize, u32)> = None;
        for ((automaton, next), searched) in self
            .automata
            .iter()
            .zip(self.next.iter_mut())
            .zip(self.searched.iter_mut())
        {
            let stale = match *next {
                Some((start, _, _)) => start < pos,
                None => !*searched,
            };
            if stale {
                *searched = true;
                *next = automaton
                    .leftmost_find_iter(&self.text[pos..])
                    .next()
                    .map(|m| (pos + m.start(), pos + m.end(), m.value()));
            }
            if let Some(m) = *next {
                if best.is_none_or(|b| m.0 < b.0 || (m.0 == b.0 && m.1 > b.1)) {
                    best = Some(m);
                }
            }
        }
        best
    }
}

fn case_allowed(
    original: &str,
    folded: &Folded,
    start: usize,
    end: usize,
    target: &Target,
    alias: &str,
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
        LatinCase::Exact => written == alias,
        LatinCase::Capitalized => written
            .chars()
            .find(|c| c.is_alphabetic())
            .is_some_and(char::is_uppercase),
    }
}

#[cfg(test)]
mod tests;
