//! `tadqiq serve`: the checker behind HTTP, for editors' pages and CMSs.
//!
//! The gazetteer and config are loaded once into one [`Checker`] shared by
//! every request. Checks run on tokio's blocking pool, at most one per core
//! at a time (the rest wait their turn), each under a time limit; bodies
//! are read up to a size limit. A bad request gets a 4xx with a message, a
//! check that panics (a bug) a 500; the server itself keeps running.
//!
//! Endpoints: `GET /healthz`, `POST /v1/check` (tadqiq's JSON report, see
//! [`api`]), `GET /` (the page), and LanguageTool's `GET /v2/languages` and
//! `POST /v2/check` (see [`languagetool`]). `docs/editors.md` documents them.

mod api;
mod languagetool;
mod utf16;

use std::io::{self, Write};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use axum::routing::{get, post};
use axum::Router;
use tokio::sync::Semaphore;

use crate::checker::{Checker, CheckerBuilder};
use crate::config::{self, Config};
use crate::gazetteer::GazetteerSources;

/// Request bodies larger than this get 413 unless `--max-body` says otherwise.
pub const DEFAULT_MAX_BODY: u64 = 2 * 1024 * 1024;
/// A check that takes longer than this gets 504 unless `--timeout` says otherwise.
pub const DEFAULT_TIMEOUT_SECS: u64 = 10;

/// What `tadqiq serve` was asked for.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// Where to listen, `host:port`; port 0 picks a free one.
    pub addr: String,
    /// `--gazetteer DIR`, added to the config's.
    pub gazetteers: Vec<String>,
    pub no_default_gazetteer: bool,
    /// `--config FILE`; else the nearest `tadqiq.yaml` above the current folder.
    pub config: Option<PathBuf>,
    /// `--lexicon DIR`, added to the config's `lexicons:`.
    pub lexicons: Vec<String>,
    /// The largest request body, in bytes.
    pub max_body: u64,
    /// The longest a request may wait for and run its check.
    pub timeout: Duration,
}

impl Default for ServeOptions {
    fn default() -> Self {
        ServeOptions {
            addr: "127.0.0.1:8080".to_string(),
            gazetteers: Vec::new(),
            no_default_gazetteer: false,
            config: None,
            lexicons: Vec::new(),
            max_body: DEFAULT_MAX_BODY,
            timeout: Duration::from_secs(DEFAULT_TIMEOUT_SECS),
        }
    }
}

/// What every request shares.
pub(crate) struct AppState {
    pub(crate) checker: Arc<Checker>,
    pub(crate) max_body: u64,
    pub(crate) timeout: Duration,
    /// One permit per core: checks beyond that wait (within the time limit).
    pub(crate) permits: Arc<Semaphore>,
}

/// Loads the config and gazetteer and builds the one checker, as `tadqiq
/// check` would for a draft in the current folder.
fn build_checker(opts: &ServeOptions) -> Result<(Checker, Option<PathBuf>), String> {
    let config_path = match &opts.config {
        Some(path) => Some(path.clone()),
        None => std::env::current_dir()
            .ok()
            .and_then(|dir| config::discover(&dir)),
    };
    let config = match &config_path {
        Some(path) => Config::load(path).map_err(|e| e.to_string())?,
        None => Config::default(),
    };
    // The newsroom's lexicon folders, as `check` installs them.
    let mut lexicons = config.lexicon_dirs();
    lexicons.extend(opts.lexicons.iter().map(PathBuf::from));
    crate::lexicon::install(&lexicons)?;
    let embedded = config.default_gazetteer() && !opts.no_default_gazetteer;
    let mut dirs = config.gazetteer_dirs();
    dirs.extend(opts.gazetteers.iter().map(PathBuf::from));
    let mut sources = GazetteerSources::default();
    sources.embedded(embedded);
    for dir in &dirs {
        sources.add_dir(dir);
    }
    let all = sources
        .load()
        .map_err(|e| format!("{e}\ntadqiq: {} gazetteer problem(s)", e.0.len().max(1)))?;
    config
        .check_disabled(|id| all.get(id).is_some())
        .map_err(|e| e.to_string())?;
    let gazetteer = Arc::new(all.without(config.disabled_entities()));
    config
        .check_entities(
            |id| gazetteer.get(id).is_some(),
            gazetteer.entities().iter().map(|e| e.id.as_str()),
        )
        .map_err(|e| e.to_string())?;
    let mut builder = CheckerBuilder::new();
    config.apply(&mut builder);
    Ok((builder.build_with(gazetteer), config_path))
}

/// The router, for the server and for tests.
pub(crate) fn router(state: Arc<AppState>) -> Router {
    Router::new()
        .route("/", get(api::page))
        .route("/healthz", get(api::healthz))
        .route("/v1/check", post(api::check))
        .route("/v2/languages", get(languagetool::languages))
        .route(
            "/v2/check",
            post(languagetool::check_post).get(languagetool::check_get),
        )
        .fallback(api::not_found)
        .method_not_allowed_fallback(api::method_not_allowed)
        .with_state(state)
}

/// Runs the server until SIGTERM or Ctrl-C; requests in flight are
/// answered before it exits. Returns the exit code: 0 after a clean
/// shutdown, 2 when it could not start (bad config or gazetteer, address in
/// use), with the reason on `err`.
///
/// # Errors
/// Only I/O errors writing `err`.
pub fn serve(opts: &ServeOptions, err: &mut dyn Write) -> io::Result<u8> {
    let (checker, config_path) = match build_checker(opts) {
        Ok(built) => built,
        Err(message) => {
            writeln!(err, "{message}")?;
            return Ok(2);
        }
    };
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let state = Arc::new(AppState {
        checker: Arc::new(checker),
        max_body: opts.max_body,
        timeout: opts.timeout,
        permits: Arc::new(Semaphore::new(cores)),
    });
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            writeln!(err, "tadqiq serve: error: cannot start the runtime: {e}")?;
            return Ok(2);
        }
    };
    runtime.block_on(async move {
        let listener = match tokio::net::TcpListener::bind(&opts.addr).await {
            Ok(l) => l,
            Err(e) => {
                writeln!(
                    err,
                    "tadqiq serve: error: cannot listen on {}: {e}",
                    opts.addr
                )?;
                return Ok(2);
            }
        };
        let local = listener.local_addr()?;
        match &config_path {
            Some(path) => writeln!(
                err,
                "tadqiq serve: listening on http://{local} (config {})",
                path.display()
            )?,
            None => writeln!(err, "tadqiq serve: listening on http://{local}")?,
        }
        err.flush()?;
        let app = router(state);
        axum::serve(listener, app)
            .with_graceful_shutdown(shutdown_signal())
            .await?;
        writeln!(err, "tadqiq serve: stopped")?;
        Ok(0)
    })
}

/// Resolves on Ctrl-C or SIGTERM.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
}
