//! Whatever the browser's `JSON.parse` accepts, the widget reads: one bad
//! character in one field of a real catalogue must never hide the whole
//! catalogue. Each class of JSON that `JSON.parse` accepts and a strict
//! parser refuses has a test on a real file, and a property test scatters
//! such input through a real data.json.

use open_data_catalogue::registry::read;
use proptest::prelude::*;
use std::path::Path;

fn fixture(path: &str) -> String {
    let full = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{}: {e}", full.display()))
}

/// `text` with `insert` put right after the `n`-th occurrence of `marker`.
fn insert_after(text: &str, marker: &str, n: usize, insert: &str) -> String {
    let at = text
        .match_indices(marker)
        .nth(n)
        .map(|(i, m)| i + m.len())
        .unwrap_or_else(|| panic!("no {marker:?} number {n}"));
    format!("{}{insert}{}", &text[..at], &text[at..])
}

fn strict_parse_fails(text: &str) -> bool {
    serde_json::from_str::<serde_json::Value>(text).is_err()
}

const FDA: &str = "tests/fixtures/datajson/us-fda.data.json";
const REGISTRY: &str = "tests/browser/fixtures/varied.jsonld";

#[test]
fn a_lone_surrogate_in_one_description_of_a_real_data_json_loses_no_dataset() {
    let original = fixture(FDA);
    let expected = read(&original).expect("the real file reads").datasets.len();
    assert!(expected > 50, "{expected}");
    // An emoji cut in half, as a field length limit leaves it.
    let broken = insert_after(&original, "\"description\": \"", 3, "\\ud83d cut");
    assert!(
        strict_parse_fails(&broken),
        "the test input must be what a strict parser refuses"
    );
    let catalog = read(&broken).expect("read like JSON.parse reads it");
    assert_eq!(catalog.datasets.len(), expected);
    assert!(catalog.datasets.iter().any(|d| d
        .description
        .0
        .iter()
        .any(|(_, t)| t.contains("\u{FFFD} cut"))));
    assert!(
        catalog
            .problems
            .iter()
            .any(|p| p.contains("lone UTF-16 surrogate")),
        "{:?}",
        catalog.problems
    );
}

#[test]
fn a_lone_low_surrogate_in_the_registry_format_loses_no_dataset() {
    let original = fixture(REGISTRY);
    let expected = read(&original).expect("reads").datasets.len();
    let broken = insert_after(&original, "\"title\": ", 0, "");
    let broken = insert_after(&broken, "\"sv\": \"", 2, "\\udc00");
    assert!(strict_parse_fails(&broken));
    assert_eq!(read(&broken).expect("reads").datasets.len(), expected);
}

#[test]
fn a_number_too_large_for_a_double_loses_no_dataset() {
    let original = fixture(FDA);
    let expected = read(&original).expect("reads").datasets.len();
    let broken = insert_after(
        &original,
        "\"accessLevel\": \"public\",",
        0,
        " \"x-size\": 1e400,",
    );
    assert!(strict_parse_fails(&broken));
    let catalog = read(&broken).expect("reads");
    assert_eq!(catalog.datasets.len(), expected);
    assert!(
        catalog.problems.iter().any(|p| p.contains("too large")),
        "{:?}",
        catalog.problems
    );
}

#[test]
fn json_that_is_really_broken_is_still_refused() {
    let original = fixture(FDA);
    assert!(read(&original[..original.len() / 2]).is_err());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Any lone surrogate escape (high or low, alone or doubled wrongly) in
    /// any description keeps every dataset.
    #[test]
    fn lone_surrogates_anywhere_in_descriptions_lose_nothing(
        which in 0usize..11,
        unit in 0xD800u32..0xE000,
        second in prop_oneof![Just(None), (0xD800u32..0xDC00).prop_map(Some)],
        tail in "[a-zåäö ]{0,8}",
    ) {
        let original = fixture("tests/fixtures/datajson/us-consumerfinance.data.json");
        let expected = read(&original).unwrap().datasets.len();
        let n = original.matches("\"description\": \"").count();
        prop_assume!(n > 0);
        let mut insert = format!("\\u{unit:04x}");
        if let Some(s) = second {
            insert.push_str(&format!("\\u{s:04X}"));
        }
        insert.push_str(&tail);
        let broken = insert_after(&original, "\"description\": \"", which % n, &insert);
        let catalog = read(&broken).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(catalog.datasets.len(), expected);
    }
}

#[test]
fn a_key_written_twice_in_a_registry_record_takes_its_last_value_as_json_parse_does() {
    let original = fixture(REGISTRY);
    let expected = read(&original).expect("reads").datasets.len();
    let broken = insert_after(
        &original,
        "\"@type\": \"Dataset\",",
        4,
        " \"issued\": \"1999-01-01\", \"issued\": \"2001-02-03\",",
    );
    let catalog = read(&broken).expect("reads");
    assert_eq!(catalog.datasets.len(), expected, "{:?}", catalog.problems);
    assert!(catalog
        .datasets
        .iter()
        .any(|d| d.issued.as_deref() == Some("2001-02-03")));
}
