//! piveau hub-search (data.europa.eu): queries as its API documents them,
//! and two real recorded hits read into the model (tests/fixtures/piveau,
//! wrapped in the envelope piveau's own code writes).

use open_data_catalogue::remote::piveau::{facets_json, Piveau};
use open_data_catalogue::remote::{RegistryType, Service};
use open_data_catalogue::search::{Facet, Filters, Request, Sort};

const FIX: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/piveau");
const TRAN: &str = "http://publications.europa.eu/resource/authority/data-theme/TRAN";

fn answer() -> String {
    let hit = |f: &str| std::fs::read_to_string(format!("{FIX}/{f}")).unwrap();
    format!(
        r#"{{"success": true, "result": {{"count": 1234567, "index": "dataset",
            "results": [{}, {}],
            "facets": [{{"id": "categories", "title": "Categories", "items": [{{"id": "TRAN", "count": 70000, "title": "Transport"}}, {{"id": "HEAL", "count": 90000, "title": "Health"}}]}},
                       {{"id": "publisher", "title": "Publisher", "items": [{{"id": "Tailte Éireann", "count": 12, "title": "Tailte Éireann"}}]}},
                       {{"id": "country", "items": [{{"id": "ie", "count": 3}}]}}]}}}}"#,
        hit("hit-37757fcf.json"),
        hit("hit-haltestelle-sbb.json")
    )
}

#[test]
fn real_data_europa_hits_read_as_datasets() {
    let page = Piveau::parse(&answer()).unwrap();
    assert_eq!(
        (page.total, page.datasets.len(), page.skipped),
        (1_234_567, 2, 0)
    );
    let covid = &page.datasets[0];
    assert_eq!(
        covid.id,
        "http://data.europa.eu/88u/dataset/37757fcf-8d84-4013-9725-d2f1d2b6035e"
    );
    assert!(
        covid.title.text("en").starts_with("COVID-19"),
        "{:?}",
        covid.title
    );
    assert_eq!(
        covid.themes,
        ["http://publications.europa.eu/resource/authority/data-theme/HEAL"]
    );
    assert_eq!(
        covid.publisher.as_ref().unwrap().name.text("sv"),
        "Tailte Éireann"
    );
    assert_eq!(covid.modified.as_deref(), Some("2026-05-31T18:41:55"));
    assert!(covid.keywords.iter().any(|(_, k)| k == "Covid"));
    assert!(covid.distributions.iter().any(|d| d
        .download_url
        .as_deref()
        .is_some_and(|u| u.contains("/csv"))));
    let sbb = &page.datasets[1];
    assert_eq!(sbb.title.text("de"), "Haltestelle-Haltekante");
    assert_eq!(sbb.themes, [TRAN]);
    assert_eq!(sbb.distributions.len(), 15);
    assert!(sbb.distributions.iter().any(|d| d.format.as_deref()
        == Some("http://publications.europa.eu/resource/authority/file-type/PARQUET")));
}

#[test]
fn facets_come_back_as_the_widgets_values_and_unknown_groups_are_ignored() {
    let page = Piveau::parse(&answer()).unwrap();
    let themes = page
        .facets
        .iter()
        .find(|f| f.facet == Facet::Theme)
        .unwrap();
    let heal = "http://publications.europa.eu/resource/authority/data-theme/HEAL";
    assert_eq!(
        themes.values,
        [(heal.to_string(), 90_000), (TRAN.to_string(), 70_000)]
    );
    assert_eq!(page.facets.len(), 2, "country is not a facet of the widget");
    assert_eq!(
        page.publisher_names,
        [("Tailte Éireann".to_string(), "Tailte Éireann".to_string())]
    );
}

#[test]
fn the_query_says_or_within_and_across_and_names_themes_by_code() {
    let mut f = Filters::new();
    f.add(Facet::Theme, TRAN);
    f.add(Facet::Format, "CSV");
    assert_eq!(
        facets_json(&f, None),
        r#"{"categories":["TRAN"],"format":["CSV"]}"#
    );
    assert_eq!(facets_json(&f, Some(Facet::Theme)), r#"{"format":["CSV"]}"#);
    let request = Request {
        text: "rail".into(),
        filters: f,
        sort: Sort::Modified,
        offset: 40,
        limit: 20,
    };
    let planned = Piveau::new("https://data.europa.eu/api/hub/search/").requests(
        &request,
        &[Facet::Theme, Facet::Format, Facet::Publisher],
        "sv",
    );
    assert_eq!(
        planned.len(),
        3,
        "the page, then theme's and format's own counts"
    );
    let page = &planned[0].url;
    assert!(page.starts_with("https://data.europa.eu/api/hub/search/search?q=rail&filters=dataset&facetOperator=OR&facetGroupOperator=AND&facets="), "{page}");
    assert!(
        page.contains("&limit=20&page=2&sort=modified%20desc"),
        "{page}"
    );
    assert!(
        planned[1].url.ends_with("&limit=0&page=0"),
        "{}",
        planned[1].url
    );
    assert!(
        !planned[1].url.contains("TRAN"),
        "theme's counts leave its selection out: {}",
        planned[1].url
    );
    assert_eq!(
        Service::for_registry(
            &["https://data.europa.eu/api/hub/search".to_string()],
            RegistryType::Auto
        ),
        Some(Service::Piveau(
            "https://data.europa.eu/api/hub/search".into()
        ))
    );
}

#[test]
fn a_refusal_or_a_broken_answer_is_an_error() {
    assert!(
        matches!(Piveau::parse(r#"{"success": false, "message": "bad facets"}"#), Err(open_data_catalogue::remote::RemoteError::Refused(m)) if m == "bad facets")
    );
    assert!(Piveau::parse(r#"{"result": {}}"#).is_err());
    let p =
        Piveau::parse(r#"{"result": {"count": {"total": 5}, "results": [{"title": "no id"}, 3]}}"#)
            .unwrap();
    assert_eq!((p.total, p.datasets.len(), p.skipped), (5, 0, 2));
}
