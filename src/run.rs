//! The commands behind the binary: read drafts, run the checker, render,
//! and say which exit code the outcome deserves. `main.rs` only parses
//! flags and calls these.

use std::io::{self, Write};

use crate::checker::{Checker, Mode};
use crate::finding::Severity;
use crate::input::{read_draft, InputError};
use crate::report::{render, HumanOptions, OutputFormat, Report};

/// The findings level at which a run fails (`--fail-on`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailOn {
    Severity(Severity),
    Never,
}

impl FailOn {
    pub fn parse(s: &str) -> Option<FailOn> {
        match s {
            "never" => Some(FailOn::Never),
            other => Severity::parse(other).map(FailOn::Severity),
        }
    }
}

/// How a run ended, mapped to exit codes 0, 1 and 2.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// No finding at or above the fail-on level.
    Clean,
    /// Findings at or above the fail-on level.
    Failed,
    /// The tool could not do its job for at least one input.
    Error,
}

impl Outcome {
    pub fn exit_code(self) -> u8 {
        match self {
            Outcome::Clean => 0,
            Outcome::Failed => 1,
            Outcome::Error => 2,
        }
    }
}

/// Options of `tadqiq check` and `tadqiq tag`.
#[derive(Debug, Clone)]
pub struct RunOptions {
    pub paths: Vec<String>,
    pub stdin_name: String,
    pub format: OutputFormat,
    pub fail_on: FailOn,
    pub color: bool,
    /// Include mentions in `check` output.
    pub mentions: bool,
    /// Include claims in `check` JSON output.
    pub claims: bool,
}

/// Runs `check` or `tag` on every path, writing the report to `out` and one
/// line per unreadable input to `err`. Unreadable inputs do not stop the
/// others; they make the outcome [`Outcome::Error`].
///
/// # Errors
/// Only I/O errors writing `out` or `err`.
pub fn run(
    checker: &Checker,
    mode: Mode,
    opts: &RunOptions,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Outcome> {
    let mut report = Report::default();
    let mut failures: Vec<InputError> = Vec::new();
    let paths = if opts.paths.is_empty() {
        vec!["-".to_string()]
    } else {
        opts.paths.clone()
    };
    for path in &paths {
        match read_draft(path, &opts.stdin_name) {
            Ok(draft) => {
                let mut file = checker.run(&draft.path, &draft.text, draft.format, mode);
                if mode == Mode::Check && !opts.mentions {
                    file.mentions.clear();
                }
                if !opts.claims {
                    file.claims = None;
                }
                report.files.push(file);
            }
            Err(e) => failures.push(e),
        }
    }
    let human = HumanOptions {
        color: opts.color,
        mentions: mode == Mode::Tag || opts.mentions,
        findings: mode == Mode::Check,
        summary: mode == Mode::Check,
    };
    render(&report, opts.format, &human, out)?;
    out.flush()?;
    for failure in &failures {
        writeln!(err, "tadqiq: error: {failure}")?;
    }
    if !failures.is_empty() {
        return Ok(Outcome::Error);
    }
    let failed = match (opts.fail_on, report.worst()) {
        (FailOn::Severity(level), Some(worst)) => mode == Mode::Check && worst >= level,
        _ => false,
    };
    Ok(if failed {
        Outcome::Failed
    } else {
        Outcome::Clean
    })
}
