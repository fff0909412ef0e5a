//! `whosaid quotes` and `whosaid quote ID`: quotes followed across outlets.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Result};
use whosaid_store::{DiffOp, QuoteQuery};

use crate::store_cmd::{open_existing, open_for_reading, ListFormat};

#[derive(clap::Args)]
pub(crate) struct QuotesArgs {
    #[command(subcommand)]
    action: Option<QuotesAction>,
    /// The store.
    #[arg(long, default_value = "whosaid.db", global = true)]
    db: PathBuf,
    /// Only quotes holding these words (in any of their wordings).
    #[arg(long)]
    text: Option<String>,
    /// Only quotes some outlet gives to this speaker (id or exact name).
    #[arg(long)]
    speaker: Option<String>,
    /// Only quotes carried by an outlet whose name holds this.
    #[arg(long)]
    outlet: Option<String>,
    /// First seen on or after this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    since: Option<String>,
    /// First seen on or before this date.
    #[arg(long, value_name = "DATE")]
    until: Option<String>,
    /// Fewest documents carrying a quote.
    #[arg(long, default_value_t = 2)]
    min_documents: usize,
    /// Only quotes given to different speakers (or to one and to nobody).
    #[arg(long)]
    conflicts: bool,
    /// Only quotes with more than one wording.
    #[arg(long)]
    variants: bool,
    /// Most quotes listed.
    #[arg(long, default_value_t = 20)]
    limit: usize,
    /// Quotes skipped (paging).
    #[arg(long, default_value_t = 0)]
    offset: usize,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    format: ListFormat,
}

#[derive(clap::Subcommand)]
enum QuotesAction {
    /// Cluster every stored quote again (ingest clusters new ones as it
    /// stores them; a rebuild follows changed rules or repairs).
    Rebuild,
}

#[derive(clap::Args)]
pub(crate) struct QuoteArgs {
    /// The quote's id (`whosaid quotes` lists them).
    id: i64,
    /// The store.
    #[arg(long, default_value = "whosaid.db")]
    db: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    format: ListFormat,
}

pub(crate) fn quotes(args: QuotesArgs) -> Result<ExitCode> {
    if let Some(QuotesAction::Rebuild) = args.action {
        let mut store = open_existing(&args.db)?;
        let started = std::time::Instant::now();
        store.rebuild_quotes()?;
        let t = store.quote_totals()?;
        eprintln!(
            "whosaid: {} quoted statements clustered again in {:.1} s: {} quotes, {} carried by \
             more than one document, {} by more than one outlet",
            t.quoted_statements,
            started.elapsed().as_secs_f64(),
            t.clusters,
            t.carried,
            t.across_outlets
        );
        return Ok(ExitCode::SUCCESS);
    }
    let store = open_for_reading(&args.db)?;
    let list = store.quotes(&QuoteQuery {
        text: args.text.unwrap_or_default(),
        speaker: args.speaker,
        outlet: args.outlet,
        since: args.since,
        until: args.until,
        min_documents: args.min_documents,
        conflicts: args.conflicts,
        variants: args.variants,
        limit: args.limit,
        offset: args.offset,
    })?;
    let mut out = crate::table::Printable(std::io::stdout().lock());
    match args.format {
        ListFormat::Json => writeln!(out, "{}", serde_json::to_string_pretty(&list)?)?,
        ListFormat::Table => {
            for q in &list {
                let speakers: Vec<String> = q
                    .speakers
                    .iter()
                    .map(|s| {
                        format!(
                            "{} ×{}",
                            s.name.as_deref().unwrap_or("(no speaker)"),
                            s.statements
                        )
                    })
                    .collect();
                writeln!(
                    out,
                    "[{}] “{}”\n     {} outlets, {} documents; first {} in {} ({}); {} wording(s){}\n     speakers: {}",
                    q.id,
                    q.canonical,
                    q.outlets,
                    q.documents,
                    q.first_published.as_deref().unwrap_or("undated"),
                    q.first_outlet.as_deref().unwrap_or("no outlet"),
                    q.first_document,
                    q.variants,
                    if q.conflicting { "; CONFLICTING SPEAKERS" } else { "" },
                    speakers.join(", ")
                )?;
            }
            let t = store.quote_totals()?;
            writeln!(
                out,
                "{} quote(s) shown; the store follows {} quotes, {} carried by more than one document, {} by more than one outlet",
                list.len(),
                t.clusters,
                t.carried,
                t.across_outlets
            )?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub(crate) fn quote(args: QuoteArgs) -> Result<ExitCode> {
    let store = open_for_reading(&args.db)?;
    let Some(q) = store.quote(args.id)? else {
        bail!("no quote {} (`whosaid quotes` lists them)", args.id);
    };
    let mut out = crate::table::Printable(std::io::stdout().lock());
    if let ListFormat::Json = args.format {
        writeln!(out, "{}", serde_json::to_string_pretty(&q)?)?;
        return Ok(ExitCode::SUCCESS);
    }
    let s = &q.summary;
    writeln!(out, "“{}”", s.canonical)?;
    writeln!(
        out,
        "{} statements in {} documents from {} outlets; first {} in {} ({})",
        s.statements,
        s.documents,
        s.outlets,
        s.first_published.as_deref().unwrap_or("undated"),
        s.first_outlet.as_deref().unwrap_or("no outlet"),
        s.first_document
    )?;
    if s.conflicting {
        writeln!(out, "Conflicting attributions:")?;
    } else {
        writeln!(out, "Attributed to:")?;
    }
    for sp in &s.speakers {
        writeln!(
            out,
            "  {} ({} statement(s))",
            sp.name.as_deref().unwrap_or("(no speaker)"),
            sp.statements
        )?;
    }
    writeln!(out, "\nTimeline:")?;
    for a in &q.appearances {
        writeln!(
            out,
            "  {}  {:<20} {:<24} v{}  {}",
            a.published.as_deref().unwrap_or("undated   "),
            a.outlet.as_deref().unwrap_or("-"),
            a.speaker.as_deref().unwrap_or("(no speaker)"),
            a.variant + 1,
            a.document
        )?;
    }
    writeln!(out, "\nWordings:")?;
    for (k, v) in q.variants.iter().enumerate() {
        writeln!(out, "  v{} ×{}: “{}”", k + 1, v.statements, v.wording)?;
        if !v.diff.is_empty() {
            let marked: Vec<String> = v
                .diff
                .iter()
                .map(|op| match op {
                    DiffOp::Same(t) => t.clone(),
                    DiffOp::Added(t) => format!("{{+{t}+}}"),
                    DiffOp::Removed(t) => format!("[-{t}-]"),
                })
                .collect();
            writeln!(out, "      {}", marked.join(" "))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
