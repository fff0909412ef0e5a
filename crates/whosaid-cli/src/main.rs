//! The `whosaid` command line: extraction, evaluation and lexicon building.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};
use whosaid::brat::{write_ann, AnnDoc};
use whosaid::eval::{find_ann, score_dirs, text_docs, PredSource};
use whosaid::{DocumentInfo, Extractor, Lexicon};

mod eval_speakers;
mod store_cmd;
mod table;
mod train_cmd;

/// whosaid reads news and makes its structure of claims explicit: who said
/// what, when, through whom — and what the outlet asserts on its own.
#[derive(Parser)]
#[command(name = "whosaid", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract attributions (source, cue, content) from articles.
    Extract(ExtractArgs),
    /// Score extraction against gold BRAT files, like bench/score.py.
    Eval(EvalArgs),
    /// Score pronoun-source resolution ("he said") on gold attributions
    /// against the silver coreference chains of a PolNeAR split.
    EvalPronouns(EvalPronounsArgs),
    /// Score speaker resolution against gold referents (a split's
    /// speakers.tsv), like bench/check_speakers.py.
    EvalSpeakers(eval_speakers::EvalSpeakersArgs),
    /// Extract documents into the statement store (SQLite).
    Ingest(store_cmd::IngestArgs),
    /// Search stored statements.
    Search(store_cmd::SearchArgs),
    /// Write the store's statements, speakers and documents as CSV, JSONL
    /// or Parquet tables.
    Export(export::ExportArgs),
    /// Serve the web UI and HTTP JSON API over a store (read-only unless a token is set).
    Serve(store_cmd::ServeArgs),
    /// Serve the bundled example articles in a fresh store, to click through.
    Demo(store_cmd::DemoArgs),
    /// Stored speakers, ranked; `speakers merge A B` joins two.
    Speakers(store_cmd::SpeakersArgs),
    /// One stored speaker's statements over time.
    Speaker(store_cmd::SpeakerArgs),
    /// Quotes carried by several documents, the most carried first, with
    /// who first published them; `quotes rebuild` clusters them again.
    Quotes(quotes_cmd::QuotesArgs),
    /// One quote across outlets: timeline, wordings with their changed
    /// words, and the speakers it is given to.
    Quote(quotes_cmd::QuoteArgs),
    /// Bring a store written by an earlier whosaid to this version's schema
    /// (the read commands and a read-only `serve` do not migrate).
    Migrate(store_cmd::MigrateArgs),
    /// Derive the cue lexicon from an annotated split (text/ and ann/).
    Lexicon(LexiconArgs),
    /// Derive the first-name gender table from a split's coreference
    /// chains (conllu/*.coref.tsv): which names are "he", which "she".
    Genders(LexiconArgs),
    /// Measure extraction throughput on files (read once, extracted in memory).
    Throughput(ThroughputArgs),
    /// Train the shipped models from PolNeAR (fixed seed, reproducible).
    Train(TrainArgs),
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum TrainTarget {
    /// The part-of-speech tagger (silver CoreNLP tags).
    Pos,
    /// The attribution tagger (PolNeAR gold; needs the POS model, and the
    /// parser with `--parse`).
    Attr,
    /// The named-entity tagger (silver CoreNLP NER; needs the POS model),
    /// used to resolve speakers.
    Ner,
    /// The pronoun antecedent ranker (PolNeAR gold pronoun sources,
    /// labelled by the silver coreference chains).
    Pronouns,
    /// The dependency parser (silver CoreNLP basic dependencies; needs the
    /// POS model). Not shipped: only `train attr --parse` reads it.
    Parse,
    /// Every shipped model.
    All,
}

#[derive(clap::Args)]
struct TrainArgs {
    /// Which model to train.
    #[arg(value_enum, default_value = "all")]
    what: TrainTarget,
    /// PolNeAR directory holding train/ and dev/.
    #[arg(long, default_value = "../shared/data/polnear")]
    data: PathBuf,
    /// Where model files are written.
    #[arg(long, default_value = "crates/whosaid/models")]
    out: PathBuf,
    /// Random seed for shuffling.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Training epochs of the attribution tagger (15: jackknifed train and
    /// dev both gained over 10; 20 lost again).
    #[arg(long, default_value_t = 15)]
    epochs: usize,
    /// Train the attribution tagger on the parses of `parse.bin` in the
    /// output directory too (`whosaid train parse` first); extraction then
    /// needs that parser beside it (`--models DIR`). Slower, a little more
    /// accurate; not the shipped model.
    #[arg(long)]
    parse: bool,
    /// Measure the attribution tagger instead of writing models: train it
    /// five times, each without a fifth of train (whose lexicon and rule
    /// roles are derived without it too), score each fifth with the tagger
    /// that did not see it, and print the pooled scores. Ten times the
    /// attributions of dev, so a change's effect stands out of retraining
    /// noise. Reads `pos.bin` from `--out`.
    #[arg(long)]
    jackknife: bool,
}

#[derive(clap::Args)]
struct ThroughputArgs {
    /// Inputs of any format (text, HTML, JSONL, WARC, directories).
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Read every input as this format instead of detecting it.
    #[arg(long, value_enum)]
    input_format: Option<InputFormatArg>,
    /// Passes over all files.
    #[arg(long, default_value_t = 5)]
    repeat: usize,
    /// Also resolve (speakers, channels, times), as `extract` does by default.
    #[arg(long)]
    resolve: bool,
    /// Also time a dependency parser (a `whosaid train parse` model) over
    /// every sentence, on top of the tokens and tags extraction computes.
    #[arg(long, value_name = "MODEL")]
    parse_model: Option<PathBuf>,
    #[command(flatten)]
    rules: RuleArgs,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// One JSON document object (an array of them for several inputs).
    Json,
    /// One JSON document object per line, one line per input.
    Jsonl,
    /// PolNeAR-compatible BRAT standoff (.ann).
    Brat,
    /// A readable view for a terminal.
    Table,
    /// One flat table of statements, `DIR/statements.parquet` (needs
    /// `--out DIR`): document, speaker, cue, content, channel, time,
    /// offsets; the schema of the Python package's `analyze_arrow`.
    Parquet,
}

#[derive(clap::Args)]
struct ExtractArgs {
    #[command(flatten)]
    input: InputArgs,
    /// Output format [default: table on a terminal, jsonl otherwise].
    #[arg(long, short)]
    format: Option<Format>,
    /// Write one file per document into this directory (`<id>.json`, `.ann`, `.txt`).
    #[arg(long)]
    out: Option<PathBuf>,
    /// Extraction only: no speakers, channels, times or unattributed
    /// assertions (faster).
    #[arg(long)]
    no_resolve: bool,
    #[command(flatten)]
    rules: RuleArgs,
}

/// Where documents come from and how a batch runs (extract, ingest).
#[derive(clap::Args)]
struct InputArgs {
    /// Inputs: text, HTML, JSONL or WARC(.gz) files, directories (read
    /// recursively) or `-`; standard input when none.
    files: Vec<PathBuf>,
    /// Read every input as this format instead of detecting it (by file
    /// extension, then by content).
    #[arg(long, value_enum)]
    input_format: Option<InputFormatArg>,
    /// JSONL field mapping, NAME=KEY, repeatable (names: id, url, title,
    /// text, html, published, outlet, byline, language; the defaults are the
    /// names themselves).
    #[arg(long = "field", value_name = "NAME=KEY")]
    fields: Vec<String>,
    /// Worker threads [default: all cores].
    #[arg(long, short)]
    jobs: Option<usize>,
    /// Write one JSON line per failed record here (source, record, id, reason).
    #[arg(long)]
    errors: Option<PathBuf>,
    /// Largest record (WARC body, JSONL line, file, decoded HTTP payload)
    /// read, in bytes; larger ones are reported and skipped.
    #[arg(long, default_value_t = whosaid_ingest::warc::DEFAULT_MAX_RECORD)]
    max_record_bytes: u64,
    /// Longest document text (after HTML extraction) processed, in bytes;
    /// longer ones are reported and skipped. Bounds memory: 40–90 bytes per
    /// byte of text while a document is extracted.
    #[arg(long, default_value_t = whosaid_ingest::DEFAULT_MAX_TEXT_BYTES)]
    max_text_bytes: usize,
    /// Publication date (YYYY-MM-DD) of every input: relative times such as
    /// "on Friday" resolve against it. It wins over dates in the documents.
    #[arg(long, value_parser = parse_date)]
    published: Option<NaiveDate>,
    /// Tab-separated metadata, one row per document found by id (file
    /// stem), like PolNeAR's metadata.tsv: a header naming the id column
    /// (`filename`, `id`, `document`…) and any of the date
    /// (`publication_date`, `published`, `date`), `title` (`headline`),
    /// outlet (`publisher`, `outlet`, `source`, `site`), `author`
    /// (`byline`) and `url` (`link`). Its values win over those in the
    /// documents; rows that match no input and inputs without a row are
    /// reported.
    #[arg(long)]
    metadata: Option<PathBuf>,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum InputFormatArg {
    /// UTF-8 text, paragraphs separated by blank lines (or one per line when lines are not wrapped).
    Text,
    /// HTML pages (main content and metadata are extracted).
    Html,
    /// One JSON object per line.
    Jsonl,
    /// WARC archives, plain or gzipped.
    Warc,
}

impl From<InputFormatArg> for whosaid_ingest::InputFormat {
    fn from(f: InputFormatArg) -> Self {
        match f {
            InputFormatArg::Text => Self::Text,
            InputFormatArg::Html => Self::Html,
            InputFormatArg::Jsonl => Self::Jsonl,
            InputFormatArg::Warc => Self::Warc,
        }
    }
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|e| format!("expected YYYY-MM-DD: {e}"))
}

#[derive(clap::Args)]
struct EvalPronounsArgs {
    /// Split directory holding text/, ann/ and conllu/ (with .coref.tsv).
    #[arg(long, default_value = "../shared/data/polnear/dev")]
    data: PathBuf,
    /// Print the counts as JSON.
    #[arg(long)]
    json: bool,
    /// Exit with failure when accuracy (correct / measurable) falls below this.
    #[arg(long)]
    min_accuracy: Option<f64>,
}

#[derive(clap::Args)]
struct EvalArgs {
    /// Directory of `<doc>.txt` files.
    #[arg(long)]
    text: PathBuf,
    /// Directory of gold `<doc>_<annotator>.ann` files.
    #[arg(long)]
    gold: PathBuf,
    /// Directory of predicted `<doc>.ann` files; extraction runs when absent.
    #[arg(long)]
    pred: Option<PathBuf>,
    /// Print the full report as JSON (the shape of score.py --json).
    #[arg(long)]
    json: bool,
    /// Also print recall by kind of gold attribution (quoted or not, with
    /// or without a source).
    #[arg(long)]
    by_kind: bool,
    /// Exit with status 1 when attribution full-match F1 is below this.
    #[arg(long, value_name = "F1")]
    min_full_f1: Option<f64>,
    #[command(flatten)]
    rules: RuleArgs,
}

/// Tuning knobs of the rule extractor (defaults are the shipped settings).
#[derive(clap::Args)]
struct RuleArgs {
    /// Lowest estimated precision of a lexicon entry used as a cue.
    #[arg(long, value_name = "P")]
    min_precision: Option<f32>,
    /// Fewest gold occurrences of a lexicon entry used as a cue.
    #[arg(long, value_name = "N")]
    min_cue_count: Option<u32>,
    /// Use the rules alone, without the learned models.
    #[arg(long)]
    rules_only: bool,
    /// Read the POS and attribution taggers from this directory (`pos.bin`,
    /// `attr.bin`, as `whosaid train` writes them) instead of the built-in
    /// models; with a `parse.bin` there, the tagger reads its parses (for a
    /// tagger trained by `whosaid train attr --parse`).
    #[arg(long, value_name = "DIR", conflicts_with = "rules_only")]
    models: Option<PathBuf>,
}

impl RuleArgs {
    fn extractor(&self) -> Result<Extractor> {
        let mut config = whosaid::RuleConfig::default();
        if let Some(p) = self.min_precision {
            config.min_precision = p;
        }
        if let Some(n) = self.min_cue_count {
            config.min_cue_count = n;
        }
        if self.rules_only {
            return Ok(Extractor::new(Lexicon::builtin(), config));
        }
        let Some(dir) = &self.models else {
            return Ok(Extractor::builtin_with(config));
        };
        let pos = train_cmd::trained_pos(dir)?;
        let path = dir.join("attr.bin");
        let bytes = std::fs::read(&path).with_context(|| format!("reading {}", path.display()))?;
        let attr = whosaid::learned::AttrTagger::from_bytes(&bytes)
            .map_err(|e| whosaid::Error::Model { path, source: e })?;
        let extractor = Extractor::with_models(Lexicon::builtin(), config, pos, attr);
        Ok(match dir.join("parse.bin").exists() {
            true => extractor.with_parser(train_cmd::trained_parser(dir)?),
            false => extractor,
        })
    }
}

#[derive(clap::Args)]
struct LexiconArgs {
    /// Split directory holding `text/` and `ann/` (e.g. ../shared/data/polnear/train).
    #[arg(long)]
    data: PathBuf,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(args) => extract(args),
        Command::Eval(args) => eval(args),
        Command::EvalPronouns(args) => eval_pronouns(args),
        Command::EvalSpeakers(args) => eval_speakers::eval_speakers(args),
        Command::Ingest(args) => store_cmd::ingest(args),
        Command::Search(args) => store_cmd::search(args),
        Command::Export(args) => export::export(args),
        Command::Speakers(args) => store_cmd::speakers(args),
        Command::Serve(args) => store_cmd::serve(args),
        Command::Demo(args) => store_cmd::demo(args),
        Command::Speaker(args) => store_cmd::speaker(args),
        Command::Quotes(args) => quotes_cmd::quotes(args),
        Command::Quote(args) => quotes_cmd::quote(args),
        Command::Migrate(args) => store_cmd::migrate(args),
        Command::Lexicon(args) => lexicon(args),
        Command::Genders(args) => genders(args),
        Command::Throughput(args) => throughput(args),
        Command::Train(args) => train_cmd::train(args),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprintln!("whosaid: error: {err:#}");
            ExitCode::FAILURE
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

mod batch;
mod export;
mod metadata;
mod quotes_cmd;
use batch::extract;

fn eval(args: EvalArgs) -> Result<ExitCode> {
    let extractor = args.rules.extractor()?;
    let run = |text: &str| write_ann(text, &extractor.extract(text));
    let pred = match &args.pred {
        Some(dir) => {
            if !dir.is_dir() {
                eprintln!(
                    "whosaid: warning: pred dir {} does not exist; scoring as empty",
                    dir.display()
                );
            }
            PredSource::Dir(dir)
        }
        None => PredSource::Run(&run),
    };
    let report = score_dirs(&args.text, &args.gold, pred)?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        println!("{}", report.table());
        if args.by_kind {
            println!("{}", report.kind_table());
        }
    }
    if let Some(min) = args.min_full_f1 {
        let f1 = report.metrics.attr.full.f1;
        if f1 < min {
            eprintln!("whosaid: attribution full-match F1 {f1:.4} is below the required {min:.4}");
            return Ok(ExitCode::FAILURE);
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn lexicon(args: LexiconArgs) -> Result<ExitCode> {
    let docs = annotated_docs(&args.data)?;
    let lex = Lexicon::derive(docs.iter().map(|(t, a)| (t.as_str(), a)));
    let mut out = std::io::stdout().lock();
    out.write_all(lex.to_tsv().as_bytes())?;
    eprintln!(
        "whosaid: {} entries from {} documents",
        lex.entries().len(),
        docs.len()
    );
    Ok(ExitCode::SUCCESS)
}

/// `(text, gold annotations)` of every annotated document of a split.
fn annotated_docs(split: &Path) -> Result<Vec<(String, AnnDoc)>> {
    Ok(annotated_files(split)?
        .into_iter()
        .map(|(_, text, ann)| (text, AnnDoc::parse(&ann)))
        .collect())
}

/// `(name, text, gold .ann text)` of every annotated document of a split,
/// in name order; none is an error.
fn annotated_files(split: &Path) -> Result<Vec<(String, String, String)>> {
    let text_dir = split.join("text");
    let ann_dir = split.join("ann");
    let mut docs = Vec::new();
    for name in text_docs(&text_dir)? {
        let Some(gold) = find_ann(&ann_dir, &name) else {
            continue;
        };
        let text = whosaid::error::read_text(&text_dir.join(format!("{name}.txt")))?;
        docs.push((name, text, whosaid::error::read_text(&gold)?));
    }
    if docs.is_empty() {
        bail!("no annotated documents under {}", split.display());
    }
    Ok(docs)
}

fn genders(args: LexiconArgs) -> Result<ExitCode> {
    let dir = args.data.join("conllu");
    let mut counts = std::collections::BTreeMap::new();
    let mut docs = 0usize;
    for entry in std::fs::read_dir(&dir).with_context(|| format!("reading {}", dir.display()))? {
        let path = entry?.path();
        let Some(stem) = path
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.strip_suffix(".coref.tsv"))
        else {
            continue;
        };
        let conll_path = dir.join(format!("{stem}.conllu"));
        if !conll_path.is_file() {
            continue;
        }
        let conll = whosaid::conllu::parse(&whosaid::error::read_text(&conll_path)?);
        let coref = whosaid::conllu::parse_coref(&whosaid::error::read_text(&path)?);
        whosaid::entities::gender_counts(&conll, &coref, &mut counts);
        docs += 1;
    }
    if docs == 0 {
        bail!("no conllu/*.coref.tsv files under {}", args.data.display());
    }
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    writeln!(
        out,
        "# whosaid name genders: chains where a person's name is referred to as he / she.\n\
         # Derived from PolNeAR's silver CoreNLP coreference ({docs} documents).\n\
         # Regenerate: whosaid genders --data ../shared/data/polnear/train > crates/whosaid/data/genders.tsv\n\
         # name\tmale\tfemale"
    )?;
    for (name, (m, f)) in counts {
        writeln!(out, "{name}\t{m}\t{f}")?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The exit code of an accuracy gate: failure, said on stderr, when
/// `value` is below `min`.
fn gate(what: &str, value: f64, min: Option<f64>) -> ExitCode {
    match min {
        Some(min) if value < min => {
            eprintln!("whosaid: {what} {value:.4} is below {min:.4}");
            ExitCode::FAILURE
        }
        _ => ExitCode::SUCCESS,
    }
}

/// A document with its gold attributions and silver CoreNLP parse and
/// coreference chains.
struct CorefDoc {
    text: String,
    gold: AnnDoc,
    conll: Vec<Vec<whosaid::conllu::ConllToken>>,
    coref: Vec<whosaid::conllu::CorefMention>,
}

/// The documents of a PolNeAR split that have gold attributions, parses
/// and coreference chains (others are skipped with a warning).
fn coref_docs(data: &Path) -> Result<Vec<CorefDoc>> {
    let text_dir = data.join("text");
    let conll_dir = data.join("conllu");
    let mut out = Vec::new();
    for doc in text_docs(&text_dir)? {
        let Some(gold) = find_ann(&data.join("ann"), &doc) else {
            continue;
        };
        let coref_path = conll_dir.join(format!("{doc}.coref.tsv"));
        let conll_path = conll_dir.join(format!("{doc}.conllu"));
        if !coref_path.is_file() || !conll_path.is_file() {
            eprintln!("whosaid: warning: {doc}: no conllu/coref files; skipped");
            continue;
        }
        out.push(CorefDoc {
            text: whosaid::error::read_text(&text_dir.join(format!("{doc}.txt")))?,
            gold: AnnDoc::parse(&whosaid::error::read_text(&gold)?),
            conll: whosaid::conllu::parse(&whosaid::error::read_text(&conll_path)?),
            coref: whosaid::conllu::parse_coref(&whosaid::error::read_text(&coref_path)?),
        });
    }
    Ok(out)
}

fn eval_pronouns(args: EvalPronounsArgs) -> Result<ExitCode> {
    let resolver = whosaid::Resolver::builtin();
    let mut total = whosaid::resolve::PronounScore::default();
    let mut docs = 0usize;
    for d in coref_docs(&args.data)? {
        total += resolver.score_pronouns(&d.text, &d.gold, &d.conll, &d.coref);
        docs += 1;
    }
    if docs == 0 {
        bail!("no annotated documents under {}", args.data.display());
    }
    let accuracy = total.correct as f64 / total.measurable.max(1) as f64;
    let verdict = gate("pronoun resolution accuracy", accuracy, args.min_accuracy);
    if args.json {
        println!("{}", serde_json::to_string_pretty(&total)?);
        return Ok(verdict);
    }
    let pct = |n: usize| 100.0 * n as f64 / total.measurable.max(1) as f64;
    println!(
        "{docs} documents: {} pronoun sources, {} with a named referent in their coreference chain",
        total.sources, total.measurable
    );
    println!(
        "resolved correctly   {:>5}  {:5.1}%",
        total.correct,
        pct(total.correct)
    );
    println!(
        "left unresolved      {:>5}  {:5.1}%",
        total.unresolved,
        pct(total.unresolved)
    );
    println!(
        "baseline (closest person mention before) {:>5}  {:5.1}%",
        total.baseline_correct,
        pct(total.baseline_correct)
    );
    Ok(verdict)
}

fn throughput(args: ThroughputArgs) -> Result<ExitCode> {
    // Read every record into memory first: the clock measures decoding
    // (HTML extraction, charsets) and extraction, not the disk.
    let options = whosaid_ingest::ReaderOptions {
        format: args.input_format.map(Into::into),
        ..Default::default()
    };
    // A record that cannot be read or decoded is skipped and counted, as
    // `extract` does: one bad page must not end the measurement.
    let mut failed = 0usize;
    let records: Vec<whosaid_ingest::RawRecord> =
        whosaid_ingest::Reader::from_walk(whosaid_ingest::expand_paths(&args.files), options)
            .filter_map(|r| r.map_err(|_| failed += 1).ok())
            .collect();
    let bytes: usize = records
        .iter()
        .map(|r| match &r.body {
            whosaid_ingest::Body::Text(t) => t.len(),
            whosaid_ingest::Body::Html { bytes, .. } => bytes.len(),
        })
        .sum();
    let repeat = args.repeat.max(1);
    let start = std::time::Instant::now();
    let mut texts = Vec::new();
    let mut undecoded = 0;
    for _ in 0..repeat {
        undecoded = 0;
        texts = records
            .iter()
            .cloned()
            .filter_map(|r| r.into_document().map_err(|_| undecoded += 1).ok())
            .map(|d| d.text)
            .collect();
    }
    let failed = failed + undecoded;
    let decode_secs = start.elapsed().as_secs_f64() / repeat as f64;
    let words: usize = texts.iter().map(|t| t.split_whitespace().count()).sum();
    let extractor = args.rules.extractor()?;
    let mut found = 0usize;
    let info = DocumentInfo::default();
    if args.resolve {
        // Load the resolver's models before the clock starts.
        extractor.analyze("", &info);
    }
    let start = std::time::Instant::now();
    for _ in 0..repeat {
        found += texts
            .iter()
            .map(|t| {
                if args.resolve {
                    extractor.analyze(t, &info).attributions.len()
                } else {
                    extractor.extract(t).len()
                }
            })
            .sum::<usize>();
    }
    let secs = start.elapsed().as_secs_f64() / repeat as f64;
    let n = texts.len() as f64;
    let skipped = if failed > 0 {
        format!(" ({failed} failed to read or decode, skipped)")
    } else {
        String::new()
    };
    println!(
        "{} documents ({bytes} input bytes){skipped}, {words} words, {} attributions; mean of {repeat} passes, one thread:",
        texts.len(),
        found / repeat
    );
    println!(
        "  decoding (HTML, charsets)  {decode_secs:8.3} s  {:>9.0} documents/s  {:>10.0} words/s",
        n / decode_secs,
        words as f64 / decode_secs
    );
    println!(
        "  {:<25}  {secs:8.3} s  {:>9.0} documents/s  {:>10.0} words/s",
        if args.resolve {
            "extraction + resolution"
        } else {
            "extraction"
        },
        n / secs,
        words as f64 / secs
    );
    if let Some(path) = &args.parse_model {
        let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
        let parser =
            whosaid::parse::DepParser::from_bytes(&bytes).map_err(|e| whosaid::Error::Model {
                path: path.clone(),
                source: e,
            })?;
        let pos = whosaid::pos::PosTagger::builtin();
        let docs: Vec<whosaid::text::Document> = texts
            .iter()
            .map(|t| whosaid::text::Document::new(t.as_str()))
            .collect();
        let tagged: Vec<_> = docs.iter().map(|d| pos.tag_document(d)).collect();
        let mut scratch = whosaid::parse::Scratch::default();
        let mut arcs = Vec::new();
        let start = std::time::Instant::now();
        for _ in 0..repeat {
            for (doc, tags) in docs.iter().zip(&tagged) {
                parser.parse_document(doc, tags, &mut scratch, &mut arcs);
            }
        }
        let secs = start.elapsed().as_secs_f64() / repeat as f64;
        println!(
            "  {:<25}  {secs:8.3} s  {:>9.0} documents/s  {:>10.0} words/s",
            "parsing (every sentence)",
            n / secs,
            words as f64 / secs
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Sentences of every `.conllu` file in `dir`.
fn conllu_files(dir: &Path) -> Result<Vec<Vec<whosaid::conllu::ConllToken>>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "conllu"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for f in files {
        out.extend(whosaid::conllu::parse(&whosaid::error::read_text(&f)?));
    }
    Ok(out)
}

/// mimalloc: the pipeline allocates many small short-lived buffers per
/// document; extraction with resolution runs ~12% faster, ingest ~20%,
/// than with the system allocator (measured on PolNeAR train, one core).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Keeps the process on 4 KB pages: no transparent huge pages, unless the
/// user asked mimalloc for them (`MIMALLOC_ALLOW_THP=1`).
///
/// mimalloc asks for huge pages (`madvise`), so every 2 MB region the
/// process touches is backed and zeroed whole. A run over PolNeAR train
/// then holds 80 MB instead of 47 MB, and on a machine whose memory was
/// idle for a few seconds (a virtual machine's host takes freed memory
/// back) its kernel time was 0.2–0.5 s, as much as the extraction itself;
/// on 4 KB pages it is ~0.03 s. Runs started back to back pay neither
/// and are about as fast either way (see ARCHITECTURE.md, Performance).
///
/// It runs as a constructor, before the Rust runtime's first allocation:
/// called from `main` it came after mimalloc had placed its first region
/// on two huge pages (4 MB zeroed at every start). It allocates nothing
/// (`getenv`, not `std::env`). The flag is the process's, inherited by its
/// threads; failure (an old kernel) leaves the default.
#[cfg(target_os = "linux")]
extern "C" fn small_pages_only() {
    // SAFETY: getenv reads the environment libc set up before any
    // constructor ran, and nothing writes to it concurrently this early.
    let asked = unsafe { !libc::getenv(c"MIMALLOC_ALLOW_THP".as_ptr()).is_null() };
    if !asked {
        // SAFETY: PR_SET_THP_DISABLE takes integer arguments only and
        // changes no memory this process can see; the result is ignored
        // on purpose (the process then keeps the system's setting).
        unsafe {
            libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
        }
    }
}

/// Runs [`small_pages_only`] with the process's constructors, before `main`.
#[cfg(target_os = "linux")]
#[used]
#[link_section = ".init_array"]
static SMALL_PAGES_ONLY: extern "C" fn() = small_pages_only;
