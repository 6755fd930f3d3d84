//! Loading the registries: fetch each (in parallel), read it in whatever
//! format it is, fall back to the saved copy when a source is unreachable,
//! and merge the sources into one catalogue.

use super::labels::publisher_names;
use super::state::Loaded;
use crate::browser::cache;
use crate::browser::fetch::{fetch_text, resolve, FetchError};
use crate::browser::rdf::read_rdf;
use crate::model::Catalog;
use crate::registry::{self, ReadError};
use js_sys::Function;
use leptos::task::spawn_local;
use std::cell::RefCell;
use std::collections::HashSet;
use std::time::Duration;

/// Why a registry is not showing.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    NoRegistry,
    Fetch(FetchError),
    /// Readable, but not a catalogue (an HTML page, other JSON).
    NotCatalogue(String),
    /// A catalogue format, but broken (truncated, malformed).
    Broken(String),
}

impl From<ReadError> for LoadError {
    fn from(e: ReadError) -> Self {
        match e {
            ReadError::Syntax(_) => LoadError::Broken(e.to_string()),
            _ => LoadError::NotCatalogue(e.to_string()),
        }
    }
}

/// How long to wait and how much to accept, from the options.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    pub timeout: Duration,
    pub max_bytes: u64,
}

/// One source, read.
struct Source {
    catalog: Catalog,
    /// When the saved copy shown was saved, if the source was unreachable.
    saved_at: Option<String>,
}

/// Loads every registry URL, merging their datasets (duplicates by dataset
/// IRI dropped, first source wins); one failing source is reported while
/// the others still show.
pub async fn load_all(
    urls: &[String],
    rdf_loader: Option<&Function>,
    limits: Limits,
) -> Result<Loaded, LoadError> {
    if urls.is_empty() {
        return Err(LoadError::NoRegistry);
    }
    let results =
        futures::future::join_all(urls.iter().map(|url| load_one(url, rdf_loader, limits))).await;
    let mut merged: Option<Catalog> = None;
    let (mut failed, mut stale) = (Vec::new(), Vec::new());
    let mut seen = HashSet::new();
    for (url, result) in urls.iter().zip(results) {
        let source = match result {
            Ok(source) => source,
            Err(e) => {
                web_sys::console::warn_1(&format!("open-data-catalogue: {url}: {e:?}").into());
                failed.push((url.clone(), e));
                continue;
            }
        };
        for problem in &source.catalog.problems {
            web_sys::console::warn_1(&format!("open-data-catalogue: {url}: {problem}").into());
        }
        if let Some(saved_at) = source.saved_at {
            stale.push((url.clone(), saved_at));
        }
        let target = merged.get_or_insert_with(Catalog::default);
        if target.title.is_empty() {
            target.title = source.catalog.title.clone();
        }
        target.skipped += source.catalog.skipped;
        for d in source.catalog.datasets {
            if seen.insert(d.id.clone()) {
                target.datasets.push(d);
            }
        }
    }
    match merged {
        Some(catalog) => Ok(Loaded {
            publishers: publisher_names(&catalog.datasets),
            catalog,
            engine: RefCell::new(None),
            failed_sources: failed,
            stale_sources: stale,
        }),
        None => Err(failed
            .into_iter()
            .next()
            .map(|(_, e)| e)
            .unwrap_or(LoadError::NoRegistry)),
    }
}

async fn load_one(
    url: &str,
    rdf_loader: Option<&Function>,
    limits: Limits,
) -> Result<Source, LoadError> {
    let resolved = resolve(url).unwrap_or_else(|| url.to_string());
    match fetch_text(&resolved, limits.timeout, limits.max_bytes).await {
        Ok(text) => {
            let catalog = read(&text, &resolved, rdf_loader).await?;
            // Saved only once it reads, so a broken answer never replaces a
            // good copy; not awaited, so results show without waiting.
            spawn_local(async move { cache::save(&resolved, &text).await });
            Ok(Source {
                catalog,
                saved_at: None,
            })
        }
        Err(e) if e.is_outage() => {
            match cache::load(&resolved).await {
                Some((text, saved_at)) => {
                    web_sys::console::warn_1(
                    &format!("open-data-catalogue: {resolved}: {e:?}; showing the copy saved {saved_at}").into(),
                );
                    Ok(Source {
                        catalog: read(&text, &resolved, rdf_loader).await?,
                        saved_at: Some(saved_at),
                    })
                }
                None => Err(LoadError::Fetch(e)),
            }
        }
        Err(e) => Err(LoadError::Fetch(e)),
    }
}

async fn read(text: &str, base: &str, rdf_loader: Option<&Function>) -> Result<Catalog, LoadError> {
    match registry::read_with_base(text, Some(base)) {
        Err(ReadError::NeedsRdf(_)) => match rdf_loader {
            Some(loader) => read_rdf(loader, text, base)
                .await
                .map_err(LoadError::Broken),
            None => Err(LoadError::NotCatalogue(
                "RDF registries need the odc_rdf module".into(),
            )),
        },
        other => other.map_err(LoadError::from),
    }
}
