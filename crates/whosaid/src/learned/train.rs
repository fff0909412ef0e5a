//! Training the attribution tagger: gold labels from BRAT, jackknifed
//! rule features, averaged structured-perceptron runs.

use super::*;

/// Per-token gold labels of a document from its BRAT annotation.
pub fn gold_labels(doc: &Document, ann: &AnnDoc) -> Vec<usize> {
    let (starts, ends) = doc.token_char_offsets();
    let mut labels = vec![O; doc.tokens.len()];
    for a in &ann.attributions {
        if a.content.is_empty() {
            continue;
        }
        for (role, ids) in [(1, &a.source), (2, &a.cue), (3, &a.content)] {
            let mut frags = ann.fragments(ids);
            frags.sort_unstable();
            for (s, e) in frags {
                let first = ends.partition_point(|&end| end <= s);
                let mut k = first;
                while k < starts.len() && starts[k] < e {
                    if labels[k] == O {
                        let at = if k == first {
                            Place::Begin
                        } else {
                            Place::Inside
                        };
                        labels[k] = label_of(role, at).unwrap_or(O);
                    }
                    k += 1;
                }
            }
        }
    }
    // Repair I- labels left without a B- (a B- lost to an overlap).
    for i in 0..labels.len() {
        let prev = i.checked_sub(1).map(|p| labels[p]);
        if is_inside(labels[i]) && !allowed(prev, labels[i]) {
            labels[i] = label_of(role(labels[i]), Place::Begin).unwrap_or(labels[i]);
        }
    }
    // A span's last token of two or more in its paragraph (the unit the
    // tagger decodes) is `L-`, for a role that has one.
    for p in &doc.paragraphs {
        let (Some(first), Some(last)) = (
            doc.sentences.get(p.sentences.start),
            p.sentences
                .end
                .checked_sub(1)
                .and_then(|s| doc.sentences.get(s)),
        ) else {
            continue;
        };
        let range = first.tokens.start..last.tokens.end;
        for i in range.clone() {
            let r = role(labels[i]);
            let Some(last) = label_of(r, Place::Last) else {
                continue;
            };
            let continued =
                i + 1 < range.end && is_inside(labels[i + 1]) && role(labels[i + 1]) == r;
            if place(labels[i]) == Place::Inside && !continued {
                labels[i] = last;
            }
        }
    }
    labels
}

/// Fewest training tokens a feature must occur in to be kept.
const MIN_FEATURE_COUNT: u32 = 3;

/// One training document: its text, tokens and gold labels.
pub struct TrainingDoc {
    /// The segmented text.
    pub doc: Document,
    /// Gold label per token.
    pub labels: Vec<usize>,
}

/// Trains the model. `folds` documents' rule features use a lexicon derived
/// without them (jackknife); deterministic for a seed.
pub fn train(
    docs: &[(String, AnnDoc)],
    tagger: &PosTagger,
    parser: Option<&DepParser>,
    rules: &RuleConfig,
    epochs: usize,
    seed: u64,
    mut progress: impl FnMut(&str),
) -> AttrModel {
    const FOLDS: usize = 5;
    let prepared: Vec<TrainingDoc> = docs
        .iter()
        .map(|(text, ann)| {
            let doc = Document::new(text.as_str());
            let labels = gold_labels(&doc, ann);
            TrainingDoc { doc, labels }
        })
        .collect();
    // Features per paragraph, computed once (rule roles jackknifed).
    let mut sequences: Vec<(ParagraphFeatures, Vec<usize>)> = Vec::new();
    for fold in 0..FOLDS {
        let lexicon = Lexicon::derive(
            docs.iter()
                .enumerate()
                .filter(|(i, _)| i % FOLDS != fold)
                .map(|(_, (t, a))| (t.as_str(), a)),
        );
        for (i, td) in prepared.iter().enumerate() {
            if i % FOLDS != fold {
                continue;
            }
            let cx = Context::new(&td.doc, tagger, parser, &lexicon, rules);
            for p in 0..td.doc.paragraphs.len() {
                let feats = cx.paragraph_features(p, None);
                let gold = td.labels[feats.range.clone()].to_vec();
                sequences.push((feats, gold));
            }
        }
        progress(&format!("features: fold {}/{FOLDS}", fold + 1));
    }
    // Rare features (mostly word bigrams) cost model size and generalize
    // poorly: keep those seen in at least MIN_FEATURE_COUNT tokens.
    let mut counts: crate::perceptron::FeatureMap<u32> = Default::default();
    for (feats, _) in &sequences {
        for f in &feats.data {
            *counts.entry(*f).or_default() += 1;
        }
    }
    let sequences: Vec<(Vec<Vec<u64>>, Vec<usize>)> = sequences
        .into_iter()
        .map(|(feats, gold)| {
            let tokens = (0..gold.len())
                .map(|k| {
                    feats
                        .token(k)
                        .iter()
                        .copied()
                        .filter(|f| counts[f] >= MIN_FEATURE_COUNT)
                        .collect()
                })
                .collect();
            (tokens, gold)
        })
        .collect();
    drop(counts);
    // Several runs over different shuffles, averaged: steadier than one.
    // Each run is deterministic for its seed and the average is taken in
    // run order, so the runs train on threads of their own and the model
    // is the same byte for byte as when they ran one after another.
    let (sender, messages) = std::sync::mpsc::channel::<String>();
    let tables: Vec<SparseTable> = std::thread::scope(|scope| {
        let runs: Vec<_> = (0..RUNS as u64)
            .map(|run| {
                let sender = sender.clone();
                let sequences = &sequences;
                scope.spawn(move || {
                    let mut report = |msg: &str| {
                        // The receiver lives until every run is joined.
                        let _ = sender.send(format!("run {}/{RUNS}: {msg}", run + 1));
                    };
                    let table = train_run(
                        sequences,
                        epochs,
                        seed.wrapping_add(run * 1000),
                        &mut report,
                    );
                    report("done");
                    table
                })
            })
            .collect();
        drop(sender);
        for msg in messages {
            progress(&msg);
        }
        runs.into_iter()
            .map(|run| run.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    AttrModel {
        labels: LABELS.iter().map(|s| s.to_string()).collect(),
        weights: SparseTable::average(&tables, N).pruned(PRUNE_BELOW),
    }
}

/// Averaged weights below this magnitude are dropped (a quarter of the
/// size, the same dev scores within 0.001: ARCHITECTURE.md).
const PRUNE_BELOW: f32 = 5.0;

/// Independent training runs averaged into the shipped model.
const RUNS: usize = 3;

/// One structured-perceptron training run over prepared sequences.
fn train_run(
    sequences: &[(Vec<Vec<u64>>, Vec<usize>)],
    epochs: usize,
    seed: u64,
    progress: &mut impl FnMut(&str),
) -> SparseTable {
    let mut trainer = Trainer::new(N);
    let mut rng = Rng::new(seed);
    let mut order: Vec<usize> = (0..sequences.len()).collect();
    for epoch in 0..epochs {
        rng.shuffle(&mut order);
        let mut errors = 0usize;
        for &k in &order {
            let (feats, gold) = &sequences[k];
            let mut start = [0.0; N];
            trainer.add_scores(&[transition_feature(None)], &mut start);
            let mut trans = [[0.0; N]; N];
            for (p, row) in trans.iter_mut().enumerate() {
                trainer.add_scores(&[transition_feature(Some(p))], row);
            }
            let guess = viterbi(gold.len(), &start, &trans, |i, e| {
                *e = [0.0; N];
                trainer.add_scores(&feats[i], e);
            });
            trainer.tick();
            if guess == *gold {
                continue;
            }
            for i in 0..gold.len() {
                let (g, p) = (gold[i], guess[i]);
                let (gp, pp) = if i == 0 {
                    (None, None)
                } else {
                    (Some(gold[i - 1]), Some(guess[i - 1]))
                };
                if g != p {
                    errors += 1;
                    trainer.update(&feats[i], g, 1.0);
                    trainer.update(&feats[i], p, -1.0);
                }
                if g != p || gp != pp {
                    trainer.update(&[transition_feature(gp)], g, 1.0);
                    trainer.update(&[transition_feature(pp)], p, -1.0);
                }
            }
        }
        progress(&format!(
            "epoch {}/{epochs}: {errors} token errors",
            epoch + 1
        ));
    }
    trainer.finish(1e-3)
}
