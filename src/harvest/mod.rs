//! `open-data-catalogue harvest SOURCES --out DIR`: makes a network's
//! registry from every member's feeds, night after night.
//!
//! Fetch ([`fetch`]: parallel, polite, conditional, last good copy kept)
//! → read (every format the widget reads) → merge (the first dataset
//! with an IRI wins) → validate and score ([`crate::quality`]) → write
//! ([`output`]: `registry.jsonld`, `publishers/`, `report.json`,
//! `report/index.html`). A feed that fails does not stop the others; the
//! registry is written when at least one feed gave datasets.

pub mod fetch;
pub mod output;
pub mod report_html;
pub mod sources;
pub mod state;

use crate::model::{Catalog, LangText, Quality};
use crate::quality::{assess, findings};
use crate::registry::merge::Merger;
use fetch::{fetch_all, Got, Limits};
use serde::Serialize;
use sources::{Feed, Sources};
use state::State;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

pub struct Options {
    pub sources: PathBuf,
    pub out: PathBuf,
    pub timeout: Duration,
    pub per_host: usize,
    /// HEAD every access and download URL (bounded, polite) for the
    /// accessibility indicators.
    pub check_links: bool,
}

/// `report.json`.
#[derive(Serialize)]
pub struct Report {
    pub generated: String,
    pub datasets: usize,
    pub members: Vec<MemberReport>,
    /// Mean score of all datasets, as a share of the maximum (0–100).
    pub score_percent: u32,
    pub links_checked: bool,
}

#[derive(Serialize)]
pub struct MemberReport {
    pub name: String,
    pub feeds: Vec<FeedReport>,
    pub datasets: usize,
    pub score_percent: u32,
    pub rating: &'static str,
    pub datasets_by_rating: HashMap<&'static str, usize>,
    /// Per rule broken: what is wrong, how to fix it, and which datasets.
    pub findings: Vec<FindingReport>,
}

#[derive(Serialize)]
pub struct FeedReport {
    pub feed: String,
    /// `fresh`, `not-modified`, `kept` (failed, last good copy used) or
    /// `failed` (nothing to show).
    pub status: &'static str,
    pub error: Option<String>,
    /// When the copy used was saved (status `kept`).
    pub saved_at: Option<String>,
    pub datasets: usize,
    pub skipped: usize,
    pub duplicates: usize,
    pub problems: Vec<String>,
}

/// One rule a member's datasets break, once, with the datasets that do.
#[derive(Serialize)]
pub struct FindingReport {
    pub rule: &'static str,
    pub obligation: &'static str,
    pub class: &'static str,
    pub property: &'static str,
    pub problem_sv: &'static str,
    pub problem_en: &'static str,
    pub fix_sv: &'static str,
    pub fix_en: &'static str,
    pub count: usize,
    pub datasets: Vec<DatasetRef>,
}

#[derive(Serialize)]
pub struct DatasetRef {
    pub id: String,
    pub title: String,
}

/// Runs a harvest; `Err` only when nothing could be written.
pub fn run(opts: &Options) -> Result<Report, String> {
    let sources = Sources::read(&opts.sources)?;
    let base = opts.sources.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(&opts.out)
        .map_err(|e| format!("cannot create {}: {e}", opts.out.display()))?;
    let mut state = State::load(&opts.out);
    // (member, feed as written in SOURCES, where it is read from)
    let feeds: Vec<(usize, &str, Feed)> = sources
        .members
        .iter()
        .enumerate()
        .flat_map(|(m, member)| {
            member
                .feeds
                .iter()
                .map(move |f| (m, f.as_str(), Feed::new(f, base)))
        })
        .collect();
    let only_feeds: Vec<Feed> = feeds.iter().map(|(_, _, f)| f.clone()).collect();
    let limits = Limits {
        timeout: opts.timeout,
        per_host: opts.per_host,
    };
    let fetched = fetch_all(&only_feeds, &mut state, &opts.out, &limits);

    let mut merger = Merger::default();
    let mut member_feeds: Vec<Vec<FeedReport>> =
        sources.members.iter().map(|_| Vec::new()).collect();
    // Which member each merged dataset came from.
    let mut owner: Vec<usize> = Vec::new();
    for ((m, written, feed), result) in feeds.iter().zip(fetched) {
        let label = written.to_string();
        let mut report = FeedReport {
            feed: label.clone(),
            status: "failed",
            error: None,
            saved_at: None,
            datasets: 0,
            skipped: 0,
            duplicates: 0,
            problems: Vec::new(),
        };
        match result {
            Err(e) => report.error = Some(e),
            Ok(f) => {
                report.status = match &f.got {
                    Got::Fresh => "fresh",
                    Got::NotModified => "not-modified",
                    Got::Kept { error, saved_at } => {
                        report.error = Some(error.clone());
                        report.saved_at = Some(saved_at.clone());
                        "kept"
                    }
                };
                if f.got == Got::Fresh {
                    state.keep_copy(feed, &opts.out, &f.bytes)?;
                }
                let text = String::from_utf8_lossy(&f.bytes);
                let base_iri = matches!(feed, Feed::Url(_)).then_some(label.as_str());
                match crate::registry::read_with_base(&text, base_iri) {
                    Ok(mut catalog) => {
                        report.datasets = catalog.datasets.len();
                        report.skipped = catalog.skipped;
                        report.problems = std::mem::take(&mut catalog.problems)
                            .into_iter()
                            .take(20)
                            .collect();
                        report.duplicates = merger.add(catalog);
                        owner.extend(std::iter::repeat_n(*m, report.datasets - report.duplicates));
                    }
                    Err(e) => {
                        report.status = "failed";
                        report.error = Some(format!("not a catalogue: {e}"));
                    }
                }
            }
        }
        member_feeds[*m].push(report);
    }
    state.save(&opts.out)?;
    let mut merged = merger.finish();
    if merged.datasets.is_empty() {
        return Err("no feed gave any dataset; nothing written".into());
    }
    merged.problems.clear();
    merged.title = LangText::new();
    merged.title.insert(
        "sv",
        sources
            .title_sv
            .clone()
            .unwrap_or_else(|| "Nätverkets datamängder".into()),
    );
    merged.title.insert(
        "en",
        sources
            .title_en
            .clone()
            .unwrap_or_else(|| "The network's datasets".into()),
    );

    let checker = opts
        .check_links
        .then(|| output::LinkChecker::new(opts.timeout, opts.per_host));
    let reachable = checker.as_ref().inspect(|c| c.check_all(&merged.datasets));
    let reach_fn = reachable.map(|c| move |u: &str| c.ok(u));
    let mut members: Vec<MemberReport> = sources
        .members
        .iter()
        .zip(member_feeds)
        .map(|(m, feeds)| MemberReport {
            name: m.name.clone(),
            feeds,
            datasets: 0,
            score_percent: 0,
            rating: "bad",
            datasets_by_rating: HashMap::new(),
            findings: Vec::new(),
        })
        .collect();
    let mut sums: Vec<(u64, u64)> = vec![(0, 0); members.len()];
    let (mut all_points, mut all_max) = (0u64, 0u64);
    for (d, &m) in merged.datasets.iter_mut().zip(&owner) {
        let a = match &reach_fn {
            Some(f) => assess(d, Some(f)),
            None => assess(d, None),
        };
        d.quality = Some(Quality {
            points: a.points,
            max: a.max,
        });
        let member = &mut members[m];
        member.datasets += 1;
        *member
            .datasets_by_rating
            .entry(a.rating.code())
            .or_insert(0) += 1;
        sums[m].0 += u64::from(a.points);
        sums[m].1 += u64::from(a.max);
        all_points += u64::from(a.points);
        all_max += u64::from(a.max);
        for f in findings(d) {
            let Some(rule) = crate::quality::Rule::by_id(f.rule) else {
                continue;
            };
            let at = match member.findings.iter().position(|x| x.rule == rule.id) {
                Some(at) => at,
                None => {
                    member.findings.push(FindingReport {
                        rule: rule.id,
                        obligation: rule.obligation.code(),
                        class: rule.class,
                        property: rule.property,
                        problem_sv: rule.problem_sv,
                        problem_en: rule.problem_en,
                        fix_sv: rule.fix_sv,
                        fix_en: rule.fix_en,
                        count: 0,
                        datasets: Vec::new(),
                    });
                    member.findings.len() - 1
                }
            };
            let entry = &mut member.findings[at];
            entry.count += 1;
            entry.datasets.push(DatasetRef {
                id: d.id.clone(),
                title: d.title.text("sv").to_string(),
            });
        }
    }
    for member in &mut members {
        member
            .findings
            .sort_by_key(|f| (f.obligation != "mandatory", std::cmp::Reverse(f.count)));
    }
    for (member, (points, max)) in members.iter_mut().zip(sums) {
        member.score_percent = percent(points, max);
        member.rating = crate::quality::Rating::of(member.score_percent, 100).code();
    }
    let report = Report {
        generated: now_iso(),
        datasets: merged.datasets.len(),
        members,
        score_percent: percent(all_points, all_max),
        links_checked: opts.check_links,
    };
    output::write_all(&opts.out, &merged, &report)?;
    Ok(report)
}

fn percent(points: u64, max: u64) -> u32 {
    (points * 100).checked_div(max).unwrap_or(0) as u32
}

/// The current UTC time as ISO 8601 (`2026-12-02T21:36:00Z`).
pub fn now_iso() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    iso_from_unix(secs)
}

/// Days since 1970 to a civil date (H. Hinnant's algorithm).
fn iso_from_unix(secs: u64) -> String {
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// The catalogue a publisher's own file holds.
pub fn publisher_catalog(merged: &Catalog, key: &str) -> Catalog {
    Catalog {
        title: merged.title.clone(),
        datasets: merged
            .datasets
            .iter()
            .filter(|d| d.publisher_key() == Some(key))
            .cloned()
            .collect(),
        ..Default::default()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn iso_dates() {
        assert_eq!(super::iso_from_unix(0), "1970-01-01T00:00:00Z");
        assert_eq!(super::iso_from_unix(1_795_556_160), "2026-11-24T21:36:00Z");
        assert_eq!(super::iso_from_unix(951_782_400), "2000-02-29T00:00:00Z");
    }
}
