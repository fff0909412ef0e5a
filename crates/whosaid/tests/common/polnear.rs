//! PolNeAR beside the project: the article files of train and dev, for
//! the tests that run over the whole corpus (skipped without it).

use std::path::{Path, PathBuf};

/// Every text file of PolNeAR train and dev, sorted by split then name;
/// `None` (with a note) when `../shared` is not beside the project.
pub fn polnear_texts() -> Option<Vec<PathBuf>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/polnear");
    if !root.join("train/text").is_dir() {
        eprintln!("skipped: no PolNeAR at {}", root.display());
        return None;
    }
    let mut all = Vec::new();
    for split in ["train", "dev"] {
        let mut files: Vec<PathBuf> = std::fs::read_dir(root.join(split).join("text"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        all.extend(files);
    }
    Some(all)
}
