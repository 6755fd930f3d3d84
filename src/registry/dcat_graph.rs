//! Triples → [`Catalog`]: the DCAT mapping shared by every RDF-shaped reader.
//!
//! The RDF/XML and Turtle parsers (`rdf`, native only) and the generic
//! JSON-LD node reader (`jsonld_nodes`, everywhere) both feed simple triples
//! of their own into a [`Graph`]; the graph keeps only the properties the
//! model needs and [`build`] turns it into a catalogue. No RDF library is
//! used here, so this compiles for wasm32.
//!
//! Besides DCAT / DCTERMS / FOAF / vCard, the schema.org terms for datasets
//! (`schema:Dataset`, `schema:DataCatalog`, `schema:name`, `schema:keywords`,
//! `schema:distribution` …) are mapped onto the same model, so schema.org
//! JSON-LD reads through the same code.
//!
//! Each dataset is assembled by following at most two links (dataset →
//! distribution, dataset → publisher/contact), so there is no recursion to
//! bound.

use super::common::push_keyword;
use super::report::{note, push_dataset, skip};
use super::{ids, ReadError};
use crate::model::{Agent, Catalog, Contact, Dataset, Distribution, LangText};
use std::collections::{HashMap, HashSet};

// ------------------------------------------------------------ vocabulary

const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
const DCAT: &str = "http://www.w3.org/ns/dcat#";
const DCTERMS: &str = "http://purl.org/dc/terms/";
/// The POD (DCAT-US) JSON-LD context writes some DCTERMS IRIs with a stray
/// `#` (`http://purl.org/dc/terms/#license`).
const DCTERMS_HASH: &str = "http://purl.org/dc/terms/#";
const SCHEMA_HTTP: &str = "http://schema.org/";
const SCHEMA_HTTPS: &str = "https://schema.org/";
const DATASET_CLASSES: [&str; 3] = [
    "http://www.w3.org/ns/dcat#Dataset",
    "http://schema.org/Dataset",
    "https://schema.org/Dataset",
];
const CATALOG_CLASSES: [&str; 3] = [
    "http://www.w3.org/ns/dcat#Catalog",
    "http://schema.org/DataCatalog",
    "https://schema.org/DataCatalog",
];

/// The predicates the model is built from; all others are dropped on read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum P {
    Type,
    Dataset,
    Title,
    Description,
    Keyword,
    /// `schema:keywords`: also a comma-separated string.
    SchemaKeywords,
    Publisher,
    Creator,
    Provider,
    FoafName,
    PrefLabel,
    Theme,
    License,
    AccessRights,
    Issued,
    Modified,
    LandingPage,
    /// `schema:url`: landing page of a dataset, address of an agent.
    SchemaUrl,
    /// `schema:value` of a `PropertyValue` identifier.
    SchemaValue,
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
    /// `schema:encodingFormat`: a media type or a format name.
    EncodingFormat,
    MediaType,
    Identifier,
}

fn predicate(iri: &str) -> Option<P> {
    if iri == RDF_TYPE {
        return Some(P::Type);
    }
    if let Some(local) = iri.strip_prefix(DCAT) {
        return dcat_term(local);
    }
    if let Some(local) = iri
        .strip_prefix(DCTERMS_HASH)
        .or_else(|| iri.strip_prefix(DCTERMS))
    {
        return dcterms_term(local);
    }
    if let Some(local) = iri
        .strip_prefix(SCHEMA_HTTP)
        .or_else(|| iri.strip_prefix(SCHEMA_HTTPS))
    {
        return schema_term(local);
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

fn dcat_term(local: &str) -> Option<P> {
    match local {
        "dataset" => Some(P::Dataset),
        "keyword" => Some(P::Keyword),
        "theme" => Some(P::Theme),
        "landingPage" => Some(P::LandingPage),
        "contactPoint" => Some(P::ContactPoint),
        "distribution" => Some(P::Distribution),
        "accessURL" => Some(P::AccessUrl),
        "downloadURL" => Some(P::DownloadUrl),
        "mediaType" => Some(P::MediaType),
        // The POD context maps `identifier` into the DCAT namespace.
        "identifier" => Some(P::Identifier),
        _ => None,
    }
}

fn dcterms_term(local: &str) -> Option<P> {
    match local {
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
    }
}

fn schema_term(local: &str) -> Option<P> {
    match local {
        "name" => Some(P::Title),
        "description" => Some(P::Description),
        "keywords" => Some(P::SchemaKeywords),
        "publisher" => Some(P::Publisher),
        "creator" => Some(P::Creator),
        "provider" => Some(P::Provider),
        "license" => Some(P::License),
        "dateModified" => Some(P::Modified),
        "datePublished" => Some(P::Issued),
        "url" => Some(P::SchemaUrl),
        "value" => Some(P::SchemaValue),
        "identifier" => Some(P::Identifier),
        "distribution" => Some(P::Distribution),
        "dataset" => Some(P::Dataset),
        "contentUrl" => Some(P::DownloadUrl),
        "encodingFormat" | "fileFormat" => Some(P::EncodingFormat),
        "contactPoint" => Some(P::ContactPoint),
        "email" => Some(P::HasEmail),
        _ => None,
    }
}

// ----------------------------------------------------------------- index

/// A subject or object node: IRI or blank node label.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Key {
    Iri(String),
    Blank(String),
}

/// The object of a triple as a reader hands it over.
#[derive(Clone, Debug)]
pub(crate) enum Object {
    Node(Key),
    Literal { text: String, lang: String },
}

/// An object once stored: a node (by index) or a literal.
#[derive(Clone, Debug)]
enum Value {
    Node(usize),
    Literal { text: String, lang: String },
}

/// The triples kept, by subject. Node indexes follow first appearance in
/// the document, which gives datasets a deterministic, natural order.
#[derive(Default)]
pub(crate) struct Graph {
    index: HashMap<Key, usize>,
    keys: Vec<Key>,
    props: Vec<Vec<(P, Value)>>,
}

impl Graph {
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

    /// Makes sure a node exists (so it keeps its place in document order)
    /// without saying anything about it.
    pub(crate) fn touch(&mut self, key: Key) {
        self.node(key);
    }

    /// Adds one triple; predicates the model does not use are dropped.
    pub(crate) fn add(&mut self, subject: Key, predicate_iri: &str, object: Object) {
        let subject = self.node(subject);
        let Some(p) = predicate(predicate_iri) else {
            return;
        };
        let value = match object {
            Object::Node(key) => Value::Node(self.node(key)),
            Object::Literal { text, lang } => Value::Literal { text, lang },
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

    fn has_type(&self, node: usize, classes: &[&str]) -> bool {
        self.values(node, P::Type).any(|v| match v {
            Value::Node(t) => self.iri(*t).is_some_and(|iri| classes.contains(&iri)),
            // A JSON-LD `@type` that could not be expanded stays a name.
            Value::Literal { .. } => false,
        })
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
    fn first_string(&self, node: usize, p: P) -> Option<String> {
        self.values(node, p).find_map(|v| self.string(v))
    }

    /// A value as a string. A blank node carries one only as a schema.org
    /// `PropertyValue` (`value`) or `CreativeWork` (`url`).
    fn string(&self, v: &Value) -> Option<String> {
        let s = match v {
            Value::Node(n) => match self.iri(*n) {
                Some(iri) => iri,
                None => {
                    return self
                        .first_literal_or_iri(*n, P::SchemaValue)
                        .or_else(|| self.first_literal_or_iri(*n, P::SchemaUrl));
                }
            },
            Value::Literal { text, .. } => text.trim(),
        };
        (!s.is_empty()).then(|| s.to_owned())
    }

    /// Like `first_string`, without looking into nodes (no recursion).
    fn first_literal_or_iri(&self, node: usize, p: P) -> Option<String> {
        self.values(node, p).find_map(|v| {
            let s = match v {
                Value::Node(n) => self.iri(*n)?,
                Value::Literal { text, .. } => text.trim(),
            };
            (!s.is_empty()).then(|| s.to_owned())
        })
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

/// Builds the catalogue. `problems` are carried over from parsing.
pub(crate) fn build(graph: Graph, problems: Vec<String>) -> Result<Catalog, ReadError> {
    let catalog_node = (0..graph.keys.len()).find(|&n| graph.has_type(n, &CATALOG_CLASSES));
    let is_dataset = dataset_nodes(&graph);
    if catalog_node.is_none() && !is_dataset.contains(&true) {
        return Err(ReadError::NotACatalogue {
            hint: "no dcat:Catalog, dcat:Dataset or schema.org Dataset found".into(),
        });
    }

    let mut catalog = Catalog::default();
    for reason in problems {
        note(&mut catalog.problems, reason);
    }
    if let Some(c) = catalog_node {
        catalog.id = graph.iri(c).map(str::to_owned);
        catalog.title = graph.text(c, P::Title);
        catalog.description = graph.text(c, P::Description);
        catalog.publisher = publisher(&graph, c);
    }

    let mut seen_ids = HashSet::new();
    for (node, _) in is_dataset.iter().enumerate().filter(|(_, d)| **d) {
        if graph.is_described(node) {
            let dataset = dataset(&graph, node, &seen_ids);
            push_dataset(&mut catalog, &mut seen_ids, dataset);
        } else {
            let reason = format!(
                "dataset {} is listed but not described in this file",
                describe(&graph, node)
            );
            skip(&mut catalog, reason);
        }
    }
    Ok(catalog)
}

/// Which nodes are datasets (by index): what is typed as a dataset or
/// listed by `dcat:dataset`.
fn dataset_nodes(graph: &Graph) -> Vec<bool> {
    let mut is_dataset = vec![false; graph.keys.len()];
    for node in 0..graph.keys.len() {
        if graph.has_type(node, &DATASET_CLASSES) {
            if let Some(flag) = is_dataset.get_mut(node) {
                *flag = true;
            }
        }
        for v in graph.values(node, P::Dataset) {
            if let Value::Node(n) = v {
                if let Some(flag) = is_dataset.get_mut(*n) {
                    *flag = true;
                }
            }
        }
    }
    is_dataset
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
            .unwrap_or_else(|| ids::from_texts(&title, &description, taken)),
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
        landing_page: graph
            .first_string(node, P::LandingPage)
            .or_else(|| graph.first_literal_or_iri(node, P::SchemaUrl)),
        contact_point: graph
            .first_node(node, P::ContactPoint)
            .or_else(|| graph.first_node(node, P::AdmsContactPoint))
            .map(|c| contact(graph, c)),
        accrual_periodicity: graph.first_string(node, P::AccrualPeriodicity),
        distributions,
        quality: None,
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
/// `schema:keywords` may be one comma-separated string or `DefinedTerm`s.
fn keywords(graph: &Graph, node: usize) -> Vec<(String, String)> {
    let mut all: Vec<(String, String)> = Vec::new();
    for v in graph.values(node, P::Keyword) {
        if let Value::Literal { text, lang } = v {
            push_keyword(&mut all, lang, text);
        }
    }
    for v in graph.values(node, P::SchemaKeywords) {
        match v {
            Value::Literal { text, lang } => text
                .split(',')
                .for_each(|k| push_keyword(&mut all, lang, k)),
            Value::Node(term) => {
                for (lang, text) in graph.text(*term, P::Title).0 {
                    push_keyword(&mut all, &lang, &text);
                }
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

/// `dcterms:publisher`, else schema.org `creator`, else `provider`.
fn publisher(graph: &Graph, node: usize) -> Option<Agent> {
    let value = [P::Publisher, P::Creator, P::Provider]
        .iter()
        .find_map(|p| graph.values(node, *p).next())?;
    Some(match value {
        Value::Node(agent) => {
            let mut name = graph.text(*agent, P::FoafName);
            if name.is_empty() {
                name = graph.text(*agent, P::PrefLabel);
            }
            if name.is_empty() {
                name = graph.text(*agent, P::Title);
            }
            Agent {
                id: graph
                    .iri(*agent)
                    .map(str::to_owned)
                    .or_else(|| graph.first_literal_or_iri(*agent, P::SchemaUrl)),
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
    let literal = |p: P| {
        graph.values(node, p).find_map(|v| match v {
            Value::Literal { text, .. } if !text.trim().is_empty() => Some(text.trim().to_owned()),
            _ => None,
        })
    };
    Contact {
        name: literal(P::Fn).or_else(|| literal(P::Title)),
        email: graph
            .values(node, P::HasEmail)
            .find_map(|v| graph.string(v))
            .and_then(|e| mailto(&e)),
        url: graph
            .first_string(node, P::HasUrl)
            .or_else(|| graph.first_literal_or_iri(node, P::SchemaUrl)),
    }
}

/// `a@b.se` and `MAILTO:a@b.se` → `mailto:a@b.se`; anything without an `@`
/// is not an address.
pub(crate) fn mailto(email: &str) -> Option<String> {
    let email = email.trim();
    let address = match email.get(..7) {
        Some(scheme) if scheme.eq_ignore_ascii_case("mailto:") => email.get(7..)?,
        _ => email,
    }
    .trim();
    address.contains('@').then(|| format!("mailto:{address}"))
}

fn distribution(graph: &Graph, node: usize) -> Distribution {
    let encoding = graph.first_string(node, P::EncodingFormat);
    let encoding_media_type = encoding
        .as_deref()
        .filter(|e| looks_like_media_type(e))
        .map(str::to_owned);
    Distribution {
        // Blank node labels are made up by the parser: not an identity.
        id: graph.iri(node).map(str::to_owned),
        title: graph.text(node, P::Title),
        description: graph.text(node, P::Description),
        access_url: graph
            .first_string(node, P::AccessUrl)
            .or_else(|| graph.first_literal_or_iri(node, P::SchemaUrl)),
        download_url: graph.first_string(node, P::DownloadUrl),
        format: graph.first_string(node, P::Format).or(encoding),
        media_type: graph
            .first_string(node, P::MediaType)
            .or(encoding_media_type),
        license: graph.first_string(node, P::License),
    }
}

/// `text/csv`, `application/vnd.ms-excel`: type/subtype without spaces.
fn looks_like_media_type(value: &str) -> bool {
    let Some((kind, sub)) = value.split_once('/') else {
        return false;
    };
    !kind.is_empty()
        && !sub.is_empty()
        && !value.contains(char::is_whitespace)
        && !value.contains(':')
        && kind.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
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
    fn media_types() {
        assert!(looks_like_media_type("text/csv"));
        assert!(!looks_like_media_type("CSV"));
        assert!(!looks_like_media_type("http://x/y"));
    }
}
