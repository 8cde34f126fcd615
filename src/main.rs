//! The `tadqiq` binary: parse flags, call the library, map the outcome to an
//! exit code (0 clean, 1 findings at or above `--fail-on`, 2 could not run).

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use tadqiq::gazetteer::{GazetteerSources, PartialDate};
use tadqiq::{CheckerBuilder, FailOn, Mode, OutputFormat, RunOptions};

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
    Tag(CommonArgs),
    /// Gazetteer tools.
    Gazetteer {
        #[command(subcommand)]
        command: GazetteerCommand,
    },
    /// Explain what a rule checks, with an example.
    Explain {
        /// A rule id such as name-conflict; omit to list every rule.
        rule: Option<String>,
    },
}

#[derive(Subcommand)]
enum GazetteerCommand {
    /// Validate a gazetteer folder (default: the embedded gazetteer).
    Check {
        /// Folder with people.yaml, places.yaml, organizations.yaml.
        dir: Option<String>,
    },
}

#[derive(Args)]
struct CommonArgs {
    /// Drafts to read; `-` or nothing reads standard input.
    paths: Vec<String>,
    /// Add a gazetteer folder (repeatable).
    #[arg(long = "gazetteer", value_name = "DIR")]
    gazetteers: Vec<String>,
    /// Do not use the gazetteer embedded in the binary.
    #[arg(long)]
    no_default_gazetteer: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = FormatArg::Human)]
    format: FormatArg,
    /// The draft's date (YYYY-MM-DD) when it has no `date:` front matter.
    #[arg(long, value_name = "YYYY-MM-DD")]
    date: Option<String>,
    /// Colour in human output.
    #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
    color: ColorArg,
    /// The name reported for standard input.
    #[arg(long, default_value = "<stdin>")]
    stdin_name: String,
}

#[derive(Args)]
struct CheckArgs {
    #[command(flatten)]
    common: CommonArgs,
    /// Exit 1 when a finding is at or above this severity.
    #[arg(long, value_enum, default_value_t = FailOnArg::Error)]
    fail_on: FailOnArg,
    /// Include the tagged mentions in the report.
    #[arg(long)]
    mentions: bool,
    /// Include the claims read from each draft (JSON).
    #[arg(long)]
    claims: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum FormatArg {
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
    let mut out = io::BufWriter::new(stdout.lock());
    let mut err = io::stderr();
    match cli.command {
        Command::Check(args) => {
            let fail_on = match args.fail_on {
                FailOnArg::Error => "error",
                FailOnArg::Warning => "warning",
                FailOnArg::Info => "info",
                FailOnArg::Never => "never",
            };
            let fail_on = FailOn::parse(fail_on).unwrap_or(FailOn::Never);
            run(&args.common, Mode::Check, fail_on, args.mentions, args.claims, &mut out, &mut err)
        }
        Command::Tag(args) => run(&args, Mode::Tag, FailOn::Never, true, false, &mut out, &mut err),
        Command::Gazetteer {
            command: GazetteerCommand::Check { dir },
        } => {
            let mut sources = GazetteerSources::default();
            if let Some(dir) = &dir {
                sources.embedded(false).add_dir(dir);
            }
            match sources.load() {
                Ok(g) => {
                    writeln!(
                        out,
                        "{}: {} entities, no problems",
                        dir.as_deref().unwrap_or("embedded gazetteer"),
                        g.len()
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
        Command::Explain { rule } => match rule {
            None => {
                for info in tadqiq::catalog() {
                    writeln!(out, "{:<18} {:<8} {}", info.id, info.default_severity.as_str(), info.summary)?;
                }
                Ok(0)
            }
            Some(id) => match tadqiq::lookup(&id) {
                Some(info) => {
                    writeln!(out, "{} (default severity: {})\n", info.id, info.default_severity.as_str())?;
                    writeln!(out, "{}", info.explain.trim_end())?;
                    Ok(0)
                }
                None => {
                    let known: Vec<&str> = tadqiq::catalog().iter().map(|r| r.id).collect();
                    writeln!(err, "tadqiq: error: unknown rule `{id}`; known rules: {}", known.join(", "))?;
                    Ok(2)
                }
            },
        },
    }
}

fn run(
    args: &CommonArgs,
    mode: Mode,
    fail_on: FailOn,
    mentions: bool,
    claims: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<u8> {
    let date = match &args.date {
        None => None,
        Some(text) => match PartialDate::parse(text) {
            Some(d) => Some(d),
            None => {
                writeln!(err, "tadqiq: error: --date `{text}` is not a date (YYYY-MM-DD)")?;
                return Ok(2);
            }
        },
    };
    let mut builder = CheckerBuilder::new();
    builder.default_gazetteer(!args.no_default_gazetteer).date(date);
    for dir in &args.gazetteers {
        builder.gazetteer_dir(dir);
    }
    let checker = match builder.build() {
        Ok(c) => c,
        Err(errors) => {
            writeln!(err, "{errors}")?;
            return Ok(2);
        }
    };
    let color = match args.color {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    let opts = RunOptions {
        paths: args.paths.clone(),
        stdin_name: args.stdin_name.clone(),
        format: match args.format {
            FormatArg::Human => OutputFormat::Human,
            FormatArg::Json => OutputFormat::Json,
        },
        fail_on,
        color,
        mentions,
        claims,
    };
    tadqiq::run(&checker, mode, &opts, out, err).map(|o| o.exit_code())
}
