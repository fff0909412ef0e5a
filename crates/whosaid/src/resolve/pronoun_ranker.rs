//! The antecedent ranker for `he`/`she` sources: a linear score over
//! features of each candidate person, learned with an averaged perceptron
//! on PolNeAR train's gold pronoun sources labelled by the silver
//! coreference chains (`whosaid train pronouns`), shipped as
//! `models/pronouns.bin`.
//!
//! Hard constraints stay outside the score: only people whose gender fits
//! are candidates, and a person named only inside quotes is none unless the
//! pronoun is quoted too.

use serde::{Deserialize, Serialize};

use crate::model::{self, ModelError, ModelKind};

/// Features of one candidate, in this order (see [`FEATURE_NAMES`]).
pub const FEATURES: usize = 12;

/// What each feature measures; recency weights are `1 / (1 + sentences
/// back)` over the mentions of the last [`super::pronouns::SALIENCE_SENTENCES`].
pub const FEATURE_NAMES: [&str; FEATURES] = [
    "mentions outside quotes, by recency",
    "mentions inside quotes, by recency",
    "mentions as a clause's subject, by recency",
    "mentions in the possessive, by recency",
    "nearest mention's recency",
    "nearest mention is a subject",
    "speaker of the previous attribution",
    "unnamed speaker of the previous attribution",
    "gender known and fitting",
    "mentions before in the document (log)",
    "speaker of an earlier attribution",
    "the person mentioned last",
];

/// Feature values of one candidate.
pub type Features = [f32; FEATURES];

/// The ranker's weights.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PronounRanker {
    weights: Vec<f32>,
}

/// One training case: the candidates' features and which one the chain
/// names.
#[derive(Debug, Clone)]
pub struct PronounExample {
    /// Features of every candidate.
    pub candidates: Vec<Features>,
    /// Index of the right candidate.
    pub gold: usize,
}

const BUILTIN: &[u8] = include_bytes!("../../models/pronouns.bin");

impl Default for PronounRanker {
    fn default() -> Self {
        Self::builtin()
    }
}

impl PronounRanker {
    /// The ranker shipped with the crate; the hand-set weights when the
    /// shipped file is empty (before the first `whosaid train pronouns`).
    pub fn builtin() -> Self {
        if BUILTIN.is_empty() {
            return Self::hand_weights();
        }
        Self::from_bytes(BUILTIN).unwrap_or_else(|_| Self::hand_weights())
    }

    /// Weights set by hand, the rules this ranker replaces: salience, with
    /// quotes and possessives discounted, subjects counted twice and the
    /// previous speaker favored.
    pub fn hand_weights() -> Self {
        let mut w = vec![0.0; FEATURES];
        w[0] = 1.0;
        w[1] = 0.3;
        w[2] = 1.0;
        w[3] = -0.5;
        w[6] = 0.5;
        w[7] = 0.5;
        PronounRanker { weights: w }
    }

    /// A ranker from a model file's bytes.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, ModelError> {
        let r: PronounRanker = model::decode(ModelKind::PronounRanker, bytes)?;
        if r.weights.len() != FEATURES || r.weights.iter().any(|w| !w.is_finite()) {
            return Err(ModelError::Decode(format!(
                "pronoun ranker has {} weights, expected {FEATURES} finite ones",
                r.weights.len()
            )));
        }
        Ok(r)
    }

    /// The model file's bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        model::encode(ModelKind::PronounRanker, self)
    }

    /// A candidate's score.
    pub fn score(&self, f: &Features) -> f32 {
        self.weights.iter().zip(f).map(|(w, x)| w * x).sum()
    }

    /// The best candidate, the first among equals.
    pub fn best(&self, candidates: &[Features]) -> Option<usize> {
        let mut best: Option<(usize, f32)> = None;
        for (i, f) in candidates.iter().enumerate() {
            let s = self.score(f);
            if best.is_none_or(|(_, b)| s > b) {
                best = Some((i, s));
            }
        }
        best.map(|(i, _)| i)
    }

    /// Trains by averaged perceptron over `epochs` passes in the given
    /// order (deterministic), starting from the hand weights.
    pub fn train(examples: &[PronounExample], epochs: usize) -> Self {
        let mut w = Self::hand_weights().weights;
        let mut total = [0.0f64; FEATURES];
        let mut steps = 0u64;
        for _ in 0..epochs {
            for ex in examples {
                let current = PronounRanker { weights: w.clone() };
                if let Some(pick) = current.best(&ex.candidates) {
                    if pick != ex.gold && ex.gold < ex.candidates.len() {
                        for (k, wk) in w.iter_mut().enumerate() {
                            *wk += ex.candidates[ex.gold][k] - ex.candidates[pick][k];
                        }
                    }
                }
                for (t, wk) in total.iter_mut().zip(&w) {
                    *t += f64::from(*wk);
                }
                steps += 1;
            }
        }
        let weights = if steps == 0 {
            w
        } else {
            total.iter().map(|t| (t / steps as f64) as f32).collect()
        };
        PronounRanker { weights }
    }

    /// Share of examples whose right candidate the ranker picks.
    pub fn accuracy(&self, examples: &[PronounExample]) -> f64 {
        let right = examples
            .iter()
            .filter(|ex| self.best(&ex.candidates) == Some(ex.gold))
            .count();
        right as f64 / examples.len().max(1) as f64
    }

    /// The weights by feature name, for reports.
    pub fn weights(&self) -> impl Iterator<Item = (&'static str, f32)> + '_ {
        FEATURE_NAMES
            .iter()
            .copied()
            .zip(self.weights.iter().copied())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn training_learns_to_pick_the_labelled_candidate() {
        // The right candidate is always the one with feature 5 set, which
        // the hand weights ignore.
        let mut a = [0.0; FEATURES];
        a[0] = 1.0;
        let mut b = [0.0; FEATURES];
        b[0] = 0.5;
        b[5] = 1.0;
        let examples = vec![
            PronounExample {
                candidates: vec![a, b],
                gold: 1,
            };
            20
        ];
        assert_eq!(PronounRanker::hand_weights().accuracy(&examples), 0.0);
        let r = PronounRanker::train(&examples, 5);
        assert_eq!(r.accuracy(&examples), 1.0);
    }

    #[test]
    fn model_files_round_trip_and_bad_ones_are_refused() {
        let r = PronounRanker::hand_weights();
        assert_eq!(PronounRanker::from_bytes(&r.to_bytes()).unwrap(), r);
        let short = PronounRanker { weights: vec![1.0] };
        assert!(PronounRanker::from_bytes(&short.to_bytes()).is_err());
        assert!(PronounRanker::from_bytes(b"WHOSAIDM").is_err());
    }
}
