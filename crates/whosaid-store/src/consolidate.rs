//! One person, one speaker: the rules that join rows of the `speakers`
//! table into groups, and the moves (attach, detach) every merge and
//! unmerge is made of.
//!
//! - **Kind by votes.** Each document votes for the kind of the name it
//!   gives (`speaker_names.documents`); a row's kind is its majority, a
//!   group's the majority of its rows (ties: person, organization, media,
//!   group). An aliases file can fix a group's kind.
//! - **Surnames.** A one-word person row ("Obama", also "Mr. Obama") joins
//!   the person group of the corpus with that surname quoted in at least
//!   [`DOMINANCE`] times the documents of the next one; with no such
//!   group it stays apart, and lists its candidates (see
//!   `Store::speaker`). Rule merges are settled again whenever a surname's
//!   people change, so a later article can move or split them.
//! - **Aliases.** A user's aliases file joins each variant to its
//!   canonical name (created when missing).
//! - **Pinned rows.** A person's merge or unmerge pins the row: rules never
//!   move it again.

use std::collections::HashSet;

use super::names::{last_word, name_key};
use super::*;

/// How many times the documents of the next candidate a surname's
/// leading person needs before the surname alone is taken for them.
pub const DOMINANCE: i64 = 2;

/// Who merged a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum By {
    /// The rules of this module (settled again later).
    Rule,
    /// A person (`speakers merge`, `speakers unmerge`).
    User,
    /// The user's aliases file.
    Aliases,
}

impl By {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            By::Rule => "rule",
            By::User => "user",
            By::Aliases => "aliases",
        }
    }
}

/// What one batch of documents changed, for [`touched`].
///
/// Surnames are settled again for every person quoted in the batch: a
/// surname's dominant person can change with any statement.
#[derive(Debug, Default)]
pub(crate) struct Touched {
    /// Rows that got a vote for a kind other than theirs.
    pub kinds: HashSet<i64>,
    /// Rows created.
    pub new_rows: Vec<i64>,
    /// Surnames to settle: of people quoted, and new one-word names of any
    /// kind (the corpus's people may make them a person).
    pub surnames: HashSet<String>,
}

/// Settles what one batch changed: kinds of rows that got contrary votes,
/// aliases of new rows, the surnames whose people changed.
pub(crate) fn touched(tx: &Transaction<'_>, t: &Touched) -> Result<(), StoreError> {
    // A new row's kind is its one vote; a one-word one's surname votes
    // are counted when its surname is settled.
    for &id in &t.kinds {
        row_kind(tx, id)?;
    }
    let has_rules: bool = tx
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM alias_rules)")?
        .query_row([], |r| r.get(0))?;
    if has_rules {
        for &id in &t.new_rows {
            let norm: Option<String> = tx
                .prepare_cached("SELECT norm FROM speakers WHERE id = ?1 AND anonymous = 0")?
                .query_row([id], |r| r.get(0))
                .optional()?
                .flatten();
            if let Some(norm) = norm {
                for rule in rules_for(tx, &norm)? {
                    apply_rule(tx, &rule)?;
                }
            }
        }
    }
    let mut surnames: Vec<&String> = t.surnames.iter().collect();
    surnames.sort();
    for s in surnames {
        settle_surname(tx, s)?;
    }
    Ok(())
}

/// Runs every rule over the whole store: rows sharing a key (stores
/// written before keys were folded), kinds, the aliases file, surnames.
pub(crate) fn everything(tx: &Transaction<'_>) -> Result<(), StoreError> {
    let shared: Vec<String> = tx
        .prepare(
            "SELECT norm FROM speakers WHERE anonymous = 0 AND merged_into IS NULL \
             GROUP BY norm HAVING COUNT(*) > 1",
        )?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    for norm in shared {
        let mut ids: Vec<(i64, i64)> = Vec::new();
        for id in tx
            .prepare(
                "SELECT id FROM speakers WHERE norm = ?1 AND anonymous = 0 AND merged_into IS NULL",
            )?
            .query_map([&norm], |r| r.get::<_, i64>(0))?
        {
            let id = id?;
            ids.push((statements(tx, id)?, id));
        }
        ids.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        for &(_, from) in &ids[1..] {
            attach(tx, from, ids[0].1, By::Rule)?;
        }
    }
    let rows: Vec<i64> = tx
        .prepare("SELECT id FROM speakers")?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    for id in rows {
        row_kind(tx, id)?;
    }
    for rule in all_rules(tx)? {
        apply_rule(tx, &rule)?;
    }
    let surnames: Vec<String> = tx
        .prepare(
            "SELECT DISTINCT norm FROM speakers WHERE anonymous = 0 AND kind = 'person' \
             AND norm NOT LIKE '% %' ORDER BY norm",
        )?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    for s in surnames {
        settle_surname(tx, &s)?;
    }
    Ok(())
}

/// Statements of a group (by its canonical id).
fn statements(tx: &Transaction<'_>, canonical: i64) -> Result<i64, StoreError> {
    Ok(tx
        .prepare_cached("SELECT COUNT(*) FROM attributions WHERE speaker_id = ?1")?
        .query_row([canonical], |r| r.get(0))?)
}

/// The kind with the most votes; ties go to person, organization, media,
/// group, in that order.
fn pick_kind(votes: &[(String, i64)]) -> Option<&str> {
    let rank = |k: &str| {
        ["person", "organization", "media", "group"]
            .iter()
            .position(|x| *x == k)
            .unwrap_or(4)
    };
    votes
        .iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(rank(&b.0).cmp(&rank(&a.0))))
        .map(|(k, _)| k.as_str())
}

/// Votes for the kinds of a one-word name from the rest of the corpus:
/// the documents quoting people whose last name it is count for person
/// ("Trump" typed an organization in a few articles is still the
/// surname of people quoted in hundreds).
fn surname_votes(tx: &Transaction<'_>, norm: &str) -> Result<i64, StoreError> {
    Ok(tx
        .prepare_cached(
            "SELECT COALESCE(SUM(n.documents), 0) FROM speakers r \
             JOIN speaker_names n ON n.speaker_id = r.id \
             WHERE r.last_word = ?1 AND r.anonymous = 0 AND n.kind = 'person'",
        )?
        .query_row([norm], |r| r.get(0))?)
}

/// A row's (or, `group`, its group's) kind votes, with the surname votes
/// of a one-word name.
fn votes(tx: &Transaction<'_>, id: i64, group: bool) -> Result<Vec<(String, i64)>, StoreError> {
    let sql = if group {
        "SELECT n.kind, SUM(n.documents) FROM speakers s JOIN speaker_names n ON n.speaker_id = s.id \
         WHERE s.canonical_id = ?1 GROUP BY n.kind"
    } else {
        "SELECT n.kind, SUM(n.documents) FROM speaker_names n WHERE n.speaker_id = ?1 GROUP BY n.kind"
    };
    let mut votes: Vec<(String, i64)> = tx
        .prepare_cached(sql)?
        .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    let norm: Option<String> = tx
        .prepare_cached("SELECT norm FROM speakers WHERE id = ?1 AND anonymous = 0")?
        .query_row([id], |r| r.get(0))
        .optional()?
        .flatten();
    if let Some(norm) = norm.filter(|n| !n.contains(' ')) {
        let extra = surname_votes(tx, &norm)?;
        if extra > 0 {
            match votes.iter_mut().find(|(k, _)| k == "person") {
                Some(v) => v.1 += extra,
                None => votes.push(("person".into(), extra)),
            }
        }
    }
    Ok(votes)
}

/// Sets a row's kind from its votes, then its group's.
fn row_kind(tx: &Transaction<'_>, id: i64) -> Result<(), StoreError> {
    let row: Option<(i64, bool)> = tx
        .prepare_cached("SELECT canonical_id, kind_fixed FROM speakers WHERE id = ?1")?
        .query_row([id], |r| Ok((r.get(0)?, r.get::<_, i64>(1)? != 0)))
        .optional()?;
    let Some((canonical, fixed)) = row else {
        return Ok(());
    };
    if !fixed && canonical != id {
        if let Some(kind) = pick_kind(&votes(tx, id, false)?) {
            tx.prepare_cached("UPDATE speakers SET kind = ?1 WHERE id = ?2 AND kind != ?1")?
                .execute(params![kind, id])?;
        }
    }
    group_kind(tx, canonical)
}

/// Sets a group's kind (on its canonical row) from its rows' votes.
pub(crate) fn group_kind(tx: &Transaction<'_>, canonical: i64) -> Result<(), StoreError> {
    if let Some(kind) = pick_kind(&votes(tx, canonical, true)?) {
        tx.prepare_cached(
            "UPDATE speakers SET kind = ?1 WHERE id = ?2 AND kind != ?1 AND kind_fixed = 0",
        )?
        .execute(params![kind, canonical])?;
    }
    Ok(())
}

/// Joins the group named by row `from` (detached first when it is in
/// another group) to the group of row `into`. No-op when they are one.
pub(crate) fn attach(tx: &Transaction<'_>, from: i64, into: i64, by: By) -> Result<(), StoreError> {
    let into = canonical_of(tx, into)?;
    if canonical_of(tx, from)? != from {
        detach(tx, from, by)?;
    }
    if from == into {
        return Ok(());
    }
    tx.prepare_cached(
        "UPDATE speakers SET merged_into = ?1, merged_by = ?2, pinned = ?3 WHERE id = ?4",
    )?
    .execute(params![into, by.as_str(), i64::from(by != By::Rule), from])?;
    tx.prepare_cached("UPDATE speakers SET canonical_id = ?1 WHERE canonical_id = ?2")?
        .execute(params![into, from])?;
    tx.prepare_cached("UPDATE attributions SET speaker_id = ?1 WHERE speaker_id = ?2")?
        .execute(params![into, from])?;
    log(tx, "merge", from, Some(into), by)?;
    group_kind(tx, into)
}

/// Takes row `id` and the rows merged into it out of their group, as a
/// group of their own. Returns the group it left (none when it was in
/// none).
pub(crate) fn detach(tx: &Transaction<'_>, id: i64, by: By) -> Result<Option<i64>, StoreError> {
    let old = canonical_of(tx, id)?;
    if old == id {
        return Ok(None);
    }
    let subtree: Vec<i64> = tx
        .prepare_cached(
            "WITH RECURSIVE sub(id) AS (SELECT ?1 UNION \
               SELECT s.id FROM speakers s JOIN sub ON s.merged_into = sub.id WHERE s.canonical_id = ?2) \
             SELECT id FROM sub",
        )?
        .query_map(params![id, old], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    tx.prepare_cached(
        "UPDATE speakers SET merged_into = NULL, merged_by = NULL, pinned = ?1 WHERE id = ?2",
    )?
    .execute(params![i64::from(by != By::Rule), id])?;
    let mut regroup = tx.prepare_cached("UPDATE speakers SET canonical_id = ?1 WHERE id = ?2")?;
    let mut move_statements = tx.prepare_cached(
        "UPDATE attributions SET speaker_id = ?1 WHERE speaker_id = ?2 AND origin_speaker_id = ?3",
    )?;
    for row in &subtree {
        regroup.execute(params![id, row])?;
        move_statements.execute(params![id, old, row])?;
    }
    log(tx, "unmerge", id, Some(old), by)?;
    group_kind(tx, old)?;
    group_kind(tx, id)?;
    Ok(Some(old))
}

pub(crate) fn canonical_of(tx: &Transaction<'_>, id: i64) -> Result<i64, StoreError> {
    tx.prepare_cached("SELECT canonical_id FROM speakers WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?
        .ok_or_else(|| StoreError::NoSpeaker {
            name: id.to_string(),
            suggestions: Vec::new(),
        })
}

fn log(
    tx: &Transaction<'_>,
    action: &str,
    id: i64,
    into: Option<i64>,
    by: By,
) -> Result<(), StoreError> {
    tx.prepare_cached(
        "INSERT INTO speaker_merges(action, speaker_id, into_id, by) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![action, id, into, by.as_str()])?;
    Ok(())
}

/// The person groups a surname could stand for, with the documents that
/// quote them (under names other than the surname alone), most first.
pub(crate) fn surname_candidates(
    conn: &Connection,
    surname: &str,
) -> Result<Vec<(i64, i64)>, StoreError> {
    let ids: Vec<i64> = conn
        .prepare_cached(
            "SELECT DISTINCT c.id FROM speakers r JOIN speakers c ON c.id = r.canonical_id \
             WHERE r.last_word = ?1 AND r.anonymous = 0 AND c.kind = 'person' AND c.anonymous = 0",
        )?
        .query_map([surname], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let mut out: Vec<(i64, i64)> = Vec::with_capacity(ids.len());
    // Documents, from the spelling votes: a few rows per group, where
    // counting statements reads every statement of the best-known people
    // each time their surname is settled.
    let mut count = conn.prepare_cached(
        "SELECT COALESCE(SUM(n.documents), 0) FROM speakers r \
         JOIN speaker_names n ON n.speaker_id = r.id \
         WHERE r.canonical_id = ?1 AND r.norm != ?2",
    )?;
    for id in ids {
        out.push((id, count.query_row(params![id, surname], |r| r.get(0))?));
    }
    out.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    Ok(out)
}

/// The group a surname alone stands for: the only one, or one that leads
/// the others by [`DOMINANCE`].
pub(crate) fn dominant(candidates: &[(i64, i64)]) -> Option<i64> {
    match candidates {
        [] => None,
        [(id, _)] => Some(*id),
        [(id, n), (_, next), ..] => (*n > 0 && *n >= DOMINANCE * next).then_some(*id),
    }
}

/// Puts the unpinned one-word person rows of a surname where the rule
/// says: into the dominant person with that last name, or apart.
fn settle_surname(tx: &Transaction<'_>, surname: &str) -> Result<(), StoreError> {
    // Their kinds first: the surname's people vote for person.
    let ids: Vec<i64> = tx
        .prepare_cached("SELECT id FROM speakers WHERE norm = ?1 AND anonymous = 0 AND pinned = 0")?
        .query_map([surname], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    if ids.is_empty() {
        return Ok(());
    }
    for id in ids {
        row_kind(tx, id)?;
    }
    let rows: Vec<(i64, Option<i64>, Option<String>)> = tx
        .prepare_cached(
            "SELECT id, merged_into, merged_by FROM speakers \
             WHERE norm = ?1 AND anonymous = 0 AND pinned = 0 AND kind = 'person'",
        )?
        .query_map([surname], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<Result<_, _>>()?;
    if rows.is_empty() {
        return Ok(());
    }
    let candidates = surname_candidates(tx, surname)?;
    for (id, merged_into, merged_by) in rows {
        if merged_into.is_some() && merged_by.as_deref() != Some(By::Rule.as_str()) {
            continue;
        }
        let mine: Vec<(i64, i64)> = candidates
            .iter()
            .copied()
            .filter(|&(c, _)| c != id)
            .collect();
        let target = dominant(&mine);
        let current = match merged_into {
            Some(_) => Some(canonical_of(tx, id)?),
            None => None,
        };
        if target == current {
            continue;
        }
        match target {
            Some(t) => attach(tx, id, t, By::Rule)?,
            None => {
                detach(tx, id, By::Rule)?;
            }
        }
    }
    Ok(())
}

/// One line of an aliases file: `variant` is `canonical`, of `kind` when
/// given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AliasRule {
    /// A name as articles write it ("Hillary Rodham Clinton", "HRC").
    pub variant: String,
    /// The name it stands for.
    pub canonical: String,
    /// person, organization, media or group; none keeps the votes' kind.
    pub kind: Option<String>,
}

/// The kinds an aliases file may give.
pub const KINDS: &[&str] = &["person", "organization", "media", "group"];

impl AliasRule {
    /// Reads an aliases file: one rule per line, `variant<TAB>canonical`
    /// with an optional third column, the kind; blank lines and lines
    /// starting with `#` are skipped. An error names the first bad line.
    pub fn parse_tsv(text: &str) -> Result<Vec<AliasRule>, StoreError> {
        let mut out = Vec::new();
        for (k, line) in text.lines().enumerate() {
            let bad = |reason: &str| StoreError::BadAliases {
                line: k + 1,
                reason: reason.to_string(),
            };
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
            if cols.len() < 2 || cols.len() > 3 {
                return Err(bad(
                    "expected `variant<TAB>canonical name` and an optional kind column",
                ));
            }
            if cols[0].is_empty() || cols[1].is_empty() {
                return Err(bad("an empty name"));
            }
            let kind = match cols.get(2) {
                None | Some(&"") => None,
                Some(k) => {
                    let k = k.to_lowercase();
                    if !KINDS.contains(&k.as_str()) {
                        return Err(bad(&format!("kind {k:?} is none of {}", KINDS.join(", "))));
                    }
                    Some(k)
                }
            };
            out.push(AliasRule {
                variant: cols[0].to_string(),
                canonical: cols[1].to_string(),
                kind,
            });
        }
        Ok(out)
    }

    /// The keys rows of the variant are stored under.
    fn variant_keys(&self) -> Vec<String> {
        match self.kind.as_deref() {
            Some(kind) => vec![name_key(&self.variant, kind == "person")],
            None => super::names::lookup_keys(&self.variant),
        }
    }
}

/// Stores rules (a later rule for a variant replaces an earlier one).
pub(crate) fn store_rules(tx: &Transaction<'_>, rules: &[AliasRule]) -> Result<(), StoreError> {
    let mut insert = tx.prepare_cached(
        "INSERT OR REPLACE INTO alias_rules(variant, canonical, kind) VALUES (?1, ?2, ?3)",
    )?;
    for rule in rules {
        insert.execute(params![rule.variant, rule.canonical, rule.kind])?;
    }
    Ok(())
}

fn all_rules(tx: &Transaction<'_>) -> Result<Vec<AliasRule>, StoreError> {
    let rules = tx
        .prepare_cached("SELECT variant, canonical, kind FROM alias_rules ORDER BY variant")?
        .query_map([], |r| {
            Ok(AliasRule {
                variant: r.get(0)?,
                canonical: r.get(1)?,
                kind: r.get(2)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(rules)
}

/// The rules whose variant a row key matches.
fn rules_for(tx: &Transaction<'_>, norm: &str) -> Result<Vec<AliasRule>, StoreError> {
    Ok(all_rules(tx)?
        .into_iter()
        .filter(|r| r.variant_keys().iter().any(|k| k == norm))
        .collect())
}

/// Joins the rows of a rule's variant to its canonical name's group,
/// creating that when the store has none. Returns the rows moved.
pub(crate) fn apply_rule(tx: &Transaction<'_>, rule: &AliasRule) -> Result<usize, StoreError> {
    let person = rule.kind.as_deref().is_none_or(|k| k == "person");
    let key = name_key(&rule.canonical, person);
    let found: Option<i64> = tx
        .prepare_cached(
            "SELECT id FROM speakers WHERE norm = ?1 AND anonymous = 0 ORDER BY merged_into IS NOT NULL, id LIMIT 1",
        )?
        .query_row([&key], |r| r.get(0))
        .optional()?;
    let target = match found {
        Some(id) => {
            // A rule's merge gives way to the user's name; a person's or
            // another alias's stands (chained rules: "HWU" → "Harbor
            // Workers Union" → "Harbor Workers Union of Port Alder").
            let by: Option<String> = tx
                .prepare_cached("SELECT merged_by FROM speakers WHERE id = ?1")?
                .query_row([id], |r| r.get(0))?;
            if by.as_deref() == Some(By::Rule.as_str()) {
                detach(tx, id, By::Aliases)?;
            }
            canonical_of(tx, id)?
        }
        None => {
            tx.prepare_cached(
                "INSERT INTO speakers(merge_key, name, kind, anonymous, norm, last_word) \
                 VALUES (?1, ?2, ?3, 0, ?4, ?5)",
            )?
            .execute(params![
                format!("alias:{key}"),
                rule.canonical,
                rule.kind.as_deref().unwrap_or("person"),
                key,
                last_word(&key)
            ])?;
            let id = tx.last_insert_rowid();
            tx.prepare_cached("UPDATE speakers SET canonical_id = id WHERE id = ?1")?
                .execute([id])?;
            id
        }
    };
    let heads = tx
        .prepare_cached("SELECT norm FROM speakers WHERE id = ?1")?
        .query_row([target], |r| r.get::<_, Option<String>>(0))?
        .is_some_and(|n| n == key);
    if !heads {
        return attach_variants(tx, rule, target);
    }
    tx.prepare_cached("UPDATE speakers SET name = ?1 WHERE id = ?2")?
        .execute(params![rule.canonical, target])?;
    if let Some(kind) = &rule.kind {
        tx.prepare_cached("UPDATE speakers SET kind = ?1, kind_fixed = 1 WHERE id = ?2")?
            .execute(params![kind, target])?;
    }
    attach_variants(tx, rule, target)
}

/// Joins the rows of a rule's variant to group `target`.
fn attach_variants(
    tx: &Transaction<'_>,
    rule: &AliasRule,
    target: i64,
) -> Result<usize, StoreError> {
    let mut moved = 0;
    let mut seen = HashSet::new();
    for key in rule.variant_keys() {
        let rows: Vec<i64> = tx
            .prepare_cached("SELECT id FROM speakers WHERE norm = ?1 AND anonymous = 0")?
            .query_map([&key], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        for row in rows {
            if !seen.insert(row) || canonical_of(tx, row)? == target {
                continue;
            }
            attach(tx, row, target, By::Aliases)?;
            moved += 1;
        }
    }
    Ok(moved)
}
