//! Fuzzing entry points, one per input surface, each taking raw bytes.
//!
//! The cargo-fuzz targets in `fuzz/` and the stable smoke test
//! `tests/fuzz_smoke.rs` call these same functions, so a crash found by
//! either is reproduced by the other. Each function returns normally on any
//! input, valid or not; it panics only when tadqiq breaks a promise (a
//! panic inside the library, a span that does not slice the draft, output
//! that is not valid JSON, a report past the findings limit). See
//! `docs/fuzzing.md`.
//!
//! Not a stable API: hidden from the docs, for the fuzzers only.
#![doc(hidden)]

use std::io::Write;
use std::path::Path;
use std::sync::{Arc, OnceLock};

use crate::baseline::Baseline;
use crate::checker::{Checker, CheckerBuilder, FileReport, Mode};
use crate::config::Config;
use crate::finding::Span;
use crate::gazetteer::{EntityKind, Gazetteer, PartialDate};
use crate::input::{decode, format_of};
use crate::report::{render, HumanOptions, OutputFormat, Report};
use crate::rules::MAX_FINDINGS;

/// Every output format, in the order the harness renders them.
pub const FORMATS: [OutputFormat; 6] = [
    OutputFormat::Human,
    OutputFormat::Json,
    OutputFormat::Jsonl,
    OutputFormat::Sarif,
    OutputFormat::Github,
    OutputFormat::Html,
];

/// The embedded-gazetteer checkers the draft harness uses: without a draft
/// date, and with one (titles and facts are judged at a date either way).
fn checkers() -> &'static [Checker; 2] {
    static CHECKERS: OnceLock<[Checker; 2]> = OnceLock::new();
    CHECKERS.get_or_init(|| {
        let build = |date: Option<&str>| {
            let mut b = CheckerBuilder::new();
            b.date(date.and_then(PartialDate::parse));
            b.build().expect("the embedded gazetteer is valid")
        };
        [build(None), build(Some("2025-11-10"))]
    })
}

/// A draft through the whole pipeline: decoding, then `check` (and `tag`),
/// rendered in one output format or all of them.
///
/// The first byte chooses the settings, so that a fuzzer explores them all:
/// bit 0 Markdown or plain text; bit 1 a draft date or none; bit 2 colour
/// and mentions in human output; bits 3–5 the output format (0–5 one of
/// [`FORMATS`], 6 and 7 every format); bit 6 `tag` too; bit 7 the second
/// run's report must equal the first (determinism). The rest is the file.
pub fn draft(data: &[u8]) {
    let Some((&options, bytes)) = data.split_first() else {
        return;
    };
    let path = if options & 1 == 1 {
        "fuzz/draft.md"
    } else {
        "fuzz/draft.txt"
    };
    let Ok(text) = decode(path, bytes.to_vec()) else {
        return;
    };
    let checker = &checkers()[usize::from(options >> 1 & 1)];
    let human = HumanOptions {
        color: options & 4 != 0,
        mentions: options & 4 != 0,
        findings: true,
        summary: true,
        columns: true,
    };
    let formats: &[OutputFormat] = match usize::from(options >> 3 & 7) {
        i @ 0..=5 => &FORMATS[i..=i],
        _ => &FORMATS,
    };
    let modes: &[Mode] = if options & 64 != 0 {
        &[Mode::Check, Mode::Tag]
    } else {
        &[Mode::Check]
    };
    for &mode in modes {
        let file = checker.run(path, &text, format_of(path), mode);
        check_report(&text, &file);
        if options & 128 != 0 {
            let again = checker.run(path, &text, format_of(path), mode);
            assert_eq!(
                serde_json::to_string(&file).ok(),
                serde_json::to_string(&again).ok(),
                "two runs on one draft differ"
            );
        }
        let report = Report { files: vec![file] };
        for &format in formats {
            let mut out = Vec::new();
            render(&report, format, &human, &mut out).expect("writing to memory cannot fail");
            check_output(format, &out);
        }
    }
}

/// The promises every report keeps: spans slice the draft exactly, lines
/// and columns are 1-based, the findings limit holds. The draft is compared
/// as the checker reads it: a lone carriage return is a line feed there
/// (same length, same offsets), so a name written across one is shown with
/// the line feed.
fn check_report(text: &str, file: &FileReport) {
    let text = crate::input::lone_cr_to_lf(text.to_string());
    let text = text.as_str();
    let span_ok = |start: usize, end: usize, shown: &str, line: usize, column: usize| {
        start <= end && text.get(start..end) == Some(shown) && line >= 1 && column >= 1
    };
    for f in &file.findings {
        for Span {
            start,
            end,
            text: shown,
            line,
            column,
            ..
        } in &f.spans
        {
            assert!(
                span_ok(*start, *end, shown, *line, *column),
                "{} span {start}..{end} {line}:{column} {shown:?} does not slice the draft",
                f.rule
            );
        }
    }
    for m in &file.mentions {
        assert!(
            span_ok(m.start, m.end, &m.text, m.line, m.column),
            "mention {}..{} {}:{} {:?} does not slice the draft",
            m.start,
            m.end,
            m.line,
            m.column,
            m.text
        );
    }
    assert!(
        file.findings.len() <= MAX_FINDINGS + 1,
        "{} findings, past the limit of {MAX_FINDINGS}",
        file.findings.len()
    );
}

/// Machine formats are valid JSON (one document, or one per line).
fn check_output(format: OutputFormat, out: &[u8]) {
    let text = std::str::from_utf8(out).expect("every format writes UTF-8");
    match format {
        OutputFormat::Json | OutputFormat::Sarif => {
            if let Err(e) = serde_json::from_str::<serde_json::Value>(text) {
                panic!("{format:?} output is not JSON: {e}");
            }
        }
        OutputFormat::Jsonl => {
            for line in text.lines() {
                if let Err(e) = serde_json::from_str::<serde_json::Value>(line) {
                    panic!("a JSONL line is not JSON: {e}: {line:?}");
                }
            }
        }
        OutputFormat::Human | OutputFormat::Github | OutputFormat::Html => {}
    }
}

/// A gazetteer file's text through the loader; when it loads, a checker is
/// built from it and run on a short draft, so fuzzed names reach the tagger.
///
/// The first byte chooses the file's kind (people, places, organizations);
/// the rest is the YAML (invalid UTF-8 replaced, as a reader would refuse it
/// before the loader sees it).
pub fn gazetteer(data: &[u8]) {
    let Some((&kind, bytes)) = data.split_first() else {
        return;
    };
    let (kind, path) = match kind % 3 {
        0 => (EntityKind::Person, "fuzz/people.yaml"),
        1 => (EntityKind::Place, "fuzz/places.yaml"),
        _ => (EntityKind::Organization, "fuzz/organizations.yaml"),
    };
    let yaml = String::from_utf8_lossy(bytes);
    match Gazetteer::from_yaml(&[(kind, path, &yaml)]) {
        Ok(gazetteer) => {
            // Some of the names the file defines, in a sentence, and the
            // file's own text as a draft: both go through the tagger.
            let names: Vec<String> = gazetteer
                .entities()
                .iter()
                .take(8)
                .map(|e| e.preferred_name().to_string())
                .collect();
            let sample = format!(
                "قال {} إن {} زار دمشق. Later, {} met the press.\n\n{yaml}",
                names.first().map_or("", String::as_str),
                names.get(1).map_or("", String::as_str),
                names.join(" and ")
            );
            let checker = CheckerBuilder::new().build_with(Arc::new(gazetteer));
            let file = checker.run("fuzz/draft.txt", &sample, format_of("x.txt"), Mode::Check);
            check_report(&sample, &file);
        }
        Err(errors) => {
            assert!(!errors.0.is_empty(), "a failed load names its problems");
            let shown = errors.to_string();
            assert!(shown.contains(path), "the message names the file: {shown}");
        }
    }
}

/// A `tadqiq.yaml` through the config parser, and what a run reads from a
/// valid one.
pub fn config(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    match Config::parse(Path::new("fuzz/tadqiq.yaml"), &text) {
        Ok(config) => {
            let _ = config.dump();
            let _ = config.markers();
            let _ = config.prefer();
            let _ = config.gazetteer_dirs();
            let filter = config.filter();
            let root = Path::new("fuzz");
            let _ = filter.accepts(root, Path::new("fuzz/drafts/a.md"));
            let _ = filter.excludes_dir(root, Path::new("fuzz/drafts"));
            let mut builder = CheckerBuilder::new();
            config.apply(&mut builder);
        }
        Err(e) => {
            let shown = e.to_string();
            assert!(
                shown.contains("tadqiq.yaml"),
                "the message names the file: {shown}"
            );
        }
    }
}

/// A baseline file through the reader, then applied to the report of a
/// short draft.
pub fn baseline(data: &[u8]) {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    // The reader takes a path; each call writes its own file.
    let path = std::env::temp_dir().join(format!(
        "tadqiq-fuzz-baseline-{}-{}.json",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let written = std::fs::File::create(&path).and_then(|mut f| f.write_all(data));
    if written.is_err() {
        return;
    }
    let loaded = Baseline::load(&path);
    let _ = std::fs::remove_file(&path);
    match loaded {
        Ok(baseline) => {
            let text = "التحالف الدولي يضم 89 دولة.\n\nإقرأ أيضاً:\n\nالتحالف الدولي يضم أكثر من 80 دولة. وقال فاروق الشرع إن الرئيس السوري أحمد الشرع زار واشنطن.";
            let file = checkers()[0].run("fuzz/draft.txt", text, format_of("x.txt"), Mode::Check);
            let before = file.findings.len();
            let mut report = Report { files: vec![file] };
            let outcome = baseline.apply(&mut report);
            let after = report.files[0].findings.len();
            assert_eq!(
                before - after,
                outcome.matched,
                "the baseline hides exactly the findings it matched"
            );
            let _ = baseline.to_json();
        }
        Err(e) => {
            let shown = e.to_string();
            assert!(
                shown.contains("tadqiq-fuzz-baseline"),
                "the message names the file: {shown}"
            );
        }
    }
}
