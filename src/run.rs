//! The commands behind the binary: find the drafts and their configs, run
//! the checker on every core, render, and say which exit code the outcome
//! deserves. `main.rs` only parses flags and calls these.
//!
//! Each draft is checked under the `tadqiq.yaml` nearest to it (or the one
//! `--config` names, or none with `--isolated`). Drafts that share a config
//! share one checker; checkers whose gazetteer sources are the same share
//! one loaded gazetteer.

use std::collections::{BTreeMap, HashMap};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::baseline::{normal_path, Baseline};
use crate::checker::{Checker, CheckerBuilder, FileReport, Mode};
use crate::config::{self, Config, FailOnSetting, RuleSelection};
use crate::finding::Severity;
use crate::gazetteer::{Gazetteer, GazetteerSources, PartialDate};
use crate::input::{read_draft_limited, Draft, InputError, DEFAULT_MAX_DRAFT_BYTES};
use crate::report::{render, visible, DraftDiff, HumanOptions, OutputFormat, Report};
use crate::snapshot_dir::{self, Existing};
use crate::walk::{self, Input};

/// The findings level at which a run fails (`--fail-on`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailOn {
    Severity(Severity),
    Never,
}

impl FailOn {
    pub fn parse(s: &str) -> Option<FailOn> {
        match s {
            "never" => Some(FailOn::Never),
            other => Severity::parse(other).map(FailOn::Severity),
        }
    }

    /// Whether a finding of severity `s` fails the run.
    pub fn fails(self, s: Severity) -> bool {
        match self {
            FailOn::Severity(level) => s >= level,
            FailOn::Never => false,
        }
    }
}

impl From<FailOnSetting> for FailOn {
    fn from(s: FailOnSetting) -> FailOn {
        match s {
            FailOnSetting::Error => FailOn::Severity(Severity::Error),
            FailOnSetting::Warning => FailOn::Severity(Severity::Warning),
            FailOnSetting::Info => FailOn::Severity(Severity::Info),
            FailOnSetting::Never => FailOn::Never,
        }
    }
}

/// How a run ended, mapped to exit codes 0, 1 and 2.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// No finding at or above the fail-on level.
    Clean,
    /// Findings at or above the fail-on level.
    Failed,
    /// The tool could not do its job for at least one input.
    Error,
}

impl Outcome {
    pub fn exit_code(self) -> u8 {
        match self {
            Outcome::Clean => 0,
            Outcome::Failed => 1,
            Outcome::Error => 2,
        }
    }
}

/// Which config applies to a draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigChoice {
    /// The nearest `tadqiq.yaml` walking up from the draft's folder.
    Discover,
    /// `--config FILE`, for every draft.
    File(PathBuf),
    /// `--isolated`: built-in defaults only.
    Isolated,
}

/// What every command that checks drafts shares.
#[derive(Debug, Clone)]
pub struct Settings {
    pub config: ConfigChoice,
    /// `--gazetteer DIR`, added to the config's.
    pub gazetteers: Vec<String>,
    /// `--lexicon DIR`, added to the config's `lexicons:`.
    pub lexicons: Vec<String>,
    pub no_default_gazetteer: bool,
    /// Bypass the compiled-gazetteer cache (`--no-cache`).
    pub no_cache: bool,
    /// `--date`: the draft date when a draft has no front matter date.
    pub date: Option<PartialDate>,
    /// Worker threads; 0 means one per core.
    pub jobs: usize,
    /// The name reported for standard input.
    pub stdin_name: String,
    /// `--max-draft-size`: the largest draft checked, in bytes; `None`
    /// takes the config's `max-draft-size`, else
    /// [`DEFAULT_MAX_DRAFT_BYTES`].
    pub max_draft_bytes: Option<u64>,
    /// `--select`, `--extend-select`, `--ignore`: win over every config's
    /// `rules:`.
    pub rules: RuleSelection,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            config: ConfigChoice::Discover,
            gazetteers: Vec::new(),
            lexicons: Vec::new(),
            no_default_gazetteer: false,
            no_cache: false,
            date: None,
            jobs: 0,
            stdin_name: "<stdin>".to_string(),
            max_draft_bytes: None,
            rules: RuleSelection::default(),
        }
    }
}

/// `--fix` and `--diff` on `tadqiq check`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum FixMode {
    /// Report only.
    #[default]
    Off,
    /// Rewrite the drafts with every unambiguous fix, then report what is left.
    Write,
    /// Print a unified diff of what `Write` would change; exit 1 if anything.
    Diff,
}

/// How much `tadqiq check` prints (ruff's `-q` and `-s`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Verbosity {
    #[default]
    Normal,
    /// `-q`: the findings and nothing else: no summary line (so nothing
    /// at all on a clean run in the human format), no notes on standard
    /// error. Machine formats (JSON, SARIF...) are unchanged.
    Quiet,
    /// `-s`: no report at all; only the exit code (and the errors that make
    /// it 2) tells the outcome.
    Silent,
}

/// Options of `tadqiq check` and `tadqiq tag`.
#[derive(Debug, Clone)]
pub struct RunOptions {
    /// Files, folders and `-`; none reads standard input.
    pub paths: Vec<String>,
    pub format: OutputFormat,
    /// `--fail-on`; `None` takes the config's `fail-on`, else `error`.
    pub fail_on: Option<FailOn>,
    pub color: bool,
    /// Include mentions in `check` output.
    pub mentions: bool,
    /// Include claims in `check` JSON output.
    pub claims: bool,
    /// Report only findings not in this baseline.
    pub baseline: Option<PathBuf>,
    /// Write the findings' fingerprints here instead of reporting them.
    pub write_baseline: Option<PathBuf>,
    /// `--fix` / `--diff`.
    pub fix: FixMode,
    /// `--statistics`: counts per rule instead of the findings.
    pub statistics: bool,
    pub verbosity: Verbosity,
}

/// Config key: the config file's path, `None` for the built-in defaults.
pub(crate) type ConfigKey = Option<PathBuf>;

/// What a loaded gazetteer was built from: embedded or not, folders, disabled ids.
type SourceKey = (bool, Vec<PathBuf>, Vec<String>);

/// Finds configs, loads gazetteers and builds checkers, each once.
pub(crate) struct Engine<'a> {
    settings: &'a Settings,
    cwd: PathBuf,
    found: HashMap<PathBuf, ConfigKey>,
    configs: BTreeMap<ConfigKey, Config>,
    gazetteers: Vec<(SourceKey, Arc<Gazetteer>)>,
    pub(crate) checkers: BTreeMap<ConfigKey, Checker>,
}

impl<'a> Engine<'a> {
    pub(crate) fn new(settings: &'a Settings) -> Engine<'a> {
        let mut configs = BTreeMap::new();
        configs.insert(None, Config::default());
        Engine {
            settings,
            cwd: std::env::current_dir().unwrap_or_default(),
            found: HashMap::new(),
            configs,
            gazetteers: Vec::new(),
            checkers: BTreeMap::new(),
        }
    }

    /// The config for drafts in `dir`, loaded.
    pub(crate) fn config_key(&mut self, dir: &Path) -> Result<ConfigKey, String> {
        let key = match &self.settings.config {
            ConfigChoice::Isolated => None,
            ConfigChoice::File(path) => Some(path.clone()),
            ConfigChoice::Discover => {
                let dir = self.cwd.join(dir);
                match self.found.get(&dir) {
                    Some(key) => key.clone(),
                    None => {
                        let key = config::discover(&dir).map(|p| self.shown(&p));
                        self.found.insert(dir, key.clone());
                        key
                    }
                }
            }
        };
        if !self.configs.contains_key(&key) {
            if let Some(path) = &key {
                let config = Config::load(path).map_err(|e| e.to_string())?;
                self.configs.insert(key.clone(), config);
            }
        }
        Ok(key)
    }

    /// A discovered config path as messages show it: relative to the
    /// current folder when under it.
    fn shown(&self, path: &Path) -> PathBuf {
        path.strip_prefix(&self.cwd)
            .map(Path::to_path_buf)
            .unwrap_or_else(|_| path.to_path_buf())
    }

    pub(crate) fn config(&self, key: &ConfigKey) -> &Config {
        static DEFAULT: std::sync::OnceLock<Config> = std::sync::OnceLock::new();
        self.configs
            .get(key)
            .unwrap_or_else(|| DEFAULT.get_or_init(Config::default))
    }

    pub(crate) fn config_for_file(&mut self, path: &str) -> Result<ConfigKey, String> {
        let abs = self.cwd.join(path);
        let dir = abs
            .parent()
            .map_or_else(|| self.cwd.clone(), Path::to_path_buf);
        self.config_key(&dir)
    }

    /// Builds the checker for `key` unless it exists.
    pub(crate) fn prepare(&mut self, key: &ConfigKey) -> Result<(), String> {
        if self.checkers.contains_key(key) {
            return Ok(());
        }
        let mut config = self.config(key).clone();
        self.settings.rules.apply(&mut config.file);
        // One lexicon per run: the shipped one plus the newsroom's folders.
        let mut lexicons = config.lexicon_dirs();
        lexicons.extend(self.settings.lexicons.iter().map(PathBuf::from));
        crate::lexicon::install(&lexicons)?;
        let embedded = config.default_gazetteer() && !self.settings.no_default_gazetteer;
        let mut dirs = config.gazetteer_dirs();
        dirs.extend(self.settings.gazetteers.iter().map(PathBuf::from));
        let disabled = config.disabled_entities().to_vec();
        let source_key = (embedded, dirs, disabled);
        let gazetteer = match self.gazetteers.iter().find(|(k, _)| *k == source_key) {
            Some((_, g)) => Arc::clone(g),
            None => {
                let mut sources = GazetteerSources::default();
                sources.embedded(embedded).cache(!self.settings.no_cache);
                for dir in &source_key.1 {
                    sources.add_dir(dir);
                }
                let all = sources.load().map_err(|e| e.to_string())?;
                // Ids in `disable-entities` can only be checked now.
                config
                    .check_disabled(|id| all.get(id).is_some())
                    .map_err(|e| e.to_string())?;
                let g = Arc::new(all.into_without(&source_key.2));
                self.gazetteers.push((source_key, Arc::clone(&g)));
                g
            }
        };
        // Entity ids in `prefer.entities` can only be checked now.
        config
            .check_entities(
                |id| gazetteer.get(id).is_some(),
                gazetteer.entities().iter().map(|e| e.id.as_str()),
            )
            .map_err(|e| e.to_string())?;
        let mut builder = CheckerBuilder::new();
        config.apply(&mut builder);
        builder.date(self.settings.date);
        self.checkers
            .insert(key.clone(), builder.build_with(gazetteer));
        Ok(())
    }

    /// The draft size limit for drafts under config `key`.
    pub(crate) fn max_bytes(&self, key: &ConfigKey) -> u64 {
        self.settings
            .max_draft_bytes
            .or_else(|| self.config(key).max_draft_size())
            .unwrap_or(DEFAULT_MAX_DRAFT_BYTES)
    }

    pub(crate) fn fail_on(&self, key: &ConfigKey, cli: Option<FailOn>) -> FailOn {
        cli.or_else(|| self.config(key).file.fail_on.map(FailOn::from))
            .unwrap_or(FailOn::Severity(Severity::Error))
    }

    fn threads(&self, work: usize) -> usize {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let wanted = if self.settings.jobs == 0 {
            cores
        } else {
            self.settings.jobs
        };
        wanted.clamp(1, work.max(1))
    }
}

/// One draft to check, before checking.
enum Job {
    /// Read (at most this many bytes) and check this file.
    File(String, ConfigKey, u64),
    /// Already read (standard input).
    Read(Draft, ConfigKey),
    /// Could not even be listed.
    Failed(InputError),
}

/// A checked draft with the fail-on level its config sets.
struct Checked {
    report: FileReport,
    key: ConfigKey,
}

/// Everything that came out of checking a list of paths.
struct Batch {
    /// In the order the paths were given (folders in walk order).
    files: Vec<Checked>,
    failures: Vec<InputError>,
}

fn check_paths<'a>(engine: &mut Engine<'a>, mode: Mode, paths: &[String]) -> Result<Batch, String> {
    let default_paths = ["-".to_string()];
    let paths = if paths.is_empty() {
        &default_paths[..]
    } else {
        paths
    };
    let expanded = walk::expand(paths, |dir| {
        let key = engine.config_key(dir)?;
        Ok::<_, String>(engine.config(&key).filter())
    })?;
    let mut jobs = Vec::new();
    for input in expanded.inputs {
        let job = match input {
            Err(e) => Job::Failed(e),
            Ok(Input::Stdin) => {
                let key = engine.config_key(Path::new(""))?;
                let limit = engine.max_bytes(&key);
                match read_draft_limited("-", &engine.settings.stdin_name, limit) {
                    Ok(draft) => Job::Read(draft, key),
                    Err(e) => Job::Failed(e),
                }
            }
            Ok(Input::File(path)) => {
                let key = engine.config_for_file(&path)?;
                let limit = engine.max_bytes(&key);
                Job::File(path, key, limit)
            }
        };
        if let Job::File(_, key, _) | Job::Read(_, key) = &job {
            engine.prepare(key)?;
        }
        jobs.push(job);
    }
    let threads = engine.threads(jobs.len());
    let results = check_parallel(
        &jobs,
        &engine.checkers,
        mode,
        &engine.settings.stdin_name,
        threads,
    );
    let mut batch = Batch {
        files: Vec::new(),
        failures: Vec::new(),
    };
    for (job, result) in jobs.into_iter().zip(results) {
        match (job, result) {
            (Job::File(_, key, _) | Job::Read(_, key), Ok(report)) => {
                batch.files.push(Checked { report, key })
            }
            (_, Err(e)) => batch.failures.push(e),
            (Job::Failed(e), Ok(_)) => batch.failures.push(e),
        }
    }
    Ok(batch)
}

/// Checks every job on `threads` threads; results come back in job order
/// whatever order the threads finish in. A draft whose check panics (a bug)
/// is reported as an internal error for that draft alone; the thread goes
/// on with the next job, so no other result is lost and which drafts are
/// reported does not depend on scheduling.
fn check_parallel(
    jobs: &[Job],
    checkers: &BTreeMap<ConfigKey, Checker>,
    mode: Mode,
    stdin_name: &str,
    threads: usize,
) -> Vec<Result<FileReport, InputError>> {
    let panic_on = test_panic_target();
    let work = |job: &Job| -> Result<FileReport, InputError> {
        let read;
        let (draft, key) = match job {
            Job::Failed(e) => return Err(e.clone()),
            Job::Read(draft, key) => (draft, key),
            Job::File(path, key, limit) => {
                read = read_draft_limited(path, stdin_name, *limit)?;
                (&read, key)
            }
        };
        let checker = checkers.get(key).ok_or_else(|| InputError {
            path: draft.path.clone(),
            message: "internal error: no checker for this draft's config".to_string(),
        })?;
        if panic_on
            .as_deref()
            .is_some_and(|target| draft.path.ends_with(target))
        {
            panic!("deliberate panic for a test (TADQIQ_TEST_PANIC_ON)");
        }
        Ok(checker.run(&draft.path, &draft.text, draft.format, mode))
    };
    let guarded = |job: &Job| -> Result<FileReport, InputError> {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(job)))
            .unwrap_or_else(|payload| Err(internal_error(job, Some(payload.as_ref()))))
    };
    // Panics are caught per draft; a thread that still dies (a panic while
    // panicking) loses its results, reported below.
    let results = crate::parallel::map_in_order(jobs, threads, guarded);
    results
        .into_iter()
        .zip(jobs)
        .map(|(result, job)| result.unwrap_or_else(|| Err(internal_error(job, None))))
        .collect()
}

/// The path a job reports under.
fn job_path(job: &Job) -> String {
    match job {
        Job::File(path, _, _) => path.clone(),
        Job::Read(draft, _) => draft.path.clone(),
        Job::Failed(e) => e.path.clone(),
    }
}

/// The error reported for a draft whose check panicked.
fn internal_error(job: &Job, payload: Option<&(dyn std::any::Any + Send)>) -> InputError {
    let detail = payload
        .and_then(|p| {
            p.downcast_ref::<&str>()
                .map(|s| (*s).to_string())
                .or_else(|| p.downcast_ref::<String>().cloned())
        })
        .map_or_else(String::new, |m| format!(": {m}"));
    InputError {
        path: job_path(job),
        message: format!(
            "internal error while checking (a bug in tadqiq; please report it){detail}"
        ),
    }
}

/// Test hook, in debug builds only: the env var `TADQIQ_TEST_PANIC_ON`
/// names a path suffix; checking a draft whose path ends with it panics,
/// so tests can show that one panicking draft loses no other result.
fn test_panic_target() -> Option<String> {
    if cfg!(debug_assertions) {
        std::env::var("TADQIQ_TEST_PANIC_ON")
            .ok()
            .filter(|s| !s.is_empty())
    } else {
        None
    }
}

fn report_failures(batch: &Batch, err: &mut dyn Write) -> io::Result<()> {
    let empty: Vec<&str> = batch
        .files
        .iter()
        .filter(|file| file.report.text.trim().is_empty())
        .map(|file| file.report.path.as_str())
        .collect();
    report_problems(&batch.failures, &empty, err)
}

/// One line per draft that could not be checked, then one note per empty
/// draft.
fn report_problems(failures: &[InputError], empty: &[&str], err: &mut dyn Write) -> io::Result<()> {
    for failure in failures {
        writeln!(err, "tadqiq: error: {}", visible(&failure.to_string()))?;
    }
    // An empty draft is no error (its report is empty), but it is worth a
    // line: it is often a wrong path or a failed export.
    for path in empty {
        writeln!(
            err,
            "tadqiq: note: {}: the draft is empty; nothing to check",
            visible(path)
        )?;
    }
    Ok(())
}

/// Runs `check` or `tag` over JSONL archive records (`--input jsonl`, DESIGN
/// §11): each path (`-` for standard input) holds one JSON record a line,
/// and `out` gets one JSONL line per record in input order. The config is
/// the one that applies in the current folder. Bad records get an `error`
/// line and make the outcome [`Outcome::Error`]; the stream goes on.
///
/// # Errors
/// Only I/O errors writing `out` or `err`.
pub fn run_jsonl(
    settings: &Settings,
    mode: Mode,
    opts: &RunOptions,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Outcome> {
    let mut engine = Engine::new(settings);
    let key = match engine.config_key(Path::new("")).and_then(|key| {
        engine.prepare(&key)?;
        Ok(key)
    }) {
        Ok(key) => key,
        Err(message) => {
            writeln!(err, "{message}")?;
            return Ok(Outcome::Error);
        }
    };
    let fail_on = engine.fail_on(&key, opts.fail_on);
    let threads = engine.threads(usize::MAX);
    let Some(checker) = engine.checkers.get(&key) else {
        writeln!(
            err,
            "tadqiq: internal error: no checker for the current folder"
        )?;
        return Ok(Outcome::Error);
    };
    let paths = if opts.paths.is_empty() {
        vec!["-".to_string()]
    } else {
        opts.paths.clone()
    };
    let mut outcome = crate::archive::StreamOutcome::default();
    let mut unreadable = false;
    for path in &paths {
        let result = if path == "-" {
            let stdin = io::stdin();
            let mut input = stdin.lock();
            crate::archive::run_stream(checker, mode, opts.mentions, threads, &mut input, out)
        } else {
            match std::fs::File::open(path) {
                Ok(file) => {
                    let mut input = io::BufReader::new(file);
                    crate::archive::run_stream(
                        checker,
                        mode,
                        opts.mentions,
                        threads,
                        &mut input,
                        out,
                    )
                }
                Err(e) => {
                    writeln!(err, "tadqiq: error: {path}: {e}")?;
                    unreadable = true;
                    continue;
                }
            }
        };
        match result {
            Ok(o) => {
                outcome.records += o.records;
                outcome.bad_records += o.bad_records;
                outcome.worst = outcome.worst.max(o.worst);
            }
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => return Err(e),
            Err(e) => {
                writeln!(err, "tadqiq: error: {path}: {e}")?;
                unreadable = true;
            }
        }
    }
    if outcome.bad_records > 0 {
        writeln!(
            err,
            "tadqiq: {} of {} record(s) could not be checked (see their `error` lines)",
            outcome.bad_records, outcome.records
        )?;
    }
    Ok(if unreadable || outcome.bad_records > 0 {
        Outcome::Error
    } else if outcome.worst.is_some_and(|w| fail_on.fails(w)) {
        Outcome::Failed
    } else {
        Outcome::Clean
    })
}

/// Runs `check` or `tag` on every path, writing the report to `out` and one
/// line per unreadable input to `err`. Unreadable inputs do not stop the
/// others; they make the outcome [`Outcome::Error`]. An invalid config or
/// gazetteer stops the run before any draft is checked.
///
/// # Errors
/// Only I/O errors writing `out` or `err`.
pub fn run(
    settings: &Settings,
    mode: Mode,
    opts: &RunOptions,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Outcome> {
    let mut engine = Engine::new(settings);
    let quiet = opts.verbosity != Verbosity::Normal;
    if mode == Mode::Check && opts.fix != FixMode::Off {
        if let Some(outcome) = fix_drafts(&mut engine, opts, out, err)? {
            return Ok(outcome);
        }
    }
    let batch = match check_paths(&mut engine, mode, &opts.paths) {
        Ok(batch) => batch,
        Err(message) => {
            writeln!(err, "{message}")?;
            return Ok(Outcome::Error);
        }
    };
    let mut failed = false;
    let mut report = Report::default();
    // The reports move into `report` (a large draft's report is not copied).
    let empty: Vec<String> = batch
        .files
        .iter()
        .filter(|file| file.report.text.trim().is_empty())
        .map(|file| file.report.path.clone())
        .collect();
    let empty: Vec<&str> = empty.iter().map(String::as_str).collect();
    let Batch { files, failures } = batch;
    let keys: Vec<ConfigKey> = files.iter().map(|checked| checked.key.clone()).collect();
    for checked in files {
        let mut file = checked.report;
        if mode == Mode::Check && !opts.mentions {
            file.mentions.clear();
        }
        if !opts.claims {
            file.claims = None;
        }
        report.files.push(file);
    }

    if let Some(path) = &opts.write_baseline {
        let baseline = Baseline::from_report(&report);
        if let Err(e) = std::fs::write(path, baseline.to_json()) {
            writeln!(
                err,
                "tadqiq: error: {}: cannot write baseline: {e}",
                path.display()
            )?;
            return Ok(Outcome::Error);
        }
        writeln!(
            err,
            "tadqiq: wrote {} finding(s) of {} draft(s) to baseline {}",
            baseline.findings.len(),
            report.files.len(),
            path.display()
        )?;
        report_problems(&failures, &empty, err)?;
        return Ok(if failures.is_empty() {
            Outcome::Clean
        } else {
            Outcome::Error
        });
    }
    if let Some(path) = &opts.baseline {
        let baseline = match Baseline::load(path) {
            Ok(b) => b,
            Err(e) => {
                writeln!(err, "tadqiq: error: {e}")?;
                return Ok(Outcome::Error);
            }
        };
        let outcome = baseline.apply(&mut report);
        if !quiet {
            writeln!(
            err,
            "tadqiq: baseline {}: {} finding(s) hidden, {} entr{} no longer match (fixed or changed; refresh with --write-baseline)",
            path.display(),
            outcome.matched,
            outcome.stale,
            if outcome.stale == 1 { "y" } else { "ies" }
        )?;
        }
    }

    let human = HumanOptions {
        color: opts.color,
        mentions: mode == Mode::Tag || opts.mentions,
        findings: mode == Mode::Check,
        summary: mode == Mode::Check && !quiet,
        columns: true,
    };
    if opts.verbosity == Verbosity::Silent {
        // No report; the exit code says it.
    } else if opts.statistics && mode == Mode::Check {
        crate::report::statistics::render(&report, opts.format == OutputFormat::Json, out)?;
    } else {
        render(&report, opts.format, &human, out)?;
    }
    out.flush()?;
    let empty = if quiet { Vec::new() } else { empty };
    report_problems(&failures, &empty, err)?;
    if !failures.is_empty() {
        return Ok(Outcome::Error);
    }
    if mode == Mode::Check {
        for (file, key) in report.files.iter().zip(&keys) {
            let fail_on = engine.fail_on(key, opts.fail_on);
            if file.findings.iter().any(|f| fail_on.fails(f.severity)) {
                failed = true;
            }
        }
    }
    // The process ends after a run: its checkers (gazetteer, tagger table,
    // automaton, indexes) are left to the operating system instead of
    // being freed one allocation at a time (a tenth of a 5 KB check's
    // instructions, a second at 1,000,000 aliases). Everything written
    // has been flushed above.
    std::mem::forget(engine);
    std::mem::forget(report);
    Ok(if failed {
        Outcome::Failed
    } else {
        Outcome::Clean
    })
}

/// `--fix` and `--diff`, before the report: checks every draft, gathers the
/// edits of the findings that have one unambiguous fix (those a baseline
/// hides are left alone), then rewrites the drafts (`Write`; the report
/// that follows is of the fixed drafts) or prints what would change
/// (`Diff`, which ends the run: exit 1 when there is something to fix).
/// `Some(outcome)` ends the run.
fn fix_drafts(
    engine: &mut Engine<'_>,
    opts: &RunOptions,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Option<Outcome>> {
    let quiet = opts.verbosity != Verbosity::Normal;
    if opts.fix == FixMode::Write && (opts.paths.is_empty() || opts.paths.iter().any(|p| p == "-"))
    {
        writeln!(
            err,
            "tadqiq: error: --fix rewrites files and cannot rewrite standard input; use --diff to see the fixes"
        )?;
        return Ok(Some(Outcome::Error));
    }
    let batch = match check_paths(engine, Mode::Check, &opts.paths) {
        Ok(batch) => batch,
        Err(message) => {
            writeln!(err, "{message}")?;
            return Ok(Some(Outcome::Error));
        }
    };
    let Batch { files, failures } = batch;
    let mut report = Report {
        files: files.into_iter().map(|checked| checked.report).collect(),
    };
    if let Some(path) = &opts.baseline {
        // A baseline that does not load is reported by the run that follows.
        if let Ok(baseline) = Baseline::load(path) {
            baseline.apply(&mut report);
        }
    }
    let (mut drafts, mut fixes, mut problems) = (0usize, 0usize, Vec::new());
    for file in &report.files {
        let edits = crate::fix::edits(&file.findings);
        if edits.is_empty() {
            continue;
        }
        if opts.fix == FixMode::Diff {
            let after = match crate::fix::apply(file.text.as_bytes(), &edits) {
                Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
                Err(message) => {
                    problems.push(format!("{}: {message}", visible(&file.path)));
                    continue;
                }
            };
            if opts.verbosity != Verbosity::Silent {
                let diff = similar::TextDiff::from_lines(file.text.as_str(), after.as_str());
                let shown = visible(&normal_path(&file.path)).into_owned();
                write!(
                    out,
                    "{}",
                    diff.unified_diff()
                        .context_radius(3)
                        .header(&format!("a/{shown}"), &format!("b/{shown}"))
                )?;
            }
        } else {
            let fixed = std::fs::read(&file.path)
                .map_err(|e| e.to_string())
                .and_then(|bytes| crate::fix::apply(&bytes, &edits))
                .and_then(|bytes| crate::atomic::write_file(Path::new(&file.path), &bytes));
            if let Err(message) = fixed {
                problems.push(format!("{}: cannot fix: {message}", visible(&file.path)));
                continue;
            }
        }
        drafts += 1;
        fixes += edits.len();
    }
    for problem in &problems {
        writeln!(err, "tadqiq: error: {problem}")?;
    }
    let (verb, draft_word) = match opts.fix {
        FixMode::Diff => ("would fix", "draft"),
        _ => ("fixed", "draft"),
    };
    if !quiet && (fixes > 0 || opts.fix == FixMode::Diff) {
        writeln!(
            err,
            "tadqiq: {verb} {fixes} spelling{} in {drafts} {draft_word}{}",
            if fixes == 1 { "" } else { "s" },
            if drafts == 1 { "" } else { "s" }
        )?;
    }
    if opts.fix == FixMode::Diff {
        out.flush()?;
        report_problems(&failures, &[], err)?;
        return Ok(Some(if !failures.is_empty() || !problems.is_empty() {
            Outcome::Error
        } else if fixes > 0 {
            Outcome::Failed
        } else {
            Outcome::Clean
        }));
    }
    if !problems.is_empty() {
        return Ok(Some(Outcome::Error));
    }
    Ok(None)
}

/// What `tadqiq snapshot` does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SnapshotMode {
    /// Write every snapshot that changed; remove those whose draft is gone.
    Update,
    /// Print a unified diff for every report that changed; exit 1 if any.
    Check,
}

/// The stable text report of one draft, named `name`: the human format
/// without colour, mentions or columns (see `report/snapshot.rs`), ending
/// in its summary line.
fn snapshot_text(file: &FileReport, name: &str) -> String {
    let mut file = file.clone();
    file.path = name.to_string();
    file.mentions.clear();
    file.claims = None;
    let report = Report { files: vec![file] };
    let mut out = Vec::new();
    // Writing to memory cannot fail.
    let _ = crate::report::render_snapshot(&report, &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// A path in the snapshot listing: `./` dropped, made safe to print.
fn shown(path: &Path) -> String {
    visible(&normal_path(&path.to_string_lossy())).into_owned()
}

/// `tadqiq snapshot --dir DIR --update|--check PATHS...`. Files are read,
/// written and removed under `DIR` only, never through a symbolic link;
/// drafts are named by their path from the folder that holds `DIR`
/// (see [`crate::snapshot_dir`]).
///
/// # Errors
/// Only I/O errors writing `out` or `err`.
pub fn snapshot(
    settings: &Settings,
    dir: &Path,
    mode: SnapshotMode,
    paths: &[String],
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Outcome> {
    let mut engine = Engine::new(settings);
    let cwd = engine.cwd.clone();
    let base = snapshot_dir::base(&cwd, dir);
    let mut batch = match check_paths(&mut engine, Mode::Check, paths) {
        Ok(batch) => batch,
        Err(message) => {
            writeln!(err, "{message}")?;
            return Ok(Outcome::Error);
        }
    };
    let (mut changed, mut created, mut same, mut gone) = (0usize, 0usize, 0usize, 0usize);
    for checked in &batch.files {
        let file = &checked.report;
        let name = match snapshot_dir::draft_name(&base, &cwd, &file.path) {
            Ok(name) => name,
            Err(message) => {
                batch.failures.push(InputError {
                    path: file.path.clone(),
                    message,
                });
                continue;
            }
        };
        let target = snapshot_dir::snapshot_file(dir, &name);
        let before = match snapshot_dir::read(dir, &target) {
            Ok(Existing::Text(text)) => Some(text),
            Ok(Existing::None) => None,
            Err(message) => {
                batch.failures.push(InputError {
                    path: file.path.clone(),
                    message,
                });
                continue;
            }
        };
        let now = snapshot_text(file, &name);
        if before.as_deref() == Some(now.as_str()) {
            same += 1;
            continue;
        }
        match mode {
            SnapshotMode::Update => {
                if let Err(message) = snapshot_dir::write(dir, &target, &now) {
                    batch.failures.push(InputError {
                        path: file.path.clone(),
                        message,
                    });
                    continue;
                }
                let verb = if before.is_some() {
                    "updated"
                } else {
                    "created"
                };
                writeln!(out, "{verb} {}", shown(&target))?;
            }
            SnapshotMode::Check => match &before {
                None => writeln!(
                    out,
                    "{}: no snapshot of {} yet (run `tadqiq snapshot --update`)",
                    shown(&target),
                    visible(&name)
                )?,
                Some(old) => {
                    let diff = similar::TextDiff::from_lines(old.as_str(), now.as_str());
                    let old_name = format!("a/{}", shown(&target));
                    let new_name = format!("b/{}", shown(&target));
                    write!(
                        out,
                        "{}",
                        diff.unified_diff()
                            .context_radius(3)
                            .header(&old_name, &new_name)
                    )?;
                }
            },
        }
        if before.is_some() {
            changed += 1;
        } else {
            created += 1;
        }
    }
    // Snapshots whose draft no longer exists (judged from the base, not
    // from the current folder).
    let (snapshots, problems) = snapshot_dir::list(dir);
    for message in problems {
        batch.failures.push(InputError {
            path: shown(dir),
            message,
        });
    }
    for (snap, draft) in snapshots {
        if !snapshot_dir::draft_gone(&base, &draft) {
            continue;
        }
        gone += 1;
        let draft = visible(&draft);
        match mode {
            SnapshotMode::Update => match snapshot_dir::remove(&snap) {
                Ok(()) => writeln!(out, "removed {} (draft {draft} is gone)", shown(&snap))?,
                Err(message) => batch.failures.push(InputError {
                    path: shown(&snap),
                    message,
                }),
            },
            SnapshotMode::Check => writeln!(
                out,
                "{}: draft {draft} is gone (run `tadqiq snapshot --update` to remove the snapshot)",
                shown(&snap)
            )?,
        }
    }
    match mode {
        SnapshotMode::Update => writeln!(
            out,
            "tadqiq snapshot: {} unchanged, {changed} updated, {created} created, {gone} removed",
            same
        )?,
        SnapshotMode::Check => writeln!(
            out,
            "tadqiq snapshot: {} unchanged, {changed} changed, {created} new, {gone} gone",
            same
        )?,
    }
    out.flush()?;
    report_failures(&batch, err)?;
    Ok(if !batch.failures.is_empty() {
        Outcome::Error
    } else if mode == SnapshotMode::Check && changed + created + gone > 0 {
        Outcome::Failed
    } else {
        Outcome::Clean
    })
}

/// `tadqiq diff OLD NEW`: both drafts checked under NEW's config, and read
/// in NEW's format (so `git show HEAD:a.md | tadqiq diff - a.md` works).
/// Fails (exit 1) when an added finding is at or above `fail_on`.
///
/// # Errors
/// Only I/O errors writing `out` or `err`.
pub fn diff(
    settings: &Settings,
    old: &str,
    new: &str,
    json: bool,
    fail_on: Option<FailOn>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Outcome> {
    let mut engine = Engine::new(settings);
    let key = match engine.config_for_file(new).and_then(|key| {
        engine.prepare(&key)?;
        Ok(key)
    }) {
        Ok(key) => key,
        Err(message) => {
            writeln!(err, "{message}")?;
            return Ok(Outcome::Error);
        }
    };
    let mut drafts = Vec::new();
    let limit = engine.max_bytes(&key);
    for path in [old, new] {
        match read_draft_limited(path, &settings.stdin_name, limit) {
            Ok(d) => drafts.push(d),
            Err(e) => writeln!(err, "tadqiq: error: {e}")?,
        }
    }
    let [old_draft, new_draft] = match <[Draft; 2]>::try_from(drafts) {
        Ok(pair) => pair,
        Err(_) => return Ok(Outcome::Error),
    };
    let Some(checker) = engine.checkers.get(&key) else {
        return Ok(Outcome::Error);
    };
    let old_report = checker.run(
        &old_draft.path,
        &old_draft.text,
        new_draft.format,
        Mode::Check,
    );
    let new_report = checker.run(
        &new_draft.path,
        &new_draft.text,
        new_draft.format,
        Mode::Check,
    );
    let diff = DraftDiff::new(&old_report, &new_report);
    if json {
        diff.render_json(out)?;
    } else {
        diff.render_human(out)?;
    }
    out.flush()?;
    let fail_on = engine.fail_on(&key, fail_on);
    Ok(if diff.added.iter().any(|f| fail_on.fails(f.severity)) {
        Outcome::Failed
    } else {
        Outcome::Clean
    })
}

/// `tadqiq config`: the config that applies to drafts in the current
/// folder, as a path (`dump == false`) or as the effective YAML.
///
/// # Errors
/// Only I/O errors writing `out` or `err`.
pub fn show_config(
    settings: &Settings,
    dump: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Outcome> {
    let mut engine = Engine::new(settings);
    let key = match engine.config_key(Path::new("")) {
        Ok(key) => key,
        Err(message) => {
            writeln!(err, "{message}")?;
            return Ok(Outcome::Error);
        }
    };
    let config = engine.config(&key);
    if dump {
        write!(out, "{}", config.dump())?;
    } else {
        match &config.path {
            Some(p) => writeln!(out, "{}", p.display())?,
            None => writeln!(
                out,
                "no {} found; built-in defaults apply",
                config::CONFIG_FILE_NAME
            )?,
        }
    }
    Ok(Outcome::Clean)
}
