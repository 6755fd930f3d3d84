//! Property tests: no input reaches a panic. A panic in the widget is a
//! blank box on an authority's page, so every entry point that sees
//! registry content, a URL, a search query or an HTML attribute is fed
//! arbitrary and half-broken input here.
//!
//! Case counts are kept modest so the whole file runs in seconds in a debug
//! build; the fuzzers in `fuzz/` (docs/fuzzing.md) search much longer.

use open_data_catalogue::config::{Options, MAX_PAGE_SIZE};
use open_data_catalogue::links::safe_href;
use open_data_catalogue::model::{Agent, Catalog, Dataset, Distribution, LangText};
use open_data_catalogue::registry::{self, jsonld, read, read_with_base, url};
use open_data_catalogue::search::{swedish_fallback_cmp, Engine, Facet, Request, Sort};
use proptest::prelude::*;
use serde_json::{Map, Value};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

// ---------------------------------------------------------------------------
// Helpers

/// Reads `text` through every public reader entry point, with and without
/// a base. Only panics matter; the result is ignored.
fn read_all_ways(text: &str) {
    // The search services' answers are registry content too.
    let _ = open_data_catalogue::remote::entrystore::EntryStore::parse(text);
    let _ = open_data_catalogue::remote::ckan::Ckan::parse(text);
    let _ = open_data_catalogue::remote::piveau::Piveau::parse(text);
    let _ = read(text);
    let _ = read_with_base(text, Some("https://example.se/data/catalog.jsonld"));
    let _ = read_with_base(text, Some("not a base"));
    let _ = registry::detect_content(text);
    // Read while it downloads, in chunks of a few sizes (a boundary may
    // fall inside a character).
    for chunk in [1, 7, 4096] {
        let mut stream = registry::stream::RegistryStream::new();
        for part in text.as_bytes().chunks(chunk) {
            stream.feed(part);
        }
        let _ = stream.finish(Some("https://example.se/data/catalog.jsonld"));
    }
}

fn fixtures_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn all_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            all_files(&p, out);
        } else {
            out.push(p);
        }
    }
}

/// The small fixtures (≤ 40 kB), read once: mutating the multi-megabyte
/// ones would make each case slow without reaching other code.
fn small_fixtures() -> &'static [(String, Vec<u8>)] {
    static FIXTURES: OnceLock<Vec<(String, Vec<u8>)>> = OnceLock::new();
    FIXTURES.get_or_init(|| {
        let mut files = Vec::new();
        all_files(&fixtures_root(), &mut files);
        files
            .into_iter()
            .filter(|p| !p.ends_with("SOURCES.md"))
            .filter_map(|p| {
                let bytes = std::fs::read(&p).ok()?;
                (bytes.len() <= 40_000).then(|| (p.display().to_string(), bytes))
            })
            .collect()
    })
}

// ---------------------------------------------------------------------------
// Strategies

/// Fragments that steer arbitrary text toward the readers' interesting
/// paths (format detection, JSON-LD keywords, RDF syntax).
const FRAGMENTS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"",
    "\"@context\"",
    "\"@graph\"",
    "\"@id\"",
    "\"@type\"",
    "\"@value\"",
    "\"@language\"",
    "\"@none\"",
    "\"dataset\"",
    "\"title\"",
    "\"keyword\"",
    "\"distribution\"",
    "\"result\"",
    "\"results\"",
    "\"conformsTo\"",
    "\"Dataset\"",
    "\"Catalog\"",
    "\"https://project-open-data.cio.gov/v1.1/schema\"",
    "\"http://schema.org\"",
    "\"sv\"",
    "null",
    "true",
    "1e999",
    "-0",
    "\u{feff}",
    "<",
    ">",
    "</",
    "/>",
    "<?xml version=\"1.0\"?>",
    "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:dcat=\"http://www.w3.org/ns/dcat#\" xmlns:dcterms=\"http://purl.org/dc/terms/\">",
    "</rdf:RDF>",
    "<dcat:Dataset rdf:about=\"",
    "</dcat:Dataset>",
    "<dcterms:title xml:lang=\"sv\">",
    "</dcterms:title>",
    "rdf:resource=\"",
    "@prefix dcat: <http://www.w3.org/ns/dcat#> .",
    "@prefix dct: <http://purl.org/dc/terms/> .",
    "@base <http://e.se/> .",
    "<http://e.se/d>",
    " a dcat:Dataset",
    " dct:title ",
    "\"t\"@sv",
    " ;",
    " .",
    "_:b",
    "(",
    ")",
    "\"\"\"",
    "\\u00e5",
    "\\",
    " ",
    "\n",
    "\t",
    "å",
    "😀",
    "\u{0}",
];

fn fragment_soup() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(FRAGMENTS), 0..60).prop_map(|v| v.concat())
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        fragment_soup(),
        "[\\x00-\\x7f]{0,200}",
        "\\PC{0,200}",
    ]
}

/// Keys that real catalogues use, so generated objects hit the readers'
/// branches rather than being ignored as unknown.
const KEYS: &[&str] = &[
    "@context",
    "@graph",
    "@id",
    "@type",
    "@value",
    "@language",
    "@none",
    "@list",
    "@set",
    "@vocab",
    "@base",
    "dataset",
    "datasets",
    "result",
    "results",
    "conformsTo",
    "describedBy",
    "title",
    "name",
    "description",
    "notes",
    "keyword",
    "keywords",
    "tags",
    "publisher",
    "organization",
    "contactPoint",
    "fn",
    "hasEmail",
    "distribution",
    "resources",
    "accessURL",
    "downloadURL",
    "url",
    "format",
    "mediaType",
    "license",
    "license_id",
    "accessRights",
    "accessLevel",
    "theme",
    "issued",
    "modified",
    "landingPage",
    "identifier",
    "sv",
    "en",
    "sv-SE",
    "dcat",
    "dct",
    "dcat:dataset",
    "dct:title",
    "http://www.w3.org/ns/dcat#dataset",
    "http://purl.org/dc/terms/title",
    "schema",
];

const STRINGS: &[&str] = &[
    "",
    "Dataset",
    "Catalog",
    "dcat:Dataset",
    "DataCatalog",
    "Distribution",
    "Agent",
    "http://www.w3.org/ns/dcat#Dataset",
    "http://www.w3.org/ns/dcat#",
    "http://purl.org/dc/terms/",
    "https://schema.org/",
    "http://schema.org",
    "https://project-open-data.cio.gov/v1.1/schema",
    "https://project-open-data.cio.gov/v1.1/schema/catalog.jsonld",
    "https://www.w3.org/ns/dcat.jsonld",
    "_:b0",
    "../relative/path.csv",
    "javascript:alert(1)",
    "mailto:a@b.se",
    "text/csv",
    "CSV",
    "http://publications.europa.eu/resource/authority/file-type/CSV",
    "2024-01-01",
    "sv",
];

fn json_leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        prop::sample::select(STRINGS).prop_map(Value::from),
        prop::sample::select(KEYS).prop_map(Value::from),
        ".{0,20}".prop_map(Value::String),
    ]
}

/// Arbitrary JSON values shaped like catalogues: objects draw their keys
/// mostly from [`KEYS`].
fn json_value() -> impl Strategy<Value = Value> {
    json_leaf().prop_recursive(6, 96, 8, |inner| {
        let key = prop_oneof![
            4 => prop::sample::select(KEYS).prop_map(str::to_owned),
            1 => ".{0,8}",
        ];
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((key, inner), 0..8)
                .prop_map(|kv| Value::Object(kv.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// Templates of the real shapes with generated holes.
fn catalogue_shaped() -> impl Strategy<Value = Value> {
    let v = json_value;
    prop_oneof![
        // The registry (fast path), with or without our context.
        (v(), v(), v()).prop_map(|(context, title, dataset)| serde_json::json!({
            "@context": context, "@type": "Catalog", "title": title, "dataset": [dataset]
        })),
        (v(), v()).prop_map(|(title, keyword)| serde_json::json!({
            "@type": "Catalog",
            "dataset": [{ "@id": "https://e.se/d", "title": title, "keyword": keyword,
                          "distribution": [{ "format": keyword }] }]
        })),
        // JSON-LD with @graph.
        (v(), prop::collection::vec(v(), 0..4)).prop_map(|(context, graph)| serde_json::json!({
            "@context": context, "@graph": graph
        })),
        prop::collection::vec(v(), 0..4).prop_map(|graph| serde_json::json!({
            "@context": { "dcat": "http://www.w3.org/ns/dcat#", "dct": "http://purl.org/dc/terms/" },
            "@graph": [{ "@type": "dcat:Dataset", "@id": "_:d", "dct:title": graph }]
        })),
        // CKAN package_search.
        prop::collection::vec(v(), 0..4).prop_map(|results| serde_json::json!({
            "success": true, "result": { "count": 1, "results": results }
        })),
        v().prop_map(|resources| serde_json::json!({
            "success": true,
            "result": { "results": [{ "name": "x", "title": "t", "resources": resources,
                                      "organization": resources, "tags": resources }] }
        })),
        // DCAT-US data.json.
        prop::collection::vec(v(), 0..4).prop_map(|dataset| serde_json::json!({
            "conformsTo": "https://project-open-data.cio.gov/v1.1/schema", "dataset": dataset
        })),
        v().prop_map(|d| serde_json::json!({
            "conformsTo": "https://project-open-data.cio.gov/v1.1/schema",
            "dataset": [{ "title": "t", "identifier": d, "distribution": d,
                          "publisher": { "name": d }, "keyword": d }]
        })),
        // schema.org.
        v().prop_map(|d| serde_json::json!({
            "@context": "https://schema.org/", "@type": "Dataset", "name": d,
            "distribution": d, "creator": d
        })),
        v().prop_map(|d| serde_json::json!({
            "@context": "https://schema.org/", "@type": "DataCatalog", "dataset": [d]
        })),
    ]
}

#[derive(Debug, Clone)]
enum Mutation {
    Truncate(prop::sample::Index),
    Flip(prop::sample::Index, u8),
    Insert(prop::sample::Index, Vec<u8>),
    Delete(prop::sample::Index, usize),
    Duplicate(prop::sample::Index, prop::sample::Index),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        any::<prop::sample::Index>().prop_map(Mutation::Truncate),
        (any::<prop::sample::Index>(), any::<u8>()).prop_map(|(i, b)| Mutation::Flip(i, b)),
        (
            any::<prop::sample::Index>(),
            prop_oneof![
                prop::collection::vec(any::<u8>(), 1..8),
                prop::sample::select(FRAGMENTS).prop_map(|f| f.as_bytes().to_vec()),
            ]
        )
            .prop_map(|(i, b)| Mutation::Insert(i, b)),
        (any::<prop::sample::Index>(), 1usize..64).prop_map(|(i, n)| Mutation::Delete(i, n)),
        (any::<prop::sample::Index>(), any::<prop::sample::Index>())
            .prop_map(|(a, b)| Mutation::Duplicate(a, b)),
    ]
}

fn apply(bytes: &mut Vec<u8>, m: &Mutation) {
    let len = bytes.len().max(1);
    match m {
        Mutation::Truncate(i) => bytes.truncate(i.index(len)),
        Mutation::Flip(i, b) => {
            if !bytes.is_empty() {
                let at = i.index(bytes.len());
                bytes[at] ^= b | 1;
            }
        }
        Mutation::Insert(i, ins) => {
            let at = i.index(bytes.len() + 1);
            bytes.splice(at..at, ins.iter().copied());
        }
        Mutation::Delete(i, n) => {
            if !bytes.is_empty() {
                let at = i.index(bytes.len());
                let end = (at + n).min(bytes.len());
                bytes.drain(at..end);
            }
        }
        Mutation::Duplicate(a, b) => {
            if !bytes.is_empty() {
                let (x, y) = (a.index(bytes.len()), b.index(bytes.len()));
                let (start, end) = (x.min(y), x.max(y).min(x.min(y) + 256));
                let piece = bytes[start..end].to_vec();
                bytes.splice(end..end, piece);
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Readers

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn read_arbitrary_text(text in any_text()) {
        read_all_ways(&text);
    }

    #[test]
    fn remote_queries_from_arbitrary_requests(text in any_text(), value in any_text(), offset in 0usize..usize::MAX, limit in 0usize..usize::MAX) {
        let mut filters = open_data_catalogue::search::Filters::new();
        for f in Facet::ALL {
            filters.add(f, &value);
        }
        for sort in Sort::ALL {
            let request = Request { text: text.clone(), filters: filters.clone(), sort, offset, limit };
            // The page, and one per selected facet the service has (a
            // blank value selects nothing).
            let selected = |has: &dyn Fn(Facet) -> bool| 1 + Facet::ALL.iter().filter(|f| has(**f) && filters.has(**f)).count();
            let planned = open_data_catalogue::remote::entrystore::EntryStore::new(&value).requests(&request, &Facet::ALL, "sv");
            prop_assert_eq!(planned.len(), selected(&|f| open_data_catalogue::remote::entrystore::field(f).is_some()));
            let planned = open_data_catalogue::remote::ckan::Ckan::new(&value).requests(&request, &Facet::ALL);
            prop_assert_eq!(planned.len(), selected(&|f| open_data_catalogue::remote::ckan::field(f).is_some()));
            // Everything after the webmaster's base address is encoded.
            for p in &planned {
                let query = &p.url[p.url.rfind("package_search?q=").unwrap()..];
                prop_assert!(!query.contains(' ') && !query.contains('"') && !query.contains('#'), "{}", query);
            }
        }
    }

    #[test]
    fn read_arbitrary_json(doc in prop_oneof![json_value(), catalogue_shaped()]) {
        let text = doc.to_string();
        read_all_ways(&text);
        // Pretty-printed and with a BOM: same readers, other offsets.
        read_all_ways(&format!("\u{feff}{}", serde_json::to_string_pretty(&doc).unwrap()));
    }

    #[test]
    fn read_rdf_arbitrary_bytes(bytes in prop_oneof![
        prop::collection::vec(any::<u8>(), 0..300),
        fragment_soup().prop_map(String::into_bytes),
    ]) {
        let _ = registry::rdf::read_rdf_xml(&bytes, None);
        let _ = registry::rdf::read_turtle(&bytes, None);
        let _ = registry::rdf::read_turtle(&bytes, Some("http://e.se/a/b"));
    }
}

proptest! {
    // Each case reads a whole fixture (up to 40 kB) a few times.
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn read_mutated_fixtures(
        which in any::<prop::sample::Index>(),
        mutations in prop::collection::vec(mutation(), 1..4),
    ) {
        let fixtures = small_fixtures();
        prop_assume!(!fixtures.is_empty());
        let (_name, original) = &fixtures[which.index(fixtures.len())];
        let mut bytes = original.clone();
        for m in &mutations {
            apply(&mut bytes, m);
        }
        read_all_ways(&String::from_utf8_lossy(&bytes));
        let _ = registry::rdf::read_rdf_xml(&bytes, None);
        let _ = registry::rdf::read_turtle(&bytes, None);
    }
}

/// Every small fixture truncated at every 97th byte (and the last 64
/// bytes one by one): the half-downloaded file case.
#[test]
fn read_truncated_fixtures() {
    for (name, bytes) in small_fixtures() {
        let cuts = (0..bytes.len())
            .step_by(97)
            .chain(bytes.len().saturating_sub(64)..bytes.len());
        for cut in cuts {
            let text = String::from_utf8_lossy(&bytes[..cut]);
            let result = std::panic::catch_unwind(|| read(&text));
            assert!(result.is_ok(), "{name} cut at {cut} panicked");
        }
    }
}

// ---------------------------------------------------------------------------
// Deep and large input

fn run_with_stack(bytes: usize, f: impl FnOnce() + Send + 'static) {
    std::thread::Builder::new()
        .stack_size(bytes)
        .spawn(f)
        .unwrap()
        .join()
        .expect("overflowed or panicked");
}

/// JSON nested 100,000 levels deep, in the shapes the readers walk into.
/// Run on a 1 MiB stack, the default of a Rust wasm32 module (a debug build
/// has larger frames than the shipped release build, so this is the
/// stricter test).
#[test]
fn deeply_nested_json_is_refused_not_overflowed() {
    run_with_stack(1 << 20, || {
        const DEPTH: usize = 100_000;
        let arrays = format!("{}{}", "[".repeat(DEPTH), "]".repeat(DEPTH));
        let objects = format!("{}1{}", "{\"a\":".repeat(DEPTH), "}".repeat(DEPTH));
        let graph = format!(
            "{{\"@context\":{{}},\"@graph\":{}{}}}",
            "[{\"@graph\":".repeat(DEPTH),
            "}]".repeat(DEPTH)
        );
        let dataset = format!(
            "{{\"@type\":\"Catalog\",\"dataset\":[{{\"title\":{}\"x\"{}}}]}}",
            "{\"sv\":".repeat(DEPTH),
            "}".repeat(DEPTH)
        );
        let unclosed = "[".repeat(DEPTH);
        for text in [arrays, objects, graph, dataset, unclosed] {
            let _ = read(&text);
            let _ = registry::detect_content(&text);
        }
    });
}

/// Deep Turtle collections and RDF/XML elements (native `convert` only,
/// so the native 2 MiB default thread stack).
#[test]
fn deeply_nested_rdf() {
    run_with_stack(2 << 20, || {
        const DEPTH: usize = 100_000;
        let turtle = format!(
            "<http://e.se/d> <http://e.se/p> {}1{} .",
            "(".repeat(DEPTH),
            ")".repeat(DEPTH)
        );
        let blank = format!(
            "<http://e.se/d> <http://e.se/p> {}1{} .",
            "[ <http://e.se/p> ".repeat(DEPTH),
            "]".repeat(DEPTH)
        );
        let xml = format!(
            "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">{}{}</rdf:RDF>",
            "<rdf:Description><rdf:value>".repeat(DEPTH / 2),
            "</rdf:value></rdf:Description>".repeat(DEPTH / 2)
        );
        for text in [turtle, blank, xml] {
            let _ = read(&text);
        }
    });
}

/// One dataset with a 1 MB title and 10,000 keywords, in the registry
/// format: it reads, and the engine builds and finds it.
#[test]
fn huge_dataset_reads_and_searches() {
    let mut title = String::with_capacity(1 << 20);
    let mut n = 0;
    while title.len() < 1 << 20 {
        title.push_str(&format!("ord{n} åäö "));
        n += 1;
    }
    let keywords: Vec<(String, String)> = (0..10_000)
        .map(|i| ("sv".to_string(), format!("nyckelord{i}")))
        .collect();
    let dataset = Dataset {
        id: "https://e.se/huge".into(),
        title: LangText::plain(title.clone()),
        keywords: keywords.clone(),
        ..Dataset::default()
    };
    let small = Dataset {
        id: "https://e.se/small".into(),
        title: LangText::plain("Liten"),
        ..Dataset::default()
    };
    let catalog = Catalog {
        datasets: vec![dataset, small],
        ..Catalog::default()
    };
    let text = jsonld::write_registry(&catalog);
    assert!(text.len() > 1 << 20);
    let read_back = read(&text).expect("the registry reads");
    assert_eq!(read_back.datasets.len(), 2);
    let huge = &read_back.datasets[0];
    assert_eq!(huge.title.text("sv").trim(), title.trim());
    assert_eq!(huge.keywords.len(), 10_000);

    let mut engine = Engine::new(&read_back.datasets, "sv", &swedish_fallback_cmp);
    for (text, hits) in [
        ("nyckelord9999", 1),
        ("ord4242", 1),
        ("nyckelord", 1),
        ("liten", 1),
        ("", 2),
    ] {
        let r = engine.search(&Request {
            text: text.into(),
            limit: 10,
            ..Request::default()
        });
        assert_eq!(r.total, hits, "{text:?}");
    }
}

// ---------------------------------------------------------------------------
// URLs and links

/// URL-ish strings: schemes, slashes, dots, queries, fragments.
fn url_like() -> impl Strategy<Value = String> {
    const PARTS: &[&str] = &[
        "http:",
        "https:",
        "mailto:",
        "javascript:",
        "g:",
        "a+b.c-d:",
        "1x:",
        ":",
        "//",
        "/",
        ".",
        "..",
        "./",
        "../",
        "?",
        "#",
        "a",
        "b",
        "é",
        "%2e",
        "@",
        "host",
        ";p",
        "=",
        "\\",
        " ",
        "\t",
        "\n",
    ];
    prop_oneof![
        3 => prop::collection::vec(prop::sample::select(PARTS), 0..16).prop_map(|v| v.concat()),
        1 => any::<String>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1024, ..ProptestConfig::default() })]

    #[test]
    fn resolve_gives_absolute_or_nothing(base in url_like(), reference in url_like()) {
        let resolved = url::resolve(&base, &reference);
        if let Some(r) = &resolved {
            prop_assert!(url::is_absolute(r), "resolve({base:?}, {reference:?}) = {r:?}");
        } else {
            prop_assert!(!url::is_absolute(&base) && !url::is_absolute(&reference));
        }
    }

    #[test]
    fn safe_href_only_lets_web_and_mail_through(url in prop_oneof![
        url_like(),
        fragment_soup_href(),
    ]) {
        if let Some(href) = safe_href(&url) {
            let scheme = browser_scheme(href);
            prop_assert!(
                matches!(scheme.as_deref(), Some("http" | "https" | "mailto")),
                "{url:?} -> {href:?} has scheme {scheme:?}"
            );
            prop_assert!(url.contains(href));
        }
    }
}

fn fragment_soup_href() -> impl Strategy<Value = String> {
    const PARTS: &[&str] = &[
        "java", "script", "JAVA", "http", "HTTPS", "s", "mailto", "vbscript", "data", ":", "//",
        "/", "\t", "\n", "\r", "\u{0}", "\u{1}", "\u{1f}", " ", "\u{a0}", "\u{200b}", "x",
        "\u{feff}", "&colon;", "%3a", "ſ", "K",
    ];
    prop::collection::vec(prop::sample::select(PARTS), 0..10).prop_map(|v| v.concat())
}

/// The scheme as the WHATWG URL parser reads it: leading/trailing C0
/// controls and spaces stripped, tab/CR/LF removed anywhere, then an ASCII
/// letter followed by letters, digits, `+`, `-`, `.` up to a `:`. `None`:
/// no scheme (a relative URL).
fn browser_scheme(href: &str) -> Option<String> {
    let stripped: String = href
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let (scheme, _) = stripped.split_once(':')?;
    let mut chars = scheme.chars();
    let first = chars.next()?;
    (first.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
    .then(|| scheme.to_ascii_lowercase())
}

// ---------------------------------------------------------------------------
// Options

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn options_from_any_attributes(pairs in prop::collection::vec(
        (
            prop_oneof![
                prop::sample::select(&[
                    "registry", "lang", "facets", "page-size", "sort", "heading-level",
                    "filter-publisher", "filter-theme", "filter-format", "filter-license",
                    "filter-access-rights", "filter-access_rights", "filter-", "FILTER-THEME", "Page-Size", "class",
                ][..]).prop_map(str::to_owned),
                ".{0,16}",
            ],
            prop_oneof![
                ".{0,40}",
                prop::sample::select(&[
                    "", "0", "-1", "1e9", "NaN", "inf", "-inf", "6.9", "h7", "H1", "200.5",
                    "18446744073709551616", "sv-SE", "title", "|", " | a |", "format, theme",
                ][..]).prop_map(str::to_owned),
            ],
        ),
        0..12,
    )) {
        let o = Options::from_attributes(pairs.iter().map(|(n, v)| (n.as_str(), v.as_str())));
        prop_assert!((1..=MAX_PAGE_SIZE).contains(&o.page_size));
        prop_assert!((1..=6).contains(&o.heading_level));
        for (i, f) in o.facets.iter().enumerate() {
            prop_assert!(!o.facets[..i].contains(f), "duplicate facet {f:?}");
        }
        let locked: Vec<_> = o.locked.iter().collect();
        for (i, (f, values)) in locked.iter().enumerate() {
            prop_assert!(!values.is_empty());
            prop_assert!(values.iter().all(|v| !v.trim().is_empty() && v.trim() == v));
            prop_assert!(locked[..i].iter().all(|(g, _)| g != f));
        }
        prop_assert!(o.registry.iter().all(|r| !r.is_empty()));
    }
}

// ---------------------------------------------------------------------------
// Search engine

const WORDS: &[&str] = &[
    "bibliotek",
    "Bibliotek",
    "biblioteken",
    "libraries",
    "Östersund",
    "ostersund",
    "luft",
    "kvalitet",
    "skola",
    "data",
    "å",
    "",
    " ",
    "ǅ",
    "ß",
    "İ",
    "ﬁ",
    "🚲",
];

fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(WORDS).prop_map(str::to_owned),
        1 => ".{0,12}",
    ]
}

fn words(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(word(), 0..max).prop_map(|w| w.join(" "))
}

fn lang() -> impl Strategy<Value = String> {
    prop::sample::select(&["", "sv", "en", "de", "x"][..]).prop_map(str::to_owned)
}

fn small_value() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(
            &[
                "P1",
                "P2",
                "http://publications.europa.eu/resource/authority/data-theme/EDUC",
                "http://publications.europa.eu/resource/authority/file-type/CSV",
                "text/csv",
                "CSV",
                "application/json",
                "http://creativecommons.org/publicdomain/zero/1.0/",
                "http://publications.europa.eu/resource/authority/access-right/PUBLIC",
                " ",
                "",
            ][..]
        )
        .prop_map(str::to_owned),
        ".{0,10}",
    ]
}

fn date() -> impl Strategy<Value = Option<String>> {
    prop::option::of(prop_oneof![
        "20[0-9]{2}-[01][0-9]-[0-3][0-9]",
        "20[0-9]{2}-[01][0-9]-[0-3][0-9]T[0-2][0-9]:00:00Z",
        ".{0,12}",
    ])
}

fn distribution() -> impl Strategy<Value = Distribution> {
    (
        prop::option::of(small_value()),
        prop::option::of(small_value()),
        prop::option::of(small_value()),
    )
        .prop_map(|(format, media_type, license)| Distribution {
            format,
            media_type,
            license,
            ..Distribution::default()
        })
}

fn dataset() -> impl Strategy<Value = Dataset> {
    (
        (lang(), words(6), lang(), words(20)),
        prop::collection::vec((lang(), word()), 0..5),
        prop::option::of((prop::option::of(small_value()), lang(), word())),
        prop::collection::vec(small_value(), 0..3),
        (
            prop::option::of(small_value()),
            prop::option::of(small_value()),
        ),
        (date(), date()),
        prop::collection::vec(distribution(), 0..3),
    )
        .prop_map(
            |(
                (title_lang, title, description_lang, description),
                keywords,
                publisher,
                themes,
                (license, access_rights),
                (issued, modified),
                distributions,
            )| {
                let mut t = LangText::new();
                t.insert(&title_lang, title);
                let mut d = LangText::new();
                d.insert(&description_lang, description);
                Dataset {
                    id: String::new(),
                    title: t,
                    description: d,
                    keywords,
                    publisher: publisher.map(|(id, lang, name)| {
                        let mut n = LangText::new();
                        n.insert(&lang, name);
                        Agent { id, name: n }
                    }),
                    themes,
                    license,
                    access_rights,
                    issued,
                    modified,
                    distributions,
                    ..Dataset::default()
                }
            },
        )
}

fn datasets() -> impl Strategy<Value = Vec<Dataset>> {
    prop::collection::vec(dataset(), 0..12).prop_map(|mut v| {
        for (i, d) in v.iter_mut().enumerate() {
            d.id = format!("https://e.se/d{i}");
        }
        v
    })
}

fn facet() -> impl Strategy<Value = Facet> {
    prop::sample::select(&Facet::ALL[..])
}

fn request() -> impl Strategy<Value = Request> {
    let text = prop_oneof![
        3 => words(8),
        1 => prop::collection::vec(any::<char>(), 0..3000).prop_map(|c| c.into_iter().collect()),
        1 => fragment_soup(),
    ];
    let number = prop_oneof![
        0usize..30,
        Just(usize::MAX),
        Just(usize::MAX - 1),
        any::<usize>(),
    ];
    (
        text,
        prop::collection::vec((facet(), prop::collection::vec(small_value(), 0..3)), 0..4),
        prop::sample::select(&Sort::ALL[..]),
        number.clone(),
        number,
    )
        .prop_map(|(text, filters, sort, offset, limit)| Request {
            text,
            filters: filters.into(),
            sort,
            offset,
            limit,
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn search_never_panics_and_keeps_its_invariants(
        data in datasets(),
        lang in prop::sample::select(&["sv", "en", "", "de"][..]),
        requests in prop::collection::vec(request(), 1..4),
    ) {
        let n = data.len();
        let mut engine = Engine::new(&data, lang, &swedish_fallback_cmp);
        prop_assert_eq!(engine.len(), n);
        let mut first: Option<(Request, _)> = None;
        for request in &requests {
            let r = engine.search(request);
            // The page.
            prop_assert!(r.total <= n);
            prop_assert!(r.hits.len() <= request.limit);
            prop_assert!(r.hits.len() <= r.total.saturating_sub(request.offset));
            prop_assert!(r.hits.iter().all(|&h| (h as usize) < n));
            let mut unique = r.hits.clone();
            unique.sort_unstable();
            unique.dedup();
            prop_assert_eq!(unique.len(), r.hits.len(), "a dataset twice on a page");
            // The page is the slice of the full, unpaged result list.
            let all = engine.search(&Request { offset: 0, limit: usize::MAX, ..request.clone() });
            prop_assert_eq!(all.total, r.total);
            prop_assert_eq!(&all.facets, &r.facets);
            let start = request.offset.min(r.total);
            let end = request.offset.saturating_add(request.limit).min(r.total);
            prop_assert_eq!(&all.hits[start..end], &r.hits[..]);
            // An empty query with no filters is everything.
            if request.text.trim().is_empty() && request.filters.iter().all(|(_, v)| v.is_empty()) {
                prop_assert_eq!(r.total, n);
            }
            // Facets: one group per facet, in order; no count above the
            // number of datasets; a facet nobody filters on counts within
            // the results (its counts ignore only its own selection); every
            // selected value is listed.
            prop_assert_eq!(r.facets.len(), Facet::ALL.len());
            for (group, facet) in r.facets.iter().zip(Facet::ALL) {
                prop_assert_eq!(group.facet, facet);
                let selected: Vec<&String> = request
                    .filters
                    .iter()
                    .filter(|(f, _)| *f == facet)
                    .flat_map(|(_, v)| v)
                    .collect();
                for (value, count) in &group.values {
                    prop_assert!((*count as usize) <= n, "{facet:?} {value:?} {count} > {n}");
                    if selected.is_empty() {
                        prop_assert!((*count as usize) <= r.total, "{facet:?} {value:?} {count} > total {}", r.total);
                    }
                }
                for s in selected {
                    let key = s.trim();
                    if !key.is_empty() {
                        prop_assert!(
                            group.values.iter().any(|(v, _)| v == key || v == s),
                            "selected {s:?} not listed in {facet:?}"
                        );
                    }
                }
                // Sorted by count, highest first.
                prop_assert!(group.values.windows(2).all(|w| w[0].1 >= w[1].1));
            }
            // The same request gives the same answer (reused buffers).
            match &first {
                None => first = Some((request.clone(), r)),
                Some((req, resp)) => {
                    let again = engine.search(req);
                    prop_assert_eq!(&again, resp);
                }
            }
        }
    }
}
