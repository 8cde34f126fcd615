//! Tagging throughput against the aho-corasick crate alone (DESIGN.md §8).
//!
//! `cargo bench --bench tag` (release profile). Builds a synthetic gazetteer
//! of ALIASES people on top of the embedded one, a corpus of CORPUS_MB
//! megabytes made of the fixture drafts, then reports:
//! - build time and peak memory of the compiled gazetteer,
//! - `tadqiq tag` throughput (fold + segment + automaton + clitic rules + resolve),
//! - the bare automaton (leftmost-longest, no folding, no boundary checks) on the
//!   same folded keys and raw text, as the reference the design compares to;
//! - both again over the same text taken as the drafts it is made of, one
//!   `run` per draft, as a newsroom checks them.
//!
//! Times are the thread's CPU time (/proc/thread-self/schedstat), so a
//! loaded machine slows both columns alike and the ratio holds.
//!
//! Environment: TADQIQ_BENCH_ALIASES (default 1_000_000), TADQIQ_BENCH_MB (default 15),
//! TADQIQ_BENCH_FILE (a draft to repeat instead of the fixtures), TADQIQ_BENCH_ROUNDS
//! (default 5: tag and bare search alternate, median and best of each reported).

use std::time::Instant;

use aho_corasick::{AhoCorasickBuilder, MatchKind};
use tadqiq::gazetteer::{EntityKind, Gazetteer};
use tadqiq::{CheckerBuilder, Format, Mode};

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

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.replace('_', "").parse().ok())
        .unwrap_or(default)
}

/// Peak resident memory of this process in MiB (Linux only).
fn peak_rss_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

/// A deterministic pseudo-random name: two Arabic words of 3–6 letters.
fn synthetic_name(mut n: u64) -> String {
    const LETTERS: [char; 28] = [
        'ا', 'ب', 'ت', 'ث', 'ج', 'ح', 'خ', 'د', 'ذ', 'ر', 'ز', 'س', 'ش', 'ص', 'ض', 'ط', 'ظ', 'ع',
        'غ', 'ف', 'ق', 'ك', 'ل', 'م', 'ن', 'ه', 'و', 'ي',
    ];
    let mut next = || {
        n ^= n << 13;
        n ^= n >> 7;
        n ^= n << 17;
        n
    };
    let mut word = |out: &mut String| {
        let len = 3 + (next() % 4) as usize;
        for _ in 0..len {
            out.push(LETTERS[(next() % 28) as usize]);
        }
    };
    let mut s = String::new();
    word(&mut s);
    s.push(' ');
    word(&mut s);
    s
}

fn main() {
    let aliases = env_usize("TADQIQ_BENCH_ALIASES", 1_000_000);
    let corpus_mb = env_usize("TADQIQ_BENCH_MB", 15);

    // Corpus: the fixture drafts repeated to the wanted size.
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let mut drafts: Vec<String> = std::fs::read_dir(dir)
        .expect("tests/fixtures exists")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
        .filter_map(|e| std::fs::read_to_string(e.path()).ok())
        .collect();
    drafts.sort();
    if let Some(file) = std::env::var_os("TADQIQ_BENCH_FILE") {
        drafts = vec![std::fs::read_to_string(file).expect("TADQIQ_BENCH_FILE is a UTF-8 draft")];
    }
    let mut corpus = String::new();
    // The same text as the drafts it is made of, in order: what a newsroom
    // checks, one draft at a time.
    let mut pieces: Vec<&str> = Vec::new();
    while corpus.len() < corpus_mb * 1_000_000 {
        for d in &drafts {
            corpus.push_str(d);
            corpus.push_str("\n\n");
            pieces.push(d);
        }
    }

    // Gazetteer: the embedded one plus `aliases` synthetic people.
    let mut yaml = String::with_capacity(aliases * 64);
    for i in 0..aliases {
        yaml.push_str(&format!(
            "- id: p{i}\n  names: {{ar: [{}]}}\n  disambiguate: synthetic\n  source: bench\n",
            synthetic_name(i as u64 * 2_654_435_761 + 1)
        ));
    }
    let t = cpu_s();
    let shipped = |name: &str| {
        std::fs::read_to_string(format!("{}/gazetteer/{name}", env!("CARGO_MANIFEST_DIR")))
            .expect("shipped gazetteer is readable")
    };
    let (people, places, orgs) = (
        shipped("people.yaml"),
        shipped("places.yaml"),
        shipped("organizations.yaml"),
    );
    // The countries and capitals the hand-made files refer to.
    let (countries, capitals) = (
        shipped("generated/places-countries.yaml"),
        shipped("generated/places-capitals.yaml"),
    );
    let synthetic = Gazetteer::from_yaml(&[
        (EntityKind::Person, "gazetteer/people.yaml", &people),
        (EntityKind::Place, "gazetteer/places.yaml", &places),
        (
            EntityKind::Place,
            "gazetteer/generated/places-countries.yaml",
            &countries,
        ),
        (
            EntityKind::Place,
            "gazetteer/generated/places-capitals.yaml",
            &capitals,
        ),
        (
            EntityKind::Organization,
            "gazetteer/organizations.yaml",
            &orgs,
        ),
        (EntityKind::Person, "bench/people.yaml", &yaml),
    ])
    .expect("synthetic gazetteer is valid");
    let parse_s = cpu_s() - t;
    drop(yaml);
    let t = cpu_s();
    let checker = CheckerBuilder::new().build_with(std::sync::Arc::new(synthetic));
    let build_s = cpu_s() - t;
    let rss_after_build = peak_rss_mib();

    // The bare automaton over the same names, no folding or checks.
    let names: Vec<String> = checker
        .gazetteer()
        .entities()
        .iter()
        .flat_map(|e| e.names.all().map(str::to_string).collect::<Vec<_>>())
        .collect();
    let t = cpu_s();
    let bare = AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .build(&names)
        .expect("automaton builds");
    let bare_build_s = cpu_s() - t;
    let mb = corpus.len() as f64 / 1e6;

    // Side by side, ROUNDS times: tadqiq tag on the whole corpus as one
    // draft, then the bare search over the same text. The first round also
    // pays for what the checker builds on first use and for the first touch
    // of the corpus; the host's noise moves single rounds, so every round is
    // printed with its ratio, then the median and best of each column.
    let rounds = env_usize("TADQIQ_BENCH_ROUNDS", 5).max(1);
    let (mut tag_times, mut bare_times) = (Vec::new(), Vec::new());
    let (mut draft_tag_times, mut draft_bare_times) = (Vec::new(), Vec::new());
    let (mut mentions, mut bare_hits) = (0, 0);
    let (mut draft_mentions, mut draft_bare_hits) = (0, 0);
    let mut per_round = Vec::new();
    for _ in 0..rounds {
        // The drafts one by one, then the bare search over each of them.
        let t = cpu_s();
        draft_mentions = pieces
            .iter()
            .map(|d| {
                checker
                    .run("draft.txt", d, Format::Plain, Mode::Tag)
                    .mentions
                    .len()
            })
            .sum::<usize>();
        draft_tag_times.push(cpu_s() - t);
        let t = cpu_s();
        draft_bare_hits = pieces
            .iter()
            .map(|d| bare.find_iter(d).count())
            .sum::<usize>();
        draft_bare_times.push(cpu_s() - t);

        let t = cpu_s();
        let report = checker.run("corpus.txt", &corpus, Format::Plain, Mode::Tag);
        let tag_s = cpu_s() - t;
        mentions = report.mentions.len();
        drop(report);
        let t = cpu_s();
        bare_hits = bare.find_iter(&corpus).count();
        let bare_s = cpu_s() - t;
        per_round.push(format!(
            "{:.1} / {:.1} MB/s = {:.2}x",
            mb / tag_s,
            mb / bare_s,
            bare_s / tag_s
        ));
        tag_times.push(tag_s);
        bare_times.push(bare_s);
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let (tag_s, bare_s) = (median(&mut tag_times), median(&mut bare_times));
    let (tag_best, bare_best) = (tag_times[0], bare_times[0]);

    println!("times are CPU time of this thread (other work on the machine does not count)");
    println!(
        "machine: {} cores",
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    println!(
        "corpus: {mb:.1} MB of Arabic/English fixture drafts; gazetteer: {aliases} synthetic names"
    );
    println!("gazetteer parse+validate: {parse_s:.2} s; automaton build: {build_s:.2} s; peak RSS after build: {rss_after_build:.0} MiB");
    println!(
        "rounds (tadqiq tag / aho-corasick alone = ratio): {}",
        per_round.join("; ")
    );
    println!(
        "tadqiq tag: median {tag_s:.2} s = {:.1} MB/s, best {tag_best:.2} s = {:.1} MB/s, {mentions} mentions",
        mb / tag_s,
        mb / tag_best
    );
    println!(
        "aho-corasick alone: build {bare_build_s:.2} s, search median {bare_s:.2} s = {:.1} MB/s, best {bare_best:.2} s = {:.1} MB/s, {bare_hits} raw matches",
        mb / bare_s,
        mb / bare_best
    );
    println!(
        "ratio: {:.2}x of medians, {:.2}x of bests",
        bare_s / tag_s,
        bare_best / tag_best
    );
    let (draft_tag_s, draft_bare_s) = (median(&mut draft_tag_times), median(&mut draft_bare_times));
    println!(
        "as {} separate drafts: tadqiq tag median {draft_tag_s:.2} s = {:.1} MB/s, {draft_mentions} mentions; aho-corasick alone median {draft_bare_s:.2} s = {:.1} MB/s, {draft_bare_hits} raw matches; ratio {:.2}x of medians",
        pieces.len(),
        mb / draft_tag_s,
        mb / draft_bare_s,
        draft_bare_s / draft_tag_s
    );
    println!("peak RSS: {:.0} MiB", peak_rss_mib());
}
