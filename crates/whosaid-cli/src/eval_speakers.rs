//! `whosaid eval-speakers`: speaker resolution against gold referents, the
//! numbers of `bench/check_speakers.py` (same table, same last line).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use serde_json::Value;
use whosaid::eval::speakers::{read_gold, score_texts, PredAttribution, PredSpeaker};
use whosaid::DocumentInfo;

use crate::RuleArgs;

#[derive(clap::Args)]
pub(crate) struct EvalSpeakersArgs {
    /// Split directory holding text/ and speakers.tsv.
    #[arg(long, default_value = "../shared/data/polnear/dev")]
    data: PathBuf,
    /// Gold table [default: DATA/speakers.tsv].
    #[arg(long)]
    gold: Option<PathBuf>,
    /// Directory of predicted `<doc>.json` (`whosaid extract --format json
    /// --out DIR`); the pipeline runs when absent.
    #[arg(long)]
    pred: Option<PathBuf>,
    /// Document metadata, as `extract --metadata` reads it (PolNeAR's
    /// `metadata.tsv`): the pipeline resolves with each document's date
    /// and byline (the narrator of a first-person article).
    #[arg(long, value_name = "TSV", conflicts_with = "pred")]
    metadata: Option<PathBuf>,
    /// Print the counts as JSON.
    #[arg(long)]
    json: bool,
    /// Exit with failure when overall accuracy (misses counted as wrong)
    /// falls below this.
    #[arg(long, value_name = "A")]
    min_accuracy: Option<f64>,
    /// First word of the last line.
    #[arg(long, default_value = "dev")]
    label: String,
    #[command(flatten)]
    rules: RuleArgs,
}

/// The attributions of a `--format json` document file, as the checker
/// reads them (a list holding one document is taken too).
fn read_prediction(path: &Path) -> Result<Option<Vec<PredAttribution>>> {
    if !path.is_file() {
        return Ok(None);
    }
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut doc: Value =
        serde_json::from_str(&text).with_context(|| format!("parsing {}", path.display()))?;
    if let Value::Array(list) = doc {
        match list.into_iter().next() {
            Some(first) => doc = first,
            None => return Ok(None),
        }
    }
    let speakers = doc["speakers"].as_array().cloned().unwrap_or_default();
    let by_id = |id: &Value| speakers.iter().find(|s| s["id"] == *id);
    let speaker_of = |s: &Value| {
        s["name"].as_str().map(|name| PredSpeaker {
            name: name.to_string(),
            anonymous: s["anonymous"].as_bool().unwrap_or(false),
        })
    };
    fn spans(v: &Value, out: &mut Vec<(usize, usize)>) {
        match v {
            Value::Object(o) => {
                let at = |k: &str| o.get(k).and_then(Value::as_u64).unwrap_or(0) as usize;
                out.push((at("start"), at("end")));
            }
            Value::Array(items) => items.iter().for_each(|i| spans(i, out)),
            _ => {}
        }
    }
    let attributions = doc["attributions"].as_array().cloned().unwrap_or_default();
    Ok(Some(
        attributions
            .iter()
            .map(|a| {
                let mut source = Vec::new();
                spans(&a["source"], &mut source);
                let speaker = match &a["speaker"] {
                    Value::Object(_) => speaker_of(&a["speaker"]),
                    Value::Null => None,
                    id => by_id(id).and_then(speaker_of),
                };
                PredAttribution { source, speaker }
            })
            .collect(),
    ))
}

pub(crate) fn eval_speakers(args: EvalSpeakersArgs) -> Result<ExitCode> {
    let gold_path = args
        .gold
        .clone()
        .unwrap_or_else(|| args.data.join("speakers.tsv"));
    let gold = read_gold(&gold_path)?;
    let text_dir = args.data.join("text");
    let metadata = args
        .metadata
        .as_deref()
        .map(crate::metadata::Table::read)
        .transpose()?;
    let extractor = match args.pred {
        None => Some(args.rules.extractor()?),
        Some(_) => None,
    };
    let report = score_texts(&gold, &text_dir, |doc, text| {
        match (&args.pred, &extractor) {
            (Some(dir), _) => {
                read_prediction(&dir.join(format!("{doc}.json"))).map_err(|e| whosaid::Error::Io {
                    path: dir.join(format!("{doc}.json")),
                    source: std::io::Error::other(format!("{e:#}")),
                })
            }
            (None, Some(extractor)) => {
                let info = metadata
                    .as_ref()
                    .and_then(|t| t.get(doc))
                    .map(|row| DocumentInfo {
                        published: row.published,
                        byline: row.byline.clone(),
                    })
                    .unwrap_or_default();
                let account = extractor.analyze(text, &info);
                Ok(Some(PredAttribution::of_account(&account)))
            }
            (None, None) => Ok(None),
        }
    })?;
    let verdict = crate::gate(
        "speaker resolution accuracy",
        report.accuracy(),
        args.min_accuracy,
    );
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print!("{}", report.table(&args.label, args.min_accuracy));
    }
    Ok(verdict)
}
