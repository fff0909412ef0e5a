//! Part-of-speech tagging: an averaged perceptron over Penn Treebank tags,
//! trained on PolNeAR's silver CoreNLP tags.
//!
//! Greedy left-to-right decoding with the two previous tags as features
//! (Collins 2002; the feature set follows the classic "perceptron tagger").
//! The perceptron itself (hashed features, sparse weights, averaging) lives
//! in [`crate::perceptron`]. The stored form, [`PosModel`], is framed by
//! [`crate::model`]; [`PosTagger`] is the runtime form.

use std::collections::HashMap;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::model::{self, ModelError, ModelKind};
use crate::perceptron::{
    feat, sym, train_greedy, window_syms, FeatureMap, SparseTable, SparseWeights, WordSyms, NONE,
};
use crate::text::Document;

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

/// The runtime tagger. Cloning it shares its tables (the extractor and
/// the resolver hold one each).
#[derive(Debug, Clone)]
pub struct PosTagger {
    tags: Vec<String>,
    /// [`sym`] of each tag, for the next tokens' features.
    tag_syms: Vec<u64>,
    /// Unambiguous forms by [`sym`].
    unambiguous: Arc<FeatureMap<u8>>,
    weights: Arc<SparseWeights<MAX_TAGS>>,
    /// The sums of the bias and the [`tag_features`] for every pair of
    /// previous tags, at `(p2 + 1) * (tags + 1) + p1 + 1` (0 for the start
    /// of a sentence): three of a token's sixteen lookups, and the longest
    /// rows, read as one row of the table (≤ 461 KB, the pairs that occur
    /// are a few hundred).
    tag_pair_sums: Arc<Vec<[i32; MAX_TAGS]>>,
}

/// Every token of a document as the taggers read it, computed once and
/// shared by the attribution and entity taggers and by resolution.
#[derive(Debug, Clone, Default)]
pub struct TaggedTokens<'t> {
    /// Each token's [`WordSyms`].
    pub words: Vec<WordSyms>,
    /// Each token's POS tag.
    pub tags: Vec<&'t str>,
    /// [`sym`] of each token's POS tag.
    pub tag_syms: Vec<u64>,
    /// Each token's POS tag as an index into [`PosTagger::tags`].
    pub tag_ids: Vec<u8>,
}

/// The previous tag before a sentence's first tokens.
const START: u64 = sym("<s>");

/// The normalized word form used in features.
pub fn normalize(form: &str) -> String {
    let mut out = String::new();
    normalize_into(form, &mut out);
    out
}

/// [`normalize`] into a reused buffer.
pub fn normalize_into(form: &str, out: &mut String) {
    out.clear();
    let fixed = match form {
        "``" | "''" | "\"" | "“" | "”" | "„" | "«" | "»" => "\"",
        "-LRB-" => "(",
        "-RRB-" => ")",
        "‘" | "`" => "'",
        _ if !form.is_empty() && form.bytes().all(|b| b.is_ascii_digit()) => {
            if form.len() == 4 {
                "!YEAR"
            } else {
                "!DIGITS"
            }
        }
        _ if form.is_ascii() => {
            out.push_str(form);
            out.make_ascii_lowercase();
            return;
        }
        _ => {
            out.extend(
                form.chars()
                    .map(|c| if c == '’' { '\'' } else { c })
                    .flat_map(char::to_lowercase),
            );
            return;
        }
    };
    out.push_str(fixed);
}

/// Whether [`normalize_into`] gives the form's ASCII lowercase (most
/// tokens): then [`WordSyms::of_lowercase`] hashes it without a copy.
fn normalizes_to_lowercase(form: &str) -> bool {
    form.is_ascii()
        && !matches!(form, "``" | "''" | "\"" | "-LRB-" | "-RRB-" | "`")
        && (form.is_empty() || !form.bytes().all(|b| b.is_ascii_digit()))
}

/// The [`WordSyms`] of each form, normalizing through one buffer.
pub fn word_syms<'f>(forms: impl IntoIterator<Item = &'f str>) -> Vec<WordSyms> {
    let mut buf = String::new();
    forms
        .into_iter()
        .map(|f| {
            if normalizes_to_lowercase(f) {
                return WordSyms::of_lowercase(f);
            }
            normalize_into(f, &mut buf);
            WordSyms::new(f, &buf)
        })
        .collect()
}

/// Features of token `i` given the sentence's words and the previous two
/// tags (as [`sym`]s), in training's order.
fn features(words: &[WordSyms], i: usize, p1: u64, p2: u64, out: &mut Vec<u64>) {
    let [f1, f2, f3, f4, rest @ ..] = word_features(words, i, p1);
    out.clear();
    out.extend([feat(0, NONE, NONE), f1, f2, f3, f4]);
    out.extend(tag_features(p1, p2));
    out.extend(rest);
}

/// The features that read the previous two tags alone: the runtime tagger
/// reads their sums per pair of tags from [`PosTagger::tag_pair_sums`].
fn tag_features(p1: u64, p2: u64) -> [u64; 2] {
    [feat(5, p1, NONE), feat(6, p2, p1)]
}

/// The features that read the token's words (the previous tag with the word
/// among them), all of [`features`] but the bias and [`tag_features`].
fn word_features(words: &[WordSyms], i: usize, p1: u64) -> [u64; 13] {
    let w = |k: isize| window_syms(words, i, k);
    let (w0, before, after) = (w(0), w(-1), w(1));
    [
        feat(1, w0.word, NONE),
        feat(2, w0.suffix3, NONE),
        feat(3, w0.prefix1, NONE),
        feat(4, w0.long_shape, NONE),
        feat(7, p1, w0.word),
        feat(8, before.word, NONE),
        feat(9, before.suffix3, NONE),
        feat(10, after.word, NONE),
        feat(11, after.suffix3, NONE),
        feat(12, w(-2).word, NONE),
        feat(13, w(2).word, NONE),
        feat(14, w0.suffix2, NONE),
        feat(15, w0.word, after.word),
    ]
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
        let unambiguous = m.unambiguous.iter().map(|(w, t)| (sym(w), *t)).collect();
        let tag_syms: Vec<u64> = m.tags.iter().map(|t| sym(t)).collect();
        let before: Vec<u64> = std::iter::once(START)
            .chain(tag_syms.iter().copied())
            .collect();
        let bias = feat(0, NONE, NONE);
        let tag_pair_sums = before
            .iter()
            .flat_map(|&p2| before.iter().map(move |&p1| (p2, p1)))
            .map(|(p2, p1)| {
                let [f5, f6] = tag_features(p1, p2);
                weights.sums(&[bias, f5, f6])
            })
            .collect();
        Ok(PosTagger {
            tag_syms,
            tags: m.tags,
            unambiguous: Arc::new(unambiguous),
            weights: Arc::new(weights),
            tag_pair_sums: Arc::new(tag_pair_sums),
        })
    }

    /// Tag names.
    pub fn tags(&self) -> &[String] {
        &self.tags
    }

    /// [`sym`] of each tag, in class order.
    pub fn tag_syms(&self) -> &[u64] {
        &self.tag_syms
    }

    /// Tags every sentence of a document.
    pub fn tag_document(&self, doc: &Document) -> TaggedTokens<'_> {
        let n = doc.tokens.len();
        let words = word_syms((0..n).map(|i| doc.token_text(i)));
        let mut tags = vec![""; n];
        let mut tag_syms = vec![NONE; n];
        let mut tag_ids = vec![0; n];
        let mut found = Vec::new();
        for s in &doc.sentences {
            self.tag_words(&words[s.tokens.clone()], &mut found);
            for (k, &t) in found.iter().enumerate() {
                tags[s.tokens.start + k] = self.tags[t].as_str();
                tag_syms[s.tokens.start + k] = self.tag_syms[t];
                tag_ids[s.tokens.start + k] = t as u8;
            }
        }
        TaggedTokens {
            words,
            tags,
            tag_syms,
            tag_ids,
        }
    }

    /// Tags one sentence of word forms; returns tag indices.
    pub fn tag(&self, forms: &[&str]) -> Vec<usize> {
        let mut out = Vec::with_capacity(forms.len());
        self.tag_words(&word_syms(forms.iter().copied()), &mut out);
        out
    }

    /// Tags one sentence given its tokens' [`WordSyms`], appending tag
    /// indices to `out` (cleared first).
    pub fn tag_words(&self, words: &[WordSyms], out: &mut Vec<usize>) {
        out.clear();
        let n = self.tags.len();
        for (i, w) in words.iter().enumerate() {
            if let Some(&t) = self.unambiguous.get(&w.form) {
                out.push(usize::from(t));
                continue;
            }
            // The tag `back` tokens before as an index, 0 before the sentence.
            let before = |back: usize| out.len().checked_sub(back).map_or(0, |k| out[k] + 1);
            let (p1, p2) = (before(1), before(2));
            let p1_sym = p1.checked_sub(1).map_or(START, |t| self.tag_syms[t]);
            let pair = self.tag_pair_sums.get(p2 * (n + 1) + p1);
            let feats = word_features(words, i, p1_sym);
            out.push(
                self.weights
                    .best_class_with(pair.unwrap_or(&[0; MAX_TAGS]), &feats, n),
            );
        }
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
        words: Vec<WordSyms>,
        gold: Vec<usize>,
    }
    let prepared: Vec<Prepared> = sentences
        .iter()
        .map(|sent| Prepared {
            words: word_syms(sent.iter().map(|(f, _)| f.as_str())),
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
            let tag = |back: usize| {
                prev.len()
                    .checked_sub(back)
                    .map_or(START, |k| sym(&tags[prev[k]]))
            };
            features(&p.words, i, tag(1), tag(2), out);
        },
    );
    let mut seen: HashMap<&str, HashMap<usize, usize>> = HashMap::new();
    for (sent, p) in sentences.iter().zip(&prepared) {
        for ((f, _), &t) in sent.iter().zip(&p.gold) {
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

    /// Tags as training scores them: all sixteen features hashed, without
    /// the table of tag pairs.
    fn tag_with_hashed_features(tagger: &PosTagger, words: &[WordSyms]) -> Vec<usize> {
        let mut out: Vec<usize> = Vec::new();
        let mut feats = Vec::new();
        for (i, w) in words.iter().enumerate() {
            if let Some(&t) = tagger.unambiguous.get(&w.form) {
                out.push(usize::from(t));
                continue;
            }
            let tag = |back: usize| {
                out.len()
                    .checked_sub(back)
                    .map_or(START, |k| tagger.tag_syms[out[k]])
            };
            features(words, i, tag(1), tag(2), &mut feats);
            out.push(tagger.weights.best_class(&feats, tagger.tags.len()));
        }
        out
    }

    #[test]
    fn tag_pair_table_tags_as_hashed_features_do() {
        let tagger = PosTagger::builtin();
        let doc = Document::new(include_str!("../../../examples/nato-rutte.txt"));
        let tagged = tagger.tag_document(&doc);
        for s in &doc.sentences {
            let words = &tagged.words[s.tokens.clone()];
            let expected = tag_with_hashed_features(&tagger, words);
            let found: Vec<usize> = tagged.tag_ids[s.tokens.clone()]
                .iter()
                .map(|&t| usize::from(t))
                .collect();
            assert_eq!(found, expected);
        }
    }

    proptest::proptest! {
        #[test]
        fn tag_pair_table_agrees_on_any_word_sequence(
            picks in proptest::collection::vec(0usize..24, 1..30)
        ) {
            const WORDS: [&str; 24] = [
                "The", "senator", "said", "that", "it", "would", "pass", ".", "run", "runs",
                "Smith", "told", "reporters", "on", "Friday", ",", "\u{201c}", "we", "will",
                "win", "up", "light", "3.2", "Running",
            ];
            let tagger = PosTagger::builtin();
            let words = word_syms(picks.iter().map(|&k| WORDS[k]));
            let mut found = Vec::new();
            tagger.tag_words(&words, &mut found);
            proptest::prop_assert_eq!(found, tag_with_hashed_features(&tagger, &words));
        }
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
