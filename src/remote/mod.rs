//! Search where the catalogue lives: a national registry (EntryStore behind
//! dataportal.se, CKAN portals) is too large to download, so the widget asks
//! the registry's own search service for one page of results and the facet
//! counts. Each service module turns a [`Request`](crate::search::Request)
//! into the service's query URL(s) and its answer into a [`RemotePage`];
//! no network here (pure Rust, tested on recorded real answers), the browser
//! layer does the fetching.

pub mod ckan;
pub mod entrystore;
pub mod md5;

use crate::model::Dataset;
use crate::search::{Facet, FacetCounts, Request};

/// One page of a service's answer, in the model's terms.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RemotePage {
    /// Datasets matching the query and filters, in all.
    pub total: usize,
    /// The requested page, in the service's order.
    pub datasets: Vec<Dataset>,
    /// Counts the service gave, per facet it was asked for.
    pub facets: Vec<FacetCounts>,
    /// Hits that could not be read as datasets (skipped and counted).
    pub skipped: usize,
}

/// Why a service's answer could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RemoteError {
    /// Not the JSON the service documents.
    Unreadable(String),
    /// The service refused the query and said why.
    Refused(String),
}

impl std::fmt::Display for RemoteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RemoteError::Unreadable(m) => write!(f, "the search service's answer is unreadable: {m}"),
            RemoteError::Refused(m) => write!(f, "the search service refused the query: {m}"),
        }
    }
}

/// One request to send, and what its answer is for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Planned {
    pub url: String,
    /// `None`: the page and the counts of the facets without a selection;
    /// `Some(f)`: only facet `f`'s counts (its own selection left out).
    pub counts_for: Option<Facet>,
}

/// The requests that answer `request` with disjunctive counts for the
/// `facets` a service has (`supported`), on services that cannot exclude a
/// facet's own selection from its counts: the page, counting the facets
/// without a selection, then one request per selected facet for its
/// counts. `url(without, counted, page)` builds one request: all filters
/// but `without`'s, counts for `counted`, and the page (`false`: just
/// enough hits to learn the counts).
pub fn plan(
    request: &Request,
    facets: &[Facet],
    supported: impl Fn(Facet) -> bool,
    url: impl Fn(Option<Facet>, &[Facet], bool) -> String,
) -> Vec<Planned> {
    let shown: Vec<Facet> = facets.iter().copied().filter(|f| supported(*f)).collect();
    let unselected: Vec<Facet> = shown.iter().copied().filter(|f| !request.filters.has(*f)).collect();
    let mut out = vec![Planned { url: url(None, &unselected, true), counts_for: None }];
    for f in shown.into_iter().filter(|f| request.filters.has(*f)) {
        out.push(Planned { url: url(Some(f), &[f], false), counts_for: Some(f) });
    }
    out
}

/// `application/x-www-form-urlencoded`-safe percent-encoding of a query
/// parameter value (as JavaScript's `encodeURIComponent`).
pub fn encode_component(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'!' | b'~' | b'*' | b'\'' | b'(' | b')' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}
