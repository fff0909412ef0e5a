//! `whosaid ingest`, `search`, `speakers`, `speaker`: the statement store.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use whosaid::DocumentInfo;
use whosaid_store::{Added, Query, Store};

use crate::batch::{Batch, Failure};
use crate::{InputArgs, RuleArgs};

/// Documents written per transaction: a killed ingest loses at most the
/// uncommitted ones, which the next run adds.
const COMMIT_EVERY: usize = 256;

/// Document text held for one transaction at most, in bytes (fewer
/// documents per transaction when they are long: their accounts wait in
/// memory until the commit).
const COMMIT_BYTES: usize = 1 << 20;

#[derive(clap::Args)]
pub(crate) struct IngestArgs {
    #[command(flatten)]
    input: InputArgs,
    /// The store (created when missing).
    #[arg(long, default_value = "whosaid.db")]
    db: PathBuf,
    /// Skip the consistency check of the store before writing (it reads
    /// the whole store once, about 2 s per GB).
    #[arg(long)]
    no_check: bool,
    #[command(flatten)]
    rules: RuleArgs,
}

#[derive(clap::Args)]
pub(crate) struct SearchArgs {
    /// Full-text query over what was said (FTS5 syntax: words, "phrases",
    /// OR, NOT, prefix*); empty lists everything.
    #[arg(default_value = "")]
    query: String,
    /// The store.
    #[arg(long, default_value = "whosaid.db")]
    db: PathBuf,
    /// Only this speaker (name substring or id).
    #[arg(long)]
    speaker: Option<String>,
    /// Only this outlet (name substring).
    #[arg(long)]
    outlet: Option<String>,
    /// Published on or after (YYYY-MM-DD).
    #[arg(long, value_parser = crate::parse_date)]
    since: Option<chrono::NaiveDate>,
    /// Published on or before (YYYY-MM-DD).
    #[arg(long, value_parser = crate::parse_date)]
    until: Option<chrono::NaiveDate>,
    /// Most results.
    #[arg(long, default_value_t = 20)]
    limit: usize,
    /// Results skipped (paging).
    #[arg(long, default_value_t = 0)]
    offset: usize,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    format: ListFormat,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum ListFormat {
    /// Aligned text.
    Table,
    /// JSON.
    Json,
}

#[derive(clap::Args)]
pub(crate) struct SpeakersArgs {
    #[command(subcommand)]
    action: Option<SpeakersAction>,
    /// The store.
    #[arg(long, default_value = "whosaid.db", global = true)]
    db: PathBuf,
    /// Most speakers listed.
    #[arg(long, default_value_t = 30)]
    limit: usize,
    /// Only the speakers affiliated with this body (its whole name, any
    /// case): `--affiliation "Clinton campaign"` lists its spokespeople.
    #[arg(long, value_name = "BODY")]
    affiliation: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    format: ListFormat,
}

#[derive(clap::Subcommand)]
enum SpeakersAction {
    /// Merge speaker FROM into INTO (ids or names): one person stored twice.
    Merge {
        /// The speaker that stays.
        into: String,
        /// The speaker merged away.
        from: String,
    },
}

#[derive(clap::Args)]
pub(crate) struct SpeakerArgs {
    /// Name or id.
    name: String,
    /// The store.
    #[arg(long, default_value = "whosaid.db")]
    db: PathBuf,
    /// Most statements listed.
    #[arg(long, default_value_t = 200)]
    limit: usize,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    format: ListFormat,
}

fn open(db: &std::path::Path) -> Result<Store> {
    Store::open(db).with_context(|| format!("opening the store {}", db.display()))
}

/// Fails unless a store file exists at `db` (commands that only use a
/// store must never create one at a mistyped path).
fn require_store(db: &std::path::Path) -> Result<()> {
    if !db.is_file() {
        anyhow::bail!(
            "no store at {} (create one with `whosaid ingest … --db {}`)",
            db.display(),
            db.display()
        );
    }
    Ok(())
}

fn open_existing(db: &std::path::Path) -> Result<Store> {
    require_store(db)?;
    open(db)
}

/// Opens a store for the read commands: read-only, so a store on
/// read-only media or one being ingested into can be searched.
fn open_for_reading(db: &std::path::Path) -> Result<Store> {
    require_store(db)?;
    Store::open_read_only(db).with_context(|| format!("opening the store {}", db.display()))
}

pub(crate) fn ingest(args: IngestArgs) -> Result<ExitCode> {
    let mut store = open(&args.db)?;
    if !args.no_check {
        store
            .check()
            .with_context(|| format!("checking the store {}", args.db.display()))?;
    }
    let extractor = args.rules.extractor();
    let batch = Batch::open(&args.input)?;
    let log = batch.failure_log();
    let mut pending = Vec::new();
    let mut pending_bytes = 0usize;
    let (mut new, mut existing, mut attributions, mut clashes) = (0u64, 0u64, 0u64, 0u64);
    let mut commit =
        |pending: &mut Vec<(whosaid_ingest::Document, whosaid::Account)>| -> Result<()> {
            let refs: Vec<_> = pending
                .iter()
                .map(|(d, a)| (&d.meta, d.text.as_str(), a))
                .collect();
            for (added, (doc, _)) in store.add_all(&refs)?.into_iter().zip(pending.iter()) {
                match added {
                    Added::New(n) => {
                        new += 1;
                        attributions += n as u64;
                    }
                    Added::Existing => existing += 1,
                    Added::Clash => {
                        clashes += 1;
                        log.report(&Failure::of_document(
                            doc,
                            format!(
                                "another text is already stored under the same key ({})",
                                whosaid_store::document_key(&doc.meta, &doc.text)
                            ),
                        ))?;
                    }
                }
            }
            pending.clear();
            Ok(())
        };
    let counts = batch.run(
        |doc| {
            let info = DocumentInfo {
                published: doc.meta.published,
            };
            let account = extractor.analyze(&doc.text, &info);
            (doc, account)
        },
        |item| {
            pending_bytes += item.0.text.len();
            pending.push(item);
            if pending.len() >= COMMIT_EVERY || pending_bytes >= COMMIT_BYTES {
                commit(&mut pending)?;
                pending_bytes = 0;
            }
            Ok(())
        },
    )?;
    commit(&mut pending)?;
    let mut counts = counts;
    counts.fail_processed(clashes);
    eprintln!(
        "whosaid: stored {new} new documents ({attributions} attributions), {existing} already in {}",
        args.db.display()
    );
    Ok(counts.finish("processed"))
}

pub(crate) fn search(args: SearchArgs) -> Result<ExitCode> {
    let store = open_for_reading(&args.db)?;
    let hits = store.search(&Query {
        text: args.query.clone(),
        speaker: args.speaker,
        outlet: args.outlet,
        since: args.since.map(|d| d.to_string()),
        until: args.until.map(|d| d.to_string()),
        limit: args.limit,
        offset: args.offset,
    })?;
    let mut out = crate::table::Printable(std::io::stdout().lock());
    match args.format {
        ListFormat::Json => writeln!(out, "{}", serde_json::to_string_pretty(&hits)?)?,
        ListFormat::Table => {
            for h in &hits {
                writeln!(
                    out,
                    "{}  {:<18}  {:<24}  {} {}\n    {}",
                    h.published.as_deref().unwrap_or("----------"),
                    crate::table::clip(h.outlet.as_deref().unwrap_or("?"), 18),
                    crate::table::clip(h.speaker.as_deref().unwrap_or("?"), 24),
                    h.cue,
                    if h.anonymous { "(anonymous)" } else { "" },
                    crate::table::clip(&h.content.replace('\n', " "), 200)
                )?;
            }
            writeln!(out, "{} result(s)", hits.len())?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub(crate) fn speakers(args: SpeakersArgs) -> Result<ExitCode> {
    if let Some(SpeakersAction::Merge { into, from }) = &args.action {
        let mut store = open_existing(&args.db)?;
        let (a, b) = store.merge_speakers(into, from)?;
        eprintln!("whosaid: merged speaker {b} into {a}");
        return Ok(ExitCode::SUCCESS);
    }
    let store = open_for_reading(&args.db)?;
    let list = match &args.affiliation {
        Some(body) => store.affiliated(body, args.limit)?,
        None => store.speakers(args.limit)?,
    };
    let totals = store.totals()?;
    let mut out = crate::table::Printable(std::io::stdout().lock());
    match args.format {
        ListFormat::Json => writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&serde_json::json!({"totals": totals, "speakers": list}))?
        )?,
        ListFormat::Table => {
            writeln!(
                out,
                "{} documents, {} attributions, {} speakers; {:.1}% of attributions anonymous",
                totals.documents,
                totals.attributions,
                totals.speakers,
                100.0 * totals.anonymous_share
            )?;
            for s in &list {
                writeln!(
                    out,
                    "{:>6}  {:>5} statements  {:>4} docs  {:<12} {}{}{}",
                    s.id,
                    s.statements,
                    s.documents,
                    s.kind,
                    s.name,
                    if s.anonymous { " (anonymous)" } else { "" },
                    if s.affiliations.is_empty() {
                        String::new()
                    } else {
                        format!(" [{}]", s.affiliations.join("; "))
                    }
                )?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub(crate) fn speaker(args: SpeakerArgs) -> Result<ExitCode> {
    let store = open_for_reading(&args.db)?;
    let s = store.speaker(&args.name)?;
    let timeline = store.timeline(s.id, args.limit)?;
    let mut out = crate::table::Printable(std::io::stdout().lock());
    match args.format {
        ListFormat::Json => writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&serde_json::json!({"speaker": s, "timeline": timeline}))?
        )?,
        ListFormat::Table => {
            writeln!(
                out,
                "{} ({}), {} statements in {} documents",
                s.name, s.kind, s.statements, s.documents
            )?;
            if !s.titles.is_empty() {
                writeln!(out, "titles: {}", s.titles.join("; "))?;
            }
            for h in &timeline {
                writeln!(
                    out,
                    "{}  {:<18}  {}: {}",
                    h.published.as_deref().unwrap_or("----------"),
                    crate::table::clip(h.outlet.as_deref().unwrap_or("?"), 18),
                    h.cue,
                    crate::table::clip(&h.content.replace('\n', " "), 160)
                )?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

#[derive(clap::Args)]
pub(crate) struct ServeArgs {
    /// The store (created when missing).
    #[arg(long, default_value = "whosaid.db")]
    db: PathBuf,
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: std::net::SocketAddr,
    /// Bearer token that allows `POST /api/documents` [default: the
    /// WHOSAID_TOKEN environment variable]; without one the API is read-only.
    #[arg(long)]
    token: Option<String>,
}

pub(crate) fn serve(args: ServeArgs) -> Result<ExitCode> {
    let token = args.token.or_else(|| std::env::var("WHOSAID_TOKEN").ok());
    require_store(&args.db)?;
    whosaid_server::serve_blocking(&args.db, args.addr, token)
        .with_context(|| format!("serving {} on {}", args.db.display(), args.addr))?;
    Ok(ExitCode::SUCCESS)
}

/// The bundled example article (its outlet and author are named in its
/// last paragraph; its date is not known, so none is given).
const EXAMPLE_ARTICLE: &str = include_str!("../../../examples/nato-rutte.txt");
/// Three short fictional articles (a made-up city, people and outlets)
/// that give the demo cross-document speakers, outlets and dates.
const DEMO_JSONL: &str = include_str!("../../../examples/demo.jsonl");

#[derive(clap::Args)]
pub(crate) struct DemoArgs {
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: std::net::SocketAddr,
    /// Keep the demo store here instead of a temporary directory.
    #[arg(long)]
    db: Option<PathBuf>,
}

/// The bundled articles as documents.
fn demo_documents() -> Result<Vec<whosaid_ingest::Document>> {
    let example = whosaid_ingest::Metadata {
        id: "nato-rutte".into(),
        title: EXAMPLE_ARTICLE.lines().next().map(str::to_string),
        outlet: Some("Antiwar.com".into()),
        byline: Some("Kyle Anzalone".into()),
        ..Default::default()
    };
    let mut docs = vec![whosaid_ingest::Document {
        source: "examples/nato-rutte.txt".into(),
        locator: whosaid_ingest::Locator::File,
        meta: example,
        text: whosaid_ingest::normalize_text(EXAMPLE_ARTICLE),
    }];
    let fields = whosaid_ingest::FieldNames::default();
    for (k, line) in DEMO_JSONL.lines().enumerate() {
        let record = whosaid_ingest::jsonl::parse_line(
            line.as_bytes(),
            k as u64 + 1,
            "examples/demo.jsonl",
            &fields,
        )?;
        docs.push(record.into_document()?);
    }
    Ok(docs)
}

/// `whosaid demo`: the bundled articles in a fresh store, served.
pub(crate) fn demo(args: DemoArgs) -> Result<ExitCode> {
    let tmp = tempfile::tempdir().context("creating a temporary directory")?;
    let db = args.db.unwrap_or_else(|| tmp.path().join("demo.db"));
    let mut store = Store::open(&db).with_context(|| format!("opening {}", db.display()))?;
    let extractor = whosaid::Extractor::builtin();
    let docs = demo_documents()?;
    let accounts: Vec<_> = docs
        .iter()
        .map(|d| {
            extractor.analyze(
                &d.text,
                &DocumentInfo {
                    published: d.meta.published,
                },
            )
        })
        .collect();
    let refs: Vec<_> = docs
        .iter()
        .zip(&accounts)
        .map(|(d, a)| (&d.meta, d.text.as_str(), a))
        .collect();
    store.add_all(&refs)?;
    drop(store);
    eprintln!(
        "whosaid: demo store with {} bundled articles at {}; open http://{} in a browser (Ctrl-C stops)",
        docs.len(),
        db.display(),
        args.addr
    );
    whosaid_server::serve_blocking(&db, args.addr, None)
        .with_context(|| format!("serving the demo on {}", args.addr))?;
    Ok(ExitCode::SUCCESS)
}
