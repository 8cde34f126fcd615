//! Quotes: text inside «…», "…", “…” or '…' (all folded to `"` or `'`),
//! attributed to the tagged person nearest the speech verb before it
//! (قال، أضاف، أكد، صرّح، قائلاً، said, told…) or just after it ("…», قال
//! ترامب"). A quote without a speaker is kept but never compared.

use serde::Serialize;

use super::slots::Referents;
use super::tokens::{clitic_forms, TokenKind, Tokens};
use crate::gazetteer::{EntityIndex, EntityKind, Gazetteer};
use crate::segment::SectionKind;

/// A word of a quote, for comparing wordings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct QuoteWord {
    /// Folded, for comparison.
    pub folded: String,
    /// As written, for the word diff.
    pub original: String,
    /// Whether it lies inside a tagged mention.
    pub entity: bool,
}

/// A quotation read from the draft.
#[derive(Debug, Clone, Serialize)]
pub struct Quote {
    /// Original byte range of the quoted text (without the marks).
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub section: SectionKind,
    /// The speaker's entity id, when one was found.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    #[serde(skip)]
    pub speaker_index: Option<EntityIndex>,
    #[serde(skip)]
    pub(crate) words: Vec<QuoteWord>,
}

fn is_speech_verb(word: &str) -> bool {
    clitic_forms(word).iter().any(|w| {
        matches!(
            w.as_ref(),
            "قال"
                | "قالت"
                | "يقول"
                | "تقول"
                | "قوله"
                | "قولها"
                | "قائلا"
                | "قائله"
                | "اضاف"
                | "اضافت"
                | "يضيف"
                | "اكد"
                | "اكدت"
                | "يؤكد"
                | "صرح"
                | "صرحت"
                | "اعلن"
                | "اعلنت"
                | "اوضح"
                | "اوضحت"
                | "تابع"
                | "تابعت"
                | "علق"
                | "علقت"
                | "كتب"
                | "كتبت"
                | "غرد"
                | "اعتبر"
                | "اعتبرت"
                | "said"
                | "says"
                | "say"
                | "told"
                | "tells"
                | "added"
                | "stated"
                | "declared"
                | "wrote"
                | "saying"
        )
    })
}

/// Reads every quote of a draft.
pub(crate) fn extract(
    t: &Tokens<'_>,
    text: &str,
    referents: &Referents,
    gazetteer: &Gazetteer,
) -> Vec<Quote> {
    let mut out = Vec::new();
    // (open token, mark) of the quote being read.
    let mut open: Option<(usize, &str)> = None;
    let mut last_close = 0usize;
    for i in 0..t.len() {
        let tok = &t.list[i];
        if let Some((o, _)) = open {
            if t.list[o].paragraph != tok.paragraph {
                open = None;
            }
        }
        if tok.kind != TokenKind::Punct {
            continue;
        }
        let mark = t.text(i);
        let adjacent_word = |k: usize, before: bool| -> bool {
            let Some(other) = t.list.get(k) else {
                return false;
            };
            let touching = if before {
                other.folded.end == tok.folded.start
            } else {
                other.folded.start == tok.folded.end
            };
            touching && other.kind != TokenKind::Punct
        };
        let prev_word = i > 0 && adjacent_word(i - 1, true);
        let next_word = adjacent_word(i + 1, false);
        match (mark, open) {
            ("\"", None) => open = Some((i, "\"")),
            ("'", None) if !prev_word && next_word => open = Some((i, "'")),
            ("\"", Some((o, "\""))) => {
                open = None;
                if let Some(q) = quote(t, text, o, i, last_close, referents, gazetteer) {
                    out.push(q);
                }
                last_close = i;
            }
            ("'", Some((o, "'"))) if !next_word => {
                open = None;
                if let Some(q) = quote(t, text, o, i, last_close, referents, gazetteer) {
                    out.push(q);
                }
                last_close = i;
            }
            _ => {}
        }
    }
    out
}

fn quote(
    t: &Tokens<'_>,
    text: &str,
    open: usize,
    close: usize,
    last_close: usize,
    referents: &Referents,
    gazetteer: &Gazetteer,
) -> Option<Quote> {
    if close <= open + 1 || !t.list[open].checked {
        return None;
    }
    let start = t.list[open].original.end;
    let end = t.list[close].original.start;
    let inner = text.get(start..end)?;
    let trimmed_start = start + (inner.len() - inner.trim_start().len());
    let trimmed_end = end - (inner.len() - inner.trim_end().len());
    let mentions_in = |k: usize| {
        let tok = &t.list[k];
        let at = referents
            .list
            .partition_point(|r| r.end <= tok.folded.start);
        referents
            .list
            .get(at)
            .is_some_and(|r| r.start <= tok.folded.start && tok.folded.end <= r.end)
    };
    let words: Vec<QuoteWord> = (open + 1..close)
        .filter(|&k| t.list[k].kind != TokenKind::Punct)
        .map(|k| QuoteWord {
            folded: t.text(k).to_string(),
            original: text
                .get(t.list[k].original.clone())
                .unwrap_or("")
                .to_string(),
            entity: mentions_in(k),
        })
        .collect();
    if words.is_empty() {
        return None;
    }
    let speaker = speaker(t, open, close, last_close, referents, gazetteer);
    Some(Quote {
        start: trimmed_start,
        end: trimmed_end,
        text: text
            .get(trimmed_start..trimmed_end)
            .unwrap_or("")
            .to_string(),
        section: t.list[open].section,
        speaker: speaker.map(|e| gazetteer.entity(e).id.clone()),
        speaker_index: speaker,
        words,
    })
}

/// The person nearest the speech verb before the quote (within 30 tokens of
/// the same paragraph, after the previous quote), else after the quote in
/// its sentence ("…», قال ترامب"). Organizations speak when no person does.
fn speaker(
    t: &Tokens<'_>,
    open: usize,
    close: usize,
    last_close: usize,
    referents: &Referents,
    gazetteer: &Gazetteer,
) -> Option<EntityIndex> {
    let paragraph = t.list[open].paragraph;
    let floor = open
        .saturating_sub(30)
        .max(if last_close > 0 { last_close + 1 } else { 0 });
    let verb = (floor..open)
        .rev()
        .take_while(|&k| t.list[k].paragraph == paragraph)
        .find(|&k| t.is_word(k) && is_speech_verb(t.text(k)));
    let (from, to, anchor) = match verb {
        Some(v) => {
            let lo = (floor..=v)
                .rev()
                .take_while(|&k| t.list[k].paragraph == paragraph)
                .last()
                .unwrap_or(v);
            (lo, open, v)
        }
        None => {
            let after = (close + 1..(close + 8).min(t.len()))
                .take_while(|&k| t.same_sentence(k, close) || t.list[k].paragraph == paragraph)
                .find(|&k| t.is_word(k) && is_speech_verb(t.text(k)))?;
            (after, (after + 8).min(t.len()), after)
        }
    };
    let lo = t.list.get(from)?.folded.start;
    let hi = t.list.get(to.saturating_sub(1).max(from))?.folded.end;
    let at = t.list.get(anchor)?.folded.start;
    let anchor_sentence = t.list.get(anchor)?.sentence;
    let first = referents.list.partition_point(|r| r.start < lo);
    // Rank: a person after the verb ("قال ترامب"), then a person before it
    // in its sentence ("ترامب قال"), then organizations the same way.
    let mut best: Option<(u8, usize, EntityIndex)> = None;
    for r in referents.list[first..].iter().take_while(|r| r.end <= hi) {
        let after = r.start >= at;
        if !after && r.sentence != anchor_sentence {
            continue;
        }
        let rank = match (gazetteer.entity(r.entity).kind, after) {
            (EntityKind::Person, true) => 4,
            (EntityKind::Person, false) => 3,
            (EntityKind::Organization, true) => 2,
            (EntityKind::Organization, false) => 1,
            (EntityKind::Place, _) => continue,
        };
        let distance = if after { r.start - at } else { at - r.end };
        let better = match best {
            None => true,
            Some((k, d, _)) => rank > k || (rank == k && distance < d),
        };
        if better {
            best = Some((rank, distance, r.entity));
        }
    }
    if best.is_some_and(|(rank, _, _)| rank >= 3) {
        return best.map(|(_, _, e)| e);
    }
    // A bare surname next to the verb or after عن ("عن باراك قوله", "قال
    // باراك"), naming a person fully mentioned earlier.
    let near = [anchor.checked_sub(1), Some(anchor + 1)];
    for k in near.into_iter().flatten() {
        if k >= t.len() || !t.is_word(k) || !t.same_sentence(k, anchor) {
            continue;
        }
        if let Some(e) = referents.surname(t.text(k), t.list[k].folded.start) {
            return Some(e);
        }
    }
    best.map(|(_, _, e)| e)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::fold;

    fn quotes_of(text: &str) -> Vec<String> {
        let folded = fold(text);
        let t = Tokens::new(&folded, None);
        let Ok(gazetteer) = Gazetteer::from_yaml(&[]) else {
            return Vec::new();
        };
        let referents = Referents {
            list: Vec::new(),
            surnames: Vec::new(),
        };
        extract(&t, text, &referents, &gazetteer)
            .into_iter()
            .map(|q| q.text)
            .collect()
    }

    struct Case {
        text: &'static str,
        want: &'static [&'static str],
    }

    #[test]
    fn quote_marks() {
        let cases = [
            // Guillemets.
            Case {
                text: "قال: «لن ننسحب من سوريا».",
                want: &["لن ننسحب من سوريا"],
            },
            // Curly double quotes, across sentence ends.
            Case {
                text: "قائلاً: “سوف نلتقي. إنها منطقة صعبة.”",
                want: &["سوف نلتقي. إنها منطقة صعبة."],
            },
            // Straight double quotes.
            Case {
                text: "he said \"we will meet\" today",
                want: &["we will meet"],
            },
            // Single quotes, but not apostrophes.
            Case {
                text: "Trump's aide said 'we will meet' and left",
                want: &["we will meet"],
            },
            // Unbalanced marks give nothing.
            Case {
                text: "قال «لن ننسحب",
                want: &[],
            },
        ];
        for case in cases {
            assert_eq!(quotes_of(case.text), case.want, "{}", case.text);
        }
    }
}
