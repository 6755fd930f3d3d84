//! The bodies of the fuzz targets, shared by `fuzz/fuzz_targets/*.rs`
//! (nightly, libFuzzer) and `tests/fuzz_regressions.rs` (stable: replays
//! the kept corpus and every crash ever found), so both run exactly the
//! same code. Each function takes the raw fuzzer input and panics only on
//! a bug.

use open_data_catalogue::links::safe_href;
use open_data_catalogue::registry::{self, rdf, url};
use open_data_catalogue::search::{swedish_fallback_cmp, Engine, Facet, Request, Sort};
use std::sync::{Mutex, OnceLock};

/// A fuzz target's body.
pub type Target = fn(&[u8]);

/// The targets by name (the names of `fuzz/fuzz_targets/*.rs`, of the
/// folders under `fuzz/corpus/` and `tests/fuzz_regressions/`).
pub const TARGETS: [(&str, Target); 4] = [
    ("read_registry", read_registry),
    ("read_rdf", read_rdf),
    ("search_query", search_query),
    ("url_resolve", url_resolve),
];

/// Any bytes → the widget's reader, as the browser calls it: the text
/// (lossy UTF-8, as a fetch response is decoded), without and with a base.
pub fn read_registry(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let _ = registry::read(&text);
    let _ = registry::read_with_base(&text, Some("https://example.se/data/catalog.jsonld"));
}

/// Any bytes → the native RDF/XML and Turtle readers (`convert`), called
/// directly rather than through format detection, which would send most
/// inputs to only one of them.
pub fn read_rdf(data: &[u8]) {
    let _ = rdf::read_rdf_xml(data, None);
    let _ = rdf::read_turtle(data, None);
    let _ = rdf::read_turtle(data, Some("http://example.se/a/b"));
}

/// Four small fixtures of different formats, merged into the catalogue the
/// search target queries.
const CATALOGUES: [&str; 4] = [
    include_str!("../tests/fixtures/dcat-ap-se/digg-exempel-rekommenderat.rdf"),
    include_str!("../tests/fixtures/ckan/ch-envidat-package_search.json"),
    include_str!("../tests/fixtures/datajson/gsa-ckanext-datajson-samples/usda.gov.data.json"),
    include_str!("../tests/fixtures/schemaorg/esip-soso-dataset-full.jsonld"),
];

/// The engine, built once per process; `(engine, number of datasets)`.
fn engine() -> &'static Mutex<(Engine, usize)> {
    static ENGINE: OnceLock<Mutex<(Engine, usize)>> = OnceLock::new();
    ENGINE.get_or_init(|| {
        let datasets: Vec<_> = CATALOGUES
            .iter()
            .flat_map(|text| registry::read(text).expect("fixture reads").datasets)
            .collect();
        let n = datasets.len();
        Mutex::new((Engine::new(&datasets, "sv", &swedish_fallback_cmp), n))
    })
}

/// Any bytes → a search request. The input is split on 0xFF bytes: the
/// first piece is the query text, the next (up to six) are filter values
/// whose first byte picks the facet; the last byte of the input picks the
/// sort order, offset and limit (including `usize::MAX`).
pub fn search_query(data: &[u8]) {
    let mut pieces = data.split(|&b| b == 0xFF);
    let text = String::from_utf8_lossy(pieces.next().unwrap_or_default()).into_owned();
    let mut filters: Vec<(Facet, Vec<String>)> = Vec::new();
    for piece in pieces.take(6) {
        let Some((&which, value)) = piece.split_first() else {
            continue;
        };
        let facet = Facet::ALL[which as usize % Facet::ALL.len()];
        filters.push((facet, vec![String::from_utf8_lossy(value).into_owned()]));
    }
    let last = data.last().copied().unwrap_or(0) as usize;
    let request = Request {
        text,
        filters: filters.into(),
        sort: Sort::ALL[last % Sort::ALL.len()],
        offset: [0, 1, 7, usize::MAX][(last >> 2) & 3],
        limit: [0, 20, 200, usize::MAX][(last >> 4) & 3],
    };
    // A poisoned lock only means an earlier input panicked, which the
    // fuzzer or test has already reported.
    let mut guard = engine().lock().unwrap_or_else(|e| e.into_inner());
    let (engine, n) = &mut *guard;
    let r = engine.search(&request);
    assert!(r.total <= *n, "total {} > {n}", r.total);
    assert!(r.hits.len() <= request.limit);
    assert!(r.hits.len() <= r.total.saturating_sub(request.offset));
    assert!(r.hits.iter().all(|&h| (h as usize) < *n));
    assert_eq!(r.facets.len(), Facet::ALL.len());
}

/// Any bytes → `url::resolve(base, reference)` (split at the first NUL;
/// without one, the RFC 3986 example base), whose result must be absolute,
/// and `links::safe_href`, whose result must have a web or mail scheme.
pub fn url_resolve(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let (base, reference) = text
        .split_once('\0')
        .unwrap_or(("http://a/b/c/d;p?q", &text));
    if let Some(r) = url::resolve(base, reference) {
        assert!(url::is_absolute(&r), "{base:?} + {reference:?} = {r:?}");
        check_href(&r);
    }
    check_href(reference);
    check_href(base);
}

fn check_href(url: &str) {
    if let Some(href) = safe_href(url) {
        // The scheme as a browser reads it: C0 controls and spaces trimmed,
        // tab/CR/LF removed.
        let stripped: String = href
            .trim_matches(|c: char| c <= ' ')
            .chars()
            .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
            .collect();
        let scheme = stripped
            .split_once(':')
            .map(|(s, _)| s.to_ascii_lowercase());
        assert!(
            matches!(scheme.as_deref(), Some("http" | "https" | "mailto")),
            "safe_href({url:?}) = {href:?}"
        );
    }
}
