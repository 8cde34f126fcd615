//! Entities compared across the two versions: who is named (entity ids are
//! the same in both languages), with which title, and what only one
//! version names.
//!
//! - `name-conflict`: one version names a person the other never does, and
//!   the other names someone of the same family the first never does
//!   (فاروق الشرع in one, Ahmed al-Sharaa in the other): error when each is
//!   the only one of that family in their version and something puts them
//!   in one slot (a title naming one role, both quoted, both the subject of
//!   one kind of claim); warning without such a slot; info when others of
//!   the family are named too.
//! - `role-conflict`: a title attached to a person in one version that the
//!   gazetteer says they did not hold at that version's date, where the
//!   other version names the same person without that title.
//! - `version-gap`: a person or organization named in the body of one
//!   version and nowhere in the other; a place only when the body names it
//!   twice or more (places are often implied: "Damascus" for "the Syrian
//!   government").

use std::collections::{BTreeMap, BTreeSet, HashSet};

use super::{finding, Pair, Version, VERSION_GAP};
use crate::claims::slots::display_name;
use crate::finding::{Finding, Severity};
use crate::gazetteer::{Entity, EntityIndex, EntityKind, Role};
use crate::normalize::fold_str;
use crate::resolve::Mention;
use crate::rules::titles::{describe_role, ended_before, TitleMatch};
use crate::segment::SectionKind;

/// The resolved mentions of a version by entity id (boilerplate aside), in
/// draft order, and every id an unresolved family name could stand for.
struct Present<'v> {
    by_id: BTreeMap<&'v str, Vec<usize>>,
    maybe: HashSet<&'v str>,
}

impl<'v> Present<'v> {
    fn of(v: &'v Version) -> Present<'v> {
        let mut by_id: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        let mut maybe = HashSet::new();
        for (i, m) in v.report.mentions.iter().enumerate() {
            if m.section == SectionKind::Boilerplate {
                continue;
            }
            match &m.entity_id {
                Some(id) => by_id.entry(&**id).or_default().push(i),
                None => maybe.extend(m.candidates.iter().map(|c| &**c)),
            }
        }
        Present { by_id, maybe }
    }

    /// Named or possibly named.
    fn has(&self, id: &str) -> bool {
        self.by_id.contains_key(id) || self.maybe.contains(id)
    }
}

fn families(e: &Entity) -> BTreeSet<String> {
    e.family.all().map(fold_str).collect()
}

fn mention(v: &Version, i: usize) -> &Mention {
    &v.report.mentions[i]
}

/// Names, titles and entity gaps; entities in `quoted` (reported by
/// `quote-drift`) are no gap.
pub(crate) fn names_and_roles(pair: &Pair<'_>, quoted: &HashSet<String>, out: &mut Vec<Finding>) {
    let pa = Present::of(pair.a);
    let pb = Present::of(pair.b);
    let mut conflicted = names(pair, &pa, &pb, out);
    conflicted.extend(quoted.iter().cloned());
    title_slots(pair, &pa, &pb, &mut conflicted, out);
    roles(pair, &pa, &pb, out);
    gaps(pair, &pa, &pb, &conflicted, out);
}

/// The persons only `ours` names, by id, with their entity.
fn only_in<'v>(
    pair: &'v Pair<'_>,
    ours: &Present<'v>,
    theirs: &Present<'v>,
) -> Vec<(&'v str, &'v Entity)> {
    ours.by_id
        .keys()
        .filter(|id| !theirs.has(id))
        .filter_map(|id| pair.gazetteer().get(id).map(|e| (*id, e)))
        .filter(|(_, e)| e.kind == EntityKind::Person && !e.family.is_empty())
        .collect()
}

/// `name-conflict` findings; returns the ids they name.
fn names(
    pair: &Pair<'_>,
    pa: &Present<'_>,
    pb: &Present<'_>,
    out: &mut Vec<Finding>,
) -> HashSet<String> {
    let (a, b) = (pair.a, pair.b);
    let xs = only_in(pair, pa, pb);
    let ys = only_in(pair, pb, pa);
    let mut conflicted = HashSet::new();
    for &(x, ex) in &xs {
        let fx = families(ex);
        for &(y, ey) in &ys {
            let fy = families(ey);
            if fx.is_disjoint(&fy) {
                continue;
            }
            // Is each the only one of the family its version names?
            let alone = |p: &Present<'_>, me: &str, f: &BTreeSet<String>| {
                !p.by_id.keys().any(|id| {
                    *id != me
                        && pair
                            .gazetteer()
                            .get(id)
                            .is_some_and(|e| !families(e).is_disjoint(f))
                })
            };
            let evidence = same_slot(pair, pa, pb, x, y);
            let severity = match (alone(pa, x, &fx) && alone(pb, y, &fy), &evidence) {
                (true, Some(_)) => Severity::Error,
                (true, None) => Severity::Warning,
                (false, _) => Severity::Info,
            };
            let (Some(&ix), Some(&iy)) = (
                pa.by_id.get(x).and_then(|v| v.first()),
                pb.by_id.get(y).and_then(|v| v.first()),
            ) else {
                continue;
            };
            let (mx, my) = (mention(a, ix), mention(b, iy));
            let family = ey
                .family
                .en
                .first()
                .or(ex.family.en.first())
                .or(ex.family.ar.first())
                .cloned()
                .unwrap_or_default();
            let mut notes: Vec<String> = evidence.into_iter().collect();
            notes.push(format!(
                "{} names {} ({} times) and never {}; {} names {} ({} times) and never {}",
                a.path,
                x,
                pa.by_id[x].len(),
                y,
                b.path,
                y,
                pb.by_id[y].len(),
                x
            ));
            for (v, e) in [(a, ex), (b, ey)] {
                let held: Vec<String> = e
                    .roles
                    .iter()
                    .filter(|r| r.held_at(v.role_date))
                    .map(describe_role)
                    .collect();
                if !held.is_empty() {
                    notes.push(format!(
                        "\"{}\" ({}) at {}: {}",
                        display_name(e, v.latin),
                        e.id,
                        v.role_date,
                        held.join("; ")
                    ));
                }
            }
            out.push(finding(
                "name-conflict",
                severity,
                format!(
                    "{} names \"{}\" where {} names \"{}\": two different people of the family {family}",
                    a.path, mx.text, b.path, my.text
                ),
                vec![
                    a.span(mx.start, mx.end, Some(x), mx.section),
                    b.span(my.start, my.end, Some(y), my.section),
                ],
                notes,
            ));
            conflicted.insert(x.to_string());
            conflicted.insert(y.to_string());
        }
    }
    conflicted
}

/// A title attached to a person only one version names.
struct Titled<'v> {
    id: &'v str,
    entity: &'v Entity,
    mention: usize,
    title: &'v TitleMatch,
}

fn titled<'v>(
    pair: &'v Pair<'_>,
    v: &'v Version,
    ours: &Present<'v>,
    theirs: &Present<'v>,
) -> Vec<Titled<'v>> {
    let mut out = Vec::new();
    for (id, list) in &ours.by_id {
        if theirs.has(id) {
            continue;
        }
        let Some(entity) = pair.gazetteer().get(id) else {
            continue;
        };
        if entity.kind != EntityKind::Person {
            continue;
        }
        for &i in list {
            for title in v.titles[i].iter().filter(|t| !t.loose) {
                out.push(Titled {
                    id,
                    entity,
                    mention: i,
                    title,
                });
            }
        }
    }
    out
}

/// The roles of `t`'s person that its title names.
fn own_roles(pair: &Pair<'_>, v: &Version, t: &Titled<'_>) -> Vec<usize> {
    let Some(e) = mention(v, t.mention).entity else {
        return Vec::new();
    };
    pair.titles
        .get(&t.title.key)
        .iter()
        .filter(|(h, _)| *h == e)
        .map(|&(_, r)| r)
        .collect()
}

/// The title of `t` as written.
fn title_text<'v>(v: &'v Version, t: &Titled<'_>) -> &'v str {
    let (s, e) = v.original(t.title.folded);
    v.text().get(s..e).unwrap_or("")
}

/// `name-conflict` for one title given to two people: one version gives a
/// person a title they hold, the other gives the same title (in its
/// language) to someone else who does not hold it, and neither version
/// names the other's person ("وزير الخارجية أسعد الشيباني" against "Foreign
/// Minister Anas Khattab").
fn title_slots(
    pair: &Pair<'_>,
    pa: &Present<'_>,
    pb: &Present<'_>,
    conflicted: &mut HashSet<String>,
    out: &mut Vec<Finding>,
) {
    let (a, b) = (pair.a, pair.b);
    let ta = titled(pair, a, pa, pb);
    let tb = titled(pair, b, pb, pa);
    for x in &ta {
        for y in &tb {
            if conflicted.contains(x.id) || conflicted.contains(y.id) {
                continue;
            }
            let hx = pair.titles.get(&x.title.key);
            let hy = pair.titles.get(&y.title.key);
            if !hx.iter().any(|h| hy.contains(h)) {
                continue;
            }
            let (ox, oy) = (own_roles(pair, a, x), own_roles(pair, b, y));
            let fx = fits(x.entity, &ox, x.title.past, a.role_date);
            let fy = fits(y.entity, &oy, y.title.past, b.role_date);
            // One holds the title, the other is given it wrongly.
            let (holder, wrong, hv, wv, own) = match (fx, fy) {
                (true, false) => (x, y, a, b, &ox),
                (false, true) => (y, x, b, a, &oy),
                _ => continue,
            };
            // The other title must name the role the holder holds, not just
            // any role both titles can name ("President" names many).
            let Some(he) = mention(hv, holder.mention).entity else {
                continue;
            };
            let other = pair.titles.get(&wrong.title.key);
            if !own.iter().any(|&r| other.contains(&(he, r))) {
                continue;
            }
            let span_of = |v: &Version, t: &Titled<'_>| {
                let m = mention(v, t.mention);
                let (ts, te) = v.original(t.title.folded);
                v.span(ts.min(m.start), te.max(m.end), Some(t.id), m.section)
            };
            let (sx, sy) = (span_of(a, x), span_of(b, y));
            let held: Vec<String> = holder
                .entity
                .roles
                .iter()
                .filter(|r| r.held_at(hv.role_date))
                .map(describe_role)
                .collect();
            out.push(finding(
                "name-conflict",
                Severity::Error,
                format!(
                    "{} gives \"{}\" the title \"{}\" where {} gives it (\"{}\") to \"{}\", who does not hold it",
                    hv.path,
                    mention(hv, holder.mention).text,
                    title_text(hv, holder),
                    wv.path,
                    title_text(wv, wrong),
                    mention(wv, wrong.mention).text
                ),
                vec![sx, sy],
                vec![
                    format!(
                        "\"{}\" ({}) at {}: {} (gazetteer)",
                        display_name(holder.entity, hv.latin),
                        holder.id,
                        hv.role_date,
                        held.join("; ")
                    ),
                    format!(
                        "\"{}\" ({}) does not hold it at {}; neither version names the other's person",
                        display_name(wrong.entity, wv.latin),
                        wrong.id,
                        wv.role_date
                    ),
                ],
            ));
            conflicted.insert(x.id.to_string());
            conflicted.insert(y.id.to_string());
        }
    }
}

/// What puts `x` (named only in the first version) and `y` (only in the
/// second) in one slot, in words: a title naming one role, both speaking a
/// quote, or both the subject of one kind of claim.
fn same_slot(
    pair: &Pair<'_>,
    pa: &Present<'_>,
    pb: &Present<'_>,
    x: &str,
    y: &str,
) -> Option<String> {
    let (a, b) = (pair.a, pair.b);
    let titles = |v: &Version, p: &Present<'_>, id: &str| -> Vec<String> {
        p.by_id
            .get(id)
            .into_iter()
            .flatten()
            .flat_map(|&i| v.titles[i].iter().filter(|t| !t.loose))
            .map(|t| t.key.clone())
            .collect()
    };
    for tx in titles(a, pa, x) {
        for ty in titles(b, pb, y) {
            let hy = pair.titles.get(&ty);
            if pair.titles.get(&tx).iter().any(|h| hy.contains(h)) {
                return Some(format!(
                    "both carry a title naming one role: \"{tx}\" ({}), \"{ty}\" ({})",
                    a.path, b.path
                ));
            }
        }
    }
    let speaks = |v: &Version, id: &str| quote_claims(v).any(|q| q.speaker.as_deref() == Some(id));
    if speaks(a, x) && speaks(b, y) {
        return Some("each is quoted in their version".to_string());
    }
    let kinds = |v: &Version, id: &str| -> BTreeSet<String> {
        let Some(claims) = &v.report.claims else {
            return BTreeSet::new();
        };
        let q = claims
            .quantities
            .iter()
            .filter_map(|q| q.slot.as_ref())
            .filter(|s| s.entity == id)
            .map(|s| format!("\"{}\" count", s.predicate));
        let d = claims
            .dates
            .iter()
            .filter_map(|d| d.slot.as_ref())
            .filter(|s| s.entity == id)
            .map(|s| format!("{} date", s.event));
        q.chain(d).collect()
    };
    let shared: Vec<String> = kinds(a, x).intersection(&kinds(b, y)).cloned().collect();
    (!shared.is_empty()).then(|| format!("both are the subject of: {}", shared.join(", ")))
}

fn quote_claims(v: &Version) -> impl Iterator<Item = &crate::claims::quotes::Quote> {
    v.report
        .claims
        .iter()
        .flat_map(|c| &c.quotes)
        .filter(|q| q.section != SectionKind::Boilerplate)
}

/// Whether a title fits the person at `date`, as `role-conflict` judges it:
/// a role with the title held then, or (with a past qualifier) ended.
fn fits(entity: &Entity, own: &[usize], past: bool, date: crate::gazetteer::PartialDate) -> bool {
    let roles: Vec<&Role> = own.iter().filter_map(|&r| entity.roles.get(r)).collect();
    let held = roles.iter().any(|r| r.held_at(date));
    let ended = roles.iter().any(|r| ended_before(r, date));
    match (held, past) {
        (true, false) => true,
        (_, true) => ended,
        (false, false) => false,
    }
}

/// Whether a title that the person never held concerns them at all: a
/// title several bodies use ("President") only when one of those bodies is
/// the person's.
fn concerns(pair: &Pair<'_>, title: &TitleMatch, person: &Entity) -> bool {
    let g = pair.gazetteer();
    let of_role = |&(e, r): &(EntityIndex, usize)| {
        g.entity(e).roles.get(r).and_then(|role| role.of.as_deref())
    };
    let holders = pair.titles.get(&title.key);
    let bodies: BTreeSet<Option<&str>> = holders.iter().map(of_role).collect();
    if bodies.len() <= 1 {
        return true;
    }
    holders
        .iter()
        .filter_map(of_role)
        .any(|body| person.roles.iter().any(|r| r.of.as_deref() == Some(body)))
}

/// `role-conflict` across the versions.
fn roles(pair: &Pair<'_>, pa: &Present<'_>, pb: &Present<'_>, out: &mut Vec<Finding>) {
    let g = pair.gazetteer();
    let mut seen = HashSet::new();
    for ((v, w), (pv, pw)) in pair.both().into_iter().zip([(pa, pb), (pb, pa)]) {
        for (id, list) in &pv.by_id {
            let Some(theirs) = pw.by_id.get(id) else {
                continue;
            };
            let Some(e) = g.get(id) else { continue };
            if e.kind != EntityKind::Person || e.roles.is_empty() {
                continue;
            }
            let Some(ei) = list.first().and_then(|&i| mention(v, i).entity) else {
                continue;
            };
            for &i in list {
                for title in &v.titles[i] {
                    if title.loose {
                        continue;
                    }
                    let holders = pair.titles.get(&title.key);
                    let own: Vec<usize> = holders
                        .iter()
                        .filter(|(h, _)| *h == ei)
                        .map(|&(_, r)| r)
                        .collect();
                    if fits(e, &own, title.past, v.role_date) {
                        continue;
                    }
                    if own.is_empty() && !concerns(pair, title, e) {
                        continue;
                    }
                    // The other version gives the same title (any language):
                    // an in-draft problem for `check`, not a drift.
                    let same_in_other = theirs.iter().any(|&j| {
                        w.titles[j].iter().any(|t| {
                            let hs = pair.titles.get(&t.key);
                            hs.iter().any(|h| holders.contains(h))
                        })
                    });
                    if same_in_other
                        || !seen.insert((v.path.clone(), id.to_string(), title.key.clone()))
                    {
                        continue;
                    }
                    out.push(role_finding(v, w, e, i, title, theirs));
                }
            }
        }
    }
}

fn role_finding(
    v: &Version,
    w: &Version,
    e: &Entity,
    i: usize,
    title: &TitleMatch,
    theirs: &[usize],
) -> Finding {
    let m = mention(v, i);
    let (ts, te) = v.original(title.folded);
    let (start, end) = (ts.min(m.start), te.max(m.end));
    // The other version's mention, with its own title when it has one.
    let j = theirs
        .iter()
        .copied()
        .find(|&j| w.titles[j].iter().any(|t| !t.loose))
        .unwrap_or(theirs[0]);
    let n = mention(w, j);
    let (os, oe) = match w.titles[j].iter().find(|t| !t.loose) {
        Some(t) => {
            let (s, e) = w.original(t.folded);
            (s.min(n.start), e.max(n.end))
        }
        None => (n.start, n.end),
    };
    let title_text = v.text().get(ts..te).unwrap_or("");
    let other_text = w.text().get(os..oe).unwrap_or("");
    let held: Vec<String> = e
        .roles
        .iter()
        .filter(|r| r.held_at(v.role_date))
        .map(describe_role)
        .collect();
    let mut notes = vec![v.date_phrase()];
    notes.push(if held.is_empty() {
        format!(
            "\"{}\" ({}) holds no gazetteer role at {}",
            display_name(e, v.latin),
            e.id,
            v.role_date
        )
    } else {
        format!(
            "\"{}\" ({}) at {}: {} (gazetteer)",
            display_name(e, v.latin),
            e.id,
            v.role_date,
            held.join("; ")
        )
    });
    finding(
        "role-conflict",
        Severity::Error,
        format!(
            "{} calls \"{}\" \"{}\", a title the gazetteer says they did not hold at {}; {} has \"{}\"",
            v.path, m.text, title_text, v.role_date, w.path, other_text
        ),
        vec![
            v.span(start, end, m.entity_id.as_deref(), m.section),
            w.span(os, oe, n.entity_id.as_deref(), n.section),
        ],
        notes,
    )
}

/// Whether one of the entity's names or acronyms is written in the other
/// version though not tagged as its own mention: inside a longer name
/// ("التحالف الدولي ضد تنظيم الدولة" names تنظيم الدولة too).
fn written_in(w: &Version, e: &Entity) -> bool {
    let text = w.folded.text();
    e.names
        .all()
        .chain(e.acronyms.all())
        .map(fold_str)
        .filter(|n| n.chars().count() >= 3)
        .any(|n| text.contains(&n))
}

/// `version-gap` for entities.
fn gaps(
    pair: &Pair<'_>,
    pa: &Present<'_>,
    pb: &Present<'_>,
    conflicted: &HashSet<String>,
    out: &mut Vec<Finding>,
) {
    let g = pair.gazetteer();
    for ((v, w), (pv, pw)) in pair.both().into_iter().zip([(pa, pb), (pb, pa)]) {
        for (id, list) in &pv.by_id {
            if pw.has(id) || conflicted.contains(*id) {
                continue;
            }
            let Some(e) = g.get(id) else { continue };
            if written_in(w, e) {
                continue;
            }
            let body: Vec<usize> = list
                .iter()
                .copied()
                .filter(|&i| mention(v, i).section == SectionKind::Body)
                .collect();
            let wanted = match e.kind {
                EntityKind::Person | EntityKind::Organization => 1,
                EntityKind::Place => 2,
            };
            if body.len() < wanted {
                continue;
            }
            let m = mention(v, body[0]);
            out.push(finding(
                VERSION_GAP,
                Severity::Info,
                format!(
                    "only {} names \"{}\" ({}; {} time{} in its body); {} never does",
                    v.path,
                    display_name(e, v.latin),
                    e.kind.as_str(),
                    body.len(),
                    if body.len() == 1 { "" } else { "s" },
                    w.path
                ),
                vec![v.span(m.start, m.end, Some(id), m.section)],
                vec![format!("entity {id}: \"{}\"", display_name(e, w.latin))],
            ));
        }
    }
}
