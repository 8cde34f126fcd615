//! tadqiq's own API: `GET /healthz`, `POST /v1/check`, `GET /` (the page).
//!
//! `POST /v1/check` takes `{"text", "date"?, "format"?: "markdown"|"text",
//! "language"?, "rules"?: {rule: level}, "mentions"?: bool, "claims"?: bool}`
//! and answers with the report `tadqiq check --format json` writes for that
//! text (DESIGN.md §4), one file named `<request>`. Every span (of findings
//! and mentions) also carries `utf16_start` and `utf16_end`: its offsets in
//! UTF-16 code units, the unit of JavaScript string indices, so a page can
//! mark it with `text.slice(utf16_start, utf16_end)`. The response adds
//! `language`: the request's, or the one detected from the script.

use std::collections::BTreeMap;
use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

use super::utf16::Utf16Offsets;
use super::AppState;
use crate::checker::{Checker, FileReport, Mode};
use crate::claims::Claims;
use crate::config::{known_rules, LevelSetting};
use crate::finding::{Finding, Severity, Span};
use crate::gazetteer::PartialDate;
use crate::report::{Summary, TOOL_NAME, TOOL_VERSION};
use crate::resolve::Mention;
use crate::segment::Format;

/// The page at `/`, part of the binary.
const PAGE: &str = include_str!("page.html");

/// The name the single draft of a request is reported under.
pub(crate) const REQUEST_PATH: &str = "<request>";

/// A request that could not be answered: the status and why.
#[derive(Debug)]
pub(crate) struct ApiError {
    pub(crate) status: StatusCode,
    pub(crate) message: String,
}

impl ApiError {
    pub(crate) fn new(status: StatusCode, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            message: message.into(),
        }
    }

    pub(crate) fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, message)
    }
}

impl IntoResponse for ApiError {
    /// `{"error": message}` with the status.
    fn into_response(self) -> Response {
        #[derive(Serialize)]
        struct Body<'a> {
            error: &'a str,
        }
        json_response(
            self.status,
            &Body {
                error: &self.message,
            },
        )
    }
}

/// A JSON response; serializing our own types cannot fail, but if it did
/// the client still gets JSON.
pub(crate) fn json_response<T: Serialize + ?Sized>(status: StatusCode, value: &T) -> Response {
    let mut body = Vec::new();
    if crate::report::write_json_line(&mut body, value).is_err() {
        status_body(
            StatusCode::INTERNAL_SERVER_ERROR,
            "application/json",
            br#"{"error":"internal error: the response could not be written"}"#.to_vec(),
        )
    } else {
        status_body(status, "application/json", body)
    }
}

pub(crate) fn status_body(
    status: StatusCode,
    content_type: &'static str,
    body: Vec<u8>,
) -> Response {
    let mut response = Response::new(Body::from(body));
    *response.status_mut() = status;
    response
        .headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    response
}

/// The request's body, at most `state.max_body` bytes, else 413.
pub(crate) async fn read_body(state: &AppState, request: Request) -> Result<Vec<u8>, ApiError> {
    let too_large = || {
        ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!(
                "the request body is larger than the server's limit of {} bytes (--max-body)",
                state.max_body
            ),
        )
    };
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > state.max_body) {
        return Err(too_large());
    }
    let limit = usize::try_from(state.max_body).unwrap_or(usize::MAX);
    let limited = http_body_util::Limited::new(request.into_body(), limit);
    match http_body_util::BodyExt::collect(limited).await {
        Ok(collected) => Ok(collected.to_bytes().to_vec()),
        Err(e) if e.is::<http_body_util::LengthLimitError>() => Err(too_large()),
        Err(e) => Err(ApiError::bad_request(format!(
            "the request body could not be read: {e}"
        ))),
    }
}

/// Runs `job` with the shared checker on the blocking pool, at most one
/// check per core at a time, all within the server's time limit: 503 when
/// the check could not start in time (every core busy), 504 when it did
/// not finish in time, 500 when it panicked.
pub(crate) async fn run_check<T, F>(state: &AppState, job: F) -> Result<T, ApiError>
where
    T: Send + 'static,
    F: FnOnce(&Checker) -> T + Send + 'static,
{
    let deadline = tokio::time::Instant::now() + state.timeout;
    let secs = state.timeout.as_secs_f64();
    let permit = match tokio::time::timeout_at(
        deadline,
        Arc::clone(&state.permits).acquire_owned(),
    )
    .await
    {
        Ok(Ok(permit)) => permit,
        Ok(Err(_)) => {
            return Err(ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "the server is shutting down",
            ))
        }
        Err(_) => {
            return Err(ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                format!("the server is busy: the check could not start within {secs} s (--timeout); try again"),
            ))
        }
    };
    let checker = Arc::clone(&state.checker);
    let handle = tokio::task::spawn_blocking(move || {
        // The permit is held until the check ends, even after a timeout.
        let _permit = permit;
        job(&checker)
    });
    match tokio::time::timeout_at(deadline, handle).await {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(e)) if e.is_panic() => {
            let payload = e.into_panic();
            let what = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown".to_string());
            Err(ApiError::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                format!("internal error: the check failed ({what}); this is a bug in tadqiq, please report it with the text"),
            ))
        }
        Ok(Err(_)) => Err(ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal error: the check was cancelled",
        )),
        Err(_) => Err(ApiError::new(
            StatusCode::GATEWAY_TIMEOUT,
            format!("the check took longer than the server's limit of {secs} s (--timeout)"),
        )),
    }
}

/// Test hooks, in debug builds only: a check of a text containing the
/// value of `TADQIQ_TEST_PANIC_ON` panics, and one containing the value of
/// `TADQIQ_TEST_SLOW_ON` first sleeps three seconds, so tests can see a
/// panic become a 500 and a slow check a 504.
pub(crate) fn test_hooks(text: &str) {
    if !cfg!(debug_assertions) {
        return;
    }
    let marked = |var: &str| {
        std::env::var(var)
            .ok()
            .is_some_and(|m| !m.is_empty() && text.contains(&m))
    };
    if marked("TADQIQ_TEST_SLOW_ON") {
        std::thread::sleep(std::time::Duration::from_secs(3));
    }
    if marked("TADQIQ_TEST_PANIC_ON") {
        panic!("deliberate panic for a test (TADQIQ_TEST_PANIC_ON)");
    }
}

pub(crate) async fn page() -> Response {
    status_body(
        StatusCode::OK,
        "text/html; charset=utf-8",
        PAGE.as_bytes().to_vec(),
    )
}

pub(crate) async fn healthz(State(state): State<Arc<AppState>>) -> Response {
    #[derive(Serialize)]
    struct Health {
        status: &'static str,
        version: &'static str,
        entities: usize,
    }
    json_response(
        StatusCode::OK,
        &Health {
            status: "ok",
            version: TOOL_VERSION,
            entities: state.checker.gazetteer().len(),
        },
    )
}

pub(crate) async fn not_found(request: Request) -> Response {
    ApiError::new(
        StatusCode::NOT_FOUND,
        format!(
            "no such endpoint: {} {} (try GET /, GET /healthz, POST /v1/check, GET /v2/languages, POST /v2/check)",
            request.method(),
            request.uri().path()
        ),
    )
    .into_response()
}

pub(crate) async fn method_not_allowed(request: Request) -> Response {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        format!(
            "{} is not allowed on {} (POST /v1/check and /v2/check; GET /, /healthz, /v2/languages)",
            request.method(),
            request.uri().path()
        ),
    )
    .into_response()
}

/// `format` of a `/v1/check` request.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "lowercase")]
enum FormatField {
    Markdown,
    Text,
}

/// The body of `POST /v1/check`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CheckRequest {
    text: String,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    format: Option<FormatField>,
    #[serde(default)]
    language: Option<String>,
    #[serde(default)]
    rules: BTreeMap<String, LevelSetting>,
    #[serde(default)]
    mentions: bool,
    #[serde(default)]
    claims: bool,
}

/// The languages tadqiq checks: `ar` or `en` from a tag (`ar`, `en-US`,
/// `auto` → detected from the script).
pub(crate) fn language_of(tag: Option<&str>, text: &str) -> Result<(&'static str, bool), String> {
    let tag = tag.map(str::trim).unwrap_or("auto");
    let primary = tag
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    match primary.as_str() {
        "" | "auto" => Ok((detect_language(text), true)),
        "ar" => Ok(("ar", false)),
        "en" => Ok(("en", false)),
        _ => Err(format!(
            "language `{tag}` is not one tadqiq checks: use ar, en or auto"
        )),
    }
}

/// `ar` when the text has at least as many Arabic-script letters as Latin
/// ones (and any at all), else `en`.
pub(crate) fn detect_language(text: &str) -> &'static str {
    let (mut arabic, mut latin) = (0usize, 0usize);
    for c in text.chars() {
        match c {
            '\u{0600}'..='\u{06FF}'
            | '\u{0750}'..='\u{077F}'
            | '\u{08A0}'..='\u{08FF}'
            | '\u{FB50}'..='\u{FDFF}'
            | '\u{FE70}'..='\u{FEFF}'
                if c.is_alphabetic() =>
            {
                arabic += 1
            }
            c if c.is_ascii_alphabetic() || ('\u{00C0}'..='\u{024F}').contains(&c) => latin += 1,
            _ => {}
        }
    }
    if arabic > 0 && arabic >= latin {
        "ar"
    } else {
        "en"
    }
}

/// The checker for a request: the shared one, or a cheap copy with the
/// request's rule levels (unknown rules are a 400).
pub(crate) fn checker_with_rules(
    checker: &Checker,
    rules: &BTreeMap<String, LevelSetting>,
) -> Result<Option<Checker>, String> {
    if rules.is_empty() {
        return Ok(None);
    }
    let known = known_rules();
    let mut copy = checker.clone();
    for (rule, level) in rules {
        if !known.contains(&rule.as_str()) {
            return Err(format!(
                "rules: unknown rule `{rule}`; known rules: {}",
                known.join(", ")
            ));
        }
        copy.set_rule_level(rule, Some(level.level()));
    }
    Ok(Some(copy))
}

pub(crate) fn parse_date(text: &str) -> Result<PartialDate, String> {
    PartialDate::parse(text.trim())
        .ok_or_else(|| format!("date `{text}` is not a date (YYYY-MM-DD, YYYY-MM or YYYY)"))
}

pub(crate) async fn check(State(state): State<Arc<AppState>>, request: Request) -> Response {
    match check_inner(&state, request).await {
        Ok(response) => response,
        Err(e) => e.into_response(),
    }
}

async fn check_inner(state: &AppState, request: Request) -> Result<Response, ApiError> {
    let body = read_body(state, request).await?;
    let req: CheckRequest = serde_json::from_slice(&body).map_err(|e| {
        use serde_json::error::Category;
        let what = match e.classify() {
            Category::Syntax | Category::Eof | Category::Io => "is not valid JSON",
            Category::Data => "is not a valid check request",
        };
        ApiError::bad_request(format!(
            "the request body {what} ({{\"text\": …, \"date\"?, \"format\"?, \"language\"?, \"rules\"?, \"mentions\"?, \"claims\"?}}): {e}"
        ))
    })?;
    let date = req
        .date
        .as_deref()
        .map(parse_date)
        .transpose()
        .map_err(ApiError::bad_request)?;
    let (language, _) =
        language_of(req.language.as_deref(), &req.text).map_err(ApiError::bad_request)?;
    let format = match req.format {
        Some(FormatField::Text) => Format::Plain,
        Some(FormatField::Markdown) | None => Format::Markdown,
    };
    let rules = req.rules;
    let (mentions, claims) = (req.mentions, req.claims);
    let text = req.text;
    let body = run_check(state, move |shared| {
        test_hooks(&text);
        let custom = checker_with_rules(shared, &rules)?;
        let checker = custom.as_ref().unwrap_or(shared);
        let mut file = checker.run_dated(REQUEST_PATH, &text, format, Mode::Check, date);
        if !mentions {
            file.mentions.clear();
        }
        if !claims {
            file.claims = None;
        }
        let mut out = Vec::new();
        write_report(&file, language, &mut out).map_err(|e| e.to_string())?;
        Ok::<_, String>(out)
    })
    .await?
    .map_err(ApiError::bad_request)?;
    Ok(status_body(StatusCode::OK, "application/json", body))
}

/// The `/v1/check` response: §4's document, spans with UTF-16 offsets.
#[derive(Serialize)]
struct Document<'a> {
    tool: Tool,
    files: [FileOut<'a>; 1],
    summary: Summary,
    language: &'static str,
}

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

#[derive(Serialize)]
struct FileOut<'a> {
    path: &'a str,
    findings: Vec<FindingOut<'a>>,
    mentions: Vec<MentionOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    claims: Option<&'a Claims>,
}

#[derive(Serialize)]
struct FindingOut<'a> {
    rule: &'a str,
    severity: Severity,
    message: &'a str,
    spans: Vec<SpanOut<'a>>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    notes: &'a [String],
    fingerprint: &'a str,
}

#[derive(Serialize)]
struct SpanOut<'a> {
    #[serde(flatten)]
    span: &'a Span,
    utf16_start: usize,
    utf16_end: usize,
}

#[derive(Serialize)]
struct MentionOut<'a> {
    #[serde(flatten)]
    mention: &'a Mention,
    utf16_start: usize,
    utf16_end: usize,
}

fn write_report(
    file: &FileReport,
    language: &'static str,
    out: &mut Vec<u8>,
) -> std::io::Result<()> {
    let offsets = Utf16Offsets::new(
        &file.text,
        file.findings
            .iter()
            .flat_map(|f| &f.spans)
            .flat_map(|s| [s.start, s.end])
            .chain(file.mentions.iter().flat_map(|m| [m.start, m.end])),
    );
    let findings = file
        .findings
        .iter()
        .map(|f: &Finding| FindingOut {
            rule: f.rule,
            severity: f.severity,
            message: &f.message,
            spans: f
                .spans
                .iter()
                .map(|s| SpanOut {
                    span: s,
                    utf16_start: offsets.get(s.start),
                    utf16_end: offsets.get(s.end),
                })
                .collect(),
            notes: &f.notes,
            fingerprint: &f.fingerprint,
        })
        .collect();
    let mentions = file
        .mentions
        .iter()
        .map(|m| MentionOut {
            mention: m,
            utf16_start: offsets.get(m.start),
            utf16_end: offsets.get(m.end),
        })
        .collect();
    let mut counts = Summary {
        files: 1,
        ..Summary::default()
    };
    for f in &file.findings {
        match f.severity {
            Severity::Error => counts.errors += 1,
            Severity::Warning => counts.warnings += 1,
            Severity::Info => counts.infos += 1,
        }
    }
    let doc = Document {
        tool: Tool {
            name: TOOL_NAME,
            version: TOOL_VERSION,
        },
        files: [FileOut {
            path: &file.path,
            findings,
            mentions,
            claims: file.claims.as_ref(),
        }],
        summary: counts,
        language,
    };
    crate::report::write_json_line(out, &doc)
}
