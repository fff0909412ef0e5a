//! Inputs: files, directories (recursive) and stdin, their format detected
//! (or forced), gzip undone, records yielded one by one.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use crate::jsonl::{self, FieldNames};
use crate::warc::{WarcRecords, DEFAULT_MAX_RECORD};
use crate::{stem, Body, IngestError, Locator, Metadata, RawRecord};

/// The formats whosaid reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputFormat {
    /// UTF-8 text, paragraphs separated by blank lines (or one per line when lines are not wrapped).
    Text,
    /// One HTML page.
    Html,
    /// One JSON object per line.
    Jsonl,
    /// A WARC archive (`.warc` or `.warc.gz`).
    Warc,
}

impl InputFormat {
    /// The format a file name implies, if any.
    pub fn from_name(name: &str) -> Option<Self> {
        let lower = name.to_ascii_lowercase();
        let lower = lower.strip_suffix(".gz").unwrap_or(&lower);
        let ext = lower.rsplit_once('.').map(|(_, e)| e)?;
        Some(match ext {
            "txt" | "text" => InputFormat::Text,
            "html" | "htm" | "xhtml" => InputFormat::Html,
            "jsonl" | "ndjson" => InputFormat::Jsonl,
            "warc" | "arc" => InputFormat::Warc,
            _ => return None,
        })
    }

    /// The format the first bytes of a stream suggest.
    pub fn sniff(head: &[u8]) -> Self {
        let head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
        let start = head
            .iter()
            .position(|b| !b.is_ascii_whitespace())
            .unwrap_or(head.len());
        let head = &head[start..];
        if head.starts_with(b"WARC/") {
            InputFormat::Warc
        } else if head.starts_with(b"{") {
            InputFormat::Jsonl
        } else if head.starts_with(b"<") {
            InputFormat::Html
        } else {
            InputFormat::Text
        }
    }
}

/// How inputs are read.
#[derive(Debug, Clone)]
pub struct ReaderOptions {
    /// Force one format instead of detecting it per file.
    pub format: Option<InputFormat>,
    /// JSONL field names.
    pub fields: FieldNames,
    /// WARC bodies and whole files above this many bytes are reported, not read.
    pub max_record: u64,
}

impl Default for ReaderOptions {
    fn default() -> Self {
        ReaderOptions {
            format: None,
            fields: FieldNames::default(),
            max_record: DEFAULT_MAX_RECORD,
        }
    }
}

/// Whether a file found while walking a directory is one whosaid reads:
/// its name gives a known format (`.txt`, `.html`, `.jsonl`, `.warc`, each
/// possibly `.gz`). Other files in a corpus folder (annotations, images,
/// notes) are passed over; a file named on the command line is always read.
pub fn is_known_input(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|n| InputFormat::from_name(&n.to_string_lossy()).is_some())
}

/// Expands directories into the files under them (recursively, sorted,
/// hidden entries and files of unknown formats skipped, symbolic links
/// followed with loops detected); files and `-` (stdin) pass through. An
/// entry that cannot be read (a directory without permission, a link
/// loop) is an `Err` in its place, and the walk goes on.
pub fn expand_paths(paths: &[PathBuf]) -> Vec<Result<PathBuf, IngestError>> {
    let mut out = Vec::new();
    for p in paths {
        if !p.is_dir() {
            out.push(Ok(p.clone()));
            continue;
        }
        let walk = walkdir::WalkDir::new(p)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
        for entry in walk {
            match entry {
                Ok(e) if e.file_type().is_dir() => {}
                Ok(e) => {
                    if is_known_input(e.path()) {
                        out.push(Ok(e.into_path()));
                    }
                }
                Err(e) => {
                    let path = e.path().unwrap_or(p).to_path_buf();
                    let reason = if e.loop_ancestor().is_some() {
                        "a symbolic link loop".to_string()
                    } else {
                        e.io_error()
                            .map_or_else(|| e.to_string(), |io| io.to_string())
                    };
                    out.push(Err(IngestError::record(
                        &path.display().to_string(),
                        Locator::File,
                        format!("cannot be read: {reason}"),
                    )));
                }
            }
        }
    }
    out
}

type Stream = Box<dyn BufRead + Send>;

/// What the reader is in the middle of.
enum Current {
    None,
    Jsonl {
        stream: Stream,
        source: String,
        line: u64,
    },
    Warc(WarcRecords<Stream>),
}

/// Records of a list of inputs, in order. A file that cannot be opened
/// or a bad record is one `Err` item; reading goes on.
pub struct Reader {
    inputs: std::vec::IntoIter<Result<PathBuf, IngestError>>,
    options: ReaderOptions,
    current: Current,
    skipped: u64,
}

impl Reader {
    /// Reads `inputs` (files or `-` for stdin).
    pub fn new(inputs: Vec<PathBuf>, options: ReaderOptions) -> Self {
        Self::from_walk(inputs.into_iter().map(Ok).collect(), options)
    }

    /// Reads what [`expand_paths`] found; its errors are yielded in their
    /// place.
    pub fn from_walk(inputs: Vec<Result<PathBuf, IngestError>>, options: ReaderOptions) -> Self {
        Reader {
            inputs: inputs.into_iter(),
            options,
            current: Current::None,
            skipped: 0,
        }
    }

    /// Records passed over because they hold no document (WARC requests,
    /// metadata, non-HTML responses).
    pub fn skipped(&self) -> u64 {
        self.skipped
            + match &self.current {
                Current::Warc(w) => w.skipped,
                _ => 0,
            }
    }

    /// Opens one input; a whole-file record comes back at once.
    fn open(&mut self, path: &Path) -> Result<Option<RawRecord>, IngestError> {
        let stdin = path == Path::new("-");
        let source = if stdin {
            "<stdin>".to_string()
        } else {
            path.display().to_string()
        };
        let io = |source| IngestError::Io {
            path: path.to_path_buf(),
            source,
        };
        let raw: Stream = if stdin {
            Box::new(BufReader::new(std::io::stdin()))
        } else {
            Box::new(BufReader::with_capacity(
                1 << 16,
                File::open(path).map_err(io)?,
            ))
        };
        let mut stream = raw;
        let gzip = stream.fill_buf().map_err(io)?.starts_with(&[0x1f, 0x8b]);
        if gzip {
            stream = Box::new(BufReader::with_capacity(
                1 << 16,
                crate::gzip::GzMembers::new(stream),
            ));
        }
        let by_name = if stdin {
            None
        } else {
            InputFormat::from_name(&source)
        };
        let format = match self.options.format.or(by_name) {
            Some(f) => f,
            None => InputFormat::sniff(stream.fill_buf().map_err(|e| {
                IngestError::record(&source, Locator::File, format!("unreadable: {e}"))
            })?),
        };
        let id = if stdin {
            "stdin".to_string()
        } else {
            stem(path)
        };
        match format {
            InputFormat::Warc => {
                self.current =
                    Current::Warc(WarcRecords::new(stream, source, self.options.max_record));
                Ok(None)
            }
            InputFormat::Jsonl => {
                self.current = Current::Jsonl {
                    stream,
                    source,
                    line: 0,
                };
                Ok(None)
            }
            InputFormat::Text | InputFormat::Html => {
                let mut bytes = Vec::new();
                let read = stream
                    .take(self.options.max_record + 1)
                    .read_to_end(&mut bytes);
                if let Err(e) = read {
                    return Err(IngestError::record(
                        &source,
                        Locator::File,
                        format!("unreadable: {e}"),
                    ));
                }
                if bytes.len() as u64 > self.options.max_record {
                    return Err(IngestError::record(
                        &source,
                        Locator::File,
                        format!("larger than the {} byte limit", self.options.max_record),
                    ));
                }
                let body = if format == InputFormat::Html {
                    Body::Html {
                        bytes,
                        charset: None,
                    }
                } else {
                    match String::from_utf8(bytes) {
                        Ok(t) => Body::Text(t),
                        Err(e) => {
                            return Err(IngestError::record(
                                &source,
                                Locator::File,
                                format!("not valid UTF-8 (byte {})", e.utf8_error().valid_up_to()),
                            ))
                        }
                    }
                };
                Ok(Some(RawRecord {
                    source,
                    locator: Locator::File,
                    meta: Metadata {
                        id,
                        id_from_input: true,
                        ..Metadata::default()
                    },
                    body,
                }))
            }
        }
    }
}

/// Reads past the next `\n` without keeping what it reads: an over-long
/// line (a 2 GB line inside a 2 MB `.jsonl.gz`) costs no memory.
fn skip_line(stream: &mut impl BufRead) -> std::io::Result<()> {
    loop {
        let buf = stream.fill_buf()?;
        if buf.is_empty() {
            return Ok(());
        }
        if let Some(k) = memchr::memchr(b'\n', buf) {
            stream.consume(k + 1);
            return Ok(());
        }
        let n = buf.len();
        stream.consume(n);
    }
}

impl Iterator for Reader {
    type Item = Result<RawRecord, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            match &mut self.current {
                Current::None => {}
                Current::Warc(w) => match w.next() {
                    Some(r) => return Some(r),
                    None => {
                        self.skipped += w.skipped;
                        self.current = Current::None;
                    }
                },
                Current::Jsonl {
                    stream,
                    source,
                    line,
                } => {
                    let mut buf = Vec::new();
                    *line += 1;
                    let n = (&mut *stream)
                        .take(self.options.max_record + 1)
                        .read_until(b'\n', &mut buf);
                    match n {
                        Ok(0) => self.current = Current::None,
                        Ok(_) if buf.len() as u64 > self.options.max_record => {
                            let at = Locator::Line(*line);
                            let source = source.clone();
                            drop(buf);
                            if let Err(e) = skip_line(stream) {
                                self.current = Current::None;
                                return Some(Err(IngestError::record(
                                    &source,
                                    at,
                                    format!("unreadable (corrupt or truncated compression?): {e}"),
                                )));
                            }
                            return Some(Err(IngestError::record(
                                &source,
                                at,
                                format!(
                                    "line longer than the {} byte limit",
                                    self.options.max_record
                                ),
                            )));
                        }
                        Ok(_) => {
                            if buf.iter().all(u8::is_ascii_whitespace) {
                                continue;
                            }
                            return Some(jsonl::parse_line(
                                &buf,
                                *line,
                                source,
                                &self.options.fields,
                            ));
                        }
                        Err(e) => {
                            let err = IngestError::record(
                                source,
                                Locator::Line(*line),
                                format!("unreadable (corrupt or truncated compression?): {e}"),
                            );
                            self.current = Current::None;
                            return Some(Err(err));
                        }
                    }
                    continue;
                }
            }
            let path = match self.inputs.next()? {
                Ok(path) => path,
                Err(e) => return Some(Err(e)),
            };
            match self.open(&path) {
                Ok(Some(record)) => return Some(Ok(record)),
                Ok(None) => {}
                Err(e) => return Some(Err(e)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_from_names_and_bytes() {
        assert_eq!(
            InputFormat::from_name("a/CC-NEWS.warc.gz"),
            Some(InputFormat::Warc)
        );
        assert_eq!(InputFormat::from_name("x.JSONL"), Some(InputFormat::Jsonl));
        assert_eq!(InputFormat::from_name("page.htm"), Some(InputFormat::Html));
        assert_eq!(InputFormat::from_name("noext"), None);
        assert_eq!(InputFormat::sniff(b"  WARC/1.0\r\n"), InputFormat::Warc);
        assert_eq!(InputFormat::sniff(b"{\"id\":1}"), InputFormat::Jsonl);
        assert_eq!(
            InputFormat::sniff(b"\xef\xbb\xbf<!doctype html>"),
            InputFormat::Html
        );
        assert_eq!(InputFormat::sniff(b"Headline\n\nText"), InputFormat::Text);
        assert_eq!(InputFormat::sniff(b""), InputFormat::Text);
    }
}
