//! Claims compared across the two versions: quantities and dates slot by
//! slot, quotes by speaker (their numbers and names, not their wording).
//!
//! Within a slot, values both versions give are set aside one for one (a
//! version may repeat a count); what is left on each side is what they
//! disagree on, paired in draft order. A slot only one version has is a
//! `version-gap`, unless the other version gives the same value somewhere
//! without a slot (its sentence was written differently).

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use super::concepts::{is_shared, unit_concept, written_unit};
use super::{finding, Pair, Version, VERSION_GAP};
use crate::claims::dates::{Calendar, DateClaim, Relative};
use crate::claims::numbers::{Interval, Quantity};
use crate::claims::quotes::Quote;
use crate::claims::slots::{display_name, is_unique_event};
use crate::finding::{Finding, Severity};
use crate::rules::date_conflict::{conflict, resolve, Resolved};
use crate::segment::SectionKind;

/// A quantity's slot with its unit as a language-independent concept.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct NumberKey<'a> {
    entity: &'a str,
    predicate: &'static str,
    unit: &'a str,
}

/// Interval equality as a hashable key (`-0` and `0` are one value).
type IntervalKey = (Option<u64>, bool, Option<u64>, bool);

fn interval_key(i: &Interval) -> IntervalKey {
    let bits = |x: Option<f64>| x.map(|v| (v + 0.0).to_bits());
    (bits(i.min), i.min_open, bits(i.max), i.max_open)
}

/// The claims of a version that are compared: not in boilerplate.
fn quantities(v: &Version) -> impl Iterator<Item = &Quantity> {
    v.report
        .claims
        .iter()
        .flat_map(|c| &c.quantities)
        .filter(|q| q.section != SectionKind::Boilerplate)
}

fn date_claims(v: &Version) -> impl Iterator<Item = &DateClaim> {
    v.report.claims.iter().flat_map(|c| &c.dates).filter(|d| {
        d.section != SectionKind::Boilerplate
            && d.calendar == Calendar::Gregorian
            && d.relative != Some(Relative::Today)
    })
}

fn quote_claims(v: &Version) -> impl Iterator<Item = &Quote> {
    v.report
        .claims
        .iter()
        .flat_map(|c| &c.quotes)
        .filter(|q| q.section != SectionKind::Boilerplate)
}

/// The items of `ours` left after setting aside, one for one, those whose
/// key `theirs` also has: what `ours` says that `theirs` does not.
fn unmatched<'t, T, K: std::hash::Hash + Eq>(
    ours: &[&'t T],
    theirs: &[&'t T],
    key: impl Fn(&T) -> K,
) -> Vec<&'t T> {
    let mut counts: HashMap<K, usize> = HashMap::new();
    for t in theirs {
        *counts.entry(key(t)).or_default() += 1;
    }
    ours.iter()
        .filter(|t| match counts.get_mut(&key(t)) {
            Some(n) if *n > 0 => {
                *n -= 1;
                false
            }
            _ => true,
        })
        .copied()
        .collect()
}

fn entity_name<'p>(pair: &'p Pair<'_>, id: &'p str, latin: bool) -> &'p str {
    pair.gazetteer()
        .get(id)
        .map_or(id, |e| display_name(e, latin))
}

/// Quantities bound to a slot, by language-independent slot key.
fn number_slots(v: &Version) -> BTreeMap<NumberKey<'_>, Vec<&Quantity>> {
    let mut slots: BTreeMap<NumberKey<'_>, Vec<&Quantity>> = BTreeMap::new();
    for q in quantities(v) {
        if let Some(slot) = &q.slot {
            let key = NumberKey {
                entity: &slot.entity,
                predicate: slot.predicate,
                unit: unit_concept(&slot.unit),
            };
            slots.entry(key).or_default().push(q);
        }
    }
    slots
}

/// `number-conflict` between the versions, and `version-gap` for a count
/// only one gives. Quantities inside quotes already reported by
/// `quote-drift` (`quoted`: (version path, start)) are left to it.
pub(crate) fn numbers(pair: &Pair<'_>, quoted: &Quoted, out: &mut Vec<Finding>) {
    let sa = number_slots(pair.a);
    let sb = number_slots(pair.b);
    let keys: BTreeSet<&NumberKey<'_>> = sa.keys().chain(sb.keys()).collect();
    // Quantities already reported (version path, start).
    let mut used: HashSet<(String, usize)> = quoted.quantities.clone();
    let is_used = |used: &HashSet<(String, usize)>, v: &Version, q: &Quantity| {
        used.contains(&(v.path.clone(), q.start))
    };
    let mut gaps = Vec::new();
    for key in keys {
        match (sa.get(key), sb.get(key)) {
            (Some(qa), Some(qb)) => {
                let ea: Vec<&Quantity> = unmatched(qa, qb, |q| interval_key(&q.interval))
                    .into_iter()
                    .filter(|q| !is_used(&used, pair.a, q))
                    .collect();
                let eb: Vec<&Quantity> = unmatched(qb, qa, |q| interval_key(&q.interval))
                    .into_iter()
                    .filter(|q| !is_used(&used, pair.b, q))
                    .collect();
                for (x, y) in ea.iter().zip(&eb) {
                    out.push(number_pair(pair, key, x, y));
                    used.insert((pair.a.path.clone(), x.start));
                    used.insert((pair.b.path.clone(), y.start));
                }
            }
            (Some(qs), None) => gaps.push((key, pair.a, pair.b, qs)),
            (None, Some(qs)) => gaps.push((key, pair.b, pair.a, qs)),
            (None, None) => {}
        }
    }
    leftover_numbers(pair, &mut used, out);
    for (key, has, lacks, qs) in gaps {
        if !qs.iter().any(|q| is_used(&used, has, q)) {
            number_gap(pair, key, has, lacks, qs, out);
        }
    }
}

/// The shared unit concept of a quantity: its slot's unit, else the unit
/// written after it.
fn shared_unit(q: &Quantity) -> Option<&'static str> {
    match &q.slot {
        Some(slot) => written_unit(&slot.unit).or_else(|| written_unit(&q.text)),
        None => written_unit(&q.text),
    }
}

/// Whether two values could be one count mistyped or misread: within a
/// factor of two, or one digit dropped or added (2700 and 27000). Two unrelated counts
/// in one unit ("43 عاماً" of age, "13 years" of war) are neither.
fn close(x: &Interval, y: &Interval) -> bool {
    let value = |i: &Interval| i.min.or(i.max).map(f64::abs);
    let (Some(p), Some(q)) = (value(x), value(y)) else {
        return false;
    };
    let (lo, hi) = if p <= q { (p, q) } else { (q, p) };
    if lo > 0.0 && hi / lo <= 2.0 {
        return true;
    }
    // A digit dropped or doubled; a digit changed within the same length
    // is left to the ratio (43 and 13 are one edit apart too).
    let (a, b) = (
        crate::claims::numbers::show(lo),
        crate::claims::numbers::show(hi),
    );
    b.len() == a.len() + 1 && strsim::osa_distance(&a, &b) == 1
}

/// Quantities not yet reported whose value the other version gives
/// nowhere, by shared unit: one left on each side in a unit is the same
/// count written two ways (its slots differ or are missing: "مقتل 125
/// مدنياً" is `killed`, "has documented 135 civilians" `members`). A
/// warning, as the slot is not certain.
fn leftover_numbers(pair: &Pair<'_>, used: &mut HashSet<(String, usize)>, out: &mut Vec<Finding>) {
    fn by_unit<'v>(
        v: &'v Version,
        other: &Version,
        used: &HashSet<(String, usize)>,
    ) -> BTreeMap<&'static str, Vec<&'v Quantity>> {
        let elsewhere: HashSet<IntervalKey> = quantities(other)
            .map(|q| interval_key(&q.interval))
            .collect();
        let mut m: BTreeMap<&'static str, Vec<&Quantity>> = BTreeMap::new();
        for q in quantities(v) {
            if used.contains(&(v.path.clone(), q.start))
                || elsewhere.contains(&interval_key(&q.interval))
            {
                continue;
            }
            if let Some(unit) = shared_unit(q) {
                m.entry(unit).or_default().push(q);
            }
        }
        m
    }
    let (a, b) = (pair.a, pair.b);
    let (ua, ub) = (by_unit(a, b, used), by_unit(b, a, used));
    for (unit, qa) in &ua {
        let Some(qb) = ub.get(unit) else { continue };
        let ([x], [y]) = (qa.as_slice(), qb.as_slice()) else {
            continue;
        };
        let (ix, iy) = (&x.interval, &y.interval);
        if !close(ix, iy) {
            continue;
        }
        let how = if ix.disjoint(iy) {
            "do not overlap"
        } else if ix.contains(iy) || iy.contains(ix) {
            "differ in precision"
        } else {
            "overlap"
        };
        let slot = |q: &Quantity| {
            q.slot.as_ref().map_or("no slot".to_string(), |s| {
                format!("entity {}, predicate \"{}\"", s.entity, s.predicate)
            })
        };
        out.push(finding(
            crate::rules::number_conflict::ID,
            Severity::Warning,
            format!(
                "{} says \"{}\" where {} says \"{}\": the only {unit} count each gives that the other does not; {ix} and {iy} {how}",
                a.path, x.text, b.path, y.text
            ),
            vec![
                a.span(x.start, x.end, x.slot.as_ref().map(|s| s.entity.as_str()), x.section),
                b.span(y.start, y.end, y.slot.as_ref().map(|s| s.entity.as_str()), y.section),
            ],
            vec![format!(
                "paired by unit only: {} ({}), {} ({})",
                a.path,
                slot(x),
                b.path,
                slot(y)
            )],
        ));
        used.insert((a.path.clone(), x.start));
        used.insert((b.path.clone(), y.start));
    }
}

fn describe_slot(pair: &Pair<'_>, key: &NumberKey<'_>, latin: bool) -> String {
    format!(
        "the \"{}\" count ({}) of \"{}\"",
        key.predicate,
        key.unit,
        entity_name(pair, key.entity, latin)
    )
}

fn number_pair(pair: &Pair<'_>, key: &NumberKey<'_>, x: &Quantity, y: &Quantity) -> Finding {
    let (a, b) = (pair.a, pair.b);
    let what = describe_slot(pair, key, b.latin);
    let (ix, iy) = (&x.interval, &y.interval);
    let (severity, message) = if ix.disjoint(iy) {
        (
            Severity::Error,
            format!(
                "{} says \"{}\" where {} says \"{}\" for {what}: {} and {} do not overlap",
                a.path, x.text, b.path, y.text, ix, iy
            ),
        )
    } else if ix.contains(iy) || iy.contains(ix) {
        let (vague, precise) = if ix.contains(iy) { (x, y) } else { (y, x) };
        let (vp, pp) = if ix.contains(iy) {
            (&a.path, &b.path)
        } else {
            (&b.path, &a.path)
        };
        (
            Severity::Warning,
            format!(
                "\"{}\" ({vp}) is less precise than \"{}\" ({pp}) for {what}: {} lies inside {}",
                vague.text, precise.text, precise.interval, vague.interval
            ),
        )
    } else {
        (
            Severity::Info,
            format!(
                "\"{}\" ({}) and \"{}\" ({}) overlap without either containing the other for {what}: {} vs {}",
                x.text, a.path, y.text, b.path, ix, iy
            ),
        )
    };
    let mut notes = vec![format!(
        "slot: entity {}, predicate \"{}\", unit \"{}\"",
        key.entity, key.predicate, key.unit
    )];
    notes.extend(fact_note(pair, key, x, y));
    finding(
        crate::rules::number_conflict::ID,
        severity,
        message,
        vec![
            a.span(x.start, x.end, Some(key.entity), x.section),
            b.span(y.start, y.end, Some(key.entity), y.section),
        ],
        notes,
    )
}

/// Which of the two values the gazetteer's fact for the slot agrees with,
/// at each version's date: a note only when one agrees and the other does
/// not (then it says which version to trust).
fn fact_note(pair: &Pair<'_>, key: &NumberKey<'_>, x: &Quantity, y: &Quantity) -> Option<String> {
    let entity = pair.gazetteer().get(key.entity)?;
    let mut said = Vec::new();
    let mut agreeing = 0;
    for (v, q) in [(pair.a, x), (pair.b, y)] {
        let date = v.date?;
        let fact = entity.facts.iter().find(|f| {
            crate::claims::slots::fact_fits(f, key.predicate, key.unit)
                && f.from
                    .is_none_or(|from| from.first_day() <= date.last_day())
                && f.to.is_none_or(|to| to.last_day() >= date.first_day())
        })?;
        let &crate::gazetteer::FactValue::Exact(value) = fact.value.as_ref()? else {
            return None;
        };
        let agrees = q.interval.contains(&Interval::exact(value));
        agreeing += usize::from(agrees);
        said.push(format!(
            "{} (dated {date}): the gazetteer gives {}, which \"{}\" {}",
            v.path,
            crate::claims::numbers::show(value),
            q.text,
            if agrees { "agrees with" } else { "contradicts" }
        ));
    }
    (agreeing == 1).then(|| said.join("; "))
}

fn number_gap(
    pair: &Pair<'_>,
    key: &NumberKey<'_>,
    has: &Version,
    lacks: &Version,
    qs: &[&Quantity],
    out: &mut Vec<Finding>,
) {
    // A unit written in one language only can never be found in the other.
    if !is_shared(key.unit) {
        return;
    }
    // The other version may give the same value without binding it.
    let elsewhere: HashSet<IntervalKey> = quantities(lacks)
        .map(|q| interval_key(&q.interval))
        .collect();
    if qs
        .iter()
        .any(|q| elsewhere.contains(&interval_key(&q.interval)))
    {
        return;
    }
    let Some(first) = qs.iter().find(|q| q.section == SectionKind::Body) else {
        return;
    };
    let values: Vec<String> = qs.iter().map(|q| format!("\"{}\"", q.text)).collect();
    out.push(finding(
        VERSION_GAP,
        Severity::Info,
        format!(
            "only {} gives {} ({}); {} gives no such count",
            has.path,
            describe_slot(pair, key, has.latin),
            values.join(", "),
            lacks.path
        ),
        vec![has.span(first.start, first.end, Some(key.entity), first.section)],
        vec![format!(
            "slot: entity {}, predicate \"{}\", unit \"{}\"",
            key.entity, key.predicate, key.unit
        )],
    ));
}

type DateSlots<'v> = BTreeMap<(&'v str, &'static str), Vec<(&'v DateClaim, Resolved)>>;

/// `date-conflict` between the versions, slot by slot, then for dates
/// bound to no event: one full date left on each side that differs in one
/// part only (a day, a month or a year) is the same date mistyped.
pub(crate) fn dates(pair: &Pair<'_>, out: &mut Vec<Finding>) {
    fn collect(v: &Version) -> (DateSlots<'_>, Vec<(&DateClaim, Resolved)>) {
        let mut slots: DateSlots<'_> = BTreeMap::new();
        let mut every = Vec::new();
        for d in date_claims(v) {
            let r = resolve(d, v.date);
            if let Some(s) = &d.slot {
                slots
                    .entry((s.entity.as_str(), s.event))
                    .or_default()
                    .push((d, r));
            }
            every.push((d, r));
        }
        (slots, every)
    }
    let (a, b) = (pair.a, pair.b);
    let (sa, every_a) = collect(a);
    let (sb, every_b) = collect(b);
    let all_a: HashSet<Resolved> = every_a.iter().map(|x| x.1).collect();
    let all_b: HashSet<Resolved> = every_b.iter().map(|x| x.1).collect();
    let keys: BTreeSet<&(&str, &str)> = sa.keys().chain(sb.keys()).collect();
    // Dates already reported (version path, start).
    let mut used: HashSet<(String, usize)> = HashSet::new();
    let mut gaps = Vec::new();
    for key in keys {
        match (sa.get(key), sb.get(key)) {
            (Some(da), Some(db)) => {
                let ra: Vec<&(&DateClaim, Resolved)> = da.iter().collect();
                let rb: Vec<&(&DateClaim, Resolved)> = db.iter().collect();
                let mut ea = unmatched(&ra, &rb, |x| x.1);
                let mut eb = unmatched(&rb, &ra, |x| x.1);
                // The same date at another precision agrees.
                ea.retain(
                    |x| match eb.iter().position(|y| !conflict(&x.1, &y.1, true)) {
                        Some(i) => {
                            eb.remove(i);
                            false
                        }
                        None => true,
                    },
                );
                let unique = is_unique_event(key.1) || (ea.len() == 1 && eb.len() == 1);
                for (x, y) in ea.iter().zip(&eb) {
                    if conflict(&x.1, &y.1, unique) {
                        out.push(date_pair(pair, Some(key), x, y));
                        used.insert((a.path.clone(), x.0.start));
                        used.insert((b.path.clone(), y.0.start));
                    }
                }
            }
            (Some(ds), None) => gaps.push((key, a, b, ds, &all_b)),
            (None, Some(ds)) => gaps.push((key, b, a, ds, &all_a)),
            (None, None) => {}
        }
    }
    // Dates with a month (years alone are too often background:
    // "independence in 1946"), not yet reported, that the other version
    // gives nowhere: one left on each side, written at the same precision,
    // that differs in one of the parts both give, is one date mistyped
    // (bound to different events, or to none).
    fn left<'v>(
        every: &[(&'v DateClaim, Resolved)],
        v: &Version,
        other: &HashSet<Resolved>,
        used: &HashSet<(String, usize)>,
    ) -> Vec<(&'v DateClaim, Resolved)> {
        every
            .iter()
            .filter(|x| {
                x.1.month.is_some()
                    && !other.contains(&x.1)
                    && !used.contains(&(v.path.clone(), x.0.start))
            })
            .copied()
            .collect()
    }
    let la = left(&every_a, a, &all_b, &used);
    let lb = left(&every_b, b, &all_a, &used);
    if let ([x], [y]) = (la.as_slice(), lb.as_slice()) {
        let years_differ = matches!((x.1.year, y.1.year), (Some(p), Some(q)) if p != q);
        let differ = usize::from(years_differ)
            + usize::from(x.1.month != y.1.month)
            + usize::from(x.1.day != y.1.day);
        if differ == 1 && x.1.day.is_some() == y.1.day.is_some() {
            out.push(date_pair(pair, None, x, y));
            used.insert((a.path.clone(), x.0.start));
            used.insert((b.path.clone(), y.0.start));
        }
    }
    for (key, has, lacks, ds, elsewhere) in gaps {
        if !ds
            .iter()
            .any(|(d, _)| used.contains(&(has.path.clone(), d.start)))
        {
            date_gap(pair, key, has, lacks, ds, elsewhere, out);
        }
    }
}

fn date_pair(
    pair: &Pair<'_>,
    key: Option<&(&str, &str)>,
    x: &(&DateClaim, Resolved),
    y: &(&DateClaim, Resolved),
) -> Finding {
    let (a, b) = (pair.a, pair.b);
    let ((dx, rx), (dy, ry)) = (x, y);
    let entity = key.map(|k| k.0);
    let (severity, what, note) = match key {
        Some((entity, event)) => (
            Severity::Error,
            format!(
                "the {event} of \"{}\"",
                entity_name(pair, entity, b.latin)
            ),
            format!("event slot: entity {entity}, event \"{event}\""),
        ),
        None => (
            Severity::Warning,
            "what may be the same date".to_string(),
            "the two dates are not bound to one event; each is the only dated month or day of its version that the other does not give, and they differ in one part".to_string(),
        ),
    };
    finding(
        crate::rules::date_conflict::ID,
        severity,
        format!(
            "{} dates {what} \"{}\" ({rx}) where {} says \"{}\" ({ry})",
            a.path, dx.text, b.path, dy.text
        ),
        vec![
            a.span(dx.start, dx.end, entity, dx.section),
            b.span(dy.start, dy.end, entity, dy.section),
        ],
        vec![note],
    )
}

fn date_gap(
    pair: &Pair<'_>,
    key: &(&str, &str),
    has: &Version,
    lacks: &Version,
    ds: &[(&DateClaim, Resolved)],
    elsewhere: &HashSet<Resolved>,
    out: &mut Vec<Finding>,
) {
    if ds.iter().any(|(_, r)| {
        elsewhere
            .iter()
            .any(|o| !conflict(r, o, true) && o.year == r.year)
    }) {
        return;
    }
    let Some((first, _)) = ds.iter().find(|(d, _)| d.section == SectionKind::Body) else {
        return;
    };
    let values: Vec<String> = ds
        .iter()
        .map(|(d, r)| format!("\"{}\" ({r})", d.text))
        .collect();
    out.push(finding(
        VERSION_GAP,
        Severity::Info,
        format!(
            "only {} dates the {} of \"{}\" ({}); {} gives no such date",
            has.path,
            key.1,
            entity_name(pair, key.0, has.latin),
            values.join(", "),
            lacks.path
        ),
        vec![has.span(first.start, first.end, Some(key.0), first.section)],
        vec![format!("event slot: entity {}, event \"{}\"", key.0, key.1)],
    ));
}

/// What `quote-drift` reported: quantities (version path, start) and
/// entity ids inside quotes that differ.
#[derive(Debug, Default)]
pub(crate) struct Quoted {
    pub quantities: HashSet<(String, usize)>,
    pub names: HashSet<String>,
}

/// What a quote says that can be compared across languages.
struct QuoteFacts<'v> {
    quote: &'v Quote,
    /// Numbers and dates inside it: (comparison key, shown value, start, end).
    values: Vec<(String, String, usize, usize)>,
    /// Entity ids named inside it, with the first mention's range.
    names: BTreeMap<String, (usize, usize)>,
}

fn quote_facts(v: &Version) -> BTreeMap<String, Vec<QuoteFacts<'_>>> {
    let mut by_speaker: BTreeMap<String, Vec<QuoteFacts<'_>>> = BTreeMap::new();
    for quote in quote_claims(v) {
        let Some(speaker) = &quote.speaker else {
            continue;
        };
        let inside = |s: usize, e: usize| s >= quote.start && e <= quote.end;
        let mut values = Vec::new();
        for q in quantities(v).filter(|q| inside(q.start, q.end)) {
            values.push((
                format!("n{}", q.interval),
                q.interval.to_string(),
                q.start,
                q.end,
            ));
        }
        for d in date_claims(v).filter(|d| inside(d.start, d.end)) {
            let r = resolve(d, v.date);
            values.push((format!("d{r}"), r.to_string(), d.start, d.end));
        }
        values.sort_by_key(|x| x.2);
        let mut names = BTreeMap::new();
        for m in &v.report.mentions {
            if let Some(id) = &m.entity_id {
                if inside(m.start, m.end) && **id != **speaker {
                    names.entry(id.to_string()).or_insert((m.start, m.end));
                }
            }
        }
        by_speaker
            .entry(speaker.clone())
            .or_default()
            .push(QuoteFacts {
                quote,
                values,
                names,
            });
    }
    by_speaker
}

/// How much two quotes share: numbers and names in common.
fn shared(x: &QuoteFacts<'_>, y: &QuoteFacts<'_>) -> usize {
    let ys: BTreeSet<&str> = y.values.iter().map(|v| v.0.as_str()).collect();
    x.values
        .iter()
        .filter(|v| ys.contains(v.0.as_str()))
        .count()
        + x.names.keys().filter(|n| y.names.contains_key(*n)).count()
}

/// `quote-drift` between the versions: one speaker's quotes, paired (in
/// order when both versions quote them as often, else by the numbers and
/// names they share), disagree on a number or a name inside them. Returns
/// what it reported, for the other comparisons to leave alone.
pub(crate) fn quotes(pair: &Pair<'_>, out: &mut Vec<Finding>) -> Quoted {
    let (a, b) = (pair.a, pair.b);
    let qa = quote_facts(a);
    let qb = quote_facts(b);
    let mut reported = Quoted::default();
    for (speaker, xs) in &qa {
        let Some(ys) = qb.get(speaker) else {
            continue;
        };
        let mut pairs: Vec<(&QuoteFacts<'_>, &QuoteFacts<'_>)> = Vec::new();
        if xs.len() == ys.len() {
            pairs.extend(xs.iter().zip(ys));
        } else {
            let mut taken = vec![false; ys.len()];
            for x in xs {
                let best = ys
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| !taken[*i])
                    .map(|(i, y)| (shared(x, y), i))
                    .filter(|(n, _)| *n > 0)
                    .max_by_key(|&(n, i)| (n, std::cmp::Reverse(i)));
                if let Some((_, i)) = best {
                    taken[i] = true;
                    pairs.push((x, &ys[i]));
                }
            }
        }
        for (x, y) in pairs {
            if let Some(f) = quote_pair(pair, speaker, x, y, &mut reported) {
                out.push(f);
            }
        }
    }
    reported
}

fn quote_pair(
    pair: &Pair<'_>,
    speaker: &str,
    x: &QuoteFacts<'_>,
    y: &QuoteFacts<'_>,
    reported: &mut Quoted,
) -> Option<Finding> {
    let (a, b) = (pair.a, pair.b);
    let xv: Vec<&(String, String, usize, usize)> = x.values.iter().collect();
    let yv: Vec<&(String, String, usize, usize)> = y.values.iter().collect();
    let ex = unmatched(&xv, &yv, |v| v.0.clone());
    let ey = unmatched(&yv, &xv, |v| v.0.clone());
    let name_x: Vec<(&String, &(usize, usize))> = x
        .names
        .iter()
        .filter(|(n, _)| !y.names.contains_key(*n))
        .collect();
    let name_y: Vec<(&String, &(usize, usize))> = y
        .names
        .iter()
        .filter(|(n, _)| !x.names.contains_key(*n))
        .collect();
    let who = entity_name(pair, speaker, b.latin);
    let mut spans = Vec::new();
    let mut differences = Vec::new();
    if !ex.is_empty() && !ey.is_empty() {
        for v in &ex {
            spans.push(a.span(v.2, v.3, None, x.quote.section));
            reported.quantities.insert((a.path.clone(), v.2));
        }
        for v in &ey {
            spans.push(b.span(v.2, v.3, None, y.quote.section));
            reported.quantities.insert((b.path.clone(), v.2));
        }
        let show = |vs: &[&(String, String, usize, usize)], v: &Version| {
            let texts: Vec<String> = vs
                .iter()
                .map(|x| format!("\"{}\"", v.text().get(x.2..x.3).unwrap_or("")))
                .collect();
            texts.join(", ")
        };
        differences.push(format!(
            "{} has {} where {} has {}",
            a.path,
            show(&ex, a),
            b.path,
            show(&ey, b)
        ));
    }
    if !name_x.is_empty() && !name_y.is_empty() {
        reported
            .names
            .extend(name_x.iter().chain(&name_y).map(|(n, _)| n.to_string()));
        for (id, r) in &name_x {
            spans.push(a.span(r.0, r.1, Some(id.as_str()), x.quote.section));
        }
        for (id, r) in &name_y {
            spans.push(b.span(r.0, r.1, Some(id.as_str()), y.quote.section));
        }
        let ids = |ns: &[(&String, &(usize, usize))], v: &Version| {
            let shown: Vec<String> = ns
                .iter()
                .map(|(n, r)| format!("\"{}\" ({n})", v.text().get(r.0..r.1).unwrap_or("")))
                .collect();
            shown.join(", ")
        };
        differences.push(format!(
            "{} names {} where {} names {}",
            a.path,
            ids(&name_x, a),
            b.path,
            ids(&name_y, b)
        ));
    }
    if differences.is_empty() {
        return None;
    }
    // The A span first, so the finding is filed under the first version.
    spans.sort_by_key(|s| (s.path.as_deref() != Some(a.path.as_str()), s.start));
    Some(finding(
        crate::rules::quote_drift::ID,
        Severity::Error,
        format!(
            "the two versions quote \"{who}\" differently: {}",
            differences.join("; ")
        ),
        spans,
        vec![
            format!("{}: «{}»", a.path, x.quote.text),
            format!("{}: «{}»", b.path, y.quote.text),
            "quotes are compared across languages by speaker, numbers and names, not wording"
                .to_string(),
        ],
    ))
}
