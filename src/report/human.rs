//! `--format human`: one block per finding or mention. Every line starts with
//! ASCII so a terminal keeps its base direction left-to-right with Arabic in
//! the excerpt; no carets, since no terminal places them under Arabic.
//! Everything taken from a draft or a path (excerpts, `also:` spans,
//! messages, notes, paths, mention texts) goes through [`visible`]: control
//! and bidi characters shown as `<U+001B>`, line breaks as spaces, so a
//! draft can neither drive the terminal nor fake or reorder a line. Only a
//! note written to span lines (a YAML stub to paste) keeps its breaks, its
//! later lines indented under its text.

use std::io::{self, Write};

use super::{excerpt, visible, visible_lines, Report};
use crate::finding::Severity;

/// How to print human output.
#[derive(Debug, Clone, Copy, Default)]
pub struct HumanOptions {
    /// ANSI colour on severities.
    pub color: bool,
    /// Print mentions (for `tadqiq tag` and `check --mentions`).
    pub mentions: bool,
    /// Print findings.
    pub findings: bool,
    /// Print the closing summary line.
    pub summary: bool,
    /// Finding positions with their column (`path:line:col:`). Without,
    /// `path:line:` (the snapshot format: an edit earlier on a line does
    /// not churn the report).
    pub columns: bool,
}

const EXCERPT_WIDTH: usize = 40;

/// Where the second and later lines of a note start: under its text.
const NOTE_INDENT: &str = "        ";

/// The column part of a finding's position: `col:`, or nothing.
fn column(opts: &HumanOptions, column: usize) -> String {
    if opts.columns {
        format!("{column}:")
    } else {
        String::new()
    }
}

fn paint(color: bool, code: &str, text: &str) -> String {
    if color {
        format!("\x1b[{code}m{text}\x1b[0m")
    } else {
        text.to_string()
    }
}

fn severity_code(s: Severity) -> &'static str {
    match s {
        Severity::Error => "1;31",
        Severity::Warning => "1;33",
        Severity::Info => "1;34",
    }
}

pub(super) fn render(report: &Report, opts: &HumanOptions, out: &mut dyn Write) -> io::Result<()> {
    for file in &report.files {
        let text = Some(file.text.as_str()).filter(|t| !t.is_empty());
        if opts.mentions {
            for m in &file.mentions {
                let entity = m.entity_id.as_deref().map_or_else(
                    || format!("unresolved: {}", m.candidates.join(" | ")),
                    str::to_string,
                );
                writeln!(
                    out,
                    "{}:{}:{}: {}[{}] \"{}\" ({}, {})",
                    visible(&file.path),
                    m.line,
                    m.column,
                    m.kind.as_str(),
                    visible(&entity),
                    visible(&m.text),
                    m.form.as_str(),
                    m.section.as_str()
                )?;
                if let Some(text) = text {
                    writeln!(
                        out,
                        "{:>5} | {}",
                        m.line,
                        excerpt(text, m.start, m.end, EXCERPT_WIDTH)
                    )?;
                }
            }
        }
        if opts.findings {
            for f in &file.findings {
                let Some(primary) = f.primary() else { continue };
                writeln!(
                    out,
                    "{}:{}:{} {}[{}] {}",
                    visible(&file.path),
                    primary.line,
                    column(opts, primary.column),
                    paint(opts.color, severity_code(f.severity), f.severity.as_str()),
                    f.rule,
                    visible(&f.message)
                )?;
                if let Some(text) = text {
                    writeln!(
                        out,
                        "{:>5} | {}",
                        primary.line,
                        excerpt(text, primary.start, primary.end, EXCERPT_WIDTH)
                    )?;
                }
                for span in &f.spans[1..] {
                    writeln!(
                        out,
                        "  also: {}:{}:{} \"{}\" ({})",
                        visible(span.path.as_deref().unwrap_or(&file.path)),
                        span.line,
                        column(opts, span.column),
                        visible(&span.text),
                        span.section.as_str()
                    )?;
                }
                for note in &f.notes {
                    // A note may span lines (a YAML stub to paste): its next
                    // lines are indented under its text, so none can pass
                    // for a finding or an excerpt.
                    let mut lines = visible_lines(note);
                    writeln!(out, "  note: {}", lines.next().unwrap_or_default())?;
                    for line in lines {
                        writeln!(out, "{NOTE_INDENT}{line}")?;
                    }
                }
            }
        }
    }
    if opts.summary {
        let s = report.summary();
        let plural = |n: usize, word: &str| {
            if n == 1 {
                format!("{n} {word}")
            } else {
                format!("{n} {word}s")
            }
        };
        writeln!(
            out,
            "tadqiq: {} checked: {}, {}, {}",
            plural(s.files, "file"),
            plural(s.errors, "error"),
            plural(s.warnings, "warning"),
            plural(s.infos, "info")
        )?;
    }
    Ok(())
}
