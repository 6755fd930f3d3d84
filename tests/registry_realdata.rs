//! The registry layer against real DCAT-AP-SE files (tests/fixtures, see
//! SOURCES.md there). Every value asserted here was checked by reading the
//! fixture itself.

use open_data_catalogue::model::{Catalog, Dataset, LangText};
use open_data_catalogue::registry::jsonld::{read_registry, write_registry};
use open_data_catalogue::registry::rdf::{read_rdf_xml, read_turtle};
use open_data_catalogue::registry::{read, ReadError};
use oxjsonld::JsonLdParser;
use oxrdf::{Literal, NamedNode, NamedOrBlankNode, Quad, Term};
use std::collections::HashSet;
use std::path::Path;
use std::time::Instant;

const SE: &str = "tests/fixtures/dcat-ap-se";
const EU: &str = "tests/fixtures/dcat-ap-eu";
const SCB_FULL: &str = "scb-statistikdatabasen-dcat-ap-2.rdf.xml";

fn fixture(dir: &str, name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir).join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn read_se(name: &str) -> Catalog {
    read(&fixture(SE, name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn dataset<'a>(catalog: &'a Catalog, id: &str) -> &'a Dataset {
    catalog
        .datasets
        .iter()
        .find(|d| d.id == id)
        .unwrap_or_else(|| panic!("no dataset {id}"))
}

fn text(t: &LangText, lang: &str) -> Option<String> {
    t.0.iter().find(|(l, _)| l == lang).map(|(_, s)| s.clone())
}

// ------------------------------------------------------------ RDF → model

#[test]
fn scb_full_export() {
    let started = Instant::now();
    let c = read_se(SCB_FULL);
    eprintln!("SCB full export read in {:?}", started.elapsed());

    assert_eq!(c.datasets.len(), 1159);
    assert_eq!(c.skipped, 0, "{:?}", c.problems);
    let distributions: usize = c.datasets.iter().map(|d| d.distributions.len()).sum();
    assert_eq!(distributions, 1899);
    assert!(c.datasets.iter().all(|d| text(&d.title, "sv").is_some()));
    assert_eq!(
        c.datasets
            .iter()
            .filter(|d| text(&d.title, "en").is_some())
            .count(),
        740
    );

    assert_eq!(
        c.id.as_deref(),
        Some("https://www.statistikdatabasen.scb.se")
    );
    assert_eq!(
        text(&c.title, "sv").as_deref(),
        Some("Statistikmyndigheten SCB:s Statistikdatabas")
    );

    // Document order: the catalogue lists TAB3966 first and TAB5959 last.
    assert_eq!(
        c.datasets[0].id,
        "https://statistikdatabasen.scb.se/dataset/TAB3966"
    );
    assert_eq!(
        c.datasets.last().map(|d| d.id.as_str()),
        Some("https://statistikdatabasen.scb.se/dataset/TAB5959")
    );

    let first = dataset(&c, "https://statistikdatabasen.scb.se/dataset/TAB3966");
    assert_eq!(first.identifier.as_deref(), Some("TAB3966"));
    assert_eq!(
        text(&first.title, "sv").as_deref(),
        Some("Andel förvärvsarbetande kommunmottagna flyktingar och anhöriga, procent efter ålder, kön, mottagningsår, tabellinnehåll och sysselsättningsår 1997-2021")
    );
    let publisher = first.publisher.as_ref().expect("publisher");
    assert_eq!(
        publisher.id.as_deref(),
        Some("http://id.kb.se/organisations/SE2021000837")
    );
    assert_eq!(text(&publisher.name, "sv").as_deref(), Some("SCB"));
    assert_eq!(
        text(&publisher.name, "en").as_deref(),
        Some("Statistics Sweden")
    );
    assert_eq!(
        first.themes,
        ["http://publications.europa.eu/resource/authority/data-theme/SOCI"]
    );
    assert_eq!(first.modified.as_deref(), Some("2022-12-20T08:00:00"));
    assert_eq!(
        first.accrual_periodicity.as_deref(),
        Some("http://publications.europa.eu/resource/authority/frequency/ANNUAL")
    );
    assert_eq!(
        first.keywords[0],
        ("sv".to_string(), "Ämnesövergripande statistik".to_string())
    );
    let contact = first.contact_point.as_ref().expect("contact");
    assert_eq!(contact.name.as_deref(), Some("Malin Forsberg, SCB"));
    assert_eq!(
        contact.email.as_deref(),
        Some("mailto:malin.forsberg@scb.se")
    );
    let dist = &first.distributions[0];
    assert_eq!(
        dist.access_url.as_deref(),
        Some("https://api.scb.se/OV0104/v1/doris/sv/ssd/AA/AA0003/AA0003B/MotFlyktAldKon")
    );
    // An xsd:string literal, kept as given.
    assert_eq!(dist.format.as_deref(), Some("application/json"));

    let bilingual = dataset(&c, "https://statistikdatabasen.scb.se/dataset/TAB5719");
    assert_eq!(
        text(&bilingual.title, "en").as_deref(),
        Some("Statistics geared to the labour market by region, sex, background variable, observations and year 2007-2021")
    );
    assert!(c
        .datasets
        .iter()
        .all(|d| d.publisher_key() == Some("http://id.kb.se/organisations/SE2021000837")));
}

#[test]
fn scb_single_orphan_distribution_is_not_a_dataset() {
    let c = read_se("scb-statistikdatabasen-2024-04-03-single.rdf.xml");
    assert_eq!(c.datasets.len(), 1);
    assert_eq!(c.skipped, 0);
    let d = &c.datasets[0];
    assert_eq!(d.id, "https://statistikdatabasen.scb.se/dataset/TAB3966");
    assert_eq!(d.distributions.len(), 1);
    assert!(d.distributions[0]
        .id
        .as_deref()
        .is_some_and(|id| id.ends_with("/sv/TAB3966")));
    // vcard:Individual works like any vcard:Kind.
    assert_eq!(
        d.contact_point.as_ref().and_then(|c| c.email.as_deref()),
        Some("mailto:malin.forsberg@scb.se")
    );
}

#[test]
fn digg_recommended_example() {
    for name in [
        "digg-exempel-rekommenderat.rdf",
        "digg-exempel-rekommenderat.ttl",
    ] {
        let c = read_se(name);
        assert_eq!(c.datasets.len(), 1, "{name}");
        let d = &c.datasets[0];
        assert_eq!(d.id, "https://example.com/dataset1");
        assert_eq!(text(&d.title, "sv").as_deref(), Some("Bibliotek i Sverige"));
        assert_eq!(text(&d.title, "en").as_deref(), Some("Libraries in Sweden"));
        assert_eq!(
            d.themes,
            ["http://publications.europa.eu/resource/authority/data-theme/EDUC"]
        );
        assert_eq!(d.issued.as_deref(), Some("2020-01-01"));
        assert_eq!(
            d.keywords,
            [
                ("sv".into(), "bibliotek".into()),
                ("en".into(), "library".into())
            ]
        );
        let contact = d.contact_point.as_ref().expect("contact");
        assert_eq!(
            contact.email.as_deref(),
            Some("mailto:oppnadata@exemple.com")
        );
        assert_eq!(
            contact.name.as_deref(),
            Some("Öppna data gruppen på exempel organisationen")
        );
        assert_eq!(d.distributions.len(), 2);
        assert_eq!(d.distributions[0].format.as_deref(), Some("text/csv"));
        assert_eq!(
            d.distributions[0].download_url.as_deref(),
            Some("http://example.com/download")
        );
        assert_eq!(
            d.distributions[1].access_url.as_deref(),
            Some("http://example.com/api")
        );
        // Licence only on the distributions, the same on both.
        assert_eq!(
            d.license.as_deref(),
            Some("http://creativecommons.org/publicdomain/zero/1.0/")
        );
        assert_eq!(
            d.publisher.as_ref().map(|p| p.name.text("sv")),
            Some("Exempel organisation")
        );
    }
}

#[test]
fn digg_mandatory_example() {
    for name in [
        "digg-exempel-obligatoriskt.rdf",
        "digg-exempel-obligatoriskt.ttl",
    ] {
        let c = read_se(name);
        assert_eq!(c.datasets.len(), 1, "{name}");
        let d = &c.datasets[0];
        assert_eq!(
            text(&d.title, "sv").as_deref(),
            Some("Matvaruaffärer i Sverige")
        );
        assert_eq!(
            d.contact_point.as_ref().and_then(|c| c.email.as_deref()),
            Some("mailto:oppnadata@example.com")
        );
        assert_eq!(d.distributions.len(), 1);
        assert_eq!(
            d.distributions[0].access_url.as_deref(),
            Some("http://example.com/api")
        );
        assert_eq!(
            text(&c.title, "sv").as_deref(),
            Some("Katalog med obligatoriska fält")
        );
    }
}

#[test]
fn same_catalogue_in_rdf_xml_and_turtle_gives_the_same_model() {
    let xml = read_se("digg-exempel-rekommenderat.rdf");
    let ttl = read_se("digg-exempel-rekommenderat.ttl");
    assert_eq!(xml, ttl);

    // Digg's two mandatory examples differ upstream in one character: the
    // publisher is "Exampel organization." in RDF/XML and without the full
    // stop in Turtle. Everything else must match.
    let xml = read_se("digg-exempel-obligatoriskt.rdf");
    let mut ttl = read_se("digg-exempel-obligatoriskt.ttl");
    let upstream_name = LangText::plain("Exampel organization.");
    for publisher in ttl
        .publisher
        .iter_mut()
        .chain(ttl.datasets.iter_mut().filter_map(|d| d.publisher.as_mut()))
    {
        assert_eq!(publisher.name, LangText::plain("Exampel organization"));
        publisher.name = upstream_name.clone();
    }
    assert_eq!(xml, ttl);
}

#[test]
fn openumea_messy_file() {
    let c = read_se("openumea-opennorth-dcat.rdf");
    assert_eq!(c.datasets.len(), 1);
    let d = &c.datasets[0];
    assert_eq!(d.id, "http://opennorth.se/datasets/dcat#ds1");
    // xml:lang="sv-SE" is normalised to "sv".
    assert_eq!(
        text(&d.title, "sv").as_deref(),
        Some("Länkade Öppna Data som innehåller mätdata avseende luftkvaliteten i Umeå")
    );
    assert!(d.title.0.iter().all(|(l, _)| l == "sv" || l == "en"));
    // dcterms:distribution (a common mistake) still yields the distribution.
    assert_eq!(d.distributions.len(), 1);
    assert_eq!(
        d.distributions[0].download_url.as_deref(),
        Some("http://ckan.openumea.se/datastore/dump/27fb8bcc-23cb-4e85-b5b4-fde68a8ef93a")
    );
    assert_eq!(
        text(&d.distributions[0].title, "sv").as_deref(),
        Some("Distributionsformer för filen")
    );
    // adms:contactPoint (legacy) on a blank node.
    assert_eq!(
        d.contact_point.as_ref().and_then(|c| c.email.as_deref()),
        Some("mailto:admin.openumea@umea.se")
    );
    assert_eq!(
        d.publisher.as_ref().map(|p| p.name.text("sv")),
        Some("Umeå kommun/IT")
    );
    // The landing page is a quoted literal: kept as given, never an IRI.
    assert!(d
        .landing_page
        .as_deref()
        .is_some_and(|l| l.contains("wiki.opennorth.se")));
    // The nested skos:ConceptScheme is invalid RDF/XML; reported, not fatal.
    assert!(!c.problems.is_empty());
}

#[test]
fn ckanext_sweden_example() {
    let c = read_se("ckanext-dcat-dataset_sweden.rdf");
    assert_eq!(c.datasets.len(), 1);
    let d = &c.datasets[0];
    assert_eq!(d.id, "http://nobelprize.org/datasets/dcat#ds1");
    assert_eq!(text(&d.title, "en").as_deref(), Some("Linked Nobel prizes"));
    assert_eq!(d.keywords.len(), 3);
    assert!(d.keywords.iter().all(|(lang, _)| lang.is_empty()));
    let publisher = d.publisher.as_ref().expect("publisher");
    assert_eq!(publisher.id, None); // a blank node
    assert_eq!(publisher.name.text("en"), "Nobel Media AB");
    assert_eq!(
        d.contact_point.as_ref().and_then(|c| c.email.as_deref()),
        Some("mailto:info@nobelmedia.org")
    );
    assert_eq!(d.distributions.len(), 1);
    assert_eq!(
        d.distributions[0].format.as_deref(),
        Some("application/rdf+xml")
    );
    assert_eq!(
        d.accrual_periodicity.as_deref(),
        Some("http://purl.org/cld/freq/daily")
    );
    assert_eq!(
        text(&c.title, "en").as_deref(),
        Some("Nobel Media Dataset catalog")
    );
}

/// Other DCAT-AP profiles must read without panicking and find their
/// datasets (counts from tests/fixtures/SOURCES.md, checked by hand).
#[test]
fn european_dcat_files() {
    for (name, datasets) in [
        ("ch-ckanext-switzerland-ng-catalog.xml", 2),
        ("ckanext-dcat-catalog.rdf", 2),
        ("ckanext-dcat-catalog_datasets_list.rdf", 2),
        ("ckanext-dcat-dataset.rdf", 1),
        ("ckanext-dcat-dataset_afs.ttl", 1),
        ("ckanext-dcat-dataset_gob_es.ttl", 1),
        ("ckanext-dcat-dataset_gov_de.rdf", 1),
        ("ckanext-dcat-dataset_multilingual.ttl", 1),
        ("de-ckanext-dcatde-catalog-endpoint.rdf", 6),
        ("de-ckanext-dcatde-metadata_max.rdf", 1),
    ] {
        let c = read(&fixture(EU, name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(c.datasets.len(), datasets, "{name}: {:?}", c.problems);
        let again = read(&fixture(EU, name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(c, again, "{name}: reading is deterministic");
        let back = read_registry(&write_registry(&c)).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(back.datasets, c.datasets, "{name}: registry round trip");
    }
}

#[test]
fn swiss_blank_node_datasets_are_identified_by_identifier() {
    let c = read(&fixture(EU, "ch-ckanext-switzerland-ng-catalog.xml")).unwrap();
    let ids: Vec<&str> = c.datasets.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "346252@bundesamt-fur-statistik-bfs",
            "346266@bundesamt-fur-statistik-bfs"
        ]
    );
}

#[test]
fn rdf_base_resolves_relative_iris() {
    let ttl = b"@prefix dcat: <http://www.w3.org/ns/dcat#> .\n<d1> a dcat:Dataset ; <http://purl.org/dc/terms/title> \"T\"@sv .";
    let c = read_turtle(ttl, Some("https://example.se/cat/")).unwrap();
    assert_eq!(c.datasets[0].id, "https://example.se/cat/d1");
    let c = read_turtle(ttl, Some("not a base")).unwrap();
    assert!(c.problems.iter().any(|p| p.contains("base IRI")));
    let xml = br#"<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dcat="http://www.w3.org/ns/dcat#"><dcat:Dataset rdf:about="d2"/></rdf:RDF>"#;
    let c = read_rdf_xml(xml, Some("https://example.se/")).unwrap();
    // Described only by its type: still a dataset.
    assert_eq!(c.datasets[0].id, "https://example.se/d2");
}

#[test]
fn rdf_without_datasets_is_not_a_catalogue() {
    let ttl = "@prefix foaf: <http://xmlns.com/foaf/0.1/> .\n<http://x/a> foaf:name \"A\" .";
    assert!(matches!(read(ttl), Err(ReadError::NotACatalogue { .. })));
}

// ------------------------------------------------------- registry format

#[test]
fn registry_round_trip() {
    for name in [
        SCB_FULL,
        "digg-exempel-rekommenderat.rdf",
        "digg-exempel-obligatoriskt.ttl",
        "openumea-opennorth-dcat.rdf",
        "ckanext-dcat-dataset_sweden.rdf",
        "scb-statistikdatabasen-2024-04-03-single.rdf.xml",
    ] {
        let mut catalog = read_se(name);
        // Read statistics are not part of the written file.
        catalog.skipped = 0;
        catalog.problems.clear();
        let written = write_registry(&catalog);
        assert_eq!(write_registry(&catalog), written, "{name}: deterministic");
        let started = Instant::now();
        let back = read(&written).unwrap_or_else(|e| panic!("{name}: {e}"));
        if name == SCB_FULL {
            eprintln!(
                "SCB registry JSON-LD ({} bytes) read in {:?}",
                written.len(),
                started.elapsed()
            );
        }
        assert_eq!(back, catalog, "{name}");
    }
}

/// The written file is real JSON-LD: a JSON-LD processor turns it into the
/// DCAT triples the model came from.
#[test]
fn registry_is_valid_json_ld() {
    for name in [
        SCB_FULL,
        "digg-exempel-rekommenderat.ttl",
        "digg-exempel-obligatoriskt.rdf",
    ] {
        let catalog = read_se(name);
        let written = write_registry(&catalog);
        let started = Instant::now();
        let quads: Vec<Quad> = JsonLdParser::new()
            .for_slice(written.as_bytes())
            .collect::<Result<_, _>>()
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        eprintln!(
            "{name}: {} quads from JSON-LD in {:?}",
            quads.len(),
            started.elapsed()
        );

        let rdf_type = iri("http://www.w3.org/1999/02/22-rdf-syntax-ns#type");
        let dataset_class = Term::from(iri("http://www.w3.org/ns/dcat#Dataset"));
        let title = iri("http://purl.org/dc/terms/title");
        let publisher = iri("http://purl.org/dc/terms/publisher");
        let triples: HashSet<(NamedOrBlankNode, NamedNode, Term)> = quads
            .iter()
            .map(|q| (q.subject.clone(), q.predicate.clone(), q.object.clone()))
            .collect();
        let has = |s: &str, p: &NamedNode, o: &Term| {
            triples.contains(&(iri(s).into(), p.clone(), o.clone()))
        };
        for d in &catalog.datasets {
            assert!(
                has(&d.id, &rdf_type, &dataset_class),
                "{name}: {} typed",
                d.id
            );
            for (lang, t) in &d.title.0 {
                let literal = Literal::new_language_tagged_literal(t, lang).unwrap();
                assert!(
                    has(&d.id, &title, &literal.into()),
                    "{name}: {} title",
                    d.id
                );
            }
            if let Some(p) = d.publisher.as_ref().and_then(|p| p.id.as_deref()) {
                assert!(has(&d.id, &publisher, &iri(p).into()), "{name}: publisher");
            }
        }

        // A literal format stays a literal (xsd:string), not a relative IRI.
        let format = iri("http://purl.org/dc/terms/format");
        let formats: Vec<&Term> = quads
            .iter()
            .filter(|q| q.predicate == format)
            .map(|q| &q.object)
            .collect();
        if name != "digg-exempel-obligatoriskt.rdf" {
            assert!(!formats.is_empty(), "{name}");
        }
        assert!(
            formats
                .iter()
                .all(|f| matches!(f, Term::Literal(l) if l.language().is_none())),
            "{name}: {formats:?}"
        );
    }
}

fn iri(s: &str) -> NamedNode {
    NamedNode::new(s).unwrap()
}

#[test]
fn registry_skips_and_counts_bad_records() {
    let json = r#"{
      "@type": "Catalog",
      "title": "Test",
      "dataset": [
        {"@id": "https://e.se/1", "title": {"sv": "Ett", "en": "One"}},
        42,
        {"@id": "https://e.se/2", "title": {"sv": "Två"}, "contactPoint": "not an object"},
        "https://e.se/reference-only",
        {"@id": "https://e.se/1", "title": {"sv": "Dubblett"}},
        {"@id": "https://e.se/3", "title": "Tre", "theme": "https://t/3",
         "keyword": {"sv": "ett", "@none": ["a", "b"]}, "distribution": {"accessURL": "https://e.se/f"}}
      ]
    }"#;
    let c = read(json).unwrap();
    assert_eq!(
        c.datasets.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(),
        ["https://e.se/1", "https://e.se/3"]
    );
    assert_eq!(c.skipped, 4);
    assert_eq!(c.problems.len(), 4);
    assert_eq!(c.title, LangText::plain("Test"));
    let third = &c.datasets[1];
    assert_eq!(third.title, LangText::plain("Tre"));
    assert_eq!(third.themes, ["https://t/3"]);
    assert_eq!(
        third.keywords,
        [
            ("sv".into(), "ett".into()),
            ("".into(), "a".into()),
            ("".into(), "b".into())
        ]
    );
    assert_eq!(
        third.distributions[0].access_url.as_deref(),
        Some("https://e.se/f")
    );
}

#[test]
fn registry_accepts_value_objects_and_bom() {
    let json = "\u{feff}{\"dataset\": {\"@id\": \"_:x\", \"identifier\": \"ID-1\", \
        \"distribution\": [{\"format\": {\"@value\": \"text/csv\"}, \"accessURL\": {\"@id\": \"https://e.se/a\"}}]}}";
    let c = read(json).unwrap();
    assert_eq!(c.datasets.len(), 1);
    assert_eq!(c.datasets[0].id, "ID-1");
    assert_eq!(
        c.datasets[0].distributions[0].format.as_deref(),
        Some("text/csv")
    );
    assert_eq!(
        c.datasets[0].distributions[0].access_url.as_deref(),
        Some("https://e.se/a")
    );
}

#[test]
fn registry_rejects_what_is_not_a_catalogue() {
    let not = |text: &str| matches!(read(text), Err(ReadError::NotACatalogue { .. }));
    assert!(not("<!DOCTYPE html>\n<html><body>404</body></html>"));
    assert!(not("\u{feff}<html lang=\"sv\"><head>"));
    assert!(not(r#"{"foo":1}"#));
    assert!(not("[1, 2]"));
    assert!(not("\"just a string\""));
    assert!(not("   "));
    assert!(matches!(
        read_registry(r#"{"@graph": []}"#),
        Err(ReadError::NotACatalogue { .. })
    ));

    let truncated =
        r#"{"@type": "Catalog", "dataset": [{"@id": "https://e.se/1", "title": {"sv": "Ett"#;
    assert!(matches!(read(truncated), Err(ReadError::Syntax(_))));
    // Every prefix of a real registry file errors or reads, never panics.
    let written = write_registry(&read_se("digg-exempel-rekommenderat.ttl"));
    for end in (0..written.len()).filter(|&i| written.is_char_boundary(i)) {
        let _ = read(&written[..end]);
    }
    // Deep nesting neither overflows the stack nor yields a dataset.
    let deep = format!(
        "{{\"dataset\": [{}1{}]}}",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    assert!(read(&deep).map_or(true, |c| c.datasets.is_empty() && c.skipped == 1));
    let deep_field = format!(
        "{{\"dataset\": [{{\"title\": {}1{}}}]}}",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    assert!(read(&deep_field).map_or(true, |c| c.datasets.is_empty()));
    // An empty catalogue is still a catalogue.
    assert_eq!(
        read(r#"{"@type": "Catalog"}"#).map(|c| c.datasets.len()),
        Ok(0)
    );
}
