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

mod paragraphs;
mod sentences;
mod tokenize;
mod word_set;

pub use paragraphs::paragraph_ranges;
use sentences::split_sentences;
pub(crate) use sentences::{is_dash, DATELINE_TOKENS};
use tokenize::tokenize_into;
pub(crate) use word_set::WordSet;

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
    /// The sentence of every token ([`Document::sentence_of`]), which the
    /// resolution passes ask for at nearly every token they look at.
    token_sentences: Vec<u32>,
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
            token_sentences: Vec::new(),
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
    #[inline]
    pub fn token_text(&self, i: usize) -> &str {
        self.tokens[i].text(&self.text)
    }

    /// Whether token `i`'s text is `word`, compared as bytes: the passes
    /// that test every token for a comma or a word ask this instead of
    /// slicing the text (a slice of a `str` checks both char boundaries).
    #[inline]
    pub fn token_is(&self, i: usize, word: &str) -> bool {
        let t = &self.tokens[i];
        self.text.as_bytes().get(t.start..t.end) == Some(word.as_bytes())
    }

    /// Whether token `i` begins with an uppercase letter, as
    /// `token_text(i).starts_with(char::is_uppercase)` but from its first
    /// byte when that is ASCII (most tokens).
    #[inline]
    pub fn is_capitalized(&self, i: usize) -> bool {
        let t = &self.tokens[i];
        match self.text.as_bytes().get(t.start) {
            Some(b) if b.is_ascii() => t.end > t.start && b.is_ascii_uppercase(),
            _ => self.token_text(i).starts_with(char::is_uppercase),
        }
    }

    /// [`sym`](crate::perceptron::sym) of token `i`'s lowercased text.
    #[inline]
    pub fn lower_sym(&self, i: usize) -> u64 {
        self.lower_syms[i]
    }

    /// Token `i`'s text lowercased, computed once per document: the
    /// passes that compare words with word lists read it without
    /// allocating.
    #[inline]
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
    #[inline]
    pub fn sentence_of(&self, token: usize) -> usize {
        match self.token_sentences.get(token) {
            Some(&k) => k as usize,
            None => self.sentence_searched(token),
        }
    }

    /// [`Document::sentence_of`] by binary search: the first sentence
    /// ending after `token`, or the last.
    fn sentence_searched(&self, token: usize) -> usize {
        self.sentences
            .partition_point(|s| s.tokens.end <= token)
            .min(self.sentences.len().saturating_sub(1))
    }

    fn segment(&mut self) {
        let text = std::mem::take(&mut self.text);
        // About a token per five bytes of news text: one allocation
        // instead of a dozen doublings, each a copy.
        self.tokens.reserve(text.len() / 5);
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
        // Bytes, not a `String`: appending a lowercased ASCII byte is a
        // push, without `String`'s per-char encoding or a copy per token.
        let mut lower_text: Vec<u8> = Vec::with_capacity(text.len());
        let mut lower_ends = Vec::with_capacity(self.tokens.len());
        let mut lower_syms = Vec::with_capacity(self.tokens.len());
        for t in &self.tokens {
            let start = lower_text.len();
            let word = t.text(&text);
            if word.is_ascii() {
                lower_text.extend(word.bytes().map(|b| b.to_ascii_lowercase()));
            } else {
                for c in word.chars().flat_map(char::to_lowercase) {
                    lower_text.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
                }
            }
            // `sym` of the lowercased word.
            lower_syms.push(crate::perceptron::sym_of_bytes(
                lower_text[start..].iter().copied(),
            ));
            lower_ends.push(lower_text.len());
        }
        // Whole chars were appended, so the bytes are UTF-8.
        let lower_text = String::from_utf8(lower_text)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
        self.lower_text = lower_text;
        self.lower_ends = lower_ends;
        self.lower_syms = lower_syms;
        self.text = text;
        // Sentences are in token order: one walk finds each token's.
        let mut k = 0;
        let last = self.sentences.len().saturating_sub(1);
        self.token_sentences = (0..self.tokens.len())
            .map(|t| {
                while k < last && self.sentences[k].tokens.end <= t {
                    k += 1;
                }
                k as u32
            })
            .collect();
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
            // (byte offset after a multi-byte char, bytes saved so far),
            // read off the lead bytes (the text is UTF-8): eight ASCII bytes
            // are skipped at once, no char is decoded.
            const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
            let bytes = text.as_bytes();
            let mut extra = 0;
            let mut at = 0;
            while at < bytes.len() {
                if let Some(chunk) = bytes
                    .get(at..at + 8)
                    .and_then(|c| <[u8; 8]>::try_from(c).ok())
                {
                    if u64::from_le_bytes(chunk) & HIGH_BITS == 0 {
                        at += 8;
                        continue;
                    }
                }
                let lead = bytes[at];
                if lead >= 0xC0 {
                    let len = lead.leading_ones() as usize;
                    extra += len - 1;
                    wide.push((at + len, extra));
                }
                at += 1;
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
mod tests;
