//! JSONL corpora: one JSON object per line, with configurable field names.

use serde_json::Value;

use crate::{parse_date, Body, IngestError, Locator, Metadata, RawRecord};

/// Which JSON fields hold what. Defaults: `id`, `url`, `title`, `text`,
/// `html`, `published`, `outlet`, `byline`, `language`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldNames {
    /// Document id (a string or a number).
    pub id: String,
    /// URL.
    pub url: String,
    /// Headline.
    pub title: String,
    /// Plain text, paragraphs separated by blank lines.
    pub text: String,
    /// An HTML page, used when there is no text.
    pub html: String,
    /// Publication date (`2016-09-12`, ISO 8601 or RFC 2822 date-time).
    pub published: String,
    /// Outlet name.
    pub outlet: String,
    /// Author(s).
    pub byline: String,
    /// Language tag.
    pub language: String,
}

impl Default for FieldNames {
    fn default() -> Self {
        FieldNames {
            id: "id".into(),
            url: "url".into(),
            title: "title".into(),
            text: "text".into(),
            html: "html".into(),
            published: "published".into(),
            outlet: "outlet".into(),
            byline: "byline".into(),
            language: "language".into(),
        }
    }
}

impl FieldNames {
    /// Sets one mapping from `name=key` (`text=body`, `published=date`).
    pub fn set(&mut self, spec: &str) -> Result<(), String> {
        let (name, key) = spec
            .split_once('=')
            .ok_or_else(|| format!("expected NAME=KEY, got {spec:?}"))?;
        let slot = match name.trim() {
            "id" => &mut self.id,
            "url" => &mut self.url,
            "title" => &mut self.title,
            "text" => &mut self.text,
            "html" => &mut self.html,
            "published" => &mut self.published,
            "outlet" => &mut self.outlet,
            "byline" => &mut self.byline,
            "language" => &mut self.language,
            other => {
                return Err(format!(
                    "unknown field {other:?}: one of id, url, title, text, html, published, outlet, byline, language"
                ))
            }
        };
        *slot = key.trim().to_string();
        Ok(())
    }
}

/// The number in field `key` of a JSON object exactly as written.
fn raw_number(line: &[u8], key: &str) -> Option<String> {
    let fields: std::collections::HashMap<String, &serde_json::value::RawValue> =
        serde_json::from_slice(line).ok()?;
    Some(fields.get(key)?.get().to_string())
}

/// Reads one JSONL line (`line` is 1-based) into a record.
pub fn parse_line(
    line: &[u8],
    number: u64,
    source: &str,
    fields: &FieldNames,
) -> Result<RawRecord, IngestError> {
    let locator = Locator::Line(number);
    let fail = |reason: String| IngestError::record(source, locator, reason);
    // A byte order mark (written by some tools before the first line).
    let line = line.strip_prefix(b"\xef\xbb\xbf").unwrap_or(line);
    let value: Value =
        serde_json::from_slice(line).map_err(|e| fail(format!("not a JSON object: {e}")))?;
    let Value::Object(obj) = value else {
        return Err(fail("not a JSON object".into()));
    };
    let string = |key: &str| -> Option<String> {
        match obj.get(key)? {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        }
    };
    let id = match obj.get(&fields.id) {
        // serde_json reads integers past 64 bits as floats, so distinct
        // big ids would round to one: take such a number as written.
        Some(Value::Number(n)) if n.is_f64() => raw_number(line, &fields.id),
        _ => string(&fields.id),
    };
    let id_from_input = id.is_none();
    let id = id.unwrap_or_else(|| format!("line-{number}"));
    let published = match string(&fields.published) {
        Some(s) => Some(parse_date(&s).ok_or_else(|| IngestError::Record {
            source_name: source.to_string(),
            locator,
            id: Some(id.clone()),
            reason: format!("field {:?}: not a date: {s:?}", fields.published),
        })?),
        None => None,
    };
    let body = match (string(&fields.text), string(&fields.html)) {
        (Some(t), _) => Body::Text(t),
        (None, Some(h)) => Body::Html {
            bytes: h.into_bytes(),
            charset: Some("utf-8".into()),
        },
        (None, None) => {
            return Err(IngestError::Record {
                source_name: source.to_string(),
                locator,
                id: Some(id),
                reason: format!("no {:?} or {:?} field", fields.text, fields.html),
            })
        }
    };
    Ok(RawRecord {
        source: source.to_string(),
        locator,
        meta: Metadata {
            id,
            url: string(&fields.url),
            title: string(&fields.title),
            byline: string(&fields.byline),
            published,
            outlet: string(&fields.outlet),
            language: string(&fields.language),
            id_from_input,
        },
        body,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_map_and_errors_name_the_line() {
        let f = FieldNames::default();
        let r = parse_line(
            br#"{"id": 7, "text": "Hello", "published": "2016-09-12T00:00:00Z", "outlet": "X"}"#,
            3,
            "c.jsonl",
            &f,
        )
        .unwrap();
        assert_eq!(r.meta.id, "7");
        assert_eq!(r.meta.outlet.as_deref(), Some("X"));
        assert_eq!(r.meta.published.unwrap().to_string(), "2016-09-12");
        assert_eq!(r.body, Body::Text("Hello".into()));
        let e = parse_line(b"{\"id\": 1}", 4, "c.jsonl", &f).unwrap_err();
        assert_eq!(
            e.to_string(),
            "c.jsonl line 4: no \"text\" or \"html\" field"
        );
        assert_eq!(e.record_id(), Some("1"));
        assert!(parse_line(b"[1,2]", 5, "c.jsonl", &f).is_err());
        assert!(parse_line(b"{\"text\":\"a\",\"published\":\"soon\"}", 6, "c.jsonl", &f).is_err());
        assert!(parse_line(b"\xff{", 7, "c.jsonl", &f).is_err());
    }

    /// Regression (hardening issue, finding 8): a BOM before the first
    /// line rejected it, and integer ids past 64 bits were rounded to one
    /// float, so distinct documents shared an id.
    #[test]
    fn a_bom_is_ignored_and_big_ids_kept_as_written() {
        let f = FieldNames::default();
        let r = parse_line(b"\xef\xbb\xbf{\"id\": \"a\", \"text\": \"T\"}", 1, "s", &f).unwrap();
        assert_eq!(r.meta.id, "a");
        let big = |n: &str| {
            parse_line(
                format!("{{\"id\": {n}, \"text\": \"T\"}}").as_bytes(),
                1,
                "s",
                &f,
            )
            .unwrap()
            .meta
            .id
        };
        assert_eq!(
            big("123456789012345678901234567890"),
            "123456789012345678901234567890"
        );
        assert_ne!(
            big("123456789012345678901234567891"),
            big("123456789012345678901234567890")
        );
        assert_eq!(big("18446744073709551615"), "18446744073709551615");
        assert_eq!(big("-5"), "-5");
    }

    #[test]
    fn field_names_are_configurable() {
        let mut f = FieldNames::default();
        f.set("text=body").unwrap();
        f.set("published = date").unwrap();
        assert!(f.set("nope=x").is_err());
        assert!(f.set("text").is_err());
        let r = parse_line(br#"{"body": "B", "date": "2020-01-02"}"#, 1, "s", &f).unwrap();
        assert_eq!(r.body, Body::Text("B".into()));
        assert_eq!(r.meta.id, "line-1");
        let r = parse_line(br#"{"html": "<p>x</p>"}"#, 2, "s", &FieldNames::default()).unwrap();
        assert!(matches!(r.body, Body::Html { .. }));
    }
}
