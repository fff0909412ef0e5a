//! `--metadata FILE`: a tab-separated table of what is known about each
//! document (PolNeAR's `metadata.tsv`, a researcher's spreadsheet export),
//! matched to the inputs by document id.

use std::collections::HashMap;
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Mutex;

use anyhow::{bail, Result};
use chrono::NaiveDate;

/// Header names accepted for each column (case-insensitive; spaces and
/// hyphens count as underscores).
const ID: &[&str] = &[
    "filename",
    "id",
    "doc",
    "document",
    "doc_id",
    "document_id",
    "file",
];
const PUBLISHED: &[&str] = &[
    "publication_date",
    "published",
    "date",
    "pubdate",
    "published_at",
    "publish_date",
];
const TITLE: &[&str] = &["title", "headline"];
const OUTLET: &[&str] = &[
    "publisher",
    "outlet",
    "source",
    "site",
    "site_name",
    "publication",
    "media",
];
const BYLINE: &[&str] = &["author", "authors", "byline", "writer"];
const URL: &[&str] = &["url", "link", "source_url", "canonical_url"];

/// What one row says about its document; empty cells (and `None`, as
/// PolNeAR writes them) are absent.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Row {
    pub published: Option<NaiveDate>,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub byline: Option<String>,
    pub url: Option<String>,
}

/// The rows of a metadata file by document id, and which of them the
/// inputs used.
#[derive(Debug, Default)]
pub(crate) struct Table {
    rows: HashMap<String, (Row, AtomicBool)>,
    /// Inputs no row describes: how many, and the first few ids.
    unmatched: AtomicU64,
    unmatched_ids: Mutex<Vec<String>>,
}

/// How many ids a warning lists.
const LISTED: usize = 5;

fn normalize(header: &str) -> String {
    header.trim().to_lowercase().replace([' ', '-'], "_")
}

fn cell(cols: &[&str], at: Option<usize>) -> Option<String> {
    let v = cols.get(at?)?.trim();
    (!v.is_empty() && v != "None" && v != "NA").then(|| v.to_string())
}

impl Table {
    /// Reads a metadata file: a header row naming an id column and any of
    /// date, title, outlet, author and url (common names accepted), then
    /// one row per document. Bad dates are warned about and left out.
    pub(crate) fn read(path: &Path) -> Result<Self> {
        let text = whosaid::error::read_text(path)?;
        let mut lines = text.lines();
        let header: Vec<String> = lines
            .next()
            .unwrap_or("")
            .split('\t')
            .map(normalize)
            .collect();
        let col = |names: &[&str]| header.iter().position(|h| names.contains(&h.as_str()));
        let Some(id_col) = col(ID) else {
            bail!(
                "{}: the header needs a document id column (`filename`, `id`, `document`, …); it has {:?}",
                path.display(),
                header
            );
        };
        let cols = [
            col(PUBLISHED),
            col(TITLE),
            col(OUTLET),
            col(BYLINE),
            col(URL),
        ];
        if cols.iter().all(Option::is_none) {
            bail!(
                "{}: no known column besides the id (date `publication_date`/`published`, \
                 `title`, outlet `publisher`/`outlet`, `author`/`byline`, `url`); it has {:?}",
                path.display(),
                header
            );
        }
        let [date_col, title_col, outlet_col, byline_col, url_col] = cols;
        let mut rows = HashMap::new();
        for (n, line) in lines.enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let cells: Vec<&str> = line.split('\t').collect();
            let Some(id) = cell(&cells, Some(id_col)) else {
                eprintln!(
                    "whosaid: warning: {} line {}: no document id",
                    path.display(),
                    n + 2
                );
                continue;
            };
            let published = cell(&cells, date_col).and_then(|d| {
                match NaiveDate::parse_from_str(&d, "%Y-%m-%d") {
                    Ok(date) => Some(date),
                    Err(e) => {
                        eprintln!(
                            "whosaid: warning: {} line {}: date {d:?}: expected YYYY-MM-DD: {e}",
                            path.display(),
                            n + 2
                        );
                        None
                    }
                }
            });
            let row = Row {
                published,
                title: cell(&cells, title_col),
                outlet: cell(&cells, outlet_col),
                byline: cell(&cells, byline_col),
                url: cell(&cells, url_col),
            };
            rows.insert(id, (row, AtomicBool::new(false)));
        }
        Ok(Table {
            rows,
            ..Table::default()
        })
    }

    /// The row of document `id` (marked used), or none (counted).
    pub(crate) fn get(&self, id: &str) -> Option<&Row> {
        match self.rows.get(id) {
            Some((row, used)) => {
                used.store(true, Ordering::Relaxed);
                Some(row)
            }
            None => {
                if self.unmatched.fetch_add(1, Ordering::Relaxed) < LISTED as u64 {
                    let mut ids = self.unmatched_ids.lock().unwrap_or_else(|e| e.into_inner());
                    ids.push(id.to_string());
                }
                None
            }
        }
    }

    /// Warnings about rows no input used and inputs no row described
    /// (none when everything matched).
    pub(crate) fn warnings(&self, path: &Path) -> Vec<String> {
        let mut out = Vec::new();
        let mut unused: Vec<&str> = self
            .rows
            .iter()
            .filter(|(_, (_, used))| !used.load(Ordering::Relaxed))
            .map(|(id, _)| id.as_str())
            .collect();
        unused.sort_unstable();
        if !unused.is_empty() {
            out.push(format!(
                "{}: {} row(s) matched no input: {}{}",
                path.display(),
                unused.len(),
                unused[..unused.len().min(LISTED)].join(", "),
                if unused.len() > LISTED { ", …" } else { "" }
            ));
        }
        let missing = self.unmatched.load(Ordering::Relaxed);
        if missing > 0 {
            let ids = self.unmatched_ids.lock().unwrap_or_else(|e| e.into_inner());
            out.push(format!(
                "{}: {missing} input(s) had no row: {}{}",
                path.display(),
                ids.join(", "),
                if missing > LISTED as u64 { ", …" } else { "" }
            ));
        }
        out
    }
}

impl Row {
    /// Fills `meta` from the row: the table's values win over those the
    /// document carried (the user's file is the better source).
    pub(crate) fn apply(&self, meta: &mut whosaid_ingest::Metadata) {
        if self.published.is_some() {
            meta.published = self.published;
        }
        for (value, slot) in [
            (&self.title, &mut meta.title),
            (&self.outlet, &mut meta.outlet),
            (&self.byline, &mut meta.byline),
            (&self.url, &mut meta.url),
        ] {
            if value.is_some() {
                slot.clone_from(value);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_polnear_columns_and_aliases_and_reports_what_did_not_match() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.tsv");
        std::fs::write(
            &path,
            "compartment\tfilename\tpublisher\tpublication_date\tauthor\ttitle\twire\n\
             dev\ta\tbreitbart\t2016-09-12\tDan Riehl\tA title\tNone\n\
             dev\tb\tnyt\tnot a date\tNone\tB title\tNone\n\
             dev\tc\tpolitico\t2016-09-14\t\tC title\tNone\n",
        )
        .unwrap();
        let table = Table::read(&path).unwrap();
        let a = table.get("a").unwrap().clone();
        assert_eq!(a.outlet.as_deref(), Some("breitbart"));
        assert_eq!(a.byline.as_deref(), Some("Dan Riehl"));
        assert_eq!(a.title.as_deref(), Some("A title"));
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2016, 9, 12));
        let b = table.get("b").unwrap();
        assert_eq!((b.published, b.byline.as_deref()), (None, None));
        assert!(table.get("zzz").is_none());
        let warnings = table.warnings(&path);
        assert_eq!(warnings.len(), 2, "{warnings:?}");
        assert!(
            warnings[0].contains("1 row(s) matched no input: c"),
            "{warnings:?}"
        );
        assert!(
            warnings[1].contains("1 input(s) had no row: zzz"),
            "{warnings:?}"
        );
        let mut meta = whosaid_ingest::Metadata {
            title: Some("from the page".into()),
            ..Default::default()
        };
        a.apply(&mut meta);
        assert_eq!(meta.title.as_deref(), Some("A title"));
        assert_eq!(meta.outlet.as_deref(), Some("breitbart"));

        // Other spellings of the headers.
        std::fs::write(
            &path,
            "Document ID\tHeadline\tSite Name\tURL\nx\tX\tSite\thttps://x\n",
        )
        .unwrap();
        let row = Table::read(&path).unwrap().get("x").unwrap().clone();
        assert_eq!(row.outlet.as_deref(), Some("Site"));
        assert_eq!(row.url.as_deref(), Some("https://x"));
        // No id column, or nothing but the id: clear errors.
        std::fs::write(&path, "name\tdate\nx\t2020-01-01\n").unwrap();
        assert!(Table::read(&path)
            .unwrap_err()
            .to_string()
            .contains("id column"));
        std::fs::write(&path, "id\tcolour\nx\tred\n").unwrap();
        assert!(Table::read(&path)
            .unwrap_err()
            .to_string()
            .contains("no known column"));
    }
}
