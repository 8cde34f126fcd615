//! Slots: what a claim is about. A quantity's slot is (entity, predicate,
//! unit); a date's is (entity, event). Only claims in the same slot are
//! compared, so binding is conservative: no entity or no predicate, no slot.
//!
//! The entity is the nearest tagged subject before the claim in its
//! sentence, preferring one whose gazetteer facts declare the slot (a
//! coalition for "يضم 89 دولة"), then one of the kind the predicate expects.
//! A bare head noun ("التحالف", "the coalition", "التنظيم") stands for the
//! most recent organization mention whose name it heads: apposition without
//! pronouns, resolved in one pass.

use std::collections::HashMap;

use serde::Serialize;

use super::tokens::{clitic_forms, strip_article, Tokens};
use crate::gazetteer::{Entity, EntityIndex, EntityKind, Gazetteer};
use crate::normalize::fold_str;
use crate::resolve::Mention;

/// What a quantity is about.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Slot {
    /// The entity id.
    pub entity: String,
    /// The predicate lemma ("members", "arrested", "killed" …).
    pub predicate: &'static str,
    /// The unit lemma ("countries", "people" …, else the folded noun).
    pub unit: String,
    /// Keyed by the place the number is about, for want of a subject (a
    /// toll, a rate): only contradictions are reported.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub by_place: bool,
    /// The dates of the sentence, for a place-keyed slot: another date is
    /// another slot.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub scope: String,
}

/// What a date is about.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct EventSlot {
    pub entity: String,
    /// The event lemma ("formation", "fall", "visit" …).
    pub event: &'static str,
}

/// The predicate lemma of a word (after proclitics), if it is one
/// (`lexicon/predicates.yaml`).
pub(crate) fn predicate_lemma(word: &str) -> Option<&'static str> {
    let lex = crate::lexicon::get();
    let forms = clitic_forms(word);
    forms
        .iter()
        .find_map(|w| lex.predicates.word(w))
        .or_else(|| {
            // A verbal noun with a possessive suffix: "بحصده 46 مقعداً",
            // "بحصولها على", "بفوزه".
            forms.iter().find_map(|w| {
                ["ه", "ها", "هم", "هما"].iter().find_map(|suffix| {
                    let stem = w.strip_suffix(suffix)?;
                    (stem.chars().count() >= 3)
                        .then(|| lex.predicates.word(stem))
                        .flatten()
                })
            })
        })
}

/// The predicate of a phrase of `lexicon/predicates.yaml` ending at token
/// `end` (its first word may carry a proclitic), as (predicate, first token).
pub(crate) fn predicate_phrase_ending(t: &Tokens<'_>, end: usize) -> Option<(&'static str, usize)> {
    phrase_ending(crate::lexicon::get().predicates.phrases(), t, end)
}

/// The unit of a phrase of `lexicon/units.yaml` starting at token `start`
/// ("في المئة", "per cent"), as (unit, token after it).
pub(crate) fn unit_phrase_at(t: &Tokens<'_>, start: usize) -> Option<(&'static str, usize)> {
    crate::lexicon::get()
        .units
        .phrases()
        .iter()
        .find_map(|(words, id)| {
            let fits = words.iter().enumerate().all(|(k, w)| {
                let word = t.text(start + k);
                t.same_sentence(start, start + k)
                    && (word == w || (k == 0 && clitic_forms(word).iter().any(|f| f == w)))
            });
            fits.then_some((*id, start + words.len()))
        })
}

/// A phrase of `phrases` whose last word is token `end`, as (id, first token).
fn phrase_ending(
    phrases: &[(Vec<String>, &'static str)],
    t: &Tokens<'_>,
    end: usize,
) -> Option<(&'static str, usize)> {
    phrases.iter().find_map(|(words, id)| {
        let n = words.len();
        let start = (end + 1).checked_sub(n)?;
        let fits = words.iter().enumerate().all(|(k, w)| {
            let word = t.text(start + k);
            t.same_sentence(start, end)
                && (word == w || (k == 0 && clitic_forms(word).iter().any(|f| f == w)))
        });
        fits.then_some((*id, start))
    })
}

/// The unit lemma of a noun after a number, if it can be a unit: a known
/// lemma, else the noun itself without article, clitic-free accusative alef.
pub(crate) fn unit_lemma(word: &str) -> Option<String> {
    if is_stopword(word) || word.chars().count() < 2 {
        return None;
    }
    if let Some(known) = clitic_forms(word)
        .iter()
        .find_map(|w| unit_exact(w).or_else(|| unit_exact(strip_article(w))))
    {
        return Some(known.to_string());
    }
    let bare = strip_article(word);
    // Accusative tanween alef: "شخصا" is "شخص".
    let bare = match bare.strip_suffix('ا') {
        Some(b) if b.chars().count() >= 3 => b,
        _ => bare,
    };
    Some(bare.to_string())
}

/// A known unit lemma (exact match only, `lexicon/units.yaml`): the unit a
/// slot is keyed by (`counts-as`, else the entry's id).
pub(crate) fn unit_exact(w: &str) -> Option<&'static str> {
    let lex = crate::lexicon::get();
    lex.units.word(w).map(|id| lex.counts_as(id))
}

/// A predicate implied by the unit word alone ("71 arrests", "89 members",
/// "15 قتيلاً").
pub(crate) fn implied_predicate(word: &str) -> Option<&'static str> {
    let lex = crate::lexicon::get();
    let forms = clitic_forms(word);
    let (id, form) = forms.iter().find_map(|w| {
        lex.units.word(w).map(|id| (id, w.to_string())).or_else(|| {
            lex.units
                .word(strip_article(w))
                .map(|id| (id, strip_article(w).to_string()))
        })
    })?;
    let (predicate, by) = lex.implied.get(id)?;
    (by.is_empty() || by.contains(&form)).then_some(*predicate)
}

/// Words that end the search for a unit.
pub(crate) fn is_stopword(w: &str) -> bool {
    matches!(
        w,
        "في" | "من"
            | "الي"
            | "علي"
            | "عن"
            | "مع"
            | "و"
            | "او"
            | "ثم"
            | "منذ"
            | "حتي"
            | "بين"
            | "قبل"
            | "بعد"
            | "عام"
            | "of"
            | "in"
            | "to"
            | "and"
            | "the"
            | "a"
            | "an"
            | "on"
            | "at"
            | "for"
            | "by"
            | "from"
            | "with"
            | "or"
            | "than"
            | "since"
            | "before"
            | "after"
    )
}

/// The event lemma of a word (after proclitics and a possessive suffix).
pub(crate) fn event_lemma(word: &str) -> Option<&'static str> {
    for form in clitic_forms(word) {
        let form = form.as_ref();
        let mut candidates = vec![form, strip_article(form)];
        for suffix in ["ه", "ها", "هم", "هما"] {
            if let Some(stem) = form.strip_suffix(suffix) {
                if stem.chars().count() >= 3 {
                    candidates.push(stem);
                }
            }
        }
        for c in candidates {
            if let Some(e) = event_exact(c) {
                return Some(e);
            }
            // تشكيله → تشكيل + ه is covered above; زيارته → زيارت + ه.
            if let Some(stem) = c.strip_suffix('ت') {
                if let Some(e) = event_exact(&format!("{stem}ه")) {
                    return Some(e);
                }
            }
        }
    }
    None
}

fn event_exact(w: &str) -> Option<&'static str> {
    super::words::words().event_exact(w).map(|e| e.id)
}

/// Events that happen once per entity (`once: true` in
/// `lexicon/events.yaml`): two dates for one of them cannot both be right.
/// Others (visits, meetings) recur.
pub(crate) fn is_unique_event(event: &str) -> bool {
    super::words::words().event(event).is_some_and(|e| e.once)
}

/// The gazetteer fact key an event lemma is checked against.
pub(crate) fn fact_key_of_event(event: &str) -> Option<&'static str> {
    super::words::words().event(event).and_then(|e| e.fact)
}

/// A tagged mention, or a head noun standing for one, that can be a subject.
#[derive(Debug, Clone)]
pub(crate) struct Referent {
    /// Folded byte range.
    pub start: usize,
    pub end: usize,
    pub entity: EntityIndex,
    pub kind: EntityKind,
    pub sentence: Option<usize>,
    pub paragraph: Option<usize>,
    /// Tagged through a demonym ("العراقي", "Iraqi"): an adjective of the
    /// noun it follows, not a subject in its own right.
    pub demonym: bool,
}

/// All referents of a draft, sorted by position.
pub(crate) struct Referents {
    pub list: Vec<Referent>,
    /// The last word of every full person mention, folded, with its folded
    /// start: a surname the gazetteer does not let stand alone (باراك) may
    /// still name the speaker of a quote after that full mention.
    pub surnames: Vec<(usize, String, EntityIndex)>,
}

impl Referents {
    /// Resolved mentions plus head-noun anaphors, in one pass over tokens.
    pub(crate) fn new(tokens: &Tokens<'_>, mentions: &[Mention], gazetteer: &Gazetteer) -> Self {
        let mut list = Vec::with_capacity(mentions.len());
        let mut surnames = Vec::new();
        // head noun → the one organization it heads (None: two or more)
        let mut heads: HashMap<String, Option<EntityIndex>> = HashMap::new();
        // Countries named so far (by name, not demonym): "البلاد" stands for
        // the one country, and for none once two are named.
        let mut countries: Vec<EntityIndex> = Vec::new();
        let coreference = super::words::words();
        let mut m = 0;
        for i in 0..tokens.len() {
            let tok = &tokens.list[i];
            // Emit the mentions that start before this token.
            while m < mentions.len() && mentions[m].folded.0 <= tok.folded.start {
                let mention = &mentions[m];
                m += 1;
                let Some(entity) = mention.entity else {
                    continue;
                };
                if mention.kind == EntityKind::Person && mention.form == crate::tag::AliasForm::Name
                {
                    let alias = fold_str(&mention.alias);
                    if let Some((_, last)) = alias.rsplit_once(' ') {
                        if last.chars().count() >= 3 {
                            surnames.push((mention.folded.0, last.to_string(), entity));
                        }
                    }
                }
                if mention.kind == EntityKind::Organization {
                    if let Some(head) = head_of(&fold_str(&mention.alias)) {
                        let one = heads.entry(head).or_insert(Some(entity));
                        if *one != Some(entity) {
                            *one = None;
                        }
                    }
                }
                if mention.kind == EntityKind::Place
                    && mention.form == crate::tag::AliasForm::Name
                    && gazetteer.entity(entity).class.as_deref() == Some("country")
                    && !countries.contains(&entity)
                {
                    countries.push(entity);
                }
                list.push(Referent {
                    start: mention.folded.0,
                    end: mention.folded.1,
                    entity,
                    kind: mention.kind,
                    sentence: mention.sentence_index(),
                    paragraph: mention.paragraph_index(),
                    demonym: mention.form == crate::tag::AliasForm::Demonym,
                });
            }
            if list.last().is_some_and(|r| r.end > tok.folded.start) || !tokens.is_word(i) {
                continue;
            }
            let word = tokens.text(i);
            let latin = tokens.is_latin(i);
            let after_the = i > 0 && tokens.text(i - 1) == "the";
            let found = if latin {
                after_the
                    .then(|| heads.get(&english_head(word)))
                    .flatten()
                    .copied()
            } else {
                clitic_forms(word)
                    .iter()
                    .filter(|w| w.starts_with("ال"))
                    .find_map(|w| heads.get(w.as_ref()))
                    .copied()
            };
            let found = found.flatten().or_else(|| {
                let anaphor = (after_the || !latin) && coreference.is_country_anaphor(word);
                match countries.as_slice() {
                    [one] if anaphor => Some(*one),
                    _ => None,
                }
            });
            if let Some(entity) = found {
                list.push(Referent {
                    start: tok.folded.start,
                    end: tok.folded.end,
                    entity,
                    kind: gazetteer.entity(entity).kind,
                    sentence: tok.sentence,
                    paragraph: tok.paragraph,
                    demonym: false,
                });
            }
        }
        Referents { list, surnames }
    }

    /// When token `i` lies inside a tagged mention, the first token after it.
    pub(crate) fn mention_end(&self, t: &Tokens<'_>, i: usize) -> Option<usize> {
        let pos = t.list.get(i)?.folded.start;
        let k = self.list.partition_point(|r| r.start <= pos);
        let r = self.list[..k].iter().rev().take(4).find(|r| r.end > pos)?;
        let mut j = i;
        while j < t.len() && t.list[j].folded.start < r.end {
            j += 1;
        }
        Some(j)
    }

    /// The first place mentioned in the sentence of token `from`, within
    /// `span` tokens after it.
    pub(crate) fn place_after(
        &self,
        t: &Tokens<'_>,
        from: usize,
        span: usize,
    ) -> Option<EntityIndex> {
        let tok = t.list.get(from.min(t.len().saturating_sub(1)))?;
        let lo = tok.folded.start;
        let last = (from + span).min(t.len().saturating_sub(1));
        let hi = t.list.get(last)?.folded.end;
        let k = self.list.partition_point(|r| r.start < lo);
        self.list[k..]
            .iter()
            .take_while(|r| r.start < hi)
            .find(|r| r.kind == EntityKind::Place && r.sentence == tok.sentence)
            .map(|r| r.entity)
    }

    /// The organization mentioned within `span` tokens from token `from`
    /// in its sentence ("the 89-member coalition").
    pub(crate) fn organization_at(
        &self,
        t: &Tokens<'_>,
        from: usize,
        span: usize,
    ) -> Option<EntityIndex> {
        let tok = t.list.get(from)?;
        let lo = tok.folded.start;
        let last = (from + span).min(t.len().saturating_sub(1));
        let hi = t.list.get(last)?.folded.end;
        let k = self.list.partition_point(|r| r.start < lo);
        self.list[k..]
            .iter()
            .take_while(|r| r.start < hi)
            .find(|r| r.kind == EntityKind::Organization && r.sentence == tok.sentence)
            .map(|r| r.entity)
    }

    /// The only place the draft names, if it names exactly one.
    pub(crate) fn sole_place(&self) -> Option<EntityIndex> {
        let mut places = self.list.iter().filter(|r| r.kind == EntityKind::Place);
        let first = places.next()?.entity;
        places.all(|r| r.entity == first).then_some(first)
    }

    /// The person whose full mention before folded offset `before` ends in
    /// `word` (after proclitics), the latest such mention winning.
    pub(crate) fn surname(&self, word: &str, before: usize) -> Option<EntityIndex> {
        let forms = clitic_forms(word);
        self.surnames
            .iter()
            .rev()
            .filter(|(at, _, _)| *at < before)
            .find(|(_, s, _)| forms.iter().any(|f| f == s))
            .map(|&(_, _, e)| e)
    }

    /// The best subject starting at or after folded offset `after` and
    /// ending before `before`, in the
    /// sentence of token `at`: highest `score` wins, ties go to the nearest;
    /// a score of 0 excludes. With `paragraph_fallback`, earlier sentences of
    /// the paragraph are searched for a candidate scoring 3 (facts match).
    pub(crate) fn subject(
        &self,
        tokens: &Tokens<'_>,
        at: usize,
        after: usize,
        before: usize,
        score: &dyn Fn(&Referent) -> u8,
        paragraph_fallback: bool,
    ) -> Option<&Referent> {
        let tok = tokens.list.get(at)?;
        let end = self.list.partition_point(|r| r.start < before);
        let mut best: Option<(&Referent, u8)> = None;
        let mut looked = 0;
        for r in self.list[..end].iter().rev() {
            if r.end > before {
                continue;
            }
            if r.start < after {
                break;
            }
            looked += 1;
            // A bounded look-back keeps extraction linear.
            if looked > 40 {
                break;
            }
            let same_sentence = tok.sentence.is_some() && r.sentence == tok.sentence;
            if !same_sentence {
                if best.is_some() || !paragraph_fallback || r.paragraph != tok.paragraph {
                    break;
                }
                if score(r) >= 3 {
                    return Some(r);
                }
                continue;
            }
            let s = score(r);
            if s > 0 && best.is_none_or(|(_, b)| s > b) {
                best = Some((r, s));
            }
        }
        best.map(|(r, _)| r)
    }
}

/// The head noun of an organization's name, as it stands alone in a draft:
/// the first Arabic word with its article ("تنظيم الدولة" → "التنظيم"), or
/// the last English word before a prepositional complement ("US-led
/// coalition", "coalition against ISIS" → "coalition"). Single-word names
/// have none (they are their own mention).
fn head_of(alias: &str) -> Option<String> {
    let words: Vec<&str> = alias
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .collect();
    if words.len() < 2 {
        return None;
    }
    if alias.chars().next().is_some_and(|c| c.is_ascii()) {
        // The noun before any prepositional complement: "Global Coalition to
        // Defeat ISIS" and "coalition against ISIS" are headed by coalition.
        let before_complement = words
            .iter()
            .position(|w| matches!(*w, "against" | "to" | "for" | "of" | "on" | "in"))
            .map_or(&words[..], |i| &words[..i]);
        let last = before_complement.last()?;
        return (last.len() >= 4).then(|| english_head(last));
    }
    let first = words.first()?;
    Some(if first.starts_with("ال") {
        first.to_string()
    } else {
        format!("ال{first}")
    })
}

/// An English head noun with British -isation spelled -ization, so that
/// "Organisation of Islamic Cooperation" and "World Health Organization"
/// share the head "the organization" stands for.
fn english_head(word: &str) -> String {
    match word.strip_suffix("isation") {
        Some(stem) => format!("{stem}ization"),
        None => word.to_string(),
    }
}

/// The name of an entity in the draft's language.
pub(crate) fn display_name(entity: &Entity, latin: bool) -> &str {
    let list = if latin {
        &entity.names.en
    } else {
        &entity.names.ar
    };
    list.first()
        .map(String::as_str)
        .unwrap_or_else(|| entity.preferred_name())
}

/// Whether a fact's key, predicate or unit names fit a quantity's slot.
pub(crate) fn fact_fits(fact: &crate::gazetteer::Fact, predicate: &str, unit: &str) -> bool {
    let predicate_fits = fact.key == predicate
        || fact.predicate.as_ref().is_some_and(|p| {
            p.all()
                .any(|w| predicate_lemma(&fold_str(w)) == Some(predicate))
        });
    let unit_fits = fact.unit.as_ref().is_some_and(|u| {
        u.all()
            .any(|w| unit_lemma(&fold_str(w)).as_deref() == Some(unit))
    });
    predicate_fits && unit_fits && fact.value.is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Case {
        word: &'static str,
        want: Option<&'static str>,
    }

    #[test]
    fn predicate_cases() {
        let cases = [
            // Conjunction before the membership verb.
            Case {
                word: "ويضم",
                want: Some("members"),
            },
            // Arrest noun after ب.
            Case {
                word: "باعتقال",
                want: Some("arrested"),
            },
            // English membership verb.
            Case {
                word: "included",
                want: Some("members"),
            },
            // Not a predicate.
            Case {
                word: "الشرعيه",
                want: None,
            },
        ];
        for case in cases {
            assert_eq!(predicate_lemma(case.word), case.want, "word {}", case.word);
        }
    }

    #[test]
    fn event_cases() {
        let cases = [
            // Verbal noun with a possessive suffix.
            Case {
                word: "تشكيله",
                want: Some("formation"),
            },
            // Verb with ال-less form.
            Case {
                word: "تشكل",
                want: Some("formation"),
            },
            // Article and preposition.
            Case {
                word: "بالاطاحه",
                want: Some("fall"),
            },
            // ة written as ت before a suffix.
            Case {
                word: "زيارته",
                want: Some("visit"),
            },
            Case {
                word: "formed",
                want: Some("formation"),
            },
            Case {
                word: "الدوله",
                want: None,
            },
        ];
        for case in cases {
            assert_eq!(event_lemma(case.word), case.want, "word {}", case.word);
        }
    }

    #[test]
    fn unit_cases() {
        assert_eq!(unit_lemma("دوله").as_deref(), Some("countries"));
        assert_eq!(unit_lemma("عضوا").as_deref(), Some("countries"));
        assert_eq!(unit_lemma("شخصا").as_deref(), Some("people"));
        assert_eq!(unit_lemma("countries").as_deref(), Some("countries"));
        // Unknown nouns are their own unit, without the accusative alef.
        assert_eq!(unit_lemma("صاروخا").as_deref(), Some("صاروخ"));
        assert_eq!(unit_lemma("في"), None);
    }

    #[test]
    fn head_cases() {
        assert_eq!(head_of("التحالف الدولي").as_deref(), Some("التحالف"));
        assert_eq!(head_of("تنظيم الدوله").as_deref(), Some("التنظيم"));
        assert_eq!(head_of("us-led coalition").as_deref(), Some("coalition"));
        // The noun before a prepositional complement, not the last word.
        assert_eq!(
            head_of("coalition against isis").as_deref(),
            Some("coalition")
        );
        assert_eq!(
            head_of("global coalition to defeat isis").as_deref(),
            Some("coalition")
        );
        assert_eq!(head_of("داعش"), None);
        assert_eq!(
            head_of("organisation of islamic cooperation").as_deref(),
            Some("organization")
        );
    }
}
