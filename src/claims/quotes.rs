//! Quotes: text inside «…», "…", “…” or '…' (all folded to `"` or `'`),
//! with the speaker they are attributed to and how (the evidence a finding
//! shows). The patterns, in the order they are tried:
//!
//! - a speech verb before the quote, its subject named ("قال ترامب: «…»",
//!   "Trump said: \"…\"", "said Trump: \"…\"");
//! - a speech verb just after the quote in its sentence ("«…»، قال ترامب",
//!   "\"…,\" Trump said", "\"…,\" said Trump");
//! - a speech verb with no named subject ("وأضاف: «…»", "\"…,\" he added"):
//!   the previous speaker continues, when one was named in the same section
//!   a few paragraphs before and no unnamed speaker ("قال مسؤول") came
//!   between;
//! - no speech verb, the quote a sentence of its own: the one person named in
//!   the sentence before.
//!
//! The words (speech verbs, participles, pronouns, and the words that make a
//! name someone else than the speaker) are data: `lexicon/attribution.yaml`.
//! A quote without a speaker is kept but never compared.

use serde::Serialize;

use super::slots::Referents;
use super::tokens::{TokenKind, Tokens};
use super::words::{is_speech_verb, words, Role};
use crate::gazetteer::{EntityIndex, EntityKind, Gazetteer};
use crate::segment::SectionKind;

/// A word of a quote, for comparing wordings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct QuoteWord {
    /// Folded, for comparison.
    pub folded: String,
    /// As written, for the word diff.
    pub original: String,
    /// Whether it lies inside a tagged mention.
    pub entity: bool,
}

/// Which pattern attributed a quote to its speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Attribution {
    /// "قال ترامب: «…»", "Trump said: \"…\"".
    VerbBefore,
    /// "«…»، قال ترامب", "\"…,\" Trump said".
    VerbAfter,
    /// "وأضاف: «…»", "\"…,\" he added": the previous speaker.
    Continuation,
    /// The quote alone in its sentence; one person named in the one before.
    PreviousSentence,
}

/// A quotation read from the draft.
#[derive(Debug, Clone, Serialize)]
pub struct Quote {
    /// Original byte range of the quoted text (without the marks).
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub section: SectionKind,
    /// The speaker's entity id, when one was found.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    /// The pattern that found the speaker.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attribution: Option<Attribution>,
    /// The attribution in words, with the verb and name as written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
    #[serde(skip)]
    pub speaker_index: Option<EntityIndex>,
    #[serde(skip)]
    pub(crate) words: Vec<QuoteWord>,
}

/// Words a quote needs to be a statement rather than a name or a scare
/// quote, for bounding the search for the next quote's speech verb.
const STATEMENT_WORDS: usize = 3;

/// Paragraphs a "وأضاف" may lie after the previous speaker's last words.
const CONTINUATION_PARAGRAPHS: usize = 3;

/// Reads every quote of a draft.
pub(crate) fn extract(
    t: &Tokens<'_>,
    text: &str,
    referents: &Referents,
    gazetteer: &Gazetteer,
) -> Vec<Quote> {
    let pairs = quote_pairs(t);
    if pairs.is_empty() {
        return Vec::new();
    }
    let cx = Attributor {
        t,
        text,
        referents,
        gazetteer,
    };
    let updates = cx.speech_outside(&pairs);
    let mut timeline = Timeline {
        updates,
        next: 0,
        last: None,
    };
    let mut out = Vec::new();
    // The close of the last quote long enough to be a statement: a name or
    // a scare quote in between ("قال ترمب على «تروث سوشيال»: «…»") does not
    // hide the speech verb before it.
    let mut last_close = 0usize;
    for &(open, close) in &pairs {
        let statement = (open + 1..close).filter(|&k| t.is_word(k)).count() >= STATEMENT_WORDS;
        let Some(mut q) = quote(t, text, open, close, referents) else {
            if statement {
                last_close = close;
            }
            continue;
        };
        timeline.advance(open);
        let found = cx.speaker(open, close, last_close, &timeline);
        if let Some(found) = &found {
            q.speaker = Some(gazetteer.entity(found.entity).id.clone());
            q.speaker_index = Some(found.entity);
            q.attribution = Some(found.how);
            q.evidence = Some(found.evidence.clone());
        }
        timeline.push_quote(t, close, found.map(|f| f.entity));
        out.push(q);
        if statement {
            last_close = close;
        }
    }
    out
}

/// The (open, close) token pairs of every quote, in order.
fn quote_pairs(t: &Tokens<'_>) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, &str)> = None;
    for i in 0..t.len() {
        let tok = &t.list[i];
        if let Some((o, _)) = open {
            if t.list[o].paragraph != tok.paragraph {
                open = None;
            }
        }
        if tok.kind != TokenKind::Punct {
            continue;
        }
        let mark = t.text(i);
        let adjacent_word = |k: usize, before: bool| -> bool {
            let Some(other) = t.list.get(k) else {
                return false;
            };
            let touching = if before {
                other.folded.end == tok.folded.start
            } else {
                other.folded.start == tok.folded.end
            };
            touching && other.kind != TokenKind::Punct
        };
        let prev_word = i > 0 && adjacent_word(i - 1, true);
        let next_word = adjacent_word(i + 1, false);
        match (mark, open) {
            ("\"", None) => open = Some((i, "\"")),
            ("'", None) if !prev_word && next_word => open = Some((i, "'")),
            ("\"", Some((o, "\""))) => {
                open = None;
                out.push((o, i));
            }
            ("'", Some((o, "'"))) if !next_word => {
                open = None;
                out.push((o, i));
            }
            _ => {}
        }
    }
    out
}

fn quote(
    t: &Tokens<'_>,
    text: &str,
    open: usize,
    close: usize,
    referents: &Referents,
) -> Option<Quote> {
    if close <= open + 1 || !t.list[open].checked {
        return None;
    }
    let start = t.list[open].original.end;
    let end = t.list[close].original.start;
    let inner = text.get(start..end)?;
    let trimmed_start = start + (inner.len() - inner.trim_start().len());
    let trimmed_end = end - (inner.len() - inner.trim_end().len());
    let mentions_in = |k: usize| {
        let tok = &t.list[k];
        let at = referents
            .list
            .partition_point(|r| r.end <= tok.folded.start);
        referents
            .list
            .get(at)
            .is_some_and(|r| r.start <= tok.folded.start && tok.folded.end <= r.end)
    };
    let words: Vec<QuoteWord> = (open + 1..close)
        .filter(|&k| t.list[k].kind != TokenKind::Punct)
        .map(|k| QuoteWord {
            folded: t.text(k).to_string(),
            original: text
                .get(t.list[k].original.clone())
                .unwrap_or("")
                .to_string(),
            entity: mentions_in(k),
        })
        .collect();
    if words.is_empty() {
        return None;
    }
    Some(Quote {
        start: trimmed_start,
        end: trimmed_end,
        text: text
            .get(trimmed_start..trimmed_end)
            .unwrap_or("")
            .to_string(),
        section: t.list[open].section,
        speaker: None,
        attribution: None,
        evidence: None,
        speaker_index: None,
        words,
    })
}

/// Who a speech verb's subject is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Subject {
    /// A tagged person or organization (folded start of the mention).
    Named(EntityIndex, usize, usize),
    /// "he said", "said she", or an Arabic verb with nothing after it but a
    /// colon, a quote or where it was said ("وأضاف في تصريح:").
    Continues,
    /// A speaker the gazetteer does not know ("قال مسؤول", "the official
    /// said", "Trump's spokesman said").
    Unnamed,
}

/// A speaker change: at token `at`, the speaker became `entity` (None: an
/// unnamed one).
#[derive(Debug, Clone, Copy)]
struct Update {
    at: usize,
    entity: Option<EntityIndex>,
    paragraph: Option<usize>,
    section: SectionKind,
}

/// The speakers in draft order, read up to the quote being attributed.
struct Timeline {
    updates: Vec<Update>,
    next: usize,
    last: Option<Update>,
}

impl Timeline {
    /// Takes in every update before token `to`.
    fn advance(&mut self, to: usize) {
        while self.next < self.updates.len() && self.updates[self.next].at < to {
            self.last = Some(self.updates[self.next]);
            self.next += 1;
        }
    }

    /// A quote's own attribution counts as a speaker change at its close.
    fn push_quote(&mut self, t: &Tokens<'_>, close: usize, entity: Option<EntityIndex>) {
        if entity.is_some() {
            let tok = &t.list[close];
            self.last = Some(Update {
                at: close,
                entity,
                paragraph: tok.paragraph,
                section: tok.section,
            });
        }
    }

    /// The speaker a continuation at token `at` continues.
    fn previous(&self, t: &Tokens<'_>, at: usize) -> Option<EntityIndex> {
        let last = self.last?;
        let tok = t.list.get(at)?;
        let near = match (last.paragraph, tok.paragraph) {
            (Some(a), Some(b)) => b >= a && b - a <= CONTINUATION_PARAGRAPHS,
            _ => false,
        };
        (near && last.section == tok.section)
            .then_some(last.entity)
            .flatten()
    }
}

/// A speaker found, with the pattern and its evidence.
struct Found {
    entity: EntityIndex,
    how: Attribution,
    evidence: String,
}

struct Attributor<'a> {
    t: &'a Tokens<'a>,
    text: &'a str,
    referents: &'a Referents,
    gazetteer: &'a Gazetteer,
}

fn is_terminator(w: &str) -> bool {
    matches!(w, "." | "!" | "?" | "؟" | "۔")
}

impl Attributor<'_> {
    /// The text of tokens as written.
    fn written(&self, from: usize, to: usize) -> &str {
        let (Some(a), Some(b)) = (self.t.list.get(from), self.t.list.get(to)) else {
            return "";
        };
        self.text
            .get(a.original.start..b.original.end)
            .unwrap_or("")
    }

    /// The written text of a referent by its folded range.
    fn written_folded(&self, start: usize, end: usize) -> &str {
        let list = &self.t.list;
        let a = list.partition_point(|x| x.folded.end <= start);
        let b = list.partition_point(|x| x.folded.start < end);
        if a >= b {
            return "";
        }
        self.written(a, b - 1)
    }

    /// The token index where the referent at folded `start` begins.
    fn token_at(&self, folded: usize) -> usize {
        self.t.list.partition_point(|x| x.folded.end <= folded)
    }

    /// Speaker changes from speech verbs outside quotes ("وقال ترامب إن …",
    /// "said a spokesman"), in draft order.
    fn speech_outside(&self, pairs: &[(usize, usize)]) -> Vec<Update> {
        let t = self.t;
        let mut out = Vec::new();
        let mut q = 0;
        for v in 0..t.len() {
            while q < pairs.len() && pairs[q].1 < v {
                q += 1;
            }
            if pairs.get(q).is_some_and(|&(o, c)| o < v && v < c) {
                continue;
            }
            if !t.list[v].checked || !t.is_word(v) || !is_speech_verb(t.text(v)) {
                continue;
            }
            let (lo, hi) = self.fences(v, pairs, q);
            let entity = match self.subject(v, lo, hi) {
                Subject::Named(e, _, _) => Some(e),
                Subject::Unnamed => None,
                Subject::Continues => continue,
            };
            out.push(Update {
                at: v,
                entity,
                paragraph: t.list[v].paragraph,
                section: t.list[v].section,
            });
        }
        out
    }

    /// The tokens a verb's subject may lie in: its sentence, outside quotes.
    fn fences(&self, v: usize, pairs: &[(usize, usize)], q: usize) -> (usize, usize) {
        let lo = q
            .checked_sub(1)
            .and_then(|p| pairs.get(p))
            .map_or(0, |&(_, c)| c + 1);
        let hi = pairs.get(q).map_or(self.t.len(), |&(o, _)| o);
        (lo.min(v), hi.max(v + 1))
    }

    /// The subject of speech verb `v`, looked for in tokens `lo..hi` of its
    /// sentence.
    fn subject(&self, v: usize, lo: usize, hi: usize) -> Subject {
        let t = self.t;
        let sentence_start = (lo..v)
            .rev()
            .take_while(|&k| t.same_sentence(k, v))
            .last()
            .unwrap_or(v);
        // A participle ends a sentence whose subject comes first: "التقى
        // ترامب الشرع، قائلاً: «…»", "Trump praised al-Sharaa, saying".
        if words().is(t.text(v), Role::Participle) {
            // "He praised al-Sharaa, saying": a pronoun subject continues.
            let first_word = (sentence_start..v).find(|&k| t.is_word(k));
            if first_word.is_some_and(|k| words().is(t.text(k), Role::Pronoun)) {
                return Subject::Continues;
            }
            // The subject opens the sentence: after its verb and a title
            // in Arabic ("التقى الرئيس الأمريكي دونالد ترامب …"), first in
            // English ("President Trump praised …").
            let reach = if t.is_latin(v) { 3 } else { 6 };
            let mut seen = 0;
            for k in sentence_start..v {
                if let Some(r) = self.referent_starting(k) {
                    let kind = self.gazetteer.entity(r.0).kind;
                    if kind != EntityKind::Place && !self.possessive_after(r.2) {
                        return Subject::Named(r.0, r.1, r.2);
                    }
                }
                if t.is_word(k) {
                    let w = t.text(k);
                    if words().is(w, Role::Source) || words().is(w, Role::Proxy) {
                        break;
                    }
                    seen += 1;
                    if seen >= reach {
                        break;
                    }
                }
            }
            return Subject::Continues;
        }
        if t.is_latin(v) {
            // English puts the subject first ("Trump said", "he added", "the
            // official said"), or after the verb when the quote comes first
            // ("\"…,\" said Trump").
            if let Some(found) = self.subject_before(v, sentence_start) {
                return found;
            }
            return self.subject_after(v, hi).unwrap_or(Subject::Continues);
        }
        // Arabic puts it after the verb ("قال ترامب", "وقال مسؤول"), else
        // before it ("ترامب قال"); nothing on either side continues.
        if let Some(found) = self.subject_after(v, hi) {
            return found;
        }
        self.subject_before(v, sentence_start)
            .unwrap_or(Subject::Continues)
    }

    /// The subject after speech verb `v`, up to token `hi`: a name (titles
    /// and demonyms may come first), a pronoun, or words naming someone
    /// untagged. None when nothing stands there but where it was said.
    fn subject_after(&self, v: usize, hi: usize) -> Option<Subject> {
        let t = self.t;
        let w = words();
        let latin = t.is_latin(v);
        let mut blocked = false;
        let mut nouns = 0;
        let mut seen_words = 0;
        let mut k = v + 1;
        while k < hi.min(t.len()) && t.same_sentence(k, v) && seen_words < 6 {
            if !t.is_word(k) {
                if t.is_digits(k) || (t.text(k) == "-" && latin) {
                    k += 1;
                    continue;
                }
                break;
            }
            if let Some(r) = self.referent_starting(k) {
                if self.gazetteer.entity(r.0).kind == EntityKind::Place {
                    // A demonym or country in a title ("الرئيس السوري أحمد الشرع").
                    k = self.token_at(r.2).max(k + 1);
                    seen_words += 1;
                    continue;
                }
                if blocked || self.possessive_after(r.2) {
                    return Some(Subject::Unnamed);
                }
                return Some(Subject::Named(r.0, r.1, r.2));
            }
            let word = t.text(k);
            seen_words += 1;
            if seen_words == 1 && w.is(word, Role::Pronoun) {
                return Some(Subject::Continues);
            }
            if w.is(word, Role::Proxy) {
                blocked = true;
            } else if w.is(word, Role::Source) || (!latin && word.starts_with("لل")) {
                if nouns == 0 && !blocked {
                    // "وأضاف في تصريح", "told reporters": no subject after.
                    return None;
                }
                blocked = true;
            } else if is_speech_verb(word) {
                // "وعلق قائلاً"
            } else {
                if !blocked && nouns == 0 {
                    if let Some(e) = self.referents.surname(word, t.list[k].folded.start) {
                        let f = &t.list[k].folded;
                        return Some(Subject::Named(e, f.start, f.end));
                    }
                }
                nouns += 1;
            }
            k += 1;
        }
        (nouns > 0 || blocked).then_some(Subject::Unnamed)
    }

    /// The subject right before speech verb `v` ("Trump said", "ترامب قال",
    /// "he added", "the official said", "Trump's spokesman said"). None
    /// when punctuation or the sentence start comes first.
    fn subject_before(&self, v: usize, sentence_start: usize) -> Option<Subject> {
        let t = self.t;
        let w = words();
        let latin = t.is_latin(v);
        let mut k = v;
        let mut skipped = 0;
        while k > sentence_start {
            k -= 1;
            if !t.is_word(k) {
                return None;
            }
            if let Some(r) = self.referent_ending(k) {
                if self.gazetteer.entity(r.0).kind == EntityKind::Place {
                    return Some(Subject::Unnamed);
                }
                if self.possessive_after(r.2) {
                    return Some(Subject::Unnamed);
                }
                return Some(Subject::Named(r.0, r.1, r.2));
            }
            let word = t.text(k);
            if w.is(word, Role::Pronoun) {
                return Some(Subject::Continues);
            }
            if let Some(e) = self.referents.surname(word, t.list[k].folded.start) {
                let f = &t.list[k].folded;
                return Some(Subject::Named(e, f.start, f.end));
            }
            // "Trump also said", "he then added", "وكان ترامب قد قال".
            let auxiliary = if latin {
                matches!(word, "also" | "then" | "later" | "has" | "had")
            } else {
                matches!(
                    word,
                    "قد" | "لقد" | "ثم" | "كان" | "كانت" | "بدوره" | "بدورها" | "ايضا"
                )
            };
            if auxiliary && skipped < 2 {
                skipped += 1;
                continue;
            }
            return latin.then_some(Subject::Unnamed);
        }
        None
    }

    /// (entity, folded start, folded end) of a person or organization
    /// mention starting at token `k`.
    fn referent_starting(&self, k: usize) -> Option<(EntityIndex, usize, usize)> {
        let tok = self.t.list.get(k)?;
        let at = self
            .referents
            .list
            .partition_point(|r| r.end <= tok.folded.start);
        let r = self.referents.list.get(at)?;
        (r.start >= tok.folded.start && r.start < tok.folded.end)
            .then_some((r.entity, r.start, r.end))
    }

    /// The same, for a mention ending in token `k`.
    fn referent_ending(&self, k: usize) -> Option<(EntityIndex, usize, usize)> {
        let tok = self.t.list.get(k)?;
        let at = self
            .referents
            .list
            .partition_point(|r| r.end <= tok.folded.start);
        let r = self.referents.list.get(at)?;
        (r.start < tok.folded.end && r.end <= tok.folded.end && r.end > tok.folded.start)
            .then_some((r.entity, r.start, r.end))
    }

    /// Whether "'s" follows the mention ending at folded `end` ("Trump's").
    fn possessive_after(&self, end: usize) -> bool {
        let k = self.token_at(end);
        matches!(self.t.text(k), "'" | "’") && self.t.text(k + 1) == "s"
    }

    /// The name of a person in the draft's words.
    fn name(&self, start: usize, end: usize) -> String {
        self.written_folded(start, end).to_string()
    }

    /// The speaker of the quote in tokens `open..=close`.
    fn speaker(
        &self,
        open: usize,
        close: usize,
        last_close: usize,
        timeline: &Timeline,
    ) -> Option<Found> {
        let t = self.t;
        let paragraph = t.list[open].paragraph;
        let floor = open
            .saturating_sub(30)
            .max(if last_close > 0 { last_close + 1 } else { 0 });
        // A speech verb before the quote, in its paragraph; or at the end of
        // the paragraph before when that one ends with a colon.
        // The verb is in the quote's sentence, or ends the sentence before
        // with a colon ("… he said. \"…\"" is no attribution of the second).
        let colon_before = open > 0 && t.text(open - 1) == ":";
        let mut verb = (floor..open)
            .rev()
            .take_while(|&k| t.list[k].paragraph == paragraph)
            .find(|&k| t.is_word(k) && is_speech_verb(t.text(k)))
            .filter(|&v| {
                t.same_sentence(v, open) || (colon_before && t.same_sentence(v, open - 1))
            });
        let first_in_paragraph = open == 0 || t.list[open - 1].paragraph != paragraph;
        if verb.is_none() && first_in_paragraph && open > 0 && t.text(open - 1) == ":" {
            let before = t.list[open - 1].paragraph;
            verb = (floor..open - 1)
                .rev()
                .take_while(|&k| t.list[k].paragraph == before)
                .take(30)
                .find(|&k| t.is_word(k) && is_speech_verb(t.text(k)));
        }
        if let Some(v) = verb {
            let verb_text = self.written(v, v);
            // The subject may open a long sentence: look back to its start
            // (after the previous statement), not only 30 tokens.
            let lo = open
                .saturating_sub(120)
                .max(if last_close > 0 { last_close + 1 } else { 0 });
            return match self.subject(v, lo, open) {
                Subject::Named(e, s, end) => Some(Found {
                    entity: e,
                    how: Attribution::VerbBefore,
                    evidence: format!(
                        "speech verb \"{verb_text}\" before the quote, speaker \"{}\"",
                        self.name(s, end)
                    ),
                }),
                Subject::Continues => self.continuation(timeline, open, verb_text),
                Subject::Unnamed => None,
            };
        }
        // A speech verb just after the quote, in its sentence.
        let mut k = close + 1;
        let mut words_seen = 0;
        while k < t.len() && t.list[k].paragraph == paragraph && words_seen < 5 {
            let w = t.text(k);
            if is_terminator(w) || matches!(w, "\"" | "'") {
                break;
            }
            if t.is_word(k) {
                words_seen += 1;
                if is_speech_verb(w) {
                    let verb_text = self.written(k, k);
                    let hi = (k + 10).min(t.len());
                    return match self.subject(k, close + 1, hi) {
                        Subject::Named(e, s, end) => Some(Found {
                            entity: e,
                            how: Attribution::VerbAfter,
                            evidence: format!(
                                "speech verb \"{verb_text}\" after the quote, speaker \"{}\"",
                                self.name(s, end)
                            ),
                        }),
                        Subject::Continues => self.continuation(timeline, open, verb_text),
                        Subject::Unnamed => None,
                    };
                }
            }
            k += 1;
        }
        self.previous_sentence(open, close)
    }

    fn continuation(&self, timeline: &Timeline, open: usize, verb: &str) -> Option<Found> {
        let e = timeline.previous(self.t, open)?;
        let name =
            crate::claims::slots::display_name(self.gazetteer.entity(e), self.t.is_latin(open + 1));
        Some(Found {
            entity: e,
            how: Attribution::Continuation,
            evidence: format!(
                "\"{verb}\" names no speaker: it continues the previous speaker, \"{name}\""
            ),
        })
    }

    /// A quote that is a sentence of its own, after a sentence naming one
    /// person: "Trump spoke to reporters. \"We will meet soon.\"".
    fn previous_sentence(&self, open: usize, close: usize) -> Option<Found> {
        let t = self.t;
        let paragraph = t.list[open].paragraph;
        // Nothing but punctuation between the sentence start and the quote.
        let mut k = open;
        while k > 0 && t.list[k - 1].paragraph == paragraph {
            let w = t.text(k - 1);
            if is_terminator(w) {
                break;
            }
            if t.list[k - 1].kind != TokenKind::Punct || matches!(w, "\"" | "'") {
                return None;
            }
            k -= 1;
        }
        let prev_end = k.checked_sub(1)?;
        if t.list[prev_end].paragraph != paragraph {
            return None;
        }
        // The quote ends its sentence.
        let after = t.text(close + 1);
        let ends = close + 1 >= t.len()
            || t.list[close + 1].paragraph != paragraph
            || is_terminator(after)
            || is_terminator(t.text(close - 1));
        if !ends {
            return None;
        }
        // The sentence before, in the same paragraph, without a quote.
        let mut s = prev_end;
        while s > 0
            && t.list[s - 1].paragraph == paragraph
            && !is_terminator(t.text(s - 1))
            && prev_end - s < 80
        {
            if matches!(t.text(s - 1), "\"" | "'") {
                return None;
            }
            s -= 1;
        }
        let lo = t.list[s].folded.start;
        let hi = t.list[prev_end].folded.end;
        let first = self.referents.list.partition_point(|r| r.start < lo);
        let mut person: Option<(EntityIndex, usize, usize)> = None;
        for r in self.referents.list[first..]
            .iter()
            .take_while(|r| r.end <= hi)
        {
            if r.kind != EntityKind::Person {
                continue;
            }
            match person {
                None => person = Some((r.entity, r.start, r.end)),
                Some((e, _, _)) if e == r.entity => {}
                Some(_) => return None,
            }
        }
        let (e, start, end) = person?;
        Some(Found {
            entity: e,
            how: Attribution::PreviousSentence,
            evidence: format!(
                "no speech verb; \"{}\" is the one person named in the sentence before",
                self.name(start, end)
            ),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::fold;

    fn quotes_of(text: &str) -> Vec<String> {
        let folded = fold(text);
        let t = Tokens::new(&folded, None);
        let Ok(gazetteer) = Gazetteer::from_yaml(&[]) else {
            return Vec::new();
        };
        let referents = Referents {
            list: Vec::new(),
            surnames: Vec::new(),
        };
        extract(&t, text, &referents, &gazetteer)
            .into_iter()
            .map(|q| q.text)
            .collect()
    }

    struct Case {
        text: &'static str,
        want: &'static [&'static str],
    }

    #[test]
    fn quote_marks() {
        let cases = [
            // Guillemets.
            Case {
                text: "قال: «لن ننسحب من سوريا».",
                want: &["لن ننسحب من سوريا"],
            },
            // Curly double quotes, across sentence ends.
            Case {
                text: "قائلاً: “سوف نلتقي. إنها منطقة صعبة.”",
                want: &["سوف نلتقي. إنها منطقة صعبة."],
            },
            // Straight double quotes.
            Case {
                text: "he said \"we will meet\" today",
                want: &["we will meet"],
            },
            // Single quotes, but not apostrophes.
            Case {
                text: "Trump's aide said 'we will meet' and left",
                want: &["we will meet"],
            },
            // Unbalanced marks give nothing.
            Case {
                text: "قال «لن ننسحب",
                want: &[],
            },
        ];
        for case in cases {
            assert_eq!(quotes_of(case.text), case.want, "{}", case.text);
        }
    }
}
