//! Reports: the findings and mentions of every checked draft, and one file
//! per output format that renders them. Formats never decide anything.

mod diff;
mod github;
mod html;
mod human;
mod json;
mod jsonl;
mod sarif;

use std::io::{self, Write};

use serde::Serialize;

use crate::checker::FileReport;
use crate::finding::{Severity, Span};

pub use diff::{DiffSummary, DraftDiff};
pub use human::HumanOptions;

/// The tool's name and version, as every machine format reports them.
pub const TOOL_NAME: &str = "tadqiq";
pub const TOOL_VERSION: &str = env!("CARGO_PKG_VERSION");

/// The report of a whole run, files in the order they were given.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    pub files: Vec<FileReport>,
}

/// Counts over a report.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Report {
    pub fn summary(&self) -> Summary {
        let mut s = Summary {
            files: self.files.len(),
            ..Summary::default()
        };
        for finding in self.files.iter().flat_map(|f| &f.findings) {
            match finding.severity {
                Severity::Error => s.errors += 1,
                Severity::Warning => s.warnings += 1,
                Severity::Info => s.infos += 1,
            }
        }
        s
    }

    /// The most serious severity of any finding.
    pub fn worst(&self) -> Option<Severity> {
        self.files
            .iter()
            .flat_map(|f| &f.findings)
            .map(|f| f.severity)
            .max()
    }
}

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    Human,
    Json,
    /// One finding (or mention, for `tag`) per line, each with its path.
    Jsonl,
    /// SARIF 2.1.0.
    Sarif,
    /// GitHub Actions workflow commands.
    Github,
    /// One self-contained HTML page for editors.
    Html,
}

/// Writes `report` in `format`.
///
/// # Errors
/// Only I/O errors of `out`.
pub fn render(
    report: &Report,
    format: OutputFormat,
    human: &HumanOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        OutputFormat::Human => human::render(report, human, out),
        OutputFormat::Json => json::render(report, out),
        OutputFormat::Jsonl => jsonl::render(report, human, out),
        OutputFormat::Sarif => sarif::render(report, out),
        OutputFormat::Github => github::render(report, out),
        OutputFormat::Html => html::render(report, human, out),
    }
}

/// The 1-based line and column just after a span's last character, from
/// its start and its text (no need for the whole draft).
pub(crate) fn end_position(span: &Span) -> (usize, usize) {
    match span.text.rfind('\n') {
        Some(i) => (
            span.line + span.text.matches('\n').count(),
            span.text[i + 1..].chars().count() + 1,
        ),
        None => (span.line, span.column + span.text.chars().count()),
    }
}

/// The pieces of a one-line excerpt: up to `width` characters before and
/// after the match on its line, with control and bidi characters escaped
/// (`<U+200F>`) and line breaks inside the match shown as spaces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Excerpt {
    pub cut_before: bool,
    pub before: String,
    pub matched: String,
    pub after: String,
    pub cut_after: bool,
}

pub(crate) fn excerpt_parts(text: &str, start: usize, end: usize, width: usize) -> Excerpt {
    let start = floor_char(text, start.min(text.len()));
    let end = floor_char(text, end.clamp(start, text.len()));
    // Walk at most `width` characters each way (and one more, to know whether
    // the line was cut), never the whole line: a draft may be one long line.
    let before: Vec<char> = text[..start]
        .chars()
        .rev()
        .take_while(|&c| c != '\n')
        .take(width + 1)
        .collect();
    let after: Vec<char> = text[end..]
        .chars()
        .take_while(|&c| c != '\n')
        .take(width + 1)
        .collect();
    let escaped = |chars: &mut dyn Iterator<Item = char>| {
        let mut out = String::new();
        push_escaped(&mut out, chars);
        out
    };
    Excerpt {
        cut_before: before.len() > width,
        before: escaped(&mut before.iter().take(width).rev().copied()),
        matched: escaped(&mut text[start..end].chars()),
        after: escaped(&mut after.iter().take(width).copied()),
        cut_after: after.len() > width,
    }
}

/// A one-line excerpt of `text` around `start..end`: about `width`
/// characters either side, the match in ⟦ ⟧, bidi and other control
/// characters shown escaped (`<U+200F>`) so they cannot reorder the line.
pub fn excerpt(text: &str, start: usize, end: usize, width: usize) -> String {
    let parts = excerpt_parts(text, start, end, width);
    let mut out = String::new();
    if parts.cut_before {
        out.push('…');
    }
    out.push_str(&parts.before);
    out.push('⟦');
    out.push_str(&parts.matched);
    out.push('⟧');
    out.push_str(&parts.after);
    if parts.cut_after {
        out.push('…');
    }
    out.trim_end().to_string()
}

fn floor_char(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// True for characters that change text direction or are invisible.
pub(crate) fn is_bidi_control(c: char) -> bool {
    matches!(c,
        '\u{061C}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

fn push_escaped(out: &mut String, chars: impl Iterator<Item = char>) {
    for c in chars {
        if c == '\n' || c == '\t' || c == '\r' {
            out.push(' ');
        } else if is_bidi_control(c) || c.is_control() {
            out.push_str(&format!("<U+{:04X}>", c as u32));
        } else {
            out.push(c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpt_brackets_and_escapes() {
        let text = "قال\u{200F} الرئيس أحمد الشرع اليوم";
        let start = text.find("أحمد").unwrap();
        let end = start + "أحمد الشرع".len();
        assert_eq!(
            excerpt(text, start, end, 40),
            "قال<U+200F> الرئيس ⟦أحمد الشرع⟧ اليوم"
        );
    }

    #[test]
    fn excerpt_cuts_long_lines() {
        let text = format!("{}X{}", "a".repeat(100), "b".repeat(100));
        let got = excerpt(&text, 100, 101, 5);
        assert_eq!(got, "…aaaaa⟦X⟧bbbbb…");
    }

    #[test]
    fn excerpt_stays_on_the_match_line() {
        let text = "first line\nsecond TARGET here\nthird";
        let start = text.find("TARGET").unwrap();
        assert_eq!(excerpt(text, start, start + 6, 40), "second ⟦TARGET⟧ here");
    }
}
