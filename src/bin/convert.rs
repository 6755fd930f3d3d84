//! `open-data-catalogue convert`: reads registries in any supported format
//! (files or http(s) URLs), merges their datasets and writes one registry
//! file in the widget's JSON-LD format (docs/registry.md).
//!
//! `open-data-catalogue harvest SOURCES --out DIR`: makes a network's
//! registry from its members' feeds, with a validation and quality report
//! (`open_data_catalogue::harvest`).

use open_data_catalogue::model::{Catalog, LangText};
use open_data_catalogue::registry::merge::Merger;
use open_data_catalogue::registry::{self, jsonld, Format, ReadError};

use std::process::ExitCode;

const USAGE: &str = "\
Usage: open-data-catalogue convert INPUT... --out FILE [--title-sv TEXT] [--title-en TEXT]
       open-data-catalogue harvest SOURCES --out DIR [--timeout SECONDS] [--per-host N] [--check-links]

Reads DCAT-AP-SE catalogues (RDF/XML, Turtle or the registry JSON-LD),
merges their datasets (the first dataset with a given id wins) and writes
one registry file for the widget.

  INPUT            a file path or an http(s) URL; the format is detected
                   from the content
  --out FILE       where to write the registry JSON-LD
  --title-sv TEXT  the merged catalogue's Swedish title
  --title-en TEXT  the merged catalogue's English title
                   (default: the first input's title)
  -h, --help       show this help

harvest: fetches every member's feeds listed in SOURCES (TOML, see the
README), in parallel and politely, merges them and writes into DIR:
registry.jsonld, publishers/*.jsonld, report.json and report/index.html.
A feed that fails is shown from its last good copy. Exit status 0 when the
registry was written, even if some feeds failed (the report says which).

  --timeout SECONDS  per request (default 30)
  --per-host N       at most N requests at once to one host (default 2)
  --check-links      HEAD every access and download URL for the quality
                     score's accessibility indicators
";

/// What the command line asked for.
struct Args {
    inputs: Vec<String>,
    out: String,
    title_sv: Option<String>,
    title_en: Option<String>,
}

enum Parsed {
    Run(Args),
    Help,
}

/// Largest registry accepted over HTTP; SCB's full export is about 4 MiB.
const MAX_DOWNLOAD_BYTES: u64 = 256 * 1024 * 1024;
/// How many skipped-record reasons are printed per input.
const PROBLEMS_SHOWN: usize = 5;

fn main() -> ExitCode {
    if std::env::args().nth(1).as_deref() == Some("harvest") {
        return harvest(std::env::args().skip(2));
    }
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(Parsed::Run(args)) => args,
        Ok(Parsed::Help) => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("error: {message}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn harvest(mut argv: impl Iterator<Item = String>) -> ExitCode {
    use open_data_catalogue::harvest::{run, Options};
    let mut opts = Options {
        sources: Default::default(),
        out: Default::default(),
        timeout: std::time::Duration::from_secs(30),
        per_host: 2,
        check_links: false,
    };
    let (mut sources, mut out) = (None, None);
    let usage = |m: &str| {
        eprintln!("error: {m}\n\n{USAGE}");
        ExitCode::from(2)
    };
    while let Some(arg) = argv.next() {
        match arg.as_str() {
            "-h" | "--help" => {
                print!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            "--out" | "-o" => out = argv.next(),
            "--check-links" => opts.check_links = true,
            "--timeout" => match argv
                .next()
                .and_then(|v| v.parse::<f64>().ok())
                .filter(|v| *v > 0.0 && *v < 3600.0)
            {
                Some(v) => opts.timeout = std::time::Duration::from_secs_f64(v),
                None => return usage("--timeout needs a number of seconds"),
            },
            "--per-host" => match argv
                .next()
                .and_then(|v| v.parse::<usize>().ok())
                .filter(|v| *v > 0)
            {
                Some(v) => opts.per_host = v,
                None => return usage("--per-host needs a positive number"),
            },
            flag if flag.starts_with("--") => return usage(&format!("unknown option {flag}")),
            path => sources = Some(path.to_string()),
        }
    }
    let (Some(sources), Some(out)) = (sources, out) else {
        return usage("harvest needs SOURCES and --out DIR");
    };
    opts.sources = sources.into();
    opts.out = out.into();
    match run(&opts) {
        Ok(report) => {
            for m in &report.members {
                for f in &m.feeds {
                    eprintln!(
                        "{}: {} {} ({} datasets){}",
                        m.name,
                        f.feed,
                        f.status,
                        f.datasets,
                        f.error
                            .as_deref()
                            .map(|e| format!(": {e}"))
                            .unwrap_or_default()
                    );
                }
            }
            eprintln!(
                "wrote {} datasets to {} (quality {} %)",
                report.datasets,
                opts.out.join("registry.jsonld").display(),
                report.score_percent
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn parse_args(mut argv: impl Iterator<Item = String>) -> Result<Parsed, String> {
    match argv.next().as_deref() {
        Some("convert") => {}
        Some("-h" | "--help") | None => return Ok(Parsed::Help),
        Some(other) => return Err(format!("unknown command {other:?}")),
    }
    let mut inputs = Vec::new();
    let (mut out, mut title_sv, mut title_en) = (None, None, None);
    while let Some(arg) = argv.next() {
        let mut value_of = |flag: &str| argv.next().ok_or(format!("{flag} needs a value"));
        match arg.as_str() {
            "-h" | "--help" => return Ok(Parsed::Help),
            "--out" | "-o" => out = Some(value_of("--out")?),
            "--title-sv" => title_sv = Some(value_of("--title-sv")?),
            "--title-en" => title_en = Some(value_of("--title-en")?),
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
            input => inputs.push(input.to_owned()),
        }
    }
    if inputs.is_empty() {
        return Err("no INPUT given".into());
    }
    let out = out.ok_or("--out FILE is required")?;
    Ok(Parsed::Run(Args {
        inputs,
        out,
        title_sv,
        title_en,
    }))
}

fn run(args: &Args) -> Result<(), String> {
    let mut merger = Merger::default();
    let mut single = None;
    for input in &args.inputs {
        let mut catalog = read_input(input).map_err(|e| format!("{input}: {e}"))?;
        let (read, skipped) = (catalog.datasets.len(), catalog.skipped);
        let problems = std::mem::take(&mut catalog.problems);
        if args.inputs.len() == 1 {
            // A merged catalogue is a new catalogue: only a single input's
            // identity and publisher carry over.
            single = Some((
                catalog.id.clone(),
                catalog.description.clone(),
                catalog.publisher.clone(),
            ));
        }
        let duplicates = merger.add(catalog);
        eprintln!(
            "{input}: {read} datasets read, {skipped} skipped{}",
            if duplicates > 0 {
                format!(", {duplicates} already read from an earlier input")
            } else {
                String::new()
            }
        );
        for problem in problems.iter().take(PROBLEMS_SHOWN) {
            eprintln!("  {problem}");
        }
        if problems.len() > PROBLEMS_SHOWN {
            eprintln!("  … and {} more", problems.len() - PROBLEMS_SHOWN);
        }
    }
    let mut merged = merger.finish();
    if let Some((id, description, publisher)) = single {
        merged.id = id;
        merged.description = description;
        merged.publisher = publisher;
    }
    if args.title_sv.is_some() || args.title_en.is_some() {
        merged.title = LangText::new();
        merged
            .title
            .insert("sv", args.title_sv.clone().unwrap_or_default());
        merged
            .title
            .insert("en", args.title_en.clone().unwrap_or_default());
    }
    std::fs::write(&args.out, jsonld::write_registry(&merged))
        .map_err(|e| format!("cannot write {}: {e}", args.out))?;
    eprintln!("wrote {} datasets to {}", merged.datasets.len(), args.out);
    Ok(())
}

/// Reads one input; a URL is also the base for relative IRIs in RDF.
fn read_input(input: &str) -> Result<Catalog, String> {
    let is_url = input.starts_with("http://") || input.starts_with("https://");
    let bytes = if is_url {
        fetch(input)?
    } else {
        std::fs::read(input).map_err(|e| format!("cannot read file: {e}"))?
    };
    let text = String::from_utf8_lossy(&bytes);
    let base = is_url.then_some(input);
    let result = match registry::detect(&text) {
        Format::RdfXml => registry::rdf::read_rdf_xml(text.as_bytes(), base),
        Format::Turtle => registry::rdf::read_turtle(text.as_bytes(), base),
        _ => registry::read(&text),
    };
    result.map_err(|e: ReadError| e.to_string())
}

fn fetch(url: &str) -> Result<Vec<u8>, String> {
    let mut response = ureq::get(url)
        .header(
            "Accept",
            "application/ld+json, application/rdf+xml, text/turtle;q=0.9, */*;q=0.1",
        )
        .call()
        .map_err(|e| format!("cannot fetch: {e}"))?;
    response
        .body_mut()
        .with_config()
        .limit(MAX_DOWNLOAD_BYTES)
        .read_to_vec()
        .map_err(|e| format!("cannot read response: {e}"))
}
