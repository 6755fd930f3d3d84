//! A registry searched where it lives (`src/remote`): each change of the
//! query asks the service for one page and the facet counts, and the answer
//! is shaped as the in-page engine's (a page of datasets as a `Loaded`, a
//! `Response` whose hits index it), so the components cannot tell the two
//! apart.
//!
//! Typing: the text is debounced, a newer search aborts the requests of an
//! older one (AbortController) and an older answer never replaces a newer
//! one (a generation counter); recent answers are kept, so going back a
//! page or removing a filter is instant. The previous results stay on show,
//! marked busy, until the new ones arrive.

use super::loaded::{Failure, LoadError, Loaded};
use crate::browser::fetch::{fetch_text_with, FetchError};
use crate::browser::timer::sleep;
use crate::model::LangText;
use crate::registry::merge::Merged;
use crate::remote::{combine, RemoteError, Service};
use crate::search::{Facet, Request, Response};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::time::Duration;
use web_sys::AbortController;

/// Waited after a keystroke before asking: fewer than about two requests
/// per typed word at ordinary typing speed.
pub const DEBOUNCE: Duration = Duration::from_millis(250);
/// Answers kept (by URL).
const CACHED: usize = 40;
/// An answer larger than this is refused (a page of 100 entries' metadata
/// is well under a megabyte).
const MAX_ANSWER_BYTES: u64 = 16 * 1024 * 1024;

/// One answer, shaped for the components.
pub struct RemoteAnswer {
    pub loaded: Rc<Loaded>,
    pub response: Response,
    /// Facets whose counts could not be had this time.
    pub facets_missing: Vec<Facet>,
}

/// What stays between searches of one widget.
#[derive(Default)]
pub struct Searcher {
    generation: u64,
    in_flight: Option<AbortController>,
    cache: Vec<(String, String)>,
    /// Publisher names seen in earlier answers, for facet labels of
    /// publishers not on the current page.
    publishers: HashMap<String, LangText>,
}

pub type Shared = Rc<RefCell<Searcher>>;

/// Asks `service` for `request`; `None` when a newer search superseded
/// this one (its answer must not be shown).
pub async fn search(
    searcher: Shared,
    service: Service,
    request: Request,
    facets: Vec<Facet>,
    lang: &'static str,
    timeout: Duration,
    debounce: bool,
) -> Option<Result<RemoteAnswer, Failure>> {
    let planned = service.plan(&request, &facets, lang);
    let (generation, controller) = {
        let mut s = searcher.borrow_mut();
        s.generation += 1;
        if let Some(old) = s.in_flight.take() {
            old.abort();
        }
        let controller = AbortController::new().ok();
        s.in_flight = controller.clone();
        (s.generation, controller)
    };
    let current = |searcher: &Shared| searcher.borrow().generation == generation;
    let all_cached = planned.iter().all(|p| cached(&searcher, &p.url).is_some());
    if debounce && !all_cached {
        sleep(DEBOUNCE).await;
        if !current(&searcher) {
            return None;
        }
    }
    let fetches = planned.iter().map(|p| {
        let searcher = searcher.clone();
        let controller = controller.clone();
        let url = p.url.clone();
        async move {
            if let Some(text) = cached(&searcher, &url) {
                return Ok(text);
            }
            let text = fetch_text_with(&url, timeout, MAX_ANSWER_BYTES, controller).await?;
            Ok::<String, FetchError>(text)
        }
    });
    let texts = futures::future::join_all(fetches).await;
    if !current(&searcher) {
        return None;
    }
    searcher.borrow_mut().in_flight = None;
    let page_error = |e: LoadError| {
        Some(Err(Failure {
            url: Some(service.base().to_string()),
            error: e,
        }))
    };
    let mut answers = Vec::with_capacity(texts.len());
    for (p, text) in planned.iter().zip(texts) {
        match text {
            Ok(text) => {
                let parsed = service.parse(&text);
                if parsed.is_ok() {
                    remember(&searcher, &p.url, text);
                }
                answers.push(parsed);
            }
            Err(e) if p.counts_for.is_none() => return page_error(LoadError::Fetch(e)),
            Err(_) => answers.push(Err(RemoteError::Unreadable("count request failed".into()))),
        }
    }
    let (page, facets_missing) = match combine(&planned, answers, &request) {
        Ok(x) => x,
        Err(RemoteError::Refused(m)) => {
            return page_error(LoadError::Broken(format!(
                "the search service refused the query: {m}"
            )))
        }
        Err(RemoteError::Unreadable(m)) => {
            return page_error(LoadError::NotCatalogue(format!(
                "not a search service answer: {m}"
            )))
        }
    };
    for f in &facets_missing {
        warn(&format!("open-data-catalogue: the {f} counts could not be had from the search service this time"));
    }
    let hits: Vec<u32> = (0..page.datasets.len() as u32).collect();
    let mut catalog = crate::model::Catalog {
        datasets: page.datasets,
        skipped: page.skipped,
        ..Default::default()
    };
    catalog.title = LangText::new();
    let mut loaded = Loaded::new(Merged {
        catalog,
        failed: Vec::new(),
        stale: Vec::new(),
    });
    {
        let mut s = searcher.borrow_mut();
        for (key, name) in &page.publisher_names {
            s.publishers
                .insert(key.clone(), LangText::plain(name.clone()));
        }
        for (k, v) in &loaded.publishers {
            s.publishers.entry(k.clone()).or_insert_with(|| v.clone());
        }
        loaded.publishers = s.publishers.clone();
    }
    let response = Response {
        total: page.total,
        hits,
        facets: page.facets,
        partial: false,
        suggestion: None,
        terms: Vec::new(),
    };
    Some(Ok(RemoteAnswer {
        loaded: Rc::new(loaded),
        response,
        facets_missing,
    }))
}

fn cached(searcher: &Shared, url: &str) -> Option<String> {
    searcher
        .borrow()
        .cache
        .iter()
        .find(|(u, _)| u == url)
        .map(|(_, t)| t.clone())
}

fn remember(searcher: &Shared, url: &str, text: String) {
    let mut s = searcher.borrow_mut();
    s.cache.retain(|(u, _)| u != url);
    s.cache.push((url.to_string(), text));
    if s.cache.len() > CACHED {
        s.cache.remove(0);
    }
}

fn warn(message: &str) {
    web_sys::console::warn_1(&message.into());
}
