//! RDF/JSON (W3C, "RDF 1.1 JSON Alternate Serialization"): `{ subject: {
//! predicate: [ { "type": "uri" | "bnode" | "literal", "value", "lang",
//! "datatype" } ] } }`. EntryStore, the server behind dataportal.se, hands
//! every entry's metadata over in this shape; the triples go into the
//! shared DCAT builder (`dcat_graph`), so a dataset reads exactly as from
//! RDF/XML or Turtle.

use super::dcat_graph::{build, Graph, Key, Object};
use super::ReadError;
use crate::model::Catalog;
use serde_json::{Map, Value};

/// Adds one RDF/JSON graph's triples to `graph`. Blank node labels get
/// `scope` in front, so graphs of different entries never share a node.
/// Malformed parts are skipped; returns how many were.
pub(crate) fn add_graph(graph: &mut Graph, rdf_json: &Map<String, Value>, scope: &str) -> usize {
    let mut skipped = 0;
    let node = |id: &str| -> Key {
        match id.strip_prefix("_:") {
            Some(label) => Key::Blank(format!("{scope}{label}")),
            None => Key::Iri(id.to_string()),
        }
    };
    for (subject, predicates) in rdf_json {
        let Some(predicates) = predicates.as_object() else {
            skipped += 1;
            continue;
        };
        for (predicate, objects) in predicates {
            for object in objects.as_array().map(Vec::as_slice).unwrap_or_default() {
                let value = object.get("value").and_then(Value::as_str);
                let kind = object.get("type").and_then(Value::as_str);
                let o = match (kind, value) {
                    (Some("uri"), Some(v)) => Object::Node(Key::Iri(v.to_string())),
                    (Some("bnode"), Some(v)) => {
                        Object::Node(node(&format!("_:{}", v.strip_prefix("_:").unwrap_or(v))))
                    }
                    (Some("literal"), Some(v)) => Object::Literal {
                        text: v.to_string(),
                        lang: object
                            .get("lang")
                            .and_then(Value::as_str)
                            .unwrap_or_default()
                            .to_string(),
                    },
                    _ => {
                        skipped += 1;
                        continue;
                    }
                };
                graph.add(node(subject), predicate, o);
            }
        }
    }
    skipped
}

/// Reads an RDF/JSON document as a catalogue.
pub fn read_rdf_json(text: &str) -> Result<Catalog, ReadError> {
    let value: Value = serde_json::from_str(text).map_err(|e| ReadError::Syntax(e.to_string()))?;
    let Some(map) = value.as_object() else {
        return Err(ReadError::NotACatalogue {
            hint: "RDF/JSON is an object of subjects".into(),
        });
    };
    let mut graph = Graph::default();
    let skipped = add_graph(&mut graph, map, "");
    let mut problems = Vec::new();
    if skipped > 0 {
        problems.push(format!("{skipped} malformed RDF/JSON value(s) skipped"));
    }
    build(graph, problems)
}

/// Builds a catalogue from several RDF/JSON graphs (one per entry), each
/// with its own blank-node scope, in order.
pub(crate) fn read_graphs<'a>(
    graphs: impl Iterator<Item = &'a Map<String, Value>>,
) -> Result<Catalog, ReadError> {
    let mut graph = Graph::default();
    let mut skipped = 0;
    for (i, g) in graphs.enumerate() {
        skipped += add_graph(&mut graph, g, &format!("e{i}-"));
    }
    let mut problems = Vec::new();
    if skipped > 0 {
        problems.push(format!("{skipped} malformed RDF/JSON value(s) skipped"));
    }
    build(graph, problems)
}
