//! The page's side of the engine worker (`crate::worker`): sends an ask,
//! shapes the answer as a search service's ([`RemoteAnswer`]), so the
//! components cannot tell the backends apart. An older answer never
//! replaces a newer one (a generation counter); where the worker cannot
//! start, the caller is told to run the engine in the page.

use super::loaded::{Failure, LoadError, Loaded};
use super::remote::RemoteAnswer;
use crate::registry::jsonld::read_registry;
use crate::registry::merge::Merged;
use crate::worker::wire::{Answer, Ask, Found};
use js_sys::{Function, Promise, Reflect};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The entry module's port to this widget's worker:
/// `{ search(ask: string, early: (answer: string) => void): Promise<string | null> }`.
#[derive(Clone)]
pub struct Port {
    port: JsValue,
    generation: Rc<Cell<u64>>,
}

/// What became of an ask.
pub enum Outcome {
    /// The answer, and the worker's load it comes from.
    Answered(u64, Result<RemoteAnswer, Failure>),
    /// A newer ask was sent meanwhile: show nothing of this one.
    Superseded,
    /// No worker can run here: use the engine in the page (the entry
    /// module has told the console why, once).
    Unavailable,
}

impl Port {
    pub fn new(port: JsValue) -> Option<Port> {
        port.is_object().then(|| Port {
            port,
            generation: Rc::default(),
        })
    }

    /// The port's method `name`, if it has one.
    fn method(&self, name: &str) -> Option<Function> {
        Reflect::get(&self.port, &name.into())
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok())
    }

    /// Ends the worker (the registry is a search service: no engine needed).
    pub fn close(&self) {
        if let Some(close) = self.method("close") {
            let _ = close.call0(&self.port);
        }
    }

    /// `early` is told an early answer while a large registry still
    /// downloads (`crate::worker::early`), unless a newer ask was sent
    /// meanwhile.
    pub async fn search(&self, ask: &Ask, early: impl Fn(Outcome) + 'static) -> Outcome {
        let generation = self.generation.get() + 1;
        self.generation.set(generation);
        let text = serde_json::to_string(ask).unwrap_or_default();
        let current = self.generation.clone();
        // Kept until the answer: the worker sends an early answer before
        // the answer, never after.
        let on_early = Closure::<dyn FnMut(JsValue)>::new(move |text: JsValue| {
            if let (true, Some(text)) = (current.get() == generation, text.as_string()) {
                early(read(&text));
            }
        });
        let sent = self
            .method("search")
            .map(|search| search.call2(&self.port, &JsValue::from_str(&text), on_early.as_ref()));
        let answer = match sent {
            Some(Ok(promise)) => JsFuture::from(Promise::resolve(&promise)).await,
            Some(Err(e)) => Err(e),
            None => return Outcome::Unavailable,
        };
        if self.generation.get() != generation {
            return Outcome::Superseded;
        }
        match answer {
            Ok(text) => match text.as_string() {
                Some(text) => read(&text),
                None => Outcome::Superseded,
            },
            Err(error) => {
                let named = |name: &str| {
                    error
                        .dyn_ref::<js_sys::Error>()
                        .is_some_and(|e| e.name() == name)
                };
                let message = error
                    .dyn_ref::<js_sys::Error>()
                    .map(|e| String::from(e.message()))
                    .unwrap_or_else(|| "the engine worker failed".into());
                if named("WorkerUnavailable") {
                    Outcome::Unavailable
                } else {
                    Outcome::Answered(
                        0,
                        Err(Failure {
                            url: None,
                            error: LoadError::Broken(message),
                        }),
                    )
                }
            }
        }
    }
}

fn read(text: &str) -> Outcome {
    let broken = |why: String| Failure {
        url: None,
        error: LoadError::Broken(format!("unreadable worker answer: {why}")),
    };
    match serde_json::from_str::<Answer>(text) {
        Ok(answer) => Outcome::Answered(answer.load, shaped(answer.outcome)),
        Err(e) => Outcome::Answered(0, Err(broken(e.to_string()))),
    }
}

fn shaped(outcome: Result<Found, Failure>) -> Result<RemoteAnswer, Failure> {
    let Found {
        datasets,
        response,
        size,
        skipped,
        failed,
        stale,
        publishers,
        more_coming,
    } = outcome?;
    let mut catalog = read_registry(datasets.get()).map_err(|e| Failure {
        url: None,
        error: LoadError::Broken(format!("unreadable worker answer: {e}")),
    })?;
    catalog.skipped = skipped;
    let mut loaded = Loaded::new(Merged {
        catalog,
        failed,
        stale,
    });
    loaded.size = size;
    loaded.more_coming = more_coming;
    loaded.publishers.extend(publishers);
    Ok(RemoteAnswer {
        loaded: Rc::new(loaded),
        response,
        facets_missing: Vec::new(),
    })
}
