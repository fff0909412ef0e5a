//! The text layer: document → paragraphs → sentences → tokens, with offsets.
//!
//! Everything here works in **byte offsets** into the document text (what
//! Rust's `str` slicing wants). Conversion to the Unicode code point offsets
//! of the public output happens once, at the edge, through [`CharOffsets`].
//!
//! The tokenizer and sentence splitter are made for news prose: titles and
//! abbreviations (`Sen.`, `U.S.`, `Jan.`), initials, numbers with separators
//! (`3.2`, `800,000`), dashes, ellipses and sentence ends inside and after
//! quotation marks. Both run in one linear pass.

use std::ops::Range;

/// What a token is, as far as the rules downstream care.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (possibly with digits, internal apostrophes and hyphens).
    Word,
    /// Starts with a digit: `2016`, `3.2`, `800,000`, `6-1`.
    Number,
    /// A word that carries its period: `Mr.`, `U.S.`, `J.` (initials).
    Abbreviation,
    /// A quotation mark or an apostrophe standing alone; see [`crate::quotes`].
    QuoteMark,
    /// Any other symbol: punctuation, dashes, ellipses, brackets.
    Punct,
}

/// One token: a byte range of the document text and its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// What the token is.
    pub kind: TokenKind,
    /// Whether whitespace (or the paragraph start) comes right before it.
    pub space_before: bool,
    /// Whether whitespace (or the paragraph end) comes right after it.
    pub space_after: bool,
}

impl Token {
    /// The token's text.
    pub fn text<'a>(&self, doc_text: &'a str) -> &'a str {
        &doc_text[self.start..self.end]
    }
}

/// A sentence: a run of tokens inside one paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Indices into [`Document::tokens`].
    pub tokens: Range<usize>,
    /// Index into [`Document::paragraphs`].
    pub paragraph: usize,
}

/// A paragraph: text between blank lines, or one unwrapped line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// Byte range of the paragraph text (without surrounding whitespace).
    pub bytes: Range<usize>,
    /// Indices into [`Document::sentences`].
    pub sentences: Range<usize>,
}

/// A tokenized, segmented document. Owns its text so that offsets and text
/// can never disagree.
#[derive(Debug, Clone)]
pub struct Document {
    text: String,
    /// Every token, in text order.
    pub tokens: Vec<Token>,
    /// Every sentence, in text order.
    pub sentences: Vec<Sentence>,
    /// Every paragraph, in text order.
    pub paragraphs: Vec<Paragraph>,
    /// [`sym`](crate::perceptron::sym) of every token's lowercased text,
    /// hashed once here for the cue lexicon, which looks every token up.
    lower_syms: Vec<u64>,
    /// Every token lowercased, one after another: token `i` is
    /// `lower_text[lower_ends[i - 1]..lower_ends[i]]` (lowercasing may
    /// change a token's length beyond ASCII).
    lower_text: String,
    lower_ends: Vec<usize>,
}

impl Document {
    /// Segments and tokenizes `text`. Never fails: any string is a document.
    pub fn new(text: impl Into<String>) -> Self {
        let text = text.into();
        let mut doc = Document {
            text,
            tokens: Vec::new(),
            sentences: Vec::new(),
            paragraphs: Vec::new(),
            lower_syms: Vec::new(),
            lower_text: String::new(),
            lower_ends: Vec::new(),
        };
        doc.segment();
        doc
    }

    /// The document text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Tokens of the first occurrence of `needle` in the text, which must
    /// start and end on token boundaries (tests name spans by their words).
    #[cfg(test)]
    pub(crate) fn tokens_of(&self, needle: &str) -> Range<usize> {
        let at = self.text.find(needle).expect("needle in text");
        let end = at + needle.len();
        let first = self.tokens.iter().position(|t| t.start == at);
        let last = self.tokens.iter().position(|t| t.end == end);
        first.expect("a token starts at the needle")..last.expect("a token ends it") + 1
    }

    /// The text of token `i`.
    pub fn token_text(&self, i: usize) -> &str {
        self.tokens[i].text(&self.text)
    }

    /// [`sym`](crate::perceptron::sym) of token `i`'s lowercased text.
    pub fn lower_sym(&self, i: usize) -> u64 {
        self.lower_syms[i]
    }

    /// Token `i`'s text lowercased, computed once per document: the
    /// passes that compare words with word lists read it without
    /// allocating.
    pub fn lower(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.lower_ends[i - 1] };
        &self.lower_text[start..self.lower_ends[i]]
    }

    /// Code point offsets of every token: `(starts, ends)`.
    pub fn token_char_offsets(&self) -> (Vec<usize>, Vec<usize>) {
        let chars = CharOffsets::new(&self.text);
        self.tokens
            .iter()
            .map(|t| (chars.char_offset(t.start), chars.char_offset(t.end)))
            .unzip()
    }

    /// Index of the sentence holding token `i` (binary search).
    pub fn sentence_of(&self, token: usize) -> usize {
        self.sentences
            .partition_point(|s| s.tokens.end <= token)
            .min(self.sentences.len().saturating_sub(1))
    }

    fn segment(&mut self) {
        let text = std::mem::take(&mut self.text);
        for para in paragraph_ranges(&text) {
            let first_token = self.tokens.len();
            tokenize_into(&text, para.clone(), &mut self.tokens);
            if self.tokens.len() == first_token {
                continue;
            }
            let first_sentence = self.sentences.len();
            split_sentences(
                &text,
                &self.tokens,
                first_token..self.tokens.len(),
                self.paragraphs.len(),
                &mut self.sentences,
            );
            self.push_paragraphs(para, first_sentence);
        }
        let mut lower_text = String::with_capacity(text.len());
        let mut lower_ends = Vec::with_capacity(self.tokens.len());
        let mut lower_syms = Vec::with_capacity(self.tokens.len());
        for t in &self.tokens {
            let start = lower_text.len();
            let word = t.text(&text);
            if word.is_ascii() {
                lower_text.push_str(word);
                lower_text[start..].make_ascii_lowercase();
            } else {
                lower_text.extend(word.chars().flat_map(char::to_lowercase));
            }
            lower_syms.push(crate::perceptron::sym(&lower_text[start..]));
            lower_ends.push(lower_text.len());
        }
        self.lower_text = lower_text;
        self.lower_ends = lower_ends;
        self.lower_syms = lower_syms;
        self.text = text;
    }

    /// Adds the paragraph `bytes` whose sentences start at `first`, split
    /// at sentence ends into pieces of at most [`MAX_PARAGRAPH_TOKENS`]
    /// tokens (a giant paragraph is a run of ordinary ones to every later
    /// stage, which keeps per-paragraph work and buffers bounded).
    fn push_paragraphs(&mut self, bytes: Range<usize>, first: usize) {
        let end = self.sentences.len();
        let mut start = first;
        while start < end {
            let base = self.sentences[start].tokens.start;
            let mut stop = start + 1;
            while stop < end && self.sentences[stop].tokens.end - base <= MAX_PARAGRAPH_TOKENS {
                stop += 1;
            }
            let piece = if start == first && stop == end {
                bytes.clone()
            } else {
                let a = self.tokens[base].start;
                let b = self.tokens[self.sentences[stop - 1].tokens.end - 1].end;
                a..b
            };
            let paragraph = self.paragraphs.len();
            for s in &mut self.sentences[start..stop] {
                s.paragraph = paragraph;
            }
            self.paragraphs.push(Paragraph {
                bytes: piece,
                sentences: start..stop,
            });
            start = stop;
        }
    }
}

/// Longest sentence, in tokens: a run without a sentence end is cut there.
/// News sentences stay far below (PolNeAR's longest has under 200 tokens);
/// the bound makes every scan within a sentence a constant, so a megabyte
/// without a period costs what a megabyte of prose costs.
pub const MAX_SENTENCE_TOKENS: usize = 400;

/// Longest paragraph, in tokens, before it is split at a sentence end.
pub const MAX_PARAGRAPH_TOKENS: usize = 2_000;

/// Lowercases `s` into `buf` unless it is already lowercase ASCII.
pub(crate) fn lowercase<'a>(s: &'a str, buf: &'a mut String) -> &'a str {
    if s.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        return s;
    }
    buf.clear();
    buf.extend(s.chars().flat_map(char::to_lowercase));
    buf
}

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

/// Words that take a period without ending a sentence when followed by a name
/// or a lowercase word. Lowercase, without the period.
/// State abbreviations that are no English word are listed ("Tenn.",
/// "Del.", also the title of a delegate: "Del. Stacey Plaskett"); "Ill.",
/// "Mass." or "Wash." are not, since they also end sentences as words.
const ABBREVIATIONS: &[&str] = &[
    "adm", "ala", "apr", "ariz", "ark", "aug", "ave", "blvd", "calif", "capt", "cmdr", "co", "col",
    "colo", "conn", "corp", "dec", "del", "dept", "dr", "etc", "feb", "fig", "fla", "ft", "ga",
    "gen", "gov", "hon", "inc", "jan", "jr", "jul", "jun", "kan", "ky", "lt", "ltd", "maj", "md",
    "mich", "minn", "mr", "mrs", "ms", "mt", "neb", "nev", "nov", "oct", "okla", "pa", "pres",
    "prof", "rep", "reps", "rev", "sen", "sens", "sep", "sept", "sgt", "sr", "st", "supt", "tenn",
    "va", "vs", "vt", "wis", "wyo",
];

/// Titles never end a sentence: they always precede a name.
const TITLES: &[&str] = &[
    "adm", "capt", "cmdr", "col", "dr", "gen", "gov", "hon", "lt", "maj", "mr", "mrs", "ms",
    "pres", "prof", "rep", "reps", "rev", "sen", "sens", "sgt", "supt",
];

/// Capitalized words that usually begin a new sentence; after an
/// abbreviation such as `U.S.` they mark a sentence break.
const SENTENCE_STARTERS: &[&str] = &[
    "a",
    "after",
    "and",
    "as",
    "at",
    "but",
    "for",
    "he",
    "her",
    "his",
    "however",
    "i",
    "if",
    "in",
    "it",
    "its",
    "meanwhile",
    "on",
    "she",
    "so",
    "that",
    "the",
    "their",
    "there",
    "these",
    "they",
    "this",
    "we",
    "when",
    "while",
    "yet",
    "you",
];

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Separators: whitespace and control characters (which are never content).
fn is_separator(c: char) -> bool {
    c.is_whitespace() || c.is_control()
}

/// Quotation marks of every family we pair, and apostrophes.
pub(crate) fn is_quote_char(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '”'
            | '„'
            | '‟'
            | '«'
            | '»'
            | '‘'
            | '’'
            | '‚'
            | '‛'
            | '‹'
            | '›'
            | '`'
    )
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑')
}

/// A small cursor over `text[range]` by chars.
struct Cursor<'a> {
    text: &'a str,
    pos: usize,
    end: usize,
}

impl Cursor<'_> {
    /// The char at `byte`; ASCII without decoding (most of news text).
    fn peek_at(&self, byte: usize) -> Option<char> {
        if byte >= self.end {
            return None;
        }
        match self.text.as_bytes().get(byte) {
            Some(&b) if b.is_ascii() => Some(char::from(b)),
            _ => self.text[byte..self.end].chars().next(),
        }
    }
    fn peek(&self) -> Option<char> {
        self.peek_at(self.pos)
    }
    /// The char after the one at `byte`, and its byte offset.
    fn next_after(&self, byte: usize) -> Option<(usize, char)> {
        let c = self.peek_at(byte)?;
        let next = byte + c.len_utf8();
        self.peek_at(next).map(|d| (next, d))
    }
}

fn tokenize_into(text: &str, range: Range<usize>, out: &mut Vec<Token>) {
    let mut cur = Cursor {
        text,
        pos: range.start,
        end: range.end,
    };
    let mut space_before = true;
    while let Some(c) = cur.peek() {
        if is_separator(c) {
            cur.pos += c.len_utf8();
            space_before = true;
            if let Some(last) = out.last_mut() {
                if last.end <= cur.pos && last.start >= range.start {
                    last.space_after = true;
                }
            }
            continue;
        }
        let start = cur.pos;
        let kind = if is_word_char(c) {
            scan_word(&mut cur)
        } else if is_quote_char(c) {
            cur.pos += c.len_utf8();
            // Two apostrophes or backticks stand for a double quote (''…'').
            if (c == '\'' || c == '`') && cur.peek() == Some(c) {
                cur.pos += 1;
            }
            TokenKind::QuoteMark
        } else {
            scan_punct(&mut cur, c);
            TokenKind::Punct
        };
        out.push(Token {
            start,
            end: cur.pos,
            kind,
            space_before,
            space_after: cur.pos >= range.end,
        });
        space_before = false;
    }
}

/// Scans a word or number starting at the cursor; returns its kind.
fn scan_word(cur: &mut Cursor<'_>) -> TokenKind {
    let start = cur.pos;
    let first = cur.peek().unwrap_or(' ');
    let numeric = first.is_numeric();
    let mut letters = 0usize;
    loop {
        while let Some(c) = cur.peek().filter(|&c| is_word_char(c)) {
            cur.pos += c.len_utf8();
            letters += 1;
        }
        // Joiners: an apostrophe or hyphen between word chars, a period,
        // comma or slash between digits ("9/11", "24/7", "3/4").
        let Some(j) = cur.peek() else { break };
        let Some((_, after)) = cur.next_after(cur.pos) else {
            break;
        };
        // An ASCII byte is never part of a longer char.
        let prev_digit = cur.pos > 0 && cur.text.as_bytes()[cur.pos - 1].is_ascii_digit();
        let joins = (is_apostrophe(j) || is_hyphen(j)) && is_word_char(after)
            || matches!(j, '.' | ',' | '/') && prev_digit && after.is_ascii_digit();
        if !joins {
            break;
        }
        cur.pos += j.len_utf8();
    }
    if numeric {
        return TokenKind::Number;
    }
    // Dotted abbreviations (U.S., a.m., U.N.) and initials (J.).
    if cur.peek() == Some('.') {
        let word = &cur.text[start..cur.pos];
        if letters == 1 {
            // Initial or start of a dotted chain: X.Y.Z.
            let mut p = cur.pos + 1;
            while let Some(l) = cur.peek_at(p).filter(|c| c.is_alphabetic()) {
                let dot = p + l.len_utf8();
                if cur.peek_at(dot) != Some('.') {
                    break;
                }
                p = dot + 1;
            }
            let single_upper = word.chars().all(char::is_uppercase);
            if p > cur.pos + 1 || single_upper {
                cur.pos = p;
                return TokenKind::Abbreviation;
            }
        }
        if is_listed(word, ABBREVIATIONS) {
            cur.pos += 1;
            return TokenKind::Abbreviation;
        }
    }
    TokenKind::Word
}

fn scan_punct(cur: &mut Cursor<'_>, c: char) {
    cur.pos += c.len_utf8();
    // Runs that read as one symbol: "...", "--", "?!", "!!".
    if matches!(c, '.' | '-' | '!' | '?') {
        while let Some(d) = cur.peek() {
            let same_run = d == c || (c == '?' && d == '!') || (c == '!' && d == '?');
            if !same_run {
                break;
            }
            cur.pos += d.len_utf8();
        }
    }
}

/// Case-insensitive membership of an ASCII word list, without allocating.
fn is_listed(word: &str, list: &[&str]) -> bool {
    word.len() <= 8
        && list
            .iter()
            .any(|w| w.len() == word.len() && w.eq_ignore_ascii_case(word))
}

fn is_terminal(tok: &Token, text: &str) -> bool {
    if tok.kind != TokenKind::Punct {
        return false;
    }
    let t = tok.text(text);
    t.starts_with('.') || t.starts_with('!') || t.starts_with('?') || t == "…"
}

fn is_closing_bracket(tok: &Token, text: &str) -> bool {
    tok.kind == TokenKind::Punct && matches!(tok.text(text), ")" | "]" | "}")
}

/// Whether a sentence may start at `tok`: not with a lowercase word.
fn can_start_sentence(tok: &Token, text: &str) -> bool {
    match tok.kind {
        TokenKind::Word | TokenKind::Abbreviation => tok
            .text(text)
            .chars()
            .next()
            .is_some_and(|c| !c.is_lowercase()),
        TokenKind::Number | TokenKind::QuoteMark => true,
        TokenKind::Punct => !matches!(tok.text(text), "," | ";" | ":" | ")" | "]"),
    }
}

fn split_sentences(
    text: &str,
    tokens: &[Token],
    range: Range<usize>,
    paragraph: usize,
    out: &mut Vec<Sentence>,
) {
    let mut start = range.start;
    // A dateline ("WASHINGTON —", "RENO, Nev. (AP) —") is a sentence of
    // its own: the place is no subject of what follows.
    if let Some(end) = dateline_end(text, tokens, range.clone()) {
        out.push(Sentence {
            tokens: start..end,
            paragraph,
        });
        start = end;
    }
    let mut i = start;
    while i < range.end {
        if i - start >= MAX_SENTENCE_TOKENS {
            out.push(Sentence {
                tokens: start..i,
                paragraph,
            });
            start = i;
        }
        let tok = &tokens[i];
        let breaks_after = if is_terminal(tok, text) {
            true
        } else if tok.kind == TokenKind::Abbreviation {
            abbreviation_ends_sentence(text, tokens, i, range.end)
        } else {
            false
        };
        if !breaks_after {
            i += 1;
            continue;
        }
        // Absorb closing quotes and brackets attached to the terminal.
        let mut j = i + 1;
        while j < range.end
            && j - i <= 4
            && !tokens[j].space_before
            && (tokens[j].kind == TokenKind::QuoteMark || is_closing_bracket(&tokens[j], text))
        {
            j += 1;
        }
        if j < range.end && can_start_sentence(&tokens[j], text) && tokens[j].space_before {
            out.push(Sentence {
                tokens: start..j,
                paragraph,
            });
            start = j;
        }
        i = j;
    }
    if start < range.end {
        out.push(Sentence {
            tokens: start..range.end,
            paragraph,
        });
    }
}

/// Whether a token is a dash ("-", "--", "—", "―", "–"): it sets off an
/// aside or ends a dateline.
pub(crate) fn is_dash(token: &str) -> bool {
    matches!(token, "-" | "--" | "—" | "―" | "–")
}

/// Where a paragraph's dateline ends, after its dash: a place in capitals
/// ("WASHINGTON", "NEW YORK"), then at most a region ("Nev.", "Ukraine")
/// and an agency in brackets ("(AP)"), then a dash between spaces and a
/// sentence opening after it. A place in ordinary capitals needs the
/// agency ("Philadelphia (AFP) –"): without it, "Pollsters agree - Clinton
/// leads" is a sentence.
fn dateline_end(text: &str, tokens: &[Token], range: Range<usize>) -> Option<usize> {
    let capitals = |t: &Token| {
        let w = t.text(text);
        matches!(t.kind, TokenKind::Word | TokenKind::Abbreviation)
            && w.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !w.chars().any(char::is_lowercase)
    };
    let capitalized = |t: &Token| {
        matches!(t.kind, TokenKind::Word | TokenKind::Abbreviation)
            && t.text(text).starts_with(char::is_uppercase)
    };
    let mut i = range.start;
    let first = tokens.get(i).filter(|_| i < range.end)?;
    let in_capitals = capitals(first);
    if !in_capitals && !capitalized(first) {
        return None;
    }
    let mut agency = false;
    while i < range.end && capitals(&tokens[i]) {
        i += 1;
    }
    let limit = (range.start + DATELINE_TOKENS).min(range.end);
    while i < limit {
        let t = &tokens[i];
        let w = t.text(text);
        if t.kind == TokenKind::Punct && is_dash(w) {
            // The sentence after it opens with a capital, a digit or a
            // quote ("NATO — the alliance — said" is an aside).
            let opens = |n: &Token| {
                n.space_before
                    && (n.kind == TokenKind::QuoteMark
                        || n.text(text)
                            .starts_with(|c: char| c.is_uppercase() || c.is_numeric()))
            };
            let spaced = t.space_before && tokens.get(i + 1).is_some_and(opens);
            return (spaced && i + 1 < range.end && (in_capitals || agency)).then_some(i + 1);
        }
        if !(capitalized(t) || matches!(w, "," | "(" | ")")) {
            return None;
        }
        agency |= w == ")"
            && i >= range.start + 2
            && tokens[i - 2].text(text) == "("
            && capitalized(&tokens[i - 1])
            && tokens[i - 1].text(text).chars().count() >= 2;
        i += 1;
    }
    None
}

/// Most tokens of a dateline before its dash ("RENO , Nev. ( AP )").
pub(crate) const DATELINE_TOKENS: usize = 10;

/// An abbreviation's period ends the sentence only when a typical sentence
/// starter follows ("… in the U.S. The …"); titles never end one.
fn abbreviation_ends_sentence(text: &str, tokens: &[Token], i: usize, end: usize) -> bool {
    let word = tokens[i].text(text);
    let bare = word.strip_suffix('.').unwrap_or(word);
    if is_listed(bare, TITLES) || i + 1 >= end {
        return false;
    }
    let next = &tokens[i + 1];
    let next_text = next.text(text);
    next.kind == TokenKind::Word
        && next_text.chars().next().is_some_and(char::is_uppercase)
        && is_listed(next_text, SENTENCE_STARTERS)
}

/// Maps byte offsets of a text to Unicode code point offsets.
///
/// Built once per document in O(n); ASCII text takes a fast path with no
/// table at all. Lookups are O(log n) for non-ASCII text.
#[derive(Debug, Clone)]
pub struct CharOffsets {
    /// Byte offsets of every non-ASCII char (sorted). Empty for ASCII text.
    wide: Vec<(usize, usize)>,
}

impl CharOffsets {
    /// Builds the map for `text`.
    pub fn new(text: &str) -> Self {
        let mut wide = Vec::new();
        if !text.is_ascii() {
            // (byte offset after a multi-byte char, bytes saved so far)
            let mut extra = 0;
            for (b, c) in text.char_indices() {
                let len = c.len_utf8();
                if len > 1 {
                    extra += len - 1;
                    wide.push((b + len, extra));
                }
            }
        }
        CharOffsets { wide }
    }

    /// Code point offset of byte offset `byte` (which must be a char boundary).
    pub fn char_offset(&self, byte: usize) -> usize {
        let k = self.wide.partition_point(|&(b, _)| b <= byte);
        if k == 0 {
            byte
        } else {
            byte - self.wide[k - 1].1
        }
    }
}

/// Byte offset of code point offset `chars` in `text`, or `None` past the end.
pub fn byte_offset(text: &str, chars: usize) -> Option<usize> {
    if chars == 0 {
        return Some(0);
    }
    text.char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()))
        .nth(chars)
}

/// Normalizes line ends as Python's universal newlines do (`\r\n` and `\r`
/// become `\n`), so offsets agree with the reference scorer and with
/// PolNeAR's annotations.
pub fn normalize_newlines(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains('\r') {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_carry_their_lowercase_and_its_hash() {
        let doc = Document::new("Said SAID said ŁÓDŹ łódź 2016 U.S.");
        for i in 0..doc.tokens.len() {
            let lower = doc.token_text(i).to_lowercase();
            assert_eq!(doc.lower_sym(i), crate::perceptron::sym(&lower), "{lower}");
            assert_eq!(doc.lower(i), lower);
        }
        assert_eq!(doc.lower_sym(0), doc.lower_sym(1));
        assert_eq!(doc.lower_sym(3), doc.lower_sym(4));
    }

    fn toks(text: &str) -> Vec<String> {
        let d = Document::new(text);
        (0..d.tokens.len())
            .map(|i| d.token_text(i).to_string())
            .collect()
    }

    fn sents(text: &str) -> Vec<String> {
        let d = Document::new(text);
        d.sentences
            .iter()
            .map(|s| {
                let a = d.tokens[s.tokens.start].start;
                let b = d.tokens[s.tokens.end - 1].end;
                d.text()[a..b].to_string()
            })
            .collect()
    }

    #[test]
    fn tokenizes_news_words() {
        assert_eq!(
            toks("Sen. O’Malley’s U.S. plan costs $3.2 million, or 800,000 votes..."),
            [
                "Sen.",
                "O’Malley’s",
                "U.S.",
                "plan",
                "costs",
                "$",
                "3.2",
                "million",
                ",",
                "or",
                "800,000",
                "votes",
                "..."
            ]
        );
        assert_eq!(
            toks("Interfax-Ukraine — a 6-1 vote"),
            ["Interfax-Ukraine", "—", "a", "6-1", "vote"]
        );
        assert_eq!(toks("“Hi,” he said"), ["“", "Hi", ",", "”", "he", "said"]);
        assert_eq!(toks("the Debates’ 15"), ["the", "Debates", "’", "15"]);
        assert_eq!(toks("George W. Bush"), ["George", "W.", "Bush"]);
        assert_eq!(
            toks("''Yes,'' he said"),
            ["''", "Yes", ",", "''", "he", "said"]
        );
    }

    /// Words with letters beyond ASCII, and joiners after them, read as
    /// the ASCII fast path reads plain words.
    #[test]
    fn tokenizes_words_beyond_ascii() {
        assert_eq!(
            toks("Zürich’s naïve café—Łódź 9/11, ½ x٣4 façade-like"),
            [
                "Zürich’s",
                "naïve",
                "café",
                "—",
                "Łódź",
                "9/11",
                ",",
                "½",
                "x٣4",
                "façade-like"
            ]
        );
    }

    /// A dateline is a sentence of its own, so that the place is never
    /// the subject of what follows; a dash inside a sentence splits
    /// nothing, nor does a capitalized word that is no dateline.
    #[test]
    fn a_dateline_is_a_sentence_of_its_own() {
        for (text, dateline) in [
            ("WASHINGTON — Sen. Lopez said no.", "WASHINGTON —"),
            (
                "RENO, Nev. (AP) — The senator said no.",
                "RENO, Nev. (AP) —",
            ),
            ("KYIV, Ukraine -- Officials said no.", "KYIV, Ukraine --"),
            (
                "Philadelphia (AFP) – US President Barack Obama said no.",
                "Philadelphia (AFP) –",
            ),
        ] {
            let s = sents(text);
            assert_eq!(s.len(), 2, "{text}");
            assert_eq!(s[0], dateline);
        }
        assert_eq!(sents("NATO — the alliance — said no.").len(), 1);
        assert_eq!(sents("Washington — the capital — said no.").len(), 1);
        assert_eq!(sents("WASHINGTON said no — twice.").len(), 1);
        // Ordinary capitals make a dateline only with an agency.
        assert_eq!(sents("Pollsters agree - Clinton leads.").len(), 1);
        assert_eq!(sents("Senator Smith (R) — The bill passed.").len(), 1);
    }

    #[test]
    fn splits_sentences_at_news_boundaries() {
        assert_eq!(
            sents("Mr. Smith went to Washington. He said no."),
            ["Mr. Smith went to Washington.", "He said no."]
        );
        assert_eq!(
            sents("He lives in the U.S. The rest stayed. Jan. 5 was cold."),
            [
                "He lives in the U.S.",
                "The rest stayed.",
                "Jan. 5 was cold."
            ]
        );
        assert_eq!(
            sents("“We will win.” Trump said so. “Why?” he asked."),
            ["“We will win.”", "Trump said so.", "“Why?” he asked."]
        );
        assert_eq!(
            sents("He paused... Then he left. The U.S. Senate voted."),
            ["He paused...", "Then he left.", "The U.S. Senate voted."]
        );
        assert_eq!(
            sents("George W. Bush spoke (briefly.) Then left."),
            ["George W. Bush spoke (briefly.)", "Then left."]
        );
    }

    #[test]
    fn paragraphs_split_at_blank_lines_only() {
        let d = Document::new("Title\n\nOne line\nwrapped here.\n \nLast.");
        assert_eq!(d.paragraphs.len(), 3);
        assert_eq!(
            &d.text()[d.paragraphs[1].bytes.clone()],
            "One line\nwrapped here."
        );
    }

    /// Text written a paragraph per line (lines longer than wrapped text
    /// has) has a paragraph per line; a wrapped block stays one (a
    /// regression: a headline and 30 paragraphs joined by single newlines
    /// were two paragraphs).
    #[test]
    fn unwrapped_lines_are_paragraphs() {
        let long = "A line far longer than any hard-wrapped line would be, as text exported \
                    a paragraph per line has them, with a sentence or two in it.";
        let text = format!("Title\n{long}\n{long}\nShort last line.\n\nOne line\nwrapped here.");
        let d = Document::new(&text);
        let paragraphs: Vec<&str> = d
            .paragraphs
            .iter()
            .map(|p| &d.text()[p.bytes.clone()])
            .collect();
        assert_eq!(
            paragraphs,
            [
                "Title",
                long,
                long,
                "Short last line.",
                "One line\nwrapped here."
            ]
        );
    }

    /// Regression (hardening issue, finding 4): a run without sentence
    /// ends is cut into bounded sentences, a huge paragraph into bounded
    /// paragraphs, and both still tile the tokens in order.
    #[test]
    fn sentences_and_paragraphs_are_bounded() {
        let text = format!(
            "Short one. {}\n\n{}",
            "word ".repeat(5 * MAX_SENTENCE_TOKENS),
            "A sentence. ".repeat(MAX_PARAGRAPH_TOKENS)
        );
        let d = Document::new(text);
        let mut next = 0;
        for (p, para) in d.paragraphs.iter().enumerate() {
            let tokens = d.sentences[para.sentences.start].tokens.start
                ..d.sentences[para.sentences.end - 1].tokens.end;
            assert!(tokens.len() <= MAX_PARAGRAPH_TOKENS);
            assert_eq!(
                d.tokens[tokens.start].start, para.bytes.start,
                "paragraph {p} starts at its first token"
            );
            for s in &d.sentences[para.sentences.clone()] {
                assert_eq!(s.tokens.start, next);
                assert_eq!(s.paragraph, p);
                assert!(!s.tokens.is_empty() && s.tokens.len() <= MAX_SENTENCE_TOKENS);
                next = s.tokens.end;
            }
        }
        assert_eq!(next, d.tokens.len());
        assert!(d.paragraphs.len() >= 3, "{}", d.paragraphs.len());
        // Closing quotes glued to a sentence end stay bounded too.
        let marks = format!("Yes.{}", "”".repeat(10_000));
        let d = Document::new(marks);
        assert!(d
            .sentences
            .iter()
            .all(|s| s.tokens.len() <= MAX_SENTENCE_TOKENS));
    }

    #[test]
    fn empty_and_whitespace_documents() {
        assert!(Document::new("").tokens.is_empty());
        assert!(Document::new(" \n\n\t").sentences.is_empty());
    }

    #[test]
    fn char_offsets_map_bytes_to_code_points() {
        let text = "a’b “c” d";
        let map = CharOffsets::new(text);
        for (chars, (byte, _)) in text.char_indices().enumerate() {
            assert_eq!(map.char_offset(byte), chars);
            assert_eq!(byte_offset(text, chars), Some(byte));
        }
        assert_eq!(map.char_offset(text.len()), text.chars().count());
        assert_eq!(byte_offset(text, 100), None);
    }

    #[test]
    fn newlines_normalized_like_python() {
        assert_eq!(normalize_newlines("a\r\nb\rc\n"), "a\nb\nc\n");
    }

    /// Regression: "Del." (a delegate's title, a state) ended the
    /// sentence, and "Del" became a speaker; "9/11" was three tokens, and
    /// "9/11 widow Terry Strada" gave the speaker "9".
    #[test]
    fn state_abbreviations_and_slashed_numbers_stay_whole() {
        let doc =
            Document::new("It was wrong, said Del. Stacey Plaskett of Dover, Del. The vote came.");
        assert_eq!(doc.sentences.len(), 2, "{:?}", doc.sentences);
        let doc = Document::new("A 9/11 widow spoke at the 24/7 diner.");
        let words: Vec<&str> = (0..doc.tokens.len()).map(|i| doc.token_text(i)).collect();
        assert!(
            words.contains(&"9/11") && words.contains(&"24/7"),
            "{words:?}"
        );
        assert_eq!(doc.tokens[1].kind, TokenKind::Number);
    }
}
