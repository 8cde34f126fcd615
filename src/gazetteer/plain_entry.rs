//! A fast reader for the plainest shape of a gazetteer entry, tried before
//! the YAML parser on every entry (issue 9: at 1,000,000 aliases the YAML
//! parser was more than a quarter of a cold load).
//!
//! The shape is one top-level list item whose every line is `key: value`
//! at two spaces (the first after `- `), the value a scalar on its line or
//! a list of names: a one-line flow mapping of one-line lists
//! (`{ar: [أ, ب], en: [A]}`), or `ar: [...]` and `en: [...]` at four
//! spaces below the key; blank and comment lines may come between. A
//! scalar is plain or quoted without escapes. Anything else (escapes,
//! block lists, roles and facts, a value over several lines, tabs, an
//! indicator, a scalar YAML could read as null, a boolean or a number, an
//! unknown or repeated key, a missing required field) is not read here:
//! the entry goes to the YAML
//! parser, which reads it, or reports its error at path:line:col. So this
//! reader only ever answers with what the YAML parser would have read;
//! `plain_entries_read_as_the_yaml_parser_reads_them` in `tests.rs` holds
//! it to that.

use super::model::{Names, OrganizationEntry, PersonEntry, PlaceEntry};
use super::{EntityKind, IntoParts, Parts};

/// The entry in `chunk` (one top-level list item), when it has the plain
/// shape; `None` sends it to the YAML parser.
pub(super) fn read(kind: EntityKind, chunk: &str) -> Option<Parts> {
    let mut fields = Fields::default();
    let mut lines = chunk.split('\n');
    let first = lines.next()?.strip_prefix("- ")?;
    fields.line(first)?;
    for line in lines {
        let content = line.trim_start_matches(' ');
        if content.is_empty() || content.starts_with('#') {
            continue;
        }
        // A key at two spaces, `ar:` or `en:` of a block `names:` at four.
        match line.len() - content.len() {
            2 => fields.line(content)?,
            4 => fields.block_names_line(content)?,
            _ => return None,
        }
    }
    // A block mapping needs at least one line below it.
    if matches!(fields.open_block, Some((_, [false, false]))) {
        return None;
    }
    Some(match kind {
        EntityKind::Person => fields.person()?.into_parts(),
        EntityKind::Place => fields.place()?.into_parts(),
        EntityKind::Organization => fields.organization()?.into_parts(),
    })
}

/// The fields of one entry, as read so far.
#[derive(Default)]
struct Fields<'a> {
    scalars: Vec<(&'a str, String)>,
    names: Vec<(&'a str, Names)>,
    /// The `names` entry of a `key:` whose value is the block mapping on
    /// the lines below, and whether `ar` and `en` were given.
    open_block: Option<(usize, [bool; 2])>,
}

impl<'a> Fields<'a> {
    /// Reads one `key: value` line, or `key:` that opens a block mapping.
    fn line(&mut self, line: &'a str) -> Option<()> {
        let (key, value) = match line.strip_suffix(':') {
            Some(key) => (key, ""),
            None => line.split_once(": ")?,
        };
        if !key.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
            || self.scalars.iter().any(|(k, _)| *k == key)
            || self.names.iter().any(|(k, _)| *k == key)
        {
            return None;
        }
        // A block mapping needs at least one line below it.
        if matches!(self.open_block, Some((_, [false, false]))) {
            return None;
        }
        self.open_block = None;
        let value = value.trim_start_matches(' ');
        if value.is_empty() {
            self.open_block = Some((self.names.len(), [false, false]));
            self.names.push((key, Names::default()));
        } else if let Some(flow) = value.strip_prefix('{') {
            self.names.push((key, flow_names(flow)?));
        } else {
            let (scalar, rest) = scalar(value, Context::Block)?;
            if !rest.trim_end_matches(' ').is_empty() {
                return None;
            }
            self.scalars.push((key, scalar));
        }
        Some(())
    }

    /// Reads `ar: [...]` or `en: [...]` of the open block mapping.
    fn block_names_line(&mut self, line: &str) -> Option<()> {
        let (at, seen) = self.open_block.as_mut()?;
        let names = &mut self.names.get_mut(*at)?.1;
        let (key, list) = line.split_once(": ")?;
        let (list_of, seen) = match key {
            "ar" => (&mut names.ar, &mut seen[0]),
            "en" => (&mut names.en, &mut seen[1]),
            _ => return None,
        };
        if std::mem::replace(seen, true) {
            return None;
        }
        let rest = flow_list(list.trim_start_matches(' ').strip_prefix('[')?, list_of)?;
        rest.trim_end_matches(' ').is_empty().then_some(())
    }

    fn take_scalar(&mut self, key: &str) -> Option<String> {
        let at = self.scalars.iter().position(|(k, _)| *k == key)?;
        Some(self.scalars.swap_remove(at).1)
    }

    fn take_names(&mut self, key: &str) -> Option<Names> {
        let at = self.names.iter().position(|(k, _)| *k == key)?;
        Some(self.names.swap_remove(at).1)
    }

    /// Whether every field was taken (an unknown one is the YAML
    /// parser's error to report).
    fn done(&self) -> bool {
        self.scalars.is_empty() && self.names.is_empty()
    }

    fn person(mut self) -> Option<PersonEntry> {
        let entry = PersonEntry {
            id: self.take_scalar("id"),
            extends: self.take_scalar("extends"),
            names: self.take_names("names").unwrap_or_default(),
            family: self.take_names("family"),
            roles: Vec::new(),
            disambiguate: self.take_scalar("disambiguate"),
            ambiguous: self.take_names("ambiguous"),
            source: self.take_scalar("source")?,
        };
        self.done().then_some(entry)
    }

    fn place(mut self) -> Option<PlaceEntry> {
        let entry = PlaceEntry {
            id: self.take_scalar("id"),
            extends: self.take_scalar("extends"),
            kind: self.take_scalar("kind"),
            names: self.take_names("names").unwrap_or_default(),
            demonyms: self.take_names("demonyms"),
            within: self.take_scalar("in"),
            disambiguate: self.take_scalar("disambiguate"),
            ambiguous: self.take_names("ambiguous"),
            source: self.take_scalar("source")?,
        };
        self.done().then_some(entry)
    }

    fn organization(mut self) -> Option<OrganizationEntry> {
        let entry = OrganizationEntry {
            id: self.take_scalar("id"),
            extends: self.take_scalar("extends"),
            kind: self.take_scalar("kind"),
            names: self.take_names("names")?,
            acronyms: self.take_names("acronyms"),
            of: self.take_scalar("of"),
            facts: Vec::new(),
            disambiguate: self.take_scalar("disambiguate"),
            ambiguous: self.take_names("ambiguous"),
            source: self.take_scalar("source")?,
        };
        self.done().then_some(entry)
    }
}

/// Whether YAML reads `text` as a plain string, the same in block and
/// flow context once the caller has cut it at the flow indicators: it
/// starts with a letter or a character above ASCII, holds only printable
/// characters, no `: `, ` #` or trailing `:`, no `,[]{}` (flow
/// indicators), and is no word YAML reads as null or a boolean. (A scalar
/// that starts with a digit, a sign or a dot, which could be a number or a
/// date, starts with no letter.)
fn is_plain_string(text: &str) -> bool {
    let Some(first) = text.chars().next() else {
        return false;
    };
    if first.is_ascii() && !first.is_ascii_alphabetic() {
        return false;
    }
    if text.ends_with(':') || text.contains(": ") || text.contains(" #") {
        return false;
    }
    if text.chars().any(|c| {
        matches!(c, ',' | '[' | ']' | '{' | '}' | '\t')
            || c.is_control()
            // Line breaks to YAML 1.1, and what is not printable to it.
            || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}')
    }) {
        return false;
    }
    const WORDS: [&str; 10] = [
        "null", "true", "false", "yes", "no", "on", "off", "y", "n", "~",
    ];
    !WORDS.iter().any(|w| text.eq_ignore_ascii_case(w))
}

/// Where a scalar is: a block value runs to the end of its line, a flow
/// item to the next `,` or `]`.
#[derive(Clone, Copy, PartialEq)]
enum Context {
    Block,
    Flow,
}

/// Whether YAML keeps every character of `text` as it is inside quotes
/// (printable, no line break, no tab).
fn is_quotable(text: &str) -> bool {
    !text.chars().any(|c| {
        c == '\t'
            || c.is_control()
            || matches!(
                c,
                '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}'
            )
    })
}

/// The scalar at the start of `text` (no leading space) and what follows
/// it: a quoted one with no escape (`"…"` without `\`, `'…'` without
/// `''`), or a plain string.
fn scalar(text: &str, context: Context) -> Option<(String, &str)> {
    if let Some(quote @ ('"' | '\'')) = text.chars().next() {
        let inner = &text[1..];
        let close = inner.find(quote)?;
        let (value, rest) = (&inner[..close], &inner[close + 1..]);
        if (quote == '"' && value.contains('\\'))
            || (quote == '\'' && rest.starts_with('\''))
            || !is_quotable(value)
        {
            return None;
        }
        return Some((value.to_string(), rest));
    }
    let end = match context {
        Context::Block => text.len(),
        Context::Flow => text.find([',', ']']).unwrap_or(text.len()),
    };
    let value = text[..end].trim_end_matches(' ');
    is_plain_string(value).then(|| (value.to_string(), &text[end..]))
}

/// The items of a one-line flow list after its `[`, pushed onto `list`;
/// what follows its `]`.
fn flow_list<'t>(text: &'t str, list: &mut Vec<String>) -> Option<&'t str> {
    let mut rest = text.trim_start_matches(' ');
    if let Some(after) = rest.strip_prefix(']') {
        return Some(after);
    }
    loop {
        let (item, after) = scalar(rest, Context::Flow)?;
        list.push(item);
        rest = after.trim_start_matches(' ');
        if let Some(after) = rest.strip_prefix(']') {
            return Some(after);
        }
        // A comma, then an item (a trailing comma is left to the parser).
        rest = rest.strip_prefix(',')?.trim_start_matches(' ');
        if rest.starts_with(']') {
            return None;
        }
    }
}

/// The rest of a one-line flow mapping after its `{`: `ar: [...]` and
/// `en: [...]`, each at most once, and nothing after the `}`.
fn flow_names(mut rest: &str) -> Option<Names> {
    let mut names = Names::default();
    let (mut ar, mut en) = (false, false);
    rest = rest.trim_start_matches(' ');
    if let Some(after) = rest.strip_prefix('}') {
        return after.trim_end_matches(' ').is_empty().then_some(names);
    }
    loop {
        let (key, after) = rest.split_once(": ")?;
        let (list, seen) = match key {
            "ar" => (&mut names.ar, &mut ar),
            "en" => (&mut names.en, &mut en),
            _ => return None,
        };
        if std::mem::replace(seen, true) {
            return None;
        }
        let after = after.trim_start_matches(' ').strip_prefix('[')?;
        rest = flow_list(after, list)?.trim_start_matches(' ');
        if let Some(after) = rest.strip_prefix('}') {
            return after.trim_end_matches(' ').is_empty().then_some(names);
        }
        rest = rest.strip_prefix(',')?.trim_start_matches(' ');
    }
}
