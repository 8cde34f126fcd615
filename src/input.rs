//! Reading drafts: files or standard input, with one clear error per problem
//! (missing, unreadable, a folder, binary, invalid UTF-8 or UTF-16, too
//! large). UTF-8 and UTF-16 with a byte-order mark are read. Empty input is
//! not an error: it yields an empty report.

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

/// The largest draft read by default: 32 MiB. Checking takes 27 to 31 times
/// a draft's size in memory (docs/benchmarks.md), so this bounds one draft at
/// about a gigabyte. `--max-draft-size` or `max-draft-size:` changes it.
pub const DEFAULT_MAX_DRAFT_BYTES: u64 = 32 * 1024 * 1024;

/// `n` bytes for a message: `33554432 bytes (32.0 MiB)`, `900 bytes`.
pub fn show_size(n: u64) -> String {
    if n < 1 << 20 {
        return format!("{n} bytes");
    }
    #[allow(clippy::cast_precision_loss)]
    let mib = n as f64 / f64::from(1 << 20);
    format!("{n} bytes ({mib:.1} MiB)")
}

fn too_large(path: &str, size: Option<u64>, limit: u64) -> InputError {
    let size = match size {
        Some(n) => format!("is {}", show_size(n)),
        None => "is larger than that".to_string(),
    };
    InputError {
        path: path.to_string(),
        message: format!(
            "draft too large: the limit is {}, this draft {size}; not checked (raise the limit with --max-draft-size or `max-draft-size:` in tadqiq.yaml)",
            show_size(limit)
        ),
    }
}

/// Checks that bytes are a text draft and turns them into a string.
///
/// UTF-8 is read as is, without its byte-order mark if it has one; UTF-16
/// with a byte-order mark (little or big endian) is decoded to UTF-8. A
/// carriage return not followed by a line feed (old Mac line endings) is
/// read as a line feed, so that lines are counted the same way everywhere;
/// both are one byte, so offsets do not move.
///
/// Span offsets (`start`, `end`) in every report index the text this
/// returns: for a UTF-8 file, the file's bytes less the three of a
/// byte-order mark; for a UTF-16 file, the UTF-8 text it was decoded to.
/// Lines and columns (characters) are the same in both.
///
/// # Errors
/// A NUL byte (binary file, or UTF-16 without a byte-order mark), UTF-32,
/// invalid UTF-8 or UTF-16, each with the byte offset in the file.
pub fn decode(path: &str, bytes: Vec<u8>) -> Result<String, InputError> {
    let error = |message: String| InputError {
        path: path.to_string(),
        message,
    };
    if bytes.starts_with(&[0xFF, 0xFE, 0, 0]) || bytes.starts_with(&[0, 0, 0xFE, 0xFF]) {
        return Err(error(
            "UTF-32 text (by its byte-order mark) is not supported; save the draft as UTF-8"
                .to_string(),
        ));
    }
    let text = if let Some(little) = utf16_bom(&bytes) {
        decode_utf16(&bytes[2..], little).map_err(error)?
    } else {
        let mut bytes = bytes;
        let mark = if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
            bytes.drain(..3);
            3
        } else {
            0
        };
        if let Some(at) = bytes.iter().position(|&b| b == 0).map(|at| at + mark) {
            return Err(error(if looks_like_utf16(&bytes) {
                format!("UTF-16 text without a byte-order mark (NUL byte at offset {at}); save the draft as UTF-8, or as UTF-16 with a byte-order mark")
            } else {
                format!("binary file (NUL byte at offset {at}), not a text draft")
            }));
        }
        String::from_utf8(bytes).map_err(|e| {
            error(format!(
                "invalid UTF-8 at byte offset {}; drafts must be UTF-8 (or UTF-16 with a byte-order mark)",
                e.utf8_error().valid_up_to() + mark
            ))
        })?
    };
    Ok(lone_cr_to_lf(text))
}

/// `Some(true)` for a UTF-16 little-endian byte-order mark, `Some(false)`
/// for big-endian.
fn utf16_bom(bytes: &[u8]) -> Option<bool> {
    match bytes {
        [0xFF, 0xFE, ..] => Some(true),
        [0xFE, 0xFF, ..] => Some(false),
        _ => None,
    }
}

/// UTF-16 of mostly ASCII or Arabic text has a zero in every other byte.
fn looks_like_utf16(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(512)];
    if head.len() < 4 {
        return false;
    }
    let zeros = |parity: usize| {
        head.iter()
            .enumerate()
            .filter(|(i, &b)| i % 2 == parity && b == 0)
            .count()
    };
    let half = head.len() / 2;
    zeros(0) * 4 >= half * 3 || zeros(1) * 4 >= half * 3
}

/// Decodes UTF-16 after its byte-order mark. Offsets in errors count from
/// the start of the file (the mark included).
fn decode_utf16(body: &[u8], little: bool) -> Result<String, String> {
    if body.len() % 2 != 0 {
        return Err(format!(
            "invalid UTF-16: an odd number of bytes ({}) after the byte-order mark",
            body.len()
        ));
    }
    let units = body.chunks_exact(2).map(|pair| {
        if little {
            u16::from_le_bytes([pair[0], pair[1]])
        } else {
            u16::from_be_bytes([pair[0], pair[1]])
        }
    });
    let mut text = String::with_capacity(body.len());
    let mut at = 2;
    for c in char::decode_utf16(units) {
        match c {
            Ok('\0') => {
                return Err(format!(
                    "binary file (NUL character at byte offset {at}), not a text draft"
                ))
            }
            Ok(c) => {
                at += c.len_utf16() * 2;
                text.push(c);
            }
            Err(e) => {
                return Err(format!(
                    "invalid UTF-16 at byte offset {at}: unpaired surrogate {:#06x}",
                    e.unpaired_surrogate()
                ))
            }
        }
    }
    Ok(text)
}

/// Replaces every `\r` not followed by `\n` with `\n` (same length).
pub(crate) fn lone_cr_to_lf(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    let mut bytes = text.into_bytes();
    for i in 0..bytes.len() {
        if bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n') {
            bytes[i] = b'\n';
        }
    }
    // ASCII replaced by ASCII: still UTF-8.
    String::from_utf8(bytes).unwrap_or_default()
}

/// Reads one draft with the default size limit; `-` reads standard input
/// and reports it as `stdin_name`.
///
/// # Errors
/// A missing or unreadable file, a folder, a binary file, invalid UTF-8, a
/// draft over [`DEFAULT_MAX_DRAFT_BYTES`].
pub fn read_draft(path: &str, stdin_name: &str) -> Result<Draft, InputError> {
    read_draft_limited(path, stdin_name, DEFAULT_MAX_DRAFT_BYTES)
}

/// Reads one draft of at most `max_bytes` bytes (as stored, before
/// decoding); a larger one is refused without being read whole.
///
/// # Errors
/// As [`read_draft`], with `max_bytes` as the limit.
pub fn read_draft_limited(
    path: &str,
    stdin_name: &str,
    max_bytes: u64,
) -> Result<Draft, InputError> {
    if path == "-" {
        let bytes = read_limited(std::io::stdin().lock(), max_bytes).map_err(|e| InputError {
            path: stdin_name.to_string(),
            message: format!("cannot read standard input: {e}"),
        })?;
        let Some(bytes) = bytes else {
            return Err(too_large(stdin_name, None, max_bytes));
        };
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
    let cannot = |e: std::io::Error| InputError {
        path: path.to_string(),
        message: match e.kind() {
            std::io::ErrorKind::NotFound => "no such file".to_string(),
            std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
            _ => format!("cannot read: {e}"),
        },
    };
    let file = std::fs::File::open(p).map_err(cannot)?;
    // The size on disk refuses a large file before reading it; reading
    // stops at the limit anyway, for files that grow or report no size.
    let size = file.metadata().map(|m| m.len()).ok();
    if let Some(n) = size.filter(|&n| n > max_bytes) {
        return Err(too_large(path, Some(n), max_bytes));
    }
    let Some(bytes) = read_limited(file, max_bytes).map_err(cannot)? else {
        return Err(too_large(path, None, max_bytes));
    };
    let text = decode(path, bytes)?;
    Ok(Draft {
        path: path.to_string(),
        format: format_of(path),
        text,
    })
}

/// Everything `reader` holds, or `None` when that is more than `max_bytes`.
fn read_limited(reader: impl Read, max_bytes: u64) -> std::io::Result<Option<Vec<u8>>> {
    let mut bytes = Vec::new();
    reader
        .take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= max_bytes).then_some(bytes))
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
            "a.txt: invalid UTF-8 at byte offset 2; drafts must be UTF-8 (or UTF-16 with a byte-order mark)"
        );
        let err = decode("b.bin", vec![b'x', 0, 1]).unwrap_err();
        assert!(err.message.contains("NUL byte at offset 1"), "{err}");
    }

    fn utf16(text: &str, little: bool) -> Vec<u8> {
        let mut bytes = if little {
            vec![0xFF, 0xFE]
        } else {
            vec![0xFE, 0xFF]
        };
        for unit in text.encode_utf16() {
            bytes.extend(if little {
                unit.to_le_bytes()
            } else {
                unit.to_be_bytes()
            });
        }
        bytes
    }

    #[test]
    fn encodings_and_line_endings() {
        let text = "زار أحمد الشرع 🙂 Damascus\r\nsecond";
        assert_eq!(decode("a", utf16(text, true)).unwrap(), text);
        assert_eq!(decode("a", utf16(text, false)).unwrap(), text);
        // UTF-16 without a mark is named as such.
        let bare = utf16("plain ascii text", true)[2..].to_vec();
        let err = decode("u.txt", bare).unwrap_err();
        assert!(
            err.message
                .starts_with("UTF-16 text without a byte-order mark"),
            "{err}"
        );
        // An unpaired surrogate, and an odd length.
        let err = decode("u.txt", vec![0xFF, 0xFE, b'a', 0, 0x00, 0xD8, b'b', 0]).unwrap_err();
        assert!(err.message.contains("unpaired surrogate 0xd800"), "{err}");
        assert!(err.message.contains("byte offset 4"), "{err}");
        let err = decode("u.txt", vec![0xFF, 0xFE, b'a']).unwrap_err();
        assert!(err.message.contains("odd number of bytes"), "{err}");
        let err = decode("u.txt", vec![0xFF, 0xFE, 0, 0, b'a', 0, 0, 0]).unwrap_err();
        assert!(err.message.starts_with("UTF-32"), "{err}");
        // The UTF-8 mark is dropped; lone CRs become LFs, CRLF stays.
        assert_eq!(decode("a", b"\xEF\xBB\xBFab".to_vec()).unwrap(), "ab");
        assert_eq!(decode("a", b"a\rb\r\nc\r".to_vec()).unwrap(), "a\nb\r\nc\n");
    }

    #[test]
    fn sizes() {
        let limited = |n: usize, max: u64| read_limited(&vec![b'x'; n][..], max).unwrap();
        assert_eq!(limited(10, 10).map(|b| b.len()), Some(10));
        assert_eq!(limited(11, 10), None);
        assert_eq!(show_size(33_554_432), "33554432 bytes (32.0 MiB)");
    }

    #[test]
    fn formats() {
        assert_eq!(format_of("a.MD"), Format::Markdown);
        assert_eq!(format_of("a.txt"), Format::Plain);
    }
}
