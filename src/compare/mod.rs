//! `tadqiq compare A B`: two language versions of one story (DESIGN.md §13).
//!
//! Each version is read, tagged and claimed exactly as `check` reads it,
//! with its own language, date and sections. The two claim sets are then
//! compared slot by slot: slots are language-independent (entity ids,
//! predicate, unit and event lemmas, [`concepts`]), so "يضم 89 دولة" and
//! "includes 89 countries" meet in one slot. Contradictions are reported
//! under the existing rule ids (number-conflict, date-conflict,
//! name-conflict, role-conflict, quote-drift) with a span in each file; what
//! one version has and the other lacks is a `version-gap` info.
//!
//! Findings inside one version (what `check` reports) are not repeated
//! here: compare answers "do the versions agree", check "is this draft
//! right".

mod claims;
mod concepts;
mod entities;
mod pairing;

use std::io::{self, Write};

use crate::checker::{Checker, FileReport, LineIndex, Mode, RuleLevel};
use crate::finding::{Finding, Span};
use crate::gazetteer::PartialDate;
use crate::input::{read_draft_limited, Draft};
use crate::normalize::{fold, Folded};
use crate::report::{render, HumanOptions, OutputFormat, Report};
use crate::rules::titles::{person_titles_of, TitleIndex, TitleMatch};
use crate::run::{Engine, FailOn, Outcome, Settings};
use crate::segment::{segment, SectionKind, SectionMarkers};

use pairing::pair_dirs;

/// The rule id of what one version has and the other lacks.
pub(crate) const VERSION_GAP: &str = "version-gap";

/// One version of the story, analysed.
pub(crate) struct Version {
    pub path: String,
    /// `check`'s report: mentions (with folded offsets), claims, text.
    pub report: FileReport,
    pub folded: Folded,
    /// The draft's date (front matter, else `--date`).
    pub date: Option<PartialDate>,
    /// The date titles are judged at: the draft's date, else today.
    pub role_date: PartialDate,
    /// Written mostly in Latin letters (English).
    pub latin: bool,
    /// The gazetteer titles attached to each mention, by mention index.
    pub titles: Vec<Vec<TitleMatch>>,
    lines: LineIndex,
}

impl Version {
    fn new(
        checker: &Checker,
        titles: &TitleIndex,
        draft: &Draft,
        default_date: Option<PartialDate>,
    ) -> Version {
        let report = checker.run(&draft.path, &draft.text, draft.format, Mode::Check);
        let text = report.text.as_str();
        let folded = fold(text);
        // Only the front matter is needed here; markers do not change it.
        let date = segment(text, &SectionMarkers::default(), draft.format)
            .front_matter_date
            .as_deref()
            .and_then(PartialDate::parse)
            .or(default_date);
        let role_date = date.unwrap_or_else(crate::checker::today);
        let titles = person_titles_of(folded.text(), &report.mentions, checker.gazetteer(), titles);
        let (mut arabic, mut latin) = (0usize, 0usize);
        for c in text.chars() {
            if c.is_ascii_alphabetic() {
                latin += 1;
            } else if ('\u{0600}'..='\u{06FF}').contains(&c) {
                arabic += 1;
            }
        }
        Version {
            path: draft.path.clone(),
            lines: LineIndex::new(text),
            latin: latin > arabic,
            report,
            folded,
            date,
            role_date,
            titles,
        }
    }

    pub fn text(&self) -> &str {
        &self.report.text
    }

    /// A span over original bytes `start..end` of this version, naming it.
    pub fn span(
        &self,
        start: usize,
        end: usize,
        entity: Option<&str>,
        section: SectionKind,
    ) -> Span {
        let (line, column) = self.lines.line_col(self.text(), start);
        Span {
            start,
            end,
            line,
            column,
            text: self.text().get(start..end).unwrap_or("").to_string(),
            entity: entity.map(str::to_string),
            section,
            path: Some(self.path.clone()),
        }
    }

    /// The original byte range of a folded range.
    pub fn original(&self, folded: (usize, usize)) -> (usize, usize) {
        let r = self.folded.original_range(folded.0..folded.1);
        (r.start, r.end)
    }

    /// The draft's date as a phrase for notes.
    pub fn date_phrase(&self) -> String {
        match self.date {
            Some(d) => format!("{} is dated {d}", self.path),
            None => format!(
                "{} has no date; titles are judged at {} (today)",
                self.path, self.role_date
            ),
        }
    }
}

/// What the comparisons share: both versions and the gazetteer.
pub(crate) struct Pair<'a> {
    pub a: &'a Version,
    pub b: &'a Version,
    pub checker: &'a Checker,
    pub titles: &'a TitleIndex,
}

impl Pair<'_> {
    pub fn gazetteer(&self) -> &crate::gazetteer::Gazetteer {
        self.checker.gazetteer()
    }

    /// Both versions, first then second, with the other one.
    pub fn both(&self) -> [(&Version, &Version); 2] {
        [(self.a, self.b), (self.b, self.a)]
    }
}

pub(crate) use crate::rules::finding;

/// Compares two analysed versions: every cross-version finding, the
/// first version's report first. Each finding is filed under the version
/// its primary span lies in.
pub(crate) fn compare_versions(
    a: &Version,
    b: &Version,
    checker: &Checker,
    titles: &TitleIndex,
) -> [FileReport; 2] {
    let pair = Pair {
        a,
        b,
        checker,
        titles,
    };
    let mut out = Vec::new();
    let quoted = claims::quotes(&pair, &mut out);
    claims::numbers(&pair, &quoted, &mut out);
    claims::dates(&pair, &mut out);
    entities::names_and_roles(&pair, &quoted.names, &mut out);
    let mut reports = [a, b].map(|v| FileReport {
        path: v.path.clone(),
        findings: Vec::new(),
        mentions: Vec::new(),
        claims: None,
        text: v.report.text.clone(),
    });
    for mut f in out {
        match checker.rule_level(f.rule) {
            Some(RuleLevel::Off) => continue,
            Some(RuleLevel::Severity(s)) => f.severity = s,
            None => {}
        }
        let in_b = f
            .primary()
            .is_some_and(|s| s.path.as_deref() == Some(b.path.as_str()) && a.path != b.path);
        reports[usize::from(in_b)].findings.push(f);
    }
    for r in &mut reports {
        r.findings.sort_by(|x, y| {
            let key = |f: &Finding| f.primary().map(|s| (s.start, s.end)).unwrap_or((0, 0));
            key(x)
                .cmp(&key(y))
                .then_with(|| x.rule.cmp(y.rule))
                .then_with(|| x.message.cmp(&y.message))
        });
        r.findings.dedup();
        crate::rules::limit(&mut r.findings);
    }
    reports
}

/// What `tadqiq compare` was asked to compare.
#[derive(Debug, Clone)]
pub enum CompareInputs {
    /// Two files (`-` reads standard input for one of them).
    Files(String, String),
    /// Two folders, paired by file name (see docs/compare.md).
    Dirs(String, String),
}

/// Options of `tadqiq compare`.
#[derive(Debug, Clone)]
pub struct CompareOptions {
    pub inputs: CompareInputs,
    pub format: OutputFormat,
    /// `--fail-on`; `None` takes the config's `fail-on`, else `error`.
    pub fail_on: Option<FailOn>,
    pub color: bool,
}

/// `tadqiq compare A B` and `tadqiq compare --dir A_DIR B_DIR`: each pair
/// checked under the config of its first file, both reports rendered in
/// `format`. Fails (exit 1) when a finding is at or above `fail_on`;
/// exit 2 when a file cannot be read or no pair is found.
///
/// # Errors
/// Only I/O errors writing `out` or `err`.
pub fn compare(
    settings: &Settings,
    opts: &CompareOptions,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Outcome> {
    let mut engine = Engine::new(settings);
    let pairs = match &opts.inputs {
        CompareInputs::Files(a, b) => {
            if a == "-" && b == "-" {
                writeln!(
                    err,
                    "tadqiq: error: only one of the two versions can be read from standard input"
                )?;
                return Ok(Outcome::Error);
            }
            vec![(a.clone(), b.clone())]
        }
        CompareInputs::Dirs(a, b) => {
            let pairing = match pair_dirs(&mut engine, a, b) {
                Ok(p) => p,
                Err(message) => {
                    writeln!(err, "tadqiq: error: {message}")?;
                    return Ok(Outcome::Error);
                }
            };
            for note in &pairing.notes {
                writeln!(err, "tadqiq: {note}")?;
            }
            if pairing.pairs.is_empty() {
                writeln!(
                    err,
                    "tadqiq: error: no file in {a} has a counterpart in {b} (files pair by name; see docs/compare.md)"
                )?;
                return Ok(Outcome::Error);
            }
            pairing.pairs
        }
    };
    let mut report = Report::default();
    let mut unreadable = false;
    let mut failed = false;
    for (pa, pb) in &pairs {
        let key = match engine.config_for_file(pa).and_then(|key| {
            engine.prepare(&key)?;
            Ok(key)
        }) {
            Ok(key) => key,
            Err(message) => {
                writeln!(err, "{message}")?;
                return Ok(Outcome::Error);
            }
        };
        let fail_on = engine.fail_on(&key, opts.fail_on);
        let limit = engine.max_bytes(&key);
        let mut drafts = Vec::new();
        for path in [pa, pb] {
            match read_draft_limited(path, &settings.stdin_name, limit) {
                Ok(d) => drafts.push(d),
                Err(e) => {
                    writeln!(err, "tadqiq: error: {e}")?;
                    unreadable = true;
                }
            }
        }
        let [da, db] = match <[Draft; 2]>::try_from(drafts) {
            Ok(pair) => pair,
            Err(_) => continue,
        };
        let Some(checker) = engine.checkers.get(&key) else {
            return Ok(Outcome::Error);
        };
        let titles = &checker.lexicon().titles;
        let va = Version::new(checker, titles, &da, settings.date);
        let vb = Version::new(checker, titles, &db, settings.date);
        for r in compare_versions(&va, &vb, checker, titles) {
            failed |= r.findings.iter().any(|f| fail_on.fails(f.severity));
            report.files.push(r);
        }
    }
    let human = HumanOptions {
        color: opts.color,
        mentions: false,
        findings: true,
        summary: true,
        columns: true,
    };
    render(&report, opts.format, &human, out)?;
    out.flush()?;
    Ok(if unreadable {
        Outcome::Error
    } else if failed {
        Outcome::Failed
    } else {
        Outcome::Clean
    })
}

#[cfg(test)]
mod tests;
