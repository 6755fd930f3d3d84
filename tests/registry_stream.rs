//! The registry read while it downloads (`registry::stream`) gives the same
//! catalogue as the text read whole (`registry::read_with_base`), whatever
//! the chunk sizes; what it cannot read record by record it hands back
//! whole, byte for byte.

use open_data_catalogue::model::Catalog;
use open_data_catalogue::registry::stream::{Finished, RegistryStream};
use open_data_catalogue::registry::{read_with_base, ReadError};
use std::path::Path;

const BASE: &str = "https://example.se/data/registry.jsonld";

fn streamed(text: &[u8], chunk: usize) -> Finished {
    let mut stream = RegistryStream::new();
    for part in text.chunks(chunk.max(1)) {
        stream.feed(part);
    }
    stream.finish(Some(BASE))
}

fn read_streamed(text: &[u8], chunk: usize) -> Result<Catalog, ReadError> {
    match streamed(text, chunk) {
        Finished::Read(result) => result,
        Finished::Whole(_) => panic!("read whole, not record by record (chunks of {chunk})"),
    }
}

fn root(path: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

#[test]
fn the_demo_registry_streamed_in_any_chunk_size_is_the_registry_read_whole() {
    let text = std::fs::read(root("www/data/registry.jsonld")).unwrap();
    let whole = read_with_base(std::str::from_utf8(&text).unwrap(), Some(BASE)).unwrap();
    assert!(whole.datasets.len() > 1000);
    for chunk in [1, 3, 64, 1000, 65536, text.len()] {
        let streamed = read_streamed(&text, chunk).unwrap();
        assert_eq!(streamed, whole, "chunks of {chunk} bytes");
    }
}

#[test]
fn a_chunk_boundary_inside_a_multibyte_letter_changes_nothing() {
    // "Å" is two bytes in UTF-8; every split of this small registry falls
    // somewhere, including between them.
    let text = registry(&[
        r#"{"@id": "https://e.se/d/1", "title": {"sv": "Årsredovisningar, \"ÄÖ\" [1]"}}"#,
    ]);
    let whole = read_with_base(&text, Some(BASE)).unwrap();
    for chunk in 1..=7 {
        assert_eq!(read_streamed(text.as_bytes(), chunk).unwrap(), whole);
    }
    assert_eq!(
        whole.datasets[0].title.text("sv"),
        "Årsredovisningar, \"ÄÖ\" [1]"
    );
}

/// A registry as `convert` writes it: the inline context first.
fn registry(records: &[&str]) -> String {
    let context = open_data_catalogue::registry::jsonld::CONTEXT;
    format!(
        "{{\"@context\": {context}, \"@type\": \"Catalog\", \"title\": {{\"sv\": \"Katalog\"}},\n  \"dataset\": [\n{}\n], \"description\": {{\"en\": \"after the list\"}}}}",
        records.join(",\n")
    )
}

#[test]
fn broken_and_repeated_records_are_skipped_and_counted_as_when_read_whole() {
    let text = registry(&[
        r#"{"@id": "https://e.se/d/1", "title": {"sv": "Ett"}}"#,
        r#"{"@id": "https://e.se/d/1", "title": {"sv": "Samma id"}}"#,
        r#"42"#,
        r#"{"@id": "https://e.se/d/2", "title": {"sv": "Två"}, "title": {"sv": "Två igen"}}"#,
        r#"{"@id": "https://e.se/d/3", "title": 7}"#,
    ]);
    let whole = read_with_base(&text, Some(BASE)).unwrap();
    let streamed = read_streamed(text.as_bytes(), 5).unwrap();
    assert_eq!(streamed, whole);
    assert_eq!(
        streamed.description.text("en"),
        "after the list",
        "the fields after the list are read"
    );
    assert!(
        streamed.skipped >= 2,
        "the repeated id and the number are skipped: {:?}",
        streamed.problems
    );
}

#[test]
fn other_formats_come_back_whole_byte_for_byte() {
    for path in [
        "tests/fixtures/ckan/ch-envidat-package_search.json",
        "tests/fixtures/datajson/us-consumerfinance.data.json",
        "tests/fixtures/dcat-ap-se/digg-exempel-rekommenderat.ttl",
        "tests/fixtures/dcat-ap-se/digg-exempel-rekommenderat.rdf",
    ] {
        let text = std::fs::read(root(path)).unwrap();
        match streamed(&text, 100) {
            Finished::Whole(whole) => assert_eq!(whole.as_bytes(), &text[..], "{path}"),
            Finished::Read(_) => panic!("{path} was read as a registry"),
        }
    }
}

#[test]
fn a_registry_without_its_context_first_is_read_whole() {
    let text = r#"{"dataset": [{"@id": "https://e.se/d/1", "title": {"sv": "Ett"}}]}"#;
    assert!(matches!(streamed(text.as_bytes(), 4), Finished::Whole(t) if t == text));
}

#[test]
fn a_registry_that_ends_inside_its_list_is_a_syntax_error() {
    let text = registry(&[r#"{"@id": "https://e.se/d/1", "title": {"sv": "Ett"}}"#]);
    let cut = &text.as_bytes()[..text.find("Ett").unwrap()];
    assert!(matches!(read_streamed(cut, 16), Err(ReadError::Syntax(_))));
    assert!(
        read_with_base(std::str::from_utf8(cut).unwrap(), None).is_err(),
        "read whole it fails too"
    );
}

#[test]
fn a_byte_order_mark_before_the_registry_is_allowed() {
    let text = format!(
        "\u{feff}{}",
        registry(&[r#"{"@id": "https://e.se/d/1", "title": {"sv": "Ett"}}"#])
    );
    let whole = read_with_base(&text, Some(BASE)).unwrap();
    assert_eq!(read_streamed(text.as_bytes(), 2).unwrap(), whole);
}

#[test]
fn the_datasets_read_so_far_are_the_complete_records_received_in_registry_order() {
    let text = std::fs::read(root("www/data/registry.jsonld")).unwrap();
    let whole = read_with_base(std::str::from_utf8(&text).unwrap(), Some(BASE)).unwrap();
    let mut stream = RegistryStream::new();
    let mut seen = Vec::new();
    for part in text.chunks(65536) {
        stream.feed(part);
        seen.push(stream.read_so_far().len());
        // Always a prefix of the whole registry, in its order.
        let so_far = stream.read_so_far();
        assert_eq!(so_far, &whole.datasets[..so_far.len()]);
    }
    // Records show up while the text still arrives, not only at its end.
    assert!(seen[0] > 0, "the first 64 KB hold complete records");
    assert!(seen.windows(2).all(|w| w[0] <= w[1]));
    assert!(seen[seen.len() / 2] < whole.datasets.len());
    assert!(*seen.last().unwrap() >= whole.datasets.len() - 1);
}
