//! Every role title of a gazetteer, folded once.
//!
//! Title rules and coreference compare role titles with the folded draft.
//! Folding the 2,400 titles of the shipped gazetteer took about a tenth of
//! a small draft's check, and it was done twice (once for the title index,
//! once for coreference). A compiled gazetteer stores them folded, so a
//! run reads them; a gazetteer read from YAML folds them on first use.

use crate::normalize::fold_str;
use crate::tag::{put_u32, Reader};

use super::{Entity, EntityIndex};

/// The folded titles of every role, entity by entity, role by role, each
/// role's in [`Names::all`](super::model::Names::all) order.
#[derive(Debug, Default)]
pub(crate) struct FoldedTitles {
    /// Every folded title, end to end.
    text: String,
    /// Where each title ends in `text`.
    ends: Vec<u32>,
    /// Per role (all entities' roles in order), the index in `ends` of its
    /// first title; one more at the end.
    role_first: Vec<u32>,
    /// Per entity, the index in `role_first` of its first role; one more
    /// at the end.
    entity_first: Vec<u32>,
}

/// The first bytes of [`FoldedTitles::to_bytes`] (and its version).
const MAGIC: &[u8] = b"tadqiq-titles-1\n";

impl FoldedTitles {
    pub(crate) fn build(entities: &[Entity]) -> FoldedTitles {
        let mut titles = FoldedTitles::default();
        for entity in entities {
            titles.entity_first.push(index(titles.role_first.len()));
            for role in &entity.roles {
                titles.role_first.push(index(titles.ends.len()));
                for title in role.title.all() {
                    titles.text.push_str(&fold_str(title));
                    titles.ends.push(index(titles.text.len()));
                }
            }
        }
        titles.entity_first.push(index(titles.role_first.len()));
        titles.role_first.push(index(titles.ends.len()));
        titles
    }

    /// The folded titles of role `role` of entity `entity`; none for a
    /// role or entity it does not have.
    pub(crate) fn of_role(
        &self,
        entity: EntityIndex,
        role: usize,
    ) -> impl Iterator<Item = &str> + '_ {
        let at = |v: &[u32], i: usize| v.get(i).map(|&x| x as usize);
        let roles = at(&self.entity_first, entity).zip(at(&self.entity_first, entity + 1));
        let titles = roles
            .filter(|&(first, end)| role < end - first)
            .and_then(|(first, _)| {
                at(&self.role_first, first + role).zip(at(&self.role_first, first + role + 1))
            })
            .unwrap_or((0, 0));
        (titles.0..titles.1).map(move |t| {
            let start = if t == 0 { 0 } else { self.ends[t - 1] as usize };
            &self.text[start..self.ends[t] as usize]
        })
    }

    /// The folded titles of every role of `entity`, role by role.
    pub(crate) fn of_entity<'a>(
        &'a self,
        entity: EntityIndex,
        roles: usize,
    ) -> impl Iterator<Item = &'a str> + 'a {
        (0..roles).flat_map(move |r| self.of_role(entity, r))
    }

    pub(crate) fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        put_u32(&mut out, self.entity_first.len() - 1);
        for entity in self.entity_first.windows(2) {
            put_u32(&mut out, (entity[1] - entity[0]) as usize);
        }
        for role in self.role_first.windows(2) {
            put_u32(&mut out, (role[1] - role[0]) as usize);
        }
        let mut start = 0;
        for &end in &self.ends {
            put_u32(&mut out, (end - start) as usize);
            start = end;
        }
        out.extend_from_slice(self.text.as_bytes());
        out
    }

    /// Reads what [`to_bytes`](Self::to_bytes) wrote for these entities:
    /// `None` unless every entity, role and title count matches them and
    /// the text is UTF-8 cut at character boundaries.
    pub(crate) fn from_bytes(bytes: &[u8], entities: &[Entity]) -> Option<FoldedTitles> {
        let mut r = Reader(bytes.strip_prefix(MAGIC)?);
        if r.count(4)? != entities.len() {
            return None;
        }
        let mut titles = FoldedTitles::default();
        for entity in entities {
            if r.u32()? != entity.roles.len() {
                return None;
            }
            titles.entity_first.push(index(titles.role_first.len()));
            titles
                .role_first
                .extend(std::iter::repeat_n(0, entity.roles.len()));
        }
        titles.entity_first.push(index(titles.role_first.len()));
        let mut first = 0;
        let mut roles = entities.iter().flat_map(|e| &e.roles);
        for slot in &mut titles.role_first {
            let n = r.u32()?;
            if n != roles.next()?.title.all().count() {
                return None;
            }
            *slot = index(first);
            first += n;
        }
        titles.role_first.push(index(first));
        let mut end = 0usize;
        for _ in 0..first {
            end = end.checked_add(r.u32()?)?;
            titles.ends.push(u32::try_from(end).ok()?);
        }
        let text = std::str::from_utf8(r.take(end)?).ok()?;
        if !r.0.is_empty()
            || !titles
                .ends
                .iter()
                .all(|&e| text.is_char_boundary(e as usize))
        {
            return None;
        }
        titles.text = text.to_string();
        Some(titles)
    }
}

/// An index that fits in `u32` (the gazetteer's counts do: a compiled
/// gazetteer is read with `u32` lengths).
fn index(n: usize) -> u32 {
    u32::try_from(n).expect("gazetteer titles fit u32 offsets")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::{EntityKind, Gazetteer};

    const PEOPLE: &str = r"
- id: one
  names: {ar: [أحمد الشرع], en: [Ahmed al-Sharaa]}
  roles:
    - title: {ar: [الرئيس السوري, الرئيس], en: [Syrian President]}
      from: 2025-01-29
  source: test
- id: two
  names: {en: [Someone Else]}
  source: test
- id: three
  names: {ar: [فاروق الشرع]}
  roles:
    - title: {ar: [وزير الخارجية]}
      from: 1984-03
      to: 2006-02-11
    - title: {ar: [نائب الرئيس], en: [Vice-President]}
      from: 2006-02-11
      to: 2014-07
  source: test
";

    #[test]
    fn titles_are_folded_role_by_role_and_read_back_the_same() {
        let g = Gazetteer::from_yaml(&[(EntityKind::Person, "people.yaml", PEOPLE)]).unwrap();
        let titles = FoldedTitles::build(g.entities());
        fn of(t: &FoldedTitles, e: EntityIndex, r: usize) -> Vec<&str> {
            t.of_role(e, r).collect()
        }
        let three = g.index_of("three").unwrap();
        let one = g.index_of("one").unwrap();
        assert_eq!(
            of(&titles, one, 0),
            ["الرئيس السوري", "الرئيس", "syrian president"]
        );
        assert_eq!(of(&titles, three, 0), ["وزير الخارجيه"]);
        assert_eq!(of(&titles, three, 1), ["نائب الرئيس", "vice-president"]);
        assert!(of(&titles, three, 2).is_empty());
        assert!(of(&titles, g.index_of("two").unwrap(), 0).is_empty());
        assert!(of(&titles, 99, 0).is_empty());
        assert_eq!(titles.of_entity(three, 2).count(), 3);

        let bytes = titles.to_bytes();
        let read = FoldedTitles::from_bytes(&bytes, g.entities()).unwrap();
        for e in 0..g.len() {
            for r in 0..3 {
                assert_eq!(of(&read, e, r), of(&titles, e, r));
            }
        }
        // Bytes for other entities, or cut short, are refused.
        assert!(FoldedTitles::from_bytes(&bytes, &g.entities()[1..]).is_none());
        assert!(FoldedTitles::from_bytes(&bytes[..bytes.len() - 1], g.entities()).is_none());
    }
}
