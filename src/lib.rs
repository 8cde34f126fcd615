//! tadqiq (تدقيق, "checking"): a named-entity and fact-consistency checker
//! for news drafts, Arabic first and English too.
//!
//! A YAML gazetteer of people, places and organizations is compiled into an
//! Aho-Corasick automaton ([`CheckerBuilder::build`]) that tags mentions in
//! a draft, tolerant of Arabic spelling variation and clitics; a consistency
//! pass then reports [`Finding`]s: the same person named two ways, two counts
//! for one thing, a quote worded twice, a title the person did not hold.
//!
//! ```
//! use tadqiq::{CheckerBuilder, Format, Mode};
//!
//! let checker = CheckerBuilder::new().build().expect("the embedded gazetteer is valid");
//! let report = checker.run("draft.txt", "زار الرئيس السوري أحمد الشرع واشنطن.", Format::Plain, Mode::Tag);
//! assert!(report.mentions.iter().any(|m| m.entity_id.as_deref() == Some("ahmed-al-sharaa")));
//! ```

mod archive;
pub mod atomic;
mod baseline;
mod checker;
mod claims;
mod clitics;
mod compare;
pub mod config;
mod finding;
mod fix;
pub mod fuzzing;
pub mod gazetteer;
mod input;
pub mod lexicon;
mod normalize;
mod parallel;
pub mod report;
mod resolve;
mod rules;
mod run;
mod segment;
pub mod serve;
mod snapshot_dir;
mod source_error;
mod suppress;
mod tag;
#[cfg(test)]
mod test_texts;
mod walk;

pub use archive::StreamOutcome;
pub use baseline::{Baseline, BaselineEntry, BaselineOutcome};
pub use checker::{Checker, CheckerBuilder, FileReport, Mode, RuleLevel};
pub use claims::Claims;
pub use compare::{compare, CompareInputs, CompareOptions};
pub use finding::{Edit, Finding, Severity, Span};
pub use input::{read_draft, read_draft_limited, Draft, InputError, DEFAULT_MAX_DRAFT_BYTES};
pub use report::{OutputFormat, Report, Summary};
pub use resolve::Mention;
pub use rules::{catalog, lookup, Prefer, RuleInfo};
pub use run::{
    diff, run, run_jsonl, show_config, snapshot, ConfigChoice, FailOn, FixMode, Outcome,
    RunOptions, Settings, SnapshotMode, Verbosity,
};
pub use segment::{Format, SectionKind, SectionMarkers};
pub use suppress::{INFO as SUPPRESSION_INFO, RULE as SUPPRESSION_RULE};
pub use tag::AliasForm;
