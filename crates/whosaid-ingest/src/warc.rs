//! WARC archives (ISO 28500), as Common Crawl News writes them: `response`
//! records holding an HTTP response whose payload is an HTML page, usually
//! in a multi-member gzip file (one member per record; `flate2`'s
//! `MultiGzDecoder` reads them all).
//!
//! The record reader is our own, not the `warc` crate's: that one buffers
//! each body line by line without a size limit, reports no offsets, and
//! cannot resume after a malformed record. Ours streams, caps header and
//! body sizes, names each record by its byte offset, and after a bad record
//! resynchronizes at the next `WARC/` version line.

use std::io::{BufRead, Read, Write};

use crate::html::charset_of_content_type;
use crate::{Body, IngestError, Locator, Metadata, RawRecord};

/// Longest header line read.
const MAX_LINE: u64 = 64 * 1024;
/// Most header lines in a record.
const MAX_HEADERS: usize = 1024;
/// Default cap on a record (a WARC body, a JSONL line, a file, a decoded
/// HTTP payload), in bytes; larger ones are skipped and reported. Common
/// Crawl cuts payloads at 1 MiB; 16 MiB keeps any real page.
pub const DEFAULT_MAX_RECORD: u64 = 16 * 1024 * 1024;

/// A record: its offset, lowercased header names with values, and body.
type Raw = (u64, Vec<(String, String)>, Vec<u8>);

/// An HTML payload and the charset its HTTP headers declare.
type Payload = (Vec<u8>, Option<String>);

/// A reader with bytes put back in front of it: after a record whose
/// `Content-Length` overstated its size, the part of the next record read
/// as its body is read again.
struct Rewind<R> {
    front: Vec<u8>,
    at: usize,
    inner: R,
}

impl<R: BufRead> Read for Rewind<R> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        let n = {
            let buf = self.fill_buf()?;
            let n = buf.len().min(out.len());
            out[..n].copy_from_slice(&buf[..n]);
            n
        };
        self.consume(n);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Rewind<R> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        if self.at < self.front.len() {
            Ok(&self.front[self.at..])
        } else {
            self.inner.fill_buf()
        }
    }

    fn consume(&mut self, amount: usize) {
        if self.at < self.front.len() {
            self.at += amount;
            if self.at >= self.front.len() {
                self.front.clear();
                self.at = 0;
            }
        } else {
            self.inner.consume(amount);
        }
    }
}

/// Iterates over the HTML records of a WARC stream; other records
/// (`request`, `metadata`, `warcinfo`, non-HTML responses) are counted in
/// [`WarcRecords::skipped`].
pub struct WarcRecords<R> {
    reader: Rewind<R>,
    source: String,
    offset: u64,
    max_record: u64,
    resync: bool,
    done: bool,
    /// Records that hold no HTML page.
    pub skipped: u64,
}

impl<R: BufRead> WarcRecords<R> {
    /// Reads `reader` (already decompressed); `source` names it in errors.
    pub fn new(reader: R, source: impl Into<String>, max_record: u64) -> Self {
        WarcRecords {
            reader: Rewind {
                front: Vec::new(),
                at: 0,
                inner: reader,
            },
            source: source.into(),
            offset: 0,
            max_record,
            resync: false,
            done: false,
            skipped: 0,
        }
    }

    fn error(&self, at: u64, reason: impl Into<String>) -> IngestError {
        IngestError::record(&self.source, Locator::Offset(at), reason)
    }

    /// One line (with its `\n`), at most [`MAX_LINE`] bytes.
    fn line(&mut self, buf: &mut Vec<u8>) -> std::io::Result<usize> {
        buf.clear();
        let n = (&mut self.reader).take(MAX_LINE).read_until(b'\n', buf)?;
        self.offset += n as u64;
        Ok(n)
    }

    /// The next record of any type: its offset, headers and body.
    fn next_raw(&mut self) -> Option<Result<Raw, IngestError>> {
        let mut buf = Vec::new();
        // The version line, skipping blank lines (and garbage after an error).
        let start = loop {
            let at = self.offset;
            match self.line(&mut buf) {
                Ok(0) => return None,
                Ok(_) => {}
                Err(e) => return Some(Err(self.read_failed(at, e))),
            }
            if buf.starts_with(b"WARC/") {
                self.resync = false;
                break at;
            }
            if buf.iter().all(u8::is_ascii_whitespace) || self.resync {
                continue;
            }
            self.resync = true;
            return Some(Err(self.error(at, "expected a WARC/ version line")));
        };
        let mut headers = Vec::new();
        loop {
            match self.line(&mut buf) {
                Ok(0) => {
                    self.done = true;
                    return Some(Err(self.error(start, "truncated record headers")));
                }
                Ok(_) => {}
                Err(e) => return Some(Err(self.read_failed(start, e))),
            }
            let line = String::from_utf8_lossy(&buf);
            let line = line.trim_end_matches(['\r', '\n']);
            if line.is_empty() {
                break;
            }
            if headers.len() >= MAX_HEADERS || !buf.ends_with(b"\n") {
                self.resync = true;
                return Some(Err(self.error(start, "record headers too long")));
            }
            match line.split_once(':') {
                Some((k, v)) => headers.push((k.trim().to_ascii_lowercase(), v.trim().to_string())),
                None => {
                    self.resync = true;
                    return Some(Err(self.error(start, format!("bad header line {line:?}"))));
                }
            }
        }
        let length = header(&headers, "content-length").and_then(|v| v.parse::<u64>().ok());
        let Some(length) = length else {
            self.resync = true;
            return Some(Err(self.error(start, "missing or invalid Content-Length")));
        };
        if length > self.max_record {
            let skipped = std::io::copy(&mut (&mut self.reader).take(length), &mut std::io::sink());
            return Some(match skipped {
                Ok(n) => {
                    self.offset += n;
                    if n < length {
                        self.done = true;
                    }
                    Err(self.error(
                        start,
                        format!(
                            "record of {length} bytes exceeds the {} byte limit",
                            self.max_record
                        ),
                    ))
                }
                Err(e) => Err(self.read_failed(start, e)),
            });
        }
        let mut body: Vec<u8> = Vec::with_capacity(length.min(1 << 20) as usize);
        match (&mut self.reader).take(length).read_to_end(&mut body) {
            Ok(n) => self.offset += n as u64,
            Err(e) => return Some(Err(self.read_failed(start, e))),
        }
        let truncated = (body.len() as u64) < length;
        if let Some(next) = self.next_record_inside(&body, truncated) {
            // The length overstated the record: what follows `next` is the
            // next record, read again from its version line.
            let back = body.split_off(next);
            self.offset -= back.len() as u64;
            self.reader.front = back;
            self.reader.at = 0;
            return Some(Err(self.error(
                start,
                format!(
                    "Content-Length {length} overstates the record: the next record starts \
                     at offset {}",
                    self.offset
                ),
            )));
        }
        if truncated {
            self.done = true;
            return Some(Err(self.error(
                start,
                format!("truncated record: {} of {length} body bytes", body.len()),
            )));
        }
        Some(Ok((start, headers, body)))
    }

    /// Where in `body` a next record's version line starts, when the body
    /// ran past its record: it was cut short by the end of input, or the
    /// record is not followed by its blank line. A record is always followed
    /// by `\r\n\r\n` (or a bare `\n\n`), so a sound one is never searched.
    fn next_record_inside(&mut self, body: &[u8], truncated: bool) -> Option<usize> {
        if !truncated {
            let after = self.reader.fill_buf().ok()?;
            if after.is_empty() || after.starts_with(b"\r\n") || after.starts_with(b"\n") {
                return None;
            }
        }
        memchr::memmem::find(body, b"\nWARC/1.").map(|k| k + 1)
    }

    fn read_failed(&mut self, at: u64, e: std::io::Error) -> IngestError {
        self.done = true;
        self.error(
            at,
            format!("unreadable (corrupt or truncated compression?): {e}"),
        )
    }
}

fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

impl<R: BufRead> Iterator for WarcRecords<R> {
    type Item = Result<RawRecord, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if self.done {
                return None;
            }
            let (start, headers, body) = match self.next_raw()? {
                Ok(r) => r,
                Err(e) => return Some(Err(e)),
            };
            let kind = header(&headers, "warc-type")
                .unwrap_or("")
                .to_ascii_lowercase();
            let content_type = header(&headers, "content-type")
                .unwrap_or("")
                .to_ascii_lowercase();
            let record_id =
                header(&headers, "warc-record-id").map(|v| v.trim_matches(['<', '>']).to_string());
            let id_from_input = record_id.is_none();
            let id = record_id.unwrap_or_else(|| format!("offset-{start}"));
            let url =
                header(&headers, "warc-target-uri").map(|u| u.trim_matches(['<', '>']).to_string());
            let page = match kind.as_str() {
                "response" if content_type.starts_with("application/http") => {
                    match http_payload(&body, self.max_record) {
                        Ok(Some(page)) => page,
                        Ok(None) => {
                            self.skipped += 1;
                            continue;
                        }
                        Err(reason) => {
                            return Some(Err(IngestError::Record {
                                source_name: self.source.clone(),
                                locator: Locator::Offset(start),
                                id: Some(id),
                                reason,
                            }))
                        }
                    }
                }
                "response" | "resource" if content_type.contains("html") => {
                    (body, charset_of_content_type(&content_type))
                }
                _ => {
                    self.skipped += 1;
                    continue;
                }
            };
            return Some(Ok(RawRecord {
                source: self.source.clone(),
                locator: Locator::Offset(start),
                meta: Metadata {
                    id,
                    url,
                    id_from_input,
                    ..Metadata::default()
                },
                body: Body::Html {
                    bytes: page.0,
                    charset: page.1,
                },
            }));
        }
    }
}

/// The HTML payload of an HTTP response and its declared charset; `None`
/// when the response holds no HTML page (an image, a redirect, an error).
/// A payload whose content encoding decodes to more than `max` bytes is
/// refused (a 3 KB gzip bomb decodes to gigabytes).
fn http_payload(body: &[u8], max: u64) -> Result<Option<Payload>, String> {
    let Some(end) = find(body, b"\r\n\r\n")
        .map(|i| i + 4)
        .or_else(|| find(body, b"\n\n").map(|i| i + 2))
    else {
        return Err("HTTP response without a header end".into());
    };
    let head = String::from_utf8_lossy(&body[..end]);
    let mut lines = head.lines();
    let status = lines.next().unwrap_or("");
    let code: u16 = status
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    if !(200..300).contains(&code) {
        return Ok(None);
    }
    let mut content_type = None;
    let mut chunked = false;
    let mut encoding = None;
    for line in lines {
        let Some((k, v)) = line.split_once(':') else {
            continue;
        };
        match k.trim().to_ascii_lowercase().as_str() {
            "content-type" => content_type = Some(v.trim().to_string()),
            "transfer-encoding" => chunked = v.to_ascii_lowercase().contains("chunked"),
            "content-encoding" => encoding = Some(v.trim().to_ascii_lowercase()),
            _ => {}
        }
    }
    let payload = &body[end..];
    let html = match &content_type {
        Some(ct) => ct.to_ascii_lowercase().contains("html"),
        None => payload.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'<'),
    };
    if !html {
        return Ok(None);
    }
    let mut payload = if chunked {
        dechunk(payload)?
    } else {
        payload.to_vec()
    };
    let decoded = match encoding.as_deref() {
        Some("gzip") | Some("x-gzip") => Some((
            "gzip",
            decode_capped(flate2::read::MultiGzDecoder::new(&payload[..]), max),
        )),
        Some("deflate") => Some((
            "deflate",
            decode_capped(flate2::read::ZlibDecoder::new(&payload[..]), max),
        )),
        _ => None,
    };
    if let Some((name, decoded)) = decoded {
        payload = match decoded {
            Ok(Some(out)) => out,
            Ok(None) => {
                return Err(format!(
                    "{name} content encoding decodes to more than the {max} byte limit"
                ))
            }
            Err(e) => return Err(format!("bad {name} content encoding: {e}")),
        };
    }
    Ok(Some((
        payload,
        content_type.as_deref().and_then(charset_of_content_type),
    )))
}

/// Everything `decoder` gives, or `None` past `max` bytes (read no further).
fn decode_capped(decoder: impl Read, max: u64) -> std::io::Result<Option<Vec<u8>>> {
    let mut out = Vec::new();
    decoder.take(max + 1).read_to_end(&mut out)?;
    Ok((out.len() as u64 <= max).then_some(out))
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Decodes `Transfer-Encoding: chunked`.
fn dechunk(mut data: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(data.len());
    loop {
        let line_end = find(data, b"\r\n").ok_or("bad chunked encoding")?;
        let size_text = String::from_utf8_lossy(&data[..line_end]);
        let size_text = size_text.split(';').next().unwrap_or("").trim();
        let size = usize::from_str_radix(size_text, 16).map_err(|_| "bad chunk size")?;
        data = &data[line_end + 2..];
        if size == 0 {
            return Ok(out);
        }
        if size > data.len() {
            return Err("truncated chunk".into());
        }
        out.extend_from_slice(&data[..size]);
        data = data.get(size + 2..).unwrap_or(&[]);
    }
}

/// Writes one WARC `response` record holding an HTTP 200 HTML response:
/// for building test fixtures and sample archives.
pub fn write_response(
    out: &mut impl Write,
    id: &str,
    url: &str,
    date: &str,
    html: &[u8],
) -> std::io::Result<()> {
    let mut http = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\r\n",
        html.len()
    )
    .into_bytes();
    http.extend_from_slice(html);
    write!(
        out,
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Date: {date}\r\nWARC-Record-ID: <urn:uuid:{id}>\r\n\
         WARC-Target-URI: {url}\r\nContent-Type: application/http; msgtype=response\r\n\
         Content-Length: {}\r\n\r\n",
        http.len()
    )?;
    out.write_all(&http)?;
    out.write_all(b"\r\n\r\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn records(data: &[u8]) -> (Vec<Result<RawRecord, IngestError>>, u64) {
        let mut r = WarcRecords::new(data, "t.warc", 1 << 20);
        let v: Vec<_> = r.by_ref().collect();
        (v, r.skipped)
    }

    fn archive() -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(
            b"WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 3\r\n\r\nabc\r\n\r\n",
        );
        write_response(
            &mut out,
            "1",
            "https://a.example/1",
            "2016-09-12T00:00:00Z",
            b"<p>one</p>",
        )
        .unwrap();
        write_response(
            &mut out,
            "2",
            "https://a.example/2",
            "2016-09-12T00:00:00Z",
            b"<p>two</p>",
        )
        .unwrap();
        out
    }

    #[test]
    fn reads_html_responses_and_skips_the_rest() {
        let (v, skipped) = records(&archive());
        assert_eq!(skipped, 1);
        assert_eq!(v.len(), 2);
        let r = v[0].as_ref().unwrap();
        assert_eq!(r.meta.id, "urn:uuid:1");
        assert_eq!(r.meta.url.as_deref(), Some("https://a.example/1"));
        assert!(matches!(r.locator, Locator::Offset(n) if n > 0));
        assert!(
            matches!(&r.body, Body::Html { bytes, charset } if bytes == b"<p>one</p>" && charset.as_deref() == Some("utf-8"))
        );
    }

    #[test]
    fn a_bad_record_is_reported_and_the_next_one_read() {
        let mut data =
            b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: nope\r\n\r\ngarbage\r\n\r\n"
                .to_vec();
        data.extend(archive());
        let (v, _) = records(&data);
        assert!(v[0]
            .as_ref()
            .unwrap_err()
            .to_string()
            .contains("Content-Length"));
        assert_eq!(v.iter().filter(|r| r.is_ok()).count(), 2, "{v:?}");
        let (v, _) = records(b"not a warc at all\nmore\n");
        assert_eq!(v.len(), 1);
        assert!(v[0]
            .as_ref()
            .unwrap_err()
            .to_string()
            .contains("t.warc offset 0"));
    }

    #[test]
    fn truncated_and_oversized_records() {
        let data = archive();
        let (v, _) = records(&data[..data.len() - 20]);
        assert!(v
            .last()
            .unwrap()
            .as_ref()
            .unwrap_err()
            .to_string()
            .contains("truncated"));
        let mut big = Vec::new();
        write_response(&mut big, "3", "u", "d", &vec![b'a'; 2 << 20]).unwrap();
        big.extend(archive());
        let (v, _) = records(&big);
        assert!(v[0].as_ref().unwrap_err().to_string().contains("limit"));
        assert_eq!(v.iter().filter(|r| r.is_ok()).count(), 2);
    }

    /// Regression (hardening issue, finding 3): a 2.8 KB record whose
    /// payload is gzip of 1 GiB was decoded without a cap (5.4 GB RSS).
    #[test]
    fn content_encoding_bombs_are_refused_at_the_cap() {
        use std::io::Write;
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        let zeros = vec![b' '; 1 << 20];
        for _ in 0..64 {
            enc.write_all(&zeros).unwrap();
        }
        let bomb = enc.finish().unwrap();
        let mut http =
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n"
                .to_vec();
        http.extend_from_slice(&bomb);
        let err = http_payload(&http, 1 << 20).unwrap_err();
        assert!(err.contains("more than the 1048576 byte limit"), "{err}");
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        z.write_all(&zeros).unwrap();
        let mut http =
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: deflate\r\n\r\n"
                .to_vec();
        http.extend_from_slice(&z.finish().unwrap());
        assert!(http_payload(&http, 1000).unwrap_err().contains("deflate"));
        assert_eq!(
            http_payload(&http, 1 << 20).unwrap().unwrap().0.len(),
            1 << 20
        );
    }

    /// Regression (finding 8): an over-stated Content-Length swallowed the
    /// next record; now the record is reported and the next one read.
    #[test]
    fn an_overstated_length_does_not_swallow_the_next_record() {
        let mut data = Vec::new();
        write_response(&mut data, "1", "https://a.example/1", "d", b"<p>one</p>").unwrap();
        let text = String::from_utf8(data).unwrap();
        let (head, rest) = text.split_once("\r\n\r\nHTTP").unwrap();
        let (_, body) = head.rsplit_once("Content-Length: ").unwrap();
        let wrong = head.replace(&format!("Content-Length: {body}"), "Content-Length: 300");
        let mut data = format!("{wrong}\r\n\r\nHTTP{rest}").into_bytes();
        data.extend(archive());
        let (v, _) = records(&data);
        assert!(
            v[0].as_ref()
                .unwrap_err()
                .to_string()
                .contains("overstates"),
            "{v:?}"
        );
        let ok: Vec<_> = v.iter().filter_map(|r| r.as_ref().ok()).collect();
        assert_eq!(ok.len(), 2, "{v:?}");
        assert_eq!(ok[0].meta.id, "urn:uuid:1");
        // Overstated past the end of input: still reported, still resumed.
        let mut data = format!("{wrong}\r\n\r\nHTTP{rest}").into_bytes();
        let mut one = Vec::new();
        write_response(&mut one, "9", "u", "d", b"<p>x</p>").unwrap();
        data.extend(one);
        let (v, _) = records(&data);
        assert_eq!(v.iter().filter(|r| r.is_ok()).count(), 1, "{v:?}");
    }

    #[test]
    fn http_details() {
        assert_eq!(
            dechunk(b"3\r\nabc\r\n2;x\r\nde\r\n0\r\n\r\n").unwrap(),
            b"abcde"
        );
        assert!(dechunk(b"9\r\nab").is_err());
        assert_eq!(
            http_payload(b"HTTP/1.1 404 Not Found\r\n\r\n<p>", 1 << 20).unwrap(),
            None
        );
        assert_eq!(
            http_payload(
                b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\nPNG",
                1 << 20
            )
            .unwrap(),
            None
        );
        let (page, charset) = http_payload(b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=ISO-8859-1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\n<p>\r\n0\r\n\r\n", 1 << 20)
            .unwrap()
            .unwrap();
        assert_eq!(page, b"<p>");
        assert_eq!(charset.as_deref(), Some("ISO-8859-1"));
        assert!(http_payload(b"no header end", 1 << 20).is_err());
    }
}
