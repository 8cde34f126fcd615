//! `tadqiq serve` end to end: the real binary on a free port, a real HTTP
//! client (ureq), tadqiq's /v1 API and LanguageTool's /v2 API.

mod common;

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use serde_json::Value;

/// A running server, killed when dropped.
struct Server {
    child: Child,
    base: String,
    /// Standard error after the "listening" line, collected by a thread.
    rest: mpsc::Receiver<String>,
    /// The server's working folder, when the test made one.
    _cwd: Option<tempfile::TempDir>,
}

impl Server {
    fn start(args: &[&str], env: &[(&str, &str)]) -> Server {
        let cwd = tempfile::tempdir().expect("a temporary folder");
        let mut server = Server::start_in(cwd.path(), args, env);
        server._cwd = Some(cwd);
        server
    }

    fn start_in(cwd: &Path, args: &[&str], env: &[(&str, &str)]) -> Server {
        let mut command = Command::new(env!("CARGO_BIN_EXE_tadqiq"));
        command
            .args(["serve", "--addr", "127.0.0.1:0"])
            .args(args)
            .current_dir(cwd)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        for (k, v) in env {
            command.env(k, v);
        }
        let mut child = command.spawn().expect("the binary starts");
        let mut stderr = BufReader::new(child.stderr.take().expect("stderr is piped"));
        let mut line = String::new();
        stderr.read_line(&mut line).expect("stderr is readable");
        let prefix = "tadqiq serve: listening on ";
        let Some(url) = line.trim_end().strip_prefix(prefix) else {
            let _ = child.kill();
            panic!("unexpected first line on stderr: {line:?}");
        };
        let base = url.split_whitespace().next().unwrap_or(url).to_string();
        let (tx, rest) = mpsc::channel();
        std::thread::spawn(move || {
            let mut all = String::new();
            let _ = stderr.read_to_string(&mut all);
            let _ = tx.send(all);
        });
        Server {
            child,
            base,
            rest,
            _cwd: None,
        }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(120)))
        .build()
        .into()
}

/// Status and body of a response.
fn read(response: Result<ureq::http::Response<ureq::Body>, ureq::Error>) -> (u16, String) {
    let mut response = response.expect("the server answers");
    let status = response.status().as_u16();
    let body = response
        .body_mut()
        .with_config()
        .limit(64 * 1024 * 1024)
        .read_to_string()
        .expect("a text body");
    (status, body)
}

fn post_json(server: &Server, body: &str) -> (u16, String) {
    read(
        agent()
            .post(&server.url("/v1/check"))
            .header("Content-Type", "application/json")
            .send(body),
    )
}

fn json(body: &str) -> Value {
    serde_json::from_str(body).unwrap_or_else(|e| panic!("not JSON ({e}): {body}"))
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn example() -> String {
    std::fs::read_to_string(root().join("examples/visit.md")).expect("the bundled example")
}

/// `text[start..end]` counted in UTF-16 code units.
fn slice_utf16(text: &str, start: u64, end: u64) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16(&units[start as usize..end as usize]).expect("a whole slice")
}

fn findings(report: &Value) -> &Vec<Value> {
    report["files"][0]["findings"].as_array().expect("findings")
}

#[test]
fn healthz_and_page() {
    let server = Server::start(&[], &[]);
    let (status, body) = read(agent().get(&server.url("/healthz")).call());
    assert_eq!(status, 200);
    let health = json(&body);
    assert_eq!(health["status"], "ok");
    assert!(health["entities"].as_u64().unwrap() > 1000, "{body}");
    let (status, page) = read(agent().get(&server.url("/")).call());
    assert_eq!(status, 200);
    // The script itself posts to the API (relative, so a proxy prefix works);
    // the noscript note naming the endpoint does not count.
    assert!(
        page.contains("fetch('v1/check'"),
        "the page posts to the API"
    );
    let (status, body) = read(agent().get(&server.url("/nowhere")).call());
    assert_eq!(status, 404);
    assert!(json(&body)["error"].as_str().unwrap().contains("/nowhere"));
    let (status, body) = read(agent().get(&server.url("/v1/check")).call());
    assert_eq!(status, 405);
    assert!(json(&body)["error"].as_str().unwrap().contains("GET"));
}

/// The config next to the server applies to every request; a LanguageTool
/// client can switch a rule the config turned off back on.
#[test]
fn the_config_applies_and_enabled_rules_override_its_off() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("tadqiq.yaml"),
        "rules:\n  name-conflict: off\n",
    )
    .unwrap();
    let server = Server::start_in(dir.path(), &[], &[]);
    let text = fixture("ar-visit-conflicts.txt");
    let (_, body) = post_json(&server, &serde_json::json!({ "text": text }).to_string());
    let report = json(&body);
    assert!(findings(&report)
        .iter()
        .all(|f| f["rule"] != "name-conflict"));
    assert!(findings(&report).iter().any(|f| f["rule"] == "quote-drift"));
    let base = [
        ("text", text.as_str()),
        ("language", "ar"),
        ("date", "2025-11-09"),
    ];
    let (_, body) = lt_check(&server, &base);
    assert!(!lt_matches(&text, &body)
        .iter()
        .any(|(r, _, _)| r == "name-conflict"));
    let mut enabled = base.to_vec();
    enabled.push(("enabledRules", "name-conflict"));
    let (_, body) = lt_check(&server, &enabled);
    let matches = lt_matches(&text, &body);
    assert!(matches
        .iter()
        .any(|(r, t, _)| r == "name-conflict" && t == "فاروق الشرع"));
}

#[test]
fn v1_check_finds_the_name_conflict_at_its_span() {
    let server = Server::start(&[], &[]);
    let text = example();
    let request = serde_json::json!({ "text": text, "mentions": true });
    let (status, body) = post_json(&server, &request.to_string());
    assert_eq!(status, 200, "{body}");
    let report = json(&body);
    let conflict = findings(&report)
        .iter()
        .find(|f| f["rule"] == "name-conflict")
        .expect("a name-conflict");
    assert_eq!(conflict["severity"], "error");
    let span = &conflict["spans"][0];
    assert_eq!(span["text"], "فاروق الشرع");
    // Byte offsets and UTF-16 offsets both slice the flagged words.
    let (start, end) = (
        span["start"].as_u64().unwrap(),
        span["end"].as_u64().unwrap(),
    );
    assert_eq!(&text[start as usize..end as usize], "فاروق الشرع");
    let u = (
        span["utf16_start"].as_u64().unwrap(),
        span["utf16_end"].as_u64().unwrap(),
    );
    assert_eq!(slice_utf16(&text, u.0, u.1), "فاروق الشرع");
    // Every span and mention carries UTF-16 offsets that slice its text.
    for f in findings(&report) {
        for s in f["spans"].as_array().unwrap() {
            let got = slice_utf16(
                &text,
                s["utf16_start"].as_u64().unwrap(),
                s["utf16_end"].as_u64().unwrap(),
            );
            assert_eq!(got, s["text"].as_str().unwrap());
        }
    }
    assert!(!report["files"][0]["mentions"]
        .as_array()
        .unwrap()
        .is_empty());
    assert_eq!(report["language"], "ar");
    assert_eq!(report["summary"]["errors"], 1);
}

/// Without the UTF-16 fields and `language`, the response is exactly what
/// `tadqiq check --format json` writes for the same draft.
#[test]
fn v1_check_matches_the_cli_json_report() {
    let server = Server::start(&[], &[]);
    let request = serde_json::json!({ "text": example() });
    let (status, body) = post_json(&server, &request.to_string());
    assert_eq!(status, 200, "{body}");
    let mut served = json(&body);
    fn strip(v: &mut Value) {
        match v {
            Value::Object(map) => {
                map.remove("utf16_start");
                map.remove("utf16_end");
                map.values_mut().for_each(strip);
            }
            Value::Array(items) => items.iter_mut().for_each(strip),
            _ => {}
        }
    }
    strip(&mut served);
    served.as_object_mut().unwrap().remove("language");
    served["files"][0]["path"] = Value::String("examples/visit.md".into());
    let cli = common::tadqiq(
        &[
            "check",
            "--isolated",
            "--format",
            "json",
            "examples/visit.md",
        ],
        &root(),
    );
    let mut expected = json(&String::from_utf8_lossy(&cli.stdout));
    expected["files"][0]["path"] = Value::String("examples/visit.md".into());
    assert_eq!(served, expected);
}

#[test]
fn v1_check_options_date_format_rules() {
    let server = Server::start(&[], &[]);
    let text = example();
    // A rule switched off per request.
    let request = serde_json::json!({ "text": text, "rules": {"name-conflict": "off", "number-conflict": "error"} });
    let (status, body) = post_json(&server, &request.to_string());
    assert_eq!(status, 200, "{body}");
    let report = json(&body);
    assert!(findings(&report)
        .iter()
        .all(|f| f["rule"] != "name-conflict"));
    let numbers: Vec<&Value> = findings(&report)
        .iter()
        .filter(|f| f["rule"] == "number-conflict")
        .collect();
    assert!(!numbers.is_empty() && numbers.iter().all(|f| f["severity"] == "error"));
    // The shared checker is not changed by one request's rules.
    let (_, body) = post_json(&server, &serde_json::json!({ "text": text }).to_string());
    assert!(findings(&json(&body))
        .iter()
        .any(|f| f["rule"] == "name-conflict"));
    // Claims on request; a clean English text has no findings.
    let request = serde_json::json!({
        "text": "The minister visited Paris on Monday.",
        "format": "text", "date": "2025-11-09", "claims": true, "language": "en"
    });
    let (status, body) = post_json(&server, &request.to_string());
    assert_eq!(status, 200, "{body}");
    let report = json(&body);
    assert!(findings(&report).is_empty(), "{body}");
    assert!(report["files"][0].get("claims").is_some());
    assert_eq!(report["language"], "en");
}

#[test]
fn bad_requests_get_400_with_the_reason() {
    let server = Server::start(&[], &[]);
    let cases: [(&str, &str); 7] = [
        ("{\"text\": ", "line 1 column"),
        ("not json", "not valid JSON"),
        ("{\"text\": 5}", "expected a string"),
        ("{\"txt\": \"x\"}", "unknown field `txt`"),
        (
            "{\"text\": \"x\", \"date\": \"yesterday\"}",
            "date `yesterday`",
        ),
        (
            "{\"text\": \"x\", \"rules\": {\"no-such-rule\": \"off\"}}",
            "no-such-rule",
        ),
        (
            "{\"text\": \"x\", \"format\": \"html\"}",
            "unknown variant `html`",
        ),
    ];
    for (body, expected) in cases {
        let (status, answer) = post_json(&server, body);
        assert_eq!(status, 400, "{body} → {answer}");
        let error = json(&answer)["error"].as_str().unwrap().to_string();
        assert!(error.contains(expected), "{body} → {error}");
    }
    let (status, answer) = post_json(&server, "{\"text\": \"x\", \"language\": \"de\"}");
    assert_eq!(status, 400);
    assert!(answer.contains("`de`"), "{answer}");
    // Still serving.
    let (status, _) = read(agent().get(&server.url("/healthz")).call());
    assert_eq!(status, 200);
}

#[test]
fn oversized_bodies_get_413() {
    let server = Server::start(&["--max-body", "1KiB"], &[]);
    let big = serde_json::json!({ "text": "أ".repeat(2000) }).to_string();
    let (status, body) = post_json(&server, &big);
    assert_eq!(status, 413, "{body}");
    assert!(json(&body)["error"]
        .as_str()
        .unwrap()
        .contains("1024 bytes"));
    // Without a Content-Length (chunked), the limit holds while reading.
    let mut reader = big.as_bytes();
    let (status, body) = read(
        agent()
            .post(&server.url("/v1/check"))
            .header("Content-Type", "application/json")
            .send(ureq::SendBody::from_reader(&mut reader)),
    );
    assert_eq!(status, 413, "{body}");
    // LanguageTool's API has the same limit; its errors are plain text.
    let (status, body) = read(
        agent()
            .post(&server.url("/v2/check"))
            .send_form([("text", "ب".repeat(2000).as_str()), ("language", "ar")]),
    );
    assert_eq!(status, 413);
    assert!(body.starts_with("Error: "), "{body}");
    let small = serde_json::json!({ "text": "زار الرئيس السوري أحمد الشرع واشنطن." }).to_string();
    let (status, _) = post_json(&server, &small);
    assert_eq!(status, 200);
}

#[test]
fn fifty_concurrent_requests_all_answered() {
    let server = Server::start(&[], &[]);
    let text = example();
    let request = serde_json::json!({ "text": text }).to_string();
    let url = server.url("/v1/check");
    let handles: Vec<_> = (0..50)
        .map(|_| {
            let (url, request) = (url.clone(), request.clone());
            std::thread::spawn(move || {
                read(
                    agent()
                        .post(&url)
                        .header("Content-Type", "application/json")
                        .send(request.as_str()),
                )
            })
        })
        .collect();
    let mut bodies = Vec::new();
    for h in handles {
        let (status, body) = h.join().expect("a client thread");
        assert_eq!(status, 200, "{body}");
        bodies.push(body);
    }
    // Every answer is the same, complete report.
    assert!(bodies.iter().all(|b| b == &bodies[0]));
    let report = json(&bodies[0]);
    assert!(findings(&report)
        .iter()
        .any(|f| f["rule"] == "name-conflict"));
}

#[test]
fn a_panicking_check_is_a_500_and_the_server_lives_on() {
    let server = Server::start(&[], &[("TADQIQ_TEST_PANIC_ON", "PANIC-MARKER")]);
    let (status, body) = post_json(&server, "{\"text\": \"PANIC-MARKER\"}");
    assert_eq!(status, 500, "{body}");
    assert!(json(&body)["error"]
        .as_str()
        .unwrap()
        .contains("internal error"));
    let (status, _) = post_json(
        &server,
        &serde_json::json!({ "text": example() }).to_string(),
    );
    assert_eq!(status, 200);
}

#[test]
fn a_slow_check_is_a_504_and_the_server_lives_on() {
    let server = Server::start(
        &["--timeout", "1"],
        &[("TADQIQ_TEST_SLOW_ON", "SLOW-MARKER")],
    );
    let started = Instant::now();
    let (status, body) = post_json(&server, "{\"text\": \"SLOW-MARKER\"}");
    assert_eq!(status, 504, "{body}");
    assert!(started.elapsed() < Duration::from_millis(2900));
    assert!(json(&body)["error"].as_str().unwrap().contains("--timeout"));
    let (status, _) = read(agent().get(&server.url("/healthz")).call());
    assert_eq!(status, 200);
}

#[test]
fn sigterm_stops_the_server_cleanly() {
    let mut server = Server::start(&[], &[]);
    let (status, _) = read(agent().get(&server.url("/healthz")).call());
    assert_eq!(status, 200);
    let pid = server.child.id().to_string();
    let killed = Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .expect("kill runs");
    assert!(killed.success());
    // Generous: a debug build on a loaded 2-core machine can take seconds to
    // wind down; the loop ends as soon as the server has stopped.
    let deadline = Instant::now() + Duration::from_secs(60);
    let status = loop {
        if let Some(status) = server.child.try_wait().expect("wait works") {
            break status;
        }
        assert!(Instant::now() < deadline, "the server did not stop");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "{status:?}");
    let rest = server
        .rest
        .recv_timeout(Duration::from_secs(5))
        .expect("stderr ends");
    assert!(rest.contains("tadqiq serve: stopped"), "{rest}");
}

/// The newsroom's lexicon folders apply to the server as to `check`: from
/// `lexicons:` in the config and from `--lexicon DIR`; a bad one stops it
/// with exit 2 and the file's line and column.
#[test]
fn newsroom_lexicons_apply() {
    let desk = root().join("tests/fixtures/lexicon-desk");
    let text = fixture("numbers/ar-desk-lexicon.txt");
    let body = serde_json::json!({ "text": text }).to_string();
    let has_conflict = |server: &Server| {
        let (status, body) = post_json(server, &body);
        assert_eq!(status, 200, "{body}");
        findings(&json(&body))
            .iter()
            .any(|f| f["rule"] == "number-conflict")
    };
    assert!(!has_conflict(&Server::start(&[], &[])));
    let flag = desk.to_string_lossy().into_owned();
    assert!(has_conflict(&Server::start(&["--lexicon", &flag], &[])));
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("desk")).unwrap();
    std::fs::copy(
        desk.join("predicates-desk.yaml"),
        dir.path().join("desk/predicates-desk.yaml"),
    )
    .unwrap();
    std::fs::write(dir.path().join("tadqiq.yaml"), "lexicons: [desk]\n").unwrap();
    assert!(has_conflict(&Server::start_in(dir.path(), &[], &[])));

    std::fs::write(dir.path().join("desk/units-bad.yaml"), "- [unclosed\n").unwrap();
    let (code, err) = failed_start(dir.path());
    assert_eq!(code, Some(2));
    assert!(err.contains("units-bad.yaml:"), "{err}");
}

/// Exit code and standard error of a server that should not start in `cwd`.
fn failed_start(cwd: &Path) -> (Option<i32>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_tadqiq"))
        .args(["serve", "--addr", "127.0.0.1:0"])
        .current_dir(cwd)
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn bad_startup_is_exit_2_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("tadqiq.yaml"), "rulez: {}\n").unwrap();
    let (code, err) = failed_start(dir.path());
    assert_eq!(code, Some(2));
    assert!(err.contains("tadqiq.yaml:1:1"), "{err}");
    let out = Command::new(env!("CARGO_BIN_EXE_tadqiq"))
        .args(["serve", "--max-body", "lots"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

// --- LanguageTool's API --------------------------------------------------

fn lt_check(server: &Server, params: &[(&str, &str)]) -> (u16, String) {
    read(
        agent()
            .post(&server.url("/v2/check"))
            .send_form(params.iter().copied()),
    )
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(root().join("tests/fixtures").join(name)).expect("a fixture")
}

/// Rule id and the text each match's offset and length slice.
fn lt_matches(text: &str, body: &str) -> Vec<(String, String, Value)> {
    let response = json(body);
    response["matches"]
        .as_array()
        .expect("matches")
        .iter()
        .map(|m| {
            let offset = m["offset"].as_u64().unwrap();
            let length = m["length"].as_u64().unwrap();
            (
                m["rule"]["id"].as_str().unwrap().to_string(),
                slice_utf16(text, offset, offset + length),
                m.clone(),
            )
        })
        .collect()
}

#[test]
fn v2_languages() {
    let server = Server::start(&[], &[]);
    let (status, body) = read(agent().get(&server.url("/v2/languages")).call());
    assert_eq!(status, 200);
    let langs = json(&body);
    let codes: Vec<&str> = langs
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["longCode"].as_str().unwrap())
        .collect();
    assert!(codes.contains(&"ar") && codes.contains(&"en"), "{body}");
    assert!(langs
        .as_array()
        .unwrap()
        .iter()
        .all(|l| l["name"].is_string() && l["code"].is_string()));
}

#[test]
fn v2_offsets_slice_the_flagged_words_after_an_emoji() {
    let server = Server::start(&[], &[]);
    // Characters outside the BMP count two UTF-16 units each.
    let text = format!(
        "date: 2025-11-09\n😀🇸🇾 {}",
        fixture("ar-visit-conflicts.txt")
    );
    let (status, body) = lt_check(&server, &[("text", &text), ("language", "auto")]);
    assert_eq!(status, 200, "{body}");
    let response = json(&body);
    assert_eq!(response["language"]["code"], "ar");
    assert_eq!(response["language"]["detectedLanguage"]["code"], "ar");
    assert_eq!(response["software"]["apiVersion"], 1);
    let matches = lt_matches(&text, &body);
    let find = |rule: &str| {
        matches
            .iter()
            .filter(|(r, _, _)| r == rule)
            .collect::<Vec<_>>()
    };
    let names = find("name-conflict");
    assert_eq!(names.len(), 1, "{body}");
    assert_eq!(names[0].1, "فاروق الشرع");
    let message = names[0].2["message"].as_str().unwrap();
    assert!(
        message.contains("also at") && message.contains("\"أحمد الشرع\""),
        "{message}"
    );
    assert!(names[0].2["replacements"].as_array().unwrap().is_empty());
    assert_eq!(names[0].2["rule"]["category"]["id"], "TADQIQ_NAMES");
    assert_eq!(find("number-conflict")[0].1, "يضم أكثر من 80 دولة");
    let quote = &find("quote-drift")[0];
    assert!(quote.1.contains("بشكل جيد"), "{}", quote.1);
    let spellings = find("spelling-variant");
    assert!(!spellings.is_empty());
    for (_, sliced, m) in &spellings {
        assert!(sliced.contains("أمريكي"), "{sliced}");
        let fix = m["replacements"][0]["value"].as_str().unwrap();
        assert_eq!(fix, sliced.replace("أمريكي", "أميركي"));
        // The context marks the same words.
        let context = &m["context"];
        let c = slice_utf16(
            context["text"].as_str().unwrap(),
            context["offset"].as_u64().unwrap(),
            context["offset"].as_u64().unwrap() + context["length"].as_u64().unwrap(),
        );
        assert_eq!(&c, sliced);
        assert!(m["sentence"].as_str().unwrap().contains(sliced.as_str()));
    }
}

#[test]
fn v2_rules_on_and_off() {
    let server = Server::start(&[], &[]);
    let text = fixture("ar-visit-conflicts.txt");
    let rules = |params: &[(&str, &str)]| -> Vec<String> {
        let mut all = vec![
            ("text", text.as_str()),
            ("language", "ar"),
            ("date", "2025-11-09"),
        ];
        all.extend_from_slice(params);
        let (status, body) = lt_check(&server, &all);
        assert_eq!(status, 200, "{body}");
        lt_matches(&text, &body)
            .into_iter()
            .map(|(r, _, _)| r)
            .collect()
    };
    let every = rules(&[]);
    assert!(every.iter().any(|r| r == "name-conflict"));
    let without = rules(&[("disabledRules", "name-conflict,SOME_LT_RULE")]);
    assert!(!without.iter().any(|r| r == "name-conflict"));
    assert!(without.iter().any(|r| r == "quote-drift"));
    let only = rules(&[("enabledRules", "quote-drift"), ("enabledOnly", "true")]);
    assert!(
        !only.is_empty() && only.iter().all(|r| r == "quote-drift"),
        "{only:?}"
    );
    let facts = rules(&[("disabledCategories", "TADQIQ_FACTS")]);
    assert!(!facts
        .iter()
        .any(|r| r == "number-conflict" || r == "quote-drift"));
    assert!(facts.iter().any(|r| r == "name-conflict"));
    let (status, body) = lt_check(
        &server,
        &[("text", "x"), ("language", "ar"), ("enabledOnly", "true")],
    );
    assert_eq!(status, 400);
    assert!(
        body.starts_with("Error: ") && body.contains("enabledOnly"),
        "{body}"
    );
}

#[test]
fn v2_english_draft_and_language_errors() {
    let server = Server::start(&[], &[]);
    let text = fixture("en-visit-conflicts.md");
    let (status, body) = lt_check(&server, &[("text", &text), ("language", "en-US")]);
    assert_eq!(status, 200, "{body}");
    let response = json(&body);
    assert_eq!(response["language"]["code"], "en-US");
    assert_eq!(response["language"]["detectedLanguage"]["code"], "en");
    let matches = lt_matches(&text, &body);
    let name = matches
        .iter()
        .find(|(r, _, _)| r == "name-conflict")
        .expect("a name-conflict");
    assert_eq!(name.1, "Farouk al-Sharaa");
    let number = matches
        .iter()
        .find(|(r, _, _)| r == "number-conflict")
        .expect("a number-conflict");
    assert_eq!(number.1, "includes more than 80 countries");
    let (status, body) = lt_check(&server, &[("text", "Hallo"), ("language", "de-DE")]);
    assert_eq!(status, 400);
    assert!(body.contains("de-DE"), "{body}");
    let (status, body) = lt_check(&server, &[("language", "en")]);
    assert_eq!(status, 400);
    assert!(body.contains("text or data"), "{body}");
    // Clean text: no matches.
    let (status, body) = lt_check(
        &server,
        &[("text", &fixture("en-clean.md")), ("language", "auto")],
    );
    assert_eq!(status, 200);
    assert_eq!(json(&body)["matches"], serde_json::json!([]), "{body}");
}

#[test]
fn v2_annotated_data_counts_markup_for_offsets() {
    let server = Server::start(&[], &[]);
    let text = fixture("ar-visit-conflicts.txt");
    // Every paragraph wrapped in <p>…</p>, read as paragraph breaks.
    let mut parts = Vec::new();
    let mut original = String::new();
    for paragraph in text.split("\n\n") {
        for (markup, interpret) in [("<p>", None), ("", Some(paragraph)), ("</p>", Some("\n\n"))] {
            match interpret {
                Some(p) if markup.is_empty() => {
                    parts.push(serde_json::json!({ "text": p }));
                    original.push_str(p);
                }
                Some(i) => {
                    parts.push(serde_json::json!({ "markup": markup, "interpretAs": i }));
                    original.push_str(markup);
                }
                None => {
                    parts.push(serde_json::json!({ "markup": markup }));
                    original.push_str(markup);
                }
            }
        }
    }
    let data = serde_json::json!({ "annotation": parts }).to_string();
    let (status, body) = lt_check(
        &server,
        &[("data", &data), ("language", "ar"), ("date", "2025-11-09")],
    );
    assert_eq!(status, 200, "{body}");
    let matches = lt_matches(&original, &body);
    let name = matches
        .iter()
        .find(|(r, _, _)| r == "name-conflict")
        .expect("a name-conflict");
    assert_eq!(name.1, "فاروق الشرع");
    let number = matches
        .iter()
        .find(|(r, _, _)| r == "number-conflict")
        .expect("a number-conflict");
    assert_eq!(number.1, "يضم أكثر من 80 دولة");
    // LTeX labels its form-encoded body `application/json`; it is read as a form.
    let form = form_urlencoded::Serializer::new(String::new())
        .append_pair("data", &data)
        .append_pair("language", "ar")
        .append_pair("date", "2025-11-09")
        .finish();
    let (status, body) = read(
        agent()
            .post(&server.url("/v2/check"))
            .header("Content-Type", "application/json")
            .send(form.as_str()),
    );
    assert_eq!(status, 200, "{body}");
    let again = lt_matches(&original, &body);
    assert!(again
        .iter()
        .any(|(r, t, _)| r == "name-conflict" && t == "فاروق الشرع"));
    let (status, body) = lt_check(
        &server,
        &[("data", "{\"annotation\": 3}"), ("language", "ar")],
    );
    assert_eq!(status, 400);
    assert!(body.contains("annotated text"), "{body}");
}

#[test]
fn gazetteer_flags() {
    let entities = |args: &[&str]| {
        let server = Server::start(args, &[]);
        let (_, body) = read(agent().get(&server.url("/healthz")).call());
        json(&body)["entities"].as_u64().unwrap()
    };
    assert_eq!(entities(&["--no-default-gazetteer"]), 0);
    let shipped = root().join("gazetteer");
    let from_folder = entities(&[
        "--no-default-gazetteer",
        "--gazetteer",
        shipped.to_str().unwrap(),
    ]);
    assert_eq!(from_folder, entities(&[]));
}

/// A request in flight when SIGTERM arrives is still answered.
#[test]
fn sigterm_waits_for_the_request_in_flight() {
    let mut server = Server::start(&[], &[("TADQIQ_TEST_SLOW_ON", "SLOW-MARKER")]);
    let url = server.url("/v1/check");
    let client = std::thread::spawn(move || {
        read(
            agent()
                .post(&url)
                .header("Content-Type", "application/json")
                .send("{\"text\": \"SLOW-MARKER\"}"),
        )
    });
    // The check sleeps three seconds; stop the server during it.
    std::thread::sleep(Duration::from_millis(800));
    let pid = server.child.id().to_string();
    assert!(Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .expect("kill runs")
        .success());
    let (status, body) = client.join().expect("the client thread");
    assert_eq!(status, 200, "{body}");
    assert_eq!(json(&body)["summary"]["files"], 1);
    let status = server.child.wait().expect("the server ends");
    assert!(status.success(), "{status:?}");
}
