//! open-data-catalogue: an embeddable catalogue of open datasets.
//!
//! The data flows top to bottom through the modules:
//! `model` (DCAT terms) → `registry` (one reader per format) → `search`
//! (normalise, index, query, facets) → `ui` (Leptos components) → `embed`
//! (the custom element). Everything above `ui` is pure Rust and is tested
//! natively with `cargo test`; the browser layer only builds for wasm32.

pub mod config;
pub mod contrast;
#[cfg(not(target_arch = "wasm32"))]
pub mod harvest;
pub mod i18n;
pub mod links;
pub mod model;
pub mod quality;
pub mod registry;
pub mod remote;
pub mod search;
pub mod url_state;
pub mod vocab;

#[cfg(all(target_arch = "wasm32", feature = "bench"))]
pub mod bench;
#[cfg(all(target_arch = "wasm32", not(feature = "rdf-module")))]
mod browser;
#[cfg(all(target_arch = "wasm32", not(feature = "rdf-module")))]
pub mod embed;
#[cfg(all(target_arch = "wasm32", feature = "rdf-module"))]
pub mod rdf_module;
#[cfg(all(target_arch = "wasm32", not(feature = "rdf-module")))]
mod ui;
#[cfg(all(target_arch = "wasm32", not(feature = "rdf-module")))]
pub mod worker;
