//! `whosaid train`: the shipped models rebuilt from PolNeAR with a fixed
//! seed (byte-identical files, checked by `.ci/run`), and the attribution
//! tagger's jackknife (`train attr --jackknife`).

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};
use whosaid::brat::{write_ann, AnnDoc};
use whosaid::eval::{score_dirs, PredSource, Scorer};
use whosaid::{Extractor, Lexicon};

use super::{annotated_docs, annotated_files, conllu_files, coref_docs, TrainArgs, TrainTarget};

/// Trains the pronoun ranker on train's pronoun sources and writes
/// `pronouns.bin`; reports how often the hand weights and the learned ones
/// pick the chain's candidate, on train and dev.
fn train_pronouns(args: &TrainArgs) -> Result<()> {
    use whosaid::resolve::PronounRanker;
    let started = std::time::Instant::now();
    let hand = whosaid::Resolver::builtin().with_pronoun_ranker(PronounRanker::hand_weights());
    let examples = |split: &str| -> Result<Vec<whosaid::resolve::PronounExample>> {
        Ok(coref_docs(&args.data.join(split))?
            .iter()
            .flat_map(|d| hand.pronoun_examples(&d.text, &d.gold, &d.conll, &d.coref))
            .collect())
    };
    let train = examples("train")?;
    let dev = examples("dev")?;
    let ranker = PronounRanker::train(&train, PRONOUN_EPOCHS);
    let bytes = ranker.to_bytes();
    let path = write_model(&args.out, "pronouns.bin", &bytes)?;
    let base = PronounRanker::hand_weights();
    eprintln!(
        "pronoun ranker: {} train / {} dev cases; right candidate picked: train {:.3} (hand weights {:.3}), dev {:.3} (hand weights {:.3}); {:.1} s -> {}",
        train.len(),
        dev.len(),
        ranker.accuracy(&train),
        base.accuracy(&train),
        ranker.accuracy(&dev),
        base.accuracy(&dev),
        started.elapsed().as_secs_f64(),
        path.display()
    );
    for (name, w) in ranker.weights() {
        eprintln!("  {w:>8.3}  {name}");
    }
    Ok(())
}

/// Passes of the perceptron over the pronoun cases.
const PRONOUN_EPOCHS: usize = 10;

/// Sentences of `(form, PTB tag)` from every `.conllu` file in `dir`.
fn conllu_sentences(dir: &Path) -> Result<Vec<Vec<(String, String)>>> {
    Ok(conllu_files(dir)?
        .into_iter()
        .map(|s| s.into_iter().map(|t| (t.form, t.xpos)).collect())
        .collect())
}

/// The POS tagger in the output directory (trained first when needed).
pub(super) fn trained_pos(out: &Path) -> Result<whosaid::pos::PosTagger> {
    let path = out.join("pos.bin");
    let bytes = std::fs::read(&path).with_context(|| format!("reading {}", path.display()))?;
    Ok(whosaid::pos::PosTagger::from_bytes(&bytes)
        .map_err(|e| whosaid::Error::Model { path, source: e })?)
}

pub(super) fn trained_parser(out: &Path) -> Result<whosaid::parse::DepParser> {
    let path = out.join("parse.bin");
    let bytes = std::fs::read(&path).with_context(|| format!("reading {}", path.display()))?;
    Ok(whosaid::parse::DepParser::from_bytes(&bytes)
        .map_err(|e| whosaid::Error::Model { path, source: e })?)
}

/// Forms, POS tags and gold entity labels of one sentence.
type OwnedSentence = (Vec<String>, Vec<String>, Vec<usize>);

fn train_ner(args: &TrainArgs) -> Result<()> {
    use whosaid::ner::{bio_from_classes, Sentence};
    let started = std::time::Instant::now();
    let tagger = trained_pos(&args.out)?;
    let load = |split: &str| -> Result<Vec<OwnedSentence>> {
        Ok(conllu_files(&args.data.join(split).join("conllu"))?
            .into_iter()
            .map(|s| {
                let forms: Vec<String> = s.iter().map(|t| t.form.clone()).collect();
                let refs: Vec<&str> = forms.iter().map(String::as_str).collect();
                let pos: Vec<String> = tagger
                    .tag(&refs)
                    .into_iter()
                    .map(|k| tagger.tags()[k].clone())
                    .collect();
                let classes: Vec<&str> = s.iter().map(|t| t.ner.as_str()).collect();
                let labels = bio_from_classes(&classes);
                (forms, pos, labels)
            })
            .collect())
    };
    let (train, dev) = (load("train")?, load("dev")?);
    fn view(v: &[OwnedSentence]) -> Vec<whosaid::ner::Labeled<'_>> {
        v.iter()
            .map(|(f, p, l)| {
                let s = Sentence {
                    forms: f.iter().map(String::as_str).collect(),
                    pos: p.iter().map(String::as_str).collect(),
                };
                (s, l.clone())
            })
            .collect()
    }
    let model = whosaid::ner::train(&view(&train), 5, args.seed, whosaid::ner::PRUNE_BELOW);
    let bytes = whosaid::model::encode(whosaid::model::ModelKind::EntityTagger, &model);
    let path = write_model(&args.out, "ner.bin", &bytes)?;
    let ner = whosaid::ner::NerTagger::from_model(model)?;
    let (p, r, f1) = whosaid::ner::evaluate(&ner, &view(&dev));
    eprintln!(
        "entity tagger: dev entities (exact span and class, vs silver CoreNLP) P {p:.4} R {r:.4} F1 {f1:.4}; {} bytes, {:.1} s -> {}",
        bytes.len(),
        started.elapsed().as_secs_f64(),
        path.display()
    );
    Ok(())
}

/// Epochs of the dependency parser.
const PARSE_EPOCHS: usize = 5;

fn train_parse(args: &TrainArgs) -> Result<()> {
    let started = std::time::Instant::now();
    let tagger = trained_pos(&args.out)?;
    let train = conllu_files(&args.data.join("train/conllu"))?;
    let dev = conllu_files(&args.data.join("dev/conllu"))?;
    let model = whosaid::parse::train(
        &train,
        &tagger,
        PARSE_EPOCHS,
        args.seed,
        whosaid::parse::PRUNE_BELOW,
        &mut |msg| {
            eprintln!(
                "dependency parser: {msg} ({:.0} s)",
                started.elapsed().as_secs_f64()
            )
        },
    );
    let bytes = whosaid::model::encode(whosaid::model::ModelKind::DependencyParser, &model);
    let path = write_model(&args.out, "parse.bin", &bytes)?;
    let parser = whosaid::parse::DepParser::from_model(model)?;
    let timer = std::time::Instant::now();
    let scores = whosaid::parse::attachment(&parser, &tagger, &dev);
    let words: usize = dev.iter().map(Vec::len).sum();
    eprintln!(
        "dependency parser: dev (vs silver CoreNLP, {} non-punctuation tokens) UAS {:.4} LAS {:.4}; \
         tagged and parsed at {:.0} words/s; {} bytes, {:.1} s -> {}",
        scores.tokens,
        scores.uas,
        scores.las,
        words as f64 / timer.elapsed().as_secs_f64(),
        bytes.len(),
        started.elapsed().as_secs_f64(),
        path.display()
    );
    Ok(())
}

pub(super) fn train(args: TrainArgs) -> Result<ExitCode> {
    if args.jackknife {
        return jackknife(&args);
    }
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("creating {}", args.out.display()))?;
    if matches!(args.what, TrainTarget::Pos | TrainTarget::All) {
        let started = std::time::Instant::now();
        let train = conllu_sentences(&args.data.join("train/conllu"))?;
        let dev = conllu_sentences(&args.data.join("dev/conllu"))?;
        let model = whosaid::pos::train(&train, 5, args.seed, whosaid::pos::PRUNE_BELOW);
        let bytes = whosaid::model::encode(whosaid::model::ModelKind::PosTagger, &model);
        let tagger = whosaid::pos::PosTagger::from_model(model)?;
        let acc = whosaid::pos::accuracy(&tagger, &dev);
        let path = write_model(&args.out, "pos.bin", &bytes)?;
        eprintln!(
            "pos tagger: {} train sentences, dev accuracy {:.4} ({} dev tokens), {} bytes, {:.1} s -> {}",
            train.len(),
            acc,
            dev.iter().map(Vec::len).sum::<usize>(),
            bytes.len(),
            started.elapsed().as_secs_f64(),
            path.display()
        );
    }
    if matches!(args.what, TrainTarget::Ner | TrainTarget::All) {
        train_ner(&args)?;
    }
    if matches!(args.what, TrainTarget::Pronouns | TrainTarget::All) {
        train_pronouns(&args)?;
    }
    if matches!(args.what, TrainTarget::Parse) {
        train_parse(&args)?;
    }
    if matches!(args.what, TrainTarget::Attr | TrainTarget::All) {
        let started = std::time::Instant::now();
        let tagger = trained_pos(&args.out)?;
        let parser = match args.parse {
            true => Some(trained_parser(&args.out)?),
            false => None,
        };
        let train = annotated_docs(&args.data.join("train"))?;
        let rules = whosaid::RuleConfig::default();
        let model = whosaid::learned::train(
            &train,
            &tagger,
            parser.as_ref(),
            &rules,
            args.epochs,
            args.seed,
            |msg| {
                eprintln!(
                    "attribution tagger: {msg} ({:.0} s)",
                    started.elapsed().as_secs_f64()
                )
            },
        );
        let bytes = whosaid::model::encode(whosaid::model::ModelKind::AttributionTagger, &model);
        let path = write_model(&args.out, "attr.bin", &bytes)?;
        let attr = whosaid::learned::AttrTagger::from_model(model)?;
        let mut extractor = Extractor::with_models(Lexicon::builtin(), rules, tagger, attr);
        if let Some(parser) = parser {
            extractor = extractor.with_parser(parser);
        }
        let dev = args.data.join("dev");
        let run = |text: &str| write_ann(text, &extractor.extract(text));
        let report = score_dirs(&dev.join("text"), &dev.join("ann"), PredSource::Run(&run))?;
        eprintln!(
            "attribution tagger: {} bytes, {:.1} s -> {}\n{}",
            bytes.len(),
            started.elapsed().as_secs_f64(),
            path.display(),
            report.table()
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Folds of `train attr --jackknife`.
const JACKKNIFE_FOLDS: usize = 5;

/// `train attr --jackknife`: the attribution tagger's scores on train,
/// each fold tagged by a tagger (and lexicon) trained without it.
fn jackknife(args: &TrainArgs) -> Result<ExitCode> {
    if !matches!(args.what, TrainTarget::Attr) || args.parse {
        anyhow::bail!(
            "--jackknife measures the attribution tagger alone: `train attr --jackknife`"
        );
    }
    let started = std::time::Instant::now();
    let tagger = trained_pos(&args.out)?;
    let split = args.data.join("train");
    let docs = annotated_files(&split)?;
    if docs.len() < JACKKNIFE_FOLDS {
        anyhow::bail!("too few annotated documents under {}", split.display());
    }
    let rules = whosaid::RuleConfig::default();
    let mut scorer = Scorer::new();
    for fold in 0..JACKKNIFE_FOLDS {
        let seen: Vec<(String, AnnDoc)> = docs
            .iter()
            .enumerate()
            .filter(|(i, _)| i % JACKKNIFE_FOLDS != fold)
            .map(|(_, (_, text, ann))| (text.clone(), AnnDoc::parse(ann)))
            .collect();
        let model =
            whosaid::learned::train(&seen, &tagger, None, &rules, args.epochs, args.seed, |_| {});
        let attr = whosaid::learned::AttrTagger::from_model(model)?;
        let lexicon = Lexicon::derive(seen.iter().map(|(text, ann)| (text.as_str(), ann)));
        let extractor = Extractor::with_models(lexicon, rules.clone(), tagger.clone(), attr);
        for (name, text, ann) in docs.iter().skip(fold).step_by(JACKKNIFE_FOLDS) {
            let gold = AnnDoc::parse_against(ann, Some(text));
            let pred =
                AnnDoc::parse_against(&write_ann(text, &extractor.extract(text)), Some(text));
            scorer.add(name, text, &gold, Some(&pred));
        }
        eprintln!(
            "jackknife: fold {}/{JACKKNIFE_FOLDS} ({:.0} s)",
            fold + 1,
            started.elapsed().as_secs_f64()
        );
    }
    let report = scorer.report();
    println!("{}", report.table());
    println!("{}", report.kind_table());
    Ok(ExitCode::SUCCESS)
}

/// Writes a model file named `name` into `dir`; the error names the file.
fn write_model(dir: &std::path::Path, name: &str, bytes: &[u8]) -> Result<std::path::PathBuf> {
    let path = dir.join(name);
    std::fs::write(&path, bytes).with_context(|| format!("writing {}", path.display()))?;
    Ok(path)
}
