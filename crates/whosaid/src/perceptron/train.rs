//! Training: the averaged perceptron with lazy averaging, greedy sequence
//! training, a deterministic shuffle.

use super::{argmax, FeatureMap, SparseTable};

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

    /// A number in `0..n` (`n` > 0; slightly biased for huge `n`).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    /// Fisher–Yates shuffle.
    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}
