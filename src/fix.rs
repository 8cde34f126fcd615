//! `tadqiq check --fix` and `--diff`: applying the edits of findings that
//! have one unambiguous fix to a draft's bytes.
//!
//! Only the edited spans change. Everything else stays byte for byte as it
//! was: the byte-order mark, the line endings (`\r\n`, lone `\r`), the
//! encoding (UTF-16 drafts are written back as UTF-16 of the same byte
//! order), text outside the spans.

use crate::finding::{Edit, Finding};

/// The edits of `findings`, sorted by position; an edit that overlaps one
/// before it is dropped (two fixes of one word: the first wins, the next
/// run reports what is left).
pub fn edits(findings: &[Finding]) -> Vec<Edit> {
    let mut all: Vec<Edit> = findings.iter().flat_map(|f| f.fix.clone()).collect();
    all.sort_by_key(|e| (e.start, e.end));
    all.dedup();
    let mut kept: Vec<Edit> = Vec::with_capacity(all.len());
    for edit in all {
        if kept.last().is_some_and(|last| edit.start < last.end) {
            continue;
        }
        kept.push(edit);
    }
    kept
}

/// The file `bytes` with `edits` (sorted, not overlapping, offsets into the
/// decoded text as every report gives them) applied.
///
/// # Errors
/// When an edit does not lie on the text it was computed for (the file
/// changed since it was checked) or the bytes do not decode.
pub fn apply(bytes: &[u8], edits: &[Edit]) -> Result<Vec<u8>, String> {
    match bytes {
        [0xFF, 0xFE, rest @ ..] => apply_utf16(rest, edits, true),
        [0xFE, 0xFF, rest @ ..] => apply_utf16(rest, edits, false),
        [0xEF, 0xBB, 0xBF, rest @ ..] => {
            let mut out = vec![0xEF, 0xBB, 0xBF];
            out.extend(apply_utf8(rest, edits)?);
            Ok(out)
        }
        _ => apply_utf8(bytes, edits),
    }
}

fn apply_utf8(bytes: &[u8], edits: &[Edit]) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0;
    for edit in edits {
        let found = bytes.get(edit.start..edit.end);
        if edit.start < at || found != Some(edit.original.as_bytes()) {
            return Err(format!(
                "the draft changed since it was checked (expected \"{}\" at byte {})",
                edit.original, edit.start
            ));
        }
        out.extend_from_slice(&bytes[at..edit.start]);
        out.extend_from_slice(edit.replacement.as_bytes());
        at = edit.end;
    }
    out.extend_from_slice(&bytes[at..]);
    Ok(out)
}

fn apply_utf16(bytes: &[u8], edits: &[Edit], little: bool) -> Result<Vec<u8>, String> {
    let units: Vec<u16> = bytes
        .chunks(2)
        .map(|pair| match (pair, little) {
            ([a, b], true) => u16::from_le_bytes([*a, *b]),
            ([a, b], false) => u16::from_be_bytes([*a, *b]),
            _ => 0xFFFD,
        })
        .collect();
    let text = String::from_utf16(&units)
        .map_err(|_| "invalid UTF-16; the draft changed since it was checked".to_string())?;
    let fixed = apply_utf8(text.as_bytes(), edits)?;
    let fixed = String::from_utf8(fixed).map_err(|e| e.to_string())?;
    let mut out = if little {
        vec![0xFF, 0xFE]
    } else {
        vec![0xFE, 0xFF]
    };
    for unit in fixed.encode_utf16() {
        let pair = if little {
            unit.to_le_bytes()
        } else {
            unit.to_be_bytes()
        };
        out.extend_from_slice(&pair);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit(start: usize, original: &str, replacement: &str) -> Edit {
        Edit {
            start,
            end: start + original.len(),
            original: original.to_string(),
            replacement: replacement.to_string(),
        }
    }

    struct Case {
        /// What the case shows.
        name: &'static str,
        bytes: Vec<u8>,
        edits: Vec<Edit>,
        want: Result<Vec<u8>, ()>,
    }

    fn utf16(text: &str, little: bool) -> Vec<u8> {
        let mut out = if little {
            vec![0xFF, 0xFE]
        } else {
            vec![0xFE, 0xFF]
        };
        for u in text.encode_utf16() {
            out.extend(if little {
                u.to_le_bytes()
            } else {
                u.to_be_bytes()
            });
        }
        out
    }

    #[test]
    fn applies_only_the_spans() {
        // "قال الأمريكي" with the base at byte 11 (after "قال ال").
        let text = "قال الأمريكي\r\nثم الأمريكية\r";
        let first = text.find("أمريكي").unwrap();
        let second = text.rfind("أمريكي").unwrap();
        let fixed = "قال الأميركي\r\nثم الأميركية\r";
        let cases = [
            Case {
                name: "CRLF and a lone CR are kept",
                bytes: text.as_bytes().to_vec(),
                edits: vec![
                    edit(first, "أمريكي", "أميركي"),
                    edit(second, "أمريكي", "أميركي"),
                ],
                want: Ok(fixed.as_bytes().to_vec()),
            },
            Case {
                name: "a UTF-8 byte-order mark is kept and not counted",
                bytes: [&[0xEF, 0xBB, 0xBF][..], text.as_bytes()].concat(),
                edits: vec![edit(first, "أمريكي", "أميركي")],
                want: Ok([
                    &[0xEF, 0xBB, 0xBF][..],
                    "قال الأميركي\r\nثم الأمريكية\r".as_bytes(),
                ]
                .concat()),
            },
            Case {
                name: "UTF-16 little endian stays UTF-16 LE",
                bytes: utf16(text, true),
                edits: vec![edit(second, "أمريكي", "أميركي")],
                want: Ok(utf16("قال الأمريكي\r\nثم الأميركية\r", true)),
            },
            Case {
                name: "UTF-16 big endian stays UTF-16 BE",
                bytes: utf16(text, false),
                edits: vec![edit(first, "أمريكي", "أميركي")],
                want: Ok(utf16("قال الأميركي\r\nثم الأمريكية\r", false)),
            },
            Case {
                name: "an edit that no longer matches the file is refused",
                bytes: "قال الأميركي".as_bytes().to_vec(),
                edits: vec![edit(first, "أمريكي", "أميركي")],
                want: Err(()),
            },
            Case {
                name: "an edit past the end is refused, not a panic",
                bytes: b"short".to_vec(),
                edits: vec![edit(40, "x", "y")],
                want: Err(()),
            },
        ];
        for case in cases {
            let got = apply(&case.bytes, &case.edits).map_err(|_| ());
            assert_eq!(got, case.want, "{}", case.name);
        }
    }

    #[test]
    fn overlapping_edits_keep_the_first() {
        let finding = |edits: Vec<Edit>| Finding {
            rule: "spelling-variant",
            severity: crate::finding::Severity::Warning,
            message: String::new(),
            spans: vec![],
            notes: vec![],
            fingerprint: String::new(),
            fix: edits,
        };
        let kept = edits(&[
            finding(vec![edit(10, "abcd", "x"), edit(0, "ab", "y")]),
            finding(vec![edit(12, "cd", "z"), edit(0, "ab", "y")]),
        ]);
        assert_eq!(kept, vec![edit(0, "ab", "y"), edit(10, "abcd", "x")]);
    }
}
