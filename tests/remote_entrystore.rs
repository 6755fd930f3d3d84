//! EntryStore (dataportal.se's registry): queries as the server and its JS
//! client spell them, and a real recorded answer read into the model.

use open_data_catalogue::remote::entrystore::{escape, field, query, EntryStore};
use open_data_catalogue::search::{Facet, Filters, Request, Sort};

const FIX: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/entrystore/search_datasets.json"
);

#[test]
fn a_real_dataportal_answer_reads_as_two_datasets_of_23548() {
    let page = EntryStore::parse(&std::fs::read_to_string(FIX).unwrap()).unwrap();
    assert_eq!(page.total, 23_548);
    assert_eq!(page.skipped, 0);
    let titles: Vec<&str> = page.datasets.iter().map(|d| d.title.text("sv")).collect();
    // In the service's order, as the recorded answer lists them.
    assert_eq!(titles, ["Vägkategori", "Bro och tunnel"]);
    let d = &page.datasets[0];
    assert_eq!(
        d.id,
        "https://metadata.trafikverket.se/store/1/resource/735"
    );
    assert_eq!(
        d.publisher_key(),
        Some("http://dataportal.se/organisation/SE2021006297")
    );
    assert!(d
        .themes
        .contains(&"http://publications.europa.eu/resource/authority/data-theme/TRAN".to_string()));
    assert_eq!(d.distributions.len(), 3);
    assert_eq!(page.datasets[1].distributions.len(), 6);
}

#[test]
fn facet_fields_are_named_by_the_md5_of_the_predicate() {
    assert_eq!(
        field(Facet::Publisher).unwrap(),
        "metadata.predicate.uri.9259d4c1"
    );
    assert_eq!(
        field(Facet::Theme).unwrap(),
        "metadata.predicate.uri.0ce6b231"
    );
    // dcterms:format is a literal in DCAT-AP-SE: counted as an exact string.
    assert!(field(Facet::Format)
        .unwrap()
        .starts_with("metadata.predicate.literal_s."));
    assert_eq!(field(Facet::Quality), None);
}

#[test]
fn values_and_words_are_escaped_and_short_words_become_prefixes() {
    assert_eq!(escape("http://x.se/a(b)"), "http\\://x.se/a\\(b\\)");
    let mut f = Filters::new();
    f.add(Facet::Publisher, "http://dataportal.se/organisation/A");
    f.add(Facet::Publisher, "http://dataportal.se/organisation/B");
    f.add(
        Facet::Theme,
        "http://publications.europa.eu/resource/authority/data-theme/TRAN",
    );
    let q = query("Bro ab", &f, None);
    assert!(
        q.starts_with("rdfType:http\\://www.w3.org/ns/dcat#Dataset AND public:true"),
        "{q}"
    );
    assert!(
        q.contains("(title:bro OR description:bro OR tag.literal:bro)"),
        "{q}"
    );
    assert!(
        q.contains("(title:ab* OR description:ab* OR tag.literal:ab*)"),
        "{q}"
    );
    // OR within a facet, AND across.
    assert!(q.contains(
        "AND (metadata.predicate.uri.9259d4c1:http\\://dataportal.se/organisation/A OR metadata.predicate.uri.9259d4c1:http\\://dataportal.se/organisation/B)"
    ), "{q}");
    assert!(q.contains("AND (metadata.predicate.uri.0ce6b231:http\\://publications.europa.eu/resource/authority/data-theme/TRAN)"), "{q}");
    // A facet's own counts leave its selection out.
    let without = query("Bro ab", &f, Some(Facet::Publisher));
    assert!(
        !without.contains("9259d4c1") && without.contains("0ce6b231"),
        "{without}"
    );
}

#[test]
fn one_request_for_the_page_and_one_more_per_selected_facet() {
    let store = EntryStore::new("https://admin.dataportal.se/store/");
    let mut filters = Filters::new();
    filters.add(
        Facet::Theme,
        "http://publications.europa.eu/resource/authority/data-theme/TRAN",
    );
    let request = Request {
        text: "väg".into(),
        filters,
        sort: Sort::Title,
        offset: 40,
        limit: 500,
    };
    let planned = store.requests(
        &request,
        &[Facet::Publisher, Facet::Theme, Facet::Quality],
        "sv",
    );
    assert_eq!(planned.len(), 2);
    let page = &planned[0];
    assert_eq!(page.counts_for, None);
    assert!(
        page.url
            .starts_with("https://admin.dataportal.se/store/search?type=solr&query="),
        "{}",
        page.url
    );
    // The server caps limit at 100; title order in the UI language.
    assert!(page.url.contains("&limit=100&offset=40"), "{}", page.url);
    assert!(page.url.contains("&sort=title.sv%20asc"), "{}", page.url);
    // The page counts only the facet without a selection.
    assert!(
        page.url
            .contains("&facetFields=metadata.predicate.uri.9259d4c1&"),
        "{}",
        page.url
    );
    let theme = &planned[1];
    assert_eq!(theme.counts_for, Some(Facet::Theme));
    assert!(
        theme.url.contains("&limit=1&offset=0"),
        "at least one hit, or the server says 0: {}",
        theme.url
    );
    assert!(
        theme
            .url
            .contains("&facetFields=metadata.predicate.uri.0ce6b231&"),
        "{}",
        theme.url
    );
    assert!(
        !theme.url.contains("0ce6b231%5C%3A") && !theme.url.contains("0ce6b231%3Ahttp"),
        "its own filter is left out: {}",
        theme.url
    );
}

#[test]
fn a_refusal_and_a_broken_answer_are_errors_not_panics() {
    assert!(matches!(
        EntryStore::parse(r#"{"error":"Query too short"}"#),
        Err(open_data_catalogue::remote::RemoteError::Refused(m)) if m == "Query too short"
    ));
    assert!(EntryStore::parse("<html>").is_err());
    assert!(EntryStore::parse(r#"{"resource":{}}"#).is_err());
    let page = EntryStore::parse(r#"{"results":3,"resource":{"children":[{"metadata":7},{}]},"facetFields":[{"name":"metadata.predicate.uri.9259d4c1","valueCount":1,"values":[{"name":"http://a","count":3}]}]}"#).unwrap();
    assert_eq!((page.total, page.datasets.len(), page.skipped), (3, 0, 2));
    assert_eq!(page.facets[0].facet, Facet::Publisher);
    assert_eq!(page.facets[0].values, [("http://a".to_string(), 3)]);
}
