//! Word lists the entity rules read as data (DESIGN.md §10): given names and
//! honorifics (`lexicon/names.yaml`), generic titles (`lexicon/titles.yaml`),
//! both read by the lexicon loader (so a newsroom's `--lexicon DIR` extends
//! them), and the tagger's function words (`lexicon/function-words.yaml`),
//! folded once per process.

use std::collections::HashSet;
use std::sync::OnceLock;

use serde::Deserialize;

use crate::normalize::fold_str;
use crate::rules::titles::words_key;

#[derive(Debug, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
struct EnglishWordsFile {
    english_words: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
struct ArabicWordsFile {
    arabic_words: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "kebab-case")]
struct FunctionWordsFile {
    function_words: Forms,
}

#[derive(Debug, Deserialize)]
struct Forms {
    #[serde(default)]
    ar: Vec<String>,
    #[serde(default)]
    en: Vec<String>,
}

/// A generic title with its [`words_key`]s.
#[derive(Debug)]
pub(crate) struct GenericTitle {
    pub ar: Vec<String>,
    pub en: Vec<String>,
}

/// The folded word lists.
#[derive(Debug, Default)]
pub(crate) struct Words {
    given: HashSet<String>,
    honorifics: HashSet<String>,
    /// Nouns that name a place or an institution after a person (مطار،
    /// مدينة، ملعب / Airport, Stadium).
    place_nouns: HashSet<String>,
    /// Function words as written (diacritics and tatweel dropped, Latin
    /// lower-cased): على, not علي.
    function_written: HashSet<String>,
    /// Common English words (`lexicon/english-words.yaml`), lower case.
    english: HashSet<String>,
    /// Everyday Arabic words (`lexicon/arabic-words.yaml`), folded.
    arabic: HashSet<String>,
    pub generic_titles: Vec<GenericTitle>,
}

impl Words {
    fn embedded() -> Words {
        let lexicon = crate::lexicon::get();
        let function: FunctionWordsFile =
            crate::lexicon::read_shipped("lexicon/function-words.yaml")
                .expect("lexicon/function-words.yaml is valid (tested)");
        let mut words = Words::default();
        for entry in &lexicon.names {
            let set = match entry.id.as_str() {
                "given-names" => &mut words.given,
                "honorifics" => &mut words.honorifics,
                "place-nouns" => &mut words.place_nouns,
                _ => continue,
            };
            set.extend(entry.ar.iter().chain(&entry.en).map(|w| fold_str(w)));
        }
        words.function_written = function
            .function_words
            .ar
            .iter()
            .chain(&function.function_words.en)
            .map(|w| written(w))
            .collect();
        let english: EnglishWordsFile = crate::lexicon::read_shipped("lexicon/english-words.yaml")
            .expect("lexicon/english-words.yaml is valid (tested)");
        words.english = english
            .english_words
            .iter()
            .map(|w| w.to_lowercase())
            .collect();
        let arabic: ArabicWordsFile = crate::lexicon::read_shipped("lexicon/arabic-words.yaml")
            .expect("lexicon/arabic-words.yaml is valid (tested)");
        words.arabic = arabic.arabic_words.iter().map(|w| fold_str(w)).collect();
        words.generic_titles = lexicon
            .titles
            .iter()
            .map(|e| GenericTitle {
                ar: e.ar.iter().map(|t| words_key(t)).collect(),
                en: e.en.iter().map(|t| words_key(t)).collect(),
            })
            .collect();
        words
    }

    /// Whether a folded word is a common given name.
    pub(crate) fn is_given_name(&self, folded: &str) -> bool {
        self.given.contains(folded)
    }

    /// The folded honorifics, in no particular order.
    pub(crate) fn honorifics(&self) -> impl Iterator<Item = &str> {
        self.honorifics.iter().map(String::as_str)
    }

    /// Whether a folded word is an honorific (الشيخ، الدكتور، Dr, Sheikh).
    pub(crate) fn is_honorific(&self, folded: &str) -> bool {
        self.honorifics.contains(folded)
    }

    /// Whether a folded word is a noun that names a place or an institution
    /// after a person (مطار، مدينة، ملعب، Airport, Stadium), alone or after
    /// one proclitic (بمطار، وملعب، لجامعة).
    pub(crate) fn is_place_noun(&self, folded: &str) -> bool {
        if self.place_nouns.contains(folded) {
            return true;
        }
        let mut chars = folded.chars();
        matches!(chars.next(), Some('و' | 'ف' | 'ب' | 'ل' | 'ك'))
            && chars.as_str().chars().count() >= 3
            && self.place_nouns.contains(chars.as_str())
    }

    /// Whether a word, as written, is a function word alone or after one
    /// proclitic letter ("وهو", "بأن"); "علي" is not "على".
    pub(crate) fn is_function_word_written(&self, word: &str) -> bool {
        let word = written(word);
        if self.function_written.contains(&word) {
            return true;
        }
        let mut chars = word.chars();
        matches!(chars.next(), Some('و' | 'ف' | 'ب' | 'ل' | 'ك'))
            && chars.as_str().chars().count() >= 2
            && self.function_written.contains(chars.as_str())
    }

    /// Whether a Latin word, in any case, is a common English word
    /// ("Media", "reports"), never a misspelt name.
    pub(crate) fn is_english_word(&self, word: &str) -> bool {
        self.english.contains(&word.to_lowercase())
    }

    /// Whether a folded Arabic word, alone or after a proclitic, is an
    /// everyday word (`lexicon/arabic-words.yaml`: أمراء، وزراء), never a
    /// misspelt name.
    pub(crate) fn is_arabic_word(&self, folded: &str) -> bool {
        crate::clitics::clitic_forms(folded)
            .iter()
            .any(|w| self.arabic.contains(w.as_ref()))
    }

    /// Whether a [`words_key`] is a generic title's, with or without a
    /// proclitic on its first word.
    pub(crate) fn is_generic_title(&self, key: &str) -> bool {
        self.generic_title(key).is_some()
    }

    /// The generic title whose Arabic or English form is this key.
    pub(crate) fn generic_title(&self, key: &str) -> Option<&GenericTitle> {
        self.generic_titles
            .iter()
            .find(|t| t.ar.iter().chain(&t.en).any(|k| k == key))
    }
}

/// A word as written, without diacritics or tatweel, Latin lower-cased.
fn written(word: &str) -> String {
    word.chars()
        .filter(|&c| !matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The embedded word lists, parsed once per process.
pub(crate) fn get() -> &'static Words {
    static WORDS: OnceLock<Words> = OnceLock::new();
    WORDS.get_or_init(Words::embedded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_files_read_the_same_from_json_and_yaml() {
        crate::lexicon::assert_json_reads_as_yaml::<FunctionWordsFile>(
            "lexicon/function-words.yaml",
        );
        crate::lexicon::assert_json_reads_as_yaml::<EnglishWordsFile>("lexicon/english-words.yaml");
        crate::lexicon::assert_json_reads_as_yaml::<ArabicWordsFile>("lexicon/arabic-words.yaml");
    }

    #[test]
    fn lists_parse() {
        let w = get();
        assert!(w.is_given_name(&fold_str("أحمد")));
        assert!(w.is_given_name(&fold_str("Faisal")));
        assert!(!w.is_given_name(&fold_str("عدد")));
        assert!(w.is_honorific(&fold_str("الدكتور")));
        assert!(w.is_honorific("dr"));
        assert!(w.is_place_noun(&fold_str("مطار")));
        assert!(w.is_place_noun(&fold_str("بمطار")));
        assert!(w.is_place_noun("airport"));
        assert!(!w.is_place_noun(&fold_str("الملك")));
        assert!(w.is_function_word_written("who"));
        assert!(w.is_function_word_written("وهو"));
        assert!(!w.is_function_word_written("وليد"));
        assert!(w.is_function_word_written("وهو"));
        assert!(w.is_function_word_written("على"));
        assert!(!w.is_function_word_written("علي"));
        assert!(w.is_generic_title(&words_key("وزير الخارجية")));
        assert!(w.is_english_word("Media"));
        assert!(!w.is_english_word("Medina"));
        assert!(w.is_generic_title("foreign minister"));
        assert!(!w.is_generic_title(&words_key("وزير الخارجية السوري")));
    }
}
