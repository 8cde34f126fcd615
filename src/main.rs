//! The `tadqiq` binary: parse flags, call the library, map the outcome to an
//! exit code (0 clean, 1 findings at or above `--fail-on`, 2 could not run).

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use std::path::PathBuf;

use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};
use tadqiq::config::ByteSize;
use tadqiq::config::RuleSelection;
use tadqiq::gazetteer::{GazetteerSources, PartialDate};
use tadqiq::{
    ConfigChoice, FailOn, FixMode, Mode, OutputFormat, RunOptions, Settings, Severity,
    SnapshotMode, Verbosity,
};

/// Named-entity and fact-consistency checker for Arabic and English news drafts.
#[derive(Parser)]
#[command(name = "tadqiq", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Tag mentions and run the consistency rules (the main job).
    Check(CheckArgs),
    /// Tag mentions only.
    Tag(TagArgs),
    /// Write (`--update`) or verify (`--check`) one stable report per draft under a folder.
    Snapshot(SnapshotArgs),
    /// Findings added, resolved and kept between two revisions of a draft.
    Diff(DiffArgs),
    /// Compare two language versions of one story (or, with --dir, two folders of them).
    Compare(CompareArgs),
    /// Show which tadqiq.yaml applies here, or (`--dump`) the effective configuration.
    Config(ConfigArgs),
    /// Gazetteer tools.
    Gazetteer {
        #[command(subcommand)]
        command: GazetteerCommand,
    },
    /// Serve the checker over HTTP: a page at /, JSON at /v1/check, LanguageTool's API at /v2.
    Serve(ServeArgs),
    /// Explain what a rule checks, with an example.
    Explain {
        /// A rule id such as name-conflict; omit to list every rule.
        rule: Option<String>,
        /// Output format: `json` gives id, default severity, summary, explanation and example.
        #[arg(long, value_enum, default_value_t = DiffFormatArg::Human)]
        format: DiffFormatArg,
    },
    /// Write a commented tadqiq.yaml with every setting at its default in the current folder.
    Init {
        /// Replace an existing tadqiq.yaml.
        #[arg(long)]
        force: bool,
    },
    /// Print a shell completion script (e.g. `tadqiq completions bash > ~/.local/share/bash-completion/completions/tadqiq`).
    #[command(alias = "generate-shell-completion")]
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

#[derive(Subcommand)]
enum GazetteerCommand {
    /// Validate gazetteer folders together with the embedded gazetteer (alone with --no-default-gazetteer).
    Check {
        #[command(flatten)]
        sources: GazetteerArgs,
        /// Warn about aliases that are everyday words, from this file
        /// (written by scripts/word-frequencies.py).
        #[arg(long, value_name = "FILE")]
        word_frequencies: Option<PathBuf>,
    },
    /// Count entities, aliases, roles and facts per kind and language.
    Stats {
        #[command(flatten)]
        sources: GazetteerArgs,
        /// Output format.
        #[arg(long, value_enum, default_value_t = DiffFormatArg::Human)]
        format: DiffFormatArg,
    },
    /// Compile the gazetteer (embedded + folders) once: into FILE (for CI images; use it as the only --gazetteer), or into the cache folder.
    Compile {
        #[command(flatten)]
        sources: GazetteerArgs,
        /// Write the compiled gazetteer here instead of the cache folder.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// List every entity (id, kind, preferred names, origin), one per line or as JSON.
    List {
        #[command(flatten)]
        sources: GazetteerArgs,
        /// Output format: `human` is tab-separated.
        #[arg(long, value_enum, default_value_t = DiffFormatArg::Human)]
        format: DiffFormatArg,
    },
}

#[derive(Args)]
struct GazetteerArgs {
    /// Folders of people*.yaml, places*.yaml and organizations*.yaml files.
    dirs: Vec<String>,
    /// Leave out the gazetteer embedded in the binary.
    #[arg(long)]
    no_default_gazetteer: bool,
}

impl GazetteerArgs {
    fn sources(&self) -> GazetteerSources {
        let mut sources = GazetteerSources::default();
        sources.embedded(!self.no_default_gazetteer || self.dirs.is_empty());
        for dir in &self.dirs {
            sources.add_dir(dir);
        }
        sources
    }

    /// What was loaded, for messages.
    fn describe(&self) -> String {
        let mut parts = Vec::new();
        if !self.no_default_gazetteer || self.dirs.is_empty() {
            parts.push("embedded gazetteer".to_string());
        }
        parts.extend(self.dirs.iter().cloned());
        parts.join(" + ")
    }
}

/// Options of every command that checks drafts.
#[derive(Args)]
struct SettingsArgs {
    /// Add a gazetteer folder (repeatable).
    #[arg(long = "gazetteer", value_name = "DIR")]
    gazetteers: Vec<String>,
    /// Do not use the gazetteer embedded in the binary.
    #[arg(long)]
    no_default_gazetteer: bool,
    /// Add a lexicon folder (predicates*.yaml, units*.yaml, qualifiers*.yaml …; repeatable).
    #[arg(long = "lexicon", value_name = "DIR")]
    lexicons: Vec<String>,
    /// Read the gazetteer's YAML every time instead of its compiled form in the cache folder.
    #[arg(long)]
    no_cache: bool,
    /// Use this config for every draft instead of the nearest tadqiq.yaml.
    #[arg(long, value_name = "FILE", conflicts_with = "isolated")]
    config: Option<PathBuf>,
    /// Ignore every tadqiq.yaml: built-in defaults and flags only.
    #[arg(long)]
    isolated: bool,
    /// The draft's date (YYYY-MM-DD) when it has no `date:` front matter.
    #[arg(long, value_name = "YYYY-MM-DD")]
    date: Option<String>,
    /// Worker threads (default: one per core).
    #[arg(
        long,
        short = 'j',
        value_name = "N",
        default_value_t = 0,
        hide_default_value = true
    )]
    jobs: usize,
    /// The name reported for standard input (`-`); its extension picks the format.
    #[arg(long, default_value = "<stdin>")]
    stdin_name: String,
    /// Skip (exit 2) drafts larger than SIZE, e.g. 64MiB (default: the config's `max-draft-size`, else 32MiB).
    #[arg(long, value_name = "SIZE")]
    max_draft_size: Option<String>,
}

/// Rule selection on the command line; wins over tadqiq.yaml's `rules:`.
#[derive(Args)]
struct RuleArgs {
    /// Run only these rules (comma-separated ids, or ALL); the config's levels still apply to them.
    #[arg(
        long,
        value_name = "RULE",
        value_delimiter = ',',
        help_heading = "Rule selection"
    )]
    select: Option<Vec<String>>,
    /// Like --select, but adds to the selection (alone: switches on rules the config turned off).
    #[arg(
        long,
        value_name = "RULE",
        value_delimiter = ',',
        help_heading = "Rule selection"
    )]
    extend_select: Vec<String>,
    /// Turn these rules off (comma-separated ids); wins over --select.
    #[arg(
        long,
        value_name = "RULE",
        value_delimiter = ',',
        help_heading = "Rule selection"
    )]
    ignore: Vec<String>,
}

impl RuleArgs {
    fn selection(&self) -> RuleSelection {
        RuleSelection {
            select: self.select.clone(),
            extend_select: self.extend_select.clone(),
            ignore: self.ignore.clone(),
        }
    }
}

#[derive(Args)]
struct TagArgs {
    /// Drafts and folders to read; `-` or nothing reads standard input.
    paths: Vec<String>,
    /// What the inputs hold: drafts, or JSONL archive records ({"id","text","date","title"} a line; one JSONL line out per record).
    #[arg(long, value_enum, default_value_t = InputArg::Drafts)]
    input: InputArg,
    #[command(flatten)]
    settings: SettingsArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = FormatArg::Human)]
    format: FormatArg,
    /// Colour in human output.
    #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
    color: ColorArg,
    /// Write the report to FILE (replaced in one step) instead of standard output.
    #[arg(short = 'o', long, visible_alias = "output", value_name = "FILE")]
    output_file: Option<PathBuf>,
}

#[derive(Args)]
struct CheckArgs {
    #[command(flatten)]
    tag: TagArgs,
    /// Exit 1 when a finding is at or above this severity (default: the config's `fail-on`, else error).
    #[arg(long, value_enum)]
    fail_on: Option<FailOnArg>,
    /// Include the tagged mentions in the report.
    #[arg(long)]
    mentions: bool,
    /// Include the claims read from each draft (JSON).
    #[arg(long)]
    claims: bool,
    /// Report only findings that are not in this baseline file.
    #[arg(long, value_name = "FILE", conflicts_with = "write_baseline")]
    baseline: Option<PathBuf>,
    /// Record the fingerprints of today's findings in FILE and exit 0.
    #[arg(long, value_name = "FILE")]
    write_baseline: Option<PathBuf>,
    #[command(flatten)]
    rules: RuleArgs,
    /// Print how many findings each rule reported (count, rule, summary) instead of the findings.
    #[arg(long)]
    statistics: bool,
    /// Rewrite the drafts with every unambiguous fix (spelling-variant to the preferred spelling), then report what is left.
    #[arg(long, conflicts_with_all = ["diff", "write_baseline"])]
    fix: bool,
    /// Print a unified diff of what --fix would change, write nothing; exit 1 if there is something to fix.
    #[arg(long, conflicts_with_all = ["write_baseline", "statistics"])]
    diff: bool,
    /// Print the findings and nothing else: no summary line, no notes (nothing on a clean draft).
    #[arg(short, long, conflicts_with = "silent", help_heading = "Log levels")]
    quiet: bool,
    /// Print nothing; the exit code tells the outcome (errors that make it 2 still go to stderr).
    #[arg(short, long, help_heading = "Log levels")]
    silent: bool,
}

#[derive(Args)]
#[command(group = clap::ArgGroup::new("action").required(true).args(["update", "check"]))]
struct SnapshotArgs {
    /// Drafts and folders.
    #[arg(required = true)]
    paths: Vec<String>,
    /// The folder holding the snapshots.
    #[arg(long, value_name = "DIR", default_value = "snapshots")]
    dir: PathBuf,
    /// Write the snapshots that changed; remove those whose draft is gone.
    #[arg(long)]
    update: bool,
    /// Exit 1 and print a unified diff for every report that changed.
    #[arg(long)]
    check: bool,
    #[command(flatten)]
    settings: SettingsArgs,
    #[command(flatten)]
    rules: RuleArgs,
}

#[derive(Args)]
struct DiffArgs {
    /// The earlier revision (`-` reads standard input).
    old: String,
    /// The later revision.
    new: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = DiffFormatArg::Human)]
    format: DiffFormatArg,
    /// Exit 1 when an added finding is at or above this severity.
    #[arg(long, value_enum)]
    fail_on: Option<FailOnArg>,
    /// Write the report to FILE (replaced in one step) instead of standard output.
    #[arg(short = 'o', long, visible_alias = "output", value_name = "FILE")]
    output_file: Option<PathBuf>,
    #[command(flatten)]
    settings: SettingsArgs,
    #[command(flatten)]
    rules: RuleArgs,
}

#[derive(Args)]
struct ServeArgs {
    /// Address to listen on (port 0 picks a free port; the real one is printed).
    #[arg(long, value_name = "HOST:PORT", default_value = "127.0.0.1:8080")]
    addr: String,
    /// Add a gazetteer folder (repeatable).
    #[arg(long = "gazetteer", value_name = "DIR")]
    gazetteers: Vec<String>,
    /// Do not use the gazetteer embedded in the binary.
    #[arg(long)]
    no_default_gazetteer: bool,
    /// Use this config instead of the nearest tadqiq.yaml above the current folder.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Add a lexicon folder (predicates*.yaml, units*.yaml …; repeatable), as for check.
    #[arg(long = "lexicon", value_name = "DIR")]
    lexicons: Vec<String>,
    /// Answer 413 to request bodies larger than this (bytes, or e.g. 4MiB).
    #[arg(long, value_name = "BYTES", default_value = "2MiB")]
    max_body: String,
    /// Answer 503/504 when a check cannot start or finish within this many seconds.
    #[arg(long, value_name = "SECS", default_value_t = tadqiq::serve::DEFAULT_TIMEOUT_SECS)]
    timeout: u64,
}

#[derive(Args)]
struct CompareArgs {
    /// One version (e.g. the Arabic one), or with --dir its folder; `-` reads standard input.
    a: String,
    /// The other version (e.g. the English one), or with --dir its folder.
    b: String,
    /// A and B are folders: compare the files that share a name (see docs/compare.md).
    #[arg(long)]
    dir: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = FormatArg::Human)]
    format: FormatArg,
    /// Exit 1 when a finding is at or above this severity (default: the config's `fail-on`, else error).
    #[arg(long, value_enum)]
    fail_on: Option<FailOnArg>,
    /// Colour in human output.
    #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
    color: ColorArg,
    #[command(flatten)]
    rules: RuleArgs,
    #[command(flatten)]
    settings: SettingsArgs,
}

#[derive(Args)]
struct ConfigArgs {
    /// Print the effective configuration (every key, defaults filled in).
    #[arg(long)]
    dump: bool,
    /// Read this config instead of the nearest tadqiq.yaml.
    #[arg(long, value_name = "FILE", conflicts_with = "isolated")]
    config: Option<PathBuf>,
    /// Ignore every tadqiq.yaml.
    #[arg(long)]
    isolated: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum FormatArg {
    Human,
    Json,
    Jsonl,
    Sarif,
    Github,
    Html,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum InputArg {
    Drafts,
    Jsonl,
}

#[derive(Clone, Copy, ValueEnum)]
enum DiffFormatArg {
    Human,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum ColorArg {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, ValueEnum)]
enum FailOnArg {
    Error,
    Warning,
    Info,
    Never,
}

impl FailOnArg {
    fn fail_on(self) -> FailOn {
        match self {
            FailOnArg::Error => FailOn::Severity(Severity::Error),
            FailOnArg::Warning => FailOn::Severity(Severity::Warning),
            FailOnArg::Info => FailOn::Severity(Severity::Info),
            FailOnArg::Never => FailOn::Never,
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match execute(cli) {
        Ok(code) => ExitCode::from(code),
        // A reader that went away (`| head`) is not an error.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(io::stderr(), "tadqiq: error: {e}");
            ExitCode::from(2)
        }
    }
}

fn execute(cli: Cli) -> io::Result<u8> {
    let stdout = io::stdout();
    let mut stdout = io::BufWriter::new(stdout.lock());
    let mut err = io::stderr();
    // `-o FILE`: the report is kept in memory and replaces FILE at the end.
    let output_file = match &cli.command {
        Command::Check(args) => args.tag.output_file.clone(),
        Command::Tag(args) => args.output_file.clone(),
        Command::Diff(args) => args.output_file.clone(),
        _ => None,
    };
    let mut buffer = Vec::new();
    let out: &mut dyn Write = if output_file.is_some() {
        &mut buffer
    } else {
        &mut stdout
    };
    let to_file = output_file.is_some();
    let outcome = match cli.command {
        Command::Check(args) => {
            let Some(settings) = settings(&args.tag.settings, Some(&args.rules), &mut err)? else {
                return Ok(2);
            };
            if args.tag.input == InputArg::Jsonl && (args.fix || args.diff || args.statistics) {
                writeln!(
                    err,
                    "tadqiq: error: --fix, --diff and --statistics work on drafts, not on --input jsonl records"
                )?;
                return Ok(2);
            }
            let opts = RunOptions {
                paths: args.tag.paths.clone(),
                format: format(args.tag.format),
                fail_on: args.fail_on.map(FailOnArg::fail_on),
                color: color(args.tag.color, to_file),
                mentions: args.mentions,
                claims: args.claims,
                baseline: args.baseline,
                write_baseline: args.write_baseline,
                fix: match (args.fix, args.diff) {
                    (_, true) => FixMode::Diff,
                    (true, false) => FixMode::Write,
                    (false, false) => FixMode::Off,
                },
                statistics: args.statistics,
                verbosity: match (args.quiet, args.silent) {
                    (_, true) => Verbosity::Silent,
                    (true, false) => Verbosity::Quiet,
                    (false, false) => Verbosity::Normal,
                },
            };
            if args.tag.input == InputArg::Jsonl {
                tadqiq::run_jsonl(&settings, Mode::Check, &opts, out, &mut err)?
            } else {
                tadqiq::run(&settings, Mode::Check, &opts, out, &mut err)?
            }
        }
        Command::Tag(args) => {
            let Some(settings) = settings(&args.settings, None, &mut err)? else {
                return Ok(2);
            };
            let opts = RunOptions {
                paths: args.paths.clone(),
                format: format(args.format),
                fail_on: Some(FailOn::Never),
                color: color(args.color, to_file),
                mentions: true,
                claims: false,
                baseline: None,
                write_baseline: None,
                fix: FixMode::Off,
                statistics: false,
                verbosity: Verbosity::Normal,
            };
            if args.input == InputArg::Jsonl {
                tadqiq::run_jsonl(&settings, Mode::Tag, &opts, out, &mut err)?
            } else {
                tadqiq::run(&settings, Mode::Tag, &opts, out, &mut err)?
            }
        }
        Command::Snapshot(args) => {
            let Some(settings) = settings(&args.settings, Some(&args.rules), &mut err)? else {
                return Ok(2);
            };
            let mode = if args.update {
                SnapshotMode::Update
            } else {
                SnapshotMode::Check
            };
            tadqiq::snapshot(&settings, &args.dir, mode, &args.paths, out, &mut err)?
        }
        Command::Diff(args) => {
            let Some(settings) = settings(&args.settings, Some(&args.rules), &mut err)? else {
                return Ok(2);
            };
            let json = matches!(args.format, DiffFormatArg::Json);
            let fail_on = args.fail_on.map(FailOnArg::fail_on);
            tadqiq::diff(
                &settings, &args.old, &args.new, json, fail_on, out, &mut err,
            )?
        }
        Command::Compare(args) => {
            let Some(settings) = settings(&args.settings, Some(&args.rules), &mut err)? else {
                return Ok(2);
            };
            let inputs = if args.dir {
                tadqiq::CompareInputs::Dirs(args.a, args.b)
            } else {
                tadqiq::CompareInputs::Files(args.a, args.b)
            };
            let opts = tadqiq::CompareOptions {
                inputs,
                format: format(args.format),
                fail_on: args.fail_on.map(FailOnArg::fail_on),
                color: color(args.color, to_file),
            };
            tadqiq::compare(&settings, &opts, out, &mut err)?
        }
        Command::Config(args) => {
            let settings = Settings {
                config: config_choice(args.config, args.isolated),
                ..Settings::default()
            };
            tadqiq::show_config(&settings, args.dump, out, &mut err)?
        }
        Command::Gazetteer { command } => return gazetteer(command, out, &mut err),
        Command::Explain { rule, format } => return explain(rule, format, out, &mut err),
        Command::Init { force } => return init(force, out, &mut err),
        Command::Completions { shell } => {
            clap_complete::generate(shell, &mut Cli::command(), "tadqiq", out);
            out.flush()?;
            return Ok(0);
        }
        Command::Serve(args) => return serve(args, &mut err),
    };
    out.flush()?;
    if let Some(path) = &output_file {
        // A run that stopped before writing a report leaves FILE alone.
        if !(buffer.is_empty() && outcome == tadqiq::Outcome::Error) {
            if let Err(message) = tadqiq::atomic::write_file(path, &buffer) {
                writeln!(err, "tadqiq: error: {message}")?;
                return Ok(2);
            }
        }
    }
    Ok(outcome.exit_code())
}

/// `tadqiq init`: a commented tadqiq.yaml in the current folder.
fn init(force: bool, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<u8> {
    let path = std::path::Path::new(tadqiq::config::CONFIG_FILE_NAME);
    if !force && std::fs::symlink_metadata(path).is_ok() {
        writeln!(
            err,
            "tadqiq: error: {} already exists; keep it, or replace it with `tadqiq init --force`",
            path.display()
        )?;
        return Ok(2);
    }
    if let Err(message) =
        tadqiq::atomic::write_file(path, tadqiq::config::init_template().as_bytes())
    {
        writeln!(err, "tadqiq: error: {message}")?;
        return Ok(2);
    }
    writeln!(
        out,
        "wrote {} (every setting at its default; `tadqiq config --dump` shows the effect)",
        path.display()
    )?;
    out.flush()?;
    Ok(0)
}

fn gazetteer(
    command: GazetteerCommand,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<u8> {
    let (args, format) = match &command {
        GazetteerCommand::Check { sources, .. } => (sources, DiffFormatArg::Human),
        GazetteerCommand::Compile { sources, output } => {
            return compile_gazetteer(sources, output.as_deref(), out, err);
        }
        GazetteerCommand::Stats { sources, format }
        | GazetteerCommand::List { sources, format } => (sources, *format),
    };
    let g = match args.sources().load() {
        Ok(g) => g,
        Err(errors) => {
            writeln!(err, "{errors}")?;
            writeln!(err, "tadqiq: {} gazetteer problem(s)", errors.0.len())?;
            return Ok(2);
        }
    };
    match (&command, format) {
        (GazetteerCommand::Compile { .. }, _) => {}
        (
            GazetteerCommand::Check {
                word_frequencies, ..
            },
            _,
        ) => {
            if let Some(path) = word_frequencies {
                if !tadqiq::gazetteer::frequency::check(&g, path, err)? {
                    return Ok(2);
                }
            }
            writeln!(
                out,
                "{}: {} entities, no problems",
                args.describe(),
                g.len()
            )?;
        }
        (GazetteerCommand::Stats { .. }, DiffFormatArg::Human) => {
            write!(out, "{}", g.stats().render())?;
        }
        (GazetteerCommand::Stats { .. }, DiffFormatArg::Json) => {
            serde_json::to_writer_pretty(&mut *out, &g.stats())?;
            writeln!(out)?;
        }
        (GazetteerCommand::List { .. }, DiffFormatArg::Human) => {
            for e in g.summaries() {
                writeln!(
                    out,
                    "{}\t{}\t{}\t{}\t{}\t{}",
                    e.id,
                    e.kind.as_str(),
                    e.class.unwrap_or(""),
                    e.names.ar.first().map_or("", String::as_str),
                    e.names.en.first().map_or("", String::as_str),
                    e.origin
                )?;
            }
        }
        (GazetteerCommand::List { .. }, DiffFormatArg::Json) => {
            let all: Vec<_> = g.summaries().collect();
            serde_json::to_writer_pretty(&mut *out, &all)?;
            writeln!(out)?;
        }
    }
    out.flush()?;
    Ok(0)
}

fn compile_gazetteer(
    args: &GazetteerArgs,
    output: Option<&std::path::Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<u8> {
    let sources = args.sources();
    let Some(path) = output.map(PathBuf::from).or_else(|| sources.cache_path()) else {
        writeln!(
            err,
            "tadqiq: no cache folder (set TADQIQ_CACHE_DIR or HOME, or give -o FILE)"
        )?;
        return Ok(2);
    };
    match sources.compile_to(&path) {
        Ok(n) => {
            writeln!(
                out,
                "{}: {n} entities compiled into {}",
                args.describe(),
                path.display()
            )?;
            Ok(0)
        }
        Err(errors) => {
            writeln!(err, "{errors}")?;
            writeln!(err, "tadqiq: {} gazetteer problem(s)", errors.0.len())?;
            Ok(2)
        }
    }
}

/// Every rule, with the `suppression` pseudo-rule, in id order.
fn rules() -> Vec<tadqiq::RuleInfo> {
    let mut rules = tadqiq::catalog();
    rules.push(tadqiq::SUPPRESSION_INFO);
    rules.sort_by_key(|r| r.id);
    rules
}

/// A rule's explain text split into what it checks and its example (the
/// paragraphs from the first one that starts with "Example").
fn explanation_parts(explain: &str) -> (&str, Option<&str>) {
    let text = explain.trim_end();
    match text.find("\n\nExample") {
        Some(at) => (text[..at].trim_end(), Some(text[at..].trim_start())),
        None => (text, None),
    }
}

#[derive(serde::Serialize)]
struct RuleDoc {
    id: &'static str,
    default_severity: &'static str,
    summary: &'static str,
    explanation: &'static str,
    example: Option<&'static str>,
}

impl RuleDoc {
    fn new(info: &tadqiq::RuleInfo) -> RuleDoc {
        let (explanation, example) = explanation_parts(info.explain);
        RuleDoc {
            id: info.id,
            default_severity: info.default_severity.as_str(),
            summary: info.summary,
            explanation,
            example,
        }
    }
}

fn explain(
    rule: Option<String>,
    format: DiffFormatArg,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<u8> {
    let json = matches!(format, DiffFormatArg::Json);
    match rule {
        None if json => {
            let docs: Vec<RuleDoc> = rules().iter().map(RuleDoc::new).collect();
            serde_json::to_writer_pretty(&mut *out, &docs)?;
            writeln!(out)?;
            Ok(0)
        }
        None => {
            for info in rules() {
                writeln!(
                    out,
                    "{:<18} {:<8} {}",
                    info.id,
                    info.default_severity.as_str(),
                    info.summary
                )?;
            }
            Ok(0)
        }
        Some(id) => match rules().into_iter().find(|r| r.id == id) {
            Some(info) if json => {
                serde_json::to_writer_pretty(&mut *out, &RuleDoc::new(&info))?;
                writeln!(out)?;
                Ok(0)
            }
            Some(info) => {
                writeln!(
                    out,
                    "{} (default severity: {})\n",
                    info.id,
                    info.default_severity.as_str()
                )?;
                writeln!(out, "{}", info.explain.trim_end())?;
                Ok(0)
            }
            None => {
                let known: Vec<&str> = rules().iter().map(|r| r.id).collect();
                writeln!(
                    err,
                    "tadqiq: error: unknown rule `{id}`; known rules: {}",
                    known.join(", ")
                )?;
                Ok(2)
            }
        },
    }
}

fn serve(args: ServeArgs, err: &mut dyn Write) -> io::Result<u8> {
    let Some(max_body) = ByteSize::parse(&args.max_body) else {
        writeln!(
            err,
            "tadqiq: error: --max-body `{}` is not a size (bytes, or a number with KiB, MiB, GiB, KB, MB or GB)",
            args.max_body
        )?;
        return Ok(2);
    };
    if args.timeout == 0 {
        writeln!(err, "tadqiq: error: --timeout must be at least 1 second")?;
        return Ok(2);
    }
    let opts = tadqiq::serve::ServeOptions {
        addr: args.addr,
        gazetteers: args.gazetteers,
        no_default_gazetteer: args.no_default_gazetteer,
        config: args.config,
        lexicons: args.lexicons,
        max_body: max_body.0,
        timeout: std::time::Duration::from_secs(args.timeout),
    };
    tadqiq::serve::serve(&opts, err)
}

fn config_choice(config: Option<PathBuf>, isolated: bool) -> ConfigChoice {
    match (config, isolated) {
        (_, true) => ConfigChoice::Isolated,
        (Some(path), false) => ConfigChoice::File(path),
        (None, false) => ConfigChoice::Discover,
    }
}

/// The shared settings, or `None` after printing why the flags are wrong.
fn settings(
    args: &SettingsArgs,
    rules: Option<&RuleArgs>,
    err: &mut dyn Write,
) -> io::Result<Option<Settings>> {
    let rules = rules.map(RuleArgs::selection).unwrap_or_default();
    if let Err(message) = rules.validate() {
        writeln!(err, "tadqiq: error: {message}")?;
        return Ok(None);
    }
    let date = match &args.date {
        None => None,
        Some(text) => match PartialDate::parse(text) {
            Some(d) => Some(d),
            None => {
                writeln!(
                    err,
                    "tadqiq: error: --date `{text}` is not a date (YYYY-MM-DD)"
                )?;
                return Ok(None);
            }
        },
    };
    let max_draft_bytes = match &args.max_draft_size {
        None => None,
        Some(text) => match ByteSize::parse(text) {
            Some(size) => Some(size.0),
            None => {
                writeln!(
                    err,
                    "tadqiq: error: --max-draft-size `{text}` is not a size (bytes, or a number with KiB, MiB, GiB, KB, MB or GB)"
                )?;
                return Ok(None);
            }
        },
    };
    Ok(Some(Settings {
        max_draft_bytes,
        config: config_choice(args.config.clone(), args.isolated),
        gazetteers: args.gazetteers.clone(),
        lexicons: args.lexicons.clone(),
        no_default_gazetteer: args.no_default_gazetteer,
        no_cache: args.no_cache,
        date,
        jobs: args.jobs,
        stdin_name: args.stdin_name.clone(),
        rules,
    }))
}

fn format(arg: FormatArg) -> OutputFormat {
    match arg {
        FormatArg::Human => OutputFormat::Human,
        FormatArg::Json => OutputFormat::Json,
        FormatArg::Jsonl => OutputFormat::Jsonl,
        FormatArg::Sarif => OutputFormat::Sarif,
        FormatArg::Github => OutputFormat::Github,
        FormatArg::Html => OutputFormat::Html,
    }
}

/// `--color auto` colours only a terminal (never a report written with
/// `-o`), and never when NO_COLOR is set.
fn color(arg: ColorArg, to_file: bool) -> bool {
    match arg {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => {
            !to_file && io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
        }
    }
}
