//! CKAN package_search: queries as CKAN's API documents them, and a real
//! recorded answer (EnviDat) read into the model.

use open_data_catalogue::remote::ckan::{filter_query, Ckan};
use open_data_catalogue::search::{Facet, Filters, Request, Sort};

const FIX: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/ckan/ch-envidat-package_search.json"
);

#[test]
fn a_real_envidat_answer_reads_as_its_page_of_858() {
    let text = std::fs::read_to_string(FIX).unwrap();
    let page = Ckan::parse(&text).unwrap();
    assert_eq!(page.total, 858);
    // The recorded page holds two packages, read by the CKAN reader.
    let raw: serde_json::Value = serde_json::from_str(&text).unwrap();
    let expected: Vec<&str> = raw["result"]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["title"].as_str().unwrap())
        .collect();
    let titles: Vec<&str> = page.datasets.iter().map(|d| d.title.text("en")).collect();
    assert_eq!(titles, expected);
    assert_eq!(page.skipped, 0);
}

#[test]
fn search_facets_become_counts_sorted_by_count() {
    let page = Ckan::parse(
        r#"{"success": true, "result": {"count": 5, "results": [], "search_facets": {
            "organization": {"title": "organization", "items": [
                {"name": "wsl", "display_name": "WSL", "count": 2},
                {"name": "cryos", "display_name": "CRYOS", "count": 3}]},
            "res_format": {"items": [{"name": "CSV", "count": 5}]}}}}"#,
    )
    .unwrap();
    assert_eq!(page.total, 5);
    let publisher = page
        .facets
        .iter()
        .find(|f| f.facet == Facet::Publisher)
        .unwrap();
    assert_eq!(
        publisher.values,
        [("cryos".to_string(), 3), ("wsl".to_string(), 2)]
    );
    assert!(page
        .facets
        .iter()
        .any(|f| f.facet == Facet::Format && f.values == [("CSV".to_string(), 5)]));
    // Organisation titles name publishers that are not on the page.
    assert_eq!(
        page.publisher_names,
        [
            ("wsl".to_string(), "WSL".to_string()),
            ("cryos".to_string(), "CRYOS".to_string())
        ]
    );
}

#[test]
fn filters_are_or_within_and_across_and_selected_facets_cost_one_request_each() {
    let mut f = Filters::new();
    f.add(Facet::Publisher, "cryos");
    f.add(Facet::Publisher, "wsl \"x\"");
    f.add(Facet::Format, "CSV");
    assert_eq!(
        filter_query(&f, None),
        r#"(organization:"cryos" OR organization:"wsl \"x\"") AND (res_format:"CSV")"#
    );
    assert_eq!(
        filter_query(&f, Some(Facet::Publisher)),
        r#"(res_format:"CSV")"#
    );

    let ckan = Ckan::new("https://www.envidat.ch/api/3/action/package_search");
    let request = Request {
        text: "snow depth".into(),
        filters: f,
        sort: Sort::Modified,
        offset: 20,
        limit: 5000,
    };
    let planned = ckan.requests(
        &request,
        &[
            Facet::Publisher,
            Facet::Format,
            Facet::Theme,
            Facet::AccessRights,
        ],
    );
    assert_eq!(
        planned.len(),
        3,
        "the page, then publisher's and format's own counts"
    );
    let page = &planned[0].url;
    assert!(
        page.starts_with("https://www.envidat.ch/api/3/action/package_search?q=snow%20depth&fq="),
        "{page}"
    );
    assert!(
        page.contains(&format!("&facet.field={}", "%5B%22groups%22%5D")),
        "{page}"
    );
    assert!(page.contains("&sort=metadata_modified%20desc"), "{page}");
    assert!(
        page.ends_with("&rows=1000&start=20"),
        "rows capped at 1000: {page}"
    );
    assert_eq!(planned[1].counts_for, Some(Facet::Publisher));
    assert!(
        planned[1].url.ends_with("&rows=0&start=0"),
        "{}",
        planned[1].url
    );
    assert!(
        planned[1].url.contains("%5B%22organization%22%5D"),
        "{}",
        planned[1].url
    );
    assert!(
        !planned[1].url.contains("cryos"),
        "its own selection left out: {}",
        planned[1].url
    );
}

#[test]
fn an_error_answer_is_refused_with_ckans_message() {
    let r = Ckan::parse(
        r#"{"success": false, "error": {"message": "Search Query is invalid", "__type": "Search Error"}}"#,
    );
    assert!(
        matches!(r, Err(open_data_catalogue::remote::RemoteError::Refused(m)) if m == "Search Query is invalid")
    );
    assert!(Ckan::parse("not json").is_err());
}
