//! Reading drafts: files or standard input, with one clear error per problem
//! (missing, unreadable, a folder, binary, invalid UTF-8). Empty input is not
//! an error: it yields an empty report.

use std::fmt;
use std::io::Read;
use std::path::Path;

use crate::segment::Format;

/// A draft that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    /// The path as the user gave it (or the stdin name).
    pub path: String,
    pub message: String,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

impl std::error::Error for InputError {}

/// A draft read into memory.
#[derive(Debug, Clone)]
pub struct Draft {
    pub path: String,
    pub text: String,
    pub format: Format,
}

/// The format a path implies: Markdown for `.md`/`.markdown`, else plain.
pub fn format_of(path: &str) -> Format {
    let lower = path.to_ascii_lowercase();
    if lower.ends_with(".md") || lower.ends_with(".markdown") || lower.ends_with(".mdx") {
        Format::Markdown
    } else {
        Format::Plain
    }
}

/// Checks that bytes are a text draft and turns them into a string.
///
/// # Errors
/// A NUL byte (binary file) or invalid UTF-8, with the byte offset.
pub fn decode(path: &str, bytes: Vec<u8>) -> Result<String, InputError> {
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        return Err(InputError {
            path: path.to_string(),
            message: format!("binary file (NUL byte at offset {at}), not a text draft"),
        });
    }
    String::from_utf8(bytes).map_err(|e| InputError {
        path: path.to_string(),
        message: format!(
            "invalid UTF-8 at byte offset {}; drafts must be UTF-8",
            e.utf8_error().valid_up_to()
        ),
    })
}

/// Reads one draft; `-` reads standard input and reports it as `stdin_name`.
///
/// # Errors
/// A missing or unreadable file, a folder, a binary file, invalid UTF-8.
pub fn read_draft(path: &str, stdin_name: &str) -> Result<Draft, InputError> {
    if path == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .lock()
            .read_to_end(&mut bytes)
            .map_err(|e| InputError {
                path: stdin_name.to_string(),
                message: format!("cannot read standard input: {e}"),
            })?;
        let text = decode(stdin_name, bytes)?;
        return Ok(Draft {
            path: stdin_name.to_string(),
            format: format_of(stdin_name),
            text,
        });
    }
    let p = Path::new(path);
    if p.is_dir() {
        return Err(InputError {
            path: path.to_string(),
            message: "is a folder, not a draft".to_string(),
        });
    }
    let bytes = std::fs::read(p).map_err(|e| InputError {
        path: path.to_string(),
        message: match e.kind() {
            std::io::ErrorKind::NotFound => "no such file".to_string(),
            std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
            _ => format!("cannot read: {e}"),
        },
    })?;
    let text = decode(path, bytes)?;
    Ok(Draft {
        path: path.to_string(),
        format: format_of(path),
        text,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_cases() {
        assert_eq!(decode("a", b"".to_vec()).unwrap(), "");
        let err = decode("a.txt", vec![b'o', b'k', 0xff]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "a.txt: invalid UTF-8 at byte offset 2; drafts must be UTF-8"
        );
        let err = decode("b.bin", vec![b'x', 0, 1]).unwrap_err();
        assert!(err.message.contains("NUL byte at offset 1"), "{err}");
    }

    #[test]
    fn formats() {
        assert_eq!(format_of("a.MD"), Format::Markdown);
        assert_eq!(format_of("a.txt"), Format::Plain);
    }
}
