//! `--format html`: one self-contained page for editors. A summary by
//! severity and by rule, then per file a table of contents, the findings
//! (each with a stable anchor, its excerpt with the match marked, related
//! spans and notes), the whole draft with every finding marked in place and
//! linked to its explanation, and the mentions when asked for. Filters by
//! severity and rule are a few lines of inline script; without script the
//! page reads the same, unfiltered. No fonts or files from the network.
//!
//! The draft's text is always escaped (markup as entities, control and
//! bidi characters shown as `<U+202E>`). English messages read left to
//! right with each Arabic phrase isolated whole; excerpts and draft lines
//! take the direction of their own text (`dir="auto"`).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{self, Write};

use super::{excerpt_parts, visible, HumanOptions, Report, TOOL_NAME, TOOL_VERSION};
use crate::checker::FileReport;
use crate::finding::{Finding, Severity};

const EXCERPT_WIDTH: usize = 60;

/// System fonts only: a proportional stack for Latin and Arabic alike, so
/// Arabic is never set in a monospace face that spreads its letters.
const STYLE: &str = "\
:root{--err:#b00020;--warn:#8a5a00;--info:#0550ae;--err-bg:#ffd9dc;--warn-bg:#ffefb3;--info-bg:#dcebff}\
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans','Noto Sans Arabic','Noto Naskh Arabic',Tahoma,'DejaVu Sans',Arial,sans-serif;max-width:64rem;margin:2rem auto;padding:0 1rem;line-height:1.6;color:#1f2328}\
h1{font-size:1.5rem}h2{font-size:1.2rem;border-bottom:1px solid #ccc;margin-top:2.5rem}h3{font-size:1rem;margin-bottom:.3rem}\
a{color:#0550ae}\
.findings>li{margin-bottom:1.2rem;scroll-margin-top:1rem}.findings>li:target{outline:2px solid #0550ae;outline-offset:4px}\
.severity{font-weight:bold}.error .severity,.sev-error{color:var(--err)}.warning .severity,.sev-warning{color:var(--warn)}.info .severity,.sev-info{color:var(--info)}\
.rule,code{font-family:ui-monospace,'DejaVu Sans Mono',monospace;font-size:.9em}.where{font-variant-numeric:tabular-nums}\
blockquote{margin:.3rem 0;padding:.3rem .6rem;background:#f6f8fa;border-inline-start:3px solid #ccc}\
mark{background:#ffe08a}.notes,.also{font-size:.92rem;color:#444}.notes li,.also li{margin:0}\
.note{white-space:pre-wrap}\
table{border-collapse:collapse}td,th{padding:.2rem .5rem;border-bottom:1px solid #eee;text-align:start;vertical-align:top}\
.summary td.n{text-align:end;font-variant-numeric:tabular-nums}.summary a{margin-inline-end:.4rem}\
#filters{margin:1rem 0;padding:.5rem .8rem;border:1px solid #ddd;border-radius:4px}#filters fieldset{border:0;margin:0;padding:.2rem 0}#filters legend{font-weight:bold;float:inline-start;margin-inline-end:.8rem}#filters label{margin-inline-end:1rem;white-space:nowrap}\
.toc{font-size:.92rem}.toc ol{margin:.2rem 0}\
.draft{border:1px solid #ddd;border-radius:4px;padding:.5rem 1rem;font-size:1.05rem;line-height:2}\
.draft .ln{margin:0}.draft .ln:has(>br:only-child){line-height:.8}\
.hl{color:inherit;text-decoration:none;border-bottom:2px solid;border-radius:2px;padding:0 1px}\
.hl.sev-error{background:var(--err-bg);border-color:var(--err)}.hl.sev-warning{background:var(--warn-bg);border-color:var(--warn)}.hl.sev-info{background:var(--info-bg);border-color:var(--info)}\
.hl.rel{background:transparent;border-bottom-style:dashed}.hl.off{background:transparent;border-color:transparent}\
.hl:focus{outline:2px solid #0550ae}\
.mention{text-decoration:underline dotted #666;text-underline-offset:.3em}\
[hidden]{display:none!important}";

/// Unhides the filter form and applies it: a finding (its list item, its
/// entry in the table of contents) is hidden when its severity or its rule
/// is unticked; its marks in the draft lose their colour when every
/// finding they belong to is hidden.
const SCRIPT: &str = "(function(){\
var form=document.getElementById('filters');if(!form)return;form.hidden=false;\
function apply(){var off={};\
form.querySelectorAll('input').forEach(function(i){if(!i.checked)off[i.name+'\\u0000'+i.value]=true;});\
var shown={};\
document.querySelectorAll('[data-finding]').forEach(function(e){\
var hide=!!(off['severity\\u0000'+e.dataset.severity]||off['rule\\u0000'+e.dataset.rule]);\
e.hidden=hide;if(!hide&&e.classList.contains('finding'))shown[e.dataset.finding]=true;});\
document.querySelectorAll('.hl').forEach(function(m){\
var on=m.dataset.findings.split(' ').some(function(id){return shown[id];});\
m.classList.toggle('off',!on);});}\
form.addEventListener('change',apply);apply();})();";

/// Escapes text for HTML element content and attribute values: markup
/// characters as entities, and first [`visible`] (control and bidi
/// characters as `<U+202E>`, line breaks as spaces), so no character of a
/// draft or a path can reorder the page around it.
fn escape(text: &str) -> String {
    escape_markup(&visible(text))
}

fn escape_markup(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

fn escape_chars(chars: &[char]) -> String {
    escape_markup(&chars.iter().collect::<String>())
}

fn is_rtl(c: char) -> bool {
    matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

/// A character that sets left-to-right direction: a letter outside the
/// right-to-left scripts. Digits, spaces and punctuation set none.
fn is_ltr(c: char) -> bool {
    c.is_alphabetic() && !is_rtl(c)
}

/// The opening bracket of a closing one, and the other way round.
fn bracket_pair(c: char) -> Option<(char, bool)> {
    match c {
        '(' => Some((')', true)),
        '[' => Some((']', true)),
        '{' => Some(('}', true)),
        ')' => Some(('(', false)),
        ']' => Some(('[', false)),
        '}' => Some(('{', false)),
        _ => None,
    }
}

/// Escapes an English sentence that quotes Arabic, isolating each phrase
/// of right-to-left text whole in one `<bdi>`: from its first right-to-left
/// letter to its last, with the spaces, digits and punctuation between
/// them ("اعتقال 34 شخصاً" stays one phrase, in its order), and the
/// brackets it opens and closes itself ("الدولة الإسلامية (داعش)").
///
/// A phrase never reaches across a Latin letter, an ASCII double quote (the
/// quotes of the English sentence: `"دونالد ترامب": "أحمد الشرع"` is two
/// phrases) or a bracket that the English around it opened or closes
/// (`أميركي (أمريكي 2× vs أميركي 4×)`), so the sentence's own punctuation,
/// numbers and brackets keep their place.
fn escape_mixed(text: &str) -> String {
    let text = visible(text);
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 32);
    let mut i = 0;
    while i < chars.len() {
        // A stretch without Latin letters that holds right-to-left text.
        let Some(first) = (i..chars.len()).find(|&k| is_rtl(chars[k])) else {
            out.push_str(&escape_chars(&chars[i..]));
            break;
        };
        let mut from = first;
        while from > i && !is_ltr(chars[from - 1]) {
            from -= 1;
        }
        let mut to = first;
        while to < chars.len() && !is_ltr(chars[to]) {
            to += 1;
        }
        out.push_str(&escape_chars(&chars[i..from]));
        for (piece_start, piece_end, isolate) in phrases(&chars, from, to) {
            let piece = escape_chars(&chars[piece_start..piece_end]);
            if isolate {
                out.push_str("<bdi>");
                out.push_str(&piece);
                out.push_str("</bdi>");
            } else {
                out.push_str(&piece);
            }
        }
        i = to;
    }
    out
}

/// Cuts `chars[from..to]` (no Latin letters) into pieces that together
/// cover it: the right-to-left phrases (`true`) and what lies between them.
fn phrases(chars: &[char], from: usize, to: usize) -> Vec<(usize, usize, bool)> {
    // Pair the brackets of each stretch between ASCII double quotes; a
    // quote or an unpaired bracket separates phrases.
    let mut partner: Vec<Option<usize>> = vec![None; to - from];
    let mut separator = vec![false; to - from];
    let mut stack: Vec<usize> = Vec::new();
    for k in from..to {
        let c = chars[k];
        if c == '"' {
            separator[k - from] = true;
            stack.clear();
            continue;
        }
        match bracket_pair(c) {
            Some((_, true)) => stack.push(k),
            Some((opener, false)) => match stack.last() {
                Some(&open) if chars[open] == opener => {
                    stack.pop();
                    partner[open - from] = Some(k);
                    partner[k - from] = Some(open);
                }
                _ => {}
            },
            None => {}
        }
    }
    for k in from..to {
        if bracket_pair(chars[k]).is_some() && partner[k - from].is_none() {
            separator[k - from] = true;
        }
    }
    let mut pieces = Vec::new();
    let mut done = from;
    let mut k = from;
    while k < to {
        if separator[k - from] {
            k += 1;
            continue;
        }
        let mut end = k;
        while end < to && !separator[end - from] {
            end += 1;
        }
        // Trim what is not part of the phrase: leading and trailing
        // neutrals, except a bracket whose partner is inside.
        let keeps =
            |p: usize| is_rtl(chars[p]) || partner[p - from].is_some_and(|q| (k..end).contains(&q));
        if let Some(s) = (k..end).find(|&p| keeps(p)) {
            let e = (k..end).rev().find(|&p| keeps(p)).unwrap_or(s) + 1;
            if (s..e).any(|p| is_rtl(chars[p])) {
                if done < s {
                    pieces.push((done, s, false));
                }
                pieces.push((s, e, true));
                done = e;
            }
        }
        k = end;
    }
    if done < to {
        pieces.push((done, to, false));
    }
    pieces
}

/// The anchor of every finding of every file: the file's number, the rule
/// and the primary span's line and column (`f1-name-conflict-24-155`), so
/// an anchor stays put when findings are added elsewhere; a second finding
/// of the same rule at the same place gets `-2`.
fn finding_ids(report: &Report) -> Vec<Vec<String>> {
    report
        .files
        .iter()
        .enumerate()
        .map(|(n, file)| {
            let mut seen: BTreeMap<String, usize> = BTreeMap::new();
            file.findings
                .iter()
                .map(|f| {
                    let (line, col) = f.primary().map_or((0, 0), |p| (p.line, p.column));
                    let base = format!("f{}-{}-{line}-{col}", n + 1, f.rule);
                    let count = seen.entry(base.clone()).or_insert(0);
                    *count += 1;
                    if *count == 1 {
                        base
                    } else {
                        format!("{base}-{count}")
                    }
                })
                .collect()
        })
        .collect()
}

fn quote_block(file: &FileReport, start: usize, end: usize) -> String {
    let parts = excerpt_parts(&file.text, start, end, EXCERPT_WIDTH);
    format!(
        "<blockquote dir=\"auto\">{}{}<mark>{}</mark>{}{}</blockquote>",
        if parts.cut_before { "…" } else { "" },
        escape(&parts.before),
        escape(&parts.matched),
        escape(parts.after.trim_end()),
        if parts.cut_after { "…" } else { "" },
    )
}

fn data_attrs(f: &Finding, id: &str) -> String {
    format!(
        "data-finding=\"{id}\" data-severity=\"{}\" data-rule=\"{}\"",
        f.severity.as_str(),
        f.rule
    )
}

fn finding_item(file: &FileReport, f: &Finding, id: &str, draft: bool) -> String {
    let mut item = String::new();
    let Some(primary) = f.primary() else {
        return item;
    };
    let in_draft = if draft {
        format!(" <a href=\"#d-{id}-0\">in the draft</a>")
    } else {
        String::new()
    };
    let _ = write!(
        item,
        "<li id=\"{id}\" class=\"finding {sev}\" {data}><p dir=\"ltr\"><span class=\"severity\">{sev}</span> <span class=\"rule\">{rule}</span> <span class=\"where\"><bdi>{path}</bdi>:{line}:{col}</span> ({section}){in_draft} <a href=\"#{id}\" title=\"link to this finding\">#</a></p>\n<p dir=\"ltr\">{message}</p>\n{quote}\n",
        sev = f.severity.as_str(),
        data = data_attrs(f, id),
        rule = f.rule,
        path = escape(&file.path),
        line = primary.line,
        col = primary.column,
        section = primary.section.as_str(),
        message = escape_mixed(&f.message),
        quote = quote_block(file, primary.start, primary.end),
    );
    if f.spans.len() > 1 {
        item.push_str("<ul class=\"also\">\n");
        for (k, span) in f.spans.iter().enumerate().skip(1) {
            let place = format!(
                "<span class=\"where\"><bdi>{}</bdi>:{}:{}</span>",
                escape(span.path.as_deref().unwrap_or(&file.path)),
                span.line,
                span.column
            );
            // A span in the other file of a comparison has no mark here.
            let place = if draft && span.path.is_none() {
                format!("<a href=\"#d-{id}-{k}\">{place}</a>")
            } else {
                place
            };
            let _ = writeln!(
                item,
                "<li dir=\"ltr\">also {place} (<bdi>{}</bdi>, {})</li>",
                escape(&span.text),
                span.section.as_str()
            );
        }
        item.push_str("</ul>\n");
    }
    if !f.notes.is_empty() {
        item.push_str("<ul class=\"notes\">\n");
        for note in &f.notes {
            let _ = writeln!(
                item,
                "<li dir=\"ltr\" class=\"note\">{}</li>",
                note.split('\n')
                    .map(|line| escape_mixed(line.strip_suffix('\r').unwrap_or(line)))
                    .collect::<Vec<_>>()
                    .join("\n")
            );
        }
        item.push_str("</ul>\n");
    }
    item.push_str("</li>\n");
    item
}

/// A marked stretch of the draft: one span of one finding (`index` in the
/// file's findings, `span` in its spans) or a mention.
struct Mark {
    start: usize,
    end: usize,
    finding: Option<(usize, usize)>,
}

fn floor_char(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The whole draft, one block per line (each takes the direction of its
/// own text), every span of every finding marked in place and linked to
/// the finding's explanation, mentions underlined when `mentions` is set.
/// Where marks overlap, the text between two boundaries is linked to its
/// most serious finding and carries the ids of all.
fn draft_view(file: &FileReport, ids: &[String], mentions: bool) -> String {
    let text = &file.text;
    let mut marks: Vec<Mark> = Vec::new();
    for (n, f) in file.findings.iter().enumerate() {
        for (k, span) in f.spans.iter().enumerate() {
            marks.push(Mark {
                start: floor_char(text, span.start),
                end: floor_char(text, span.end.max(span.start)),
                finding: Some((n, k)),
            });
        }
    }
    if mentions {
        for m in &file.mentions {
            marks.push(Mark {
                start: floor_char(text, m.start),
                end: floor_char(text, m.end.max(m.start)),
                finding: None,
            });
        }
    }
    // Every place a mark starts or ends, and every line break.
    let mut cuts: Vec<usize> = marks.iter().flat_map(|m| [m.start, m.end]).collect();
    cuts.extend(text.match_indices('\n').flat_map(|(i, _)| [i, i + 1]));
    cuts.push(0);
    cuts.push(text.len());
    cuts.sort_unstable();
    cuts.dedup();
    // Anchors for each span's start, in finding order.
    let mut anchors: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    for m in &marks {
        if let Some((n, k)) = m.finding {
            anchors
                .entry(m.start)
                .or_default()
                .push(format!("d-{}-{k}", ids[n]));
        }
    }

    marks.retain(|m| m.start < m.end);
    marks.sort_by_key(|m| m.start);
    let mut next_mark = 0;
    let mut active: Vec<&Mark> = Vec::new();

    let mut out = String::from("<div class=\"draft\">\n<p class=\"ln\" dir=\"auto\">");
    let mut line_empty = true;
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        for id in anchors.get(&a).into_iter().flatten() {
            let _ = write!(out, "<span id=\"{id}\"></span>");
        }
        // The marks covering a..b: every cut is a boundary, so a mark
        // covers the piece exactly when it starts at or before `a` and
        // ends after it.
        active.retain(|m| m.end > a);
        while next_mark < marks.len() && marks[next_mark].start <= a {
            if marks[next_mark].end > a {
                active.push(&marks[next_mark]);
            }
            next_mark += 1;
        }
        let piece = &text[a..b];
        if piece == "\n" {
            if line_empty {
                out.push_str("<br>");
            }
            out.push_str("</p>\n<p class=\"ln\" dir=\"auto\">");
            line_empty = true;
            continue;
        }
        let piece = piece.strip_suffix('\r').unwrap_or(piece);
        if piece.is_empty() {
            continue;
        }
        line_empty = false;
        let covering = &active;
        let mut findings: Vec<(usize, usize)> = covering.iter().filter_map(|m| m.finding).collect();
        findings.sort_unstable();
        findings.dedup_by_key(|(n, _)| *n);
        let is_mention = covering.iter().any(|m| m.finding.is_none());
        let body = escape(piece);
        let body = if is_mention {
            format!("<span class=\"mention\">{body}</span>")
        } else {
            body
        };
        // The most serious finding here, the first of equals; a primary
        // span is marked solid, a related one dashed.
        let top = findings
            .iter()
            .copied()
            .max_by_key(|&(n, _)| (file.findings[n].severity, std::cmp::Reverse(n)));
        match top {
            Some((n, k)) => {
                let f = &file.findings[n];
                let all: Vec<&str> = findings.iter().map(|&(n, _)| ids[n].as_str()).collect();
                let title = findings
                    .iter()
                    .map(|&(n, _)| {
                        let f = &file.findings[n];
                        format!("{} {}", f.severity.as_str(), f.rule)
                    })
                    .collect::<Vec<_>>()
                    .join("; ");
                let related = if findings.iter().any(|&(_, k)| k == 0) || k == 0 {
                    ""
                } else {
                    " rel"
                };
                let _ = write!(
                    out,
                    "<a class=\"hl sev-{sev}{related}\" href=\"#{id}\" data-findings=\"{all}\" title=\"{title}\">{body}</a>",
                    sev = f.severity.as_str(),
                    id = ids[n],
                    all = all.join(" "),
                );
            }
            None => out.push_str(&body),
        }
    }
    if line_empty {
        out.push_str("<br>");
    }
    out.push_str("</p>\n</div>\n");
    out
}

/// Counts of findings by severity, most serious first.
fn severity_counts<'a>(findings: impl Iterator<Item = &'a Finding>) -> [usize; 3] {
    let mut counts = [0; 3];
    for f in findings {
        counts[severity_slot(f.severity)] += 1;
    }
    counts
}

fn severity_slot(s: Severity) -> usize {
    match s {
        Severity::Error => 0,
        Severity::Warning => 1,
        Severity::Info => 2,
    }
}

const SEVERITIES: [Severity; 3] = [Severity::Error, Severity::Warning, Severity::Info];

/// The summary table: one row per rule (sorted by id), a column per
/// severity, and links to each of the rule's findings.
fn summary_table(report: &Report, ids: &[Vec<String>]) -> String {
    let mut by_rule: BTreeMap<&str, Vec<(&Finding, &str)>> = BTreeMap::new();
    let mut by_severity: [Vec<&str>; 3] = [Vec::new(), Vec::new(), Vec::new()];
    for (file, file_ids) in report.files.iter().zip(ids) {
        for (f, id) in file.findings.iter().zip(file_ids) {
            by_rule.entry(f.rule).or_default().push((f, id.as_str()));
            by_severity[severity_slot(f.severity)].push(id.as_str());
        }
    }
    if by_rule.is_empty() {
        return String::new();
    }
    let mut out = String::from("<h2 id=\"summary\">Summary</h2>\n<table class=\"summary\">\n<tr><th>severity</th><th>findings</th><th>go to</th></tr>\n");
    for (severity, list) in SEVERITIES.iter().zip(&by_severity) {
        if list.is_empty() {
            continue;
        }
        let _ = write!(
            out,
            "<tr><td class=\"severity sev-{s}\">{s}</td><td class=\"n\">{}</td><td>",
            list.len(),
            s = severity.as_str()
        );
        for (k, id) in list.iter().enumerate() {
            let _ = write!(out, "<a href=\"#{id}\">{}</a>", k + 1);
        }
        out.push_str("</td></tr>\n");
    }
    out.push_str("</table>\n<table class=\"summary\">\n<tr><th>rule</th><th>error</th><th>warning</th><th>info</th><th>go to</th></tr>\n");
    for (rule, list) in &by_rule {
        let counts = severity_counts(list.iter().map(|(f, _)| *f));
        let _ = write!(out, "<tr><td><code>{rule}</code></td>");
        for c in counts {
            let _ = write!(out, "<td class=\"n\">{c}</td>");
        }
        out.push_str("<td>");
        for (k, (_, id)) in list.iter().enumerate() {
            let _ = write!(out, "<a href=\"#{id}\">{}</a>", k + 1);
        }
        out.push_str("</td></tr>\n");
    }
    out.push_str("</table>\n");
    out
}

/// The filter form: hidden until the script shows it, so a page read
/// without script shows no controls that do nothing.
fn filter_form(report: &Report) -> String {
    let findings: Vec<&Finding> = report.files.iter().flat_map(|f| &f.findings).collect();
    if findings.is_empty() {
        return String::new();
    }
    let counts = severity_counts(findings.iter().copied());
    let mut rules: BTreeMap<&str, usize> = BTreeMap::new();
    for f in &findings {
        *rules.entry(f.rule).or_insert(0) += 1;
    }
    let mut out = String::from("<form id=\"filters\" hidden>\n<fieldset><legend>Severity</legend>");
    for (severity, n) in SEVERITIES.iter().zip(counts) {
        if n > 0 {
            let s = severity.as_str();
            let _ = write!(
                out,
                "<label><input type=\"checkbox\" name=\"severity\" value=\"{s}\" checked> <span class=\"sev-{s}\">{s}</span> ({n})</label>"
            );
        }
    }
    out.push_str("</fieldset>\n<fieldset><legend>Rule</legend>");
    for (rule, n) in &rules {
        let _ = write!(
            out,
            "<label><input type=\"checkbox\" name=\"rule\" value=\"{rule}\" checked> <code>{rule}</code> ({n})</label>"
        );
    }
    out.push_str("</fieldset>\n</form>\n");
    out
}

/// The table of contents of one file: a line per finding.
fn file_toc(file: &FileReport, ids: &[String]) -> String {
    let mut out = String::from("<nav class=\"toc\" aria-label=\"findings in this file\">\n<ol>\n");
    for (f, id) in file.findings.iter().zip(ids) {
        let Some(p) = f.primary() else { continue };
        let _ = writeln!(
            out,
            "<li {data}><a href=\"#{id}\"><span class=\"sev-{sev}\">{sev}</span> <code>{rule}</code> {line}:{col}</a> <bdi dir=\"auto\">{text}</bdi></li>",
            data = data_attrs(f, id),
            sev = f.severity.as_str(),
            rule = f.rule,
            line = p.line,
            col = p.column,
            text = escape(&p.text),
        );
    }
    out.push_str("</ol>\n</nav>\n");
    out
}

pub(super) fn render(report: &Report, opts: &HumanOptions, out: &mut dyn Write) -> io::Result<()> {
    let s = report.summary();
    let ids = finding_ids(report);
    let mut page = String::new();
    let _ = write!(
        page,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{TOOL_NAME} report</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{TOOL_NAME} report</h1>\n<p>{} file(s): {} error(s), {} warning(s), {} info(s). {TOOL_NAME} {TOOL_VERSION}.</p>\n",
        s.files, s.errors, s.warnings, s.infos
    );
    if opts.findings {
        page.push_str(&summary_table(report, &ids));
        page.push_str(&filter_form(report));
    }
    if report.files.len() > 1 {
        page.push_str("<nav aria-label=\"files\"><h2>Files</h2>\n<ol>\n");
        for (n, file) in report.files.iter().enumerate() {
            let c = severity_counts(file.findings.iter());
            let _ = writeln!(
                page,
                "<li><a href=\"#file-{}\"><bdi>{}</bdi></a> ({} error(s), {} warning(s), {} info(s))</li>",
                n + 1,
                escape(&file.path),
                c[0],
                c[1],
                c[2]
            );
        }
        page.push_str("</ol>\n</nav>\n");
    }
    for (n, (file, file_ids)) in report.files.iter().zip(&ids).enumerate() {
        let _ = writeln!(
            page,
            "<section id=\"file-{}\">\n<h2><bdi>{}</bdi></h2>",
            n + 1,
            escape(&file.path)
        );
        let draft = (opts.findings && !file.findings.is_empty()) || opts.mentions;
        if opts.findings {
            if file.findings.is_empty() {
                page.push_str("<p>No findings.</p>\n");
            } else {
                page.push_str(&file_toc(file, file_ids));
                page.push_str("<h3>Findings</h3>\n<ol class=\"findings\">\n");
                for (f, id) in file.findings.iter().zip(file_ids) {
                    page.push_str(&finding_item(file, f, id, draft));
                }
                page.push_str("</ol>\n");
            }
        }
        if draft {
            let _ = writeln!(
                page,
                "<h3 id=\"draft-{}\">The draft with its findings in place</h3>",
                n + 1
            );
            page.push_str(&draft_view(file, file_ids, opts.mentions));
        }
        if opts.mentions && !file.mentions.is_empty() {
            page.push_str("<h3>Mentions</h3>\n<table>\n<tr><th>where</th><th>kind</th><th>entity</th><th>text</th><th>section</th></tr>\n");
            for m in &file.mentions {
                let entity = m.entity_id.as_deref().map_or_else(
                    || format!("unresolved: {}", m.candidates.join(" | ")),
                    str::to_string,
                );
                let _ = writeln!(
                    page,
                    "<tr><td class=\"where\">{}:{}</td><td>{}</td><td class=\"rule\">{}</td><td dir=\"auto\">{}</td><td>{}</td></tr>",
                    m.line,
                    m.column,
                    m.kind.as_str(),
                    escape(&entity),
                    escape(&m.text),
                    m.section.as_str()
                );
            }
            page.push_str("</table>\n");
        }
        page.push_str("</section>\n");
    }
    if opts.findings && report.files.iter().any(|f| !f.findings.is_empty()) {
        let _ = writeln!(page, "<script>{SCRIPT}</script>");
    }
    page.push_str("</body>\n</html>\n");
    out.write_all(page.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::{escape, escape_mixed};

    #[test]
    fn isolates_arabic_runs_in_english_sentences() {
        assert_eq!(
            escape_mixed("(أمريكي 2× vs أميركي 4×)"),
            "(<bdi>أمريكي</bdi> 2× vs <bdi>أميركي</bdi> 4×)"
        );
        // Spaces between Arabic words stay inside one run.
        assert_eq!(
            escape_mixed("\"أحمد الشرع\" met"),
            "&quot;<bdi>أحمد الشرع</bdi>&quot; met"
        );
        assert_eq!(escape_mixed("no Arabic (here)"), "no Arabic (here)");
    }

    #[test]
    fn isolates_a_whole_arabic_phrase_with_its_digits() {
        // One run from the first Arabic letter to the last, digits included;
        // each word isolated alone would read the phrase reversed.
        assert_eq!(
            escape_mixed("\"اعتقال 34 شخصاً\" (body) vs \"اعتقال 43 شخصاً\""),
            "&quot;<bdi>اعتقال 34 شخصاً</bdi>&quot; (body) vs &quot;<bdi>اعتقال 43 شخصاً</bdi>&quot;"
        );
    }

    #[test]
    fn the_quotes_of_the_sentence_separate_phrases() {
        // Two quoted phrases with only punctuation between them: one
        // isolate for both would swap them and turn the quotes around.
        assert_eq!(
            escape_mixed("the meeting with \"دونالد ترامب\": \"أحمد الشرع\" 1 time"),
            "the meeting with &quot;<bdi>دونالد ترامب</bdi>&quot;: &quot;<bdi>أحمد الشرع</bdi>&quot; 1 time"
        );
    }

    #[test]
    fn a_run_takes_in_the_brackets_its_text_pairs_with() {
        assert_eq!(
            escape_mixed("word diff: [-لن ننسحب-] {+سننسحب+} من سوريا …"),
            "word diff: <bdi>[-لن ننسحب-] {+سننسحب+} من سوريا</bdi> …"
        );
        assert_eq!(
            escape_mixed("\"الدولة الإسلامية (داعش)\" in (x)"),
            "&quot;<bdi>الدولة الإسلامية (داعش)</bdi>&quot; in (x)"
        );
        // A bracket that the English opened or closes stays out, and
        // splits the Arabic on either side of it.
        assert_eq!(
            escape_mixed("first form is أميركي (أمريكي 2× vs أميركي 4×)"),
            "first form is <bdi>أميركي</bdi> (<bdi>أمريكي</bdi> 2× vs <bdi>أميركي</bdi> 4×)"
        );
        assert_eq!(escape_mixed("(see أحمد) and"), "(see <bdi>أحمد</bdi>) and");
        assert_eq!(escape_mixed("[x] أحمد] y"), "[x] <bdi>أحمد</bdi>] y");
        assert_eq!(
            escape_mixed("(x أحمد) ب"),
            "(x <bdi>أحمد</bdi>) <bdi>ب</bdi>"
        );
        assert_eq!(
            escape_mixed("[x أحمد (ب] y"),
            "[x <bdi>أحمد</bdi> (<bdi>ب</bdi>] y"
        );
    }

    #[test]
    fn escapes_control_and_bidi_characters() {
        assert_eq!(
            escape("a\u{202E}b\u{1b}[31m\nc"),
            "a&lt;U+202E&gt;b&lt;U+001B&gt;[31m c"
        );
        assert_eq!(
            escape_mixed("\"أحمد\u{2066}\" met"),
            "&quot;<bdi>أحمد</bdi>&lt;U+2066&gt;&quot; met"
        );
    }

    #[test]
    fn escapes_markup() {
        assert_eq!(
            escape("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
        assert_eq!(
            escape_mixed("\"<b>أحمد</b>\" & co"),
            "&quot;&lt;b&gt;<bdi>أحمد</bdi>&lt;/b&gt;&quot; &amp; co"
        );
        // Arabic passes through untouched.
        assert_eq!(escape("أحمد الشرع"), "أحمد الشرع");
    }
}
