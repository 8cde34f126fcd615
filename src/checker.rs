//! The checker: the compiled gazetteer plus settings, shared by every file
//! and thread, running the whole pipeline on one draft at a time.

use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

use serde::Serialize;

use crate::claims::{self, Claims, ExtractContext};
use crate::finding::{Finding, Severity};
use crate::gazetteer::{Gazetteer, GazetteerErrors, GazetteerSources, PartialDate};
use crate::normalize::fold;
use crate::resolve::{resolve, Lookups, Mention};
use crate::rules::{self, Context, Lexicon, Prefer};
use crate::segment::{segment_folded, Format, SectionKind, SectionMarkers};
use crate::tag::{Tagger, TaggerBuilder};

/// A rule's configured level: off, or a fixed severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleLevel {
    Off,
    /// Every finding of the rule gets this severity.
    Severity(Severity),
}

/// Builds a [`Checker`]: which gazetteers, which markers, which rule levels.
#[derive(Debug, Clone, Default)]
pub struct CheckerBuilder {
    sources: GazetteerSources,
    markers: Option<SectionMarkers>,
    levels: BTreeMap<String, RuleLevel>,
    prefer: Prefer,
    date: Option<PartialDate>,
}

impl CheckerBuilder {
    pub fn new() -> CheckerBuilder {
        CheckerBuilder::default()
    }

    /// Keep (default) or drop the embedded gazetteer.
    pub fn default_gazetteer(&mut self, yes: bool) -> &mut Self {
        self.sources.embedded(yes);
        self
    }

    /// Adds a gazetteer folder.
    pub fn gazetteer_dir(&mut self, dir: impl Into<std::path::PathBuf>) -> &mut Self {
        self.sources.add_dir(dir);
        self
    }

    /// Replaces the section markers (default: [`SectionMarkers::default`]).
    pub fn markers(&mut self, markers: SectionMarkers) -> &mut Self {
        self.markers = Some(markers);
        self
    }

    /// Sets a rule's level.
    pub fn rule_level(&mut self, rule: &str, level: RuleLevel) -> &mut Self {
        self.levels.insert(rule.to_string(), level);
        self
    }

    /// House style.
    pub fn prefer(&mut self, prefer: Prefer) -> &mut Self {
        self.prefer = prefer;
        self
    }

    /// The draft date used when a draft has no `date:` front matter.
    pub fn date(&mut self, date: Option<PartialDate>) -> &mut Self {
        self.date = date;
        self
    }

    /// Loads the gazetteer and compiles the automaton.
    ///
    /// # Errors
    /// Every gazetteer problem, as `path:line:col: message`.
    pub fn build(&self) -> Result<Checker, GazetteerErrors> {
        let gazetteer = self.sources.load()?;
        Ok(self.build_with(Arc::new(gazetteer)))
    }

    /// Builds a checker around an already loaded gazetteer.
    pub fn build_with(&self, gazetteer: Arc<Gazetteer>) -> Checker {
        let tagger = Arc::new(TaggerBuilder::new().build(&gazetteer));
        // The rules' title and name indexes are built on the first `check`,
        // so `tag` never pays for them.
        let lexicon = Arc::new(OnceLock::new());
        Checker {
            gazetteer,
            tagger,
            lexicon,
            lookups: Arc::default(),
            markers: self.markers.clone().unwrap_or_default(),
            levels: self.levels.clone(),
            prefer: self.prefer.clone(),
            date: self.date,
        }
    }
}

/// The compiled gazetteer and settings. Cheap to clone; share across threads.
#[derive(Debug, Clone)]
pub struct Checker {
    gazetteer: Arc<Gazetteer>,
    tagger: Arc<Tagger>,
    lexicon: Arc<OnceLock<Lexicon>>,
    /// The folded demonyms and titles coreference looks names up in,
    /// built on the first draft that needs them.
    lookups: Arc<Lookups>,
    markers: SectionMarkers,
    levels: BTreeMap<String, RuleLevel>,
    prefer: Prefer,
    date: Option<PartialDate>,
}

/// What to run on a draft.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Mentions only (`tadqiq tag`).
    Tag,
    /// Mentions and findings (`tadqiq check`).
    Check,
}

/// The report of one draft.
#[derive(Debug, Clone, Serialize)]
pub struct FileReport {
    pub path: String,
    pub findings: Vec<Finding>,
    pub mentions: Vec<Mention>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub claims: Option<Claims>,
    /// The draft itself, for excerpts; never serialized.
    #[serde(skip)]
    pub text: String,
}

impl Checker {
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// The rules' title and name indexes, built on first use.
    pub(crate) fn lexicon(&self) -> &Lexicon {
        self.lexicon.get_or_init(|| Lexicon::build(&self.gazetteer))
    }

    /// Sets one rule's level on this checker (a server's per-request
    /// `rules`), or with `None` gives it back its default severity; the
    /// gazetteer and automaton stay shared with its clones.
    pub fn set_rule_level(&mut self, rule: &str, level: Option<RuleLevel>) {
        match level {
            Some(level) => self.levels.insert(rule.to_string(), level),
            None => self.levels.remove(rule),
        };
    }

    /// A rule's configured level, if the config or a caller set one.
    pub fn rule_level(&self, rule: &str) -> Option<RuleLevel> {
        self.levels.get(rule).copied()
    }

    /// Runs the pipeline on one draft. `path` is only used in the report.
    pub fn run(&self, path: &str, text: &str, format: Format, mode: Mode) -> FileReport {
        self.run_dated(path, text, format, mode, self.date)
    }

    /// As [`run`](Self::run), with this draft's own date (an archive
    /// record's `date`) in place of the checker's; front matter still wins.
    pub fn run_dated(
        &self,
        path: &str,
        text: &str,
        format: Format,
        mode: Mode,
        date: Option<PartialDate>,
    ) -> FileReport {
        // A lone carriage return ends a line as a line feed does; drafts read
        // from disk had theirs replaced already (same length, same offsets).
        let owned;
        let text = if text.contains('\r') {
            owned = crate::input::lone_cr_to_lf(text.to_string());
            owned.as_str()
        } else {
            text
        };
        let folded = fold(text);
        let doc = segment_folded(text, &folded, &self.markers, format);
        let date = doc
            .front_matter_date
            .as_deref()
            .and_then(rules::front_matter_date::parse)
            .or(date);
        let hits = self.tagger.hits(text, &folded);
        let role_date = date.unwrap_or_else(today);
        // Mentions get their line and column as they are made (see
        // `resolve`).
        let mentions = resolve(
            text,
            folded.text(),
            hits,
            &doc,
            &self.gazetteer,
            &self.lookups,
            role_date,
        );
        let mut findings = Vec::new();
        let mut claims = None;
        if mode == Mode::Check {
            let extracted = claims::extract(&ExtractContext {
                text,
                folded: &folded,
                doc: &doc,
                mentions: &mentions,
                gazetteer: &self.gazetteer,
            });
            let words = rules::all_words(folded.text());
            let cx = Context {
                text,
                folded: &folded,
                doc: &doc,
                mentions: &mentions,
                claims: &extracted,
                gazetteer: &self.gazetteer,
                date,
                role_date,
                lexicon: self.lexicon.get_or_init(|| Lexicon::build(&self.gazetteer)),
                words: &words,
                prefer: &self.prefer,
            };
            for rule in rules::all() {
                let info = rule.info();
                let level = self.levels.get(info.id).copied();
                if level == Some(RuleLevel::Off) {
                    continue;
                }
                let mut out = Vec::new();
                rule.check(&cx, &mut out);
                for mut finding in out {
                    if let Some(RuleLevel::Severity(s)) = level {
                        finding.severity = s;
                    }
                    // Boilerplate is never checked.
                    if finding
                        .primary()
                        .is_some_and(|s| s.section == SectionKind::Boilerplate)
                    {
                        continue;
                    }
                    findings.push(finding);
                }
            }
            claims = Some(extracted);
            // Inline `tadqiq-ignore` comments, and warnings about the comments.
            let level = self.levels.get(crate::suppress::RULE).copied();
            for mut notice in crate::suppress::apply(text, format, &doc, &mut findings) {
                match level {
                    Some(RuleLevel::Off) => continue,
                    Some(RuleLevel::Severity(s)) => notice.severity = s,
                    None => {}
                }
                findings.push(notice);
            }
        }
        if !findings.is_empty() {
            let lines = LineIndex::new(text);
            for finding in &mut findings {
                for span in &mut finding.spans {
                    (span.line, span.column) = lines.line_col(text, span.start);
                }
            }
        }
        findings.sort_by(|a, b| {
            let key = |f: &Finding| f.primary().map(|s| (s.start, s.end)).unwrap_or((0, 0));
            key(a)
                .cmp(&key(b))
                .then_with(|| a.rule.cmp(b.rule))
                .then_with(|| a.message.cmp(&b.message))
        });
        findings.dedup();
        // No draft may make the report unbounded (see `rules::MAX_FINDINGS`).
        rules::limit(&mut findings);
        FileReport {
            path: path.to_string(),
            findings,
            mentions,
            claims,
            text: text.to_string(),
        }
    }
}

/// Today's date (UTC), for judging titles when a draft has no date.
pub(crate) fn today() -> PartialDate {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = (secs / 86_400) as i64;
    // Civil-from-days (proleptic Gregorian), after Howard Hinnant's algorithm.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    PartialDate {
        year,
        month: Some(month),
        day: Some(day),
    }
}

/// Lines [`LineIndex::line_col`] steps over before it searches the rest.
const LINE_STEPS: usize = 16;

/// Line starts of a text, for turning byte offsets into line and column.
///
/// Columns count characters from the line start. Queries in increasing
/// order on one line continue from the previous answer, so a draft written
/// as one long line costs one pass, not one pass per mention.
pub(crate) struct LineIndex {
    starts: Vec<usize>,
    /// The last answer: (offset, line, column).
    last: std::cell::Cell<(usize, usize, usize)>,
}

impl LineIndex {
    pub(crate) fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex {
            starts,
            last: std::cell::Cell::new((0, 1, 1)),
        }
    }

    /// 1-based line and 1-based column in characters.
    pub(crate) fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let (last_offset, last_line, last_column) = self.last.get();
        // The line, stepping on from the last answer's when the offsets
        // increase (mentions come in text order): a binary search per
        // mention cost more than the few steps over the lines between two.
        // Past a few lines the rest is searched, so spans asked out of
        // order (findings) never walk the text again and again.
        let line = if offset >= last_offset {
            let mut line = last_line;
            let mut steps = 0;
            while self.starts.get(line).is_some_and(|&s| s <= offset) {
                line += 1;
                steps += 1;
                if steps == LINE_STEPS {
                    line += self.starts[line..].partition_point(|&s| s <= offset);
                    break;
                }
            }
            line
        } else {
            self.starts.partition_point(|&s| s <= offset).max(1)
        };
        let start = self.starts[line - 1];
        let (from, base) = if last_line == line && last_offset <= offset && last_offset >= start {
            (last_offset, last_column)
        } else {
            (start, 1)
        };
        let column = text
            .get(from..offset)
            .map_or(1, |s| base + s.chars().count());
        self.last.set((offset, line, column));
        (line, column)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn today_is_a_real_date() {
        let d = today();
        assert!(d.year >= 2024);
        assert!(PartialDate::parse(&d.to_string()).is_some());
    }

    #[test]
    fn line_index_counts_characters() {
        let text = "سطر\nأحمد الشرع";
        let lines = LineIndex::new(text);
        let offset = text.find("الشرع").unwrap();
        assert_eq!(lines.line_col(text, offset), (2, 6));
        assert_eq!(lines.line_col(text, 0), (1, 1));
        // Increasing queries on one line continue from the last answer;
        // going back recomputes from the line start.
        let one_line = "أ ب ت ث";
        let lines = LineIndex::new(one_line);
        let at = |c: &str| one_line.find(c).unwrap();
        assert_eq!(lines.line_col(one_line, at("ب")), (1, 3));
        assert_eq!(lines.line_col(one_line, at("ث")), (1, 7));
        assert_eq!(lines.line_col(one_line, at("ت")), (1, 5));
        assert_eq!(lines.line_col(one_line, at("ث")), (1, 7));
    }

    /// Lines found by stepping on from the last answer are those a binary
    /// search finds, for offsets in order, with gaps, and going back.
    #[test]
    fn line_index_steps_like_a_search() {
        let mut texts = crate::test_texts::fixtures();
        texts.push("\n\nا\n\n\nب ت\n".to_string());
        for text in &texts {
            let starts: Vec<usize> = std::iter::once(0)
                .chain(text.match_indices('\n').map(|(i, _)| i + 1))
                .collect();
            let want = |o: usize| {
                let line = starts.partition_point(|&s| s <= o).max(1);
                let column = text
                    .get(starts[line - 1]..o)
                    .map_or(1, |s| 1 + s.chars().count());
                (line, column)
            };
            let lines = LineIndex::new(text);
            // Char boundaries, as every span and mention starts on one.
            let offsets: Vec<usize> = (0..=text.len())
                .filter(|&o| o % 7 != 3 && text.is_char_boundary(o))
                .chain([text.len() / 2, 0, text.len() / 3, text.len()])
                .collect();
            for o in offsets {
                assert_eq!(lines.line_col(text, o), want(o), "offset {o}");
            }
            // Far jumps forward (past the steps) and back, as findings ask.
            let lines = LineIndex::new(text);
            let bounds: Vec<usize> = (0..=text.len())
                .filter(|&o| text.is_char_boundary(o))
                .collect();
            let n = bounds.len();
            for k in 0..n.min(200) {
                for o in [bounds[n - 1 - k], bounds[k], bounds[(k * 7919) % n]] {
                    assert_eq!(lines.line_col(text, o), want(o), "offset {o}");
                }
            }
        }
    }
}
