//! BRAT standoff: reading PolNeAR's `.ann` files and writing ours.
//!
//! Reading is lenient and mirrors `score.py` exactly (so that evaluation
//! agrees with it): malformed lines are counted as warnings, never errors.

use std::collections::HashMap;
use std::fmt::Write as _;

use crate::attribution::{Attribution, Span};

/// The three roles of an attribution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    /// Who.
    Source,
    /// The reporting verb or phrase.
    Cue,
    /// What.
    Content,
}

impl Role {
    /// All roles, in the scorer's order.
    pub const ALL: [Role; 3] = [Role::Source, Role::Cue, Role::Content];

    /// The lowercase role name.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Source => "source",
            Role::Cue => "cue",
            Role::Content => "content",
        }
    }

    fn parse(lower: &str) -> Option<Role> {
        match lower {
            "source" => Some(Role::Source),
            "cue" => Some(Role::Cue),
            "content" => Some(Role::Content),
            _ => None,
        }
    }
}

/// A `T` line: its lowercased type and fragments in code points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextBound {
    /// Lowercased type (`source`, `cue`, `content`, `attribution`, …).
    pub kind: String,
    /// `(start, end)` fragments as written (not validated).
    pub fragments: Vec<(usize, usize)>,
}

/// An `E` line: the `T` ids of each role (a role may repeat: `Content2`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AnnAttribution {
    /// Source span ids.
    pub source: Vec<String>,
    /// Cue span ids.
    pub cue: Vec<String>,
    /// Content span ids.
    pub content: Vec<String>,
}

impl AnnAttribution {
    /// Span ids of `role`.
    pub fn role(&self, role: Role) -> &[String] {
        match role {
            Role::Source => &self.source,
            Role::Cue => &self.cue,
            Role::Content => &self.content,
        }
    }
}

/// A parsed `.ann` file.
#[derive(Debug, Clone, Default)]
pub struct AnnDoc {
    /// `T` lines by id.
    pub spans: HashMap<String, TextBound>,
    /// `E` lines in file order.
    pub attributions: Vec<AnnAttribution>,
    /// Counts of ignored or malformed lines, by kind.
    pub warnings: HashMap<&'static str, usize>,
}

fn is_id(s: &str, prefix: char) -> bool {
    s.strip_prefix(prefix)
        .is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
}

impl AnnDoc {
    /// Parses `.ann` text. Never fails; see [`AnnDoc::warnings`].
    pub fn parse(ann: &str) -> Self {
        Self::parse_against(ann, None)
    }

    /// Parses `.ann` text and, given the document text, counts `T` lines
    /// whose text field disagrees with their offsets (`span_text_mismatch`).
    pub fn parse_against(ann: &str, text: Option<&str>) -> Self {
        let chars: Option<Vec<char>> = text.map(|t| t.chars().collect());
        let mut doc = AnnDoc::default();
        let mut raw_e: Vec<Vec<&str>> = Vec::new();
        for line in ann.split('\n') {
            let line = line.strip_suffix('\r').unwrap_or(line);
            if line.trim().is_empty() {
                continue;
            }
            let parts: Vec<&str> = line.split('\t').collect();
            let ident = parts[0].trim();
            if is_id(ident, 'T') && parts.len() >= 2 {
                let Some((kind, offsets)) = parts[1].split_once(' ') else {
                    doc.warn("malformed_T");
                    continue;
                };
                match parse_fragments(offsets) {
                    Some(fragments) => {
                        if let (Some(chars), Some(written)) = (&chars, parts.get(2)) {
                            let slice = |&(s, e): &(usize, usize)| -> String {
                                let e = e.min(chars.len());
                                chars[s.min(e)..e].iter().collect()
                            };
                            let expect: Vec<String> = fragments.iter().map(slice).collect();
                            if expect.join(" ") != *written {
                                doc.warn("span_text_mismatch");
                            }
                        }
                        doc.spans.insert(
                            ident.to_string(),
                            TextBound {
                                kind: kind.to_lowercase(),
                                fragments,
                            },
                        );
                    }
                    None => doc.warn("malformed_T"),
                }
            } else if is_id(ident, 'E') && parts.len() >= 2 {
                raw_e.push(parts[1].split_whitespace().collect());
            } else {
                doc.warn("ignored_line");
            }
        }
        for args in raw_e {
            let mut attr = AnnAttribution::default();
            for arg in args.iter().skip(1) {
                let Some((role, tid)) = arg.rsplit_once(':') else {
                    doc.warn("malformed_E_arg");
                    continue;
                };
                let role = role.trim_end_matches(|c: char| c.is_ascii_digit());
                let Some(role) = Role::parse(&role.trim().to_lowercase()) else {
                    doc.warn("unknown_role");
                    continue;
                };
                if !doc.spans.contains_key(tid) {
                    doc.warn("dangling_E_arg");
                    continue;
                }
                let ids = match role {
                    Role::Source => &mut attr.source,
                    Role::Cue => &mut attr.cue,
                    Role::Content => &mut attr.content,
                };
                ids.push(tid.to_string());
            }
            doc.attributions.push(attr);
        }
        doc
    }

    fn warn(&mut self, key: &'static str) {
        *self.warnings.entry(key).or_default() += 1;
    }

    /// All fragments of the given span ids.
    pub fn fragments(&self, ids: &[String]) -> Vec<(usize, usize)> {
        ids.iter()
            .filter_map(|id| self.spans.get(id))
            .flat_map(|t| t.fragments.iter().copied())
            .collect()
    }
}

fn parse_fragments(offsets: &str) -> Option<Vec<(usize, usize)>> {
    let mut out = Vec::new();
    for frag in offsets.split(';') {
        let mut nums = frag.split_whitespace();
        let (Some(a), Some(b), None) = (nums.next(), nums.next(), nums.next()) else {
            return None;
        };
        let num = |s: &str| {
            if s.bytes().all(|c| c.is_ascii_digit()) {
                s.parse::<usize>().ok()
            } else {
                None
            }
        };
        out.push((num(a)?, num(b)?));
    }
    (!out.is_empty()).then_some(out)
}

/// Writes attributions as a PolNeAR-compatible `.ann` file: `T` lines for
/// Source, Cue and Content, an `Attribution` (or `Attribution-no-source`)
/// trigger over the cue, and an `E` line per attribution. A fragment that
/// crosses a line break or a tab is split there, since an `.ann` text field
/// is one line between tabs.
pub fn write_ann(text: &str, attributions: &[Attribution]) -> String {
    let bytes = ByteOffsets::new(
        text,
        attributions
            .iter()
            .flat_map(|a| a.source.iter().chain(&a.cue).chain(&a.content))
            .flat_map(|s| [s.start, s.end]),
    );
    let mut out = String::new();
    let mut next_t = 1;
    let mut line = |out: &mut String, kind: &str, spans: &[Span]| -> Option<usize> {
        let frags = line_fragments(text, &bytes, spans);
        if frags.is_empty() {
            return None;
        }
        let id = next_t;
        next_t += 1;
        let offsets: Vec<String> = frags.iter().map(|f| format!("{} {}", f.0, f.1)).collect();
        let texts: Vec<&str> = frags.iter().map(|f| f.2).collect();
        let _ = writeln!(
            out,
            "T{id}\t{kind} {}\t{}",
            offsets.join(";"),
            texts.join(" ")
        );
        Some(id)
    };
    for (n, a) in attributions.iter().enumerate() {
        let source = line(&mut out, "Source", &a.source);
        let cue = line(&mut out, "Cue", &a.cue);
        let content = line(&mut out, "Content", &a.content);
        let trigger_kind = if source.is_some() {
            "Attribution"
        } else {
            "Attribution-no-source"
        };
        let trigger = line(
            &mut out,
            trigger_kind,
            if cue.is_some() { &a.cue } else { &a.content },
        );
        let Some(trigger) = trigger else { continue };
        let _ = write!(out, "E{}\t{trigger_kind}:T{trigger}", n + 1);
        for (role, id) in [("Source", source), ("Cue", cue), ("Content", content)] {
            if let Some(id) = id {
                let _ = write!(out, " {role}:T{id}");
            }
        }
        out.push('\n');
    }
    out
}

/// Splits spans at line breaks and tabs and trims whitespace; returns
/// `(start, end, text)` in code points.
fn line_fragments<'a>(
    text: &'a str,
    bytes: &ByteOffsets,
    spans: &[Span],
) -> Vec<(usize, usize, &'a str)> {
    let mut out = Vec::new();
    for span in spans {
        let Some(first) = bytes.get(span.start) else {
            continue;
        };
        let Some(last) = bytes.get(span.end) else {
            continue;
        };
        if first >= last {
            continue;
        }
        let mut chars = span.start;
        for piece in text[first..last].split(['\n', '\r', '\t']) {
            let lead = piece.len() - piece.trim_start().len();
            let trimmed = piece.trim();
            let s = chars + piece[..lead].chars().count();
            let e = s + trimmed.chars().count();
            if !trimmed.is_empty() {
                out.push((s, e, trimmed));
            }
            chars += piece.chars().count() + 1;
        }
    }
    out
}

/// Byte offsets of a set of code point offsets, found in one pass over the
/// text (a lookup per span from the text start would be quadratic).
struct ByteOffsets(Vec<(usize, usize)>);

impl ByteOffsets {
    fn new(text: &str, chars: impl Iterator<Item = usize>) -> Self {
        let mut wanted: Vec<usize> = chars.collect();
        wanted.sort_unstable();
        wanted.dedup();
        let mut out = Vec::with_capacity(wanted.len());
        let mut next = wanted.iter().peekable();
        let ends = text
            .char_indices()
            .map(|(b, _)| b)
            .chain(std::iter::once(text.len()));
        for (c, b) in ends.enumerate() {
            while next.peek().is_some_and(|&&w| w == c) {
                out.push((c, b));
                next.next();
            }
            if next.peek().is_none() {
                break;
            }
        }
        ByteOffsets(out)
    }

    fn get(&self, chars: usize) -> Option<usize> {
        let k = self.0.binary_search_by_key(&chars, |&(c, _)| c).ok()?;
        Some(self.0[k].1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribution::Kind;

    fn span(text: &str, s: usize, e: usize) -> Span {
        let t: String = text.chars().skip(s).take(e - s).collect();
        Span {
            start: s,
            end: e,
            text: t,
        }
    }

    #[test]
    fn parses_polnear_lines() {
        let ann = AnnDoc::parse(
            "T1\tSource 0 5\tTrump\nT2\tCue 6 10\tsaid\nT3\tContent 11 15;20 25\tx y\n\
             E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3 Content2:T9\n#1\tnote\nT4\tbad\n",
        );
        assert_eq!(ann.spans["T3"].fragments, [(11, 15), (20, 25)]);
        assert_eq!(ann.attributions[0].content, ["T3"]);
        assert_eq!(ann.warnings["dangling_E_arg"], 1);
        assert_eq!(ann.warnings["ignored_line"], 1);
        assert_eq!(ann.warnings["malformed_T"], 1);
    }

    /// Regression: a tab inside a span broke the `.ann` columns (found by
    /// the property tests).
    #[test]
    fn spans_with_tabs_are_split() {
        let text = "he said\tit";
        let a = Attribution {
            source: vec![],
            cue: vec![span(text, 3, 7)],
            content: vec![span(text, 3, 10)],
            kind: Kind::Indirect,
        };
        let ann = write_ann(text, &[a]);
        let parsed = AnnDoc::parse_against(&ann, Some(text));
        assert!(parsed.warnings.is_empty(), "{ann}");
        assert_eq!(
            parsed.fragments(&parsed.attributions[0].content),
            [(3, 7), (8, 10)]
        );
    }

    #[test]
    fn writes_discontinuous_and_multiline_spans() {
        let text = "“A,” he said, “B\n\nC.”";
        let n = text.chars().count();
        let a = Attribution {
            source: vec![span(text, 5, 7)],
            cue: vec![span(text, 8, 12)],
            content: vec![span(text, 0, 4), span(text, 14, n)],
            kind: Kind::Direct,
        };
        let ann = write_ann(text, &[a]);
        let parsed = AnnDoc::parse(&ann);
        assert!(parsed.warnings.is_empty(), "{ann}");
        let content = parsed.fragments(&parsed.attributions[0].content);
        assert_eq!(content, [(0, 4), (14, 16), (18, n)]);
        assert!(
            ann.contains("E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3"),
            "{ann}"
        );
    }
}
