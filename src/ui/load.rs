//! Loading the registries: fetch each (in parallel), read it in whatever
//! format it is, fall back to the saved copy when a source is unreachable,
//! and merge the sources into one catalogue (`registry::merge`).

use super::loaded::{Failure, LoadError, Loaded};
use crate::browser::cache;
use crate::browser::fetch::{fetch_chunks, resolve, Pause};
use crate::browser::rdf::{read_rdf, RdfError};
use crate::model::{Catalog, Dataset};
use crate::registry::merge::{merge_sources, SourceCatalog};
use crate::registry::stream::{Finished, RegistryStream};
use crate::registry::{self, ReadError};
use js_sys::Function;
// Not Leptos's spawner: this also runs in the engine worker, where no
// Leptos runtime is set up.
use std::time::Duration;
use wasm_bindgen_futures::spawn_local;

/// How long to wait and how much to accept, from the options.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    pub timeout: Duration,
    pub max_bytes: u64,
}

/// Told the datasets read so far after every [`PROGRESS_EVERY`] bytes of a
/// registry read while it downloads, for a first page before the rest has
/// arrived. A promise back pauses the reading until it settles.
pub type Progress<'a> = &'a mut dyn FnMut(&[Dataset]) -> Option<js_sys::Promise>;

/// Bytes read between two calls of a [`Progress`]: a few dozen datasets.
const PROGRESS_EVERY: usize = 64 * 1024;

/// Loads every registry URL, merging their datasets (duplicates by dataset
/// IRI dropped, first source wins); one failing source is reported while
/// the others still show. `progress` hears of a single registry only (of
/// several, the datasets read so far are not yet merged).
pub async fn load_all(
    urls: &[String],
    rdf_loader: Option<&Function>,
    limits: Limits,
    progress: Option<Progress<'_>>,
) -> Result<Loaded, Failure> {
    // Resolved the way the page would (relative to its base URL), so
    // `registry="data/registry.jsonld"` works on any page.
    let urls: Vec<String> = urls
        .iter()
        .map(|url| resolve(url).unwrap_or_else(|| url.clone()))
        .collect();
    let mut progress = progress.filter(|_| urls.len() == 1);
    let results = futures::future::join_all(
        urls.iter()
            .map(|url| load_one(url, rdf_loader, limits, progress.take())),
    )
    .await;
    for (url, result) in urls.iter().zip(&results) {
        match result {
            Ok(source) => {
                for problem in &source.catalog.problems {
                    warn(&format!("{url}: {problem}"));
                }
            }
            Err(e) => warn(&format!("{url}: {}", e.describe())),
        }
    }
    merge_sources(urls.into_iter().zip(results))
        .map(Loaded::new)
        .map_err(|first| match first {
            Some((url, error)) => Failure {
                url: Some(url),
                error,
            },
            None => Failure {
                url: None,
                error: LoadError::NoRegistry,
            },
        })
}

fn warn(message: &str) {
    web_sys::console::warn_1(&format!("open-data-catalogue: {message}").into());
}

async fn load_one(
    resolved: &str,
    rdf_loader: Option<&Function>,
    limits: Limits,
    mut progress: Option<Progress<'_>>,
) -> Result<SourceCatalog, LoadError> {
    let resolved = resolved.to_string();
    // Read while it downloads (`registry::stream`).
    let mut stream = RegistryStream::new();
    let fetched = fetch_chunks(&resolved, limits.timeout, limits.max_bytes, &mut |chunk| {
        // In slices, each followed by `progress`: a fast connection or the
        // HTTP cache hands the body over in chunks of up to a megabyte
        // (a few hundred datasets, 50 ms or more to read), and an early
        // page needs only the first few datasets.
        let mut used = 0;
        for slice in chunk.chunks(PROGRESS_EVERY) {
            stream.feed(slice);
            used += slice.len();
            if let Some(until) = progress.as_mut().and_then(|p| p(stream.read_so_far())) {
                return Some(Pause { used, until });
            }
        }
        None
    })
    .await;
    match fetched {
        Ok(copy) => {
            let catalog = match stream.finish(Some(&resolved)) {
                Finished::Read(result) => result.map_err(LoadError::from),
                Finished::Whole(text) => read(&text, &resolved, rdf_loader).await,
            };
            match (&catalog, copy) {
                // Saved only once it reads, so a broken answer never
                // replaces a good copy; not awaited, so results show
                // without waiting.
                (Ok(_), Some(copy)) => {
                    spawn_local(async move { cache::save(&resolved, &copy).await })
                }
                (Err(_), Some(copy)) => {
                    let _ = copy.cancel();
                }
                (_, None) => {}
            }
            Ok(SourceCatalog {
                catalog: catalog?,
                saved_at: None,
            })
        }
        Err(e) if e.is_outage() => match cache::load(&resolved).await {
            Some((text, saved_at)) => {
                warn(&format!(
                    "{resolved}: {e:?}; showing the copy saved {saved_at}"
                ));
                Ok(SourceCatalog {
                    catalog: read(&text, &resolved, rdf_loader).await?,
                    saved_at: Some(saved_at),
                })
            }
            None => Err(LoadError::Fetch(e)),
        },
        Err(e) => Err(LoadError::Fetch(e)),
    }
}

async fn read(text: &str, base: &str, rdf_loader: Option<&Function>) -> Result<Catalog, LoadError> {
    match registry::read_with_base(text, Some(base)) {
        Err(ReadError::NeedsRdf(_)) => match rdf_loader {
            Some(loader) => read_rdf(loader, text, base).await.map_err(|e| match e {
                RdfError::ModuleUnavailable(why) => LoadError::Module(why),
                RdfError::Unreadable(why) => LoadError::Broken(why),
            }),
            None => Err(LoadError::NotCatalogue(
                "RDF registries need the odc_rdf module".into(),
            )),
        },
        other => other.map_err(LoadError::from),
    }
}
