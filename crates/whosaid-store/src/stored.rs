//! The form of `documents.account`: the document's metadata and its
//! [`Account`], without span texts, in a compact binary form.
//!
//! Span texts are copies of the document text, which the row already holds,
//! and JSON spells every field name of every span: written as JSON with
//! texts, accounts were half of a store's bytes and their writing about a quarter
//! of ingest's store time. The row holds [`FORMAT`] then the account in
//! [postcard](https://docs.rs/postcard) (fields in order, no names); [`read`]
//! turns it back into the JSON of [`Account`] with every span's text (a test
//! holds the two equal). Rows of older stores hold JSON text, with or
//! without span texts, and read the same.
//!
//! Postcard keeps fields and enum variants by position: a change to the
//! stored structs below needs a new [`FORMAT`]. Format 2 is format 1
//! followed by each speaker's affiliations (a list per speaker, in speaker
//! order); format 1 rows read with none.

use chrono::NaiveDate;
use serde::ser::{SerializeSeq, SerializeStruct};
use serde::{Deserialize, Serialize, Serializer};
use whosaid::resolve::{
    Account, Channel, ChannelKind, Polarity, ResolvedAttribution, Speaker, SpeakerKind, Time,
    Unattributed,
};
use whosaid::{Kind, Span};
use whosaid_ingest::Metadata;

/// First byte of a binary account: the version of its layout.
pub(crate) const FORMAT: u8 = 2;

/// The layout before speakers had affiliations.
const FORMAT_1: u8 = 1;

/// The bytes `documents.account` holds for a document.
pub(crate) fn encode(meta: &Metadata, account: &Account) -> Vec<u8> {
    let out = vec![FORMAT];
    // Serializing borrowed data into a Vec cannot fail.
    let out = postcard::to_extend(&StoredAccount::new(meta, account), out).unwrap_or_default();
    let affiliations: Vec<&[String]> = account
        .speakers
        .iter()
        .map(|s| s.affiliations.as_slice())
        .collect();
    postcard::to_extend(&affiliations, out).unwrap_or_default()
}

/// The JSON of a stored account, span texts included, from the row's
/// `account` and `text`; `None` for bytes this build cannot read.
pub(crate) fn read(account: rusqlite::types::Value, text: &str) -> Option<serde_json::Value> {
    use rusqlite::types::Value;
    let mut json = match account {
        Value::Blob(bytes) => match bytes.split_first() {
            Some((&FORMAT, rest)) => {
                let (row, rest) = postcard::take_from_bytes::<AccountRow>(rest).ok()?;
                let affiliations: Vec<Vec<String>> = postcard::from_bytes(rest).ok()?;
                with_affiliations(serde_json::to_value(row).ok()?, affiliations)
            }
            Some((&FORMAT_1, rest)) => with_affiliations(
                serde_json::to_value(postcard::from_bytes::<AccountRow>(rest).ok()?).ok()?,
                Vec::new(),
            ),
            _ => return None,
        },
        Value::Text(json) => serde_json::from_str(&json).ok()?,
        _ => return None,
    };
    fill_texts(&mut json, text);
    Some(json)
}

/// The account JSON with each speaker's affiliations (none where the row
/// has fewer lists than speakers).
fn with_affiliations(
    mut json: serde_json::Value,
    affiliations: Vec<Vec<String>>,
) -> serde_json::Value {
    let mut lists = affiliations.into_iter();
    if let Some(speakers) = json.get_mut("speakers").and_then(|s| s.as_array_mut()) {
        for s in speakers {
            if let Some(s) = s.as_object_mut() {
                let list = lists.next().unwrap_or_default();
                s.insert("affiliations".into(), serde_json::json!(list));
            }
        }
    }
    json
}

/// What `documents.account` holds, borrowed from the account being stored
/// (nothing copied); read back as [`AccountRow`].
#[derive(Serialize)]
struct StoredAccount<'a> {
    id: &'a str,
    url: &'a Option<String>,
    title: &'a Option<String>,
    byline: &'a Option<String>,
    published: &'a Option<NaiveDate>,
    outlet: &'a Option<String>,
    language: &'a Option<String>,
    #[serde(serialize_with = "attributions")]
    attributions: &'a [ResolvedAttribution],
    #[serde(serialize_with = "speakers")]
    speakers: &'a [Speaker],
    #[serde(serialize_with = "unattributed")]
    unattributed: &'a [Unattributed],
}

impl<'a> StoredAccount<'a> {
    fn new(meta: &'a Metadata, account: &'a Account) -> Self {
        StoredAccount {
            id: &meta.id,
            url: &meta.url,
            title: &meta.title,
            byline: &meta.byline,
            published: &meta.published,
            outlet: &meta.outlet,
            language: &meta.language,
            attributions: &account.attributions,
            speakers: &account.speakers,
            unattributed: &account.unattributed,
        }
    }
}

/// A span as `{"start", "end"}`.
struct Offsets<'a>(&'a Span);

impl Serialize for Offsets<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut out = s.serialize_struct("Span", 2)?;
        out.serialize_field("start", &self.0.start)?;
        out.serialize_field("end", &self.0.end)?;
        out.end()
    }
}

/// Serializes every item of `items` through `wrap`.
fn each<'a, T, W: Serialize, S: Serializer>(
    items: &'a [T],
    wrap: impl Fn(&'a T) -> W,
    s: S,
) -> Result<S::Ok, S::Error> {
    let mut seq = s.serialize_seq(Some(items.len()))?;
    for item in items {
        seq.serialize_element(&wrap(item))?;
    }
    seq.end()
}

fn spans<S: Serializer>(spans: &&Vec<Span>, s: S) -> Result<S::Ok, S::Error> {
    each(spans, Offsets, s)
}

fn optional_span<S: Serializer>(span: &&Option<Span>, s: S) -> Result<S::Ok, S::Error> {
    span.as_ref().map(Offsets).serialize(s)
}

fn attributions<S: Serializer>(all: &&[ResolvedAttribution], s: S) -> Result<S::Ok, S::Error> {
    each(all, StoredAttribution::new, s)
}

fn speakers<S: Serializer>(all: &&[Speaker], s: S) -> Result<S::Ok, S::Error> {
    each(
        all,
        |sp| StoredSpeaker {
            id: sp.id,
            name: &sp.name,
            kind: sp.kind,
            titles: &sp.titles,
            mentions: &sp.mentions,
            anonymous: sp.anonymous,
        },
        s,
    )
}

fn unattributed<S: Serializer>(all: &&[Unattributed], s: S) -> Result<S::Ok, S::Error> {
    each(
        all,
        |u| StoredUnattributed {
            start: u.span.start,
            end: u.span.end,
            whole_sentence: u.whole_sentence,
        },
        s,
    )
}

/// [`ResolvedAttribution`] without span texts (same fields, same order).
#[derive(Serialize)]
struct StoredAttribution<'a> {
    #[serde(serialize_with = "spans")]
    source: &'a Vec<Span>,
    #[serde(serialize_with = "spans")]
    cue: &'a Vec<Span>,
    #[serde(serialize_with = "spans")]
    content: &'a Vec<Span>,
    kind: Kind,
    speaker: Option<usize>,
    #[serde(serialize_with = "channels")]
    channel: &'a [Channel],
    time: Option<StoredTime<'a>>,
    nested_in: Option<usize>,
    continues: Option<usize>,
    answers: Option<StoredAnswer<'a>>,
}

impl<'a> StoredAttribution<'a> {
    fn new(a: &'a ResolvedAttribution) -> Self {
        StoredAttribution {
            source: &a.attribution.source,
            cue: &a.attribution.cue,
            content: &a.attribution.content,
            kind: a.attribution.kind,
            speaker: a.speaker,
            channel: &a.channel,
            time: a.time.as_ref().map(StoredTime::new),
            nested_in: a.nested_in,
            continues: a.continues,
            answers: a.answers.as_ref().map(|q| StoredAnswer {
                question: Offsets(&q.question),
                asked_by: &q.asked_by,
                polarity: q.polarity,
            }),
        }
    }
}

fn channels<S: Serializer>(all: &&[Channel], s: S) -> Result<S::Ok, S::Error> {
    each(
        all,
        |c| StoredChannel {
            kind: c.kind,
            via: &c.via,
            evidence: &c.evidence,
        },
        s,
    )
}

#[derive(Serialize)]
struct StoredChannel<'a> {
    kind: ChannelKind,
    via: &'a Option<String>,
    #[serde(serialize_with = "optional_span")]
    evidence: &'a Option<Span>,
}

/// [`Time`]: its span's offsets (flattened, as there), value and flag.
#[derive(Serialize)]
struct StoredTime<'a> {
    start: usize,
    end: usize,
    value: &'a Option<String>,
    relative: bool,
}

impl<'a> StoredTime<'a> {
    fn new(t: &'a Time) -> Self {
        StoredTime {
            start: t.span.start,
            end: t.span.end,
            value: &t.value,
            relative: t.relative,
        }
    }
}

/// [`Answer`](whosaid::resolve::Answer) without span texts.
#[derive(Serialize)]
struct StoredAnswer<'a> {
    question: Offsets<'a>,
    #[serde(serialize_with = "optional_span")]
    asked_by: &'a Option<Span>,
    polarity: Option<Polarity>,
}

#[derive(Serialize)]
struct StoredSpeaker<'a> {
    id: usize,
    name: &'a str,
    kind: SpeakerKind,
    titles: &'a [String],
    #[serde(serialize_with = "spans")]
    mentions: &'a Vec<Span>,
    anonymous: bool,
}

#[derive(Serialize, Deserialize)]
struct StoredUnattributed {
    start: usize,
    end: usize,
    whole_sentence: bool,
}

/// [`StoredAccount`] read back: the same fields in the same order.
#[derive(Serialize, Deserialize)]
struct AccountRow {
    id: String,
    url: Option<String>,
    title: Option<String>,
    byline: Option<String>,
    published: Option<NaiveDate>,
    outlet: Option<String>,
    language: Option<String>,
    attributions: Vec<AttributionRow>,
    speakers: Vec<SpeakerRow>,
    unattributed: Vec<StoredUnattributed>,
}

#[derive(Serialize, Deserialize)]
struct SpanRow {
    start: usize,
    end: usize,
}

#[derive(Serialize, Deserialize)]
struct AttributionRow {
    source: Vec<SpanRow>,
    cue: Vec<SpanRow>,
    content: Vec<SpanRow>,
    kind: Kind,
    speaker: Option<usize>,
    channel: Vec<ChannelRow>,
    time: Option<TimeRow>,
    nested_in: Option<usize>,
    continues: Option<usize>,
    answers: Option<AnswerRow>,
}

#[derive(Serialize, Deserialize)]
struct ChannelRow {
    kind: ChannelKind,
    via: Option<String>,
    evidence: Option<SpanRow>,
}

#[derive(Serialize, Deserialize)]
struct TimeRow {
    start: usize,
    end: usize,
    value: Option<String>,
    relative: bool,
}

#[derive(Serialize, Deserialize)]
struct AnswerRow {
    question: SpanRow,
    asked_by: Option<SpanRow>,
    polarity: Option<Polarity>,
}

#[derive(Serialize, Deserialize)]
struct SpeakerRow {
    id: usize,
    name: String,
    kind: SpeakerKind,
    titles: Vec<String>,
    mentions: Vec<SpanRow>,
    anonymous: bool,
}

/// Puts the text back into every span of a stored account read from a row
/// whose document text is `text`: any object with code point offsets
/// `start` and `end` and no `text` gets `text[start..end]`. Offsets that do
/// not fit the text (a damaged row) give an empty text, never a panic.
fn fill_texts(value: &mut serde_json::Value, text: &str) {
    // Byte offset of every code point, and of the end.
    let bytes: Vec<usize> = text
        .char_indices()
        .map(|(b, _)| b)
        .chain([text.len()])
        .collect();
    fill(value, text, &bytes);
}

fn fill(value: &mut serde_json::Value, text: &str, bytes: &[usize]) {
    use serde_json::Value;
    match value {
        Value::Array(items) => items.iter_mut().for_each(|v| fill(v, text, bytes)),
        Value::Object(fields) => {
            let offset = |key: &str| fields.get(key)?.as_u64();
            if !fields.contains_key("text") {
                if let (Some(start), Some(end)) = (offset("start"), offset("end")) {
                    let byte = |at: u64| bytes.get(usize::try_from(at).ok()?).copied();
                    let piece = byte(start)
                        .zip(byte(end))
                        .and_then(|(start, end)| text.get(start..end))
                        .unwrap_or_default();
                    fields.insert("text".into(), Value::String(piece.into()));
                }
            }
            fields.values_mut().for_each(|v| fill(v, text, bytes));
        }
        _ => {}
    }
}

/// Drops every span text of an account's JSON: the form the previous
/// release stored, for tests of reading it.
#[cfg(test)]
pub(crate) fn strip_texts(value: &mut serde_json::Value) {
    use serde_json::Value;
    match value {
        Value::Array(items) => items.iter_mut().for_each(strip_texts),
        Value::Object(fields) => {
            if fields.contains_key("start") {
                fields.remove("text");
            }
            fields.values_mut().for_each(strip_texts);
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn format_1_rows_read_with_no_affiliations() {
        let text = "Talks\n\nNATO Secretary General Mark Rutte said that the talks failed.";
        let account =
            whosaid::Extractor::builtin().analyze(text, &whosaid::DocumentInfo::default());
        assert!(!account.speakers.is_empty());
        let meta = Metadata::default();
        let mut v1 = vec![FORMAT_1];
        v1.extend(postcard::to_allocvec(&StoredAccount::new(&meta, &account)).unwrap());
        let old = read(rusqlite::types::Value::Blob(v1), text).unwrap();
        let new = read(rusqlite::types::Value::Blob(encode(&meta, &account)), text).unwrap();
        assert_eq!(old["speakers"][0]["affiliations"], json!([]));
        assert_eq!(new["speakers"][0]["affiliations"], json!(["NATO"]));
        assert_eq!(old["attributions"], new["attributions"]);
    }

    #[test]
    fn texts_come_back_by_code_points_and_damaged_offsets_give_empty_text() {
        let text = "«Oui», a dit Rutte.";
        let mut v = json!({
            "content": [{"start": 0, "end": 5}],
            "source": [{"start": 13, "end": 18}],
            "kept": {"start": 0, "end": 1, "text": "as stored"},
            "damaged": [{"start": 3, "end": 99}, {"start": 5, "end": 2}, {"start": -1, "end": 2}],
        });
        fill_texts(&mut v, text);
        assert_eq!(v["content"][0]["text"], "«Oui»");
        assert_eq!(v["source"][0]["text"], "Rutte");
        assert_eq!(v["kept"]["text"], "as stored");
        assert_eq!(v["damaged"][0]["text"], "");
        assert_eq!(v["damaged"][1]["text"], "");
        assert!(v["damaged"][2].get("text").is_none());
    }
}
