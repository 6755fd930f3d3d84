//! The search engine as a plain wasm API, for `bench/` only (cargo feature
//! `bench`; never part of the shipped widget).
//!
//! `bench/run.mjs` builds this with `bench/build.sh` and drives it in
//! headless Chromium next to MiniSearch and Orama: one registry text in, one
//! `{total, top20ids, facets}` JSON answer per step out, the same shape the
//! JavaScript adapters return.

use crate::model::Dataset;
use crate::search::{Engine, Facet, Request, Sort};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt::Write;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `performance.now()`: sub-millisecond where `Date.now()` is not.
    #[wasm_bindgen(js_namespace = performance, js_name = now)]
    fn performance_now() -> f64;
}

/// One step of `bench/steps.json`.
#[derive(Deserialize)]
struct Step {
    #[serde(default)]
    q: String,
    #[serde(default)]
    filters: BTreeMap<String, Vec<String>>,
}

#[wasm_bindgen]
pub struct BenchEngine {
    datasets: Vec<Dataset>,
    engine: Engine,
    parse_ms: f64,
    build_ms: f64,
    last_search_ms: f64,
}

/// The registry read as the widget reads it: chunk by chunk as it
/// downloads (`registry::stream`), never the whole text in wasm memory.
#[wasm_bindgen]
pub struct BenchReader {
    stream: crate::registry::stream::RegistryStream,
    read_ms: f64,
}

#[wasm_bindgen]
impl BenchReader {
    #[wasm_bindgen(constructor)]
    pub fn new() -> BenchReader {
        BenchReader {
            stream: crate::registry::stream::RegistryStream::new(),
            read_ms: 0.0,
        }
    }

    /// The next bytes of the registry.
    pub fn feed(&mut self, chunk: &[u8]) {
        let t0 = performance_now();
        self.stream.feed(chunk);
        self.read_ms += performance_now() - t0;
    }

    /// The engine, once every byte was fed.
    pub fn build(self) -> Result<BenchEngine, JsError> {
        let t0 = performance_now();
        let catalog = match self.stream.finish(None) {
            crate::registry::stream::Finished::Read(result) => result,
            crate::registry::stream::Finished::Whole(text) => crate::registry::read(&text),
        }
        .map_err(|e| JsError::new(&e.to_string()))?;
        let read_ms = self.read_ms + performance_now() - t0;
        Ok(BenchEngine::from_catalog(catalog, read_ms))
    }
}

impl Default for BenchReader {
    fn default() -> Self {
        BenchReader::new()
    }
}

#[wasm_bindgen]
impl BenchEngine {
    /// Reads a registry (the widget's reader) and builds the engine with
    /// the browser's `Intl.Collator("sv")`, as the widget does.
    #[wasm_bindgen(constructor)]
    pub fn new(registry_text: &str) -> Result<BenchEngine, JsError> {
        let t0 = performance_now();
        let catalog =
            crate::registry::read(registry_text).map_err(|e| JsError::new(&e.to_string()))?;
        Ok(BenchEngine::from_catalog(catalog, performance_now() - t0))
    }
}

impl BenchEngine {
    fn from_catalog(catalog: crate::model::Catalog, parse_ms: f64) -> BenchEngine {
        let t1 = performance_now();
        let rank_titles = crate::browser::intl::title_ranker("sv");
        let engine = Engine::with_title_order(&catalog.datasets, "sv", &rank_titles);
        let t2 = performance_now();
        BenchEngine {
            datasets: catalog.datasets,
            engine,
            parse_ms,
            build_ms: t2 - t1,
            last_search_ms: 0.0,
        }
    }
}

#[wasm_bindgen]
impl BenchEngine {
    /// Milliseconds spent in `registry::read`.
    #[wasm_bindgen(getter)]
    pub fn parse_ms(&self) -> f64 {
        self.parse_ms
    }

    /// Milliseconds spent in `Engine::new`.
    #[wasm_bindgen(getter)]
    pub fn build_ms(&self) -> f64 {
        self.build_ms
    }

    /// Milliseconds the last `run` spent in `Engine::search` alone (without
    /// parsing the step or writing the answer).
    #[wasm_bindgen(getter)]
    pub fn last_search_ms(&self) -> f64 {
        self.last_search_ms
    }

    /// Number of datasets read.
    #[wasm_bindgen(getter)]
    pub fn datasets(&self) -> usize {
        self.datasets.len()
    }

    /// One step `{q, filters: {facet: [values]}}` → `{total, top20ids,
    /// facets: {facet: {value: count}}}` (relevance order, first 20).
    pub fn run(&mut self, step_json: &str) -> Result<String, JsError> {
        let step: Step =
            serde_json::from_str(step_json).map_err(|e| JsError::new(&e.to_string()))?;
        let mut filters = crate::search::Filters::new();
        for (name, values) in step.filters {
            let facet: Facet = name
                .parse()
                .map_err(|_| JsError::new(&format!("unknown facet {name}")))?;
            filters.set(facet, values);
        }
        let request = Request {
            text: step.q,
            filters,
            sort: Sort::Relevance,
            offset: 0,
            limit: 20,
        };
        let t0 = performance_now();
        let response = self.engine.search(&request);
        self.last_search_ms = performance_now() - t0;

        let mut out = String::with_capacity(4096);
        let _ = write!(out, "{{\"total\":{},\"top20ids\":[", response.total);
        for (i, &d) in response.hits.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            push_json_str(&mut out, &self.datasets[d as usize].id);
        }
        out.push_str("],\"facets\":{");
        for (i, counts) in response.facets.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            push_json_str(&mut out, counts.facet.as_str());
            out.push_str(":{");
            for (j, (value, n)) in counts.values.iter().enumerate() {
                if j > 0 {
                    out.push(',');
                }
                push_json_str(&mut out, value);
                let _ = write!(out, ":{n}");
            }
            out.push('}');
        }
        out.push_str("}}");
        Ok(out)
    }

    /// Times each part of `Engine::with_title_order` again on the same
    /// datasets (after the measured build, so it does not disturb it):
    /// stemmer set-up, text index, title ranks with `Intl.Collator` (sorted
    /// in JavaScript; `collator_calls`: calls into JavaScript to sort) and
    /// with the native fallback sort, modified ranks, facet index. JSON:
    /// `{phase: ms, ..., collator_calls}`.
    pub fn build_profile(&self) -> String {
        use crate::search::{facets::FacetIndex, index::Index, sort, stem::Stemmers};
        let ds = &self.datasets;
        let mut t = performance_now();
        let mut lap = || {
            let now = performance_now();
            let ms = now - t;
            t = now;
            ms
        };
        let stemmers = Stemmers::new();
        let stemmers_ms = lap();
        let index = Index::build(ds, &stemmers);
        let index_ms = lap();
        let calls = std::cell::Cell::new(0u64);
        let sorter = crate::browser::intl::title_ranker("sv");
        let counting = |titles: &[&str]| {
            calls.set(calls.get() + 1);
            sorter(titles)
        };
        let _ = lap();
        let title_rank = sort::title_ranks_with(ds, "sv", &counting);
        let title_intl_ms = lap();
        let _native = sort::title_ranks_with(ds, "sv", &sort::swedish_fallback_ranks);
        let title_native_ms = lap();
        let _modified = sort::modified_ranks(ds, &title_rank);
        let modified_ms = lap();
        let _facets = FacetIndex::build(ds);
        let facets_ms = lap();
        drop(index);
        format!(
            "{{\"stemmers_ms\":{stemmers_ms},\"index_ms\":{index_ms},\"title_ranks_intl_ms\":{title_intl_ms},\
             \"title_ranks_native_ms\":{title_native_ms},\"modified_ranks_ms\":{modified_ms},\
             \"facet_index_ms\":{facets_ms},\"collator_calls\":{}}}",
            calls.get()
        )
    }
}

fn push_json_str(out: &mut String, s: &str) {
    // serde_json's escaping; writing into a String cannot fail.
    out.push_str(&serde_json::to_string(s).unwrap_or_default());
}
