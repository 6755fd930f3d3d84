//! Replays fuzzer inputs on stable, through the fuzz targets' own code
//! (`fuzz/entry.rs`): the regression inputs (`tests/fuzz_regressions/
//! <target>/`: every crash ever found, and hand-written inputs of kinds
//! known to be dangerous for the target, each folder's README.md saying
//! which file is what) and the kept corpus (`fuzz/corpus/<target>/`). CI
//! runs this; it never runs the fuzzer itself (docs/fuzzing.md).
//!
//! Both tests fail when a target has nothing to replay, so a folder that
//! lost its inputs (or a target added without any) cannot pass silently.

#[path = "../fuzz/entry.rs"]
mod entry;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// At most this long per corpus in a debug build; a larger corpus is
/// replayed in an evenly spread, deterministic sample.
const CORPUS_BUDGET: Duration = Duration::from_secs(5);

fn files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.is_file()
                && !p
                    .file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with('.') || n.ends_with(".md"))
        })
        .collect();
    files.sort();
    files
}

/// Runs `target` on `file`'s bytes, reporting which file panicked.
fn replay(target: &str, run: fn(&[u8]), file: &Path, data: &[u8]) {
    if std::panic::catch_unwind(|| run(data)).is_err() {
        panic!("{target}: {} panics", file.display());
    }
}

#[test]
fn crashes_found_by_fuzzing_stay_fixed() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_regressions");
    let mut replayed = 0;
    for (target, run) in entry::TARGETS {
        let inputs = files(&root.join(target));
        assert!(
            !inputs.is_empty(),
            "tests/fuzz_regressions/{target}/ has no regression input"
        );
        for file in &inputs {
            let data = std::fs::read(file)
                .unwrap_or_else(|e| panic!("{target}: cannot read {}: {e}", file.display()));
            replay(target, run, file, &data);
            replayed += 1;
        }
        eprintln!("{target}: {} regression inputs replayed", inputs.len());
    }
    assert!(replayed > 0, "no regression input replayed");
    eprintln!("{replayed} regression inputs replayed");
}

#[test]
fn fuzz_corpus_replays() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus");
    for (target, run) in entry::TARGETS {
        let all = files(&root.join(target));
        assert!(!all.is_empty(), "fuzz/corpus/{target}/ is empty");
        // Every file while within budget, then every k-th of the rest, so a
        // corpus that grew large still gets sampled from end to end.
        let start = Instant::now();
        let mut step = 1;
        let mut replayed = 0;
        let mut i = 0;
        while i < all.len() {
            // A file can vanish while a local fuzzer run rewrites the
            // corpus.
            if let Ok(data) = std::fs::read(&all[i]) {
                replay(target, run, &all[i], &data);
                replayed += 1;
            }
            if step == 1 && start.elapsed() > CORPUS_BUDGET {
                step = 16;
            }
            i += step;
        }
        eprintln!(
            "{target}: {replayed} of {} corpus inputs in {:.1?}",
            all.len(),
            start.elapsed()
        );
        assert!(replayed > 0, "no input of fuzz/corpus/{target}/ replayed");
    }
}
