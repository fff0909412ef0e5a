//! Helpers shared by the CLI test files.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn whosaid() -> Command {
    Command::new(env!("CARGO_BIN_EXE_whosaid"))
}

pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

pub fn example() -> PathBuf {
    root().join("examples/nato-rutte.txt")
}

/// PolNeAR and the reference scorer beside the project, when present.
pub fn shared() -> Option<PathBuf> {
    let dir = root().join("../shared");
    dir.join("bench/score.py").is_file().then_some(dir)
}

pub fn run(cmd: &mut Command) -> Output {
    cmd.output().expect("whosaid runs")
}

/// Fails with the command's stderr unless it succeeded.
pub fn assert_success(out: &Output) {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("utf-8 output")
}

/// A store at `dir/s.db` holding the example article.
pub fn example_store(dir: &Path) -> PathBuf {
    let db = dir.join("s.db");
    assert_success(&run(whosaid()
        .args(["ingest", "--db"])
        .arg(&db)
        .arg(example())));
    db
}
