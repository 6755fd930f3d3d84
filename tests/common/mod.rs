//! Shared by the search tests: the brute-force oracle that every search
//! response (total, hits, disjunctive facet counts) must agree with.

use open_data_catalogue::model::Dataset;
use open_data_catalogue::search::facets::dataset_values;
use open_data_catalogue::search::{Engine, Facet, Request};

/// Checks a response against a brute-force count over the text matches.
pub fn check_against_brute_force(
    data: &[Dataset],
    e: &mut Engine,
    text: &str,
    filters: &[(Facet, Vec<String>)],
) {
    let matches = e
        .search(&Request {
            text: text.into(),
            limit: usize::MAX,
            ..Default::default()
        })
        .hits;
    let passes = |doc: u32, skip: Option<Facet>| {
        Facet::ALL.iter().filter(|&&f| Some(f) != skip).all(|&f| {
            let selected: Vec<&String> = filters
                .iter()
                .filter(|(g, _)| *g == f)
                .flat_map(|(_, v)| v)
                .collect();
            selected.is_empty()
                || dataset_values(&data[doc as usize], f)
                    .iter()
                    .any(|v| selected.contains(&v))
        })
    };
    let r = e.search(&Request {
        text: text.into(),
        filters: filters.to_vec(),
        limit: usize::MAX,
        ..Default::default()
    });
    let mut expected: Vec<u32> = matches
        .iter()
        .copied()
        .filter(|&d| passes(d, None))
        .collect();
    let mut got = r.hits.clone();
    expected.sort_unstable();
    got.sort_unstable();
    assert_eq!(r.total, expected.len(), "total for {text:?} {filters:?}");
    assert_eq!(got, expected, "hits for {text:?} {filters:?}");
    assert_eq!(
        r.facets.iter().map(|f| f.facet).collect::<Vec<_>>(),
        Facet::ALL
    );
    for fc in &r.facets {
        for (value, count) in &fc.values {
            let n = matches
                .iter()
                .filter(|&&d| {
                    passes(d, Some(fc.facet))
                        && dataset_values(&data[d as usize], fc.facet).contains(value)
                })
                .count();
            assert_eq!(
                *count as usize, n,
                "count of {:?}={value} for {text:?} {filters:?}",
                fc.facet
            );
        }
        // Every value of the facet, and every selected one, is listed once.
        for v in e.facet_values(fc.facet) {
            assert_eq!(fc.values.iter().filter(|(k, _)| k == v).count(), 1);
        }
        for (_, vals) in filters.iter().filter(|(g, _)| *g == fc.facet) {
            for v in vals {
                assert!(fc.values.iter().any(|(k, _)| k == v), "selected {v} listed");
            }
        }
        // Sorted by count, then key.
        assert!(fc
            .values
            .windows(2)
            .all(|w| w[0].1 > w[1].1 || (w[0].1 == w[1].1 && w[0].0 < w[1].0)));
    }
}
