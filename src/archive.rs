//! Archive runs (DESIGN.md §11): `tadqiq check --input jsonl` reads one JSON
//! record a line (`{"id", "text", "date", "title", "format"}`) and writes one
//! JSONL line per record, in input order, so a distributed engine can run it
//! as a map step over partitions (Spark's `RDD.pipe`).
//!
//! Memory is bounded: records are read in batches (at most
//! [`BATCH_RECORDS`] records or [`BATCH_BYTES`] of text), checked on every
//! core, written in order and dropped before the next batch is read. A bad
//! record (not JSON, no `text`, a bad `date`, too long) gets an `error` line
//! of its own and the stream goes on; so does a record whose check panics.

use std::io::{self, BufRead, Write};
use std::panic::{catch_unwind, AssertUnwindSafe};

use serde::{Deserialize, Serialize};

use crate::checker::{Checker, Mode};
use crate::finding::{Finding, Severity};
use crate::gazetteer::PartialDate;
use crate::resolve::Mention;
use crate::segment::Format;

/// Records read before the batch is checked.
pub const BATCH_RECORDS: usize = 512;
/// Bytes of record text read before the batch is checked.
pub const BATCH_BYTES: usize = 16 << 20;
/// The longest record line accepted; longer ones get an error line.
pub const MAX_RECORD_BYTES: usize = 32 << 20;

/// One input record.
#[derive(Debug, Deserialize)]
struct Record {
    #[serde(default)]
    id: serde_json::Value,
    text: String,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    format: Option<String>,
}

/// One output line.
#[derive(Debug, Serialize)]
struct Output<'a> {
    id: &'a serde_json::Value,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    findings: Option<&'a [Finding]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    mentions: Option<&'a [Mention]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    summary: Option<Counts>,
}

#[derive(Debug, Clone, Copy, Default, Serialize)]
struct Counts {
    errors: usize,
    warnings: usize,
    infos: usize,
}

/// What a whole stream came to.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StreamOutcome {
    pub records: usize,
    pub bad_records: usize,
    /// The most serious severity of any finding.
    pub worst: Option<Severity>,
}

/// A record line as read: its 1-based line number and its bytes, or why it
/// was refused before parsing.
enum Line {
    Read(usize, Vec<u8>),
    TooLong(usize),
}

/// A checked record, ready to write.
enum Checked {
    Report {
        id: serde_json::Value,
        findings: Vec<Finding>,
        mentions: Vec<Mention>,
    },
    Bad {
        id: serde_json::Value,
        message: String,
    },
}

/// Checks every record of `input`, writing one line per record to `out`.
/// `mentions` adds each record's mentions (always on in [`Mode::Tag`]).
///
/// # Errors
/// I/O errors reading `input` or writing `out`.
pub fn run_stream(
    checker: &Checker,
    mode: Mode,
    mentions: bool,
    threads: usize,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
) -> io::Result<StreamOutcome> {
    let mut outcome = StreamOutcome::default();
    let mut line_number = 0;
    loop {
        let mut batch = Vec::new();
        let mut bytes = 0;
        while batch.len() < BATCH_RECORDS && bytes < BATCH_BYTES {
            let Some(line) = read_line(input, &mut line_number)? else {
                break;
            };
            if let Line::Read(_, text) = &line {
                if text.iter().all(u8::is_ascii_whitespace) {
                    continue;
                }
                bytes += text.len();
            }
            batch.push(line);
        }
        if batch.is_empty() {
            break;
        }
        let results = check_batch(checker, mode, &batch, threads);
        for result in results {
            outcome.records += 1;
            write_result(&result, mode, mentions, &mut outcome, out)?;
        }
        out.flush()?;
    }
    Ok(outcome)
}

/// Reads one line of at most [`MAX_RECORD_BYTES`], discarding the rest of a
/// longer one; `None` at the end of input.
fn read_line(input: &mut dyn BufRead, line_number: &mut usize) -> io::Result<Option<Line>> {
    let mut line = Vec::new();
    let mut too_long = false;
    let mut any = false;
    loop {
        let available = input.fill_buf()?;
        if available.is_empty() {
            break;
        }
        any = true;
        let (chunk, done) = match available.iter().position(|&b| b == b'\n') {
            Some(i) => (&available[..i], Some(i + 1)),
            None => (available, None),
        };
        if !too_long {
            if line.len() + chunk.len() > MAX_RECORD_BYTES {
                too_long = true;
                line = Vec::new();
            } else {
                line.extend_from_slice(chunk);
            }
        }
        let consumed = done.unwrap_or(available.len());
        input.consume(consumed);
        if done.is_some() {
            break;
        }
    }
    if !any {
        return Ok(None);
    }
    *line_number += 1;
    Ok(Some(if too_long {
        Line::TooLong(*line_number)
    } else {
        Line::Read(*line_number, line)
    }))
}

fn check_batch(checker: &Checker, mode: Mode, batch: &[Line], threads: usize) -> Vec<Checked> {
    // check_line catches panics itself, so a worker never dies.
    let results =
        crate::parallel::map_in_order(batch, threads, |line| check_line(checker, mode, line));
    results
        .into_iter()
        .map(|r| {
            r.unwrap_or(Checked::Bad {
                id: serde_json::Value::Null,
                message: "internal error while checking (a bug in tadqiq; please report it)".into(),
            })
        })
        .collect()
}

fn check_line(checker: &Checker, mode: Mode, line: &Line) -> Checked {
    let (number, bytes) = match line {
        Line::TooLong(number) => {
            return Checked::Bad {
                id: serde_json::Value::Null,
                message: format!(
                    "line {number}: record longer than {} MiB",
                    MAX_RECORD_BYTES >> 20
                ),
            }
        }
        Line::Read(number, bytes) => (*number, bytes),
    };
    let record: Record = match serde_json::from_slice(bytes) {
        Ok(r) => r,
        Err(e) => {
            return Checked::Bad {
                id: id_of(bytes),
                message: format!("line {number}: not a record: {e}"),
            }
        }
    };
    let date = match record.date.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
        None => None,
        Some(text) => match date_of(text) {
            Some(date) => Some(date),
            None => {
                return Checked::Bad {
                    id: record.id,
                    message: format!(
                        "line {number}: `date` {text:?} is not YYYY, YYYY-MM or YYYY-MM-DD (a time after it is allowed)"
                    ),
                }
            }
        },
    };
    let format = match record.format.as_deref() {
        None | Some("markdown") | Some("md") => Format::Markdown,
        Some("text") | Some("plain") => Format::Plain,
        Some(other) => {
            return Checked::Bad {
                id: record.id,
                message: format!("line {number}: `format` {other:?} is not markdown or text"),
            }
        }
    };
    let text = match &record.title {
        Some(title) if !title.trim().is_empty() => format!("{title}\n\n{}", record.text),
        _ => record.text,
    };
    let path = format!("record {number}");
    match catch_unwind(AssertUnwindSafe(|| {
        checker.run_dated(&path, &text, format, mode, date)
    })) {
        Ok(report) => Checked::Report {
            id: record.id,
            findings: report.findings,
            mentions: report.mentions,
        },
        Err(_) => Checked::Bad {
            id: record.id,
            message: format!(
                "line {number}: internal error while checking (a bug in tadqiq; please report it)"
            ),
        },
    }
}

/// The `id` of a line that is not a valid record, when it can be read.
fn id_of(bytes: &[u8]) -> serde_json::Value {
    serde_json::from_slice::<serde_json::Value>(bytes)
        .ok()
        .and_then(|v| v.get("id").cloned())
        .unwrap_or(serde_json::Value::Null)
}

/// A record's date: the date part of `YYYY-MM-DD[THH:MM...]`, or a partial date.
fn date_of(text: &str) -> Option<PartialDate> {
    let day = text.split(['T', ' ']).next().unwrap_or(text);
    PartialDate::parse(day)
}

fn write_result(
    result: &Checked,
    mode: Mode,
    mentions: bool,
    outcome: &mut StreamOutcome,
    out: &mut dyn Write,
) -> io::Result<()> {
    let line = match result {
        Checked::Bad { id, message } => {
            outcome.bad_records += 1;
            Output {
                id,
                error: Some(message.clone()),
                findings: None,
                mentions: None,
                summary: None,
            }
        }
        Checked::Report {
            id,
            findings,
            mentions: found,
        } => {
            let mut counts = Counts::default();
            for finding in findings {
                match finding.severity {
                    Severity::Error => counts.errors += 1,
                    Severity::Warning => counts.warnings += 1,
                    Severity::Info => counts.infos += 1,
                }
                outcome.worst = outcome.worst.max(Some(finding.severity));
            }
            Output {
                id,
                error: None,
                findings: (mode == Mode::Check).then_some(findings.as_slice()),
                mentions: (mode == Mode::Tag || mentions).then_some(found.as_slice()),
                summary: (mode == Mode::Check).then_some(counts),
            }
        }
    };
    // Through the reports' JSON writer: bidi and C1 controls as \u escapes.
    crate::report::write_json_line(out, &line)
}
