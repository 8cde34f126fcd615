//! Coreference: a family name standing alone ("الشرع", "Sharaa") links to the
//! most recent full mention of a person with that family name, looked for
//! first in the same section part, then in the body, then anywhere earlier;
//! failing that, to the one candidate whose role holds at the draft's date
//! (today when the draft has none);
//! failing that it stays unresolved with every candidate noted.

use std::collections::HashMap;

use serde::Serialize;

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

/// Turns tagger hits into mentions: drops those in skipped regions, attaches
/// sections, paragraphs and sentences, and resolves family names.
pub(crate) fn resolve(
    original: &str,
    hits: Vec<Hit>,
    doc: &Document,
    gazetteer: &Gazetteer,
    role_date: PartialDate,
) -> Vec<Mention> {
    // family key → (section index, entity) of full mentions seen so far
    let mut seen: HashMap<String, Vec<(usize, SectionKind, EntityIndex)>> = HashMap::new();
    // Folded family names per entity, folded once per draft.
    let mut family_keys: HashMap<EntityIndex, Vec<String>> = HashMap::new();
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
                match by_recency.or_else(by_role) {
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
