//! `whosaid extract`: reads any number of inputs, extracts in parallel,
//! writes in input order.
//!
//! Records are read sequentially (cheap) in chunks of a few dozen per
//! worker; each chunk is decoded, extracted and rendered in parallel on a
//! rayon pool, then written in order before the next chunk is read, so
//! memory stays bounded by one chunk whatever the corpus size.

use std::collections::{HashMap, HashSet};
use std::fs::File;
use std::io::{BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use chrono::NaiveDate;
use rayon::prelude::*;
use serde::Serialize;
use whosaid::brat::write_ann;
use whosaid::{Attribution, DocumentInfo, Extractor};
use whosaid_ingest::{
    expand_paths, FieldNames, IngestError, InputFormat, Locator, Reader, ReaderOptions,
};

use crate::{read_metadata, table, DocOutput, ExtractArgs, Format, Found, InputArgs};

/// Records read per worker before a chunk is processed.
const CHUNK_PER_JOB: usize = 32;

/// A record that could not be extracted, as `--errors` writes it.
#[derive(Debug, Serialize)]
struct Failure {
    source: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    record: Option<Locator>,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<String>,
    reason: String,
}

impl From<IngestError> for Failure {
    fn from(e: IngestError) -> Self {
        Failure {
            source: e.source_name(),
            record: e.locator(),
            id: e.record_id().map(str::to_string),
            reason: e.reason(),
        }
    }
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.source)?;
        if let Some(l) = self.record {
            write!(f, "{l}")?;
        }
        if let Some(id) = &self.id {
            write!(f, " ({id})")?;
        }
        write!(f, ": {}", self.reason)
    }
}

/// One rendered document: its id (for `--out` file names) and output.
struct Rendered {
    id: String,
    output: String,
}

/// Whether an input may hold several documents.
fn is_container(path: &Path, forced: Option<InputFormat>) -> bool {
    let format = forced.or_else(|| InputFormat::from_name(&path.to_string_lossy()));
    matches!(format, Some(InputFormat::Jsonl | InputFormat::Warc))
}

/// A file name from a document id: safe characters only.
fn file_name(id: &str, taken: &mut HashSet<String>) -> String {
    let mut base: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .take(150)
        .collect();
    if base.is_empty() || base.starts_with('.') {
        base.insert_str(0, "doc");
    }
    let mut name = base.clone();
    let mut n = 1;
    while !taken.insert(name.clone()) {
        n += 1;
        name = format!("{base}-{n}");
    }
    name
}

/// Counts of a finished batch.
pub(crate) struct Counts {
    read: u64,
    done: u64,
    failed: u64,
    skipped: u64,
}

impl Counts {
    /// Prints the closing line and gives the exit code (1 if anything failed).
    pub(crate) fn finish(&self, verb: &str) -> ExitCode {
        let skipped = if self.skipped > 0 {
            format!(", {} non-article records skipped", self.skipped)
        } else {
            String::new()
        };
        eprintln!(
            "whosaid: {} read, {} {verb}, {} failed{skipped}",
            self.read, self.done, self.failed
        );
        if self.failed > 0 {
            ExitCode::FAILURE
        } else {
            ExitCode::SUCCESS
        }
    }
}

/// Inputs being read, the worker pool, the progress bar and the error log.
pub(crate) struct Batch {
    reader: Reader,
    pool: rayon::ThreadPool,
    jobs: usize,
    progress: indicatif::ProgressBar,
    errors: Option<BufWriter<File>>,
    published: Option<NaiveDate>,
    metadata: HashMap<String, NaiveDate>,
    /// Whether the inputs may hold several documents.
    pub(crate) many: bool,
}

impl Batch {
    pub(crate) fn open(args: &InputArgs) -> Result<Self> {
        let forced = args.input_format.map(InputFormat::from);
        let paths = if args.files.is_empty() {
            vec![PathBuf::from("-")]
        } else {
            expand_paths(&args.files)?
        };
        let many = paths.len() > 1 || paths.iter().any(|p| is_container(p, forced));
        let mut fields = FieldNames::default();
        for spec in &args.fields {
            fields.set(spec).map_err(anyhow::Error::msg)?;
        }
        let metadata = match &args.metadata {
            Some(path) => read_metadata(path)?,
            None => HashMap::new(),
        };
        let errors = match &args.errors {
            Some(path) => Some(BufWriter::new(
                File::create(path).with_context(|| format!("creating {}", path.display()))?,
            )),
            None => None,
        };
        let jobs = args
            .jobs
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
            .max(1);
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(jobs)
            .build()
            .context("starting worker threads")?;
        let progress = if std::io::stderr().is_terminal() {
            let bar = indicatif::ProgressBar::new_spinner();
            bar.set_style(
                indicatif::ProgressStyle::with_template(
                    "{spinner} {human_pos} documents  {per_sec}  {elapsed_precise}",
                )
                .expect("a valid progress template"),
            );
            bar
        } else {
            indicatif::ProgressBar::hidden()
        };
        let options = ReaderOptions {
            format: forced,
            fields,
            max_record: args.max_record_bytes,
        };
        Ok(Batch {
            reader: Reader::new(paths, options),
            pool,
            jobs,
            progress,
            errors,
            published: args.published,
            metadata,
            many,
        })
    }

    /// Decodes each record and runs `work` on it in parallel, then hands the
    /// results to `emit` in input order. Failed records are reported (and
    /// logged to `--errors`) and the batch goes on; a panic in `work` fails
    /// its record only.
    pub(crate) fn run<T: Send>(
        mut self,
        work: impl Fn(whosaid_ingest::Document) -> T + Sync,
        mut emit: impl FnMut(T) -> Result<()>,
    ) -> Result<Counts> {
        let mut counts = Counts {
            read: 0,
            done: 0,
            failed: 0,
            skipped: 0,
        };
        loop {
            let chunk: Vec<_> = self
                .reader
                .by_ref()
                .take(CHUNK_PER_JOB * self.jobs)
                .collect();
            if chunk.is_empty() {
                break;
            }
            counts.read += chunk.len() as u64;
            let (published, metadata) = (self.published, &self.metadata);
            let results: Vec<Result<T, Failure>> = self.pool.install(|| {
                chunk
                    .into_par_iter()
                    .map(|record| {
                        let mut doc = record?.into_document()?;
                        // The user's date wins over the document's own.
                        doc.meta.published = published
                            .or_else(|| metadata.get(&doc.meta.id).copied())
                            .or(doc.meta.published);
                        let failure = Failure {
                            source: doc.source.clone(),
                            record: Some(doc.locator),
                            id: Some(doc.meta.id.clone()),
                            reason: "internal error while extracting (please report this input)"
                                .into(),
                        };
                        let run = std::panic::AssertUnwindSafe(|| work(doc));
                        std::panic::catch_unwind(run).map_err(|_| failure)
                    })
                    .collect()
            });
            for result in results {
                self.progress.inc(1);
                match result {
                    Ok(t) => {
                        emit(t)?;
                        counts.done += 1;
                    }
                    Err(f) => {
                        counts.failed += 1;
                        self.progress.suspend(|| eprintln!("whosaid: skipping {f}"));
                        if let Some(w) = self.errors.as_mut() {
                            serde_json::to_writer(&mut *w, &f)?;
                            w.write_all(b"\n")?;
                        }
                    }
                }
            }
        }
        self.progress.finish_and_clear();
        if let Some(mut w) = self.errors.take() {
            w.flush()?;
        }
        counts.skipped = self.reader.skipped();
        Ok(counts)
    }
}

pub(crate) fn extract(args: ExtractArgs) -> Result<ExitCode> {
    let stdout = std::io::stdout();
    let format = args.format.unwrap_or(if stdout.is_terminal() {
        Format::Table
    } else {
        Format::Jsonl
    });
    let batch = Batch::open(&args.input)?;
    if format == Format::Brat && args.out.is_none() && batch.many {
        bail!("--format brat writes one .ann per document: give --out DIR for several inputs");
    }
    if let Some(dir) = &args.out {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    let extractor = args.rules.extractor();
    let cx = Worker {
        format,
        resolve: !args.no_resolve && format != Format::Brat,
        extractor: &extractor,
    };
    let mut out = BufWriter::new(stdout.lock());
    let array = format == Format::Json && args.out.is_none() && batch.many;
    if array {
        out.write_all(b"[\n")?;
    }
    let mut written = 0u64;
    let mut write_failed = 0u64;
    let mut taken = HashSet::new();
    let mut counts = batch.run(
        |doc| cx.render(&doc),
        |rendered| {
            if let Some(dir) = &args.out {
                let ext = match format {
                    Format::Json | Format::Jsonl => "json",
                    Format::Brat => "ann",
                    Format::Table => "txt",
                };
                let path = dir.join(format!("{}.{ext}", file_name(&rendered.id, &mut taken)));
                if let Err(err) = std::fs::write(&path, rendered.output.as_bytes()) {
                    write_failed += 1;
                    eprintln!(
                        "whosaid: {}: writing {}: {err}",
                        rendered.id,
                        path.display()
                    );
                }
            } else {
                if array && written > 0 {
                    out.write_all(b",\n")?;
                }
                out.write_all(rendered.output.as_bytes())?;
                written += 1;
            }
            Ok(())
        },
    )?;
    if array {
        out.write_all(b"\n]\n")?;
    }
    out.flush()?;
    counts.done -= write_failed;
    counts.failed += write_failed;
    Ok(counts.finish("extracted"))
}

/// Extracts and renders one document.
struct Worker<'a> {
    format: Format,
    resolve: bool,
    extractor: &'a Extractor,
}

impl Worker<'_> {
    fn render(&self, doc: &whosaid_ingest::Document) -> Rendered {
        let name = match doc.locator {
            Locator::File => doc.source.clone(),
            l => format!("{}{l} ({})", doc.source, doc.meta.id),
        };
        let account;
        let attributions: Vec<Attribution>;
        let found = if self.resolve {
            let info = DocumentInfo {
                published: doc.meta.published,
            };
            account = self.extractor.analyze(&doc.text, &info);
            Found::Account(&account)
        } else {
            attributions = self.extractor.extract(&doc.text);
            Found::Attributions {
                attributions: &attributions,
            }
        };
        let output = match self.format {
            Format::Json | Format::Jsonl => {
                let out = DocOutput {
                    meta: &doc.meta,
                    text: &doc.text,
                    found,
                };
                let json = if self.format == Format::Json {
                    serde_json::to_string_pretty(&out)
                } else {
                    serde_json::to_string(&out)
                };
                json.expect("documents serialize") + "\n"
            }
            Format::Brat => match found {
                Found::Attributions { attributions } => write_ann(&doc.text, attributions),
                Found::Account(account) => {
                    let outermost: Vec<Attribution> = account
                        .attributions
                        .iter()
                        .filter(|a| a.is_outermost())
                        .map(|a| a.attribution.clone())
                        .collect();
                    write_ann(&doc.text, &outermost)
                }
            },
            Format::Table => match found {
                Found::Attributions { attributions } => table::render(&name, attributions),
                Found::Account(account) => table::render_account(&name, account),
            },
        };
        Rendered {
            id: doc.meta.id.clone(),
            output,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_safe_and_unique() {
        let mut taken = HashSet::new();
        assert_eq!(file_name("urn:uuid:1/2", &mut taken), "urn_uuid_1_2");
        assert_eq!(file_name("urn:uuid:1/2", &mut taken), "urn_uuid_1_2-2");
        assert_eq!(file_name("", &mut taken), "doc");
        assert_eq!(file_name("..", &mut taken), "doc..");
    }
}
