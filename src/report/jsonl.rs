//! `--format jsonl`: one JSON object per line, each with its draft's `path`
//! (DESIGN.md §4): findings for `check`, mentions for `tag`. Easy to `grep`,
//! stream and concatenate across runs.

use std::io::{self, Write};

use serde::Serialize;

use super::{write_json_line, HumanOptions, Report};

#[derive(Serialize)]
struct Line<'a, T: Serialize> {
    path: &'a str,
    #[serde(flatten)]
    item: &'a T,
}

pub(super) fn render(report: &Report, opts: &HumanOptions, out: &mut dyn Write) -> io::Result<()> {
    for file in &report.files {
        if opts.findings {
            for finding in &file.findings {
                let line = Line {
                    path: &file.path,
                    item: finding,
                };
                write_json_line(out, &line)?;
            }
        }
        if opts.mentions {
            for mention in &file.mentions {
                let line = Line {
                    path: &file.path,
                    item: mention,
                };
                write_json_line(out, &line)?;
            }
        }
    }
    Ok(())
}
