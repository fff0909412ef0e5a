//! Dependency parsing: a greedy arc-hybrid transition parser ([`state`])
//! scored by an averaged perceptron over hashed features ([`features`]),
//! trained with a dynamic oracle and exploration (Goldberg & Nivre 2013)
//! on PolNeAR's silver CoreNLP basic dependencies; arcs are labeled
//! afterwards by a second perceptron. The stored form is [`ParseModel`]
//! (framed by [`crate::model`]); [`DepParser`] is the runtime form.
//!
//! Input is a sentence's words and part-of-speech tags as [`TokenSyms`];
//! output each token's head (the sentence's length for a root) and label.

mod features;
mod state;

use std::collections::HashMap;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

pub use features::TokenSyms;
use features::{label_features, transition_features};
pub use state::{Move, State, MOVES, NO};

use crate::conllu::ConllToken;
use crate::model::{self, ModelError, ModelKind};
use crate::perceptron::{argmax, sym, DenseWeights, Rng, SparseTable, SparseWeights, Trainer};
use crate::pos::{word_syms, PosTagger, TaggedTokens};
use crate::text::Document;

/// Most arc labels a model may have (CoreNLP's basic dependencies use
/// about 45).
pub const MAX_LABELS: usize = 64;

/// Weights below this magnitude are dropped from the trained model.
pub const PRUNE_BELOW: f32 = 2.0;

/// Stored model: arc labels, transition weights, label weights.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ParseModel {
    /// Label names; class `k` of `arcs` is `labels[k]`.
    pub labels: Vec<String>,
    /// Weights of the three transitions ([`Move`] order).
    pub moves: SparseTable,
    /// Weights of the arc labels.
    pub arcs: SparseTable,
}

/// The runtime parser. Cloning it shares its tables.
#[derive(Debug, Clone)]
pub struct DepParser {
    labels: Vec<String>,
    moves: Arc<DenseWeights<MOVES>>,
    arcs: Arc<SparseWeights<MAX_LABELS>>,
}

/// Buffers reused from sentence to sentence.
#[derive(Debug, Default)]
pub struct Scratch {
    state: State,
    feats: Vec<u64>,
    tokens: Vec<TokenSyms>,
    arcs: Vec<Dependency>,
}

/// One token's parse.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dependency {
    /// The head's index in the sentence; the sentence's length for a root.
    pub head: u32,
    /// The label's index in [`DepParser::labels`].
    pub label: u8,
}

/// The arc of a token whose sentence was not parsed: no head, and a label
/// past every model's labels.
pub const UNPARSED: Dependency = Dependency {
    head: NO,
    label: u8::MAX,
};

impl DepParser {
    /// Loads a parser from model file bytes.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, ModelError> {
        Self::from_model(model::decode(ModelKind::DependencyParser, bytes)?)
    }

    /// Builds the runtime form of a stored model.
    pub fn from_model(m: ParseModel) -> Result<Self, ModelError> {
        if m.labels.is_empty() || m.labels.len() > MAX_LABELS {
            return Err(ModelError::Decode("bad label set".into()));
        }
        if m.moves.classes.iter().any(|&c| usize::from(c) >= MOVES)
            || m.arcs
                .classes
                .iter()
                .any(|&c| usize::from(c) >= m.labels.len())
        {
            return Err(ModelError::Decode("class out of range".into()));
        }
        Ok(DepParser {
            moves: Arc::new(DenseWeights::new(&m.moves)?),
            arcs: Arc::new(SparseWeights::new(&m.arcs)?),
            labels: m.labels,
        })
    }

    /// Label names.
    pub fn labels(&self) -> &[String] {
        &self.labels
    }

    /// Parses one sentence, writing each token's arc to `out` (cleared).
    pub fn parse(&self, tokens: &[TokenSyms], scratch: &mut Scratch, out: &mut Vec<Dependency>) {
        out.clear();
        let n = tokens.len();
        let st = &mut scratch.state;
        st.reset(n);
        while !st.done() {
            transition_features(st, tokens, &mut scratch.feats);
            let mut scores = [0.0f32; MOVES];
            self.moves.add_scores(&scratch.feats, &mut scores);
            let m = best_legal(st, &scores);
            st.apply(m);
        }
        let n_labels = self.labels.len();
        for d in 0..n {
            let head = st.heads[d].min(n as u32);
            label_features(tokens, head, d as u32, &mut scratch.feats);
            let mut scores = [0.0f32; MAX_LABELS];
            self.arcs.add_scores(&scratch.feats, &mut scores);
            out.push(Dependency {
                head,
                label: argmax(&scores[..n_labels]) as u8,
            });
        }
    }
}

impl DepParser {
    /// Parses every sentence of a document, as the taggers read it,
    /// writing each token's arc to `out` (cleared): heads are document
    /// token indices, [`NO`] for a sentence's roots.
    pub fn parse_document(
        &self,
        doc: &Document,
        tagged: &TaggedTokens<'_>,
        scratch: &mut Scratch,
        out: &mut Vec<Dependency>,
    ) {
        self.parse_sentences(doc, tagged, |_| true, scratch, out);
    }

    /// [`DepParser::parse_document`] for the sentences `wanted` picks (by
    /// index); the tokens of the others get [`UNPARSED`].
    pub fn parse_sentences(
        &self,
        doc: &Document,
        tagged: &TaggedTokens<'_>,
        wanted: impl Fn(usize) -> bool,
        scratch: &mut Scratch,
        out: &mut Vec<Dependency>,
    ) {
        out.clear();
        let mut tokens = std::mem::take(&mut scratch.tokens);
        let mut arcs = std::mem::take(&mut scratch.arcs);
        for (s, sentence) in doc.sentences.iter().enumerate() {
            let range = sentence.tokens.clone();
            if !wanted(s) {
                out.extend(range.map(|_| UNPARSED));
                continue;
            }
            tokens.clear();
            tokens.extend(range.clone().map(|i| TokenSyms {
                word: tagged.words[i].word,
                tag: tagged.tag_syms[i],
                suffix: tagged.words[i].suffix3,
            }));
            self.parse(&tokens, scratch, &mut arcs);
            let n = tokens.len() as u32;
            out.extend(arcs.iter().map(|a| Dependency {
                head: if a.head >= n {
                    NO
                } else {
                    a.head + range.start as u32
                },
                label: a.label,
            }));
        }
        scratch.tokens = tokens;
        scratch.arcs = arcs;
    }
}

/// The legal move with the best score (SHIFT, LEFT, RIGHT on ties).
fn best_legal(st: &State, scores: &[f32; MOVES]) -> Move {
    let mut best = None;
    for m in Move::ALL {
        if st.legal(m) && best.is_none_or(|b: Move| scores[m as usize] > scores[b as usize]) {
            best = Some(m);
        }
    }
    best.unwrap_or(Move::Right)
}

/// The parser's input for a sentence: normalized words and tags.
pub fn token_syms(forms: &[&str], tags: &[&str]) -> Vec<TokenSyms> {
    word_syms(forms.iter().copied())
        .iter()
        .zip(tags)
        .map(|(w, t)| TokenSyms {
            word: w.word,
            tag: sym(t),
            suffix: w.suffix3,
        })
        .collect()
}

/// A silver sentence prepared for training or scoring: tokens as the
/// parser reads them (tags from our own tagger, as at run time), gold
/// heads (`n` for roots) and labels.
struct Prepared {
    tokens: Vec<TokenSyms>,
    heads: Vec<u32>,
    dependents: Vec<Vec<u32>>,
    labels: Vec<usize>,
    punct: Vec<bool>,
}

fn prepare(sentence: &[ConllToken], pos: &PosTagger, label_id: &HashMap<&str, usize>) -> Prepared {
    let n = sentence.len();
    let forms: Vec<&str> = sentence.iter().map(|t| t.form.as_str()).collect();
    let tags: Vec<&str> = pos
        .tag(&forms)
        .iter()
        .map(|&t| pos.tags()[t].as_str())
        .collect();
    let heads: Vec<u32> = sentence
        .iter()
        .map(|t| match t.head {
            0 => n as u32,
            h if h <= n => (h - 1) as u32,
            _ => n as u32,
        })
        .collect();
    let mut dependents = vec![Vec::new(); n + 1];
    for (d, &h) in heads.iter().enumerate() {
        dependents[h as usize].push(d as u32);
    }
    Prepared {
        tokens: token_syms(&forms, &tags),
        heads,
        dependents,
        labels: sentence
            .iter()
            .map(|t| label_id.get(t.deprel.as_str()).copied().unwrap_or(0))
            .collect(),
        punct: sentence
            .iter()
            .map(|t| {
                matches!(
                    t.xpos.as_str(),
                    "``" | "''" | "," | "." | ":" | "-LRB-" | "-RRB-"
                )
            })
            .collect(),
    }
}

/// Trains a parser on silver sentences, with `pos` tagging them as at run
/// time; deterministic for a seed. `progress` hears about each epoch.
pub fn train(
    sentences: &[Vec<ConllToken>],
    pos: &PosTagger,
    epochs: usize,
    seed: u64,
    prune_below: f32,
    progress: &mut dyn FnMut(&str),
) -> ParseModel {
    let mut labels: Vec<String> = sentences
        .iter()
        .flatten()
        .map(|t| t.deprel.clone())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    labels.truncate(MAX_LABELS);
    let label_id: HashMap<&str, usize> = labels
        .iter()
        .enumerate()
        .map(|(i, l)| (l.as_str(), i))
        .collect();
    let prepared: Vec<Prepared> = sentences
        .iter()
        .filter(|s| !s.is_empty())
        .map(|s| prepare(s, pos, &label_id))
        .collect();
    let mut moves = Trainer::new(MOVES);
    let mut arcs = Trainer::new(labels.len().max(1));
    let mut order: Vec<usize> = (0..prepared.len()).collect();
    let mut rng = Rng::new(seed);
    let mut st = State::default();
    let mut feats = Vec::new();
    let mut label_scores = vec![0.0f32; labels.len().max(1)];
    for epoch in 0..epochs {
        rng.shuffle(&mut order);
        let (mut right, mut all) = (0usize, 0usize);
        for &k in &order {
            let p = &prepared[k];
            st.reset(p.tokens.len());
            while !st.done() {
                transition_features(&st, &p.tokens, &mut feats);
                let mut scores = [0.0f32; MOVES];
                moves.add_scores(&feats, &mut scores);
                let guess = best_legal(&st, &scores);
                let cost = |m: Move| st.cost(m, &p.heads, &p.dependents);
                let least = Move::ALL
                    .into_iter()
                    .filter(|&m| st.legal(m))
                    .map(cost)
                    .min()
                    .unwrap_or(0);
                let mut best = guess;
                let mut best_score = f32::NEG_INFINITY;
                for m in Move::ALL {
                    if st.legal(m) && cost(m) == least && scores[m as usize] > best_score {
                        best = m;
                        best_score = scores[m as usize];
                    }
                }
                moves.tick();
                if cost(guess) > least {
                    moves.update(&feats, best as usize, 1.0);
                    moves.update(&feats, guess as usize, -1.0);
                }
                // After the first epoch, follow the model's own moves nine
                // times in ten: it learns to recover from its mistakes.
                let follow = epoch > 0 && rng.below(10) < 9;
                st.apply(if follow { guess } else { best });
            }
            for d in 0..p.tokens.len() {
                right += usize::from(st.heads[d] == p.heads[d]);
                all += 1;
                label_features(&p.tokens, p.heads[d], d as u32, &mut feats);
                label_scores.iter_mut().for_each(|x| *x = 0.0);
                arcs.add_scores(&feats, &mut label_scores);
                let guess = argmax(&label_scores);
                arcs.tick();
                if guess != p.labels[d] {
                    arcs.update(&feats, p.labels[d], 1.0);
                    arcs.update(&feats, guess, -1.0);
                }
            }
        }
        progress(&format!(
            "epoch {}/{epochs}: training heads {:.1}% right",
            epoch + 1,
            100.0 * right as f64 / all.max(1) as f64
        ));
    }
    ParseModel {
        labels,
        moves: moves.finish(prune_below),
        arcs: arcs.finish(prune_below),
    }
}

/// Attachment scores against silver trees.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Attachment {
    /// Tokens scored (punctuation left out).
    pub tokens: usize,
    /// Share with the right head.
    pub uas: f64,
    /// Share with the right head and label.
    pub las: f64,
}

/// Parses silver sentences (tagged by `pos`) and scores heads and labels,
/// punctuation left out as is usual for the Penn Treebank.
pub fn attachment(
    parser: &DepParser,
    pos: &PosTagger,
    sentences: &[Vec<ConllToken>],
) -> Attachment {
    let label_id: HashMap<&str, usize> = parser
        .labels
        .iter()
        .enumerate()
        .map(|(i, l)| (l.as_str(), i))
        .collect();
    let mut scratch = Scratch::default();
    let mut arcs = Vec::new();
    let (mut tokens, mut heads, mut labeled) = (0usize, 0usize, 0usize);
    for s in sentences.iter().filter(|s| !s.is_empty()) {
        let p = prepare(s, pos, &label_id);
        parser.parse(&p.tokens, &mut scratch, &mut arcs);
        for (d, a) in arcs.iter().enumerate() {
            if p.punct[d] {
                continue;
            }
            tokens += 1;
            if a.head == p.heads[d] {
                heads += 1;
                if s[d].deprel == parser.labels[usize::from(a.label)] {
                    labeled += 1;
                }
            }
        }
    }
    let share = |k: usize| k as f64 / tokens.max(1) as f64;
    Attachment {
        tokens,
        uas: share(heads),
        las: share(labeled),
    }
}

/// Two hand-parsed sentences for tests: "The senator said the bill would
/// pass." and "Clinton said no."
#[cfg(test)]
pub(crate) fn toy_treebank() -> Vec<Vec<ConllToken>> {
    let sent = |rows: &[(&str, usize, &str)]| {
        rows.iter()
            .map(|&(form, head, rel)| ConllToken {
                form: form.into(),
                xpos: String::new(),
                head,
                deprel: rel.into(),
                ner: "O".into(),
                start: 0,
                end: 0,
            })
            .collect::<Vec<_>>()
    };
    vec![
        sent(&[
            ("The", 2, "det"),
            ("senator", 3, "nsubj"),
            ("said", 0, "root"),
            ("the", 5, "det"),
            ("bill", 7, "nsubj"),
            ("would", 7, "aux"),
            ("pass", 3, "ccomp"),
            (".", 3, "punct"),
        ]),
        sent(&[
            ("Clinton", 2, "nsubj"),
            ("said", 0, "root"),
            ("no", 2, "dobj"),
            (".", 2, "punct"),
        ]),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_toy_trees_deterministically() {
        let pos = PosTagger::builtin();
        let a = train(
            &toy_treebank(),
            &PosTagger::builtin(),
            10,
            3,
            0.0,
            &mut |_| {},
        );
        let b = train(
            &toy_treebank(),
            &PosTagger::builtin(),
            10,
            3,
            0.0,
            &mut |_| {},
        );
        assert_eq!(a, b, "same seed, same model");
        let parser = DepParser::from_model(a).unwrap();
        let scores = attachment(&parser, &pos, &toy_treebank());
        assert!(scores.uas > 0.99 && scores.las > 0.99, "{scores:?}");
    }

    #[test]
    fn model_file_round_trip_and_bad_models() {
        let m = train(
            &toy_treebank(),
            &PosTagger::builtin(),
            3,
            1,
            0.0,
            &mut |_| {},
        );
        let bytes = model::encode(ModelKind::DependencyParser, &m);
        let back: ParseModel = model::decode(ModelKind::DependencyParser, &bytes).unwrap();
        assert_eq!(m, back);
        assert!(DepParser::from_bytes(&bytes).is_ok());
        let mut broken = m.clone();
        broken.moves.classes.push(7);
        assert!(DepParser::from_model(broken).is_err());
        let mut broken = m;
        broken.labels.clear();
        assert!(DepParser::from_model(broken).is_err());
    }

    /// Whether `arcs` form a tree under the root: every token reaches the
    /// root (`n`) by its heads, none heads itself.
    fn is_tree(arcs: &[Dependency]) -> bool {
        let n = arcs.len() as u32;
        (0..n).all(|start| {
            let mut at = start;
            for _ in 0..=n {
                let h = arcs[at as usize].head;
                if h == at || h > n {
                    return false;
                }
                if h == n {
                    return true;
                }
                at = h;
            }
            false
        })
    }

    proptest::proptest! {
        /// Any token sequence, any tags, parses into a tree.
        #[test]
        fn any_token_sequence_parses_into_a_tree(
            words in proptest::collection::vec((0u64..40, 0u64..12, 0u64..5), 0..60),
        ) {
            static PARSER: std::sync::OnceLock<DepParser> = std::sync::OnceLock::new();
            let parser = PARSER.get_or_init(|| {
                DepParser::from_model(train(&toy_treebank(), &PosTagger::builtin(), 3, 1, 0.0, &mut |_| {}))
                    .unwrap()
            });
            let tokens: Vec<TokenSyms> = words
                .iter()
                .map(|&(w, t, x)| TokenSyms { word: sym(&w.to_string()), tag: t, suffix: x })
                .collect();
            let mut out = Vec::new();
            parser.parse(&tokens, &mut Scratch::default(), &mut out);
            proptest::prop_assert_eq!(out.len(), tokens.len());
            proptest::prop_assert!(is_tree(&out), "{:?}", out);
            proptest::prop_assert!(out.iter().all(|a| usize::from(a.label) < parser.labels().len()));
        }
    }

    #[test]
    fn documents_parse_sentence_by_sentence_with_document_indices() {
        let pos = PosTagger::builtin();
        let parser = DepParser::from_model(train(
            &toy_treebank(),
            &PosTagger::builtin(),
            3,
            1,
            0.0,
            &mut |_| {},
        ))
        .unwrap();
        let doc = Document::new("Talks\n\nThe senator said no. Clinton said the bill would pass.");
        let tagged = pos.tag_document(&doc);
        let mut out = Vec::new();
        parser.parse_document(&doc, &tagged, &mut Scratch::default(), &mut out);
        assert_eq!(out.len(), doc.tokens.len());
        for s in &doc.sentences {
            let roots = s.tokens.clone().filter(|&i| out[i].head == NO).count();
            assert!(roots >= 1, "a root in every sentence");
            assert!(s
                .tokens
                .clone()
                .all(|i| out[i].head == NO || s.tokens.contains(&(out[i].head as usize))));
        }
    }

    #[test]
    fn any_sentence_parses_into_a_tree() {
        let pos = PosTagger::builtin();
        let parser = DepParser::from_model(train(
            &toy_treebank(),
            &PosTagger::builtin(),
            2,
            1,
            0.0,
            &mut |_| {},
        ))
        .unwrap();
        let mut scratch = Scratch::default();
        let mut out = Vec::new();
        for forms in [
            &[][..],
            &["Yes"][..],
            &["said", "said", "said", ",", "“", "no"][..],
        ] {
            let tags: Vec<&str> = pos
                .tag(forms)
                .iter()
                .map(|&t| pos.tags()[t].as_str())
                .collect();
            parser.parse(&token_syms(forms, &tags), &mut scratch, &mut out);
            assert_eq!(out.len(), forms.len());
            assert!(is_tree(&out), "{out:?}");
        }
    }
}
