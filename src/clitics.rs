//! Arabic proclitics (و ف, ب ل ك and their pairs, and للـ for ل + ال), in
//! one place for every stage that reads words after folding: coreference,
//! the claim readers and the rules. The tagger validates a proclitic in front
//! of a gazetteer key with its own, stricter rules (DESIGN.md §6), but shares
//! [`is_arabic_letter`].

use std::borrow::Cow;

/// An Arabic letter (of the folded text: no diacritics, no presentation forms).
pub(crate) fn is_arabic_letter(c: char) -> bool {
    ('\u{0600}'..='\u{06FF}').contains(&c) && c.is_alphabetic()
}

/// One reading of a folded word: the word without a proclitic, and the
/// proclitic it drops ("" for the word itself).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Reading<'a> {
    pub word: Cow<'a, str>,
    pub clitic: &'a str,
}

/// The word and what is left after a proclitic: و ف, ب ل ك, and the pairs
/// وب ول وك فب فل فك; "لل" + word stands for ل + "ال" + word, so
/// "للرئيس" reads as "الرئيس" (dropping "لل") and as "لرئيس" (dropping
/// "ل"). Remainders shorter than two letters are not offered. The word itself
/// comes first.
pub(crate) fn readings(word: &str) -> Vec<Reading<'_>> {
    fn push<'a>(out: &mut Vec<Reading<'a>>, word: &'a str, reading: Cow<'a, str>, kept: usize) {
        if reading.chars().count() >= 2 && !out.iter().any(|r| r.word == reading) {
            // `kept` bytes at the end of `word` survive; the rest is the clitic.
            out.push(Reading {
                clitic: &word[..word.len() - kept],
                word: reading,
            });
        }
    }
    let mut out = vec![Reading {
        word: Cow::Borrowed(word),
        clitic: "",
    }];
    let mut rest = word;
    if let Some(r) = rest.strip_prefix('و').or_else(|| rest.strip_prefix('ف')) {
        push(&mut out, word, Cow::Borrowed(r), r.len());
        rest = r;
    }
    for base in [word, rest] {
        if let Some(r) = base.strip_prefix("لل") {
            push(&mut out, word, Cow::Owned(format!("ال{r}")), r.len());
        }
        if let Some(r) = base
            .strip_prefix('ب')
            .or_else(|| base.strip_prefix('ل'))
            .or_else(|| base.strip_prefix('ك'))
        {
            push(&mut out, word, Cow::Borrowed(r), r.len());
        }
    }
    out
}

/// The readings of `word` without the clitics they drop.
pub(crate) fn clitic_forms(word: &str) -> Vec<Cow<'_, str>> {
    readings(word).into_iter().map(|r| r.word).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Case {
        word: &'static str,
        /// (reading, clitic dropped), in order.
        want: &'static [(&'static str, &'static str)],
    }

    #[test]
    fn readings_of_words() {
        let cases = [
            // A conjunction before a verb.
            Case {
                word: "ويضم",
                want: &[("ويضم", ""), ("يضم", "و")],
            },
            // لل + noun stands for ل + ال + noun; the bare ل reading remains.
            Case {
                word: "للرئيس",
                want: &[("للرئيس", ""), ("الرئيس", "لل"), ("لرئيس", "ل")],
            },
            // Conjunction, then preposition or للـ.
            Case {
                word: "وللتحالف",
                want: &[
                    ("وللتحالف", ""),
                    ("للتحالف", "و"),
                    ("التحالف", "ولل"),
                    ("لتحالف", "ول"),
                ],
            },
            // A preposition before a modifier.
            Case {
                word: "لاكثر",
                want: &[("لاكثر", ""), ("اكثر", "ل")],
            },
            Case {
                word: "بالرئيس",
                want: &[("بالرئيس", ""), ("الرئيس", "ب")],
            },
            // Two-letter remainders are the minimum: "وست" keeps "ست" ...
            Case {
                word: "وست",
                want: &[("وست", ""), ("ست", "و")],
            },
            // ... and one letter never remains.
            Case {
                word: "وب",
                want: &[("وب", "")],
            },
            // Latin words have no proclitics.
            Case {
                word: "president",
                want: &[("president", "")],
            },
        ];
        for case in cases {
            let got: Vec<(String, String)> = readings(case.word)
                .into_iter()
                .map(|r| (r.word.into_owned(), r.clitic.to_string()))
                .collect();
            let want: Vec<(String, String)> = case
                .want
                .iter()
                .map(|&(w, c)| (w.to_string(), c.to_string()))
                .collect();
            assert_eq!(got, want, "word {}", case.word);
        }
    }

    #[test]
    fn arabic_letters() {
        assert!(is_arabic_letter('ش'));
        assert!(!is_arabic_letter('٣'));
        assert!(!is_arabic_letter('،'));
        assert!(!is_arabic_letter('a'));
    }
}
