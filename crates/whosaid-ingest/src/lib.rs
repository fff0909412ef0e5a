//! Readers for whosaid: plain text, HTML pages, JSONL corpora and WARC
//! archives (plain or multi-member gzip), from files, directories or stdin.
//!
//! Reading is split in two so that a batch can use every core: a
//! [`Reader`] walks the inputs sequentially and yields [`RawRecord`]s
//! (cheap: bytes and the metadata the container gives), and
//! [`RawRecord::into_document`] does the expensive part — charset decoding
//! and main-content extraction of HTML — wherever the caller likes.
//!
//! Errors name the input file and the record (line, byte offset or id);
//! a bad record never ends a reader, which goes on with the next one.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Serialize;

pub mod fixture;
pub mod gzip;
pub mod html;
pub mod input;
pub mod jsonl;
pub mod warc;

pub use input::{expand_paths, is_known_input, InputFormat, Reader, ReaderOptions};
pub use jsonl::FieldNames;

/// What is known about a document besides its text. Every field is
/// optional: a plain `.txt` file has only an id.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Metadata {
    /// Stable identifier: the file stem, the JSONL `id`, the WARC record id.
    pub id: String,
    /// Canonical URL of the page, or the address it was fetched from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Headline.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Author(s) as the page gives them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub byline: Option<String>,
    /// Publication date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<NaiveDate>,
    /// Outlet or site name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    /// Language tag (`en`, `en-US`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// Whether `id` was made from where the record sits (a file's name, a
    /// line number, a byte offset, `stdin`) rather than given by the
    /// document: two files named `story.txt` in two folders share such an
    /// id, so the store keys these documents by their text instead.
    #[serde(skip)]
    pub id_from_input: bool,
}

/// Where a record sits in its input, for error reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Locator {
    /// The whole file.
    File,
    /// 1-based line of a JSONL file.
    Line(u64),
    /// Byte offset of a WARC record (in the decompressed stream).
    Offset(u64),
}

impl std::fmt::Display for Locator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Locator::File => Ok(()),
            Locator::Line(n) => write!(f, " line {n}"),
            Locator::Offset(n) => write!(f, " offset {n}"),
        }
    }
}

/// Limits applied while decoding a record into a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DecodeLimits {
    /// Longest document text, in bytes, after decoding (HTML main content,
    /// JSONL `text`, a text file). Extraction holds 40–90 bytes per byte of
    /// text (more when attributions are dense), so this bounds a worker's
    /// memory.
    pub max_text_bytes: usize,
    /// Markup limits of HTML pages.
    pub html: html::HtmlLimits,
}

/// Default [`DecodeLimits::max_text_bytes`]: 1 MiB, a 170,000-word text,
/// several times the longest news article (long-form pieces run to 20,000
/// words). Memory grows with the attributions a text holds: the densest
/// shape measured (`"a" said B.` repeated, one attribution per 12 bytes)
/// costs about 95 bytes per byte of text; at 2 MiB, two such documents on
/// two workers passed the 300 MB bound of a batch.
pub const DEFAULT_MAX_TEXT_BYTES: usize = 1 << 20;

impl Default for DecodeLimits {
    fn default() -> Self {
        DecodeLimits {
            max_text_bytes: DEFAULT_MAX_TEXT_BYTES,
            html: html::HtmlLimits::default(),
        }
    }
}

/// A record's payload before decoding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Body {
    /// Text, paragraphs separated by blank lines.
    Text(String),
    /// An HTML page's bytes and the charset its container declared (HTTP
    /// `Content-Type`), if any.
    Html {
        /// The page as fetched.
        bytes: Vec<u8>,
        /// Charset label from outside the page.
        charset: Option<String>,
    },
}

/// A record as a reader yields it: metadata from the container, payload
/// still to decode.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawRecord {
    /// The input file (`<stdin>` for standard input).
    pub source: String,
    /// Where in it.
    pub locator: Locator,
    /// What the container says (JSONL fields, WARC headers, file name).
    pub meta: Metadata,
    /// The payload.
    pub body: Body,
}

/// A document ready for extraction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The input file.
    pub source: String,
    /// Where in it.
    pub locator: Locator,
    /// Metadata: the container's, completed from the page.
    pub meta: Metadata,
    /// The text, paragraphs separated by blank lines, line ends `\n`.
    pub text: String,
    /// What the reader should know about how the text was found (a page
    /// whose article was not found, read from its densest block).
    pub warnings: Vec<String>,
}

/// Why an input or a record could not be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum IngestError {
    /// The file could not be opened or read.
    #[error("{path}: {source}")]
    Io {
        /// The input.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// One record is malformed or unusable; the reader goes on.
    #[error("{source_name}{locator}: {reason}")]
    Record {
        /// The input file.
        source_name: String,
        /// Where in it.
        locator: Locator,
        /// Record id, when known.
        id: Option<String>,
        /// What is wrong.
        reason: String,
    },
}

impl IngestError {
    pub(crate) fn record(source: &str, locator: Locator, reason: impl Into<String>) -> Self {
        IngestError::Record {
            source_name: source.to_string(),
            locator,
            id: None,
            reason: reason.into(),
        }
    }

    /// The input file the error is about.
    pub fn source_name(&self) -> String {
        match self {
            IngestError::Io { path, .. } => path.display().to_string(),
            IngestError::Record { source_name, .. } => source_name.clone(),
        }
    }

    /// Where in the input, when the error is about one record.
    pub fn locator(&self) -> Option<Locator> {
        match self {
            IngestError::Record { locator, .. } => Some(*locator),
            IngestError::Io { .. } => None,
        }
    }

    /// The record's id, when known.
    pub fn record_id(&self) -> Option<&str> {
        match self {
            IngestError::Record { id, .. } => id.as_deref(),
            IngestError::Io { .. } => None,
        }
    }

    /// The reason alone, without the location.
    pub fn reason(&self) -> String {
        match self {
            IngestError::Io { source, .. } => source.to_string(),
            IngestError::Record { reason, .. } => reason.clone(),
        }
    }
}

impl RawRecord {
    /// Decodes the payload: text is normalized (line ends, NUL-free), HTML
    /// goes through charset decoding and main-content extraction, and the
    /// page's own metadata fills what the container left empty.
    pub fn into_document(self) -> Result<Document, IngestError> {
        self.into_document_within(&DecodeLimits::default())
    }

    /// [`RawRecord::into_document`] within `limits`: a page past the markup
    /// limits, or a text longer than the text limit, is an error.
    pub fn into_document_within(self, limits: &DecodeLimits) -> Result<Document, IngestError> {
        let RawRecord {
            source,
            locator,
            mut meta,
            body,
        } = self;
        let mut warnings = Vec::new();
        let text = match body {
            Body::Text(t) => normalize_text(t),
            Body::Html { bytes, charset } => {
                let page = html::extract_within(
                    &bytes,
                    meta.url.as_deref(),
                    charset.as_deref(),
                    &limits.html,
                )
                .map_err(|reason| IngestError::Record {
                    source_name: source.clone(),
                    locator,
                    id: Some(meta.id.clone()),
                    reason,
                })?;
                meta.complete_from(page.meta);
                warnings = page.warnings;
                page.text
            }
        };
        if text.len() > limits.max_text_bytes {
            return Err(IngestError::Record {
                source_name: source,
                locator,
                id: Some(meta.id.clone()),
                reason: format!(
                    "text of {} bytes is longer than the {} byte limit (--max-text-bytes)",
                    text.len(),
                    limits.max_text_bytes
                ),
            });
        }
        if text.trim().is_empty() {
            return Err(IngestError::Record {
                source_name: source,
                locator,
                id: Some(meta.id.clone()),
                reason: "no text".into(),
            });
        }
        Ok(Document {
            source,
            locator,
            meta,
            text,
            warnings,
        })
    }
}

impl Metadata {
    /// Fills empty fields from `other` (the page's own metadata).
    pub fn complete_from(&mut self, other: Metadata) {
        fn fill<T>(slot: &mut Option<T>, value: Option<T>) {
            if slot.is_none() {
                *slot = value;
            }
        }
        fill(&mut self.url, other.url);
        fill(&mut self.title, other.title);
        fill(&mut self.byline, other.byline);
        fill(&mut self.published, other.published);
        fill(&mut self.outlet, other.outlet);
        fill(&mut self.language, other.language);
        if self.id.is_empty() {
            self.id = other.id;
            self.id_from_input = other.id_from_input;
        }
    }
}

/// Line ends to `\n` (as Python's universal newlines), NULs dropped. Text
/// that has neither (most) is returned as it came, without a copy.
pub fn normalize_text(text: impl Into<String>) -> String {
    let text = text.into();
    if memchr::memchr2(b'\r', 0, text.as_bytes()).is_none() {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\0' => {}
            c => out.push(c),
        }
    }
    out
}

/// A date from the forms pages use: ISO 8601 (`2016-09-12`,
/// `2016-09-12T10:00:00Z`), RFC 2822 (`Mon, 12 Sep 2016 10:00:00 GMT`).
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if let Some(prefix) = s.get(..10) {
        if let Ok(d) = NaiveDate::parse_from_str(prefix, "%Y-%m-%d") {
            return Some(d);
        }
    }
    if let Ok(d) = chrono::DateTime::parse_from_rfc2822(s) {
        return Some(d.date_naive());
    }
    NaiveDate::parse_from_str(s, "%Y/%m/%d").ok()
}

/// The file stem of a path, as a document id.
pub(crate) fn stem(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "document".into());
    for ext in [
        ".warc.gz",
        ".jsonl.gz",
        ".html",
        ".htm",
        ".txt",
        ".jsonl",
        ".warc",
    ] {
        if let Some(s) = name.strip_suffix(ext) {
            return s.to_string();
        }
    }
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_page_forms() {
        let d = NaiveDate::from_ymd_opt(2016, 9, 12);
        assert_eq!(parse_date("2016-09-12T10:00:00Z"), d);
        assert_eq!(parse_date(" 2016-09-12 "), d);
        assert_eq!(parse_date("Mon, 12 Sep 2016 10:00:00 GMT"), d);
        assert_eq!(parse_date("2016/09/12"), d);
        assert_eq!(parse_date("yesterday"), None);
        assert_eq!(parse_date("2016-13-45"), None);
    }

    #[test]
    fn text_is_normalized() {
        assert_eq!(normalize_text("a\r\nb\rc\0d"), "a\nb\ncd");
        assert_eq!(normalize_text("a\nb “c”"), "a\nb “c”");
    }

    #[test]
    fn stems_drop_compound_extensions() {
        assert_eq!(stem(Path::new("/x/CC-NEWS-1.warc.gz")), "CC-NEWS-1");
        assert_eq!(stem(Path::new("a.b.html")), "a.b");
        assert_eq!(stem(Path::new("noext")), "noext");
    }
}
