//! `whosaid extract`: reads any number of inputs, extracts in parallel,
//! writes in input order.
//!
//! Records are read sequentially (cheap) in chunks of a few dozen per
//! worker; each chunk is decoded, extracted and rendered in parallel on a
//! rayon pool, then written in order before the next chunk is read, so
//! memory stays bounded by one chunk whatever the corpus size.

use std::collections::HashSet;
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

use crate::{metadata, table, ExtractArgs, Format, InputArgs};
use whosaid_tables::{DocumentOutput, Found, StatementRow};

/// Records read per worker before a chunk is processed.
const CHUNK_PER_JOB: usize = 32;

/// Raw bytes read into one chunk at most (a chunk of big records is
/// shorter). A chunk's records, and then all their results, are in memory
/// at once, and a document dense with attributions has results many times
/// its size; news pages (a few KB each) fill a chunk by count long before.
const CHUNK_BYTES: usize = 1 << 20;

/// Chunks worked on ahead of the one being written: enough for the
/// workers to go on through a store's commit (every 256 documents).
const CHUNKS_AHEAD: usize = 8;

/// Document text extracted at once across all workers, in bytes. A
/// document holds 40–90 bytes per byte of text while it is extracted,
/// so this bounds the workers' memory whatever the number of jobs; news
/// articles (tens of KB) never wait, a text over the budget runs alone.
const TEXT_BUDGET: usize = whosaid_ingest::DEFAULT_MAX_TEXT_BYTES;

/// Stack of each worker thread. Every stage is iterative or bounded in
/// depth (HTML nesting is limited before parsing); this is a backstop
/// against a recursion we do not know of, since a stack overflow ends the
/// whole process. Only the pages touched are committed.
const WORKER_STACK: usize = 64 << 20;

/// A record that could not be extracted, as `--errors` writes it.
#[derive(Debug, Serialize)]
pub(crate) struct Failure {
    source: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    record: Option<Locator>,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<String>,
    reason: String,
}

/// A counting semaphore over bytes of text ([`TEXT_BUDGET`]).
struct TextBudget {
    free: std::sync::Mutex<usize>,
    freed: std::sync::Condvar,
    total: usize,
}

impl TextBudget {
    fn new(total: usize) -> Self {
        TextBudget {
            free: std::sync::Mutex::new(total),
            freed: std::sync::Condvar::new(),
            total,
        }
    }

    /// Runs `f` once `bytes` (at most the whole budget) are free.
    fn with<T>(&self, bytes: usize, f: impl FnOnce() -> T) -> T {
        let want = bytes.min(self.total);
        {
            let mut free = self.free.lock().unwrap_or_else(|e| e.into_inner());
            while *free < want {
                free = self.freed.wait(free).unwrap_or_else(|e| e.into_inner());
            }
            *free -= want;
        }
        struct Release<'a>(&'a TextBudget, usize);
        impl Drop for Release<'_> {
            fn drop(&mut self) {
                let mut free = self.0.free.lock().unwrap_or_else(|e| e.into_inner());
                *free += self.1;
                self.0.freed.notify_all();
            }
        }
        let _release = Release(self, want);
        f()
    }
}

/// The raw size of a record, for the chunk budget.
fn raw_size(record: &Result<whosaid_ingest::RawRecord, IngestError>) -> usize {
    match record {
        Ok(r) => match &r.body {
            whosaid_ingest::Body::Text(t) => t.len(),
            whosaid_ingest::Body::Html { bytes, .. } => bytes.len(),
        },
        Err(_) => 0,
    }
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

impl Failure {
    /// A document that was read but could not be used.
    pub(crate) fn of_document(doc: &whosaid_ingest::Document, reason: String) -> Self {
        Failure {
            source: doc.source.clone(),
            record: Some(doc.locator),
            id: Some(doc.meta.id.clone()),
            reason,
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
    /// The flat statements, for `--format parquet` (else empty).
    rows: Vec<StatementRow>,
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
#[derive(Debug)]
pub(crate) struct Counts {
    read: u64,
    done: u64,
    failed: u64,
    skipped: u64,
}

impl Counts {
    /// Moves `n` processed documents to the failed ones (the caller found
    /// them unusable after processing, e.g. a key clash in the store).
    pub(crate) fn fail_processed(&mut self, n: u64) {
        self.done -= n.min(self.done);
        self.failed += n;
    }

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

/// Where failed records are reported: stderr, and `--errors` as JSON lines.
#[derive(Clone)]
pub(crate) struct FailureLog {
    file: std::sync::Arc<std::sync::Mutex<Option<BufWriter<File>>>>,
    progress: indicatif::ProgressBar,
}

impl FailureLog {
    /// Reports one failed record.
    pub(crate) fn report(&self, f: &Failure) -> Result<()> {
        self.progress.suspend(|| eprintln!("whosaid: skipping {f}"));
        let mut file = self.file.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(w) = file.as_mut() {
            serde_json::to_writer(&mut *w, f)?;
            w.write_all(b"\n")?;
        }
        Ok(())
    }

    /// Reports what a record's reader should know (the record was read).
    pub(crate) fn warn(&self, source: &str, id: &str, warning: &str) {
        self.progress
            .suspend(|| eprintln!("whosaid: warning: {source} ({id}): {warning}"));
    }

    fn flush(&self) -> Result<()> {
        let mut file = self.file.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(w) = file.as_mut() {
            w.flush()?;
        }
        Ok(())
    }
}

/// Inputs being read, the worker pool, the progress bar and the error log.
pub(crate) struct Batch {
    reader: Reader,
    pool: rayon::ThreadPool,
    jobs: usize,
    progress: indicatif::ProgressBar,
    log: FailureLog,
    limits: whosaid_ingest::DecodeLimits,
    published: Option<NaiveDate>,
    /// `--metadata`: its path (for warnings) and rows.
    metadata: Option<(PathBuf, metadata::Table)>,
    /// Whether the inputs may hold several documents.
    pub(crate) many: bool,
    /// Whether writing overlaps extraction ([`Batch::run`]): not on one
    /// core, where it would only interleave the two (measured 2–4% slower
    /// than one after the other).
    overlap: bool,
}

impl Batch {
    pub(crate) fn open(args: &InputArgs) -> Result<Self> {
        let forced = args.input_format.map(InputFormat::from);
        let paths = if args.files.is_empty() {
            vec![Ok(PathBuf::from("-"))]
        } else {
            expand_paths(&args.files)
        };
        let many = paths.len() > 1
            || paths
                .iter()
                .any(|p| p.as_ref().is_ok_and(|p| is_container(p, forced)));
        let mut fields = FieldNames::default();
        for spec in &args.fields {
            fields.set(spec).map_err(anyhow::Error::msg)?;
        }
        let metadata = match &args.metadata {
            Some(path) => Some((path.clone(), metadata::Table::read(path)?)),
            None => None,
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
            .stack_size(WORKER_STACK)
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
            reader: Reader::from_walk(paths, options),
            pool,
            jobs,
            log: FailureLog {
                file: std::sync::Arc::new(std::sync::Mutex::new(errors)),
                progress: progress.clone(),
            },
            progress,
            limits: whosaid_ingest::DecodeLimits {
                max_text_bytes: args.max_text_bytes,
                ..Default::default()
            },
            published: args.published,
            metadata,
            many,
            overlap: std::thread::available_parallelism().is_ok_and(|n| n.get() > 1),
        })
    }

    /// Where the batch reports failed records (for failures its caller
    /// finds after processing).
    pub(crate) fn failure_log(&self) -> FailureLog {
        self.log.clone()
    }

    /// Decodes each record and runs `work` on it in parallel, then hands the
    /// results to `emit` in input order. Failed records are reported (and
    /// logged to `--errors`) and the batch goes on; a panic in `work` fails
    /// its record only.
    ///
    /// With more than one core, reading and working run on their own
    /// thread, up to [`CHUNKS_AHEAD`] chunks ahead of this one, which hands
    /// results to `emit`: writing (a store's transactions, JSON) overlaps
    /// extraction instead of following it.
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
        let budget = TextBudget::new(TEXT_BUDGET);
        let chunk_len = CHUNK_PER_JOB * self.jobs;
        let (reader, pool, progress, log) =
            (&mut self.reader, &self.pool, &self.progress, &self.log);
        let decode = Decode {
            published: self.published,
            metadata: &self.metadata,
            limits: &self.limits,
            budget: &budget,
            log,
        };
        let work = &work;
        let process = |chunk| pool.install(|| process_chunk(chunk, work, &decode));
        if !self.overlap {
            loop {
                let chunk = next_chunk(reader, chunk_len);
                if chunk.is_empty() {
                    break;
                }
                counts.read += chunk.len() as u64;
                emit_results(process(chunk), &mut emit, &mut counts, progress, log)?;
            }
            return self.finish(counts);
        }
        let (done, ready) = std::sync::mpsc::sync_channel(CHUNKS_AHEAD);
        let read = std::thread::scope(|scope| -> Result<u64> {
            let producer = scope.spawn(move || {
                let mut read = 0u64;
                loop {
                    let chunk = next_chunk(reader, chunk_len);
                    if chunk.is_empty() {
                        break;
                    }
                    read += chunk.len() as u64;
                    let results = process(chunk);
                    // An error on the emitting side hung up: stop reading.
                    if done.send(results).is_err() {
                        break;
                    }
                }
                read
            });
            let emitted = ready.iter().try_for_each(|results| {
                emit_results(results, &mut emit, &mut counts, progress, log)
            });
            drop(ready);
            let read = producer
                .join()
                .map_err(|_| anyhow::anyhow!("the reading thread failed"))?;
            emitted.map(|()| read)
        })?;
        counts.read = read;
        self.finish(counts)
    }

    /// Ends the batch: clears the progress bar, flushes the error log and
    /// reports metadata rows that matched no input.
    fn finish(self, mut counts: Counts) -> Result<Counts> {
        self.progress.finish_and_clear();
        self.log.flush()?;
        if let Some((path, table)) = &self.metadata {
            for warning in table.warnings(path) {
                eprintln!("whosaid: warning: {warning}");
            }
        }
        counts.skipped = self.reader.skipped();
        Ok(counts)
    }
}

/// The next records, up to `len` of them or [`CHUNK_BYTES`] of raw input;
/// none at the end of the input.
fn next_chunk(
    reader: &mut Reader,
    len: usize,
) -> Vec<Result<whosaid_ingest::RawRecord, whosaid_ingest::IngestError>> {
    let mut chunk = Vec::new();
    let mut bytes = 0;
    while chunk.len() < len && bytes < CHUNK_BYTES {
        let Some(record) = reader.next() else {
            break;
        };
        bytes += raw_size(&record);
        chunk.push(record);
    }
    chunk
}

/// What working on a record needs from its batch (borrowed apart from
/// the reader, which the reading thread holds).
struct Decode<'a> {
    published: Option<NaiveDate>,
    metadata: &'a Option<(PathBuf, metadata::Table)>,
    limits: &'a whosaid_ingest::DecodeLimits,
    budget: &'a TextBudget,
    log: &'a FailureLog,
}

/// Decodes and works on one chunk of records in the pool, in input order.
fn process_chunk<T: Send>(
    chunk: Vec<Result<whosaid_ingest::RawRecord, whosaid_ingest::IngestError>>,
    work: &(impl Fn(whosaid_ingest::Document) -> T + Sync),
    decode: &Decode<'_>,
) -> Vec<Result<T, Failure>> {
    let Decode {
        published,
        metadata,
        limits,
        budget,
        log,
    } = decode;
    chunk
        .into_par_iter()
        .map(|record| {
            let mut doc = record?.into_document_within(limits)?;
            // The user's metadata wins over the document's own, and
            // `--published` over both.
            if let Some(row) = metadata.as_ref().and_then(|(_, t)| t.get(&doc.meta.id)) {
                row.apply(&mut doc.meta);
            }
            doc.meta.published = published.or(doc.meta.published);
            for warning in std::mem::take(&mut doc.warnings) {
                log.warn(&doc.source, &doc.meta.id, &warning);
            }
            let failure = Failure {
                source: doc.source.clone(),
                record: Some(doc.locator),
                id: Some(doc.meta.id.clone()),
                reason: "internal error while extracting (please report this input)".into(),
            };
            let size = doc.text.len();
            let run = std::panic::AssertUnwindSafe(|| work(doc));
            budget
                .with(size, || std::panic::catch_unwind(run))
                .map_err(|_| failure)
        })
        .collect()
}

/// Hands a chunk's results to `emit`, reporting its failures.
fn emit_results<T>(
    results: Vec<Result<T, Failure>>,
    emit: &mut impl FnMut(T) -> Result<()>,
    counts: &mut Counts,
    progress: &indicatif::ProgressBar,
    log: &FailureLog,
) -> Result<()> {
    for result in results {
        progress.inc(1);
        match result {
            Ok(t) => {
                emit(t)?;
                counts.done += 1;
            }
            Err(f) => {
                counts.failed += 1;
                log.report(&f)?;
            }
        }
    }
    Ok(())
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
    if format == Format::Parquet && args.out.is_none() {
        bail!("--format parquet writes DIR/statements.parquet: give --out DIR");
    }
    if let Some(dir) = &args.out {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    let mut parquet = match (&args.out, format) {
        (Some(dir), Format::Parquet) => Some(parquet_writer(&dir.join("statements.parquet"))?),
        _ => None,
    };
    let extractor = args.rules.extractor()?;
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
            if let Some(writer) = &mut parquet {
                write_rows(writer, &rendered.rows)?;
            } else if let Some(dir) = &args.out {
                let ext = match format {
                    Format::Json | Format::Jsonl => "json",
                    Format::Brat => "ann",
                    Format::Table => "txt",
                    Format::Parquet => "parquet",
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
    if let Some(writer) = parquet {
        finish_rows(writer)?;
    }
    out.flush()?;
    counts.done -= write_failed;
    counts.failed += write_failed;
    Ok(counts.finish("extracted"))
}

#[cfg(feature = "parquet")]
type ParquetWriter = whosaid_tables::parquet::StatementsWriter;
#[cfg(not(feature = "parquet"))]
type ParquetWriter = std::convert::Infallible;

#[cfg(feature = "parquet")]
fn parquet_writer(path: &Path) -> Result<ParquetWriter> {
    Ok(ParquetWriter::create(path)?)
}

#[cfg(not(feature = "parquet"))]
fn parquet_writer(_: &Path) -> Result<ParquetWriter> {
    bail!("this whosaid was built without Parquet support (cargo feature `parquet`)")
}

#[cfg(feature = "parquet")]
fn write_rows(writer: &mut ParquetWriter, rows: &[StatementRow]) -> Result<()> {
    Ok(writer.write(rows)?)
}

#[cfg(not(feature = "parquet"))]
fn write_rows(writer: &mut ParquetWriter, _: &[StatementRow]) -> Result<()> {
    match *writer {}
}

#[cfg(feature = "parquet")]
fn finish_rows(writer: ParquetWriter) -> Result<()> {
    writer.finish()?;
    Ok(())
}

#[cfg(not(feature = "parquet"))]
fn finish_rows(writer: ParquetWriter) -> Result<()> {
    match writer {}
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
                byline: doc.meta.byline.clone(),
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
            Format::Parquet => String::new(),
            Format::Json | Format::Jsonl => {
                let out = DocumentOutput {
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
            Format::Table => {
                let table = match found {
                    Found::Attributions { attributions } => table::render(&name, attributions),
                    Found::Account(account) => table::render_account(&name, account),
                };
                table::printable(&table).into_owned()
            }
        };
        let rows = match self.format {
            Format::Parquet => whosaid_tables::statement_rows(&doc.meta, found),
            _ => Vec::new(),
        };
        Rendered {
            id: doc.meta.id.clone(),
            output,
            rows,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A JSONL input of `n` short documents `d0`, `d1`… in a fresh folder.
    fn jsonl_input(name: &str, n: usize) -> (PathBuf, InputArgs) {
        let dir = std::env::temp_dir().join(format!("whosaid-batch-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("docs.jsonl");
        let lines: String = (0..n)
            .map(|i| format!("{{\"id\": \"d{i}\", \"text\": \"Text number {i}.\"}}\n"))
            .collect();
        std::fs::write(&path, lines).unwrap();
        let args = InputArgs {
            files: vec![path],
            input_format: None,
            fields: Vec::new(),
            jobs: Some(2),
            errors: None,
            max_record_bytes: whosaid_ingest::warc::DEFAULT_MAX_RECORD,
            max_text_bytes: whosaid_ingest::DEFAULT_MAX_TEXT_BYTES,
            published: None,
            metadata: None,
        };
        (dir, args)
    }

    #[test]
    fn results_come_in_input_order_across_many_chunks() {
        // More chunks than are worked on ahead of the writer.
        let n = CHUNK_PER_JOB * 2 * (CHUNKS_AHEAD + 3) + 5;
        let (dir, args) = jsonl_input("order", n);
        let mut seen = Vec::new();
        let counts = Batch::open(&args)
            .unwrap()
            .run(
                |doc| doc.meta.id,
                |id| {
                    seen.push(id);
                    Ok(())
                },
            )
            .unwrap();
        std::fs::remove_dir_all(dir).unwrap();
        assert_eq!(
            (counts.read, counts.done, counts.failed),
            (n as u64, n as u64, 0)
        );
        let expected: Vec<String> = (0..n).map(|i| format!("d{i}")).collect();
        assert_eq!(seen, expected);
    }

    #[test]
    fn a_failed_write_stops_the_batch_without_waiting_on_the_workers() {
        // Regression guard: the workers, chunks ahead, must see the writer
        // give up instead of blocking on a full queue forever.
        let n = CHUNK_PER_JOB * 2 * (CHUNKS_AHEAD + 3);
        let (dir, args) = jsonl_input("stop", n);
        for overlap in [true, false] {
            let mut batch = Batch::open(&args).unwrap();
            batch.overlap = overlap;
            let mut written = 0;
            let result = batch.run(
                |doc| doc.meta.id,
                |_| {
                    written += 1;
                    if written == 5 {
                        anyhow::bail!("disk full");
                    }
                    Ok(())
                },
            );
            assert_eq!(result.unwrap_err().to_string(), "disk full");
            assert_eq!(written, 5, "overlap {overlap}");
        }
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn file_names_are_safe_and_unique() {
        let mut taken = HashSet::new();
        assert_eq!(file_name("urn:uuid:1/2", &mut taken), "urn_uuid_1_2");
        assert_eq!(file_name("urn:uuid:1/2", &mut taken), "urn_uuid_1_2-2");
        assert_eq!(file_name("", &mut taken), "doc");
        assert_eq!(file_name("..", &mut taken), "doc..");
    }
}
