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
pub mod piveau;

use crate::model::Dataset;
use crate::search::{Facet, FacetCounts, Request, Sort};

/// What kind of registry the `registry` URL is (`registry-type`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum RegistryType {
    /// Recognised from the URL ([`RegistryType::recognise`]).
    #[default]
    Auto,
    /// A file downloaded whole and searched in the page.
    File,
    EntryStore,
    Ckan,
    Piveau,
}

impl RegistryType {
    pub fn parse(value: &str) -> RegistryType {
        match value.trim().to_ascii_lowercase().as_str() {
            "file" => RegistryType::File,
            "entrystore" => RegistryType::EntryStore,
            "ckan" => RegistryType::Ckan,
            "piveau" => RegistryType::Piveau,
            _ => RegistryType::Auto,
        }
    }

    /// A search service's kind from its URL: an EntryStore base ends in
    /// `/store` (`https://admin.dataportal.se/store`), a CKAN portal is
    /// named by its action API (`…/api/3/action/package_search` or
    /// `…/api/3`). Anything else is a file.
    pub fn recognise(url: &str) -> RegistryType {
        let path = url
            .split(['?', '#'])
            .next()
            .unwrap_or("")
            .trim_end_matches('/');
        if path.ends_with("/store") {
            RegistryType::EntryStore
        } else if path.ends_with("/api/3/action/package_search") || path.ends_with("/api/3") {
            RegistryType::Ckan
        } else if path.ends_with("/api/hub/search") || path.ends_with("/api/hub/search/search") {
            RegistryType::Piveau
        } else {
            RegistryType::File
        }
    }
}

/// A search service a widget asks, when its registry is one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Service {
    EntryStore(String),
    Ckan(String),
    Piveau(String),
}

impl Service {
    /// The service for the `registry` URLs and `registry-type`: only one
    /// URL can be a service (federation across services is not offered).
    pub fn for_registry(urls: &[String], kind: RegistryType) -> Option<Service> {
        let [url] = urls else { return None };
        let kind = match kind {
            RegistryType::Auto => RegistryType::recognise(url),
            k => k,
        };
        match kind {
            RegistryType::EntryStore => Some(Service::EntryStore(url.clone())),
            RegistryType::Ckan => Some(Service::Ckan(url.clone())),
            RegistryType::Piveau => Some(Service::Piveau(url.clone())),
            RegistryType::File | RegistryType::Auto => None,
        }
    }

    /// The same service at an absolute address (resolved by the caller).
    pub fn with_base(&self, base: String) -> Service {
        match self {
            Service::EntryStore(_) => Service::EntryStore(base),
            Service::Ckan(_) => Service::Ckan(base),
            Service::Piveau(_) => Service::Piveau(base),
        }
    }

    pub fn base(&self) -> &str {
        match self {
            Service::EntryStore(b) | Service::Ckan(b) | Service::Piveau(b) => b,
        }
    }

    /// The requests answering `request` with counts for `facets`.
    pub fn plan(&self, request: &Request, facets: &[Facet], lang: &str) -> Vec<Planned> {
        match self {
            Service::EntryStore(b) => {
                entrystore::EntryStore::new(b).requests(request, facets, lang)
            }
            Service::Ckan(b) => ckan::Ckan::new(b).requests(request, facets),
            Service::Piveau(b) => piveau::Piveau::new(b).requests(request, facets, lang),
        }
    }

    pub fn parse(&self, text: &str) -> Result<RemotePage, RemoteError> {
        match self {
            Service::EntryStore(_) => entrystore::EntryStore::parse(text),
            Service::Ckan(_) => ckan::Ckan::parse(text),
            Service::Piveau(_) => piveau::Piveau::parse(text),
        }
    }

    /// Whether the service can count and filter by `facet`.
    pub fn has_facet(&self, facet: Facet) -> bool {
        match self {
            Service::EntryStore(_) => entrystore::field(facet).is_some(),
            Service::Ckan(_) => ckan::field(facet).is_some(),
            Service::Piveau(_) => piveau::field(facet).is_some(),
        }
    }
}

/// The answers to a [`Service::plan`], as one page: the page's datasets
/// and total, each facet's counts from the request made for it, and every
/// selected value listed (count 0 when the service does not name it), as
/// the in-page engine lists them. `Err` when the page itself failed; a
/// failed count request leaves its facet out (`missing_counts`).
pub fn combine(
    planned: &[Planned],
    answers: Vec<Result<RemotePage, RemoteError>>,
    request: &Request,
) -> Result<(RemotePage, Vec<Facet>), RemoteError> {
    let mut page: Option<RemotePage> = None;
    let mut counts: Vec<FacetCounts> = Vec::new();
    let mut missing = Vec::new();
    let mut names = Vec::new();
    // A facet with a request of its own is counted by that request only.
    let own: Vec<Facet> = planned.iter().filter_map(|p| p.counts_for).collect();
    for (p, answer) in planned.iter().zip(answers) {
        match (p.counts_for, answer) {
            (None, Ok(a)) => {
                counts.extend(a.facets.iter().filter(|c| !own.contains(&c.facet)).cloned());
                page = Some(a);
            }
            (None, Err(e)) => return Err(e),
            (Some(f), Ok(a)) => {
                counts.extend(a.facets.into_iter().filter(|c| c.facet == f));
                names.extend(a.publisher_names);
            }
            (Some(f), Err(_)) => missing.push(f),
        }
    }
    let mut page = page.ok_or_else(|| RemoteError::Unreadable("no answer".into()))?;
    // A facet whose counts failed still lists what is selected, so the
    // person can untick it (the page says counts are missing).
    for &facet in &missing {
        counts.push(FacetCounts {
            facet,
            values: Vec::new(),
        });
    }
    for c in &mut counts {
        for v in request.filters.values(c.facet) {
            if !c.values.iter().any(|(x, _)| x == v) {
                c.values.push((v.clone(), 0));
            }
        }
        c.values
            .sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    }
    counts.sort_by_key(|c| c.facet);
    page.facets = counts;
    page.publisher_names.extend(names);
    Ok((page, missing))
}

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
    /// Names the service gave for publisher facet values (CKAN's
    /// organisation titles), for publishers not on the page.
    pub publisher_names: Vec<(String, String)>,
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
            RemoteError::Unreadable(m) => {
                write!(f, "the search service's answer is unreadable: {m}")
            }
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
    let unselected: Vec<Facet> = shown
        .iter()
        .copied()
        .filter(|f| !request.filters.has(*f))
        .collect();
    let mut out = vec![Planned {
        url: url(None, &unselected, true),
        counts_for: None,
    }];
    for f in shown.into_iter().filter(|f| request.filters.has(*f)) {
        out.push(Planned {
            url: url(Some(f), &[f], false),
            counts_for: Some(f),
        });
    }
    out
}

/// `&sort=…` in the `field direction` form EntryStore and piveau share:
/// `title.<UI language> asc`, `modified desc`; nothing for relevance (their
/// default) or quality (not indexed).
pub(crate) fn push_sort(url: &mut String, sort: Sort, lang: &str) {
    let sort = match sort {
        Sort::Title => format!("title.{} asc", if lang == "en" { "en" } else { "sv" }),
        Sort::Modified => "modified desc".to_string(),
        Sort::Relevance | Sort::Quality => return,
    };
    url.push_str("&sort=");
    url.push_str(&encode_component(&sort));
}

/// `application/x-www-form-urlencoded`-safe percent-encoding of a query
/// parameter value (as JavaScript's `encodeURIComponent`).
pub fn encode_component(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        match b {
            b'A'..=b'Z'
            | b'a'..=b'z'
            | b'0'..=b'9'
            | b'-'
            | b'_'
            | b'.'
            | b'!'
            | b'~'
            | b'*'
            | b'\''
            | b'('
            | b')' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::Filters;

    #[test]
    fn the_kind_of_registry_is_recognised_from_its_url_or_said() {
        let one = |u: &str| vec![u.to_string()];
        assert_eq!(
            Service::for_registry(
                &one("https://admin.dataportal.se/store"),
                RegistryType::Auto
            ),
            Some(Service::EntryStore(
                "https://admin.dataportal.se/store".into()
            ))
        );
        assert_eq!(
            Service::for_registry(
                &one("https://www.envidat.ch/api/3/action/package_search"),
                RegistryType::Auto
            ),
            Some(Service::Ckan(
                "https://www.envidat.ch/api/3/action/package_search".into()
            ))
        );
        assert_eq!(
            Service::for_registry(&one("data/registry.jsonld"), RegistryType::Auto),
            None
        );
        // Said explicitly, it wins; `file` turns recognition off.
        assert!(matches!(
            Service::for_registry(&one("/local/es"), RegistryType::EntryStore),
            Some(Service::EntryStore(_))
        ));
        assert_eq!(
            Service::for_registry(&one("https://x.se/store"), RegistryType::File),
            None
        );
        // Several registries are files merged in the page.
        assert_eq!(
            Service::for_registry(
                &[one("https://x.se/store"), one("b")].concat(),
                RegistryType::Auto
            ),
            None
        );
        assert_eq!(RegistryType::parse(" CKAN "), RegistryType::Ckan);
    }

    #[test]
    fn combined_counts_come_from_the_request_made_for_each_facet_and_list_what_is_selected() {
        let mut filters = Filters::new();
        filters.add(Facet::Theme, "T1");
        filters.add(Facet::Theme, "T9");
        let request = Request {
            filters,
            ..Default::default()
        };
        let planned = vec![
            Planned {
                url: "page".into(),
                counts_for: None,
            },
            Planned {
                url: "theme".into(),
                counts_for: Some(Facet::Theme),
            },
            Planned {
                url: "format".into(),
                counts_for: Some(Facet::Format),
            },
        ];
        let counts = |facet, values: &[(&str, u32)]| FacetCounts {
            facet,
            values: values.iter().map(|(v, n)| (v.to_string(), *n)).collect(),
        };
        let page = RemotePage {
            total: 4,
            facets: vec![
                counts(Facet::Publisher, &[("P", 4)]),
                counts(Facet::Theme, &[("T1", 4)]),
            ],
            ..Default::default()
        };
        let theme = RemotePage {
            total: 10,
            facets: vec![counts(Facet::Theme, &[("T2", 6), ("T1", 4)])],
            ..Default::default()
        };
        let (out, missing) = combine(
            &planned,
            vec![
                Ok(page),
                Ok(theme),
                Err(RemoteError::Unreadable("x".into())),
            ],
            &request,
        )
        .unwrap();
        assert_eq!(out.total, 4);
        assert_eq!(missing, [Facet::Format]);
        assert_eq!(
            out.facets,
            [
                counts(Facet::Publisher, &[("P", 4)]),
                // Theme's counts from its own request (its selection left out),
                // the selected T9 listed with 0.
                counts(Facet::Theme, &[("T2", 6), ("T1", 4), ("T9", 0)]),
                // Format's request failed: listed, with nothing selected in it.
                counts(Facet::Format, &[]),
            ]
        );
        // The page failing is the answer failing.
        assert!(combine(
            &planned[..1],
            vec![Err(RemoteError::Refused("no".into()))],
            &request
        )
        .is_err());
    }
}
