//! A registry as the widget shows it, or why it cannot show it.

use super::labels::publisher_names;
use crate::browser::fetch::FetchError;
use crate::model::{Catalog, Dataset, LangText};
use crate::registry::merge::Merged;
use crate::registry::ReadError;
use send_wrapper::SendWrapper;
use std::collections::HashMap;
use std::ops::Deref;
use std::rc::Rc;

/// The registries that loaded, merged.
pub struct Loaded {
    pub catalog: Catalog,
    /// How many datasets the registry has: `catalog.datasets.len()`, except
    /// where the engine is elsewhere (a worker, a search service) and
    /// `catalog` holds only the page on show.
    pub size: usize,
    /// Publisher names by facet key, for labels.
    pub publishers: HashMap<String, LangText>,
    /// Dataset positions by IRI, for the opened dataset (kept by IRI so a
    /// shared link survives a registry that changed or failed).
    positions: HashMap<String, u32>,
    /// Sources that failed while others loaded: (url, error).
    pub failed_sources: Vec<(String, LoadError)>,
    /// Sources shown from the saved copy because they could not be
    /// reached: (url, when the copy was saved, ISO 8601).
    pub stale_sources: Vec<(String, String)>,
    /// The registry is still downloading: `size`, the results and the
    /// counts are of the datasets read so far (the engine worker's early
    /// first page).
    pub more_coming: bool,
}

impl Loaded {
    pub fn new(merged: Merged<LoadError>) -> Loaded {
        let catalog = merged.catalog;
        let positions = catalog
            .datasets
            .iter()
            .enumerate()
            .map(|(i, d)| (d.id.clone(), i as u32))
            .collect();
        Loaded {
            size: catalog.datasets.len(),
            publishers: publisher_names(&catalog.datasets),
            positions,
            catalog,
            failed_sources: merged.failed,
            stale_sources: merged.stale,
            more_coming: false,
        }
    }

    pub fn dataset(&self, index: u32) -> Option<&Dataset> {
        self.catalog.datasets.get(index as usize)
    }

    pub fn dataset_by_id(&self, id: &str) -> Option<&Dataset> {
        self.positions.get(id).and_then(|&i| self.dataset(i))
    }
}

/// A dataset of a loaded registry, held by the registry and its position:
/// what a result row follows. Handed to some 20 rows on every keystroke,
/// where a copy of each dataset's fields cost more than the rest of the
/// row's bookkeeping. (`SendWrapper`: a memo value must be `Send`; the
/// widget is single-threaded.)
#[derive(Clone)]
pub struct DatasetRef {
    loaded: SendWrapper<Rc<Loaded>>,
    index: usize,
}

impl DatasetRef {
    pub fn new(loaded: Rc<Loaded>, index: u32) -> Option<DatasetRef> {
        loaded.dataset(index)?;
        Some(DatasetRef {
            loaded: SendWrapper::new(loaded),
            index: index as usize,
        })
    }
}

impl Deref for DatasetRef {
    type Target = Dataset;

    fn deref(&self) -> &Dataset {
        // In range: checked when made, and a `Loaded` never changes.
        &self.loaded.catalog.datasets[self.index]
    }
}

/// Equal when they show the same: the same dataset of the same answer, or
/// an equal dataset of another (the next keystroke's answer often has the
/// same datasets at the top, and their rows need not render again).
impl PartialEq for DatasetRef {
    fn eq(&self, other: &Self) -> bool {
        (Rc::ptr_eq(&self.loaded, &other.loaded) && self.index == other.index) || **self == **other
    }
}

/// A registry that could not be shown, and which source it was (the first
/// to fail, resolved against the page; `None` when none was given).
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Failure {
    pub url: Option<String>,
    pub error: LoadError,
}

/// Why a registry is not showing.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum LoadError {
    NoRegistry,
    Fetch(FetchError),
    /// Readable, but not a catalogue (an HTML page, other JSON).
    NotCatalogue(String),
    /// A catalogue format, but broken (truncated, malformed).
    Broken(String),
    /// The second wasm module, which reads RDF, could not be downloaded.
    Module(String),
}

impl From<ReadError> for LoadError {
    fn from(e: ReadError) -> Self {
        match e {
            ReadError::Syntax(_) => LoadError::Broken(e.to_string()),
            _ => LoadError::NotCatalogue(e.to_string()),
        }
    }
}

impl LoadError {
    /// The `kind` of the `odc-error` event: a stable word a host page can
    /// branch on.
    pub fn kind(&self) -> &'static str {
        match self {
            LoadError::NoRegistry => "no-registry",
            LoadError::Fetch(FetchError::Network) => "network",
            LoadError::Fetch(FetchError::Cors { .. }) => "cors",
            LoadError::Fetch(FetchError::Timeout) => "timeout",
            LoadError::Fetch(FetchError::Http(_)) => "http",
            LoadError::Fetch(FetchError::TooLarge(_)) => "too-large",
            LoadError::NotCatalogue(_) => "not-a-catalogue",
            LoadError::Broken(_) => "broken",
            LoadError::Module(_) => "module",
        }
    }

    /// The HTTP status, for `kind: "http"`.
    pub fn status(&self) -> Option<u16> {
        match self {
            LoadError::Fetch(FetchError::Http(status)) => Some(*status),
            _ => None,
        }
    }

    /// An English sentence for developers (the event's `message`, the
    /// console); the person reads the UI language's text instead.
    pub fn describe(&self) -> String {
        match self {
            LoadError::NoRegistry => "no registry URL was given".into(),
            LoadError::Fetch(FetchError::Network) => "the registry could not be reached".into(),
            LoadError::Fetch(FetchError::Cors { host }) => format!(
                "{host} does not allow this page to read the registry (no Access-Control-Allow-Origin header)"
            ),
            LoadError::Fetch(FetchError::Timeout) => "the registry did not answer within the timeout".into(),
            LoadError::Fetch(FetchError::Http(status)) => format!("the registry server answered HTTP {status}"),
            LoadError::Fetch(FetchError::TooLarge(bytes)) => {
                format!("the registry is {bytes} bytes, more than the max-size option allows")
            }
            LoadError::NotCatalogue(why) | LoadError::Broken(why) | LoadError::Module(why) => why.clone(),
        }
    }
}
