//! What a harvest writes into DIR, and the optional link check.

use super::report_html;
use super::Report;
use crate::model::Catalog;
use crate::registry::jsonld::write_registry_to;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::Mutex;
use std::time::Duration;

/// `registry.jsonld`, `publishers/*.jsonld` with `publishers/index.json`,
/// `report.json` and `report/index.html`.
pub fn write_all(dir: &Path, merged: &Catalog, report: &Report) -> Result<(), String> {
    let write = |path: &Path, text: &str| {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        }
        std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
    };
    write_streamed(&dir.join("registry.jsonld"), merged)?;

    // One file per publisher, so an agency's widget loads only its own.
    let mut keys: BTreeMap<String, String> = BTreeMap::new();
    for d in &merged.datasets {
        if let (Some(key), Some(p)) = (d.publisher_key(), &d.publisher) {
            keys.entry(key.to_string())
                .or_insert_with(|| p.name.text("sv").to_string());
        }
    }
    let pub_dir = dir.join("publishers");
    let _ = std::fs::remove_dir_all(&pub_dir);
    std::fs::create_dir_all(&pub_dir)
        .map_err(|e| format!("cannot create {}: {e}", pub_dir.display()))?;
    let mut index = Vec::new();
    let mut used: HashMap<String, usize> = HashMap::new();
    for (key, name) in &keys {
        let mut file = slug(if name.is_empty() { key } else { name });
        let n = used.entry(file.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            file = format!("{file}-{n}");
        }
        let catalog = super::publisher_catalog(merged, key);
        write_streamed(&pub_dir.join(format!("{file}.jsonld")), &catalog)?;
        index.push(serde_json::json!({
            "publisher": key, "name": name, "file": format!("{file}.jsonld"), "datasets": catalog.datasets.len()
        }));
    }
    write(
        &pub_dir.join("index.json"),
        &serde_json::to_string_pretty(&index).unwrap_or_default(),
    )?;
    write(
        &dir.join("report.json"),
        &serde_json::to_string_pretty(report).unwrap_or_default(),
    )?;
    write(
        &dir.join("report").join("index.html"),
        &report_html::render(report),
    )?;
    Ok(())
}

fn write_streamed(path: &Path, catalog: &Catalog) -> Result<(), String> {
    let file =
        std::fs::File::create(path).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    let mut out = std::io::BufWriter::new(file);
    write_registry_to(catalog, &mut out)
        .and_then(|()| std::io::Write::flush(&mut out))
        .map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// A file name from a publisher's name: lower-case ASCII, folded as the
/// search folds it (å/ä → a, ö → o).
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in crate::search::normalize::fold(&name.to_lowercase()).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out
        .trim_end_matches('-')
        .chars()
        .take(60)
        .collect::<String>();
    if out.is_empty() {
        "publisher".into()
    } else {
        out
    }
}

/// HEAD requests to every access and download URL, each URL once, at most
/// a few at a time per host, with the harvest's timeout.
pub struct LinkChecker {
    agent: ureq::Agent,
    per_host: usize,
    results: Mutex<HashMap<String, bool>>,
}

/// At most this many links are checked in one harvest (politeness).
const MAX_LINKS: usize = 20_000;

impl LinkChecker {
    pub fn new(timeout: Duration, per_host: usize) -> LinkChecker {
        LinkChecker {
            agent: ureq::Agent::config_builder()
                .timeout_global(Some(timeout))
                .http_status_as_error(false)
                .build()
                .into(),
            per_host,
            results: Mutex::new(HashMap::new()),
        }
    }

    pub fn check_all(&self, datasets: &[crate::model::Dataset]) {
        let mut urls: Vec<String> = datasets
            .iter()
            .flat_map(|d| &d.distributions)
            .flat_map(|x| [x.access_url.clone(), x.download_url.clone()])
            .flatten()
            .filter(|u| u.starts_with("http://") || u.starts_with("https://"))
            .collect();
        urls.sort();
        urls.dedup();
        urls.truncate(MAX_LINKS);
        let answers = super::fetch::by_host(
            &urls,
            |u| super::sources::url_host(u),
            self.per_host,
            |_, url| {
                self.agent
                    .head(url)
                    .call()
                    .map(|r| r.status().as_u16() < 400)
                    .unwrap_or(false)
            },
        );
        let mut results = self.results.lock().unwrap_or_else(|e| e.into_inner());
        results.extend(urls.into_iter().zip(answers));
    }

    pub fn ok(&self, url: &str) -> bool {
        self.results
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(url)
            .copied()
            .unwrap_or(false)
    }
}
