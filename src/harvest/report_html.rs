//! `report/index.html`: the harvest's report for people, in Swedish and
//! English, one static page: the overall picture, then per member its
//! feeds, its score and what to fix. Every text from a feed is escaped;
//! ratings are words, not colours alone; tables have headers and captions.

use super::{MemberReport, Report};
use crate::quality::Rating;
use std::fmt::Write;

/// Datasets named per finding in the page (all of them are in report.json).
const SHOWN_DATASETS: usize = 50;

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn rating_words(code: &str) -> String {
    let r = Rating::from_code(code).unwrap_or(Rating::Bad);
    format!("{} / {}", r.label("sv"), r.label("en"))
}

fn status_words(status: &str) -> &'static str {
    match status {
        "fresh" => "Hämtad / Fetched",
        "not-modified" => "Oförändrad (304) / Not modified (304)",
        "kept" => "Misslyckades – förra kopian används / Failed – last good copy used",
        _ => "Misslyckades / Failed",
    }
}

pub fn render(report: &Report) -> String {
    let mut h = String::new();
    let _ = write!(
        h,
        r#"<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Skörderapport / Harvest report</title>
<style>
body{{font:16px/1.5 system-ui,sans-serif;max-width:70rem;margin:0 auto;padding:1rem;color:#1a1a1a;background:#fff}}
table{{border-collapse:collapse;width:100%;margin:0 0 1.5rem}}th,td{{border:1px solid #767676;padding:.3rem .5rem;text-align:left;vertical-align:top}}
caption{{text-align:left;font-weight:600}}a{{color:#0645ad}}.mandatory{{font-weight:700}}
:focus-visible{{outline:3px solid #0645ad;outline-offset:2px}}
</style></head><body>
<header><h1>Skörderapport <span lang="en">/ Harvest report</span></h1>
<p>Skapad / Generated: <time datetime="{gen}">{gen}</time>. Datamängder / Datasets: <strong>{n}</strong>.
Kvalitet i genomsnitt / Mean quality: <strong>{pct} %</strong> ({rating}). Länkar kontrollerade / Links checked: {links}.</p>
<p>Poängen följer EU:s Metadata Quality Assessment (MQA) <span lang="en">/ The score follows the EU's Metadata Quality Assessment (MQA)</span>.</p>
</header>
<main>
<nav aria-label="Medlemmar / Members"><h2>Medlemmar <span lang="en">/ Members</span></h2><ul>
"#,
        gen = esc(&report.generated),
        n = report.datasets,
        pct = report.score_percent,
        rating = rating_words(Rating::of(report.score_percent, 100).code()),
        links = if report.links_checked {
            "ja / yes"
        } else {
            "nej / no"
        },
    );
    for (i, m) in report.members.iter().enumerate() {
        let _ = writeln!(
            h,
            r##"<li><a href="#m{i}">{}</a>: {} datamängder / datasets, {} % ({})</li>"##,
            esc(&m.name),
            m.datasets,
            m.score_percent,
            rating_words(m.rating)
        );
    }
    h.push_str("</ul></nav>\n");
    for (i, m) in report.members.iter().enumerate() {
        member(&mut h, i, m);
    }
    h.push_str("</main></body></html>\n");
    h
}

fn member(h: &mut String, i: usize, m: &MemberReport) {
    let _ = write!(
        h,
        r#"<section id="m{i}" aria-labelledby="m{i}h"><h2 id="m{i}h">{name}</h2>
<p>{n} datamängder / datasets · kvalitet / quality {pct} % ({rating})</p>
<table><caption>Flöden <span lang="en">/ Feeds</span></caption>
<thead><tr><th scope="col">Flöde / Feed</th><th scope="col">Status</th><th scope="col">Datamängder / Datasets</th><th scope="col">Överhoppade / Skipped</th><th scope="col">Dubbletter / Duplicates</th><th scope="col">Fel / Error</th></tr></thead><tbody>
"#,
        name = esc(&m.name),
        n = m.datasets,
        pct = m.score_percent,
        rating = rating_words(m.rating),
    );
    for f in &m.feeds {
        let error = match (&f.error, &f.saved_at) {
            (Some(e), Some(at)) => format!("{} (kopia från / copy from {})", esc(e), esc(at)),
            (Some(e), None) => esc(e),
            _ => String::new(),
        };
        let _ = writeln!(
            h,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&f.feed),
            status_words(f.status),
            f.datasets,
            f.skipped,
            f.duplicates,
            error
        );
    }
    h.push_str("</tbody></table>\n");
    if m.findings.is_empty() {
        h.push_str("<p>Inga brister mot DCAT-AP-SE hittades. <span lang=\"en\">No shortcomings against DCAT-AP-SE were found.</span></p>\n");
    } else {
        let _ = write!(
            h,
            r#"<table><caption>Att åtgärda <span lang="en">/ To fix</span></caption>
<thead><tr><th scope="col">Egenskap / Property</th><th scope="col">Krav / Obligation</th><th scope="col">Problem</th><th scope="col">Åtgärd / Fix</th><th scope="col">Datamängder / Datasets</th></tr></thead><tbody>
"#
        );
        for f in &m.findings {
            let mandatory = f.obligation == "mandatory";
            let mut list = String::new();
            for d in f.datasets.iter().take(SHOWN_DATASETS) {
                let _ = write!(
                    list,
                    "<li>{}</li>",
                    esc(if d.title.is_empty() { &d.id } else { &d.title })
                );
            }
            let more = f.count.saturating_sub(SHOWN_DATASETS);
            if more > 0 {
                let _ = write!(list, "<li>… {more} till / more (report.json)</li>");
            }
            let _ = writeln!(
                h,
                r#"<tr><td><code>{}</code> ({})</td><td{}>{}</td><td>{}<br><span lang="en">{}</span></td><td>{}<br><span lang="en">{}</span></td><td><details><summary>{}</summary><ul>{}</ul></details></td></tr>"#,
                esc(f.property),
                esc(f.class),
                if mandatory {
                    r#" class="mandatory""#
                } else {
                    ""
                },
                if mandatory {
                    "Obligatorisk / Mandatory"
                } else {
                    "Rekommenderad / Recommended"
                },
                esc(f.problem_sv),
                esc(f.problem_en),
                esc(f.fix_sv),
                esc(f.fix_en),
                f.count,
                list
            );
        }
        h.push_str("</tbody></table>\n");
    }
    h.push_str("</section>\n");
}
