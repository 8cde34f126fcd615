//! `--format jsonl`: one JSON object per line, each with its draft's `path`
//! (DESIGN.md §4): findings for `check`, mentions for `tag`. Easy to `grep`,
//! stream and concatenate across runs.

use std::io::{self, Write};

use serde::Serialize;

use super::{HumanOptions, Report};

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
                serde_json::to_writer(&mut *out, &line)?;
                writeln!(out)?;
            }
        }
        if opts.mentions {
            for mention in &file.mentions {
                let line = Line {
                    path: &file.path,
                    item: mention,
                };
                serde_json::to_writer(&mut *out, &line)?;
                writeln!(out)?;
            }
        }
    }
    Ok(())
}
