//! The worker's side: [`EngineWorker`], which `pkg/odc_worker.js` creates
//! once and asks for every search. It keeps the loaded registry and its
//! engine between asks; a different registry (or "try again") loads anew,
//! a different language rebuilds only the engine.

use super::early::{EarlyAnswers, Newer};
use super::wire::{Answer, Ask, Found};
use crate::browser::intl::title_ranker;
use crate::model::{Dataset, LangText};
use crate::registry::jsonld::write_dataset_list;
use crate::search::{Engine, Facet, Request, Response};
use crate::ui::{load_all, Failure, Limits, LoadError, Loaded, Progress};
use js_sys::{Function, Promise};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::time::Duration;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub struct EngineWorker {
    held: Rc<RefCell<Held>>,
    /// An ask sent while another is answered ([`EngineWorker::newer`]).
    newer: Rc<RefCell<Option<Newer>>>,
    rdf_loader: Option<Function>,
    /// The worker script's `yieldTask`: a promise settled a task later.
    turn: Option<Function>,
}

#[derive(Default)]
struct Held {
    /// The registry URLs and load number the registry was loaded for.
    key: Option<(Vec<String>, u32)>,
    /// Loads so far (the current one's number).
    loads: u64,
    loaded: Option<Result<Rc<Loaded>, Failure>>,
    /// The engine and the language it was built for.
    engine: Option<(String, Engine)>,
}

#[wasm_bindgen]
impl EngineWorker {
    /// `rdf_loader(text, base)`: as the widget's, the RDF module's
    /// converter, imported only when a registry is RDF. `turn()`: a promise
    /// settled a task later, so asks reach the worker while it reads
    /// (`super::early`).
    #[wasm_bindgen(constructor)]
    pub fn new(rdf_loader: Option<Function>, turn: Option<Function>) -> EngineWorker {
        EngineWorker {
            held: Rc::default(),
            newer: Rc::default(),
            rdf_loader,
            turn,
        }
    }

    /// Builds what the last answer could do without (the text index), so
    /// the first keystroke does not wait for it. The worker script calls
    /// it when no ask is waiting.
    pub fn prepare(&self) {
        // Never while an answer holds it (the script does not do that,
        // and a panic would end the worker).
        let Ok(mut held) = self.held.try_borrow_mut() else {
            return;
        };
        let Held {
            loaded: Some(Ok(loaded)),
            engine: Some((_, engine)),
            ..
        } = &mut *held
        else {
            return;
        };
        engine.index_text(&loaded.catalog.datasets);
    }

    /// The answer (JSON text of [`Answer`]) to an ask (JSON text of
    /// [`Ask`]). The worker script calls it for one ask at a time.
    /// `early(text)`, if given, is told an early answer while a large
    /// registry still downloads (`super::early`).
    pub fn answer(&self, ask: String, early: Option<Function>) -> Promise {
        let held = self.held.clone();
        let newer = self.newer.clone();
        let loader = self.rdf_loader.clone();
        let turn = self.turn.clone();
        wasm_bindgen_futures::future_to_promise(async move {
            // One handed over while the last answer was given is this ask,
            // or one it superseded.
            if let Ok(mut newer) = newer.try_borrow_mut() {
                newer.take();
            }
            let outcome = match serde_json::from_str::<Ask>(&ask) {
                Ok(ask) => {
                    let early = early.as_ref().map(|send| (send, turn.as_ref()));
                    answer(&held, &newer, loader.as_ref(), ask, early).await
                }
                Err(e) => Err(Failure {
                    url: None,
                    error: LoadError::Broken(format!("the worker got an unreadable ask: {e}")),
                }),
            };
            let load = held.borrow().loads;
            let text = serde_json::to_string(&Answer { load, outcome }).unwrap_or_default();
            Ok(JsValue::from_str(&text))
        })
    }

    /// An ask the page sent while another is being answered; the worker
    /// script answers the newest in full after that one. While a registry
    /// still downloads, it is also answered early from the datasets read
    /// so far (`super::early`), through `early(text)`.
    pub fn newer(&self, ask: String, early: Function) {
        if let (Ok(ask), Ok(mut newer)) = (
            serde_json::from_str::<Ask>(&ask),
            self.newer.try_borrow_mut(),
        ) {
            *newer = Some(Newer { ask, send: early });
        }
    }
}

async fn answer(
    held: &RefCell<Held>,
    newer: &RefCell<Option<Newer>>,
    loader: Option<&Function>,
    ask: Ask,
    early: Option<(&Function, Option<&Function>)>,
) -> Result<Found, Failure> {
    let key = (ask.registry.clone(), ask.load);
    if held.borrow().key.as_ref() != Some(&key) {
        let limits = Limits {
            timeout: Duration::from_millis(ask.timeout_ms),
            max_bytes: ask.max_bytes,
        };
        // Not borrowed across the load: nothing else runs meanwhile (the
        // script answers one ask at a time), but a panic must not leave a
        // borrow behind.
        let loads = held.borrow().loads + 1;
        let mut offer = early.map(|(send, turn)| {
            let mut answers = EarlyAnswers::new(&ask, loads, send, newer, turn);
            move |read: &[Dataset]| answers.offer(read)
        });
        let progress = offer.as_mut().map(|offer| offer as Progress);
        let loaded = load_all(&ask.registry, loader, limits, progress)
            .await
            .map(Rc::new);
        *held.borrow_mut() = Held {
            key: Some(key),
            loads,
            loaded: Some(loaded),
            engine: None,
        };
    }
    let mut held = held.borrow_mut();
    let loaded = match &held.loaded {
        Some(Ok(loaded)) => loaded.clone(),
        Some(Err(failure)) => return Err(failure.clone()),
        None => {
            return Err(Failure {
                url: None,
                error: LoadError::NoRegistry,
            })
        }
    };
    if held
        .engine
        .as_ref()
        .is_none_or(|(lang, _)| *lang != ask.lang)
    {
        // The text index waits for the first ask with text, or for the
        // worker's first idle moment ([`EngineWorker::prepare`]): the
        // first page without text shows that much sooner.
        let rank_titles = title_ranker(&ask.lang);
        let engine = Engine::for_browsing(&loaded.catalog.datasets, &ask.lang, &rank_titles);
        held.engine = Some((ask.lang.clone(), engine));
    }
    let Some((_, engine)) = held.engine.as_mut() else {
        unreachable!("built above")
    };
    index_if_asked(engine, &ask.request, &loaded.catalog.datasets);
    let response = engine.search(&ask.request);
    let opened = ask.open.as_deref().and_then(|id| loaded.dataset_by_id(id));
    let (datasets, response, publishers) = shaped(
        &loaded.catalog.datasets,
        opened,
        &loaded.publishers,
        response,
    );
    Ok(Found {
        datasets,
        response,
        size: loaded.size,
        skipped: loaded.catalog.skipped,
        failed: loaded.failed_sources.clone(),
        stale: loaded.stale_sources.clone(),
        publishers,
        more_coming: false,
    })
}

/// Builds a browsing engine's text index when the request has text: only
/// a search with words needs it (`Engine::for_browsing`).
pub(super) fn index_if_asked(engine: &mut Engine, request: &Request, datasets: &[Dataset]) {
    if !request.text.trim().is_empty() {
        engine.index_text(datasets);
    }
}

/// The page's datasets (then the opened one, if not among them) as registry
/// text, the response with its hits renumbered to index them, and the
/// publisher names the page needs (from `names`, by facet key).
pub(super) fn shaped(
    all: &[Dataset],
    opened: Option<&Dataset>,
    names: &HashMap<String, LangText>,
    mut response: Response,
) -> (
    Box<serde_json::value::RawValue>,
    Response,
    Vec<(String, LangText)>,
) {
    let mut datasets: Vec<&Dataset> = response
        .hits
        .iter()
        .filter_map(|&i| all.get(i as usize))
        .collect();
    response.hits = (0..datasets.len() as u32).collect();
    if let Some(opened) = opened {
        if !datasets.iter().any(|d| d.id == opened.id) {
            datasets.push(opened);
        }
    }
    let mut publishers: Vec<(String, LangText)> = Vec::new();
    let mut add = |key: &str| {
        if let Some(name) = names.get(key) {
            if !publishers.iter().any(|(k, _)| k == key) {
                publishers.push((key.to_string(), name.clone()));
            }
        }
    };
    for counts in response
        .facets
        .iter()
        .filter(|c| c.facet == Facet::Publisher)
    {
        for (key, _) in &counts.values {
            add(key);
        }
    }
    let list = serde_json::value::RawValue::from_string(write_dataset_list(datasets))
        .unwrap_or_else(|_| empty_list());
    (list, response, publishers)
}

fn empty_list() -> Box<serde_json::value::RawValue> {
    serde_json::value::RawValue::from_string(r#"{"dataset":[]}"#.into())
        .unwrap_or_else(|_| unreachable!("valid JSON"))
}
