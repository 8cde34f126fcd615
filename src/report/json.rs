//! `--format json`: the whole report as one JSON document (DESIGN.md §4).

use std::io::{self, Write};

use serde::Serialize;

use super::{write_json_pretty, Report, Summary, TOOL_NAME, TOOL_VERSION};
use crate::checker::FileReport;

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

#[derive(Serialize)]
struct Document<'a> {
    tool: Tool,
    files: &'a [FileReport],
    summary: Summary,
}

pub(super) fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let doc = Document {
        tool: Tool {
            name: TOOL_NAME,
            version: TOOL_VERSION,
        },
        files: &report.files,
        summary: report.summary(),
    };
    write_json_pretty(out, &doc)
}
