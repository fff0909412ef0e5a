//! Evaluation: a port of the reference scorer `bench/score.py`.
//!
//! Same files, same metrics, same numbers (checked against the Python scorer
//! on PolNeAR dev in the CLI tests when `../shared` is present):
//! - `token/<role>`: tokens (`\w+|[^\w\s]`) sharing a char with a role span;
//! - `span/<role>`: exact spans after normalisation (clip, trim, merge
//!   fragments that touch or are separated by whitespace only);
//! - `attr/content` and `attr/full`: attributions matched one-to-one by Dice
//!   of content tokens ≥ 0.5 (greedy, best first); a full match also needs
//!   overlapping cues and sources (or both absent).
//!
//! All sums are micro-averaged over documents.

pub mod speakers;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::brat::{AnnDoc, Role};
use crate::error::{read_text, Error};

/// Minimum Dice of content tokens for two attributions to match.
pub const DICE_THRESHOLD: f64 = 0.5;

/// True/false positive and false negative counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// True positives.
    pub tp: usize,
    /// False positives.
    pub fp: usize,
    /// False negatives.
    pub fn_: usize,
}

/// Precision, recall, F1 and the counts behind them.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Prf {
    /// Precision (0 when nothing was predicted).
    pub p: f64,
    /// Recall (0 when there is no gold).
    pub r: f64,
    /// Harmonic mean of `p` and `r`.
    pub f1: f64,
    /// True positives.
    pub tp: usize,
    /// False positives.
    pub fp: usize,
    /// False negatives.
    #[serde(rename = "fn")]
    pub fn_: usize,
}

impl Counts {
    fn add(&mut self, tp: usize, fp: usize, fn_: usize) {
        self.tp += tp;
        self.fp += fp;
        self.fn_ += fn_;
    }

    /// Precision, recall and F1 of these counts.
    pub fn prf(&self) -> Prf {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let p = ratio(self.tp, self.tp + self.fp);
        let r = ratio(self.tp, self.tp + self.fn_);
        let f1 = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        Prf {
            p,
            r,
            f1,
            tp: self.tp,
            fp: self.fp,
            fn_: self.fn_,
        }
    }
}

/// Per-role metrics.
#[derive(Debug, Clone, Serialize)]
pub struct RoleMetrics {
    /// Source role.
    pub source: Prf,
    /// Cue role.
    pub cue: Prf,
    /// Content role.
    pub content: Prf,
}

/// Attribution-level metrics.
#[derive(Debug, Clone, Serialize)]
pub struct AttrMetrics {
    /// Content match (Dice ≥ 0.5).
    pub content: Prf,
    /// Content match with the right cue and source.
    pub full: Prf,
}

/// All metrics of the reference scorer.
#[derive(Debug, Clone, Serialize)]
pub struct Metrics {
    /// Token-level overlap per role.
    pub token: RoleMetrics,
    /// Exact span match per role.
    pub span: RoleMetrics,
    /// Attribution matching.
    pub attr: AttrMetrics,
}

/// Gold/pred pair of counts.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct GoldPred {
    /// On the gold side.
    pub gold: usize,
    /// On the prediction side.
    pub pred: usize,
}

/// Per-document attribution counts.
#[derive(Debug, Clone, Serialize)]
pub struct DocCounts {
    /// Scorable gold attributions.
    pub gold_attr: usize,
    /// Scorable predicted attributions.
    pub pred_attr: usize,
    /// Content matches.
    pub content_match: usize,
    /// Full matches.
    pub full_match: usize,
}

/// The result of an evaluation, shaped like `score.py --json`.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// Documents with a gold file.
    pub docs_scored: usize,
    /// Documents skipped for lack of gold.
    pub docs_without_gold: Vec<String>,
    /// Documents with gold but no prediction file.
    pub docs_without_pred: Vec<String>,
    /// Scorable attributions.
    pub attributions: GoldPred,
    /// Attributions with no content, not scorable.
    pub skipped_no_content: GoldPred,
    /// The metrics.
    pub metrics: Metrics,
    /// Per-document counts, by document name.
    pub per_doc: std::collections::BTreeMap<String, DocCounts>,
    /// Ignored or malformed `.ann` lines, by kind, on each side.
    pub warnings: Warnings,
    /// Recall split by kind of gold attribution.
    pub recall_by_kind: std::collections::BTreeMap<String, KindRecall>,
}

/// Recall over one kind of gold attribution (not in `score.py`): `quoted`
/// (content holds a quotation mark) or `unquoted`, `with_source` or
/// `without_source`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct KindRecall {
    /// Gold attributions of this kind.
    pub gold: usize,
    /// Of those, content matches.
    pub content_match: usize,
    /// Of those, full matches.
    pub full_match: usize,
    /// `content_match / gold`.
    pub content_recall: f64,
    /// `full_match / gold`.
    pub full_recall: f64,
}

/// Counts of ignored or malformed `.ann` lines (see [`AnnDoc::warnings`]).
#[derive(Debug, Clone, Default, Serialize)]
pub struct Warnings {
    /// In gold files.
    pub gold: std::collections::BTreeMap<String, usize>,
    /// In prediction files.
    pub pred: std::collections::BTreeMap<String, usize>,
}

/// Python's `str.isspace`.
fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Python's `\w` in a `str` pattern.
fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// A text with the scorer's tokenization, in code points.
struct TextIndex {
    chars: Vec<char>,
    starts: Vec<usize>,
    ends: Vec<usize>,
}

impl TextIndex {
    fn new(text: &str) -> Self {
        let chars: Vec<char> = text.chars().collect();
        let (mut starts, mut ends) = (Vec::new(), Vec::new());
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if is_word(c) {
                starts.push(i);
                while i < chars.len() && is_word(chars[i]) {
                    i += 1;
                }
                ends.push(i);
            } else if is_space(c) {
                i += 1;
            } else {
                starts.push(i);
                i += 1;
                ends.push(i);
            }
        }
        TextIndex {
            chars,
            starts,
            ends,
        }
    }

    fn tokens_of(&self, frags: &[(usize, usize)], out: &mut BTreeSet<usize>) {
        for &(s, e) in frags {
            let mut i = self.ends.partition_point(|&end| end <= s);
            while i < self.starts.len() && self.starts[i] < e {
                out.insert(i);
                i += 1;
            }
        }
    }

    fn normalise(&self, frags: &[(usize, usize)]) -> Vec<(usize, usize)> {
        let n = self.chars.len();
        let mut cleaned: Vec<(usize, usize)> = Vec::new();
        for &(s, e) in frags {
            let (mut s, mut e) = (s.min(n), e.min(n));
            while s < e && is_space(self.chars[s]) {
                s += 1;
            }
            while e > s && is_space(self.chars[e - 1]) {
                e -= 1;
            }
            if s < e {
                cleaned.push((s, e));
            }
        }
        cleaned.sort_unstable();
        let mut merged: Vec<(usize, usize)> = Vec::new();
        for (s, e) in cleaned {
            if let Some(last) = merged.last_mut() {
                let gap_blank = s <= last.1 || self.chars[last.1..s].iter().all(|&c| is_space(c));
                if gap_blank {
                    last.1 = last.1.max(e);
                    continue;
                }
            }
            merged.push((s, e));
        }
        merged
    }
}

type TokenSet = BTreeSet<usize>;

struct AttrSets {
    source: TokenSet,
    cue: TokenSet,
    content: TokenSet,
    /// The content holds a quotation mark (direct or mixed speech).
    quoted: bool,
}

struct DocView {
    role_tokens: [TokenSet; 3],
    role_spans: [BTreeSet<Vec<(usize, usize)>>; 3],
    attrs: Vec<AttrSets>,
    skipped: usize,
}

fn role_index(kind: &str) -> Option<usize> {
    Role::ALL.iter().position(|r| r.as_str() == kind)
}

fn doc_view(ann: &AnnDoc, idx: &TextIndex) -> DocView {
    let mut view = DocView {
        role_tokens: Default::default(),
        role_spans: Default::default(),
        attrs: Vec::new(),
        skipped: 0,
    };
    for tb in ann.spans.values() {
        let Some(r) = role_index(&tb.kind) else {
            continue;
        };
        idx.tokens_of(&tb.fragments, &mut view.role_tokens[r]);
        let norm = idx.normalise(&tb.fragments);
        if !norm.is_empty() {
            view.role_spans[r].insert(norm);
        }
    }
    for a in &ann.attributions {
        let set = |role: Role| {
            let mut s = TokenSet::new();
            idx.tokens_of(&ann.fragments(a.role(role)), &mut s);
            s
        };
        let quoted = ann.fragments(&a.content).iter().any(|&(s, e)| {
            let e = e.min(idx.chars.len());
            idx.chars[s.min(e)..e]
                .iter()
                .any(|c| matches!(c, '"' | '“' | '”' | '„' | '«' | '»'))
        });
        let sets = AttrSets {
            source: set(Role::Source),
            cue: set(Role::Cue),
            content: set(Role::Content),
            quoted,
        };
        if sets.content.is_empty() {
            view.skipped += 1;
        } else {
            view.attrs.push(sets);
        }
    }
    view
}

fn overlap(a: &TokenSet, b: &TokenSet) -> usize {
    a.intersection(b).count()
}

fn dice(a: &TokenSet, b: &TokenSet) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    (2 * overlap(a, b)) as f64 / (a.len() + b.len()) as f64
}

fn slot_ok(g: &TokenSet, p: &TokenSet) -> bool {
    (g.is_empty() && p.is_empty()) || overlap(g, p) > 0
}

/// Greedy one-to-one matching; returns, per gold attribution, `None` when
/// unmatched, else whether the match is full.
fn match_attributions(gold: &[AttrSets], pred: &[AttrSets]) -> Vec<Option<bool>> {
    let mut cands = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        for (pi, p) in pred.iter().enumerate() {
            let d = dice(&g.content, &p.content);
            if d >= DICE_THRESHOLD {
                let full = slot_ok(&g.cue, &p.cue) && slot_ok(&g.source, &p.source);
                cands.push((d, full, gi, pi));
            }
        }
    }
    // Highest Dice first, then full matches, then document order.
    cands.sort_by(|a, b| {
        b.0.total_cmp(&a.0)
            .then(b.1.cmp(&a.1))
            .then(a.2.cmp(&b.2))
            .then(a.3.cmp(&b.3))
    });
    let mut matched = vec![None; gold.len()];
    let mut used_p = vec![false; pred.len()];
    for (_, is_full, gi, pi) in cands {
        if matched[gi].is_some() || used_p[pi] {
            continue;
        }
        matched[gi] = Some(is_full);
        used_p[pi] = true;
    }
    matched
}

/// Accumulates document scores into a [`Report`].
#[derive(Default)]
pub struct Scorer {
    token: [Counts; 3],
    span: [Counts; 3],
    attr_content: Counts,
    attr_full: Counts,
    attributions: GoldPred,
    skipped: GoldPred,
    without_gold: Vec<String>,
    without_pred: Vec<String>,
    per_doc: std::collections::BTreeMap<String, DocCounts>,
    warnings: Warnings,
    recall_by_kind: std::collections::BTreeMap<String, KindRecall>,
}

impl Scorer {
    /// A scorer with nothing added.
    pub fn new() -> Self {
        Self::default()
    }

    /// Notes a document that has no gold file (skipped, as `score.py` does).
    pub fn skip_without_gold(&mut self, name: &str) {
        self.without_gold.push(name.to_string());
    }

    /// Scores one document. `pred` is `None` when its prediction file is
    /// missing (scored as no predictions).
    pub fn add(&mut self, name: &str, text: &str, gold: &AnnDoc, pred: Option<&AnnDoc>) {
        let idx = TextIndex::new(text);
        if pred.is_none() {
            self.without_pred.push(name.to_string());
        }
        let empty = AnnDoc::default();
        for (side, ann) in [
            (&mut self.warnings.gold, Some(gold)),
            (&mut self.warnings.pred, pred),
        ] {
            for (k, v) in ann.iter().flat_map(|a| a.warnings.iter()) {
                *side.entry(k.to_string()).or_default() += v;
            }
        }
        let g = doc_view(gold, &idx);
        let p = doc_view(pred.unwrap_or(&empty), &idx);
        self.skipped.gold += g.skipped;
        self.skipped.pred += p.skipped;
        for r in 0..3 {
            let tp = overlap(&g.role_tokens[r], &p.role_tokens[r]);
            self.token[r].add(tp, p.role_tokens[r].len() - tp, g.role_tokens[r].len() - tp);
            let tp = g.role_spans[r].intersection(&p.role_spans[r]).count();
            self.span[r].add(tp, p.role_spans[r].len() - tp, g.role_spans[r].len() - tp);
        }
        let matched = match_attributions(&g.attrs, &p.attrs);
        let nc = matched.iter().filter(|m| m.is_some()).count();
        let nf = matched.iter().filter(|m| **m == Some(true)).count();
        for (a, m) in g.attrs.iter().zip(&matched) {
            let kinds = [
                if a.quoted { "quoted" } else { "unquoted" },
                if a.source.is_empty() {
                    "without_source"
                } else {
                    "with_source"
                },
            ];
            for kind in kinds {
                let r = self.recall_by_kind.entry(kind.to_string()).or_default();
                r.gold += 1;
                r.content_match += usize::from(m.is_some());
                r.full_match += usize::from(*m == Some(true));
            }
        }
        let (ng, np) = (g.attrs.len(), p.attrs.len());
        self.attr_content.add(nc, np - nc, ng - nc);
        self.attr_full.add(nf, np - nf, ng - nf);
        self.attributions.gold += ng;
        self.attributions.pred += np;
        self.per_doc.insert(
            name.to_string(),
            DocCounts {
                gold_attr: ng,
                pred_attr: np,
                content_match: nc,
                full_match: nf,
            },
        );
    }

    /// The report of everything added.
    pub fn report(self) -> Report {
        let roles = |c: &[Counts; 3]| RoleMetrics {
            source: c[0].prf(),
            cue: c[1].prf(),
            content: c[2].prf(),
        };
        Report {
            docs_scored: self.per_doc.len(),
            docs_without_gold: self.without_gold,
            docs_without_pred: self.without_pred,
            attributions: self.attributions,
            skipped_no_content: self.skipped,
            metrics: Metrics {
                token: roles(&self.token),
                span: roles(&self.span),
                attr: AttrMetrics {
                    content: self.attr_content.prf(),
                    full: self.attr_full.prf(),
                },
            },
            per_doc: self.per_doc,
            warnings: self.warnings,
            recall_by_kind: self
                .recall_by_kind
                .into_iter()
                .map(|(k, mut v)| {
                    let ratio = |a: usize| {
                        if v.gold == 0 {
                            0.0
                        } else {
                            a as f64 / v.gold as f64
                        }
                    };
                    v.content_recall = ratio(v.content_match);
                    v.full_recall = ratio(v.full_match);
                    (k, v)
                })
                .collect(),
        }
    }
}

impl Report {
    /// Recall by kind of gold attribution, as a small table.
    pub fn kind_table(&self) -> String {
        let mut lines = vec![format!(
            "{:<16}{:>7}{:>10}{:>10}",
            "gold kind", "gold", "R content", "R full"
        )];
        for (kind, r) in &self.recall_by_kind {
            lines.push(format!(
                "{kind:<16}{:>7}{:>10.3}{:>10.3}",
                r.gold, r.content_recall, r.full_recall
            ));
        }
        lines.join("\n")
    }

    /// The table `score.py` prints, line for line.
    pub fn table(&self) -> String {
        let mut lines = vec![
            format!(
                "docs scored: {}  (no pred file: {}, no gold file: {})",
                self.docs_scored,
                self.docs_without_pred.len(),
                self.docs_without_gold.len()
            ),
            format!(
                "attributions: gold {}  pred {}  (skipped, no content: gold {} pred {})",
                self.attributions.gold,
                self.attributions.pred,
                self.skipped_no_content.gold,
                self.skipped_no_content.pred
            ),
            format!(
                "{:<15}{:>7}{:>7}{:>7}{:>8}{:>8}{:>8}",
                "metric", "P", "R", "F1", "TP", "FP", "FN"
            ),
        ];
        let m = &self.metrics;
        let rows = [
            ("token/source", m.token.source),
            ("token/cue", m.token.cue),
            ("token/content", m.token.content),
            ("span/source", m.span.source),
            ("span/cue", m.span.cue),
            ("span/content", m.span.content),
            ("attr/content", m.attr.content),
            ("attr/full", m.attr.full),
        ];
        for (name, v) in rows {
            lines.push(format!(
                "{name:<15}{:>7.3}{:>7.3}{:>7.3}{:>8}{:>8}{:>8}",
                v.p, v.r, v.f1, v.tp, v.fp, v.fn_
            ));
        }
        let pred_warnings: Vec<String> = self
            .warnings
            .pred
            .iter()
            .filter(|(_, &v)| v > 0)
            .map(|(k, v)| format!("'{k}': {v}"))
            .collect();
        if !pred_warnings.is_empty() {
            lines.push(format!("pred warnings: {{{}}}", pred_warnings.join(", ")));
        }
        lines.join("\n")
    }
}

/// The `.ann` file for document `doc` in `dir`, by `score.py`'s rule:
/// `<doc>.ann` or `<doc>_<annotator>.ann`, the lexicographically first.
pub fn find_ann(dir: &Path, doc: &str) -> Option<PathBuf> {
    let entries = std::fs::read_dir(dir).ok()?;
    let prefix = format!("{doc}_");
    let mut cands: Vec<String> = entries
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|f| {
            f.strip_suffix(".ann").is_some_and(|stem| {
                stem == doc
                    || stem
                        .strip_prefix(&prefix)
                        .is_some_and(|rest| !rest.contains('_'))
            })
        })
        .collect();
    cands.sort();
    cands.into_iter().next().map(|f| dir.join(f))
}

/// Document names (`<doc>.txt` stems) in `dir`, sorted.
pub fn text_docs(dir: &Path) -> Result<Vec<String>, Error> {
    if !dir.is_dir() {
        return Err(Error::NotADirectory {
            path: dir.to_path_buf(),
        });
    }
    let mut docs: Vec<String> = std::fs::read_dir(dir)
        .map_err(|e| Error::io(dir, e))?
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|f| f.strip_suffix(".txt").map(str::to_string))
        .collect();
    docs.sort();
    Ok(docs)
}

/// Scores a directory of predictions like `score.py --text --gold --pred`.
/// `predict` supplies the prediction of a document when given (instead of
/// reading `pred_dir`): `(name, text) → .ann`.
pub fn score_dirs(text_dir: &Path, gold_dir: &Path, pred: PredSource<'_>) -> Result<Report, Error> {
    if !gold_dir.is_dir() {
        return Err(Error::NotADirectory {
            path: gold_dir.to_path_buf(),
        });
    }
    let mut scorer = Scorer::new();
    for doc in text_docs(text_dir)? {
        let Some(gold_path) = find_ann(gold_dir, &doc) else {
            scorer.skip_without_gold(&doc);
            continue;
        };
        let text = read_text(&text_dir.join(format!("{doc}.txt")))?;
        let gold = AnnDoc::parse_against(&read_text(&gold_path)?, Some(&text));
        let pred = match &pred {
            PredSource::Dir(dir) => match find_ann(dir, &doc) {
                Some(p) => Some(AnnDoc::parse_against(&read_text(&p)?, Some(&text))),
                None => None,
            },
            PredSource::Run(f) => Some(AnnDoc::parse_against(&f(&text), Some(&text))),
        };
        scorer.add(&doc, &text, &gold, pred.as_ref());
    }
    Ok(scorer.report())
}

/// Where predictions come from.
pub enum PredSource<'a> {
    /// `.ann` files in a directory, found like gold files.
    Dir(&'a Path),
    /// Produced on the fly from the document text (returns `.ann` text).
    Run(&'a dyn Fn(&str) -> String),
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The synthetic case of `score.py --selftest`, with its hand-computed
    /// expectations.
    #[test]
    fn agrees_with_score_py_selftest() {
        let text = "Trump said \"we will win big\" today. Aides believe the plan, which failed, was bad, according to reports.\n";
        let pos = |sub: &str| {
            let b = text.find(sub).unwrap();
            let s = text[..b].chars().count();
            (s, s + sub.chars().count())
        };
        let (src1, cue1, con1) = (pos("Trump"), pos("said"), pos("\"we will win big\""));
        let (src2, cue2) = (pos("Aides"), pos("believe"));
        let (con2a, con2b) = (pos("the plan,"), pos("was bad"));
        let (cue3, con3) = (
            pos("according to"),
            pos("Aides believe the plan, which failed, was bad"),
        );
        let gold = format!(
            "T1\tSource {} {}\tx\nT2\tCue {} {}\tx\nT3\tContent {} {}\tx\nT4\tAttribution {} {}\tx\n\
             E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\nT5\tSource {} {}\tx\nT6\tCue {} {}\tx\n\
             T7\tContent {} {};{} {}\tx\nT8\tAttribution {} {}\tx\nE2\tAttribution:T8 Cue:T6 Content:T7 Source:T5\n\
             T9\tCue {} {}\tx\nT10\tContent {} {}\tx\nT11\tAttribution-no-source {} {}\tx\n\
             E3\tAttribution-no-source:T11 Content:T10 Cue:T9\nE4\tAttribution-no-source:T11\n#1\tAnnotatorNotes T1\tnote\n",
            src1.0, src1.1, cue1.0, cue1.1, con1.0, con1.1, cue1.0, cue1.1,
            src2.0, src2.1, cue2.0, cue2.1, con2b.0, con2b.1, con2a.0, con2a.1, cue2.0, cue2.1,
            cue3.0, cue3.1, con3.0, con3.1, cue3.0, cue3.1,
        );
        let (p_con1, p_con2) = (
            pos("we will win big"),
            pos("the plan, which failed, was bad"),
        );
        let (p_src_bad, p_cue_sp, p_con3) = (pos("reports"), pos("today"), pos("Trump said"));
        let pred = format!(
            "T1\tSource {} {}\tx\nT2\tCue {} {}\tx\nT3\tContent {} {}\tx\nE1\tAttribution:T2 Source:T1 Cue:T2 Content:T3\n\
             T4\tSource {} {}\tx\nT5\tCue {} {}\tx\nT6\tContent {} {}\tx\nE2\tAttribution:T5 Source:T4 Cue:T5 Content:T6\n\
             T7\tCue {} {}\tx\nT8\tContent {} {}\tx\nE3\tAttribution:T7 Cue:T7 Content:T8\n",
            src1.0, src1.1, cue1.0, cue1.1, p_con1.0, p_con1.1,
            p_src_bad.0, p_src_bad.1, cue2.0, cue2.1, p_con2.0, p_con2.1,
            p_cue_sp.0, p_cue_sp.1, p_con3.0, p_con3.1,
        );
        let mut scorer = Scorer::new();
        scorer.add(
            "d1",
            text,
            &AnnDoc::parse(&gold),
            Some(&AnnDoc::parse(&pred)),
        );
        let r = scorer.report();
        let m = &r.metrics;
        let c = |p: Prf| (p.tp, p.fp, p.fn_);
        assert_eq!(c(m.token.content), (12, 2, 4));
        assert_eq!(c(m.token.source), (1, 1, 1));
        assert_eq!(c(m.token.cue), (2, 1, 2));
        assert_eq!(c(m.span.cue), (2, 1, 1));
        assert_eq!(c(m.span.content), (0, 3, 3));
        assert_eq!(c(m.attr.content), (2, 1, 1));
        assert_eq!(c(m.attr.full), (1, 2, 2));
        assert_eq!(r.skipped_no_content.gold, 1);
    }

    #[test]
    fn normalise_merges_whitespace_gaps_and_trims() {
        let idx = TextIndex::new("ab  cd ef");
        assert_eq!(idx.normalise(&[(4, 6), (0, 2)]), [(0, 6)]);
        assert_eq!(idx.normalise(&[(1, 4)]), [(1, 2)]);
        let idx = TextIndex::new("Mr. Obama said");
        let mut s = TokenSet::new();
        idx.tokens_of(&[(0, 7)], &mut s);
        assert_eq!(s.into_iter().collect::<Vec<_>>(), [0, 1, 2]);
    }

    #[test]
    fn empty_denominators_give_zero() {
        let p = Counts::default().prf();
        assert_eq!((p.p, p.r, p.f1), (0.0, 0.0, 0.0));
    }
}
