//! The automaton itself, side by side (issue 9): the aho-corasick crate's
//! kinds against daachorse's double arrays (bytewise and charwise), on the
//! same keys and text, one core.
//!
//! `cargo bench --bench automata` (release profile). For each key count in
//! TADQIQ_BENCH_KEYS (default `6000,100000,1000000`) it makes that many
//! synthetic two- and three-word names (Arabic given and family names, a
//! tenth Latin, deterministic), and a text of TADQIQ_BENCH_MB megabytes
//! (default 5) of the fixture drafts, and reports for each automaton:
//! build time, heap size, serialized size and the time to read it back
//! (daachorse only: the aho-corasick crate cannot serialize), and
//! leftmost-longest search throughput with the number of matches (equal
//! match counts show the automata agree). Times are the thread's CPU time
//! (/proc/thread-self/schedstat), not wall clock.

use std::time::Instant;

use aho_corasick::{AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use daachorse::{
    CharwiseDoubleArrayAhoCorasick, CharwiseDoubleArrayAhoCorasickBuilder, DoubleArrayAhoCorasick,
    DoubleArrayAhoCorasickBuilder, MatchKind as DaacKind,
};

/// Seconds this thread has run on a core (Linux: /proc/thread-self/schedstat),
/// so that other work on a shared machine does not count; elsewhere, wall
/// clock since the first call.
fn cpu_s() -> f64 {
    static START: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<f64>().ok())
        .map_or_else(
            || START.get_or_init(Instant::now).elapsed().as_secs_f64(),
            |ns| ns / 1e9,
        )
}

fn env_list(name: &str, default: &str) -> Vec<usize> {
    std::env::var(name)
        .unwrap_or_else(|_| default.to_string())
        .split(',')
        .filter_map(|v| v.trim().replace('_', "").parse().ok())
        .collect()
}

/// A deterministic generator (xorshift).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        list[(self.next() % list.len() as u64) as usize]
    }
}

const GIVEN: [&str; 24] = [
    "محمد",
    "احمد",
    "علي",
    "حسن",
    "حسين",
    "عمر",
    "خالد",
    "يوسف",
    "ابراهيم",
    "مصطفي",
    "محمود",
    "عبد الله",
    "سعيد",
    "طارق",
    "وليد",
    "سامي",
    "فاطمه",
    "مريم",
    "ليلي",
    "هدي",
    "نور",
    "ساره",
    "ريم",
    "سلمي",
];
const LETTERS: [&str; 28] = [
    "ا", "ب", "ت", "ث", "ج", "ح", "خ", "د", "ذ", "ر", "ز", "س", "ش", "ص", "ض", "ط", "ظ", "ع", "غ",
    "ف", "ق", "ك", "ل", "م", "ن", "ه", "و", "ي",
];
const LATIN: [&str; 12] = [
    "mohammed", "ahmed", "ali", "hassan", "omar", "khaled", "youssef", "sara", "layla", "nour",
    "karim", "rami",
];

/// `count` distinct folded names.
fn keys(count: usize) -> Vec<String> {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::with_capacity(count);
    while out.len() < count {
        let latin = rng.next() % 10 == 0;
        let mut family = String::new();
        let len = 3 + rng.next() % 4;
        for _ in 0..len {
            if latin {
                family.push(char::from(b'a' + (rng.next() % 26) as u8));
            } else {
                family.push_str(rng.pick(&LETTERS));
            }
        }
        let name = match (latin, rng.next() % 2) {
            (true, _) => format!("{} {family}", rng.pick(&LATIN)),
            (false, 0) => format!("{} ال{family}", rng.pick(&GIVEN)),
            (false, _) => format!("{} {} {family}", rng.pick(&GIVEN), rng.pick(&GIVEN)),
        };
        if seen.insert(name.clone()) {
            out.push(name);
        }
    }
    out
}

fn corpus(mb: usize) -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let mut drafts: Vec<String> = std::fs::read_dir(dir)
        .expect("tests/fixtures exists")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
        .filter_map(|e| std::fs::read_to_string(e.path()).ok())
        .collect();
    drafts.sort();
    let mut text = String::new();
    while text.len() < mb * 1_000_000 {
        for d in &drafts {
            text.push_str(d);
            text.push_str("\n\n");
        }
    }
    text
}

fn row(
    name: &str,
    build: f64,
    heap: usize,
    serial: Option<(usize, f64)>,
    search: f64,
    hits: usize,
    mb: f64,
) {
    let serial = serial.map_or("-".to_string(), |(bytes, load)| {
        format!("{:.1} MB, read in {:.1} ms", bytes as f64 / 1e6, load * 1e3)
    });
    println!(
        "| {name} | {:.1} ms | {:.1} MB | {serial} | {:.1} MB/s | {hits} |",
        build * 1e3,
        heap as f64 / 1e6,
        mb / search
    );
}

fn main() {
    let mb = env_list("TADQIQ_BENCH_MB", "5")[0];
    let text = corpus(mb);
    let text_mb = text.len() as f64 / 1e6;
    println!(
        "machine: {} cores; text {text_mb:.1} MB",
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    for count in env_list("TADQIQ_BENCH_KEYS", "6000,100000,1000000") {
        let keys = keys(count);
        // Some keys also occur in the text, as a gazetteer's names do.
        let mut text = text.clone();
        for key in keys.iter().step_by((count / 2000).max(1)) {
            text.push_str(key);
            text.push_str(" قال. ");
        }
        println!("\n{count} keys\n");
        println!("| automaton | build | heap | serialized | search | matches |");
        println!("|---|---|---|---|---|---|");
        let mut kinds = vec![
            (
                "aho-corasick contiguous NFA",
                AhoCorasickKind::ContiguousNFA,
            ),
            (
                "aho-corasick noncontiguous NFA",
                AhoCorasickKind::NoncontiguousNFA,
            ),
        ];
        if count <= 20_000 {
            kinds.push(("aho-corasick DFA", AhoCorasickKind::DFA));
        }
        for (name, kind) in kinds {
            let t = cpu_s();
            let ac = AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .kind(Some(kind))
                .build(&keys)
                .expect("builds");
            let build = cpu_s() - t;
            let t = cpu_s();
            let hits = ac.find_iter(&text).count();
            let search = cpu_s() - t;
            row(name, build, ac.memory_usage(), None, search, hits, text_mb);
        }
        {
            let t = cpu_s();
            let da: DoubleArrayAhoCorasick<u32> = DoubleArrayAhoCorasickBuilder::new()
                .match_kind(DaacKind::LeftmostLongest)
                .build(&keys)
                .expect("builds");
            let build = cpu_s() - t;
            let bytes = da.serialize();
            let t = cpu_s();
            let (da, _) = DoubleArrayAhoCorasick::<u32>::deserialize(&bytes).expect("reads back");
            let load = cpu_s() - t;
            let t = cpu_s();
            let hits = da.leftmost_find_iter(&text).count();
            let search = cpu_s() - t;
            row(
                "daachorse bytewise",
                build,
                da.heap_bytes(),
                Some((bytes.len(), load)),
                search,
                hits,
                text_mb,
            );
        }
        {
            let t = cpu_s();
            let da: CharwiseDoubleArrayAhoCorasick<u32> =
                CharwiseDoubleArrayAhoCorasickBuilder::new()
                    .match_kind(DaacKind::LeftmostLongest)
                    .build(&keys)
                    .expect("builds");
            let build = cpu_s() - t;
            let bytes = da.serialize();
            let t = cpu_s();
            let (da, _) =
                CharwiseDoubleArrayAhoCorasick::<u32>::deserialize(&bytes).expect("reads back");
            let load = cpu_s() - t;
            let t = cpu_s();
            let hits = da.leftmost_find_iter(&text).count();
            let search = cpu_s() - t;
            row(
                "daachorse charwise",
                build,
                da.heap_bytes(),
                Some((bytes.len(), load)),
                search,
                hits,
                text_mb,
            );
        }
    }
}
