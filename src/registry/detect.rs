//! Which reader a registry file needs, decided from its first bytes.

use super::strip_bom;

/// The serialisations `registry::read` tells apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Any JSON; the JSON-LD reader decides whether it is a registry.
    JsonLd,
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
