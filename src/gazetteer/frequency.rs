//! Warnings about aliases that are everyday words, from a word-frequency
//! file (`tadqiq gazetteer check --word-frequencies FILE`, DESIGN.md §9).
//!
//! tadqiq ships no frequency list (wordfreq's data is CC BY-SA); the file is
//! written outside the repository by `scripts/word-frequencies.py`, one
//! `LANG<TAB>WORD<TAB>ZIPF` a line. Two kinds of warning:
//!
//! - an alias that is a common word and is not marked `ambiguous`. In Arabic
//!   a common noun is frequent both with and without the article (سلام and
//!   السلام, الجيش and جيش) while a name is not (لبنان but not اللبنان, العراق
//!   but hardly عراق); in English a word far more frequent in English than in
//!   French, German, Spanish, Italian or Dutch is an English word (hope, rice),
//!   one about as frequent everywhere is a name (Washington, Paris);
//! - a proclitic + alias that is itself a common word, more frequent than a
//!   proclitic form of a name would be (بيان read as ب + يان, لصالح as ل +
//!   صالح): the tagger would read the everyday word as the name.

use std::collections::HashMap;
use std::fmt;
use std::path::Path;

use super::{Entity, Gazetteer, GazetteerError, Origin};
use crate::clitics::is_arabic_letter;
use crate::normalize::fold_str;

/// Zipf frequency at or above which an Arabic alias, and its form with (or
/// without) the article, count as everyday words.
const AR_COMMON: f32 = 4.0;
/// English: frequent, and this much more frequent than in the other languages.
const EN_COMMON: f32 = 4.0;
const EN_MARGIN: f32 = 1.0;
/// A proclitic form this frequent, and less than `CLITIC_MARGIN` below the
/// alias alone, is an everyday word (a name's proclitic forms are some 0.7 to
/// 1.7 below the name: لبنان 5.3, ولبنان 4.1; بريطانيا 4.7, وبريطانيا 4.0;
/// everyday words are above or close: بيان 4.9 for يان 3.8, بسلام 4.3 for
/// سلام 4.8).
const CLITIC_COMMON: f32 = 3.5;
const CLITIC_MARGIN: f32 = 0.6;
/// The Latin-script languages English frequencies are compared with.
const OTHER_LATIN: [&str; 5] = ["fr", "de", "es", "it", "nl"];
/// Proclitics in front of a key without the article; for a key with it, ل is
/// written للـ (ل + the key without its alef).
const PROCLITICS: [&str; 11] = ["و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك"];

/// Word frequencies per language, by folded word (the highest of the forms
/// that fold alike).
#[derive(Debug, Default)]
pub struct WordFrequencies {
    by_lang: HashMap<String, HashMap<String, f32>>,
}

impl WordFrequencies {
    /// Reads a frequency file.
    ///
    /// # Errors
    /// The file cannot be read, or a line is not `LANG<TAB>WORD<TAB>ZIPF`
    /// (`path:line:col: message`).
    pub fn read(path: &Path) -> Result<WordFrequencies, GazetteerError> {
        let shown = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| GazetteerError {
            path: shown.clone(),
            line: 1,
            column: 1,
            message: format!("cannot read word frequencies: {e}"),
        })?;
        WordFrequencies::parse(&text, &shown)
    }

    /// Parses the text of a frequency file; `path` names it in errors.
    ///
    /// # Errors
    /// As [`WordFrequencies::read`].
    pub fn parse(text: &str, path: &str) -> Result<WordFrequencies, GazetteerError> {
        let mut out = WordFrequencies::default();
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let fields: Vec<&str> = line.split('\t').collect();
            let zipf = match fields.as_slice() {
                [_, _, z] => z.trim().parse::<f32>().ok().filter(|z| z.is_finite()),
                _ => None,
            };
            let Some(zipf) = zipf else {
                return Err(GazetteerError {
                    path: path.to_string(),
                    line: i + 1,
                    column: 1,
                    message: format!(
                        "expected LANG<TAB>WORD<TAB>ZIPF (as scripts/word-frequencies.py writes), found `{}`",
                        line.chars().take(60).collect::<String>()
                    ),
                });
            };
            let best = out
                .by_lang
                .entry(fields[0].to_string())
                .or_default()
                .entry(fold_str(fields[1]))
                .or_insert(zipf);
            *best = best.max(zipf);
        }
        Ok(out)
    }

    /// The Zipf frequency of a folded word; 0 when the file does not list it.
    fn zipf(&self, lang: &str, folded: &str) -> f32 {
        self.by_lang
            .get(lang)
            .and_then(|words| words.get(folded))
            .copied()
            .unwrap_or(0.0)
    }
}

/// A warning about one alias of one entity.
#[derive(Debug, Clone, PartialEq)]
pub struct FrequencyWarning {
    pub origin: Origin,
    pub message: String,
}

impl fmt::Display for FrequencyWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: warning: {}", self.origin, self.message)
    }
}

/// Every warning for `gazetteer`, in entity order.
pub fn warnings(gazetteer: &Gazetteer, frequencies: &WordFrequencies) -> Vec<FrequencyWarning> {
    let not_clitic = crate::tag::not_clitic_words();
    let mut out = Vec::new();
    for entity in gazetteer.entities() {
        let aliases = entity
            .names
            .all()
            .chain(entity.family.all())
            .chain(entity.acronyms.all());
        let mut done: Vec<String> = Vec::new();
        for alias in aliases {
            let key = fold_str(alias);
            if key.contains(' ') || done.contains(&key) {
                continue;
            }
            done.push(key.clone());
            let marked = entity.ambiguous.all().any(|a| a == alias);
            if key.starts_with(is_arabic_letter) {
                if !marked && !is_demonym_form(entity, &key) {
                    common_arabic(entity, alias, &key, frequencies, &mut out);
                }
                // A key with the article takes ب، و، لل… as any noun does
                // (بالرياض): its proclitic forms say nothing.
                if !key.starts_with("ال") {
                    everyday_clitic_forms(entity, alias, &key, frequencies, &not_clitic, &mut out);
                }
            } else if !marked
                && entity.kind == super::EntityKind::Person
                && alias.chars().any(char::is_lowercase)
            {
                // People only: English exonyms of places are rare in other
                // languages (Syria, Britain) without being everyday words,
                // and all-capital acronyms match their exact case only.
                common_english(entity, alias, &key, frequencies, &mut out);
            }
        }
    }
    out
}

/// `gazetteer check --word-frequencies FILE`: reads FILE and writes every
/// warning, then a count, to `err`. Returns `false` (nothing written but the
/// error) when FILE cannot be read or parsed; warnings never fail the check.
///
/// # Errors
/// Only from writing to `err`.
pub fn check(
    gazetteer: &Gazetteer,
    path: &Path,
    err: &mut dyn std::io::Write,
) -> std::io::Result<bool> {
    let frequencies = match WordFrequencies::read(path) {
        Ok(f) => f,
        Err(e) => {
            writeln!(err, "{e}")?;
            return Ok(false);
        }
    };
    let found = warnings(gazetteer, &frequencies);
    for warning in &found {
        writeln!(err, "{warning}")?;
    }
    writeln!(
        err,
        "tadqiq: {} alias warning(s) from {}",
        found.len(),
        path.display()
    )?;
    Ok(true)
}

/// Whether a place name is its own demonym with or without the article and
/// ة: سورية and السورية (the Syrian, feminine), السعودية and سعودية.
fn is_demonym_form(entity: &Entity, key: &str) -> bool {
    let stem = key.strip_prefix("ال").unwrap_or(key);
    let stem = stem.strip_suffix('ه').unwrap_or(stem);
    entity.demonyms.all().any(|d| fold_str(d) == stem)
}

fn warn(entity: &Entity, message: String, out: &mut Vec<FrequencyWarning>) {
    out.push(FrequencyWarning {
        origin: entity.origin.clone(),
        message,
    });
}

fn common_arabic(
    entity: &Entity,
    alias: &str,
    key: &str,
    frequencies: &WordFrequencies,
    out: &mut Vec<FrequencyWarning>,
) {
    let other = match key.strip_prefix("ال") {
        Some(rest) => rest.to_string(),
        None => format!("ال{key}"),
    };
    let (alone, paired) = (frequencies.zipf("ar", key), frequencies.zipf("ar", &other));
    if alone >= AR_COMMON && paired >= AR_COMMON {
        warn(
            entity,
            format!(
                "alias `{alias}` of `{}` is an everyday word (Zipf {alone:.1}; `{other}` {paired:.1}): list it under `ambiguous`",
                entity.id
            ),
            out,
        );
    }
}

fn common_english(
    entity: &Entity,
    alias: &str,
    key: &str,
    frequencies: &WordFrequencies,
    out: &mut Vec<FrequencyWarning>,
) {
    let english = frequencies.zipf("en", key);
    let elsewhere = OTHER_LATIN
        .iter()
        .map(|lang| frequencies.zipf(lang, key))
        .fold(0.0f32, f32::max);
    if english >= EN_COMMON && english - elsewhere >= EN_MARGIN {
        warn(
            entity,
            format!(
                "alias `{alias}` of `{}` is an everyday English word (Zipf {english:.1}, at most {elsewhere:.1} in other languages): list it under `ambiguous`",
                entity.id
            ),
            out,
        );
    }
}

fn everyday_clitic_forms(
    entity: &Entity,
    alias: &str,
    key: &str,
    frequencies: &WordFrequencies,
    not_clitic: &std::collections::HashSet<String>,
    out: &mut Vec<FrequencyWarning>,
) {
    // The tagger never strips down to two letters.
    if key.chars().count() <= 2 {
        return;
    }
    let alone = frequencies.zipf("ar", key);
    let mut forms: Vec<String> = Vec::new();
    match key.strip_prefix('ا') {
        Some(rest) if key.starts_with("ال") => {
            for clitic in ["و", "ف", "ب", "ك", "وب", "وك", "فب", "فك"] {
                forms.push(format!("{clitic}{key}"));
            }
            for clitic in ["", "و", "ف"] {
                forms.push(format!("{clitic}ل{rest}"));
            }
        }
        _ => forms.extend(PROCLITICS.iter().map(|c| format!("{c}{key}"))),
    }
    for form in forms {
        if not_clitic.contains(&form) {
            continue;
        }
        let zipf = frequencies.zipf("ar", &form);
        if zipf >= CLITIC_COMMON && zipf > alone - CLITIC_MARGIN {
            warn(
                entity,
                format!(
                    "`{form}` is an everyday word (Zipf {zipf:.1}, alias `{alias}` of `{}` alone {alone:.1}) that the tagger would read as a proclitic + `{alias}`: list `{alias}` under `ambiguous`, or add `{form}` to `not-clitic` in lexicon/function-words.yaml",
                    entity.id
                ),
                out,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::EntityKind;

    const FREQUENCIES: &str = "# test figures\n\
ar\tسلام\t4.85\nar\tالسلام\t5.56\n\
ar\tلبنان\t5.33\nar\tولبنان\t4.1\n\
ar\tيان\t3.75\nar\tبيان\t4.89\nar\tكيان\t4.5\n\
ar\tصالح\t5.21\nar\tلصالح\t4.92\n\
en\thope\t5.44\nfr\thope\t3.89\n\
en\twashington\t5.08\nfr\twashington\t4.56\n\
ar\tسورية\t5.0\nar\tالسورية\t5.2\nen\tsyria\t4.4\nfr\tsyria\t3.1\n";

    const PEOPLE: &str = "
- id: nawaf-salam
  names: {ar: [نواف سلام], en: [Nawaf Salam]}
  family: {ar: [سلام], en: [Salam]}
  ambiguous: {ar: [سلام]}
  source: test
- id: salam-unmarked
  names: {ar: [سلام]}
  source: test
- id: hope-hicks
  names: {en: [Hope Hicks, Hope]}
  source: test
- id: yan-test
  names: {ar: [يان]}
  source: test
- id: saleh-test
  names: {ar: [صالح]}
  source: test
";
    const PLACES: &str = "
- id: lebanon
  kind: country
  names: {ar: [لبنان], en: [Lebanon]}
  source: test
- id: washington
  kind: city
  names: {en: [Washington]}
  source: test
- id: syria
  kind: country
  names: {ar: [سورية], en: [Syria]}
  demonyms: {ar: [سوري], en: [Syrian]}
  source: test
";

    fn messages() -> Vec<String> {
        let g = Gazetteer::from_yaml(&[
            (EntityKind::Person, "people.yaml", PEOPLE),
            (EntityKind::Place, "places.yaml", PLACES),
        ])
        .expect("test gazetteer is valid");
        let f = WordFrequencies::parse(FREQUENCIES, "freq.tsv").expect("valid file");
        warnings(&g, &f)
            .into_iter()
            .map(|w| w.to_string())
            .collect()
    }

    #[test]
    fn everyday_aliases_are_warned_about() {
        let got = messages();
        let has = |needle: &str| got.iter().any(|m| m.contains(needle));
        // سلام unmarked is an everyday word; marked, it is fine.
        assert!(
            has("alias `سلام` of `salam-unmarked` is an everyday word"),
            "{got:#?}"
        );
        assert!(!has("alias `سلام` of `nawaf-salam`"), "{got:#?}");
        // Hope is an English word, Washington a name in every language.
        assert!(has("alias `Hope` of `hope-hicks`"), "{got:#?}");
        assert!(!has("Washington"), "{got:#?}");
        // سورية is frequent with the article as the demonym السورية; Syria
        // is rare in French as an English exonym, not an everyday word.
        assert!(!has("سورية"), "{got:#?}");
        assert!(!has("Syria"), "{got:#?}");
        // لبنان: never with the article, its proclitic form is rarer.
        assert!(!has("لبنان"), "{got:#?}");
        // كيان (entity) would be ك + يان to the tagger; بيان and لصالح are
        // listed as one word (not-clitic), so the tagger never strips them.
        assert!(has("`كيان` is an everyday word"), "{got:#?}");
        assert!(!has("`بيان`"), "{got:#?}");
        assert!(!has("`لصالح`"), "{got:#?}");
        // Warnings carry the entity's place.
        assert!(got
            .iter()
            .all(|m| m.starts_with("people.yaml:") || m.starts_with("places.yaml:")));
    }

    #[test]
    fn bad_lines_are_errors_with_their_place() {
        let err = WordFrequencies::parse("ar\tسلام\t4.8\nar سلام 4.8\n", "f.tsv")
            .expect_err("a line without tabs");
        assert_eq!((err.path.as_str(), err.line), ("f.tsv", 2));
        assert!(
            err.message.contains("LANG<TAB>WORD<TAB>ZIPF"),
            "{}",
            err.message
        );
    }
}
