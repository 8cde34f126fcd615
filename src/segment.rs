//! Segmentation: a draft split into sections, paragraphs and sentences, with
//! the regions that are never checked (front matter, code, URLs) set aside.
//!
//! All offsets are byte offsets into the original text, on character
//! boundaries. The whole pass is linear in the length of the draft: lines are
//! visited once, every paragraph is folded once, and boilerplate markers are
//! found with one automaton.
//!
//! The steps, in order:
//!
//! 1. Skipped regions: front matter, and in Markdown fenced code, HTML
//!    comments, inline code and link targets; in plain text `# tadqiq-ignore`
//!    lines; URLs in both formats.
//! 2. Paragraphs: text between blank lines; list items and Markdown headings
//!    stand alone. Lines covered only by block skips (code, front matter,
//!    comments) separate paragraphs.
//! 3. Kinds: a paragraph that is exactly an appended marker opens an appended
//!    part (and is itself skipped); paragraphs holding a boilerplate marker,
//!    and footer debris around them, are boilerplate.
//! 4. Sections (runs of one kind) and sentences.

use std::collections::HashSet;
use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickKind, Anchored, Input, MatchKind, StartKind};

use crate::normalize::{fold_str, Folded};

/// Which part of a draft a piece of text belongs to (DESIGN.md §6 "Sections").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SectionKind {
    /// The article itself.
    Body,
    /// Material appended after a marker such as "إقرأ أيضاً" or "Read more".
    Appended,
    /// Copyright lines, share links, disclaimers: never checked.
    Boilerplate,
}

impl SectionKind {
    /// The lowercase name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            SectionKind::Body => "body",
            SectionKind::Appended => "appended",
            SectionKind::Boilerplate => "boilerplate",
        }
    }
}

/// The marker phrases that open appended parts and mark boilerplate.
///
/// Both lists are compared on folded text (see [`crate::normalize`]), so
/// diacritics, alef forms and Latin case do not matter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionMarkers {
    /// Phrases that, alone on a line (optionally followed by ':'), open an appended part.
    pub appended: Vec<String>,
    /// Phrases whose presence makes a paragraph boilerplate.
    pub boilerplate: Vec<String>,
}

impl Default for SectionMarkers {
    fn default() -> Self {
        let owned = |list: &[&str]| list.iter().map(|s| s.to_string()).collect();
        SectionMarkers {
            appended: owned(&[
                "إقرأ أيضاً",
                "اقرأ أيضا",
                "اقرأ أيضاً",
                "إقرأ أيضا",
                "مقالات مشابهة",
                "مقالات ذات صلة",
                "مواضيع ذات صلة",
                "اقرأ المزيد",
                "Read more",
                "Read also",
                "Related",
                "Related articles",
                "See also",
                "More on this",
            ]),
            boilerplate: owned(&[
                "جميع الحقوق محفوظة",
                "All rights reserved",
                "©",
                "الآراء الواردة في",
                "لا تعكس بالضرورة",
                "كلمات دلالية",
                "المصدر:",
                "تابعونا على",
                "تابعنا على",
                "Follow us",
                "Share this",
                "شارك هذا",
                "Copyright",
            ]),
        }
    }
}

/// Whether the draft is Markdown (front matter, code and HTML comments are
/// skipped) or plain text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Plain,
}

/// A contiguous part of the draft with one [`SectionKind`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub kind: SectionKind,
    /// From the start of the first paragraph to the end of the last one.
    pub range: Range<usize>,
    /// Number of this part among the parts of its kind, from 0. An appended
    /// part interrupted by boilerplate keeps its number when it resumes.
    pub index: usize,
}

/// A paragraph: text between blank lines (or a Markdown list item).
///
/// The range excludes list bullets, heading `#`s and surrounding whitespace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    pub range: Range<usize>,
    pub section: SectionKind,
    /// Index into [`Document::sections`].
    pub section_index: usize,
}

/// A sentence inside a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub range: Range<usize>,
    /// Index into [`Document::paragraphs`].
    pub paragraph: usize,
}

/// A segmented draft.
#[derive(Debug, Clone, Default)]
pub struct Document {
    pub sections: Vec<Section>,
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
    /// Regions never checked: front matter, fenced and inline code, URLs,
    /// HTML comments, marker lines themselves. Sorted, non-overlapping.
    pub skipped: Vec<Range<usize>>,
    /// `date:` from the front matter, as written.
    pub front_matter_date: Option<String>,
}

impl Document {
    /// The kind of section `offset` lies in. An offset between sections (a
    /// blank line, a marker line) belongs to the section before it; an offset
    /// before the first section is body.
    pub fn section_at(&self, offset: usize) -> SectionKind {
        let i = self.sections.partition_point(|s| s.range.start <= offset);
        match i.checked_sub(1) {
            Some(i) => self.sections[i].kind,
            None => SectionKind::Body,
        }
    }

    /// The index of the paragraph containing `offset`, if any.
    pub fn paragraph_at(&self, offset: usize) -> Option<usize> {
        let i = self.paragraphs.partition_point(|p| p.range.start <= offset);
        let i = i.checked_sub(1)?;
        self.paragraphs[i].range.contains(&offset).then_some(i)
    }

    /// The index of the sentence containing `offset`, if any.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.range.start <= offset);
        let i = i.checked_sub(1)?;
        self.sentences[i].range.contains(&offset).then_some(i)
    }

    /// Whether `range` touches a skipped region. An empty range is skipped
    /// when its position lies inside one.
    pub fn is_skipped(&self, range: &Range<usize>) -> bool {
        // The first region that ends after the start is the only candidate,
        // since regions are sorted and disjoint.
        let i = self.skipped.partition_point(|s| s.end <= range.start);
        match self.skipped.get(i) {
            Some(s) if range.is_empty() => s.start <= range.start,
            Some(s) => s.start < range.end,
            None => false,
        }
    }
}

/// Splits `text` into sections, paragraphs and sentences.
///
/// Never panics; unterminated front matter, code fences and HTML comments run
/// to the end of the text.
pub fn segment(text: &str, markers: &SectionMarkers, format: Format) -> Document {
    segment_with(text, None, markers, format)
}

/// As [`segment`], looking for boilerplate markers in `folded` (the fold of
/// `text`, made once per draft) instead of folding every paragraph again.
pub(crate) fn segment_folded(
    text: &str,
    folded: &Folded,
    markers: &SectionMarkers,
    format: Format,
) -> Document {
    segment_with(text, Some(folded), markers, format)
}

fn segment_with(
    text: &str,
    folded: Option<&Folded>,
    markers: &SectionMarkers,
    format: Format,
) -> Document {
    let mut doc = Document::default();
    let skips = find_skips(text, format, &mut doc.front_matter_date);
    let blocks = find_blocks(text, format, &skips);
    let matcher = MarkerMatcher::cached(markers);
    matcher.count_draft(text.len());
    let blocks = classify(text, folded, blocks, &matcher, format);

    let mut skipped: Vec<Range<usize>> = skips.into_iter().map(|s| s.range).collect();
    // (appended part, its section number) for the latest part: parts only
    // grow, so a part resumed after boilerplate is always the latest one.
    let mut latest_part: Option<(usize, usize)> = None;
    let mut counts = [0usize; 3];
    let mut previous: Option<(SectionKind, Option<usize>)> = None;
    for block in &blocks {
        let Some((kind, part)) = block.role else {
            skipped.push(block.range.clone());
            previous = None;
            continue;
        };
        if previous != Some((kind, part)) {
            let index = match (kind, part) {
                (SectionKind::Appended, Some(part)) => match latest_part {
                    Some((p, n)) if p == part => n,
                    _ => {
                        let n = latest_part.map_or(0, |(_, n)| n + 1);
                        latest_part = Some((part, n));
                        n
                    }
                },
                _ => {
                    let slot = &mut counts[kind as usize];
                    *slot += 1;
                    *slot - 1
                }
            };
            doc.sections.push(Section {
                kind,
                range: block.range.clone(),
                index,
            });
            previous = Some((kind, part));
        }
        let section_index = doc.sections.len() - 1;
        doc.sections[section_index].range.end = block.range.end;
        doc.paragraphs.push(Paragraph {
            range: block.range.clone(),
            section: kind,
            section_index,
        });
    }

    skipped.sort_by_key(|r| r.start);
    doc.skipped = merge(skipped);
    for (index, paragraph) in doc.paragraphs.iter().enumerate() {
        split_sentences(
            text,
            paragraph.range.clone(),
            index,
            &doc.skipped,
            &mut doc.sentences,
        );
    }
    doc
}

// ---------------------------------------------------------------------------
// Lines

/// One line of the text: `start..end` excludes the line break (`\n` or
/// `\r\n`); `next` is where the following line starts.
#[derive(Debug, Clone, Copy)]
struct Line {
    start: usize,
    end: usize,
    next: usize,
}

fn lines_from(text: &str, from: usize) -> impl Iterator<Item = Line> + '_ {
    let mut start = from;
    std::iter::from_fn(move || {
        if start >= text.len() {
            return None;
        }
        let (end, next) = match text[start..].find('\n') {
            Some(i) => (start + i, start + i + 1),
            None => (text.len(), text.len()),
        };
        let end = if text[start..end].ends_with('\r') {
            end - 1
        } else {
            end
        };
        let line = Line { start, end, next };
        start = next;
        Some(line)
    })
}

// ---------------------------------------------------------------------------
// Skipped regions

/// A skipped region. Block skips (front matter, fenced code, a comment on its
/// own lines) separate paragraphs; inline ones (URLs, code spans) do not.
#[derive(Debug, Clone)]
struct Skip {
    range: Range<usize>,
    block: bool,
}

/// Finds the skipped regions in text order, without overlaps.
fn find_skips(text: &str, format: Format, date: &mut Option<String>) -> Vec<Skip> {
    let mut skips = Vec::new();
    let body_start = front_matter(text, date, &mut skips);
    let markdown = format == Format::Markdown;

    let mut fence: Option<(u8, usize, usize)> = None; // (char, length, start)
    let mut comment: Option<usize> = None; // start of an open HTML comment
    for line in lines_from(text, body_start) {
        let content = &text[line.start..line.end];
        if let Some((ch, len, start)) = fence {
            if is_fence_close(content, ch, len) {
                skips.push(Skip {
                    range: start..line.end,
                    block: true,
                });
                fence = None;
            }
            continue;
        }
        // A plain-text suppression directive ("# tadqiq-ignore RULE: reason")
        // is an instruction to the tool, not draft text.
        if !markdown && comment.is_none() && is_directive_line(content) {
            skips.push(Skip {
                range: line.start..line.end,
                block: true,
            });
            continue;
        }
        let mut pos = line.start;
        if let Some(start) = comment {
            match content.find("-->") {
                Some(i) => {
                    let end = line.start + i + 3;
                    skips.push(Skip {
                        range: start..end,
                        block: true,
                    });
                    pos = end;
                }
                None => continue,
            }
        } else if markdown {
            if let Some((ch, len)) = fence_open(content) {
                fence = Some((ch, len, line.start));
                continue;
            }
        }
        comment = scan_inline(text, pos, line.end, markdown, &mut skips);
    }
    if let Some((_, _, start)) = fence {
        skips.push(Skip {
            range: start..text.len(),
            block: true,
        });
    }
    if let Some(start) = comment {
        skips.push(Skip {
            range: start..text.len(),
            block: true,
        });
    }
    skips
}

/// `# tadqiq-ignore …` or `# tadqiq-ignore-file …` on its own line.
fn is_directive_line(line: &str) -> bool {
    line.trim_start()
        .strip_prefix('#')
        .is_some_and(|rest| rest.trim_start().starts_with("tadqiq-ignore"))
}

/// Records front matter (a first line `---` up to the next `---` or `...`
/// line, or the end of the text) and returns where the rest begins.
fn front_matter(text: &str, date: &mut Option<String>, skips: &mut Vec<Skip>) -> usize {
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let mut lines = lines_from(text, bom);
    match lines.next() {
        Some(first) if text[first.start..first.end].trim_end() == "---" => {}
        _ => return 0,
    }
    let mut end = text.len();
    for line in lines {
        let content = text[line.start..line.end].trim_end();
        if content == "---" || content == "..." {
            end = line.next;
            break;
        }
        if let Some(value) = content.strip_prefix("date:") {
            let value = strip_quotes(value.trim());
            if date.is_none() && !value.is_empty() {
                *date = Some(value.to_string());
            }
        }
    }
    skips.push(Skip {
        range: 0..end,
        block: true,
    });
    end
}

fn strip_quotes(value: &str) -> &str {
    for q in ['"', '\''] {
        if let Some(inner) = value.strip_prefix(q).and_then(|v| v.strip_suffix(q)) {
            return inner.trim();
        }
    }
    value
}

/// A Markdown code fence opener: up to three spaces, then three or more
/// backticks or tildes. Returns the fence character and length.
fn fence_open(line: &str) -> Option<(u8, usize)> {
    let trimmed = line.trim_start_matches(' ');
    if line.len() - trimmed.len() > 3 {
        return None;
    }
    let ch = *trimmed.as_bytes().first()?;
    if ch != b'`' && ch != b'~' {
        return None;
    }
    let len = trimmed.bytes().take_while(|&b| b == ch).count();
    // A backtick fence's info string may not hold backticks (CommonMark).
    if len < 3 || (ch == b'`' && trimmed[len..].contains('`')) {
        return None;
    }
    Some((ch, len))
}

fn is_fence_close(line: &str, ch: u8, len: usize) -> bool {
    let trimmed = line.trim_start_matches(' ');
    if line.len() - trimmed.len() > 3 {
        return false;
    }
    let run = trimmed.bytes().take_while(|&b| b == ch).count();
    run >= len && trimmed[run..].trim().is_empty()
}

/// Scans `start..end` (one line) for inline skips. Returns the start of an
/// HTML comment left open at the end of the line.
fn scan_inline(
    text: &str,
    start: usize,
    end: usize,
    markdown: bool,
    skips: &mut Vec<Skip>,
) -> Option<usize> {
    let bytes = text.as_bytes();
    // Backtick run lengths known to have no closing run later on this line;
    // remembering them keeps a line full of stray backticks linear.
    let mut unclosed: HashSet<usize> = HashSet::new();
    let mut i = start;
    while i < end {
        // Only a URL (h, w) or, in Markdown, a comment, code span or link
        // target (<, `, ]) starts at a byte: pass over the others in one go.
        match next_inline_start(&bytes[i..end], markdown) {
            Some(n) => i += n,
            None => break,
        }
        let b = bytes[i];
        if markdown && b == b'<' && text[i..end].starts_with("<!--") {
            match text[i + 4..end].find("-->") {
                Some(j) => {
                    let close = i + 4 + j + 3;
                    let alone =
                        text[start..i].trim().is_empty() && text[close..end].trim().is_empty();
                    skips.push(Skip {
                        range: i..close,
                        block: alone,
                    });
                    i = close;
                    continue;
                }
                None => return Some(i),
            }
        }
        if markdown && b == b'`' {
            let run = bytes[i..end].iter().take_while(|&&c| c == b'`').count();
            if !unclosed.contains(&run) {
                if let Some(close) = closing_backticks(&bytes[i + run..end], run) {
                    let close_end = i + run + close + run;
                    skips.push(Skip {
                        range: i..close_end,
                        block: false,
                    });
                    i = close_end;
                    continue;
                }
                unclosed.insert(run);
            }
            i += run;
            continue;
        }
        if markdown && b == b']' && bytes.get(i + 1) == Some(&b'(') {
            if let Some(close) = link_target_end(&bytes[i + 1..end]) {
                let target_end = i + 1 + close;
                skips.push(Skip {
                    range: i + 1..target_end,
                    block: false,
                });
                i = target_end;
                continue;
            }
        }
        if let Some(url_end) = url_at(text, i, end) {
            skips.push(Skip {
                range: i..url_end,
                block: false,
            });
            i = url_end;
            continue;
        }
        i += 1;
    }
    None
}

/// Whether byte `b` can start an inline skip: h or w in either case (a
/// URL), and in Markdown `<`, `` ` `` and `]`.
#[inline]
fn starts_inline(b: u8, markdown: bool) -> bool {
    matches!(b | 0x20, b'h' | b'w') || (markdown && matches!(b, b'<' | b'`' | b']'))
}

/// The first offset in `bytes` of a byte that [`starts_inline`], looking
/// at eight bytes at a time: most of a draft (Arabic letters, spaces)
/// holds none, and a word of eight bytes is tested for all five bytes at
/// once. A word that may hold one is looked at byte by byte.
fn next_inline_start(bytes: &[u8], markdown: bool) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    // Exactly whether some byte of `v` is zero.
    let has_zero = |v: u64| v.wrapping_sub(ONES) & !v & HIGHS != 0;
    let has = |v: u64, b: u8| has_zero(v ^ (ONES * u64::from(b)));
    let mut chunks = bytes.chunks_exact(8);
    let mut at = 0;
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let v = u64::from_le_bytes(word);
        let lower = v | (ONES * 0x20);
        let maybe = has(lower, b'h')
            || has(lower, b'w')
            || (markdown && (has(v, b'<') || has(v, b'`') || has(v, b']')));
        if maybe {
            if let Some(n) = chunk.iter().position(|&b| starts_inline(b, markdown)) {
                return Some(at + n);
            }
        }
        at += 8;
    }
    chunks
        .remainder()
        .iter()
        .position(|&b| starts_inline(b, markdown))
        .map(|n| at + n)
}

/// Offset of a run of exactly `run` backticks in `rest`.
fn closing_backticks(rest: &[u8], run: usize) -> Option<usize> {
    let mut i = 0;
    while i < rest.len() {
        if rest[i] == b'`' {
            let len = rest[i..].iter().take_while(|&&c| c == b'`').count();
            if len == run {
                return Some(i);
            }
            i += len;
        } else {
            i += 1;
        }
    }
    None
}

/// Link targets longer than this are not looked for: the bound keeps a line
/// full of unmatched `](` linear.
const MAX_LINK_TARGET: usize = 2048;

/// `rest` starts with `(`; the offset just past the matching `)`.
fn link_target_end(rest: &[u8]) -> Option<usize> {
    let mut depth = 0usize;
    for (i, &b) in rest.iter().take(MAX_LINK_TARGET).enumerate() {
        match b {
            b'(' => depth += 1,
            b')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i + 1);
                }
            }
            b' ' | b'\t' if depth == 1 && i == 1 => return None,
            _ => {}
        }
    }
    None
}

/// If a URL (`http://`, `https://`, `www.`) starts at `i`, where it ends: at
/// whitespace or a closing bracket or quote, without trailing punctuation.
fn url_at(text: &str, i: usize, end: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    // Every prefix below starts with h or w: most bytes stop here.
    if !matches!(bytes.get(i).map(|b| b | 0x20), Some(b'h' | b'w')) {
        return None;
    }
    let head = &bytes[i..end];
    let starts = |prefix: &[u8]| {
        head.len() > prefix.len() && head[..prefix.len()].eq_ignore_ascii_case(prefix)
    };
    if !(starts(b"http://") || starts(b"https://") || starts(b"www.")) {
        return None;
    }
    // "xwww.": the URL starts earlier or this is not one.
    if i > 0 && (bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'.') {
        return None;
    }
    let rest = &text[i..end];
    let mut stop = rest.len();
    for (j, c) in rest.char_indices() {
        if c.is_whitespace()
            || matches!(
                c,
                ')' | ']' | '>' | '}' | '"' | '\'' | '»' | '”' | '<' | '«' | '“' | '`'
            )
        {
            stop = j;
            break;
        }
    }
    let url = rest[..stop].trim_end_matches(['.', ',', ';', ':', '!', '?', '؟', '،', '؛', '…']);
    (url.len() > 4).then_some(i + url.len())
}

fn merge(sorted: Vec<Range<usize>>) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::with_capacity(sorted.len());
    for r in sorted {
        if r.is_empty() {
            continue;
        }
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

// ---------------------------------------------------------------------------
// Paragraphs

/// A paragraph or a marker line before sections are assigned. `role` is
/// `None` for an appended marker (skipped), else the kind and appended part.
#[derive(Debug, Clone)]
struct Block {
    range: Range<usize>,
    role: Option<(SectionKind, Option<usize>)>,
}

/// How a line takes part in paragraphs.
enum LineShape {
    /// Blank, a thematic break or wholly inside block skips.
    Break,
    /// A list item or heading; content starts at the offset given.
    Alone(usize),
    /// Ordinary text.
    Text,
}

/// Splits the text into paragraph ranges (trimmed of whitespace and of
/// skipped regions at either end; wholly skipped paragraphs dropped).
fn find_blocks(text: &str, format: Format, skips: &[Skip]) -> Vec<Range<usize>> {
    let mut blocks = Vec::new();
    let mut current: Option<Range<usize>> = None;
    let mut cursor = 0; // first skip that may still touch the current line
    let push = |blocks: &mut Vec<Range<usize>>, r: Range<usize>| {
        if let Some(r) = trim_block(text, r, skips) {
            blocks.push(r);
        }
    };
    for line in lines_from(text, 0) {
        while cursor < skips.len() && skips[cursor].range.end <= line.start {
            cursor += 1;
        }
        match line_shape(text, line, format, &skips[cursor..]) {
            LineShape::Break => {
                if let Some(r) = current.take() {
                    push(&mut blocks, r);
                }
            }
            LineShape::Alone(start) => {
                if let Some(r) = current.take() {
                    push(&mut blocks, r);
                }
                let heading = format == Format::Markdown
                    && text[line.start..line.end].trim_start().starts_with('#');
                if heading {
                    push(&mut blocks, start..heading_end(text, start, line.end));
                } else {
                    // Lines that follow a list item without a blank line continue it.
                    current = Some(start..line.end);
                }
            }
            LineShape::Text => match &mut current {
                Some(r) => r.end = line.end,
                None => current = Some(line.start..line.end),
            },
        }
    }
    if let Some(r) = current.take() {
        push(&mut blocks, r);
    }
    blocks
}

fn line_shape(text: &str, line: Line, format: Format, skips: &[Skip]) -> LineShape {
    let content = &text[line.start..line.end];
    let trimmed = content.trim_start();
    if trimmed.trim_end().is_empty() || covered_by_block_skip(text, line, skips) {
        return LineShape::Break;
    }
    let indent = content.len() - trimmed.len();
    let at = |n: usize| line.start + indent + n;
    let after_space = |n: usize| {
        let rest = &trimmed[n..];
        let body = rest.trim_start();
        at(n + rest.len() - body.len())
    };
    if trimmed.starts_with('•') {
        return LineShape::Alone(after_space('•'.len_utf8()));
    }
    if trimmed.starts_with("- ") || trimmed.starts_with("-\t") {
        if format == Format::Markdown && is_thematic_break(trimmed) {
            return LineShape::Break;
        }
        return LineShape::Alone(after_space(1));
    }
    if format == Format::Plain {
        return LineShape::Text;
    }
    if is_thematic_break(trimmed) {
        return LineShape::Break;
    }
    if trimmed.starts_with("* ") || trimmed.starts_with("+ ") {
        return LineShape::Alone(after_space(1));
    }
    let hashes = trimmed.bytes().take_while(|&b| b == b'#').count();
    if (1..=6).contains(&hashes) && trimmed[hashes..].starts_with([' ', '\t']) {
        return LineShape::Alone(after_space(hashes));
    }
    let digits = trimmed.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=9).contains(&digits) {
        let rest = &trimmed[digits..];
        if rest.starts_with(". ") || rest.starts_with(") ") || rest.starts_with(".\t") {
            return LineShape::Alone(after_space(digits + 1));
        }
    }
    LineShape::Text
}

/// `---`, `***`, `___` (with optional spaces), alone on a line.
fn is_thematic_break(trimmed: &str) -> bool {
    let mut chars = trimmed.chars().filter(|c| !c.is_whitespace());
    let Some(first) = chars.next() else {
        return false;
    };
    matches!(first, '-' | '*' | '_') && chars.clone().all(|c| c == first) && chars.count() >= 2
}

/// Whether every non-whitespace byte of the line lies in skips, at least one
/// of them a block skip. `skips` starts at the first skip ending after the
/// line start.
fn covered_by_block_skip(text: &str, line: Line, skips: &[Skip]) -> bool {
    let mut any_block = false;
    let mut pos = line.start;
    for skip in skips {
        if skip.range.start >= line.end {
            break;
        }
        if !text[pos..skip.range.start.max(pos)].trim().is_empty() {
            return false;
        }
        any_block |= skip.block;
        pos = skip.range.end.max(pos);
        if pos >= line.end {
            return any_block;
        }
    }
    any_block && text[pos.min(line.end)..line.end].trim().is_empty()
}

/// The end of a heading's content, without a closing run of `#`s.
fn heading_end(text: &str, start: usize, end: usize) -> usize {
    let content = text[start..end].trim_end();
    let without = content.trim_end_matches('#');
    if without.len() < content.len() && (without.is_empty() || without.ends_with([' ', '\t'])) {
        start + without.trim_end().len()
    } else {
        start + content.len()
    }
}

/// Trims whitespace and skipped regions from both ends of `range`; `None`
/// when nothing is left.
fn trim_block(text: &str, range: Range<usize>, skips: &[Skip]) -> Option<Range<usize>> {
    let skip_containing = |pos: usize| {
        let i = skips.partition_point(|s| s.range.end <= pos);
        skips
            .get(i)
            .filter(|s| s.range.start <= pos)
            .map(|s| s.range.clone())
    };
    let skip_ending_at = |pos: usize| {
        let i = skips.partition_point(|s| s.range.end < pos);
        skips
            .get(i)
            .filter(|s| s.range.start < pos && s.range.end >= pos)
            .map(|s| s.range.clone())
    };
    let (mut start, mut end) = (range.start, range.end);
    loop {
        start += text[start..end].len() - text[start..end].trim_start().len();
        match skip_containing(start) {
            Some(s) if start < end => start = s.end.min(end),
            _ => break,
        }
    }
    loop {
        end = start + text[start..end].trim_end().len();
        match skip_ending_at(end) {
            Some(s) if start < end => end = s.start.max(start),
            _ => break,
        }
    }
    (start < end).then_some(start..end)
}

// ---------------------------------------------------------------------------
// Markers and kinds

/// Paragraphs longer than this (in bytes) cannot be appended markers.
const MAX_MARKER_LEN: usize = 200;
/// A boilerplate marker in a paragraph longer than this (in words) counts only
/// at the very start, so prose that mentions "copyright" stays body.
const MAX_BOILERPLATE_WORDS: usize = 40;
/// At most this many paragraphs between two boilerplate paragraphs are taken
/// into the footer; a marker phrase early in the body must not swallow it.
const MAX_BOILERPLATE_GAP: usize = 8;

/// The folded marker lists, ready for matching.
struct MarkerMatcher {
    appended: HashSet<String>,
    /// The most [`kept_letters`] of any appended marker's key: a paragraph
    /// with more can be no marker, whatever folding does to it.
    appended_letters: usize,
    boilerplate: Vec<String>,
    automaton: Option<AhoCorasick>,
    /// The same phrases as a DFA, built once this thread's drafts reach
    /// `BIG_DRAFT` bytes: faster to search, slower to build.
    dfa: std::cell::OnceCell<Option<AhoCorasick>>,
    /// Bytes of the drafts segmented with this matcher so far, the current
    /// one included: many small drafts pay for the DFA as one big one does.
    seen: std::cell::Cell<usize>,
}

thread_local! {
    /// The matcher of the markers this thread used last: every draft of a
    /// run shares one config's markers, so the automaton is built once per
    /// thread, not once per draft.
    static LAST_MATCHER: std::cell::RefCell<Option<(SectionMarkers, std::rc::Rc<MarkerMatcher>)>> =
        const { std::cell::RefCell::new(None) };
}

impl MarkerMatcher {
    fn cached(markers: &SectionMarkers) -> std::rc::Rc<MarkerMatcher> {
        LAST_MATCHER.with(|last| {
            let mut last = last.borrow_mut();
            match &*last {
                Some((key, matcher)) if key == markers => std::rc::Rc::clone(matcher),
                _ => {
                    let matcher = std::rc::Rc::new(MarkerMatcher::new(markers));
                    *last = Some((markers.clone(), std::rc::Rc::clone(&matcher)));
                    matcher
                }
            }
        })
    }

    fn new(markers: &SectionMarkers) -> Self {
        let appended: HashSet<String> = markers
            .appended
            .iter()
            .map(|m| marker_key(m, false))
            .filter(|m| !m.is_empty())
            .collect();
        let appended_letters = appended.iter().map(|k| kept_letters(k)).max().unwrap_or(0);
        let mut boilerplate: Vec<String> = markers
            .boilerplate
            .iter()
            .map(|m| fold_str(m.trim()).to_lowercase())
            .filter(|m| !m.is_empty())
            .collect();
        boilerplate.sort();
        boilerplate.dedup();
        let automaton = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostFirst)
            .start_kind(StartKind::Both)
            .build(&boilerplate)
            .ok();
        MarkerMatcher {
            appended,
            appended_letters,
            boilerplate,
            automaton,
            dfa: std::cell::OnceCell::new(),
            seen: std::cell::Cell::new(0),
        }
    }

    /// Counts a draft of `len` bytes about to be segmented.
    fn count_draft(&self, len: usize) {
        self.seen.set(self.seen.get().saturating_add(len));
    }

    fn is_appended_marker(&self, paragraph: &str, markdown: bool) -> bool {
        paragraph.len() <= MAX_MARKER_LEN
            && !more_kept_letters_than(paragraph, self.appended_letters)
            && self.appended.contains(&marker_key(paragraph, markdown))
    }

    /// The boilerplate automaton once `seen` bytes of drafts were segmented:
    /// a DFA past `BIG_DRAFT` (same matches, fewer cycles per byte), else
    /// the default kind.
    fn automaton(&self, seen: usize) -> Option<&AhoCorasick> {
        if seen < BIG_DRAFT {
            return self.automaton.as_ref();
        }
        self.dfa
            .get_or_init(|| {
                AhoCorasick::builder()
                    .ascii_case_insensitive(true)
                    .match_kind(MatchKind::LeftmostFirst)
                    .start_kind(StartKind::Both)
                    .kind(Some(AhoCorasickKind::DFA))
                    .build(&self.boilerplate)
                    .ok()
            })
            .as_ref()
            .or(self.automaton.as_ref())
    }

    /// Whether the paragraph `text[range]` is boilerplate. With the draft's
    /// fold, the paragraph's folded text is a slice of it; without, the
    /// paragraph is folded here.
    fn is_boilerplate(&self, text: &str, draft: Option<&Folded>, range: Range<usize>) -> bool {
        if self.boilerplate.is_empty() {
            return false;
        }
        let automaton = self.automaton(self.seen.get());
        let paragraph = &text[range.clone()];
        // A paragraph short enough to be folded whole either way: no marker
        // anywhere in it settles it before its words are counted.
        if let Some(ac) = automaton.filter(|_| paragraph.len() <= LONG_PARAGRAPH_PREFIX) {
            let shared = draft.and_then(|f| f.slice_of(range.clone()));
            let owned;
            let folded = match shared {
                Some(slice) => slice,
                None => {
                    owned = fold_str(paragraph);
                    owned.as_str()
                }
            };
            if !ac.is_match(folded) {
                return false;
            }
            if !more_words_than(paragraph, MAX_BOILERPLATE_WORDS) {
                return true;
            }
            return ac
                .find(Input::new(folded).anchored(Anchored::Yes))
                .is_some();
        }
        let long = more_words_than(paragraph, MAX_BOILERPLATE_WORDS);
        // In a long paragraph only a marker at its very start counts, so only
        // the start is looked at (a whole-text fold here would cost as much
        // as the draft's own).
        let cut = if long {
            let mut cut = paragraph.len().min(LONG_PARAGRAPH_PREFIX);
            while !paragraph.is_char_boundary(cut) {
                cut -= 1;
            }
            cut
        } else {
            paragraph.len()
        };
        let shared = draft.and_then(|f| f.slice_of(range.start..range.start + cut));
        let owned;
        let folded = match shared {
            Some(slice) => slice,
            None => {
                owned = fold_str(&paragraph[..cut]);
                owned.as_str()
            }
        };
        match automaton {
            // A match at the start, if any, is the leftmost one.
            Some(ac) if long => ac
                .find(Input::new(folded).anchored(Anchored::Yes))
                .is_some(),
            Some(ac) => ac.is_match(folded),
            None => {
                let lower = folded.to_lowercase();
                self.boilerplate.iter().any(|m| {
                    if long {
                        lower.starts_with(m)
                    } else {
                        lower.contains(m)
                    }
                })
            }
        }
    }
}

/// The chars of `text` that folding keeps as exactly one letter or digit
/// each (ASCII letters and digits, the Arabic letters U+0621–U+064A but
/// tatweel), so a text's key has at least this many.
fn kept_letters(text: &str) -> usize {
    text.chars().filter(|&c| is_kept_letter(c)).count()
}

fn is_kept_letter(c: char) -> bool {
    c.is_ascii_alphanumeric() || (('\u{0621}'..='\u{064A}').contains(&c) && c != '\u{0640}')
}

/// Whether `text` has more than `n` [`kept_letters`], counting no further
/// than the one past `n`.
fn more_kept_letters_than(text: &str, n: usize) -> bool {
    text.chars().filter(|&c| is_kept_letter(c)).nth(n).is_some()
}

/// The bytes that may start a whitespace char: ASCII whitespace and the
/// lead bytes 0xC2, 0xE1, 0xE2 and 0xE3 (no other byte starts one).
const MAYBE_SPACE: [bool; 256] = {
    let mut table = [false; 256];
    let bytes = [
        b'\t', b'\n', 0x0B, 0x0C, b'\r', b' ', 0xC2, 0xE1, 0xE2, 0xE3,
    ];
    let mut k = 0;
    while k < bytes.len() {
        table[bytes[k] as usize] = true;
        k += 1;
    }
    table
};

/// Whether `text` has more than `n` words separated by whitespace, as
/// `text.split_whitespace().nth(n).is_some()`, looking at bytes: a word's
/// bytes are passed over up to the next byte of [`MAYBE_SPACE`], so Arabic
/// letters are never decoded.
fn more_words_than(text: &str, n: usize) -> bool {
    let bytes = text.as_bytes();
    let mut words = 0;
    let mut in_word = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let space = if !MAYBE_SPACE[usize::from(b)] {
            i += 1;
            false
        } else if b < 0x80 {
            i += 1;
            true
        } else {
            // A lead byte is never inside another char: `i` is on a char
            // boundary.
            let c = text[i..].chars().next().unwrap_or(' ');
            i += c.len_utf8();
            c.is_whitespace()
        };
        if space {
            in_word = false;
            continue;
        }
        if !in_word {
            words += 1;
            if words > n {
                return true;
            }
            in_word = true;
        }
        // The rest of the word up to a byte that may be a space.
        while i < bytes.len() && !MAYBE_SPACE[usize::from(bytes[i])] {
            i += 1;
        }
    }
    false
}

/// A paragraph or marker reduced to what an appended marker is compared on:
/// folded, lowercase, single spaces, without a trailing colon or ellipsis
/// (and in Markdown without emphasis around it).
fn marker_key(s: &str, markdown: bool) -> String {
    let mut s = s.trim();
    loop {
        let before = s.len();
        if markdown {
            s = s.trim_matches(['*', '_']).trim();
        }
        s = s.trim_end_matches([':', '：', '…']).trim_end();
        if let Some(rest) = s.strip_suffix("...") {
            s = rest.trim_end();
        }
        if s.len() == before {
            break;
        }
    }
    let folded = fold_str(s).to_lowercase();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Once a thread has segmented this many bytes of drafts (one big draft or
/// many small ones), boilerplate is searched with a DFA: its build (about a
/// millisecond) is then a small part of the time spent.
const BIG_DRAFT: usize = 1 << 20;

/// Bytes of a long paragraph folded to look for a boilerplate marker at its
/// start: longer than any marker, even with diacritics.
const LONG_PARAGRAPH_PREFIX: usize = 512;

const SENTENCE_END: [char; 6] = ['.', '!', '?', '؟', '…', '۔'];

/// The bytes sentence splitting stops at: the ASCII chars of
/// `SENTENCE_CHARS`, the lead bytes of the others but '؟' (C2, DB, E2), and
/// the second byte of '؟' (9F; its lead byte D8 starts most Arabic letters).
/// No other byte starts one of them; the ASCII and lead bytes are never
/// inside another char, and a 9F not after D8 is passed over.
const SENTENCE_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let bytes = [b'\n', b'.', b'!', b'?', b'"', 0xC2, 0xDB, 0xE2, 0x9F];
    let mut k = 0;
    while k < bytes.len() {
        table[bytes[k] as usize] = true;
        k += 1;
    }
    table
};

/// Every char sentence splitting acts on: the sentence ends, the quotes that
/// open or close a quotation, and the line break.
const SENTENCE_CHARS: [char; 12] = ['.', '!', '?', '؟', '…', '۔', '«', '»', '“', '”', '"', '\n'];

/// Footer debris next to boilerplate: a run-together token (nav links, share
/// buttons) or a short fragment that is not a sentence (a logo name).
fn is_debris(paragraph: &str) -> bool {
    let run_together =
        !paragraph.contains(char::is_whitespace) && paragraph.chars().nth(40).is_some();
    let fragment = !more_words_than(paragraph, 3) && !paragraph.contains(SENTENCE_END);
    run_together || fragment
}

/// Assigns appended parts and boilerplate to paragraph ranges.
fn classify(
    text: &str,
    folded: Option<&Folded>,
    ranges: Vec<Range<usize>>,
    matcher: &MarkerMatcher,
    format: Format,
) -> Vec<Block> {
    let markdown = format == Format::Markdown;
    let mut part: Option<usize> = None;
    let mut next_part = 0;
    let mut blocks = Vec::with_capacity(ranges.len());
    let mut boiler = Vec::with_capacity(ranges.len());
    for range in ranges {
        let paragraph = &text[range.clone()];
        if matcher.is_appended_marker(paragraph, markdown) {
            part = Some(next_part);
            next_part += 1;
            blocks.push(Block { range, role: None });
            boiler.push(false);
            continue;
        }
        let kind = if part.is_some() {
            SectionKind::Appended
        } else {
            SectionKind::Body
        };
        boiler.push(matcher.is_boilerplate(text, folded, range.clone()));
        blocks.push(Block {
            range,
            role: Some((kind, part)),
        });
    }

    // Fill short gaps between boilerplate paragraphs; a marker resets.
    let mut last: Option<usize> = None;
    for i in 0..blocks.len() {
        if blocks[i].role.is_none() {
            last = None;
        } else if boiler[i] {
            if let Some(l) = last {
                if i - l - 1 <= MAX_BOILERPLATE_GAP {
                    boiler[l + 1..i].iter_mut().for_each(|b| *b = true);
                }
            }
            last = Some(i);
        }
    }

    // Debris chained to boilerplate, forwards then backwards. Only a
    // paragraph next to boilerplate is looked at (most drafts have none).
    let debris = |b: &Block| b.role.is_some() && is_debris(&text[b.range.clone()]);
    for i in 1..blocks.len() {
        if !boiler[i] && boiler[i - 1] && blocks[i - 1].role.is_some() && debris(&blocks[i]) {
            boiler[i] = true;
        }
    }
    for i in (0..blocks.len().saturating_sub(1)).rev() {
        if !boiler[i] && boiler[i + 1] && blocks[i + 1].role.is_some() && debris(&blocks[i]) {
            boiler[i] = true;
        }
    }

    for (block, boiler) in blocks.iter_mut().zip(boiler) {
        if let (Some(role), true) = (&mut block.role, boiler) {
            role.0 = SectionKind::Boilerplate;
        }
    }
    blocks
}

// ---------------------------------------------------------------------------
// Sentences

/// Short English titles and abbreviations after which a period ends nothing.
const ABBREVIATIONS: [&str; 18] = [
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Sgt", "Capt", "Maj",
    "Adm", "St", "Jr", "Sr",
];

/// The quote that closes `open`, if `open` opens a quotation.
fn closing_quote(open: char) -> Option<char> {
    match open {
        '«' => Some('»'),
        '“' => Some('”'),
        '"' => Some('"'),
        _ => None,
    }
}

/// Splits one paragraph into sentences, appending them to `out`.
fn split_sentences(
    text: &str,
    range: Range<usize>,
    paragraph: usize,
    skipped: &[Range<usize>],
    out: &mut Vec<Sentence>,
) {
    let base = range.start;
    let para = &text[range];
    let mut skip = skipped.partition_point(|s| s.end <= base);
    let mut start = 0;
    // Quote characters known not to close later in the paragraph; keeps the
    // scan linear when quotes are unbalanced.
    let mut unclosed: Vec<char> = Vec::new();
    let mut quote_end: Option<usize> = None;
    let mut cuts: Vec<usize> = Vec::new();

    let bytes = para.as_bytes();
    let mut at = 0;
    // Only quotes, line breaks and sentence ends do anything below (the
    // skipped regions are caught up with at the next one), so the scan goes
    // from one byte of `SENTENCE_BYTES` to the next.
    while let Some(n) = bytes[at..]
        .iter()
        .position(|&b| SENTENCE_BYTES[usize::from(b)])
    {
        let j = at + n;
        let (i, c) = match bytes[j] {
            // The second byte of '؟' (D8 9F): D8 is the lead byte of most
            // Arabic letters, 9F of few chars.
            0x9F if j > 0 && bytes[j - 1] == 0xD8 => (j - 1, '؟'),
            0x9F => {
                at = j + 1;
                continue;
            }
            b if b.is_ascii() => (j, char::from(b)),
            _ => (j, para[j..].chars().next().unwrap_or(' ')),
        };
        at = i + c.len_utf8();
        if !SENTENCE_CHARS.contains(&c) {
            continue;
        }
        let next = para[at..].chars().next();
        while skip < skipped.len() && skipped[skip].end <= base + i {
            skip += 1;
        }
        let in_skip = skipped.get(skip).is_some_and(|s| s.start <= base + i);
        if in_skip {
            continue;
        }
        if let Some(close) = quote_end {
            // A quotation is never split, and its closing mark does not end
            // the sentence: «…» is usually followed by the reporting clause.
            if i == close {
                quote_end = None;
            }
            continue;
        }
        if let Some(close) = closing_quote(c) {
            if !unclosed.contains(&c) {
                let from = i + c.len_utf8();
                match para[from..].find(close) {
                    Some(j) => quote_end = Some(from + j),
                    None => unclosed.push(c),
                }
            }
            continue;
        }
        if c == '\n' {
            if para[..i].trim_end().ends_with([':', '：']) {
                cuts.push(i);
            }
            continue;
        }
        if !SENTENCE_END.contains(&c) || next.is_some_and(|n| !n.is_whitespace()) {
            continue;
        }
        if c == '.'
            && (is_abbreviation(&para[..i]) || is_month_before_day(&para[..i], &para[i + 1..]))
        {
            continue;
        }
        cuts.push(i + c.len_utf8());
    }

    for cut in cuts.into_iter().chain([para.len()]) {
        if cut <= start {
            continue;
        }
        let piece = &para[start..cut];
        let lead = piece.len() - piece.trim_start().len();
        let trimmed = piece.trim();
        if !trimmed.is_empty() {
            let s = base + start + lead;
            out.push(Sentence {
                range: s..s + trimmed.len(),
                paragraph,
            });
        }
        start = cut;
    }
}

/// Whether a '.' closes an abbreviated English month followed by its day
/// (AP style: "Nov. 28", "Sept. 3"); "in Nov. The talks" still ends there.
fn is_month_before_day(before: &str, after: &str) -> bool {
    const MONTHS: [&str; 9] = [
        "Jan", "Feb", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Apr",
    ];
    let word = before
        .rsplit(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or("");
    MONTHS.contains(&word)
        && after.starts_with(' ')
        && after
            .trim_start_matches(' ')
            .starts_with(|c: char| c.is_ascii_digit())
}

/// Whether the text before a '.' ends in an abbreviation: a single capital
/// Latin letter standing alone or after another period ("U.S."), or a title.
fn is_abbreviation(before: &str) -> bool {
    let word_start = before
        .rfind(|c: char| {
            c.is_whitespace() || c == '.' || c == '(' || c == '"' || c == '«' || c == '“'
        })
        .map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &before[word_start..];
    let mut letters = word.chars();
    match (letters.next(), letters.next()) {
        (Some(c), None) if c.is_ascii_uppercase() => {
            // Start, space or '.' before the letter (the word split above
            // also accepts an opening bracket or quote).
            true
        }
        _ => ABBREVIATIONS.contains(&word),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str, format: Format) -> Document {
        segment(text, &SectionMarkers::default(), format)
    }

    /// The section kind at the first occurrence of `phrase`.
    fn kind_of(text: &str, d: &Document, phrase: &str) -> Option<SectionKind> {
        let at = text.find(phrase)?;
        d.paragraph_at(at)?;
        Some(d.section_at(at))
    }

    fn sentences(text: &str, d: &Document) -> Vec<String> {
        d.sentences
            .iter()
            .map(|s| text[s.range.clone()].to_string())
            .collect()
    }

    /// Invariants every segmentation must keep.
    fn check_invariants(text: &str, d: &Document) {
        for w in d.skipped.windows(2) {
            assert!(
                w[0].end < w[1].start,
                "skipped not sorted/merged: {:?}",
                d.skipped
            );
        }
        let all = d
            .skipped
            .iter()
            .chain(d.paragraphs.iter().map(|p| &p.range))
            .chain(d.sentences.iter().map(|s| &s.range))
            .chain(d.sections.iter().map(|s| &s.range));
        for r in all {
            assert!(r.start <= r.end && r.end <= text.len(), "{r:?}");
            assert!(
                text.is_char_boundary(r.start) && text.is_char_boundary(r.end),
                "{r:?}"
            );
        }
        for w in d.paragraphs.windows(2) {
            assert!(w[0].range.end <= w[1].range.start);
        }
        for w in d.sentences.windows(2) {
            assert!(w[0].range.end <= w[1].range.start);
        }
        for p in &d.paragraphs {
            let s = &d.sections[p.section_index];
            assert_eq!(s.kind, p.section);
            assert!(s.range.start <= p.range.start && p.range.end <= s.range.end);
            assert_eq!(text[p.range.clone()].trim(), &text[p.range.clone()]);
        }
        for s in &d.sentences {
            let p = &d.paragraphs[s.paragraph];
            assert!(p.range.start <= s.range.start && s.range.end <= p.range.end);
            assert_eq!(text[s.range.clone()].trim(), &text[s.range.clone()]);
        }
    }

    struct SectionCase {
        /// What the case shows.
        name: &'static str,
        text: &'static str,
        format: Format,
        /// (phrase, expected section; None = not in any paragraph).
        expect: &'static [(&'static str, Option<SectionKind>)],
    }

    use SectionKind::{Appended, Body, Boilerplate};

    // Shaped like a news site's page dump: body with short headings and an
    // ad line, a footer (disclaimer, logo lines, a run-together nav line, a
    // follow line, copyright, source, keywords), then appended snippets after
    // "إقرأ أيضاً:" and a bulleted list after "مقالات مشابهة".
    const SEED_SHAPED: &str = "\
أعلن الوزير أمس عن خطة جديدة للنقل العام في المدينة. وقال إن التنفيذ يبدأ في الربيع.

خلفية القرار

يأتي القرار بعد سنوات من الشكاوى حول الازدحام في وسط المدينة.

إعلان

وأضاف الوزير: \"سنعمل مع البلديات كافة\".

الآراء الواردة في المقال لا تعكس بالضرورة الموقف التحريري للموقع.

site-logo

site-logo

site-logo إعلان من نحنمن نحناعرض المزيدالأحكام والشروطسياسة الخصوصية اتصل بنا

تابع الموقع على:

facebooktwitteryoutubeinstagramwhatsapptelegram جميع الحقوق محفوظة © 2025 شبكة الأخبار

المصدر: الموقع

كلمات دلالية: النقل المدينة الوزير

إقرأ أيضاً:

عنوان المقال الملحق الأول عن القطارات

نص المقال الملحق الأول الذي يتحدث عن القطارات السريعة.

عنوان المقال الملحق الثاني عن الحافلات

نص المقال الملحق الثاني عن الحافلات الكهربائية.

مقالات مشابهة

  • خبر مشابه أول عن الطرق
  • خبر مشابه ثان عن الجسور؟
";

    const SECTION_CASES: &[SectionCase] = &[
        // The seed shape: headings and the ad line stay body, the whole footer
        // from the disclaimer to the keyword line is boilerplate, both
        // appended parts are appended and the marker lines are in no paragraph.
        SectionCase {
            name: "seed-shaped",
            text: SEED_SHAPED,
            format: Format::Plain,
            expect: &[
                ("أعلن الوزير", Some(Body)),
                ("خلفية القرار", Some(Body)),
                ("إعلان\n", Some(Body)),
                ("سنعمل مع البلديات", Some(Body)),
                ("الآراء الواردة", Some(Boilerplate)),
                ("site-logo\n", Some(Boilerplate)),
                ("site-logo إعلان", Some(Boilerplate)),
                ("تابع الموقع", Some(Boilerplate)),
                ("facebooktwitter", Some(Boilerplate)),
                ("المصدر: الموقع", Some(Boilerplate)),
                ("كلمات دلالية", Some(Boilerplate)),
                ("إقرأ أيضاً", None),
                ("عنوان المقال الملحق الأول", Some(Appended)),
                ("الحافلات الكهربائية", Some(Appended)),
                ("مقالات مشابهة", None),
                ("خبر مشابه أول", Some(Appended)),
                ("عن الجسور", Some(Appended)),
            ],
        },
        // English "Read more" opens an appended part.
        SectionCase {
            name: "english-read-more",
            text: "The minister spoke on Monday.\n\nShort heading\n\nHe left.\n\nRead more:\n\nAnother story about trains.\n",
            format: Format::Plain,
            expect: &[
                ("The minister", Some(Body)),
                ("Short heading", Some(Body)),
                ("Read more", None),
                ("Another story", Some(Appended)),
            ],
        },
        // A one-line "All rights reserved" footer and the logo line next to it.
        SectionCase {
            name: "all-rights-reserved-footer",
            text: "The council met today. It voted twice.\n\nExample News\n\n© 2025 Example News. All rights reserved.\n",
            format: Format::Plain,
            expect: &[
                ("The council", Some(Body)),
                ("Example News\n", Some(Boilerplate)),
                ("© 2025", Some(Boilerplate)),
            ],
        },
        // Marker spelling variants: "اقرأ أيضا" without hamza on the alef or
        // tanween, "إقرأ أيضاً" with them; both open parts, and a second
        // marker opens the next part.
        SectionCase {
            name: "marker-variants",
            text: "نص الخبر الأساسي هنا.\n\nاقرأ أيضا\n\nخبر أول.\n\nإقرأ أيضاً...\n\nخبر ثان.\n",
            format: Format::Plain,
            expect: &[
                ("نص الخبر", Some(Body)),
                ("اقرأ أيضا", None),
                ("خبر أول", Some(Appended)),
                ("إقرأ أيضاً", None),
                ("خبر ثان", Some(Appended)),
            ],
        },
        // A marker phrase inside a sentence does not open anything.
        SectionCase {
            name: "marker-inside-sentence",
            text: "He said: read more about it later.\n\nThe end.\n",
            format: Format::Plain,
            expect: &[("He said", Some(Body)), ("The end", Some(Body))],
        },
        // Boilerplate does not extend across an appended marker: the short
        // title after the marker is appended, not footer debris.
        SectionCase {
            name: "boilerplate-stops-at-marker",
            text: "Body text here.\n\nAll rights reserved\n\nSee also\n\nTrain title\n\nStory text.\n",
            format: Format::Plain,
            expect: &[
                ("Body text", Some(Body)),
                ("All rights", Some(Boilerplate)),
                ("Train title", Some(Appended)),
                ("Story text", Some(Appended)),
            ],
        },
        // A long prose paragraph that mentions copyright stays body.
        SectionCase {
            name: "long-prose-mentioning-copyright",
            text: "The court heard a long case about copyright and music sampling that lasted for years and involved many artists, labels, lawyers, judges and experts from several countries who argued for many months about fair use, licensing, royalties, damages and the future of the whole recording industry.\n\nNext paragraph.\n",
            format: Format::Plain,
            expect: &[("The court", Some(Body)), ("Next paragraph", Some(Body))],
        },
        // Markdown: heading marker "## Related", list items under it.
        SectionCase {
            name: "markdown-heading-marker",
            text: "# Title\n\nBody line.\n\n## Related\n\n- First link\n- Second link\n",
            format: Format::Markdown,
            expect: &[
                ("Title", Some(Body)),
                ("Body line", Some(Body)),
                ("Related", None),
                ("First link", Some(Appended)),
                ("Second link", Some(Appended)),
            ],
        },
    ];

    #[test]
    fn sections() {
        for case in SECTION_CASES {
            let d = doc(case.text, case.format);
            check_invariants(case.text, &d);
            for &(phrase, want) in case.expect {
                assert_eq!(
                    kind_of(case.text, &d, phrase),
                    want,
                    "{}: {phrase:?}",
                    case.name
                );
            }
        }
    }

    #[test]
    fn seed_shaped_structure() {
        let d = doc(SEED_SHAPED, Format::Plain);
        let kinds: Vec<(SectionKind, usize)> =
            d.sections.iter().map(|s| (s.kind, s.index)).collect();
        assert_eq!(
            kinds,
            [(Body, 0), (Boilerplate, 0), (Appended, 0), (Appended, 1)]
        );
        // Each bullet is its own paragraph, without the bullet.
        let last: Vec<&str> = d.paragraphs[d.paragraphs.len() - 2..]
            .iter()
            .map(|p| &SEED_SHAPED[p.range.clone()])
            .collect();
        assert_eq!(last, ["خبر مشابه أول عن الطرق", "خبر مشابه ثان عن الجسور؟"]);
        let marker = SEED_SHAPED.find("إقرأ أيضاً:").unwrap();
        assert!(d.is_skipped(&(marker..marker + 5)));
    }

    struct SkipCase {
        /// What the case shows.
        name: &'static str,
        text: &'static str,
        format: Format,
        date: Option<&'static str>,
        /// Phrases that must lie in skipped regions.
        skipped: &'static [&'static str],
        /// Paragraph texts, in order.
        paragraphs: &'static [&'static str],
    }

    const SKIP_CASES: &[SkipCase] = &[
        // Front matter with a quoted date; a fence, inline code, a URL, a link
        // target and an HTML comment are skipped; text around inline skips
        // stays one paragraph.
        SkipCase {
            name: "markdown-everything",
            text: "---\ntitle: Test\ndate: \"2025-11-09\"\n---\nIntro with `code.` and https://example.com/a.b and [a link](https://x.org/p) here.\n\n```rust\nlet x = 1;\n\nlet y = 2;\n```\n\n<!-- hidden\nnote -->\n\nLast <!-- inline --> words.\n",
            format: Format::Markdown,
            date: Some("2025-11-09"),
            skipped: &["title: Test", "`code.`", "https://example.com/a.b", "(https://x.org/p)", "let y", "hidden\nnote", "<!-- inline -->"],
            paragraphs: &[
                "Intro with `code.` and https://example.com/a.b and [a link](https://x.org/p) here.",
                "Last <!-- inline --> words.",
            ],
        },
        // Plain text: front matter and URLs only; backticks and comments are text.
        SkipCase {
            name: "plain-front-matter-and-url",
            text: "---\ndate: 2024-01-02\n---\nSee www.example.com. Then `this`.\n",
            format: Format::Plain,
            date: Some("2024-01-02"),
            skipped: &["date: 2024", "www.example.com"],
            paragraphs: &["See www.example.com. Then `this`."],
        },
        // A plain-text suppression line is an instruction, not text: it is
        // skipped and splits paragraphs; an ordinary '#' line is text.
        SkipCase {
            name: "plain-suppression-line",
            text: "# tadqiq-ignore name-conflict: فاروق الشرع checked\nوصل الشرع.\n# not a directive\n",
            format: Format::Plain,
            date: None,
            skipped: &["# tadqiq-ignore name-conflict: فاروق الشرع checked"],
            paragraphs: &["وصل الشرع.\n# not a directive"],
        },
        // Unterminated front matter runs to the end: nothing is left.
        SkipCase {
            name: "unterminated-front-matter",
            text: "---\ndate: '2023-05-06'\nbody?\n",
            format: Format::Markdown,
            date: Some("2023-05-06"),
            skipped: &["body?"],
            paragraphs: &[],
        },
        // An unterminated code fence runs to the end of the file.
        SkipCase {
            name: "unterminated-fence",
            text: "Before.\n~~~\ncode\n\nmore code",
            format: Format::Markdown,
            date: None,
            skipped: &["more code"],
            paragraphs: &["Before."],
        },
        // A paragraph that is only a URL is dropped.
        SkipCase {
            name: "url-only-paragraph",
            text: "Text.\n\nhttps://example.com/only\n\nMore.",
            format: Format::Plain,
            date: None,
            skipped: &["https://example.com/only"],
            paragraphs: &["Text.", "More."],
        },
        // CRLF line endings: blank CRLF lines split paragraphs, ranges exclude '\r'.
        SkipCase {
            name: "crlf",
            text: "---\r\ndate: 2025-01-01\r\n---\r\nFirst para.\r\nStill first.\r\n\r\nSecond para.\r\n",
            format: Format::Markdown,
            date: Some("2025-01-01"),
            skipped: &["date: 2025"],
            paragraphs: &["First para.\r\nStill first.", "Second para."],
        },
        // Empty input.
        SkipCase {
            name: "empty",
            text: "",
            format: Format::Markdown,
            date: None,
            skipped: &[],
            paragraphs: &[],
        },
        // Only whitespace, with CR and tabs.
        SkipCase {
            name: "whitespace-only",
            text: " \r\n\t\n   \n",
            format: Format::Plain,
            date: None,
            skipped: &[],
            paragraphs: &[],
        },
        // A Markdown list: numbered and bulleted items, each its own
        // paragraph; a lazy continuation line joins its item.
        SkipCase {
            name: "markdown-lists",
            text: "Intro:\n1. one\n2) two\n* three\n  continued\n• four\n",
            format: Format::Markdown,
            date: None,
            skipped: &[],
            paragraphs: &["Intro:", "one", "two", "three\n  continued", "four"],
        },
        // In plain text only "- " and "•" start list items.
        SkipCase {
            name: "plain-lists",
            text: "Intro\n- one\n* not an item\n1. not an item\n",
            format: Format::Plain,
            date: None,
            skipped: &[],
            paragraphs: &["Intro", "one\n* not an item\n1. not an item"],
        },
    ];

    #[test]
    fn skipped_and_paragraphs() {
        for case in SKIP_CASES {
            let d = doc(case.text, case.format);
            check_invariants(case.text, &d);
            assert_eq!(d.front_matter_date.as_deref(), case.date, "{}", case.name);
            for phrase in case.skipped {
                let at = case
                    .text
                    .find(phrase)
                    .unwrap_or_else(|| panic!("{}: {phrase:?}", case.name));
                let r = at..at + phrase.len();
                assert!(
                    d.skipped
                        .iter()
                        .any(|s| s.start <= r.start && r.end <= s.end),
                    "{}: {phrase:?} not skipped in {:?}",
                    case.name,
                    d.skipped
                );
            }
            let paragraphs: Vec<&str> = d
                .paragraphs
                .iter()
                .map(|p| &case.text[p.range.clone()])
                .collect();
            assert_eq!(paragraphs, case.paragraphs, "{}", case.name);
        }
    }

    struct SentenceCase {
        /// What the case shows.
        name: &'static str,
        text: &'static str,
        sentences: &'static [&'static str],
    }

    const SENTENCE_CASES: &[SentenceCase] = &[
        // An abbreviated month before its day ends nothing; at the end
        // of a sentence it does.
        SentenceCase {
            name: "month-abbreviation",
            text: "The truce began on Nov. 28 in Gaza. Talks resume in Nov. Officials agreed.",
            sentences: &["The truce began on Nov. 28 in Gaza.", "Talks resume in Nov.", "Officials agreed."],
        },
        // Decimals and one-letter abbreviations do not end sentences.
        SentenceCase {
            name: "decimal-and-us",
            text: "Growth was 3.5 percent in the U.S. economy. Dr. Smith agreed! Did he?",
            sentences: &["Growth was 3.5 percent in the U.S. economy.", "Dr. Smith agreed!", "Did he?"],
        },
        // Arabic question mark and full stop; a guillemet quote that closes
        // in the paragraph is not split, even after a period inside it.
        SentenceCase {
            name: "arabic-question-and-quote",
            text: "هل انتهت الأزمة؟ قال الوزير «لا. ليس بعد.» ثم غادر. وانتهى الاجتماع۔ بعدها",
            sentences: &["هل انتهت الأزمة؟", "قال الوزير «لا. ليس بعد.» ثم غادر.", "وانتهى الاجتماع۔", "بعدها"],
        },
        // Curly and straight quotes; an unclosed quote does not hide splits.
        SentenceCase {
            name: "quotes",
            text: "He said “Go. Now.” and left. She said \"No. Never\" twice. An “open quote. Still splits.",
            sentences: &[
                "He said “Go. Now.” and left.",
                "She said \"No. Never\" twice.",
                "An “open quote.",
                "Still splits.",
            ],
        },
        // A line ending in ':' ends a sentence; other line breaks do not.
        SentenceCase {
            name: "colon-line-break",
            text: "وقال الرئيس:\n“سنلتقي قريبا”\nفي البيت الأبيض… وانتهى",
            sentences: &["وقال الرئيس:", "“سنلتقي قريبا”\nفي البيت الأبيض…", "وانتهى"],
        },
        // Ellipses and repeated marks; a period inside a URL or before a
        // non-space does not split.
        SentenceCase {
            name: "ellipsis-and-url",
            text: "Wait... what?! See https://a.b/c.d. Fine.",
            sentences: &["Wait...", "what?!", "See https://a.b/c.d.", "Fine."],
        },
    ];

    #[test]
    fn sentences_split() {
        for case in SENTENCE_CASES {
            let d = doc(case.text, Format::Plain);
            check_invariants(case.text, &d);
            assert_eq!(sentences(case.text, &d), case.sentences, "{}", case.name);
        }
    }

    #[test]
    fn lookups() {
        let text = "One. Two.\n\nCopyright © Example\n\nRead more\n\nThree.";
        let d = doc(text, Format::Plain);
        check_invariants(text, &d);
        assert_eq!(d.paragraph_at(0), Some(0));
        assert_eq!(d.paragraph_at(9), None); // the newline after "Two."
        assert_eq!(d.sentence_at(5), Some(1));
        assert_eq!(d.sentence_at(4), None); // the space between sentences
        let marker = text.find("Read").unwrap();
        assert!(d.is_skipped(&(marker..marker + 4)));
        assert!(d.is_skipped(&(marker - 3..marker + 1)));
        assert!(!d.is_skipped(&(0..marker - 2)));
        assert!(d.is_skipped(&(marker..marker)));
        assert_eq!(d.section_at(text.find("©").unwrap()), Boilerplate);
        assert_eq!(d.section_at(text.find("Three").unwrap()), Appended);
        assert_eq!(d.section_at(text.len() + 10), Appended);
        assert_eq!(doc("", Format::Plain).section_at(0), Body);
    }

    #[test]
    fn a_key_keeps_every_counted_letter() {
        // The appended-marker filter relies on this: a paragraph's key has at
        // least as many counted letters as the paragraph.
        let texts = [
            "إقرأ أيضاً:",
            "**اقرأ ـــ أيضا...**",
            "Read MORE …",
            "ﻻ ﻷ مقالاتٌ ذاتُ صلة",
            "İstanbul ١٢٣ ک ى ة",
            "\u{200F}See\u{00A0}also\u{200B}:",
        ];
        for text in texts {
            for markdown in [false, true] {
                assert!(
                    super::kept_letters(text)
                        <= super::kept_letters(&super::marker_key(text, markdown)),
                    "{text:?}"
                );
            }
        }
    }

    /// The sentence cuts of a paragraph as the char-by-char scan made them
    /// before the byte scan (reference for the test below).
    fn cuts_by_chars(para: &str, base: usize, skipped: &[Range<usize>]) -> Vec<usize> {
        let mut skip = skipped.partition_point(|s| s.end <= base);
        let mut unclosed: Vec<char> = Vec::new();
        let mut quote_end: Option<usize> = None;
        let mut cuts = Vec::new();
        let mut chars = para.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let next = chars.peek().map(|&(_, n)| n);
            while skip < skipped.len() && skipped[skip].end <= base + i {
                skip += 1;
            }
            if skipped.get(skip).is_some_and(|s| s.start <= base + i) {
                continue;
            }
            if let Some(close) = quote_end {
                if i == close {
                    quote_end = None;
                }
                continue;
            }
            if let Some(close) = closing_quote(c) {
                if !unclosed.contains(&c) {
                    let from = i + c.len_utf8();
                    match para[from..].find(close) {
                        Some(j) => quote_end = Some(from + j),
                        None => unclosed.push(c),
                    }
                }
                continue;
            }
            if c == '\n' {
                if para[..i].trim_end().ends_with([':', '：']) {
                    cuts.push(i);
                }
                continue;
            }
            if !SENTENCE_END.contains(&c) || next.is_some_and(|n| !n.is_whitespace()) {
                continue;
            }
            if c == '.'
                && (is_abbreviation(&para[..i]) || is_month_before_day(&para[..i], &para[i + 1..]))
            {
                continue;
            }
            cuts.push(i + c.len_utf8());
        }
        cuts
    }

    #[test]
    fn byte_scan_splits_sentences_as_the_char_scan() {
        let mut texts = crate::test_texts::fixtures();
        texts.extend(
            [
                "قال «نعم.» ثم غادر. وقال: \"لا!\" هل؟ نعم… انتهى۔ بعد",
                "Mr. Smith met Dr. Jones on Nov. 28. Then «left» “here” ok.\nNext:\nline",
                "«غير مغلق. جملة؟ ثانية! “ و\"x. y.",
                "، ؛ ٪ ١٢. ۱۲. ی؟ ۔x ۔ ـ… … http://a.b/c. www.x.y! «https://q» end",
                "\u{00A0}. \u{2026}\u{201C}\u{201D}\u{00AB}\u{00BB}\u{061F}\u{06D4} é. ü! 中. 😀?",
            ]
            .map(String::from),
        );
        for text in &texts {
            for format in [Format::Plain, Format::Markdown] {
                let d = doc(text, format);
                let mut want = Vec::new();
                for (index, p) in d.paragraphs.iter().enumerate() {
                    let para = &text[p.range.clone()];
                    let mut start = 0;
                    for cut in cuts_by_chars(para, p.range.start, &d.skipped)
                        .into_iter()
                        .chain([para.len()])
                    {
                        if cut <= start {
                            continue;
                        }
                        let piece = &para[start..cut];
                        let lead = piece.len() - piece.trim_start().len();
                        let trimmed = piece.trim();
                        if !trimmed.is_empty() {
                            let s = p.range.start + start + lead;
                            want.push((s..s + trimmed.len(), index));
                        }
                        start = cut;
                    }
                }
                let got: Vec<_> = d
                    .sentences
                    .iter()
                    .map(|s| (s.range.clone(), s.paragraph))
                    .collect();
                assert_eq!(got, want, "{:?}", text.chars().take(40).collect::<String>());
            }
        }
    }

    #[test]
    fn big_drafts_find_the_same_boilerplate_with_a_dfa() {
        let matcher = MarkerMatcher::new(&SectionMarkers::default());
        let small = matcher.automaton(0).expect("default automaton");
        let big = matcher.automaton(BIG_DRAFT).expect("DFA");
        assert_eq!(big.kind(), aho_corasick::AhoCorasickKind::DFA);
        let mut paragraphs: Vec<String> = crate::test_texts::fixtures()
            .iter()
            .flat_map(|t| t.split("\n\n").map(fold_str).collect::<Vec<_>>())
            .collect();
        paragraphs.extend(
            [
                "© 2024",
                "COPYRIGHT x",
                "x follow US",
                "جميع الحقوق محفوظة",
                "تابعنا",
            ]
            .map(fold_str),
        );
        let mut found = 0;
        for p in &paragraphs {
            let anchored = Input::new(p.as_str()).anchored(Anchored::Yes);
            assert_eq!(small.is_match(p.as_str()), big.is_match(p.as_str()), "{p}");
            assert_eq!(small.find(anchored.clone()), big.find(anchored), "{p}");
            found += usize::from(small.is_match(p.as_str()));
        }
        assert!(found >= 4, "{found}");
    }

    #[test]
    fn urls_are_found_after_skipped_bytes() {
        // The inline scan jumps to the next h/w (and <, `, ] in Markdown):
        // URLs in either case, after Arabic text, and Markdown spans.
        let text = "قال HTTPS://Example.com/a. ثم WWW.b.org و`code`؛ [x](y) <!-- c -->ok";
        for format in [Format::Plain, Format::Markdown] {
            let d = doc(text, format);
            let skipped: Vec<&str> = d.skipped.iter().map(|r| &text[r.clone()]).collect();
            assert!(skipped.contains(&"HTTPS://Example.com/a"), "{skipped:?}");
            assert!(skipped.contains(&"WWW.b.org"), "{skipped:?}");
            if format == Format::Markdown {
                assert!(skipped.contains(&"`code`"), "{skipped:?}");
                assert!(skipped.contains(&"(y)"), "{skipped:?}");
                assert!(skipped.contains(&"<!-- c -->"), "{skipped:?}");
            } else {
                assert_eq!(skipped.len(), 2, "{skipped:?}");
            }
        }
    }

    #[test]
    fn word_count_by_bytes_matches_split_whitespace() {
        let texts = [
            "",
            " ",
            "واحد",
            "واحد اثنان\u{00A0}ثلاثة\u{2003}أربعة\u{3000}خمسة\u{0085}ستة",
            "  a  b\tc\nd\u{200B}e  ",
            "é ü ñ ∑ 中文 😀 x",
            "\u{1680}a\u{2028}b\u{2029}c\u{202F}d\u{205F}e\u{180E}f",
        ];
        let fixtures = crate::test_texts::fixtures();
        // Every fixture paragraph, and the whole text, at a few counts.
        let paragraphs: Vec<&str> = fixtures.iter().flat_map(|f| f.split("\n\n")).collect();
        for text in paragraphs
            .into_iter()
            .chain(fixtures.iter().map(String::as_str))
        {
            for n in [0, 1, 3, 40, 100_000] {
                assert_eq!(
                    super::more_words_than(text, n),
                    text.split_whitespace().nth(n).is_some(),
                    "{text:?} {n}"
                );
            }
        }
        for text in texts {
            for n in 0..10 {
                assert_eq!(
                    super::more_words_than(text, n),
                    text.split_whitespace().nth(n).is_some(),
                    "{text:?} {n}"
                );
            }
        }
    }

    #[test]
    fn inline_starts_by_words_match_the_byte_scan() {
        let mut texts = crate::test_texts::fixtures();
        texts.push("HhWw<`]hالh\u{0128}\u{0148}\u{0157}ȨH".to_string());
        // Every byte value at every position of a word.
        let all: Vec<u8> = (0..=255u8).chain(0..=255u8).chain(0..=255u8).collect();
        let mut found = 0;
        for bytes in texts.iter().map(|t| t.as_bytes()).chain([all.as_slice()]) {
            for markdown in [false, true] {
                for from in (0..bytes.len()).step_by(7) {
                    let want = bytes[from..].iter().position(|&b| {
                        matches!(b | 0x20, b'h' | b'w')
                            || (markdown && matches!(b, b'<' | b'`' | b']'))
                    });
                    found += usize::from(want.is_some());
                    assert_eq!(
                        super::next_inline_start(&bytes[from..], markdown),
                        want,
                        "{from} {markdown}"
                    );
                }
            }
        }
        assert!(found > 1000, "{found}");
    }

    #[test]
    fn never_panics_on_odd_input() {
        let inputs = [
            "---",
            "---\n",
            "---\r\n---",
            "```",
            "`",
            "``a`",
            "<!--",
            "<!-- -->",
            "](",
            "[a](b",
            "http://",
            "www.",
            "\u{feff}---\ndate:\n---\nx",
            "«",
            "“",
            "\"",
            ".",
            "U.",
            "\r",
            "\n\n\n",
            "• ",
            "- ",
            "#",
            "# ",
            "1. ",
            "Read more",
            "©",
            "؟؟؟",
            "a\r\nb:\r\nc",
        ];
        for text in inputs {
            for format in [Format::Markdown, Format::Plain] {
                let d = doc(text, format);
                check_invariants(text, &d);
            }
        }
    }
}
