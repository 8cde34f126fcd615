//! Running the built binary from the CLI tests: one copy of the runner and
//! output helpers for every test file (`mod common;`). Each test file uses a
//! different subset, hence the `dead_code` allowance.
#![allow(dead_code)]

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

/// The binary with `args` in `cwd`, no standard input, `NO_COLOR` unset.
pub fn tadqiq(args: &[&str], cwd: &Path) -> Output {
    tadqiq_env(args, cwd, &[])
}

/// As [`tadqiq`], with extra environment variables.
pub fn tadqiq_env(args: &[&str], cwd: &Path, env: &[(&str, &std::ffi::OsStr)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_tadqiq"));
    command
        .args(args)
        .current_dir(cwd)
        .env_remove("NO_COLOR")
        .stdin(Stdio::null());
    for (name, value) in env {
        command.env(name, value);
    }
    command.output().expect("the binary runs")
}

/// The binary reading `input` on standard input. The input is written on
/// another thread, so a full stdout pipe cannot deadlock the test, and a
/// binary that stops reading early (a size limit) is no error.
pub fn tadqiq_stdin(args: &[&str], cwd: &Path, input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tadqiq"))
        .args(args)
        .current_dir(cwd)
        .env_remove("NO_COLOR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut stdin = child.stdin.take().expect("stdin is piped");
    let input = input.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let out = child.wait_with_output().expect("the binary ends");
    writer.join().expect("the stdin writer ends");
    out
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("stderr is UTF-8")
}

/// (rule, severity, text of the primary span) of each finding: the shape the
/// fixture tests compare against.
/// Every tagged mention of a report, as (text as written, entity id or
/// "" when unresolved).
pub fn text_and_ids(report: tadqiq::FileReport) -> Vec<(String, String)> {
    report
        .mentions
        .into_iter()
        .map(|m| {
            (
                m.text.to_string(),
                m.entity_id.as_deref().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

pub fn triples<'a>(
    findings: impl IntoIterator<Item = &'a tadqiq::Finding>,
) -> Vec<(String, String, String)> {
    findings
        .into_iter()
        .map(|f| {
            (
                f.rule.to_string(),
                f.severity.as_str().to_string(),
                f.spans.first().map(|s| s.text.clone()).unwrap_or_default(),
            )
        })
        .collect()
}
