//! Quote clusters, built as statements are stored.
//!
//! Two quotes **match** when they share at least [`MIN_SHARED`] keys, at
//! least half the keys of the shorter one, and either a quarter of the
//! longer one's or a long verbatim stretch ([`LONG_STRETCH`] keys):
//! identical quotes, a quote inside a longer one (partial quoting), and
//! quotes with a few words changed, added or dropped — but not a slogan
//! ("make America great again") inside unrelated speeches, which would
//! chain them all into one. Clusters are the connected groups of
//! matching quotes (union by cluster id, the smallest statement id of the
//! group).
//!
//! The index holds each quote's anchors (two in five of its keys, chosen
//! so that quotes sharing [`MIN_SHARED`] keys in a row share one, see
//! [`super::normalize::keys_and_anchors`]); every pair sharing an anchor
//! is compared on all their keys when the later one is stored. Pairs that
//! share only scattered keys and no such stretch are not compared: a
//! reworded quote still matches through any six words it keeps in a row.
//! The relation depends on the two quotes alone, so the groups do not
//! depend on ingest order; the cost per quote is its anchors' index
//! lists, not the corpus (no all-pairs step). A quote with the words of
//! one already indexed (an exact repeat) is not indexed again, so repeats
//! do not lengthen the lists.

use std::collections::{BTreeSet, HashMap};

use std::rc::Rc;

use rusqlite::types::Value;
use rusqlite::{params, Transaction};

use super::normalize::{
    decode_keys, encode_keys, keys_and_anchors, normalize, quoted_wording, shared_keys, MIN_KEYS,
};
use crate::StoreError;

/// Fewest keys two quotes share to match: four (about six words in a
/// row). Three let common phrases through ("to the men and women").
pub(crate) const MIN_SHARED: usize = 4;

/// Shared keys that match quotes of any lengths (about eight words
/// quoted verbatim).
pub(crate) const LONG_STRETCH: usize = 6;

/// Statements read at a time.
const CHUNK: i64 = 4096;

/// Whether two quotes with `a` and `b` keys sharing `shared` match.
pub(crate) fn matches(shared: usize, a: usize, b: usize) -> bool {
    let (short, long) = (a.min(b), a.max(b));
    shared >= MIN_SHARED && shared * 2 >= short && (shared * 4 >= long || shared >= LONG_STRETCH)
}

/// Clusters the quotes of the statements stored after `after` (an
/// attribution id), and refreshes the summaries of the clusters touched.
pub(crate) fn index_new(tx: &Transaction<'_>, after: i64) -> Result<(), StoreError> {
    index_in_chunks(tx, after, CHUNK, true)
}

/// A quote of the chunk being clustered.
struct NewQuote {
    id: i64,
    document: i64,
    outlet: Option<i64>,
    published: Option<String>,
    wording: String,
    norm: String,
    keys: Vec<i64>,
    anchors: Vec<i64>,
}

/// A quote already clustered that shares an anchor with the chunk.
struct Member {
    /// Its cluster when read or added (see [`Merges::find`]).
    cluster: i64,
    norm: String,
    keys: Vec<i64>,
}

/// The clusters merged while a chunk is clustered: each merged cluster
/// id points at the one it joined (always smaller, so no cycles).
#[derive(Default)]
struct Merges(HashMap<i64, i64>);

impl Merges {
    /// The cluster `cluster` belongs to now.
    fn find(&self, mut cluster: i64) -> i64 {
        while let Some(&into) = self.0.get(&cluster) {
            cluster = into;
        }
        cluster
    }
}

/// [`index_new`], reading `chunk` statements at a time. `incremental`:
/// a quote joining a cluster updates its counts in place (an ingest batch
/// touches few of a large store's clusters); else every cluster joined is
/// counted once at the end (a rebuild touches them all).
///
/// Per chunk, the members sharing an anchor with any of its quotes are
/// read in one query and the chunk's own quotes are added to that
/// in-memory index as they are clustered: the same comparisons as one
/// lookup per quote, without a query per quote.
pub(crate) fn index_in_chunks(
    tx: &Transaction<'_>,
    after: i64,
    chunk: i64,
    incremental: bool,
) -> Result<(), StoreError> {
    // Read a chunk at a time: a rebuild of a large store holds one chunk
    // of statements in memory, not all of them.
    let mut next = tx.prepare(
        "SELECT a.id, a.document_id, a.kind, a.content, d.outlet_id, d.published \
         FROM attributions a JOIN documents d ON d.id = a.document_id \
         WHERE a.id > ?1 AND a.kind IN ('direct', 'mixed') ORDER BY a.id LIMIT ?2",
    )?;
    // Read (id, quote) pairs; `None` when the chunk is empty.
    let mut read_chunk = |after: i64| -> Result<Option<(i64, Vec<NewQuote>)>, StoreError> {
        let mut rows = next.query(params![after, chunk])?;
        let mut last = None;
        let mut quotes = Vec::new();
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            last = Some(id);
            let kind = r.get_ref(2)?.as_str().unwrap_or_default();
            let content = r.get_ref(3)?.as_str().unwrap_or_default();
            let Some(wording) = quoted_wording(kind, content) else {
                continue;
            };
            let norm = normalize(&wording);
            let (keys, anchors) = keys_and_anchors(&norm);
            if keys.len() < MIN_KEYS {
                continue;
            }
            quotes.push(NewQuote {
                id,
                document: r.get(1)?,
                outlet: r.get(4)?,
                published: r.get(5)?,
                wording,
                norm,
                keys,
                anchors,
            });
        }
        Ok(last.map(|last| (last, quotes)))
    };
    // The members holding any of the chunk's anchors, one row per anchor.
    let mut by_anchors = tx.prepare_cached(
        "SELECT k.key, m.attribution_id, m.cluster_id, m.norm, m.keys FROM quote_keys k \
         JOIN quote_members m ON m.attribution_id = k.attribution_id \
         WHERE k.key IN rarray(?1)",
    )?;
    let mut regroup =
        tx.prepare_cached("UPDATE quote_members SET cluster_id = ?1 WHERE cluster_id = ?2")?;
    let mut add_member = tx.prepare_cached(
        "INSERT INTO quote_members(attribution_id, cluster_id, wording, norm, keys) \
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    let mut add_key =
        tx.prepare_cached("INSERT OR IGNORE INTO quote_keys(key, attribution_id) VALUES (?1, ?2)")?;
    let mut add_single = tx.prepare_cached(
        "INSERT INTO quote_clusters(id, statements, documents, outlets, first_published) \
         VALUES (?1, 1, 1, ?2, ?3)",
    )?;
    // A quote joining one cluster updates its counts in place; merged
    // clusters (rarer) are counted again at the end of the batch. A full
    // count per joining quote would cost the cluster's size each time.
    let mut same_document = tx.prepare_cached(
        "SELECT EXISTS (SELECT 1 FROM attributions a JOIN quote_members m ON m.attribution_id = a.id \
         WHERE a.document_id = ?1 AND m.cluster_id = ?2 AND a.id <> ?3)",
    )?;
    let mut same_outlet = tx.prepare_cached(
        "SELECT EXISTS (SELECT 1 FROM quote_members m JOIN attributions a ON a.id = m.attribution_id \
         JOIN documents d ON d.id = a.document_id \
         WHERE m.cluster_id = ?1 AND d.outlet_id = ?2 AND m.attribution_id <> ?3)",
    )?;
    let mut grow = tx.prepare_cached(
        "UPDATE quote_clusters SET statements = statements + 1, documents = documents + ?2, \
         outlets = outlets + ?3, \
         first_published = CASE WHEN first_published IS NULL OR ?4 < first_published \
                                THEN COALESCE(?4, first_published) ELSE first_published END \
         WHERE id = ?1",
    )?;
    let mut touched = BTreeSet::new();
    let mut gone = BTreeSet::new();
    let mut after = after;
    while let Some((last, quotes)) = read_chunk(after)? {
        after = last;
        let mut anchors: Vec<i64> = quotes
            .iter()
            .flat_map(|q| q.anchors.iter().copied())
            .collect();
        anchors.sort_unstable();
        anchors.dedup();
        let list: Rc<Vec<Value>> = Rc::new(anchors.into_iter().map(Value::Integer).collect());
        let mut members: HashMap<i64, Member> = HashMap::new();
        let mut index: HashMap<i64, Vec<i64>> = HashMap::new();
        let mut rows = by_anchors.query([list])?;
        while let Some(r) = rows.next()? {
            let (anchor, id): (i64, i64) = (r.get(0)?, r.get(1)?);
            index.entry(anchor).or_default().push(id);
            if let std::collections::hash_map::Entry::Vacant(slot) = members.entry(id) {
                slot.insert(Member {
                    cluster: r.get(2)?,
                    norm: r.get(3)?,
                    keys: decode_keys(r.get_ref(4)?.as_blob().unwrap_or_default()),
                });
            }
        }
        drop(rows);
        let mut merges = Merges::default();
        let mut seen: Vec<i64> = Vec::new();
        // The chunk's new index rows, inserted in key order at its end:
        // hashed keys in arrival order land on random pages of the index.
        let mut new_keys: Vec<(i64, i64)> = Vec::new();
        for quote in quotes {
            seen.clear();
            for anchor in &quote.anchors {
                seen.extend(index.get(anchor).into_iter().flatten());
            }
            seen.sort_unstable();
            seen.dedup();
            let mut clusters = BTreeSet::new();
            let mut twin = false;
            for other in &seen {
                let Some(member) = members.get(other) else {
                    continue;
                };
                twin |= member.norm == quote.norm;
                let shared = shared_keys(&quote.keys, &member.keys);
                if matches(shared, quote.keys.len(), member.keys.len()) {
                    clusters.insert(merges.find(member.cluster));
                }
            }
            let cluster = clusters.first().copied().unwrap_or(quote.id).min(quote.id);
            for &c in &clusters {
                if c != cluster {
                    regroup.execute([cluster, c])?;
                    merges.0.insert(c, cluster);
                    gone.insert(c);
                }
            }
            add_member.execute(params![
                quote.id,
                cluster,
                quote.wording,
                quote.norm,
                encode_keys(&quote.keys)
            ])?;
            // A quote with the very words of one already indexed (an exact
            // repeat, the commonest case) matches whatever that one matches:
            // its anchors would only lengthen the index lists.
            if !twin {
                for anchor in &quote.anchors {
                    new_keys.push((*anchor, quote.id));
                    index.entry(*anchor).or_default().push(quote.id);
                }
            }
            if clusters.is_empty() {
                // A quote of its own: its counts are known.
                add_single.execute(params![
                    quote.id,
                    i64::from(quote.outlet.is_some()),
                    quote.published
                ])?;
            } else if incremental && clusters.len() == 1 && !touched.contains(&cluster) {
                let new_document: bool = !same_document
                    .query_row(params![quote.document, cluster, quote.id], |r| r.get(0))?;
                let new_outlet = match quote.outlet {
                    Some(outlet) => !same_outlet
                        .query_row(params![cluster, outlet, quote.id], |r| r.get::<_, bool>(0))?,
                    None => false,
                };
                grow.execute(params![
                    cluster,
                    i64::from(new_document),
                    i64::from(new_outlet),
                    quote.published
                ])?;
            } else {
                touched.insert(cluster);
            }
            members.insert(
                quote.id,
                Member {
                    cluster,
                    norm: quote.norm,
                    keys: quote.keys,
                },
            );
        }
        new_keys.sort_unstable();
        for (key, id) in new_keys {
            add_key.execute([key, id])?;
        }
    }
    for c in &gone {
        tx.execute("DELETE FROM quote_clusters WHERE id = ?1", [c])?;
    }
    let mut summarize = tx.prepare_cached(
        "INSERT OR REPLACE INTO quote_clusters(id, statements, documents, outlets, first_published) \
         SELECT ?1, COUNT(*), COUNT(DISTINCT a.document_id), COUNT(DISTINCT d.outlet_id), MIN(d.published) \
         FROM quote_members m JOIN attributions a ON a.id = m.attribution_id \
         JOIN documents d ON d.id = a.document_id WHERE m.cluster_id = ?1",
    )?;
    for c in touched.difference(&gone) {
        summarize.execute([c])?;
    }
    Ok(())
}

/// Drops every cluster and builds them again from the stored statements.
pub(crate) fn rebuild(tx: &Transaction<'_>) -> Result<(), StoreError> {
    tx.execute_batch(
        "DELETE FROM quote_keys; DELETE FROM quote_members; DELETE FROM quote_clusters;",
    )?;
    index_in_chunks(tx, 0, CHUNK, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_match_relation_is_symmetric_and_needs_enough_shared_keys() {
        assert!(matches(4, 4, 16), "a short quote inside a longer one");
        assert!(!matches(4, 4, 40), "a slogan inside a speech");
        assert!(matches(6, 8, 40), "a long stretch inside a speech");
        assert!(!matches(3, 3, 3), "three shared keys are not enough");
        assert!(matches(5, 10, 9), "half of the shorter");
        assert!(!matches(4, 10, 9));
        for (s, a, b) in [(4, 5, 9), (6, 12, 11), (2, 2, 8)] {
            assert_eq!(matches(s, a, b), matches(s, b, a));
        }
    }
}
