//! Paragraphs: blank lines, and unwrapped lines in exports.

use std::ops::Range;

/// The paragraphs of `text` as [`Document`] reads them (byte ranges,
/// surrounding whitespace left out): split at blank lines (a line holding
/// only whitespace). A single newline inside a paragraph is plain
/// whitespace: hard-wrapped text stays one paragraph. A block whose lines
/// are not wrapped (one longer than [`UNWRAPPED_LINE`] characters: text
/// written a paragraph per line, as many exports are) has a paragraph per
/// line. Writers that turn text into pages or blank-line paragraphs use
/// it to keep the same paragraphs.
pub fn paragraph_ranges(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    // The current block's lines (trimmed byte ranges), and its longest.
    let mut lines: Vec<Range<usize>> = Vec::new();
    let mut longest = 0;
    let mut flush = |lines: &mut Vec<Range<usize>>, longest: &mut usize| {
        if let (Some(first), Some(last)) = (lines.first(), lines.last()) {
            if lines.len() > 1 && *longest > UNWRAPPED_LINE {
                out.extend(lines.iter().cloned());
            } else {
                out.push(first.start..last.end);
            }
        }
        lines.clear();
        *longest = 0;
    };
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            flush(&mut lines, &mut longest);
        } else {
            let lead = line.len() - line.trim_start().len();
            let start = line_start + lead;
            lines.push(start..start + trimmed.len());
            longest = longest.max(trimmed.chars().count());
        }
        line_start += line.len();
    }
    flush(&mut lines, &mut longest);
    out
}

/// The length (characters) past which a line is not hard-wrapped: wrapped
/// text keeps lines under about 80.
const UNWRAPPED_LINE: usize = 120;
