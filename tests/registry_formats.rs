//! The readers for formats other than the registry: DCAT JSON-LD, CKAN,
//! DCAT-US data.json, schema.org. Every value asserted here was checked by
//! reading the fixture itself (tests/fixtures, see SOURCES.md there).

use open_data_catalogue::model::{Catalog, Dataset};
use open_data_catalogue::registry::{detect_content, read, read_with_base, Format, ReadError};
use std::path::{Path, PathBuf};
use std::time::Instant;

const EU_THEME: &str = "http://publications.europa.eu/resource/authority/data-theme/";
const ACCESS: &str = "http://publications.europa.eu/resource/authority/access-right/";
const FREQ: &str = "http://publications.europa.eu/resource/authority/frequency/";

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn fixture(path: &str) -> String {
    let p = root().join(path);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn read_fixture(path: &str) -> Catalog {
    read(&fixture(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn dataset<'a>(c: &'a Catalog, id: &str) -> &'a Dataset {
    c.datasets
        .iter()
        .find(|d| d.id == id)
        .unwrap_or_else(|| panic!("no dataset {id}"))
}

fn publisher_name(d: &Dataset) -> &str {
    d.publisher.as_ref().map_or("", |p| p.name.text(""))
}

fn all_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let p = entry.path();
        if p.is_dir() {
            all_files(&p, out);
        } else {
            out.push(p);
        }
    }
}

/// Every fixture of the new formats: its detected format and how many
/// datasets it has (`None`: not a catalogue, a `ReadError`).
const TABLE: &[(&str, Format, Option<usize>)] = &[
    ("ckan/ch-envidat-PROVENANCE.md", Format::Turtle, None),
    ("ckan/ch-envidat-organization_list.json", Format::Ckan, None),
    ("ckan/ch-envidat-package_search.json", Format::Ckan, Some(2)),
    ("ckan/ch-envidat-package_show.json", Format::Ckan, Some(1)),
    (
        "ckan/ckanext-dcat-catalog_datasets_list.json",
        Format::DataJson,
        Some(2),
    ),
    (
        "ckan/ckanext-dcat-ckan_dataset_multilingual.json",
        Format::Ckan,
        Some(1),
    ),
    (
        "ckan/ckanext-dcat-ckan_full_dataset_dcat_ap.json",
        Format::Ckan,
        Some(1),
    ),
    (
        "ckan/ckanext-dcat-full_ckan_dataset_legacy.json",
        Format::Ckan,
        Some(1),
    ),
    (
        "datajson/ar-pydatajson/full_data.json",
        Format::DataJson,
        Some(2),
    ),
    (
        "datajson/ar-pydatajson/several_assorted_errors.json",
        Format::DataJson,
        Some(1),
    ),
    (
        "datajson/ar-pydatajson/too_long_field_title.json",
        Format::DataJson,
        Some(1),
    ),
    (
        "datajson/gsa-ckanext-datajson-samples/README.md",
        Format::Turtle,
        None,
    ),
    (
        "datajson/gsa-ckanext-datajson-samples/arm.data.json",
        Format::DataJson,
        Some(3),
    ),
    (
        "datajson/gsa-ckanext-datajson-samples/collection-1-parent-2-children.data.json",
        Format::DataJson,
        Some(3),
    ),
    (
        "datajson/gsa-ckanext-datajson-samples/collection-2-parent-4-children.data.json",
        Format::DataJson,
        Some(6),
    ),
    (
        "datajson/gsa-ckanext-datajson-samples/geospatial.data.json",
        Format::DataJson,
        Some(2),
    ),
    (
        "datajson/gsa-ckanext-datajson-samples/large-spatial.data.json",
        Format::DataJson,
        Some(1),
    ),
    (
        "datajson/gsa-ckanext-datajson-samples/many-resources.data.json",
        Format::DataJson,
        Some(1),
    ),
    // The empty `{}` record is skipped and counted.
    (
        "datajson/gsa-ckanext-datajson-samples/missing-catalog.data.json",
        Format::DataJson,
        Some(1),
    ),
    (
        "datajson/gsa-ckanext-datajson-samples/missing-dataset-fields.data.json",
        Format::DataJson,
        Some(1),
    ),
    (
        "datajson/gsa-ckanext-datajson-samples/missing-identifier-title.data.json",
        Format::DataJson,
        Some(3),
    ),
    (
        "datajson/gsa-ckanext-datajson-samples/null-spatial.data.json",
        Format::DataJson,
        Some(1),
    ),
    (
        "datajson/gsa-ckanext-datajson-samples/numerical-title.data.json",
        Format::DataJson,
        Some(1),
    ),
    (
        "datajson/gsa-ckanext-datajson-samples/ny.data.json",
        Format::DataJson,
        Some(1),
    ),
    (
        "datajson/gsa-ckanext-datajson-samples/reserved-title.data.json",
        Format::DataJson,
        Some(1),
    ),
    (
        "datajson/gsa-ckanext-datajson-samples/usda.gov.data.json",
        Format::DataJson,
        Some(3),
    ),
    (
        "datajson/us-consumerfinance.data.json",
        Format::DataJson,
        Some(11),
    ),
    ("datajson/us-dhs.data.json", Format::DataJson, Some(1093)),
    ("datajson/us-fcc.data.json", Format::DataJson, Some(59)),
    ("datajson/us-fda.data.json", Format::DataJson, Some(86)),
    ("datajson/us-opm.data.json", Format::DataJson, Some(134)),
    (
        "dcat-ap-eu/ckanext-dcat-catalog_pod.jsonld",
        Format::DataJson,
        Some(1),
    ),
    (
        "dcat-ap-eu/ckanext-dcat-catalog_with_at_graph.jsonld",
        Format::DcatJsonLd,
        Some(1),
    ),
    (
        "dcat-ap-eu/ckanext-dcat-catalog.rdf",
        Format::RdfXml,
        Some(2),
    ),
    (
        "dcat-ap-eu/ckanext-dcat-dataset_afs.ttl",
        Format::Turtle,
        Some(1),
    ),
    (
        "dcat-ap-se/digg-exempel-rekommenderat.ttl",
        Format::Turtle,
        Some(1),
    ),
    (
        "dcat-ap-eu/ch-ckanext-switzerland-ng-catalog.xml",
        Format::RdfXml,
        Some(2),
    ),
    (
        "schemaorg/esip-soso-data-repository-full.jsonld",
        Format::SchemaOrg,
        None,
    ),
    (
        "schemaorg/esip-soso-dataset-full.jsonld",
        Format::SchemaOrg,
        Some(1),
    ),
    (
        "schemaorg/esip-soso-dataset-minimal.jsonld",
        Format::SchemaOrg,
        Some(1),
    ),
    // Seven example Dataset nodes in one @graph (SOURCES.md says 1).
    (
        "schemaorg/esip-soso-dataset-temporalCoverage.jsonld",
        Format::SchemaOrg,
        Some(7),
    ),
];

#[test]
fn detection_and_counts_table() {
    for (path, format, count) in TABLE {
        let text = fixture(path);
        assert_eq!(detect_content(&text), *format, "{path}");
        match (read(&text), count) {
            (Ok(c), Some(n)) => assert_eq!(c.datasets.len(), *n, "{path}: {:?}", c.problems),
            (Err(_), None) => {}
            (other, _) => panic!("{path}: {other:?}"),
        }
    }
}

#[test]
fn every_file_reads_or_errors_without_panic() {
    let mut files = Vec::new();
    for d in ["ckan", "datajson", "schemaorg", "dcat-ap-eu", "dcat-ap-se"] {
        all_files(&root().join(d), &mut files);
    }
    assert!(files.len() > 40);
    for f in &files {
        let name = f.strip_prefix(root()).unwrap().display().to_string();
        // Every fixture of the new formats is in the table.
        if !name.starts_with("dcat-ap-se")
            && !name.ends_with(".rdf")
            && !name.ends_with(".ttl")
            && !name.ends_with(".xml")
        {
            assert!(
                TABLE.iter().any(|(p, _, _)| *p == name),
                "{name} missing from TABLE"
            );
        }
        let text = std::fs::read_to_string(f).unwrap();
        let _ = read(&text);
        // Truncated copies never panic either.
        for cut in [text.len() / 3, text.len() / 2, text.len().saturating_sub(2)] {
            if text.is_char_boundary(cut) {
                let _ = read(&text[..cut]);
            }
        }
    }
}

// ------------------------------------------------------------------ CKAN

#[test]
fn ckan_package_search_envidat() {
    let c = read_fixture("ckan/ch-envidat-package_search.json");
    assert_eq!(c.datasets.len(), 2);
    assert!(c.problems.iter().any(|p| p.contains("2 of 858")));
    let d = dataset(&c, "8c2dcda3-8d82-40cd-b79e-1b4dbe4ac77f");
    assert_eq!(
        d.title.text("en"),
        "The importance of hot summers and individual heatwaves for permafrost in the Swiss Alps"
    );
    assert_eq!(publisher_name(d), "CRYOS");
    // `resources`, `tags` and `maintainer` are JSON inside strings here.
    assert_eq!(d.distributions.len(), 1);
    assert_eq!(
        d.distributions[0].access_url.as_deref(),
        Some("https://www.envidat.ch/dataset/8c2dcda3-8d82-40cd-b79e-1b4dbe4ac77f/resource/99c43a7e-36eb-411c-8242-edbfde8b5b01/download/snowpack_simulations.zip")
    );
    assert!(d.keywords.iter().any(|(_, k)| k == "ATMOSPHERIC HEATWAVES"));
    assert_eq!(
        d.license.as_deref(),
        Some("http://creativecommons.org/licenses/by/4.0/")
    );
    assert_eq!(d.modified.as_deref(), Some("2026-08-04T07:19:14.753556"));
    let contact = d.contact_point.as_ref().unwrap();
    assert_eq!(
        contact.email.as_deref(),
        Some("mailto:elizaveta.sharaborova@epfl.ch")
    );
    assert_eq!(contact.name.as_deref(), Some("Elizaveta Sharaborova"));
}

#[test]
fn ckan_package_show_envidat() {
    let c = read_fixture("ckan/ch-envidat-package_show.json");
    let d = dataset(&c, "91c9414e-13ce-49c2-9b1e-3ccc9e4a5314");
    assert_eq!(
        d.title.text("en"),
        "Fatal avalanche accidents in Switzerland since 1936/37"
    );
    assert_eq!(publisher_name(d), "Snow Avalanches and Prevention");
    assert_eq!(d.distributions[0].format.as_deref(), Some("CSV"));
    // `other-undefined` is no licence.
    assert_eq!(d.license, None);
    assert_eq!(
        d.contact_point.as_ref().unwrap().email.as_deref(),
        Some("mailto:data@slf.ch")
    );
}

#[test]
fn ckan_organization_list_is_not_a_catalogue() {
    let err = read(&fixture("ckan/ch-envidat-organization_list.json")).unwrap_err();
    assert!(
        matches!(err, ReadError::NotACatalogue { ref hint } if hint.contains("organization")),
        "{err}"
    );
}

#[test]
fn ckan_scheming_multilingual() {
    let c = read_fixture("ckan/ckanext-dcat-ckan_dataset_multilingual.json");
    let d = &c.datasets[0];
    assert_eq!(d.title.text("ca"), "Conjunt de dades de prova DCAT");
    assert_eq!(d.title.text("es"), "Conjunto de datos de prueba DCAT");
    assert_eq!(d.description.text("en"), "Some description");
    assert!(d.keywords.contains(&("ca".into(), "Roures".into())));
    assert_eq!(d.landing_page.as_deref(), Some("http://example.org/ds1"));
    assert_eq!(d.distributions[0].title.text("es"), "Recurso 1");
    assert_eq!(
        d.contact_point.as_ref().unwrap().email.as_deref(),
        Some("mailto:contact1@example.org")
    );
}

#[test]
fn ckan_scheming_dcat_ap() {
    let c = read_fixture("ckan/ckanext-dcat-ckan_full_dataset_dcat_ap.json");
    let d = &c.datasets[0];
    assert_eq!(d.title.text("en"), "Test DCAT dataset");
    assert_eq!(d.identifier.as_deref(), Some("xx-some-dataset-id-yy"));
    assert_eq!(publisher_name(d), "Test Publisher");
    assert_eq!(
        d.publisher.as_ref().unwrap().id.as_deref(),
        Some("http://example.org/publisher-id")
    );
    assert_eq!(d.themes.len(), 3);
    assert_eq!(
        d.accrual_periodicity.as_deref(),
        Some(&*format!("{FREQ}MONTHLY"))
    );
    assert_eq!(
        d.distributions[0].download_url.as_deref(),
        Some("https://example.com/data.csv")
    );
    assert_eq!(
        d.distributions[0].license.as_deref(),
        Some("http://creativecommons.org/licenses/by/3.0/")
    );
}

#[test]
fn ckan_legacy_extras() {
    let c = read_fixture("ckan/ckanext-dcat-full_ckan_dataset_legacy.json");
    let d = &c.datasets[0];
    assert_eq!(d.title.text("en"), "Zimbabwe Regional Geochemical Survey.");
    assert_eq!(d.id, "756d6426-d52d-492a-a263-599ad1caa123");
    assert_eq!(
        d.distributions[0].access_url.as_deref(),
        Some("http://www.bgs.ac.uk/gbase/geochemcd/home.html")
    );
    // DCAT dates from the extras win over CKAN's own timestamps.
    assert_eq!(d.issued.as_deref(), Some("2012-05-10"));
    assert_eq!(d.modified.as_deref(), Some("2012-05-10T21:04"));
    assert_eq!(d.accrual_periodicity.as_deref(), Some("notPlanned"));
    // The harvested `contact-email` extra wins over maintainer_email.
    let contact = d.contact_point.as_ref().unwrap();
    assert_eq!(contact.email.as_deref(), Some("mailto:enquiries@bgs.ac.uk"));
}

#[test]
fn ckan_bad_record_in_a_list_is_skipped_and_counted() {
    let json = r#"{"success": true, "result": {"count": 3, "results": [
        {"id": "a", "name": "a", "title": "A", "notes": "x", "resources": []},
        42,
        {"notes": "nothing to name it by"},
        {"id": "b", "title": "B", "resources": [{"url": "javascript:alert(1)", "format": "CSV"},
                                                 {"url": "data/b.csv"}]}
    ]}}"#;
    let c = read_with_base(
        json,
        Some("https://portal.example.se/api/3/action/package_search"),
    )
    .unwrap();
    assert_eq!(c.datasets.len(), 2);
    assert_eq!(c.skipped, 2);
    assert_eq!(c.problems.len(), 2);
    let b = dataset(&c, "b");
    assert_eq!(b.distributions[0].access_url, None);
    assert_eq!(b.distributions[0].format.as_deref(), Some("CSV"));
    assert_eq!(
        b.distributions[1].access_url.as_deref(),
        Some("https://portal.example.se/api/3/action/data/b.csv")
    );
}

// -------------------------------------------------------------- DCAT-US

#[test]
fn data_json_dhs() {
    let c = read_fixture("datajson/us-dhs.data.json");
    assert_eq!(c.datasets.len(), 1093);
    assert_eq!(c.skipped, 0);
    let d = dataset(&c, "TSA-1ebecc72-746a-4a36-b278-b3e5e31dc9cc");
    assert_eq!(d.title.text("en"), "COVID-19 Passenger Throughput");
    assert_eq!(publisher_name(d), "TSA.GOV Public Website");
    assert_eq!(
        d.access_rights.as_deref(),
        Some(&*format!("{ACCESS}PUBLIC"))
    );
    assert_eq!(
        d.distributions[0].access_url.as_deref(),
        Some("https://www.tsa.gov/coronavirus/passenger-throughput")
    );
    let with_distribution = c
        .datasets
        .iter()
        .filter(|d| !d.distributions.is_empty())
        .count();
    assert_eq!(with_distribution, 1093 - 900);
}

#[test]
fn data_json_consumerfinance_opm_fcc_fda() {
    let c = read_fixture("datajson/us-consumerfinance.data.json");
    let d = dataset(&c, "CCDB");
    assert_eq!(d.title.text("en"), "Consumer Complaint Database");
    assert_eq!(publisher_name(d), "Consumer Financial Protection Bureau");
    assert_eq!(
        d.accrual_periodicity.as_deref(),
        Some(&*format!("{FREQ}DAILY"))
    );
    assert_eq!(
        d.contact_point.as_ref().unwrap().email.as_deref(),
        Some("mailto:devops@cfpb.gov")
    );

    let c = read_fixture("datajson/us-opm.data.json");
    assert!(c.datasets.iter().all(|d| d.distributions.is_empty()));
    let d = dataset(&c, "OPM-OPO-0002");
    assert_eq!(d.title.text("en"), "Annual Verification and Validation");
    assert_eq!(
        d.access_rights.as_deref(),
        Some(&*format!("{ACCESS}NON_PUBLIC"))
    );

    let c = read_fixture("datajson/us-fcc.data.json");
    let d = dataset(&c, "https://opendata.fcc.gov/api/views/2ah7-n9rk");
    assert_eq!(d.title.text("en"), "Linked Station Neighbors");
    assert_eq!(publisher_name(d), "opendata.fcc.gov");
    assert_eq!(d.distributions[0].media_type.as_deref(), Some("text/csv"));
    assert_eq!(
        d.distributions[0].download_url.as_deref(),
        Some("https://opendata.fcc.gov/api/views/2ah7-n9rk/rows.csv?accessType=DOWNLOAD")
    );
    // HTML in descriptions is kept as text.
    assert!(c
        .datasets
        .iter()
        .any(|d| d.description.text("en").contains('<')));

    let c = read_fixture("datajson/us-fda.data.json");
    let d = dataset(&c, "5d4b366c-07ca-4358-a783-01aa2fe59684");
    assert_eq!(d.title.text("en"), "Peanut Product Recalls");
    assert_eq!(publisher_name(d), "Office of Regulatory Affairs");
    assert_eq!(
        d.accrual_periodicity.as_deref(),
        Some(&*format!("{FREQ}IRREG"))
    );
}

#[test]
fn data_json_collections_keep_children() {
    let c = read_fixture(
        "datajson/gsa-ckanext-datajson-samples/collection-1-parent-2-children.data.json",
    );
    let ids: Vec<&str> = c.datasets.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "OPM-ERround-0001-AWOL",
            "OPM-ERround-0001",
            "OPM-ERround-0001-Retire"
        ]
    );
    assert_eq!(c.datasets[0].title.text("en"), "Addressing AWOL");
}

#[test]
fn data_json_gsa_oddities() {
    let c = read_fixture("datajson/gsa-ckanext-datajson-samples/numerical-title.data.json");
    assert_eq!(c.datasets[0].title.text("en"), "707");
    let c = read_fixture("datajson/gsa-ckanext-datajson-samples/missing-dataset-fields.data.json");
    assert_eq!(c.skipped, 1);
    let c =
        read_fixture("datajson/gsa-ckanext-datajson-samples/missing-identifier-title.data.json");
    assert_eq!(c.datasets.len(), 3);
    assert!(c.datasets.iter().all(|d| !d.id.is_empty()));
    let c = read_fixture("datajson/gsa-ckanext-datajson-samples/ny.data.json");
    let d = &c.datasets[0];
    assert_eq!(d.id, "https://data.ny.gov/api/views/22ew-dxez");
    assert_eq!(publisher_name(d), "State of New York");
}

#[test]
fn data_json_argentina() {
    let c = read_fixture("datajson/ar-pydatajson/full_data.json");
    assert_eq!(c.title.text("es"), "Datos Argentina");
    let d = dataset(&c, "99db6631-d1c9-470b-a73e-c62daa32c777");
    assert_eq!(d.title.text("es"), "Sistema de contrataciones electrónicas");
    assert!(publisher_name(d).starts_with("Ministerio de Modernización"));
    assert_eq!(d.themes, [format!("{EU_THEME}ECON")]);
    assert!(d.keywords.iter().any(|(_, k)| k == "compras"));
    assert_eq!(d.distributions[0].format.as_deref(), Some("CSV"));
}

#[test]
fn pod_json_ld_variant() {
    let c = read_fixture("dcat-ap-eu/ckanext-dcat-catalog_pod.jsonld");
    let d = dataset(&c, "http://www.agency.gov/datasets/widgets-data");
    assert_eq!(d.title.text("en"), "U.S. Widget Manufacturing Statistics");
    assert_eq!(publisher_name(d), "Widget Services");
    assert_eq!(
        d.accrual_periodicity.as_deref(),
        Some(&*format!("{FREQ}ANNUAL"))
    );
    assert_eq!(
        d.distributions[0].download_url.as_deref(),
        Some("https://data.agency.gov/datasets/widgets-statistics/widgets.csv")
    );
}

#[test]
fn ckanext_dcat_dataset_list_json() {
    let c = read_fixture("ckan/ckanext-dcat-catalog_datasets_list.json");
    let d = dataset(&c, "https://data.some.org/catalog/datasets/1");
    assert_eq!(d.title.text("en"), "Example dataset 1");
    assert_eq!(publisher_name(d), "Publishing Organization for dataset 1");
    // The empty landingPage and accessURLs are dropped, not kept as "".
    assert_eq!(d.landing_page, None);
    assert_eq!(d.distributions[0].access_url, None);
    assert_eq!(d.distributions[0].format.as_deref(), Some("text/csv"));
}

// -------------------------------------------------------------- JSON-LD

#[test]
fn dcat_json_ld_with_graph() {
    let c = read_fixture("dcat-ap-eu/ckanext-dcat-catalog_with_at_graph.jsonld");
    assert_eq!(c.id.as_deref(), Some("https://example.org#catalog"));
    assert_eq!(c.title.text("en"), "Title example.org");
    assert_eq!(
        c.publisher.as_ref().unwrap().name.text("en"),
        "Organization example.org"
    );
    let d = &c.datasets[0];
    assert_eq!(d.title.text("en"), "Title dataset");
    assert_eq!(
        d.distributions[0].download_url.as_deref(),
        Some("http://example2.org/files/download.zip")
    );
    assert_eq!(
        d.contact_point.as_ref().unwrap().email.as_deref(),
        Some("mailto:jane.doe@agency.gov")
    );
    // The distribution's licence becomes the dataset's.
    assert_eq!(
        d.license.as_deref(),
        Some("http://www.opendefinition.org/licenses/cc-zero")
    );
}

#[test]
fn schema_org_full_dataset() {
    let c = read_fixture("schemaorg/esip-soso-dataset-full.jsonld");
    let d = dataset(&c, "http://lod.example-data-repository.org/id/dataset/3300");
    assert!(d.title.text("en").starts_with("Larval krill studies"));
    assert_eq!(publisher_name(d), "Example Data Repository");
    assert_eq!(d.identifier.as_deref(), Some("doi:10.1234/1234567890"));
    assert_eq!(
        d.license.as_deref(),
        Some("https://creativecommons.org/licenses/by/4.0/")
    );
    assert_eq!(d.issued.as_deref(), Some("2010-02-03"));
    assert_eq!(
        d.landing_page.as_deref(),
        Some("https://www.example-data-repository.org/dataset/3300")
    );
    assert!(d.keywords.iter().any(|(_, k)| k == "OCEANS"));
    assert_eq!(
        d.distributions[0].download_url.as_deref(),
        Some("https://www.example-data-repository.org/dataset/3300/data/larval-krill.tsv")
    );
    assert_eq!(
        d.distributions[0].media_type.as_deref(),
        Some("text/tab-separated-values")
    );
}

#[test]
fn schema_org_minimal_and_graph() {
    let c = read_fixture("schemaorg/esip-soso-dataset-minimal.jsonld");
    let d = &c.datasets[0];
    assert_eq!(d.id, "https://example.org/datasets/1234567890");
    assert_eq!(d.identifier.as_deref(), Some("doi:10.1234/1234567890"));
    let c = read_fixture("schemaorg/esip-soso-dataset-temporalCoverage.jsonld");
    assert!(c.datasets[0]
        .description
        .text("en")
        .starts_with("Eruptive activity at Mt. St. Helens"));
    let err = read(&fixture("schemaorg/esip-soso-data-repository-full.jsonld")).unwrap_err();
    assert!(err.to_string().contains("schema.org"), "{err}");
}

#[test]
fn schema_org_data_catalog_and_string_keywords() {
    let json = r#"{"@context": "http://schema.org", "@type": "DataCatalog", "@id": "https://e.se/cat",
      "name": "Katalog", "inLanguage": "sv",
      "dataset": [{"@type": "Dataset", "@id": "https://e.se/d1", "name": "<b>Fet</b> titel",
                   "keywords": "skog, vatten", "dateModified": "2024-01-02",
                   "publisher": {"@type": "Organization", "name": "Kommunen", "url": "https://kommun.se"},
                   "distribution": {"@type": "DataDownload", "contentUrl": "filer/d1.csv", "encodingFormat": "CSV"}}]}"#;
    let c = read_with_base(json, Some("https://e.se/katalog/")).unwrap();
    assert_eq!(c.id.as_deref(), Some("https://e.se/cat"));
    let d = &c.datasets[0];
    assert_eq!(d.title.text("sv"), "<b>Fet</b> titel");
    assert_eq!(
        d.keywords,
        [("".into(), "skog".into()), ("".into(), "vatten".into())]
    );
    assert_eq!(d.modified.as_deref(), Some("2024-01-02"));
    assert_eq!(
        d.publisher.as_ref().unwrap().id.as_deref(),
        Some("https://kommun.se")
    );
    assert_eq!(
        d.distributions[0].download_url.as_deref(),
        Some("https://e.se/katalog/filer/d1.csv")
    );
    assert_eq!(d.distributions[0].format.as_deref(), Some("CSV"));
}

#[test]
fn expanded_and_prefixed_dcat_json_ld() {
    let expanded = r#"[{"@id": "https://e.se/d", "@type": ["http://www.w3.org/ns/dcat#Dataset"],
        "http://purl.org/dc/terms/title": [{"@value": "Titel", "@language": "sv-SE"}, {"@value": "Title", "@language": "en"}],
        "http://www.w3.org/ns/dcat#landingPage": [{"@id": "javascript:alert(1)"}],
        "http://www.w3.org/ns/dcat#keyword": [{"@value": "skog", "@language": "sv"}]}]"#;
    assert_eq!(detect_content(expanded), Format::DcatJsonLd);
    let c = read(expanded).unwrap();
    let d = &c.datasets[0];
    assert_eq!(
        d.title.0,
        [("sv".into(), "Titel".into()), ("en".into(), "Title".into())]
    );
    assert_eq!(d.landing_page, None, "non-http link dropped");
    assert_eq!(d.keywords, [("sv".into(), "skog".into())]);

    let prefixed = "\u{feff}{\"@context\": {\"dcat\": \"http://www.w3.org/ns/dcat#\", \"dct\": \"http://purl.org/dc/terms/\",
        \"@language\": \"sv-SE\"},
        \"@type\": \"dcat:Catalog\", \"dcat:dataset\": [{\"@id\": \"d1\", \"@type\": \"dcat:Dataset\", \"dct:title\": \"Träd\"}]}";
    let c = read(prefixed).unwrap();
    assert_eq!(c.datasets[0].title.0, [("sv".into(), "Träd".into())]);
}

// ------------------------------------------------------------- tolerance

#[test]
fn relative_links_bom_and_language_tags() {
    let json = "\u{feff}{\"conformsTo\": \"https://project-open-data.cio.gov/v1.1/schema\", \"dataset\": [{
        \"title\": {\"sv-SE\": \"Bibliotek\"}, \"identifier\": \"lib-1\", \"landingPage\": \"../om/bibliotek.html\",
        \"contactPoint\": {\"fn\": \"X\", \"hasEmail\": \"a@b.se\"},
        \"distribution\": [{\"downloadURL\": \"./bibliotek.csv\", \"accessURL\": \"ftp://e.se/x\", \"format\": \"csv\"}]}]}";
    let c = read_with_base(json, Some("https://kommun.se/data/katalog.json")).unwrap();
    let d = &c.datasets[0];
    assert_eq!(d.title.0, [("sv".into(), "Bibliotek".into())]);
    assert_eq!(
        d.landing_page.as_deref(),
        Some("https://kommun.se/om/bibliotek.html")
    );
    let dist = &d.distributions[0];
    assert_eq!(
        dist.download_url.as_deref(),
        Some("https://kommun.se/data/bibliotek.csv")
    );
    assert_eq!(dist.access_url, None, "ftp: is dropped");
    assert_eq!(
        dist.format.as_deref(),
        Some("csv"),
        "plain formats kept as given"
    );
    assert_eq!(
        d.contact_point.as_ref().unwrap().email.as_deref(),
        Some("mailto:a@b.se")
    );
    // Without a base, a relative link cannot be followed: dropped.
    let c = read(json).unwrap();
    assert_eq!(c.datasets[0].landing_page, None);
}

#[test]
fn registry_fast_path_resolves_relative_links_with_a_base() {
    let json = r#"{"@type": "Catalog", "dataset": [{"@id": "https://e.se/1", "title": {"sv": "Ett"},
        "landingPage": "sidor/ett.html"}]}"#;
    let c = read_with_base(json, Some("https://e.se/reg/registry.jsonld")).unwrap();
    assert_eq!(
        c.datasets[0].landing_page.as_deref(),
        Some("https://e.se/reg/sidor/ett.html")
    );
    assert_eq!(detect_content(json), Format::Registry);
}

#[test]
fn html_and_odd_json_are_not_catalogues() {
    let not = |t: &str| matches!(read(t), Err(ReadError::NotACatalogue { .. }));
    assert!(not(
        "<!DOCTYPE html><html><body>Sidan finns inte</body></html>"
    ));
    assert!(not(
        r#"{"success": false, "error": {"message": "Not found"}, "help": "x"}"#
    ));
    assert!(not(r#"{"success": true, "result": ["org-a", "org-b"]}"#));
    assert!(not("[]"));
    assert!(not(
        r#"{"@context": "https://schema.org/", "@type": "Person", "name": "A"}"#
    ));
    assert!(matches!(
        read(r#"{"@context": {}, "@graph": [{"#),
        Err(ReadError::Syntax(_))
    ));
    let e = ReadError::NeedsRdf(Format::Turtle);
    assert!(e.to_string().contains("Turtle"));
}

#[test]
fn hostile_nesting_does_not_panic() {
    let deep = format!(
        "{{\"@context\": {{}}, \"@graph\": {}1{}}}",
        "[".repeat(120),
        "]".repeat(120)
    );
    let _ = read(&deep);
    let mut node = String::from("{\"@type\": \"http://www.w3.org/ns/dcat#Dataset\"}");
    for _ in 0..120 {
        node = format!("{{\"@id\": \"x\", \"http://www.w3.org/ns/dcat#distribution\": {node}}}");
    }
    let _ = read(&node);
    let ckan = format!("{{\"result\": {{\"results\": [{{\"title\": \"t\", \"notes\": {}\"x\"{}}}]}}, \"success\": true}}", "[".repeat(120), "]".repeat(120));
    let _ = read(&ckan);
}

#[test]
fn read_timings_of_the_largest_files() {
    for path in [
        "datajson/us-dhs.data.json",
        "ckan/ch-envidat-package_search.json",
        "schemaorg/esip-soso-dataset-full.jsonld",
        "dcat-ap-eu/ckanext-dcat-catalog_with_at_graph.jsonld",
    ] {
        let text = fixture(path);
        let started = Instant::now();
        let c = read(&text).unwrap();
        eprintln!(
            "{path}: {} bytes, {} datasets, read in {:?} ({} build)",
            text.len(),
            c.datasets.len(),
            started.elapsed(),
            if cfg!(debug_assertions) {
                "debug"
            } else {
                "release"
            }
        );
    }
}

/// Every reader counts every skipped record and describes at most 50 (one
/// cap for all of them, `registry::report`).
#[test]
fn every_reader_counts_all_skips_and_describes_at_most_50() {
    let ones = vec!["1"; 70].join(",");
    let listed = (0..70)
        .map(|i| format!(r#"{{"@id": "https://e.se/d{i}"}}"#))
        .collect::<Vec<_>>()
        .join(",");
    let mut turtle = String::from("@prefix dcat: <http://www.w3.org/ns/dcat#> .\n");
    for i in 0..70 {
        turtle.push_str(&format!(
            "<https://e.se/c> dcat:dataset <https://e.se/d{i}> .\n"
        ));
    }
    for (name, text) in [
        (
            "registry",
            format!(r#"{{"@type": "Catalog", "dataset": [{ones}]}}"#),
        ),
        (
            "CKAN",
            format!(r#"{{"success": true, "result": {{"count": 70, "results": [{ones}]}}}}"#),
        ),
        (
            "data.json",
            format!(
                r#"{{"conformsTo": "https://project-open-data.cio.gov/v1.1/schema", "dataset": [{ones}]}}"#
            ),
        ),
        (
            "JSON-LD",
            format!(
                r#"{{"@context": {{"dcat": "http://www.w3.org/ns/dcat#"}},
                    "@type": "dcat:Catalog", "dcat:dataset": [{listed}]}}"#
            ),
        ),
        ("Turtle", turtle),
    ] {
        let c = read(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(
            (c.skipped, c.problems.len()),
            (70, 50),
            "{name}: {:?}",
            c.problems
        );
    }
}
