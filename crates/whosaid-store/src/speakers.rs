//! Speakers: listing, lookup by id or exact name, merging and unmerging,
//! aliases files, probable duplicates. A speaker is a group of rows (see
//! [`consolidate`]) and is known by its canonical row's id.

use std::collections::{HashMap, HashSet};

use super::consolidate::{self, By};
use super::names::{display_name, last_word, lookup_keys};
use super::*;
use whosaid::entities::variants::{fold, formal_first_name};

pub use consolidate::{AliasRule, DOMINANCE};

/// A speaker with counts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SpeakerSummary {
    /// Id (of the group's canonical row).
    pub id: i64,
    /// Name.
    pub name: String,
    /// person, organization, media, group.
    pub kind: String,
    /// Unnamed.
    pub anonymous: bool,
    /// Titles seen.
    pub titles: Vec<String>,
    /// Bodies the speaker is affiliated with ("Clinton campaign").
    pub affiliations: Vec<String>,
    /// Attributions.
    pub statements: i64,
    /// Documents quoting them.
    pub documents: i64,
    /// Other names documents gave the speaker ("Obama", "Mr. Obama").
    pub aliases: Vec<String>,
    /// The names merged into this speaker, each of which can be split off
    /// again (`Store::unmerge_speaker`).
    pub merged: Vec<MergedName>,
    /// For a surname alone that the corpus cannot settle ("Clinton"): the
    /// people it may stand for, most quoted first.
    pub candidates: Vec<SpeakerRef>,
}

/// A speaker named briefly: in candidate lists, merges, duplicates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SpeakerRef {
    /// Id.
    pub id: i64,
    /// Name.
    pub name: String,
    /// person, organization, media, group.
    pub kind: String,
    /// Attributions.
    pub statements: i64,
}

impl std::fmt::Display for SpeakerRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} (#{}, {}, {} statements)",
            self.name, self.id, self.kind, self.statements
        )
    }
}

/// A name merged into a speaker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MergedName {
    /// The merged row's id (what `unmerge` takes).
    pub id: i64,
    /// Its name.
    pub name: String,
    /// `rule` (the corpus rules), `user` or `aliases` (an aliases file).
    pub by: String,
}

/// What a merge or unmerge did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Regrouped {
    /// The speaker that was merged away, or split off.
    pub moved: SpeakerRef,
    /// The speaker it joined, or left.
    pub group: SpeakerRef,
}

/// Two speakers that are probably one (see [`Store::probable_duplicates`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DuplicatePair {
    /// The more quoted one, or of two as quoted the fuller name (the one
    /// to merge into).
    pub keep: SpeakerRef,
    /// The other.
    pub merge: SpeakerRef,
    /// Why they look alike: "same surname", "first names agree", "shared
    /// title: …", "shared affiliation: …".
    pub reasons: Vec<String>,
}

/// A title or affiliation held by more people than this is no evidence
/// that two of them are one ([`Store::probable_duplicates`]).
pub const MAX_HOLDERS: usize = 4;

/// The first word of a key.
fn first(norm: &str) -> &str {
    norm.split(' ').next().unwrap_or(norm)
}

/// The columns [`summary_row`] reads.
const SUMMARY_COLUMNS: &str = "s.id, s.name, s.kind, s.anonymous";

impl Store {
    /// Speakers ranked by number of statements.
    pub fn speakers(&self, limit: usize) -> Result<Vec<SpeakerSummary>, StoreError> {
        self.speakers_page(limit, 0)
    }

    /// [`Store::speakers`] from the `offset`-th on, for paging.
    pub fn speakers_page(
        &self,
        limit: usize,
        offset: usize,
    ) -> Result<Vec<SpeakerSummary>, StoreError> {
        // The ranking is cached with the store's aggregates; a page reads
        // its speakers' rows only.
        let aggregates = self.aggregates()?;
        let page = aggregates.ranking.iter().skip(offset).take(limit);
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {SUMMARY_COLUMNS} FROM speakers s WHERE s.id = ?1"
        ))?;
        let mut list = Vec::with_capacity(limit.min(aggregates.ranking.len()));
        for ranked in page {
            if let Some(summary) = stmt.query_row([ranked.id], summary_row).optional()? {
                list.push(self.fill_counted(summary, Some(ranked))?);
            }
        }
        // Equal counts by name, as before the cache.
        list.sort_by(|a, b| b.statements.cmp(&a.statements).then(a.name.cmp(&b.name)));
        Ok(list)
    }

    /// How many speakers have statements (what [`Store::speakers_page`]
    /// pages through).
    pub fn speaker_count(&self) -> Result<u64, StoreError> {
        Ok(self.aggregates()?.ranking.len() as u64)
    }

    /// The speakers affiliated with a body (case-insensitive, the whole
    /// name: "Clinton campaign" lists its spokespeople and managers), the
    /// most quoted first.
    pub fn affiliated(&self, body: &str, limit: usize) -> Result<Vec<SpeakerSummary>, StoreError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {SUMMARY_COLUMNS} FROM speaker_affiliations f \
             JOIN speakers r ON r.id = f.speaker_id JOIN speakers s ON s.id = r.canonical_id \
             WHERE f.name = ?1 GROUP BY s.id \
             ORDER BY (SELECT COUNT(*) FROM attributions WHERE speaker_id = s.id) DESC, s.name \
             LIMIT ?2"
        ))?;
        let rows = stmt.query_map(params![body, limit as i64], summary_row)?;
        let list = rows.collect::<Result<Vec<_>, _>>()?;
        list.into_iter().map(|s| self.fill(s)).collect()
    }

    /// One speaker, by id or by exact name: its name, an alias or a
    /// spelling of either (case, diacritics, apostrophes, honorifics and
    /// possessives aside; never a part of a name). A name several
    /// speakers answer to is [`StoreError::AmbiguousSpeaker`] with the
    /// candidates; one none answers to is [`StoreError::NoSpeaker`] with
    /// names that contain it. The id of a merged name gives its speaker.
    pub fn speaker(&self, name_or_id: &str) -> Result<SpeakerSummary, StoreError> {
        let id = self.speaker_id(name_or_id)?;
        let summary = self
            .conn
            .query_row(
                &format!("SELECT {SUMMARY_COLUMNS} FROM speakers s WHERE s.id = ?1"),
                [id],
                summary_row,
            )
            .optional()?
            .ok_or_else(|| no_speaker(name_or_id, Vec::new()))?;
        self.fill(summary)
    }

    /// The speakers (canonical ids) a name exactly names; see
    /// [`Store::speaker`]. A one-word name no document gave alone is
    /// taken as a surname: the person the merge rules would file it
    /// under, else every person of that surname.
    pub fn speakers_named(&self, name: &str) -> Result<Vec<i64>, StoreError> {
        let mut ids = Vec::new();
        let mut stmt = self
            .conn
            .prepare_cached("SELECT DISTINCT canonical_id FROM speakers WHERE norm = ?1")?;
        let keys = lookup_keys(name);
        for key in &keys {
            for id in stmt.query_map([key], |r| r.get::<_, i64>(0))? {
                let id = id?;
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
        }
        // A surname no document gave alone names the person the corpus
        // would file it under, or the people it may stand for.
        if ids.is_empty() && !keys[0].contains(' ') {
            let candidates = consolidate::surname_candidates(&self.conn, &keys[0])?;
            ids = match consolidate::dominant(&candidates) {
                Some(id) => vec![id],
                None => candidates.iter().map(|&(id, _)| id).collect(),
            };
        }
        Ok(ids)
    }

    /// The id of the one speaker `name_or_id` names (see [`Store::speaker`]).
    pub fn speaker_id(&self, name_or_id: &str) -> Result<i64, StoreError> {
        let name_or_id = name_or_id.trim();
        if let Ok(id) = name_or_id.trim_start_matches('#').parse::<i64>() {
            let canonical: Option<i64> = self
                .conn
                .prepare_cached("SELECT canonical_id FROM speakers WHERE id = ?1")?
                .query_row([id], |r| r.get(0))
                .optional()?;
            return canonical.ok_or_else(|| no_speaker(name_or_id, Vec::new()));
        }
        let ids = self.speakers_named(name_or_id)?;
        match ids.as_slice() {
            [id] => Ok(*id),
            [] => Err(no_speaker(name_or_id, self.names_containing(name_or_id)?)),
            _ => {
                let mut candidates = ids
                    .iter()
                    .map(|&id| self.speaker_ref(id))
                    .collect::<Result<Vec<_>, _>>()?;
                candidates.sort_by(|a, b| b.statements.cmp(&a.statements).then(a.id.cmp(&b.id)));
                Err(StoreError::AmbiguousSpeaker {
                    name: name_or_id.to_string(),
                    candidates,
                })
            }
        }
    }

    /// Up to ten named speakers whose name contains `text`, the most
    /// quoted first: suggestions for a name that named none.
    fn names_containing(&self, text: &str) -> Result<Vec<SpeakerRef>, StoreError> {
        let folded = fold(text);
        if folded.chars().count() < 2 {
            return Ok(Vec::new());
        }
        let ids: Vec<i64> = self
            .conn
            .prepare_cached(
                "SELECT DISTINCT canonical_id FROM speakers \
                 WHERE anonymous = 0 AND norm LIKE ?1 ESCAPE '\\' LIMIT 200",
            )?
            .query_map([search::like(&folded)], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        let mut refs = ids
            .into_iter()
            .map(|id| self.speaker_ref(id))
            .collect::<Result<Vec<_>, _>>()?;
        refs.sort_by(|a, b| b.statements.cmp(&a.statements).then(a.id.cmp(&b.id)));
        refs.truncate(10);
        Ok(refs)
    }

    /// A speaker in brief, by canonical id.
    pub fn speaker_ref(&self, id: i64) -> Result<SpeakerRef, StoreError> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT id, name, kind, (SELECT COUNT(*) FROM attributions WHERE speaker_id = ?1) \
                 FROM speakers WHERE id = ?1",
            )?
            .query_row([id], |r| {
                Ok(SpeakerRef {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    kind: r.get(2)?,
                    statements: r.get(3)?,
                })
            })?)
    }

    /// Adds counts, titles, affiliations, aliases, merged names and (for
    /// an unsettled surname) candidates to a speaker row.
    fn fill(&self, s: SpeakerSummary) -> Result<SpeakerSummary, StoreError> {
        self.fill_counted(s, None)
    }

    /// [`Store::fill`] with the speaker's counts when the ranking has them.
    fn fill_counted(
        &self,
        mut s: SpeakerSummary,
        ranked: Option<&RankedSpeaker>,
    ) -> Result<SpeakerSummary, StoreError> {
        let conn = &self.conn;
        let (statements, documents): (i64, i64) = match ranked {
            Some(r) => (r.statements, r.documents),
            None => conn
                .prepare_cached(
                    "SELECT COUNT(*), COUNT(DISTINCT document_id) FROM attributions WHERE speaker_id = ?1",
                )?
                .query_row([s.id], |r| Ok((r.get(0)?, r.get(1)?)))?,
        };
        s.statements = statements;
        s.documents = documents;
        let mut titles: Vec<String> = Vec::new();
        let mut merged = Vec::new();
        let mut names: Vec<String> = Vec::new();
        let mut own_norm: Option<String> = None;
        let mut rows = conn.prepare_cached(
            "SELECT id, name, titles, merged_by, norm FROM speakers WHERE canonical_id = ?1 ORDER BY id",
        )?;
        let rows = rows.query_map([s.id], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, Option<String>>(4)?,
            ))
        })?;
        for row in rows {
            let (id, name, row_titles, by, norm) = row?;
            if id == s.id {
                own_norm = norm;
            }
            for t in serde_json::from_str::<Vec<String>>(&row_titles).unwrap_or_default() {
                if !titles.iter().any(|x| x.eq_ignore_ascii_case(&t)) {
                    titles.push(t);
                }
            }
            if let Some(by) = by {
                merged.push(MergedName {
                    id,
                    name: name.clone(),
                    by,
                });
            }
            names.push(name);
        }
        let spellings: Vec<String> = conn
            .prepare_cached(
                "SELECT n.name FROM speaker_names n JOIN speakers r ON r.id = n.speaker_id \
                 WHERE r.canonical_id = ?1 GROUP BY n.name ORDER BY SUM(n.documents) DESC, n.name",
            )?
            .query_map([s.id], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        names.extend(spellings);
        let mut seen = HashSet::from([fold(&s.name)]);
        s.aliases = names
            .into_iter()
            .filter(|n| !s.anonymous && seen.insert(fold(n)))
            .collect();
        s.titles = titles;
        s.merged = merged;
        s.affiliations = conn
            .prepare_cached(
                "SELECT DISTINCT f.name FROM speaker_affiliations f JOIN speakers r ON r.id = f.speaker_id \
                 WHERE r.canonical_id = ?1 ORDER BY f.name",
            )?
            .query_map([s.id], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        if let Some(norm) =
            own_norm.filter(|n| !s.anonymous && s.kind == "person" && !n.contains(' '))
        {
            let candidates = consolidate::surname_candidates(conn, &norm)?;
            if candidates.len() > 1 {
                s.candidates = candidates
                    .iter()
                    .filter(|(id, _)| *id != s.id)
                    .map(|&(id, _)| self.speaker_ref(id))
                    .collect::<Result<_, _>>()?;
            }
        }
        Ok(s)
    }

    /// Merges speaker `from` into `into` (ids or exact names, see
    /// [`Store::speaker`]): its statements, names, titles and future
    /// mentions go to `into`, and the rules leave the merge alone. It can
    /// be undone with [`Store::unmerge_speaker`]. Merging a speaker into
    /// itself is [`StoreError::SameSpeaker`].
    pub fn merge_speakers(&mut self, into: &str, from: &str) -> Result<Regrouped, StoreError> {
        let into_id = self.speaker_id(into)?;
        let from_id = self.speaker_id(from)?;
        let moved = self.speaker_ref(from_id)?;
        if into_id == from_id {
            return Err(StoreError::SameSpeaker(moved.to_string()));
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        consolidate::attach(&tx, from_id, into_id, By::User)?;
        tx.commit()?;
        Ok(Regrouped {
            moved,
            group: self.speaker_ref(into_id)?,
        })
    }

    /// Splits a merged name (by the id listed in its speaker's `merged`)
    /// off its speaker, with its statements and the names merged into it,
    /// and pins it: the rules will not merge it again.
    pub fn unmerge_speaker(&mut self, row: i64) -> Result<Regrouped, StoreError> {
        let found: Option<(String, Option<i64>)> = self
            .conn
            .query_row(
                "SELECT name, merged_into FROM speakers WHERE id = ?1",
                [row],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let Some((name, merged_into)) = found else {
            return Err(no_speaker(&row.to_string(), Vec::new()));
        };
        if merged_into.is_none() {
            return Err(StoreError::NotMerged(format!("{name} (#{row})")));
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let left = consolidate::detach(&tx, row, By::User)?;
        tx.commit()?;
        Ok(Regrouped {
            moved: self.speaker_ref(row)?,
            group: self.speaker_ref(left.unwrap_or(row))?,
        })
    }

    /// Stores aliases rules and applies them to the whole store; later
    /// ingests follow them too. Returns the names moved.
    pub fn add_alias_rules(&mut self, rules: &[AliasRule]) -> Result<usize, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        consolidate::store_rules(&tx, rules)?;
        let mut moved = 0;
        for rule in rules {
            moved += consolidate::apply_rule(&tx, rule)?;
        }
        tx.commit()?;
        Ok(moved)
    }

    /// Runs every merge rule over the whole store (ingests run them on
    /// what they add; this settles a store after rules changed).
    pub fn consolidate(&mut self) -> Result<(), StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        consolidate::everything(&tx)?;
        tx.commit()?;
        Ok(())
    }

    /// Pairs of people that are probably one, for a person to confirm
    /// with [`Store::merge_speakers`]: the same surname, first names that
    /// agree ("J." and "James") or a title or affiliation few others hold
    /// (at most [`MAX_HOLDERS`] people), and never quoted in one article
    /// (two people there). The most quoted pairs first.
    pub fn probable_duplicates(&self, limit: usize) -> Result<Vec<DuplicatePair>, StoreError> {
        struct Group {
            id: i64,
            norm: String,
            titles: HashSet<String>,
            affiliations: HashSet<String>,
        }
        let mut groups: HashMap<i64, Group> = HashMap::new();
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, norm, kind FROM speakers \
             WHERE canonical_id = id AND anonymous = 0 AND kind = 'person' AND norm LIKE '% %' \
             AND EXISTS (SELECT 1 FROM attributions WHERE speaker_id = speakers.id)",
        )?;
        for row in stmt.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
            ))
        })? {
            let (id, norm, _kind) = row?;
            groups.insert(
                id,
                Group {
                    id,
                    norm,
                    titles: HashSet::new(),
                    affiliations: HashSet::new(),
                },
            );
        }
        let mut stmt = self
            .conn
            .prepare_cached("SELECT canonical_id, titles FROM speakers WHERE titles != '[]'")?;
        for row in stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))? {
            let (id, titles) = row?;
            if let Some(g) = groups.get_mut(&id) {
                for t in serde_json::from_str::<Vec<String>>(&titles).unwrap_or_default() {
                    g.titles.insert(fold(&t));
                }
            }
        }
        let mut stmt = self.conn.prepare_cached(
            "SELECT r.canonical_id, f.name FROM speaker_affiliations f JOIN speakers r ON r.id = f.speaker_id",
        )?;
        for row in stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))? {
            let (id, name) = row?;
            if let Some(g) = groups.get_mut(&id) {
                g.affiliations.insert(fold(&name));
            }
        }
        // A title or affiliation many people share ("president") is no
        // evidence; one a few share ("RNC chairman") is.
        let mut holders: HashMap<&String, usize> = HashMap::new();
        for g in groups.values() {
            for t in g.titles.iter().chain(&g.affiliations) {
                *holders.entry(t).or_default() += 1;
            }
        }
        let specific = |t: &&String| holders.get(*t).is_some_and(|&n| n <= MAX_HOLDERS);
        let mut by_surname: HashMap<&str, Vec<&Group>> = HashMap::new();
        for g in groups.values() {
            if let Some(last) = last_word(&g.norm) {
                by_surname.entry(last).or_default().push(g);
            }
        }
        let mut together = self.conn.prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM attributions a JOIN attributions b \
               ON b.document_id = a.document_id AND b.speaker_id = ?2 WHERE a.speaker_id = ?1)",
        )?;
        let mut pairs = Vec::new();
        for list in by_surname.values_mut() {
            list.sort_by_key(|g| g.id);
            // A common surname with very many people is no evidence.
            if list.len() > 50 {
                continue;
            }
            for (i, a) in list.iter().enumerate() {
                for b in &list[i + 1..] {
                    let mut reasons = vec!["same surname".to_string()];
                    if first_names_agree(first(&a.norm), first(&b.norm)) {
                        reasons.push("first names agree".into());
                    }
                    let mut shared: Vec<&String> =
                        a.titles.intersection(&b.titles).filter(specific).collect();
                    shared.sort();
                    reasons.extend(shared.iter().map(|t| format!("shared title: {t}")));
                    let mut shared: Vec<&String> = a
                        .affiliations
                        .intersection(&b.affiliations)
                        .filter(specific)
                        .collect();
                    shared.sort();
                    reasons.extend(shared.iter().map(|t| format!("shared affiliation: {t}")));
                    if reasons.len() == 1 || together.query_row([a.id, b.id], |r| r.get(0))? {
                        continue;
                    }
                    pairs.push((a.id, b.id, reasons));
                }
            }
        }
        let mut out = Vec::with_capacity(pairs.len());
        for (a, b, reasons) in pairs {
            let (a, b) = (self.speaker_ref(a)?, self.speaker_ref(b)?);
            // The more quoted one stays; of two as quoted, the fuller name.
            let fuller = |r: &SpeakerRef| (r.statements, r.name.chars().count());
            let (keep, merge) = if fuller(&b) > fuller(&a) {
                (b, a)
            } else {
                (a, b)
            };
            out.push(DuplicatePair {
                keep,
                merge,
                reasons,
            });
        }
        out.sort_by(|x, y| {
            (y.keep.statements + y.merge.statements)
                .cmp(&(x.keep.statements + x.merge.statements))
                .then(x.keep.id.cmp(&y.keep.id))
                .then(x.merge.id.cmp(&y.merge.id))
        });
        out.truncate(limit);
        Ok(out)
    }

    /// A speaker's statements, oldest first.
    pub fn timeline(&self, speaker_id: i64, limit: usize) -> Result<Vec<Hit>, StoreError> {
        self.timeline_page(speaker_id, limit, 0)
    }

    /// [`Store::timeline`] of the speaker's statements from the
    /// `offset`-th newest on, for paging.
    pub fn timeline_page(
        &self,
        speaker_id: i64,
        limit: usize,
        offset: usize,
    ) -> Result<Vec<Hit>, StoreError> {
        let mut hits = self.search(&Query {
            speaker: Some(speaker_id.to_string()),
            limit,
            offset,
            ..Query::default()
        })?;
        hits.sort_by(|a, b| {
            a.published
                .cmp(&b.published)
                .then(a.attribution.cmp(&b.attribution))
        });
        Ok(hits)
    }

    /// A speaker's statements per week (weeks start on Monday) and outlet,
    /// oldest first, by when each was said where the text gives the day
    /// ("on Friday", "on March 3"), else by publication; statements with
    /// neither are left out.
    pub fn speaker_weeks(&self, speaker_id: i64) -> Result<Vec<WeekCount>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT date(COALESCE(date(a.time_value), d.published), '-6 days', 'weekday 1') AS week, \
             o.name, COUNT(*) \
             FROM attributions a JOIN documents d ON d.id = a.document_id \
             LEFT JOIN outlets o ON o.id = d.outlet_id \
             WHERE a.speaker_id = (SELECT canonical_id FROM speakers WHERE id = ?1) \
             AND date(COALESCE(date(a.time_value), d.published)) IS NOT NULL \
             GROUP BY week, o.name ORDER BY week, o.name",
        )?;
        let rows = stmt.query_map([speaker_id], |r| {
            Ok(WeekCount {
                week: r.get(0)?,
                outlet: r.get(1)?,
                statements: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

/// Whether two folded first names can be one person's: equal formal
/// names ("ken", "kenneth"), or one an initial of the other ("j.",
/// "james").
fn first_names_agree(a: &str, b: &str) -> bool {
    let initial = |w: &str| {
        let t = w.trim_end_matches('.');
        (t.chars().count() == 1).then(|| t.chars().next())
    };
    if formal_first_name(a) == formal_first_name(b) {
        return true;
    }
    match (initial(a), initial(b)) {
        (Some(x), None) => x == b.chars().next(),
        (None, Some(y)) => y == a.chars().next(),
        _ => false,
    }
}

fn no_speaker(name: &str, suggestions: Vec<SpeakerRef>) -> StoreError {
    StoreError::NoSpeaker {
        name: name.to_string(),
        suggestions,
    }
}

fn summary_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<SpeakerSummary> {
    Ok(SpeakerSummary {
        id: r.get(0)?,
        name: display_name(&r.get::<_, String>(1)?),
        kind: r.get(2)?,
        anonymous: r.get::<_, i64>(3)? != 0,
        titles: Vec::new(),
        affiliations: Vec::new(),
        statements: 0,
        documents: 0,
        aliases: Vec::new(),
        merged: Vec::new(),
        candidates: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_names_agree_on_initials_and_short_forms() {
        assert!(first_names_agree("ken", "kenneth"));
        assert!(first_names_agree("j.", "james"));
        assert!(!first_names_agree("hillary", "bill"));
        assert!(!first_names_agree("j.", "k."));
    }
}
