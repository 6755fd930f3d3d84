//! Which reader a registry file needs, decided from its content: first
//! the syntax from the first bytes ([`detect`], free), then, for JSON, the
//! dialect from its structure ([`detect_content`] / [`classify_json`]).

use super::jsonld_nodes::{is_pod_context, is_schema_org_context};
use super::{ckan, datajson, strip_bom};
use serde_json::Value;

/// The formats `registry::read` tells apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// JSON. From [`detect`]: any JSON, dialect not yet looked at. From
    /// [`detect_content`]: JSON that is none of the dialects below.
    JsonLd,
    /// The project's own registry JSON-LD (`docs/registry.md`).
    Registry,
    /// Other DCAT(-AP) JSON-LD: any context, `@graph`, expanded form.
    DcatJsonLd,
    /// schema.org `Dataset` / `DataCatalog` JSON-LD.
    SchemaOrg,
    /// A CKAN Action API response or package dict(s).
    Ckan,
    /// A DCAT-US `data.json` (or DCAT-AR, or a list of DCAT-style dicts).
    DataJson,
    RdfXml,
    Turtle,
    /// A web page, typically a portal's HTML or an error page served instead
    /// of the file.
    Html,
    /// Nothing but whitespace.
    Empty,
}

/// Only the start of the file is looked at, so detection costs nothing on a
/// large catalogue.
const SNIFF_BYTES: usize = 1024;

/// The syntax, from the first bytes only: `JsonLd` (any JSON), `RdfXml`,
/// `Turtle`, `Html` or `Empty`. Works the same on every target, so the
/// browser can tell RDF apart even when it cannot parse it.
pub fn detect(text: &str) -> Format {
    let body = strip_bom(text).trim_start();
    if body.is_empty() {
        return Format::Empty;
    }
    // A Turtle document cannot start with a string literal, JSON can.
    if body.starts_with(['{', '[', '"']) {
        return Format::JsonLd;
    }
    let head = sniff(body);
    if !body.starts_with('<') {
        // Turtle starts with @prefix/PREFIX/@base, a prefixed name or a
        // comment; anything else fails in the Turtle parser with a message.
        return Format::Turtle;
    }
    if head.starts_with("<!doctype html") || head.starts_with("<html") {
        return Format::Html;
    }
    // XHTML has an XML prolog too; an RDF root element settles it.
    if head.contains("<html") && !head.contains("rdf:rdf") {
        return Format::Html;
    }
    if starts_with_iri_ref(body) {
        return Format::Turtle;
    }
    Format::RdfXml
}

/// The full answer: the syntax, and for JSON the dialect (which parses
/// it; `registry::read` does this once, on its way).
pub fn detect_content(text: &str) -> Format {
    match detect(text) {
        Format::JsonLd => match super::jsonld::read_fast(text) {
            super::jsonld::Fast::Read(Ok(_)) => Format::Registry,
            super::jsonld::Fast::Read(Err(_)) => Format::JsonLd,
            super::jsonld::Fast::Other(_) => match serde_json::from_str::<Value>(strip_bom(text)) {
                Ok(doc) => classify_json(&doc),
                Err(_) => Format::JsonLd,
            },
        },
        other => other,
    }
}

/// The dialect of JSON that is not the project's registry.
pub fn classify_json(doc: &Value) -> Format {
    match doc {
        Value::Array(items) => {
            if items.iter().any(ckan::looks_like_package) {
                Format::Ckan
            } else if items.iter().any(|i| is_schema_org(i, false)) {
                Format::SchemaOrg
            } else if items.iter().any(is_json_ld_node) {
                Format::DcatJsonLd
            } else if items.iter().any(datajson::looks_like_dataset) {
                Format::DataJson
            } else {
                Format::JsonLd
            }
        }
        Value::Object(o) => {
            if ckan::is_api_response(doc) {
                Format::Ckan
            } else if datajson::is_data_json(doc) {
                Format::DataJson
            } else if is_schema_org(doc, true) {
                Format::SchemaOrg
            } else if is_json_ld_node(doc) {
                Format::DcatJsonLd
            } else if ckan::looks_like_package(doc) {
                Format::Ckan
            } else if o.get("dataset").is_some_and(Value::is_array)
                || datajson::looks_like_dataset(doc)
            {
                Format::DataJson
            } else {
                Format::JsonLd
            }
        }
        _ => Format::JsonLd,
    }
}

/// JSON-LD markers: `@context`, `@graph`, `@id`/`@type`, or full IRIs or
/// prefixed names as keys.
fn is_json_ld_node(v: &Value) -> bool {
    v.as_object().is_some_and(|o| {
        o.keys().any(|k| {
            matches!(k.as_str(), "@context" | "@graph" | "@id" | "@type") || k.contains(':')
        })
    })
}

/// A schema.org context (remote URL, array or `@vocab`), or — for a
/// top-level object without any context — `@type` `Dataset`/`DataCatalog`.
fn is_schema_org(v: &Value, top: bool) -> bool {
    fn schema_context(c: &Value, depth: usize) -> bool {
        match c {
            Value::String(s) => is_schema_org_context(s),
            Value::Array(items) if depth < 4 => items.iter().any(|i| schema_context(i, depth + 1)),
            Value::Object(o) => o
                .get("@vocab")
                .and_then(Value::as_str)
                .is_some_and(|v| v.contains("schema.org")),
            _ => false,
        }
    }
    match v.get("@context") {
        Some(c) => schema_context(c, 0) && !is_pod_context(&c.to_string()),
        None => {
            top && v
                .get("@type")
                .and_then(Value::as_str)
                .is_some_and(|t| matches!(t, "Dataset" | "DataCatalog"))
                && v.get("@graph").is_none()
        }
    }
}

/// The first bytes, lower-cased, cut at a character boundary.
fn sniff(body: &str) -> String {
    let mut end = body.len().min(SNIFF_BYTES);
    while !body.is_char_boundary(end) {
        end -= 1;
    }
    body[..end].to_ascii_lowercase()
}

/// Turtle may open with a subject IRI such as `<https://example.com/a>`,
/// which an XML tag never looks like: tags have no `:` followed by `/`
/// before their first space.
fn starts_with_iri_ref(body: &str) -> bool {
    let Some(rest) = body.strip_prefix('<') else {
        return false;
    };
    let Some(end) = rest.find('>') else {
        return false;
    };
    let inside = &rest[..end];
    !inside.is_empty()
        && !inside.contains(char::is_whitespace)
        && !inside.contains(['"', '\'', '='])
        && (inside.contains("://") || inside.starts_with("urn:") || inside.starts_with('#'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_formats_apart() {
        assert_eq!(detect("\u{feff}{\"dataset\":[]}"), Format::JsonLd);
        assert_eq!(detect("  <!DOCTYPE html><html>"), Format::Html);
        assert_eq!(
            detect("<?xml version=\"1.0\"?><html xmlns=\"x\">"),
            Format::Html
        );
        assert_eq!(
            detect("\u{feff}<?xml version=\"1.0\"?>\n<rdf:RDF>"),
            Format::RdfXml
        );
        assert_eq!(detect("<rdf:RDF xmlns:rdf=\"http://x/\">"), Format::RdfXml);
        assert_eq!(
            detect("@prefix dcat: <http://www.w3.org/ns/dcat#> ."),
            Format::Turtle
        );
        assert_eq!(
            detect("<https://example.com/d> a <http://x/y> ."),
            Format::Turtle
        );
        assert_eq!(detect(" \n "), Format::Empty);
    }
}
