//! RDF/XML and Turtle registries (native only: the `convert` command).
//!
//! The triples are gathered into a small index of the properties the model
//! needs (everything else is dropped while parsing), then each dataset is
//! assembled by following at most two links (dataset → distribution,
//! dataset → publisher/contact), so there is no recursion to bound.
//!
//! Real DCAT-AP-SE exports are messy, so the reader follows the data rather
//! than the specification where the two part: it accepts `rdf:type` on
//! `rdf:Description`, `dcterms:distribution` for `dcat:distribution`, the
//! legacy `adms:contactPoint`, literals where IRIs belong and e-mail
//! addresses without `mailto:`.

use super::{strip_bom, ReadError};
use crate::model::{normalise_lang, Agent, Catalog, Contact, Dataset, Distribution, LangText};
use oxrdf::{NamedOrBlankNode, Term, Triple};
use std::collections::{HashMap, HashSet};

/// How many parse errors are described in `Catalog::problems`.
const MAX_PROBLEMS: usize = 50;
/// A parser that keeps failing is given up on, so a pathological file
/// cannot keep the reader busy forever.
const MAX_ERRORS: usize = 10_000;

/// Reads RDF/XML. `base` resolves relative IRIs (usually the URL the file
/// was fetched from).
pub fn read_rdf_xml(bytes: &[u8], base: Option<&str>) -> Result<Catalog, ReadError> {
    let bytes = strip_bom_bytes(bytes);
    read_strict_then_lenient(|lenient, problems| {
        let mut parser = oxrdfxml::RdfXmlParser::new();
        if lenient {
            parser = parser.lenient();
        }
        let parser = with_base(
            parser,
            base,
            problems,
            oxrdfxml::RdfXmlParser::with_base_iri,
        );
        Graph::collect(parser.for_slice(bytes), problems)
    })
}

/// Reads Turtle. `base` resolves relative IRIs.
pub fn read_turtle(bytes: &[u8], base: Option<&str>) -> Result<Catalog, ReadError> {
    let bytes = strip_bom_bytes(bytes);
    read_strict_then_lenient(|lenient, problems| {
        let mut parser = oxttl::TurtleParser::new();
        if lenient {
            parser = parser.lenient();
        }
        let parser = with_base(parser, base, problems, oxttl::TurtleParser::with_base_iri);
        Graph::collect(parser.for_slice(bytes), problems)
    })
}

/// The RDF/XML parser loses its place after an invalid IRI (a relative one
/// without a base, a phone number with spaces) and then drops the rest of
/// the enclosing element, datasets included. So a file with errors is read
/// a second time without IRI validation, and the reading that finds more
/// datasets is kept; the strict one wins a tie.
fn read_strict_then_lenient(
    parse: impl Fn(bool, &mut Vec<String>) -> Result<(Graph, usize), ReadError>,
) -> Result<Catalog, ReadError> {
    let mut problems = Vec::new();
    let strict = parse(false, &mut problems);
    if let Ok((graph, 0)) = strict {
        return build(graph, problems);
    }
    let strict = strict.and_then(|(graph, _)| build(graph, problems));
    let mut lenient_problems = Vec::new();
    let lenient =
        parse(true, &mut lenient_problems).and_then(|(graph, _)| build(graph, lenient_problems));
    match (strict, lenient) {
        (Ok(s), Ok(mut l)) if l.datasets.len() > s.datasets.len() => {
            l.problems
                .insert(0, "read without IRI validation after syntax errors".into());
            l.problems.truncate(MAX_PROBLEMS);
            Ok(l)
        }
        (Err(_), Ok(l)) => Ok(l),
        (strict, _) => strict,
    }
}

/// Sets the base IRI when there is a valid one; an invalid base is
/// reported and ignored rather than failing the read.
fn with_base<T: Clone>(
    parser: T,
    base: Option<&str>,
    problems: &mut Vec<String>,
    set: impl Fn(T, String) -> Result<T, oxrdf::IriParseError>,
) -> T {
    let Some(base) = base else { return parser };
    match set(parser.clone(), base.to_owned()) {
        Ok(with_base) => with_base,
        Err(e) => {
            problems.push(format!("base IRI {base:?} ignored: {e}"));
            parser
        }
    }
}

fn strip_bom_bytes(bytes: &[u8]) -> &[u8] {
    match std::str::from_utf8(bytes) {
        Ok(text) => strip_bom(text).as_bytes(),
        Err(_) => bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes),
    }
}

// ------------------------------------------------------------ vocabulary

const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
const DCAT: &str = "http://www.w3.org/ns/dcat#";
const DCTERMS: &str = "http://purl.org/dc/terms/";
const DCAT_DATASET_CLASS: &str = "http://www.w3.org/ns/dcat#Dataset";
const DCAT_CATALOG_CLASS: &str = "http://www.w3.org/ns/dcat#Catalog";

/// The predicates the model is built from; all others are dropped on read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum P {
    Type,
    Dataset,
    Title,
    Description,
    Keyword,
    Publisher,
    FoafName,
    PrefLabel,
    Theme,
    License,
    AccessRights,
    Issued,
    Modified,
    LandingPage,
    ContactPoint,
    AdmsContactPoint,
    Fn,
    HasEmail,
    HasUrl,
    AccrualPeriodicity,
    Distribution,
    DctermsDistribution,
    AccessUrl,
    DownloadUrl,
    Format,
    MediaType,
    Identifier,
}

fn predicate(iri: &str) -> Option<P> {
    if iri == RDF_TYPE {
        return Some(P::Type);
    }
    if let Some(local) = iri.strip_prefix(DCAT) {
        return match local {
            "dataset" => Some(P::Dataset),
            "keyword" => Some(P::Keyword),
            "theme" => Some(P::Theme),
            "landingPage" => Some(P::LandingPage),
            "contactPoint" => Some(P::ContactPoint),
            "distribution" => Some(P::Distribution),
            "accessURL" => Some(P::AccessUrl),
            "downloadURL" => Some(P::DownloadUrl),
            "mediaType" => Some(P::MediaType),
            _ => None,
        };
    }
    if let Some(local) = iri.strip_prefix(DCTERMS) {
        return match local {
            "title" => Some(P::Title),
            "description" => Some(P::Description),
            "publisher" => Some(P::Publisher),
            "license" => Some(P::License),
            "accessRights" => Some(P::AccessRights),
            "issued" => Some(P::Issued),
            "modified" => Some(P::Modified),
            "accrualPeriodicity" => Some(P::AccrualPeriodicity),
            "distribution" => Some(P::DctermsDistribution),
            "format" => Some(P::Format),
            "identifier" => Some(P::Identifier),
            _ => None,
        };
    }
    match iri {
        "http://xmlns.com/foaf/0.1/name" => Some(P::FoafName),
        "http://www.w3.org/2004/02/skos/core#prefLabel" => Some(P::PrefLabel),
        "http://www.w3.org/ns/adms#contactPoint" => Some(P::AdmsContactPoint),
        "http://www.w3.org/2006/vcard/ns#fn" => Some(P::Fn),
        "http://www.w3.org/2006/vcard/ns#hasEmail" => Some(P::HasEmail),
        "http://www.w3.org/2006/vcard/ns#hasURL" => Some(P::HasUrl),
        _ => None,
    }
}

// ----------------------------------------------------------------- index

/// A subject or object node: IRI or blank node label.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Key {
    Iri(String),
    Blank(String),
}

/// An object: a node (by index) or a literal's lexical form and language.
#[derive(Clone, Debug)]
enum Value {
    Node(usize),
    Literal { text: String, lang: String },
}

/// The triples kept, by subject. Node indexes follow first appearance in
/// the document, which gives datasets a deterministic, natural order.
#[derive(Default)]
struct Graph {
    index: HashMap<Key, usize>,
    keys: Vec<Key>,
    props: Vec<Vec<(P, Value)>>,
}

impl Graph {
    fn collect<E: std::fmt::Display>(
        triples: impl Iterator<Item = Result<Triple, E>>,
        problems: &mut Vec<String>,
    ) -> Result<(Graph, usize), ReadError> {
        let mut graph = Graph::default();
        let mut triple_count = 0usize;
        let mut errors = 0usize;
        let mut first_error = None;
        for triple in triples {
            match triple {
                Ok(triple) => {
                    triple_count += 1;
                    graph.add(triple);
                }
                Err(e) => {
                    errors += 1;
                    if first_error.is_none() {
                        first_error = Some(e.to_string());
                    }
                    if problems.len() < MAX_PROBLEMS {
                        problems.push(format!("RDF syntax error skipped: {e}"));
                    }
                    if errors >= MAX_ERRORS {
                        problems.push(format!("gave up after {errors} syntax errors"));
                        break;
                    }
                }
            }
        }
        if triple_count == 0 {
            if let Some(e) = first_error {
                return Err(ReadError::Syntax(e));
            }
        }
        if errors > 0 {
            problems.push(format!("{errors} RDF syntax error(s) in total"));
        }
        Ok((graph, errors))
    }

    fn node(&mut self, key: Key) -> usize {
        if let Some(&i) = self.index.get(&key) {
            return i;
        }
        let i = self.keys.len();
        self.index.insert(key.clone(), i);
        self.keys.push(key);
        self.props.push(Vec::new());
        i
    }

    fn add(&mut self, triple: Triple) {
        let subject = self.node(match triple.subject {
            NamedOrBlankNode::NamedNode(n) => Key::Iri(n.into_string()),
            NamedOrBlankNode::BlankNode(b) => Key::Blank(b.into_string()),
        });
        let Some(p) = predicate(triple.predicate.as_str()) else {
            return;
        };
        let value = match triple.object {
            Term::NamedNode(n) => Value::Node(self.node(Key::Iri(n.into_string()))),
            Term::BlankNode(b) => Value::Node(self.node(Key::Blank(b.into_string()))),
            Term::Literal(l) => {
                let (text, _datatype, lang) = l.destruct();
                Value::Literal {
                    text,
                    lang: lang.unwrap_or_default(),
                }
            }
            #[allow(unreachable_patterns)] // RDF 1.2 triple terms, if enabled
            _ => return,
        };
        if let Some(props) = self.props.get_mut(subject) {
            props.push((p, value));
        }
    }

    fn iri(&self, node: usize) -> Option<&str> {
        match self.keys.get(node)? {
            Key::Iri(iri) => Some(iri),
            Key::Blank(_) => None,
        }
    }

    fn values(&self, node: usize, p: P) -> impl Iterator<Item = &Value> {
        self.props
            .get(node)
            .into_iter()
            .flatten()
            .filter(move |(q, _)| *q == p)
            .map(|(_, v)| v)
    }

    fn has_type(&self, node: usize, class: &str) -> bool {
        self.values(node, P::Type)
            .any(|v| matches!(v, Value::Node(t) if self.iri(*t) == Some(class)))
    }

    fn is_described(&self, node: usize) -> bool {
        self.props.get(node).is_some_and(|p| !p.is_empty())
    }

    /// All literals of `p` as language-tagged text (first per language).
    fn text(&self, node: usize, p: P) -> LangText {
        let mut text = LangText::new();
        for v in self.values(node, p) {
            if let Value::Literal { text: t, lang } = v {
                text.insert(lang, t.trim());
            }
        }
        text
    }

    /// The first value of `p` as a string: an IRI, or a literal as given.
    /// Blank nodes carry no usable value here.
    fn first_string(&self, node: usize, p: P) -> Option<String> {
        self.values(node, p).find_map(|v| self.string(v))
    }

    fn string(&self, v: &Value) -> Option<String> {
        let s = match v {
            Value::Node(n) => self.iri(*n)?,
            Value::Literal { text, .. } => text.trim(),
        };
        (!s.is_empty()).then(|| s.to_owned())
    }

    /// The first value of `p` that is a node.
    fn first_node(&self, node: usize, p: P) -> Option<usize> {
        self.values(node, p).find_map(|v| match v {
            Value::Node(n) => Some(*n),
            Value::Literal { .. } => None,
        })
    }
}

// ----------------------------------------------------------------- model

fn build(graph: Graph, mut problems: Vec<String>) -> Result<Catalog, ReadError> {
    let catalog_node = (0..graph.keys.len()).find(|&n| graph.has_type(n, DCAT_CATALOG_CLASS));

    // Datasets are what is typed dcat:Dataset or listed by dcat:dataset.
    let mut is_dataset = vec![false; graph.keys.len()];
    for node in 0..graph.keys.len() {
        if graph.has_type(node, DCAT_DATASET_CLASS) {
            is_dataset[node] = true;
        }
        for v in graph.values(node, P::Dataset) {
            if let Value::Node(n) = v {
                if let Some(flag) = is_dataset.get_mut(*n) {
                    *flag = true;
                }
            }
        }
    }

    if catalog_node.is_none() && !is_dataset.contains(&true) {
        return Err(ReadError::NotACatalogue {
            hint: "RDF without any dcat:Catalog or dcat:Dataset".into(),
        });
    }

    let mut catalog = Catalog::default();
    if let Some(c) = catalog_node {
        catalog.id = graph.iri(c).map(str::to_owned);
        catalog.title = graph.text(c, P::Title);
        catalog.description = graph.text(c, P::Description);
        catalog.publisher = publisher(&graph, c);
    }

    let mut seen_ids = HashSet::new();
    for (node, _) in is_dataset.iter().enumerate().filter(|(_, d)| **d) {
        if !graph.is_described(node) {
            catalog.skipped += 1;
            problems.push(format!(
                "dataset {} is listed but not described in this file",
                describe(&graph, node)
            ));
            continue;
        }
        let dataset = dataset(&graph, node, &seen_ids);
        if seen_ids.insert(dataset.id.clone()) {
            catalog.datasets.push(dataset);
        } else {
            catalog.skipped += 1;
            problems.push(format!("dataset skipped: duplicate id {}", dataset.id));
        }
    }
    problems.truncate(MAX_PROBLEMS);
    catalog.problems = problems;
    Ok(catalog)
}

fn describe(graph: &Graph, node: usize) -> String {
    match graph.keys.get(node) {
        Some(Key::Iri(iri)) => iri.clone(),
        _ => "(blank node)".into(),
    }
}

fn dataset(graph: &Graph, node: usize, taken: &HashSet<String>) -> Dataset {
    let identifier = graph.first_string(node, P::Identifier);
    let title = graph.text(node, P::Title);
    let description = graph.text(node, P::Description);
    let id = match graph.iri(node) {
        Some(iri) => iri.to_owned(),
        None => identifier
            .clone()
            .unwrap_or_else(|| generated_id(&title, &description, taken)),
    };

    let mut distributions = Vec::new();
    let mut seen = HashSet::new();
    for p in [P::Distribution, P::DctermsDistribution] {
        for v in graph.values(node, p) {
            if let Value::Node(n) = v {
                if seen.insert(*n) {
                    distributions.push(distribution(graph, *n));
                }
            }
        }
    }

    let license = graph
        .first_string(node, P::License)
        .or_else(|| shared_license(&distributions));

    Dataset {
        id,
        identifier,
        title,
        description,
        keywords: keywords(graph, node),
        publisher: publisher(graph, node),
        themes: graph
            .values(node, P::Theme)
            .filter_map(|v| graph.string(v))
            .collect(),
        license,
        access_rights: graph.first_string(node, P::AccessRights),
        issued: graph.first_string(node, P::Issued),
        modified: graph.first_string(node, P::Modified),
        landing_page: graph.first_string(node, P::LandingPage),
        contact_point: graph
            .first_node(node, P::ContactPoint)
            .or_else(|| graph.first_node(node, P::AdmsContactPoint))
            .map(|c| contact(graph, c)),
        accrual_periodicity: graph.first_string(node, P::AccrualPeriodicity),
        distributions,
    }
}

/// DCAT-AP puts the licence on distributions; when they all name the same
/// one, that is the dataset's licence for the licence filter.
fn shared_license(distributions: &[Distribution]) -> Option<String> {
    let mut licenses = distributions.iter().filter_map(|d| d.license.as_deref());
    let first = licenses.next()?;
    licenses.all(|l| l == first).then(|| first.to_owned())
}

/// Keywords grouped by language (in first-seen language order), which is
/// how the registry format stores them, so a round trip keeps the order.
fn keywords(graph: &Graph, node: usize) -> Vec<(String, String)> {
    let mut all: Vec<(String, String)> = Vec::new();
    for v in graph.values(node, P::Keyword) {
        if let Value::Literal { text, lang } = v {
            let pair = (normalise_lang(lang), text.trim().to_owned());
            if !pair.1.is_empty() && !all.contains(&pair) {
                all.push(pair);
            }
        }
    }
    let mut languages: Vec<&str> = Vec::new();
    for (lang, _) in &all {
        if !languages.contains(&lang.as_str()) {
            languages.push(lang);
        }
    }
    languages
        .iter()
        .flat_map(|lang| all.iter().filter(move |(l, _)| l == lang))
        .cloned()
        .collect()
}

fn publisher(graph: &Graph, node: usize) -> Option<Agent> {
    let value = graph.values(node, P::Publisher).next()?;
    Some(match value {
        Value::Node(agent) => {
            let mut name = graph.text(*agent, P::FoafName);
            if name.is_empty() {
                name = graph.text(*agent, P::PrefLabel);
            }
            Agent {
                id: graph.iri(*agent).map(str::to_owned),
                name,
            }
        }
        // Some registries give the publisher's name as a plain literal.
        Value::Literal { text, lang } => {
            let mut name = LangText::new();
            name.insert(lang, text.trim());
            Agent { id: None, name }
        }
    })
}

fn contact(graph: &Graph, node: usize) -> Contact {
    Contact {
        name: graph.values(node, P::Fn).find_map(|v| match v {
            Value::Literal { text, .. } if !text.trim().is_empty() => Some(text.trim().to_owned()),
            _ => None,
        }),
        email: graph
            .values(node, P::HasEmail)
            .find_map(|v| graph.string(v))
            .and_then(|e| mailto(&e)),
        url: graph.first_string(node, P::HasUrl),
    }
}

/// `a@b.se` and `MAILTO:a@b.se` → `mailto:a@b.se`; anything without an `@`
/// is not an address.
fn mailto(email: &str) -> Option<String> {
    let email = email.trim();
    let address = match email.get(..7) {
        Some(scheme) if scheme.eq_ignore_ascii_case("mailto:") => email.get(7..)?,
        _ => email,
    }
    .trim();
    address.contains('@').then(|| format!("mailto:{address}"))
}

fn distribution(graph: &Graph, node: usize) -> Distribution {
    Distribution {
        // Blank node labels are made up by the parser: not an identity.
        id: graph.iri(node).map(str::to_owned),
        title: graph.text(node, P::Title),
        description: graph.text(node, P::Description),
        access_url: graph.first_string(node, P::AccessUrl),
        download_url: graph.first_string(node, P::DownloadUrl),
        format: graph.first_string(node, P::Format),
        media_type: graph.first_string(node, P::MediaType),
        license: graph.first_string(node, P::License),
    }
}

/// A dataset with neither IRI nor identifier gets an id derived from its
/// title and description, so it is the same on every run and in every
/// serialisation of the same data (blank node labels are not).
fn generated_id(title: &LangText, description: &LangText, taken: &HashSet<String>) -> String {
    let mut hash = 0xcbf2_9ce4_8422_2325_u64;
    for (lang, text) in title.0.iter().chain(&description.0) {
        for b in lang.bytes().chain([0]).chain(text.bytes()).chain([0]) {
            hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    let base = format!("_:dataset-{hash:016x}");
    let mut id = base.clone();
    let mut n = 1;
    while taken.contains(&id) {
        n += 1;
        id = format!("{base}-{n}");
    }
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mailto_normalises() {
        assert_eq!(mailto("a@b.se").as_deref(), Some("mailto:a@b.se"));
        assert_eq!(mailto("MAILTO:a@b.se").as_deref(), Some("mailto:a@b.se"));
        assert_eq!(mailto(" mailto: a@b.se ").as_deref(), Some("mailto:a@b.se"));
        assert_eq!(mailto("nobody"), None);
        assert_eq!(mailto("å"), None);
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        assert!(read_turtle(b"this is not turtle", None).is_err());
        assert!(read_rdf_xml(b"<rdf:RDF", None).is_err());
        assert!(read_rdf_xml(b"\xff\xfe<<<", None).is_err());
    }

    #[test]
    fn blank_node_datasets_use_identifier_then_a_stable_id() {
        let ttl = br#"@prefix dcat: <http://www.w3.org/ns/dcat#> .
@prefix dct: <http://purl.org/dc/terms/> .
[] a dcat:Dataset ; dct:identifier "X1" ; dct:title "A"@sv .
[] a dcat:Dataset ; dct:title "B"@sv .
[] a dcat:Dataset ; dct:title "B"@sv ."#;
        let c = read_turtle(ttl, None).unwrap();
        assert_eq!(c.datasets.len(), 3);
        assert_eq!(c.datasets[0].id, "X1");
        assert!(c.datasets[1].id.starts_with("_:dataset-"));
        assert_ne!(c.datasets[1].id, c.datasets[2].id);
        let again = read_turtle(ttl, None).unwrap();
        assert_eq!(c, again);
    }
}
