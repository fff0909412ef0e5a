//! The `table` format: attributions laid out for reading in a terminal.

use std::fmt::Write as _;

use whosaid::{Attribution, Span};

/// Longest content shown before eliding the middle.
const MAX_CONTENT: usize = 160;

fn joined(spans: &[Span]) -> String {
    if spans.is_empty() {
        return "—".to_string();
    }
    spans
        .iter()
        .map(|s| s.text.replace('\n', " "))
        .collect::<Vec<_>>()
        .join(" … ")
}

fn elide(s: &str, max: usize) -> String {
    let n = s.chars().count();
    if n <= max {
        return s.to_string();
    }
    let head: String = s.chars().take(max / 2).collect();
    let tail: String = s.chars().skip(n - max / 2).collect();
    format!("{head} … {tail}")
}

fn offsets(spans: &[Span]) -> String {
    spans
        .iter()
        .map(|s| format!("{}-{}", s.start, s.end))
        .collect::<Vec<_>>()
        .join(",")
}

/// Renders the attributions of one input.
pub fn render(name: &str, attributions: &[Attribution]) -> String {
    let mut out = format!("{name}: {} attribution(s)\n", attributions.len());
    for (i, a) in attributions.iter().enumerate() {
        let _ = writeln!(
            out,
            "\n{:>3}. {:<8}  source: {}  cue: {}",
            i + 1,
            a.kind.as_str(),
            joined(&a.source),
            joined(&a.cue)
        );
        let _ = writeln!(
            out,
            "     content: {}",
            elide(&joined(&a.content), MAX_CONTENT)
        );
        let _ = writeln!(
            out,
            "     at: source {}  cue {}  content {}",
            offsets(&a.source),
            offsets(&a.cue),
            offsets(&a.content)
        );
    }
    out
}
