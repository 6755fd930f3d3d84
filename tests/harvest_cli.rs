//! `open-data-catalogue harvest`: the real command on real feeds
//! (tests/fixtures), served by a local HTTP server that also answers 304,
//! 500, too slowly, and with an HTML error page.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

const FIX: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

/// How the test server behaves; switched between runs.
#[derive(Default)]
struct Server {
    /// `/flaky` fails with 500 once this is set.
    flaky_fails: AtomicBool,
    /// Requests to `/scb` answered with 304.
    not_modified: AtomicUsize,
}

fn serve(state: Arc<Server>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let state = state.clone();
            std::thread::spawn(move || {
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                let mut request_line = String::new();
                let _ = reader.read_line(&mut request_line);
                let mut if_none_match = None;
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                        break;
                    }
                    if let Some(v) = line.to_ascii_lowercase().strip_prefix("if-none-match:") {
                        if_none_match = Some(v.trim().to_string());
                    }
                }
                let path = request_line
                    .split_whitespace()
                    .nth(1)
                    .unwrap_or("/")
                    .to_string();
                let file = |p: &str| std::fs::read(Path::new(FIX).join(p)).unwrap();
                let (status, headers, body): (&str, &str, Vec<u8>) = match path.as_str() {
                    "/scb" if if_none_match.as_deref() == Some("\"scb-1\"") => {
                        state.not_modified.fetch_add(1, Ordering::SeqCst);
                        ("304 Not Modified", "ETag: \"scb-1\"\r\n", Vec::new())
                    }
                    "/scb" => (
                        "200 OK",
                        "ETag: \"scb-1\"\r\n",
                        file("dcat-ap-se/scb-statistikdatabasen-dcat-ap-2.rdf.xml"),
                    ),
                    "/umea" => ("200 OK", "", file("dcat-ap-se/openumea-opennorth-dcat.rdf")),
                    "/flaky" if state.flaky_fails.load(Ordering::SeqCst) => {
                        ("500 Internal Server Error", "", b"oops".to_vec())
                    }
                    "/flaky" => (
                        "200 OK",
                        "Last-Modified: Tue, 01 Dec 2026 10:00:00 GMT\r\n",
                        file("ckan/ch-envidat-package_search.json"),
                    ),
                    "/ok" => ("200 OK", "", b"fine".to_vec()),
                    "/broken" => ("500 Internal Server Error", "", b"Internal error".to_vec()),
                    "/html" => (
                        "200 OK",
                        "Content-Type: text/html\r\n",
                        b"<!doctype html><html><body><h1>Sidan finns inte</h1></body></html>"
                            .to_vec(),
                    ),
                    "/slow" => {
                        std::thread::sleep(Duration::from_secs(5));
                        (
                            "200 OK",
                            "",
                            file("dcat-ap-se/digg-exempel-obligatoriskt.rdf"),
                        )
                    }
                    _ => ("404 Not Found", "", b"no".to_vec()),
                };
                let mut s = stream;
                let _ = write!(
                    s,
                    "HTTP/1.1 {status}\r\n{headers}Content-Length: {}\r\nConnection: close\r\n\r\n",
                    body.len()
                );
                let _ = s.write_all(&body);
            });
        }
    });
    format!("http://{addr}")
}

fn harvest(sources: &Path, out: &Path) -> (bool, String, serde_json::Value) {
    harvest_with(sources, out, &[])
}

fn harvest_with(sources: &Path, out: &Path, flags: &[&str]) -> (bool, String, serde_json::Value) {
    let o = Command::new(env!("CARGO_BIN_EXE_open-data-catalogue"))
        .arg("harvest")
        .arg(sources)
        .arg("--out")
        .arg(out)
        .args(["--timeout", "1.5"])
        .args(flags)
        .output()
        .unwrap();
    let report = std::fs::read_to_string(out.join("report.json"))
        .map(|t| serde_json::from_str(&t).unwrap())
        .unwrap_or(serde_json::Value::Null);
    (
        o.status.success(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
        report,
    )
}

fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("odc-harvest-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn feed<'a>(report: &'a serde_json::Value, member: &str, feed_ends: &str) -> &'a serde_json::Value {
    let m = report["members"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["name"] == member)
        .unwrap();
    m["feeds"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["feed"].as_str().unwrap().ends_with(feed_ends))
        .unwrap()
}

#[test]
fn harvest_merges_real_feeds_keeps_failed_ones_from_last_night_and_reports_each() {
    let server = Arc::new(Server::default());
    let base = serve(server.clone());
    let dir = temp_dir("run");
    let sources = dir.join("sources.toml");
    std::fs::write(
        &sources,
        format!(
            r#"
title_sv = "Testnätverket"
[[member]]
name = "SCB"
feeds = ["{base}/scb"]
[[member]]
name = "Umeå kommun"
feeds = ["{base}/umea", "{base}/broken"]
[[member]]
name = "EnviDat"
feeds = ["{base}/flaky"]
[[member]]
name = "Digg"
feeds = ["{FIX}/dcat-ap-se/digg-exempel-obligatoriskt.ttl", "{base}/html", "{base}/slow"]
"#
        ),
    )
    .unwrap();
    let out = dir.join("out");

    let (ok, stderr, report) = harvest(&sources, &out);
    assert!(ok, "{stderr}");
    assert_eq!(feed(&report, "SCB", "/scb")["status"], "fresh");
    let scb = feed(&report, "SCB", "/scb")["datasets"].as_u64().unwrap();
    assert!(scb > 1000, "{scb}");
    assert_eq!(feed(&report, "Umeå kommun", "/broken")["status"], "failed");
    assert_eq!(feed(&report, "Umeå kommun", "/broken")["error"], "HTTP 500");
    assert_eq!(feed(&report, "Digg", "/html")["status"], "failed");
    assert!(feed(&report, "Digg", "/html")["error"]
        .as_str()
        .unwrap()
        .contains("HTML"));
    assert_eq!(feed(&report, "Digg", "/slow")["status"], "failed");
    assert_eq!(feed(&report, "Digg", "/slow")["error"], "timed out");
    assert_eq!(feed(&report, "EnviDat", "/flaky")["status"], "fresh");

    // The registry holds every feed's datasets once, each with its score.
    let registry = std::fs::read_to_string(out.join("registry.jsonld")).unwrap();
    let catalog = open_data_catalogue::registry::read(&registry).unwrap();
    let total: u64 = report["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["datasets"].as_u64().unwrap())
        .sum();
    assert_eq!(catalog.datasets.len() as u64, total);
    assert_eq!(report["datasets"].as_u64().unwrap(), total);
    assert!(catalog
        .datasets
        .iter()
        .all(|d| d.quality.is_some_and(|q| q.points <= q.max && q.max > 0)));
    assert_eq!(catalog.title.text("sv"), "Testnätverket");

    // One file per publisher, holding only that publisher's datasets.
    let index: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("publishers/index.json")).unwrap())
            .unwrap();
    let mut in_files = 0;
    for entry in index.as_array().unwrap() {
        let text =
            std::fs::read_to_string(out.join("publishers").join(entry["file"].as_str().unwrap()))
                .unwrap();
        let c = open_data_catalogue::registry::read(&text).unwrap();
        assert_eq!(c.datasets.len() as u64, entry["datasets"].as_u64().unwrap());
        // One publisher per file (as read back: a CKAN organisation's
        // slug is not an IRI and is not written, its name is).
        let first = c.datasets[0]
            .publisher
            .as_ref()
            .map(|p| p.name.text("sv").to_string());
        assert_eq!(first.as_deref(), entry["name"].as_str());
        assert!(c
            .datasets
            .iter()
            .all(|d| d.publisher_key() == c.datasets[0].publisher_key()));
        in_files += c.datasets.len();
    }
    let with_publisher = catalog
        .datasets
        .iter()
        .filter(|d| d.publisher_key().is_some())
        .count();
    assert_eq!(in_files, with_publisher);

    // The human report names every member and escapes what feeds say.
    let html = std::fs::read_to_string(out.join("report/index.html")).unwrap();
    for name in [
        "SCB",
        "Umeå kommun",
        "EnviDat",
        "Digg",
        "HTTP 500",
        "timed out",
    ] {
        assert!(html.contains(name), "{name} missing from the report");
    }
    assert!(html.contains("<html lang=\"sv\">") && html.contains("<caption>"));

    // Second night: SCB unchanged (304), the flaky feed fails and is shown
    // from last night's copy.
    server.flaky_fails.store(true, Ordering::SeqCst);
    let (ok, stderr, report2) = harvest(&sources, &out);
    assert!(ok, "{stderr}");
    assert_eq!(feed(&report2, "SCB", "/scb")["status"], "not-modified");
    assert_eq!(server.not_modified.load(Ordering::SeqCst), 1);
    assert_eq!(
        feed(&report2, "SCB", "/scb")["datasets"],
        feed(&report, "SCB", "/scb")["datasets"]
    );
    let flaky = feed(&report2, "EnviDat", "/flaky");
    assert_eq!(flaky["status"], "kept");
    assert_eq!(flaky["error"], "HTTP 500");
    assert!(flaky["saved_at"].as_str().unwrap().starts_with("20"));
    assert_eq!(
        flaky["datasets"],
        feed(&report, "EnviDat", "/flaky")["datasets"]
    );
    assert_eq!(report2["datasets"], report["datasets"]);
}

#[test]
fn harvest_with_no_usable_feed_fails_and_says_why() {
    let dir = temp_dir("none");
    let sources = dir.join("sources.toml");
    std::fs::write(
        &sources,
        "[[member]]\nname = \"X\"\nfeeds = [\"missing.rdf\"]\n",
    )
    .unwrap();
    let (ok, stderr, _) = harvest(&sources, &dir.join("out"));
    assert!(!ok);
    assert!(stderr.contains("no feed gave any dataset"), "{stderr}");
}

#[test]
fn check_links_scores_reachable_access_and_download_urls() {
    let base = serve(Arc::new(Server::default()));
    let dir = temp_dir("links");
    // Two datasets alike but for where their distribution points: one at a
    // page that answers, one at a page that does not (404).
    let dataset = |id: &str, url: &str| {
        format!(
            r#"{{"@id": "https://example.se/{id}", "@type": "Dataset", "title": {{"sv": "{id}"}},
               "description": {{"sv": "Beskrivning"}},
               "publisher": {{"@id": "https://example.se/org", "name": {{"sv": "Exempel"}}}},
               "distribution": [{{"@type": "Distribution", "accessURL": "{url}", "downloadURL": "{url}"}}]}}"#
        )
    };
    let feed = format!(
        r#"{{"@context": {}, "@type": "Catalog", "title": {{"sv": "Länkar"}}, "dataset": [{}, {}]}}"#,
        open_data_catalogue::registry::jsonld::CONTEXT,
        dataset("reachable", &format!("{base}/ok")),
        dataset("gone", &format!("{base}/gone"))
    );
    std::fs::write(dir.join("feed.jsonld"), feed).unwrap();
    let sources = dir.join("sources.toml");
    std::fs::write(
        &sources,
        "[[member]]\nname = \"Exempel\"\nfeeds = [\"feed.jsonld\"]\n",
    )
    .unwrap();
    let score = |flags: &[&str]| {
        let out = dir.join(format!("out{}", flags.len()));
        let (ok, stderr, report) = harvest_with(&sources, &out, flags);
        assert!(ok, "{stderr}");
        assert_eq!(report["links_checked"], !flags.is_empty());
        let text = std::fs::read_to_string(out.join("registry.jsonld")).unwrap();
        let c = open_data_catalogue::registry::read(&text).unwrap();
        let q = |id: &str| {
            c.datasets
                .iter()
                .find(|d| d.id.ends_with(id))
                .unwrap()
                .quality
                .unwrap()
        };
        (q("reachable"), q("gone"))
    };
    // Without the check, reachability is not assessed: both score the same
    // of 275 assessable points.
    let (a, b) = score(&[]);
    assert_eq!((a, a.max), (b, 275));
    // With it: 80 more assessable points (access 50, download 30), earned
    // only by the dataset whose links answer.
    let (a, b) = score(&["--check-links"]);
    assert_eq!((a.max, b.max), (355, 355));
    assert_eq!(a.points, b.points + 80, "{a:?} {b:?}");
}
