//! Named entities: persons, organizations, locations and other names (the
//! four classes of CoreNLP's CoNLL model), as BIO labels from a greedy
//! averaged perceptron trained on PolNeAR's silver NER layer.
//!
//! [`crate::resolve`] groups its mentions into speakers; `whosaid train ner`
//! rebuilds and evaluates the model.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::model::{self, ModelError, ModelKind};
use crate::perceptron::{
    argmax, feat, sym, syms, train_greedy, window_syms, DenseWeights, SparseTable, WordSyms, NONE,
};
use crate::pos::word_syms;

/// Entity classes, in label order.
pub const CLASSES: [&str; 4] = ["PERSON", "ORGANIZATION", "LOCATION", "MISC"];
/// `O`, then `B-`/`I-` for each class.
const N: usize = 1 + 2 * CLASSES.len();

fn label_name(l: usize) -> String {
    LABEL_NAMES.get(l).copied().unwrap_or("O").to_string()
}

/// Label names by index: `O`, then `B-`/`I-` of each class.
const LABEL_NAMES: [&str; N] = [
    "O",
    "B-PERSON",
    "I-PERSON",
    "B-ORGANIZATION",
    "I-ORGANIZATION",
    "B-LOCATION",
    "I-LOCATION",
    "B-MISC",
    "I-MISC",
];

/// [`sym`] of each label name.
const LABEL_SYMS: [u64; N] = syms(LABEL_NAMES);

const START: u64 = sym("<s>");
const END: u64 = sym("</s>");
const FIRST: u64 = sym("first");
const LATER: u64 = sym("later");

/// Label of `class` (index into [`CLASSES`]), beginning or inside.
fn label(class: usize, begin: bool) -> usize {
    1 + 2 * class + usize::from(!begin)
}

/// Stored model.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct NerModel {
    /// Label names (`O`, `B-PERSON`, `I-PERSON`, …).
    pub labels: Vec<String>,
    /// The averaged weights.
    pub weights: SparseTable,
}

/// The runtime entity tagger.
#[derive(Debug, Clone)]
pub struct NerTagger {
    weights: DenseWeights<N>,
    /// Sums of the tag-only features for the POS tag set of
    /// [`NerTagger::for_tags`], shared by clones.
    tag_tables: Option<Arc<TagTables>>,
}

/// One sentence for the tagger: word forms and their POS tags.
pub struct Sentence<'a> {
    /// Word forms as written.
    pub forms: Vec<&'a str>,
    /// Their Penn Treebank tags.
    pub pos: Vec<&'a str>,
}

impl Sentence<'_> {
    /// The [`WordSyms`] and POS tag [`sym`]s of the first `n` tokens.
    fn syms(&self, n: usize) -> (Vec<WordSyms>, Vec<u64>) {
        (
            word_syms(self.forms[..n].iter().copied()),
            self.pos[..n].iter().map(|p| sym(p)).collect(),
        )
    }
}

/// Features of token `i` of a sentence: its words, POS tags (as
/// [`sym`]s) and the labels so far, in training's order.
fn features(words: &[WordSyms], pos: &[u64], i: usize, prev: &[usize], out: &mut Vec<u64>) {
    let p = |k: isize| match i.checked_add_signed(k) {
        None => START,
        Some(j) => pos.get(j).copied().unwrap_or(END),
    };
    let label = prev.last().map_or(START, |&l| LABEL_SYMS[l.min(N - 1)]);
    let [bias, tag, before, after, previous, previous_tag] = tag_features(label, p(-1), p(0), p(1));
    let [w1, w2, w3, w4, w5, w6, w7, w8, w9, w14, w16, w17, w18] = word_features(words, i, label);
    out.extend([
        bias,
        w1,
        w2,
        w3,
        w4,
        w5,
        w6,
        w7,
        w8,
        w9,
        tag,
        before,
        after,
        previous,
        w14,
        previous_tag,
        w16,
        w17,
        w18,
    ]);
}

/// The features that read POS tags and the previous label alone (the
/// label as [`START`] at a sentence's start, the tags `START`/`END` past its
/// ends): the bias, the tag, the tag before with it, the tag after with it,
/// the previous label, and the previous label with the tag. A tagger
/// [`NerTagger::for_tags`] reads their sums from [`TagTables`].
fn tag_features(label: u64, before: u64, tag: u64, after: u64) -> [u64; 6] {
    [
        feat(0, NONE, NONE),
        feat(10, tag, NONE),
        feat(11, before, tag),
        feat(12, tag, after),
        feat(13, label, NONE),
        feat(15, label, tag),
    ]
}

/// The features that read the words (the previous label with the word
/// among them): all of [`features`] but the [`tag_features`].
fn word_features(words: &[WordSyms], i: usize, label: u64) -> [u64; 13] {
    let w = |k: isize| window_syms(words, i, k).word;
    let here = &words[i];
    let w0 = here.word;
    [
        feat(1, w0, NONE),
        feat(2, here.form, NONE),
        feat(3, here.shape, NONE),
        feat(4, here.suffix3, NONE),
        feat(5, here.prefix3, NONE),
        feat(6, w(-1), NONE),
        feat(7, w(1), NONE),
        feat(8, w(-2), NONE),
        feat(9, w(2), NONE),
        feat(14, label, w0),
        feat(16, here.shape, if i == 0 { FIRST } else { LATER }),
        feat(17, w(-1), w0),
        feat(18, w0, w(1)),
    ]
}

/// The integer weight sums of the [`tag_features`] for one tag set, so
/// that a token reads three rows instead of hashing six features: a third
/// of the tagger's lookups. Index 0 stands for the start (before) or the
/// end (after) of a sentence and for no previous label; tag `t` is `t + 1`.
#[derive(Debug)]
struct TagTables {
    /// [`sym`] of each tag, by id.
    tag_syms: Vec<u64>,
    /// The bias, the tag, the previous label and the previous label with
    /// the tag, at `label * tags + tag`.
    by_label: Vec<[i32; N]>,
    /// The tag before with the tag, at `before * tags + tag`.
    before: Vec<[i32; N]>,
    /// The tag with the tag after, at `tag * (tags + 1) + after`.
    after: Vec<[i32; N]>,
}

impl TagTables {
    fn new(weights: &DenseWeights<N>, tag_syms: &[u64]) -> Self {
        // Index 0 is the marker, `k + 1` the tag or label `k`.
        let at = |marker: u64, syms: &[u64], k: usize| k.checked_sub(1).map_or(marker, |k| syms[k]);
        let t = tag_syms.len();
        let mut by_label = Vec::with_capacity((N + 1) * t);
        for l in 0..=N {
            for &tag in tag_syms {
                let label = at(START, &LABEL_SYMS, l);
                let [bias, tag, _, _, previous, previous_tag] =
                    tag_features(label, NONE, tag, NONE);
                by_label.push(weights.sums(&[bias, tag, previous, previous_tag]));
            }
        }
        let mut before = Vec::with_capacity((t + 1) * t);
        for b in 0..=t {
            for &tag in tag_syms {
                let [_, _, tag_before, ..] = tag_features(START, at(START, tag_syms, b), tag, NONE);
                before.push(weights.sums(&[tag_before]));
            }
        }
        let mut after = Vec::with_capacity(t * (t + 1));
        for &tag in tag_syms {
            for a in 0..=t {
                let [_, _, _, tag_after, ..] = tag_features(START, NONE, tag, at(END, tag_syms, a));
                after.push(weights.sums(&[tag_after]));
            }
        }
        TagTables {
            tag_syms: tag_syms.to_vec(),
            by_label,
            before,
            after,
        }
    }

    /// The sums of the [`tag_features`] of token `i` of a sentence whose
    /// tags are `ids` (checked to be this tag set), after `label` (`0` for
    /// none, `l + 1` for label `l`).
    fn sums(&self, ids: &[u8], i: usize, label: usize) -> Option<[i32; N]> {
        let t = self.tag_syms.len();
        let id = |j: Option<usize>| {
            j.and_then(|j| ids.get(j))
                .map_or(0, |&k| usize::from(k) + 1)
        };
        let tag = usize::from(*ids.get(i)?);
        let (before, after) = (id(i.checked_sub(1)), id(Some(i + 1)));
        let rows = [
            self.by_label.get(label * t + tag)?,
            self.before.get(before * t + tag)?,
            self.after.get(tag * (t + 1) + after)?,
        ];
        let mut sums = [0; N];
        for row in rows {
            for (s, w) in sums.iter_mut().zip(row) {
                *s += w;
            }
        }
        Some(sums)
    }

    /// Whether `ids` are tags of this set with the [`sym`]s `pos`.
    fn matches(&self, ids: &[u8], pos: &[u64]) -> bool {
        ids.len() == pos.len()
            && ids
                .iter()
                .zip(pos)
                .all(|(&k, &p)| self.tag_syms.get(usize::from(k)) == Some(&p))
    }
}

/// Replaces an `I-` label that cannot follow its predecessor by `B-`.
fn repair(prev: Option<usize>, l: usize) -> usize {
    let inside = l != 0 && l % 2 == 0;
    let continues = inside && prev.is_some_and(|p| p != 0 && (p - 1) / 2 == (l - 1) / 2);
    if inside && !continues {
        l - 1
    } else {
        l
    }
}

/// Weights below this magnitude are dropped from the trained model (less
/// than half the size; dev entity F1 0.850 → 0.842, the same pipeline
/// scores: ARCHITECTURE.md).
pub const PRUNE_BELOW: f32 = 1.0;

const BUILTIN_MODEL: &[u8] = include_bytes!("../models/ner.bin");

impl NerTagger {
    /// The tagger shipped with the crate.
    pub fn builtin() -> Self {
        Self::from_bytes(BUILTIN_MODEL).expect("the built-in entity model is valid")
    }

    /// Loads a model file.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, ModelError> {
        Self::from_model(model::decode(ModelKind::EntityTagger, bytes)?)
    }

    /// Builds the runtime form of a stored model.
    pub fn from_model(m: NerModel) -> Result<Self, ModelError> {
        if m.labels.len() != N
            || m.labels
                .iter()
                .enumerate()
                .any(|(l, n)| *n != label_name(l))
        {
            return Err(ModelError::Decode("unexpected label set".into()));
        }
        Ok(NerTagger {
            weights: DenseWeights::new(&m.weights)?,
            tag_tables: None,
        })
    }

    /// This tagger with the sums of its tag-only features laid out for a
    /// part-of-speech tag set ([`PosTagger::tag_syms`](crate::pos::PosTagger::tag_syms)),
    /// read by [`NerTagger::tag_tagged_words`]: the same labels, a third
    /// fewer hashed lookups.
    pub fn for_tags(mut self, tag_syms: &[u64]) -> Self {
        if tag_syms.len() <= usize::from(u8::MAX) {
            self.tag_tables = Some(Arc::new(TagTables::new(&self.weights, tag_syms)));
        }
        self
    }

    /// BIO label of every token of a sentence.
    pub fn tag(&self, s: &Sentence<'_>) -> Vec<usize> {
        let n = s.forms.len().min(s.pos.len());
        let (words, pos) = s.syms(n);
        let mut out = Vec::with_capacity(n);
        self.tag_words(&s.forms[..n], &words, &pos, &mut out);
        out
    }

    /// BIO labels of a sentence given its forms, their [`WordSyms`] and the
    /// [`sym`]s of their POS tags (as the attribution tagger leaves them),
    /// into `out` (cleared first). Tokens past the shortest slice are not
    /// labeled.
    pub fn tag_words(&self, forms: &[&str], words: &[WordSyms], pos: &[u64], out: &mut Vec<usize>) {
        self.label_sentence(forms, words, pos, None, out);
    }

    /// [`NerTagger::tag_words`] given also each token's tag id in the tag set
    /// of [`NerTagger::for_tags`] (`TaggedTokens::tag_ids`): the same labels,
    /// with the tag-only features' sums read from tables. Ids of another tag
    /// set are noticed (their [`sym`]s differ from `pos`) and the features
    /// hashed instead.
    pub fn tag_tagged_words(
        &self,
        forms: &[&str],
        words: &[WordSyms],
        pos: &[u64],
        pos_ids: &[u8],
        out: &mut Vec<usize>,
    ) {
        self.label_sentence(forms, words, pos, Some(pos_ids), out);
    }

    fn label_sentence(
        &self,
        forms: &[&str],
        words: &[WordSyms],
        pos: &[u64],
        pos_ids: Option<&[u8]>,
        out: &mut Vec<usize>,
    ) {
        out.clear();
        let n = forms.len().min(words.len()).min(pos.len());
        let (words, pos) = (&words[..n], &pos[..n]);
        let tables = self
            .tag_tables
            .as_deref()
            .zip(pos_ids)
            .and_then(|(t, ids)| {
                let ids = ids.get(..n)?;
                t.matches(ids, pos).then_some((t, ids))
            });
        let mut feats = Vec::with_capacity(24);
        for (i, form) in forms[..n].iter().enumerate() {
            // Lowercase words outside an entity stay outside: skip scoring.
            if out.last().is_none_or(|&l| l == 0)
                && !form.chars().any(|c| c.is_uppercase() || c.is_ascii_digit())
            {
                out.push(0);
                continue;
            }
            let mut scores = [0.0f32; N];
            let label = out.last().map_or(0, |&l| l.min(N - 1) + 1);
            match tables.and_then(|(t, ids)| t.sums(ids, i, label)) {
                Some(base) => {
                    let label_sym = out.last().map_or(START, |&l| LABEL_SYMS[l.min(N - 1)]);
                    let feats = word_features(words, i, label_sym);
                    self.weights.add_scores_with(&base, &feats, &mut scores);
                }
                None => {
                    feats.clear();
                    features(words, pos, i, out, &mut feats);
                    self.weights.add_scores(&feats, &mut scores);
                }
            }
            out.push(repair(out.last().copied(), argmax(&scores)));
        }
    }
}

/// Entities of a labeled sentence: `(class index, token range)`.
pub fn entities(labels: &[usize]) -> Vec<(usize, std::ops::Range<usize>)> {
    let mut out: Vec<(usize, std::ops::Range<usize>)> = Vec::new();
    for (i, &l) in labels.iter().enumerate() {
        if l == 0 {
            continue;
        }
        let class = (l - 1) / 2;
        match out.last_mut() {
            Some((c, r)) if l % 2 == 0 && *c == class && r.end == i => r.end = i + 1,
            _ => out.push((class, i..i + 1)),
        }
    }
    out
}

/// BIO labels from per-token classes (`O`, `PERSON`, …): a run of one class
/// is one entity, as CoreNLP's token-level NER column implies.
pub fn bio_from_classes(classes: &[&str]) -> Vec<usize> {
    let mut out = Vec::with_capacity(classes.len());
    for (i, c) in classes.iter().enumerate() {
        let Some(k) = CLASSES.iter().position(|x| x == c) else {
            out.push(0);
            continue;
        };
        out.push(label(k, i == 0 || classes[i - 1] != *c));
    }
    out
}

/// A training or evaluation sentence: forms, POS tags, gold BIO labels.
pub type Labeled<'a> = (Sentence<'a>, Vec<usize>);

/// Trains the tagger, dropping weights below `prune_below`
/// ([`PRUNE_BELOW`] for the shipped model); deterministic for a seed.
pub fn train(sentences: &[Labeled<'_>], epochs: usize, seed: u64, prune_below: f32) -> NerModel {
    // Sentences whose layers disagree in length are cut to the shortest.
    let prepared: Vec<(Vec<WordSyms>, Vec<u64>, &[usize])> = sentences
        .iter()
        .map(|(s, gold)| {
            let n = s.forms.len().min(s.pos.len()).min(gold.len());
            let (words, pos) = s.syms(n);
            (words, pos, &gold[..n])
        })
        .collect();
    let weights = train_greedy(
        &prepared,
        N,
        epochs,
        seed,
        |(_, _, gold)| gold,
        |(words, pos, _), i, prev, out| features(words, pos, i, prev, out),
    );
    NerModel {
        labels: (0..N).map(label_name).collect(),
        weights: weights.pruned(prune_below),
    }
}

/// Entity-level precision, recall and F1 (exact span and class).
pub fn evaluate(tagger: &NerTagger, sentences: &[Labeled<'_>]) -> (f64, f64, f64) {
    let (mut tp, mut pred, mut gold) = (0usize, 0usize, 0usize);
    for (s, labels) in sentences {
        let g = entities(labels);
        let p = entities(&tagger.tag(s));
        tp += p.iter().filter(|e| g.contains(e)).count();
        pred += p.len();
        gold += g.len();
    }
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let (p, r) = (ratio(tp, pred), ratio(tp, gold));
    let f1 = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toy() -> Vec<Labeled<'static>> {
        let sent = |forms: &[&'static str], pos: &[&'static str], ner: &[&str]| {
            (
                Sentence {
                    forms: forms.to_vec(),
                    pos: pos.to_vec(),
                },
                bio_from_classes(ner),
            )
        };
        vec![
            sent(
                &["Jens", "Stoltenberg", "visited", "Kiev", "."],
                &["NNP", "NNP", "VBD", "NNP", "."],
                &["PERSON", "PERSON", "O", "LOCATION", "O"],
            ),
            sent(
                &["Mark", "Rutte", "told", "Bloomberg", "TV", "."],
                &["NNP", "NNP", "VBD", "NNP", "NNP", "."],
                &["PERSON", "PERSON", "O", "ORGANIZATION", "ORGANIZATION", "O"],
            ),
        ]
    }

    /// For every token of the example article and every previous label,
    /// the tables' sums and the hashed word features add up to the sums of
    /// all the features, and the tables are used for the POS tagger's ids.
    #[test]
    fn tag_tables_add_up_to_the_hashed_features() {
        let pos = crate::pos::PosTagger::builtin();
        let tagger = NerTagger::builtin().for_tags(pos.tag_syms());
        let tables = tagger.tag_tables.as_deref().expect("tables were built");
        let doc = crate::text::Document::new(include_str!("../../../examples/nato-rutte.txt"));
        let tagged = pos.tag_document(&doc);
        let mut feats = Vec::new();
        for s in &doc.sentences {
            let (words, syms, ids) = (
                &tagged.words[s.tokens.clone()],
                &tagged.tag_syms[s.tokens.clone()],
                &tagged.tag_ids[s.tokens.clone()],
            );
            assert!(tables.matches(ids, syms));
            for i in 0..words.len() {
                for previous in [None, Some(0), Some(label(0, true)), Some(N - 1)] {
                    let prev: Vec<usize> = previous.into_iter().collect();
                    feats.clear();
                    features(words, syms, i, &prev, &mut feats);
                    let label_sym = previous.map_or(START, |l| LABEL_SYMS[l]);
                    let mut sums = tables.sums(ids, i, previous.map_or(0, |l| l + 1)).unwrap();
                    let words_part = tagger.weights.sums(&word_features(words, i, label_sym));
                    for (s, w) in sums.iter_mut().zip(words_part) {
                        *s += w;
                    }
                    assert_eq!(
                        sums,
                        tagger.weights.sums(&feats),
                        "token {i} after {previous:?}"
                    );
                }
            }
            let forms: Vec<&str> = s.tokens.clone().map(|i| doc.token_text(i)).collect();
            let (mut hashed, mut tabled) = (Vec::new(), Vec::new());
            tagger.tag_words(&forms, words, syms, &mut hashed);
            tagger.tag_tagged_words(&forms, words, syms, ids, &mut tabled);
            assert_eq!(hashed, tabled);
        }
        // Ids of another tag set are noticed.
        let shifted: Vec<u8> = tagged.tag_ids.iter().map(|&t| t.wrapping_add(1)).collect();
        assert!(!tables.matches(&shifted, &tagged.tag_syms));
    }

    #[test]
    fn bio_and_entities_round_trip() {
        let labels = bio_from_classes(&["PERSON", "PERSON", "O", "LOCATION", "PERSON"]);
        assert_eq!(entities(&labels), [(0, 0..2), (2, 3..4), (0, 4..5)]);
    }

    #[test]
    fn learns_toy_data_and_survives_the_file_format() {
        let data = toy();
        let model = train(&data, 10, 3, 0.0);
        assert_eq!(model, train(&data, 10, 3, 0.0), "same seed, same model");
        let bytes = model::encode(ModelKind::EntityTagger, &model);
        let tagger = NerTagger::from_bytes(&bytes).unwrap();
        assert_eq!(evaluate(&tagger, &data).2, 1.0);
        assert!(matches!(
            NerTagger::from_bytes(crate::pos::BUILTIN_MODEL),
            Err(ModelError::WrongKind { .. })
        ));
    }

    #[test]
    fn illegal_inside_labels_are_repaired() {
        assert_eq!(repair(None, label(1, false)), label(1, true));
        assert_eq!(
            repair(Some(label(1, true)), label(1, false)),
            label(1, false)
        );
        assert_eq!(
            repair(Some(label(0, true)), label(1, false)),
            label(1, true)
        );
    }
}
