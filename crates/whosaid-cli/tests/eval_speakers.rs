//! `whosaid eval-speakers`: the numbers of `bench/check_speakers.py`.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

mod common;

use common::whosaid;

/// The reference checker beside the project, when present.
fn shared() -> Option<PathBuf> {
    common::shared().filter(|dir| dir.join("bench/check_speakers.py").is_file())
}

/// A split of two short articles and a gold table, written to `dir`.
fn tiny_split(dir: &Path) {
    std::fs::create_dir_all(dir.join("text")).unwrap();
    std::fs::write(
        dir.join("text/a.txt"),
        "Talks fail\n\nJohn Smith said that the talks failed. He added that they would resume.",
    )
    .unwrap();
    std::fs::write(
        dir.join("text/b.txt"),
        "Plan\n\nThe ministry said the plan was ready, a source said.",
    )
    .unwrap();
    // Offsets in code points: "John Smith" 12-22, "He" 51-53; "The ministry"
    // 6-18, "a source" 44-52; one medium row, never scored.
    std::fs::write(
        dir.join("speakers.tsv"),
        "doc\tstart\tend\tname\tkind\tconfidence\n\
         a\t12\t22\tJohn Smith\tperson\thigh\n\
         a\t51\t53\tJohn Smith\tperson\thigh\n\
         b\t6\t18\tMinistry of Plans\torganization\thigh\n\
         b\t44\t52\ta source\tanonymous\thigh\n\
         b\t0\t4\tNobody\tperson\tmedium\n",
    )
    .unwrap();
}

#[test]
fn scores_a_split_and_gates_on_accuracy() {
    let tmp = tempfile::tempdir().unwrap();
    tiny_split(tmp.path());
    let out = whosaid()
        .args(["eval-speakers", "--json", "--data"])
        .arg(tmp.path())
        .output()
        .unwrap();
    common::assert_success(&out);
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["overall"]["gold"], 4, "{report}");
    assert_eq!(report["documents"], 2);
    // The two John Smith sources resolve to him (name and pronoun).
    let person = report["by_kind"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k[0] == "person")
        .unwrap();
    assert_eq!(person[1]["right"], 2, "{report}");
    let gated = whosaid()
        .args(["eval-speakers", "--min-accuracy", "1.01", "--data"])
        .arg(tmp.path())
        .output()
        .unwrap();
    assert_eq!(gated.status.code(), Some(1));
    let table = String::from_utf8_lossy(&gated.stdout);
    assert!(
        table.contains("dev speaker resolution:") && table.contains("bar 1.01"),
        "{table}"
    );
    // A malformed gold row names its line.
    std::fs::write(
        tmp.path().join("bad.tsv"),
        "doc\tstart\tend\tname\tkind\tconfidence\na\tx\t2\tN\tperson\thigh\n",
    )
    .unwrap();
    let bad = whosaid()
        .args(["eval-speakers", "--gold"])
        .arg(tmp.path().join("bad.tsv"))
        .arg("--data")
        .arg(tmp.path())
        .output()
        .unwrap();
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("line 2"));
}

/// The same table as the reference checker, line for line, on PolNeAR dev
/// predictions written by `extract --format json --out`, and the same
/// numbers when the pipeline runs in memory.
#[test]
fn agrees_with_check_speakers_py_on_dev() {
    let Some(shared) = shared() else {
        eprintln!("skipped: ../shared not present");
        return;
    };
    let dev = shared.join("data/polnear/dev");
    let tmp = tempfile::tempdir().unwrap();
    let out = whosaid()
        .args(["extract", "--format", "json", "--out"])
        .arg(tmp.path())
        .arg(dev.join("text"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let py = Command::new("python3")
        .arg(shared.join("bench/check_speakers.py"))
        .arg(tmp.path())
        .arg(dev.join("speakers.tsv"))
        .arg(dev.join("text"))
        .output();
    let Ok(py) = py else {
        eprintln!("skipped: python3 not available");
        return;
    };
    common::assert_success(&py);
    for extra in [vec!["--pred".into(), tmp.path().to_path_buf()], vec![]] {
        let ours = whosaid()
            .args(["eval-speakers", "--data"])
            .arg(&dev)
            .args(&extra)
            .output()
            .unwrap();
        assert!(ours.status.success());
        assert_eq!(
            String::from_utf8_lossy(&ours.stdout),
            String::from_utf8_lossy(&py.stdout),
            "{extra:?}"
        );
    }
}
