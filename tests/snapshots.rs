//! The reports of every fixture draft, as insta snapshots in the top-level
//! `snapshots/` folder: a change to a rule or to the gazetteer shows up as a
//! reviewable diff (`cargo insta review`).

use std::sync::OnceLock;

use tadqiq::gazetteer::PartialDate;
use tadqiq::report::{render, render_snapshot, HumanOptions};
use tadqiq::{Checker, CheckerBuilder, Format, Mode, OutputFormat, Report};

fn checker() -> &'static Checker {
    static CHECKER: OnceLock<Checker> = OnceLock::new();
    // Plain-text fixtures have no front matter; a fixed date keeps their
    // reports independent of the day the tests run. 2025-11-09 is the eve of
    // Syria joining the coalition (the fixtures' news day).
    CHECKER.get_or_init(|| {
        CheckerBuilder::new()
            .date(PartialDate::parse("2025-11-09"))
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
        columns: true,
    };
    let mut out = Vec::new();
    // Check reports are in the snapshot format of `tadqiq snapshot` (no
    // columns, so an edit earlier on a line does not churn them); tag
    // reports list mentions by line and column.
    if mode == Mode::Check {
        render_snapshot(&report, &mut out).expect("writing to memory");
    } else {
        render(&report, OutputFormat::Human, &opts, &mut out).expect("writing to memory");
    }
    String::from_utf8(out).expect("reports are UTF-8")
}

/// The fixtures' README describes them; it is not a draft.
fn is_readme(path: &std::path::Path) -> bool {
    path.file_name().is_some_and(|n| n == "README.md")
}

#[test]
fn tag_reports() {
    insta::with_settings!({snapshot_path => "../snapshots", prepend_module_to_snapshot => false}, {
        insta::glob!("fixtures/*.{txt,md}", |path| {
            if is_readme(path) {
                return;
            }
            insta::assert_snapshot!("tag", report(path, Mode::Tag));
        });
    });
}

#[test]
fn check_reports() {
    insta::with_settings!({snapshot_path => "../snapshots", prepend_module_to_snapshot => false}, {
        insta::glob!("fixtures/*.{txt,md}", |path| {
            if is_readme(path) {
                return;
            }
            insta::assert_snapshot!("check", report(path, Mode::Check));
        });
    });
}
