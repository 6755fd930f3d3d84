//! What crosses between the page and the engine worker, as JSON text: only
//! the current page of results, the facet counts and the opened dataset,
//! never the registry.

use crate::search::{Request, Response};
use crate::ui::{Failure, LoadError};
use serde::{Deserialize, Serialize};

/// A search, with everything the worker needs to answer it from nothing
/// (it may be new, or have loaded another registry).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Ask {
    /// The registry URLs, resolved against the page (the worker's base URL
    /// is `pkg/`, not the page).
    pub registry: Vec<String>,
    /// Bumped by "try again": a new value loads the registry again.
    pub load: u32,
    pub timeout_ms: u64,
    pub max_bytes: u64,
    /// The UI language (`sv`/`en`): decides the title order.
    pub lang: String,
    pub request: Request,
    /// The IRI of the opened dataset, sent back also when it is not on the
    /// page.
    pub open: Option<String>,
}

/// The worker's answer.
#[derive(Debug, Serialize, Deserialize)]
pub struct Answer {
    /// Which load of the worker's this answer comes from: the page tells
    /// the host one `odc-load` (or `odc-error`) per load, not per search.
    pub load: u64,
    pub outcome: Result<Found, Failure>,
}

/// A page of results of a registry that loaded.
#[derive(Debug, Serialize, Deserialize)]
pub struct Found {
    /// The page's datasets (then the opened one, if not among them) in the
    /// registry format without its context (`{"dataset": [...]}`), read
    /// back through the registry reader; embedded as JSON, not as a string.
    pub datasets: Box<serde_json::value::RawValue>,
    /// `hits` index `datasets`.
    pub response: Response,
    /// Datasets in the registry.
    pub size: usize,
    /// Records the readers skipped.
    pub skipped: usize,
    pub failed: Vec<(String, LoadError)>,
    pub stale: Vec<(String, String)>,
    /// Names of the publishers in the facet counts and on the page, by
    /// facet key.
    pub publishers: Vec<(String, crate::model::LangText)>,
    /// An early answer while the registry still downloads: `size`, the
    /// page and the counts are of the datasets read so far; the answer of
    /// the whole registry follows.
    #[serde(default)]
    pub more_coming: bool,
}
