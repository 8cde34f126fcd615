//! The reports of every fixture draft, as insta snapshots in the top-level
//! `snapshots/` folder: a change to a rule or to the gazetteer shows up as a
//! reviewable diff (`cargo insta review`).

use std::sync::OnceLock;

use tadqiq::report::{render, HumanOptions};
use tadqiq::{Checker, CheckerBuilder, Format, Mode, OutputFormat, Report};

fn checker() -> &'static Checker {
    static CHECKER: OnceLock<Checker> = OnceLock::new();
    CHECKER.get_or_init(|| {
        CheckerBuilder::new()
            .build()
            .expect("embedded gazetteer is valid")
    })
}

fn report(path: &std::path::Path, mode: Mode) -> String {
    let text = std::fs::read_to_string(path).expect("fixture is UTF-8");
    let name = format!(
        "tests/fixtures/{}",
        path.file_name().and_then(|n| n.to_str()).unwrap_or("?")
    );
    let format = if name.ends_with(".md") {
        Format::Markdown
    } else {
        Format::Plain
    };
    let file = checker().run(&name, &text, format, mode);
    let report = Report { files: vec![file] };
    let opts = HumanOptions {
        color: false,
        mentions: mode == Mode::Tag,
        findings: mode == Mode::Check,
        summary: mode == Mode::Check,
    };
    let mut out = Vec::new();
    render(&report, OutputFormat::Human, &opts, &mut out).expect("writing to memory");
    String::from_utf8(out).expect("reports are UTF-8")
}

#[test]
fn tag_reports() {
    insta::with_settings!({snapshot_path => "../snapshots", prepend_module_to_snapshot => false}, {
        insta::glob!("fixtures/[a-z]*.{txt,md}", |path| {
            insta::assert_snapshot!("tag", report(path, Mode::Tag));
        });
    });
}

#[test]
fn check_reports() {
    insta::with_settings!({snapshot_path => "../snapshots", prepend_module_to_snapshot => false}, {
        insta::glob!("fixtures/[a-z]*.{txt,md}", |path| {
            insta::assert_snapshot!("check", report(path, Mode::Check));
        });
    });
}
