//! The early first page: while a large registry still downloads, the
//! worker answers the ask it is loading for from the datasets read so far,
//! once they fill the requested page, and the page shows them (saying that
//! more are coming) instead of a loading message. The answer of the whole
//! registry follows as usual.
//!
//! It is tried when the datasets read so far have doubled since the last
//! try (a filter that matches few of them may need many), so the engines
//! built for the tries cost at most about one more built for the last; it
//! is not tried past [`LAST_TRY`] datasets, where an early page no longer
//! comes early.

use super::host::{index_if_asked, shaped};
use super::wire::{Answer, Ask, Found};
use crate::browser::intl::title_ranker;
use crate::model::Dataset;
use crate::search::Engine;
use crate::ui::publisher_names;
use js_sys::{Function, Promise};
use wasm_bindgen::{JsCast, JsValue};

/// Past this many datasets read, no early page is tried.
const LAST_TRY: usize = 8192;

pub struct EarlyPage<'a> {
    ask: &'a Ask,
    /// The load number the whole registry's answer will carry.
    load: u64,
    /// Told the early answer (JSON text of [`Answer`]).
    send: &'a Function,
    /// Datasets to have read before the next try.
    next_try: usize,
}

impl<'a> EarlyPage<'a> {
    pub fn new(ask: &'a Ask, load: u64, send: &'a Function) -> EarlyPage<'a> {
        EarlyPage {
            ask,
            load,
            send,
            next_try: ask.request.offset.saturating_add(ask.request.limit).max(1),
        }
    }

    /// Tries an early page of the datasets read so far; sent at most once.
    /// Once sent, what `send` returned if it is a promise: the reading waits
    /// for it (the worker script's, settled when the page has shown the
    /// page or after a moment).
    pub fn offer(&mut self, read: &[Dataset]) -> Option<Promise> {
        if read.len() < self.next_try || self.next_try > LAST_TRY {
            return None;
        }
        self.next_try = read.len().saturating_mul(2);
        let request = &self.ask.request;
        let rank_titles = title_ranker(&self.ask.lang);
        let mut engine = Engine::for_browsing(read, &self.ask.lang, &rank_titles);
        index_if_asked(&mut engine, request, read);
        let response = engine.search(request);
        if response.hits.len() < request.limit {
            // The page is not full yet: more datasets may fill it.
            return None;
        }
        let opened = (self.ask.open.as_deref()).and_then(|id| read.iter().find(|d| d.id == id));
        let (datasets, response, publishers) =
            shaped(read, opened, &publisher_names(read), response);
        let answer = Answer {
            load: self.load,
            outcome: Ok(Found {
                datasets,
                response,
                size: read.len(),
                skipped: 0,
                failed: Vec::new(),
                stale: Vec::new(),
                publishers,
                more_coming: true,
            }),
        };
        self.next_try = usize::MAX;
        let text = serde_json::to_string(&answer).ok()?;
        let sent = self.send.call1(&JsValue::NULL, &JsValue::from_str(&text));
        sent.ok()?.dyn_into().ok()
    }
}
