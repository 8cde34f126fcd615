//! LanguageTool's public HTTP API (`/v2/languages`, `/v2/check`), so the
//! clients editors already have (browser extensions, LTeX, libraries such
//! as `language_tool_python`) show tadqiq's findings.
//!
//! `/v2/check` takes LanguageTool's form parameters (in a form-encoded body
//! or the query string): `text` or `data` (annotated text: markup parts are
//! not checked but count for offsets; `interpretAs` is checked in their
//! place), `language` (`ar`, `en`, `en-US`…, or `auto`: Arabic or English by
//! script), `enabledRules`, `disabledRules`, `enabledCategories`,
//! `disabledCategories`, `enabledOnly`, `level` (`picky` adds info
//! findings), and two of tadqiq's own: `date` (the draft's date, used when
//! the text has no `date:` line at its top) and `format` (`text` or
//! `markdown`; by default markdown when the text opens with `---` front
//! matter). Offsets and lengths count UTF-16 code units, as Java's string
//! indices do. Errors are plain text, as LanguageTool sends them.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

use super::api::{
    detect_language, language_of, parse_date, read_body, run_check, status_body, test_hooks,
    ApiError, REQUEST_PATH,
};
use super::utf16::{self, Utf16Offsets};
use super::AppState;
use crate::checker::{Checker, Mode, RuleLevel};
use crate::finding::{Finding, Severity, Span};
use crate::gazetteer::PartialDate;
use crate::report::TOOL_VERSION;
use crate::rules::RuleInfo;
use crate::segment::Format;

/// The LanguageTool API version whose response shape this follows.
const API_VERSION: u32 = 1;
/// Characters of context either side of a match, as LanguageTool's default.
const CONTEXT_CHARS: usize = 40;
/// At most this many other places are named in a match's message.
const MAX_OTHER_PLACES: usize = 3;

/// A `/v2` error: plain text `Error: …`, as LanguageTool answers.
struct LtError(ApiError);

impl From<ApiError> for LtError {
    fn from(e: ApiError) -> LtError {
        LtError(e)
    }
}

impl IntoResponse for LtError {
    fn into_response(self) -> Response {
        status_body(
            self.0.status,
            "text/plain; charset=utf-8",
            format!("Error: {}\n", self.0.message).into_bytes(),
        )
    }
}

fn bad(message: impl Into<String>) -> LtError {
    LtError(ApiError::bad_request(message))
}

#[derive(Serialize)]
struct LanguageEntry {
    name: &'static str,
    code: &'static str,
    #[serde(rename = "longCode")]
    long_code: &'static str,
}

const LANGUAGES: [LanguageEntry; 4] = [
    LanguageEntry {
        name: "Arabic",
        code: "ar",
        long_code: "ar",
    },
    LanguageEntry {
        name: "English",
        code: "en",
        long_code: "en",
    },
    LanguageEntry {
        name: "English (US)",
        code: "en",
        long_code: "en-US",
    },
    LanguageEntry {
        name: "English (GB)",
        code: "en",
        long_code: "en-GB",
    },
];

/// `GET /v2/languages`.
pub(crate) async fn languages() -> Response {
    super::api::json_response(StatusCode::OK, &LANGUAGES)
}

/// `POST /v2/check`: parameters from the form body and the query string
/// (the body wins).
pub(crate) async fn check_post(State(state): State<Arc<AppState>>, request: Request) -> Response {
    let mut params = Params::default();
    if let Some(query) = request.uri().query() {
        params.add(query.as_bytes());
    }
    let body = match read_body(&state, request).await {
        Ok(body) => body,
        Err(e) => return LtError(e).into_response(),
    };
    params.add(&body);
    respond(&state, params).await
}

/// `GET /v2/check`: parameters from the query string.
pub(crate) async fn check_get(State(state): State<Arc<AppState>>, request: Request) -> Response {
    let mut params = Params::default();
    if let Some(query) = request.uri().query() {
        params.add(query.as_bytes());
    }
    respond(&state, params).await
}

async fn respond(state: &AppState, params: Params) -> Response {
    match check(state, params).await {
        Ok(response) => response,
        Err(e) => e.into_response(),
    }
}

/// Form parameters; a later value of a name replaces an earlier one.
#[derive(Default)]
struct Params(BTreeMap<String, String>);

impl Params {
    fn add(&mut self, encoded: &[u8]) {
        for (k, v) in form_urlencoded::parse(encoded) {
            self.0.insert(k.into_owned(), v.into_owned());
        }
    }

    fn get(&self, name: &str) -> Option<&str> {
        self.0.get(name).map(String::as_str)
    }

    /// A comma-separated list, empty items dropped.
    fn list(&self, name: &str) -> Vec<String> {
        self.get(name)
            .into_iter()
            .flat_map(|v| v.split(','))
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect()
    }

    fn flag(&self, name: &str) -> Result<bool, LtError> {
        match self.get(name).map(str::trim) {
            None | Some("") | Some("false") => Ok(false),
            Some("true") => Ok(true),
            Some(other) => Err(bad(format!("{name} must be true or false, not `{other}`"))),
        }
    }
}

/// One part of annotated text (`data`).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AnnotationPart {
    text: Option<String>,
    markup: Option<String>,
    #[serde(rename = "interpretAs")]
    interpret_as: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Annotated {
    annotation: Vec<AnnotationPart>,
}

/// A stretch of the checked text and where it came from in the text as
/// sent (text parts and markup together).
#[derive(Debug, Clone)]
struct Piece {
    checked: Range<usize>,
    original: Range<usize>,
    /// Text is checked as sent; markup is replaced by its `interpretAs`.
    is_text: bool,
}

/// The text as sent, the text that is checked, and how they line up.
#[derive(Debug)]
struct Source {
    original: String,
    checked: String,
    pieces: Vec<Piece>,
}

impl Source {
    fn plain(text: String) -> Source {
        let len = text.len();
        Source {
            checked: text.clone(),
            original: text,
            pieces: vec![Piece {
                checked: 0..len,
                original: 0..len,
                is_text: true,
            }],
        }
    }

    /// LanguageTool's `data`: `{"annotation": [{"text": …} | {"markup": …,
    /// "interpretAs"?: …}]}`.
    fn annotated(data: &str) -> Result<Source, String> {
        let parsed: Annotated = serde_json::from_str(data)
            .map_err(|e| format!("data is not LanguageTool's annotated text ({{\"annotation\": [{{\"text\": …}}, {{\"markup\": …}}]}}): {e}"))?;
        let mut source = Source {
            original: String::new(),
            checked: String::new(),
            pieces: Vec::new(),
        };
        for (i, part) in parsed.annotation.into_iter().enumerate() {
            let (original, checked, is_text) = match (part.text, part.markup) {
                (Some(text), None) => {
                    if part.interpret_as.is_some() {
                        return Err(format!(
                            "data: annotation[{i}]: interpretAs belongs to a markup part, not a text part"
                        ));
                    }
                    (text.clone(), text, true)
                }
                (None, Some(markup)) => (markup, part.interpret_as.unwrap_or_default(), false),
                _ => {
                    return Err(format!(
                        "data: annotation[{i}] needs exactly one of \"text\" and \"markup\""
                    ))
                }
            };
            let piece = Piece {
                checked: source.checked.len()..source.checked.len() + checked.len(),
                original: source.original.len()..source.original.len() + original.len(),
                is_text,
            };
            source.checked.push_str(&checked);
            source.original.push_str(&original);
            source.pieces.push(piece);
        }
        Ok(source)
    }

    /// Where a checked-text offset lies in the original: inside text it
    /// moves with the text; inside markup's stand-in it is the markup's
    /// start (`end == false`) or end (`end == true`).
    fn original_offset(&self, offset: usize, end: bool) -> usize {
        let found = self.pieces.iter().find(|p| {
            if end {
                p.checked.start < offset && offset <= p.checked.end
            } else {
                p.checked.start <= offset && offset < p.checked.end
            }
        });
        match found {
            Some(p) if p.is_text => p.original.start + (offset - p.checked.start),
            Some(p) if end => p.original.end,
            Some(p) => p.original.start,
            None if end || offset == 0 => {
                // An empty piece list or an offset at a boundary.
                self.pieces
                    .iter()
                    .rev()
                    .find(|p| p.checked.end <= offset)
                    .map_or(0, |p| p.original.end)
            }
            None => self.original.len(),
        }
    }
}

/// The draft's date from a `date:` line at the top of the text: the first
/// non-blank line, or a line of a `---` front matter block that opens it.
fn leading_date(text: &str) -> Option<Result<PartialDate, String>> {
    let mut lines = text.lines().map(str::trim).skip_while(|l| l.is_empty());
    let first = lines.next()?;
    let value = |line: &str| {
        line.strip_prefix("date:")
            .map(|v| v.trim().trim_matches(['"', '\'']).to_string())
    };
    let found = if first == "---" {
        lines.take_while(|l| *l != "---").find_map(value)
    } else {
        value(first)
    };
    found.map(|v| parse_date(&v).map_err(|e| format!("the text's date: line: {e}")))
}

/// The category a rule's matches are filed under.
fn category(rule: &str) -> (&'static str, &'static str) {
    match rule {
        "number-conflict" | "date-conflict" | "fact-conflict" | "quote-drift" => {
            ("TADQIQ_FACTS", "Facts: numbers, dates and quotes (tadqiq)")
        }
        "spelling-variant" => ("TADQIQ_SPELLING", "House-style spelling (tadqiq)"),
        "suppression" => ("TADQIQ_SUPPRESSION", "tadqiq-ignore comments (tadqiq)"),
        _ => ("TADQIQ_NAMES", "Names and roles (tadqiq)"),
    }
}

/// LanguageTool's issue type for a rule (its colour in most clients).
fn issue_type(rule: &str) -> &'static str {
    match rule {
        "near-miss" => "misspelling",
        "unknown-name" => "terminology",
        "suppression" => "other",
        _ => "inconsistency",
    }
}

/// A rule id as a client may write it: case and `_`/`-` do not matter.
fn rule_key(id: &str) -> String {
    id.trim().to_ascii_lowercase().replace('_', "-")
}

fn every_rule() -> Vec<RuleInfo> {
    let mut rules = crate::rules::catalog();
    rules.push(crate::suppress::INFO);
    rules
}

/// Which rules run and which are shown, from the LanguageTool parameters.
struct Selection {
    /// Rule levels changed for this request: `Off`, or `None` for a rule
    /// the config switched off that the client enables (default severity).
    levels: BTreeMap<&'static str, Option<RuleLevel>>,
    /// Rules named in enabledRules/enabledCategories: shown at every severity.
    named: BTreeSet<&'static str>,
    /// `level=picky`: info findings shown too.
    picky: bool,
}

fn selection(params: &Params, checker: &Checker) -> Result<Selection, LtError> {
    let rules = every_rule();
    let wanted = |list: Vec<String>, categories: Vec<String>| -> BTreeSet<&'static str> {
        let ids: BTreeSet<String> = list.iter().map(|r| rule_key(r)).collect();
        let cats: BTreeSet<String> = categories
            .iter()
            .map(|c| c.trim().to_ascii_uppercase())
            .collect();
        rules
            .iter()
            .filter(|r| ids.contains(r.id) || cats.contains(category(r.id).0))
            .map(|r| r.id)
            .collect()
    };
    let enabled_rules = params.list("enabledRules");
    let enabled_categories = params.list("enabledCategories");
    let enabled_only = params.flag("enabledOnly")?;
    if enabled_only && enabled_rules.is_empty() && enabled_categories.is_empty() {
        return Err(bad(
            "enabledOnly=true needs enabledRules or enabledCategories",
        ));
    }
    let enabled = wanted(enabled_rules, enabled_categories);
    let disabled = wanted(
        params.list("disabledRules"),
        params.list("disabledCategories"),
    );
    let picky = match params.get("level").map(str::trim) {
        None | Some("") | Some("default") => false,
        Some("picky") => true,
        Some(other) => {
            return Err(bad(format!(
                "level must be default or picky, not `{other}`"
            )))
        }
    };
    let named: BTreeSet<&'static str> = enabled.difference(&disabled).copied().collect();
    let mut levels = BTreeMap::new();
    for rule in &rules {
        if disabled.contains(rule.id) || (enabled_only && !named.contains(rule.id)) {
            levels.insert(rule.id, Some(RuleLevel::Off));
        } else if named.contains(rule.id) && checker.rule_level(rule.id) == Some(RuleLevel::Off) {
            levels.insert(rule.id, None);
        }
    }
    Ok(Selection {
        levels,
        named,
        picky,
    })
}

#[derive(Serialize)]
struct Software {
    name: &'static str,
    version: &'static str,
    #[serde(rename = "buildDate")]
    build_date: &'static str,
    #[serde(rename = "apiVersion")]
    api_version: u32,
    premium: bool,
    status: &'static str,
}

#[derive(Serialize)]
struct DetectedLanguage {
    name: &'static str,
    code: &'static str,
    confidence: f64,
    source: &'static str,
}

#[derive(Serialize)]
struct LanguageOut {
    name: &'static str,
    code: String,
    #[serde(rename = "detectedLanguage")]
    detected_language: DetectedLanguage,
}

#[derive(Serialize)]
struct Replacement {
    value: String,
}

#[derive(Serialize)]
struct Context {
    text: String,
    offset: usize,
    length: usize,
}

#[derive(Serialize)]
struct Category {
    id: &'static str,
    name: &'static str,
}

#[derive(Serialize)]
struct RuleOut {
    id: &'static str,
    description: &'static str,
    #[serde(rename = "issueType")]
    issue_type: &'static str,
    category: Category,
}

#[derive(Serialize)]
struct MatchType {
    #[serde(rename = "typeName")]
    type_name: &'static str,
}

/// tadqiq's own view of a match, for clients that want it.
#[derive(Serialize)]
struct Extra {
    severity: Severity,
    fingerprint: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    notes: Vec<String>,
}

#[derive(Serialize)]
struct Match {
    message: String,
    #[serde(rename = "shortMessage")]
    short_message: String,
    replacements: Vec<Replacement>,
    offset: usize,
    length: usize,
    context: Context,
    sentence: String,
    #[serde(rename = "type")]
    kind: MatchType,
    rule: RuleOut,
    #[serde(rename = "ignoreForIncompleteSentence")]
    ignore_for_incomplete_sentence: bool,
    #[serde(rename = "contextForSureMatch")]
    context_for_sure_match: i32,
    tadqiq: Extra,
}

#[derive(Serialize)]
struct Warnings {
    #[serde(rename = "incompleteResults")]
    incomplete_results: bool,
}

#[derive(Serialize)]
struct CheckResponse {
    software: Software,
    warnings: Warnings,
    language: LanguageOut,
    matches: Vec<Match>,
}

async fn check(state: &AppState, params: Params) -> Result<Response, LtError> {
    let source = match (params.get("text"), params.get("data")) {
        (Some(_), Some(_)) => return Err(bad("give either text or data, not both")),
        (Some(text), None) => Source::plain(text.to_string()),
        (None, Some(data)) => Source::annotated(data).map_err(bad)?,
        (None, None) => return Err(bad("missing text or data parameter")),
    };
    let selection = selection(&params, &state.checker)?;
    let date = match leading_date(&source.checked) {
        Some(found) => Some(found.map_err(bad)?),
        None => params
            .get("date")
            .map(parse_date)
            .transpose()
            .map_err(bad)?,
    };
    let format = match params.get("format").map(str::trim) {
        Some("text") => Format::Plain,
        Some("markdown") => Format::Markdown,
        None | Some("") => {
            if source.checked.trim_start().starts_with("---") {
                Format::Markdown
            } else {
                Format::Plain
            }
        }
        Some(other) => {
            return Err(bad(format!(
                "format must be text or markdown, not `{other}`"
            )))
        }
    };
    let requested = params.get("language").unwrap_or("auto").trim().to_string();
    let (code, detected) = language_of(Some(&requested), &source.checked).map_err(bad)?;
    let script = detect_language(&source.checked);
    let language = LanguageOut {
        name: language_name(if detected { code } else { &requested }),
        code: if detected {
            code.to_string()
        } else {
            requested
        },
        detected_language: DetectedLanguage {
            name: language_name(script),
            code: script,
            confidence: script_confidence(&source.checked),
            source: "tadqiq (script)",
        },
    };
    let matches = run_check(state, move |shared| {
        test_hooks(&source.checked);
        let custom;
        let checker = if selection.levels.is_empty() {
            shared
        } else {
            let mut copy = shared.clone();
            for (rule, level) in &selection.levels {
                copy.set_rule_level(rule, *level);
            }
            custom = copy;
            &custom
        };
        let file = checker.run_dated(REQUEST_PATH, &source.checked, format, Mode::Check, date);
        let shown: Vec<&Finding> = file
            .findings
            .iter()
            .filter(|f| {
                f.severity > Severity::Info || selection.picky || selection.named.contains(f.rule)
            })
            .collect();
        matches(&source, &shown)
    })
    .await?;
    let response = CheckResponse {
        software: Software {
            name: "tadqiq",
            version: TOOL_VERSION,
            build_date: "",
            api_version: API_VERSION,
            premium: false,
            status: "",
        },
        warnings: Warnings {
            incomplete_results: false,
        },
        language,
        matches,
    };
    Ok(super::api::json_response(StatusCode::OK, &response))
}

fn language_name(code: &str) -> &'static str {
    let lower = code.to_ascii_lowercase();
    match lower.as_str() {
        "en-us" => "English (US)",
        "en-gb" => "English (GB)",
        c if c.starts_with("ar") => "Arabic",
        _ => "English",
    }
}

/// The share of letters in the detected script, 0 to 1 (1 for no letters).
fn script_confidence(text: &str) -> f64 {
    let mut arabic = 0usize;
    let mut latin = 0usize;
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        if ('\u{0600}'..='\u{08FF}').contains(&c) || ('\u{FB50}'..='\u{FEFF}').contains(&c) {
            arabic += 1;
        } else if c.is_ascii_alphabetic() {
            latin += 1;
        }
    }
    let total = arabic + latin;
    if total == 0 {
        return 1.0;
    }
    let share = arabic.max(latin) as f64 / total as f64;
    (share * 100.0).round() / 100.0
}

/// The preferred spelling of a spelling-variant finding's span, when the
/// finding says which word to write instead ("… spells X where … is Y (…").
fn spelling_fix(finding: &Finding, span: &Span) -> Option<String> {
    // The rule's own edit (what `check --fix` writes), where it has one.
    if let Some(edit) = finding
        .fix
        .iter()
        .find(|e| e.start >= span.start && e.end <= span.end && e.start < e.end)
    {
        let (a, b) = (edit.start - span.start, edit.end - span.start);
        if span.text.get(a..b) == Some(edit.original.as_str()) {
            return Some(format!(
                "{}{}{}",
                &span.text[..a],
                edit.replacement,
                &span.text[b..]
            ));
        }
    }
    let message = &finding.message;
    if let Some(rest) = message.split_once("\" spells ").map(|(_, r)| r) {
        let (minor, rest) = rest.split_once(" where ")?;
        let (_, rest) = rest.split_once(" is ")?;
        let (preferred, _) = rest.split_once(" (")?;
        if minor.is_empty() || !span.text.contains(minor) {
            return None;
        }
        return Some(span.text.replacen(minor, preferred, 1));
    }
    // `prefer.entities`: the house-style name replaces the whole mention.
    let (_, rest) = message.split_once("whose house-style name is \"")?;
    let (preferred, _) = rest.split_once('"')?;
    Some(preferred.to_string())
}

/// The matches of the shown findings, sorted by offset.
fn matches(source: &Source, findings: &[&Finding]) -> Vec<Match> {
    let infos = every_rule();
    let original = &source.original;
    // Spans mapped to the original text, and their UTF-16 positions.
    let mapped = |s: &Span| {
        (
            source.original_offset(s.start, false),
            source
                .original_offset(s.end, true)
                .max(source.original_offset(s.start, false)),
        )
    };
    let offsets = Utf16Offsets::new(
        original,
        findings.iter().flat_map(|f| &f.spans).flat_map(|s| {
            let (a, b) = mapped(s);
            [a, b]
        }),
    );
    let mut out = Vec::new();
    for finding in findings {
        let Some(info) = infos.iter().find(|i| i.id == finding.rule) else {
            continue;
        };
        // Every span gets a match when each has its own fix (spelling
        // variants); otherwise the primary one does.
        let fixes: Vec<(usize, Option<String>)> = if finding.rule == "spelling-variant" {
            finding
                .spans
                .iter()
                .enumerate()
                .filter_map(|(i, s)| spelling_fix(finding, s).map(|fix| (i, Some(fix))))
                .collect()
        } else {
            Vec::new()
        };
        let targets = if fixes.is_empty() {
            vec![(0, None)]
        } else {
            fixes
        };
        for (index, fix) in targets {
            let Some(span) = finding.spans.get(index) else {
                continue;
            };
            let (start, end) = mapped(span);
            let others: Vec<String> = finding
                .spans
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != index)
                .map(|(_, s)| {
                    let (line, column) = line_col(original, mapped(s).0);
                    format!("{line}:{column} \"{}\" ({})", s.text, s.section.as_str())
                })
                .collect();
            let mut message = finding.message.clone();
            if !others.is_empty() {
                let shown = others.len().min(MAX_OTHER_PLACES);
                message.push_str(&format!(" — also at {}", others[..shown].join(", ")));
                if others.len() > shown {
                    message.push_str(&format!(" and {} more", others.len() - shown));
                }
            }
            let (category_id, category_name) = category(finding.rule);
            let offset = offsets.get(start);
            out.push(Match {
                message,
                short_message: format!("{} ({})", finding.rule, finding.severity.as_str()),
                replacements: fix.into_iter().map(|value| Replacement { value }).collect(),
                offset,
                length: offsets.get(end).saturating_sub(offset),
                context: context(original, start, end),
                sentence: sentence(&source.checked, span.start, span.end),
                kind: MatchType { type_name: "Other" },
                rule: RuleOut {
                    id: info.id,
                    description: info.summary,
                    issue_type: issue_type(finding.rule),
                    category: Category {
                        id: category_id,
                        name: category_name,
                    },
                },
                ignore_for_incomplete_sentence: false,
                context_for_sure_match: 0,
                tadqiq: Extra {
                    severity: finding.severity,
                    fingerprint: finding.fingerprint.clone(),
                    notes: finding.notes.clone(),
                },
            });
        }
    }
    out.sort_by(|a, b| (a.offset, a.length, a.rule.id).cmp(&(b.offset, b.length, b.rule.id)));
    out
}

/// 1-based line and column (in characters) of a byte offset.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// Up to [`CONTEXT_CHARS`] characters either side of the match on its
/// line, with `...` where the line goes on; offset and length in UTF-16.
fn context(text: &str, start: usize, end: usize) -> Context {
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
    let before_all = &text[line_start..start];
    let after_all = &text[end..line_end];
    let before_from = before_all
        .char_indices()
        .rev()
        .nth(CONTEXT_CHARS - 1)
        .map_or(0, |(i, _)| i);
    let before = &before_all[before_from..];
    let after_to = after_all
        .char_indices()
        .nth(CONTEXT_CHARS)
        .map_or(after_all.len(), |(i, _)| i);
    let after = &after_all[..after_to];
    let matched = &text[start..end];
    let lead = if before_from > 0 { "..." } else { "" };
    let trail = if after_to < after_all.len() {
        "..."
    } else {
        ""
    };
    let text = format!("{lead}{before}{matched}{after}{trail}");
    Context {
        offset: utf16::len(lead) + utf16::len(before),
        length: utf16::len(matched),
        text,
    }
}

/// The sentence around a match in the checked text: from the previous
/// sentence end or line break to the next, trimmed.
fn sentence(text: &str, start: usize, end: usize) -> String {
    let is_end = |c: char| matches!(c, '.' | '!' | '?' | '؟' | '\n' | '۔');
    let from = text[..start]
        .char_indices()
        .rev()
        .find(|(_, c)| is_end(*c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let to = text[end..]
        .char_indices()
        .find(|(_, c)| is_end(*c))
        .map_or(text.len(), |(i, c)| {
            if c == '\n' {
                end + i
            } else {
                end + i + c.len_utf8()
            }
        });
    text[from..to].trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn annotated_text_maps_offsets_past_markup() {
        let data = r#"{"annotation":[{"text":"A "},{"markup":"<b>"},{"text":"test"},{"markup":"</b>"},{"markup":"<p>","interpretAs":"\n\n"},{"text":"B"}]}"#;
        let s = Source::annotated(data).unwrap();
        assert_eq!(s.checked, "A test\n\nB");
        assert_eq!(s.original, "A <b>test</b><p>B");
        let t = s.checked.find("test").unwrap();
        assert_eq!(
            s.original_offset(t, false),
            s.original.find("test").unwrap()
        );
        assert_eq!(
            s.original_offset(t + 4, true),
            s.original.find("test").unwrap() + 4
        );
        let b = s.checked.find('B').unwrap();
        assert_eq!(s.original_offset(b, false), s.original.find('B').unwrap());
        // Inside a markup's stand-in: its start, or its end for an end.
        assert_eq!(
            s.original_offset(t + 5, false),
            s.original.find("<p>").unwrap()
        );
        assert_eq!(
            s.original_offset(t + 5, true),
            s.original.find('B').unwrap()
        );
    }

    #[test]
    fn annotated_text_errors_name_the_part() {
        let e = Source::annotated(r#"{"annotation":[{"text":"a","markup":"<b>"}]}"#).unwrap_err();
        assert!(e.contains("annotation[0]"), "{e}");
        let e = Source::annotated(r#"{"annotation":[{"txt":"a"}]}"#).unwrap_err();
        assert!(e.contains("txt"), "{e}");
    }

    #[test]
    fn date_line_at_the_top() {
        assert_eq!(
            leading_date("\ndate: 2025-11-09\nنص")
                .unwrap()
                .unwrap()
                .to_string(),
            "2025-11-09"
        );
        assert_eq!(
            leading_date("---\ntitle: x\ndate: 2025-11-09\n---\nنص")
                .unwrap()
                .unwrap()
                .to_string(),
            "2025-11-09"
        );
        assert!(leading_date("نص\ndate: 2025-11-09").is_none());
        assert!(leading_date("date: someday").unwrap().is_err());
    }

    #[test]
    fn context_and_sentence() {
        let text = "First one. The coalition has 89 members today. Last";
        let start = text.find("89").unwrap();
        let c = context(text, start, start + 2);
        assert_eq!(&c.text[c.offset..c.offset + c.length], "89");
        assert_eq!(
            sentence(text, start, start + 2),
            "The coalition has 89 members today."
        );
        let long = format!("{}X{}", "a".repeat(60), "b".repeat(60));
        let at = long.find('X').unwrap();
        let c = context(&long, at, at + 1);
        assert!(c.text.starts_with("...") && c.text.ends_with("..."));
        assert_eq!(c.offset, 3 + CONTEXT_CHARS);
    }

    #[test]
    fn spelling_fix_from_the_rules_edit() {
        // The rule's edit wins over the message, and keeps the clitics.
        let span = Span {
            start: 10,
            end: 28,
            line: 1,
            column: 6,
            text: "والأمريكي".into(),
            entity: None,
            section: crate::segment::SectionKind::Body,
            path: None,
        };
        let finding = Finding {
            rule: "spelling-variant",
            severity: Severity::Warning,
            message: "a message in another shape".into(),
            spans: vec![span.clone()],
            notes: vec![],
            fingerprint: String::new(),
            fix: vec![crate::finding::Edit {
                start: 16,
                end: 28,
                original: "أمريكي".into(),
                replacement: "أميركي".into(),
            }],
        };
        assert_eq!(spelling_fix(&finding, &span).as_deref(), Some("والأميركي"));
    }

    #[test]
    fn spelling_fix_from_the_rule_message() {
        // The message as the spelling-variant rule writes it.
        let span = Span {
            start: 0,
            end: 0,
            line: 1,
            column: 1,
            text: "الأمريكي".into(),
            entity: None,
            section: crate::segment::SectionKind::Body,
            path: None,
        };
        let finding = Finding {
            rule: "spelling-variant",
            severity: Severity::Warning,
            message: "\"الأمريكي\" spells أمريكي where the gazetteer's first form is أميركي (أمريكي 2× vs أميركي 4×)".into(),
            spans: vec![span.clone()],
            notes: vec![],
            fingerprint: String::new(),
            fix: Vec::new(),
        };
        assert_eq!(spelling_fix(&finding, &span).as_deref(), Some("الأميركي"));
        let other = Span {
            text: "الأميركي".into(),
            ..span
        };
        assert_eq!(spelling_fix(&finding, &other), None);
    }
}
