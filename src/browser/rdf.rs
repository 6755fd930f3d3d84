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

/// Why an RDF registry could not be read.
pub enum RdfError {
    /// The module itself could not be downloaded or started (the entry
    /// module names such an error `ModuleLoadError`); "try again" can fix
    /// this, and it says nothing about the registry.
    ModuleUnavailable(String),
    /// The module ran, and the registry is not readable RDF.
    Unreadable(String),
}

pub async fn read_rdf(loader: &Function, text: &str, base: &str) -> Result<Catalog, RdfError> {
    let promise = loader
        .call2(
            &JsValue::NULL,
            &JsValue::from_str(text),
            &JsValue::from_str(base),
        )
        .map_err(classify)?;
    let result = JsFuture::from(Promise::resolve(&promise))
        .await
        .map_err(classify)?;
    let field =
        |name: &str| Reflect::get(&result, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED);
    let registry_text = field("registry")
        .as_string()
        .ok_or_else(|| RdfError::Unreadable("the RDF module returned no registry".into()))?;
    let mut catalog =
        registry::read(&registry_text).map_err(|e| RdfError::Unreadable(e.to_string()))?;
    catalog.skipped += field("skipped").as_f64().unwrap_or(0.0) as usize;
    if let Ok(problems) = field("problems").dyn_into::<js_sys::Array>() {
        catalog
            .problems
            .extend(problems.iter().filter_map(|p| p.as_string()));
    }
    Ok(catalog)
}

fn classify(error: JsValue) -> RdfError {
    let module_failed = error
        .dyn_ref::<js_sys::Error>()
        .is_some_and(|e| e.name() == "ModuleLoadError");
    let message = describe(error);
    if module_failed {
        RdfError::ModuleUnavailable(message)
    } else {
        RdfError::Unreadable(message)
    }
}

fn describe(error: JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "the RDF module failed".to_string())
}
