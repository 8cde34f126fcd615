//! Words around a mention, and the role titles attached to a person by
//! apposition: "الرئيس السوري أحمد الشرع", "نائب الرئيس السوري السابق فاروق
//! الشرع", "أسعد الشيباني، وزير الخارجية", "Farouk al-Sharaa, a former foreign
//! minister". Shared by the entity rules (role-conflict, name-conflict,
//! unknown-name) and by coreference.
//!
//! Everything here works on the folded text and looks at a few words on either
//! side of a mention, so the cost per mention is bounded by the longest title
//! in the gazetteer.
//!
//! The gazetteer-wide indexes the rules need (every role title; every name for
//! near-miss) live in a [`Lexicon`], built once per gazetteer and cached for
//! the life of the process (see [`lexicon`]).

use std::collections::{HashMap, HashSet};

use crate::clitics::readings;
use crate::gazetteer::fxhash::FxHashMap;
use crate::gazetteer::{EntityIndex, EntityKind, Gazetteer, PartialDate, Role};
use crate::normalize::{fold_str, is_word_char};
use crate::resolve::Mention;
use crate::rules::near_miss::NameIndex;
use crate::rules::unknown_name::GivenNames;
use crate::rules::Context;
use crate::tag::AliasForm;

/// What separates two words of the folded text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gap {
    /// Spaces only.
    Space,
    /// A hyphen or apostrophe, with or without spaces ("al-Sharaa").
    Joiner,
    /// One comma (Latin or Arabic), with or without spaces.
    Comma,
    /// Anything else: a full stop, a colon, a quote mark, a paragraph break,
    /// the start or end of the text.
    Break,
}

/// A word of the folded text: a maximal run of [`is_word_char`]s.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Word<'t> {
    pub start: usize,
    pub end: usize,
    pub text: &'t str,
}

fn gap_class(gap: &str) -> Gap {
    let mut commas = 0;
    let mut joiners = 0;
    for c in gap.chars() {
        match c {
            ' ' => {}
            ',' | '،' => commas += 1,
            '-' | '\'' | '\u{2010}' | '\u{2011}' => joiners += 1,
            _ => return Gap::Break,
        }
    }
    match (commas, joiners) {
        (0, 0) => Gap::Space,
        (0, _) => Gap::Joiner,
        (1, 0) => Gap::Comma,
        _ => Gap::Break,
    }
}

/// Up to `max` words before byte `pos` of `text`, nearest first, each with the
/// gap that follows it (between it and the next word, or `pos`).
pub(crate) fn words_before(text: &str, pos: usize, max: usize) -> Vec<(Word<'_>, Gap)> {
    let mut out = Vec::new();
    let Some(head) = text.get(..pos) else {
        return out;
    };
    let mut chars = head.char_indices().rev().peekable();
    let mut end = head.len();
    while out.len() < max {
        let gap_end = end;
        let mut word_end = end;
        while let Some(&(i, c)) = chars.peek() {
            if is_word_char(c) {
                break;
            }
            word_end = i;
            chars.next();
        }
        if chars.peek().is_none() {
            break;
        }
        let mut word_start = word_end;
        while let Some(&(i, c)) = chars.peek() {
            if !is_word_char(c) {
                break;
            }
            word_start = i;
            chars.next();
        }
        out.push((
            Word {
                start: word_start,
                end: word_end,
                text: &head[word_start..word_end],
            },
            gap_class(&head[word_end..gap_end]),
        ));
        end = word_start;
    }
    out
}

/// Up to `max` words after byte `pos` of `text`, nearest first, each with the
/// gap that precedes it.
pub(crate) fn words_after(text: &str, pos: usize, max: usize) -> Vec<(Gap, Word<'_>)> {
    let mut out = Vec::new();
    let Some(tail) = text.get(pos..) else {
        return out;
    };
    let mut chars = tail.char_indices().peekable();
    let mut start = 0;
    while out.len() < max {
        let gap_start = start;
        let mut word_start = tail.len();
        while let Some(&(i, c)) = chars.peek() {
            if is_word_char(c) {
                word_start = i;
                break;
            }
            chars.next();
        }
        if chars.peek().is_none() {
            break;
        }
        let mut word_end = tail.len();
        while let Some(&(i, c)) = chars.peek() {
            if !is_word_char(c) {
                word_end = i;
                break;
            }
            chars.next();
        }
        out.push((
            gap_class(&tail[gap_start..word_start]),
            Word {
                start: pos + word_start,
                end: pos + word_end,
                text: &tail[word_start..word_end],
            },
        ));
        start = word_end;
    }
    out
}

/// Every word of `text` with the gap before it, in order.
pub(crate) fn all_words(text: &str) -> Vec<(Gap, Word<'_>)> {
    words_after(text, 0, usize::MAX)
}

/// The folded words of `s` joined by single spaces: the key titles and names
/// are compared by ("Vice-President of Syria" → "vice president of syria").
pub(crate) fn words_key(s: &str) -> String {
    let folded = fold_str(s);
    // Most titles and names fold to words already joined by single spaces:
    // then the folded text is the key (a small draft's gain, as names and
    // titles are keyed at start-up).
    if is_key(&folded) {
        return folded;
    }
    join_words(&folded)
}

/// [`words_key`] of text already folded.
pub(crate) fn key_of_folded(folded: &str) -> String {
    if is_key(folded) {
        return folded.to_string();
    }
    join_words(folded)
}

/// Whether folded text is its own key: words joined by single spaces.
fn is_key(folded: &str) -> bool {
    let mut after_word = false;
    for c in folded.chars() {
        if is_word_char(c) {
            after_word = true;
        } else if c == ' ' && after_word {
            after_word = false;
        } else {
            return false;
        }
    }
    after_word || folded.is_empty()
}

/// The words of folded text joined by single spaces.
fn join_words(folded: &str) -> String {
    let mut key = String::with_capacity(folded.len());
    for word in folded
        .split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
    {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(word);
    }
    key
}

/// Words that mark a title as past: "نائب الرئيس السابق", "الرئيس الراحل",
/// "former vice president" (`lexicon/qualifiers.yaml`, `means: past`). Folded.
pub(crate) fn is_past_qualifier(word: &str) -> bool {
    crate::lexicon::get().is_past(word)
}

/// English articles skipped before an apposition ("Farouk al-Sharaa, a former
/// foreign minister").
const ARTICLES: [&str; 3] = ["a", "an", "the"];

/// A set with the fast hash: its keys are the gazetteer's own words (the
/// draft's words are only looked up), and it is built at every start-up.
type FxHashSet<T> = HashSet<T, std::hash::BuildHasherDefault<crate::gazetteer::fxhash::FxHasher>>;

/// Every role title of the gazetteer, by [`words_key`].
#[derive(Debug, Default)]
pub(crate) struct TitleIndex {
    by_key: FxHashMap<String, Vec<(EntityIndex, usize)>>,
    /// The first word of every title, gazetteer and generic (وزير، الرئيس،
    /// سلطان، minister…): a word that heads a title is no name.
    first_words: FxHashSet<String>,
    /// Words in the longest title.
    max_words: usize,
}

impl TitleIndex {
    pub(crate) fn build(gazetteer: &Gazetteer) -> TitleIndex {
        let mut index = TitleIndex::default();
        let folded = gazetteer.folded_titles();
        for (e, entity) in gazetteer.entities().iter().enumerate() {
            for r in 0..entity.roles.len() {
                for title in folded.of_role(e, r) {
                    let key = key_of_folded(title);
                    if key.is_empty() {
                        continue;
                    }
                    index.max_words = index.max_words.max(key.split(' ').count());
                    if let Some(first) = key.split(' ').next() {
                        if !index.first_words.contains(first) {
                            index.first_words.insert(first.to_string());
                        }
                    }
                    let holders = index.by_key.entry(key).or_default();
                    if !holders.contains(&(e, r)) {
                        holders.push((e, r));
                    }
                }
            }
        }
        index
    }

    /// Whether a folded word, or the word without a proclitic, heads a
    /// gazetteer or generic title (وزير، ووزير، الرئيس، minister).
    pub(crate) fn is_title_word(&self, word: &str) -> bool {
        let generic = &crate::rules::words::get().generic_titles;
        readings(word).iter().any(|r| {
            let w = r.word.as_ref();
            self.first_words.contains(w)
                || generic.iter().any(|t| {
                    t.ar.iter()
                        .chain(&t.en)
                        .any(|k| k.split(' ').next() == Some(w))
                })
        })
    }

    /// The (entity, role) pairs whose role has this title.
    pub(crate) fn get(&self, key: &str) -> &[(EntityIndex, usize)] {
        self.by_key.get(key).map_or(&[], Vec::as_slice)
    }

    pub(crate) fn max_words(&self) -> usize {
        self.max_words
    }

    /// Every distinct title key with the (entity, role) pairs that have it,
    /// in no particular order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (&str, &[(EntityIndex, usize)])> {
        self.by_key.iter().map(|(k, v)| (k.as_str(), v.as_slice()))
    }
}

/// A gazetteer title found next to a mention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TitleMatch {
    /// The title's [`words_key`].
    pub key: String,
    /// Folded byte range of the title words (qualifiers included).
    pub folded: (usize, usize),
    /// A past qualifier (السابق، الراحل، former…) is part of it.
    pub past: bool,
    /// Before the name ("الرئيس السوري أحمد الشرع") or after it.
    pub before: bool,
    /// After the name with no comma between ("استقبل الشرع وزير الخارجية"):
    /// as likely a verb's object as an apposition, so it only ever confirms
    /// a title the person holds.
    pub loose: bool,
}

/// Matches `words` (in text order) against the title index: the qualifiers
/// are dropped, the first remaining word may carry a proclitic. Returns the
/// key, whether a qualifier was dropped, and the proclitic.
fn match_title<'w>(index: &TitleIndex, words: &[Word<'w>]) -> Option<(String, bool, &'w str)> {
    let kept: Vec<&'w str> = words
        .iter()
        .map(|w| w.text)
        .filter(|w| !is_past_qualifier(w))
        .collect();
    let past = kept.len() != words.len();
    let (first, rest) = kept.split_first()?;
    for reading in readings(first) {
        let mut key = reading.word.into_owned();
        for word in rest {
            key.push(' ');
            key.push_str(word);
        }
        // A generic title ("وزير الخارجية", "Foreign Minister") is kept even
        // when no gazetteer role lists it bare: the draft's country may
        // make it one (see [`person_titles`]).
        if !index.get(&key).is_empty() || crate::rules::words::get().is_generic_title(&key) {
            return Some((key, past, reading.clitic));
        }
    }
    None
}

/// The country a draft is about: the only country it names (by name or
/// demonym), or one named at least twice and twice as often as any other.
pub(crate) fn draft_country(mentions: &[Mention], gazetteer: &Gazetteer) -> Option<EntityIndex> {
    let mut counts: HashMap<EntityIndex, usize> = HashMap::new();
    for m in mentions {
        let Some(e) = m.entity else {
            continue;
        };
        let entity = gazetteer.entity(e);
        if entity.kind == EntityKind::Place && entity.class.as_deref() == Some("country") {
            *counts.entry(e).or_default() += 1;
        }
    }
    let mut ranked: Vec<(usize, EntityIndex)> = counts.into_iter().map(|(e, n)| (n, e)).collect();
    ranked.sort_unstable_by(|a, b| b.cmp(a));
    match ranked.as_slice() {
        [(_, only)] => Some(*only),
        [(top, e), (second, _), ..] if *top >= 2 && *top >= 2 * second => Some(*e),
        _ => None,
    }
}

/// A generic title read through a country: "وزير الخارجيه" with Syria is
/// "وزير الخارجيه السوري" (the title and the demonym with the article),
/// "foreign minister" is "syrian foreign minister" or "foreign minister of
/// syria", whichever the gazetteer lists.
fn country_title(
    index: &TitleIndex,
    gazetteer: &Gazetteer,
    key: &str,
    country: EntityIndex,
) -> Option<String> {
    let entity = gazetteer.entity(country);
    let mut forms: Vec<String> = Vec::new();
    for d in &entity.demonyms.ar {
        let d = words_key(d);
        let d = if d.starts_with("ال") {
            d
        } else {
            format!("ال{d}")
        };
        forms.push(format!("{key} {d}"));
    }
    for d in &entity.demonyms.en {
        forms.push(format!("{} {key}", words_key(d)));
    }
    for n in &entity.names.en {
        forms.push(format!("{key} of {}", words_key(n)));
    }
    forms.into_iter().find(|f| !index.get(f).is_empty())
}

/// Every title that ends right before folded byte `pos` (a name's start),
/// shortest first: "الرئيس السابق" and "بنائب الرئيس السابق" before "بشار
/// الأسد". Only spaces between a title's words, a space or one comma before
/// the name; qualifiers may stand inside or at either end of it. An
/// honorific may stand between the title and the name ("وزير الخارجية
/// الشيخ …", "Foreign Minister Dr. …").
fn titles_before(index: &TitleIndex, text: &str, pos: usize) -> Vec<TitleMatch> {
    let found = titles_ending_at(index, text, pos);
    if !found.is_empty() {
        return found;
    }
    // Honorifics between the title and the name.
    let lists = crate::rules::words::get();
    let mut at = pos;
    let mut skipped = 0;
    for (word, _) in words_before(text, pos, 3) {
        let gap = text.get(word.end..at).unwrap_or("");
        let gap_ok = gap.chars().all(|c| c == ' ') || {
            // "Dr. Ahmed", "د. أحمد": an abbreviation's full stop.
            let rest = gap.trim_start_matches('.');
            gap.starts_with('.') && !rest.is_empty() && rest.chars().all(|c| c == ' ')
        };
        if !gap_ok || !lists.is_honorific(word.text) {
            break;
        }
        at = word.start;
        skipped += 1;
    }
    if skipped == 0 {
        return Vec::new();
    }
    titles_ending_at(index, text, at)
}

fn titles_ending_at(index: &TitleIndex, text: &str, pos: usize) -> Vec<TitleMatch> {
    let words = words_before(text, pos, index.max_words() + 3);
    let mut found = Vec::new();
    for n in 1..=words.len() {
        let gap = words[n - 1].1;
        let ok = if n == 1 {
            matches!(gap, Gap::Space | Gap::Comma)
        } else {
            matches!(gap, Gap::Space | Gap::Joiner)
        };
        if !ok {
            break;
        }
        let in_order: Vec<Word<'_>> = words[..n].iter().rev().map(|(w, _)| *w).collect();
        // The complement of a construct is not the next name's title:
        // "مبعوثا الرئيس ستيف ويتكوف" (the president's two envoys, Steve
        // Witkoff ...) gives "الرئيس" to no one.
        if complements_construct(&words[n.min(words.len())..]) {
            continue;
        }
        // A title never starts with a qualifier in Arabic, but English puts
        // it first ("former vice president"); both are allowed.
        if let Some((key, past, _)) = match_title(index, &in_order) {
            found.push(TitleMatch {
                key,
                folded: (in_order[0].start, words[0].0.end),
                past,
                before: true,
                loose: false,
            });
        }
    }
    found
}

/// Nouns whose complement is the office of someone else ("مبعوث الرئيس",
/// the president's envoy; "نجل الرئيس", his son): a title right after one
/// is not the title of the name that follows. Folded, with or without a
/// conjunction glued on. نائب is left out: "نائب الرئيس" is an office.
const CONSTRUCT_HEADS: [&str; 34] = [
    "مبعوث",
    "مبعوثا",
    "مبعوثي",
    "مبعوثو",
    "مبعوثه",
    "موفد",
    "موفدا",
    "موفدي",
    "مستشار",
    "مستشارا",
    "مستشاري",
    "مستشارو",
    "مستشاره",
    "مساعد",
    "مساعدا",
    "مساعدي",
    "مساعده",
    "ممثل",
    "ممثلا",
    "ممثلي",
    "ممثله",
    "صهر",
    "نجل",
    "ابن",
    "ابنه",
    "زوجه",
    "شقيق",
    "شقيقه",
    "حفيد",
    "ابنا",
    "نجلا",
    "مكتب",
    "ديوان",
    "حرس",
];

/// Styles of address that stand between a construct head and the title
/// it governs ("مدير مكتب جلالة الملك", the director of His Majesty's
/// office; "مستشار سمو الأمير"). Folded.
const STYLES: [&str; 7] = ["جلاله", "سمو", "فخامه", "معالي", "دوله", "سياده", "سعاده"];

/// Whether the words before a title (nearest first) make it the complement
/// of a construct: a construct head right before it, or before a style of
/// address that is right before it.
fn complements_construct(before: &[(Word<'_>, Gap)]) -> bool {
    let mut words = before
        .iter()
        .take_while(|&&(_, gap)| gap == Gap::Space)
        .map(|(w, _)| w.text);
    let word = words.next();
    let head = if word.is_some_and(|w| STYLES.contains(&w)) {
        words.next()
    } else {
        word
    };
    head.is_some_and(is_construct_head)
}

fn is_construct_head(word: &str) -> bool {
    let bare = word
        .strip_prefix('و')
        .or_else(|| word.strip_prefix('ف'))
        .unwrap_or(word);
    CONSTRUCT_HEADS.contains(&word) || CONSTRUCT_HEADS.contains(&bare)
}

/// Words that continue a title past the part the gazetteer knows ("وزير
/// الخارجية الأردني", "Foreign Minister of Jordan"): the known title is then
/// someone else's, not this one. Folded.
const CONTINUATIONS: [&str; 8] = ["of", "for", "to", "at", "لدي", "في", "لشؤون", "باسم"];

/// Titles in apposition after a name ending at folded byte `pos`: "أسعد
/// الشيباني، وزير الخارجية", "فاروق الشرع، وزير الخارجية الأسبق ونائب الرئيس
/// السوري السابق", "Farouk al-Sharaa, a former foreign minister and former
/// vice president". `starts_person` tells whether a person mention starts at
/// a folded offset: a title followed by a name belongs to that name.
pub(crate) fn titles_after(
    index: &TitleIndex,
    text: &str,
    pos: usize,
    starts_person: &dyn Fn(usize) -> bool,
) -> Vec<TitleMatch> {
    let words = words_after(text, pos, 2 * index.max_words() + 8);
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(&(gap, _)) = words.get(i) {
        // The first title follows a space or a comma and carries no
        // proclitic ("والرئيس" after a name starts another person); a second
        // one is joined by "و" or "and".
        let first = out.is_empty();
        // A second title shares the first one's punctuation.
        let loose = if first {
            gap == Gap::Space
        } else {
            out.iter().any(|t: &TitleMatch| t.loose)
        };
        let gap_ok = if first {
            matches!(gap, Gap::Space | Gap::Comma)
        } else {
            gap == Gap::Space
        };
        if !gap_ok {
            break;
        }
        let mut j = i;
        let mut and = false;
        if !first && words[j].1.text == "and" {
            j += 1;
            and = true;
        }
        // An article may follow the comma: "Farouk al-Sharaa, a former...".
        while j < words.len()
            && (j == i || words[j].0 == Gap::Space)
            && ARTICLES.contains(&words[j].1.text)
        {
            j += 1;
        }
        let mut best: Option<(usize, String, bool)> = None;
        for n in 1..=index.max_words() + 3 {
            if j + n > words.len() {
                break;
            }
            if n > 1 && !matches!(words[j + n - 1].0, Gap::Space | Gap::Joiner) {
                break;
            }
            let slice: Vec<Word<'_>> = words[j..j + n].iter().map(|(_, w)| *w).collect();
            if let Some((key, past, clitic)) = match_title(index, &slice) {
                let clitic_ok = if first || and {
                    clitic.is_empty()
                } else {
                    clitic == "و"
                };
                if clitic_ok {
                    best = Some((n, key, past));
                }
            }
        }
        let Some((n, key, mut past)) = best else {
            break;
        };
        let mut end = j + n;
        // Trailing qualifiers: "وزير الخارجية الأسبق".
        while end < words.len()
            && words[end].0 == Gap::Space
            && is_past_qualifier(words[end].1.text)
        {
            past = true;
            end += 1;
        }
        if let Some(&(gap, next)) = words.get(end) {
            // A possessive makes the title someone else's: "Jared Kushner,
            // the President's son-in-law".
            if gap == Gap::Joiner && next.text == "s" {
                break;
            }
            let continues = gap == Gap::Space
                && ((next.text.starts_with("ال") && !is_past_qualifier(next.text))
                    || CONTINUATIONS.contains(&next.text));
            // A title then a name, after a space or between two commas,
            // is that name's: "استقبل الملك عبد الله الثاني، وزير الخارجية
            // العراقي، فؤاد حسين" (the king received the Iraqi foreign
            // minister, Fuad Hussein).
            if continues
                || (matches!(gap, Gap::Space | Gap::Joiner | Gap::Comma)
                    && starts_person(next.start))
            {
                break;
            }
            // A title, a comma or space, honorifics, then a name: the title
            // is that name's ("محمد بن سلمان، رئيس الجمهورية العربية
            // السورية، السيد أحمد الشرع").
            if honorific_then_person(&words[end..], starts_person) {
                break;
            }
        }
        out.push(TitleMatch {
            key,
            folded: (words[j].1.start, words[end - 1].1.end),
            past,
            before: false,
            loose,
        });
        i = end;
        match words.get(i) {
            Some((Gap::Space, w)) if w.text == "and" || w.text.starts_with('و') => {}
            _ => break,
        }
    }
    out
}

/// Whether `words` (from the word after a title) are one or more honorifics,
/// the first after a space or a comma, then a person's name.
fn honorific_then_person(words: &[(Gap, Word<'_>)], starts_person: &dyn Fn(usize) -> bool) -> bool {
    let lists = crate::rules::words::get();
    let mut k = 0;
    while let Some(&(gap, word)) = words.get(k) {
        let gap_ok = gap == Gap::Space || (k == 0 && gap == Gap::Comma);
        if !gap_ok || !lists.is_honorific(word.text) {
            break;
        }
        k += 1;
    }
    k > 0
        && words
            .get(k)
            .is_some_and(|&(gap, next)| gap == Gap::Space && starts_person(next.start))
}

/// The titles attached to a mention spanning folded bytes `start..end`; the
/// one before it is skipped when the name carries a proclitic ("والشرع": the
/// title before belongs to someone else).
#[cfg(test)]
pub(crate) fn attached_titles(
    index: &TitleIndex,
    text: &str,
    start: usize,
    end: usize,
    has_clitic: bool,
    starts_person: &dyn Fn(usize) -> bool,
) -> Vec<TitleMatch> {
    let (mut out, _) = split_titles(index, text, start, end, has_clitic, starts_person);
    out.extend(titles_after(index, text, end, starts_person));
    out
}

/// The title before a mention, and the one that belongs to the person in
/// apposition after it. A title in a genitive construct whose complement is
/// itself a title ("بنائب الرئيس السابق بشار الأسد، فاروق الشرع": the deputy
/// of the former president Bashar al-Assad, Farouk al-Sharaa) gives the
/// inner title ("الرئيس السابق") to the name and the whole one ("نائب
/// الرئيس", past like its complement) to the person after the comma.
fn split_titles(
    index: &TitleIndex,
    text: &str,
    start: usize,
    end: usize,
    has_clitic: bool,
    starts_person: &dyn Fn(usize) -> bool,
) -> (Vec<TitleMatch>, Option<TitleMatch>) {
    if has_clitic {
        return (Vec::new(), None);
    }
    let mut found = titles_before(index, text, start);
    let Some(outer) = found.pop() else {
        return (Vec::new(), None);
    };
    let appositive = words_after(text, end, 1)
        .first()
        .is_some_and(|&(gap, w)| gap == Gap::Comma && starts_person(w.start));
    // The inner title: a shorter one, another office (not the same title
    // without its qualifier: "President" in "former President").
    let inner = found.into_iter().rev().find(|t| t.key != outer.key);
    // The construct is Arabic: its head noun (نائب، مستشار) stands before
    // the complement. An English title's prefix is a demonym or a
    // qualifier of the same office ("Palestinian Prime Minister X, Y").
    let construct = |inner: &TitleMatch| {
        inner.folded.0 > outer.folded.0
            && text
                .get(outer.folded.0..inner.folded.0)
                .is_some_and(|head| head.chars().any(|c| ('\u{0621}'..='\u{064A}').contains(&c)))
    };
    match inner {
        Some(inner) if appositive && construct(&inner) => {
            let mut whole = outer;
            whole.past |= inner.past;
            (vec![inner], Some(whole))
        }
        _ => (vec![outer], None),
    }
}

/// The titles attached to every person mention of the draft, by mention
/// index (empty for other mentions).
pub(crate) fn person_titles(cx: &Context<'_>, index: &TitleIndex) -> Vec<Vec<TitleMatch>> {
    person_titles_of(cx.folded.text(), cx.mentions, cx.gazetteer, index)
}

/// [`person_titles`] over a folded text and its mentions, outside a rule's
/// context (`tadqiq compare` reads the titles of two drafts).
pub(crate) fn person_titles_of(
    text: &str,
    mentions: &[Mention],
    gazetteer: &Gazetteer,
    index: &TitleIndex,
) -> Vec<Vec<TitleMatch>> {
    let starts: HashSet<usize> = mentions
        .iter()
        .filter(|m| m.kind == EntityKind::Person)
        .map(|m| m.folded.0)
        .collect();
    let starts_person = |o: usize| starts.contains(&o);
    let mut out: Vec<Vec<TitleMatch>> = vec![Vec::new(); mentions.len()];
    let mut handed: Vec<(usize, TitleMatch)> = Vec::new();
    for (i, m) in mentions.iter().enumerate() {
        if m.kind != EntityKind::Person || !matches!(m.form, AliasForm::Name | AliasForm::Family) {
            continue;
        }
        let (before, whole) = split_titles(
            index,
            text,
            m.folded.0,
            m.folded.1,
            !m.clitic.is_empty(),
            &starts_person,
        );
        out[i] = before;
        out[i].extend(titles_after(index, text, m.folded.1, &starts_person));
        if let Some(whole) = whole {
            handed.push((i, whole));
        }
    }
    // The whole title goes to the next person mention, the appositive.
    for (i, whole) in handed {
        if let Some(j) = (i + 1..mentions.len()).find(|&j| {
            mentions[j].kind == EntityKind::Person && mentions[j].folded.0 > whole.folded.1
        }) {
            out[j].insert(0, whole);
        }
    }
    // Generic titles through the draft's country: "وزير الخارجية الشرع" in
    // a draft about Syria is "وزير الخارجية السوري", when the person has a
    // role for that country (a Turkish minister quoted in it is not).
    let country = draft_country(mentions, gazetteer);
    let lists = crate::rules::words::get();
    for (i, titles) in out.iter_mut().enumerate() {
        // The bare Arabic "الرئيس" before someone who heads a government or
        // a parliament, and never held it as head of state, says nothing the
        // gazetteer can check: the press gives it to every head ("الرئيس
        // نواف سلام", "الرئيس بري"), not only to the head of state.
        let entity = mentions[i].entity;
        let courtesy = |t: &TitleMatch| {
            t.key == COURTESY_TITLE
                && entity.is_some_and(|e| {
                    heads_something(gazetteer, e)
                        && !index.get(&t.key).iter().any(|&(h, _)| h == e)
                        && country.is_none_or(|c| {
                            country_title(index, gazetteer, &t.key, c)
                                .is_none_or(|k| !index.get(&k).iter().any(|&(h, _)| h == e))
                        })
                })
        };
        titles.retain(|t| !courtesy(t));
        for title in titles.iter_mut() {
            if !lists.is_generic_title(&title.key) {
                continue;
            }
            let (Some(country), Some(e)) = (country, mentions[i].entity) else {
                continue;
            };
            let country_id = &gazetteer.entity(country).id;
            let of_country = gazetteer
                .entity(e)
                .roles
                .iter()
                .any(|r| r.of.as_deref() == Some(country_id.as_str()));
            if of_country {
                if let Some(key) = country_title(index, gazetteer, &title.key, country) {
                    title.key = key;
                }
            }
        }
        // A generic title no role lists, not read through a country, says
        // nothing the gazetteer can check.
        titles.retain(|t| !index.get(&t.key).is_empty());
    }
    out
}

/// The bare Arabic title that news gives to any head of a state, a
/// government or a parliament, current or former. Folded.
const COURTESY_TITLE: &str = "الرئيس";

/// Whether a person has a role whose Arabic title starts with "رئيس" (رئيس
/// الحكومة، رئيس مجلس النواب): a head, whom news may call "الرئيس".
fn heads_something(gazetteer: &Gazetteer, e: EntityIndex) -> bool {
    gazetteer
        .entity(e)
        .roles
        .iter()
        .any(|r| r.title.ar.iter().any(|t| words_key(t).starts_with("رئيس ")))
}

/// The original text of a folded range.
pub(crate) fn original<'a>(cx: &Context<'a>, folded: (usize, usize)) -> (usize, usize, &'a str) {
    let range = cx.folded.original_range(folded.0..folded.1);
    (range.start, range.end, cx.text.get(range).unwrap_or(""))
}

/// `role` as a short English phrase with its dates: "الرئيس السوري (Syrian
/// President), since 2025-01-29".
pub(crate) fn describe_role(role: &Role) -> String {
    let title = match (role.title.ar.first(), role.title.en.first()) {
        (Some(ar), Some(en)) => format!("{ar} ({en})"),
        (Some(t), None) | (None, Some(t)) => t.clone(),
        (None, None) => "untitled role".to_string(),
    };
    match (role.from, role.to) {
        (Some(from), Some(to)) => format!("{title}, {from} to {to}"),
        (Some(from), None) => format!("{title}, since {from}"),
        (None, Some(to)) => format!("{title}, until {to}"),
        (None, None) => format!("{title}, dates not in the gazetteer"),
    }
}

/// Whether two roles' windows share a day (open ends are unbounded).
pub(crate) fn roles_overlap(a: &Role, b: &Role) -> bool {
    let starts_before_end = |x: &Role, y: &Role| match (x.from, y.to) {
        (Some(from), Some(to)) => from.first_day() <= to.last_day(),
        _ => true,
    };
    starts_before_end(a, b) && starts_before_end(b, a)
}

/// Whether `role` ended before `date`.
pub(crate) fn ended_before(role: &Role, date: PartialDate) -> bool {
    role.to.is_some_and(|to| to.last_day() < date.first_day())
}

/// The gazetteer-wide indexes of the entity rules, built once per checker
/// next to the tagger and shared by every draft.
#[derive(Debug)]
pub(crate) struct Lexicon {
    pub titles: TitleIndex,
    pub names: NameIndex,
    /// The given names of the gazetteer's people, with the ranks their
    /// holders hold (unknown-name: a one-word name after a rank).
    pub given_names: GivenNames,
}

impl Lexicon {
    pub(crate) fn build(gazetteer: &Gazetteer) -> Lexicon {
        let titles = TitleIndex::build(gazetteer);
        let given_names = GivenNames::build(gazetteer, &titles);
        Lexicon {
            titles,
            names: NameIndex::build(gazetteer),
            given_names,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::EntityKind;

    const PEOPLE: &str = r"
- id: ahmed-al-sharaa
  names: {ar: [أحمد الشرع], en: [Ahmed al-Sharaa]}
  family: {ar: [الشرع], en: [al-Sharaa]}
  roles:
    - title: {ar: [الرئيس السوري, الرئيس], en: [Syrian President, President]}
      from: 2025-01-29
  source: test
- id: farouk-al-sharaa
  names: {ar: [فاروق الشرع], en: [Farouk al-Sharaa]}
  family: {ar: [الشرع], en: [al-Sharaa]}
  roles:
    - title: {ar: [وزير الخارجية], en: [Foreign Minister]}
      from: 1984-03
      to: 2006-02-11
    - title: {ar: [نائب الرئيس السوري, نائب الرئيس], en: [Syrian Vice President, Vice President]}
      from: 2006-02-11
      to: 2014-07
  source: test
";

    fn index() -> TitleIndex {
        let g = Gazetteer::from_yaml(&[(EntityKind::Person, "people.yaml", PEOPLE)]).unwrap();
        TitleIndex::build(&g)
    }

    struct Case {
        text: &'static str,
        /// The name the titles are attached to.
        name: &'static str,
        /// Expected (title key, past) pairs, before-title first.
        want: &'static [(&'static str, bool)],
    }

    #[test]
    fn words_key_joins_the_folded_words_with_single_spaces() {
        let cases = [
            ("Vice-President of Syria", "vice president of syria"),
            ("وزير  الخارجية", "وزير الخارجيه"),
            (" الرئيس السوري ", "الرئيس السوري"),
            ("Foreign Minister", "foreign minister"),
            ("al-Sharaa", "al sharaa"),
            ("O'Brien, Jr.", "o brien jr"),
            ("", ""),
            ("  ", ""),
            ("-", ""),
            ("أحمد", "احمد"),
        ];
        for (text, want) in cases {
            assert_eq!(words_key(text), want, "{text:?}");
            // The same as the words `all_words` finds, joined.
            let folded = fold_str(text);
            let words: Vec<&str> = all_words(&folded).iter().map(|(_, w)| w.text).collect();
            assert_eq!(words_key(text), words.join(" "), "{text:?}");
        }
    }

    #[test]
    fn attached_title_cases() {
        let cases = [
            // A plain title before the name.
            Case {
                text: "وصل الرئيس السوري أحمد الشرع إلى واشنطن",
                name: "أحمد الشرع",
                want: &[("الرئيس السوري", false)],
            },
            // The longest title wins, with a qualifier between it and the name.
            Case {
                text: "اللقاء بين نائب الرئيس السوري السابق فاروق الشرع والرئيس",
                name: "فاروق الشرع",
                want: &[("نائب الرئيس السوري", true)],
            },
            // A proclitic on the title word.
            Case {
                text: "التقى بالرئيس السوري أحمد الشرع",
                name: "أحمد الشرع",
                want: &[("الرئيس السوري", false)],
            },
            // Apposition after a comma, with a coordinated second title.
            Case {
                text: "وكان فاروق الشرع، وزير الخارجية الأسبق ونائب الرئيس السوري السابق، من أبرز",
                name: "فاروق الشرع",
                want: &[("وزير الخارجية", true), ("نائب الرئيس السوري", true)],
            },
            // English: qualifier first, then the title.
            Case {
                text: "a meeting between former Syrian vice president Farouk al-Sharaa and",
                name: "Farouk al-Sharaa",
                want: &[("syrian vice president", true)],
            },
            // English apposition with an article.
            Case {
                text:
                    "with Farouk al-Sharaa, a former foreign minister and former vice president who",
                name: "Farouk al-Sharaa",
                want: &[("foreign minister", true), ("vice president", true)],
            },
            // A title followed by another person's name is that person's.
            Case {
                text: "فاروق الشرع والرئيس السوري أحمد الشرع",
                name: "فاروق الشرع",
                want: &[],
            },
            // A longer, unknown title ("... الأردني") is not the known one.
            Case {
                text: "استقبل أحمد الشرع وزير الخارجية الأردني",
                name: "أحمد الشرع",
                want: &[],
            },
            // A sentence break separates the title from the name.
            Case {
                text: "قال الرئيس السوري. أحمد الشرع",
                name: "أحمد الشرع",
                want: &[],
            },
        ];
        let index = index();
        for case in cases {
            let folded = fold_str(case.text);
            let name = fold_str(case.name);
            let start = folded.find(&name).unwrap();
            let end = start + name.len();
            let persons: Vec<usize> = ["احمد الشرع", "فاروق الشرع"]
                .iter()
                .filter_map(|n| {
                    folded
                        .match_indices(n)
                        .map(|(i, _)| i)
                        .find(|&i| i != start)
                })
                .collect();
            let got: Vec<(String, bool)> =
                attached_titles(&index, &folded, start, end, false, &|o| {
                    persons.contains(&o)
                })
                .into_iter()
                .map(|t| (t.key, t.past))
                .collect();
            let want: Vec<(String, bool)> =
                case.want.iter().map(|&(k, p)| (words_key(k), p)).collect();
            assert_eq!(got, want, "text: {}", case.text);
        }
    }

    #[test]
    fn words_and_gaps() {
        let text = "al-sharaa, a former minister. then";
        let words = all_words(text);
        let gaps: Vec<Gap> = words.iter().map(|(g, _)| *g).collect();
        assert_eq!(
            gaps,
            [
                Gap::Space,
                Gap::Joiner,
                Gap::Comma,
                Gap::Space,
                Gap::Space,
                Gap::Break
            ]
        );
        let before = words_before(text, text.find("former").unwrap(), 3);
        let texts: Vec<&str> = before.iter().map(|(w, _)| w.text).collect();
        assert_eq!(texts, ["a", "sharaa", "al"]);
        assert_eq!(before[1].1, Gap::Comma);
    }
}
