//! `unknown-name`: a title followed by a name the gazetteer lacks ("المتحدث
//! باسم وزارة الداخلية، نور الدين البابا"), reported as an info with a YAML
//! stub so the gazetteer can grow.
//!
//! A title is a head word (المتحدث باسم، وزير، الأدميرال، العميد، المبعوث،
//! spokesman, minister, admiral…) and its complement (the definite words,
//! tagged places and organizations after it: "باسم وزارة الداخلية"). The name
//! is one to four words after it that carry no tag and end at a clear
//! boundary (punctuation or a function word). Generic heads (وزير، الرئيس،
//! رئيس، مدير…) need a comma before the name; a one-word name is accepted
//! only after a rank (العميد، الأمير، Admiral…). One pass over the words of
//! the draft.

use std::cell::OnceCell;
use std::collections::HashMap;
use std::sync::OnceLock;

use crate::finding::{Finding, Severity};
use crate::gazetteer::fxhash::FxHashMap;
use crate::gazetteer::{EntityKind, Gazetteer};
use crate::rules::titles::{all_words, original, words_key, Gap, TitleIndex, Word};
use crate::rules::{Context, Rule, RuleInfo};
use crate::segment::SectionKind;

pub(crate) struct UnknownName;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Head {
    /// A spokesperson: needs a name of two words or more.
    Speaker,
    /// A rank or royal title: a one-word name is fine.
    Rank(Rank),
    /// A common noun used as a title: needs a comma or a known title.
    Generic,
}

/// What a rank head calls the person it introduces. A one-word name after
/// it ("الأمير حسين", "Sheikh Mohammed") is a short reference to a gazetteer
/// person only if some gazetteer person of that given name holds the same
/// rank (see [`GivenNames`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Rank {
    /// الملك، King (and queen, monarch, العاهل).
    King,
    /// الأمير، Prince (and princess, emir).
    Prince,
    /// الشيخ، Sheikh.
    Sheikh,
    /// A military rank (العميد، اللواء، العماد، General, Admiral …): one
    /// class, since Arabic and English rank the same officer differently
    /// ("اللواء" is a major general, "General" in English copy).
    Officer,
}

/// A set of [`Rank`]s, one bit each.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Ranks(u8);

impl Ranks {
    fn with(self, rank: Rank) -> Ranks {
        Ranks(self.0 | 1 << rank as u8)
    }

    fn union(self, other: Ranks) -> Ranks {
        Ranks(self.0 | other.0)
    }

    pub(crate) fn contains(self, rank: Rank) -> bool {
        self.0 & 1 << rank as u8 != 0
    }

    fn is_empty(self) -> bool {
        self.0 == 0
    }
}

/// Where a rank word is evidence that a gazetteer person holds the rank.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Evidence {
    /// Anywhere in a role title ("Crown Prince", "أمير قطر", "Saudi
    /// King"), and before a name ("الشيخ نعيم قاسم", "King Charles III").
    Anywhere,
    /// Anywhere in a role title, never before a name: the word is also a
    /// given name (Amir, Emir) or has no article (أمير، ملك).
    TitleOnly,
    /// As the first word of a role title or before a name: in the middle
    /// of a title the word is something else ("Secretary-General",
    /// "Director General").
    Lead,
}

/// The folded words that show a gazetteer person holds a rank, read from
/// role titles and names (not a list of people: which people hold a rank
/// is the gazetteer's to say).
const RANK_WORDS: [(&str, Rank, Evidence); 36] = [
    ("الملك", Rank::King, Evidence::Anywhere),
    ("الملكه", Rank::King, Evidence::Anywhere),
    ("king", Rank::King, Evidence::Anywhere),
    ("queen", Rank::King, Evidence::Anywhere),
    ("ملك", Rank::King, Evidence::TitleOnly),
    ("ملكه", Rank::King, Evidence::TitleOnly),
    ("العاهل", Rank::King, Evidence::TitleOnly),
    ("monarch", Rank::King, Evidence::TitleOnly),
    ("الامير", Rank::Prince, Evidence::Anywhere),
    ("الاميره", Rank::Prince, Evidence::Anywhere),
    ("prince", Rank::Prince, Evidence::Anywhere),
    ("princess", Rank::Prince, Evidence::Anywhere),
    ("امير", Rank::Prince, Evidence::TitleOnly),
    ("اميره", Rank::Prince, Evidence::TitleOnly),
    ("emir", Rank::Prince, Evidence::TitleOnly),
    ("amir", Rank::Prince, Evidence::TitleOnly),
    ("الشيخ", Rank::Sheikh, Evidence::Anywhere),
    ("الشيخه", Rank::Sheikh, Evidence::Anywhere),
    ("sheikh", Rank::Sheikh, Evidence::Anywhere),
    ("sheikha", Rank::Sheikh, Evidence::Anywhere),
    ("شيخ", Rank::Sheikh, Evidence::TitleOnly),
    ("شيخه", Rank::Sheikh, Evidence::TitleOnly),
    ("الادميرال", Rank::Officer, Evidence::Lead),
    ("العميد", Rank::Officer, Evidence::Lead),
    ("اللواء", Rank::Officer, Evidence::Lead),
    ("العقيد", Rank::Officer, Evidence::Lead),
    ("الجنرال", Rank::Officer, Evidence::Lead),
    ("العماد", Rank::Officer, Evidence::Lead),
    ("المقدم", Rank::Officer, Evidence::Lead),
    ("الفريق", Rank::Officer, Evidence::Lead),
    ("admiral", Rank::Officer, Evidence::Lead),
    ("general", Rank::Officer, Evidence::Lead),
    ("gen", Rank::Officer, Evidence::Lead),
    ("colonel", Rank::Officer, Evidence::Lead),
    ("col", Rank::Officer, Evidence::Lead),
    ("brigadier", Rank::Officer, Evidence::Lead),
];

fn rank_word(word: &str) -> Option<(Rank, Evidence)> {
    static INDEX: OnceLock<FxHashMap<&'static str, (Rank, Evidence)>> = OnceLock::new();
    INDEX
        .get_or_init(|| {
            RANK_WORDS
                .iter()
                .map(|&(w, rank, evidence)| (w, (rank, evidence)))
                .collect()
        })
        .get(word)
        .copied()
}

/// The ranks a role title's [`words_key`] shows: "crown prince" → prince,
/// "امير قطر" → prince, "general" alone at the start → officer.
fn title_ranks(key: &str) -> Ranks {
    let mut ranks = Ranks::default();
    for (n, word) in key.split(' ').enumerate() {
        if let Some((rank, evidence)) = rank_word(word) {
            if evidence != Evidence::Lead || n == 0 {
                ranks = ranks.with(rank);
            }
        }
    }
    ranks
}

/// The given names of the gazetteer's people: the first word of each of
/// their names after any rank or honorific, each with the ranks held by
/// any person of that given name. A person holds a rank when one of their
/// role titles shows it (at any date: a rank outlives the office, and a
/// draft says "الملك حسين" of a king long dead) or a name of theirs starts
/// with it. Built once per checker with the [`Lexicon`]; a draft costs one
/// lookup per one-word name after a rank.
///
/// [`Lexicon`]: crate::rules::titles::Lexicon
#[derive(Debug)]
pub(crate) struct GivenNames {
    ranks: FxHashMap<String, Ranks>,
    /// The words a name may start with before its given name: the rank
    /// words that count before a name, with their rank, and the honorifics
    /// of lexicon/names.yaml (الدكتور، سمو …), with none.
    before: FxHashMap<&'static str, Ranks>,
}

impl GivenNames {
    pub(crate) fn build(gazetteer: &Gazetteer, titles: &TitleIndex) -> GivenNames {
        let mut before: FxHashMap<&'static str, Ranks> = FxHashMap::default();
        for word in crate::rules::words::get().honorifics() {
            before.insert(word, Ranks::default());
        }
        for (word, rank, evidence) in RANK_WORDS {
            if evidence != Evidence::TitleOnly {
                let slot = before.entry(word).or_default();
                *slot = slot.with(rank);
            }
        }
        let mut names = GivenNames {
            ranks: FxHashMap::default(),
            before,
        };
        let entities = gazetteer.entities();
        // The ranks each entity's titles show. The title index holds each
        // distinct title once with its holders, so no title is folded again.
        let mut held = vec![Ranks::default(); entities.len()];
        for (key, holders) in titles.iter() {
            let ranks = title_ranks(key);
            if ranks.is_empty() {
                continue;
            }
            for &(e, _) in holders {
                if let Some(slot) = held.get_mut(e) {
                    *slot = slot.union(ranks);
                }
            }
        }
        // Each person's folded names with the byte range of their given
        // name: a rank shown by any of the names counts for all of them.
        let mut keys: Vec<(String, usize, usize)> = Vec::new();
        for (e, entity) in entities.iter().enumerate() {
            if entity.kind != EntityKind::Person {
                continue;
            }
            keys.clear();
            let mut ranks = held[e];
            for name in entity.names.all() {
                let key = words_key(name);
                let (start, end, shown) = names.given_at(&key);
                ranks = ranks.union(shown);
                // Once per given name: most of a person's names share it.
                let given = &key[start..end];
                if start < end && !keys.iter().any(|(k, s, e)| &k[*s..*e] == given) {
                    keys.push((key, start, end));
                }
            }
            for (key, start, end) in &keys {
                let given = &key[*start..*end];
                if let Some(slot) = names.ranks.get_mut(given) {
                    *slot = slot.union(ranks);
                } else {
                    names.ranks.insert(given.to_string(), ranks);
                }
            }
        }
        names
    }

    /// The byte range of the given name in a name's [`words_key`] and the
    /// ranks written before it: "الشيخ جراح جابر الاحمد الصباح" → "جراح",
    /// sheikh; "king charles iii" → "charles", king; "الدكتور احمد" →
    /// "احمد", none. A name of nothing else gives an empty range.
    fn given_at(&self, key: &str) -> (usize, usize, Ranks) {
        let mut ranks = Ranks::default();
        let mut start = 0;
        for word in key.split(' ') {
            let end = start + word.len();
            match self.before.get(word) {
                Some(&shown) => ranks = ranks.union(shown),
                None => return (start, end, ranks),
            }
            start = end + 1;
        }
        (key.len(), key.len(), ranks)
    }

    /// The given name of a name's [`words_key`] ("" if none).
    fn given_name<'k>(&self, key: &'k str) -> &'k str {
        let (start, end, _) = self.given_at(key);
        &key[start..end]
    }

    /// Whether a folded word is the given name of a gazetteer person.
    pub(crate) fn contains(&self, word: &str) -> bool {
        self.ranks.contains_key(word)
    }

    /// The ranks held by the gazetteer people of this given name.
    pub(crate) fn ranks(&self, word: &str) -> Ranks {
        self.ranks.get(word).copied().unwrap_or_default()
    }
}

/// Heads as folded word sequences.
const HEADS: [(&str, Head); 52] = [
    ("المتحدث الرسمي باسم", Head::Speaker),
    ("المتحدث باسم", Head::Speaker),
    ("المتحدثه باسم", Head::Speaker),
    ("الناطق الرسمي باسم", Head::Speaker),
    ("الناطق باسم", Head::Speaker),
    ("spokesman", Head::Speaker),
    ("spokeswoman", Head::Speaker),
    ("spokesperson", Head::Speaker),
    ("الادميرال", Head::Rank(Rank::Officer)),
    ("العميد", Head::Rank(Rank::Officer)),
    ("اللواء", Head::Rank(Rank::Officer)),
    ("العقيد", Head::Rank(Rank::Officer)),
    ("الجنرال", Head::Rank(Rank::Officer)),
    ("العماد", Head::Rank(Rank::Officer)),
    ("المقدم", Head::Rank(Rank::Officer)),
    ("الملك", Head::Rank(Rank::King)),
    ("الامير", Head::Rank(Rank::Prince)),
    ("الاميره", Head::Rank(Rank::Prince)),
    ("الشيخ", Head::Rank(Rank::Sheikh)),
    ("الشيخه", Head::Rank(Rank::Sheikh)),
    ("admiral", Head::Rank(Rank::Officer)),
    ("general", Head::Rank(Rank::Officer)),
    ("gen", Head::Rank(Rank::Officer)),
    ("colonel", Head::Rank(Rank::Officer)),
    ("col", Head::Rank(Rank::Officer)),
    ("brigadier", Head::Rank(Rank::Officer)),
    ("king", Head::Rank(Rank::King)),
    ("prince", Head::Rank(Rank::Prince)),
    ("sheikh", Head::Rank(Rank::Sheikh)),
    ("وزير", Head::Generic),
    ("وزيره", Head::Generic),
    ("الوزير", Head::Generic),
    ("المبعوث", Head::Generic),
    ("السفير", Head::Generic),
    ("الرئيس", Head::Generic),
    ("رئيس", Head::Generic),
    ("نائب", Head::Generic),
    ("القائد", Head::Generic),
    ("قائد", Head::Generic),
    ("مدير", Head::Generic),
    ("المدير", Head::Generic),
    ("مستشار", Head::Generic),
    ("المستشار", Head::Generic),
    ("minister", Head::Generic),
    ("envoy", Head::Generic),
    ("ambassador", Head::Generic),
    ("president", Head::Generic),
    ("commander", Head::Generic),
    ("director", Head::Generic),
    ("adviser", Head::Generic),
    ("advisor", Head::Generic),
    ("secretary", Head::Generic),
];

/// Words that may follow a head as part of its complement. Folded.
const COMPLEMENT: [&str; 27] = [
    "باسم",
    "عام",
    "مكتب",
    "ديوان",
    "office",
    "general",
    "الخاص",
    "الي",
    "لدي",
    "وزاره",
    "قوات",
    "جهاز",
    "هيئه",
    "رئاسه",
    "مجلس",
    "اداره",
    "شؤون",
    "لشؤون",
    "for",
    "of",
    "to",
    "at",
    "the",
    "foreign",
    "interior",
    "defence",
    "defense",
];

/// Words that end a name or cannot be one. Folded.
const STOP: [&str; 59] = [
    "ان",
    // "نقل عن فلان قوله" (quoted as saying).
    "قوله",
    "قولها",
    "في",
    "من",
    "علي",
    "عن",
    "الي",
    "مع",
    "خلال",
    "الذي",
    "التي",
    "قد",
    "لقد",
    "كان",
    "قال",
    "وقال",
    "اكد",
    "واكد",
    "اضاف",
    "واضاف",
    "انه",
    "انها",
    "بان",
    "منذ",
    "ثم",
    "او",
    "لا",
    "ما",
    "هو",
    "هي",
    "بعد",
    "قبل",
    "اقل",
    "اكثر",
    "حتي",
    "عند",
    "كل",
    "بين",
    "ضد",
    "غير",
    "نحو",
    "حول",
    "لدي",
    "امام",
    "دون",
    "يوم",
    "اليوم",
    "said",
    "says",
    "told",
    "who",
    "and",
    "in",
    "on",
    "has",
    "had",
    "was",
    "will",
];

/// Latin particles inside names ("Nour al-Din al-Baba").
const PARTICLES: [&str; 9] = ["al", "el", "bin", "ibn", "abu", "de", "van", "von", "da"];

/// The head starting at word `i`: its length in words, its kind, and
/// whether a conjunction (و، ف) is glued to its first word.
fn head_at(words: &[(Gap, Word<'_>)], i: usize) -> Option<(usize, Head, bool)> {
    let first = words[i].1.text;
    // Only a conjunction may be glued to a head: "للرئيس", "بالرئيس" are
    // not introducing anyone.
    let readings = [
        Some(first),
        first.strip_prefix('و').filter(|r| r.chars().count() >= 2),
        first.strip_prefix('ف').filter(|r| r.chars().count() >= 2),
    ];
    let by_first = heads_by_first_word();
    for (n, reading) in readings.into_iter().enumerate() {
        let Some(reading) = reading else {
            continue;
        };
        // Longest heads first, as listed in HEADS.
        for (rest, kind) in by_first.get(reading).into_iter().flatten() {
            let matches = rest.iter().enumerate().all(|(n, h)| {
                words
                    .get(i + 1 + n)
                    .is_some_and(|(gap, w)| *gap == Gap::Space && w.text == *h)
            });
            if matches {
                return Some((rest.len() + 1, *kind, n > 0));
            }
        }
    }
    None
}

/// HEADS grouped by their first word, so that each word of a draft costs one
/// hash lookup instead of a scan of every head.
/// First word of a head → (the head's remaining words, its kind).
type HeadIndex = HashMap<&'static str, Vec<(Vec<&'static str>, Head)>>;

fn heads_by_first_word() -> &'static HeadIndex {
    static INDEX: OnceLock<HeadIndex> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index = HeadIndex::new();
        for (head, kind) in HEADS {
            let mut words = head.split(' ');
            if let Some(first) = words.next() {
                index
                    .entry(first)
                    .or_default()
                    .push((words.collect(), kind));
            }
        }
        index
    })
}

/// A rough Latin transliteration of an Arabic name for a kebab-case id.
fn id_for(name: &str) -> String {
    let mut id = String::new();
    for (_, word) in all_words(&crate::normalize::fold_str(name)) {
        if !id.is_empty() {
            id.push('-');
        }
        let mut w = word.text;
        if w == "الله" {
            id.push_str("allah");
            continue;
        }
        if let Some(rest) = w.strip_prefix("ال") {
            id.push_str("al-");
            w = rest;
        }
        let letters: Vec<char> = w.chars().collect();
        for (k, &c) in letters.iter().enumerate() {
            // و and ي after a consonant are long vowels (نور → nur, الدين →
            // din); at the start of a word or after a vowel, consonants.
            let after_consonant = k > 0 && !matches!(letters[k - 1], 'ا' | 'آ' | 'و' | 'ي');
            let latin = match c {
                // A leading ع is written as its vowel (عبد → abd).
                'ع' if k == 0 => "a",
                'و' if after_consonant => "u",
                'ي' if after_consonant => "i",
                'ا' | 'آ' => "a",
                'ب' => "b",
                'ت' => "t",
                'ث' => "th",
                'ج' => "j",
                'ح' | 'ه' => "h",
                'خ' => "kh",
                'د' => "d",
                'ذ' => "dh",
                'ر' => "r",
                'ز' => "z",
                'س' | 'ص' => "s",
                'ش' => "sh",
                'ض' => "d",
                'ط' => "t",
                'ظ' => "z",
                'غ' => "gh",
                'ف' => "f",
                'ق' => "q",
                'ك' => "k",
                'ل' => "l",
                'م' => "m",
                'ن' => "n",
                'و' => "w",
                'ي' => "y",
                c if c.is_ascii_alphanumeric() => {
                    id.push(c.to_ascii_lowercase());
                    continue;
                }
                _ => "",
            };
            id.push_str(latin);
        }
    }
    let id: Vec<&str> = id.split('-').filter(|p| !p.is_empty()).collect();
    if id.is_empty() {
        "new-person".to_string()
    } else {
        id.join("-")
    }
}

impl Rule for UnknownName {
    fn info(&self) -> RuleInfo {
        RuleInfo {
            id: "unknown-name",
            default_severity: Severity::Info,
            summary: "A title followed by a name the gazetteer does not have.",
            explain: EXPLAIN,
        }
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let words = cx.words;
        // The people the draft names, read at the first candidate.
        let named = Named::default();
        // The folded words of each name proposed so far: one finding per
        // person, so "Gen Haykal" after "General Rodolphe Haykal" and a
        // second "العميد فلان" are not proposed again.
        let mut proposed: Vec<Vec<&str>> = Vec::new();
        // Which words lie in a mention, and of which kind.
        let mut tagged: Vec<Option<crate::gazetteer::EntityKind>> = vec![None; words.len()];
        let mut spans: Vec<(usize, usize, crate::gazetteer::EntityKind)> = cx
            .mentions
            .iter()
            .map(|m| (m.folded.0, m.folded.1, m.kind))
            .collect();
        spans.sort_unstable();
        let mut j = 0;
        for (i, (_, word)) in words.iter().enumerate() {
            while j < spans.len() && spans[j].1 <= word.start {
                j += 1;
            }
            if let Some(&(s, e, kind)) = spans.get(j) {
                if s < word.end && word.start < e {
                    tagged[i] = Some(kind);
                }
            }
        }
        let mut i = 0;
        while i < words.len() {
            let Some((head_len, mut head, conjunction)) = head_at(words, i) else {
                i += 1;
                continue;
            };
            // A head inside a mention is part of that name: the person's
            // ("الملك سلمان"), or a place's or organization's ("شرم الشيخ",
            // where الشيخ introduced "استقبال الوفود المشاركة").
            if tagged[i].is_some() {
                i += 1;
                continue;
            }
            // A rank after a noun such as مطار، مدينة، ملعب names a place
            // after a person ("مطار الملك عبدالعزيز الدولي", "ملعب مدينة
            // الأمير عبدالله الفيصل الرياضية"): what follows is the rest of
            // the place's name (lexicon/names.yaml, place-nouns).
            if matches!(head, Head::Rank(_))
                && i > 0
                && words[i].0 == Gap::Space
                && crate::rules::words::get().is_place_noun(words[i - 1].1.text)
            {
                i += head_len;
                continue;
            }
            // A head hyphenated to the word before it is the end of a
            // compound title ("Secretary-General", "Director-General"): the
            // title starts there, and is no rank.
            let mut title_start = i;
            while title_start > 0 && words[title_start].0 == Gap::Joiner {
                title_start -= 1;
                head = Head::Generic;
            }
            let mut k = i + head_len;
            // "باسم" (in the name of) is followed by the body spoken for,
            // whatever its first word: "الناطق باسم وفد الإدارة الذاتية"
            // took "وفد الإدارة الذاتية المفاوض" as the spokesman's name.
            if words[k - 1].1.text == "باسم"
                && words.get(k).is_some_and(|&(gap, _)| gap == Gap::Space)
            {
                k += 1;
            }
            // The complement.
            while k < words.len() && k < i + head_len + 8 {
                let (gap, word) = words[k];
                if gap != Gap::Space {
                    break;
                }
                let place_or_org = matches!(
                    tagged[k],
                    Some(
                        crate::gazetteer::EntityKind::Place
                            | crate::gazetteer::EntityKind::Organization
                    )
                );
                // A title in a construct chain takes other titles and
                // honorifics as its complement: "مدير عام مكتب سمو وزير
                // الخارجية، وليد …" is the office director, not the minister.
                let complement = word.text.starts_with("ال")
                    || COMPLEMENT.contains(&word.text)
                    || place_or_org
                    || heads_by_first_word().contains_key(word.text)
                    || crate::rules::words::get().is_honorific(word.text);
                if !complement || tagged[k] == Some(crate::gazetteer::EntityKind::Person) {
                    break;
                }
                // A word before بن، بنت is a given name ("الأمير الحسين بن
                // عبدالله الثاني"), the start of the name, not a complement.
                if words.get(k + 1).is_some_and(|&(gap, next)| {
                    gap == Gap::Space && crate::rules::near_miss::NASAB.contains(&next.text)
                }) {
                    break;
                }
                k += 1;
            }
            let title_end = k;
            i = title_end.max(i + 1);
            if !conjunction && describes_person_before(cx, words, &tagged, title_start) {
                continue;
            }
            let Some(&(gap, _)) = words.get(k) else {
                continue;
            };
            if !matches!(gap, Gap::Space | Gap::Comma) {
                continue;
            }
            // A generic title without a comma is too often followed by a
            // verb ("الرئيس السوري يصل").
            if head == Head::Generic && gap != Gap::Comma {
                continue;
            }
            let Some((name_end, boundary)) = name_after(cx, words, &tagged, k) else {
                continue;
            };
            let name_len = name_end - k;
            let min_len = if matches!(head, Head::Rank(_)) { 1 } else { 2 };
            if name_len < min_len
                || !boundary
                || !looks_like_name(cx, &words[k..name_end], head, &named)
            {
                continue;
            }
            let name_words: Vec<&str> = words[k..name_end].iter().map(|(_, w)| w.text).collect();
            if proposed.iter().any(|p| p.ends_with(&name_words)) {
                i = name_end;
                continue;
            }
            let (name_start, name_stop, name_text) =
                original(cx, (words[k].1.start, words[name_end - 1].1.end));
            let (title_s, title_e, title_text) =
                original(cx, (words[title_start].1.start, words[title_end - 1].1.end));
            let range = name_start..name_stop;
            if cx.doc.is_skipped(&range)
                || cx.doc.section_at(name_start) == SectionKind::Boilerplate
            {
                continue;
            }
            // The title for the stub, without the conjunction glued to it
            // ("ووزير الخارجية" → "وزير الخارجية"): one letter, never more.
            let title_clean = if conjunction {
                let mut chars = title_text.chars();
                chars.next();
                chars.as_str().to_string()
            } else {
                title_text.to_string()
            };
            let lang = if name_text.chars().any(crate::clitics::is_arabic_letter) {
                "ar"
            } else {
                "en"
            };
            let stub = format!(
                "add to gazetteer/people.yaml (check the id, the title's dates and the source):\n- id: {}\n  names:\n    {lang}: [{}]\n  roles:\n    - title: {{{lang}: [{}]}}\n  source: TODO (where the name and role can be checked)",
                id_for(name_text),
                name_text,
                title_clean
            );
            let message =
                format!("\"{name_text}\", introduced as \"{title_text}\", is not in the gazetteer");
            let spans = vec![
                cx.span(name_start, name_stop, None),
                cx.span(title_s, title_e, None),
            ];
            out.push(cx.finding("unknown-name", Severity::Info, message, spans, vec![stub]));
            proposed.push(name_words);
            i = name_end;
        }
    }
}

/// Weekday and month words: a run holding one is a date, not a name. Folded.
const DATE_WORDS: [&str; 16] = [
    "السبت",
    "الاحد",
    "الاثنين",
    "الثلاثاء",
    "الاربعاء",
    "الخميس",
    "الجمعه",
    "عشيه",
    "صباح",
    "مساء",
    "ظهر",
    "فجر",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
];

/// The people a draft names, read once per draft at its first candidate.
#[derive(Default)]
struct Named {
    /// The folded words of every person name the draft gives in full.
    full: OnceCell<Vec<Vec<String>>>,
    /// The given names ([`GivenNames::given_name`]) of every gazetteer person the draft
    /// mentions, by any of their names, family name or acronym.
    given: OnceCell<Vec<String>>,
}

impl Named {
    fn full(&self, cx: &Context<'_>) -> &[Vec<String>] {
        self.full.get_or_init(|| {
            let mut out: Vec<Vec<String>> = cx
                .mentions
                .iter()
                .filter(|m| m.kind == EntityKind::Person && m.form == crate::tag::AliasForm::Name)
                .map(|m| words_key(&m.alias).split(' ').map(str::to_string).collect())
                .collect();
            out.sort();
            out.dedup();
            out
        })
    }

    /// Folds the names of the people the draft mentions, not the
    /// gazetteer's: a handful per draft, and only when a one-word name
    /// after a rank asks.
    fn given(&self, cx: &Context<'_>) -> &[String] {
        self.given.get_or_init(|| {
            let mut people: Vec<usize> = cx
                .mentions
                .iter()
                .filter(|m| m.kind == EntityKind::Person)
                .filter_map(|m| m.entity)
                .collect();
            people.sort_unstable();
            people.dedup();
            let mut out = Vec::new();
            for e in people {
                let Some(entity) = cx.gazetteer.entities().get(e) else {
                    continue;
                };
                for name in entity.names.all() {
                    let key = words_key(name);
                    let given = cx.lexicon.given_names.given_name(&key);
                    if !given.is_empty() {
                        out.push(given.to_string());
                    }
                }
            }
            out.sort();
            out.dedup();
            out
        })
    }
}

/// Whether the words a title is followed by read as a person's name rather
/// than the start of a clause ("وهو يحمل درجة الدكتوراه"), a phrase
/// ("بمشاركة وفود", "عشية الإثنين") or a word ("عدد"). A one-word name must
/// be a known given name (lexicon/names.yaml, or the first name of a
/// gazetteer person); an Arabic name whose first word is not one must not
/// look like an everyday word: a proclitic glued to a noun (ب، ل، ك، و، ف
/// and three letters more), an imperfect verb (ي، ت، ن …), a feminine or
/// plural noun (… ة، … ات). A name that is the start of a person the draft
/// names in full ("الأمير فيصل" after "فيصل بن فرحان") is that person, and
/// a one-word name after a rank may be a short reference to a known person
/// ([`short_reference`]).
fn looks_like_name(cx: &Context<'_>, name: &[(Gap, Word<'_>)], head: Head, named: &Named) -> bool {
    let lists = crate::rules::words::get();
    let Some(&(_, first)) = name.first() else {
        return false;
    };
    let known_given = |w: &str| lists.is_given_name(w) || cx.lexicon.given_names.contains(w);
    // A date, an honorific or another title inside the run: not a name
    // ("Health Minister Rakan Nasreddine" after "minister,").
    if name.iter().any(|(_, w)| {
        DATE_WORDS.contains(&w.text)
            || lists.is_honorific(w.text)
            || heads_by_first_word().contains_key(w.text)
            || lists.is_place_noun(w.text)
    }) {
        return false;
    }
    // A title or honorific with a conjunction glued on starts the next item
    // of a list: "الملك وولي العهد" is the king and the crown prince.
    if name.iter().any(|(_, w)| {
        w.text
            .strip_prefix(['و', 'ف'])
            .filter(|rest| rest.chars().count() >= 2)
            .is_some_and(|rest| {
                cx.lexicon.titles.is_title_word(rest)
                    || heads_by_first_word().contains_key(rest)
                    || lists.is_honorific(rest)
            })
    }) {
        return false;
    }
    // The start of a person named in full in the draft; or that person's
    // given name followed by other words ("الأميرة ريما خبر مغادرة ولي العهد",
    // Princess Reema [posted] news of the departure, after "الأميرة ريما بنت
    // بندر"), unless the run goes on with a chain of ancestors of its own.
    let key: Vec<&str> = name.iter().map(|(_, w)| w.text).collect();
    if named.full(cx).iter().any(|words| {
        words.len() > key.len() && words.iter().zip(&key).all(|(a, b)| a == b)
            || words.len() > 1
                && key.len() > 1
                && words[0] == key[0]
                && !crate::rules::near_miss::NASAB.contains(&key[1])
                && !words.iter().any(|w| w == key[1])
    }) {
        return false;
    }
    // A given name alone after a rank that a known person of that rank, or
    // a person the draft mentions, bears is a short reference to them.
    if let (1, Head::Rank(rank)) = (name.len(), head) {
        if short_reference(cx, first.text, rank, named) {
            return false;
        }
    }
    let latin = first.text.is_ascii();
    if latin {
        // One word after a rank that is everyday English is an office
        // ("the military's General Command"), not a surname.
        let (_, _, written) = original(cx, (first.start, first.end));
        return name.len() > 1
            || known_given(first.text)
            || first.text.len() > 2 && !lists.is_english_word(written);
    }
    if known_given(first.text) {
        return true;
    }
    if name.len() == 1 {
        return false;
    }
    // A noun and its adjective in the accusative, both ending in alif, are
    // a predicate ("كان سمو الأمير عنصراً مهماً", an important element), not
    // a name.
    if name.iter().take(2).all(|(_, w)| w.text.ends_with('ا')) {
        return false;
    }
    let letters = first.text.chars().count();
    let mut chars = first.text.chars();
    let lead = chars.next();
    let proclitic = matches!(lead, Some('و' | 'ف' | 'ب' | 'ل' | 'ك')) && letters >= 5;
    let verb = matches!(lead, Some('ي' | 'ت' | 'ن')) && letters >= 4;
    let noun = first.text.ends_with('ه') || first.text.ends_with("ات");
    !(proclitic || verb || noun)
}

/// Whether a folded given name alone after a rank can mean a person the
/// gazetteer knows: one of its people of that given name holds the rank
/// ("الأمير محمد": Mohammed bin Salman is a crown prince; "الملك عبدالله"),
/// or the draft mentions a person of that given name ("الأمير فيصل" after
/// "Faisal bin Farhan", by any of his names). How many people share the
/// given name does not count: as the gazetteer grows, every common given
/// name is shared, and "الأمير حسين" must still be proposed while no
/// gazetteer Hussein is a prince.
fn short_reference(cx: &Context<'_>, word: &str, rank: Rank, named: &Named) -> bool {
    cx.lexicon.given_names.ranks(word).contains(rank) || named.given(cx).iter().any(|g| g == word)
}

fn is_capitalized(cx: &Context<'_>, word: Word<'_>) -> bool {
    let (_, _, written) = original(cx, (word.start, word.end));
    written.chars().next().is_some_and(char::is_uppercase)
}

/// Whether a word is written as a function word (lexicon/function-words.yaml),
/// alone or after a proclitic: "وهو", "بأن". Compared as written, so the
/// given name علي is not the preposition على.
fn is_function_word(cx: &Context<'_>, word: Word<'_>) -> bool {
    let (_, _, written) = original(cx, (word.start, word.end));
    crate::rules::words::get().is_function_word_written(written)
}

/// Whether the title starting at word `start` is set off by a comma after a
/// person the draft names ("محمد بن سلمان، ولي العهد السعودي رئيس مجلس
/// الوزراء، سيقوم …", "سيف بن زايد، نائب رئيس مجلس الوزراء وزير الداخلية،
/// فرق الاتحاد"): the title describes that person, and the words after its
/// own comma go on with the sentence. Up to six words may lie between the
/// comma and the head (the rest of a longer title: "ولي العهد السعودي"), none
/// of them a function word ("، خلال لقائه وزير …" is another clause). A head
/// with a conjunction glued on ("، ووزير الدفاع، …") starts the next item of
/// a list and is not this case.
fn describes_person_before(
    cx: &Context<'_>,
    words: &[(Gap, Word<'_>)],
    tagged: &[Option<crate::gazetteer::EntityKind>],
    start: usize,
) -> bool {
    let mut j = start;
    for _ in 0..=6 {
        let Some(&(gap, word)) = words.get(j) else {
            return false;
        };
        // "ولي" (ولي العهد) is written like و + لي but starts a title.
        if is_function_word(cx, word) && word.text != "ولي" {
            return false;
        }
        match gap {
            // A title whose first word has a conjunction glued on ("،
            // ومستشار خادم الحرمين الشريفين الأمير …") is the next item of a
            // list, not the description of the person before the comma.
            Gap::Comma if head_at(words, j).is_some_and(|(_, _, conjunction)| conjunction) => {
                return false;
            }
            Gap::Comma => {
                return j > 0 && tagged[j - 1] == Some(crate::gazetteer::EntityKind::Person);
            }
            Gap::Space if j > 0 => j -= 1,
            _ => return false,
        }
    }
    false
}

/// The name starting at word `k`: its end (exclusive) and whether it ends at
/// a clear boundary.
fn name_after(
    cx: &Context<'_>,
    words: &[(Gap, Word<'_>)],
    tagged: &[Option<crate::gazetteer::EntityKind>],
    k: usize,
) -> Option<(usize, bool)> {
    let first = words.get(k)?.1;
    let latin = first.text.is_ascii();
    if latin && !is_capitalized(cx, first) {
        return None;
    }
    if !latin && first.text.starts_with("ال") {
        return None;
    }
    let mut end = k;
    // Up to four name words; particles ("al" in "Nour al-Din al-Baba")
    // do not count.
    let mut counted = 0;
    while end < words.len() && counted < 5 {
        let (gap, word) = words[end];
        if end > k && !matches!(gap, Gap::Space | Gap::Joiner) {
            return Some((end, true));
        }
        if tagged[end].is_some() {
            // A tagged word inside or right after the name: not a new name.
            return None;
        }
        if STOP.contains(&word.text) || is_function_word(cx, word) {
            return Some((end, end > k));
        }
        if word.text.chars().any(|c| c.is_ascii_digit()) || word.text.chars().count() < 2 && !latin
        {
            return None;
        }
        // و glued to a verb in the past tense opens the next clause: "العميد
        // إيفي دفرين ونشرت …" (held-out news).
        if end > k
            && !latin
            && word.text.starts_with('و')
            && word.text.ends_with('ت')
            && word.text.chars().count() >= 5
        {
            return Some((end, true));
        }
        // A possessive ("Gen Haykal's firm commitment") is the name of
        // someone the sentence goes on about, not an introduction.
        if latin && end > k && gap == Gap::Joiner && word.text == "s" {
            return None;
        }
        // A lower-case word hyphenated to the name is part of it ("Ki-moon").
        if latin
            && !is_capitalized(cx, word)
            && !PARTICLES.contains(&word.text)
            && gap != Gap::Joiner
        {
            return Some((end, true));
        }
        if !(latin && PARTICLES.contains(&word.text)) {
            counted += 1;
        }
        end += 1;
    }
    if end == words.len() && counted <= 4 {
        return Some((end, true));
    }
    // Five words without a boundary: not a name we can trust.
    None
}

const EXPLAIN: &str = r#"unknown-name: a titled person the gazetteer does not know.

Finds a title (المتحدث باسم، الناطق باسم، وزير، المبعوث، الأدميرال، العميد،
اللواء، الأمير، spokesman, minister, envoy, admiral, general…) with its
complement ("باسم وزارة الداخلية", "for the Interior Ministry"), followed by
one to four words that look like a name, carry no gazetteer tag and end at a
clear boundary (punctuation or a function word such as أن، في، said).
Generic titles (وزير، الرئيس، رئيس، مدير، minister, president…) need a comma
before the name; a one-word name is accepted only after a rank (العميد،
الأمير، Admiral…) and only when it is a known given name
(lexicon/names.yaml, or a gazetteer person's first name), and not when it
can be a short reference to a known person: a gazetteer person of that
given name holds the rank (a role title or a name of theirs shows it:
"الأمير محمد" for the crown prince, "الشيخ نواف", "King Abdullah"), or the
draft mentions a person of that given name. How many people share the
given name does not matter: "الأمير حسين" is proposed while no gazetteer
Hussein is a prince. A head with a
preposition glued to it ("للرئيس") is not a title; a head hyphenated to the
word before it is the end of a compound title ("Secretary-General"); a title
in a construct chain takes the titles after it ("مدير عام مكتب سمو وزير
الخارجية"). Each person is proposed once per draft: a later name that is the
end of one already proposed ("Gen Haykal" after "General Rodolphe Haykal")
is not reported again.

What follows must read as a name: no function word ("وهو يحمل …"), date
word, honorific or title inside it; an Arabic name whose first word is not a
known given name must not look like an everyday word (a proclitic on a
noun: "بمشاركة وفود"; an imperfect verb: "يقود لقاءات"; a word ending in ة
or ات: "عشية الإثنين"); and the start of a person the draft names in full
("الأمير فيصل" after "فيصل بن فرحان") is that person.

Severity: info. The note holds a ready-to-paste YAML entry for
gazetteer/people.yaml: a transliterated id to check, the name, the title as
a role without dates, and a source to fill in.

Example:

    وأوضح المتحدث باسم وزارة الداخلية، نور الدين البابا، أن الحملة ...
    info[unknown-name] "نور الدين البابا", introduced as "المتحدث باسم وزارة
    الداخلية", is not in the gazetteer
      note: add to gazetteer/people.yaml ...
      - id: nur-al-din-al-baba
        names:
          ar: [نور الدين البابا]
        roles:
          - title: {ar: [المتحدث باسم وزارة الداخلية]}
        source: TODO ...

    Interior Ministry spokesman Nour al-Din al-Baba said ...
    info[unknown-name] "Nour al-Din al-Baba", introduced as "spokesman", ...

Not reported: a titled name the gazetteer has ("وزير الخارجية أسعد
الشيباني"), or a generic title followed by a verb ("الرئيس السوري يصل").
"#;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checker::CheckerBuilder;

    struct Case {
        text: &'static str,
        /// Primary span texts of the unknown-name findings.
        want: &'static [&'static str],
    }

    fn run(text: &str) -> Vec<String> {
        crate::rules::testing::flagged("unknown-name", text, &mut CheckerBuilder::new())
    }

    fn check(cases: &[Case]) {
        for case in cases {
            assert_eq!(run(case.text), case.want, "text: {}", case.text);
        }
    }

    #[test]
    fn flags() {
        check(&[
            // The seed's spokesman, after a comma.
            Case {
                text: "وأوضح المتحدث باسم وزارة الداخلية، نور الدين البابا، أن الحملة جاءت.",
                want: &["نور الدين البابا"],
            },
            // A rank with a one-word name.
            Case {
                text: "وقد شدد ولي العهد الأمير حسين على أن أمن الحدود أولوية.",
                want: &["حسين"],
            },
            // (Not Jordan's "Crown Prince Hussein": he is in the shipped
            // gazetteer since the eleventh pass.)
            Case {
                text: "Crown Prince Haakon said border security comes first.",
                want: &["Haakon"],
            },
            // English.
            Case {
                text: "Interior Ministry spokesman Nour al-Din al-Baba said the campaign worked.",
                want: &["Nour al-Din al-Baba"],
            },
        ]);
    }

    #[test]
    fn does_not_flag() {
        check(&[
            // Known to the gazetteer.
            Case {
                text: "وقال وزير الخارجية السوري أسعد الشيباني إن الزيارة مهمة.",
                want: &[],
            },
            // A generic title followed by a verb.
            Case {
                text: "من المقرر الالتقاء بترامب غداً.. الرئيس السوري يصل إلى الولايات المتحدة.",
                want: &[],
            },
            // A generic title whose complement runs into a known name.
            Case {
                text: "رفع العقوبات عن الرئيس الشرع ووزير داخليته أنس خطاب.",
                want: &[],
            },
            // No name after the title.
            Case {
                text: "وأكد المتحدث أن الأجهزة الأمنية رصدت تحركات.",
                want: &[],
            },
        ]);
    }

    /// REGRESSION: false names found on the fixtures.
    #[test]
    fn regression() {
        check(&[
            // Held-out news: "quoted as saying" and a conjunction glued to
            // a verb end the name; a possessive introduces nobody; a
            // person proposed once is not proposed again by the family
            // name alone.
            Case {
                text: "ونقلت الوكالة عن الناطق باسم الإدارة العسكرية العقيد حسن عبد الغني قوله إن المرحلة انتهت.",
                want: &["حسن عبد الغني"],
            },
            Case {
                text: "وقال المتحدث باسم الجيش الإسرائيلي العميد إيفي دفرين ونشرت الصحيفة الخبر.",
                want: &["إيفي دفرين"],
            },
            Case {
                // Real news had Rodolphe Haykal, now in the gazetteer.
                text: "General Karim Nassif, the army commander, presented the plan. They noted Gen Nassif's firm commitment. Gen Nassif said the army was ready.",
                want: &["Karim Nassif"],
            },
            // A head with a preposition glued on, then a verb: "يلعب كرة
            // السلة" was a name.
            Case {
                text: "ينشر الشيباني مقطعاً للرئيس يلعب كرة السلة مع قادة التحالف.",
                want: &[],
            },
            // A preposition head, a long complement, then "بعد أقل" after
            // the comma.
            Case {
                text: "في أول زيارة لرئيس سوري إلى المقر الرئاسي الأميركي، بعد أقل من عام.",
                want: &[],
            },
            // A given name alone after a rank, after the draft named the
            // person in full, is a short reference (real news: "Sheikh
            // Mohammed" for Qatar's prime minister).
            Case {
                text: "Qatar's prime minister, Sheikh Mohammed bin Abdulrahman Al Thani, met the envoy. Sheikh Mohammed said Qatar would keep mediating.",
                want: &[],
            },
            Case {
                text: "واستقبل الشيخ محمد بن عبدالرحمن آل ثاني المبعوث. وقال الشيخ محمد إن قطر ستواصل الوساطة.",
                want: &[],
            },
            // A title inside the run after a title is no name ("Health
            // Minister Rakan Nasreddine" after "envoy,", a real case; the
            // minister is in the gazetteer now, so an invented name stands
            // in for him); after the comma
            // of its own title, the name alone is proposed.
            Case {
                text: "The envoy, Health Minister Karim Haddadin said the toll rose.",
                want: &[],
            },
            Case {
                text: "The health minister, Karim Haddadin, said the toll rose.",
                want: &["Karim Haddadin"],
            },
            // A title set off by commas after a person the draft names
            // describes that person: what follows its comma is the rest of
            // the sentence (real news: "سيقوم بزيارة رسمية" and "فِرَق
            // الاتحاد" were proposed as names).
            Case {
                text: "أعلن البيت الأبيض أن الأمير محمد بن سلمان بن عبدالعزيز، ولي العهد السعودي رئيس مجلس الوزراء، سيقوم بزيارة رسمية إلى واشنطن.",
                want: &[],
            },
            Case {
                text: "كرّم الشيخ سيف بن زايد آل نهيان، نائب رئيس مجلس الوزراء وزير الداخلية، فِرَق الاتحاد المتميزة.",
                want: &[],
            },
            // Not after a named person, or as the next item of a list, the
            // title still introduces the name after its comma.
            Case {
                text: "وقال رئيس مجلس الوزراء، سمير حداد، إن الحكومة ستجتمع.",
                want: &["سمير حداد"],
            },
            Case {
                text: "حضر الاجتماع محمد بن سلمان، ووزير الداخلية، سمير حداد، في الرياض.",
                want: &["سمير حداد"],
            },
            // A longer title with و glued on, its rank and name after it
            // (real news, a Saudi report from Neom: "، ومستشار خادم
            // الحرمين الشريفين الأمير فيصل بن خالد" lost its proposal once
            // the governor named before the comma was in the gazetteer).
            Case {
                text: "وودعه أمير منطقة الرياض الأمير فيصل بن بندر، ومستشار خادم الحرمين الشريفين الأمير سعد بن مشعل، وعدد من الأمراء.",
                want: &["سعد بن مشعل"],
            },
            // The first word after "باسم" is the body spoken for, never
            // the name (real news, Dot Al Khalij, 2025-12-27).
            Case {
                text: "قال الناطق باسم وفد الإدارة الذاتية المفاوض مع دمشق ياسر السليمان إن الزيارة مهمة.",
                want: &[],
            },
            Case {
                text: "وقال المتحدث باسم وفد الحكومة، سمير حداد، إن المحادثات مستمرة.",
                want: &["سمير حداد"],
            },
            // A rank inside a place's name introduces nobody: الشيخ of
            // "شرم الشيخ" took "استقبال الوفود المشاركة" as a name (real
            // news, Dot Al Khalij, 2025-10-09).
            Case {
                text: "واصلت مدينة شرم الشيخ استقبال الوفود المشاركة في المفاوضات.",
                want: &[],
            },
            // A rank after مطار، مدينة، ملعب is part of a place named after
            // a person (real news: Al Watan, Sabq, Al Mowaten).
            Case {
                text: "وودعه في ساحة مطار الملك عبدالعزيز الدولي، أمير منطقة الرياض.",
                want: &[],
            },
            Case {
                text: "يلتقي المنتخب نظيره الجزائري على ملعب مدينة الأمير عبدالله الفيصل الرياضية في جدة.",
                want: &[],
            },
            Case {
                text: "The match is at the King Fahd International Stadium, officials said.",
                want: &[],
            },
            // A title with a conjunction glued on is the next item of a
            // list: "the king and the crown prince" (real news, Watana
            // News, 2025-08-12).
            Case {
                text: "الشيباني يشكر الملك وولي العهد على استضافة نقاشات.",
                want: &[],
            },
            // Without the place noun, the rank still introduces a name.
            Case {
                text: "وودعه في الساحة الأمير سطام الهاجري، أمير المنطقة.",
                want: &["سطام الهاجري"],
            },
            // Hyphenated particles count toward the name's length: "Nour
            // al-Din al-Baba" was five words and dropped.
            Case {
                text: "Interior Ministry spokesman Nour al-Din al-Baba said the campaign worked.",
                want: &["Nour al-Din al-Baba"],
            },
        ]);
    }

    /// A one-word name after a rank, against the shipped gazetteer: quiet
    /// only when a gazetteer person of that given name holds the rank, or
    /// the draft mentions one; however many people share the given name.
    #[test]
    fn one_word_after_rank() {
        check(&[
            // محمد begins the names of some twenty gazetteer people, none
            // of them recorded as a sheikh or an officer.
            Case {
                text: "وقال الشيخ محمد إن قطر ستواصل الوساطة.",
                want: &["محمد"],
            },
            Case {
                text: "Sheikh Mohammed said Qatar would keep mediating.",
                want: &["Mohammed"],
            },
            Case {
                text: "وقال اللواء محمد إن الجيش سيواصل القتال.",
                want: &["محمد"],
            },
            Case {
                text: "General Mohammed said the army would fight on.",
                want: &["Mohammed"],
            },
            // Three gazetteer Husseins (Arnous, Amir-Abdollahian, al-Salama),
            // none a prince, and Jordan's crown prince, whose Arabic names
            // all write "الحسين": the bare "الأمير حسين" is still proposed.
            // In English "Crown Prince Hussein" is one of his names (eleventh
            // pass), so nothing is proposed.
            Case {
                text: "وقد شدد ولي العهد الأمير حسين على أن أمن الحدود أولوية.",
                want: &["حسين"],
            },
            Case {
                text: "Crown Prince Hussein said border security comes first.",
                want: &[],
            },
            // A gazetteer holder of the rank: Mohammed bin Salman ("Crown
            // Prince"), Mohammed VI ("الملك محمد السادس"), Abdullah II ("King
            // of Jordan"), Nawaf al-Ahmad ("الشيخ نواف" among his titles),
            // Naim Qassem (named "الشيخ نعيم قاسم").
            Case {
                text: "وقال الأمير محمد إن المملكة ستواصل الوساطة.",
                want: &[],
            },
            Case {
                text: "Prince Mohammed said the kingdom would keep mediating.",
                want: &[],
            },
            Case {
                text: "وقال الملك محمد إن المغرب سيواصل الوساطة.",
                want: &[],
            },
            Case {
                text: "King Abdullah said Jordan would keep mediating.",
                want: &[],
            },
            Case {
                text: "وقال الشيخ نواف إن الكويت ستواصل الوساطة.",
                want: &[],
            },
            Case {
                text: "وقال الشيخ نعيم إن الحزب سيواصل القتال.",
                want: &[],
            },
            // A person the draft mentions under another spelling of the
            // given name (Mohamed bin Zayed's names include "Mohammed bin
            // Zayed").
            Case {
                text: "Mohamed bin Zayed received the envoy. Sheikh Mohammed said the talks went well.",
                want: &[],
            },
        ]);
    }

    /// The same against small gazetteers, so that the case does not hang on
    /// the shipped data: (people.yaml, draft, names proposed).
    #[test]
    fn one_word_after_rank_own_gazetteer() {
        use crate::gazetteer::Gazetteer;
        use std::sync::Arc;
        // Four Husseins and a Naim; none a prince.
        const COMMONERS: &str = r"
- id: h1
  names: {ar: [حسين عرنوس], en: [Hussein Arnous]}
  roles:
    - title: {ar: [رئيس الوزراء السوري], en: [Syrian Prime Minister]}
  source: test
- id: h2
  names: {ar: [حسين السلامة], en: [Hussein al-Salama]}
  roles:
    - title: {ar: [رئيس الاستخبارات السورية], en: [Syrian intelligence chief]}
  source: test
- id: h3
  names: {ar: [حسين أمير عبد اللهيان], en: [Hossein Amir-Abdollahian, Hussein Amir-Abdollahian]}
  roles:
    - title: {ar: [وزير الخارجية الإيراني], en: [Iranian Foreign Minister]}
  source: test
- id: h4
  names: {ar: [حسين فهمي], en: [Hussein Fahmy]}
  source: test
- id: n1
  names: {ar: [الشيخ نعيم قاسم, نعيم قاسم], en: [Sheikh Naim Qassem, Naim Qassem]}
  roles:
    - title: {en: [UN Secretary-General]}
  source: test
- id: q1
  names: {en: [Mohammed bin Abdulrahman Al Thani]}
  family: {en: [Al Thani]}
  roles:
    - title: {en: [Qatari Prime Minister]}
  source: test
";
        // A crown prince whose Arabic title has no أمير: the English one
        // shows the rank. An emir by an Arabic title alone. A general by
        // the first word of a title.
        const RANKED: &str = r"
- id: p1
  names: {ar: [الحسين بن عبدالله الثاني, حسين بن عبدالله], en: [Hussein bin Abdullah]}
  roles:
    - title: {ar: [ولي العهد الأردني], en: [Jordanian Crown Prince]}
  source: test
- id: p2
  names: {ar: [فيصل بن بندر]}
  roles:
    - title: {ar: [أمير منطقة الرياض]}
  source: test
- id: g1
  names: {ar: [سامر العلي], en: [Samer al-Ali]}
  roles:
    - title: {ar: [اللواء قائد الفرقة الأولى], en: [General commanding the First Division]}
  source: test
";
        struct Case {
            people: &'static [&'static str],
            text: &'static str,
            want: &'static [&'static str],
        }
        let cases = [
            // However many people share حسين, none is a prince.
            Case {
                people: &[COMMONERS],
                text: "وقد شدد ولي العهد الأمير حسين على أن أمن الحدود أولوية.",
                want: &["حسين"],
            },
            Case {
                people: &[COMMONERS],
                text: "Crown Prince Hussein said border security comes first.",
                want: &["Hussein"],
            },
            // With a gazetteer prince of that name: a short reference to him.
            Case {
                people: &[COMMONERS, RANKED],
                text: "وقد شدد ولي العهد الأمير حسين على أن أمن الحدود أولوية.",
                want: &[],
            },
            Case {
                people: &[COMMONERS, RANKED],
                text: "Crown Prince Hussein said border security comes first.",
                want: &[],
            },
            Case {
                people: &[COMMONERS, RANKED],
                text: "وقال الأمير فيصل إن المنطقة مستعدة.",
                want: &[],
            },
            // The rank must match: Naim Qassem is a sheikh, not a prince.
            Case {
                people: &[COMMONERS],
                text: "وقال الشيخ نعيم إن الحزب سيواصل القتال.",
                want: &[],
            },
            Case {
                people: &[COMMONERS],
                text: "وقال الأمير نعيم إن الحزب سيواصل القتال.",
                want: &["نعيم"],
            },
            // "General" in the middle of a title is no rank
            // ("Secretary-General"); at its start it is.
            Case {
                people: &[COMMONERS],
                text: "General Naim said the army would fight on.",
                want: &["Naim"],
            },
            Case {
                people: &[COMMONERS, RANKED],
                text: "وقال اللواء سامر إن الفرقة مستعدة.",
                want: &[],
            },
            Case {
                people: &[COMMONERS, RANKED],
                text: "General Samer said the division was ready.",
                want: &[],
            },
            // A person the draft mentions, here by title and family name
            // (an unlinked family name alone names nobody yet).
            Case {
                people: &[COMMONERS],
                text: "Sheikh Mohammed said Qatar would keep mediating.",
                want: &["Mohammed"],
            },
            Case {
                people: &[COMMONERS],
                text: "Al Thani met the envoy. Sheikh Mohammed said Qatar would keep mediating.",
                want: &["Mohammed"],
            },
            Case {
                people: &[COMMONERS],
                text: "Qatari Prime Minister Al Thani met the envoy. Sheikh Mohammed said Qatar would keep mediating.",
                want: &[],
            },
        ];
        for case in &cases {
            let files: Vec<_> = case
                .people
                .iter()
                .enumerate()
                .map(|(n, text)| {
                    (
                        EntityKind::Person,
                        if n == 0 { "a.yaml" } else { "b.yaml" },
                        *text,
                    )
                })
                .collect();
            let gazetteer = Gazetteer::from_yaml(&files).expect("test gazetteer");
            let checker = CheckerBuilder::new().build_with(Arc::new(gazetteer));
            let got: Vec<String> = checker
                .run(
                    "t.txt",
                    case.text,
                    crate::segment::Format::Plain,
                    crate::checker::Mode::Check,
                )
                .findings
                .iter()
                .filter(|f| f.rule == "unknown-name")
                .map(|f| f.spans[0].text.clone())
                .collect();
            assert_eq!(got, case.want, "text: {}", case.text);
        }
    }

    #[test]
    fn rank_words_in_titles_and_names() {
        // (title key, ranks shown)
        let titles: [(&str, &[Rank]); 9] = [
            ("crown prince", &[Rank::Prince]),
            ("امير قطر", &[Rank::Prince]),
            ("ملك الاردن", &[Rank::King]),
            ("العاهل السعودي", &[Rank::King]),
            ("شيخ الازهر", &[Rank::Sheikh]),
            ("general commanding the first division", &[Rank::Officer]),
            ("un secretary general", &[]),
            ("director general of the agency", &[]),
            ("وزير الخارجيه", &[]),
        ];
        for (key, want) in titles {
            let got = title_ranks(key);
            for rank in [Rank::King, Rank::Prince, Rank::Sheikh, Rank::Officer] {
                assert_eq!(got.contains(rank), want.contains(&rank), "{key:?} {rank:?}");
            }
        }
        // (name key, given name, ranks before it)
        let names: [(&str, &str, &[Rank]); 7] = [
            ("الشيخ جراح جابر الاحمد الصباح", "جراح", &[Rank::Sheikh]),
            ("king charles iii", "charles", &[Rank::King]),
            ("احمد الشرع", "احمد", &[]),
            // An honorific is skipped and shows no rank.
            ("الدكتور احمد الشرع", "احمد", &[]),
            // Amir and عماد are given names before a name, not ranks.
            ("amir peretz", "amir", &[]),
            ("عماد مميش", "عماد", &[]),
            ("الشيخ", "", &[Rank::Sheikh]),
        ];
        let empty = crate::gazetteer::Gazetteer::from_yaml(&[]).expect("empty gazetteer");
        let lexicon = GivenNames::build(&empty, &TitleIndex::default());
        for (key, want_given, want) in names {
            let (start, end, ranks) = lexicon.given_at(key);
            assert_eq!(&key[start..end], want_given, "{key:?}");
            for rank in [Rank::King, Rank::Prince, Rank::Sheikh, Rank::Officer] {
                assert_eq!(
                    ranks.contains(rank),
                    want.contains(&rank),
                    "{key:?} {rank:?}"
                );
            }
        }
        // The table is folded: every word is its own key.
        for (word, _, _) in RANK_WORDS {
            assert_eq!(words_key(word), word);
        }
    }

    #[test]
    fn ids() {
        assert_eq!(id_for("نور الدين البابا"), "nur-al-din-al-baba");
        // و and ي at the start of a word stay consonants.
        assert_eq!(id_for("وليد يوسف"), "wlid-ywsf");
        // A leading ع as its vowel; Allah as one word.
        assert_eq!(id_for("عبد الله الثاني"), "abd-allah-al-thani");
        assert_eq!(id_for("Nour al-Din al-Baba"), "nour-al-din-al-baba");
    }
}
