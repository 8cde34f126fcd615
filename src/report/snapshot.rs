//! The snapshot format (`tadqiq snapshot`, and the insta snapshots of the
//! fixtures): the human format without columns. A finding is placed by its
//! line and the text it quotes, so an edit earlier on the same line (a word
//! added before the name) does not churn every snapshot of that line; a
//! change of line or of quoted text still shows.

use std::io::{self, Write};

use super::human::{self, HumanOptions};
use super::Report;

/// Writes the stable report of every file in `report`: findings placed by
/// line, with the summary line of the human format.
///
/// # Errors
/// Only I/O errors writing `out`.
pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let opts = HumanOptions {
        color: false,
        mentions: false,
        findings: true,
        summary: true,
        columns: false,
    };
    human::render(report, &opts, out)
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
