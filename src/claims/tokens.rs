//! The token stream the claim extractors read: words, digit runs and
//! punctuation of the folded text, each with its original byte range, its
//! sentence and paragraph, and whether it lies in checked text.
//!
//! One pass over the folded text; sentence, paragraph and skip lookups use
//! moving pointers, so building the stream is linear in the draft.

use std::ops::Range;

use crate::normalize::{is_word_char, Folded};
use crate::segment::{Document, SectionKind};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokenKind {
    /// Letters (and marks) of one script run.
    Word,
    /// ASCII digits, with `.`/`,` between digits kept inside ("1,000", "3.5").
    Digits,
    /// Any other single character that is not whitespace.
    Punct,
}

/// One token of the folded text.
#[derive(Debug, Clone)]
pub(crate) struct Token {
    /// Byte range in the folded text.
    pub folded: Range<usize>,
    /// Byte range in the original text.
    pub original: Range<usize>,
    pub kind: TokenKind,
    /// Index into `Document::sentences`, when inside one.
    pub sentence: Option<usize>,
    /// Index into `Document::paragraphs`, when inside one.
    pub paragraph: Option<usize>,
    /// The section kind of the paragraph (body when outside any).
    pub section: SectionKind,
    /// False in boilerplate and skipped regions: never read as a claim.
    pub checked: bool,
}

/// The tokens of one draft, with the folded text they index.
pub(crate) struct Tokens<'a> {
    pub folded: &'a str,
    pub list: Vec<Token>,
}

impl<'a> Tokens<'a> {
    /// Tokenizes `folded`; with `doc`, attaches sentences, paragraphs and
    /// sections (without one, everything is one checked body sentence).
    pub(crate) fn new(folded: &'a Folded, doc: Option<&Document>) -> Tokens<'a> {
        let text = folded.text();
        let mut list = Vec::new();
        let mut sentence_ptr = 0;
        let mut paragraph_ptr = 0;
        let mut skip_ptr = 0;
        for range in split(text) {
            let original = folded.original_range(range.clone());
            let first = text[range.clone()].chars().next().unwrap_or(' ');
            let kind = if first.is_ascii_digit() {
                TokenKind::Digits
            } else if is_word_char(first) {
                TokenKind::Word
            } else {
                TokenKind::Punct
            };
            let (sentence, paragraph, section, checked) = match doc {
                None => (Some(0), Some(0), SectionKind::Body, true),
                Some(doc) => {
                    let at = original.start;
                    let sentence = advance(&doc.sentences, &mut sentence_ptr, at, |s| &s.range);
                    let paragraph = advance(&doc.paragraphs, &mut paragraph_ptr, at, |p| &p.range);
                    let section = paragraph
                        .and_then(|p| doc.paragraphs.get(p))
                        .map_or(SectionKind::Body, |p| p.section);
                    while skip_ptr < doc.skipped.len() && doc.skipped[skip_ptr].end <= at {
                        skip_ptr += 1;
                    }
                    let skipped = doc
                        .skipped
                        .get(skip_ptr)
                        .is_some_and(|s| s.start < original.end.max(at + 1));
                    let checked =
                        paragraph.is_some() && section != SectionKind::Boilerplate && !skipped;
                    (sentence, paragraph, section, checked)
                }
            };
            list.push(Token {
                folded: range,
                original,
                kind,
                sentence,
                paragraph,
                section,
                checked,
            });
        }
        Tokens { folded: text, list }
    }

    /// The folded text of token `i` ("" past the end).
    pub(crate) fn text(&self, i: usize) -> &'a str {
        self.list
            .get(i)
            .and_then(|t| self.folded.get(t.folded.clone()))
            .unwrap_or("")
    }

    pub(crate) fn len(&self) -> usize {
        self.list.len()
    }

    /// Whether tokens `a` and `b` are in the same sentence.
    pub(crate) fn same_sentence(&self, a: usize, b: usize) -> bool {
        match (self.list.get(a), self.list.get(b)) {
            (Some(x), Some(y)) => x.sentence.is_some() && x.sentence == y.sentence,
            _ => false,
        }
    }

    pub(crate) fn is_word(&self, i: usize) -> bool {
        self.list.get(i).is_some_and(|t| t.kind == TokenKind::Word)
    }

    pub(crate) fn is_digits(&self, i: usize) -> bool {
        self.list
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Digits)
    }

    /// Whether token `i` starts with an ASCII character (a Latin word,
    /// digits or ASCII punctuation).
    pub(crate) fn is_latin(&self, i: usize) -> bool {
        self.text(i).chars().next().is_some_and(|c| c.is_ascii())
    }

    /// Whether the first word in tokens `range` is Latin: the language a
    /// claim is written in, for display names ("89" alone says nothing).
    pub(crate) fn latin_words(&self, range: Range<usize>) -> bool {
        range
            .into_iter()
            .find(|&k| self.is_word(k))
            .is_some_and(|k| self.is_latin(k))
    }
}

/// Moves `ptr` forward over `items` (sorted, disjoint ranges) and returns the
/// index of the item containing `at`.
fn advance<T>(
    items: &[T],
    ptr: &mut usize,
    at: usize,
    range: impl Fn(&T) -> &Range<usize>,
) -> Option<usize> {
    while *ptr < items.len() && range(&items[*ptr]).end <= at {
        *ptr += 1;
    }
    items
        .get(*ptr)
        .filter(|item| range(item).contains(&at))
        .map(|_| *ptr)
}

/// Splits folded text into token ranges: digit runs (with inner `.`/`,`
/// between digits), letter runs (split where digits start or stop, so "و90"
/// is "و" + "90"), and single punctuation characters.
fn split(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        if c.is_ascii_digit() {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if d.is_ascii_digit() {
                    end = j + 1;
                    chars.next();
                } else if d == '.' || d == ',' {
                    // Keep the separator only when a digit follows it.
                    let next = text[j + 1..].chars().next();
                    if next.is_some_and(|n| n.is_ascii_digit()) {
                        chars.next();
                        end = j + 1;
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            out.push(i..end);
        } else if is_word_char(c) {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if is_word_char(d) && !d.is_ascii_digit() {
                    end = j + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            out.push(i..end);
        } else {
            out.push(i..i + c.len_utf8());
        }
    }
    out
}

pub(crate) use crate::clitics::clitic_forms;

/// `word` without a leading article "ال" (when at least two letters remain).
pub(crate) fn strip_article(word: &str) -> &str {
    match word.strip_prefix("ال") {
        Some(r) if r.chars().count() >= 2 => r,
        _ => word,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::fold;

    struct Case {
        input: &'static str,
        want: &'static [&'static str],
    }

    #[test]
    fn split_cases() {
        let cases = [
            // Waw before digits is its own token, so ranges like "و90" parse.
            Case {
                input: "بين 80 و90 دولة",
                want: &["بين", "80", "و", "90", "دوله"],
            },
            // Separators between digits stay inside the number.
            Case {
                input: "1,000 and 3.5.",
                want: &["1,000", "and", "3.5", "."],
            },
            // Arabic-Indic digits and the Arabic decimal separator fold to ASCII.
            Case {
                input: "٨٩ و٣٫٥",
                want: &["89", "و", "3.5"],
            },
            // Double month keeps the slash as a token.
            Case {
                input: "أكتوبر/تشرين الأول",
                want: &["اكتوبر", "/", "تشرين", "الاول"],
            },
            // English ordinals split into digits and suffix.
            Case {
                input: "the 8th",
                want: &["the", "8", "th"],
            },
        ];
        for case in cases {
            let folded = fold(case.input);
            let tokens = Tokens::new(&folded, None);
            let got: Vec<&str> = (0..tokens.len()).map(|i| tokens.text(i)).collect();
            assert_eq!(got, case.want, "input {}", case.input);
        }
    }
}
