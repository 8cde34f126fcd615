//! `--format sarif`: SARIF 2.1.0, the format code-scanning services read
//! (GitHub's "upload-sarif" among them). One `reportingDescriptor` per rule,
//! one result per finding with line, column (in Unicode code points, as
//! `columnKind` says) and byte offsets, and the finding's fingerprint as a
//! `partialFingerprints` entry so a service can follow it across edits.

use std::io::{self, Write};

use serde_json::{json, Value};

use super::{end_position, write_json_pretty, Report, TOOL_NAME, TOOL_VERSION};
use crate::finding::{Severity, Span};
use crate::rules::RuleInfo;

const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// The key under `partialFingerprints`; bump the version if the
/// fingerprint's recipe ever changes.
const FINGERPRINT_KEY: &str = "tadqiq/v1";

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A path as a relative URI reference: unreserved characters and `/` kept,
/// everything else (spaces, Arabic letters, `<`) percent-encoded.
fn uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let mut out = String::new();
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn descriptor(info: &RuleInfo) -> Value {
    json!({
        "id": info.id,
        "name": info.id,
        "shortDescription": {"text": info.summary},
        "fullDescription": {"text": info.explain.trim_end()},
        "defaultConfiguration": {"level": level(info.default_severity)},
        "help": {"text": format!("Run `tadqiq explain {}` for details and an example.", info.id)},
    })
}

fn region(span: &Span) -> Value {
    let (end_line, end_column) = end_position(span);
    json!({
        "startLine": span.line.max(1),
        "startColumn": span.column.max(1),
        "endLine": end_line.max(1),
        "endColumn": end_column.max(1),
        "byteOffset": span.start,
        "byteLength": span.end.saturating_sub(span.start),
        "snippet": {"text": span.text},
    })
}

fn location(path: &str, span: &Span) -> Value {
    json!({
        "physicalLocation": {
            "artifactLocation": {"uri": uri(path)},
            "region": region(span),
        }
    })
}

pub(super) fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let mut rules: Vec<RuleInfo> = crate::rules::catalog();
    rules.push(crate::suppress::INFO);
    rules.sort_by_key(|r| r.id);
    rules.dedup_by_key(|r| r.id);
    let mut results = Vec::new();
    for file in &report.files {
        for f in &file.findings {
            let mut result = json!({
                "ruleId": f.rule,
                "level": level(f.severity),
                "message": {"text": f.message},
                "locations": f.spans.first().map(|s| vec![location(&file.path, s)]).unwrap_or_default(),
                "partialFingerprints": {FINGERPRINT_KEY: f.fingerprint},
            });
            if let Some(i) = rules.iter().position(|r| r.id == f.rule) {
                result["ruleIndex"] = json!(i);
            }
            if f.spans.len() > 1 {
                let related: Vec<Value> = f.spans[1..]
                    .iter()
                    .enumerate()
                    .map(|(i, s)| {
                        let mut loc = location(s.path.as_deref().unwrap_or(&file.path), s);
                        loc["id"] = json!(i + 1);
                        loc["message"] =
                            json!({"text": format!("\"{}\" ({})", s.text, s.section.as_str())});
                        loc
                    })
                    .collect();
                result["relatedLocations"] = Value::Array(related);
            }
            if !f.notes.is_empty() {
                result["properties"] = json!({"notes": f.notes});
            }
            results.push(result);
        }
    }
    let doc = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": TOOL_NAME,
                "version": TOOL_VERSION,
                "semanticVersion": TOOL_VERSION,
                "rules": rules.iter().map(descriptor).collect::<Vec<_>>(),
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    write_json_pretty(out, &doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_percent_encoded() {
        assert_eq!(uri("drafts/a b.md"), "drafts/a%20b.md");
        assert_eq!(uri("<stdin>"), "%3Cstdin%3E");
        assert_eq!(uri("مسودة.md"), "%D9%85%D8%B3%D9%88%D8%AF%D8%A9.md");
    }
}
