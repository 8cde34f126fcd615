//! `--format html`: one self-contained page for editors. Findings first,
//! each with its excerpt (the match marked), related spans and notes;
//! mentions in a table when asked for. The draft's text is always escaped;
//! English messages read left to right, excerpts take the direction of
//! their own text (`dir="auto"`), so Arabic lays out right to left.

use std::fmt::Write as _;
use std::io::{self, Write};

use super::{excerpt_parts, visible, HumanOptions, Report, TOOL_NAME, TOOL_VERSION};
use crate::checker::FileReport;
use crate::finding::Finding;

const EXCERPT_WIDTH: usize = 60;

const STYLE: &str = "body{font-family:system-ui,'Noto Naskh Arabic',sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.6}\
h2{font-family:monospace;font-size:1rem;border-bottom:1px solid #ccc}\
li{margin-bottom:1.2rem}\
.error .severity{color:#b00020}.warning .severity{color:#9a6700}.info .severity{color:#0550ae}\
.severity{font-weight:bold}.rule,.where{font-family:monospace}\
blockquote{margin:.3rem 0;padding:.3rem .6rem;background:#f6f8fa;border-inline-start:3px solid #ccc}\
mark{background:#ffe08a}.notes,.also{font-size:.9rem;color:#444}.notes li,.also li{margin:0}\
pre{white-space:pre-wrap;margin:0}table{border-collapse:collapse}td,th{padding:.2rem .5rem;border-bottom:1px solid #eee;text-align:start}";

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

fn is_rtl(c: char) -> bool {
    matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

/// A character that sets left-to-right direction: a letter outside the
/// right-to-left scripts. Digits, spaces and punctuation set none.
fn is_ltr(c: char) -> bool {
    c.is_alphabetic() && !is_rtl(c)
}

/// Escapes an English sentence that quotes Arabic, isolating each run of
/// right-to-left text whole in one `<bdi>`: from its first right-to-left
/// letter to its last, with the spaces, digits and punctuation between
/// them ("اعتقال 34 شخصاً" stays one phrase), but never across a Latin
/// word, so numbers and punctuation around it keep their place
/// ("أمريكي 2× vs أميركي 4×").
fn escape_mixed(text: &str) -> String {
    let text = visible(text);
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 32);
    let mut i = 0;
    while i < chars.len() {
        let Some(first) = (i..chars.len()).find(|&k| is_rtl(chars[k])) else {
            out.push_str(&escape_markup(&chars[i..].iter().collect::<String>()));
            break;
        };
        // The run ends at its last right-to-left letter before a Latin one
        // (`limit`), and takes in the brackets its text opens or closes.
        let mut end = first;
        let mut limit = first;
        while limit < chars.len() && !is_ltr(chars[limit]) {
            if is_rtl(chars[limit]) {
                end = limit + 1;
            }
            limit += 1;
        }
        let (start, end) = take_in_brackets(&chars, i, first, end, limit);
        out.push_str(&escape_markup(&chars[i..start].iter().collect::<String>()));
        out.push_str("<bdi>");
        out.push_str(&escape_markup(
            &chars[start..end].iter().collect::<String>(),
        ));
        out.push_str("</bdi>");
        i = end;
    }
    out
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

/// Widens the run `start..end` to the brackets that its own brackets pair
/// with, looking back no further than `floor` and ahead no further than
/// `limit` (neither crosses a Latin letter): in "[-لن ننسحب-] {+سننسحب+}"
/// the run starts at "[", so the pair is isolated together and not split
/// across directions.
fn take_in_brackets(
    chars: &[char],
    floor: usize,
    mut start: usize,
    mut end: usize,
    limit: usize,
) -> (usize, usize) {
    let mut open: Vec<char> = Vec::new();
    let mut need_open: Vec<char> = Vec::new();
    for &c in &chars[start..end] {
        match bracket_pair(c) {
            Some((_, true)) => open.push(c),
            Some((opener, false)) => {
                if open.last() == Some(&opener) {
                    open.pop();
                } else {
                    need_open.push(opener);
                }
            }
            None => {}
        }
    }
    let mut k = start;
    while !need_open.is_empty() && k > floor {
        k -= 1;
        if is_ltr(chars[k]) {
            break;
        }
        if let Some(pos) = need_open.iter().rposition(|&o| o == chars[k]) {
            need_open.remove(pos);
            start = k;
        }
    }
    let mut k = end;
    while !open.is_empty() && k < limit {
        if let Some((opener, false)) = bracket_pair(chars[k]) {
            if let Some(pos) = open.iter().rposition(|&o| o == opener) {
                open.remove(pos);
                end = k + 1;
            }
        }
        k += 1;
    }
    (start, end)
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

fn finding_item(file: &FileReport, f: &Finding) -> String {
    let mut item = String::new();
    let Some(primary) = f.primary() else {
        return item;
    };
    let _ = write!(
        item,
        "<li class=\"{sev}\"><p dir=\"ltr\"><span class=\"severity\">{sev}</span> <span class=\"rule\">{rule}</span> <span class=\"where\"><bdi>{path}</bdi>:{line}:{col}</span> ({section})</p>\n<p dir=\"ltr\">{message}</p>\n{quote}\n",
        sev = f.severity.as_str(),
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
        for span in &f.spans[1..] {
            let _ = writeln!(
                item,
                "<li dir=\"ltr\">also <span class=\"where\"><bdi>{}</bdi>:{}:{}</span> (<bdi>{}</bdi>, {})</li>",
                escape(span.path.as_deref().unwrap_or(&file.path)),
                span.line,
                span.column,
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
                "<li dir=\"ltr\"><pre>{}</pre></li>",
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

pub(super) fn render(report: &Report, opts: &HumanOptions, out: &mut dyn Write) -> io::Result<()> {
    let s = report.summary();
    let mut page = String::new();
    let _ = write!(
        page,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{TOOL_NAME} report</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{TOOL_NAME} report</h1>\n<p>{} file(s): {} error(s), {} warning(s), {} info(s). {TOOL_NAME} {TOOL_VERSION}.</p>\n",
        s.files, s.errors, s.warnings, s.infos
    );
    for file in &report.files {
        let _ = writeln!(
            page,
            "<section>\n<h2><bdi>{}</bdi></h2>",
            escape(&file.path)
        );
        if opts.findings {
            if file.findings.is_empty() {
                page.push_str("<p>No findings.</p>\n");
            } else {
                page.push_str("<ol>\n");
                for f in &file.findings {
                    page.push_str(&finding_item(file, f));
                }
                page.push_str("</ol>\n");
            }
        }
        if opts.mentions && !file.mentions.is_empty() {
            page.push_str("<table>\n<tr><th>where</th><th>kind</th><th>entity</th><th>text</th><th>section</th></tr>\n");
            for m in &file.mentions {
                let entity = m
                    .entity_id
                    .clone()
                    .unwrap_or_else(|| format!("unresolved: {}", m.candidates.join(" | ")));
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
    }

    #[test]
    fn isolates_a_whole_arabic_phrase_with_its_digits() {
        // One run from the first Arabic letter to the last, digits included;
        // before, each word was isolated alone and the phrase read reversed.
        assert_eq!(
            escape_mixed("\"اعتقال 34 شخصاً\" (body) vs \"اعتقال 43 شخصاً\""),
            "&quot;<bdi>اعتقال 34 شخصاً</bdi>&quot; (body) vs &quot;<bdi>اعتقال 43 شخصاً</bdi>&quot;"
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
        // Brackets beyond a Latin word stay out.
        assert_eq!(escape_mixed("(see أحمد) and"), "(see <bdi>أحمد</bdi>) and");
        assert_eq!(escape_mixed("[x] أحمد] y"), "[x] <bdi>أحمد</bdi>] y");
        assert_eq!(escape_mixed("(x أحمد) ب"), "(x <bdi>أحمد) ب</bdi>");
        assert_eq!(escape_mixed("[x أحمد (ب] y"), "[x <bdi>أحمد (ب</bdi>] y");
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
        // Arabic passes through untouched.
        assert_eq!(escape("أحمد الشرع"), "أحمد الشرع");
    }
}
