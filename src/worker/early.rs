//! Early answers: while a large registry still downloads, the worker
//! answers from the datasets read so far, marked as such
//! ([`Found::more_coming`]: the page says "so far – loading more"), and the
//! answer of the whole registry follows as usual.
//!
//! * **The first page**, of the ask the registry is loading for, once the
//!   datasets read fill it, instead of a loading message. It is tried when
//!   the datasets read so far have doubled since the last try (a filter
//!   that matches few of them may need many), so the engines built for the
//!   tries cost at most about one more built for the last.
//! * **Asks sent meanwhile** (the person types or picks a filter while the
//!   rest downloads, [`Newer`]): answered after the next slice read, from
//!   an engine over the datasets read so far. It is kept for the asks after
//!   and built again only when they have doubled: a search, not a rebuild,
//!   per keystroke.
//!
//! A registry the browser already has (cached, or from a fast server) is
//! read in one chain of promise reactions, during which no ask reaches the
//! worker: every [`TURN_MS`] of reading, it waits a task.
//!
//! The first page is not tried past [`LAST_TRY`] datasets: it no longer
//! comes early there, and an engine over more would hold back the whole
//! registry's answer longer than it helps. Asks sent meanwhile are answered
//! from the first [`MEANWHILE_MAX`] datasets at most: their engine needs a
//! text index as soon as the person types, and indexing takes the worker
//! about 10 ms per 1,000 datasets natively, twice that in the browser, all
//! of it between the keystroke and its answer.

use super::host::{index_if_asked, shaped};
use super::wire::{Answer, Ask, Found};
use crate::browser::intl::title_ranker;
use crate::model::Dataset;
use crate::search::{Engine, Response};
use crate::ui::publisher_names;
use js_sys::{Function, Promise};
use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue};

/// Past this many datasets read, no early page is tried.
const LAST_TRY: usize = 8192;

/// Asks sent meanwhile are answered from the first this many datasets at
/// most. Typed 200 ms after a 10,000-dataset registry's first page, a
/// search waited 154 ms for its engine over the 2,900 read by then (here,
/// on a slow day); natively the text index of 2,900 synthetic datasets
/// takes 31 ms, of 8,192 87 ms, of 2,048 about 22.
const MEANWHILE_MAX: usize = 2048;

/// Reading time between two turns of the worker's task loop: an ask sent
/// meanwhile waits about this long at most, and a turn costs well under a
/// millisecond.
const TURN_MS: f64 = 20.0;

/// An ask the page sent while the worker was loading for another
/// (`EngineWorker::newer`), and where its early answer goes (JSON text of
/// [`Answer`]). The worker script answers it in full once the load is done.
pub struct Newer {
    pub ask: Ask,
    pub send: Function,
}

pub struct EarlyAnswers<'a> {
    ask: &'a Ask,
    /// The load number the whole registry's answer will carry.
    load: u64,
    /// Told the early first page.
    send: &'a Function,
    /// Datasets to have read before the next try of the first page.
    next_try: usize,
    /// The newest ask sent meanwhile, not answered yet.
    newer: &'a RefCell<Option<Newer>>,
    /// The engine asks sent meanwhile are answered from: its language and
    /// how many of the datasets read it was built over.
    partial: Option<(String, usize, Engine)>,
    /// Makes a promise settled a task later (the worker script's).
    turn: Option<&'a Function>,
    /// When the reading last waited a task (`Date.now()`).
    last_turn: f64,
}

impl<'a> EarlyAnswers<'a> {
    pub fn new(
        ask: &'a Ask,
        load: u64,
        send: &'a Function,
        newer: &'a RefCell<Option<Newer>>,
        turn: Option<&'a Function>,
    ) -> EarlyAnswers<'a> {
        EarlyAnswers {
            ask,
            load,
            send,
            next_try: ask.request.offset.saturating_add(ask.request.limit).max(1),
            newer,
            partial: None,
            turn,
            last_turn: js_sys::Date::now(),
        }
    }

    /// Told the datasets read so far after each slice of the registry.
    /// Answers an ask sent meanwhile, else tries the first page (sent at
    /// most once). Returns a promise the reading waits for: after the first
    /// page, what `send` returned (the worker script's, settled when the
    /// page has shown the page or after a moment), else now and then a
    /// turn.
    pub fn offer(&mut self, read: &[Dataset]) -> Option<Promise> {
        if self.answer_newer(read) {
            // The page no longer waits for the first page of the ask
            // this load began with.
            self.next_try = usize::MAX;
        } else if let Some(shown) = self.first_page(read) {
            self.last_turn = js_sys::Date::now();
            return Some(shown);
        }
        self.turn()
    }

    /// A task's wait, every [`TURN_MS`] of reading.
    fn turn(&mut self) -> Option<Promise> {
        let now = js_sys::Date::now();
        if now - self.last_turn < TURN_MS {
            return None;
        }
        self.last_turn = now;
        self.turn?.call0(&JsValue::NULL).ok()?.dyn_into().ok()
    }

    fn first_page(&mut self, read: &[Dataset]) -> Option<Promise> {
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
        self.next_try = usize::MAX;
        let text = answer_text(self.load, read, self.ask.open.as_deref(), response)?;
        let sent = self.send.call1(&JsValue::NULL, &JsValue::from_str(&text));
        sent.ok()?.dyn_into().ok()
    }

    /// Answers the ask sent meanwhile, if there is one for this registry
    /// (an ask for another registry waits for its own load) and the
    /// datasets read would fill the page it asks for (an answer from the
    /// first few would say "none so far" until the whole registry is read);
    /// whether it did.
    fn answer_newer(&mut self, read: &[Dataset]) -> bool {
        // Taken, not borrowed across the answer: the worker script may hand
        // over a newer ask only between two slices, but a panic must not
        // leave a borrow behind.
        let taken = self.newer.try_borrow_mut().ok().and_then(|mut newer| {
            let request = &newer.as_ref()?.ask.request;
            (read.len() >= request.offset.saturating_add(request.limit)).then(|| newer.take())?
        });
        let Some(Newer { ask, send }) = taken else {
            return false;
        };
        if (&ask.registry, ask.load) != (&self.ask.registry, self.ask.load) {
            return false;
        }
        let searched = &read[..read.len().min(MEANWHILE_MAX)];
        let fresh = match &self.partial {
            Some((lang, built, _)) => *lang == ask.lang && searched.len() < built.saturating_mul(2),
            None => false,
        };
        if !fresh {
            let rank_titles = title_ranker(&ask.lang);
            let engine = Engine::for_browsing(searched, &ask.lang, &rank_titles);
            self.partial = Some((ask.lang.clone(), searched.len(), engine));
        }
        let Some((_, built, engine)) = self.partial.as_mut() else {
            return false;
        };
        let searched = &read[..*built];
        index_if_asked(engine, &ask.request, searched);
        let response = engine.search(&ask.request);
        if let Some(text) = answer_text(self.load, searched, ask.open.as_deref(), response) {
            let _ = send.call1(&JsValue::NULL, &JsValue::from_str(&text));
        }
        true
    }
}

/// An early answer (JSON text of [`Answer`]): `response` of the datasets
/// `read` so far.
fn answer_text(
    load: u64,
    read: &[Dataset],
    open: Option<&str>,
    response: Response,
) -> Option<String> {
    let opened = open.and_then(|id| read.iter().find(|d| d.id == id));
    let (datasets, response, publishers) = shaped(read, opened, &publisher_names(read), response);
    let answer = Answer {
        load,
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
    serde_json::to_string(&answer).ok()
}
