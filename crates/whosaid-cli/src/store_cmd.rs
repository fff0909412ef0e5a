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
    /// An aliases file to follow (stored with the store, and applied to
    /// what it holds): one `variant<TAB>canonical name[<TAB>kind]` per
    /// line, for names the merge rules cannot settle.
    #[arg(long, value_name = "TSV")]
    aliases: Option<PathBuf>,
}

#[derive(clap::Args)]
pub(crate) struct SearchArgs {
    /// Words to find in what was said, who said it and the cue: plain
    /// words (word forms match: "email" finds "emails"; punctuation inside
    /// words is fine), "phrases", OR, AND, NOT, prefix*, source:NAME,
    /// cue:WORD; empty lists everything.
    #[arg(default_value = "")]
    query: String,
    /// The store.
    #[arg(long, default_value = "whosaid.db")]
    db: PathBuf,
    /// Only this speaker: an id, or an exact name or alias (`whosaid
    /// speaker NAME` shows which).
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
    /// Only direct, indirect or mixed statements.
    #[arg(long, value_parser = whosaid_store::KINDS)]
    kind: Option<String>,
    /// Only statements of unnamed speakers ("a source").
    #[arg(long, conflicts_with = "named")]
    anonymous: bool,
    /// Only statements of named speakers.
    #[arg(long)]
    named: bool,
    /// Only statements that came through this channel.
    #[arg(long, value_parser = whosaid_store::CHANNEL_KINDS)]
    channel: Option<String>,
    /// Said on or after (YYYY-MM-DD; where the text dates the statement,
    /// which may differ from the publication date).
    #[arg(long, value_parser = crate::parse_date)]
    said_since: Option<chrono::NaiveDate>,
    /// Said on or before (YYYY-MM-DD).
    #[arg(long, value_parser = crate::parse_date)]
    said_until: Option<chrono::NaiveDate>,
    /// Only this document (its id).
    #[arg(long)]
    document: Option<String>,
    /// Order: relevance (best matches first), newest or oldest.
    #[arg(long, default_value = "relevance", value_parser = ["relevance", "newest", "oldest"])]
    sort: String,
    /// Most results.
    #[arg(long, default_value_t = 20)]
    limit: usize,
    /// Results skipped (paging).
    #[arg(long, default_value_t = 0)]
    offset: usize,
    /// Output format.
    #[arg(long, value_enum, default_value_t = SearchFormat::Table)]
    format: SearchFormat,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum SearchFormat {
    /// Aligned text, with the total.
    Table,
    /// A JSON array of hits.
    Json,
    /// One JSON hit per line.
    Jsonl,
    /// Comma-separated values with a header (without match offsets).
    Csv,
}

/// The columns of a search hit in CSV.
const HIT_COLUMNS: &[whosaid_store::Column] = {
    use whosaid_store::ColumnType::{Bool, Integer, Text};
    &[
        ("attribution", Integer, false),
        ("document", Text, false),
        ("title", Text, true),
        ("outlet", Text, true),
        ("published", Text, true),
        ("speaker_id", Integer, true),
        ("speaker", Text, true),
        ("anonymous", Bool, false),
        ("cue", Text, false),
        ("content", Text, false),
        ("kind", Text, false),
    ]
};

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
    /// Merge speaker FROM into INTO (ids or exact names): one person stored
    /// twice. The merge is kept by later ingests and can be undone.
    Merge {
        /// The speaker that stays.
        into: String,
        /// The speaker merged away.
        from: String,
    },
    /// Split a merged name off its speaker again (the id `whosaid speaker`
    /// lists under "merged"); the rules will not merge it back.
    Unmerge {
        /// Id of the merged name.
        id: i64,
    },
    /// List probable duplicates for a person to confirm with `merge`:
    /// speakers of one kind and surname whose first names agree or that
    /// share a title or affiliation, never quoted in one article.
    Duplicates {
        /// Most pairs listed.
        #[arg(long, default_value_t = 50)]
        limit: usize,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
    },
    /// Apply an aliases file to the store (and to later ingests): one
    /// `variant<TAB>canonical name[<TAB>kind]` per line, kind one of
    /// person, organization, media, group; `#` starts a comment line.
    Aliases {
        /// The aliases file.
        file: PathBuf,
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

pub(crate) fn open_existing(db: &std::path::Path) -> Result<Store> {
    require_store(db)?;
    open(db)
}

/// Opens a store for the read commands: read-only, so a store on
/// read-only media or one being ingested into can be searched.
pub(crate) fn open_for_reading(db: &std::path::Path) -> Result<Store> {
    require_store(db)?;
    Store::open_read_only(db).with_context(|| format!("opening the store {}", db.display()))
}

pub(crate) fn ingest(args: IngestArgs) -> Result<ExitCode> {
    let rules = args.aliases.as_deref().map(read_aliases).transpose()?;
    let mut store = open(&args.db)?;
    if !args.no_check {
        store
            .check()
            .with_context(|| format!("checking the store {}", args.db.display()))?;
    }
    if let Some(rules) = &rules {
        store.add_alias_rules(rules)?;
    }
    let extractor = args.rules.extractor()?;
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
                byline: doc.meta.byline.clone(),
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
    let query = Query {
        text: args.query.clone(),
        speaker: args.speaker,
        outlet: args.outlet,
        since: args.since.map(|d| d.to_string()),
        until: args.until.map(|d| d.to_string()),
        kind: args.kind,
        anonymous: match (args.anonymous, args.named) {
            (true, _) => Some(true),
            (_, true) => Some(false),
            _ => None,
        },
        channel: args.channel,
        said_since: args.said_since.map(|d| d.to_string()),
        said_until: args.said_until.map(|d| d.to_string()),
        document: args.document,
        week: None,
        sort: args.sort.parse().map_err(anyhow::Error::msg)?,
        limit: args.limit,
        offset: args.offset,
    };
    let hits = store.search(&query)?;
    let mut out = crate::table::Printable(std::io::stdout().lock());
    match args.format {
        SearchFormat::Json => writeln!(out, "{}", serde_json::to_string_pretty(&hits)?)?,
        SearchFormat::Jsonl | SearchFormat::Csv => {
            let format = match args.format {
                SearchFormat::Csv => crate::export::TableFormat::Csv,
                _ => crate::export::TableFormat::Jsonl,
            };
            let stdout = Box::new(std::io::BufWriter::new(std::io::stdout()));
            let mut writer = crate::export::TableWriter::text(stdout, format, HIT_COLUMNS)?;
            for h in &hits {
                writer.write(h)?;
            }
            writer.finish()?;
        }
        SearchFormat::Table => {
            for h in &hits {
                writeln!(
                    out,
                    "{}  {:<18}  {:<24}  {} {}  [{}]\n    {}",
                    h.published.as_deref().unwrap_or("----------"),
                    crate::table::clip(h.outlet.as_deref().unwrap_or("?"), 18),
                    crate::table::clip(h.speaker.as_deref().unwrap_or("?"), 24),
                    h.cue,
                    if h.anonymous { "(anonymous)" } else { "" },
                    h.document,
                    crate::table::clip(&h.content.replace('\n', " "), 200)
                )?;
            }
            let total = store.count(&query)?;
            let more = if total.exact { "" } else { "at least " };
            let shown = match hits.len() {
                0 => String::new(),
                n => format!(" ({}–{} shown)", query.offset + 1, query.offset + n),
            };
            writeln!(out, "{more}{} statement(s) match{shown}", total.count)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub(crate) fn speakers(args: SpeakersArgs) -> Result<ExitCode> {
    match &args.action {
        Some(SpeakersAction::Merge { into, from }) => {
            let mut store = open_existing(&args.db)?;
            let done = store.merge_speakers(into, from)?;
            eprintln!(
                "whosaid: merged {} into {} (undo: whosaid speakers unmerge {})",
                done.moved, done.group, done.moved.id
            );
            return Ok(ExitCode::SUCCESS);
        }
        Some(SpeakersAction::Unmerge { id }) => {
            let mut store = open_existing(&args.db)?;
            let done = store.unmerge_speaker(*id)?;
            eprintln!("whosaid: split {} off {}", done.moved, done.group);
            return Ok(ExitCode::SUCCESS);
        }
        Some(SpeakersAction::Aliases { file }) => {
            let mut store = open_existing(&args.db)?;
            let rules = read_aliases(file)?;
            let moved = store.add_alias_rules(&rules)?;
            eprintln!(
                "whosaid: {} alias rules stored; {moved} names moved",
                rules.len()
            );
            return Ok(ExitCode::SUCCESS);
        }
        Some(SpeakersAction::Duplicates { limit, format }) => {
            let store = open_for_reading(&args.db)?;
            let pairs = store.probable_duplicates(*limit)?;
            let mut out = crate::table::Printable(std::io::stdout().lock());
            match format {
                ListFormat::Json => {
                    writeln!(out, "{}", serde_json::to_string_pretty(&pairs)?)?;
                }
                ListFormat::Table => {
                    for p in &pairs {
                        writeln!(
                            out,
                            "{}\n  = {}\n    {}\n    confirm: whosaid speakers merge {} {}",
                            p.keep,
                            p.merge,
                            p.reasons.join("; "),
                            p.keep.id,
                            p.merge.id
                        )?;
                    }
                    writeln!(out, "{} probable duplicate(s)", pairs.len())?;
                }
            }
            return Ok(ExitCode::SUCCESS);
        }
        None => {}
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
                    "{:>6}  {:>5} statements  {:>4} docs  {:<12} {}{}{}{}{}",
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
                    },
                    if s.aliases.is_empty() {
                        String::new()
                    } else {
                        format!(" aka {}", crate::table::clip(&s.aliases.join(", "), 60))
                    },
                    ambiguity(s)
                )?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// " (ambiguous: A? B?)" for a surname the corpus cannot settle.
fn ambiguity(s: &whosaid_store::SpeakerSummary) -> String {
    if s.candidates.is_empty() {
        return String::new();
    }
    let names: Vec<String> = s
        .candidates
        .iter()
        .take(4)
        .map(|c| format!("{} #{}?", c.name, c.id))
        .collect();
    format!(" (ambiguous: {})", names.join(" "))
}

/// Reads and checks an aliases file.
fn read_aliases(file: &std::path::Path) -> Result<Vec<whosaid_store::AliasRule>> {
    let text = std::fs::read_to_string(file)
        .with_context(|| format!("reading the aliases file {}", file.display()))?;
    whosaid_store::AliasRule::parse_tsv(&text).with_context(|| format!("in {}", file.display()))
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
            if !s.affiliations.is_empty() {
                writeln!(out, "affiliations: {}", s.affiliations.join("; "))?;
            }
            if !s.aliases.is_empty() {
                writeln!(out, "also named: {}", s.aliases.join("; "))?;
            }
            for m in &s.merged {
                writeln!(
                    out,
                    "merged: {} (#{}, by {}; undo: whosaid speakers unmerge {})",
                    m.name, m.id, m.by, m.id
                )?;
            }
            if !s.candidates.is_empty() {
                writeln!(
                    out,
                    "a surname alone the corpus cannot settle; it may stand for: {}",
                    s.candidates
                        .iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>()
                        .join("; ")
                )?;
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
pub(crate) struct MigrateArgs {
    /// The store.
    #[arg(long, default_value = "whosaid.db")]
    db: PathBuf,
}

pub(crate) fn migrate(args: MigrateArgs) -> Result<ExitCode> {
    require_store(&args.db)?;
    let before = whosaid_store::Store::file_version(&args.db)
        .with_context(|| format!("reading the store {}", args.db.display()))?;
    let store = open(&args.db)?;
    let now = store.version()?;
    if before == now {
        eprintln!("whosaid: {} is at schema {now} already", args.db.display());
    } else {
        eprintln!(
            "whosaid: migrated {} from schema {before} to {now}",
            args.db.display()
        );
    }
    Ok(ExitCode::SUCCESS)
}

#[derive(clap::Args)]
pub(crate) struct ServeArgs {
    /// The store; a missing one is an error (a typo would serve an empty
    /// store) unless `--create` is given.
    #[arg(long, default_value = "whosaid.db")]
    db: PathBuf,
    /// Create an empty store at `--db` when none is there.
    #[arg(long)]
    create: bool,
    /// Address to listen on: `HOST:PORT`, the host a name or an address
    /// (`localhost:8080`, `127.0.0.1:8080`, `[::1]:8080`).
    #[arg(long, default_value = "127.0.0.1:8080", value_parser = socket_addr)]
    addr: std::net::SocketAddr,
    /// Bearer token that allows `POST /api/documents` [default: the
    /// WHOSAID_TOKEN environment variable]; without one the API is read-only.
    #[arg(long)]
    token: Option<String>,
}

/// `HOST:PORT` with the host a name or an address: the first address the
/// name resolves to, IPv4 first (`localhost` is 127.0.0.1 where it has
/// both).
fn socket_addr(text: &str) -> Result<std::net::SocketAddr, String> {
    use std::net::ToSocketAddrs;
    if let Ok(addr) = text.parse() {
        return Ok(addr);
    }
    if !text.contains(':') {
        return Err(format!("{text:?}: expected HOST:PORT, e.g. localhost:8080"));
    }
    let addrs: Vec<std::net::SocketAddr> = text
        .to_socket_addrs()
        .map_err(|e| format!("{text:?}: {e}"))?
        .collect();
    addrs
        .iter()
        .find(|a| a.is_ipv4())
        .or(addrs.first())
        .copied()
        .ok_or_else(|| format!("{text:?} resolves to no address"))
}

pub(crate) fn serve(args: ServeArgs) -> Result<ExitCode> {
    let token = args.token.or_else(|| std::env::var("WHOSAID_TOKEN").ok());
    if args.create && !args.db.exists() {
        open(&args.db)?;
        eprintln!("whosaid: created an empty store at {}", args.db.display());
    }
    if !args.db.is_file() {
        anyhow::bail!(
            "no store at {} (create one with `whosaid ingest … --db {}`, or serve a new, \
             empty one with --create)",
            args.db.display(),
            args.db.display()
        );
    }
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
    /// Address to listen on (`HOST:PORT`, as for `serve`).
    #[arg(long, default_value = "127.0.0.1:8080", value_parser = socket_addr)]
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
        warnings: Vec::new(),
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
                    byline: d.meta.byline.clone(),
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
