//! RDF registries in the browser, through the second wasm module.
//!
//! The widget's wasm has no RDF parsers (they would cost every JSON site
//! their bytes). When a registry turns out to be RDF/XML or Turtle, the
//! entry module's loader (`pkg/open-data-catalogue.js`) imports
//! `pkg/odc_rdf.js` once, converts the text to the registry format there,
//! and the result is read through the usual fast JSON path.

use crate::model::Catalog;
use crate::registry;
use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

pub async fn read_rdf(loader: &Function, text: &str, base: &str) -> Result<Catalog, String> {
    let promise = loader
        .call2(
            &JsValue::NULL,
            &JsValue::from_str(text),
            &JsValue::from_str(base),
        )
        .map_err(describe)?;
    let result = JsFuture::from(Promise::resolve(&promise))
        .await
        .map_err(describe)?;
    let field =
        |name: &str| Reflect::get(&result, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED);
    let registry_text = field("registry")
        .as_string()
        .ok_or("the RDF module returned no registry")?;
    let mut catalog = registry::read(&registry_text).map_err(|e| e.to_string())?;
    catalog.skipped += field("skipped").as_f64().unwrap_or(0.0) as usize;
    if let Ok(problems) = field("problems").dyn_into::<js_sys::Array>() {
        catalog
            .problems
            .extend(problems.iter().filter_map(|p| p.as_string()));
    }
    Ok(catalog)
}

fn describe(error: JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "the RDF module failed".to_string())
}
