//! The `table` format: attributions laid out for reading in a terminal.

use std::fmt::Write as _;

use whosaid::resolve::{ChannelKind, Polarity};
use whosaid::{Account, Attribution, Span};

/// `s` safe to print on a terminal: control characters (escape sequences
/// in an article could recolour, move the cursor or retitle the window)
/// become their visible pictures (`␛`), C1 controls `�`; line breaks stay.
pub(crate) fn printable(s: &str) -> std::borrow::Cow<'_, str> {
    let unsafe_char = |c: char| c.is_control() && c != '\n';
    if !s.chars().any(unsafe_char) {
        return std::borrow::Cow::Borrowed(s);
    }
    s.chars()
        .map(|c| match c {
            '\n' => c,
            '\u{7f}' => '\u{2421}',
            c if (c as u32) < 0x20 => char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'),
            c if c.is_control() => '\u{fffd}',
            c => c,
        })
        .collect::<String>()
        .into()
}

/// A writer that passes text through [`printable`] (table views of the
/// store, written piece by piece).
pub(crate) struct Printable<W>(pub(crate) W);

impl<W: std::io::Write> std::io::Write for Printable<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let text = String::from_utf8_lossy(buf);
        self.0.write_all(printable(&text).as_bytes())?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()
    }
}

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
        write_content(&mut out, a);
        write_offsets(&mut out, a);
    }
    out
}

fn write_content(out: &mut String, a: &Attribution) {
    let _ = writeln!(
        out,
        "     content: {}",
        elide(&joined(&a.content), MAX_CONTENT)
    );
}

fn write_offsets(out: &mut String, a: &Attribution) {
    let _ = writeln!(
        out,
        "     at: source {}  cue {}  content {}",
        offsets(&a.source),
        offsets(&a.cue),
        offsets(&a.content)
    );
}

/// Renders a resolved account: each attribution with its speaker,
/// channel, time and links, then the speakers and the outlet's own claims.
pub fn render_account(name: &str, account: &Account) -> String {
    let mut out = format!(
        "{name}: {} attribution(s), {} speaker(s), {} unattributed\n",
        account.attributions.len(),
        account.speakers.len(),
        account.unattributed.len()
    );
    let speaker_name = |id: Option<usize>| {
        id.and_then(|id| account.speakers.get(id))
            .map_or_else(|| "?".to_string(), |s| s.name.clone())
    };
    for (i, r) in account.attributions.iter().enumerate() {
        let a = &r.attribution;
        let _ = writeln!(
            out,
            "\n{:>3}. {:<8}  speaker: {}  (source: {}  cue: {})",
            i + 1,
            a.kind.as_str(),
            speaker_name(r.speaker),
            joined(&a.source),
            joined(&a.cue)
        );
        write_content(&mut out, a);
        if !r.channel.is_empty() {
            let chain: Vec<String> = r
                .channel
                .iter()
                .map(|c| match &c.via {
                    Some(via) => format!("{} ({via})", channel_name(c.kind)),
                    None => channel_name(c.kind).to_string(),
                })
                .collect();
            let _ = writeln!(out, "     channel: {}", chain.join(" → "));
        }
        if let Some(t) = &r.time {
            let value = t
                .value
                .as_deref()
                .unwrap_or("relative, no publication date");
            let _ = writeln!(out, "     time: {} = {value}", t.span.text);
        }
        if let Some(j) = r.nested_in {
            let _ = writeln!(out, "     nested in: #{}", j + 1);
        }
        if let Some(j) = r.continues {
            let _ = writeln!(out, "     continues: #{}", j + 1);
        }
        if let Some(q) = &r.answers {
            let polarity = match q.polarity {
                Some(Polarity::Affirms) => "affirms",
                Some(Polarity::Denies) => "denies",
                None => "answers",
            };
            let by = q
                .asked_by
                .as_ref()
                .map_or(String::new(), |b| format!(" (asked by {})", b.text));
            let _ = writeln!(out, "     {polarity}: {}{by}", q.question.text);
        }
        write_offsets(&mut out, a);
    }
    if !account.speakers.is_empty() {
        out.push_str("\nspeakers:\n");
    }
    for s in &account.speakers {
        let count = account
            .attributions
            .iter()
            .filter(|a| a.speaker == Some(s.id))
            .count();
        let kind = serde_json::to_value(s.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        let _ = write!(out, "  [{}] {} ({kind}", s.id, s.name);
        if s.anonymous {
            out.push_str(", anonymous");
        }
        let _ = write!(out, "), {count} attribution(s)");
        if !s.titles.is_empty() {
            let _ = write!(out, "; titles: {}", s.titles.join("; "));
        }
        out.push('\n');
    }
    if !account.unattributed.is_empty() {
        out.push_str("\nunattributed (the outlet's own voice):\n");
    }
    for u in &account.unattributed {
        let _ = writeln!(
            out,
            "  - {} [{}-{}]",
            elide(&u.span.text.replace('\n', " "), MAX_CONTENT),
            u.span.start,
            u.span.end
        );
    }
    out
}

fn channel_name(kind: ChannelKind) -> &'static str {
    match kind {
        ChannelKind::Interview => "interview",
        ChannelKind::Told => "told",
        ChannelKind::Statement => "statement",
        ChannelKind::Post => "post",
        ChannelKind::PressConference => "press conference",
        ChannelKind::Speech => "speech",
        ChannelKind::Letter => "letter",
        ChannelKind::Testimony => "testimony",
        ChannelKind::Broadcast => "broadcast",
        ChannelKind::Relay => "relayed by",
        _ => "other",
    }
}

/// `s` cut to `max` chars with an ellipsis.
pub fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Regression (hardening issue, finding 8): escape sequences in an
    /// article reached the terminal through the table views.
    #[test]
    fn control_characters_are_shown_not_obeyed() {
        assert_eq!(
            printable("a\u{1b}[31mred\u{7}\n"),
            "a\u{241b}[31mred\u{2407}\n"
        );
        assert_eq!(printable("x\u{9b}2J\u{7f}"), "x\u{fffd}2J\u{2421}");
        assert!(matches!(
            printable("plain “text”\n"),
            std::borrow::Cow::Borrowed(_)
        ));
        let mut out = Printable(Vec::new());
        std::io::Write::write_all(&mut out, "t\u{1b}]0;owned\u{7}".as_bytes()).unwrap();
        assert_eq!(
            String::from_utf8(out.0).unwrap(),
            "t\u{241b}]0;owned\u{2407}"
        );
    }
}
