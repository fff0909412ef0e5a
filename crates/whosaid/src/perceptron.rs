//! The averaged perceptron shared by the learned models: hashed features,
//! a sparse stored weight table, its runtime form (an open-addressing
//! table), and a trainer with lazy averaging.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use serde::{Deserialize, Serialize};

use crate::model::ModelError;

/// A hasher for keys that already are hashes.
#[derive(Default)]
pub(crate) struct IdentityHasher(u64);

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

pub(crate) type FeatureMap<V> = HashMap<u64, V, BuildHasherDefault<IdentityHasher>>;

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

fn fnv(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(FNV_PRIME);
    }
    h
}

/// Hash of a feature: its template id and two string parts. FNV-1a is
/// stable across builds and platforms, so model files stay valid.
pub fn feature(template: u8, a: &str, b: &str) -> u64 {
    let h = fnv(FNV_OFFSET, &[template]);
    let h = fnv(h, a.as_bytes());
    let h = fnv(h, &[0xff]);
    fnv(h, b.as_bytes())
}

/// The shape class of a char for word-shape features: `X`, `x`, `d`, or
/// the char itself.
pub fn shape_class(c: char) -> char {
    if c.is_uppercase() {
        'X'
    } else if c.is_lowercase() {
        'x'
    } else if c.is_numeric() {
        'd'
    } else {
        c
    }
}

/// A compressed word shape of the first 8 chars (`Xx`, `d.d`), written
/// into `out`.
pub fn shape_into(form: &str, out: &mut String) {
    out.clear();
    for c in form.chars().take(8) {
        let s = shape_class(c);
        if !out.ends_with(s) {
            out.push(s);
        }
    }
}

/// The item `k` places from `i` in a sentence, or a boundary marker
/// (`<s>` before it, `</s>` after it), for window features.
pub fn window<T: AsRef<str>>(items: &[T], i: usize, k: isize) -> &str {
    match i.checked_add_signed(k) {
        None => "<s>",
        Some(j) => items.get(j).map_or("</s>", AsRef::as_ref),
    }
}

/// Stored weights: for each feature (sorted hashes), its nonzero class
/// weights.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct SparseTable {
    /// Feature hashes, sorted.
    pub features: Vec<u64>,
    /// `offsets[i]..offsets[i + 1]` indexes `classes`/`weights` of feature `i`.
    pub offsets: Vec<u32>,
    /// Class of each nonzero weight.
    pub classes: Vec<u8>,
    /// The weights.
    pub weights: Vec<f32>,
}

impl SparseTable {
    /// The (class, weight) pairs of feature `i`; none where the table is
    /// inconsistent (stored tables are checked by the runtime tables).
    fn row(&self, i: usize) -> impl Iterator<Item = (u8, f32)> + '_ {
        let a = self.offsets.get(i).copied().unwrap_or(0) as usize;
        let b = self.offsets.get(i + 1).copied().unwrap_or(0) as usize;
        let end = b.min(self.classes.len()).min(self.weights.len());
        (a.min(end)..end).map(move |k| (self.classes[k], self.weights[k]))
    }

    /// The table without weights of magnitude below `min_abs`, and without
    /// the features left with none: a smaller model (and a runtime table
    /// that stays in cache) for a small loss, measured by `whosaid train`.
    pub fn pruned(&self, min_abs: f32) -> SparseTable {
        let mut out = SparseTable {
            offsets: vec![0],
            ..SparseTable::default()
        };
        for (i, &f) in self.features.iter().enumerate() {
            let before = out.weights.len();
            for (c, w) in self.row(i) {
                if w.abs() >= min_abs {
                    out.classes.push(c);
                    out.weights.push(w);
                }
            }
            if out.weights.len() > before {
                out.features.push(f);
                out.offsets.push(out.weights.len() as u32);
            }
        }
        out
    }

    /// The mean of several tables over `n_classes` classes (a feature absent
    /// from a table counts as zero there).
    pub fn average(tables: &[SparseTable], n_classes: usize) -> SparseTable {
        let mut sums: std::collections::BTreeMap<u64, Vec<f32>> = std::collections::BTreeMap::new();
        for t in tables {
            for (i, &f) in t.features.iter().enumerate() {
                let row = sums.entry(f).or_insert_with(|| vec![0.0; n_classes]);
                for (c, w) in t.row(i) {
                    if let Some(x) = row.get_mut(usize::from(c)) {
                        *x += w;
                    }
                }
            }
        }
        let n = tables.len().max(1) as f32;
        let mut out = SparseTable {
            offsets: vec![0],
            ..SparseTable::default()
        };
        for (f, row) in sums {
            for (k, w) in row.into_iter().enumerate() {
                if w != 0.0 {
                    out.classes.push(k as u8);
                    out.weights.push(w / n);
                }
            }
            out.features.push(f);
            out.offsets.push(out.weights.len() as u32);
        }
        out
    }
}

/// Whether a stored table's offsets, classes and weights agree, with
/// classes below `n`.
fn consistent(table: &SparseTable, n: usize) -> bool {
    table.offsets.len() == table.features.len() + 1
        && table.classes.len() == table.weights.len()
        && table.offsets.last().copied().unwrap_or(0) as usize == table.weights.len()
        && table.offsets.windows(2).all(|w| w[0] <= w[1])
        && table.classes.iter().all(|&c| (c as usize) < n)
}

/// The slot holding `key` (never 0), by linear probing from its home slot;
/// none when an empty slot (key 0) comes first. Tables always keep empty
/// slots, so the probe ends.
#[inline]
fn probe<T>(slots: &[T], mask: usize, key: u64, key_of: impl Fn(&T) -> u64) -> Option<&T> {
    let mut at = (key as usize) & mask;
    loop {
        let slot = slots.get(at)?;
        match key_of(slot) {
            k if k == key => return Some(slot),
            0 => return None,
            _ => at = (at + 1) & mask,
        }
    }
}

/// Asks for the slot of every feature before any is read, so the cache
/// misses of a token's features overlap instead of following each other.
#[inline]
fn prefetch_slots<T>(slots: &[T], mask: usize, feats: &[u64]) {
    #[cfg(target_arch = "x86_64")]
    for &f in feats {
        let at = (f.max(1) as usize) & mask;
        if let Some(slot) = slots.get(at) {
            // SAFETY: prefetching is a hint and the reference is valid.
            unsafe {
                use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
                _mm_prefetch::<_MM_HINT_T0>((slot as *const T).cast());
            }
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = (slots, mask, feats);
}

/// A runtime weight table for few classes: open addressing with each
/// feature's key and all its class weights in one slot, so scoring a feature
/// costs one cache miss instead of an index lookup plus a weight-array read.
#[derive(Debug, Clone)]
pub struct DenseWeights<const N: usize> {
    mask: usize,
    slots: Vec<(u64, [f32; N])>,
}

impl<const N: usize> DenseWeights<N> {
    /// Builds the table from validated sparse weights.
    pub fn new(table: &SparseTable) -> Result<Self, ModelError> {
        if !consistent(table, N) {
            return Err(ModelError::Decode("inconsistent weight table".into()));
        }
        // Load factor between 3/8 and 3/4: short probe chains, bounded memory.
        let capacity = (table.features.len() * 4 / 3 + 1)
            .next_power_of_two()
            .max(16);
        let mut slots = vec![(0u64, [0.0f32; N]); capacity];
        let mask = capacity - 1;
        for (i, &f) in table.features.iter().enumerate() {
            let key = f.max(1);
            let mut at = (key as usize) & mask;
            while slots[at].0 != 0 && slots[at].0 != key {
                at = (at + 1) & mask;
            }
            slots[at].0 = key;
            for k in table.offsets[i] as usize..table.offsets[i + 1] as usize {
                slots[at].1[table.classes[k] as usize] += table.weights[k];
            }
        }
        Ok(DenseWeights { mask, slots })
    }

    /// Adds the weights of `feats` to `scores`.
    pub fn add_scores(&self, feats: &[u64], scores: &mut [f32; N]) {
        prefetch_slots(&self.slots, self.mask, feats);
        for &f in feats {
            if let Some(slot) = probe(&self.slots, self.mask, f.max(1), |s| s.0) {
                for (s, w) in scores.iter_mut().zip(&slot.1) {
                    *s += w;
                }
            }
        }
    }
}

/// A runtime weight table for many classes with few nonzero weights per
/// feature (the part-of-speech tagger: 48 tags, ~3 weights a feature): an
/// open-addressing index of 16-byte slots pointing into one packed weight
/// array. A quarter of the dense layout's memory, so it stays in cache.
#[derive(Debug, Clone)]
pub struct SparseWeights<const N: usize> {
    mask: usize,
    /// Feature key (never 0), first entry, entry count.
    slots: Vec<(u64, u32, u32)>,
    /// (class, weight), grouped by feature.
    entries: Vec<(u32, f32)>,
}

impl<const N: usize> SparseWeights<N> {
    /// Builds the table from sparse weights; classes must be below `N`.
    pub fn new(table: &SparseTable) -> Result<Self, ModelError> {
        if table.offsets.len() != table.features.len() + 1
            || table.classes.len() != table.weights.len()
            || table.offsets.last().copied().unwrap_or(0) as usize != table.weights.len()
            || table.offsets.windows(2).any(|w| w[0] > w[1])
            || table.classes.iter().any(|&c| c as usize >= N)
            || table
                .features
                .windows(2)
                .any(|w| w[0].max(1) == w[1].max(1))
        {
            return Err(ModelError::Decode("inconsistent weight table".into()));
        }
        let capacity = (table.features.len() * 2 + 1).next_power_of_two().max(16);
        let mut slots = vec![(0u64, 0u32, 0u32); capacity];
        let mask = capacity - 1;
        let entries = table
            .classes
            .iter()
            .zip(&table.weights)
            .map(|(&c, &w)| (u32::from(c), w))
            .collect();
        for (i, &f) in table.features.iter().enumerate() {
            let key = f.max(1);
            let mut at = (key as usize) & mask;
            while slots[at].0 != 0 {
                at = (at + 1) & mask;
            }
            let (a, b) = (table.offsets[i], table.offsets[i + 1]);
            slots[at] = (key, a, b - a);
        }
        Ok(SparseWeights {
            mask,
            slots,
            entries,
        })
    }

    /// Adds the weights of `feats` to `scores`.
    pub fn add_scores(&self, feats: &[u64], scores: &mut [f32; N]) {
        prefetch_slots(&self.slots, self.mask, feats);
        for &f in feats {
            if let Some(&(_, start, len)) = probe(&self.slots, self.mask, f.max(1), |s| s.0) {
                let start = start as usize;
                for &(c, w) in &self.entries[start..start + len as usize] {
                    scores[c as usize] += w;
                }
            }
        }
    }
}

/// Index of the highest score (the first on ties).
pub fn argmax(scores: &[f32]) -> usize {
    let mut best = 0;
    for (k, &s) in scores.iter().enumerate() {
        if s > scores[best] {
            best = k;
        }
    }
    best
}

/// Averaged perceptron training state, with lazy averaging: each weight
/// keeps a running total and the step it last changed.
pub struct Trainer {
    n: usize,
    rows: FeatureMap<usize>,
    w: Vec<f32>,
    total: Vec<f64>,
    stamp: Vec<u32>,
    step: u32,
}

impl Trainer {
    /// A trainer for `n` classes.
    pub fn new(n: usize) -> Self {
        Trainer {
            n,
            rows: FeatureMap::default(),
            w: Vec::new(),
            total: Vec::new(),
            stamp: Vec::new(),
            step: 0,
        }
    }

    /// Adds the current (not averaged) weights of `feats` to `scores`.
    pub fn add_scores(&self, feats: &[u64], scores: &mut [f32]) {
        for f in feats {
            if let Some(&r) = self.rows.get(f) {
                for (k, x) in scores.iter_mut().enumerate() {
                    *x += self.w[r * self.n + k];
                }
            }
        }
    }

    /// Advances the averaging clock by one example.
    pub fn tick(&mut self) {
        self.step += 1;
    }

    /// Adds `delta` to the weight of each of `feats` for `class`.
    pub fn update(&mut self, feats: &[u64], class: usize, delta: f32) {
        let n = self.n;
        for f in feats {
            let r = *self.rows.entry(*f).or_insert_with(|| {
                let r = self.w.len() / n;
                self.w.resize(self.w.len() + n, 0.0);
                self.total.resize(self.total.len() + n, 0.0);
                self.stamp.resize(self.stamp.len() + n, 0);
                r
            });
            let j = r * n + class;
            self.total[j] += f64::from(self.step - self.stamp[j]) * f64::from(self.w[j]);
            self.stamp[j] = self.step;
            self.w[j] += delta;
        }
    }

    /// The averaged weights, entries of magnitude `min_weight` or more
    /// only, features sorted (so the same training run always writes the
    /// same bytes).
    pub fn finish(self, min_weight: f32) -> SparseTable {
        let mut rows: Vec<(u64, usize)> = self.rows.into_iter().collect();
        rows.sort_unstable();
        let mut out = SparseTable {
            offsets: vec![0],
            ..SparseTable::default()
        };
        let steps = f64::from(self.step.max(1));
        for (f, r) in rows {
            let before = out.weights.len();
            for k in 0..self.n {
                let j = r * self.n + k;
                let t = self.total[j] + f64::from(self.step - self.stamp[j]) * f64::from(self.w[j]);
                let avg = (t / steps) as f32;
                if avg.abs() >= min_weight.max(1e-6) {
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
}

/// Trains a greedy left-to-right tagger (one perceptron decision per token,
/// with the labels predicted so far available to the features), as the
/// part-of-speech and entity taggers are. Deterministic for a seed.
pub fn train_greedy<S>(
    sequences: &[S],
    n_labels: usize,
    epochs: usize,
    seed: u64,
    gold: impl Fn(&S) -> &[usize],
    features: impl Fn(&S, usize, &[usize], &mut Vec<u64>),
) -> SparseTable {
    let mut trainer = Trainer::new(n_labels);
    let mut order: Vec<usize> = (0..sequences.len()).collect();
    let mut rng = Rng::new(seed);
    let mut feats = Vec::new();
    let mut scores = vec![0.0f32; n_labels];
    for _ in 0..epochs {
        rng.shuffle(&mut order);
        for &s in &order {
            let seq = &sequences[s];
            let labels = gold(seq);
            let mut prev: Vec<usize> = Vec::with_capacity(labels.len());
            for (i, &truth) in labels.iter().enumerate() {
                feats.clear();
                features(seq, i, &prev, &mut feats);
                scores.iter_mut().for_each(|x| *x = 0.0);
                trainer.add_scores(&feats, &mut scores);
                let guess = argmax(&scores);
                trainer.tick();
                if guess != truth {
                    trainer.update(&feats, truth, 1.0);
                    trainer.update(&feats, guess, -1.0);
                }
                prev.push(guess);
            }
        }
    }
    trainer.finish(1e-3)
}

/// A small deterministic PRNG (xorshift64*) for shuffling training data.
pub struct Rng(u64);

impl Rng {
    /// A generator for `seed`.
    pub fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// Fisher–Yates shuffle.
    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn averaged_weights_favor_the_trained_class() {
        let mut t = Trainer::new(2);
        let f = [feature(1, "said", "")];
        for _ in 0..3 {
            t.tick();
            t.update(&f, 1, 1.0);
            t.update(&f, 0, -1.0);
        }
        let w = DenseWeights::<2>::new(&t.finish(1e-3)).unwrap();
        let mut s = [0.0; 2];
        w.add_scores(&f, &mut s);
        assert_eq!(argmax(&s), 1);
    }

    #[test]
    fn invalid_tables_are_rejected() {
        let bad = SparseTable {
            features: vec![1],
            offsets: vec![0, 5],
            classes: vec![0],
            weights: vec![1.0],
        };
        assert!(DenseWeights::<2>::new(&bad).is_err());
        let out_of_range = SparseTable {
            features: vec![1],
            offsets: vec![0, 1],
            classes: vec![3],
            weights: vec![1.0],
        };
        assert!(DenseWeights::<2>::new(&out_of_range).is_err());
    }

    #[test]
    fn shuffles_deterministically() {
        let mut a: Vec<u32> = (0..20).collect();
        let mut b = a.clone();
        Rng::new(3).shuffle(&mut a);
        Rng::new(3).shuffle(&mut b);
        assert_eq!(a, b);
        assert_ne!(a, (0..20).collect::<Vec<_>>());
    }

    proptest::proptest! {
        /// Any stored table (consistent or not) becomes a runtime table or
        /// an error, never a panic, and a runtime table scores any features.
        #[test]
        fn any_table_loads_or_fails_cleanly(
            features in proptest::collection::vec(proptest::prelude::any::<u64>(), 0..20),
            offsets in proptest::collection::vec(0u32..40, 0..22),
            classes in proptest::collection::vec(0u8..60, 0..40),
            weights in proptest::collection::vec(-5.0f32..5.0, 0..40),
            feats in proptest::collection::vec(proptest::prelude::any::<u64>(), 0..10),
        ) {
            let mut sorted = features.clone();
            sorted.sort_unstable();
            for features in [features, sorted] {
                let table = SparseTable {
                    features,
                    offsets: offsets.clone(),
                    classes: classes.clone(),
                    weights: weights.clone(),
                };
                if let Ok(w) = SparseWeights::<48>::new(&table) {
                    w.add_scores(&feats, &mut [0.0; 48]);
                    w.add_scores(&table.features, &mut [0.0; 48]);
                }
                if let Ok(w) = DenseWeights::<7>::new(&table) {
                    w.add_scores(&feats, &mut [0.0; 7]);
                    w.add_scores(&table.features, &mut [0.0; 7]);
                }
                let _ = table.pruned(1.0);
            }
        }
    }
}
