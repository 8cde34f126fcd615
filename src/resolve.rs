//! Coreference and support.
//!
//! A family name standing alone ("الشرع", "Sharaa") is linked only when the
//! draft gives it an antecedent (DESIGN.md §9):
//! - a full mention of a person with that family name: then the person whose
//!   gazetteer title stands right before it wins ("نائب الرئيس الشرع"), else
//!   the most recent full mention, looked for first in the same section part,
//!   then in the body, then anywhere earlier, else the first one after it (a
//!   headline's "زيارة الشرع" before the lede's "أحمد الشرع");
//! - or, with no full mention, a title right before it that exactly one of the
//!   candidates holds at the draft's date (today when the draft has none):
//!   "رئيس الحكومة سلام".
//!
//! Without an antecedent the mention stays unlinked, every candidate noted: a
//! lone "عون" is never the president just because he is the only عون holding
//! office.
//!
//! An `ambiguous` hit (an alias that is also an everyday word: سلام، عون،
//! Hope) is kept only with support: a full, unambiguous mention of one of its
//! entities earlier in the draft, one of their gazetteer titles right before
//! it, or, for a Latin name, a capital letter that does not start a
//! sentence. Without support it is no mention at all.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::hash::BuildHasherDefault;
use std::sync::Arc;
use std::sync::OnceLock;

use serde::Serialize;

use crate::checker::LineIndex;
use crate::clitics::{is_arabic_letter, readings};
use crate::gazetteer::fxhash::{FxHashMap, FxHasher};
use crate::gazetteer::{EntityIndex, EntityKind, Gazetteer, PartialDate};
use crate::normalize::fold_str;
use crate::segment::{Document, SectionKind};
use crate::tag::{AliasForm, Entities, Hit};

/// The sets coreference fills per draft, with the fast hash: they are
/// looked up once or more per mention and never iterated for output.
type FxHashSet<K> = HashSet<K, BuildHasherDefault<FxHasher>>;

/// A tagged, resolved mention of a gazetteer entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    /// The draft's text of the mention, shared by the mentions written
    /// alike.
    pub text: Arc<str>,
    /// The resolved entity id; `None` for an unresolved family name.
    #[serde(rename = "entity")]
    pub entity_id: Option<Arc<str>>,
    /// Every entity a family name could refer to, when more than one or when
    /// it is left unlinked.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pub candidates: Box<[Arc<str>]>,
    pub section: SectionKind,
    pub kind: EntityKind,
    /// The gazetteer form that matched.
    pub alias: Arc<str>,
    pub form: AliasForm,
    /// A proclitic written before the name (و، ب، لل…), folded.
    #[serde(skip_serializing_if = "str::is_empty")]
    pub clitic: Arc<str>,
    #[serde(skip)]
    pub entity: Option<EntityIndex>,
    /// Start and end in the folded text.
    #[serde(skip)]
    pub folded: (usize, usize),
    /// Index of the section part in [`Document::sections`].
    #[serde(skip)]
    pub section_index: u32,
    /// Index of the paragraph in [`Document::paragraphs`] (u32, as the
    /// sentence's: a mention is made per name in a draft, so its size counts).
    #[serde(skip)]
    pub paragraph: Option<u32>,
    /// Index of the sentence in [`Document::sentences`].
    #[serde(skip)]
    pub sentence: Option<u32>,
}

impl Mention {
    /// Index of the mention's sentence in [`Document::sentences`].
    pub fn sentence_index(&self) -> Option<usize> {
        self.sentence.map(|s| s as usize)
    }

    /// Index of the mention's paragraph in [`Document::paragraphs`].
    pub fn paragraph_index(&self) -> Option<usize> {
        self.paragraph.map(|p| p as usize)
    }

    /// Index of the mention's section part in [`Document::sections`].
    pub fn section_part(&self) -> usize {
        self.section_index as usize
    }
}

/// The candidate whose gazetteer title stands right before a family name
/// ("نائب الرئيس الشرع" is Farouk, "الرئيس الشرع" is Ahmed): the longest
/// title that ends where the name starts, on a word boundary. Ties give
/// nothing, so recency decides.
fn title_before(
    folded: &str,
    name_start: usize,
    candidates: &[EntityIndex],
    mut titles_of: impl FnMut(EntityIndex) -> Arc<[TitleKey]>,
) -> Option<EntityIndex> {
    let (last, n) = last_words(folded.get(..name_start)?);
    let words = &last[..n];
    let mut best: Option<(usize, EntityIndex)> = None;
    let mut tie = false;
    for &candidate in candidates {
        for key in titles_of(candidate).iter() {
            if !key.may_end(words) || !ends_with_title(words, &key.text) {
                continue;
            }
            let title = &key.text;
            match best {
                Some((len, e)) if len == title.len() && e != candidate => tie = true,
                Some((len, _)) if len >= title.len() => {}
                _ => {
                    best = Some((title.len(), candidate));
                    tie = false;
                }
            }
        }
    }
    if tie {
        None
    } else {
        best.map(|(_, e)| e)
    }
}

/// The last eight words before a name, last first, without a list per
/// call, and how many there are.
fn last_words(before: &str) -> ([&str; 8], usize) {
    let before = before.trim_end_matches([' ', '\n']);
    let mut last = [""; 8];
    let mut n = 0;
    for (slot, word) in last.iter_mut().zip(before.rsplit(' ')) {
        *slot = word;
        n += 1;
    }
    (last, n)
}

/// A folded title, with what rules most titles out before
/// [`ends_with_title`] looks at it: its word count and its last word.
#[derive(Debug)]
struct TitleKey {
    text: String,
    words: usize,
    /// Where its last word starts.
    last: usize,
}

impl TitleKey {
    fn new(text: String) -> TitleKey {
        TitleKey {
            words: text.bytes().filter(|&b| b == b' ').count() + 1,
            last: text.rfind(' ').map_or(0, |i| i + 1),
            text,
        }
    }

    /// False when [`ends_with_title`] is false for these words: too few of
    /// them, or the word right before the name is not the title's last
    /// word (nor, for a one-word title, a word that ends like it).
    fn may_end(&self, words_rev: &[&str]) -> bool {
        let Some(&word) = words_rev.first() else {
            return false;
        };
        if self.text.is_empty() || self.words > words_rev.len() {
            return false;
        }
        let last = &self.text[self.last..];
        if self.words > 1 {
            word == last
        } else {
            word.ends_with(last) || last.strip_prefix("ال").is_some_and(|r| word.ends_with(r))
        }
    }
}

/// Whether the words before a name (last word first) end with `title`,
/// whose first word may carry a proclitic ("بالرئيس", "للرئيس", "وزير").
fn ends_with_title(words_rev: &[&str], title: &str) -> bool {
    if title.is_empty() {
        return false;
    }
    let n = title.bytes().filter(|&b| b == b' ').count() + 1;
    if words_rev.len() < n {
        return false;
    }
    // The title's words from the last: all but the first must be the words
    // right before the name.
    let mut title_words = title.rsplit(' ');
    if !words_rev[..n - 1]
        .iter()
        .all(|w| title_words.next() == Some(*w))
    {
        return false;
    }
    let Some(first) = title_words.next() else {
        return false;
    };
    // The first title word may carry a proclitic: "بالرئيس", "للرئيس". A
    // reading is the word's end, or "ال" + its end after "لل": rule out the
    // rest before listing the readings.
    let word = words_rev[n - 1];
    if !word.ends_with(first) && !first.strip_prefix("ال").is_some_and(|r| word.ends_with(r)) {
        return false;
    }
    reads_as(word, first)
}

/// Whether `target` is one of [`readings`]`(word)` (the word itself, or
/// what is left after its proclitics), without listing them: this runs for
/// every title of every candidate before a family name.
fn reads_as(word: &str, target: &str) -> bool {
    if word == target {
        return true;
    }
    // A reading without the clitic has at least two letters.
    if target.chars().nth(1).is_none() {
        return false;
    }
    let mut rest = word;
    if let Some(r) = word.strip_prefix(['و', 'ف']) {
        if r == target {
            return true;
        }
        rest = r;
    }
    [word, rest].iter().any(|base| {
        base.strip_prefix("لل")
            .is_some_and(|r| target.strip_prefix("ال") == Some(r))
            || base.strip_prefix(['ب', 'ل', 'ك']) == Some(target)
    })
}

/// Whether a Latin name at byte `start` of `original` is written with a
/// capital letter that does not start a sentence ("said Hope", not "Hope
/// is"). A line start counts as a sentence start (headings, list items).
fn capitalized_mid_sentence(original: &str, start: usize, end: usize) -> bool {
    let Some(name) = original.get(start..end) else {
        return false;
    };
    // The Latin name itself, after an Arabic proclitic if any ("وBush").
    let Some(first) = name
        .chars()
        .find(|c| c.is_alphabetic() && !is_arabic_letter(*c))
    else {
        return false;
    };
    if !first.is_uppercase() {
        return false;
    }
    if name.starts_with(is_arabic_letter) {
        return true;
    }
    !sentence_start(original.get(..start).unwrap_or(""))
}

/// Which of several places sharing an ambiguous name an occurrence is
/// (عُمان the country, عمّان Jordan's capital): vowel marks written in the
/// draft that a place's name lacks rule it out (عمّان is not عُمان); then
/// the one place that the draft's other places point to wins: itself or the
/// country it lies in named unambiguously (الأردن for عمّان), or a place in
/// it, or the place itself (سلطنة عمان for عُمان). None when
/// nothing or more than one place fits.
fn place_in_context(
    original: &str,
    hit: &Hit,
    gazetteer: &Gazetteer,
    places: &FxHashSet<EntityIndex>,
) -> Option<EntityIndex> {
    let written = original.get(hit.start..hit.end)?;
    let key: String = fold_str(written);
    let marks = |s: &str| -> Vec<(char, char)> {
        // (letter, mark) pairs: the vowel marks and shadda on each letter.
        let mut out = Vec::new();
        let mut last = None;
        for c in s.chars() {
            if ('\u{064B}'..='\u{0652}').contains(&c) {
                if let Some(l) = last {
                    out.push((l, c));
                }
            } else {
                last = Some(c);
            }
        }
        out
    };
    let written_marks = marks(written);
    let fitting: Vec<EntityIndex> = hit
        .entities
        .iter()
        .copied()
        .filter(|&e| {
            let entity = gazetteer.entity(e);
            if entity.kind != EntityKind::Place {
                return false;
            }
            // The entity's written form of this key (clitics aside).
            let Some(name) = entity.names.all().find(|n| key.ends_with(&fold_str(n))) else {
                return true;
            };
            let name_marks = marks(name);
            written_marks.iter().all(|m| name_marks.contains(m))
        })
        .collect();
    if fitting.len() == 1 && !written_marks.is_empty() {
        return fitting.first().copied();
    }
    // The noun before it says which kind of place: "سلطان عمان" (the
    // Sultan of Oman) is the country even in a draft about Jordan,
    // "العاصمة عمان" the city.
    let head = original
        .get(..hit.start)
        .and_then(|b| b.strip_suffix(' '))
        .map(|b| fold_str(trailing_word(b)))
        .unwrap_or_default();
    let head = head
        .strip_prefix(['و', 'ف'])
        .filter(|h| h.chars().count() >= 3)
        .unwrap_or(&head);
    let class = if COUNTRY_HEADS.contains(&head) {
        Some("country")
    } else if CITY_HEADS.contains(&head) {
        Some("city")
    } else {
        None
    };
    if let Some(class) = class {
        let of_class: Vec<EntityIndex> = fitting
            .iter()
            .copied()
            .filter(|&e| gazetteer.entity(e).class.as_deref() == Some(class))
            .collect();
        if let [only] = of_class[..] {
            return Some(only);
        }
    }
    let in_context: Vec<EntityIndex> = fitting
        .iter()
        .copied()
        .filter(|&e| {
            let entity = gazetteer.entity(e);
            let parent = entity.parent.as_deref().and_then(|p| gazetteer.index_of(p));
            places.contains(&e) || parent.is_some_and(|p| places.contains(&p))
        })
        .collect();
    match in_context.as_slice() {
        [only] => Some(*only),
        _ => None,
    }
}

/// Nouns that make the place after them a country: its ruler or its
/// state ("سلطان عمان", "Sultanate of Oman" is written without "of" in
/// Arabic only). Folded.
const COUNTRY_HEADS: [&str; 11] = [
    "سلطان",
    "السلطان",
    "سلطنه",
    "ملك",
    "مملكه",
    "امير",
    "اماره",
    "جمهوريه",
    "دوله",
    "حكومه",
    "عاهل",
];

/// Nouns that make the place after them a city ("العاصمة عمان"). Folded.
const CITY_HEADS: [&str; 4] = ["العاصمه", "عاصمه", "مدينه", "بلديه"];

/// A demonym that is also the family name of a person named in full earlier
/// ("محمد شياع السوداني … وقال السوداني"): that person, unless it stands as
/// an adjective after a definite noun ("الجيش السوداني", "رئيس الوزراء
/// السوداني"). Returns the person and the family name as the gazetteer
/// writes it.
fn family_in_demonym(
    folded: &str,
    hit: &Hit,
    seen: &FxHashMap<String, Vec<(usize, SectionKind, EntityIndex)>>,
    gazetteer: &Gazetteer,
) -> Option<(EntityIndex, String)> {
    let token = folded.get(hit.folded_start..hit.folded_end)?;
    let key = token
        .strip_prefix('و')
        .or_else(|| token.strip_prefix('ف'))
        .filter(|k| k.starts_with("ال"))
        .unwrap_or(token);
    let &(_, _, e) = seen.get(key)?.last()?;
    let before = folded.get(..hit.folded_start)?;
    if let Some(previous) = before.strip_suffix(' ') {
        let word_start = previous
            .char_indices()
            .rev()
            .take_while(|&(_, c)| crate::normalize::is_word_char(c))
            .last()
            .map(|(i, _)| i);
        if let Some(word) = word_start.and_then(|i| previous.get(i..)) {
            if readings(word).iter().any(|r| r.word.starts_with("ال")) {
                return None;
            }
        }
    }
    let alias = gazetteer
        .entity(e)
        .family
        .all()
        .find(|f| fold_str(f) == key)?
        .to_string();
    Some((e, alias))
}

/// The gazetteer's Arabic demonyms, folded once per process: folded
/// demonym → (place, the demonym's position in that place's list, the
/// demonym as the gazetteer writes it), first place in gazetteer order.
///
/// A family-name hit ("السوداني") looks its stem up here instead of folding
/// every place's demonyms: that scan ran once per family-name hit over every
/// entity, and with 100,000 aliases took tagging of a 15 MB draft from 0.9 s
/// to 4 s (docs/benchmarks.md, "Issue 9, third pass").
#[derive(Debug, Default)]
pub(crate) struct Demonyms {
    by_key: HashMap<String, (EntityIndex, usize, String)>,
}

impl Demonyms {
    pub(crate) fn build(gazetteer: &Gazetteer) -> Demonyms {
        let mut by_key = HashMap::new();
        for (i, e) in gazetteer.entities().iter().enumerate() {
            if e.kind != EntityKind::Place {
                continue;
            }
            for (pos, d) in e.demonyms.ar.iter().enumerate() {
                by_key
                    .entry(fold_str(d))
                    .or_insert_with(|| (i, pos, d.clone()));
            }
        }
        Demonyms { by_key }
    }

    /// The first place (in gazetteer order) with a demonym that folds to one
    /// of `keys`, and the first such demonym in its list.
    fn first_of(&self, keys: [&str; 2]) -> Option<(EntityIndex, String)> {
        keys.iter()
            .filter_map(|k| self.by_key.get(*k))
            .min_by_key(|(i, pos, _)| (*i, *pos))
            .map(|(i, _, d)| (*i, d.clone()))
    }
}

/// The place whose Arabic demonym a family-name hit also is ("السوداني":
/// سوداني, Sudan), with that demonym as the gazetteer writes it.
fn demonym_of_family(
    folded: &str,
    hit: &Hit,
    demonyms: &OnceLock<Demonyms>,
    gazetteer: &Gazetteer,
) -> Option<(EntityIndex, String)> {
    let token = folded.get(hit.folded_start..hit.folded_end)?;
    let token = token
        .strip_prefix('و')
        .or_else(|| token.strip_prefix('ف'))
        .filter(|k| k.starts_with("ال"))
        .unwrap_or(token);
    let stem = token.strip_prefix("ال")?;
    demonyms
        .get_or_init(|| Demonyms::build(gazetteer))
        .first_of([stem, token])
}

/// Turns tagger hits into mentions: drops those in skipped regions, attaches
/// sections, paragraphs and sentences, and resolves family names.
/// Paragraph, section and sentence of offsets asked in increasing order,
/// each found by stepping on from the previous answer (as
/// [`Document::paragraph_at`], [`Document::section_at`] and
/// [`Document::sentence_at`], which an offset before the previous one uses).
#[derive(Default)]
struct Cursor {
    offset: usize,
    /// How many paragraphs, sections and sentences start at or before `offset`.
    paragraphs: usize,
    sections: usize,
    sentences: usize,
}

impl Cursor {
    fn lookup(
        &mut self,
        doc: &Document,
        offset: usize,
    ) -> (Option<usize>, SectionKind, Option<usize>) {
        if offset < self.offset {
            return (
                doc.paragraph_at(offset),
                doc.section_at(offset),
                doc.sentence_at(offset),
            );
        }
        self.offset = offset;
        let step = |n: &mut usize, starts: &dyn Fn(usize) -> Option<usize>| {
            while starts(*n).is_some_and(|s| s <= offset) {
                *n += 1;
            }
        };
        step(&mut self.paragraphs, &|i| {
            doc.paragraphs.get(i).map(|p| p.range.start)
        });
        step(&mut self.sections, &|i| {
            doc.sections.get(i).map(|s| s.range.start)
        });
        step(&mut self.sentences, &|i| {
            doc.sentences.get(i).map(|s| s.range.start)
        });
        let paragraph = self
            .paragraphs
            .checked_sub(1)
            .filter(|&i| doc.paragraphs[i].range.contains(&offset));
        let section = self
            .sections
            .checked_sub(1)
            .map_or(SectionKind::Body, |i| doc.sections[i].kind);
        let sentence = self
            .sentences
            .checked_sub(1)
            .filter(|&i| doc.sentences[i].range.contains(&offset));
        (paragraph, section, sentence)
    }
}

/// Whether ranges asked in order of their starts touch a skipped region
/// ([`Document::is_skipped`], which a range starting before the previous
/// one uses), by stepping on over the regions instead of a binary search
/// per range.
#[derive(Default)]
struct SkipCursor {
    start: usize,
    /// How many regions end at or before `start`.
    before: usize,
}

impl SkipCursor {
    fn is_skipped(&mut self, doc: &Document, range: &std::ops::Range<usize>) -> bool {
        if range.start < self.start {
            return doc.is_skipped(range);
        }
        self.start = range.start;
        while doc
            .skipped
            .get(self.before)
            .is_some_and(|s| s.end <= range.start)
        {
            self.before += 1;
        }
        match doc.skipped.get(self.before) {
            Some(s) if range.is_empty() => s.start <= range.start,
            Some(s) => s.start < range.end,
            None => false,
        }
    }
}

/// The folded words of a gazetteer alias.
fn alias_words(alias: &str) -> Vec<String> {
    fold_str(alias)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Whether an organization's name is the start of another body's name: the
/// entity's own longer names continue this one with a purpose after the
/// preposition ل ("التحالف الدولي" + "لمكافحة داعش", "لمحاربة داعش"), and
/// the draft continues it with another such word ("التحالف الدولي لدعم حل
/// الدولتين", the two-state alliance): a body of the same kind with another
/// purpose. A continuation the entity's names use ("لمكافحة الإرهاب") keeps
/// the mention.
fn names_another_body(folded: &str, hit: &Hit<'_>, gazetteer: &Gazetteer) -> bool {
    let [e] = hit.entities[..] else {
        return false;
    };
    if hit.form != AliasForm::Name {
        return false;
    }
    let entity = gazetteer.entity(e);
    if entity.kind != EntityKind::Organization {
        return false;
    }
    let Some(after) = folded
        .get(hit.folded_end..)
        .and_then(|r| r.strip_prefix(' '))
    else {
        return false;
    };
    let next: String = after.chars().take_while(|c| c.is_alphanumeric()).collect();
    if next.chars().count() < 3 || !next.starts_with('ل') {
        return false;
    }
    let key = alias_words(&hit.alias);
    let mut purposes = entity
        .names
        .all()
        .map(alias_words)
        .filter(|words| words.len() > key.len() && words.starts_with(&key))
        .map(|words| words[key.len()].clone())
        .filter(|w| w.starts_with('ل'))
        .peekable();
    purposes.peek().is_some() && purposes.all(|w| w != next)
}

/// Whether a family name stands right after the given name of someone the
/// gazetteer does not know: "Melania Trump" and "أحمد الحريري" are other
/// people of the family, not Donald Trump or Saad Hariri. The word before
/// must be a listed given name or, in Latin script, a capitalised word that
/// is no common English word, title or honorific; a given name of one of
/// the candidates, or one a spelling away from it ("Ahmad" for "Ahmed"),
/// keeps the link, and so does a middle name after another given name
/// ("Ahmed Hussein al-Sharaa"). `covered_until` is where the previous hit
/// ends: a word inside a tagged name is no given name.
fn given_name_of_another(
    original: &str,
    hit: &Hit,
    covered_until: usize,
    gazetteer: &Gazetteer,
) -> bool {
    if hit.form != AliasForm::Family || !hit.clitic.is_empty() {
        return false;
    }
    let Some(before) = original.get(..hit.start).and_then(|b| b.strip_suffix(' ')) else {
        return false;
    };
    let word = trailing_word(before);
    let word_start = before.len() - word.len();
    let nasab = crate::rules::near_miss::NASAB;
    let alias_key = fold_str(&hit.alias);
    let patronymic = alias_key
        .split(' ')
        .next()
        .is_some_and(|w| nasab.contains(&w));
    // A patronymic right after another person's tagged name goes on with
    // that name's chain: "حمد بن عيسى بن سلمان آل خليفة".
    if patronymic && word_start < covered_until && covered_until <= before.len() {
        return true;
    }
    if word.chars().count() < 2 || word_start < covered_until {
        return false;
    }
    // Glued to what precedes it ("Iran's", "al-", "U.S.").
    let rest = &before[..word_start];
    if rest
        .chars()
        .next_back()
        .is_some_and(|c| !c.is_whitespace() && !"\"'«“(,:;".contains(c))
    {
        return false;
    }
    let words = crate::rules::words::get();
    // In a title-cased headline every word is capitalised ("Leaders Hail
    // Erdogan"), and so is the first word of a sentence ("Eventually Abdi
    // came to command…"): there only listed given names count. Elsewhere a
    // capitalised word with lower-case letters counts ("FM" has none)
    // unless it is common English; lexicon/english-words.yaml lists titles
    // and their abbreviations, kin, days and months ("Colonel", "Gen").
    let latin_names = !title_cased_line(original, hit.start) && !sentence_start(rest);
    let is_name = |written: &str| {
        let key = fold_str(written);
        // "باسم" is also "in the name of", "for": "متحدث باسم نتنياهو".
        if key == "باسم" {
            return false;
        }
        // A Latin given name is written with a capital ("said Trump" is
        // no Said Trump).
        let latin = written.starts_with(|c: char| c.is_ascii_alphabetic());
        words.is_given_name(&key)
            && !(latin && written.starts_with(|c: char| c.is_ascii_lowercase()))
            || latin_names
                && written
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_uppercase())
                && written.chars().skip(1).any(|c| c.is_ascii_lowercase())
                && !words.is_english_word(written)
                && !words.is_function_word_written(written)
                && !words.is_honorific(&key)
    };
    let earlier = rest
        .strip_suffix(' ')
        .map(trailing_word)
        .filter(|w| !w.is_empty());
    // An Arabic word between an honorific and the family name is a given
    // name, listed or not: "السيدة انتصار السيسي" is the president's wife.
    // A word with the article is a title ("السيد الرئيس السيسي").
    let after_honorific = || {
        word.starts_with(crate::clitics::is_arabic_letter)
            && !fold_str(word).starts_with("ال")
            && earlier.is_some_and(|e| words.is_honorific(&fold_str(e)))
            && !words.is_function_word_written(word)
            && !words.is_honorific(&fold_str(word))
    };
    // A family name that is a patronymic ("بن سلمان") after a word that is
    // itself in a chain of names, after بن or an honorific, or with the
    // chain going on after it: "حمد بن عيسى بن سلمان آل خليفة", "الأمير
    // عبدالعزيز بن سلمان بن عبدالعزيز" are other men of the family.
    let in_chain = || {
        let chain_before = earlier.is_some_and(|e| {
            let e = fold_str(e);
            nasab.contains(&e.as_str()) || words.is_honorific(&e)
        });
        let chain_after = original.get(hit.end..).is_some_and(|after| {
            let next = after
                .trim_start_matches(' ')
                .split(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("");
            let next = fold_str(next);
            nasab.contains(&next.as_str()) || next == "ال"
        });
        patronymic
            && word.starts_with(crate::clitics::is_arabic_letter)
            && !fold_str(word).starts_with("ال")
            && !words.is_function_word_written(word)
            && (chain_before || chain_after)
    };
    if !is_name(word) && !after_honorific() && !in_chain() {
        return false;
    }
    // A middle name: another given name right before it (an honorific or
    // a title is none: "Prince Abdulaziz bin Salman").
    if earlier.is_some_and(|e| {
        is_name(e)
            || e.starts_with(char::is_uppercase)
                && !words.is_english_word(e)
                && !words.is_honorific(&fold_str(e))
    }) && !in_chain()
    {
        return false;
    }
    let key = fold_str(word);
    // The candidate's own name words; before a patronymic only its given
    // name ("عبدالعزيز" is also Mohammed bin Salman's grandfather's name).
    !hit.entities.iter().any(|&e| {
        gazetteer.entity(e).names.all().any(|name| {
            let name = fold_str(name);
            let mut name_words = name.split(' ');
            let own = |name_word: &str| strsim::osa_distance(name_word, &key) <= 2;
            if patronymic {
                name_words.next().is_some_and(own)
            } else {
                name_words.any(own)
            }
        })
    })
}

/// Capitalised words that, after a place's Latin name, make it part of a
/// longer one: a sea ("the South China Sea"), an outlet ("Saudi Gazette"),
/// an event ("Red Sea Film Festival").
const LATIN_NAME_TAILS: [&str; 14] = [
    "Sea", "Film", "Festival", "Times", "Gazette", "Daily", "Herald", "Tribune", "Observer",
    "Airways", "Airlines", "Cup", "Expo", "Fair",
];

/// Whether a place's Latin name runs on into a longer proper name: a
/// capitalised word of [`LATIN_NAME_TAILS`] after it, or an "Al-" word
/// ("Aden Al-Ghad", a newspaper).
fn place_in_a_latin_name(original: &str, hit: &Hit<'_>, gazetteer: &Gazetteer) -> bool {
    let Some(&e) = hit.entities.first() else {
        return false;
    };
    if gazetteer.entity(e).kind != EntityKind::Place {
        return false;
    }
    let Some(after) = original.get(hit.end..).and_then(|a| a.strip_prefix(' ')) else {
        return false;
    };
    if !original
        .get(hit.start..hit.end)
        .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_uppercase()))
    {
        return false;
    }
    let next: &str = after
        .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\u{2011}'))
        .next()
        .unwrap_or("");
    LATIN_NAME_TAILS.contains(&next)
        || ["Al-", "Al\u{2011}"].iter().any(|al| {
            next.strip_prefix(al)
                .is_some_and(|r| r.starts_with(|c: char| c.is_uppercase()))
        })
}

/// Whether a person's name stands after بن، بنت، bin in someone else's
/// chain of ancestors: "الأمير الحسين بن عبدالله الثاني" names the crown
/// prince, whose father is the king; the king is not mentioned as a person
/// of the draft there.
fn ancestor_in_chain(folded: &str, hit: &Hit<'_>, gazetteer: &Gazetteer) -> bool {
    if !hit.clitic.is_empty()
        || !hit
            .entities
            .iter()
            .all(|&e| gazetteer.entity(e).kind == EntityKind::Person)
    {
        return false;
    }
    let Some(before) = folded
        .get(..hit.folded_start)
        .and_then(|b| b.strip_suffix(' '))
    else {
        return false;
    };
    crate::rules::near_miss::NASAB.contains(&trailing_word(before))
}

/// The candidate whose name is the words before a family name with a
/// Latin middle initial between: "Vladimir V. Putin" is Vladimir Putin,
/// whose listed names have no initial.
fn given_name_with_initial(
    original: &str,
    hit: &Hit<'_>,
    gazetteer: &Gazetteer,
) -> Option<EntityIndex> {
    let before = original.get(..hit.start)?.strip_suffix(' ')?;
    let initial = before.strip_suffix('.')?;
    let letter = initial.chars().next_back()?;
    let rest = initial.strip_suffix(letter)?.strip_suffix(' ')?;
    if !letter.is_ascii_uppercase() {
        return None;
    }
    let given = trailing_word(rest);
    if given.len() < 2 || !given.starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    let family = fold_str(&hit.alias);
    let full = format!("{} {family}", fold_str(given));
    let mut fitting = hit.entities.iter().copied().filter(|&e| {
        gazetteer
            .entity(e)
            .names
            .all()
            .any(|name| fold_str(name) == full)
    });
    let first = fitting.next()?;
    fitting.next().is_none().then_some(first)
}

/// Whether what precedes a word ends a sentence (or is nothing): the word
/// opens the sentence.
fn sentence_start(before: &str) -> bool {
    for c in before.chars().rev() {
        match c {
            ' ' | '\t' | '"' | '\'' | '“' | '‘' | '«' | '(' | '[' | '*' | '_' | '#' | '>' => {}
            '\n' | '.' | '!' | '?' | ':' | ';' | '…' => return true,
            _ => return false,
        }
    }
    true
}

/// Whether the line around `at` is title-cased: three or more Latin words
/// and none of four letters or more in lower case.
fn title_cased_line(original: &str, at: usize) -> bool {
    let start = original[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = original[at..].find('\n').map_or(original.len(), |i| at + i);
    let mut latin = 0;
    for word in original[start..end].split(|c: char| !c.is_ascii_alphabetic()) {
        if word.is_empty() {
            continue;
        }
        latin += 1;
        if word.len() >= 4 && word.starts_with(|c: char| c.is_ascii_lowercase()) {
            return false;
        }
    }
    latin >= 3
}

/// The letters at the end of `text`, as one word.
fn trailing_word(text: &str) -> &str {
    let start = text
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric())
        .last()
        .map_or(text.len(), |(i, _)| i);
    &text[start..]
}

/// What coreference looks up in the gazetteer beyond its names: built on
/// first use, then shared by every draft a checker resolves.
#[derive(Debug, Default)]
pub(crate) struct Lookups {
    demonyms: OnceLock<Demonyms>,
    titles: OnceLock<FxHashMap<EntityIndex, Arc<[TitleKey]>>>,
}

/// The folded titles of every entity that has roles.
fn title_keys(gazetteer: &Gazetteer) -> FxHashMap<EntityIndex, Arc<[TitleKey]>> {
    let folded = gazetteer.folded_titles();
    gazetteer
        .entities()
        .iter()
        .enumerate()
        .filter(|(_, e)| !e.roles.is_empty())
        .map(|(i, e)| {
            let keys = folded
                .of_entity(i, e.roles.len())
                .map(|t| TitleKey::new(t.to_string()))
                .collect();
            (i, keys)
        })
        .collect()
}

pub(crate) fn resolve(
    original: &str,
    folded: &str,
    hits: Vec<Hit<'_>>,
    doc: &Document,
    gazetteer: &Gazetteer,
    lookups: &Lookups,
    role_date: PartialDate,
) -> Vec<Mention> {
    // Line and column as each mention is made, in text order so that the
    // index steps on: a second pass over every mention (240 bytes each)
    // cost a walk over all of them.
    let lines = LineIndex::new(original);
    // family key → (section index, entity) of full mentions seen so far
    let mut seen: FxHashMap<String, Vec<(usize, SectionKind, EntityIndex)>> = FxHashMap::default();
    // Folded family names per entity, folded once per draft; titles are
    // folded once per checker.
    let mut family_keys: FxHashMap<EntityIndex, Vec<String>> = FxHashMap::default();
    let title_keys = lookups.titles.get_or_init(|| title_keys(gazetteer));
    let no_titles: Arc<[TitleKey]> = Arc::from([]);
    // Entities with an unambiguous full mention (name or acronym) so far.
    let mut named: FxHashSet<EntityIndex> = FxHashSet::default();
    // Every full-name mention (folded start, entity), for a family name
    // whose antecedent comes later: a headline's "زيارة الشرع" before the
    // lede's "أحمد الشرع".
    let mut skips = SkipCursor::default();
    let full_names: Vec<(usize, EntityIndex)> = hits
        .iter()
        .filter(|h| h.form == AliasForm::Name && !h.ambiguous)
        .filter(|h| !skips.is_skipped(doc, &(h.start..h.end)))
        .flat_map(|h| h.entities.iter().map(move |&e| (h.folded_start, e)))
        .collect();
    let mut titles_of = |e: EntityIndex| -> Arc<[TitleKey]> {
        Arc::clone(title_keys.get(&e).unwrap_or(&no_titles))
    };
    // Places named unambiguously anywhere in the draft, with the countries
    // they lie in: the context an ambiguous place name is read in.
    let mut places: FxHashSet<EntityIndex> = FxHashSet::default();
    for h in hits.iter().filter(|h| !h.ambiguous) {
        for &e in h.entities.iter() {
            let entity = gazetteer.entity(e);
            if entity.kind == EntityKind::Place {
                places.insert(e);
                if let Some(parent) = entity.parent.as_deref().and_then(|p| gazetteer.index_of(p)) {
                    places.insert(parent);
                }
            }
        }
    }
    // One shared string per entity id and per alias of the tagger's table,
    // not one allocation of each per mention.
    let mut ids: FxHashMap<EntityIndex, Arc<str>> = FxHashMap::default();
    let mut aliases: FxHashMap<(usize, usize), Arc<str>> = FxHashMap::default();
    let mut texts: FxHashMap<&str, Arc<str>> = FxHashMap::default();
    let mut clitics: FxHashMap<&str, Arc<str>> = FxHashMap::default();
    let no_clitic: Arc<str> = Arc::from("");
    let mut id_of = |e: EntityIndex| {
        Arc::clone(
            ids.entry(e)
                .or_insert_with(|| Arc::from(gazetteer.entity(e).id.as_str())),
        )
    };
    let mut mentions = Vec::with_capacity(hits.len());
    let mut at = Cursor::default();
    let mut in_section_order = true;
    let mut skips = SkipCursor::default();
    // Where the previous hit ends in the original text.
    let mut previous_end = 0;
    for mut hit in hits {
        if skips.is_skipped(doc, &(hit.start..hit.end)) {
            continue;
        }
        if names_another_body(folded, &hit, gazetteer)
            || place_in_a_latin_name(original, &hit, gazetteer)
        {
            continue;
        }
        let after_previous = std::mem::replace(&mut previous_end, hit.end);
        if given_name_of_another(original, &hit, after_previous, gazetteer)
            || ancestor_in_chain(folded, &hit, gazetteer)
        {
            continue;
        }
        if hit.ambiguous && hit.entities.len() > 1 {
            if let Some(e) = place_in_context(original, &hit, gazetteer, &places) {
                hit.entities = Entities::One(e);
                hit.ambiguous = false;
            }
        }
        if hit.ambiguous {
            let supported = hit.entities.iter().any(|e| named.contains(e))
                || hit.entities.iter().any(|&e| {
                    title_before(folded, hit.folded_start, &[e], &mut titles_of).is_some()
                })
                || capitalized_mid_sentence(original, hit.start, hit.end);
            if !supported {
                continue;
            }
        }
        // A family name that is also a demonym (السوداني): with no full name
        // of the person before it, or after a definite noun ("مجلس السيادة
        // السوداني"), it is the adjective of the place.
        if hit.form == AliasForm::Family {
            if let Some((place, demonym)) =
                demonym_of_family(folded, &hit, &lookups.demonyms, gazetteer)
            {
                if family_in_demonym(folded, &hit, &seen, gazetteer).is_none() {
                    hit.form = AliasForm::Demonym;
                    hit.entities = Entities::One(place);
                    hit.alias = demonym.into();
                    hit.ambiguous = false;
                }
            }
        }
        if hit.form == AliasForm::Demonym {
            if let Some((e, alias)) = family_in_demonym(folded, &hit, &seen, gazetteer) {
                hit.form = AliasForm::Family;
                hit.entities = Entities::One(e);
                hit.alias = alias.into();
                hit.ambiguous = false;
            }
        }
        let (paragraph, section, sentence) = at.lookup(doc, hit.start);
        let section_index = paragraph
            .map(|p| doc.paragraphs[p].section_index)
            .unwrap_or(0);
        // A family name linked by a title its person holds at the draft's
        // date ("President Trump"), or after the given name and a middle
        // initial ("Vladimir V. Putin"): an antecedent for the bare ones
        // after it.
        let mut antecedent = false;
        let (entity, candidates) = match hit.form {
            AliasForm::Family => {
                let key = fold_str(&hit.alias);
                let earlier = seen.get(&key).map(Vec::as_slice).unwrap_or(&[]);
                let pick = |filter: &dyn Fn(&(usize, SectionKind, EntityIndex)) -> bool| {
                    earlier
                        .iter()
                        .rev()
                        .find(|s| filter(s) && hit.entities.contains(&s.2))
                        .map(|s| s.2)
                };
                // While every list is in section order, the entries of this
                // section are at the end of it: stop at the first earlier one.
                let same_section = if in_section_order {
                    earlier
                        .iter()
                        .rev()
                        .take_while(|s| s.0 >= section_index)
                        .find(|s| s.0 == section_index && hit.entities.contains(&s.2))
                        .map(|s| s.2)
                } else {
                    pick(&|s| s.0 == section_index)
                };
                let by_recency = same_section
                    .or_else(|| pick(&|s| s.1 == SectionKind::Body))
                    .or_else(|| pick(&|_| true))
                    .or_else(|| {
                        full_names
                            .iter()
                            .find(|(at, e)| *at > hit.folded_start && hit.entities.contains(e))
                            .map(|&(_, e)| e)
                    });
                // The full name with a middle initial ("Vladimir V. Putin"):
                // that person, and an antecedent like a full name.
                let with_initial = given_name_with_initial(original, &hit, gazetteer);
                antecedent |= with_initial.is_some();
                let entity = match with_initial.or(by_recency) {
                    // An antecedent: a title held at any time picks among
                    // the candidates ("نائب الرئيس الشرع" is Farouk).
                    Some(recent) => Some(
                        title_before(folded, hit.folded_start, &hit.entities, &mut titles_of)
                            .unwrap_or(recent),
                    ),
                    // No full mention: only a title that one candidate holds
                    // at the draft's date links it. The longest title of any
                    // date must be that one: in "نائب الرئيس الشرع" the title
                    // is نائب الرئيس, not the الرئيس inside it.
                    None => {
                        let held = title_before(folded, hit.folded_start, &hit.entities, |e| {
                            let titles = gazetteer.folded_titles();
                            (gazetteer.entity(e).roles.iter().enumerate())
                                .filter(|(_, role)| role.held_at(role_date))
                                .flat_map(|(r, _)| titles.of_role(e, r))
                                .map(|t| TitleKey::new(t.to_string()))
                                .collect::<Arc<[TitleKey]>>()
                        });
                        let any =
                            title_before(folded, hit.folded_start, &hit.entities, &mut titles_of);
                        let linked = held.filter(|_| held == any);
                        antecedent = linked.is_some();
                        linked
                    }
                };
                (entity, std::mem::take(&mut hit.entities))
            }
            _ => (
                hit.entities.first().copied(),
                std::mem::take(&mut hit.entities),
            ),
        };
        if matches!(hit.form, AliasForm::Name | AliasForm::Acronym) && !hit.ambiguous {
            named.extend(candidates.iter().copied());
        }
        if hit.form == AliasForm::Name || antecedent {
            if let Some(e) = entity {
                let keys = family_keys
                    .entry(e)
                    .or_insert_with(|| gazetteer.entity(e).family.all().map(fold_str).collect());
                for key in keys.iter() {
                    let antecedent = (section_index, section, e);
                    match seen.get_mut(key) {
                        Some(list) => {
                            // Mentions come in text order, so only a mention
                            // outside every paragraph (section 0) can break it.
                            in_section_order &= list.last().is_none_or(|l| l.0 <= section_index);
                            list.push(antecedent);
                        }
                        None => {
                            seen.insert(key.clone(), vec![antecedent]);
                        }
                    }
                }
            }
        }
        let kind = candidates
            .first()
            .map_or(EntityKind::Person, |&e| gazetteer.entity(e).kind);
        let alias = match hit.alias {
            // The tagger's table outlives the draft: its alias strings are
            // told apart by address.
            Cow::Borrowed(alias) => Arc::clone(
                aliases
                    .entry((alias.as_ptr() as usize, alias.len()))
                    .or_insert_with(|| Arc::from(alias)),
            ),
            Cow::Owned(alias) => Arc::from(alias),
        };
        // Most names are written as their alias: then no text is hashed.
        let written = original.get(hit.start..hit.end).unwrap_or("");
        let text = if written == &*alias {
            Arc::clone(&alias)
        } else {
            Arc::clone(texts.entry(written).or_insert_with(|| Arc::from(written)))
        };
        let clitic = if hit.clitic.is_empty() {
            Arc::clone(&no_clitic)
        } else {
            Arc::clone(
                clitics
                    .entry(hit.clitic)
                    .or_insert_with(|| Arc::from(hit.clitic)),
            )
        };
        let (line, column) = lines.line_col(original, hit.start);
        mentions.push(Mention {
            start: hit.start,
            end: hit.end,
            line,
            column,
            text,
            entity_id: entity.map(&mut id_of),
            candidates: if candidates.len() > 1 || entity.is_none() {
                candidates.iter().map(|&c| id_of(c)).collect()
            } else {
                Box::default()
            },
            section,
            kind,
            alias,
            form: hit.form,
            clitic,
            entity,
            folded: (hit.folded_start, hit.folded_end),
            section_index: index_u32(section_index),
            paragraph: paragraph.map(index_u32),
            sentence: sentence.map(index_u32),
        });
    }
    mentions
}

/// A paragraph, sentence or section index as a mention keeps it. A draft
/// would need over 4 GB of text to have more than `u32::MAX` of them; past
/// that every index reads as the last.
fn index_u32(index: usize) -> u32 {
    u32::try_from(index).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use crate::checker::{CheckerBuilder, Mode};
    use crate::gazetteer::PartialDate;
    use crate::segment::Format;

    /// A checker on the embedded gazetteer at a fixed date, for the tests
    /// whose titles and roles depend on it.
    fn checker_dated_2025_11_09() -> crate::checker::Checker {
        CheckerBuilder::new()
            .date(PartialDate::parse("2025-11-09"))
            .build()
            .expect("the embedded gazetteer is valid")
    }

    struct Case {
        text: &'static str,
        /// Entity of each family-name mention "الشرع", in order.
        want: &'static [Option<&'static str>],
    }

    #[test]
    fn cursor_answers_as_the_document_lookups() {
        use crate::segment::{segment, Format, SectionMarkers};
        let texts = crate::test_texts::fixtures();
        for text in &texts {
            for format in [Format::Plain, Format::Markdown] {
                let doc = segment(text, &SectionMarkers::default(), format);
                let want = |o: usize| (doc.paragraph_at(o), doc.section_at(o), doc.sentence_at(o));
                let mut at = super::Cursor::default();
                // Every offset in order, skipping some, then one step back.
                for o in (0..=text.len() + 1).filter(|o| o % 3 != 1) {
                    assert_eq!(at.lookup(&doc, o), want(o), "offset {o}");
                }
                let back = text.len() / 2;
                assert_eq!(at.lookup(&doc, back), want(back));
            }
        }
    }

    /// The quick test of a title never rules out one that
    /// `ends_with_title` accepts, on every pair of the gazetteer's titles
    /// (a few hundred) written after each other with proclitics.
    #[test]
    fn title_keys_rule_out_only_what_does_not_end_the_text() {
        use crate::normalize::fold_str;
        let checker = CheckerBuilder::new().build().expect("embedded gazetteer");
        let mut titles: Vec<String> = checker
            .gazetteer()
            .entities()
            .iter()
            .flat_map(|e| e.roles.iter().flat_map(|r| r.title.all()))
            .map(fold_str)
            .collect();
        titles.sort();
        titles.dedup();
        titles.truncate(250);
        titles.extend(["", "ال", "a b c d e f g h i"].map(String::from));
        let mut accepted = 0;
        for a in &titles {
            let stem = a.strip_prefix("ال").unwrap_or(a);
            for text in [
                a.clone(),
                format!("و{a}"),
                format!("بال{stem}"),
                format!("لل{stem}"),
                format!("قال {a} "),
                format!("x {a}\n\n"),
            ] {
                let (last, n) = super::last_words(&text);
                let words = &last[..n];
                for b in &titles {
                    if super::ends_with_title(words, b) {
                        accepted += 1;
                        assert!(
                            super::TitleKey::new(b.clone()).may_end(words),
                            "{text:?} {b:?}"
                        );
                    }
                }
            }
        }
        assert!(accepted > 1000, "{accepted}");
    }

    #[test]
    fn reads_as_agrees_with_the_readings() {
        let words = [
            "الرئيس",
            "بالرئيس",
            "للرئيس",
            "وللرئيس",
            "فبالرئيس",
            "لرئيس",
            "ورئيس",
            "وزير",
            "والوزير",
            "كالوزير",
            "ب",
            "بب",
            "وب",
            "ول",
            "لل",
            "للا",
            "ولل",
            "فلل",
            "وو",
            "ووزير",
            "Trump",
            "وTrump",
            "",
        ];
        let mut targets: Vec<String> = words.iter().map(|w| w.to_string()).collect();
        for w in words {
            for r in crate::clitics::readings(w) {
                targets.push(r.word.into_owned());
            }
        }
        targets.extend(["ال", "الل", "ا", "رئيس", "زير"].map(String::from));
        let mut yes = 0;
        for word in words {
            for target in &targets {
                let want = crate::clitics::readings(word)
                    .iter()
                    .any(|r| r.word == target.as_str());
                yes += usize::from(want);
                assert_eq!(super::reads_as(word, target), want, "{word} {target}");
            }
        }
        assert!(yes > 40, "{yes}");
    }

    #[test]
    fn skip_cursor_answers_as_the_document() {
        use crate::segment::{segment, Format, SectionMarkers};
        let mut texts = crate::test_texts::fixtures();
        texts.push("a https://x.org/y `code` b\n\n<!-- c -->\n\nd http://e.com".to_string());
        let mut skipped = 0;
        for text in &texts {
            for format in [Format::Plain, Format::Markdown] {
                let doc = segment(text, &SectionMarkers::default(), format);
                let mut at = super::SkipCursor::default();
                for o in (0..=text.len() + 1).filter(|o| o % 3 != 1) {
                    for len in [0, 1, 4, 9] {
                        let range = o..o + len;
                        let want = doc.is_skipped(&range);
                        skipped += usize::from(want);
                        assert_eq!(at.is_skipped(&doc, &range), want, "{range:?}");
                    }
                }
                let back = text.len() / 2..text.len() / 2 + 3;
                assert_eq!(at.is_skipped(&doc, &back), doc.is_skipped(&back));
            }
        }
        assert!(skipped > 100, "{skipped}");
    }

    #[test]
    fn family_names_resolve() {
        let cases = [
            // Recency: the most recent full mention.
            Case {
                text: "التقى أحمد الشرع وفداً. وقال الشرع إن اللقاء مثمر.",
                want: &[Some("ahmed-al-sharaa")],
            },
            Case {
                text: "ذكر فاروق الشرع ذلك. ثم أضاف الشرع أن الأمر انتهى.",
                want: &[Some("farouk-al-sharaa")],
            },
            // A title held by one of them wins over recency.
            Case {
                text: "التقى أحمد الشرع وفداً. وكان نائب الرئيس السوري الشرع قد زار دمشق.",
                want: &[Some("farouk-al-sharaa")],
            },
            Case {
                text: "ذكر فاروق الشرع ذلك. وقال الرئيس الشرع إن الأمر انتهى.",
                want: &[Some("ahmed-al-sharaa")],
            },
            // A proclitic on the title: بالرئيس, للرئيس.
            Case {
                text: "ذكر فاروق الشرع ذلك. ثم التقى ترامب بالرئيس الشرع.",
                want: &[Some("ahmed-al-sharaa")],
            },
            Case {
                text: "ذكر فاروق الشرع ذلك. وقدّم ترامب للرئيس الشرع هدية.",
                want: &[Some("ahmed-al-sharaa")],
            },
            // A word that merely ends like a title is not one.
            Case {
                text: "ذكر فاروق الشرع ذلك. وقال الكاتبالرئيس الشرع شيئاً.",
                want: &[Some("farouk-al-sharaa")],
            },
            // A full mention after it is an antecedent too (headlines).
            Case {
                text: "زيارة الشرع إلى واشنطن\n\nوصل الرئيس السوري أحمد الشرع إلى واشنطن.",
                want: &[Some("ahmed-al-sharaa")],
            },
            // No full mention, no title: no antecedent, so not linked, even
            // though only one of them holds a role at the draft's date.
            Case {
                text: "وصل الشرع إلى واشنطن.",
                want: &[None],
            },
            // No full mention, but a title that only Ahmed holds at the date.
            Case {
                text: "وصل الرئيس الشرع إلى واشنطن.",
                want: &[Some("ahmed-al-sharaa")],
            },
            // A title Farouk held long before the draft's date is no
            // antecedent on its own.
            Case {
                text: "وصل نائب الرئيس الشرع إلى دمشق.",
                want: &[None],
            },
        ];
        let checker = checker_dated_2025_11_09();
        for case in cases {
            let report = checker.run("t.txt", case.text, Format::Plain, Mode::Tag);
            let got: Vec<Option<&str>> = report
                .mentions
                .iter()
                .filter(|m| m.form == crate::tag::AliasForm::Family && m.text.ends_with("الشرع"))
                .map(|m| m.entity_id.as_deref())
                .collect();
            assert_eq!(got, case.want, "text: {}", case.text);
        }
    }

    /// A family name after someone else's given name is another person of
    /// the family; after the person's own given name, a spelling of it, a
    /// title or a middle name it is still the person (held-out news:
    /// "Melania Trump" was tagged as Donald Trump).
    #[test]
    fn a_family_name_after_another_given_name_is_someone_else() {
        let cases: [(&str, &[&str]); 17] = [
            ("On Monday, Melania Trump visited the school.", &[]),
            (
                "Donald Trump Jr. and Eric Trump have appeared at events.",
                &[],
            ),
            ("The first lady, Melania Trump, spoke.", &[]),
            ("قال أحمد الحريري إن الانتخابات قريبة.", &[]),
            // Still the person.
            ("President Trump said.", &["Trump"]),
            ("Trump said on Monday.", &["Trump"]),
            ("Mr. Trump said.", &["Trump"]),
            ("قال الرئيس ترامب إن الاتفاق قريب.", &["ترامب"]),
            // A middle name after the given name.
            ("Donald John Trump said.", &["Trump"]),
            // A sentence's first word is capitalised whatever it is; there
            // only a listed given name counts ("Melania" is not one).
            ("Eventually Trump agreed.", &["Trump"]),
            // "Said" is a given name, "said" a verb.
            ("\"We agreed,\" said Trump.", &["Trump"]),
            ("Melania Trump visited the school.", &["Trump"]),
            // Titles and their abbreviations, all-capital ones too.
            (
                "Witkoff also met FM Araghchi in Muscat.",
                &["Witkoff", "Araghchi"],
            ),
            (
                "Officials briefed Gen Haykal and Colonel Trump.",
                &["Haykal", "Trump"],
            ),
            ("قال متحدث باسم نتنياهو إن الاجتماع انتهى.", &["نتنياهو"]),
            // A title-cased headline capitalises every word.
            ("Leaders Hail Trump", &["Trump"]),
            // A word glued to what precedes it is no given name.
            ("Iran's Pezeshkian met Putin.", &["Pezeshkian", "Putin"]),
        ];
        let checker = checker_dated_2025_11_09();
        for (text, want) in cases {
            let report = checker.run("t.txt", text, Format::Plain, Mode::Tag);
            let got: Vec<&str> = report
                .mentions
                .iter()
                .filter(|m| m.form == crate::tag::AliasForm::Family)
                .map(|m| &*m.text)
                .collect();
            assert_eq!(got, want, "text: {text}");
        }
    }

    /// The demonym index gives what scanning every place does: the first
    /// place in gazetteer order with a demonym folding to the stem or the
    /// token, and that place's first such demonym.
    #[test]
    fn demonym_index_matches_a_scan_of_the_places() {
        use super::Demonyms;
        use crate::gazetteer::EntityKind;
        use crate::normalize::fold_str;

        let checker = CheckerBuilder::new().build().expect("embedded gazetteer");
        let gazetteer = checker.gazetteer();
        let index = Demonyms::build(gazetteer);
        let scan = |stem: &str, token: &str| {
            gazetteer
                .entities()
                .iter()
                .enumerate()
                .filter(|(_, e)| e.kind == EntityKind::Place)
                .find_map(|(i, e)| {
                    e.demonyms
                        .ar
                        .iter()
                        .find(|d| {
                            let d = fold_str(d);
                            d == stem || d == token
                        })
                        .map(|d| (i, d.clone()))
                })
        };
        let mut stems: Vec<String> = gazetteer
            .entities()
            .iter()
            .flat_map(|e| e.demonyms.ar.iter().map(|d| fold_str(d)))
            .collect();
        stems.extend(["شرع", "سودان", "ال"].map(String::from));
        let mut found = 0;
        for stem in &stems {
            for token in [format!("ال{stem}"), stem.clone()] {
                let want = scan(stem, &token);
                found += usize::from(want.is_some());
                assert_eq!(index.first_of([stem, &token]), want, "{stem} / {token}");
            }
        }
        assert!(found > 100, "the embedded gazetteer has Arabic demonyms");
    }

    const PEOPLE: &str = "
- id: nawaf-salam
  names: {ar: [نواف سلام], en: [Nawaf Salam]}
  family: {ar: [سلام], en: [Salam]}
  ambiguous: {ar: [سلام], en: [Salam]}
  roles:
    - title: {ar: [رئيس الحكومة اللبنانية, رئيس الحكومة], en: [Lebanese Prime Minister, Prime Minister]}
      from: 2025-02-08
  source: test
- id: joseph-aoun
  names: {ar: [جوزاف عون], en: [Joseph Aoun]}
  family: {ar: [عون], en: [Aoun]}
  ambiguous: {ar: [عون]}
  roles:
    - title: {ar: [الرئيس اللبناني, الرئيس], en: [Lebanese President, President]}
      from: 2025-01-09
  source: test
- id: hope-hicks
  names: {en: [Hope Hicks]}
  family: {en: [Hope]}
  ambiguous: {en: [Hope]}
  source: test
";

    /// REGRESSION: an organization's short name at the start of another
    /// body's name (real news, Saudi two-state alliance, 2024-2025).
    #[test]
    fn a_short_name_before_another_purpose_is_another_body() {
        struct Body {
            text: &'static str,
            /// Entities of the organization mentions, in order.
            want: &'static [&'static str],
        }
        let cases = [
            // "The international coalition to support the two-state
            // solution" is not the anti-ISIS coalition.
            Body {
                text: "أكد الوزير أن اجتماع التحالف الدولي لدعم حل الدولتين خطوة أولى.",
                want: &[],
            },
            // The alliance's own name wins as the longer match.
            Body {
                text: "انطلق الاجتماع الأول للتحالف الدولي لتنفيذ حل الدولتين في الرياض.",
                want: &["global-alliance-two-state-solution"],
            },
            // A purpose the coalition's own names use keeps it, even worded
            // otherwise after that word.
            Body {
                text: "شارك التحالف الدولي لمكافحة الإرهاب في الاجتماع.",
                want: &["global-coalition-against-isis"],
            },
            // No purpose after it: the coalition.
            Body {
                text: "قال التحالف الدولي في بيان إن الغارة أصابت هدفها.",
                want: &["global-coalition-against-isis"],
            },
        ];
        let checker = checker_dated_2025_11_09();
        for case in cases {
            let report = checker.run("t.txt", case.text, Format::Plain, Mode::Tag);
            let got: Vec<&str> = report
                .mentions
                .iter()
                .filter(|m| m.kind == crate::gazetteer::EntityKind::Organization)
                .filter_map(|m| m.entity_id.as_deref())
                .collect();
            assert_eq!(got, case.want, "text: {}", case.text);
        }
    }

    struct Support {
        text: &'static str,
        /// (mention text, linked entity) of every mention, in order.
        want: &'static [(&'static str, Option<&'static str>)],
    }

    #[test]
    fn ambiguous_names_need_support() {
        use std::sync::Arc;

        use crate::gazetteer::{EntityKind, Gazetteer};

        let gazetteer = Gazetteer::from_yaml(&[(EntityKind::Person, "people.yaml", PEOPLE)])
            .expect("test gazetteer is valid");
        let checker = CheckerBuilder::new()
            .date(PartialDate::parse("2025-11-09"))
            .build_with(Arc::new(gazetteer));
        let cases = [
            // Everyday words in running text: peace, help. No mention.
            Support {
                text: "نريد سلام الشجعان، ولا نطلب عون أحد. وسلام على من اتبع الهدى.",
                want: &[],
            },
            // The full name earlier supports the family name, which links.
            Support {
                text: "التقى نواف سلام الوفد. وقال سلام إن الحكومة مستعدة.",
                want: &[
                    ("نواف سلام", Some("nawaf-salam")),
                    ("سلام", Some("nawaf-salam")),
                ],
            },
            // A title right before it, held at the draft's date.
            Support {
                text: "وقال رئيس الحكومة سلام إن الحكومة مستعدة.",
                want: &[("سلام", Some("nawaf-salam"))],
            },
            Support {
                text: "واستقبل الرئيس اللبناني جوزاف عون الوفد، ثم غادر عون القصر.",
                want: &[
                    ("جوزاف عون", Some("joseph-aoun")),
                    ("عون", Some("joseph-aoun")),
                ],
            },
            // The full name of someone else is no support.
            Support {
                text: "التقى نواف سلام الوفد ثم طلب عون الجميع.",
                want: &[("نواف سلام", Some("nawaf-salam"))],
            },
            // English: a capital letter at a sentence start is no support...
            Support {
                text: "Hope is what the region needs. \"Hope\" was the word.",
                want: &[],
            },
            // ... one in the middle of a sentence is, but it does not link.
            Support {
                text: "Officials spoke to Hope on Monday.",
                want: &[("Hope", None)],
            },
            Support {
                text: "Hope Hicks arrived. Later, Hope said it went well.",
                want: &[
                    ("Hope Hicks", Some("hope-hicks")),
                    ("Hope", Some("hope-hicks")),
                ],
            },
        ];
        for case in cases {
            let report = checker.run("t.txt", case.text, Format::Plain, Mode::Tag);
            let got: Vec<(&str, Option<&str>)> = report
                .mentions
                .iter()
                .map(|m| (&*m.text, m.entity_id.as_deref()))
                .collect();
            assert_eq!(got, case.want, "text: {}", case.text);
        }
    }
}
