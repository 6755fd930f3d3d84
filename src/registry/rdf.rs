//! RDF/XML and Turtle registries (native only: the `convert` command).
//!
//! The parsers' triples are handed to the shared, RDF-library-free
//! `dcat_graph` builder (also used for JSON-LD), which keeps only the
//! properties the model needs and assembles the datasets.
//!
//! Real DCAT-AP-SE exports are messy, so the reader follows the data rather
//! than the specification where the two part: it accepts `rdf:type` on
//! `rdf:Description`, `dcterms:distribution` for `dcat:distribution`, the
//! legacy `adms:contactPoint`, literals where IRIs belong and e-mail
//! addresses without `mailto:`.

use super::dcat_graph::{build, Graph, Key, Object};
use super::report::{note, note_first};
use super::{strip_bom, ReadError};
use crate::model::Catalog;
use oxrdf::{NamedOrBlankNode, Term, Triple};

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
        collect(parser.for_slice(bytes), problems)
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
        collect(parser.for_slice(bytes), problems)
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
            note_first(
                &mut l.problems,
                "read without IRI validation after syntax errors".into(),
            );
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
            note(problems, format!("base IRI {base:?} ignored: {e}"));
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

/// Feeds parsed triples into a [`Graph`]; returns it and the error count.
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
                add(&mut graph, triple);
            }
            Err(e) => {
                errors += 1;
                if first_error.is_none() {
                    first_error = Some(e.to_string());
                }
                note(problems, format!("RDF syntax error skipped: {e}"));
                if errors >= MAX_ERRORS {
                    note(problems, format!("gave up after {errors} syntax errors"));
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
        note(problems, format!("{errors} RDF syntax error(s) in total"));
    }
    Ok((graph, errors))
}

fn add(graph: &mut Graph, triple: Triple) {
    let subject = match triple.subject {
        NamedOrBlankNode::NamedNode(n) => Key::Iri(n.into_string()),
        NamedOrBlankNode::BlankNode(b) => Key::Blank(b.into_string()),
    };
    let object = match triple.object {
        Term::NamedNode(n) => Object::Node(Key::Iri(n.into_string())),
        Term::BlankNode(b) => Object::Node(Key::Blank(b.into_string())),
        Term::Literal(l) => {
            let (text, _datatype, lang) = l.destruct();
            Object::Literal {
                text,
                lang: lang.unwrap_or_default(),
            }
        }
        #[allow(unreachable_patterns)] // RDF 1.2 triple terms, if enabled
        _ => {
            graph.touch(subject);
            return;
        }
    };
    graph.add(subject, triple.predicate.as_str(), object);
}

#[cfg(test)]
mod tests {
    use super::*;

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
