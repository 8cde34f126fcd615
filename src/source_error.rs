//! A problem in a data file the checker reads (gazetteer, lexicon, word
//! frequencies), shown as `path:line:col: message`, and the helpers both
//! loaders share.

use std::fmt;

/// One problem in one file. Line 0 means the whole file or folder (shown as
/// `path: message`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceError {
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl SourceError {
    /// A problem with a whole file or folder, which has no line to point at.
    pub(crate) fn file(path: String, message: impl Into<String>) -> SourceError {
        SourceError {
            path,
            line: 0,
            column: 0,
            message: message.into(),
        }
    }
}

impl fmt::Display for SourceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            return write!(f, "{}: {}", self.path, self.message);
        }
        write!(
            f,
            "{}:{}:{}: {}",
            self.path, self.line, self.column, self.message
        )
    }
}

/// Writes every problem, one per line (the `Display` of the error lists).
pub(crate) fn write_all(errors: &[SourceError], f: &mut fmt::Formatter<'_>) -> fmt::Result {
    for (i, e) in errors.iter().enumerate() {
        if i > 0 {
            writeln!(f)?;
        }
        write!(f, "{e}")?;
    }
    Ok(())
}

/// 1-based line and character column of a byte offset.
pub(crate) fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_and_display() {
        assert_eq!(line_col("ab\nدمشق x", 3 + "دمشق ".len()), (2, 6));
        assert_eq!(line_col("abc", 99), (1, 4));
        let e = SourceError {
            path: "g.yaml".into(),
            line: 2,
            column: 6,
            message: "bad".into(),
        };
        assert_eq!(e.to_string(), "g.yaml:2:6: bad");
        assert_eq!(
            SourceError::file("g".into(), "cannot read").to_string(),
            "g: cannot read"
        );
    }
}
