//! Multi-member gzip that survives damage between members.
//!
//! Crawl archives are one gzip member per record, concatenated. `flate2`'s
//! `MultiGzDecoder` stops for good at the first bytes that are not a gzip
//! header, so garbage between two members (a partial upload, a padding
//! block) loses every later record. [`GzMembers`] skips such bytes to the
//! next gzip header, and after a corrupt member it does the same, so one
//! damaged record costs that record only: the readers above see a cut in
//! the decompressed stream (a WARC record shorter than its length, a JSONL
//! line that is not JSON) and report it as one bad record.

use std::io::{BufRead, Read};

use flate2::bufread::GzDecoder;

/// The first three bytes of every gzip member (magic, deflate).
const MAGIC: [u8; 3] = [0x1f, 0x8b, 0x08];

/// Reads the concatenated members of a gzip stream, skipping bytes between
/// members that are not a gzip header and resuming after a corrupt member.
pub struct GzMembers<R: BufRead> {
    state: State<R>,
    /// Compressed bytes skipped because they were not part of a member.
    pub skipped_bytes: u64,
    /// Members that failed to decode (their output so far was kept).
    pub corrupt_members: u64,
}

enum State<R: BufRead> {
    Member(GzDecoder<R>),
    Between(R),
    /// Only while switching states.
    Empty,
}

impl<R: BufRead> GzMembers<R> {
    /// Decodes `reader`, which starts with a gzip member.
    pub fn new(reader: R) -> Self {
        GzMembers {
            state: State::Member(GzDecoder::new(reader)),
            skipped_bytes: 0,
            corrupt_members: 0,
        }
    }

    /// Moves `reader` to the next possible gzip header; false at the end
    /// of input. A candidate split across buffers (fewer than three bytes
    /// left) is tried: if it is no header, decoding fails at once and the
    /// search goes on past it.
    fn seek_member(&mut self, reader: &mut R) -> std::io::Result<bool> {
        loop {
            let buf = reader.fill_buf()?;
            if buf.is_empty() {
                return Ok(false);
            }
            if buf[0] == MAGIC[0] && (buf.len() < MAGIC.len() || buf.starts_with(&MAGIC)) {
                return Ok(true);
            }
            let skip = memchr::memchr(MAGIC[0], &buf[1..]).map_or(buf.len(), |k| k + 1);
            reader.consume(skip);
            self.skipped_bytes += skip as u64;
        }
    }
}

impl<R: BufRead> Read for GzMembers<R> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        if out.is_empty() {
            return Ok(0);
        }
        loop {
            match std::mem::replace(&mut self.state, State::Empty) {
                State::Member(mut decoder) => match decoder.read(out) {
                    Ok(0) => self.state = State::Between(decoder.into_inner()),
                    Ok(n) => {
                        self.state = State::Member(decoder);
                        return Ok(n);
                    }
                    Err(_) => {
                        self.corrupt_members += 1;
                        let mut reader = decoder.into_inner();
                        // Do not find the broken member's own header again.
                        if reader.fill_buf()?.first() == Some(&MAGIC[0]) {
                            reader.consume(1);
                            self.skipped_bytes += 1;
                        }
                        self.state = State::Between(reader);
                    }
                },
                State::Between(mut reader) => {
                    if self.seek_member(&mut reader)? {
                        self.state = State::Member(GzDecoder::new(reader));
                    } else {
                        self.state = State::Between(reader);
                        return Ok(0);
                    }
                }
                State::Empty => return Ok(0),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn member(text: &[u8]) -> Vec<u8> {
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(text).unwrap();
        enc.finish().unwrap()
    }

    fn decode(data: &[u8]) -> (String, u64, u64) {
        let mut r = GzMembers::new(std::io::BufReader::with_capacity(7, data));
        let mut out = String::new();
        r.read_to_string(&mut out).unwrap();
        (out, r.skipped_bytes, r.corrupt_members)
    }

    #[test]
    fn members_are_concatenated() {
        let mut data = member(b"one\n");
        data.extend(member(b"two\n"));
        assert_eq!(decode(&data), ("one\ntwo\n".into(), 0, 0));
    }

    /// Regression (hardening issue, finding 8): garbage between gzip
    /// members lost every later record.
    #[test]
    fn garbage_between_members_is_skipped() {
        let mut data = member(b"one\n");
        data.extend(b"\x1f\x1f garbage \x1f\x8b no header");
        data.extend(member(b"two\n"));
        data.extend(b"trailing junk\x1f");
        let (text, skipped, _) = decode(&data);
        assert_eq!(text, "one\ntwo\n");
        assert!(skipped > 20, "{skipped}");
    }

    #[test]
    fn a_corrupt_member_costs_only_itself() {
        let mut data = member(b"one\n");
        let mut bad = member(&b"lost ".repeat(100));
        let mid = bad.len() / 2;
        for b in &mut bad[12..mid] {
            *b = 0xff;
        }
        data.extend(bad);
        data.extend(member(b"two\n"));
        let (text, _, corrupt) = decode(&data);
        assert!(
            text.starts_with("one\n") && text.ends_with("two\n"),
            "{text:?}"
        );
        assert_eq!(corrupt, 1);
    }
}
