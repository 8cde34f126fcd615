//! `name-conflict`: two different people who share a family name in one
//! draft, where the one named less often stands in a slot the draft gives the
//! other.
//!
//! Family-name-only mentions are resolved first (see `resolve`). A mention's
//! slots are:
//!
//! - a title attached to it (see [`crate::rules::titles`]) that the gazetteer
//!   gives to the other person;
//! - an event: a meeting word (لقاء، اجتماع، يلتقي، met, meeting…) and another
//!   person (the counterpart) in the same sentence;
//! - a quote it is the speaker of (the first words of the quote).
//!
//! The person with fewer mentions standing in a slot that the other holds
//! somewhere in the draft is an error, whatever the titles say (the seed's
//! "نائب الرئيس السوري السابق فاروق الشرع" meeting ترامب, a meeting the rest
//! of the draft gives أحمد الشرع). Both people present with nothing shared is
//! an info; it becomes a warning when the less-named person appears only in
//! appended parts while the other is in the body, unless a correct title
//! (a current one, or a past one with السابق، الأسبق، الراحل، former, late)
//! is attached to them.
//!
//! Cost: one pass over the mentions, plus, for each sentence holding a
//! mention of a family with two people, one pass over its words.

use std::collections::{BTreeMap, BTreeSet};

use crate::clitics::readings;
use crate::finding::{Finding, Severity};
use crate::gazetteer::{EntityIndex, EntityKind};
use crate::normalize::fold_str;
use crate::resolve::Mention;
use crate::rules::titles::{
    describe_role, ended_before, person_titles, words_after, Gap, TitleMatch,
};
use crate::rules::{Context, Rule, RuleInfo};
use crate::segment::SectionKind;
use crate::tag::AliasForm;

pub(crate) struct NameConflict;

/// Where a person stands in the draft.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Slot {
    /// A gazetteer role (entity, role index) whose title is attached.
    Title(EntityIndex, usize),
    /// A meeting with this counterpart.
    Meeting(EntityIndex),
    /// The speaker of a quote starting with these folded words.
    Quote(String),
}

/// Folded stems of meeting words; a word matches when one of its readings
/// without a proclitic or article starts with a stem.
const MEETING_STEMS: [&str; 21] = [
    "لقاء",
    "لقائ",
    "لقاو",
    "يلتقي",
    "التقي",
    "التقا",
    "نلتقي",
    "سنلتقي",
    "سيلتقي",
    "تلتقي",
    "ستلتقي",
    "اجتماع",
    "اجتمع",
    "يجتمع",
    "سيجتمع",
    "نجتمع",
    "قمه",
    "استقبل",
    "يستقبل",
    "محادثات",
    "مباحثات",
];
const MEETING_WORDS_EN: [&str; 13] = [
    "meet", "meets", "meeting", "meetings", "met", "talks", "summit", "received", "receives",
    "hosted", "hosts", "host", "receive",
];
const SPEECH_STEMS: [&str; 14] = [
    "قال",
    "يقول",
    "قائلا",
    "اضاف",
    "اكد",
    "صرح",
    "اوضح",
    "تابع",
    "شدد",
    "اعلن",
    "علق",
    "نقل",
    "ذكر",
    "يري",
];
const SPEECH_WORDS_EN: [&str; 10] = [
    "said", "says", "told", "added", "stated", "saying", "declared", "asked", "wrote", "tweeted",
];

fn matches_stem(word: &str, stems: &[&str], english: &[&str]) -> bool {
    if english.contains(&word) {
        return true;
    }
    readings(word).iter().any(|r| {
        let reading = r.word.as_ref();
        let bare = reading.strip_prefix("ال").unwrap_or(reading);
        stems
            .iter()
            .any(|s| reading.starts_with(s) || bare.starts_with(s))
    })
}

/// Family keys that do not make two people namesakes: "آل ثاني", compound
/// given names ("عبد الله"), regnal numbers ("الثاني", "II").
fn is_shared_surname(key: &str) -> bool {
    let words: Vec<&str> = key.split(' ').collect();
    let house = matches!(
        words.first(),
        Some(&("ال" | "al" | "آل" | "bin" | "بن" | "ابن"))
    ) && words.len() > 1;
    let compound = words
        .first()
        .is_some_and(|w| *w == "عبد" || *w == "abd" || *w == "abdul" || *w == "abdel");
    let regnal = words.last().is_some_and(|w| {
        [
            "الاول",
            "الثاني",
            "الثالث",
            "الرابع",
            "الخامس",
            "i",
            "ii",
            "iii",
            "iv",
            "v",
        ]
        .contains(w)
    });
    !(house || compound || regnal)
}

impl Rule for NameConflict {
    fn info(&self) -> RuleInfo {
        RuleInfo {
            id: "name-conflict",
            default_severity: Severity::Error,
            summary: "Two people sharing a family name, one standing in a slot (title, meeting, quote) the draft gives the other.",
            explain: EXPLAIN,
        }
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        // family key → entity → its mentions, in text order.
        let mut families: BTreeMap<String, BTreeMap<EntityIndex, Vec<usize>>> = BTreeMap::new();
        // The previous person mention: a second name of the same person
        // right after it ("أحمد الشرع، المعروف سابقاً بأبو محمد الجولاني",
        // "Ahmed al-Sharaa, known as Abu Mohammad al-Julani") is the same
        // reference, not another mention.
        let mut previous: Option<&Mention> = None;
        for (i, m) in cx.mentions.iter().enumerate() {
            if m.kind != EntityKind::Person {
                continue;
            }
            let Some(e) = m.entity else {
                continue;
            };
            let same_reference = previous.is_some_and(|p| {
                p.entity == Some(e)
                    && p.sentence == m.sentence
                    && cx
                        .folded
                        .text()
                        .get(p.folded.1..m.folded.0)
                        .is_some_and(|gap| words_after(gap, 0, 4).len() < 4)
            });
            previous = Some(m);
            if same_reference {
                continue;
            }
            for family in cx.gazetteer.entity(e).family.all() {
                let key = fold_str(family).trim().to_string();
                if !key.is_empty() && is_shared_surname(&key) {
                    families
                        .entry(key)
                        .or_default()
                        .entry(e)
                        .or_default()
                        .push(i);
                }
            }
        }
        let mut seen: BTreeSet<Vec<EntityIndex>> = BTreeSet::new();
        let groups: Vec<(String, BTreeMap<EntityIndex, Vec<usize>>)> = families
            .into_iter()
            .filter(|(_, people)| people.len() >= 2)
            .filter(|(_, people)| seen.insert(people.keys().copied().collect()))
            .collect();
        if groups.is_empty() {
            return;
        }
        let lexicon = cx.lexicon;
        let titles = person_titles(cx, &lexicon.titles);
        let sentences = SentenceIndex::new(cx);
        for (_, people) in groups {
            let slots: BTreeMap<usize, Vec<Slot>> = people
                .values()
                .flatten()
                .map(|&i| {
                    (
                        i,
                        slots_of(cx, &lexicon.titles, &titles[i], i, &people, &sentences),
                    )
                })
                .collect();
            let family_display = family_surface(cx, &people);
            report_family(cx, &family_display, &people, &slots, &titles, out);
        }
    }
}

/// The shared family name as the draft writes it (a family-name mention),
/// else as the gazetteer does, in the script of the draft's first mention.
fn family_surface(cx: &Context<'_>, people: &BTreeMap<EntityIndex, Vec<usize>>) -> String {
    let shared = |name: &str| {
        let key = fold_str(name);
        people.keys().all(|&e| {
            cx.gazetteer
                .entity(e)
                .family
                .all()
                .any(|f| fold_str(f) == key)
        })
    };
    let mut mentions: Vec<&Mention> = people
        .values()
        .flatten()
        .map(|&i| &cx.mentions[i])
        .collect();
    mentions.sort_by_key(|m| m.start);
    if let Some(m) = mentions
        .iter()
        .find(|m| m.form == AliasForm::Family && shared(&m.alias))
    {
        return m.alias.to_string();
    }
    let arabic = mentions
        .first()
        .is_some_and(|m| m.text.chars().any(crate::clitics::is_arabic_letter));
    let Some(&first) = people.keys().next() else {
        return String::new();
    };
    let family = &cx.gazetteer.entity(first).family;
    let (preferred, other) = if arabic {
        (&family.ar, &family.en)
    } else {
        (&family.en, &family.ar)
    };
    preferred
        .iter()
        .chain(other)
        .find(|f| shared(f))
        .cloned()
        .unwrap_or_default()
}

/// The words of the sentences that hold mentions, computed on demand.
struct SentenceIndex<'a> {
    /// (original start, gap, folded word) of every folded word.
    words: Vec<(usize, Gap, &'a str)>,
    /// Person mentions by sentence.
    persons: BTreeMap<usize, Vec<usize>>,
}

impl<'a> SentenceIndex<'a> {
    fn new(cx: &Context<'a>) -> SentenceIndex<'a> {
        let words = cx
            .words
            .iter()
            .map(|&(gap, w)| (cx.folded.original_range(w.start..w.end).start, gap, w.text))
            .collect();
        let mut persons: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for (i, m) in cx.mentions.iter().enumerate() {
            if let (EntityKind::Person, Some(s)) = (m.kind, m.sentence_index()) {
                persons.entry(s).or_default().push(i);
            }
        }
        SentenceIndex { words, persons }
    }

    /// Folded words of sentence `s`.
    fn words(&self, cx: &Context<'_>, s: usize) -> &[(usize, Gap, &'a str)] {
        let Some(sentence) = cx.doc.sentences.get(s) else {
            return &[];
        };
        let from = self.words.partition_point(|w| w.0 < sentence.range.start);
        let to = self.words.partition_point(|w| w.0 < sentence.range.end);
        &self.words[from..to.max(from)]
    }
}

fn slots_of(
    cx: &Context<'_>,
    index: &crate::rules::titles::TitleIndex,
    titles: &[TitleMatch],
    i: usize,
    people: &BTreeMap<EntityIndex, Vec<usize>>,
    sentences: &SentenceIndex<'_>,
) -> Vec<Slot> {
    let mention = &cx.mentions[i];
    let mut slots = Vec::new();
    for title in titles {
        // A title after the name with no comma may be a verb's object.
        if title.loose {
            continue;
        }
        let holders = index.get(&title.key);
        // A title the person holds themselves is theirs, even if a namesake
        // held it too (two presidents of one family).
        if holders.iter().any(|&(e, _)| Some(e) == mention.entity) {
            continue;
        }
        for &(e, r) in holders {
            if people.contains_key(&e) {
                slots.push(Slot::Title(e, r));
            }
        }
    }
    if let Some(s) = mention.sentence_index() {
        let meeting = sentences
            .words(cx, s)
            .iter()
            .any(|(_, _, w)| matches_stem(w, &MEETING_STEMS, &MEETING_WORDS_EN));
        // Two namesakes named in full in one meeting sentence meet each
        // other ("استقبل أحمد الشرع فاروق الشرع"): the sentence's other
        // people are both men's company, no slot of one of them.
        let in_sentence = sentences.persons.get(&s).map_or(&[][..], Vec::as_slice);
        let namesakes_meet = in_sentence.iter().any(|&j| {
            let other = &cx.mentions[j];
            other.form == AliasForm::Name
                && other.entity != mention.entity
                && other.entity.is_some_and(|e| people.contains_key(&e))
        }) && mention.form == AliasForm::Name;
        if meeting && !namesakes_meet {
            for &j in in_sentence {
                if let Some(c) = cx.mentions[j].entity {
                    if !people.contains_key(&c) {
                        slots.push(Slot::Meeting(c));
                    }
                }
            }
        }
    }
    if let Some(quote) = quote_after(cx, mention) {
        slots.push(Slot::Quote(quote));
    }
    slots.sort();
    slots.dedup();
    slots
}

/// The first words of a quote this mention is the speaker of: a speech verb
/// and then a quotation mark within a dozen words after the name, in the
/// same paragraph.
fn quote_after(cx: &Context<'_>, mention: &Mention) -> Option<String> {
    let text = cx.folded.text();
    let words = words_after(text, mention.folded.1, 14);
    let mut speech = false;
    let mut previous_end = mention.folded.1;
    for (gap, word) in &words {
        let between = text.get(previous_end..word.start).unwrap_or("");
        if between.contains("\n\n") {
            return None;
        }
        if between.contains('"') {
            if !speech && !between.contains(':') {
                return None;
            }
            // The first six words inside the quote marks.
            let rest = text.get(word.start..).unwrap_or("");
            let inside = rest.find('"').map_or(rest, |close| &rest[..close]);
            let key: Vec<&str> = words_after(inside, 0, 6)
                .into_iter()
                .map(|(_, w)| w.text)
                .collect();
            return Some(key.join(" "));
        }
        if *gap == Gap::Break && !between.contains(':') && !between.contains(',') {
            return None;
        }
        speech |= matches_stem(word.text, &SPEECH_STEMS, &SPEECH_WORDS_EN);
        previous_end = word.end;
    }
    None
}

/// A short description of a section: "the body", "appended part 2".
fn section_name(cx: &Context<'_>, m: &Mention) -> String {
    match m.section {
        SectionKind::Body => "the body".to_string(),
        SectionKind::Appended => {
            let n = cx.doc.sections.get(m.section_part()).map_or(0, |s| s.index) + 1;
            format!("appended part {n}")
        }
        SectionKind::Boilerplate => "boilerplate".to_string(),
    }
}

/// "the body and appended parts 1, 3".
fn sections_phrase(cx: &Context<'_>, mentions: &[&Mention]) -> String {
    let body = mentions.iter().any(|m| m.section == SectionKind::Body);
    let parts: BTreeSet<usize> = mentions
        .iter()
        .filter(|m| m.section == SectionKind::Appended)
        .map(|m| cx.doc.sections.get(m.section_part()).map_or(0, |s| s.index) + 1)
        .collect();
    let parts_text = match parts.len() {
        0 => String::new(),
        1 => format!(
            "appended part {}",
            parts.iter().next().copied().unwrap_or(1)
        ),
        _ => format!(
            "appended parts {}",
            parts
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    match (body, parts_text.is_empty()) {
        (true, true) => "the body".to_string(),
        (true, false) => format!("the body and {parts_text}"),
        (false, _) => parts_text,
    }
}

/// The name to show for a person: their first full-name mention in the
/// draft, else the gazetteer's preferred name in the script of `like`.
fn display_name(cx: &Context<'_>, e: EntityIndex, mentions: &[usize], like: &str) -> String {
    if let Some(m) = mentions
        .iter()
        .map(|&i| &cx.mentions[i])
        .find(|m| m.form == AliasForm::Name)
    {
        return m.alias.to_string();
    }
    let entity = cx.gazetteer.entity(e);
    let arabic = like.chars().any(crate::clitics::is_arabic_letter);
    let names = if arabic {
        &entity.names.ar
    } else {
        &entity.names.en
    };
    names
        .first()
        .cloned()
        .unwrap_or_else(|| entity.preferred_name().to_string())
}

fn role_notes(cx: &Context<'_>, e: EntityIndex, name: &str) -> String {
    let entity = cx.gazetteer.entity(e);
    let roles: Vec<String> = entity.roles.iter().map(describe_role).collect();
    if roles.is_empty() {
        format!("\"{name}\" ({}): no roles in the gazetteer", entity.id)
    } else {
        format!(
            "\"{name}\" ({}): {} (gazetteer)",
            entity.id,
            roles.join("; ")
        )
    }
}

/// Whether a title attached to mention `i` fits its person: held at the
/// date, or marked as past for a role that ended.
fn fitting_title<'t>(
    cx: &Context<'_>,
    index: &crate::rules::titles::TitleIndex,
    titles: &'t [TitleMatch],
    e: EntityIndex,
) -> Option<&'t TitleMatch> {
    let entity = cx.gazetteer.entity(e);
    titles.iter().find(|t| {
        index.get(&t.key).iter().any(|&(holder, r)| {
            holder == e
                && entity.roles.get(r).is_some_and(|role| {
                    if t.past {
                        ended_before(role, cx.role_date)
                    } else {
                        role.held_at(cx.role_date)
                    }
                })
        })
    })
}

fn report_family(
    cx: &Context<'_>,
    family: &str,
    people: &BTreeMap<EntityIndex, Vec<usize>>,
    slots: &BTreeMap<usize, Vec<Slot>>,
    titles: &[Vec<TitleMatch>],
    out: &mut Vec<Finding>,
) {
    let lexicon = cx.lexicon;
    // The majority: most mentions, then the earliest first mention.
    let Some((&major, major_mentions)) = people
        .iter()
        .max_by_key(|(_, ms)| (ms.len(), std::cmp::Reverse(ms.first().copied())))
    else {
        return;
    };
    let first_text = cx.mentions[major_mentions[0]].text.clone();
    let major_name = display_name(cx, major, major_mentions, &first_text);
    let major_refs: Vec<&Mention> = major_mentions.iter().map(|&i| &cx.mentions[i]).collect();
    let major_sections = sections_phrase(cx, &major_refs);
    // The majority's slots, with the mentions holding them.
    let mut held: BTreeMap<&Slot, Vec<usize>> = BTreeMap::new();
    for &i in major_mentions {
        for slot in slots.get(&i).map_or(&[][..], Vec::as_slice) {
            held.entry(slot).or_default().push(i);
        }
    }
    for (&minor, minor_mentions) in people {
        if minor == major {
            continue;
        }
        let minor_name = display_name(cx, minor, minor_mentions, &first_text);
        let mut conflicted = false;
        for &i in minor_mentions {
            let mut clashes: Vec<(&Slot, Vec<usize>)> = Vec::new();
            for slot in slots.get(&i).map_or(&[][..], Vec::as_slice) {
                match slot {
                    // A title of the majority's role, whether or not the
                    // draft gives it to them elsewhere.
                    Slot::Title(e, _) if *e == major => {
                        clashes.push((slot, held.get(slot).cloned().unwrap_or_default()));
                    }
                    Slot::Title(..) => {}
                    Slot::Meeting(_) | Slot::Quote(_) => {
                        if let Some(holders) = held.get(slot) {
                            clashes.push((slot, holders.clone()));
                        }
                    }
                }
            }
            if clashes.is_empty() {
                continue;
            }
            conflicted = true;
            out.push(conflict(
                cx,
                family,
                (minor, &minor_name, i),
                (major, &major_name, major_mentions, &major_sections),
                &clashes,
                &titles[i],
            ));
        }
        if conflicted {
            continue;
        }
        // Both present, nothing shared.
        let Some(&first) = minor_mentions
            .iter()
            .find(|&&i| cx.mentions[i].form == AliasForm::Name)
            .or(minor_mentions.first())
        else {
            continue;
        };
        let fitting = minor_mentions
            .iter()
            .find_map(|&i| fitting_title(cx, &lexicon.titles, &titles[i], minor).map(|t| (i, t)));
        let minor_refs: Vec<&Mention> = minor_mentions.iter().map(|&i| &cx.mentions[i]).collect();
        let minor_sections = sections_phrase(cx, &minor_refs);
        let only_appended = minor_refs
            .iter()
            .all(|m| m.section == SectionKind::Appended);
        let major_in_body = major_refs.iter().any(|m| m.section == SectionKind::Body);
        let raised = only_appended && major_in_body && fitting.is_none();
        let severity = if raised {
            Severity::Warning
        } else {
            Severity::Info
        };
        let message = format!(
            "\"{}\" ({minor_sections}) and \"{major_name}\" ({major_sections}) are different people who share the family name \"{family}\"{}",
            cx.mentions[first].text,
            if raised {
                "; the appended part names the other man without a title that tells them apart"
            } else {
                "; nothing in the draft puts one in the other's place"
            }
        );
        let mut notes = vec![
            role_notes(cx, minor, &minor_name),
            role_notes(cx, major, &major_name),
        ];
        if let Some((i, title)) = fitting {
            let (_, _, written) = crate::rules::titles::original(cx, title.folded);
            notes.push(format!(
                "\"{written}\" next to \"{}\" is a title the gazetteer gives \"{minor_name}\"",
                cx.mentions[i].text
            ));
        }
        let mut spans = vec![cx.mention_span(&cx.mentions[first])];
        if let Some(m) = major_refs
            .iter()
            .find(|m| m.form == AliasForm::Name)
            .or(major_refs.first())
        {
            spans.push(cx.mention_span(m));
        }
        out.push(cx.finding("name-conflict", severity, message, spans, notes));
    }
}

fn conflict(
    cx: &Context<'_>,
    family: &str,
    (minor, minor_name, i): (EntityIndex, &str, usize),
    (major, major_name, major_mentions, major_sections): (EntityIndex, &str, &[usize], &str),
    clashes: &[(&Slot, Vec<usize>)],
    titles: &[TitleMatch],
) -> Finding {
    let lexicon = cx.lexicon;
    let mention = &cx.mentions[i];
    let describe = |slot: &Slot| -> String {
        match slot {
            Slot::Title(e, r) => {
                let written = titles
                    .iter()
                    .find(|t| lexicon.titles.get(&t.key).contains(&(*e, *r)))
                    .map(|t| crate::rules::titles::original(cx, t.folded).2.to_string())
                    .unwrap_or_default();
                format!("the title \"{written}\"")
            }
            Slot::Meeting(c) => {
                // Mentions are in text order: look only inside the sentence.
                let counterpart = mention
                    .sentence_index()
                    .and_then(|s| cx.doc.sentences.get(s))
                    .and_then(|sentence| {
                        let from = cx
                            .mentions
                            .partition_point(|m| m.start < sentence.range.start);
                        cx.mentions[from..]
                            .iter()
                            .take_while(|m| m.start < sentence.range.end)
                            .find(|m| m.entity == Some(*c))
                    })
                    .map_or_else(
                        || cx.gazetteer.entity(*c).preferred_name().to_string(),
                        |m| m.text.to_string(),
                    );
                format!("the meeting with \"{counterpart}\"")
            }
            Slot::Quote(words) => format!("the quote beginning \"{words}\""),
        }
    };
    let slot_text: Vec<String> = clashes.iter().map(|(s, _)| describe(s)).collect();
    let message = format!(
        "\"{}\" ({}) stands in {} that the draft gives to \"{major_name}\" ({} mentions, {major_sections}); they are different people who share the family name \"{family}\"",
        mention.text,
        section_name(cx, mention),
        slot_text.join(" and "),
        major_mentions.len(),
    );
    let mut related: BTreeSet<usize> = BTreeSet::new();
    for (_, holders) in clashes {
        related.extend(holders.iter().copied().take(6));
    }
    // The majority's first full name in the body: what their family-name
    // mentions resolve to.
    if let Some(&anchor) = major_mentions
        .iter()
        .find(|&&j| {
            cx.mentions[j].form == AliasForm::Name && cx.mentions[j].section == SectionKind::Body
        })
        .or_else(|| {
            major_mentions
                .iter()
                .find(|&&j| cx.mentions[j].form == AliasForm::Name)
        })
    {
        related.insert(anchor);
    }
    let mut spans = vec![cx.mention_span(mention)];
    spans.extend(related.iter().map(|&j| cx.mention_span(&cx.mentions[j])));
    let mut notes = vec![
        role_notes(cx, minor, minor_name),
        role_notes(cx, major, major_name),
    ];
    for (slot, holders) in clashes {
        let holder_refs: Vec<&Mention> = holders.iter().map(|&j| &cx.mentions[j]).collect();
        if holder_refs.is_empty() {
            notes.push(format!(
                "{} is \"{major_name}\"'s in the gazetteer",
                describe(slot)
            ));
        } else {
            notes.push(format!(
                "{}: \"{major_name}\" {} time{} ({})",
                describe(slot),
                holder_refs.len(),
                if holder_refs.len() == 1 { "" } else { "s" },
                sections_phrase(cx, &holder_refs)
            ));
        }
    }
    if let Some(title) = fitting_title(cx, &lexicon.titles, titles, minor) {
        let (_, _, written) = crate::rules::titles::original(cx, title.folded);
        notes.push(format!(
            "\"{written}\" is a correct title of \"{minor_name}\", but the slot is the other man's"
        ));
    }
    cx.finding("name-conflict", Severity::Error, message, spans, notes)
}

const EXPLAIN: &str = r#"name-conflict: two people who share a family name, mixed up.

When a draft names two different people of one family (as the gazetteer's
`family:` entries say), the one named less often is checked against the
other's slots:

  - a title attached to the name that the gazetteer gives the other person
    ("الرئيس السوري فاروق الشرع");
  - a meeting: a meeting word (لقاء، اجتماع، يلتقي، استقبل، met, meeting,
    talks…) and another person in the same sentence, when the draft also puts
    the other namesake in a meeting with that person;
  - a quote the name is the speaker of, when the draft gives the same quote
    to the other namesake.

Standing in such a slot is an error, even with a correct past title: the
event is still the other man's. Both people present with nothing shared is
an info; it is raised to a warning when the less-named person appears only
in appended parts ("إقرأ أيضاً", "Read more") while the other is in the
body, unless a correct title tells them apart. The message names the
sections; the notes give both people's gazetteer roles with dates.

Never reported: families with many notable members (آل ثاني، آل سعود),
compound given names (عبد الله), regnal numbers (عبد الله الثاني), and names
the gazetteer does not mark as a family name.

Example (the draft's body gives the Trump meeting to أحمد الشرع):

    وتأتي هذه التطورات قبيل اللقاء المرتقب بين نائب الرئيس السوري السابق فاروق
    الشرع والرئيس الأمريكي دونالد ترامب
    error[name-conflict] "فاروق الشرع" (appended part 3) stands in the meeting
    with "دونالد ترامب" that the draft gives to "أحمد الشرع" (...)

    The campaign comes ahead of the expected meeting between former Syrian
    vice president Farouk al-Sharaa and President Donald Trump.
    error[name-conflict] "Farouk al-Sharaa" ... "Ahmed al-Sharaa" ...

Not an error: "وكان فاروق الشرع، وزير الخارجية الأسبق، من أبرز وجوه
الدبلوماسية السورية" in a draft about أحمد الشرع (info).
"#;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checker::CheckerBuilder;
    use crate::gazetteer::PartialDate;

    struct Case {
        text: &'static str,
        /// (severity, primary span text) of each name-conflict finding.
        want: &'static [(&'static str, &'static str)],
    }

    fn run(text: &str) -> Vec<(String, String)> {
        crate::rules::testing::findings(
            "name-conflict",
            text,
            CheckerBuilder::new().date(PartialDate::parse("2026-11-29")),
        )
    }

    fn check(cases: &[Case]) {
        for case in cases {
            let want: Vec<(String, String)> = case
                .want
                .iter()
                .map(|&(s, t)| (s.to_string(), t.to_string()))
                .collect();
            assert_eq!(run(case.text), want, "text: {}", case.text);
        }
    }

    #[test]
    fn flags() {
        check(&[
            // The minority stands in the meeting with Trump the majority holds.
            Case {
                text: "يلتقي الرئيس السوري أحمد الشرع بالرئيس الأمريكي دونالد ترامب. وقال الشرع إن اللقاء مهم.\n\nإقرأ أيضاً:\n\nوتأتي الحملة قبيل اللقاء المرتقب بين نائب الرئيس السوري السابق فاروق الشرع والرئيس الأمريكي دونالد ترامب.",
                want: &[("error", "فاروق الشرع")],
            },
            // The minority carries the majority's title.
            Case {
                text: "وصل الرئيس السوري أحمد الشرع إلى واشنطن. والشرع يريد شراكة. وقال الرئيس السوري فاروق الشرع إن الزيارة مهمة.",
                want: &[("error", "فاروق الشرع")],
            },
            // The same quote given to both men.
            Case {
                text: "قال الرئيس أحمد الشرع: \"سوريا عادت إلى مكانها الطبيعي\". والشرع يريد ذلك.\n\nإقرأ أيضاً:\n\nوقال فاروق الشرع: \"سوريا عادت إلى مكانها الطبيعي\".",
                want: &[("error", "فاروق الشرع")],
            },
            // English mirror of the meeting case.
            Case {
                text: "President Ahmed al-Sharaa will meet President Donald Trump. Al-Sharaa said so.\n\nRead more:\n\nThe campaign comes ahead of the expected meeting between former Syrian vice president Farouk al-Sharaa and President Donald Trump.",
                want: &[("error", "Farouk al-Sharaa")],
            },
        ]);
    }

    #[test]
    fn does_not_flag() {
        check(&[
            // A predecessor with a correct past title: info only.
            Case {
                text: "يسعى الرئيس أحمد الشرع إلى ترميم العلاقة، والشرع يدرك ذلك. وكان فاروق الشرع، وزير الخارجية الأسبق ونائب الرئيس السوري السابق، من أبرز وجوه الدبلوماسية.",
                want: &[("info", "فاروق الشرع")],
            },
            // One person only.
            Case {
                text: "وصل الرئيس السوري أحمد الشرع إلى واشنطن، والتقى الشرع ترامب.",
                want: &[],
            },
            // Same-sentence persons without a meeting word are no slot.
            Case {
                text: "وصل الرئيس أحمد الشرع ودونالد ترامب إلى الرياض. وكان فاروق الشرع، وزير الخارجية الأسبق، ودونالد ترامب في الصورة.",
                want: &[("info", "فاروق الشرع")],
            },
        ]);
    }

    #[test]
    fn regression() {
        check(&[
            // A correct past title does not excuse taking the other man's
            // event (the seed's last snippet).
            Case {
                text: "قبيل لقاء مرتقب بين الشرع وترامب.\n\nوزار الرئيس السوري أحمد الشرع واشنطن، وقال ترامب: \"سوف نلتقي أنا والشرع\".\n\nوتأتي هذه التطورات قبيل اللقاء المرتقب بين نائب الرئيس السوري السابق فاروق الشرع والرئيس الأمريكي دونالد ترامب.",
                want: &[("error", "فاروق الشرع")],
            },
        ]);
    }

    #[test]
    fn shared_surnames() {
        assert!(is_shared_surname("الشرع"));
        assert!(is_shared_surname("al-sharaa"));
        // A ruling house, a compound given name, a regnal number.
        assert!(!is_shared_surname("ال ثاني"));
        assert!(!is_shared_surname("عبد الله"));
        assert!(!is_shared_surname("عبد الله الثاني"));
    }

    #[test]
    fn meeting_words() {
        for word in [
            "اللقاء",
            "لقاء",
            "يلتقي",
            "والتقي",
            "الاجتماع",
            "نلتقي",
            "met",
            "meeting",
        ] {
            assert!(
                matches_stem(word, &MEETING_STEMS, &MEETING_WORDS_EN),
                "{word}"
            );
        }
        for word in ["الشرعيه", "زياره", "visit", "meat"] {
            assert!(
                !matches_stem(word, &MEETING_STEMS, &MEETING_WORDS_EN),
                "{word}"
            );
        }
    }
}
