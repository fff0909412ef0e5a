//! Part-of-speech tagging: an averaged perceptron over Penn Treebank tags,
//! trained on PolNeAR's silver CoreNLP tags.
//!
//! Greedy left-to-right decoding with the two previous tags as features
//! (Collins 2002; the feature set follows the classic "perceptron tagger").
//! The perceptron itself (hashed features, sparse weights, averaging) lives
//! in [`crate::perceptron`]. The stored form, [`PosModel`], is framed by
//! [`crate::model`]; [`PosTagger`] is the runtime form.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::model::{self, ModelError, ModelKind};
use crate::perceptron::{
    argmax, feature, shape_class, train_greedy, window, SparseTable, SparseWeights,
};

/// Most tags a model may have (the PTB set has 45).
pub const MAX_TAGS: usize = 48;

/// The tagger shipped with the crate (`whosaid train pos` rebuilds it).
pub const BUILTIN_MODEL: &[u8] = include_bytes!("../models/pos.bin");

/// Stored model: tags and a sparse weight table.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct PosModel {
    /// Tag names; class `k` is `tags[k]`.
    pub tags: Vec<String>,
    /// The averaged weights.
    pub weights: SparseTable,
    /// Frequent word forms that (nearly) always carry one tag in training,
    /// sorted: tagged without scoring, as in Honnibal's averaged-perceptron
    /// tagger. They are about half the running words.
    pub unambiguous: Vec<(String, u8)>,
}

/// A form goes to [`PosModel::unambiguous`] when seen this often…
const UNAMBIGUOUS_MIN_COUNT: usize = 20;
/// …with one tag at least this share of the time.
const UNAMBIGUOUS_MIN_SHARE: f64 = 0.97;
/// Weights below this magnitude are dropped from the trained model (a
/// third of the size, the same pipeline scores on dev: ARCHITECTURE.md).
pub const PRUNE_BELOW: f32 = 1.0;

/// The runtime tagger.
#[derive(Debug, Clone)]
pub struct PosTagger {
    tags: Vec<String>,
    unambiguous: HashMap<String, usize>,
    weights: SparseWeights<MAX_TAGS>,
}

/// The normalized word form used in features.
pub fn normalize(form: &str) -> String {
    match form {
        "``" | "''" | "\"" | "“" | "”" | "„" | "«" | "»" => return "\"".into(),
        "-LRB-" => return "(".into(),
        "-RRB-" => return ")".into(),
        "‘" | "`" => return "'".into(),
        _ => {}
    }
    if form.chars().all(|c| c.is_ascii_digit()) && !form.is_empty() {
        return if form.len() == 4 { "!YEAR" } else { "!DIGITS" }.into();
    }
    form.chars()
        .map(|c| if c == '’' { '\'' } else { c })
        .flat_map(char::to_lowercase)
        .collect()
}

fn suffix(w: &str, n: usize) -> &str {
    let start = w.char_indices().rev().nth(n - 1).map_or(0, |(i, _)| i);
    &w[start..]
}

fn prefix1(w: &str) -> &str {
    w.char_indices().nth(1).map_or(w, |(i, _)| &w[..i])
}

/// A compressed word shape: `Xxxx` → `Xx`, `U.S.` → `X.X.`, `3.2` → `d.d`.
fn shape(form: &str) -> String {
    let mut out = String::new();
    for c in form.chars() {
        let s = shape_class(c);
        if !out.ends_with(s) {
            out.push(s);
        }
        if out.len() > 6 {
            break;
        }
    }
    out
}

/// Features of token `i` given the sentence's normalized words, raw forms
/// and the previous two tags.
fn features(words: &[String], forms: &[&str], i: usize, p1: &str, p2: &str, out: &mut Vec<u64>) {
    out.clear();
    let w = |k: isize| window(words, i, k);
    let w0 = w(0);
    out.push(feature(0, "", ""));
    out.push(feature(1, w0, ""));
    out.push(feature(2, suffix(w0, 3), ""));
    out.push(feature(3, prefix1(w0), ""));
    out.push(feature(4, &shape(forms[i]), ""));
    out.push(feature(5, p1, ""));
    out.push(feature(6, p2, p1));
    out.push(feature(7, p1, w0));
    out.push(feature(8, w(-1), ""));
    out.push(feature(9, suffix(w(-1), 3), ""));
    out.push(feature(10, w(1), ""));
    out.push(feature(11, suffix(w(1), 3), ""));
    out.push(feature(12, w(-2), ""));
    out.push(feature(13, w(2), ""));
    out.push(feature(14, suffix(w0, 2), ""));
    out.push(feature(15, w0, w(1)));
}

impl PosTagger {
    /// The tagger shipped with the crate.
    pub fn builtin() -> Self {
        Self::from_bytes(BUILTIN_MODEL).expect("the built-in tagger model is valid")
    }

    /// Loads a tagger from model file bytes.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, ModelError> {
        let m: PosModel = model::decode(ModelKind::PosTagger, bytes)?;
        Self::from_model(m)
    }

    /// Builds the runtime form of a stored model.
    pub fn from_model(m: PosModel) -> Result<Self, ModelError> {
        if m.tags.is_empty() || m.tags.len() > MAX_TAGS {
            return Err(ModelError::Decode("bad tag set".into()));
        }
        if m.weights
            .classes
            .iter()
            .any(|&c| c as usize >= m.tags.len())
        {
            return Err(ModelError::Decode("class out of range".into()));
        }
        let weights = SparseWeights::new(&m.weights)?;
        if m.unambiguous
            .iter()
            .any(|(_, t)| *t as usize >= m.tags.len())
        {
            return Err(ModelError::Decode("tag out of range".into()));
        }
        let unambiguous = m
            .unambiguous
            .into_iter()
            .map(|(w, t)| (w, usize::from(t)))
            .collect();
        Ok(PosTagger {
            tags: m.tags,
            unambiguous,
            weights,
        })
    }

    /// Tag names.
    pub fn tags(&self) -> &[String] {
        &self.tags
    }

    /// Tags one sentence of word forms; returns tag indices.
    pub fn tag(&self, forms: &[&str]) -> Vec<usize> {
        let words: Vec<String> = forms.iter().map(|f| normalize(f)).collect();
        self.tag_normalized(&words, forms)
    }

    /// Tags one sentence given its forms and their [`normalize`]d words.
    pub fn tag_normalized(&self, words: &[String], forms: &[&str]) -> Vec<usize> {
        let n = self.tags.len();
        let mut feats = Vec::with_capacity(16);
        let mut out = Vec::with_capacity(forms.len());
        for i in 0..forms.len().min(words.len()) {
            if let Some(&t) = self.unambiguous.get(forms[i]) {
                out.push(t);
                continue;
            }
            let p1 = out.last().map_or("<s>", |&t: &usize| self.tags[t].as_str());
            let p2 = out
                .len()
                .checked_sub(2)
                .map_or("<s>", |k| self.tags[out[k]].as_str());
            features(words, forms, i, p1, p2, &mut feats);
            let mut scores = [0.0f32; MAX_TAGS];
            self.weights.add_scores(&feats, &mut scores);
            out.push(argmax(&scores[..n]));
        }
        out
    }
}

/// Trains a tagger on sentences of `(form, tag)`, dropping weights below
/// `prune_below` ([`PRUNE_BELOW`] for the shipped model); deterministic for
/// a seed.
pub fn train(
    sentences: &[Vec<(String, String)>],
    epochs: usize,
    seed: u64,
    prune_below: f32,
) -> PosModel {
    let mut tags: Vec<String> = sentences
        .iter()
        .flatten()
        .map(|(_, t)| t.clone())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    tags.truncate(MAX_TAGS);
    let tag_id: HashMap<&str, usize> = tags
        .iter()
        .enumerate()
        .map(|(i, t)| (t.as_str(), i))
        .collect();
    struct Prepared {
        forms: Vec<String>,
        words: Vec<String>,
        gold: Vec<usize>,
    }
    let prepared: Vec<Prepared> = sentences
        .iter()
        .map(|sent| Prepared {
            forms: sent.iter().map(|(f, _)| f.clone()).collect(),
            words: sent.iter().map(|(f, _)| normalize(f)).collect(),
            gold: sent
                .iter()
                .map(|(_, t)| tag_id.get(t.as_str()).copied().unwrap_or(0))
                .collect(),
        })
        .collect();
    let weights = train_greedy(
        &prepared,
        tags.len(),
        epochs,
        seed,
        |p| &p.gold,
        |p, i, prev, out| {
            let forms: Vec<&str> = p.forms.iter().map(String::as_str).collect();
            let p1 = prev.last().map_or("<s>", |&t| tags[t].as_str());
            let p2 = prev
                .len()
                .checked_sub(2)
                .map_or("<s>", |k| tags[prev[k]].as_str());
            features(&p.words, &forms, i, p1, p2, out);
        },
    );
    let mut seen: HashMap<&str, HashMap<usize, usize>> = HashMap::new();
    for p in &prepared {
        for (f, &t) in p.forms.iter().zip(&p.gold) {
            *seen.entry(f.as_str()).or_default().entry(t).or_default() += 1;
        }
    }
    let mut unambiguous: Vec<(String, u8)> = seen
        .into_iter()
        .filter_map(|(form, counts)| {
            let total: usize = counts.values().sum();
            let (&tag, &n) = counts
                .iter()
                .max_by_key(|(&t, &n)| (n, std::cmp::Reverse(t)))?;
            (total >= UNAMBIGUOUS_MIN_COUNT && n as f64 >= UNAMBIGUOUS_MIN_SHARE * total as f64)
                .then(|| (form.to_string(), tag as u8))
        })
        .collect();
    unambiguous.sort();
    PosModel {
        tags,
        weights: weights.pruned(prune_below),
        unambiguous,
    }
}

/// Tagging accuracy of `tagger` on sentences of `(form, tag)`.
pub fn accuracy(tagger: &PosTagger, sentences: &[Vec<(String, String)>]) -> f64 {
    let (mut right, mut all) = (0usize, 0usize);
    for sent in sentences {
        let forms: Vec<&str> = sent.iter().map(|(f, _)| f.as_str()).collect();
        for (&t, (_, gold)) in tagger.tag(&forms).iter().zip(sent) {
            right += usize::from(tagger.tags[t] == *gold);
            all += 1;
        }
    }
    if all == 0 {
        0.0
    } else {
        right as f64 / all as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toy() -> Vec<Vec<(String, String)>> {
        let s = |pairs: &[(&str, &str)]| {
            pairs
                .iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect()
        };
        vec![
            s(&[("Trump", "NNP"), ("said", "VBD"), ("no", "DT"), (".", ".")]),
            s(&[
                ("Clinton", "NNP"),
                ("said", "VBD"),
                ("yes", "UH"),
                (".", "."),
            ]),
            s(&[
                ("The", "DT"),
                ("senator", "NN"),
                ("says", "VBZ"),
                ("no", "DT"),
                (".", "."),
            ]),
        ]
    }

    #[test]
    fn learns_toy_data_deterministically() {
        let a = train(&toy(), 10, 7, 0.0);
        let b = train(&toy(), 10, 7, 0.0);
        assert_eq!(a, b, "same seed, same model");
        let tagger = PosTagger::from_model(a).unwrap();
        assert!(accuracy(&tagger, &toy()) > 0.99);
    }

    #[test]
    fn model_file_round_trip() {
        let m = train(&toy(), 5, 1, 0.0);
        let bytes = model::encode(ModelKind::PosTagger, &m);
        let back: PosModel = model::decode(ModelKind::PosTagger, &bytes).unwrap();
        assert_eq!(m, back);
        let mut broken = m;
        broken.weights.offsets.push(99);
        assert!(PosTagger::from_model(broken).is_err());
    }

    #[test]
    fn builtin_tags_a_sentence() {
        let tagger = PosTagger::builtin();
        let forms = [
            "The", "senator", "said", "the", "bill", "would", "pass", ".",
        ];
        let tags: Vec<&str> = tagger
            .tag(&forms)
            .iter()
            .map(|&t| tagger.tags()[t].as_str())
            .collect();
        assert_eq!(tags, ["DT", "NN", "VBD", "DT", "NN", "MD", "VB", "."]);
    }
}
