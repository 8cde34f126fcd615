//! Reports: the findings and mentions of every checked draft, and one file
//! per output format that renders them. Formats never decide anything.

mod diff;
mod github;
mod html;
mod human;
mod json;
mod jsonl;
mod sarif;
mod snapshot;
pub mod statistics;

use std::fmt::Write as _;
use std::io::{self, Write};

use serde::Serialize;

use crate::checker::FileReport;
use crate::finding::{Severity, Span};

pub use diff::{DiffSummary, DraftDiff};
pub use human::HumanOptions;
pub use snapshot::render as render_snapshot;

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

/// True for characters that change text direction or are invisible:
/// the marks (U+200E/F, U+061C), embeddings and overrides (U+202A–E),
/// isolates (U+2066–9), zero-width characters (U+200B–D) and U+FEFF.
pub(crate) fn is_bidi_control(c: char) -> bool {
    matches!(c,
        '\u{061C}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// True for characters no report prints as they are: C0 and C1 controls
/// (ESC among them), DEL, the line and paragraph separators (U+2028/9,
/// which some viewers break lines at) and [`is_bidi_control`].
pub(crate) fn is_unsafe_char(c: char) -> bool {
    c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') || is_bidi_control(c)
}

/// Appends `chars` as one line of plain text: tabs and line breaks become
/// spaces (so a span or message can never start a new output line), every
/// other [`is_unsafe_char`] becomes a visible `<U+001B>`, and the rest is
/// kept. The one escaping rule of the text formats (human, github, the
/// `snapshot` and `diff` listings, error lines); HTML and JSON build on it.
pub(crate) fn push_escaped(out: &mut String, chars: impl Iterator<Item = char>) {
    for c in chars {
        if matches!(c, '\n' | '\t' | '\r') {
            out.push(' ');
        } else if is_unsafe_char(c) {
            let _ = write!(out, "<U+{:04X}>", c as u32);
        } else {
            out.push(c);
        }
    }
}

/// `text` made safe to print on one line (see [`push_escaped`]).
pub(crate) fn visible(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(is_unsafe_char) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    push_escaped(&mut out, text.chars());
    std::borrow::Cow::Owned(out)
}

/// The lines of a text meant to span lines (a note holding a YAML stub to
/// paste), each made [`visible`]; a CR before a line break is dropped.
pub(crate) fn visible_lines(text: &str) -> impl Iterator<Item = std::borrow::Cow<'_, str>> {
    text.split('\n')
        .map(|line| visible(line.strip_suffix('\r').unwrap_or(line)))
}

/// A writer for JSON documents that also writes DEL, the C1 controls,
/// U+2028/9 and the bidi controls as `\uXXXX` escapes (serde_json escapes
/// only U+0000–U+001F). Outside strings JSON is ASCII, so the replacement
/// is always inside a string and the parsed values stay the same; a
/// terminal or log viewer showing the raw document is never driven by it.
pub(crate) struct JsonSafe<W: Write> {
    inner: W,
    /// The start of a UTF-8 sequence cut at the end of the last write.
    pending: Vec<u8>,
}

impl<W: Write> JsonSafe<W> {
    pub(crate) fn new(inner: W) -> JsonSafe<W> {
        JsonSafe {
            inner,
            pending: Vec::new(),
        }
    }

    fn emit(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut i = 0;
        let mut clean_from = 0;
        while i < buf.len() {
            let b = buf[i];
            if b < 0x7F {
                i += 1;
                continue;
            }
            let len = match b {
                0x7F => 1,
                0xC0..=0xDF => 2,
                0xE0..=0xEF => 3,
                0xF0..=0xF7 => 4,
                _ => 1, // a continuation or invalid byte: pass it through
            };
            if i + len > buf.len() {
                break; // cut sequence: keep it for the next write
            }
            let c = std::str::from_utf8(&buf[i..i + len])
                .ok()
                .and_then(|s| s.chars().next());
            match c {
                Some(c) if is_unsafe_char(c) => {
                    self.inner.write_all(&buf[clean_from..i])?;
                    write!(self.inner, "\\u{:04x}", c as u32)?;
                    i += len;
                    clean_from = i;
                }
                _ => i += len,
            }
        }
        self.inner.write_all(&buf[clean_from..i])?;
        Ok(i)
    }
}

impl<W: Write> Write for JsonSafe<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.pending.is_empty() {
            let done = self.emit(buf)?;
            self.pending.extend_from_slice(&buf[done..]);
        } else {
            let mut joined = std::mem::take(&mut self.pending);
            joined.extend_from_slice(buf);
            let done = self.emit(&joined)?;
            self.pending = joined.split_off(done);
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        let rest = std::mem::take(&mut self.pending);
        self.inner.write_all(&rest)?;
        self.inner.flush()
    }
}

/// Writes `value` as pretty JSON through [`JsonSafe`], then a newline.
pub(crate) fn write_json_pretty<T: Serialize + ?Sized>(
    out: &mut dyn Write,
    value: &T,
) -> io::Result<()> {
    let mut safe = JsonSafe::new(&mut *out);
    serde_json::to_writer_pretty(&mut safe, value)?;
    safe.flush()?;
    writeln!(out)
}

/// Writes `value` as one line of JSON through [`JsonSafe`], then a newline.
pub(crate) fn write_json_line<T: Serialize + ?Sized>(
    out: &mut dyn Write,
    value: &T,
) -> io::Result<()> {
    let mut safe = JsonSafe::new(&mut *out);
    serde_json::to_writer(&mut safe, value)?;
    safe.flush()?;
    writeln!(out)
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
    fn visible_escapes_controls_and_flattens_breaks() {
        assert_eq!(
            visible("a\u{1b}]0;t\u{7}b\r\nc\u{202E}d\u{85}e\u{2028}f"),
            "a<U+001B>]0;t<U+0007>b  c<U+202E>d<U+0085>e<U+2028>f"
        );
        assert!(matches!(
            visible("أحمد الشرع"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn json_safe_escapes_what_serde_leaves_raw_even_across_writes() {
        let value = "a\u{202E}b\u{7f}c\u{85}d\u{1b}e\u{2066}أ";
        let mut out = Vec::new();
        write_json_line(&mut out, &value).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(text, "\"a\\u202eb\\u007fc\\u0085d\\u001be\\u2066أ\"\n");
        assert_eq!(serde_json::from_str::<String>(&text).unwrap(), value);
        // A character cut between two writes is still seen whole.
        let mut out = Vec::new();
        {
            let mut safe = JsonSafe::new(&mut out);
            let bytes = "x\u{202E}y".as_bytes();
            safe.write_all(&bytes[..2]).unwrap();
            safe.write_all(&bytes[2..]).unwrap();
            safe.flush().unwrap();
        }
        assert_eq!(String::from_utf8(out).unwrap(), "x\\u202ey");
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
