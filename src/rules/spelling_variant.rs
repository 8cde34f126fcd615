//! `spelling-variant`: one entity, demonym or name written in two
//! orthographic variants that folding does not equate (أميركي/أمريكي,
//! ترامب/ترمب, Ahmed/Ahmad al-Sharaa).
//!
//! Variants come from the gazetteer: two aliases of one entity (of the same
//! form: names, family names or demonyms) with the same number of words that
//! differ in exactly one word, where the two words, stripped of article and
//! gender/plural suffix, are one or two edits apart. The pair is a word pair,
//! so "الكونغرس الأمريكي", "القيادة المركزية الأمريكية" and "الأمريكي" all count
//! for أميركي/أمريكي. Pairs from the config (`prefer.words`) are counted over
//! every word of the draft. Distinct aliases (داعش and تنظيم الدولة) are not
//! variants; they are reported only when the config names a preferred alias
//! (`prefer.entities`).
//!
//! The preferred form is the config's, else the one the gazetteer lists
//! first, else the draft's majority. Each paragraph with minority spellings
//! gets one span in a single warning per pair, with the counts.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use strsim::osa_distance;

use crate::clitics::{clitic_forms, is_arabic_letter};
use crate::finding::{fingerprint, Finding, Severity};
use crate::gazetteer::{Entity, EntityIndex, Names};
use crate::normalize::fold_str;
use crate::rules::titles::{all_words, words_key};
use crate::rules::{Context, Rule, RuleInfo};
use crate::segment::SectionKind;
use crate::tag::AliasForm;

pub(crate) struct SpellingVariant;

const ARTICLES: [&str; 7] = ["وال", "فال", "بال", "كال", "ال", "لل", "ولل"];
const SUFFIXES: [&str; 6] = ["ه", "ين", "ون", "ات", "ان", "تين"];

/// A folded word without article and gender/plural suffix: "الامريكيه" →
/// "امريكي". Returns the base and the (leading, trailing) characters cut.
fn base(word: &str) -> (&str, usize, usize) {
    let mut w = word;
    let mut lead = 0;
    let mut trail = 0;
    if w.chars().next().is_some_and(is_arabic_letter) {
        for article in ARTICLES {
            if let Some(rest) = w.strip_prefix(article) {
                if rest.chars().count() >= 3 {
                    lead = article.chars().count();
                    w = rest;
                    break;
                }
            }
        }
        for suffix in SUFFIXES {
            if let Some(rest) = w.strip_suffix(suffix) {
                if rest.ends_with('ي') && rest.chars().count() >= 3 {
                    trail = suffix.chars().count();
                    w = rest;
                    break;
                }
            }
        }
    }
    (w, lead, trail)
}

/// The base of a word as written: the same letters cut from the original
/// (diacritics dropped).
fn display_base(written: &str) -> String {
    let folded = fold_str(written);
    let (_, lead, trail) = base(&folded);
    let letters: Vec<char> = written
        .chars()
        .filter(|c| !matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}'))
        .collect();
    let end = letters.len().saturating_sub(trail);
    let start = lead.min(end);
    letters[start..end].iter().collect()
}

/// A word pair, bases sorted.
type PairKey = (String, String);

#[derive(Debug, Default)]
struct Group {
    /// base → how it is shown.
    display: BTreeMap<String, String>,
    /// (folded start, folded end, base) of each occurrence.
    occurrences: BTreeMap<usize, (usize, String)>,
    /// The base the gazetteer lists first, from the first entity seen.
    gazetteer_first: Option<String>,
    /// The config's preferred base and where it comes from.
    house: Option<(String, String)>,
    entities: BTreeSet<EntityIndex>,
}

fn is_latin_acronym(alias: &str) -> bool {
    let letters: Vec<char> = alias.chars().filter(|c| c.is_alphabetic()).collect();
    !letters.is_empty() && letters.iter().all(|c| c.is_ascii_uppercase())
}

/// The aliases of `entity` a mention of this form is compared with.
fn siblings(entity: &Entity, form: AliasForm) -> Option<&Names> {
    match form {
        AliasForm::Name => Some(&entity.names),
        AliasForm::Family => Some(&entity.family),
        AliasForm::Demonym => Some(&entity.demonyms),
        AliasForm::Acronym => None,
    }
}

/// A single-word name that is also a derived form of one of the entity's
/// demonyms ("سورية" is Syria and "Syrian", feminine): its spelling says
/// nothing about the name.
fn is_demonym_form(entity: &Entity, key: &str) -> bool {
    !key.contains(' ')
        && entity.demonyms.all().any(|d| {
            let d = fold_str(d);
            key.strip_prefix(d.as_str())
                .is_some_and(|rest| rest.is_empty() || SUFFIXES.contains(&rest))
        })
}

/// The word pair by which two aliases differ, with the index of the word.
fn differing_word(a: &str, b: &str) -> Option<(usize, String, String)> {
    let a_words: Vec<&str> = a.split(' ').collect();
    let b_words: Vec<&str> = b.split(' ').collect();
    if a_words.len() != b_words.len() {
        return None;
    }
    let mut diff = None;
    for (i, (x, y)) in a_words.iter().zip(&b_words).enumerate() {
        if x != y {
            if diff.is_some() {
                return None;
            }
            diff = Some((i, (*x).to_string(), (*y).to_string()));
        }
    }
    diff
}

/// Whether two bases are spellings of one word: one or two edits apart (one
/// for short words), neither the other plus an affix.
fn are_variants(a: &str, b: &str) -> bool {
    let shorter = a.chars().count().min(b.chars().count());
    if a == b || shorter < 3 {
        return false;
    }
    let allowed = if shorter >= 5 { 2 } else { 1 };
    let distance = osa_distance(a, b);
    if distance == 0 || distance > allowed {
        return false;
    }
    // "سوري"/"سوريا", "syrian"/"syrians": a different word.
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    !(long.starts_with(short) || long.ends_with(short))
}

impl Rule for SpellingVariant {
    fn info(&self) -> RuleInfo {
        RuleInfo {
            id: "spelling-variant",
            default_severity: Severity::Warning,
            summary: "One entity, demonym or name written in two orthographic variants.",
            explain: EXPLAIN,
        }
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let mut groups: BTreeMap<PairKey, Group> = BTreeMap::new();
        let text = cx.folded.text();
        // The variants of an alias depend on the alias only: computed once
        // per (entity, form, alias), so the pass stays linear in mentions.
        let mut memo: HashMap<(EntityIndex, AliasForm, &str), Vec<Variant>> = HashMap::new();
        for mention in cx.mentions {
            // A family name left unlinked (no antecedent) still has one
            // spelling or another of its only candidate: ترامب، ترمب.
            let only = || match &mention.candidates[..] {
                [id] => cx.gazetteer.index_of(id),
                _ => None,
            };
            let Some(e) = mention.entity.or_else(only) else {
                continue;
            };
            let variants = memo
                .entry((e, mention.form, &*mention.alias))
                .or_insert_with(|| {
                    variants_of(cx.gazetteer.entity(e), mention.form, &mention.alias)
                });
            for variant in variants.iter() {
                // The occurrence: the differing word of the mention, else the
                // whole of it.
                let mention_text = text.get(mention.folded.0..mention.folded.1).unwrap_or("");
                let words = all_words(mention_text);
                let range = if words.len() == variant.words {
                    words.get(variant.index).map_or(mention.folded, |(_, w)| {
                        (mention.folded.0 + w.start, mention.folded.0 + w.end)
                    })
                } else {
                    mention.folded
                };
                let group = groups.entry(variant.pair()).or_default();
                group.entities.insert(e);
                group
                    .occurrences
                    .entry(range.0)
                    .or_insert((range.1, variant.this.clone()));
                for (b, shown) in [
                    (&variant.this, &variant.this_shown),
                    (&variant.other, &variant.other_shown),
                ] {
                    group
                        .display
                        .entry(b.clone())
                        .or_insert_with(|| shown.clone());
                }
                if group.gazetteer_first.is_none() {
                    group.gazetteer_first = variant.first.clone();
                }
            }
        }
        self.config_pairs(cx, &mut groups);
        for (pair, group) in &groups {
            report(cx, pair, group, out);
        }
        entity_preferences(cx, out);
    }
}

/// One spelling pair an alias takes part in.
#[derive(Debug, Clone)]
struct Variant {
    /// The alias's base of the differing word, and the sibling's.
    this: String,
    other: String,
    this_shown: String,
    other_shown: String,
    /// Index of the differing word, and the alias's number of words.
    index: usize,
    words: usize,
    /// The base the gazetteer lists first.
    first: Option<String>,
}

impl Variant {
    fn pair(&self) -> PairKey {
        if self.this < self.other {
            (self.this.clone(), self.other.clone())
        } else {
            (self.other.clone(), self.this.clone())
        }
    }
}

/// The spelling pairs `alias` (of `entity`, matched as `form`) belongs to.
fn variants_of(entity: &Entity, form: AliasForm, alias: &str) -> Vec<Variant> {
    let mut out = Vec::new();
    let Some(names) = siblings(entity, form) else {
        return out;
    };
    if is_latin_acronym(alias) {
        return out;
    }
    let key = words_key(alias);
    if form == AliasForm::Name && is_demonym_form(entity, &key) {
        return out;
    }
    let keys: Vec<String> = names.all().map(words_key).collect();
    let position = |k: &str| keys.iter().position(|n| n == k);
    for (sibling, sibling_key) in names.all().zip(&keys) {
        if *sibling_key == key || (form == AliasForm::Name && is_demonym_form(entity, sibling_key))
        {
            continue;
        }
        let Some((j, word, other)) = differing_word(&key, sibling_key) else {
            continue;
        };
        let (this, _, _) = base(&word);
        let (that, _, _) = base(&other);
        if !are_variants(this, that) {
            continue;
        }
        let written = |s: &str| all_words(s).get(j).map(|(_, w)| display_base(w.text));
        let first = match (position(&key), position(sibling_key)) {
            (Some(a), Some(b)) if a < b => Some(this.to_string()),
            (Some(_), Some(_)) => Some(that.to_string()),
            _ => None,
        };
        out.push(Variant {
            this: this.to_string(),
            other: that.to_string(),
            this_shown: written(alias).unwrap_or_else(|| this.to_string()),
            other_shown: written(sibling).unwrap_or_else(|| that.to_string()),
            index: j,
            words: key.split(' ').count(),
            first,
        });
    }
    out
}

impl SpellingVariant {
    /// Word pairs from `prefer.words`, counted over every word of the draft.
    fn config_pairs(&self, cx: &Context<'_>, groups: &mut BTreeMap<PairKey, Group>) {
        let mut wanted: BTreeMap<String, PairKey> = BTreeMap::new();
        for (preferred, other) in &cx.prefer.words {
            let p = words_key(preferred);
            let o = words_key(other);
            if p.contains(' ') || o.contains(' ') || p.is_empty() || o.is_empty() {
                continue;
            }
            let (pb, _, _) = base(&p);
            let (ob, _, _) = base(&o);
            if pb == ob {
                continue;
            }
            let pair = if pb < ob {
                (pb.to_string(), ob.to_string())
            } else {
                (ob.to_string(), pb.to_string())
            };
            let group = groups.entry(pair.clone()).or_default();
            group
                .display
                .insert(pb.to_string(), display_base(preferred));
            group.display.insert(ob.to_string(), display_base(other));
            group.house = Some((pb.to_string(), "the house style (prefer.words)".to_string()));
            wanted.insert(pb.to_string(), pair.clone());
            wanted.insert(ob.to_string(), pair);
        }
        if wanted.is_empty() {
            return;
        }
        for (_, word) in cx.words {
            for reading in clitic_forms(word.text) {
                let (b, _, _) = base(&reading);
                if let Some(pair) = wanted.get(b) {
                    if let Some(group) = groups.get_mut(pair) {
                        group
                            .occurrences
                            .entry(word.start)
                            .or_insert((word.end, b.to_string()));
                    }
                    break;
                }
            }
        }
    }
}

fn report(cx: &Context<'_>, pair: &PairKey, group: &Group, out: &mut Vec<Finding>) {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for (_, b) in group.occurrences.values() {
        *counts.entry(b.as_str()).or_default() += 1;
    }
    if counts.len() < 2 {
        return;
    }
    // House style per entity: prefer.entities naming one of the spellings.
    let entity_house = group.entities.iter().find_map(|&e| {
        let id = &cx.gazetteer.entity(e).id;
        let preferred = cx.prefer.entities.get(id)?;
        let key = words_key(preferred);
        let found = key
            .split(' ')
            .map(|w| base(w).0)
            .find(|b| *b == pair.0 || *b == pair.1)?;
        Some((
            found.to_string(),
            format!("the house style (prefer.entities.{id})"),
        ))
    });
    // A preference someone wrote down (house style, else the gazetteer's
    // order) has one fix; the draft's majority is a guess, so it has none.
    let mut declared = true;
    let (preferred, reason) = if let Some(house) = group.house.clone().or(entity_house) {
        house
    } else if let Some(first) = &group.gazetteer_first {
        (first.clone(), "the gazetteer's first form".to_string())
    } else {
        declared = false;
        let majority = if counts.get(pair.0.as_str()) >= counts.get(pair.1.as_str()) {
            &pair.0
        } else {
            &pair.1
        };
        (majority.clone(), "the draft's majority".to_string())
    };
    let minority = if preferred == pair.0 {
        &pair.1
    } else {
        &pair.0
    };
    let show = |b: &str| {
        group
            .display
            .get(b)
            .cloned()
            .unwrap_or_else(|| b.to_string())
    };
    let (pref_shown, minor_shown) = (show(&preferred), show(minority));
    let pref_count = counts.get(preferred.as_str()).copied().unwrap_or(0);
    let minor_count = counts.get(minority.as_str()).copied().unwrap_or(0);
    let first_preferred = group
        .occurrences
        .iter()
        .find(|(_, (_, b))| b == &preferred)
        .map(|(&s, &(e, _))| (s, e));
    // One finding for the pair: the first other spelling of each paragraph.
    let mut firsts: BTreeMap<(usize, usize), (usize, usize)> = BTreeMap::new();
    for (&start, (end, b)) in &group.occurrences {
        if b != minority {
            continue;
        }
        let range = cx.folded.original_range(start..*end);
        if cx.doc.is_skipped(&range) || cx.doc.section_at(range.start) == SectionKind::Boilerplate {
            continue;
        }
        let key = cx
            .doc
            .paragraph_at(range.start)
            .map_or((1, range.start), |p| (0, p));
        firsts.entry(key).or_insert((range.start, range.end));
    }
    let mut spans: Vec<_> = firsts.values().map(|&(s, e)| cx.span(s, e, None)).collect();
    spans.sort_by_key(|s| s.start);
    let Some(primary) = spans.first() else {
        return;
    };
    let message = format!(
        "\"{}\" spells {minor_shown} where {reason} is {pref_shown} ({minor_shown} {minor_count}× vs {pref_shown} {pref_count}×)",
        primary.text
    );
    let mut notes = vec![format!(
        "{minor_shown} appears in {} paragraph{} ({}); each is marked once",
        spans.len(),
        if spans.len() == 1 { "" } else { "s" },
        sections(&spans)
    )];
    if let Some((s, e)) = first_preferred {
        let range = cx.folded.original_range(s..e);
        let reference = cx.span(range.start, range.end, None);
        notes.push(format!(
            "the preferred spelling appears first as \"{}\" ({})",
            reference.text,
            reference.section.as_str()
        ));
        spans.push(reference);
    }
    // The fingerprint is the pair, not the spans: it survives edits that
    // add or remove occurrences.
    let mut finding = cx.finding("spelling-variant", Severity::Warning, message, spans, notes);
    finding.fingerprint = fingerprint("spelling-variant", &[minority.clone(), preferred.clone()]);
    if declared {
        finding.fix = fix(cx, group, minority, &preferred, &pref_shown);
    }
    out.push(finding);
}

/// The edits that respell every reported occurrence of `minority` as
/// `shown` (the preferred base as written in the gazetteer or config),
/// keeping the article, clitics and suffix of each word as the draft has
/// them: "والأمريكية" → "والأميركية". An occurrence whose base cannot be
/// found inside it is left alone; no edit if `shown` does not fold to
/// `preferred`.
fn fix(
    cx: &Context<'_>,
    group: &Group,
    minority: &str,
    preferred: &str,
    shown: &str,
) -> Vec<crate::finding::Edit> {
    if fold_str(shown) != preferred || minority.is_empty() {
        return Vec::new();
    }
    let text = cx.folded.text();
    let mut edits = Vec::new();
    for (&start, (end, b)) in &group.occurrences {
        if b != minority {
            continue;
        }
        let whole = cx.folded.original_range(start..*end);
        if cx.doc.is_skipped(&whole) || cx.doc.section_at(whole.start) == SectionKind::Boilerplate {
            continue;
        }
        let Some(at) = text.get(start..*end).and_then(|w| w.find(minority)) else {
            continue;
        };
        let range = cx
            .folded
            .original_range(start + at..start + at + minority.len());
        let Some(original) = cx.text.get(range.clone()) else {
            continue;
        };
        edits.push(crate::finding::Edit {
            start: range.start,
            end: range.end,
            original: original.to_string(),
            replacement: shown.to_string(),
        });
    }
    edits
}

/// The section kinds of a set of spans: "appended, body".
fn sections(spans: &[crate::finding::Span]) -> String {
    let kinds: BTreeSet<&str> = spans.iter().map(|s| s.section.as_str()).collect();
    kinds.into_iter().collect::<Vec<_>>().join(", ")
}

/// `prefer.entities` naming an alias that is not a spelling of another: every
/// mention of the entity by another alias of the same kind is reported, once
/// per paragraph ("داعش" where the house style is "تنظيم الدولة").
fn entity_preferences(cx: &Context<'_>, out: &mut Vec<Finding>) {
    for (id, preferred) in &cx.prefer.entities {
        let Some(e) = cx.gazetteer.index_of(id) else {
            continue;
        };
        let entity = cx.gazetteer.entity(e);
        let key = words_key(preferred);
        let is_demonym = entity.demonyms.all().any(|d| words_key(d) == key);
        let is_name = entity
            .names
            .all()
            .chain(entity.acronyms.all())
            .any(|n| words_key(n) == key);
        if !is_name || is_demonym {
            continue;
        }
        let same_kind =
            |m: &crate::resolve::Mention| matches!(m.form, AliasForm::Name | AliasForm::Acronym);
        let mentions: Vec<&crate::resolve::Mention> = cx
            .mentions
            .iter()
            .filter(|m| m.entity == Some(e) && same_kind(m))
            .collect();
        let preferred_count = mentions
            .iter()
            .filter(|m| words_key(&m.alias) == key)
            .count();
        let mut by_paragraph: BTreeMap<(usize, usize), Vec<&crate::resolve::Mention>> =
            BTreeMap::new();
        for m in &mentions {
            let alias_key = words_key(&m.alias);
            // A spelling variant of the preferred alias is the pair rule's.
            let spelling = differing_word(&alias_key, &key)
                .is_some_and(|(_, a, b)| are_variants(base(&a).0, base(&b).0));
            if alias_key == key || spelling {
                continue;
            }
            let para = cx
                .doc
                .paragraph_at(m.start)
                .map_or((1, m.start), |p| (0, p));
            by_paragraph.entry(para).or_default().push(m);
        }
        let other_count: usize = by_paragraph.values().map(Vec::len).sum();
        for (_, here) in by_paragraph {
            let Some(first) = here.first() else {
                continue;
            };
            let message = format!(
                "\"{}\" names {id}, whose house-style name is \"{preferred}\" ({} other names vs \"{preferred}\" {}×)",
                first.text, other_count, preferred_count
            );
            let spans = here.iter().map(|m| cx.mention_span(m)).collect();
            out.push(cx.finding(
                "spelling-variant",
                Severity::Warning,
                message,
                spans,
                vec![format!("prefer.entities.{id}: {preferred} (tadqiq.yaml)")],
            ));
        }
    }
}

const EXPLAIN: &str = r#"spelling-variant: one name, two spellings.

Flags an entity, demonym or name written in two orthographic variants that
folding does not equate: أميركي/أمريكي, ترامب/ترمب, الديمقراطية/الديموقراطية,
Ahmed/Ahmad al-Sharaa. (إردوغان/أردوغان is not reported: folding already
makes them one.)

Variants come from the gazetteer (two aliases of one entity that differ in
one word, one or two letters apart once the article and gender or plural
endings are set aside, so الأمريكية and الأمريكي are one variant) and from the
config's `prefer.words` pairs. Different aliases of one entity (داعش and
تنظيم الدولة) are not variants; they are reported only when the config's
`prefer.entities` names a preferred one.

The preferred form is the house style (`prefer.words`, `prefer.entities`),
else the form the gazetteer lists first, else the draft's majority. Each
pair gets one warning, with the counts; its spans mark the first other
spelling of each paragraph, then the first preferred one.

`tadqiq check --fix` respells every reported occurrence of the other
spelling when the preferred one is declared (house style, else the
gazetteer's order), keeping each word's article, clitics and ending;
`--diff` shows the change without writing it. A pair decided by the
draft's majority is not fixed.

Example (gazetteer: demonyms [أميركي, أمريكي]):

    وعلق الرئيس الأمريكي دونالد ترامب ...
    warning[spelling-variant] "الأمريكي" spells أمريكي where the gazetteer's
    first form is أميركي (أمريكي 15× vs أميركي 20×)

    Ahmad al-Sharaa ... Ahmed al-Sharaa ...
    warning[spelling-variant] "Ahmad" spells Ahmad where the gazetteer's first
    form is Ahmed (Ahmad 1× vs Ahmed 4×)

Not flagged: "سورية" beside "سوريا" (سورية is also the feminine of سوري).
"#;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checker::{CheckerBuilder, Mode};
    use crate::rules::Prefer;
    use crate::segment::Format;

    struct Case {
        text: &'static str,
        /// Primary span texts of the spelling-variant findings.
        want: &'static [&'static str],
    }

    fn run(text: &str, prefer: Prefer) -> Vec<String> {
        crate::rules::testing::flagged(
            "spelling-variant",
            text,
            CheckerBuilder::new().prefer(prefer),
        )
    }

    fn check(cases: &[Case]) {
        for case in cases {
            assert_eq!(
                run(case.text, Prefer::default()),
                case.want,
                "text: {}",
                case.text
            );
        }
    }

    #[test]
    fn flags() {
        check(&[
            // The gazetteer's first demonym wins; one warning for the pair.
            Case {
                text: "قال المبعوث الأميركي إن القوات الأمريكية والإدارة الأمريكية باقية.\n\nوقال الكونغرس الأمريكي كلمته.",
                want: &["الأمريكية"],
            },
            // A family name spelled two ways.
            Case { text: "قال ترامب إن الاتفاق قريب. ورد ترمب على الأسئلة.", want: &["ترمب"] },
        ]);
    }

    #[test]
    fn does_not_flag() {
        check(&[
            // One spelling only.
            Case {
                text: "قال المبعوث الأميركي إن القوات الأميركية باقية.",
                want: &[],
            },
            // Different aliases, no house style.
            Case {
                text: "قاتل تنظيم الدولة في سوريا، وما زال داعش نشطاً.",
                want: &[],
            },
            // سورية is also an adjective.
            Case {
                text: "زار سوريا وفد، في زيارة سورية رسمية.",
                want: &[],
            },
        ]);
    }

    /// REGRESSION: the demonym inside organisation and country names.
    #[test]
    fn regression() {
        check(&[
            // "الولايات المتحدة الأمريكية" and "القيادة المركزية الأمريكية" are
            // the same أمريكي spelling as the bare demonym: one warning,
            // not one per entity.
            Case {
                text: "قال المبعوث الأميركي والإدارة الأميركية إن القيادة المركزية الأمريكية باقية في الولايات المتحدة الأمريكية.",
                want: &["الأمريكية"],
            },
        ]);
    }

    #[test]
    fn house_style() {
        let prefer = Prefer {
            entities: [("islamic-state".to_string(), "تنظيم الدولة".to_string())]
                .into_iter()
                .collect(),
            words: vec![("أمريكي".to_string(), "أميركي".to_string())],
        };
        let got = run(
            "قاتل تنظيم الدولة في سوريا، وما زال داعش نشطاً. وقال الأميركي إن القوات الأمريكية باقية.",
            prefer,
        );
        assert_eq!(got, ["داعش", "الأميركي"]);
    }

    /// The draft after applying the fixes of every spelling-variant finding.
    fn fixed(text: &str, prefer: Prefer) -> String {
        let mut builder = CheckerBuilder::new();
        builder.prefer(prefer);
        let checker = builder.build().expect("the embedded gazetteer is valid");
        let report = checker.run("t.txt", text, Format::Plain, Mode::Check);
        let edits = crate::fix::edits(&report.findings);
        String::from_utf8(crate::fix::apply(text.as_bytes(), &edits).unwrap()).unwrap()
    }

    #[test]
    fn fixes_keep_article_clitics_and_ending() {
        struct FixCase {
            text: &'static str,
            prefer: Vec<(&'static str, &'static str)>,
            want: &'static str,
        }
        let cases = [
            // The gazetteer's first form; article, و and the feminine ending stay.
            FixCase {
                text: "قال الأميركي إن الإدارة والأمريكية باقية، وقال للأمريكي كلمته.",
                prefer: vec![],
                want: "قال الأميركي إن الإدارة والأميركية باقية، وقال للأميركي كلمته.",
            },
            // House style the other way: the gazetteer's first form is respelled.
            FixCase {
                text: "قال الأميركي إن القوات الأمريكية باقية.",
                prefer: vec![("أمريكي", "أميركي")],
                want: "قال الأمريكي إن القوات الأمريكية باقية.",
            },
            // Diacritics on a respelled word go with its letters; none elsewhere move.
            FixCase {
                text: "قال الأميركيُّ إن الأمريكيَّ باقٍ.",
                prefer: vec![],
                want: "قال الأميركيُّ إن الأميركي باقٍ.",
            },
            // Nothing to fix: the draft stays as it is.
            FixCase {
                text: "قال المبعوث الأميركي إن القوات الأميركية باقية.",
                prefer: vec![],
                want: "قال المبعوث الأميركي إن القوات الأميركية باقية.",
            },
        ];
        for case in cases {
            let prefer = Prefer {
                entities: BTreeMap::new(),
                words: case
                    .prefer
                    .iter()
                    .map(|(a, b)| (a.to_string(), b.to_string()))
                    .collect(),
            };
            assert_eq!(fixed(case.text, prefer), case.want, "{}", case.text);
        }
    }

    #[test]
    fn bases() {
        assert_eq!(base("الامريكيه").0, "امريكي");
        assert_eq!(base("للامريكي").0, "امريكي");
        assert_eq!(display_base("الأمريكية"), "أمريكي");
        assert!(are_variants("امريكي", "اميركي"));
        assert!(!are_variants("سوري", "سوريا"));
    }
}
