//! A short, deterministic fuzz run on stable Rust: inputs generated from the
//! fixtures by a fixed xorshift generator (bit flips, inserted Arabic
//! letters, clitics, digits, quote marks and control characters, deleted and
//! duplicated ranges, splices of two seeds) go through the same entry points
//! as the cargo-fuzz targets in `fuzz/` (`tadqiq::fuzzing`). Each entry point
//! runs up to `MAX_INPUTS` inputs within a time budget that keeps `cargo
//! test` fast; an input that panics or hangs fails the test and is printed
//! as a Rust byte string to paste into a regression test.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tadqiq::fuzzing;

/// Inputs per entry point, at most.
const MAX_INPUTS: usize = 3_000;
/// Time per entry point; the run stops at whichever comes first.
const BUDGET: Duration = Duration::from_millis(2_500);
/// Every run covers at least this many inputs (the seeds, then mutations),
/// however long they take: a slow or loaded machine runs the same inputs,
/// only later. Beyond them, inputs run while the budget lasts.
const MIN_INPUTS: usize = 100;
/// One input taking longer than this is a hang.
const HANG: Duration = Duration::from_secs(20);
/// Drafts are cut to windows of at most this many bytes before mutation, so
/// that thousands of runs fit in the budget of a debug build.
const WINDOW: usize = 400;

/// Bits of text that make inputs interesting for an Arabic-first checker.
const TOKENS: &[&str] = &[
    "ا",
    "أ",
    "إ",
    "آ",
    "ى",
    "ي",
    "ة",
    "ه",
    "ء",
    "ئ",
    "ؤ",
    "ـ",
    "\u{064B}",
    "\u{0651}",
    "و",
    "ب",
    "ل",
    "ال",
    "وال",
    "بال",
    "لل",
    "ف",
    "ك",
    "س",
    "الشرع",
    "ترامب",
    "سوريا",
    "التحالف",
    "يضم",
    "دولة",
    "أكثر من",
    "نحو",
    "بين",
    "عام",
    "تشكّل",
    "أكتوبر/تشرين الثاني",
    "الماضي",
    "قال",
    "قائلاً:",
    "لن",
    "ليس",
    "0",
    "7",
    "89",
    "٨٩",
    "۱",
    "2014",
    "-1",
    "1e308",
    "18446744073709551616",
    "«",
    "»",
    "“",
    "”",
    "\"",
    "'",
    "`",
    "\n",
    "\r",
    "\r\n",
    "\n\n",
    "\t",
    " ",
    "\u{0}",
    "\u{1b}[31m",
    "\u{7}",
    "\u{202E}",
    "\u{2067}",
    "\u{200F}",
    "\u{200D}",
    "\u{FEFF}",
    "\u{FFFD}",
    "إقرأ أيضاً:",
    "Read more:",
    "---\ndate: 2025-11-09\n---\n",
    "<!-- tadqiq-ignore all: x -->",
    "# tadqiq-ignore number-conflict: checked\n",
    "#",
    "*",
    "[",
    "]",
    "(",
    ")",
    "{",
    "}",
    ": ",
    "- ",
    "? ",
    "&a ",
    "*a",
    "!!str ",
    "|\n",
    ">\n",
    "~",
    "null",
    "\"\"",
    "''",
    "Ahmed al-Sharaa",
    "President",
    "said",
    "not",
    "includes",
    "countries",
    "formed in",
    "December 8, 2024",
];

/// xorshift64*: small, fast, and the same sequence everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

/// One generated input: a window of a seed, mutated one to six times.
fn mutate(rng: &mut Rng, seeds: &[Vec<u8>]) -> Vec<u8> {
    let seed = &seeds[rng.below(seeds.len())];
    let start = if seed.len() > WINDOW {
        rng.below(seed.len() - WINDOW)
    } else {
        0
    };
    let mut data = seed[start..(start + WINDOW).min(seed.len())].to_vec();
    for _ in 0..=rng.below(6) {
        let at = rng.below(data.len() + 1);
        match rng.below(6) {
            0 if !data.is_empty() => {
                let i = rng.below(data.len());
                data[i] ^= 1 << rng.below(8);
            }
            1 | 2 => {
                let token = TOKENS[rng.below(TOKENS.len())].as_bytes();
                data.splice(at..at, token.iter().copied());
            }
            3 => {
                let end = (at + rng.below(40)).min(data.len());
                data.drain(at..end);
            }
            4 => {
                let other = &seeds[rng.below(seeds.len())];
                let from = rng.below(other.len());
                let to = (from + rng.below(200)).min(other.len());
                data.splice(at..at, other[from..to].iter().copied());
            }
            _ => {
                let end = (at + rng.below(80)).min(data.len());
                let copy = data[at..end].to_vec();
                data.splice(at..at, copy);
            }
        }
    }
    data
}

/// Runs `entry` on the seeds themselves, then on generated inputs, on a
/// worker thread watched for hangs. Returns how many inputs ran.
fn smoke(name: &str, seed: u64, seeds: Vec<Vec<u8>>, prefix: bool, entry: fn(&[u8])) -> usize {
    assert!(!seeds.is_empty(), "{name}: no seeds");
    let current: Arc<Mutex<Vec<u8>>> = Arc::new(Mutex::new(Vec::new()));
    let done = Arc::new(AtomicUsize::new(0));
    let worker = {
        let (current, done) = (Arc::clone(&current), Arc::clone(&done));
        std::thread::spawn(move || {
            let mut rng = Rng(seed);
            // The seeds first (cut to windows, like every input), the first
            // one before the clock starts: it builds what the entry point
            // caches (the embedded gazetteer's checkers).
            let mut inputs: Vec<Vec<u8>> = seeds
                .iter()
                .rev()
                .map(|s| {
                    // Every format, tag and check, determinism: the seeds run everything.
                    let mut v = if prefix { vec![0xF0u8] } else { Vec::new() };
                    v.extend_from_slice(&s[..s.len().min(WINDOW)]);
                    v
                })
                .collect();
            if let Some(first) = inputs.pop() {
                *current.lock().unwrap_or_else(|e| e.into_inner()) = first.clone();
                entry(&first);
            }
            let started = Instant::now();
            let mut ran = 1;
            while ran < MAX_INPUTS && (ran < MIN_INPUTS || started.elapsed() < BUDGET) {
                let data = match inputs.pop() {
                    Some(d) => d,
                    None => {
                        let mut d = if prefix {
                            vec![rng.next() as u8]
                        } else {
                            Vec::new()
                        };
                        d.extend(mutate(&mut rng, &seeds));
                        d
                    }
                };
                *current.lock().unwrap_or_else(|e| e.into_inner()) = data.clone();
                entry(&data);
                ran += 1;
                done.store(ran, Ordering::Relaxed);
            }
            ran
        })
    };
    // A hang is one input that makes no progress for HANG (the first one,
    // which builds the checkers, gets twice that).
    let mut last = (0, Instant::now() + HANG);
    while !worker.is_finished() {
        let now_done = done.load(Ordering::Relaxed);
        if now_done != last.0 {
            last = (now_done, Instant::now());
        } else if last.1.elapsed() > HANG {
            let input = current.lock().unwrap_or_else(|e| e.into_inner()).clone();
            panic!(
                "{name}: input #{} hangs: b\"{}\"",
                now_done,
                input.escape_ascii()
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    match worker.join() {
        Ok(ran) => ran,
        Err(_) => {
            let input = current.lock().unwrap_or_else(|e| e.into_inner()).clone();
            panic!(
                "{name}: input #{} panics: b\"{}\"",
                done.load(Ordering::Relaxed),
                input.escape_ascii()
            );
        }
    }
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every file under `dir` whose name ends in one of `exts`, sorted.
fn files(dir: &Path, exts: &[&str]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if exts
                .iter()
                .any(|x| p.to_string_lossy().ends_with(&format!(".{x}")))
            {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

fn draft_seeds() -> Vec<Vec<u8>> {
    files(&root().join("tests/fixtures"), &["txt", "md"])
        .iter()
        .filter(|p| !p.ends_with("README.md"))
        .filter_map(|p| std::fs::read(p).ok())
        .collect()
}

fn check_ran(name: &str, ran: usize) {
    eprintln!("{name}: {ran} inputs");
    assert!(ran >= MIN_INPUTS, "{name}: only {ran} inputs ran");
}

#[test]
fn draft_pipeline() {
    let ran = smoke(
        "draft",
        0x7A6D_1C2B_0001,
        draft_seeds(),
        true,
        fuzzing::draft,
    );
    check_ran("draft", ran);
}

#[test]
fn gazetteer_loader() {
    // Each shipped entry on its own, so that mutations of small, valid files
    // reach the validator and the tagger, not only the YAML parser.
    let mut seeds: Vec<Vec<u8>> = Vec::new();
    for path in files(&root().join("gazetteer"), &["yaml"]) {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        let kind: u8 = match name.as_deref() {
            Some(n) if n.starts_with("people") => 0,
            Some(n) if n.starts_with("places") => 1,
            _ => 2,
        };
        for entry in text.split("\n- ").skip(1).take(40) {
            let mut seed = vec![kind];
            seed.extend_from_slice(b"- ");
            seed.extend_from_slice(entry.as_bytes());
            seeds.push(seed);
        }
    }
    // A file that loads (no references to other files) and one duplicate id.
    seeds.push(b"\x01- id: atlantis\n  names: {ar: [\xd8\xa3\xd8\xb7\xd9\x84\xd9\x86\xd8\xaa\xd8\xb3], en: [Atlantis]}\n  source: https://example.org/\n".to_vec());
    seeds.push(b"\x00- id: a\n  names: {en: [A B]}\n- id: a\n  names: {en: [A B]}\n".to_vec());
    let ran = smoke(
        "gazetteer",
        0x7A6D_1C2B_0002,
        seeds,
        false,
        fuzzing::gazetteer,
    );
    check_ran("gazetteer", ran);
}

#[test]
fn config_parser() {
    let seeds: Vec<Vec<u8>> = [
        "",
        "# only a comment\n",
        "fail-on: warning\nrules:\n  quote-drift: off\n  number-conflict: warning\n",
        "gazetteers: [newsroom/gazetteer]\ndefault-gazetteer: false\ndisable-entities: [farouk-al-sharaa]\n",
        "prefer:\n  entities: {ahmed-al-sharaa: أحمد الشرع}\n  words:\n    - [أمريكي, أميركي]\n",
        "sections:\n  appended: [إقرأ أيضاً, Read more]\n  boilerplate: [جميع الحقوق محفوظة]\n",
        "include: [\"drafts/**/*.md\", \"*.txt\"]\nexclude: [\"drafts/old/**\"]\n",
        "rules: {name-conflict: error, suppression: off, all: info}\n",
        "fail-on: [1]\nrules: 5\n",
    ]
    .iter()
    .map(|s| s.as_bytes().to_vec())
    .collect();
    let ran = smoke("config", 0x7A6D_1C2B_0003, seeds, false, fuzzing::config);
    check_ran("config", ran);
}

#[test]
fn baseline_reader() {
    // Real baselines: one per fixture, as `tadqiq baseline` writes them.
    let checker = tadqiq::CheckerBuilder::new()
        .build()
        .expect("the embedded gazetteer is valid");
    let mut seeds: Vec<Vec<u8>> = Vec::new();
    for (i, text) in draft_seeds().iter().enumerate() {
        let text = String::from_utf8_lossy(text);
        let file = checker.run(
            &format!("drafts/{i}.txt"),
            &text,
            tadqiq::Format::Plain,
            tadqiq::Mode::Check,
        );
        let report = tadqiq::Report { files: vec![file] };
        seeds.push(
            tadqiq::Baseline::from_report(&report)
                .to_json()
                .into_bytes(),
        );
    }
    seeds.push(b"{\"version\": 1, \"findings\": []}".to_vec());
    let ran = smoke(
        "baseline",
        0x7A6D_1C2B_0004,
        seeds,
        false,
        fuzzing::baseline,
    );
    check_ran("baseline", ran);
}

/// The generator is deterministic: the same seed gives the same inputs.
#[test]
fn generator_is_deterministic() {
    let seeds = draft_seeds();
    let run = |s| {
        let mut rng = Rng(s);
        (0..50)
            .map(|_| mutate(&mut rng, &seeds))
            .collect::<Vec<_>>()
    };
    assert_eq!(run(1), run(1));
    assert_ne!(run(1), run(2));
}
