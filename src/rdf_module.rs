//! The second wasm module (`--features rdf-module`, built to pkg/odc_rdf):
//! RDF/XML and Turtle in, the registry JSON-LD out. The widget loads it
//! only when a registry turns out to be RDF, then reads the result through
//! its fast JSON path, so sites with a JSON registry never download the
//! RDF parsers.

use crate::registry::{self, jsonld::write_registry};
use wasm_bindgen::prelude::*;

/// Reads an RDF catalogue (relative IRIs resolved against `base`) and
/// returns `{ registry, skipped, problems }`: the registry text, and the
/// records that could not be read (the registry format does not carry
/// them). Throws a readable message when the text is not a catalogue.
#[wasm_bindgen(js_name = rdfToRegistry)]
pub fn rdf_to_registry(text: &str, base: Option<String>) -> Result<JsValue, JsError> {
    let catalog = registry::read_with_base(text, base.as_deref())
        .map_err(|e| JsError::new(&e.to_string()))?;
    let result = js_sys::Object::new();
    let problems: js_sys::Array = catalog
        .problems
        .iter()
        .map(|p| JsValue::from_str(p))
        .collect();
    // Setting a property on a fresh plain object cannot fail.
    let set = |key: &str, value: &JsValue| {
        let _ = js_sys::Reflect::set(&result, &JsValue::from_str(key), value);
    };
    set("registry", &JsValue::from_str(&write_registry(&catalog)));
    set("skipped", &JsValue::from_f64(catalog.skipped as f64));
    set("problems", &problems);
    Ok(result.into())
}
