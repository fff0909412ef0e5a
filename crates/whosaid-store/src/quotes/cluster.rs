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
//! group). The relation depends on the two quotes alone and every pair
//! sharing a key is compared when the later one is stored, so the groups
//! do not depend on ingest order; the cost per quote is its keys' index
//! lists, not the corpus (no all-pairs step). A quote with the same keys
//! as one already indexed (an exact repeat) is not indexed again, so
//! repeats do not lengthen the lists.

use std::collections::{BTreeSet, HashMap};

use std::rc::Rc;

use rusqlite::types::Value;
use rusqlite::{params, Transaction};

use super::normalize::{keys, normalize, quoted_wording, MIN_KEYS};
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

/// [`index_new`], reading `chunk` statements at a time. `incremental`:
/// a quote joining a cluster updates its counts in place (an ingest batch
/// touches few of a large store's clusters); else every cluster joined is
/// counted once at the end (a rebuild touches them all).
pub(crate) fn index_in_chunks(
    tx: &Transaction<'_>,
    after: i64,
    chunk: i64,
    incremental: bool,
) -> Result<(), StoreError> {
    struct New {
        id: i64,
        document: i64,
        kind: String,
        content: String,
        outlet: Option<i64>,
        published: Option<String>,
    }
    // Read a chunk at a time: a rebuild of a large store holds one chunk
    // of statements in memory, not all of them.
    let mut next = tx.prepare(
        "SELECT a.id, a.document_id, a.kind, a.content, d.outlet_id, d.published \
         FROM attributions a JOIN documents d ON d.id = a.document_id \
         WHERE a.id > ?1 AND a.kind IN ('direct', 'mixed') ORDER BY a.id LIMIT ?2",
    )?;
    let mut read_chunk = |after: i64| -> Result<Vec<New>, StoreError> {
        let rows = next.query_map(params![after, chunk], |r| {
            Ok(New {
                id: r.get(0)?,
                document: r.get(1)?,
                kind: r.get(2)?,
                content: r.get(3)?,
                outlet: r.get(4)?,
                published: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    };
    // Every member sharing a key, once per shared key, in one statement.
    let mut postings = tx.prepare_cached(
        "SELECT k.attribution_id, m.nkeys, m.cluster_id FROM quote_keys k \
         JOIN quote_members m ON m.attribution_id = k.attribution_id \
         WHERE k.key IN rarray(?1)",
    )?;
    let mut regroup =
        tx.prepare_cached("UPDATE quote_members SET cluster_id = ?1 WHERE cluster_id = ?2")?;
    let mut add_member = tx.prepare_cached(
        "INSERT INTO quote_members(attribution_id, cluster_id, wording, norm, nkeys) \
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
    // Shared keys per other member, with its key count and cluster.
    let mut shared: HashMap<i64, (usize, usize, i64)> = HashMap::new();
    let mut after = after;
    loop {
        let rows = read_chunk(after)?;
        let Some(last) = rows.last() else {
            break;
        };
        after = last.id;
        for row in rows {
            let Some(wording) = quoted_wording(&row.kind, &row.content) else {
                continue;
            };
            let norm = normalize(&wording);
            let keys = keys(&norm);
            if keys.len() < MIN_KEYS {
                continue;
            }
            shared.clear();
            let list: Rc<Vec<Value>> = Rc::new(keys.iter().map(|k| Value::Integer(*k)).collect());
            let found = postings.query_map([list], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, i64>(2)?,
                ))
            })?;
            for hit in found {
                let (other, nkeys, cluster) = hit?;
                shared
                    .entry(other)
                    .or_insert((0, nkeys as usize, cluster))
                    .0 += 1;
            }
            let clusters: BTreeSet<i64> = shared
                .values()
                .filter(|(n, nkeys, _)| matches(*n, keys.len(), *nkeys))
                .map(|(_, _, cluster)| *cluster)
                .collect();
            let cluster = clusters.first().copied().unwrap_or(row.id).min(row.id);
            for &c in &clusters {
                if c != cluster {
                    regroup.execute([cluster, c])?;
                    gone.insert(c);
                }
            }
            add_member.execute(params![row.id, cluster, wording, norm, keys.len() as i64])?;
            // A quote with the very keys of one already indexed (an exact
            // repeat, the commonest case) matches whatever that one matches:
            // its keys would only lengthen the index lists.
            let twin = shared
                .values()
                .any(|&(n, nkeys, _)| n == keys.len() && nkeys == keys.len());
            if !twin {
                for key in &keys {
                    add_key.execute([*key, row.id])?;
                }
            }
            if clusters.is_empty() {
                // A quote of its own: its counts are known.
                add_single.execute(params![
                    row.id,
                    i64::from(row.outlet.is_some()),
                    row.published
                ])?;
            } else if incremental && clusters.len() == 1 && !touched.contains(&cluster) {
                let new_document: bool = !same_document
                    .query_row(params![row.document, cluster, row.id], |r| r.get(0))?;
                let new_outlet = match row.outlet {
                    Some(outlet) => !same_outlet
                        .query_row(params![cluster, outlet, row.id], |r| r.get::<_, bool>(0))?,
                    None => false,
                };
                grow.execute(params![
                    cluster,
                    i64::from(new_document),
                    i64::from(new_outlet),
                    row.published
                ])?;
            } else {
                touched.insert(cluster);
            }
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
