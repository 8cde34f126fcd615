//! Coreference: a family name standing alone ("الشرع", "Sharaa") links to the
//! person whose gazetteer title stands right before it ("نائب الرئيس الشرع"),
//! else to the most recent full mention of a person with that family name, looked for
//! first in the same section part, then in the body, then anywhere earlier;
//! failing that, to the one candidate whose role holds at the draft's date
//! (today when the draft has none);
//! failing that it stays unresolved with every candidate noted.

use std::collections::HashMap;

use serde::Serialize;

use crate::clitics::readings;
use crate::gazetteer::{EntityIndex, EntityKind, Gazetteer, PartialDate};
use crate::normalize::fold_str;
use crate::segment::{Document, SectionKind};
use crate::tag::{AliasForm, Hit};

/// A tagged, resolved mention of a gazetteer entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    pub text: String,
    /// The resolved entity id; `None` for an unresolved family name.
    #[serde(rename = "entity")]
    pub entity_id: Option<String>,
    /// Every entity a family name could refer to, when more than one.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub candidates: Vec<String>,
    pub section: SectionKind,
    pub kind: EntityKind,
    /// The gazetteer form that matched.
    pub alias: String,
    pub form: AliasForm,
    /// A proclitic written before the name (و، ب، لل…), folded.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub clitic: String,
    #[serde(skip)]
    pub entity: Option<EntityIndex>,
    #[serde(skip)]
    pub candidate_indices: Vec<EntityIndex>,
    /// Start and end in the folded text.
    #[serde(skip)]
    pub folded: (usize, usize),
    /// Index of the section part in [`Document::sections`].
    #[serde(skip)]
    pub section_index: usize,
    #[serde(skip)]
    pub paragraph: Option<usize>,
    #[serde(skip)]
    pub sentence: Option<usize>,
}

/// The candidate whose gazetteer title stands right before a family name
/// ("نائب الرئيس الشرع" is Farouk, "الرئيس الشرع" is Ahmed): the longest
/// title that ends where the name starts, on a word boundary. Ties give
/// nothing, so recency decides.
fn title_before(
    folded: &str,
    name_start: usize,
    candidates: &[EntityIndex],
    mut titles_of: impl FnMut(EntityIndex) -> Vec<String>,
) -> Option<EntityIndex> {
    let before = folded.get(..name_start)?.trim_end_matches([' ', '\n']);
    let words: Vec<&str> = before.rsplit(' ').take(8).collect();
    let mut best: Option<(usize, EntityIndex)> = None;
    let mut tie = false;
    for &candidate in candidates {
        for title in titles_of(candidate) {
            if !ends_with_title(&words, &title) {
                continue;
            }
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

/// Whether the words before a name (last word first) end with `title`,
/// whose first word may carry a proclitic ("بالرئيس", "للرئيس", "وزير").
fn ends_with_title(words_rev: &[&str], title: &str) -> bool {
    let title_words: Vec<&str> = title.split(' ').collect();
    let n = title_words.len();
    if title.is_empty() || words_rev.len() < n {
        return false;
    }
    let tail_matches = title_words[1..]
        .iter()
        .rev()
        .zip(words_rev)
        .all(|(t, w)| t == w);
    let first = title_words[0];
    // The first title word may carry a proclitic: "بالرئيس", "للرئيس".
    tail_matches && readings(words_rev[n - 1]).iter().any(|r| r.word == first)
}

/// Turns tagger hits into mentions: drops those in skipped regions, attaches
/// sections, paragraphs and sentences, and resolves family names.
pub(crate) fn resolve(
    original: &str,
    folded: &str,
    hits: Vec<Hit>,
    doc: &Document,
    gazetteer: &Gazetteer,
    role_date: PartialDate,
) -> Vec<Mention> {
    // family key → (section index, entity) of full mentions seen so far
    let mut seen: HashMap<String, Vec<(usize, SectionKind, EntityIndex)>> = HashMap::new();
    // Folded family names and titles per entity, folded once per draft.
    let mut family_keys: HashMap<EntityIndex, Vec<String>> = HashMap::new();
    let mut title_keys: HashMap<EntityIndex, Vec<String>> = HashMap::new();
    let mut mentions = Vec::with_capacity(hits.len());
    for hit in hits {
        if doc.is_skipped(&(hit.start..hit.end)) {
            continue;
        }
        let paragraph = doc.paragraph_at(hit.start);
        let section_index = paragraph
            .map(|p| doc.paragraphs[p].section_index)
            .unwrap_or(0);
        let section = doc.section_at(hit.start);
        let sentence = doc.sentence_at(hit.start);
        let (entity, candidates) = match hit.form {
            AliasForm::Family if hit.entities.len() > 1 => {
                let key = fold_str(&hit.alias);
                let earlier = seen.get(&key).map(Vec::as_slice).unwrap_or(&[]);
                let pick = |filter: &dyn Fn(&(usize, SectionKind, EntityIndex)) -> bool| {
                    earlier
                        .iter()
                        .rev()
                        .find(|s| filter(s) && hit.entities.contains(&s.2))
                        .map(|s| s.2)
                };
                let by_recency = pick(&|s| s.0 == section_index)
                    .or_else(|| pick(&|s| s.1 == SectionKind::Body))
                    .or_else(|| pick(&|_| true));
                let by_role = || {
                    let holding: Vec<EntityIndex> = hit
                        .entities
                        .iter()
                        .copied()
                        .filter(|&e| gazetteer.entity(e).roles_at(role_date).next().is_some())
                        .collect();
                    (holding.len() == 1).then(|| holding[0])
                };
                let by_title = title_before(folded, hit.folded_start, &hit.entities, |e| {
                    title_keys
                        .entry(e)
                        .or_insert_with(|| {
                            gazetteer
                                .entity(e)
                                .roles
                                .iter()
                                .flat_map(|r| r.title.all())
                                .map(fold_str)
                                .collect()
                        })
                        .clone()
                });
                match by_title.or(by_recency).or_else(by_role) {
                    Some(e) => (Some(e), hit.entities.clone()),
                    None => (None, hit.entities.clone()),
                }
            }
            _ => (hit.entities.first().copied(), hit.entities.clone()),
        };
        if hit.form == AliasForm::Name {
            if let Some(e) = entity {
                let keys = family_keys
                    .entry(e)
                    .or_insert_with(|| gazetteer.entity(e).family.all().map(fold_str).collect());
                for key in keys.iter() {
                    seen.entry(key.clone())
                        .or_default()
                        .push((section_index, section, e));
                }
            }
        }
        let kind = hit
            .entities
            .first()
            .map_or(EntityKind::Person, |&e| gazetteer.entity(e).kind);
        let text = original.get(hit.start..hit.end).unwrap_or("").to_string();
        mentions.push(Mention {
            start: hit.start,
            end: hit.end,
            line: 0,
            column: 0,
            text,
            entity_id: entity.map(|e| gazetteer.entity(e).id.clone()),
            candidates: if candidates.len() > 1 {
                candidates
                    .iter()
                    .map(|&c| gazetteer.entity(c).id.clone())
                    .collect()
            } else {
                Vec::new()
            },
            section,
            kind,
            alias: hit.alias,
            form: hit.form,
            clitic: hit.clitic,
            entity,
            candidate_indices: candidates,
            folded: (hit.folded_start, hit.folded_end),
            section_index,
            paragraph,
            sentence,
        });
    }
    mentions
}

#[cfg(test)]
mod tests {
    use crate::checker::{CheckerBuilder, Mode};
    use crate::gazetteer::PartialDate;
    use crate::segment::Format;

    struct Case {
        text: &'static str,
        /// Entity of each family-name mention "الشرع", in order.
        want: &'static [Option<&'static str>],
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
            // No full mention, no title: the one holding a role at the date.
            Case {
                text: "وصل الشرع إلى واشنطن.",
                want: &[Some("ahmed-al-sharaa")],
            },
        ];
        let checker = CheckerBuilder::new()
            .date(PartialDate::parse("2025-11-09"))
            .build()
            .expect("the embedded gazetteer is valid");
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
}
