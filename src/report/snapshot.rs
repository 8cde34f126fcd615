//! The snapshot format (`tadqiq snapshot`, and the insta snapshots of the
//! fixtures): the human format without columns. A finding is placed by its
//! line and the text it quotes, so an edit earlier on the same line (a word
//! added before the name) does not churn every snapshot of that line; a
//! change of line or of quoted text still shows.

use std::io::{self, Write};

use super::{excerpt, visible, visible_lines, Report};

const EXCERPT_WIDTH: usize = 40;
const NOTE_INDENT: &str = "        ";

/// Writes the stable report of every file in `report`, ending with the
/// summary line of the human format.
///
/// # Errors
/// Only I/O errors writing `out`.
pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    for file in &report.files {
        let text = Some(file.text.as_str()).filter(|t| !t.is_empty());
        for f in &file.findings {
            let Some(primary) = f.primary() else { continue };
            writeln!(
                out,
                "{}:{}: {}[{}] {}",
                visible(&file.path),
                primary.line,
                f.severity.as_str(),
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
                    "  also: {}:{}: \"{}\" ({})",
                    visible(&file.path),
                    span.line,
                    visible(&span.text),
                    span.section.as_str()
                )?;
            }
            for note in &f.notes {
                let mut lines = visible_lines(note);
                writeln!(out, "  note: {}", lines.next().unwrap_or_default())?;
                for line in lines {
                    writeln!(out, "{NOTE_INDENT}{line}")?;
                }
            }
        }
    }
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
    )
}

#[cfg(test)]
mod tests {
    use crate::checker::{CheckerBuilder, Mode};
    use crate::report::Report;
    use crate::segment::Format;
    use std::sync::OnceLock;

    fn render(text: &str) -> String {
        static CHECKER: OnceLock<crate::checker::Checker> = OnceLock::new();
        let checker = CHECKER.get_or_init(|| CheckerBuilder::new().build().unwrap());
        let file = checker.run("a.txt", text, Format::Plain, Mode::Check);
        let mut out = Vec::new();
        super::render(&Report { files: vec![file] }, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn a_word_added_earlier_on_the_line_changes_no_line_of_the_report() {
        // Two spellings of one demonym; the second version has a word more
        // before both, on the same lines.
        let before = "قال المبعوث الأميركي إن الزيارة مهمة.\n\nوأكد المبعوث الأمريكي ذلك.\n";
        let after = "وقال المبعوث الأميركي إن الزيارة مهمة.\n\nثم وأكد المبعوث الأمريكي ذلك.\n";
        let a = render(before);
        let b = render(after);
        assert!(a.contains("spelling-variant"), "{a}");
        // Only the excerpt lines (which quote the line) may differ.
        let differing: Vec<(&str, &str)> =
            a.lines().zip(b.lines()).filter(|(x, y)| x != y).collect();
        assert!(
            differing
                .iter()
                .all(|(x, _)| x.trim_start().starts_with(char::is_numeric)),
            "{differing:?}"
        );
        assert_eq!(a.lines().count(), b.lines().count());
        assert!(a.starts_with("a.txt:3: warning[spelling-variant]"), "{a}");
        assert!(a.contains("  also: a.txt:1: \"الأميركي\" (body)"), "{a}");
    }
}
