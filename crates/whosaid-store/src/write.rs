//! Writing documents: keys, unique ids, speakers merged across documents,
//! attributions and their titles, inside `Store::add_all`'s transaction.

use super::consolidate::Touched;
use super::names::{display_name, last_word, name_key};
use super::*;

pub(super) fn add_one(
    tx: &Transaction<'_>,
    meta: &Metadata,
    text: &str,
    account: &Account,
    touched: &mut Touched,
) -> Result<Added, StoreError> {
    let key = document_key(meta, text);
    let stored_text = |key: &str| -> Result<Option<String>, StoreError> {
        Ok(tx
            .prepare_cached("SELECT text FROM documents WHERE doc_key = ?1")?
            .query_row([key], |r| r.get(0))
            .optional()?)
    };
    match stored_text(&key)? {
        Some(stored) if stored == text => return Ok(Added::Existing),
        Some(_) => return Ok(Added::Clash),
        None => {}
    }
    // Stores written before file documents were keyed by their text hold
    // them under `id:<file stem>`: the same text there is this document.
    let legacy = meta.id_from_input && meta.url.is_none() && !meta.id.is_empty();
    if legacy && stored_text(&format!("id:{}", meta.id))?.is_some_and(|t| t == text) {
        return Ok(Added::Existing);
    }
    let ext_id = unique_ext_id(tx, &meta.id)?;
    let outlet_id: Option<i64> = match &meta.outlet {
        Some(name) => {
            tx.prepare_cached("INSERT OR IGNORE INTO outlets(name) VALUES (?1)")?
                .execute([name])?;
            Some(
                tx.prepare_cached("SELECT id FROM outlets WHERE name = ?1")?
                    .query_row([name], |r| r.get(0))?,
            )
        }
        None => None,
    };
    tx.prepare_cached(
        "INSERT INTO documents(doc_key, ext_id, url, title, byline, published, outlet_id, language, text, account) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?
    .execute(params![
            key,
            ext_id,
            meta.url,
            meta.title,
            meta.byline,
            meta.published.map(|d| d.to_string()),
            outlet_id,
            meta.language,
            text,
            stored::encode(meta, account)
        ])?;
    let document_id = tx.last_insert_rowid();
    // Speakers of this document → store ids.
    let mut ids = Vec::with_capacity(account.speakers.len());
    for s in &account.speakers {
        ids.push(speaker_id(tx, s, &key, touched)?);
    }
    let mut insert = tx.prepare_cached(
        "INSERT INTO attributions(document_id, ord, speaker_id, origin_speaker_id, kind, source, cue, content, channel, time_value, nested) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?;
    let join = |spans: &[whosaid::Span]| {
        spans
            .iter()
            .map(|s| s.text.as_str())
            .collect::<Vec<_>>()
            .join(" … ")
    };
    for (ord, a) in account.attributions.iter().enumerate() {
        let at = &a.attribution;
        insert.execute(params![
            document_id,
            ord as i64,
            a.speaker.map(|k| ids[k].1),
            a.speaker.map(|k| ids[k].0),
            at.kind.as_str(),
            join(&at.source),
            join(&at.cue),
            join(&at.content),
            serde_json::to_string(&a.channel).unwrap_or_default(),
            a.time.as_ref().and_then(|t| t.value.clone()),
            i64::from(a.nested_in.is_some()),
        ])?;
    }
    let mut insert = tx.prepare_cached(
        "INSERT INTO assertions(document_id, ord, text, start, end, whole_sentence) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for (ord, u) in account.unattributed.iter().enumerate() {
        insert.execute(params![
            document_id,
            ord as i64,
            u.span.text,
            u.span.start as i64,
            u.span.end as i64,
            i64::from(u.whole_sentence),
        ])?;
    }
    Ok(Added::New(account.attributions.len()))
}

/// `id`, or `id~2`, `id~3`… when another document has it: pages and the
/// API find a document by this id, so it must name one document.
pub(super) fn unique_ext_id(tx: &Transaction<'_>, id: &str) -> Result<String, StoreError> {
    let mut taken = tx.prepare_cached("SELECT 1 FROM documents WHERE ext_id = ?1")?;
    let mut candidate = id.to_string();
    let mut n = 1;
    while taken.exists([&candidate])? {
        n += 1;
        candidate = format!("{id}~{n}");
    }
    Ok(candidate)
}

/// The row and group (store ids) of a document's speaker. Anonymous
/// speakers ("a source") are rows of their document only; a named one is
/// the row of its name key (see [`name_key`]), whatever kind this document
/// gives it: the document's kind is a vote ([`consolidate`]).
pub(super) fn speaker_id(
    tx: &Transaction<'_>,
    s: &whosaid::resolve::Speaker,
    doc_key: &str,
    touched: &mut Touched,
) -> Result<(i64, i64), StoreError> {
    let kind = kind_name(s.kind);
    let person = s.kind == SpeakerKind::Person;
    let name = display_name(&s.name);
    let norm = name_key(&s.name, person && !s.anonymous);
    // Anonymous speakers are rows of their document only.
    let anonymous_key = s.anonymous.then(|| format!("anon:{doc_key}:{norm}"));
    let found: Option<(i64, i64, String)> = if let Some(key) = &anonymous_key {
        tx.prepare_cached("SELECT id, canonical_id, kind FROM speakers WHERE merge_key = ?1")?
            .query_row([key], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .optional()?
    } else {
        let mut by_key = tx.prepare_cached(
            "SELECT id, canonical_id, kind FROM speakers WHERE norm = ?1 AND anonymous = 0 \
             ORDER BY id LIMIT 1",
        )?;
        let mut found = by_key
            .query_row([&norm], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .optional()?;
        // The name under the other kind's key: "Bernie Sanders" typed an
        // organization by one article is the person "bernard sanders";
        // a person found under an organization's key moves the row to
        // the person's key, where later spellings meet.
        let other = name_key(&s.name, !person);
        if found.is_none() && other != norm {
            found = by_key
                .query_row([&other], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                .optional()?;
            if let (Some((id, _, _)), true) = (&found, person) {
                tx.prepare_cached("UPDATE speakers SET norm = ?1, last_word = ?2 WHERE id = ?3")?
                    .execute(params![norm, last_word(&norm), id])?;
            }
        }
        found
    };
    let (id, canonical) = match found {
        Some((id, canonical, stored_kind)) => {
            if stored_kind != kind {
                touched.kinds.insert(id);
            }
            if person && !s.anonymous {
                if let Some(last) = last_word(&norm) {
                    if !touched.surnames.contains(last) {
                        touched.surnames.insert(last.to_string());
                    }
                }
            }
            (id, canonical)
        }
        None => {
            let key = anonymous_key.unwrap_or_else(|| format!("name:{norm}"));
            let last = if s.anonymous { None } else { last_word(&norm) };
            // A new row is its own group: its id is its canonical id. (An
            // insert computing its id by a `MAX(id)` subquery with
            // `RETURNING` took four times as long as this pair.)
            tx.prepare_cached(
                "INSERT INTO speakers(merge_key, name, kind, anonymous, last_word, norm) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?
            .execute(params![key, name, kind, i64::from(s.anonymous), last, norm])?;
            let id = tx.last_insert_rowid();
            tx.prepare_cached("UPDATE speakers SET canonical_id = ?1 WHERE id = ?1")?
                .execute([id])?;
            if !s.anonymous {
                touched.new_rows.push(id);
                match last {
                    Some(last) if person => {
                        touched.surnames.insert(last.to_string());
                    }
                    Some(_) => {}
                    None => {
                        touched.surnames.insert(norm.clone());
                    }
                }
            }
            (id, id)
        }
    };
    tx.prepare_cached(
        "INSERT INTO speaker_names(speaker_id, name, kind, documents) VALUES (?1, ?2, ?3, 1) \
         ON CONFLICT DO UPDATE SET documents = documents + 1",
    )?
    .execute(params![id, name, kind])?;
    add_titles(tx, id, &s.titles)?;
    add_affiliations(tx, id, &s.affiliations)?;
    Ok((id, canonical))
}

/// Records the bodies a speaker is affiliated with, each once.
pub(super) fn add_affiliations(
    tx: &Transaction<'_>,
    id: i64,
    names: &[String],
) -> Result<(), StoreError> {
    for name in names {
        tx.prepare_cached(
            "INSERT OR IGNORE INTO speaker_affiliations(speaker_id, name) VALUES (?1, ?2)",
        )?
        .execute(params![id, name])?;
    }
    Ok(())
}

pub(super) fn add_titles(tx: &Transaction<'_>, id: i64, new: &[String]) -> Result<(), StoreError> {
    if new.is_empty() {
        return Ok(());
    }
    let current: String = tx
        .prepare_cached("SELECT titles FROM speakers WHERE id = ?1")?
        .query_row([id], |r| r.get(0))?;
    let mut titles: Vec<String> = serde_json::from_str(&current).unwrap_or_default();
    let before = titles.len();
    for t in new {
        if !titles.iter().any(|x| x.eq_ignore_ascii_case(t)) {
            titles.push(t.clone());
        }
    }
    if titles.len() != before {
        tx.prepare_cached("UPDATE speakers SET titles = ?1 WHERE id = ?2")?
            .execute(params![
                serde_json::to_string(&titles).unwrap_or_default(),
                id
            ])?;
    }
    Ok(())
}
