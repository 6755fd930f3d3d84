//! The `convert` command, run as a built binary.

use open_data_catalogue::registry::jsonld::read_registry;
use std::path::{Path, PathBuf};
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_open-data-catalogue");

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/dcat-ap-se")
        .join(name)
}

/// A fresh directory per test run (no tempfile crate needed).
fn scratch_dir(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("odc-convert-{test}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn merges_two_inputs_and_dedupes() {
    let dir = scratch_dir("merge");
    let out = dir.join("registry.jsonld");
    let status = Command::new(BIN)
        .arg("convert")
        .arg(fixture("digg-exempel-rekommenderat.rdf"))
        .arg(fixture("scb-statistikdatabasen-2024-04-03-single.rdf.xml"))
        // The Turtle twin repeats the Digg dataset: it must not be doubled.
        .arg(fixture("digg-exempel-rekommenderat.ttl"))
        .args(["--out", out.to_str().unwrap(), "--title-sv", "Sammanslagen"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&status.stderr);
    assert!(status.status.success(), "{stderr}");
    assert!(stderr.contains("1 datasets read, 0 skipped"), "{stderr}");
    assert!(stderr.contains("wrote 2 datasets"), "{stderr}");

    let catalog = read_registry(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(catalog.datasets.len(), 2);
    assert_eq!(catalog.datasets[0].id, "https://example.com/dataset1");
    assert_eq!(
        catalog.datasets[1].id,
        "https://statistikdatabasen.scb.se/dataset/TAB3966"
    );
    assert_eq!(catalog.title.text("sv"), "Sammanslagen");
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn unreadable_input_fails_clearly() {
    let dir = scratch_dir("fail");
    let page = dir.join("page.html");
    std::fs::write(&page, "<!DOCTYPE html><html><body>Not found</body></html>").unwrap();
    let out = dir.join("never.jsonld");
    for input in [page.clone(), dir.join("missing.rdf")] {
        let result = Command::new(BIN)
            .arg("convert")
            .arg(&input)
            .args(["--out", out.to_str().unwrap()])
            .output()
            .unwrap();
        assert!(!result.status.success());
        let stderr = String::from_utf8_lossy(&result.stderr);
        assert!(stderr.contains(input.to_str().unwrap()), "{stderr}");
        assert!(!out.exists(), "nothing is written when an input fails");
    }
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn help_and_usage_errors() {
    let help = Command::new(BIN).arg("--help").output().unwrap();
    assert!(help.status.success());
    assert!(String::from_utf8_lossy(&help.stdout).contains("--out FILE"));

    let no_out = Command::new(BIN)
        .args(["convert", "x.rdf"])
        .output()
        .unwrap();
    assert_eq!(no_out.status.code(), Some(2));
}
