//! `--format github`: GitHub Actions workflow commands
//! (`::error file=…,line=…,col=…::message`), so findings show as
//! annotations on the lines of a pull request's diff. Info findings become
//! `::notice`.
//!
//! Text from drafts and paths is first made [`visible`] (control and bidi
//! characters as `<U+001B>`, line breaks as spaces), then escaped the way
//! the runner unescapes it: `%`, CR and LF in the message; also `:` and `,`
//! in property values. So every command is one line, and the log shows no
//! raw escape sequence or bidi control.

use std::io::{self, Write};

use super::{end_position, visible, visible_lines, Report};
use crate::finding::Severity;

/// Escapes a command's message (GitHub's `escapeData`).
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value (GitHub's `escapeProperty`).
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

pub(super) fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    for file in &report.files {
        for f in &file.findings {
            let Some(primary) = f.primary() else { continue };
            let command = match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            let (end_line, end_column) = end_position(primary);
            let mut message = visible(&f.message).into_owned();
            for note in &f.notes {
                message.push_str("\nnote: ");
                let lines: Vec<_> = visible_lines(note).collect();
                message.push_str(&lines.join("\n"));
            }
            writeln!(
                out,
                "::{command} file={},line={},col={},endLine={end_line},endColumn={end_column},title={}::{}",
                escape_property(&visible(&file.path)),
                primary.line,
                primary.column,
                escape_property(&format!("tadqiq {}", f.rule)),
                escape_data(&message)
            )?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping() {
        assert_eq!(escape_data("50% of a\nb"), "50%25 of a%0Ab");
        assert_eq!(escape_property("a:b,c"), "a%3Ab%2Cc");
    }
}
