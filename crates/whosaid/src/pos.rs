//! Part-of-speech tagging: an averaged perceptron over Penn Treebank tags,
//! trained on PolNeAR's silver CoreNLP tags.
//!
//! Greedy left-to-right decoding with the two previous tags as features
//! (Collins 2002; the feature set follows the classic "perceptron tagger").
//! Features are hashed to `u64` with FNV-1a, which is stable across builds
//! and platforms, so model files stay valid.
//!
//! The stored form, [`PosModel`], is a sparse table (feature → nonzero class
//! weights) framed by [`crate::model`]; [`PosTagger`] is the runtime form, a
//! hash map from feature to a slice of that table.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use serde::{Deserialize, Serialize};

use crate::model::{self, ModelError, ModelKind};

/// The tagger shipped with the crate (`whosaid train pos` rebuilds it).
pub const BUILTIN_MODEL: &[u8] = include_bytes!("../models/pos.bin");

/// Stored model: tags and a sparse weight table.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct PosModel {
    /// Tag names; class `k` is `tags[k]`.
    pub tags: Vec<String>,
    /// Feature hashes, sorted.
    pub features: Vec<u64>,
    /// `offsets[i]..offsets[i + 1]` indexes `classes`/`weights` of feature `i`.
    pub offsets: Vec<u32>,
    /// Class of each nonzero weight.
    pub classes: Vec<u8>,
    /// The weights.
    pub weights: Vec<f32>,
}

/// A hasher for keys that already are hashes.
#[derive(Default)]
struct IdentityHasher(u64);

impl Hasher for IdentityHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type FeatureMap<V> = HashMap<u64, V, BuildHasherDefault<IdentityHasher>>;

/// The runtime tagger.
#[derive(Debug, Clone)]
pub struct PosTagger {
    tags: Vec<String>,
    index: FeatureMap<(u32, u32)>,
    classes: Vec<u8>,
    weights: Vec<f32>,
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

fn fnv(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(FNV_PRIME);
    }
    h
}

/// Hash of a feature: its template id and up to two string parts.
fn feature(template: u8, a: &str, b: &str) -> u64 {
    let h = fnv(FNV_OFFSET, &[template]);
    let h = fnv(h, a.as_bytes());
    let h = fnv(h, &[0xff]);
    fnv(h, b.as_bytes())
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
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
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
    let w = |k: isize| -> &str {
        let j = i as isize + k;
        if j < 0 {
            "<s>"
        } else {
            words.get(j as usize).map_or("</s>", String::as_str)
        }
    };
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
        let bad = |why: &str| ModelError::Decode(why.to_string());
        if m.offsets.len() != m.features.len() + 1
            || m.classes.len() != m.weights.len()
            || m.offsets.last().copied().unwrap_or(0) as usize != m.weights.len()
            || m.offsets.windows(2).any(|w| w[0] > w[1])
        {
            return Err(bad("inconsistent weight table"));
        }
        if m.tags.is_empty() || m.classes.iter().any(|&c| c as usize >= m.tags.len()) {
            return Err(bad("class out of range"));
        }
        let mut index = FeatureMap::default();
        for (i, &f) in m.features.iter().enumerate() {
            index.insert(f, (m.offsets[i], m.offsets[i + 1]));
        }
        Ok(PosTagger {
            tags: m.tags,
            index,
            classes: m.classes,
            weights: m.weights,
        })
    }

    /// Tag names.
    pub fn tags(&self) -> &[String] {
        &self.tags
    }

    fn best(&self, feats: &[u64], scores: &mut [f32]) -> usize {
        scores.iter_mut().for_each(|s| *s = 0.0);
        for f in feats {
            if let Some(&(a, b)) = self.index.get(f) {
                for k in a as usize..b as usize {
                    scores[self.classes[k] as usize] += self.weights[k];
                }
            }
        }
        argmax(scores)
    }

    /// Tags one sentence of word forms; returns tag indices.
    pub fn tag(&self, forms: &[&str]) -> Vec<usize> {
        let words: Vec<String> = forms.iter().map(|f| normalize(f)).collect();
        let mut scores = vec![0.0; self.tags.len()];
        let mut feats = Vec::with_capacity(16);
        let mut out = Vec::with_capacity(forms.len());
        for i in 0..forms.len() {
            let p1 = out.last().map_or("<s>", |&t: &usize| self.tags[t].as_str());
            let p2 = out
                .len()
                .checked_sub(2)
                .map_or("<s>", |k| self.tags[out[k]].as_str());
            features(&words, forms, i, p1, p2, &mut feats);
            out.push(self.best(&feats, &mut scores));
        }
        out
    }
}

fn argmax(scores: &[f32]) -> usize {
    let mut best = 0;
    for (k, &s) in scores.iter().enumerate() {
        if s > scores[best] {
            best = k;
        }
    }
    best
}

/// A small deterministic PRNG (xorshift64*) for shuffling training data.
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }
    pub(crate) fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    pub(crate) fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

/// Trains a tagger on sentences of `(form, tag)`; deterministic for a seed.
pub fn train(sentences: &[Vec<(String, String)>], epochs: usize, seed: u64) -> PosModel {
    let mut tags: Vec<String> = sentences
        .iter()
        .flatten()
        .map(|(_, t)| t.clone())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    tags.truncate(255);
    let tag_id: HashMap<&str, usize> = tags
        .iter()
        .enumerate()
        .map(|(i, t)| (t.as_str(), i))
        .collect();
    let n = tags.len();
    // Averaged perceptron with lazy averaging: weights, running totals and
    // the step each weight last changed.
    let mut rows: FeatureMap<usize> = FeatureMap::default();
    let mut w: Vec<f32> = Vec::new();
    let mut total: Vec<f64> = Vec::new();
    let mut stamp: Vec<u32> = Vec::new();
    let mut step: u32 = 0;
    let mut order: Vec<usize> = (0..sentences.len()).collect();
    let mut rng = Rng::new(seed);
    let mut feats = Vec::new();
    let mut scores = vec![0.0f32; n];
    for _ in 0..epochs {
        rng.shuffle(&mut order);
        for &s in &order {
            let sent = &sentences[s];
            let forms: Vec<&str> = sent.iter().map(|(f, _)| f.as_str()).collect();
            let words: Vec<String> = forms.iter().map(|f| normalize(f)).collect();
            let mut prev: Vec<usize> = Vec::with_capacity(sent.len());
            for (i, (_, gold)) in sent.iter().enumerate() {
                let p1 = prev.last().map_or("<s>", |&t| tags[t].as_str());
                let p2 = prev
                    .len()
                    .checked_sub(2)
                    .map_or("<s>", |k| tags[prev[k]].as_str());
                features(&words, &forms, i, p1, p2, &mut feats);
                scores.iter_mut().for_each(|x| *x = 0.0);
                for f in &feats {
                    if let Some(&r) = rows.get(f) {
                        for (k, x) in scores.iter_mut().enumerate() {
                            *x += w[r * n + k];
                        }
                    }
                }
                let guess = argmax(&scores);
                let truth = tag_id.get(gold.as_str()).copied().unwrap_or(0);
                step += 1;
                if guess != truth {
                    for f in &feats {
                        let r = *rows.entry(*f).or_insert_with(|| {
                            w.extend(std::iter::repeat_n(0.0, n));
                            total.extend(std::iter::repeat_n(0.0, n));
                            stamp.extend(std::iter::repeat_n(0, n));
                            w.len() / n - 1
                        });
                        for (k, delta) in [(truth, 1.0f32), (guess, -1.0f32)] {
                            let j = r * n + k;
                            total[j] += f64::from(step - stamp[j]) * f64::from(w[j]);
                            stamp[j] = step;
                            w[j] += delta;
                        }
                    }
                }
                prev.push(guess);
            }
        }
    }
    // Average, keep nonzero weights, sort features for a deterministic file.
    let mut feature_rows: Vec<(u64, usize)> = rows.into_iter().collect();
    feature_rows.sort_unstable();
    let mut out = PosModel {
        tags,
        features: Vec::new(),
        offsets: vec![0],
        classes: Vec::new(),
        weights: Vec::new(),
    };
    for (f, r) in feature_rows {
        let before = out.weights.len();
        for k in 0..n {
            let j = r * n + k;
            let t = total[j] + f64::from(step - stamp[j]) * f64::from(w[j]);
            let avg = (t / f64::from(step.max(1))) as f32;
            if avg.abs() >= 1e-3 {
                out.classes.push(k as u8);
                out.weights.push(avg);
            }
        }
        if out.weights.len() > before {
            out.features.push(f);
            out.offsets.push(out.weights.len() as u32);
        }
    }
    out
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
        let a = train(&toy(), 10, 7);
        let b = train(&toy(), 10, 7);
        assert_eq!(a, b, "same seed, same model");
        let tagger = PosTagger::from_model(a).unwrap();
        assert!(accuracy(&tagger, &toy()) > 0.99);
    }

    #[test]
    fn model_file_round_trip() {
        let m = train(&toy(), 5, 1);
        let bytes = model::encode(ModelKind::PosTagger, &m);
        let back: PosModel = model::decode(ModelKind::PosTagger, &bytes).unwrap();
        assert_eq!(m, back);
        let mut broken = m;
        broken.offsets.push(99);
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
